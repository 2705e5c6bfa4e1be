/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli indicators, assess, exit-check. JSON keys are stable English; the text output is for
 * people and translated. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "bf-cli-exit.h"
#include "bf-cli.h"
#include "bf-store-assessment.h"
#include "bf-store-household.h"

/* ---- the period and village of a command ---- */

typedef struct
{
  char *period;
  char *village;
  gint64 village_id;
} Scope;

static void
scope_clear (Scope *scope)
{
  g_free (scope->period);
  g_free (scope->village);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scope, scope_clear)

#define SCOPE_ENTRIES(scope)                                                                       \
  { "period",                                                                                      \
    0,                                                                                             \
    0,                                                                                             \
    G_OPTION_ARG_STRING,                                                                           \
    &(scope)->period,                                                                              \
    N_ ("The period: a year (2026) or a quarter (2026Q3) (required)"),                             \
    N_ ("PERIOD") },                                                                               \
  {                                                                                                \
    "village", 0, 0, G_OPTION_ARG_STRING, &(scope)->village,                                       \
      N_ ("Only this village (name or id)"), N_ ("V")                                              \
  }

/* Parses the options, opens the register and finds the village; NULL after printing why, with
 * @status set. */
static BfStore *
open_scope (const char *summary,
            const GOptionEntry *entries,
            BfStoreOpenFlags flags,
            Scope *scope,
            int *argc,
            char ***argv,
            int *status)
{
  BfStore *store;

  *status = BF_CLI_USAGE;
  if (!bf_cli_parse (NULL, summary, entries, argc, argv))
    return NULL;
  if (scope->period == NULL)
    {
      bf_cli_usage_error (_ ("give the period with --period, e.g. --period 2026Q3"));
      return NULL;
    }
  if (*argc > 1)
    {
      bf_cli_unexpected ((*argv)[1]);
      return NULL;
    }
  if ((store = bf_cli_open (flags, status)) == NULL)
    return NULL;
  if (scope->village != NULL &&
      !bf_cli_find_village (store, scope->village, &scope->village_id, status))
    {
      *status = bf_cli_close (store, *status);
      return NULL;
    }
  *status = BF_CLI_OK;
  return store;
}

/* A store error as an exit status: bad input is bad usage. */
static int
store_failure (const GError *error)
{
  return error->code == BF_STORE_ERROR_INVALID ? bf_cli_usage_error ("%s", error->message)
                                               : bf_cli_fail (error);
}

/* ---- indicators ---- */

static void
json_value (JsonBuilder *b, const BfIndicator *ind)
{
  json_builder_set_member_name (b, "value");
  if (isnan (ind->value))
    json_builder_add_null_value (b);
  else if (ind->id == BF_INDICATOR_INCOME_GROWTH)
    json_builder_add_int_value (b, (gint64) ind->value); /* fen */
  else
    json_builder_add_double_value (b, ind->value);
}

static void
json_numbers (JsonBuilder *b, const char *key, GArray *ids, GHashTable *numbers)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const char *number = g_hash_table_lookup (numbers, &id);

      if (number != NULL)
        json_builder_add_string_value (b, number);
    }
  json_builder_end_array (b);
}

/* The indicators of one set; with @numbers, each with the households behind it. */
static void
set_to_json (JsonBuilder *b, const BfIndicatorSet *set, GHashTable *numbers)
{
  json_builder_set_member_name (b, "village");
  if (set->village_name != NULL)
    json_builder_add_string_value (b, set->village_name);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      const BfIndicator *ind = &set->indicators[i];
      g_autofree char *text = bf_indicator_format_value (ind);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, bf_indicator_code (ind->id));
      json_builder_set_member_name (b, "numerator");
      json_builder_add_int_value (b, ind->numerator);
      json_builder_set_member_name (b, "denominator");
      json_builder_add_int_value (b, ind->denominator);
      json_value (b, ind);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
      if (numbers != NULL)
        {
          json_numbers (b, "households", ind->households, numbers);
          json_numbers (b, "short_of", ind->short_of, numbers);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Household id → number for every household behind the scope's figures. */
static GHashTable *
scope_numbers (BfStore *store, const BfIndicatorSet *scope, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) rows = NULL;
  GHashTable *result;

  for (int i = 0; i < BF_N_INDICATORS; i++)
    g_array_append_vals (ids, scope->indicators[i].households->data,
                         scope->indicators[i].households->len);
  rows = bf_store_case_rows (store, (const gint64 *) (gconstpointer) ids->data, ids->len, error);
  if (rows == NULL)
    return NULL;
  result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < rows->len; i++)
    {
      BfCaseRow *row = g_ptr_array_index (rows, i);

      g_hash_table_replace (result, g_memdup2 (&row->household_id, sizeof (gint64)),
                            g_strdup (row->number));
    }
  return result;
}

static int
print_indicators_json (BfStore *store, const BfIndicatorReport *report)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  g_autoptr (GError) error = NULL;

  numbers = scope_numbers (store, report->scope, &error);
  if (numbers == NULL)
    return bf_cli_fail (error);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, report->period);
  set_to_json (b, report->scope, numbers);
  json_builder_set_member_name (b, "villages");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->villages->len; i++)
    {
      json_builder_begin_object (b);
      set_to_json (b, g_ptr_array_index (report->villages, i), NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  bf_cli_print_json (root);
  return BF_CLI_OK;
}

static void
print_indicators_text (BfStore *store, const BfIndicatorReport *report)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *label = NULL;
  int title_width = 0, widths[BF_N_INDICATORS], village_width = bf_cli_text_width (_ ("Village"));
  BfPeriod period;

  bf_period_parse (report->period, &period, NULL);
  label = bf_period_label (&period);
  /* TRANSLATORS: "Indicators for 2026, quarter 3: 石门乡" */
  g_print (_ ("Indicators for %s: %s\n"), label,
           report->scope->village_name != NULL ? report->scope->village_name
                                               : bf_store_get_township (store));
  for (int i = 0; i < BF_N_INDICATORS; i++)
    title_width = MAX (title_width, bf_cli_text_width (bf_indicator_title (i)));
  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      const BfIndicator *ind = &report->scope->indicators[i];
      g_autofree char *value = bf_indicator_format_value (ind);
      g_autofree char *counts = g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                                                 ind->numerator, ind->denominator);

      g_string_assign (line, "  ");
      bf_cli_print_cell (line, bf_indicator_title (i), title_width);
      bf_cli_print_cell (line, value, 16);
      bf_cli_print_cell (line, counts, 13);
      g_print ("%s(%s / %s)\n", line->str, bf_indicator_numerator_label (i),
               bf_indicator_denominator_label (i));
    }
  if (report->villages->len < 2)
    return;

  g_print ("\n%s\n", _ ("By village:"));
  for (guint i = 0; i < report->villages->len; i++)
    {
      const BfIndicatorSet *set = g_ptr_array_index (report->villages, i);

      village_width = MAX (village_width, bf_cli_text_width (set->village_name));
    }
  g_string_assign (line, "  ");
  bf_cli_print_cell (line, _ ("Village"), village_width);
  for (int i = 0; i < BF_N_INDICATORS; i++)
    {
      widths[i] = MAX (bf_cli_text_width (bf_indicator_title (i)), 16);
      bf_cli_print_cell (line, bf_indicator_title (i), widths[i]);
    }
  g_print ("%s\n", g_strchomp (line->str));
  for (guint v = 0; v < report->villages->len; v++)
    {
      const BfIndicatorSet *set = g_ptr_array_index (report->villages, v);

      g_string_assign (line, "  ");
      bf_cli_print_cell (line, set->village_name, village_width);
      for (int i = 0; i < BF_N_INDICATORS; i++)
        {
          g_autofree char *value = bf_indicator_format_value (&set->indicators[i]);

          bf_cli_print_cell (line, value, widths[i]);
        }
      g_print ("%s\n", g_strchomp (line->str));
    }
}

int
bf_cli_indicators (int argc, char **argv)
{
  g_auto (Scope) scope = { 0 };
  g_autoptr (BfIndicatorReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  BfStore *store;
  int status;
  const GOptionEntry entries[] = {
    SCOPE_ENTRIES (&scope),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_ ("Write JSON, with the households behind each figure"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  store = open_scope (_ ("The four performance indicators of a period, by village."), entries,
                      BF_STORE_OPEN_READ_ONLY, &scope, &argc, &argv, &status);
  if (store == NULL)
    return status;
  report = bf_store_indicators (store, scope.period, scope.village_id, &error);
  if (report == NULL)
    status = store_failure (error);
  else if (json)
    status = print_indicators_json (store, report);
  else
    print_indicators_text (store, report);
  return bf_cli_close (store, status);
}

/* ---- assess ---- */

int
bf_cli_assess (int argc, char **argv)
{
  g_auto (Scope) scope = { 0 };
  g_autofree char *date = NULL;
  g_autoptr (GError) error = NULL;
  BfAssessmentSummary summary;
  BfStore *store;
  int status;
  const GOptionEntry entries[] = {
    SCOPE_ENTRIES (&scope),
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_ ("The day of the assessment (default: today)"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL,
  };

  store = open_scope (_ ("Assess the income of every household on the register against the lines "
                         "of the period's year."),
                      entries, BF_STORE_OPEN_DEFAULT, &scope, &argc, &argv, &status);
  if (store == NULL)
    return status;
  if (!bf_store_assess (store, scope.period, scope.village_id, date, NULL, NULL, NULL, &summary,
                        &error))
    status = store_failure (error);
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Assessed %u household: %u below the poverty line, %u near it, %u "
                            "above.\n",
                            "Assessed %u households: %u below the poverty line, %u near it, %u "
                            "above.\n",
                            summary.assessed),
               summary.assessed, summary.below, summary.near, summary.above);
      if (summary.skipped > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u household has no survey and was not assessed.\n",
                              "%u households have no survey and were not assessed.\n",
                              summary.skipped),
                 summary.skipped);
    }
  return bf_cli_close (store, status);
}

/* ---- exit-check ---- */

static void
print_checks_json (const BfHousehold *household,
                   const BfExitCheck *checks,
                   gboolean passed,
                   const char *exception)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "number");
  json_builder_add_string_value (b, household->number);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, household->status);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, passed);
  json_builder_set_member_name (b, "exception");
  if (exception != NULL)
    json_builder_add_string_value (b, exception);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "check");
      json_builder_add_string_value (b, bf_exit_check_code (checks[i].id));
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, bf_exit_check_title (checks[i].id));
      json_builder_set_member_name (b, "passed");
      json_builder_add_boolean_value (b, checks[i].passed);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, checks[i].reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  bf_cli_print_json (root);
}

static void
print_checks_text (const BfHousehold *household,
                   const BfExitCheck *checks,
                   gboolean passed,
                   const char *exception)
{
  const BfMember *head = bf_household_get_head (household);
  guint failing = 0;

  /* TRANSLATORS: "Household 001-00001 张三 (Under assistance)" */
  g_print (_ ("Household %s %s (%s)\n"), household->number, head != NULL ? head->name : "",
           bf_cli_status_label (household->status));
  for (int i = 0; i < BF_N_EXIT_CHECKS; i++)
    {
      g_print ("  %s %s: %s\n", checks[i].passed ? "✓" : "✗", bf_exit_check_title (checks[i].id),
               checks[i].reason);
      failing += !checks[i].passed;
    }
  bf_cli_print_field (_ ("Recorded exception"), exception);
  if (passed)
    g_print ("%s\n", _ ("Every exit check passes."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %d exit checks fails.\n",
                          "%u of %d exit checks fail.\n", failing),
             failing, BF_N_EXIT_CHECKS);
}

int
bf_cli_exit_check (int argc, char **argv)
{
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *exception = NULL;
  BfExitCheck checks[BF_N_EXIT_CHECKS];
  gboolean json = FALSE, passed = FALSE;
  BfStore *store;
  int status = BF_CLI_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (!bf_cli_parse (_ ("NUMBER"),
                     _ ("The exit checks of one household, each with its reason. Exit status 1 "
                        "when one fails."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc != 2)
    return bf_cli_usage_error (_ ("give one household number"));
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  household = bf_store_household_get_by_number (store, argv[1], &error);
  if (household != NULL && household->deleted_at != NULL)
    {
      g_clear_pointer (&household, bf_household_free);
      g_set_error (&error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("Household %s has been deleted."), argv[1]);
    }
  if (household == NULL || !bf_store_exit_check (store, household->id, checks, &passed, &error))
    return bf_cli_close (store, bf_cli_fail (error));
  exception = bf_store_exit_exception_get (store, household->id, &error);
  if (error != NULL)
    {
      bf_exit_checks_clear (checks);
      return bf_cli_close (store, bf_cli_fail (error));
    }
  if (json)
    print_checks_json (household, checks, passed, exception);
  else
    print_checks_text (household, checks, passed, exception);
  bf_exit_checks_clear (checks);
  return bf_cli_close (store, passed ? BF_CLI_OK : BF_CLI_FAILED);
}
