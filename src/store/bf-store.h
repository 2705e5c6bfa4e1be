/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS

/* Transitional: src/gui still includes bf-store.h for everything; removed once the GUI includes
 * what it uses. The rest of the tree includes the feature headers it uses directly (store,
 * report, cli and their tests build with BF_STORE_NO_TRANSITIONAL to keep it so). */
#ifndef BF_STORE_NO_TRANSITIONAL
#include "bf-store-audit.h"
#include "bf-store-backup.h"
#include "bf-store-check.h"
#include "bf-store-demo.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-store-stats.h"
#include "bf-store-workflow.h"
#endif
