/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bangfu-cli export-ledger [--quarter 2026Q3] [--village V] [--mask] -o FILE.xlsx
 * Writes the quarterly ledger of the register of --db, with a progress line on stderr, and records
 * the export in the register. Returns the exit status. */
int bf_cli_export_ledger (int argc, char **argv);

G_END_DECLS
