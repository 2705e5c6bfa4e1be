/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Demo registers (bf-store-demo*.c). */

#include "bf-store.h"

G_BEGIN_DECLS

/* A deterministic, realistic township for trying the app and
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

G_END_DECLS
