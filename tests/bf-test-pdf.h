/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading printed PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo). */

/* The standard output of @tool run on @pdf with the arguments that follow (NULL-terminated) before
 * the file name; NULL, with the test skipped, when poppler-utils is not installed. */
char *bf_test_pdf_tool (const char *tool, const char *pdf, ...) G_GNUC_NULL_TERMINATED;
/* The text of page @page (1-based; 0: every page), with -layout when @layout. */
char *bf_test_pdf_text (const char *pdf, guint page, gboolean layout);
/* The number of pages pdfinfo reports. */
guint bf_test_pdf_n_pages (const char *pdf);
/* @text without any white space (a value wrapped over two lines reads as one). */
char *bf_test_squeeze (const char *text);
guint bf_test_count (const char *text, const char *needle);
/* Fails when any run of 18 characters in @text is a valid GB 11643 number. */
void bf_test_assert_no_id_number (const char *text);

G_END_DECLS
