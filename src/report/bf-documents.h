/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-card.h"
#include "bf-household-form.h"

G_BEGIN_DECLS

/* The household documents of many households printed as one: a village's cards or forms, one
 * document after another, each starting on a new page (or a new half-sheet for two cards on an
 * A4). bangfu-cli print writes them to a PDF; the window prints them through GtkPrintOperation
 * with BfDocumentJob. */

typedef enum
{
  BF_DOCUMENT_CARD, /* 帮扶明白卡 */
  BF_DOCUMENT_FORM, /* 贫困户登记表（入户调查表） */
} BfDocumentKind;

typedef struct
{
  BfDocumentKind kind;
  BfPaper paper; /* cards: A4, A5 or two A5 on an A4; forms: A4 only */
  int year;      /* the cards' plan year; 0: this year */
} BfDocumentOptions;

/* "card", "form". */
gboolean bf_document_kind_parse (const char *text, BfDocumentKind *kind);
/* INVALID for options that cannot be printed (a form on A5). */
gboolean bf_document_options_check (const BfDocumentOptions *options, GError **error);

/* One household's document, loaded (it holds no store reference: it may move between threads). */
typedef struct _BfDocument BfDocument;

BfDocument *bf_document_load (BfStore *store,
                              const BfDocumentOptions *options,
                              gint64 household_id,
                              GError **error);
void bf_document_free (BfDocument *document);
BfDocumentKind bf_document_get_kind (const BfDocument *document);
/* The document's card or form; NULL when it is of the other kind. */
const BfCard *bf_document_get_card (const BfDocument *document);
const BfHouseholdForm *bf_document_get_form (const BfDocument *document);
/* The document on pages of @width × @height points (one page of the paper: for two cards on an
 * A4, one half). The caller keeps @document alive while it uses them. */
BfPages *bf_document_pages_new (const BfDocument *document, double width, double height);

/* Called after each household with how many are done; from the thread that does the work. */
typedef void (*BfDocumentsProgress) (guint done, guint total, gpointer user_data);

/* The documents of @household_ids, in that order (GPtrArray of BfDocument), with what they share
 * read once. On the first household that cannot be loaded, or when cancelled
 * (G_IO_ERROR_CANCELLED), NULL. For a worker thread, give it a store of its own
 * (BF_STORE_OPEN_READER). */
GPtrArray *bf_documents_load (BfStore *store,
                              const BfDocumentOptions *options,
                              const gint64 *household_ids,
                              guint n_households,
                              BfDocumentsProgress progress,
                              gpointer user_data,
                              GCancellable *cancellable,
                              GError **error);

typedef struct
{
  guint n_documents;
  guint n_pages;  /* of the documents */
  guint n_sheets; /* printed sheets: as many as the pages, or fewer two-up */
} BfDocumentsResult;

/* Writes the documents of @household_ids to a PDF at @path, loading, laying out and drawing one
 * household at a time (memory does not grow with the village). Written to a temporary file beside
 * @path and renamed into place when complete: on any failure or a cancel nothing is left at @path
 * (a file there before is untouched). Reading errors come as BF_STORE_ERROR, writing errors as
 * G_IO_ERROR with the path. */
gboolean bf_documents_write_pdf (BfStore *store,
                                 const BfDocumentOptions *options,
                                 const gint64 *household_ids,
                                 guint n_households,
                                 const char *path,
                                 BfDocumentsProgress progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 BfDocumentsResult *result,
                                 GError **error);

/* Printing loaded documents through GtkPrintOperation, one print job for all of them:
 *   begin-print:  bf_document_job_begin() with the print context's width and height;
 *   paginate:     return bf_document_job_paginate (job, 20) (a few documents per call, so the
 *                 window stays responsive and the dialog shows progress), then set n-pages to
 *                 bf_document_job_get_n_sheets();
 *   draw-page:    bf_document_job_draw_sheet().
 * The page setup should be the paper's (bf_paper_get_spec(): sheet size, landscape for two cards
 * on an A4, margins). Only the layouts of the documents being drawn are kept. */
typedef struct _BfDocumentJob BfDocumentJob;

/* Takes a reference on @documents (BfDocument, as bf_documents_load() returns them). */
BfDocumentJob *bf_document_job_new (const BfDocumentOptions *options, GPtrArray *documents);
void bf_document_job_free (BfDocumentJob *job);
/* The printable area of one sheet, points; starts the pagination over. */
void bf_document_job_begin (BfDocumentJob *job, double width, double height);
/* Paginates up to @max_documents more documents; TRUE when every document is paginated. */
gboolean bf_document_job_paginate (BfDocumentJob *job, guint max_documents);
/* 0…1: how much of the pagination is done. */
double bf_document_job_get_fraction (BfDocumentJob *job);
/* The sheets, once paginated. */
guint bf_document_job_get_n_sheets (BfDocumentJob *job);
/* Draws sheet @sheet_nr at @cr's origin (the printable area's top left). */
void bf_document_job_draw_sheet (BfDocumentJob *job, cairo_t *cr, guint sheet_nr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfDocument, bf_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfDocumentJob, bf_document_job_free)

G_END_DECLS
