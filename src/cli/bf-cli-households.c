/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli list households, show household. JSON keys are stable English; the text output is
 * for people and translated. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "bf-cli.h"
#include "bf-text.h"
#include "bf-codes.h"
#include "bf-money.h"
#include "bf-store-audit.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-store-workflow.h"

#define PAGE_SIZE 500

/* ---- JSON helpers: NULL strings, -1 tri-states and negative "not recorded" numbers are null */

static void
json_string (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
json_int (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
json_tri (JsonBuilder *b, const char *key, int value)
{
  json_builder_set_member_name (b, key);
  if (value < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, value != 0);
}

static void
json_double (JsonBuilder *b, const char *key, double value)
{
  json_builder_set_member_name (b, key);
  if (value < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
json_fen (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  if (value == G_MININT64)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, value);
}

/* ---- list households ---- */

gboolean
bf_cli_find_village (BfStore *store, const char *text, gint64 *village_id, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, &error);
  g_autoptr (GString) names = g_string_new (NULL);
  char *end = NULL;
  gint64 number = g_ascii_strtoll (text, &end, 10);

  if (villages == NULL)
    {
      *status = bf_cli_fail (error);
      return FALSE;
    }
  for (guint i = 0; i < villages->len; i++)
    {
      BfVillage *v = g_ptr_array_index (villages, i);
      if (g_strcmp0 (v->name, text) == 0 || (end != NULL && *end == '\0' && v->id == number))
        {
          *village_id = v->id;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s", i > 0 ? _ (", ") : "", v->name);
    }
  {
    g_autofree char *shown = bf_text_shown (text, BF_TEXT_SHOWN_CHARS);

    *status = bf_cli_usage_error (_ ("no village “%s”; the villages are: %s"), shown, names->str);
  }
  return FALSE;
}

static gboolean
valid_status (const char *code)
{
  BfStatus status;

  return bf_status_from_code (code, &status);
}

/* The orders of --sort: the list's columns that a caseworker sorts by. */
static const struct
{
  const char *name;
  BfHouseholdSort sort;
} sort_orders[] = {
  { "number", BF_HOUSEHOLD_SORT_NUMBER },
  { "head", BF_HOUSEHOLD_SORT_HEAD },
  { "village", BF_HOUSEHOLD_SORT_VILLAGE },
  { "status", BF_HOUSEHOLD_SORT_STATUS },
};

static gboolean
parse_sort (const char *name, BfHouseholdSort *sort, int *status)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    {
      if (name == NULL || g_strcmp0 (name, sort_orders[i].name) == 0)
        {
          *sort = sort_orders[i].sort;
          return TRUE;
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", sort_orders[i].name);
    }
  *status = bf_cli_usage_error (_ ("unknown order “%s”; the orders are: %s"), name, names->str);
  return FALSE;
}

static void
row_to_json (JsonBuilder *b, const BfHouseholdRow *row)
{
  json_builder_begin_object (b);
  json_string (b, "number", row->number);
  json_string (b, "uuid", row->uuid);
  json_string (b, "head_name", row->head_name);
  json_string (b, "village", row->village_name);
  json_string (b, "group", row->group_name);
  json_int (b, "member_count", row->member_count);
  json_string (b, "attribute", row->attribute);
  json_string (b, "monitoring_type", row->monitoring_type);
  json_string (b, "primary_cause", row->primary_cause);
  json_string (b, "status", row->status);
  json_fen (b, "per_capita_fen", row->per_capita_fen);
  json_string (b, "updated_at", row->updated_at);
  json_builder_end_object (b);
}

/* The list's columns: a cell is as wide as its heading, or @width when that is wider. */
typedef struct
{
  const char *heading;
  int width;
} Column;

static const Column columns[] = {
  { N_ ("Household number"), 12 },
  { N_ ("Head of household"), 8 },
  { N_ ("Village"), 10 },
  { N_ ("Group"), 6 },
  { N_ ("Members"), 2 },
  { N_ ("Status"), 20 },
  { N_ ("Per-capita net income"), 0 },
};

static void
print_row (const BfHouseholdRow *row)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *members = NULL;
  g_autofree char *income = NULL;
  const char *cells[G_N_ELEMENTS (columns)];

  if (row == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        cells[i] = _ (columns[i].heading);
    }
  else
    {
      members = g_strdup_printf ("%d", row->member_count);
      income =
        row->per_capita_fen == G_MININT64 ? g_strdup ("—") : bf_money_format (row->per_capita_fen);
      cells[0] = row->number;
      cells[1] = row->head_name;
      cells[2] = row->village_name;
      cells[3] = row->group_name;
      cells[4] = members;
      cells[5] = bf_cli_status_label (row->status);
      cells[6] = income;
    }
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bf_cli_print_cell (line, cells[i],
                       MAX (columns[i].width, bf_cli_text_width (_ (columns[i].heading))));
  g_strchomp (line->str);
  g_print ("%s\n", line->str);
}

int
bf_cli_list_households (int argc, char **argv)
{
  g_autofree char *village = NULL;
  g_autofree char *status_code = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  g_autoptr (BfHouseholdCursor) cursor = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE, descending = FALSE;
  int limit = 0, status = BF_CLI_OK;
  guint64 shown = 0;
  const GOptionEntry entries[] = {
    { "village", 0, 0, G_OPTION_ARG_STRING, &village, N_ ("Only this village (name or id)"),
      N_ ("V") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_code,
      N_ ("Only this status (surveyed, registered, exited, …)"), N_ ("S") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_ ("A name, an ID number or part of one, or a household number"), N_ ("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_ ("Sort by number (the default), head (the head's name, in pinyin order), village or "
          "status"),
      N_ ("ORDER") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_ ("Sort the other way round"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("At most N households (default: all)"),
      N_ ("N") },
    G_OPTION_ENTRY_NULL
  };
  BfHouseholdQuery query = { 0 };
  BfStore *store;

  if (!bf_cli_parse ("", _ ("List households, sorted by household number or as --sort says."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_unexpected (argv[1]);
  if (limit < 0)
    return bf_cli_usage_error (_ ("--limit must not be negative"));
  if (!parse_sort (sort, &query.sort, &status))
    return status;
  query.descending = descending;
  if (status_code != NULL && !valid_status (status_code))
    {
      g_autoptr (GString) codes = g_string_new (NULL);
      for (int s = 0; s < BF_N_STATUSES; s++)
        g_string_append_printf (codes, "%s%s", s > 0 ? ", " : "", bf_status_code (s));
      return bf_cli_usage_error (_ ("unknown status “%s”; the statuses are: %s"), status_code,
                                 codes->str);
    }
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (village != NULL && !bf_cli_find_village (store, village, &query.village_id, &status))
    {
      return bf_cli_close (store, status);
    }
  query.text = search;
  query.status = status_code;

  if (json)
    json_builder_begin_array (builder);
  do
    {
      guint page_size = limit > 0 ? MIN (PAGE_SIZE, (guint64) limit - shown) : PAGE_SIZE;
      g_autoptr (BfHouseholdPage) page =
        bf_store_household_search (store, &query, cursor, page_size, &error);

      if (page == NULL)
        {
          status = bf_cli_fail (error);
          break;
        }
      for (guint i = 0; i < page->rows->len; i++)
        {
          const BfHouseholdRow *row = g_ptr_array_index (page->rows, i);
          if (json)
            row_to_json (builder, row);
          else
            {
              if (shown == 0)
                print_row (NULL);
              print_row (row);
            }
          shown++;
        }
      g_clear_pointer (&cursor, bf_household_cursor_free);
      cursor = page->next != NULL ? bf_household_cursor_copy (page->next) : NULL;
    }
  while (cursor != NULL && (limit == 0 || shown < (guint64) limit));

  if (status == BF_CLI_OK && json)
    {
      g_autoptr (JsonNode) root = NULL;
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      bf_cli_print_json (root);
    }
  else if (status == BF_CLI_OK)
    {
      /* gettext cannot see through G_GUINT64_FORMAT: the count goes in as text. */
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, shown);
      g_print (ngettext ("%s household\n", "%s households\n", (gulong) shown), count);
    }
  return bf_cli_close (store, status);
}

/* ---- show household ---- */

static void
member_to_json (JsonBuilder *b, const BfMember *m)
{
  json_builder_begin_object (b);
  json_string (b, "uuid", m->uuid);
  json_string (b, "person_number", m->person_number);
  json_string (b, "name", m->name);
  json_string (b, "id_number", m->id_number);
  json_string (b, "relation", m->relation);
  json_string (b, "sex", m->sex);
  json_string (b, "birth_date", m->birth_date);
  json_string (b, "ethnicity", m->ethnicity);
  json_string (b, "education", m->education);
  json_string (b, "school_status", m->school_status);
  json_string (b, "health", m->health);
  json_builder_set_member_name (b, "disability_grade");
  if (m->disability_grade > 0)
    json_builder_add_int_value (b, m->disability_grade);
  else
    json_builder_add_null_value (b);
  json_string (b, "labour", m->labour);
  json_string (b, "work_status", m->work_status);
  json_int (b, "work_months", m->work_months);
  json_tri (b, "medical_insurance", m->medical_insurance);
  json_tri (b, "serious_illness_insurance", m->serious_illness_insurance);
  json_tri (b, "pension_insurance", m->pension_insurance);
  json_string (b, "phone", m->phone);
  json_builder_end_object (b);
}

static const char *const guarantee_keys[BF_N_GUARANTEES] = {
  "food", "clothing", "education", "medical", "housing", "water",
};

static const char *const guarantee_labels[BF_N_GUARANTEES] = {
  N_ ("Enough food"),        N_ ("Enough clothing"), N_ ("Compulsory education secured"),
  N_ ("Basic medical care"), N_ ("Safe housing"),    N_ ("Safe drinking water"),
};

static void
survey_to_json (JsonBuilder *b, const BfSurvey *s)
{
  json_builder_begin_object (b);
  json_string (b, "uuid", s->uuid);
  json_int (b, "year", s->year);
  json_string (b, "surveyed_on", s->surveyed_on);
  json_string (b, "surveyor", s->surveyor);
  json_string (b, "verifier", s->verifier);
  json_string (b, "verified_on", s->verified_on);
  json_int (b, "wage_fen", s->wage_fen);
  json_int (b, "business_fen", s->business_fen);
  json_int (b, "property_fen", s->property_fen);
  json_int (b, "transfer_fen", s->transfer_fen);
  json_int (b, "business_expense_fen", s->business_expense_fen);
  json_int (b, "education_expense_fen", s->education_expense_fen);
  json_int (b, "medical_expense_fen", s->medical_expense_fen);
  json_int (b, "housing_expense_fen", s->housing_expense_fen);
  json_int (b, "pension_expense_fen", s->pension_expense_fen);
  json_int (b, "rigid_expense_fen", s->rigid_expense_fen);
  json_int (b, "debt_fen", s->debt_fen);
  json_int (b, "per_capita_fen", s->per_capita_fen);
  json_builder_set_member_name (b, "guarantees");
  json_builder_begin_object (b);
  for (int g = 0; g < BF_N_GUARANTEES; g++)
    {
      json_builder_set_member_name (b, guarantee_keys[g]);
      json_builder_begin_object (b);
      json_tri (b, "secured", s->secured[g]);
      json_string (b, "note", s->secured_note[g]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
history_to_json (JsonBuilder *b, GPtrArray *events, GPtrArray *audit)
{
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < events->len; i++)
    {
      const BfEvent *e = g_ptr_array_index (events, i);
      json_builder_begin_object (b);
      json_string (b, "uuid", e->uuid);
      json_string (b, "date", e->event_date);
      json_string (b, "action", e->action);
      json_string (b, "from_status", e->from_status);
      json_string (b, "to_status", e->to_status);
      json_string (b, "operator", e->operator_name);
      json_string (b, "reason", e->reason);
      json_string (b, "ref_kind", e->ref_kind);
      json_int (b, "ref_id", e->ref_id);
      json_string (b, "document_number", e->document_number);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "audit");
  json_builder_begin_array (b);
  for (guint i = 0; i < audit->len; i++)
    {
      const BfAuditEntry *a = g_ptr_array_index (audit, i);
      g_autoptr (JsonNode) changes = json_from_string (a->changes, NULL);
      json_builder_begin_object (b);
      json_int (b, "seq", a->seq);
      json_string (b, "at", a->at);
      json_string (b, "operator", a->operator_name);
      json_string (b, "action", a->action);
      json_string (b, "entity", a->entity);
      json_builder_set_member_name (b, "changes");
      if (changes != NULL)
        json_builder_add_value (b, g_steal_pointer (&changes));
      else
        json_builder_add_string_value (b, a->changes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
household_to_json (const BfHousehold *h, GPtrArray *events, GPtrArray *audit)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_string (b, "number", h->number);
  json_string (b, "uuid", h->uuid);
  json_string (b, "village", h->village_name);
  json_string (b, "group", h->group_name);
  json_string (b, "address", h->address);
  json_string (b, "phone", h->phone);
  json_string (b, "bank_name", h->bank_name);
  json_string (b, "bank_account", h->bank_account);
  json_string (b, "attribute", h->attribute);
  json_string (b, "monitoring_type", h->monitoring_type);
  json_string (b, "standard", h->standard);
  json_builder_set_member_name (b, "causes");
  json_builder_begin_object (b);
  json_string (b, "primary", h->primary_cause);
  json_builder_set_member_name (b, "others");
  json_builder_begin_array (b);
  for (int i = 0; i < 2; i++)
    if (h->other_causes[i] != NULL)
      json_builder_add_string_value (b, h->other_causes[i]);
  json_builder_end_array (b);
  json_string (b, "note", h->cause_note);
  json_builder_end_object (b);
  json_double (b, "house_area_m2", h->house_area_m2);
  json_tri (b, "dangerous_house", h->dangerous_house);
  json_tri (b, "relocated", h->relocated);
  json_double (b, "farmland_mu", h->farmland_mu);
  json_double (b, "forest_mu", h->forest_mu);
  json_string (b, "livestock", h->livestock);
  json_string (b, "industry", h->industry);
  json_string (b, "status", h->status);
  json_string (b, "status_since", h->status_since);
  json_string (b, "first_identified_on", h->first_identified_on);
  json_string (b, "helper", h->helper_name);
  json_string (b, "created_at", h->created_at);
  json_string (b, "updated_at", h->updated_at);
  json_string (b, "deleted_at", h->deleted_at);
  json_builder_set_member_name (b, "members");
  json_builder_begin_array (b);
  for (guint i = 0; h->members != NULL && i < h->members->len; i++)
    member_to_json (b, g_ptr_array_index (h->members, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "survey");
  if (h->survey != NULL)
    survey_to_json (b, h->survey);
  else
    json_builder_add_null_value (b);
  history_to_json (b, events, audit);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_household (const BfHousehold *h, GPtrArray *events, GPtrArray *audit)
{
  g_autoptr (GString) causes = g_string_new (NULL);
  g_autofree char *place = g_strdup_printf ("%s %s", h->village_name ? h->village_name : "",
                                            h->group_name ? h->group_name : "");
  g_autofree char *status = g_strdup_printf ("%s (%s)", bf_cli_status_label (h->status),
                                             h->status_since ? h->status_since : "—");

  g_print (_ ("Household %s\n"), h->number);
  bf_cli_print_field (_ ("Village"), g_strstrip (place));
  bf_cli_print_field (_ ("Head of household"),
                      bf_household_get_head (h) != NULL ? bf_household_get_head (h)->name : NULL);
  bf_cli_print_field (_ ("Status"), status);
  bf_cli_print_field (_ ("First identified"), h->first_identified_on);
  bf_cli_print_field (_ ("Address"), h->address);
  bf_cli_print_field (_ ("Phone"), h->phone);
  bf_cli_print_field (_ ("Attribute"), bf_cli_code_label (BF_CODES_ATTRIBUTE, h->attribute));
  bf_cli_print_field (_ ("Monitoring type"),
                      bf_cli_code_label (BF_CODES_MONITORING_TYPE, h->monitoring_type));
  bf_cli_print_field (_ ("Primary cause"), bf_cli_code_label (BF_CODES_CAUSE, h->primary_cause));
  for (int i = 0; i < 2; i++)
    if (h->other_causes[i] != NULL)
      g_string_append_printf (causes, "%s%s", i > 0 ? _ (", ") : "",
                              bf_cli_code_label (BF_CODES_CAUSE, h->other_causes[i]));
  bf_cli_print_field (_ ("Other causes"), causes->str);
  bf_cli_print_field (_ ("Cause"), h->cause_note);
  bf_cli_print_field (_ ("Helper"), h->helper_name);

  g_print ("%s (%u)\n", _ ("Members"), h->members != NULL ? h->members->len : 0);
  for (guint i = 0; h->members != NULL && i < h->members->len; i++)
    {
      const BfMember *m = g_ptr_array_index (h->members, i);
      g_autoptr (GString) line = g_string_new ("  ");
      bf_cli_print_cell (line, m->name, 8);
      bf_cli_print_cell (line, m->id_number, 18);
      bf_cli_print_cell (line, bf_cli_code_label (BF_CODES_RELATION, m->relation), 14);
      bf_cli_print_cell (line, bf_cli_code_label (BF_CODES_SEX, m->sex), 6);
      bf_cli_print_cell (line, m->birth_date, 10);
      bf_cli_print_cell (line, bf_cli_code_label (BF_CODES_HEALTH, m->health), 16);
      g_string_append (line, bf_cli_code_label (BF_CODES_LABOUR, m->labour));
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }

  if (h->survey != NULL)
    {
      g_autofree char *income = bf_money_format (h->survey->per_capita_fen);
      g_print ("%s (%d, %s)\n", _ ("Survey"), h->survey->year,
               h->survey->surveyed_on ? h->survey->surveyed_on : "—");
      bf_cli_print_field (_ ("Per-capita net income"), income);
      for (int g = 0; g < BF_N_GUARANTEES; g++)
        {
          const char *state = h->survey->secured[g] < 0 ? "—"
                              : h->survey->secured[g]   ? _ ("yes")
                                                        : _ ("no");
          g_autofree char *value =
            h->survey->secured_note[g] != NULL
              ? g_strdup_printf ("%s (%s)", state, h->survey->secured_note[g])
              : g_strdup (state);
          bf_cli_print_field (_ (guarantee_labels[g]), value);
        }
    }

  g_print ("%s\n", _ ("History"));
  for (guint i = 0; i < events->len; i++)
    {
      const BfEvent *e = g_ptr_array_index (events, i);
      BfAction action;
      const char *label =
        bf_action_from_code (e->action, &action) ? bf_action_label (action) : e->action;
      g_print ("  %s  %s: %s → %s  %s%s%s%s%s\n", e->event_date, label,
               bf_cli_status_label (e->from_status), bf_cli_status_label (e->to_status),
               e->operator_name, e->reason ? "  " : "", e->reason ? e->reason : "",
               e->document_number ? "  " : "", e->document_number ? e->document_number : "");
    }
  if (audit->len > 0)
    {
      g_print ("%s\n", _ ("Audit trail"));
      for (guint i = 0; i < audit->len; i++)
        {
          const BfAuditEntry *a = g_ptr_array_index (audit, i);
          g_print ("  #%" G_GINT64_FORMAT "  %s  %s  %s %s  %s\n", a->seq, a->at, a->operator_name,
                   a->action, a->entity, a->changes);
        }
    }
}

int
bf_cli_show_household (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write JSON"),
                                     NULL },
                                   G_OPTION_ENTRY_NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  int status = BF_CLI_OK;
  BfStore *store;

  if (!bf_cli_parse (_ ("NUMBER"),
                     _ ("Show a household with its members, causes, survey, status and history."),
                     entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc != 2)
    return bf_cli_usage_error (argc < 2 ? _ ("no household number given")
                                        : _ ("give one household number"));
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  household = bf_store_household_get_by_number (store, argv[1], &error);
  if (household != NULL)
    events = bf_store_events_for (store, household->id, &error);
  if (events != NULL)
    audit = bf_store_audit_for (store, household->uuid, &error);
  if (audit == NULL)
    status = bf_cli_fail (error);
  else if (json)
    {
      g_autoptr (JsonNode) root = household_to_json (household, events, audit);
      bf_cli_print_json (root);
    }
  else
    print_household (household, events, audit);
  return bf_cli_close (store, status);
}
