/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sort keys of names in pinyin order: ICU's "zh" collation, and a surname table for the surnames
 * whose reading is not their character's common one (bf-store-collate-private.h). */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "bf-store-collate-private.h"
#include "bf-store-private.h"

/* ---------------------------------------------------------------------------------------------
 * Surnames
 *
 * ICU orders a Chinese character by its most common reading: 曾 by céng (曾经), 单 by dān, 解 by
 * jiě, 仇 by chóu, 朴 by pǔ. As a surname each of these reads otherwise (《现代汉语词典》 notes
 * "作姓时读…"), and a list of households sorted by the head's name must put 曾 with zēng. The
 * first character of a person's name (or a compound surname, which is read as one) is therefore
 * keyed as an anchor, a common character with the surname's reading and tone that ICU already
 * places there, followed by the surname itself: the surname sorts right after the anchor, apart
 * from it (all the 增 before all the 曾), and the rest of the name is keyed as ICU keys it. Only
 * the surname is re-read: in 张解放 the 解 stays jiě.
 *
 * Raise SURNAMES_VERSION with any change to the table: registers rebuild their keys on open. */

#define SURNAMES_VERSION 1

typedef struct
{
  const char *surname;
  const char *anchor; /* a character ICU places at the surname's reading */
  const char *reading;
} Surname;

/* Compound surnames first: the longest match wins. */
/* clang-format off */
static const Surname surnames[] = {
  { "单于", "蝉", "chán yú" },
  { "尉迟", "玉", "yù chí" },
  { "万俟", "莫", "mò qí" },
  { "令狐", "灵", "líng hú" },
  { "曾", "增", "zēng" },
  { "单", "善", "shàn" },
  { "解", "谢", "xiè" },
  { "仇", "求", "qiú" },
  { "朴", "瓢", "piáo" },
  { "查", "渣", "zhā" },
  { "区", "欧", "ōu" },
  { "任", "人", "rén" },
  { "华", "化", "huà" },
  { "覃", "秦", "qín" },
  { "翟", "宅", "zhái" },
  { "缪", "妙", "miào" },
  { "秘", "必", "bì" },
  { "召", "绍", "shào" },
  { "种", "虫", "chóng" },
  { "员", "运", "yùn" },
  { "繁", "婆", "pó" },
  { "句", "勾", "gōu" },
  { "盖", "舸", "gě" },
  { "过", "郭", "guō" },
  { "能", "耐", "nài" },
  { "祭", "寨", "zhài" },
  { "蕃", "皮", "pí" },
  { "纪", "挤", "jǐ" },
  { "折", "舌", "shé" },
  { "洗", "显", "xiǎn" },
  { "燕", "烟", "yān" },
};
/* clang-format on */

/* The first segment of @name's key (the surname, or its first character) into @first, the rest
 * of the name returned. */
static const char *
split_name (const char *name, GString *first)
{
  const char *next;

  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    if (g_str_has_prefix (name, surnames[i].surname))
      {
        g_string_append (first, surnames[i].anchor);
        g_string_append (first, surnames[i].surname);
        return name + strlen (surnames[i].surname);
      }
  if (*name == '\0')
    return name;
  next = g_utf8_find_next_char (name, NULL);
  if (next == NULL)
    next = name + strlen (name);
  g_string_append_len (first, name, next - name);
  return next;
}

/* ---------------------------------------------------------------------------------------------
 * Keys
 */

static UCollator *
collator_new (GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("zh", &status);

  if (U_FAILURE (status))
    {
      g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_FAILED,
                   _ ("Cannot sort Chinese names: the collation data is missing (%s)."),
                   u_errorName (status));
      if (collator != NULL)
        ucol_close (collator);
      return NULL;
    }
  return collator;
}

/* ICU's sort key of @text (@length bytes of UTF-8; malformed bytes become U+FFFD). */
static GByteArray *
icu_key (UCollator *collator, const char *text, gsize length)
{
  GByteArray *key = g_byte_array_new ();
  UErrorCode status = U_ZERO_ERROR;
  UChar stack[64];
  UChar *chars = stack;
  int32_t n_chars = 0;
  int32_t need;

  u_strFromUTF8WithSub (chars, G_N_ELEMENTS (stack), &n_chars, text, (int32_t) length, 0xfffd, NULL,
                        &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      chars = g_new (UChar, n_chars + 1);
      status = U_ZERO_ERROR;
      u_strFromUTF8WithSub (chars, n_chars + 1, &n_chars, text, (int32_t) length, 0xfffd, NULL,
                            &status);
    }
  if (U_FAILURE (status))
    n_chars = 0;
  g_byte_array_set_size (key, 64);
  need = ucol_getSortKey (collator, chars, n_chars, key->data, (int32_t) key->len);
  if (need > (int32_t) key->len)
    {
      g_byte_array_set_size (key, need);
      need = ucol_getSortKey (collator, chars, n_chars, key->data, (int32_t) key->len);
    }
  g_byte_array_set_size (key, MAX (need, 0));
  if (chars != stack)
    g_free (chars);
  return key;
}

/* The surname's key and the rest's, merged level by level (ucol_mergeSortkeys) so that names
 * compare as (surname, rest) at each strength in turn, as a two-field sort would. */
static GByteArray *
name_key (UCollator *collator, const char *name)
{
  g_autoptr (GString) first = g_string_new (NULL);
  const char *rest = split_name (name != NULL ? name : "", first);
  g_autoptr (GByteArray) a = icu_key (collator, first->str, first->len);
  g_autoptr (GByteArray) b = icu_key (collator, rest, strlen (rest));
  GByteArray *merged = g_byte_array_sized_new (a->len + b->len);
  int32_t n;

  g_byte_array_set_size (merged, a->len + b->len);
  n = ucol_mergeSortkeys (a->data, (int32_t) a->len, b->data, (int32_t) b->len, merged->data,
                          (int32_t) merged->len);
  g_byte_array_set_size (merged, MAX (n, 0));
  return merged;
}

const char *
_bf_collate_version (void)
{
  static char *version;

  if (g_once_init_enter (&version))
    {
      g_autoptr (GError) error = NULL;
      UCollator *collator = collator_new (&error);
      char text[U_MAX_VERSION_STRING_LENGTH] = "none";
      UVersionInfo info;

      if (collator != NULL)
        {
          ucol_getVersion (collator, info);
          u_versionToString (info, text);
          ucol_close (collator);
        }
      g_once_init_leave (&version,
                         g_strdup_printf ("icu-zh %s; surnames %d", text, SURNAMES_VERSION));
    }
  return version;
}

GBytes *
_bf_collate_name_key (const char *name)
{
  static GMutex lock;
  static UCollator *collator;
  GByteArray *key;

  /* A collator serves one thread at a time. */
  g_mutex_lock (&lock);
  if (collator == NULL)
    collator = collator_new (NULL);
  key = collator != NULL ? name_key (collator, name) : g_byte_array_new ();
  g_mutex_unlock (&lock);
  return g_byte_array_free_to_bytes (key);
}

/* ---------------------------------------------------------------------------------------------
 * SQL functions
 */

static void
sql_name_key (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  GByteArray *key = name_key (sqlite3_user_data (context), name);

  sqlite3_result_blob (context, key->data, (int) key->len, SQLITE_TRANSIENT);
  g_byte_array_unref (key);
}

static void
sql_collation (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (context, _bf_collate_version (), -1, SQLITE_STATIC);
}

static void
close_collator (void *collator)
{
  ucol_close (collator);
}

gboolean
_bf_collate_register (sqlite3 *db, GError **error)
{
  /* Innocuous: the schema's triggers may call them whatever trusted_schema says. */
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  UCollator *collator = collator_new (error);

  if (collator == NULL)
    return FALSE;
  if (sqlite3_create_function_v2 (db, "bf_name_key", 1, flags, collator, sql_name_key, NULL, NULL,
                                  close_collator) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "bf_collation", 0, flags, NULL, sql_collation, NULL, NULL,
                                  NULL) != SQLITE_OK)
    {
      _bf_set_sqlite_error (db, error, _ ("Cannot open the register"));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Rebuilding the stored keys
 */

gboolean
_bf_store_sort_keys_refresh (BfStore *self, GError **error)
{
  g_autofree char *recorded = bf_store_setting_get (self, BF_SETTING_SORT_COLLATION);
  const char *current = _bf_collate_version ();
  JsonObject *changes = json_object_new ();

  /* None recorded: a schema without keys (migration 5 records the first). */
  if (recorded == NULL || g_strcmp0 (recorded, current) == 0)
    {
      json_object_unref (changes);
      return TRUE;
    }
  g_debug ("sort keys of %s made with “%s”, rebuilt with “%s”", bf_store_get_path (self), recorded,
           current);
  _bf_changes_add (changes, BF_SETTING_SORT_COLLATION, recorded, current);
  if (!_bf_store_begin (self, error))
    {
      json_object_unref (changes);
      return FALSE;
    }
  if (!_bf_store_exec (self,
                       "UPDATE households SET head_key = bf_name_key(head_name);"
                       "UPDATE helpers SET name_key = bf_name_key(name);",
                       error) ||
      !_bf_setting_put (self, BF_SETTING_SORT_COLLATION, current, error) ||
      !_bf_store_audit (self, "sort_keys", "settings", NULL, g_steal_pointer (&changes), error) ||
      !_bf_store_commit (self, error))
    {
      g_clear_pointer (&changes, json_object_unref);
      _bf_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
