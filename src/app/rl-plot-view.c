/* rl-plot-view.c — the Plots view: a chart chooser and the chart of the analysis
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rl-plot-view.h"

/* A press that moves less than this many pixels is a click, not a band. */
#define RL_PLOT_DRAG_THRESHOLD 4.0

/* The per-chart options: an indicator of the analysis frame each. */
typedef enum
{
  OPTION_X,        /* scatter */
  OPTION_Y,
  OPTION_GROUPED,  /* grouping: the indicator grouped into intervals */
  OPTION_TARGET,   /* grouping: the indicator averaged per group (η) */
  N_OPTIONS
} Option;

/* The default of each option: the first indicator of this polarity, else the
 * frame's indicator at this position. */
static const struct
{
  RlPolarity  polarity;
  guint       fallback;
  const char *box;
  const char *dropdown;
} options[N_OPTIONS] = {
  [OPTION_X]       = { RL_POLARITY_POSITIVE, 0, "x_box", "x_dropdown" },
  [OPTION_Y]       = { RL_POLARITY_NEGATIVE, 1, "y_box", "y_dropdown" },
  [OPTION_GROUPED] = { RL_POLARITY_NEGATIVE, 0, "grouped_box", "grouped_dropdown" },
  [OPTION_TARGET]  = { RL_POLARITY_POSITIVE, 1, "target_box", "target_dropdown" },
};

struct _RlPlotView
{
  GtkWidget         parent_instance;

  /* template children */
  GtkDropDown      *chart_dropdown;
  GtkWidget        *option_boxes[N_OPTIONS];
  GtkDropDown      *option_dropdowns[N_OPTIONS];
  GtkStack         *stack;
  GtkDrawingArea   *canvas;
  AdwStatusPage    *status_page;

  RlSelection      *selection;
  const RlPanel    *panel;
  const RlAnalysis *analysis;
  RlChartPlan      *plan;
  RlChartStyle      style;
  char             *message;

  /* indicator ids of the analysis frame, in the order of the dropdowns */
  GStrv             feature_ids;
  GtkStringList    *feature_names; /* their names, the option lists' model */
  gboolean          lists_pending; /* the lists show older features until mapped */
  char             *option_ids[N_OPTIONS];
  gboolean          updating;

  /* the rubber band, in canvas coordinates */
  gboolean          banding;
  double            band_x0, band_y0, band_x1, band_y1;
};

G_DEFINE_FINAL_TYPE (RlPlotView, rl_plot_view, GTK_TYPE_WIDGET)

/* The charts of the chooser, in its order. */
static const struct
{
  RlChartKind  kind;
  const char  *title;
} charts[] = {
  { RL_CHART_KIND_SCATTER,     N_("Scatter of Two Indicators") },
  { RL_CHART_KIND_PCA,         N_("Principal Components") },
  { RL_CHART_KIND_ELBOW,       N_("Elbow: Inertia and fₖ") },
  { RL_CHART_KIND_GROWTH,      N_("Growth Ratio f(k+1)/f(k)") },
  { RL_CHART_KIND_BIC,         N_("BIC and AIC of Gaussian Mixtures") },
  { RL_CHART_KIND_SILHOUETTE,  N_("Silhouette") },
  { RL_CHART_KIND_DENDROGRAM,  N_("Dendrogram") },
  { RL_CHART_KIND_HEATMAP,     N_("Correlation Heatmap") },
  { RL_CHART_KIND_RATING,      N_("Need Rating with Uncertainty") },
  { RL_CHART_KIND_CONVERGENCE, N_("Convergence of the Evolutionary Method") },
  { RL_CHART_KIND_GROUPING,    N_("Grouping Histogram with η") },
};

static void
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
kind_has_band (RlChartKind kind)
{
  return kind == RL_CHART_KIND_SCATTER || kind == RL_CHART_KIND_PCA;
}

static guint
chart_position (RlChartKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (charts[i].kind == kind)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
show_message (RlPlotView *self,
              const char *title,
              const char *description)
{
  g_free (self->message);
  self->message = g_strdup (description ? description : title);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
push_selection (RlPlotView *self)
{
  g_autoptr(GArray) regions = NULL;

  if (self->plan == NULL)
    return;
  regions = rl_selection_get_regions (self->selection);
  rl_chart_plan_set_selected (self->plan, (const guint *) regions->data, regions->len);
}

static void
rebuild_plan (RlPlotView *self)
{
  RlChartRequest request;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->plan, rl_chart_plan_free);
  g_clear_pointer (&self->message, g_free);
  self->banding = FALSE;
  if (self->panel == NULL || self->analysis == NULL)
    {
      show_message (self, _("No Analysis Yet"),
                    _("Open a panel and choose indicators: the charts of the analysis show here."));
      return;
    }
  rl_chart_request_init (&request);
  request.kind = rl_plot_view_get_kind (self);
  if (request.kind == RL_CHART_KIND_SCATTER)
    {
      request.x_feature = self->option_ids[OPTION_X];
      request.y_feature = self->option_ids[OPTION_Y];
    }
  else if (request.kind == RL_CHART_KIND_GROUPING)
    {
      request.feature = self->option_ids[OPTION_GROUPED];
      request.y_feature = self->option_ids[OPTION_TARGET];
    }
  self->plan = rl_chart_plan_new (self->panel, self->analysis, &request, &error);
  if (self->plan == NULL)
    {
      show_message (self, _("Chart Unavailable"), error ? error->message : NULL);
      return;
    }
  push_selection (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(charts[chart_position (request.kind)].title), -1);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
update_option_boxes (RlPlotView *self)
{
  RlChartKind kind = rl_plot_view_get_kind (self);
  gboolean scatter = kind == RL_CHART_KIND_SCATTER;
  gboolean has_features = self->feature_ids != NULL && self->feature_ids[0] != NULL;

  gboolean grouping = kind == RL_CHART_KIND_GROUPING;

  gtk_widget_set_visible (self->option_boxes[OPTION_X], scatter && has_features);
  gtk_widget_set_visible (self->option_boxes[OPTION_Y], scatter && has_features);
  gtk_widget_set_visible (self->option_boxes[OPTION_GROUPED], grouping && has_features);
  gtk_widget_set_visible (self->option_boxes[OPTION_TARGET], grouping && has_features);
}

static const char *
feature_at (RlPlotView *self,
            guint       position)
{
  if (self->feature_ids == NULL || position >= g_strv_length (self->feature_ids))
    return NULL;
  return self->feature_ids[position];
}

static guint
feature_position (RlPlotView *self,
                  const char *id)
{
  for (guint i = 0; id != NULL && self->feature_ids != NULL && self->feature_ids[i]; i++)
    if (g_str_equal (self->feature_ids[i], id))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static const char *
default_feature (RlPlotView *self,
                 Option      option)
{
  const RlFrame *frame = self->analysis->frame;

  for (guint j = 0; j < frame->d; j++)
    {
      RlIndicator *indicator = rl_panel_indicator (self->panel, frame->columns[j]);

      if (indicator != NULL && indicator->polarity == options[option].polarity)
        return frame->features[j];
    }
  return feature_at (self, MIN (options[option].fallback, frame->d - 1));
}

/* The frame's indicators by their names, keeping the chosen ones when they remain. */
/* Whether @names and @ids are the features known already. */
static gboolean
same_feature_lists (RlPlotView    *self,
                    GtkStringList *names,
                    GStrv          ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));

  if (self->feature_names == NULL
      || g_list_model_get_n_items (G_LIST_MODEL (self->feature_names)) != n
      || (ids == NULL) != (self->feature_ids == NULL)
      || (ids != NULL && !g_strv_equal ((const char *const *) ids,
                                        (const char *const *) self->feature_ids)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->feature_names, i),
                   gtk_string_list_get_string (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Puts the features into the option drop-downs, the chosen ones selected.
 * A new model rebuilds a drop-down's list and resizes it (60 ms for the
 * four of them with the demo's indicators), so it waits until the view is
 * on screen: a result arriving while another page shows costs nothing. */
static void
show_feature_lists (RlPlotView *self)
{
  self->updating = TRUE;
  for (Option o = 0; o < N_OPTIONS; o++)
    {
      if (self->lists_pending)
        gtk_drop_down_set_model (self->option_dropdowns[o], G_LIST_MODEL (self->feature_names));
      gtk_drop_down_set_selected (self->option_dropdowns[o],
                                  feature_position (self, self->option_ids[o]));
    }
  self->lists_pending = FALSE;
  self->updating = FALSE;
}

static void
fill_feature_lists (RlPlotView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const RlFrame *frame = self->analysis ? self->analysis->frame : NULL;
  g_auto(GStrv) ids = NULL;

  if (frame != NULL && self->panel != NULL)
    {
      ids = g_strdupv (frame->features);
      for (guint j = 0; j < frame->d; j++)
        gtk_string_list_append (names, rl_panel_indicator_label (self->panel, frame->columns[j]));
    }
  if (!same_feature_lists (self, names, ids))
    {
      g_set_object (&self->feature_names, names);
      g_strfreev (self->feature_ids);
      self->feature_ids = g_steal_pointer (&ids);
      self->lists_pending = TRUE;
    }
  for (Option o = 0; o < N_OPTIONS; o++)
    if (self->feature_ids != NULL && self->feature_ids[0] != NULL
        && feature_position (self, self->option_ids[o]) == GTK_INVALID_LIST_POSITION)
      set_str (&self->option_ids[o], default_feature (self, o));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || !self->lists_pending)
    show_feature_lists (self);
}

static void
on_map_cb (RlPlotView *self)
{
  if (self->lists_pending)
    show_feature_lists (self);
}

static void
on_chart_dropdown_notify_selected_cb (GtkDropDown *dropdown,
                                      GParamSpec  *pspec,
                                      RlPlotView  *self)
{
  if (self->updating)
    return;
  update_option_boxes (self);
  rebuild_plan (self);
}

static void
on_feature_dropdown_notify_selected_cb (GtkDropDown *dropdown,
                                        GParamSpec  *pspec,
                                        RlPlotView  *self)
{
  const char *id = feature_at (self, gtk_drop_down_get_selected (dropdown));

  if (self->updating || id == NULL)
    return;
  for (Option o = 0; o < N_OPTIONS; o++)
    if (dropdown == self->option_dropdowns[o])
      set_str (&self->option_ids[o], id);
  rebuild_plan (self);
}

static void
on_selection_changed_cb (RlSelection *selection,
                         RlPlotView  *self)
{
  push_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_style_manager_notify_dark_cb (AdwStyleManager *manager,
                                 GParamSpec      *pspec,
                                 RlPlotView      *self)
{
  rl_chart_style_init (&self->style, adw_style_manager_get_dark (manager));
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
draw_band (RlPlotView *self,
           cairo_t    *cr)
{
  double x = MIN (self->band_x0, self->band_x1);
  double y = MIN (self->band_y0, self->band_y1);

  cairo_rectangle (cr, x + 0.5, y + 0.5,
                   fabs (self->band_x1 - self->band_x0), fabs (self->band_y1 - self->band_y0));
  rl_chart_set_color (cr, rl_color_with_alpha (self->style.selection, 0.15));
  cairo_fill_preserve (cr);
  rl_chart_set_color (cr, self->style.selection);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
draw_canvas (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  RlPlotView *self = user_data;

  if (self->plan == NULL)
    {
      rl_chart_paint_background (cr, &self->style);
      return;
    }
  rl_chart_plan_draw (self->plan, cr, width, height, &self->style);
  if (self->banding)
    draw_band (self, cr);
}

static gboolean
on_canvas_query_tooltip_cb (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            RlPlotView *self)
{
  g_autofree char *text = NULL;
  int region;

  if (self->plan == NULL || keyboard || self->banding)
    return FALSE;
  region = rl_chart_plan_pick (self->plan, &self->style, gtk_widget_get_width (widget),
                               gtk_widget_get_height (widget), x, y);
  if (region < 0)
    return FALSE;
  text = rl_chart_plan_describe (self->plan, region);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_canvas_motion_cb (GtkEventControllerMotion *motion,
                     double                    x,
                     double                    y,
                     RlPlotView               *self)
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  int region = -1;

  if (self->plan != NULL && !self->banding)
    region = rl_chart_plan_pick (self->plan, &self->style, gtk_widget_get_width (canvas),
                                 gtk_widget_get_height (canvas), x, y);
  gtk_widget_set_cursor_from_name (canvas, region >= 0 ? "pointer" : NULL);
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  RlPlotView     *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  self->band_x0 = self->band_x1 = x;
  self->band_y0 = self->band_y1 = y;
  self->banding = FALSE;
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   RlPlotView     *self)
{
  if (self->plan == NULL || !kind_has_band (rl_chart_plan_kind (self->plan)))
    return;
  if (!self->banding && hypot (dx, dy) < RL_PLOT_DRAG_THRESHOLD)
    return;
  self->banding = TRUE;
  self->band_x1 = self->band_x0 + dx;
  self->band_y1 = self->band_y0 + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                RlPlotView     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->banding)
    {
      self->banding = FALSE;
      rl_plot_view_select_rect (self, self->band_x0, self->band_y0,
                                self->band_x0 + dx, self->band_y0 + dy, state);
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
    }
  else if (hypot (dx, dy) < RL_PLOT_DRAG_THRESHOLD)
    rl_plot_view_click (self, self->band_x0, self->band_y0, state);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RlPlotView *self = RL_PLOT_VIEW (widget);

  if (self->banding)
    {
      self->banding = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
      return;
    }
  rl_selection_clear (self->selection);
}

/* Ctrl+A: every region the analysis kept. */
static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RlPlotView *self = RL_PLOT_VIEW (widget);

  if (self->analysis == NULL || self->analysis->frame == NULL)
    return;
  rl_selection_set_many (self->selection, self->analysis->frame->rows, self->analysis->frame->n,
                         FALSE);
}

static void
fill_chart_list (RlPlotView *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    gtk_string_list_append (titles, _(charts[i].title));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->chart_dropdown, 0);
  self->updating = FALSE;
}

static void
on_label_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      /* as wide as the toolbar allows, down to 12 characters */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (string);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (ellipsize) ? text : NULL);
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* Long indicator names are cut short on the button, shown whole in the
 * list, and found by typing. */
static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = label_factory (FALSE);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                     NULL, "string");

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
}

static void
setup_gestures (RlPlotView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkWidget *canvas = GTK_WIDGET (self->canvas);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (canvas, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_canvas_motion_cb), self);
  gtk_widget_add_controller (canvas, motion);
  g_signal_connect (canvas, "query-tooltip", G_CALLBACK (on_canvas_query_tooltip_cb), self);
  gtk_drawing_area_set_draw_func (self->canvas, draw_canvas, self, NULL);
}

static void
rl_plot_view_dispose (GObject *object)
{
  RlPlotView *self = RL_PLOT_VIEW (object);
  GtkWidget *child;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->plan, rl_chart_plan_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RL_TYPE_PLOT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (rl_plot_view_parent_class)->dispose (object);
}

static void
rl_plot_view_finalize (GObject *object)
{
  RlPlotView *self = RL_PLOT_VIEW (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->feature_ids, g_strfreev);
  g_clear_object (&self->feature_names);
  for (Option o = 0; o < N_OPTIONS; o++)
    g_clear_pointer (&self->option_ids[o], g_free);
  G_OBJECT_CLASS (rl_plot_view_parent_class)->finalize (object);
}

static void
rl_plot_view_class_init (RlPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rl_plot_view_dispose;
  object_class->finalize = rl_plot_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regionlab/RegionLab/ui/rl-plot-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RlPlotView, chart_dropdown);
  for (Option o = 0; o < N_OPTIONS; o++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, options[o].box, FALSE,
                                                 G_STRUCT_OFFSET (RlPlotView, option_boxes[o]));
      gtk_widget_class_bind_template_child_full (widget_class, options[o].dropdown, FALSE,
                                                 G_STRUCT_OFFSET (RlPlotView, option_dropdowns[o]));
    }
  gtk_widget_class_bind_template_child (widget_class, RlPlotView, stack);
  gtk_widget_class_bind_template_child (widget_class, RlPlotView, canvas);
  gtk_widget_class_bind_template_child (widget_class, RlPlotView, status_page);

  gtk_widget_class_install_action (widget_class, "plot.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "plot.clear-selection", NULL);
  gtk_widget_class_install_action (widget_class, "plot.select-all", NULL, select_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "plot.select-all", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plotview");
}

static void
rl_plot_view_init (RlPlotView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rl_chart_style_init (&self->style, adw_style_manager_get_dark (manager));
  g_signal_connect (manager, "notify::dark", G_CALLBACK (on_style_manager_notify_dark_cb), self);
  setup_dropdown (self->chart_dropdown);
  for (Option o = 0; o < N_OPTIONS; o++)
    setup_dropdown (self->option_dropdowns[o]);
  gtk_drop_down_set_enable_search (self->chart_dropdown, FALSE);
  fill_chart_list (self);
  setup_gestures (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (self->chart_dropdown, "notify::selected",
                    G_CALLBACK (on_chart_dropdown_notify_selected_cb), self);
  for (Option o = 0; o < N_OPTIONS; o++)
    g_signal_connect (self->option_dropdowns[o], "notify::selected",
                      G_CALLBACK (on_feature_dropdown_notify_selected_cb), self);
  update_option_boxes (self);
  rebuild_plan (self);
}

GtkWidget *
rl_plot_view_new (RlSelection *selection)
{
  RlPlotView *self;

  g_return_val_if_fail (RL_IS_SELECTION (selection), NULL);

  self = g_object_new (RL_TYPE_PLOT_VIEW, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect (selection, "changed", G_CALLBACK (on_selection_changed_cb), self);
  return GTK_WIDGET (self);
}

void
rl_plot_view_set_analysis (RlPlotView       *view,
                           const RlPanel    *panel,
                           const RlAnalysis *analysis)
{
  g_return_if_fail (RL_IS_PLOT_VIEW (view));

  /* The plan points into the old panel and analysis: drop it first. */
  g_clear_pointer (&view->plan, rl_chart_plan_free);
  view->panel = analysis != NULL ? panel : NULL;
  view->analysis = panel != NULL ? analysis : NULL;
  fill_feature_lists (view);
  update_option_boxes (view);
  rebuild_plan (view);
}

RlChartPlan *
rl_plot_view_get_plan (RlPlotView *view)
{
  g_return_val_if_fail (RL_IS_PLOT_VIEW (view), NULL);
  return view->plan;
}

RlChartKind
rl_plot_view_get_kind (RlPlotView *view)
{
  guint position;

  g_return_val_if_fail (RL_IS_PLOT_VIEW (view), RL_CHART_KIND_SCATTER);
  position = gtk_drop_down_get_selected (view->chart_dropdown);
  return position < G_N_ELEMENTS (charts) ? charts[position].kind : RL_CHART_KIND_SCATTER;
}

void
rl_plot_view_set_kind (RlPlotView  *view,
                       RlChartKind  kind)
{
  guint position = chart_position (kind);

  g_return_if_fail (RL_IS_PLOT_VIEW (view));
  g_return_if_fail (position != GTK_INVALID_LIST_POSITION);
  if (position == gtk_drop_down_get_selected (view->chart_dropdown))
    return;
  gtk_drop_down_set_selected (view->chart_dropdown, position);
}

void
rl_plot_view_set_features (RlPlotView *view,
                           const char *x_feature,
                           const char *y_feature,
                           const char *grouped_feature,
                           const char *target_feature)
{
  const char *ids[N_OPTIONS] = { x_feature, y_feature, grouped_feature, target_feature };

  g_return_if_fail (RL_IS_PLOT_VIEW (view));

  for (Option o = 0; o < N_OPTIONS; o++)
    set_str (&view->option_ids[o], ids[o]);
  if (!view->lists_pending)
    show_feature_lists (view);
  rebuild_plan (view);
}

const char *
rl_plot_view_get_message (RlPlotView *view)
{
  g_return_val_if_fail (RL_IS_PLOT_VIEW (view), NULL);
  return view->message;
}

const RlChartStyle *
rl_plot_view_get_style (RlPlotView *view)
{
  g_return_val_if_fail (RL_IS_PLOT_VIEW (view), NULL);
  return &view->style;
}

void
rl_plot_view_click (RlPlotView      *view,
                    double           x,
                    double           y,
                    GdkModifierType  modifiers)
{
  GtkWidget *canvas;
  int region;

  g_return_if_fail (RL_IS_PLOT_VIEW (view));
  if (view->plan == NULL)
    return;
  canvas = GTK_WIDGET (view->canvas);
  region = rl_chart_plan_pick (view->plan, &view->style, gtk_widget_get_width (canvas),
                               gtk_widget_get_height (canvas), x, y);
  if (region >= 0 && (modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    rl_selection_toggle (view->selection, region);
  else if (region >= 0)
    rl_selection_set_only (view->selection, region);
  else if (!(modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    rl_selection_clear (view->selection);
}

void
rl_plot_view_select_rect (RlPlotView      *view,
                          double           x0,
                          double           y0,
                          double           x1,
                          double           y1,
                          GdkModifierType  modifiers)
{
  GtkWidget *canvas;
  g_autoptr(GArray) regions = NULL;

  g_return_if_fail (RL_IS_PLOT_VIEW (view));
  if (view->plan == NULL || !kind_has_band (rl_chart_plan_kind (view->plan)))
    return;
  canvas = GTK_WIDGET (view->canvas);
  regions = rl_chart_plan_regions_in_rect (view->plan, &view->style, gtk_widget_get_width (canvas),
                                           gtk_widget_get_height (canvas),
                                           MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1));
  rl_selection_set_many (view->selection, (const guint *) regions->data, regions->len,
                         (modifiers & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
}

GtkWidget *
rl_plot_view_get_canvas (RlPlotView *view)
{
  g_return_val_if_fail (RL_IS_PLOT_VIEW (view), NULL);
  return GTK_WIDGET (view->canvas);
}
