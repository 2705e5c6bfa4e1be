/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-pages.h"
#include "bf-store-documents.h"

G_BEGIN_DECLS

/* The 帮扶明白卡 of a household under assistance (docs/domain.md §6): posted on the household’s
 * wall, so public. Who the household is, its helper and the helper's phone, the year's measures
 * with their amounts, the policies it receives and the supervision phone.
 *
 * What can be printed is fixed by these structs, in the printed words: there is no field for an
 * ID number, a bank account, the household's phone or a member's health, disability, schooling
 * or work, so none can reach the wall. Measures whose category or wording names an illness or a
 * disability are printed in neutral words ("医疗保障帮扶"). Income figures appear only as far as
 * the register's BF_SETTING_CARD_INCOME allows. */

typedef struct
{
  char *name;
  char *relation; /* 户主, 配偶, … */
} BfCardMember;

typedef struct
{
  char *category; /* 产业, 就业, … */
  char *content;  /* the description, or the category's neutral words (see above) */
  gint64 budget_fen;
  gint64 spent_fen;
  char *status; /* 计划, 实施中, 已完成, 已取消 */
} BfCardMeasure;

typedef struct
{
  char *county;
  char *township;
  char *village;
  char *group;
  char *number;
  char *head_name;
  char *attribute;    /* 一般贫困户, 低保贫困户, 特困供养户; NULL: not recorded */
  GPtrArray *members; /* BfCardMember, the head first */

  int year;            /* of the plan */
  char *goal;          /* the plan's goal; NULL when none, or when it names a private matter */
  GPtrArray *measures; /* BfCardMeasure, every measure of the year's plan, by due date */
  GPtrArray *policies; /* char *: what the household receives (see bf-card.c for the rules) */

  char *helper_name; /* NULL: no helper assigned */
  char *helper_unit;
  char *helper_position;
  char *helper_phone;

  /* Filled only as far as the register's setting lets the card show them (0 otherwise). */
  BfCardIncome income;
  int income_year; /* of the survey; 0: none shown */
  gint64 per_capita_fen;
  gint64 wage_fen;
  gint64 business_fen;
  gint64 property_fen;
  gint64 transfer_fen;
  gint64 business_expense_fen;

  char *supervision_phone;
  char *date; /* printed on, "2026年12月1日" */
} BfCard;

BfCardMember *bf_card_member_new (const char *name, const char *relation);
void bf_card_member_free (BfCardMember *member);
BfCardMeasure *bf_card_measure_new (void);
void bf_card_measure_free (BfCardMeasure *measure);
BfCard *bf_card_new (void);
void bf_card_free (BfCard *card);

/* The card of household @household_id for the plan of @year (0: this year). NOT_FOUND for a
 * household that is not in the register or deleted. */
BfCard *bf_card_load (BfStore *store, gint64 household_id, int year, GError **error);

/* The card on pages of @width × @height points (the drawable area); the type scales with the
 * width, from A4 down to A5. The caller keeps @card alive while it uses the pages. */
BfPages *bf_card_pages_new (const BfCard *card, double width, double height);

/* Whether @text names an illness, a disability or a treatment (what a wall card must not say). */
gboolean bf_card_text_is_private (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCardMember, bf_card_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCardMeasure, bf_card_measure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfCard, bf_card_free)

G_END_DECLS
