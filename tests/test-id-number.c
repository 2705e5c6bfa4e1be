/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-id-number.h"

#include "bf-dates.h"

static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 15, G_DATE_JUNE, 2026);
}

typedef struct
{
  const char *text;
  const char *number;
  const char *birth;
  gboolean male;
} ValidCase;

static void
test_valid (void)
{
  static const ValidCase cases[] = {
    { "11010519491231002X", "11010519491231002X", "1949-12-31", FALSE },
    { "440524188001010014", "440524188001010014", "1880-01-01", TRUE },
    { "11010519491231002x", "11010519491231002X", "1949-12-31", FALSE },
    { "  11010519491231002X \t", "11010519491231002X", "1949-12-31", FALSE },
    { "110105200002290013", "110105200002290013", "2000-02-29", TRUE },
    { "650102202606150017", "650102202606150017", "2026-06-15", TRUE }, /* born today */
    { "830000199001010012", "830000199001010012", "1990-01-01", TRUE },
  };
  GDate today;

  set_today (&today);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BfIdNumber id;
      g_autoptr (GError) error = NULL;
      g_autofree char *birth = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (bf_id_number_parse (cases[i].text, &today, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (id.number, ==, cases[i].number);
      birth = bf_date_format (&id.birth_date);
      g_assert_cmpstr (birth, ==, cases[i].birth);
      g_assert_cmpint (id.male, ==, cases[i].male);
    }
}

static void
test_before_min_year (void)
{
  BfIdNumber id;
  g_autoptr (GError) error = NULL;
  GDate today;

  set_today (&today);
  g_assert_cmpint (bf_id_number_check_char ("11010517991231001"), ==, '6');
  g_assert_false (bf_id_number_parse ("110105179912310016", &today, &id, &error));
  g_assert_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The birth date in the ID number, 1799-12-31, is before 1800.");
}

typedef struct
{
  const char *text;
  BfIdNumberError code;
} InvalidCase;

static void
test_invalid (void)
{
  static const InvalidCase cases[] = {
    { "", BF_ID_NUMBER_ERROR_EMPTY },
    { "   ", BF_ID_NUMBER_ERROR_EMPTY },
    { "11010519491231002", BF_ID_NUMBER_ERROR_LENGTH },   /* 17 */
    { "11010519491231002X1", BF_ID_NUMBER_ERROR_LENGTH }, /* 19 */
    { "110105 19491231002X", BF_ID_NUMBER_ERROR_LENGTH },
    { "１１０１０５１９４９１２３１００２Ｘ", BF_ID_NUMBER_ERROR_CHARACTERS }, /* full-width */
    { "11010519491231002A", BF_ID_NUMBER_ERROR_CHARACTERS },
    { "1101051949123100X2", BF_ID_NUMBER_ERROR_CHARACTERS },
    { "ABCDEFGHIJKLMNOPQR", BF_ID_NUMBER_ERROR_CHARACTERS },
    { "11010519491231-02X", BF_ID_NUMBER_ERROR_CHARACTERS },
    { "00010519491231002X", BF_ID_NUMBER_ERROR_REGION },
    { "99010519491231002X", BF_ID_NUMBER_ERROR_REGION },
    { "16010519491231002X", BF_ID_NUMBER_ERROR_REGION },
    { "110105199902300013", BF_ID_NUMBER_ERROR_DATE }, /* 30 February */
    { "110105199913010013", BF_ID_NUMBER_ERROR_DATE }, /* month 13 */
    { "110105190002290013", BF_ID_NUMBER_ERROR_DATE }, /* 1900 was not a leap year */
    { "110105000001010013", BF_ID_NUMBER_ERROR_DATE },
    { "110105202606160013", BF_ID_NUMBER_ERROR_FUTURE }, /* tomorrow */
    { "110105209901010013", BF_ID_NUMBER_ERROR_FUTURE },
    { "110105194912310021", BF_ID_NUMBER_ERROR_CHECK },
    { "110105194912310020", BF_ID_NUMBER_ERROR_CHECK },
    { "110105194912310120", BF_ID_NUMBER_ERROR_CHECK }, /* mistyped digit */
  };
  GDate today;

  set_today (&today);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BfIdNumber id;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_false (bf_id_number_parse (cases[i].text, &today, &id, &error));
      g_assert_error (error, BF_ID_NUMBER_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpstr (id.number, ==, "");
    }
}

static void
test_null (void)
{
  BfIdNumber id;
  g_autoptr (GError) error = NULL;

  g_assert_false (bf_id_number_parse (NULL, NULL, &id, &error));
  g_assert_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_EMPTY);
}

static void
test_messages (void)
{
  GDate today;
  BfIdNumber id;
  g_autoptr (GError) length = NULL;
  g_autoptr (GError) date = NULL;
  g_autoptr (GError) future = NULL;

  set_today (&today);
  bf_id_number_parse ("11010519491231002", &today, &id, &length);
  g_assert_cmpstr (length->message, ==, "An ID number has 18 characters; this one has 17.");
  bf_id_number_parse ("110105199902300013", &today, &id, &date);
  g_assert_nonnull (strstr (date->message, "1999-02-30"));
  bf_id_number_parse ("110105202606160013", &today, &id, &future);
  g_assert_nonnull (strstr (future->message, "2026-06-16"));
}

static void
test_today_from_environment (void)
{
  BfIdNumber id;
  g_autoptr (GError) error = NULL;

  /* A NULL today is the real one, which BANGFU_TODAY fixes. */
  g_setenv ("BANGFU_TODAY", "2026-06-15", TRUE);
  g_assert_true (bf_id_number_parse ("650102202606150017", NULL, &id, NULL));
  g_setenv ("BANGFU_TODAY", "2026-06-14", TRUE);
  g_assert_false (bf_id_number_parse ("650102202606150017", NULL, &id, &error));
  g_assert_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_FUTURE);
  g_unsetenv ("BANGFU_TODAY");
}

static void
test_check_char (void)
{
  g_assert_cmpint (bf_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (bf_id_number_check_char ("44052418800101001"), ==, '4');
  g_assert_cmpint (bf_id_number_check_char ("11010519491231001"), ==, '1');
  g_assert_cmpint (bf_id_number_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (bf_id_number_check_char ("1101051949123100A"), ==, '\0');
}

static void
test_mask (void)
{
  static const char *const cases[][2] = {
    { "11010519491231002X", "110105********002X" },
    { "430102199001011234", "430102********1234" },
    { "1101051949123100", "****************" },
    { "11010519491231002X9", "*******************" },
    { "", "" },
    { "张三", "**" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = bf_id_number_mask (cases[i][0]);
      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
  {
    g_autofree char *masked = bf_id_number_mask (NULL);
    g_assert_cmpstr (masked, ==, "");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("BANGFU_TODAY");

  g_test_add_func ("/id-number/valid", test_valid);
  g_test_add_func ("/id-number/before-min-year", test_before_min_year);
  g_test_add_func ("/id-number/invalid", test_invalid);
  g_test_add_func ("/id-number/null", test_null);
  g_test_add_func ("/id-number/messages", test_messages);
  g_test_add_func ("/id-number/today-from-environment", test_today_from_environment);
  g_test_add_func ("/id-number/check-char", test_check_char);
  g_test_add_func ("/id-number/mask", test_mask);

  return g_test_run ();
}
