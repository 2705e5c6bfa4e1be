/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the Python script @script of the tests' source folder with @dir as its argument (the
 * import's fixture writers, import-fixtures.py and fuzz/make-corpus.py); asserts success. */
void bf_test_import_write_fixtures (const char *script, const char *dir);
/* The ID number of 17 digits and their check character. */
char *bf_test_id_of (const char *first17);
/* The import tests' today: 2026-12-01, against which ID numbers' birth dates are checked. */
void bf_test_import_today (GDate *date);

G_END_DECLS
