/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by bf-store-import.c (records, mappings, the importer's write), bf-store-import-add.c
 * (matching and writing one household) and bf-store-import-undo.c; internal to src/store. */

#include "bf-store-import.h"
#include "bf-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id; /* 0: to be created (a dry run) */
  char *name;
  char *key; /* _bf_import_region_key() */
  int number;
} ImportRegion;

typedef struct
{
  ImportRegion region;
  GPtrArray *groups; /* ImportRegion */
} ImportVillage;

struct _BfStoreImporter
{
  BfStore *store;
  gboolean write; /* the import's write is open */
  gboolean dry;   /* asked for a dry run (not an abandoned import) */
  gint64 import_id;
  char *uuid;
  char *file_name;
  char *sha256;
  char *sheet;
  char *signature;
  char *mapping_json;
  char *on_duplicate;
  char *started_at;
  gint64 audit_first;
  gint64 cache_size;   /* the connection's own, put back at the end; 0: unchanged */
  GPtrArray *villages; /* ImportVillage: the register's and those the import created */
  gint64 households_created;
  gint64 households_updated;
  gint64 people_created;
  gint64 people_updated;
};

/* The villages and groups of the register (bf-store-import-add.c). */
gboolean _bf_import_load_regions (BfStoreImporter *importer, GError **error);
void _bf_import_village_free (ImportVillage *village);

/* {"import_uuid": [null, uuid], "import_file": [null, name], "import_sha256": [null, hex]}: what
 * every audit entry of an import and of its undoing carries. */
JsonObject *_bf_import_tag (const char *uuid, const char *file_name, const char *sha256);

G_END_DECLS
