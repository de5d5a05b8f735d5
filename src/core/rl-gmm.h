/* rl-gmm.h — Gaussian mixtures fitted by expectation–maximisation
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
  RL_COVARIANCE_FULL,       /* one full covariance matrix per component */
  RL_COVARIANCE_TIED,       /* one full covariance matrix shared by all components */
  RL_COVARIANCE_DIAG,       /* one diagonal covariance per component */
  RL_COVARIANCE_SPHERICAL,  /* one variance per component */
} RlCovariance;

/* "full", "tied", "diag", "spherical" */
const char *rl_covariance_to_string   (RlCovariance  covariance);
gboolean    rl_covariance_from_string (const char   *name,
                                       RlCovariance *covariance,
                                       GError      **error);

#define RL_GMM_SWAP_AUTO G_MAXUINT

typedef struct
{
  guint        k;           /* components, 1 .. n (no default: 0 is an error) */
  RlCovariance covariance;  /* default RL_COVARIANCE_FULL */
  guint        n_init;      /* EM runs from different k-means starts, the highest
                             * likelihood wins (default 1) */
  guint        max_iter;    /* EM iterations per run (default 100) */
  double       tol;         /* stop when the mean log-likelihood per row changes by
                             * less than this (default 1e-3) */
  double       reg_covar;   /* added to the diagonal of every covariance (default 1e-6) */
  guint64      seed;        /* run r starts from k-means seeded with
                             * rl_rng_derive_seed (seed, r) (default 0) */
  guint        n_swap;      /* random-swap trials on the best run (one component moved
                             * to a far row, EM again, kept when the likelihood rises),
                             * followed by EM with tol/100 on the best fit;
                             * RL_GMM_SWAP_AUTO (default): 10·k when n·d²·k <= 1e6, else 0 */
} RlGmmOptions;

void rl_gmm_options_init (RlGmmOptions *opts);

/* A fitted mixture. Covariances are stored expanded to full d × d matrices
 * for every covariance type (tied: all blocks equal). */
typedef struct
{
  RlCovariance covariance;
  guint        k, d;
  gsl_vector  *weights;        /* k, sum to 1 */
  gsl_matrix  *means;          /* k × d */
  gsl_matrix  *covariances;    /* (k·d) × d, block c is Σ_c */
  guint        n_regularised;  /* factorisations that needed more than reg_covar */
  double       max_extra_reg;  /* the largest regularisation added beyond reg_covar */
} RlGmmModel;

RlGmmModel      *rl_gmm_model_new        (RlCovariance covariance,
                                          guint        k,
                                          guint        d);
void             rl_gmm_model_free       (RlGmmModel  *self);
RlGmmModel      *rl_gmm_model_copy       (const RlGmmModel *self);

/* The covariance matrix Σ_c of component @c (a view into self->covariances). */
gsl_matrix_view  rl_gmm_model_covariance (RlGmmModel  *self,
                                          guint        c);

/* Free parameters as counted for BIC and AIC: covariances (full k·d(d+1)/2,
 * tied d(d+1)/2, diag k·d, spherical k) + k·d means + k − 1 weights. */
guint            rl_gmm_n_parameters     (RlCovariance covariance,
                                          guint        k,
                                          guint        d);

/* Total log-likelihood Σ_i log Σ_c w_c N(x_i | μ_c, Σ_c) of the rows of @X. */
gboolean         rl_gmm_model_log_likelihood (const RlGmmModel *self,
                                              const gsl_matrix *X,
                                              double           *log_likelihood,
                                              GError          **error);

/* Fits a mixture to the rows of @X (n × d, finite). On success returns TRUE
 * and, for the non-NULL out arguments, the model and a clustering with
 * method "gmm": labels (the most responsible component, numbered as in the
 * model), centres (the means), responsibilities (n × k), log_likelihood
 * (total), bic, aic, n_iter, converged, and inertia, f_k, n_empty of the
 * labels around the means. A covariance that is not positive definite gets
 * more regularisation (×10 steps, counted in model->n_regularised); the fit
 * fails with RL_ERROR_NUMERIC only if that does not help. Errors as
 * rl_kmeans(), plus RL_ERROR_INVALID for bad options. */
gboolean         rl_gmm_fit (const gsl_matrix   *X,
                             const RlGmmOptions *opts,
                             RlGmmModel        **model,
                             RlClustering      **clustering,
                             RlProgressFunc      progress,
                             gpointer            user_data,
                             GCancellable       *cancellable,
                             GError            **error);

/* rl_gmm_fit() when only the clustering is wanted. */
RlClustering    *rl_gmm     (const gsl_matrix   *X,
                             const RlGmmOptions *opts,
                             RlProgressFunc      progress,
                             gpointer            user_data,
                             GCancellable       *cancellable,
                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlGmmModel, rl_gmm_model_free)

G_END_DECLS
