/* tract-format.c — how records read in the window
 *
 * Dates are written in the event's own time zone, as its organizers wrote
 * them, and in the words of the user's language: every pattern below goes
 * through gettext so that a translation can reorder it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "tract-format.h"
#include "tract-time.h"
#include "tract-validate.h"

static GTimeZone *
event_zone (TractRecord *event)
{
  GTimeZone *zone = tract_time_zone_lookup (tract_record_get_text (event, "time_zone"));

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

/* A timed event's instant, on the wall clock of its zone. */
static GDateTime *
local_time (TractRecord *event,
            const char  *column,
            GTimeZone   *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (tract_record_get_integer (event, column));

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

/* An all-day event's date: a day, not an instant, so UTC only carries it. */
static GDateTime *
local_day (TractRecord *event,
           const char  *column)
{
  g_autoptr(GDate) date = tract_parse_date (tract_record_get_text (event, column));

  if (date == NULL)
    return NULL;
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

static GDateTime *
event_start (TractRecord *event)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (tract_record_get_boolean (event, "all_day"))
    return local_day (event, "start_local");

  zone = event_zone (event);
  return local_time (event, "start_utc", zone);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b)
         && g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_day (GDateTime *day)
{
  /* Translators: an event's date, as strftime() would take it ("Sat 20 March 2021").
   * %-d is the day without a leading zero. */
  return g_date_time_format (day, C_("event date", "%a %-d %B %Y"));
}

static char *
format_all_day (TractRecord *event)
{
  g_autoptr(GDateTime) first = local_day (event, "start_local");
  g_autoptr(GDateTime) last = local_day (event, "end_local");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == NULL)
    return g_strdup (tract_record_get_text (event, "start_local"));

  if (last == NULL || same_day (first, last))
    {
      g_autofree char *date = format_day (first);

      /* Translators: an event that lasts one whole day; %s is its date. */
      return g_strdup_printf (C_("event when", "%s · All day"), date);
    }

  /* Translators: the last day of a span of days ("30 May 2021"). */
  to = g_date_time_format (last, C_("event date", "%-d %B %Y"));

  if (g_date_time_get_year (first) == g_date_time_get_year (last)
      && g_date_time_get_month (first) == g_date_time_get_month (last))
    {
      /* Translators: the first day of a span of days in one month ("29"),
       * as strftime() would take it. xgettext:no-c-format */
      from = g_date_time_format (first, C_("event date", "%-d"));
      /* Translators: a span of days within one month ("29–30 May 2021"). */
      return g_strdup_printf (C_("event when", "%s–%s"), from, to);
    }

  if (g_date_time_get_year (first) == g_date_time_get_year (last))
    /* Translators: the first day of a span of days in one year ("31 May"). */
    from = g_date_time_format (first, C_("event date", "%-d %B"));
  else
    from = g_date_time_format (first, C_("event date", "%-d %B %Y"));

  /* Translators: a span of days over several months ("31 May – 1 June 2021"). */
  return g_strdup_printf (C_("event when", "%s – %s"), from, to);
}

static char *
format_timed (TractRecord *event,
              GTimeZone   *zone)
{
  g_autoptr(GDateTime) start = local_time (event, "start_utc", zone);
  g_autoptr(GDateTime) end = local_time (event, "end_utc", zone);
  g_autofree char *date = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *end_time = NULL;

  if (start == NULL)
    return g_strdup (tract_record_get_text (event, "start_local"));

  date = format_day (start);
  /* Translators: the time of day of an event, as strftime() would take it
   * ("14:00"); "%-I:%M %p" gives "2:00 PM". */
  start_time = g_date_time_format (start, C_("event time", "%H:%M"));

  if (end == NULL || g_date_time_compare (start, end) >= 0)
    /* Translators: an event's date and the time it starts ("Sat 20 March 2021, 14:00"). */
    return g_strdup_printf (C_("event when", "%s, %s"), date, start_time);

  end_time = g_date_time_format (end, C_("event time", "%H:%M"));
  if (same_day (start, end))
    /* Translators: an event's date, start and end ("Sat 20 March 2021, 14:00–17:00"). */
    return g_strdup_printf (C_("event when", "%s, %s–%s"), date, start_time, end_time);

  end_date = format_day (end);
  /* Translators: an event over several days ("Sat 29 May 2021, 22:00 – Sun 30 May 2021, 02:00"). */
  return g_strdup_printf (C_("event when", "%s, %s – %s, %s"), date, start_time, end_date, end_time);
}

/**
 * tract_format_event_when:
 * @campaign_time_zone: (nullable): the campaign's zone; a timed event in
 *   another zone says which one
 *
 * Returns: (transfer full): when the event takes place, for a list row
 */
char *
tract_format_event_when (TractRecord *event,
                         const char  *campaign_time_zone)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *text = NULL;
  const char *zone_name;

  g_return_val_if_fail (TRACT_IS_RECORD (event), NULL);

  if (tract_record_get_boolean (event, "all_day"))
    return format_all_day (event);

  zone = event_zone (event);
  text = format_timed (event, zone);

  zone_name = tract_record_get_text (event, "time_zone");
  if (campaign_time_zone == NULL || *campaign_time_zone == '\0'
      || g_strcmp0 (zone_name, campaign_time_zone) == 0)
    return g_steal_pointer (&text);

  /* Translators: an event's time followed by its time zone, when the zone
   * is not the campaign's ("Sat 20 March 2021, 14:00–17:00 (America/Lima)"). */
  return g_strdup_printf (C_("event when", "%s (%s)"), text, zone_name);
}

/* A day given as "YYYY-MM-DD", as a GDateTime to format, or NULL. */
static GDateTime *
parse_day (const char *day)
{
  g_autoptr(GDate) date = tract_parse_date (day);

  if (date == NULL)
    return NULL;
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

/**
 * tract_format_event_time:
 * @campaign_time_zone: (nullable): the campaign's zone; a timed event in
 *   another zone says which one
 *
 * The time of an event under the heading of its first day: "14:00–17:00",
 * "All day", "29–30 May", "22:00 – Sun 30 May, 02:00".
 *
 * Returns: (transfer full): the text
 */
char *
tract_format_event_time (TractRecord *event,
                         const char  *campaign_time_zone)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;
  const char *zone_name;

  g_return_val_if_fail (TRACT_IS_RECORD (event), NULL);

  if (tract_record_get_boolean (event, "all_day"))
    {
      g_autoptr(GDateTime) first = local_day (event, "start_local");
      g_autoptr(GDateTime) last = local_day (event, "end_local");
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (first == NULL || last == NULL || same_day (first, last))
        return g_strdup (C_("event time", "All day"));
      /* Translators: the last day of a span of days under the heading of
       * its first one ("30 May"), as strftime() would take it. */
      to = g_date_time_format (last, C_("event date", "%-d %B"));
      if (g_date_time_get_month (first) == g_date_time_get_month (last)
          && g_date_time_get_year (first) == g_date_time_get_year (last))
        /* Translators: the first day of a span of days in one month ("29"). xgettext:no-c-format */
        from = g_date_time_format (first, C_("event date", "%-d"));
      else
        from = g_date_time_format (first, C_("event date", "%-d %B"));
      /* Translators: a span of whole days, first and last ("29–30 May"). */
      return g_strdup_printf (C_("event time", "%s–%s"), from, to);
    }

  zone = event_zone (event);
  start = local_time (event, "start_utc", zone);
  end = local_time (event, "end_utc", zone);
  if (start == NULL)
    return g_strdup (tract_record_get_text (event, "start_local"));

  start_time = g_date_time_format (start, C_("event time", "%H:%M"));
  if (end == NULL || g_date_time_compare (start, end) >= 0)
    text = g_strdup (start_time);
  else if (same_day (start, end))
    {
      g_autofree char *end_time = g_date_time_format (end, C_("event time", "%H:%M"));

      /* Translators: the start and end of an event within a day ("14:00–17:00"). */
      text = g_strdup_printf (C_("event time", "%s–%s"), start_time, end_time);
    }
  else
    {
      g_autofree char *end_day = NULL;
      g_autofree char *end_time = g_date_time_format (end, C_("event time", "%H:%M"));

      /* Translators: the day an event ends, when it ends on another day ("Sun 30 May"). */
      end_day = g_date_time_format (end, C_("event date", "%a %-d %B"));
      /* Translators: an event that ends on another day ("22:00 – Sun 30 May, 02:00"). */
      text = g_strdup_printf (C_("event time", "%s – %s, %s"), start_time, end_day, end_time);
    }

  zone_name = tract_record_get_text (event, "time_zone");
  if (campaign_time_zone == NULL || *campaign_time_zone == '\0' || g_strcmp0 (zone_name, campaign_time_zone) == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf (C_("event when", "%s (%s)"), text, zone_name);
}

/**
 * tract_format_day_heading:
 * @day: a date, "YYYY-MM-DD"
 *
 * Returns: (transfer full): the heading of a day in the agenda
 *   ("Saturday 20 March 2021"), saying when it is today or tomorrow
 */
char *
tract_format_day_heading (const char *day)
{
  g_autoptr(GDateTime) date = parse_day (day);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) tomorrow_time = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (tomorrow_time, "%Y-%m-%d");
  g_autofree char *text = NULL;

  if (date == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: the heading of a day in the agenda, as strftime() would
   * take it ("Saturday 20 March 2021"). */
  text = g_date_time_format (date, C_("day heading", "%A %-d %B %Y"));
  if (g_strcmp0 (day, today) == 0)
    /* Translators: the heading of today in the agenda; %s is the date. */
    return g_strdup_printf (C_("day heading", "Today · %s"), text);
  if (g_strcmp0 (day, tomorrow) == 0)
    /* Translators: the heading of tomorrow in the agenda; %s is the date. */
    return g_strdup_printf (C_("day heading", "Tomorrow · %s"), text);
  return g_steal_pointer (&text);
}

/* Returns: (transfer full): a date for a button ("Sat 20 Mar 2021"), or @day as it is */
char *
tract_format_date (const char *day)
{
  g_autoptr(GDateTime) date = parse_day (day);

  if (date == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: a date on a button, as strftime() would take it ("Sat 20 Mar 2021"). */
  return g_date_time_format (date, C_("short date", "%a %-d %b %Y"));
}

const char *
tract_format_event_role (const char *role)
{
  if (g_strcmp0 (role, "organizer") == 0)
    return C_("event role", "Organizer");
  if (g_strcmp0 (role, "partner") == 0)
    return C_("event role", "Partner");
  if (g_strcmp0 (role, "speaker") == 0)
    return C_("event role", "Speaker");
  if (g_strcmp0 (role, "delegation") == 0)
    return C_("event role", "Delegation");
  return role != NULL ? role : "";
}

/* Returns: (transfer full): the day of the month the event starts ("20") */
char *
tract_format_event_day (TractRecord *event)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (TRACT_IS_RECORD (event), NULL);

  start = event_start (event);
  return start != NULL ? g_date_time_format (start, "%-d") : g_strdup ("");
}

/* Returns: (transfer full): the month the event starts, in capitals ("MAR") */
char *
tract_format_event_month (TractRecord *event)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *month = NULL;

  g_return_val_if_fail (TRACT_IS_RECORD (event), NULL);

  start = event_start (event);
  if (start == NULL)
    return g_strdup ("");
  /* Translators: the month on an event's date badge, as strftime() would take it. */
  month = g_date_time_format (start, C_("event badge", "%b"));
  return g_utf8_strup (month, -1);
}

const char *
tract_format_event_kind (const char *kind)
{
  if (g_strcmp0 (kind, "rally") == 0)
    return C_("event kind", "Rally");
  if (g_strcmp0 (kind, "demonstration") == 0)
    return C_("event kind", "Demonstration");
  if (g_strcmp0 (kind, "panel") == 0)
    return C_("event kind", "Panel");
  if (g_strcmp0 (kind, "commemoration") == 0)
    return C_("event kind", "Commemoration");
  if (g_strcmp0 (kind, "celebration") == 0)
    return C_("event kind", "Celebration");
  if (g_strcmp0 (kind, "meeting") == 0)
    return C_("event kind", "Meeting");
  if (g_strcmp0 (kind, "other") == 0)
    return C_("event kind", "Other");
  return kind != NULL ? kind : "";
}

const char *
tract_format_event_status (const char *status)
{
  if (g_strcmp0 (status, "tentative") == 0)
    return C_("event status", "Tentative");
  if (g_strcmp0 (status, "confirmed") == 0)
    return C_("event status", "Confirmed");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("event status", "Cancelled");
  return status != NULL ? status : "";
}

const char *
tract_format_membership (const char *membership)
{
  if (g_strcmp0 (membership, "member") == 0)
    return C_("membership", "Member");
  if (g_strcmp0 (membership, "signatory") == 0)
    return C_("membership", "Signatory");
  if (g_strcmp0 (membership, "friend") == 0)
    return C_("membership", "Friend");
  if (g_strcmp0 (membership, "former") == 0)
    return C_("membership", "Former member");
  return membership != NULL ? membership : "";
}

const char *
tract_format_statement_status (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("statement status", "Draft");
  if (g_strcmp0 (status, "circulating") == 0)
    return C_("statement status", "Circulating");
  if (g_strcmp0 (status, "final") == 0)
    return C_("statement status", "Final");
  if (g_strcmp0 (status, "published") == 0)
    return C_("statement status", "Published");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return C_("statement status", "Withdrawn");
  return status != NULL ? status : "";
}

/**
 * tract_format_join:
 * @n_parts: how many parts follow
 * @...: the parts, each a string or %NULL
 *
 * Joins the parts that are not empty with a middle dot, as a row's
 * secondary line ("Rally · Place du Châtelet").
 *
 * Returns: (transfer full): the joined text, possibly empty
 */
char *
tract_format_join (guint n_parts,
                   ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      const char *part = va_arg (args, const char *);

      if (part == NULL || *part == '\0')
        continue;
      if (text->len > 0)
        /* Translators: the separator between the parts of a row's secondary line. */
        g_string_append (text, C_("list separator", " · "));
      g_string_append (text, part);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
