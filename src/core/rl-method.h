/* rl-method.h — one entry point for every clustering method
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-clustering.h"
#include "rl-progress.h"

G_BEGIN_DECLS

typedef enum
{
  RL_METHOD_KMEANS,
  RL_METHOD_GMM,
  RL_METHOD_HCLUST,
  RL_METHOD_ES,
  RL_METHOD_DE,
  RL_METHOD_GA,
  RL_METHOD_IMMUNE,
  RL_N_METHODS
} RlMethod;

/* What the user chose: the method and its options. Fields a method does not
 * use are ignored. */
typedef struct
{
  RlMethod  method;
  guint     k;
  guint64   seed;
  guint     n_init;       /* k-means and Gaussian mixture restarts (default 10) */
  guint     max_iter;     /* 0 = the method's default */
  int       covariance;   /* RlCovariance of rl-gmm.h (default full) */
  int       linkage;      /* RlLinkage of rl-hclust.h (default Ward) */
  guint     iterations;   /* evolutionary methods: T (default 2000) */
  guint     population;   /* evolutionary methods: N (default 100) */
  gboolean  per_centre;   /* evolutionary methods: optimise one centre at a time */
  gboolean  polish;       /* evolutionary methods: finish with Lloyd iterations */
} RlMethodSpec;

void          rl_method_spec_init    (RlMethodSpec       *spec);
const char   *rl_method_to_string    (RlMethod            method);
gboolean      rl_method_from_string  (const char         *name,
                                      RlMethod           *method);
/* Whether the method reports progress worth a progress bar. */
gboolean      rl_method_is_long      (RlMethod            method);

/* Runs the method on X (already scaled as the caller wants). The result's
 * labels are in 0 .. k−1; centres are in the units of X. */
RlClustering *rl_method_run          (const gsl_matrix   *X,
                                      const RlMethodSpec *spec,
                                      RlProgressFunc      progress,
                                      gpointer            progress_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* An RlClusterFunc (select-k, comparisons, stability) running rl_method_run
 * with @spec (an RlMethodSpec) at the k asked for, without progress. */
RlClustering *rl_method_cluster_func (const gsl_matrix   *X,
                                      guint               k,
                                      gpointer            spec,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS
