/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ledger export alone, as the Ledgers page runs it on an open register: bf_ledger_write() from
 * its own read connection, without bangfu-cli's opening check and closing backup.
 *   bench-ledger REGISTER YEAR QUARTER OUT.xlsx
 * Prints the rows written and the seconds taken. */
#include <stdio.h>
#include <stdlib.h>

#include "bf-ledger.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  BfLedgerOptions options = { 0 };
  BfLedgerResult result;
  gint64 start;

  if (argc != 5)
    {
      fprintf (stderr, "usage: bench-ledger REGISTER YEAR QUARTER OUT.xlsx\n");
      return 2;
    }
  options.register_path = argv[1];
  options.year = atoi (argv[2]);
  options.quarter = atoi (argv[3]);
  options.operator_name = "bench";
  start = g_get_monotonic_time ();
  if (!bf_ledger_write (&options, argv[4], NULL, NULL, NULL, &result, &error))
    {
      fprintf (stderr, "bench-ledger: %s\n", error->message);
      return 1;
    }
  printf ("%" G_GINT64_FORMAT " rows on %u sheets in %.2f s\n", result.total_rows, result.n_sheets,
          (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
