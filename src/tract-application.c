/* tract-application.c — the application: actions, windows, the open store
 *
 * The store is opened when the application is first activated, so that a
 * second "tract" only raises the running window. A database that cannot be
 * opened is reported in a dialog, and the application ends when it closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tract-application.h"
#include "tract-store.h"
#include "tract-window.h"

struct _TractApplication
{
  AdwApplication  parent_instance;

  char           *database_path; /* NULL: the default database */
  TractStore     *store;
};

G_DEFINE_FINAL_TYPE (TractApplication, tract_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An empty window under the message, so that the dialog has a parent and
 * the person sees which program speaks. Closing either ends the run. */
static void
show_open_error (TractApplication *self,
                 const GError     *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dialog;

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Tract"));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Open the Database"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  /* After the dialog's own handler, which closes it. The dialog lets go of
   * its parent only when it is finalized, later: keep the parent until then. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_object_set_data_full (G_OBJECT (dialog), "tract-parent", g_object_ref (window), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (TractApplication  *self,
            GError           **error)
{
  g_autofree char *path = NULL;

  if (self->store != NULL)
    return TRUE;

  path = self->database_path != NULL ? g_strdup (self->database_path)
                                     : tract_store_get_default_path ();
  self->store = tract_store_open (path, error);
  return self->store != NULL;
}

static void
tract_application_activate (GApplication *application)
{
  TractApplication *self = TRACT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!open_store (self, &error))
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (tract_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TractApplication *self = TRACT_APPLICATION (user_data);
  GList *windows;

  /* Closing, rather than quitting outright, lets each window keep its
   * state; the application ends with its last window. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TractApplication *self = TRACT_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("Tract developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Tract"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Tract developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/tractapp/tract",
                         "issue-url", "https://github.com/tractapp/tract/issues",
                         /* Translators: your names, one per line, to be credited in the About window. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  TractApplication *self = TRACT_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplication gives every window the shortcuts window of
   * gtk/help-overlay.ui, behind win.show-help-overlay. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
};

/* Keep in step with gtk/help-overlay.ui. */
static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-page::agenda", { "<Alt>1", NULL } },
  { "win.show-page::organizations", { "<Alt>2", NULL } },
  { "win.show-page::statements", { "<Alt>3", NULL } },
};

static void
tract_application_startup (GApplication *application)
{
  static const char * const no_accels[] = { NULL };

  G_APPLICATION_CLASS (tract_application_parent_class)->startup (application);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           app_accels[i].action, app_accels[i].accels);
  /* GtkApplication put Ctrl+? on its own action; app.shortcuts has it now. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "win.show-help-overlay", no_accels);
}

static void
tract_application_shutdown (GApplication *application)
{
  TractApplication *self = TRACT_APPLICATION (application);

  G_APPLICATION_CLASS (tract_application_parent_class)->shutdown (application);

  g_clear_object (&self->store);
}

/* GObject */

static void
tract_application_finalize (GObject *object)
{
  TractApplication *self = TRACT_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->database_path);

  G_OBJECT_CLASS (tract_application_parent_class)->finalize (object);
}

static void
tract_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractApplication *self = TRACT_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TractApplication *self = TRACT_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_application_class_init (TractApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tract_application_finalize;
  object_class->get_property = tract_application_get_property;
  object_class->set_property = tract_application_set_property;
  application_class->activate = tract_application_activate;
  application_class->startup = tract_application_startup;
  application_class->shutdown = tract_application_shutdown;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_application_init (TractApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

/**
 * tract_application_new:
 * @database_path: (nullable): the database to open, %NULL for the default one
 *
 * Returns: (transfer full): the application
 */
TractApplication *
tract_application_new (const char *database_path)
{
  /* One instance per database: a second "tract" on the default database
   * raises the first window, but another --database opens its own. */
  return g_object_new (TRACT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", database_path != NULL ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/tractapp/Tract",
                       "database-path", database_path,
                       NULL);
}
