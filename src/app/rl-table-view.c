/* rl-table-view.c — the table page: regions × indicators, cluster and rank
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over a GListStore of rows (one per frame row, values in
 * original units, copied from the analysis), sorted through the view's own
 * sorter and selected through a GtkMultiSelection kept in step with the
 * shared RlSelection both ways.
 */
#include "rl-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rl-chart.h"
#include "rl-error.h"
#include "rl-format.h"
#include "rl-table-view.h"

/* Fixed columns before the indicators. */
enum { COLUMN_REGION, COLUMN_CLUSTER, COLUMN_RANK, N_FIXED_COLUMNS };

/* ---- one row ---- */

#define RL_TYPE_TABLE_ROW (rl_table_row_get_type ())
G_DECLARE_FINAL_TYPE (RlTableRow, rl_table_row, RL, TABLE_ROW, GObject)

struct _RlTableRow
{
  GObject  parent_instance;
  guint    region;
  char    *label;
  int      cluster;  /* 1-based; 0 = none */
  guint    rank;     /* 0 = not rated */
  double  *values;
  guint    n_values;
};

G_DEFINE_FINAL_TYPE (RlTableRow, rl_table_row, G_TYPE_OBJECT)

/* "changed": the row's values were replaced in place (cells show them again). */
static guint row_changed_signal;

static void
rl_table_row_finalize (GObject *object)
{
  RlTableRow *row = RL_TABLE_ROW (object);

  g_free (row->label);
  g_free (row->values);
  G_OBJECT_CLASS (rl_table_row_parent_class)->finalize (object);
}

static void
rl_table_row_class_init (RlTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rl_table_row_finalize;
  row_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* Takes @other's values (same region), and says so. */
/* Takes @other's values; returns whether any differed. */
static gboolean
rl_table_row_update (RlTableRow *row,
                     RlTableRow *other)
{
  if (row->cluster == other->cluster && row->rank == other->rank
      && row->n_values == other->n_values
      && (row->n_values == 0
          || memcmp (row->values, other->values, row->n_values * sizeof *row->values) == 0))
    return FALSE;
  row->cluster = other->cluster;
  row->rank = other->rank;
  g_free (row->values);
  row->values = g_steal_pointer (&other->values);
  row->n_values = other->n_values;
  g_signal_emit (row, row_changed_signal, 0);
  return TRUE;
}

static void
rl_table_row_init (RlTableRow *row)
{
}

/* The numeric value of @row in @column; NaN when there is none. */
static double
row_number (const RlTableRow *row,
            guint             column)
{
  if (column == COLUMN_CLUSTER)
    return row->cluster > 0 ? row->cluster : NAN;
  if (column == COLUMN_RANK)
    return row->rank > 0 ? row->rank : NAN;
  if (column >= N_FIXED_COLUMNS && column - N_FIXED_COLUMNS < row->n_values)
    return row->values[column - N_FIXED_COLUMNS];
  return NAN;
}

static char *
row_text (const RlTableRow *row,
          guint             column)
{
  double v;

  if (column == COLUMN_REGION)
    return g_strdup (row->label);
  v = row_number (row, column);
  if (isnan (v))
    return g_strdup ("");
  if (column < N_FIXED_COLUMNS)
    return g_strdup_printf ("%.0f", v);
  return rl_format_value (v);
}

/* ---- the view ---- */

struct _RlTableView
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GListStore         *store;
  GtkSortListModel   *sorted;
  GtkMultiSelection  *selection_model;
  RlSelection        *selection;
  GPtrArray          *titles;   /* of char*: every column's header */
  GPtrArray          *pending_rows;    /* of RlTableRow, to show when mapped; NULL = none */
  GPtrArray          *pending_titles;  /* their columns; NULL = no analysis */
  guint               syncing;
};

G_DEFINE_FINAL_TYPE (RlTableView, rl_table_view, GTK_TYPE_WIDGET)

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const RlTableRow *ra = a, *rb = b;
  guint column = GPOINTER_TO_UINT (data);
  double va, vb;

  if (column == COLUMN_REGION)
    return g_utf8_collate (ra->label, rb->label);
  va = row_number (ra, column);
  vb = row_number (rb, column);
  /* Rows without a value sort last. */
  if (isnan (va) || isnan (vb))
    return isnan (va) - isnan (vb);
  return (va > vb) - (va < vb);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_REGION ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column != COLUMN_REGION)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
show_cell (GtkListItem *item)
{
  RlTableRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "rl-column"));
  g_autofree char *text = row_text (row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  gulong handler;

  g_object_set_data (G_OBJECT (item), "rl-column", data);
  show_cell (item);
  handler = g_signal_connect_swapped (gtk_list_item_get_item (item), "changed",
                                      G_CALLBACK (show_cell), item);
  g_object_set_data (G_OBJECT (item), "rl-handler", GSIZE_TO_POINTER (handler));
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "rl-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  g_object_set_data (G_OBJECT (item), "rl-handler", NULL);
}

static void
remove_columns (RlTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->titles, 0);
}

static void
add_column (RlTableView *self,
            const char  *title,
            guint        index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkCustomSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (index));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  sorter = gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (index), NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* Indicator names are long: fixed widths keep the numbers in sight, and
   * a column can be widened by dragging its edge. */
  if (index == COLUMN_REGION)
    gtk_column_view_column_set_fixed_width (column, 280);
  else if (index < N_FIXED_COLUMNS)
    gtk_column_view_column_set_fixed_width (column, 110);
  else
    gtk_column_view_column_set_fixed_width (column, 170);
  gtk_column_view_append_column (self->column_view, column);
  g_ptr_array_add (self->titles, g_strdup (title));
}

/* Scrolls so that the row at @position is in sight. */
static void
scroll_to_row (RlTableView *self,
               guint        position)
{
  /* GTK 4.8's column view has no scroll call: its list view has the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* RlSelection → the view's selection. */
static void
sync_from_selection (RlTableView *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RlTableRow) row = g_list_model_get_item (model, i);
      if (rl_selection_contains (self->selection, row->region))
        gtk_bitset_add (selected, i);
    }
  self->syncing++;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection_model), selected, mask);
  self->syncing--;
}

/* The view's selection → RlSelection. */
static void
on_selection_model_changed_cb (GtkSelectionModel *model,
                               guint              position,
                               guint              n_items,
                               RlTableView       *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkBitsetIter iter;
  guint i;

  if (self->syncing > 0)
    return;
  selected = gtk_selection_model_get_selection (model);
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &i); ok;
       ok = gtk_bitset_iter_next (&iter, &i))
    {
      g_autoptr(RlTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_array_append_val (regions, row->region);
    }
  self->syncing++;
  rl_selection_set_many (self->selection, (const guint *) regions->data, regions->len, FALSE);
  self->syncing--;
}

static void
on_selection_changed_cb (RlTableView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->syncing > 0)
    return;
  sync_from_selection (self);
  /* A selection made in another view is brought into sight. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection_model));
  if (!gtk_bitset_is_empty (selected) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_row (self, gtk_bitset_get_minimum (selected));
}

static void
on_sorted_items_changed_cb (RlTableView *self)
{
  /* A new order moves rows under the selection: put it back. */
  sync_from_selection (self);
}

static RlTableRow *
row_new (const RlPanel    *panel,
         const RlAnalysis *analysis,
         guint             i)
{
  const RlFrame *frame = analysis->frame;
  RlTableRow *row = g_object_new (RL_TYPE_TABLE_ROW, NULL);

  row->region = frame->rows[i];
  row->label = g_strdup (rl_panel_region_label (panel, row->region));
  row->cluster = analysis->clustering != NULL ? (int) analysis->clustering->labels[i] + 1 : 0;
  row->rank = analysis->rating != NULL ? analysis->rating->rank[i] : 0;
  row->n_values = frame->d;
  row->values = g_new (double, frame->d);
  for (guint j = 0; j < frame->d; j++)
    row->values[j] = gsl_matrix_get (frame->raw, i, j);
  return row;
}

static char *
column_title (const RlIndicator *ind,
              const char        *lang)
{
  const char *name = rl_indicator_label (ind, lang);

  if (ind->unit != NULL && *ind->unit)
    return g_strdup_printf ("%s, %s", name, rl_chart_unit_label (ind->unit));
  return g_strdup (name);
}

static GPtrArray *
titles_of (const RlPanel    *panel,
           const RlAnalysis *analysis)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (titles, g_strdup (_("Region")));
  g_ptr_array_add (titles, g_strdup (_("Cluster")));
  g_ptr_array_add (titles, g_strdup (_("Need Rank")));
  for (guint j = 0; j < analysis->frame->d; j++)
    g_ptr_array_add (titles, column_title (rl_panel_indicator (panel, analysis->frame->columns[j]),
                                                rl_panel_get_language (panel)));
  return titles;
}

static gboolean
same_titles (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Columns are rebuilt only when the indicators change: a new analysis of
 * the same indicators only replaces the rows. The model is detached while
 * columns change, so no cell is made for a column about to go. */
static void
set_columns (RlTableView *self,
             GPtrArray   *titles)
{
  if (titles != NULL && same_titles (titles, self->titles))
    return;
  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self);
  for (guint c = 0; titles != NULL && c < titles->len; c++)
    add_column (self, g_ptr_array_index (titles, c), c);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection_model));
}

/* Whether the waiting rows are the regions shown, in the same order. */
static gboolean
same_regions (RlTableView *self)
{
  GListModel *model = G_LIST_MODEL (self->store);

  if (g_list_model_get_n_items (model) != self->pending_rows->len || self->pending_rows->len == 0)
    return FALSE;
  for (guint i = 0; i < self->pending_rows->len; i++)
    {
      g_autoptr(RlTableRow) row = g_list_model_get_item (model, i);
      RlTableRow *other = g_ptr_array_index (self->pending_rows, i);

      if (row->region != other->region)
        return FALSE;
    }
  return TRUE;
}

/* Shows the rows and columns waiting since the last rl_table_view_set_analysis(). */
static void
apply_pending (RlTableView *self)
{
  if (self->pending_rows == NULL)
    return;
  self->syncing++;
  set_columns (self, self->pending_titles);
  if (same_regions (self))
    {
      /* The same rows with new values: update them in place and sort again,
       * rather than make every cell anew; nothing at all when no value changed. */
      gboolean changed = FALSE;

      for (guint i = 0; i < self->pending_rows->len; i++)
        {
          g_autoptr(RlTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
          changed |= rl_table_row_update (row, g_ptr_array_index (self->pending_rows, i));
        }
      if (changed)
        gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view),
                            GTK_SORTER_CHANGE_DIFFERENT);
    }
  else
    g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                         self->pending_rows->pdata, self->pending_rows->len);
  self->syncing--;
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending_titles, g_ptr_array_unref);
  sync_from_selection (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

static void
on_map_cb (RlTableView *self)
{
  apply_pending (self);
}

/* Making hundreds of cells costs a few hundred milliseconds: a table that
 * is not on screen keeps the new rows aside until it is mapped. */
void
rl_table_view_set_analysis (RlTableView      *self,
                            const RlPanel    *panel,
                            const RlAnalysis *analysis)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean empty = panel == NULL || analysis == NULL || analysis->frame == NULL;

  g_return_if_fail (RL_IS_TABLE_VIEW (self));

  g_clear_pointer (&self->pending_titles, g_ptr_array_unref);
  if (!empty)
    {
      self->pending_titles = titles_of (panel, analysis);
      for (guint i = 0; i < analysis->frame->n; i++)
        g_ptr_array_add (rows, row_new (panel, analysis, i));
    }
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  self->pending_rows = g_steal_pointer (&rows);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    apply_pending (self);
}

guint
rl_table_view_get_n_rows (RlTableView *self)
{
  g_return_val_if_fail (RL_IS_TABLE_VIEW (self), 0);
  if (self->pending_rows != NULL)
    return self->pending_rows->len;
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

void
rl_table_view_sort_by (RlTableView *self,
                       guint        column,
                       GtkSortType  order)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_if_fail (RL_IS_TABLE_VIEW (self));
  apply_pending (self);
  col = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  if (col != NULL)
    gtk_column_view_sort_by_column (self->column_view, col, order);
}

int
rl_table_view_get_region (RlTableView *self,
                          guint        position)
{
  g_autoptr(RlTableRow) row = NULL;

  g_return_val_if_fail (RL_IS_TABLE_VIEW (self), -1);
  apply_pending (self);
  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return row != NULL ? (int) row->region : -1;
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\n\r") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
rl_table_view_to_csv (RlTableView *self)
{
  GListModel *model;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RL_IS_TABLE_VIEW (self), NULL);
  apply_pending (self);
  model = G_LIST_MODEL (self->sorted);
  for (guint c = 0; c < self->titles->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, g_ptr_array_index (self->titles, c));
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RlTableRow) row = g_list_model_get_item (model, i);

      for (guint c = 0; c < self->titles->len; c++)
        {
          g_autofree char *text = NULL;

          if (c > 0)
            g_string_append_c (out, ',');
          /* Full precision in the file, not the rounded display. */
          if (c >= N_FIXED_COLUMNS && !isnan (row_number (row, c)))
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              text = g_strdup (g_ascii_dtostr (buf, sizeof buf, row_number (row, c)));
            }
          else
            text = row_text (row, c);
          append_csv_field (out, text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

gboolean
rl_table_view_write_csv (RlTableView  *self,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (RL_IS_TABLE_VIEW (self), FALSE);
  csv = rl_table_view_to_csv (self);
  if (!g_file_set_contents (path, csv, -1, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, _("Cannot write the table to %s: %s"),
                   path, local->message);
      return FALSE;
    }
  return TRUE;
}

static void
rl_table_view_dispose (GObject *object)
{
  RlTableView *self = RL_TABLE_VIEW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection_model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending_titles, g_ptr_array_unref);
  G_OBJECT_CLASS (rl_table_view_parent_class)->dispose (object);
}

static void
rl_table_view_class_init (RlTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rl_table_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rl_table_view_init (RlTableView *self)
{
  self->titles = g_ptr_array_new_with_free_func (g_free);
  self->store = g_list_store_new (RL_TYPE_TABLE_ROW);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->store),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection_model = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection_model));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Regions with their cluster, need rank and indicators"), -1);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->column_view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  g_signal_connect (self->selection_model, "selection-changed",
                    G_CALLBACK (on_selection_model_changed_cb), self);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_sorted_items_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
rl_table_view_new (RlSelection *selection)
{
  RlTableView *self;

  g_return_val_if_fail (RL_IS_SELECTION (selection), NULL);
  self = g_object_new (RL_TYPE_TABLE_VIEW, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed_cb), self);
  return GTK_WIDGET (self);
}
