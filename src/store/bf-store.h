/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bf-lifecycle.h"
#include "bf-records.h"

G_BEGIN_DECLS

#define BF_STORE_ERROR (bf_store_error_quark ())

/* Codes a caller can act on; every message is written for a caseworker. */
typedef enum
{
  BF_STORE_ERROR_NOT_A_REGISTER,   /* the file is not a Bangfu register */
  BF_STORE_ERROR_DAMAGED,          /* quick_check or integrity failed: never modified */
  BF_STORE_ERROR_TOO_NEW,          /* written by a newer Bangfu */
  BF_STORE_ERROR_IN_USE,           /* another Bangfu window has the file open */
  BF_STORE_ERROR_IO,               /* cannot read, write or create the file */
  BF_STORE_ERROR_NOT_FOUND,        /* no such record (or it is deleted) */
  BF_STORE_ERROR_INVALID,          /* a field is missing or wrong: the message names it */
  BF_STORE_ERROR_DUPLICATE_PERSON, /* the ID number is in another active household: named */
  BF_STORE_ERROR_DUPLICATE_NUMBER, /* the household number exists */
  BF_STORE_ERROR_REFUSED,          /* the lifecycle refuses the step: the message says why */
  BF_STORE_ERROR_CANCELLED,
  BF_STORE_ERROR_FAILED,
} BfStoreError;

GQuark bf_store_error_quark (void);

typedef enum
{
  BF_STORE_OPEN_DEFAULT = 0,
  BF_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Hold the file for this process: a second GUI instance on it gets BF_STORE_ERROR_IN_USE. */
  BF_STORE_OPEN_EXCLUSIVE = 1 << 1,
  /* With READ_ONLY: another connection to a register this process has open (and so has checked
   * already), for a worker thread. Skips the file checks, which take seconds on a large register.
   */
  BF_STORE_OPEN_READER = 1 << 2,
} BfStoreOpenFlags;

#define BF_TYPE_STORE (bf_store_get_type ())
G_DECLARE_FINAL_TYPE (BfStore, bf_store, BF, STORE, GObject)

/* What a new register starts with. */
typedef struct
{
  const char *county;
  const char *township;
  const char *const *villages; /* NULL-terminated, at least one */
  guint groups_per_village;    /* groups named "1组", "2组", … (0: none) */
  const char *operator_name;
} BfRegisterSpec;

BfStore *bf_store_create (const char *path, const BfRegisterSpec *spec, GError **error);
BfStore *bf_store_open (const char *path, BfStoreOpenFlags flags, GError **error);
/* Backs up when anything changed since open (or since the last backup), then closes. */
gboolean bf_store_close (BfStore *self, GError **error);

const char *bf_store_get_path (BfStore *self);
const char *bf_store_get_uuid (BfStore *self); /* the register's own uuid (register_info) */
const char *bf_store_get_county (BfStore *self);
const char *bf_store_get_township (BfStore *self);
/* The name written into every audit entry. */
void bf_store_set_operator (BfStore *self, const char *operator_name);
const char *bf_store_get_operator (BfStore *self);
/* Data version: changes whenever any process commits a write (for refreshing views). */
gint64 bf_store_get_change_counter (BfStore *self);

/* Regions */
GPtrArray *bf_store_list_villages (BfStore *self, GError **error); /* of BfVillage, with groups */
/* Adds a village (name trimmed, unique among villages) with groups "1组".."N组"; returns its id or
 * 0. */
gint64 bf_store_village_add (BfStore *self, const char *name, guint n_groups, GError **error);
/* Adds a group to a village (name trimmed, unique in the village); returns its id or 0. */
gint64 bf_store_group_add (BfStore *self, gint64 village_id, const char *name, GError **error);

/* Households: one transaction each, with audit entries. A new household has id 0. */
/* Saving validates first (BF_STORE_ERROR_INVALID names the field), writes the household, its
 * members and its latest survey in one transaction, and on success refreshes @household from the
 * register (ids, uuids, person numbers, derived sex/birth date/per-capita income). On failure
 * nothing is written and @household is unchanged. */
gboolean bf_store_household_save (BfStore *self, BfHousehold *household, GError **error);
/* get and get_by_number also return deleted households (deleted_at set); save refuses them. */
BfHousehold *bf_store_household_get (BfStore *self, gint64 id, GError **error);
BfHousehold *bf_store_household_get_by_number (BfStore *self, const char *number, GError **error);
gboolean bf_store_household_delete (BfStore *self, gint64 id, GError **error); /* soft */
gboolean bf_store_household_restore (BfStore *self, gint64 id, GError **error);
/* The next free number of the village: "VVV-NNNNN", the village's id (three digits) and the
 * household's sequence in the village (five digits), e.g. "003-00157". Person numbers are the
 * household number plus "-NN". */
char *bf_store_household_next_number (BfStore *self, gint64 village_id, GError **error);
/* The active household that has @id_number (normalised first) as a member: TRUE with its id and
 * number; FALSE when there is none (or on error, with @error set). What a caller reads after
 * BF_STORE_ERROR_DUPLICATE_PERSON. */
gboolean bf_store_find_person (BfStore *self,
                               const char *id_number,
                               gint64 *household_id,
                               char **household_number,
                               GError **error);

/* Search with SQL filtering and sorting, keyset paging. Text is a literal substring of the
 * household number, an active member's name or ID number (any length, case folded). */
BfHouseholdPage *bf_store_household_search (BfStore *self,
                                            const BfHouseholdQuery *query,
                                            const BfHouseholdCursor *after, /* NULL: first page */
                                            guint limit,
                                            GError **error);
gint64 bf_store_household_count (BfStore *self, const BfHouseholdQuery *query, GError **error);

/* History: audit entries and lifecycle events of one record, newest first. */
GPtrArray *bf_store_audit_for (BfStore *self, const char *uuid, GError **error); /* BfAuditEntry */
GPtrArray *bf_store_events_for (BfStore *self, gint64 household_id, GError **error); /* BfEvent */
/* The review an event refers to (ref_kind "review"); NULL with BF_STORE_ERROR_NOT_FOUND. */
BfReview *bf_store_review_get (BfStore *self, gint64 id, GError **error);

/* Lifecycle (domain.md §4): the facts a caseworker gives for one step. */
typedef struct
{
  const char *event_date; /* "YYYY-MM-DD", NULL: today; never in the future */
  const char *reason;     /* required for reject and send back */
  const char *ref_kind; /* the record that justifies the step: "survey", "meeting", "notice", … */
  gint64 ref_id;        /* 0: none */
  const char *document_number; /* 文号: required for county approvals */
  gint64 notice_id; /* the notice concerned; 0: the household's latest notice of the step's kind */
  /* A review decision (bf_lifecycle_review(): verification, township review, county approval, or
   * the reject or send back that decides one instead): the verifier, reviewer or approver. When
   * set, the step also records the review (level, purpose, @reviewer, date, decision from the
   * action, @opinion, @document_number) and the event refers to it (ref_kind "review"; @ref_kind
   * must be NULL then). NULL: no review recorded. */
  const char *reviewer;
  const char *opinion; /* the review's opinion (审核意见); NULL: none */
} BfTransitionFacts;

/* Applies @action to the household through the core state machine: updates its status, appends a
 * workflow event (and the review, see above) and audit entries, in one transaction. A step the
 * lifecycle refuses fails with BF_STORE_ERROR_REFUSED and the core's reason; nothing is written.
 * A reviewer for a step that decides no review fails with BF_STORE_ERROR_INVALID. */
gboolean bf_store_household_transition (BfStore *self,
                                        gint64 household_id,
                                        BfAction action,
                                        const BfTransitionFacts *facts,
                                        GError **error);

/* Audit chain: returns FALSE and names the first broken entry in @error. */
gboolean bf_store_audit_verify (BfStore *self, gint64 *n_checked, GError **error);

/* Full check: SQLite integrity and foreign keys, the audit chain and the domain rules.
 * @problems receives readable lines (empty when all is well); FALSE only when the check itself
 * could not run. */
gboolean bf_store_check (BfStore *self, GPtrArray **problems, GError **error);

/* Backups into "backups/" beside the register (or @dir); returns the new file's path. Reads
 * through a connection of its own, so it may run in a worker thread while the store goes on
 * writing in the main thread; the copy holds every write committed before it began. */
char *bf_store_backup (BfStore *self, const char *dir, GError **error);
GPtrArray *bf_store_list_backups (const char *register_path,
                                  GError **error); /* of char* paths, newest first */
/* Puts @backup_path in place of @register_path; the old file is set aside, never deleted. */
gboolean bf_store_restore (const char *register_path, const char *backup_path, GError **error);

/* Settings kept in the register (lines, notice defaults, …). Values are text; booleans "1"/"0",
 * numbers in decimal. A new register has every key below set. */
#define BF_SETTING_OPERATOR "operator" /* last operator name */
#define BF_SETTING_TOWNSHIP_NOTICE                                                                 \
  "notice.township_enabled" /* "1": the township notice step is on */
#define BF_SETTING_NOTICE_DAYS           "notice.default_days" /* "7" */
#define BF_SETTING_NOTICE_MIN_DAYS       "notice.minimum_days" /* "7": no notice may be shorter */
#define BF_SETTING_NOTICE_MASKED_IDS     "notice.masked_ids" /* "0": "1" prints masked ID numbers */
#define BF_SETTING_NOTICE_ISSUER         "notice.issuing_body" /* the township's name at creation */
#define BF_SETTING_SUPERVISION_PHONE     "notice.supervision_phone"
#define BF_SETTING_FOLLOWUP_YEARS        "exit.followup_years"     /* "5", 0 to 50 */
#define BF_SETTING_NOT_VISITED_DAYS      "visits.not_visited_days" /* "90", 1 to 3650 */
#define BF_SETTING_EXIT_STABLE_MONTHS    "exit.stable_months" /* "6": income above the line for */
#define BF_SETTING_EXIT_MONITORED_MONTHS "exit.monitored_months" /* "6" */

char *bf_store_setting_get (BfStore *self, const char *key); /* NULL: not set */
gboolean bf_store_setting_set (BfStore *self, const char *key, const char *value, GError **error);
/* The follow-up years (an exited household stays in follow-up that long) and the visit interval (a
 * household not visited for that many days is listed as not visited): the register's values, or
 * the defaults (5, 90) for a register made before it kept them. */
guint bf_store_followup_years (BfStore *self);
guint bf_store_not_visited_days (BfStore *self);

/* Drafts: unsaved forms. */
gboolean bf_store_draft_save (BfStore *self,
                              const char *form,
                              const char *target_uuid,
                              const char *json,
                              GError **error);
char *bf_store_draft_load (BfStore *self, const char *form, const char *target_uuid);
GPtrArray *bf_store_draft_list (BfStore *self, GError **error); /* BfDraft */
gboolean
bf_store_draft_discard (BfStore *self, const char *form, const char *target_uuid, GError **error);

/* Demo registers (bf-store-demo.c): a deterministic, realistic township for trying the app and
 * for benchmarks. Every date is relative to a fixed reference date (2026-09-30), every random
 * choice comes from @seed, so the same seed on the same register gives the same records. */
#define BF_DEMO_MAX_VILLAGES 40
typedef void (*BfDemoProgress) (guint done, guint total, gpointer user_data);

/* A new register for the demo county and township with @n_villages villages of 8 groups. */
BfStore *bf_store_demo_create (const char *path,
                               guint n_villages,
                               const char *operator_name,
                               GError **error);
/* Adds @n_households households with their members and their whole history to the register's
 * villages, in batches of 1,000 households: one transaction and one audit entry per batch. When
 * cancelled, the batches already committed stay. */
gboolean bf_store_demo_generate (BfStore *self,
                                 guint n_households,
                                 guint32 seed,
                                 BfDemoProgress progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 GError **error);

/* Figures for bangfu-cli stats (bf-store-stats.c). */
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
