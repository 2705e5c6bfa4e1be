-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: exit exceptions, and indexes for assessments and the indicators
-- (docs/domain.md §7, §8).

-- A recorded exception to an exit check that the rules allow one for (today only the labour
-- check: no member can work and the household stays under social-security support). It is
-- recorded before the exit assessment and stays with the household until withdrawn.
CREATE TABLE exit_exceptions (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  check_code TEXT NOT NULL,         -- exit check code (src/core/bf-exit-checks.h): 'labour'
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  recorded_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX exit_exceptions_once ON exit_exceptions(household_id, check_code)
  WHERE deleted_at IS NULL;

-- One assessment per household and period; lists of a period walk this index.
CREATE INDEX assessments_period ON assessments(period, household_id) WHERE deleted_at IS NULL;
-- Measures due in a period, upheld objections of a household: what the indicators read.
CREATE INDEX measures_due_on ON measures(due_on) WHERE deleted_at IS NULL;
CREATE INDEX objections_household ON objections(household_id) WHERE deleted_at IS NULL;
