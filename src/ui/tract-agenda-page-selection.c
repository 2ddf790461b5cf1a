/* tract-agenda-page-selection.c — the Agenda page's selection mode
 *
 * As in GNOME Contacts: the Select button turns the list into a list of
 * check boxes; a click on a row toggles it (Ctrl and Shift clicks do what
 * they do in any GTK list), Ctrl+A selects every event the search and the
 * filters show, Escape leaves. An action bar counts the events selected
 * and exports them.
 *
 * The list has 100,000 rows and pages them in: the selection is a set of
 * positions (TractPositionSelection) and nothing reads the rows it covers.
 * Positions become events only when counted or exported, a range of
 * positions at a time from the list's index (tract_agenda_list_get_event_ids),
 * and the occurrences of one series count as one event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-agenda-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-agenda-page-private.h"
#include "tract-event-row.h"

/* Positions resolved per query (512 KiB of ids): each query skips the
 * rows before its window, so fewer, larger windows cost less. */
#define RESOLVE_WINDOW 65536

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The last selected position in [first, last]; @first is selected. */
static guint
last_selected_within (GtkBitset *selected,
                      guint      first,
                      guint      last)
{
  GtkBitsetIter iter;
  guint position, found = first;

  for (gboolean more = gtk_bitset_iter_init_at (&iter, selected, first, &position);
       more && position <= last; more = gtk_bitset_iter_next (&iter, &position))
    found = position;
  return found;
}

/* The events at the selected positions, each once, sorted. Each window of
 * the list starts at a selected position and ends at the last selected one
 * within RESOLVE_WINDOW rows: a stretch with nothing selected costs nothing. */
static GArray *
resolve (TractAgendaList *list,
         GtkBitset       *selected)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *window = NULL;
  GtkBitsetIter iter;
  guint start, n_unique = 0;

  if (gtk_bitset_is_empty (selected))
    return ids;

  window = g_new (gint64, RESOLVE_WINDOW);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &start); more;
       more = gtk_bitset_iter_init_at (&iter, selected, start, &start))
    {
      guint end = last_selected_within (selected, start, start + MIN (RESOLVE_WINDOW - 1, G_MAXUINT - start));
      guint n = tract_agenda_list_get_event_ids (list, start, end - start + 1, window);
      guint position;

      for (gboolean in = gtk_bitset_iter_init_at (&iter, selected, start, &position);
           in && position <= end && position - start < n; in = gtk_bitset_iter_next (&iter, &position))
        g_array_append_val (ids, window[position - start]);
      /* Past the end of the list, or of the positions. */
      if (n < end - start + 1 || end == G_MAXUINT)
        break;
      start = end + 1;
    }

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (n_unique == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n_unique - 1))
      g_array_index (ids, gint64, n_unique++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n_unique);
  return ids;
}

GArray *
tract_agenda_page_dup_selected_events (TractAgendaPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  gint64 started = g_get_monotonic_time ();
  GArray *ids;

  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  if (!self->selection_mode || self->selection == NULL || self->events == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  ids = resolve (self->events, selected);
  g_debug ("%" G_GUINT64_FORMAT " positions selected are %u events, found in %.1f ms",
           gtk_bitset_get_size (selected), ids->len, (g_get_monotonic_time () - started) / 1000.0);
  return ids;
}

/* The count */

static void
update_count (TractAgendaPage *self)
{
  g_autoptr(GArray) ids = tract_agenda_page_dup_selected_events (self);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->count_source, g_source_remove);
  self->n_selected = ids->len;
  /* Translators: in the agenda's selection mode; a series counts once. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event selected", "%'u events selected",
                                       self->n_selected),
                          self->n_selected);
  gtk_label_set_label (self->selected_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-selected", self->n_selected > 0);
}

static gboolean
on_count_idle (gpointer user_data)
{
  TractAgendaPage *self = user_data;

  self->count_source = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* A shift-click or Ctrl+A is one change; a reloaded list, another. */
static void
queue_count (TractAgendaPage *self)
{
  if (self->count_source == 0 && self->selection_mode)
    self->count_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_count_idle, self, NULL);
}

guint
tract_agenda_page_get_n_selected_events (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), 0);

  if (self->count_source != 0)
    update_count (self);
  return self->selection_mode ? self->n_selected : 0;
}

GtkSelectionModel *
tract_agenda_page_get_selection (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->selection != NULL ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

/* The list's model */

/* A new selection for the list, in the mode the page is in: the rows are
 * bound again (with the campaign's zone) and nothing is selected. */
void
tract_agenda_page_set_selection_model (TractAgendaPage *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->events != NULL)
    {
      self->selection = tract_position_selection_new (G_LIST_MODEL (self->events));
      tract_position_selection_set_enabled (self->selection, self->selection_mode);
      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (queue_count), self);
      g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (queue_count), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  queue_count (self);
}

void
tract_agenda_page_clear_selection (TractAgendaPage *self)
{
  g_clear_handle_id (&self->count_source, g_source_remove);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
}

void
tract_agenda_page_apply_selection_mode (TractAgendaPage *self)
{
  if (self->selection != NULL)
    tract_position_selection_set_enabled (self->selection, self->selection_mode);
  /* A list activated by a single click selects the row under the pointer. */
  gtk_list_view_set_single_click_activate (self->list_view, !self->selection_mode);
  /* Hidden, not only folded away: out of the accessibility tree too. */
  gtk_widget_set_visible (GTK_WIDGET (self->selection_bar), self->selection_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.select-all", self->selection_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.leave-selection", self->selection_mode);
  update_count (self);
}

/* Rows */

/* Ctrl and Shift clicks are the list's own; a plain click in selection
 * mode is taken here, before the row's own gesture selects that row alone. */
static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                TractAgendaPage *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (!self->selection_mode || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 TractAgendaPage *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (gesture), "tract-list-item");
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (!self->selection_mode
      || gtk_gesture_get_sequence_state (GTK_GESTURE (gesture), sequence) != GTK_EVENT_SEQUENCE_CLAIMED)
    return;
  /* The keys go on from the row clicked, as after any click in a list. */
  gtk_widget_grab_focus (gtk_widget_get_parent (row));
  tract_agenda_page_toggle_selected (self, gtk_list_item_get_position (item));
}

/* As a Ctrl+click does: the list toggles the row and starts any Shift+click
 * range from it. */
void
tract_agenda_page_toggle_selected (TractAgendaPage *self,
                                   guint            position)
{
  if (!self->selection_mode || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.select-item", "(ubb)", position, TRUE, FALSE);
}

void
tract_agenda_page_setup_selectable_row (TractAgendaPage *self,
                                        GtkListItem     *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkGesture *click = gtk_gesture_click_new ();

  g_object_bind_property (item, "selected", row, "selected", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selection-mode", row, "selection-mode", G_BINDING_SYNC_CREATE);

  /* The item owns the row, which owns the gesture. */
  g_object_set_data (G_OBJECT (click), "tract-list-item", item);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_row_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
}

/* Actions */

static void
select_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (widget);

  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
leave_selection_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  tract_agenda_page_set_selection_mode (TRACT_AGENDA_PAGE (widget), FALSE);
}

/* The window asks which events, and where to write them. */
static void
export_selected_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.export-selected-ics", NULL);
}

void
tract_agenda_page_install_selection (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "agenda.selection-mode", "selection-mode");
  gtk_widget_class_install_action (widget_class, "agenda.select-all", NULL, select_all_activated);
  gtk_widget_class_install_action (widget_class, "agenda.leave-selection", NULL, leave_selection_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-selected", NULL, export_selected_activated);
}
