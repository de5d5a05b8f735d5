/* rl-hclust.c — hierarchical agglomerative clustering with a SciPy-compatible linkage
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both algorithms record merges in the order they find them, as pairs of
 * "slots" (a point index standing for the cluster it now belongs to) with a
 * height. The result is then sorted by height (stably) and the slots are
 * turned into cluster numbers with a union–find, which is the convention of
 * SciPy's linkage: on the same data the rows agree one for one, ties
 * included, because the searches break ties the same way (the first
 * strictly smaller candidate in index order wins).
 */
#include "rl-hclust.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rl-alloc-private.h"
#include "rl-error.h"
#include "rl-hclust-private.h"
#include "rl-input-check.h"
#include "rl-lanes-private.h"

typedef struct
{
  double height;
  guint  index;
} Merge;

static const char *linkage_names[] = { "single", "complete", "average", "ward" };

/* Union–find over cluster numbers 0 .. 2n − 2, as the linkage numbers them. */
typedef struct
{
  guint *parent;
  guint *size;
  guint  next;
} UnionFind;

static void
union_find_init (UnionFind *uf,
                 guint      n)
{
  uf->parent = g_new (guint, 2 * n);
  uf->size = g_new (guint, 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    {
      uf->parent[i] = i;
      uf->size[i] = 1;
    }
  uf->next = n;
}

static void
union_find_clear (UnionFind *uf)
{
  g_free (uf->parent);
  g_free (uf->size);
}

static guint
union_find_find (UnionFind *uf,
                 guint      x)
{
  guint root = x;

  while (uf->parent[root] != root)
    root = uf->parent[root];
  while (uf->parent[x] != root)
    {
      guint up = uf->parent[x];
      uf->parent[x] = root;
      x = up;
    }
  return root;
}

static guint
union_find_merge (UnionFind *uf,
                  guint      x,
                  guint      y)
{
  guint id = uf->next++;

  uf->parent[x] = id;
  uf->parent[y] = id;
  uf->size[id] = uf->size[x] + uf->size[y];
  return uf->size[id];
}

static int
compare_merges (const void *pa,
                const void *pb)
{
  const Merge *a = pa, *b = pb;

  if (a->height != b->height)
    return a->height < b->height ? -1 : 1;
  return a->index < b->index ? -1 : (a->index > b->index);
}

/* @Z holds rows [slot x, slot y, height, …] in merge order; sorts them by
 * height (stable) and replaces slots by cluster numbers and sizes. */
static gsl_matrix *
sort_and_label (const gsl_matrix *Z)
{
  guint m = Z->size1, n = m + 1;
  g_autofree Merge *order = g_new (Merge, m);
  gsl_matrix *out = gsl_matrix_alloc (m, 4);
  UnionFind uf;

  for (guint i = 0; i < m; i++)
    order[i] = (Merge) { gsl_matrix_get (Z, i, 2), i };
  qsort (order, m, sizeof (Merge), compare_merges);

  union_find_init (&uf, n);
  for (guint i = 0; i < m; i++)
    {
      guint r = order[i].index;
      guint x = union_find_find (&uf, (guint) gsl_matrix_get (Z, r, 0));
      guint y = union_find_find (&uf, (guint) gsl_matrix_get (Z, r, 1));

      gsl_matrix_set (out, i, 0, MIN (x, y));
      gsl_matrix_set (out, i, 1, MAX (x, y));
      gsl_matrix_set (out, i, 2, order[i].height);
      gsl_matrix_set (out, i, 3, union_find_merge (&uf, x, y));
    }
  union_find_clear (&uf);
  return out;
}

/* Removes entry @pos from the ordered array @a of @len entries. */
static void
remove_at (guint *a,
           guint  len,
           guint  pos)
{
  memmove (a + pos, a + pos + 1, (len - pos - 1) * sizeof (guint));
}

/* The distances between clusters. Up to MAX_SQUARE points they are kept as
 * a full n × n matrix, D[i, j] at i n + j, so that the row of a cluster is
 * contiguous (as much memory as SciPy's distances and its working copy of
 * them); above, as the condensed upper triangle, D[i, j] for i < j at
 * start[i] + j, half the memory but a cache miss per entry in columns.
 *
 * A merge writes only the row of the merged cluster, not its column, which
 * would cost a cache miss per entry. The value for a pair then lives in
 * the row written last: stamp[i] is the merge after which row i was last
 * complete, written[i] the merge that last wrote row i, so that a row is
 * brought up to date (chain_refresh) before it is read, copying only the
 * entries of the clusters merged since. To find those without a pass over
 * all merges (most of whose rows are gone or were written again later, and
 * every read of them a miss), the written active rows are kept in a list,
 * the last written first: older[i] follows i, slot n ends it. */
#define MAX_SQUARE 23170

typedef struct
{
  double *D;
  gsize  *start;
  guint  *size;     /* points in the cluster a slot stands for, 0 once merged away */
  guint  *active;   /* slots still in use, increasing */
  guint   n_active;
  guint   n;
  gboolean square;
  guint  *stamp;    /* n, square only: row i is complete as of merge stamp[i] */
  guint  *written;  /* n + 1, square only: merge that last wrote row i, 0 if none */
  guint  *older;    /* n + 1: the next row in the list; n ends it */
  guint  *newer;    /* n + 1: the row before in the list; n at the head */
  guint   newest;   /* the head of the list, n when empty */
  guint   now;      /* merges so far */
} Chain;

static inline double *
chain_at (Chain *c,
          guint  i,
          guint  j)
{
  if (c->square)
    return &c->D[(gsize) i * c->n + j];
  return i < j ? &c->D[c->start[i] + j] : &c->D[c->start[j] + i];
}

typedef struct
{
  Chain            *chain;
  const gsl_matrix *X;
  guint             first, last;
  gint              next;   /* square: the next band of TILE rows to fill */
} FillPart;

/* Distances of the rows [first, last) of the condensed matrix, the part
 * right of the diagonal; written in order. */
static gpointer
fill_rows (gpointer data)
{
  FillPart *p = data;
  Chain *c = p->chain;
  guint n = c->n, d = p->X->size2;

  for (guint i = p->first; i < p->last; i++)
    {
      const double *pi = gsl_matrix_const_ptr (p->X, i, 0);
      double *row = c->D + c->start[i];

      for (guint j = i + 1; j < n; j++)
        row[j] = sqrt (rl_distance2 (pi, p->X->data + (gsize) j * p->X->tda, d));
    }
  return NULL;
}

/* The square matrix is filled in tiles of TILE × TILE pairs, each pair
 * computed once and written to both its rows; the tile is small enough to
 * be written out by rows and by columns from the cache. */
#define TILE 64

/* Distances between the points [i0, i0 + h) and [j0, j0 + w) into
 * tile[ii * TILE + jj]. Two neighbours j at a time in the lanes, each lane
 * summing over the coordinates in order as rl_distance2() does, so every
 * value is the one it would compute; @xt holds the points j by coordinate
 * (xt[k * TILE + jj]), padded with zeros up to a multiple of 4. */
static void
fill_tile (const gsl_matrix *X,
           const double     *xt,
           guint             i0,
           guint             h,
           guint             w,
           double           *tile)
{
  guint d = X->size2;

  for (guint ii = 0; ii < h; ii++)
    {
      const double *pi = gsl_matrix_const_ptr (X, i0 + ii, 0);

      for (guint jj = 0; jj < w; jj += 4)
        {
          V2 s0 = { 0.0, 0.0 }, s1 = { 0.0, 0.0 };

          for (guint k = 0; k < d; k++)
            {
              V2 t0 = pi[k] - v2_load (xt + k * TILE + jj);
              V2 t1 = pi[k] - v2_load (xt + k * TILE + jj + 2);

              s0 += t0 * t0;
              s1 += t1 * t1;
            }
          s0 = v2_sqrt (s0);
          s1 = v2_sqrt (s1);
          memcpy (tile + ii * TILE + jj, &s0, sizeof s0);
          memcpy (tile + ii * TILE + jj + 2, &s1, sizeof s1);
        }
    }
}

/* Fills bands of TILE rows of the square matrix, as handed out by p->next:
 * the tiles right of the diagonal, each also written transposed below it. */
static gpointer
fill_bands (gpointer data)
{
  FillPart *p = data;
  Chain *c = p->chain;
  const gsl_matrix *X = p->X;
  guint n = c->n, d = X->size2, band;
  g_autofree double *xt = g_new0 (double, (gsize) d * TILE);
  double tile[TILE * TILE];

  while ((band = g_atomic_int_add (&p->next, 1)) < (n + TILE - 1) / TILE)
    {
      guint i0 = band * TILE, h = MIN (TILE, n - i0);

      for (guint j0 = i0; j0 < n; j0 += TILE)
        {
          guint w = MIN (TILE, n - j0);

          for (guint jj = 0; jj < w; jj++)
            for (guint k = 0; k < d; k++)
              xt[k * TILE + jj] = gsl_matrix_get (X, j0 + jj, k);
          for (guint jj = w; jj < TILE; jj++)
            for (guint k = 0; k < d; k++)
              xt[k * TILE + jj] = 0.0;
          fill_tile (X, xt, i0, h, w, tile);
          for (guint ii = 0; ii < h; ii++)
            memcpy (c->D + (gsize) (i0 + ii) * n + j0, tile + ii * TILE, w * sizeof (double));
          if (j0 == i0)
            continue;
          for (guint jj = 0; jj < w; jj++)
            {
              double *row = c->D + (gsize) (j0 + jj) * n + i0;

              for (guint ii = 0; ii < h; ii++)
                row[ii] = tile[ii * TILE + jj];
            }
        }
    }
  return NULL;
}

/* Two threads for large matrices; each distance is computed the same way
 * whichever thread computes it. */
static void
fill_distances (Chain            *c,
                const gsl_matrix *X)
{
  guint split = (guint) (c->n * (1.0 - sqrt (0.5)));
  FillPart parts[2] = { { c, X, 0, split, 0 }, { c, X, split, c->n, 0 } };
  GThreadFunc func = c->square ? fill_bands : fill_rows;
  FillPart *other = c->square ? &parts[0] : &parts[1];   /* bands: one counter */
  GThread *thread = NULL;

  if (c->n >= 1024)
    thread = g_thread_try_new ("rl-hclust", func, other, NULL);
  func (&parts[0]);
  if (thread != NULL)
    g_thread_join (thread);
  else
    func (other);
}

static gboolean
chain_init (Chain            *c,
            const gsl_matrix *X,
            GError          **error)
{
  guint n = X->size1;
  gboolean square = n <= MAX_SQUARE;
  gsize len = square ? (gsize) n * n : (gsize) n * (n - 1) / 2;

  /* on huge pages: the merges walk columns of it, one page apart per entry */
  c->D = rl_big_try_alloc (len, sizeof (double));
  if (c->D == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Hierarchical clustering of %u rows needs %" G_GSIZE_FORMAT
                   " MB for distances; use single linkage or fewer rows",
                   n, len * sizeof (double) >> 20);
      return FALSE;
    }
  c->n = n;
  c->square = square;
  c->start = g_new (gsize, n);
  c->size = g_new (guint, n);
  c->active = g_new (guint, n);
  c->n_active = n;
  c->stamp = g_new0 (guint, n);
  c->written = g_new0 (guint, n + 1);
  c->older = g_new (guint, n + 1);
  c->newer = g_new (guint, n + 1);
  c->older[n] = c->newer[n] = n;
  c->newest = n;
  c->now = 0;
  for (guint i = 0; i < n; i++)
    {
      c->start[i] = (gsize) n * i - (gsize) i * (i + 1) / 2 - i - 1;
      c->size[i] = 1;
      c->active[i] = i;
    }
  fill_distances (c, X);
  return TRUE;
}

static void
chain_clear (Chain *c)
{
  free (c->D);
  g_free (c->start);
  g_free (c->size);
  g_free (c->active);
  g_free (c->stamp);
  g_free (c->written);
  g_free (c->older);
  g_free (c->newer);
}

#define REFRESH_AHEAD 16

/* Takes row @i out of the list of written rows, if it is in it. */
static void
chain_unlist (Chain *c,
              guint  i)
{
  if (c->written[i] == 0)
    return;
  if (c->newer[i] == c->n)
    c->newest = c->older[i];
  else
    c->older[c->newer[i]] = c->older[i];
  c->newer[c->older[i]] = c->newer[i];
  c->written[i] = 0;
}

/* Puts row @i, just written, at the head of the list. */
static void
chain_list_first (Chain *c,
                  guint  i)
{
  chain_unlist (c, i);
  c->written[i] = c->now;
  c->older[i] = c->newest;
  c->newer[i] = c->n;
  c->newer[c->newest] = i;
  c->newest = i;
}

/* Completes row @x of the square matrix: the pairs with the rows written
 * since it was last complete are copied from those rows. The order of the
 * copies does not matter, each pair is copied at most once. */
static void
chain_refresh (Chain *c,
               guint  x)
{
  guint since, ahead;
  double *row;

  if (!c->square || c->stamp[x] == c->now)
    return;
  since = c->stamp[x];
  row = c->D + (gsize) x * c->n;
  /* the reads miss the cache: start them some rows early */
  ahead = c->newest;
  for (guint k = 0; k < REFRESH_AHEAD && c->written[ahead] > since; k++)
    {
      __builtin_prefetch (c->D + (gsize) ahead * c->n + x);
      ahead = c->older[ahead];
    }
  for (guint y = c->newest; c->written[y] > since; y = c->older[y])
    {
      if (c->written[ahead] > since)
        {
          __builtin_prefetch (c->D + (gsize) ahead * c->n + x);
          ahead = c->older[ahead];
        }
      if (y != x)
        row[y] = c->D[(gsize) y * c->n + x];
    }
  c->stamp[x] = c->now;
}

/* Nearest active neighbour of @x, starting from the candidate @y at
 * distance *@best (so that it is kept on ties). */
static guint
chain_nearest (Chain  *c,
               guint   x,
               guint   y,
               double *best)
{
  double min = *best;
  guint a = 0;

  if (c->square)
    {
      const double *row = c->D + (gsize) x * c->n;
      const guint *act = c->active;

      /* a better candidate is rare: test four at once, then one by one in
       * order where one of them is below (always where x is, at 0) */
      for (; a + 4 <= c->n_active; a += 4)
        {
          V2 v0 = { row[act[a]], row[act[a + 1]] }, v1 = { row[act[a + 2]], row[act[a + 3]] };

          if (!v2_any_below (v0, v1, min))
            continue;
          for (guint b = a; b < a + 4; b++)
            if (row[act[b]] < min && act[b] != x)
              {
                min = row[act[b]];
                y = act[b];
              }
        }
      for (; a < c->n_active; a++)
        if (row[act[a]] < min && act[a] != x)
          {
            min = row[act[a]];
            y = act[a];
          }
      *best = min;
      return y;
    }
  for (; a < c->n_active && c->active[a] < x; a++)
    {
      double t = c->D[c->start[c->active[a]] + x];
      if (t < min)
        {
          min = t;
          y = c->active[a];
        }
    }
  for (a++; a < c->n_active; a++)
    {
      double t = c->D[c->start[x] + c->active[a]];
      if (t < min)
        {
          min = t;
          y = c->active[a];
        }
    }
  *best = min;
  return y;
}

static inline double
lance_williams (RlLinkage method,
                double    d_xi,
                double    d_yi,
                double    d_xy,
                guint     nx,
                guint     ny,
                guint     ni)
{
  double t;

  switch (method)
    {
    case RL_LINKAGE_COMPLETE:
      return d_xi > d_yi ? d_xi : d_yi;
    case RL_LINKAGE_AVERAGE:
      return (nx * d_xi + ny * d_yi) / (nx + ny);
    case RL_LINKAGE_WARD:
      t = 1.0 / (nx + ny + ni);
      return sqrt ((ni + nx) * t * d_xi * d_xi + (ni + ny) * t * d_yi * d_yi
                   - ni * t * d_xy * d_xy);
    case RL_LINKAGE_SINGLE:
    default:
      return d_xi < d_yi ? d_xi : d_yi;
    }
}

/* The Ward, complete and average updates of the row of @y in the square
 * matrix, two active slots at a time with the operations of
 * lance_williams() in each lane (so the same values); returns how many
 * slots of c->active it did. */
static guint
merge_rows_in_lanes (Chain    *c,
                     RlLinkage method,
                     guint     x,
                     guint     y,
                     double    d_xy,
                     guint     nx,
                     guint     ny)
{
  const double *rx = c->D + (gsize) x * c->n;
  double *ry = c->D + (gsize) y * c->n;
  double fx = nx, fy = ny, fxy = nx + ny;
  guint a = 0;

  for (; a + 2 <= c->n_active; a += 2)
    {
      guint i0 = c->active[a], i1 = c->active[a + 1];
      V2 dxi = { rx[i0], rx[i1] }, dyi = { ry[i0], ry[i1] }, v;

      if (method == RL_LINKAGE_WARD)
        {
          V2 ni = { c->size[i0], c->size[i1] }, t = 1.0 / (fxy + ni);

          v = v2_sqrt ((ni + fx) * t * dxi * dxi + (ni + fy) * t * dyi * dyi
                       - ni * t * d_xy * d_xy);
        }
      else if (method == RL_LINKAGE_COMPLETE)
        v = v2_max (dxi, dyi);
      else
        v = (fx * dxi + fy * dyi) / fxy;
      if (i0 != y)
        ry[i0] = v[0];
      if (i1 != y)
        ry[i1] = v[1];
    }
  return a;
}

/* Merges slot @x into slot @y (x < y) at distance @d_xy. */
static void
chain_merge (Chain    *c,
             RlLinkage method,
             guint     x,
             guint     y,
             double    d_xy)
{
  guint nx = c->size[x], ny = c->size[y], lo = 0, hi = c->n_active, a = 0;

  chain_refresh (c, x);
  chain_refresh (c, y);
  c->size[x] = 0;
  c->size[y] = nx + ny;
  while (c->active[lo] != x)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c->active[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  remove_at (c->active, c->n_active, lo);
  c->n_active--;
  if (c->square && method != RL_LINKAGE_SINGLE)
    a = merge_rows_in_lanes (c, method, x, y, d_xy, nx, ny);
  for (; a < c->n_active; a++)
    {
      guint i = c->active[a];

      if (i != y)   /* the row of y only, when square */
        *chain_at (c, y, i) = lance_williams (method, *chain_at (c, x, i), *chain_at (c, y, i),
                                              d_xy, nx, ny, c->size[i]);
    }
  c->now++;
  c->stamp[y] = c->now;
  if (c->square)
    {
      chain_unlist (c, x);
      chain_list_first (c, y);
    }
}

static gsl_matrix *
chain_linkage (const gsl_matrix *X,
               RlLinkage         method,
               GCancellable     *cancellable,
               GError          **error)
{
  guint n = X->size1, len = 0;
  g_autofree guint *stack = g_new (guint, n);
  g_autoptr(gsl_matrix) Z = gsl_matrix_alloc (n - 1, 4);
  Chain c;

  if (!chain_init (&c, X, error))
    return NULL;
  for (guint step = 0; step < n - 1; step++)
    {
      guint x, y = 0;
      double best;

      if (step % RL_HCLUST_CANCEL_EVERY == 0 && rl_hclust_cancelled (cancellable, error))
        {
          chain_clear (&c);
          return NULL;
        }
      if (len == 0)
        stack[len++] = c.active[0];
      for (;;)
        {
          x = stack[len - 1];
          chain_refresh (&c, x);
          best = INFINITY;
          if (len > 1)
            {
              y = stack[len - 2];
              best = *chain_at (&c, x, y);
            }
          y = chain_nearest (&c, x, y, &best);
          if (len > 1 && y == stack[len - 2])
            break;
          stack[len++] = y;
        }
      len -= 2;
      rl_hclust_record_merge (Z, step, &x, &y, best);
      chain_merge (&c, method, x, y, best);
    }
  chain_clear (&c);
  return sort_and_label (Z);
}

const char *
rl_linkage_to_string (RlLinkage method)
{
  g_return_val_if_fail (method <= RL_LINKAGE_WARD, NULL);
  return linkage_names[method];
}

gboolean
rl_linkage_from_string (const char *name,
                        RlLinkage  *method,
                        GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (linkage_names); i++)
    if (g_strcmp0 (name, linkage_names[i]) == 0)
      {
        *method = i;
        return TRUE;
      }
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "Unknown linkage “%s”: use single, complete, average or ward",
               name != NULL ? name : "");
  return FALSE;
}

gsl_matrix *
rl_hclust_linkage (const gsl_matrix *X,
                   RlLinkage         method,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(gsl_matrix) Z = NULL;

  if (method > RL_LINKAGE_WARD)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "Unknown linkage %d", (int) method);
      return NULL;
    }
  if (!rl_check_matrix (X, 2, "Hierarchical clustering", error))
    return NULL;
  if (X->size1 > G_MAXUINT / 2)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Hierarchical clustering: too many rows (%" G_GSIZE_FORMAT ")", X->size1);
      return NULL;
    }
  if (method == RL_LINKAGE_SINGLE)
    {
      g_autoptr(gsl_matrix) merges = rl_hclust_single_merges (X, cancellable, error);
      if (merges != NULL)
        Z = sort_and_label (merges);
    }
  else if (method == RL_LINKAGE_WARD && X->size1 > RL_WARD_MATRIX_MAX)
    {
      g_autoptr(gsl_matrix) merges = rl_hclust_ward_merges (X, cancellable, error);
      if (merges != NULL)
        Z = sort_and_label (merges);
    }
  else
    Z = chain_linkage (X, method, cancellable, error);
  if (Z == NULL)
    return NULL;
  if (!isfinite (gsl_matrix_get (Z, Z->size1 - 1, 2)))
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_NUMERIC,
                           "Hierarchical clustering: distances overflow; scale the data first");
      return NULL;
    }
  return g_steal_pointer (&Z);
}

/* Checks that @Z is a linkage matrix of n − 1 rows whose ids refer only to
 * points and to clusters made by earlier rows, each used once. */
static gboolean
check_linkage (const gsl_matrix *Z,
               GError          **error)
{
  guint m = Z != NULL ? Z->size1 : 0, n = m + 1;
  g_autofree gboolean *used = NULL;

  if (Z == NULL || Z->size2 != 4)
    goto fail;
  used = g_new0 (gboolean, 2 * n);
  for (guint i = 0; i < m; i++)
    for (guint c = 0; c < 2; c++)
      {
        double v = gsl_matrix_get (Z, i, c);

        if (!(v >= 0 && v < n + i) || v != floor (v) || used[(guint) v])
          goto fail;
        used[(guint) v] = TRUE;
      }
  return TRUE;

fail:
  g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID,
                       "Not a linkage matrix: expected n − 1 rows [a, b, height, size] "
                       "joining each point and earlier cluster once");
  return FALSE;
}

guint *
rl_hclust_cut (const gsl_matrix *linkage,
               guint             k,
               GError          **error)
{
  guint n, next = 0;
  g_autofree guint *map = NULL;
  guint *labels;
  UnionFind uf;

  if (!check_linkage (linkage, error))
    return NULL;
  n = linkage->size1 + 1;
  if (k < 1 || k > n)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Cannot cut %u points into %u clusters: k must be between 1 and %u", n, k, n);
      return NULL;
    }
  union_find_init (&uf, n);
  for (guint i = 0; i + k < n; i++)
    union_find_merge (&uf, (guint) gsl_matrix_get (linkage, i, 0),
                      (guint) gsl_matrix_get (linkage, i, 1));
  map = g_new (guint, 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    map[i] = G_MAXUINT;
  labels = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      guint root = union_find_find (&uf, i);

      if (map[root] == G_MAXUINT)
        map[root] = next++;
      labels[i] = map[root];
    }
  union_find_clear (&uf);
  return labels;
}

guint *
rl_hclust_leaf_order (const gsl_matrix *linkage)
{
  guint n = linkage->size1 + 1, len = 0, out = 0;
  g_autofree guint *stack = g_new (guint, 2 * n);
  guint *order = g_new (guint, n);

  stack[len++] = 2 * n - 2;
  while (len > 0)
    {
      guint id = stack[--len];

      if (id < n)
        {
          order[out++] = id;
          continue;
        }
      stack[len++] = (guint) gsl_matrix_get (linkage, id - n, 1);
      stack[len++] = (guint) gsl_matrix_get (linkage, id - n, 0);
    }
  g_assert (out == n);
  return order;
}

RlClustering *
rl_hclust (const gsl_matrix *X,
           RlLinkage         method,
           guint             k,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(RlClustering) result = NULL;
  g_autoptr(gsl_matrix) Z = NULL;
  g_autofree guint *labels = NULL;

  if (!rl_check_matrix (X, 1, "Hierarchical clustering", error))
    return NULL;
  if (k < 1 || k > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Hierarchical clustering: k = %u must be between 1 and the number of rows (%"
                   G_GSIZE_FORMAT ")", k, X->size1);
      return NULL;
    }
  result = rl_clustering_new ("hclust", X->size1, X->size2, k);
  if (X->size1 > 1)
    {
      Z = rl_hclust_linkage (X, method, cancellable, error);
      if (Z == NULL)
        return NULL;
      labels = rl_hclust_cut (Z, k, error);
      if (labels == NULL)
        return NULL;
      memcpy (result->labels, labels, X->size1 * sizeof (guint));
      result->linkage = g_steal_pointer (&Z);
    }
  rl_clustering_update_from_labels (result, X);
  result->converged = TRUE;
  return g_steal_pointer (&result);
}
