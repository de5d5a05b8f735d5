/* rl-bench-evolve.c — timings and convergence measurements of the evolutionary clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rl-bench-evolve speed                 each method at T = 2000, N = 100, k = 4 on the
 *                                       auxiliary set and on an 83 × 10 random matrix
 * rl-bench-evolve findings [K…]         f_k, empty clusters and the iteration where the best
 *                                       f settles, plain / per-centre / Lloyd-polished, for
 *                                       every k given (default 2 … 9), against Lloyd with
 *                                       100 restarts
 * rl-bench-evolve synth SEED OUT.csv    writes the auxiliary set for SEED (raw units)
 * Both on data min-max scaled to [-10, 10]; seed 1 unless RL_BENCH_SEED is set.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rl-evolve-private.h"
#include "rl-rng.h"
#include "rl-synth.h"

static guint64
bench_seed (void)
{
  const char *s = g_getenv ("RL_BENCH_SEED");

  return s != NULL ? g_ascii_strtoull (s, NULL, 10) : 1;
}

static gsl_matrix *
random_panel (guint64 seed)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (seed);
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (83, 10);

  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < X->size2; j++)
      gsl_matrix_set (X, i, j, gsl_rng_uniform (rng));
  return rl_evolve_scale_minmax (X, -10, 10);
}

/* First iteration after which the best f stays within 0.1 % of its final value. */
static guint
settled_at (const GArray *history)
{
  double last = g_array_index (history, double, history->len - 1);
  guint t = history->len;

  while (t > 0 && g_array_index (history, double, t - 1) <= last * 1.001)
    t--;
  return t + 1;
}

static RlClustering *
run (const gsl_matrix *X,
     RlEvolveMethod    method,
     guint             k,
     gboolean          per_centre,
     gboolean          polish,
     double           *seconds)
{
  RlEvolveOptions o;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  RlClustering *c;

  rl_evolve_options_init (&o);
  o.method = method;
  o.k = k;
  o.seed = bench_seed ();
  o.per_centre = per_centre;
  o.lloyd_polish = polish;
  c = rl_evolve (X, &o, NULL, NULL, NULL, &error);
  if (c == NULL)
    g_error ("%s", error->message);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  return c;
}

static void
speed (void)
{
  g_autoptr(gsl_matrix) raw = rl_synth_paper_auxiliary (bench_seed (), NULL);
  g_autoptr(gsl_matrix) aux = rl_evolve_scale_minmax (raw, -10, 10);
  g_autoptr(gsl_matrix) panel = random_panel (bench_seed ());
  const gsl_matrix *sets[] = { aux, panel };
  const char *names[] = { "auxiliary 350x2", "random 83x10" };

  printf ("%-16s %-7s %9s %10s\n", "data", "method", "seconds", "f_k");
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
      {
        double sec;
        g_autoptr(RlClustering) c = run (sets[s], m, 4, FALSE, FALSE, &sec);

        printf ("%-16s %-7s %9.2f %10.4f\n", names[s], c->method, sec, c->f_k);
        fflush (stdout);
      }
}

static void
findings (guint        n_ks,
          const guint *ks)
{
  g_autoptr(gsl_matrix) raw = rl_synth_paper_auxiliary (bench_seed (), NULL);
  g_autoptr(gsl_matrix) aux = rl_evolve_scale_minmax (raw, -10, 10);
  const char *variants[] = { "plain", "per-centre", "polish", "both" };

  printf ("%2s %-7s %-10s %9s %5s %8s %7s %9s\n", "k", "method", "variant", "f_k", "empty",
          "settled", "seconds", "lloyd_f_k");
  for (guint i = 0; i < n_ks; i++)
    {
      g_autoptr(RlClustering) ref = rl_evolve_lloyd_restarts (aux, ks[i], 100, 7);

      for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
        for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
          {
            double sec;
            g_autoptr(RlClustering) c = run (aux, m, ks[i], v & 1, v >> 1, &sec);

            printf ("%2u %-7s %-10s %9.4f %5u %8u %7.2f %9.4f\n", ks[i], c->method, variants[v],
                    c->f_k, c->n_empty, settled_at (c->history), sec, ref->f_k);
            fflush (stdout);
          }
    }
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "speed"))
    speed ();
  else if (argc >= 2 && g_str_equal (argv[1], "findings"))
    {
      guint ks[16], n = 0;

      for (int i = 2; i < argc && n < G_N_ELEMENTS (ks); i++)
        ks[n++] = atoi (argv[i]);
      for (guint k = 2; n == 0 && k <= 9; k++)
        ks[k - 2] = k;
      findings (n > 0 ? n : 8, ks);
    }
  else if (argc == 4 && g_str_equal (argv[1], "synth"))
    {
      const char *names[] = { "x", "y" };
      g_autoptr(gsl_matrix) X = rl_synth_paper_auxiliary (g_ascii_strtoull (argv[2], NULL, 10),
                                                          NULL);
      g_autoptr(GError) error = NULL;

      if (!rl_synth_write_csv (X, names, argv[3], &error))
        g_error ("%s", error->message);
    }
  else
    {
      fprintf (stderr, "usage: %s speed | findings [K…] | synth SEED OUT.csv\n", argv[0]);
      return 2;
    }
  return 0;
}
