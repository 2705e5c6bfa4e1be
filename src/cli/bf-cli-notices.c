/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli list notices and notice-pdf. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-cli.h"
#include "bf-text.h"
#include "bf-codes.h"
#include "bf-notice-page.h"
#include "bf-store-notices.h"

static void
notice_to_json (JsonBuilder *b, const BfNotice *notice)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, notice->id);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, notice->uuid);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, notice->kind);
  json_builder_set_member_name (b, "village");
  if (notice->village_name != NULL)
    json_builder_add_string_value (b, notice->village_name);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, notice->title);
  json_builder_set_member_name (b, "starts_on");
  json_builder_add_string_value (b, notice->starts_on);
  json_builder_set_member_name (b, "ends_on");
  json_builder_add_string_value (b, notice->ends_on);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, notice->state);
  json_builder_set_member_name (b, "posted_on");
  json_builder_add_string_value (b, notice->posted_on);
  json_builder_set_member_name (b, "closed_on");
  json_builder_add_string_value (b, notice->closed_on);
  json_builder_set_member_name (b, "households");
  json_builder_add_int_value (b, notice->n_households);
  json_builder_set_member_name (b, "objections");
  json_builder_add_int_value (b, notice->n_objections);
  json_builder_set_member_name (b, "open_objections");
  json_builder_add_int_value (b, notice->n_open_objections);
  json_builder_end_object (b);
}

/* One line of the table; NULL prints the header. */
static void
print_notice (const BfNotice *notice)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *id = NULL;
  g_autofree char *period = NULL;
  g_autofree char *households = NULL;
  g_autofree char *open = NULL;

  if (notice == NULL)
    {
      bf_cli_print_cell (line, _ ("ID"), 6);
      bf_cli_print_cell (line, _ ("Kind"), 30);
      bf_cli_print_cell (line, _ ("Village"), 10);
      bf_cli_print_cell (line, _ ("Period"), 23);
      bf_cli_print_cell (line, _ ("State"), 8);
      bf_cli_print_cell (line, _ ("Number of households"), 20);
      bf_cli_print_cell (line, _ ("Open objections"), 15);
      g_string_append (line, _ ("Title"));
      g_print ("%s\n", line->str);
      return;
    }
  id = g_strdup_printf ("%" G_GINT64_FORMAT, notice->id);
  period = g_strdup_printf ("%s – %s", notice->starts_on, notice->ends_on);
  households = g_strdup_printf ("%u", notice->n_households);
  open = g_strdup_printf ("%u", notice->n_open_objections);
  bf_cli_print_cell (line, id, 6);
  bf_cli_print_cell (line, bf_cli_code_label (BF_CODES_NOTICE_KIND, notice->kind), 30);
  bf_cli_print_cell (line, notice->village_name ? notice->village_name : _ ("Township"), 10);
  bf_cli_print_cell (line, period, 23);
  bf_cli_print_cell (line, bf_cli_code_label (BF_CODES_NOTICE_STATE, notice->state), 8);
  bf_cli_print_cell (line, households, 20);
  bf_cli_print_cell (line, open, 15);
  g_string_append (line, notice->title);
  g_print ("%s\n", line->str);
}

/* @code must be in @list; otherwise a usage error naming the codes. */
static gboolean
check_code (BfCodeList list, const char *option, const char *code, int *status)
{
  g_autoptr (GString) codes = g_string_new (NULL);
  const BfCode *all;
  gsize n;

  if (code == NULL || bf_code_is_valid (list, code))
    return TRUE;
  all = bf_codes (list, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", all[i].code);
  {
    g_autofree char *shown = bf_text_shown (code, BF_TEXT_SHOWN_CHARS);

    *status = bf_cli_usage_error (_ ("unknown %s “%s”; use one of: %s"), option, shown, codes->str);
  }
  return FALSE;
}

int
bf_cli_list_notices (int argc, char **argv)
{
  g_autofree char *village = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *state = NULL;
  g_autoptr (GPtrArray) notices = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  int status = BF_CLI_OK;
  const GOptionEntry entries[] = {
    { "village", 0, 0, G_OPTION_ARG_STRING, &village,
      N_ ("Only this village (name or id); “township” for township-wide notices"), N_ ("V") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_ ("Only this kind (village_identification, township, county, exit)"), N_ ("K") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_ ("Only this state (draft, posted, closed)"),
      N_ ("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  BfNoticeQuery query = { 0 };
  BfStore *store;

  if (!bf_cli_parse ("", _ ("List public notices with their ids, newest first."), entries, &argc,
                     &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_unexpected (argv[1]);
  if (!check_code (BF_CODES_NOTICE_KIND, "--kind", kind, &status) ||
      !check_code (BF_CODES_NOTICE_STATE, "--state", state, &status))
    return status;
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (g_strcmp0 (village, "township") == 0)
    query.village_id = -1;
  else if (village != NULL && !bf_cli_find_village (store, village, &query.village_id, &status))
    return bf_cli_close (store, status);
  query.kind = kind;
  query.state = state;

  notices = bf_store_list_notices (store, &query, &error);
  if (notices == NULL)
    return bf_cli_close (store, bf_cli_fail (error));
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < notices->len; i++)
        notice_to_json (builder, g_ptr_array_index (notices, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      bf_cli_print_json (root);
    }
  else
    {
      print_notice (NULL);
      for (guint i = 0; i < notices->len; i++)
        print_notice (g_ptr_array_index (notices, i));
    }
  return bf_cli_close (store, status);
}

int
bf_cli_notice_pdf (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr (BfNoticeSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  gint64 notice_id = 0;
  int status = BF_CLI_OK;
  guint n_pages = 0;
  const GOptionEntry entries[] = { { "notice", 0, 0, G_OPTION_ARG_INT64, &notice_id,
                                     N_ ("The notice’s id (see “list notices”)"), N_ ("ID") },
                                   { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
                                     N_ ("The PDF file to write"), N_ ("FILE") },
                                   G_OPTION_ENTRY_NULL };
  BfStore *store;

  if (!bf_cli_parse ("", _ ("Write a notice’s printed list (A4) to a PDF file."), entries, &argc,
                     &argv))
    return BF_CLI_USAGE;
  if (argc > 1)
    return bf_cli_unexpected (argv[1]);
  if (notice_id <= 0)
    return bf_cli_usage_error (_ ("--notice ID is required"));
  if (output == NULL || *output == '\0')
    return bf_cli_usage_error (_ ("-o FILE is required"));
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  sheet = bf_notice_sheet_load (store, notice_id, &error);
  if (sheet == NULL || !bf_notice_sheet_write_pdf (sheet, output, &n_pages, &error))
    return bf_cli_close (store, bf_cli_fail (error));
  bf_cli_message (
    g_dngettext (GETTEXT_PACKAGE, "wrote %u page to %s", "wrote %u pages to %s", n_pages), n_pages,
    output);
  return bf_cli_close (store, status);
}
