/* rl-relations.h — how one indicator relates to every other: r, ρ and η
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-correlation.h"
#include "rl-grouping.h"

G_BEGIN_DECLS

/* The target against one factor column, on the rows where both are present. */
typedef struct
{
  char             *feature;     /* the factor's column name */
  guint             column;      /* its index in the input */
  guint             n;           /* rows used */
  RlCorrelation     pearson;     /* target with factor */
  RlCorrelation     spearman;
  guint             n_groups;    /* Sturges groups formed on the factor */
  double            eta;         /* correlation ratio of the target over those groups */
  double            eta2;
  RlChaddock        chaddock;    /* the Chaddock class of η */
  RlGroupingStatus  eta_status;  /* RL_GROUPING_CONSTANT: the target is constant, η is NaN */
} RlRelation;

/* One row per factor (every column but the target), ranked by |Pearson r|
 * descending; ties (and NaN, which ranks last) are broken by |Spearman ρ|
 * descending, then by η descending, then by column order. */
typedef struct
{
  char       *target;
  guint       target_column;
  guint       n_rows;        /* rows of the input (all years stacked when pooled) */
  guint       n_matrices;    /* 1, or the number of pooled matrices (years) */
  guint       n_relations;
  RlRelation *rows;
} RlRelations;

/* @X is n × d with column names @names (d entries); @target names a column. */
RlRelations *rl_relations_new        (const gsl_matrix   *X,
                                      const char * const *names,
                                      const char         *target,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* The pooled variant: the rows of @n_matrices matrices with the same columns
 * (one per year) are stacked and treated as one sample. The p-values then
 * assume independent rows, which a panel is not (the same region appears once
 * a year), so they overstate the evidence: read them as descriptive. */
RlRelations *rl_relations_new_pooled (const gsl_matrix * const *Xs,
                                      guint                     n_matrices,
                                      const char * const       *names,
                                      const char               *target,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* The rows of @n_matrices matrices with equally many columns, stacked in order. */
gsl_matrix  *rl_relations_stack      (const gsl_matrix * const *Xs,
                                      guint                     n_matrices,
                                      GError                  **error);

void         rl_relations_free       (RlRelations *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlRelations, rl_relations_free)

G_END_DECLS
