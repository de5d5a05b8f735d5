/* rl-export.h — export the chart shown to PNG, SVG or PDF through a file chooser
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "rl-chart-build.h"

G_BEGIN_DECLS

/* The size charts are exported at, in pixels (points for PDF). */
#define RL_EXPORT_WIDTH  1200
#define RL_EXPORT_HEIGHT 800

/* Asks where to save @plan (PNG, SVG or PDF by the extension, or by the
 * filter chosen when the name has none) and writes it at 1200 × 800 in the
 * light or @dark style. The chart is recorded when the dialog opens, so the
 * plan may be freed while the dialog is up. Errors are shown in a dialog,
 * success in a toast when @parent is the main window; the folder is
 * remembered in GSettings ("last-export-folder"). */
void             rl_export_chart_dialog     (GtkWindow          *parent,
                                             const RlChartPlan  *plan,
                                             gboolean            dark);

/* The pieces of the dialog, for tests. */

/* "regionlab-scatter.png" and the like. */
char            *rl_export_default_name     (const RlChartPlan  *plan);
/* @path when its name has an extension (a dot and 2–4 letters: .png, .svg,
 * .pdf in any case, or one export refuses, such as .jpg), else @path with
 * "." @format appended (@format: "png", "svg" or "pdf"). */
char            *rl_export_path_with_format (const char         *path,
                                             const char         *format);
/* The chart drawn now at 1200 × 800 into a recording surface that does not
 * need the plan any more; free with cairo_surface_destroy(). */
cairo_surface_t *rl_export_record_chart     (const RlChartPlan  *plan,
                                             const RlChartStyle *style);
/* Writes a recorded chart to @path: PNG, SVG or PDF by the extension. */
gboolean         rl_export_write_recording  (cairo_surface_t    *recording,
                                             const char         *path,
                                             GError            **error);

G_END_DECLS
