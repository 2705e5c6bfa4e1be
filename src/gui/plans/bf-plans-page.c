/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "bf-gui-util.h"
#include "bf-plans-page.h"

typedef enum
{
  VIEW_MEASURES,
  VIEW_HELPERS,
  VIEW_VISITS,
  VIEW_SUPERVISION,
  N_VIEWS
} View;

static const char *const view_names[N_VIEWS] = { "measures", "helpers", "visits", "supervision" };

struct _BfPlansPage
{
  AdwBin parent_instance;

  AdwViewStack *view_stack;
  BfMeasuresView *measures_view;
  BfHelpersView *helpers_view;
  BfSupervisionView *visits_view;
  BfSupervisionView *supervision_view;

  BfStore *store;
  /* Per view, the register's change counter when it was last read (-1: never). A view is read
   * when it is on screen, so that opening a register costs nothing here. */
  gint64 read_at[N_VIEWS];
};

G_DEFINE_FINAL_TYPE (BfPlansPage, bf_plans_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads the view on screen again when the register changed since it was read (a plan saved in a
 * household's form shows when the page comes back). */
static void
refresh_visible (BfPlansPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gint64 counter;

  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || name == NULL)
    return;
  counter = bf_store_get_change_counter (self->store);
  for (guint v = 0; v < N_VIEWS; v++)
    {
      if (!g_str_equal (name, view_names[v]) || self->read_at[v] == counter)
        continue;
      switch ((View) v)
        {
          case VIEW_MEASURES:
            bf_measures_view_set_store (self->measures_view, self->store);
            bf_measures_view_reload (self->measures_view);
            break;
          case VIEW_HELPERS:
            bf_helpers_view_set_store (self->helpers_view, self->store);
            break;
          case VIEW_VISITS:
            bf_supervision_view_set_store (self->visits_view, self->store);
            break;
          case VIEW_SUPERVISION:
            bf_supervision_view_set_store (self->supervision_view, self->store);
            break;
          case N_VIEWS:
            break;
        }
      self->read_at[v] = bf_store_get_change_counter (self->store);
    }
}

void
bf_plans_page_set_store (BfPlansPage *self, BfStore *store)
{
  g_return_if_fail (BF_IS_PLANS_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;
  for (guint v = 0; v < N_VIEWS; v++)
    self->read_at[v] = -1;
  if (store == NULL)
    {
      bf_measures_view_set_store (self->measures_view, NULL);
      bf_helpers_view_set_store (self->helpers_view, NULL);
      bf_supervision_view_set_store (self->visits_view, NULL);
      bf_supervision_view_set_store (self->supervision_view, NULL);
    }
  refresh_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

BfStore *
bf_plans_page_get_store (BfPlansPage *self)
{
  g_return_val_if_fail (BF_IS_PLANS_PAGE (self), NULL);
  return self->store;
}

static void
bf_plans_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bf_plans_page_parent_class)->map (widget);
  refresh_visible (BF_PLANS_PAGE (widget));
}

void
bf_plans_page_show_view (BfPlansPage *self, const char *name)
{
  g_return_if_fail (BF_IS_PLANS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

BfMeasuresView *
bf_plans_page_get_measures_view (BfPlansPage *self)
{
  return self->measures_view;
}

BfHelpersView *
bf_plans_page_get_helpers_view (BfPlansPage *self)
{
  return self->helpers_view;
}

BfSupervisionView *
bf_plans_page_get_visits_view (BfPlansPage *self)
{
  return self->visits_view;
}

BfSupervisionView *
bf_plans_page_get_supervision_view (BfPlansPage *self)
{
  return self->supervision_view;
}

static void
bf_plans_page_dispose (GObject *object)
{
  BfPlansPage *self = BF_PLANS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_PLANS_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bf_plans_page_parent_class)->dispose (object);
}

static void
bf_plans_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, BF_PLANS_PAGE (object)->store);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_plans_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        bf_plans_page_set_store (BF_PLANS_PAGE (object), g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_plans_page_class_init (BfPlansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_plans_page_dispose;
  object_class->get_property = bf_plans_page_get_property;
  object_class->set_property = bf_plans_page_set_property;
  widget_class->map = bf_plans_page_map;

  properties[PROP_STORE] = bf_gui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BF_TYPE_MEASURES_VIEW);
  g_type_ensure (BF_TYPE_HELPERS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangfu/Bangfu/plans/bf-plans-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfPlansPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BfPlansPage, measures_view);
  gtk_widget_class_bind_template_child (widget_class, BfPlansPage, helpers_view);
}

static void
bf_plans_page_init (BfPlansPage *self)
{
  AdwViewStackPage *page;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->visits_view = BF_SUPERVISION_VIEW (bf_supervision_view_new (TRUE));
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->visits_view), "visits",
                                    _ ("Visits"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  self->supervision_view = BF_SUPERVISION_VIEW (bf_supervision_view_new (FALSE));
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->supervision_view),
                                    "supervision", _ ("Supervision"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");
  for (guint v = 0; v < N_VIEWS; v++)
    self->read_at[v] = -1;
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (refresh_visible),
                            self);
}

GtkWidget *
bf_plans_page_new (void)
{
  return g_object_new (BF_TYPE_PLANS_PAGE, NULL);
}
