/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-money.h"

typedef struct
{
  const char *text;
  BfMoneyParseFlags flags;
  gint64 fen;
} ParseCase;

static void
test_parse (void)
{
  static const ParseCase cases[] = {
    { "1234.5", 0, 123450 },
    { "1,234.50", 0, 123450 },
    { "1234", 0, 123400 },
    { "0", 0, 0 },
    { "0.01", 0, 1 },
    { ".5", 0, 50 },
    { "5.", 0, 500 },
    { "１２３４", 0, 123400 },
    { "１２３４．５", 0, 123450 },
    { "１，２３４．５０", 0, 123450 },
    { "1234。5", 0, 123450 },
    { "¥12", 0, 1200 },
    { "￥12.30", 0, 1230 },
    { "¥ 12", 0, 1200 },
    { "12元", 0, 1200 },
    { "1,234 元", 0, 123400 },
    { "  3  ", 0, 300 },
    { "\u30003\u3000", 0, 300 },
    { "+7", 0, 700 },
    { "-0", 0, 0 },
    { "-12", BF_MONEY_PARSE_ALLOW_NEGATIVE, -1200 },
    { "-1,234.56", BF_MONEY_PARSE_ALLOW_NEGATIVE, -123456 },
    { "-¥12", BF_MONEY_PARSE_ALLOW_NEGATIVE, -1200 },
    { "¥-12", BF_MONEY_PARSE_ALLOW_NEGATIVE, -1200 },
    { "－５", BF_MONEY_PARSE_ALLOW_NEGATIVE, -500 },
    { "1,234,567.89", 0, 123456789 },
    { "0001", 0, 100 },
    { "10000000000000", 0, G_GINT64_CONSTANT (1000000000000000) },
    { "10,000,000,000,000.00", 0, G_GINT64_CONSTANT (1000000000000000) },
    { "-10000000000000", BF_MONEY_PARSE_ALLOW_NEGATIVE, -G_GINT64_CONSTANT (1000000000000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 fen = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (bf_money_parse (cases[i].text, cases[i].flags, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

typedef struct
{
  const char *text;
  BfMoneyParseFlags flags;
  BfMoneyError code;
} RejectCase;

static void
test_reject (void)
{
  static const RejectCase cases[] = {
    { "", 0, BF_MONEY_ERROR_EMPTY },
    { "   ", 0, BF_MONEY_ERROR_EMPTY },
    { "\u3000", 0, BF_MONEY_ERROR_EMPTY },
    { "12a", 0, BF_MONEY_ERROR_INVALID },
    { "a12", 0, BF_MONEY_ERROR_INVALID },
    { "1.2.3", 0, BF_MONEY_ERROR_INVALID },
    { "--1", BF_MONEY_PARSE_ALLOW_NEGATIVE, BF_MONEY_ERROR_INVALID },
    { "+-1", BF_MONEY_PARSE_ALLOW_NEGATIVE, BF_MONEY_ERROR_INVALID },
    { "1-", BF_MONEY_PARSE_ALLOW_NEGATIVE, BF_MONEY_ERROR_INVALID },
    { "-", BF_MONEY_PARSE_ALLOW_NEGATIVE, BF_MONEY_ERROR_INVALID },
    { ".", 0, BF_MONEY_ERROR_INVALID },
    { "¥", 0, BF_MONEY_ERROR_INVALID },
    { "¥¥12", 0, BF_MONEY_ERROR_INVALID },
    { "¥12元", 0, BF_MONEY_ERROR_INVALID },
    { "元", 0, BF_MONEY_ERROR_INVALID },
    { "$12", 0, BF_MONEY_ERROR_INVALID },
    { "1 234", 0, BF_MONEY_ERROR_INVALID },
    { "12,34", 0, BF_MONEY_ERROR_INVALID },
    { "1234,567", 0, BF_MONEY_ERROR_INVALID },
    { ",123", 0, BF_MONEY_ERROR_INVALID },
    { "1,,234", 0, BF_MONEY_ERROR_INVALID },
    { "1,234,", 0, BF_MONEY_ERROR_INVALID },
    { "1.234,5", 0, BF_MONEY_ERROR_INVALID },
    { "1e3", 0, BF_MONEY_ERROR_INVALID },
    { "0x10", 0, BF_MONEY_ERROR_INVALID },
    { "一百", 0, BF_MONEY_ERROR_INVALID },
    { "\xff\xfe", 0, BF_MONEY_ERROR_INVALID },
    { "1.234", 0, BF_MONEY_ERROR_PRECISION },
    { "1.230", 0, BF_MONEY_ERROR_PRECISION },
    { "0.001", 0, BF_MONEY_ERROR_PRECISION },
    { "-1", 0, BF_MONEY_ERROR_NEGATIVE },
    { "-0.01", 0, BF_MONEY_ERROR_NEGATIVE },
    { "-¥3", 0, BF_MONEY_ERROR_NEGATIVE },
    { "10000000000000.01", 0, BF_MONEY_ERROR_OVERFLOW },
    { "10000000000001", 0, BF_MONEY_ERROR_OVERFLOW },
    { "-10000000000001", BF_MONEY_PARSE_ALLOW_NEGATIVE, BF_MONEY_ERROR_OVERFLOW },
    { "99999999999999999999999999", 0, BF_MONEY_ERROR_OVERFLOW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 fen = 42;

      g_autofree char *shown = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", shown);
      g_assert_false (bf_money_parse (cases[i].text, cases[i].flags, &fen, &error));
      g_assert_error (error, BF_MONEY_ERROR, (gint) cases[i].code);
      g_assert_cmpint (fen, ==, 0);
    }
}

static void
test_reject_null (void)
{
  g_autoptr (GError) error = NULL;
  gint64 fen;

  g_assert_false (bf_money_parse (NULL, 0, &fen, &error));
  g_assert_error (error, BF_MONEY_ERROR, BF_MONEY_ERROR_EMPTY);
}

static void
test_format (void)
{
  static const struct
  {
    gint64 fen;
    const char *grouped;
    const char *plain;
  } cases[] = {
    { 0, "0.00", "0.00" },
    { 1, "0.01", "0.01" },
    { 10, "0.10", "0.10" },
    { 123450, "1,234.50", "1234.50" },
    { -1200, "-12.00", "-12.00" },
    { -5, "-0.05", "-0.05" },
    { 99999, "999.99", "999.99" },
    { 100000, "1,000.00", "1000.00" },
    { 285500, "2,855.00", "2855.00" },
    { 123456789, "1,234,567.89", "1234567.89" },
    { -123456789, "-1,234,567.89", "-1234567.89" },
    { G_GINT64_CONSTANT (1000000000000000), "10,000,000,000,000.00", "10000000000000.00" },
    { G_MAXINT64, "92,233,720,368,547,758.07", "92233720368547758.07" },
    { G_MININT64, "-92,233,720,368,547,758.08", "-92233720368547758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grouped = bf_money_format (cases[i].fen);
      g_autofree char *plain = bf_money_format_plain (cases[i].fen);

      g_assert_cmpstr (grouped, ==, cases[i].grouped);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* What is formatted parses back to the same fen. */
static void
test_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, 99, 100, 123456, -98765, G_GINT64_CONSTANT (999999999999999)
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *grouped = bf_money_format (values[i]);
      g_autofree char *plain = bf_money_format_plain (values[i]);
      gint64 a, b;

      g_assert_true (bf_money_parse (grouped, BF_MONEY_PARSE_ALLOW_NEGATIVE, &a, NULL));
      g_assert_true (bf_money_parse (plain, BF_MONEY_PARSE_ALLOW_NEGATIVE, &b, NULL));
      g_assert_cmpint (a, ==, values[i]);
      g_assert_cmpint (b, ==, values[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/reject", test_reject);
  g_test_add_func ("/money/reject-null", test_reject_null);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
