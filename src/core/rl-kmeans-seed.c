/* rl-kmeans-seed.c — greedy k-means++ seeding over blocks of rows
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-kmeans-private.h"

#include <math.h>
#include <string.h>

#include "rl-alloc-private.h"
#include "rl-lanes-private.h"

/* Greedy k-means++ (the seeding scikit-learn uses): every new centre is the
 * best, by the potential Σ min(closest², ‖x − candidate‖²), of 2 + ⌊ln k⌋
 * rows drawn with probability ∝ closest², closest being the distance of a
 * row to its nearest centre so far.
 *
 * The rows are cut into blocks of BLOCK. Every sum is taken per block in row
 * order and the blocks are added in order, so the seeds depend on the data
 * and the random stream only, never on how many threads share the blocks.
 * One pass over the rows per round does what took two: a block first moves
 * its rows to the centre chosen the round before when that one is closer
 * (the centre stays "pending" until every block has taken it), then sums the
 * potential of every candidate of this round. A draw needs the block sums
 * and the rows of one block only, which take the pending centre first.
 *
 * A candidate farther than 2·closest from a row's centre cannot come closer
 * to the row than that centre (triangle inequality), so such rows are
 * skipped; the four candidates of a group are measured together, two to a
 * vector. */

#define BLOCK        2048
#define MAX_TRIALS   32              /* bits of a guint32 */
#define GROUP        4               /* candidates a row measures together */
#define MIN_THREADED (8 * BLOCK)     /* rows below which one thread seeds */
#define MAX_THREADS  16
#define NONE         G_MAXUINT

typedef struct
{
  const RlKmData *D;
  RlKmWork       *w;
  gsize           n_blocks;

  guint           pending;       /* the centre chosen last, NONE before the first */
  guint32         pending_bit;   /* its bit in closer[], 0 for the first centre */
  guint8         *applied;       /* per block: has taken the pending centre */
  guint32        *closer;        /* n: bit t set when candidate t is closer than closest */

  guint           n_cand;        /* candidates of the round, 0 in the first pass */
  double         *cand;          /* groups of GROUP: column j of group g at (g·d + j)·GROUP */
  double         *min_gap;       /* k: per centre, the smallest pruning distance of a candidate */
  double         *block_pot;     /* n_blocks × MAX (n_cand, 1) */
  double         *block_sum;     /* n_blocks: Σ closest² with every centre applied */

  gint            next;          /* next block to run (atomic) */
} Seeding;

/* ‖a − b‖² / 4, shrunk a little so that rounding never prunes a row wrongly. */
static inline double
pruning_distance (const double *a,
                  const double *b,
                  gsize         d)
{
  return rl_dist2 (a, b, d) / (4.0 * (1.0 + 1e-9));
}

/* Moves row @i to the pending centre @p when that is closer. In the first
 * pass every row measures it; later the pass that weighed the pending centre
 * as a candidate has marked the rows it is closer to. */
static inline void
take_pending (Seeding      *S,
              gsize         i,
              const double *p)
{
  const RlKmData *D = S->D;
  RlKmWork *w = S->w;

  if (S->pending_bit == 0 || (S->closer[i] & S->pending_bit))
    {
      double t = rl_dist2 (D->x + i * D->d, p, D->d);
      if (t < w->upper[i])
        {
          w->upper[i] = t;
          w->labels[i] = S->pending;
        }
    }
}

/* The pending centre for block @b, NULL when none or taken already; the
 * caller then moves the rows of the block. */
static const double *
pending_of (Seeding *S,
            gsize    b)
{
  if (S->pending == NONE || S->applied[b])
    return NULL;
  S->applied[b] = 1;
  return S->w->centers + S->pending * S->D->d;
}

static void
apply_pending (Seeding *S,
               gsize    b)
{
  const double *p = pending_of (S, b);
  gsize lo = b * BLOCK, hi = MIN (S->D->n, lo + BLOCK);

  if (p != NULL)
    for (gsize i = lo; i < hi; i++)
      take_pending (S, i, p);
}

/* The squared distances from @x to the GROUP candidates of group @ct. Each
 * lane sums over j in order, as rl_dist2() does. */
static inline void
group_distances (const double *x,
                 const double *ct,
                 gsize         d,
                 V2           *d01,
                 V2           *d23)
{
  V2 s0 = { 0.0, 0.0 }, s1 = { 0.0, 0.0 };

  for (gsize j = 0; j < d; j++)
    {
      V2 xj = { x[j], x[j] };
      V2 t0 = xj - v2_load (ct + j * GROUP), t1 = xj - v2_load (ct + j * GROUP + 2);

      s0 += t0 * t0;
      s1 += t1 * t1;
    }
  *d01 = s0;
  *d23 = s1;
}

static void
block_run (Seeding *S,
           gsize    b)
{
  const RlKmData *D = S->D;
  const RlKmWork *w = S->w;
  gsize lo = b * BLOCK, hi = MIN (D->n, lo + BLOCK), d = D->d;
  guint n_groups = (S->n_cand + GROUP - 1) / GROUP;
  V2 acc[MAX_TRIALS / 2] = { { 0.0, 0.0 } };
  double skipped = 0.0;

  apply_pending (S, b);
  if (S->n_cand == 0)
    {
      double s = 0.0;
      for (gsize i = lo; i < hi; i++)
        s += w->upper[i];
      S->block_pot[b] = s;
      return;
    }
  for (gsize i = lo; i < hi; i++)
    {
      double c2 = w->upper[i];
      V2 c2v = { c2, c2 };

      guint32 bits = 0;

      if (S->min_gap[w->labels[i]] > c2)
        {
          S->closer[i] = 0;
          skipped += c2;
          continue;
        }
      for (guint g = 0; g < n_groups; g++)
        {
          V2 d01, d23;

          group_distances (D->x + i * d, S->cand + g * d * GROUP, d, &d01, &d23);
          acc[2 * g] += v2_min (c2v, d01);
          acc[2 * g + 1] += v2_min (c2v, d23);
          bits |= (guint32) ((d01[0] < c2) | (d01[1] < c2) << 1
                             | (d23[0] < c2) << 2 | (d23[1] < c2) << 3) << (g * GROUP);
        }
      S->closer[i] = bits;
    }
  for (guint t = 0; t < S->n_cand; t++)
    S->block_pot[b * S->n_cand + t] = acc[t / 2][t % 2] + skipped;
}

static gpointer
blocks_worker (gpointer data)
{
  Seeding *S = data;
  gsize b;

  while ((b = (gsize) g_atomic_int_add (&S->next, 1)) < S->n_blocks)
    block_run (S, b);
  return NULL;
}

/* Runs every block, on @n_threads threads (the calling one included). */
static void
run_blocks (Seeding *S,
            guint    n_threads)
{
  GThread *threads[MAX_THREADS] = { NULL };

  S->next = 0;
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_try_new ("rl-kmeans-seed", blocks_worker, S, NULL);
  blocks_worker (S);
  for (guint t = 1; t < n_threads; t++)
    if (threads[t] != NULL)
      g_thread_join (threads[t]);
}

/* The row a uniform @r in [0, Σ closest²) falls on: blocks by their sums,
 * then the rows of the block by their closest². Rows at distance 0 (copies
 * of a centre) are never drawn unless every row is one. */
static gsize
draw (Seeding *S,
      double   r)
{
  const RlKmWork *w = S->w;
  gsize b, last = G_MAXSIZE, lo, hi, pick;
  double s = 0.0;

  for (b = 0; b < S->n_blocks; b++)
    {
      if (S->block_sum[b] > 0.0)
        last = b;
      if (r < s + S->block_sum[b])
        break;
      s += S->block_sum[b];
    }
  if (b == S->n_blocks)
    {
      if (last == G_MAXSIZE)
        return 0;
      /* rounding: r reached the total */
      b = last;
      r = INFINITY;
    }
  else
    r -= s;

  apply_pending (S, b);
  lo = b * BLOCK;
  hi = MIN (S->D->n, lo + BLOCK);
  pick = lo;
  s = 0.0;
  for (gsize i = lo; i < hi; i++)
    if (w->upper[i] > 0.0)
      {
        s += w->upper[i];
        pick = i;
        if (s > r)
          break;
      }
  return pick;
}

/* Lays the candidates out in groups, column by column (unused lanes repeat
 * the first one), and measures their pruning distances to the @n_centers
 * centres. */
static void
set_candidates (Seeding     *S,
                const gsize *rows,
                guint        n_cand,
                guint        n_centers)
{
  const RlKmData *D = S->D;
  gsize d = D->d;
  guint n_lanes = (n_cand + GROUP - 1) / GROUP * GROUP;

  S->n_cand = n_cand;
  for (guint t = 0; t < n_lanes; t++)
    {
      const double *x = D->x + rows[t < n_cand ? t : 0] * d;
      for (gsize j = 0; j < d; j++)
        S->cand[((t / GROUP) * d + j) * GROUP + t % GROUP] = x[j];
    }
  for (guint c = 0; c < n_centers; c++)
    {
      S->min_gap[c] = INFINITY;
      for (guint t = 0; t < n_cand; t++)
        {
          double g = pruning_distance (D->x + rows[t] * d, S->w->centers + c * d, d);
          S->min_gap[c] = MIN (S->min_gap[c], g);
        }
    }
}

/* Makes candidate @best (row @row) centre @c, pending in every block. */
static void
take_candidate (Seeding *S,
                guint    best,
                gsize    row,
                guint    c)
{
  const RlKmData *D = S->D;

  memcpy (S->w->centers + c * D->d, D->x + row * D->d, D->d * sizeof (double));
  S->pending = c;
  S->pending_bit = (guint32) 1 << best;
  memset (S->applied, 0, S->n_blocks);
  for (gsize b = 0; b < S->n_blocks; b++)
    S->block_sum[b] = S->block_pot[b * S->n_cand + best];
}

void
rl_kmeans_seed (const RlKmData *D,
                RlKmWork       *w,
                gsl_rng        *rng,
                guint           n_threads)
{
  guint trials = MIN (2 + (guint) floor (log (D->k)), MAX_TRIALS);
  gsize n_blocks = (D->n + BLOCK - 1) / BLOCK;
  guint n_lanes = (trials + GROUP - 1) / GROUP * GROUP;
  Seeding S = { D, w, n_blocks, NONE };
  gsize first = gsl_rng_uniform_int (rng, D->n);

  S.closer = rl_big_new (guint32, D->n);
  S.applied = g_new0 (guint8, n_blocks);
  S.cand = g_new (double, n_lanes * D->d);
  S.min_gap = g_new (double, D->k);
  S.block_pot = g_new (double, n_blocks * trials);
  S.block_sum = g_new (double, n_blocks);
  if (D->n < MIN_THREADED)
    n_threads = 1;
  n_threads = (guint) CLAMP (n_threads, 1, MIN (n_blocks, MAX_THREADS));

  /* the first centre: every row takes it */
  memcpy (w->centers, D->x + first * D->d, D->d * sizeof (double));
  for (gsize i = 0; i < D->n; i++)
    {
      w->upper[i] = INFINITY;
      w->labels[i] = 0;
    }
  S.pending = 0;
  S.pending_bit = 0;
  run_blocks (&S, n_threads);
  memcpy (S.block_sum, S.block_pot, n_blocks * sizeof (double));

  for (guint c = 1; c < D->k; c++)
    {
      gsize rows[MAX_TRIALS];
      double total = 0.0, best_pot = INFINITY;
      guint best = 0;

      for (gsize b = 0; b < n_blocks; b++)
        total += S.block_sum[b];
      for (guint t = 0; t < trials; t++)
        rows[t] = draw (&S, gsl_rng_uniform (rng) * total);
      set_candidates (&S, rows, trials, c);
      run_blocks (&S, n_threads);
      for (guint t = 0; t < trials; t++)
        {
          double pot = 0.0;
          for (gsize b = 0; b < n_blocks; b++)
            pot += S.block_pot[b * trials + t];
          if (pot < best_pot)
            {
              best_pot = pot;
              best = t;
            }
        }
      take_candidate (&S, best, rows[best], c);
    }

  g_free (S.closer);
  g_free (S.applied);
  g_free (S.cand);
  g_free (S.min_gap);
  g_free (S.block_pot);
  g_free (S.block_sum);
}
