-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: assistance plans, helpers and visits (domain.md §6). What the measure lists and the
-- supervision queries need to answer within 200 ms at 100,000 households (bench/bench-plans.sh).
-- The expressions in the indexes below are written the same way by src/store/bf-store-plans.c,
-- bf-store-visits.c and bf-store-helpers.c; they must match to the character.

-- The date of a household's latest visit, kept in step with visits by the triggers below whoever
-- writes them (the store, the demo generator, an import), so that "not visited for N days" walks an
-- index instead of looking up every household's visits.
ALTER TABLE households ADD COLUMN last_visit_on TEXT;
UPDATE households SET last_visit_on =
  (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL);
CREATE INDEX households_last_visit ON households(ifnull(last_visit_on, '')) WHERE deleted_at IS NULL;

CREATE INDEX visits_household_live ON visits(household_id, visited_on) WHERE deleted_at IS NULL;

CREATE TRIGGER visits_last_visit_insert AFTER INSERT ON visits WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE households SET last_visit_on = NEW.visited_on
    WHERE id = NEW.household_id AND (last_visit_on IS NULL OR last_visit_on < NEW.visited_on);
END;
CREATE TRIGGER visits_last_visit_update AFTER UPDATE OF household_id, visited_on, deleted_at ON visits
BEGIN
  UPDATE households SET last_visit_on =
    (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL)
    WHERE id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER visits_last_visit_delete AFTER DELETE ON visits
BEGIN
  UPDATE households SET last_visit_on =
    (SELECT max(visited_on) FROM visits WHERE household_id = households.id AND deleted_at IS NULL)
    WHERE id = OLD.household_id;
END;

-- Problems found on visits and not yet rectified, by deadline (none: last).
CREATE INDEX visits_open_problems ON visits(ifnull(deadline, '9999-12-31'))
  WHERE deleted_at IS NULL AND problems IS NOT NULL AND rectified_on IS NULL;
CREATE INDEX visits_helper ON visits(helper_id, visited_on) WHERE deleted_at IS NULL;
CREATE INDEX visits_live_date ON visits(visited_on) WHERE deleted_at IS NULL;

-- Measures by due date (none: last): all of them, the open ones (planned or in progress: the
-- overdue ones are a range of it), and the open ones with their money for the totals of a list.
CREATE INDEX measures_sort_due ON measures(ifnull(due_on, '9999-12-31')) WHERE deleted_at IS NULL;
CREATE INDEX measures_open_due ON measures(ifnull(due_on, '9999-12-31'))
  WHERE deleted_at IS NULL AND status IN ('planned', 'in_progress');
CREATE INDEX measures_open_money ON measures(ifnull(due_on, '9999-12-31'), household_id, budget_fen,
  spent_fen) WHERE deleted_at IS NULL AND status IN ('planned', 'in_progress');
CREATE INDEX measures_plan ON measures(plan_id) WHERE deleted_at IS NULL;
CREATE INDEX measures_helper ON measures(helper_id, ifnull(due_on, '9999-12-31')) WHERE deleted_at IS NULL;

-- A household has at most one current helper; households.helper_id names the same one.
CREATE UNIQUE INDEX helper_assignments_current ON helper_assignments(household_id)
  WHERE ended_on IS NULL AND deleted_at IS NULL;
CREATE INDEX helpers_name ON helpers(name) WHERE deleted_at IS NULL;
