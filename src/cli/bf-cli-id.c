/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bangfu-cli id check: needs no register. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-cli.h"
#include "bf-codes.h"
#include "bf-dates.h"
#include "bf-id-number.h"

/* ---- id check ---- */

int
bf_cli_id_check (int argc, char **argv)
{
  int status = BF_CLI_OK;

  if (!bf_cli_parse (_ ("NUMBER…"),
                     _ ("Check ID numbers (GB 11643): length, characters, region, birth date and "
                        "check character."),
                     NULL, &argc, &argv))
    return BF_CLI_USAGE;
  if (argc < 2)
    return bf_cli_usage_error (_ ("no ID number given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      BfIdNumber id;

      if (bf_id_number_parse (argv[i], NULL, &id, &error))
        {
          g_autofree char *born = bf_date_format (&id.birth_date);
          /* TRANSLATORS: "11010519491231002X: valid, born 1949-12-31, Female" */
          g_print (_ ("%s: valid, born %s, %s\n"), id.number, born,
                   bf_cli_code_label (BF_CODES_SEX, id.male ? "male" : "female"));
        }
      else
        {
          g_print (_ ("%s: invalid: %s\n"), argv[i], error->message);
          status = BF_CLI_FAILED;
        }
    }
  return status;
}
