/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "bf-codes.h"
#include "bf-household-item.h"
#include "bf-lifecycle.h"
#include "bf-money.h"

struct _BfHouseholdItem
{
  GObject parent_instance;

  gint64 id;
  BfHouseholdRow *row;
  /* Display strings, made when the row arrives. */
  char *village_group;
  char *members;
  char *income;
  char *updated;
};

G_DEFINE_FINAL_TYPE (BfHouseholdItem, bf_household_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LOADED,
  PROP_NUMBER,
  PROP_HEAD_NAME,
  PROP_VILLAGE_GROUP,
  PROP_MEMBERS,
  PROP_ATTRIBUTE,
  PROP_MONITORING_TYPE,
  PROP_PRIMARY_CAUSE,
  PROP_STATUS,
  PROP_INCOME,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BfHouseholdRow *
row_copy (const BfHouseholdRow *row)
{
  BfHouseholdRow *copy = g_new0 (BfHouseholdRow, 1);

  *copy = *row;
  copy->uuid = g_strdup (row->uuid);
  copy->number = g_strdup (row->number);
  copy->head_name = g_strdup (row->head_name);
  copy->village_name = g_strdup (row->village_name);
  copy->group_name = g_strdup (row->group_name);
  copy->attribute = g_strdup (row->attribute);
  copy->monitoring_type = g_strdup (row->monitoring_type);
  copy->primary_cause = g_strdup (row->primary_cause);
  copy->status = g_strdup (row->status);
  copy->updated_at = g_strdup (row->updated_at);
  return copy;
}

char *
bf_format_timestamp (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso_utc == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
bf_household_item_finalize (GObject *object)
{
  BfHouseholdItem *self = BF_HOUSEHOLD_ITEM (object);

  g_clear_pointer (&self->row, bf_household_row_free);
  g_free (self->village_group);
  g_free (self->members);
  g_free (self->income);
  g_free (self->updated);

  G_OBJECT_CLASS (bf_household_item_parent_class)->finalize (object);
}

static const char *
code_label (BfCodeList list, const char *code)
{
  const char *label;

  if (code == NULL || *code == '\0')
    return "";
  label = bf_code_label (list, code);
  return label != NULL ? label : code;
}

static const char *
status_label (const char *code)
{
  BfStatus status;

  if (code == NULL)
    return "";
  return bf_status_from_code (code, &status) ? bf_status_label (status) : code;
}

const char *
bf_household_item_get_column_text (BfHouseholdItem *self, BfHouseholdSort column)
{
  const BfHouseholdRow *row;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), "");

  row = self->row;
  if (row == NULL)
    return "";
  switch (column)
    {
      case BF_HOUSEHOLD_SORT_NUMBER:
        return row->number != NULL ? row->number : "";
      case BF_HOUSEHOLD_SORT_HEAD:
        return row->head_name != NULL ? row->head_name : "";
      case BF_HOUSEHOLD_SORT_VILLAGE:
        return self->village_group;
      case BF_HOUSEHOLD_SORT_MEMBERS:
        return self->members;
      case BF_HOUSEHOLD_SORT_ATTRIBUTE:
        return code_label (BF_CODES_ATTRIBUTE, row->attribute);
      case BF_HOUSEHOLD_SORT_MONITORING:
        return code_label (BF_CODES_MONITORING_TYPE, row->monitoring_type);
      case BF_HOUSEHOLD_SORT_CAUSE:
        return code_label (BF_CODES_CAUSE, row->primary_cause);
      case BF_HOUSEHOLD_SORT_STATUS:
        return status_label (row->status);
      case BF_HOUSEHOLD_SORT_INCOME:
        return self->income;
      case BF_HOUSEHOLD_SORT_UPDATED:
        return self->updated;
      default:
        return "";
    }
}

static const BfHouseholdSort property_columns[N_PROPS] = {
  [PROP_NUMBER] = BF_HOUSEHOLD_SORT_NUMBER,
  [PROP_HEAD_NAME] = BF_HOUSEHOLD_SORT_HEAD,
  [PROP_VILLAGE_GROUP] = BF_HOUSEHOLD_SORT_VILLAGE,
  [PROP_MEMBERS] = BF_HOUSEHOLD_SORT_MEMBERS,
  [PROP_ATTRIBUTE] = BF_HOUSEHOLD_SORT_ATTRIBUTE,
  [PROP_MONITORING_TYPE] = BF_HOUSEHOLD_SORT_MONITORING,
  [PROP_PRIMARY_CAUSE] = BF_HOUSEHOLD_SORT_CAUSE,
  [PROP_STATUS] = BF_HOUSEHOLD_SORT_STATUS,
  [PROP_INCOME] = BF_HOUSEHOLD_SORT_INCOME,
  [PROP_UPDATED] = BF_HOUSEHOLD_SORT_UPDATED,
};

static void
bf_household_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfHouseholdItem *self = BF_HOUSEHOLD_ITEM (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_int64 (value, self->id);
        break;
      case PROP_LOADED:
        g_value_set_boolean (value, self->row != NULL);
        break;
      case PROP_NUMBER:
      case PROP_HEAD_NAME:
      case PROP_VILLAGE_GROUP:
      case PROP_MEMBERS:
      case PROP_ATTRIBUTE:
      case PROP_MONITORING_TYPE:
      case PROP_PRIMARY_CAUSE:
      case PROP_STATUS:
      case PROP_INCOME:
      case PROP_UPDATED:
        g_value_set_string (value,
                            bf_household_item_get_column_text (self, property_columns[prop_id]));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
bf_household_item_class_init (BfHouseholdItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bf_household_item_finalize;
  object_class->get_property = bf_household_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] = string_property ("number");
  properties[PROP_HEAD_NAME] = string_property ("head-name");
  properties[PROP_VILLAGE_GROUP] = string_property ("village-group");
  properties[PROP_MEMBERS] = string_property ("members");
  properties[PROP_ATTRIBUTE] = string_property ("attribute");
  properties[PROP_MONITORING_TYPE] = string_property ("monitoring-type");
  properties[PROP_PRIMARY_CAUSE] = string_property ("primary-cause");
  properties[PROP_STATUS] = string_property ("status");
  properties[PROP_INCOME] = string_property ("income");
  properties[PROP_UPDATED] = string_property ("updated");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row was read or read again: every column's text may have changed. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bf_household_item_init (BfHouseholdItem *self)
{
}

BfHouseholdItem *
bf_household_item_new (gint64 id)
{
  /* No construct property: the list makes many of these, and g_object_new() with properties
   * takes the slow path. */
  BfHouseholdItem *self = g_object_new (BF_TYPE_HOUSEHOLD_ITEM, NULL);

  self->id = id;
  return self;
}

gint64
bf_household_item_get_id (BfHouseholdItem *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), 0);

  return self->id;
}

gboolean
bf_household_item_get_loaded (BfHouseholdItem *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), FALSE);

  return self->row != NULL;
}

const BfHouseholdRow *
bf_household_item_get_row (BfHouseholdItem *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), NULL);

  return self->row;
}

const char *
bf_household_item_get_number (BfHouseholdItem *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), NULL);

  return self->row != NULL ? self->row->number : NULL;
}

const char *
bf_household_item_get_head_name (BfHouseholdItem *self)
{
  g_return_val_if_fail (BF_IS_HOUSEHOLD_ITEM (self), NULL);

  return self->row != NULL ? self->row->head_name : NULL;
}

static gboolean
str_equal0 (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
row_equal (const BfHouseholdRow *a, const BfHouseholdRow *b)
{
  return a->id == b->id && a->member_count == b->member_count &&
         a->per_capita_fen == b->per_capita_fen && str_equal0 (a->number, b->number) &&
         str_equal0 (a->head_name, b->head_name) && str_equal0 (a->village_name, b->village_name) &&
         str_equal0 (a->group_name, b->group_name) && str_equal0 (a->attribute, b->attribute) &&
         str_equal0 (a->monitoring_type, b->monitoring_type) &&
         str_equal0 (a->primary_cause, b->primary_cause) && str_equal0 (a->status, b->status) &&
         str_equal0 (a->updated_at, b->updated_at);
}

void
bf_household_item_set_row (BfHouseholdItem *self, const BfHouseholdRow *row)
{
  gboolean was_loaded;

  g_return_if_fail (BF_IS_HOUSEHOLD_ITEM (self));
  g_return_if_fail (row != NULL);

  if (self->row != NULL && row_equal (self->row, row))
    return;

  was_loaded = self->row != NULL;
  g_clear_pointer (&self->row, bf_household_row_free);
  self->row = row_copy (row);

  g_free (self->village_group);
  if (row->group_name != NULL && *row->group_name != '\0')
    self->village_group =
      g_strdup_printf ("%s / %s", row->village_name ? row->village_name : "", row->group_name);
  else
    self->village_group = g_strdup (row->village_name ? row->village_name : "");
  g_free (self->members);
  self->members = g_strdup_printf ("%d", row->member_count);
  g_free (self->income);
  self->income =
    row->per_capita_fen == G_MININT64 ? g_strdup ("—") : bf_money_format (row->per_capita_fen);
  g_free (self->updated);
  /* The day is enough in a list; the form's history has the time. */
  self->updated = bf_format_timestamp (row->updated_at);
  if (strlen (self->updated) > 10)
    self->updated[10] = '\0';

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_NUMBER; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  if (!was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
bf_household_item_reset (BfHouseholdItem *self, gint64 id)
{
  g_return_if_fail (BF_IS_HOUSEHOLD_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  if (self->row == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      return;
    }
  g_clear_pointer (&self->row, bf_household_row_free);
  g_clear_pointer (&self->village_group, g_free);
  g_clear_pointer (&self->members, g_free);
  g_clear_pointer (&self->income, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  for (guint i = PROP_NUMBER; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}
