/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a writer is killed with SIGKILL at random moments, 200 times. Every write it
 * reported as committed must survive, the register must stay healthy, and the lock file a killed
 * writer leaves behind must not keep the next one out.
 *
 * Half the kills land at a random moment after the spawn (opening, WAL recovery, or the first
 * writes); the other half wait for the writer's first reported commit and then a random delay, so
 * they land among the writes however slow the machine is (ASan, a loaded CI runner). No kill
 * count depends on timing. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bf-store-audit.h"
#include "bf-store-check.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

#define N_KILLS 200
/* A writer that has not committed once in this long is stuck, not slow. */
#define FIRST_COMMIT_TIMEOUT_MS 120000

static char *self_exe;

/* Child: commit villages (each with a group: four rows and two audit entries) forever,
 * printing each committed id. */
static int
crash_child (const char *path, const char *round)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("c%s-%u", round, i);
      gint64 id = bf_store_village_add (store, name, 1, &error);

      if (id == 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}

static void
read_ids (int fd, GString *out)
{
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (out, buf, n);
    }
}

/* Reads the child's output until its first complete line (its first commit). FALSE if the
 * child closed its output first, which means it failed on its own. */
static gboolean
wait_first_commit (int fd, GString *out)
{
  while (strchr (out->str, '\n') == NULL)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      char buf[256];
      ssize_t n;
      int ready = poll (&pfd, 1, FIRST_COMMIT_TIMEOUT_MS);

      if (ready < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (ready, >, 0);
      n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;
      g_string_append_len (out, buf, n);
    }
  return TRUE;
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "crash.bangfu", NULL);
  g_autoptr (BfStore) store = bf_test_store_new (dir, "crash.bangfu", 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) reported = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  const char *seed_text = g_getenv ("BANGFU_CRASH_SEED");
  guint32 seed =
    seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GArray) all_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint killed_with_writes = 0, killed_while_writing = 0;

  g_test_message ("kill delays from BANGFU_CRASH_SEED=%u", seed);
  g_assert_true (bf_store_close (store, NULL));
  g_clear_object (&store);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autofree char *round_text = g_strdup_printf ("%u", round);
      const char *argv[] = { self_exe, "--crash-child", path, round_text, NULL };
      g_autoptr (GString) output = g_string_new (NULL);
      g_auto (GStrv) lines = NULL;
      GPid pid;
      int out_fd, status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                               &out_fd, NULL, &error));
      g_assert_no_error (error);
      if (round % 2 == 0)
        {
          /* Anywhere from start-up (opening, WAL recovery) to well into the writes. */
          g_usleep (g_rand_int_range (rand, 0, 60000));
        }
      else
        {
          /* Among the writes: the child writes until killed, so after its first commit it is
           * always inside one. */
          if (!wait_first_commit (out_fd, output))
            {
              g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
              g_error ("the writer of round %u exited before its first commit", round);
            }
          g_usleep (g_rand_int_range (rand, 0, 20000));
          killed_while_writing++;
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      read_ids (out_fd, output);
      close (out_fd);
      /* It must have died by the kill, not by an error of its own. */
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 id;

          if (lines[i][0] == '\0')
            continue;
          id = g_ascii_strtoll (lines[i], NULL, 10);
          g_assert_cmpint (id, >, 0);
          g_array_append_val (all_ids, id);
        }
      if (output->len > 0)
        killed_with_writes++;
    }
  for (guint i = 0; i < all_ids->len; i++)
    g_hash_table_add (reported, &g_array_index (all_ids, gint64, i));
  g_test_message ("%u kills, %u after some commits (%u waited for one), %u commits reported",
                  N_KILLS, killed_with_writes, killed_while_writing, g_hash_table_size (reported));
  g_assert_cmpuint (killed_while_writing, ==, N_KILLS / 2);
  g_assert_cmpuint (killed_with_writes, >=, killed_while_writing);

  store = bf_store_open (path, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < villages->len; i++)
    {
      BfVillage *village = g_ptr_array_index (villages, i);

      g_hash_table_add (present, &village->id);
      /* A village and its group were one transaction: never one without the other. */
      g_assert_cmpuint (village->groups->len, >=, 1);
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, reported);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (present, key))
        g_error ("village %" G_GINT64_FORMAT " was reported committed but is missing",
                 *(gint64 *) key);
  }
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  self_exe = g_canonicalize_filename (argv[0], NULL);
  if (argc == 4 && strcmp (argv[1], "--crash-child") == 0)
    return crash_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/crash/kill-writer", test_kill_writer);
  return g_test_run ();
}
