/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bf-households-page-private.h"

G_BEGIN_DECLS

/* The households page in a window of its own, showing @store. */
typedef struct
{
  GtkWindow *window;
  BfHouseholdsPage *page;
  BfHouseholdEditor *editor;
  BfStore *store;
} BfTestPage;

BfTestPage *bf_test_page_new (BfStore *store);
void bf_test_page_free (BfTestPage *fixture);

/* Until the list has read its query and every row asked for so far. */
void bf_test_page_wait_idle (BfTestPage *fixture);
/* Types @text into the search entry and waits for the list (after the entry's own delay). */
void bf_test_page_search (BfTestPage *fixture, const char *text);
/* The head names of the listed households, in order, each row read from the store. */
GPtrArray *bf_test_page_heads (BfTestPage *fixture);

/* Sets a field of a form as typing or choosing would. */
void bf_test_form_set (BfForm *form, const char *key, const char *value);
/* Opens the member form, fills name, ID number and relation, and presses Done. TRUE when the
 * member was taken (the form closed). */
gboolean bf_test_add_member (BfTestPage *fixture,
                             const char *name,
                             const char *id_number,
                             const char *relation);
/* The village id (as text) of the village named @name. */
char *bf_test_village_id (BfStore *store, const char *name);

/* Answers the message dialog on screen with @response; asserts there is one. */
void bf_test_answer_dialog (const char *response);
AdwMessageDialog *bf_test_find_dialog (void);

/* A saved household with a head and @n_others other members; returns its id. */
gint64 bf_test_save_household (BfStore *store,
                               gint64 village_id,
                               const char *head_name,
                               const char *head_id,
                               guint n_others,
                               guint first_sequence);

G_END_DECLS
