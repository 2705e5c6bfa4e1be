/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-application.h"
#include "bf-store.h"

G_BEGIN_DECLS

#define BF_TYPE_WINDOW (bf_window_get_type ())
G_DECLARE_FINAL_TYPE (BfWindow, bf_window, BF, WINDOW, AdwApplicationWindow)

BfWindow *bf_window_new (BfApplication *application);

/* The whole-file check that runs after a register opened (its property "check", notified when
 * the result is in). */
typedef enum
{
  BF_WINDOW_CHECK_NONE,    /* no register open */
  BF_WINDOW_CHECK_RUNNING, /* opened on a check of its first pages; the rest is being checked */
  BF_WINDOW_CHECK_SOUND,
  BF_WINDOW_CHECK_DAMAGED, /* writes refused; the newest sound backup was offered */
  BF_WINDOW_CHECK_FAILED,  /* the check could not run (logged) */
} BfWindowCheck;

BfWindowCheck bf_window_get_check (BfWindow *self);

/* Opens @file in a worker thread and shows it; on failure shows the error and goes back to
 * what was shown before (the welcome page when no register is open). The file is not modified. */
void bf_window_open_file (BfWindow *self, GFile *file);

/* The open register, or NULL (welcome, new-register form or still opening). */
BfStore *bf_window_get_store (BfWindow *self);

/* One of "households", "notices", "plans", "assessment", "ledgers". */
void bf_window_show_page (BfWindow *self, const char *name);

void bf_window_add_toast (BfWindow *self, const char *title);

/* Starts a quiet backup when the register changed since it was opened or last backed up; returns
 * whether it did. A timer calls it every 30 minutes. */
gboolean bf_window_backup_if_changed (BfWindow *self);

G_END_DECLS
