/* chart-samples.h — small hand-made data for the chart tests and the gallery
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <math.h>

#include "rl-charts.h"
#include "rl-test.h"

#define N_REGIONS 85

static const char * const sample_regions[N_REGIONS] = {
  "Белгородская область", "Брянская область", "Владимирская область", "Воронежская область",
  "Ивановская область", "Калужская область", "Костромская область", "Курская область",
  "Липецкая область", "Московская область", "Орловская область", "Рязанская область",
  "Смоленская область", "Тамбовская область", "Тверская область", "Тульская область",
  "Ярославская область", "г. Москва", "Республика Карелия", "Республика Коми",
  "Ненецкий автономный округ", "Архангельская область", "Вологодская область",
  "Калининградская область", "Ленинградская область", "Мурманская область",
  "Новгородская область", "Псковская область", "г. Санкт-Петербург", "Республика Адыгея",
  "Республика Калмыкия", "Республика Крым", "Краснодарский край", "Астраханская область",
  "Волгоградская область", "Ростовская область", "г. Севастополь", "Республика Дагестан",
  "Республика Ингушетия", "Кабардино-Балкарская Республика", "Карачаево-Черкесская Республика",
  "Республика Северная Осетия — Алания", "Чеченская Республика", "Ставропольский край",
  "Республика Башкортостан", "Республика Марий Эл", "Республика Мордовия",
  "Республика Татарстан", "Удмуртская Республика", "Чувашская Республика", "Пермский край",
  "Кировская область", "Нижегородская область", "Оренбургская область", "Пензенская область",
  "Самарская область", "Саратовская область", "Ульяновская область", "Курганская область",
  "Свердловская область", "Ханты-Мансийский автономный округ — Югра",
  "Ямало-Ненецкий автономный округ", "Тюменская область без автономных округов",
  "Челябинская область", "Республика Алтай", "Республика Тыва", "Республика Хакасия",
  "Алтайский край", "Красноярский край", "Иркутская область", "Кемеровская область — Кузбасс",
  "Новосибирская область", "Омская область", "Томская область", "Республика Бурятия",
  "Республика Саха (Якутия)", "Забайкальский край", "Камчатский край", "Приморский край",
  "Хабаровский край", "Амурская область", "Магаданская область", "Сахалинская область",
  "Еврейская автономная область", "Чукотский автономный округ",
};

/* A deterministic pseudo-random value in [0, 1). */
static inline double
sample_uniform (guint i, guint salt)
{
  guint32 h = (i + 1) * 2654435761u ^ (salt + 7) * 40503u;

  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return (h & 0xffffff) / (double) 0x1000000;
}

typedef struct
{
  double   x[N_REGIONS], y[N_REGIONS];
  guint    cluster[N_REGIONS];
  gboolean selected[N_REGIONS];
} SampleScatter;

/* Three clusters of @n points (n <= 85) around (0, 0), (40k, 3) and (80k, −2). */
static inline void
sample_scatter (SampleScatter *s, guint n, RlChartScatter *chart)
{
  memset (s, 0, sizeof *s);
  memset (chart, 0, sizeof *chart);
  for (guint i = 0; i < n; i++)
    {
      s->cluster[i] = i % 3;
      s->x[i] = 40000.0 * s->cluster[i] + 15000 * (sample_uniform (i, 1) - 0.5) + 12000;
      s->y[i] = (s->cluster[i] == 1 ? 3 : s->cluster[i] == 2 ? -2 : 0)
                + 2.5 * (sample_uniform (i, 2) - 0.5);
    }
  s->selected[4] = s->selected[17] = TRUE;
  chart->n = n;
  chart->x = s->x;
  chart->y = s->y;
  chart->cluster = s->cluster;
  chart->labels = sample_regions;
  chart->selected = s->selected;
  chart->title = "Income and poverty, 2023";
  chart->x_title = "Average monthly income (₽)";
  chart->y_title = "Poverty rate change (p.p.)";
}

/* All regions spread over 0 .. 100, every fourth in a tight heap in the
 * middle and selected: their labels must find room. */
static inline void
sample_scatter_heap (SampleScatter *s, RlChartScatter *chart)
{
  sample_scatter (s, N_REGIONS, chart);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      gboolean heap = i % 4 == 0;

      s->x[i] = heap ? 48 + 4 * sample_uniform (i, 7) : 100 * sample_uniform (i, 5);
      s->y[i] = heap ? 48 + 4 * sample_uniform (i, 8) : 100 * sample_uniform (i, 6);
      s->selected[i] = heap;
    }
  chart->x_title = "Poverty rate (%)";
  chart->y_title = "Social spending (% of budget)";
}

typedef struct
{
  guint  k[10];
  double inertia[10], f_k[10], growth[10];
} SampleElbow;

static inline void
sample_elbow (SampleElbow *s, RlChartElbow *chart)
{
  memset (chart, 0, sizeof *chart);
  for (guint i = 0; i < 10; i++)
    {
      s->k[i] = i + 1;
      s->inertia[i] = 340.0 / (1 + (i + 1) * (i + 1) * 0.4) + 20 - i;
      s->f_k[i] = 2.1 + 0.9 * (i + 1) - 1.6 * exp (-(double) i);
    }
  for (guint i = 0; i < 10; i++)
    s->growth[i] = i + 1 < 10 ? s->f_k[i + 1] / s->f_k[i] : NAN;
  chart->n = 10;
  chart->k = s->k;
  chart->inertia = s->inertia;
  chart->f_k = s->f_k;
  chart->growth = s->growth;
  chart->chosen_k = 4;
  chart->title = "k-means, 85 regions";
}

typedef struct
{
  guint  k[8];
  double bic[4 * 8], aic[4 * 8];
} SampleCriteria;

static const char * const sample_cov_types[4] = { "full", "diag", "tied", "spherical" };

static inline void
sample_criteria (SampleCriteria *s, RlChartCriteria *chart)
{
  memset (chart, 0, sizeof *chart);
  for (guint t = 0; t < 4; t++)
    for (guint i = 0; i < 8; i++)
      {
        double k = i + 1.0;

        s->k[i] = i + 1;
        s->bic[t * 8 + i] = 1200 - 380 * log (k) + (30 + 25 * t) * k * (t == 0 ? 1.8 : 1) + 40 * t;
        s->aic[t * 8 + i] = s->bic[t * 8 + i] - (12 + 5 * t) * k * 1.5;
      }
  chart->n_k = 8;
  chart->k = s->k;
  chart->n_types = 4;
  chart->type_names = sample_cov_types;
  chart->bic = s->bic;
  chart->aic = s->aic;
  chart->chosen_k = 3;
  chart->title = "Gaussian mixtures";
}

typedef struct
{
  double        v[4][300];
  const double *p[4];
  guint         len[4];
} SampleConvergence;

static const char * const sample_methods[4] = { "ES", "DE", "GA", "Immune" };

static inline void
sample_convergence (SampleConvergence *s, RlChartConvergence *chart)
{
  memset (chart, 0, sizeof *chart);
  for (guint m = 0; m < 4; m++)
    {
      double best = 30;

      s->len[m] = 200 + 30 * m;
      for (guint i = 0; i < s->len[m]; i++)
        {
          double cand = 9.5 + m * 0.3 + 20 * exp (-(i + 1.0) / (8.0 + 10 * m))
                        + 0.8 * sample_uniform (i, m);

          best = MIN (best, cand);
          s->v[m][i] = best;
        }
      s->p[m] = s->v[m];
    }
  chart->n_series = 4;
  chart->names = sample_methods;
  chart->lengths = s->len;
  chart->values = s->p;
  chart->title = "Evolutionary clustering, k = 4";
}

typedef struct
{
  double values[N_REGIONS];
  guint  cluster[N_REGIONS];
} SampleSilhouette;

static inline void
sample_silhouette (SampleSilhouette *s, guint n, RlChartSilhouette *chart)
{
  memset (chart, 0, sizeof *chart);
  for (guint i = 0; i < n; i++)
    {
      s->cluster[i] = i % 4 == 3 ? 1 : i % 4;
      s->values[i] = 0.75 - 0.2 * s->cluster[i] - 0.6 * sample_uniform (i, 5);
    }
  chart->n = n;
  chart->values = s->values;
  chart->cluster = s->cluster;
  chart->mean = NAN;
  chart->title = "Silhouette, k = 3";
}

#define N_FEATURES 7

static const char * const sample_features[N_FEATURES] = {
  "Бедность, %", "Доход на душу", "ВРП на душу", "Безработица, %", "Потребление",
  "Младенческая смертность", "Жильё, м² на чел.",
};

static inline void
sample_heatmap (double *r, RlChartHeatmap *chart)
{
  memset (chart, 0, sizeof *chart);
  for (guint i = 0; i < N_FEATURES; i++)
    for (guint j = 0; j <= i; j++)
      {
        double v = i == j ? 1.0 : cos (1.3 * i + 0.7 * j) * (0.95 - 0.05 * i);

        r[i * N_FEATURES + j] = r[j * N_FEATURES + i] = v;
      }
  r[2 * N_FEATURES + 5] = r[5 * N_FEATURES + 2] = NAN;
  chart->rows = chart->cols = N_FEATURES;
  chart->values = r;
  chart->row_names = sample_features;
  chart->diverging = TRUE;
  chart->title = "Pearson correlation, 2023";
  chart->scale_title = "r";
}

typedef struct
{
  double score[N_REGIONS], low[N_REGIONS], high[N_REGIONS];
  gboolean selected[N_REGIONS];
} SampleRating;

static inline void
sample_rating (SampleRating *s, guint n, RlChartIntervalKind kind, RlChartRating *chart)
{
  memset (s, 0, sizeof *s);
  memset (chart, 0, sizeof *chart);
  for (guint i = 0; i < n; i++)
    {
      s->score[i] = 2.2 * sample_uniform (i, 9) - 0.6;
      if (kind == RL_CHART_INTERVAL_SCORE)
        {
          s->low[i] = s->score[i] - 0.25 * sample_uniform (i, 10);
          s->high[i] = s->score[i] + 0.25 * sample_uniform (i, 11);
        }
      else
        {
          s->low[i] = NAN;
          s->high[i] = NAN;
        }
    }
  if (kind == RL_CHART_INTERVAL_RANK)
    {
      /* ranks of the scores, with a spread that grows in the middle */
      for (guint i = 0; i < n; i++)
        {
          guint rank = 1;

          for (guint j = 0; j < n; j++)
            rank += s->score[j] > s->score[i];
          s->low[i] = MAX (1.0, rank - 1.0 - 6 * sample_uniform (i, 12));
          s->high[i] = MIN ((double) n, rank + 1.0 + 6 * sample_uniform (i, 13));
        }
    }
  s->selected[17] = TRUE;
  chart->n = n;
  chart->names = sample_regions;
  chart->scores = s->score;
  chart->interval = kind;
  chart->low = kind != RL_CHART_INTERVAL_NONE ? s->low : NULL;
  chart->high = kind != RL_CHART_INTERVAL_NONE ? s->high : NULL;
  chart->selected = s->selected;
  chart->title = "Need rating, 2023";
  chart->score_title = "Composite need score (z units)";
}

typedef struct
{
  double lower[6], upper[6], mean[6];
  guint  count[6];
} SampleGrouping;

static inline void
sample_grouping (SampleGrouping *s, RlChartGrouping *chart)
{
  const guint counts[6] = { 9, 21, 26, 16, 9, 4 };
  const double means[6] = { 21.4, 17.9, 14.2, 12.5, 10.8, 8.1 };

  rl_chart_grouping_init (chart);
  for (guint g = 0; g < 6; g++)
    {
      s->lower[g] = 18000 + 9000.0 * g;
      s->upper[g] = s->lower[g] + 9000;
      s->count[g] = counts[g];
      s->mean[g] = means[g];
    }
  chart->n_groups = 6;
  chart->lower = s->lower;
  chart->upper = s->upper;
  chart->count = s->count;
  chart->mean = s->mean;
  chart->eta2 = 0.62;
  chart->chaddock = "strong";
  chart->title = "Poverty by income group (Sturges)";
  chart->x_title = "Average monthly income (₽)";
  chart->mean_title = "Poverty rate (%)";
}

/* Linkage matrices and leaf orders computed by SciPy (tests/data). */
static inline JsonArray *
sample_linkage_cases (JsonParser **parser)
{
  g_autofree char *path = rl_test_data_path ("charts-dendrogram.json");
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (*parser)),
                                       "cases");
}

/* Fills @z ((n − 1) × 4) from a case; returns n. */
static inline guint
sample_linkage (JsonObject *c, double *z)
{
  JsonArray *rows = json_object_get_array_member (c, "linkage");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    for (guint j = 0; j < 4; j++)
      z[4 * i + j] = json_array_get_double_element (json_array_get_array_element (rows, i), j);
  return (guint) json_object_get_int_member (c, "n");
}

/* Every chart with the sample data, for the tests and the gallery. */
typedef struct
{
  SampleScatter      s;
  SampleElbow        e;
  SampleCriteria     cr;
  SampleConvergence  cv;
  SampleSilhouette   si;
  SampleRating       ra, rr;
  SampleGrouping     gr;
  double             m[N_FEATURES * N_FEATURES];
  double             z[4 * N_REGIONS];
  RlChartScatter     scatter;
  RlChartElbow       elbow;
  RlChartCriteria    criteria;
  RlChartConvergence conv, conv_log;
  RlChartSilhouette  silhouette;
  RlChartHeatmap     heatmap;
  RlChartRating      rating, rating_rank;
  RlChartGrouping    grouping;
  RlChartDendrogram  dendrogram;
  JsonParser        *parser;
} Gallery;

typedef struct
{
  const char     *name;
  RlChartDrawFunc draw;
  gconstpointer   data;
  double          min_share;   /* of the pixels that differ from the background */
} GalleryItem;

#define GALLERY_MAX 16

/* Fills @g and up to GALLERY_MAX @items; returns how many. Unref g->parser after. */
static inline guint
gallery_fill (Gallery *g, GalleryItem *items)
{
  JsonArray *cases = sample_linkage_cases (&g->parser);
  guint n = 0;

  sample_scatter (&g->s, N_REGIONS, &g->scatter);
  sample_elbow (&g->e, &g->elbow);
  sample_criteria (&g->cr, &g->criteria);
  sample_convergence (&g->cv, &g->conv);
  g->conv_log = g->conv;
  g->conv_log.log_x = TRUE;
  sample_silhouette (&g->si, 40, &g->silhouette);
  sample_heatmap (g->m, &g->heatmap);
  sample_rating (&g->ra, N_REGIONS, RL_CHART_INTERVAL_SCORE, &g->rating);
  sample_rating (&g->rr, N_REGIONS, RL_CHART_INTERVAL_RANK, &g->rating_rank);
  sample_grouping (&g->gr, &g->grouping);
  g->dendrogram.n_leaves = sample_linkage (json_array_get_object_element (cases, 4), g->z);
  g->dendrogram.linkage = g->z;
  g->dendrogram.labels = sample_regions;
  g->dendrogram.selected = g->s.selected;
  g->dendrogram.cut_height = g->z[4 * (N_REGIONS - 3) + 2] * 0.98;
#define ITEM(name, f, d, share)                                                   \
  items[n++] = (GalleryItem) { (name), (RlChartDrawFunc) (f), (d), (share) }
  ITEM ("scatter", rl_chart_scatter_draw, &g->scatter, 0.01);
  ITEM ("elbow", rl_chart_elbow_draw, &g->elbow, 0.01);
  ITEM ("growth", rl_chart_growth_draw, &g->elbow, 0.01);
  ITEM ("bic", rl_chart_criteria_draw, &g->criteria, 0.01);
  ITEM ("convergence", rl_chart_convergence_draw, &g->conv, 0.01);
  ITEM ("convergence-log", rl_chart_convergence_draw, &g->conv_log, 0.01);
  ITEM ("silhouette", rl_chart_silhouette_draw, &g->silhouette, 0.05);
  ITEM ("heatmap", rl_chart_heatmap_draw, &g->heatmap, 0.2);
  ITEM ("rating-score", rl_chart_rating_draw, &g->rating, 0.05);
  ITEM ("rating-rank", rl_chart_rating_draw, &g->rating_rank, 0.05);
  ITEM ("grouping", rl_chart_grouping_draw, &g->grouping, 0.05);
  ITEM ("dendrogram", rl_chart_dendrogram_draw, &g->dendrogram, 0.02);
#undef ITEM
  return n;
}
