/* rl-chart-rating.h — need rating as sorted horizontal bars
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

typedef enum
{
  RL_CHART_INTERVAL_NONE,
  RL_CHART_INTERVAL_SCORE,   /* low/high in score units: whiskers on the bars */
  RL_CHART_INTERVAL_RANK,    /* low/high ranks: whiskers in a rank strip beside the bars */
} RlChartIntervalKind;

/* Regions sorted by decreasing score (most in need first; NaN scores left
 * out), one horizontal bar each: ranks 1–10 in the style's top10 colour,
 * 11–20 in top20, the others neutral. When the rows do not fit the height at
 * a readable size they flow into up to four columns; names are elided to fit. */
typedef struct
{
  guint               n;
  const char * const *names;
  const double       *scores;
  RlChartIntervalKind interval;
  const double       *low;          /* n values, or NULL */
  const double       *high;
  guint               top_n;        /* 0: every region */
  const gboolean     *selected;     /* n flags, or NULL */
  const char         *title;
  const char         *score_title;  /* NULL: "Need score" */
} RlChartRating;

void rl_chart_rating_draw (cairo_t             *cr,
                           int                  width,
                           int                  height,
                           const RlChartRating *chart,
                           const RlChartStyle  *style);
/* The region (index into the input arrays) whose row is under (@x, @y), or −1. */
int  rl_chart_rating_pick (const RlChartRating *chart,
                           const RlChartStyle  *style,
                           int                  width,
                           int                  height,
                           double               x,
                           double               y);
/* The text of rank @row (0 = best) as drawn at @width × @height: "12. Name",
 * standard words abbreviated ("АО", "обл.", "Респ.") when the whole name does
 * not fit; its width before any elision in @text_width and the name column's
 * room in @room (either may be NULL). NULL when @row is not shown. */
char *rl_chart_rating_row_name (const RlChartRating *chart,
                                const RlChartStyle  *style,
                                int                  width,
                                int                  height,
                                guint                row,
                                double              *text_width,
                                double              *room);

G_END_DECLS
