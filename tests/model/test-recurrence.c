/* test-recurrence.c — the RRULE expander of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tract-event.h"
#include "tract-recurrence.h"
#include "tract-store.h"

/* The local starts of the first @max occurrences, space-separated, "…" if
 * there are more. */
static char *
expand (const char *rrule,
        const char *exdates,
        gboolean    all_day,
        const char *start,
        const char *end,
        const char *zone,
        guint       max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractRecurrence) recurrence = tract_recurrence_new (rrule, exdates, all_day, start, end, zone, &error);
  GString *out = g_string_new (NULL);
  TractOccurrence occurrence;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_nonnull (recurrence);
  while (tract_recurrence_next (recurrence, &occurrence))
    {
      if (n++ == max)
        {
          g_string_append (out, " …");
          break;
        }
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", occurrence.start_local);
    }
  return g_string_free (out, FALSE);
}

#define assert_expands(rrule, exdates, start, expected, max) \
  G_STMT_START { \
    g_autofree char *got_ = expand (rrule, exdates, FALSE, start, start, "Europe/Paris", max); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

#define assert_expands_days(rrule, exdates, start, expected, max) \
  G_STMT_START { \
    g_autofree char *got_ = expand (rrule, exdates, TRUE, start, start, "Europe/Paris", max); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
assert_refused (const char *rrule,
                const char *fragment)
{
  TractRecurrenceRule rule;
  g_autoptr(GError) error = NULL;

  g_assert_false (tract_recurrence_rule_parse (rrule, &rule, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "rrule");
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s”: the message “%s” does not mention “%s”", rrule, error->message, fragment);
}

static void
test_parse (void)
{
  static const char * const round_trips[] = {
    "FREQ=DAILY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10",
    "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20211231",
    "FREQ=MONTHLY;BYMONTHDAY=1,-1",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=3,5;BYDAY=1SA;UNTIL=20300101T000000Z",
    "FREQ=WEEKLY;BYDAY=SA;WKST=SU",
  };
  TractRecurrenceRule rule;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *text = NULL;

      g_assert_true (tract_recurrence_rule_parse (round_trips[i], &rule, &error));
      g_assert_no_error (error);
      g_assert_true (rule.supported);
      text = tract_recurrence_rule_to_string (&rule);
      g_assert_cmpstr (text, ==, round_trips[i]);
    }

  /* Order and case as other programs write them. */
  g_assert_true (tract_recurrence_rule_parse ("RRULE:count=3;byday=sa;freq=weekly", &rule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rule.frequency, ==, TRACT_FREQUENCY_WEEKLY);
  g_assert_cmpuint (rule.count, ==, 3);
  g_assert_cmpuint (rule.n_by_day, ==, 1);
  g_assert_cmpint (rule.by_day[0].weekday, ==, G_DATE_SATURDAY);

  /* Valid, kept, not expanded. */
  g_assert_true (tract_recurrence_rule_parse ("FREQ=HOURLY;INTERVAL=4", &rule, &error));
  g_assert_false (rule.supported);
  g_assert_true (tract_recurrence_rule_parse ("FREQ=DAILY;BYHOUR=9,17", &rule, &error));
  g_assert_false (rule.supported);
  g_assert_no_error (error);

  assert_refused ("", "how often");
  assert_refused ("INTERVAL=2", "how often");
  assert_refused ("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY");
  assert_refused ("FREQ=WEEKLY;FREQ=DAILY", NULL);
  assert_refused ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX");
  assert_refused ("FREQ=WEEKLY;BYDAY=", NULL);
  assert_refused ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL=0");
  assert_refused ("FREQ=WEEKLY;INTERVAL=-1", NULL);
  assert_refused ("FREQ=WEEKLY;COUNT=0", "0 times");
  assert_refused ("FREQ=WEEKLY;COUNT=2;UNTIL=20210601", "not both");
  assert_refused ("FREQ=WEEKLY;UNTIL=20210231", "UNTIL=20210231");
  assert_refused ("FREQ=WEEKLY;UNTIL=2021-06-01", NULL);
  assert_refused ("FREQ=WEEKLY;BYDAY=2SA", "do not go together");
  assert_refused ("FREQ=WEEKLY;BYMONTHDAY=3", "do not go together");
  assert_refused ("FREQ=MONTHLY;BYSETPOS=2", "do not go together");
  assert_refused ("FREQ=MONTHLY;BYMONTHDAY=32", NULL);
  assert_refused ("FREQ=MONTHLY;BYMONTHDAY=0", NULL);
  assert_refused ("FREQ=YEARLY;BYMONTH=13", NULL);
  assert_refused ("FREQ=DAILY;FOO=1", "FOO=1");
  assert_refused ("FREQ=DAILY;COUNT=1e3", NULL);
  assert_refused ("FREQ", NULL);
}

static void
test_daily_weekly (void)
{
  assert_expands ("FREQ=DAILY;COUNT=4", "", "2021-05-29T10:00",
                  "2021-05-29T10:00 2021-05-30T10:00 2021-05-31T10:00 2021-06-01T10:00", 10);
  assert_expands ("FREQ=DAILY;INTERVAL=10;COUNT=3", "", "2021-05-29T10:00",
                  "2021-05-29T10:00 2021-06-08T10:00 2021-06-18T10:00", 10);
  /* Tuesdays and Thursdays every other week, from a Tuesday. */
  assert_expands ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5", "", "2021-03-02T18:30",
                  "2021-03-02T18:30 2021-03-04T18:30 2021-03-16T18:30 2021-03-18T18:30 2021-03-30T18:30", 10);
  /* DTSTART off the rule (a Wednesday) is still the first occurrence. */
  assert_expands ("FREQ=WEEKLY;BYDAY=SA;COUNT=3", "", "2021-03-17T14:00",
                  "2021-03-17T14:00 2021-03-20T14:00 2021-03-27T14:00", 10);
  /* Without BYDAY: DTSTART's weekday. */
  assert_expands ("FREQ=WEEKLY;UNTIL=20210410", "", "2021-03-20T14:00",
                  "2021-03-20T14:00 2021-03-27T14:00 2021-04-03T14:00 2021-04-10T14:00", 10);
  /* Week start matters with an interval (RFC 5545's own example). */
  assert_expands ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "", "1997-08-05T09:00",
                  "1997-08-05T09:00 1997-08-10T09:00 1997-08-19T09:00 1997-08-24T09:00", 10);
  assert_expands ("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "", "1997-08-05T09:00",
                  "1997-08-05T09:00 1997-08-17T09:00 1997-08-19T09:00 1997-08-31T09:00", 10);
  /* Daily, limited to some months and weekdays. */
  assert_expands ("FREQ=DAILY;BYMONTH=1;BYDAY=MO;COUNT=3", "", "2022-01-03T09:00",
                  "2022-01-03T09:00 2022-01-10T09:00 2022-01-17T09:00", 10);
  /* Unbounded: goes on. */
  assert_expands ("FREQ=WEEKLY", "", "2021-03-20T14:00",
                  "2021-03-20T14:00 2021-03-27T14:00 2021-04-03T14:00 …", 3);
}

static void
test_monthly_yearly (void)
{
  /* The 31st: months without one are skipped, not moved. */
  assert_expands ("FREQ=MONTHLY;COUNT=4", "", "2021-01-31T19:00",
                  "2021-01-31T19:00 2021-03-31T19:00 2021-05-31T19:00 2021-07-31T19:00", 10);
  /* The last Friday, the second Tuesday, the last day. */
  assert_expands ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "", "2021-05-28T18:00",
                  "2021-05-28T18:00 2021-06-25T18:00 2021-07-30T18:00", 10);
  assert_expands ("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "", "2021-06-08T18:00",
                  "2021-06-08T18:00 2021-07-13T18:00 2021-08-10T18:00", 10);
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", "", "2021-01-31T18:00",
                  "2021-01-31T18:00 2021-02-28T18:00 2021-03-31T18:00", 10);
  /* The last working day of the month. */
  assert_expands ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", "", "2021-04-30T17:00",
                  "2021-04-30T17:00 2021-05-31T17:00 2021-06-30T17:00", 10);
  /* Friday the 13th (RFC 5545's example). */
  assert_expands ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=4", "", "1998-02-13T09:00",
                  "1998-02-13T09:00 1998-03-13T09:00 1998-11-13T09:00 1999-08-13T09:00", 10);
  /* Every three months. */
  assert_expands ("FREQ=MONTHLY;INTERVAL=3;COUNT=3", "", "2021-03-18T18:00",
                  "2021-03-18T18:00 2021-06-18T18:00 2021-09-18T18:00", 10);

  /* 18 March, the anniversary of the Commune, every year. */
  assert_expands_days ("FREQ=YEARLY;COUNT=3", "", "2021-03-18",
                       "2021-03-18 2022-03-18 2023-03-18", 10);
  /* 29 February: leap years only. */
  assert_expands_days ("FREQ=YEARLY;COUNT=3", "", "2020-02-29",
                       "2020-02-29 2024-02-29 2028-02-29", 10);
  /* The first Saturday of March and of May. */
  assert_expands_days ("FREQ=YEARLY;BYMONTH=3,5;BYDAY=1SA;COUNT=4", "", "2021-03-06",
                       "2021-03-06 2021-05-01 2022-03-05 2022-05-07", 10);
  /* The 20th Monday of the year (RFC 5545's example). */
  assert_expands ("FREQ=YEARLY;BYDAY=20MO;COUNT=3", "", "1997-05-19T09:00",
                  "1997-05-19T09:00 1998-05-18T09:00 1999-05-17T09:00", 10);
  /* The first of every month, as a yearly rule. */
  assert_expands_days ("FREQ=YEARLY;BYMONTHDAY=1;COUNT=3", "", "2021-01-01",
                       "2021-01-01 2021-02-01 2021-03-01", 10);
  /* A rule that gives nothing after DTSTART ends, and does not hang. */
  assert_expands_days ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "", "2021-02-01", "2021-02-01", 10);
  assert_expands_days ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", "", "2021-02-01", "2021-02-01", 10);
  /* Near the last year GLib knows. */
  assert_expands_days ("FREQ=DAILY", "", "9999-12-30", "9999-12-30 9999-12-31", 10);
  assert_expands_days ("FREQ=YEARLY;INTERVAL=5000", "", "9000-01-01", "9000-01-01", 10);
}

static void
test_until (void)
{
  /* A date: the starts of that local day are still in. */
  assert_expands ("FREQ=DAILY;UNTIL=20210531", "", "2021-05-29T23:30",
                  "2021-05-29T23:30 2021-05-30T23:30 2021-05-31T23:30", 10);
  /* A local date-time and a UTC one: 23:30 in Paris in summer is 21:30Z. */
  assert_expands ("FREQ=DAILY;UNTIL=20210531T233000", "", "2021-05-29T23:30",
                  "2021-05-29T23:30 2021-05-30T23:30 2021-05-31T23:30", 10);
  assert_expands ("FREQ=DAILY;UNTIL=20210531T212959Z", "", "2021-05-29T23:30",
                  "2021-05-29T23:30 2021-05-30T23:30", 10);
  assert_expands ("FREQ=DAILY;UNTIL=20210531T213000Z", "", "2021-05-29T23:30",
                  "2021-05-29T23:30 2021-05-30T23:30 2021-05-31T23:30", 10);
  /* All day: the date of a UTC end where the event is. */
  assert_expands_days ("FREQ=DAILY;UNTIL=20210530T220000Z", "", "2021-05-29",
                       "2021-05-29 2021-05-30 2021-05-31", 10);
  /* Before the start: nothing at all. */
  assert_expands ("FREQ=DAILY;UNTIL=20210101", "", "2021-05-29T10:00", "", 10);
}

static void
test_daylight_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractRecurrence) recurrence = NULL;
  g_autoptr(TractRecurrence) weekly = NULL;
  TractOccurrence occurrence;

  /* 02:30 does not exist in Paris on 28 March 2021: that day has no
   * occurrence, and it does not count. */
  assert_expands ("FREQ=DAILY;COUNT=3", "", "2021-03-27T02:30",
                  "2021-03-27T02:30 2021-03-29T02:30 2021-03-30T02:30", 10);

  /* 02:30 happens twice on 31 October 2021: the first one, at +02:00. */
  recurrence = tract_recurrence_new ("FREQ=DAILY;COUNT=3", "", FALSE, "2021-10-30T02:30",
                                     "2021-10-30T03:00", "Europe/Paris", &error);
  g_assert_no_error (error);
  g_assert_true (tract_recurrence_next (recurrence, &occurrence));
  g_assert_true (tract_recurrence_next (recurrence, &occurrence));
  g_assert_cmpstr (occurrence.start_local, ==, "2021-10-31T02:30");
  g_assert_cmpint (occurrence.start_utc, ==, 1635640200); /* 2021-10-31T00:30:00Z */
  /* Half an hour later in exact time: the clock has gone back meanwhile. */
  g_assert_cmpint (occurrence.end_utc, ==, 1635640200 + 1800);
  g_assert_cmpstr (occurrence.end_local, ==, "2021-10-31T02:00");

  /* 14:00 stays 14:00 on the wall clock; the instant moves by an hour. */
  weekly = tract_recurrence_new ("FREQ=WEEKLY;COUNT=2", "", FALSE, "2021-03-20T14:00", "2021-03-20T17:00",
                                 "Europe/Paris", &error);
  g_assert_no_error (error);
  g_assert_true (tract_recurrence_next (weekly, &occurrence));
  g_assert_cmpint (occurrence.start_utc, ==, 1616245200); /* 13:00Z */
  g_assert_cmpstr (occurrence.end_local, ==, "2021-03-20T17:00");
  g_assert_true (tract_recurrence_next (weekly, &occurrence));
  g_assert_cmpstr (occurrence.start_local, ==, "2021-03-27T14:00");
  g_assert_cmpint (occurrence.start_utc, ==, 1616245200 + 7 * 86400);
  g_assert_true (tract_recurrence_next (weekly, &occurrence) == FALSE);
  g_clear_pointer (&weekly, tract_recurrence_free);

  weekly = tract_recurrence_new ("FREQ=WEEKLY;COUNT=2", "", FALSE, "2021-03-27T14:00", "2021-03-27T17:00",
                                 "Europe/Paris", &error);
  g_assert_true (tract_recurrence_next (weekly, &occurrence));
  g_assert_true (tract_recurrence_next (weekly, &occurrence));
  g_assert_cmpstr (occurrence.start_local, ==, "2021-04-03T14:00");
  g_assert_cmpint (occurrence.start_utc, ==, 1616245200 + 14 * 86400 - 3600); /* 12:00Z */
  g_assert_cmpint (occurrence.end_utc - occurrence.start_utc, ==, 3 * 3600);

  /* Another zone than Paris keeps its own clock. */
  {
    g_autofree char *lima = expand ("FREQ=WEEKLY;COUNT=2", "", FALSE, "2021-03-20T19:00", "2021-03-20T21:00",
                                    "America/Lima", 10);
    g_assert_cmpstr (lima, ==, "2021-03-20T19:00 2021-03-27T19:00");
  }
}

static void
test_all_day_spans (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractRecurrence) recurrence = NULL;
  TractOccurrence occurrence;

  /* A weekend, every week: each occurrence lasts the same two days. */
  recurrence = tract_recurrence_new ("FREQ=WEEKLY;COUNT=2", "", TRUE, "2021-05-29", "2021-05-30",
                                     "Europe/Paris", &error);
  g_assert_no_error (error);
  g_assert_true (tract_recurrence_next (recurrence, &occurrence));
  g_assert_cmpstr (occurrence.start_local, ==, "2021-05-29");
  g_assert_cmpstr (occurrence.end_local, ==, "2021-05-30");
  g_assert_cmpint (occurrence.start_utc, ==, 1622239200); /* 2021-05-28T22:00:00Z */
  g_assert_cmpint (occurrence.end_utc, ==, 1622239200 + 2 * 86400);
  g_assert_true (tract_recurrence_next (recurrence, &occurrence));
  g_assert_cmpstr (occurrence.start_local, ==, "2021-06-05");
  g_assert_cmpstr (occurrence.end_local, ==, "2021-06-06");
  g_assert_false (tract_recurrence_next (recurrence, &occurrence));

  /* Over the night the clocks change, a day is 23 hours long. */
  g_clear_pointer (&recurrence, tract_recurrence_free);
  recurrence = tract_recurrence_new ("FREQ=YEARLY;COUNT=1", "", TRUE, "2021-03-28", "2021-03-28",
                                     "Europe/Paris", &error);
  g_assert_true (tract_recurrence_next (recurrence, &occurrence));
  g_assert_cmpint (occurrence.end_utc - occurrence.start_utc, ==, 23 * 3600);
}

static void
test_exceptions (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;

  /* A date alone removes the occurrence of that day; a time, that one. */
  assert_expands ("FREQ=WEEKLY;COUNT=4", "2021-03-27,2021-04-10T14:00", "2021-03-20T14:00",
                  "2021-03-20T14:00 2021-04-03T14:00", 10);
  /* Another time of that day is not that occurrence. */
  assert_expands ("FREQ=WEEKLY;COUNT=2", "2021-03-27T15:00", "2021-03-20T14:00",
                  "2021-03-20T14:00 2021-03-27T14:00", 10);
  /* The first one can go too; spaces and a space for the T are fine. */
  assert_expands ("FREQ=WEEKLY;COUNT=3", " 2021-03-20 14:00 , 2021-03-27", "2021-03-20T14:00",
                  "2021-04-03T14:00", 10);
  assert_expands_days ("FREQ=DAILY;COUNT=3", "2021-05-30", "2021-05-29", "2021-05-29 2021-05-31", 10);
  /* An event that does not repeat ignores them. */
  assert_expands ("", "2021-03-20", "2021-03-20T14:00", "2021-03-20T14:00", 10);

  items = tract_recurrence_split_exdates ("2021-03-27, 2021-04-10T14:00,,", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (items), ==, 2);
  g_assert_cmpstr (items[1], ==, "2021-04-10T14:00");
  g_clear_pointer (&items, g_strfreev);

  items = tract_recurrence_split_exdates ("2021-03-27,le 3 avril", &error);
  g_assert_null (items);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "exdates");
  g_assert_nonnull (strstr (error->message, "le 3 avril"));
}

static void
test_check_event (void)
{
  g_autoptr(TractEvent) event = tract_event_new_timed (1, "Permanence", "2021-03-20T14:00", "2021-03-20T17:00",
                                                        "Europe/Paris");
  TractRecord *record = TRACT_RECORD (event);
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_recurrence_check_event (record, &error));
  g_assert_no_error (error);

  tract_record_set_text (record, "rrule", "FREQ=WEEKLY;COUNT=2");
  g_assert_true (tract_recurrence_check_event (record, &error));

  /* Every occurrence excluded: the exceptions are to blame. */
  tract_record_set_text (record, "exdates", "2021-03-20,2021-03-27");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "exdates");
  g_clear_error (&error);

  /* Ending before it starts: the rule is. */
  tract_record_set_text (record, "exdates", "");
  tract_record_set_text (record, "rrule", "FREQ=WEEKLY;UNTIL=20210301");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "rrule");
  g_assert_nonnull (strstr (error->message, "never"));
  g_clear_error (&error);

  tract_record_set_text (record, "rrule", "FREQ=WEEKLY;COUNT=0");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "rrule");
  g_clear_error (&error);

  tract_record_set_text (record, "rrule", "FREQ=WEEKLY");
  tract_record_set_text (record, "exdates", "2021-02-30");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "exdates");
  g_clear_error (&error);

  /* A rule kept but not expanded is not second-guessed. */
  tract_record_set_text (record, "exdates", "");
  tract_record_set_text (record, "rrule", "FREQ=HOURLY;COUNT=3");
  g_assert_true (tract_recurrence_check_event (record, &error));
  g_assert_no_error (error);
}

static void
test_finite (void)
{
  g_autoptr(TractRecurrence) unbounded = tract_recurrence_new ("FREQ=DAILY", "", FALSE, "2021-01-01T10:00",
                                                               "2021-01-01T11:00", "UTC", NULL);
  g_autoptr(TractRecurrence) counted = tract_recurrence_new ("FREQ=DAILY;COUNT=2", "", FALSE, "2021-01-01T10:00",
                                                             "2021-01-01T11:00", "UTC", NULL);
  g_autoptr(TractRecurrence) single = tract_recurrence_new ("", "", FALSE, "2021-01-01T10:00",
                                                            "2021-01-01T11:00", "UTC", NULL);
  g_autoptr(GError) error = NULL;
  TractOccurrence occurrence;
  guint n = 0;

  g_assert_false (tract_recurrence_is_finite (unbounded));
  g_assert_true (tract_recurrence_is_recurring (unbounded));
  g_assert_true (tract_recurrence_is_finite (counted));
  g_assert_true (tract_recurrence_is_finite (single));
  g_assert_false (tract_recurrence_is_recurring (single));

  /* Ten years of days, quickly, in order. */
  while (n < 3652 && tract_recurrence_next (unbounded, &occurrence))
    n++;
  g_assert_cmpuint (n, ==, 3652);
  g_assert_cmpstr (occurrence.start_local, ==, "2030-12-31T10:00");

  g_assert_null (tract_recurrence_new ("FREQ=DAILY", "", FALSE, "2021-01-01T10:00", "2021-01-01T11:00",
                                       "Mars/Olympus_Mons", &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "time_zone");
  g_clear_error (&error);
  g_assert_null (tract_recurrence_new ("FREQ=DAILY", "", TRUE, "2021-01-01T10:00", "2021-01-01T11:00",
                                       "UTC", &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "start_local");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/parse", test_parse);
  g_test_add_func ("/recurrence/daily-weekly", test_daily_weekly);
  g_test_add_func ("/recurrence/monthly-yearly", test_monthly_yearly);
  g_test_add_func ("/recurrence/until", test_until);
  g_test_add_func ("/recurrence/daylight-saving", test_daylight_saving);
  g_test_add_func ("/recurrence/all-day-spans", test_all_day_spans);
  g_test_add_func ("/recurrence/exceptions", test_exceptions);
  g_test_add_func ("/recurrence/check-event", test_check_event);
  g_test_add_func ("/recurrence/finite", test_finite);

  return g_test_run ();
}
