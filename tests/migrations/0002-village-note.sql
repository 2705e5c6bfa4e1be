-- SPDX-License-Identifier: GPL-3.0-or-later
-- Test-only migration 2.
ALTER TABLE villages ADD COLUMN note TEXT;
CREATE TABLE test_marker (version INTEGER NOT NULL);
INSERT INTO test_marker VALUES (2);
