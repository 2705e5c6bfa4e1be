/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commit hooks of bf-store-db.c: every write's changeset, whatever wrote it. */
#include "bf-store-db-private.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-test-household.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  GString *seen; /* "table op;" for every change a hook was given */
  guint calls;
  gboolean fail;
  gboolean write_in_hook;
} Fixture;

static const char *
op_name (int op)
{
  return op == SQLITE_INSERT ? "insert" : op == SQLITE_UPDATE ? "update" : "delete";
}

static gboolean
record_hook (BfStore *store, const void *changeset, int size, gpointer user_data, GError **error)
{
  Fixture *f = user_data;
  sqlite3_changeset_iter *iter = NULL;

  f->calls++;
  g_assert_cmpint (sqlite3changeset_start (&iter, size, (void *) changeset), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;

      g_assert_cmpint (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect), ==,
                       SQLITE_OK);
      g_string_append_printf (f->seen, "%s %s;", table, op_name (op));
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  if (f->write_in_hook)
    g_assert_true (_bf_store_exec (store,
                                   "INSERT INTO settings (key, value, updated_at) VALUES "
                                   "('hooked', '1', 'now') ON CONFLICT (key) DO UPDATE SET "
                                   "value = value + 1",
                                   NULL));
  if (f->fail)
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_IO, "the hook failed");
      return FALSE;
    }
  return TRUE;
}

static gint64
save_household (Fixture *f, const char *number)
{
  g_autofree char *id = bf_test_id_number ("19700315", 11);
  g_autoptr (BfHousehold) household = bf_test_household (
    number, bf_test_query_int (f->store, "SELECT min(id) FROM villages"), "王五", id);

  bf_test_household_save (f->store, household);
  return household->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "c.bangfu", 1);
  f->seen = g_string_new (NULL);
  _bf_store_add_commit_hook (f->store, record_hook, f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_true (bf_store_close (f->store, NULL));
  g_object_unref (f->store);
  g_string_free (f->seen, TRUE);
  bf_test_tmpdir_free (f->dir);
}

/* A household save is seen as its rows; the audit trail and the search index are not. */
static void
test_household_save (Fixture *f, gconstpointer data)
{
  gint64 household = save_household (f, "H001");

  g_assert_cmpint (household, >, 0);
  g_assert_cmpuint (f->calls, ==, 1);
  g_assert_nonnull (strstr (f->seen->str, "households insert;"));
  g_assert_nonnull (strstr (f->seen->str, "members insert;"));
  g_assert_null (strstr (f->seen->str, "audit_log"));
  g_assert_null (strstr (f->seen->str, "household_search"));

  g_string_truncate (f->seen, 0);
  g_assert_true (bf_store_household_delete (f->store, household, NULL));
  g_assert_cmpuint (f->calls, ==, 2);
  g_assert_cmpstr (f->seen->str, ==, "households update;members update;"); /* soft deletes */
}

/* Drafts are this laptop's own: a write of nothing else calls no hook. */
static void
test_unrecorded_write (Fixture *f, gconstpointer data)
{
  g_assert_true (bf_store_draft_save (f->store, "household", NULL, "{}", NULL));
  g_assert_cmpuint (f->calls, ==, 0);
  g_assert_false (_bf_store_table_is_recorded ("audit_log"));
  g_assert_false (_bf_store_table_is_recorded ("household_search_trigram_data"));
  g_assert_true (_bf_store_table_is_recorded ("members"));
}

/* A hook writes inside the write; what it writes is not recorded again. */
static void
test_hook_writes (Fixture *f, gconstpointer data)
{
  f->write_in_hook = TRUE;
  save_household (f, "H001");
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT value FROM settings WHERE key = 'hooked'"),
                   ==, 1);
  g_assert_null (strstr (f->seen->str, "settings"));
}

/* A hook that fails takes the whole write with it: no household, no audit entry. */
static void
test_hook_fails (Fixture *f, gconstpointer data)
{
  g_autofree char *id = bf_test_id_number ("19700315", 11);
  g_autoptr (BfHousehold) household = bf_test_household (
    "H001", bf_test_query_int (f->store, "SELECT min(id) FROM villages"), "王五", id);
  g_autoptr (GError) error = NULL;
  gint64 audit = bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");

  f->fail = TRUE;
  f->write_in_hook = TRUE;
  g_assert_false (bf_store_household_save (f->store, household, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 0);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM settings WHERE key = "
                                                "'hooked'"),
                   ==, 0);

  /* The store writes on afterwards. */
  f->fail = FALSE;
  g_assert_true (bf_store_household_save (f->store, household, NULL));
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/capture/household-save", test_household_save);
  ADD ("/store/capture/unrecorded-write", test_unrecorded_write);
  ADD ("/store/capture/hook-writes", test_hook_writes);
  ADD ("/store/capture/hook-fails", test_hook_fails);
  return g_test_run ();
}
