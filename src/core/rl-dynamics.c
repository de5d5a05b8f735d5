/* rl-dynamics.c — need ratings of year-over-year change, and the regions to watch
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-dynamics.h"

#include <math.h>

#include "rl-error.h"

static RlFrame *
year_frame (const RlPanel     *panel,
            const RlFrameSpec *spec,
            int                year,
            GError           **error)
{
  RlFrameSpec s = *spec;

  s.year = year;
  s.scale = RL_SCALE_NONE;
  return rl_frame_new (panel, &s, error);
}

static int
find_row (const RlFrame *frame,
          guint          region)
{
  for (guint i = 0; i < frame->n; i++)
    if (frame->rows[i] == region)
      return i;
  return -1;
}

static RlFrame *
changes_alloc (const RlFrame *a,
               guint          n)
{
  RlFrame *self = rl_frame_alloc (n, a->d);

  memcpy (self->columns, a->columns, a->d * sizeof (guint));
  for (guint j = 0; j < a->d; j++)
    self->features[j] = g_strdup (a->features[j]);
  for (guint j = 0; j < a->d; j++)
    self->spread[j] = 1.0;
  return self;
}

static gboolean
same_columns (const RlFrame *a,
              const RlFrame *b,
              GError       **error)
{
  gboolean same = a->d == b->d;

  for (guint j = 0; same && j < a->d; j++)
    same = a->columns[j] == b->columns[j];
  if (!same)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the frames of %d and %d have different "
                 "indicators", a->year, b->year);
  return same;
}

static gboolean
check_years (const RlPanel *panel,
             int            from,
             int            to,
             GError       **error)
{
  if (rl_panel_is_wide (panel))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "dynamics need a panel with years, not a "
                   "wide table");
      return FALSE;
    }
  if (from >= to)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the first year (%d) must come before the "
                   "second (%d)", from, to);
      return FALSE;
    }
  return TRUE;
}

RlFrame *
rl_dynamics_frame_new (const RlPanel     *panel,
                       const RlFrameSpec *spec,
                       int                from,
                       int                to,
                       GError           **error)
{
  g_autoptr(RlFrame) a = NULL, b = NULL;

  if (!check_years (panel, from, to, error))
    return NULL;
  if ((a = year_frame (panel, spec, from, error)) == NULL
      || (b = year_frame (panel, spec, to, error)) == NULL)
    return NULL;
  return rl_dynamics_frame_from (panel, a, b, error);
}

RlFrame *
rl_dynamics_frame_from (const RlPanel *panel,
                        const RlFrame *a,
                        const RlFrame *b,
                        GError       **error)
{
  g_autoptr(RlFrame) self = NULL;
  guint n = 0;

  if (!check_years (panel, a->year, b->year, error) || !same_columns (a, b, error))
    return NULL;
  for (guint i = 0; i < a->n; i++)
    n += find_row (b, a->rows[i]) >= 0;
  if (n == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "no region has every chosen indicator in "
                   "both %d and %d", a->year, b->year);
      return NULL;
    }
  self = changes_alloc (a, n);
  self->year = b->year;
  for (guint i = 0, r = 0; i < a->n; i++)
    {
      int k = find_row (b, a->rows[i]);
      if (k < 0)
        continue;
      self->rows[r] = a->rows[i];
      self->codes[r] = g_strdup (a->codes[i]);
      self->names[r] = g_strdup (a->names[i]);
      for (guint j = 0; j < a->d; j++)
        gsl_matrix_set (self->raw, r, j, (gsl_matrix_get (b->X, k, j) - gsl_matrix_get (a->X, i, j))
                        / (double) (b->year - a->year));
      r++;
    }
  for (guint region = 0; region < rl_panel_n_regions (panel); region++)
    if (find_row (self, region) < 0)
      g_ptr_array_add (self->dropped, g_strdup (rl_panel_region_label (panel, region)));
  gsl_matrix_memcpy (self->X, self->raw);
  return g_steal_pointer (&self);
}

GArray *
rl_dynamics_watchlist (const guint    *level_rows,
                       const guint    *labels,
                       gsize           n_level,
                       guint           neediest,
                       const guint    *dynamics_rows,
                       const RlRating *dynamics,
                       guint           top)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < dynamics->n && r < top; r++)
    {
      guint region = dynamics_rows[dynamics->order[r]];
      for (gsize i = 0; i < n_level; i++)
        if (level_rows[i] == region && labels[i] == neediest)
          {
            g_array_append_val (out, region);
            break;
          }
    }
  return out;
}
