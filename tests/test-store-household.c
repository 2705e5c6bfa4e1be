/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "bf-store-audit.h"
#include "bf-store-drafts.h"
#include "bf-store-household.h"
#include "bf-store-private.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"
#include "bf-test-household.h"
#include "bf-test-store.h"
#include "bf-test-util.h"

typedef struct
{
  char *dir;
  BfStore *store;
  gint64 village[2];
  gint64 group[2][3];
  gint64 helper;
} Fixture;

/* Everything a failed write must leave as it was. */
static char *
snapshot (BfStore *store)
{
  return bf_test_query_text (
    store,
    "SELECT (SELECT count(*) FROM households) || '/' || (SELECT count(*) FROM members) || '/' || "
    "(SELECT count(*) FROM surveys) || '/' || (SELECT count(*) FROM audit_log) || '/' || "
    "(SELECT count(*) FROM household_search) || '/' || "
    "(SELECT ifnull(group_concat(updated_at || ifnull(deleted_at, '-') || number), '') FROM households) "
    "|| '/' || (SELECT ifnull(group_concat(updated_at || ifnull(deleted_at, '-') || id_number), '') "
    "FROM members)");
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) villages = NULL;
  g_autoptr (GError) error = NULL;

  g_setenv ("BANGFU_TODAY", "2026-05-01", TRUE);
  f->dir = bf_test_tmpdir_new ();
  f->store = bf_test_store_new (f->dir, "test.bangfu", 2);
  villages = bf_store_list_villages (f->store, &error);
  g_assert_no_error (error);
  for (guint v = 0; v < 2; v++)
    {
      BfVillage *village = g_ptr_array_index (villages, v);

      f->village[v] = village->id;
      for (guint g = 0; g < 3; g++)
        f->group[v][g] = ((BfGroup *) g_ptr_array_index (village->groups, g))->id;
    }
  bf_test_exec (f->store,
                "INSERT INTO helpers (uuid, name, created_at, updated_at) "
                "VALUES ('helper-uuid', '赵帮扶', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  f->helper = sqlite3_last_insert_rowid (_bf_store_db (f->store));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bf_store_close (f->store, &error));
  g_assert_no_error (error);
  g_object_unref (f->store);
  bf_test_tmpdir_free (f->dir);
}

/* A household with every field recorded: head, spouse, son, and a survey. */
static BfHousehold *
full_household (Fixture *f)
{
  g_autofree char *head_id = bf_test_id_number_at ("430102", "19700315", 11);
  g_autofree char *spouse_id = bf_test_id_number_at ("430102", "19720708", 22);
  g_autofree char *son_id = bf_test_id_number_at ("430102", "20050101", 33);
  BfHousehold *h = bf_test_household ("001-00001", f->village[0], "王建国", head_id);
  BfMember *m;
  BfSurvey *s;

  h->group_id = f->group[0][1];
  h->address = g_strdup ("湖南省长沙市芙蓉区测试村3组12号");
  h->phone = g_strdup ("13800000000");
  h->bank_name = g_strdup ("农村信用社");
  h->bank_account = g_strdup ("6217000000000000001");
  h->attribute = g_strdup ("dibao");
  h->monitoring_type = g_strdup ("marginal");
  h->standard = g_strdup ("national");
  h->primary_cause = g_strdup ("illness");
  h->other_causes[0] = g_strdup ("schooling");
  h->other_causes[1] = g_strdup ("labour");
  h->cause_note = g_strdup ("户主患慢性病，儿子在读高中");
  h->house_area_m2 = 85.5;
  h->dangerous_house = 1;
  h->relocated = 0;
  h->farmland_mu = 2.25;
  h->forest_mu = 0;
  h->livestock = g_strdup ("猪2头");
  h->industry = g_strdup ("种植柑橘");
  h->first_identified_on = g_strdup ("2014-10-01");
  h->helper_id = f->helper;

  m = g_ptr_array_index (h->members, 0);
  m->sex = g_strdup ("male");
  m->birth_date = g_strdup ("1970-03-15");
  m->ethnicity = g_strdup ("han");
  m->education = g_strdup ("junior");
  m->school_status = g_strdup ("none");
  m->health = g_strdup ("chronic");
  m->labour = g_strdup ("ordinary");
  m->work_status = g_strdup ("county");
  m->work_months = 6;
  m->medical_insurance = 1;
  m->serious_illness_insurance = 1;
  m->pension_insurance = 0;
  m->phone = g_strdup ("13800000001");

  m = bf_test_member ("李秀英", "spouse", spouse_id);
  m->health = g_strdup ("disabled");
  m->disability_grade = 3;
  m->labour = g_strdup ("lost");
  m->work_months = 0;
  g_ptr_array_add (h->members, m);
  m = bf_test_member ("王小明", "son", son_id);
  m->school_status = g_strdup ("senior");
  g_ptr_array_add (h->members, m);

  s = h->survey = bf_survey_new ();
  s->year = 2025;
  s->surveyed_on = g_strdup ("2025-11-20");
  s->surveyor = g_strdup ("调查员甲");
  s->verifier = g_strdup ("核查员乙");
  s->verified_on = g_strdup ("2025-11-25");
  s->wage_fen = 1200000;
  s->business_fen = 300000;
  s->property_fen = 5000;
  s->transfer_fen = 240000;
  s->business_expense_fen = 100000;
  s->education_expense_fen = 300000;
  s->medical_expense_fen = 450000;
  s->housing_expense_fen = 1;
  s->pension_expense_fen = 2;
  s->rigid_expense_fen = 3;
  s->debt_fen = 2000000;
  s->per_capita_fen = 42; /* ignored: the store computes it */
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    {
      s->secured[i] = i % 2;
      s->secured_note[i] = g_strdup_printf ("说明%u", i);
    }
  s->secured[BF_GUARANTEE_WATER] = -1;
  return h;
}

static void
assert_member_equal (const BfMember *a, const BfMember *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->person_number, ==, b->person_number);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->id_number, ==, b->id_number);
  g_assert_cmpstr (a->relation, ==, b->relation);
  g_assert_cmpstr (a->sex, ==, b->sex);
  g_assert_cmpstr (a->birth_date, ==, b->birth_date);
  g_assert_cmpstr (a->ethnicity, ==, b->ethnicity);
  g_assert_cmpstr (a->education, ==, b->education);
  g_assert_cmpstr (a->school_status, ==, b->school_status);
  g_assert_cmpstr (a->health, ==, b->health);
  g_assert_cmpint (a->disability_grade, ==, b->disability_grade);
  g_assert_cmpstr (a->labour, ==, b->labour);
  g_assert_cmpstr (a->work_status, ==, b->work_status);
  g_assert_cmpint (a->work_months, ==, b->work_months);
  g_assert_cmpint (a->medical_insurance, ==, b->medical_insurance);
  g_assert_cmpint (a->serious_illness_insurance, ==, b->serious_illness_insurance);
  g_assert_cmpint (a->pension_insurance, ==, b->pension_insurance);
  g_assert_cmpstr (a->phone, ==, b->phone);
}

static void
assert_household_equal (const BfHousehold *a, const BfHousehold *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->number, ==, b->number);
  g_assert_cmpint (a->village_id, ==, b->village_id);
  g_assert_cmpint (a->group_id, ==, b->group_id);
  g_assert_cmpstr (a->village_name, ==, b->village_name);
  g_assert_cmpstr (a->group_name, ==, b->group_name);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->bank_name, ==, b->bank_name);
  g_assert_cmpstr (a->bank_account, ==, b->bank_account);
  g_assert_cmpstr (a->attribute, ==, b->attribute);
  g_assert_cmpstr (a->monitoring_type, ==, b->monitoring_type);
  g_assert_cmpstr (a->standard, ==, b->standard);
  g_assert_cmpstr (a->primary_cause, ==, b->primary_cause);
  g_assert_cmpstr (a->other_causes[0], ==, b->other_causes[0]);
  g_assert_cmpstr (a->other_causes[1], ==, b->other_causes[1]);
  g_assert_cmpstr (a->cause_note, ==, b->cause_note);
  g_assert_cmpfloat (a->house_area_m2, ==, b->house_area_m2);
  g_assert_cmpint (a->dangerous_house, ==, b->dangerous_house);
  g_assert_cmpint (a->relocated, ==, b->relocated);
  g_assert_cmpfloat (a->farmland_mu, ==, b->farmland_mu);
  g_assert_cmpfloat (a->forest_mu, ==, b->forest_mu);
  g_assert_cmpstr (a->livestock, ==, b->livestock);
  g_assert_cmpstr (a->industry, ==, b->industry);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->status_since, ==, b->status_since);
  g_assert_cmpstr (a->first_identified_on, ==, b->first_identified_on);
  g_assert_cmpint (a->helper_id, ==, b->helper_id);
  g_assert_cmpstr (a->helper_name, ==, b->helper_name);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
  g_assert_cmpstr (a->deleted_at, ==, b->deleted_at);
  g_assert_cmpuint (a->members->len, ==, b->members->len);
  for (guint i = 0; i < a->members->len; i++)
    assert_member_equal (g_ptr_array_index (a->members, i), g_ptr_array_index (b->members, i));
  g_assert_true ((a->survey == NULL) == (b->survey == NULL));
  if (a->survey != NULL)
    {
      const BfSurvey *s = a->survey, *t = b->survey;

      g_assert_cmpint (s->id, ==, t->id);
      g_assert_cmpstr (s->uuid, ==, t->uuid);
      g_assert_cmpint (s->year, ==, t->year);
      g_assert_cmpstr (s->surveyed_on, ==, t->surveyed_on);
      g_assert_cmpstr (s->surveyor, ==, t->surveyor);
      g_assert_cmpstr (s->verifier, ==, t->verifier);
      g_assert_cmpstr (s->verified_on, ==, t->verified_on);
      g_assert_cmpint (s->wage_fen, ==, t->wage_fen);
      g_assert_cmpint (s->business_fen, ==, t->business_fen);
      g_assert_cmpint (s->property_fen, ==, t->property_fen);
      g_assert_cmpint (s->transfer_fen, ==, t->transfer_fen);
      g_assert_cmpint (s->business_expense_fen, ==, t->business_expense_fen);
      g_assert_cmpint (s->education_expense_fen, ==, t->education_expense_fen);
      g_assert_cmpint (s->medical_expense_fen, ==, t->medical_expense_fen);
      g_assert_cmpint (s->housing_expense_fen, ==, t->housing_expense_fen);
      g_assert_cmpint (s->pension_expense_fen, ==, t->pension_expense_fen);
      g_assert_cmpint (s->rigid_expense_fen, ==, t->rigid_expense_fen);
      g_assert_cmpint (s->debt_fen, ==, t->debt_fen);
      g_assert_cmpint (s->per_capita_fen, ==, t->per_capita_fen);
      for (guint i = 0; i < BF_N_GUARANTEES; i++)
        {
          g_assert_cmpint (s->secured[i], ==, t->secured[i]);
          g_assert_cmpstr (s->secured_note[i], ==, t->secured_note[i]);
        }
    }
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHousehold) h = full_household (f);
  g_autoptr (BfHousehold) original = bf_household_copy (h);
  g_autoptr (BfHousehold) got = NULL;
  g_autoptr (BfHousehold) by_number = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GError) error = NULL;
  BfMember *m;

  bf_test_household_save (f->store, h);

  /* What the store decides. */
  g_assert_nonnull (h->uuid);
  g_assert_cmpstr (h->status, ==, "surveyed");
  g_assert_cmpstr (h->status_since, ==, "2026-05-01");
  g_assert_cmpstr (h->village_name, ==, "村1");
  g_assert_cmpstr (h->group_name, ==, "2组");
  g_assert_cmpstr (h->helper_name, ==, "赵帮扶");
  g_assert_nonnull (h->created_at);
  g_assert_cmpstr (h->created_at, ==, h->updated_at);
  g_assert_null (h->deleted_at);
  g_assert_cmpuint (h->members->len, ==, 3);
  m = g_ptr_array_index (h->members, 0);
  g_assert_cmpstr (m->relation, ==, "head");
  g_assert_cmpstr (m->person_number, ==, "001-00001-01");
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (h->members, 2))->person_number, ==,
                   "001-00001-03");
  m = g_ptr_array_index (h->members, 1);
  g_assert_cmpstr (m->sex, ==, "female");
  g_assert_cmpstr (m->birth_date, ==, "1972-07-08");
  g_assert_cmpint (m->work_months, ==, 0);
  m = g_ptr_array_index (h->members, 2);
  g_assert_cmpstr (m->sex, ==, "male");
  g_assert_cmpint (m->work_months, ==, -1);
  g_assert_cmpint (m->medical_insurance, ==, -1);
  /* (12000 + 3000 + 50 + 2400 - 1000) / 3 yuan */
  g_assert_cmpint (h->survey->per_capita_fen, ==, 548333);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT per_capita_fen FROM households"), ==,
                   548333);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT member_count FROM households"), ==, 3);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT head_name = '王建国' FROM households"), ==,
                   1);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT member_count FROM surveys"), ==, 3);

  /* Everything the caller gave comes back. */
  original->id = h->id;
  original->uuid = g_strdup (h->uuid);
  original->village_name = g_strdup (h->village_name);
  original->group_name = g_strdup (h->group_name);
  original->helper_name = g_strdup (h->helper_name);
  original->status = g_strdup (h->status);
  original->status_since = g_strdup (h->status_since);
  original->created_at = g_strdup (h->created_at);
  original->updated_at = g_strdup (h->updated_at);
  for (guint i = 0; i < 3; i++)
    {
      BfMember *o = g_ptr_array_index (original->members, i),
               *n = g_ptr_array_index (h->members, i);

      o->id = n->id;
      o->uuid = g_strdup (n->uuid);
      o->person_number = g_strdup (n->person_number);
      g_free (o->sex);
      o->sex = g_strdup (n->sex);
      g_free (o->birth_date);
      o->birth_date = g_strdup (n->birth_date);
    }
  original->survey->id = h->survey->id;
  original->survey->uuid = g_strdup (h->survey->uuid);
  original->survey->per_capita_fen = 548333;
  assert_household_equal (original, h);

  got = bf_store_household_get (f->store, h->id, &error);
  g_assert_no_error (error);
  assert_household_equal (h, got);
  by_number = bf_store_household_get_by_number (f->store, " 001-00001 ", &error);
  g_assert_no_error (error);
  assert_household_equal (h, by_number);

  /* One audit entry per record, with the fields that were set. */
  audit = bf_store_audit_for (f->store, h->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  {
    BfAuditEntry *e = g_ptr_array_index (audit, 0);

    g_assert_cmpstr (e->action, ==, "create");
    g_assert_cmpstr (e->entity, ==, "households");
    g_assert_cmpstr (e->operator_name, ==, "测试员");
    g_assert_nonnull (strstr (e->changes, "\"number\":[null,\"001-00001\"]"));
    g_assert_nonnull (strstr (e->changes, "\"status\":[null,\"surveyed\"]"));
    g_assert_null (strstr (e->changes, "head_name"));
  }
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit =
    bf_store_audit_for (f->store, ((BfMember *) g_ptr_array_index (h->members, 1))->uuid, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((BfAuditEntry *) g_ptr_array_index (audit, 0))->entity, ==, "members");
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = bf_store_audit_for (f->store, h->survey->uuid, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((BfAuditEntry *) g_ptr_array_index (audit, 0))->entity, ==, "surveys");
  g_assert_cmpint (
    bf_test_query_int (
      f->store,
      "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity IN ('households', 'members', 'surveys')"),
    ==, 5);

  g_assert_null (bf_store_household_get (f->store, 999, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bf_store_household_get_by_number (f->store, "001-99999", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

static BfAuditEntry *
latest_audit (Fixture *f, const char *uuid, guint expected_entries)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit = bf_store_audit_for (f->store, uuid, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, expected_entries);
  return g_ptr_array_steal_index (audit, 0);
}

static void
test_edit_reload (Fixture *f, gconstpointer data)
{
  g_autoptr (BfHousehold) h = full_household (f);
  g_autoptr (BfHousehold) got = NULL;
  g_autoptr (BfAuditEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *removed_uuid = NULL;
  g_autofree char *head_uuid = NULL;
  g_autofree char *daughter_id = bf_test_id_number_at ("430102", "20100202", 44);
  BfMember *head, *spouse;
  gint64 n_audit;

  bf_test_household_save (f->store, h);

  /* Saving what was read changes nothing and leaves no trace. */
  before = snapshot (f->store);
  bf_test_household_save (f->store, h);
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  n_audit = bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");

  /* The spouse becomes the head, the son leaves, a daughter is born, the address and the income
   * change, a cause is dropped. */
  g_free (h->address);
  h->address = g_strdup ("新地址 5号");
  g_clear_pointer (&h->other_causes[0], g_free);
  head = g_ptr_array_index (h->members, 0);
  spouse = g_ptr_array_index (h->members, 1);
  head_uuid = g_strdup (head->uuid);
  g_free (head->relation);
  head->relation = g_strdup ("spouse");
  g_free (spouse->relation);
  spouse->relation = g_strdup ("head");
  removed_uuid = g_strdup (((BfMember *) g_ptr_array_index (h->members, 2))->uuid);
  g_ptr_array_remove_index (h->members, 2);
  g_ptr_array_add (h->members, bf_test_member ("王小红", "daughter", daughter_id));
  h->survey->wage_fen = 1500000;
  bf_test_household_save (f->store, h);

  got = bf_store_household_get (f->store, h->id, &error);
  g_assert_no_error (error);
  assert_household_equal (h, got);
  g_assert_cmpstr (got->address, ==, "新地址 5号");
  g_assert_cmpstr (got->other_causes[0], ==, "labour");
  g_assert_null (got->other_causes[1]);
  g_assert_cmpuint (got->members->len, ==, 3);
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 0))->name, ==, "李秀英");
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 0))->relation, ==, "head");
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 2))->name, ==, "王小红");
  /* The new member's number follows every member the household ever had. */
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 2))->person_number, ==,
                   "001-00001-04");
  g_assert_cmpint (got->survey->per_capita_fen, ==,
                   (1500000 + 300000 + 5000 + 240000 - 100000 + 1) / 3);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT head_name = '李秀英' FROM households"), ==,
                   1);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT per_capita_fen FROM households"), ==,
                   got->survey->per_capita_fen);
  g_assert_cmpstr (got->created_at, <=, got->updated_at);

  /* The removed member is kept, soft-deleted, and is free to join another household. */
  g_assert_cmpint (
    bf_test_query_int (f->store, "SELECT count(*) FROM members WHERE deleted_at IS NOT NULL"), ==,
    1);

  /* One entry per changed record, each with only the changed fields. */
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, n_audit + 6);
  entry = latest_audit (f, h->uuid, 2);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (
    entry->changes, ==,
    "{\"address\":[\"湖南省长沙市芙蓉区测试村3组12号\",\"新地址 5号\"],"
    "\"other_cause_1\":[\"schooling\",\"labour\"],\"other_cause_2\":[\"labour\",null]}");
  g_clear_pointer (&entry, bf_audit_entry_free);
  entry = latest_audit (f, head_uuid, 2);
  g_assert_cmpstr (entry->changes, ==, "{\"relation\":[\"head\",\"spouse\"]}");
  g_clear_pointer (&entry, bf_audit_entry_free);
  entry = latest_audit (f, removed_uuid, 2);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpstr (entry->entity, ==, "members");
  g_clear_pointer (&entry, bf_audit_entry_free);
  entry = latest_audit (f, h->survey->uuid, 2);
  g_assert_nonnull (strstr (entry->changes, "\"wage_fen\":[1200000,1500000]"));
  g_assert_nonnull (strstr (entry->changes, "\"per_capita_fen\":[548333,"));
}

static void
member_set_id (BfMember *m, char *id_number)
{
  g_free (m->id_number);
  m->id_number = id_number;
}

static void
test_duplicate_person (Fixture *f, gconstpointer data)
{
  g_autofree char *shared = bf_test_id_number_at ("11010519", "491231", 2);
  g_autofree char *other = bf_test_id_number_at ("440524", "18800101", 1);
  g_autofree char *lower = NULL;
  g_autofree char *number = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (BfHousehold) a = bf_test_household ("001-00001", f->village[0], "张三", shared);
  g_autoptr (BfHousehold) b = bf_test_household ("002-00001", f->village[1], "李四", other);
  g_autoptr (BfHousehold) b_copy = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_cmpstr (shared, ==, "11010519491231002X");
  bf_test_household_save (f->store, a);
  g_ptr_array_add (b->members, bf_test_member ("张三", "other", shared));
  b_copy = bf_household_copy (b);

  before = snapshot (f->store);
  g_assert_false (bf_store_household_save (f->store, b, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON);
  g_assert_nonnull (strstr (error->message, "001-00001"));
  g_assert_nonnull (strstr (error->message, "张三"));
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (b->id, ==, 0);
  g_assert_null (b->uuid);
  g_clear_error (&error);

  /* The caller can find the other household too, whatever the case of the x. */
  lower = g_ascii_strdown (shared, -1);
  g_assert_true (bf_store_find_person (f->store, lower, &id, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, a->id);
  g_assert_cmpstr (number, ==, "001-00001");
  g_assert_false (bf_store_find_person (f->store, other, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Entered in lower case, the same person is still the same person. */
  member_set_id (g_ptr_array_index (b->members, 1), g_strdup (lower));
  g_assert_false (bf_store_household_save (f->store, b, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON);
  g_clear_error (&error);

  /* Once the person has left the first household, the second can take them. */
  g_ptr_array_add (a->members, bf_test_member ("张大", "head", NULL));
  member_set_id (g_ptr_array_index (a->members, 1), bf_test_id_number_at ("440524", "19900101", 5));
  g_ptr_array_remove_index (a->members, 0);
  bf_test_household_save (f->store, a);
  bf_test_household_save (f->store, b);
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (b->members, 1))->id_number, ==, shared);
  g_assert_true (bf_store_find_person (f->store, shared, &id, NULL, &error));
  g_assert_cmpint (id, ==, b->id);
}

static void
test_duplicate_number (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = bf_test_id_number_at ("430102", "19800101", 1);
  g_autofree char *id2 = bf_test_id_number_at ("430102", "19800101", 3);
  g_autoptr (BfHousehold) a = bf_test_household ("001-00007", f->village[0], "甲", id1);
  g_autoptr (BfHousehold) b = bf_test_household ("001-00007", f->village[0], "乙", id2);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  bf_test_household_save (f->store, a);
  before = snapshot (f->store);
  g_assert_false (bf_store_household_save (f->store, b, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER);
  g_assert_nonnull (strstr (error->message, "001-00007"));
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A deleted household keeps its number. */
  g_assert_true (bf_store_household_delete (f->store, a->id, &error));
  g_assert_false (bf_store_household_save (f->store, b, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_NUMBER);
}

/* Bad input: each mutation of a valid new household is refused with a message naming the field,
 * and nothing is written. */
typedef struct
{
  const char *name;
  void (*mutate) (Fixture *f, BfHousehold *h);
  int code;
  const char *in_message;
} BadCase;

static BfMember *
member (BfHousehold *h, guint i)
{
  return g_ptr_array_index (h->members, i);
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
bad_check_char (Fixture *f, BfHousehold *h)
{
  member (h, 1)->id_number[17] = member (h, 1)->id_number[17] == '1' ? '2' : '1';
}
static void
bad_id_length (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 2)->id_number, "4301022005");
}
static void
bad_id_future (Fixture *f, BfHousehold *h)
{
  g_autofree char *id = bf_test_id_number_at ("430102", "20300101", 1);
  set_str (&member (h, 2)->id_number, id);
}
static void
bad_sex (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 1)->sex, "male");
}
static void
bad_birth (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 1)->birth_date, "1972-07-09");
}
static void
bad_two_heads (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 2)->relation, "head");
}
static void
bad_no_head (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 0)->relation, "other");
}
static void
bad_same_person (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 2)->id_number, member (h, 0)->id_number);
}
static void
bad_no_number (Fixture *f, BfHousehold *h)
{
  set_str (&h->number, "  ");
}
static void
bad_no_village (Fixture *f, BfHousehold *h)
{
  h->village_id = 0;
}
static void
bad_unknown_village (Fixture *f, BfHousehold *h)
{
  h->village_id = 77;
}
static void
bad_foreign_group (Fixture *f, BfHousehold *h)
{
  h->group_id = f->group[1][0];
}
static void
bad_unknown_helper (Fixture *f, BfHousehold *h)
{
  h->helper_id = 555;
}
static void
bad_head_name (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 0)->name, " \t");
}
static void
bad_relation (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 2)->relation, "cousin");
}
static void
bad_attribute (Fixture *f, BfHousehold *h)
{
  set_str (&h->attribute, "rich");
}
static void
bad_cause_twice (Fixture *f, BfHousehold *h)
{
  set_str (&h->other_causes[1], "illness");
}
static void
bad_other_without_primary (Fixture *f, BfHousehold *h)
{
  g_clear_pointer (&h->primary_cause, g_free);
}
static void
bad_negative_wage (Fixture *f, BfHousehold *h)
{
  h->survey->wage_fen = -1;
}
static void
bad_negative_debt (Fixture *f, BfHousehold *h)
{
  h->survey->debt_fen = -100;
}
static void
bad_work_months (Fixture *f, BfHousehold *h)
{
  member (h, 0)->work_months = 13;
}
static void
bad_disability (Fixture *f, BfHousehold *h)
{
  member (h, 1)->disability_grade = 5;
}
static void
bad_tri_state (Fixture *f, BfHousehold *h)
{
  h->dangerous_house = 2;
}
static void
bad_date (Fixture *f, BfHousehold *h)
{
  set_str (&h->survey->surveyed_on, "2025-02-30");
}
static void
bad_year (Fixture *f, BfHousehold *h)
{
  h->survey->year = 1800;
}
static void
bad_area (Fixture *f, BfHousehold *h)
{
  h->farmland_mu = NAN;
}
static void
bad_utf8 (Fixture *f, BfHousehold *h)
{
  set_str (&h->address, "\xff\xfe");
}
static void
bad_phone (Fixture *f, BfHousehold *h)
{
  set_str (&h->phone, "138-001");
}
static void
bad_member_phone (Fixture *f, BfHousehold *h)
{
  set_str (&member (h, 1)->phone, "call me");
}
static void
bad_bank_account (Fixture *f, BfHousehold *h)
{
  set_str (&h->bank_account, "6217-0000-1234");
}
/* Fails after the household and its members are written: the rollback must take them away. */
static void
bad_survey_id (Fixture *f, BfHousehold *h)
{
  h->survey->id = 4242;
}

static const BadCase bad_cases[] = {
  { "check-char", bad_check_char, BF_STORE_ERROR_INVALID, "ID number of 李秀英" },
  { "id-length", bad_id_length, BF_STORE_ERROR_INVALID, "ID number of 王小明" },
  { "id-future", bad_id_future, BF_STORE_ERROR_INVALID, "ID number of 王小明" },
  { "sex", bad_sex, BF_STORE_ERROR_INVALID, "sex of 李秀英" },
  { "birth", bad_birth, BF_STORE_ERROR_INVALID, "birth date of 李秀英" },
  { "two-heads", bad_two_heads, BF_STORE_ERROR_INVALID, "2 members" },
  { "no-head", bad_no_head, BF_STORE_ERROR_INVALID, "Head of household" },
  { "same-person", bad_same_person, BF_STORE_ERROR_INVALID, "appears twice" },
  { "no-number", bad_no_number, BF_STORE_ERROR_INVALID, "Household number" },
  { "no-village", bad_no_village, BF_STORE_ERROR_INVALID, "Village" },
  { "unknown-village", bad_unknown_village, BF_STORE_ERROR_INVALID, "Village" },
  { "foreign-group", bad_foreign_group, BF_STORE_ERROR_INVALID, "Group" },
  { "unknown-helper", bad_unknown_helper, BF_STORE_ERROR_INVALID, "Helper" },
  { "head-name", bad_head_name, BF_STORE_ERROR_INVALID, "Name of member 1" },
  { "relation", bad_relation, BF_STORE_ERROR_INVALID, "Relation to head of 王小明" },
  { "attribute", bad_attribute, BF_STORE_ERROR_INVALID, "Household attribute" },
  { "cause-twice", bad_cause_twice, BF_STORE_ERROR_INVALID, "causes" },
  { "other-without-primary", bad_other_without_primary, BF_STORE_ERROR_INVALID, "primary cause" },
  { "negative-wage", bad_negative_wage, BF_STORE_ERROR_INVALID, "Wage income" },
  { "negative-debt", bad_negative_debt, BF_STORE_ERROR_INVALID, "Household debt" },
  { "work-months", bad_work_months, BF_STORE_ERROR_INVALID, "Months of work of 王建国" },
  { "disability", bad_disability, BF_STORE_ERROR_INVALID, "Disability grade of 李秀英" },
  { "tri-state", bad_tri_state, BF_STORE_ERROR_INVALID, "Dangerous house" },
  { "date", bad_date, BF_STORE_ERROR_INVALID, "Survey date" },
  { "year", bad_year, BF_STORE_ERROR_INVALID, "1800" },
  { "area", bad_area, BF_STORE_ERROR_INVALID, "Farmland" },
  { "utf8", bad_utf8, BF_STORE_ERROR_INVALID, "Address" },
  { "phone", bad_phone, BF_STORE_ERROR_INVALID, "Phone: “138-001”" },
  { "member-phone", bad_member_phone, BF_STORE_ERROR_INVALID, "Phone of 李秀英" },
  { "bank-account", bad_bank_account, BF_STORE_ERROR_INVALID, "Bank account" },
  { "survey-id", bad_survey_id, BF_STORE_ERROR_INVALID, "survey" },
};

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr (BfHousehold) h = full_household (f);
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;

      bad_cases[i].mutate (f, h);
      g_assert_false (bf_store_household_save (f->store, h, &error));
      g_test_message ("%s: %s", bad_cases[i].name, error->message);
      g_assert_error (error, BF_STORE_ERROR, bad_cases[i].code);
      if (strstr (error->message, bad_cases[i].in_message) == NULL)
        g_error ("case %s: “%s” does not mention “%s”", bad_cases[i].name, error->message,
                 bad_cases[i].in_message);
      g_assert_cmpint (h->id, ==, 0);
      after = snapshot (f->store);
      g_assert_cmpstr (before, ==, after);
    }

  /* The same refusals on an edit leave the stored household as it was. */
  {
    g_autoptr (BfHousehold) h = full_household (f);
    g_autoptr (BfHousehold) got = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *saved = NULL;
    g_autofree char *after = NULL;

    bf_test_household_save (f->store, h);
    saved = snapshot (f->store);
    bad_two_heads (f, h);
    g_free (h->address);
    h->address = g_strdup ("changed");
    g_assert_false (bf_store_household_save (f->store, h, &error));
    g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
    after = snapshot (f->store);
    g_assert_cmpstr (saved, ==, after);
    got = bf_store_household_get (f->store, h->id, NULL);
    g_assert_cmpstr (got->address, ==, "湖南省长沙市芙蓉区测试村3组12号");
  }
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *id1 = bf_test_id_number_at ("430102", "19600101", 1);
  g_autofree char *id2 = bf_test_id_number_at ("430102", "19610101", 2);
  g_autofree char *id3 = bf_test_id_number_at ("430102", "19620101", 3);
  g_autoptr (BfHousehold) a = bf_test_household ("001-00001", f->village[0], "周一", id1);
  g_autoptr (BfHousehold) b = NULL;
  g_autoptr (BfHousehold) got = NULL;
  g_autoptr (BfAuditEntry) entry = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BfHouseholdQuery query = { .text = "周一" };

  g_ptr_array_add (a->members, bf_test_member ("吴二", "spouse", id2));
  bf_test_household_save (f->store, a);
  g_assert_cmpint (bf_store_household_count (f->store, &query, NULL), ==, 1);

  g_assert_true (bf_store_household_delete (f->store, a->id, &error));
  g_assert_no_error (error);
  got = bf_store_household_get (f->store, a->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got->deleted_at);
  g_assert_cmpuint (got->members->len, ==, 2);
  g_assert_cmpint (bf_store_household_count (f->store, &query, NULL), ==, 0);
  query.include_deleted = TRUE;
  g_assert_cmpint (bf_store_household_count (f->store, &query, NULL), ==, 1);
  entry = latest_audit (f, a->uuid, 2);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_true (g_str_has_prefix (entry->changes, "{\"deleted_at\":[null,\""));
  g_clear_pointer (&entry, bf_audit_entry_free);

  /* Deleted: not deleted again, not edited, and its people are free. */
  g_assert_false (bf_store_household_delete (f->store, a->id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bf_store_household_save (f->store, a, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bf_store_find_person (f->store, id2, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (bf_store_household_restore (f->store, a->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, bf_household_free);
  got = bf_store_household_get (f->store, a->id, &error);
  g_assert_null (got->deleted_at);
  entry = latest_audit (f, a->uuid, 3);
  g_assert_cmpstr (entry->action, ==, "restore");
  g_assert_false (bf_store_household_restore (f->store, a->id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleted again; the spouse joins household B; A cannot come back while B has her. */
  g_assert_true (bf_store_household_delete (f->store, a->id, &error));
  b = bf_test_household ("002-00001", f->village[1], "郑三", id3);
  g_ptr_array_add (b->members, bf_test_member ("吴二", "spouse", id2));
  bf_test_household_save (f->store, b);
  before = snapshot (f->store);
  g_assert_false (bf_store_household_restore (f->store, a->id, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_DUPLICATE_PERSON);
  g_assert_nonnull (strstr (error->message, "002-00001"));
  g_assert_nonnull (strstr (error->message, "吴二"));
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_false (bf_store_household_delete (f->store, 12345, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

static void
test_literal_strings (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) long_name = g_string_new (NULL);
  g_autofree char *id1 = bf_test_id_number_at ("430102", "19800101", 1);
  g_autofree char *id2 = bf_test_id_number_at ("430102", "19800101", 3);
  g_autofree char *id3 = bf_test_id_number_at ("430102", "19800101", 5);
  const char *sql_name = "王'); DROP TABLE households; --";
  const char *control = "李\x01\t\n\r\x1f末";
  const char *fts = "\"张* OR NEAR(a b) AND -c ^d:e%_\\";
  g_autoptr (BfHousehold) h = NULL;
  g_autoptr (BfHousehold) got = NULL;
  g_autoptr (GError) error = NULL;
  BfHouseholdQuery query = { 0 };

  for (guint i = 0; i < 10000; i++)
    g_string_append (long_name, i % 3 ? "长" : "名");
  g_assert_cmpint (g_utf8_strlen (long_name->str, -1), ==, 10000);

  h = bf_test_household ("001-'00001\"", f->village[0], long_name->str, id1);
  g_ptr_array_add (h->members, bf_test_member (sql_name, "spouse", id2));
  g_ptr_array_add (h->members, bf_test_member (control, "son", id3));
  h->address = g_strdup (long_name->str);
  /* A name with control characters is refused, and nothing is saved. */
  g_assert_false (bf_store_household_save (f->store, h, &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "control character"));
  g_clear_error (&error);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 0);
  g_free (((BfMember *) g_ptr_array_index (h->members, 2))->name);
  ((BfMember *) g_ptr_array_index (h->members, 2))->name = g_strdup ("李末");
  h->cause_note = g_strdup (fts);
  h->livestock = g_strdup ("100% _ %% \\ '' \"\"");
  bf_test_household_save (f->store, h);

  got = bf_store_household_get (f->store, h->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->number, ==, "001-'00001\"");
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 0))->name, ==, long_name->str);
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 1))->name, ==, sql_name);
  g_assert_cmpstr (((BfMember *) g_ptr_array_index (got->members, 2))->name, ==, "李末");
  g_assert_cmpstr (got->address, ==, long_name->str);
  g_assert_cmpstr (got->cause_note, ==, fts);
  g_assert_cmpstr (got->livestock, ==, "100% _ %% \\ '' \"\"");
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 1);

  /* Searching for them finds them, and the query text means nothing to SQL or FTS5. */
  query.text = "DROP TABLE";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "'); DROP";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "'";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "长长名";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "\t\n"; /* blank: no text filter */
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "末\t";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  /* No name holds a control character any more: a query with one finds nothing, and fails not. */
  query.text = "\r\x1f末";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 0);
  query.text = "\x01\t";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 0);
  query.text = "张* OR NEAR(a b)";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 0);
  query.text = "\"";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 1);
  query.text = "%";
  g_assert_cmpint (bf_store_household_count (f->store, &query, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM households"), ==, 1);
}

/* Saves a household numbered @number, or the village's next number when NULL; returns its id. */
static gint64
save_numbered (Fixture *f, gint64 village_id, const char *number, guint sequence)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = bf_test_id_number_at ("430102", "19800101", sequence);
  g_autofree char *next =
    number == NULL ? bf_store_household_next_number (f->store, village_id, &error) : NULL;
  g_autoptr (BfHousehold) h =
    bf_test_household (number != NULL ? number : next, village_id, "某", id);

  g_assert_no_error (error);
  bf_test_household_save (f->store, h);
  return h->id;
}

static void
test_next_number (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *n1 = bf_store_household_next_number (f->store, f->village[0], &error);
  g_autofree char *n2 = NULL;
  g_autofree char *n3 = NULL;
  g_autofree char *other = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (n1, ==, "001-00001");
  for (guint i = 0; i < 3; i++)
    {
      gint64 id = save_numbered (f, f->village[0], i == 2 ? "001-00009x" : NULL, 100 + i);

      if (i == 1)
        g_assert_true (bf_store_household_delete (f->store, id, &error));
    }
  /* The deleted "001-00002" stays taken; "001-00009x" is not of the scheme. */
  n2 = bf_store_household_next_number (f->store, f->village[0], &error);
  g_assert_cmpstr (n2, ==, "001-00003");
  other = bf_store_household_next_number (f->store, f->village[1], &error);
  g_assert_cmpstr (other, ==, "002-00001");
  /* Past 99999 the sequence grows a digit and goes on. */
  save_numbered (f, f->village[1], "002-99999", 200);
  save_numbered (f, f->village[1], NULL, 201);
  g_clear_pointer (&other, g_free);
  other = bf_store_household_next_number (f->store, f->village[1], &error);
  g_assert_cmpstr (other, ==, "002-100001");
  n3 = bf_store_household_next_number (f->store, 99, &error);
  g_assert_null (n3);
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_NOT_FOUND);
}

static void
test_drafts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autofree char *loaded = NULL;
  gint64 n_audit = bf_test_query_int (f->store, "SELECT count(*) FROM audit_log");

  g_assert_null (bf_store_draft_load (f->store, "household", NULL));
  g_assert_true (bf_store_draft_save (f->store, "household", NULL, "{\"name\":\"王'\"}", &error));
  g_assert_true (
    bf_store_draft_save (f->store, "household", "uuid-1", "{\"name\":\"李\"}", &error));
  g_assert_true (bf_store_draft_save (f->store, "member", "uuid-1", "[1,2]", &error));
  g_assert_no_error (error);
  /* Saved again: replaced, not added. */
  g_assert_true (
    bf_store_draft_save (f->store, "household", "uuid-1", "{\"name\":\"李四\"}", &error));

  loaded = bf_store_draft_load (f->store, "household", NULL);
  g_assert_cmpstr (loaded, ==, "{\"name\":\"王'\"}");
  g_clear_pointer (&loaded, g_free);
  loaded = bf_store_draft_load (f->store, "household", "uuid-1");
  g_assert_cmpstr (loaded, ==, "{\"name\":\"李四\"}");
  g_clear_pointer (&loaded, g_free);
  g_assert_null (bf_store_draft_load (f->store, "household", "uuid-2"));

  drafts = bf_store_draft_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 3);
  for (guint i = 0; i < drafts->len; i++)
    g_assert_nonnull (((BfDraft *) g_ptr_array_index (drafts, i))->saved_at);

  g_assert_false (bf_store_draft_save (f->store, "household", NULL, "{not json", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bf_store_draft_save (f->store, "", NULL, "{}", &error));
  g_assert_error (error, BF_STORE_ERROR, BF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = bf_store_draft_load (f->store, "household", NULL);
  g_assert_cmpstr (loaded, ==, "{\"name\":\"王'\"}");

  g_assert_true (bf_store_draft_discard (f->store, "household", NULL, &error));
  g_assert_null (bf_store_draft_load (f->store, "household", NULL));
  g_assert_true (bf_store_draft_discard (f->store, "household", "uuid-1", &error));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = bf_store_draft_list (f->store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((BfDraft *) g_ptr_array_index (drafts, 0))->form, ==, "member");
  /* Scratch copies are not part of the record. */
  g_assert_cmpint (bf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, n_audit);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/household/round-trip", test_round_trip);
  ADD ("/store/household/edit-reload", test_edit_reload);
  ADD ("/store/household/duplicate-person", test_duplicate_person);
  ADD ("/store/household/duplicate-number", test_duplicate_number);
  ADD ("/store/household/bad-input", test_bad_input);
  ADD ("/store/household/delete-restore", test_delete_restore);
  ADD ("/store/household/literal-strings", test_literal_strings);
  ADD ("/store/household/next-number", test_next_number);
  ADD ("/store/household/drafts", test_drafts);
  return g_test_run ();
}
