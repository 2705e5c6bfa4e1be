/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* A valid GB 11643 number: @region, @birth "YYYYMMDD" and a sequence (odd: male). */
char *bf_test_id_number_at (const char *region, const char *birth, guint sequence);
BfMember *bf_test_member (const char *name, const char *relation, const char *id_number);
/* A household in @village_id with a head of @head_name (ID @head_id); no number when NULL. */
BfHousehold *bf_test_household (const char *number,
                                gint64 village_id,
                                const char *head_name,
                                const char *head_id);
/* Saves and asserts success. */
void bf_test_household_save (BfStore *store, BfHousehold *household);

G_END_DECLS
