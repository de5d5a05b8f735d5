/* rl-analysis.h — one analysis as the application shows it: frame, clustering,
 * rating, interpretation, projections and curves, computed together
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-clustering.h"
#include "rl-correlation.h"
#include "rl-frame.h"
#include "rl-interpret.h"
#include "rl-method.h"
#include "rl-panel.h"
#include "rl-pca.h"
#include "rl-progress.h"
#include "rl-rating.h"
#include "rl-rating-uncertainty.h"
#include "rl-select-k.h"

G_BEGIN_DECLS

/* What the user chose in the settings panel (or on the command line). The
 * spec owns its strings and arrays: copy with rl_analysis_spec_copy(), free
 * with rl_analysis_spec_free(). */
typedef struct
{
  RlFrameSpec   frame;          /* year, features, missing values, log, scaling */
  RlMethodSpec  method;         /* method, k, seed and method options */
  RlPolarity   *polarity;       /* one per frame feature, or NULL: the panel's metadata */
  RlNormalize   normalize;      /* rating normalisation (z) */
  RlWeighting   weighting;      /* equal */
  double       *weights;        /* one per frame feature for RL_WEIGHTS_USER, else NULL */
  gboolean      with_select_k;  /* run the method for k_min .. k_max (elbow, growth, BIC) */
  guint         k_min, k_max;   /* 2 .. 9 */
  gboolean      with_bic_curves;/* Gaussian mixtures of every covariance type over k_min .. k_max */
  guint         uncertainty_runs; /* Monte Carlo runs of the rating; 0 = none (default 1000) */
  gboolean      with_history;   /* rank (and, for the fast methods, cluster) in every year */
} RlAnalysisSpec;

/* Everything the views draw. Rows are the frame's rows (regions kept after the
 * missing-value policy) in frame order; NULL members were not asked for or
 * could not be computed (see @warnings). */
typedef struct
{
  RlAnalysisSpec       *spec;           /* a copy of what was run */
  RlFrame              *frame;
  RlClustering         *clustering;     /* labels ordered so cluster 0 is the neediest when
                                         * there is a rating */
  double               *silhouette;     /* n per-region silhouette values, or NULL */
  double                silhouette_mean;
  gsl_matrix           *linkage;        /* for the dendrogram: the method's own when hclust,
                                         * else Ward on the scaled frame */
  RlPca                *pca;            /* at least 2 components when d ≥ 2, else NULL */
  RlRating             *rating;         /* NULL when no feature has a polarity */
  RlRatingUncertainty  *uncertainty;
  RlInterpretation     *interpretation; /* cluster sizes, means in original units, η per feature */
  RlCorrelationMatrix  *correlation;    /* Pearson over the raw frame columns */
  RlSelectK            *select_k;       /* the chosen method over k_min .. k_max */
  RlSelectK            *bic[4];         /* by RlCovariance, when with_bic_curves */
  /* with_history: by panel region (rl_panel_n_regions) × year (years[]) */
  GArray               *years;          /* of int */
  guint                *rank_history;   /* n_regions × n_years, 0 = not rated that year */
  int                  *cluster_history;/* n_regions × n_years, −1 = not clustered; labels
                                         * matched to the chosen year's clusters */
  GPtrArray            *warnings;       /* of char*: what was skipped and why, for people */
} RlAnalysis;

/* Defaults: the panel's latest usable year, every indicator, missing = median,
 * z-scores, k-means with k = 4 and seed 1, k 2 .. 9, 1000 uncertainty runs,
 * select-k and history on, BIC curves off.
 *
 * The year: frame.year = 0 (RL_YEAR_NONE) means "the default year": for a
 * wide panel its only year, for a panel with years the latest year in which
 * every chosen feature has at least one value (the latest year with any value
 * when frame.features is NULL); see rl_analysis_default_year(). A non-zero
 * year with a wide panel is an error. @polarity and @weights are arrays of
 * g_strv_length (frame.features) entries, so they need frame.features. */
void            rl_analysis_spec_init  (RlAnalysisSpec       *spec);
RlAnalysisSpec *rl_analysis_spec_copy  (const RlAnalysisSpec *spec);
void            rl_analysis_spec_clear (RlAnalysisSpec       *spec);
void            rl_analysis_spec_free  (RlAnalysisSpec       *spec);

/* Runs the analysis on @panel; thread-safe for a panel nobody modifies.
 * Progress goes from 0 to 1 over all steps; cancellation returns NULL with
 * G_IO_ERROR_CANCELLED. Errors (no usable year or feature, k larger than the
 * regions kept, …) name what is wrong. */
RlAnalysis     *rl_analysis_run        (const RlPanel        *panel,
                                        const RlAnalysisSpec *spec,
                                        RlProgressFunc        progress,
                                        gpointer              progress_data,
                                        GCancellable         *cancellable,
                                        GError              **error);
void            rl_analysis_free       (RlAnalysis           *self);

/* The year an analysis of @features (NULL: every indicator) uses when none is
 * chosen: RL_YEAR_NONE for a wide panel, else the latest year in which every
 * feature has a value for at least one region. Fails for an unknown feature
 * or when no year has them all; returns RL_YEAR_NONE then. */
int             rl_analysis_default_year (const RlPanel      *panel,
                                          const char * const *features,
                                          GError            **error);
/* The year of a default choice of @features (NULL: every indicator; some
 * may be left out): the latest year in which the most of them have a value for at least one region;
 * RL_YEAR_NONE for a wide panel, and with an error when no year has any. */
int             rl_analysis_default_year_of_most (const RlPanel      *panel,
                                                  const char * const *features,
                                                  GError            **error);

/* The need rating of @frame's rows over those of its features that have a
 * polarity (@polarity, one per frame feature, or NULL: the panel's metadata),
 * with z-scores and equal weights, as rl_analysis_run() rates them. NULL
 * without an error when no feature has a polarity. */
RlRating       *rl_analysis_need_rating  (const RlPanel      *panel,
                                          const RlFrame      *frame,
                                          const RlPolarity   *polarity,
                                          GError            **error);

/* The interpretation of @clustering of @frame's rows in original units, with
 * each cluster's mean need score when @rating (of the same rows) is not NULL. */
RlInterpretation *rl_analysis_interpret  (const RlFrame      *frame,
                                          const RlClustering *clustering,
                                          const RlRating     *rating,
                                          GError            **error);

/* The frame row of panel region @region, or −1 when it was dropped. */
int             rl_analysis_row_of_region (const RlAnalysis *self,
                                           guint             region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlAnalysisSpec, rl_analysis_spec_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RlAnalysisSpec, rl_analysis_spec_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlAnalysis, rl_analysis_free)

G_END_DECLS
