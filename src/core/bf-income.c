/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-income.h"

gboolean
bf_income_per_capita (const BfIncome *income, guint members, gint64 *per_capita_fen)
{
  gint64 total, quotient, remainder;

  if (members == 0)
    return FALSE;

  /* Each part is at most 10^15 fen (bf_money_parse's bound), so the sum cannot overflow. */
  total = income->wage_fen + income->business_fen + income->property_fen + income->transfer_fen -
          income->business_expense_fen;
  quotient = total / (gint64) members;
  remainder = total % (gint64) members;
  /* C division truncates towards zero; a remainder of half or more moves away from it. */
  if (2 * (remainder < 0 ? -remainder : remainder) >= (gint64) members)
    quotient += total < 0 ? -1 : 1;

  *per_capita_fen = quotient;
  return TRUE;
}

BfIncomeLevel
bf_income_level (gint64 per_capita_fen, gint64 poverty_line_fen, gint64 monitoring_line_fen)
{
  if (per_capita_fen < poverty_line_fen)
    return BF_INCOME_BELOW;
  /* per capita <= 1.5 × monitoring line, without fractions */
  if (2 * per_capita_fen <= 3 * monitoring_line_fen)
    return BF_INCOME_NEAR;
  return BF_INCOME_ABOVE;
}

const char *
bf_income_level_code (BfIncomeLevel level)
{
  switch (level)
    {
      case BF_INCOME_BELOW:
        return "below";
      case BF_INCOME_NEAR:
        return "near";
      case BF_INCOME_ABOVE:
        return "above";
      default:
        break;
    }
  g_return_val_if_reached (NULL);
}
