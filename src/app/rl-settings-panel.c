/* rl-settings-panel.c — the side panel of analysis settings
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Static groups come from ui/rl-settings-panel.ui; one row per indicator of
 * the panel is built here (a check to cluster it, a drop-down for its
 * polarity). Every change the user makes emits "changed" once.
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rl-chart.h"
#include "rl-hclust.h"
#include "rl-settings-panel.h"

/* Positions in the polarity drop-down. */
enum { POLARITY_MORE_NEED, POLARITY_LESS_NEED, POLARITY_NOT_RATED };

/* An indicator's choices; its widgets come later (see add_rows_cb). */
typedef struct
{
  RlSettingsPanel *panel;
  char            *id;
  char            *name;
  char            *unit;       /* translated, or NULL */
  gboolean         active;
  RlPolarity       polarity;
  GtkWidget       *row;        /* NULL until built */
} IndicatorRow;

struct _RlSettingsPanel
{
  GtkBox               parent_instance;

  /* template children */
  AdwComboRow         *year_row;
  GtkStringList       *year_list;
  AdwComboRow         *missing_row;
  GtkSwitch           *log_switch;
  AdwComboRow         *scale_row;
  AdwComboRow         *method_row;
  AdwComboRow         *covariance_row;
  AdwComboRow         *linkage_row;
  GtkSpinButton       *k_spin;
  GtkWidget           *iterations_row;
  GtkSpinButton       *iterations_spin;
  GtkSpinButton       *seed_spin;
  AdwComboRow         *normalize_row;
  AdwPreferencesGroup *indicators_group;

  GArray              *years;       /* of int; empty for a wide panel */
  GPtrArray           *indicators;  /* of IndicatorRow */
  guint                rows_built;  /* indicators whose widgets exist */
  guint                add_rows;    /* idle source building the others */
  gboolean             has_panel;
  guint                updating;    /* > 0: changes come from code, not the user */
};

G_DEFINE_FINAL_TYPE (RlSettingsPanel, rl_settings_panel, GTK_TYPE_BOX)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
indicator_row_free (IndicatorRow *row)
{
  g_free (row->id);
  g_free (row->name);
  g_free (row->unit);
  g_free (row);
}

static void
emit_changed (RlSettingsPanel *self)
{
  if (self->updating == 0 && self->has_panel)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_method_rows (RlSettingsPanel *self)
{
  guint method = adw_combo_row_get_selected (self->method_row);

  gtk_widget_set_visible (GTK_WIDGET (self->covariance_row), method == RL_METHOD_GMM);
  gtk_widget_set_visible (GTK_WIDGET (self->linkage_row), method == RL_METHOD_HCLUST);
  gtk_widget_set_visible (self->iterations_row, method >= RL_METHOD_ES && method < RL_N_METHODS);
}

static void
on_setting_changed_cb (RlSettingsPanel *self)
{
  update_method_rows (self);
  emit_changed (self);
}

/* The year with the most values; the later one of equals. */
static int
busiest_year (const RlPanel *panel,
              GArray        *years)
{
  guint best_count = 0;
  int best = RL_YEAR_NONE;

  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      guint count = 0;

      for (guint r = 0; r < rl_panel_n_regions (panel); r++)
        for (guint i = 0; i < rl_panel_n_indicators (panel); i++)
          count += !isnan (rl_panel_get (panel, r, i, year));
      if (count >= best_count)
        {
          best_count = count;
          best = year;
        }
    }
  return best;
}

static guint
indicator_coverage (const RlPanel *panel,
                    guint          indicator,
                    int            year)
{
  guint count = 0;

  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    count += !isnan (rl_panel_get (panel, r, indicator, year));
  return count;
}

static GtkDropDown *
polarity_drop_down_new (RlPolarity polarity)
{
  const char *labels[] = { _("+ More need"), _("− Less need"), _("Not rated"), NULL };
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  guint selected = POLARITY_NOT_RATED;

  if (polarity == RL_POLARITY_POSITIVE)
    selected = POLARITY_MORE_NEED;
  else if (polarity == RL_POLARITY_NEGATIVE)
    selected = POLARITY_LESS_NEED;
  gtk_drop_down_set_selected (drop_down, selected);
  gtk_widget_set_valign (GTK_WIDGET (drop_down), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (drop_down), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down),
                               _("Polarity: does a higher value mean more need, less need, "
                                 "or is the indicator left out of the rating?"));
  return drop_down;
}

static IndicatorRow *
indicator_row_new (RlSettingsPanel   *self,
                   const RlIndicator *indicator,
                   const char        *lang,
                   gboolean           active)
{
  IndicatorRow *row = g_new0 (IndicatorRow, 1);

  row->panel = self;
  row->id = g_strdup (indicator->id);
  row->name = g_strdup (rl_indicator_label (indicator, lang));
  if (indicator->unit != NULL && *indicator->unit)
    row->unit = g_strdup (rl_chart_unit_label (indicator->unit));
  row->active = active;
  row->polarity = indicator->polarity;
  return row;
}

static void
on_row_check_toggled_cb (GtkCheckButton *check,
                         IndicatorRow   *row)
{
  row->active = gtk_check_button_get_active (check);
  on_setting_changed_cb (row->panel);
}

static void
on_row_polarity_notify_cb (GtkDropDown  *drop_down,
                           GParamSpec   *pspec,
                           IndicatorRow *row)
{
  switch (gtk_drop_down_get_selected (drop_down))
    {
    case POLARITY_MORE_NEED:
      row->polarity = RL_POLARITY_POSITIVE;
      break;
    case POLARITY_LESS_NEED:
      row->polarity = RL_POLARITY_NEGATIVE;
      break;
    default:
      row->polarity = RL_POLARITY_NONE;
    }
  on_setting_changed_cb (row->panel);
}

/* The widgets of @row: check, name and unit, polarity. */
static void
indicator_row_build (IndicatorRow *row)
{
  AdwActionRow *action_row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();
  GtkDropDown *polarity = polarity_drop_down_new (row->polarity);

  row->row = GTK_WIDGET (action_row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), row->active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Use this indicator in the analysis"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  if (row->unit != NULL)
    adw_action_row_set_subtitle (action_row, row->unit);
  adw_action_row_set_title_lines (action_row, 2);
  /* The whole name when two lines cut it short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (action_row), row->name);
  adw_action_row_add_prefix (action_row, check);
  adw_action_row_add_suffix (action_row, GTK_WIDGET (polarity));
  adw_action_row_set_activatable_widget (action_row, check);
  g_signal_connect (check, "toggled", G_CALLBACK (on_row_check_toggled_cb), row);
  g_signal_connect (polarity, "notify::selected", G_CALLBACK (on_row_polarity_notify_cb), row);
}

/* Building the rows of 37 indicators took 60-70 ms on the main thread
 * (an action row and a drop-down each); a few at a time in idle time keep
 * opening a file smooth. The choices live in the IndicatorRow, so the
 * analysis does not wait for the widgets. */
#define ROWS_PER_IDLE 6

static gboolean
add_rows_cb (gpointer data)
{
  RlSettingsPanel *self = data;
  guint end = MIN (self->indicators->len, self->rows_built + ROWS_PER_IDLE);

  for (; self->rows_built < end; self->rows_built++)
    {
      IndicatorRow *row = g_ptr_array_index (self->indicators, self->rows_built);

      indicator_row_build (row);
      adw_preferences_group_add (self->indicators_group, row->row);
    }
  if (self->rows_built < self->indicators->len)
    return G_SOURCE_CONTINUE;
  self->add_rows = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_indicator_rows (RlSettingsPanel *self)
{
  g_clear_handle_id (&self->add_rows, g_source_remove);
  for (guint i = 0; i < self->rows_built; i++)
    {
      IndicatorRow *row = g_ptr_array_index (self->indicators, i);
      adw_preferences_group_remove (self->indicators_group, row->row);
    }
  g_ptr_array_set_size (self->indicators, 0);
  self->rows_built = 0;
}

static void
fill_years (RlSettingsPanel *self,
            const RlPanel   *panel)
{
  g_autoptr(GArray) years = rl_panel_years (panel);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->year_list));
  int chosen;

  g_array_set_size (self->years, 0);
  gtk_string_list_splice (self->year_list, 0, n_old, NULL);
  if (rl_panel_is_wide (panel))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->year_row), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), TRUE);
  chosen = busiest_year (panel, years);
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (self->year_list, label);
      if (year == chosen)
        adw_combo_row_set_selected (self->year_row, y);
    }
}

static int
selected_year (RlSettingsPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->years->len == 0 || selected >= self->years->len)
    return RL_YEAR_NONE;
  return g_array_index (self->years, int, selected);
}

/* Checked by default: the indicators with a polarity covering 90 % of the
 * regions in the year (what a need analysis is about), or, when fewer than
 * two have one, every indicator covering 90 % of them. */
static gboolean *
default_checks (const RlPanel *panel,
                int            year)
{
  guint n = rl_panel_n_indicators (panel), n_regions = rl_panel_n_regions (panel);
  gboolean *covered = g_new0 (gboolean, MAX (n, 1));
  gboolean *rated = g_new0 (gboolean, MAX (n, 1));
  guint n_rated = 0;

  for (guint i = 0; i < n; i++)
    {
      covered[i] = indicator_coverage (panel, i, year) * 10 >= n_regions * 9;
      rated[i] = covered[i] && rl_panel_indicator (panel, i)->polarity != RL_POLARITY_NONE;
      n_rated += rated[i];
    }
  if (n_rated >= 2)
    {
      g_free (covered);
      return rated;
    }
  g_free (rated);
  return covered;
}

static void
fill_indicators (RlSettingsPanel *self,
                 const RlPanel   *panel)
{
  g_autofree gboolean *checks = default_checks (panel, selected_year (self));

  clear_indicator_rows (self);
  for (guint i = 0; i < rl_panel_n_indicators (panel); i++)
    {
      IndicatorRow *row = indicator_row_new (self, rl_panel_indicator (panel, i),
                                             rl_panel_get_language (panel), checks[i]);

      g_ptr_array_add (self->indicators, row);
    }
  if (self->indicators->len > 0)
    self->add_rows = g_idle_add (add_rows_cb, self);
}

void
rl_settings_panel_set_panel (RlSettingsPanel *self,
                             const RlPanel   *panel)
{
  g_return_if_fail (RL_IS_SETTINGS_PANEL (self));
  g_return_if_fail (panel != NULL);

  self->updating++;
  fill_years (self, panel);
  fill_indicators (self, panel);
  self->has_panel = TRUE;
  self->updating--;
  emit_changed (self);
}

static void
spec_set_features (RlSettingsPanel *self,
                   RlAnalysisSpec  *spec)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GArray) polarity = g_array_new (FALSE, FALSE, sizeof (RlPolarity));

  for (guint i = 0; i < self->indicators->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (self->indicators, i);
      RlPolarity p;

      if (!row->active)
        continue;
      p = row->polarity;
      g_strv_builder_add (ids, row->id);
      g_array_append_val (polarity, p);
    }
  g_strfreev (spec->frame.features);
  spec->frame.features = g_strv_builder_end (ids);
  g_free (spec->polarity);
  spec->polarity = (RlPolarity *) g_array_free (g_steal_pointer (&polarity), FALSE);
}

RlAnalysisSpec *
rl_settings_panel_get_spec (RlSettingsPanel *self)
{
  static const RlMissing missing[] = { RL_MISSING_DROP, RL_MISSING_MEDIAN, RL_MISSING_INTERPOLATE };
  static const RlScale scale[] = { RL_SCALE_NONE, RL_SCALE_Z, RL_SCALE_MINMAX, RL_SCALE_ROBUST };
  static const RlNormalize normalize[] = { RL_NORMALIZE_Z, RL_NORMALIZE_MINMAX, RL_NORMALIZE_RANK };
  RlAnalysisSpec *spec;

  g_return_val_if_fail (RL_IS_SETTINGS_PANEL (self), NULL);
  if (!self->has_panel)
    return NULL;

  spec = g_new0 (RlAnalysisSpec, 1);
  rl_analysis_spec_init (spec);
  spec->frame.year = selected_year (self);
  spec->frame.missing = missing[MIN (adw_combo_row_get_selected (self->missing_row), 2)];
  spec->frame.log = gtk_switch_get_active (self->log_switch);
  spec->frame.scale = scale[MIN (adw_combo_row_get_selected (self->scale_row), 3)];
  spec->frame.a = 0.0;
  spec->frame.b = 1.0;
  spec->method.method = MIN (adw_combo_row_get_selected (self->method_row), RL_N_METHODS - 1);
  spec->method.k = gtk_spin_button_get_value_as_int (self->k_spin);
  spec->method.seed = (guint64) gtk_spin_button_get_value (self->seed_spin);
  spec->method.covariance = adw_combo_row_get_selected (self->covariance_row);
  spec->method.linkage = adw_combo_row_get_selected (self->linkage_row);
  spec->method.iterations = gtk_spin_button_get_value_as_int (self->iterations_spin);
  spec->normalize = normalize[MIN (adw_combo_row_get_selected (self->normalize_row), 2)];
  spec->with_history = TRUE;
  spec_set_features (self, spec);
  return spec;
}

void
rl_settings_panel_set_method (RlSettingsPanel *self,
                              RlMethod         method)
{
  g_return_if_fail (RL_IS_SETTINGS_PANEL (self));
  g_return_if_fail (method < RL_N_METHODS);
  adw_combo_row_set_selected (self->method_row, method);
}

void
rl_settings_panel_set_k (RlSettingsPanel *self,
                         guint            k)
{
  g_return_if_fail (RL_IS_SETTINGS_PANEL (self));
  gtk_spin_button_set_value (self->k_spin, k);
}

void
rl_settings_panel_set_iterations (RlSettingsPanel *self,
                                  guint            iterations)
{
  g_return_if_fail (RL_IS_SETTINGS_PANEL (self));
  gtk_spin_button_set_value (self->iterations_spin, iterations);
}

static void
rl_settings_panel_dispose (GObject *object)
{
  RlSettingsPanel *self = RL_SETTINGS_PANEL (object);

  g_clear_handle_id (&self->add_rows, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RL_TYPE_SETTINGS_PANEL);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (rl_settings_panel_parent_class)->dispose (object);
}

static void
rl_settings_panel_class_init (RlSettingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rl_settings_panel_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/regionlab/RegionLab/ui/rl-settings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, year_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, year_list);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, missing_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, log_switch);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, scale_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, method_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, covariance_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, linkage_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, k_spin);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, iterations_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, iterations_spin);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, normalize_row);
  gtk_widget_class_bind_template_child (widget_class, RlSettingsPanel, indicators_group);
}

static void
rl_settings_panel_init (RlSettingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_row_free);

  adw_combo_row_set_selected (self->missing_row, 1);
  adw_combo_row_set_selected (self->scale_row, 1);
  adw_combo_row_set_selected (self->linkage_row, RL_LINKAGE_WARD);
  update_method_rows (self);

  g_signal_connect_swapped (self->year_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->missing_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->log_switch, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->method_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->covariance_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->linkage_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->k_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->iterations_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->normalize_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
}

GtkWidget *
rl_settings_panel_new (void)
{
  return g_object_new (RL_TYPE_SETTINGS_PANEL, NULL);
}
