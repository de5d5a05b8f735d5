/* rl-frame.c — what a method sees: n regions × d features for one year
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-frame.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "rl-error.h"

void
rl_frame_spec_init (RlFrameSpec *spec)
{
  *spec = (RlFrameSpec) {
    .year = RL_YEAR_NONE,
    .features = NULL,
    .missing = RL_MISSING_DROP,
    .log = FALSE,
    .scale = RL_SCALE_Z,
    .a = 0.0,
    .b = 1.0,
  };
}

void
rl_frame_spec_clear (RlFrameSpec *spec)
{
  g_clear_pointer (&spec->features, g_strfreev);
}

gboolean
rl_scale_parse (const char *text,
                RlScale    *scale,
                double     *a,
                double     *b)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  char *end;

  *a = 0.0;
  *b = 1.0;
  if (g_str_equal (text, "none"))
    *scale = RL_SCALE_NONE;
  else if (g_str_equal (text, "z"))
    *scale = RL_SCALE_Z;
  else if (g_str_equal (text, "robust"))
    *scale = RL_SCALE_ROBUST;
  else if (g_str_equal (parts[0], "minmax") && g_strv_length (parts) == 1)
    *scale = RL_SCALE_MINMAX;
  else if (g_str_equal (parts[0], "minmax") && g_strv_length (parts) == 3)
    {
      *scale = RL_SCALE_MINMAX;
      *a = g_ascii_strtod (parts[1], &end);
      if (*end != '\0' || *parts[1] == '\0')
        return FALSE;
      *b = g_ascii_strtod (parts[2], &end);
      if (*end != '\0' || *parts[2] == '\0' || !(*a < *b))
        return FALSE;
    }
  else
    return FALSE;
  return TRUE;
}

const char *
rl_scale_to_string (RlScale scale)
{
  static const char *const names[] = { "none", "z", "minmax", "robust" };

  return names[scale];
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
rl_median (double *values,
           gsize   n)
{
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (values[i]))
      values[m++] = values[i];
  if (m == 0)
    return NAN;
  qsort (values, m, sizeof (double), compare_doubles);
  return gsl_stats_median_from_sorted_data (values, 1, m);
}

static double
quantile_sorted (const double *sorted,
                 gsize         n,
                 double        q)
{
  return gsl_stats_quantile_from_sorted_data (sorted, 1, n, q);
}

void
rl_scale_columns (gsl_matrix *X,
                  RlScale     scale,
                  double      a,
                  double      b,
                  double     *center,
                  double     *spread)
{
  gsize n = X->size1;
  g_autofree double *col = g_new (double, MAX (n, 1));

  for (gsize j = 0; j < X->size2; j++)
    {
      double c = 0.0, s = 1.0, lo = 0.0;
      gsize m = 0;

      /* Statistics over the present values: NaN cells stay NaN. */
      for (gsize i = 0; i < n; i++)
        if (!isnan (gsl_matrix_get (X, i, j)))
          col[m++] = gsl_matrix_get (X, i, j);
      n = m;

      if (scale == RL_SCALE_Z)
        {
          c = gsl_stats_mean (col, 1, n);
          s = sqrt (gsl_stats_variance_with_fixed_mean (col, 1, n, c));
        }
      else if (scale == RL_SCALE_MINMAX)
        {
          double mn, mx;
          gsl_stats_minmax (&mn, &mx, col, 1, n);
          c = mn;
          s = (mx - mn) / (b - a);
          lo = a;
        }
      else if (scale == RL_SCALE_ROBUST)
        {
          gsl_sort (col, 1, n);
          c = quantile_sorted (col, n, 0.5);
          s = quantile_sorted (col, n, 0.75) - quantile_sorted (col, n, 0.25);
        }
      if (!(s > 0.0) || !isfinite (s))
        s = 1.0;   /* a constant column maps to its offset, as scikit-learn does */
      n = X->size1;
      for (gsize i = 0; i < n; i++)
        gsl_matrix_set (X, i, j, lo + (gsl_matrix_get (X, i, j) - c) / s);
      center[j] = c - lo * s;
      spread[j] = s;
    }
}

void
rl_frame_free (RlFrame *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->raw, gsl_matrix_free);
  g_clear_pointer (&self->X, gsl_matrix_free);
  g_free (self->rows);
  g_free (self->columns);
  g_strfreev (self->codes);
  g_strfreev (self->names);
  g_strfreev (self->features);
  g_free (self->center);
  g_free (self->spread);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  g_clear_pointer (&self->left_out_reasons, g_ptr_array_unref);
  g_free (self);
}

static gboolean
has_values (const RlPanel *panel,
            guint          j,
            int            year)
{
  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    if (!isnan (rl_panel_get (panel, r, j, year)))
      return TRUE;
  return FALSE;
}

/* A column of a default choice: kept when the year has values of it, else
 * listed in @frame's left_out with the reason. */
static void
choose_default_column (const RlPanel *panel,
                       guint          j,
                       int            year,
                       GArray        *columns,
                       RlFrame       *frame)
{
  if (year == RL_YEAR_NONE || has_values (panel, j, year))
    {
      g_array_append_val (columns, j);
      return;
    }
  g_ptr_array_add (frame->left_out, g_strdup (rl_panel_indicator (panel, j)->id));
  g_ptr_array_add (frame->left_out_reasons, g_strdup_printf ("no values in %d", year));
}

/* Fills @columns; what a default choice leaves out goes to @frame. */
static gboolean
choose_columns (const RlPanel     *panel,
                const RlFrameSpec *spec,
                GArray            *columns,
                RlFrame           *frame,
                GError           **error)
{
  if (spec->features != NULL)
    {
      for (char **f = spec->features; *f != NULL; f++)
        {
          int j = rl_panel_find_indicator (panel, *f);
          if (j < 0)
            {
              g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "unknown indicator “%s”", *f);
              return FALSE;
            }
          if (spec->features_default)
            choose_default_column (panel, j, spec->year, columns, frame);
          else
            g_array_append_val (columns, j);
        }
      return TRUE;
    }
  /* A wide table's columns are all meant: an empty one is an error. In a
   * panel, the indicators a year has are the default. */
  for (guint j = 0; j < rl_panel_n_indicators (panel); j++)
    choose_default_column (panel, j, spec->year, columns, frame);
  return TRUE;
}

/* Linear interpolation over the region's years; the nearest value beyond the
 * first or last known year. NaN when the region never has the indicator. */
static double
interpolate (const RlPanel *panel,
             guint          r,
             guint          j,
             int            year,
             const GArray  *years)
{
  int before = 0, after = 0;
  double vb = NAN, va = NAN;

  for (guint t = 0; t < years->len; t++)
    {
      int y = g_array_index (years, int, t);
      double v = rl_panel_get (panel, r, j, y);
      if (isnan (v))
        continue;
      if (y < year)
        before = y, vb = v;
      else if (y > year && isnan (va))
        after = y, va = v;
    }
  if (!isnan (vb) && !isnan (va))
    return vb + (va - vb) * (double) (year - before) / (double) (after - before);
  return !isnan (vb) ? vb : va;
}

/* Fills @raw (all panel regions × chosen columns), applying the policy. */
static void
fill_raw (const RlPanel     *panel,
          const RlFrameSpec *spec,
          const GArray      *columns,
          gsl_matrix        *raw,
          guint             *n_imputed)
{
  guint n = rl_panel_n_regions (panel);
  g_autoptr(GArray) years = rl_panel_years (panel);
  g_autofree double *col = g_new (double, n);

  for (guint c = 0; c < columns->len; c++)
    {
      guint j = g_array_index (columns, guint, c);
      double median;
      for (guint r = 0; r < n; r++)
        col[r] = rl_panel_get (panel, r, j, spec->year);
      for (guint r = 0; r < n; r++)
        gsl_matrix_set (raw, r, c, col[r]);
      median = rl_median (col, n);
      for (guint r = 0; r < n; r++)
        {
          double v = gsl_matrix_get (raw, r, c);
          if (!isnan (v) || spec->missing == RL_MISSING_DROP || spec->missing == RL_MISSING_KEEP)
            continue;
          v = spec->missing == RL_MISSING_MEDIAN ? median : interpolate (panel, r, j, spec->year, years);
          gsl_matrix_set (raw, r, c, v);
          *n_imputed += !isnan (v);
        }
    }
}

static gboolean
check_columns (const RlPanel     *panel,
               const RlFrameSpec *spec,
               const GArray      *columns,
               const gsl_matrix  *raw,
               GError           **error)
{
  for (guint c = 0; c < columns->len; c++)
    {
      gboolean any = FALSE, positive = TRUE;
      const char *id = rl_panel_indicator (panel, g_array_index (columns, guint, c))->id;
      for (gsize r = 0; r < raw->size1; r++)
        {
          double v = gsl_matrix_get (raw, r, c);
          any |= !isnan (v);
          positive &= isnan (v) || v > 0.0;
        }
      if (!any)
        {
          if (spec->year == RL_YEAR_NONE)
            g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "column “%s” has no values", id);
          else
            g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "column “%s” has no values in %d", id,
                         spec->year);
          return FALSE;
        }
      if (spec->log && !positive)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "column “%s” has values ≤ 0: the log transform needs positive values", id);
          return FALSE;
        }
    }
  return TRUE;
}

RlFrame *
rl_frame_alloc (guint n,
                guint d)
{
  RlFrame *self = g_new0 (RlFrame, 1);

  self->n = n;
  self->d = d;
  self->raw = gsl_matrix_alloc (MAX (n, 1), MAX (d, 1));
  self->X = gsl_matrix_alloc (MAX (n, 1), MAX (d, 1));
  self->rows = g_new0 (guint, MAX (n, 1));
  self->columns = g_new0 (guint, MAX (d, 1));
  self->codes = g_new0 (char *, n + 1);
  self->names = g_new0 (char *, n + 1);
  self->features = g_new0 (char *, d + 1);
  self->center = g_new0 (double, MAX (d, 1));
  self->spread = g_new0 (double, MAX (d, 1));
  self->dropped = g_ptr_array_new_with_free_func (g_free);
  self->left_out = g_ptr_array_new_with_free_func (g_free);
  self->left_out_reasons = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static gboolean
row_usable (const gsl_matrix *raw,
            gsize             r,
            RlMissing         missing)
{
  guint present = 0;

  for (gsize c = 0; c < raw->size2; c++)
    present += !isnan (gsl_matrix_get (raw, r, c));
  return missing == RL_MISSING_KEEP ? present > 0 : present == raw->size2;
}

RlFrame *
rl_frame_new (const RlPanel     *panel,
              const RlFrameSpec *spec,
              GError           **error)
{
  guint n_all = rl_panel_n_regions (panel), n = 0, imputed = 0;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(gsl_matrix) raw = NULL;
  g_autoptr(RlFrame) self = NULL;
  g_autoptr(RlFrame) chosen = rl_frame_alloc (0, 0);

  if (!rl_panel_has_year (panel, spec->year))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   spec->year == RL_YEAR_NONE ? "the panel has several years: choose one"
                                              : "the panel has no values for %d",
                   spec->year);
      return NULL;
    }
  if (!choose_columns (panel, spec, columns, chosen, error))
    return NULL;
  if (columns->len == 0 && chosen->left_out->len > 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "none of the %u indicators has values in %d: choose another year",
                   chosen->left_out->len, spec->year);
      return NULL;
    }
  if (columns->len == 0 || n_all == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "no indicators to analyse");
      return NULL;
    }

  raw = gsl_matrix_alloc (n_all, columns->len);
  fill_raw (panel, spec, columns, raw, &imputed);
  if (!check_columns (panel, spec, columns, raw, error))
    return NULL;
  for (guint r = 0; r < n_all; r++)
    n += row_usable (raw, r, spec->missing);
  if (n == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "no region has every chosen indicator: choose fewer indicators or "
                   "another missing-value policy");
      return NULL;
    }

  self = rl_frame_alloc (n, columns->len);
  self->year = spec->year;
  g_ptr_array_extend_and_steal (self->left_out, g_steal_pointer (&chosen->left_out));
  g_ptr_array_extend_and_steal (self->left_out_reasons,
                                g_steal_pointer (&chosen->left_out_reasons));
  self->n_imputed = imputed;
  for (guint c = 0; c < columns->len; c++)
    {
      self->columns[c] = g_array_index (columns, guint, c);
      self->features[c] = g_strdup (rl_panel_indicator (panel, self->columns[c])->id);
    }
  for (guint r = 0, i = 0; r < n_all; r++)
    {
      if (!row_usable (raw, r, spec->missing))
        {
          g_ptr_array_add (self->dropped, g_strdup (rl_panel_region_label (panel, r)));
          continue;
        }
      self->rows[i] = r;
      self->codes[i] = g_strdup (rl_panel_region_code (panel, r));
      self->names[i] = g_strdup (rl_panel_region_label (panel, r));
      for (guint c = 0; c < columns->len; c++)
        gsl_matrix_set (self->raw, i, c, gsl_matrix_get (raw, r, c));
      i++;
    }

  gsl_matrix_memcpy (self->X, self->raw);
  if (spec->log)
    for (gsize i = 0; i < self->X->size1 * self->X->tda; i++)
      if (i % self->X->tda < self->X->size2)
        self->X->data[i] = log (self->X->data[i]);
  rl_scale_columns (self->X, spec->scale, spec->a, spec->b, self->center, self->spread);
  return g_steal_pointer (&self);
}
