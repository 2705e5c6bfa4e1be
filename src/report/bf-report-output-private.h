/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The report's files through the store's BfOutput (bf-report-output.c): a PDF surface that
 * writes into the output's temporary, and the read-back checks of a PDF and a workbook. */

#include <cairo.h>

#include "bf-store-file.h"

G_BEGIN_DECLS

/* A PDF surface of @width × @height points writing to @output (each write checked by it). */
cairo_surface_t *_bf_pdf_surface_new (BfOutput *output, double width, double height);
/* Finishes and destroys @surface, then finishes @output with the PDF check: FALSE with @error
 * (the temporary removed) when cairo or a write failed. */
gboolean _bf_pdf_surface_finish (cairo_surface_t *surface, BfOutput *output, GError **error);

/* BfOutputCheckFunc of a workbook: a zip file whose central directory is at its end. */
gboolean _bf_check_workbook (const char *path, gpointer user_data, GError **error);

G_END_DECLS
