/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rules of a household's fields that both the form (as the caseworker types) and the store (before
 * it writes) check, so that the two can never disagree. */

/* 7 to 20 digits, with the separators people write: "-", "+", "(", ")" and spaces. */
gboolean bf_phone_is_valid (const char *phone);
/* Digits, with spaces as people group them; at least one digit. */
gboolean bf_bank_account_is_valid (const char *account);

/* What is wrong with a household's causes of poverty: one primary cause, at most two others, all
 * different (docs/domain.md §3). Each value names the field a form marks. */
typedef enum
{
  BF_CAUSES_OK,
  BF_CAUSES_NO_PRIMARY,     /* other causes without a primary cause */
  BF_CAUSES_FIRST_REPEATS,  /* the first other cause is the primary cause */
  BF_CAUSES_SECOND_REPEATS, /* the second other cause is the primary or the first other cause */
} BfCausesProblem;

/* @primary, @other1, @other2: cause codes or NULL (an empty string counts as NULL). A second other
 * cause without a first is checked as if it were the first. */
BfCausesProblem bf_causes_check (const char *primary, const char *other1, const char *other2);

G_END_DECLS
