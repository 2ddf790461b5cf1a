/* tract-event-editor.c — every field of an event, saved as it is edited
 *
 * The form saves when typing pauses, in one transaction per save. Before
 * writing, the model checks the whole event (tract_record_check) and its
 * repetition (tract_recurrence_check_event): an end before the start, a
 * time that does not exist or happens twice in its zone, an unknown zone,
 * a repetition that never occurs. What is refused stays in the form as it
 * was typed, marked in error with the reason below it, and everything else
 * is saved: the fields are saved in units that hang together (the times,
 * their zone and the all-day flag are one; the rule and its exceptions are
 * another), and a refused unit keeps its stored value until it is fixed.
 * Nothing is ever half a unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tract-event-editor-private.h"
#include "tract-flyer-actions.h"
#include "tract-flyer-thumbnail.h"
#include "tract-organization.h"
#include "tract-validate.h"

#define SAVE_DELAY_MS 400

static const char * const kinds[] = {
  "rally", "demonstration", "panel", "commemoration", "celebration", "meeting", "other", NULL
};

static const char * const statuses[] = { "tentative", "confirmed", "cancelled", NULL };

G_DEFINE_FINAL_TYPE (TractEventEditor, tract_event_editor, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
tract_event_editor_set_event (TractEventEditor *self,
                              TractEvent       *event)
{
  if (g_set_object (&self->event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static int
index_of (const char * const *values,
          const char         *value)
{
  for (int i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  TractEventEditor *self = user_data;

  self->save_source = 0;
  tract_event_editor_save (self);
  return G_SOURCE_REMOVE;
}

void
tract_event_editor_changed (TractEventEditor *self)
{
  if (self->loading || self->event == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, self);
}

static void
on_field_changed (TractEventEditor *self)
{
  tract_event_editor_changed (self);
}

static void
update_time_visibility (TractEventEditor *self)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->start_time), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_time), !all_day);
  /* A day is a day wherever it is: the zone only matters for times. */
  gtk_widget_set_visible (GTK_WIDGET (self->zone_row), !all_day);
}

static void
on_all_day_changed (TractEventEditor *self)
{
  update_time_visibility (self);
  tract_event_editor_changed (self);
}

/* Moving the start keeps the length: the end moves by as many days. */
static void
on_start_date_changed (TractEventEditor *self)
{
  g_autoptr(GDate) old_start = NULL;
  g_autoptr(GDate) new_start = NULL;
  g_autoptr(GDate) end = NULL;
  char old_day[11];

  if (self->loading || self->event == NULL)
    return;
  g_strlcpy (old_day, tract_record_get_text (TRACT_RECORD (self->event), "start_local"), sizeof old_day);
  old_start = tract_parse_date (old_day);
  new_start = tract_parse_date (tract_date_button_get_text (self->start_date));
  end = tract_parse_date (tract_date_button_get_text (self->end_date));

  if (old_start != NULL && new_start != NULL && end != NULL && g_date_compare (end, old_start) >= 0)
    {
      int shift = g_date_days_between (old_start, new_start);
      char text[11];

      if (shift > 0)
        g_date_add_days (end, (guint) shift);
      else if (shift < 0)
        g_date_subtract_days (end, (guint) -shift);
      g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (end), g_date_get_month (end),
                  g_date_get_day (end));
      self->loading = TRUE;
      tract_date_button_set_text (self->end_date, text);
      self->loading = FALSE;
    }
  if (old_start != NULL && new_start != NULL)
    tract_event_editor_repeat_start_moved (self, old_day);
  tract_event_editor_changed (self);
}

static void
on_add_exception_clicked (TractEventEditor *self)
{
  const char *text = tract_date_button_get_text (self->exception_date);
  g_autofree char *day = g_strstrip (g_strdup (text));

  if (!tract_validate_date (day))
    {
      g_autofree char *message = g_strdup_printf (_("Exceptions: “%s” is not a date (expected YYYY-MM-DD)."), day);

      gtk_label_set_label (self->exdates_error, message);
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->exdates_error)), TRUE);
      tract_date_button_set_error (self->exception_date, message);
      return;
    }
  tract_date_button_set_error (self->exception_date, NULL);
  tract_date_button_set_text (self->exception_date, "");
  tract_event_editor_repeat_add_exception (self, day);
}

/* Filling the form */

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
set_coordinate (AdwEntryRow *row,
                double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.7f", value);
  /* 48.8576000 reads 48.8576. */
  for (char *end = buffer + strlen (buffer) - 1; end > buffer && *end == '0' && end[-1] != '.'; end--)
    *end = '\0';
  gtk_editable_set_text (GTK_EDITABLE (row), buffer);
}

static void
show_local (const char      *local,
            gboolean         all_day,
            TractDateButton *date_button,
            GtkEntry        *time_entry)
{
  char day[11];

  g_strlcpy (day, local, sizeof day);
  tract_date_button_set_text (date_button, day);
  if (!all_day && strlen (local) >= 16)
    {
      char time[6];

      g_strlcpy (time, local + 11, sizeof time);
      gtk_editable_set_text (GTK_EDITABLE (time_entry), time);
    }
}

static void
fill_form (TractEventEditor *self)
{
  TractRecord *event = TRACT_RECORD (self->event);
  gboolean all_day = tract_record_get_boolean (event, "all_day");

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tract_record_get_text (event, "title"));
  adw_combo_row_set_selected (self->kind_row, (guint) index_of (kinds, tract_record_get_text (event, "kind")));
  adw_combo_row_set_selected (self->status_row, (guint) index_of (statuses, tract_record_get_text (event, "status")));
  gtk_switch_set_active (self->all_day_switch, all_day);
  /* A whole day keeps the times it had, for when it becomes timed again. */
  if (all_day && *gtk_editable_get_text (GTK_EDITABLE (self->start_time)) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->start_time), "10:00");
      gtk_editable_set_text (GTK_EDITABLE (self->end_time), "11:00");
    }
  show_local (tract_record_get_text (event, "start_local"), all_day, self->start_date, self->start_time);
  show_local (tract_record_get_text (event, "end_local"), all_day, self->end_date, self->end_time);
  tract_time_zone_chooser_set_zone (self->zone_chooser, tract_record_get_text (event, "time_zone"));
  update_time_visibility (self);

  g_free (self->rrule);
  self->rrule = g_strdup (tract_record_get_text (event, "rrule"));
  g_ptr_array_set_size (self->exceptions, 0);
  {
    g_auto(GStrv) items = tract_recurrence_split_exdates (tract_record_get_text (event, "exdates"), NULL);

    for (guint i = 0; items != NULL && items[i] != NULL; i++)
      g_ptr_array_add (self->exceptions, g_strdup (items[i]));
  }
  tract_event_editor_repeat_show (self);

  gtk_editable_set_text (GTK_EDITABLE (self->location_row), tract_record_get_text (event, "location_name"));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), tract_record_get_text (event, "address"));
  set_coordinate (self->latitude_row, tract_record_get_real (event, "latitude"));
  set_coordinate (self->longitude_row, tract_record_get_real (event, "longitude"));
  set_text_view (self->description_view, tract_record_get_text (event, "description"));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), tract_record_get_text (event, "url"));
  set_text_view (self->notes_view, tract_record_get_text (event, "private_notes"));
  tract_event_editor_note_shown (self);
  self->loading = FALSE;

  tract_event_editor_show_errors (self, NULL, NULL);
}

/* The store */

static gboolean
same_record (TractRecord *a,
             TractRecord *b)
{
  guint n_columns;

  tract_record_get_columns (a, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (!tract_record_column_equal (a, b, i))
      return FALSE;
  return TRUE;
}

static void
on_event_changed (TractStore       *store,
                  TractRecord      *before,
                  TractRecord      *after,
                  TractEventEditor *self)
{
  gint64 id = tract_event_editor_get_event_id (self);
  TractRecord *record = after != NULL ? after : before;

  if (id == 0 || tract_record_get_id (record) != id)
    return;
  if (after == NULL)
    {
      /* Deleted, here or elsewhere: nothing left to edit. */
      g_clear_handle_id (&self->save_source, g_source_remove);
      tract_event_editor_load (self, 0, NULL);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  if (same_record (after, TRACT_RECORD (self->event)))
    return; /* our own save */

  /* Changed elsewhere (another window, an import): show it, unless the
   * person is typing here; their next save then builds on it. */
  {
    g_autoptr(TractRecord) copy = tract_record_copy (after);

    tract_event_editor_set_event (self, TRACT_EVENT (copy));
  }
  if (self->save_source == 0 && !self->has_errors)
    fill_form (self);
}

static void
on_events_reset (TractStore       *store,
                 TractEventEditor *self)
{
  g_autoptr(TractEvent) event = NULL;
  gint64 id = tract_event_editor_get_event_id (self);

  if (id == 0)
    return;
  event = tract_store_load (self->store, TRACT_TYPE_EVENT, id, NULL);
  if (event == NULL)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      tract_event_editor_load (self, 0, NULL);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  if (same_record (TRACT_RECORD (event), TRACT_RECORD (self->event)))
    return;
  tract_event_editor_set_event (self, event);
  if (self->save_source == 0 && !self->has_errors)
    fill_form (self);
}

/* The flyer (issue 7): a live thumbnail of the event as saved, and its
 * print and export actions, which save pending edits first. */

static void
update_flyer_thumbnail (TractEventEditor *self)
{
  GtkWidget *thumbnail = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), TRACT_TYPE_EVENT_EDITOR,
                                                                    "flyer_thumbnail"));

  if (thumbnail != NULL)
    tract_flyer_thumbnail_set_event (TRACT_FLYER_THUMBNAIL (thumbnail), self->store, self->event);
}

typedef void (*FlyerAction) (GtkWindow  *parent,
                             TractStore *store,
                             TractEvent *event);

static void
run_flyer_action (TractEventEditor *self,
                  FlyerAction       action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->event == NULL || self->store == NULL || !GTK_IS_WINDOW (root))
    return;
  /* Invalid fields stay marked in red; the flyer shows what is saved. */
  tract_event_editor_flush (self);
  action (GTK_WINDOW (root), self->store, self->event);
}

static void
print_flyer_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  run_flyer_action (TRACT_EVENT_EDITOR (widget), tract_flyer_actions_print);
}

static void
export_flyer_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  run_flyer_action (TRACT_EVENT_EDITOR (widget), tract_flyer_actions_export);
}

static void
export_event_ics_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  run_flyer_action (TRACT_EVENT_EDITOR (widget), tract_flyer_actions_export_ics);
}

/* GObject */

static void
disconnect_store (TractEventEditor *self)
{
  if (self->store == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    g_clear_signal_handler (&self->handlers[i], self->store);
}

static void
tract_event_editor_dispose (GObject *object)
{
  TractEventEditor *self = TRACT_EVENT_EDITOR (object);
  GtkWidget *child;

  /* Typing then closing at once still saves what can be. */
  if (self->save_source != 0)
    tract_event_editor_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->organization_list != NULL)
    gtk_list_view_set_model (self->organization_list, NULL);
  tract_event_editor_parts_clear (self);
  disconnect_store (self);
  g_clear_object (&self->event);
  g_clear_object (&self->organizations);
  g_clear_object (&self->organization_search);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_EVENT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_event_editor_parent_class)->dispose (object);
}

static void
tract_event_editor_finalize (GObject *object)
{
  TractEventEditor *self = TRACT_EVENT_EDITOR (object);

  g_clear_pointer (&self->organization_rows, g_hash_table_unref);
  g_clear_pointer (&self->task_rows, g_hash_table_unref);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->exception_rows, g_ptr_array_unref);
  g_free (self->rrule);
  g_free (self->shown_when);
  g_free (self->shown_coordinates);

  G_OBJECT_CLASS (tract_event_editor_parent_class)->finalize (object);
}

static void
tract_event_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TractEventEditor *self = TRACT_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_event_editor_class_init (TractEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_event_editor_dispose;
  object_class->finalize = tract_event_editor_finalize;
  object_class->get_property = tract_event_editor_get_property;

  /* The event as stored: after each load and each save. */
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, TRACT_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TractEventEditor::closed:
   *
   * The event shown is gone (deleted, here or elsewhere).
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRACT_TYPE_DATE_BUTTON);
  g_type_ensure (TRACT_TYPE_TIME_ZONE_CHOOSER);
  g_type_ensure (TRACT_TYPE_FLYER_THUMBNAIL);
  gtk_widget_class_install_action (widget_class, "event.print-flyer", NULL, print_flyer_activated);
  gtk_widget_class_install_action (widget_class, "event.export-flyer", NULL, export_flyer_activated);
  gtk_widget_class_install_action (widget_class, "event.export-ics", NULL, export_event_ics_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tractapp/Tract/tract-event-editor.ui");
  /* Not a field of the struct: found by name when the event changes. */
  gtk_widget_class_bind_template_child_full (widget_class, "flyer_thumbnail", FALSE, 0);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TractEventEditor, name)
  BIND (general_error);
  BIND (title_row);
  BIND (title_error);
  BIND (kind_row);
  BIND (status_row);
  BIND (all_day_switch);
  BIND (start_date);
  BIND (start_time);
  BIND (start_error);
  BIND (end_date);
  BIND (end_time);
  BIND (end_error);
  BIND (zone_row);
  BIND (zone_chooser);
  BIND (zone_error);
  BIND (repeat_row);
  BIND (interval_row);
  BIND (interval_spin);
  BIND (interval_unit);
  BIND (weekdays_row);
  BIND (monthly_row);
  BIND (ends_row);
  BIND (until_row);
  BIND (until_date);
  BIND (count_row);
  BIND (count_spin);
  BIND (custom_row);
  BIND (rrule_error);
  BIND (exceptions_group);
  BIND (exception_date);
  BIND (exdates_error);
  BIND (location_row);
  BIND (address_row);
  BIND (latitude_row);
  BIND (longitude_row);
  BIND (coordinates_error);
  BIND (description_view);
  BIND (url_row);
  BIND (url_error);
  BIND (notes_view);
  BIND (organizations_group);
  BIND (no_organizations_row);
  BIND (add_organization_button);
  BIND (organization_popover);
  BIND (organization_search_entry);
  BIND (organization_list);
  BIND (organization_error);
  BIND (tasks_group);
  BIND (new_task_entry);
  BIND (task_error);
#undef BIND
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("weekday_%u", i);

      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (TractEventEditor, weekday_buttons)
                                                 + i * sizeof (GtkToggleButton *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_all_day_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_exception_clicked);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_repeat_changed",
                                                G_CALLBACK (tract_event_editor_on_repeat_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_ends_changed",
                                                G_CALLBACK (tract_event_editor_on_ends_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_organization_popover_show",
                                                G_CALLBACK (tract_event_editor_on_organization_popover_show));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_organization_search_changed",
                                                G_CALLBACK (tract_event_editor_on_organization_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_organization_setup",
                                                G_CALLBACK (tract_event_editor_on_organization_setup));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_organization_bind",
                                                G_CALLBACK (tract_event_editor_on_organization_bind));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_task",
                                                G_CALLBACK (tract_event_editor_on_add_task));
}

static void
tract_event_editor_init (TractEventEditor *self)
{
  self->organization_rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->task_rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->exceptions = g_ptr_array_new_with_free_func (g_free);
  self->exception_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  tract_date_button_set_title (self->start_date, _("Start Date"));
  tract_date_button_set_title (self->end_date, _("End Date"));
  tract_date_button_set_title (self->until_date, _("Last Date"));
  tract_date_button_set_title (self->exception_date, _("Exception Date"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self);

  tract_event_editor_repeat_init (self);
  tract_event_editor_parts_init (self);
  g_signal_connect (self, "notify::event", G_CALLBACK (update_flyer_thumbnail), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
tract_event_editor_new (void)
{
  return g_object_new (TRACT_TYPE_EVENT_EDITOR, NULL);
}

void
tract_event_editor_set_store (TractEventEditor *self,
                              TractStore       *store)
{
  g_return_if_fail (TRACT_IS_EVENT_EDITOR (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (store == self->store)
    return;
  tract_event_editor_load (self, 0, NULL);
  disconnect_store (self);
  g_set_object (&self->store, store);
  g_clear_object (&self->organizations);
  g_clear_object (&self->organization_search);
  if (store == NULL)
    return;

  self->handlers[0] = g_signal_connect (store, "record-changed::event", G_CALLBACK (on_event_changed), self);
  self->handlers[1] = g_signal_connect (store, "table-reset::event", G_CALLBACK (on_events_reset), self);
  self->organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
}

gboolean
tract_event_editor_load (TractEventEditor  *self,
                         gint64             event_id,
                         GError           **error)
{
  g_autoptr(TractEvent) event = NULL;

  g_return_val_if_fail (TRACT_IS_EVENT_EDITOR (self), FALSE);

  if (event_id != 0 && event_id == tract_event_editor_get_event_id (self))
    return TRUE;
  if (self->event != NULL && !tract_event_editor_flush (self) && event_id != 0)
    {
      g_set_error_literal (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID,
                           _("Correct the fields marked in red first, or they would be lost."));
      return FALSE;
    }

  if (event_id != 0)
    {
      event = tract_store_load (self->store, TRACT_TYPE_EVENT, event_id, error);
      if (event == NULL)
        return FALSE;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  tract_event_editor_set_event (self, event);
  gtk_widget_set_sensitive (GTK_WIDGET (self), event != NULL);
  if (event != NULL)
    fill_form (self);
  else
    tract_event_editor_show_errors (self, NULL, NULL);
  tract_event_editor_parts_refresh (self);
  return TRUE;
}

gint64
tract_event_editor_get_event_id (TractEventEditor *self)
{
  g_return_val_if_fail (TRACT_IS_EVENT_EDITOR (self), 0);
  return self->event != NULL ? tract_record_get_id (TRACT_RECORD (self->event)) : 0;
}

TractEvent *
tract_event_editor_get_event (TractEventEditor *self)
{
  g_return_val_if_fail (TRACT_IS_EVENT_EDITOR (self), NULL);
  return self->event;
}

gboolean
tract_event_editor_flush (TractEventEditor *self)
{
  g_return_val_if_fail (TRACT_IS_EVENT_EDITOR (self), FALSE);

  tract_event_editor_parts_flush (self);
  if (self->save_source != 0)
    return tract_event_editor_save (self);
  return !self->has_errors;
}

void
tract_event_editor_discard (TractEventEditor *self)
{
  g_return_if_fail (TRACT_IS_EVENT_EDITOR (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->event != NULL)
    fill_form (self);
}

void
tract_event_editor_focus_title (TractEventEditor *self)
{
  g_return_if_fail (TRACT_IS_EVENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
