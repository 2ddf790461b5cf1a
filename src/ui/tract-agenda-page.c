/* tract-agenda-page.c — the events of a campaign, day by day, and the editor
 *
 * A searchable, filterable list of the campaign's occurrences beside a
 * month calendar that marks the days with events, and the event editor
 * (AdwLeaflet: side by side when wide, one at a time when narrow).
 *
 * The list is lazy (TractAgendaList pages rows in from an indexed query).
 * GTK 4.8 lists have no sections, so the first row of each day carries the
 * day's heading: a row knows it is first by comparing its day with the row
 * before, when it is bound, and the bound rows check again after the list
 * changes. The calendar asks only for the marks of the month it shows.
 * Selection mode is in tract-agenda-page-selection.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-agenda-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tract-agenda-list.h"
#include "tract-agenda-page-private.h"
#include "tract-event-editor.h"
#include "tract-event-row.h"
#include "tract-event-snapshot.h"
#include "tract-event.h"
#include "tract-organization.h"
#include "tract-record-list.h"
#include "tract-window.h"
#include "tract-toast.h"

static const char * const kinds[] = {
  NULL, "rally", "demonstration", "panel", "commemoration", "celebration", "meeting", "other"
};

static const char * const statuses[] = { NULL, "tentative", "confirmed", "cancelled" };


G_DEFINE_FINAL_TYPE (TractAgendaPage, tract_agenda_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gint64
tract_agenda_page_campaign_id (TractAgendaPage *self)
{
  return self->campaign != NULL ? tract_record_get_id (TRACT_RECORD (self->campaign)) : 0;
}

char *
tract_agenda_page_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
tract_agenda_page_add_toast (TractAgendaPage *self,
                             AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TRACT_IS_WINDOW (root))
    tract_window_add_toast (TRACT_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
tract_agenda_page_toast (TractAgendaPage *self,
                         const char      *message)
{
  tract_agenda_page_add_toast (self, tract_toast_new_literal (message));
}

static void
on_discard_clicked (AdwToast        *toast,
                    TractAgendaPage *self)
{
  tract_event_editor_discard (self->editor);
}

/* The editor holds fields in error that cannot be saved: say so, keep it
 * open, and offer to forget them. */
void
tract_agenda_page_offer_discard (TractAgendaPage *self)
{
  AdwToast *toast = tract_toast_new_literal (_("Correct the fields marked in red first, or they would be lost."));

  adw_toast_set_button_label (toast, _("_Discard Changes"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_discard_clicked), self, 0);
  tract_agenda_page_add_toast (self, toast);
  tract_agenda_page_show_editor (self);
}

/* State of the list */

static gboolean
has_filters (TractAgendaPage *self)
{
  return gtk_drop_down_get_selected (self->kind_dropdown) > 0
         || gtk_drop_down_get_selected (self->status_dropdown) > 0
         || gtk_drop_down_get_selected (self->organization_dropdown) > 0
         || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

static void
update_visible_child (TractAgendaPage *self)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, has_filters (self) ? "no-results" : "empty");

  /* Translators: how many occurrences of events the agenda shows. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", n), n);
  gtk_label_set_label (self->count_label, n > 0 ? count : "");
}

void
tract_agenda_page_update_editor_title (TractAgendaPage *self)
{
  TractEvent *event = tract_event_editor_get_event (self->editor);

  gtk_label_set_label (self->editor_title, event != NULL ? tract_event_get_title (event) : "");
  gtk_stack_set_visible_child_name (self->editor_stack, event != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.duplicate-event", event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.delete-event", event != NULL);
}

/* Day headings */

static void
update_heading (TractAgendaPage *self,
                GtkListItem     *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  TractRecord *event = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(TractRecord) previous = NULL;
  char day[11];

  if (event == NULL || !TRACT_IS_EVENT_ROW (row))
    return;
  g_strlcpy (day, tract_record_get_text (event, "start_local"), sizeof day);
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    previous = g_list_model_get_item (G_LIST_MODEL (self->events), position - 1);
  if (previous != NULL && strncmp (tract_record_get_text (previous, "start_local"), day, 10) == 0)
    tract_event_row_set_day (TRACT_EVENT_ROW (row), NULL);
  else
    tract_event_row_set_day (TRACT_EVENT_ROW (row), day);
}

static gboolean
on_headings_idle (gpointer user_data)
{
  TractAgendaPage *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->headings_source = 0;
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_heading (self, item);
  return G_SOURCE_REMOVE;
}

/* Calendar marks */

static gboolean
on_marks_idle (gpointer user_data)
{
  TractAgendaPage *self = user_data;
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  int year, month;
  guint32 days;

  self->marks_source = 0;
  /* The month shown, which the "year" and "month" properties follow. */
  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  days = self->events != NULL ? tract_agenda_list_get_days_with_events (self->events, year, month + 1) : 0;
  gtk_calendar_clear_marks (self->calendar);
  for (guint day = 1; day <= 31; day++)
    if (days & (1u << day))
      gtk_calendar_mark_day (self->calendar, day);
  /* GTK 4.8 shows marks only when it selects another day: select the day
   * beside, in the same month, then the one selected again. */
  {
    int day = g_date_time_get_day_of_month (shown);
    g_autoptr(GDateTime) beside = g_date_time_add_days (shown, day > 1 ? -1 : 1);

    self->selecting_day = TRUE;
    gtk_calendar_select_day (self->calendar, beside);
    gtk_calendar_select_day (self->calendar, shown);
    self->selecting_day = FALSE;
  }
  return G_SOURCE_REMOVE;
}

static void
queue_marks (TractAgendaPage *self)
{
  if (self->marks_source == 0)
    self->marks_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_marks_idle, self, NULL);
}

static void
on_month_changed (TractAgendaPage *self)
{
  queue_marks (self);
}

static gboolean
on_visible_child_idle (gpointer user_data)
{
  TractAgendaPage *self = user_data;

  self->visible_child_source = 0;
  update_visible_child (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed (TractAgendaPage *self)
{
  /* A reload announces every row gone, then the new ones: the page is
   * chosen once both are told, or the empty page would fade in and out
   * between them (after an import, at each keystroke of a search). Before
   * the next frame is drawn. */
  if (self->visible_child_source == 0)
    self->visible_child_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_visible_child_idle, self, NULL);
  queue_marks (self);
  if (self->headings_source == 0)
    self->headings_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, on_headings_idle, self, NULL);
}

/* Scrolling */

/* GTK 4.8's "list.scroll-to-item" brings a row into view at the nearest
 * edge, and does nothing for the row it holds on to (the last one it was
 * asked for, even when a change moved it away). To show a day from its
 * top, aim past it first (the rows after it come into view), then, once
 * laid out, at it: it is then above, and lands at the top. Near the end of
 * the list, aim before it first: it lands at the bottom, as far as it goes. */
static gboolean
on_scroll_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TractAgendaPage *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  guint page_rows, first;

  /* A list that was just mapped has no size yet: wait for one. */
  if (gtk_adjustment_get_page_size (adjustment) <= 0 && ++self->scroll_ticks < 10)
    return G_SOURCE_CONTINUE;

  if (self->scroll_first_done == FALSE)
    {
      page_rows = MAX ((guint) (gtk_adjustment_get_page_size (adjustment) / 40) + 2, 20);
      if (self->scroll_target + page_rows < n)
        first = self->scroll_target + page_rows;
      else
        first = self->scroll_target > page_rows ? self->scroll_target - page_rows : 0;
      if (first < n)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", first);
      self->scroll_first_done = TRUE;
      self->scroll_ticks = 0;
      return G_SOURCE_CONTINUE;
    }

  /* Laid out at the first aim: now at the row itself. */
  if (++self->scroll_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  if (self->scroll_target < n)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", self->scroll_target);
  return G_SOURCE_REMOVE;
}

void
tract_agenda_page_scroll_to_position (TractAgendaPage *self,
                                      guint            position)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;

  if (n == 0)
    return;
  self->scroll_target = MIN (position, n - 1);
  self->scroll_first_done = FALSE;
  self->scroll_ticks = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), on_scroll_tick, self, NULL);
}

void
tract_agenda_page_scroll_to_day (TractAgendaPage *self,
                                 const char      *day)
{
  if (self->events != NULL)
    tract_agenda_page_scroll_to_position (self, tract_agenda_list_get_day_position (self->events, day));
}

void
tract_agenda_page_select_calendar_day (TractAgendaPage *self,
                                       const char      *day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return;
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    return;
  self->selecting_day = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->selecting_day = FALSE;
}

char *
tract_agenda_page_calendar_day (TractAgendaPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
on_day_selected (TractAgendaPage *self)
{
  g_autofree char *day = NULL;

  if (self->selecting_day)
    return;
  day = tract_agenda_page_calendar_day (self);
  tract_agenda_page_scroll_to_day (self, day);
}

/* The first time the list shows, it opens on today: the past stays above. */
static void
on_list_mapped (TractAgendaPage *self)
{
  g_autofree char *day = NULL;

  if (self->scrolled_once || self->events == NULL)
    return;
  self->scrolled_once = TRUE;
  day = tract_agenda_page_today ();
  tract_agenda_page_scroll_to_day (self, day);
}

/* Opening events */

void
tract_agenda_page_show_editor (TractAgendaPage *self)
{
  tract_agenda_page_update_editor_title (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

gboolean
tract_agenda_page_open_event (TractAgendaPage *self,
                              gint64           event_id,
                              gboolean         scroll)
{
  g_autoptr(GError) error = NULL;

  if (!tract_event_editor_load (self->editor, event_id, &error))
    {
      if (g_error_matches (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID))
        tract_agenda_page_offer_discard (self);
      else
        tract_agenda_page_toast (self, error->message);
      return FALSE;
    }
  /* A new event, a copy, an undone deletion: show where it lands. */
  if (scroll)
    {
      g_autofree char *day = tract_agenda_page_today ();
      guint position;

      if (tract_agenda_list_find_event (self->events, event_id, day, &position))
        tract_agenda_page_scroll_to_position (self, position);
    }
  tract_agenda_page_show_editor (self);
  return TRUE;
}

static void
on_row_activated (TractAgendaPage *self,
                  guint            position)
{
  g_autoptr(TractRecord) event = NULL;

  /* Enter on a row, in selection mode, toggles it. */
  if (self->selection_mode)
    {
      tract_agenda_page_toggle_selected (self, position);
      return;
    }
  event = g_list_model_get_item (G_LIST_MODEL (self->events), position);

  if (event != NULL)
    tract_agenda_page_open_event (self, tract_record_get_id (event), FALSE);
}

static void
on_back_clicked (TractAgendaPage *self)
{
  /* Leaving the editor saves it; a field in error keeps it open. */
  if (!tract_event_editor_flush (self->editor))
    {
      tract_agenda_page_offer_discard (self);
      return;
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_folded_changed (TractAgendaPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_editor_closed (TractAgendaPage *self)
{
  tract_agenda_page_update_editor_title (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The event being edited moved in time: the list follows it there. */
static void
on_editor_event_changed (TractAgendaPage *self)
{
  TractEvent *event = tract_event_editor_get_event (self->editor);
  g_autofree char *start = event != NULL
                           ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", tract_event_get_start_utc (event),
                                              tract_record_get_text (TRACT_RECORD (event), "start_local"))
                           : NULL;
  gboolean moved = start != NULL && self->followed_start != NULL && g_strcmp0 (start, self->followed_start) != 0;

  tract_agenda_page_update_editor_title (self);
  g_free (self->followed_start);
  self->followed_start = g_steal_pointer (&start);
  if (moved)
    {
      g_autofree char *day = tract_agenda_page_today ();
      guint position;

      if (tract_agenda_list_find_event (self->events, tract_record_get_id (TRACT_RECORD (event)), day, &position))
        tract_agenda_page_scroll_to_position (self, position);
    }
}

/* Search and filters */

/* What a search or a filter keeps, from the day the calendar shows (today
 * at first), as the agenda opens: the earlier rows above. */
static void
show_calendar_day (TractAgendaPage *self)
{
  g_autofree char *day = tract_agenda_page_calendar_day (self);

  tract_agenda_page_scroll_to_day (self, day);
}

/* Someone about to type: the list reads what a search needs now, not at
 * the first keystroke. */
static void
on_search_focused (TractAgendaPage *self)
{
  if (self->events != NULL)
    tract_agenda_list_prepare_search (self->events);
}

static void
on_search_changed (TractAgendaPage *self)
{
  if (self->events == NULL)
    return;
  tract_agenda_list_set_search (self->events, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_visible_child (self);
  queue_marks (self);
  show_calendar_day (self);
}

static gint64
selected_organization (TractAgendaPage *self)
{
  g_autoptr(TractRecord) organization = NULL;
  guint selected = gtk_drop_down_get_selected (self->organization_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->organizations == NULL)
    return 0;
  organization = g_list_model_get_item (G_LIST_MODEL (self->organizations), selected - 1);
  return organization != NULL ? tract_record_get_id (organization) : 0;
}

static void
on_filter_changed (TractAgendaPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->events == NULL)
    return;
  tract_agenda_list_set_kind (self->events, kind < G_N_ELEMENTS (kinds) ? kinds[kind] : NULL);
  tract_agenda_list_set_status (self->events, status < G_N_ELEMENTS (statuses) ? statuses[status] : NULL);
  tract_agenda_list_set_organization (self->events, selected_organization (self));

  if (kind > 0 || status > 0 || selected_organization (self) != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  update_visible_child (self);
  queue_marks (self);
  show_calendar_day (self);
}

static void
on_clear_filters (TractAgendaPage *self)
{
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->organization_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_menu_button_popdown (self->filter_button);
}

/* List items */

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractAgendaPage          *self)
{
  gtk_list_item_set_child (item, tract_event_row_new ());
  tract_agenda_page_setup_selectable_row (self, item);
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractAgendaPage          *self)
{
  tract_event_row_set_event (TRACT_EVENT_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item), self->time_zone);
  update_heading (self, item);
  g_hash_table_add (self->bound_items, item);
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractAgendaPage          *self)
{
  g_hash_table_remove (self->bound_items, item);
  tract_event_row_set_event (TRACT_EVENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
  tract_event_row_set_day (TRACT_EVENT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Rows are bound again with the campaign's zone, which they show against. */
static void
set_list_model (TractAgendaPage *self)
{
  g_hash_table_remove_all (self->bound_items);
  tract_agenda_page_set_selection_model (self);
  update_visible_child (self);
  queue_marks (self);
}

static void
set_organizations_model (TractAgendaPage *self)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) any = g_list_store_new (TRACT_TYPE_ORGANIZATION);
  g_autoptr(TractOrganization) all_organizations = NULL;
  g_autoptr(GtkFlattenListModel) choices = NULL;

  g_signal_handlers_block_by_func (self->organization_dropdown, on_filter_changed, self);
  if (self->organizations == NULL)
    {
      gtk_drop_down_set_model (self->organization_dropdown, NULL);
      g_signal_handlers_unblock_by_func (self->organization_dropdown, on_filter_changed, self);
      return;
    }
  /* "All organizations" first, then every organization: still lazy. The
   * first item is an unsaved organization (id 0) that only names the
   * choice; choosing it clears the filter. */
  all_organizations = tract_organization_new (C_("filter", "All Organizations"), "");
  g_list_store_append (any, all_organizations);
  g_list_store_append (parts, any);
  g_list_store_append (parts, self->organizations);
  choices = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  gtk_drop_down_set_model (self->organization_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->organization_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->organization_dropdown, on_filter_changed, self);
}

/* GObject */

static void
tract_agenda_page_dispose (GObject *object)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->headings_source, g_source_remove);
  g_clear_handle_id (&self->visible_child_source, g_source_remove);
  g_clear_handle_id (&self->marks_source, g_source_remove);
  if (self->scroll_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  tract_agenda_page_clear_selection (self);
  if (self->organization_dropdown != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->organization_dropdown, self);
      gtk_drop_down_set_model (self->organization_dropdown, NULL);
    }
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_object (&self->organizations);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->followed_start, g_free);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_AGENDA_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_agenda_page_parent_class)->dispose (object);
}

static void
tract_agenda_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_agenda_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_agenda_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      tract_agenda_page_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_SELECTION_MODE:
      tract_agenda_page_set_selection_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_agenda_page_class_init (TractAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_agenda_page_dispose;
  object_class->get_property = tract_agenda_page_get_property;
  object_class->set_property = tract_agenda_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, TRACT_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRACT_TYPE_EVENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, calendar_toggle);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, select_toggle);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, organization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_focused);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_month_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed);

  tract_agenda_page_install_actions (widget_class);
  tract_agenda_page_install_selection (widget_class);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The page's own style (the calendar's marks), once per display. */
static void
load_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "tract-agenda-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tractapp/Tract/tract-agenda-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "tract-agenda-style", g_object_ref (provider), g_object_unref);
}

static void
tract_agenda_page_init (TractAgendaPage *self)
{
  GtkGesture *click;
  g_autofree char *day = tract_agenda_page_today ();

  self->bound_items = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  load_style (GTK_WIDGET (self));
  tract_agenda_page_add_shortcuts (self);

  {
    GtkExpression *expression = gtk_property_expression_new (TRACT_TYPE_RECORD, NULL, "display-name");

    gtk_drop_down_set_expression (self->organization_dropdown, expression);
    gtk_expression_unref (expression);
  }

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (tract_agenda_page_on_calendar_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (self->list_view, "map", G_CALLBACK (on_list_mapped), self);
  g_signal_connect_swapped (self->editor, "notify::event", G_CALLBACK (on_editor_event_changed), self);
  tract_agenda_page_select_calendar_day (self, day);
  tract_agenda_page_update_editor_title (self);
  tract_agenda_page_apply_selection_mode (self);
  on_folded_changed (self);
}

TractStore *
tract_agenda_page_get_store (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the events of */
void
tract_agenda_page_set_store (TractAgendaPage *self,
                             TractStore      *store)
{
  g_return_if_fail (TRACT_IS_AGENDA_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_object (&self->organizations);

  tract_event_editor_set_store (self->editor, store);
  if (store != NULL)
    {
      self->events = tract_agenda_list_new (store, tract_agenda_page_campaign_id (self));
      g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (on_items_changed), self);
      self->organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
    }
  set_organizations_model (self);
  set_list_model (self);
  on_filter_changed (self);
  tract_agenda_page_update_editor_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TractCampaign *
tract_agenda_page_get_campaign (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->campaign;
}

/* @campaign: (nullable): the campaign whose events to show, %NULL for none */
void
tract_agenda_page_set_campaign (TractAgendaPage *self,
                                TractCampaign   *campaign)
{
  const char *time_zone;
  gboolean same_zone;
  TractEvent *shown;

  g_return_if_fail (TRACT_IS_AGENDA_PAGE (self));
  g_return_if_fail (campaign == NULL || TRACT_IS_CAMPAIGN (campaign));

  /* The list hands out a new object for a row it reloads: compare rows, not pointers. */
  if (!g_set_object (&self->campaign, campaign))
    return;

  time_zone = campaign != NULL ? tract_record_get_text (TRACT_RECORD (campaign), "time_zone") : NULL;
  same_zone = g_strcmp0 (time_zone, self->time_zone) == 0;
  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);

  /* The editor shows an event of the campaign shown, or none. */
  shown = tract_event_editor_get_event (self->editor);
  if (shown != NULL && tract_record_get_integer (TRACT_RECORD (shown), "campaign_id") != tract_agenda_page_campaign_id (self))
    {
      tract_event_editor_flush (self->editor);
      tract_event_editor_load (self->editor, 0, NULL);
      tract_agenda_page_update_editor_title (self);
    }

  if (self->events != NULL)
    {
      const TractAgendaFilter *filter = tract_agenda_list_get_filter (self->events);

      if (filter->campaign_id != tract_agenda_page_campaign_id (self))
        {
          g_autofree char *day = tract_agenda_page_today ();

          tract_agenda_list_set_campaign (self->events, tract_agenda_page_campaign_id (self));
          if (!same_zone)
            set_list_model (self);
          tract_agenda_page_select_calendar_day (self, day);
          if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
            tract_agenda_page_scroll_to_day (self, day);
          else
            self->scrolled_once = FALSE;
        }
      else if (!same_zone)
        set_list_model (self);
      update_visible_child (self);
      queue_marks (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

gboolean
tract_agenda_page_get_selection_mode (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), FALSE);

  return self->selection_mode;
}

/* Leaving selection mode unselects every row. */
void
tract_agenda_page_set_selection_mode (TractAgendaPage *self,
                                      gboolean         selection_mode)
{
  g_return_if_fail (TRACT_IS_AGENDA_PAGE (self));

  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  tract_agenda_page_apply_selection_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

/* Returns: (transfer none) (nullable): the occurrences shown, for tests */
GListModel *
tract_agenda_page_get_model (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->events != NULL ? G_LIST_MODEL (self->events) : NULL;
}

/**
 * tract_agenda_page_select_event:
 *
 * Shows the event in the list (its next occurrence from today, else its
 * last) and opens it in the editor; the window switches to the event's
 * campaign first. A search or filter that hides it is cleared. Added for
 * the links of the Organizations page (issue 3).
 *
 * Returns: %FALSE if the page cannot show that event
 */
gboolean
tract_agenda_page_select_event (TractAgendaPage *self,
                                gint64           event_id)
{
  g_autofree char *day = tract_agenda_page_today ();
  guint position;

  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), FALSE);

  if (self->store == NULL || self->events == NULL)
    return FALSE;
  if (!tract_agenda_list_find_event (self->events, event_id, day, &position))
    {
      on_clear_filters (self);
      if (!tract_agenda_list_find_event (self->events, event_id, day, &position))
        return FALSE;
    }
  tract_agenda_page_scroll_to_position (self, position);
  return tract_agenda_page_open_event (self, event_id, FALSE);
}
