/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sheet rows into households: each mapped cell read by its field's kind and checked with the
 * core's rules, rows grouped into households, a household checked as a whole, and the results
 * handed over in batches. Only the household being assembled is held, and the ID numbers seen. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bf-dates.h"
#include "bf-household-rules.h"
#include "bf-id-number.h"
#include "bf-import-private.h"
#include "bf-ledger.h"
#include "bf-money.h"

#define N_FIELDS BF_IMPORT_N_FIELDS

typedef struct
{
  guint64 number;
  guint n_cells;
  char **cells;
  GPtrArray *problems; /* BfImportProblem */
  BfMember *member;
  /* Household fields as canonical text (codes, "1"/"0", fen, ISO dates), to compare rows. */
  char *values[N_FIELDS];
  gboolean head;
} Row;

struct _BfImportParser
{
  BfImportMapping *mapping;
  gboolean date1904;
  GDate today;
  guint batch_size;
  BfImportBatchFunc batch;
  gpointer user_data;
  BfImportSummary *summary;
  int columns[N_FIELDS]; /* each field's column, -1 */
  GHashTable *ids;       /* ID number → its first row */
  GHashTable *done;      /* keys of the households completed */
  char *key;             /* of the household being assembled */
  GPtrArray *rows;       /* its Row */
  GPtrArray *households; /* BfImportHousehold of the batch */
  GPtrArray *refused;    /* BfImportRefusedRow of the batch */
};

/* ---- Records ---- */

void
bf_import_problem_free (BfImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->header);
  g_free (problem->message);
  g_free (problem);
}

void
bf_import_refused_row_free (BfImportRefusedRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

void
bf_import_household_free (BfImportHousehold *household)
{
  if (household == NULL)
    return;
  bf_household_free (household->household);
  g_array_unref (household->member_rows);
  g_ptr_array_unref (household->member_cells);
  g_free (household->county);
  g_free (household->township);
  g_free (household->status);
  g_free (household);
}

static void
row_free (Row *row)
{
  g_strfreev (row->cells);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
  bf_member_free (row->member);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (row->values[i]);
  g_free (row);
}

/* ---- Problems ---- */

static const char *
header_of (BfImportParser *self, int column)
{
  if (column < 0 || (guint) column >= bf_import_mapping_get_n_columns (self->mapping))
    return NULL;
  return bf_import_mapping_get_header (self->mapping, column);
}

static void add_problem (BfImportParser *self,
                         Row *row,
                         int column,
                         BfImportReason reason,
                         guint64 other_row,
                         const char *format,
                         ...) G_GNUC_PRINTF (6, 7);

/* @format is the translated sentence after "Row N: ". */
static void
add_problem (BfImportParser *self,
             Row *row,
             int column,
             BfImportReason reason,
             guint64 other_row,
             const char *format,
             ...)
{
  BfImportProblem *problem = g_new0 (BfImportProblem, 1);
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  problem->row = row->number;
  problem->column = column;
  problem->header = g_strdup (header_of (self, column));
  problem->reason = reason;
  problem->other_row = other_row;
  /* TRANSLATORS: "Row 12: <what is wrong on it>" */
  problem->message = g_strdup_printf (_ ("Row %lu: %s"), (unsigned long) row->number, sentence);
  g_ptr_array_add (row->problems, problem);
}

/* ---- Values ---- */

static char *
cell_text (const BfSheetCell *cell)
{
  return g_strstrip (g_strdup (cell->text));
}

/* "4.30102197203E+17": what Excel shows of a long number. */
static gboolean
is_scientific (const char *text)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == '.')
    p++;
  if (*p != 'E' && *p != 'e')
    return FALSE;
  p++;
  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* Digits that Excel kept exactly: a numeric cell holds 15 significant digits. */
static gboolean
number_is_exact (const char *text)
{
  return all_digits (text) && strlen (text) <= 15;
}

static char *
read_digits (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  g_autofree char *text = _bf_import_fold (cell->text);

  if (is_scientific (text) || (cell->kind == BF_CELL_NUMBER && !number_is_exact (text)))
    {
      add_problem (self, row, col, BF_IMPORT_REASON_DAMAGED_NUMBER, 0,
                   _ ("“%s” in column “%s” was stored as a number and has lost digits. Format "
                      "the column as text, type the numbers again and import the sheet again."),
                   cell->text, header_of (self, col));
      return NULL;
    }
  return g_steal_pointer (&text);
}

static char *
read_id_number (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  g_autofree char *text = _bf_import_fold (cell->text);
  g_autoptr (GError) error = NULL;
  BfIdNumber id;

  /* A number of 18 digits cannot be held by a numeric cell: its last digits are gone, and the
   * zeros Excel put there make a check character that fails. */
  if (cell->kind == BF_CELL_NUMBER || is_scientific (text) ||
      (strlen (text) == 18 && all_digits (text) && g_str_has_suffix (text, "000") &&
       bf_id_number_check_char (text) != text[17]))
    {
      add_problem (self, row, col, BF_IMPORT_REASON_DAMAGED_NUMBER, 0,
                   _ ("the ID number in column “%s” was stored as a number (%s) and has lost its "
                      "last digits. Format the column as text, type the ID numbers again and "
                      "import the sheet again."),
                   header_of (self, col), cell->text);
      return NULL;
    }
  if (!bf_id_number_parse (text, &self->today, &id, &error))
    {
      add_problem (self, row, col, BF_IMPORT_REASON_INVALID_ID, 0, _ ("ID number “%s”: %s"),
                   cell->text, error->message);
      return NULL;
    }
  return g_strdup (id.number);
}

static gboolean
ymd (int year, int month, int day, char **iso)
{
  if (year < 1800 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

/* 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, a time after the date, or a serial. */
static gboolean
parse_date_text (const char *text, gboolean date1904, char **iso)
{
  g_autofree char *folded = _bf_import_fold (text);
  int parts[3] = { 0 };
  const char *p = folded;
  int i;

  if (all_digits (folded) && strlen (folded) == 8)
    {
      int value = atoi (folded);

      return ymd (value / 10000, value / 100 % 100, value % 100, iso);
    }
  if (all_digits (folded) && strlen (folded) <= 5)
    {
      GDate date;

      if (!bf_sheet_serial_to_date (atoi (folded), date1904, &date))
        return FALSE;
      return ymd (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), iso);
    }
  for (i = 0; i < 3; i++)
    {
      const char *start = p;

      while (g_ascii_isdigit (*p) && p - start < 4)
        parts[i] = parts[i] * 10 + (*p++ - '0');
      if (p == start || (i == 0 && p - start != 4))
        return FALSE;
      if (i < 2)
        {
          if (*p == '-' || *p == '/' || *p == '.')
            p++;
          else if (g_str_has_prefix (p, i == 0 ? "年" : "月"))
            p += strlen ("年");
          else
            return FALSE;
        }
    }
  if (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号"))
    p += strlen ("日");
  /* A time of day (the space was folded away): "2024-03-0500:00:00" or "…T00:00:00". */
  if (*p == 'T')
    p++;
  if (*p != '\0' && !(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == ':'))
    return FALSE;
  return ymd (parts[0], parts[1], parts[2], iso);
}

static char *
read_date (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  char *iso = NULL;
  gboolean ok;

  if (cell->kind == BF_CELL_DATE)
    return g_strdup (cell->text);
  if (cell->kind == BF_CELL_NUMBER)
    {
      char *end;
      double serial = g_ascii_strtod (cell->text, &end);
      GDate date;

      ok = *end == '\0' && bf_sheet_serial_to_date (serial, self->date1904, &date) &&
           ymd (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), &iso);
    }
  else
    ok = parse_date_text (cell->text, self->date1904, &iso);
  if (!ok)
    add_problem (self, row, col, BF_IMPORT_REASON_INVALID_DATE, 0,
                 _ ("“%s” in column “%s” is not a date of the calendar: write it as 2024-03-05."),
                 cell->text, header_of (self, col));
  return iso;
}

static char *
read_money (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  g_autoptr (GError) error = NULL;
  gint64 fen;

  if (cell->kind == BF_CELL_NUMBER)
    {
      char *end;
      double yuan = g_ascii_strtod (cell->text, &end);
      double cents = yuan * 100;

      /* A binary fraction near a whole fen ("3456.7800000000002") is that fen. */
      if (*end == '\0' && isfinite (cents) && fabs (cents) < 1e15 &&
          fabs (cents - round (cents)) < 1e-6 * MAX (1.0, fabs (cents)))
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) llround (cents));
    }
  if (!bf_money_parse (cell->text, BF_MONEY_PARSE_ALLOW_NEGATIVE, &fen, &error))
    {
      add_problem (self, row, col, BF_IMPORT_REASON_INVALID_MONEY, 0, _ ("column “%s”: %s"),
                   header_of (self, col), error->message);
      return NULL;
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, fen);
}

/* A whole number from @min to @max, with a unit after it or not ("4", "4人", "6个月"). */
static gboolean
read_int (BfImportParser *self,
          Row *row,
          int col,
          const BfSheetCell *cell,
          int min,
          int max,
          int *out)
{
  g_autofree char *text = _bf_import_fold (cell->text);
  static const char *const units[] = { "人", "口", "个月", "月" };
  char *end;
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (text, units[i]))
      text[strlen (text) - strlen (units[i])] = '\0';
  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || *end != '\0' || value != floor (value) || value < min || value > max)
    {
      add_problem (self, row, col, BF_IMPORT_REASON_INVALID_NUMBER, 0,
                   _ ("“%s” in column “%s” is not a whole number from %d to %d."), cell->text,
                   header_of (self, col), min, max);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

static char *
read_area (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  g_autofree char *text = _bf_import_fold (cell->text);
  char *end;
  double value;

  if (g_str_has_suffix (text, "亩"))
    text[strlen (text) - strlen ("亩")] = '\0';
  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || *end != '\0' || !isfinite (value) || value < 0 || value > 1e7)
    {
      add_problem (self, row, col, BF_IMPORT_REASON_INVALID_NUMBER, 0,
                   _ ("“%s” in column “%s” is not an area in mu."), cell->text,
                   header_of (self, col));
      return NULL;
    }
  return g_strdup_printf ("%.15g", value);
}

/* The national words of @list, for the message of an unknown one (short lists only). */
static char *
words_of (BfCodeList list)
{
  g_autoptr (GString) words = g_string_new (NULL);
  gsize n_codes;
  const BfCode *codes = bf_codes (list, &n_codes);

  if (n_codes > 12)
    return NULL;
  for (gsize i = 0; i < n_codes; i++)
    {
      const char *word = bf_ledger_code_label (list, codes[i].code);

      if (word == NULL)
        continue;
      if (words->len > 0)
        g_string_append (words, "、");
      g_string_append (words, word);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
unknown_word (BfImportParser *self, Row *row, int col, const char *word, BfCodeList list)
{
  g_autofree char *words = list < BF_N_CODE_LISTS ? words_of (list) : NULL;

  if (words != NULL)
    add_problem (self, row, col, BF_IMPORT_REASON_UNKNOWN_WORD, 0,
                 _ ("“%s” is not a value of column “%s”: write one of %s."), word,
                 header_of (self, col), words);
  else
    add_problem (self, row, col, BF_IMPORT_REASON_UNKNOWN_WORD, 0,
                 _ ("“%s” is not a value of column “%s”."), word, header_of (self, col));
}

static const char *
read_code (BfImportParser *self, Row *row, int col, const BfSheetCell *cell, BfCodeList list)
{
  const char *code = _bf_import_word_code (list, cell->text, NULL);

  if (code == NULL)
    unknown_word (self, row, col, cell->text, list);
  return code;
}

/* "因病、因学", "缺技术,缺资金": at most two, each once. */
static char *
read_causes (BfImportParser *self, Row *row, int col, const BfSheetCell *cell)
{
  g_auto (GStrv) words = g_regex_split_simple ("[、,，;；/\\s]+", cell->text, 0, 0);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *code;

      if (*words[i] == '\0')
        continue;
      code = _bf_import_word_code (BF_CODES_CAUSE, words[i], NULL);
      if (code == NULL)
        {
          unknown_word (self, row, col, words[i], BF_CODES_CAUSE);
          return NULL;
        }
      g_ptr_array_add (codes, (gpointer) code);
    }
  if (codes->len > 2)
    {
      add_problem (self, row, col, BF_IMPORT_REASON_CAUSES, 0,
                   _ ("column “%s” has %u causes: a household has at most two other causes."),
                   header_of (self, col), codes->len);
      return NULL;
    }
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (",", (char **) codes->pdata);
}

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
read_cell (BfImportParser *self, Row *row, int col, BfImportField field, const BfSheetCell *cell)
{
  BfMember *member = row->member;
  g_autofree char *value = NULL;
  const char *code = NULL;
  int number, grade;

  switch (_bf_import_field_kind (field))
    {
      case BF_IMPORT_KIND_TEXT:
        value = cell_text (cell);
        break;
      case BF_IMPORT_KIND_DIGITS:
        value = read_digits (self, row, col, cell);
        if (value != NULL && field == BF_IMPORT_FIELD_BANK_ACCOUNT &&
            !bf_bank_account_is_valid (value))
          {
            add_problem (self, row, col, BF_IMPORT_REASON_INVALID_NUMBER, 0,
                         _ ("“%s” in column “%s” is not a bank account number: it has digits "
                            "only."),
                         cell->text, header_of (self, col));
            g_clear_pointer (&value, g_free);
          }
        break;
      case BF_IMPORT_KIND_ID_NUMBER:
        value = read_id_number (self, row, col, cell);
        break;
      case BF_IMPORT_KIND_PHONE:
        value = read_digits (self, row, col, cell);
        if (value != NULL && !bf_phone_is_valid (value))
          {
            add_problem (self, row, col, BF_IMPORT_REASON_INVALID_PHONE, 0,
                         _ ("“%s” is not a phone number (7 to 20 digits)."), cell->text);
            g_clear_pointer (&value, g_free);
          }
        break;
      case BF_IMPORT_KIND_CODE:
        code = read_code (self, row, col, cell, _bf_import_field_list (field));
        break;
      case BF_IMPORT_KIND_CAUSES:
        value = read_causes (self, row, col, cell);
        break;
      case BF_IMPORT_KIND_HEALTH:
        code = _bf_import_word_code (BF_CODES_HEALTH, cell->text, &grade);
        if (code == NULL)
          unknown_word (self, row, col, cell->text, BF_CODES_HEALTH);
        else if (grade > 0 && member->disability_grade == 0)
          member->disability_grade = grade;
        break;
      case BF_IMPORT_KIND_GRADE:
        grade = _bf_import_grade (cell->text);
        if (grade < 0)
          add_problem (self, row, col, BF_IMPORT_REASON_INVALID_NUMBER, 0,
                       _ ("“%s” in column “%s” is not a disability grade: write 一级 to 四级."),
                       cell->text, header_of (self, col));
        else
          member->disability_grade = grade;
        return;
      case BF_IMPORT_KIND_STATUS:
        code = _bf_import_status_code (cell->text);
        if (code == NULL)
          unknown_word (self, row, col, cell->text, BF_N_CODE_LISTS);
        break;
      case BF_IMPORT_KIND_DATE:
        value = read_date (self, row, col, cell);
        break;
      case BF_IMPORT_KIND_MONEY:
        value = read_money (self, row, col, cell);
        break;
      case BF_IMPORT_KIND_COUNT:
        if (read_int (self, row, col, cell, 1, 99, &number))
          value = g_strdup_printf ("%d", number);
        break;
      case BF_IMPORT_KIND_MONTHS:
        if (read_int (self, row, col, cell, 0, 12, &number))
          member->work_months = number;
        return;
      case BF_IMPORT_KIND_AREA:
        value = read_area (self, row, col, cell);
        break;
      case BF_IMPORT_KIND_YES_NO:
        number = _bf_import_yes_no (cell->text);
        if (number < 0)
          add_problem (self, row, col, BF_IMPORT_REASON_UNKNOWN_WORD, 0,
                       _ ("“%s” is not a value of column “%s”: write 是 or 否."), cell->text,
                       header_of (self, col));
        else
          value = g_strdup (number ? "1" : "0");
        break;
      default:
        g_assert_not_reached ();
    }
  if (code != NULL)
    value = g_strdup (code);
  if (value == NULL)
    return;

  if (bf_import_field_is_household (field))
    {
      row->values[field] = g_steal_pointer (&value);
      return;
    }
  switch (field)
    {
      case BF_IMPORT_FIELD_PERSON_NUMBER:
        set_string (&member->person_number, value);
        break;
      case BF_IMPORT_FIELD_NAME:
        set_string (&member->name, value);
        break;
      case BF_IMPORT_FIELD_ID_NUMBER:
        set_string (&member->id_number, value);
        break;
      case BF_IMPORT_FIELD_RELATION:
        set_string (&member->relation, value);
        break;
      case BF_IMPORT_FIELD_SEX:
        set_string (&member->sex, value);
        break;
      case BF_IMPORT_FIELD_BIRTH_DATE:
        set_string (&member->birth_date, value);
        break;
      case BF_IMPORT_FIELD_ETHNICITY:
        set_string (&member->ethnicity, value);
        break;
      case BF_IMPORT_FIELD_EDUCATION:
        set_string (&member->education, value);
        break;
      case BF_IMPORT_FIELD_SCHOOL_STATUS:
        set_string (&member->school_status, value);
        break;
      case BF_IMPORT_FIELD_HEALTH:
        set_string (&member->health, value);
        break;
      case BF_IMPORT_FIELD_LABOUR:
        set_string (&member->labour, value);
        break;
      case BF_IMPORT_FIELD_WORK_STATUS:
        set_string (&member->work_status, value);
        break;
      case BF_IMPORT_FIELD_MEDICAL_INSURANCE:
        member->medical_insurance = atoi (value);
        break;
      case BF_IMPORT_FIELD_SERIOUS_ILLNESS_INSURANCE:
        member->serious_illness_insurance = atoi (value);
        break;
      case BF_IMPORT_FIELD_PENSION_INSURANCE:
        member->pension_insurance = atoi (value);
        break;
      case BF_IMPORT_FIELD_PHONE:
        set_string (&member->phone, value);
        break;
      default:
        g_assert_not_reached ();
    }
}

/* The member's own checks once every cell is read: what is required, and the ID number's sex
 * and birth date against the columns that give them too. */
static void
check_member (BfImportParser *self, Row *row)
{
  static const BfImportField required[] = { BF_IMPORT_FIELD_NAME, BF_IMPORT_FIELD_ID_NUMBER,
                                            BF_IMPORT_FIELD_RELATION };
  BfMember *member = row->member;
  BfIdNumber id;
  g_autofree char *birth = NULL;
  gpointer first;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      int col = self->columns[required[i]];
      gboolean failed = FALSE;

      /* A cell that was there but refused has its own problem already. */
      for (guint j = 0; j < row->problems->len && !failed; j++)
        failed = ((BfImportProblem *) g_ptr_array_index (row->problems, j))->column == col;
      if (failed)
        continue;
      if ((required[i] == BF_IMPORT_FIELD_NAME && member->name != NULL && *member->name != '\0') ||
          (required[i] == BF_IMPORT_FIELD_ID_NUMBER && member->id_number != NULL) ||
          (required[i] == BF_IMPORT_FIELD_RELATION && member->relation != NULL))
        continue;
      add_problem (self, row, col, BF_IMPORT_REASON_MISSING, 0, _ ("“%s” is empty."),
                   header_of (self, col));
    }
  row->head = g_strcmp0 (member->relation, "head") == 0;
  if (member->id_number == NULL || !bf_id_number_parse (member->id_number, &self->today, &id, NULL))
    return;

  birth = bf_date_format (&id.birth_date);
  if (member->sex != NULL && strcmp (member->sex, id.male ? "male" : "female") != 0)
    add_problem (self, row, self->columns[BF_IMPORT_FIELD_SEX], BF_IMPORT_REASON_CONTRADICTS_ID, 0,
                 _ ("the sex in column “%s” contradicts the ID number %s."),
                 header_of (self, self->columns[BF_IMPORT_FIELD_SEX]), id.number);
  if (member->birth_date != NULL && strcmp (member->birth_date, birth) != 0)
    add_problem (
      self, row, self->columns[BF_IMPORT_FIELD_BIRTH_DATE], BF_IMPORT_REASON_CONTRADICTS_ID, 0,
      _ ("the birth date %s in column “%s” contradicts the ID number %s, which says %s."),
      member->birth_date, header_of (self, self->columns[BF_IMPORT_FIELD_BIRTH_DATE]), id.number,
      birth);
  set_string (&member->sex, id.male ? "male" : "female");
  g_free (member->birth_date);
  member->birth_date = g_steal_pointer (&birth);

  first = g_hash_table_lookup (self->ids, id.number);
  if (first != NULL)
    add_problem (self, row, self->columns[BF_IMPORT_FIELD_ID_NUMBER], BF_IMPORT_REASON_DUPLICATE,
                 GPOINTER_TO_SIZE (first),
                 _ ("the ID number %s is on row %lu too: a person is imported once."), id.number,
                 (unsigned long) GPOINTER_TO_SIZE (first));
  else
    g_hash_table_insert (self->ids, g_strdup (id.number), GSIZE_TO_POINTER (row->number));
}

/* ---- Households ---- */

static const char *
household_name (Row *first)
{
  const char *number = first->values[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER];

  return number != NULL ? number : "";
}

static void
count_refused_row (BfImportParser *self, Row *row)
{
  gboolean seen[BF_IMPORT_N_REASONS] = { FALSE };

  for (guint i = 0; i < row->problems->len; i++)
    {
      BfImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (!seen[problem->reason])
        self->summary->rows_by_reason[problem->reason]++;
      seen[problem->reason] = TRUE;
    }
  self->summary->refused_rows++;
}

/* The household's own rules, on its rows: one head, the same household values on every row,
 * a village, 人数 equal to its rows, the causes' rule. */
static void
check_household (BfImportParser *self)
{
  GPtrArray *rows = self->rows;
  Row *first = g_ptr_array_index (rows, 0);
  Row *head = NULL;
  char *others[2] = { NULL, NULL };
  g_auto (GStrv) other_causes = NULL;
  guint i;

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (!row->head)
        continue;
      if (head == NULL)
        head = row;
      else
        add_problem (self, row, self->columns[BF_IMPORT_FIELD_RELATION],
                     BF_IMPORT_REASON_SEVERAL_HEADS, head->number,
                     _ ("household %s already has its head of household on row %lu."),
                     household_name (first), (unsigned long) head->number);
    }
  if (head == NULL)
    {
      gboolean named = first->values[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER] != NULL;

      if (named)
        add_problem (self, first, self->columns[BF_IMPORT_FIELD_RELATION], BF_IMPORT_REASON_NO_HEAD,
                     0, _ ("household %s has no head of household (户主 in column “%s”)."),
                     household_name (first),
                     header_of (self, self->columns[BF_IMPORT_FIELD_RELATION]));
      else
        add_problem (self, first, self->columns[BF_IMPORT_FIELD_RELATION], BF_IMPORT_REASON_NO_HEAD,
                     0, _ ("no head of household (户主 in column “%s”) comes before this row."),
                     header_of (self, self->columns[BF_IMPORT_FIELD_RELATION]));
    }

  for (BfImportField f = 1; f < N_FIELDS; f++)
    {
      Row *given = NULL;

      if (!bf_import_field_is_household (f))
        continue;
      for (i = 0; i < rows->len; i++)
        {
          Row *row = g_ptr_array_index (rows, i);

          if (row->values[f] == NULL)
            continue;
          if (given == NULL)
            given = row;
          else if (strcmp (given->values[f], row->values[f]) != 0)
            add_problem (self, row, self->columns[f], BF_IMPORT_REASON_INCONSISTENT, given->number,
                         _ ("column “%s” differs from row %lu of the same household: a "
                            "household's columns are the same on all its rows."),
                         header_of (self, self->columns[f]), (unsigned long) given->number);
        }
      /* The first value given stands for the household. */
      if (given != NULL && given != first)
        {
          g_free (first->values[f]);
          first->values[f] = g_strdup (given->values[f]);
        }
    }

  if (first->values[BF_IMPORT_FIELD_VILLAGE] == NULL)
    add_problem (self, first, self->columns[BF_IMPORT_FIELD_VILLAGE], BF_IMPORT_REASON_MISSING, 0,
                 _ ("“%s” is empty."), header_of (self, self->columns[BF_IMPORT_FIELD_VILLAGE]));
  if (first->values[BF_IMPORT_FIELD_MEMBER_COUNT] != NULL &&
      (guint) atoi (first->values[BF_IMPORT_FIELD_MEMBER_COUNT]) != rows->len)
    add_problem (self, first, self->columns[BF_IMPORT_FIELD_MEMBER_COUNT],
                 BF_IMPORT_REASON_MEMBER_COUNT, 0,
                 _ ("column “%s” says the household has %s people, but the sheet has %u rows "
                    "for it."),
                 header_of (self, self->columns[BF_IMPORT_FIELD_MEMBER_COUNT]),
                 first->values[BF_IMPORT_FIELD_MEMBER_COUNT], rows->len);

  if (first->values[BF_IMPORT_FIELD_OTHER_CAUSES] != NULL)
    {
      other_causes = g_strsplit (first->values[BF_IMPORT_FIELD_OTHER_CAUSES], ",", 2);
      others[0] = other_causes[0];
      others[1] = other_causes[0] != NULL ? other_causes[1] : NULL;
    }
  switch (bf_causes_check (first->values[BF_IMPORT_FIELD_PRIMARY_CAUSE], others[0], others[1]))
    {
      case BF_CAUSES_OK:
        break;
      case BF_CAUSES_NO_PRIMARY:
        add_problem (self, first, self->columns[BF_IMPORT_FIELD_PRIMARY_CAUSE],
                     BF_IMPORT_REASON_CAUSES, 0,
                     _ ("other causes are given without a primary cause."));
        break;
      default:
        add_problem (self, first, self->columns[BF_IMPORT_FIELD_OTHER_CAUSES],
                     BF_IMPORT_REASON_CAUSES, 0,
                     _ ("the primary cause and the other causes must all be different."));
        break;
    }
}

static int
tri (const char *value)
{
  return value != NULL ? atoi (value) : -1;
}

static BfImportHousehold *
build_household (BfImportParser *self)
{
  BfImportHousehold *result = g_new0 (BfImportHousehold, 1);
  BfHousehold *household = bf_household_new ();
  Row *first = g_ptr_array_index (self->rows, 0);
  char **v = first->values;

  result->household = household;
  result->member_rows = g_array_new (FALSE, FALSE, sizeof (guint64));
  result->member_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  household->number = g_strdup (v[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER]);
  household->village_name = g_strdup (v[BF_IMPORT_FIELD_VILLAGE]);
  household->group_name = g_strdup (v[BF_IMPORT_FIELD_GROUP]);
  household->address = g_strdup (v[BF_IMPORT_FIELD_ADDRESS]);
  household->bank_name = g_strdup (v[BF_IMPORT_FIELD_BANK_NAME]);
  household->bank_account = g_strdup (v[BF_IMPORT_FIELD_BANK_ACCOUNT]);
  household->attribute = g_strdup (v[BF_IMPORT_FIELD_ATTRIBUTE]);
  household->monitoring_type = g_strdup (v[BF_IMPORT_FIELD_MONITORING_TYPE]);
  household->standard = g_strdup (v[BF_IMPORT_FIELD_STANDARD]);
  household->primary_cause = g_strdup (v[BF_IMPORT_FIELD_PRIMARY_CAUSE]);
  if (v[BF_IMPORT_FIELD_OTHER_CAUSES] != NULL)
    {
      g_auto (GStrv) others = g_strsplit (v[BF_IMPORT_FIELD_OTHER_CAUSES], ",", 2);

      household->other_causes[0] = g_strdup (others[0]);
      household->other_causes[1] = others[0] != NULL ? g_strdup (others[1]) : NULL;
    }
  household->dangerous_house = tri (v[BF_IMPORT_FIELD_DANGEROUS_HOUSE]);
  household->relocated = tri (v[BF_IMPORT_FIELD_RELOCATED]);
  if (v[BF_IMPORT_FIELD_FARMLAND] != NULL)
    household->farmland_mu = g_ascii_strtod (v[BF_IMPORT_FIELD_FARMLAND], NULL);
  household->first_identified_on = g_strdup (v[BF_IMPORT_FIELD_FIRST_IDENTIFIED]);
  result->county = g_strdup (v[BF_IMPORT_FIELD_COUNTY]);
  result->township = g_strdup (v[BF_IMPORT_FIELD_TOWNSHIP]);
  result->per_capita_fen = v[BF_IMPORT_FIELD_PER_CAPITA_INCOME] != NULL
                             ? g_ascii_strtoll (v[BF_IMPORT_FIELD_PER_CAPITA_INCOME], NULL, 10)
                             : G_MININT64;
  result->water_secured = tri (v[BF_IMPORT_FIELD_WATER_SECURED]);
  result->status = g_strdup (v[BF_IMPORT_FIELD_STATUS]);
  result->risk_cleared = tri (v[BF_IMPORT_FIELD_RISK_CLEARED]);
  result->declared_members = tri (v[BF_IMPORT_FIELD_MEMBER_COUNT]);

  /* The head first, then the others in the sheet's order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->rows->len; i++)
      {
        Row *row = g_ptr_array_index (self->rows, i);

        if (row->head != (pass == 0))
          continue;
        if (row->head)
          household->phone = g_strdup (row->member->phone);
        g_ptr_array_add (household->members, g_steal_pointer (&row->member));
        g_array_append_val (result->member_rows, row->number);
        g_ptr_array_add (result->member_cells, g_steal_pointer (&row->cells));
      }
  return result;
}

static gboolean
flush (BfImportParser *self, GError **error)
{
  g_autoptr (GPtrArray) households = g_steal_pointer (&self->households);
  g_autoptr (GPtrArray) refused = g_steal_pointer (&self->refused);
  BfImportBatch batch;

  self->households = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_household_free);
  self->refused = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_refused_row_free);
  batch.n_headers = bf_import_mapping_get_n_columns (self->mapping);
  batch.headers = (const char *const *) g_new0 (char *, batch.n_headers + 1);
  for (guint i = 0; i < batch.n_headers; i++)
    ((const char **) batch.headers)[i] = bf_import_mapping_get_header (self->mapping, i);
  batch.households = households;
  batch.refused = refused;
  if (self->batch != NULL && !self->batch (&batch, self->user_data, error))
    {
      g_free ((gpointer) batch.headers);
      return FALSE;
    }
  g_free ((gpointer) batch.headers);
  return TRUE;
}

/* Checks the household assembled so far and moves it to the batch, accepted or refused. */
static gboolean
complete_household (BfImportParser *self, GError **error)
{
  Row *bad = NULL;

  if (self->rows->len == 0)
    return TRUE;
  check_household (self);
  for (guint i = 0; i < self->rows->len && bad == NULL; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->problems->len > 0)
        bad = row;
    }
  if (bad == NULL)
    {
      self->summary->households++;
      self->summary->people += self->rows->len;
      g_ptr_array_add (self->households, build_household (self));
    }
  else
    {
      self->summary->refused_households++;
      for (guint i = 0; i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);
          BfImportRefusedRow *refused = g_new0 (BfImportRefusedRow, 1);

          if (row->problems->len == 0)
            add_problem (self, row, -1, BF_IMPORT_REASON_HOUSEHOLD_REFUSED, bad->number,
                         _ ("not imported because row %lu of the same household has a problem."),
                         (unsigned long) bad->number);
          count_refused_row (self, row);
          refused->row = row->number;
          refused->n_cells = row->n_cells;
          refused->cells = g_steal_pointer (&row->cells);
          refused->problems = g_steal_pointer (&row->problems);
          g_ptr_array_add (self->refused, refused);
        }
    }
  if (self->key != NULL)
    g_hash_table_add (self->done, g_steal_pointer (&self->key));
  g_ptr_array_set_size (self->rows, 0);
  if (self->households->len >= self->batch_size)
    return flush (self, error);
  return TRUE;
}

/* The household a row belongs to (see bf-import.h). */
static char *
household_key (BfImportParser *self, Row *row)
{
  const char *number = row->values[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER];

  if (self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER] >= 0)
    {
      if (number != NULL)
        return g_strconcat ("n:", number, NULL);
      /* Without its number a row cannot be placed: its problem says so, it stands alone. */
      if (row->problems->len == 0)
        add_problem (self, row, self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER],
                     BF_IMPORT_REASON_MISSING, 0, _ ("“%s” is empty."),
                     header_of (self, self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER]));
    }
  else if (self->columns[BF_IMPORT_FIELD_HEAD_NAME] >= 0)
    {
      const char *head = row->values[BF_IMPORT_FIELD_HEAD_NAME];
      const char *address = row->values[BF_IMPORT_FIELD_ADDRESS];

      if (head != NULL)
        return g_strconcat ("h:", head, "\x1f", address != NULL ? address : "", NULL);
      add_problem (self, row, self->columns[BF_IMPORT_FIELD_HEAD_NAME], BF_IMPORT_REASON_MISSING, 0,
                   _ ("“%s” is empty."),
                   header_of (self, self->columns[BF_IMPORT_FIELD_HEAD_NAME]));
    }
  else if (!row->head && self->rows->len > 0)
    {
      Row *first = g_ptr_array_index (self->rows, 0);
      const char *address = row->values[BF_IMPORT_FIELD_ADDRESS];

      /* A row under a head joins that household, unless it says it lives elsewhere. */
      if (address == NULL || first->values[BF_IMPORT_FIELD_ADDRESS] == NULL ||
          strcmp (address, first->values[BF_IMPORT_FIELD_ADDRESS]) == 0)
        return g_strdup (self->key);
    }
  return g_strdup_printf ("r:%" G_GUINT64_FORMAT, row->number);
}

/* Nothing but white space (the ideographic space and no-break space included). */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xfeff)
      return FALSE;
  return TRUE;
}

gboolean
_bf_import_parser_add_row (BfImportParser *self, const BfSheetRow *sheet_row, GError **error)
{
  Row *row;
  g_autofree char *key = NULL;
  gboolean blank = TRUE;

  for (guint i = 0; i < sheet_row->n_cells && blank; i++)
    blank = is_blank (sheet_row->cells[i].text);
  if (blank)
    {
      self->summary->empty_rows++;
      return TRUE;
    }
  self->summary->rows++;

  row = g_new0 (Row, 1);
  row->number = sheet_row->number;
  row->n_cells = sheet_row->n_cells;
  row->cells = g_new0 (char *, sheet_row->n_cells + 1);
  for (guint i = 0; i < sheet_row->n_cells; i++)
    row->cells[i] = g_strdup (sheet_row->cells[i].text);
  row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_problem_free);
  row->member = bf_member_new ();

  for (guint col = 0; col < sheet_row->n_cells; col++)
    {
      BfImportField field = bf_import_mapping_get_field (self->mapping, col);

      if (field == BF_IMPORT_FIELD_NONE || is_blank (sheet_row->cells[col].text))
        continue;
      read_cell (self, row, col, field, &sheet_row->cells[col]);
    }
  check_member (self, row);

  key = household_key (self, row);
  if (self->key == NULL || strcmp (key, self->key) != 0)
    {
      if (!complete_household (self, error))
        {
          row_free (row);
          return FALSE;
        }
      if (g_hash_table_contains (self->done, key))
        {
          add_problem (self, row, self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER],
                       BF_IMPORT_REASON_SPLIT, 0,
                       _ ("the rows of household %s are not together: sort the sheet by “%s” "
                          "and import it again."),
                       row->values[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER] != NULL
                         ? row->values[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER]
                         : "",
                       header_of (self, self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER]) != NULL
                         ? header_of (self, self->columns[BF_IMPORT_FIELD_HOUSEHOLD_NUMBER])
                         : header_of (self, self->columns[BF_IMPORT_FIELD_HEAD_NAME]));
          g_free (key);
          key = g_strdup_printf ("r:%" G_GUINT64_FORMAT, row->number);
        }
      self->key = g_steal_pointer (&key);
    }
  g_ptr_array_add (self->rows, row);
  return TRUE;
}

gboolean
_bf_import_parser_finish (BfImportParser *self, GError **error)
{
  return complete_household (self, error) && flush (self, error);
}

BfImportParser *
_bf_import_parser_new (const BfImportMapping *mapping,
                       gboolean date1904,
                       const GDate *today,
                       guint batch_size,
                       BfImportBatchFunc batch,
                       gpointer user_data,
                       BfImportSummary *summary)
{
  BfImportParser *self = g_new0 (BfImportParser, 1);

  self->mapping = bf_import_mapping_copy (mapping);
  self->date1904 = date1904;
  if (today != NULL)
    self->today = *today;
  else
    bf_date_today (&self->today);
  self->batch_size = batch_size > 0 ? batch_size : 500;
  self->batch = batch;
  self->user_data = user_data;
  self->summary = summary;
  for (guint f = 0; f < N_FIELDS; f++)
    self->columns[f] = bf_import_mapping_find_column (mapping, f);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->households = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_household_free);
  self->refused = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_refused_row_free);
  return self;
}

void
_bf_import_parser_free (BfImportParser *self)
{
  if (self == NULL)
    return;
  bf_import_mapping_free (self->mapping);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->done);
  g_free (self->key);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->households);
  g_ptr_array_unref (self->refused);
  g_free (self);
}
