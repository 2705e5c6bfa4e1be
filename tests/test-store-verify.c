/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole-file check after opening: a damaged page that opening does not read is found in the
 * background; from then on nothing is written (no write, no backup, no checkpoint) and the newest
 * backup that passes the check is offered. */
#include <glib/gstdio.h>
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-backup.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-store-verify.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *older_backup;
  char *newer_backup;
} Fixture;

/* A register of 300 villages (its audit trail spans many pages) and two backups of it. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = bf_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "v.bangfu", NULL);
  store = bf_test_store_new (f->dir, "v.bangfu", 300);
  f->older_backup = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_store_village_add (store, "新村", 1, &error), >, 0);
  f->newer_backup = bf_store_backup (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
  g_free (f->path);
  g_free (f->older_backup);
  g_free (f->newer_backup);
}

static guint
n_backups (Fixture *f)
{
  g_autoptr (GPtrArray) backups = bf_store_list_backups (f->path, NULL);

  return backups->len;
}

/* A sound register passes; nothing changes for the writes. */
static void
test_sound (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (f->path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_autoptr (BfStoreVerification) verification = NULL;

  g_assert_no_error (error);
  verification = bf_store_verify (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (verification->damaged);
  g_assert_null (verification->message);
  g_assert_null (verification->backup_path);
  g_assert_null (bf_store_dup_damage (store));
  g_assert_cmpint (bf_store_village_add (store, "后村", 1, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfStoreVerification **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = bf_store_verify_finish (BF_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* A damaged page of the audit trail, which opening does not read: the register opens; the
 * check in the background finds it, the writes stop, the newest sound backup is named (the newer
 * one is damaged too), and the file, its journal and its backups are as they were. */
static void
test_damage_found_later (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfStoreVerification) verification = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *damage = NULL;
  g_autofree char *name = NULL;
  guint backups;

  bf_test_damage_page (f->path, "audit_log", 3);
  bf_test_damage_page (f->newer_backup, "audit_log", 3);
  before = bf_test_file_bytes (f->path);
  backups = n_backups (f);

  store = bf_store_open (f->path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  g_assert_null (bf_store_dup_damage (store));

  bf_store_verify_async (store, NULL, verified_cb, &verification);
  while (verification == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (verification->damaged);
  name = g_path_get_basename (f->path);
  g_assert_nonnull (strstr (verification->message, name));
  g_assert_nonnull (strstr (verification->message, "restore the newest backup"));
  g_assert_cmpstr (verification->backup_path, ==, f->older_backup);
  damage = bf_store_dup_damage (store);
  g_assert_cmpstr (damage, ==, verification->message);

  /* Every write is refused with the same message, nothing written. */
  g_assert_cmpint (bf_store_village_add (store, "后村", 1, &error), ==, 0);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, damage);
  g_clear_error (&error);
  g_assert_false (bf_store_setting_set (store, BF_SETTING_NOTICE_DAYS, "9", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* Closing backs nothing up and merges nothing. */
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  after = bf_test_file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_backups (f), ==, backups);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GBytes) journal = bf_test_file_bytes (wal);

      g_assert_cmpuint (g_bytes_get_size (journal), ==, 0);
    }

  /* The offered backup is one a restore accepts. */
  g_assert_true (bf_store_restore (f->path, verification->backup_path, &error));
  g_assert_no_error (error);
}

/* A read that meets the damaged page before the check does stops the writes the same way; the
 * check then reports it, with no sound backup when every backup is damaged. */
static void
test_damage_met_by_a_read (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfStoreVerification) verification = NULL;
  g_autofree char *damage = NULL;

  bf_test_damage_page (f->path, "audit_log", 3);
  bf_test_damage_page (f->newer_backup, "audit_log", 3);
  bf_test_damage_page (f->older_backup, "audit_log", 3);
  store = bf_store_open (f->path, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (bf_store_audit_verify (store, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  damage = bf_store_dup_damage (store);
  g_assert_nonnull (damage);
  g_assert_false (bf_store_setting_set (store, BF_SETTING_NOTICE_DAYS, "9", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  verification = bf_store_verify (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (verification->damaged);
  g_assert_null (verification->backup_path);
  g_assert_true (bf_store_close (store, NULL));
}

/* A cancelled check says so and leaves the writes alone. */
static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (f->path, BF_STORE_OPEN_DEFAULT, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_null (bf_store_verify (store, cancellable, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (bf_store_dup_damage (store));
  g_assert_true (bf_store_setting_set (store, BF_SETTING_NOTICE_DAYS, "9", &error));
  g_assert_true (bf_store_close (store, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/verify/sound", test_sound);
  ADD ("/store/verify/damage-found-later", test_damage_found_later);
  ADD ("/store/verify/damage-met-by-a-read", test_damage_met_by_a_read);
  ADD ("/store/verify/cancelled", test_cancelled);
#undef ADD
  return g_test_run ();
}
