/* rl-export.c — export the chart shown to PNG, SVG or PDF through a file chooser
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rl-application.h"
#include "rl-export.h"
#include "rl-window.h"

#define FORMAT_KEY "rl-export-format"

/* What the dialog needs once the user has chosen a file. */
typedef struct
{
  GtkWindow       *parent;     /* weak */
  cairo_surface_t *recording;
} ExportJob;

static const struct
{
  const char *suffix;
  const char *name;
} formats[] = {
  { "png", N_("PNG Image") },
  { "svg", N_("SVG Drawing") },
  { "pdf", N_("PDF Document") },
};

static void
export_job_free (ExportJob *job)
{
  g_clear_weak_pointer (&job->parent);
  /* finished first: cairo keeps a recording's snapshots alive until then */
  if (job->recording != NULL)
    cairo_surface_finish (job->recording);
  cairo_surface_destroy (job->recording);
  g_free (job);
}

/* Whether the file name ends in what reads as a format's extension: a dot
 * and two to four letters ("chart.jpg", not "poverty.2017"). */
static gboolean
has_extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  gsize length;

  if (dot == NULL || dot == base)
    return FALSE;
  length = strlen (dot + 1);
  if (length < 2 || length > 4)
    return FALSE;
  for (const char *c = dot + 1; *c; c++)
    if (!g_ascii_isalpha (*c))
      return FALSE;
  return TRUE;
}

/* The application's settings, or NULL when its schema is not installed. */
static GSettings *
export_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, RL_APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "last-export-folder"))
    return NULL;
  return g_settings_new (RL_APPLICATION_ID);
}

static void
replay_recording (cairo_t            *cr,
                  int                 width,
                  int                 height,
                  gconstpointer       data,
                  const RlChartStyle *style)
{
  cairo_set_source_surface (cr, (cairo_surface_t *) data, 0, 0);
  cairo_paint (cr);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Export the Chart"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
chosen_format (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_chooser_get_filter (chooser);
  const char *format = filter ? g_object_get_data (G_OBJECT (filter), FORMAT_KEY) : NULL;

  return format ? format : "png";
}

static void
remember_folder (GFile *file)
{
  g_autoptr(GSettings) settings = export_settings ();
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;

  if (settings != NULL && folder != NULL)
    g_settings_set_string (settings, "last-export-folder", folder);
}

/* Remembers the folder and, in the main window, says where the chart went. */
static void
exported (GtkWindow  *parent,
          GFile      *chosen,
          const char *path)
{
  remember_folder (chosen);
  if (parent != NULL && RL_IS_WINDOW (parent))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Chart exported as “%s”"), name);

      rl_window_show_toast (RL_WINDOW (parent), message);
    }
}

static void
on_dialog_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    chosen = g_file_get_path (file);
  if (file != NULL && chosen == NULL)
    show_error (job->parent, _("Only local files can be written: choose a folder on this computer."));
  else if (chosen != NULL)
    {
      path = rl_export_path_with_format (chosen, chosen_format (GTK_FILE_CHOOSER (dialog)));
      if (rl_export_write_recording (job->recording, path, &error))
        exported (job->parent, file, path);
      else
        show_error (job->parent, error->message);
    }
  export_job_free (job);
  g_object_unref (dialog);
}

static void
add_filters (GtkFileChooser *chooser)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_suffix (filter, formats[i].suffix);
      g_object_set_data (G_OBJECT (filter), FORMAT_KEY, (gpointer) formats[i].suffix);
      gtk_file_chooser_add_filter (chooser, filter);
      if (i == 0)
        gtk_file_chooser_set_filter (chooser, filter);
    }
}

static void
set_start_folder (GtkFileChooser *chooser)
{
  g_autoptr(GSettings) settings = export_settings ();
  g_autofree char *folder = settings ? g_settings_get_string (settings, "last-export-folder") : NULL;

  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
}

void
rl_export_chart_dialog (GtkWindow         *parent,
                        const RlChartPlan *plan,
                        gboolean           dark)
{
  GtkFileChooserNative *dialog;
  ExportJob *job;
  RlChartStyle style;
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (plan == NULL)
    {
      show_error (parent, _("There is no chart to export: choose a chart that shows data first."));
      return;
    }
  rl_chart_style_init (&style, dark);
  job = g_new0 (ExportJob, 1);
  g_set_weak_pointer (&job->parent, parent);
  job->recording = rl_export_record_chart (plan, &style);

  dialog = gtk_file_chooser_native_new (_("Export Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filters (GTK_FILE_CHOOSER (dialog));
  set_start_folder (GTK_FILE_CHOOSER (dialog));
  name = rl_export_default_name (plan);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

char *
rl_export_default_name (const RlChartPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return g_strdup_printf ("regionlab-%s.png", rl_chart_kind_to_string (rl_chart_plan_kind (plan)));
}

char *
rl_export_path_with_format (const char *path,
                            const char *format)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (has_extension (path) || format == NULL)
    return g_strdup (path);
  return g_strconcat (path, ".", format, NULL);
}

cairo_surface_t *
rl_export_record_chart (const RlChartPlan  *plan,
                        const RlChartStyle *style)
{
  cairo_rectangle_t extents = { 0, 0, RL_EXPORT_WIDTH, RL_EXPORT_HEIGHT };
  cairo_surface_t *recording;
  cairo_t *cr;

  g_return_val_if_fail (plan != NULL && style != NULL, NULL);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  rl_chart_plan_draw (plan, cr, RL_EXPORT_WIDTH, RL_EXPORT_HEIGHT, style);
  cairo_destroy (cr);
  return recording;
}

gboolean
rl_export_write_recording (cairo_surface_t  *recording,
                           const char       *path,
                           GError          **error)
{
  RlChartStyle style;

  g_return_val_if_fail (recording != NULL && path != NULL, FALSE);

  rl_chart_style_init (&style, FALSE);
  return rl_chart_export (path, RL_EXPORT_WIDTH, RL_EXPORT_HEIGHT, replay_recording, recording,
                          &style, error);
}
