/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bangfu-cli import FILE [--sheet NAME] [--mapping national|FILE.json] [--dry-run]
 *   [--on-duplicate skip|update|stop] [--report OUT.xlsx] [--operator NAME] [--print-mapping]
 *   [--json]: 0 when every row is imported (a dry run: would be), 1 when rows are not, the import
 *   stopped or failed, 2 on bad usage.
 * bangfu-cli import undo IMPORT [--json]
 * bangfu-cli import list [--json]
 * @argv starts with the command's name. Each returns the process exit status. */
int bf_cli_import (int argc, char **argv);
int bf_cli_import_undo (int argc, char **argv);
int bf_cli_import_list (int argc, char **argv);

G_END_DECLS
