-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the whole register of docs/domain.md. Conventions:
--   every record: id (rowid), uuid (stable, unique), created_at/updated_at (ISO 8601 UTC), deleted_at (soft delete)
--   money: integer fen (*_fen); dates: 'YYYY-MM-DD' text; codes: stable short strings from src/core/bf-codes.c
--   booleans: 0/1 integers; NULL means "not recorded".

CREATE TABLE register_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  uuid TEXT NOT NULL UNIQUE,
  county TEXT NOT NULL,
  township TEXT NOT NULL,
  application TEXT NOT NULL DEFAULT 'io.github.bangfu.Bangfu',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE villages (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX villages_name ON villages(name) WHERE deleted_at IS NULL;

CREATE TABLE village_groups (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  village_id INTEGER NOT NULL REFERENCES villages(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX village_groups_name ON village_groups(village_id, name) WHERE deleted_at IS NULL;

CREATE TABLE helpers (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  unit TEXT,
  level TEXT,                       -- helper_level code
  position TEXT,
  phone TEXT,
  retired_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL CHECK (length(trim(number)) > 0),   -- 户编号, unique and stable
  village_id INTEGER NOT NULL REFERENCES villages(id),
  group_id INTEGER REFERENCES village_groups(id),
  address TEXT,
  phone TEXT,
  bank_name TEXT,
  bank_account TEXT,                -- sensitive: never printed
  attribute TEXT,                   -- attribute code (一般贫困户, 低保贫困户, 特困供养户)
  monitoring_type TEXT,             -- monitoring_type code
  standard TEXT,                    -- identification standard code (national/provincial)
  primary_cause TEXT,               -- cause code, exactly one when identified
  other_cause_1 TEXT,
  other_cause_2 TEXT,
  cause_note TEXT,
  house_area_m2 REAL CHECK (house_area_m2 IS NULL OR house_area_m2 >= 0),
  dangerous_house INTEGER CHECK (dangerous_house IN (0, 1)),
  relocated INTEGER CHECK (relocated IN (0, 1)),
  farmland_mu REAL CHECK (farmland_mu IS NULL OR farmland_mu >= 0),
  forest_mu REAL CHECK (forest_mu IS NULL OR forest_mu >= 0),
  livestock TEXT,
  industry TEXT,                    -- 产业发展情况
  status TEXT NOT NULL DEFAULT 'surveyed',   -- lifecycle status code (src/core/bf-lifecycle.h)
  status_since TEXT,
  first_identified_on TEXT,
  helper_id INTEGER REFERENCES helpers(id),
  -- kept in step by the store on every write, so that lists sort and filter in SQL without joins
  head_name TEXT NOT NULL DEFAULT '',
  member_count INTEGER NOT NULL DEFAULT 0,
  per_capita_fen INTEGER,           -- from the latest survey
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (other_cause_1 IS NULL OR primary_cause IS NOT NULL),
  CHECK (other_cause_2 IS NULL OR other_cause_1 IS NOT NULL),
  CHECK (other_cause_1 IS NULL OR other_cause_1 <> primary_cause),
  CHECK (other_cause_2 IS NULL OR (other_cause_2 <> primary_cause AND other_cause_2 <> other_cause_1))
);
CREATE UNIQUE INDEX households_number ON households(number);
CREATE INDEX households_village ON households(village_id, group_id) WHERE deleted_at IS NULL;
CREATE INDEX households_status ON households(status) WHERE deleted_at IS NULL;
CREATE INDEX households_head ON households(head_name) WHERE deleted_at IS NULL;
CREATE INDEX households_updated ON households(updated_at) WHERE deleted_at IS NULL;
CREATE INDEX households_helper ON households(helper_id) WHERE deleted_at IS NULL;

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  person_number TEXT,               -- 人编号 (household number + two digits)
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  id_number TEXT NOT NULL,          -- GB 11643, validated by the core, upper-case X
  relation TEXT NOT NULL,           -- relation code; 'head' exactly once per household
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  ethnicity TEXT,
  education TEXT,
  school_status TEXT,
  health TEXT,
  disability_grade INTEGER CHECK (disability_grade IS NULL OR disability_grade BETWEEN 1 AND 4),
  labour TEXT,
  work_status TEXT,
  work_months INTEGER CHECK (work_months IS NULL OR work_months BETWEEN 0 AND 12),
  medical_insurance INTEGER CHECK (medical_insurance IN (0, 1)),
  serious_illness_insurance INTEGER CHECK (serious_illness_insurance IN (0, 1)),
  pension_insurance INTEGER CHECK (pension_insurance IN (0, 1)),
  phone TEXT,
  -- 1 while the household is not deleted: maintained by trigger, so the unique index below can see it
  household_active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- One person (ID number) belongs to at most one active household.
CREATE UNIQUE INDEX members_active_person ON members(id_number)
  WHERE deleted_at IS NULL AND household_active = 1;
CREATE INDEX members_household ON members(household_id);
CREATE INDEX members_name ON members(name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX members_one_head ON members(household_id)
  WHERE relation = 'head' AND deleted_at IS NULL;

CREATE TRIGGER households_soft_delete_members AFTER UPDATE OF deleted_at ON households
BEGIN
  UPDATE members SET household_active = (NEW.deleted_at IS NULL) WHERE household_id = NEW.id;
END;

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  year INTEGER NOT NULL,
  surveyed_on TEXT,
  surveyor TEXT,
  verifier TEXT,
  verified_on TEXT,
  wage_fen INTEGER NOT NULL DEFAULT 0,
  business_fen INTEGER NOT NULL DEFAULT 0,
  property_fen INTEGER NOT NULL DEFAULT 0,
  transfer_fen INTEGER NOT NULL DEFAULT 0,
  business_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (business_expense_fen >= 0),
  education_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (education_expense_fen >= 0),
  medical_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (medical_expense_fen >= 0),
  housing_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (housing_expense_fen >= 0),
  pension_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (pension_expense_fen >= 0),
  rigid_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (rigid_expense_fen >= 0),
  debt_fen INTEGER NOT NULL DEFAULT 0 CHECK (debt_fen >= 0),
  member_count INTEGER NOT NULL CHECK (member_count > 0),
  per_capita_fen INTEGER NOT NULL,
  -- the six guarantees (两不愁三保障 + 饮水安全): 1 secured, 0 not, with a note each
  food_secured INTEGER CHECK (food_secured IN (0, 1)),
  food_note TEXT,
  clothing_secured INTEGER CHECK (clothing_secured IN (0, 1)),
  clothing_note TEXT,
  education_secured INTEGER CHECK (education_secured IN (0, 1)),
  education_note TEXT,
  medical_secured INTEGER CHECK (medical_secured IN (0, 1)),
  medical_note TEXT,
  housing_secured INTEGER CHECK (housing_secured IN (0, 1)),
  housing_note TEXT,
  water_secured INTEGER CHECK (water_secured IN (0, 1)),
  water_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX surveys_household ON surveys(household_id, surveyed_on);

-- Lifecycle events: every transition of docs/domain.md §4, with the record that justifies it.
CREATE TABLE workflow_events (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  action TEXT NOT NULL,             -- lifecycle action code
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  event_date TEXT NOT NULL,
  operator TEXT NOT NULL,
  reason TEXT,
  ref_kind TEXT,                    -- 'survey', 'meeting', 'notice', 'review', 'acceptance', 'adjustment'
  ref_id INTEGER,
  document_number TEXT,             -- 文号
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX workflow_events_household ON workflow_events(household_id, event_date);
CREATE INDEX workflow_events_date ON workflow_events(event_date);

CREATE TABLE appraisal_meetings (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  village_id INTEGER NOT NULL REFERENCES villages(id),
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL,               -- meeting_kind code: villagers / representatives
  host TEXT,
  entitled INTEGER CHECK (entitled IS NULL OR entitled >= 0),
  present INTEGER CHECK (present IS NULL OR present >= 0),
  minutes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (present IS NULL OR entitled IS NULL OR present <= entitled)
);

CREATE TABLE appraisal_votes (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES appraisal_meetings(id),
  household_id INTEGER NOT NULL REFERENCES households(id),
  votes_for INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL DEFAULT 0 CHECK (abstentions >= 0),
  passed INTEGER CHECK (passed IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX appraisal_votes_once ON appraisal_votes(meeting_id, household_id) WHERE deleted_at IS NULL;

CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,               -- notice_kind code: village_identification, township, county, exit
  village_id INTEGER REFERENCES villages(id),   -- NULL: the whole township
  title TEXT NOT NULL,
  body TEXT,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
  issuing_body TEXT,
  supervision_phone TEXT,
  posting_place TEXT,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'posted', 'closed')),
  posted_on TEXT,
  closed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX notices_state ON notices(state, kind);

CREATE TABLE notice_items (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  notice_id INTEGER NOT NULL REFERENCES notices(id),
  household_id INTEGER NOT NULL REFERENCES households(id),
  position INTEGER NOT NULL,
  reason TEXT,                      -- the reason column printed for the notice's purpose
  removed_on TEXT,                  -- an upheld objection takes the household off the notice
  removed_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX notice_items_once ON notice_items(notice_id, household_id) WHERE deleted_at IS NULL;
CREATE INDEX notice_items_household ON notice_items(household_id);

CREATE TABLE objections (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  notice_id INTEGER NOT NULL REFERENCES notices(id),
  household_id INTEGER NOT NULL REFERENCES households(id),
  received_on TEXT NOT NULL,
  complainant TEXT,                 -- protected: shown to the caseworker only
  content TEXT NOT NULL,
  verification TEXT,
  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'upheld', 'dismissed')),
  consequence TEXT CHECK (consequence IS NULL OR consequence IN ('reject', 'return')),
  decided_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (result = 'pending' OR decided_on IS NOT NULL)
);
CREATE INDEX objections_notice ON objections(notice_id, result);

-- Township reviews and county approvals, for identification and for exit.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  level TEXT NOT NULL CHECK (level IN ('verification', 'township', 'county')),
  purpose TEXT NOT NULL CHECK (purpose IN ('identification', 'exit')),
  reviewer TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'return')),
  opinion TEXT,
  document_number TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reviews_household ON reviews(household_id);

CREATE TABLE helper_assignments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  helper_id INTEGER NOT NULL REFERENCES helpers(id),
  assigned_on TEXT NOT NULL,
  ended_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX helper_assignments_household ON helper_assignments(household_id);
CREATE INDEX helper_assignments_helper ON helper_assignments(helper_id);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  year INTEGER NOT NULL,
  goal TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX plans_year ON plans(household_id, year) WHERE deleted_at IS NULL;

CREATE TABLE measures (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  household_id INTEGER NOT NULL REFERENCES households(id),
  category TEXT NOT NULL,           -- measure_category code
  subtype TEXT,
  description TEXT NOT NULL,
  department TEXT,                  -- department code
  helper_id INTEGER REFERENCES helpers(id),
  starts_on TEXT,
  due_on TEXT,
  budget_fen INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
  spent_fen INTEGER NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  completed_on TEXT,
  effect TEXT,
  household_confirmed INTEGER CHECK (household_confirmed IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (status <> 'completed' OR completed_on IS NOT NULL),
  CHECK (due_on IS NULL OR starts_on IS NULL OR due_on >= starts_on)
);
CREATE INDEX measures_household ON measures(household_id);
CREATE INDEX measures_due ON measures(status, due_on) WHERE deleted_at IS NULL;

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  helper_id INTEGER REFERENCES helpers(id),
  visited_on TEXT NOT NULL,
  visitor TEXT NOT NULL,
  mode TEXT NOT NULL,               -- visit_mode code: home / phone
  findings TEXT,
  problems TEXT,
  rectification TEXT,
  deadline TEXT,
  rectified_on TEXT,
  satisfaction TEXT,                -- satisfaction code, NULL when not rated
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX visits_household ON visits(household_id, visited_on);
CREATE INDEX visits_date ON visits(visited_on);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  period TEXT NOT NULL,             -- '2026' or '2026Q3'
  assessed_on TEXT NOT NULL,
  per_capita_fen INTEGER NOT NULL,
  poverty_line_fen INTEGER NOT NULL,
  monitoring_line_fen INTEGER NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('below', 'near', 'above')),
  change_fen INTEGER,               -- since the household's previous assessment
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX assessments_household ON assessments(household_id, assessed_on);

CREATE TABLE exit_acceptances (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  accepted_on TEXT NOT NULL,
  team TEXT NOT NULL,               -- JSON array of member names
  checks TEXT NOT NULL,             -- JSON: the exit checks with pass/fail and reason
  exception_note TEXT,              -- the recorded exception (e.g. no labour, social-security support)
  result TEXT NOT NULL CHECK (result IN ('accepted', 'not_accepted')),
  reported_on TEXT,                 -- reported to the county
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX exit_acceptances_household ON exit_acceptances(household_id);

CREATE TABLE adjustments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  household_id INTEGER NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL,               -- adjustment_kind code
  subkind TEXT,                     -- for natural changes: birth, death, marriage, moving
  adjusted_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  approval TEXT,
  document_number TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX adjustments_date ON adjustments(adjusted_on);
CREATE INDEX adjustments_household ON adjustments(household_id);

CREATE TABLE poverty_lines (
  year INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  poverty_line_fen INTEGER NOT NULL CHECK (poverty_line_fen > 0),
  monitoring_line_fen INTEGER NOT NULL CHECK (monitoring_line_fen > 0),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT,
  updated_at TEXT NOT NULL
);

-- Unsaved forms, kept every few seconds so that a crash loses nothing typed.
CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  form TEXT NOT NULL,               -- 'household', 'member', ...
  target_uuid TEXT,                 -- the record being edited, NULL for a new one
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  saved_at TEXT NOT NULL
);
CREATE UNIQUE INDEX drafts_target ON drafts(form, coalesce(target_uuid, ''));

CREATE TABLE ledger_exports (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  quarter TEXT NOT NULL,
  village_id INTEGER REFERENCES villages(id),   -- NULL: the township
  masked INTEGER NOT NULL DEFAULT 0,
  path TEXT NOT NULL,
  rows INTEGER NOT NULL DEFAULT 0,
  operator TEXT NOT NULL,
  exported_at TEXT NOT NULL
);

-- Append-only audit trail with a SHA-256 hash chain.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,             -- 'create', 'update', 'delete', 'restore', 'transition', ...
  entity TEXT NOT NULL,             -- table name
  uuid TEXT,
  changes TEXT NOT NULL CHECK (json_valid(changes)),   -- {"field": [before, after], ...}
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_uuid ON audit_log(uuid);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Household lists: sort orders that are not plain columns, one index each so that a list page
-- walks an index instead of sorting the register (src/store/bf-store-search.c writes the same
-- expressions; they must match to the character).
CREATE INDEX households_sort_village ON households((village_id << 32) | ifnull(group_id, 0))
  WHERE deleted_at IS NULL;
CREATE INDEX households_sort_members ON households(member_count) WHERE deleted_at IS NULL;
CREATE INDEX households_sort_attribute ON households(ifnull(attribute, '')) WHERE deleted_at IS NULL;
CREATE INDEX households_sort_monitoring ON households(ifnull(monitoring_type, '')) WHERE deleted_at IS NULL;
CREATE INDEX households_sort_cause ON households(ifnull(primary_cause, '')) WHERE deleted_at IS NULL;
CREATE INDEX households_sort_income ON households(ifnull(per_capita_fen, -9223372036854775807))
  WHERE deleted_at IS NULL;
-- Filters. A cause may be any of the three: plain (not partial) column indexes, so that SQLite
-- can join the three lookups of "primary = ? OR other 1 = ? OR other 2 = ?"; deleted_at in them
-- answers counts from the index alone. Deleted households are few and found on their own.
CREATE INDEX households_cause_1 ON households(primary_cause, deleted_at);
CREATE INDEX households_cause_2 ON households(other_cause_1, deleted_at);
CREATE INDEX households_cause_3 ON households(other_cause_2, deleted_at);
CREATE INDEX households_deleted ON households(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX households_group ON households(group_id) WHERE deleted_at IS NULL;

-- Household search. One row per household (deleted ones too: the list of deleted households is
-- searchable), rewritten by the store whenever a household is saved. It is the external content
-- of two FTS5 indexes, kept in step by the triggers below:
--   household_search_trigram: substrings of 3+ characters of the number, names and ID numbers;
--   household_search_chars: one token per character of the number and names, so that a query
--     of 1-2 characters is a token or a two-token phrase (trigrams cannot see them).
CREATE TABLE household_search (
  id INTEGER PRIMARY KEY REFERENCES households(id),   -- the household's id
  number TEXT NOT NULL,
  names TEXT NOT NULL,              -- active members' names, head first, separated by U+001F
  ids TEXT NOT NULL,                -- their ID numbers, same order and separator
  chars TEXT NOT NULL               -- number and names, characters separated by spaces, fields by "sep"
);
CREATE VIRTUAL TABLE household_search_trigram USING fts5(
  number, names, ids, content='household_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE household_search_chars USING fts5(
  chars, content='household_search', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER household_search_insert AFTER INSERT ON household_search
BEGIN
  INSERT INTO household_search_trigram(rowid, number, names, ids)
    VALUES (NEW.id, NEW.number, NEW.names, NEW.ids);
  INSERT INTO household_search_chars(rowid, chars) VALUES (NEW.id, NEW.chars);
END;
CREATE TRIGGER household_search_delete AFTER DELETE ON household_search
BEGIN
  INSERT INTO household_search_trigram(household_search_trigram, rowid, number, names, ids)
    VALUES ('delete', OLD.id, OLD.number, OLD.names, OLD.ids);
  INSERT INTO household_search_chars(household_search_chars, rowid, chars)
    VALUES ('delete', OLD.id, OLD.chars);
END;
CREATE TRIGGER household_search_update AFTER UPDATE ON household_search
BEGIN
  INSERT INTO household_search_trigram(household_search_trigram, rowid, number, names, ids)
    VALUES ('delete', OLD.id, OLD.number, OLD.names, OLD.ids);
  INSERT INTO household_search_chars(household_search_chars, rowid, chars)
    VALUES ('delete', OLD.id, OLD.chars);
  INSERT INTO household_search_trigram(rowid, number, names, ids)
    VALUES (NEW.id, NEW.number, NEW.names, NEW.ids);
  INSERT INTO household_search_chars(rowid, chars) VALUES (NEW.id, NEW.chars);
END;
