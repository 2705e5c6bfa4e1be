/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli check, audit verify, backup, restore, stats: the register as a whole. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-cli.h"
#include "bf-codes.h"
#include "bf-store-audit.h"
#include "bf-store-backup.h"
#include "bf-store-check.h"
#include "bf-store-stats.h"
#include "bf-store-verify.h"

/* Options, no arguments, the register opened read-only: what check, audit verify and stats
 * start with. NULL with @status set when that fails. */
static BfStore *
open_for_reading (const char *summary,
                  const GOptionEntry *entries,
                  int argc,
                  char **argv,
                  int *status)
{
  *status = BF_CLI_OK;
  if (!bf_cli_parse ("", summary, entries, &argc, &argv))
    {
      *status = BF_CLI_USAGE;
      return NULL;
    }
  if (argc > 1)
    {
      *status = bf_cli_unexpected (argv[1]);
      return NULL;
    }
  return bf_cli_open (BF_STORE_OPEN_READ_ONLY, status);
}

int
bf_cli_check (int argc, char **argv)
{
  gboolean quick = FALSE;
  const GOptionEntry entries[] = { { "quick", 0, 0, G_OPTION_ARG_NONE, &quick,
                                     N_ ("Only open the register, which runs SQLite's quick check"),
                                     NULL },
                                   G_OPTION_ENTRY_NULL };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  int status = BF_CLI_OK;
  BfStore *store;

  /* Opening checks the first screen's part of the file; the quick check reads the rest. */
  store = open_for_reading (_ ("Check the register: SQLite integrity and foreign keys, the audit "
                               "trail and the domain rules. Lists each problem found."),
                            entries, argc, argv, &status);
  if (store == NULL)
    return status;
  if (quick)
    {
      g_autoptr (BfStoreVerification) verification = bf_store_verify (store, NULL, &error);

      if (verification == NULL)
        status = bf_cli_fail (error);
      else if (verification->damaged)
        {
          bf_cli_message ("%s", verification->message);
          status = BF_CLI_FAILED;
        }
      else
        g_print (_ ("The register opened and passed the quick check.\n"));
    }
  else if (!bf_store_check (store, &problems, &error))
    status = bf_cli_fail (error);
  else if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
      bf_cli_message (ngettext ("%u problem found", "%u problems found", problems->len),
                      problems->len);
      status = BF_CLI_FAILED;
    }
  else
    g_print (_ ("No problems found.\n"));
  return bf_cli_close (store, status);
}

int
bf_cli_audit_verify (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  gint64 checked = 0;
  int status = BF_CLI_OK;
  BfStore *store;

  store = open_for_reading (_ ("Walk the audit trail's hash chain; name the first entry that was "
                               "changed, removed or inserted."),
                            NULL, argc, argv, &status);
  if (store == NULL)
    return status;
  if (bf_store_audit_verify (store, &checked, &error))
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, checked);
      g_print (ngettext ("The audit trail is intact: %s entry checked.\n",
                         "The audit trail is intact: %s entries checked.\n", (gulong) checked),
               count);
    }
  else
    status = bf_cli_fail (error);
  return bf_cli_close (store, status);
}

int
bf_cli_backup (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int status = BF_CLI_OK;
  BfStore *store;

  if (!bf_cli_parse (_ ("[DIR]"),
                     _ ("Write a verified copy of the register into DIR (default: the backups "
                        "folder beside it) and print its path."),
                     NULL, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc > 2)
    return bf_cli_unexpected (argv[2]);
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  path = bf_store_backup (store, argc == 2 ? argv[1] : NULL, &error);
  if (path != NULL)
    g_print ("%s\n", path);
  else
    status = bf_cli_fail (error);
  return bf_cli_close (store, status);
}

int
bf_cli_restore (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  const char *db;

  if (!bf_cli_parse (_ ("BACKUP"),
                     _ ("Put a backup in place of the register. The register it replaces is set "
                        "aside beside it, never deleted."),
                     NULL, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc != 2)
    return bf_cli_usage_error (argc < 2 ? _ ("no backup given") : _ ("give one backup"));
  if ((db = bf_cli_db ()) == NULL)
    return BF_CLI_USAGE;
  if (!bf_store_restore (db, argv[1], &error))
    return bf_cli_fail (error);
  g_print (_ ("Restored “%s” from “%s”.\n"), db, argv[1]);
  return BF_CLI_OK;
}

static void
counts_to_json (JsonBuilder *b, const char *key, GPtrArray *counts, gboolean with_deleted)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  for (guint i = 0; i < counts->len; i++)
    {
      const BfStatCount *c = g_ptr_array_index (counts, i);
      json_builder_set_member_name (b, c->name);
      if (!with_deleted)
        {
          json_builder_add_int_value (b, c->active);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "active");
      json_builder_add_int_value (b, c->active);
      json_builder_set_member_name (b, "deleted");
      json_builder_add_int_value (b, c->deleted);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
stats_to_json (const BfStoreStats *stats)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schema_version");
  json_builder_add_int_value (b, stats->schema_version);
  json_builder_set_member_name (b, "file_bytes");
  json_builder_add_int_value (b, stats->file_bytes);
  json_builder_set_member_name (b, "wal_bytes");
  json_builder_add_int_value (b, stats->wal_bytes);
  json_builder_set_member_name (b, "page_size");
  json_builder_add_int_value (b, stats->page_size);
  json_builder_set_member_name (b, "page_count");
  json_builder_add_int_value (b, stats->page_count);
  json_builder_set_member_name (b, "freelist_count");
  json_builder_add_int_value (b, stats->freelist_count);
  json_builder_set_member_name (b, "audit_entries");
  json_builder_add_int_value (b, stats->audit_entries);
  counts_to_json (b, "households_by_status", stats->statuses, FALSE);
  counts_to_json (b, "households_by_village", stats->villages, FALSE);
  counts_to_json (b, "households_by_primary_cause", stats->causes, FALSE);
  counts_to_json (b, "tables", stats->tables, TRUE);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  bf_cli_print_json (root);
}

static const char *
cause_label (const char *code)
{
  return bf_cli_code_label (BF_CODES_CAUSE, code);
}

static void
print_counts (const char *title, GPtrArray *counts, const char *(*label) (const char *) )
{
  g_print ("%s\n", title);
  for (guint i = 0; i < counts->len; i++)
    {
      const BfStatCount *c = g_ptr_array_index (counts, i);
      g_autoptr (GString) line = g_string_new ("  ");
      bf_cli_print_cell (line, label != NULL ? label (c->name) : c->name, 22);
      g_print ("%s%10" G_GINT64_FORMAT "\n", line->str, c->active);
    }
}

static void
print_stats (BfStore *store, const BfStoreStats *stats)
{
  g_autofree char *size = g_format_size (stats->file_bytes);
  g_autofree char *wal = g_format_size (stats->wal_bytes);
  g_autofree char *bytes = g_strdup_printf ("%" G_GINT64_FORMAT, stats->file_bytes);
  g_autofree char *shown = g_strdup_printf (_ ("%s (%s bytes)"), size, bytes);

  g_autofree char *version = g_strdup_printf ("%d", stats->schema_version);
  g_autofree char *audit = g_strdup_printf ("%" G_GINT64_FORMAT, stats->audit_entries);

  g_print ("%s %s\n", bf_store_get_county (store), bf_store_get_township (store));
  bf_cli_print_field (_ ("File size"), shown);
  if (stats->wal_bytes > 0)
    bf_cli_print_field (_ ("Write-ahead log"), wal);
  bf_cli_print_field (_ ("Schema version"), version);
  bf_cli_print_field (_ ("Audit entries"), audit);

  print_counts (_ ("Households by status"), stats->statuses, bf_cli_status_label);
  print_counts (_ ("Households by village"), stats->villages, NULL);
  print_counts (_ ("Households by primary cause"), stats->causes, cause_label);

  g_print ("%s\n", _ ("Records by table (active / deleted)"));
  for (guint i = 0; i < stats->tables->len; i++)
    {
      const BfStatCount *c = g_ptr_array_index (stats->tables, i);
      g_autoptr (GString) line = g_string_new ("  ");
      bf_cli_print_cell (line, c->name, 22);
      g_print ("%s%10" G_GINT64_FORMAT " / %" G_GINT64_FORMAT "\n", line->str, c->active,
               c->deleted);
    }
}

int
bf_cli_stats (int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write JSON"),
                                     NULL },
                                   G_OPTION_ENTRY_NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStoreStats) stats = NULL;
  int status = BF_CLI_OK;
  BfStore *store;

  store = open_for_reading (_ ("Count households by status, village and primary cause and records "
                               "by table; show the file size and the audit trail's length."),
                            entries, argc, argv, &status);
  if (store == NULL)
    return status;
  stats = bf_store_stats (store, &error);
  if (stats == NULL)
    status = bf_cli_fail (error);
  else if (json)
    stats_to_json (stats);
  else
    print_stats (store, stats);
  return bf_cli_close (store, status);
}
