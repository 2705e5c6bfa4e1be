/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (bf - money - error - quark, bf_money_error)

/* 10^13 yuan: more than any household or township will ever hold, and far from gint64's end. */
#define MAX_FEN G_GINT64_CONSTANT (1000000000000000)

/* Markers for the yuan signs (¥, ￥) and the character 元 after folding. */
#define YUAN_SIGN '\x01'
#define YUAN_UNIT '\x02'

/* Folds what a Chinese input method or a spreadsheet produces into ASCII: full-width digits,
 * comma, point, plus and minus, the ideographic full stop typed for "." in Chinese mode, and the
 * yuan signs. Anything else outside printable ASCII becomes '?'. NULL on invalid UTF-8. */
static char *
fold_to_ascii (const char *text)
{
  GString *ascii;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  ascii = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (ascii, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0C)
        g_string_append_c (ascii, ',');
      else if (c == 0xFF0E || c == 0x3002)
        g_string_append_c (ascii, '.');
      else if (c == 0xFF0D || c == 0x2212)
        g_string_append_c (ascii, '-');
      else if (c == 0xFF0B)
        g_string_append_c (ascii, '+');
      else if (c == 0x00A5 || c == 0xFFE5)
        g_string_append_c (ascii, YUAN_SIGN);
      else if (c == 0x5143)
        g_string_append_c (ascii, YUAN_UNIT);
      else if (c == 0x3000 || c == 0x00A0 || c == '\t')
        g_string_append_c (ascii, ' ');
      else if (c >= 0x20 && c < 0x7F)
        g_string_append_c (ascii, (char) c);
      else
        g_string_append_c (ascii, '?');
    }
  return g_string_free (ascii, FALSE);
}

static gboolean
invalid (const char *text, GError **error)
{
  g_set_error (error, BF_MONEY_ERROR, BF_MONEY_ERROR_INVALID,
               _ ("“%s” is not an amount of money: write yuan such as 1234.50 or 1,234.50."), text);
  return FALSE;
}

gboolean
bf_money_parse (const char *text, BfMoneyParseFlags flags, gint64 *fen, GError **error)
{
  g_autofree char *ascii = NULL;
  const char *p;
  gboolean negative = FALSE, seen_sign = FALSE, seen_currency = FALSE;
  gint64 value = 0;
  int int_digits = 0, group_digits = 0, groups = 0, decimals = 0;

  *fen = 0;
  if (text == NULL)
    text = "";
  ascii = fold_to_ascii (text);
  if (ascii == NULL)
    return invalid (text, error);
  g_strstrip (ascii);
  if (*ascii == '\0')
    {
      g_set_error_literal (error, BF_MONEY_ERROR, BF_MONEY_ERROR_EMPTY, _ ("No amount was given."));
      return FALSE;
    }

  /* One sign and one yuan sign, in either order: "-¥12" and "¥-12". */
  p = ascii;
  for (;;)
    {
      if ((*p == '-' || *p == '+') && !seen_sign)
        {
          negative = *p == '-';
          seen_sign = TRUE;
        }
      else if (*p == YUAN_SIGN && !seen_currency)
        seen_currency = TRUE;
      else if (*p == ' ' && seen_currency)
        ; /* "¥ 12" */
      else
        break;
      p++;
    }

  /* Integer part with optional thousands separators, which must then be every three digits. */
  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          if (int_digits == 0 || (groups == 0 && group_digits > 3) ||
              (groups > 0 && group_digits != 3))
            return invalid (text, error);
          groups++;
          group_digits = 0;
          continue;
        }
      value = value * 10 + (*p - '0');
      if (value > MAX_FEN / 100)
        goto overflow;
      int_digits++;
      group_digits++;
    }
  if (groups > 0 && group_digits != 3)
    return invalid (text, error);
  value *= 100;

  if (*p == '.')
    {
      gint64 scale = 10;

      for (p++; g_ascii_isdigit (*p); p++, decimals++)
        {
          if (decimals < 2)
            value += (*p - '0') * scale;
          scale /= 10;
        }
      if (int_digits == 0 && decimals == 0)
        return invalid (text, error);
    }
  else if (int_digits == 0)
    return invalid (text, error);

  /* "12元", "12 元" */
  while (*p == ' ')
    p++;
  if (*p == YUAN_UNIT && !seen_currency)
    p++;
  if (*p != '\0')
    return invalid (text, error);
  if (decimals > 2)
    {
      g_set_error (error, BF_MONEY_ERROR, BF_MONEY_ERROR_PRECISION,
                   _ ("“%s” has more than two decimals: amounts are kept to the fen."), text);
      return FALSE;
    }
  if (value > MAX_FEN)
    goto overflow;
  if (negative && value != 0 && !(flags & BF_MONEY_PARSE_ALLOW_NEGATIVE))
    {
      g_set_error (error, BF_MONEY_ERROR, BF_MONEY_ERROR_NEGATIVE,
                   _ ("“%s” is negative, which this amount cannot be."), text);
      return FALSE;
    }

  *fen = negative ? -value : value;
  return TRUE;

overflow:
  g_set_error (error, BF_MONEY_ERROR, BF_MONEY_ERROR_OVERFLOW,
               _ ("“%s” is too large: amounts go up to 10,000,000,000,000.00 yuan."), text);
  return FALSE;
}

static char *
format (gint64 fen, gboolean grouped)
{
  /* Through the unsigned magnitude, so that G_MININT64 has one too. */
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize n = strlen (digits);
  GString *out = g_string_new (fen < 0 ? "-" : "");

  for (gsize i = 0; i < n; i++)
    {
      if (grouped && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));
  return g_string_free (out, FALSE);
}

char *
bf_money_format (gint64 fen)
{
  return format (fen, TRUE);
}

char *
bf_money_format_plain (gint64 fen)
{
  return format (fen, FALSE);
}
