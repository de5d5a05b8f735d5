/* rl-pca.h — principal component analysis by singular value decomposition
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

/* The principal components of an n × d matrix X, as scikit-learn's
 * PCA(n_components = m, svd_solver = "full") computes them. */
typedef struct
{
  guint       n, d, m;
  gsl_vector *mean;                      /* d: column means of X */
  gsl_matrix *components;                /* d × m: column c is the unit vector of component c */
  gsl_vector *explained_variance;        /* m: σ_c² / (n − 1), decreasing */
  gsl_vector *explained_variance_ratio;  /* m: share of the total variance */
  gsl_vector *singular_values;           /* m */
  gsl_matrix *scores;                    /* n × m: (X − mean) · components */
  double      total_variance;            /* Σ over all columns of the sample variance */
} RlPca;

/* Computes the first @n_components components of @X (0 means all
 * min(n, d) of them). Signs follow scikit-learn's svd_flip: in each column
 * of scores the entry of largest magnitude (the first one on ties) is
 * positive. Components of zero variance (constant columns, n <= d) are
 * present with variance 0 and an arbitrary direction orthogonal to the rest.
 * Needs n >= 2 finite rows and n_components <= min(n, d). */
RlPca *rl_pca      (const gsl_matrix *X,
                    guint             n_components,
                    GError          **error);
void   rl_pca_free (RlPca *self);

/* Projects new rows @Y (n' × d) on the components: (Y − mean) · components. */
gsl_matrix *rl_pca_transform (const RlPca      *self,
                              const gsl_matrix *Y,
                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlPca, rl_pca_free)

G_END_DECLS
