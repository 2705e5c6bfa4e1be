/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bf-measures.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-dates.h"

/* Sub-type codes are stored in registers: never rename or reuse one. The labels are the usual
 * names of the national programmes (zh_CN in po/). */

static const BfCode industry_subtypes[] = {
  { "planting", N_ ("Crop planting") },
  { "breeding", N_ ("Livestock breeding") },
  { "processing", N_ ("Farm produce processing") },
  { "tourism", N_ ("Rural tourism") },
  { "ecommerce", N_ ("E-commerce") },
  { "cooperative", N_ ("Led by a cooperative or enterprise") },
  { "asset_income", N_ ("Asset income (photovoltaic, shares)") },
  { "other", N_ ("Other") },
};

static const BfCode employment_subtypes[] = {
  { "training", N_ ("Skills training") },
  { "placement", N_ ("Job placement away from home") },
  { "public_post", N_ ("Public welfare post") },
  { "workshop", N_ ("Poverty alleviation workshop") },
  { "entrepreneurship", N_ ("Support for starting a business") },
  { "other", N_ ("Other") },
};

static const BfCode education_subtypes[] = {
  { "fee_waiver", N_ ("Tuition and fee waiver") },
  { "living_allowance", N_ ("Living allowance for boarders") },
  { "rain_plan", N_ ("Rain Plan vocational subsidy") },
  { "student_loan", N_ ("Student loan") },
  { "dropout_control", N_ ("Keeping children in school") },
  { "other", N_ ("Other") },
};

static const BfCode health_subtypes[] = {
  { "insurance_subsidy", N_ ("Subsidised medical insurance contribution") },
  { "serious_illness", N_ ("Treatment of serious illness") },
  { "chronic_care", N_ ("Family doctor for chronic illness") },
  { "medical_assistance", N_ ("Medical assistance") },
  { "rehabilitation", N_ ("Rehabilitation") },
  { "other", N_ ("Other") },
};

static const BfCode ecology_subtypes[] = {
  { "forest_ranger", N_ ("Ecological forest ranger") },
  { "grain_to_green", N_ ("Returning farmland to forest") },
  { "compensation", N_ ("Ecological compensation") },
  { "irrigation", N_ ("Small water works and irrigation") },
  { "other", N_ ("Other") },
};

static const BfCode housing_subtypes[] = {
  { "renovation", N_ ("Renovation of a dangerous house") },
  { "relocation", N_ ("Relocation for poverty alleviation") },
  { "after_relocation", N_ ("Follow-up support after relocation") },
  { "other", N_ ("Other") },
};

static const BfCode social_security_subtypes[] = {
  { "dibao", N_ ("Minimum living allowance") },
  { "tekun", N_ ("Extreme-hardship support") },
  { "temporary_relief", N_ ("Temporary relief") },
  { "disability_allowance", N_ ("Disability allowances") },
  { "pension", N_ ("Pension insurance contribution paid") },
  { "other", N_ ("Other") },
};

static const BfCode finance_subtypes[] = {
  { "microcredit", N_ ("Poverty alleviation microcredit") },
  { "interest_subsidy", N_ ("Loan interest subsidy") },
  { "insurance", N_ ("Agricultural insurance") },
  { "other", N_ ("Other") },
};

static const BfCode other_subtypes[] = {
  { "road", N_ ("Road to the village or group") },
  { "drinking_water", N_ ("Safe drinking water") },
  { "power", N_ ("Power supply") },
  { "network", N_ ("Network and communications") },
  { "motivation", N_ ("Building motivation and know-how") },
  { "other", N_ ("Other") },
};

static const struct
{
  const char *category;
  const BfCode *subtypes;
  gsize n_subtypes;
} categories[] = {
  { "industry", industry_subtypes, G_N_ELEMENTS (industry_subtypes) },
  { "employment", employment_subtypes, G_N_ELEMENTS (employment_subtypes) },
  { "education", education_subtypes, G_N_ELEMENTS (education_subtypes) },
  { "health", health_subtypes, G_N_ELEMENTS (health_subtypes) },
  { "ecology", ecology_subtypes, G_N_ELEMENTS (ecology_subtypes) },
  { "housing", housing_subtypes, G_N_ELEMENTS (housing_subtypes) },
  { "social_security", social_security_subtypes, G_N_ELEMENTS (social_security_subtypes) },
  { "finance", finance_subtypes, G_N_ELEMENTS (finance_subtypes) },
  { "other", other_subtypes, G_N_ELEMENTS (other_subtypes) },
};

/* What usually answers each cause (docs/domain.md §6). Ordered by cause, most important first. */
static const BfMeasureSuggestion suggestions[] = {
  { "illness", "health", "insurance_subsidy", "medical_insurance",
    N_ ("Enrol every member in basic medical and serious-illness insurance, contribution "
        "subsidised") },
  { "illness", "health", "serious_illness", "health",
    N_ ("Treat the serious illness under the special scheme and settle the bills at once") },
  { "illness", "health", "chronic_care", "health",
    N_ ("Sign up with a family doctor for the chronic illness") },
  { "illness", "health", "medical_assistance", "civil_affairs",
    N_ ("Apply for medical assistance for what insurance does not pay") },

  { "disability", "social_security", "disability_allowance", "civil_affairs",
    N_ ("Apply for the living allowance and nursing allowance for the disabled") },
  { "disability", "health", "rehabilitation", "health",
    N_ ("Arrange rehabilitation and assistive devices") },
  { "disability", "social_security", "dibao", "civil_affairs",
    N_ ("Check eligibility for the minimum living allowance") },

  { "schooling", "education", "fee_waiver", "education",
    N_ ("Waive tuition and fees for the children in school") },
  { "schooling", "education", "living_allowance", "education",
    N_ ("Apply for the living allowance for boarding students") },
  { "schooling", "education", "rain_plan", "poverty",
    N_ ("Apply for the Rain Plan subsidy for vocational school") },
  { "schooling", "education", "student_loan", "education",
    N_ ("Arrange a student loan for college") },

  { "disaster", "housing", "renovation", "housing",
    N_ ("Repair or rebuild the house damaged by the disaster") },
  { "disaster", "social_security", "temporary_relief", "civil_affairs",
    N_ ("Grant temporary relief after the disaster") },
  { "disaster", "finance", "insurance", "agriculture",
    N_ ("Insure crops and livestock against disasters") },

  { "land", "industry", "cooperative", "agriculture",
    N_ ("Join a cooperative or enterprise that rents land and shares income") },
  { "land", "ecology", "forest_ranger", "agriculture",
    N_ ("Employ a member as an ecological forest ranger") },
  { "land", "industry", "asset_income", "poverty",
    N_ ("Share in asset income from a poverty alleviation project") },

  { "water", "other", "drinking_water", "water",
    N_ ("Connect the household to safe drinking water") },
  { "water", "ecology", "irrigation", "water",
    N_ ("Build small water works and water-saving irrigation") },
  { "water", "industry", "planting", "agriculture",
    N_ ("Plant drought-tolerant crops with technical guidance") },

  { "skills", "employment", "training", "hrss",
    N_ ("Train a working-age member in a practical skill") },
  { "skills", "employment", "placement", "hrss",
    N_ ("Place a trained member in a job away from home") },
  { "skills", "industry", "planting", "agriculture",
    N_ ("Give on-site farming and breeding technical guidance") },

  { "labour", "social_security", "dibao", "civil_affairs",
    N_ ("Check eligibility for the minimum living allowance or extreme-hardship support") },
  { "labour", "employment", "public_post", "hrss",
    N_ ("Offer a public welfare post within the member's ability") },
  { "labour", "industry", "asset_income", "poverty",
    N_ ("Share in asset income from a poverty alleviation project") },

  { "funds", "finance", "microcredit", "poverty",
    N_ ("Arrange a poverty alleviation microcredit loan for production") },
  { "funds", "finance", "interest_subsidy", "poverty", N_ ("Subsidise the loan interest") },
  { "funds", "industry", "breeding", "agriculture",
    N_ ("Start a breeding or planting project with the loan") },

  { "transport", "other", "road", "transport",
    N_ ("Build or harden the road to the household's group") },
  { "transport", "industry", "ecommerce", "poverty",
    N_ ("Sell produce through a village e-commerce service point") },

  { "motivation", "other", "motivation", "poverty",
    N_ ("Talk with the household, set goals together and follow up") },
  { "motivation", "employment", "public_post", "hrss",
    N_ ("Offer a public welfare post to build the habit of work") },
  { "motivation", "industry", "cooperative", "agriculture",
    N_ ("Join a cooperative that pays for work done") },
};

const BfCode *
bf_measure_subtypes (const char *category, gsize *n_subtypes)
{
  if (n_subtypes != NULL)
    *n_subtypes = 0;
  if (category == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    if (strcmp (categories[i].category, category) == 0)
      {
        if (n_subtypes != NULL)
          *n_subtypes = categories[i].n_subtypes;
        return categories[i].subtypes;
      }
  return NULL;
}

static const BfCode *
find_subtype (const char *category, const char *subtype)
{
  gsize n = 0;
  const BfCode *subtypes = bf_measure_subtypes (category, &n);

  if (subtype == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (strcmp (subtypes[i].code, subtype) == 0)
      return &subtypes[i];
  return NULL;
}

const char *
bf_measure_subtype_label (const char *category, const char *subtype)
{
  const BfCode *found = find_subtype (category, subtype);

  return found != NULL ? g_dgettext (GETTEXT_PACKAGE, found->label) : NULL;
}

gboolean
bf_measure_subtype_is_valid (const char *category, const char *subtype)
{
  return find_subtype (category, subtype) != NULL;
}

const BfMeasureSuggestion *
bf_measure_suggestions_for_cause (const char *cause, gsize *n)
{
  gsize first = G_N_ELEMENTS (suggestions);
  gsize count = 0;

  if (cause != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (suggestions); i++)
      if (strcmp (suggestions[i].cause, cause) == 0)
        {
          if (count == 0)
            first = i;
          count++;
        }
  if (n != NULL)
    *n = count;
  return count > 0 ? &suggestions[first] : NULL;
}

static gboolean
same_measure (const BfMeasureSuggestion *a, const BfMeasureSuggestion *b)
{
  return strcmp (a->category, b->category) == 0 && strcmp (a->subtype, b->subtype) == 0;
}

GPtrArray *
bf_measure_suggest (const char *const *causes, gsize n_causes)
{
  GPtrArray *result = g_ptr_array_new ();

  for (gsize c = 0; c < n_causes; c++)
    {
      gsize n = 0;
      const BfMeasureSuggestion *found = bf_measure_suggestions_for_cause (causes[c], &n);

      for (gsize i = 0; i < n; i++)
        {
          gboolean seen = FALSE;

          for (guint j = 0; j < result->len && !seen; j++)
            seen = same_measure (g_ptr_array_index (result, j), &found[i]);
          if (!seen)
            g_ptr_array_add (result, (gpointer) &found[i]);
        }
    }
  return result;
}

gboolean
bf_measure_status_is_open (const char *status)
{
  return g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "in_progress") == 0;
}

gboolean
bf_measure_is_overdue (const char *status, const char *due_on, const GDate *today)
{
  GDate due;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!bf_measure_status_is_open (status) || due_on == NULL)
    return FALSE;
  if (!bf_date_parse (due_on, &due, NULL))
    return FALSE;
  return g_date_compare (&due, today) < 0;
}
