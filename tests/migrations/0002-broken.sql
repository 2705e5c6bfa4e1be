-- SPDX-License-Identifier: GPL-3.0-or-later
-- Test-only migration 2 that fails half-way: nothing of it may remain.
CREATE TABLE half_done (x INTEGER);
ALTER TABLE villages ADD COLUMN note TEXT;
INSERT INTO no_such_table VALUES (1);
