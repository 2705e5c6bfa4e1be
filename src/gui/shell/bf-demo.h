/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The demo township a newcomer can try: a register of its own in the user's data folder
 * (…/bangfu/demo.bangfu), never the caseworker's real one. */
#define BF_DEMO_HOUSEHOLDS 1000

char *bf_demo_path (void);

/* Creates the demo register at @path with @n_households households, in a thread. Fails with
 * G_IO_ERROR_EXISTS when @path exists; a failed or cancelled creation leaves no file behind. */
void bf_demo_create_async (const char *path,
                           guint n_households,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
gboolean bf_demo_create_finish (GAsyncResult *result, GError **error);

G_END_DECLS
