/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Responsiveness of the Households page on a large register, in the real application window.
 *
 *   bench-households-gui REGISTER
 *
 * A timeout source fires every millisecond at high priority and records the gap since its last
 * run: the longest gap is the longest the main loop was blocked (a "stall"). Measured for: launch
 * to a filled list; typing searches one character at a time at typing speed; changing filters;
 * sorting by every column both ways; scrolling from the first household to the last and back.
 * Run it under Xvfb (bench-households-gui.sh does). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bf-households-page-private.h"
#include "bf-i18n.h"
#include "bf-window.h"

#define TICK_MS 1

static gint64 process_start;

/* BENCH_PHASES=typing,filters,sorting,scrolling runs only those (for profiling). */
static gboolean
phase (const char *name)
{
  const char *only = g_getenv ("BENCH_PHASES");

  return only == NULL || strstr (only, name) != NULL;
}

/* {{{ Stall meter */

typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 worst;
  gint64 worst_cpu; /* the main thread's own CPU time in its longest stall */
  gint64 worst_at;
  GArray *gaps; /* gint64, µs */
  guint source;
} Meter;

static Meter meter;

/* The main thread's CPU time (µs): a stall on a busy machine is partly other processes' time. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (meter.last != 0)
    {
      gint64 gap = now - meter.last;
      gint64 gap_cpu = cpu - meter.last_cpu;

      g_array_append_val (meter.gaps, gap);
      if (gap > meter.worst)
        {
          meter.worst = gap;
          meter.worst_at = now;
        }
      meter.worst_cpu = MAX (meter.worst_cpu, gap_cpu);
    }
  meter.last = now;
  meter.last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
meter_reset (void)
{
  meter.last = 0;
  meter.worst = 0;
  meter.worst_cpu = 0;
  g_array_set_size (meter.gaps, 0);
}

static int
compare_gaps (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
meter_percentile (double p)
{
  guint i;

  if (meter.gaps->len == 0)
    return 0;
  g_array_sort (meter.gaps, compare_gaps);
  i = (guint) MIN (meter.gaps->len - 1, floor (p * meter.gaps->len));
  return g_array_index (meter.gaps, gint64, i) / 1000.0;
}

/* }}} */
/* {{{ Main loop helpers */

static void
wait_until (gboolean (*done) (gpointer), gpointer data, double timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  wait_until (time_passed, &until, ms / 1000.0 + 60);
}

static BfHouseholdsPage *page;

/* The query's matches are in and the rows on screen are read. */
static gboolean
list_settled (gpointer data)
{
  BfHouseholdListModel *model = bf_households_page_get_model (page);

  return model != NULL && bf_household_list_model_get_total (model) >= 0 &&
         !bf_household_list_model_get_busy (model);
}

static gboolean
list_filled (gpointer data)
{
  BfHouseholdListModel *model = bf_households_page_get_model (page);
  g_autoptr (BfHouseholdItem) first = NULL;

  if (!list_settled (NULL) || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return bf_household_item_get_loaded (first);
}

static gboolean
window_opened (gpointer window)
{
  GtkStack *stack =
    GTK_STACK (gtk_widget_get_template_child (window, BF_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "register") == 0;
}

/* }}} */

typedef struct
{
  const char *name;
  double worst_ms;
  double worst_cpu_ms;
  double p99_ms;
  double seconds;
  char *note;
} Result;

static GArray *results;

static void
record (const char *name, gint64 started, const char *note)
{
  Result r = { name,
               meter.worst / 1000.0,
               meter.worst_cpu / 1000.0,
               meter_percentile (0.99),
               (g_get_monotonic_time () - started) / 1e6,
               g_strdup (note) };

  g_array_append_val (results, r);
  printf (
    "%-34s longest stall %6.1f ms (main thread CPU %5.1f ms)   p99 gap %5.1f ms   %5.1f s   %s\n",
    name, r.worst_ms, r.worst_cpu_ms, r.p99_ms, r.seconds, note != NULL ? note : "");
  fflush (stdout);
}

/* Types @text one character at a time, 120 ms apart, then waits for the list. */
static void
type_search (const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (_bf_households_page_get_search_entry (page));
  g_autoptr (GString) typed = g_string_new (NULL);

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_len (typed, p, g_utf8_next_char (p) - p);
      gtk_editable_set_text (entry, typed->str);
      gtk_editable_set_position (entry, -1);
      run_for (120);
    }
  run_for (200); /* the entry's own search delay */
  wait_until (list_settled, NULL, 60);
}

static void
select_filter (const char *key, guint index)
{
  gtk_drop_down_set_selected (_bf_households_page_get_filter (page, key), index);
  run_for (50);
  wait_until (list_settled, NULL, 60);
}

/* Scrolls from the top to the bottom in @steps equal steps at 60 per second, then back up. */
static void
scroll_end_to_end (guint steps)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (_bf_households_page_get_scrolled_window (page));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i <= steps; i++)
      {
        double upper =
          gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
        double f = (double) i / steps;

        gtk_adjustment_set_value (adjustment, upper * (pass == 0 ? f : 1 - f));
        run_for (16);
      }
}

static void
jump (double fraction)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (_bf_households_page_get_scrolled_window (page));
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, upper * fraction);
  run_for (100);
  wait_until (list_settled, NULL, 60);
}

static BfApplication *
start_app (void)
{
  g_autofree char *id = g_strdup_printf ("io.github.bangfu.Bangfu.Bench%u", (guint) getpid ());
  g_autoptr (GError) error = NULL;
  BfApplication *app = bf_application_new (id, G_APPLICATION_DEFAULT_FLAGS);

  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));
  return app;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *id_tail = NULL;
  g_autofree char *name = NULL;
  BfApplication *app;
  GtkWindow *window;
  GtkColumnView *view;
  gint64 started, launched;
  guint n;

  process_start = g_get_monotonic_time ();
  if (argc != 2)
    {
      g_printerr ("usage: bench-households-gui REGISTER\n");
      return 2;
    }
  bf_i18n_init ();
  gtk_init ();
  adw_init ();
  meter.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  results = g_array_new (FALSE, FALSE, sizeof (Result));

  settings = g_settings_new ("io.github.bangfu.Bangfu");
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  /* Launch: the window, the register opened in its thread, the first rows on screen. */
  meter.source = g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick, NULL, NULL);
  app = start_app ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  file = g_file_new_for_commandline_arg (argv[1]);
  bf_window_open_file (BF_WINDOW (window), file);
  wait_until (window_opened, window, 600);
  page = BF_HOUSEHOLDS_PAGE (
    gtk_widget_get_template_child (GTK_WIDGET (window), BF_TYPE_WINDOW, "households_page"));
  wait_until (list_filled, NULL, 600);
  launched = g_get_monotonic_time ();
  n = g_list_model_get_n_items (G_LIST_MODEL (bf_households_page_get_model (page)));
  {
    g_autofree char *note = g_strdup_printf ("%u households, list filled %.2f s after start", n,
                                             (launched - process_start) / 1e6);
    record ("launch to a filled list", process_start, note);
  }
  run_for (500);

  /* Nothing happening: what the machine and the renderer cost by themselves. */
  meter_reset ();
  started = g_get_monotonic_time ();
  run_for (3000);
  record ("idle (baseline)", started, "3 s with the list on screen");

  /* Names and numbers to type, taken from the register itself. */
  {
    g_autoptr (BfHouseholdItem) item =
      g_list_model_get_item (G_LIST_MODEL (bf_households_page_get_model (page)), n / 2);
    g_autoptr (BfHousehold) household = NULL;
    const BfMember *head;

    wait_until ((gboolean (*) (gpointer)) bf_household_item_get_loaded, item, 60);
    household = bf_store_household_get (
      bf_household_list_model_get_store (bf_households_page_get_model (page)),
      bf_household_item_get_id (item), NULL);
    head = bf_household_get_head (household);
    name = g_strdup (head->name);
    id_tail = g_strdup (head->id_number + 12);
  }

  if (phase ("typing"))
    {
      meter_reset ();
      started = g_get_monotonic_time ();
      type_search (name);
      type_search ("王");
      type_search (id_tail);
      type_search ("00012");
      type_search ("");
      {
        g_autofree char *note =
          g_strdup_printf ("typed “%s”, “王”, “%s”, “00012”, cleared", name, id_tail);
        record ("typing searches", started, note);
      }
    }

  if (phase ("filters"))
    {
      meter_reset ();
      started = g_get_monotonic_time ();
      select_filter ("village", 3);
      select_filter ("group", 2);
      select_filter ("status", 7);
      select_filter ("attribute", 2);
      select_filter ("cause", 1);
      select_filter ("village", 0);
      select_filter ("status", 0);
      select_filter ("attribute", 0);
      select_filter ("cause", 0);
      record ("changing filters", started, "village, group, status, attribute, cause, and back");
    }

  view = _bf_households_page_get_column_view (page);
  if (phase ("sorting"))
    {
      meter_reset ();
      started = g_get_monotonic_time ();
      for (int sort = BF_HOUSEHOLD_SORT_NUMBER; sort <= BF_HOUSEHOLD_SORT_UPDATED; sort++)
        for (int dir = 0; dir < 2; dir++)
          {
            gtk_column_view_sort_by_column (view, _bf_households_page_get_column (page, sort),
                                            dir ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
            run_for (30);
            wait_until (list_settled, NULL, 60);
          }
      gtk_column_view_sort_by_column (
        view, _bf_households_page_get_column (page, BF_HOUSEHOLD_SORT_NUMBER), GTK_SORT_ASCENDING);
      wait_until (list_settled, NULL, 60);
      record ("sorting by every column, both ways", started, "10 columns × 2 directions");
    }

  if (phase ("scrolling"))
    {
      meter_reset ();
      started = g_get_monotonic_time ();
      scroll_end_to_end (300);
      jump (1.0);
      jump (0.5);
      jump (0.0);
      record ("scrolling end to end", started,
              "300 steps down and up at 60/s, then jumps to end, middle, top");
    }

  g_source_remove (meter.source);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
  return 0;
}
