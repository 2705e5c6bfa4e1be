/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import's reading alone: bf_import_read() of a whole sheet with a batch function that only
 * counts, as a dry run does. Prints "households people refused_rows rows". */
#include <stdio.h>
#include <stdlib.h>

#include "bf-import.h"

static gboolean
count (BfImportBatch *batch, gpointer user_data, GError **error)
{
  guint *batches = user_data;

  (*batches)++;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  BfImportOptions options = { 0 };
  BfImportSummary summary;
  guint batches = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-import FILE\n");
      return 2;
    }
  if (!bf_import_read (argv[1], &options, count, NULL, &batches, NULL, &summary, &error))
    {
      fprintf (stderr, "bench-import: %s\n", error->message);
      return 1;
    }
  printf ("%lu %lu %lu %lu %u\n", (unsigned long) summary.households,
          (unsigned long) summary.people, (unsigned long) summary.refused_rows,
          (unsigned long) summary.rows, batches);
  bf_import_summary_clear (&summary);
  return 0;
}
