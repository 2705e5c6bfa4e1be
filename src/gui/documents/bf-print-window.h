/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-documents.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* Printing household documents (帮扶明白卡, the registration form) for one household, the
 * Households list's selection or a whole village: one print job, one document after another,
 * through GtkPrintOperation and its dialog (with Preview).
 *
 * The window asks which document, on which paper, for which households. Print… reads the
 * documents in a thread on a reader connection of its own (progress, Cancel), then lays them out
 * and draws them for the print dialog on the main loop a few at a time, never for longer than
 * one short slice, showing the progress of each step; Cancel stops any of them. */
#define BF_TYPE_PRINT_WINDOW (bf_print_window_get_type ())
G_DECLARE_FINAL_TYPE (BfPrintWindow, bf_print_window, BF, PRINT_WINDOW, AdwWindow)

/* For @household_ids (the list's selection, in its order; none is fine) of @store, with the
 * villages offered too when @offer_villages, @village_id (0: none) first among them. Modal over
 * @parent's window, which also gets the toast at the end. */
BfPrintWindow *bf_print_window_present (GtkWidget *parent,
                                        BfStore *store,
                                        const gint64 *household_ids,
                                        guint n_households,
                                        gboolean offer_villages,
                                        gint64 village_id);
/* For one household, named by @label ("001-00077 · 张三"): the household form's Print…. */
BfPrintWindow *bf_print_window_present_household (GtkWidget *parent,
                                                  BfStore *store,
                                                  gint64 household_id,
                                                  const char *label);

/* What a caseworker chooses, for tests: the document, the paper (cards only) and, when villages
 * are offered, one of them (0: the selection). */
void
bf_print_window_choose (BfPrintWindow *self, BfDocumentKind kind, BfPaper paper, gint64 village_id);
/* Print… with the pages written to the PDF @path instead of through the print dialog
 * (GtkPrintOperation's export): the same reading, layout and drawing. */
void bf_print_window_export (BfPrintWindow *self, const char *path);
/* TRUE from Print… until the documents are printed, cancelled or failed. */
gboolean bf_print_window_get_busy (BfPrintWindow *self);
/* What the window says now: the step under way, or how the last run ended. */
const char *bf_print_window_get_status (BfPrintWindow *self);

G_END_DECLS
