/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal to src/report: the printed words the documents share. Printed documents are Chinese
 * forms whatever language the desktop runs in, so these do not go through gettext. */

#include "bf-codes.h"

G_BEGIN_DECLS

/* "2026年3月1日"; the text itself when it is not an ISO date, "" for NULL. */
char *_bf_chinese_date (const char *iso);
/* Today as _bf_chinese_date() writes it (BANGFU_TODAY respected). */
char *_bf_chinese_today (void);
/* The printed word for a code of @list (the national system's, as the ledger writes it), the
 * code itself when there is none, "" for NULL. */
const char *_bf_code_word (BfCodeList list, const char *code);
/* The printed word of a lifecycle status. */
const char *_bf_status_word (const char *status);
/* "是" / "否" / "" for a tri-state. */
const char *_bf_yes_no (int value);

G_END_DECLS
