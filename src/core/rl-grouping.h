/* rl-grouping.h — analytic grouping: group variances, η², η and the Chaddock scale
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

/* The label of a row that belongs to no group (its value is missing). */
#define RL_GROUP_NONE G_MAXUINT

typedef enum
{
  RL_GROUPING_STURGES,         /* equal intervals, k = ⌊1 + 3.322·lg n⌋ */
  RL_GROUPING_EQUAL_INTERVAL,  /* equal intervals, k given */
  RL_GROUPING_EQUAL_FREQUENCY, /* (about) equally many values per group, k given */
  RL_GROUPING_BREAKS,          /* custom breaks B1 < … < Bm: m + 1 groups */
  RL_GROUPING_LABELS,          /* groups given by labels (clusters) */
} RlGroupingScheme;

/* How groups are formed; rl_grouping_options_init() sets the defaults.
 *
 * Equal intervals: h = (max − min)/k, group j is [min + j·h, min + (j+1)·h),
 * the last one is closed at max.
 * Equal frequency: with the n values sorted, group j starts at the value at
 * 0-based position ⌊j·n/k⌋ and is [that value, start of group j+1), the last
 * one closed at max. Equal values are never split: a run of ties that
 * straddles a boundary goes wholly into the upper group, so group sizes may
 * differ and a group can be empty when ties span it.
 * Breaks: B1 < B2 < … < Bm give (−∞, B1), [B1, B2), …, [Bm, +∞); the open
 * ends are reported as lower = −∞ and upper = +∞. */
typedef struct
{
  RlGroupingScheme scheme;     /* default RL_GROUPING_STURGES */
  guint            k;          /* groups for EQUAL_INTERVAL and EQUAL_FREQUENCY; default 0 (invalid) */
  const double    *breaks;     /* BREAKS: borrowed, n_breaks finite, strictly increasing; default NULL */
  guint            n_breaks;   /* default 0 */
} RlGroupingOptions;

/* The Chaddock scale for η (and |r|): boundary values belong to the upper class. */
typedef enum
{
  RL_CHADDOCK_UNDEFINED,              /* η is NaN */
  RL_CHADDOCK_PRACTICALLY_NONE,       /* [0, 0.1) */
  RL_CHADDOCK_WEAK,                   /* [0.1, 0.3) */
  RL_CHADDOCK_MODERATE,               /* [0.3, 0.5) */
  RL_CHADDOCK_NOTICEABLE,             /* [0.5, 0.7) */
  RL_CHADDOCK_STRONG,                 /* [0.7, 0.9) */
  RL_CHADDOCK_VERY_STRONG,            /* [0.9, 0.99) */
  RL_CHADDOCK_PRACTICALLY_FUNCTIONAL, /* [0.99, 1] */
} RlChaddock;

typedef enum
{
  RL_GROUPING_OK,
  RL_GROUPING_CONSTANT,  /* the values are all equal (or only one): total variance 0, η and η² NaN */
} RlGroupingStatus;

typedef struct
{
  double   lower;         /* NaN for label groups */
  double   upper;
  gboolean upper_closed;  /* the last interval group includes its upper bound */
  guint    n;
  double   mean;          /* NaN when n = 0 */
  double   variance;      /* population variance (divide by n); NaN when n = 0 */
} RlGroup;

/* The variance decomposition of a feature F over k groups:
 * total = within + between, with within = Σ n_j·var_j / n and
 * between = Σ n_j·(mean_j − mean)² / n over the non-empty groups;
 * η² = between / total (the empirical determination coefficient) and
 * η = √η² (the correlation ratio). Rows where F (or the grouping feature) is
 * NaN are left out: n counts the rows used. */
typedef struct
{
  RlGroupingScheme  scheme;
  guint             k;
  RlGroup          *groups;            /* k entries */
  double            h;                 /* interval width (equal intervals), NaN otherwise */
  guint             n_rows;            /* length of the input */
  guint            *labels;            /* n_rows: group of each row, or RL_GROUP_NONE */
  guint             n;                 /* rows used */
  double            mean;
  double            total_variance;
  double            within_variance;
  double            between_variance;
  double            eta2;
  double            eta;
  RlChaddock        chaddock;
  RlGroupingStatus  status;
} RlGrouping;

void         rl_grouping_options_init (RlGroupingOptions *options);

/* Sturges' rule, k = ⌊1 + 3.322·lg n⌋ (1 for n ≤ 1). */
guint        rl_grouping_sturges_k    (guint n);

RlChaddock   rl_chaddock_from_eta     (double eta);
/* English words of a class ("weak", …; "undefined" for RL_CHADDOCK_UNDEFINED). */
const char  *rl_chaddock_name         (RlChaddock chaddock);
/* The words for |eta|: "practically none", "weak", "moderate", "noticeable",
 * "strong", "very strong", "practically functional"; "undefined" for NaN. */
const char  *rl_chaddock_label        (double eta);

const char  *rl_grouping_scheme_name  (RlGroupingScheme scheme);

/* Reads a scheme as the command line writes it: "sturges", "equal-interval:K",
 * "equal-frequency:K" or "breaks:B1,B2,…" (numbers with a '.' decimal point).
 * Returns the array of breaks (empty unless "breaks:") that @options->breaks
 * points into: keep it alive while @options is used, then g_array_unref() it. */
GArray      *rl_grouping_options_parse (RlGroupingOptions *options,
                                        const char        *text,
                                        GError           **error);

/* Groups formed on @x; the variances are those of @x. */
RlGrouping  *rl_grouping_new            (const gsl_vector        *x,
                                         const RlGroupingOptions *options,
                                         GError                 **error);
/* Groups formed on feature @g; the variances are those of feature @f within them. */
RlGrouping  *rl_grouping_new_by_feature (const gsl_vector        *f,
                                         const gsl_vector        *g,
                                         const RlGroupingOptions *options,
                                         GError                 **error);
/* Groups given by @labels (n entries in 0 .. k−1, or RL_GROUP_NONE to leave a
 * row out); the variances are those of @f. */
RlGrouping  *rl_grouping_new_by_labels  (const gsl_vector        *f,
                                         const guint             *labels,
                                         guint                    k,
                                         GError                 **error);
void         rl_grouping_free           (RlGrouping *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlGrouping, rl_grouping_free)

G_END_DECLS
