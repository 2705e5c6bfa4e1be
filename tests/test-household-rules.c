/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-household-rules.h"

static void
test_phone (void)
{
  g_assert_true (bf_phone_is_valid ("13800138000"));
  g_assert_true (bf_phone_is_valid ("0731-8888 1234"));
  g_assert_true (bf_phone_is_valid ("+86 (731) 8888123"));
  g_assert_true (bf_phone_is_valid ("1234567"));
  g_assert_false (bf_phone_is_valid ("123456"));                /* 6 digits */
  g_assert_false (bf_phone_is_valid ("123456789012345678901")); /* 21 digits */
  g_assert_false (bf_phone_is_valid ("138 0013 800x"));
  g_assert_false (bf_phone_is_valid ("１３８００１３８０００")); /* full-width digits */
  g_assert_false (bf_phone_is_valid (""));
}

static void
test_bank_account (void)
{
  g_assert_true (bf_bank_account_is_valid ("6217 0000 1234 5678 901"));
  g_assert_true (bf_bank_account_is_valid ("6"));
  g_assert_false (bf_bank_account_is_valid ("6217-0000"));
  g_assert_false (bf_bank_account_is_valid ("   "));
  g_assert_false (bf_bank_account_is_valid (""));
}

static void
test_causes (void)
{
  g_assert_cmpint (bf_causes_check (NULL, NULL, NULL), ==, BF_CAUSES_OK);
  g_assert_cmpint (bf_causes_check ("illness", NULL, NULL), ==, BF_CAUSES_OK);
  g_assert_cmpint (bf_causes_check ("illness", "skills", "funds"), ==, BF_CAUSES_OK);
  g_assert_cmpint (bf_causes_check ("illness", "", "funds"), ==, BF_CAUSES_OK);
  g_assert_cmpint (bf_causes_check (NULL, "skills", NULL), ==, BF_CAUSES_NO_PRIMARY);
  g_assert_cmpint (bf_causes_check ("", NULL, "skills"), ==, BF_CAUSES_NO_PRIMARY);
  g_assert_cmpint (bf_causes_check ("illness", "illness", NULL), ==, BF_CAUSES_FIRST_REPEATS);
  /* A lone second cause counts as the first. */
  g_assert_cmpint (bf_causes_check ("illness", NULL, "illness"), ==, BF_CAUSES_FIRST_REPEATS);
  g_assert_cmpint (bf_causes_check ("illness", "skills", "illness"), ==, BF_CAUSES_SECOND_REPEATS);
  g_assert_cmpint (bf_causes_check ("illness", "skills", "skills"), ==, BF_CAUSES_SECOND_REPEATS);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/household-rules/phone", test_phone);
  g_test_add_func ("/household-rules/bank-account", test_bank_account);
  g_test_add_func ("/household-rules/causes", test_causes);
  return g_test_run ();
}
