/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: the history of the household and its members, in words, from the audit
 * trail and the lifecycle events. */
#include <glib/gi18n-lib.h>

#include "bf-household-editor-private.h"
#include "bf-household-item.h"
#include "bf-lifecycle.h"
#include "bf-store-audit.h"
#include "bf-store-workflow.h"

typedef struct
{
  char *at; /* sort key: ISO time */
  char *title;
  char *subtitle;
} HistoryLine;

static void
history_line_free (HistoryLine *line)
{
  g_free (line->at);
  g_free (line->title);
  g_free (line->subtitle);
  g_free (line);
}

static const char *
field_title (const char *column)
{
  static const BfHouseholdFieldTable *const tables[] = {
    &bf_household_basic_fields,  &bf_household_income_fields,    &bf_household_expense_fields,
    &bf_household_cause_fields,  &bf_household_guarantee_fields, &bf_household_housing_fields,
    &bf_household_survey_fields,
  };
  static const char *const units[] = { "_fen", "_m2", "_mu", "_id" };
  g_autofree char *key = g_strdup (column);

  /* Columns carry their unit: wage_fen, house_area_m2, village_id… */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (key, units[i]))
      {
        key[strlen (key) - strlen (units[i])] = '\0';
        break;
      }
  if (g_str_equal (key, "head_name"))
    return _ ("Head of household");
  if (g_str_equal (key, "member_count") || g_str_equal (key, "members"))
    return _ ("Members");
  if (g_str_equal (key, "status"))
    return _ ("Status");
  if (g_str_equal (key, "helper"))
    return _ ("Helper");
  if (g_str_equal (key, "per_capita"))
    return _ ("Per-capita net income");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (gsize i = 0; i < tables[t]->n_specs; i++)
      {
        const BfFieldSpec *spec = &tables[t]->specs[i];

        if (g_str_equal (spec->key, key) || g_strcmp0 (spec->key2, key) == 0)
          return _ (spec->title);
      }
  return NULL;
}

static char *
describe_changes (const char *changes_json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  JsonObject *changes;
  GList *members;

  if (changes_json == NULL || !json_parser_load_from_data (parser, changes_json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  changes = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (changes);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *title = field_title (l->data);
      if (title != NULL && !g_ptr_array_find_with_equal_func (names, title, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (title));
    }
  g_list_free (members);
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (_ (", "), (char **) names->pdata);
}

static HistoryLine *
audit_line (const BfAuditEntry *entry, const char *member_name)
{
  HistoryLine *line = g_new0 (HistoryLine, 1);
  g_autofree char *when = bf_format_timestamp (entry->at);
  g_autofree char *fields = describe_changes (entry->changes);
  const char *who = entry->operator_name != NULL ? entry->operator_name : "?";

  line->at = g_strdup (entry->at);
  line->subtitle = g_strdup_printf ("%s · %s", when, who);
  if (member_name != NULL)
    {
      if (g_strcmp0 (entry->action, "create") == 0)
        line->title = g_strdup_printf (_ ("%s added member %s"), who, member_name);
      else if (g_strcmp0 (entry->action, "delete") == 0)
        line->title = g_strdup_printf (_ ("%s removed member %s"), who, member_name);
      else if (fields != NULL)
        line->title = g_strdup_printf (_ ("%s changed %s of member %s"), who, fields, member_name);
      else
        line->title = g_strdup_printf (_ ("%s changed member %s"), who, member_name);
    }
  else if (g_strcmp0 (entry->action, "create") == 0)
    line->title = g_strdup_printf (_ ("%s recorded the household"), who);
  else if (g_strcmp0 (entry->action, "delete") == 0)
    line->title = g_strdup_printf (_ ("%s deleted the household"), who);
  else if (g_strcmp0 (entry->action, "restore") == 0)
    line->title = g_strdup_printf (_ ("%s restored the household"), who);
  else if (fields != NULL)
    line->title = g_strdup_printf (_ ("%s changed %s"), who, fields);
  else
    line->title = g_strdup_printf (_ ("%s changed the household (%s)"), who, entry->action);
  return line;
}

static const char *
status_text (const char *code)
{
  BfStatus status;

  return code != NULL && bf_status_from_code (code, &status) ? bf_status_label (status) : code;
}

static HistoryLine *
event_line (const BfEvent *event)
{
  HistoryLine *line = g_new0 (HistoryLine, 1);
  BfAction action;
  const char *action_text = event->action != NULL && bf_action_from_code (event->action, &action)
                              ? bf_action_label (action)
                              : event->action;
  g_autoptr (GString) subtitle = g_string_new (NULL);

  line->at = g_strdup (event->event_date);
  line->title = g_strdup_printf (_ ("%s: %s → %s"), action_text, status_text (event->from_status),
                                 status_text (event->to_status));
  g_string_append_printf (subtitle, "%s · %s", event->event_date,
                          event->operator_name != NULL ? event->operator_name : "?");
  if (event->reason != NULL && *event->reason)
    g_string_append_printf (subtitle, " · %s", event->reason);
  if (event->document_number != NULL && *event->document_number)
    g_string_append_printf (subtitle, " · %s", event->document_number);
  line->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  return line;
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  const HistoryLine *la = *(HistoryLine **) a;
  const HistoryLine *lb = *(HistoryLine **) b;

  return -g_strcmp0 (la->at, lb->at);
}

void
_bf_household_editor_refresh_history (BfHouseholdEditor *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) history_line_free);

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->store == NULL || self->household == NULL || self->household->id == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);

  {
    g_autoptr (GPtrArray) entries = bf_store_audit_for (self->store, self->household->uuid, NULL);
    g_autoptr (GPtrArray) events = bf_store_events_for (self->store, self->household->id, NULL);

    for (guint i = 0; entries != NULL && i < entries->len; i++)
      g_ptr_array_add (lines, audit_line (g_ptr_array_index (entries, i), NULL));
    for (guint i = 0; events != NULL && i < events->len; i++)
      g_ptr_array_add (lines, event_line (g_ptr_array_index (events, i)));
  }
  for (guint m = 0; self->household->members != NULL && m < self->household->members->len; m++)
    {
      const BfMember *member = g_ptr_array_index (self->household->members, m);
      g_autoptr (GPtrArray) entries = NULL;

      if (member->uuid == NULL)
        continue;
      entries = bf_store_audit_for (self->store, member->uuid, NULL);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        g_ptr_array_add (lines, audit_line (g_ptr_array_index (entries, i), member->name));
    }
  g_ptr_array_sort (lines, compare_lines);

  for (guint i = 0; i < lines->len; i++)
    {
      HistoryLine *line = g_ptr_array_index (lines, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  if (lines->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No changes recorded yet"));
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}
