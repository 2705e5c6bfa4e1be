/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The checks of a household save (bf-store-household-checks.c), for bf-store-household.c. */

#include "bf-store-household-fields-private.h"

G_BEGIN_DECLS

/* The active household (other than @except) that has @id_number as an active member. */
gboolean _bf_household_find_person (BfStore *self,
                                    const char *id_number,
                                    gint64 except,
                                    gint64 *household_id,
                                    char **household_number,
                                    GError **error);
/* The id of the household numbered @number (deleted or not), 0 when none, -1 on error. */
gint64 _bf_household_find_by_number (BfStore *self, const char *number, GError **error);
/* Checks @household before anything is written (INVALID names the field) and normalises it in
 * place: trimmed number, ID numbers in their canonical form. */
gboolean _bf_household_validate (BfHousehold *household, GError **error);
/* Checks against the register, inside the write: villages and groups exist, the number is
 * free, no member is an active member of another household. */
gboolean
_bf_household_check_references (BfStore *self, const BfHousehold *household, GError **error);
gboolean
_bf_household_check_number_free (BfStore *self, const BfHousehold *household, GError **error);
gboolean
_bf_household_check_people_free (BfStore *self, const BfHousehold *household, GError **error);

G_END_DECLS
