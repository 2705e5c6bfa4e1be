/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* What the printed household documents (帮扶明白卡, the registration form) read beyond the
 * household, plan and helper records: which households a village's documents are for, and how
 * much of a household's income its public card may show. */

/* The village's households that are not deleted, by group and number: every one, or only those
 * under assistance (registered, and on the way out: exit assessed, exit notice, exit accepted),
 * the households a wall card is posted for. NOT_FOUND for a village that does not exist. */
GArray *bf_store_village_household_ids (BfStore *self,
                                        gint64 village_id,
                                        gboolean assisted_only,
                                        GError **error);

/* How much income the 帮扶明白卡, posted on the household's wall, shows (docs/domain.md §5 keeps
 * private facts off public paper; the register decides for its locality): "none" (also when
 * unset), "per_capita" or "detail". */
#define BF_SETTING_CARD_INCOME "card.income"

typedef enum
{
  BF_CARD_INCOME_NONE,       /* no income figure at all */
  BF_CARD_INCOME_PER_CAPITA, /* the per-capita net income of the latest survey */
  BF_CARD_INCOME_DETAIL,     /* that, and the income by kind with the business expenses */
} BfCardIncome;

/* The register's setting; BF_CARD_INCOME_NONE when unset or not one of the codes. */
BfCardIncome bf_store_card_income (BfStore *self);
/* Sets it (one transaction with its audit entry); INVALID for a value not in the enum. */
gboolean bf_store_set_card_income (BfStore *self, BfCardIncome income, GError **error);
const char *bf_card_income_to_code (BfCardIncome income);
gboolean bf_card_income_from_code (const char *code, BfCardIncome *income);

G_END_DECLS
