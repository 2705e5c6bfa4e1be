/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-codes.h"
#include "bf-income.h"

typedef struct
{
  BfIncome income;
  guint members;
  gint64 per_capita;
} PerCapitaCase;

static void
test_per_capita (void)
{
  static const PerCapitaCase cases[] = {
    { { 1200000, 300000, 0, 100000, 200000 }, 4, 350000 }, /* 14,000 - 2,000 over 4 */
    { { 1000, 0, 0, 0, 0 }, 3, 333 },                      /* 333.33 */
    { { 1001, 0, 0, 0, 0 }, 2, 501 },                      /* 500.5: half goes up */
    { { 1000, 0, 0, 0, 0 }, 6, 167 },                      /* 166.67 */
    { { 999, 0, 0, 0, 0 }, 2, 500 },                       /* 499.5 */
    { { 0, 0, 0, 0, 1001 }, 2, -501 },                     /* -500.5: half away from zero */
    { { 0, 0, 0, 0, 1000 }, 3, -333 },                     /* -333.33 */
    { { 0, 0, 0, 0, 999 }, 2, -500 },                      /* -499.5 */
    { { 100, 200, 300, 400, 1000 }, 5, 0 },
    { { 0, 0, 0, 0, 0 }, 1, 0 },
    { { 1, 0, 0, 0, 0 }, 3, 0 }, /* 0.33 */
    { { 2, 0, 0, 0, 0 }, 3, 1 }, /* 0.67 */
    { { G_GINT64_CONSTANT (1000000000000000), G_GINT64_CONSTANT (1000000000000000),
        G_GINT64_CONSTANT (1000000000000000), G_GINT64_CONSTANT (1000000000000000), 0 },
      1,
      G_GINT64_CONSTANT (4000000000000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 per_capita = -42;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_true (bf_income_per_capita (&cases[i].income, cases[i].members, &per_capita));
      g_assert_cmpint (per_capita, ==, cases[i].per_capita);
    }
}

static void
test_no_members (void)
{
  BfIncome income = { 100000, 0, 0, 0, 0 };
  gint64 per_capita = 42;

  g_assert_false (bf_income_per_capita (&income, 0, &per_capita));
  g_assert_cmpint (per_capita, ==, 42);
}

static void
test_level (void)
{
  /* poverty line 4,000.00, monitoring line 6,000.00: near up to 9,000.00 */
  static const struct
  {
    gint64 per_capita;
    BfIncomeLevel level;
  } cases[] = {
    { -100, BF_INCOME_BELOW },   { 0, BF_INCOME_BELOW },       { 399999, BF_INCOME_BELOW },
    { 400000, BF_INCOME_NEAR },  { 600000, BF_INCOME_NEAR },   { 900000, BF_INCOME_NEAR },
    { 900001, BF_INCOME_ABOVE }, { 5000000, BF_INCOME_ABOVE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bf_income_level (cases[i].per_capita, 400000, 600000), ==, cases[i].level);

  /* 1.5 × an odd monitoring line falls between fen: 1.5 × 0.03 = 0.045 */
  g_assert_cmpint (bf_income_level (4, 0, 3), ==, BF_INCOME_NEAR);
  g_assert_cmpint (bf_income_level (5, 0, 3), ==, BF_INCOME_ABOVE);
}

static void
test_level_code (void)
{
  g_assert_cmpstr (bf_income_level_code (BF_INCOME_BELOW), ==, "below");
  g_assert_cmpstr (bf_income_level_code (BF_INCOME_NEAR), ==, "near");
  g_assert_cmpstr (bf_income_level_code (BF_INCOME_ABOVE), ==, "above");
  for (int level = BF_INCOME_BELOW; level <= BF_INCOME_ABOVE; level++)
    g_assert_true (bf_code_is_valid (BF_CODES_INCOME_LEVEL, bf_income_level_code (level)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/income/per-capita", test_per_capita);
  g_test_add_func ("/income/no-members", test_no_members);
  g_test_add_func ("/income/level", test_level);
  g_test_add_func ("/income/level-code", test_level_code);

  return g_test_run ();
}
