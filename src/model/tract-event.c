/* tract-event.c — a rally, demonstration, panel… of a campaign
 *
 * Times are kept as the person typed them (wall clock plus an IANA zone),
 * with the UTC instants derived on every save for sorting and export. An
 * all-day event keeps dates, its last day inclusive as people say it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tract-event.h"
#include "tract-recurrence.h"
#include "tract-store.h"
#include "tract-time.h"
#include "tract-validate.h"

static const char * const event_kinds[] = {
  "rally", "demonstration", "panel", "commemoration", "celebration", "meeting", "other", NULL
};

static const char * const event_statuses[] = {
  "tentative", "confirmed", "cancelled", NULL
};

#define VISIBLE TRACT_COLUMN_CALENDAR_VISIBLE

static const TractColumn event_columns[] = {
  { "uid", N_("UID"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "campaign_id", N_("Campaign"), TRACT_COLUMN_REFERENCE },
  { "title", N_("Title"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, VISIBLE },
  { "kind", N_("Kind"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, VISIBLE, event_kinds, "rally" },
  { "status", N_("Status"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, VISIBLE, event_statuses, "confirmed" },
  { "all_day", N_("All day"), TRACT_COLUMN_BOOLEAN, .flags = VISIBLE },
  { "start_local", N_("Start"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, VISIBLE },
  { "end_local", N_("End"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, VISIBLE },
  { "time_zone", N_("Time zone"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED | TRACT_CHECK_TIME_ZONE,
    VISIBLE, .default_text = "Europe/Paris" },
  { "start_utc", N_("Start (UTC)"), TRACT_COLUMN_INTEGER },
  { "end_utc", N_("End (UTC)"), TRACT_COLUMN_INTEGER },
  { "rrule", N_("Recurrence"), TRACT_COLUMN_TEXT, .flags = VISIBLE },
  { "exdates", N_("Exceptions"), TRACT_COLUMN_TEXT, .flags = VISIBLE },
  { "location_name", N_("Place"), TRACT_COLUMN_TEXT, .flags = VISIBLE },
  { "address", N_("Address"), TRACT_COLUMN_TEXT, .flags = VISIBLE },
  { "latitude", N_("Latitude"), TRACT_COLUMN_REAL, .flags = VISIBLE },
  { "longitude", N_("Longitude"), TRACT_COLUMN_REAL, .flags = VISIBLE },
  { "description", N_("Description"), TRACT_COLUMN_TEXT, .flags = VISIBLE },
  { "url", N_("Web page"), TRACT_COLUMN_TEXT, TRACT_CHECK_URL, VISIBLE },
  { "private_notes", N_("Private notes"), TRACT_COLUMN_TEXT },
  { "sequence", N_("Sequence"), TRACT_COLUMN_INTEGER, .flags = TRACT_COLUMN_MANAGED },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

#undef VISIBLE

/* @label is untranslated (N_()): it is translated only for a message. */
static gboolean
day_to_utc (GTimeZone  *zone,
            const char *field,
            const char *label,
            const char *text,
            int         add_days,
            gint64     *utc,
            GError    **error)
{
  g_autoptr(GDate) date = tract_parse_date (text);
  g_autoptr(GDateTime) midnight = NULL;

  if (date == NULL)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: “%s” is not a date (expected YYYY-MM-DD)."),
                                   g_dgettext (GETTEXT_PACKAGE, label), text);
      return FALSE;
    }
  g_date_add_days (date, (guint) add_days);

  /* Sorting key only: the day begins at the first instant of its date,
   * even where midnight itself is skipped. */
  midnight = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  *utc = g_date_time_to_unix (midnight);
  return TRUE;
}

static gboolean
time_to_utc (GTimeZone  *zone,
             const char *zone_name,
             const char *field,
             const char *label,
             const char *text,
             gint64     *utc,
             GError    **error)
{
  int year, month, day, hour, minute, second;

  if (!tract_parse_local_time (text, &year, &month, &day, &hour, &minute, &second))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: “%s” is not a date and time (expected YYYY-MM-DD HH:MM)."),
                                   g_dgettext (GETTEXT_PACKAGE, label), text);
      return FALSE;
    }

  switch (tract_time_local_to_utc (zone, year, month, day, hour, minute, second, utc))
    {
    case TRACT_LOCAL_TIME_VALID:
      return TRUE;
    case TRACT_LOCAL_TIME_IN_GAP:
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: %02d:%02d on %04d-%02d-%02d does not exist in %s (the clocks "
                                     "go forward then); choose another time."),
                                   g_dgettext (GETTEXT_PACKAGE, label), hour, minute, year, month, day, zone_name);
      return FALSE;
    case TRACT_LOCAL_TIME_AMBIGUOUS:
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, field,
                                   _("%s: %02d:%02d on %04d-%02d-%02d happens twice in %s (the clocks "
                                     "go back then); choose another time."),
                                   g_dgettext (GETTEXT_PACKAGE, label), hour, minute, year, month, day, zone_name);
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

/* RFC 5545 RRULE value: NAME=VALUE parts joined by ';', FREQ required.
 * Expansion and deeper checks live with the recurrence code. */
static gboolean
check_rrule (const char  *rrule,
             GError     **error)
{
  static const char * const frequencies[] = {
    "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", NULL
  };
  g_auto(GStrv) parts = NULL;
  gboolean has_freq = FALSE;

  if (*rrule == '\0')
    return TRUE;

  parts = g_strsplit (rrule, ";", 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');

      if (equals == NULL || equals == parts[i] || equals[1] == '\0')
        goto bad;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("=,-+:", *p) == NULL)
          goto bad;
      if (g_str_has_prefix (parts[i], "FREQ="))
        {
          if (has_freq || !g_strv_contains (frequencies, equals + 1))
            goto bad;
          has_freq = TRUE;
        }
    }
  if (has_freq)
    return TRUE;

bad:
  tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                               _("Recurrence: “%s” is not a recurrence rule (expected, for "
                                 "example, FREQ=WEEKLY;BYDAY=SA)."),
                               rrule);
  return FALSE;
}

static gboolean
tract_event_validate (TractRecord  *record,
                      GError      **error)
{
  const char *zone_name = tract_record_get_text (record, "time_zone");
  const char *start = tract_record_get_text (record, "start_local");
  const char *end = tract_record_get_text (record, "end_local");
  gboolean all_day = tract_record_get_boolean (record, "all_day");
  g_autoptr(GTimeZone) zone = tract_time_zone_lookup (zone_name);
  double latitude = tract_record_get_real (record, "latitude");
  double longitude = tract_record_get_real (record, "longitude");
  gint64 start_utc, end_utc;

  g_assert (zone != NULL); /* the column check ran first */

  if (all_day)
    {
      if (!day_to_utc (zone, "start_local", N_("Start"), start, 0, &start_utc, error)
          || !day_to_utc (zone, "end_local", N_("End"), end, 1, &end_utc, error))
        return FALSE;
    }
  else if (!time_to_utc (zone, zone_name, "start_local", N_("Start"), start, &start_utc, error)
           || !time_to_utc (zone, zone_name, "end_local", N_("End"), end, &end_utc, error))
    return FALSE;

  if (end_utc < start_utc || (all_day && strcmp (end, start) < 0))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "end_local",
                                   _("End: the event cannot end (%s) before it starts (%s)."),
                                   end, start);
      return FALSE;
    }

  if (!check_rrule (tract_record_get_text (record, "rrule"), error))
    return FALSE;

  if (isnan (latitude) != isnan (longitude))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID,
                                   isnan (latitude) ? "latitude" : "longitude",
                                   _("Coordinates: give both the latitude and the longitude, or neither."));
      return FALSE;
    }
  if (!isnan (latitude) && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID,
                                   (latitude < -90 || latitude > 90) ? "latitude" : "longitude",
                                   _("Coordinates: latitude goes from −90 to 90 and longitude from "
                                     "−180 to 180."));
      return FALSE;
    }

  tract_record_set_integer (record, "start_utc", start_utc);
  tract_record_set_integer (record, "end_utc", end_utc);

  /* Last, on valid times: a repetition that never occurs would leave an
   * event that no list, calendar or flyer ever shows. */
  if (*tract_record_get_text (record, "rrule") == '\0')
    return TRUE;
  return tract_recurrence_check_event (record, error);
}

TRACT_DEFINE_RECORD (TractEvent, tract_event, "event", event_columns, tract_event_validate)

static TractEvent *
event_new (gint64      campaign_id,
           const char *title,
           gboolean    all_day,
           const char *start,
           const char *end,
           const char *time_zone)
{
  return g_object_new (TRACT_TYPE_EVENT,
                       "campaign_id", campaign_id,
                       "title", title,
                       "all_day", all_day,
                       "start_local", start,
                       "end_local", end,
                       "time_zone", time_zone,
                       NULL);
}

TractEvent *
tract_event_new_timed (gint64      campaign_id,
                       const char *title,
                       const char *start_local,
                       const char *end_local,
                       const char *time_zone)
{
  return event_new (campaign_id, title, FALSE, start_local, end_local, time_zone);
}

TractEvent *
tract_event_new_all_day (gint64      campaign_id,
                         const char *title,
                         const char *first_day,
                         const char *last_day,
                         const char *time_zone)
{
  return event_new (campaign_id, title, TRUE, first_day, last_day, time_zone);
}

const char *
tract_event_get_uid (TractEvent *self)
{
  return tract_record_get_text (TRACT_RECORD (self), "uid");
}

const char *
tract_event_get_title (TractEvent *self)
{
  return tract_record_get_text (TRACT_RECORD (self), "title");
}

gboolean
tract_event_get_all_day (TractEvent *self)
{
  return tract_record_get_boolean (TRACT_RECORD (self), "all_day");
}

gint64
tract_event_get_start_utc (TractEvent *self)
{
  return tract_record_get_integer (TRACT_RECORD (self), "start_utc");
}

gint64
tract_event_get_end_utc (TractEvent *self)
{
  return tract_record_get_integer (TRACT_RECORD (self), "end_utc");
}

gint64
tract_event_get_sequence (TractEvent *self)
{
  return tract_record_get_integer (TRACT_RECORD (self), "sequence");
}
