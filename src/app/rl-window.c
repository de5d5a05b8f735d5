/* rl-window.c — the main window
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the panel that was opened and the analysis shown. Every
 * change of the settings panel restarts a debounced timer; when it fires the
 * analysis runs on a worker thread through RlAnalysisRunner, on a reference
 * to the panel that nobody modifies. A result replaces what the views show;
 * a stale one is dropped by the runner, a failed one leaves the views as they
 * were and says why in a toast.
 */
#include "rl-config.h"

#include <glib/gi18n.h>

#include "rl-analysis-runner.h"
#include "rl-error.h"
#include "rl-export.h"
#include "rl-gazetteer.h"
#include "rl-import.h"
#include "rl-map-view.h"
#include "rl-panel.h"
#include "rl-plot-view.h"
#include "rl-selection.h"
#include "rl-settings-panel.h"
#include "rl-table-view.h"
#include "rl-window.h"

/* Settings changes closer together than this run the analysis once. */
#define DEBOUNCE_MS 300

/* A panel shared by the window, running jobs and shown results (atomic rc box). */
typedef struct
{
  RlPanel *panel;
} SharedPanel;

/* What the views show: an analysis and the panel it was computed on. */
typedef struct
{
  SharedPanel *shared;
  RlAnalysis  *analysis;
} Shown;

typedef struct
{
  SharedPanel    *shared;
  RlAnalysisSpec *spec;
} JobInput;

struct _RlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkBox               *sidebar;
  AdwViewStack         *view_stack;

  GSettings            *settings;
  RlSelection          *selection;
  RlAnalysisRunner     *runner;
  RlSettingsPanel      *settings_panel;
  RlMapWidget          *map_view;
  RlPlotView           *plot_view;
  RlTableView          *table_view;

  SharedPanel          *panel;      /* opened */
  char                 *panel_name;
  char                 *last_warning;
  GCancellable         *opening;    /* the file being read, or NULL */
  char                 *import_report; /* what the last import read and left out */
  Shown                *shown;      /* on the views */
  guint                 debounce;
};

G_DEFINE_FINAL_TYPE (RlWindow, rl_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- shared panel, results, jobs ---- */

static void
shared_panel_clear (gpointer data)
{
  SharedPanel *shared = data;

  rl_panel_free (shared->panel);
}

static SharedPanel *
shared_panel_new (RlPanel *panel)
{
  SharedPanel *shared = g_atomic_rc_box_new0 (SharedPanel);

  shared->panel = panel;
  return shared;
}

static void
shared_panel_unref (SharedPanel *shared)
{
  g_atomic_rc_box_release_full (shared, shared_panel_clear);
}

static void
shown_free (Shown *shown)
{
  g_clear_pointer (&shown->analysis, rl_analysis_free);
  g_clear_pointer (&shown->shared, shared_panel_unref);
  g_free (shown);
}

static void
job_input_free (JobInput *input)
{
  g_clear_pointer (&input->shared, shared_panel_unref);
  g_clear_pointer (&input->spec, rl_analysis_spec_free);
  g_free (input);
}

/* Worker thread: touches no widget and no window state. */
static gpointer
analysis_job (gpointer         data,
              RlProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  JobInput *input = data;
  RlAnalysis *analysis;
  Shown *shown;

  analysis = rl_analysis_run (input->shared->panel, input->spec, progress, progress_data,
                              cancellable, error);
  if (analysis == NULL)
    return NULL;
  shown = g_new0 (Shown, 1);
  shown->shared = g_atomic_rc_box_acquire (input->shared);
  shown->analysis = analysis;
  return shown;
}

/* ---- views ---- */

static void
set_views (RlWindow *self,
           Shown    *shown)
{
  const RlPanel *panel = shown != NULL ? shown->shared->panel : NULL;
  const RlAnalysis *analysis = shown != NULL ? shown->analysis : NULL;
  gint64 t0, t1, t2, t3;

  /* Each part's main-thread time, for G_MESSAGES_DEBUG=all (see bench/ui-findings.txt). */
  t0 = g_get_monotonic_time ();
  rl_map_widget_set_analysis (self->map_view, panel, analysis);
  t1 = g_get_monotonic_time ();
  if (self->plot_view != NULL)
    rl_plot_view_set_analysis (self->plot_view, panel, analysis);
  t2 = g_get_monotonic_time ();
  rl_table_view_set_analysis (self->table_view, panel, analysis);
  t3 = g_get_monotonic_time ();
  g_debug ("result shown: map %.1f ms, plots %.1f ms, table %.1f ms",
           (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t3 - t2) / 1000.0);
}

/* The analysis's first warning, unless the last analysis said the same. */
static void
show_new_warning (RlWindow         *self,
                  const RlAnalysis *analysis)
{
  const char *warning = analysis->warnings != NULL && analysis->warnings->len > 0
                        ? g_ptr_array_index (analysis->warnings, 0) : NULL;

  if (g_strcmp0 (warning, self->last_warning) == 0)
    return;
  g_free (self->last_warning);
  self->last_warning = g_strdup (warning);
  if (warning != NULL)
    rl_window_show_toast (self, warning);
}

static void
on_analysis_done_cb (gpointer      result,
                     const GError *error,
                     gpointer      user_data)
{
  RlWindow *self = user_data;
  Shown *old = self->shown;

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rl_window_show_toast (self, error->message);
      return;
    }
  /* Views drop their pointers into the old analysis before it is freed. */
  self->shown = result;
  set_views (self, self->shown);
  g_clear_pointer (&old, shown_free);
  show_new_warning (self, self->shown->analysis);
}

static void
run_now (RlWindow *self)
{
  JobInput *input;
  RlAnalysisSpec *spec;

  g_clear_handle_id (&self->debounce, g_source_remove);
  if (self->panel == NULL)
    return;
  spec = rl_settings_panel_get_spec (self->settings_panel);
  if (spec == NULL)
    return;
  spec->uncertainty_runs = g_settings_get_int (self->settings, "uncertainty-runs");
  input = g_new0 (JobInput, 1);
  input->shared = g_atomic_rc_box_acquire (self->panel);
  input->spec = spec;
  rl_analysis_runner_run (self->runner, analysis_job, input, (GDestroyNotify) job_input_free,
                          (GDestroyNotify) shown_free, on_analysis_done_cb, self);
}

static gboolean
debounce_cb (gpointer data)
{
  RlWindow *self = data;

  self->debounce = 0;
  run_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_settings_panel_changed_cb (RlWindow *self)
{
  g_clear_handle_id (&self->debounce, g_source_remove);
  self->debounce = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
on_runner_busy_cb (RlWindow *self)
{
  gboolean busy = rl_analysis_runner_is_busy (self->runner);

  /* Hidden, not only unrevealed: a crossfading revealer keeps its height. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
}

static void
on_runner_progress_cb (RlWindow *self)
{
  /* Only the fraction: a new text would resize the bar, and a resize lays
   * out the whole window again, which costs tens of milliseconds a frame. */
  gtk_progress_bar_set_fraction (self->progress_bar, rl_analysis_runner_get_progress (self->runner));
}

/* ---- public ---- */

void
rl_window_show_toast (RlWindow   *self,
                      const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The language the interface speaks, as its translation names it: region
 * names are shown in it where the gazetteers have them. */
static const char *
interface_language (void)
{
  /* TRANSLATORS: the ISO 639-1 code of this translation's language ("ru",
   * "uk"); region names are shown in that language when they are known */
  return C_("language code", "en");
}

/* A file read on a worker thread. */
typedef struct
{
  GFile          *file;      /* the panel, or the first spreadsheet */
  char           *path;      /* a panel to read, or NULL */
  GStrv           sheets;    /* spreadsheets to import with the shipped recipes */
  const char     *language;
  RlImportReport *report;    /* of the import */
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_object_unref (job->file);
  g_free (job->path);
  g_strfreev (job->sheets);
  g_clear_pointer (&job->report, rl_import_report_free);
  g_free (job);
}

/* The statistics office's spreadsheets read with the shipped recipes, the
 * derived indicators and the gazetteer of Russia's regions. */
static RlPanel *
import_sheets (OpenJob      *job,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr(GPtrArray) recipes = rl_import_load_builtin_recipes (error);
  g_autoptr(RlDeriveList) derived = NULL;
  g_autoptr(RlGazetteer) gazetteer = NULL;

  if (recipes == NULL || (derived = rl_import_load_builtin_derived (error)) == NULL
      || (gazetteer = rl_gazetteer_load_builtin ("ru", error)) == NULL)
    return NULL;
  job->report = rl_import_report_new ();
  return rl_import_files (recipes, derived, gazetteer, (const char *const *) job->sheets,
                          job->report, cancellable, NULL, NULL, error);
}

static void
read_panel_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  OpenJob *job = data;
  GError *error = NULL;
  RlPanel *panel = job->path != NULL ? rl_panel_load (job->path, &error)
                                     : import_sheets (job, cancellable, &error);

  if (panel == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  rl_panel_set_language (panel, job->language);
  rl_gazetteer_label_panel (panel, job->language);
  g_task_return_pointer (task, panel, (GDestroyNotify) rl_panel_free);
}

static void show_panel (RlWindow   *self,
                        RlPanel    *panel,
                        GFile      *file,
                        const char *title);

/* A toast saying what the import read, with the whole report a click away. */
static void
show_import_report (RlWindow             *self,
                    const RlImportReport *report,
                    const RlPanel        *panel)
{
  g_autofree char *message = NULL;
  GString *text = g_string_new (NULL);
  AdwToast *toast;

  for (guint i = 0; i < report->lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) report->lines->pdata[i]);
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (text, "• %s\n", (const char *) report->notes->pdata[i]);
  g_free (self->import_report);
  self->import_report = g_string_free (text, FALSE);
  message = g_strdup_printf (_("Files imported: %u; regions: %u, indicators: %u, values: %u"),
                             report->n_files, rl_panel_n_regions (panel),
                             rl_panel_n_indicators (panel), rl_panel_count_values (panel));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.import-report");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_panel_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RlWindow *self = RL_WINDOW (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  RlPanel *panel = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* another file was asked for, or the window closed */
  g_clear_object (&self->opening);
  if (panel == NULL)
    {
      /* The panel already shown stays: a failed open loses nothing. */
      rl_window_show_toast (self, error->message);
      return;
    }
  if (job->report != NULL)
    {
      g_autofree char *first = g_file_get_basename (job->file);
      guint more = g_strv_length (job->sheets) - 1;
      g_autofree char *title = more == 0
        ? g_strdup_printf (_("%s (imported)"), first)
        : g_strdup_printf (ngettext ("%s and %u more file (imported)",
                                     "%s and %u more files (imported)", more), first, more);

      show_panel (self, panel, job->file, title);
      show_import_report (self, job->report, panel);
      return;
    }
  show_panel (self, panel, job->file, NULL);
}

static gboolean
is_spreadsheet (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".xls") || g_str_has_suffix (lower, ".xlsx")
         || g_str_has_suffix (lower, ".ods");
}

/* Starts reading @job on a worker thread; a newer read cancels an older one. */
static void
start_reading (RlWindow *self,
               OpenJob  *job)
{
  g_autoptr(GTask) task = NULL;

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();
  job->language = interface_language ();
  task = g_task_new (self, self->opening, on_panel_read_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, read_panel_thread);
}

void
rl_window_open_files (RlWindow *self,
                      GFile   **files,
                      guint     n_files)
{
  g_autoptr(GStrvBuilder) sheets = g_strv_builder_new ();
  OpenJob *job;

  g_return_if_fail (n_files > 0);
  if (n_files == 1 && !is_spreadsheet (files[0]))
    {
      rl_window_open_file (self, files[0]);
      return;
    }
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          rl_window_show_toast (self, _("Only local files can be opened"));
          return;
        }
      g_strv_builder_add (sheets, path);
    }
  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (files[0]);
  job->sheets = g_strv_builder_end (sheets);
  start_reading (self, job);
}

/* Reads @file on a worker thread (tens of milliseconds for the demo panel)
 * and shows it when it is in; a later call supersedes an earlier one. */
void
rl_window_open_file (RlWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  OpenJob *job;

  if (path == NULL)
    {
      rl_window_show_toast (self, _("Only local files can be opened"));
      return;
    }
  if (is_spreadsheet (file))
    {
      rl_window_open_files (self, &file, 1);
      return;
    }
  job = g_new0 (OpenJob, 1);
  job->file = g_object_ref (file);
  job->path = g_steal_pointer (&path);
  start_reading (self, job);
}

/* Makes @panel (taken), read from @file, the window's panel, under @title
 * (NULL: the file's name). */
static void
show_panel (RlWindow   *self,
            RlPanel    *panel,
            GFile      *file,
            const char *title)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  /* A job still running holds its own reference to the old panel. */
  rl_analysis_runner_cancel (self->runner);
  g_clear_pointer (&self->panel, shared_panel_unref);
  self->panel = shared_panel_new (panel);
  g_free (self->panel_name);
  self->panel_name = title != NULL ? g_strdup (title) : g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), self->panel_name);
  rl_selection_clear (self->selection);
  if (parent != NULL)
    {
      g_autofree char *folder = g_file_get_path (parent);
      g_settings_set_string (self->settings, "last-open-folder", folder ? folder : "");
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
  rl_settings_panel_set_panel (self->settings_panel, self->panel->panel);
  /* The first analysis of a file starts at once. */
  run_now (self);
}

RlSettingsPanel *
rl_window_get_settings_panel (RlWindow *self)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  return self->settings_panel;
}

RlAnalysisRunner *
rl_window_get_runner (RlWindow *self)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  return self->runner;
}

const RlPanel *
rl_window_get_panel (RlWindow *self)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  return self->panel != NULL ? self->panel->panel : NULL;
}

const RlAnalysis *
rl_window_get_analysis (RlWindow *self)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  return self->shown != NULL ? self->shown->analysis : NULL;
}

GtkWidget *
rl_window_get_view (RlWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  if (g_str_equal (name, "map"))
    return GTK_WIDGET (self->map_view);
  if (g_str_equal (name, "plots"))
    return GTK_WIDGET (self->plot_view);
  if (g_str_equal (name, "table"))
    return GTK_WIDGET (self->table_view);
  return NULL;
}

RlSelection *
rl_window_get_selection (RlWindow *self)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), NULL);
  return self->selection;
}

/* ---- actions ---- */

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     RlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      if (files->len > 0)
        rl_window_open_files (self, (GFile **) files->pdata, files->len);
    }
  g_object_unref (dialog);
}

static void
set_folder_from_settings (RlWindow       *self,
                          GtkFileChooser *chooser,
                          const char     *key)
{
  g_autofree char *folder = g_settings_get_string (self->settings, key);

  if (*folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }
}

/* The last import's report: each file and what was read from it, and the
 * notes (composite subjects, incomplete years …). */
static void
import_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  GtkWidget *dialog, *scroller, *label;

  if (self->import_report == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What the import read"), NULL);
  label = gtk_label_new (self->import_report);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open a Panel, a Table or Spreadsheets"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  /* several spreadsheets of the statistics office are imported together */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Panels, tables (CSV) and spreadsheets (XLS, XLSX, ODS)"));
  for (guint i = 0; i < 4; i++)
    gtk_file_filter_add_suffix (filter, (const char *[]) { "csv", "xls", "xlsx", "ods" }[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  set_folder_from_settings (self, GTK_FILE_CHOOSER (dialog), "last-open-folder");
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  run_now (RL_WINDOW (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);

  g_clear_handle_id (&self->debounce, g_source_remove);
  rl_analysis_runner_cancel (self->runner);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
on_export_table_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             RlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !rl_table_view_write_csv (self->table_view, path, &error))
        rl_window_show_toast (self, error ? error->message : _("Only local files can be written"));
      else if (parent != NULL)
        {
          g_autofree char *folder = g_file_get_path (parent);
          g_settings_set_string (self->settings, "last-export-folder", folder ? folder : "");
        }
    }
  g_object_unref (dialog);
}

gboolean
rl_window_save_panel (RlWindow    *self,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (RL_IS_WINDOW (self), FALSE);

  if (self->panel == NULL)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID,
                           _("There is no panel to save yet: open a file first"));
      return FALSE;
    }
  return rl_panel_save (self->panel->panel, path, error);
}

static void
on_save_panel_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           RlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL || !rl_window_save_panel (self, path, &error))
        rl_window_show_toast (self, error ? error->message : _("Only local files can be written"));
      else
        {
          message = g_strdup_printf (_("Saved the panel as %s"), name);
          rl_window_show_toast (self, message);
        }
    }
  g_object_unref (dialog);
}

static void
save_panel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (self->panel == NULL)
    {
      rl_window_show_toast (self, _("There is no panel to save yet: open a file first"));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Save the Panel"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "regionlab-panel.csv");
  set_folder_from_settings (self, GTK_FILE_CHOOSER (dialog), "last-export-folder");
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_panel_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (rl_table_view_get_n_rows (self->table_view) == 0)
    {
      rl_window_show_toast (self, _("There is no table to export yet: open a panel first"));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Export the Table as CSV"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-table.csv", self->panel_name != NULL ? self->panel_name : "regionlab");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  set_folder_from_settings (self, GTK_FILE_CHOOSER (dialog), "last-export-folder");
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_table_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  const RlChartPlan *plan = NULL;

  if (g_strcmp0 (page, "table") == 0)
    {
      export_table_action (widget, action_name, param);
      return;
    }
  if (g_strcmp0 (page, "map") == 0)
    plan = rl_map_widget_get_plan (self->map_view);
  else if (g_strcmp0 (page, "plots") == 0 && self->plot_view != NULL)
    plan = rl_plot_view_get_plan (self->plot_view);
  if (plan == NULL)
    {
      rl_window_show_toast (self, _("There is nothing to export yet: open a panel first"));
      return;
    }
  rl_export_chart_dialog (GTK_WINDOW (self), plan,
                          adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* ---- drag and drop ---- */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            RlWindow      *self)
{
  GFile *one;
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      one = g_value_get_object (value);
      rl_window_open_files (self, &one, 1);
      return TRUE;
    }
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  for (list = g_value_get_boxed (value); list != NULL; list = list->next)
    g_ptr_array_add (files, list->data);
  if (files->len == 0)
    return FALSE;
  rl_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* ---- preferences ---- */

void
rl_window_show_preferences (RlWindow *self)
{
  GtkWidget *prefs = adw_preferences_window_new ();
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *tiles = ADW_ACTION_ROW (adw_action_row_new ());
  AdwActionRow *runs = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *tiles_switch = gtk_switch_new ();
  GtkWidget *runs_spin = gtk_spin_button_new_with_range (0, 100000, 100);

  adw_preferences_group_set_title (group, _("Map"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tiles), _("OpenStreetMap Tiles"));
  adw_action_row_set_subtitle (tiles, _("Download map tiles under the regions; needs a network connection"));
  gtk_widget_set_valign (tiles_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (tiles, tiles_switch);
  adw_action_row_set_activatable_widget (tiles, tiles_switch);
  g_settings_bind (self->settings, "online-tiles", tiles_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, GTK_WIDGET (tiles));
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Analysis"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (runs), _("Rank Uncertainty Runs"));
  adw_action_row_set_subtitle (runs, _("Monte Carlo runs for the rank intervals of the need rating; 0 turns them off"));
  gtk_widget_set_valign (runs_spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (runs_spin, _("Monte Carlo runs"));
  adw_action_row_add_suffix (runs, runs_spin);
  adw_action_row_set_activatable_widget (runs, runs_spin);
  g_settings_bind (self->settings, "uncertainty-runs", runs_spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, GTK_WIDGET (runs));
  adw_preferences_page_add (page, group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs), page);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* ---- construction ---- */

static void
add_page (RlWindow   *self,
          GtkWidget  *child,
          const char *name,
          const char *title,
          const char *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon);
}

/* The Plots page: the plot view of the charts library. */
static void
add_plot_page (RlWindow *self)
{
  self->plot_view = RL_PLOT_VIEW (rl_plot_view_new (self->selection));
  add_page (self, GTK_WIDGET (self->plot_view), "plots", _("Plots"), "view-grid-symbolic");
}

static void
build_views (RlWindow *self)
{
  GtkDropTarget *drop;

  self->settings_panel = RL_SETTINGS_PANEL (rl_settings_panel_new ());
  gtk_box_append (self->sidebar, GTK_WIDGET (self->settings_panel));
  g_signal_connect_swapped (self->settings_panel, "changed",
                            G_CALLBACK (on_settings_panel_changed_cb), self);

  self->map_view = RL_MAP_WIDGET (rl_map_widget_new (self->selection));
  add_page (self, GTK_WIDGET (self->map_view), "map", _("Map"), "mark-location-symbolic");
  add_plot_page (self);
  self->table_view = RL_TABLE_VIEW (rl_table_view_new (self->selection));
  add_page (self, GTK_WIDGET (self->table_view), "table", _("Table"), "x-office-spreadsheet-symbolic");

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static void
rl_window_dispose (GObject *object)
{
  RlWindow *self = RL_WINDOW (object);

  g_clear_handle_id (&self->debounce, g_source_remove);
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  if (self->runner != NULL)
    {
      rl_analysis_runner_cancel (self->runner);
      g_signal_handlers_disconnect_by_data (self->runner, self);
    }
  if (self->map_view != NULL)
    set_views (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RL_TYPE_WINDOW);
  g_clear_object (&self->runner);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->shown, shown_free);
  g_clear_pointer (&self->panel, shared_panel_unref);
  g_clear_pointer (&self->panel_name, g_free);
  g_clear_pointer (&self->last_warning, g_free);
  g_clear_pointer (&self->import_report, g_free);
  G_OBJECT_CLASS (rl_window_parent_class)->dispose (object);
}

static void
rl_window_class_init (RlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rl_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/regionlab/RegionLab/ui/rl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RlWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RlWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RlWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import-report", NULL, import_report_action);
  gtk_widget_class_install_action (widget_class, "win.save-panel", NULL, save_panel_action);
  gtk_widget_class_install_action (widget_class, "win.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "win.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
}

static void
rl_window_init (RlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (RL_APPLICATION_ID);
  self->selection = rl_selection_new ();
  self->runner = rl_analysis_runner_new ();
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  build_views (self);
  g_signal_connect_swapped (self->runner, "notify::busy", G_CALLBACK (on_runner_busy_cb), self);
  g_signal_connect_swapped (self->runner, "notify::progress", G_CALLBACK (on_runner_progress_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", FALSE);
}

RlWindow *
rl_window_new (RlApplication *application)
{
  return g_object_new (RL_TYPE_WINDOW, "application", application, NULL);
}
