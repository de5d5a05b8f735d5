/* rl-chart-build.c — every chart of an analysis, ready to draw, pick and export
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-build-private.h"
#include "rl-charts-i18n.h"

#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-grouping.h"
#include "rl-hclust.h"

static const struct
{
  const char *name;
  const char *title;
} kinds[RL_N_CHART_KINDS] = {
  [RL_CHART_KIND_SCATTER] = { "scatter", N_("Scatter of two indicators") },
  [RL_CHART_KIND_PCA] = { "pca", N_("Principal components") },
  [RL_CHART_KIND_ELBOW] = { "elbow", N_("Elbow: inertia and f_k over k") },
  [RL_CHART_KIND_GROWTH] = { "growth", N_("Growth ratio f(k+1)/f(k)") },
  [RL_CHART_KIND_BIC] = { "bic", N_("BIC and AIC of Gaussian mixtures") },
  [RL_CHART_KIND_SILHOUETTE] = { "silhouette", N_("Silhouette") },
  [RL_CHART_KIND_DENDROGRAM] = { "dendrogram", N_("Dendrogram") },
  [RL_CHART_KIND_HEATMAP] = { "heatmap", N_("Correlation of the indicators") },
  [RL_CHART_KIND_RATING] = { "rating", N_("Need rating") },
  [RL_CHART_KIND_CONVERGENCE] = { "convergence", N_("Convergence of the evolutionary method") },
  [RL_CHART_KIND_GROUPING] = { "grouping", N_("Analytic grouping") },
  [RL_CHART_KIND_MAP] = { "map", N_("Map of the regions") },
};

/* Helpers */

gpointer
rl_chart_plan_keep (RlChartPlan *plan,
                    gpointer     block)
{
  g_ptr_array_add (plan->owned, block);
  return block;
}

/* "Name (unit)", or the id when the indicator has no English name. */
char *
rl_chart_indicator_title (const RlPanel *panel,
                          guint          indicator)
{
  const RlIndicator *ind = rl_panel_indicator ((RlPanel *) panel, indicator);
  const char *name = rl_panel_indicator_label (panel, indicator);

  if (ind->unit != NULL && *ind->unit != '\0')
    return g_strdup_printf ("%s (%s)", name, rl_chart_unit_label (ind->unit));
  return g_strdup (name);
}

/* The English names of the frame's indicators when all are short enough to
 * label rows and columns, else their ids. */
static const char **
indicator_short_names (RlChartPlan *plan)
{
  const RlFrame *frame = plan->analysis->frame;
  const char **names = rl_chart_plan_keep (plan, g_new0 (const char *, frame->d + 1));
  gboolean use_ids = FALSE;

  for (guint j = 0; j < frame->d; j++)
    {
      names[j] = rl_panel_indicator_label (plan->panel, frame->columns[j]);
      use_ids |= g_utf8_strlen (names[j], -1) > 28;
    }
  for (guint j = 0; use_ids && j < frame->d; j++)
    names[j] = frame->features[j];
  return names;
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RL_ERROR, RL_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* The frame column of indicator @id, or −1. */
static int
frame_column (const RlFrame *frame,
              const char    *id)
{
  for (guint j = 0; j < frame->d; j++)
    if (g_str_equal (frame->features[j], id))
      return (int) j;
  return -1;
}

/* The values of indicator @id for the frame rows, in original units: the
 * frame's own column when it is a feature, else the panel's values of the
 * frame's year. Records the indicator in @indicator. */
static double *
frame_values (RlChartPlan *plan,
              const char  *id,
              guint       *indicator,
              GError     **error)
{
  const RlFrame *frame = plan->analysis->frame;
  int j = frame_column (frame, id), ind = rl_panel_find_indicator (plan->panel, id);
  double *v;

  if (ind < 0)
    {
      fail (error, _("The panel has no indicator “%s”"), id);
      return NULL;
    }
  *indicator = (guint) ind;
  v = rl_chart_plan_keep (plan, g_new (double, MAX (frame->n, 1)));
  for (guint i = 0; i < frame->n; i++)
    v[i] = j >= 0 ? gsl_matrix_get (frame->raw, i, j)
                  : rl_panel_get (plan->panel, frame->rows[i], ind, frame->year);
  if (j < 0)
    g_array_append_val (plan->extra, *indicator);
  return v;
}

static const guint *
cluster_labels (const RlChartPlan *plan)
{
  const RlClustering *c = plan->analysis->clustering;

  return c != NULL && c->n == plan->analysis->frame->n ? c->labels : NULL;
}

/* "Cluster 1 (neediest)", "Cluster 2", …; NULL without a clustering. */
static const char * const *
cluster_names (RlChartPlan *plan)
{
  const RlAnalysis *a = plan->analysis;
  char **names;

  if (cluster_labels (plan) == NULL)
    return NULL;
  names = rl_chart_plan_keep (plan, g_new0 (char *, a->clustering->k + 1));
  for (guint p = 0; p < a->clustering->k; p++)
    {
      gboolean neediest = a->rating != NULL && a->interpretation != NULL
                          && a->interpretation->neediest == p;

      names[p] = rl_chart_plan_keep (plan, neediest
                                     ? g_strdup_printf (_("Cluster %u (neediest)"), p + 1)
                                     : g_strdup_printf (_("Cluster %u"), p + 1));
    }
  return (const char * const *) names;
}

static const char *
plan_title (RlChartPlan *plan,
            const char  *what)
{
  const RlAnalysis *a = plan->analysis;
  char *t;

  if (a->frame->year != RL_YEAR_NONE)
    t = g_strdup_printf ("%s, %d", what, a->frame->year);
  else
    t = g_strdup (what);
  return rl_chart_plan_keep (plan, t);
}

/* Builders, one per kind */

static gboolean
build_scatter (RlChartPlan          *plan,
               const RlChartRequest *request,
               GError              **error)
{
  const RlFrame *frame = plan->analysis->frame;
  RlChartScatter *s = &plan->chart.scatter;
  const char *xf = request->x_feature, *yf = request->y_feature;
  guint xi, yi;

  if (xf == NULL || yf == NULL)
    {
      if (frame->d < 2)
        return fail (error, _("The scatter chart needs two indicators: name both, or analyse "
                       "at least two (the analysis has %u)"), frame->d);
      if (xf == NULL)
        xf = frame->features[g_strcmp0 (yf, frame->features[0]) == 0 ? 1 : 0];
      if (yf == NULL)
        yf = frame->features[g_strcmp0 (xf, frame->features[1]) == 0 ? 0 : 1];
    }
  s->n = frame->n;
  if ((s->x = frame_values (plan, xf, &xi, error)) == NULL
      || (s->y = frame_values (plan, yf, &yi, error)) == NULL)
    return FALSE;
  s->cluster = cluster_labels (plan);
  s->cluster_names = cluster_names (plan);
  s->labels = (const char * const *) frame->names;
  s->selected = plan->selected;
  s->title = plan_title (plan, s->cluster != NULL ? _("Regions by cluster") : _("Regions"));
  s->x_title = rl_chart_plan_keep (plan, rl_chart_indicator_title (plan->panel, xi));
  s->y_title = rl_chart_plan_keep (plan, rl_chart_indicator_title (plan->panel, yi));
  return TRUE;
}

static gboolean
build_pca (RlChartPlan  *plan,
           GError      **error)
{
  const RlPca *pca = plan->analysis->pca;
  RlChartScatter *s = &plan->chart.scatter;
  double *x, *y;

  if (pca == NULL || pca->m < 2)
    return fail (error, _("The PCA chart needs at least two indicators in the analysis"));
  s->n = pca->n;
  x = rl_chart_plan_keep (plan, g_new (double, pca->n));
  y = rl_chart_plan_keep (plan, g_new (double, pca->n));
  for (guint i = 0; i < pca->n; i++)
    {
      x[i] = gsl_matrix_get (pca->scores, i, 0);
      y[i] = gsl_matrix_get (pca->scores, i, 1);
    }
  s->x = x;
  s->y = y;
  s->cluster = cluster_labels (plan);
  s->cluster_names = cluster_names (plan);
  s->labels = (const char * const *) plan->analysis->frame->names;
  s->selected = plan->selected;
  s->title = plan_title (plan, _("Principal components of the scaled indicators"));
  for (guint c = 0; c < 2; c++)
    {
      char *t = g_strdup_printf (_("PC%u (%.0f %% of the variance)"), c + 1,
                                 100 * gsl_vector_get (pca->explained_variance_ratio, c));
      *(c == 0 ? &s->x_title : &s->y_title) = rl_chart_plan_keep (plan, t);
    }
  return TRUE;
}

static gboolean
build_elbow (RlChartPlan  *plan,
             GError      **error)
{
  const RlSelectK *sk = plan->analysis->select_k;
  RlChartElbow *e = &plan->chart.elbow;
  guint n, *k;
  double *inertia, *f_k, *growth;

  if (sk == NULL || sk->rows->len == 0)
    return fail (error, _("The %s chart needs choosing k turned on (k from 2 to 9)"),
                 kinds[plan->kind].name);
  n = sk->rows->len;
  k = rl_chart_plan_keep (plan, g_new (guint, n));
  inertia = rl_chart_plan_keep (plan, g_new (double, n));
  f_k = rl_chart_plan_keep (plan, g_new (double, n));
  growth = rl_chart_plan_keep (plan, g_new (double, n));
  for (guint i = 0; i < n; i++)
    {
      const RlSelectKRow *row = &g_array_index (sk->rows, RlSelectKRow, i);

      k[i] = row->k;
      inertia[i] = row->inertia;
      f_k[i] = row->f_k;
      growth[i] = row->growth_ratio;
    }
  *e = (RlChartElbow) { n, k, inertia, f_k, growth, 0, NULL };
  if (plan->analysis->clustering != NULL)
    e->chosen_k = plan->analysis->clustering->k;
  e->title = plan_title (plan, plan->kind == RL_CHART_KIND_ELBOW
                                 ? _("Choosing k: inertia and f_k")
                                 : _("Choosing k: growth ratio f(k+1)/f(k)"));
  return TRUE;
}

static gboolean
build_bic (RlChartPlan  *plan,
           GError      **error)
{
  const RlAnalysis *a = plan->analysis;
  RlChartCriteria *c = &plan->chart.criteria;
  const RlSelectK *first = NULL;
  const char **names;
  guint *k;
  double *bic, *aic;

  for (guint t = 0; t < G_N_ELEMENTS (a->bic); t++)
    if (a->bic[t] != NULL && first == NULL)
      first = a->bic[t];
  if (first == NULL)
    return fail (error, _("The BIC chart needs the Gaussian mixture curves turned on"));
  c->n_k = first->rows->len;
  k = rl_chart_plan_keep (plan, g_new (guint, c->n_k));
  names = rl_chart_plan_keep (plan, g_new0 (const char *, G_N_ELEMENTS (a->bic)));
  bic = rl_chart_plan_keep (plan, g_new (double, G_N_ELEMENTS (a->bic) * c->n_k));
  aic = rl_chart_plan_keep (plan, g_new (double, G_N_ELEMENTS (a->bic) * c->n_k));
  for (guint i = 0; i < c->n_k; i++)
    k[i] = g_array_index (first->rows, RlSelectKRow, i).k;
  for (guint t = 0; t < G_N_ELEMENTS (a->bic); t++)
    {
      if (a->bic[t] == NULL || a->bic[t]->rows->len != c->n_k)
        continue;
      names[c->n_types] = rl_covariance_to_string ((RlCovariance) t);
      for (guint i = 0; i < c->n_k; i++)
        {
          const RlSelectKRow *row = &g_array_index (a->bic[t]->rows, RlSelectKRow, i);

          bic[c->n_types * c->n_k + i] = row->bic;
          aic[c->n_types * c->n_k + i] = row->aic;
        }
      c->n_types++;
    }
  c->k = k;
  c->type_names = names;
  c->bic = bic;
  c->aic = aic;
  if (a->clustering != NULL && g_strcmp0 (a->clustering->method, "gmm") == 0)
    c->chosen_k = a->clustering->k;
  c->title = plan_title (plan, _("Gaussian mixtures: BIC (solid) and AIC (dashed)"));
  return TRUE;
}

static gboolean
build_silhouette (RlChartPlan  *plan,
                  GError      **error)
{
  const RlAnalysis *a = plan->analysis;
  RlChartSilhouette *s = &plan->chart.silhouette;

  if (a->silhouette == NULL || cluster_labels (plan) == NULL)
    return fail (error, _("The silhouette chart needs a clustering into 2 or more clusters "
                   "with fewer clusters than regions"));
  s->n = a->frame->n;
  s->values = a->silhouette;
  s->cluster = cluster_labels (plan);
  s->mean = a->silhouette_mean;
  s->title = plan_title (plan, _("Silhouette of the clusters"));
  return TRUE;
}

/* Ward's tree over another method's partition: each branch of the cut at k
 * takes the colour of the cluster most of its regions belong to, so the
 * colours agree with the other charts wherever the two partitions do. */
static const guint *
ward_colours (RlChartPlan *plan,
              guint        k)
{
  const RlAnalysis *a = plan->analysis;
  const guint *labels = cluster_labels (plan);
  guint n = a->frame->n, kc = a->clustering->k;
  g_autofree guint *cut = labels != NULL ? rl_hclust_cut (a->linkage, k, NULL) : NULL;
  g_autofree guint *votes = NULL;
  guint *colour;

  if (cut == NULL)
    return NULL;
  votes = g_new0 (guint, k * kc);
  for (guint i = 0; i < n; i++)
    votes[cut[i] * kc + labels[i]]++;
  colour = rl_chart_plan_keep (plan, g_new (guint, n));
  for (guint i = 0; i < n; i++)
    {
      guint best = 0;

      for (guint c = 1; c < kc; c++)
        if (votes[cut[i] * kc + c] > votes[cut[i] * kc + best])
          best = c;
      colour[i] = best;
    }
  return colour;
}

static gboolean
build_dendrogram (RlChartPlan  *plan,
                  GError      **error)
{
  const RlAnalysis *a = plan->analysis;
  RlChartDendrogram *d = &plan->chart.dendrogram;
  guint n = a->frame->n;
  double *z;
  gboolean own = a->clustering != NULL && a->clustering->linkage != NULL;

  if (a->linkage == NULL || a->linkage->size1 + 1 != n || a->linkage->size2 != 4)
    return fail (error, _("The dendrogram needs a hierarchical clustering of at least two regions"));
  z = rl_chart_plan_keep (plan, g_new (double, 4 * (n - 1)));
  for (guint i = 0; i + 1 < n; i++)
    for (guint c = 0; c < 4; c++)
      z[4 * i + c] = gsl_matrix_get (a->linkage, i, c);
  d->n_leaves = n;
  d->linkage = z;
  d->labels = (const char * const *) a->frame->names;
  d->selected = plan->selected;
  d->cut_height = NAN;
  if (a->clustering != NULL && a->clustering->k >= 2 && a->clustering->k <= n)
    {
      guint k = a->clustering->k;

      /* between the last merge kept and the first one undone */
      d->cut_height = k == n ? z[2] / 2 : (z[4 * (n - k - 1) + 2] + z[4 * (n - k) + 2]) / 2;
      d->cluster = own ? cluster_labels (plan) : ward_colours (plan, k);
    }
  d->title = plan_title (plan, own ? _("Dendrogram of the hierarchical clustering")
                                   : _("Dendrogram (Ward linkage of the scaled indicators)"));
  return TRUE;
}

static gboolean
build_heatmap (RlChartPlan  *plan,
               GError      **error)
{
  const RlAnalysis *a = plan->analysis;
  const RlCorrelationMatrix *cm = a->correlation;
  RlChartHeatmap *h = &plan->chart.heatmap;
  const char **names;
  double *values;
  guint d;

  if (cm == NULL || cm->d < 2)
    return fail (error, _("The correlation heatmap needs at least two indicators in the analysis"));
  d = cm->d;
  values = rl_chart_plan_keep (plan, g_new (double, d * d));
  names = indicator_short_names (plan);
  for (guint i = 0; i < d; i++)
    {
      for (guint j = 0; j < d; j++)
        values[i * d + j] = gsl_matrix_get (cm->r, i, j);
    }
  *h = (RlChartHeatmap) { d, d, values, names, NULL, TRUE, 1.0, NULL, NULL };
  h->title = plan_title (plan, _("Correlation of the indicators"));
  h->scale_title = cm->method == RL_CORRELATION_SPEARMAN ? _("Spearman ρ") : _("Pearson r");
  return TRUE;
}

static gboolean
build_rating (RlChartPlan  *plan,
              GError      **error)
{
  const RlAnalysis *a = plan->analysis;
  RlChartRating *r = &plan->chart.rating;

  if (a->rating == NULL)
    return fail (error, _("The rating chart needs indicators with a polarity (does a higher "
                   "value mean more need?)"));
  r->n = a->rating->n;
  r->names = (const char * const *) a->frame->names;
  r->scores = a->rating->score;
  if (a->uncertainty != NULL && a->uncertainty->n == r->n)
    {
      r->interval = RL_CHART_INTERVAL_RANK;
      r->low = a->uncertainty->rank_low;
      r->high = a->uncertainty->rank_high;
    }
  r->selected = plan->selected;
  r->title = plan_title (plan, _("Need rating: top 10 red, 11–20 yellow"));
  /* xgettext:no-c-format */
  r->score_title = a->uncertainty != NULL ? _("Need score; rank with its 90 % interval")
                                          : _("Need score");
  return TRUE;
}

static gboolean
build_convergence (RlChartPlan  *plan,
                   GError      **error)
{
  const RlClustering *c = plan->analysis->clustering;
  RlChartConvergence *v = &plan->chart.convergence;
  const char **names;
  guint *lengths;
  const double **values;

  if (c == NULL || c->history == NULL || c->history->len == 0)
    return fail (error, _("The convergence chart needs an evolutionary method (es, de, ga or immune)"));
  names = rl_chart_plan_keep (plan, g_new0 (const char *, 1));
  lengths = rl_chart_plan_keep (plan, g_new (guint, 1));
  values = rl_chart_plan_keep (plan, g_new (const double *, 1));
  names[0] = g_str_equal (c->method, "immune") ? _("Immune")
             : rl_chart_plan_keep (plan, g_ascii_strup (c->method, -1));
  lengths[0] = c->history->len;
  values[0] = (const double *) c->history->data;
  *v = (RlChartConvergence) { 1, names, lengths, values, c->history->len > 200, NULL, NULL };
  v->title = plan_title (plan, _("Best f_k per iteration"));
  return TRUE;
}

/* The class of η on the Chaddock scale, as the caption names it. */
static const char *
chaddock_text (RlChaddock chaddock)
{
  static const char *const text[] = {
    [RL_CHADDOCK_UNDEFINED] = N_("undefined"),
    [RL_CHADDOCK_PRACTICALLY_NONE] = N_("practically none"),
    [RL_CHADDOCK_WEAK] = N_("weak"),
    [RL_CHADDOCK_MODERATE] = N_("moderate"),
    [RL_CHADDOCK_NOTICEABLE] = N_("noticeable"),
    [RL_CHADDOCK_STRONG] = N_("strong"),
    [RL_CHADDOCK_VERY_STRONG] = N_("very strong"),
    [RL_CHADDOCK_PRACTICALLY_FUNCTIONAL] = N_("practically functional"),
  };

  if ((guint) chaddock >= G_N_ELEMENTS (text))
    chaddock = RL_CHADDOCK_UNDEFINED;
  return _(text[chaddock]);
}

static gboolean
fill_grouping (RlChartPlan       *plan,
               const RlGrouping  *g,
               gboolean           with_mean)
{
  RlChartGrouping *c = &plan->chart.grouping;
  double *lower = rl_chart_plan_keep (plan, g_new (double, g->k));
  double *upper = rl_chart_plan_keep (plan, g_new (double, g->k));
  double *mean = rl_chart_plan_keep (plan, g_new (double, g->k));
  guint *count = rl_chart_plan_keep (plan, g_new (guint, g->k));

  for (guint i = 0; i < g->k; i++)
    {
      lower[i] = g->groups[i].lower;
      upper[i] = g->groups[i].upper;
      count[i] = g->groups[i].n;
      mean[i] = g->groups[i].mean;
    }
  c->n_groups = g->k;
  c->lower = lower;
  c->upper = upper;
  c->count = count;
  c->mean = with_mean ? mean : NULL;
  c->eta2 = with_mean ? g->eta2 : NAN;
  c->eta = with_mean ? g->eta : NAN;
  c->chaddock = with_mean ? chaddock_text (g->chaddock) : NULL;
  return TRUE;
}

/* Groups of the request's feature (Sturges); the line shows the mean of
 * y_feature per group when given, else the mean need score when rated. */
static gboolean
build_grouping (RlChartPlan          *plan,
                const RlChartRequest *request,
                GError              **error)
{
  const RlAnalysis *a = plan->analysis;
  const char *id = request->feature != NULL ? request->feature : a->frame->features[0];
  g_autoptr(GArray) ok = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(RlGrouping) g = NULL;
  g_autoptr(gsl_vector) f = NULL, r = NULL;
  const double *x, *y = NULL;
  RlGroupingOptions options;
  guint fi, yi = 0;

  if (id == NULL || (x = frame_values (plan, id, &fi, error)) == NULL)
    return id != NULL ? FALSE : fail (error, _("The grouping chart needs an indicator"));
  if (request->y_feature != NULL && (y = frame_values (plan, request->y_feature, &yi, error)) == NULL)
    return FALSE;
  if (y == NULL && a->rating != NULL && a->rating->n == a->frame->n)
    y = a->rating->score;
  for (guint i = 0; i < a->frame->n; i++)
    if (isfinite (x[i]) && (y == NULL || isfinite (y[i])))
      g_array_append_val (ok, i);
  if (ok->len < 2)
    return fail (error, _("The grouping chart needs values of “%s” for at least two regions"), id);
  f = gsl_vector_alloc (ok->len);
  r = gsl_vector_alloc (ok->len);
  for (guint i = 0; i < ok->len; i++)
    {
      guint row = g_array_index (ok, guint, i);

      gsl_vector_set (f, i, x[row]);
      gsl_vector_set (r, i, y != NULL ? y[row] : x[row]);
    }
  rl_grouping_options_init (&options);
  g = y != NULL ? rl_grouping_new_by_feature (r, f, &options, error)
                : rl_grouping_new (f, &options, error);
  if (g == NULL)
    return FALSE;
  rl_chart_grouping_init (&plan->chart.grouping);
  fill_grouping (plan, g, y != NULL);
  plan->chart.grouping.title = plan_title (plan, _("Analytic grouping (Sturges)"));
  plan->chart.grouping.x_title = rl_chart_plan_keep (plan, rl_chart_indicator_title (plan->panel, fi));
  if (y != NULL)
    plan->chart.grouping.mean_title =
      request->y_feature != NULL ? rl_chart_plan_keep (plan, rl_chart_indicator_title (plan->panel, yi))
                                 : _("Mean need score");
  return TRUE;
}

static gboolean
build (RlChartPlan          *plan,
       const RlChartRequest *request,
       GError              **error)
{
  switch (plan->kind)
    {
    case RL_CHART_KIND_SCATTER:
      return build_scatter (plan, request, error);
    case RL_CHART_KIND_PCA:
      return build_pca (plan, error);
    case RL_CHART_KIND_ELBOW:
    case RL_CHART_KIND_GROWTH:
      return build_elbow (plan, error);
    case RL_CHART_KIND_BIC:
      return build_bic (plan, error);
    case RL_CHART_KIND_SILHOUETTE:
      return build_silhouette (plan, error);
    case RL_CHART_KIND_DENDROGRAM:
      return build_dendrogram (plan, error);
    case RL_CHART_KIND_HEATMAP:
      return build_heatmap (plan, error);
    case RL_CHART_KIND_RATING:
      return build_rating (plan, error);
    case RL_CHART_KIND_CONVERGENCE:
      return build_convergence (plan, error);
    case RL_CHART_KIND_GROUPING:
      return build_grouping (plan, request, error);
    case RL_CHART_KIND_MAP:
      return rl_chart_plan_build_map (plan, request, error);
    case RL_N_CHART_KINDS:
    default:
      return fail (error, "Unknown chart kind %d", plan->kind);
    }
}

/* The panel region of frame row @row (−1 passes through). */
static int
row_region (const RlChartPlan *plan,
            int                row)
{
  if (row < 0 || (guint) row >= plan->analysis->frame->n)
    return -1;
  return (int) plan->analysis->frame->rows[row];
}

static void
draw_cb (cairo_t            *cr,
         int                 width,
         int                 height,
         gconstpointer       data,
         const RlChartStyle *style)
{
  rl_chart_plan_draw (data, cr, width, height, style);
}

static void
append_value (GString       *s,
              const RlPanel *panel,
              guint          indicator,
              double         value)
{
  const RlIndicator *ind = rl_panel_indicator ((RlPanel *) panel, indicator);
  const char *name = rl_panel_indicator_label (panel, indicator);

  g_string_append_printf (s, "\n%s: ", name);
  if (!isfinite (value))
    g_string_append (s, _("no data"));
  else if (fabs (value) >= 1000)
    g_string_append_printf (s, "%.0f", value);
  else
    g_string_append_printf (s, "%.4g", value);
  if (isfinite (value) && ind->unit != NULL && *ind->unit != '\0')
    g_string_append_printf (s, " %s", rl_chart_unit_label (ind->unit));
}

/* Public functions */

const char *
rl_chart_kind_to_string (RlChartKind kind)
{
  g_return_val_if_fail (kind < RL_N_CHART_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
rl_chart_kind_from_string (const char  *name,
                           RlChartKind *kind)
{
  for (guint i = 0; name != NULL && i < RL_N_CHART_KINDS; i++)
    if (g_ascii_strcasecmp (name, kinds[i].name) == 0)
      {
        *kind = (RlChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rl_chart_kind_title (RlChartKind kind)
{
  g_return_val_if_fail (kind < RL_N_CHART_KINDS, NULL);

  return _(kinds[kind].title);
}

void
rl_chart_request_init (RlChartRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (RlChartRequest) {
    .kind = RL_CHART_KIND_SCATTER,
    .color_by = RL_MAP_COLOR_CLUSTER,
    .classes = RL_CLASSES_QUANTILE,
    .n_classes = 5,
  };
}

RlChartPlan *
rl_chart_plan_new (const RlPanel        *panel,
                   const RlAnalysis     *analysis,
                   const RlChartRequest *request,
                   GError              **error)
{
  g_autoptr(RlChartPlan) plan = NULL;

  g_return_val_if_fail (panel != NULL && analysis != NULL && request != NULL, NULL);

  if (analysis->frame == NULL || analysis->frame->n == 0)
    {
      fail (error, _("The analysis kept no region to chart"));
      return NULL;
    }
  plan = g_new0 (RlChartPlan, 1);
  plan->kind = request->kind;
  plan->panel = panel;
  plan->analysis = analysis;
  plan->owned = g_ptr_array_new_with_free_func (g_free);
  plan->selected = g_new0 (gboolean, analysis->frame->n);
  plan->extra = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->highlighted = g_array_new (FALSE, FALSE, sizeof (int));
  if (!build (plan, request, error))
    return NULL;
  return g_steal_pointer (&plan);
}

void
rl_chart_plan_free (RlChartPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->owned, g_ptr_array_unref);
  g_clear_pointer (&plan->selected, g_free);
  g_clear_pointer (&plan->extra, g_array_unref);
  g_clear_pointer (&plan->highlighted, g_array_unref);
  g_clear_pointer (&plan->paint, rl_map_paint_free);
  g_free (plan->title);
  g_free (plan);
}

RlChartKind
rl_chart_plan_kind (const RlChartPlan *plan)
{
  return plan->kind;
}

void
rl_chart_plan_set_selected (RlChartPlan *plan,
                            const guint *regions,
                            guint        n)
{
  const RlAnalysis *a;

  g_return_if_fail (plan != NULL && (n == 0 || regions != NULL));

  a = plan->analysis;
  memset (plan->selected, 0, a->frame->n * sizeof (gboolean));
  for (guint i = 0; i < n; i++)
    {
      int row = regions[i] < rl_panel_n_regions (plan->panel)
                  ? rl_analysis_row_of_region (a, regions[i]) : -1;

      if (row >= 0)
        plan->selected[row] = TRUE;
    }
  if (plan->kind == RL_CHART_KIND_MAP)
    rl_map_chart_set_selected (plan, regions, n);
}

void
rl_chart_plan_draw (const RlChartPlan  *plan,
                    cairo_t            *cr,
                    int                 width,
                    int                 height,
                    const RlChartStyle *style)
{
  g_return_if_fail (plan != NULL && cr != NULL && style != NULL);

  switch (plan->kind)
    {
    case RL_CHART_KIND_SCATTER:
    case RL_CHART_KIND_PCA:
      rl_chart_scatter_draw (cr, width, height, &plan->chart.scatter, style);
      break;
    case RL_CHART_KIND_ELBOW:
      rl_chart_elbow_draw (cr, width, height, &plan->chart.elbow, style);
      break;
    case RL_CHART_KIND_GROWTH:
      rl_chart_growth_draw (cr, width, height, &plan->chart.elbow, style);
      break;
    case RL_CHART_KIND_BIC:
      rl_chart_criteria_draw (cr, width, height, &plan->chart.criteria, style);
      break;
    case RL_CHART_KIND_SILHOUETTE:
      rl_chart_silhouette_draw (cr, width, height, &plan->chart.silhouette, style);
      break;
    case RL_CHART_KIND_DENDROGRAM:
      rl_chart_dendrogram_draw (cr, width, height, &plan->chart.dendrogram, style);
      break;
    case RL_CHART_KIND_HEATMAP:
      rl_chart_heatmap_draw (cr, width, height, &plan->chart.heatmap, style);
      break;
    case RL_CHART_KIND_RATING:
      rl_chart_rating_draw (cr, width, height, &plan->chart.rating, style);
      break;
    case RL_CHART_KIND_CONVERGENCE:
      rl_chart_convergence_draw (cr, width, height, &plan->chart.convergence, style);
      break;
    case RL_CHART_KIND_GROUPING:
      rl_chart_grouping_draw (cr, width, height, &plan->chart.grouping, style);
      break;
    case RL_CHART_KIND_MAP:
      rl_map_chart_draw (plan, cr, width, height, style);
      break;
    case RL_N_CHART_KINDS:
    default:
      rl_chart_draw_message (cr, width, height, style, _("Unknown chart"));
    }
}

int
rl_chart_plan_pick (const RlChartPlan  *plan,
                    const RlChartStyle *style,
                    int                 width,
                    int                 height,
                    double              x,
                    double              y)
{
  g_return_val_if_fail (plan != NULL && style != NULL, -1);

  switch (plan->kind)
    {
    case RL_CHART_KIND_SCATTER:
    case RL_CHART_KIND_PCA:
      return row_region (plan, rl_chart_scatter_pick (&plan->chart.scatter, style, width, height, x, y));
    case RL_CHART_KIND_SILHOUETTE:
      return row_region (plan, rl_chart_silhouette_pick (&plan->chart.silhouette, style, width,
                                                         height, x, y));
    case RL_CHART_KIND_DENDROGRAM:
      return row_region (plan, rl_chart_dendrogram_pick (&plan->chart.dendrogram, style, width,
                                                         height, x, y));
    case RL_CHART_KIND_RATING:
      return row_region (plan, rl_chart_rating_pick (&plan->chart.rating, style, width, height, x, y));
    case RL_CHART_KIND_MAP:
      return rl_map_chart_pick (plan, style, width, height, x, y);
    default:
      return -1;
    }
}

GArray *
rl_chart_plan_regions_in_rect (const RlChartPlan  *plan,
                               const RlChartStyle *style,
                               int                 width,
                               int                 height,
                               double              x0,
                               double              y0,
                               double              x1,
                               double              y1)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (plan != NULL && style != NULL, regions);

  if (plan->kind == RL_CHART_KIND_SCATTER || plan->kind == RL_CHART_KIND_PCA)
    {
      g_autoptr(GArray) rows = rl_chart_scatter_points_in_rect (&plan->chart.scatter, style, width,
                                                                height, x0, y0, x1, y1);

      for (guint i = 0; i < rows->len; i++)
        {
          guint region = (guint) row_region (plan, (int) g_array_index (rows, guint, i));

          g_array_append_val (regions, region);
        }
    }
  else if (plan->kind == RL_CHART_KIND_MAP)
    rl_map_chart_regions_in_rect (plan, style, width, height, x0, y0, x1, y1, regions);
  return regions;
}

char *
rl_chart_plan_describe (const RlChartPlan *plan,
                        int                region)
{
  const RlAnalysis *a;
  GString *s;
  int row;

  g_return_val_if_fail (plan != NULL, NULL);

  a = plan->analysis;
  if (region < 0 || (guint) region >= rl_panel_n_regions (plan->panel))
    return NULL;
  s = g_string_new (rl_panel_region_label (plan->panel, region));
  row = rl_analysis_row_of_region (a, region);
  if (row < 0)
    {
      g_string_append_printf (s, "\n%s", _("Not in the analysis (missing values)"));
      return g_string_free (s, FALSE);
    }
  if (a->frame->year != RL_YEAR_NONE)
    g_string_append_printf (s, ", %d", a->frame->year);
  for (guint j = 0; j < a->frame->d; j++)
    append_value (s, plan->panel, a->frame->columns[j], gsl_matrix_get (a->frame->raw, row, j));
  for (guint e = 0; e < plan->extra->len; e++)
    {
      guint ind = g_array_index (plan->extra, guint, e);

      append_value (s, plan->panel, ind, rl_panel_get (plan->panel, region, ind, a->frame->year));
    }
  if (cluster_labels (plan) != NULL)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Cluster %u"), cluster_labels (plan)[row] + 1);
    }
  if (a->rating != NULL && (guint) row < a->rating->n)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Need rank %u of %u (score %.3f)"), a->rating->rank[row],
                              a->rating->n, a->rating->score[row]);
    }
  if (a->uncertainty != NULL && (guint) row < a->uncertainty->n)
    g_string_append_printf (s, _(", 90 %% interval %.0f–%.0f"), a->uncertainty->rank_low[row],
                            a->uncertainty->rank_high[row]);
  return g_string_free (s, FALSE);
}

gboolean
rl_chart_plan_export (const RlChartPlan  *plan,
                      const char         *path,
                      int                 width,
                      int                 height,
                      const RlChartStyle *style,
                      GError            **error)
{
  g_return_val_if_fail (plan != NULL && path != NULL && style != NULL, FALSE);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    return fail (error, _("%s: the size %d × %d is out of range (1 to 20000 pixels)"), path, width,
                 height);
  return rl_chart_export (path, width, height, draw_cb, plan, style, error);
}
