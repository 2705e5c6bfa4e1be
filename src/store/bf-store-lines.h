/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* The year's poverty line (扶贫标准) and monitoring line (监测线) from the register's
 * poverty_lines table, in fen. FALSE with BF_STORE_ERROR_NOT_FOUND when the year has none. */
gboolean bf_store_poverty_line_get (BfStore *self,
                                    int year,
                                    gint64 *poverty_line_fen,
                                    gint64 *monitoring_line_fen,
                                    GError **error);
/* Adds or replaces the lines of @year: one transaction with an audit entry. */
gboolean bf_store_poverty_line_set (BfStore *self,
                                    int year,
                                    gint64 poverty_line_fen,
                                    gint64 monitoring_line_fen,
                                    const char *note,
                                    GError **error);

G_END_DECLS
