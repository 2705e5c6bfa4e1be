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

/* Writes a household with its head straight into the tables (status "surveyed", village 1),
 * bypassing the household API; sex and birth date come from @head_id. Returns its id. */
gint64 bf_test_add_household (BfStore *store,
                              const char *number,
                              const char *head_name,
                              const char *head_id);
/* A valid ID number: region 110105, @birth "YYYYMMDD", sequence @seq (odd: male). */
char *bf_test_id_number (const char *birth, guint seq);
/* The first column of the first row of @sql on the store's connection; asserts a row. */
gint64 bf_test_query_int (BfStore *store, const char *sql);
char *bf_test_query_text (BfStore *store, const char *sql);
/* Runs SQL on the store's connection; asserts success. */
void bf_test_exec (BfStore *store, const char *sql);
/* Overwrites with garbage the @nth leaf page (0: the first) of @table (or index) in the closed
 * register @path, as a failing disk would; the file keeps its length. Returns the page number. */
gint64 bf_test_damage_page (const char *path, const char *table, guint nth);

G_END_DECLS
