/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-records.h"

BfGroup *
bf_group_new (void)
{
  return g_new0 (BfGroup, 1);
}

void
bf_group_free (BfGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->uuid);
  g_free (group->name);
  g_free (group);
}

BfVillage *
bf_village_new (void)
{
  BfVillage *village = g_new0 (BfVillage, 1);

  village->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_group_free);
  return village;
}

void
bf_village_free (BfVillage *village)
{
  if (village == NULL)
    return;
  g_free (village->uuid);
  g_free (village->name);
  g_clear_pointer (&village->groups, g_ptr_array_unref);
  g_free (village);
}

/* Tri-state fields start as "not recorded", never as a silent "no". */
BfMember *
bf_member_new (void)
{
  BfMember *member = g_new0 (BfMember, 1);

  member->work_months = -1;
  member->medical_insurance = -1;
  member->serious_illness_insurance = -1;
  member->pension_insurance = -1;
  return member;
}

BfMember *
bf_member_copy (const BfMember *member)
{
  BfMember *copy;

  if (member == NULL)
    return NULL;
  copy = g_memdup2 (member, sizeof *member);
  copy->uuid = g_strdup (member->uuid);
  copy->person_number = g_strdup (member->person_number);
  copy->name = g_strdup (member->name);
  copy->id_number = g_strdup (member->id_number);
  copy->relation = g_strdup (member->relation);
  copy->sex = g_strdup (member->sex);
  copy->birth_date = g_strdup (member->birth_date);
  copy->ethnicity = g_strdup (member->ethnicity);
  copy->education = g_strdup (member->education);
  copy->school_status = g_strdup (member->school_status);
  copy->health = g_strdup (member->health);
  copy->labour = g_strdup (member->labour);
  copy->work_status = g_strdup (member->work_status);
  copy->phone = g_strdup (member->phone);
  return copy;
}

void
bf_member_free (BfMember *member)
{
  if (member == NULL)
    return;
  g_free (member->uuid);
  g_free (member->person_number);
  g_free (member->name);
  g_free (member->id_number);
  g_free (member->relation);
  g_free (member->sex);
  g_free (member->birth_date);
  g_free (member->ethnicity);
  g_free (member->education);
  g_free (member->school_status);
  g_free (member->health);
  g_free (member->labour);
  g_free (member->work_status);
  g_free (member->phone);
  g_free (member);
}

BfSurvey *
bf_survey_new (void)
{
  BfSurvey *survey = g_new0 (BfSurvey, 1);

  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    survey->secured[i] = -1;
  return survey;
}

BfSurvey *
bf_survey_copy (const BfSurvey *survey)
{
  BfSurvey *copy;

  if (survey == NULL)
    return NULL;
  copy = g_memdup2 (survey, sizeof *survey);
  copy->uuid = g_strdup (survey->uuid);
  copy->surveyed_on = g_strdup (survey->surveyed_on);
  copy->surveyor = g_strdup (survey->surveyor);
  copy->verifier = g_strdup (survey->verifier);
  copy->verified_on = g_strdup (survey->verified_on);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    copy->secured_note[i] = g_strdup (survey->secured_note[i]);
  return copy;
}

void
bf_survey_free (BfSurvey *survey)
{
  if (survey == NULL)
    return;
  g_free (survey->uuid);
  g_free (survey->surveyed_on);
  g_free (survey->surveyor);
  g_free (survey->verifier);
  g_free (survey->verified_on);
  for (guint i = 0; i < BF_N_GUARANTEES; i++)
    g_free (survey->secured_note[i]);
  g_free (survey);
}

BfHousehold *
bf_household_new (void)
{
  BfHousehold *household = g_new0 (BfHousehold, 1);

  household->house_area_m2 = -1;
  household->dangerous_house = -1;
  household->relocated = -1;
  household->farmland_mu = -1;
  household->forest_mu = -1;
  household->members = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_member_free);
  return household;
}

BfHousehold *
bf_household_copy (const BfHousehold *household)
{
  BfHousehold *copy;

  if (household == NULL)
    return NULL;
  copy = g_memdup2 (household, sizeof *household);
  copy->uuid = g_strdup (household->uuid);
  copy->number = g_strdup (household->number);
  copy->village_name = g_strdup (household->village_name);
  copy->group_name = g_strdup (household->group_name);
  copy->address = g_strdup (household->address);
  copy->phone = g_strdup (household->phone);
  copy->bank_name = g_strdup (household->bank_name);
  copy->bank_account = g_strdup (household->bank_account);
  copy->attribute = g_strdup (household->attribute);
  copy->monitoring_type = g_strdup (household->monitoring_type);
  copy->standard = g_strdup (household->standard);
  copy->primary_cause = g_strdup (household->primary_cause);
  copy->other_causes[0] = g_strdup (household->other_causes[0]);
  copy->other_causes[1] = g_strdup (household->other_causes[1]);
  copy->cause_note = g_strdup (household->cause_note);
  copy->livestock = g_strdup (household->livestock);
  copy->industry = g_strdup (household->industry);
  copy->status = g_strdup (household->status);
  copy->status_since = g_strdup (household->status_since);
  copy->first_identified_on = g_strdup (household->first_identified_on);
  copy->helper_name = g_strdup (household->helper_name);
  copy->created_at = g_strdup (household->created_at);
  copy->updated_at = g_strdup (household->updated_at);
  copy->deleted_at = g_strdup (household->deleted_at);
  copy->members = g_ptr_array_new_with_free_func ((GDestroyNotify) bf_member_free);
  if (household->members != NULL)
    for (guint i = 0; i < household->members->len; i++)
      g_ptr_array_add (copy->members, bf_member_copy (g_ptr_array_index (household->members, i)));
  copy->survey = bf_survey_copy (household->survey);
  return copy;
}

void
bf_household_free (BfHousehold *household)
{
  if (household == NULL)
    return;
  g_free (household->uuid);
  g_free (household->number);
  g_free (household->village_name);
  g_free (household->group_name);
  g_free (household->address);
  g_free (household->phone);
  g_free (household->bank_name);
  g_free (household->bank_account);
  g_free (household->attribute);
  g_free (household->monitoring_type);
  g_free (household->standard);
  g_free (household->primary_cause);
  g_free (household->other_causes[0]);
  g_free (household->other_causes[1]);
  g_free (household->cause_note);
  g_free (household->livestock);
  g_free (household->industry);
  g_free (household->status);
  g_free (household->status_since);
  g_free (household->first_identified_on);
  g_free (household->helper_name);
  g_free (household->created_at);
  g_free (household->updated_at);
  g_free (household->deleted_at);
  g_clear_pointer (&household->members, g_ptr_array_unref);
  bf_survey_free (household->survey);
  g_free (household);
}

BfMember *
bf_household_get_head (const BfHousehold *household)
{
  g_return_val_if_fail (household != NULL, NULL);

  if (household->members == NULL)
    return NULL;
  for (guint i = 0; i < household->members->len; i++)
    {
      BfMember *member = g_ptr_array_index (household->members, i);

      if (g_strcmp0 (member->relation, "head") == 0)
        return member;
    }
  return NULL;
}

void
bf_household_row_free (BfHouseholdRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->number);
  g_free (row->head_name);
  g_free (row->village_name);
  g_free (row->group_name);
  g_free (row->attribute);
  g_free (row->monitoring_type);
  g_free (row->primary_cause);
  g_free (row->status);
  g_free (row->updated_at);
  g_free (row);
}

void
bf_household_cursor_free (BfHouseholdCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_free (cursor->key);
  g_free (cursor);
}

BfHouseholdCursor *
bf_household_cursor_copy (const BfHouseholdCursor *cursor)
{
  BfHouseholdCursor *copy;

  if (cursor == NULL)
    return NULL;
  copy = g_new0 (BfHouseholdCursor, 1);
  copy->key = g_strdup (cursor->key);
  copy->id = cursor->id;
  return copy;
}

void
bf_household_page_free (BfHouseholdPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  bf_household_cursor_free (page->next);
  g_free (page);
}

void
bf_audit_entry_free (BfAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->operator_name);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->uuid);
  g_free (entry->changes);
  g_free (entry);
}

void
bf_event_free (BfEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uuid);
  g_free (event->action);
  g_free (event->from_status);
  g_free (event->to_status);
  g_free (event->event_date);
  g_free (event->operator_name);
  g_free (event->reason);
  g_free (event->ref_kind);
  g_free (event->document_number);
  g_free (event);
}

void
bf_review_free (BfReview *review)
{
  if (review == NULL)
    return;
  g_free (review->uuid);
  g_free (review->level);
  g_free (review->purpose);
  g_free (review->reviewer);
  g_free (review->decided_on);
  g_free (review->decision);
  g_free (review->opinion);
  g_free (review->document_number);
  g_free (review);
}

void
bf_draft_free (BfDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->form);
  g_free (draft->target_uuid);
  g_free (draft->payload);
  g_free (draft->saved_at);
  g_free (draft);
}
