/* rl-pca.c — principal component analysis by singular value decomposition
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The centred data A = X − mean is decomposed as A = U S Vᵀ by one-sided
 * Jacobi (accurate singular values even when small). GSL wants at least as
 * many rows as columns, so when n < d the transpose is decomposed instead
 * and the roles of U and V swap.
 */
#include "rl-pca.h"

#include <math.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include "rl-error.h"
#include "rl-input-check.h"

typedef struct
{
  gsl_matrix *U;  /* n × r, left singular vectors */
  gsl_matrix *V;  /* d × r, right singular vectors (the components) */
  gsl_vector *S;  /* r, decreasing */
} Svd;

static void
svd_clear (Svd *svd)
{
  g_clear_pointer (&svd->U, gsl_matrix_free);
  g_clear_pointer (&svd->V, gsl_matrix_free);
  g_clear_pointer (&svd->S, gsl_vector_free);
}

static gboolean
svd_of_centred (const gsl_matrix *A,
                Svd              *svd,
                GError          **error)
{
  gsize n = A->size1, d = A->size2, r = MIN (n, d);
  gsl_matrix *work;

  svd->S = gsl_vector_alloc (r);
  if (n >= d)
    {
      work = svd->U = gsl_matrix_alloc (n, d);
      gsl_matrix_memcpy (svd->U, A);
      svd->V = gsl_matrix_alloc (d, d);
      return rl_gsl_check (gsl_linalg_SV_decomp_jacobi (work, svd->V, svd->S), "PCA", error);
    }
  work = svd->V = gsl_matrix_alloc (d, n);
  gsl_matrix_transpose_memcpy (svd->V, A);
  svd->U = gsl_matrix_alloc (n, n);
  return rl_gsl_check (gsl_linalg_SV_decomp_jacobi (work, svd->U, svd->S), "PCA", error);
}

/* Gram–Schmidt of the unit vector e_t against columns 0 .. c − 1 of @V and
 * those after c already of unit length; TRUE if something is left. */
static gboolean
orthogonal_unit (const gsl_matrix *V,
                 gsize             c,
                 gsize             t,
                 gsl_vector       *out)
{
  gsl_vector_set_basis (out, t);
  for (gsize e = 0; e < V->size2; e++)
    {
      gsl_vector_const_view col = gsl_matrix_const_column (V, e);
      double dot;

      if (e == c || gsl_blas_dnrm2 (&col.vector) < 0.5)
        continue;
      gsl_blas_ddot (&col.vector, out, &dot);
      gsl_blas_daxpy (-dot, &col.vector, out);
    }
  if (gsl_blas_dnrm2 (out) < 0.5)
    return FALSE;
  gsl_vector_scale (out, 1.0 / gsl_blas_dnrm2 (out));
  return TRUE;
}

/* Singular vectors of zero singular values come back as zeros when the
 * decomposed matrix was the transpose; make them unit vectors orthogonal
 * to the others, so that every component is a direction. */
static void
complete_components (gsl_matrix *V)
{
  g_autoptr(gsl_vector) v = gsl_vector_alloc (V->size1);

  for (gsize c = 0; c < V->size2; c++)
    {
      gsl_vector_view col = gsl_matrix_column (V, c);

      if (gsl_blas_dnrm2 (&col.vector) >= 0.5)
        continue;
      for (gsize t = 0; t < V->size1; t++)
        if (orthogonal_unit (V, c, t, v))
          {
            gsl_vector_memcpy (&col.vector, v);
            break;
          }
    }
}

/* scikit-learn's svd_flip (based on U): the largest |U[i, c]| is positive. */
static void
svd_flip (Svd *svd)
{
  for (gsize c = 0; c < svd->S->size; c++)
    {
      gsl_vector_view u = gsl_matrix_column (svd->U, c);
      gsl_vector_view v = gsl_matrix_column (svd->V, c);
      double big = 0.0, sign = 1.0;

      for (gsize i = 0; i < u.vector.size; i++)
        {
          double t = gsl_vector_get (&u.vector, i);
          if (fabs (t) > big)
            {
              big = fabs (t);
              sign = t < 0 ? -1.0 : 1.0;
            }
        }
      if (sign < 0)
        {
          gsl_vector_scale (&u.vector, -1.0);
          gsl_vector_scale (&v.vector, -1.0);
        }
    }
}

static RlPca *
pca_new (gsize n,
         gsize d,
         gsize m)
{
  RlPca *self = g_new0 (RlPca, 1);

  self->n = n;
  self->d = d;
  self->m = m;
  self->mean = gsl_vector_calloc (d);
  self->components = gsl_matrix_alloc (d, m);
  self->explained_variance = gsl_vector_alloc (m);
  self->explained_variance_ratio = gsl_vector_alloc (m);
  self->singular_values = gsl_vector_alloc (m);
  self->scores = gsl_matrix_alloc (n, m);
  return self;
}

static gsl_matrix *
centre (const gsl_matrix *X,
        gsl_vector       *mean)
{
  gsl_matrix *A = gsl_matrix_alloc (X->size1, X->size2);

  for (gsize j = 0; j < X->size2; j++)
    {
      gsl_vector_const_view col = gsl_matrix_const_column (X, j);
      gsl_vector_view dst = gsl_matrix_column (A, j);
      double mu = 0.0;

      for (gsize i = 0; i < X->size1; i++)
        mu += gsl_vector_get (&col.vector, i);
      mu /= X->size1;
      gsl_vector_set (mean, j, mu);
      gsl_vector_memcpy (&dst.vector, &col.vector);
      gsl_vector_add_constant (&dst.vector, -mu);
    }
  return A;
}

static void
fill_from_svd (RlPca     *self,
               const Svd *svd)
{
  double total = 0.0;

  for (gsize c = 0; c < svd->S->size; c++)
    total += gsl_vector_get (svd->S, c) * gsl_vector_get (svd->S, c) / (self->n - 1.0);
  self->total_variance = total;
  for (gsize c = 0; c < self->m; c++)
    {
      double s = gsl_vector_get (svd->S, c), var = s * s / (self->n - 1.0);
      gsl_vector_const_view u = gsl_matrix_const_column (svd->U, c);
      gsl_vector_const_view v = gsl_matrix_const_column (svd->V, c);
      gsl_vector_view score = gsl_matrix_column (self->scores, c);
      gsl_vector_view comp = gsl_matrix_column (self->components, c);

      gsl_vector_set (self->singular_values, c, s);
      gsl_vector_set (self->explained_variance, c, var);
      gsl_vector_set (self->explained_variance_ratio, c, total > 0 ? var / total : 0.0);
      gsl_vector_memcpy (&comp.vector, &v.vector);
      gsl_vector_memcpy (&score.vector, &u.vector);
      gsl_vector_scale (&score.vector, s);
    }
}

RlPca *
rl_pca (const gsl_matrix *X,
        guint             n_components,
        GError          **error)
{
  g_autoptr(RlPca) self = NULL;
  g_autoptr(gsl_matrix) A = NULL;
  Svd svd = { NULL, NULL, NULL };
  gsize r;

  rl_gsl_init ();
  if (!rl_check_matrix (X, 2, "PCA", error))
    return NULL;
  r = MIN (X->size1, X->size2);
  if (n_components > r)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "PCA: %u components asked, but %" G_GSIZE_FORMAT " rows × %" G_GSIZE_FORMAT
                   " columns give at most %" G_GSIZE_FORMAT, n_components, X->size1, X->size2, r);
      return NULL;
    }
  self = pca_new (X->size1, X->size2, n_components > 0 ? n_components : r);
  A = centre (X, self->mean);
  if (!svd_of_centred (A, &svd, error))
    {
      svd_clear (&svd);
      return NULL;
    }
  complete_components (svd.V);
  svd_flip (&svd);
  fill_from_svd (self, &svd);
  svd_clear (&svd);
  return g_steal_pointer (&self);
}

void
rl_pca_free (RlPca *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->mean, gsl_vector_free);
  g_clear_pointer (&self->components, gsl_matrix_free);
  g_clear_pointer (&self->explained_variance, gsl_vector_free);
  g_clear_pointer (&self->explained_variance_ratio, gsl_vector_free);
  g_clear_pointer (&self->singular_values, gsl_vector_free);
  g_clear_pointer (&self->scores, gsl_matrix_free);
  g_free (self);
}

gsl_matrix *
rl_pca_transform (const RlPca      *self,
                  const gsl_matrix *Y,
                  GError          **error)
{
  g_autoptr(gsl_matrix) A = NULL;
  gsl_matrix *out;

  if (!rl_check_matrix (Y, 1, "PCA projection", error))
    return NULL;
  if (Y->size2 != self->d)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "PCA projection: %" G_GSIZE_FORMAT " columns given, the components have %u",
                   Y->size2, self->d);
      return NULL;
    }
  A = gsl_matrix_alloc (Y->size1, Y->size2);
  gsl_matrix_memcpy (A, Y);
  for (gsize i = 0; i < A->size1; i++)
    {
      gsl_vector_view row = gsl_matrix_row (A, i);
      gsl_vector_sub (&row.vector, self->mean);
    }
  out = gsl_matrix_alloc (Y->size1, self->m);
  gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 1.0, A, self->components, 0.0, out);
  return out;
}
