/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli: the register from a terminal. Dispatch, shared helpers, and the commands that
 * create registers (init, demo) or need none (id check). */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bf-cli-exit.h"
#include "bf-cli.h"
#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-lifecycle.h"

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

static void
vmessage (const char *format, va_list args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

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

/* ---- init ---- */

/* "甲村,乙村", also with Chinese commas or 、: names trimmed, empty ones dropped. */
static char **
split_villages (const char *text)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *normal = NULL;
  g_auto (GStrv) parts = NULL;
  GString *s = g_string_new (text);

  g_string_replace (s, "，", ",", 0);
  g_string_replace (s, "、", ",", 0);
  normal = g_string_free (s, FALSE);
  parts = g_strsplit (normal, ",", -1);
  for (char **p = parts; *p != NULL; p++)
    {
      g_strstrip (*p);
      if (**p != '\0')
        g_strv_builder_add (builder, *p);
    }
  return g_strv_builder_end (builder);
}

static int
cmd_init (int argc, char **argv)
{
  g_autofree char *county = NULL;
  g_autofree char *township = NULL;
  g_autofree char *villages = NULL;
  g_autofree char *operator_name = NULL;
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) error = NULL;
  int groups = 0;
  const GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_ ("The county (required)"), N_ ("NAME") },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_ ("The township (required)"),
      N_ ("NAME") },
    { "villages", 0, 0, G_OPTION_ARG_STRING, &villages,
      N_ ("The villages, separated by commas (required)"), N_ ("LIST") },
    { "groups", 0, 0, G_OPTION_ARG_INT, &groups, N_ ("Groups per village, named 1组, 2组, …"),
      N_ ("N") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name,
      N_ ("The name written into the audit trail"), N_ ("NAME") },
    G_OPTION_ENTRY_NULL
  };
  BfRegisterSpec spec = { 0 };
  const char *db;
  BfStore *store;

  if (!bf_cli_parse ("", _ ("Create a new, empty register."), entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_usage_error (_ ("unexpected argument “%s”"), argv[1]);
  if (county == NULL || township == NULL || villages == NULL)
    return bf_cli_usage_error (_ ("--county, --township and --villages are required"));
  names = split_villages (villages);
  if (names[0] == NULL)
    return bf_cli_usage_error (_ ("--villages names no village"));
  if (groups < 0 || groups > 99)
    return bf_cli_usage_error (_ ("--groups must be between 0 and 99"));
  if ((db = bf_cli_db ()) == NULL)
    return BF_CLI_USAGE;

  spec.county = county;
  spec.township = township;
  spec.villages = (const char *const *) names;
  spec.groups_per_village = groups;
  spec.operator_name = operator_name != NULL ? operator_name : g_get_user_name ();
  store = bf_store_create (db, &spec, &error);
  if (store == NULL)
    return bf_cli_fail (error);
  g_print (ngettext ("Created “%s”: %s, %s, %u village.\n", "Created “%s”: %s, %s, %u villages.\n",
                     g_strv_length (names)),
           db, county, township, g_strv_length (names));
  return bf_cli_close (store, BF_CLI_OK);
}

/* ---- demo ---- */

typedef struct
{
  GCancellable *cancellable;
  gboolean show;
} DemoRun;

static gboolean
on_interrupt (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_CONTINUE;
}

static void
demo_progress (guint done, guint total, gpointer data)
{
  DemoRun *run = data;

  /* Lets the SIGINT source run: Ctrl-C stops after the batch being written. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (run->show)
    {
      g_printerr ("\r%s", "");
      g_printerr (_ ("%u of %u households"), done, total);
      if (done == total)
        g_printerr ("\n");
    }
}

static int
cmd_demo (int argc, char **argv)
{
  int households = -1, seed = 1, villages = 0;
  g_autofree char *operator_name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  const GOptionEntry entries[] = { { "households", 0, 0, G_OPTION_ARG_INT, &households,
                                     N_ ("How many households to add (required)"), N_ ("N") },
                                   { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
                                     N_ ("The same seed gives the same township"), N_ ("S") },
                                   { "villages", 0, 0, G_OPTION_ARG_INT, &villages,
                                     N_ ("Villages of a new register (default 12)"), N_ ("K") },
                                   { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name,
                                     N_ ("The name written into the audit trail"), N_ ("NAME") },
                                   G_OPTION_ENTRY_NULL };
  DemoRun run = { cancellable, isatty (STDERR_FILENO) };
  const char *db;
  BfStore *store;
  guint source;
  gboolean ok;
  int status = BF_CLI_OK;

  if (!bf_cli_parse ("",
                     _ ("Create a demo register, or add demo households to an existing one. The "
                        "township is made up: names, ID numbers and figures are invented."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_usage_error (_ ("unexpected argument “%s”"), argv[1]);
  if (households < 1 || households > 1000000)
    return bf_cli_usage_error (_ ("--households must be between 1 and 1000000"));
  if (villages < 0 || villages > BF_DEMO_MAX_VILLAGES)
    return bf_cli_usage_error (_ ("--villages must be between 1 and %d"), BF_DEMO_MAX_VILLAGES);
  if ((db = bf_cli_db ()) == NULL)
    return BF_CLI_USAGE;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    store = bf_store_demo_create (db, villages > 0 ? villages : 12, operator_name, &error);
  else
    {
      if (villages > 0)
        bf_cli_message (_ ("--villages applies to a new register: the households go into the "
                           "villages “%s” has"),
                        db);
      store = bf_store_open (db, BF_STORE_OPEN_DEFAULT, &error);
    }
  if (store == NULL)
    return bf_cli_fail (error);
  if (operator_name != NULL)
    bf_store_set_operator (store, operator_name);

  source = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  ok = bf_store_demo_generate (store, households, (guint32) seed, demo_progress, &run, cancellable,
                               &error);
  g_source_remove (source);
  if (!ok)
    status = bf_cli_fail (error);
  else
    g_print (ngettext ("Added %d demo household to “%s”.\n", "Added %d demo households to “%s”.\n",
                       households),
             households, db);
  return bf_cli_close (store, status);
}

/* ---- id check ---- */

static int
cmd_id_check (int argc, char **argv)
{
  int status = BF_CLI_OK;

  if (!bf_cli_parse (_ ("NUMBER…"),
                     _ ("Check ID numbers (GB 11643): length, characters, region, birth date and "
                        "check character."),
                     NULL, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc < 2)
    return bf_cli_usage_error (_ ("no ID number given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      BfIdNumber id;

      if (bf_id_number_parse (argv[i], NULL, &id, &error))
        {
          g_autofree char *born = bf_date_format (&id.birth_date);
          /* TRANSLATORS: "11010519491231002X: valid, born 1949-12-31, Female" */
          g_print (_ ("%s: valid, born %s, %s\n"), id.number, born,
                   bf_cli_code_label (BF_CODES_SEX, id.male ? "male" : "female"));
        }
      else
        {
          g_print (_ ("%s: invalid: %s\n"), argv[i], error->message);
          status = BF_CLI_FAILED;
        }
    }
  return status;
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
  { "init", NULL, cmd_init, "init --county C --township T --villages \"甲村,乙村\" [--groups N]",
    N_ ("Create a new register") },
  { "demo", NULL, cmd_demo, "demo --households N [--seed S] [--villages K]",
    N_ ("Create or fill a register with a made-up township") },
  { "list", "households", bf_cli_list_households,
    "list households [--village V] [--status S] [--search TEXT] [--json]", N_ ("List households") },
  { "show", "household", bf_cli_show_household, "show household NUMBER [--json]",
    N_ ("Show one household with its members, survey and history") },
  { "id", "check", cmd_id_check, "id check NUMBER…", N_ ("Check ID numbers") },
  { "check", NULL, bf_cli_check, "check [--quick]",
    N_ ("Check the register: integrity, audit trail and domain rules") },
  { "audit", "verify", bf_cli_audit_verify, "audit verify",
    N_ ("Verify the audit trail's hash chain") },
  { "backup", NULL, bf_cli_backup, "backup [DIR]", N_ ("Write a verified backup") },
  { "restore", NULL, bf_cli_restore, "restore BACKUP",
    N_ ("Put a backup in place of the register") },
  { "stats", NULL, bf_cli_stats, "stats [--json]", N_ ("Count records, file size, audit length") },
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
  const char *localedir = g_getenv ("BANGFU_LOCALEDIR");
  g_autofree char *name = NULL;
  g_autofree char **args = NULL;
  const Command *partial = NULL;
  int first = 1, n_args, status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("bangfu-cli");

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
      bf_cli_usage_error (_ ("unknown option “%s”"), argv[first]);
      return BF_CLI_USAGE;
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
  bf_cli_usage_error (_ ("unknown command “%s”"), argv[first]);
  return BF_CLI_USAGE;
}
