/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* One lock for every writer of a register (bf-store-lock.c): "REGISTER.lock", held with flock()
 * by the window that has the register open, by a command that writes to it and by a restore.
 * Readers take none: a window's register can always be read. */

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BF_LOCK_WINDOW, /* one window per register; the writers of its own process share its lock */
  BF_LOCK_WRITER, /* a writing command, or a window's worker thread: shares its process's lock */
  BF_LOCK_SOLE,   /* a restore: nobody else may hold it, not even this process */
} BfLockKind;

typedef struct _BfLock BfLock;

/* NULL with @error set: BF_STORE_ERROR_IN_USE naming the program, host and pid that hold it, or
 * IO. With @read_only, a lock file that cannot be created (read-only media) is no error: the
 * lock returned holds nothing, since nobody can write there. */
BfLock *
_bf_lock_take (const char *register_path, BfLockKind kind, gboolean read_only, GError **error);
void _bf_lock_drop (BfLock *lock);

G_END_DECLS
