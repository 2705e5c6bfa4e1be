/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bf-pages.h"
#include "bf-store.h"

G_BEGIN_DECLS

/* The printed notice list of docs/domain.md §5, laid out with Pango on any cairo page:
 * GtkPrintOperation draws it on the printer's pages, bangfu-cli notice-pdf on a PDF surface.
 *
 * What can be printed is fixed by these structs: there is no field for a full ID number, a phone,
 * a bank account or a health or disability detail, so none can reach paper. */

typedef struct
{
  char *village; /* printed only on township-wide notices */
  char *group;
  char *head_name;
  int member_count;
  char *masked_id; /* "430102********123X"; printed only when the sheet shows masked IDs */
  char *reason;
} BfNoticeRow;

typedef struct
{
  char *title;
  char *text;           /* the notice text with its period, paragraphs separated by "\n" */
  char *reason_heading; /* the reason column's heading for the kind */
  gboolean show_village;
  gboolean show_masked_id;
  char *issuing_body;
  char *supervision_phone;
  char *date;      /* the date printed in the footer and under the list, "2026年12月1日" */
  GPtrArray *rows; /* BfNoticeRow, numbered from 1 in this order */
} BfNoticeSheet;

BfNoticeRow *bf_notice_row_new (void);
void bf_notice_row_free (BfNoticeRow *row);
BfNoticeSheet *bf_notice_sheet_new (void);
void bf_notice_sheet_free (BfNoticeSheet *sheet);

/* The sheet of notice @notice_id: its households still on it, with the standard text of its kind
 * and period, and masked ID numbers when the register's setting asks for them. */
BfNoticeSheet *bf_notice_sheet_load (BfStore *store, gint64 notice_id, GError **error);

/* Paginated layout of a sheet for pages of @width × @height points (the drawable area: margins
 * are the caller's, as GtkPrintContext gives them). */
typedef struct _BfNoticePages BfNoticePages;

BfNoticePages *bf_notice_pages_new (const BfNoticeSheet *sheet, double width, double height);
void bf_notice_pages_free (BfNoticePages *pages);
/* Lays the sheet out with @cr's font options and resolution; returns the number of pages. */
guint bf_notice_pages_paginate (BfNoticePages *pages, cairo_t *cr);
/* Draws page @page_nr (0-based) at @cr's origin. Paginate first. */
void bf_notice_pages_draw (BfNoticePages *pages, cairo_t *cr, guint page_nr);

/* A4 portrait PDF of @sheet with 2 cm margins. */
gboolean bf_notice_sheet_write_pdf (const BfNoticeSheet *sheet,
                                    const char *path,
                                    guint *n_pages,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfNoticeRow, bf_notice_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfNoticeSheet, bf_notice_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfNoticePages, bf_notice_pages_free)

G_END_DECLS
