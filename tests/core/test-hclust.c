/* test-hclust.c — hierarchical clustering against SciPy and by hand
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hclust-reference.json comes from SciPy 1.10.1's linkage,
 * cut_tree, fcluster(Z, k, "maxclust") and leaves_list (see
 * make-hclust-pca-validity-reference.py). Ids and sizes must match exactly,
 * heights within 1e-9 relative.
 */
#include <string.h>
#include <gsl/gsl_sort_double.h>
#include "rl-error.h"
#include "rl-hclust.h"
#include "rl-hclust-private.h"
#include "rl-input-check.h"
#include "rl-test-json.h"

#define HEIGHT_TOL 1e-9

static const char *methods[] = { "single", "complete", "average", "ward" };

static void
assert_same_partition (const guint *a,
                       const guint *b,
                       guint        n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpint (a[i] == a[j], ==, b[i] == b[j]);
}

static guint
count_clusters (const guint *labels,
                guint        n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (labels[i] + 1));
  return g_hash_table_size (seen);
}

static void
assert_first_appearance (const guint *labels,
                         guint        n,
                         guint        k)
{
  guint next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (labels[i], <=, next);
      if (labels[i] == next)
        next++;
    }
  g_assert_cmpuint (next, ==, k);
}

static void
check_against_scipy (const gsl_matrix *X,
                     RlLinkage         method,
                     JsonObject       *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(gsl_matrix) want = rl_test_json_member_matrix (ref, "linkage");
  g_autoptr(gsl_matrix) Z = rl_hclust_linkage (X, method, NULL, &error);
  guint n = X->size1, k = json_object_get_int_member (ref, "k");
  g_autofree guint *leaves = rl_test_json_member_labels (ref, "leaves", n);
  g_autofree guint *fc = rl_test_json_member_labels (ref, "fcluster", n);
  g_autofree guint *ct = rl_test_json_member_labels (ref, "cut_tree", n);
  g_autofree guint *order = NULL, *labels = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (Z->size1, ==, n - 1);
  g_assert_cmpuint (want->size1, ==, n - 1);
  g_assert_cmpuint (want->size2, ==, 4);
  for (guint i = 0; i < n - 1; i++)
    {
      double h = gsl_matrix_get (Z, i, 2), hw = gsl_matrix_get (want, i, 2);

      g_assert_cmpfloat (gsl_matrix_get (Z, i, 0), ==, gsl_matrix_get (want, i, 0));
      g_assert_cmpfloat (gsl_matrix_get (Z, i, 1), ==, gsl_matrix_get (want, i, 1));
      g_assert_cmpfloat (gsl_matrix_get (Z, i, 3), ==, gsl_matrix_get (want, i, 3));
      if (!(fabs (h - hw) <= HEIGHT_TOL * fabs (hw)))
        g_error ("%s row %u: height %.17g, SciPy %.17g", methods[method], i, h, hw);
    }
  order = rl_hclust_leaf_order (Z);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (order[i], ==, leaves[i]);

  labels = rl_hclust_cut (Z, k, &error);
  g_assert_no_error (error);
  assert_first_appearance (labels, n, k);
  assert_same_partition (labels, ct, n);
  /* fcluster agrees whenever it finds k clusters. */
  if (count_clusters (fc, n) == k)
    assert_same_partition (labels, fc, n);
}

static void
test_against_scipy (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("hclust-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  const char *sets[] = { "blobs", "ties", "line4", "two", "dups" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      JsonObject *set = json_object_get_object_member (root, sets[s]);
      JsonObject *by_method = json_object_get_object_member (set, "methods");
      g_autoptr(gsl_matrix) X = rl_test_json_member_matrix (set, "X");

      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        {
          g_test_message ("%s, %s", sets[s], methods[m]);
          check_against_scipy (X, m, json_object_get_object_member (by_method, methods[m]));
        }
    }
}

/* Larger sets (tests/data/hclust-large-reference.json, from
 * make-hclust-large-reference.py): paths only larger inputs take, such as
 * the compaction of Ward's centroid table. Ids and sizes exactly, heights
 * within HEIGHT_TOL. */
static void
test_against_scipy_large (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("hclust-large-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  const char *sets[] = { "blobs501", "grid301" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      JsonObject *set = json_object_get_object_member (root, sets[s]);
      JsonObject *by_method = json_object_get_object_member (set, "methods");
      g_autoptr(gsl_matrix) X = rl_test_json_member_matrix (set, "X");

      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        {
          JsonObject *ref = json_object_get_object_member (by_method, methods[m]);
          g_autoptr(gsl_matrix) want = rl_test_json_member_matrix (ref, "linkage");
          g_autoptr(GError) error = NULL;
          g_autoptr(gsl_matrix) Z = rl_hclust_linkage (X, m, NULL, &error);

          g_test_message ("%s, %s", sets[s], methods[m]);
          g_assert_no_error (error);
          for (guint i = 0; i < Z->size1; i++)
            {
              double h = gsl_matrix_get (Z, i, 2), hw = gsl_matrix_get (want, i, 2);

              if (gsl_matrix_get (Z, i, 0) != gsl_matrix_get (want, i, 0)
                  || gsl_matrix_get (Z, i, 1) != gsl_matrix_get (want, i, 1)
                  || gsl_matrix_get (Z, i, 3) != gsl_matrix_get (want, i, 3)
                  || !(fabs (h - hw) <= HEIGHT_TOL * fabs (hw)))
                g_error ("%s %s row %u: [%g %g %.17g %g], SciPy [%g %g %.17g %g]",
                         sets[s], methods[m], i, gsl_matrix_get (Z, i, 0),
                         gsl_matrix_get (Z, i, 1), h, gsl_matrix_get (Z, i, 3),
                         gsl_matrix_get (want, i, 0), gsl_matrix_get (want, i, 1), hw,
                         gsl_matrix_get (want, i, 3));
            }
        }
    }
}

/* Ward from the centroids (the path of inputs above RL_WARD_MATRIX_MAX rows),
 * run here on the larger reference sets: every merge height must be Ward's
 * distance of the two clusters as their members give it (sums in long
 * double), and on the blobs, which hold no exact ties, the heights must be
 * SciPy's. */
static void
test_ward_centroids (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("hclust-large-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  const char *sets[] = { "blobs501", "grid301" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      JsonObject *set = json_object_get_object_member (root, sets[s]);
      JsonObject *ward = json_object_get_object_member (
        json_object_get_object_member (set, "methods"), "ward");
      g_autoptr(gsl_matrix) X = rl_test_json_member_matrix (set, "X");
      g_autoptr(gsl_matrix) want = rl_test_json_member_matrix (ward, "linkage");
      g_autoptr(GError) error = NULL;
      g_autoptr(gsl_matrix) M = rl_hclust_ward_merges (X, NULL, &error);
      guint n = X->size1, d = X->size2;
      g_autofree long double *sum = g_new0 (long double, (gsize) n * d);
      g_autofree double *count = g_new (double, n), *h = g_new (double, n - 1);

      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          count[i] = 1.0;
          for (guint j = 0; j < d; j++)
            sum[i * d + j] = gsl_matrix_get (X, i, j);
        }
      for (guint r = 0; r < n - 1; r++)
        {
          guint x = gsl_matrix_get (M, r, 0), y = gsl_matrix_get (M, r, 1);
          double nx = count[x], ny = count[y];
          long double q = 0.0;

          g_assert_cmpuint (x, <, y);
          g_assert_cmpfloat (nx, >, 0.0);
          g_assert_cmpfloat (ny, >, 0.0);
          for (guint j = 0; j < d; j++)
            {
              long double t = sum[x * d + j] / nx - sum[y * d + j] / ny;
              q += t * t;
              sum[y * d + j] += sum[x * d + j];
            }
          h[r] = gsl_matrix_get (M, r, 2);
          if (!(fabsl (h[r] - sqrtl (2.0L * nx * ny / (nx + ny) * q)) <= 1e-9 * (h[r] + 1e-300)))
            g_error ("%s merge %u: height %.17g, members give %.17Lg", sets[s], r, h[r],
                     sqrtl (2.0L * nx * ny / (nx + ny) * q));
          count[y] = nx + ny;
          count[x] = 0.0;
        }
      if (s != 0)
        continue;
      gsl_sort (h, 1, n - 1);
      for (guint r = 0; r < n - 1; r++)
        rl_assert_close (h[r], gsl_matrix_get (want, r, 2), HEIGHT_TOL);
    }
}

static void
assert_row (const gsl_matrix *Z,
            guint             i,
            double            a,
            double            b,
            double            h,
            double            size)
{
  g_assert_cmpfloat (gsl_matrix_get (Z, i, 0), ==, a);
  g_assert_cmpfloat (gsl_matrix_get (Z, i, 1), ==, b);
  rl_assert_close (gsl_matrix_get (Z, i, 2), h, 1e-14);
  g_assert_cmpfloat (gsl_matrix_get (Z, i, 3), ==, size);
}

/* Points 0, 1, 3, 7 on a line. */
static void
test_line_by_hand (void)
{
  const double x[] = { 0, 1, 3, 7 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 1);
  g_autoptr(gsl_matrix) single = rl_hclust_linkage (&X.matrix, RL_LINKAGE_SINGLE, NULL, NULL);
  g_autoptr(gsl_matrix) complete = rl_hclust_linkage (&X.matrix, RL_LINKAGE_COMPLETE, NULL, NULL);
  g_autoptr(gsl_matrix) average = rl_hclust_linkage (&X.matrix, RL_LINKAGE_AVERAGE, NULL, NULL);
  g_autoptr(gsl_matrix) ward = rl_hclust_linkage (&X.matrix, RL_LINKAGE_WARD, NULL, NULL);

  assert_row (single, 0, 0, 1, 1, 2);
  assert_row (single, 1, 2, 4, 2, 3);
  assert_row (single, 2, 3, 5, 4, 4);
  assert_row (complete, 1, 2, 4, 3, 3);
  assert_row (complete, 2, 3, 5, 7, 4);
  assert_row (average, 1, 2, 4, 2.5, 3);          /* (3 + 2) / 2 */
  assert_row (average, 2, 3, 5, 17.0 / 3, 4);     /* (7 + 6 + 4) / 3 */
  /* Ward: sqrt(2 |A| |B| / (|A| + |B|)) times the distance of the centroids. */
  assert_row (ward, 0, 0, 1, 1, 2);
  assert_row (ward, 1, 2, 4, sqrt (4.0 / 3) * 2.5, 3);
  assert_row (ward, 2, 3, 5, sqrt (1.5) * (7 - 4.0 / 3), 4);
}

/* Squared distances 1 + 2^-52 (point 1) and 1 (point 2) from point 0 have
 * the same square root, 1: SciPy takes the first of the two, point 1, not
 * the one with the smaller square. */
static void
test_single_sqrt_tie (void)
{
  const double x[] = { 0, 0, 1, 0x1p-26, 0, 1 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  g_autoptr(gsl_matrix) Z = rl_hclust_linkage (&X.matrix, RL_LINKAGE_SINGLE, NULL, NULL);

  g_assert_cmpfloat (1 + 0x1p-26 * 0x1p-26, >, 1);
  g_assert_cmpfloat (sqrt (1 + 0x1p-26 * 0x1p-26), ==, 1);
  assert_row (Z, 0, 0, 1, 1, 2);
  assert_row (Z, 1, 2, 3, 1, 3);
}

static void
test_clustering_result (void)
{
  const double x[] = { 0, 0, 0, 1, 10, 10, 10, 11, 11, 10, 30, 0 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = rl_hclust (&X.matrix, RL_LINKAGE_WARD, 3, NULL, &error);
  const guint want[] = { 0, 0, 1, 1, 1, 2 };

  g_assert_no_error (error);
  g_assert_cmpstr (c->method, ==, "hclust");
  g_assert_cmpuint (c->k, ==, 3);
  g_assert_nonnull (c->linkage);
  g_assert_cmpuint (c->linkage->size1, ==, 5);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (c->labels[i], ==, want[i]);
  rl_assert_close (gsl_matrix_get (c->centers, 1, 0), 31.0 / 3, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 2, 0), 30.0, 1e-15);
  rl_assert_close (c->inertia, 0.5 + 4.0 / 3, 1e-14);
  rl_assert_close (c->f_k, rl_f_k (&X.matrix, c->labels, c->centers, NULL), 1e-15);
}

static void
test_degenerate (void)
{
  const double one[] = { 1, 2 };
  const double nan_x[] = { 0, 1, NAN, 3 };
  gsl_matrix_const_view X1 = gsl_matrix_const_view_array (one, 1, 2);
  gsl_matrix_const_view Xn = gsl_matrix_const_view_array (nan_x, 4, 1);
  const double bad[] = { 0, 0, 1, 1, 0, 1, 2, 2 };
  gsl_matrix_const_view Zbad = gsl_matrix_const_view_array (bad, 2, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = NULL;
  RlLinkage l;

  g_assert_null (rl_hclust_linkage (&X1.matrix, RL_LINKAGE_WARD, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);

  c = rl_hclust (&X1.matrix, RL_LINKAGE_SINGLE, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (c->labels[0], ==, 0);
  g_assert_null (c->linkage);
  rl_assert_close (c->inertia, 0.0, 0);

  g_assert_null (rl_hclust (&X1.matrix, RL_LINKAGE_SINGLE, 2, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_hclust (&Xn.matrix, RL_LINKAGE_AVERAGE, 2, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_clear_error (&error);
  g_assert_null (rl_hclust_cut (&Zbad.matrix, 2, &error));   /* id 0 used twice */
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rl_linkage_from_string ("centroid", &l, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_true (rl_linkage_from_string ("average", &l, NULL));
  g_assert_cmpint (l, ==, RL_LINKAGE_AVERAGE);
}

/* Every k from 1 to n on a tree with ties; and k = 0 or k > n fail. */
static void
test_cut_all_k (void)
{
  const double x[] = { 0, 0, 1, 1, 1, 5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 1);
  g_autoptr(gsl_matrix) Z = rl_hclust_linkage (&X.matrix, RL_LINKAGE_COMPLETE, NULL, NULL);
  g_autoptr(GError) error = NULL;

  for (guint k = 1; k <= 6; k++)
    {
      g_autofree guint *labels = rl_hclust_cut (Z, k, &error);
      g_assert_no_error (error);
      assert_first_appearance (labels, 6, k);
    }
  g_assert_null (rl_hclust_cut (Z, 7, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_hclust_cut (Z, 0, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

typedef struct
{
  double height;
  guint  row;
} Edge;

static int
compare_edges (const void *pa,
               const void *pb)
{
  const Edge *a = pa, *b = pb;

  if (a->height != b->height)
    return a->height < b->height ? -1 : 1;
  return (a->row > b->row) - (a->row < b->row);
}

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    x = parent[x];
  return x;
}

/* Single linkage the plain way: Prim's tree on the roots of the squared
 * distances, the first strictly nearer point in index order joining, then
 * the edges sorted by height (stably) and numbered as SciPy does. */
static gsl_matrix *
plain_single_linkage (const gsl_matrix *X)
{
  guint n = X->size1, d = X->size2, x = 0;
  g_autofree gboolean *in_tree = g_new0 (gboolean, n);
  g_autofree double *near = g_new (double, n);
  g_autofree guint *from = g_new (guint, n - 1), *to = g_new (guint, n - 1);
  g_autofree guint *parent = g_new (guint, 2 * n), *size = g_new (guint, 2 * n);
  g_autofree Edge *edges = g_new (Edge, n - 1);
  gsl_matrix *Z = gsl_matrix_alloc (n - 1, 4);

  for (guint i = 0; i < n; i++)
    near[i] = INFINITY;
  in_tree[0] = TRUE;
  for (guint e = 0; e < n - 1; e++)
    {
      guint next = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        {
          double s = 0;

          if (in_tree[i])
            continue;
          for (guint j = 0; j < d; j++)
            s += (gsl_matrix_get (X, x, j) - gsl_matrix_get (X, i, j))
                 * (gsl_matrix_get (X, x, j) - gsl_matrix_get (X, i, j));
          if (sqrt (s) < near[i])
            near[i] = sqrt (s);
          if (next == G_MAXUINT || near[i] < near[next])
            next = i;
        }
      edges[e] = (Edge) { near[next], e };
      from[e] = x;
      to[e] = next;
      in_tree[next] = TRUE;
      x = next;
    }
  qsort (edges, n - 1, sizeof (Edge), compare_edges);
  for (guint i = 0; i < 2 * n; i++)
    {
      parent[i] = i;
      size[i] = 1;
    }
  for (guint e = 0; e < n - 1; e++)
    {
      guint a = find_root (parent, from[edges[e].row]);
      guint b = find_root (parent, to[edges[e].row]);

      parent[a] = parent[b] = n + e;
      size[n + e] = size[a] + size[b];
      gsl_matrix_set (Z, e, 0, MIN (a, b));
      gsl_matrix_set (Z, e, 1, MAX (a, b));
      gsl_matrix_set (Z, e, 2, edges[e].height);
      gsl_matrix_set (Z, e, 3, size[n + e]);
    }
  return Z;
}

/* Single linkage drops the points that join the tree from its working
 * arrays now and then, without changing which point joins next: checked
 * against the plain algorithm on points with many duplicates and ties. */
static void
test_single_many_ties (void)
{
  g_autoptr(gsl_rng) rng = gsl_rng_alloc (gsl_rng_mt19937);
  const guint sizes[][2] = { { 1500, 3 }, { 1001, 1 }, { 777, 5 }, { 9, 2 } };

  for (guint c = 0; c < G_N_ELEMENTS (sizes); c++)
    {
      g_autoptr(gsl_matrix) X = gsl_matrix_alloc (sizes[c][0], sizes[c][1]);
      g_autoptr(gsl_matrix) Z = NULL, want = NULL;

      /* a grid of 3^d sites, duplicates included, or uniform numbers */
      for (gsize i = 0; i < X->size1 * X->size2; i++)
        X->data[i] = c % 2 == 0 ? gsl_rng_uniform_int (rng, 3) : gsl_rng_uniform (rng);
      Z = rl_hclust_linkage (X, RL_LINKAGE_SINGLE, NULL, NULL);
      want = plain_single_linkage (X);
      g_assert_cmpmem (Z->data, Z->size1 * 4 * sizeof (double),
                       want->data, want->size1 * 4 * sizeof (double));
    }
}

static void
test_deterministic_and_cancel (void)
{
  g_autoptr(gsl_rng) rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (300, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < 900; i++)
    X->data[i] = gsl_rng_uniform (rng);
  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      g_autoptr(gsl_matrix) a = rl_hclust_linkage (X, m, NULL, NULL);
      g_autoptr(gsl_matrix) b = rl_hclust_linkage (X, m, NULL, NULL);

      g_assert_cmpmem (a->data, 299 * 4 * sizeof (double), b->data, 299 * 4 * sizeof (double));
      /* heights never decrease for these four linkages */
      for (guint i = 1; i < 299; i++)
        g_assert_cmpfloat (gsl_matrix_get (a, i, 2), >=, gsl_matrix_get (a, i - 1, 2));
    }
  g_cancellable_cancel (cancellable);
  g_assert_null (rl_hclust_linkage (X, RL_LINKAGE_WARD, cancellable, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (rl_hclust_linkage (X, RL_LINKAGE_SINGLE, cancellable, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
}

/* Complete linkage merges at the largest distance between the two
 * clusters, which is one of the point distances: checks every height
 * exactly against sqrt (rl_distance2 ()) over the pairs the merge joins.
 * Sizes below and above the blocks the distances are computed in, and
 * above the size at which two threads compute them. */
static void
check_complete_heights (guint n,
                        guint d)
{
  g_autoptr(gsl_rng) rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (n, d);
  g_autoptr(gsl_matrix) Z = NULL;
  g_autofree guint *first = g_new (guint, 2 * n);
  g_autofree guint *last = g_new (guint, 2 * n);
  g_autofree guint *next = g_new (guint, n);

  gsl_rng_set (rng, n);
  for (gsize i = 0; i < (gsize) n * d; i++)
    X->data[i] = gsl_rng_uniform (rng);
  Z = rl_hclust_linkage (X, RL_LINKAGE_COMPLETE, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      first[i] = last[i] = i;
      next[i] = G_MAXUINT;
    }
  for (guint r = 0; r + 1 < n; r++)
    {
      guint a = gsl_matrix_get (Z, r, 0), b = gsl_matrix_get (Z, r, 1);
      double max = 0.0;

      for (guint p = first[a]; p != G_MAXUINT; p = next[p])
        for (guint q = first[b]; q != G_MAXUINT; q = next[q])
          max = MAX (max, sqrt (rl_distance2 (gsl_matrix_const_ptr (X, p, 0),
                                              gsl_matrix_const_ptr (X, q, 0), d)));
      g_assert_cmpfloat (gsl_matrix_get (Z, r, 2), ==, max);
      next[last[a]] = first[b];
      first[n + r] = first[a];
      last[n + r] = last[b];
    }
}

static void
test_complete_heights (void)
{
  check_complete_heights (50, 3);
  check_complete_heights (131, 2);
  check_complete_heights (1100, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hclust/against-scipy", test_against_scipy);
  g_test_add_func ("/hclust/against-scipy-large", test_against_scipy_large);
  g_test_add_func ("/hclust/ward-centroids", test_ward_centroids);
  g_test_add_func ("/hclust/line-by-hand", test_line_by_hand);
  g_test_add_func ("/hclust/single-sqrt-tie", test_single_sqrt_tie);
  g_test_add_func ("/hclust/clustering-result", test_clustering_result);
  g_test_add_func ("/hclust/degenerate", test_degenerate);
  g_test_add_func ("/hclust/cut-all-k", test_cut_all_k);
  g_test_add_func ("/hclust/single-many-ties", test_single_many_ties);
  g_test_add_func ("/hclust/deterministic-and-cancel", test_deterministic_and_cancel);
  g_test_add_func ("/hclust/complete-heights", test_complete_heights);
  return g_test_run ();
}
