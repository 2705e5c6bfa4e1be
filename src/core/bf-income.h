/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 wage_fen;
  gint64 business_fen;
  gint64 property_fen;
  gint64 transfer_fen;
  gint64 business_expense_fen;
} BfIncome;

typedef enum
{
  BF_INCOME_BELOW, /* under the poverty line */
  BF_INCOME_NEAR,  /* at or over the poverty line but not over 1.5 × the monitoring line */
  BF_INCOME_ABOVE,
} BfIncomeLevel;

/* (wage + business + property + transfer − business expense) ÷ members, rounded half away from
 * zero to the fen, in integers. FALSE when @members is 0. Each amount is within ±10^15 fen (what
 * bf_money_parse accepts). */
gboolean bf_income_per_capita (const BfIncome *income, guint members, gint64 *per_capita_fen);
BfIncomeLevel
bf_income_level (gint64 per_capita_fen, gint64 poverty_line_fen, gint64 monitoring_line_fen);
/* "below", "near", "above" (BF_CODES_INCOME_LEVEL). */
const char *bf_income_level_code (BfIncomeLevel level);

G_END_DECLS
