/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quarterly ledger: written from a demo register, read back with openpyxl (check-ledger.py)
 * and compared with what the store says; failures leave nothing behind and say why. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bf-id-number.h"
#include "bf-ledger.h"
#include "bf-lifecycle.h"
#include "bf-store-audit.h"
#include "bf-store-demo.h"
#include "bf-store-household.h"
#include "bf-store-ledger.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

#define N_HOUSEHOLDS 300
#define YEAR         2026
#define QUARTER      3
#define OPERATOR     "测试员"
#define PYTHON       "/usr/bin/python3"
/* Child processes find the shared register through this variable. */
#define REGISTER_ENV "BANGFU_TEST_LEDGER_REGISTER"

static const char *table_sheets[BF_LEDGER_N_TABLES] = {
  "户台账", "人员台账", "帮扶措施", "走访记录", "动态调整", "公示与异议",
};

static char *top_dir;       /* removed at the end (parent only) */
static char *register_path; /* a demo register of N_HOUSEHOLDS households */

static void
make_register (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autofree char *dir = NULL;

  top_dir = bf_test_tmpdir_new ();
  /* Readable by an unprivileged child (the permission test drops root). */
  g_assert_cmpint (g_chmod (top_dir, 0711), ==, 0);
  dir = g_build_filename (top_dir, "register", NULL);
  g_assert_cmpint (g_mkdir (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  register_path = g_build_filename (dir, "ledger.bangfu", NULL);
  store = bf_store_demo_create (register_path, 4, OPERATOR, &error);
  g_assert_no_error (error);
  g_assert_true (bf_store_demo_generate (store, N_HOUSEHOLDS, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (register_path, 0666), ==, 0);
}

static void
init_options (BfLedgerOptions *options)
{
  memset (options, 0, sizeof *options);
  options->register_path = register_path;
  options->year = YEAR;
  options->quarter = QUARTER;
  options->operator_name = OPERATOR;
}

/* Names of the files in @dir. */
static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* A folder for one test, writable by anyone (a child process may drop root); the children of
 * g_test_trap_subprocess() get their parent's folder as it is. */
static char *
new_dir (const char *name)
{
  g_autofree char *base = g_build_filename (top_dir, "out", NULL);
  char *dir = g_build_filename (base, name, NULL);

  if (g_test_subprocess ())
    return dir;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (base, 0777), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  return dir;
}

/* ---- What the store says, for check-ledger.py ---- */

static void
add_counts (JsonBuilder *builder, BfLedgerReader *reader)
{
  g_autoptr (GError) error = NULL;
  guint i;

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (i = 0; i < BF_LEDGER_N_TABLES; i++)
    {
      gint64 count = bf_ledger_reader_count (reader, i, &error);

      g_assert_no_error (error);
      json_builder_set_member_name (builder, table_sheets[i]);
      json_builder_add_int_value (builder, count);
    }
  json_builder_end_object (builder);
}

/* The summary's counts by status and by village, from the store's own GROUP BY queries. */
static void
add_summary (JsonBuilder *builder, BfLedgerReader *reader)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) by_status =
    bf_ledger_reader_breakdown (reader, BF_LEDGER_BY_STATUS, &error);
  g_autoptr (GPtrArray) by_village = NULL;
  guint i;

  g_assert_no_error (error);
  by_village = bf_ledger_reader_breakdown (reader, BF_LEDGER_BY_VILLAGE, &error);
  g_assert_no_error (error);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "户数（按户状态）");
  json_builder_begin_object (builder);
  for (i = 0; i < by_status->len; i++)
    {
      BfLedgerCount *count = g_ptr_array_index (by_status, i);

      json_builder_set_member_name (builder, bf_ledger_status_label (count->key));
      json_builder_add_int_value (builder, count->count);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "户数（按行政村）");
  json_builder_begin_object (builder);
  for (i = 0; i < by_village->len; i++)
    {
      BfLedgerCount *count = g_ptr_array_index (by_village, i);

      json_builder_set_member_name (builder, count->key);
      json_builder_add_int_value (builder, count->count);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_sample (JsonBuilder *builder,
            const char *sheet,
            const char *key_column,
            const char *key,
            const char *const *columns,
            const char *const *values)
{
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sheet");
  json_builder_add_string_value (builder, sheet);
  json_builder_set_member_name (builder, "key");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key_column);
  json_builder_add_string_value (builder, key);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  for (i = 0; columns[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, columns[i]);
      if (values[i] != NULL && g_str_has_prefix (values[i], "#"))
        json_builder_add_double_value (builder, g_ascii_strtod (values[i] + 1, NULL));
      else if (values[i] != NULL)
        json_builder_add_string_value (builder, values[i]);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Households read through the households API (not the ledger's queries): their cells in 户台账
 * and their heads' cells in 人员台账. */
static void
add_samples (JsonBuilder *builder, BfStore *store, gint64 village_id, gboolean masked)
{
  BfHouseholdQuery query = { .village_id = village_id, .sort = BF_HOUSEHOLD_SORT_NUMBER };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHouseholdPage) page = bf_store_household_search (store, &query, NULL, 20, &error);
  guint i, n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (page->rows->len, >, 0);
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_array (builder);
  for (i = 0; i < page->rows->len && n < 6; i += 3, n++)
    {
      BfHouseholdRow *row = g_ptr_array_index (page->rows, i);
      g_autoptr (BfHousehold) household = bf_store_household_get (store, row->id, &error);
      BfMember *head;
      g_autofree char *id_number = NULL;
      g_autofree char *members = NULL;
      g_autofree char *income = NULL;
      const char *household_columns[] = { "户主姓名", "户主证件号码",   "家庭人口数", "行政村",
                                          "户状态",   "人均纯收入(元)", NULL };
      const char *person_columns[] = { "姓名", "户编号", "与户主关系", "民族", "人数", NULL };

      g_assert_no_error (error);
      head = bf_household_get_head (household);
      g_assert_nonnull (head);
      id_number = masked ? bf_id_number_mask (head->id_number) : g_strdup (head->id_number);
      members = g_strdup_printf ("#%u", household->members->len);
      income = household->survey != NULL
                 ? g_strdup_printf ("#%.2f", household->survey->per_capita_fen / 100.0)
                 : NULL;
      {
        const char *values[] = { head->name,
                                 id_number,
                                 members,
                                 household->village_name,
                                 bf_ledger_status_label (household->status),
                                 income,
                                 NULL };

        /* No survey: the column is empty, which the check cannot tell from a missing value. */
        if (income == NULL)
          household_columns[5] = NULL;
        add_sample (builder, "户台账", "户编号", household->number, household_columns, values);
      }
      {
        const char *values[] = {
          head->name, household->number,
          "户主",     bf_ledger_code_label (BF_CODES_ETHNICITY, head->ethnicity),
          members,    NULL
        };

        if (values[3] == NULL)
          person_columns[3] = NULL;
        add_sample (builder, "人员台账", "证件号码", id_number, person_columns, values);
      }
    }
  json_builder_end_array (builder);
}

static char *
write_expectations (const char *dir, const BfLedgerOptions *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (BfLedgerReader) reader = NULL;
  g_autoptr (BfStore) store = NULL;
  char *path = g_build_filename (dir, "expect.json", NULL);

  reader = bf_ledger_reader_open (register_path, options->year, options->quarter,
                                  options->village_id, &error);
  g_assert_no_error (error);
  store = bf_store_open (register_path, BF_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  json_builder_begin_object (builder);
  add_counts (builder, reader);
  add_summary (builder, reader);
  add_samples (builder, store, options->village_id, options->mask);
  json_builder_set_member_name (builder, "max_rows");
  json_builder_add_int_value (builder, options->max_sheet_rows != 0 ? options->max_sheet_rows
                                                                    : BF_LEDGER_EXCEL_MAX_ROWS);
  json_builder_set_member_name (builder, "masked");
  json_builder_add_boolean_value (builder, options->mask);
  json_builder_set_member_name (builder, "county");
  json_builder_add_string_value (builder, bf_store_get_county (store));
  json_builder_set_member_name (builder, "township");
  json_builder_add_string_value (builder, bf_store_get_township (store));
  json_builder_set_member_name (builder, "operator");
  json_builder_add_string_value (builder, OPERATOR);
  if (options->indicators != NULL)
    {
      const BfIndicatorSet *set = options->indicators_data;
      static const char *const names[BF_N_INDICATORS] = {
        "识别准确率", "帮扶措施落实率", "人均纯收入增长(中位数,元)", "人均纯收入高于扶贫标准的比例",
        "满意度",
      };
      guint i;

      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_array (builder);
      for (i = 0; i < BF_N_INDICATORS; i++)
        {
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, names[i]);
          json_builder_add_int_value (builder, set->indicators[i].numerator);
          json_builder_add_int_value (builder, set->indicators[i].denominator);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "village");
  if (options->village_id != 0)
    json_builder_add_string_value (builder, bf_ledger_reader_get_village (reader));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  return path;
}

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  int status = 1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Exports with @options into a new folder and has check-ledger.py compare the workbook with the
 * store; fails the test with the script's findings. */
static void
export_and_check (const char *name, const BfLedgerOptions *options)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) files = NULL;
  BfLedgerResult result;
  const char *argv[5];
  int status;

  if (!have_openpyxl ())
    {
      g_test_skip ("needs " PYTHON " with openpyxl (python3-openpyxl)");
      return;
    }
  dir = new_dir (name);
  path = g_build_filename (dir, "台账.xlsx", NULL);
  g_assert_true (bf_ledger_write (options, path, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Only the workbook: the temporary file was renamed, the scratch files are gone. */
  files = list_dir (dir);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpint (result.rows[BF_LEDGER_HOUSEHOLDS], >, 0);

  expect = write_expectations (dir, options);
  script = g_test_build_filename (G_TEST_DIST, "check-ledger.py", NULL);
  argv[0] = PYTHON;
  argv[1] = script;
  argv[2] = path;
  argv[3] = expect;
  argv[4] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_fail_printf ("the workbook differs from the register:\n%s%s", out, err);
}

static const BfIndicatorSet *
given_indicators (gpointer data)
{
  return data;
}

/* With the quarter's indicators, as the Ledgers page and bangfu-cli pass them. */
static void
test_workbook (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (register_path, BF_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (BfIndicatorReport) indicators = NULL;
  BfLedgerOptions options;

  g_assert_no_error (error);
  indicators = bf_store_indicators (store, "2026Q3", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (indicators->scope->indicators[BF_INDICATOR_ACCURACY].denominator, >, 0);
  g_assert_true (bf_store_close (store, &error));
  init_options (&options);
  options.indicators = given_indicators;
  options.indicators_data = indicators->scope;
  export_and_check ("whole", &options);
}

static void
test_masked (void)
{
  BfLedgerOptions options;

  init_options (&options);
  options.mask = TRUE;
  export_and_check ("masked", &options);
}

/* A small sheet size makes every table continue on "户台账(2)" and so on; the summary's formulas
 * add the parts up. */
static void
test_continuation (void)
{
  BfLedgerOptions options;

  init_options (&options);
  options.max_sheet_rows = 60;
  export_and_check ("continued", &options);
}

static void
test_village (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = bf_store_open (register_path, BF_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GPtrArray) villages = NULL;
  BfLedgerOptions options;
  BfVillage *village;

  g_assert_no_error (error);
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  village = g_ptr_array_index (villages, 1);
  init_options (&options);
  options.village_id = village->id;
  g_assert_true (bf_store_close (store, &error));
  export_and_check ("village", &options);
}

static void
test_labels (void)
{
  const BfCodeList lists[] = {
    BF_CODES_CAUSE,
    BF_CODES_ATTRIBUTE,
    BF_CODES_MONITORING_TYPE,
    BF_CODES_STANDARD,
    BF_CODES_RELATION,
    BF_CODES_SEX,
    BF_CODES_ETHNICITY,
    BF_CODES_EDUCATION,
    BF_CODES_SCHOOL_STATUS,
    BF_CODES_HEALTH,
    BF_CODES_LABOUR,
    BF_CODES_WORK_STATUS,
    BF_CODES_MEASURE_CATEGORY,
    BF_CODES_MEASURE_STATUS,
    BF_CODES_DEPARTMENT,
    BF_CODES_VISIT_MODE,
    BF_CODES_SATISFACTION,
    BF_CODES_NOTICE_KIND,
    BF_CODES_NOTICE_STATE,
    BF_CODES_OBJECTION_RESULT,
    BF_CODES_ADJUSTMENT_KIND,
    BF_CODES_NATURAL_CHANGE,
  };
  gsize i, j, n;

  /* Every code the register may hold has its word in the county's vocabulary. */
  for (i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const BfCode *codes = bf_codes (lists[i], &n);

      for (j = 0; j < n; j++)
        if (bf_ledger_code_label (lists[i], codes[j].code) == NULL)
          g_test_fail_printf ("list %d has no ledger word for “%s”", lists[i], codes[j].code);
    }
  for (i = 0; i < BF_N_STATUSES; i++)
    g_assert_nonnull (bf_ledger_status_label (bf_status_code (i)));
  g_assert_cmpstr (bf_ledger_code_label (BF_CODES_CAUSE, "illness"), ==, "因病");
  g_assert_cmpstr (bf_ledger_status_label ("registered"), ==, "帮扶中");
  g_assert_null (bf_ledger_code_label (BF_CODES_CAUSE, "no-such-code"));
}

static void
test_mask_phone (void)
{
  g_autofree char *mobile = bf_ledger_mask_phone ("13812345678");
  g_autofree char *landline = bf_ledger_mask_phone ("0731-84561234");
  g_autofree char *short_one = bf_ledger_mask_phone ("12345");

  g_assert_cmpstr (mobile, ==, "138****5678");
  g_assert_cmpstr (landline, ==, "073******1234");
  g_assert_cmpstr (short_one, ==, "*****");
  g_assert_null (bf_ledger_mask_phone (NULL));
}

static void
test_default_filename (void)
{
  g_autofree char *township = bf_ledger_default_filename ("石门乡", NULL, 2026, 3);
  g_autofree char *village = bf_ledger_default_filename ("石门乡", "清水村", 2026, 3);
  g_autofree char *odd = bf_ledger_default_filename ("a/b", "c:d", 2026, 1);

  g_assert_cmpstr (township, ==, "石门乡_2026Q3_台账.xlsx");
  g_assert_cmpstr (village, ==, "石门乡清水村_2026Q3_台账.xlsx");
  g_assert_cmpstr (odd, ==, "a_bc_d_2026Q1_台账.xlsx");
}

/* ---- Failures ---- */

/* Nothing at @path and no temporary file beside it. */
static void
assert_nothing_left (const char *dir, const char *path)
{
  g_autoptr (GPtrArray) files = list_dir (dir);
  guint i;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  for (i = 0; i < files->len; i++)
    g_test_fail_printf ("“%s” was left in the folder", (char *) g_ptr_array_index (files, i));
}

typedef struct
{
  GCancellable *cancellable;
  guint calls;
} CancelAt;

static void
cancel_progress_cb (double fraction, const char *text, gpointer user_data)
{
  CancelAt *at = user_data;

  /* Cancel once the rows are being written. */
  if (++at->calls == 2)
    g_cancellable_cancel (at->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = new_dir ("cancel");
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);
  CancelAt at = { cancellable, 0 };
  BfLedgerOptions options;

  init_options (&options);
  g_assert_false (
    bf_ledger_write (&options, path, cancel_progress_cb, &at, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.calls, >=, 2);
  assert_nothing_left (dir, path);
}

/* A failed export leaves an existing file at the destination as it was. */
static void
test_existing_kept (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = new_dir ("kept");
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);
  g_autofree char *contents = NULL;
  BfLedgerOptions options;

  g_assert_true (g_file_set_contents (path, "last quarter's ledger", -1, NULL));
  init_options (&options);
  g_cancellable_cancel (cancellable);
  g_assert_false (bf_ledger_write (&options, path, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  options.quarter = 5;
  g_assert_false (bf_ledger_write (&options, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_INVALID);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last quarter's ledger");
}

/* The destination's "folder" is a regular file. */
static void
test_not_a_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = new_dir ("file-parent");
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (file, "台账.xlsx", NULL);
  BfLedgerOptions options;

  g_assert_true (g_file_set_contents (file, "", -1, NULL));
  init_options (&options);
  g_assert_false (bf_ledger_write (&options, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A folder the caseworker may not write in. Root writes anywhere, so as root the export runs in a
 * child process that has dropped to "nobody". */
static void
test_no_permission (void)
{
  g_autofree char *dir = new_dir ("locked");
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      BfLedgerOptions options;

      if (getuid () == 0)
        g_assert_cmpint (setuid (65534), ==, 0);
      init_options (&options);
      g_assert_false (bf_ledger_write (&options, path, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, path));
      g_print ("%s\n", error->message);
      return;
    }
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Cannot write*permission denied; no file was written.*");
  assert_nothing_left (dir, path);
}

/* A full disk, simulated with the file size limit (SIGXFSZ ignored, so writes fail with EFBIG). */
static void
disk_full (const char *name, rlim_t bytes)
{
  g_autofree char *dir = new_dir (name);
  g_autofree char *path = g_build_filename (dir, "台账.xlsx", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      struct rlimit limit = { bytes, bytes };
      BfLedgerOptions options;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      init_options (&options);
      g_assert_false (bf_ledger_write (&options, path, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, BF_LEDGER_ERROR, BF_LEDGER_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, path));
      g_print ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*not enough space*");
  assert_nothing_left (dir, path);
}

/* Not even the compressed workbook fits. */
static void
test_disk_full (void)
{
  disk_full ("full", 256 * 1024);
}

/* The workbook would fit but the sheets' scratch files do not. libxlsxwriter does not check those
 * writes: without the writer's own checks this export "succeeds" with rows missing. */
static void
test_disk_full_scratch (void)
{
  disk_full ("full-scratch", 1024 * 1024);
}

/* ---- The store side ---- */

static void
test_reader_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = new_dir ("reader");
  g_autofree char *not_register = g_build_filename (dir, "notes.txt", NULL);
  BfLedgerReader *reader;

  reader = bf_ledger_reader_open (register_path, YEAR, QUARTER, 999999, &error);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_assert_null (reader);
  g_clear_error (&error);

  reader = bf_ledger_reader_open (register_path, YEAR, 0, 0, &error);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_null (reader);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (not_register, "hello", -1, NULL));
  reader = bf_ledger_reader_open (not_register, YEAR, QUARTER, 0, &error);
  g_assert_nonnull (error);
  g_assert_null (reader);
}

/* The GUI keeps the register open (and locked) while the export reads it on its own connection,
 * and may write meanwhile: the export sees one snapshot. */
static void
test_reader_beside_gui (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = new_dir ("beside");
  g_autofree char *copy = g_build_filename (dir, "copy.bangfu", NULL);
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfLedgerReader) reader = NULL;
  g_autoptr (BfLedgerCursor) cursor = NULL;
  gint64 before, rows = 0;

  bf_test_copy_file (register_path, copy);
  store = bf_store_open (copy, BF_STORE_OPEN_EXCLUSIVE, &error);
  g_assert_no_error (error);
  reader = bf_ledger_reader_open (copy, YEAR, QUARTER, 0, &error);
  g_assert_no_error (error);
  before = bf_ledger_reader_count (reader, BF_LEDGER_HOUSEHOLDS, &error);
  g_assert_no_error (error);

  /* A write on the GUI's connection while the export reads. */
  {
    BfHouseholdQuery query = { .sort = BF_HOUSEHOLD_SORT_NUMBER };
    g_autoptr (BfHouseholdPage) page = bf_store_household_search (store, &query, NULL, 1, &error);
    BfHouseholdRow *row;

    g_assert_no_error (error);
    row = g_ptr_array_index (page->rows, 0);
    g_assert_true (bf_store_household_delete (store, row->id, &error));
    g_assert_no_error (error);
  }

  cursor = bf_ledger_reader_query (reader, BF_LEDGER_HOUSEHOLDS, &error);
  g_assert_no_error (error);
  while (bf_ledger_cursor_next (cursor, &error))
    rows++;
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, before);
  g_clear_pointer (&cursor, bf_ledger_cursor_free);
  g_clear_pointer (&reader, bf_ledger_reader_free);

  reader = bf_ledger_reader_open (copy, YEAR, QUARTER, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bf_ledger_reader_count (reader, BF_LEDGER_HOUSEHOLDS, &error), ==, before - 1);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
}

static void
test_exports_recorded (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = new_dir ("record");
  g_autofree char *copy = g_build_filename (dir, "copy.bangfu", NULL);
  g_autoptr (BfStore) store = NULL;
  g_autoptr (BfLedgerExport) record = bf_ledger_export_new ();
  g_autoptr (BfLedgerExport) bad = bf_ledger_export_new ();
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GPtrArray) villages = NULL;
  BfLedgerExport *listed;
  BfVillage *village;

  bf_test_copy_file (register_path, copy);
  store = bf_store_open (copy, BF_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bf_store_set_operator (store, OPERATOR);
  villages = bf_store_list_villages (store, &error);
  g_assert_no_error (error);
  village = g_ptr_array_index (villages, 0);

  list = bf_store_ledger_export_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Bad input: nothing recorded. */
  bad->quarter = g_strdup ("2026Q5");
  bad->path = g_strdup ("/tmp/x.xlsx");
  g_assert_false (bf_store_ledger_export_add (store, bad, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->quarter);
  bad->quarter = g_strdup ("2026Q3");
  g_clear_pointer (&bad->path, g_free);
  g_assert_false (bf_store_ledger_export_add (store, bad, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  record->quarter = g_strdup ("2026Q3");
  record->village_id = village->id;
  record->masked = TRUE;
  record->path = g_strdup ("/home/caseworker/石门乡_2026Q3_台账.xlsx");
  record->rows = 1234;
  g_assert_true (bf_store_ledger_export_add (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->id, >, 0);
  g_assert_nonnull (record->uuid);
  g_assert_cmpstr (record->operator_name, ==, OPERATOR);

  list = bf_store_ledger_export_list (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (listed->quarter, ==, "2026Q3");
  g_assert_cmpstr (listed->village_name, ==, village->name);
  g_assert_true (listed->masked);
  g_assert_cmpstr (listed->path, ==, record->path);
  g_assert_cmpint (listed->rows, ==, 1234);
  g_assert_cmpstr (listed->exported_at, ==, record->exported_at);

  /* An audited write. */
  audit = bf_store_audit_for (store, record->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_true (bf_store_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bf_store_close (store, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The children of g_test_trap_subprocess() use the parent's register. */
  if (g_getenv (REGISTER_ENV) != NULL)
    {
      register_path = g_strdup (g_getenv (REGISTER_ENV));
      top_dir = g_path_get_dirname (register_path);
      {
        char *parent = g_path_get_dirname (top_dir);

        g_free (top_dir);
        top_dir = parent;
      }
    }
  else
    {
      make_register ();
      g_setenv (REGISTER_ENV, register_path, TRUE);
    }

  g_test_add_func ("/report/ledger/labels", test_labels);
  g_test_add_func ("/report/ledger/mask-phone", test_mask_phone);
  g_test_add_func ("/report/ledger/default-filename", test_default_filename);
  g_test_add_func ("/report/ledger/workbook", test_workbook);
  g_test_add_func ("/report/ledger/masked", test_masked);
  g_test_add_func ("/report/ledger/continuation", test_continuation);
  g_test_add_func ("/report/ledger/village", test_village);
  g_test_add_func ("/report/ledger/cancel", test_cancel);
  g_test_add_func ("/report/ledger/existing-kept", test_existing_kept);
  g_test_add_func ("/report/ledger/not-a-folder", test_not_a_folder);
  g_test_add_func ("/report/ledger/no-permission", test_no_permission);
  g_test_add_func ("/report/ledger/disk-full", test_disk_full);
  g_test_add_func ("/report/ledger/disk-full-scratch", test_disk_full_scratch);
  g_test_add_func ("/report/ledger/reader-errors", test_reader_errors);
  g_test_add_func ("/report/ledger/reader-beside-gui", test_reader_beside_gui);
  g_test_add_func ("/report/ledger/exports-recorded", test_exports_recorded);

  status = g_test_run ();
  if (!g_test_subprocess ())
    {
      g_unsetenv (REGISTER_ENV);
      bf_test_tmpdir_free (top_dir);
    }
  return status;
}
