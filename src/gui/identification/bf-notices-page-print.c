/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notices page: printing a notice, the same pages as bangfu-cli notice-pdf, through
 * GtkPrintOperation. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-notice-page.h"
#include "bf-notices-page-private.h"

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

GtkPageSetup *
bf_notices_default_page_setup (void)
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

void
bf_notices_print_activated (GtkWidget *widget, const char *action, GVariant *parameter)
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
    bf_notices_show_problem (self, error);
}

static void
page_setup_done (GtkPageSetup *setup, gpointer data)
{
  BfNoticesPage *self = data;

  if (setup != NULL)
    g_set_object (&self->page_setup, setup);
  g_object_unref (self);
}

void
bf_notices_page_setup_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  BfNoticesPage *self = BF_NOTICES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_print_run_page_setup_dialog_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->page_setup, NULL, page_setup_done,
                                         g_object_ref (self));
}
