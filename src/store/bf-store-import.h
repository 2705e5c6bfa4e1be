/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Imports of spreadsheets into the register (bf-store-import*.c). Reading and checking a sheet is
 * src/report's work (bf-import.h, bf-import-run.h); the store is handed households ready for the
 * register, one at a time, and writes a whole import in one transaction:
 *
 *   importer = bf_store_importer_new (store, &spec, TRUE, &error);   begins the write
 *   for each household: bf_store_importer_add (importer, &item, choice, &outcome, &error);
 *   bf_store_importer_finish (importer, TRUE, rows, refused, &record, &error);   commits: 'done'
 *
 * Cancelled or stopped half-way, bf_store_importer_finish (…, FALSE, …) rolls everything back and
 * records the import as 'cancelled': the register is as it was, but for that record and its audit
 * entry. One transaction rather than one per batch: a rolled-back import leaves no soft-deleted
 * households behind, whose numbers would stay taken and block importing the fixed sheet again
 * (README, "Importing spreadsheets", has the figures that made it the choice).
 *
 * Every audit entry of an import is recorded as action "import", with its own step ("create",
 * "update", …) and the import's uuid, file name and SHA-256 in its changes. Each household and
 * member it created or updated is linked to it (import_records), so that it can be undone. */

#include "bf-store.h"

G_BEGIN_DECLS

/* An import as the register records it. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *file_name; /* without its folder */
  char *sha256;    /* of the file, hex */
  char *sheet;
  char *signature;    /* of the header row */
  char *on_duplicate; /* "skip", "update" or "stop" */
  char *state;        /* "done", "cancelled" or "undone" */
  char *operator_name;
  char *started_at; /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  char *finished_at;
  char *undone_at; /* NULL unless undone */
  gint64 rows;     /* data rows read */
  gint64 households_created;
  gint64 households_updated;
  gint64 people_created;
  gint64 people_updated;
  gint64 rows_refused;
} BfStoreImport;

void bf_store_import_free (BfStoreImport *record);

/* Every import, the newest first. */
GPtrArray *bf_store_import_list (BfStore *self, GError **error); /* BfStoreImport */
/* The import numbered @id_or_uuid (its id, or its uuid); NOT_FOUND when there is none. */
BfStoreImport *bf_store_import_get (BfStore *self, const char *id_or_uuid, GError **error);
/* The import of the file with @sha256 that is done, not undone, and wrote something; NULL
 * without an error when there is none. Importing that file again changes nothing (a file none of
 * whose households was taken may be imported again once the register is corrected). */
BfStoreImport *bf_store_import_find_done (BfStore *self, const char *sha256, GError **error);

/* The mapping kept for sheets whose header has @signature (JSON of bf_import_mapping_to_json());
 * NULL without an error when there is none. */
char *bf_store_import_mapping_get (BfStore *self, const char *signature, GError **error);
/* Keeps @json as the mapping of @signature (replacing the one kept before), audited. */
gboolean bf_store_import_mapping_save (BfStore *self,
                                       const char *signature,
                                       const char *json,
                                       GError **error);

/* ---- Writing ---- */

typedef struct
{
  const char *file_name; /* shown in the list and in audit entries; its folder is dropped */
  const char *sha256;
  const char *sheet;
  const char *signature;
  const char *mapping_json; /* the mapping used, kept for its signature; NULL: the national list */
  const char *on_duplicate; /* "skip", "update" or "stop": for the record */
} BfStoreImportSpec;

/* What to do with a household the register already has (a duplicate). */
typedef enum
{
  BF_STORE_IMPORT_SKIP,
  BF_STORE_IMPORT_UPDATE,
} BfStoreImportChoice;

typedef enum
{
  BF_STORE_IMPORT_CREATED,
  BF_STORE_IMPORT_UPDATED,   /* a duplicate updated from the sheet */
  BF_STORE_IMPORT_UNCHANGED, /* a duplicate to update that already holds the sheet's values */
  BF_STORE_IMPORT_SKIPPED,   /* a duplicate, skipped */
  BF_STORE_IMPORT_REFUSED,
} BfStoreImportResult;

typedef enum
{
  BF_STORE_IMPORT_REFUSAL_NONE,
  BF_STORE_IMPORT_REFUSAL_CONFLICT,       /* its number and people are in different households */
  BF_STORE_IMPORT_REFUSAL_NUMBER_TAKEN,   /* its number is a deleted household's */
  BF_STORE_IMPORT_REFUSAL_OTHER_TOWNSHIP, /* its county or township is not the register's */
  BF_STORE_IMPORT_REFUSAL_STATUS,         /* a status an import cannot set (a notice step) */
  BF_STORE_IMPORT_REFUSAL_INVALID,        /* the register's checks of a household save refused it */
} BfStoreImportRefusal;

/* What of a household the register holds already. */
typedef struct
{
  int member;          /* the member (index in the household's members); -1: the household number */
  gint64 household_id; /* the active household that has it */
  char *household_number;
  char *head_name;
  char *message; /* translated: "张大山 (ID number …) is already in household … (head …)." */
} BfStoreImportPlace;

typedef struct
{
  BfStoreImportResult result;
  BfStoreImportRefusal refusal;
  char *message; /* REFUSED and SKIPPED: translated, naming the other places */
  /* CREATED, UPDATED, UNCHANGED: the household in the register (created: NULL in a dry run);
   * SKIPPED: the one it duplicates. */
  gint64 household_id;
  char *household_number;
  char *head_name;
  GPtrArray *places; /* BfStoreImportPlace: a duplicate's places in the register; may be empty */
  guint people_created;
  guint people_updated;
  GPtrArray *new_regions; /* char *: villages ("清水村") and groups ("清水村 3组") it created */
} BfStoreImportOutcome;

void bf_store_import_outcome_clear (BfStoreImportOutcome *outcome);

/* A household for the register, as the import's reading gives it. */
typedef struct
{
  /* number NULL: the register numbers it in its village; village_name and group_name name the
   * village and group (village_id and group_id 0): a village or group the register does not have
   * is created (audited) when the county and township are the register's; members with their
   * normalised ID numbers, the head first. */
  const BfHousehold *household;
  const char *county; /* as the sheet writes them; NULL: not given */
  const char *township;
  const char *status; /* a lifecycle status code for a new household; NULL: surveyed */
  guint64 row;        /* its first row in the sheet */
} BfStoreImportItem;

typedef struct _BfStoreImporter BfStoreImporter;

/* @write TRUE begins the import's write (its record, in one transaction); FALSE is a dry run
 * that only reads: bf_store_importer_add() tells what would become of each household. */
BfStoreImporter *bf_store_importer_new (BfStore *self,
                                        const BfStoreImportSpec *spec,
                                        gboolean write,
                                        GError **error);
/* Matches @item against the register and (unless a dry run) writes it: a household whose number
 * or people are in one active household of the register is a duplicate of it, skipped or
 * updated by @choice (updated: the sheet's values that are given replace the register's; an
 * empty cell never erases; new members join; the status is the lifecycle's, never the sheet's).
 * Its number, when a deleted household that an undone import created has it, brings that
 * household back as this import's. A refusal is an outcome, not an error: nothing of it is
 * written. FALSE only when the register cannot be read or written (the import cannot go on). */
gboolean bf_store_importer_add (BfStoreImporter *importer,
                                const BfStoreImportItem *item,
                                BfStoreImportChoice choice,
                                BfStoreImportOutcome *outcome,
                                GError **error);
/* Rolls back everything written so far and goes on as a dry run (an import stopped at a
 * duplicate reads on, to tell all of them). */
void bf_store_importer_abandon (BfStoreImporter *importer);
/* Ends the import: @done TRUE commits it, recorded 'done' (and its mapping kept under its
 * signature); FALSE rolls it back and records it 'cancelled' in a write of its own. A dry run
 * records nothing (@record stays NULL). @rows and @rows_refused are the reading's counts. */
gboolean bf_store_importer_finish (BfStoreImporter *importer,
                                   gboolean done,
                                   guint64 rows,
                                   guint64 rows_refused,
                                   BfStoreImport **record,
                                   GError **error);
/* Rolls back what is not finished. */
void bf_store_importer_free (BfStoreImporter *importer);

/* Undoes import @import_id as a whole, in one transaction: soft-deletes the households it
 * created (and the villages and groups it created that no household uses any more), puts back
 * the fields of the households and members it updated as they were before (from its audit
 * entries) and removes the members it added to them; audited as "undo-import". Refused
 * (BF_STORE_ERROR_REFUSED, naming the household and what happened) when any household or member
 * of the import has been changed since, or a created household has records of its own since
 * (a visit, a plan, a lifecycle step…): undoing would throw that work away. */
gboolean bf_store_import_undo (BfStore *self, gint64 import_id, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfStoreImport, bf_store_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfStoreImporter, bf_store_importer_free)

G_END_DECLS
