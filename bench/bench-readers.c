/* bench-readers.c — how long opening spreadsheet files takes
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-readers [--repeat N] [--dump] FILE…
 * Opens every file N times (default 5) and prints the best time per file and
 * the total; --dump prints the grid of each file as TSV instead.
 */
#include "rl-reader.h"

#include <stdlib.h>
#include <string.h>

static double
best_open_time (const char *path,
                guint       repeat,
                guint      *n_cells)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);
      double dt = (g_get_monotonic_time () - t0) / 1e6;

      if (wb == NULL)
        g_error ("%s", error->message);
      best = MIN (best, dt);
      *n_cells = 0;
      for (guint i = 0; i < rl_workbook_n_sheets (wb); i++)
        *n_cells += rl_sheet_n_cells (rl_workbook_get_sheet (wb, i));
    }
  return best;
}

int
main (int    argc,
      char **argv)
{
  guint repeat = 5;
  gboolean dump = FALSE;
  double total = 0;

  for (int i = 1; i < argc; i++)
    {
      guint n_cells = 0;
      double t;

      if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
        {
          repeat = (guint) MAX (1, atoi (argv[i + 1]));
          i++;
          continue;
        }
      if (strcmp (argv[i], "--dump") == 0)
        {
          dump = TRUE;
          continue;
        }
      if (dump)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RlWorkbook) wb = rl_workbook_open (argv[i], &error);

          if (wb == NULL || !rl_workbook_dump_file (wb, NULL, stdout, &error))
            g_printerr ("%s\n", error->message);
          continue;
        }
      t = best_open_time (argv[i], repeat, &n_cells);
      total += t;
      g_print ("%8.2f ms %8u cells  %s\n", t * 1e3, n_cells, argv[i]);
    }
  if (!dump)
    g_print ("%8.2f ms total (best of %u runs per file)\n", total * 1e3, repeat);
  return 0;
}
