/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-codes.h"
#include "bf-import-mapping.h"
#include "bf-import.h"
#include "bf-sheet-reader.h"

G_BEGIN_DECLS

/* How a field's cells are read. */
typedef enum
{
  BF_IMPORT_KIND_TEXT,
  BF_IMPORT_KIND_DIGITS,    /* an identifier of digits, which a numeric cell damages */
  BF_IMPORT_KIND_ID_NUMBER, /* GB 11643 */
  BF_IMPORT_KIND_PHONE,
  BF_IMPORT_KIND_CODE,   /* a word of the field's code list */
  BF_IMPORT_KIND_CAUSES, /* up to two cause words */
  BF_IMPORT_KIND_HEALTH, /* a health word, with a disability grade in it or not */
  BF_IMPORT_KIND_GRADE,  /* a disability grade 1–4 */
  BF_IMPORT_KIND_STATUS, /* a lifecycle status word */
  BF_IMPORT_KIND_DATE,
  BF_IMPORT_KIND_MONEY,
  BF_IMPORT_KIND_COUNT,  /* a whole number of people */
  BF_IMPORT_KIND_MONTHS, /* 0–12 */
  BF_IMPORT_KIND_AREA,   /* mu, with decimals */
  BF_IMPORT_KIND_YES_NO,
} BfImportKind;

BfImportKind _bf_import_field_kind (BfImportField field);
/* For KIND_CODE and KIND_CAUSES. */
BfCodeList _bf_import_field_list (BfImportField field);

/* ---- Code words (bf-import-words.c) ---- */

/* The code of @list that @word names: the national system's word, a county's synonym
 * (五保户 → tekun) or the code itself. @grade (may be NULL) receives a disability grade written in
 * the word ("残疾二级" → 2), 0 when none. NULL for an unknown word. */
const char *_bf_import_word_code (BfCodeList list, const char *word, int *grade);
/* A lifecycle status code from its word (帮扶中 → registered); NULL when unknown. */
const char *_bf_import_status_code (const char *word);
/* 是/否, 有/无, Y/N, TRUE/FALSE, 1/0, √/×: 1 or 0; -1 when it is none of them. */
int _bf_import_yes_no (const char *word);
/* "一级", "二级残疾", "3": 1–4; 0 for "无"; -1 when not a grade. */
int _bf_import_grade (const char *word);
/* NFKC without any white space: how words and headers are compared. */
char *_bf_import_fold (const char *text);

/* ---- Rows into households (bf-import-rows.c) ---- */

typedef struct _BfImportParser BfImportParser;

BfImportParser *_bf_import_parser_new (const BfImportMapping *mapping,
                                       gboolean date1904,
                                       const GDate *today,
                                       guint batch_size,
                                       BfImportBatchFunc batch,
                                       gpointer user_data,
                                       BfImportSummary *summary);
/* A data row (below the header). FALSE when the batch function failed. */
gboolean _bf_import_parser_add_row (BfImportParser *parser, const BfSheetRow *row, GError **error);
/* Completes the last household and hands over the last batch. */
gboolean _bf_import_parser_finish (BfImportParser *parser, GError **error);
void _bf_import_parser_free (BfImportParser *parser);

G_END_DECLS
