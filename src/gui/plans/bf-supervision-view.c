/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-gui-util.h"
#include "bf-lifecycle.h"
#include "bf-plans-util.h"
#include "bf-supervision-view.h"

/* A section first shows a few lines, so that every section is in sight; "Show More" adds a page. */
#define FIRST 5
#define PAGE  50

typedef enum
{
  ROW_MEASURE,
  ROW_VISIT,
  ROW_HOUSEHOLD,
} RowKind;

static const struct
{
  const char *title;
  const char *description;
  RowKind kind;
} sections[BF_N_SUPERVISION_SECTIONS] = {
  [BF_SUPERVISION_OVERDUE_MEASURES] = { N_ ("Overdue measures"),
                                        N_ ("Past their due date and not completed."),
                                        ROW_MEASURE },
  [BF_SUPERVISION_LATE_PROBLEMS] = { N_ ("Problems past their deadline"),
                                     N_ ("Found on visits, not rectified by the deadline."),
                                     ROW_VISIT },
  [BF_SUPERVISION_WITHOUT_HELPER] = { N_ ("Households without a helper"),
                                      N_ ("Under assistance or in follow-up, with nobody "
                                          "responsible."),
                                      ROW_HOUSEHOLD },
  [BF_SUPERVISION_WITHOUT_PLAN] = { N_ ("Households without a plan this year"),
                                    N_ ("Registered households that have no assistance plan for "
                                        "the current year."),
                                    ROW_HOUSEHOLD },
  [BF_SUPERVISION_OPEN_PROBLEMS] = { N_ ("Problems not rectified"),
                                     N_ ("Found on visits, by deadline."), ROW_VISIT },
  [BF_SUPERVISION_NOT_VISITED] = { N_ ("Households not visited"), NULL, ROW_HOUSEHOLD },
};

typedef struct
{
  BfSupervisionView *view;
  BfSupervisionSection section;
  AdwPreferencesGroup *group;
  GtkWidget *more_button;
  GPtrArray *rows;
  BfHouseholdCursor *next;
  gint64 total;
} Section;

struct _BfSupervisionView
{
  GtkWidget parent_instance;

  AdwPreferencesPage *page;

  BfStore *store;
  GSettings *settings;
  gboolean visits;
  Section sections[BF_N_SUPERVISION_SECTIONS];
  gint64 change_counter;
};

G_DEFINE_FINAL_TYPE (BfSupervisionView, bf_supervision_view, GTK_TYPE_WIDGET)

static gboolean
shown (BfSupervisionView *self, BfSupervisionSection section)
{
  gboolean visits_section =
    section == BF_SUPERVISION_OPEN_PROBLEMS || section == BF_SUPERVISION_NOT_VISITED;

  return visits_section == self->visits;
}

static BfListPage *
fetch (BfSupervisionView *self, BfSupervisionSection section, guint limit, GError **error)
{
  const BfHouseholdCursor *after = self->sections[section].next;
  GDate today;

  bf_date_today (&today);
  switch (section)
    {
      case BF_SUPERVISION_OVERDUE_MEASURES:
        {
          BfMeasureQuery q = { .overdue = TRUE };
          BfMeasureTotals totals;
          BfListPage *page = bf_store_measure_search (self->store, &q, after, limit, error);

          /* Measure lists count with their totals. */
          if (page != NULL && after == NULL)
            page->total =
              bf_store_measure_totals (self->store, &q, &totals, NULL) ? totals.count : -1;
          return page;
        }
      case BF_SUPERVISION_LATE_PROBLEMS:
      case BF_SUPERVISION_OPEN_PROBLEMS:
        {
          BfVisitQuery q = { .open_problems = TRUE,
                             .past_deadline = section == BF_SUPERVISION_LATE_PROBLEMS };
          return bf_store_visit_search (self->store, &q, after, limit, error);
        }
      case BF_SUPERVISION_WITHOUT_HELPER:
        return bf_store_households_without_helper (self->store, after, limit, error);
      case BF_SUPERVISION_WITHOUT_PLAN:
        return bf_store_households_without_plan (self->store, g_date_get_year (&today), after,
                                                 limit, error);
      case BF_SUPERVISION_NOT_VISITED:
        return bf_store_households_not_visited (
          self->store, bf_store_not_visited_days (self->store), NULL, 0, after, limit, error);
      case BF_N_SUPERVISION_SECTIONS:
        break;
    }
  return NULL;
}

static void
row_activated_cb (AdwActionRow *row, BfSupervisionView *self)
{
  bf_plans_open_household (GTK_WIDGET (self),
                           *(gint64 *) g_object_get_data (G_OBJECT (row), "household"));
}

static void
rectify_clicked_cb (GtkButton *button, BfSupervisionView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "visit");
  g_autoptr (GError) error = NULL;

  if (!bf_store_visit_rectify (self->store, id, NULL, NULL, &error))
    bf_gui_show_error (GTK_WIDGET (self), _ ("Could Not Record the Rectification"), error);
  else
    bf_gui_toast (GTK_WIDGET (self), _ ("Problem rectified"));
  bf_supervision_view_reload (self);
}

static void
set_id (GObject *object, const char *key, gint64 id)
{
  g_object_set_data_full (object, key, g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
make_row (BfSupervisionView *self, BfSupervisionSection section, gpointer record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gint64 household = 0;

  switch (sections[section].kind)
    {
      case ROW_MEASURE:
        {
          const BfMeasure *m = record;
          g_autofree char *summary = bf_plans_measure_summary (m);

          household = m->household_id;
          title = bf_plans_household_title (m->household_number, m->head_name, m->village_name);
          subtitle = g_strdup_printf ("%s\n%s", m->description, summary);
          break;
        }
      case ROW_VISIT:
        {
          const BfVisit *v = record;
          g_autofree char *visit = bf_plans_visit_title (v);
          GtkWidget *button = gtk_button_new_with_label (_ ("Rectified"));

          household = v->household_id;
          title = bf_plans_household_title (v->household_number, v->head_name, v->village_name);
          /* TRANSLATORS: an open problem: visit, problem, deadline */
          subtitle = g_strdup_printf (_ ("%s\n%s (deadline %s)"), visit, v->problems,
                                      v->deadline != NULL ? v->deadline : _ ("none"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _ ("The problem was rectified today"));
          set_id (G_OBJECT (button), "visit", v->id);
          g_signal_connect (button, "clicked", G_CALLBACK (rectify_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          if (v->late)
            gtk_widget_add_css_class (row, "bf-overdue");
          break;
        }
      case ROW_HOUSEHOLD:
        {
          const BfHouseholdLine *line = record;
          BfStatus status;

          household = line->id;
          title = bf_plans_household_title (line->number, line->head_name, line->village_name);
          if (section == BF_SUPERVISION_NOT_VISITED)
            subtitle = line->last_visit_on != NULL
                         ? g_strdup_printf (_ ("Last visit %s"), line->last_visit_on)
                         : g_strdup (_ ("Never visited"));
          else
            subtitle =
              g_strdup (bf_status_from_code (line->status, &status) ? bf_status_label (status)
                                                                    : line->status);
          if (line->helper_name != NULL && section == BF_SUPERVISION_NOT_VISITED)
            {
              g_autofree char *with =
                g_strdup_printf (_ ("%s · helper %s"), subtitle, line->helper_name);
              g_free (subtitle);
              subtitle = g_steal_pointer (&with);
            }
          break;
        }
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Open the household"));
  set_id (G_OBJECT (row), "household", household);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  return row;
}

static void
update_description (Section *s)
{
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (s->total, 0));
  g_autofree char *text = NULL;
  const char *about = sections[s->section].description;
  g_autofree char *days = NULL;

  if (s->section == BF_SUPERVISION_NOT_VISITED)
    {
      /* The register's interval, the one bangfu-cli uses too. */
      int n = s->view->store != NULL ? (int) bf_store_not_visited_days (s->view->store) : 0;
      days = g_strdup_printf (ngettext ("Under assistance or in follow-up, not visited for %d day "
                                        "or more (Preferences).",
                                        "Under assistance or in follow-up, not visited for %d days "
                                        "or more (Preferences).",
                                        n),
                              n);
      about = days;
    }
  else
    about = _ (about);
  /* TRANSLATORS: a section's description: what it lists, then how many, e.g. "… 12 in all." */
  text = g_strdup_printf (_ ("%s %s in all."), about, count);
  adw_preferences_group_set_description (s->group, text);
  gtk_widget_set_visible (s->more_button, s->next != NULL);
}

/* Appends the next page of @s; the first page replaces what was there. */
static void
load_more (Section *s)
{
  BfSupervisionView *self = s->view;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfListPage) page = NULL;

  if (self->store == NULL)
    return;
  page = fetch (self, s->section, s->rows->len == 0 ? FIRST : PAGE, &error);
  g_clear_pointer (&s->next, bf_household_cursor_free);
  if (page == NULL)
    {
      adw_preferences_group_set_description (s->group, error->message);
      return;
    }
  if (page->total >= 0)
    s->total = page->total;
  for (guint i = 0; i < page->rows->len; i++)
    {
      GtkWidget *row = make_row (self, s->section, g_ptr_array_index (page->rows, i));
      adw_preferences_group_add (s->group, row);
      g_ptr_array_add (s->rows, row);
    }
  s->next = g_steal_pointer (&page->next);
  update_description (s);
}

static void
more_clicked_cb (GtkButton *button, Section *s)
{
  load_more (s);
}

void
bf_supervision_view_reload (BfSupervisionView *self)
{
  g_return_if_fail (BF_IS_SUPERVISION_VIEW (self));

  for (guint i = 0; i < BF_N_SUPERVISION_SECTIONS; i++)
    {
      Section *s = &self->sections[i];

      if (s->group == NULL)
        continue;
      for (guint r = 0; r < s->rows->len; r++)
        adw_preferences_group_remove (s->group, g_ptr_array_index (s->rows, r));
      g_ptr_array_set_size (s->rows, 0);
      g_clear_pointer (&s->next, bf_household_cursor_free);
      s->total = 0;
      load_more (s);
    }
  if (self->store != NULL)
    self->change_counter = bf_store_get_change_counter (self->store);
}

void
bf_supervision_view_set_store (BfSupervisionView *self, BfStore *store)
{
  g_return_if_fail (BF_IS_SUPERVISION_VIEW (self));

  g_set_object (&self->store, store);
  bf_supervision_view_reload (self);
}

gint64
bf_supervision_view_get_count (BfSupervisionView *self, BfSupervisionSection section)
{
  g_return_val_if_fail (BF_IS_SUPERVISION_VIEW (self), -1);
  g_return_val_if_fail (section < BF_N_SUPERVISION_SECTIONS, -1);

  return self->sections[section].group != NULL ? self->sections[section].total : -1;
}

AdwActionRow *
bf_supervision_view_get_row (BfSupervisionView *self, BfSupervisionSection section, guint index)
{
  Section *s;

  g_return_val_if_fail (BF_IS_SUPERVISION_VIEW (self), NULL);
  g_return_val_if_fail (section < BF_N_SUPERVISION_SECTIONS, NULL);

  s = &self->sections[section];
  if (s->group == NULL || index >= s->rows->len)
    return NULL;
  return ADW_ACTION_ROW (g_ptr_array_index (s->rows, index));
}

/* Back on screen after changes elsewhere: read again. */
static void
bf_supervision_view_map (GtkWidget *widget)
{
  BfSupervisionView *self = BF_SUPERVISION_VIEW (widget);

  GTK_WIDGET_CLASS (bf_supervision_view_parent_class)->map (widget);
  if (self->store != NULL && bf_store_get_change_counter (self->store) != self->change_counter)
    bf_supervision_view_reload (self);
}

static void
build (BfSupervisionView *self)
{
  for (guint i = 0; i < BF_N_SUPERVISION_SECTIONS; i++)
    {
      Section *s = &self->sections[i];

      s->view = self;
      s->section = i;
      s->rows = g_ptr_array_new ();
      if (!shown (self, i))
        continue;
      s->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (s->group, _ (sections[i].title));
      s->more_button = gtk_button_new_with_mnemonic (_ ("Show _More"));
      gtk_widget_add_css_class (s->more_button, "flat");
      g_signal_connect (s->more_button, "clicked", G_CALLBACK (more_clicked_cb), s);
      adw_preferences_group_set_header_suffix (s->group, s->more_button);
      adw_preferences_page_add (self->page, s->group);
      update_description (s);
    }
}

static void
bf_supervision_view_dispose (GObject *object)
{
  BfSupervisionView *self = BF_SUPERVISION_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_SUPERVISION_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bf_supervision_view_parent_class)->dispose (object);
}

static void
bf_supervision_view_finalize (GObject *object)
{
  BfSupervisionView *self = BF_SUPERVISION_VIEW (object);

  for (guint i = 0; i < BF_N_SUPERVISION_SECTIONS; i++)
    {
      g_clear_pointer (&self->sections[i].rows, g_ptr_array_unref);
      g_clear_pointer (&self->sections[i].next, bf_household_cursor_free);
    }
  G_OBJECT_CLASS (bf_supervision_view_parent_class)->finalize (object);
}

static void
bf_supervision_view_class_init (BfSupervisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_supervision_view_dispose;
  object_class->finalize = bf_supervision_view_finalize;
  widget_class->map = bf_supervision_view_map;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/plans/bf-supervision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BfSupervisionView, page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bf_supervision_view_init (BfSupervisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

GtkWidget *
bf_supervision_view_new (gboolean visits)
{
  BfSupervisionView *self = g_object_new (BF_TYPE_SUPERVISION_VIEW, NULL);

  self->visits = visits;
  build (self);
  g_signal_connect_object (self->settings, "changed::not-visited-days",
                           G_CALLBACK (bf_supervision_view_reload), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
