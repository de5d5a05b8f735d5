/* rl-grouping.c — analytic grouping: group variances, η², η and the Chaddock scale
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-grouping.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_sort.h>

#include "rl-error.h"

static const double chaddock_bounds[] = { 0.1, 0.3, 0.5, 0.7, 0.9, 0.99 };

static const char *const chaddock_names[] = {
  "undefined", "practically none", "weak", "moderate", "noticeable", "strong", "very strong",
  "practically functional",
};

static const char *const scheme_names[] = {
  "sturges", "equal-interval", "equal-frequency", "breaks", "labels",
};

static RlGrouping *
grouping_alloc (RlGroupingScheme scheme,
                guint            k,
                guint            n_rows)
{
  RlGrouping *self = g_new0 (RlGrouping, 1);

  self->scheme = scheme;
  self->k = k;
  self->groups = g_new0 (RlGroup, MAX (k, 1));
  for (guint j = 0; j < k; j++)
    self->groups[j].lower = self->groups[j].upper = NAN;
  self->h = NAN;
  self->n_rows = n_rows;
  self->labels = g_new (guint, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    self->labels[i] = RL_GROUP_NONE;
  return self;
}

static gboolean
all_equal (const gsl_vector *f,
           const guint      *labels)
{
  double first = NAN;

  for (gsize i = 0; i < f->size; i++)
    {
      if (labels[i] == RL_GROUP_NONE)
        continue;
      if (isnan (first))
        first = gsl_vector_get (f, i);
      else if (gsl_vector_get (f, i) != first)
        return FALSE;
    }
  return TRUE;
}

/* Group means and the overall mean of @f over the labelled rows. */
static void
decompose_means (RlGrouping       *self,
                 const gsl_vector *f)
{
  double sum = 0;

  for (guint j = 0; j < self->k; j++)
    self->groups[j].mean = 0;
  for (gsize i = 0; i < f->size; i++)
    {
      guint j = self->labels[i];

      if (j == RL_GROUP_NONE)
        continue;
      self->groups[j].n++;
      self->groups[j].mean += gsl_vector_get (f, i);
      sum += gsl_vector_get (f, i);
      self->n++;
    }
  self->mean = sum / self->n;
  for (guint j = 0; j < self->k; j++)
    self->groups[j].mean = self->groups[j].n > 0 ? self->groups[j].mean / self->groups[j].n : NAN;
}

/* Fills n, means, variances, the decomposition and η from self->labels. */
static void
decompose (RlGrouping       *self,
           const gsl_vector *f)
{
  double total = 0, within = 0, between = 0;

  decompose_means (self, f);
  for (guint j = 0; j < self->k; j++)
    self->groups[j].variance = 0;
  for (gsize i = 0; i < f->size; i++)
    {
      guint j = self->labels[i];
      double x = gsl_vector_get (f, i);

      if (j == RL_GROUP_NONE)
        continue;
      self->groups[j].variance += (x - self->groups[j].mean) * (x - self->groups[j].mean);
      total += (x - self->mean) * (x - self->mean);
    }
  for (guint j = 0; j < self->k; j++)
    {
      RlGroup *g = &self->groups[j];

      if (g->n == 0)
        {
          g->variance = NAN;
          continue;
        }
      within += g->variance;
      g->variance /= g->n;
      between += g->n * (g->mean - self->mean) * (g->mean - self->mean);
    }
  self->total_variance = total / self->n;
  self->within_variance = within / self->n;
  self->between_variance = between / self->n;
  self->status = all_equal (f, self->labels) ? RL_GROUPING_CONSTANT : RL_GROUPING_OK;
  self->eta2 = NAN;
  if (self->status == RL_GROUPING_OK)
    self->eta2 = CLAMP (self->between_variance / self->total_variance, 0.0, 1.0);
  self->eta = sqrt (self->eta2);
  self->chaddock = rl_chaddock_from_eta (self->eta);
}

static gboolean
check_breaks (const RlGroupingOptions *options,
              GError                 **error)
{
  gboolean ok = options->n_breaks > 0 && options->breaks != NULL;

  for (guint j = 0; ok && j < options->n_breaks; j++)
    ok = isfinite (options->breaks[j]) && (j == 0 || options->breaks[j] > options->breaks[j - 1]);
  if (!ok)
    g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID,
                         "Group breaks must be one or more finite numbers in strictly "
                         "increasing order");
  return ok;
}

static gboolean
check_options (const RlGroupingOptions *options,
               GError                 **error)
{
  switch (options->scheme)
    {
    case RL_GROUPING_STURGES:
      return TRUE;
    case RL_GROUPING_EQUAL_INTERVAL:
    case RL_GROUPING_EQUAL_FREQUENCY:
      if (options->k > 0)
        return TRUE;
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "The number of groups must be at least 1 for %s grouping",
                   rl_grouping_scheme_name (options->scheme));
      return FALSE;
    case RL_GROUPING_BREAKS:
      return check_breaks (options, error);
    case RL_GROUPING_LABELS:
    default:
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Grouping by labels needs the labels (use rl_grouping_new_by_labels)");
      return FALSE;
    }
}

static guint
group_count (const RlGroupingOptions *options,
             guint                    n)
{
  switch (options->scheme)
    {
    case RL_GROUPING_STURGES:
      return rl_grouping_sturges_k (n);
    case RL_GROUPING_BREAKS:
      return options->n_breaks + 1;
    default:
      return options->k;
    }
}

/* Sets the lower and upper bounds of every group from the m sorted values. */
static void
set_bounds (RlGrouping              *self,
            const RlGroupingOptions *options,
            const double            *sorted,
            guint                    m)
{
  double min = sorted[0], max = sorted[m - 1];
  guint k = self->k;

  if (options->scheme == RL_GROUPING_BREAKS)
    {
      self->groups[0].lower = -INFINITY;
      for (guint j = 1; j < k; j++)
        self->groups[j].lower = options->breaks[j - 1];
      self->groups[k - 1].upper = INFINITY;
    }
  else if (options->scheme == RL_GROUPING_EQUAL_FREQUENCY)
    {
      for (guint j = 0; j < k; j++)
        self->groups[j].lower = sorted[((guint64) j * m) / k];
      self->groups[k - 1].upper = max;
      self->groups[k - 1].upper_closed = TRUE;
    }
  else
    {
      self->h = (max - min) / k;
      for (guint j = 0; j < k; j++)
        self->groups[j].lower = min + j * self->h;
      self->groups[k - 1].upper = max;
      self->groups[k - 1].upper_closed = TRUE;
    }
  for (guint j = 0; j + 1 < k; j++)
    self->groups[j].upper = self->groups[j + 1].lower;
}

/* The last group whose lower bound is ≤ x (group 0 for anything below). */
static guint
find_group (const RlGrouping *self,
            double            x)
{
  guint lo = 0, hi = self->k - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (x >= self->groups[mid].lower)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

static gboolean
check_lengths (const gsl_vector *f,
               gsize             n,
               GError          **error)
{
  if (f->size == n)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "The grouped feature has %zu values but the grouping has %zu", f->size, n);
  return FALSE;
}

static void
set_no_values_error (GError **error)
{
  g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID,
                       "There are no values to group: every value is missing");
}

void
rl_grouping_options_init (RlGroupingOptions *options)
{
  g_return_if_fail (options != NULL);
  options->scheme = RL_GROUPING_STURGES;
  options->k = 0;
  options->breaks = NULL;
  options->n_breaks = 0;
}

guint
rl_grouping_sturges_k (guint n)
{
  if (n <= 1)
    return 1;
  return (guint) floor (1.0 + 3.322 * log10 ((double) n));
}

RlChaddock
rl_chaddock_from_eta (double eta)
{
  guint c = 0;

  if (isnan (eta))
    return RL_CHADDOCK_UNDEFINED;
  while (c < G_N_ELEMENTS (chaddock_bounds) && fabs (eta) >= chaddock_bounds[c])
    c++;
  return (RlChaddock) (RL_CHADDOCK_PRACTICALLY_NONE + c);
}

const char *
rl_chaddock_name (RlChaddock chaddock)
{
  if ((guint) chaddock >= G_N_ELEMENTS (chaddock_names))
    return chaddock_names[RL_CHADDOCK_UNDEFINED];
  return chaddock_names[chaddock];
}

const char *
rl_chaddock_label (double eta)
{
  return rl_chaddock_name (rl_chaddock_from_eta (eta));
}

const char *
rl_grouping_scheme_name (RlGroupingScheme scheme)
{
  if ((guint) scheme >= G_N_ELEMENTS (scheme_names))
    return "unknown";
  return scheme_names[scheme];
}

static gboolean
parse_count (const char *text,
             guint      *k)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;
  *k = (guint) value;
  return TRUE;
}

static gboolean
parse_breaks (const char *text,
              GArray     *breaks)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double b = g_ascii_strtod (g_strstrip (parts[i]), &end);

      if (end == parts[i] || *end != '\0')
        return FALSE;
      g_array_append_val (breaks, b);
    }
  return breaks->len > 0;
}

GArray *
rl_grouping_options_parse (RlGroupingOptions *options,
                           const char        *text,
                           GError           **error)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = FALSE;

  g_return_val_if_fail (options != NULL && text != NULL, NULL);
  rl_grouping_options_init (options);
  if (g_str_equal (text, "sturges"))
    ok = TRUE;
  else if (g_str_has_prefix (text, "equal-interval:"))
    {
      options->scheme = RL_GROUPING_EQUAL_INTERVAL;
      ok = parse_count (text + strlen ("equal-interval:"), &options->k);
    }
  else if (g_str_has_prefix (text, "equal-frequency:"))
    {
      options->scheme = RL_GROUPING_EQUAL_FREQUENCY;
      ok = parse_count (text + strlen ("equal-frequency:"), &options->k);
    }
  else if (g_str_has_prefix (text, "breaks:"))
    {
      options->scheme = RL_GROUPING_BREAKS;
      ok = parse_breaks (text + strlen ("breaks:"), breaks);
      options->breaks = (const double *) breaks->data;
      options->n_breaks = breaks->len;
      ok = ok && check_breaks (options, NULL);
    }
  if (!ok)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Unknown grouping scheme “%s”: use sturges, equal-interval:K, "
                   "equal-frequency:K or breaks:B1,B2,… with increasing breaks", text);
      rl_grouping_options_init (options);
      return NULL;
    }
  return g_steal_pointer (&breaks);
}

RlGrouping *
rl_grouping_new (const gsl_vector        *x,
                 const RlGroupingOptions *options,
                 GError                 **error)
{
  return rl_grouping_new_by_feature (x, x, options, error);
}

RlGrouping *
rl_grouping_new_by_feature (const gsl_vector        *f,
                            const gsl_vector        *g,
                            const RlGroupingOptions *options,
                            GError                 **error)
{
  g_autoptr(RlGrouping) self = NULL;
  g_autofree double *sorted = NULL;
  guint m = 0;

  g_return_val_if_fail (f != NULL && g != NULL && options != NULL, NULL);
  if (!check_lengths (f, g->size, error) || !check_options (options, error))
    return NULL;
  sorted = g_new (double, MAX (g->size, 1));
  for (gsize i = 0; i < g->size; i++)
    if (!isnan (gsl_vector_get (f, i)) && !isnan (gsl_vector_get (g, i)))
      sorted[m++] = gsl_vector_get (g, i);
  self = grouping_alloc (options->scheme, group_count (options, m), g->size);
  if (m == 0)
    {
      set_no_values_error (error);
      return NULL;
    }
  gsl_sort (sorted, 1, m);
  set_bounds (self, options, sorted, m);
  for (gsize i = 0; i < g->size; i++)
    if (!isnan (gsl_vector_get (f, i)) && !isnan (gsl_vector_get (g, i)))
      self->labels[i] = find_group (self, gsl_vector_get (g, i));
  decompose (self, f);
  return g_steal_pointer (&self);
}

RlGrouping *
rl_grouping_new_by_labels (const gsl_vector *f,
                           const guint      *labels,
                           guint             k,
                           GError          **error)
{
  g_autoptr(RlGrouping) self = NULL;

  g_return_val_if_fail (f != NULL && labels != NULL, NULL);
  for (gsize i = 0; i < f->size; i++)
    if (labels[i] != RL_GROUP_NONE && labels[i] >= k)
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                     "Row %zu has label %u but there are only %u groups", i + 1, labels[i], k);
        return NULL;
      }
  self = grouping_alloc (RL_GROUPING_LABELS, k, f->size);
  for (gsize i = 0; i < f->size; i++)
    if (!isnan (gsl_vector_get (f, i)))
      self->labels[i] = labels[i];
  decompose (self, f);
  if (self->n == 0)
    {
      set_no_values_error (error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
rl_grouping_free (RlGrouping *self)
{
  if (self == NULL)
    return;
  g_free (self->groups);
  g_free (self->labels);
  g_free (self);
}
