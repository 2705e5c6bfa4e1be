/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the bangfu-cli commands share: option parsing with --db, exit statuses, messages, output
 * helpers. Commands live in main.c and bf-cli-*.c; each takes the arguments after its name. */

#include <json-glib/json-glib.h>

#include "bf-store.h"

G_BEGIN_DECLS

typedef enum
{
  BF_CLI_OK = 0,
  BF_CLI_FAILED = 1, /* a check failed, or the command could not do its work */
  BF_CLI_USAGE = 2,  /* bad usage: unknown option, missing or wrong argument */
} BfCliStatus;

/* Parses a command's options; --db FILE (default: $BANGFU_DB) and --version are added to
 * @entries. @parameter_string names the positional arguments ("NUMBER…"). On an error, prints
 * it on stderr and returns FALSE (the caller exits with BF_CLI_USAGE). */
gboolean bf_cli_parse (const char *parameter_string,
                       const char *summary,
                       const GOptionEntry *entries,
                       int *argc,
                       char ***argv);

/* The register named by --db or BANGFU_DB; NULL after printing a usage message. */
const char *bf_cli_db (void);

/* "bangfu-cli list households: …" on stderr. Both return their exit status. */
int bf_cli_usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
int bf_cli_fail (const GError *error);
/* "unexpected argument “…”" (the argument cut to BF_TEXT_SHOWN_CHARS): BF_CLI_USAGE. */
int bf_cli_unexpected (const char *argument);
void bf_cli_message (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Opens the register of --db; NULL after printing why (@status receives the exit status). */
BfStore *bf_cli_open (BfStoreOpenFlags flags, int *status);
/* Closes and releases @store; returns @status, or BF_CLI_FAILED after printing why the close
 * failed (a failed close still closed the register). */
int bf_cli_close (BfStore *store, int status);

/* The name of --operator, else the register's last operator, else the user's, for @store's
 * audit entries. */
void bf_cli_set_operator (BfStore *store, const char *option);

/* A progress line on stderr: rewritten in place on a terminal, every tenth elsewhere. */
typedef struct
{
  gboolean tty;
  gboolean quiet; /* print nothing */
  int last_percent;
  gboolean shown;
} BfCliProgress;

void bf_cli_progress (BfCliProgress *progress, double fraction, const char *text);
/* Ends the line on a terminal. */
void bf_cli_progress_end (BfCliProgress *progress);

/* Writes @node to stdout as indented JSON with a final newline. */
void bf_cli_print_json (JsonNode *node);
/* @text padded with spaces to @width terminal columns (CJK characters take two). */
void bf_cli_print_cell (GString *line, const char *text, int width);
int bf_cli_text_width (const char *text);
/* "  Label: value" (nothing when @value is NULL or empty). */
void bf_cli_print_field (const char *label, const char *value);

/* Translated label of a code, or the code itself when this build does not know it ("" for
 * NULL). */
const char *bf_cli_code_label (int list, const char *code);
const char *bf_cli_status_label (const char *code);

/* The village named @text (its name or id): TRUE with its id; FALSE after printing the
 * villages there are (@status receives the exit status). */
gboolean bf_cli_find_village (BfStore *store, const char *text, gint64 *village_id, int *status);

int bf_cli_init (int argc, char **argv);
int bf_cli_demo (int argc, char **argv);
int bf_cli_id_check (int argc, char **argv);

int bf_cli_list_households (int argc, char **argv);
int bf_cli_list_measures (int argc, char **argv);
int bf_cli_list_visits (int argc, char **argv);
int bf_cli_list_follow_up (int argc, char **argv);
int bf_cli_list_not_visited (int argc, char **argv);
int bf_cli_show_household (int argc, char **argv);
int bf_cli_check (int argc, char **argv);
int bf_cli_audit_verify (int argc, char **argv);
int bf_cli_backup (int argc, char **argv);
int bf_cli_restore (int argc, char **argv);
int bf_cli_stats (int argc, char **argv);
int bf_cli_list_notices (int argc, char **argv);
int bf_cli_notice_pdf (int argc, char **argv);
int bf_cli_print_card (int argc, char **argv);
int bf_cli_print_form (int argc, char **argv);

G_END_DECLS
