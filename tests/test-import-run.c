/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A whole import into a register (bf-import-run.h, bf-store-import.h) on the workbooks of
 * import-fixtures.py: the households and members stored, the record with the file's name and
 * SHA-256, the audit entries, a dry run that writes nothing, the same file twice, undo as a whole,
 * duplicates skipped, updated or stopping the import, a cancelled import, the refused rows'
 * report, and the column mappings kept by header signature. */
#include "config.h"

#include <string.h>

#include "bf-import-report.h"
#include "bf-import-run.h"
#include "bf-sheet-reader.h"
#include "bf-store-household.h"
#include "bf-store-import.h"
#include "bf-store.h"
#include "bf-test-import.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

static char *fixtures; /* import-fixtures.py's files */

static char *
fixture (const char *name)
{
  return g_build_filename (fixtures, name, NULL);
}

/* A register of the fixtures' township, with one village (清水村) of no groups. */
static BfStore *
township_store (const char *dir)
{
  const char *villages[] = { "清水村", NULL };
  g_autofree char *path = g_build_filename (dir, "r.bangfu", NULL);
  g_autoptr (GError) error = NULL;
  BfRegisterSpec spec = { 0 };
  BfStore *store;

  spec.county = "青山县";
  spec.township = "石门乡";
  spec.villages = villages;
  spec.groups_per_village = 0;
  spec.operator_name = "测试员";
  store = bf_store_create (path, &spec, &error);
  g_assert_no_error (error);
  return store;
}

static gint64
count (BfStore *store, const char *sql)
{
  return bf_test_query_int (store, sql);
}

#define ACTIVE_HOUSEHOLDS "SELECT count(*) FROM households WHERE deleted_at IS NULL"
/* A deleted household keeps its members as they were. */
#define ACTIVE_MEMBERS                                                                             \
  "SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE m.deleted_at "  \
  "IS NULL AND h.deleted_at IS NULL"
#define AUDIT_ENTRIES "SELECT count(*) FROM audit_log"

typedef struct
{
  BfImportOnDuplicate on_duplicate;
  gboolean dry_run;
  const char *report_path;
  const BfImportMapping *mapping;
  GCancellable *cancellable;
} Run;

static gboolean
run_import (BfStore *store, const char *name, const Run *r, BfImportResult *result, GError **error)
{
  g_autofree char *path = fixture (name);
  BfImportRunOptions options = { 0 };
  GDate date;

  bf_test_import_today (&date);
  options.on_duplicate = r->on_duplicate;
  options.dry_run = r->dry_run;
  options.report_path = r->report_path;
  options.mapping = r->mapping;
  options.today = &date;
  options.batch_size = 2;
  return bf_import_run (store, path, &options, NULL, NULL, r->cancellable, result, error);
}

/* An import that must succeed. */
static void
import_ok (BfStore *store, const char *name, const Run *r, BfImportResult *result)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (run_import (store, name, r, result, &error));
  g_assert_no_error (error);
}

static char *
member_household (BfStore *store, const char *first17)
{
  g_autofree char *id = bf_test_id_of (first17);
  g_autofree char *sql = g_strdup_printf (
    "SELECT h.number FROM members m JOIN households h ON h.id = m.household_id WHERE "
    "m.id_number = '%s' AND m.deleted_at IS NULL AND h.deleted_at IS NULL",
    id);

  return bf_test_query_text (store, sql);
}

static void
test_national (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *report = g_build_filename (dir, "refused.xlsx", NULL);
  g_autofree char *path = fixture ("national.xlsx");
  g_autofree char *sha256 = bf_import_file_sha256 (path, NULL);
  g_autoptr (BfStore) store = township_store (dir);
  g_autofree char *sql = NULL;
  g_autofree char *number = NULL;
  BfImportResult result;
  Run dry = { .dry_run = TRUE };
  Run r = { .report_path = report };
  gint64 audit_before = count (store, AUDIT_ENTRIES);

  /* A dry run tells what the import would do and writes nothing. */
  import_ok (store, "national.xlsx", &dry, &result);
  g_assert_cmpuint (result.households_created, ==, 3);
  g_assert_cmpuint (result.people_created, ==, 6);
  g_assert_cmpuint (result.refused_rows, ==, 6);
  g_assert_null (result.record);
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM village_groups"), ==, 0);
  g_assert_cmpint (count (store, AUDIT_ENTRIES), ==, audit_before);

  import_ok (store, "national.xlsx", &r, &result);
  g_assert_nonnull (result.record);
  g_assert_cmpstr (result.record->state, ==, "done");
  g_assert_cmpstr (result.record->file_name, ==, "national.xlsx");
  g_assert_cmpstr (result.record->sha256, ==, sha256);
  g_assert_cmpstr (result.record->operator_name, ==, "测试员");
  g_assert_cmpint (result.record->households_created, ==, 3);
  g_assert_cmpint (result.record->people_created, ==, 6);
  g_assert_cmpint (result.record->rows_refused, ==, 6);
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_DAMAGED_NUMBER], ==, 3);
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_DUPLICATE], ==, 1);
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_UNKNOWN_WORD], ==, 1);
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_HOUSEHOLD_REFUSED], ==, 1);
  g_assert_cmpuint (result.report_rows, ==, 6);
  g_assert_cmpuint (result.new_regions->len, ==, 2);
  bf_import_result_clear (&result);

  /* The households and people stored, each in its household of the sheet. */
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, 6);
  number = member_household (store, "43010220050101003");
  g_assert_cmpstr (number, ==, "4301020010010001");
  g_free (number);
  number = member_household (store, "43010220100202006");
  g_assert_cmpstr (number, ==, "4301020010010002");
  g_free (number);
  number = member_household (store, "43010219590101001");
  g_assert_cmpstr (number, ==, "4301020010010008");
  g_assert_cmpint (count (store, "SELECT count(*) FROM households h JOIN village_groups g ON g.id "
                                 "= h.group_id WHERE h.number = '4301020010010002' AND g.name = "
                                 "'2组'"),
                   ==, 1);
  /* Every one of them linked to the import, and every write audited as the import's. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM import_records WHERE entity = "
                                 "'households' AND action = 'created'"),
                   ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM import_records WHERE entity = 'members'"),
                   ==, 6);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                         "json_extract(changes, '$.import_sha256[1]') = '%s' AND "
                         "json_extract(changes, '$.import_file[1]') = 'national.xlsx'",
                         sha256);
  g_assert_cmpint (count (store, sql), >=, 3 + 6 + 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                 "entity = 'households'"),
                   ==, 3);

  /* The same file again changes nothing. */
  audit_before = count (store, AUDIT_ENTRIES);
  import_ok (store, "national.xlsx", &r, &result);
  g_assert_nonnull (result.already);
  g_assert_null (result.record);
  g_assert_cmpuint (result.households_created, ==, 0);
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (count (store, AUDIT_ENTRIES), ==, audit_before);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The report: 行号 and 原因 first, then the sheet's columns, one row per refused row. */
static void
test_report (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *report = g_build_filename (dir, "refused.xlsx", NULL);
  g_autoptr (BfStore) store = township_store (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  BfImportResult result;
  Run r = { .report_path = report };
  BfSheetReader *reader;
  const BfSheetRow *row;
  gboolean header = TRUE;

  import_ok (store, "national.xlsx", &r, &result);
  bf_import_result_clear (&result);
  reader = bf_sheet_reader_open (report, &error);
  g_assert_no_error (error);
  g_assert_true (bf_sheet_reader_select_sheet (reader, 0, &error));
  while ((row = bf_sheet_reader_next_row (reader, &error)) != NULL)
    {
      g_assert_cmpuint (row->n_cells, >=, 3 + 8);
      if (header)
        {
          g_assert_cmpstr (row->cells[0].text, ==, BF_IMPORT_REPORT_ROW_HEADER);
          g_assert_cmpstr (row->cells[1].text, ==, BF_IMPORT_REPORT_REASON_HEADER);
          g_assert_cmpstr (row->cells[3].text, ==, "县");
          g_assert_cmpstr (row->cells[3 + 6].text, ==, "姓名");
          header = FALSE;
          continue;
        }
      g_assert_cmpstr (row->cells[1].text, !=, "");
      g_ptr_array_add (numbers,
                       g_strdup_printf ("%s %s", row->cells[0].text, row->cells[3 + 6].text));
    }
  g_assert_no_error (error);
  bf_sheet_reader_free (reader);
  /* The head stored as a number (9) refuses its household (10); 11 and 12 lost digits; 13 is
   * 张大山 again; 14 has a word no list has. */
  g_assert_cmpuint (numbers->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (numbers, 0), ==, "9 赵四");
  g_assert_cmpstr (g_ptr_array_index (numbers, 1), ==, "10 钱五");
  g_assert_cmpstr (g_ptr_array_index (numbers, 2), ==, "11 孙六");
  g_assert_cmpstr (g_ptr_array_index (numbers, 3), ==, "12 周七");
  g_assert_cmpstr (g_ptr_array_index (numbers, 4), ==, "13 吴八");
  g_assert_cmpstr (g_ptr_array_index (numbers, 5), ==, "14 郑九");

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_undo (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = township_store (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStoreImport) record = NULL;
  BfImportResult result;
  Run r = { 0 };
  gint64 id;

  import_ok (store, "national.xlsx", &r, &result);
  id = result.record->id;
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);

  g_assert_true (bf_store_import_undo (store, id, &error));
  g_assert_no_error (error);
  /* Soft-deleted, all of it, with the groups it made. */
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 0);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM households WHERE deleted_at IS NOT NULL"),
                   ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM village_groups WHERE deleted_at IS NULL"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'undo-import'"), >,
                   0);
  record = bf_store_import_get (store, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->state, ==, "undone");

  /* Undone twice: refused, and nothing changes. */
  g_assert_false (bf_store_import_undo (store, id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  /* Undone, the file may be imported again: its households come back. */
  import_ok (store, "national.xlsx", &r, &result);
  g_assert_null (result.already);
  g_assert_cmpuint (result.households_created, ==, 3);
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, 6);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A household changed after the import cannot be undone with it. */
static void
test_undo_refused (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = township_store (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BfHousehold) household = NULL;
  BfImportResult result;
  Run r = { 0 };
  gint64 id, household_id;

  import_ok (store, "national.xlsx", &r, &result);
  id = result.record->id;
  bf_import_result_clear (&result);
  household_id = count (store, "SELECT id FROM households WHERE number = '4301020010010002'");
  household = bf_store_household_get (store, household_id, &error);
  g_assert_no_error (error);
  g_free (household->phone);
  household->phone = g_strdup ("13900009999");
  g_assert_true (bf_store_household_save (store, household, &error));
  g_assert_no_error (error);

  g_assert_false (bf_store_import_undo (store, id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "4301020010010002"));
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* 张大山 is in the register already, in a household of another number. */
static BfStore *
store_with_head (const char *dir, gint64 *household_id)
{
  BfStore *store = township_store (dir);
  g_autofree char *id = bf_test_id_of ("43010219720315001");

  *household_id = bf_test_add_household (store, "9001", "张大山", id);
  return store;
}

static void
test_duplicate_skip (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  gint64 existing;
  g_autoptr (BfStore) store = store_with_head (dir, &existing);
  BfImportResult result;
  BfImportDuplicate *duplicate;
  Run r = { .on_duplicate = BF_IMPORT_ON_DUPLICATE_SKIP };

  import_ok (store, "national.xlsx", &r, &result);
  g_assert_cmpuint (result.households_created, ==, 2);
  g_assert_cmpuint (result.households_skipped, ==, 1);
  /* 张大山's row says where he is; his household's other two rows go with it. */
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_IN_REGISTER], ==, 1);
  g_assert_cmpuint (result.rows_by_reason[BF_IMPORT_REASON_HOUSEHOLD_REFUSED], ==, 1 + 2);
  /* Shown with both places: its row and the register's household. */
  g_assert_cmpuint (result.duplicates->len, >=, 1);
  duplicate = g_ptr_array_index (result.duplicates, 0);
  g_assert_cmpuint (duplicate->row, ==, 3);
  g_assert_cmpint (duplicate->household_id, ==, existing);
  g_assert_cmpstr (duplicate->household_number, ==, "9001");
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);
  g_assert_cmpint (
    count (store, "SELECT count(*) FROM members WHERE household_id = (SELECT id FROM households "
                  "WHERE number = '9001') AND deleted_at IS NULL"),
    ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM households WHERE number = "
                                 "'4301020010010001'"),
                   ==, 0);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_duplicate_update (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  gint64 existing;
  g_autoptr (BfStore) store = store_with_head (dir, &existing);
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  BfImportResult result;
  Run r = { .on_duplicate = BF_IMPORT_ON_DUPLICATE_UPDATE };
  gint64 id;

  import_ok (store, "national.xlsx", &r, &result);
  g_assert_cmpuint (result.households_created, ==, 2);
  g_assert_cmpuint (result.households_updated, ==, 1);
  g_assert_cmpuint (result.people_created, ==, 2 + 3);
  id = result.record->id;
  bf_import_result_clear (&result);
  /* The register's household keeps its number and takes the sheet's other people. */
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 3);
  number = member_household (store, "43010220050101003");
  g_assert_cmpstr (number, ==, "9001");
  g_assert_cmpint (count (store, "SELECT count(*) FROM import_records WHERE entity = "
                                 "'households' AND action = 'updated'"),
                   ==, 1);

  /* Undone, the updated household is as it was: its head alone. */
  g_assert_true (bf_store_import_undo (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 1);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM households WHERE number = '9001' AND "
                                 "deleted_at IS NULL"),
                   ==, 1);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_duplicate_stop (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  gint64 existing;
  g_autoptr (BfStore) store = store_with_head (dir, &existing);
  BfImportResult result;
  Run r = { .on_duplicate = BF_IMPORT_ON_DUPLICATE_STOP };
  gint64 members = count (store, ACTIVE_MEMBERS);

  import_ok (store, "national.xlsx", &r, &result);
  g_assert_true (result.stopped);
  g_assert_nonnull (result.record);
  g_assert_cmpstr (result.record->state, ==, "cancelled");
  g_assert_cmpuint (result.duplicates->len, >=, 1);
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, ACTIVE_HOUSEHOLDS), ==, 1);
  g_assert_cmpint (count (store, ACTIVE_MEMBERS), ==, members);
  g_assert_cmpint (count (store, "SELECT count(*) FROM village_groups"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM import_records"), ==, 0);

  /* Stopped, the file was not imported: it may be imported again. */
  r.on_duplicate = BF_IMPORT_ON_DUPLICATE_SKIP;
  import_ok (store, "national.xlsx", &r, &result);
  g_assert_null (result.already);
  g_assert_cmpuint (result.households_created, ==, 2);
  bf_import_result_clear (&result);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct
{
  BfStore *store;
  GCancellable *cancellable;
  gint64 written; /* households seen written (uncommitted) when it cancelled */
} Cancel;

/* Cancels once the import has written a household: the progress runs on the import's own
 * connection, inside its transaction. */
static void
cancel_when_written (double fraction, const char *text, gpointer user_data)
{
  Cancel *c = user_data;

  if (c->written == 0 && (c->written = count (c->store, ACTIVE_HOUSEHOLDS)) > 0)
    g_cancellable_cancel (c->cancellable);
}

static void
test_cancel (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = township_store (dir);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("many.xlsx");
  BfImportRunOptions options = { 0 };
  BfImportResult result;
  Cancel c = { store, cancellable, 0 };
  GDate date;

  bf_test_import_today (&date);
  options.today = &date;
  options.batch_size = 1;
  g_assert_false (
    bf_import_run (store, path, &options, cancel_when_written, &c, cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* It had written households when it was cancelled: they are gone with the rest. */
  g_assert_cmpint (c.written, >, 0);
  g_assert_true (result.cancelled);
  g_assert_nonnull (result.record);
  g_assert_cmpstr (result.record->state, ==, "cancelled");
  bf_import_result_clear (&result);
  g_assert_cmpint (count (store, "SELECT count(*) FROM households"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM members"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM village_groups"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM import_records"), ==, 0);
  /* All that is left is the record of the cancelled import, audited. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                 "entity <> 'imports'"),
                   ==, 0);

  /* Cancelled, the file was not imported. */
  g_assert_true (bf_import_run (store, path, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_null (result.already);
  g_assert_cmpuint (result.households_created, ==, 600);
  bf_import_result_clear (&result);

  g_assert_true (bf_store_close (store, NULL));
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A home-made sheet: its mapping is kept by its header's signature and offered next time. */
static void
test_mapping_kept (void)
{
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autoptr (BfStore) store = township_store (dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = fixture ("renamed.xlsx");
  g_autoptr (BfImportPreview) preview = bf_import_preview (path, NULL, 3, &error);
  g_autoptr (BfImportMapping) offered = NULL;
  g_autoptr (BfImportMapping) again = NULL;
  g_autofree char *kept_json = NULL;
  const char *signature;
  BfImportResult result;
  Run r = { 0 };
  gboolean kept = TRUE;
  int column;

  g_assert_no_error (error);
  offered = bf_import_mapping_offer (store, preview, &kept, &error);
  g_assert_no_error (error);
  g_assert_false (kept);
  signature = bf_import_mapping_get_signature (offered);
  /* The caseworker's choice in the mapping step: 家庭住址 is not imported. */
  column = bf_import_mapping_find_column (offered, BF_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (column, >=, 0);
  bf_import_mapping_set_field (offered, column, BF_IMPORT_FIELD_NONE);

  r.mapping = offered;
  import_ok (store, "renamed.xlsx", &r, &result);
  g_assert_cmpuint (result.households_created, >, 0);
  bf_import_result_clear (&result);
  kept_json = bf_store_import_mapping_get (store, signature, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept_json);

  again = bf_import_mapping_offer (store, preview, &kept, &error);
  g_assert_no_error (error);
  g_assert_true (kept);
  g_assert_cmpint (bf_import_mapping_get_field (again, column), ==, BF_IMPORT_FIELD_NONE);
  g_assert_cmpint (bf_import_mapping_find_column (again, BF_IMPORT_FIELD_ID_NUMBER), ==,
                   bf_import_mapping_find_column (offered, BF_IMPORT_FIELD_ID_NUMBER));

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

  g_test_add_func ("/import-run/national", test_national);
  g_test_add_func ("/import-run/report", test_report);
  g_test_add_func ("/import-run/undo", test_undo);
  g_test_add_func ("/import-run/undo-refused", test_undo_refused);
  g_test_add_func ("/import-run/duplicate/skip", test_duplicate_skip);
  g_test_add_func ("/import-run/duplicate/update", test_duplicate_update);
  g_test_add_func ("/import-run/duplicate/stop", test_duplicate_stop);
  g_test_add_func ("/import-run/cancel", test_cancel);
  g_test_add_func ("/import-run/mapping-kept", test_mapping_kept);
  status = g_test_run ();
  bf_test_tmpdir_free (fixtures);
  return status;
}
