/* rl-region-details.c — one region over the years: every indicator, its
 * cluster and rank history
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table: the region's cluster and need rank in each year the analysis
 * computed them, then a row per indicator with its values by year. The
 * indicator and unit columns stay in place while the years scroll sideways
 * (two grids whose rows share their heights).
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rl-chart.h"
#include "rl-format.h"
#include "rl-region-details.h"

/* The table: columns 0 and 1 (indicator, unit) in @left, the years in
 * @right, one size group per row so that both halves keep the same height. */
typedef struct
{
  GtkGrid   *left;
  GtkGrid   *right;
  GPtrArray *rows;   /* GtkSizeGroup */
} Table;

static void
attach (Table     *t,
        GtkWidget *cell,
        int        col,
        int        row,
        int        width)
{
  while (t->rows->len <= (guint) row)
    g_ptr_array_add (t->rows, gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL));
  gtk_size_group_add_widget (g_ptr_array_index (t->rows, row), cell);
  if (col < 2)
    gtk_grid_attach (t->left, cell, col, row, width, 1);
  else
    gtk_grid_attach (t->right, cell, col - 2, row, width, 1);
}

static GtkGrid *
half_new (void)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 18);
  return grid;
}

static GtkWidget *
cell_new (const char *text,
          gboolean    heading,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* Years in which the region has a value, the latest first. */
static GArray *
region_years (const RlPanel    *panel,
              const RlAnalysis *analysis,
              guint             region)
{
  g_autoptr(GArray) all = rl_panel_years (panel);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint y = all->len; y-- > 0;)
    {
      int year = g_array_index (all, int, y);
      gboolean any = FALSE;

      for (guint i = 0; i < rl_panel_n_indicators (panel) && !any; i++)
        any = !isnan (rl_panel_get (panel, region, i, year));
      if (any)
        g_array_append_val (years, year);
    }
  return years;
}

/* The index of @year in the analysis history, or −1. */
static int
history_column (const RlAnalysis *analysis,
                int               year)
{
  if (analysis == NULL || analysis->years == NULL)
    return -1;
  for (guint y = 0; y < analysis->years->len; y++)
    if (g_array_index (analysis->years, int, y) == year)
      return y;
  return -1;
}

static void
add_history_rows (Table            *t,
                  const RlPanel    *panel,
                  const RlAnalysis *analysis,
                  guint             region,
                  GArray           *years,
                  int               row)
{
  guint n_years = analysis != NULL && analysis->years != NULL ? analysis->years->len : 0;

  attach (t, cell_new (_("Cluster"), TRUE, 0), 0, row, 2);
  attach (t, cell_new (_("Need rank"), TRUE, 0), 0, row + 1, 2);
  for (guint y = 0; y < years->len; y++)
    {
      int col = history_column (analysis, g_array_index (years, int, y));
      g_autofree char *cluster = NULL;
      g_autofree char *rank = NULL;

      if (col >= 0 && analysis->cluster_history != NULL
          && analysis->cluster_history[region * n_years + col] >= 0)
        cluster = g_strdup_printf ("%d", analysis->cluster_history[region * n_years + col] + 1);
      if (col >= 0 && analysis->rank_history != NULL && analysis->rank_history[region * n_years + col] > 0)
        rank = g_strdup_printf ("%u", analysis->rank_history[region * n_years + col]);
      attach (t, cell_new (cluster ? cluster : "—", FALSE, 1), 2 + y, row, 1);
      attach (t, cell_new (rank ? rank : "—", FALSE, 1), 2 + y, row + 1, 1);
    }
}

static GtkWidget *
build_grid (const RlPanel    *panel,
            const RlAnalysis *analysis,
            guint             region)
{
  g_autoptr(GArray) years = region_years (panel, analysis, region);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  Table table = { half_new (), half_new (), rows }, *t = &table;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  int row = 3;

  gtk_widget_set_margin_start (GTK_WIDGET (t->left), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (t->right), 18);
  attach (t, cell_new (_("Indicator"), TRUE, 0), 0, 0, 1);
  attach (t, cell_new (_("Unit"), TRUE, 0), 1, 0, 1);
  for (guint y = 0; y < years->len; y++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (years, int, y));
      attach (t, cell_new (label, TRUE, 1), 2 + y, 0, 1);
    }
  add_history_rows (t, panel, analysis, region, years, 1);
  attach (t, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row, 2);
  if (years->len > 0)
    attach (t, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 2, row, years->len);
  row++;
  for (guint i = 0; i < rl_panel_n_indicators (panel); i++, row++)
    {
      const RlIndicator *ind = rl_panel_indicator (panel, i);
      GtkWidget *name = cell_new (rl_panel_indicator_label (panel, i), FALSE, 0);

      GtkWidget *unit = cell_new (ind->unit ? rl_chart_unit_label (ind->unit) : "", FALSE, 0);

      /* one width for measuring and drawing: the row heights the size
       * groups take are those the wrapped labels need */
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (name), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
      gtk_label_set_wrap (GTK_LABEL (unit), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (unit), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (unit), 14);
      gtk_widget_add_css_class (unit, "dim-label");
      attach (t, name, 0, row, 1);
      attach (t, unit, 1, row, 1);
      for (guint y = 0; y < years->len; y++)
        {
          double v = rl_panel_get (panel, region, i, g_array_index (years, int, y));
          g_autofree char *text = rl_format_value (v);
          attach (t, cell_new (text, FALSE, 1), 2 + y, row, 1);
        }
    }
  /* the years scroll sideways; the whole table scrolls up and down outside */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (t->right));
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (t->left));
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

static char *
summary_text (const RlAnalysis *analysis,
              guint             region)
{
  int row = analysis != NULL ? rl_analysis_row_of_region (analysis, region) : -1;
  GString *text = g_string_new (NULL);

  if (row < 0)
    {
      g_string_append (text, _("Not in the current analysis (missing values)"));
      return g_string_free (text, FALSE);
    }
  if (analysis->clustering != NULL)
    g_string_append_printf (text, _("Cluster %u"), analysis->clustering->labels[row] + 1);
  if (analysis->rating != NULL)
    g_string_append_printf (text, _(" · need rank %u of %u"), analysis->rating->rank[row],
                            analysis->rating->n);
  if (analysis->frame->year != 0)
    g_string_append_printf (text, _(" · %d"), analysis->frame->year);
  return g_string_free (text, FALSE);
}

GtkWindow *
rl_region_details_new (GtkWindow        *parent,
                       const RlPanel    *panel,
                       const RlAnalysis *analysis,
                       guint             region)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (rl_panel_region_label (panel, region), NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *summary = summary_text (analysis, region);

  g_return_val_if_fail (region < rl_panel_n_regions (panel), NULL);

  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (title), summary);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), build_grid (panel, analysis, region));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), rl_panel_region_label (panel, region));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 560);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  return GTK_WINDOW (window);
}

void
rl_region_details_show (GtkWindow        *parent,
                        const RlPanel    *panel,
                        const RlAnalysis *analysis,
                        guint             region)
{
  GtkWindow *window = rl_region_details_new (parent, panel, analysis, region);

  if (window != NULL)
    gtk_window_present (window);
}
