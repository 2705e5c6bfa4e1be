/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading sheets for the import: the readers on generated workbooks and CSV files
 * (import-fixtures.py, make-corpus.py), the mapping, the code words, and the households and
 * refused rows that a whole sheet gives; Bangfu's own ledger read back as the national list. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-import-private.h"
#include "bf-ledger.h"
#include "bf-store-demo.h"
#include "bf-store-household.h"
#include "bf-store.h"
#include "bf-test-import.h"
#include "bf-test-util.h"

static char *fixtures; /* import-fixtures.py's and make-corpus.py's files */

static char *
fixture (const char *name)
{
  return g_build_filename (fixtures, name, NULL);
}

/* ---- Readers ---- */

static GPtrArray *
read_rows (const char *name, const char *sheet, BfSheetReader **out_reader)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  BfSheetReader *reader = bf_sheet_reader_open (path, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const BfSheetRow *row;
  int index;

  g_assert_no_error (error);
  index = sheet != NULL ? bf_sheet_reader_find_sheet (reader, sheet) : 0;
  g_assert_cmpint (index, >=, 0);
  g_assert_true (bf_sheet_reader_select_sheet (reader, index, &error));
  while ((row = bf_sheet_reader_next_row (reader, &error)) != NULL)
    {
      /* "row: kind:text|raw kind:text …" */
      GString *line = g_string_new (NULL);

      g_string_printf (line, "%lu:", (unsigned long) row->number);
      for (guint i = 0; i < row->n_cells; i++)
        g_string_append_printf (line, " %d:%s|%s", row->cells[i].kind, row->cells[i].text,
                                row->cells[i].raw);
      g_ptr_array_add (rows, g_strsplit (line->str, "\x1f", 1));
      g_string_free (line, TRUE);
    }
  g_assert_no_error (error);
  g_assert_cmpfloat (bf_sheet_reader_get_fraction (reader), ==, 1.0);
  if (out_reader != NULL)
    *out_reader = reader;
  else
    bf_sheet_reader_free (reader);
  return rows;
}

static const char *
line (GPtrArray *rows, guint i)
{
  g_assert_cmpuint (i, <, rows->len);
  return ((char **) g_ptr_array_index (rows, i))[0];
}

static void
test_serial_dates (void)
{
  struct
  {
    double serial;
    gboolean date1904;
    const char *iso; /* NULL: no date */
  } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 60, FALSE, NULL },
    { 61, FALSE, "1900-03-01" },
    { 45356, FALSE, "2024-03-05" },
    { 45356.75, FALSE, "2024-03-05" },
    { 0, FALSE, NULL },
    { -1, FALSE, NULL },
    { 2958465, FALSE, "9999-12-31" },
    { 2958466, FALSE, NULL },
    { 0, TRUE, "1904-01-01" },
    { 43894, TRUE, "2024-03-05" },
    { 2957003, TRUE, "9999-12-31" },
    { 2957004, TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;
      gboolean ok = bf_sheet_serial_to_date (cases[i].serial, cases[i].date1904, &date);

      g_assert_cmpint (ok, ==, cases[i].iso != NULL);
      if (ok)
        {
          iso = bf_date_format (&date);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
  {
    static const struct
    {
      guint index;
      const char *name;
    } columns[] = { { 0, "A" },    { 25, "Z" },    { 26, "AA" },
                    { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" } };

    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        g_autofree char *name = bf_sheet_column_name (columns[i].index);

        g_assert_cmpstr (name, ==, columns[i].name);
      }
  }
}

static void
test_reader_dates (void)
{
  g_autoptr (GPtrArray) rows = read_rows ("dates.xlsx", NULL, NULL);
  g_autoptr (GPtrArray) rows1904 = NULL;
  BfSheetReader *reader;

  /* Date-formatted 59 and 61 are dates; 60 is Excel's 29 February 1900, which never was: a
   * number. The unformatted column stays numbers. */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (line (rows, 1), ==, "2: 3:1900-02-28|59 2:59|59");
  g_assert_cmpstr (line (rows, 2), ==, "3: 2:60|60 2:60|60");
  g_assert_cmpstr (line (rows, 3), ==, "4: 3:1900-03-01|61 2:61|61");
  g_assert_cmpstr (line (rows, 4), ==, "5: 3:2024-03-05|45356 2:45356|45356");

  rows1904 = read_rows ("dates1904.xlsx", NULL, &reader);
  g_assert_true (bf_sheet_reader_get_date1904 (reader));
  g_assert_cmpstr (line (rows1904, 1), ==, "2: 3:2024-03-05|43894 3:1904-01-01|0");
  bf_sheet_reader_free (reader);
}

static void
test_reader_shapes (void)
{
  g_autoptr (GPtrArray) rows = read_rows ("corpus-xlsx/shapes.xlsx", "人员", NULL);
  g_autoptr (GPtrArray) prefixed = read_rows ("corpus-xlsx/prefixed.xlsx", NULL, NULL);
  g_autoptr (GPtrArray) bare = read_rows ("corpus-xlsx/bare.xlsx", NULL, NULL);

  /* A merged title (one cell), shared strings with rich text runs and no phonetic reading,
   * "_x000D_", inline strings, a stored number, a date style, a custom date format, a
   * boolean, an error, a formula's cached string, a strict ISO date, a money format; row 4 is
   * missing and row 5's cells have no references. */
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (line (rows, 0), ==, "1: 1:某乡人员台账|某乡人员台账");
  g_assert_cmpstr (line (rows, 1), ==,
                   "2: 1:户编号|户编号 1:姓名|姓名 1:证件号码|证件号码 1:与户主关系|与户主关系");
  g_assert_cmpstr (line (rows, 2), ==,
                   "3: 1:4301020010010001|4301020010010001 1:张三|张三 "
                   "2:4.30102197203E+17|4.30102197203E+17 1: 户主 \r| 户主 \r "
                   "3:2024-03-05|45356 2:60|60 4:TRUE|TRUE 5:#N/A|#N/A 1:x|x "
                   "3:2024-03-05|2024-03-05T00:00:00 2:3456.7800000000002|3456.7800000000002");
  g_assert_cmpstr (line (rows, 3), ==, "5: 0:| 1:李四|李四 1:证件号码|证件号码 2:61|61");
  /* Element names with a namespace prefix read the same. */
  g_assert_cmpuint (prefixed->len, ==, 4);
  g_assert_cmpstr (line (prefixed, 2), ==, line (rows, 2));
  /* No styles, no shared strings, no references. */
  g_assert_cmpstr (line (bare, 0), ==, "1: 1:a|a 2:1|1");
}

static void
test_reader_csv (void)
{
  static const char *const files[] = { "renamed-utf8.csv", "renamed-bom.csv",
                                       "renamed-gb18030.csv" };
  static const BfSheetEncoding encodings[] = { BF_SHEET_ENCODING_UTF8, BF_SHEET_ENCODING_UTF8_BOM,
                                               BF_SHEET_ENCODING_GB18030 };
  g_autoptr (GPtrArray) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      BfSheetReader *reader;
      g_autoptr (GPtrArray) rows = read_rows (files[i], NULL, &reader);

      g_assert_cmpint (bf_sheet_reader_get_format (reader), ==, BF_SHEET_FORMAT_CSV);
      g_assert_cmpint (bf_sheet_reader_get_encoding (reader), ==, encodings[i]);
      bf_sheet_reader_free (reader);
      g_assert_cmpuint (rows->len, ==, 5);
      g_assert_true (g_str_has_prefix (line (rows, 0), "1: 1:序号|序号 1:户主姓名|户主姓名"));
      g_assert_true (g_str_has_prefix (line (rows, 1), "2: 1:1|1 1:张大山|张大山"));
      if (first == NULL)
        first = g_ptr_array_ref (rows);
      else
        for (guint r = 0; r < rows->len; r++)
          g_assert_cmpstr (line (rows, r), ==, line (first, r));
    }
}

/* Bytes that must give @code with a message naming the file. */
static void
assert_refused (const char *bytes, gssize size, const char *name, int code)
{
  g_autoptr (GBytes) data = g_bytes_new (bytes, size < 0 ? strlen (bytes) : (gsize) size);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfSheetReader) reader = bf_sheet_reader_open_bytes (data, name, &error);
  const BfSheetRow *row = NULL;

  if (reader != NULL)
    {
      g_assert_true (bf_sheet_reader_select_sheet (reader, 0, &error));
      while ((row = bf_sheet_reader_next_row (reader, &error)) != NULL)
        ;
    }
  g_assert_error (error, BF_SHEET_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_reader_damaged (void)
{
  g_autofree char *path = fixture ("national.xlsx");
  g_autofree char *contents = NULL;
  g_autofree char *missing = fixture ("no-such-file.xlsx");
  g_autoptr (GError) error = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  /* A download cut short: the zip's directory at its end is gone. */
  assert_refused (contents, size / 2, "名单.xlsx", BF_SHEET_ERROR_DAMAGED);
  assert_refused ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old", 12, "旧表.xls",
                  BF_SHEET_ERROR_UNSUPPORTED);
  assert_refused ("%PDF-1.4", -1, "a.pdf", BF_SHEET_ERROR_UNSUPPORTED);
  /* 0xff starts no GB18030 character and is no UTF-8. */
  assert_refused ("姓名,x\n\xff\xff\xff,1\n", -1, "乱码.csv", BF_SHEET_ERROR_ENCODING);
  /* A UTF-8 file with one bad row further on than the probe: refused at that row. */
  {
    GString *text = g_string_new ("姓名,证件号码\n");

    while (text->len < 70 * 1024)
      g_string_append (text, "张三,430102197203150018\n");
    g_string_append (text, "\xc3\x28,1\n");
    assert_refused (text->str, text->len, "长表.csv", BF_SHEET_ERROR_DAMAGED);
    g_string_free (text, TRUE);
  }
  g_assert_null (bf_sheet_reader_open (missing, &error));
  g_assert_error (error, BF_SHEET_ERROR, BF_SHEET_ERROR_OPEN);
}

/* ---- Words and mappings ---- */

static void
test_words (void)
{
  struct
  {
    BfCodeList list;
    const char *word;
    const char *code;
    int grade;
  } cases[] = {
    { BF_CODES_ATTRIBUTE, "五保户", "tekun", 0 },
    { BF_CODES_ATTRIBUTE, "特困供养户", "tekun", 0 },
    { BF_CODES_ATTRIBUTE, "低保户", "dibao", 0 },
    { BF_CODES_ATTRIBUTE, " 一般户 ", "general", 0 },
    { BF_CODES_ATTRIBUTE, "general", "general", 0 },
    { BF_CODES_ATTRIBUTE, "富裕户", NULL, 0 },
    { BF_CODES_CAUSE, "因病致贫", "illness", 0 },
    { BF_CODES_CAUSE, "缺劳力", "labour", 0 },
    { BF_CODES_CAUSE, "因婚", NULL, 0 },
    { BF_CODES_HEALTH, "残疾二级", "disabled", 2 },
    { BF_CODES_HEALTH, "肢体残疾（四级）", "disabled", 4 },
    { BF_CODES_HEALTH, "残疾", "disabled", 0 },
    { BF_CODES_HEALTH, "残疾五级", NULL, 0 },
    { BF_CODES_HEALTH, "长期慢性病", "chronic", 0 },
    { BF_CODES_RELATION, "妻子", "spouse", 0 },
    { BF_CODES_RELATION, "长女", "daughter", 0 },
    { BF_CODES_RELATION, "户主", "head", 0 },
    { BF_CODES_RELATION, "邻居", NULL, 0 },
    { BF_CODES_ETHNICITY, "汉", "han", 0 },
    { BF_CODES_ETHNICITY, "土家族", "tujia", 0 },
    { BF_CODES_EDUCATION, "高中/中专", "senior", 0 },
    { BF_CODES_EDUCATION, "本科", "college", 0 },
    { BF_CODES_SCHOOL_STATUS, "非在校生", "none", 0 },
    { BF_CODES_LABOUR, "技能劳动力", "skilled", 0 },
    { BF_CODES_WORK_STATUS, "省外务工", "outside", 0 },
    { BF_CODES_MONITORING_TYPE, "边缘户", "marginal", 0 },
    { BF_CODES_MONITORING_TYPE, "突发严重困难户", "hardship", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int grade = -1;

      g_assert_cmpstr (_bf_import_word_code (cases[i].list, cases[i].word, &grade), ==,
                       cases[i].code);
      if (cases[i].code != NULL)
        g_assert_cmpint (grade, ==, cases[i].grade);
    }
  g_assert_cmpint (_bf_import_yes_no ("是"), ==, 1);
  g_assert_cmpint (_bf_import_yes_no ("否"), ==, 0);
  g_assert_cmpint (_bf_import_yes_no ("TRUE"), ==, 1);
  g_assert_cmpint (_bf_import_yes_no ("也许"), ==, -1);
  g_assert_cmpstr (_bf_import_status_code ("帮扶中"), ==, "registered");
  g_assert_null (_bf_import_status_code ("搬走了"));
}

static void
test_mapping (void)
{
  static const char *const headers[] = { "序号",         "户主姓名", "成员姓名", " 身份证号码 ",
                                         "与户主的关系", "村",       "组",       "家庭住址",
                                         "备注",         "" };
  static const char *const respelled[] = { "序号",       "户主姓名",     "*成员姓名",
                                           "身份证号码", "与户主的关系", "村",
                                           "组",         "家庭住址",     "备注" };
  static const char *const other[] = { "序号", "户主姓名", "成员姓名", "身份证号" };
  g_autoptr (BfImportMapping) mapping = bf_import_mapping_propose (headers, 10, 3);
  g_autoptr (BfImportMapping) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sig = bf_import_header_signature (respelled, G_N_ELEMENTS (respelled));
  g_autofree char *other_sig = bf_import_header_signature (other, G_N_ELEMENTS (other));
  g_autofree char *bad = NULL;

  g_assert_false (bf_import_mapping_is_national (mapping));
  g_assert_cmpuint (bf_import_mapping_get_n_columns (mapping), ==, 9);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 0), ==, BF_IMPORT_FIELD_NONE);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 1), ==, BF_IMPORT_FIELD_HEAD_NAME);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 2), ==, BF_IMPORT_FIELD_NAME);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 3), ==, BF_IMPORT_FIELD_ID_NUMBER);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 4), ==, BF_IMPORT_FIELD_RELATION);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 5), ==, BF_IMPORT_FIELD_VILLAGE);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 8), ==, BF_IMPORT_FIELD_NONE);
  /* Spaces, required marks and trailing empty headers do not change the signature; another
   * header row does. */
  g_assert_cmpstr (bf_import_mapping_get_signature (mapping), ==, sig);
  g_assert_cmpstr (bf_import_mapping_get_signature (mapping), !=, other_sig);
  g_assert_cmpuint (strlen (sig), ==, 64);
  g_assert_true (bf_import_mapping_check (mapping, NULL));

  /* The caseworker maps 备注 as the address instead: the address column loses it. */
  bf_import_mapping_set_field (mapping, 8, BF_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (bf_import_mapping_get_field (mapping, 7), ==, BF_IMPORT_FIELD_NONE);
  g_assert_cmpint (bf_import_mapping_find_column (mapping, BF_IMPORT_FIELD_ADDRESS), ==, 8);

  json = bf_import_mapping_to_json (mapping);
  back = bf_import_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bf_import_mapping_get_signature (back), ==, sig);
  g_assert_cmpuint (bf_import_mapping_get_header_row (back), ==, 3);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (bf_import_mapping_get_field (back, i), ==,
                     bf_import_mapping_get_field (mapping, i));

  bad = g_strdup (json);
  memcpy (strstr (bad, "\"village\""), "\"villagX\"", 9);
  g_clear_pointer (&back, bf_import_mapping_free);
  back = bf_import_mapping_new_from_json (bad, &error);
  g_assert_null (back);
  g_assert_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "villagX"));
  g_clear_error (&error);
  g_assert_null (bf_import_mapping_new_from_json ("[1, 2]", &error));
  g_assert_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  bf_import_mapping_set_field (mapping, 5, BF_IMPORT_FIELD_NONE);
  bf_import_mapping_set_field (mapping, 3, BF_IMPORT_FIELD_NONE);
  g_assert_false (bf_import_mapping_check (mapping, &error));
  g_assert_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, bf_import_field_label (BF_IMPORT_FIELD_VILLAGE)));
  g_assert_nonnull (strstr (error->message, bf_import_field_label (BF_IMPORT_FIELD_ID_NUMBER)));
}

/* ---- Whole sheets ---- */

typedef struct
{
  double last_fraction;
  guint progress_calls;
  GPtrArray *households; /* BfImportHousehold, taken from the batches */
  GPtrArray *refused;    /* BfImportRefusedRow */
  guint batches;
  GCancellable *cancel_after_first; /* cancelled in the first batch */
} Collected;

static gboolean
collect (BfImportBatch *batch, gpointer user_data, GError **error)
{
  Collected *c = user_data;

  c->batches++;
  g_assert_cmpuint (batch->n_headers, >, 0);
  while (batch->households->len > 0)
    g_ptr_array_add (c->households, g_ptr_array_steal_index (batch->households, 0));
  while (batch->refused->len > 0)
    g_ptr_array_add (c->refused, g_ptr_array_steal_index (batch->refused, 0));
  if (c->cancel_after_first != NULL)
    g_cancellable_cancel (c->cancel_after_first);
  return TRUE;
}

static void
progress (double fraction, const char *text, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_cmpfloat (fraction, >=, c->last_fraction);
  g_assert_nonnull (text);
  c->last_fraction = fraction;
  c->progress_calls++;
}

static void
collected_init (Collected *c)
{
  memset (c, 0, sizeof *c);
  c->households = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_household_free);
  c->refused = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_import_refused_row_free);
}

static void
collected_clear (Collected *c)
{
  g_ptr_array_unref (c->households);
  g_ptr_array_unref (c->refused);
}

static void
read_fixture (const char *name, const BfImportMapping *mapping, Collected *c, BfImportSummary *s)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };
  GDate date;

  bf_test_import_today (&date);
  options.mapping = mapping;
  options.today = &date;
  options.batch_size = 2;
  collected_init (c);
  g_assert_true (bf_import_read (path, &options, collect, progress, c, NULL, s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c->progress_calls, >, 0);
  g_assert_cmpfloat (c->last_fraction, ==, 1.0);
}

static BfMember *
member (BfImportHousehold *household, guint i)
{
  g_assert_cmpuint (i, <, household->household->members->len);
  return g_ptr_array_index (household->household->members, i);
}

static guint64
member_row (BfImportHousehold *household, guint i)
{
  return g_array_index (household->member_rows, guint64, i);
}

static void
assert_refused_row (Collected *c,
                    guint i,
                    guint64 row,
                    BfImportReason reason,
                    const char *header,
                    guint64 other_row)
{
  BfImportRefusedRow *refused;
  BfImportProblem *problem;
  g_autofree char *prefix = NULL;

  g_assert_cmpuint (i, <, c->refused->len);
  refused = g_ptr_array_index (c->refused, i);
  g_assert_cmpuint (refused->row, ==, row);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  problem = g_ptr_array_index (refused->problems, 0);
  g_assert_cmpuint (problem->row, ==, row);
  g_assert_cmpint (problem->reason, ==, reason);
  g_assert_cmpstr (problem->header, ==, header);
  g_assert_cmpuint (problem->other_row, ==, other_row);
  prefix = g_strdup_printf ("Row %lu: ", (unsigned long) row);
  g_assert_true (g_str_has_prefix (problem->message, prefix));
}

static void
test_national (void)
{
  g_autofree char *zhang = bf_test_id_of ("43010219720315001");
  g_autofree char *wang = bf_test_id_of ("43010219800808005");
  g_autofree char *xiaoming = bf_test_id_of ("43010220050101003");
  BfImportSummary s;
  BfImportHousehold *h;
  BfImportRefusedRow *refused;
  Collected c;

  read_fixture ("national.xlsx", NULL, &c, &s);
  /* The notes sheet comes first; the header is under the merged title; row 7 is empty. */
  g_assert_cmpstr (s.sheet, ==, "人员台账");
  g_assert_true (s.national);
  g_assert_cmpuint (s.header_row, ==, 2);
  g_assert_cmpuint (s.rows, ==, 12);
  g_assert_cmpuint (s.households, ==, 3);
  g_assert_cmpuint (s.people, ==, 6);
  g_assert_cmpuint (s.refused_households, ==, 5);
  g_assert_cmpuint (s.refused_rows, ==, 6);
  g_assert_cmpuint (s.rows_by_reason[BF_IMPORT_REASON_DAMAGED_NUMBER], ==, 3);
  g_assert_cmpuint (s.rows_by_reason[BF_IMPORT_REASON_DUPLICATE], ==, 1);
  g_assert_cmpuint (s.rows_by_reason[BF_IMPORT_REASON_UNKNOWN_WORD], ==, 1);
  g_assert_cmpuint (s.rows_by_reason[BF_IMPORT_REASON_HOUSEHOLD_REFUSED], ==, 1);
  g_assert_cmpuint (c.households->len, ==, 3);
  /* Batches of two households, the last one with the rest. */
  g_assert_cmpuint (c.batches, ==, 2);

  h = g_ptr_array_index (c.households, 0);
  g_assert_cmpstr (h->household->number, ==, "4301020010010001");
  g_assert_cmpstr (h->county, ==, "青山县");
  g_assert_cmpstr (h->township, ==, "石门乡");
  g_assert_cmpstr (h->household->village_name, ==, "清水村");
  g_assert_cmpstr (h->household->group_name, ==, "1组");
  g_assert_cmpstr (h->household->attribute, ==, "tekun"); /* 五保户 */
  g_assert_cmpstr (h->household->primary_cause, ==, "illness");
  g_assert_cmpstr (h->household->first_identified_on, ==, "2016-05-10"); /* dates and 42500 */
  g_assert_cmpstr (h->household->phone, ==, "13800001234");
  g_assert_cmpint (h->household->dangerous_house, ==, 0);
  g_assert_cmpint (h->water_secured, ==, 1);
  g_assert_cmpint (h->per_capita_fen, ==, 345678);
  g_assert_cmpint (h->declared_members, ==, 3);
  g_assert_null (h->status);
  g_assert_cmpint (h->risk_cleared, ==, -1);
  g_assert_cmpuint (h->household->members->len, ==, 3);
  g_assert_cmpstr (member (h, 0)->name, ==, "张大山");
  g_assert_cmpstr (member (h, 0)->id_number, ==, zhang);
  g_assert_cmpstr (member (h, 0)->relation, ==, "head");
  g_assert_cmpstr (member (h, 0)->sex, ==, "male");
  g_assert_cmpstr (member (h, 0)->birth_date, ==, "1972-03-15");
  g_assert_cmpstr (member (h, 0)->person_number, ==, "430102001001000101");
  g_assert_cmpstr (member (h, 0)->ethnicity, ==, "han");
  g_assert_cmpstr (member (h, 0)->education, ==, "primary");
  g_assert_cmpstr (member (h, 0)->health, ==, "disabled");
  g_assert_cmpint (member (h, 0)->disability_grade, ==, 2); /* 残疾二级 */
  g_assert_cmpstr (member (h, 0)->labour, ==, "ordinary");
  g_assert_cmpint (member (h, 0)->work_months, ==, 0);
  g_assert_cmpint (member (h, 0)->serious_illness_insurance, ==, 1);
  g_assert_cmpint (member (h, 0)->medical_insurance, ==, -1);
  g_assert_cmpstr (member (h, 1)->name, ==, "李秀英");
  g_assert_cmpstr (member (h, 1)->relation, ==, "spouse");
  g_assert_cmpstr (member (h, 1)->sex, ==, "female");
  g_assert_cmpstr (member (h, 2)->id_number, ==, xiaoming);
  g_assert_cmpstr (member (h, 2)->relation, ==, "son");
  g_assert_cmpstr (member (h, 2)->school_status, ==, "senior");
  g_assert_cmpstr (member (h, 2)->education, ==, "junior");
  g_assert_cmpuint (member_row (h, 0), ==, 3);
  g_assert_cmpuint (member_row (h, 2), ==, 5);

  h = g_ptr_array_index (c.households, 1);
  g_assert_cmpstr (h->household->number, ==, "4301020010010002");
  g_assert_cmpstr (h->household->attribute, ==, "dibao");         /* 低保户 */
  g_assert_cmpstr (h->household->primary_cause, ==, "schooling"); /* 因学致贫 */
  g_assert_cmpstr (h->household->first_identified_on, ==,
                   "2017-03-05");                  /* 2017/3/5, 2017年3月5日 */
  g_assert_cmpint (h->per_capita_fen, ==, 280050); /* "2,800.5" */
  g_assert_cmpuint (h->household->members->len, ==, 2);
  g_assert_cmpstr (member (h, 0)->id_number, ==, wang);
  g_assert_cmpstr (member (h, 1)->relation, ==, "daughter");
  g_assert_cmpuint (member_row (h, 1), ==, 8);

  h = g_ptr_array_index (c.households, 2);
  g_assert_cmpstr (h->household->number, ==, "4301020010010008");
  g_assert_cmpstr (h->household->attribute, ==, "tekun");
  g_assert_cmpstr (h->household->primary_cause, ==, "labour");
  g_assert_cmpstr (h->household->first_identified_on, ==, "2024-03-05"); /* 20240305 */

  g_assert_cmpuint (c.refused->len, ==, 6);
  assert_refused_row (&c, 0, 9, BF_IMPORT_REASON_DAMAGED_NUMBER, "证件号码", 0);
  assert_refused_row (&c, 1, 10, BF_IMPORT_REASON_HOUSEHOLD_REFUSED, NULL, 9);
  assert_refused_row (&c, 2, 11, BF_IMPORT_REASON_DAMAGED_NUMBER, "证件号码", 0);
  assert_refused_row (&c, 3, 12, BF_IMPORT_REASON_DAMAGED_NUMBER, "证件号码", 0);
  assert_refused_row (&c, 4, 13, BF_IMPORT_REASON_DUPLICATE, "证件号码", 3);
  assert_refused_row (&c, 5, 14, BF_IMPORT_REASON_UNKNOWN_WORD, "健康状况", 0);
  /* The refused row keeps its cells for the report; the message asks for a text column. */
  refused = g_ptr_array_index (c.refused, 2);
  g_assert_cmpuint (refused->n_cells, ==, 24);
  g_assert_cmpstr (refused->cells[6], ==, "孙六");
  g_assert_cmpstr (refused->cells[7], ==, "4.30102197203E+17");
  g_assert_nonnull (
    strstr (((BfImportProblem *) g_ptr_array_index (refused->problems, 0))->message, "as text"));
  refused = g_ptr_array_index (c.refused, 0);
  g_assert_cmpstr (refused->cells[7], ==, "4.3010219650505e+17");

  bf_import_summary_clear (&s);
  collected_clear (&c);
}

static BfImportMapping *
renamed_mapping (void)
{
  g_autofree char *path = fixture ("renamed.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (BfImportPreview) preview = bf_import_preview (path, NULL, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (preview->sheet, ==, "花名册");
  g_assert_false (bf_import_mapping_is_national (preview->mapping));
  g_assert_cmpuint (bf_import_mapping_get_header_row (preview->mapping), ==, 1);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 0))[2], ==, "张大山");
  g_assert_cmpuint (g_array_index (preview->row_numbers, guint64, 2), ==, 4);
  return bf_import_mapping_copy (preview->mapping);
}

static void
assert_renamed (Collected *c, BfImportSummary *s)
{
  g_autofree char *li = bf_test_id_of ("43010219740620002");
  BfImportHousehold *h;

  g_assert_false (s->national);
  g_assert_cmpuint (s->rows, ==, 4);
  g_assert_cmpuint (s->households, ==, 1);
  g_assert_cmpuint (s->people, ==, 2);
  g_assert_cmpuint (s->refused_households, ==, 1);
  g_assert_cmpuint (s->rows_by_reason[BF_IMPORT_REASON_CONTRADICTS_ID], ==, 1);
  g_assert_cmpuint (c->households->len, ==, 1);
  h = g_ptr_array_index (c->households, 0);
  /* Without 户编号 the store numbers the household; 户主姓名 and the address group the rows. */
  g_assert_null (h->household->number);
  g_assert_cmpstr (h->household->village_name, ==, "清水村");
  g_assert_cmpstr (h->household->address, ==, "清水村1组1号");
  g_assert_cmpstr (h->household->attribute, ==, "tekun");
  g_assert_cmpuint (h->household->members->len, ==, 2);
  g_assert_cmpstr (member (h, 0)->relation, ==, "head");
  g_assert_cmpstr (member (h, 1)->id_number, ==, li);
  g_assert_cmpstr (member (h, 1)->relation, ==, "spouse"); /* 妻子 */
  g_assert_cmpstr (member (h, 1)->health, ==, "chronic");
  g_assert_cmpstr (member (h, 1)->birth_date, ==, "1974-06-20");
  g_assert_cmpuint (c->refused->len, ==, 2);
  assert_refused_row (c, 0, 4, BF_IMPORT_REASON_HOUSEHOLD_REFUSED, NULL, 5);
  assert_refused_row (c, 1, 5, BF_IMPORT_REASON_CONTRADICTS_ID, "出生日期", 0);
}

static void
test_renamed (void)
{
  static const char *const files[] = { "renamed.xlsx", "renamed-utf8.csv", "renamed-bom.csv",
                                       "renamed-gb18030.csv" };
  g_autoptr (BfImportMapping) mapping = renamed_mapping ();
  g_autofree char *json = bf_import_mapping_to_json (mapping);
  g_autofree char *path = fixture ("renamed.xlsx");
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };
  BfImportSummary s;

  /* Not the national list: without a mapping it is not read. */
  g_assert_false (bf_import_read (path, &options, collect, NULL, NULL, NULL, &s, &error));
  g_assert_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_NOT_NATIONAL);
  bf_import_summary_clear (&s);

  /* The mapping made on the workbook, saved and loaded again, reads the CSV files the same. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (BfImportMapping) saved = bf_import_mapping_new_from_json (json, NULL);
      Collected c;

      g_assert_nonnull (saved);
      read_fixture (files[i], saved, &c, &s);
      assert_renamed (&c, &s);
      bf_import_summary_clear (&s);
      collected_clear (&c);
    }
}

static void
test_mapping_elsewhere (void)
{
  static const char *const headers[] = { "甲", "乙", "丙", "丁" };
  g_autoptr (BfImportMapping) mapping = bf_import_mapping_new (headers, 4, 1);
  g_autofree char *path = fixture ("renamed.xlsx");
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };

  for (guint i = 0; i < 4; i++)
    bf_import_mapping_set_field (mapping, i,
                                 (BfImportField[]){ BF_IMPORT_FIELD_NAME, BF_IMPORT_FIELD_ID_NUMBER,
                                                    BF_IMPORT_FIELD_RELATION,
                                                    BF_IMPORT_FIELD_VILLAGE }[i]);
  options.mapping = mapping;
  g_assert_false (bf_import_read (path, &options, collect, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_NO_HEADER);
}

static void
test_cancel (void)
{
  g_autofree char *path = fixture ("national.xlsx");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };
  BfImportSummary s;
  Collected c;
  GDate date;

  bf_test_import_today (&date);
  options.today = &date;
  options.batch_size = 1;
  collected_init (&c);
  c.cancel_after_first = cancellable;
  g_assert_false (bf_import_read (path, &options, collect, NULL, &c, cancellable, &s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The first batch was handed over; nothing after the cancellation. */
  g_assert_cmpuint (c.batches, ==, 1);
  g_assert_cmpuint (c.households->len, ==, 1);
  bf_import_summary_clear (&s);
  collected_clear (&c);
}

static gboolean
fail_batch (BfImportBatch *batch, gpointer user_data, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

static void
test_batch_failure (void)
{
  g_autofree char *path = fixture ("national.xlsx");
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };

  g_assert_false (bf_import_read (path, &options, fail_batch, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* Bangfu's own quarterly ledger is the national list: every person of the register comes back
 * as the store has it. */
static void
test_ledger_round_trip (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *register_path = g_build_filename (dir, "r.bangfu", NULL);
  g_autofree char *ledger = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  BfLedgerOptions ledger_options = { 0 };
  BfImportOptions options = { 0 };
  BfImportSummary s;
  Collected c;
  guint people = 0;

  store = bf_store_demo_create (register_path, 3, "测试员", &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, 40, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ledger_options.register_path = register_path;
  ledger_options.year = 2026;
  ledger_options.quarter = 3;
  g_assert_true (bf_ledger_write (&ledger_options, ledger, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  collected_init (&c);
  g_assert_true (bf_import_read (ledger, &options, collect, NULL, &c, NULL, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.sheet, ==, "人员台账");
  g_assert_cmpuint (s.refused_rows, ==, 0);
  g_assert_cmpuint (s.households, ==, 40);
  for (guint i = 0; i < c.households->len; i++)
    {
      BfImportHousehold *h = g_ptr_array_index (c.households, i);
      g_autoptr (BfHousehold) stored =
        bf_store_household_get_by_number (store, h->household->number, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (h->household->village_name, ==, stored->village_name);
      g_assert_cmpstr (h->household->group_name, ==, stored->group_name);
      g_assert_cmpstr (h->household->attribute, ==, stored->attribute);
      g_assert_cmpstr (h->household->monitoring_type, ==, stored->monitoring_type);
      g_assert_cmpstr (h->household->primary_cause, ==, stored->primary_cause);
      g_assert_cmpstr (h->household->first_identified_on, ==, stored->first_identified_on);
      g_assert_cmpstr (h->status, ==, stored->status);
      g_assert_cmpuint (h->household->members->len, ==, stored->members->len);
      for (guint m = 0; m < stored->members->len; m++)
        {
          BfMember *a = member (h, m);
          BfMember *b = g_ptr_array_index (stored->members, m);

          g_assert_cmpstr (a->name, ==, b->name);
          g_assert_cmpstr (a->id_number, ==, b->id_number);
          g_assert_cmpstr (a->relation, ==, b->relation);
          g_assert_cmpstr (a->education, ==, b->education);
          g_assert_cmpstr (a->health, ==, b->health);
          g_assert_cmpint (a->disability_grade, ==, b->disability_grade);
          g_assert_cmpint (a->work_months, ==, b->work_months);
          g_assert_cmpint (a->pension_insurance, ==, b->pension_insurance);
          people++;
        }
    }
  g_assert_cmpuint (people, ==, s.people);
  bf_import_summary_clear (&s);
  collected_clear (&c);
  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixtures = bf_test_tmpdir_new ();
  bf_test_import_write_fixtures ("import-fixtures.py", fixtures);
  bf_test_import_write_fixtures ("fuzz/make-corpus.py", fixtures);

  g_test_add_func ("/import/serial-dates", test_serial_dates);
  g_test_add_func ("/import/reader/dates", test_reader_dates);
  g_test_add_func ("/import/reader/shapes", test_reader_shapes);
  g_test_add_func ("/import/reader/csv", test_reader_csv);
  g_test_add_func ("/import/reader/damaged", test_reader_damaged);
  g_test_add_func ("/import/words", test_words);
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/national", test_national);
  g_test_add_func ("/import/renamed", test_renamed);
  g_test_add_func ("/import/mapping-elsewhere", test_mapping_elsewhere);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/batch-failure", test_batch_failure);
  g_test_add_func ("/import/ledger-round-trip", test_ledger_round_trip);
  status = g_test_run ();
  bf_test_tmpdir_free (fixtures);
  return status;
}
