/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-form.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_CHOICE,
  FIELD_SWITCH,
} FieldKind;

typedef struct
{
  BfForm *form;
  char *key;
  FieldKind kind;
  GtkWidget *widget;
  GStrv values;       /* FIELD_CHOICE */
  char *switch_value; /* FIELD_SWITCH: "", "0" or "1" */
  char *message;      /* error or warning shown below the field */
  gboolean is_error;
  GtkWidget *message_row; /* created on the first message */
  GtkWidget *message_label;
  gulong handler;
} Field;

struct _BfForm
{
  GObject parent_instance;

  GPtrArray *fields; /* Field, in the order added */
  GHashTable *by_key;
  guint loading;
};

G_DEFINE_FINAL_TYPE (BfForm, bf_form, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  if (field->handler != 0 && field->widget != NULL)
    g_signal_handler_disconnect (field->widget, field->handler);
  g_clear_object (&field->widget);
  g_clear_object (&field->message_row);
  g_free (field->key);
  g_strfreev (field->values);
  g_free (field->switch_value);
  g_free (field->message);
  g_free (field);
}

static void
bf_form_finalize (GObject *object)
{
  BfForm *self = BF_FORM (object);

  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (bf_form_parent_class)->finalize (object);
}

static void
bf_form_class_init (BfFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bf_form_finalize;

  /* The key of the field that changed; NULL after bf_form_load(). Not emitted for
   * programmatic bf_form_set() calls made while loading. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bf_form_init (BfForm *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

BfForm *
bf_form_new (void)
{
  return g_object_new (BF_TYPE_FORM, NULL);
}

static void
emit_changed (Field *field)
{
  if (field->form->loading == 0)
    g_signal_emit (field->form, signals[SIGNAL_CHANGED], 0, field->key);
}

static Field *
add_field (BfForm *self, const char *key, FieldKind kind, GtkWidget *widget)
{
  Field *field = g_new0 (Field, 1);

  g_return_val_if_fail (!g_hash_table_contains (self->by_key, key), NULL);

  field->form = self;
  field->key = g_strdup (key);
  field->kind = kind;
  field->widget = g_object_ref (widget);
  g_ptr_array_add (self->fields, field);
  g_hash_table_insert (self->by_key, field->key, field);
  return field;
}

static Field *
get_field (BfForm *self, const char *key)
{
  Field *field = g_hash_table_lookup (self->by_key, key);

  if (field == NULL)
    g_critical ("BfForm: no field \"%s\"", key);
  return field;
}

static void
on_text_changed (GtkEditable *editable, Field *field)
{
  emit_changed (field);
}

void
bf_form_add_text (BfForm *self, const char *key, GtkWidget *widget)
{
  Field *field;

  g_return_if_fail (BF_IS_FORM (self));
  g_return_if_fail (GTK_IS_EDITABLE (widget));

  field = add_field (self, key, FIELD_TEXT, widget);
  field->handler = g_signal_connect (widget, "changed", G_CALLBACK (on_text_changed), field);
}

static void
on_choice_selected (AdwComboRow *row, GParamSpec *pspec, Field *field)
{
  emit_changed (field);
}

static void
fill_choices (Field *field, const char *const *values, const char *const *labels)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new ((const char *const *) labels);

  g_strfreev (field->values);
  field->values = g_strdupv ((char **) values);
  adw_combo_row_set_model (ADW_COMBO_ROW (field->widget), G_LIST_MODEL (model));
}

void
bf_form_add_choice (BfForm *self,
                    const char *key,
                    AdwComboRow *row,
                    const char *const *values,
                    const char *const *labels)
{
  Field *field;

  g_return_if_fail (BF_IS_FORM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (g_strv_length ((char **) values) == g_strv_length ((char **) labels));

  field = add_field (self, key, FIELD_CHOICE, GTK_WIDGET (row));
  fill_choices (field, values, labels);
  field->handler =
    g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected), field);
}

void
bf_form_add_codes (BfForm *self,
                   const char *key,
                   AdwComboRow *row,
                   BfCodeList list,
                   const char *none_label)
{
  gsize n_codes = 0;
  const BfCode *codes = bf_codes (list, &n_codes);
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) v = NULL;
  g_auto (GStrv) l = NULL;

  if (none_label != NULL)
    {
      g_strv_builder_add (values, "");
      g_strv_builder_add (labels, none_label);
    }
  for (gsize i = 0; i < n_codes; i++)
    {
      g_strv_builder_add (values, codes[i].code);
      g_strv_builder_add (labels, bf_code_label (list, codes[i].code));
    }
  v = g_strv_builder_end (values);
  l = g_strv_builder_end (labels);
  bf_form_add_choice (self, key, row, (const char *const *) v, (const char *const *) l);
}

static void
on_switch_active (GtkSwitch *widget, GParamSpec *pspec, Field *field)
{
  g_free (field->switch_value);
  field->switch_value = g_strdup (gtk_switch_get_active (widget) ? "1" : "0");
  emit_changed (field);
}

void
bf_form_add_switch (BfForm *self, const char *key, GtkSwitch *widget)
{
  Field *field;

  g_return_if_fail (BF_IS_FORM (self));
  g_return_if_fail (GTK_IS_SWITCH (widget));

  field = add_field (self, key, FIELD_SWITCH, GTK_WIDGET (widget));
  field->switch_value = g_strdup ("");
  field->handler =
    g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_active), field);
}

static guint
choice_index (Field *field, const char *value)
{
  for (guint i = 0; field->values[i] != NULL; i++)
    if (g_strcmp0 (field->values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
bf_form_set_choices (BfForm *self,
                     const char *key,
                     const char *const *values,
                     const char *const *labels)
{
  Field *field = get_field (self, key);
  g_autofree char *current = NULL;
  guint index;

  g_return_if_fail (field != NULL && field->kind == FIELD_CHOICE);

  current = g_strdup (bf_form_get (self, key));
  g_signal_handler_block (field->widget, field->handler);
  fill_choices (field, values, labels);
  index = choice_index (field, current);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                              index == GTK_INVALID_LIST_POSITION ? 0 : index);
  g_signal_handler_unblock (field->widget, field->handler);
  if (g_strcmp0 (current, bf_form_get (self, key)) != 0)
    emit_changed (field);
}

gboolean
bf_form_has_field (BfForm *self, const char *key)
{
  return g_hash_table_contains (self->by_key, key);
}

GtkWidget *
bf_form_get_widget (BfForm *self, const char *key)
{
  Field *field = get_field (self, key);

  return field != NULL ? field->widget : NULL;
}

static const char *
field_get (Field *field)
{
  guint index;

  switch (field->kind)
    {
      case FIELD_TEXT:
        return gtk_editable_get_text (GTK_EDITABLE (field->widget));
      case FIELD_CHOICE:
        index = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
        if (index == GTK_INVALID_LIST_POSITION || index >= g_strv_length (field->values))
          return "";
        return field->values[index];
      case FIELD_SWITCH:
        return field->switch_value;
      default:
        g_assert_not_reached ();
    }
}

const char *
bf_form_get (BfForm *self, const char *key)
{
  Field *field = get_field (self, key);

  return field != NULL ? field_get (field) : "";
}

char *
bf_form_dup_stripped (BfForm *self, const char *key)
{
  char *value = g_strstrip (g_strdup (bf_form_get (self, key)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static void
field_set (Field *field, const char *value)
{
  guint index;

  if (value == NULL)
    value = "";
  switch (field->kind)
    {
      case FIELD_TEXT:
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), value) != 0)
          gtk_editable_set_text (GTK_EDITABLE (field->widget), value);
        break;
      case FIELD_CHOICE:
        index = choice_index (field, value);
        if (index == GTK_INVALID_LIST_POSITION)
          index = 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), index);
        break;
      case FIELD_SWITCH:
        /* Set the widget first: its notify handler stores "0"/"1", then the real value wins. */
        gtk_switch_set_active (GTK_SWITCH (field->widget), g_strcmp0 (value, "1") == 0);
        g_free (field->switch_value);
        field->switch_value =
          g_strdup (g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "0") == 0 ? value : "");
        break;
      default:
        g_assert_not_reached ();
    }
}

void
bf_form_set (BfForm *self, const char *key, const char *value)
{
  Field *field = get_field (self, key);

  if (field != NULL)
    field_set (field, value);
}

JsonObject *
bf_form_to_json (BfForm *self)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      json_object_set_string_member (object, field->key, field_get (field));
    }
  return object;
}

void
bf_form_load (BfForm *self, JsonObject *object)
{
  self->loading++;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *value = NULL;

      if (object != NULL && json_object_has_member (object, field->key))
        value = json_object_get_string_member_with_default (object, field->key, "");
      field_set (field, value);
    }
  self->loading--;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL);
}

static void
ensure_message_row (Field *field)
{
  GtkWidget *row;
  GtkWidget *list;

  if (field->message_row != NULL)
    return;

  row = gtk_widget_get_ancestor (field->widget, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || !GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    return;
  list = gtk_widget_get_parent (row);

  field->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (field->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (field->message_label), 0.0);
  gtk_widget_set_margin_start (field->message_label, 12);
  gtk_widget_set_margin_end (field->message_label, 12);
  gtk_widget_set_margin_top (field->message_label, 6);
  gtk_widget_set_margin_bottom (field->message_label, 6);
  gtk_widget_add_css_class (field->message_label, "caption");

  field->message_row = g_object_ref_sink (adw_preferences_row_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_widget_set_focusable (field->message_row, FALSE);
  gtk_widget_add_css_class (field->message_row, "bf-field-message");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), field->message_label);
  gtk_list_box_insert (GTK_LIST_BOX (list), field->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->message_label, NULL,
                                  -1);
}

static void
set_message (BfForm *self, const char *key, const char *message, gboolean is_error)
{
  Field *field = get_field (self, key);
  GtkWidget *row;

  if (field == NULL)
    return;
  if (g_strcmp0 (field->message, message) == 0 && field->is_error == is_error)
    return;

  g_free (field->message);
  field->message = g_strdup (message);
  field->is_error = message != NULL && is_error;

  row = gtk_widget_get_ancestor (field->widget, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL)
    row = field->widget;
  if (field->is_error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (message != NULL && !is_error)
    gtk_widget_add_css_class (row, "warning");
  else
    gtk_widget_remove_css_class (row, "warning");

  if (message != NULL)
    ensure_message_row (field);
  if (field->message_row == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (field->message_label), message != NULL ? message : "");
  gtk_widget_remove_css_class (field->message_label, "error");
  gtk_widget_remove_css_class (field->message_label, "warning");
  gtk_widget_add_css_class (field->message_label, is_error ? "error" : "warning");
  gtk_widget_set_visible (field->message_row, message != NULL);
  gtk_accessible_update_state (
    GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_STATE_INVALID,
    field->is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

void
bf_form_set_error (BfForm *self, const char *key, const char *message)
{
  set_message (self, key, message, TRUE);
}

void
bf_form_set_warning (BfForm *self, const char *key, const char *message)
{
  set_message (self, key, message, FALSE);
}

const char *
bf_form_get_error (BfForm *self, const char *key)
{
  Field *field = get_field (self, key);

  return field != NULL && field->is_error ? field->message : NULL;
}

void
bf_form_clear_messages (BfForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      set_message (self, field->key, NULL, FALSE);
    }
}

const char *
bf_form_first_error (BfForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      if (field->is_error)
        return field->key;
    }
  return NULL;
}

guint
bf_form_count_errors (BfForm *self)
{
  guint n = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      if (field->is_error)
        n++;
    }
  return n;
}

gboolean
bf_form_json_equal (JsonObject *a, JsonObject *b)
{
  g_autoptr (JsonNode) na = json_node_init_object (json_node_alloc (), a);
  g_autoptr (JsonNode) nb = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (na, nb);
}

static GtkWidget *
build_entry_row (const BfFieldSpec *spec)
{
  GtkWidget *row;

  if (spec->kind == BF_FIELD_SECRET)
    row = adw_password_entry_row_new ();
  else
    row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (spec->title));
  switch (spec->kind)
    {
      case BF_FIELD_NUMBER:
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
        break;
      case BF_FIELD_PHONE:
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
        break;
      case BF_FIELD_DATE:
        gtk_widget_set_tooltip_text (row, _ ("A date such as 2026-03-15"));
        break;
      default:
        break;
    }
  return row;
}

static GtkWidget *
build_switch_row (BfForm *self, const char *key, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  /* The row names its activatable widget after its title. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  bf_form_add_switch (self, key, GTK_SWITCH (widget));
  return row;
}

void
bf_form_build (BfForm *self, AdwPreferencesGroup *group, const BfFieldSpec *specs, gsize n_specs)
{
  for (gsize i = 0; i < n_specs; i++)
    {
      const BfFieldSpec *spec = &specs[i];
      GtkWidget *row = NULL;
      GtkWidget *widget;
      const char *empty[] = { NULL };

      switch (spec->kind)
        {
          case BF_FIELD_CODES:
          case BF_FIELD_CHOICE:
            row = adw_combo_row_new ();
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (spec->title));
            adw_preferences_group_add (group, row);
            if (spec->kind == BF_FIELD_CODES)
              bf_form_add_codes (self, spec->key, ADW_COMBO_ROW (row), spec->codes,
                                 spec->none_label != NULL ? _ (spec->none_label) : NULL);
            else
              bf_form_add_choice (self, spec->key, ADW_COMBO_ROW (row), empty, empty);
            continue;
          case BF_FIELD_SWITCH:
            row = build_switch_row (self, spec->key, _ (spec->title));
            adw_preferences_group_add (group, row);
            continue;
          case BF_FIELD_NOTE_SWITCH:
            row = build_entry_row (spec);
            widget = gtk_switch_new ();
            gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
            gtk_widget_set_tooltip_text (widget, _ ("Secured"));
            adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), widget);
            /* Named like its row: the note and the switch are one guarantee. */
            gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            _ (spec->title), -1);
            adw_preferences_group_add (group, row);
            bf_form_add_text (self, spec->key, row);
            bf_form_add_switch (self, spec->key2, GTK_SWITCH (widget));
            continue;
          case BF_FIELD_TEXT:
          case BF_FIELD_NUMBER:
          case BF_FIELD_DATE:
          case BF_FIELD_PHONE:
          case BF_FIELD_SECRET:
          default:
            row = build_entry_row (spec);
            adw_preferences_group_add (group, row);
            bf_form_add_text (self, spec->key, row);
            continue;
        }
    }
}

typedef struct
{
  BfUnsavedCallback callback;
  gpointer data;
} AskData;

static void
on_unsaved_response (AdwMessageDialog *dialog, const char *response, AskData *ask)
{
  BfUnsavedResponse value = BF_UNSAVED_CANCEL;

  if (g_strcmp0 (response, "save") == 0)
    value = BF_UNSAVED_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    value = BF_UNSAVED_DISCARD;
  ask->callback (value, ask->data);
  g_free (ask);
}

void
bf_form_ask_unsaved (GtkWidget *parent,
                     const char *heading,
                     const char *body,
                     const char *save_label,
                     BfUnsavedCallback callback,
                     gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;
  AskData *ask = g_new0 (AskData, 1);

  ask->callback = callback;
  ask->data = data;
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bf_form_scroll_to_top (AdwPreferencesPage *page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)),
                              0.0);
}

void
bf_form_show_toast (GtkWidget *widget, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
bf_form_add_record_choices (GStrvBuilder *values,
                            GStrvBuilder *labels,
                            GPtrArray *records,
                            gsize id_offset,
                            gsize name_offset)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      g_autofree char *id =
        g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) G_STRUCT_MEMBER_P (record, id_offset));

      g_strv_builder_add (values, id);
      g_strv_builder_add (labels, *(char **) G_STRUCT_MEMBER_P (record, name_offset));
    }
}
