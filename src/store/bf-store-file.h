/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Whole or absent: every file Bangfu writes for the user goes through a BfOutput — printed PDFs,
 * ledgers, backups, a restored or new register, and what comes later (import reports, exchange
 * files). A writer that opens a file of its own beside the destination instead can leave half a
 * file where the old one was, or a copy of personal data that nothing removes.
 *
 *   g_autoptr (BfOutput) out = bf_output_new (path, error);
 *   bf_output_write (out, …) — or a library writes to bf_output_get_temp_path (out) itself
 *   bf_output_finish (out, check, data, error);   every write and the fsync checked, then @check
 *   bf_output_commit (out, NULL, NULL, error);     renamed over @path, the folder synced
 *
 * The temporary is a hidden file beside @path, created 0600 whatever the umask, and held with
 * flock() while its writer lives. Freeing a BfOutput that was not committed removes it. Every
 * error says what happened to the destination: unchanged, or (after the rename) in place but
 * not yet safe on the disk. Errors are BF_STORE_ERROR_IO. */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BfOutput BfOutput;

/* Reads the finished temporary back (a PDF's trailer, a workbook's zip directory, a backup's
 * integrity check); FALSE with @error refuses it. */
typedef gboolean (*BfOutputCheckFunc) (const char *temp_path, gpointer user_data, GError **error);
/* Runs once the new file is in place (e.g. recording the export in the register); FALSE puts the
 * old file back and fails the commit with @error. */
typedef gboolean (*BfOutputConfirmFunc) (gpointer user_data, GError **error);

/* Removes the leftovers of killed runs beside @path (see bf_output_sweep) and creates the
 * temporary. */
BfOutput *bf_output_new (const char *path, GError **error);
const char *bf_output_get_path (BfOutput *self);
const char *bf_output_get_temp_path (BfOutput *self);
/* All of @data, or FALSE with @error; a failed write is remembered: bf_output_finish fails too. */
gboolean bf_output_write (BfOutput *self, const void *data, gsize size, GError **error);
/* Copies the file @source into the temporary, every read and write checked. */
gboolean bf_output_copy_file (BfOutput *self, const char *source, GError **error);
/* A library that wrote the temporary itself failed (@reason, a phrase: "out of memory"): the
 * temporary is removed and @error says so, with what happened to the destination. */
void bf_output_abort (BfOutput *self, const char *reason, GError **error);
/* Syncs the temporary to the disk and runs @check (may be NULL) on it. On failure the temporary
 * is removed and nothing else is touched. */
gboolean
bf_output_finish (BfOutput *self, BfOutputCheckFunc check, gpointer user_data, GError **error);
/* Puts the finished temporary in place of the destination and syncs the folder. With @confirm,
 * the old file is kept under a hidden name until @confirm has succeeded, and put back if it
 * fails (on a disk without hard links @confirm runs before the rename instead). */
gboolean
bf_output_commit (BfOutput *self, BfOutputConfirmFunc confirm, gpointer user_data, GError **error);
/* Puts the finished temporary at @path only if nothing is there: FALSE with *@taken set and no
 * error when the name is taken (try another), FALSE with @error on a failure. */
gboolean bf_output_commit_new (BfOutput *self, const char *path, gboolean *taken, GError **error);
void bf_output_free (BfOutput *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfOutput, bf_output_free)

/* The temporaries of writers that were killed, in @dir: those of this helper (".NAME.bangfu-tmp-
 * XXXXXX", with SQLite's -wal, -shm, -journal) when no live writer holds them, and the names the
 * writers of Bangfu 0.1 used (".partial-", ".restoring-", ".new-", ".~NAME.xlsx.", ".NAME.pdf.").
 * Each is removed; one that cannot be removed is emptied, and named to the notice function.
 * Returns how many were removed. */
guint bf_output_sweep (const char *dir);

/* Where bf_output_sweep names the leftovers it could not remove (default: g_message). */
typedef void (*BfOutputNoticeFunc) (const char *message, gpointer user_data);
void bf_output_set_notice_func (BfOutputNoticeFunc func, gpointer user_data);

/* What an errno value means to a caseworker ("the disk is full"), translated. */
const char *bf_output_reason (int errsv);

G_END_DECLS
