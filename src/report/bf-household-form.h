/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-pages.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The household registration form (贫困户登记表 / 入户调查表) that the household and
 * the surveyor sign and the township files: everything of the survey (docs/domain.md §3), the
 * members with their ID numbers in full, incomes and expenses, causes, the six guarantees, housing
 * and production, the survey's facts, and lines for the signatures. Not for public display. */

typedef struct
{
  char *county;
  char *township;
  BfHousehold *household; /* with its members (the head first) and its latest survey */
  char *helper_phone;     /* of the household's helper; the name is the household's */
  char *helper_unit;
  gboolean has_lines; /* the survey year's lines are in the register */
  gint64 poverty_line_fen;
  gint64 monitoring_line_fen;
  char *date; /* printed on, "2026年12月1日" */
} BfHouseholdForm;

BfHouseholdForm *bf_household_form_new (void);
void bf_household_form_free (BfHouseholdForm *form);

/* The form of household @household_id. NOT_FOUND for a household that is not in the register or
 * deleted. */
BfHouseholdForm *bf_household_form_load (BfStore *store, gint64 household_id, GError **error);

/* The form on A4-sized pages of @width × @height points (the drawable area). The caller keeps
 * @form alive while it uses the pages. */
BfPages *bf_household_form_pages_new (const BfHouseholdForm *form, double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfHouseholdForm, bf_household_form_free)

G_END_DECLS
