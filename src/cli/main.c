/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli: the register from a terminal. Dispatch and the helpers the commands share; the
 * commands are in bf-cli-*.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bf-cli-exit.h"
#include "bf-cli-import.h"
#include "bf-cli-ledger.h"
#include "bf-cli.h"
#include "bf-codes.h"
#include "bf-i18n.h"
#include "bf-lifecycle.h"
#include "bf-store-file.h"
#include "bf-text.h"

static char *opt_db;
static gboolean opt_version;
static const char *command_name = "bangfu-cli";

/* ---- shared helpers ---- */

static void
print_version (void)
{
  g_print ("bangfu-cli %s\n", PACKAGE_VERSION);
}

gboolean
bf_cli_parse (const char *parameter_string,
              const char *summary,
              const GOptionEntry *entries,
              int *argc,
              char ***argv)
{
  const GOptionEntry common[] = { { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
                                    N_ ("The register file (default: $BANGFU_DB)"), N_ ("FILE") },
                                  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
                                    N_ ("Show the program version"), NULL },
                                  G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      bf_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  if (opt_version)
    {
      print_version ();
      exit (BF_CLI_OK);
    }
  return TRUE;
}

const char *
bf_cli_db (void)
{
  const char *db = opt_db != NULL ? opt_db : g_getenv ("BANGFU_DB");

  if (db == NULL || *db == '\0')
    {
      bf_cli_usage_error (_ ("no register given: use --db FILE or set BANGFU_DB"));
      return NULL;
    }
  return db;
}

/* Whatever a message quotes, a control character in it never reaches the terminal raw (an escape
 * sequence could rewrite what the caseworker sees); the message's own line breaks stay. */
static void
vmessage (const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *shown = bf_text_shown (lines[i], G_MAXUINT);

      g_free (lines[i]);
      lines[i] = shown;
    }
  g_free (text);
  text = g_strjoinv ("\n", lines);
  g_printerr ("%s: %s\n", command_name, text);
}

void
bf_cli_message (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vmessage (format, args);
  va_end (args);
}

int
bf_cli_usage_error (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vmessage (format, args);
  va_end (args);
  g_printerr (_ ("Try “%s --help”.\n"), command_name);
  return BF_CLI_USAGE;
}

int
bf_cli_unexpected (const char *argument)
{
  g_autofree char *shown = bf_text_shown (argument, BF_TEXT_SHOWN_CHARS);

  return bf_cli_usage_error (_ ("unexpected argument “%s”"), shown);
}

int
bf_cli_fail (const GError *error)
{
  bf_cli_message ("%s", error->message);
  return BF_CLI_FAILED;
}

BfStore *
bf_cli_open (BfStoreOpenFlags flags, int *status)
{
  g_autoptr (GError) error = NULL;
  const char *db = bf_cli_db ();
  BfStore *store;

  if (db == NULL)
    {
      *status = BF_CLI_USAGE;
      return NULL;
    }
  store = bf_store_open (db, flags, &error);
  if (store == NULL)
    *status = bf_cli_fail (error);
  return store;
}

int
bf_cli_close (BfStore *store, int status)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = bf_store_close (store, &error);

  g_object_unref (store);
  return ok ? status : MAX (status, bf_cli_fail (error));
}

void
bf_cli_set_operator (BfStore *store, const char *option)
{
  g_autofree char *setting = bf_store_setting_get (store, BF_SETTING_OPERATOR);

  bf_store_set_operator (store, option != NULL                        ? option
                                : setting != NULL && *setting != '\0' ? setting
                                                                      : g_get_real_name ());
}

void
bf_cli_progress (BfCliProgress *progress, double fraction, const char *text)
{
  int percent = (int) (fraction * 100);

  if (progress->quiet)
    return;
  if (progress->tty)
    fprintf (stderr, "\r\033[K%3d%%  %s", percent, text);
  else if (!progress->shown || percent / 10 != progress->last_percent / 10 || percent == 100)
    fprintf (stderr, "%3d%%  %s\n", percent, text);
  else
    return;
  progress->last_percent = percent;
  progress->shown = TRUE;
  fflush (stderr);
}

void
bf_cli_progress_end (BfCliProgress *progress)
{
  if (progress->tty && progress->shown)
    fputc ('\n', stderr);
}

void
bf_cli_print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

int
bf_cli_text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

void
bf_cli_print_cell (GString *line, const char *text, int width)
{
  int pad = width - bf_cli_text_width (text);

  g_string_append (line, text != NULL ? text : "");
  for (; pad > 0; pad--)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

void
bf_cli_print_field (const char *label, const char *value)
{
  if (value != NULL && *value != '\0')
    /* TRANSLATORS: a label and its value, e.g. "  Status: Registered" */
    g_print (_ ("  %s: %s\n"), label, value);
}

const char *
bf_cli_code_label (int list, const char *code)
{
  const char *label;

  if (code == NULL)
    return "";
  label = bf_code_label ((BfCodeList) list, code);
  return label != NULL ? label : code;
}

const char *
bf_cli_status_label (const char *code)
{
  BfStatus status;

  if (code == NULL)
    return "";
  return bf_status_from_code (code, &status) ? bf_status_label (status) : code;
}

/* What the file helper names (a leftover it could not remove, an old backup that stays). */
static void
print_notice (const char *message, gpointer user_data)
{
  bf_cli_message ("%s", message);
}

/* ---- dispatch ---- */

typedef struct
{
  const char *word1;
  const char *word2; /* NULL: a one-word command */
  int (*run) (int argc, char **argv);
  const char *usage;
  const char *summary;
} Command;

static const Command commands[] = {
  { "init", NULL, bf_cli_init, "init --county C --township T --villages \"甲村,乙村\" [--groups N]",
    N_ ("Create a new register") },
  { "demo", NULL, bf_cli_demo, "demo --households N [--seed S] [--villages K]",
    N_ ("Create or fill a register with a made-up township") },
  { "list", "households", bf_cli_list_households,
    "list households [--village V] [--status S] [--search TEXT] [--sort ORDER [--desc]] [--json]",
    N_ ("List households") },
  { "list", "measures", bf_cli_list_measures,
    "list measures [--overdue] [--village V] [--category C] [--status S] [--year Y] [--json]",
    N_ ("List assistance measures across households") },
  { "list", "visits", bf_cli_list_visits,
    "list visits [--open-problems [--past-deadline]] [--village V] [--json]",
    N_ ("List visits, or the problems not yet rectified") },
  { "list", "follow-up", bf_cli_list_follow_up, "list follow-up [--village V] [--json]",
    N_ ("List exited households in follow-up, with their last visit") },
  { "list", "not-visited", bf_cli_list_not_visited,
    "list not-visited [--days N] [--village V] [--json]",
    N_ ("List households not visited for N days") },
  { "show", "household", bf_cli_show_household, "show household NUMBER [--json]",
    N_ ("Show one household with its members, survey and history") },
  { "id", "check", bf_cli_id_check, "id check NUMBER…", N_ ("Check ID numbers") },
  { "check", NULL, bf_cli_check, "check [--quick]",
    N_ ("Check the register: integrity, audit trail and domain rules") },
  { "audit", "verify", bf_cli_audit_verify, "audit verify",
    N_ ("Verify the audit trail's hash chain") },
  { "backup", NULL, bf_cli_backup, "backup [DIR]", N_ ("Write a verified backup") },
  { "restore", NULL, bf_cli_restore, "restore BACKUP",
    N_ ("Put a backup in place of the register") },
  { "stats", NULL, bf_cli_stats, "stats [--json]",
    N_ ("Households by status, village and cause; records; file size") },
  { "assess", NULL, bf_cli_assess, "assess --period P [--village V] [--date D]",
    N_ ("Assess the income of the register's households for a period") },
  { "exit-check", NULL, bf_cli_exit_check, "exit-check NUMBER [--json]",
    N_ ("Run the exit checks of one household") },
  { "indicators", NULL, bf_cli_indicators, "indicators --period P [--village V] [--json]",
    N_ ("The four performance indicators of a period") },
  { "list", "notices", bf_cli_list_notices,
    "list notices [--village V] [--kind K] [--state S] [--json]",
    N_ ("List public notices with their ids") },
  { "notice-pdf", NULL, bf_cli_notice_pdf, "notice-pdf --notice ID -o FILE.pdf",
    N_ ("Write a notice’s printed list to a PDF file") },
  { "print", "card", bf_cli_print_card,
    "print card (NUMBER… | --village V) [--paper a4|a5|a4-2up] [--year Y] -o FILE.pdf",
    N_ ("Write households’ 帮扶明白卡 (assistance cards) to a PDF file") },
  { "print", "form", bf_cli_print_form, "print form (NUMBER… | --village V) -o FILE.pdf",
    N_ ("Write households’ registration forms (贫困户登记表) to a PDF file") },
  { "import", "undo", bf_cli_import_undo, "import undo IMPORT [--json]",
    N_ ("Undo an import as a whole (its number or uuid)") },
  { "import", "list", bf_cli_import_list, "import list [--json]",
    N_ ("List the imports of the register") },
  { "import", NULL, bf_cli_import,
    "import FILE [--sheet NAME] [--mapping national|FILE.json] [--dry-run] [--on-duplicate "
    "skip|update|stop] [--report OUT.xlsx] [--json]",
    N_ ("Import households from an .xlsx or .csv sheet") },
  { "export-ledger", NULL, bf_cli_export_ledger,
    "export-ledger [--quarter 2026Q3] [--village V] [--mask] -o FILE.xlsx",
    N_ ("Export the quarterly ledger as an Excel workbook") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  bangfu-cli [--db FILE] COMMAND [OPTION…]\n\n%s\n", _ ("Usage:"),
           _ ("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n      %s\n", commands[i].usage, _ (commands[i].summary));
  fprintf (out, "\n%s\n",
           _ ("Every command takes --db FILE (or $BANGFU_DB), --help and --version."));
  fprintf (out, "%s\n", _ ("Exit status: 0 success, 1 a failed check or a failure, 2 bad usage."));
}

int
main (int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char **args = NULL;
  const Command *partial = NULL;
  int first = 1, n_args, status;

  bf_i18n_init ();
  g_set_prgname ("bangfu-cli");
  bf_output_set_notice_func (print_notice, NULL);

  /* Options before the command: --db FILE, --help, --version. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return BF_CLI_OK;
        }
      if (g_str_equal (argv[first], "--version"))
        {
          print_version ();
          return BF_CLI_OK;
        }
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        {
          opt_db = g_strdup (argv[first + 1]);
          first += 2;
          continue;
        }
      if (g_str_has_prefix (argv[first], "--db="))
        {
          opt_db = g_strdup (argv[first] + 5);
          first++;
          continue;
        }
      {
        g_autofree char *shown = bf_text_shown (argv[first], BF_TEXT_SHOWN_CHARS);

        return bf_cli_usage_error (_ ("unknown option “%s”"), shown);
      }
    }
  if (first >= argc)
    {
      print_usage (stderr);
      return BF_CLI_USAGE;
    }
  if (g_str_equal (argv[first], "help"))
    {
      print_usage (stdout);
      return BF_CLI_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];
      int used = c->word2 != NULL ? 2 : 1;

      if (!g_str_equal (argv[first], c->word1))
        continue;
      /* Two-word commands share their first word ("list households", "list notices"). */
      if (c->word2 != NULL && (first + 1 >= argc || !g_str_equal (argv[first + 1], c->word2)))
        {
          partial = partial != NULL ? partial : c;
          continue;
        }
      name = c->word2 != NULL ? g_strdup_printf ("bangfu-cli %s %s", c->word1, c->word2)
                              : g_strdup_printf ("bangfu-cli %s", c->word1);
      command_name = name;
      g_set_prgname (name);
      /* The command sees its own name as argv[0] and its arguments after it. */
      n_args = argc - first - used + 1;
      args = g_new0 (char *, n_args + 1);
      args[0] = name;
      for (int j = 1; j < n_args; j++)
        args[j] = argv[first + used + j - 1];
      status = c->run (n_args, args);
      g_free (opt_db);
      return status;
    }
  if (partial != NULL)
    return bf_cli_usage_error (_ ("“%s” needs “%s”: %s"), partial->word1, partial->word2,
                               partial->usage);
  {
    g_autofree char *shown = bf_text_shown (argv[first], BF_TEXT_SHOWN_CHARS);

    return bf_cli_usage_error (_ ("unknown command “%s”"), shown);
  }
}
