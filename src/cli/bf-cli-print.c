/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli print card and print form: household documents to a PDF file. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "bf-cli.h"
#include "bf-documents.h"
#include "bf-store-documents.h"
#include "bf-store-household.h"

static void
show_progress (guint done, guint total, gpointer user_data)
{
  /* On a terminal only, every 50 households and at the end: scripts read the last line. */
  if (done % 50 == 0 || done == total)
    {
      g_printerr ("\r");
      g_printerr (_ ("Printing %u of %u households…"), done, total);
    }
  if (done == total)
    g_printerr ("\n");
}

/* The households the arguments name, in their order; FALSE after printing why. */
static gboolean
find_households (BfStore *store,
                 BfDocumentKind kind,
                 const char *village,
                 char **numbers,
                 int n_numbers,
                 GArray **ids,
                 int *status)
{
  g_autoptr (GError) error = NULL;

  if (village != NULL)
    {
      gint64 village_id = 0;

      if (!bf_cli_find_village (store, village, &village_id, status))
        return FALSE;
      /* A wall card is for a household under assistance; every household has a form. */
      *ids = bf_store_village_household_ids (store, village_id, kind == BF_DOCUMENT_CARD, &error);
      if (*ids == NULL)
        {
          *status = bf_cli_fail (error);
          return FALSE;
        }
      if ((*ids)->len == 0)
        {
          bf_cli_message (kind == BF_DOCUMENT_CARD
                            ? _ ("village “%s” has no households under assistance")
                            : _ ("village “%s” has no households"),
                          village);
          *status = BF_CLI_FAILED;
          return FALSE;
        }
      return TRUE;
    }
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < n_numbers; i++)
    {
      g_autoptr (BfHousehold) household =
        bf_store_household_get_by_number (store, numbers[i], &error);

      if (household == NULL)
        {
          *status = bf_cli_fail (error);
          return FALSE;
        }
      g_array_append_val (*ids, household->id);
    }
  return TRUE;
}

static int
print_documents (int argc, char **argv, BfDocumentKind kind)
{
  g_autofree char *output = NULL;
  g_autofree char *village = NULL;
  g_autofree char *paper = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  BfDocumentOptions options = { kind, BF_PAPER_A4, 0 };
  BfDocumentsResult result = { 0 };
  int status = BF_CLI_OK;
  const GOptionEntry card_entries[] = {
    { "village", 0, 0, G_OPTION_ARG_STRING, &village,
      N_ ("Every household of this village (name or id) under assistance"), N_ ("V") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_ ("a4 (default), a5, or a4-2up: two A5 cards on each A4 sheet"), N_ ("PAPER") },
    { "year", 0, 0, G_OPTION_ARG_INT, &options.year,
      N_ ("The plan year whose measures the card lists (default: this year)"), N_ ("Y") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry form_entries[] = {
    { "village", 0, 0, G_OPTION_ARG_STRING, &village,
      N_ ("Every household of this village (name or id)"), N_ ("V") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL
  };
  BfStore *store;

  if (!bf_cli_parse (_ ("[NUMBER…]"),
                     kind == BF_DOCUMENT_CARD
                       ? _ ("Write the 帮扶明白卡 of households, or of a village’s households "
                            "under assistance, to a PDF file: one card after another.")
                       : _ ("Write the registration form (贫困户登记表) of households, or of every "
                            "household of a village, to a PDF file (A4): one after another."),
                     kind == BF_DOCUMENT_CARD ? card_entries : form_entries, &argc, &argv))
    return BF_CLI_USAGE;
  if (output == NULL || *output == '\0')
    return bf_cli_usage_error (_ ("-o FILE is required"));
  if (village == NULL && argc < 2)
    return bf_cli_usage_error (_ ("give household numbers or --village V"));
  if (village != NULL && argc > 1)
    return bf_cli_usage_error (_ ("give household numbers or --village V, not both"));
  if (paper != NULL && !bf_paper_parse (paper, &options.paper))
    return bf_cli_usage_error (_ ("unknown paper “%s”; use one of: a4, a5, a4-2up"), paper);
  if (!bf_document_options_check (&options, &error))
    return bf_cli_usage_error ("%s", error->message);
  if ((store = bf_cli_open (BF_STORE_OPEN_READ_ONLY, &status)) == NULL)
    return status;

  if (!find_households (store, kind, village, argv + 1, argc - 1, &ids, &status))
    return bf_cli_close (store, status);
  if (!bf_documents_write_pdf (store, &options, (const gint64 *) (void *) ids->data, ids->len,
                               output, isatty (STDERR_FILENO) ? show_progress : NULL, NULL, NULL,
                               &result, &error))
    return bf_cli_close (store, bf_cli_fail (error));
  bf_cli_message (g_dngettext (GETTEXT_PACKAGE,
                               "wrote %u household’s documents (%u pages on %u sheets) to %s",
                               "wrote %u households’ documents (%u pages on %u sheets) to %s",
                               result.n_documents),
                  result.n_documents, result.n_pages, result.n_sheets, output);
  return bf_cli_close (store, status);
}

int
bf_cli_print_card (int argc, char **argv)
{
  return print_documents (argc, argv, BF_DOCUMENT_CARD);
}

int
bf_cli_print_form (int argc, char **argv)
{
  return print_documents (argc, argv, BF_DOCUMENT_FORM);
}
