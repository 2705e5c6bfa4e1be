-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: assistance plans, helpers and visits (docs/domain.md §6). What the measure lists
-- and the supervision queries need to answer within 200 ms at 100,000 households
-- (bench/bench-plans.sh).
--
-- The time-sensitive queries of src/store/bf-store-plans.c and bf-store-visits.c name their index
-- (INDEXED BY): without statistics SQLite prefers measures_due (status, due_on) and table lookups,
-- which on a register of 100,000 households costs seconds. Renaming or dropping an index below
-- makes those queries fail loudly in the store tests. Counts and totals use indexes that hold
-- every column they read (plain columns: SQLite 3.40 reads expressions from the table).

-- The date of a household's latest visit, '' when never visited, kept in step with visits by the
-- triggers below whoever writes them (the store, the demo generator, an import).
ALTER TABLE households ADD COLUMN last_visit_on TEXT NOT NULL DEFAULT '';
UPDATE households SET last_visit_on = ifnull(
  (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL), '');

CREATE TRIGGER visits_last_visit_insert AFTER INSERT ON visits WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE households SET last_visit_on = NEW.visited_on
    WHERE id = NEW.household_id AND last_visit_on < NEW.visited_on;
END;
CREATE TRIGGER visits_last_visit_update AFTER UPDATE OF household_id, visited_on, deleted_at ON visits
BEGIN
  UPDATE households SET last_visit_on = ifnull(
    (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL), '')
    WHERE id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER visits_last_visit_delete AFTER DELETE ON visits
BEGIN
  UPDATE households SET last_visit_on = ifnull(
    (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL), '')
    WHERE id = OLD.household_id;
END;

-- Households. Deleted ones are few: lists leave their records out through households_deleted
-- (migration 1).
-- Not visited for N days: pages walk the first, counts read the second alone.
CREATE INDEX households_last_visit ON households(last_visit_on) WHERE deleted_at IS NULL;
CREATE INDEX households_visit_status ON households(last_visit_on, status, status_since, village_id)
  WHERE deleted_at IS NULL;
-- Without a helper.
CREATE INDEX households_helper_status ON households(helper_id, status, status_since)
  WHERE deleted_at IS NULL;

-- Measures by due date (none last): all of them, and the open ones (planned or in progress; the
-- overdue ones are a range of them) for pages; the open ones, and all of them by plan, with what
-- the filters and the totals read, for counts and totals.
CREATE INDEX measures_sort_due ON measures(ifnull(due_on, '9999-12-31')) WHERE deleted_at IS NULL;
CREATE INDEX measures_open_due ON measures(ifnull(due_on, '9999-12-31'))
  WHERE deleted_at IS NULL AND status IN ('planned', 'in_progress');
CREATE INDEX measures_open_money ON measures(due_on, household_id, plan_id, helper_id, category,
  department, status, budget_fen, spent_fen) WHERE deleted_at IS NULL AND status IN ('planned', 'in_progress');
CREATE INDEX measures_plan ON measures(plan_id, household_id, helper_id, category, department,
  status, budget_fen, spent_fen) WHERE deleted_at IS NULL;
CREATE INDEX measures_helper ON measures(helper_id, status) WHERE deleted_at IS NULL;
CREATE INDEX plans_by_year ON plans(year) WHERE deleted_at IS NULL;

-- Visits: problems not rectified by deadline (none last) for pages, and for counts; newest
-- first; a helper's; a household's.
CREATE INDEX visits_open_problems ON visits(ifnull(deadline, '9999-12-31'))
  WHERE deleted_at IS NULL AND problems IS NOT NULL AND rectified_on IS NULL;
CREATE INDEX visits_open_count ON visits(deadline, household_id, helper_id)
  WHERE deleted_at IS NULL AND problems IS NOT NULL AND rectified_on IS NULL;
CREATE INDEX visits_live_date ON visits(visited_on, household_id) WHERE deleted_at IS NULL;
CREATE INDEX visits_helper ON visits(helper_id, visited_on, household_id) WHERE deleted_at IS NULL;
CREATE INDEX visits_household_live ON visits(household_id, visited_on) WHERE deleted_at IS NULL;

-- Helpers: a household has at most one current helper (households.helper_id names the same).
CREATE UNIQUE INDEX helper_assignments_current ON helper_assignments(household_id)
  WHERE ended_on IS NULL AND deleted_at IS NULL;
CREATE INDEX helpers_name ON helpers(name) WHERE deleted_at IS NULL;
