/* rl-window.c — the main window
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <glib/gi18n.h>

#include "rl-panel.h"
#include "rl-window.h"

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
  RlPanel              *panel;
  char                 *panel_name;
};

G_DEFINE_FINAL_TYPE (RlWindow, rl_window, ADW_TYPE_APPLICATION_WINDOW)

void
rl_window_show_toast (RlWindow   *self,
                      const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rl_window_open_file (RlWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (path == NULL)
    {
      rl_window_show_toast (self, _("Only local files can be opened"));
      return;
    }
  panel = rl_panel_load (path, &error);
  if (panel == NULL)
    {
      /* The panel already shown stays: a failed open loses nothing. */
      rl_window_show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->panel, rl_panel_free);
  self->panel = g_steal_pointer (&panel);
  g_free (self->panel_name);
  self->panel_name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), self->panel_name);
  if (parent != NULL)
    {
      g_autofree char *folder = g_file_get_path (parent);
      g_settings_set_string (self->settings, "last-open-folder", folder ? folder : "");
    }
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     RlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      rl_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder = g_settings_get_string (self->settings, "last-open-folder");

  dialog = gtk_file_chooser_native_new (_("Open a Panel or a Table"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Panels and tables (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (*folder != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RlWindow *self = RL_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

void
rl_window_show_preferences (RlWindow *self)
{
  GtkWidget *prefs = adw_preferences_window_new ();
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *tiles = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *tiles_switch = gtk_switch_new ();

  adw_preferences_group_set_title (group, _("Map"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tiles), _("OpenStreetMap Tiles"));
  adw_action_row_set_subtitle (tiles, _("Download map tiles under the regions; needs a network connection"));
  gtk_widget_set_valign (tiles_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (tiles, tiles_switch);
  adw_action_row_set_activatable_widget (tiles, tiles_switch);
  g_settings_bind (self->settings, "online-tiles", tiles_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, GTK_WIDGET (tiles));
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs), page);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
rl_window_dispose (GObject *object)
{
  RlWindow *self = RL_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RL_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->panel, rl_panel_free);
  g_clear_pointer (&self->panel_name, g_free);
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
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
}

static void
rl_window_init (RlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (RL_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

RlWindow *
rl_window_new (RlApplication *application)
{
  return g_object_new (RL_TYPE_WINDOW, "application", application, NULL);
}
