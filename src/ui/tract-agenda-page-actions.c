/* tract-agenda-page-actions.c — what the Agenda page does: new, copy, delete, undo
 *
 * The page's actions and their keys (listed in gtk/help-overlay.ui). A
 * deletion keeps a snapshot of the event, its organizations, tasks and
 * picture in the toast that offers Undo; Undo puts it all back, with the
 * same id and UID, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-agenda-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-agenda-page-private.h"
#include "tract-event-snapshot.h"
#include "tract-toast.h"

void
tract_agenda_page_new_event_on (TractAgendaPage *self,
                                const char      *day)
{
  g_autofree char *start = g_strdup_printf ("%sT10:00", day);
  g_autofree char *end = g_strdup_printf ("%sT11:00", day);
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->campaign == NULL)
    return;
  if (!tract_event_editor_flush (self->editor))
    {
      tract_agenda_page_offer_discard (self);
      return;
    }
  event = tract_event_new_timed (tract_agenda_page_campaign_id (self), _("New Event"), start, end,
                                 self->time_zone != NULL ? self->time_zone : "UTC");
  if (!tract_store_insert (self->store, TRACT_RECORD (event), &error))
    {
      tract_agenda_page_toast (self, error->message);
      return;
    }
  if (tract_agenda_page_open_event (self, tract_record_get_id (TRACT_RECORD (event)), TRUE))
    tract_event_editor_focus_title (self->editor);
}

static void
new_event_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);
  g_autofree char *day = tract_agenda_page_calendar_day (self);

  tract_agenda_page_new_event_on (self, day);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);
  g_autofree char *day = tract_agenda_page_today ();

  tract_agenda_page_select_calendar_day (self, day);
  tract_agenda_page_scroll_to_day (self, day);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);
  gint64 id = tract_event_editor_get_event_id (self->editor);
  g_autoptr(TractEventSnapshot) snapshot = NULL;
  g_autoptr(TractEvent) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  if (!tract_event_editor_flush (self->editor))
    {
      tract_agenda_page_offer_discard (self);
      return;
    }
  snapshot = tract_event_snapshot_take (self->store, id, &error);
  if (snapshot != NULL)
    copy = tract_event_snapshot_duplicate (snapshot, self->store, &error);
  if (copy == NULL)
    {
      tract_agenda_page_toast (self, error->message);
      return;
    }
  if (tract_agenda_page_open_event (self, tract_record_get_id (TRACT_RECORD (copy)), TRUE))
    {
      /* Translators: %s is an event's title. */
      g_autofree char *message = g_strdup_printf (_("A copy of “%s” is open"), tract_event_get_title (copy));

      tract_agenda_page_toast (self, message);
      tract_event_editor_focus_title (self->editor);
    }
}

static void
on_undo_delete (AdwToast        *toast,
                TractAgendaPage *self)
{
  TractEventSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "tract-snapshot");
  g_autoptr(GError) error = NULL;

  if (snapshot == NULL || self->store == NULL)
    return;
  if (!tract_event_snapshot_restore (snapshot, self->store, &error))
    {
      tract_agenda_page_toast (self, error->message);
      return;
    }
  tract_agenda_page_open_event (self, tract_record_get_id (TRACT_RECORD (tract_event_snapshot_get_event (snapshot))), TRUE);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);
  gint64 id = tract_event_editor_get_event_id (self->editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TractEventSnapshot *snapshot;
  AdwToast *toast;

  if (id == 0)
    return;
  /* What can be saved is, so that Undo brings back the latest. */
  tract_event_editor_flush (self->editor);
  snapshot = tract_event_snapshot_delete (self->store, id, &error);
  if (snapshot == NULL)
    {
      tract_agenda_page_toast (self, error->message);
      return;
    }

  /* Translators: %s is the title of the event deleted. */
  title = g_strdup_printf (_("Event “%s” deleted"),
                           tract_event_get_title (tract_event_snapshot_get_event (snapshot)));
  toast = tract_toast_new_literal (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "tract-snapshot", snapshot,
                          (GDestroyNotify) tract_event_snapshot_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  tract_agenda_page_add_toast (self, toast);
}

/* A double-click on a day adds an event on it. The calendar handles the
 * click itself (and selects the day first): the event follows at idle. */
static gboolean
on_new_day_idle (gpointer user_data)
{
  TractAgendaPage *self = user_data;
  g_autofree char *day = tract_agenda_page_calendar_day (self);

  tract_agenda_page_new_event_on (self, day);
  return G_SOURCE_REMOVE;
}

void
tract_agenda_page_on_calendar_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     TractAgendaPage *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (n_press == 2 && picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_new_day_idle, g_object_ref (self), g_object_unref);
}

/* The page's keys work wherever the focus is, as long as the page shows:
 * a managed controller is only consulted for mapped widgets. */
void
tract_agenda_page_add_shortcuts (TractAgendaPage *self)
{
  static const struct
  {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>n", "agenda.new-event" },
    { "<Control>t", "agenda.today" },
    { "<Control>f", "agenda.search" },
    { "<Control>d", "agenda.duplicate-event" },
    { "<Control>Delete", "agenda.delete-event" },
    /* Selection mode only: the actions are disabled outside it. */
    { "<Control>a", "agenda.select-all" },
    { "Escape", "agenda.leave-selection" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
tract_agenda_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agenda.new-event", NULL, new_event_activated);
  gtk_widget_class_install_action (widget_class, "agenda.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "agenda.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "agenda.duplicate-event", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "agenda.delete-event", NULL, delete_activated);
}
