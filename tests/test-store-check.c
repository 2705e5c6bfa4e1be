/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-id-number.h"
#include "bf-store-check.h"
#include "bf-store-private.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static GPtrArray *
check (BfStore *store)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *problems = NULL;

  g_assert_true (bf_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  return problems;
}

/* Exactly one problem line contains every fragment. */
static void
assert_problem (GPtrArray *problems, const char *fragment1, const char *fragment2)
{
  guint found = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);

      if (strstr (line, fragment1) != NULL &&
          (fragment2 == NULL || strstr (line, fragment2) != NULL))
        found++;
    }
  if (found != 1)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("problem: %s\n", (char *) g_ptr_array_index (problems, i));
      g_error ("%u lines say “%s” … “%s”", found, fragment1, fragment2 ? fragment2 : "");
    }
}

static void
add_member (BfStore *store,
            gint64 household,
            const char *name,
            const char *id_number,
            const char *relation,
            const char *sex,
            const char *birth)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO members (uuid, household_id, name, id_number, relation, sex, birth_date, "
    "created_at, updated_at) VALUES ('%s', %" G_GINT64_FORMAT ", '%s', '%s', '%s', '%s', '%s', "
    "'now', 'now')",
    uuid, household, name, id_number, relation, sex, birth);

  bf_test_exec (store, sql);
}

static void
test_clean (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "c.bangfu", 2);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *id1 = bf_test_id_number ("19600101", 1);
  g_autofree char *id2 = bf_test_id_number ("19620202", 2);
  g_autofree char *id3 = bf_test_id_number ("19900303", 3);
  gint64 h;

  bf_test_add_household (store, "H1", "张一", id1);
  h = bf_test_add_household (store, "H2", "李二", id2);
  add_member (store, h, "李小", id3, "son", "male", "1990-03-03");
  bf_test_exec (store, "UPDATE households SET member_count = 2 WHERE number = 'H2'");
  /* A deleted household's members may appear again elsewhere. */
  bf_test_exec (store, "UPDATE households SET deleted_at = 'now' WHERE number = 'H1'");
  bf_test_add_household (store, "H3", "张一", id1);

  problems = check (store);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("problem: %s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_domain_rules (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "d.bangfu", 1);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *id1 = bf_test_id_number ("19600101", 1);
  g_autofree char *id2 = bf_test_id_number ("19620202", 2);
  g_autofree char *id3 = bf_test_id_number ("19700505", 5);
  g_autofree char *id4 = bf_test_id_number ("19800808", 7);
  g_autofree char *id5 = bf_test_id_number ("19550505", 9);
  g_autofree char *masked = NULL;
  gint64 two_heads, headless;

  /* The unique indexes stop these through any normal write; an old or hand-edited file may
   * still have them. */
  bf_test_exec (store, "DROP INDEX members_one_head; DROP INDEX members_active_person;");

  two_heads = bf_test_add_household (store, "H-TWO", "甲", id1);
  add_member (store, two_heads, "乙", id2, "head", "female", "1962-02-02");
  bf_test_exec (store, "UPDATE households SET member_count = 2 WHERE number = 'H-TWO'");

  headless = bf_test_add_household (store, "H-NONE", "丙", id3);
  bf_test_exec (store, "UPDATE members SET relation = 'spouse' WHERE name = '丙'");
  bf_test_exec (store, "UPDATE households SET head_name = '' WHERE number = 'H-NONE'");

  /* The same person in two active households. */
  bf_test_add_household (store, "H-DUP", "甲", id1);

  /* Sex and birth date that contradict the ID number; a malformed ID number. */
  add_member (store, headless, "丁", id4, "son", "female", "1980-08-09");
  add_member (store, headless, "戊", "110105198008081234", "daughter", "female", "1980-08-08");
  bf_test_exec (store, "UPDATE households SET member_count = 3 WHERE number = 'H-NONE'");

  /* Denormalised columns out of step, and an unknown status. */
  bf_test_add_household (store, "H-COUNT", "己", id5);
  bf_test_exec (store, "UPDATE households SET member_count = 4, head_name = '庚' WHERE number = "
                       "'H-COUNT'");
  bf_test_exec (store, "UPDATE households SET status = 'approved-ish' WHERE number = 'H-DUP'");

  problems = check (store);
  assert_problem (problems, "H-TWO", "2 heads");
  assert_problem (problems, "H-NONE", "no head");
  masked = bf_id_number_mask (id1);
  assert_problem (problems, masked, "H-TWO, H-DUP");
  assert_problem (problems, "丁", "sex");
  assert_problem (problems, "丁", "birth date");
  assert_problem (problems, "戊", "not valid");
  assert_problem (problems, "H-COUNT", "4 members but has 1");
  assert_problem (problems, "H-COUNT", "“庚”");
  assert_problem (problems, "H-DUP", "approved-ish");
  g_assert_cmpuint (problems->len, ==, 9);
  /* No full ID number is ever written into a problem line. */
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (g_ptr_array_index (problems, i), id1));
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_storage_rules (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "s.bangfu", 1);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *id = bf_test_id_number ("19600101", 1);

  /* A member whose household does not exist (written with the checks off). */
  bf_test_exec (store, "PRAGMA foreign_keys = OFF");
  add_member (store, 4242, "无户", id, "head", "male", "1960-01-01");
  bf_test_exec (store, "PRAGMA foreign_keys = ON");
  /* An edited audit entry. */
  bf_test_exec (store, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET operator = '某人' "
                       "WHERE seq = 2");

  problems = check (store);
  assert_problem (problems, "“members”", "“households”");
  assert_problem (problems, "entry 2:", NULL);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/check/clean", test_clean);
  g_test_add_func ("/store/check/domain-rules", test_domain_rules);
  g_test_add_func ("/store/check/storage-rules", test_storage_rules);
  return g_test_run ();
}
