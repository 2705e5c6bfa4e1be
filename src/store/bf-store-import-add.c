/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One household of an import: its villages and groups found (or created), what of it the
 * register holds already (its number, its people), and its write: created, a duplicate updated
 * or skipped, a household an undone import created brought back, or refused. A household is
 * checked — against the register, and by the validation of a household save — before anything of
 * it is written, so that a refusal leaves nothing: no savepoint per household (each one makes
 * the search index's FTS5 tables flush, which cost a tenth of an import's time). */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-lifecycle.h"
#include "bf-store-household-checks-private.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"
#include "bf-store-import-private.h"
#include "bf-store-regions.h"

/* ---- Names of places ---- */

/* NFKC, without white space, lower case: how names from a sheet meet the register's. */
static char *
region_key (const char *name)
{
  g_autofree char *nfkc = g_utf8_normalize (name != NULL ? name : "", -1, G_NORMALIZE_NFKC);
  GString *key = g_string_new (NULL);

  for (const char *p = nfkc; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (key, FALSE);
}

/* @key without the first of @suffixes it ends with (when something is left), else a copy. */
static char *
without_suffix (const char *key, const char *const *suffixes)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (key, suffixes[i]) && strlen (key) > strlen (suffixes[i]))
      return g_strndup (key, strlen (key) - strlen (suffixes[i]));
  return g_strdup (key);
}

/* 1–99 in digits or Chinese numerals ("3", "十二", "二十三"); 0 for anything else. */
static int
small_number (const char *text)
{
  static const char digits[] = "零一二三四五六七八九";
  int value = 0, pending = -1;

  if (*text == '\0')
    return 0;
  if (strspn (text, "0123456789") == strlen (text))
    return strlen (text) <= 2 ? atoi (text) : 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *found = strstr (digits, (char[]){ p[0], p[1], p[2], '\0' });

      if (g_str_has_prefix (p, "十"))
        {
          value += (pending > 0 ? pending : 1) * 10;
          pending = -1;
        }
      else if (found != NULL && (found - digits) % 3 == 0)
        pending = (int) ((found - digits) / 3);
      else
        return 0;
    }
  if (pending > 0)
    value += pending;
  return value < 100 ? value : 0;
}

/* A group's number: "3组", "第三组", "三村民小组", "3" are group 3; 0 when it has none. */
static int
group_number (const char *key)
{
  static const char *const suffixes[] = { "村民小组", "村民组", "小组", "组", "社", NULL };
  g_autofree char *bare = without_suffix (key, suffixes);
  const char *start = g_str_has_prefix (bare, "第") ? bare + strlen ("第") : bare;

  return small_number (start);
}

static const char *const village_suffixes[] = { "村委会", "居委会", "社区", "村", NULL };
static const char *const county_suffixes[] = { "自治县", "县", "区", "市", "旗", NULL };
static const char *const township_suffixes[] = { "民族乡", "街道", "苏木", "乡", "镇", NULL };

/* The same place written two ways: equal keys, or equal without the kind of place. */
static gboolean
same_place (const char *a, const char *b, const char *const *suffixes)
{
  g_autofree char *ka = region_key (a);
  g_autofree char *kb = region_key (b);
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  if (strcmp (ka, kb) == 0)
    return TRUE;
  sa = without_suffix (ka, suffixes);
  sb = without_suffix (kb, suffixes);
  return strcmp (sa, sb) == 0;
}

static void
region_clear (ImportRegion *region)
{
  g_free (region->name);
  g_free (region->key);
}

static void
group_free (ImportRegion *group)
{
  region_clear (group);
  g_free (group);
}

void
_bf_import_village_free (ImportVillage *village)
{
  region_clear (&village->region);
  g_ptr_array_unref (village->groups);
  g_free (village);
}

static ImportVillage *
village_add (BfStoreImporter *self, gint64 id, const char *name)
{
  ImportVillage *village = g_new0 (ImportVillage, 1);

  village->region.id = id;
  village->region.name = g_strdup (name);
  village->region.key = region_key (name);
  village->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_ptr_array_add (self->villages, village);
  return village;
}

static ImportRegion *
group_add (ImportVillage *village, gint64 id, const char *name)
{
  ImportRegion *group = g_new0 (ImportRegion, 1);

  group->id = id;
  group->name = g_strdup (name);
  group->key = region_key (name);
  group->number = group_number (group->key);
  g_ptr_array_add (village->groups, group);
  return group;
}

gboolean
_bf_import_load_regions (BfStoreImporter *self, GError **error)
{
  g_autoptr (GPtrArray) villages = bf_store_list_villages (self->store, error);

  if (villages == NULL)
    return FALSE;
  for (guint i = 0; i < villages->len; i++)
    {
      const BfVillage *v = g_ptr_array_index (villages, i);
      ImportVillage *village = village_add (self, v->id, v->name);

      for (guint j = 0; j < v->groups->len; j++)
        {
          const BfGroup *g = g_ptr_array_index (v->groups, j);

          group_add (village, g->id, g->name);
        }
    }
  return TRUE;
}

static ImportVillage *
find_village (BfStoreImporter *self, const char *name)
{
  g_autofree char *key = region_key (name);
  g_autofree char *bare = without_suffix (key, village_suffixes);
  ImportVillage *loose = NULL;

  for (guint i = 0; i < self->villages->len; i++)
    {
      ImportVillage *village = g_ptr_array_index (self->villages, i);
      g_autofree char *other = NULL;

      if (strcmp (village->region.key, key) == 0)
        return village;
      other = without_suffix (village->region.key, village_suffixes);
      if (loose == NULL && strcmp (other, bare) == 0)
        loose = village;
    }
  return loose;
}

static ImportRegion *
find_group (ImportVillage *village, const char *name)
{
  g_autofree char *key = region_key (name);
  int number = group_number (key);
  ImportRegion *loose = NULL;

  for (guint i = 0; i < village->groups->len; i++)
    {
      ImportRegion *group = g_ptr_array_index (village->groups, i);

      if (strcmp (group->key, key) == 0)
        return group;
      if (loose == NULL && number > 0 && group->number == number)
        loose = group;
    }
  return loose;
}

/* Where a household goes: its village and group as the register has them, or NULL for those to
 * be created. */
typedef struct
{
  const char *village_name;
  const char *group_name; /* NULL: no group */
  ImportVillage *village;
  ImportRegion *group;
} Place;

static void
place_find (BfStoreImporter *self, const BfHousehold *household, Place *place)
{
  memset (place, 0, sizeof *place);
  place->village_name = household->village_name;
  place->group_name =
    household->group_name != NULL && *household->group_name != '\0' ? household->group_name : NULL;
  place->village = find_village (self, place->village_name);
  if (place->village != NULL && place->group_name != NULL)
    place->group = find_group (place->village, place->group_name);
}

static void
note_region (BfStoreImportOutcome *outcome, const char *village, const char *group)
{
  if (outcome->new_regions == NULL)
    outcome->new_regions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (outcome->new_regions,
                   group != NULL ? g_strdup_printf ("%s %s", village, group) : g_strdup (village));
}

static void link_record (BfStoreImporter *self,
                         const char *entity,
                         gint64 id,
                         const char *action,
                         guint64 row,
                         GError **error);

/* Makes the place's missing village and group: in the register when writing (inside the
 * household's savepoint), else only in the importer's list. Sets @household's ids. */
static gboolean
place_make (BfStoreImporter *self,
            Place *place,
            BfHousehold *household,
            guint64 row,
            BfStoreImportOutcome *outcome,
            GError **error)
{
  gint64 village_before = household->village_id;
  GError *local = NULL;
  gint64 id;

  if (place->village == NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (place->village_name));

      id = self->write ? _bf_region_add_village (self->store, name, 0, error) : 0;
      if (self->write && id == 0)
        return FALSE;
      link_record (self, "villages", id, "created", row, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      place->village = village_add (self, id, name);
      note_region (outcome, name, NULL);
    }
  if (place->group_name != NULL && place->group == NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (place->group_name));

      id = self->write ? _bf_region_add_group (self->store, place->village->region.id, name, error)
                       : 0;
      if (self->write && id == 0)
        return FALSE;
      link_record (self, "village_groups", id, "created", row, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      place->group = group_add (place->village, id, name);
      note_region (outcome, place->village->region.name, name);
    }
  household->village_id = place->village->region.id;
  /* A sheet without groups leaves a household of the register in its group. */
  if (place->group != NULL || place->group_name != NULL || household->village_id != village_before)
    household->group_id = place->group != NULL ? place->group->id : 0;
  return TRUE;
}

/* ---- Records of the import ---- */

static void
link_record (BfStoreImporter *self,
             const char *entity,
             gint64 id,
             const char *action,
             guint64 row,
             GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;

  if (!self->write)
    return;
  stmt = _bf_store_prepare (self->store,
                            "INSERT OR IGNORE INTO import_records (import_id, entity, record_id, "
                            "action, sheet_row) VALUES (?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->import_id);
  _bf_bind_text (stmt, 2, entity);
  sqlite3_bind_int64 (stmt, 3, id);
  _bf_bind_text (stmt, 4, action);
  sqlite3_bind_int64 (stmt, 5, (gint64) row);
  _bf_store_step_done (self->store, stmt, _ ("Cannot record the import"), error);
}

/* Links the active members of household @id whose ID numbers are in @members (all of them when
 * NULL) as @action. */
static gboolean
link_members (BfStoreImporter *self,
              gint64 household_id,
              GPtrArray *id_numbers,
              const char *action,
              guint64 row,
              GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  GError *local = NULL;

  stmt = _bf_store_prepare (self->store,
                            "SELECT id FROM members WHERE household_id = ? AND id_number = ? AND "
                            "deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < id_numbers->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, household_id);
      _bf_bind_text (stmt, 2, g_ptr_array_index (id_numbers, i));
      if (!_bf_step_row (self->store, stmt, _ ("A member just saved is missing."), error))
        return FALSE;
      link_record (self, "members", sqlite3_column_int64 (stmt, 0), action, row, &local);
      sqlite3_reset (stmt);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }
  return TRUE;
}

/* Links every active member of household @id as created. */
static gboolean
link_all_members (BfStoreImporter *self, gint64 household_id, guint64 row, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (
    self->store,
    "INSERT OR IGNORE INTO import_records (import_id, entity, record_id, action, sheet_row) "
    "SELECT ?1, 'members', id, 'created', ?2 FROM members WHERE household_id = ?3 AND "
    "deleted_at IS NULL",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->import_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) row);
  sqlite3_bind_int64 (stmt, 3, household_id);
  return _bf_store_step_done (self->store, stmt, _ ("Cannot record the import"), error);
}

/* ---- What the register holds already ---- */

typedef enum
{
  MATCH_NEW,
  MATCH_DUPLICATE, /* target: the one household its number and people are in */
  MATCH_REVIVE,    /* target: the deleted household of its number, an undone import's */
  MATCH_REFUSED,
} MatchKind;

static void
place_free (BfStoreImportPlace *place)
{
  g_free (place->household_number);
  g_free (place->head_name);
  g_free (place->message);
  g_free (place);
}

void
bf_store_import_outcome_clear (BfStoreImportOutcome *outcome)
{
  g_free (outcome->message);
  g_free (outcome->household_number);
  g_free (outcome->head_name);
  g_clear_pointer (&outcome->places, g_ptr_array_unref);
  g_clear_pointer (&outcome->new_regions, g_ptr_array_unref);
  memset (outcome, 0, sizeof *outcome);
}

static void
add_place (BfStoreImportOutcome *outcome,
           const BfHousehold *household,
           int member,
           sqlite3_stmt *stmt)
{
  BfStoreImportPlace *place = g_new0 (BfStoreImportPlace, 1);

  place->member = member;
  place->household_id = sqlite3_column_int64 (stmt, 0);
  place->household_number = _bf_column_dup (stmt, 1);
  place->head_name = _bf_column_dup (stmt, 2);
  if (member < 0)
    place->message =
      g_strdup_printf (_ ("Household number %s is already in the register (head of household %s)."),
                       place->household_number, place->head_name);
  else
    {
      const BfMember *person = g_ptr_array_index (household->members, member);

      place->message = g_strdup_printf (
        _ ("%s (ID number %s) is already in household %s (head of household %s)."), person->name,
        person->id_number, place->household_number, place->head_name);
    }
  g_ptr_array_add (outcome->places, place);
}

static void
refuse (BfStoreImportOutcome *outcome, BfStoreImportRefusal refusal, char *message)
{
  outcome->result = BF_STORE_IMPORT_REFUSED;
  outcome->refusal = refusal;
  g_free (outcome->message);
  outcome->message = message;
}

/* The places' sentences, one after the other. */
static char *
describe_places (GPtrArray *places)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < places->len; i++)
    {
      const BfStoreImportPlace *place = g_ptr_array_index (places, i);

      if (text->len > 0)
        g_string_append (text, " ");
      g_string_append (text, place->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A deleted household numbered @number that an undone import created: its id, else 0. */
static gint64
revivable (BfStoreImporter *self, gint64 household_id, GError **error)
{
  g_autoptr (BfCachedStmt) stmt =
    _bf_store_prepare (self->store,
                       "SELECT 1 FROM import_records r JOIN imports i ON i.id = r.import_id WHERE "
                       "r.entity = 'households' AND r.record_id = ? AND r.action = 'created' AND "
                       "i.state = 'undone' LIMIT 1",
                       error);
  int found;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, household_id);
  found = _bf_step_one (self->store, stmt, _ ("Cannot read the imports"), error);
  return found < 0 ? -1 : found ? household_id : 0;
}

static MatchKind
match (BfStoreImporter *self,
       const BfHousehold *household,
       gint64 *target,
       BfStoreImportOutcome *outcome,
       GError **error)
{
  g_autoptr (BfCachedStmt) by_number = NULL;
  g_autoptr (BfCachedStmt) by_person = NULL;
  gint64 deleted = 0;
  gboolean several = FALSE;

  outcome->places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  *target = 0;
  if (household->number != NULL)
    {
      by_number = _bf_store_prepare (
        self->store, "SELECT id, number, head_name, deleted_at FROM households WHERE number = ?",
        error);
      if (by_number == NULL)
        return -1;
      _bf_bind_text (by_number, 1, household->number);
      switch (_bf_step_one (self->store, by_number, _ ("Cannot read the households"), error))
        {
          case 1:
            if (sqlite3_column_type (by_number, 3) == SQLITE_NULL)
              add_place (outcome, household, -1, by_number);
            else
              deleted = sqlite3_column_int64 (by_number, 0);
            sqlite3_reset (by_number);
            break;
          case 0:
            break;
          default:
            return -1;
        }
    }
  by_person =
    _bf_store_prepare (self->store,
                       "SELECT h.id, h.number, h.head_name FROM members m JOIN households h ON "
                       "h.id = m.household_id WHERE m.id_number = ? AND m.deleted_at IS NULL AND "
                       "m.household_active = 1 AND h.deleted_at IS NULL",
                       error);
  if (by_person == NULL)
    return -1;
  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);

      _bf_bind_text (by_person, 1, member->id_number);
      switch (_bf_step_one (self->store, by_person, _ ("Cannot look up the ID number"), error))
        {
          case 1:
            add_place (outcome, household, (int) i, by_person);
            sqlite3_reset (by_person);
            break;
          case 0:
            break;
          default:
            return -1;
        }
    }

  for (guint i = 0; i < outcome->places->len; i++)
    {
      const BfStoreImportPlace *place = g_ptr_array_index (outcome->places, i);

      if (*target != 0 && place->household_id != *target)
        several = TRUE;
      *target = place->household_id;
    }
  if (several)
    {
      g_autofree char *places = describe_places (outcome->places);

      refuse (outcome, BF_STORE_IMPORT_REFUSAL_CONFLICT,
              g_strdup_printf (_ ("%s A household of the sheet cannot be more than one household "
                                  "of the register: correct the sheet or the register."),
                               places));
      return MATCH_REFUSED;
    }
  if (*target != 0)
    {
      const BfStoreImportPlace *place = g_ptr_array_index (outcome->places, 0);

      outcome->household_id = *target;
      outcome->household_number = g_strdup (place->household_number);
      outcome->head_name = g_strdup (place->head_name);
      return MATCH_DUPLICATE;
    }
  if (deleted != 0)
    {
      gint64 revive = revivable (self, deleted, error);

      if (revive < 0)
        return -1;
      if (revive > 0)
        {
          *target = revive;
          return MATCH_REVIVE;
        }
      refuse (outcome, BF_STORE_IMPORT_REFUSAL_NUMBER_TAKEN,
              g_strdup_printf (_ ("Household number %s belongs to a deleted household: restore "
                                  "that household, or give this one another number."),
                               household->number));
      return MATCH_REFUSED;
    }
  return MATCH_NEW;
}

/* The register's county and township, when the sheet gives them, must be its own. */
static gboolean
check_township (BfStoreImporter *self, const BfStoreImportItem *item, BfStoreImportOutcome *outcome)
{
  const char *county = bf_store_get_county (self->store);
  const char *township = bf_store_get_township (self->store);

  if ((item->county == NULL || same_place (item->county, county, county_suffixes)) &&
      (item->township == NULL || same_place (item->township, township, township_suffixes)))
    return TRUE;
  refuse (outcome, BF_STORE_IMPORT_REFUSAL_OTHER_TOWNSHIP,
          g_strdup_printf (_ ("The household is of %s %s, but this register is of %s %s: import "
                              "it into that township's register."),
                           item->county != NULL ? item->county : county,
                           item->township != NULL ? item->township : township, county, township));
  return FALSE;
}

/* An import sets a new household's status, but not one that needs the record of a step the
 * register does not have: a notice must be posted in Bangfu to pass it. */
static gboolean
check_status (const BfStoreImportItem *item, BfStoreImportOutcome *outcome)
{
  BfStatus status;

  if (item->status == NULL)
    return TRUE;
  if (!bf_status_from_code (item->status, &status))
    g_return_val_if_reached (FALSE);
  if (status != BF_STATUS_VILLAGE_NOTICE && status != BF_STATUS_TOWNSHIP_NOTICE &&
      status != BF_STATUS_EXIT_NOTICE)
    return TRUE;
  refuse (outcome, BF_STORE_IMPORT_REFUSAL_STATUS,
          g_strdup_printf (_ ("The status “%s” is a public notice, which an import cannot bring "
                              "into the register: import the household at the step before it "
                              "and post the notice in Bangfu."),
                           bf_status_label (status)));
  return FALSE;
}

/* ---- Copying a sheet's values onto a household of the register ---- */

static gboolean
skipped_column (const char *column, const char *const *skip)
{
  return skip != NULL && g_strv_contains (skip, column);
}

/* The fields @from gives (not "not recorded") onto @to, but those in @skip. TRUE when any
 * differed. */
static gboolean
copy_given (const Table *table, gconstpointer from, gpointer to, const char *const *skip)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const Field *field = &table->fields[i];
      Value given = _bf_field_get (field, from);
      Value had = _bf_field_get (field, to);
      const char *src = FIELD_PTR (from, field);
      char *dst = FIELD_PTR (to, field);

      if (given.type == VALUE_NULL || skipped_column (field->column, skip))
        continue;
      changed = changed || had.type != given.type ||
                (given.type == VALUE_TEXT && strcmp (had.s, given.s) != 0) ||
                (given.type == VALUE_INT && had.i != given.i) ||
                (given.type == VALUE_REAL && had.d != given.d);
      switch (field->kind)
        {
          case FIELD_TEXT:
          case FIELD_DATE:
          case FIELD_CODE:
            g_free (*(char **) dst);
            *(char **) dst = g_strdup (*(char *const *) src);
            break;
          case FIELD_REF:
          case FIELD_FEN:
            *(gint64 *) dst = *(const gint64 *) src;
            break;
          case FIELD_INT:
          case FIELD_TRI:
          case FIELD_COUNT:
          case FIELD_GRADE:
            *(int *) dst = *(const int *) src;
            break;
          case FIELD_REAL:
            *(double *) dst = *(const double *) src;
            break;
        }
    }
  return changed;
}

static const char *const household_kept[] = { "number", "village_id", "group_id", "helper_id",
                                              NULL };
static const char *const member_kept[] = { "person_number", "id_number", NULL };

static BfMember *
member_by_id_number (const BfHousehold *household, const char *id_number)
{
  for (guint i = 0; i < household->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (household->members, i);

      if (g_strcmp0 (member->id_number, id_number) == 0)
        return member;
    }
  return NULL;
}

static BfMember *
new_member (const BfMember *from)
{
  BfMember *member = bf_member_copy (from);

  member->id = 0;
  g_clear_pointer (&member->uuid, g_free);
  return member;
}

/* ---- Writing one household ---- */

/* The register's own checks of a household save (bf_store_household_save's validation), before
 * anything of the household is written: the village and the number the register gives it are
 * stood in for. FALSE: refused, in @outcome. */
static gboolean
validate (const BfHousehold *work, BfStoreImportOutcome *outcome)
{
  g_autoptr (BfHousehold) copy = bf_household_copy (work);
  g_autoptr (GError) error = NULL;

  if (copy->village_id == 0)
    copy->village_id = G_MAXINT64;
  if (copy->number == NULL)
    copy->number = g_strdup ("-");
  if (_bf_household_validate (copy, &error))
    return TRUE;
  refuse (outcome, BF_STORE_IMPORT_REFUSAL_INVALID, g_strdup (error->message));
  return FALSE;
}

static gint64
household_id_of (BfStore *store, const char *number, GError **error)
{
  g_autoptr (BfCachedStmt) stmt =
    _bf_store_prepare (store, "SELECT id FROM households WHERE number = ?", error);

  if (stmt == NULL)
    return 0;
  _bf_bind_text (stmt, 1, number);
  if (!_bf_step_row (store, stmt, _ ("A household just saved is missing."), error))
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* The sheet's status for a household the import creates (the save path creates it surveyed). */
static gboolean
set_status (BfStore *store, gint64 id, const char *before, const char *status, GError **error)
{
  g_autofree char *uuid = _bf_uuid_of (store, "households", id);

  if (status == NULL || g_strcmp0 (before, status) == 0)
    return TRUE;
  return _bf_set_column (store, "households", "id", id, uuid, "status", before, status, NULL,
                         "update", error);
}

static GPtrArray *
id_numbers_of (const BfHousehold *household, gboolean only_new)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < household->members->len; i++)
    {
      const BfMember *member = g_ptr_array_index (household->members, i);

      if (!only_new || member->id == 0)
        g_ptr_array_add (ids, member->id_number);
    }
  return ids;
}

/* What the three kinds of write do inside the household's savepoint. */
typedef struct
{
  MatchKind kind;
  BfHousehold *work;         /* what is saved */
  const BfHousehold *before; /* DUPLICATE, REVIVE: the household as the register has it */
  const BfStoreImportItem *item;
  GPtrArray *changed_members; /* DUPLICATE: ID numbers of the members the sheet changed */
} Write;

/* REVIVE: the deleted household comes back without the members the sheet no longer has, so that
 * none of them collides with a person who has joined another household since. */
static gboolean
revive (BfStoreImporter *self, const Write *w, GError **error)
{
  g_autofree char *now = _bf_now_iso ();
  g_autoptr (BfCachedStmt) restore = NULL;
  JsonObject *changes;

  for (guint i = 0; i < w->before->members->len; i++)
    {
      const BfMember *old = g_ptr_array_index (w->before->members, i);

      if (member_by_id_number (w->work, old->id_number) == NULL &&
          !_bf_soft_delete (self->store, "members", old->id, old->uuid, now, error))
        return FALSE;
    }
  restore = _bf_store_prepare (
    self->store, "UPDATE households SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2", error);
  if (restore == NULL)
    return FALSE;
  _bf_bind_text (restore, 1, now);
  sqlite3_bind_int64 (restore, 2, w->before->id);
  if (!_bf_store_step_done (self->store, restore, _ ("Cannot restore the household"), error))
    return FALSE;
  changes = json_object_new ();
  _bf_changes_add (changes, "deleted_at", w->before->deleted_at, NULL);
  return _bf_store_audit (self->store, "restore", "households", w->before->uuid, changes, error);
}

static gboolean
write_household (BfStoreImporter *self, Write *w, GError **error)
{
  gint64 id = w->work->id;

  if (w->kind == MATCH_REVIVE && !revive (self, w, error))
    return FALSE;
  if (!_bf_store_household_save_in_write (self->store, w->work, error))
    return FALSE;
  if (w->kind == MATCH_DUPLICATE)
    {
      g_autoptr (GPtrArray) added = id_numbers_of (w->work, TRUE);
      GError *local = NULL;

      link_record (self, "households", id, "updated", w->item->row, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      return link_members (self, id, added, "created", w->item->row, error) &&
             link_members (self, id, w->changed_members, "updated", w->item->row, error);
    }

  if (id == 0 && (id = household_id_of (self->store, w->work->number, error)) == 0)
    return FALSE;
  w->work->id = id;
  if (!set_status (self->store, id, w->before != NULL ? w->before->status : "surveyed",
                   w->item->status, error))
    return FALSE;
  {
    GError *local = NULL;

    link_record (self, "households", id, "created", w->item->row, &local);
    if (local != NULL)
      {
        g_propagate_error (error, local);
        return FALSE;
      }
  }
  return link_all_members (self, id, w->item->row, error);
}

/* The household as it will be saved: DUPLICATE, the register's with the sheet's values; NEW and
 * REVIVE, the sheet's (REVIVE: under the deleted household's id, keeping its members' ids). */
static BfHousehold *
prepare (const BfStoreImportItem *item,
         MatchKind kind,
         const BfHousehold *before,
         GPtrArray *changed_members,
         gboolean *changed)
{
  const BfHousehold *sheet = item->household;
  BfHousehold *work;

  *changed = TRUE;
  if (kind == MATCH_DUPLICATE)
    {
      work = bf_household_copy (before);
      *changed = copy_given (&_bf_households_table, sheet, work, household_kept);
      for (guint i = 0; i < sheet->members->len; i++)
        {
          const BfMember *from = g_ptr_array_index (sheet->members, i);
          BfMember *to = member_by_id_number (work, from->id_number);

          if (to == NULL)
            {
              g_ptr_array_add (work->members, new_member (from));
              *changed = TRUE;
            }
          else if (copy_given (&_bf_members_table, from, to, member_kept))
            {
              g_ptr_array_add (changed_members, to->id_number);
              *changed = TRUE;
            }
        }
      return work;
    }
  work = bf_household_copy (sheet);
  work->id = 0;
  g_clear_pointer (&work->uuid, g_free);
  for (guint i = 0; i < work->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (work->members, i);
      const BfMember *old = before != NULL ? member_by_id_number (before, member->id_number) : NULL;

      member->id = old != NULL ? old->id : 0;
      g_free (member->uuid);
      member->uuid = old != NULL ? g_strdup (old->uuid) : NULL;
    }
  if (kind == MATCH_REVIVE)
    {
      work->id = before->id;
      work->uuid = g_strdup (before->uuid);
      work->helper_id = before->helper_id;
    }
  return work;
}

static void
count (BfStoreImporter *self,
       BfStoreImportOutcome *outcome,
       MatchKind kind,
       const BfHousehold *work,
       guint n_changed)
{
  guint added = 0;

  for (guint i = 0; i < work->members->len; i++)
    if (((BfMember *) g_ptr_array_index (work->members, i))->id == 0 || kind != MATCH_DUPLICATE)
      added++;
  outcome->result = kind == MATCH_DUPLICATE ? BF_STORE_IMPORT_UPDATED : BF_STORE_IMPORT_CREATED;
  outcome->people_created = added;
  outcome->people_updated = n_changed;
  if (kind == MATCH_DUPLICATE)
    self->households_updated++;
  else
    self->households_created++;
  self->people_created += added;
  self->people_updated += n_changed;
}

gboolean
bf_store_importer_add (BfStoreImporter *self,
                       const BfStoreImportItem *item,
                       BfStoreImportChoice choice,
                       BfStoreImportOutcome *outcome,
                       GError **error)
{
  g_autoptr (BfHousehold) before = NULL;
  g_autoptr (BfHousehold) work = NULL;
  g_autoptr (GPtrArray) changed_members = g_ptr_array_new ();
  gboolean changed, keep_place;
  gint64 target;
  MatchKind kind;
  Place place;
  Write w;

  g_return_val_if_fail (self != NULL && item != NULL && item->household != NULL, FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  memset (outcome, 0, sizeof *outcome);
  if (!check_township (self, item, outcome))
    return TRUE;
  kind = match (self, item->household, &target, outcome, error);
  if ((int) kind < 0)
    return FALSE;
  if (kind == MATCH_REFUSED)
    return TRUE;
  if (kind == MATCH_DUPLICATE && choice == BF_STORE_IMPORT_SKIP)
    {
      outcome->result = BF_STORE_IMPORT_SKIPPED;
      outcome->message = describe_places (outcome->places);
      return TRUE;
    }
  if (kind != MATCH_DUPLICATE && !check_status (item, outcome))
    return TRUE;
  if (kind != MATCH_NEW && (before = bf_store_household_get (self->store, target, error)) == NULL)
    return FALSE;

  work = prepare (item, kind, before, changed_members, &changed);
  /* A duplicate stays where it is unless the sheet names its village. */
  keep_place = kind == MATCH_DUPLICATE && item->household->village_name == NULL;
  place_find (self, keep_place ? before : item->household, &place);
  if (kind == MATCH_DUPLICATE && !changed)
    changed = place.village == NULL || (place.group_name != NULL && place.group == NULL) ||
              place.village->region.id != before->village_id ||
              (place.group != NULL ? place.group->id : before->group_id) != before->group_id;
  if (!changed)
    {
      outcome->result = BF_STORE_IMPORT_UNCHANGED;
      return TRUE;
    }

  if (!validate (work, outcome))
    return TRUE;
  if (!place_make (self, &place, work, item->row, outcome, error))
    return FALSE;
  if (self->write)
    {
      /* Checked and validated: what fails now is the register, and the whole import with it. */
      w = (Write){ kind, work, before, item, changed_members };
      if ((work->number == NULL && (work->number = bf_store_household_next_number (
                                      self->store, work->village_id, error)) == NULL) ||
          !write_household (self, &w, error))
        return FALSE;
    }
  count (self, outcome, kind, work, changed_members->len);
  outcome->household_id = work->id;
  g_free (outcome->household_number);
  outcome->household_number = g_strdup (work->number);
  g_free (outcome->head_name);
  outcome->head_name = g_strdup (bf_household_get_head (work)->name);
  return TRUE;
}
