/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-codes.h"

#include <string.h>

/* The first codes of each list, as bf-codes.h promises them: other layers store these. */
static const char *const contract[BF_N_CODE_LISTS] = {
  [BF_CODES_CAUSE] =
    "illness disability schooling disaster land water skills labour funds transport motivation other",
  [BF_CODES_ATTRIBUTE] = "general dibao tekun",
  [BF_CODES_MONITORING_TYPE] = "unstable marginal hardship",
  [BF_CODES_STANDARD] = "national provincial",
  [BF_CODES_RELATION] =
    "head spouse son daughter daughter_in_law son_in_law grandson granddaughter parent sibling other",
  [BF_CODES_SEX] = "male female",
  [BF_CODES_ETHNICITY] =
    "han mongol hui tibetan uyghur miao yi zhuang bouyei korean manchu dong yao bai tujia "
    "hani kazakh dai li lisu va she gaoshan lahu sui dongxiang naxi jingpo kyrgyz tu "
    "daur mulao qiang blang salar maonan gelao xibe achang pumi tajik nu uzbek russian "
    "evenki deang bonan yugur gin tatar derung oroqen hezhen monba lhoba jino other",
  [BF_CODES_EDUCATION] = "illiterate primary junior senior college",
  [BF_CODES_SCHOOL_STATUS] = "preschool primary junior senior college none",
  [BF_CODES_HEALTH] = "healthy chronic serious disabled",
  [BF_CODES_LABOUR] = "ordinary skilled lost none",
  [BF_CODES_WORK_STATUS] = "township county province outside none",
  [BF_CODES_MEASURE_CATEGORY] =
    "industry employment education health ecology housing social_security finance other",
  [BF_CODES_MEASURE_STATUS] = "planned in_progress completed cancelled",
  [BF_CODES_DEPARTMENT] =
    "poverty civil_affairs education health housing hrss transport water agriculture medical_insurance",
  [BF_CODES_HELPER_LEVEL] = "province city county township village",
  [BF_CODES_VISIT_MODE] = "home phone",
  [BF_CODES_SATISFACTION] = "satisfied fairly dissatisfied",
  [BF_CODES_NOTICE_KIND] = "village_identification township county exit",
  [BF_CODES_NOTICE_STATE] = "draft posted closed",
  [BF_CODES_OBJECTION_RESULT] = "pending upheld dismissed",
  [BF_CODES_ADJUSTMENT_KIND] = "new exit returned natural change correction",
  [BF_CODES_NATURAL_CHANGE] = "birth death marriage moving",
  [BF_CODES_MEETING_KIND] = "villagers representatives",
  [BF_CODES_INCOME_LEVEL] = "below near above",
};

static void
test_contract (void)
{
  for (int list = 0; list < BF_N_CODE_LISTS; list++)
    {
      g_auto (GStrv) expected = g_strsplit (contract[list], " ", -1);
      gsize n = 0;
      const BfCode *codes = bf_codes (list, &n);

      g_test_message ("list %d", list);
      g_assert_nonnull (codes);
      g_assert_cmpuint (n, ==, g_strv_length (expected));
      for (gsize i = 0; i < n; i++)
        g_assert_cmpstr (codes[i].code, ==, expected[i]);
    }
}

static void
test_ethnicities (void)
{
  gsize n = 0;

  bf_codes (BF_CODES_ETHNICITY, &n);
  g_assert_cmpuint (n, ==, 56 + 1);
  g_assert_cmpstr (bf_code_label (BF_CODES_ETHNICITY, "han"), ==, "Han");
  g_assert_cmpstr (bf_code_label (BF_CODES_ETHNICITY, "uyghur"), ==, "Uyghur");
  g_assert_cmpstr (bf_code_label (BF_CODES_ETHNICITY, "deang"), ==, "De'ang");
}

/* Codes are stored and typed in CSV and on the command line: short lower-case ASCII, unique. */
static void
test_well_formed (void)
{
  for (int list = 0; list < BF_N_CODE_LISTS; list++)
    {
      gsize n = 0;
      const BfCode *codes = bf_codes (list, &n);
      g_autoptr (GHashTable) seen_codes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) seen_labels = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < n; i++)
        {
          const char *code = codes[i].code;

          g_assert_cmpuint (strlen (code), >, 0);
          g_assert_cmpuint (strlen (code), <=, 32);
          for (const char *p = code; *p; p++)
            g_assert_true ((*p >= 'a' && *p <= 'z') || *p == '_');
          g_assert_true (g_hash_table_add (seen_codes, (gpointer) code));
          g_assert_true (g_hash_table_add (seen_labels, (gpointer) codes[i].label));
          g_assert_cmpstr (codes[i].label, !=, "");
          g_assert_true (bf_code_is_valid (list, code));
          g_assert_cmpstr (bf_code_label (list, code), ==, codes[i].label);
        }
    }
}

static void
test_lookup (void)
{
  g_assert_cmpstr (bf_code_label (BF_CODES_CAUSE, "illness"), ==, "Illness");
  g_assert_cmpstr (bf_code_label (BF_CODES_RELATION, "head"), ==, "Head of household");
  g_assert_null (bf_code_label (BF_CODES_CAUSE, "head"));
  g_assert_null (bf_code_label (BF_CODES_CAUSE, "Illness"));
  g_assert_null (bf_code_label (BF_CODES_CAUSE, ""));
  g_assert_null (bf_code_label (BF_CODES_CAUSE, NULL));
  g_assert_false (bf_code_is_valid (BF_CODES_SEX, "MALE"));
  g_assert_false (bf_code_is_valid (BF_CODES_SEX, "male "));
  g_assert_false (bf_code_is_valid (BF_CODES_SEX, NULL));
  g_assert_true (bf_code_is_valid (BF_CODES_SEX, "female"));
}

/* The msgids of a .po file; only what the project's own files contain (no line-wrapped msgids). */
static void
read_po (const char *path, GHashTable *translations)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *msgid = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (char **line = lines; *line; line++)
    {
      if (g_str_has_prefix (*line, "msgid \"") && g_str_has_suffix (*line, "\""))
        {
          g_free (msgid);
          msgid = g_strndup (*line + 7, strlen (*line) - 8);
        }
      else if (msgid != NULL &&
               (g_str_has_prefix (*line, "msgstr \"") || g_str_has_prefix (*line, "msgstr[0] \"")))
        {
          const char *value = strchr (*line, '"') + 1;

          if (strcmp (value, "\"") != 0)
            g_hash_table_insert (translations, g_strcompress (msgid),
                                 g_strndup (value, strlen (value) - 1));
          g_clear_pointer (&msgid, g_free);
        }
    }
}

/* Every label has a zh_CN translation in po/ (the merged zh_CN.po or a branch's zh_CN.*.po). */
static void
test_translated (void)
{
  g_autoptr (GHashTable) translations =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *po_dir = g_test_build_filename (G_TEST_DIST, "..", "po", NULL);
  g_autoptr (GDir) dir = g_dir_open (po_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_test_skip ("no po directory");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "zh_CN.") && g_str_has_suffix (name, ".po"))
      {
        g_autofree char *path = g_build_filename (po_dir, name, NULL);
        read_po (path, translations);
      }

  for (int list = 0; list < BF_N_CODE_LISTS; list++)
    {
      gsize n = 0;
      const BfCode *codes = bf_codes (list, &n);

      for (gsize i = 0; i < n; i++)
        {
          g_test_message ("%s", codes[i].label);
          g_assert_true (g_hash_table_contains (translations, codes[i].label));
        }
    }
  g_assert_cmpstr (g_hash_table_lookup (translations, "Illness"), ==, "因病");
  g_assert_cmpstr (g_hash_table_lookup (translations, "Head of household"), ==, "户主");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/contract", test_contract);
  g_test_add_func ("/codes/ethnicities", test_ethnicities);
  g_test_add_func ("/codes/well-formed", test_well_formed);
  g_test_add_func ("/codes/lookup", test_lookup);
  g_test_add_func ("/codes/translated", test_translated);

  return g_test_run ();
}
