/* tract-recurrence.c — the occurrences of a repeating event
 *
 * An RFC 5545 recurrence rule expanded in the model, without libical: the
 * agenda needs occurrences for the dates it shows, and the model may not
 * depend on libical (DESIGN.md). The rule runs on the wall clock of the
 * event's own zone: a weekly rally at 14:00 in Paris stays at 14:00 across
 * daylight-saving changes, and its UTC instant moves instead.
 *
 * Rules followed, where RFC 5545 leaves a choice:
 * - DTSTART is always the first occurrence, whether or not the rule would
 *   give it (as libical does), and COUNT counts it.
 * - An occurrence whose local start falls in a daylight-saving gap does not
 *   exist: it is skipped and not counted (ICALENDAR.md, rule 12). One that
 *   happens twice (the clocks go back) takes the first instant.
 * - Each occurrence ends at start + (DTEND − DTSTART) in exact seconds, or,
 *   all day, the same number of days later (ICALENDAR.md, import rule 6).
 * - UNTIL is inclusive: a date bounds the local date of the starts; a local
 *   date-time their local time; a UTC date-time their instant.
 * - Exceptions ("exdates") are local dates or local times, comma-separated;
 *   a date alone removes the occurrence that starts on that day. Excluded
 *   occurrences still count for COUNT, as in RFC 5545.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tract-recurrence.h"
#include "tract-store.h"
#include "tract-time.h"
#include "tract-validate.h"

/* A rule that gives nothing for this many periods in a row gives nothing
 * ever after (BYMONTHDAY=30 in February): Feb 29 on a given weekday comes
 * back every 28 years, well within it. */
#define MAX_EMPTY_PERIODS 4000
#define LAST_YEAR 9999

/* Civil dates as day numbers since 1970-01-01 (H. Hinnant's algorithms):
 * integer arithmetic, no allocation, any year. */

static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

/* 1970-01-01 was a Thursday. */
static GDateWeekday
weekday_of (gint64 day)
{
  return (GDateWeekday) ((((day % 7) + 7 + 3) % 7) + 1);
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

/* Parsing */

static const char weekday_names[][3] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static gboolean
parse_weekday (const char   *text,
               GDateWeekday *weekday)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekday_names); i++)
    if (g_ascii_strcasecmp (text, weekday_names[i]) == 0)
      {
        *weekday = (GDateWeekday) (i + 1);
        return TRUE;
      }
  return FALSE;
}

/* A whole number with an optional sign, nothing else. */
static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  const char *p = text;
  gint64 number = 0;
  gboolean negative = FALSE;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      number = number * 10 + (*p - '0');
      if (number > G_MAXINT)
        return FALSE;
    }
  if (negative)
    number = -number;
  if (number < min || number > max)
    return FALSE;
  *value = (int) number;
  return TRUE;
}

typedef gboolean (*ParseItem) (const char *item,
                               gpointer    rule);

static gboolean
parse_list (const char  *value,
            ParseItem    parse_item,
            gpointer     rule)
{
  g_auto(GStrv) items = g_strsplit (value, ",", 0);

  if (items[0] == NULL)
    return FALSE;
  for (guint i = 0; items[i] != NULL; i++)
    if (!parse_item (items[i], rule))
      return FALSE;
  return TRUE;
}

static gboolean
parse_by_day_item (const char *item,
                   gpointer    data)
{
  TractRecurrenceRule *rule = data;
  size_t length = strlen (item);
  int ordinal = 0;
  GDateWeekday weekday;

  if (length < 2 || rule->n_by_day >= TRACT_RECURRENCE_MAX_PARTS
      || !parse_weekday (item + length - 2, &weekday))
    return FALSE;
  if (length > 2)
    {
      g_autofree char *number = g_strndup (item, length - 2);

      if (!parse_int (number, -53, 53, &ordinal) || ordinal == 0)
        return FALSE;
    }
  rule->by_day[rule->n_by_day].ordinal = ordinal;
  rule->by_day[rule->n_by_day].weekday = weekday;
  rule->n_by_day++;
  return TRUE;
}

static gboolean
parse_by_month_day_item (const char *item,
                         gpointer    data)
{
  TractRecurrenceRule *rule = data;
  int day;

  if (rule->n_by_month_day >= TRACT_RECURRENCE_MAX_PARTS || !parse_int (item, -31, 31, &day) || day == 0)
    return FALSE;
  rule->by_month_day[rule->n_by_month_day++] = day;
  return TRUE;
}

static gboolean
parse_by_month_item (const char *item,
                     gpointer    data)
{
  TractRecurrenceRule *rule = data;
  int month;

  if (!parse_int (item, 1, 12, &month))
    return FALSE;
  rule->by_month |= (guint16) (1u << month);
  return TRUE;
}

static gboolean
parse_by_set_pos_item (const char *item,
                       gpointer    data)
{
  TractRecurrenceRule *rule = data;
  int position;

  if (rule->n_by_set_pos >= TRACT_RECURRENCE_MAX_PARTS || !parse_int (item, -366, 366, &position)
      || position == 0)
    return FALSE;
  rule->by_set_pos[rule->n_by_set_pos++] = position;
  return TRUE;
}

/* Parts Tract keeps but does not expand: checked as lists of numbers. */
static gboolean
parse_unsupported_item (const char *item,
                        gpointer    data)
{
  int number;

  return parse_int (item, -366, 366, &number);
}

/* YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ, a real date and time. */
static gboolean
parse_until (const char *value,
             char        until[17])
{
  size_t length = strlen (value);
  char date[11];

  if (length != 8 && length != 15 && length != 16)
    return FALSE;
  for (size_t i = 0; i < length; i++)
    {
      gboolean ok = i == 8 ? g_ascii_toupper (value[i]) == 'T'
                  : i == 15 ? g_ascii_toupper (value[i]) == 'Z'
                  : g_ascii_isdigit (value[i]);
      if (!ok)
        return FALSE;
    }
  g_snprintf (date, sizeof date, "%.4s-%.2s-%.2s", value, value + 4, value + 6);
  if (!tract_validate_date (date))
    return FALSE;
  if (length > 8)
    {
      int hour = (value[9] - '0') * 10 + (value[10] - '0');
      int minute = (value[11] - '0') * 10 + (value[12] - '0');
      int second = (value[13] - '0') * 10 + (value[14] - '0');

      if (hour > 23 || minute > 59 || second > 60)
        return FALSE;
    }
  for (size_t i = 0; i <= length; i++)
    until[i] = g_ascii_toupper (value[i]);
  return TRUE;
}

static void
set_rule_error (GError     **error,
                const char  *text,
                const char  *part)
{
  tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                               _("Recurrence: “%s” in “%s” is not part of a recurrence rule "
                                 "Tract can read (expected, for example, FREQ=WEEKLY;BYDAY=SA)."),
                               part, text);
}

/**
 * tract_recurrence_rule_parse:
 * @text: an RRULE value, such as "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"
 *
 * Reads @text into @rule. A valid rule with parts Tract does not expand is
 * read with @rule->supported FALSE; a malformed one sets @error (a
 * TRACT_STORE_ERROR_INVALID about "rrule").
 */
gboolean
tract_recurrence_rule_parse (const char           *text,
                             TractRecurrenceRule  *rule,
                             GError              **error)
{
  g_auto(GStrv) parts = NULL;
  gboolean has_frequency = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  memset (rule, 0, sizeof *rule);
  rule->interval = 1;
  rule->week_start = G_DATE_MONDAY;
  rule->supported = TRUE;

  parts = g_strsplit (g_str_has_prefix (text, "RRULE:") ? text + 6 : text, ";", 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = parts[i];
      char *value = strchr (part, '=');
      gboolean ok = TRUE;
      int number;

      if (*part == '\0')
        continue; /* a trailing ';' */
      if (value == NULL || value == part || value[1] == '\0')
        {
          set_rule_error (error, text, part);
          return FALSE;
        }
      *value++ = '\0';

      if (g_ascii_strcasecmp (part, "FREQ") == 0)
        {
          static const char * const expanded[] = { "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };
          static const char * const kept[] = { "SECONDLY", "MINUTELY", "HOURLY" };

          ok = !has_frequency;
          has_frequency = TRUE;
          rule->frequency = TRACT_FREQUENCY_NONE;
          for (guint f = 0; f < G_N_ELEMENTS (expanded); f++)
            if (g_ascii_strcasecmp (value, expanded[f]) == 0)
              rule->frequency = (TractFrequency) (TRACT_FREQUENCY_DAILY + f);
          for (guint f = 0; f < G_N_ELEMENTS (kept); f++)
            if (g_ascii_strcasecmp (value, kept[f]) == 0)
              rule->supported = FALSE;
          if (rule->frequency == TRACT_FREQUENCY_NONE && rule->supported)
            ok = FALSE;
        }
      else if (g_ascii_strcasecmp (part, "INTERVAL") == 0)
        {
          ok = parse_int (value, 1, 100000, &number);
          rule->interval = ok ? (guint) number : 1;
        }
      else if (g_ascii_strcasecmp (part, "COUNT") == 0)
        {
          if (g_strcmp0 (value, "0") == 0)
            {
              tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                           _("Recurrence: the event would never take place "
                                             "(it repeats 0 times); repeat it at least once."));
              return FALSE;
            }
          ok = rule->count == 0 && parse_int (value, 1, 1000000, &number);
          rule->count = ok ? (guint) number : 0;
        }
      else if (g_ascii_strcasecmp (part, "UNTIL") == 0)
        ok = rule->until[0] == '\0' && parse_until (value, rule->until);
      else if (g_ascii_strcasecmp (part, "BYDAY") == 0)
        ok = rule->n_by_day == 0 && parse_list (value, parse_by_day_item, rule);
      else if (g_ascii_strcasecmp (part, "BYMONTHDAY") == 0)
        ok = rule->n_by_month_day == 0 && parse_list (value, parse_by_month_day_item, rule);
      else if (g_ascii_strcasecmp (part, "BYMONTH") == 0)
        ok = rule->by_month == 0 && parse_list (value, parse_by_month_item, rule);
      else if (g_ascii_strcasecmp (part, "BYSETPOS") == 0)
        ok = rule->n_by_set_pos == 0 && parse_list (value, parse_by_set_pos_item, rule);
      else if (g_ascii_strcasecmp (part, "WKST") == 0)
        ok = parse_weekday (value, &rule->week_start);
      else if (g_ascii_strcasecmp (part, "BYHOUR") == 0 || g_ascii_strcasecmp (part, "BYMINUTE") == 0
               || g_ascii_strcasecmp (part, "BYSECOND") == 0 || g_ascii_strcasecmp (part, "BYWEEKNO") == 0
               || g_ascii_strcasecmp (part, "BYYEARDAY") == 0)
        {
          ok = parse_list (value, parse_unsupported_item, NULL);
          rule->supported = FALSE;
        }
      else if (g_ascii_strncasecmp (part, "X-", 2) == 0)
        ok = TRUE;
      else
        ok = FALSE;

      if (!ok)
        {
          g_autofree char *whole = g_strdup_printf ("%s=%s", part, value);

          set_rule_error (error, text, whole);
          return FALSE;
        }
    }

  if (!has_frequency)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                   _("Recurrence: “%s” does not say how often the event repeats "
                                     "(expected, for example, FREQ=WEEKLY)."),
                                   text);
      return FALSE;
    }
  if (rule->count > 0 && rule->until[0] != '\0')
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                   _("Recurrence: a repetition ends either after a number of times "
                                     "or on a date, not both."));
      return FALSE;
    }

  if (rule->supported)
    {
      gboolean ordinals = FALSE;

      for (guint i = 0; i < rule->n_by_day; i++)
        ordinals |= rule->by_day[i].ordinal != 0;
      /* RFC 5545 §3.3.10: ordinals only in monthly and yearly rules,
       * BYMONTHDAY not in weekly ones, BYSETPOS only with another BYxxx. */
      if ((ordinals && (rule->frequency == TRACT_FREQUENCY_DAILY
                        || rule->frequency == TRACT_FREQUENCY_WEEKLY))
          || (rule->n_by_month_day > 0 && rule->frequency == TRACT_FREQUENCY_WEEKLY)
          || (rule->n_by_set_pos > 0 && rule->n_by_day == 0 && rule->n_by_month_day == 0
              && rule->by_month == 0))
        {
          tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                       _("Recurrence: the parts of “%s” do not go together "
                                         "(RFC 5545 does not allow them in this kind of rule)."),
                                       text);
          return FALSE;
        }
    }

  return TRUE;
}

/* Returns: (transfer full): the rule as RFC 5545 text, parts in a fixed order */
char *
tract_recurrence_rule_to_string (const TractRecurrenceRule *rule)
{
  static const char * const frequencies[] = { NULL, "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->frequency == TRACT_FREQUENCY_NONE)
    return g_strdup ("");

  text = g_string_new ("FREQ=");
  g_string_append (text, frequencies[rule->frequency]);
  if (rule->interval > 1)
    g_string_append_printf (text, ";INTERVAL=%u", rule->interval);
  if (rule->by_month != 0)
    {
      const char *separator = ";BYMONTH=";

      for (int month = 1; month <= 12; month++)
        if (rule->by_month & (1u << month))
          {
            g_string_append_printf (text, "%s%d", separator, month);
            separator = ",";
          }
    }
  for (guint i = 0; i < rule->n_by_month_day; i++)
    g_string_append_printf (text, "%s%d", i == 0 ? ";BYMONTHDAY=" : ",", rule->by_month_day[i]);
  for (guint i = 0; i < rule->n_by_day; i++)
    {
      g_string_append (text, i == 0 ? ";BYDAY=" : ",");
      if (rule->by_day[i].ordinal != 0)
        g_string_append_printf (text, "%d", rule->by_day[i].ordinal);
      g_string_append (text, weekday_names[rule->by_day[i].weekday - 1]);
    }
  for (guint i = 0; i < rule->n_by_set_pos; i++)
    g_string_append_printf (text, "%s%d", i == 0 ? ";BYSETPOS=" : ",", rule->by_set_pos[i]);
  if (rule->week_start != G_DATE_MONDAY && rule->week_start != G_DATE_BAD_WEEKDAY)
    g_string_append_printf (text, ";WKST=%s", weekday_names[rule->week_start - 1]);
  if (rule->count > 0)
    g_string_append_printf (text, ";COUNT=%u", rule->count);
  else if (rule->until[0] != '\0')
    g_string_append_printf (text, ";UNTIL=%s", rule->until);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Exceptions */

typedef struct
{
  gint64   day;
  gint64   seconds;  /* of the day; -1 for a date alone */
} LocalTime;

static gboolean
parse_local (const char *text,
             LocalTime  *local)
{
  int year, month, day, hour, minute, second;

  if (strlen (text) == 10)
    {
      g_autoptr(GDate) date = tract_parse_date (text);

      if (date == NULL)
        return FALSE;
      local->day = days_from_civil (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
      local->seconds = -1;
      return TRUE;
    }
  if (!tract_parse_local_time (text, &year, &month, &day, &hour, &minute, &second))
    return FALSE;
  local->day = days_from_civil (year, month, day);
  local->seconds = hour * 3600 + minute * 60 + second;
  return TRUE;
}

/**
 * tract_recurrence_split_exdates:
 * @exdates: (nullable): the "exdates" column of an event
 *
 * Returns: (transfer full): the exceptions, trimmed, in the order written;
 *   %NULL with @error set (about "exdates") when one is not a date
 */
GStrv
tract_recurrence_split_exdates (const char  *exdates,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (exdates == NULL || *exdates == '\0')
    return g_strv_builder_end (builder);

  items = g_strsplit (exdates, ",", 0);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      LocalTime local;

      if (*item == '\0')
        continue;
      if (!parse_local (item, &local))
        {
          tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "exdates",
                                       _("Exceptions: “%s” is not a date (expected YYYY-MM-DD, or "
                                         "YYYY-MM-DDTHH:MM for one occurrence)."),
                                       item);
          return NULL;
        }
      g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

/* The expansion */

typedef enum
{
  UNTIL_NONE,
  UNTIL_DAY,   /* the last local date */
  UNTIL_LOCAL, /* the last local time, as seconds since 1970 on the wall clock */
  UNTIL_UTC,   /* the last instant */
} UntilKind;

struct _TractRecurrence
{
  TractRecurrenceRule rule;
  gboolean            recurring;  /* a rule Tract expands */
  gboolean            all_day;
  GTimeZone          *zone;
  gint64              start_day;
  int                 hour, minute, second;
  gboolean            with_seconds;
  gint64              duration;   /* timed: seconds */
  gint64              span_days;  /* all day: last day − first day */
  GArray             *exceptions; /* LocalTime */
  UntilKind           until_kind;
  gint64              until;

  /* Where the iteration stands. */
  gboolean            started;
  gboolean            finished;
  gint64              period;
  GArray             *candidates; /* day numbers of the current period, sorted */
  guint               next_candidate;
  guint               generated;  /* occurrences counted for COUNT */
};

void
tract_recurrence_free (TractRecurrence *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->exceptions, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_free (self);
}

static gint64
day_start_utc (TractRecurrence *self,
               gint64           day)
{
  g_autoptr(GDateTime) midnight = NULL;
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  /* As tract-event.c computes an all-day event's sort key: the first
   * instant of the date, even where midnight itself is skipped. */
  midnight = g_date_time_new (self->zone, y, m, d, 0, 0, 0);
  return midnight != NULL ? g_date_time_to_unix (midnight) : 0;
}

static gboolean
read_until (TractRecurrence *self)
{
  const char *until = self->rule.until;
  int y, m, d, hour = 0, minute = 0, second = 0;
  size_t length = strlen (until);

  if (length == 0)
    {
      self->until_kind = UNTIL_NONE;
      return TRUE;
    }
  if (sscanf (until, "%4d%2d%2d", &y, &m, &d) != 3)
    return FALSE;
  if (length > 8 && sscanf (until + 9, "%2d%2d%2d", &hour, &minute, &second) != 3)
    return FALSE;

  if (length == 8 || self->all_day)
    {
      self->until_kind = UNTIL_DAY;
      self->until = days_from_civil (y, m, d);
      if (length == 16 && self->all_day)
        {
          /* A UTC end for a series of dates: the date it is where the event is. */
          g_autoptr(GDateTime) utc = g_date_time_new_utc (y, m, d, hour, minute, MIN (second, 59));
          g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, self->zone) : NULL;

          if (local != NULL)
            self->until = days_from_civil (g_date_time_get_year (local), g_date_time_get_month (local),
                                           g_date_time_get_day_of_month (local));
        }
    }
  else if (length == 15)
    {
      self->until_kind = UNTIL_LOCAL;
      self->until = days_from_civil (y, m, d) * 86400 + hour * 3600 + minute * 60 + second;
    }
  else
    {
      self->until_kind = UNTIL_UTC;
      self->until = days_from_civil (y, m, d) * 86400 + hour * 3600 + minute * 60 + second;
    }
  return TRUE;
}

/**
 * tract_recurrence_new:
 * @rrule: (nullable): the rule, "" or %NULL for an event that does not repeat
 * @exdates: (nullable): the exceptions
 * @start_local: the first start, as the event keeps it
 *
 * An iterator over the occurrences of an event, in order. An event that
 * does not repeat, or whose rule Tract does not expand, has one: itself.
 */
TractRecurrence *
tract_recurrence_new (const char  *rrule,
                      const char  *exdates,
                      gboolean     all_day,
                      const char  *start_local,
                      const char  *end_local,
                      const char  *time_zone,
                      GError     **error)
{
  g_autoptr(TractRecurrence) self = g_new0 (TractRecurrence, 1);
  g_auto(GStrv) exceptions = NULL;
  LocalTime start, end;

  g_return_val_if_fail (start_local != NULL && end_local != NULL && time_zone != NULL, NULL);

  self->all_day = all_day;
  self->zone = tract_time_zone_lookup (time_zone);
  if (self->zone == NULL)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "time_zone",
                                   _("Time zone: “%s” is not a known time zone (expected a name "
                                     "such as Europe/Paris)."),
                                   time_zone);
      return NULL;
    }

  if (!parse_local (start_local, &start) || (all_day != (start.seconds < 0)))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "start_local",
                                   _("Start: “%s” is not a date and time (expected YYYY-MM-DD HH:MM)."),
                                   start_local);
      return NULL;
    }
  if (!parse_local (end_local, &end) || (all_day != (end.seconds < 0)))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "end_local",
                                   _("End: “%s” is not a date and time (expected YYYY-MM-DD HH:MM)."),
                                   end_local);
      return NULL;
    }

  self->start_day = start.day;
  if (all_day)
    self->span_days = MAX (end.day - start.day, 0);
  else
    {
      int y, m, d;
      gint64 start_utc, end_utc;

      self->hour = (int) (start.seconds / 3600);
      self->minute = (int) (start.seconds / 60 % 60);
      self->second = (int) (start.seconds % 60);
      self->with_seconds = strlen (start_local) == 19;
      civil_from_days (start.day, &y, &m, &d);
      tract_time_local_to_utc (self->zone, y, m, d, self->hour, self->minute, self->second, &start_utc);
      civil_from_days (end.day, &y, &m, &d);
      tract_time_local_to_utc (self->zone, y, m, d, (int) (end.seconds / 3600), (int) (end.seconds / 60 % 60),
                               (int) (end.seconds % 60), &end_utc);
      self->duration = MAX (end_utc - start_utc, 0);
    }

  if (rrule != NULL && *rrule != '\0')
    {
      if (!tract_recurrence_rule_parse (rrule, &self->rule, error))
        return NULL;
      self->recurring = self->rule.supported;
      if (self->recurring && !read_until (self))
        {
          set_rule_error (error, rrule, self->rule.until);
          return NULL;
        }
    }

  exceptions = tract_recurrence_split_exdates (exdates, error);
  if (exceptions == NULL)
    return NULL;
  self->exceptions = g_array_new (FALSE, FALSE, sizeof (LocalTime));
  for (guint i = 0; exceptions[i] != NULL; i++)
    {
      LocalTime local;

      parse_local (exceptions[i], &local);
      g_array_append_val (self->exceptions, local);
    }

  self->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->period = -1;
  return g_steal_pointer (&self);
}

/* Returns: (transfer full): the occurrences of @event (a TractEvent) */
TractRecurrence *
tract_recurrence_new_for_event (TractRecord  *event,
                                GError      **error)
{
  g_return_val_if_fail (TRACT_IS_RECORD (event), NULL);

  return tract_recurrence_new (tract_record_get_text (event, "rrule"),
                               tract_record_get_text (event, "exdates"),
                               tract_record_get_boolean (event, "all_day"),
                               tract_record_get_text (event, "start_local"),
                               tract_record_get_text (event, "end_local"),
                               tract_record_get_text (event, "time_zone"),
                               error);
}

gboolean
tract_recurrence_is_recurring (TractRecurrence *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->recurring;
}

/* FALSE for a rule without COUNT or UNTIL: the caller sets a horizon. */
gboolean
tract_recurrence_is_finite (TractRecurrence *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return !self->recurring || self->rule.count > 0 || self->until_kind != UNTIL_NONE;
}

static gboolean
matches_by_day (const TractRecurrenceRule *rule,
                gint64                     day,
                gint64                     first,
                gint64                     last)
{
  GDateWeekday weekday = weekday_of (day);

  for (guint i = 0; i < rule->n_by_day; i++)
    {
      int ordinal = rule->by_day[i].ordinal;

      if (rule->by_day[i].weekday != weekday)
        continue;
      if (ordinal == 0
          || (ordinal > 0 && (day - first) / 7 + 1 == ordinal)
          || (ordinal < 0 && (last - day) / 7 + 1 == -ordinal))
        return TRUE;
    }
  return FALSE;
}

static gboolean
matches_by_month_day (const TractRecurrenceRule *rule,
                      int                        day_of_month,
                      int                        month_length)
{
  for (guint i = 0; i < rule->n_by_month_day; i++)
    {
      int wanted = rule->by_month_day[i];

      if (wanted < 0)
        wanted = month_length + 1 + wanted;
      if (wanted == day_of_month)
        return TRUE;
    }
  return FALSE;
}

static gboolean
in_by_month (const TractRecurrenceRule *rule,
             int                        month)
{
  return rule->by_month == 0 || (rule->by_month & (1u << month)) != 0;
}

/* The days of [first, last] that BYMONTHDAY and BYDAY keep, ordinals
 * counted within that span. */
static void
add_matching_days (TractRecurrence *self,
                   gint64           first,
                   gint64           last)
{
  const TractRecurrenceRule *rule = &self->rule;

  for (gint64 day = first; day <= last; day++)
    {
      int y, m, d;

      civil_from_days (day, &y, &m, &d);
      if (!in_by_month (rule, m))
        continue;
      if (rule->n_by_month_day > 0 && !matches_by_month_day (rule, d, days_in_month (y, m)))
        continue;
      if (rule->n_by_day > 0 && !matches_by_day (rule, day, first, last))
        continue;
      g_array_append_val (self->candidates, day);
    }
}

static void
add_day_of_month (TractRecurrence *self,
                  int              year,
                  int              month,
                  int              day_of_month)
{
  gint64 day;

  /* The 31st of a 30-day month is no date: RFC 5545 skips it. */
  if (day_of_month > days_in_month (year, month))
    return;
  day = days_from_civil (year, month, day_of_month);
  g_array_append_val (self->candidates, day);
}

static void
fill_period (TractRecurrence *self,
             gint64           period)
{
  const TractRecurrenceRule *rule = &self->rule;
  int start_year, start_month, start_dom;

  civil_from_days (self->start_day, &start_year, &start_month, &start_dom);

  switch (rule->frequency)
    {
    case TRACT_FREQUENCY_DAILY:
      {
        gint64 day = self->start_day + period * (gint64) rule->interval;

        /* Ordinals are refused in daily rules: a span of one day will do. */
        add_matching_days (self, day, day);
      }
      break;

    case TRACT_FREQUENCY_WEEKLY:
      {
        gint64 offset = ((gint64) weekday_of (self->start_day) - (gint64) rule->week_start + 7) % 7;
        gint64 week = self->start_day - offset + 7 * period * (gint64) rule->interval;

        for (gint64 day = week; day < week + 7; day++)
          {
            int y, m, d;

            civil_from_days (day, &y, &m, &d);
            if (!in_by_month (rule, m))
              continue;
            if (rule->n_by_day > 0 ? !matches_by_day (rule, day, week, week + 6)
                                   : weekday_of (day) != weekday_of (self->start_day))
              continue;
            g_array_append_val (self->candidates, day);
          }
      }
      break;

    case TRACT_FREQUENCY_MONTHLY:
      {
        gint64 months = (gint64) start_year * 12 + (start_month - 1) + period * (gint64) rule->interval;
        int year = (int) (months / 12);
        int month = (int) (months % 12) + 1;

        if (year > LAST_YEAR || !in_by_month (rule, month))
          break;
        if (rule->n_by_month_day == 0 && rule->n_by_day == 0)
          add_day_of_month (self, year, month, start_dom);
        else
          add_matching_days (self, days_from_civil (year, month, 1),
                             days_from_civil (year, month, days_in_month (year, month)));
      }
      break;

    case TRACT_FREQUENCY_YEARLY:
      {
        gint64 year64 = start_year + period * (gint64) rule->interval;
        int year = (int) MIN (year64, LAST_YEAR + 1);

        if (year > LAST_YEAR)
          break;
        if (rule->n_by_month_day == 0 && rule->n_by_day == 0)
          {
            for (int month = 1; month <= 12; month++)
              if (rule->by_month != 0 ? in_by_month (rule, month) : month == start_month)
                add_day_of_month (self, year, month, start_dom);
          }
        else if (rule->by_month != 0 || rule->n_by_day == 0)
          {
            /* Within each month: BYDAY ordinals count in the month. */
            for (int month = 1; month <= 12; month++)
              if (in_by_month (rule, month))
                add_matching_days (self, days_from_civil (year, month, 1),
                                   days_from_civil (year, month, days_in_month (year, month)));
          }
        else
          /* "The 20th Monday of the year". */
          add_matching_days (self, days_from_civil (year, 1, 1), days_from_civil (year, 12, 31));
      }
      break;

    case TRACT_FREQUENCY_NONE:
    default:
      break;
    }

  if (rule->n_by_set_pos > 0 && self->candidates->len > 0)
    {
      g_autoptr(GArray) all = g_array_copy (self->candidates);
      gint64 n = all->len;

      g_array_set_size (self->candidates, 0);
      for (gint64 i = 0; i < n; i++)
        for (guint p = 0; p < rule->n_by_set_pos; p++)
          {
            gint64 wanted = rule->by_set_pos[p] > 0 ? rule->by_set_pos[p] - 1 : n + rule->by_set_pos[p];

            if (wanted == i)
              {
                g_array_append_val (self->candidates, g_array_index (all, gint64, i));
                break;
              }
          }
    }
}

/* Whether the period begins after the last date GDateTime knows: the end
 * of any rule. */
static gboolean
period_beyond_end (TractRecurrence *self,
                   gint64           period)
{
  gint64 step = period * (gint64) self->rule.interval;
  int year, month, dom;

  civil_from_days (self->start_day, &year, &month, &dom);
  switch (self->rule.frequency)
    {
    case TRACT_FREQUENCY_DAILY:
      return self->start_day + step > days_from_civil (LAST_YEAR, 12, 31);
    case TRACT_FREQUENCY_WEEKLY:
      return self->start_day + 7 * step > days_from_civil (LAST_YEAR, 12, 31);
    case TRACT_FREQUENCY_MONTHLY:
      return year + (month - 1 + step) / 12 > LAST_YEAR;
    case TRACT_FREQUENCY_YEARLY:
      return year + step > LAST_YEAR;
    case TRACT_FREQUENCY_NONE:
    default:
      return TRUE;
    }
}

/* The next day the rule gives after DTSTART's, or FALSE when there is none. */
static gboolean
next_rule_day (TractRecurrence *self,
               gint64          *day)
{
  gint64 last_day = days_from_civil (LAST_YEAR, 12, 31);
  guint empty = 0;

  while (self->next_candidate >= self->candidates->len)
    {
      if (empty++ > MAX_EMPTY_PERIODS || period_beyond_end (self, self->period + 1))
        return FALSE;
      g_array_set_size (self->candidates, 0);
      self->next_candidate = 0;
      self->period++;
      fill_period (self, self->period);

      /* DTSTART is the first occurrence already; the rule goes on after it. */
      while (self->next_candidate < self->candidates->len
             && g_array_index (self->candidates, gint64, self->next_candidate) <= self->start_day)
        self->next_candidate++;
      /* A week that runs over the last year ends there. */
      while (self->candidates->len > self->next_candidate
             && g_array_index (self->candidates, gint64, self->candidates->len - 1) > last_day)
        g_array_set_size (self->candidates, self->candidates->len - 1);
    }

  *day = g_array_index (self->candidates, gint64, self->next_candidate++);
  return TRUE;
}

static gboolean
is_excluded (TractRecurrence *self,
             gint64           day)
{
  gint64 seconds = self->hour * 3600 + self->minute * 60 + self->second;

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      LocalTime *exception = &g_array_index (self->exceptions, LocalTime, i);

      if (exception->day == day && (self->all_day || exception->seconds < 0 || exception->seconds == seconds))
        return TRUE;
    }
  return FALSE;
}

static void
format_local_time (TractRecurrence *self,
                   gint64           utc,
                   char             out[20])
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = instant != NULL ? g_date_time_to_timezone (instant, self->zone) : NULL;

  if (local == NULL)
    {
      out[0] = '\0';
      return;
    }
  g_snprintf (out, 20, self->with_seconds ? "%04d-%02d-%02dT%02d:%02d:%02d" : "%04d-%02d-%02dT%02d:%02d",
              g_date_time_get_year (local), g_date_time_get_month (local),
              g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
              g_date_time_get_minute (local), g_date_time_get_second (local));
}

/**
 * tract_recurrence_next:
 *
 * Steps to the next occurrence and fills @occurrence with it.
 *
 * Returns: FALSE after the last one
 */
gboolean
tract_recurrence_next (TractRecurrence *self,
                       TractOccurrence *occurrence)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (occurrence != NULL, FALSE);

  while (!self->finished)
    {
      gint64 day, start_utc;
      int y, m, d;
      gboolean excluded;

      if (!self->started)
        {
          self->started = TRUE;
          day = self->start_day;
          if (!self->recurring)
            self->finished = TRUE;
        }
      else if (!next_rule_day (self, &day))
        {
          self->finished = TRUE;
          return FALSE;
        }

      civil_from_days (day, &y, &m, &d);

      if (self->recurring)
        {
          if ((self->until_kind == UNTIL_DAY && day > self->until)
              || (self->until_kind == UNTIL_LOCAL
                  && day * 86400 + self->hour * 3600 + self->minute * 60 + self->second > self->until))
            {
              self->finished = TRUE;
              return FALSE;
            }
        }

      if (self->all_day)
        start_utc = day_start_utc (self, day);
      else if (tract_time_local_to_utc (self->zone, y, m, d, self->hour, self->minute, self->second,
                                        &start_utc) == TRACT_LOCAL_TIME_IN_GAP)
        continue; /* this day, the time does not exist: no occurrence */

      if (self->recurring)
        {
          if (self->until_kind == UNTIL_UTC && start_utc > self->until)
            {
              self->finished = TRUE;
              return FALSE;
            }
          self->generated++;
          if (self->rule.count > 0 && self->generated >= self->rule.count)
            self->finished = TRUE;
        }

      excluded = self->recurring && is_excluded (self, day);
      if (excluded)
        continue;

      occurrence->start_utc = start_utc;
      if (self->all_day)
        {
          int ly, lm, ld;

          civil_from_days (day + self->span_days, &ly, &lm, &ld);
          occurrence->end_utc = day_start_utc (self, day + self->span_days + 1);
          g_snprintf (occurrence->start_local, sizeof occurrence->start_local, "%04d-%02d-%02d", y, m, d);
          g_snprintf (occurrence->end_local, sizeof occurrence->end_local, "%04d-%02d-%02d", ly, lm, ld);
        }
      else
        {
          occurrence->end_utc = start_utc + self->duration;
          g_snprintf (occurrence->start_local, sizeof occurrence->start_local,
                      self->with_seconds ? "%04d-%02d-%02dT%02d:%02d:%02d" : "%04d-%02d-%02dT%02d:%02d",
                      y, m, d, self->hour, self->minute, self->second);
          format_local_time (self, occurrence->end_utc, occurrence->end_local);
        }
      return TRUE;
    }

  return FALSE;
}

/**
 * tract_recurrence_check_event:
 * @event: a TractEvent whose times are valid
 *
 * Returns: FALSE with @error set when the event's recurrence cannot be
 *   saved: unreadable, or never occurring
 */
gboolean
tract_recurrence_check_event (TractRecord  *event,
                              GError      **error)
{
  g_autoptr(TractRecurrence) recurrence = NULL;
  g_autoptr(TractRecurrence) without_exceptions = NULL;
  TractOccurrence occurrence;
  const char *rrule;

  g_return_val_if_fail (TRACT_IS_RECORD (event), FALSE);

  recurrence = tract_recurrence_new_for_event (event, error);
  if (recurrence == NULL)
    return FALSE;
  if (!recurrence->recurring || tract_recurrence_next (recurrence, &occurrence))
    return TRUE;

  /* Nothing: say whether the end or the exceptions are to blame. */
  rrule = tract_record_get_text (event, "rrule");
  without_exceptions = tract_recurrence_new (rrule, "", tract_record_get_boolean (event, "all_day"),
                                             tract_record_get_text (event, "start_local"),
                                             tract_record_get_text (event, "end_local"),
                                             tract_record_get_text (event, "time_zone"), NULL);
  if (without_exceptions != NULL && tract_recurrence_next (without_exceptions, &occurrence))
    tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "exdates",
                                 _("Exceptions: they exclude every occurrence, so the event would "
                                   "never take place; remove an exception or the repetition."));
  else
    tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                 _("Recurrence: it ends before the event starts, so the event would "
                                   "never take place; choose a later end or fewer conditions."));
  return FALSE;
}
