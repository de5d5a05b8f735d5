/* rl-cli-cluster.c — regionlab-cli cluster and select-k
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rl-analysis.h"
#include "rl-cli.h"
#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-hclust.h"
#include "rl-interpret.h"
#include "rl-limits.h"
#include "rl-method.h"
#include "rl-select-k.h"
#include "rl-tracking.h"
#include "rl-validity.h"

/* Options shared by cluster and select-k. */
typedef struct
{
  RlCliCommon  common;
  char        *method;
  char        *covariance;
  char        *linkage;
  int          k;
  int          n_init;
  int          max_iter;
  int          iterations;
  int          population;
  gboolean     per_centre;
  gboolean     polish;
} ClusterArgs;

static void
cluster_args_init (ClusterArgs *args)
{
  *args = (ClusterArgs) { .k = 0, .n_init = 10, .iterations = 2000, .population = 100 };
  rl_cli_common_init (&args->common, NULL);
}

static void
cluster_args_clear (ClusterArgs *args)
{
  rl_cli_common_clear (&args->common);
  g_clear_pointer (&args->method, g_free);
  g_clear_pointer (&args->covariance, g_free);
  g_clear_pointer (&args->linkage, g_free);
}

#define METHOD_ENTRIES(args)                                                                      \
  { "method", 0, 0, G_OPTION_ARG_STRING, &(args)->method, "kmeans, gmm, hclust, es, de, ga or immune", "M" }, \
  { "covariance", 0, 0, G_OPTION_ARG_STRING, &(args)->covariance, "gmm: full, diag, tied or spherical", "C" }, \
  { "linkage", 0, 0, G_OPTION_ARG_STRING, &(args)->linkage, "hclust: single, complete, average or ward", "L" }, \
  { "n-init", 0, 0, G_OPTION_ARG_INT, &(args)->n_init, "kmeans, gmm: restarts (default 10)", "N" },    \
  { "max-iter", 0, 0, G_OPTION_ARG_INT, &(args)->max_iter, "kmeans, gmm: iterations per restart", "N" }, \
  { "iterations", 0, 0, G_OPTION_ARG_INT, &(args)->iterations, "es, de, ga, immune: T (default 2000)", "T" }, \
  { "population", 0, 0, G_OPTION_ARG_INT, &(args)->population, "es, de, ga, immune: N (default 100)", "N" }, \
  { "per-centre", 0, 0, G_OPTION_ARG_NONE, &(args)->per_centre, "es, de, ga, immune: one centre at a time", NULL }, \
  { "polish", 0, 0, G_OPTION_ARG_NONE, &(args)->polish, "es, de, ga, immune: finish with Lloyd iterations", NULL }

/* Turns the arguments into a method spec; the scaling default depends on the
 * method: z-scores, or the paper's min-max to [-10, 10] for es, de, ga, immune. */
static gboolean
make_spec (ClusterArgs  *args,
           RlMethodSpec *spec,
           GError      **error)
{
  rl_method_spec_init (spec);
  if (args->method == NULL || !rl_method_from_string (args->method, &spec->method))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--method: expected kmeans, gmm, hclust, es, de, ga or immune%s%s",
                   args->method ? ", not " : "", args->method ? args->method : "");
      return FALSE;
    }
  if (args->covariance != NULL)
    {
      RlCovariance covariance;
      if (!rl_covariance_from_string (args->covariance, &covariance, error))
        return FALSE;
      spec->covariance = covariance;
    }
  if (args->linkage != NULL)
    {
      RlLinkage linkage;
      if (!rl_linkage_from_string (args->linkage, &linkage, error))
        return FALSE;
      spec->linkage = linkage;
    }
  spec->k = MAX (args->k, 0);
  spec->n_init = args->n_init;
  spec->max_iter = args->max_iter;
  spec->iterations = args->iterations;
  spec->population = args->population;
  spec->per_centre = args->per_centre;
  spec->polish = args->polish;
  spec->seed = (guint64) args->common.seed;
  if (args->common.scale == NULL)
    args->common.scale = g_strdup (rl_method_is_long (spec->method) ? "minmax:-10:10" : "z");
  return TRUE;
}

/* The silhouette of a clustering and, above RL_LIMIT_SILHOUETTE_EXACT rows,
 * the size of the sample it was computed on (0: every row). */
typedef struct
{
  double  mean;
  guint   n_sample;
  guint64 seed;
} Silhouette;

/* profiles: size, mean need score and means in original units per cluster;
 * eta: how strongly each feature separates the clusters. */
static void
add_profiles (JsonBuilder            *b,
              const RlFrame          *frame,
              const RlInterpretation *in)
{
  json_builder_set_member_name (b, "profiles");
  json_builder_begin_array (b);
  for (guint p = 0; p < in->k; p++)
    {
      json_builder_begin_object (b);
      rl_json_member_int (b, "cluster", p);
      rl_json_member_int (b, "size", in->sizes[p]);
      rl_json_member_double (b, "need", in->need[p]);
      json_builder_set_member_name (b, "means");
      json_builder_begin_object (b);
      for (guint j = 0; j < in->d; j++)
        rl_json_member_double (b, frame->features[j], gsl_matrix_get (in->means, p, j));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "eta");
  json_builder_begin_array (b);
  for (guint j = 0; j < in->d; j++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "feature", frame->features[j]);
      rl_json_member_double (b, "eta", in->eta[j]);
      rl_json_member_double (b, "eta2", in->eta2[j]);
      if (isnan (in->eta[j]))
        {
          json_builder_set_member_name (b, "chaddock");
          json_builder_add_null_value (b);
        }
      else
        rl_json_member_string (b, "chaddock", rl_chaddock_name (in->chaddock[j]));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_cluster_json (const RlFrame          *frame,
                    const RlClustering     *c,
                    const RlInterpretation *in,
                    const Silhouette       *silhouette)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_string (b, "method", c->method);
  rl_json_member_int (b, "k", c->k);
  rl_json_member_int (b, "n", c->n);
  rl_json_member_int (b, "d", c->d);
  if (frame->year != RL_YEAR_NONE)
    rl_json_member_int (b, "year", frame->year);
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint j = 0; j < frame->d; j++)
    json_builder_add_string_value (b, frame->features[j]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "labels");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->n; i++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "region", frame->names[i]);
      if (*frame->codes[i] != '\0')
        rl_json_member_string (b, "code", frame->codes[i]);
      rl_json_member_int (b, "cluster", c->labels[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  rl_json_member_matrix (b, "centers", c->centers);
  rl_json_member_double (b, "inertia", c->inertia);
  rl_json_member_double (b, "f_k", c->f_k);
  rl_json_member_int (b, "n_empty", c->n_empty);
  rl_json_member_double (b, "silhouette", silhouette->mean);
  if (silhouette->n_sample > 0)
    rl_json_member_int (b, "silhouette_sample", silhouette->n_sample);
  if (g_str_equal (c->method, "gmm"))
    {
      rl_json_member_double (b, "log_likelihood", c->log_likelihood);
      rl_json_member_double (b, "bic", c->bic);
      rl_json_member_double (b, "aic", c->aic);
      rl_json_member_int (b, "n_iter", c->n_iter);
      json_builder_set_member_name (b, "converged");
      json_builder_add_boolean_value (b, c->converged);
    }
  if (c->linkage != NULL)
    rl_json_member_matrix (b, "linkage", c->linkage);
  if (c->history != NULL)
    {
      json_builder_set_member_name (b, "history");
      json_builder_begin_array (b);
      for (guint t = 0; t < c->history->len; t++)
        rl_json_add_double (b, g_array_index (c->history, double, t));
      json_builder_end_array (b);
    }
  add_profiles (b, frame, in);
  rl_cli_json_dropped (b, frame);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_cluster_table (const RlFrame          *frame,
                     const RlClustering     *c,
                     const RlInterpretation *in,
                     const Silhouette       *silhouette)
{
  printf ("%s, k = %u: %u regions × %u indicators", c->method, c->k, c->n, c->d);
  if (frame->year != RL_YEAR_NONE)
    printf (", %d", frame->year);
  printf ("\ninertia %.6g, f_k %.6g, silhouette %.4f", c->inertia, c->f_k, silhouette->mean);
  if (silhouette->n_sample > 0)
    printf (" (on a sample of %u of the %u regions drawn with seed %" G_GUINT64_FORMAT ")",
            silhouette->n_sample, c->n, silhouette->seed);
  if (c->n_empty > 0)
    printf (", %u empty clusters", c->n_empty);
  if (!isnan (c->bic))
    printf ("\nlog-likelihood %.6g, BIC %.6g, AIC %.6g", c->log_likelihood, c->bic, c->aic);
  printf ("\n\n");
  for (guint p = 0; p < c->k; p++)
    {
      guint count = 0;
      for (guint i = 0; i < c->n; i++)
        count += c->labels[i] == p;
      printf ("cluster %u (%u", p, count);
      if (!isnan (in->need[p]))
        printf (", need %.3f", in->need[p]);
      printf ("):");
      for (guint i = 0; i < c->n; i++)
        if (c->labels[i] == p)
          printf (" %s;", frame->names[i]);
      printf ("\n");
    }
  printf ("\n");
  for (guint j = 0; j < in->d; j++)
    printf ("η %s = %.4f (%s)\n", frame->features[j], in->eta[j],
            isnan (in->eta[j]) ? "constant" : rl_chaddock_name (in->chaddock[j]));
  rl_cli_print_dropped (frame);
}

static gboolean
check_k (const RlFrame *frame,
         int            k,
         const char    *what,
         GError       **error)
{
  if (k >= 1 && (guint) k <= frame->n)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s = %d: expected 1 ≤ k ≤ %u, the number of regions",
               what, k, frame->n);
  return FALSE;
}

int
rl_cli_cluster (int    argc,
                char **argv)
{
  ClusterArgs args;
  const GOptionEntry entries[] = {
    { "k", 0, 0, G_OPTION_ARG_INT, &args.k, "Number of clusters (required)", "K" },
    METHOD_ENTRIES (&args),
    { NULL }
  };
  RlMethodSpec spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(RlFrame) frame = NULL;
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(RlInterpretation) in = NULL;
  Silhouette silhouette = { NAN, 0, 0 };
  int status = 0;

  cluster_args_init (&args);
  if (!rl_cli_parse (&argc, &argv, "cluster", "INPUT", "Cluster the regions of one year.",
                     &args.common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if (!make_spec (&args, &spec, &error)
           || (panel = rl_cli_load_panel (argv[1], &error)) == NULL
           || (frame = rl_cli_build_frame (panel, &args.common, &error)) == NULL
           || !check_k (frame, args.k, "--k", &error))
    status = rl_cli_fail (g_steal_pointer (&error));
  else
    {
      spec.k = args.k;
      c = rl_method_run (frame->X, &spec, NULL, NULL, NULL, &error);
      g_autoptr(RlRating) rating = c != NULL ? rl_analysis_need_rating (panel, frame, NULL, NULL)
                                             : NULL;
      if (c == NULL || (in = rl_analysis_interpret (frame, c, rating, &error)) == NULL)
        status = rl_cli_fail (g_steal_pointer (&error));
      else
        {
          silhouette.seed = spec.seed;
          if (c->k >= 2 && c->k < c->n)
            rl_silhouette_sampled (frame->X, c->labels, c->k, RL_LIMIT_SILHOUETTE_EXACT,
                                   spec.seed, &silhouette.mean, &silhouette.n_sample, NULL, NULL);
          if (args.common.json)
            print_cluster_json (frame, c, in, &silhouette);
          else
            print_cluster_table (frame, c, in, &silhouette);
        }
    }
  cluster_args_clear (&args);
  return status;
}

static void
print_select_k (const RlSelectK *s,
                gboolean         json,
                const char      *method)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean gmm = g_str_equal (method, "gmm");

  if (!json)
    printf ("%3s %14s %12s %8s %10s %14s %10s%s\n", "k", "inertia", "f_k", "growth", "silhouette",
            "calinski", "davies", gmm ? "            bic            aic" : "");
  json_builder_begin_object (b);
  rl_json_member_string (b, "method", method);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->rows->len; i++)
    {
      const RlSelectKRow *r = &g_array_index (s->rows, RlSelectKRow, i);
      if (!json)
        {
          printf ("%3u %14.6g %12.6g %8.4f %10.4f %14.6g %10.4f", r->k, r->inertia, r->f_k,
                  r->growth_ratio, r->silhouette, r->calinski_harabasz, r->davies_bouldin);
          if (gmm)
            printf (" %14.6g %14.6g", r->bic, r->aic);
          printf ("\n");
          continue;
        }
      json_builder_begin_object (b);
      rl_json_member_int (b, "k", r->k);
      rl_json_member_double (b, "inertia", r->inertia);
      rl_json_member_double (b, "f_k", r->f_k);
      rl_json_member_double (b, "growth_ratio", r->growth_ratio);
      rl_json_member_double (b, "silhouette", r->silhouette);
      rl_json_member_double (b, "calinski_harabasz", r->calinski_harabasz);
      rl_json_member_double (b, "davies_bouldin", r->davies_bouldin);
      rl_json_member_int (b, "n_empty", ((RlClustering *) s->clusterings->pdata[i])->n_empty);
      if (gmm)
        {
          rl_json_member_double (b, "bic", r->bic);
          rl_json_member_double (b, "aic", r->aic);
          rl_json_member_double (b, "log_likelihood", r->log_likelihood);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (json)
    rl_json_print (b);
}

int
rl_cli_select_k (int    argc,
                 char **argv)
{
  ClusterArgs args;
  int k_min = 2, k_max = 9;
  const GOptionEntry entries[] = {
    { "k-min", 0, 0, G_OPTION_ARG_INT, &k_min, "Smallest k (default 2)", "A" },
    { "k-max", 0, 0, G_OPTION_ARG_INT, &k_max, "Largest k (default 9)", "B" },
    METHOD_ENTRIES (&args),
    { NULL }
  };
  RlMethodSpec spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) frame = NULL;
  RlSelectK *s = NULL;
  int status = 0;

  cluster_args_init (&args);
  if (!rl_cli_parse (&argc, &argv, "select-k", "INPUT",
                     "Cluster for every k in a range: inertia, f_k, growth ratio, validity indices, BIC.",
                     &args.common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if (!make_spec (&args, &spec, &error)
           || (frame = rl_cli_load_frame (argv[1], &args.common, &error)) == NULL
           || !check_k (frame, k_min, "--k-min", &error) || !check_k (frame, k_max, "--k-max", &error))
    status = rl_cli_fail (g_steal_pointer (&error));
  else if (k_min > k_max)
    status = rl_cli_failf ("select-k: --k-min %d is larger than --k-max %d", k_min, k_max);
  else if ((s = rl_select_k (frame->X, k_min, k_max, rl_method_cluster_func, &spec, NULL, NULL,
                             NULL, &error)) == NULL)
    status = rl_cli_fail (g_steal_pointer (&error));
  else
    print_select_k (s, args.common.json, rl_method_to_string (spec.method));
  g_clear_pointer (&s, rl_select_k_free);
  cluster_args_clear (&args);
  return status;
}

/* One year of track: its frame and clustering. */
typedef struct
{
  RlFrame      *frame;
  RlClustering *clustering;
} TrackYear;

static void
track_year_clear (TrackYear *y)
{
  g_clear_pointer (&y->frame, rl_frame_free);
  g_clear_pointer (&y->clustering, rl_clustering_free);
}

static gboolean
cluster_year (const RlPanel      *panel,
              ClusterArgs        *args,
              const RlMethodSpec *spec,
              int                 year,
              TrackYear          *out,
              GError            **error)
{
  args->common.year = year;
  if ((out->frame = rl_cli_build_frame (panel, &args->common, error)) == NULL
      || !check_k (out->frame, args->k, "--k", error))
    {
      g_prefix_error (error, "%d: ", year);
      return FALSE;
    }
  out->clustering = rl_method_run (out->frame->X, spec, NULL, NULL, NULL, error);
  return out->clustering != NULL;
}

static void
print_track_json (const RlPanel      *panel,
                  const RlTracking   *t,
                  const RlMethodSpec *spec,
                  RlTrackBy           by,
                  int                 from,
                  int                 to)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_string (b, "method", rl_method_to_string (spec->method));
  rl_json_member_int (b, "k", spec->k);
  rl_json_member_int (b, "from", from);
  rl_json_member_int (b, "to", to);
  rl_json_member_string (b, "by", by == RL_TRACK_CENTROIDS ? "centroids" : "overlap");
  rl_json_member_int (b, "n", t->n);
  json_builder_set_member_name (b, "transitions");
  json_builder_begin_array (b);
  for (guint a = 0; a < t->k_from; a++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < t->k_out; c++)
        json_builder_add_int_value (b, t->transitions[a * t->k_out + c]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "changed");
  json_builder_begin_array (b);
  for (guint i = 0; i < t->changed->len; i++)
    {
      guint idx = g_array_index (t->changed, guint, i), r = t->regions[idx];
      json_builder_begin_object (b);
      rl_json_member_string (b, "region", rl_panel_region_label (panel, r));
      if (*rl_panel_region_code (panel, r) != '\0')
        rl_json_member_string (b, "code", rl_panel_region_code (panel, r));
      rl_json_member_int (b, "from", t->from_labels[idx]);
      rl_json_member_int (b, "to", t->to_labels[idx]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_track_table (const RlPanel      *panel,
                   const RlTracking   *t,
                   const RlMethodSpec *spec,
                   int                 from,
                   int                 to)
{
  printf ("%s, k = %u: clusters of %d followed to %d, %u regions in both years\n\n",
          rl_method_to_string (spec->method), spec->k, from, to, t->n);
  printf ("%d \\ %d", from, to);
  for (guint c = 0; c < t->k_out; c++)
    printf (" %6u", c);
  printf ("\n");
  for (guint a = 0; a < t->k_from; a++)
    {
      printf ("%11u", a);
      for (guint c = 0; c < t->k_out; c++)
        printf (" %6u", t->transitions[a * t->k_out + c]);
      printf ("\n");
    }
  printf ("\n%u regions changed cluster%s\n", t->changed->len, t->changed->len ? ":" : "");
  for (guint i = 0; i < t->changed->len; i++)
    {
      guint idx = g_array_index (t->changed, guint, i);
      printf ("  %s: %u → %u\n", rl_panel_region_label (panel, t->regions[idx]),
              t->from_labels[idx], t->to_labels[idx]);
    }
}

/* The value of @f's row i, column j before scaling (after --log): scaling
 * mapped v to (v − center) / spread. */
static double
unscaled (const RlFrame *f,
          guint          i,
          guint          j)
{
  return gsl_matrix_get (f->X, i, j) * f->spread[j] + f->center[j];
}

/* The centres of @y's clusters after the pooled z-scaling @mean, @sd: the
 * mean of each cluster's rows; an empty cluster sits at the pooled mean (0). */
static gsl_matrix *
pooled_centers (const TrackYear *y,
                const double    *mean,
                const double    *sd)
{
  const RlFrame *f = y->frame;
  guint k = y->clustering->k;
  gsl_matrix *centers = gsl_matrix_calloc (k, f->d);
  g_autofree guint *size = g_new0 (guint, k);

  for (guint i = 0; i < f->n; i++)
    {
      guint c = y->clustering->labels[i];

      size[c]++;
      for (guint j = 0; j < f->d; j++)
        *gsl_matrix_ptr (centers, c, j) += (unscaled (f, i, j) - mean[j]) / sd[j];
    }
  for (guint c = 0; c < k; c++)
    for (guint j = 0; j < f->d && size[c] > 0; j++)
      *gsl_matrix_ptr (centers, c, j) /= size[c];
  return centers;
}

/* --by centroids: the cluster centres of both years in the same units, a
 * z-scaling (population deviation) fitted on the rows of both years pooled,
 * so that a level that moved for every region moves the centres alike. */
static void
comparable_centers (const TrackYear *a,
                    const TrackYear *b,
                    gsl_matrix     **centers_a,
                    gsl_matrix     **centers_b)
{
  guint d = a->frame->d, n = a->frame->n + b->frame->n;
  g_autofree double *mean = g_new0 (double, d);
  g_autofree double *sd = g_new0 (double, d);

  for (guint j = 0; j < d; j++)
    {
      double sum = 0.0, ss = 0.0;

      for (guint i = 0; i < a->frame->n; i++)
        sum += unscaled (a->frame, i, j);
      for (guint i = 0; i < b->frame->n; i++)
        sum += unscaled (b->frame, i, j);
      mean[j] = sum / n;
      for (guint i = 0; i < a->frame->n; i++)
        ss += pow (unscaled (a->frame, i, j) - mean[j], 2);
      for (guint i = 0; i < b->frame->n; i++)
        ss += pow (unscaled (b->frame, i, j) - mean[j], 2);
      sd[j] = sqrt (ss / n);
      if (!(sd[j] > 0.0) || !isfinite (sd[j]))
        sd[j] = 1.0;
    }
  *centers_a = pooled_centers (a, mean, sd);
  *centers_b = pooled_centers (b, mean, sd);
}

static RlTracking *
track (const RlPanel      *panel,
       ClusterArgs        *args,
       const RlMethodSpec *spec,
       int                 from,
       int                 to,
       RlTrackBy           by,
       GError            **error)
{
  TrackYear a = { 0 }, b = { 0 };
  g_autoptr(gsl_matrix) centers_a = NULL;
  g_autoptr(gsl_matrix) centers_b = NULL;
  RlTracking *t = NULL;

  if (cluster_year (panel, args, spec, from, &a, error)
      && cluster_year (panel, args, spec, to, &b, error))
    {
      if (by == RL_TRACK_CENTROIDS)
        comparable_centers (&a, &b, &centers_a, &centers_b);
      RlTrackYear ya = { a.frame->rows, a.clustering->labels, a.frame->n, a.clustering->k,
                         centers_a };
      RlTrackYear yb = { b.frame->rows, b.clustering->labels, b.frame->n, b.clustering->k,
                         centers_b };
      t = rl_tracking_new (&ya, &yb, by, error);
    }
  track_year_clear (&a);
  track_year_clear (&b);
  return t;
}

static gboolean
parse_track_by (const char *text,
                RlTrackBy  *by,
                GError    **error)
{
  if (text == NULL || g_strcmp0 (text, "overlap") == 0)
    *by = RL_TRACK_OVERLAP;
  else if (g_strcmp0 (text, "centroids") == 0)
    *by = RL_TRACK_CENTROIDS;
  else
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--by: expected overlap or centroids, not “%s”", text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_years (const RlPanel *panel,
             int            from,
             int            to,
             int            year,
             GError       **error)
{
  if (rl_panel_is_wide (panel))
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                 "track needs a panel with years, not a wide table");
  else if (year != 0)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "track: give --from and --to, not --year");
  else if (from == 0 || to == 0 || from == to)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                 "track: --from and --to must name two different years");
  else if (!rl_panel_has_year (panel, from) || !rl_panel_has_year (panel, to))
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the panel has no values for %d",
                 rl_panel_has_year (panel, from) ? to : from);
  else
    return TRUE;
  return FALSE;
}

static gboolean
has_values (const RlPanel *panel,
            guint          indicator,
            int            year)
{
  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    if (!isnan (rl_panel_get (panel, r, indicator, year)))
      return TRUE;
  return FALSE;
}

/* Without --features: the indicators both years have, so that both years are
 * clustered on the same features. */
static gboolean
choose_common_features (const RlPanel *panel,
                        RlCliCommon   *common,
                        int            from,
                        int            to,
                        GError       **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (common->features != NULL)
    return TRUE;
  for (guint j = 0; j < rl_panel_n_indicators (panel); j++)
    if (has_values (panel, j, from) && has_values (panel, j, to))
      g_string_append_printf (ids, "%s%s", ids->len ? "," : "", rl_panel_indicator (panel, j)->id);
  if (ids->len == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "no indicator has values in both %d and %d",
                   from, to);
      return FALSE;
    }
  common->features = g_string_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
}

int
rl_cli_track (int    argc,
              char **argv)
{
  ClusterArgs args;
  int from = 0, to = 0;
  g_autofree char *by_text = NULL;
  RlTrackBy by = RL_TRACK_OVERLAP;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT, &from, "Earlier year (required)", "Y1" },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, "Later year (required)", "Y2" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, "Match clusters by shared regions (overlap, "
      "the default) or by nearest centres on a scaling of both years pooled (centroids)", "HOW" },
    { "k", 0, 0, G_OPTION_ARG_INT, &args.k, "Number of clusters (required)", "K" },
    METHOD_ENTRIES (&args),
    { NULL }
  };
  RlMethodSpec spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(RlTracking) t = NULL;
  int status = 0;

  cluster_args_init (&args);
  if (!rl_cli_parse (&argc, &argv, "track", "PANEL",
                     "Cluster two years alike and follow the clusters: transitions and the regions "
                     "that changed.", &args.common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if (!make_spec (&args, &spec, &error)
           || !parse_track_by (by_text, &by, &error)
           || (panel = rl_cli_load_panel (argv[1], &error)) == NULL
           || !check_years (panel, from, to, args.common.year, &error)
           || !choose_common_features (panel, &args.common, from, to, &error)
           || (t = track (panel, &args, &spec, from, to, by, &error)) == NULL)
    status = rl_cli_fail (g_steal_pointer (&error));
  else if (args.common.json)
    print_track_json (panel, t, &spec, by, from, to);
  else
    print_track_table (panel, t, &spec, from, to);
  cluster_args_clear (&args);
  return status;
}
