/* rl-rating.c — the composite need rating: normalisation, weights, score, ranks, groups
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-rating.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>

#include "rl-error.h"

static const RlRatingPresetEntry study_preset[] = {
  { "poverty_percent", RL_POLARITY_POSITIVE },
  { "welfare_expense_share", RL_POLARITY_POSITIVE },
  { "cash_income", RL_POLARITY_NEGATIVE },
  { "gross_regional_product", RL_POLARITY_NEGATIVE },
  { "regional_production", RL_POLARITY_NEGATIVE },
  { "retail_turnover_per_capita", RL_POLARITY_NEGATIVE },
};

typedef struct
{
  const double *values;
  gboolean      descending;
} SortBy;

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const SortBy *by = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double vi = by->values[i], vj = by->values[j];

  if (vi != vj)
    return ((vi < vj) ^ by->descending) ? -1 : 1;
  return i < j ? -1 : (i > j);
}

/* Rows sorted by @values (ties by row) into @order. */
static void
sort_indices (const double *values,
              gsize         n,
              gboolean      descending,
              guint        *order)
{
  SortBy by = { values, descending };

  for (gsize i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_indices, &by);
}

static const char *
column_name (const RlRatingOptions *opts,
             gsize                  j,
             char                   buffer[32])
{
  if (opts->features != NULL && opts->features[j] != NULL)
    return opts->features[j];
  g_snprintf (buffer, 32, "column %" G_GSIZE_FORMAT, j + 1);
  return buffer;
}

static gboolean
check_input (const gsl_matrix      *X,
             const RlRatingOptions *opts,
             GError               **error)
{
  char name[32];

  if (X == NULL || X->size1 == 0 || X->size2 == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the rating needs at least one region and "
                   "one indicator");
      return FALSE;
    }
  if (opts->polarity == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the rating needs the polarity of every "
                   "indicator");
      return FALSE;
    }
  for (gsize j = 0; j < X->size2; j++)
    {
      if (opts->polarity[j] != RL_POLARITY_POSITIVE && opts->polarity[j] != RL_POLARITY_NEGATIVE)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "indicator “%s” has no polarity: say "
                       "whether a higher value means more need (+) or less (−)",
                       column_name (opts, j, name));
          return FALSE;
        }
      for (gsize i = 0; i < X->size1; i++)
        if (!isfinite (gsl_matrix_get (X, i, j)))
          {
            g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "indicator “%s” has no value in row "
                         "%" G_GSIZE_FORMAT ": choose a missing-value policy",
                         column_name (opts, j, name), i + 1);
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
user_weights (const gsl_matrix      *X,
              const RlRatingOptions *opts,
              double                *weights,
              GError               **error)
{
  double sum = 0.0;
  char name[32];

  if (opts->weights == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "user weights were chosen but none given");
      return FALSE;
    }
  for (gsize j = 0; j < X->size2; j++)
    {
      if (!isfinite (opts->weights[j]) || opts->weights[j] < 0.0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the weight of “%s” must be a number "
                       "≥ 0", column_name (opts, j, name));
          return FALSE;
        }
      sum += opts->weights[j];
    }
  if (!(sum > 0.0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the weights are all zero");
      return FALSE;
    }
  for (gsize j = 0; j < X->size2; j++)
    weights[j] = opts->weights[j] / sum;
  return TRUE;
}

static gboolean
choose_weights (const gsl_matrix      *X,
                const RlRatingOptions *opts,
                double                *weights,
                GError               **error)
{
  switch (opts->weighting)
    {
    case RL_WEIGHTS_EQUAL:
      for (gsize j = 0; j < X->size2; j++)
        weights[j] = 1.0 / X->size2;
      return TRUE;
    case RL_WEIGHTS_USER:
      return user_weights (X, opts, weights, error);
    case RL_WEIGHTS_PCA:
      return rl_rating_pca_weights (X, weights, error);
    default:
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "unknown weighting %d", opts->weighting);
      return FALSE;
    }
}

static void
assign_groups (RlRating              *self,
               const RlRatingOptions *opts)
{
  for (guint i = 0; i < self->n; i++)
    {
      if (self->rank[i] <= opts->top_red)
        self->group[i] = RL_RATING_GROUP_RED;
      else if (self->rank[i] <= opts->top_yellow)
        self->group[i] = RL_RATING_GROUP_YELLOW;
      else
        self->group[i] = RL_RATING_GROUP_NONE;
    }
}

static RlRating *
rating_alloc (guint n,
              guint d)
{
  RlRating *self = g_new0 (RlRating, 1);

  self->n = n;
  self->d = d;
  self->weights = g_new0 (double, d);
  self->normalized = gsl_matrix_alloc (n, d);
  self->score = g_new0 (double, n);
  self->rank = g_new0 (guint, n);
  self->order = g_new0 (guint, n);
  self->group = g_new0 (RlRatingGroup, n);
  return self;
}

/* Public functions */

void
rl_rating_options_init (RlRatingOptions *opts)
{
  *opts = (RlRatingOptions) {
    .normalize = RL_NORMALIZE_Z,
    .weighting = RL_WEIGHTS_EQUAL,
    .top_red = 10,
    .top_yellow = 20,
  };
}

RlRating *
rl_rating_new (const gsl_matrix      *X,
               const RlRatingOptions *opts,
               GError               **error)
{
  g_autoptr(RlRating) self = NULL;
  g_autofree double *column = NULL;

  if (!check_input (X, opts, error))
    return NULL;
  self = rating_alloc (X->size1, X->size2);
  self->normalize = opts->normalize;
  if (!choose_weights (X, opts, self->weights, error))
    return NULL;

  column = g_new (double, self->n);
  for (guint j = 0; j < self->d; j++)
    {
      rl_rating_normalize_column (X, j, opts->normalize, column);
      for (guint i = 0; i < self->n; i++)
        {
          gsl_matrix_set (self->normalized, i, j, column[i]);
          self->score[i] += self->weights[j] * (double) opts->polarity[j] * column[i];
        }
    }
  rl_rating_rank_scores (self->score, self->n, self->rank, self->order);
  assign_groups (self, opts);
  return g_steal_pointer (&self);
}

void
rl_rating_free (RlRating *self)
{
  if (self == NULL)
    return;
  g_free (self->weights);
  g_clear_pointer (&self->normalized, gsl_matrix_free);
  g_free (self->score);
  g_free (self->rank);
  g_free (self->order);
  g_free (self->group);
  g_free (self);
}

static void
average_ranks (const double *x,
               gsize         n,
               double       *out)
{
  g_autofree guint *order = g_new (guint, n);
  g_autofree double *values = g_memdup2 (x, n * sizeof (double));

  x = values;    /* @out may be @x */
  sort_indices (x, n, FALSE, order);
  for (gsize a = 0, b; a < n; a = b)
    {
      for (b = a + 1; b < n && x[order[b]] == x[order[a]]; b++)
        ;
      /* positions a .. b−1 (0-based) share the rank (a + 1 + b) / 2 */
      for (gsize t = a; t < b; t++)
        out[order[t]] = (double) (a + 1 + b) / 2.0;
    }
}

void
rl_rating_normalize_column (const gsl_matrix *X,
                            gsize             j,
                            RlNormalize       normalize,
                            double           *out)
{
  gsize n = X->size1;
  double lo = INFINITY, hi = -INFINITY, mean = 0.0, var = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      out[i] = gsl_matrix_get (X, i, j);
      lo = MIN (lo, out[i]);
      hi = MAX (hi, out[i]);
      mean += out[i] / n;
    }
  for (gsize i = 0; i < n; i++)
    var += (out[i] - mean) * (out[i] - mean) / n;
  if (!(hi > lo) || !(var > 0.0))
    {
      for (gsize i = 0; i < n; i++)
        out[i] = 0.0;
      return;
    }
  if (normalize == RL_NORMALIZE_RANK)
    average_ranks (out, n, out);
  for (gsize i = 0; i < n; i++)
    {
      if (normalize == RL_NORMALIZE_Z)
        out[i] = (out[i] - mean) / sqrt (var);
      else if (normalize == RL_NORMALIZE_MINMAX)
        out[i] = (out[i] - lo) / (hi - lo);
      else
        out[i] = (out[i] - 1.0) / (double) (n - 1);
    }
}

gboolean
rl_rating_pca_weights (const gsl_matrix *X,
                       double           *weights,
                       GError          **error)
{
  gsize n = X->size1, d = X->size2;
  g_autoptr(gsl_matrix) Z = gsl_matrix_alloc (n, d);
  g_autoptr(gsl_matrix) C = gsl_matrix_alloc (d, d);
  g_autoptr(gsl_matrix) V = gsl_matrix_alloc (d, d);
  g_autoptr(gsl_vector) eval = gsl_vector_alloc (d);
  g_autofree double *column = g_new (double, n);
  gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc (d);
  int status;

  for (gsize j = 0; j < d; j++)
    {
      rl_rating_normalize_column (X, j, RL_NORMALIZE_Z, column);
      for (gsize i = 0; i < n; i++)
        gsl_matrix_set (Z, i, j, column[i]);
    }
  /* the correlation matrix Zᵀ Z / n (rows and columns of constant indicators are 0) */
  gsl_blas_dgemm (CblasTrans, CblasNoTrans, 1.0 / n, Z, Z, 0.0, C);
  status = gsl_eigen_symmv (C, eval, V, w);
  gsl_eigen_symmv_free (w);
  if (!rl_gsl_check (status, "eigen-decomposition of the correlation matrix", error))
    return FALSE;
  gsl_eigen_symmv_sort (eval, V, GSL_EIGEN_SORT_VAL_DESC);
  if (!(gsl_vector_get (eval, 0) > 1e-12))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "PCA weights need an indicator that varies "
                   "between regions");
      return FALSE;
    }
  for (gsize j = 0; j < d; j++)
    weights[j] = gsl_matrix_get (V, j, 0) * gsl_matrix_get (V, j, 0);
  return TRUE;
}

void
rl_rating_rank_scores (const double *score,
                       gsize         n,
                       guint        *rank,
                       guint        *order)
{
  g_autofree guint *sorted = g_new (guint, MAX (n, 1));

  sort_indices (score, n, TRUE, sorted);
  for (gsize r = 0; r < n; r++)
    {
      if (rank != NULL)
        rank[sorted[r]] = r + 1;
      if (order != NULL)
        order[r] = sorted[r];
    }
}

const char *
rl_normalize_to_string (RlNormalize normalize)
{
  switch (normalize)
    {
    case RL_NORMALIZE_Z: return "z";
    case RL_NORMALIZE_MINMAX: return "minmax";
    case RL_NORMALIZE_RANK: return "rank";
    default: return "unknown";
    }
}

gboolean
rl_normalize_from_string (const char  *text,
                          RlNormalize *normalize)
{
  for (int m = 0; m < RL_N_NORMALIZE; m++)
    if (text != NULL && g_str_equal (text, rl_normalize_to_string (m)))
      {
        *normalize = m;
        return TRUE;
      }
  return FALSE;
}

const char *
rl_rating_group_to_string (RlRatingGroup group)
{
  switch (group)
    {
    case RL_RATING_GROUP_RED: return "red";
    case RL_RATING_GROUP_YELLOW: return "yellow";
    default: return "none";
    }
}

const RlRatingPresetEntry *
rl_rating_study_preset (guint *n)
{
  *n = G_N_ELEMENTS (study_preset);
  return study_preset;
}

static int
find_feature (const char * const *features,
              gsize               d,
              const char         *name)
{
  for (gsize j = 0; j < d; j++)
    if (g_str_equal (features[j], name))
      return j;
  return -1;
}

/* Splits "name=value" and finds name among @features; errors name @option. */
static int
split_assignment (const char         *item,
                  const char         *option,
                  const char * const *features,
                  gsize               d,
                  const char        **value,
                  GError            **error)
{
  g_autofree char *name = NULL;
  const char *eq = strchr (item, '=');
  int j;

  if (eq == NULL || eq == item)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s: “%s” is not of the form "
                   "indicator=value", option, item);
      return -1;
    }
  name = g_strstrip (g_strndup (item, eq - item));
  j = find_feature (features, d, name);
  if (j < 0)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s: “%s” is not one of the rated "
                 "indicators", option, name);
  *value = eq + 1;
  return j;
}

gboolean
rl_rating_parse_polarity (const char         *text,
                          const char * const *features,
                          gsize               d,
                          RlPolarity         *polarity,
                          GError            **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  for (char **item = items; *item != NULL; item++)
    {
      const char *value = NULL;
      g_autofree char *sign = NULL;
      int j = split_assignment (*item, "--polarity", features, d, &value, error);

      if (j < 0)
        return FALSE;
      sign = g_strstrip (g_strdup (value));
      if (!rl_polarity_from_string (sign, &polarity[j]) || polarity[j] == RL_POLARITY_NONE)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--polarity: “%s” for “%s” is "
                       "neither + nor -", sign, features[j]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
rl_rating_parse_weights (const char         *text,
                         const char * const *features,
                         gsize               d,
                         double             *weights,
                         GError            **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  double sum = 0.0;

  for (gsize j = 0; j < d; j++)
    weights[j] = NAN;
  for (char **item = items; *item != NULL; item++)
    {
      const char *value = NULL;
      char *end = NULL;
      int j = split_assignment (*item, "--weights", features, d, &value, error);

      if (j < 0)
        return FALSE;
      weights[j] = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !isfinite (weights[j]) || weights[j] < 0.0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--weights: “%s” for “%s” is not a "
                       "number ≥ 0", value, features[j]);
          return FALSE;
        }
    }
  for (gsize j = 0; j < d; j++)
    {
      if (isnan (weights[j]))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--weights: no weight for “%s”",
                       features[j]);
          return FALSE;
        }
      sum += weights[j];
    }
  if (!(sum > 0.0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--weights: the weights are all zero");
      return FALSE;
    }
  return TRUE;
}
