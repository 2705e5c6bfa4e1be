/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole or absent, under faults: every writer of bangfu-cli (notice-pdf, print card, print form,
 * export-ledger, backup, restore) run with tests/fault-shim.c failing one system call on its
 * output folder — each open, write, fsync, rename, link and unlink in turn (every one of the
 * first ten of a kind, then ten spread over the rest, and the last). After each run:
 *   - the exit status is 0 or 1, never a crash; 1 comes with a message;
 *   - on 1, the old file is whole (byte for byte), or the message says the new one was put in
 *     place ("was written, but": only the folder's fsync and the removal of the old version
 *     come after the rename);
 *   - on 0, the new file is whole, and a file that could not be removed is named in a message
 *     (an old backup the rotation could not remove, a leftover of a killed run);
 *   - no temporary file is left in the folder, unless a message names it.
 * The restore is checked at every step the same way: the register's name holds the old register
 * or the restored one. */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bf-test-util.h"

static char *top; /* the test's folder */
static char *db;  /* the demo register the writers read */
static char *notice_id;
static char *household;

typedef struct
{
  int status;
  char *out;
  char *err;
  char *fired; /* the path of the failed call ("(descriptor)" for fd calls), NULL: not hit */
  long count;  /* the calls of the kind seen */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_pointer (&run->fired, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* bangfu-cli @args with the shim failing call @nth of @kind in @fault_dir (@kind NULL: no shim). */
static void
run_cli (Run *run, const char *fault_dir, const char *kind, long nth, GPtrArray *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autofree char *log = g_build_filename (top, "fault.log", NULL);
  g_autofree char *log_text = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  memset (run, 0, sizeof *run);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "BANGFU_TODAY", "2026-09-30", TRUE);
  if (kind != NULL)
    {
      g_autofree char *nth_text = g_strdup_printf ("%ld", nth);

      env = g_environ_setenv (env, "LD_PRELOAD", FAULT_SHIM, TRUE);
      env = g_environ_setenv (env, "BF_FAULT_DIR", fault_dir, TRUE);
      env = g_environ_setenv (env, "BF_FAULT_CALL", kind, TRUE);
      env = g_environ_setenv (env, "BF_FAULT_NTH", nth_text, TRUE);
      env = g_environ_setenv (env, "BF_FAULT_LOG", log, TRUE);
      g_unlink (log);
    }
  g_ptr_array_add (argv, (char *) BANGFU_CLI);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (kind != NULL && g_file_get_contents (log, &log_text, NULL, NULL))
    {
      g_auto (GStrv) lines = g_strsplit (log_text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "fired "))
          run->fired = g_strdup (lines[i] + 6);
        else if (g_str_has_prefix (lines[i], "count "))
          run->count = MAX (run->count, g_ascii_strtoll (lines[i] + 6, NULL, 10));
    }
}

static GPtrArray *
args_new (const char *first, ...)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (a));
  va_end (ap);
  return args;
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return NULL;
  return g_bytes_new_take (contents, size);
}

static gboolean
bytes_equal_file (GBytes *bytes, const char *path)
{
  g_autoptr (GBytes) now = file_bytes (path);

  return now != NULL && g_bytes_equal (now, bytes);
}

static void
write_file (const char *path, const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GBytes) bytes = file_bytes (from);

  g_assert_nonnull (bytes);
  g_assert_true (
    g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* Which of the shim's calls to fail: all of the first ten, ten spread over the rest, the last. */
static GArray *
sample (long count)
{
  GArray *nths = g_array_new (FALSE, FALSE, sizeof (long));

  for (long n = 1; n <= count; n++)
    if (n <= 10 || n == count || (n - 10) % MAX (1, (count - 10) / 10) == 0)
      g_array_append_val (nths, n);
  return nths;
}

/* ---- the writers ---- */

typedef struct Writer Writer;
struct Writer
{
  const char *name;
  /* Fills the (empty) output folder: the old file(s). */
  void (*prepare) (const Writer *writer, const char *out);
  /* The command line, writing into @out. */
  GPtrArray *(*args) (const Writer *writer, const char *out);
  /* TRUE when what is in @out is the new, whole result. */
  gboolean (*is_new) (const Writer *writer, const char *out);
  /* TRUE when what is in @out is exactly what prepare() left. */
  gboolean (*is_old) (const Writer *writer, const char *out);
  const char *file; /* the destination in @out, for the single-file writers */
};

#define OLD_TEXT "the file that was there before"

static void
prepare_old_file (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  write_file (path, OLD_TEXT);
}

static gboolean
is_old_file (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && g_str_equal (text, OLD_TEXT);
}

static gboolean
file_has (const char *path, const char *head, const char *tail)
{
  g_autoptr (GBytes) bytes = file_bytes (path);
  gsize size = 0;
  const char *data;
  gsize tail_window;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  tail_window = MIN (size, (gsize) 1024);
  return size > strlen (head) && memcmp (data, head, strlen (head)) == 0 &&
         memmem (data + size - tail_window, tail_window, tail, strlen (tail)) != NULL;
}

static gboolean
is_new_pdf (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return file_has (path, "%PDF-", "%%EOF");
}

static gboolean
is_new_workbook (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return file_has (path, "PK", "PK\x05\x06");
}

static GPtrArray *
notice_args (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return args_new ("--db", db, "notice-pdf", "--notice", notice_id, "-o", path, NULL);
}

static GPtrArray *
card_args (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return args_new ("--db", db, "print", "card", household, "-o", path, NULL);
}

static GPtrArray *
form_args (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return args_new ("--db", db, "print", "form", household, "-o", path, NULL);
}

static GPtrArray *
ledger_args (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return args_new ("--db", db, "export-ledger", "--quarter", "2026Q2", "-o", path, NULL);
}

/* Backups: 30 old ones of 2020, one a day, which the rotation thins out; the new one is "r-2…"
 * of today. */
#define N_OLD_BACKUPS 30

static char *
old_backup_name (int i)
{
  return g_strdup_printf ("r-202001%02d-120000.bangfu", i + 1);
}

static void
prepare_backups (const Writer *w, const char *out)
{
  for (int i = 0; i < N_OLD_BACKUPS; i++)
    {
      g_autofree char *name = old_backup_name (i);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *text = g_strdup_printf ("old backup %d", i);

      write_file (path, text);
    }
}

static GPtrArray *
backup_args (const Writer *w, const char *out)
{
  return args_new ("--db", db, "backup", out, NULL);
}

/* The backups in @out that prepare_backups() did not make. */
static GPtrArray *
new_backups (const char *out)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (out, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, "r-") && g_str_has_suffix (name, ".bangfu") &&
        !g_str_has_prefix (name, "r-2020"))
      g_ptr_array_add (found, g_build_filename (out, name, NULL));
  return found;
}

/* Every old backup still there is as it was. */
static gboolean
old_backups_whole (const char *out, guint *left)
{
  *left = 0;
  for (int i = 0; i < N_OLD_BACKUPS; i++)
    {
      g_autofree char *name = old_backup_name (i);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf ("old backup %d", i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_get_contents (path, &text, NULL, NULL) || !g_str_equal (text, expected))
        return FALSE;
      (*left)++;
    }
  return TRUE;
}

static gboolean
is_new_backup (const Writer *w, const char *out)
{
  g_autoptr (GPtrArray) found = new_backups (out);
  guint left = 0;

  return found->len == 1 && file_has (g_ptr_array_index (found, 0), "SQLite format 3", "") &&
         old_backups_whole (out, &left);
}

static gboolean
is_old_backups (const Writer *w, const char *out)
{
  g_autoptr (GPtrArray) found = new_backups (out);
  guint left = 0;

  return found->len == 0 && old_backups_whole (out, &left) && left == N_OLD_BACKUPS;
}

/* Restore: the folder holds a register (a copy of the demo register), the backup lies elsewhere
 * (a verified backup of it, different bytes). */
static char *restore_backup;

static void
prepare_register (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  copy_file (db, path);
}

static GPtrArray *
restore_args (const Writer *w, const char *out)
{
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return args_new ("--db", path, "restore", restore_backup, NULL);
}

/* The names in @out that start with @prefix. */
static guint
count_prefixed (const char *out, const char *prefix, char **first)
{
  g_autoptr (GDir) handle = g_dir_open (out, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        if (n++ == 0 && first != NULL)
          *first = g_build_filename (out, name, NULL);
      }
  return n;
}

static gboolean
is_restored (const Writer *w, const char *out)
{
  g_autoptr (GBytes) backup = file_bytes (restore_backup);
  g_autoptr (GBytes) old = file_bytes (db);
  g_autofree char *path = g_build_filename (out, w->file, NULL);
  g_autofree char *aside = NULL;

  /* The old register is kept aside, whole. */
  return bytes_equal_file (backup, path) &&
         count_prefixed (out, "r.bangfu.damaged-", &aside) == 1 && bytes_equal_file (old, aside);
}

static gboolean
is_old_register (const Writer *w, const char *out)
{
  g_autoptr (GBytes) old = file_bytes (db);
  g_autofree char *path = g_build_filename (out, w->file, NULL);

  return bytes_equal_file (old, path) && count_prefixed (out, "r.bangfu.damaged-", NULL) == 0;
}

static const Writer writers[] = {
  { "notice-pdf", prepare_old_file, notice_args, is_new_pdf, is_old_file, "公示.pdf" },
  { "print-card", prepare_old_file, card_args, is_new_pdf, is_old_file, "明白卡.pdf" },
  { "print-form", prepare_old_file, form_args, is_new_pdf, is_old_file, "登记表.pdf" },
  { "export-ledger", prepare_old_file, ledger_args, is_new_workbook, is_old_file, "台账.xlsx" },
  { "backup", prepare_backups, backup_args, is_new_backup, is_old_backups, NULL },
  { "restore", prepare_register, restore_args, is_restored, is_old_register, "r.bangfu" },
};

/* ---- the runs ---- */

static char *
fresh_out (const Writer *w)
{
  char *out = g_build_filename (top, w->name, NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", out);

  g_assert_cmpint (system (command), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  w->prepare (w, out);
  return out;
}

/* Temporary files left in @out that @message does not name. */
static char *
unnamed_leftover (const char *out, const char *message)
{
  g_autoptr (GDir) handle = g_dir_open (out, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, "bangfu-tmp-") != NULL && strstr (message, name) == NULL)
      return g_strdup (name);
  return NULL;
}

static gboolean
names_fault (const Run *run)
{
  g_autofree char *base = NULL;

  if (run->fired == NULL || g_str_equal (run->fired, "(descriptor)"))
    return FALSE;
  base = g_path_get_basename (run->fired);
  return strstr (run->err, base) != NULL;
}

/* The last line of @text (the message after any progress). */
static char *
last_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *nl = strrchr (copy, '\n');

  return g_strdup (nl != NULL ? nl + 1 : copy);
}

static void
check_run (const Writer *w, const char *kind, long nth, const Run *run, const char *out)
{
  g_autofree char *leftover = unnamed_leftover (out, run->err);
  g_autofree char *message = last_line (run->err);
  g_autofree char *what =
    g_strdup_printf ("%s, %s #%ld (%s): exit %d, “%s”", w->name, kind, nth,
                     run->fired ? run->fired : "not hit", run->status, message);

  g_test_message ("%s", what);
  if (run->status != 0 && run->status != 1)
    g_error ("%s: not a clean exit", what);
  if (leftover != NULL)
    g_error ("%s: left “%s” without naming it", what, leftover);
  if (run->status == 1)
    {
      if (strstr (run->err, "bangfu-cli") == NULL)
        g_error ("%s: failed without a message", what);
      /* After the rename (the folder's fsync, the old version's removal) the new file is there,
       * and the message says so. */
      if (strstr (run->err, "was written, but") != NULL)
        {
          if (!w->is_new (w, out))
            g_error ("%s: the new file is not in place", what);
        }
      else if (!w->is_old (w, out))
        g_error ("%s: the old file is not whole", what);
      return;
    }
  if (!w->is_new (w, out))
    g_error ("%s: succeeded without a whole new file", what);
  /* A file that stays because it could not be removed must be named; the lock file holds no
   * personal data (a killed run leaves it too, and it locks nothing). */
  if (run->fired != NULL && g_str_equal (kind, "unlink") &&
      g_file_test (run->fired, G_FILE_TEST_EXISTS) && !g_str_has_suffix (run->fired, ".lock") &&
      !names_fault (run))
    g_error ("%s: “%s” stays, unnamed", what, run->fired);
}

static void
test_writer (gconstpointer data)
{
  const Writer *w = data;
  const char *kinds[] = { "open", "write", "fsync", "rename", "link", "unlink" };
  guint runs = 0, failed = 0;

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *out = fresh_out (w);
      g_autoptr (GPtrArray) args = w->args (w, out);
      g_auto (Run) counting = { 0 };
      g_autoptr (GArray) nths = NULL;

      run_cli (&counting, out, kinds[k], 0, args);
      g_assert_cmpint (counting.status, ==, 0);
      g_assert_true (w->is_new (w, out));
      nths = sample (counting.count);
      g_test_message ("%s: %ld %s calls, %u failed in turn", w->name, counting.count, kinds[k],
                      nths->len);
      for (guint i = 0; i < nths->len; i++)
        {
          long nth = g_array_index (nths, long, i);
          g_auto (Run) run = { 0 };
          g_autofree char *again = fresh_out (w);
          g_autoptr (GPtrArray) run_args = w->args (w, again);

          run_cli (&run, again, kinds[k], nth, run_args);
          check_run (w, kinds[k], nth, &run, again);
          runs++;
          failed += run.status != 0;
        }
    }
  g_test_message ("%s: %u runs, %u failed cleanly", w->name, runs, failed);
  g_assert_cmpuint (failed, >, 0);
}

/* ---- the register the writers read ---- */

static char *
json_first (const char *key, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto (Run) run = { 0 };
  const char *found;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (db));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (a));
  va_end (ap);
  run_cli (&run, NULL, NULL, 0, args);
  g_assert_cmpint (run.status, ==, 0);
  /* The first `"key": value` of the JSON, without parsing it: the tests of the commands parse
   * it. */
  found = strstr (run.out, key);
  g_assert_nonnull (found);
  found += strlen (key);
  while (*found == ' ' || *found == ':' || *found == '"')
    found++;
  return g_strndup (found, strcspn (found, "\",\n"));
}

static void
make_register (void)
{
  g_autoptr (GPtrArray) demo =
    args_new ("--db", db, "demo", "--households", "40", "--seed", "5", NULL);
  g_autofree char *backups = g_build_filename (top, "register", "copies", NULL);
  g_autoptr (GPtrArray) backup = args_new ("--db", db, "backup", backups, NULL);
  g_auto (Run) run = { 0 };
  g_auto (Run) copied = { 0 };

  run_cli (&run, NULL, NULL, 0, demo);
  g_assert_cmpint (run.status, ==, 0);
  notice_id = json_first ("\"id\"", "list", "notices", "--json", NULL);
  household = json_first ("\"number\"", "list", "households", "--json", NULL);
  run_cli (&copied, NULL, NULL, 0, backup);
  g_assert_cmpint (copied.status, ==, 0);
  restore_backup = g_strdup (g_strstrip (copied.out));
}

int
main (int argc, char **argv)
{
  g_autofree char *register_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  top = bf_test_tmpdir_new ();
  register_dir = g_build_filename (top, "register", NULL);
  db = g_build_filename (register_dir, "r.bangfu", NULL);
  g_assert_cmpint (g_mkdir_with_parents (register_dir, 0700), ==, 0);
  make_register ();
  for (gsize i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/faults/%s", writers[i].name);

      g_test_add_data_func (path, &writers[i], test_writer);
    }
  status = g_test_run ();
  bf_test_tmpdir_free (top);
  return status;
}
