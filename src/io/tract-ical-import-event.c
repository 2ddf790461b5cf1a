/* tract-ical-import-event.c — one VEVENT read into what Tract stores of an event
 *
 * The parsing thread of an import (tract-ical-import.c) hands each VEVENT
 * that libical parsed to tract_ical_read_event(): its start and end in
 * their zones, the file's own VTIMEZONEs, Windows and prefixed TZIDs,
 * floating times (import rules 3 to 5), DURATION or a missing end (rule
 * 4), its recurrence and changed occurrences (rule 6), its text. The
 * comments name the import rules of ICALENDAR.md each choice answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tract-event.h"
#include "tract-ical-import-private.h"
#include "tract-time.h"
#include "tract-validate.h"

/* Time zones */

typedef enum
{
  ZONE_IANA,      /* times are wall-clock times in an IANA zone */
  ZONE_CUSTOM,    /* only the file's VTIMEZONE describes it: convert to UTC */
  ZONE_FLOATING,  /* unknown: read as the default zone */
} ZoneKind;

typedef struct
{
  ZoneKind      kind;
  char         *iana;
  icaltimezone *custom;
} Zone;

void
tract_ical_import_zone_free (gpointer data)
{
  Zone *zone = data;

  g_free (zone->iana);
  if (zone->custom != NULL)
    icaltimezone_free (zone->custom, 1);
  g_free (zone);
}

GTimeZone *
tract_ical_import_get_gzone (GHashTable *cache,
                             const char *name)
{
  GTimeZone *zone = g_hash_table_lookup (cache, name);

  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (name);
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      /* Held for the whole import: GLib then finds it in its cache each time
       * the event validation asks for it again. */
      g_hash_table_insert (cache, g_strdup (name), zone);
    }
  return zone;
}

static icaltimezone *
custom_zone (Import     *import,
             const char *tzid,
             guint       line)
{
  const char *text = g_hash_table_lookup (import->vtimezones, tzid);
  icalcomponent *component;
  icaltimezone *zone;
  const char *reason = NULL;

  if (text == NULL)
    return NULL;
  component = icalparser_parse_string (text);
  if (component == NULL)
    return NULL;
  if (icalcomponent_isa (component) != ICAL_VTIMEZONE_COMPONENT
      || !tract_ical_vtimezone_is_sane (component, &reason))
    {
      tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                             _("The time zone “%s” defined in the file cannot be used (%s)."),
                             tzid, reason != NULL ? reason : "not a VTIMEZONE");
      icalcomponent_free (component);
      return NULL;
    }
  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, component))
    {
      icaltimezone_free (zone, 1);
      icalcomponent_free (component);
      return NULL;
    }
  return zone;
}

/* Import rule 5. */
static Zone *
resolve_zone (Import     *import,
              const char *tzid,
              int         year,
              guint       line)
{
  Zone *zone = g_hash_table_lookup (import->zones, tzid);
  g_autofree char *tail = NULL;
  const char *windows;

  if (zone != NULL)
    return zone;

  zone = g_new0 (Zone, 1);
  g_hash_table_insert (import->zones, g_strdup (tzid), zone);

  if (tract_validate_time_zone (tzid))
    {
      zone->kind = ZONE_IANA;
      zone->iana = g_strdup (tzid);
      return zone;
    }
  if (g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0
      || g_ascii_strcasecmp (tzid, "Z") == 0)
    {
      zone->kind = ZONE_IANA;
      zone->iana = g_strdup ("UTC");
      return zone;
    }
  tail = tract_ical_zone_strip_prefix (tzid);
  windows = tract_ical_zone_from_windows (tzid);
  if (tail != NULL || windows != NULL)
    {
      zone->kind = ZONE_IANA;
      zone->iana = g_strdup (tail != NULL ? tail : windows);
      tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                             _("The time zone “%s” was read as %s."), tzid, zone->iana);
      return zone;
    }

  zone->custom = custom_zone (import, tzid, line);
  if (zone->custom != NULL)
    {
      icalcomponent *component = icaltimezone_get_component (zone->custom);
      icalproperty *location = icalcomponent_get_first_property (component, ICAL_LOCATION_PROPERTY);
      const char *name = NULL;
      const char *match = NULL;

      for (icalproperty *x = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
           x != NULL && name == NULL;
           x = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
        if (g_strcmp0 (icalproperty_get_x_name (x), "X-LIC-LOCATION") == 0)
          name = icalproperty_get_x (x);
      if (name == NULL && location != NULL)
        name = icalproperty_get_location (location);
      if (name != NULL && tract_validate_time_zone (name))
        match = name;
      else
        match = tract_ical_zone_match (zone->custom, year, import->default_zone);

      if (match != NULL)
        {
          zone->kind = ZONE_IANA;
          zone->iana = g_strdup (match);
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                                 _("The time zone “%s” was read as %s, which has the same "
                                   "offsets from UTC."), tzid, match);
        }
      else
        {
          zone->kind = ZONE_CUSTOM;
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                                 _("The time zone “%s” matches no known zone; its times were "
                                   "converted to UTC."), tzid);
        }
      return zone;
    }

  zone->kind = ZONE_FLOATING;
  tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                         _("The time zone “%s” is unknown and the file does not define it; its "
                           "times were read in %s."), tzid, import->default_zone);
  return zone;
}

/* Times */

void
tract_ical_when_clear (When *when)
{
  g_clear_pointer (&when->zone, g_free);
}

static gboolean
valid_fields (struct icaltimetype tt)
{
  if (tt.year < 1 || tt.year > 9999 || tt.month < 1 || tt.month > 12 || tt.day < 1)
    return FALSE;
  if (tt.day > g_date_get_days_in_month ((GDateMonth) tt.month, (GDateYear) tt.year))
    return FALSE;
  if (!tt.is_date && (tt.hour < 0 || tt.hour > 23 || tt.minute < 0 || tt.minute > 59
                      || tt.second < 0 || tt.second > 60))
    return FALSE;
  return TRUE;
}

static gint64
utc_fields_to_instant (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, MIN (second, 59));

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* Sets @when's wall clock to @instant as seen in @zone_name. */
static void
when_set_instant (Import     *import,
                  When       *when,
                  const char *zone_name,
                  gint64      instant)
{
  GTimeZone *zone = tract_ical_import_get_gzone (import->gzones, zone_name);
  /* The wall clock, as a UTC time shifted by the zone's offset. */
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (instant + tract_time_zone_offset (zone, instant));

  if (local == NULL)
    local = g_date_time_new_from_unix_utc (0);
  g_free (when->zone);
  when->zone = g_strdup (zone_name);
  when->year = g_date_time_get_year (local);
  when->month = g_date_time_get_month (local);
  when->day = g_date_time_get_day_of_month (local);
  when->hour = g_date_time_get_hour (local);
  when->minute = g_date_time_get_minute (local);
  when->second = g_date_time_get_second (local);
  when->instant = instant;
}

/* Whether the wall clock exists once, and only once, in its zone. */
static TractLocalTimeKind
when_check (Import *import,
            When   *when)
{
  GTimeZone *zone = tract_ical_import_get_gzone (import->gzones, when->zone);

  return tract_time_local_to_utc (zone, when->year, when->month, when->day, when->hour, when->minute,
                                  MIN (when->second, 59), &when->instant);
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  const char *tzid = parameter != NULL ? icalparameter_get_tzid (parameter) : NULL;

  return tzid != NULL && *tzid != '\0' ? tzid : NULL;
}

/* Reads a DATE-TIME into @when, wall clock and instant; @kind says whether
 * the wall clock exists once in its zone. FALSE when it cannot be read. */
static gboolean
read_time (Import              *import,
           struct icaltimetype  tt,
           const char          *tzid,
           guint                line,
           When                *when,
           TractLocalTimeKind  *kind)
{
  *kind = TRACT_LOCAL_TIME_VALID;
  if (!valid_fields (tt))
    return FALSE;

  when->all_day = FALSE;
  if (icaltime_is_utc (tt))
    {
      gint64 instant = utc_fields_to_instant (tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);

      /* Shown in the campaign's zone, unless that makes the time ambiguous. */
      when_set_instant (import, when, import->default_zone, instant);
      if (when_check (import, when) != TRACT_LOCAL_TIME_VALID || when->instant != instant)
        when_set_instant (import, when, "UTC", instant);
      return TRUE;
    }

  if (tzid != NULL)
    {
      Zone *zone = resolve_zone (import, tzid, tt.year, line);

      if (zone->kind == ZONE_CUSTOM)
        {
          struct icaltimetype copy = tt;

          copy.zone = NULL;
          copy.is_date = 0;
          when_set_instant (import, when, "UTC", (gint64) icaltime_as_timet_with_zone (copy, zone->custom));
          return TRUE;
        }
      g_free (when->zone);
      when->zone = g_strdup (zone->kind == ZONE_IANA ? zone->iana : import->default_zone);
    }
  else
    {
      if (!import->noted_floating)
        {
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, NULL,
                                 _("Times without a time zone were read in %s."), import->default_zone);
          import->noted_floating = TRUE;
        }
      g_free (when->zone);
      when->zone = g_strdup (import->default_zone);
    }
  when->year = tt.year;
  when->month = tt.month;
  when->day = tt.day;
  when->hour = tt.hour;
  when->minute = tt.minute;
  when->second = tt.second;
  *kind = when_check (import, when);
  return TRUE;
}

/* The fields as Tract stores them: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM",
 * with ":SS" when @seconds, then "Z" when @utc. Written digit by digit:
 * printf costs more than all the rest of reading a date, three times an
 * event. The fields are valid, the year from 1 to 9999. */
static char *
format_fields (int      year,
               int      month,
               int      day,
               gboolean with_time,
               int      hour,
               int      minute,
               gboolean with_seconds,
               int      second,
               gboolean utc)
{
  const int fields[] = { year, month, day, hour, minute, second };
  const int n_fields = !with_time ? 3 : with_seconds ? 6 : 5;
  const char separators[] = "--T::";
  char *text = g_malloc (21);
  char *out = text;

  g_assert (year >= 1 && year <= 9999);
  for (int i = 0; i < n_fields; i++)
    {
      int value = fields[i];

      if (i > 0)
        *out++ = separators[i - 1];
      if (i == 0)
        {
          *out++ = (char) ('0' + value / 1000);
          *out++ = (char) ('0' + value / 100 % 10);
        }
      *out++ = (char) ('0' + value / 10 % 10);
      *out++ = (char) ('0' + value % 10);
    }
  if (utc)
    *out++ = 'Z';
  *out = '\0';
  return text;
}

char *
tract_ical_import_format_local (const When *when)
{
  return format_fields (when->year, when->month, when->day, !when->all_day, when->hour, when->minute,
                        when->second != 0, MIN (when->second, 59), FALSE);
}

static char *
format_stamp (struct icaltimetype tt)
{
  if (icaltime_is_null_time (tt) || !valid_fields (tt) || tt.is_date)
    return NULL;
  return format_fields (tt.year, tt.month, tt.day, TRUE, tt.hour, tt.minute, TRUE, MIN (tt.second, 59), TRUE);
}

char *
tract_ical_import_clean_text (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  if (text == NULL)
    return g_strdup ("");
  tract_ical_append_clean (clean, text, -1);
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* libical 3.0.16 hands X- values over as written, escapes included. */
static char *
unescape_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return tract_ical_import_clean_text (out->str);
}

static const char *
first_error (icalcomponent *component)
{
  icalproperty *error = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);

  return error != NULL ? icalproperty_get_xlicerror (error) : NULL;
}

/* Events */

void
tract_ical_incoming_clear (Incoming *incoming)
{
  g_free (incoming->uid);
  g_free (incoming->title);
  g_free (incoming->kind);
  g_free (incoming->status);
  tract_ical_when_clear (&incoming->start);
  tract_ical_when_clear (&incoming->end);
  g_free (incoming->rrule);
  g_free (incoming->exdates);
  g_free (incoming->location_name);
  g_free (incoming->address);
  g_free (incoming->description);
  g_free (incoming->url);
  g_free (incoming->created);
  g_free (incoming->modified);
  g_free (incoming->series_uid);
  tract_ical_when_clear (&incoming->occurrence);
}

/* Import rule 4, for an all-day event: DTEND is the day after the last day. */
static void
read_all_day_end (Import        *import,
                  icalcomponent *event,
                  Incoming      *incoming,
                  guint          line)
{
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  g_autoptr(GDate) first = g_date_new_dmy ((GDateDay) incoming->start.day, (GDateMonth) incoming->start.month,
                                           (GDateYear) incoming->start.year);
  g_autoptr(GDate) last = g_date_copy (first);
  int n_days = 1;

  if (dtend != NULL)
    {
      struct icaltimetype end = icalproperty_get_dtend (dtend);

      if (valid_fields (end))
        {
          g_autoptr(GDate) after = g_date_new_dmy ((GDateDay) end.day, (GDateMonth) end.month,
                                                   (GDateYear) end.year);

          /* A DATE-TIME end past midnight still covers that day. */
          if (!end.is_date && (end.hour != 0 || end.minute != 0 || end.second != 0))
            g_date_add_days (after, 1);
          n_days = g_date_days_between (first, after);
          if (n_days < 1)
            {
              tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                                     _("The all-day event “%s” ends before it starts; it was given one day."),
                                     incoming->title);
              n_days = 1;
            }
        }
    }
  else if (duration != NULL)
    {
      struct icaldurationtype length = icalproperty_get_duration (duration);

      n_days = (int) (length.weeks * 7 + length.days);
      if (length.hours > 0 || length.minutes > 0 || length.seconds > 0)
        n_days++;
      if (length.is_neg || n_days < 1)
        n_days = 1;
    }
  /* Without DTEND or DURATION a DATE start lasts one day. */
  n_days = MIN (n_days, 366 * 100);
  g_date_add_days (last, (guint) (n_days - 1));
  incoming->end.all_day = TRUE;
  incoming->end.year = g_date_get_year (last);
  incoming->end.month = g_date_get_month (last);
  incoming->end.day = g_date_get_day (last);
  if (incoming->end.year > 9999)
    {
      incoming->end.year = incoming->start.year;
      incoming->end.month = incoming->start.month;
      incoming->end.day = incoming->start.day;
    }
}

/* Import rule 4, for a timed event. */
static void
read_timed_end (Import        *import,
                icalcomponent *event,
                Incoming      *incoming,
                guint          line)
{
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  gint64 end_instant = incoming->start.instant;

  if (dtend != NULL)
    {
      struct icaltimetype end = icalproperty_get_dtend (dtend);
      g_auto(When) when = { 0 };
      TractLocalTimeKind kind;

      if (end.is_date && valid_fields (end))
        {
          /* A DATE end of a timed start: midnight that day, in the start's zone. */
          when.zone = g_strdup (incoming->start.zone);
          when.year = end.year;
          when.month = end.month;
          when.day = end.day;
          when_check (import, &when);
          end_instant = when.instant;
        }
      else if (read_time (import, end, tzid_of (dtend), line, &when, &kind))
        end_instant = when.instant;
    }
  else if (duration != NULL)
    {
      struct icaldurationtype length = icalproperty_get_duration (duration);
      gint64 exact = (gint64) length.hours * 3600 + (gint64) length.minutes * 60 + length.seconds;
      gint64 days = (gint64) length.weeks * 7 + length.days;

      if (length.is_neg)
        {
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                                 _("The event “%s” has a negative DURATION; it was given no length."),
                                 incoming->title);
        }
      else
        {
          g_autoptr(GDateTime) start = NULL;
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (incoming->start.instant);

          /* RFC 5545 §3.3.6: days are nominal (the same wall-clock time on a
           * later day), hours and below exact. */
          days = MIN (days, 366 * 100);
          if (utc != NULL)
            start = g_date_time_to_timezone (utc, tract_ical_import_get_gzone (import->gzones, incoming->start.zone));
          if (start != NULL)
            {
              g_autoptr(GDateTime) later = g_date_time_add_days (start, (int) days);

              end_instant = (later != NULL ? g_date_time_to_unix (later) : incoming->start.instant) + exact;
            }
        }
    }
  /* A DATE-TIME start without DTEND or DURATION has no length. */

  if (end_instant < incoming->start.instant)
    {
      if (dtend != NULL)
        tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                               _("The event “%s” ends before it starts; it was given no length."),
                               incoming->title);
      end_instant = incoming->start.instant;
    }
  incoming->end.all_day = FALSE;
  when_set_instant (import, &incoming->end, incoming->start.zone, end_instant);
}

/* Appends to @exdates the occurrence of @incoming's series that starts
 * at @tt (in zone @tzid), as the value type and zone of the start (export
 * rule 13) write it; FALSE when it cannot be read or is there already. */
static gboolean
add_exception (Import              *import,
               Incoming            *incoming,
               struct icaltimetype  tt,
               const char          *tzid,
               guint                line,
               GString             *exdates)
{
  g_auto(When) when = { 0 };
  g_autofree char *text = NULL;

  if (!valid_fields (tt))
    return FALSE;
  if (incoming->start.all_day)
    {
      when.all_day = TRUE;
      when.year = tt.year;
      when.month = tt.month;
      when.day = tt.day;
    }
  else if (tt.is_date)
    {
      /* A day alone: the occurrence starting on it. */
      when = incoming->start;
      when.zone = g_strdup (incoming->start.zone);
      when.year = tt.year;
      when.month = tt.month;
      when.day = tt.day;
    }
  else
    {
      TractLocalTimeKind kind;

      if (!read_time (import, tt, tzid, line, &when, &kind))
        return FALSE;
      if (!g_str_equal (when.zone, incoming->start.zone))
        when_set_instant (import, &when, incoming->start.zone, when.instant);
    }
  text = tract_ical_import_format_local (&when);
  if (strstr (exdates->str, text) != NULL)
    return FALSE;
  g_string_append_printf (exdates, "%s%s", exdates->len > 0 ? "," : "", text);
  return TRUE;
}

static void
read_recurrence (Import        *import,
                 icalcomponent *event,
                 Incoming      *incoming,
                 guint          line)
{
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_autoptr(GString) exdates = g_string_new (NULL);
  GPtrArray *overrides;
  guint n_exdates = 0;

  if (rrule == NULL)
    return;
  {
    struct icalrecurrencetype recur = icalproperty_get_rrule (rrule);
    char *text;

    if (recur.freq == ICAL_NO_RECURRENCE)
      return;
    text = icalrecurrencetype_as_string_r (&recur);
    incoming->rrule = g_strdup (text != NULL ? text : "");
    free (text);
  }
  if (icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY) != NULL)
    tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                           _("The event “%s” has several recurrence rules; only the first was kept."),
                           incoming->title);
  if (icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL)
    tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                           _("The extra dates (RDATE) of “%s” were left out: Tract keeps a "
                             "recurrence rule and its exceptions only."), incoming->title);

  /* Exceptions take the value type and zone of the start (export rule 13). */
  for (icalproperty *exdate = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       exdate != NULL && n_exdates < MAX_EXDATES;
       exdate = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    if (add_exception (import, incoming, icalproperty_get_exdate (exdate), tzid_of (exdate), line, exdates))
      n_exdates++;

  /* The occurrences that events of their own change (RECURRENCE-ID) or
   * cancel are no longer the series': as a calendar shows it. */
  overrides = g_hash_table_lookup (import->overridden, incoming->uid);
  for (guint i = 0; overrides != NULL && i < overrides->len && n_exdates < MAX_EXDATES; i++)
    {
      icalproperty *recurrence_id = icalproperty_new_from_string (overrides->pdata[i]);

      if (recurrence_id == NULL)
        continue;
      if (icalproperty_isa (recurrence_id) == ICAL_RECURRENCEID_PROPERTY
          && add_exception (import, incoming, icalproperty_get_recurrenceid (recurrence_id),
                            tzid_of (recurrence_id), line, exdates))
        n_exdates++;
      icalproperty_free (recurrence_id);
    }
  if (exdates->len > 0)
    incoming->exdates = g_string_free (g_steal_pointer (&exdates), FALSE);
}

static char *
make_uid (icalcomponent *event,
          const char    *summary)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_autofree char *start = dtstart != NULL ? icalproperty_get_value_as_string_r (dtstart) : NULL;
  g_autofree char *seed = g_strdup_printf ("%s\n%s\n%s", start != NULL ? start : "", summary,
                                           icalcomponent_get_location (event) != NULL
                                             ? icalcomponent_get_location (event) : "");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* The same event imported twice must get the same UID, or it doubles. */
  return g_strdup_printf ("%s@import.tract", hash);
}

/* Fills @incoming from @event; FALSE with the reason in @reason to skip it. */
gboolean
tract_ical_read_event (Import        *import,
                       icalcomponent *event,
                       guint          line,
                       Incoming      *incoming,
                       char         **reason)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *recurrence_id;
  icalproperty *property;
  const char *uid = icalcomponent_get_uid (event);
  const char *error = first_error (event);
  int n_errors = icalcomponent_count_errors (event);
  struct icaltimetype start;

  incoming->title = tract_ical_import_clean_text (icalcomponent_get_summary (event));
  g_strstrip (incoming->title);
  if (uid != NULL && *uid != '\0')
    incoming->uid = tract_ical_import_clean_text (uid);
  else
    incoming->uid = make_uid (event, incoming->title);
  if (*incoming->title == '\0')
    {
      g_free (incoming->title);
      incoming->title = g_strdup (_("Untitled event"));
    }
  incoming->latitude = NAN;
  incoming->longitude = NAN;

  /* Import rule 3: libical drops what it cannot read and says so in
   * X-LIC-ERROR; an event without a start is no event. */
  if (n_errors > 0)
    tract_ical_report_add_parse_errors (import->notes, (guint) n_errors);
  recurrence_id = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  if (recurrence_id != NULL)
    {
      g_autofree char *occurrence = icalproperty_get_value_as_string_r (recurrence_id);
      g_autofree char *base = NULL;
      struct icaltimetype tt = icalproperty_get_recurrenceid (recurrence_id);
      gboolean series_here = g_hash_table_contains (import->series, incoming->uid);

      /* One occurrence of a series changed: the change is an event of its
       * own, whose UID says which occurrence it replaces, and the series
       * leaves that occurrence out. The first pass gave a series of this
       * file the exception already; a series only in the campaign (an
       * invitation's update, alone in its file) gets it when stored. A
       * cancelled occurrence is the exception alone. */
      if (!series_here)
        {
          TractLocalTimeKind kind;

          if (tt.is_date && valid_fields (tt))
            {
              incoming->occurrence.all_day = TRUE;
              incoming->occurrence.year = tt.year;
              incoming->occurrence.month = tt.month;
              incoming->occurrence.day = tt.day;
              incoming->series_uid = g_strdup (incoming->uid);
            }
          else if (read_time (import, tt, tzid_of (recurrence_id), line, &incoming->occurrence, &kind))
            incoming->series_uid = g_strdup (incoming->uid);
        }
      if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
        {
          incoming->cancels_only = TRUE;
          if (series_here)
            tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                                   _("“%s” cancels one occurrence of a repeating event (RECURRENCE-ID %s): "
                                     "it was left out of the series."),
                                   incoming->title, occurrence != NULL ? occurrence : "");
          return TRUE;
        }
      base = g_steal_pointer (&incoming->uid);
      incoming->uid = g_strdup_printf ("%s/%s", base, occurrence != NULL ? occurrence : "");
    }
  if (dtstart == NULL)
    {
      *reason = error != NULL
        ? g_strdup_printf (_("The event “%s” has no start that can be read (%s)."), incoming->title, error)
        : g_strdup_printf (_("The event “%s” has no start (DTSTART)."), incoming->title);
      return FALSE;
    }
  start = icalproperty_get_dtstart (dtstart);
  if (!valid_fields (start))
    {
      *reason = g_strdup_printf (_("The event “%s” starts on a date that does not exist."), incoming->title);
      return FALSE;
    }
  if (recurrence_id != NULL && incoming->series_uid == NULL)
    tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                           _("“%s” changes one occurrence of a repeating event: it was imported as an "
                             "event of its own, and left out of the series."), incoming->title);
  if (n_errors > 0)
    tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%d property of “%s” could not be read and was left out (%s).",
                                        "%d properties of “%s” could not be read and were left out (%s).",
                                        (gulong) n_errors),
                           n_errors, incoming->title, error != NULL ? error : "X-LIC-ERROR");

  if (start.is_date)
    {
      /* Import rule 4 and export rule 9: a DATE start is an all-day event;
       * midnight times are never taken for one. */
      incoming->start.all_day = TRUE;
      incoming->start.zone = g_strdup (import->default_zone);
      incoming->start.year = start.year;
      incoming->start.month = start.month;
      incoming->start.day = start.day;
      read_all_day_end (import, event, incoming, line);
    }
  else
    {
      TractLocalTimeKind kind;

      if (!read_time (import, start, tzid_of (dtstart), line, &incoming->start, &kind))
        {
          *reason = g_strdup_printf (_("The start of “%s” cannot be read."), incoming->title);
          return FALSE;
        }
      /* Export rule 12: a time in a DST gap or overlap means different
       * instants to different parsers; keep the one RFC 5545 gives, in UTC. */
      if (kind != TRACT_LOCAL_TIME_VALID)
        {
          gint64 instant = incoming->start.instant;
          g_autofree char *local = tract_ical_import_format_local (&incoming->start);
          g_autofree char *zone = g_strdup (incoming->start.zone);

          when_set_instant (import, &incoming->start, "UTC", instant);
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                                 kind == TRACT_LOCAL_TIME_IN_GAP
                                   ? _("“%s” starts at %s, a time that does not exist in %s; it was "
                                       "kept in UTC.")
                                   : _("“%s” starts at %s, a time that happens twice in %s; it was "
                                       "kept in UTC."),
                                 incoming->title, local, zone);
        }
      read_timed_end (import, event, incoming, line);
      if (!g_str_equal (incoming->start.zone, "UTC")
          && when_check (import, &incoming->end) != TRACT_LOCAL_TIME_VALID)
        {
          /* The end falls in an overlap: UTC keeps both instants exact. */
          gint64 end_instant = incoming->end.instant;

          when_set_instant (import, &incoming->start, "UTC", incoming->start.instant);
          when_set_instant (import, &incoming->end, "UTC", end_instant);
        }
    }

  {
    enum icalproperty_status status = icalcomponent_get_status (event);

    if (status == ICAL_STATUS_TENTATIVE)
      incoming->status = g_strdup ("tentative");
    else if (status == ICAL_STATUS_CANCELLED)
      incoming->status = g_strdup ("cancelled");
    else
      incoming->status = g_strdup ("confirmed");
  }

  for (property = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       property != NULL && incoming->kind == NULL;
       property = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (property);
      g_auto(GStrv) tags = g_strsplit (value != NULL ? value : "", ",", 0);

      for (guint i = 0; tags[i] != NULL && incoming->kind == NULL; i++)
        {
          const char *kind = tract_ical_kind_from_category (g_strstrip (tags[i]));

          if (kind != NULL)
            incoming->kind = g_strdup (kind);
        }
    }
  if (incoming->kind == NULL)
    incoming->kind = g_strdup ("other");

  read_recurrence (import, event, incoming, line);

  incoming->location_name = tract_ical_import_clean_text (icalcomponent_get_location (event));
  incoming->address = g_strdup ("");
  for (property = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (property);
      const char *value = icalproperty_get_x (property);

      if (name == NULL || value == NULL)
        continue;
      if (g_ascii_strcasecmp (name, TRACT_ICAL_X_LOCATION_NAME) == 0)
        {
          g_free (incoming->location_name);
          incoming->location_name = unescape_text (value);
        }
      else if (g_ascii_strcasecmp (name, TRACT_ICAL_X_ADDRESS) == 0)
        {
          g_autofree char *only = icalproperty_get_parameter_as_string_r (property, TRACT_ICAL_X_ADDRESS_ONLY);

          g_free (incoming->address);
          incoming->address = unescape_text (value);
          if (only != NULL && g_ascii_strcasecmp (only, "TRUE") == 0)
            {
              g_free (incoming->location_name);
              incoming->location_name = g_strdup ("");
            }
        }
    }

  property = icalcomponent_get_first_property (event, ICAL_GEO_PROPERTY);
  if (property != NULL)
    {
      struct icalgeotype geo = icalproperty_get_geo (property);

      if (isfinite (geo.lat) && isfinite (geo.lon) && geo.lat >= -90 && geo.lat <= 90
          && geo.lon >= -180 && geo.lon <= 180)
        {
          incoming->latitude = geo.lat;
          incoming->longitude = geo.lon;
        }
    }

  incoming->description = tract_ical_import_clean_text (icalcomponent_get_description (event));
  property = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
  if (property != NULL && icalproperty_get_url (property) != NULL)
    {
      g_autofree char *url = tract_ical_import_clean_text (icalproperty_get_url (property));

      g_strstrip (url);
      if (tract_validate_url (url))
        incoming->url = g_steal_pointer (&url);
      else if (*url != '\0')
        tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                               _("The web address “%s” of “%s” is not an http or https address; it "
                                 "was left out."), url, incoming->title);
    }
  if (incoming->url == NULL)
    incoming->url = g_strdup ("");

  incoming->sequence = MAX (icalcomponent_get_sequence (event), 0);
  property = icalcomponent_get_first_property (event, ICAL_CREATED_PROPERTY);
  if (property != NULL)
    incoming->created = format_stamp (icalproperty_get_created (property));
  property = icalcomponent_get_first_property (event, ICAL_LASTMODIFIED_PROPERTY);
  if (property != NULL)
    incoming->modified = format_stamp (icalproperty_get_lastmodified (property));
  return TRUE;
}
