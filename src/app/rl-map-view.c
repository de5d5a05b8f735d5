/* rl-map-view.c — the map page: regions tinted on a libshumate map
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ShumateMap whose viewport takes its reference from an offline plain
 * source; above it, OpenStreetMap tiles when the user turns them on, and one
 * RlRegionLayer with every polygon. The fills and the legend come from an
 * RlMapPaint, hover texts and export from a map RlChartPlan, both built from
 * the analysis shown.
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rl-application.h"
#include "rl-data.h"
#include "rl-error.h"
#include "rl-gazetteer.h"
#include "rl-map-view.h"
#include "rl-plain-map-source.h"
#include "rl-region-details.h"
#include "rl-region-layer.h"

struct _RlMapWidget
{
  GtkWidget          parent_instance;

  /* template children */
  GtkOverlay        *overlay;
  GtkDropDown       *color_by;
  GtkDropDown       *indicator;
  GtkStringList     *indicator_list;
  GtkDropDown       *classes;
  GtkDrawingArea    *legend;
  GtkRevealer       *unmapped_revealer;
  GtkExpander       *unmapped_expander;
  GtkLabel          *unmapped_label;

  ShumateMap        *map;
  ShumateViewport   *viewport;
  RlPlainMapSource  *plain;
  ShumateMapLayer   *osm_layer;
  RlRegionLayer     *regions;
  GSettings         *settings;
  RlSelection       *selection;

  const RlPanel     *panel;
  const RlAnalysis  *analysis;
  const RlGeoLayer  *boundaries;       /* owned by the region layer */
  char              *boundaries_key;   /* "ru", "ua" or the user's file */
  gboolean           user_boundaries;
  char              *loading_key;      /* built-in boundaries being read, or NULL */
  GCancellable      *loading;
  RlMapPaint        *paint;
  RlChartPlan       *plan;
  RlChartStyle       chart_style;
  guint              updating;
  guint              fit_idle;
  gboolean           fitted;
};

G_DEFINE_FINAL_TYPE (RlMapWidget, rl_map_widget, GTK_TYPE_WIDGET)

/* ---- boundaries ---- */

static const char *
panel_country (const RlPanel *panel)
{
  guint ua = 0, n = rl_panel_n_regions (panel);

  for (guint r = 0; r < n; r++)
    ua += g_str_has_prefix (rl_panel_region_code (panel, r), "UA-");
  return ua * 2 > n ? "ua" : "ru";
}

/* Gives every feature whose code is not a panel region the code of the
 * region its name matches (the panel's own labels, then the gazetteer). */
static void
match_features_by_name (RlGeoLayer    *layer,
                        const RlPanel *panel)
{
  g_autoptr(RlGazetteer) gazetteer = rl_gazetteer_load_builtin (panel_country (panel), NULL);

  for (guint f = 0; f < layer->n_features; f++)
    {
      RlGeoFeature *feature = &layer->features[f];
      const char *names[] = { feature->name,
                              g_hash_table_lookup (feature->properties, "name"),
                              g_hash_table_lookup (feature->properties, "name_ru"),
                              g_hash_table_lookup (feature->properties, "name_uk") };
      int region = *feature->code ? rl_panel_find_region (panel, feature->code) : -1;

      for (guint i = 0; region < 0 && i < G_N_ELEMENTS (names); i++)
        {
          if (names[i] == NULL || *names[i] == '\0')
            continue;
          region = rl_panel_find_region (panel, names[i]);
          if (region < 0 && gazetteer != NULL)
            {
              RlMatch match = rl_gazetteer_match (gazetteer, names[i]);
              if (rl_match_is_resolved (&match))
                region = rl_panel_find_region (panel, match.entry->code);
            }
        }
      if (region >= 0 && *rl_panel_region_code (panel, region))
        {
          g_free (feature->code);
          feature->code = g_strdup (rl_panel_region_code (panel, region));
        }
    }
}

static void
fit_view (RlMapWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  const RlGeoLayer *b = self->boundaries;
  double scale, lon, lat, zoom;

  if (b == NULL || b->n_features == 0 || width <= 0 || height <= 0)
    return;
  scale = MIN (width / MAX (b->x_max - b->x_min, 1e-9), height / MAX (b->y_max - b->y_min, 1e-9));
  zoom = CLAMP (log2 (scale * 0.92 / 256.0), 1.0, 12.0);
  rl_geo_unproject ((b->x_min + b->x_max) / 2, (b->y_min + b->y_max) / 2, &lon, &lat);
  shumate_viewport_set_zoom_level (self->viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), lat, lon);
  self->fitted = TRUE;
}

static gboolean
fit_idle_cb (gpointer data)
{
  RlMapWidget *self = data;

  self->fit_idle = 0;
  fit_view (self);
  return G_SOURCE_REMOVE;
}

static void
queue_fit (RlMapWidget *self)
{
  self->fitted = FALSE;
  if (self->fit_idle == 0)
    self->fit_idle = g_idle_add (fit_idle_cb, self);
}

static void
set_boundaries (RlMapWidget *self,
                RlGeoLayer  *layer,
                const char  *key,
                gboolean     user)
{
  /* The paint and plan point into the old layer: drop them first. */
  g_clear_pointer (&self->plan, rl_chart_plan_free);
  g_clear_pointer (&self->paint, rl_map_paint_free);
  /* The layer owns the boundaries: its drawings on worker threads keep them alive. */
  rl_region_layer_set_boundaries (self->regions, layer);
  self->boundaries = layer;
  g_free (self->boundaries_key);
  self->boundaries_key = g_strdup (key);
  self->user_boundaries = user;
  queue_fit (self);
}

static void update_paint (RlMapWidget *self);

static void
read_boundaries_thread (GTask        *task,
                        gpointer      source,
                        gpointer      path,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  RlGeoLayer *layer = rl_geo_layer_load (path, &error);

  if (layer != NULL)
    g_task_return_pointer (task, layer, (GDestroyNotify) rl_geo_layer_free);
  else
    g_task_return_error (task, error);
}

static void
on_boundaries_read_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RlMapWidget *self = RL_MAP_WIDGET (source);
  g_autofree char *key = user_data;
  g_autoptr(GError) error = NULL;
  RlGeoLayer *layer = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the widget is gone, or another country was asked for */
  g_clear_pointer (&self->loading_key, g_free);
  g_clear_object (&self->loading);
  if (self->user_boundaries)
    {
      g_clear_pointer (&layer, rl_geo_layer_free);
      return;
    }
  if (layer == NULL)
    g_warning ("No boundaries for %s: %s", key, error->message);
  set_boundaries (self, layer, key, FALSE);
  update_paint (self);
}

/* Reads the built-in boundaries of the panel's country on a worker thread
 * (tens of milliseconds of GeoJSON): the map shows them when they are in. */
static void
ensure_builtin_boundaries (RlMapWidget *self)
{
  const char *country = panel_country (self->panel);
  g_autofree char *relative = NULL;
  g_autoptr(GTask) task = NULL;
  char *path;

  if (self->user_boundaries || g_strcmp0 (self->boundaries_key, country) == 0
      || g_strcmp0 (self->loading_key, country) == 0)
    return;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_free (self->loading_key);
  self->loading_key = g_strdup (country);
  relative = g_strdup_printf ("boundaries/%s.geojson", country);
  path = rl_data_find (relative);
  if (path == NULL)
    {
      g_warning ("No boundaries for %s: not installed", country);
      g_clear_pointer (&self->loading_key, g_free);
      set_boundaries (self, NULL, country, FALSE);
      return;
    }
  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_boundaries_read_cb, g_strdup (country));
  g_task_set_source_tag (task, ensure_builtin_boundaries);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, read_boundaries_thread);
}

/* ---- tint, legend, selection ---- */

static void
update_highlights (RlMapWidget *self)
{
  g_autoptr(GArray) features = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) regions = rl_selection_get_regions (self->selection);

  if (self->paint != NULL)
    {
      for (guint f = 0; f < self->paint->n_fills; f++)
        {
          int region = self->paint->feature_region[f];
          if (region >= 0 && rl_selection_contains (self->selection, region))
            g_array_append_val (features, f);
        }
    }
  rl_region_layer_set_highlighted (self->regions, (const int *) features->data, features->len);
  if (self->plan != NULL)
    rl_chart_plan_set_selected (self->plan, (const guint *) regions->data, regions->len);
}

static void
legend_from_paint (const RlMapPaint *paint,
                   RlMapLegend      *legend)
{
  rl_map_legend_init (legend);
  legend->title = paint->legend_title;
  legend->colors = (const RlColor *) paint->legend_colors->data;
  legend->n = paint->legend_colors->len;
  legend->breaks = paint->legend_breaks;
  legend->labels = paint->legend_breaks == NULL ? (const char *const *) paint->legend_labels->pdata
                                                : NULL;
  legend->font = "Cantarell, Sans 10";
}

static void
legend_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  RlMapWidget *self = data;
  RlMapLegend legend;
  double w, h;

  if (self->paint == NULL || self->paint->legend_colors->len == 0)
    return;
  legend_from_paint (self->paint, &legend);
  if (self->chart_style.dark)
    {
      legend.text = (RlColor) { 0.95, 0.95, 0.95, 1.0 };
      legend.frame_fill = (RlColor) { 0.14, 0.14, 0.16, 0.88 };
    }
  rl_chart_map_draw_legend (cr, &legend, 0, 0, &w, &h);
}

static void
update_legend (RlMapWidget *self)
{
  RlMapLegend legend;
  cairo_t *cr;
  double w = 0, h = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->legend), self->paint != NULL);
  if (self->paint == NULL)
    return;
  legend_from_paint (self->paint, &legend);
  cr = rl_chart_scratch_context ();
  rl_chart_map_draw_legend (cr, &legend, 0, 0, &w, &h);
  cairo_destroy (cr);
  gtk_drawing_area_set_content_width (self->legend, (int) ceil (w));
  gtk_drawing_area_set_content_height (self->legend, (int) ceil (h));
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
}

static void
update_unmapped (RlMapWidget *self,
                 const char  *error_message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n = self->paint != NULL ? self->paint->unmapped->len : 0;

  if (error_message != NULL)
    {
      title = g_strdup (_("The map cannot be coloured"));
      g_string_append (text, error_message);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region has no polygon",
                                            "%u regions have no polygon", n), n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                                (const char *) g_ptr_array_index (self->paint->unmapped, i));
    }
  /* A new expander label is a new widget and a resize: only when it differs. */
  if (g_strcmp0 (gtk_expander_get_label (self->unmapped_expander), title) != 0)
    gtk_expander_set_label (self->unmapped_expander, title);
  if (g_strcmp0 (gtk_label_get_text (self->unmapped_label), text->str) != 0)
    gtk_label_set_text (self->unmapped_label, text->str);
  gtk_revealer_set_reveal_child (self->unmapped_revealer, error_message != NULL || n > 0);
}

static const char *
indicator_name (RlMapWidget *self,
                guint        column)
{
  return rl_panel_indicator_label (self->panel, self->analysis->frame->columns[column]);
}

/* Whether the list shows the names of @frame's columns already. */
static gboolean
same_indicator_list (RlMapWidget   *self,
                     const RlFrame *frame)
{
  guint n = frame != NULL ? frame->d : 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->indicator_list)) != n)
    return FALSE;
  for (guint j = 0; j < n; j++)
    if (g_strcmp0 (gtk_string_list_get_string (self->indicator_list, j),
                   indicator_name (self, j)) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_indicator_list (RlMapWidget *self)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->indicator_list));
  const RlFrame *frame = self->analysis != NULL ? self->analysis->frame : NULL;
  guint keep = gtk_drop_down_get_selected (self->indicator);

  /* Refilling resets the drop-down, which resizes it and lays the page out again. */
  if (same_indicator_list (self, frame))
    return;
  self->updating++;
  gtk_string_list_splice (self->indicator_list, 0, n_old, NULL);
  for (guint j = 0; frame != NULL && j < frame->d; j++)
    gtk_string_list_append (self->indicator_list, indicator_name (self, j));
  if (frame != NULL && keep < frame->d)
    gtk_drop_down_set_selected (self->indicator, keep);
  self->updating--;
}

static void
update_paint (RlMapWidget *self)
{
  static const RlClasses classes[] = { RL_CLASSES_QUANTILE, RL_CLASSES_EQUAL, RL_CLASSES_JENKS };
  g_autoptr(GError) error = NULL;
  RlChartRequest request;
  guint feature = gtk_drop_down_get_selected (self->indicator);
  gint64 t0, t1, t2, t3;

  g_clear_pointer (&self->plan, rl_chart_plan_free);
  g_clear_pointer (&self->paint, rl_map_paint_free);
  rl_chart_style_init (&self->chart_style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  if (self->panel == NULL || self->analysis == NULL || self->boundaries == NULL)
    {
      rl_region_layer_set_fills (self->regions, NULL, 0);
      update_legend (self);
      update_unmapped (self, NULL);
      return;
    }
  rl_chart_request_init (&request);
  request.kind = RL_CHART_KIND_MAP;
  request.color_by = gtk_drop_down_get_selected (self->color_by);
  request.classes = classes[MIN (gtk_drop_down_get_selected (self->classes), 2)];
  request.n_classes = 5;
  request.boundaries = self->boundaries;
  if (self->analysis->frame != NULL && feature < self->analysis->frame->d)
    request.feature = self->analysis->frame->features[feature];

  t0 = g_get_monotonic_time ();
  self->paint = rl_map_paint_new (self->panel, self->analysis, self->boundaries, &request,
                                  &self->chart_style, &error);
  t1 = g_get_monotonic_time ();
  if (self->paint != NULL)
    self->plan = rl_chart_plan_new (self->panel, self->analysis, &request, &error);
  t2 = g_get_monotonic_time ();
  rl_region_layer_set_fills (self->regions, self->paint ? self->paint->fills : NULL,
                             self->paint ? self->paint->n_fills : 0);
  update_highlights (self);
  t3 = g_get_monotonic_time ();
  update_legend (self);
  update_unmapped (self, error != NULL ? error->message : NULL);
  g_debug ("map: paint %.1f ms, plan %.1f ms, fills %.1f ms, legend %.1f ms",
           (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0,
           (g_get_monotonic_time () - t3) / 1000.0);
}

static void
update_layer_style (RlMapWidget *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  RlMapStyle style;
  GdkRGBA sea = dark ? (GdkRGBA) { 0.13, 0.15, 0.18, 1.0 } : (GdkRGBA) { 0.89, 0.92, 0.95, 1.0 };

  rl_map_style_init (&style);
  if (dark)
    {
      style.no_data = (RlColor) { 0.3, 0.3, 0.32, 1.0 };
      style.outline = (RlColor) { 0.12, 0.12, 0.14, 1.0 };
      style.highlight = (RlColor) { 1.0, 1.0, 1.0, 1.0 };
    }
  else
    style.outline = (RlColor) { 1.0, 1.0, 1.0, 1.0 };
  style.outline_width = 0.8;
  rl_plain_map_source_set_color (self->plain, &sea);
  if (dark)
    gtk_widget_add_css_class (GTK_WIDGET (self->map), "rl-map-dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->map), "rl-map-dark");
  rl_region_layer_set_style (self->regions, &style);
}

/* ---- events ---- */

static void
on_option_changed_cb (RlMapWidget *self)
{
  RlMapColorBy by = gtk_drop_down_get_selected (self->color_by);

  gtk_widget_set_visible (GTK_WIDGET (self->indicator), by == RL_MAP_COLOR_INDICATOR);
  gtk_widget_set_visible (GTK_WIDGET (self->classes), by == RL_MAP_COLOR_INDICATOR);
  if (self->updating == 0)
    update_paint (self);
}

static void
on_style_dark_changed_cb (RlMapWidget *self)
{
  update_layer_style (self);
  update_paint (self);
}

static void
on_selection_changed_cb (RlMapWidget *self)
{
  update_highlights (self);
}

static int
region_at (RlMapWidget *self,
           double       x,
           double       y)
{
  int feature;

  if (self->paint == NULL)
    return -1;
  feature = rl_region_layer_pick (self->regions, x, y);
  if (feature < 0 || (guint) feature >= self->paint->n_fills)
    return -1;
  return self->paint->feature_region[feature];
}

static gboolean
on_map_query_tooltip_cb (GtkWidget   *widget,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         RlMapWidget *self)
{
  int feature = keyboard ? -1 : rl_region_layer_pick (self->regions, x, y);
  int region = region_at (self, x, y);
  g_autofree char *text = NULL;

  if (feature < 0)
    return FALSE;
  if (region >= 0 && self->plan != NULL)
    text = rl_chart_plan_describe (self->plan, region);
  /* a region of the panel under its label (in the interface's language) */
  if (text == NULL)
    text = g_strdup_printf (_("%s\nNo data"), region >= 0 && self->panel != NULL
                                              ? rl_panel_region_label (self->panel, region)
                                              : self->boundaries->features[feature].name);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RlMapWidget     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  int region = region_at (self, x, y);

  if (region < 0)
    {
      if (!(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        rl_selection_clear (self->selection);
      return;
    }
  if (n_press >= 2)
    {
      rl_selection_set_only (self->selection, region);
      rl_map_widget_show_details (self, region);
    }
  else if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    rl_selection_toggle (self->selection, region);
  else
    rl_selection_set_only (self->selection, region);
}

static void
update_osm_layer (RlMapWidget *self)
{
  gboolean online = g_settings_get_boolean (self->settings, "online-tiles");

  if (online && self->osm_layer == NULL)
    {
      g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
      ShumateMapSource *osm = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);

      if (osm == NULL)
        return;
      self->osm_layer = shumate_map_layer_new (osm, self->viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->osm_layer),
                                       SHUMATE_LAYER (self->regions));
      gtk_widget_set_opacity (GTK_WIDGET (self->regions), 0.7);
    }
  else if (!online && self->osm_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->osm_layer));
      self->osm_layer = NULL;
      gtk_widget_set_opacity (GTK_WIDGET (self->regions), 1.0);
    }
}

static void
on_load_boundaries_response_cb (GtkNativeDialog *dialog,
                                int              response,
                                RlMapWidget     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !rl_map_widget_load_boundaries (self, path, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (root), _("Cannot Load Boundaries"),
                                                       error ? error->message : _("Only local files can be opened"));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (dialog);
}

static void
load_boundaries_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RlMapWidget *self = RL_MAP_WIDGET (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Load Boundaries"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GeoJSON (WGS84)"));
  gtk_file_filter_add_suffix (filter, "geojson");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_load_boundaries_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  fit_view (RL_MAP_WIDGET (widget));
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RlMapWidget *self = RL_MAP_WIDGET (widget);
  g_autoptr(GArray) regions = rl_selection_get_regions (self->selection);

  if (regions->len > 0)
    rl_map_widget_show_details (self, g_array_index (regions, guint, 0));
}

/* ---- life cycle ---- */

static void
on_label_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
    }
  gtk_list_item_set_child (item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  max_chars)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory_new (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind_cb), GINT_TO_POINTER (max_chars));
  return factory;
}

/* Long indicator names are cut short on the button, whole in the list. */
static void
shorten_indicator_button (RlMapWidget *self)
{
  g_autoptr(GtkListItemFactory) button = label_factory_new (28);
  g_autoptr(GtkListItemFactory) list = label_factory_new (0);

  gtk_drop_down_set_factory (self->indicator, button);
  gtk_drop_down_set_list_factory (self->indicator, list);
}

static void
build_map (RlMapWidget *self)
{
  g_autoptr(ShumateMapLayer) base = NULL;
  GtkGesture *click;

  self->map = shumate_map_new ();
  self->viewport = shumate_map_get_viewport (self->map);
  self->plain = rl_plain_map_source_new ();
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->plain));
  shumate_viewport_set_min_zoom_level (self->viewport, 1);
  shumate_viewport_set_max_zoom_level (self->viewport, 12);
  shumate_map_set_go_to_duration (self->map, 0);
  base = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->plain), self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (g_steal_pointer (&base)));
  self->regions = rl_region_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->regions));
  gtk_overlay_set_child (self->overlay, GTK_WIDGET (self->map));
  gtk_widget_add_css_class (GTK_WIDGET (self->map), "rl-map");
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map), TRUE);
  g_signal_connect (self->map, "query-tooltip", G_CALLBACK (on_map_query_tooltip_cb), self);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
}

static void
rl_map_widget_dispose (GObject *object)
{
  RlMapWidget *self = RL_MAP_WIDGET (object);
  GtkWidget *child;

  g_clear_handle_id (&self->fit_idle, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->plan, rl_chart_plan_free);
  g_clear_pointer (&self->paint, rl_map_paint_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RL_TYPE_MAP_WIDGET);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plain);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (rl_map_widget_parent_class)->dispose (object);
}

static void
rl_map_widget_finalize (GObject *object)
{
  RlMapWidget *self = RL_MAP_WIDGET (object);

  g_clear_pointer (&self->boundaries_key, g_free);
  g_clear_pointer (&self->loading_key, g_free);
  G_OBJECT_CLASS (rl_map_widget_parent_class)->finalize (object);
}

static void
rl_map_widget_class_init (RlMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rl_map_widget_dispose;
  object_class->finalize = rl_map_widget_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regionlab/RegionLab/ui/rl-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, overlay);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, color_by);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, indicator);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, classes);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, legend);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, unmapped_revealer);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, unmapped_expander);
  gtk_widget_class_bind_template_child (widget_class, RlMapWidget, unmapped_label);

  gtk_widget_class_install_action (widget_class, "map.load-boundaries", NULL, load_boundaries_action);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.details", NULL, details_action);
}

static void
rl_map_widget_init (RlMapWidget *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_map (self);
  shorten_indicator_button (self);
  gtk_drawing_area_set_draw_func (self->legend, legend_draw, self, NULL);
  self->settings = g_settings_new (RL_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::online-tiles",
                           G_CALLBACK (update_osm_layer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->color_by, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->indicator, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->classes, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  update_layer_style (self);
  update_osm_layer (self);
}

GtkWidget *
rl_map_widget_new (RlSelection *selection)
{
  RlMapWidget *self;

  g_return_val_if_fail (RL_IS_SELECTION (selection), NULL);

  self = g_object_new (RL_TYPE_MAP_WIDGET, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed_cb), self);
  return GTK_WIDGET (self);
}

void
rl_map_widget_set_analysis (RlMapWidget      *self,
                            const RlPanel    *panel,
                            const RlAnalysis *analysis)
{
  g_return_if_fail (RL_IS_MAP_WIDGET (self));

  /* The old plan and paint point into the old analysis. */
  g_clear_pointer (&self->plan, rl_chart_plan_free);
  g_clear_pointer (&self->paint, rl_map_paint_free);
  self->panel = panel;
  self->analysis = analysis;
  if (panel != NULL)
    ensure_builtin_boundaries (self);
  fill_indicator_list (self);
  update_paint (self);
}

void
rl_map_widget_set_color_by (RlMapWidget  *self,
                            RlMapColorBy  color_by)
{
  g_return_if_fail (RL_IS_MAP_WIDGET (self));
  gtk_drop_down_set_selected (self->color_by, color_by);
}

gboolean
rl_map_widget_load_boundaries (RlMapWidget  *self,
                               const char   *path,
                               GError      **error)
{
  RlGeoLayer *layer;

  g_return_val_if_fail (RL_IS_MAP_WIDGET (self), FALSE);

  layer = rl_geo_layer_load (path, error);
  if (layer == NULL)
    return FALSE;
  if (layer->n_features == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, _("%s has no polygons"), path);
      rl_geo_layer_free (layer);
      return FALSE;
    }
  if (self->panel != NULL)
    match_features_by_name (layer, self->panel);
  set_boundaries (self, layer, path, TRUE);
  update_paint (self);
  return TRUE;
}

const RlChartPlan *
rl_map_widget_get_plan (RlMapWidget *self)
{
  g_return_val_if_fail (RL_IS_MAP_WIDGET (self), NULL);
  return self->plan;
}

const RlMapPaint *
rl_map_widget_get_paint (RlMapWidget *self)
{
  g_return_val_if_fail (RL_IS_MAP_WIDGET (self), NULL);
  return self->paint;
}

gboolean
rl_map_widget_is_current (RlMapWidget *self)
{
  g_return_val_if_fail (RL_IS_MAP_WIDGET (self), FALSE);
  return rl_region_layer_is_current (self->regions);
}

void
rl_map_widget_show_details (RlMapWidget *self,
                            guint        region)
{
  GtkRoot *root;

  g_return_if_fail (RL_IS_MAP_WIDGET (self));
  if (self->panel == NULL || region >= rl_panel_n_regions (self->panel))
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  rl_region_details_show (GTK_WINDOW (root), self->panel, self->analysis, region);
}
