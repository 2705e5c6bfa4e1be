-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 6: imports of spreadsheets (src/store/bf-store-import.c). Needs nothing of migrations
-- 4 and 5.

-- One import of a sheet: what was read, by whom, and what became of it. An import writes in one
-- transaction: it is recorded 'done' with what it wrote, or 'cancelled' (stopped or cancelled:
-- nothing of it was written); 'undone' once undone as a whole.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,          -- the file's name, without its folder
  sha256 TEXT NOT NULL,             -- of the file's bytes, in hex
  sheet TEXT,
  signature TEXT,                   -- of the header row (src/report/bf-import-mapping.h)
  mapping TEXT CHECK (mapping IS NULL OR json_valid(mapping)),   -- NULL: the national list's
  on_duplicate TEXT NOT NULL DEFAULT 'skip' CHECK (on_duplicate IN ('skip', 'update', 'stop')),
  state TEXT NOT NULL CHECK (state IN ('done', 'cancelled', 'undone')),
  operator TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  undone_at TEXT,
  rows INTEGER NOT NULL DEFAULT 0,  -- data rows read
  households_created INTEGER NOT NULL DEFAULT 0,
  households_updated INTEGER NOT NULL DEFAULT 0,
  people_created INTEGER NOT NULL DEFAULT 0,
  people_updated INTEGER NOT NULL DEFAULT 0,
  rows_refused INTEGER NOT NULL DEFAULT 0,   -- not imported: the report's rows
  -- the audit entries the import wrote: every one from audit_first to audit_last (one transaction)
  audit_first INTEGER,
  audit_last INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (state <> 'undone' OR undone_at IS NOT NULL)
);
CREATE INDEX imports_sha256 ON imports(sha256, state);

-- What an import created or updated, so that it can be undone as a whole. A record restored by a
-- later import (its number taken again) is that import's 'created' too.
CREATE TABLE import_records (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  entity TEXT NOT NULL CHECK (entity IN ('households', 'members', 'villages', 'village_groups')),
  record_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  sheet_row INTEGER,                -- the row it came from (a household's first row)
  UNIQUE (import_id, entity, record_id)
);
CREATE INDEX import_records_record ON import_records(entity, record_id);

-- Column mappings of home-made sheets by their header signature, offered again for the next
-- sheet with the same header (JSON of bf_import_mapping_to_json()).
CREATE TABLE import_mappings (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  signature TEXT NOT NULL UNIQUE,
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
