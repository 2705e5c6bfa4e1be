/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli list measures, list visits, list follow-up, list not-visited. JSON keys are stable
 * English; the text output is for people and translated. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-cli.h"
#include "bf-text.h"
#include "bf-codes.h"
#include "bf-money.h"
#include "bf-store-assessment.h"
#include "bf-store-plans.h"

#define PAGE_SIZE 500

/* A text column: as wide as its heading, or @width when that is wider. */
typedef struct
{
  const char *heading;
  int width;
} Column;

static void
print_cells (const Column *columns, guint n, const char *const *cells)
{
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    bf_cli_print_cell (line, cells != NULL ? cells[i] : _ (columns[i].heading),
                       MAX (columns[i].width, bf_cli_text_width (_ (columns[i].heading))));
  g_strchomp (line->str);
  g_print ("%s\n", line->str);
}

static void
set_text (JsonObject *object, const char *key, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_ref (JsonObject *object, const char *key, gint64 id)
{
  if (id != 0)
    json_object_set_int_member (object, key, id);
  else
    json_object_set_null_member (object, key);
}

/* The options both lists share, and what they found out. */
typedef struct
{
  char *village;
  gboolean json;
  int limit;
  gint64 village_id;
  BfStore *store;
  JsonArray *array;
  guint64 shown;
} ListRun;

static void
list_run_clear (ListRun *run)
{
  g_free (run->village);
  g_clear_pointer (&run->array, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListRun, list_run_clear)

/* Checks the common options and opens the register; FALSE with @status set. */
static gboolean
list_begin (ListRun *run, int argc, char **argv, int *status)
{
  if (argc > 1)
    {
      *status = bf_cli_unexpected (argv[1]);
      return FALSE;
    }
  if (run->limit < 0)
    {
      *status = bf_cli_usage_error (_ ("--limit must not be negative"));
      return FALSE;
    }
  if ((run->store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, status)) == NULL)
    return FALSE;
  if (run->village != NULL &&
      !bf_cli_find_village (run->store, run->village, &run->village_id, status))
    {
      *status = bf_cli_close (g_steal_pointer (&run->store), *status);
      return FALSE;
    }
  run->array = json_array_new ();
  return TRUE;
}

/* How many rows the next page may hold. */
static guint
list_page_size (const ListRun *run)
{
  return run->limit > 0 ? MIN (PAGE_SIZE, (guint64) run->limit - run->shown) : PAGE_SIZE;
}

static gboolean
list_full (const ListRun *run)
{
  return run->limit > 0 && run->shown >= (guint64) run->limit;
}

static gboolean
list_more (const ListRun *run, const BfHouseholdCursor *next)
{
  return next != NULL && !list_full (run);
}

static int
list_end (ListRun *run, int status)
{
  if (status == BF_CLI_OK && run->json)
    {
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (root, run->array);
      bf_cli_print_json (root);
    }
  return bf_cli_close (g_steal_pointer (&run->store), status);
}

static gboolean
check_code (BfCodeList list, const char *code, const char *what, int *status)
{
  g_autoptr (GString) codes = g_string_new (NULL);
  gsize n = 0;
  const BfCode *all = bf_codes (list, &n);

  if (code == NULL || bf_code_is_valid (list, code))
    return TRUE;
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", all[i].code);
  /* TRANSLATORS: "unknown category “x”; the choices are: industry, employment, …" */
  {
    g_autofree char *shown = bf_text_shown (code, BF_TEXT_SHOWN_CHARS);

    *status =
      bf_cli_usage_error (_ ("unknown %s “%s”; the choices are: %s"), what, shown, codes->str);
  }
  return FALSE;
}

/* ---- list measures ---- */

static const Column measure_columns[] = {
  { N_ ("Household number"), 12 },
  { N_ ("Head of household"), 8 },
  { N_ ("Village"), 8 },
  { N_ ("Category"), 8 },
  { N_ ("Description"), 24 },
  { N_ ("Due date"), 10 },
  { N_ ("Status"), 6 },
  { N_ ("Budget"), 10 },
  { N_ ("Spent"), 10 },
  { N_ ("Overdue"), 0 },
};

static JsonNode *
measure_to_json (const BfMeasure *m)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  set_text (o, "uuid", m->uuid);
  set_text (o, "household_number", m->household_number);
  set_text (o, "head_name", m->head_name);
  set_text (o, "village", m->village_name);
  json_object_set_int_member (o, "year", m->year);
  set_text (o, "category", m->category);
  set_text (o, "subtype", m->subtype);
  set_text (o, "description", m->description);
  set_text (o, "department", m->department);
  set_ref (o, "helper_id", m->helper_id);
  set_text (o, "helper_name", m->helper_name);
  set_text (o, "starts_on", m->starts_on);
  set_text (o, "due_on", m->due_on);
  json_object_set_int_member (o, "budget_fen", m->budget_fen);
  json_object_set_int_member (o, "spent_fen", m->spent_fen);
  set_text (o, "status", m->status);
  set_text (o, "completed_on", m->completed_on);
  set_text (o, "effect", m->effect);
  if (m->household_confirmed < 0)
    json_object_set_null_member (o, "household_confirmed");
  else
    json_object_set_boolean_member (o, "household_confirmed", m->household_confirmed != 0);
  json_object_set_boolean_member (o, "overdue", m->overdue);
  json_node_take_object (node, o);
  return node;
}

static void
print_measure (const BfMeasure *m)
{
  g_autofree char *budget = bf_money_format (m->budget_fen);
  g_autofree char *spent = bf_money_format (m->spent_fen);
  const char *cells[] = {
    m->household_number,
    m->head_name,
    m->village_name,
    bf_cli_code_label (BF_CODES_MEASURE_CATEGORY, m->category),
    m->description,
    m->due_on != NULL ? m->due_on : "—",
    bf_cli_code_label (BF_CODES_MEASURE_STATUS, m->status),
    budget,
    spent,
    m->overdue ? _ ("overdue") : "",
  };

  print_cells (measure_columns, G_N_ELEMENTS (measure_columns), cells);
}

int
bf_cli_list_measures (int argc, char **argv)
{
  g_auto (ListRun) run = { 0 };
  g_autofree char *category = NULL;
  g_autofree char *status_code = NULL;
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  g_autoptr (GError) error = NULL;
  gboolean overdue = FALSE;
  int year = 0, status = BF_CLI_OK;
  BfMeasureQuery query = { 0 };
  BfMeasureTotals totals = { 0 };
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_ ("Only measures past their due date and not completed"), NULL },
    { "village", 0, 0, G_OPTION_ARG_STRING, &run.village, N_ ("Only this village (name or id)"),
      N_ ("V") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_ ("Only this category (industry, employment, education, health, …)"), N_ ("C") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_code,
      N_ ("Only this status (planned, in_progress, completed, cancelled)"), N_ ("S") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only the plans of this year"), N_ ("Y") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &run.json, N_ ("Write JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &run.limit, N_ ("At most N measures (default: all)"),
      N_ ("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!bf_cli_parse ("", _ ("List assistance measures across households, by due date."), entries,
                     &argc, &argv))
    return BF_CLI_USAGE;
  if (!check_code (BF_CODES_MEASURE_CATEGORY, category, _ ("category"), &status) ||
      !check_code (BF_CODES_MEASURE_STATUS, status_code, _ ("status"), &status) ||
      !list_begin (&run, argc, argv, &status))
    return status;

  query.overdue = overdue;
  query.village_id = run.village_id;
  query.category = category;
  query.status = status_code;
  query.year = year;
  do
    {
      g_autoptr (BfListPage) page =
        bf_store_measure_search (run.store, &query, cursor, list_page_size (&run), &error);

      if (page == NULL)
        {
          status = bf_cli_fail (error);
          break;
        }
      for (guint i = 0; i < page->rows->len; i++, run.shown++)
        {
          const BfMeasure *m = g_ptr_array_index (page->rows, i);

          if (run.json)
            json_array_add_element (run.array, measure_to_json (m));
          else
            {
              if (run.shown == 0)
                print_cells (measure_columns, G_N_ELEMENTS (measure_columns), NULL);
              print_measure (m);
            }
          totals.budget_fen += m->budget_fen;
          totals.spent_fen += m->spent_fen;
        }
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = bf_household_cursor_copy (page->next);
    }
  while (list_more (&run, cursor));

  if (status == BF_CLI_OK && !run.json)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, run.shown);
      g_autofree char *budget = bf_money_format (totals.budget_fen);
      g_autofree char *spent = bf_money_format (totals.spent_fen);

      /* TRANSLATORS: "12 measures; budget 3,000.00 yuan, spent 1,200.00 yuan" */
      g_print (ngettext ("%s measure; budget %s yuan, spent %s yuan\n",
                         "%s measures; budget %s yuan, spent %s yuan\n", (gulong) run.shown),
               count, budget, spent);
    }
  return list_end (&run, status);
}

/* ---- list visits ---- */

static const Column visit_columns[] = {
  { N_ ("Visit date"), 10 },     { N_ ("Household number"), 12 }, { N_ ("Head of household"), 8 },
  { N_ ("Village"), 8 },         { N_ ("Visitor"), 8 },           { N_ ("Mode"), 8 },
  { N_ ("Problems found"), 20 }, { N_ ("Deadline"), 10 },         { N_ ("Rectified on"), 0 },
};

static JsonNode *
visit_to_json (const BfVisit *v)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  set_text (o, "uuid", v->uuid);
  set_text (o, "household_number", v->household_number);
  set_text (o, "head_name", v->head_name);
  set_text (o, "village", v->village_name);
  set_text (o, "visited_on", v->visited_on);
  set_text (o, "visitor", v->visitor);
  set_ref (o, "helper_id", v->helper_id);
  set_text (o, "helper_name", v->helper_name);
  set_text (o, "mode", v->mode);
  set_text (o, "findings", v->findings);
  set_text (o, "problems", v->problems);
  set_text (o, "rectification", v->rectification);
  set_text (o, "deadline", v->deadline);
  set_text (o, "rectified_on", v->rectified_on);
  set_text (o, "satisfaction", v->satisfaction);
  set_text (o, "notes", v->notes);
  json_object_set_boolean_member (o, "past_deadline", v->late);
  json_node_take_object (node, o);
  return node;
}

static void
print_visit (const BfVisit *v)
{
  g_autofree char *deadline =
    v->late ? g_strdup_printf (_ ("%s (late)"), v->deadline) : g_strdup (v->deadline);
  const char *cells[] = {
    v->visited_on,
    v->household_number,
    v->head_name,
    v->village_name,
    v->visitor,
    bf_cli_code_label (BF_CODES_VISIT_MODE, v->mode),
    v->problems != NULL ? v->problems : "—",
    deadline != NULL ? deadline : "",
    v->rectified_on != NULL ? v->rectified_on : "",
  };

  print_cells (visit_columns, G_N_ELEMENTS (visit_columns), cells);
}

int
bf_cli_list_visits (int argc, char **argv)
{
  g_auto (ListRun) run = { 0 };
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  g_autoptr (GError) error = NULL;
  gboolean open_problems = FALSE, past_deadline = FALSE;
  int status = BF_CLI_OK;
  gint64 total = 0;
  BfVisitQuery query = { 0 };
  const GOptionEntry entries[] = {
    { "open-problems", 0, 0, G_OPTION_ARG_NONE, &open_problems,
      N_ ("Only visits whose problems are not rectified yet, by deadline"), NULL },
    { "past-deadline", 0, 0, G_OPTION_ARG_NONE, &past_deadline,
      N_ ("With --open-problems: only those past their deadline"), NULL },
    { "village", 0, 0, G_OPTION_ARG_STRING, &run.village, N_ ("Only this village (name or id)"),
      N_ ("V") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &run.json, N_ ("Write JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &run.limit, N_ ("At most N visits (default: all)"),
      N_ ("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!bf_cli_parse ("", _ ("List visits, newest first, or the problems not yet rectified."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (past_deadline && !open_problems)
    return bf_cli_usage_error (_ ("--past-deadline needs --open-problems"));
  if (!list_begin (&run, argc, argv, &status))
    return status;

  query.open_problems = open_problems;
  query.past_deadline = past_deadline;
  query.village_id = run.village_id;
  do
    {
      g_autoptr (BfListPage) page =
        bf_store_visit_search (run.store, &query, cursor, list_page_size (&run), &error);

      if (page == NULL)
        {
          status = bf_cli_fail (error);
          break;
        }
      if (page->total >= 0)
        total = page->total;
      for (guint i = 0; i < page->rows->len; i++, run.shown++)
        {
          const BfVisit *v = g_ptr_array_index (page->rows, i);

          if (run.json)
            json_array_add_element (run.array, visit_to_json (v));
          else
            {
              if (run.shown == 0)
                print_cells (visit_columns, G_N_ELEMENTS (visit_columns), NULL);
              print_visit (v);
            }
        }
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = bf_household_cursor_copy (page->next);
    }
  while (list_more (&run, cursor));

  if (status == BF_CLI_OK && !run.json)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      if (open_problems)
        g_print (
          ngettext ("%s problem not rectified\n", "%s problems not rectified\n", (gulong) total),
          count);
      else
        g_print (ngettext ("%s visit\n", "%s visits\n", (gulong) total), count);
    }
  return list_end (&run, status);
}

/* ---- list follow-up, list not-visited ---- */

/* One household of a supervision list: a JSON object or a line of the table. */
static void
list_add (ListRun *run, const Column *columns, guint n, JsonNode *node, const char *const *cells)
{
  if (run->json)
    {
      json_array_add_element (run->array, node);
      return;
    }
  json_node_unref (node);
  if (run->shown == 0)
    print_cells (columns, n, NULL);
  print_cells (columns, n, cells);
}

static JsonObject *
household_json (const char *number,
                const char *head_name,
                const char *village_name,
                const char *group_name,
                const char *status,
                const char *last_visit_on)
{
  JsonObject *o = json_object_new ();

  set_text (o, "household_number", number);
  set_text (o, "head_name", head_name);
  set_text (o, "village", village_name);
  set_text (o, "group", group_name);
  set_text (o, "status", status);
  set_text (o, "last_visit_on", last_visit_on);
  return o;
}

static JsonNode *
json_node_for (JsonObject *o)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, o);
  return node;
}

static const Column follow_up_columns[] = {
  { N_ ("Household number"), 12 }, { N_ ("Head of household"), 8 },
  { N_ ("Village"), 8 },           { N_ ("Group"), 6 },
  { N_ ("Exited on"), 10 },        { N_ ("Last visit"), 0 },
};

static JsonNode *
follow_up_to_json (const BfCaseRow *r)
{
  JsonObject *o = household_json (r->number, r->head_name, r->village_name, r->group_name,
                                  r->status, r->last_visit_on);

  set_text (o, "exited_on", r->exited_on != NULL ? r->exited_on : r->status_since);
  json_object_set_int_member (o, "member_count", r->member_count);
  if (r->per_capita_fen == G_MININT64)
    json_object_set_null_member (o, "per_capita_fen");
  else
    json_object_set_int_member (o, "per_capita_fen", r->per_capita_fen);
  return json_node_for (o);
}

int
bf_cli_list_follow_up (int argc, char **argv)
{
  g_auto (ListRun) run = { 0 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  int status = BF_CLI_OK;
  guint years = 0;
  const GOptionEntry entries[] = { { "village", 0, 0, G_OPTION_ARG_STRING, &run.village,
                                     N_ ("Only this village (name or id)"), N_ ("V") },
                                   { "json", 0, 0, G_OPTION_ARG_NONE, &run.json, N_ ("Write JSON"),
                                     NULL },
                                   { "limit", 0, 0, G_OPTION_ARG_INT, &run.limit,
                                     N_ ("At most N households (default: all)"), N_ ("N") },
                                   G_OPTION_ENTRY_NULL };

  if (!bf_cli_parse ("",
                     _ ("List the exited households within the register’s follow-up years, "
                        "the longest unvisited first."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (!list_begin (&run, argc, argv, &status))
    return status;

  years = bf_store_followup_years (run.store);
  rows = bf_store_follow_up_list (run.store, run.village_id, years, &error);
  if (rows == NULL)
    status = bf_cli_fail (error);
  for (guint i = 0; rows != NULL && i < rows->len && !list_full (&run); i++, run.shown++)
    {
      const BfCaseRow *r = g_ptr_array_index (rows, i);
      const char *cells[] = {
        r->number,
        r->head_name,
        r->village_name,
        r->group_name != NULL ? r->group_name : "",
        r->exited_on != NULL ? r->exited_on : r->status_since,
        r->last_visit_on != NULL ? r->last_visit_on : _ ("never"),
      };

      list_add (&run, follow_up_columns, G_N_ELEMENTS (follow_up_columns), follow_up_to_json (r),
                cells);
    }

  if (status == BF_CLI_OK && !run.json)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, run.shown);

      /* TRANSLATORS: "12 households in follow-up (follow-up years: 5)" */
      g_print (ngettext ("%s household in follow-up (follow-up years: %u)\n",
                         "%s households in follow-up (follow-up years: %u)\n", (gulong) run.shown),
               count, years);
    }
  return list_end (&run, status);
}

static const Column not_visited_columns[] = {
  { N_ ("Household number"), 12 }, { N_ ("Head of household"), 8 },
  { N_ ("Village"), 8 },           { N_ ("Group"), 6 },
  { N_ ("Status"), 16 },           { N_ ("Helper"), 8 },
  { N_ ("Last visit"), 0 },
};

static JsonNode *
household_line_to_json (const BfHouseholdLine *l)
{
  JsonObject *o = household_json (l->number, l->head_name, l->village_name, l->group_name,
                                  l->status, l->last_visit_on);

  set_ref (o, "helper_id", l->helper_id);
  set_text (o, "helper_name", l->helper_name);
  return json_node_for (o);
}

int
bf_cli_list_not_visited (int argc, char **argv)
{
  g_auto (ListRun) run = { 0 };
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  g_autoptr (GError) error = NULL;
  int status = BF_CLI_OK, days = G_MININT;
  gint64 total = 0;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_ ("Not visited for N days (default: the register’s setting)"), N_ ("N") },
    { "village", 0, 0, G_OPTION_ARG_STRING, &run.village, N_ ("Only this village (name or id)"),
      N_ ("V") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &run.json, N_ ("Write JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &run.limit, N_ ("At most N households (default: all)"),
      N_ ("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!bf_cli_parse ("",
                     _ ("List the households under assistance or in follow-up that were not "
                        "visited for N days, the never visited first."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  /* The same range as the register's setting. */
  if (days != G_MININT && (days < 1 || days > 3650))
    return bf_cli_usage_error (_ ("--days must be from 1 to 3650"));
  if (!list_begin (&run, argc, argv, &status))
    return status;

  if (days == G_MININT)
    days = (int) bf_store_not_visited_days (run.store);
  do
    {
      g_autoptr (BfListPage) page = bf_store_households_not_visited (
        run.store, (guint) days, NULL, run.village_id, cursor, list_page_size (&run), &error);

      if (page == NULL)
        {
          status = bf_cli_fail (error);
          break;
        }
      if (page->total >= 0)
        total = page->total;
      for (guint i = 0; i < page->rows->len; i++, run.shown++)
        {
          const BfHouseholdLine *l = g_ptr_array_index (page->rows, i);
          const char *cells[] = {
            l->number,
            l->head_name,
            l->village_name,
            l->group_name != NULL ? l->group_name : "",
            bf_cli_status_label (l->status),
            l->helper_name != NULL ? l->helper_name : "—",
            l->last_visit_on != NULL ? l->last_visit_on : _ ("never"),
          };

          list_add (&run, not_visited_columns, G_N_ELEMENTS (not_visited_columns),
                    household_line_to_json (l), cells);
        }
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = bf_household_cursor_copy (page->next);
    }
  while (list_more (&run, cursor));

  if (status == BF_CLI_OK && !run.json)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, total);

      /* TRANSLATORS: "12 households not visited for 90 days" */
      g_print (ngettext ("%s household not visited for %d days\n",
                         "%s households not visited for %d days\n", (gulong) total),
               count, days);
    }
  return list_end (&run, status);
}
