/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BF_MONEY_ERROR (bf_money_error_quark ())

typedef enum
{
  BF_MONEY_ERROR_EMPTY,
  BF_MONEY_ERROR_INVALID,   /* not an amount */
  BF_MONEY_ERROR_NEGATIVE,  /* negative where it makes no sense */
  BF_MONEY_ERROR_PRECISION, /* more than two decimals */
  BF_MONEY_ERROR_OVERFLOW,  /* beyond 10^13 yuan */
} BfMoneyError;

GQuark bf_money_error_quark (void);

typedef enum
{
  BF_MONEY_PARSE_DEFAULT = 0,
  BF_MONEY_PARSE_ALLOW_NEGATIVE = 1 << 0,
} BfMoneyParseFlags;

/* Yuan text to fen: "1234.5", "1,234.50", "１２３４．５" (full-width digits, comma and point; "。"
 * as a point), "¥12", "12元", " 3 ". Thousands separators, when used, must group by three.
 * At most two decimals; up to 10^13 yuan either way. No floating point. */
gboolean bf_money_parse (const char *text, BfMoneyParseFlags flags, gint64 *fen, GError **error);
/* "1,234.50" (grouped, two decimals, "-" for negatives). */
char *bf_money_format (gint64 fen);
/* "1234.50": for CSV, JSON and editable entries. */
char *bf_money_format_plain (gint64 fen);

G_END_DECLS
