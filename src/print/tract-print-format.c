/* tract-print-format.c — dates, times and labels in the flyer's language
 *
 * Month and day names come from the catalogue, not from the C library's
 * locale data: the fr_FR locale need not be generated for a French flyer,
 * and each phrase ("samedi 29 et dimanche 30 mai 2021") is a whole
 * sentence the translator can reorder, not pieces glued in English order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tract-print-private.h"

const char *
tract_print_tr (const TractPrintLanguage *language,
                const char               *key)
{
  const char *separator = strchr (key, '\004');

  if (separator == NULL)
    return tract_print_language_translate (language, NULL, key);

  {
    char context[128];
    gsize length = (gsize) (separator - key);

    g_assert (length < sizeof context);
    memcpy (context, key, length);
    context[length] = '\0';
    return tract_print_language_translate (language, context, separator + 1);
  }
}

char *
tract_print_expand (const char *template,
                    ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GString *result = g_string_sized_new (strlen (template) + 32);
  const char *name;
  va_list args;

  va_start (args, template);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (values, (gpointer) va_arg (args, const char *));
    }
  va_end (args);

  for (const char *p = template; *p != '\0';)
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      gboolean replaced = FALSE;

      if (close != NULL)
        for (guint i = 0; i < names->len && !replaced; i++)
          {
            gsize length = strlen (names->pdata[i]);

            if ((gsize) (close - p - 1) == length && strncmp (p + 1, names->pdata[i], length) == 0)
              {
                g_string_append (result, values->pdata[i] != NULL ? values->pdata[i] : "");
                p = close + 1;
                replaced = TRUE;
              }
          }
      if (!replaced)
        g_string_append_c (result, *p++);
    }
  return g_string_free (result, FALSE);
}

/* Dates and times */

gboolean
tract_print_parse_local (const char     *text,
                         TractPrintTime *time)
{
  int n;

  memset (time, 0, sizeof *time);
  if (text == NULL)
    return FALSE;

  n = sscanf (text, "%4d-%2d-%2dT%2d:%2d", &time->year, &time->month, &time->day,
              &time->hour, &time->minute);
  if (n < 3 || !g_date_valid_dmy ((GDateDay) time->day, (GDateMonth) time->month, (GDateYear) time->year))
    return FALSE;
  time->has_time = n == 5;
  if (time->has_time && (time->hour < 0 || time->hour > 23 || time->minute < 0 || time->minute > 59))
    return FALSE;
  return TRUE;
}

static const char * const weekday_keys[] = {
  NC_("print weekday", "Monday"),
  NC_("print weekday", "Tuesday"),
  NC_("print weekday", "Wednesday"),
  NC_("print weekday", "Thursday"),
  NC_("print weekday", "Friday"),
  NC_("print weekday", "Saturday"),
  NC_("print weekday", "Sunday"),
};

static const char * const month_keys[] = {
  NC_("print month", "January"),
  NC_("print month", "February"),
  NC_("print month", "March"),
  NC_("print month", "April"),
  NC_("print month", "May"),
  NC_("print month", "June"),
  NC_("print month", "July"),
  NC_("print month", "August"),
  NC_("print month", "September"),
  NC_("print month", "October"),
  NC_("print month", "November"),
  NC_("print month", "December"),
};

const char *
tract_print_weekday_name (const TractPrintLanguage *language,
                          const TractPrintTime     *date)
{
  GDate day;
  GDateWeekday weekday;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) date->day, (GDateMonth) date->month, (GDateYear) date->year);
  weekday = g_date_get_weekday (&day);

  /* G_DATE_MONDAY is 1. */
  return tract_print_tr (language, weekday_keys[weekday - 1]);
}

static const char *
month_name (const TractPrintLanguage *language,
            int                       month)
{
  return tract_print_tr (language, month_keys[CLAMP (month, 1, 12) - 1]);
}

static char *
day_number (const TractPrintLanguage *language,
            int                       day)
{
  /* French says "le 1er mai" but "le 2 mai". */
  if (day == 1)
    /* Translators: the first day of a month in a date; French writes "1er". */
    return g_strdup (tract_print_tr (language, NC_("print first day of the month", "1")));
  return g_strdup_printf ("%d", day);
}

char *
tract_print_format_date (const TractPrintLanguage *language,
                         const TractPrintTime     *date,
                         gboolean                  with_year)
{
  g_autofree char *day = day_number (language, date->day);
  g_autofree char *year = g_strdup_printf ("%d", date->year);

  if (with_year)
    /* Translators: a day on a flyer, e.g. "Saturday 29 May 2021"; keep the
     * names in braces, reorder them as your language does. */
    return tract_print_expand (tract_print_tr (language, NC_("print date", "{weekday} {day} {month} {year}")),
                               "weekday", tract_print_weekday_name (language, date),
                               "day", day, "month", month_name (language, date->month),
                               "year", year, NULL);
  /* Translators: a day in the agenda, e.g. "Saturday 29 May". */
  return tract_print_expand (tract_print_tr (language, NC_("print date without year", "{weekday} {day} {month}")),
                             "weekday", tract_print_weekday_name (language, date),
                             "day", day, "month", month_name (language, date->month), NULL);
}

char *
tract_print_format_time (const TractPrintLanguage *language,
                         int                       hour,
                         int                       minute)
{
  g_autofree char *hour24 = g_strdup_printf ("%d", hour);
  g_autofree char *hour12 = g_strdup_printf ("%d", hour % 12 == 0 ? 12 : hour % 12);
  g_autofree char *minutes = g_strdup_printf ("%02d", minute);
  const char *ampm = hour < 12
    /* Translators: before noon, in a 12-hour time; leave as is if your
     * language uses a 24-hour clock (see "print time"). */
    ? tract_print_tr (language, NC_("print time", "AM"))
    /* Translators: after noon, in a 12-hour time. */
    : tract_print_tr (language, NC_("print time", "PM"));
  const char *template = minute == 0
    /* Translators: a time on the hour, e.g. "2 PM"; French writes "{hour24} h".
     * Available: {hour24}, {hour12}, {minute}, {ampm}. */
    ? tract_print_tr (language, NC_("print time on the hour", "{hour12} {ampm}"))
    /* Translators: a time, e.g. "2:30 PM"; French writes "{hour24} h {minute}". */
    : tract_print_tr (language, NC_("print time", "{hour12}:{minute} {ampm}"));

  return tract_print_expand (template, "hour24", hour24, "hour12", hour12, "minute", minutes,
                             "ampm", ampm, NULL);
}

static void
date_add_days (TractPrintTime *time,
               int             days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) time->day, (GDateMonth) time->month, (GDateYear) time->year);
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  time->day = g_date_get_day (&date);
  time->month = g_date_get_month (&date);
  time->year = g_date_get_year (&date);
}

static int
days_between (const TractPrintTime *a,
              const TractPrintTime *b)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, (GDateDay) a->day, (GDateMonth) a->month, (GDateYear) a->year);
  g_date_set_dmy (&last, (GDateDay) b->day, (GDateMonth) b->month, (GDateYear) b->year);
  return g_date_days_between (&first, &last);
}

static char *
format_day_range (const TractPrintLanguage *language,
                  const TractPrintTime     *first,
                  const TractPrintTime     *last)
{
  g_autofree char *day1 = day_number (language, first->day);
  g_autofree char *day2 = day_number (language, last->day);
  g_autofree char *year = g_strdup_printf ("%d", last->year);
  const char *weekday1 = tract_print_weekday_name (language, first);
  const char *weekday2 = tract_print_weekday_name (language, last);
  gboolean consecutive = days_between (first, last) == 1;
  const char *template;

  if (first->year != last->year)
    {
      g_autofree char *date1 = tract_print_format_date (language, first, TRUE);
      g_autofree char *date2 = tract_print_format_date (language, last, TRUE);

      template = consecutive
        /* Translators: two days in two years, e.g. "Friday 31 December 2021 and Saturday 1 January 2022". */
        ? tract_print_tr (language, NC_("print two days in two years", "{date1} and {date2}"))
        /* Translators: several days across years. */
        : tract_print_tr (language, NC_("print date range in two years", "from {date1} to {date2}"));
      return tract_print_expand (template, "date1", date1, "date2", date2, NULL);
    }

  if (first->month != last->month)
    {
      template = consecutive
        /* Translators: two days in two months, e.g. "Monday 31 May and Tuesday 1 June 2021". */
        ? tract_print_tr (language, NC_("print two days in two months",
                                        "{weekday1} {day1} {month1} and {weekday2} {day2} {month2} {year}"))
        /* Translators: several days across months, e.g. "from Friday 28 May to Tuesday 1 June 2021". */
        : tract_print_tr (language, NC_("print date range in two months",
                                        "from {weekday1} {day1} {month1} to {weekday2} {day2} {month2} {year}"));
      return tract_print_expand (template, "weekday1", weekday1, "day1", day1,
                                 "month1", month_name (language, first->month),
                                 "weekday2", weekday2, "day2", day2,
                                 "month2", month_name (language, last->month), "year", year, NULL);
    }

  template = consecutive
    /* Translators: two days of one month, e.g. "Saturday 29 and Sunday 30 May 2021";
     * French: "{weekday1} {day1} et {weekday2} {day2} {month} {year}". */
    ? tract_print_tr (language, NC_("print two days", "{weekday1} {day1} and {weekday2} {day2} {month} {year}"))
    /* Translators: several days of one month, e.g. "from Monday 3 to Friday 7 May 2021". */
    : tract_print_tr (language, NC_("print date range", "from {weekday1} {day1} to {weekday2} {day2} {month} {year}"));
  return tract_print_expand (template, "weekday1", weekday1, "day1", day1, "weekday2", weekday2,
                             "day2", day2, "month", month_name (language, first->month), "year", year, NULL);
}

void
tract_print_format_when (const TractPrintLanguage *language,
                         gboolean                  all_day,
                         const char               *start_local,
                         const char               *end_local,
                         char                    **date_line,
                         char                    **time_line)
{
  TractPrintTime start, end;

  *date_line = NULL;
  *time_line = NULL;

  if (!tract_print_parse_local (start_local, &start))
    {
      *date_line = g_strdup (start_local);
      return;
    }
  if (!tract_print_parse_local (end_local, &end) || days_between (&start, &end) < 0)
    end = start;

  /* An evening that ends at midnight ends that day, as people say it. */
  if (!all_day && end.has_time && end.hour == 0 && end.minute == 0 && days_between (&start, &end) == 1)
    {
      TractPrintTime previous = end;

      date_add_days (&previous, -1);
      if (days_between (&start, &previous) == 0)
        {
          end = previous;
          end.hour = 24;
        }
    }

  if (days_between (&start, &end) == 0)
    *date_line = tract_print_format_date (language, &start, TRUE);
  else
    *date_line = format_day_range (language, &start, &end);

  if (all_day || !start.has_time)
    return;

  {
    g_autofree char *first = tract_print_format_time (language, start.hour, start.minute);
    g_autofree char *last = tract_print_format_time (language, end.hour % 24, end.minute);

    if (days_between (&start, &end) != 0)
      /* Translators: the hours of an event over several days, e.g.
       * "from 2 PM Saturday to 5 PM Sunday". */
      *time_line = tract_print_expand (tract_print_tr (language, NC_("print times across days",
                                                                     "from {start} {weekday1} to {end} {weekday2}")),
                                       "start", first, "weekday1", tract_print_weekday_name (language, &start),
                                       "end", last, "weekday2", tract_print_weekday_name (language, &end), NULL);
    else if (start.hour == end.hour && start.minute == end.minute)
      /* Translators: an event with a start and no duration, e.g. "at 2 PM". */
      *time_line = tract_print_expand (tract_print_tr (language, NC_("print single time", "at {time}")),
                                       "time", first, NULL);
    else
      /* Translators: the hours of an event, e.g. "2 PM – 5 PM"; French: "de {start} à {end}". */
      *time_line = tract_print_expand (tract_print_tr (language, NC_("print time range", "{start} – {end}")),
                                       "start", first, "end", last, NULL);
  }
}

static char *
capitalize (char *text)
{
  gunichar first;
  char buffer[8];
  int length;
  char *result;

  if (text == NULL || *text == '\0')
    return text;
  first = g_utf8_get_char (text);
  length = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  result = g_strdup_printf ("%.*s%s", length, buffer, g_utf8_next_char (text));
  g_free (text);
  return result;
}

char *
tract_print_format_month (const TractPrintLanguage *language,
                          int                       year,
                          int                       month)
{
  g_autofree char *year_text = g_strdup_printf ("%d", year);

  /* Translators: a month's heading in the agenda, e.g. "May 2021". */
  return capitalize (tract_print_expand (tract_print_tr (language, NC_("print month heading", "{month} {year}")),
                                         "month", month_name (language, month), "year", year_text, NULL));
}

char *
tract_print_format_agenda_time (const TractPrintLanguage *language,
                                gboolean                  all_day,
                                const char               *start_local,
                                const char               *end_local)
{
  TractPrintTime start, end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_day = NULL;
  gboolean same_day;

  if (!tract_print_parse_local (start_local, &start))
    return g_strdup ("");
  if (!tract_print_parse_local (end_local, &end) || days_between (&start, &end) < 0)
    end = start;

  same_day = days_between (&start, &end) == 0
             || (!all_day && end.hour == 0 && end.minute == 0 && days_between (&start, &end) == 1);
  last_day = tract_print_format_date (language, &end, FALSE);

  if (all_day || !start.has_time)
    {
      if (same_day)
        /* Translators: in the agenda, beside an event that lasts the whole day. */
        return g_strdup (tract_print_tr (language, NC_("print agenda", "All day")));
      /* Translators: in the agenda, beside an event of several days, e.g. "Until Sunday 30 May". */
      return capitalize (tract_print_expand (tract_print_tr (language, NC_("print agenda", "until {date}")),
                                             "date", last_day, NULL));
    }

  first = tract_print_format_time (language, start.hour, start.minute);
  last = tract_print_format_time (language, end.hour, end.minute);
  if (!same_day)
    /* Translators: in the agenda, e.g. "2 PM until Sunday 30 May, 5 PM". */
    return tract_print_expand (tract_print_tr (language, NC_("print agenda", "{start} until {date}, {end}")),
                               "start", first, "date", last_day, "end", last, NULL);
  if (start.hour == end.hour && start.minute == end.minute)
    return g_steal_pointer (&first);
  /* Translators: in the agenda, e.g. "2 PM – 5 PM"; French: "{start} – {end}". */
  return tract_print_expand (tract_print_tr (language, NC_("print agenda time range", "{start} – {end}")),
                             "start", first, "end", last, NULL);
}

const char *
tract_print_kind_label (const TractPrintLanguage *language,
                        const char               *kind)
{
  static const struct { const char *kind; const char *key; } kinds[] = {
    { "rally", NC_("print event kind", "Rally") },
    { "demonstration", NC_("print event kind", "Demonstration") },
    { "panel", NC_("print event kind", "Panel discussion") },
    { "commemoration", NC_("print event kind", "Commemoration") },
    { "celebration", NC_("print event kind", "Celebration") },
    { "meeting", NC_("print event kind", "Meeting") },
    { "other", NC_("print event kind", "Event") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return tract_print_tr (language, kinds[i].key);
  return tract_print_tr (language, NC_("print event kind", "Event"));
}

const char *
tract_print_role_label (const TractPrintLanguage *language,
                        const char               *role)
{
  if (g_strcmp0 (role, "partner") == 0)
    /* Translators: heads the organizations that support an event. */
    return tract_print_tr (language, NC_("print role", "With the support of"));
  if (g_strcmp0 (role, "speaker") == 0)
    /* Translators: heads the organizations that speak at an event. */
    return tract_print_tr (language, NC_("print role", "Speakers"));
  if (g_strcmp0 (role, "delegation") == 0)
    /* Translators: heads the organizations that send a delegation. */
    return tract_print_tr (language, NC_("print role", "Delegations"));
  /* Translators: heads the organizations that call for an event; French: "À l’appel de". */
  return tract_print_tr (language, NC_("print role", "Called by"));
}

const char *
tract_print_status_label (const TractPrintLanguage *language,
                          const char               *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    /* Translators: stamped on the flyer of a cancelled event. */
    return tract_print_tr (language, NC_("print status", "Cancelled"));
  if (g_strcmp0 (status, "tentative") == 0)
    /* Translators: stamped on the flyer of an event not confirmed yet. */
    return tract_print_tr (language, NC_("print status", "To be confirmed"));
  return NULL;
}
