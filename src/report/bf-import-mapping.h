/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which column of an imported sheet holds which field of the register.
 *
 * The national system's person list (docs/domain.md §9, the "人员台账" sheet Bangfu's own ledger
 * writes) is recognised by its header row and mapped without questions. Any other sheet gets a
 * proposal from the headers' usual names (身份证号 / 证件号码 / 公民身份号码 …) that the caseworker
 * corrects. A mapping is saved as JSON under its header signature, a hash of the normalised header
 * texts, so that the next sheet with the same headers is offered the same mapping. */

#define BF_IMPORT_ERROR (bf_import_error_quark ())

typedef enum
{
  BF_IMPORT_ERROR_MAPPING,      /* a mapping that cannot be used: the message says why */
  BF_IMPORT_ERROR_NO_HEADER,    /* no row of the sheet is the header the mapping needs */
  BF_IMPORT_ERROR_NOT_NATIONAL, /* no mapping given and no sheet has the national columns */
} BfImportError;

GQuark bf_import_error_quark (void);

/* Stable: their keys are in saved mappings. Household fields repeat on every row of a household;
 * member fields are the row's person. */
typedef enum
{
  BF_IMPORT_FIELD_NONE, /* the column is not imported */
  /* household */
  BF_IMPORT_FIELD_COUNTY,
  BF_IMPORT_FIELD_TOWNSHIP,
  BF_IMPORT_FIELD_VILLAGE,
  BF_IMPORT_FIELD_GROUP,
  BF_IMPORT_FIELD_HOUSEHOLD_NUMBER,
  BF_IMPORT_FIELD_HEAD_NAME, /* a home-made sheet's head of household on every row */
  BF_IMPORT_FIELD_ADDRESS,
  BF_IMPORT_FIELD_BANK_NAME,
  BF_IMPORT_FIELD_BANK_ACCOUNT,
  BF_IMPORT_FIELD_ATTRIBUTE,
  BF_IMPORT_FIELD_MONITORING_TYPE,
  BF_IMPORT_FIELD_STANDARD,
  BF_IMPORT_FIELD_PRIMARY_CAUSE,
  BF_IMPORT_FIELD_OTHER_CAUSES,
  BF_IMPORT_FIELD_MEMBER_COUNT,
  BF_IMPORT_FIELD_PER_CAPITA_INCOME,
  BF_IMPORT_FIELD_DANGEROUS_HOUSE,
  BF_IMPORT_FIELD_RELOCATED,
  BF_IMPORT_FIELD_WATER_SECURED,
  BF_IMPORT_FIELD_FARMLAND,
  BF_IMPORT_FIELD_FIRST_IDENTIFIED,
  BF_IMPORT_FIELD_STATUS,
  BF_IMPORT_FIELD_RISK_CLEARED,
  /* member */
  BF_IMPORT_FIELD_PERSON_NUMBER,
  BF_IMPORT_FIELD_NAME,
  BF_IMPORT_FIELD_ID_NUMBER,
  BF_IMPORT_FIELD_RELATION,
  BF_IMPORT_FIELD_SEX,
  BF_IMPORT_FIELD_BIRTH_DATE,
  BF_IMPORT_FIELD_ETHNICITY,
  BF_IMPORT_FIELD_EDUCATION,
  BF_IMPORT_FIELD_SCHOOL_STATUS,
  BF_IMPORT_FIELD_HEALTH,
  BF_IMPORT_FIELD_DISABILITY_GRADE,
  BF_IMPORT_FIELD_LABOUR,
  BF_IMPORT_FIELD_WORK_STATUS,
  BF_IMPORT_FIELD_WORK_MONTHS,
  BF_IMPORT_FIELD_MEDICAL_INSURANCE,
  BF_IMPORT_FIELD_SERIOUS_ILLNESS_INSURANCE,
  BF_IMPORT_FIELD_PENSION_INSURANCE,
  BF_IMPORT_FIELD_PHONE, /* the person's; the head's is also the household's */
  BF_IMPORT_N_FIELDS
} BfImportField;

/* "village", "id_number", …: the key in saved mappings; NULL for NONE. */
const char *bf_import_field_key (BfImportField field);
/* From a key; BF_IMPORT_FIELD_NONE when unknown. */
BfImportField bf_import_field_from_key (const char *key);
/* Translated, for the mapping step's choices ("ID number"). */
const char *bf_import_field_label (BfImportField field);
/* The national system's header of the field ("证件号码"), also the proposal's first name. */
const char *bf_import_field_national_header (BfImportField field);
gboolean bf_import_field_is_household (BfImportField field);
/* Name, ID number, relation to head and village must be mapped. */
gboolean bf_import_field_is_required (BfImportField field);

/* A header as it is compared: NFKC (full-width brackets and letters folded), no spaces or marks
 * of required columns ("*"), case-folded. */
char *bf_import_normalize_header (const char *header);
/* The field whose usual names include @header (any spelling bf_import_normalize_header() folds
 * together), or BF_IMPORT_FIELD_NONE. */
BfImportField bf_import_field_for_header (const char *header);
/* SHA-256 in hex of the normalised headers in order, trailing empty ones dropped. */
char *bf_import_header_signature (const char *const *headers, guint n_headers);

typedef struct _BfImportMapping BfImportMapping;

/* Every column unmapped. @header_row: the header's row number in its sheet (0: not known). */
BfImportMapping *
bf_import_mapping_new (const char *const *headers, guint n_headers, guint64 header_row);
/* Each column mapped to the field its header names, each field at most once (the first column
 * wins); national when the headers are the national person list's. */
BfImportMapping *
bf_import_mapping_propose (const char *const *headers, guint n_headers, guint64 header_row);
BfImportMapping *bf_import_mapping_copy (const BfImportMapping *mapping);
void bf_import_mapping_free (BfImportMapping *mapping);

/* TRUE when the headers are the national person list's (mapped without questions). */
gboolean bf_import_mapping_is_national (const BfImportMapping *mapping);
guint bf_import_mapping_get_n_columns (const BfImportMapping *mapping);
const char *bf_import_mapping_get_header (const BfImportMapping *mapping, guint column);
BfImportField bf_import_mapping_get_field (const BfImportMapping *mapping, guint column);
/* Maps @column to @field; a column that had @field before loses it (a field has one column). */
void bf_import_mapping_set_field (BfImportMapping *mapping, guint column, BfImportField field);
/* The column of @field, or -1. */
int bf_import_mapping_find_column (const BfImportMapping *mapping, BfImportField field);
const char *bf_import_mapping_get_signature (const BfImportMapping *mapping);
guint64 bf_import_mapping_get_header_row (const BfImportMapping *mapping);
void bf_import_mapping_set_header_row (BfImportMapping *mapping, guint64 header_row);
/* FALSE with BF_IMPORT_ERROR_MAPPING naming the required fields that have no column. */
gboolean bf_import_mapping_check (const BfImportMapping *mapping, GError **error);

/* {"version":1,"signature":"…","header_row":2,"columns":[{"header":"姓名","field":"name"},…]}
 * (unmapped columns have "field": null). */
char *bf_import_mapping_to_json (const BfImportMapping *mapping);
/* Unknown field keys are an error, as is a signature that is not the headers'. */
BfImportMapping *bf_import_mapping_new_from_json (const char *json, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfImportMapping, bf_import_mapping_free)

G_END_DECLS
