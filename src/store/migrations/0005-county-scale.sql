-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 5: a register at county scale (issue 17).
--
-- Names in pinyin order. A list sorted by a name walks an index of stored ICU sort keys
-- (src/store/bf-store-collate.c): the head's name for households, the name for helpers. The keys
-- are written by the triggers below whoever writes a name, through bf_name_key(), which only
-- Bangfu defines: the sqlite3 tool still reads every table, it cannot write names. The collation
-- the keys were made with is recorded ("sort.collation"); a Bangfu with another rebuilds them.
ALTER TABLE households ADD COLUMN head_key BLOB;
ALTER TABLE helpers ADD COLUMN name_key BLOB;
UPDATE households SET head_key = bf_name_key(head_name);
UPDATE helpers SET name_key = bf_name_key(name);
INSERT INTO settings (key, value, updated_at)
  VALUES ('sort.collation', bf_collation(), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;

CREATE TRIGGER households_head_key_insert AFTER INSERT ON households
BEGIN
  UPDATE households SET head_key = bf_name_key(NEW.head_name) WHERE id = NEW.id;
END;
CREATE TRIGGER households_head_key_update AFTER UPDATE OF head_name ON households
BEGIN
  UPDATE households SET head_key = bf_name_key(NEW.head_name) WHERE id = NEW.id;
END;
CREATE TRIGGER helpers_name_key_insert AFTER INSERT ON helpers
BEGIN
  UPDATE helpers SET name_key = bf_name_key(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER helpers_name_key_update AFTER UPDATE OF name ON helpers
BEGIN
  UPDATE helpers SET name_key = bf_name_key(NEW.name) WHERE id = NEW.id;
END;

-- The names' own indexes only served sorting, which the keys do now.
DROP INDEX households_head;
CREATE INDEX households_head_key ON households(head_key) WHERE deleted_at IS NULL;
DROP INDEX helpers_name;
CREATE INDEX helpers_name_key ON helpers(name_key) WHERE deleted_at IS NULL;

-- The order of a village's households on its notices: by household number (within each group),
-- or by the head's name where the village lists them so.
ALTER TABLE villages ADD COLUMN notice_order TEXT NOT NULL DEFAULT 'number'
  CHECK (notice_order IN ('number', 'head'));
