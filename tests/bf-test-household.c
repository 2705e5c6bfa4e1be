/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-id-number.h"
#include "bf-store-household.h"
#include "bf-test-household.h"

char *
bf_test_id_number_at (const char *region, const char *birth, guint sequence)
{
  g_autofree char *first17 = g_strdup_printf ("%s%s%03u", region, birth, sequence % 1000);
  char check = bf_id_number_check_char (first17);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%s%c", first17, check);
}

BfMember *
bf_test_member (const char *name, const char *relation, const char *id_number)
{
  BfMember *member = bf_member_new ();

  member->name = g_strdup (name);
  member->relation = g_strdup (relation);
  member->id_number = g_strdup (id_number);
  return member;
}

BfHousehold *
bf_test_household (const char *number,
                   gint64 village_id,
                   const char *head_name,
                   const char *head_id)
{
  BfHousehold *household = bf_household_new ();

  household->number = g_strdup (number);
  household->village_id = village_id;
  g_ptr_array_add (household->members, bf_test_member (head_name, "head", head_id));
  return household;
}

void
bf_test_household_save (BfStore *store, BfHousehold *household)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_household_save (store, household, &error));
  g_assert_no_error (error);
  g_assert_cmpint (household->id, >, 0);
}
