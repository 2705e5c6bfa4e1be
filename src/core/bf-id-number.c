/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-id-number.h"

#include "bf-core-private.h"
#include "bf-dates.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (bf - id - number - error - quark, bf_id_number_error)

#define ID_LENGTH 18

/* Province-level codes of GB/T 2260, plus 83: residence permits of Taiwan residents (since
 * 2018) are GB 11643 numbers with region 830000, as those of Hong Kong and Macao residents use
 * 810000 and 820000. */
static const guint8 provinces[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
  44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
};

static gboolean
is_province (int code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (provinces[i] == code)
      return TRUE;
  return FALSE;
}

char
bf_id_number_check_char (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * weights[i];
    }
  return check[sum % 11];
}

gboolean
bf_id_number_parse (const char *text, const GDate *today, BfIdNumber *out, GError **error)
{
  g_autofree char *number = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *shown = NULL;
  GDate birth, now;
  int year, month, day;
  gsize length;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->birth_date, 1);

  if (*number == '\0')
    {
      g_set_error_literal (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_EMPTY,
                           _ ("The ID number is empty."));
      return FALSE;
    }

  length =
    g_utf8_validate (number, -1, NULL) ? (gsize) g_utf8_strlen (number, -1) : strlen (number);
  if (length != ID_LENGTH)
    {
      g_set_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_LENGTH,
                   _ ("An ID number has 18 characters; this one has %u."), (guint) length);
      return FALSE;
    }

  for (int i = 0; i < ID_LENGTH; i++)
    {
      if (g_ascii_isdigit (number[i]) ||
          (i == ID_LENGTH - 1 && (number[i] == 'X' || number[i] == 'x')))
        continue;
      g_set_error_literal (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_CHARACTERS,
                           _ ("An ID number is 17 digits followed by a digit or X."));
      return FALSE;
    }
  number[ID_LENGTH - 1] = g_ascii_toupper (number[ID_LENGTH - 1]);

  if (!is_province (_bf_digits_value (number, 2)))
    {
      g_set_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_REGION,
                   _ ("The ID number starts with %.6s, which is not the code of a Chinese region."),
                   number);
      return FALSE;
    }

  year = _bf_digits_value (number + 6, 4);
  month = _bf_digits_value (number + 10, 2);
  day = _bf_digits_value (number + 12, 2);
  shown = g_strdup_printf ("%.4s-%.2s-%.2s", number + 6, number + 10, number + 12);
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_DATE,
                   _ ("The birth date in the ID number, %s, is not a day of the calendar."), shown);
      return FALSE;
    }
  if (year < BF_ID_NUMBER_MIN_YEAR)
    {
      g_set_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_DATE,
                   _ ("The birth date in the ID number, %s, is before %d."), shown,
                   BF_ID_NUMBER_MIN_YEAR);
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    bf_date_today (&now);
  if (g_date_compare (&birth, &now) > 0)
    {
      g_set_error (error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_FUTURE,
                   _ ("The birth date in the ID number, %s, is in the future."), shown);
      return FALSE;
    }

  if (bf_id_number_check_char (number) != number[ID_LENGTH - 1])
    {
      /* Naming the expected character would invite fixing the last one instead of the typo. */
      g_set_error_literal (
        error, BF_ID_NUMBER_ERROR, BF_ID_NUMBER_ERROR_CHECK,
        _ ("The ID number's check character does not match: a digit is probably mistyped."));
      return FALSE;
    }

  memcpy (out->number, number, ID_LENGTH);
  out->number[ID_LENGTH] = '\0';
  out->birth_date = birth;
  out->male = (number[16] - '0') % 2 == 1;
  return TRUE;
}

char *
bf_id_number_mask (const char *number)
{
  glong length;
  GString *masked;
  const char *p;

  if (number == NULL || !g_utf8_validate (number, -1, NULL))
    return g_strdup ("");

  length = g_utf8_strlen (number, -1);
  masked = g_string_new (NULL);
  p = number;
  for (glong i = 0; i < length; i++, p = g_utf8_next_char (p))
    {
      if (length == ID_LENGTH && (i < 6 || i >= ID_LENGTH - 4))
        g_string_append_unichar (masked, g_utf8_get_char (p));
      else
        g_string_append_c (masked, '*');
    }
  return g_string_free (masked, FALSE);
}
