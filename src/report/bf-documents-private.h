/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to the household documents (bf-card.c, bf-household-form.c, bf-documents.c). */

#include "bf-card.h"
#include "bf-household-form.h"
#include "bf-store-household.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* What every document of one print run shares, read once: a village's 2,000 cards have a few
 * dozen helpers and one supervision phone. */
typedef struct
{
  BfStore *store;
  int year; /* the cards' plan year */
  char *county;
  char *township;
  char *date;
  char *supervision_phone;
  BfCardIncome income;
  GHashTable *helpers; /* helper id → BfHelper, NULL for one that cannot be read */
} BfDocumentContext;

/* @year 0: this year. */
void _bf_document_context_init (BfDocumentContext *context, BfStore *store, int year);
void _bf_document_context_clear (BfDocumentContext *context);
/* The household's helper, or NULL when it has none. */
const BfHelper *_bf_document_context_helper (BfDocumentContext *context, gint64 helper_id);
/* The household with its members and latest survey; NOT_FOUND when it is deleted. */
BfHousehold *_bf_document_household (BfDocumentContext *context, gint64 id, GError **error);

BfCard *_bf_card_load (BfDocumentContext *context, gint64 household_id, GError **error);
BfHouseholdForm *
_bf_household_form_load (BfDocumentContext *context, gint64 household_id, GError **error);

/* The type of a document scales with the page: 1 on A4, down to 0.72 on an A5 page. */
double _bf_document_scale (double width);

G_END_DECLS
