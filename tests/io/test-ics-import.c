/* test-ics-import.c — one test per import rule of ICALENDAR.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "tract-agenda-query.h"
#include "tract-campaign.h"
#include "tract-ical-import.h"
#include "tract-ical-occurrences.h"
#include "tract-record-list.h"
#include "tract-store-private.h"

typedef IoFixture Fixture;

#define TEST(name, func) \
  g_test_add ("/ics/import/" name, Fixture, NULL, io_fixture_setup, func, io_fixture_teardown)

#define CALENDAR(body) \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n" body "END:VCALENDAR\r\n"

static TractIcalReport *
import_ok (Fixture    *fixture,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  TractIcalReport *report = io_import (fixture->store, fixture->campaign_id, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static TractEvent *
find (Fixture    *fixture,
      const char *uid)
{
  TractEvent *event = tract_store_find (fixture->store, TRACT_TYPE_EVENT, "uid", uid);

  g_assert_nonnull (event);
  return event;
}

static const char *
text_of (TractEvent *event,
         const char *column)
{
  return tract_record_get_text (TRACT_RECORD (event), column);
}

static gboolean
report_mentions (TractIcalReport *report,
                 const char      *needle)
{
  for (guint i = 0; i < tract_ical_report_get_n_messages (report); i++)
    if (strstr (tract_ical_report_get_message_text (report, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Rule 1 */
static void
test_encoding (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractIcalReport) bom = NULL;
  g_autoptr(TractIcalReport) lf = NULL;
  g_autoptr(TractIcalReport) latin1 = NULL;
  g_autoptr(TractEvent) event = NULL;

  bom = import_ok (fixture, "\xEF\xBB\xBF" CALENDAR ("BEGIN:VEVENT\r\nUID:bom\r\nDTSTAMP:20210101T000000Z\r\n"
                                                     "DTSTART:20210501T120000Z\r\nSUMMARY:Avec BOM\r\n"
                                                     "END:VEVENT\r\n"));
  g_assert_cmpuint (tract_ical_report_get_n_added (bom), ==, 1);

  lf = import_ok (fixture, "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:lf\nDTSTART:20210501T120000Z\n"
                           "SUMMARY:Line feeds\n  only\nEND:VEVENT\nEND:VCALENDAR\n");
  g_assert_cmpuint (tract_ical_report_get_n_added (lf), ==, 1);
  event = find (fixture, "lf");
  g_assert_cmpstr (tract_event_get_title (event), ==, "Line feeds only");
  g_clear_object (&event);

  /* libical would take Latin-1 silently: convert it, and say so. */
  latin1 = import_ok (fixture, CALENDAR ("BEGIN:VEVENT\r\nUID:latin1\r\nDTSTART:20210501T120000Z\r\n"
                                         "SUMMARY:F\xEAte de la Commune \xE0 Paris\r\nEND:VEVENT\r\n"));
  g_assert_cmpuint (tract_ical_report_get_n_added (latin1), ==, 1);
  g_assert_true (report_mentions (latin1, "Latin-1"));
  event = find (fixture, "latin1");
  g_assert_cmpstr (tract_event_get_title (event), ==, "Fête de la Commune à Paris");
}

/* Rule 2 */
static void
test_bare_vevent (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture,
    "BEGIN:VEVENT\r\nUID:bare\r\nDTSTART;TZID=Europe/Paris:20210501T140000\r\n"
    "DTEND;TZID=Europe/Paris:20210501T160000\r\nSUMMARY:Bare\r\nEND:VEVENT\r\n"
    "BEGIN:VTODO\r\nUID:todo\r\nSUMMARY:Not an event\r\nEND:VTODO\r\n");
  g_autoptr(TractEvent) event = find (fixture, "bare");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 1);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, 1);
  g_assert_true (report_mentions (report, "VTODO"));
  g_assert_cmpstr (text_of (event, "start_local"), ==, "2021-05-01T14:00");
  g_assert_cmpstr (text_of (event, "time_zone"), ==, "Europe/Paris");

  /* Not a calendar at all: refused with the file's name. */
  g_assert_null (io_import (fixture->store, fixture->campaign_id, "Name,Date\nRally,2021-03-20\n", &error));
  g_assert_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_NOT_ICALENDAR);
  g_assert_nonnull (strstr (error->message, "test.ics"));
}

/* Rule 3 */
static void
test_parse_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:bad-end\r\nDTSTART:20210501T120000Z\r\nDTEND:garbage\r\nSUMMARY:Bad end\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:bad-start\r\nDTSTART:not-a-date\r\nSUMMARY:Bad start\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:no-start\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"));
  gboolean seen_line = FALSE;

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 1);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, 2);
  g_assert_cmpuint (tract_ical_report_get_n_parse_errors (report), >=, 2);
  for (guint i = 0; i < tract_ical_report_get_n_messages (report); i++)
    if (tract_ical_report_get_message_kind (report, i) == TRACT_ICAL_MESSAGE_SKIPPED
        && g_strcmp0 (tract_ical_report_get_message_uid (report, i), "no-start") == 0)
      {
        /* The line of its BEGIN:VEVENT */
        g_assert_cmpuint (tract_ical_report_get_message_line (report, i), ==, 15);
        seen_line = TRUE;
      }
  g_assert_true (seen_line);
  g_assert_null (tract_store_find (fixture->store, TRACT_TYPE_EVENT, "uid", "bad-start"));
  {
    g_autofree char *text = tract_ical_report_to_text (report);

    g_assert_nonnull (strstr (text, "line 15: skipped:"));
    g_assert_nonnull (strstr (text, "1 added"));
  }
}

/* Rule 4 */
static void
test_end_rules (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:duration\r\nDTSTART;TZID=Europe/Paris:20210327T220000\r\nDURATION:P1DT1H30M\r\n"
    "SUMMARY:Over the DST change\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:date-only\r\nDTSTART;VALUE=DATE:20210508\r\nSUMMARY:One day\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:date-duration\r\nDTSTART;VALUE=DATE:20210529\r\nDURATION:P2D\r\n"
    "SUMMARY:Two days\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:time-only\r\nDTSTART:20210501T120000Z\r\nSUMMARY:Instant\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:exclusive\r\nDTSTART;VALUE=DATE:20210529\r\nDTEND;VALUE=DATE:20210531\r\n"
    "SUMMARY:Weekend\r\nEND:VEVENT\r\n"));
  g_autoptr(TractEvent) duration = find (fixture, "duration");
  g_autoptr(TractEvent) date_only = find (fixture, "date-only");
  g_autoptr(TractEvent) date_duration = find (fixture, "date-duration");
  g_autoptr(TractEvent) time_only = find (fixture, "time-only");
  g_autoptr(TractEvent) exclusive = find (fixture, "exclusive");

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 5);
  /* One nominal day (same wall-clock time), then 1 h 30 exact. */
  g_assert_cmpstr (text_of (duration, "end_local"), ==, "2021-03-28T23:30");
  g_assert_true (tract_event_get_all_day (date_only));
  g_assert_cmpstr (text_of (date_only, "end_local"), ==, "2021-05-08");
  g_assert_cmpstr (text_of (date_duration, "end_local"), ==, "2021-05-30");
  g_assert_cmpint (tract_event_get_end_utc (time_only), ==, tract_event_get_start_utc (time_only));
  /* A UTC time is shown in the campaign's zone. */
  g_assert_cmpstr (text_of (time_only, "time_zone"), ==, "Europe/Paris");
  g_assert_cmpstr (text_of (time_only, "start_local"), ==, "2021-05-01T14:00");
  g_assert_cmpstr (text_of (exclusive, "start_local"), ==, "2021-05-29");
  g_assert_cmpstr (text_of (exclusive, "end_local"), ==, "2021-05-30");
}

/* Rule 5 */
static void
test_zones (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:windows\r\nDTSTART;TZID=Romance Standard Time:20210501T140000\r\n"
    "DTEND;TZID=Romance Standard Time:20210501T160000\r\nSUMMARY:Windows\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:libical\r\nDTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20210501T140000\r\n"
    "DTEND;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20210501T160000\r\nSUMMARY:libical\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:mozilla\r\nDTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20210501T140000\r\n"
    "SUMMARY:Mozilla\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:custom\r\nDTSTART;TZID=Customized Time Zone:20210501T140000\r\n"
    "DTEND;TZID=Customized Time Zone:20210501T160000\r\nSUMMARY:Outlook\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:forward\r\nDTSTART;TZID=Atlantis Time:20210501T140000\r\n"
    "DTEND;TZID=Atlantis Time:20210501T160000\r\nSUMMARY:Zone defined below\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:unknown\r\nDTSTART;TZID=Nowhere:20210501T140000\r\nSUMMARY:Unknown\r\nEND:VEVENT\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Atlantis Time\r\n"
    "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0317\r\nTZOFFSETTO:+0317\r\n"
    "END:STANDARD\r\nEND:VTIMEZONE\r\n"));
  g_autoptr(TractEvent) windows = find (fixture, "windows");
  g_autoptr(TractEvent) libical = find (fixture, "libical");
  g_autoptr(TractEvent) mozilla = find (fixture, "mozilla");
  g_autoptr(TractEvent) custom = find (fixture, "custom");
  g_autoptr(TractEvent) forward = find (fixture, "forward");
  g_autoptr(TractEvent) unknown = find (fixture, "unknown");

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 6);
  g_assert_cmpstr (text_of (windows, "time_zone"), ==, "Europe/Paris");
  g_assert_true (report_mentions (report, "“Romance Standard Time” was read as Europe/Paris"));
  g_assert_cmpstr (text_of (libical, "time_zone"), ==, "Europe/Berlin");
  g_assert_cmpstr (text_of (mozilla, "time_zone"), ==, "America/New_York");
  /* The file's own zone, recognised by its offsets; the campaign's zone wins a tie. */
  g_assert_cmpstr (text_of (custom, "time_zone"), ==, "Europe/Paris");
  g_assert_cmpstr (text_of (custom, "start_local"), ==, "2021-05-01T14:00");
  g_assert_true (report_mentions (report, "same offsets"));
  /* A zone no IANA zone matches: converted to UTC, and said. */
  g_assert_cmpstr (text_of (forward, "time_zone"), ==, "UTC");
  g_assert_cmpstr (text_of (forward, "start_local"), ==, "2021-05-01T10:43");
  g_assert_true (report_mentions (report, "converted to UTC"));
  g_assert_cmpstr (text_of (unknown, "time_zone"), ==, "Europe/Paris");
  g_assert_true (report_mentions (report, "“Nowhere” is unknown"));
}

/* Rules 5 and 12: a wall-clock time in a gap keeps RFC 5545's instant, in UTC. */
static void
test_dst_gap (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:gap\r\nDTSTART;TZID=Europe/Paris:20210328T023000\r\n"
    "DTEND;TZID=Europe/Paris:20210328T040000\r\nSUMMARY:In the gap\r\nEND:VEVENT\r\n"));
  g_autoptr(TractEvent) gap = find (fixture, "gap");

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 1);
  g_assert_cmpstr (text_of (gap, "time_zone"), ==, "UTC");
  /* 02:30 with the offset before the change (+01:00) */
  g_assert_cmpstr (text_of (gap, "start_local"), ==, "2021-03-28T01:30");
  g_assert_cmpstr (text_of (gap, "end_local"), ==, "2021-03-28T02:00");
  g_assert_true (report_mentions (report, "does not exist in Europe/Paris"));
}

/* Rule 6 is about expanding; Tract keeps the rule and its exceptions as written. */
static void
test_recurrence (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART;TZID=Europe/Paris:20210501T140000\r\n"
    "DTEND;TZID=Europe/Paris:20210501T170000\r\nRRULE:FREQ=WEEKLY;UNTIL=20210626T120000Z;BYDAY=SA\r\n"
    "EXDATE;TZID=Europe/Paris:20210508T140000,20210515T140000\r\nEXDATE:20210522T120000Z\r\n"
    "RDATE;TZID=Europe/Paris:20210701T140000\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:weekly\r\nRECURRENCE-ID;TZID=Europe/Paris:20210529T140000\r\n"
    "DTSTART;TZID=Europe/Paris:20210529T150000\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:yearly\r\nDTSTART;VALUE=DATE:20210318\r\nRRULE:FREQ=YEARLY\r\n"
    "EXDATE;VALUE=DATE:20220318\r\nSUMMARY:Yearly\r\nEND:VEVENT\r\n"));
  g_autoptr(TractEvent) weekly = find (fixture, "weekly");
  g_autoptr(TractEvent) moved = find (fixture, "weekly/20210529T140000");
  g_autoptr(TractEvent) yearly = find (fixture, "yearly");

  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 3);
  g_assert_cmpstr (text_of (weekly, "rrule"), ==, "FREQ=WEEKLY;UNTIL=20210626T120000Z;BYDAY=SA");
  /* The moved occurrence is the series' no more (see test_changed_occurrences). */
  g_assert_cmpstr (text_of (weekly, "exdates"), ==,
                   "2021-05-08T14:00,2021-05-15T14:00,2021-05-22T14:00,2021-05-29T14:00");
  g_assert_cmpstr (text_of (moved, "title"), ==, "Moved");
  g_assert_true (report_mentions (report, "RDATE"));
  g_assert_cmpstr (text_of (yearly, "rrule"), ==, "FREQ=YEARLY");
  g_assert_cmpstr (text_of (yearly, "exdates"), ==, "2022-03-18");
}

static gint64
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

/* One occurrence of a series changed (RECURRENCE-ID), before or after
 * the series in the file, or cancelled: as calendars show them, the
 * series leaves it out, and a changed one is an event of its own. */
static void
test_changed_occurrences (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *text = CALENDAR (
    "BEGIN:VEVENT\r\nUID:permanence\r\nRECURRENCE-ID;TZID=Europe/Paris:20210410T180000\r\n"
    "DTSTART;TZID=Europe/Paris:20210410T200000\r\nDTEND;TZID=Europe/Paris:20210410T220000\r\n"
    "SUMMARY:Permanence (décalée)\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:permanence\r\nDTSTART;TZID=Europe/Paris:20210403T180000\r\n"
    "DTEND;TZID=Europe/Paris:20210403T200000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
    "EXDATE;TZID=Europe/Paris:20210501T180000\r\nSUMMARY:Permanence\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Rappel\r\n"
    "RECURRENCE-ID:20210424T160000Z\r\nEND:VALARM\r\nEND:VEVENT\r\n"
    /* In UTC: 18:00 in Paris. */
    "BEGIN:VEVENT\r\nUID:permanence\r\nRECURRENCE-ID:20210417T160000Z\r\n"
    "DTSTART;TZID=Europe/Paris:20210417T180000\r\nSTATUS:CANCELLED\r\nSUMMARY:Permanence\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:fete\r\nDTSTART;VALUE=DATE:20210529\r\nRRULE:FREQ=YEARLY;COUNT=3\r\n"
    "SUMMARY:Fête de la Commune\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:fete\r\nRECURRENCE-ID;VALUE=DATE:20220529\r\nDTSTART;VALUE=DATE:20220528\r\n"
    "SUMMARY:Fête de la Commune, un jour plus tôt\r\nEND:VEVENT\r\n");
  g_autoptr(TractIcalReport) report = import_ok (fixture, text);
  g_autoptr(TractIcalReport) again = NULL;
  g_autoptr(TractEvent) series = find (fixture, "permanence");
  g_autoptr(TractEvent) moved = find (fixture, "permanence/20210410T180000");
  g_autoptr(TractEvent) fete = find (fixture, "fete");
  g_autoptr(TractEvent) earlier = find (fixture, "fete/20220529");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = tract_ical_event_occurrences (series, 0, G_MAXINT64, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 4);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, 0);
  /* The alarm's RECURRENCE-ID is not the event's. */
  g_assert_cmpstr (text_of (series, "exdates"), ==, "2021-05-01T18:00,2021-04-10T18:00,2021-04-17T18:00");
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpint (g_array_index (weeks, TractIcalOccurrence, 0).start_utc, ==, utc (2021, 4, 3, 16));
  g_assert_cmpint (g_array_index (weeks, TractIcalOccurrence, 1).start_utc, ==, utc (2021, 4, 24, 16));
  g_assert_cmpstr (text_of (moved, "title"), ==, "Permanence (décalée)");
  g_assert_cmpstr (text_of (moved, "start_local"), ==, "2021-04-10T20:00");
  g_assert_cmpstr (text_of (moved, "rrule"), ==, "");
  g_assert_cmpstr (text_of (fete, "exdates"), ==, "2022-05-29");
  g_assert_cmpstr (text_of (earlier, "start_local"), ==, "2022-05-28");
  g_assert_true (report_mentions (report, "changes one occurrence"));
  g_assert_true (report_mentions (report, "cancels one occurrence"));

  /* The same file again changes nothing. */
  again = import_ok (fixture, text);
  g_assert_cmpuint (tract_ical_report_get_n_added (again), ==, 0);
  g_assert_cmpuint (tract_ical_report_get_n_updated (again), ==, 0);
  g_assert_cmpuint (tract_ical_report_get_n_unchanged (again), ==, 4);
}

/* An invitation's update often holds the changed occurrence alone: the
 * series already in the campaign leaves that occurrence out. */
static void
test_changed_occurrences_of_the_campaign (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(TractIcalReport) series_report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:reunion\r\nSEQUENCE:2\r\nDTSTART;TZID=Europe/Paris:20210406T190000\r\n"
    "DTEND;TZID=Europe/Paris:20210406T210000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
    "SUMMARY:Réunion du collectif\r\nEND:VEVENT\r\n"));
  /* Moved by an hour; in New York time, as another organizer's calendar writes it. */
  const char *moved = CALENDAR (
    "BEGIN:VEVENT\r\nUID:reunion\r\nRECURRENCE-ID;TZID=America/New_York:20210413T130000\r\n"
    "DTSTART;TZID=Europe/Paris:20210413T200000\r\nDTEND;TZID=Europe/Paris:20210413T220000\r\n"
    "SUMMARY:Réunion du collectif (plus tard)\r\nEND:VEVENT\r\n");
  const char *cancelled = CALENDAR (
    "BEGIN:VEVENT\r\nUID:reunion\r\nRECURRENCE-ID;VALUE=DATE:20210420\r\nSTATUS:CANCELLED\r\n"
    "SUMMARY:Réunion du collectif\r\nEND:VEVENT\r\n");
  const char *orphan = CALENDAR (
    "BEGIN:VEVENT\r\nUID:elsewhere\r\nRECURRENCE-ID:20210501T100000Z\r\n"
    "DTSTART:20210501T110000Z\r\nSUMMARY:Ailleurs\r\nEND:VEVENT\r\n");
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(TractEvent) series = NULL;
  g_autoptr(TractEvent) later = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sequence;

  g_assert_cmpuint (tract_ical_report_get_n_added (series_report), ==, 1);
  report = import_ok (fixture, moved);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 1);
  g_assert_true (report_mentions (report, "a repeating event of the campaign"));
  series = find (fixture, "reunion");
  later = find (fixture, "reunion/20210413T130000");
  g_assert_cmpstr (text_of (series, "exdates"), ==, "2021-04-13T19:00");
  g_assert_cmpstr (text_of (later, "start_local"), ==, "2021-04-13T20:00");
  /* A change a calendar's user sees. */
  sequence = tract_event_get_sequence (series);
  g_assert_cmpint (sequence, >, 2);
  g_clear_object (&report);
  g_clear_object (&series);

  /* The same update again changes nothing. */
  report = import_ok (fixture, moved);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 0);
  g_assert_cmpuint (tract_ical_report_get_n_updated (report), ==, 0);
  g_clear_object (&report);
  series = find (fixture, "reunion");
  g_assert_cmpint (tract_event_get_sequence (series), ==, sequence);
  g_clear_object (&series);

  /* A day alone names the occurrence of that day. */
  report = import_ok (fixture, cancelled);
  g_assert_cmpuint (tract_ical_report_get_n_updated (report), ==, 1);
  g_clear_object (&report);
  report = import_ok (fixture, cancelled);
  g_assert_cmpuint (tract_ical_report_get_n_updated (report), ==, 0);
  g_assert_cmpuint (tract_ical_report_get_n_unchanged (report), ==, 1);
  g_clear_object (&report);
  series = find (fixture, "reunion");
  g_assert_cmpstr (text_of (series, "exdates"), ==, "2021-04-13T19:00,2021-04-20T19:00");
  weeks = tract_ical_event_occurrences (series, 0, G_MAXINT64, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);

  /* No series anywhere: the change is an event of its own, and says so. */
  report = import_ok (fixture, orphan);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 1);
  g_assert_true (report_mentions (report, "neither in this file nor in the campaign"));
}

/* Rule 6: each occurrence lasts DTEND − DTSTART, one-day all-day events included. */
static void
test_occurrences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = import_ok (fixture, CALENDAR (
    "BEGIN:VEVENT\r\nUID:monthly\r\nDTSTART;VALUE=DATE:20210118\r\nDTEND;VALUE=DATE:20210119\r\n"
    "RRULE:FREQ=MONTHLY;COUNT=5\r\nEXDATE;VALUE=DATE:20210318\r\nSUMMARY:Monthly\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:daily\r\nDTSTART;TZID=America/New_York:20210308T090000\r\n"
    "DTEND;TZID=America/New_York:20210308T100000\r\nRRULE:FREQ=DAILY;UNTIL=20210316T130000Z\r\n"
    "EXDATE;TZID=America/New_York:20210312T090000\r\nSUMMARY:Daily\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:once\r\nDTSTART:20210501T120000Z\r\nDTEND:20210501T130000Z\r\n"
    "SUMMARY:Once\r\nEND:VEVENT\r\n"));
  g_autoptr(TractEvent) monthly = find (fixture, "monthly");
  g_autoptr(TractEvent) daily = find (fixture, "daily");
  g_autoptr(TractEvent) once = find (fixture, "once");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = tract_ical_event_occurrences (monthly, 0, G_MAXINT64, 100, &error);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) single = NULL;
  g_autoptr(GArray) window = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 3);
  g_assert_cmpuint (months->len, ==, 4);
  for (guint i = 0; i < months->len; i++)
    {
      TractIcalOccurrence *o = &g_array_index (months, TractIcalOccurrence, i);

      /* One day, not libical's 1 day 23:59:59. */
      g_assert_cmpint (o->end_utc - o->start_utc, ==, 86400);
    }
  g_assert_cmpint (g_array_index (months, TractIcalOccurrence, 2).start_utc, ==, utc (2021, 4, 18, 0));

  days = tract_ical_event_occurrences (daily, 0, G_MAXINT64, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 8);
  /* 09:00 in New York: 14:00 UTC before the change of 14 March, 13:00 after. */
  g_assert_cmpint (g_array_index (days, TractIcalOccurrence, 0).start_utc, ==, utc (2021, 3, 8, 14));
  g_assert_cmpint (g_array_index (days, TractIcalOccurrence, 7).start_utc, ==, utc (2021, 3, 16, 13));
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpint (g_array_index (days, TractIcalOccurrence, i).end_utc
                     - g_array_index (days, TractIcalOccurrence, i).start_utc, ==, 3600);

  window = tract_ical_event_occurrences (daily, utc (2021, 3, 10, 0), utc (2021, 3, 14, 0), 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (window->len, ==, 3); /* 10, 11 and 13; the 12th is an exception */

  single = tract_ical_event_occurrences (once, 0, G_MAXINT64, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_cmpint (g_array_index (single, TractIcalOccurrence, 0).start_utc, ==, utc (2021, 5, 1, 12));
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
} CancelAt;

static void
on_progress (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  CancelAt *cancel = user_data;

  if (tract_ical_importer_get_progress (TRACT_ICAL_IMPORTER (object)) > cancel->at)
    g_cancellable_cancel (cancel->cancellable);
}

static char *
dump_events (TractStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tract_store_select (store, TRACT_TYPE_EVENT, NULL, 0, "id", &error);
  g_autoptr(GString) dump = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (dump, "%s|%s|%s|%" G_GINT64_FORMAT "|%s\n",
                            text_of (events->pdata[i], "uid"), text_of (events->pdata[i], "title"),
                            text_of (events->pdata[i], "start_local"),
                            tract_event_get_sequence (events->pdata[i]), text_of (events->pdata[i], "modified_utc"));
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Rule 7: one transaction; a failed or cancelled file changes nothing. */
static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (fixture->store, fixture->campaign_id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(TractEvent) kept = io_add_timed (fixture, "Kept as it was", "2021-05-01T10:00",
                                             "2021-05-01T11:00", "Europe/Paris");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:bulk-%u\r\nDTSTART:20210501T120000Z\r\n"
                                  "SUMMARY:Bulk %u\r\nEND:VEVENT\r\n", i, i);
  g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20210601T120000Z\r\nSEQUENCE:5\r\n"
                                "SUMMARY:Changed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", tract_event_get_uid (kept));
  bytes = g_bytes_new (text->str, text->len);
  before = dump_events (fixture->store);

  /* Cancelled while the events are stored (some are already written),
   * then while they are indexed (all of them are). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      CancelAt cancel = { cancellable, i == 0 ? 0.5 : 0.91 };

      g_signal_connect (importer, "notify::progress", G_CALLBACK (on_progress), &cancel);
      report = tract_ical_importer_import_bytes (importer, bytes, "bulk.ics", cancellable, &error);
      g_signal_handlers_disconnect_by_func (importer, on_progress, &cancel);
      g_assert_null (report);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (tract_ical_importer_get_progress (importer), <, 0.95);
      after = dump_events (fixture->store);
      g_assert_cmpstr (before, ==, after);
      g_clear_error (&error);
      g_clear_pointer (&after, g_free);
    }

  /* Without the cancel: every event, and the known UID updated in place. */
  report = tract_ical_importer_import_bytes (importer, bytes, "bulk.ics", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 2000);
  g_assert_cmpuint (tract_ical_report_get_n_updated (report), ==, 1);
  {
    g_autoptr(TractEvent) updated = find (fixture, tract_event_get_uid (kept));

    g_assert_cmpint (tract_record_get_id (TRACT_RECORD (updated)), ==, tract_record_get_id (TRACT_RECORD (kept)));
    g_assert_cmpstr (tract_event_get_title (updated), ==, "Changed");
    g_assert_cmpint (tract_event_get_sequence (updated), ==, 5);
  }
}

static guint
n_found (TractRecordList *list,
         const char      *search)
{
  tract_record_list_set_search (list, search);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The main file's bytes once every committed change is in it. */
static char *
checkpointed_checksum (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (sqlite3_exec (tract_store_get_connection (fixture->store), "PRAGMA wal_checkpoint(TRUNCATE)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The search index and the agenda's occurrences are written once, at the
 * end of an import (tract-event-bulk.c): what they hold afterwards must be
 * what row-by-row triggers would have written, and a cancelled import
 * must not leave them, nor the triggers, changed. */
static void
test_search_and_agenda (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char calendar[] = CALENDAR (
    "BEGIN:VEVENT\r\nUID:rally\r\nDTSTART;TZID=Europe/Paris:20210320T140000\r\n"
    "DTEND;TZID=Europe/Paris:20210320T160000\r\nSUMMARY:Rassemblement place de la République\r\n"
    "LOCATION:Paris\r\nDESCRIPTION:Banderoles et sono\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:weekend\r\nDTSTART;VALUE=DATE:20210529\r\nDTEND;VALUE=DATE:20210531\r\n"
    "SUMMARY:Week-end de célébration\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART;TZID=Europe/Paris:20210401T180000\r\n"
    "DTEND;TZID=Europe/Paris:20210401T200000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
    "EXDATE;TZID=Europe/Paris:20210415T180000\r\nSUMMARY:Permanence hebdomadaire\r\n"
    "LOCATION:Bourse du travail\r\nEND:VEVENT\r\n");
  g_autoptr(TractEvent) before = io_add_timed (fixture, "Réunion existante", "2021-03-10T18:00",
                                               "2021-03-10T20:00", "Europe/Paris");
  g_autoptr(TractRecordList) list = tract_record_list_new (fixture->store, TRACT_TYPE_EVENT, "campaign_id",
                                                           fixture->campaign_id, "start_utc");
  TractAgendaFilter filter = { .campaign_id = fixture->campaign_id };
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = tract_store_get_connection (fixture->store);
  gboolean changed = FALSE;

  /* The agenda as it is before: from now on, only the series marked stale
   * are expanded again. */
  g_assert_true (tract_agenda_query_sync (fixture->store, &changed, &error));
  g_assert_no_error (error);

  /* A cancelled import of the same events: nothing of it stays, byte for byte. */
  {
    g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (fixture->store, fixture->campaign_id);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    CancelAt cancel = { cancellable, 0.5 };
    g_autoptr(GString) big = g_string_new ("BEGIN:VCALENDAR\r\n");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *checksum = checkpointed_checksum (fixture);
    g_autofree char *after = NULL;

    for (guint i = 0; i < 500; i++)
      g_string_append_printf (big, "BEGIN:VEVENT\r\nUID:cancelled-%u\r\nDTSTART:20210501T120000Z\r\n"
                                   "SUMMARY:Annulé %u\r\nEND:VEVENT\r\n", i, i);
    g_string_append (big, calendar + strlen ("BEGIN:VCALENDAR\r\n"));
    bytes = g_bytes_new (big->str, big->len);
    g_signal_connect (importer, "notify::progress", G_CALLBACK (on_progress), &cancel);
    g_assert_null (tract_ical_importer_import_bytes (importer, bytes, "cancelled.ics", cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    after = checkpointed_checksum (fixture);
    g_assert_cmpstr (checksum, ==, after);
  }

  report = import_ok (fixture, calendar);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 3);

  /* Search, by title, place and description, accents folded; the event
   * that was there before is still found. */
  g_assert_cmpuint (n_found (list, "republique"), ==, 1);
  g_assert_cmpuint (n_found (list, "sono"), ==, 1);
  g_assert_cmpuint (n_found (list, "celebration"), ==, 1);
  g_assert_cmpuint (n_found (list, "Bourse trav"), ==, 1);
  g_assert_cmpuint (n_found (list, "existante"), ==, 1);
  g_assert_cmpuint (n_found (list, "annulé"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* The agenda: one occurrence each, and three of the weekly series (its
   * third week excluded), once the series are expanded. */
  g_assert_true (tract_agenda_query_sync (fixture->store, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (tract_agenda_query_count (fixture->store, &filter), ==, 6);
  g_assert_cmpuint (tract_agenda_query_days_with_events (fixture->store, &filter, 2021, 3, &error),
                    ==, (1u << 10) | (1u << 20));
  g_assert_cmpuint (tract_agenda_query_days_with_events (fixture->store, &filter, 2021, 4, &error),
                    ==, (1u << 1) | (1u << 8) | (1u << 22));
  g_assert_cmpuint (tract_agenda_query_days_with_events (fixture->store, &filter, 2021, 5, &error),
                    ==, (1u << 29) | (1u << 30));
  g_assert_no_error (error);
  filter.search = "permanence";
  g_assert_cmpuint (tract_agenda_query_count (fixture->store, &filter), ==, 3);

  /* After the import, the triggers keep both up to date row by row again. */
  {
    g_autoptr(TractEvent) weekly = find (fixture, "weekly");
    g_autoptr(TractEvent) later = io_add_timed (fixture, "Assemblée générale", "2021-06-05T10:00",
                                                "2021-06-05T12:00", "Europe/Paris");

    tract_record_set_text (TRACT_RECORD (weekly), "rrule", "FREQ=WEEKLY;COUNT=2");
    tract_record_set_text (TRACT_RECORD (weekly), "title", "Permanence mensuelle");
    g_assert_true (tract_store_update (fixture->store, TRACT_RECORD (weekly), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_found (list, "assemblee"), ==, 1);
    g_assert_cmpuint (n_found (list, "hebdomadaire"), ==, 0);
    g_assert_cmpuint (n_found (list, "mensuelle"), ==, 1);
    g_assert_true (tract_agenda_query_sync (fixture->store, &changed, &error));
    g_assert_no_error (error);
    filter.search = NULL;
    g_assert_cmpuint (tract_agenda_query_count (fixture->store, &filter), ==, 6);
  }
}

/* Rule 7: merge by UID, never into another campaign, never with an older copy. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TractEvent) event = io_add_timed (fixture, "Original", "2021-05-01T10:00", "2021-05-01T11:00",
                                              "Europe/Paris");
  g_autoptr(TractCampaign) other = tract_campaign_new ("Other campaign");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractIcalReport) older = NULL;
  g_autoptr(TractIcalReport) elsewhere = NULL;
  g_autoptr(TractIcalReport) same = NULL;
  g_autofree char *file = NULL;
  g_autofree char *exported = NULL;

  tract_record_set_text (TRACT_RECORD (event), "private_notes", "Keep me");
  tract_record_set_text (TRACT_RECORD (event), "title", "Edited twice");
  tract_store_update (fixture->store, TRACT_RECORD (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_event_get_sequence (event), ==, 1);

  file = g_strdup_printf (CALENDAR ("BEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:0\r\nDTSTART:20210501T080000Z\r\n"
                                    "SUMMARY:Stale copy\r\nEND:VEVENT\r\n"), tract_event_get_uid (event));
  older = import_ok (fixture, file);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (older), ==, 1);
  g_assert_true (report_mentions (older, "older"));

  tract_store_insert (fixture->store, TRACT_RECORD (other), &error);
  g_assert_no_error (error);
  elsewhere = io_import (fixture->store, tract_record_get_id (TRACT_RECORD (other)), file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (elsewhere), ==, 1);
  g_assert_true (report_mentions (elsewhere, "another campaign"));

  /* Our own export comes back unchanged, private notes untouched. */
  exported = io_export (fixture->store, fixture->campaign_id);
  same = import_ok (fixture, exported);
  g_assert_cmpuint (tract_ical_report_get_n_unchanged (same), ==, 1);
  {
    g_autoptr(TractEvent) again = find (fixture, tract_event_get_uid (event));

    g_assert_cmpstr (text_of (again, "private_notes"), ==, "Keep me");
    g_assert_cmpstr (tract_event_get_title (again), ==, "Edited twice");
  }
}

/* A GTask drops its last reference from the worker thread, a moment
 * after the callback ran: wait for it before the store is checked. */
static void
wait_for_finalize (GObject **object)
{
  gpointer weak = *object;

  g_object_add_weak_pointer (weak, &weak);
  g_clear_object (object);
  while (weak != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TractIcalReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = tract_ical_importer_import_file_finish (TRACT_ICAL_IMPORTER (source), result, &error);
  g_assert_no_error (error);
}

static void
on_reset (TractStore *store,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The window's path: a thread, its own connection, then the lists told. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (fixture->store, fixture->campaign_id);
  g_autofree char *path = g_build_filename (fixture->directory, "in.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\n");
  g_autoptr(TractRecordList) list = tract_record_list_new (fixture->store, TRACT_TYPE_EVENT, "campaign_id",
                                                           fixture->campaign_id, "start_utc");
  TractIcalReport *report = NULL;
  guint n_resets = 0;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:async-%u\r\nDTSTART;VALUE=DATE:20210501\r\n"
                                  "SUMMARY:Async %u\r\nEND:VEVENT\r\n", i, i);
  g_string_append (text, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (fixture->store, "table-reset::event", G_CALLBACK (on_reset), &n_resets);

  tract_ical_importer_import_file_async (importer, file, NULL, on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 500);
  g_assert_cmpuint (n_resets, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 500);

  /* The search index, brought up to date once at the end of the import,
   * finds the new events, and keeps following inserts and edits after it. */
  tract_record_list_set_search (list, "Async 499");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(TractEvent) later = io_add_timed (fixture, "Zanzibar meeting", "2021-05-02T10:00",
                                                "2021-05-02T11:00", "Europe/Paris");
    g_autoptr(TractEvent) edited = find (fixture, "async-7");
    g_autoptr(GError) error = NULL;

    tract_record_set_text (TRACT_RECORD (edited), "title", "Quetzal assembly");
    tract_store_update (fixture->store, TRACT_RECORD (edited), &error);
    g_assert_no_error (error);
    tract_record_list_set_search (list, "Zanzibar");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    tract_record_list_set_search (list, "Quetzal");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
  g_object_unref (report);
  g_signal_handlers_disconnect_by_func (fixture->store, on_reset, &n_resets);
  g_remove (path);
  wait_for_finalize ((GObject **) &importer);
}

/* The report of a file whose messages come from both of the import's
 * threads, over many batches: notes and skips of the parsing thread (an
 * unknown zone, a repeated UID, a VTODO) and of the storing one (an older
 * copy of a stored event), in the file's order, line by line. */
typedef struct
{
  guint                line;
  TractIcalMessageKind kind;
  const char          *needle;
} Expected;

static void
test_messages_in_file_order (Fixture       *fixture,
                             gconstpointer  data)
{
  enum { N_BLOCKS = 6, BLOCK = 500 };
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TractIcalReport) report = NULL;
  guint line = 3;

  for (guint b = 0; b < N_BLOCKS * 2; b++)
    {
      g_autoptr(GError) error = NULL;
      TractEvent *event = io_add_timed (fixture, "Stored", "2021-05-01T10:00", "2021-05-01T11:00", "Europe/Paris");

      /* SEQUENCE 1: the file's SEQUENCE 0 is an older copy. */
      tract_record_set_text (TRACT_RECORD (event), "title", "Stored, edited");
      g_assert_true (tract_store_update (fixture->store, TRACT_RECORD (event), &error));
      g_assert_no_error (error);
      g_ptr_array_add (stored, event);
    }

#define ADD(kind, needle) \
  g_array_append_val (expected, ((Expected) { line, kind, needle }))
  for (guint b = 0; b < N_BLOCKS; b++)
    for (guint i = 0; i < BLOCK; i++)
      {
        g_autofree char *uid = g_strdup_printf ("order-%u-%u", b, i);
        g_autofree char *start = g_strdup ("DTSTART:20210501T120000Z");

        if (i == 100)
          {
            g_free (start);
            start = g_strdup_printf ("DTSTART;TZID=Nowhere/Zone-%u:20210501T120000", b);
            ADD (TRACT_ICAL_MESSAGE_NOTE, "is unknown and the file does not define it");
          }
        else if (i == 200 || i == 450)
          {
            g_free (uid);
            uid = g_strdup (tract_event_get_uid (stored->pdata[b * 2 + (i == 450)]));
            ADD (TRACT_ICAL_MESSAGE_SKIPPED, "is older than the event in the database");
          }
        else if (i == 300)
          {
            g_free (uid);
            uid = g_strdup_printf ("order-%u-0", b);
            ADD (TRACT_ICAL_MESSAGE_SKIPPED, "has the same UID as the event at line");
          }
        else if (i == 400)
          {
            ADD (TRACT_ICAL_MESSAGE_SKIPPED, "is not an event");
            g_string_append (text, "BEGIN:VTODO\r\nUID:todo\r\nSUMMARY:Chores\r\nEND:VTODO\r\n");
            line += 4;
          }
        g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:0\r\n%s\r\n"
                                      "SUMMARY:Event %u of block %u\r\nEND:VEVENT\r\n", uid, start, i, b);
        line += 6;
      }
#undef ADD
  g_string_append (text, "END:VCALENDAR\r\n");

  report = import_ok (fixture, text->str);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, N_BLOCKS * (BLOCK - 3));
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, N_BLOCKS * 4);
  g_assert_cmpuint (tract_ical_report_get_n_messages (report), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const Expected *want = &g_array_index (expected, Expected, i);
      const char *message = tract_ical_report_get_message_text (report, i);

      if (strstr (message, want->needle) == NULL)
        g_error ("message %u: “%s” does not say “%s”", i, message, want->needle);
      g_assert_cmpuint (tract_ical_report_get_message_line (report, i), ==, want->line);
      g_assert_cmpint (tract_ical_report_get_message_kind (report, i), ==, want->kind);
    }
}

/* tract_ical_report_merge(): what one report written in the file's order
 * would hold, up to its limit on messages. */
static void
test_report_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractIcalReport) report = tract_ical_report_new ("merge.ics");
  g_autoptr(TractIcalReport) other = tract_ical_report_new ("merge.ics");
  static const guint mine[] = { 7, 7, 9, 30 };
  static const guint theirs[] = { 2, 7, 9, 9, 40 };
  static const char * const order[] = { "first", "t2", "t7", "m7a", "m7b", "t9a", "t9b", "m9", "m30", "t40" };
  g_autoptr(TractIcalReport) full = NULL;
  g_autoptr(TractIcalReport) more = NULL;

  /* Before the merged part: a note of the first pass, about a later line. */
  tract_ical_report_add (report, TRACT_ICAL_MESSAGE_NOTE, 50, NULL, "first");
  tract_ical_report_add (report, TRACT_ICAL_MESSAGE_SKIPPED, mine[0], "a", "m7a");
  tract_ical_report_add (report, TRACT_ICAL_MESSAGE_SKIPPED, mine[1], "b", "m7b");
  tract_ical_report_add (report, TRACT_ICAL_MESSAGE_SKIPPED, mine[2], NULL, "m9");
  tract_ical_report_add (report, TRACT_ICAL_MESSAGE_NOTE, mine[3], NULL, "m30");
  tract_ical_report_add (other, TRACT_ICAL_MESSAGE_NOTE, theirs[0], NULL, "t2");
  tract_ical_report_add (other, TRACT_ICAL_MESSAGE_SKIPPED, theirs[1], "c", "t7");
  tract_ical_report_add (other, TRACT_ICAL_MESSAGE_NOTE, theirs[2], NULL, "t9a");
  tract_ical_report_add (other, TRACT_ICAL_MESSAGE_NOTE, theirs[3], NULL, "t9b");
  tract_ical_report_add (other, TRACT_ICAL_MESSAGE_SKIPPED, theirs[4], NULL, "t40");
  tract_ical_report_add_parse_errors (other, 3);
  tract_ical_report_count (report, 5, 1, 2);

  tract_ical_report_merge (report, 1, other);
  g_assert_cmpuint (tract_ical_report_get_n_messages (report), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (tract_ical_report_get_message_text (report, i), ==, order[i]);
  g_assert_cmpstr (tract_ical_report_get_message_uid (report, 2), ==, "c");
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, 3 + 2);
  g_assert_cmpuint (tract_ical_report_get_n_parse_errors (report), ==, 3);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, 5);
  g_assert_cmpuint (tract_ical_report_get_n_messages (other), ==, 0);

  /* Nothing in either: nothing to move, and no message's address taken. */
  {
    g_autoptr(TractIcalReport) empty = tract_ical_report_new ("empty.ics");
    g_autoptr(TractIcalReport) none = tract_ical_report_new ("empty.ics");

    tract_ical_report_merge (empty, 0, none);
    g_assert_cmpuint (tract_ical_report_get_n_messages (empty), ==, 0);
  }

  /* Past the limit, the first messages by line are kept, whichever report
   * held them, and the others are counted. */
  full = tract_ical_report_new ("full.ics");
  more = tract_ical_report_new ("full.ics");
  for (guint i = 0; i < 4000; i++)
    {
      tract_ical_report_add (full, TRACT_ICAL_MESSAGE_SKIPPED, 2 * i + 1, NULL, "odd %u", 2 * i + 1);
      tract_ical_report_add (more, TRACT_ICAL_MESSAGE_SKIPPED, 2 * i + 2, NULL, "even %u", 2 * i + 2);
    }
  tract_ical_report_merge (full, 0, more);
  g_assert_cmpuint (tract_ical_report_get_n_messages (full), ==, 5000);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (full), ==, 8000);
  for (guint i = 0; i < 5000; i++)
    g_assert_cmpuint (tract_ical_report_get_message_line (full, i), ==, i + 1);
  {
    g_autofree char *summary = tract_ical_report_to_text (full);

    g_assert_nonnull (strstr (summary, "3000 more"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  TEST ("rule-1-encoding", test_encoding);
  TEST ("rule-2-bare-vevent", test_bare_vevent);
  TEST ("rule-3-parse-errors", test_parse_errors);
  TEST ("rule-4-end", test_end_rules);
  TEST ("rule-5-zones", test_zones);
  TEST ("rule-5-dst-gap", test_dst_gap);
  TEST ("rule-6-recurrence", test_recurrence);
  TEST ("rule-6-occurrences", test_occurrences);
  TEST ("rule-6-changed-occurrences", test_changed_occurrences);
  TEST ("rule-6-changed-occurrences-of-the-campaign", test_changed_occurrences_of_the_campaign);
  TEST ("rule-7-all-or-nothing", test_all_or_nothing);
  TEST ("rule-7-merge", test_merge);
  TEST ("search-and-agenda", test_search_and_agenda);
  TEST ("async", test_async);
  TEST ("messages-in-file-order", test_messages_in_file_order);
  TEST ("report-merge", test_report_merge);

  return g_test_run ();
}
