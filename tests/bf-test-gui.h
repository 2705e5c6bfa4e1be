/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-application.h"
#include "bf-window.h"

G_BEGIN_DECLS

/* Sets up locale and GTK for a GUI test. Without a display it prints the TAP skip line and
 * returns FALSE: the test then exits 0. */
gboolean bf_test_gui_init (int *argc, char ***argv);

/* Every key of the app's schema back to its default (the memory backend lives per process). */
void bf_test_settings_reset (void);
GSettings *bf_test_settings (void);

/* A registered, activated BfApplication with its own id, as a fresh launch would be. */
BfApplication *bf_test_app_start (void);
BfWindow *bf_test_app_window (BfApplication *app);
/* Closes every window the way the user does (so registers are closed) and drops the app. */
void bf_test_app_stop (BfApplication *app);

/* Runs the main loop until @done returns TRUE; fails the test after a generous 30 s. */
void bf_test_wait (gboolean (*done) (gpointer data), gpointer data);
/* Until the window has finished opening (or failing to open) a register. */
void bf_test_wait_opened (BfWindow *window);
/* Runs pending main-loop work. */
void bf_test_flush (void);

/* A template child of @widget's class, by its id in the .ui file. */
gpointer bf_test_child (gpointer widget, GType type, const char *name);
const char *bf_test_main_page (BfWindow *window);
/* The first widget of @type in @widget's tree (@widget itself included), or NULL. */
GtkWidget *bf_test_find_descendant (GtkWidget *widget, GType type);
/* The toplevel window of @type other than the app windows, or NULL. */
GtkWindow *bf_test_find_toplevel (GType type);

/* A register in @dir: township "城关镇", villages "东村", "西村" with 3 groups; closed again. */
char *bf_test_register_new (const char *dir);

G_END_DECLS
