/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The household form: what was typed (the state that dirtiness compares), the draft kept every
 * few seconds, and putting a draft back. */
#include <glib/gi18n-lib.h>

#include "bf-household-editor-private.h"
#include "bf-store-drafts.h"

static JsonArray *
members_to_array (BfHouseholdEditor *self)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < self->members->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (self->members, i)));
  return array;
}

/* Everything typed: the draft payload and what dirtiness compares. */
JsonObject *
_bf_household_editor_current_state (BfHouseholdEditor *self, gboolean with_member_form)
{
  JsonObject *state = json_object_new ();
  JsonObject *head = NULL;

  json_object_set_object_member (state, "fields", bf_form_to_json (self->form));
  json_object_set_array_member (state, "members", members_to_array (self));
  if (with_member_form && _bf_household_editor_member_editor_is_open (self) &&
      bf_member_editor_get_dirty (self->member_editor))
    {
      JsonObject *member_form = json_object_new ();

      json_object_set_int_member (member_form, "index", self->editing_member);
      json_object_set_object_member (member_form, "fields",
                                     bf_member_editor_get_json (self->member_editor));
      json_object_set_object_member (state, "member_form", member_form);
    }

  json_object_set_int_member (state, "household_id",
                              self->household != NULL ? self->household->id : 0);
  for (guint i = 0; i < self->members->len && head == NULL; i++)
    {
      JsonObject *member = g_ptr_array_index (self->members, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (member, "relation", ""), "head") ==
          0)
        head = member;
    }
  json_object_set_string_member (state, "number", bf_form_get (self->form, "number"));
  json_object_set_string_member (
    state, "head",
    head != NULL ? json_object_get_string_member_with_default (head, "name", "") : "");
  return state;
}

static gboolean
state_equal (JsonObject *a, JsonObject *b)
{
  JsonNode *fa = json_object_get_member (a, "fields");
  JsonNode *fb = json_object_get_member (b, "fields");
  JsonNode *ma = json_object_get_member (a, "members");
  JsonNode *mb = json_object_get_member (b, "members");

  return json_node_equal (fa, fb) && json_node_equal (ma, mb);
}

gboolean
bf_household_editor_get_dirty (BfHouseholdEditor *self)
{
  g_autoptr (JsonObject) now = NULL;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  if (!self->open || self->loaded == NULL)
    return FALSE;
  if (_bf_household_editor_member_editor_is_open (self) &&
      bf_member_editor_get_dirty (self->member_editor))
    return TRUE;
  now = _bf_household_editor_current_state (self, FALSE);
  return !state_equal (now, self->loaded);
}

static char *
to_json_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static const char *
draft_target (BfHouseholdEditor *self)
{
  return self->household != NULL && self->household->id > 0 ? self->household->uuid : NULL;
}

void
bf_household_editor_save_draft (BfHouseholdEditor *self)
{
  g_autoptr (JsonObject) state = NULL;
  g_autofree char *payload = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BF_IS_HOUSEHOLD_EDITOR (self));

  if (!self->open || self->store == NULL)
    return;

  if (!bf_household_editor_get_dirty (self))
    {
      /* Typed back to what was saved: nothing to recover any more. */
      if (self->last_draft != NULL)
        {
          bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), NULL);
          g_clear_pointer (&self->last_draft, g_free);
        }
      return;
    }

  state = _bf_household_editor_current_state (self, TRUE);
  payload = to_json_text (state);
  if (g_strcmp0 (payload, self->last_draft) == 0)
    return;
  if (!bf_store_draft_save (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), payload,
                            &error))
    {
      g_warning ("Could not keep the draft: %s", error->message);
      return;
    }
  g_free (self->last_draft);
  self->last_draft = g_steal_pointer (&payload);
}

static gboolean
draft_tick (gpointer data)
{
  bf_household_editor_save_draft (BF_HOUSEHOLD_EDITOR (data));
  return G_SOURCE_CONTINUE;
}

void
_bf_household_editor_start_drafts (BfHouseholdEditor *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (self->draft_interval, draft_tick, self);
}

void
_bf_household_editor_discard_draft (BfHouseholdEditor *self)
{
  if (self->store != NULL && self->household != NULL)
    bf_store_draft_discard (self->store, BF_HOUSEHOLD_DRAFT_FORM, draft_target (self), NULL);
  g_clear_pointer (&self->last_draft, g_free);
}

static JsonObject *
parse_payload (const char *payload, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, payload, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _ ("The draft is not a household form"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

char *
bf_household_editor_describe_draft (const char *payload)
{
  g_autoptr (JsonObject) state = parse_payload (payload, NULL);
  const char *number, *head;

  if (state == NULL)
    return g_strdup (_ ("a household"));
  number = json_object_get_string_member_with_default (state, "number", "");
  head = json_object_get_string_member_with_default (state, "head", "");
  if (*number && *head)
    return g_strdup_printf (_ ("%s (%s)"), number, head);
  if (*number || *head)
    return g_strdup (*number ? number : head);
  return g_strdup (_ ("a new household"));
}

gboolean
bf_household_editor_restore_draft (BfHouseholdEditor *self, const char *payload, GError **error)
{
  g_autoptr (JsonObject) state = NULL;
  gint64 id;
  JsonObject *fields;
  JsonObject *member_form;

  g_return_val_if_fail (BF_IS_HOUSEHOLD_EDITOR (self), FALSE);

  state = parse_payload (payload, error);
  if (state == NULL)
    return FALSE;
  id = json_object_get_int_member_with_default (state, "household_id", 0);
  if (id > 0)
    {
      if (!bf_household_editor_load (self, id, error))
        return FALSE;
    }
  else
    bf_household_editor_new_household (self);

  fields = json_object_get_object_member (state, "fields");
  if (fields != NULL)
    _bf_household_editor_apply_fields (self, fields);
  if (json_object_has_member (state, "members"))
    _bf_household_editor_set_members (self, json_object_get_array_member (state, "members"));
  _bf_household_editor_update_income (self);
  _bf_household_editor_validate (self);

  member_form = json_object_has_member (state, "member_form")
                  ? json_object_get_object_member (state, "member_form")
                  : NULL;
  if (member_form != NULL && json_object_has_member (member_form, "fields"))
    {
      int index = (int) json_object_get_int_member_with_default (member_form, "index", -1);

      bf_household_editor_edit_member (self, index < (int) self->members->len ? index : -1);
      bf_member_editor_load_json (self->member_editor,
                                  json_object_get_object_member (member_form, "fields"));
    }
  /* What was recovered is what the draft now holds. */
  self->last_draft = g_strdup (payload);
  return TRUE;
}
