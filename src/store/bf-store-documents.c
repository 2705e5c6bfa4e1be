/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-store-documents.h"
#include "bf-store-plans-private.h"
#include "bf-store-private.h"

GArray *
bf_store_village_household_ids (BfStore *self,
                                gint64 village_id,
                                gboolean assisted_only,
                                GError **error)
{
  g_autoptr (BfCachedStmt) stmt = NULL;
  g_autoptr (GArray) ids = NULL;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);

  if (!_bf_village_exists (self, village_id, error))
    return NULL;
  stmt = _bf_store_prepare (self,
                            assisted_only
                              ? "SELECT id FROM households WHERE village_id = ? AND deleted_at IS "
                                "NULL AND status IN " BF_SQL_PLANNED_STATUSES
                                " ORDER BY ifnull(group_id, 0), number"
                              : "SELECT id FROM households WHERE village_id = ? AND deleted_at IS "
                                "NULL ORDER BY ifnull(group_id, 0), number",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, village_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the village’s households"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static const char *const income_codes[] = {
  [BF_CARD_INCOME_NONE] = "none",
  [BF_CARD_INCOME_PER_CAPITA] = "per_capita",
  [BF_CARD_INCOME_DETAIL] = "detail",
};

const char *
bf_card_income_to_code (BfCardIncome income)
{
  g_return_val_if_fail ((guint) income < G_N_ELEMENTS (income_codes), NULL);
  return income_codes[income];
}

gboolean
bf_card_income_from_code (const char *code, BfCardIncome *income)
{
  for (guint i = 0; i < G_N_ELEMENTS (income_codes); i++)
    if (g_strcmp0 (code, income_codes[i]) == 0)
      {
        if (income != NULL)
          *income = (BfCardIncome) i;
        return TRUE;
      }
  return FALSE;
}

BfCardIncome
bf_store_card_income (BfStore *self)
{
  g_autofree char *value = NULL;
  BfCardIncome income = BF_CARD_INCOME_NONE;

  g_return_val_if_fail (BF_IS_STORE (self), BF_CARD_INCOME_NONE);

  value = bf_store_setting_get (self, BF_SETTING_CARD_INCOME);
  /* Anything else, written by hand or by a newer Bangfu, shows nothing: the safe side. */
  if (!bf_card_income_from_code (value, &income))
    return BF_CARD_INCOME_NONE;
  return income;
}

gboolean
bf_store_set_card_income (BfStore *self, BfCardIncome income, GError **error)
{
  g_return_val_if_fail (BF_IS_STORE (self), FALSE);

  if ((guint) income >= G_N_ELEMENTS (income_codes))
    {
      g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ ("The card’s income setting must be none, per-capita or detail."));
      return FALSE;
    }
  return bf_store_setting_set (self, BF_SETTING_CARD_INCOME, income_codes[income], error);
}
