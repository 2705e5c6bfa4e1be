/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-measures.h"

#include <string.h>

/* Every category has sub-types, each code once, and "other" to fall back on. */
static void
test_subtypes (void)
{
  gsize n_categories = 0;
  const BfCode *categories = bf_codes (BF_CODES_MEASURE_CATEGORY, &n_categories);

  for (gsize c = 0; c < n_categories; c++)
    {
      gsize n = 0;
      const BfCode *subtypes = bf_measure_subtypes (categories[c].code, &n);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("category %s", categories[c].code);
      g_assert_nonnull (subtypes);
      g_assert_cmpuint (n, >=, 2);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_true (g_hash_table_add (seen, (gpointer) subtypes[i].code));
          g_assert_cmpstr (bf_measure_subtype_label (categories[c].code, subtypes[i].code), ==,
                           subtypes[i].label);
          g_assert_true (bf_measure_subtype_is_valid (categories[c].code, subtypes[i].code));
        }
      g_assert_true (g_hash_table_contains (seen, "other"));
    }

  /* Sub-types belong to their category only. */
  g_assert_true (bf_measure_subtype_is_valid ("finance", "microcredit"));
  g_assert_false (bf_measure_subtype_is_valid ("health", "microcredit"));
  g_assert_false (bf_measure_subtype_is_valid ("nonsense", "other"));
  g_assert_false (bf_measure_subtype_is_valid ("finance", NULL));
  g_assert_false (bf_measure_subtype_is_valid (NULL, "other"));
  g_assert_null (bf_measure_subtype_label ("finance", "road"));

  {
    gsize n = 99;
    g_assert_null (bf_measure_subtypes ("nonsense", &n));
    g_assert_cmpuint (n, ==, 0);
    g_assert_null (bf_measure_subtypes (NULL, &n));
  }
}

/* Every suggestion names real codes, and every cause but "other" has one. */
static void
test_suggestions_valid (void)
{
  gsize n_causes = 0;
  const BfCode *causes = bf_codes (BF_CODES_CAUSE, &n_causes);

  for (gsize c = 0; c < n_causes; c++)
    {
      gsize n = 0;
      const BfMeasureSuggestion *s = bf_measure_suggestions_for_cause (causes[c].code, &n);

      g_test_message ("cause %s", causes[c].code);
      if (strcmp (causes[c].code, "other") == 0)
        {
          g_assert_null (s);
          g_assert_cmpuint (n, ==, 0);
          continue;
        }
      g_assert_nonnull (s);
      g_assert_cmpuint (n, >=, 2);
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpstr (s[i].cause, ==, causes[c].code);
          g_assert_true (bf_code_is_valid (BF_CODES_MEASURE_CATEGORY, s[i].category));
          g_assert_true (bf_measure_subtype_is_valid (s[i].category, s[i].subtype));
          g_assert_true (bf_code_is_valid (BF_CODES_DEPARTMENT, s[i].department));
          g_assert_cmpuint (strlen (s[i].description), >, 10);
        }
    }
  {
    gsize n = 5;
    g_assert_null (bf_measure_suggestions_for_cause ("nonsense", &n));
    g_assert_cmpuint (n, ==, 0);
    g_assert_null (bf_measure_suggestions_for_cause (NULL, &n));
  }
}

static gboolean
suggests (const char *cause, const char *category, const char *subtype)
{
  gsize n = 0;
  const BfMeasureSuggestion *s = bf_measure_suggestions_for_cause (cause, &n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (s[i].category, category) == 0 &&
        (subtype == NULL || strcmp (s[i].subtype, subtype) == 0))
      return TRUE;
  return FALSE;
}

static const char *
first_category (const char *cause)
{
  gsize n = 0;
  const BfMeasureSuggestion *s = bf_measure_suggestions_for_cause (cause, &n);

  return n > 0 ? s[0].category : NULL;
}

/* The answers docs/domain.md §6 and the caseworkers' practice expect, cause by cause. */
static void
test_suggestions_match_causes (void)
{
  g_assert_cmpstr (first_category ("illness"), ==, "health");
  g_assert_cmpstr (first_category ("schooling"), ==, "education");
  g_assert_cmpstr (first_category ("skills"), ==, "employment");
  g_assert_true (suggests ("skills", "employment", "training"));
  g_assert_true (suggests ("disability", "social_security", NULL));
  g_assert_true (suggests ("disability", "health", NULL));
  g_assert_cmpstr (first_category ("funds"), ==, "finance");
  g_assert_true (suggests ("funds", "finance", "microcredit"));
  g_assert_cmpstr (first_category ("labour"), ==, "social_security");
  g_assert_true (suggests ("disaster", "housing", NULL));
  g_assert_true (suggests ("disaster", "social_security", NULL));
  g_assert_true (suggests ("land", "industry", NULL));
  g_assert_true (suggests ("land", "ecology", NULL));
  g_assert_true (suggests ("water", "ecology", NULL));
  g_assert_true (suggests ("water", "industry", NULL));
  g_assert_true (suggests ("transport", "other", "road"));
  g_assert_true (suggests ("motivation", "employment", NULL));
  g_assert_true (suggests ("motivation", "industry", NULL));
  /* Not every cause gets every answer. */
  g_assert_false (suggests ("schooling", "finance", NULL));
  g_assert_false (suggests ("illness", "education", NULL));
}

/* A household's causes: the primary's suggestions first, each measure once. */
static void
test_suggest_for_household (void)
{
  const char *causes[] = { "labour", NULL, "land" };
  g_autoptr (GPtrArray) all = bf_measure_suggest (causes, G_N_ELEMENTS (causes));
  gsize n_labour = 0, n_land = 0;
  const BfMeasureSuggestion *labour = bf_measure_suggestions_for_cause ("labour", &n_labour);
  guint asset_income = 0;

  bf_measure_suggestions_for_cause ("land", &n_land);
  g_assert_cmpuint (all->len, >, n_labour);
  /* Both causes suggest asset income: it is offered once, in the primary cause's place. */
  g_assert_cmpuint (all->len, ==, n_labour + n_land - 1);
  for (guint i = 0; i < n_labour; i++)
    g_assert_true (g_ptr_array_index (all, i) == &labour[i]);
  for (guint i = 0; i < all->len; i++)
    {
      const BfMeasureSuggestion *s = g_ptr_array_index (all, i);
      if (strcmp (s->subtype, "asset_income") == 0)
        asset_income++;
    }
  g_assert_cmpuint (asset_income, ==, 1);

  {
    g_autoptr (GPtrArray) none = bf_measure_suggest (NULL, 0);
    const char *other[] = { "other", "nonsense" };
    g_autoptr (GPtrArray) nothing = bf_measure_suggest (other, G_N_ELEMENTS (other));

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (nothing->len, ==, 0);
  }
}

static void
test_overdue (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  g_assert_true (bf_measure_is_overdue ("planned", "2026-06-14", &today));
  g_assert_true (bf_measure_is_overdue ("in_progress", "2025-12-31", &today));
  /* Due today is not late yet. */
  g_assert_false (bf_measure_is_overdue ("planned", "2026-06-15", &today));
  g_assert_false (bf_measure_is_overdue ("planned", "2026-07-01", &today));
  /* Done or dropped: never overdue. */
  g_assert_false (bf_measure_is_overdue ("completed", "2026-01-01", &today));
  g_assert_false (bf_measure_is_overdue ("cancelled", "2026-01-01", &today));
  /* No (or no readable) due date: nothing to be late for. */
  g_assert_false (bf_measure_is_overdue ("planned", NULL, &today));
  g_assert_false (bf_measure_is_overdue ("planned", "2026-02-30", &today));
  g_assert_false (bf_measure_is_overdue (NULL, "2026-01-01", &today));

  g_assert_true (bf_measure_status_is_open ("planned"));
  g_assert_true (bf_measure_status_is_open ("in_progress"));
  g_assert_false (bf_measure_status_is_open ("completed"));
  g_assert_false (bf_measure_status_is_open ("cancelled"));
  g_assert_false (bf_measure_status_is_open (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measures/subtypes", test_subtypes);
  g_test_add_func ("/measures/suggestions/valid", test_suggestions_valid);
  g_test_add_func ("/measures/suggestions/causes", test_suggestions_match_causes);
  g_test_add_func ("/measures/suggestions/household", test_suggest_for_household);
  g_test_add_func ("/measures/overdue", test_overdue);

  return g_test_run ();
}
