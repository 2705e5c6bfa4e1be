/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bangfu-cli indicators --period P [--village V] [--json]
 * bangfu-cli assess --period P [--village V] [--date D]
 * bangfu-cli exit-check NUMBER [--json]
 * @argv starts with the command's name. Each returns the process exit status. */
int bf_cli_indicators (int argc, char **argv);
int bf_cli_assess (int argc, char **argv);
int bf_cli_exit_check (int argc, char **argv);

G_END_DECLS
