/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Figures for bangfu-cli stats (bf-store-stats.c). */

#include "bf-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  gint64 active;  /* rows not soft-deleted (all rows for tables without soft delete) */
  gint64 deleted; /* soft-deleted rows */
} BfStatCount;

typedef struct
{
  GPtrArray *tables;   /* BfStatCount per table, by name */
  GPtrArray *statuses; /* BfStatCount per household status code (lifecycle order), active only */
  GPtrArray *villages; /* BfStatCount per village name (register order): active households */
  GPtrArray *causes;   /* BfStatCount per primary cause code, most households first */
  gint64 audit_entries;
  gint64 file_bytes; /* the register file */
  gint64 wal_bytes;  /* its write-ahead log, 0 when none */
  gint64 page_size;
  gint64 page_count;
  gint64 freelist_count;
  int schema_version;
} BfStoreStats;

BfStoreStats *bf_store_stats (BfStore *self, GError **error);
void bf_store_stats_free (BfStoreStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfStoreStats, bf_store_stats_free)

G_END_DECLS
