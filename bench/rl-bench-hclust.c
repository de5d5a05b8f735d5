/* rl-bench-hclust.c — times hierarchical clustering and the silhouette on a stored matrix
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rl-bench-hclust single|complete|average|ward|silhouette N D X.f64 [LABELS.u32 K]
 *
 * X.f64 holds N × D doubles (row-major, native byte order), LABELS.u32 N
 * 32-bit labels. Prints one line: the operation, the wall time in seconds
 * and a value to compare with the reference tool (the sum of the merge
 * heights, or the mean silhouette).
 */
#include <stdio.h>
#include <stdlib.h>
#include "rl-hclust.h"
#include "rl-validity.h"

static gpointer
read_file (const char *path,
           gsize       want)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s", error->message);
  if (len != want)
    g_error ("%s: %" G_GSIZE_FORMAT " bytes, expected %" G_GSIZE_FORMAT, path, len, want);
  return data;
}

static double
time_linkage (const gsl_matrix *X,
              RlLinkage         method,
              double           *value)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(gsl_matrix) Z = rl_hclust_linkage (X, method, NULL, &error);
  double seconds = (g_get_monotonic_time () - t0) / 1e6;

  if (Z == NULL)
    g_error ("%s", error->message);
  *value = 0.0;
  for (gsize i = 0; i < Z->size1; i++)
    *value += gsl_matrix_get (Z, i, 2);
  return seconds;
}

static double
time_silhouette (const gsl_matrix *X,
                 const char       *labels_path,
                 guint             k,
                 double           *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *labels = read_file (labels_path, X->size1 * sizeof (guint32));
  gint64 t0 = g_get_monotonic_time ();

  G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));
  if (!rl_silhouette (X, (const guint *) labels, k, value, NULL, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autofree double *data = NULL;
  gsl_matrix_view X;
  RlLinkage method;
  gsize n, d;
  double seconds, value;

  if (argc < 5)
    {
      fprintf (stderr, "usage: %s single|complete|average|ward|silhouette N D X.f64 "
               "[LABELS.u32 K]\n", argv[0]);
      return 2;
    }
  n = g_ascii_strtoull (argv[2], NULL, 10);
  d = g_ascii_strtoull (argv[3], NULL, 10);
  data = read_file (argv[4], n * d * sizeof (double));
  X = gsl_matrix_view_array (data, n, d);
  if (g_str_equal (argv[1], "silhouette") && argc == 7)
    seconds = time_silhouette (&X.matrix, argv[5], atoi (argv[6]), &value);
  else if (rl_linkage_from_string (argv[1], &method, NULL))
    seconds = time_linkage (&X.matrix, method, &value);
  else
    {
      fprintf (stderr, "unknown operation %s\n", argv[1]);
      return 2;
    }
  printf ("%s %.6f %.17g\n", argv[1], seconds, value);
  return 0;
}
