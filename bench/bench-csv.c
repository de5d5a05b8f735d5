/* bench-csv.c — reading large CSV files: time, throughput and peak memory
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-csv generate long|wide MEGABYTES PATH   writes a panel CSV of that size
 *   bench-csv panel PATH                          rl_panel_load()
 *   bench-csv raw PATH                            rl_csv_read() into a workbook
 *   bench-csv resave PATH OUT                     loads PATH, saves OUT with its sidecar
 * Each reading mode prints the seconds, MB/s and the peak resident set size
 * (getrusage); bench/bench-csv.sh runs them under /usr/bin/time -v. The
 * files are generated, never committed (findings in bench/readers-findings.txt).
 */
#include "rl-csv.h"
#include "rl-panel.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define N_REGIONS 85
#define YEAR_FIRST 1990
#define YEAR_LAST 2022

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* User and system time of the process so far: on a machine shared with
 * other work it says more than the wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* A value as statistics tables give it: a few significant digits. */
static double
value_at (guint64 i)
{
  return (double) ((i * 2654435761u) % 10000000u) / 1000.0;
}

/* Long form: region × indicator × year rows until the file has @bytes. */
static void
generate_long (FILE   *out,
               gsize   bytes)
{
  gsize written = fprintf (out, "region_code,region,indicator,year,value\n");
  guint64 i = 0;

  for (guint ind = 0; written < bytes; ind++)
    for (guint r = 0; r < N_REGIONS && written < bytes; r++)
      for (int y = YEAR_FIRST; y <= YEAR_LAST && written < bytes; y++)
        written += fprintf (out, "RU-R%02u,\"Область №%u, тестовая\",indicator_%05u,%d,%.3f\n", r,
                            r, ind, y, value_at (i++));
}

/* Wide form: a region column and 50 indicator columns, a row per region. */
static void
generate_wide (FILE  *out,
               gsize  bytes)
{
  gsize written = fprintf (out, "region");
  guint64 i = 0;

  for (guint c = 0; c < 50; c++)
    written += fprintf (out, ",indicator_%02u", c);
  written += fprintf (out, "\n");
  for (guint r = 0; written < bytes; r++)
    {
      written += fprintf (out, "Территория %u", r);
      for (guint c = 0; c < 50; c++)
        written += fprintf (out, ",%.3f", value_at (i++));
      written += fprintf (out, "\n");
    }
}

static void
report (const char *what,
        const char *path,
        gint64      t0,
        double      cpu0)
{
  double seconds = (g_get_monotonic_time () - t0) / 1e6, cpu = cpu_seconds () - cpu0;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL,
                                                 NULL);
  double mb = info != NULL ? g_file_info_get_size (info) / 1e6 : 0;

  g_print ("%s %s: %.1f MB in %.3f s = %.1f MB/s (CPU %.3f s = %.1f MB/s), peak RSS %.1f MB "
           "(%.2f x the file)\n", what, path, mb, seconds, mb / seconds, cpu, mb / cpu,
           peak_rss_mb (), peak_rss_mb () * 1.048576 / mb);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 t0;
  double cpu0;

  if (argc == 5 && strcmp (argv[1], "generate") == 0)
    {
      FILE *out = fopen (argv[4], "w");
      gsize bytes = (gsize) (atof (argv[3]) * 1e6);

      if (out == NULL)
        g_error ("%s: cannot write", argv[4]);
      if (strcmp (argv[2], "wide") == 0)
        generate_wide (out, bytes);
      else
        generate_long (out, bytes);
      fclose (out);
      return 0;
    }
  if (argc == 3 && strcmp (argv[1], "panel") == 0)
    {
      g_autoptr(RlPanel) panel = NULL;

      t0 = g_get_monotonic_time ();
      cpu0 = cpu_seconds ();
      panel = rl_panel_load (argv[2], &error);
      if (panel == NULL)
        g_error ("%s", error->message);
      report ("rl_panel_load", argv[2], t0, cpu0);
      g_print ("  %u regions, %u indicators, %u values\n", rl_panel_n_regions (panel),
               rl_panel_n_indicators (panel), rl_panel_count_values (panel));
      return 0;
    }
  if (argc == 3 && strcmp (argv[1], "raw") == 0)
    {
      g_autoptr(RlWorkbook) wb = NULL;

      t0 = g_get_monotonic_time ();
      cpu0 = cpu_seconds ();
      wb = rl_csv_read (argv[2], NULL, &error);
      if (wb == NULL)
        g_error ("%s", error->message);
      report ("rl_csv_read", argv[2], t0, cpu0);
      g_print ("  %u cells\n", rl_workbook_n_cells (wb));
      return 0;
    }
  if (argc == 4 && strcmp (argv[1], "resave") == 0)
    {
      g_autoptr(RlPanel) panel = rl_panel_load (argv[2], &error);

      if (panel == NULL || !rl_panel_save (panel, argv[3], &error))
        g_error ("%s", error->message);
      return 0;
    }
  g_printerr ("usage: bench-csv generate long|wide MEGABYTES PATH | panel PATH | raw PATH | "
              "resave PATH OUT\n");
  return 2;
}
