/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names in pinyin order: the sort keys against a fixed list in the order a caseworker expects,
 * the lists that sort by them, and the keys rebuilt when the collation changes. */
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-collate-private.h"
#include "bf-store-plans.h"
#include "bf-store-private.h"
#include "bf-store-search.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* In pinyin order. Each surname that ICU reads otherwise stands between names that tell the two
 * readings apart: 曾 (céng / zēng) between 王 and 张 rather than before 陈, 单 (dān / shàn) after
 * 钱 and before 孙 rather than before 邓, 解 (jiě / xiè) after 谢 rather than between 江 and 金,
 * 仇 (chóu / qiú) after 钱 rather than before 陈, 朴 (pǔ / piáo) before 蒲 rather than after it.
 * Only the surname is re-read: 张解放 is zhāng jiě fàng, after 张杰 (jié) and before 张力 (lì).
 * Latin names come after Chinese ones (ICU's zh order), lower case first. */
static const char *const pinyin_order[] = {
  "安娜", "曹雪芹", "陈静",   "邓小平", "江涛",   "金明",   "李四",      "刘洋",
  "潘虹", "彭丽",   "朴志勇", "蒲松龄", "钱学森", "仇英",   "单田芳",    "孙悟空",
  "王五", "夏雨",   "谢军",   "解缙",   "徐静",   "曾国藩", "张杰",      "张解放",
  "张力", "张三",   "赵六",   "anna",   "Anna",   "Bob",    "Zhang Wei",
};

static void
test_name_keys (void)
{
  for (gsize i = 0; i + 1 < G_N_ELEMENTS (pinyin_order); i++)
    {
      g_autoptr (GBytes) a = _bf_collate_name_key (pinyin_order[i]);
      g_autoptr (GBytes) b = _bf_collate_name_key (pinyin_order[i + 1]);

      if (g_bytes_compare (a, b) >= 0)
        g_error ("“%s” does not sort before “%s”", pinyin_order[i], pinyin_order[i + 1]);
    }
  /* Equal names have equal keys; NULL is the empty name, before every other. */
  {
    g_autoptr (GBytes) a = _bf_collate_name_key ("曾国藩");
    g_autoptr (GBytes) b = _bf_collate_name_key ("曾国藩");
    g_autoptr (GBytes) none = _bf_collate_name_key (NULL);
    g_autoptr (GBytes) empty = _bf_collate_name_key ("");
    g_autoptr (GBytes) first = _bf_collate_name_key (pinyin_order[0]);

    g_assert_true (g_bytes_equal (a, b));
    g_assert_true (g_bytes_equal (none, empty));
    g_assert_cmpint (g_bytes_compare (empty, first), <, 0);
  }
}

/* Households with heads named as @names, in a shuffled order. */
static void
add_households (BfStore *store, const char *const *names, gsize n)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);
  g_autofree guint *order = g_new (guint, n);

  for (gsize i = 0; i < n; i++)
    order[i] = (guint) i;
  for (gsize i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("H%03u", order[i]);
      g_autofree char *id = bf_test_id_number ("19800101", 2 * (guint) i + 1);

      bf_test_add_household (store, number, names[order[i]], id);
    }
}

/* The heads of every page of @limit households sorted by head. */
static GPtrArray *
heads_in_order (BfStore *store, gboolean descending, guint limit)
{
  GPtrArray *heads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  BfHouseholdQuery query = { 0 };

  query.sort = BF_HOUSEHOLD_SORT_HEAD;
  query.descending = descending;
  do
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BfHouseholdPage) page =
        bf_store_household_search (store, &query, cursor, limit, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->rows->len; i++)
        g_ptr_array_add (
          heads, g_strdup (((BfHouseholdRow *) g_ptr_array_index (page->rows, i))->head_name));
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = g_steal_pointer (&page->next);
    }
  while (cursor != NULL);
  return heads;
}

static void
assert_in_pinyin_order (GPtrArray *heads, gboolean descending)
{
  g_assert_cmpuint (heads->len, ==, G_N_ELEMENTS (pinyin_order));
  for (guint i = 0; i < heads->len; i++)
    g_assert_cmpstr (g_ptr_array_index (heads, i), ==,
                     pinyin_order[descending ? heads->len - 1 - i : i]);
}

static void
test_households_by_head (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "c.bangfu", 1);
  g_autoptr (GPtrArray) heads = NULL;
  g_autoptr (GPtrArray) ids = NULL;

  add_households (store, pinyin_order, G_N_ELEMENTS (pinyin_order));
  /* Pages of 4: the cursor carries a key from one page to the next. */
  heads = heads_in_order (store, FALSE, 4);
  assert_in_pinyin_order (heads, FALSE);
  g_clear_pointer (&heads, g_ptr_array_unref);
  heads = heads_in_order (store, TRUE, 5);
  assert_in_pinyin_order (heads, TRUE);

  /* A renamed head moves: the key follows the name. */
  bf_test_exec (store, "UPDATE households SET head_name = '曾国藩' WHERE head_name = '安娜'");
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(DISTINCT head_key) FROM households "
                                             "WHERE head_name = '曾国藩'"),
                   ==, 1);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_helpers_by_name (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "h.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) helpers = NULL;
  const char *names[] = { "张伟", "曾敏", "单雄", "陈刚", "朴恩" };
  const char *expected[] = { "陈刚", "朴恩", "单雄", "曾敏", "张伟" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (BfHelper) helper = bf_helper_new ();

      helper->name = g_strdup (names[i]);
      g_assert_true (bf_store_helper_save (store, helper, &error));
      g_assert_no_error (error);
    }
  helpers = bf_store_helper_list (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helpers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < helpers->len; i++)
    g_assert_cmpstr (((BfHelper *) g_ptr_array_index (helpers, i))->name, ==, expected[i]);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Keys made with another collation (an older ICU): the next open rebuilds them, audited; a
 * read-only open leaves them. */
static void
test_keys_rebuilt (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "r.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "r.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) heads = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *last = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (BfHelper) helper = bf_helper_new ();

  add_households (store, pinyin_order, G_N_ELEMENTS (pinyin_order));
  helper->name = g_strdup ("曾敏");
  g_assert_true (bf_store_helper_save (store, helper, &error));
  recorded = bf_store_setting_get (store, BF_SETTING_SORT_COLLATION);
  g_assert_cmpstr (recorded, ==, _bf_collate_version ());
  /* What an older collation would have left: other keys, another version. */
  bf_test_exec (store, "UPDATE households SET head_key = randomblob(8);"
                       "UPDATE helpers SET name_key = x'01';"
                       "UPDATE settings SET value = 'icu-zh 1.0; surnames 0' "
                       "WHERE key = 'sort.collation'");
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  store = bf_store_open (path, BF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  bad = bf_store_setting_get (store, BF_SETTING_SORT_COLLATION);
  g_assert_cmpstr (bad, ==, "icu-zh 1.0; surnames 0");
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&recorded, g_free);
  recorded = bf_store_setting_get (store, BF_SETTING_SORT_COLLATION);
  g_assert_cmpstr (recorded, ==, _bf_collate_version ());
  heads = heads_in_order (store, FALSE, 7);
  assert_in_pinyin_order (heads, FALSE);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM helpers WHERE name_key = "
                                             "bf_name_key(name)"),
                   ==, 1);
  last = bf_test_query_text (store, "SELECT action || ' ' || changes FROM audit_log ORDER BY seq "
                                    "DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (last, "sort_keys {\"sort.collation\":[\"icu-zh 1.0; "
                                         "surnames 0\","));
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The sqlite3 tool, which lacks bf_name_key(), reads and checks the file; it cannot write a
 * name. */
static void
test_foreign_reader (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "f.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "f.bangfu", 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rows = 0;

  add_households (store, pinyin_order, 5);
  g_assert_true (bf_store_close (store, NULL));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT * FROM households ORDER BY head_key", -1, &stmt, NULL), ==,
    SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rows++;
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_assert_cmpint (rows, ==, 5);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (
    sqlite3_exec (db, "UPDATE households SET head_name = '曾' WHERE id = 1", NULL, NULL, NULL), !=,
    SQLITE_OK);
  sqlite3_close (db);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/collate/name-keys", test_name_keys);
  g_test_add_func ("/store/collate/households-by-head", test_households_by_head);
  g_test_add_func ("/store/collate/helpers-by-name", test_helpers_by_name);
  g_test_add_func ("/store/collate/keys-rebuilt", test_keys_rebuilt);
  g_test_add_func ("/store/collate/foreign-reader", test_foreign_reader);
  return g_test_run ();
}
