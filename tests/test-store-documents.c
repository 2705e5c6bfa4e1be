/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-store-documents.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

/* What the household documents read from the store: the households a village's cards and forms
 * are for, and the card's income setting. */

static gint64
add (BfStore *store, const char *number, gint64 group_id, const char *status)
{
  static guint sequence = 1;
  g_autofree char *id = bf_test_id_number ("19700101", sequence += 2);
  gint64 household = bf_test_add_household (store, number, "测试", id);
  g_autofree char *sql =
    g_strdup_printf ("UPDATE households SET status = '%s', group_id = %" G_GINT64_FORMAT
                     " WHERE id = %" G_GINT64_FORMAT,
                     status, group_id, household);

  bf_test_exec (store, sql);
  return household;
}

static void
test_village_households (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "r.bangfu", 2);
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, NULL);
  g_autoptr (GArray) all = NULL;
  g_autoptr (GArray) assisted = NULL;
  g_autoptr (GError) error = NULL;
  BfVillage *village = g_ptr_array_index (villages, 0);
  gint64 g1 = ((BfGroup *) g_ptr_array_index (village->groups, 0))->id;
  gint64 g2 = ((BfGroup *) g_ptr_array_index (village->groups, 1))->id;
  gint64 a, b, c, d, e;

  /* bf_test_add_household puts households in the first village. */
  a = add (store, "001-00005", g2, "registered");
  b = add (store, "001-00002", g2, "exit_notice");
  c = add (store, "001-00009", g1, "surveyed");
  d = add (store, "001-00001", g1, "exit_accepted");
  e = add (store, "001-00003", g1, "exited");
  g_assert_true (bf_store_household_delete (store, e, NULL));

  /* By group, then number; deleted households left out. */
  all = bf_store_village_household_ids (store, village->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (g_array_index (all, gint64, 0), ==, d);
  g_assert_cmpint (g_array_index (all, gint64, 1), ==, c);
  g_assert_cmpint (g_array_index (all, gint64, 2), ==, b);
  g_assert_cmpint (g_array_index (all, gint64, 3), ==, a);

  /* Under assistance: registered and on the way out, not surveyed, not exited. */
  assisted = bf_store_village_household_ids (store, village->id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assisted->len, ==, 3);
  g_assert_cmpint (g_array_index (assisted, gint64, 0), ==, d);
  g_assert_cmpint (g_array_index (assisted, gint64, 1), ==, b);
  g_assert_cmpint (g_array_index (assisted, gint64, 2), ==, a);

  g_clear_pointer (&all, g_array_unref);
  all = bf_store_village_household_ids (store, ((BfVillage *) g_ptr_array_index (villages, 1))->id,
                                        FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_null (bf_store_village_household_ids (store, 9999, FALSE, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_card_income (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = bf_test_store_new (dir, "r.bangfu", 1);
  g_autoptr (GError) error = NULL;
  gint64 audits;
  BfCardIncome income;

  /* Not shown until the register says so. */
  g_assert_cmpint (bf_store_card_income (store), ==, BF_CARD_INCOME_NONE);
  audits = bf_test_query_int (store, "SELECT count(*) FROM audit_log");
  g_assert_true (bf_store_set_card_income (store, BF_CARD_INCOME_PER_CAPITA, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bf_store_card_income (store), ==, BF_CARD_INCOME_PER_CAPITA);
  g_assert_cmpint (bf_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_true (bf_store_set_card_income (store, BF_CARD_INCOME_DETAIL, &error));
  g_assert_cmpint (bf_store_card_income (store), ==, BF_CARD_INCOME_DETAIL);

  /* A value out of the enum is refused and changes nothing. */
  g_assert_false (bf_store_set_card_income (store, (BfCardIncome) 7, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_cmpint (bf_store_card_income (store), ==, BF_CARD_INCOME_DETAIL);

  /* A value written by other means that is not a code shows nothing. */
  g_assert_true (bf_store_setting_set (store, BF_SETTING_CARD_INCOME, "everything", NULL));
  g_assert_cmpint (bf_store_card_income (store), ==, BF_CARD_INCOME_NONE);

  g_assert_true (bf_card_income_from_code ("per_capita", &income));
  g_assert_cmpint (income, ==, BF_CARD_INCOME_PER_CAPITA);
  g_assert_cmpstr (bf_card_income_to_code (BF_CARD_INCOME_DETAIL), ==, "detail");
  g_assert_false (bf_card_income_from_code ("all", &income));

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/documents/village-households", test_village_households);
  g_test_add_func ("/store/documents/card-income", test_card_income);
  return g_test_run ();
}
