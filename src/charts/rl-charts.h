/* rl-charts.h — every chart of librlcharts
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"
#include "rl-chart-axes.h"
#include "rl-chart-dendrogram.h"
#include "rl-chart-grouping.h"
#include "rl-chart-heatmap.h"
#include "rl-chart-lines.h"
#include "rl-chart-map.h"
#include "rl-chart-rating.h"
#include "rl-chart-scatter.h"
#include "rl-chart-silhouette.h"
