/* rl-application.c — the application: actions, shortcuts, settings
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <glib/gi18n.h>

#include "rl-application.h"
#include "rl-data.h"
#include "rl-window.h"

struct _RlApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (RlApplication, rl_application, ADW_TYPE_APPLICATION)

static RlWindow *
get_window (RlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (rl_window_new (self));
  return RL_WINDOW (window);
}

static void
rl_application_activate (GApplication *app)
{
  RlApplication *self = RL_APPLICATION (app);
  RlWindow *window = get_window (self);

  if (self->demo)
    {
      g_autofree char *path = rl_data_find ("datasets/russia-regions.csv");
      self->demo = FALSE;
      if (path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);
          rl_window_open_file (window, file);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
rl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RlWindow *window = get_window (RL_APPLICATION (app));

  if (n_files > 0)
    rl_window_open_file (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static int
rl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RlApplication *self = RL_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("regionlab %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->demo = g_variant_dict_contains (options, "demo");
  return -1;
}

static void
apply_color_scheme (RlApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_str_equal (scheme, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_str_equal (scheme, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_settings_color_scheme_changed_cb (GSettings     *settings,
                                     const char    *key,
                                     RlApplication *self)
{
  apply_color_scheme (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The RegionLab authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", "RegionLab",
                         "application-icon", RL_APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The RegionLab authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Find the regions that most need social help"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/regionlab/RegionLab/ui/rl-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));

  gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RlApplication *self = RL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent != NULL)
    rl_window_show_preferences (RL_WINDOW (parent));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "preferences", preferences_action },
};

static void
rl_application_startup (GApplication *app)
{
  RlApplication *self = RL_APPLICATION (app);
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-panel", { "<Control>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.export-table", { "<Control><Shift>e", NULL } },
    { "win.run", { "F5", "<Control>r", NULL } },
    { "win.stop", { "Escape", "<Control>period", NULL } },
    { "win.view('map')", { "<Alt>1", "<Control>1", NULL } },
    { "win.view('plots')", { "<Alt>2", "<Control>2", NULL } },
    { "win.view('table')", { "<Alt>3", "<Control>3", NULL } },
  };

  G_APPLICATION_CLASS (rl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_settings_color_scheme_changed_cb), self, 0);
}

static void
rl_application_dispose (GObject *object)
{
  RlApplication *self = RL_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (rl_application_parent_class)->dispose (object);
}

static void
rl_application_class_init (RlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rl_application_dispose;
  app_class->activate = rl_application_activate;
  app_class->open = rl_application_open;
  app_class->startup = rl_application_startup;
  app_class->handle_local_options = rl_application_handle_local_options;
}

static void
rl_application_init (RlApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the built-in demo panel of Russia's regions"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (RL_APPLICATION_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

RlApplication *
rl_application_new (void)
{
  return g_object_new (RL_TYPE_APPLICATION,
                       "application-id", RL_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/regionlab/RegionLab",
                       NULL);
}

GSettings *
rl_application_get_settings (RlApplication *self)
{
  g_return_val_if_fail (RL_IS_APPLICATION (self), NULL);
  return self->settings;
}
