/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-measures.h"
#include "bf-money.h"
#include "bf-plans-util.h"

struct _BfRecordItem
{
  GObject parent_instance;

  gpointer record;
  GDestroyNotify free_record;
};

G_DEFINE_FINAL_TYPE (BfRecordItem, bf_record_item, G_TYPE_OBJECT)

static void
bf_record_item_finalize (GObject *object)
{
  BfRecordItem *self = BF_RECORD_ITEM (object);

  if (self->free_record != NULL)
    self->free_record (self->record);
  G_OBJECT_CLASS (bf_record_item_parent_class)->finalize (object);
}

static void
bf_record_item_class_init (BfRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bf_record_item_finalize;
}

static void
bf_record_item_init (BfRecordItem *self)
{
}

BfRecordItem *
bf_record_item_new (gpointer record, GDestroyNotify free_record)
{
  BfRecordItem *self = g_object_new (BF_TYPE_RECORD_ITEM, NULL);

  self->record = record;
  self->free_record = free_record;
  return self;
}

gpointer
bf_record_item_get (BfRecordItem *self)
{
  g_return_val_if_fail (BF_IS_RECORD_ITEM (self), NULL);
  return self->record;
}

GListStore *
bf_record_store_new (GPtrArray *records, GDestroyNotify free_record)
{
  GListStore *store = g_list_store_new (BF_TYPE_RECORD_ITEM);

  if (records == NULL)
    return store;
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr (BfRecordItem) item =
        bf_record_item_new (g_ptr_array_index (records, i), free_record);
      g_list_store_append (store, item);
    }
  g_ptr_array_set_size (records, 0);
  g_ptr_array_unref (records);
  return store;
}

GtkWindow *
bf_plans_present (GtkWidget *parent, GtkWidget *content, const char *title, int width, int height)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *window = adw_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }
  adw_window_set_content (ADW_WINDOW (window), content);
  g_object_set_data (G_OBJECT (window), "bf-plans-window", GINT_TO_POINTER (TRUE));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

void
bf_plans_close_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (root), "bf-plans-window") != NULL)
    gtk_window_destroy (GTK_WINDOW (root));
}

void
bf_plans_open_household (GtkWidget *widget, gint64 id)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* From a form window, the household opens in the main window behind it. */
  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (root), "bf-plans-window") != NULL)
    {
      GtkWindow *main = gtk_window_get_transient_for (GTK_WINDOW (root));
      gtk_window_destroy (GTK_WINDOW (root));
      if (main == NULL)
        return;
      widget = GTK_WIDGET (main);
    }
  gtk_widget_activate_action (widget, "win.show-household", "x", id);
}

void
bf_plans_helper_choices (BfStore *store,
                         const char *none_label,
                         gint64 keep_id,
                         GStrv *values,
                         GStrv *labels)
{
  g_autoptr (GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr (GPtrArray) helpers = store != NULL ? bf_store_helper_list (store, TRUE, NULL) : NULL;

  g_strv_builder_add (v, "");
  g_strv_builder_add (l, none_label);
  for (guint i = 0; helpers != NULL && i < helpers->len; i++)
    {
      const BfHelper *h = g_ptr_array_index (helpers, i);
      g_autofree char *id = bf_plans_id_text (h->id);
      g_autofree char *label = NULL;

      if (h->retired_on != NULL && h->id != keep_id)
        continue;
      /* TRANSLATORS: a helper in a list: "周帮扶 (县教育局)" */
      label =
        h->unit != NULL ? g_strdup_printf (_ ("%s (%s)"), h->name, h->unit) : g_strdup (h->name);
      g_strv_builder_add (v, id);
      g_strv_builder_add (l, label);
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

char *
bf_plans_id_text (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
}

gint64
bf_plans_id_parse (const char *text)
{
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

void
bf_plans_form_take (BfForm *form, const char *key, char **field)
{
  g_free (*field);
  *field = bf_form_dup_stripped (form, key);
}

gboolean
bf_plans_form_money (BfForm *form, const char *key, gint64 *fen)
{
  g_autofree char *text = bf_form_dup_stripped (form, key);
  g_autoptr (GError) error = NULL;

  *fen = 0;
  if (text == NULL)
    return TRUE;
  if (!bf_money_parse (text, BF_MONEY_PARSE_DEFAULT, fen, &error))
    {
      bf_form_set_error (form, key, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bf_plans_form_date (BfForm *form, const char *key, char **date)
{
  g_autofree char *text = bf_form_dup_stripped (form, key);
  GDate parsed;

  *date = NULL;
  if (text == NULL)
    return TRUE;
  if (!bf_date_parse (text, &parsed, NULL))
    {
      bf_form_set_error (form, key, _ ("Write the date as YYYY-MM-DD."));
      return FALSE;
    }
  *date = bf_date_format (&parsed);
  return TRUE;
}

char *
bf_plans_money_text (gint64 fen, gboolean blank_zero)
{
  if (fen == 0 && blank_zero)
    return g_strdup ("");
  return bf_money_format (fen);
}

char *
bf_plans_today (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}

char *
bf_plans_household_title (const char *number, const char *head, const char *village)
{
  /* TRANSLATORS: a household in a list: number, head of household, village */
  return g_strdup_printf (_ ("%s %s · %s"), number != NULL ? number : "", head != NULL ? head : "",
                          village != NULL ? village : "");
}

char *
bf_plans_measure_kind (const char *category, const char *subtype)
{
  const char *c = bf_code_label (BF_CODES_MEASURE_CATEGORY, category);
  const char *s = bf_measure_subtype_label (category, subtype);

  if (s == NULL || g_strcmp0 (subtype, "other") == 0)
    return g_strdup (c != NULL ? c : "");
  /* TRANSLATORS: a measure's category and type: "Health care · Medical assistance" */
  return g_strdup_printf (_ ("%s · %s"), c, s);
}

char *
bf_plans_measure_summary (const BfMeasure *m)
{
  g_autofree char *budget = bf_money_format (m->budget_fen);
  g_autofree char *spent = bf_money_format (m->spent_fen);
  g_autofree char *due =
    m->due_on != NULL ? g_strdup_printf (_ ("Due %s"), m->due_on) : g_strdup (_ ("No due date"));
  const char *status = bf_code_label (BF_CODES_MEASURE_STATUS, m->status);

  /* TRANSLATORS: "Due 2026-09-30 · In progress · budget 1,500.00, spent 200.00" */
  return g_strdup_printf (_ ("%s · %s · budget %s, spent %s"), due, status != NULL ? status : "",
                          budget, spent);
}

char *
bf_plans_visit_title (const BfVisit *visit)
{
  const char *mode = bf_code_label (BF_CODES_VISIT_MODE, visit->mode);

  /* TRANSLATORS: a visit: date · visitor · mode */
  return g_strdup_printf (_ ("%s · %s · %s"), visit->visited_on, visit->visitor,
                          mode != NULL ? mode : "");
}
