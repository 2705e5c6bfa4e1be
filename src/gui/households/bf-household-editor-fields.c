/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form's sections, as tables of fields, and a household's record as the
 * values of those fields. */
#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-household-editor-private.h"
#include "bf-money.h"

static const BfFieldSpec basic_fields[] = {
  { "number", BF_FIELD_TEXT, N_ ("Household number") },
  { "village", BF_FIELD_CHOICE, N_ ("Village") },
  { "group", BF_FIELD_CHOICE, N_ ("Group") },
  { "address", BF_FIELD_TEXT, N_ ("Address") },
  { "phone", BF_FIELD_PHONE, N_ ("Phone") },
  { "bank_name", BF_FIELD_TEXT, N_ ("Bank") },
  { "bank_account", BF_FIELD_SECRET, N_ ("Bank account") },
  { "attribute", BF_FIELD_CODES, N_ ("Attribute"), BF_CODES_ATTRIBUTE, N_ ("Not recorded") },
  { "monitoring_type", BF_FIELD_CODES, N_ ("Monitoring type"), BF_CODES_MONITORING_TYPE,
    N_ ("Not recorded") },
  { "standard", BF_FIELD_CODES, N_ ("Identification standard"), BF_CODES_STANDARD,
    N_ ("Not recorded") },
  { "first_identified_on", BF_FIELD_DATE, N_ ("First identified on") },
};

static const BfFieldSpec income_fields[] = {
  { "year", BF_FIELD_NUMBER, N_ ("Survey year") },
  { "wage", BF_FIELD_NUMBER, N_ ("Wage income") },
  { "business", BF_FIELD_NUMBER, N_ ("Business income") },
  { "property", BF_FIELD_NUMBER, N_ ("Property income") },
  { "transfer", BF_FIELD_NUMBER, N_ ("Transfer income") },
  { "business_expense", BF_FIELD_NUMBER, N_ ("Business expenses") },
};

static const BfFieldSpec expense_fields[] = {
  { "education_expense", BF_FIELD_NUMBER, N_ ("Education expenditure") },
  { "medical_expense", BF_FIELD_NUMBER, N_ ("Medical expenditure") },
  { "housing_expense", BF_FIELD_NUMBER, N_ ("Housing expenditure") },
  { "pension_expense", BF_FIELD_NUMBER, N_ ("Elderly care expenditure") },
  { "rigid_expense", BF_FIELD_NUMBER, N_ ("Large unavoidable expenditure") },
  { "debt", BF_FIELD_NUMBER, N_ ("Household debt") },
};

static const BfFieldSpec cause_fields[] = {
  { "primary_cause", BF_FIELD_CODES, N_ ("Primary cause"), BF_CODES_CAUSE, N_ ("Not recorded") },
  { "other_cause_1", BF_FIELD_CODES, N_ ("Other cause"), BF_CODES_CAUSE, N_ ("None") },
  { "other_cause_2", BF_FIELD_CODES, N_ ("Second other cause"), BF_CODES_CAUSE, N_ ("None") },
  { "cause_note", BF_FIELD_TEXT, N_ ("Description of the causes") },
};

/* In the order of BfGuarantee. */
static const BfFieldSpec guarantee_fields[] = {
  { "food_note", BF_FIELD_NOTE_SWITCH, N_ ("Enough to eat"), 0, NULL, "food_secured" },
  { "clothing_note", BF_FIELD_NOTE_SWITCH, N_ ("Enough to wear"), 0, NULL, "clothing_secured" },
  { "education_note", BF_FIELD_NOTE_SWITCH, N_ ("Compulsory education secured"), 0, NULL,
    "education_secured" },
  { "medical_note", BF_FIELD_NOTE_SWITCH, N_ ("Basic medical care secured"), 0, NULL,
    "medical_secured" },
  { "housing_note", BF_FIELD_NOTE_SWITCH, N_ ("Safe housing secured"), 0, NULL, "housing_secured" },
  { "water_note", BF_FIELD_NOTE_SWITCH, N_ ("Safe drinking water secured"), 0, NULL,
    "water_secured" },
};

static const BfFieldSpec housing_fields[] = {
  { "house_area", BF_FIELD_NUMBER, N_ ("House area (m²)") },
  { "dangerous_house", BF_FIELD_SWITCH, N_ ("Dangerous house") },
  { "relocated", BF_FIELD_SWITCH, N_ ("Relocated for poverty alleviation") },
  { "farmland", BF_FIELD_NUMBER, N_ ("Farmland (mu)") },
  { "forest", BF_FIELD_NUMBER, N_ ("Forest land (mu)") },
  { "livestock", BF_FIELD_TEXT, N_ ("Livestock") },
  { "industry", BF_FIELD_TEXT, N_ ("Industry development") },
};

static const BfFieldSpec survey_fields[] = {
  { "surveyed_on", BF_FIELD_DATE, N_ ("Survey date") },
  { "surveyor", BF_FIELD_TEXT, N_ ("Surveyor") },
  { "verifier", BF_FIELD_TEXT, N_ ("Verifier") },
  { "verified_on", BF_FIELD_DATE, N_ ("Verification date") },
};

const BfHouseholdFieldTable bf_household_basic_fields = { basic_fields,
                                                          G_N_ELEMENTS (basic_fields) };
const BfHouseholdFieldTable bf_household_income_fields = { income_fields,
                                                           G_N_ELEMENTS (income_fields) };
const BfHouseholdFieldTable bf_household_expense_fields = { expense_fields,
                                                            G_N_ELEMENTS (expense_fields) };
const BfHouseholdFieldTable bf_household_cause_fields = { cause_fields,
                                                          G_N_ELEMENTS (cause_fields) };
const BfHouseholdFieldTable bf_household_guarantee_fields = { guarantee_fields,
                                                              G_N_ELEMENTS (guarantee_fields) };
const BfHouseholdFieldTable bf_household_housing_fields = { housing_fields,
                                                            G_N_ELEMENTS (housing_fields) };
const BfHouseholdFieldTable bf_household_survey_fields = { survey_fields,
                                                           G_N_ELEMENTS (survey_fields) };

static const BfHouseholdMoneyField money_fields[] = {
  { "wage", G_STRUCT_OFFSET (BfSurvey, wage_fen), FALSE },
  { "business", G_STRUCT_OFFSET (BfSurvey, business_fen), TRUE },
  { "property", G_STRUCT_OFFSET (BfSurvey, property_fen), FALSE },
  { "transfer", G_STRUCT_OFFSET (BfSurvey, transfer_fen), FALSE },
  { "business_expense", G_STRUCT_OFFSET (BfSurvey, business_expense_fen), FALSE },
  { "education_expense", G_STRUCT_OFFSET (BfSurvey, education_expense_fen), FALSE },
  { "medical_expense", G_STRUCT_OFFSET (BfSurvey, medical_expense_fen), FALSE },
  { "housing_expense", G_STRUCT_OFFSET (BfSurvey, housing_expense_fen), FALSE },
  { "pension_expense", G_STRUCT_OFFSET (BfSurvey, pension_expense_fen), FALSE },
  { "rigid_expense", G_STRUCT_OFFSET (BfSurvey, rigid_expense_fen), FALSE },
  { "debt", G_STRUCT_OFFSET (BfSurvey, debt_fen), FALSE },
};

/* Its length is checked here, where the table is. */
G_STATIC_ASSERT (G_N_ELEMENTS (money_fields) == BF_HOUSEHOLD_N_MONEY_FIELDS);
const BfHouseholdMoneyField *const bf_household_money_fields = money_fields;

const char *const bf_household_guarantee_keys[BF_N_GUARANTEES] = {
  "food", "clothing", "education", "medical", "housing", "water",
};

void
_bf_household_editor_build_fields (BfHouseholdEditor *self,
                                   AdwPreferencesGroup *group,
                                   const BfHouseholdFieldTable *table)
{
  bf_form_build (self->form, group, table->specs, table->n_specs);
}

static void
set_string (JsonObject *object, const char *key, const char *value)
{
  json_object_set_string_member (object, key, value != NULL ? value : "");
}

static void
set_tri_state (JsonObject *object, const char *key, int value)
{
  set_string (object, key, value < 0 ? "" : value > 0 ? "1" : "0");
}

static void
set_id (JsonObject *object, const char *key, gint64 id)
{
  g_autofree char *text = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");

  set_string (object, key, text);
}

static void
set_area (JsonObject *object, const char *key, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_string (object, key,
              value < 0 ? "" : g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

int
_bf_household_editor_current_year (void)
{
  GDate today;

  bf_date_today (&today);
  return g_date_get_year (&today);
}

JsonObject *
_bf_household_editor_household_to_fields (const BfHousehold *household)
{
  JsonObject *object = json_object_new ();
  const BfSurvey *survey = household->survey;
  g_autofree char *year =
    g_strdup_printf ("%d", survey != NULL ? survey->year : _bf_household_editor_current_year ());

  set_string (object, "number", household->number);
  set_id (object, "village", household->village_id);
  set_id (object, "group", household->group_id);
  set_string (object, "address", household->address);
  set_string (object, "phone", household->phone);
  set_string (object, "bank_name", household->bank_name);
  set_string (object, "bank_account", household->bank_account);
  set_string (object, "attribute", household->attribute);
  set_string (object, "monitoring_type", household->monitoring_type);
  set_string (object, "standard", household->standard);
  set_string (object, "first_identified_on", household->first_identified_on);
  set_string (object, "primary_cause", household->primary_cause);
  set_string (object, "other_cause_1", household->other_causes[0]);
  set_string (object, "other_cause_2", household->other_causes[1]);
  set_string (object, "cause_note", household->cause_note);
  set_area (object, "house_area", household->house_area_m2);
  set_tri_state (object, "dangerous_house", household->dangerous_house);
  set_tri_state (object, "relocated", household->relocated);
  set_area (object, "farmland", household->farmland_mu);
  set_area (object, "forest", household->forest_mu);
  set_string (object, "livestock", household->livestock);
  set_string (object, "industry", household->industry);

  set_string (object, "year", year);
  for (guint i = 0; i < BF_HOUSEHOLD_N_MONEY_FIELDS; i++)
    {
      g_autofree char *amount = NULL;

      if (survey != NULL)
        amount = bf_money_format_plain (SURVEY_FEN (survey, &bf_household_money_fields[i]));
      set_string (object, bf_household_money_fields[i].key, amount);
    }
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      g_autofree char *secured = g_strconcat (bf_household_guarantee_keys[i], "_secured", NULL);
      g_autofree char *note = g_strconcat (bf_household_guarantee_keys[i], "_note", NULL);

      set_tri_state (object, secured, survey != NULL ? survey->secured[i] : -1);
      set_string (object, note, survey != NULL ? survey->secured_note[i] : NULL);
    }
  set_string (object, "surveyed_on", survey != NULL ? survey->surveyed_on : NULL);
  set_string (object, "surveyor", survey != NULL ? survey->surveyor : NULL);
  set_string (object, "verifier", survey != NULL ? survey->verifier : NULL);
  set_string (object, "verified_on", survey != NULL ? survey->verified_on : NULL);
  return object;
}
