/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli init, demo: the commands that make a register (or, for demo, fill one). */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "bf-cli.h"
#include "bf-store-demo.h"

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

int
bf_cli_init (int argc, char **argv)
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
    return bf_cli_unexpected (argv[1]);
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

int
bf_cli_demo (int argc, char **argv)
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
    return bf_cli_unexpected (argv[1]);
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
