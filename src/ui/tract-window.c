/* tract-window.c — the main window: three pages over one campaign
 *
 * A header bar with the campaign selector and a view switcher over the
 * agenda, the organizations and the statements. A database without any
 * campaign gets a welcome page instead, which offers the sample campaign.
 *
 * The window remembers its size, its page and its campaign in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-agenda-page.h"
#include "tract-calendar-transfer.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-organization.h"
#include "tract-organizations-page.h"
#include "tract-print-agenda.h"
#include "tract-record-list.h"
#include "tract-statement.h"
#include "tract-statements-page.h"
#include "tract-validate.h"
#include "tract-window.h"
#include "tract-window-bench.h"
#include "tract-toast.h"

/* Where a new campaign is when the system's zone has no IANA name: the
 * reference collective's city. */
#define FALLBACK_TIME_ZONE "Europe/Paris"

struct _TractWindow
{
  AdwApplicationWindow    parent_instance;

  TractStore             *store;
  TractRecordList        *campaigns;
  TractCampaign          *campaign;
  gint64                  followed_id; /* the campaign selected before a change of the list */
  GSettings              *settings; /* NULL when the schema is not installed */

  AdwToastOverlay        *toast_overlay;
  AdwViewSwitcherTitle   *switcher_title;
  AdwViewSwitcherBar     *switcher_bar;
  GtkDropDown            *campaign_dropdown;
  GtkStack               *main_stack;
  AdwViewStack           *view_stack;
  TractAgendaPage        *agenda_page;
  TractOrganizationsPage *organizations_page;
  TractStatementsPage    *statements_page;
};

G_DEFINE_FINAL_TYPE (TractWindow, tract_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
campaign_id (TractCampaign *campaign)
{
  return campaign != NULL ? tract_record_get_id (TRACT_RECORD (campaign)) : 0;
}

static void
show_error (TractWindow *self,
            const char  *heading,
            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Campaigns */

static void
select_campaign (TractWindow   *self,
                 TractCampaign *campaign)
{
  guint position;

  if (campaign == NULL)
    return;

  position = tract_record_list_get_position (self->campaigns, TRACT_RECORD (campaign));
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)))
    gtk_drop_down_set_selected (self->campaign_dropdown, position);
}

static void
update_mode (TractWindow *self)
{
  gboolean has_campaign = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, has_campaign ? "campaign" : "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), has_campaign);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), has_campaign);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-ics", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-selected-ics", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-agenda", has_campaign);
}

static void
on_selected_campaign_changed (TractWindow *self)
{
  TractCampaign *campaign = gtk_drop_down_get_selected_item (self->campaign_dropdown);

  if (campaign == self->campaign)
    return;

  g_set_object (&self->campaign, campaign);
  tract_agenda_page_set_campaign (self->agenda_page, campaign);
  tract_statements_page_set_campaign (self->statements_page, campaign);

  if (campaign != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-campaign",
                           tract_record_get_text (TRACT_RECORD (campaign), "name"));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/* A row that moves in the list (a renamed campaign) is removed and added
 * again, and the drop-down then selects whichever campaign took its place.
 * Note the campaign before the list changes, and select it again after. */
static void
on_campaigns_changing (TractWindow *self)
{
  self->followed_id = campaign_id (self->campaign);
}

static void
on_campaigns_changed (TractWindow *self)
{
  g_autoptr(TractCampaign) campaign = NULL;

  if (self->followed_id != 0)
    campaign = tract_store_load (self->store, TRACT_TYPE_CAMPAIGN, self->followed_id, NULL);
  self->followed_id = 0;
  select_campaign (self, campaign);
}

static void
on_n_campaigns_changed (TractWindow *self)
{
  update_mode (self);
}

static void
restore_campaign (TractWindow *self,
                  const char  *name)
{
  g_autoptr(TractCampaign) campaign = NULL;

  if (name == NULL || *name == '\0')
    return;

  campaign = tract_store_find (self->store, TRACT_TYPE_CAMPAIGN, "name", name);
  select_campaign (self, campaign);
}

/* Actions */

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TractWindow *self = TRACT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
add_sample_campaign_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  TractWindow *self = TRACT_WINDOW (widget);
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = tract_demo_add (self->store, &error);
  if (campaign == NULL)
    {
      show_error (self, _("Could Not Add the Sample Campaign"), error->message);
      return;
    }

  select_campaign (self, campaign);
  tract_window_add_toast (self, adw_toast_new (_("Sample campaign added")));
}

/* Returns: (transfer full): the system's zone if it has an IANA name */
static char *
dup_system_time_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *identifier = g_time_zone_get_identifier (local);

  if (tract_validate_time_zone (identifier))
    return g_strdup (identifier);
  return g_strdup (FALLBACK_TIME_ZONE);
}

static void
new_campaign_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TractWindow *self = TRACT_WINDOW (widget);
  g_autoptr(TractCampaign) campaign = NULL;
  g_autofree char *time_zone = dup_system_time_zone ();
  g_autoptr(GError) error = NULL;

  campaign = tract_campaign_new (_("My Campaign"));
  tract_record_set_text (TRACT_RECORD (campaign), "time_zone", time_zone);
  if (!tract_store_insert (self->store, TRACT_RECORD (campaign), &error))
    {
      show_error (self, _("Could Not Create the Campaign"), error->message);
      return;
    }

  select_campaign (self, campaign);
}

static void
import_organizations_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  tract_organizations_page_import_csv (TRACT_WINDOW (widget)->organizations_page);
}

static void
export_organizations_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  tract_organizations_page_export_csv (TRACT_WINDOW (widget)->organizations_page);
}

static void
import_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tract_calendar_transfer_import (TRACT_WINDOW (widget));
}

static void
export_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tract_calendar_transfer_export (TRACT_WINDOW (widget));
}

/* The Agenda page's Export… in selection mode. */
static void
export_selected_ics_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  tract_calendar_transfer_export_selected (TRACT_WINDOW (widget));
}

static void
print_agenda_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  tract_print_agenda (TRACT_WINDOW (widget));
}

/* Drag and drop: the calendars dropped anywhere on the window are
 * imported into the current campaign, one after the other. A drop of
 * other files only is refused, with a word saying why. */

static gboolean
is_calendar_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL
         && (g_str_has_suffix (basename, ".ics") || g_str_has_suffix (basename, ".ICS")
             || g_str_has_suffix (basename, ".ical"));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TractWindow   *self)
{
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  GFile *refused = NULL;
  GSList *files = NULL;
  GSList single = { NULL, NULL };

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      single.data = g_value_get_object (value);
      files = &single;
    }

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (is_calendar_file (l->data))
        g_ptr_array_add (calendars, l->data);
      else if (refused == NULL)
        refused = l->data;
    }

  if (calendars->len == 0)
    {
      if (refused != NULL)
        {
          g_autofree char *basename = g_file_get_basename (refused);
          g_autofree char *message = g_strdup_printf (_("“%s” is not an iCalendar file: drop .ics files to import their events"),
                                                      basename);

          tract_window_add_toast (self, tract_toast_new_literal (message));
        }
      return FALSE;
    }
  tract_calendar_transfer_import_files (self, (GFile **) calendars->pdata, calendars->len);
  return TRUE;
}

/* Window state */

static void
restore_window_state (TractWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-page", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
save_window_state (TractWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size is the unmaximized one, which is what to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
tract_window_close_request (GtkWindow *window)
{
  save_window_state (TRACT_WINDOW (window));

  return GTK_WINDOW_CLASS (tract_window_parent_class)->close_request (window);
}

/* GObject */

static void
tract_window_constructed (GObject *object)
{
  TractWindow *self = TRACT_WINDOW (object);
  g_autofree char *last_campaign = NULL;

  G_OBJECT_CLASS (tract_window_parent_class)->constructed (object);

  g_assert (TRACT_IS_STORE (self->store));

  /* Read before the drop-down selects its first campaign and overwrites it. */
  if (self->settings != NULL)
    last_campaign = g_settings_get_string (self->settings, "last-campaign");

  self->campaigns = tract_record_list_new (self->store, TRACT_TYPE_CAMPAIGN, NULL, 0, "name");
  /* Before the drop-down's own handler, and after it. */
  g_signal_connect_object (self->campaigns, "items-changed",
                           G_CALLBACK (on_campaigns_changing), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (self->campaigns));
  g_signal_connect_object (self->campaigns, "items-changed",
                           G_CALLBACK (on_campaigns_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->campaigns, "notify::n-items",
                           G_CALLBACK (on_n_campaigns_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->campaign_dropdown, "notify::selected-item",
                           G_CALLBACK (on_selected_campaign_changed), self, G_CONNECT_SWAPPED);

  tract_agenda_page_set_store (self->agenda_page, self->store);
  tract_organizations_page_set_store (self->organizations_page, self->store);
  tract_statements_page_set_store (self->statements_page, self->store);

  restore_window_state (self);
  restore_campaign (self, last_campaign);
  on_selected_campaign_changed (self);
  update_mode (self);

  if (g_getenv ("TRACT_BENCH") != NULL)
    tract_window_bench_start (GTK_WINDOW (self));
}

static void
tract_window_dispose (GObject *object)
{
  TractWindow *self = TRACT_WINDOW (object);

  if (self->campaign_dropdown != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->campaign_dropdown, self);
      gtk_drop_down_set_model (self->campaign_dropdown, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_WINDOW);

  g_clear_object (&self->campaign);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tract_window_parent_class)->dispose (object);
}

static void
tract_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TractWindow *self = TRACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TractWindow *self = TRACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_window_class_init (TractWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tract_window_constructed;
  object_class->dispose = tract_window_dispose;
  object_class->get_property = tract_window_get_property;
  object_class->set_property = tract_window_set_property;
  window_class->close_request = tract_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, TRACT_TYPE_CAMPAIGN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page templates and the campaign selector's list items name these. */
  g_type_ensure (TRACT_TYPE_AGENDA_PAGE);
  g_type_ensure (TRACT_TYPE_ORGANIZATIONS_PAGE);
  g_type_ensure (TRACT_TYPE_STATEMENTS_PAGE);
  g_type_ensure (TRACT_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TractWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, organizations_page);
  gtk_widget_class_bind_template_child (widget_class, TractWindow, statements_page);

  /* Accelerators are the application's (Alt+1, Alt+2, Alt+3), so that the
   * shortcuts window can list them. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.add-sample-campaign", NULL,
                                   add_sample_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_activated);
  gtk_widget_class_install_action (widget_class, "win.import-organizations-csv", NULL,
                                   import_organizations_activated);
  gtk_widget_class_install_action (widget_class, "win.export-organizations-csv", NULL,
                                   export_organizations_activated);
  gtk_widget_class_install_action (widget_class, "win.import-ics", NULL, import_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-selected-ics", NULL, export_selected_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.print-agenda", NULL, print_agenda_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-ics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-ics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-agenda", NULL);
}

static void
tract_window_init (TractWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* Without the schema (an uninstalled run), the window forgets rather than aborts. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_debug ("No GSettings schema %s: the window state is not kept", APPLICATION_ID);
}

/**
 * tract_window_new:
 * @application: the application the window belongs to
 * @store: the open database the window shows
 *
 * Returns: (transfer none): a new window, owned by GTK until it is destroyed
 */
TractWindow *
tract_window_new (GtkApplication *application,
                  TractStore     *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  return g_object_new (TRACT_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

TractStore *
tract_window_get_store (TractWindow *self)
{
  g_return_val_if_fail (TRACT_IS_WINDOW (self), NULL);

  return self->store;
}

/* Returns: (transfer none) (nullable): the campaign the pages show */
TractCampaign *
tract_window_get_campaign (TractWindow *self)
{
  g_return_val_if_fail (TRACT_IS_WINDOW (self), NULL);

  return self->campaign;
}

/* Returns: (transfer none): the Agenda page, whose selection Export Agenda… offers */
TractAgendaPage *
tract_window_get_agenda_page (TractWindow *self)
{
  g_return_val_if_fail (TRACT_IS_WINDOW (self), NULL);

  return self->agenda_page;
}

/* @toast: (transfer full): the toast to show */
void
tract_window_add_toast (TractWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (TRACT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * tract_window_show_record:
 * @record: an event, a statement or an organization
 *
 * Shows @record on its page, switching to its campaign first: what a link
 * to an event or a statement opens (the Organizations page's "takes part
 * in" rows).
 */
void
tract_window_show_record (TractWindow *self,
                          TractRecord *record)
{
  gint64 id;

  g_return_if_fail (TRACT_IS_WINDOW (self));
  g_return_if_fail (TRACT_IS_RECORD (record));

  id = tract_record_get_id (record);

  if (TRACT_IS_EVENT (record) || TRACT_IS_STATEMENT (record))
    {
      gint64 wanted = tract_record_get_integer (record, "campaign_id");

      if (wanted != campaign_id (self->campaign))
        {
          g_autoptr(TractCampaign) campaign = tract_store_load (self->store, TRACT_TYPE_CAMPAIGN, wanted, NULL);

          select_campaign (self, campaign);
        }
    }

  if (TRACT_IS_EVENT (record))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
      tract_agenda_page_select_event (self->agenda_page, id);
    }
  else if (TRACT_IS_STATEMENT (record))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "statements");
      tract_statements_page_select_statement (self->statements_page, id);
    }
  else if (TRACT_IS_ORGANIZATION (record))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "organizations");
      tract_organizations_page_select_organization (self->organizations_page, id);
    }
}
