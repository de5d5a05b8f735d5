/* rl-correlation.h — Pearson and Spearman correlation with two-sided p-values
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

typedef enum
{
  RL_CORRELATION_PEARSON,
  RL_CORRELATION_SPEARMAN,  /* Pearson r of the ranks, average ranks for ties */
} RlCorrelationMethod;

typedef enum
{
  RL_CORRELATION_OK,
  RL_CORRELATION_TOO_FEW,   /* fewer than 2 complete pairs: r and p are NaN */
  RL_CORRELATION_CONSTANT,  /* one side is constant on the complete pairs: r and p are NaN */
} RlCorrelationStatus;

/* One coefficient. Pairs with a NaN on either side are left out; n counts the
 * pairs used. The p-value is two-sided, from Student's t with n − 2 degrees of
 * freedom, t = r·√((n − 2)/(1 − r²)), as scipy.stats.pearsonr and spearmanr
 * compute it; |r| = 1 gives p = 0, and n = 2 gives r = ±1 with p = 1 (as
 * scipy.stats.pearsonr does). */
typedef struct
{
  double              r;
  double              p;
  guint               n;
  RlCorrelationStatus status;
} RlCorrelation;

/* All pairs of columns of an n × d matrix, pairwise-complete. r and p are
 * d × d and symmetric; n and status are d × d, row-major (entry i·d + j).
 * The diagonal of a column with at least 2 distinct values is r = 1 and
 * p = 0 (p = 1 when only 2 values are present). */
typedef struct
{
  RlCorrelationMethod  method;
  guint                d;
  gsl_matrix          *r;
  gsl_matrix          *p;
  guint               *n;
  RlCorrelationStatus *status;
} RlCorrelationMatrix;

const char *rl_correlation_method_name (RlCorrelationMethod method);

/* Two-sided p-value of a correlation coefficient @r from @n pairs (NaN for n < 2). */
double      rl_correlation_p_value     (double r,
                                        guint  n);

/* Fills @ranks (n entries) with the 1-based ranks of @x; tied values get the
 * mean of the ranks they span. @x must not contain NaN. */
void        rl_correlation_rank        (const double *x,
                                        gsize         n,
                                        double       *ranks);

/* Correlation of two vectors of the same length; fails only when the lengths differ. */
gboolean    rl_correlation_pair        (RlCorrelationMethod method,
                                        const gsl_vector   *x,
                                        const gsl_vector   *y,
                                        RlCorrelation      *out,
                                        GError            **error);

RlCorrelationMatrix *rl_correlation_matrix      (RlCorrelationMethod method,
                                                 const gsl_matrix   *X,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
void                 rl_correlation_matrix_free (RlCorrelationMatrix *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlCorrelationMatrix, rl_correlation_matrix_free)

G_END_DECLS
