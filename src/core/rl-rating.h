/* rl-rating.h — the composite need rating: normalisation, weights, score, ranks, groups
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-gsl.h"
#include "rl-panel.h"

G_BEGIN_DECLS

/* How each indicator (column) is put on a common scale before weighting.
 * A constant column does not tell regions apart: its normalised value is 0
 * for every region, whatever the method. */
typedef enum
{
  RL_NORMALIZE_Z,      /* (x − mean) / population standard deviation */
  RL_NORMALIZE_MINMAX, /* (x − min) / (max − min), in [0, 1] */
  RL_NORMALIZE_RANK,   /* (average rank − 1) / (n − 1), in [0, 1]; ties share their mean rank */
} RlNormalize;

#define RL_N_NORMALIZE 3

typedef enum
{
  RL_WEIGHTS_EQUAL, /* 1/d each */
  RL_WEIGHTS_USER,  /* the options' weights, divided by their sum */
  RL_WEIGHTS_PCA,   /* squared loadings of the first principal component of the z-scored
                     * columns (the eigenvector of the correlation matrix with the largest
                     * eigenvalue): each indicator's share of that component; they sum to 1 */
} RlWeighting;

/* A region's group by rank: the neediest @top_red are red (top 10 by
 * default), the next ones up to @top_yellow yellow (11–20). */
typedef enum
{
  RL_RATING_GROUP_NONE,
  RL_RATING_GROUP_RED,
  RL_RATING_GROUP_YELLOW,
} RlRatingGroup;

typedef struct
{
  RlNormalize         normalize;  /* RL_NORMALIZE_Z */
  RlWeighting         weighting;  /* RL_WEIGHTS_EQUAL */
  const double       *weights;    /* d non-negative weights, not all 0, for RL_WEIGHTS_USER */
  const RlPolarity   *polarity;   /* d polarities, required; RL_POLARITY_NONE is an error */
  const char * const *features;   /* d indicator ids, optional: they name columns in errors */
  guint               top_red;    /* 10 */
  guint               top_yellow; /* 20 */
} RlRatingOptions;

/* score_i = Σ_j w_j · polarity_j · normalised x_ij with Σ w_j = 1: the higher
 * the score, the greater the need. Rank 1 is the neediest; equal scores keep
 * the order of the rows. */
typedef struct
{
  guint          n, d;
  RlNormalize    normalize;
  double        *weights;     /* d: the weights used, summing to 1 */
  gsl_matrix    *normalized;  /* n × d: normalised values, before polarity */
  double        *score;       /* n */
  guint         *rank;        /* n: 1 = neediest */
  guint         *order;       /* n: rows, neediest first */
  RlRatingGroup *group;       /* n */
} RlRating;

/* One indicator of the rating the original study published. */
typedef struct
{
  const char *id;
  RlPolarity  polarity;
} RlRatingPresetEntry;

void           rl_rating_options_init   (RlRatingOptions       *opts);

/* @X is n × d in original units, without NaN. */
RlRating      *rl_rating_new            (const gsl_matrix      *X,
                                         const RlRatingOptions *opts,
                                         GError               **error);
void           rl_rating_free           (RlRating              *self);

/* Normalises column @j of @X into @out (n values); constant columns give 0. */
void           rl_rating_normalize_column (const gsl_matrix    *X,
                                           gsize                j,
                                           RlNormalize          normalize,
                                           double              *out);

/* PCA-based weights (see RL_WEIGHTS_PCA) into @weights (d values). */
gboolean       rl_rating_pca_weights    (const gsl_matrix      *X,
                                         double                *weights,
                                         GError               **error);

/* Ranks @n scores, highest first: @rank[i] (1-based) and @order (rows by
 * rank); equal scores keep the order of the rows. Either output may be NULL. */
void           rl_rating_rank_scores    (const double          *score,
                                         gsize                  n,
                                         guint                 *rank,
                                         guint                 *order);

const char    *rl_normalize_to_string   (RlNormalize            normalize);
gboolean       rl_normalize_from_string (const char            *text,
                                         RlNormalize           *normalize);
const char    *rl_rating_group_to_string (RlRatingGroup         group);

/* The original study's rating: z-scores, equal weights, and these six
 * indicators with their polarities; @n receives 6. */
const RlRatingPresetEntry *rl_rating_study_preset (guint *n);

/* "a=+,b=-": sets @polarity[j] for each named feature among the @d
 * @features; an unknown name or a sign other than + or − is an error. */
gboolean       rl_rating_parse_polarity (const char            *text,
                                         const char * const    *features,
                                         gsize                  d,
                                         RlPolarity            *polarity,
                                         GError               **error);
/* "a=2,b=1": a weight for every one of the @d @features (a missing one is an
 * error naming it), non-negative and not all zero. */
gboolean       rl_rating_parse_weights  (const char            *text,
                                         const char * const    *features,
                                         gsize                  d,
                                         double                *weights,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlRating, rl_rating_free)

G_END_DECLS
