/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A demo township: households with members and their whole history, written straight into the
 * tables with cached prepared statements, 1,000 households per transaction. Everything comes
 * from one GRand so that a seed reproduces the register; dates are relative to a fixed
 * reference date. The text is Chinese data (names, notes), not interface strings. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-exit-checks.h"
#include "bf-id-number.h"
#include "bf-income.h"
#include "bf-lifecycle.h"
#include "bf-money.h"
#include "bf-store-demo-private.h"
#include "bf-store-demo.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"

static const char *const village_names[BF_DEMO_MAX_VILLAGES] = {
  "清水村", "石门村", "大坪村",   "龙潭村", "桃花村", "杨家村", "新田村", "白沙村",
  "高峰村", "枫树村", "黄泥村",   "马鞍村", "长岭村", "竹园村", "金星村", "红星村",
  "和平村", "团结村", "双河村",   "三合村", "柏树村", "凤凰村", "岩口村", "茶园村",
  "荷塘村", "李家村", "王家坪村", "塘湾村", "山口村", "河西村", "上坪村", "下湾村",
  "麻田村", "梅子村", "油榨村",   "仙人村", "乐园村", "东风村", "向阳村", "永兴村",
};

/* Example lines in fen for the years the demo uses, unless the register has its own. */
static const gint64 example_lines[DEMO_N_YEARS][2] = {
  { 280000, 420000 }, { 285500, 428000 }, { 300000, 450000 }, { 320000, 480000 },
  { 350000, 525000 }, { 375000, 562500 }, { 400000, 600000 }, { 420000, 600000 },
  { 440000, 650000 }, { 460000, 690000 }, { 480000, 710000 }, { 500000, 730000 },
  { 520000, 750000 }, { 540000, 770000 },
};

/* ---- set-up from the register ---- */

static void
demo_village_free (gpointer data)
{
  DemoVillage *v = data;

  g_array_unref (v->groups);
  g_ptr_array_unref (v->group_names);
  g_free (v->name);
  g_free (v->number_prefix);
  g_free (v);
}

static gboolean
load_villages (Demo *d, GError **error)
{
  g_autoptr (GPtrArray) villages = bf_store_list_villages (d->store, error);

  if (villages == NULL)
    return FALSE;
  if (villages->len == 0)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("The register has no villages to put demo households in"));
      return FALSE;
    }
  for (guint i = 0; i < villages->len; i++)
    {
      BfVillage *bv = g_ptr_array_index (villages, i);
      DemoVillage *v = g_new0 (DemoVillage, 1);
      g_autofree char *next = NULL;
      guint weight;

      v->id = bv->id;
      v->name = g_strdup (bv->name);
      v->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
      v->group_names = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; bv->groups != NULL && j < bv->groups->len; j++)
        {
          BfGroup *g = g_ptr_array_index (bv->groups, j);
          g_array_append_val (v->groups, g->id);
          g_ptr_array_add (v->group_names, g_strdup (g->name));
        }
      if (v->groups->len == 0)
        {
          /* No groups: households belong to the village only. */
          gint64 none = 0;
          g_array_append_val (v->groups, none);
          g_ptr_array_add (v->group_names, g_strdup (""));
        }
      v->surname = _bf_demo_pick_surname (d);
      weight = _bf_demo_rnd (d, 40, 160);
      g_array_append_val (d->village_w, weight);
      g_ptr_array_add (d->villages, v);
      /* Numbers as bf_store_household_next_number() gives them ("003-00157"), continuing its
       * sequence, so that households added later follow on. */
      next = bf_store_household_next_number (d->store, v->id, error);
      if (next == NULL)
        return FALSE;
      if (strchr (next, '-') == NULL)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                       "demo: unexpected household number “%s”", next);
          return FALSE;
        }
      v->number_prefix = g_strndup (next, strchr (next, '-') - next + 1);
      v->next_seq = (guint) g_ascii_strtoull (strchr (next, '-') + 1, NULL, 10) - 1;
    }
  return TRUE;
}

static gboolean
load_used_ids (Demo *d, GError **error)
{
  sqlite3_stmt *stmt = _bf_store_prepare (d->store, "SELECT id_number FROM members", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      gint64 key;

      if (number == NULL || strlen (number) != 18 || strspn (number, "0123456789") < 17)
        continue;
      key = _bf_demo_id_key (number);
      g_hash_table_add (d->used_ids, g_memdup2 (&key, sizeof key));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (d->store, error, _ ("Could not read the register"));
      return FALSE;
    }
  return TRUE;
}

/* The register's own lines where it has them; the examples elsewhere, written in the first
 * batch. */
static gboolean
load_lines (Demo *d, GError **error)
{
  sqlite3_stmt *stmt =
    _bf_store_prepare (d->store,
                       "SELECT year, poverty_line_fen, monitoring_line_fen FROM poverty_lines "
                       "WHERE deleted_at IS NULL AND year BETWEEN ? AND ?",
                       error);

  if (stmt == NULL)
    return FALSE;
  memset (d->lines, 0, sizeof d->lines);
  sqlite3_bind_int (stmt, 1, DEMO_FIRST_YEAR);
  sqlite3_bind_int (stmt, 2, DEMO_LAST_YEAR);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0) - DEMO_FIRST_YEAR;
      d->lines[y][0] = sqlite3_column_int64 (stmt, 1);
      d->lines[y][1] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
insert_missing_lines (Demo *d)
{
  for (int y = 0; y < DEMO_N_YEARS; y++)
    {
      if (d->lines[y][0] != 0)
        continue;
      d->lines[y][0] = example_lines[y][0];
      d->lines[y][1] = example_lines[y][1];
      _bf_demo_stamp (d, _bf_demo_julian (DEMO_FIRST_YEAR + y, 1, 1));
      _bf_demo_insert (d,
                       "INSERT INTO poverty_lines (uuid, created_at, updated_at, year, "
                       "poverty_line_fen, monitoring_line_fen, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       "iIIt", DEMO_FIRST_YEAR + y, example_lines[y][0], example_lines[y][1],
                       "演示数据示例，请按本省标准修改");
    }
}

static char *
county_short_name (const char *county)
{
  const char *end = county + strlen (county);

  if (g_str_has_suffix (county, "县") || g_str_has_suffix (county, "市") ||
      g_str_has_suffix (county, "区"))
    end = g_utf8_prev_char (end);
  return g_strndup (county, end - county);
}

BfStore *
bf_store_demo_create (const char *path, guint n_villages, const char *operator_name, GError **error)
{
  const char *names[BF_DEMO_MAX_VILLAGES + 1] = { NULL };
  BfRegisterSpec spec = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  if (n_villages < 1 || n_villages > BF_DEMO_MAX_VILLAGES)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                   _ ("A demo township has between 1 and %d villages"), BF_DEMO_MAX_VILLAGES);
      return NULL;
    }
  for (guint i = 0; i < n_villages; i++)
    names[i] = village_names[i];
  spec.county = DEMO_COUNTY;
  spec.township = DEMO_TOWNSHIP;
  spec.villages = names;
  spec.groups_per_village = DEMO_GROUPS;
  spec.operator_name = operator_name;
  return bf_store_create (path, &spec, error);
}

static gboolean
demo_batch (Demo *d, guint first, guint count, guint32 seed, GError **error)
{
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autofree char *range = g_strdup_printf ("%u–%u", first + 1, first + count);
  JsonArray *pair;

  if (!_bf_store_begin (d->store, error))
    return FALSE;
  if (first == 0)
    insert_missing_lines (d);
  for (guint i = 0; i < count && d->error == NULL; i++)
    _bf_demo_generate_household (d);
  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      _bf_store_rollback (d->store);
      return FALSE;
    }
  pair = json_array_new ();
  json_array_add_null_element (pair);
  json_array_add_string_element (pair, range);
  json_object_set_array_member (changes, "households", pair);
  pair = json_array_new ();
  json_array_add_null_element (pair);
  json_array_add_int_element (pair, seed);
  json_object_set_array_member (changes, "seed", pair);
  if (!_bf_store_audit (d->store, "demo", "households", NULL, g_steal_pointer (&changes), error) ||
      !_bf_store_commit (d->store, error))
    {
      _bf_store_rollback (d->store);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_store_demo_generate (BfStore *self,
                        guint n_households,
                        guint32 seed,
                        BfDemoProgress progress,
                        gpointer user_data,
                        GCancellable *cancellable,
                        GError **error)
{
  Demo d = { 0 };
  guint32 seeds[2];
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  gint64 cache_size = 0;
  g_autofree char *township_notice = NULL;

  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  d.store = self;
  d.today = _bf_demo_julian (DEMO_REFERENCE_Y, DEMO_REFERENCE_M, DEMO_REFERENCE_D);
  d.county = bf_store_get_county (self);
  d.township = bf_store_get_township (self);
  d.county_short = county_short_name (d.county);
  d.villages = g_ptr_array_new_with_free_func (demo_village_free);
  d.village_w = g_array_new (FALSE, FALSE, sizeof (guint));
  d.used_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  d.shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.statements = g_hash_table_new (g_direct_hash, g_direct_equal);
  township_notice = bf_store_setting_get (self, BF_SETTING_TOWNSHIP_NOTICE);
  d.township_notice = g_strcmp0 (township_notice, "0") != 0;
  _bf_demo_init_weights (&d);
  g_debug ("generating %u demo households (seed %u) in %s", n_households, seed,
           bf_store_get_path (self));

  /* Filling a register that already has households continues from them, so the same seed
   * gives new people and new numbers rather than clashing with the earlier run. */
  stmt = _bf_store_prepare (self, "SELECT count(*) FROM households", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_step (stmt);
      seeds[0] = seed;
      seeds[1] = (guint32) sqlite3_column_int64 (stmt, 0);
      d.household_index = seeds[1];
      sqlite3_reset (stmt);
      d.rand = g_rand_new_with_seed_array (seeds, 2);
    }

  /* Continues after an earlier demo run on the same register: one step per record. */
  d.uuid_clock = (guint64) (_bf_demo_julian (DEMO_REFERENCE_Y, DEMO_REFERENCE_M, DEMO_REFERENCE_D) -
                            _bf_demo_julian (1970, 1, 1)) *
                   86400000 +
                 (guint64) d.household_index * 1000;
  if (ok)
    ok = load_villages (&d, error) && load_used_ids (&d, error) && load_lines (&d, error);
  if (ok)
    {
      for (int i = 0; i < 4; i++)
        _bf_demo_name (&d, _bf_demo_pick_surname (&d), i % 2 == 0, 1980, d.staff[i],
                       sizeof d.staff[i]);
    }

  /* A batch touches pages all over the date and name indexes: keep them in memory until it
   * commits (64 MiB, back to the connection's own size afterwards). */
  if (ok)
    {
      stmt = _bf_store_prepare (self, "PRAGMA cache_size", error);
      ok = stmt != NULL;
      if (ok && sqlite3_step (stmt) == SQLITE_ROW)
        cache_size = sqlite3_column_int64 (stmt, 0);
      if (ok)
        sqlite3_reset (stmt);
      sqlite3_exec (_bf_store_db (self), "PRAGMA cache_size = -65536", NULL, NULL, NULL);
    }

  for (guint done = 0; ok && done < n_households;)
    {
      guint count = MIN (DEMO_BATCH, n_households - done);

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED,
                       _ ("Demo stopped after %u households"), done);
          ok = FALSE;
          break;
        }
      ok = demo_batch (&d, done, count, seed, error);
      if (ok)
        {
          done += count;
          g_debug ("demo: %u of %u households written", done, n_households);
          if (progress != NULL)
            progress (done, n_households, user_data);
        }
    }

  if (cache_size != 0)
    {
      g_autofree char *restore =
        g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
      sqlite3_exec (_bf_store_db (self), restore, NULL, NULL, NULL);
    }
  g_clear_pointer (&d.rand, g_rand_free);
  g_ptr_array_unref (d.villages);
  g_array_unref (d.village_w);
  g_hash_table_unref (d.used_ids);
  g_hash_table_unref (d.shared);
  g_hash_table_unref (d.statements);
  g_free (d.county_short);
  g_clear_error (&d.error);
  return ok;
}
