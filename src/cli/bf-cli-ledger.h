/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bangfu-cli export-ledger REGISTER --quarter 2026Q3 [--village V] [--mask] -o FILE.xlsx
 * @argv starts with the command's name. Returns the process exit status. */
int bf_cli_export_ledger (int argc, char **argv);

G_END_DECLS
