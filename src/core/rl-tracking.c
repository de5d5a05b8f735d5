/* rl-tracking.c — following clusters from one year to the next
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-tracking.h"

#include <math.h>

#include "rl-error.h"
#include "rl-grouping.h"

/* Scratch space of the Hungarian method, indexed 0 .. m (index 0 is the
 * virtual column the augmenting path starts from). */
typedef struct
{
  guint   m;
  double *u, *v, *minv;
  guint  *owner;    /* owner[j]: the row (1-based) assigned to column j, 0 for none */
  guint  *way;      /* the previous column on the shortest path */
  gboolean *used;
} Hungarian;

static void
hungarian_init (Hungarian *h,
                guint      m)
{
  h->m = m;
  h->u = g_new0 (double, m + 1);
  h->v = g_new0 (double, m + 1);
  h->minv = g_new0 (double, m + 1);
  h->owner = g_new0 (guint, m + 1);
  h->way = g_new0 (guint, m + 1);
  h->used = g_new0 (gboolean, m + 1);
}

static void
hungarian_clear (Hungarian *h)
{
  g_free (h->u);
  g_free (h->v);
  g_free (h->minv);
  g_free (h->owner);
  g_free (h->way);
  g_free (h->used);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Hungarian, hungarian_clear)

/* The cost of row i, column j (1-based), zero in the padding. */
static double
cost_at (const gsl_matrix *cost,
         guint             i,
         guint             j)
{
  if (i > cost->size1 || j > cost->size2)
    return 0.0;
  return gsl_matrix_get (cost, i - 1, j - 1);
}

/* Grows the shortest-path tree by one column; returns the column reached. */
static guint
hungarian_step (Hungarian        *h,
                const gsl_matrix *cost,
                guint             j0)
{
  guint i0 = h->owner[j0], j1 = 0;
  double delta = INFINITY;

  h->used[j0] = TRUE;
  for (guint j = 1; j <= h->m; j++)
    if (!h->used[j])
      {
        double reduced = cost_at (cost, i0, j) - h->u[i0] - h->v[j];
        if (reduced < h->minv[j])
          h->minv[j] = reduced, h->way[j] = j0;
        if (h->minv[j] < delta)
          delta = h->minv[j], j1 = j;
      }
  for (guint j = 0; j <= h->m; j++)
    if (h->used[j])
      {
        h->u[h->owner[j]] += delta;
        h->v[j] -= delta;
      }
    else
      h->minv[j] -= delta;
  return j1;
}

/* Adds row @i to the assignment along a shortest augmenting path. */
static void
hungarian_add_row (Hungarian        *h,
                   const gsl_matrix *cost,
                   guint             i)
{
  guint j0 = 0;

  h->owner[0] = i;
  for (guint j = 0; j <= h->m; j++)
    {
      h->minv[j] = INFINITY;
      h->used[j] = FALSE;
    }
  do
    j0 = hungarian_step (h, cost, j0);
  while (h->owner[j0] != 0);
  while (j0 != 0)
    {
      guint prev = h->way[j0];
      h->owner[j0] = h->owner[prev];
      j0 = prev;
    }
}

gboolean
rl_hungarian (const gsl_matrix *cost,
              guint            *assignment,
              GError          **error)
{
  g_auto(Hungarian) h = { 0 };
  guint r = cost->size1, c = cost->size2;

  for (gsize t = 0; t < r; t++)
    for (gsize j = 0; j < c; j++)
      if (!isfinite (gsl_matrix_get (cost, t, j)))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the assignment costs must be finite "
                       "(row %zu, column %zu)", t + 1, j + 1);
          return FALSE;
        }
  hungarian_init (&h, MAX (r, c));
  for (guint i = 1; i <= h.m; i++)
    hungarian_add_row (&h, cost, i);
  for (guint i = 0; i < r; i++)
    assignment[i] = RL_GROUP_NONE;
  for (guint j = 1; j <= h.m; j++)
    if (h.owner[j] >= 1 && h.owner[j] <= r && j <= c)
      assignment[h.owner[j] - 1] = j - 1;
  return TRUE;
}

static gboolean
check_year (const RlTrackYear *y,
            const char        *which,
            RlTrackBy          by,
            GError           **error)
{
  if (y->k == 0 || y->labels == NULL || y->regions == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the %s clustering is empty", which);
      return FALSE;
    }
  for (gsize i = 0; i < y->n; i++)
    if (y->labels[i] >= y->k)
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the %s clustering has label %u for "
                     "k = %u", which, y->labels[i], y->k);
        return FALSE;
      }
  if (by == RL_TRACK_CENTROIDS && (y->centers == NULL || y->centers->size1 != y->k))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "matching by centres needs the %u centres "
                   "of the %s clustering", y->k, which);
      return FALSE;
    }
  return TRUE;
}

static int
find_region (const RlTrackYear *y,
             guint              region)
{
  for (gsize i = 0; i < y->n; i++)
    if (y->regions[i] == region)
      return i;
  return -1;
}

/* Costs of matching later cluster b (rows) with earlier cluster a (columns). */
static gsl_matrix *
match_costs (const RlTrackYear *from,
             const RlTrackYear *to,
             RlTrackBy          by)
{
  gsl_matrix *cost = gsl_matrix_calloc (to->k, from->k);

  if (by == RL_TRACK_OVERLAP)
    {
      for (gsize i = 0; i < from->n; i++)
        {
          int t = find_region (to, from->regions[i]);
          if (t >= 0)
            *gsl_matrix_ptr (cost, to->labels[t], from->labels[i]) -= 1.0;
        }
      return cost;
    }
  for (guint b = 0; b < to->k; b++)
    for (guint a = 0; a < from->k; a++)
      {
        double s = 0.0;
        for (gsize j = 0; j < from->centers->size2; j++)
          {
            double dlt = gsl_matrix_get (to->centers, b, j) - gsl_matrix_get (from->centers, a, j);
            s += dlt * dlt;
          }
        gsl_matrix_set (cost, b, a, sqrt (s));
      }
  return cost;
}

static void
fill_transitions (RlTracking        *self,
                  const RlTrackYear *from,
                  const RlTrackYear *to)
{
  for (gsize i = 0; i < from->n; i++)
    if (find_region (to, from->regions[i]) >= 0)
      self->n++;
  self->regions = g_new0 (guint, MAX (self->n, 1));
  self->from_labels = g_new0 (guint, MAX (self->n, 1));
  self->to_labels = g_new0 (guint, MAX (self->n, 1));
  self->transitions = g_new0 (guint, (gsize) self->k_from * self->k_out);
  self->changed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gsize i = 0, r = 0; i < from->n; i++)
    {
      int t = find_region (to, from->regions[i]);
      if (t < 0)
        continue;
      self->regions[r] = from->regions[i];
      self->from_labels[r] = from->labels[i];
      self->to_labels[r] = self->match[to->labels[t]];
      self->transitions[self->from_labels[r] * self->k_out + self->to_labels[r]]++;
      if (self->from_labels[r] != self->to_labels[r])
        g_array_append_val (self->changed, r);
      r++;
    }
}

RlTracking *
rl_tracking_new (const RlTrackYear *from,
                 const RlTrackYear *to,
                 RlTrackBy          by,
                 GError           **error)
{
  g_autoptr(RlTracking) self = NULL;
  g_autoptr(gsl_matrix) cost = NULL;

  if (!check_year (from, "earlier", by, error) || !check_year (to, "later", by, error))
    return NULL;
  if (by == RL_TRACK_CENTROIDS && from->centers->size2 != to->centers->size2)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the centres of the two years have "
                   "different dimensions");
      return NULL;
    }
  self = g_new0 (RlTracking, 1);
  self->k_from = from->k;
  self->k_to = to->k;
  self->k_out = from->k;
  self->match = g_new0 (guint, to->k);
  cost = match_costs (from, to, by);
  if (!rl_hungarian (cost, self->match, error))
    return NULL;
  for (guint b = 0; b < to->k; b++)
    if (self->match[b] == RL_GROUP_NONE)
      self->match[b] = self->k_out++;
  fill_transitions (self, from, to);
  return g_steal_pointer (&self);
}

void
rl_tracking_free (RlTracking *self)
{
  if (self == NULL)
    return;
  g_free (self->match);
  g_free (self->regions);
  g_free (self->from_labels);
  g_free (self->to_labels);
  g_free (self->transitions);
  g_clear_pointer (&self->changed, g_array_unref);
  g_free (self);
}
