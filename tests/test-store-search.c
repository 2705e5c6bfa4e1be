/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Household search against a model: every query's rows and count are compared with what a plain
 * substring search over the same households gives, in every sort order, page by page. */
#include <string.h>

#include "bf-store-collate-private.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-test-household.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

#define N_HOUSEHOLDS 48

typedef struct
{
  char *dir;
  BfStore *store;
  GPtrArray *villages;   /* BfVillage */
  GPtrArray *households; /* BfHousehold, as stored */
} Fixture;

static const char *const surnames[] = { "王", "李", "张", "欧阳", "陈", "买买提", "Li " };
static const char *const given[] = { "小明", "明",   "建国", "三丰", "娜娜",
                                     "伟",   "秀英", "红",   "Wei",  "x" };
static const char *const statuses[] = { "surveyed", "verified", "registered", "exited" };
static const char *const attributes[] = { NULL, "general", "dibao", "tekun" };
static const char *const monitoring[] = { NULL, "unstable", "marginal" };
static const char *const causes[] = { "illness", "disability", "schooling", "disaster", "land" };

static void
set_status (BfStore *store, gint64 id, const char *status)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE households SET status = '%s' WHERE id = %" G_GINT64_FORMAT, status, id);

  bf_test_exec (store, sql);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint person = 0;

  g_setenv ("BANGFU_TODAY", "2026-05-01", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "search.bangfu", 3);
  f->villages = bf_store_list_villages (f->store, &error);
  g_assert_no_error (error);
  f->households = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_household_free);

  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    {
      BfVillage *village = g_ptr_array_index (f->villages, i % 3);
      g_autofree char *number = bf_store_household_next_number (f->store, village->id, &error);
      g_autoptr (BfHousehold) h = bf_household_new ();
      BfHousehold *stored;
      guint n_members = 1 + (i * 7) % 4;

      g_assert_no_error (error);
      h->number = g_steal_pointer (&number);
      h->village_id = village->id;
      if (i % 5 != 0)
        h->group_id = ((BfGroup *) g_ptr_array_index (village->groups, i % 3))->id;
      h->attribute = g_strdup (attributes[i % G_N_ELEMENTS (attributes)]);
      h->monitoring_type = g_strdup (monitoring[(i / 2) % G_N_ELEMENTS (monitoring)]);
      h->primary_cause = g_strdup (causes[i % G_N_ELEMENTS (causes)]);
      if (i % 3 != 0)
        h->other_causes[0] = g_strdup (causes[(i + 2) % G_N_ELEMENTS (causes)]);
      for (guint m = 0; m < n_members; m++)
        {
          const char *surname = surnames[(i + (m == 1 ? 3 : 0)) % G_N_ELEMENTS (surnames)];
          g_autofree char *name =
            g_strconcat (surname, given[(i * 3 + m) % G_N_ELEMENTS (given)], NULL);
          g_autofree char *birth =
            g_strdup_printf ("19%02u%02u%02u", 40 + person % 60, 1 + person % 12, 1 + person % 28);
          g_autofree char *id =
            bf_test_id_number_at (person % 2 ? "110105" : "430102", birth, person);

          g_ptr_array_add (h->members, bf_test_member (name, m == 0 ? "head" : "other", id));
          person++;
        }
      if (i % 4 != 0)
        {
          h->survey = bf_survey_new ();
          h->survey->year = 2025;
          h->survey->wage_fen = (gint64) ((i * 37) % 11) * 100000;
          h->survey->business_expense_fen = i % 7 == 0 ? 500000 : 0; /* some negative incomes */
        }
      bf_test_household_save (f->store, h);
      set_status (f->store, h->id, statuses[(i / 3) % G_N_ELEMENTS (statuses)]);
      if (i % 9 == 4)
        g_assert_true (bf_store_household_delete (f->store, h->id, &error));
      stored = bf_store_household_get (f->store, h->id, &error);
      g_assert_no_error (error);
      g_ptr_array_add (f->households, stored);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  _bf_store_search_force (0, -1);
  g_ptr_array_unref (f->households);
  g_ptr_array_unref (f->villages);
  g_assert_true (bf_store_close (f->store, &error));
  g_object_unref (f->store);
  bf_test_tmpdir_free (f->dir);
}

/* The model: what the search means. */

static gboolean
contains_folded (const char *haystack, const char *needle)
{
  g_autofree char *h = g_ascii_strdown (haystack, -1);
  g_autofree char *n = g_ascii_strdown (needle, -1);

  return strstr (h, n) != NULL;
}

static gboolean
model_matches (const BfHousehold *h, const BfHouseholdQuery *q)
{
  if (!q->include_deleted && h->deleted_at != NULL)
    return FALSE;
  if ((q->village_id != 0 && h->village_id != q->village_id) ||
      (q->group_id != 0 && h->group_id != q->group_id))
    return FALSE;
  if ((q->status != NULL && g_strcmp0 (h->status, q->status) != 0) ||
      (q->attribute != NULL && g_strcmp0 (h->attribute, q->attribute) != 0) ||
      (q->monitoring_type != NULL && g_strcmp0 (h->monitoring_type, q->monitoring_type) != 0))
    return FALSE;
  if (q->cause != NULL && g_strcmp0 (h->primary_cause, q->cause) != 0 &&
      g_strcmp0 (h->other_causes[0], q->cause) != 0 &&
      g_strcmp0 (h->other_causes[1], q->cause) != 0)
    return FALSE;
  if (q->text != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (q->text));

      if (*text == '\0' || contains_folded (h->number, text))
        return TRUE;
      for (guint i = 0; i < h->members->len; i++)
        {
          const BfMember *m = g_ptr_array_index (h->members, i);

          if (contains_folded (m->name, text) || contains_folded (m->id_number, text))
            return TRUE;
        }
      return FALSE;
    }
  return TRUE;
}

static gint64
village_key (const BfHousehold *h)
{
  return (h->village_id << 32) | h->group_id;
}

/* Names in the store's pinyin order: its own keys (test-store-collate.c checks the order). */
static int
compare_names (const char *a, const char *b)
{
  g_autoptr (GBytes) ka = _bf_collate_name_key (a);
  g_autoptr (GBytes) kb = _bf_collate_name_key (b);

  return g_bytes_compare (ka, kb);
}

static int
compare_key (const BfHousehold *a, const BfHousehold *b, BfHouseholdSort sort)
{
  const BfMember *ha = bf_household_get_head (a), *hb = bf_household_get_head (b);
  gint64 ia = 0, ib = 0;

  switch (sort)
    {
      case BF_HOUSEHOLD_SORT_NUMBER:
        return strcmp (a->number, b->number);
      case BF_HOUSEHOLD_SORT_HEAD:
        return compare_names (ha->name, hb->name);
      case BF_HOUSEHOLD_SORT_VILLAGE:
        ia = village_key (a), ib = village_key (b);
        break;
      case BF_HOUSEHOLD_SORT_MEMBERS:
        ia = a->members->len, ib = b->members->len;
        break;
      case BF_HOUSEHOLD_SORT_ATTRIBUTE:
        return strcmp (a->attribute ? a->attribute : "", b->attribute ? b->attribute : "");
      case BF_HOUSEHOLD_SORT_MONITORING:
        return strcmp (a->monitoring_type ? a->monitoring_type : "",
                       b->monitoring_type ? b->monitoring_type : "");
      case BF_HOUSEHOLD_SORT_CAUSE:
        return strcmp (a->primary_cause ? a->primary_cause : "",
                       b->primary_cause ? b->primary_cause : "");
      case BF_HOUSEHOLD_SORT_STATUS:
        return strcmp (a->status, b->status);
      case BF_HOUSEHOLD_SORT_INCOME:
        ia = a->survey ? a->survey->per_capita_fen : G_MININT64;
        ib = b->survey ? b->survey->per_capita_fen : G_MININT64;
        break;
      case BF_HOUSEHOLD_SORT_UPDATED:
        return strcmp (a->updated_at, b->updated_at);
    }
  return ia < ib ? -1 : ia > ib;
}

static BfHouseholdQuery sort_query;

static int
compare_rows (gconstpointer pa, gconstpointer pb)
{
  const BfHousehold *a = *(BfHousehold *const *) pa, *b = *(BfHousehold *const *) pb;
  int c = compare_key (a, b, sort_query.sort);

  if (c == 0)
    c = a->id < b->id ? -1 : a->id > b->id;
  return sort_query.descending ? -c : c;
}

static GPtrArray *
model_search (Fixture *f, const BfHouseholdQuery *q)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < f->households->len; i++)
    if (model_matches (g_ptr_array_index (f->households, i), q))
      g_ptr_array_add (rows, g_ptr_array_index (f->households, i));
  sort_query = *q;
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

/* Pages of @limit rows until the end: ids in order. */
static GArray *
store_search (Fixture *f, const BfHouseholdQuery *q, guint limit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (BfHouseholdCursor) cursor = NULL;

  for (guint pages = 0;; pages++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BfHouseholdPage) page =
        bf_store_household_search (f->store, q, cursor, limit, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
      g_assert_cmpuint (page->rows->len, <=, limit);
      g_assert_cmpuint (pages, <=, N_HOUSEHOLDS);
      for (guint i = 0; i < page->rows->len; i++)
        g_array_append_val (ids, ((BfHouseholdRow *) g_ptr_array_index (page->rows, i))->id);
      g_clear_pointer (&cursor, bf_household_cursor_free);
      if (page->next == NULL)
        break;
      g_assert_cmpuint (page->rows->len, ==, limit);
      cursor = bf_household_cursor_copy (page->next);
    }
  return ids;
}

static void
assert_query (Fixture *f, const BfHouseholdQuery *q, guint limit)
{
  g_autoptr (GPtrArray) expected = model_search (f, q);
  g_autoptr (GArray) got = store_search (f, q, limit);
  g_autoptr (GError) error = NULL;

  if (got->len != expected->len)
    g_error ("query “%s” sort %d%s: %u rows, expected %u", q->text ? q->text : "", q->sort,
             q->descending ? " desc" : "", got->len, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==,
                     ((BfHousehold *) g_ptr_array_index (expected, i))->id);
  g_assert_cmpint (bf_store_household_count (f->store, q, &error), ==, expected->len);
  g_assert_no_error (error);
}

static const char *const texts[] = {
  "王",       "明",   "小明",   "王明", "明三",      "建国", "王建国", "欧阳",  "阳娜",
  "欧阳娜娜", "三丰", "买买提", "提三", "li",        "LI",   "Li W",   "wei",   "x",
  "X",        "1",    "11",     "43",   "0102",      "-",    "001-",   "-0001", "002-00005",
  " 王 ",     "se",   "ep",     "sep",  "zz",        "%",    "'",      "\"",    "王\"",
  "AND",      "NEAR", "*",      "明*",  "欧阳 娜娜",
};

static void
test_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) some_ids = g_ptr_array_new_with_free_func (g_free);

  /* ID fragments of real people: the last six and last four characters, the full number in
   * lower case. */
  for (guint i = 0; i < f->households->len; i += 5)
    {
      const BfHousehold *h = g_ptr_array_index (f->households, i);
      const char *id =
        ((BfMember *) g_ptr_array_index (h->members, h->members->len - 1))->id_number;

      g_ptr_array_add (some_ids, g_strdup (id + 12));
      g_ptr_array_add (some_ids, g_strdup (id + 14));
      g_ptr_array_add (some_ids, g_ascii_strdown (id, -1));
      g_ptr_array_add (some_ids, g_strdup (h->number));
    }

  for (int plan = 0; plan <= 3; plan++)
    {
      /* 0: as the store chooses (here, few candidates: looked up by id); then each way forced. */
      _bf_store_search_force (plan, plan == 0 ? -1 : plan - 1);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          BfHouseholdQuery q = { .text = texts[i] };

          assert_query (f, &q, 50);
          q.include_deleted = TRUE;
          assert_query (f, &q, 7);
        }
      for (guint i = 0; i < some_ids->len; i++)
        {
          BfHouseholdQuery q = { .text = g_ptr_array_index (some_ids, i) };
          g_autoptr (GPtrArray) expected = model_search (f, &q);

          assert_query (f, &q, 50);
          q.include_deleted = TRUE;
          g_ptr_array_unref (expected);
          expected = model_search (f, &q);
          g_assert_cmpuint (expected->len, >=, 1);
          assert_query (f, &q, 50);
        }
    }

  /* The model agrees with what a caseworker expects of a few. */
  {
    BfHouseholdQuery q = { .text = "小明" };
    g_autoptr (GPtrArray) rows = model_search (f, &q);

    g_assert_cmpuint (rows->len, >, 0);
    q.text = "王";
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = model_search (f, &q);
    g_assert_cmpuint (rows->len, >, 3);
  }
}

/* A query that spans the end of one name or ID number and the start of the next finds nothing. */
static void
test_no_spanning (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < f->households->len; i++)
    {
      const BfHousehold *h = g_ptr_array_index (f->households, i);
      const BfMember *a, *b;
      g_autofree char *two = NULL;
      g_autofree char *three = NULL;
      g_autofree char *digits = NULL;
      const char *last;

      if (h->members->len < 2 || h->deleted_at != NULL)
        continue;
      a = g_ptr_array_index (h->members, 0);
      b = g_ptr_array_index (h->members, 1);
      last = g_utf8_offset_to_pointer (a->name, g_utf8_strlen (a->name, -1) - 1);
      two = g_strdup_printf ("%s%.*s", last, (int) (g_utf8_next_char (b->name) - b->name), b->name);
      three = g_strdup_printf ("%s%.*s", last,
                               (int) (g_utf8_offset_to_pointer (b->name, 2) - b->name), b->name);
      digits = g_strdup_printf ("%s%.2s", a->id_number + 16, b->id_number);
      for (int plan = 0; plan <= 3; plan++)
        {
          _bf_store_search_force (plan, plan == 0 ? -1 : plan - 1);
          for (const char *const *t = (const char *const[]){ two, three, digits, NULL }; *t != NULL;
               t++)
            {
              BfHouseholdQuery q = { .text = *t };
              g_autoptr (GPtrArray) rows = model_search (f, &q);

              for (guint r = 0; r < rows->len; r++)
                g_assert_true (g_ptr_array_index (rows, r) != h);
              assert_query (f, &q, 50);
            }
        }
    }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  BfVillage *v2 = g_ptr_array_index (f->villages, 1);
  BfGroup *g2 = g_ptr_array_index (v2->groups, 1);
  const BfHouseholdQuery queries[] = {
    { 0 },
    { .include_deleted = TRUE },
    { .village_id = v2->id },
    { .village_id = v2->id, .group_id = g2->id },
    { .group_id = g2->id },
    { .status = "registered" },
    { .status = "no-such-status" },
    { .attribute = "dibao" },
    { .monitoring_type = "marginal" },
    { .cause = "schooling" }, /* primary for some, other for others */
    { .cause = "land" },
    { .cause = "illness", .attribute = "general" },
    { .village_id = v2->id, .status = "verified", .include_deleted = TRUE },
    { .text = "王", .village_id = v2->id },
    { .text = "明", .cause = "disability", .monitoring_type = "unstable" },
    { .text = "43", .status = "exited", .attribute = "tekun" },
    { .text = "王建国", .include_deleted = TRUE, .village_id = v2->id },
  };

  for (int plan = 0; plan <= 3; plan++)
    for (int walk = -1; walk <= 2; walk++)
      {
        _bf_store_search_force (plan, walk);
        for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
          assert_query (f, &queries[i], 5);
      }
  /* Schooling is both a primary and an other cause in the data. */
  {
    BfHouseholdQuery q = { .cause = "schooling" };
    g_autoptr (GPtrArray) rows = model_search (f, &q);
    gboolean primary = FALSE, other = FALSE;

    for (guint i = 0; i < rows->len; i++)
      {
        const BfHousehold *h = g_ptr_array_index (rows, i);

        primary = primary || g_strcmp0 (h->primary_cause, "schooling") == 0;
        other = other || g_strcmp0 (h->other_causes[0], "schooling") == 0;
      }
    g_assert_true (primary && other);
  }
}

static void
test_sort_paging (Fixture *f, gconstpointer data)
{
  const char *const sort_texts[] = { NULL, "王", "1" };

  for (int plan = 0; plan <= 3; plan++)
    {
      _bf_store_search_force (plan, plan == 0 ? -1 : plan - 1);
      for (BfHouseholdSort sort = BF_HOUSEHOLD_SORT_NUMBER; sort <= BF_HOUSEHOLD_SORT_UPDATED;
           sort++)
        for (int descending = 0; descending <= 1; descending++)
          for (guint t = 0; t < G_N_ELEMENTS (sort_texts); t++)
            {
              BfHouseholdQuery q = { .text = sort_texts[t],
                                     .sort = sort,
                                     .descending = descending };

              /* Pages of 1, 4 and 50 rows all give every row once, in order. */
              assert_query (f, &q, 1);
              assert_query (f, &q, 4);
              assert_query (f, &q, 50);
              q.include_deleted = TRUE;
              assert_query (f, &q, 6);
            }
    }
}

static void
test_rows (Fixture *f, gconstpointer data)
{
  BfHouseholdQuery q = { .sort = BF_HOUSEHOLD_SORT_NUMBER };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHouseholdPage) page = bf_store_household_search (f->store, &q, NULL, 100, &error);

  g_assert_no_error (error);
  g_assert_null (page->next);
  for (guint i = 0; i < page->rows->len; i++)
    {
      const BfHouseholdRow *row = g_ptr_array_index (page->rows, i);
      const BfHousehold *h = NULL;

      for (guint j = 0; j < f->households->len; j++)
        if (((BfHousehold *) g_ptr_array_index (f->households, j))->id == row->id)
          h = g_ptr_array_index (f->households, j);
      g_assert_nonnull (h);
      g_assert_cmpstr (row->uuid, ==, h->uuid);
      g_assert_cmpstr (row->number, ==, h->number);
      g_assert_cmpstr (row->head_name, ==, bf_household_get_head (h)->name);
      g_assert_cmpstr (row->village_name, ==, h->village_name);
      g_assert_cmpstr (row->group_name, ==, h->group_name);
      g_assert_cmpint (row->member_count, ==, h->members->len);
      g_assert_cmpstr (row->attribute, ==, h->attribute);
      g_assert_cmpstr (row->monitoring_type, ==, h->monitoring_type);
      g_assert_cmpstr (row->primary_cause, ==, h->primary_cause);
      g_assert_cmpstr (row->status, ==, h->status);
      g_assert_cmpint (row->per_capita_fen, ==, h->survey ? h->survey->per_capita_fen : G_MININT64);
      g_assert_cmpstr (row->updated_at, ==, h->updated_at);
    }
}

/* The index follows every write: renamed, removed and added members, a new number. */
static void
test_index_follows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) h = bf_store_household_get (
    f->store, ((BfHousehold *) g_ptr_array_index (f->households, 1))->id, &error);
  g_autofree char *old_name = g_strdup (bf_household_get_head (h)->name);
  g_autofree char *new_id = bf_test_id_number_at ("330102", "19991231", 7);
  BfHouseholdQuery q = { .text = "诸葛" };

  g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 0);
  g_free (bf_household_get_head (h)->name);
  bf_household_get_head (h)->name = g_strdup ("诸葛亮");
  g_ptr_array_add (h->members, bf_test_member ("司马懿", "other", new_id));
  g_free (h->number);
  h->number = g_strdup ("QX-1");
  bf_test_household_save (f->store, h);

  for (const char *const *t = (const char *const[]){ "诸", "诸葛", "诸葛亮", "葛亮", "司马懿", "懿",
                                                     "qx-1", "QX", "330102", NULL };
       *t != NULL; t++)
    {
      q.text = *t;
      g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 1);
    }
  q.text = old_name;
  g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 0);

  /* Removed members are not found any more. */
  g_ptr_array_remove_index (h->members, h->members->len - 1);
  bf_test_household_save (f->store, h);
  q.text = "司马";
  g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 0);
  q.text = "330102";
  g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 0);
  g_assert_no_error (error);
}

/* Households written around the household API are indexed by the first search; a damaged
 * index is rebuilt from the tables. */
static void
test_rebuild (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_test_store_new (f->dir, "bulk.bangfu", 1);
  g_autofree char *id = bf_test_id_number ("19500505", 9);
  BfHouseholdQuery q = { .text = "欧阳修" };
  gint64 household = bf_test_add_household (store, "BULK-1", "欧阳修", id);

  g_assert_cmpint (household, >, 0);
  g_assert_cmpint (bf_store_household_count (store, &q, &error), ==, 1);
  q.text = "修";
  g_assert_cmpint (bf_store_household_count (store, &q, &error), ==, 1);
  q.text = id + 12;
  g_assert_cmpint (bf_store_household_count (store, &q, &error), ==, 1);

  bf_test_exec (f->store,
                "UPDATE household_search SET number = 'x', names = 'x', ids = 'x', chars = 'x'");
  q.text = "王";
  g_assert_cmpint (bf_store_household_count (f->store, &q, &error), ==, 0);
  g_assert_true (_bf_store_search_rebuild (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      q.text = texts[i];
      assert_query (f, &q, 50);
    }
  g_assert_true (bf_store_close (store, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/search/text", test_text);
  ADD ("/store/search/no-spanning", test_no_spanning);
  ADD ("/store/search/filters", test_filters);
  ADD ("/store/search/sort-paging", test_sort_paging);
  ADD ("/store/search/rows", test_rows);
  ADD ("/store/search/index-follows", test_index_follows);
  ADD ("/store/search/rebuild", test_rebuild);
  return g_test_run ();
}
