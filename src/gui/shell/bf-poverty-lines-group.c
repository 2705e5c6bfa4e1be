/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-exit-ui.h"
#include "bf-gui-util.h"
#include "bf-money.h"
#include "bf-poverty-lines-group.h"

/* The register's poverty lines in Preferences: one row per year with its 扶贫标准, 监测线 and
 * the note on where they come from; add, edit and delete, each an audited write. */
struct _BfPovertyLinesGroup
{
  AdwPreferencesGroup parent_instance;

  BfStore *store;
  GPtrArray *rows;
  GtkWidget *add_button;
  GtkWidget *empty_row;
  AdwMessageDialog *dialog; /* the edit dialog on screen */
  AdwEntryRow *year_row;
  AdwEntryRow *poverty_row;
  AdwEntryRow *monitoring_row;
  AdwEntryRow *note_row;
};

G_DEFINE_FINAL_TYPE (BfPovertyLinesGroup, bf_poverty_lines_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload (BfPovertyLinesGroup *self);

/* ---------------------------------------------------------------------------------------------
 * Editing
 */

static gboolean
read_fields (BfPovertyLinesGroup *self, int *year, gint64 *poverty, gint64 *monitoring)
{
  const char *year_text = gtk_editable_get_text (GTK_EDITABLE (self->year_row));
  guint64 y = 0;
  gboolean ok_year = g_ascii_string_to_unsigned (year_text, 10, 1978, 2200, &y, NULL);
  gboolean ok_poverty = bf_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->poverty_row)),
                                        BF_MONEY_PARSE_DEFAULT, poverty, NULL) &&
                        *poverty > 0;
  gboolean ok_monitoring =
    bf_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->monitoring_row)),
                    BF_MONEY_PARSE_DEFAULT, monitoring, NULL) &&
    *monitoring > 0;
  AdwEntryRow *rows[] = { self->year_row, self->poverty_row, self->monitoring_row };
  gboolean ok[] = { ok_year, ok_poverty, ok_monitoring };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (ok[i])
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
    }
  *year = (int) y;
  return ok_year && ok_poverty && ok_monitoring;
}

static void
fields_changed_cb (BfPovertyLinesGroup *self)
{
  int year;
  gint64 poverty, monitoring;

  if (self->dialog != NULL)
    adw_message_dialog_set_response_enabled (self->dialog, "save",
                                             read_fields (self, &year, &poverty, &monitoring));
}

static void
edit_response_cb (AdwMessageDialog *dialog, const char *response, BfPovertyLinesGroup *self)
{
  g_autoptr (GError) error = NULL;
  gint64 poverty, monitoring;
  int year;

  if (g_strcmp0 (response, "save") == 0 && read_fields (self, &year, &poverty, &monitoring))
    {
      const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

      if (bf_store_poverty_line_set (self->store, year, poverty, monitoring,
                                     note[0] != '\0' ? note : NULL, &error))
        bf_gui_toast (GTK_WIDGET (self), _ ("Poverty lines saved"));
      else
        bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Save the Poverty Lines"), error);
      reload (self);
    }
  self->dialog = NULL;
}

static AdwEntryRow *
field (GtkListBox *list, const char *title, const char *text, BfPovertyLinesGroup *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (fields_changed_cb), self);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static void
open_editor (BfPovertyLinesGroup *self, const BfPovertyLine *line)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *year = NULL;
  g_autofree char *poverty = NULL;
  g_autofree char *monitoring = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  if (line != NULL)
    {
      year = g_strdup_printf ("%d", line->year);
      poverty = bf_money_format_plain (line->poverty_line_fen);
      monitoring = bf_money_format_plain (line->monitoring_line_fen);
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   line != NULL ? _ ("Edit the Poverty Lines")
                                                : _ ("Add the Poverty Lines of a Year"),
                                   _ ("Amounts in yuan per person and year. Every income "
                                      "comparison uses the lines of the assessment’s year."));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  self->year_row = field (GTK_LIST_BOX (list), _ ("Year"), year, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), line == NULL);
  self->poverty_row = field (GTK_LIST_BOX (list), _ ("Poverty line (yuan)"), poverty, self);
  self->monitoring_row =
    field (GTK_LIST_BOX (list), _ ("Monitoring line (yuan)"), monitoring, self);
  self->note_row =
    field (GTK_LIST_BOX (list), _ ("Source (note)"), line != NULL ? line->note : NULL, self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "save",
                                    _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response_cb), self);
  fields_changed_cb (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, BfPovertyLinesGroup *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "year"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (bf_store_poverty_line_delete (self->store, year, &error))
    bf_gui_toast (GTK_WIDGET (self), _ ("Poverty lines deleted"));
  else
    bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Delete the Poverty Lines"), error);
  reload (self);
}

static void
confirm_delete (BfPovertyLinesGroup *self, int year)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_ ("Delete the Lines of %d?"), year);
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
    _ ("Assessments of that year cannot be run until its lines are entered again. Assessments "
       "already made keep the lines they used."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "year", GINT_TO_POINTER (year));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------------------------------
 * Rows
 */

static void
edit_clicked_cb (GtkButton *button, BfPovertyLinesGroup *self)
{
  BfPovertyLine *line = g_object_get_data (G_OBJECT (button), "line");

  open_editor (self, line);
}

static void
delete_clicked_cb (GtkButton *button, BfPovertyLinesGroup *self)
{
  BfPovertyLine *line = g_object_get_data (G_OBJECT (button), "line");

  confirm_delete (self, line->year);
}

static GtkWidget *
row_button (const char *icon, const char *label, BfPovertyLine *line)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "line", line);
  return button;
}

static GtkWidget *
line_row (BfPovertyLinesGroup *self, BfPovertyLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%d", line->year);
  g_autofree char *poverty = bf_money_format (line->poverty_line_fen);
  g_autofree char *monitoring = bf_money_format (line->monitoring_line_fen);
  /* TRANSLATORS: "Poverty line 4,600.00 · monitoring line 7,800.00" */
  g_autofree char *lines =
    g_strdup_printf (_ ("Poverty line %s · monitoring line %s"), poverty, monitoring);
  g_autofree char *subtitle =
    line->note != NULL ? g_strdup_printf ("%s\n%s", lines, line->note) : g_strdup (lines);
  g_autofree char *edit = g_strdup_printf (_ ("Edit the lines of %d"), line->year);
  g_autofree char *remove = g_strdup_printf (_ ("Delete the lines of %d"), line->year);
  GtkWidget *edit_button = row_button ("document-edit-symbolic", edit, line);
  GtkWidget *delete_button = row_button ("user-trash-symbolic", remove, line);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_signal_connect (edit_button, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit_button);
  /* the row owns its line: the buttons point into it */
  g_object_set_data_full (G_OBJECT (row), "line", line, (GDestroyNotify) bf_poverty_line_free);
  return row;
}

static void
reload (BfPovertyLinesGroup *self)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_sensitive (self->add_button, self->store != NULL);
  gtk_widget_set_visible (self->empty_row, self->store == NULL);
  if (self->store == NULL)
    return;
  lines = bf_store_poverty_lines_list (self->store, &error);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      GtkWidget *row = line_row (self, g_ptr_array_index (lines, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  /* the rows took the lines */
  if (lines != NULL)
    g_ptr_array_set_free_func (lines, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Object
 */

static void
add_clicked_cb (BfPovertyLinesGroup *self)
{
  open_editor (self, NULL);
}

static void
bf_poverty_lines_group_dispose (GObject *object)
{
  BfPovertyLinesGroup *self = BF_POVERTY_LINES_GROUP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bf_poverty_lines_group_parent_class)->dispose (object);
}

static void
bf_poverty_lines_group_class_init (BfPovertyLinesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bf_poverty_lines_group_dispose;
}

static void
bf_poverty_lines_group_init (BfPovertyLinesGroup *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_ ("_Add Year"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Poverty lines"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _ ("Kept in the open register, per year: the poverty line (扶贫标准) and the monitoring line "
       "(监测线). The rows shipped with a new register are examples: replace them with the lines "
       "your province published."));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  self->add_button = add;
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _ ("Open a register to see its poverty lines"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
  reload (self);
}

GtkWidget *
bf_poverty_lines_group_new (void)
{
  return g_object_new (BF_TYPE_POVERTY_LINES_GROUP, NULL);
}

void
bf_poverty_lines_group_set_store (BfPovertyLinesGroup *self, BfStore *store)
{
  g_return_if_fail (BF_IS_POVERTY_LINES_GROUP (self));

  g_set_object (&self->store, store);
  reload (self);
}

guint
bf_poverty_lines_group_get_n_lines (BfPovertyLinesGroup *self)
{
  g_return_val_if_fail (BF_IS_POVERTY_LINES_GROUP (self), 0);
  return self->rows->len;
}

void
bf_poverty_lines_group_edit (BfPovertyLinesGroup *self, int year)
{
  g_return_if_fail (BF_IS_POVERTY_LINES_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      BfPovertyLine *line = g_object_get_data (g_ptr_array_index (self->rows, i), "line");

      if (line->year == year)
        {
          open_editor (self, line);
          return;
        }
    }
  open_editor (self, NULL);
}

void
bf_poverty_lines_group_set_field (BfPovertyLinesGroup *self, const char *field, const char *text)
{
  AdwEntryRow *row = NULL;

  g_return_if_fail (BF_IS_POVERTY_LINES_GROUP (self));
  g_return_if_fail (self->dialog != NULL);

  if (g_str_equal (field, "year"))
    row = self->year_row;
  else if (g_str_equal (field, "poverty"))
    row = self->poverty_row;
  else if (g_str_equal (field, "monitoring"))
    row = self->monitoring_row;
  else if (g_str_equal (field, "note"))
    row = self->note_row;
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
bf_poverty_lines_group_delete (BfPovertyLinesGroup *self, int year)
{
  g_return_if_fail (BF_IS_POVERTY_LINES_GROUP (self));
  confirm_delete (self, year);
}
