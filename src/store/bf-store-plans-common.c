/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-text.h"
#include "bf-dates.h"
#include "bf-store-plans-private.h"

#define COLUMN_PTR(record, column) ((char *) (record) + (column)->offset)

typedef struct
{
  gboolean null;
  gboolean is_text;
  gint64 i;
  const char *s;
} Value;

gboolean
_bf_has_text (const char *text)
{
  for (const char *s = text; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static Value
column_value (const BfColumn *column, gconstpointer record)
{
  const char *p = COLUMN_PTR (record, column);
  Value v = { TRUE };

  switch (column->kind)
    {
      case BF_COLUMN_TEXT:
      case BF_COLUMN_DATE:
      case BF_COLUMN_CODE:
        {
          const char *s = *(char *const *) p;
          if (_bf_has_text (s))
            v = (Value){ FALSE, TRUE, 0, s };
          break;
        }
      case BF_COLUMN_REF:
      case BF_COLUMN_FEN:
        {
          gint64 i = *(const gint64 *) p;
          if (column->kind == BF_COLUMN_FEN || i != 0)
            v = (Value){ FALSE, FALSE, i };
          break;
        }
      case BF_COLUMN_INT:
      case BF_COLUMN_TRI:
        {
          int i = *(const int *) p;
          if (column->kind == BF_COLUMN_INT || i >= 0)
            v = (Value){ FALSE, FALSE, i };
          break;
        }
    }
  return v;
}

static gboolean
value_equal (const Value *a, const Value *b)
{
  if (a->null || b->null)
    return a->null == b->null;
  if (a->is_text != b->is_text)
    return FALSE;
  return a->is_text ? strcmp (a->s, b->s) == 0 : a->i == b->i;
}

static void
value_bind (sqlite3_stmt *stmt, int index, const Value *v)
{
  if (v->null)
    sqlite3_bind_null (stmt, index);
  else if (v->is_text)
    _bf_bind_text (stmt, index, v->s);
  else
    sqlite3_bind_int64 (stmt, index, v->i);
}

static void
value_add (JsonArray *array, const Value *v)
{
  if (v->null)
    json_array_add_null_element (array);
  else if (v->is_text)
    json_array_add_string_element (array, v->s);
  else
    json_array_add_int_element (array, v->i);
}

char *
_bf_table_select_list (const BfTable *table, const char *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (s, "%s%s%s%s", i > 0 ? ", " : "", prefix ? prefix : "",
                            prefix ? "." : "", table->columns[i].name);
  return g_string_free (s, FALSE);
}

int
_bf_table_read (const BfTable *table, sqlite3_stmt *stmt, int column, gpointer record)
{
  for (guint i = 0; i < table->n_columns; i++, column++)
    {
      const BfColumn *c = &table->columns[i];
      char *p = COLUMN_PTR (record, c);
      gboolean null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

      switch (c->kind)
        {
          case BF_COLUMN_TEXT:
          case BF_COLUMN_DATE:
          case BF_COLUMN_CODE:
            g_free (*(char **) p);
            *(char **) p = _bf_column_dup (stmt, column);
            break;
          case BF_COLUMN_REF:
          case BF_COLUMN_FEN:
            *(gint64 *) p = sqlite3_column_int64 (stmt, column);
            break;
          case BF_COLUMN_INT:
            *(int *) p = sqlite3_column_int (stmt, column);
            break;
          case BF_COLUMN_TRI:
            *(int *) p = null ? -1 : sqlite3_column_int (stmt, column);
            break;
        }
    }
  return column;
}

gboolean
_bf_table_validate (const BfTable *table, gconstpointer record, GError **error)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const BfColumn *c = &table->columns[i];
      Value v = column_value (c, record);
      const char *label = _ (c->label);
      GDate date;

      if (c->kind <= BF_COLUMN_CODE)
        {
          const char *s = *(char *const *) COLUMN_PTR (record, c);
          if (s != NULL && !g_utf8_validate (s, -1, NULL))
            {
              g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                           _ ("%s is not valid text."), label);
              return FALSE;
            }
        }
      if (c->required && v.null)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID, _ ("%s is required."), label);
          return FALSE;
        }
      if (!v.null && c->kind == BF_COLUMN_TEXT && g_str_equal (c->name, "name") &&
          bf_text_has_control (v.s))
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("%s holds a control character: type it again."), label);
          return FALSE;
        }
      if (v.null)
        continue;
      switch (c->kind)
        {
          case BF_COLUMN_DATE:
            if (!bf_date_parse (v.s, &date, NULL))
              {
                g_autofree char *shown = bf_text_shown (v.s, BF_TEXT_SHOWN_CHARS);

                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not a date (YYYY-MM-DD)."), label, shown);
                return FALSE;
              }
            break;
          case BF_COLUMN_CODE:
            if (!bf_code_is_valid (c->codes, v.s))
              {
                g_autofree char *shown = bf_text_shown (v.s, BF_TEXT_SHOWN_CHARS);

                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s: “%s” is not one of the choices."), label, shown);
                return FALSE;
              }
            break;
          case BF_COLUMN_FEN:
          case BF_COLUMN_REF:
            if (v.i < 0)
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s cannot be negative."), label);
                return FALSE;
              }
            break;
          case BF_COLUMN_TRI:
            if (v.i > 1)
              {
                g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                             _ ("%s must be yes, no or not recorded."), label);
                return FALSE;
              }
            break;
          case BF_COLUMN_TEXT:
          case BF_COLUMN_INT:
            break;
        }
    }
  return TRUE;
}

static JsonObject *
table_diff (const BfTable *table, gconstpointer before, gconstpointer after)
{
  JsonObject *changes = json_object_new ();

  for (guint i = 0; i < table->n_columns; i++)
    {
      const BfColumn *c = &table->columns[i];
      Value a = before != NULL ? column_value (c, before) : (Value){ TRUE };
      Value b = column_value (c, after);
      JsonArray *pair;

      if (value_equal (&a, &b))
        continue;
      pair = json_array_new ();
      value_add (pair, &a);
      value_add (pair, &b);
      json_object_set_array_member (changes, c->name, pair);
    }
  return changes;
}

static char *
insert_sql (const BfTable *table)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO %s (uuid, created_at, updated_at", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (s, ", %s", table->columns[i].name);
  g_string_append (s, ") VALUES (?, ?, ?");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append (s, ", ?");
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

static char *
update_sql (const BfTable *table)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "UPDATE %s SET updated_at = ?", table->table);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (s, ", %s = ?", table->columns[i].name);
  g_string_append (s, " WHERE id = ?");
  return g_string_free (s, FALSE);
}

static void
bind_columns (const BfTable *table, sqlite3_stmt *stmt, int index, gconstpointer record)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      Value v = column_value (&table->columns[i], record);
      value_bind (stmt, index + i, &v);
    }
}

gboolean
_bf_table_write (BfStore *self,
                 const BfTable *table,
                 gconstpointer before,
                 gpointer record,
                 gboolean *changed,
                 GError **error)
{
  BfRecordHead *head = record;
  g_autoptr (JsonObject) changes = table_diff (table, before, record);
  g_autofree char *now = _bf_now_iso ();
  g_autofree char *sql = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (BfCachedStmt) stmt = NULL;

  if (changed != NULL)
    *changed = FALSE;
  if (before != NULL && json_object_get_size (changes) == 0)
    return TRUE;

  sql = before == NULL ? insert_sql (table) : update_sql (table);
  stmt = _bf_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (before == NULL)
    {
      uuid = _bf_uuid_new ();
      _bf_bind_text (stmt, 1, uuid);
      _bf_bind_text (stmt, 2, now);
      _bf_bind_text (stmt, 3, now);
      bind_columns (table, stmt, 4, record);
    }
  else
    {
      _bf_bind_text (stmt, 1, now);
      bind_columns (table, stmt, 2, record);
      sqlite3_bind_int64 (stmt, 2 + table->n_columns, head->id);
    }
  if (!_bf_store_step_done (self, stmt, _ ("Cannot save the record"), error))
    return FALSE;

  if (before == NULL)
    {
      head->id = sqlite3_last_insert_rowid (_bf_store_db (self));
      g_free (head->uuid);
      head->uuid = g_steal_pointer (&uuid);
    }
  if (changed != NULL)
    *changed = TRUE;
  return _bf_store_audit (self, before == NULL ? "create" : "update", table->table, head->uuid,
                          g_steal_pointer (&changes), error);
}

char *
_bf_plans_date (const char *date, const char *label, GError **error)
{
  char *iso = NULL;

  /* A blank date field means today here. */
  _bf_past_date (_bf_has_text (date) ? date : NULL, label, NULL, &iso, error);
  return iso;
}

char *
_bf_plans_followup_since (BfStore *self, const char *today)
{
  guint years = bf_store_followup_years (self);
  GDate date;

  if (today == NULL || !bf_date_parse (today, &date, NULL))
    bf_date_today (&date);
  g_date_subtract_years (&date, years);
  return bf_date_format (&date);
}

static gboolean
row_exists (BfStore *self, const char *sql, gint64 id, gboolean *retired, GError **error)
{
  g_autoptr (BfCachedStmt) stmt = _bf_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && retired != NULL)
    *retired = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return FALSE;
    }
  return rc == SQLITE_ROW;
}

gboolean
_bf_plans_check_household (BfStore *self, gint64 id, GError **error)
{
  return _bf_require_live (self, "households", id,
                           _ ("The household does not exist or was deleted."), error);
}

gboolean
_bf_plans_check_helper (BfStore *self, gint64 id, gboolean active, GError **error)
{
  GError *local = NULL;
  gboolean retired = FALSE;

  if (id > 0 &&
      row_exists (self, "SELECT retired_on FROM helpers WHERE id = ? AND deleted_at IS NULL", id,
                  &retired, &local))
    {
      if (active && retired)
        {
          g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID,
                       _ ("The helper has retired: choose an active helper."));
          return FALSE;
        }
      return TRUE;
    }
  if (local != NULL)
    g_propagate_error (error, local);
  else
    g_set_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND, _ ("There is no such helper."));
  return FALSE;
}

BfHouseholdLine *
_bf_household_line_read (sqlite3_stmt *stmt)
{
  const int column = 0;
  BfHouseholdLine *line = g_new0 (BfHouseholdLine, 1);

  line->id = sqlite3_column_int64 (stmt, column);
  line->number = _bf_column_dup (stmt, column + 1);
  line->head_name = _bf_column_dup (stmt, column + 2);
  line->village_name = _bf_column_dup (stmt, column + 3);
  line->group_name = _bf_column_dup (stmt, column + 4);
  line->status = _bf_column_dup (stmt, column + 5);
  line->helper_id = sqlite3_column_int64 (stmt, column + 6);
  line->helper_name = _bf_column_dup (stmt, column + 7);
  line->last_visit_on = _bf_column_dup (stmt, column + 8);
  return line;
}

BfListPage *
_bf_list_page_read (BfStore *self,
                    sqlite3_stmt *stmt,
                    guint limit,
                    BfRowRead read,
                    GDestroyNotify free_row,
                    BfRowCursor cursor_of,
                    GError **error)
{
  g_autoptr (BfListPage) page = g_new0 (BfListPage, 1);
  int rc;

  page->rows = g_ptr_array_new_with_free_func (free_row);
  page->total = -1;
  /* One row more than asked tells whether there is a next page. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (page->rows->len == limit)
        {
          page->next = cursor_of (g_ptr_array_index (page->rows, limit - 1));
          break;
        }
      g_ptr_array_add (page->rows, read (stmt));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return NULL;
    }
  return g_steal_pointer (&page);
}

gboolean
_bf_query_count (BfStore *self, sqlite3_stmt *stmt, gint64 *count, GError **error)
{
  int rc = sqlite3_step (stmt);

  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _bf_store_set_sqlite_error (self, error, _ ("Cannot read the register"));
      return FALSE;
    }
  return TRUE;
}

void
_bf_filter_init (BfFilter *f, const char *base)
{
  f->where = g_string_new (base);
  f->texts = g_ptr_array_new_with_free_func (g_free);
  f->ints = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
_bf_filter_text (BfFilter *f, const char *sql, const char *value)
{
  gint64 none = 0;

  g_string_append_printf (f->where, " AND %s", sql);
  g_ptr_array_add (f->texts, g_strdup (value != NULL ? value : ""));
  g_array_append_val (f->ints, none);
}

void
_bf_filter_int (BfFilter *f, const char *sql, gint64 value)
{
  g_string_append_printf (f->where, " AND %s", sql);
  g_ptr_array_add (f->texts, NULL);
  g_array_append_val (f->ints, value);
}

void
_bf_filter_after (BfFilter *f,
                  const char *key_sql,
                  const char *id_sql,
                  const BfHouseholdCursor *after,
                  gboolean descending)
{
  g_autofree char *sql =
    g_strdup_printf ("(%s, %s) %s (?, ?)", key_sql, id_sql, descending ? "<" : ">");

  _bf_filter_text (f, sql, after->key);
  g_ptr_array_add (f->texts, NULL);
  g_array_append_val (f->ints, after->id);
}

int
_bf_filter_bind (const BfFilter *f, sqlite3_stmt *stmt)
{
  for (guint i = 0; i < f->texts->len; i++)
    {
      const char *text = g_ptr_array_index (f->texts, i);

      if (text != NULL)
        _bf_bind_text (stmt, i + 1, text);
      else
        sqlite3_bind_int64 (stmt, i + 1, g_array_index (f->ints, gint64, i));
    }
  return f->texts->len + 1;
}

void
_bf_filter_clear (BfFilter *f)
{
  if (f->where != NULL)
    g_string_free (f->where, TRUE);
  g_clear_pointer (&f->texts, g_ptr_array_unref);
  g_clear_pointer (&f->ints, g_array_unref);
}

char *
_bf_query_today (const char *today)
{
  GDate date;

  if (today == NULL || !bf_date_parse (today, &date, NULL))
    bf_date_today (&date);
  return bf_date_format (&date);
}

/* Records */

void
bf_household_line_free (BfHouseholdLine *line)
{
  if (line == NULL)
    return;
  g_free (line->number);
  g_free (line->head_name);
  g_free (line->village_name);
  g_free (line->group_name);
  g_free (line->status);
  g_free (line->helper_name);
  g_free (line->last_visit_on);
  g_free (line);
}

void
bf_list_page_free (BfListPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  bf_household_cursor_free (page->next);
  g_free (page);
}
