/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-documents-group.h"
#include "bf-gui-util.h"
#include "bf-poverty-lines-group.h"
#include "bf-preferences-window.h"

struct _BfPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  BfStore *store; /* the register of the window Preferences was opened from, or NULL */
  BfPovertyLinesGroup *poverty_lines_group;
  BfDocumentsGroup *documents_group;

  AdwEntryRow *operator_row;
  GtkSpinButton *notice_default_spin;
  GtkSpinButton *notice_minimum_spin;
  GtkSwitch *township_notice_switch;
  GtkSwitch *mask_id_switch;
  AdwEntryRow *issuing_body_row;
  AdwEntryRow *supervision_phone_row;
  GtkSpinButton *not_visited_spin;
  GtkSpinButton *follow_up_spin;
  gboolean rules_shown; /* the register's rules are in the spins: edits go back to it */
};

G_DEFINE_FINAL_TYPE (BfPreferencesWindow, bf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A notice is never posted for fewer days than the minimum, so the default follows it up. */
static void
minimum_changed_cb (BfPreferencesWindow *self)
{
  double minimum = gtk_spin_button_get_value (self->notice_minimum_spin);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->notice_default_spin);

  gtk_adjustment_set_lower (adjustment, minimum);
  if (gtk_spin_button_get_value (self->notice_default_spin) < minimum)
    gtk_spin_button_set_value (self->notice_default_spin, minimum);
}

/* The follow-up years and the visit interval are the register's rules (bangfu-cli and the lists
 * read them there). An edit is written to the register first: this handler runs before the
 * GSettings binding, so the lists that reload on the GSettings change see the new value. */
static void
rule_changed_cb (GtkSpinButton *spin, GParamSpec *pspec, BfPreferencesWindow *self)
{
  BfStore *store = self->store;
  gboolean years = spin == self->follow_up_spin;
  guint value = (guint) gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!self->rules_shown || store == NULL ||
      value == (years ? bf_store_followup_years (store) : bf_store_not_visited_days (store)))
    return;
  text = g_strdup_printf ("%u", value);
  if (!bf_store_setting_set (store, years ? BF_SETTING_FOLLOWUP_YEARS : BF_SETTING_NOT_VISITED_DAYS,
                             text, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

/* With a register open the spins show its rules, and GSettings follows them through the binding. */
static void
show_register_rules (BfPreferencesWindow *self)
{
  BfStore *store = self->store;

  if (store != NULL)
    {
      gtk_spin_button_set_value (self->follow_up_spin, bf_store_followup_years (store));
      gtk_spin_button_set_value (self->not_visited_spin, bf_store_not_visited_days (store));
    }
  self->rules_shown = TRUE;
}

static void
bind_settings (BfPreferencesWindow *self)
{
  const struct
  {
    const char *key;
    gpointer widget;
    const char *property;
  } bindings[] = {
    { "operator-name", self->operator_row, "text" },
    { "notice-minimum-days", self->notice_minimum_spin, "value" },
    { "notice-default-days", self->notice_default_spin, "value" },
    { "township-notice", self->township_notice_switch, "active" },
    { "notice-mask-id", self->mask_id_switch, "active" },
    { "notice-issuing-body", self->issuing_body_row, "text" },
    { "notice-supervision-phone", self->supervision_phone_row, "text" },
    { "not-visited-days", self->not_visited_spin, "value" },
    { "follow-up-years", self->follow_up_spin, "value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i].key, bindings[i].widget, bindings[i].property,
                     G_SETTINGS_BIND_DEFAULT);
  minimum_changed_cb (self);
  g_signal_connect_object (self->notice_minimum_spin, "value-changed",
                           G_CALLBACK (minimum_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bf_preferences_window_constructed (GObject *object)
{
  BfPreferencesWindow *self = BF_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (bf_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_signal_connect_object (self->follow_up_spin, "notify::value", G_CALLBACK (rule_changed_cb),
                           self, 0);
  g_signal_connect_object (self->not_visited_spin, "notify::value", G_CALLBACK (rule_changed_cb),
                           self, 0);
  bind_settings (self);
  bf_poverty_lines_group_set_store (self->poverty_lines_group, self->store);
  bf_documents_group_set_store (self->documents_group, self->store);
}

static void
bf_preferences_window_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  BfPreferencesWindow *self = BF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        g_value_set_object (value, self->settings);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_preferences_window_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  BfPreferencesWindow *self = BF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
      case PROP_SETTINGS:
        self->settings = g_value_dup_object (value);
        break;
      case PROP_STORE:
        self->store = g_value_dup_object (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (bf_preferences_window_parent_class)->dispose (object);
}

static void
bf_preferences_window_finalize (GObject *object)
{
  BfPreferencesWindow *self = BF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bf_preferences_window_parent_class)->finalize (object);
}

static void
toast_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (widget),
                                    adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
bf_preferences_window_class_init (BfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bf_preferences_window_constructed;
  object_class->get_property = bf_preferences_window_get_property;
  object_class->set_property = bf_preferences_window_set_property;
  object_class->dispose = bf_preferences_window_dispose;
  object_class->finalize = bf_preferences_window_finalize;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/shell/bf-preferences-window.ui");
  g_type_ensure (BF_TYPE_POVERTY_LINES_GROUP);
  g_type_ensure (BF_TYPE_DOCUMENTS_GROUP);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, notice_default_spin);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, notice_minimum_spin);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, township_notice_switch);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, mask_id_switch);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, issuing_body_row);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, supervision_phone_row);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, not_visited_spin);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, follow_up_spin);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, poverty_lines_group);
  gtk_widget_class_bind_template_child (widget_class, BfPreferencesWindow, documents_group);
  /* What "win.toast" is in the application window, for the groups shown in both. */
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
}

static void
describe_suffixes (BfPreferencesWindow *self)
{
  GtkWidget *suffixes[] = {
    GTK_WIDGET (self->notice_default_spin),    GTK_WIDGET (self->notice_minimum_spin),
    GTK_WIDGET (self->township_notice_switch), GTK_WIDGET (self->mask_id_switch),
    GTK_WIDGET (self->not_visited_spin),       GTK_WIDGET (self->follow_up_spin),
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    bf_describe_by_row (suffixes[i]);
}

static void
bf_preferences_window_init (BfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  describe_suffixes (self);
}

GtkWidget *
bf_preferences_window_new (GtkWindow *parent, GSettings *settings, BfStore *store)
{
  BfPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || BF_IS_STORE (store), NULL);

  self = g_object_new (BF_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "settings", settings,
                       "store", store, NULL);
  /* Only now are the settings bound: the register's rules go over them. */
  show_register_rules (self);
  return GTK_WIDGET (self);
}
