/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-documents-private.h"
#include "bf-report-private.h"

/* What the documents of one print run share, read once (see bf-documents-private.h). */

void
_bf_document_context_init (BfDocumentContext *context, BfStore *store, int year)
{
  GDate today;

  bf_date_today (&today);
  context->store = store;
  context->year = year > 0 ? year : g_date_get_year (&today);
  context->county = g_strdup (bf_store_get_county (store));
  context->township = g_strdup (bf_store_get_township (store));
  context->date = _bf_chinese_today ();
  context->supervision_phone = bf_store_setting_get (store, BF_SETTING_SUPERVISION_PHONE);
  context->income = bf_store_card_income (store);
  context->helpers =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) bf_helper_free);
}

void
_bf_document_context_clear (BfDocumentContext *context)
{
  g_clear_pointer (&context->county, g_free);
  g_clear_pointer (&context->township, g_free);
  g_clear_pointer (&context->date, g_free);
  g_clear_pointer (&context->supervision_phone, g_free);
  g_clear_pointer (&context->helpers, g_hash_table_unref);
}

const BfHelper *
_bf_document_context_helper (BfDocumentContext *context, gint64 helper_id)
{
  gpointer value;

  if (helper_id <= 0)
    return NULL;
  if (!g_hash_table_lookup_extended (context->helpers, &helper_id, NULL, &value))
    {
      /* A helper that cannot be read prints as none rather than failing the whole village. */
      value = bf_store_helper_get (context->store, helper_id, NULL);
      g_hash_table_insert (context->helpers, g_memdup2 (&helper_id, sizeof helper_id), value);
    }
  return value;
}

BfHousehold *
_bf_document_household (BfDocumentContext *context, gint64 id, GError **error)
{
  BfHousehold *household = bf_store_household_get (context->store, id, error);

  if (household != NULL && household->deleted_at != NULL)
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND,
                   _ ("Household %s is deleted: restore it to print its documents."),
                   household->number);
      bf_household_free (household);
      return NULL;
    }
  return household;
}

double
_bf_document_scale (double width)
{
  /* The drawable width of A4 with 2 cm margins is 1. */
  return CLAMP (width / (BF_A4_WIDTH_PT - 40 * BF_PT_PER_MM), 0.72, 1.0);
}
