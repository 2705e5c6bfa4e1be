/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The field tables of households, members and surveys (bf-store-household-fields.c): one
 * description per column drives binding, reading, validation and the audit diff, so that a
 * column added to a record is handled everywhere at once. Shared by bf-store-household.c (reading
 * and writing) and bf-store-household-checks.c (validation). */

#include "bf-codes.h"
#include "bf-store-private.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_TEXT,  /* char *: NULL or "" is not recorded */
  FIELD_DATE,  /* char *: ISO date */
  FIELD_CODE,  /* char *: a code of @list */
  FIELD_REF,   /* gint64 row id: 0 is none */
  FIELD_INT,   /* int, always recorded */
  FIELD_TRI,   /* int: -1 not recorded, 0 no, 1 yes */
  FIELD_COUNT, /* int: < 0 not recorded, else 0..max */
  FIELD_GRADE, /* int: 0 none, else 1..max */
  FIELD_FEN,   /* gint64, always recorded; never negative unless @signed_fen */
  FIELD_REAL,  /* double: < 0 not recorded */
} FieldKind;

typedef struct
{
  const char *column;
  FieldKind kind;
  gsize offset;
  const char *label; /* marked for translation: names the field in messages */
  BfCodeList list;   /* FIELD_CODE */
  int max;           /* FIELD_COUNT, FIELD_GRADE */
  gboolean required; /* FIELD_TEXT, FIELD_CODE */
  gboolean signed_fen;
} Field;

typedef struct
{
  const char *table;
  const Field *fields;
  guint n_fields;
} Table;

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_REAL,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType type;
  gint64 i;
  double d;
  const char *s;
} Value;

#define FIELD_PTR(record, field) ((char *) (record) + (field)->offset)

/* A column the caller computes (derived or fixed), written after the table's fields. */
typedef struct
{
  const char *column;
  Value value;
} Extra;

extern const Table _bf_households_table;
extern const Table _bf_members_table;
extern const Table _bf_surveys_table;

/* A field of @record as a value to bind or compare; NULL for "not recorded". */
Value _bf_field_get (const Field *field, gconstpointer record);
/* Sets a field of @record from @v; VALUE_NULL: "not recorded", as bf_*_new() leaves it. */
void _bf_field_set (const Field *field, gpointer record, const Value *v);
void _bf_value_bind (sqlite3_stmt *stmt, int idx, const Value *v);
/* Adds "column": [before, after] to an audit change set. */
void _bf_value_changes_add (JsonObject *changes,
                            const char *column,
                            const Value *before,
                            const Value *after);
/* {"column": [before, after]} for every field that differs; @before NULL: a new record. */
JsonObject *_bf_fields_diff (const Table *table, gconstpointer before, gconstpointer after);
/* Binds the fields from @idx on; returns the next index. */
int _bf_fields_bind (const Table *table, sqlite3_stmt *stmt, int idx, gconstpointer record);
/* Reads the fields from column @col on into @record; returns the next column. */
int _bf_fields_read (const Table *table, sqlite3_stmt *stmt, int col, gpointer record);
/* "col1, col2, …" of the fields. */
char *_bf_fields_columns (const Table *table);
/* INSERT binding uuid, created_at, updated_at, the fields, then the extras. */
char *_bf_fields_insert_sql (const Table *table, const Extra *extras, guint n_extras);
/* UPDATE binding updated_at, the fields, the extras, then the id. */
char *_bf_fields_update_sql (const Table *table, const Extra *extras, guint n_extras);
/* Steps a query expected to give at most one row: 1 a row (left for reading; reset it after),
 * 0 none, -1 an error. */
int _bf_step_one (BfStore *self, sqlite3_stmt *stmt, const char *what, GError **error);

G_END_DECLS
