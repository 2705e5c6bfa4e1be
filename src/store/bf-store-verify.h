/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The whole-file check of an open register, in the background (bf-store-verify.c).
 *
 * Opening checks only what the first screen reads (its length, its journal, the small tables,
 * the first page of the household list), so that a register of any size opens at once. This is
 * the rest: SQLite's quick_check over every page, on a read-only connection of its own, while
 * the window is in use. When it finds damage the store stops writing at once (every write is
 * refused with BF_STORE_ERROR_DAMAGED, closing makes no backup and merges no journal), and the
 * newest backup that passes the same check is found, for the window to offer:
 *
 *   bf_store_verify_async (store, cancellable, verified_cb, self);
 *   …
 *   v = bf_store_verify_finish (store, result, &error);
 *   if (v != NULL && v->damaged)
 *     show v->message; offer v->backup_path (NULL: no sound backup) — bf_store_close (), then
 *     bf_store_restore (path, v->backup_path, …) and open again
 *
 * A read of the window that meets a damaged page before the check gets there stops the writes the
 * same way (bf_store_dup_damage () tells). `bangfu-cli check --quick` runs bf_store_verify (). */

#include "bf-store.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean damaged;
  char *message;     /* when damaged: for the caseworker, naming the file and what SQLite found */
  char *backup_path; /* when damaged: the newest backup that passes quick_check now; NULL: none */
} BfStoreVerification;

/* Runs quick_check over the whole file of @self on a connection of its own (safe in any thread
 * while @self is used in another). NULL with @error when the check could not run (CANCELLED, IO);
 * damage is a result, not an error. */
BfStoreVerification *bf_store_verify (BfStore *self, GCancellable *cancellable, GError **error);
void bf_store_verify_async (BfStore *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
BfStoreVerification *bf_store_verify_finish (BfStore *self, GAsyncResult *result, GError **error);
void bf_store_verification_free (BfStoreVerification *verification);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BfStoreVerification, bf_store_verification_free)

/* The damage known of @self's file (a message for the caseworker), NULL while none is: once set,
 * writes are refused. Any thread. */
char *bf_store_dup_damage (BfStore *self);

G_END_DECLS
