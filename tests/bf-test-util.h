/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory for one test, removed with its contents by bf_test_tmpdir_free(). */
char *bf_test_tmpdir_new (void);
void bf_test_tmpdir_free (char *dir);

G_END_DECLS
