/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-store.h"

G_BEGIN_DECLS

/* A new register "NAME" in @dir with @n_villages villages ("村1", "村2", …) of three groups
 * each, operator "测试员"; asserts success. */
BfStore *bf_test_store_new (const char *dir, const char *name, guint n_villages);
/* The file's bytes; asserts it can be read. */
GBytes *bf_test_file_bytes (const char *path);
/* Copies a file; asserts success. */
void bf_test_copy_file (const char *from, const char *to);

G_END_DECLS
