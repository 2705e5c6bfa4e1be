/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-plans-util.h"
#include "bf-visit-form.h"

static const BfFieldSpec visit_fields[] = {
  { "visited_on", BF_FIELD_DATE, N_ ("Visit date") },
  { "visitor", BF_FIELD_TEXT, N_ ("Visitor") },
  { "helper", BF_FIELD_CHOICE, N_ ("Helper") },
  { "mode", BF_FIELD_CODES, N_ ("Mode"), BF_CODES_VISIT_MODE },
  { "satisfaction", BF_FIELD_CODES, N_ ("Satisfaction"), BF_CODES_SATISFACTION, N_ ("Not rated") },
};

static const BfFieldSpec findings_fields[] = {
  { "findings", BF_FIELD_TEXT, N_ ("Findings") },
  { "problems", BF_FIELD_TEXT, N_ ("Problems found") },
  { "rectification", BF_FIELD_TEXT, N_ ("Rectification") },
  { "deadline", BF_FIELD_DATE, N_ ("Rectification deadline") },
  { "rectified_on", BF_FIELD_DATE, N_ ("Rectified on") },
  { "notes", BF_FIELD_TEXT, N_ ("Notes") },
};

struct _BfVisitForm
{
  GtkWidget parent_instance;

  GtkWidget *root_box;
  AdwWindowTitle *window_title;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *visit_group;
  AdwPreferencesGroup *findings_group;

  BfForm *form;
  BfStore *store;
  BfVisit *visit;           /* as loaded (id 0: new) */
  GHashTable *helper_names; /* id text -> name, to fill in the visitor */
  char *problem;
};

G_DEFINE_FINAL_TYPE (BfVisitForm, bf_visit_form, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_problem (BfVisitForm *self, const char *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

static void
load_helpers (BfVisitForm *self, gint64 keep_id)
{
  g_autoptr (GPtrArray) helpers =
    self->store != NULL ? bf_store_helper_list (self->store, TRUE, NULL) : NULL;
  g_auto (GStrv) values = NULL;
  g_auto (GStrv) labels = NULL;

  g_hash_table_remove_all (self->helper_names);
  for (guint i = 0; helpers != NULL && i < helpers->len; i++)
    {
      const BfHelper *h = g_ptr_array_index (helpers, i);
      g_hash_table_insert (self->helper_names, bf_plans_id_text (h->id), g_strdup (h->name));
    }
  bf_plans_helper_choices (self->store, _ ("Someone else"), keep_id, &values, &labels);
  bf_form_set_choices (self->form, "helper", (const char *const *) values,
                       (const char *const *) labels);
}

void
bf_visit_form_set_visit (BfVisitForm *self,
                         BfStore *store,
                         gint64 household_id,
                         const char *title,
                         const BfVisit *visit,
                         gint64 helper_id)
{
  g_autoptr (JsonObject) fields = json_object_new ();
  g_autofree char *helper = NULL;
  BfVisit *v;

  g_return_if_fail (BF_IS_VISIT_FORM (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->visit, bf_visit_free);
  if (visit != NULL)
    {
      v = bf_visit_copy (visit);
    }
  else
    {
      v = bf_visit_new ();
      v->visited_on = bf_plans_today ();
      v->mode = g_strdup ("home");
      v->helper_id = helper_id;
    }
  v->household_id = household_id;
  self->visit = v;
  load_helpers (self, v->helper_id);
  helper = bf_plans_id_text (v->helper_id);
  if (v->visitor == NULL && v->helper_id != 0)
    v->visitor = g_strdup (g_hash_table_lookup (self->helper_names, helper));

#define SET(key, value) json_object_set_string_member (fields, key, (value) != NULL ? (value) : "")
  SET ("visited_on", v->visited_on);
  SET ("visitor", v->visitor);
  SET ("helper", helper);
  SET ("mode", v->mode);
  SET ("satisfaction", v->satisfaction);
  SET ("findings", v->findings);
  SET ("problems", v->problems);
  SET ("rectification", v->rectification);
  SET ("deadline", v->deadline);
  SET ("rectified_on", v->rectified_on);
  SET ("notes", v->notes);
#undef SET
  bf_form_clear_messages (self->form);
  bf_form_load (self->form, fields);
  set_problem (self, NULL);
  adw_window_title_set_title (self->window_title, v->id == 0 ? _ ("Record a Visit") : _ ("Visit"));
  adw_window_title_set_subtitle (self->window_title, title);
}

static void
form_changed_cb (BfVisitForm *self, const char *key)
{
  g_autofree char *visitor = bf_form_dup_stripped (self->form, "visitor");

  /* Choosing the helper who visited fills in the visitor's name when it was empty. */
  if (g_strcmp0 (key, "helper") == 0 && visitor == NULL)
    {
      const char *name =
        g_hash_table_lookup (self->helper_names, bf_form_get (self->form, "helper"));
      if (name != NULL)
        bf_form_set (self->form, "visitor", name);
    }
  if (key != NULL)
    bf_form_set_error (self->form, key, NULL);
}

gboolean
bf_visit_form_save (BfVisitForm *self)
{
  g_autoptr (BfVisit) v = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_VISIT_FORM (self), FALSE);

  if (self->store == NULL || self->visit == NULL)
    return FALSE;
  bf_form_clear_messages (self->form);
  v = bf_visit_copy (self->visit);
  bf_plans_form_take (self->form, "visitor", &v->visitor);
  bf_plans_form_take (self->form, "mode", &v->mode);
  bf_plans_form_take (self->form, "satisfaction", &v->satisfaction);
  bf_plans_form_take (self->form, "findings", &v->findings);
  bf_plans_form_take (self->form, "problems", &v->problems);
  bf_plans_form_take (self->form, "rectification", &v->rectification);
  bf_plans_form_take (self->form, "notes", &v->notes);
  v->helper_id = bf_plans_id_parse (bf_form_get (self->form, "helper"));
  g_clear_pointer (&v->visited_on, g_free);
  g_clear_pointer (&v->deadline, g_free);
  g_clear_pointer (&v->rectified_on, g_free);
  ok &= bf_plans_form_date (self->form, "visited_on", &v->visited_on);
  ok &= bf_plans_form_date (self->form, "deadline", &v->deadline);
  ok &= bf_plans_form_date (self->form, "rectified_on", &v->rectified_on);
  if (v->visitor == NULL)
    {
      bf_form_set_error (self->form, "visitor", _ ("Who made the visit?"));
      ok = FALSE;
    }
  if (v->visited_on == NULL && bf_form_get_error (self->form, "visited_on") == NULL)
    {
      bf_form_set_error (self->form, "visited_on", _ ("When was the visit?"));
      ok = FALSE;
    }
  if (v->problems == NULL && v->rectified_on != NULL)
    {
      bf_form_set_error (self->form, "rectified_on", _ ("There are no problems to rectify."));
      ok = FALSE;
    }
  if (!ok)
    {
      set_problem (self, _ ("Some fields need attention."));
      gtk_widget_grab_focus (bf_form_get_widget (self->form, bf_form_first_error (self->form)));
      return FALSE;
    }
  if (!bf_store_visit_save (self->store, v, &error))
    {
      set_problem (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->visit, bf_visit_free);
  self->visit = g_steal_pointer (&v);
  set_problem (self, NULL);
  bf_gui_toast (GTK_WIDGET (self), _ ("Visit saved"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->visit->id);
  bf_plans_close_window (GTK_WIDGET (self));
  return TRUE;
}

BfForm *
bf_visit_form_get_form (BfVisitForm *self)
{
  g_return_val_if_fail (BF_IS_VISIT_FORM (self), NULL);
  return self->form;
}

const char *
bf_visit_form_get_problem (BfVisitForm *self)
{
  g_return_val_if_fail (BF_IS_VISIT_FORM (self), NULL);
  return self->problem;
}

BfVisitForm *
bf_visit_form_present (GtkWidget *parent,
                       BfStore *store,
                       gint64 household_id,
                       const char *title,
                       const BfVisit *visit,
                       gint64 helper_id)
{
  BfVisitForm *form = BF_VISIT_FORM (bf_visit_form_new ());

  bf_visit_form_set_visit (form, store, household_id, title, visit, helper_id);
  bf_plans_present (parent, GTK_WIDGET (form), _ ("Visit"), 560, 720);
  return form;
}

static void
action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfVisitForm *self = BF_VISIT_FORM (widget);

  if (g_str_equal (action_name, "visit.save"))
    bf_visit_form_save (self);
  else
    bf_plans_close_window (widget);
}

static void
bf_visit_form_dispose (GObject *object)
{
  BfVisitForm *self = BF_VISIT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_VISIT_FORM);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bf_visit_form_parent_class)->dispose (object);
}

static void
bf_visit_form_finalize (GObject *object)
{
  BfVisitForm *self = BF_VISIT_FORM (object);

  g_clear_pointer (&self->visit, bf_visit_free);
  g_hash_table_unref (self->helper_names);
  g_free (self->problem);
  G_OBJECT_CLASS (bf_visit_form_parent_class)->finalize (object);
}

static void
bf_visit_form_class_init (BfVisitFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_visit_form_dispose;
  object_class->finalize = bf_visit_form_finalize;

  /* After the visit (id) was saved. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangfu/Bangfu/plans/bf-visit-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, root_box);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, page);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, visit_group);
  gtk_widget_class_bind_template_child (widget_class, BfVisitForm, findings_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "visit.save", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "visit.cancel", NULL, action_cb);
}

static void
bf_visit_form_init (BfVisitForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->helper_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->form = bf_form_new ();
  bf_form_build (self->form, self->visit_group, visit_fields, G_N_ELEMENTS (visit_fields));
  bf_form_build (self->form, self->findings_group, findings_fields, G_N_ELEMENTS (findings_fields));
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
}

GtkWidget *
bf_visit_form_new (void)
{
  return g_object_new (BF_TYPE_VISIT_FORM, NULL);
}
