/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-id-number.h"
#include "bf-notice-page.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-regions.h"
#include "bf-store-workflow.h"
#include "bf-test-pdf.h"
#include "bf-test-util.h"

/* The printed notice: a 1,000-household village notice laid out on A4 pages, read back from the
 * PDF with poppler's tools. Nothing private may reach the paper. */

#define N_HOUSEHOLDS 1000

static const char surnames[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
static const char given[] = "建国秀英志强丽华明玉兰春芳文军平海燕红梅桂珍德福";

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 notice;
  GPtrArray *heads;      /* names */
  GPtrArray *id_numbers; /* every member's */
} Fixture;

static char *
nth_char (const char *text, guint n)
{
  const char *p = g_utf8_offset_to_pointer (text, n);

  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* Unique three-character names. */
static char *
head_name (guint i)
{
  guint n_given = (guint) g_utf8_strlen (given, -1);
  g_autofree char *a = nth_char (surnames, i % 20);
  g_autofree char *b = nth_char (given, i / 20 % n_given);
  g_autofree char *c = nth_char (given, i / 20 / n_given % n_given);

  return g_strconcat (a, b, c, NULL);
}

static char *
id_number (guint i, guint member)
{
  g_autofree char *first17 = g_strdup_printf ("430102%04u%02u%02u%03u", 1950 + i % 50,
                                              1 + i / 50 % 12, 1 + i % 28, (i * 2 + member) % 1000);
  char check = bf_id_number_check_char (first17);

  return g_strdup_printf ("%s%c", first17, check);
}

static void
add_household (Fixture *f, BfVillage *village, guint i)
{
  g_autoptr (BfHousehold) household = bf_household_new ();
  g_autoptr (GError) error = NULL;
  BfMember *head = bf_member_new ();
  BfMember *child = bf_member_new ();
  BfGroup *group = g_ptr_array_index (village->groups, i % village->groups->len);

  household->number = g_strdup_printf ("001-%05u", i + 1);
  household->village_id = village->id;
  household->group_id = group->id;
  household->primary_cause = g_strdup (i % 3 == 0 ? "illness" : "schooling");
  if (i % 5 == 0)
    household->other_causes[0] = g_strdup ("funds");
  /* Private facts that must never be printed. */
  household->phone = g_strdup_printf ("1390731%04u", i);
  household->bank_account = g_strdup_printf ("62170023%010u", i);
  head->name = head_name (i);
  head->relation = g_strdup ("head");
  head->id_number = id_number (i, 1);
  head->phone = g_strdup_printf ("1370731%04u", i);
  child->name = g_strdup_printf ("%s之子", head->name);
  child->relation = g_strdup ("son");
  child->id_number = id_number (i, 0);
  child->health = g_strdup (i % 2 ? "serious" : "disabled");
  child->disability_grade = i % 2 ? 0 : 2;
  g_ptr_array_add (f->heads, g_strdup (head->name));
  g_ptr_array_add (f->id_numbers, g_strdup (head->id_number));
  g_ptr_array_add (f->id_numbers, g_strdup (child->id_number));
  g_ptr_array_add (household->members, head);
  g_ptr_array_add (household->members, child);
  bf_store_household_save (f->store, household, &error);
  g_assert_no_error (error);
  {
    gboolean ok =
      bf_store_household_transition (f->store, household->id, BF_ACTION_VERIFY, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
}

/* A register with one village of N_HOUSEHOLDS households, appraised at one meeting and posted
 * on one village notice; built once (a thousand saves take seconds) and shared by the tests. */
static void
build_register (Fixture *f)
{
  const char *villages[] = { "青山村", NULL };
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (BfMeeting) meeting = bf_meeting_new ();
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (GError) error = NULL;
  BfRegisterSpec spec = { 0 };
  BfVillage *village;
  gint64 village_id;
  gboolean ok;

  g_setenv ("BANGFU_TODAY", "2026-12-01", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->heads = g_ptr_array_new_with_free_func (g_free);
  f->id_numbers = g_ptr_array_new_with_free_func (g_free);
  path = g_build_filename (f->dir, "r.bangfu", NULL);
  spec.county = "宁远县";
  spec.township = "柏家坪镇";
  spec.villages = villages;
  spec.groups_per_village = 8;
  spec.operator_name = "测试员";
  f->store = bf_store_create (path, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (
    bf_store_setting_set (f->store, BF_SETTING_SUPERVISION_PHONE, "0746-7321234", NULL));
  list = bf_store_list_villages (f->store, &error);
  village = g_ptr_array_index (list, 0);
  village_id = village->id;
  for (guint i = 0; i < N_HOUSEHOLDS; i++)
    add_household (f, village, i);
  g_clear_pointer (&list, g_ptr_array_unref);

  meeting->village_id = village_id;
  meeting->held_on = g_strdup ("2026-12-01");
  meeting->kind = g_strdup ("villagers");
  list = bf_store_meeting_waiting (f->store, village_id, &error);
  g_assert_cmpuint (list->len, ==, N_HOUSEHOLDS);
  for (guint i = 0; i < list->len; i++)
    {
      BfAppraisalVote *vote = bf_appraisal_vote_new ();

      vote->household_id = ((BfHouseholdRow *) g_ptr_array_index (list, i))->id;
      vote->votes_for = 50;
      vote->passed = 1;
      g_ptr_array_add (meeting->votes, vote);
    }
  ok = bf_store_meeting_save (f->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  notice = bf_store_notice_prepare (f->store, "village_identification", village_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notice->items->len, ==, N_HOUSEHOLDS);
  notice->posting_place = g_strdup ("青山村村务公开栏");
  ok = bf_store_notice_save (f->store, notice, &error) &&
       bf_store_notice_post (f->store, notice->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  f->notice = notice->id;
}

static void
free_register (Fixture *f)
{
  g_assert_true (bf_store_close (f->store, NULL));
  g_clear_object (&f->store);
  g_clear_pointer (&f->heads, g_ptr_array_unref);
  g_clear_pointer (&f->id_numbers, g_ptr_array_unref);
  bf_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static Fixture shared;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (shared.store == NULL)
    build_register (&shared);
  *f = shared;
  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_NOTICE_MASKED_IDS, "0", NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
}

/* Each font pdffonts lists is embedded and maps its glyphs back to text (emb and uni "yes"). */
static void
assert_fonts_embedded (const char *fonts)
{
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len < 5)
        continue;
      n_fonts++;
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Simplified Chinese faces as pdffonts names them (after the subset tag "ABCDEF+"). */
static const char *const sc_faces[] = { "WenQuanYiMicroHei", "NotoSansCJKsc-", NULL };

/* The name of the first font pdffonts lists whose face is a Simplified Chinese one, or NULL. */
static char *
sc_font_name (const char *fonts)
{
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);

  for (guint i = 2; lines[i] != NULL; i++)
    {
      const char *name = lines[i];
      const char *plus = strchr (name, '+');

      if (plus != NULL && plus - name < (ptrdiff_t) strcspn (name, " "))
        name = plus + 1;
      for (guint f = 0; sc_faces[f] != NULL; f++)
        if (g_str_has_prefix (name, sc_faces[f]))
          return g_strndup (name, strcspn (name, " "));
    }
  return NULL;
}

static void
assert_sc_face (const char *fonts)
{
  g_autofree char *name = sc_font_name (fonts);

  if (name == NULL)
    g_error ("no Simplified Chinese face among the PDF's fonts:\n%s", fonts);
  g_test_message ("the sheet's text face: %s", name);
}

static char *
write_pdf (Fixture *f, guint *n_pages)
{
  g_autoptr (BfNoticeSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  char *pdf = g_build_filename (f->dir, "notice.pdf", NULL);
  gboolean ok;

  sheet = bf_notice_sheet_load (f->store, f->notice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, N_HOUSEHOLDS);
  ok = bf_notice_sheet_write_pdf (sheet, pdf, n_pages, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return pdf;
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n_pages = 0;

  g_assert_true (bf_store_setting_set (f->store, BF_SETTING_NOTICE_MASKED_IDS, "1", NULL));
  pdf = write_pdf (f, &n_pages);
  text = bf_test_pdf_tool ("pdftotext", pdf, NULL);
  if (text == NULL)
    return;

  /* 1,000 rows of about 20 points do not fit on fewer than 25 A4 pages. */
  g_assert_cmpuint (n_pages, >=, 25);
  g_assert_cmpuint (bf_test_count (text, "\f"), ==, n_pages);
  first = g_strdup_printf ("第 1 页 共 %u 页", n_pages);
  last = g_strdup_printf ("第 %u 页 共 %u 页", n_pages, n_pages);
  g_assert_nonnull (strstr (text, first));
  g_assert_nonnull (strstr (text, last));
  g_assert_nonnull (strstr (text, "青山村脱贫攻坚重点人员识别公示"));
  g_assert_nonnull (strstr (text, "2026年12月1日至2026年12月7日"));
  g_assert_nonnull (strstr (text, "0746-7321234"));

  /* The header row opens the table on every page. */
  g_assert_cmpuint (bf_test_count (text, "户主姓名"), ==, n_pages);
  g_assert_cmpuint (bf_test_count (text, "家庭人口数"), ==, n_pages);
  for (guint i = 0; i < f->heads->len; i++)
    if (strstr (text, g_ptr_array_index (f->heads, i)) == NULL)
      g_error ("head %s is missing from the notice", (char *) g_ptr_array_index (f->heads, i));

  /* Masked IDs only; no phone, bank account, health or disability detail. */
  bf_test_assert_no_id_number (text);
  g_assert_nonnull (strstr (text, "430102********"));
  g_assert_null (strstr (text, "1390731"));
  g_assert_null (strstr (text, "1370731"));
  g_assert_null (strstr (text, "62170023"));
  g_assert_null (strstr (text, "残疾"));
  g_assert_null (strstr (text, "大病"));

  /* The text is set in a Simplified Chinese face, embedded: no font is left for the reader to
   * substitute. */
  fonts = bf_test_pdf_tool ("pdffonts", pdf, NULL);
  assert_fonts_embedded (fonts);
  assert_sc_face (fonts);
}

static void
test_unmasked_setting (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  /* Off (the default): no ID column at all. */
  pdf = write_pdf (f, &n_pages);
  text = bf_test_pdf_tool ("pdftotext", pdf, NULL);
  if (text == NULL)
    return;
  g_assert_null (strstr (text, "身份证号"));
  g_assert_null (strstr (text, "430102"));
  bf_test_assert_no_id_number (text);
}

/* Lay-out edge cases: an empty list still prints its text and footer; a text longer than a page
 * flows onto the next. */
static void
test_edges (void)
{
  g_autoptr (BfNoticeSheet) sheet = bf_notice_sheet_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *dir = bf_test_tmpdir_new ();
  g_autofree char *pdf = g_build_filename (dir, "e.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "e.pdf", NULL);
  BfNoticeRow *row;
  guint n_pages = 0;

  sheet->title = g_strdup ("空表");
  sheet->text = g_strdup ("正文");
  g_assert_true (bf_notice_sheet_write_pdf (sheet, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "公示期内如有异议请反映。");
  g_free (sheet->text);
  sheet->text = g_string_free (g_steal_pointer (&text), FALSE);
  row = bf_notice_row_new ();
  row->head_name = g_strdup ("长理由");
  row->reason = g_strnfill (200, 'x');
  g_ptr_array_add (sheet->rows, row);
  g_assert_true (bf_notice_sheet_write_pdf (sheet, pdf, &n_pages, &error));
  g_assert_cmpuint (n_pages, >=, 2);

  /* A file that cannot be written is an error, not a crash. */
  g_assert_false (bf_notice_sheet_write_pdf (sheet, bad, NULL, &error));
  g_assert_nonnull (error);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The dark pixels of the first page of @pdf at 50 dpi. */
static guint
dark_pixels (const char *dir, const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftoppm");
  g_autofree char *stem = g_build_filename (dir, "page", NULL);
  g_autofree char *pgm = g_strconcat (stem, "-1.pgm", NULL);
  const char *argv[] = { program, "-r", "50", "-gray", "-f", "1", "-l", "1", pdf, stem, NULL };
  g_autoptr (GBytes) bytes = NULL;
  const guint8 *data;
  gsize size, header = 0;
  guint dark = 0, lines = 0;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    char *contents = NULL;

    g_assert_true (g_file_get_contents (pgm, &contents, &size, NULL));
    bytes = g_bytes_new_take (contents, size);
  }
  data = g_bytes_get_data (bytes, &size);
  /* "P5\n<w> <h>\n255\n" */
  while (header < size && lines < 3)
    lines += data[header++] == '\n';
  for (gsize i = header; i < size; i++)
    dark += data[i] < 128;
  return dark;
}

/* cairo 1.16 drops some Noto Sans CJK glyphs from PDF font subsets (如 is one; see FONT_FAMILY in
 * bf-page-text.c): the sheet must print them all the same, in an
 * embedded Simplified Chinese face, and the PDF's text must read back. */
static void
test_every_glyph_prints (void)
{
  g_autoptr (BfNoticeSheet) sheet = bf_notice_sheet_new ();
  g_autofree char *dir = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftoppm");
  guint ink_with, ink_without;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  dir = bf_test_tmpdir_new ();
  with = g_build_filename (dir, "with.pdf", NULL);
  without = g_build_filename (dir, "without.pdf", NULL);
  sheet->title = g_strdup ("");
  /* Alone in the regular face's subset, with the footer's characters, 如 printed blank. */
  sheet->text = g_strdup ("如如如如如如如如如如");
  g_assert_true (bf_notice_sheet_write_pdf (sheet, with, NULL, NULL));
  text = bf_test_pdf_tool ("pdftotext", with, NULL);
  g_assert_nonnull (strstr (text, "如"));
  fonts = bf_test_pdf_tool ("pdffonts", with, NULL);
  assert_fonts_embedded (fonts);
  assert_sc_face (fonts);
  g_free (sheet->text);
  sheet->text = g_strdup ("");
  g_assert_true (bf_notice_sheet_write_pdf (sheet, without, NULL, NULL));
  ink_with = dark_pixels (dir, with);
  ink_without = dark_pixels (dir, without);
  g_test_message ("dark pixels with the text %u, without %u", ink_with, ink_without);
  g_assert_cmpuint (ink_with, >, ink_without + 100);
  bf_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/notice/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/report/notice/unmasked", Fixture, NULL, fixture_set_up, test_unmasked_setting,
              fixture_tear_down);
  g_test_add_func ("/report/notice/edges", test_edges);
  g_test_add_func ("/report/notice/every-glyph-prints", test_every_glyph_prints);
  status = g_test_run ();
  if (shared.store != NULL)
    free_register (&shared);
  return status;
}
