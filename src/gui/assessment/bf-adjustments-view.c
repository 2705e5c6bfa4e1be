/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-adjustments-view.h"
#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-exit-ui.h"
#include "bf-store-household.h"

/* Dynamic adjustment (动态调整): the township's adjustments of a quarter, and the form that
 * records one — with what it does to the household (a return to poverty, a member who joins or
 * leaves). */
struct _BfAdjustmentsView
{
  AdwBin parent_instance;

  BfStore *store;
  BfGuiReader *worker;
  GCancellable *cancellable;
  GArray *scope_ids;
  GArray *member_ids; /* of member_row: 0 first (a new member joins) */
  GListStore *adjustments;
  gint64 household_id;

  GtkEntry *period_entry;
  GtkDropDown *scope_dropdown;
  GtkLabel *summary_label;
  GtkColumnView *list_view;
  AdwEntryRow *household_row;
  AdwActionRow *household_info_row;
  AdwComboRow *kind_row;
  AdwComboRow *natural_row;
  AdwComboRow *member_row;
  AdwEntryRow *new_name_row;
  AdwEntryRow *new_id_row;
  AdwComboRow *relation_row;
  AdwEntryRow *date_row;
  AdwEntryRow *reason_row;
  AdwEntryRow *approval_row;
  AdwEntryRow *document_row;
};

G_DEFINE_FINAL_TYPE (BfAdjustmentsView, bf_adjustments_view, ADW_TYPE_BIN)

/* A combo row of a code list's translated labels. */
static void
fill_codes (AdwComboRow *row, BfCodeList list)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  gsize n = 0;
  const BfCode *codes = bf_codes (list, &n);

  for (gsize i = 0; i < n; i++)
    gtk_string_list_append (labels, bf_code_label (list, codes[i].code));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static const char *
selected_code (AdwComboRow *row, BfCodeList list)
{
  gsize n = 0;
  const BfCode *codes = bf_codes (list, &n);
  guint selected = adw_combo_row_get_selected (row);

  return selected < n ? codes[selected].code : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * The list
 */

typedef struct
{
  char *period;
  gint64 village_id;
} ListQuery;

static void
list_query_free (ListQuery *q)
{
  g_free (q->period);
  g_free (q);
}

static gpointer
list_work (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  ListQuery *q = data;

  return bf_exit_list_read_new (
    BF_EXIT_LIST_ADJUSTMENTS,
    bf_store_adjustments_list (reader, q->period, q->village_id, NULL, error));
}

static void
show_summary (BfAdjustmentsView *self, GPtrArray *rows)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gsize n = 0;
  const BfCode *kinds = bf_codes (BF_CODES_ADJUSTMENT_KIND, &n);

  g_string_printf (
    text, g_dngettext (GETTEXT_PACKAGE, "%u adjustment", "%u adjustments", rows->len), rows->len);
  for (gsize k = 0; k < n; k++)
    {
      guint count = 0;

      for (guint i = 0; i < rows->len; i++)
        count +=
          g_strcmp0 (((BfAdjustment *) g_ptr_array_index (rows, i))->kind, kinds[k].code) == 0;
      /* TRANSLATORS: a kind of adjustment and how many, in a list: " · Exit 5" */
      g_string_append_printf (text, _ (" · %s %u"),
                              bf_code_label (BF_CODES_ADJUSTMENT_KIND, kinds[k].code), count);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

static void
list_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfAdjustmentsView *self = BF_ADJUSTMENTS_VIEW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfExitListRead) read = bf_gui_read_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  bf_exit_list_replace (self->adjustments, read != NULL ? read->items : NULL);
  if (read == NULL)
    gtk_label_set_text (self->summary_label, error->message);
  else
    show_summary (self, read->records);
}

static void reload (BfAdjustmentsView *self);

/* Loads only on screen: the assessment page loads the view when it shows it. */
static void
scope_changed_cb (BfAdjustmentsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->scope_dropdown)))
    reload (self);
}

static void
reload (BfAdjustmentsView *self)
{
  ListQuery *q;

  if (self->worker == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  q = g_new0 (ListQuery, 1);
  q->period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_entry))));
  q->village_id = bf_exit_scope_get (self->scope_dropdown, self->scope_ids);
  bf_gui_reader_run (self->worker, self, list_work, q, (GDestroyNotify) list_query_free,
                     (GDestroyNotify) bf_exit_list_read_free, self->cancellable, list_done_cb,
                     NULL);
}

/* ---------------------------------------------------------------------------------------------
 * The form
 */

static gboolean
is_natural (BfAdjustmentsView *self)
{
  return g_strcmp0 (selected_code (self->kind_row, BF_CODES_ADJUSTMENT_KIND), "natural") == 0;
}

/* The rows a natural change needs: which member leaves, or who joins. */
static void
update_form (BfAdjustmentsView *self)
{
  gboolean natural = is_natural (self);
  const char *change = selected_code (self->natural_row, BF_CODES_NATURAL_CHANGE);
  gboolean joins = adw_combo_row_get_selected (self->member_row) == 0;

  /* a birth brings a new member; a death takes one away */
  if (natural && g_strcmp0 (change, "birth") == 0 && !joins)
    adw_combo_row_set_selected (self->member_row, 0);
  joins = adw_combo_row_get_selected (self->member_row) == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->natural_row), natural);
  gtk_widget_set_visible (GTK_WIDGET (self->member_row), natural);
  gtk_widget_set_visible (GTK_WIDGET (self->new_name_row), natural && joins);
  gtk_widget_set_visible (GTK_WIDGET (self->new_id_row), natural && joins);
  gtk_widget_set_visible (GTK_WIDGET (self->relation_row), natural && joins);
}

static void
load_household (BfAdjustmentsView *self)
{
  g_autoptr (GtkStringList) members = gtk_string_list_new (NULL);
  g_autoptr (BfHousehold) household = NULL;
  g_autoptr (GError) error = NULL;
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->household_row));
  g_autofree char *info = NULL;
  gint64 none = 0;
  BfStatus status;

  self->household_id = 0;
  g_array_set_size (self->member_ids, 0);
  g_array_append_val (self->member_ids, none);
  gtk_string_list_append (members, _ ("A new member joins"));
  if (self->store != NULL && number[0] != '\0')
    household = bf_store_household_get_by_number (self->store, number, &error);
  if (household != NULL && household->deleted_at == NULL)
    {
      const BfMember *head = bf_household_get_head (household);

      self->household_id = household->id;
      info =
        g_strdup_printf ("%s · %s · %s", head != NULL ? head->name : "", household->village_name,
                         bf_status_from_code (household->status, &status) ? bf_status_label (status)
                                                                          : household->status);
      for (guint i = 0; i < household->members->len; i++)
        {
          BfMember *m = g_ptr_array_index (household->members, i);
          /* TRANSLATORS: a member who leaves the household: "王小明 (Son) leaves" */
          g_autofree char *label = g_strdup_printf (_ ("%s (%s) leaves"), m->name,
                                                    bf_code_label (BF_CODES_RELATION, m->relation));

          gtk_string_list_append (members, label);
          g_array_append_val (self->member_ids, m->id);
        }
    }
  else if (number[0] != '\0')
    info = g_strdup_printf (_ ("No household numbered “%s”"), number);
  adw_action_row_set_subtitle (self->household_info_row,
                               info != NULL ? info
                                            : _ ("Type the household number and press Enter"));
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (members));
  update_form (self);
}

static void
clear_form (BfAdjustmentsView *self)
{
  AdwEntryRow *rows[] = { self->new_name_row, self->new_id_row, self->reason_row,
                          self->approval_row, self->document_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
}

static void
record_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  BfAdjustmentsView *self = BF_ADJUSTMENTS_VIEW (widget);
  g_autoptr (BfMember) member = NULL;
  g_autoptr (GError) error = NULL;
  gboolean natural;
  guint selected;
  BfAdjustmentSpec spec = { 0 };

  if (self->store == NULL)
    return;
  load_household (self);
  if (self->household_id == 0)
    {
      g_set_error (&error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("Type the number of a household in the register."));
      bf_gui_show_error (widget, _ ("Could Not Record the Adjustment"), error);
      return;
    }
  natural = is_natural (self);
  selected = adw_combo_row_get_selected (self->member_row);
  spec.household_id = self->household_id;
  spec.kind = selected_code (self->kind_row, BF_CODES_ADJUSTMENT_KIND);
  spec.subkind = natural ? selected_code (self->natural_row, BF_CODES_NATURAL_CHANGE) : NULL;
  spec.adjusted_on = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  spec.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  spec.approval = gtk_editable_get_text (GTK_EDITABLE (self->approval_row));
  spec.document_number = gtk_editable_get_text (GTK_EDITABLE (self->document_row));
  if (spec.adjusted_on[0] == '\0')
    spec.adjusted_on = NULL;
  if (natural && selected == 0)
    {
      member = bf_member_new ();
      member->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row)));
      member->id_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_id_row)));
      member->relation = g_strdup (selected_code (self->relation_row, BF_CODES_RELATION));
      spec.member_in = member;
    }
  else if (natural && selected < self->member_ids->len)
    spec.member_out_id = g_array_index (self->member_ids, gint64, selected);

  if (bf_store_adjustment_record (self->store, &spec, &error) == 0)
    {
      bf_gui_show_error (widget, _ ("Could Not Record the Adjustment"), error);
      return;
    }
  bf_gui_toast (widget, g_strcmp0 (spec.kind, "returned") == 0
                          ? _ ("Returned to poverty: the household is back in identification")
                          : _ ("Adjustment recorded"));
  clear_form (self);
  load_household (self);
  reload (self);
}

/* ---------------------------------------------------------------------------------------------
 * Object
 */

static void
bf_adjustments_view_dispose (GObject *object)
{
  BfAdjustmentsView *self = BF_ADJUSTMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_ADJUSTMENTS_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->adjustments);
  g_clear_pointer (&self->scope_ids, g_array_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);
  self->worker = NULL;
  G_OBJECT_CLASS (bf_adjustments_view_parent_class)->dispose (object);
}

static void
bf_adjustments_view_class_init (BfAdjustmentsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bf_adjustments_view_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/assessment/bf-adjustments-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, BfAdjustmentsView, name)
  CHILD (period_entry);
  CHILD (scope_dropdown);
  CHILD (summary_label);
  CHILD (list_view);
  CHILD (household_row);
  CHILD (household_info_row);
  CHILD (kind_row);
  CHILD (natural_row);
  CHILD (member_row);
  CHILD (new_name_row);
  CHILD (new_id_row);
  CHILD (relation_row);
  CHILD (date_row);
  CHILD (reason_row);
  CHILD (approval_row);
  CHILD (document_row);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "adjustments.record", NULL, record_activated);
}

static void
bf_adjustments_view_init (BfAdjustmentsView *self)
{
  g_autofree char *today = bf_exit_today ();
  g_autofree char *quarter = NULL;
  GDate date;

  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->adjustments = g_list_store_new (BF_TYPE_EXIT_ROW);
  bf_exit_list_setup (self->list_view, BF_EXIT_LIST_ADJUSTMENTS, _ ("Dynamic adjustments"));
  bf_exit_list_attach (self->list_view, G_LIST_MODEL (self->adjustments));
  fill_codes (self->kind_row, BF_CODES_ADJUSTMENT_KIND);
  fill_codes (self->natural_row, BF_CODES_NATURAL_CHANGE);
  fill_codes (self->relation_row, BF_CODES_RELATION);
  /* a new member is most often a child of the head */
  adw_combo_row_set_selected (self->relation_row, 2);
  bf_date_today (&date);
  quarter = bf_quarter_format (g_date_get_year (&date), (g_date_get_month (&date) - 1) / 3 + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), quarter);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  load_household (self);

  g_signal_connect_swapped (self->period_entry, "activate", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_changed_cb),
                            self);
  g_signal_connect_swapped (self->household_row, "apply", G_CALLBACK (load_household), self);
  g_signal_connect_swapped (self->household_row, "entry-activated", G_CALLBACK (load_household),
                            self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (update_form), self);
  g_signal_connect_swapped (self->natural_row, "notify::selected", G_CALLBACK (update_form), self);
  g_signal_connect_swapped (self->member_row, "notify::selected", G_CALLBACK (update_form), self);
}

GtkWidget *
bf_adjustments_view_new (void)
{
  return g_object_new (BF_TYPE_ADJUSTMENTS_VIEW, NULL);
}

void
bf_adjustments_view_set_store (BfAdjustmentsView *self, BfStore *store, BfGuiReader *worker)
{
  g_return_if_fail (BF_IS_ADJUSTMENTS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  self->worker = worker;
  bf_exit_scope_fill (self->scope_dropdown, store, self->scope_ids);
  g_list_store_remove_all (self->adjustments);
  load_household (self);
}

void
bf_adjustments_view_refresh (BfAdjustmentsView *self)
{
  g_return_if_fail (BF_IS_ADJUSTMENTS_VIEW (self));
  reload (self);
}

GListModel *
bf_adjustments_view_get_adjustments (BfAdjustmentsView *self)
{
  g_return_val_if_fail (BF_IS_ADJUSTMENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->adjustments);
}
