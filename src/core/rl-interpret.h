/* rl-interpret.h — what the clusters mean: profiles, η per indicator, need order,
 * agreement between labelings and co-assignment stability
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "rl-grouping.h"

G_BEGIN_DECLS

/* Clusters described in the original units of the data. Missing values (NaN)
 * are left out column by column; a cluster without values in a column has
 * NaN mean and median there. */
typedef struct
{
  guint             n, d, k;
  guint            *sizes;       /* k: rows per cluster */
  gsl_matrix       *means;       /* k × d */
  gsl_matrix       *medians;     /* k × d */
  double           *eta;         /* d: correlation ratio of each column on the clusters */
  double           *eta2;        /* d: η² */
  RlChaddock       *chaddock;    /* d */
  RlGroupingStatus *eta_status;  /* d: RL_GROUPING_CONSTANT when a column is constant (η NaN) */
  double           *need;        /* k: mean need score of the members; NaN when empty or no scores */
  guint            *order;       /* k: clusters, neediest (highest mean need) first; NaN last,
                                  * ties by cluster index; 0 .. k−1 without scores */
  guint             neediest;    /* order[0] with scores, RL_GROUP_NONE without */
} RlInterpretation;

/* @X is n × d in original units, @labels n entries in 0 .. k−1 (RL_GROUP_NONE
 * leaves a row out), @need an optional per-row need score (NaN rows ignored). */
RlInterpretation *rl_interpretation_new  (const gsl_matrix *X,
                                          const guint      *labels,
                                          guint             k,
                                          const gsl_vector *need,
                                          GError          **error);
void              rl_interpretation_free (RlInterpretation *self);

/* The adjusted Rand index of two labelings of n rows (any label values),
 * as sklearn.metrics.adjusted_rand_score: 1 for identical partitions (and
 * for n ≤ 1), about 0 for independent ones, negative below chance. */
double            rl_adjusted_rand_index (const guint *a,
                                          const guint *b,
                                          gsize        n);

/* Co-assignment over many labelings of the same n rows (bootstrap or
 * restarts). For each pair (i, j) it counts the labelings in which both rows
 * are labelled (a label RL_GROUP_NONE marks a row left out of that labeling)
 * and those in which they share a cluster; their ratio is the co-assignment
 * fraction C(i, j) (NaN when never both labelled; C(i, i) = 1).
 *
 * Stability of row i against a reference labeling R (normally the clustering
 * being reported): the mean of C(i, j) over the other members j of i's
 * cluster in R, its modal cluster, skipping pairs never labelled together.
 * 1 means i was always grouped with its cluster-mates, 0 never. A row alone
 * in its reference cluster (or with no usable pair) has stability NaN. */
typedef struct
{
  guint  n;
  guint  n_labelings;
  guint *together;  /* n × n, row-major */
  guint *both;      /* n × n, row-major */
} RlCoassignment;

RlCoassignment *rl_coassignment_new       (guint n);
void            rl_coassignment_free      (RlCoassignment *self);
gboolean        rl_coassignment_add       (RlCoassignment *self,
                                           const guint    *labels,
                                           gsize           n,
                                           GError        **error);
double          rl_coassignment_fraction  (const RlCoassignment *self,
                                           guint                 i,
                                           guint                 j);
/* Fills @stability (n entries) against @reference (n labels). */
gboolean        rl_coassignment_stability (const RlCoassignment *self,
                                           const guint          *reference,
                                           gsize                 n,
                                           double               *stability,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlInterpretation, rl_interpretation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlCoassignment, rl_coassignment_free)

G_END_DECLS
