/* rl-analysis.c — one analysis as the application shows it: frame, clustering,
 * rating, interpretation, projections and curves, computed together
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-analysis.h"

#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-grouping.h"
#include "rl-hclust.h"
#include "rl-tracking.h"
#include "rl-validity.h"

/* The public result plus what rl_analysis_row_of_region() looks up. */
typedef struct
{
  RlAnalysis  pub;
  guint       n_regions;
  int        *row_of_region;  /* n_regions */
} RlAnalysisReal;

/* Progress over steps of different weights: a step maps its own 0 → 1 onto
 * [done, done + weight] of the total. */
typedef struct
{
  RlProgressFunc func;
  gpointer       data;
  double         total;
  double         done;
  double         weight;  /* of the current step */
} Progress;

/* What one run needs besides the result. */
typedef struct
{
  const RlPanel        *panel;
  const RlAnalysisSpec *spec;
  RlAnalysis           *self;
  GCancellable         *cancellable;
  Progress              progress;
  /* the rating's columns: the frame's features with a polarity */
  guint                 n_rated;
  guint                *rated;         /* n_rated frame columns */
  RlPolarity           *rated_polarity;
  double               *rated_weights; /* for RL_WEIGHTS_USER */
  const char          **rated_features;
  RlRatingOptions       rating_opts;
} Run;

enum { STEP_FRAME, STEP_METHOD, STEP_RATING, STEP_UNCERTAINTY, STEP_DESCRIBE, STEP_LINKAGE,
       STEP_SELECT_K, STEP_BIC, STEP_HISTORY, N_STEPS };

/* Relative cost of each step, for the progress bar. */
static double
step_weight (const RlAnalysisSpec *spec,
             guint                 step)
{
  switch (step)
    {
    case STEP_METHOD:
      return rl_method_is_long (spec->method.method) ? 20.0 : 2.0;
    case STEP_UNCERTAINTY:
      return spec->uncertainty_runs > 0 ? 4.0 : 0.0;
    case STEP_SELECT_K:
      return spec->with_select_k ? (rl_method_is_long (spec->method.method) ? 100.0 : 8.0) : 0.0;
    case STEP_BIC:
      return spec->with_bic_curves ? 16.0 : 0.0;
    case STEP_HISTORY:
      return spec->with_history ? (rl_method_is_long (spec->method.method) ? 2.0 : 6.0) : 0.0;
    default:
      return 1.0;
    }
}

static void
progress_begin (Run   *run,
                guint  step)
{
  run->progress.weight = step_weight (run->spec, step);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  Progress *p = data;

  rl_progress_report (p->func, p->data, (p->done + p->weight * fraction) / p->total);
}

/* Ends a step; FALSE (with G_IO_ERROR_CANCELLED) when the run was cancelled. */
static gboolean
progress_end (Run     *run,
              GError **error)
{
  run->progress.done += run->progress.weight;
  run->progress.weight = 0.0;
  rl_progress_report (run->progress.func, run->progress.data,
                      run->progress.done / run->progress.total);
  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

static void
warn (RlAnalysis *self,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (RlAnalysis *self,
      const char *format,
      ...)
{
  va_list args;

  if (self == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
is_cancelled (const GError *error,
              GCancellable *cancellable)
{
  return g_error_matches (error, RL_ERROR, RL_ERROR_CANCELLED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_cancellable_is_cancelled (cancellable);
}

/* After an optional part: its failure becomes a warning naming @what, and
 * only cancellation stops the run. Takes @local. */
static gboolean
settle (Run        *run,
        GError     *local,
        const char *what,
        GError    **error)
{
  if (local == NULL)
    return TRUE;
  if (is_cancelled (local, run->cancellable))
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  warn (run->self, "%s: %s", what, local->message);
  g_error_free (local);
  return TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->rated, g_free);
  g_clear_pointer (&run->rated_polarity, g_free);
  g_clear_pointer (&run->rated_weights, g_free);
  g_clear_pointer (&run->rated_features, g_free);
}

/* --- the spec ----------------------------------------------------------- */

static gboolean
check_spec (const RlPanel        *panel,
            const RlAnalysisSpec *spec,
            GError              **error)
{
  const RlMethodSpec *m = &spec->method;

  if (rl_panel_n_regions (panel) == 0 || rl_panel_n_indicators (panel) == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the panel has no regions or no indicators");
      return FALSE;
    }
  if (m->method >= RL_N_METHODS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "unknown clustering method %d", m->method);
      return FALSE;
    }
  if (m->k < 1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "k must be at least 1");
      return FALSE;
    }
  if (spec->with_select_k && (spec->k_min < 1 || spec->k_min > spec->k_max))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "the range of k for select-k, %u .. %u, is empty or starts below 1",
                   spec->k_min, spec->k_max);
      return FALSE;
    }
  if ((spec->polarity != NULL || spec->weights != NULL) && spec->frame.features == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "polarities or weights were given without the list of features they belong to");
      return FALSE;
    }
  if (spec->weighting == RL_WEIGHTS_USER && spec->weights == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "user weights were chosen but none given");
      return FALSE;
    }
  return TRUE;
}

/* --- the rating's columns ----------------------------------------------- */

/* Polarity of each frame column: the spec's, else the panel's metadata. The
 * columns with one make up the rating. */
static void
choose_rated (Run           *run,
              const RlFrame *frame)
{
  const RlAnalysisSpec *spec = run->spec;
  g_autoptr(GString) left_out = g_string_new (NULL);

  run->rated = g_new (guint, frame->d);
  run->rated_polarity = g_new (RlPolarity, frame->d);
  run->rated_features = g_new0 (const char *, frame->d + 1);
  if (spec->weights != NULL)
    run->rated_weights = g_new (double, frame->d);
  for (guint j = 0; j < frame->d; j++)
    {
      RlPolarity p = spec->polarity != NULL
                     ? spec->polarity[j]
                     : rl_panel_indicator (run->panel, frame->columns[j])->polarity;
      if (p == RL_POLARITY_NONE)
        {
          g_string_append_printf (left_out, "%s%s", left_out->len ? ", " : "", frame->features[j]);
          continue;
        }
      run->rated[run->n_rated] = j;
      run->rated_polarity[run->n_rated] = p;
      run->rated_features[run->n_rated] = frame->features[j];
      if (run->rated_weights != NULL)
        run->rated_weights[run->n_rated] = spec->weights[j];
      run->n_rated++;
    }
  if (run->n_rated == 0)
    warn (run->self, "No need rating: none of the chosen indicators has a polarity");
  else if (left_out->len > 0)
    warn (run->self, "Left out of the need rating (no polarity): %s", left_out->str);

  rl_rating_options_init (&run->rating_opts);
  run->rating_opts.normalize = spec->normalize;
  run->rating_opts.weighting = spec->weighting;
  run->rating_opts.weights = run->rated_weights;
  run->rating_opts.polarity = run->rated_polarity;
  run->rating_opts.features = run->rated_features;
}

/* The rated columns of @frame in original units. */
static gsl_matrix *
rated_matrix (const Run     *run,
              const RlFrame *frame)
{
  gsl_matrix *X = gsl_matrix_alloc (frame->n, run->n_rated);

  for (guint j = 0; j < run->n_rated; j++)
    {
      gsl_vector_const_view col = gsl_matrix_const_column (frame->raw, run->rated[j]);
      gsl_matrix_set_col (X, j, &col.vector);
    }
  return X;
}

static RlRating *
rate_frame (const Run     *run,
            const RlFrame *frame,
            GError       **error)
{
  g_autoptr(gsl_matrix) X = NULL;

  if (run->n_rated == 0)
    return NULL;
  X = rated_matrix (run, frame);
  return rl_rating_new (X, &run->rating_opts, error);
}

static gboolean
compute_rating (Run     *run,
                GError **error)
{
  RlAnalysis *self = run->self;
  RlRatingUncertaintyOptions uopts;
  g_autoptr(gsl_matrix) X = NULL;
  GError *local = NULL;

  progress_begin (run, STEP_RATING);
  choose_rated (run, self->frame);
  if (run->n_rated > 0 && (self->rating = rate_frame (run, self->frame, error)) == NULL)
    return FALSE;
  if (!progress_end (run, error))
    return FALSE;

  progress_begin (run, STEP_UNCERTAINTY);
  if (self->rating != NULL && run->spec->uncertainty_runs > 0)
    {
      X = rated_matrix (run, self->frame);
      rl_rating_uncertainty_options_init (&uopts);
      uopts.runs = run->spec->uncertainty_runs;
      uopts.seed = run->spec->method.seed;
      self->uncertainty = rl_rating_uncertainty_new (X, &run->rating_opts, &uopts, progress_cb,
                                                     &run->progress, run->cancellable, &local);
      if (!settle (run, local, "No rank uncertainty", error))
        return FALSE;
    }
  return progress_end (run, error);
}

/* --- clustering ----------------------------------------------------------- */

static gboolean
check_k (const RlFrame *frame,
         guint          k,
         GError       **error)
{
  if (k <= frame->n)
    return TRUE;
  if (frame->year != RL_YEAR_NONE)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                 "k = %u is larger than the %u regions kept for %d", k, frame->n, frame->year);
  else
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                 "k = %u is larger than the %u regions kept", k, frame->n);
  return FALSE;
}

/* Renumbers clusters so that old cluster @order[p] becomes p; centres and
 * responsibilities follow. */
static void
relabel (RlClustering *c,
         const guint  *order)
{
  g_autofree guint *new_of_old = g_new (guint, c->k);
  g_autoptr(gsl_matrix) centers = NULL;
  g_autoptr(gsl_matrix) resp = NULL;

  for (guint p = 0; p < c->k; p++)
    new_of_old[order[p]] = p;
  for (guint i = 0; i < c->n; i++)
    c->labels[i] = new_of_old[c->labels[i]];
  if (c->centers != NULL)
    {
      centers = gsl_matrix_alloc (c->centers->size1, c->centers->size2);
      for (guint p = 0; p < c->k; p++)
        {
          gsl_vector_view row = gsl_matrix_row (c->centers, order[p]);
          gsl_matrix_set_row (centers, p, &row.vector);
        }
      gsl_matrix_memcpy (c->centers, centers);
    }
  if (c->responsibilities != NULL)
    {
      resp = gsl_matrix_alloc (c->responsibilities->size1, c->responsibilities->size2);
      for (guint p = 0; p < c->k; p++)
        {
          gsl_vector_view col = gsl_matrix_column (c->responsibilities, order[p]);
          gsl_matrix_set_col (resp, p, &col.vector);
        }
      gsl_matrix_memcpy (c->responsibilities, resp);
    }
}

/* The interpretation, after renumbering the clusters neediest first. */
static gboolean
compute_interpretation (Run     *run,
                        GError **error)
{
  RlAnalysis *self = run->self;
  g_autoptr(RlInterpretation) first = NULL;

  if (self->rating != NULL)
    {
      first = rl_analysis_interpret (self->frame, self->clustering, self->rating, error);
      if (first == NULL)
        return FALSE;
      relabel (self->clustering, first->order);
    }
  self->interpretation = rl_analysis_interpret (self->frame, self->clustering, self->rating, error);
  return self->interpretation != NULL;
}

static gboolean
compute_silhouette (Run     *run,
                    GError **error)
{
  RlAnalysis *self = run->self;
  const RlClustering *c = self->clustering;
  guint k = rl_validity_n_clusters (c->labels, c->n, c->k);

  self->silhouette_mean = NAN;
  if (k < 2 || k >= c->n)
    {
      warn (self, "No silhouette: it needs between 2 and %u non-empty clusters, not %u",
            c->n - 1, k);
      return TRUE;
    }
  self->silhouette = g_new (double, c->n);
  if (rl_silhouette (self->frame->X, c->labels, c->k, &self->silhouette_mean, self->silhouette,
                     run->cancellable, error))
    return TRUE;
  g_clear_pointer (&self->silhouette, g_free);
  return FALSE;
}

/* Silhouette, interpretation, PCA and correlation: the cheap descriptions. */
static gboolean
describe (Run     *run,
          GError **error)
{
  RlAnalysis *self = run->self;
  const RlFrame *f = self->frame;
  GError *local = NULL;

  progress_begin (run, STEP_DESCRIBE);
  if (!compute_interpretation (run, error) || !compute_silhouette (run, error))
    return FALSE;
  if (f->d >= 2 && f->n >= 2)
    {
      self->pca = rl_pca (f->X, MIN (f->n, f->d), &local);
      if (!settle (run, local, "No principal components", error))
        return FALSE;
    }
  else
    warn (self, "No principal components: they need at least 2 indicators and 2 regions");
  self->correlation = rl_correlation_matrix (RL_CORRELATION_PEARSON, f->raw, run->cancellable,
                                             &local);
  if (!settle (run, local, "No correlation matrix", error) || !progress_end (run, error))
    return FALSE;

  progress_begin (run, STEP_LINKAGE);
  if (self->clustering->linkage != NULL)
    {
      self->linkage = gsl_matrix_alloc (self->clustering->linkage->size1,
                                        self->clustering->linkage->size2);
      gsl_matrix_memcpy (self->linkage, self->clustering->linkage);
    }
  else if (f->n >= 2)
    {
      self->linkage = rl_hclust_linkage (f->X, RL_LINKAGE_WARD, run->cancellable, &local);
      if (!settle (run, local, "No dendrogram", error))
        return FALSE;
    }
  return progress_end (run, error);
}

/* --- curves over k ------------------------------------------------------------ */

static RlSelectK *
select_k_for (Run                *run,
              const RlMethodSpec *method,
              GError            **error)
{
  const RlFrame *f = run->self->frame;
  guint k_max = MIN (run->spec->k_max, f->n);

  if (run->spec->k_min > k_max)
    return NULL;
  return rl_select_k (f->X, run->spec->k_min, k_max, rl_method_cluster_func, (gpointer) method,
                      progress_cb, &run->progress, run->cancellable, error);
}

static gboolean
compute_curves (Run     *run,
                GError **error)
{
  RlAnalysis *self = run->self;
  const RlAnalysisSpec *spec = run->spec;
  GError *local = NULL;
  double weight;

  if (spec->with_select_k && spec->k_max > self->frame->n)
    warn (self, "k is tried only up to %u, the number of regions", self->frame->n);

  progress_begin (run, STEP_SELECT_K);
  if (spec->with_select_k)
    self->select_k = select_k_for (run, &spec->method, &local);
  if (!settle (run, local, "No curves over k", error) || !progress_end (run, error))
    return FALSE;

  progress_begin (run, STEP_BIC);
  weight = run->progress.weight;
  for (guint c = 0; spec->with_bic_curves && c < G_N_ELEMENTS (self->bic); c++)
    {
      RlMethodSpec gmm = spec->method;

      gmm.method = RL_METHOD_GMM;
      gmm.covariance = c;
      run->progress.weight = weight / 4;
      self->bic[c] = select_k_for (run, &gmm, &local);
      if (!settle (run, local, "No BIC curve", error))
        return FALSE;
      run->progress.done += weight / 4;
    }
  run->progress.done -= spec->with_bic_curves ? weight : 0.0;
  run->progress.weight = weight;
  return progress_end (run, error);
}

/* --- history ---------------------------------------------------------------- */

static gboolean
clusters_every_year (RlMethod method)
{
  return method == RL_METHOD_KMEANS || method == RL_METHOD_GMM || method == RL_METHOD_HCLUST;
}

/* Clusters @frame (another year) like the chosen year and writes its labels,
 * matched to the chosen year's clusters, into column @t of the history. */
static gboolean
cluster_year (Run           *run,
              const RlFrame *frame,
              guint          t,
              GError       **error)
{
  RlAnalysis *self = run->self;
  const RlClustering *chosen = self->clustering;
  guint n_years = self->years->len;
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(RlTracking) tracking = NULL;
  RlTrackYear from = { self->frame->rows, chosen->labels, chosen->n, chosen->k, NULL };
  RlTrackYear to;

  if (frame->n < run->spec->method.k)
    return TRUE;
  c = rl_method_run (frame->X, &run->spec->method, NULL, NULL, run->cancellable, error);
  if (c == NULL)
    return FALSE;
  to = (RlTrackYear) { frame->rows, c->labels, c->n, c->k, NULL };
  if ((tracking = rl_tracking_new (&from, &to, RL_TRACK_OVERLAP, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < frame->n; i++)
    self->cluster_history[frame->rows[i] * n_years + t] = tracking->match[c->labels[i]];
  return TRUE;
}

static gboolean
history_year (Run     *run,
              guint    t,
              GError **error)
{
  RlAnalysis *self = run->self;
  guint n_years = self->years->len;
  int year = g_array_index (self->years, int, t);
  RlFrameSpec fspec = self->spec->frame;
  g_autoptr(RlFrame) owned = NULL;
  g_autoptr(RlRating) owned_rating = NULL;
  const RlFrame *frame = self->frame;
  const RlRating *rating = self->rating;
  gboolean fast = clusters_every_year (run->spec->method.method);
  g_autofree char *what = NULL;
  GError *local = NULL;

  if (year != self->frame->year)
    {
      /* the chosen year's features, in its order, even when the spec lists none */
      fspec.year = year;
      fspec.features = self->frame->features;
      if ((owned = rl_frame_new (run->panel, &fspec, NULL)) == NULL)
        return TRUE;  /* the features are not all there that year */
      frame = owned;
      what = g_strdup_printf ("History %d skipped", year);
      if (run->n_rated > 0 && (owned_rating = rate_frame (run, frame, &local)) == NULL)
        return settle (run, local, what, error);
      rating = owned_rating;
      if (fast && !cluster_year (run, frame, t, &local) && !settle (run, local, what, error))
        return FALSE;
    }
  else
    for (guint i = 0; i < frame->n && fast; i++)
      self->cluster_history[frame->rows[i] * n_years + t] = self->clustering->labels[i];
  for (guint i = 0; i < frame->n && rating != NULL; i++)
    self->rank_history[frame->rows[i] * n_years + t] = rating->rank[i];
  return TRUE;
}

static gboolean
compute_history (Run     *run,
                 GError **error)
{
  RlAnalysis *self = run->self;
  guint n_regions = rl_panel_n_regions (run->panel), n_years;
  double weight;

  progress_begin (run, STEP_HISTORY);
  if (!run->spec->with_history)
    return progress_end (run, error);
  self->years = rl_panel_years (run->panel);
  n_years = self->years->len;
  self->rank_history = g_new0 (guint, (gsize) n_regions * n_years);
  self->cluster_history = g_new (int, (gsize) n_regions * n_years);
  for (gsize i = 0; i < (gsize) n_regions * n_years; i++)
    self->cluster_history[i] = -1;
  weight = run->progress.weight;
  for (guint t = 0; t < n_years; t++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error)
          || !history_year (run, t, error))
        return FALSE;
      progress_cb ((t + 1.0) / n_years, &run->progress);
    }
  run->progress.weight = weight;
  return progress_end (run, error);
}

/* --- the run ------------------------------------------------------------------ */

static void
index_rows (RlAnalysis *self)
{
  RlAnalysisReal *real = (RlAnalysisReal *) self;

  for (guint r = 0; r < real->n_regions; r++)
    real->row_of_region[r] = -1;
  for (guint i = 0; i < self->frame->n; i++)
    real->row_of_region[self->frame->rows[i]] = (int) i;
}

static gboolean
build_frame (Run     *run,
             GError **error)
{
  RlAnalysis *self = run->self;
  RlFrameSpec *fspec = &self->spec->frame;

  progress_begin (run, STEP_FRAME);
  if (rl_panel_is_wide (run->panel) && fspec->year != RL_YEAR_NONE)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "the input is a wide table without years: %d cannot be chosen", fspec->year);
      return FALSE;
    }
  if (fspec->year == RL_YEAR_NONE)
    {
      fspec->year = rl_analysis_default_year (run->panel, (const char * const *) fspec->features,
                                              error);
      if (fspec->year == RL_YEAR_NONE && !rl_panel_is_wide (run->panel))
        return FALSE;
    }
  if ((self->frame = rl_frame_new (run->panel, fspec, error)) == NULL)
    return FALSE;
  index_rows (self);
  if (self->frame->n_imputed > 0)
    warn (self, "%u missing values were filled in", self->frame->n_imputed);
  if (self->frame->dropped->len > 0)
    warn (self, "%u regions were left out for missing values", self->frame->dropped->len);
  return progress_end (run, error);
}

static gboolean
run_method (Run     *run,
            GError **error)
{
  RlAnalysis *self = run->self;

  progress_begin (run, STEP_METHOD);
  if (!check_k (self->frame, run->spec->method.k, error))
    return FALSE;
  self->clustering = rl_method_run (self->frame->X, &run->spec->method, progress_cb,
                                    &run->progress, run->cancellable, error);
  if (self->clustering == NULL)
    return FALSE;
  if (self->clustering->n_empty > 0)
    warn (self, "%u of the %u clusters are empty", self->clustering->n_empty, self->clustering->k);
  return progress_end (run, error);
}

static RlAnalysis *
analysis_new (const RlPanel        *panel,
              const RlAnalysisSpec *spec)
{
  RlAnalysisReal *real = g_new0 (RlAnalysisReal, 1);

  real->pub.spec = rl_analysis_spec_copy (spec);
  real->pub.silhouette_mean = NAN;
  real->pub.warnings = g_ptr_array_new_with_free_func (g_free);
  real->n_regions = rl_panel_n_regions (panel);
  real->row_of_region = g_new (int, MAX (real->n_regions, 1));
  return &real->pub;
}

/* Cancellation inside a method reports RL_ERROR_CANCELLED; callers expect
 * G_IO_ERROR_CANCELLED. */
static void
normalise_cancel (GError      **error,
                  GCancellable *cancellable)
{
  if (error == NULL || *error == NULL)
    return;
  if (g_error_matches (*error, RL_ERROR, RL_ERROR_CANCELLED)
      || (g_cancellable_is_cancelled (cancellable)
          && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_clear_error (error);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The analysis was cancelled");
    }
}

/* --- public ------------------------------------------------------------------ */

void
rl_analysis_spec_init (RlAnalysisSpec *spec)
{
  *spec = (RlAnalysisSpec) { 0 };
  rl_frame_spec_init (&spec->frame);
  spec->frame.missing = RL_MISSING_MEDIAN;
  spec->frame.scale = RL_SCALE_Z;
  rl_method_spec_init (&spec->method);
  spec->method.method = RL_METHOD_KMEANS;
  spec->method.k = 4;
  spec->method.seed = 1;
  spec->normalize = RL_NORMALIZE_Z;
  spec->weighting = RL_WEIGHTS_EQUAL;
  spec->with_select_k = TRUE;
  spec->k_min = 2;
  spec->k_max = 9;
  spec->with_bic_curves = FALSE;
  spec->uncertainty_runs = 1000;
  spec->with_history = TRUE;
}

RlAnalysisSpec *
rl_analysis_spec_copy (const RlAnalysisSpec *spec)
{
  RlAnalysisSpec *copy = g_new (RlAnalysisSpec, 1);
  guint d = spec->frame.features != NULL ? g_strv_length (spec->frame.features) : 0;

  *copy = *spec;
  copy->frame.features = g_strdupv (spec->frame.features);
  copy->polarity = NULL;
  copy->weights = NULL;
  if (d > 0 && spec->polarity != NULL)
    copy->polarity = g_memdup2 (spec->polarity, d * sizeof (RlPolarity));
  if (d > 0 && spec->weights != NULL)
    copy->weights = g_memdup2 (spec->weights, d * sizeof (double));
  return copy;
}

void
rl_analysis_spec_clear (RlAnalysisSpec *spec)
{
  rl_frame_spec_clear (&spec->frame);
  g_clear_pointer (&spec->polarity, g_free);
  g_clear_pointer (&spec->weights, g_free);
}

void
rl_analysis_spec_free (RlAnalysisSpec *spec)
{
  if (spec == NULL)
    return;
  rl_analysis_spec_clear (spec);
  g_free (spec);
}

RlAnalysis *
rl_analysis_run (const RlPanel        *panel,
                 const RlAnalysisSpec *spec,
                 RlProgressFunc        progress,
                 gpointer              progress_data,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(RlAnalysis) self = NULL;
  Run run = { .panel = panel, .cancellable = cancellable };
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (panel != NULL && spec != NULL, NULL);
  if (!check_spec (panel, spec, error))
    return NULL;
  self = analysis_new (panel, spec);
  run.self = self;
  run.spec = self->spec;
  run.progress = (Progress) { .func = progress, .data = progress_data };
  for (guint s = 0; s < N_STEPS; s++)
    run.progress.total += step_weight (spec, s);
  rl_progress_report (progress, progress_data, 0.0);

  ok = !g_cancellable_set_error_if_cancelled (cancellable, &local)
       && build_frame (&run, &local)
       && run_method (&run, &local)
       && compute_rating (&run, &local)
       && describe (&run, &local)
       && compute_curves (&run, &local)
       && compute_history (&run, &local);
  run_clear (&run);
  if (!ok)
    {
      normalise_cancel (&local, cancellable);
      g_propagate_error (error, local);
      return NULL;
    }
  rl_progress_report (progress, progress_data, 1.0);
  return g_steal_pointer (&self);
}

void
rl_analysis_free (RlAnalysis *self)
{
  RlAnalysisReal *real = (RlAnalysisReal *) self;

  if (self == NULL)
    return;
  g_clear_pointer (&self->spec, rl_analysis_spec_free);
  g_clear_pointer (&self->frame, rl_frame_free);
  g_clear_pointer (&self->clustering, rl_clustering_free);
  g_clear_pointer (&self->silhouette, g_free);
  g_clear_pointer (&self->linkage, gsl_matrix_free);
  g_clear_pointer (&self->pca, rl_pca_free);
  g_clear_pointer (&self->rating, rl_rating_free);
  g_clear_pointer (&self->uncertainty, rl_rating_uncertainty_free);
  g_clear_pointer (&self->interpretation, rl_interpretation_free);
  g_clear_pointer (&self->correlation, rl_correlation_matrix_free);
  g_clear_pointer (&self->select_k, rl_select_k_free);
  for (guint c = 0; c < G_N_ELEMENTS (self->bic); c++)
    g_clear_pointer (&self->bic[c], rl_select_k_free);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->rank_history, g_free);
  g_clear_pointer (&self->cluster_history, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (real->row_of_region);
  g_free (real);
}

/* How many of the @d columns have a value for at least one region in @year. */
static guint
year_count_features (const RlPanel      *panel,
                     const guint        *columns,
                     guint               d,
                     int                 year)
{
  guint n = rl_panel_n_regions (panel), count = 0;

  for (guint j = 0; j < d; j++)
    {
      gboolean any = FALSE;
      for (guint r = 0; r < n && !any; r++)
        any = !isnan (rl_panel_get (panel, r, columns[j], year));
      count += any;
    }
  return count;
}

static gboolean
year_has_features (const RlPanel      *panel,
                   const guint        *columns,
                   guint               d,
                   int                 year)
{
  return year_count_features (panel, columns, d, year) == d;
}

/* The panel columns of the @d @features (NULL: the first @d indicators), or
 * NULL and an error naming an unknown one. */
static guint *
feature_columns (const RlPanel      *panel,
                 const char * const *features,
                 guint               d,
                 GError            **error)
{
  g_autofree guint *columns = g_new (guint, MAX (d, 1));

  for (guint j = 0; j < d; j++)
    {
      int c = features != NULL ? rl_panel_find_indicator (panel, features[j]) : (int) j;
      if (c < 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "unknown indicator “%s”: the panel has no indicator with that id",
                       features[j]);
          return NULL;
        }
      columns[j] = c;
    }
  return g_steal_pointer (&columns);
}

int
rl_analysis_default_year_of_most (const RlPanel      *panel,
                                  const char * const *features,
                                  GError            **error)
{
  g_autoptr(GArray) years = NULL;
  g_autofree guint *columns = NULL;
  guint d = features != NULL ? g_strv_length ((char **) features)
                             : rl_panel_n_indicators (panel), best = 0;
  int year = RL_YEAR_NONE;

  if (rl_panel_is_wide (panel))
    return RL_YEAR_NONE;
  if ((columns = feature_columns (panel, features, d, error)) == NULL)
    return RL_YEAR_NONE;
  years = rl_panel_years (panel);
  for (guint t = years->len; t-- > 0;)
    {
      guint count = year_count_features (panel, columns, d, g_array_index (years, int, t));
      if (count > best)
        best = count, year = g_array_index (years, int, t);
    }
  if (best == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, years->len == 0 ? "the panel has no values"
                 : "no year of the panel has values of the chosen indicators");
  return year;
}

int
rl_analysis_default_year (const RlPanel      *panel,
                          const char * const *features,
                          GError            **error)
{
  g_autoptr(GArray) years = NULL;
  g_autofree guint *columns = NULL;
  guint d = features != NULL ? g_strv_length ((char **) features) : 0;

  if ((columns = feature_columns (panel, features, d, error)) == NULL)
    return RL_YEAR_NONE;
  if (rl_panel_is_wide (panel))
    return RL_YEAR_NONE;
  years = rl_panel_years (panel);
  for (guint t = years->len; t-- > 0;)
    if (year_has_features (panel, columns, d, g_array_index (years, int, t)))
      return g_array_index (years, int, t);
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID, years->len == 0 ? "the panel has no values"
               : "no year of the panel has values for every chosen indicator");
  return RL_YEAR_NONE;
}

RlRating *
rl_analysis_need_rating (const RlPanel    *panel,
                         const RlFrame    *frame,
                         const RlPolarity *polarity,
                         GError          **error)
{
  RlAnalysisSpec spec;
  Run run = { .panel = panel, .spec = &spec };
  RlRating *rating;

  rl_analysis_spec_init (&spec);
  spec.polarity = (RlPolarity *) polarity;
  choose_rated (&run, frame);
  rating = rate_frame (&run, frame, error);
  run_clear (&run);
  return rating;
}

RlInterpretation *
rl_analysis_interpret (const RlFrame      *frame,
                       const RlClustering *clustering,
                       const RlRating     *rating,
                       GError            **error)
{
  const RlClustering *c = clustering;

  if (rating == NULL)
    return rl_interpretation_new (frame->raw, c->labels, c->k, NULL, error);
  gsl_vector_const_view need = gsl_vector_const_view_array (rating->score, rating->n);
  return rl_interpretation_new (frame->raw, c->labels, c->k, &need.vector, error);
}

int
rl_analysis_row_of_region (const RlAnalysis *self,
                           guint             region)
{
  const RlAnalysisReal *real = (const RlAnalysisReal *) self;

  if (self == NULL || region >= real->n_regions)
    return -1;
  return real->row_of_region[region];
}
