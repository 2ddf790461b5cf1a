/* tract-ical-occurrences.c — the dates a repeating event happens on
 *
 * libical expands the rule; the length of each occurrence is the event's
 * own, start + (DTEND − DTSTART): libical 3.0.16 gives a one-day all-day
 * event a span of 1 day 23:59:59 when it expands (ICALENDAR.md, import
 * rule 6), and a timed occurrence after a DST change keeps its duration,
 * not its wall-clock end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tract-ical-occurrences.h"
#include "tract-ical-private.h"
#include "tract-validate.h"

/* A rule with no end could go on for ever; nobody plans rallies past this. */
#define MAX_ITERATIONS 100000

static struct icaltimetype
local_to_ical (const char   *local,
               gboolean      all_day,
               icaltimezone *zone)
{
  struct icaltimetype time = icaltime_null_time ();
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;

  if (all_day)
    {
      if (sscanf (local, "%4d-%2d-%2d", &year, &month, &day) != 3)
        return icaltime_null_time ();
      time.is_date = 1;
    }
  else if (!tract_parse_local_time (local, &year, &month, &day, &hour, &minute, &second))
    return icaltime_null_time ();
  time.year = year;
  time.month = month;
  time.day = day;
  time.hour = hour;
  time.minute = minute;
  time.second = second;
  time.zone = all_day ? NULL : zone;
  return time;
}

static gint64
key_utc (struct icaltimetype time,
        icaltimezone       *zone)
{
  if (time.is_date)
    {
      time.is_date = 0;
      time.hour = time.minute = time.second = 0;
      return (gint64) icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ());
    }
  return (gint64) icaltime_as_timet_with_zone (time, zone);
}

GArray *
tract_ical_event_occurrences (TractEvent  *event,
                              gint64       from_utc,
                              gint64       to_utc,
                              guint        max_occurrences,
                              GError     **error)
{
  TractRecord *record = TRACT_RECORD (event);
  gboolean all_day = tract_event_get_all_day (event);
  const char *zone_name = tract_record_get_text (record, "time_zone");
  const char *rrule = tract_record_get_text (record, "rrule");
  g_auto(GStrv) exdates = g_strsplit (tract_record_get_text (record, "exdates"), ",", 0);
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (TractIcalOccurrence));
  g_autoptr(GHashTable) excluded = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) excluded_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  icaltimezone *zone = NULL;
  struct icaltimetype start;
  gint64 length;

  g_return_val_if_fail (TRACT_IS_EVENT (event), NULL);

  if (!all_day)
    {
      zone = g_str_equal (zone_name, "UTC") ? icaltimezone_get_utc_timezone ()
                                            : icaltimezone_get_builtin_timezone (zone_name);
      if (zone == NULL)
        {
          g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_FAILED,
                       _("The time zone %s of “%s” is unknown to libical."), zone_name,
                       tract_event_get_title (event));
          return NULL;
        }
    }
  start = local_to_ical (tract_record_get_text (record, "start_local"), all_day, zone);
  if (icaltime_is_null_time (start))
    {
      g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_FAILED,
                   _("The start of “%s” cannot be read."), tract_event_get_title (event));
      return NULL;
    }
  /* Import rule 6: every occurrence lasts DTEND − DTSTART; for all-day
   * events, whole days whatever the zone's summer time does. */
  if (all_day)
    {
      struct icaltimetype last = local_to_ical (tract_record_get_text (record, "end_local"), TRUE, NULL);

      length = icaltime_is_null_time (last) ? 86400 : key_utc (last, NULL) + 86400 - key_utc (start, NULL);
    }
  else
    length = tract_event_get_end_utc (event) - tract_event_get_start_utc (event);

  g_array_set_size (excluded_keys, g_strv_length (exdates));
  for (guint i = 0; exdates[i] != NULL; i++)
    {
      struct icaltimetype exdate = local_to_ical (g_strstrip (exdates[i]), all_day, zone);

      g_array_index (excluded_keys, gint64, i) = icaltime_is_null_time (exdate) ? G_MININT64 : key_utc (exdate, zone);
    }
  for (guint i = 0; i < excluded_keys->len; i++)
    g_hash_table_add (excluded, &g_array_index (excluded_keys, gint64, i));

  if (*rrule == '\0')
    {
      TractIcalOccurrence occurrence = { key_utc (start, zone), 0 };

      occurrence.end_utc = occurrence.start_utc + length;
      if (occurrence.end_utc > from_utc && occurrence.start_utc < to_utc && max_occurrences > 0)
        g_array_append_val (occurrences, occurrence);
      return g_steal_pointer (&occurrences);
    }

  {
    g_autoptr(GTimeZone) gzone = all_day ? NULL : g_time_zone_new_identifier (zone_name);
    /* In libical's form, UNTIL in UTC for a zoned start, as an export writes it. */
    g_autofree char *written = tract_ical_export_rrule (rrule, all_day, gzone);
    struct icalrecurrencetype recur;
    icalrecur_iterator *iterator;
    guint n_iterations = 0;

    if (written == NULL)
      {
        g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_FAILED,
                     _("The recurrence rule “%s” of “%s” cannot be read."), rrule,
                     tract_event_get_title (event));
        return NULL;
      }
    recur = icalrecurrencetype_from_string (written);
    iterator = icalrecur_iterator_new (recur, start);
    free (recur.rscale);
    if (iterator == NULL)
      {
        icalerror_clear_errno ();
        g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_FAILED,
                     _("The recurrence rule “%s” of “%s” cannot be read."), rrule,
                     tract_event_get_title (event));
        return NULL;
      }
    for (struct icaltimetype next = icalrecur_iterator_next (iterator);
         !icaltime_is_null_time (next) && occurrences->len < max_occurrences && n_iterations < MAX_ITERATIONS;
         next = icalrecur_iterator_next (iterator), n_iterations++)
      {
        TractIcalOccurrence occurrence;

        next.zone = all_day ? NULL : zone;
        occurrence.start_utc = key_utc (next, zone);
        if (occurrence.start_utc >= to_utc)
          break;
        occurrence.end_utc = occurrence.start_utc + length;
        if (occurrence.end_utc <= from_utc || g_hash_table_contains (excluded, &occurrence.start_utc))
          continue;
        g_array_append_val (occurrences, occurrence);
      }
    icalrecur_iterator_free (iterator);
  }
  return g_steal_pointer (&occurrences);
}
