/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bf-form.h"
#include "bf-store-plans.h"

G_BEGIN_DECLS

/* What the assistance-plan widgets share: a list item holding a store record, windows for
 * forms, messages, and the choices and checks of their forms. */

#define BF_TYPE_RECORD_ITEM (bf_record_item_get_type ())
G_DECLARE_FINAL_TYPE (BfRecordItem, bf_record_item, BF, RECORD_ITEM, GObject)

/* An item owning @record, freed with @free_record. */
BfRecordItem *bf_record_item_new (gpointer record, GDestroyNotify free_record);
gpointer bf_record_item_get (BfRecordItem *self);

/* A GListStore of BfRecordItem, one per record of @records (taken: the records move into the
 * items, to be freed with @free_record; the array is released). */
GListStore *bf_record_store_new (GPtrArray *records, GDestroyNotify free_record);

/* Shows @content (with its own header bar) in a modal window over @parent's window; the window
 * is destroyed with its parent. */
GtkWindow *
bf_plans_present (GtkWidget *parent, GtkWidget *content, const char *title, int width, int height);
/* Closes the window @widget is in, when it is one bf_plans_present() made. */
void bf_plans_close_window (GtkWidget *widget);

/* Opens household @id in the Households page (the window's "win.show-household" action). */
void bf_plans_open_household (GtkWidget *widget, gint64 id);

/* The choices of a helper field: "" (@none_label) first, then the active helpers, and @keep_id
 * even when retired. */
void bf_plans_helper_choices (BfStore *store,
                              const char *none_label,
                              gint64 keep_id,
                              GStrv *values,
                              GStrv *labels);
/* Ids as form values: "" for 0. */
char *bf_plans_id_text (gint64 id);
gint64 bf_plans_id_parse (const char *text);

/* Replaces *@field with the field's stripped text (NULL when empty). */
void bf_plans_form_take (BfForm *form, const char *key, char **field);
/* Reads a money field (yuan) into fen, or a date field; empty: 0 / NULL. On a wrong value
 * marks the field with the reason and returns FALSE. */
gboolean bf_plans_form_money (BfForm *form, const char *key, gint64 *fen);
gboolean bf_plans_form_date (BfForm *form, const char *key, char **date);
/* "1,234.50" for a form field ("" for 0 when @blank_zero). */
char *bf_plans_money_text (gint64 fen, gboolean blank_zero);

/* Today as "YYYY-MM-DD" (BANGFU_TODAY in tests). */
char *bf_plans_today (void);

/* "001-00001 张三 · 东村" */
char *bf_plans_household_title (const char *number, const char *head, const char *village);
/* "Health care · Family doctor for chronic illness" */
char *bf_plans_measure_kind (const char *category, const char *subtype);
/* "Due 2026-09-30 · In progress · budget 1,500.00, spent 200.00" */
char *bf_plans_measure_summary (const BfMeasure *measure);
/* "2026-05-02 · 周帮扶 · Home visit" */
char *bf_plans_visit_title (const BfVisit *visit);

G_END_DECLS
