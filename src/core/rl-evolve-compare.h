/* rl-evolve-compare.h — runs several clustering methods over a range of k and compares them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-evolve.h"

G_BEGIN_DECLS

/* Any clustering method, seen from the comparison: cluster X into k groups. */
typedef RlClustering *(*RlEvolveCompareFunc) (const gsl_matrix *X,
                                              guint             k,
                                              gpointer          data,
                                              GCancellable     *cancellable,
                                              GError          **error);

typedef struct
{
  const char          *name;   /* as shown: "es", "kmeans", "hclust-single" … */
  RlEvolveCompareFunc  func;
  gpointer             data;   /* passed to func */
} RlEvolveCompareMethod;

/* One method at one k. */
typedef struct
{
  char   *method;
  guint   k;
  double  f_min;        /* f_k of the method's result */
  double  growth_ratio; /* f_min(k + 1) / f_min(k) of the same method; NaN at k_max */
  double  inertia;
  guint   n_empty;
  double  seconds;      /* wall-clock time of the run (g_get_monotonic_time) */
  GArray *history;      /* of double, best f per iteration; NULL for other methods */
} RlEvolveCompareRow;

typedef struct
{
  guint      k_min, k_max;
  GPtrArray *rows;      /* of RlEvolveCompareRow*: method by method, k ascending */
} RlEvolveCompare;

void             rl_evolve_compare_free (RlEvolveCompare *self);

/* Runs every method for k = k_min .. k_max. Fails with the first method's error; progress
 * advances after every run; cancellation is passed to the methods and checked between runs. */
RlEvolveCompare *rl_evolve_compare (const gsl_matrix            *X,
                                    guint                        k_min,
                                    guint                        k_max,
                                    const RlEvolveCompareMethod *methods,
                                    guint                        n_methods,
                                    RlProgressFunc               progress,
                                    gpointer                     progress_data,
                                    GCancellable                *cancellable,
                                    GError                     **error);

/* An RlEvolveCompareFunc for the evolutionary methods: data is an RlEvolveOptions whose k
 * is replaced by the k asked for. */
RlClustering    *rl_evolve_compare_evolve_func (const gsl_matrix *X,
                                                guint             k,
                                                gpointer          options,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Fills methods[0 .. 3] with es, de, ga and immune, using options[0 .. 3], copies of @base
 * with the method set. Both arrays belong to the caller and must outlive the comparison. */
void             rl_evolve_compare_add_evolutionary (const RlEvolveOptions *base,
                                                     RlEvolveOptions        options[4],
                                                     RlEvolveCompareMethod  methods[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlEvolveCompare, rl_evolve_compare_free)

G_END_DECLS
