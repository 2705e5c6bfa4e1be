/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Makes a register whose village notice lists N households, for bench-notice.sh to print with
 * bangfu-cli notice-pdf. Households go through the store's API and the lifecycle: saved, verified,
 * appraised at one meeting, put on one notice and posted. Prints the notice's id. */

#include <stdio.h>
#include <stdlib.h>

#include "bf-dates.h"
#include "bf-id-number.h"
#include "bf-store-household.h"
#include "bf-store-notices.h"
#include "bf-store-regions.h"
#include "bf-store-workflow.h"

static const char surnames[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
static const char given[] = "建国秀英志强丽华明玉兰春芳文军平海燕红梅桂珍德福";

static char *
nth_char (const char *text, guint n)
{
  const char *p = g_utf8_offset_to_pointer (text, n);

  return g_strndup (p, g_utf8_next_char (p) - p);
}

static char *
id_number (guint i, guint member)
{
  g_autofree char *first17 =
    g_strdup_printf ("430102%04u%02u%02u%03u", 1940 + i % 60, 1 + i / 60 % 12, 1 + i / 720 % 28,
                     (i * 2 + member) % 1000);

  return g_strdup_printf ("%s%c", first17, bf_id_number_check_char (first17));
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    {
      g_printerr ("bench-notice: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

int
main (int argc, char *argv[])
{
  const char *villages[] = { "青山村", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (BfMeeting) meeting = bf_meeting_new ();
  g_autoptr (BfNotice) notice = NULL;
  BfRegisterSpec spec = { "宁远县", "柏家坪镇", villages, 8, "基准" };
  guint n_given = (guint) g_utf8_strlen (given, -1);
  BfStore *store;
  BfVillage *village;
  gint64 village_id;
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: bench-notice N REGISTER\n");
      return 2;
    }
  n = (guint) atoi (argv[1]);
  store = bf_store_create (argv[2], &spec, &error);
  check (store != NULL, error);
  list = bf_store_list_villages (store, &error);
  village = g_ptr_array_index (list, 0);
  village_id = village->id;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BfHousehold) household = bf_household_new ();
      g_autofree char *a = nth_char (surnames, i % 20);
      g_autofree char *b = nth_char (given, i / 20 % n_given);
      g_autofree char *c = nth_char (given, i / 20 / n_given % n_given);
      BfMember *head = bf_member_new ();
      BfMember *child = bf_member_new ();

      household->number = g_strdup_printf ("001-%05u", i + 1);
      household->village_id = village_id;
      household->group_id = ((BfGroup *) g_ptr_array_index (village->groups, i % 8))->id;
      household->primary_cause = g_strdup (i % 3 ? "illness" : "schooling");
      head->name = g_strconcat (a, b, c, NULL);
      head->relation = g_strdup ("head");
      head->id_number = id_number (i, 1);
      child->name = g_strconcat (a, "小", c, NULL);
      child->relation = g_strdup ("son");
      child->id_number = id_number (i, 0);
      g_ptr_array_add (household->members, head);
      g_ptr_array_add (household->members, child);
      check (bf_store_household_save (store, household, &error), error);
      check (bf_store_household_transition (store, household->id, BF_ACTION_VERIFY, NULL, &error),
             error);
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bf_store_meeting_waiting (store, village_id, &error);
  check (list != NULL, error);
  meeting->village_id = village_id;
  meeting->kind = g_strdup ("villagers");
  {
    GDate today;

    bf_date_today (&today);
    meeting->held_on = bf_date_format (&today);
  }
  for (guint i = 0; i < list->len; i++)
    {
      BfAppraisalVote *vote = bf_appraisal_vote_new ();

      vote->household_id = ((BfHouseholdRow *) g_ptr_array_index (list, i))->id;
      vote->votes_for = 40;
      vote->passed = 1;
      g_ptr_array_add (meeting->votes, vote);
    }
  check (bf_store_meeting_save (store, meeting, &error), error);
  notice = bf_store_notice_prepare (store, "village_identification", village_id, NULL, &error);
  check (notice != NULL, error);
  check (bf_store_setting_set (store, BF_SETTING_NOTICE_MASKED_IDS, "1", &error), error);
  check (bf_store_notice_save (store, notice, &error) &&
           bf_store_notice_post (store, notice->id, NULL, &error),
         error);
  g_print ("%" G_GINT64_FORMAT "\n", notice->id);
  check (bf_store_close (store, &error), error);
  g_object_unref (store);
  return 0;
}
