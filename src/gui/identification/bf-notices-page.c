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

const char *const bf_notices_page_kinds[4] = { "village_identification", "township", "county",
                                               "exit" };
static const char *const states[] = { "draft", "posted", "closed" };
static const char *const meeting_kinds[] = { "villagers", "representatives" };

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

static AdwEntryRow *
add_entry (AdwPreferencesGroup *group, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo (AdwPreferencesGroup *group, const char *title, GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_preferences_group_add (group, row);
  g_object_unref (labels);
  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
add_spin (AdwPreferencesGroup *group, const char *title, int value)
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

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
action_button (const char *label, const char *action, const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  return button;
}

static GtkStringList *
code_labels (BfCodeList list, const char *const *codes, gsize n_codes, const char *first)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (labels, first);
  for (gsize i = 0; i < n_codes; i++)
    gtk_string_list_append (labels, bf_code_label (list, codes[i]));
  return labels;
}

static char *
today_text (void)
{
  GDate today;

  bf_date_today (&today);
  return bf_date_format (&today);
}

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* A page of the stack: a bar with Back, a title and @buttons, above a preferences page. */
static AdwPreferencesPage *
show_form (BfNoticesPage *self, const char *name, const char *title, GtkWidget **buttons)
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

/* Shows @error (a refusal names its reason) above the form and as a toast; NULL clears it. */
static void
show_problem (BfNoticesPage *self, const GError *error)
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

static void
toast (BfNoticesPage *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---------------------------------------------------------------------------------------------
 * The list
 */

static GtkStringList *
village_labels (BfNoticesPage *self, const char *first, const char *township)
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

static gint64
village_at (BfNoticesPage *self, guint position)
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
    show_problem (self, error);
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
    query->village_id = village_at (self, village - 2);

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
        show_problem (self, error);
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
        show_problem (self, error);
      g_signal_handlers_block_by_func (self->settings, settings_changed, self);
      copy_settings_from_register (self);
      g_signal_handlers_unblock_by_func (self->settings, settings_changed, self);
    }
  villages = village_labels (self, _ ("All villages"), _ ("Whole township"));
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

static void
add_info (AdwPreferencesGroup *group, const char *title, const char *value)
{
  if (value != NULL && *value != '\0')
    add_row (group, title, value);
}

/* "3组 · ", or nothing for a household without a group. */
static const char *
group_prefix (const char *group)
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
      buttons[n++] = action_button (_ ("_Delete"), "notice.delete", "destructive-action");
      buttons[n++] = action_button (_ ("_Edit"), "notice.edit", NULL);
      buttons[n++] = action_button (_ ("_Post"), "notice.post", "suggested-action");
    }
  if (posted)
    {
      buttons[n++] = action_button (_ ("Add _Objection"), "notice.add-objection", NULL);
      buttons[n++] = action_button (_ ("_Close Notice"), "notice.close", NULL);
    }
  buttons[n++] = action_button (_ ("Page _Setup"), "notice.page-setup", NULL);
  buttons[n++] = action_button (_ ("_Print…"), "notice.print", "suggested-action");
  /* Only a draft can change; posted and closed notices are history. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.edit", draft);
  page = show_form (self, "detail", notice->title, buttons);

  group = add_group (page, _ ("Notice"));
  period = g_strdup_printf ("%s – %s", notice->starts_on, notice->ends_on);
  add_info (group, _ ("Kind"), bf_code_label (BF_CODES_NOTICE_KIND, notice->kind));
  add_info (group, _ ("Village"),
            notice->village_name ? notice->village_name : _ ("Whole township"));
  add_info (group, _ ("Period"), period);
  add_info (group, _ ("State"), bf_code_label (BF_CODES_NOTICE_STATE, notice->state));
  add_info (group, _ ("Posted on"), notice->posted_on);
  add_info (group, _ ("Closed on"), notice->closed_on);
  add_info (group, _ ("Issuing body"), notice->issuing_body);
  add_info (group, _ ("Supervision phone"), notice->supervision_phone);
  add_info (group, _ ("Posting place"), notice->posting_place);

  group = add_group (page, _ ("Households on the notice"));
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
          _ ("No. %u · %s%d members · %s"), number, group_prefix (item->group_name),
          item->member_count,
          bf_status_from_code (item->status, &status) ? bf_status_label (status) : item->status);
      add_row (group, title, subtitle);
    }

  group = add_group (page, _ ("Objections"));
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
      row = add_row (group, title, subtitle);
      if (g_str_equal (objection->result, "pending"))
        {
          GtkWidget *decide = action_button (_ ("_Decide…"), NULL, NULL);

          gtk_actionable_set_action_target (GTK_ACTIONABLE (decide), "x", objection->id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (decide), "objection.decide");
          gtk_widget_set_valign (decide, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), decide);
        }
    }
  if (objections == NULL || objections->len == 0)
    add_row (group, _ ("No objections"), NULL);
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
      show_problem (self, error);
      return FALSE;
    }
  g_clear_pointer (&self->notice, bf_notice_free);
  self->notice = notice;
  show_detail (self);
  show_problem (self, NULL);
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
static void
reopen_notice (BfNoticesPage *self, const GError *error)
{
  bf_notices_page_open_notice (self, self->notice->id);
  show_problem (self, error);
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
    toast (self, _ ("The notice is posted"));
  reopen_notice (self, error);
}

static void
close_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->notice == NULL)
    return;
  if (bf_store_notice_close (self->store, self->notice->id, NULL, &error))
    toast (self, _ ("The notice is closed"));
  reopen_notice (self, error);
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
      show_problem (self, error);
      return;
    }
  toast (self, _ ("The draft is deleted"));
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
 * Printing: the same pages as bangfu-cli notice-pdf, through GtkPrintOperation
 */

typedef struct
{
  BfNoticeSheet *sheet;
  BfNoticePages *pages;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->pages, bf_notice_pages_free);
  g_clear_pointer (&job->sheet, bf_notice_sheet_free);
  g_free (job);
}

static void
begin_print (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  g_clear_pointer (&job->pages, bf_notice_pages_free);
  job->pages = bf_notice_pages_new (job->sheet, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (
    operation,
    (int) bf_notice_pages_paginate (job->pages, gtk_print_context_get_cairo_context (context)));
}

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, PrintJob *job)
{
  bf_notice_pages_draw (job->pages, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 20, GTK_UNIT_MM);
  return setup;
}

static GtkPrintOperation *
print_operation (BfNoticesPage *self, GError **error)
{
  GtkPrintOperation *operation;
  PrintJob *job;
  BfNoticeSheet *sheet = bf_notice_sheet_load (self->store, self->notice->id, error);

  if (sheet == NULL)
    return NULL;
  job = g_new0 (PrintJob, 1);
  job->sheet = sheet;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->notice->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "bf-print-job", job,
                          (GDestroyNotify) print_job_free);
  return operation;
}

gboolean
bf_notices_page_export_pdf (BfNoticesPage *self, const char *path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (BF_IS_NOTICES_PAGE (self) && self->notice != NULL, FALSE);

  operation = print_operation (self, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->notice == NULL)
    return;
  operation = print_operation (self, &error);
  /* The print dialog has Preview; the page setup is ours (Page Setup) or the dialog's. */
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_problem (self, error);
}

static void
page_setup_done (GtkPageSetup *setup, gpointer data)
{
  BfNoticesPage *self = data;

  if (setup != NULL)
    g_set_object (&self->page_setup, setup);
  g_object_unref (self);
}

static void
page_setup_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_print_run_page_setup_dialog_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->page_setup, NULL, page_setup_done,
                                         g_object_ref (self));
}

/* ---------------------------------------------------------------------------------------------
 * A new notice
 */

static void
fill_draft (BfNoticesPage *self)
{
  const BfNotice *draft = self->draft;

  gtk_editable_set_text (GTK_EDITABLE (self->create_title), draft->title ? draft->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_ends), draft->ends_on ? draft->ends_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_issuer),
                         draft->issuing_body ? draft->issuing_body : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_phone),
                         draft->supervision_phone ? draft->supervision_phone : "");
  g_ptr_array_set_size (self->create_checks, 0);
  for (guint i = 0; i < draft->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (draft->items, i);
      g_autofree char *title = g_strdup_printf ("%s %s", item->household_number, item->head_name);
      g_autofree char *subtitle =
        g_strdup_printf (_ ("%s %s · %d members"), item->village_name ? item->village_name : "",
                         item->group_name ? item->group_name : "", item->member_count);
      GtkWidget *row = add_row (self->create_households, title, subtitle);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (self->create_checks, check);
    }
  if (draft->items->len == 0)
    add_row (self->create_households, _ ("No household is at this step"), NULL);
}

/* Refills the households group from self->draft (rows cannot be listed back out of a group). */
static void
rebuild_households (BfNoticesPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (
    gtk_widget_get_ancestor (GTK_WIDGET (self->create_households), ADW_TYPE_PREFERENCES_PAGE));

  adw_preferences_page_remove (page, self->create_households);
  self->create_households = add_group (page, _ ("Households at this step"));
  fill_draft (self);
}

static void
prepare_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *starts = entry_text (self->create_starts);
  guint kind = adw_combo_row_get_selected (self->create_kind);
  guint village = adw_combo_row_get_selected (self->create_village);
  BfNotice *draft;

  draft =
    bf_store_notice_prepare (self->store, bf_notices_page_kinds[MIN (kind, 3)],
                             village == 0 ? 0 : village_at (self, village - 1), starts, &error);
  show_problem (self, error);
  if (draft == NULL)
    return;
  g_clear_pointer (&self->draft, bf_notice_free);
  self->draft = draft;
  rebuild_households (self);
}

/* The create form, also used to edit a saved draft (@title says which). */
static void
show_notice_form (BfNoticesPage *self, const char *title, const char *starts)
{
  GtkWidget *buttons[] = {
    action_button (_ ("_Save Draft"), "notice.save-draft", "suggested-action"), NULL
  };
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *prepare;

  page = show_form (self, "create", title, buttons);
  group = add_group (page, _ ("Notice"));
  self->create_kind = add_combo (
    group, _ ("Kind"), code_labels (BF_CODES_NOTICE_KIND, bf_notices_page_kinds, 4, NULL));
  self->create_village =
    add_combo (group, _ ("Village"), village_labels (self, _ ("Whole township"), NULL));
  if (self->villages != NULL && self->villages->len > 0)
    adw_combo_row_set_selected (self->create_village, 1);
  self->create_starts = add_entry (group, _ ("First day (YYYY-MM-DD)"), starts);
  prepare = action_button (_ ("_Find Households"), "notice.prepare", NULL);
  gtk_widget_set_halign (prepare, GTK_ALIGN_END);
  gtk_widget_set_margin_top (prepare, 6);
  adw_preferences_group_set_header_suffix (group, prepare);

  group = add_group (page, _ ("Text"));
  self->create_title = add_entry (group, _ ("Title"), NULL);
  self->create_ends = add_entry (group, _ ("Last day (YYYY-MM-DD)"), NULL);
  self->create_issuer = add_entry (group, _ ("Issuing body"), NULL);
  self->create_phone = add_entry (group, _ ("Supervision phone"), NULL);
  self->create_place = add_entry (group, _ ("Posting place"), NULL);
  self->create_text = add_entry (group, _ ("Own paragraph (optional)"), NULL);
  self->create_households = add_group (page, _ ("Households at this step"));
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autofree char *today = today_text ();

  if (self->store == NULL)
    return;
  show_notice_form (self, _ ("New Notice"), today);
  gtk_widget_action_set_enabled (widget, "notice.prepare", TRUE);
  g_clear_pointer (&self->draft, bf_notice_free);
  gtk_widget_activate_action (widget, "notice.prepare", NULL);
}

/* The create form on the open draft, saving back into it. Its kind and village stay: the households
 * on it were chosen for them, and Find Households would only offer those on no open notice. */
static void
edit_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfNotice *draft;
  guint village = 0;

  if (self->notice == NULL || !g_str_equal (self->notice->state, "draft"))
    return;
  /* Read again: the draft is saved whole, so it starts from what the register holds. */
  draft = bf_store_notice_get (self->store, self->notice->id, &error);
  if (draft == NULL)
    {
      show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->draft, bf_notice_free);
  self->draft = draft;
  show_notice_form (self, _ ("Edit Draft"), draft->starts_on);
  for (guint i = 0; i < G_N_ELEMENTS (bf_notices_page_kinds); i++)
    if (g_strcmp0 (draft->kind, bf_notices_page_kinds[i]) == 0)
      adw_combo_row_set_selected (self->create_kind, i);
  for (guint i = 0; draft->village_id != 0 && self->villages != NULL && i < self->villages->len;
       i++)
    if (((BfVillage *) g_ptr_array_index (self->villages, i))->id == draft->village_id)
      village = i + 1;
  adw_combo_row_set_selected (self->create_village, village);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_kind), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_village), FALSE);
  gtk_widget_action_set_enabled (widget, "notice.prepare", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->create_place),
                         draft->posting_place ? draft->posting_place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->create_text), draft->body ? draft->body : "");
  fill_draft (self);
  show_problem (self, NULL);
}

static void
save_draft_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfNotice *draft = self->draft;

  if (draft == NULL)
    return;
  g_free (draft->title);
  draft->title = entry_text (self->create_title);
  g_free (draft->starts_on);
  draft->starts_on = entry_text (self->create_starts);
  g_free (draft->ends_on);
  draft->ends_on = entry_text (self->create_ends);
  g_free (draft->issuing_body);
  draft->issuing_body = entry_text (self->create_issuer);
  g_free (draft->supervision_phone);
  draft->supervision_phone = entry_text (self->create_phone);
  g_free (draft->posting_place);
  draft->posting_place = entry_text (self->create_place);
  g_free (draft->body);
  draft->body = entry_text (self->create_text);
  /* Unticked households stay off the notice. */
  for (guint i = self->create_checks->len; i > 0; i--)
    if (!gtk_check_button_get_active (g_ptr_array_index (self->create_checks, i - 1)))
      g_ptr_array_remove_index (draft->items, i - 1);
  g_ptr_array_set_size (self->create_checks, 0);

  if (!bf_store_notice_save (self->store, draft, &error))
    {
      show_problem (self, error);
      /* A new draft is prepared again; an edited one keeps the households still ticked. */
      if (draft->id == 0)
        gtk_widget_activate_action (widget, "notice.prepare", NULL);
      else
        rebuild_households (self);
      return;
    }
  toast (self, _ ("The draft is saved"));
  bf_notices_page_refresh (self);
  bf_notices_page_open_notice (self, draft->id);
}

/* ---------------------------------------------------------------------------------------------
 * Objections
 */

static void
add_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = { action_button (_ ("_Save"), "objection.save", "suggested-action"),
                           NULL };
  g_autofree char *today = today_text ();
  GtkStringList *households = gtk_string_list_new (NULL);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  if (self->notice == NULL)
    return;
  for (guint i = 0; i < self->notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (self->notice->items, i);
      g_autofree char *label = g_strdup_printf ("%s %s", item->household_number, item->head_name);

      if (item->removed_on == NULL)
        gtk_string_list_append (households, label);
    }
  page = show_form (self, "objection", _ ("New Objection"), buttons);
  group = add_group (page, self->notice->title);
  self->objection_household = add_combo (group, _ ("Household"), households);
  self->objection_received = add_entry (group, _ ("Received on (YYYY-MM-DD)"), today);
  self->objection_complainant =
    add_entry (group, _ ("Complainant (optional, never printed)"), NULL);
  self->objection_content = add_entry (group, _ ("What the objection says"), NULL);
  self->objection_verification = add_entry (group, _ ("Verification so far (optional)"), NULL);
}

/* The live item at @position among the live items. */
static const BfNoticeItem *
live_item_at (const BfNotice *notice, guint position)
{
  for (guint i = 0; i < notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (notice->items, i);

      if (item->removed_on == NULL && position-- == 0)
        return item;
    }
  return NULL;
}

static void
save_objection_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (BfObjection) objection = bf_objection_new ();
  g_autoptr (GError) error = NULL;
  const BfNoticeItem *item;

  if (self->notice == NULL)
    return;
  item = live_item_at (self->notice, adw_combo_row_get_selected (self->objection_household));
  objection->notice_id = self->notice->id;
  objection->household_id = item != NULL ? item->household_id : 0;
  objection->received_on = entry_text (self->objection_received);
  objection->complainant = entry_text (self->objection_complainant);
  objection->content = entry_text (self->objection_content);
  objection->verification = entry_text (self->objection_verification);
  if (!bf_store_objection_save (self->store, objection, &error))
    {
      show_problem (self, error);
      return;
    }
  toast (self, _ ("The objection is recorded"));
  reopen_notice (self, NULL);
}

static void
decide_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = {
    action_button (_ ("_Decide"), "objection.save-decision", "suggested-action"), NULL
  };
  g_autoptr (BfObjection) objection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = today_text ();
  g_autofree char *title = NULL;
  GtkStringList *results = gtk_string_list_new (NULL);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  objection = bf_store_objection_get (self->store, g_variant_get_int64 (parameter), &error);
  if (objection == NULL)
    {
      show_problem (self, error);
      return;
    }
  self->deciding = objection->id;
  gtk_string_list_append (results, _ ("Dismissed: the household stays on the notice"));
  gtk_string_list_append (results, _ ("Upheld: the household is not included"));
  gtk_string_list_append (results, _ ("Upheld: back for re-verification"));
  gtk_string_list_append (results, _ ("Upheld: off the county announcement only"));
  title = g_strdup_printf (_ ("Objection about %s %s"), objection->household_number,
                           objection->head_name);
  page = show_form (self, "decide", title, buttons);
  group = add_group (page, objection->content);
  add_info (group, _ ("Received on"), objection->received_on);
  add_info (group, _ ("Complainant"), objection->complainant);
  self->decide_verification =
    add_entry (group, _ ("What the verification found"), objection->verification);
  self->decide_result = add_combo (group, _ ("Result"), results);
  self->decide_reason = add_entry (group, _ ("Reason (when upheld)"), NULL);
  self->decide_date = add_entry (group, _ ("Decided on (YYYY-MM-DD)"), today);
}

static void
save_decision_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  static const BfObjectionDecision decisions[] = { BF_OBJECTION_DISMISS, BF_OBJECTION_UPHOLD_REJECT,
                                                   BF_OBJECTION_UPHOLD_RETURN,
                                                   BF_OBJECTION_UPHOLD };
  g_autoptr (GError) error = NULL;
  g_autofree char *verification = entry_text (self->decide_verification);
  g_autofree char *reason = entry_text (self->decide_reason);
  g_autofree char *date = entry_text (self->decide_date);
  guint result = MIN (adw_combo_row_get_selected (self->decide_result), 3);

  if (!bf_store_objection_decide (self->store, self->deciding, decisions[result], date,
                                  verification, reason, &error))
    {
      show_problem (self, error);
      return;
    }
  toast (self, _ ("The objection is decided"));
  reopen_notice (self, NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Appraisal meetings
 */

static void
meetings_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkWidget *buttons[] = { action_button (_ ("_New Meeting"), "meeting.new", "suggested-action"),
                           NULL };
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GError) error = NULL;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  if (self->store == NULL)
    return;
  page = show_form (self, "meetings", _ ("Democratic Appraisal Meetings"), buttons);
  group = add_group (page, NULL);
  meetings = bf_store_list_meetings (self->store, 0, &error);
  show_problem (self, error);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const BfMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *title =
        g_strdup_printf ("%s %s · %s", meeting->held_on, meeting->village_name,
                         bf_code_label (BF_CODES_MEETING_KIND, meeting->kind));
      g_autofree char *subtitle =
        g_strdup_printf (_ ("%u passed, %u failed, %u without a result"), meeting->n_passed,
                         meeting->n_failed, meeting->n_pending);
      GtkWidget *row = add_row (group, title, subtitle);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", meeting->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meeting.open");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  if (meetings == NULL || meetings->len == 0)
    add_row (group, _ ("No meetings yet"),
             _ ("A meeting appraises the verified households of one village."));
}

static GtkSpinButton *
vote_spin (GtkWidget *row, int value, const char *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return GTK_SPIN_BUTTON (spin);
}

static void
add_vote_row (BfNoticesPage *self, const BfAppraisalVote *vote)
{
  g_autofree char *title = g_strdup_printf ("%s %s", vote->household_number, vote->head_name);
  g_autofree char *subtitle =
    g_strdup_printf (_ ("%s%d members"), group_prefix (vote->group_name), vote->member_count);
  const char *results[] = { _ ("No result"), _ ("Passed"), _ ("Failed"), NULL };
  GtkWidget *row = add_row (self->meeting_votes, title, subtitle);
  VoteWidgets *widgets = g_new0 (VoteWidgets, 1);

  widgets->votes_for = vote_spin (row, vote->votes_for, _ ("For"));
  widgets->votes_against = vote_spin (row, vote->votes_against, _ ("Against"));
  widgets->abstentions = vote_spin (row, vote->abstentions, _ ("Abstaining"));
  widgets->result = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (results));
  gtk_drop_down_set_selected (widgets->result, vote->passed < 0 ? 0 : vote->passed ? 1 : 2);
  gtk_widget_set_valign (GTK_WIDGET (widgets->result), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (widgets->result));
  /* A saved result is history. */
  gtk_widget_set_sensitive (row, !vote->decided);
  g_ptr_array_add (self->vote_widgets, widgets);
}

static void
show_meeting (BfNoticesPage *self)
{
  const BfMeeting *meeting = self->meeting;
  GtkWidget *buttons[4] = { NULL };
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  gboolean moved = FALSE;
  guint village = 0, n = 0;

  /* The store refuses to delete a meeting once it has moved a household. */
  for (guint i = 0; i < meeting->votes->len; i++)
    moved |= ((BfAppraisalVote *) g_ptr_array_index (meeting->votes, i))->decided;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.delete", meeting->id != 0 && !moved);
  if (meeting->id != 0 && !moved)
    buttons[n++] = action_button (_ ("_Delete Meeting"), "meeting.delete", "destructive-action");
  buttons[n++] = action_button (_ ("Add _Waiting Households"), "meeting.add-waiting", NULL);
  buttons[n++] = action_button (_ ("_Save"), "meeting.save", "suggested-action");
  page = show_form (self, "meeting",
                    meeting->id ? _ ("Appraisal Meeting") : _ ("New Appraisal Meeting"), buttons);
  group = add_group (page, _ ("Meeting"));
  self->meeting_village = add_combo (group, _ ("Village"), village_labels (self, NULL, NULL));
  for (guint i = 0; self->villages != NULL && i < self->villages->len; i++)
    if (((BfVillage *) g_ptr_array_index (self->villages, i))->id == meeting->village_id)
      village = i;
  adw_combo_row_set_selected (self->meeting_village, village);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_village), meeting->votes->len == 0);
  self->meeting_date = add_entry (group, _ ("Held on (YYYY-MM-DD)"), meeting->held_on);
  self->meeting_kind =
    add_combo (group, _ ("Kind"), code_labels (BF_CODES_MEETING_KIND, meeting_kinds, 2, NULL));
  adw_combo_row_set_selected (self->meeting_kind,
                              g_strcmp0 (meeting->kind, "representatives") == 0);
  self->meeting_host = add_entry (group, _ ("Host"), meeting->host);
  self->meeting_entitled = add_spin (group, _ ("Entitled to attend"), meeting->entitled);
  self->meeting_present = add_spin (group, _ ("Present"), meeting->present);
  self->meeting_minutes = add_entry (group, _ ("Minutes"), meeting->minutes);

  self->meeting_votes = add_group (page, _ ("Households and votes"));
  adw_preferences_group_set_description (
    self->meeting_votes, _ ("Saving moves each household with a result: passed on to appraised, "
                            "failed to not included. All of them move, or none."));
  g_ptr_array_set_size (self->vote_widgets, 0);
  for (guint i = 0; i < meeting->votes->len; i++)
    add_vote_row (self, g_ptr_array_index (meeting->votes, i));
}

static void
new_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);

  g_clear_pointer (&self->meeting, bf_meeting_free);
  self->meeting = bf_meeting_new ();
  self->meeting->held_on = today_text ();
  self->meeting->kind = g_strdup ("representatives");
  self->meeting->village_id = village_at (self, 0);
  show_meeting (self);
}

static void
open_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;
  BfMeeting *meeting = bf_store_meeting_get (self->store, g_variant_get_int64 (parameter), &error);

  if (meeting == NULL)
    {
      show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->meeting, bf_meeting_free);
  self->meeting = meeting;
  show_meeting (self);
}

/* Copies the form into self->meeting. */
static void
read_meeting_form (BfNoticesPage *self)
{
  BfMeeting *meeting = self->meeting;

  meeting->village_id = village_at (self, adw_combo_row_get_selected (self->meeting_village));
  g_free (meeting->held_on);
  meeting->held_on = entry_text (self->meeting_date);
  g_free (meeting->kind);
  meeting->kind =
    g_strdup (meeting_kinds[MIN (adw_combo_row_get_selected (self->meeting_kind), 1)]);
  g_free (meeting->host);
  meeting->host = entry_text (self->meeting_host);
  meeting->entitled = gtk_spin_button_get_value_as_int (self->meeting_entitled);
  meeting->present = gtk_spin_button_get_value_as_int (self->meeting_present);
  g_free (meeting->minutes);
  meeting->minutes = entry_text (self->meeting_minutes);
  for (guint i = 0; i < meeting->votes->len && i < self->vote_widgets->len; i++)
    {
      BfAppraisalVote *vote = g_ptr_array_index (meeting->votes, i);
      VoteWidgets *widgets = g_ptr_array_index (self->vote_widgets, i);
      guint result = gtk_drop_down_get_selected (widgets->result);

      vote->votes_for = gtk_spin_button_get_value_as_int (widgets->votes_for);
      vote->votes_against = gtk_spin_button_get_value_as_int (widgets->votes_against);
      vote->abstentions = gtk_spin_button_get_value_as_int (widgets->abstentions);
      vote->passed = result == 0 ? -1 : result == 1 ? 1 : 0;
    }
}

static void
add_waiting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GPtrArray) waiting = NULL;
  g_autoptr (GError) error = NULL;
  guint added = 0;

  read_meeting_form (self);
  waiting = bf_store_meeting_waiting (self->store, self->meeting->village_id, &error);
  if (waiting == NULL)
    {
      show_problem (self, error);
      return;
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      const BfHouseholdRow *row = g_ptr_array_index (waiting, i);
      BfAppraisalVote *vote;
      gboolean present = FALSE;

      for (guint j = 0; j < self->meeting->votes->len; j++)
        present |=
          ((BfAppraisalVote *) g_ptr_array_index (self->meeting->votes, j))->household_id ==
          row->id;
      if (present)
        continue;
      vote = bf_appraisal_vote_new ();
      vote->household_id = row->id;
      vote->household_number = g_strdup (row->number);
      vote->head_name = g_strdup (row->head_name);
      vote->group_name = g_strdup (row->group_name);
      vote->member_count = row->member_count;
      g_ptr_array_add (self->meeting->votes, vote);
      added++;
    }
  show_meeting (self);
  if (added == 0)
    toast (self, _ ("No household of the village is waiting for appraisal"));
}

static void
save_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  g_autoptr (GError) error = NULL;

  read_meeting_form (self);
  if (!bf_store_meeting_save (self->store, self->meeting, &error))
    {
      show_problem (self, error);
      return;
    }
  toast (self, _ ("The meeting is saved"));
  {
    GVariant *id = g_variant_new_int64 (self->meeting->id);

    g_variant_ref_sink (id);
    open_meeting_activated (widget, "meeting.open", id);
    g_variant_unref (id);
  }
}

static void
delete_meeting_response (AdwMessageDialog *dialog, const char *response, BfNoticesPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->meeting == NULL || self->store == NULL)
    return;
  if (!bf_store_meeting_delete (self->store, self->meeting->id, &error))
    {
      show_problem (self, error);
      return;
    }
  g_clear_pointer (&self->meeting, bf_meeting_free);
  gtk_widget_activate_action (GTK_WIDGET (self), "notices.meetings", NULL);
  toast (self, _ ("The meeting is deleted"));
}

/* The store keeps no way back for a deleted meeting, so it asks first instead of offering Undo. */
static void
delete_meeting_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->meeting == NULL || self->meeting->id == 0)
    return;
  body = g_strdup_printf (_ ("The meeting held on %s and its recorded votes are removed. No "
                             "household has been moved by it, so none changes status."),
                          self->meeting->held_on ? self->meeting->held_on : "");
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Delete the Meeting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_meeting_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  gtk_widget_class_install_action (widget_class, "notices.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "notices.meetings", NULL, meetings_activated);
  gtk_widget_class_install_action (widget_class, "notices.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "notice.prepare", NULL, prepare_activated);
  gtk_widget_class_install_action (widget_class, "notice.save-draft", NULL, save_draft_activated);
  gtk_widget_class_install_action (widget_class, "notice.post", NULL, post_activated);
  gtk_widget_class_install_action (widget_class, "notice.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "notice.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "notice.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "notice.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "notice.page-setup", NULL, page_setup_activated);
  gtk_widget_class_install_action (widget_class, "notice.add-objection", NULL,
                                   add_objection_activated);
  gtk_widget_class_install_action (widget_class, "objection.save", NULL, save_objection_activated);
  gtk_widget_class_install_action (widget_class, "objection.decide", "x", decide_activated);
  gtk_widget_class_install_action (widget_class, "objection.save-decision", NULL,
                                   save_decision_activated);
  gtk_widget_class_install_action (widget_class, "meeting.new", NULL, new_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.open", "x", open_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.add-waiting", NULL,
                                   add_waiting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.save", NULL, save_meeting_activated);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL, delete_meeting_activated);
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
  self->page_setup = default_page_setup ();

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

  kinds = code_labels (BF_CODES_NOTICE_KIND, bf_notices_page_kinds, 4, _ ("All kinds"));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  notice_states = code_labels (BF_CODES_NOTICE_STATE, states, 3, _ ("All states"));
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
