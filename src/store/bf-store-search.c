/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Household lists: text search, filters, sort orders and keyset paging, all in SQL.
 *
 * Text is matched as a literal substring (case folded) of the household number, of an active
 * member's name or of an active member's ID number. The candidates come from:
 *   3+ characters: the trigram FTS5 index over number, names and ID numbers;
 *   1-2 letters or digits: the per-character FTS5 index over the same text, in which a query is
 *     one token or a two-token phrase (trigrams cannot see queries this short);
 *   1-2 characters with punctuation, spaces or symbols: a scan of the search rows.
 * A page then takes the candidates one of two ways, chosen by how many there are: few are looked
 * up by id and sorted; many are kept in a temporary set that is probed while walking the sort
 * order's index, which stops after one page.
 * The user's text only ever reaches SQLite as a bound value; FTS5 sees it as one quoted phrase. */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-store-search.h"
#include "bf-store-household-private.h"
#include "bf-store-search.h"

#define NAME_SEPARATOR "\x1f"
/* A token that no query of one or two characters produces: it keeps a phrase from spanning
 * two names. */
#define CHARS_SEPARATOR "sep "

/* ------------------------------------------------------------------------------------------ */
/* Index */

/* One token per character of @text into @chars, so that a query of one or two characters is a
 * token or a two-token phrase; and each pair of neighbouring ASCII letters or digits as one token
 * into @pairs, so that two digits of an ID number are one token to look up rather than a phrase
 * whose positions must be compared in nearly every household. */
static void
append_chars (GString *chars, GString *pairs, const char *text)
{
  for (const char *p = text, *next; p != NULL && *p != '\0'; p = next)
    {
      next = g_utf8_next_char (p);
      g_string_append_len (chars, p, next - p);
      g_string_append_c (chars, ' ');
      if (g_ascii_isalnum (*p) && g_ascii_isalnum (*next))
        g_string_append_printf (pairs, "%c%c ", *p, *next);
    }
  g_string_append (chars, CHARS_SEPARATOR);
}

/* Head first, then in the order they joined: the same text whatever order the caller had. */
static int
compare_members (gconstpointer pa, gconstpointer pb)
{
  const BfMember *a = *(BfMember *const *) pa, *b = *(BfMember *const *) pb;
  int head_a = g_strcmp0 (a->relation, "head") != 0, head_b = g_strcmp0 (b->relation, "head") != 0;

  if (head_a != head_b)
    return head_a - head_b;
  return a->id < b->id ? -1 : a->id > b->id;
}

gboolean
_bf_store_search_index (BfStore *self,
                        gint64 household_id,
                        const char *number,
                        GPtrArray *members,
                        GError **error)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy (members, NULL, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (GString) chars = g_string_new (NULL);
  g_autoptr (GString) pairs = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_ptr_array_set_free_func (sorted, NULL); /* the copy borrows the members */
  g_ptr_array_sort (sorted, compare_members);
  append_chars (chars, pairs, number);
  for (guint i = 0; i < sorted->len; i++)
    {
      const BfMember *member = g_ptr_array_index (sorted, i);

      if (i > 0)
        {
          g_string_append (names, NAME_SEPARATOR);
          g_string_append (ids, NAME_SEPARATOR);
        }
      g_string_append (names, member->name);
      g_string_append (ids, member->id_number);
      append_chars (chars, pairs, member->name);
    }
  for (guint i = 0; i < sorted->len; i++)
    append_chars (chars, pairs, ((const BfMember *) g_ptr_array_index (sorted, i))->id_number);
  g_string_append (chars, pairs->str);

  stmt = _bf_store_prepare (
    self,
    "INSERT INTO household_search (id, number, names, ids, chars) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
    "number = excluded.number, names = excluded.names, ids = excluded.ids, "
    "chars = excluded.chars WHERE chars IS NOT excluded.chars OR ids IS NOT excluded.ids",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, names->str, names->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, ids->str, ids->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, chars->str, chars->len, SQLITE_TRANSIENT);
  return _bf_store_step_done (self, stmt, _ ("Could not update the search index"), error);
}

/* Rewrites every household's search row from the households and members tables, in the current
 * write; rows already right are left alone. */
static gboolean
reindex_all (BfStore *self, GError **error)
{
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_member_free);
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 current = 0;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (
        _bf_store_db (self),
        "SELECT h.id, h.number, m.id, m.name, m.id_number, m.relation FROM households AS h "
        "LEFT JOIN members AS m ON m.household_id = h.id AND m.deleted_at IS NULL "
        "ORDER BY h.id",
        -1, &stmt, NULL) != SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not rebuild the search index"));
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != current)
        {
          ok = current == 0 || _bf_store_search_index (self, current, number, members, error);
          g_ptr_array_set_size (members, 0);
          g_free (number);
          number = _bf_column_dup (stmt, 1);
          current = id;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          BfMember *member = bf_member_new ();

          member->id = sqlite3_column_int64 (stmt, 2);
          member->name = _bf_column_dup (stmt, 3);
          member->id_number = _bf_column_dup (stmt, 4);
          member->relation = _bf_column_dup (stmt, 5);
          g_ptr_array_add (members, member);
        }
    }
  if (ok && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not rebuild the search index"));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok && (current == 0 || _bf_store_search_index (self, current, number, members, error));
}

gboolean
_bf_store_search_rebuild (BfStore *self, GError **error)
{
  g_debug ("rebuilding the search index of %s", bf_store_get_path (self));
  if (!_bf_store_begin (self, error))
    return FALSE;
  if (!reindex_all (self, error) || !_bf_store_commit (self, error))
    {
      _bf_store_rollback (self);
      return FALSE;
    }
  g_debug ("search index rebuilt");
  return TRUE;
}

/* Households written around the household API (a bulk import, the demo generator) have no
 * search row: the first search of a store notices and indexes them, once. A read-only store
 * searches what is indexed. */
static void
ensure_indexed (BfStore *self)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean complete = TRUE;

  if (g_object_get_data (G_OBJECT (self), "bf-search-checked") != NULL)
    return;
  g_object_set_data (G_OBJECT (self), "bf-search-checked", GINT_TO_POINTER (1));
  if (sqlite3_prepare_v2 (
        _bf_store_db (self),
        "SELECT (SELECT count(*) FROM households) = (SELECT count(*) FROM household_search)", -1,
        &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    complete = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (!complete && !_bf_store_search_rebuild (self, &error))
    g_debug ("search index not rebuilt: %s", error->message);
}

/* ------------------------------------------------------------------------------------------ */
/* Queries */

/* How a sort key travels in a cursor's text: as itself, as a zero-padded number, or in hex. */
typedef enum
{
  KEY_TEXT,
  KEY_INTEGER,
  KEY_BLOB,
} KeyKind;

typedef struct
{
  const char *expr; /* identical to the expression of its index (migrations/0001, 0005) */
  KeyKind kind;
} SortKey;

static const SortKey sort_keys[] = {
  [BF_HOUSEHOLD_SORT_NUMBER] = { "h.number", KEY_TEXT },
  /* The head's name in pinyin order (bf-store-collate.c). */
  [BF_HOUSEHOLD_SORT_HEAD] = { "h.head_key", KEY_BLOB },
  [BF_HOUSEHOLD_SORT_VILLAGE] = { "((h.village_id << 32) | ifnull(h.group_id, 0))", KEY_INTEGER },
  [BF_HOUSEHOLD_SORT_MEMBERS] = { "h.member_count", KEY_INTEGER },
  [BF_HOUSEHOLD_SORT_ATTRIBUTE] = { "ifnull(h.attribute, '')", KEY_TEXT },
  [BF_HOUSEHOLD_SORT_MONITORING] = { "ifnull(h.monitoring_type, '')", KEY_TEXT },
  [BF_HOUSEHOLD_SORT_CAUSE] = { "ifnull(h.primary_cause, '')", KEY_TEXT },
  [BF_HOUSEHOLD_SORT_STATUS] = { "h.status", KEY_TEXT },
  [BF_HOUSEHOLD_SORT_INCOME] = { "ifnull(h.per_capita_fen, -9223372036854775807)", KEY_INTEGER },
  [BF_HOUSEHOLD_SORT_UPDATED] = { "h.updated_at", KEY_TEXT },
};

typedef struct
{
  gboolean is_text;
  gint64 i;
  char *s;
  GBytes *blob; /* bound instead of the others when set */
} Bind;

typedef struct
{
  GString *sql;
  GArray *binds;
  const SortKey *key;
} Query;

static void
bind_clear (gpointer data)
{
  g_free (((Bind *) data)->s);
  g_clear_pointer (&((Bind *) data)->blob, g_bytes_unref);
}

/* Appends @sql with its one "?" numbered for the next bound value. */
static void
append_numbered (Query *q, const char *sql)
{
  const char *mark = strchr (sql, '?');

  g_string_append_len (q->sql, sql, mark - sql);
  g_string_append_printf (q->sql, "?%u", q->binds->len + 1);
  g_string_append (q->sql, mark + 1);
}

static void
add_text (Query *q, const char *sql, const char *value)
{
  Bind b = { TRUE, 0, g_strdup (value) };

  append_numbered (q, sql);
  g_array_append_val (q->binds, b);
}

static void
add_int (Query *q, const char *sql, gint64 value)
{
  Bind b = { FALSE, value, NULL };

  append_numbered (q, sql);
  g_array_append_val (q->binds, b);
}

/* A blob key as column_key() carried it, in hex. */
static void
add_hex_blob (Query *q, const char *sql, const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *bytes = g_malloc (n + 1);
  Bind b = { FALSE, 0, NULL, NULL };

  for (gsize i = 0; i < n; i++)
    bytes[i] =
      (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));
  b.blob = g_bytes_new_take (bytes, n);
  append_numbered (q, sql);
  g_array_append_val (q->binds, b);
}

/* One FTS5 phrase holding @text literally: FTS5 operators and quotes lose their meaning. */
static char *
fts_phrase (const char *text, gboolean per_character)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text, *next; *p != '\0'; p = next)
    {
      next = g_utf8_next_char (p);
      if (*p == '"')
        g_string_append (s, "\"\"");
      else
        g_string_append_len (s, p, next - p);
      if (per_character && *next != '\0')
        g_string_append_c (s, ' ');
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The per-character index holds letters, digits and private-use characters as tokens, like
 * FTS5's unicode61 tokenizer. */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
      case G_UNICODE_LOWERCASE_LETTER:
      case G_UNICODE_MODIFIER_LETTER:
      case G_UNICODE_OTHER_LETTER:
      case G_UNICODE_TITLECASE_LETTER:
      case G_UNICODE_UPPERCASE_LETTER:
      case G_UNICODE_DECIMAL_NUMBER:
      case G_UNICODE_LETTER_NUMBER:
      case G_UNICODE_OTHER_NUMBER:
      case G_UNICODE_PRIVATE_USE:
        return TRUE;
      default:
        return FALSE;
    }
}

/* Where the candidates of a text query come from, as a set of ids and as a test of one
 * household (h.id). Each has one "?" for the value. */
typedef struct
{
  const char *select;
  const char *probe;
  char *value;
} TextMatch;

static void
text_match_clear (TextMatch *m)
{
  g_clear_pointer (&m->value, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextMatch, text_match_clear)

#define FTS_MATCH(table)                                                                           \
  "SELECT rowid FROM " table " WHERE " table " MATCH ?",                                           \
    "EXISTS (SELECT 1 FROM " table " WHERE " table " MATCH ? AND rowid = h.id)"

/* FALSE when @raw holds nothing to search for. */
static gboolean
text_match_init (TextMatch *m, const char *raw)
{
  static const TextMatch trigram = { FTS_MATCH ("household_search_trigram") };
  static const TextMatch chars = { FTS_MATCH ("household_search_chars") };
  static const TextMatch scan = {
    "SELECT s.id FROM household_search AS s, (SELECT ? AS q) AS t "
    "WHERE instr(lower(s.number), t.q) > 0 OR instr(lower(s.names), t.q) > 0",
    "EXISTS (SELECT 1 FROM household_search AS s, (SELECT ? AS q) AS t WHERE s.id = h.id "
    "AND (instr(lower(s.number), t.q) > 0 OR instr(lower(s.names), t.q) > 0))",
  };
  g_autofree char *valid = NULL;
  const char *text;
  gboolean tokens = TRUE;
  glong length;

  memset (m, 0, sizeof *m);
  if (raw == NULL)
    return FALSE;
  valid = g_utf8_make_valid (raw, -1);
  text = g_strstrip (valid);
  if (*text == '\0')
    return FALSE;

  length = g_utf8_strlen (text, -1);
  if (length >= 3)
    {
      *m = trigram;
      m->value = fts_phrase (text, FALSE);
      return TRUE;
    }
  if (length == 2 && g_ascii_isalnum (text[0]) && g_ascii_isalnum (text[1]))
    {
      *m = chars;
      m->value = fts_phrase (text, FALSE); /* one pair token */
      return TRUE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    tokens = tokens && is_token_char (g_utf8_get_char (p));
  if (tokens)
    {
      *m = chars;
      m->value = fts_phrase (text, TRUE);
      return TRUE;
    }
  /* Punctuation never reaches an FTS token, and ID numbers hold none. */
  *m = scan;
  m->value = g_ascii_strdown (text, -1);
  return TRUE;
}

/* How a page or a count meets the text's candidates. */
typedef enum
{
  PLAN_NONE,   /* no text */
  PLAN_LOOKUP, /* few candidates: look each household up by id, then sort */
  PLAN_SET,    /* many: walk an index (sort order or filter) and test membership of the set */
  PLAN_PROBE,  /* most households, no filter: walk the sort order, test each row on its own */
} Plan;

/* Fewer candidates than this are looked up by id and sorted; more are kept as a set (the two
 * cost the same near 4,000 of 100,000 households on the reference machine). */
#define FEW_CANDIDATES 4000

static Plan forced_plan = PLAN_NONE;
static int forced_walk = -1; /* -1 chosen, 0 filter index, 1 walk, 2 walk with no budget left */

void
_bf_store_search_force (int plan, int walk)
{
  forced_plan = CLAMP (plan, PLAN_NONE, PLAN_PROBE);
  forced_walk = CLAMP (walk, -1, 2);
}

static gint64
query_int (BfStore *self, const char *sql, const char *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (_bf_store_db (self), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (value != NULL)
        sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  if (n < 0)
    _bf_store_set_sqlite_error (self, error, _ ("Could not search the households"));
  sqlite3_finalize (stmt);
  return n;
}

/* Households (deleted ones too) whose text matches. */
static gint64
text_match_count (BfStore *self, const TextMatch *m, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s)", m->select);

  return query_int (self, sql, m->value, error);
}

/* Deleted households whose text matches: few, found from their own index. */
static gint64
text_match_count_deleted (BfStore *self, const TextMatch *m, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM households AS h "
                                          "WHERE h.deleted_at IS NOT NULL AND %s",
                                          m->probe);

  return query_int (self, sql, m->value, error);
}

static gboolean
has_filters (const BfHouseholdQuery *query)
{
  return query->village_id != 0 || query->group_id != 0 || query->status != NULL ||
         query->attribute != NULL || query->monitoring_type != NULL || query->cause != NULL ||
         query->include_deleted;
}

static void
query_clear (Query *q)
{
  g_string_free (q->sql, TRUE);
  g_array_unref (q->binds);
}

static sqlite3_stmt *
query_prepare (BfStore *self, Query *q, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_bf_store_db (self), q->sql->str, (int) q->sql->len, &stmt, NULL) !=
      SQLITE_OK)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not search the households"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (guint i = 0; i < q->binds->len; i++)
    {
      const Bind *b = &g_array_index (q->binds, Bind, i);

      if (b->blob != NULL)
        sqlite3_bind_blob (stmt, (int) i + 1, g_bytes_get_data (b->blob, NULL),
                           (int) g_bytes_get_size (b->blob), SQLITE_TRANSIENT);
      else if (b->is_text)
        sqlite3_bind_text (stmt, (int) i + 1, b->s, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, b->i);
    }
  return stmt;
}

/* Which filter may pick an index. With none, the filters only test rows while SQLite walks the
 * sort order's index (or looks up the text's few candidates); with one, the filter likely to
 * let fewest households through drives, and the others test its rows. */
typedef enum
{
  FILTER_INDEX_NONE,
  FILTER_INDEX_ONE,
} FilterIndex;

static void
query_init (Query *q,
            const BfHouseholdQuery *query,
            const char *select,
            const TextMatch *text,
            Plan plan,
            FilterIndex index)
{
  /* In order of how few households they usually let through. */
  gboolean one = index == FILTER_INDEX_ONE;
  gboolean by_group = one && query->group_id != 0;
  gboolean by_village = one && !by_group && query->village_id != 0;
  gboolean by_cause = one && !by_group && !by_village && query->cause != NULL;
  gboolean by_monitoring =
    one && !by_group && !by_village && !by_cause && query->monitoring_type != NULL;
  gboolean by_attribute =
    one && !by_group && !by_village && !by_cause && !by_monitoring && query->attribute != NULL;
  gboolean by_status =
    one && !by_group && !by_village && !by_cause && !by_monitoring && !by_attribute;

  q->sql = g_string_new (select);
  q->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (q->binds, bind_clear);
  q->key = &sort_keys[(guint) query->sort < G_N_ELEMENTS (sort_keys) ? query->sort
                                                                     : BF_HOUSEHOLD_SORT_NUMBER];

  /* A unary "+" or a bare column with no index of its own keeps a term from choosing an index;
   * ifnull(…) is the expression of the attribute and monitoring sort indexes. */
  g_string_append (q->sql, " FROM households AS h WHERE 1");
  if (!query->include_deleted)
    g_string_append (q->sql, " AND h.deleted_at IS NULL");
  if (query->group_id != 0)
    add_int (q, by_group ? " AND h.group_id = ?" : " AND +h.group_id = ?", query->group_id);
  if (query->village_id != 0)
    add_int (q, by_village ? " AND h.village_id = ?" : " AND +h.village_id = ?", query->village_id);
  if (query->cause != NULL)
    {
      add_text (q, by_cause ? " AND (h.primary_cause = ?" : " AND (+h.primary_cause = ?",
                query->cause);
      add_text (q, by_cause ? " OR h.other_cause_1 = ?" : " OR +h.other_cause_1 = ?", query->cause);
      add_text (q, by_cause ? " OR h.other_cause_2 = ?)" : " OR +h.other_cause_2 = ?)",
                query->cause);
    }
  if (query->monitoring_type != NULL)
    add_text (
      q, by_monitoring ? " AND ifnull(h.monitoring_type, '') = ?" : " AND h.monitoring_type = ?",
      query->monitoring_type);
  if (query->attribute != NULL)
    add_text (q, by_attribute ? " AND ifnull(h.attribute, '') = ?" : " AND h.attribute = ?",
              query->attribute);
  if (query->status != NULL)
    add_text (q, by_status ? " AND h.status = ?" : " AND +h.status = ?", query->status);
  if (plan != PLAN_NONE)
    {
      /* The unary "+" keeps SQLite from looking households up by the set's ids. */
      g_autofree char *sql =
        plan == PLAN_PROBE
          ? g_strdup_printf (" AND %s", text->probe)
          : g_strdup_printf (" AND %sh.id IN (%s)", plan == PLAN_SET ? "+" : "", text->select);

      add_text (q, sql, text->value);
    }
}

/* The plan for @query's text: by the number of candidates and the share of the register. */
static gboolean
choose_plan (BfStore *self,
             const BfHouseholdQuery *query,
             const TextMatch *text,
             gboolean for_page,
             Plan *plan,
             gint64 *n_candidates,
             GError **error)
{
  gint64 n, last_id;

  *plan = PLAN_NONE;
  if (text->select == NULL)
    return TRUE;
  n = text_match_count (self, text, error);
  if (n < 0)
    return FALSE;
  *n_candidates = n;
  if (forced_plan != PLAN_NONE)
    {
      *plan = forced_plan;
      return TRUE;
    }
  if (n <= FEW_CANDIDATES)
    {
      *plan = PLAN_LOOKUP;
      return TRUE;
    }
  *plan = PLAN_SET;
  if (for_page && !has_filters (query))
    {
      /* Probing costs a little per row walked: worth it when a page is found in a few rows. */
      last_id = query_int (self, "SELECT ifnull(max(id), 0) FROM households", NULL, error);
      if (last_id < 0)
        return FALSE;
      if (n * 4 >= last_id)
        *plan = PLAN_PROBE;
    }
  return TRUE;
}

static void
add_key (Query *q, const char *sql, const char *key)
{
  switch (q->key->kind)
    {
      case KEY_INTEGER:
        add_int (q, sql, g_ascii_strtoll (key, NULL, 10));
        break;
      case KEY_BLOB:
        add_hex_blob (q, sql, key);
        break;
      case KEY_TEXT:
        add_text (q, sql, key);
        break;
    }
}

static char *
column_key (sqlite3_stmt *stmt, int col, KeyKind kind)
{
  const guint8 *bytes;
  GString *hex;
  int n;

  switch (kind)
    {
      case KEY_INTEGER:
        return g_strdup_printf ("%020" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      case KEY_BLOB:
        bytes = sqlite3_column_blob (stmt, col);
        n = sqlite3_column_bytes (stmt, col);
        hex = g_string_sized_new (2 * n);
        for (int i = 0; i < n; i++)
          g_string_append_printf (hex, "%02x", bytes[i]);
        return g_string_free (hex, FALSE);
      case KEY_TEXT:
      default:
        return g_strdup ((const char *) sqlite3_column_text (stmt, col));
    }
}

/* The columns of a BfHouseholdRow, read by row_from_stmt(). */
#define ROW_COLUMNS                                                                                \
  "SELECT h.id, h.uuid, h.number, h.head_name, "                                                   \
  "(SELECT name FROM villages WHERE id = h.village_id), "                                          \
  "(SELECT name FROM village_groups WHERE id = h.group_id), "                                      \
  "h.member_count, h.attribute, h.monitoring_type, h.primary_cause, h.status, "                    \
  "h.per_capita_fen, h.updated_at"

static BfHouseholdRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  BfHouseholdRow *row = g_new0 (BfHouseholdRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = _bf_column_dup (stmt, 1);
  row->number = _bf_column_dup (stmt, 2);
  row->head_name = _bf_column_dup (stmt, 3);
  row->village_name = _bf_column_dup (stmt, 4);
  row->group_name = _bf_column_dup (stmt, 5);
  row->member_count = sqlite3_column_int (stmt, 6);
  row->attribute = _bf_column_dup (stmt, 7);
  row->monitoring_type = _bf_column_dup (stmt, 8);
  row->primary_cause = _bf_column_dup (stmt, 9);
  row->status = _bf_column_dup (stmt, 10);
  row->per_capita_fen =
    sqlite3_column_type (stmt, 11) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 11);
  row->updated_at = _bf_column_dup (stmt, 12);
  return row;
}

/* A page walked in the sort order stops after this much work (about 3,000 households walked)
 * and the filters' own index is taken instead: then they let so few through that sorting those
 * is cheaper. */
#define WALK_BUDGET_TICKS 12
#define WALK_TICK_OPS     1000

static int
budget_spent (void *data)
{
  guint *ticks = data;

  return (*ticks)-- == 0;
}

/* One page; with @budget, FALSE and *@spent when the budget ran out (nothing is set in @error). */
static BfHouseholdPage *
run_page (BfStore *self,
          const BfHouseholdQuery *query,
          const BfHouseholdCursor *after,
          guint limit,
          const TextMatch *text,
          Plan plan,
          FilterIndex index,
          guint *budget,
          gboolean *spent,
          GError **error)
{
  g_autoptr (BfHouseholdPage) page = NULL;
  g_autofree char *select = NULL;
  g_autofree char *last_key = NULL;
  sqlite3 *db = _bf_store_db (self);
  sqlite3_stmt *stmt;
  const char *dir;
  Query q;
  int rc;

  select = g_strdup_printf (
    ROW_COLUMNS ", %s",
    sort_keys[(guint) query->sort < G_N_ELEMENTS (sort_keys) ? query->sort : 0].expr);
  query_init (&q, query, select, text, plan, index);
  dir = query->descending ? "DESC" : "ASC";
  if (after != NULL)
    {
      /* The first term gives the index walk its start; the second skips the ties already shown. */
      g_autofree char *from =
        g_strdup_printf (" AND %s %s ?", q.key->expr, query->descending ? "<=" : ">=");
      g_autofree char *past =
        g_strdup_printf (" AND (%s %s ?", q.key->expr, query->descending ? "<" : ">");
      g_autofree char *tie = g_strdup_printf (" OR h.id %s ?)", query->descending ? "<" : ">");

      add_key (&q, from, after->key);
      add_key (&q, past, after->key);
      add_int (&q, tie, after->id);
    }
  g_string_append_printf (q.sql, " ORDER BY %s %s, h.id %s", q.key->expr, dir, dir);
  add_int (&q, " LIMIT ?", (gint64) limit + 1);

  stmt = query_prepare (self, &q, error);
  query_clear (&q);
  if (stmt == NULL)
    return NULL;

  page = g_new0 (BfHouseholdPage, 1);
  page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_household_row_free);
  if (budget != NULL)
    sqlite3_progress_handler (db, WALK_TICK_OPS, budget_spent, budget);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfHouseholdRow *row;

      if (page->rows->len == limit)
        {
          const BfHouseholdRow *last = g_ptr_array_index (page->rows, limit - 1);

          page->next = g_new0 (BfHouseholdCursor, 1);
          page->next->id = last->id;
          page->next->key = g_steal_pointer (&last_key);
          break;
        }
      row = row_from_stmt (stmt);
      g_ptr_array_add (page->rows, row);
      g_free (last_key);
      last_key = column_key (stmt, 13, q.key->kind);
    }
  if (budget != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  if (rc == SQLITE_INTERRUPT && budget != NULL)
    {
      *spent = TRUE;
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not search the households"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&page);
}

BfHouseholdPage *
bf_store_household_search (BfStore *self,
                           const BfHouseholdQuery *query,
                           const BfHouseholdCursor *after,
                           guint limit,
                           GError **error)
{
  g_auto (TextMatch) text = { 0 };
  BfHouseholdQuery filters;
  BfHouseholdPage *page;
  gint64 n_candidates = 0;
  gboolean spent = FALSE;
  guint budget = WALK_BUDGET_TICKS;
  Plan plan;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);

  ensure_indexed (self);
  text_match_init (&text, query->text);
  if (!choose_plan (self, query, &text, TRUE, &plan, &n_candidates, error))
    return NULL;

  /* Few candidates are looked up by id whatever the filters; without filters the sort order is
   * walked; with filters, walking is tried first, within a budget, then the filters' index. */
  filters = *query;
  filters.include_deleted = FALSE;
  if (forced_walk == 0 || forced_walk == 1)
    return run_page (self, query, after, limit, &text, plan,
                     forced_walk ? FILTER_INDEX_NONE : FILTER_INDEX_ONE, NULL, NULL, error);
  if (forced_walk == 2 || (plan != PLAN_LOOKUP && has_filters (&filters)))
    {
      if (forced_walk == 2)
        budget = 0;
      page = run_page (self, query, after, limit, &text, plan, FILTER_INDEX_NONE, &budget, &spent,
                       error);
      if (!spent)
        return page;
      return run_page (self, query, after, limit, &text, plan, FILTER_INDEX_ONE, NULL, NULL, error);
    }
  return run_page (self, query, after, limit, &text, plan, FILTER_INDEX_NONE, NULL, NULL, error);
}

gint64
bf_store_household_count (BfStore *self, const BfHouseholdQuery *query, GError **error)
{
  g_auto (TextMatch) text = { 0 };
  gint64 n_candidates = 0;
  sqlite3_stmt *stmt;
  gint64 count = -1;
  Plan plan;
  Query q;

  g_return_val_if_fail (BF_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  ensure_indexed (self);
  text_match_init (&text, query->text);
  if (!choose_plan (self, query, &text, FALSE, &plan, &n_candidates, error))
    return -1;
  if (plan != PLAN_NONE && !has_filters (query))
    {
      /* Every household has a search row: the matches less the deleted ones among them, without
       * visiting the others. */
      gint64 deleted = text_match_count_deleted (self, &text, error);

      return deleted < 0 ? -1 : n_candidates - deleted;
    }
  query_init (&q, query, "SELECT count(*)", &text, plan,
              plan == PLAN_LOOKUP ? FILTER_INDEX_NONE : FILTER_INDEX_ONE);
  stmt = query_prepare (self, &q, error);
  query_clear (&q);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _bf_store_set_sqlite_error (self, error, _ ("Could not count the households"));
  sqlite3_finalize (stmt);
  return count;
}

/* ------------------------------------------------------------------------------------------ */
/* Whole result sets for lists that show any part of them (bf-store-search.h) */

GArray *
bf_store_household_search_ids (BfStore *self,
                               const BfHouseholdQuery *query,
                               GCancellable *cancellable,
                               GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (TextMatch) text = { 0 };
  gint64 n_candidates = 0;
  sqlite3_stmt *stmt;
  const char *dir;
  Plan plan;
  Query q;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  ensure_indexed (self);
  text_match_init (&text, query->text);
  if (!choose_plan (self, query, &text, FALSE, &plan, &n_candidates, error))
    return NULL;
  /* Every match is read: with filters, their index finds the matches and those are sorted;
   * without, the sort order's index is walked. */
  query_init (&q, query, "SELECT h.id", &text, plan,
              plan != PLAN_LOOKUP && has_filters (query) ? FILTER_INDEX_ONE : FILTER_INDEX_NONE);
  dir = query->descending ? "DESC" : "ASC";
  g_string_append_printf (q.sql, " ORDER BY %s %s, h.id %s", q.key->expr, dir, dir);
  stmt = query_prepare (self, &q, error);
  query_clear (&q);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if ((ids->len & 4095) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_finalize (stmt);
          g_set_error_literal (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED,
                               _ ("The search was cancelled"));
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not search the households"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&ids);
}

GPtrArray *
bf_store_household_rows (BfStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bf_household_row_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) bf_household_row_free);
  g_autoptr (GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BF_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  stmt = _bf_store_prepare (self,
                            ROW_COLUMNS " FROM households AS h"
                                        " WHERE h.id IN (SELECT value FROM json_each(?))",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list->str, (int) list->len, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BfHouseholdRow *row = row_from_stmt (stmt);
      g_hash_table_insert (by_id, &row->id, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Could not read the households"));
      return NULL;
    }
  /* In the order asked for. (The key is the row's first member, so the table holds keys only:
   * look the row up, then steal it.) */
  for (guint i = 0; i < n_ids; i++)
    {
      BfHouseholdRow *row = g_hash_table_lookup (by_id, &ids[i]);

      if (row != NULL)
        {
          g_hash_table_steal (by_id, &ids[i]);
          g_ptr_array_add (rows, row);
        }
    }
  return g_steal_pointer (&rows);
}
