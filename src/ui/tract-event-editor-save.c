/* tract-event-editor-save.c — the editor's saving: what is typed, checked, written
 *
 * The form saves in units that hang together (the times, their zone and
 * the all-day flag are one; the rule and its exceptions are another).
 * Each unit is read from the form; the model checks the whole event
 * (tract_record_check) and its repetition (tract_recurrence_check_event);
 * a unit refused keeps its stored value and shows why, below its field,
 * and the others are saved, in one transaction. A refused value stays in
 * the form as it was typed, until it is fixed: nothing is lost, nothing is
 * ever half a unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tract-event-editor-private.h"
#include "tract-validate.h"

static const char * const kinds[] = {
  "rally", "demonstration", "panel", "commemoration", "celebration", "meeting", "other", NULL
};

static const char * const statuses[] = { "tentative", "confirmed", "cancelled", NULL };

/* The fields that are saved or refused together. */
typedef enum
{
  UNIT_TITLE,
  UNIT_KIND,
  UNIT_STATUS,
  UNIT_WHEN,
  UNIT_REPEAT,
  UNIT_LOCATION,
  UNIT_ADDRESS,
  UNIT_COORDINATES,
  UNIT_DESCRIPTION,
  UNIT_URL,
  UNIT_NOTES,
  N_UNITS
} Unit;

static const char * const unit_columns[N_UNITS][5] = {
  [UNIT_TITLE] = { "title" },
  [UNIT_KIND] = { "kind" },
  [UNIT_STATUS] = { "status" },
  [UNIT_WHEN] = { "all_day", "start_local", "end_local", "time_zone" },
  [UNIT_REPEAT] = { "rrule", "exdates" },
  [UNIT_LOCATION] = { "location_name" },
  [UNIT_ADDRESS] = { "address" },
  [UNIT_COORDINATES] = { "latitude", "longitude" },
  [UNIT_DESCRIPTION] = { "description" },
  [UNIT_URL] = { "url" },
  [UNIT_NOTES] = { "private_notes" },
};

static int
unit_of_field (const char *field)
{
  if (field == NULL)
    return -1;
  for (int unit = 0; unit < N_UNITS; unit++)
    for (guint i = 0; i < G_N_ELEMENTS (unit_columns[unit]) && unit_columns[unit][i] != NULL; i++)
      if (g_str_equal (unit_columns[unit][i], field))
        return unit;
  return -1;
}

/* Reading what is typed */

/* "14:30", "9:05", "14h30", "14.30", "14": the ways people write a time. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *separator;
  guint64 h, m = 0;
  char *end;

  if (*clean == '\0' || !g_ascii_isdigit (*clean))
    return FALSE;
  separator = strpbrk (clean, ":hH.");
  if (separator != NULL)
    {
      *separator = '\0';
      if (separator[1] != '\0')
        {
          if (strlen (separator + 1) != 2 || !g_ascii_isdigit (separator[1]) || !g_ascii_isdigit (separator[2]))
            return FALSE;
          m = g_ascii_strtoull (separator + 1, NULL, 10);
        }
    }
  if (strlen (clean) > 2)
    return FALSE;
  h = g_ascii_strtoull (clean, &end, 10);
  if (*end != '\0' || h > 23 || m > 59)
    return FALSE;
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

/* "48.8566", "48,8566", "" for none. */
static gboolean
parse_coordinate (const char *text,
                  double     *value)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (*clean == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  if (strchr (clean, '.') == NULL)
    g_strdelimit (clean, ",", '.');
  *value = g_ascii_strtod (clean, &end);
  return end != clean && *end == '\0' && isfinite (*value);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
read_local (TractEventEditor  *self,
            gboolean           all_day,
            TractDateButton   *date_button,
            GtkEntry          *time_entry,
            const char        *field,
            char             **local,
            GError           **error)
{
  const char *day = g_strstrip (g_strdup (tract_date_button_get_text (date_button)));
  g_autofree char *owned_day = (char *) day;
  const char *label = g_str_equal (field, "start_local") ? _("Start") : _("End");
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (time_entry));
  int hour, minute;

  if (!tract_validate_date (day))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: “%s” is not a date (expected YYYY-MM-DD, such as 2021-05-29)."),
                                   label, day);
      return FALSE;
    }
  if (all_day)
    {
      *local = g_strdup (day);
      return TRUE;
    }
  if (!parse_time (time_text, &hour, &minute))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: “%s” is not a time (expected HH:MM, such as 14:30)."),
                                   label, time_text);
      return FALSE;
    }
  *local = g_strdup_printf ("%sT%02d:%02d", day, hour, minute);
  return TRUE;
}

static char *
when_as_shown (TractEventEditor *self)
{
  return g_strdup_printf ("%d|%s|%s|%s|%s|%s", gtk_switch_get_active (self->all_day_switch),
                          tract_date_button_get_text (self->start_date),
                          gtk_editable_get_text (GTK_EDITABLE (self->start_time)),
                          tract_date_button_get_text (self->end_date),
                          gtk_editable_get_text (GTK_EDITABLE (self->end_time)),
                          tract_time_zone_chooser_get_zone (self->zone_chooser));
}

static char *
coordinates_as_shown (TractEventEditor *self)
{
  return g_strdup_printf ("%s|%s", gtk_editable_get_text (GTK_EDITABLE (self->latitude_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->longitude_row)));
}

void
tract_event_editor_note_shown (TractEventEditor *self)
{
  g_free (self->shown_when);
  g_free (self->shown_coordinates);
  self->shown_when = when_as_shown (self);
  self->shown_coordinates = coordinates_as_shown (self);
}

/* Puts the form's value of @unit into @candidate; on a value that cannot
 * be one, sets @error and leaves @candidate as it was. */
static gboolean
apply_unit (TractEventEditor  *self,
            TractRecord       *candidate,
            Unit               unit,
            GError           **error)
{
  switch (unit)
    {
    case UNIT_TITLE:
      tract_record_set_text (candidate, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
      return TRUE;

    case UNIT_KIND:
      tract_record_set_text (candidate, "kind", kinds[MIN (adw_combo_row_get_selected (self->kind_row), 6)]);
      return TRUE;

    case UNIT_STATUS:
      tract_record_set_text (candidate, "status", statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)]);
      return TRUE;

    case UNIT_WHEN:
      {
        gboolean all_day = gtk_switch_get_active (self->all_day_switch);
        g_autofree char *start = NULL;
        g_autofree char *end = NULL;
        g_autofree char *shown = when_as_shown (self);
        const char *zone = tract_time_zone_chooser_get_zone (self->zone_chooser);

        /* Untouched: "14:00" may stand for 14:00:30, as imported. */
        if (g_strcmp0 (shown, self->shown_when) == 0)
          return TRUE;

        if (!read_local (self, all_day, self->start_date, self->start_time, "start_local", &start, error)
            || !read_local (self, all_day, self->end_date, self->end_time, "end_local", &end, error))
          return FALSE;
        tract_record_set_boolean (candidate, "all_day", all_day);
        tract_record_set_text (candidate, "start_local", start);
        tract_record_set_text (candidate, "end_local", end);
        tract_record_set_text (candidate, "time_zone", zone != NULL ? zone : "");
      }
      return TRUE;

    case UNIT_REPEAT:
      {
        g_autofree char *rrule = NULL;
        g_autofree char *exdates = NULL;

        if (!tract_event_editor_repeat_read (self, &rrule, &exdates, error))
          return FALSE;
        tract_record_set_text (candidate, "rrule", rrule);
        tract_record_set_text (candidate, "exdates", exdates);
      }
      return TRUE;

    case UNIT_LOCATION:
      tract_record_set_text (candidate, "location_name", gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
      return TRUE;

    case UNIT_ADDRESS:
      tract_record_set_text (candidate, "address", gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
      return TRUE;

    case UNIT_COORDINATES:
      {
        const char *latitude_text = gtk_editable_get_text (GTK_EDITABLE (self->latitude_row));
        const char *longitude_text = gtk_editable_get_text (GTK_EDITABLE (self->longitude_row));
        g_autofree char *shown = coordinates_as_shown (self);
        double latitude, longitude;

        /* Untouched: the form shows seven decimals, the store may keep more. */
        if (g_strcmp0 (shown, self->shown_coordinates) == 0)
          return TRUE;

        if (!parse_coordinate (latitude_text, &latitude))
          {
            tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "latitude",
                                         _("Latitude: “%s” is not a number (expected, for example, 48.8566)."),
                                         latitude_text);
            return FALSE;
          }
        if (!parse_coordinate (longitude_text, &longitude))
          {
            tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "longitude",
                                         _("Longitude: “%s” is not a number (expected, for example, 2.3522)."),
                                         longitude_text);
            return FALSE;
          }
        tract_record_set_real (candidate, "latitude", latitude);
        tract_record_set_real (candidate, "longitude", longitude);
      }
      return TRUE;

    case UNIT_DESCRIPTION:
      {
        g_autofree char *text = text_view_get_text (self->description_view);

        tract_record_set_text (candidate, "description", text);
      }
      return TRUE;

    case UNIT_URL:
      {
        g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

        tract_record_set_text (candidate, "url", url);
      }
      return TRUE;

    case UNIT_NOTES:
      {
        g_autofree char *text = text_view_get_text (self->notes_view);

        tract_record_set_text (candidate, "private_notes", text);
      }
      return TRUE;

    case N_UNITS:
    default:
      g_assert_not_reached ();
    }
}

static void
revert_unit (TractRecord *candidate,
             TractRecord *stored,
             Unit         unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_columns[unit]) && unit_columns[unit][i] != NULL; i++)
    {
      int column = tract_record_find_column (candidate, unit_columns[unit][i]);

      tract_record_set_value (candidate, (guint) column, tract_record_get_value (stored, (guint) column));
    }
}

/* Errors on the fields */

static GtkLabel *
error_label_for (TractEventEditor *self,
                 const char       *field)
{
  static const struct
  {
    const char *field;
    gsize       offset;
  } labels[] = {
    { "title", G_STRUCT_OFFSET (TractEventEditor, title_error) },
    { "all_day", G_STRUCT_OFFSET (TractEventEditor, start_error) },
    { "start_local", G_STRUCT_OFFSET (TractEventEditor, start_error) },
    { "end_local", G_STRUCT_OFFSET (TractEventEditor, end_error) },
    { "time_zone", G_STRUCT_OFFSET (TractEventEditor, zone_error) },
    { "rrule", G_STRUCT_OFFSET (TractEventEditor, rrule_error) },
    { "exdates", G_STRUCT_OFFSET (TractEventEditor, exdates_error) },
    { "latitude", G_STRUCT_OFFSET (TractEventEditor, coordinates_error) },
    { "longitude", G_STRUCT_OFFSET (TractEventEditor, coordinates_error) },
    { "url", G_STRUCT_OFFSET (TractEventEditor, url_error) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return G_STRUCT_MEMBER (GtkLabel *, self, labels[i].offset);
  return self->general_error;
}

static void
mark_widget (GtkWidget  *widget,
             const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* @errors: the error of each unit, or NULL */
void
tract_event_editor_show_errors (TractEventEditor  *self,
                                GError           **errors,
                                const GError      *general)
{
  GtkLabel *all_labels[] = {
    self->general_error, self->title_error, self->start_error, self->end_error, self->zone_error,
    self->rrule_error, self->exdates_error, self->coordinates_error, self->url_error,
  };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_free);
  const char *start = NULL, *end = NULL, *zone = NULL, *title = NULL, *url = NULL;
  const char *latitude = NULL, *longitude = NULL, *rrule = NULL;

  self->has_errors = FALSE;
  for (int unit = 0; unit < N_UNITS; unit++)
    {
      const GError *error = errors != NULL ? errors[unit] : NULL;
      const char *field = error != NULL ? tract_store_error_get_field (error) : NULL;
      GtkLabel *label;
      char *text;

      if (error == NULL)
        continue;
      self->has_errors = TRUE;
      label = error_label_for (self, field);
      text = g_hash_table_lookup (texts, label);
      g_hash_table_insert (texts, label, text != NULL ? g_strconcat (text, "\n", error->message, NULL)
                                                      : g_strdup (error->message));
      if (g_strcmp0 (field, "start_local") == 0 || g_strcmp0 (field, "all_day") == 0)
        start = error->message;
      else if (g_strcmp0 (field, "end_local") == 0)
        end = error->message;
      else if (g_strcmp0 (field, "time_zone") == 0)
        zone = error->message;
      else if (g_strcmp0 (field, "title") == 0)
        title = error->message;
      else if (g_strcmp0 (field, "url") == 0)
        url = error->message;
      else if (g_strcmp0 (field, "latitude") == 0)
        latitude = error->message;
      else if (g_strcmp0 (field, "longitude") == 0)
        longitude = error->message;
      else if (g_strcmp0 (field, "rrule") == 0)
        rrule = error->message;
    }
  if (general != NULL)
    {
      char *text = g_hash_table_lookup (texts, self->general_error);

      g_hash_table_insert (texts, self->general_error,
                           text != NULL ? g_strconcat (text, "\n", general->message, NULL) : g_strdup (general->message));
    }

  for (guint i = 0; i < G_N_ELEMENTS (all_labels); i++)
    {
      const char *text = g_hash_table_lookup (texts, all_labels[i]);

      gtk_label_set_label (all_labels[i], text != NULL ? text : "");
      /* Each label sits in a row of its own, below its field. */
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (all_labels[i])), text != NULL);
    }

  tract_date_button_set_error (self->start_date, start);
  mark_widget (GTK_WIDGET (self->start_time), start);
  tract_date_button_set_error (self->end_date, end);
  mark_widget (GTK_WIDGET (self->end_time), end);
  tract_time_zone_chooser_set_error (self->zone_chooser, zone);
  mark_widget (GTK_WIDGET (self->title_row), title);
  mark_widget (GTK_WIDGET (self->url_row), url);
  mark_widget (GTK_WIDGET (self->latitude_row), latitude);
  mark_widget (GTK_WIDGET (self->longitude_row), longitude);
  mark_widget (GTK_WIDGET (self->repeat_row), rrule);
}

/* Saving */

gboolean
tract_event_editor_save (TractEventEditor *self)
{
  g_autoptr(TractRecord) candidate = NULL;
  g_autoptr(GError) general = NULL;
  GError *errors[N_UNITS] = { NULL };
  TractRecord *stored;
  gboolean ok = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->event == NULL || self->store == NULL)
    return TRUE;

  stored = TRACT_RECORD (self->event);
  candidate = tract_record_copy (stored);
  for (int unit = 0; unit < N_UNITS; unit++)
    if (!apply_unit (self, candidate, (Unit) unit, &errors[unit]))
      revert_unit (candidate, stored, (Unit) unit);

  /* Each round leaves one more unit in error out; there are so many. */
  for (int round = 0; round <= N_UNITS && !ok; round++)
    {
      g_autoptr(GError) error = NULL;
      int unit;

      ok = tract_record_check (candidate, &error) && tract_recurrence_check_event (candidate, &error);
      if (ok)
        break;
      unit = unit_of_field (tract_store_error_get_field (error));
      if (unit < 0 || errors[unit] != NULL)
        {
          general = g_steal_pointer (&error);
          break;
        }
      errors[unit] = g_steal_pointer (&error);
      revert_unit (candidate, stored, (Unit) unit);
    }

  if (ok)
    {
      g_autoptr(GError) error = NULL;

      if (tract_store_update (self->store, candidate, &error))
        {
          tract_event_editor_set_event (self, TRACT_EVENT (candidate));
          /* What the form shows is what is stored now, but what is refused. */
          if (errors[UNIT_WHEN] == NULL)
            {
              g_free (self->shown_when);
              self->shown_when = when_as_shown (self);
            }
          if (errors[UNIT_COORDINATES] == NULL)
            {
              g_free (self->shown_coordinates);
              self->shown_coordinates = coordinates_as_shown (self);
            }
          /* The controls now stand for what is stored. */
          if (errors[UNIT_REPEAT] == NULL)
            {
              g_free (self->rrule);
              self->rrule = g_strdup (tract_record_get_text (candidate, "rrule"));
              self->rrule_dirty = FALSE;
              self->exceptions_dirty = FALSE;
            }
        }
      else
        {
          int unit = unit_of_field (tract_store_error_get_field (error));

          if (unit >= 0 && errors[unit] == NULL)
            errors[unit] = g_steal_pointer (&error);
          else
            general = g_steal_pointer (&error);
        }
    }

  tract_event_editor_show_errors (self, errors, general);
  for (int unit = 0; unit < N_UNITS; unit++)
    g_clear_error (&errors[unit]);
  return !self->has_errors && general == NULL;
}

