/* rl-frame.h — what a method sees: n regions × d features for one year
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-gsl.h"
#include "rl-panel.h"

G_BEGIN_DECLS

typedef enum
{
  RL_MISSING_DROP,        /* drop a region that misses any chosen feature */
  RL_MISSING_MEDIAN,      /* impute the feature's median over the regions of that year */
  RL_MISSING_INTERPOLATE, /* interpolate linearly over the region's other years; regions
                           * without any value of a feature are dropped */
  RL_MISSING_KEEP,        /* keep NaN cells (for pairwise methods); only regions without
                           * any value are dropped */
} RlMissing;

typedef enum
{
  RL_SCALE_NONE,
  RL_SCALE_Z,       /* (x − mean) / population standard deviation */
  RL_SCALE_MINMAX,  /* to [a, b], [0, 1] by default */
  RL_SCALE_ROBUST,  /* (x − median) / IQR */
} RlScale;

typedef struct
{
  int         year;      /* RL_YEAR_NONE for a wide panel; otherwise a year of the panel */
  char      **features;  /* indicator ids in order; NULL = every indicator with values */
  gboolean    features_default; /* @features are a default choice, not the user's: those
                                 * without values in @year are left out (RlFrame.left_out)
                                 * instead of being an error */
  RlMissing   missing;
  gboolean    log;       /* natural log of every feature before scaling (values must be > 0) */
  RlScale     scale;
  double      a, b;      /* the min-max range */
} RlFrameSpec;

typedef struct
{
  guint       n, d;
  int         year;
  gsl_matrix *raw;        /* n × d in original units, after the missing-value policy */
  gsl_matrix *X;          /* n × d after log and scaling: what methods see */
  guint      *rows;       /* n: panel region index of each row */
  guint      *columns;    /* d: panel indicator index of each column */
  char      **codes;      /* n region codes ("" when unknown), NULL-terminated */
  char      **names;      /* n region labels, NULL-terminated */
  char      **features;   /* d indicator ids, NULL-terminated */
  double     *center;     /* d: what scaling subtracted */
  double     *spread;     /* d: what scaling divided by (1 when constant) */
  GPtrArray  *dropped;    /* labels of regions dropped for missing values */
  GPtrArray  *left_out;   /* ids of the indicators a default choice left out … */
  GPtrArray  *left_out_reasons; /* … and why ("no values in 2020"), at the same index */
  guint       n_imputed;  /* cells filled by the missing-value policy */
} RlFrame;

void         rl_frame_spec_init      (RlFrameSpec       *spec);
void         rl_frame_spec_clear     (RlFrameSpec       *spec);
gboolean     rl_scale_parse          (const char        *text,
                                      RlScale           *scale,
                                      double            *a,
                                      double            *b);
const char  *rl_scale_to_string      (RlScale            scale);

RlFrame     *rl_frame_new            (const RlPanel     *panel,
                                      const RlFrameSpec *spec,
                                      GError           **error);
void         rl_frame_free           (RlFrame           *self);
/* An empty frame of @n rows and @d columns (matrices uninitialised), for
 * modules that build frames of their own (rl-dynamics.c). */
RlFrame     *rl_frame_alloc          (guint              n,
                                      guint              d);

/* Scales the columns of @X in place and records what it did. */
void         rl_scale_columns        (gsl_matrix        *X,
                                      RlScale            scale,
                                      double             a,
                                      double             b,
                                      double            *center,
                                      double            *spread);

/* Median of @n values (NaN skipped; NaN when none). @values is reordered. */
double       rl_median               (double            *values,
                                      gsize              n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlFrame, rl_frame_free)

G_END_DECLS
