/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "bf-gui-read.h"
#include "bf-gui-util.h"
#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-lifecycle.h"
#include "bf-notice-page.h"
#include "bf-notices-page-private.h"
#include "bf-store-regions.h"

const char *const bf_notices_page_kinds[4] = { "village_identification", "township", "county",
                                               "exit" };
static const char *const states[] = { "draft", "posted", "closed" };

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* ---------------------------------------------------------------------------------------------
 * A notice as a list item
 */

#define BF_TYPE_NOTICE_OBJECT (bf_notice_object_get_type ())
G_DECLARE_FINAL_TYPE (BfNoticeObject, bf_notice_object, BF, NOTICE_OBJECT, GObject)

struct _BfNoticeObject
{
  GObject parent_instance;
  BfNotice *notice;
};

G_DEFINE_FINAL_TYPE (BfNoticeObject, bf_notice_object, G_TYPE_OBJECT)

static void
bf_notice_object_finalize (GObject *object)
{
  g_clear_pointer (&BF_NOTICE_OBJECT (object)->notice, bf_notice_free);
  G_OBJECT_CLASS (bf_notice_object_parent_class)->finalize (object);
}

static void
bf_notice_object_class_init (BfNoticeObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bf_notice_object_finalize;
}

static void
bf_notice_object_init (BfNoticeObject *self)
{
}

typedef enum
{
  COLUMN_TITLE,
  COLUMN_KIND,
  COLUMN_VILLAGE,
  COLUMN_PERIOD,
  COLUMN_STATE,
  COLUMN_HOUSEHOLDS,
  COLUMN_OBJECTIONS,
  N_COLUMNS
} Column;

static const char *const column_titles[N_COLUMNS] = {
  N_ ("Title"),           N_ ("Kind"),  N_ ("Village"),
  N_ ("Period"),          N_ ("State"), N_ ("Number of households"),
  N_ ("Open objections"),
};

static char *
notice_column_text (const BfNotice *notice, Column column)
{
  switch (column)
    {
      case COLUMN_TITLE:
        return g_strdup (notice->title);
      case COLUMN_KIND:
        return g_strdup (bf_code_label (BF_CODES_NOTICE_KIND, notice->kind));
      case COLUMN_VILLAGE:
        return g_strdup (notice->village_name ? notice->village_name : _ ("Whole township"));
      case COLUMN_PERIOD:
        return g_strdup_printf ("%s – %s", notice->starts_on, notice->ends_on);
      case COLUMN_STATE:
        return g_strdup (bf_code_label (BF_CODES_NOTICE_STATE, notice->state));
      case COLUMN_HOUSEHOLDS:
        return g_strdup_printf ("%u", notice->n_households);
      case COLUMN_OBJECTIONS:
        return g_strdup_printf ("%u", notice->n_open_objections);
      case N_COLUMNS:
      default:
        g_assert_not_reached ();
    }
  return NULL;
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  BfNoticeObject *object = gtk_list_item_get_item (item);
  g_autofree char *text = notice_column_text (object->notice, GPOINTER_TO_INT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* ---------------------------------------------------------------------------------------------
 * Small builders shared by the forms
 */

AdwEntryRow *
bf_notices_add_entry (AdwPreferencesGroup *group, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
bf_notices_add_combo (AdwPreferencesGroup *group, const char *title, GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_preferences_group_add (group, row);
  g_object_unref (labels);
  return ADW_COMBO_ROW (row);
}

GtkSpinButton *
bf_notices_add_spin (AdwPreferencesGroup *group, const char *title, int value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-1, 100000, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("−1: not recorded"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

AdwPreferencesGroup *
bf_notices_add_group (AdwPreferencesPage *page, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
bf_notices_add_row (AdwPreferencesGroup *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  return row;
}

GtkWidget *
bf_notices_action_button (const char *label, const char *action, const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  return button;
}

GtkStringList *
bf_notices_code_labels (BfCodeList list, const char *const *codes, gsize n_codes, const char *first)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (labels, first);
  for (gsize i = 0; i < n_codes; i++)
    gtk_string_list_append (labels, bf_code_label (list, codes[i]));
  return labels;
}

char *
bf_notices_today_text (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}

char *
bf_notices_entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* A page of the stack: a bar with Back, a title and @buttons, above a preferences page. */
AdwPreferencesPage *
bf_notices_show_form (BfNoticesPage *self, const char *name, const char *title, GtkWidget **buttons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *old = gtk_stack_get_child_by_name (self->stack, name);

  gtk_widget_set_tooltip_text (back, _ ("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "notices.back");
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), label);
  for (; buttons != NULL && *buttons != NULL; buttons++)
    gtk_box_append (GTK_BOX (bar), *buttons);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->problem_label), bar);

  if (old != NULL)
    gtk_stack_remove (self->stack, old);
  gtk_stack_add_named (self->stack, box, name);
  gtk_stack_set_visible_child (self->stack, box);
  return ADW_PREFERENCES_PAGE (page);
}

/* Shows @error (a refusal names its reason) above the form and as a bf_notices_toast; NULL clears
 * it. */
void
bf_notices_show_problem (BfNoticesPage *self, const GError *error)
{
  g_clear_pointer (&self->problem, g_free);
  if (error != NULL)
    {
      self->problem = g_strdup (error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  if (self->problem_label != NULL)
    {
      gtk_label_set_text (self->problem_label, self->problem ? self->problem : "");
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
    }
}

void
bf_notices_toast (BfNoticesPage *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---------------------------------------------------------------------------------------------
 * The list
 */

GtkStringList *
bf_notices_village_labels (BfNoticesPage *self, const char *first, const char *township)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (labels, first);
  if (township != NULL)
    gtk_string_list_append (labels, township);
  for (guint i = 0; self->villages != NULL && i < self->villages->len; i++)
    gtk_string_list_append (labels, ((BfVillage *) g_ptr_array_index (self->villages, i))->name);
  return labels;
}

gint64
bf_notices_village_at (BfNoticesPage *self, guint position)
{
  if (self->villages == NULL || position >= self->villages->len)
    return 0;
  return ((BfVillage *) g_ptr_array_index (self->villages, position))->id;
}

/* The list's read: the notices with their counts take about a second on a large register
 * (100,000 households), so it runs in a thread on its own read-only connection and the window
 * stays responsive. */
static gpointer
load_notices (BfStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  const BfNoticeQuery *query = data;
  g_autoptr (GPtrArray) notices = NULL;
  GPtrArray *items;

  notices = bf_store_list_notices (reader, query, error);
  if (notices == NULL)
    return NULL;
  items = g_ptr_array_new_full (notices->len, g_object_unref);
  for (guint i = 0; i < notices->len; i++)
    {
      BfNoticeObject *object = g_object_new (BF_TYPE_NOTICE_OBJECT, NULL);

      object->notice = g_steal_pointer (&notices->pdata[i]);
      g_ptr_array_add (items, object);
    }
  return items;
}

static void
set_loading (BfNoticesPage *self, gboolean loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_label), loading);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LOADING]);
}

/* Replaces the list in one change, so that the view updates once. */
static void
fill_list (BfNoticesPage *self, GPtrArray *items)
{
  bf_gui_list_store_replace (self->notices, items);
  /* Without a register, or until its notices are read, the empty columns rather than "No
   * Notices". */
  if (items != NULL)
    gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "notices" : "empty");
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = bf_gui_read_finish (result, &error);

  /* A newer read, a store change or the page going away cancelled this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (items != NULL)
    fill_list (self, items);
  else
    bf_notices_show_problem (self, error);
  set_loading (self, FALSE);
}

static void
cancel_load (BfNoticesPage *self)
{
  if (bf_gui_read_cancel (&self->load_cancellable))
    set_loading (self, FALSE);
}

void
bf_notices_page_refresh (BfNoticesPage *self)
{
  BfNoticeQuery *query; /* its strings are static */
  guint kind, state, village;

  g_return_if_fail (BF_IS_NOTICES_PAGE (self));

  cancel_load (self);
  if (self->store == NULL)
    {
      self->stale = FALSE;
      fill_list (self, NULL);
      return;
    }
  /* A register's notices are read when the page is first shown, not while the window opens on
   * another page. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  query = g_new0 (BfNoticeQuery, 1);
  kind = gtk_drop_down_get_selected (self->kind_filter);
  state = gtk_drop_down_get_selected (self->state_filter);
  village = gtk_drop_down_get_selected (self->village_filter);
  if (kind >= 1 && kind <= G_N_ELEMENTS (bf_notices_page_kinds))
    query->kind = bf_notices_page_kinds[kind - 1];
  if (state >= 1 && state <= G_N_ELEMENTS (states))
    query->state = states[state - 1];
  if (village == 1)
    query->village_id = -1;
  else if (village >= 2)
    query->village_id = bf_notices_village_at (self, village - 2);

  bf_gui_read_async (self, self->store, &self->load_cancellable, load_notices, query, g_free,
                     (GDestroyNotify) g_ptr_array_unref, load_done_cb, NULL);
  /* The old list stays until the new one is read, without flickering to empty. */
  set_loading (self, TRUE);
}

gboolean
bf_notices_page_get_loading (BfNoticesPage *self)
{
  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self), FALSE);
  return self->load_cancellable != NULL;
}

static void
filter_changed (BfNoticesPage *self)
{
  bf_notices_page_refresh (self);
}

guint
bf_notices_page_get_n_notices (BfNoticesPage *self)
{
  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->notices));
}

const char *
bf_notices_page_get_problem (BfNoticesPage *self)
{
  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self), NULL);
  return self->problem;
}

/* ---------------------------------------------------------------------------------------------
 * Settings: the register's are authoritative (the CLI reads them too); GSettings mirrors them
 */

static const struct
{
  const char *gsettings;
  const char *register_key;
  char type; /* 'i', 'b', 's' */
} mirrored[] = {
  { "notice-default-days", BF_SETTING_NOTICE_DAYS, 'i' },
  { "notice-minimum-days", BF_SETTING_NOTICE_MIN_DAYS, 'i' },
  { "township-notice", BF_SETTING_TOWNSHIP_NOTICE, 'b' },
  { "notice-mask-id", BF_SETTING_NOTICE_MASKED_IDS, 'b' },
  { "notice-issuing-body", BF_SETTING_NOTICE_ISSUER, 's' },
  { "notice-supervision-phone", BF_SETTING_SUPERVISION_PHONE, 's' },
};

static char *
gsettings_text (GSettings *settings, gsize i)
{
  switch (mirrored[i].type)
    {
      case 'i':
        return g_strdup_printf ("%d", g_settings_get_int (settings, mirrored[i].gsettings));
      case 'b':
        return g_strdup (g_settings_get_boolean (settings, mirrored[i].gsettings) ? "1" : "0");
      default:
        return g_settings_get_string (settings, mirrored[i].gsettings);
    }
}

static void
settings_changed (GSettings *settings, const char *key, BfNoticesPage *self)
{
  for (gsize i = 0; self->store != NULL && i < G_N_ELEMENTS (mirrored); i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *stored = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_equal (key, mirrored[i].gsettings))
        continue;
      value = gsettings_text (settings, i);
      stored = bf_store_setting_get (self->store, mirrored[i].register_key);
      if (g_strcmp0 (value, stored) != 0 &&
          !bf_store_setting_set (self->store, mirrored[i].register_key, value, &error))
        bf_notices_show_problem (self, error);
    }
}

static void
copy_settings_from_register (BfNoticesPage *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (mirrored); i++)
    {
      g_autofree char *stored = bf_store_setting_get (self->store, mirrored[i].register_key);
      g_autofree char *current = gsettings_text (self->settings, i);

      if (stored == NULL || g_strcmp0 (stored, current) == 0)
        continue;
      if (mirrored[i].type == 'i')
        g_settings_set_int (self->settings, mirrored[i].gsettings, atoi (stored));
      else if (mirrored[i].type == 'b')
        g_settings_set_boolean (self->settings, mirrored[i].gsettings, g_str_equal (stored, "1"));
      else
        g_settings_set_string (self->settings, mirrored[i].gsettings, stored);
    }
}

void
bf_notices_page_set_store (BfNoticesPage *self, BfStore *store)
{
  g_autoptr (GError) error = NULL;
  GtkStringList *villages;
  gboolean changed = store != self->store;

  g_return_if_fail (BF_IS_NOTICES_PAGE (self));

  cancel_load (self);
  if (changed)
    {
      fill_list (self, NULL);
      gtk_stack_set_visible_child_name (self->list_stack, "notices");
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_clear_pointer (&self->notice, bf_notice_free);
  g_clear_pointer (&self->meeting, bf_meeting_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->villages = bf_store_list_villages (store, &error);
      if (self->villages == NULL)
        bf_notices_show_problem (self, error);
      g_signal_handlers_block_by_func (self->settings, settings_changed, self);
      copy_settings_from_register (self);
      g_signal_handlers_unblock_by_func (self->settings, settings_changed, self);
    }
  villages = bf_notices_village_labels (self, _ ("All villages"), _ ("Whole township"));
  gtk_drop_down_set_model (self->village_filter, G_LIST_MODEL (villages));
  g_object_unref (villages);
  bf_notices_page_refresh (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STORE]);
}

BfStore *
bf_notices_page_get_store (BfNoticesPage *self)
{
  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self), NULL);
  return self->store;
}

/* ---------------------------------------------------------------------------------------------
 * A notice's details
 */

void
bf_notices_add_info (AdwPreferencesGroup *group, const char *title, const char *value)
{
  if (value != NULL && *value != '\0')
    bf_notices_add_row (group, title, value);
}

/* "3组 · ", or nothing for a household without a group. */
const char *
bf_notices_group_prefix (const char *group)
{
  static char buffer[256];

  if (group == NULL || *group == '\0')
    return "";
  g_snprintf (buffer, sizeof buffer, "%s · ", group);
  return buffer;
}

static void
show_detail (BfNoticesPage *self)
{
  const BfNotice *notice = self->notice;
  gboolean draft = g_str_equal (notice->state, "draft");
  gboolean posted = g_str_equal (notice->state, "posted");
  GtkWidget *buttons[8] = { NULL };
  g_autoptr (GPtrArray) objections = NULL;
  g_autofree char *period = NULL;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  guint n = 0, number = 0;

  if (draft)
    {
      buttons[n++] =
        bf_notices_action_button (_ ("_Delete"), "notice.delete", "destructive-action");
      buttons[n++] = bf_notices_action_button (_ ("_Edit"), "notice.edit", NULL);
      buttons[n++] = bf_notices_action_button (_ ("_Post"), "notice.post", "suggested-action");
    }
  if (posted)
    {
      buttons[n++] = bf_notices_action_button (_ ("Add _Objection"), "notice.add-objection", NULL);
      buttons[n++] = bf_notices_action_button (_ ("_Close Notice"), "notice.close", NULL);
    }
  buttons[n++] = bf_notices_action_button (_ ("Page _Setup"), "notice.page-setup", NULL);
  buttons[n++] = bf_notices_action_button (_ ("_Print…"), "notice.print", "suggested-action");
  /* Only a draft can change; posted and closed notices are history. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.edit", draft);
  page = bf_notices_show_form (self, "detail", notice->title, buttons);

  group = bf_notices_add_group (page, _ ("Notice"));
  period = g_strdup_printf ("%s – %s", notice->starts_on, notice->ends_on);
  bf_notices_add_info (group, _ ("Kind"), bf_code_label (BF_CODES_NOTICE_KIND, notice->kind));
  bf_notices_add_info (group, _ ("Village"),
                       notice->village_name ? notice->village_name : _ ("Whole township"));
  bf_notices_add_info (group, _ ("Period"), period);
  bf_notices_add_info (group, _ ("State"), bf_code_label (BF_CODES_NOTICE_STATE, notice->state));
  bf_notices_add_info (group, _ ("Posted on"), notice->posted_on);
  bf_notices_add_info (group, _ ("Closed on"), notice->closed_on);
  bf_notices_add_info (group, _ ("Issuing body"), notice->issuing_body);
  bf_notices_add_info (group, _ ("Supervision phone"), notice->supervision_phone);
  bf_notices_add_info (group, _ ("Posting place"), notice->posting_place);

  group = bf_notices_add_group (page, _ ("Households on the notice"));
  for (guint i = 0; i < notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (notice->items, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      BfStatus status;

      if (item->removed_on == NULL)
        number++;
      title = g_strdup_printf ("%s %s", item->household_number, item->head_name);
      if (item->removed_on != NULL)
        subtitle = g_strdup_printf (_ ("Taken off the notice on %s: %s"), item->removed_on,
                                    item->removed_reason ? item->removed_reason : "");
      else
        subtitle = g_strdup_printf (
          _ ("No. %u · %s%d members · %s"), number, bf_notices_group_prefix (item->group_name),
          item->member_count,
          bf_status_from_code (item->status, &status) ? bf_status_label (status) : item->status);
      bf_notices_add_row (group, title, subtitle);
    }

  group = bf_notices_add_group (page, _ ("Objections"));
  objections = bf_store_list_objections (self->store, notice->id, NULL);
  for (guint i = 0; objections != NULL && i < objections->len; i++)
    {
      const BfObjection *objection = g_ptr_array_index (objections, i);
      g_autofree char *title = g_strdup_printf ("%s %s · %s", objection->household_number,
                                                objection->head_name, objection->content);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_str_equal (objection->result, "pending"))
        subtitle = g_strdup_printf (_ ("Received on %s, open"), objection->received_on);
      else
        subtitle = g_strdup_printf (_ ("Received on %s, %s on %s"), objection->received_on,
                                    bf_code_label (BF_CODES_OBJECTION_RESULT, objection->result),
                                    objection->decided_on);
      row = bf_notices_add_row (group, title, subtitle);
      if (g_str_equal (objection->result, "pending"))
        {
          GtkWidget *decide = bf_notices_action_button (_ ("_Decide…"), NULL, NULL);

          gtk_actionable_set_action_target (GTK_ACTIONABLE (decide), "x", objection->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (decide), "objection.decide");
          gtk_widget_set_valign (decide, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), decide);
        }
    }
  if (objections == NULL || objections->len == 0)
    bf_notices_add_row (group, _ ("No objections"), NULL);
}

gboolean
bf_notices_page_open_notice (BfNoticesPage *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  BfNotice *notice;

  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self), FALSE);

  notice = bf_store_notice_get (self->store, id, &error);
  if (notice == NULL)
    {
      bf_notices_show_problem (self, error);
      return FALSE;
    }
  g_clear_pointer (&self->notice, bf_notice_free);
  self->notice = notice;
  show_detail (self);
  bf_notices_show_problem (self, NULL);
  return TRUE;
}

static void
notice_activated (GtkColumnView *view, guint position, BfNoticesPage *self)
{
  g_autoptr (BfNoticeObject) object =
    g_list_model_get_item (G_LIST_MODEL (self->notices), position);

  if (object != NULL)
    bf_notices_page_open_notice (self, object->notice->id);
}

/* Reopens the notice after a step, keeping @error (a refusal) on show. */
void
bf_notices_reopen_notice (BfNoticesPage *self, const GError *error)
{
  bf_notices_page_open_notice (self, self->notice->id);
  bf_notices_show_problem (self, error);
  bf_notices_page_refresh (self);
}

static void
post_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (bf_store_notice_post (self->store, self->notice->id, NULL, &error))
    bf_notices_toast (self, _ ("The notice is posted"));
  bf_notices_reopen_notice (self, error);
}

static void
close_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (bf_store_notice_close (self->store, self->notice->id, NULL, &error))
    bf_notices_toast (self, _ ("The notice is closed"));
  bf_notices_reopen_notice (self, error);
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (!bf_store_notice_delete (self->store, self->notice->id, &error))
    {
      bf_notices_show_problem (self, error);
      return;
    }
  bf_notices_toast (self, _ ("The draft is deleted"));
  gtk_stack_set_visible_child_name (self->stack, "list");
  bf_notices_page_refresh (self);
}

static void
back_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  /* Forms about a notice go back to it; the meeting form to the meetings. */
  if ((g_strcmp0 (current, "objection") == 0 || g_strcmp0 (current, "decide") == 0) &&
      self->notice != NULL)
    bf_notices_page_open_notice (self, self->notice->id);
  else if (g_strcmp0 (current, "create") == 0 && self->draft != NULL && self->draft->id != 0)
    bf_notices_page_open_notice (self, self->draft->id);
  else if (g_strcmp0 (current, "meeting") == 0)
    gtk_widget_activate_action (widget, "notices.meetings", NULL);
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      bf_notices_page_refresh (self);
    }
}

/* ---------------------------------------------------------------------------------------------
 * The widget
 */

G_DEFINE_FINAL_TYPE (BfNoticesPage, bf_notices_page, ADW_TYPE_BIN)

static void
bf_notices_page_dispose (GObject *object)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (object);

  bf_gui_read_cancel (&self->load_cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->notices);
  g_clear_object (&self->page_setup);
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  g_clear_pointer (&self->notice, bf_notice_free);
  g_clear_pointer (&self->draft, bf_notice_free);
  g_clear_pointer (&self->meeting, bf_meeting_free);
  g_clear_pointer (&self->create_checks, g_ptr_array_unref);
  g_clear_pointer (&self->vote_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  /* AdwBin unparents its child itself: the template must not do it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_NOTICES_PAGE);
  G_OBJECT_CLASS (bf_notices_page_parent_class)->dispose (object);
}

static void
bf_notices_page_map (GtkWidget *widget)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);

  GTK_WIDGET_CLASS (bf_notices_page_parent_class)->map (widget);
  if (self->stale)
    bf_notices_page_refresh (self);
}

static void
bf_notices_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (object);

  switch (prop_id)
    {
      case PROP_LOADING:
        g_value_set_boolean (value, bf_notices_page_get_loading (self));
        break;
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_notices_page_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        bf_notices_page_set_store (BF_NOTICES_PAGE (object), g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_notices_page_class_init (BfNoticesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_notices_page_dispose;
  object_class->get_property = bf_notices_page_get_property;
  object_class->set_property = bf_notices_page_set_property;

  /* TRUE while the list is read in the background. */
  props[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_STORE] = bf_gui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, props);
  widget_class->map = bf_notices_page_map;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/identification/bf-notices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, village_filter);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BfNoticesPage, loading_label);

  gtk_widget_class_install_action (widget_class, "notices.new", NULL, bf_notices_new_activated);
  gtk_widget_class_install_action (widget_class, "notices.meetings", NULL,
                                   bf_notices_meetings_activated);
  gtk_widget_class_install_action (widget_class, "notices.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "notice.prepare", NULL,
                                   bf_notices_prepare_activated);
  gtk_widget_class_install_action (widget_class, "notice.save-draft", NULL,
                                   bf_notices_save_draft_activated);
  gtk_widget_class_install_action (widget_class, "notice.post", NULL, post_activated);
  gtk_widget_class_install_action (widget_class, "notice.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "notice.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "notice.edit", NULL, bf_notices_edit_activated);
  gtk_widget_class_install_action (widget_class, "notice.print", NULL, bf_notices_print_activated);
  gtk_widget_class_install_action (widget_class, "notice.page-setup", NULL,
                                   bf_notices_page_setup_activated);
  gtk_widget_class_install_action (widget_class, "notice.add-objection", NULL,
                                   bf_notices_add_objection_activated);
  gtk_widget_class_install_action (widget_class, "objection.save", NULL,
                                   bf_notices_save_objection_activated);
  gtk_widget_class_install_action (widget_class, "objection.decide", "x",
                                   bf_notices_decide_activated);
  gtk_widget_class_install_action (widget_class, "objection.save-decision", NULL,
                                   bf_notices_save_decision_activated);
  gtk_widget_class_install_action (widget_class, "meeting.new", NULL,
                                   bf_notices_new_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.open", "x",
                                   bf_notices_open_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.add-waiting", NULL,
                                   bf_notices_add_waiting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.save", NULL,
                                   bf_notices_save_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL,
                                   bf_notices_delete_meeting_activated);
}

static void
bf_notices_page_init (BfNoticesPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;
  GtkStringList *kinds, *notice_states;

  gtk_widget_init_template (GTK_WIDGET (self));
  bf_gui_plain_flow_boxes (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self->settings, "changed", G_CALLBACK (settings_changed), self);
  self->notices = g_list_store_new (BF_TYPE_NOTICE_OBJECT);
  self->create_checks = g_ptr_array_new ();
  self->vote_widgets = g_ptr_array_new_with_free_func (g_free);
  self->page_setup = bf_notices_default_page_setup ();

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->notices)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_ (column_titles[c]), factory);
      gtk_column_view_column_set_expand (column, c == COLUMN_TITLE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
  g_signal_connect (self->column_view, "activate", G_CALLBACK (notice_activated), self);

  kinds = bf_notices_code_labels (BF_CODES_NOTICE_KIND, bf_notices_page_kinds, 4, _ ("All kinds"));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  notice_states = bf_notices_code_labels (BF_CODES_NOTICE_STATE, states, 3, _ ("All states"));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (notice_states));
  g_object_unref (notice_states);
  bf_notices_page_set_store (self, NULL);
  g_signal_connect_swapped (self->kind_filter, "notify::selected", G_CALLBACK (filter_changed),
                            self);
  g_signal_connect_swapped (self->state_filter, "notify::selected", G_CALLBACK (filter_changed),
                            self);
  g_signal_connect_swapped (self->village_filter, "notify::selected", G_CALLBACK (filter_changed),
                            self);
}

GtkWidget *
bf_notices_page_new (void)
{
  return g_object_new (BF_TYPE_NOTICES_PAGE, NULL);
}
