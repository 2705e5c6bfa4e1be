/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bf-dates.h"
#include "bf-documents-private.h"
#include "bf-documents.h"
#include "bf-report-output-private.h"
#include "bf-report-private.h"

/* ---- One document ------------------------------------------------------------------------- */

struct _BfDocument
{
  BfDocumentKind kind;
  BfCard *card;
  BfHouseholdForm *form;
};

gboolean
bf_document_kind_parse (const char *text, BfDocumentKind *kind)
{
  if (g_strcmp0 (text, "card") == 0)
    *kind = BF_DOCUMENT_CARD;
  else if (g_strcmp0 (text, "form") == 0)
    *kind = BF_DOCUMENT_FORM;
  else
    return FALSE;
  return TRUE;
}

gboolean
bf_document_options_check (const BfDocumentOptions *options, GError **error)
{
  if (options->kind != BF_DOCUMENT_CARD && options->kind != BF_DOCUMENT_FORM)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Choose the card or the registration form."));
      return FALSE;
    }
  if ((guint) options->paper > BF_PAPER_A4_TWO_A5)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Choose A4, A5 or two A5 pages on an A4 sheet."));
      return FALSE;
    }
  if (options->kind == BF_DOCUMENT_FORM && options->paper != BF_PAPER_A4)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The registration form prints on A4 only."));
      return FALSE;
    }
  if (options->year != 0 && (options->year < 2000 || options->year > 2100))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("The plan year must be between 2000 and 2100, not %d."), options->year);
      return FALSE;
    }
  return TRUE;
}

static BfDocument *
load_one (BfDocumentContext *context, BfDocumentKind kind, gint64 household_id, GError **error)
{
  g_autoptr (BfDocument) document = g_new0 (BfDocument, 1);

  document->kind = kind;
  if (kind == BF_DOCUMENT_CARD)
    document->card = _bf_card_load (context, household_id, error);
  else
    document->form = _bf_household_form_load (context, household_id, error);
  if (document->card == NULL && document->form == NULL)
    return NULL;
  return g_steal_pointer (&document);
}

BfDocument *
bf_document_load (BfStore *store,
                  const BfDocumentOptions *options,
                  gint64 household_id,
                  GError **error)
{
  BfDocumentContext context;
  BfDocument *document;

  g_return_val_if_fail (BF_IS_STORE (store) && options != NULL, NULL);

  if (!bf_document_options_check (options, error))
    return NULL;
  _bf_document_context_init (&context, store, options->year);
  document = load_one (&context, options->kind, household_id, error);
  _bf_document_context_clear (&context);
  return document;
}

void
bf_document_free (BfDocument *document)
{
  if (document == NULL)
    return;
  bf_card_free (document->card);
  bf_household_form_free (document->form);
  g_free (document);
}

BfDocumentKind
bf_document_get_kind (const BfDocument *document)
{
  return document->kind;
}

const BfCard *
bf_document_get_card (const BfDocument *document)
{
  return document->card;
}

const BfHouseholdForm *
bf_document_get_form (const BfDocument *document)
{
  return document->form;
}

BfPages *
bf_document_pages_new (const BfDocument *document, double width, double height)
{
  g_return_val_if_fail (document != NULL, NULL);
  if (document->kind == BF_DOCUMENT_CARD)
    return bf_card_pages_new (document->card, width, height);
  return bf_household_form_pages_new (document->form, width, height);
}

GPtrArray *
bf_documents_load (BfStore *store,
                   const BfDocumentOptions *options,
                   const gint64 *household_ids,
                   guint n_households,
                   BfDocumentsProgress progress,
                   gpointer user_data,
                   GCancellable *cancellable,
                   GError **error)
{
  g_autoptr (GPtrArray) documents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bf_document_free);
  BfDocumentContext context;
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_STORE (store) && options != NULL, NULL);

  if (!bf_document_options_check (options, error))
    return NULL;
  _bf_document_context_init (&context, store, options->year);
  for (guint i = 0; i < n_households && ok; i++)
    {
      BfDocument *document;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if ((document = load_one (&context, options->kind, household_ids[i], error)) == NULL)
        ok = FALSE;
      else
        {
          g_ptr_array_add (documents, document);
          if (progress != NULL)
            progress (i + 1, n_households, user_data);
        }
    }
  _bf_document_context_clear (&context);
  return ok ? g_steal_pointer (&documents) : NULL;
}

/* ---- Sheets ------------------------------------------------------------------------------- */

static const char *
document_title (BfDocumentKind kind)
{
  return kind == BF_DOCUMENT_CARD ? "帮扶明白卡" : "贫困户登记表（入户调查表）";
}

/* Draws page @page_nr of @pages into slot @slot of a sheet whose printable area is at @cr's
 * origin. */
static void
draw_in_slot (const BfPaperSpec *spec,
              cairo_t *cr,
              double area_width,
              double area_height,
              guint slot,
              BfPages *pages,
              guint page_nr)
{
  double x;

  bf_paper_slot (spec, area_width, area_height, slot, &x, NULL, NULL);
  cairo_save (cr);
  cairo_translate (cr, x, 0);
  bf_pages_draw (pages, cr, page_nr);
  cairo_restore (cr);
}

typedef struct
{
  BfPaperSpec spec;
  double area_width;
  double area_height;
  double page_width;
  double page_height;
} Sheet;

static void
sheet_init (Sheet *sheet, BfPaper paper, double area_width, double area_height)
{
  bf_paper_get_spec (paper, &sheet->spec);
  sheet->area_width = area_width;
  sheet->area_height = area_height;
  bf_paper_slot (&sheet->spec, area_width, area_height, 0, NULL, &sheet->page_width,
                 &sheet->page_height);
}

gboolean
bf_documents_write_pdf (BfStore *store,
                        const BfDocumentOptions *options,
                        const gint64 *household_ids,
                        guint n_households,
                        const char *path,
                        BfDocumentsProgress progress,
                        gpointer user_data,
                        GCancellable *cancellable,
                        BfDocumentsResult *result,
                        GError **error)
{
  BfDocumentsResult counts = { 0 };
  BfDocumentContext context;
  g_autoptr (BfOutput) output = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Sheet sheet;
  BfPaperSpec spec;
  guint slot = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (BF_IS_STORE (store) && options != NULL && path != NULL, FALSE);

  if (!bf_document_options_check (options, error))
    return FALSE;
  if (n_households == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("There are no households to print."));
      return FALSE;
    }
  if ((output = bf_output_new (path, error)) == NULL)
    return FALSE;

  bf_paper_get_spec (options->paper, &spec);
  sheet_init (&sheet, options->paper, spec.sheet_width - 2 * spec.margin,
              spec.sheet_height - 2 * spec.margin);
  surface = _bf_pdf_surface_new (output, spec.sheet_width, spec.sheet_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  document_title (options->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bangfu " PACKAGE_VERSION);
  cr = cairo_create (surface);
  cairo_translate (cr, spec.margin, spec.margin);

  /* One household at a time: loaded, laid out once, drawn, let go. */
  _bf_document_context_init (&context, store, options->year);
  for (guint i = 0; i < n_households && ok; i++)
    {
      g_autoptr (BfDocument) document = NULL;
      g_autoptr (BfPages) pages = NULL;
      guint n_pages;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (document = load_one (&context, options->kind, household_ids[i], error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      pages = bf_document_pages_new (document, sheet.page_width, sheet.page_height);
      n_pages = bf_pages_paginate (pages, cr);
      for (guint p = 0; p < n_pages; p++)
        {
          if (slot == spec.n_slots)
            {
              cairo_show_page (cr);
              slot = 0;
            }
          if (slot == 0)
            {
              counts.n_sheets++;
              bf_paper_draw_cut_line (&spec, cr, sheet.area_width, sheet.area_height);
            }
          draw_in_slot (&spec, cr, sheet.area_width, sheet.area_height, slot++, pages, p);
        }
      counts.n_documents++;
      counts.n_pages += n_pages;
      if (progress != NULL)
        progress (i + 1, n_households, user_data);
    }
  _bf_document_context_clear (&context);
  if (ok)
    cairo_show_page (cr);
  cairo_destroy (cr);
  /* A failed or cancelled run: the surface goes, and the output with it, unfinished. */
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (!_bf_pdf_surface_finish (surface, output, error) ||
      !bf_output_commit (output, NULL, NULL, error))
    return FALSE;
  if (result != NULL)
    *result = counts;
  return TRUE;
}

/* ---- Print jobs --------------------------------------------------------------------------- */

#define N_CACHED 2

struct _BfDocumentJob
{
  BfDocumentOptions options;
  GPtrArray *documents;
  Sheet sheet;
  /* Layouts are made on a surface of the job's own, so that the pages drawn are the pages
   * counted, whatever context the printer's callbacks give. */
  cairo_surface_t *surface;
  cairo_t *cr;
  GArray *first_slot; /* guint, of each paginated document */
  guint n_slots;      /* used by the paginated documents */
  guint cached_index[N_CACHED];
  BfPages *cached[N_CACHED];
  guint next_cache;
};

BfDocumentJob *
bf_document_job_new (const BfDocumentOptions *options, GPtrArray *documents)
{
  BfDocumentJob *job;

  g_return_val_if_fail (options != NULL && documents != NULL, NULL);

  job = g_new0 (BfDocumentJob, 1);
  job->options = *options;
  job->documents = g_ptr_array_ref (documents);
  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  job->cr = cairo_create (job->surface);
  job->first_slot = g_array_new (FALSE, FALSE, sizeof (guint));
  return job;
}

static void
forget_cache (BfDocumentJob *job)
{
  for (guint i = 0; i < N_CACHED; i++)
    g_clear_pointer (&job->cached[i], bf_pages_free);
}

void
bf_document_job_free (BfDocumentJob *job)
{
  if (job == NULL)
    return;
  forget_cache (job);
  g_array_unref (job->first_slot);
  cairo_destroy (job->cr);
  cairo_surface_destroy (job->surface);
  g_ptr_array_unref (job->documents);
  g_free (job);
}

void
bf_document_job_begin (BfDocumentJob *job, double width, double height)
{
  g_return_if_fail (job != NULL);
  forget_cache (job);
  sheet_init (&job->sheet, job->options.paper, width, height);
  g_array_set_size (job->first_slot, 0);
  job->n_slots = 0;
}

/* The pages of document @index, laid out (again, when they are no longer kept). */
static BfPages *
document_pages (BfDocumentJob *job, guint index)
{
  BfPages *pages;
  guint slot;

  for (guint i = 0; i < N_CACHED; i++)
    if (job->cached[i] != NULL && job->cached_index[i] == index)
      return job->cached[i];
  pages = bf_document_pages_new (g_ptr_array_index (job->documents, index), job->sheet.page_width,
                                 job->sheet.page_height);
  bf_pages_paginate (pages, job->cr);
  slot = job->next_cache++ % N_CACHED;
  g_clear_pointer (&job->cached[slot], bf_pages_free);
  job->cached[slot] = pages;
  job->cached_index[slot] = index;
  return pages;
}

gboolean
bf_document_job_paginate (BfDocumentJob *job, guint max_documents)
{
  g_return_val_if_fail (job != NULL, TRUE);

  for (guint n = 0; n < MAX (max_documents, 1) && job->first_slot->len < job->documents->len; n++)
    {
      BfPages *pages = document_pages (job, job->first_slot->len);

      g_array_append_val (job->first_slot, job->n_slots);
      job->n_slots += bf_pages_get_n_pages (pages);
    }
  return job->first_slot->len == job->documents->len;
}

double
bf_document_job_get_fraction (BfDocumentJob *job)
{
  g_return_val_if_fail (job != NULL, 1.0);
  return job->documents->len > 0 ? (double) job->first_slot->len / job->documents->len : 1.0;
}

guint
bf_document_job_get_n_sheets (BfDocumentJob *job)
{
  guint per_sheet;

  g_return_val_if_fail (job != NULL, 0);
  per_sheet = MAX (job->sheet.spec.n_slots, 1);
  return (job->n_slots + per_sheet - 1) / per_sheet;
}

/* The document whose pages take slot @slot: the last one starting at or before it. */
static guint
document_at_slot (BfDocumentJob *job, guint slot)
{
  guint lo = 0, hi = job->first_slot->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (job->first_slot, guint, mid) <= slot)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
bf_document_job_draw_sheet (BfDocumentJob *job, cairo_t *cr, guint sheet_nr)
{
  guint per_sheet;

  g_return_if_fail (job != NULL && sheet_nr < bf_document_job_get_n_sheets (job));

  per_sheet = MAX (job->sheet.spec.n_slots, 1);
  bf_paper_draw_cut_line (&job->sheet.spec, cr, job->sheet.area_width, job->sheet.area_height);
  for (guint s = 0; s < per_sheet && sheet_nr * per_sheet + s < job->n_slots; s++)
    {
      guint slot = sheet_nr * per_sheet + s;
      guint index = document_at_slot (job, slot);
      BfPages *pages = document_pages (job, index);

      draw_in_slot (&job->sheet.spec, cr, job->sheet.area_width, job->sheet.area_height, s, pages,
                    slot - g_array_index (job->first_slot, guint, index));
    }
}
