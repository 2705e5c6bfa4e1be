/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: the per-capita net income against the year's lines, as the amounts are
 * typed. */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-household-editor-private.h"
#include "bf-income.h"
#include "bf-money.h"
#include "bf-store-lines.h"

static GtkWidget *
message_row (GtkLabel **label_out, const char *css_class)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  *label_out = GTK_LABEL (label);
  return row;
}

void
_bf_household_editor_build_income_group (BfHouseholdEditor *self)
{
  GtkWidget *level;

  /* The result first: the caseworker sees where the household stands as the figures change. */
  self->per_capita_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->per_capita_row),
                                 _ ("Per-capita net income"));
  gtk_widget_add_css_class (self->per_capita_row, "property");
  level = gtk_label_new (NULL);
  gtk_widget_add_css_class (level, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->per_capita_row), level);
  self->per_capita_level = GTK_LABEL (level);
  adw_preferences_group_add (self->income_group, self->per_capita_row);
  self->income_message_row = message_row (&self->income_message_label, "warning");
  adw_preferences_group_add (self->income_group, self->income_message_row);

  _bf_household_editor_build_fields (self, self->income_group, &bf_household_income_fields);
  _bf_household_editor_build_fields (self, self->income_group, &bf_household_expense_fields);
}

static void
show_income (BfHouseholdEditor *self,
             const char *summary,
             const char *level_text,
             const char *level_class,
             const char *message)
{
  g_free (self->income_summary);
  self->income_summary = g_strdup (summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->per_capita_row), summary);
  gtk_label_set_text (self->per_capita_level, level_text != NULL ? level_text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->per_capita_level), "success");
  if (level_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->per_capita_level), level_class);
  gtk_label_set_text (self->income_message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->income_message_row, message != NULL);
}

void
_bf_household_editor_update_income (BfHouseholdEditor *self)
{
  BfIncome income = { 0 };
  gint64 per_capita = 0;
  gint64 poverty = 0, monitoring = 0;
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *year_text = bf_form_dup_stripped (self->form, "year");
  int year = year_text != NULL ? (int) g_ascii_strtoll (year_text, NULL, 10) : 0;
  gint64 *targets[] = { &income.wage_fen, &income.business_fen, &income.property_fen,
                        &income.transfer_fen, &income.business_expense_fen };
  BfIncomeLevel level;

  G_STATIC_ASSERT (G_N_ELEMENTS (targets) == BF_HOUSEHOLD_N_INCOME_AMOUNTS);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *text = bf_form_dup_stripped (self->form, bf_household_money_fields[i].key);

      if (text != NULL &&
          !bf_money_parse (
            text, bf_household_money_fields[i].allow_negative ? BF_MONEY_PARSE_ALLOW_NEGATIVE : 0,
            targets[i], NULL))
        {
          show_income (self, _ ("Correct the amounts to see the per-capita income"), NULL, NULL,
                       NULL);
          return;
        }
    }
  if (!bf_income_per_capita (&income, self->members->len, &per_capita))
    {
      show_income (self, _ ("Add the members to see the per-capita income"), NULL, NULL, NULL);
      return;
    }

  amount = bf_money_format (per_capita);
  if (self->store == NULL || year == 0 ||
      !bf_store_poverty_line_get (self->store, year, &poverty, &monitoring, NULL))
    {
      summary = g_strdup_printf (_ ("%s yuan a person. No poverty line is recorded for the survey "
                                    "year: add it in Preferences."),
                                 amount);
      show_income (self, summary, NULL, NULL, NULL);
      return;
    }

  level = bf_income_level (per_capita, poverty, monitoring);
  {
    g_autofree char *poverty_text = bf_money_format (poverty);
    g_autofree char *monitoring_text = bf_money_format (monitoring);
    const char *level_label = bf_code_label (BF_CODES_INCOME_LEVEL, bf_income_level_code (level));

    summary = g_strdup_printf (_ ("%s yuan a person (%d: poverty line %s, monitoring line %s)"),
                               amount, year, poverty_text, monitoring_text);
    switch (level)
      {
        case BF_INCOME_BELOW:
          show_income (self, summary, level_label, "error", NULL);
          break;
        case BF_INCOME_NEAR:
          show_income (self, summary, level_label, "warning", NULL);
          break;
        case BF_INCOME_ABOVE:
        default:
          show_income (
            self, summary, level_label, "success",
            _ ("The income is above the lines: check that the household still qualifies. "
               "This does not stop saving."));
          break;
      }
  }
}

gboolean
_bf_household_editor_is_income_key (const char *key)
{
  if (key == NULL || g_str_equal (key, "year"))
    return TRUE;
  for (guint i = 0; i < BF_HOUSEHOLD_N_INCOME_AMOUNTS; i++)
    if (g_str_equal (key, bf_household_money_fields[i].key))
      return TRUE;
  return FALSE;
}
