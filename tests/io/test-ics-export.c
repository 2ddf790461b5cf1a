/* test-ics-export.c — one test per export rule of ICALENDAR.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-event-organization.h"
#include "tract-ical-export.h"
#include "tract-ical-writer.h"
#include "tract-organization.h"

typedef IoFixture Fixture;

#define TEST(name, func) \
  g_test_add ("/ics/export/" name, Fixture, NULL, io_fixture_setup, func, io_fixture_teardown)

static char *
export_edges (Fixture *fixture)
{
  io_add_edge_cases (fixture->store, fixture->campaign_id);
  return io_export (fixture->store, fixture->campaign_id);
}

static const char *
event_property_text (icalcomponent     *calendar,
                     const char        *uid,
                     icalproperty_kind  kind)
{
  icalcomponent *event = io_find_event (calendar, uid);
  icalproperty *property;

  g_assert_nonnull (event);
  property = icalcomponent_get_first_property (event, kind);
  return property != NULL ? icalproperty_get_value_as_string (property) : NULL;
}

/* Rule 1 */
static void
test_crlf (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  gsize length = strlen (text);

  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_false (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        g_assert_true (i > 0 && text[i - 1] == '\r');
      if (text[i] == '\r')
        g_assert_true (i + 1 < length && text[i + 1] == '\n');
    }
}

/* Rule 2 */
static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar;
  g_autoptr(TractEvent) event = NULL;

  for (guint i = 0; i < 90; i++)
    g_string_append (title, i % 3 == 2 ? "👩‍👩‍👧" : "é");
  event = io_add_timed (fixture, title->str, "2021-05-01T10:00", "2021-05-01T11:00", "Europe/Paris");
  text = io_export (fixture->store, fixture->campaign_id);

  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* Each physical line is whole UTF-8: no character is cut in two. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  calendar = io_parse (text);
  g_assert_cmpstr (icalcomponent_get_summary (io_find_event (calendar, NULL)), ==, title->str);
  icalcomponent_free (calendar);
}

/* Rules 3 and 6 */
static void
test_calendar_properties (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);

  g_assert_cmpuint (io_count_lines (text, "VERSION:"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "VERSION:2.0"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "PRODID:"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "NAME:Commune\\, 150\\; ans"), ==, 1);
  /* X-WR-CALNAME is not escaped by libical 3.0.16: keep it free of , and ; */
  g_assert_cmpuint (io_count_lines (text, "X-WR-CALNAME:Commune 150 ans"), ==, 1);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  icalcomponent_free (calendar);
}

/* Rule 4 */
static void
test_event_properties (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);
  guint n_events = 0;

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      static const icalproperty_kind once[] = {
        ICAL_UID_PROPERTY, ICAL_DTSTAMP_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
        ICAL_SUMMARY_PROPERTY, ICAL_SEQUENCE_PROPERTY, ICAL_CREATED_PROPERTY,
        ICAL_LASTMODIFIED_PROPERTY, ICAL_STATUS_PROPERTY,
      };
      enum icalproperty_status status = icalcomponent_get_status (event);

      /* libical's icalrestriction_check does not catch a missing UID or DTSTAMP. */
      for (guint i = 0; i < G_N_ELEMENTS (once); i++)
        g_assert_cmpint (icalcomponent_count_properties (event, once[i]), ==, 1);
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstamp (event)));
      g_assert_true (icaltime_is_utc (icalproperty_get_created (
        icalcomponent_get_first_property (event, ICAL_CREATED_PROPERTY))));
      g_assert_true (icaltime_is_utc (icalproperty_get_lastmodified (
        icalcomponent_get_first_property (event, ICAL_LASTMODIFIED_PROPERTY))));
      g_assert_true (status == ICAL_STATUS_TENTATIVE || status == ICAL_STATUS_CONFIRMED
                     || status == ICAL_STATUS_CANCELLED);
      n_events++;
    }
  g_assert_cmpuint (n_events, ==, 20);
  g_assert_cmpint (icalcomponent_get_status (io_find_event (calendar, "edge-multi-day@tract")), ==,
                   ICAL_STATUS_TENTATIVE);
  g_assert_cmpint (icalcomponent_get_status (io_find_event (calendar, "edge-paris-fall-back@tract")), ==,
                   ICAL_STATUS_CANCELLED);
  icalcomponent_free (calendar);
}

/* Rule 4: a stable UID, SEQUENCE incremented on each visible change. */
static void
test_uid_and_sequence (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TractEvent) event = io_add_timed (fixture, "Before", "2021-05-01T10:00", "2021-05-01T11:00",
                                              "Europe/Paris");
  g_autofree char *uid = g_strdup (tract_event_get_uid (event));
  g_autofree char *first = io_export (fixture->store, fixture->campaign_id);
  g_autofree char *second = NULL;
  g_autofree char *uid_line = g_strdup_printf ("UID:%s", uid);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (io_count_lines (first, uid_line), ==, 1);
  g_assert_cmpuint (io_count_lines (first, "SEQUENCE:0"), ==, 1);

  tract_record_set_text (TRACT_RECORD (event), "title", "After");
  tract_store_update (fixture->store, TRACT_RECORD (event), &error);
  g_assert_no_error (error);
  second = io_export (fixture->store, fixture->campaign_id);
  g_assert_cmpuint (io_count_lines (second, uid_line), ==, 1);
  g_assert_cmpuint (io_count_lines (second, "SEQUENCE:1"), ==, 1);
  g_assert_cmpuint (io_count_lines (second, "SUMMARY:After"), ==, 1);
}

/* Rule 5 */
static void
test_text_escaping (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  g_auto(GStrv) lines = io_unfold (text);
  icalcomponent *calendar = io_parse (text);
  icalcomponent *event = io_find_event (calendar, "edge-punctuation@tract");
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "SUMMARY:Commas"))
      {
        g_assert_cmpstr (lines[i], ==, "SUMMARY:Commas\\, semicolons\\; backslash \\\\ and\\nnewline");
        found = TRUE;
      }
  g_assert_true (found);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Commas, semicolons; backslash \\ and\nnewline");
  g_assert_cmpstr (icalcomponent_get_description (event), ==,
                   "Line 1\nLine 2; with, punctuation \\ end\nCRLF line\n\n\nTabs\tkept");
  /* Control bytes are stripped, not passed through as libical would. */
  event = io_find_event (calendar, "edge-control@tract");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Bell and [31mred text");
  g_assert_cmpstr (icalcomponent_get_description (event), ==, "Null bytes");
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\r' || *p == '\n' || *p == '\t');
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  icalcomponent_free (calendar);
}

/* Rule 7 */
static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);
  icalcomponent *event = io_find_event (calendar, "edge-kolkata@tract");

  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_CATEGORIES_PROPERTY), ==, 1);
  g_assert_cmpstr (event_property_text (calendar, "edge-kolkata@tract", ICAL_CATEGORIES_PROPERTY), ==, "Panel");
  /* "other" is no category at all. */
  g_assert_cmpint (icalcomponent_count_properties (io_find_event (calendar, "edge-utc@tract"),
                                                   ICAL_CATEGORIES_PROPERTY), ==, 0);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *category = icalcomponent_get_first_property (e, ICAL_CATEGORIES_PROPERTY);

      if (category != NULL)
        g_assert_null (strchr (icalproperty_get_categories (category), ','));
    }
  icalcomponent_free (calendar);
}

/* Rule 8 */
static void
test_parameters (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  TractIcalWriter writer;
  g_autoptr(GError) error = NULL;
  const char *written;

  tract_ical_writer_init (&writer, output, NULL);
  tract_ical_writer_begin (&writer, "X-TEST");
  tract_ical_writer_param (&writer, "CN", "Caret ^ and \"quotes\"; semi, comma: colon\nline");
  tract_ical_writer_raw (&writer, ":value", -1);
  tract_ical_writer_end (&writer);
  g_assert_true (tract_ical_writer_flush (&writer, &error));
  g_assert_no_error (error);
  tract_ical_writer_clear (&writer);
  g_output_stream_write_all (output, "", 1, NULL, NULL, NULL);
  written = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output));
  g_assert_cmpstr (written, ==, "X-TEST;CN=\"Caret  and quotes; semi, comma: colon line\":value\r\n");
}

/* Rule 9 */
static void
test_all_day (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);
  icalcomponent *event = io_find_event (calendar, "edge-multi-day@tract");
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);

  g_assert_true (start.is_date && end.is_date);
  g_assert_cmpstr (icaltime_as_ical_string (start), ==, "20210529");
  /* 29–30 May: DTEND is the day after the last one. */
  g_assert_cmpstr (icaltime_as_ical_string (end), ==, "20210531");
  g_assert_cmpuint (io_count_lines (text, "DTSTART;VALUE=DATE:20210529"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "DTEND;VALUE=DATE:20210531"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "DTEND;VALUE=DATE:20210509"), ==, 1);

  /* Midnight to midnight stays timed: all-day is never inferred. */
  event = io_find_event (calendar, "edge-midnight@tract");
  g_assert_false (icalcomponent_get_dtstart (event).is_date);
  g_assert_false (icalcomponent_get_dtend (event).is_date);
  icalcomponent_free (calendar);
}

/* Rules 10 and 11 */
static void
test_time_zones (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  g_auto(GStrv) lines = io_unfold (text);
  g_autoptr(GHashTable) tzids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean in_vtimezone = FALSE;
  gsize vtimezone_start = 0;

  g_assert_null (strstr (text, "freeassociation"));
  g_assert_null (strstr (text, "X-LIC-LOCATION"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_equal (line, "BEGIN:VTIMEZONE"))
        {
          in_vtimezone = TRUE;
          vtimezone_start = i;
        }
      else if (g_str_equal (line, "END:VTIMEZONE"))
        {
          /* Small: a few observances, not a century of them. */
          g_assert_cmpuint (i - vtimezone_start, <, 60);
          in_vtimezone = FALSE;
        }
      else if (in_vtimezone && g_str_has_prefix (line, "TZID:"))
        {
          g_assert_false (g_hash_table_contains (tzids, line + 5));
          g_hash_table_add (tzids, g_strdup (line + 5));
        }
      else if (in_vtimezone && g_str_has_prefix (line, "DTSTART:") && !g_hash_table_contains (tzids, "UTC"))
        /* Truncated at the first year used (in UTC, so local times may show the eve). */
        g_assert_cmpstr (line + 8, >=, "20201231");
      else if (in_vtimezone && g_str_has_prefix (line, "TZOFFSET"))
        g_assert_cmpuint (strlen (strchr (line, ':') + 1), ==, 5); /* no seconds: +000921 */
      else if (!in_vtimezone && (g_str_has_prefix (line, "DTSTART") || g_str_has_prefix (line, "DTEND")
                                 || g_str_has_prefix (line, "EXDATE")))
        {
          const char *tzid = strstr (line, ";TZID=");

          /* Never floating: a TZID, a DATE, or UTC. */
          if (tzid != NULL)
            {
              g_autofree char *name = g_strndup (tzid + 6, strcspn (tzid + 6, ":;"));

              g_hash_table_add (used, g_steal_pointer (&name));
            }
          else
            g_assert_true (strstr (line, "VALUE=DATE") != NULL || g_str_has_suffix (line, "Z"));
        }
    }
  /* Exactly one VTIMEZONE per TZID used. */
  g_assert_cmpuint (g_hash_table_size (tzids), ==, g_hash_table_size (used));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, used);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_true (g_hash_table_contains (tzids, key));
  }
  g_assert_true (g_hash_table_contains (tzids, "Europe/Paris"));
  g_assert_true (g_hash_table_contains (tzids, "America/New_York"));
  g_assert_true (g_hash_table_contains (tzids, "Australia/Lord_Howe"));
  g_assert_true (g_hash_table_contains (tzids, "UTC"));
  g_assert_cmpuint (io_count_lines (text, "DTSTART;TZID=Europe/Paris:20210601T180000"), ==, 1);
}

/* Rule 12: the model refuses a wall-clock time that does not exist or happens twice. */
static void
test_dst_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractEvent) gap = tract_event_new_timed (fixture->campaign_id, "Gap", "2021-03-28T02:30",
                                                     "2021-03-28T04:00", "Europe/Paris");
  g_autoptr(TractEvent) overlap = tract_event_new_timed (fixture->campaign_id, "Overlap", "2021-10-31T02:30",
                                                         "2021-10-31T04:00", "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_assert_false (tract_store_insert (fixture->store, TRACT_RECORD (gap), &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "start_local");
  g_clear_error (&error);
  g_assert_false (tract_store_insert (fixture->store, TRACT_RECORD (overlap), &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "start_local");
}

/* Rule 13 */
static void
test_recurrence (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);
  icalcomponent *event;
  struct icalrecurrencetype recur;

  /* Zoned start: UNTIL in UTC, EXDATE in the start's zone. */
  event = io_find_event (calendar, "edge-daily-local-until@tract");
  recur = icalproperty_get_rrule (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));
  g_assert_true (icaltime_is_utc (recur.until));
  /* 09:00 in New York on 16 March 2021 (EDT, UTC−4) */
  g_assert_cmpstr (icaltime_as_ical_string (recur.until), ==, "20210316T130000Z");
  g_assert_cmpuint (io_count_lines (text, "EXDATE;TZID=America/New_York:20210312T090000"), ==, 1);
  g_assert_cmpuint (io_count_lines (text, "EXDATE;TZID=Europe/Paris:20210508T140000,20210515T140000"), ==, 1);

  /* All-day start: UNTIL and EXDATE are DATEs. */
  event = io_find_event (calendar, "edge-yearly-all-day-until@tract");
  recur = icalproperty_get_rrule (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));
  g_assert_true (recur.until.is_date);
  g_assert_cmpstr (icaltime_as_ical_string (recur.until), ==, "20250318");
  g_assert_cmpuint (io_count_lines (text, "EXDATE;VALUE=DATE:20210318"), ==, 1);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  icalcomponent_free (calendar);
}

static void
add_organizer (Fixture    *fixture,
               TractEvent *event,
               const char *name,
               const char *acronym,
               const char *role)
{
  g_autoptr(TractOrganization) organization = tract_organization_new (name, acronym);
  g_autoptr(TractEventOrganization) link = NULL;
  g_autoptr(GError) error = NULL;

  tract_store_insert (fixture->store, TRACT_RECORD (organization), &error);
  g_assert_no_error (error);
  link = tract_event_organization_new (tract_record_get_id (TRACT_RECORD (event)),
                                       tract_record_get_id (TRACT_RECORD (organization)), role);
  tract_store_insert (fixture->store, TRACT_RECORD (link), &error);
  g_assert_no_error (error);
}

/* Rule 14 */
static void
test_no_organizer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractEvent) event = io_add_timed (fixture, "Rally", "2021-03-20T14:00", "2021-03-20T17:00",
                                              "Europe/Paris");
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  add_organizer (fixture, event, "Unité Communiste", "UC", "organizer");
  add_organizer (fixture, event, "Comite Solidarité Pérou", "CSP", "speaker");
  text = io_export (fixture->store, fixture->campaign_id);
  g_assert_cmpuint (io_count_lines (text, "METHOD:PUBLISH"), ==, 1);
  g_assert_null (strstr (text, "ORGANIZER"));
  g_assert_null (strstr (text, "ATTENDEE"));
  calendar = io_parse (text);
  g_assert_cmpstr (icalcomponent_get_description (io_find_event (calendar, NULL)), ==,
                   "Organizers: Unité Communiste (UC)\nSpeakers: Comite Solidarité Pérou (CSP)");
  icalcomponent_free (calendar);
}

/* Rule 15 */
static void
test_geo_and_url (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);
  icalcomponent *calendar = io_parse (text);
  struct icalgeotype geo;
  icalcomponent *event = io_find_event (calendar, "edge-sydney@tract");

  g_assert_cmpuint (io_count_lines (text, "GEO:-33.8688;151.2093"), ==, 1);
  geo = icalproperty_get_geo (icalcomponent_get_first_property (event, ICAL_GEO_PROPERTY));
  g_assert_cmpfloat_with_epsilon (geo.lat, -33.8688, 1e-9);
  g_assert_cmpfloat_with_epsilon (geo.lon, 151.2093, 1e-9);
  g_assert_cmpstr (event_property_text (calendar, "edge-multi-day-timed@tract", ICAL_URL_PROPERTY), ==,
                   "https://example.org/agenda?a=1&b=2");
  /* No coordinates, no GEO. */
  g_assert_cmpint (icalcomponent_count_properties (io_find_event (calendar, "edge-utc@tract"),
                                                   ICAL_GEO_PROPERTY), ==, 0);
  icalcomponent_free (calendar);
}

/* Rules 16 and 17 */
static void
test_no_alarm_no_private_notes (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *text = export_edges (fixture);

  g_assert_null (strstr (text, "VALARM"));
  g_assert_null (strstr (text, "PRIVATE-NOTE"));
}

/* The whole file, read by libical again. */
static void
test_libical_reads_back (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) demo = tract_demo_add (fixture->store, &error);
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  g_assert_no_error (error);
  text = io_export (fixture->store, tract_record_get_id (TRACT_RECORD (demo)));
  calendar = io_parse (text);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 6);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  icalcomponent_free (calendar);
}

static void
test_range_and_selection (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TractIcalExporter) exporter = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TractEvent) one = NULL;
  gint64 id;

  io_add_edge_cases (fixture->store, fixture->campaign_id);
  exporter = tract_ical_exporter_new (fixture->store);
  tract_ical_exporter_set_campaign (exporter, fixture->campaign_id);
  tract_ical_exporter_set_range (exporter, "2021-05-29", "2021-05-31");
  output = g_memory_output_stream_new_resizable ();
  g_assert_true (tract_ical_exporter_write (exporter, output, NULL, &error));
  g_assert_no_error (error);
  /* The weekend, and the series that started before and may recur in it. */
  g_assert_cmpuint (tract_ical_exporter_get_n_events (exporter), ==, 5);
  g_assert_cmpfloat (tract_ical_exporter_get_progress (exporter), ==, 1.0);

  tract_ical_exporter_set_range (exporter, "2021-05-31", "2021-05-01");
  g_clear_object (&output);
  output = g_memory_output_stream_new_resizable ();
  g_assert_false (tract_ical_exporter_write (exporter, output, NULL, &error));
  g_assert_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID);
  g_clear_error (&error);

  tract_ical_exporter_set_range (exporter, "31/05/2021", NULL);
  g_clear_object (&output);
  output = g_memory_output_stream_new_resizable ();
  g_assert_false (tract_ical_exporter_write (exporter, output, NULL, &error));
  g_assert_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31/05/2021"));
  g_clear_error (&error);

  one = tract_store_find (fixture->store, TRACT_TYPE_EVENT, "uid", "edge-kolkata@tract");
  id = tract_record_get_id (TRACT_RECORD (one));
  tract_ical_exporter_set_range (exporter, NULL, NULL);
  tract_ical_exporter_set_events (exporter, &id, 1);
  g_clear_object (&output);
  output = g_memory_output_stream_new_resizable ();
  g_assert_true (tract_ical_exporter_write (exporter, output, NULL, &error));
  g_assert_cmpuint (tract_ical_exporter_get_n_events (exporter), ==, 1);
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

typedef struct
{
  GError   *error;
  gboolean  done;
} Written;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  tract_ical_exporter_write_file_finish (TRACT_ICAL_EXPORTER (source), result, &written->error);
  written->done = TRUE;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The window's path: a thread with its own connection, progress, a file replaced whole. */
static void
test_async_to_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TractIcalExporter) exporter = tract_ical_exporter_new (fixture->store);
  g_autofree char *path = g_build_filename (fixture->directory, "agenda.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  Written written = { NULL, FALSE };
  guint n_notifies = 0;

  io_add_edge_cases (fixture->store, fixture->campaign_id);
  tract_ical_exporter_set_campaign (exporter, fixture->campaign_id);
  g_signal_connect (exporter, "notify::progress", G_CALLBACK (count_notify), &n_notifies);

  /* Cancelled: the file is not created. */
  g_cancellable_cancel (cancellable);
  tract_ical_exporter_write_file_async (exporter, file, cancellable, on_written, &written);
  while (!written.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (written.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&written.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  written.done = FALSE;
  tract_ical_exporter_write_file_async (exporter, file, NULL, on_written, &written);
  while (!written.done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_no_error (written.error);
  g_assert_cmpuint (tract_ical_exporter_get_n_events (exporter), ==, 20);
  g_assert_cmpfloat (tract_ical_exporter_get_progress (exporter), ==, 1.0);
  g_assert_cmpuint (n_notifies, >=, 2);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  g_remove (path);
  wait_for_finalize ((GObject **) &exporter);
}

typedef struct
{
  GCancellable *cancellable;
  const char   *path;
  gboolean      existed_while_written;
  guint         n_notifies;
} CancelOnProgress;

/* Cancels the export at its first progress step, a few hundred events in. */
static void
cancel_on_progress (GObject          *object,
                    GParamSpec       *pspec,
                    CancelOnProgress *cancel)
{
  double progress = tract_ical_exporter_get_progress (TRACT_ICAL_EXPORTER (object));

  cancel->n_notifies++;
  if (progress <= 0.0 || progress >= 1.0)
    return;
  cancel->existed_while_written = g_file_test (cancel->path, G_FILE_TEST_EXISTS);
  g_cancellable_cancel (cancel->cancellable);
}

static gboolean
add_many_events (TractStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Permanence %u", i);
      g_autofree char *day = g_strdup_printf ("2021-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_autoptr(TractEvent) event = io_add_all_day (user_data, title, day, day);
    }
  return TRUE;
}

/* An export cancelled (or failed) part way leaves no half-written file: a
 * new file is removed, an existing one keeps what it held. */
static void
test_cancelled_leaves_no_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TractIcalExporter) exporter = tract_ical_exporter_new (fixture->store);
  g_autofree char *path = g_build_filename (fixture->directory, "cancelled.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CancelOnProgress cancel = { cancellable, path, FALSE, 0 };

  g_assert_true (tract_store_run (fixture->store, add_many_events, fixture, &error));
  g_assert_no_error (error);
  tract_ical_exporter_set_campaign (exporter, fixture->campaign_id);
  g_signal_connect (exporter, "notify::progress", G_CALLBACK (cancel_on_progress), &cancel);

  /* A new file: written in place while the export runs, gone once cancelled. */
  g_assert_false (tract_ical_exporter_write_file (exporter, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (cancel.existed_while_written);
  g_assert_cmpfloat (tract_ical_exporter_get_progress (exporter), <, 1.0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
    const char *name;

    /* Nothing left beside it either. */
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".ics") || g_str_has_prefix (name, ".goutputstream"));
  }

  /* An existing file: untouched. */
  g_assert_true (g_file_set_contents (path, "old agenda\n", -1, NULL));
  g_cancellable_reset (cancellable);
  cancel.existed_while_written = FALSE;
  g_assert_false (tract_ical_exporter_write_file (exporter, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old agenda\n");
  g_clear_pointer (&contents, g_free);

  /* A failure other than a cancellation: a range that ends before it starts. */
  g_assert_true (g_remove (path) == 0);
  tract_ical_exporter_set_range (exporter, "2021-05-31", "2021-05-01");
  g_assert_false (tract_ical_exporter_write_file (exporter, file, NULL, &error));
  g_assert_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Not cancelled: the whole calendar, in the new file. */
  tract_ical_exporter_set_range (exporter, NULL, NULL);
  g_signal_handlers_disconnect_by_data (exporter, &cancel);
  g_assert_true (tract_ical_exporter_write_file (exporter, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_exporter_get_n_events (exporter), ==, 1000);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));
  g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  TEST ("rule-01-crlf-utf8", test_crlf);
  TEST ("rule-02-folding", test_folding);
  TEST ("rule-03-06-calendar-properties", test_calendar_properties);
  TEST ("rule-04-event-properties", test_event_properties);
  TEST ("rule-04-uid-and-sequence", test_uid_and_sequence);
  TEST ("rule-05-text-escaping", test_text_escaping);
  TEST ("rule-07-categories", test_categories);
  TEST ("rule-08-parameters", test_parameters);
  TEST ("rule-09-all-day", test_all_day);
  TEST ("rule-10-11-time-zones", test_time_zones);
  TEST ("rule-12-dst-refused", test_dst_refused);
  TEST ("rule-13-recurrence", test_recurrence);
  TEST ("rule-14-no-organizer", test_no_organizer);
  TEST ("rule-15-geo-url", test_geo_and_url);
  TEST ("rule-16-17-no-alarm-no-private", test_no_alarm_no_private_notes);
  TEST ("libical-reads-demo", test_libical_reads_back);
  TEST ("range-and-selection", test_range_and_selection);
  TEST ("async-to-file", test_async_to_file);
  TEST ("cancelled-leaves-no-file", test_cancelled_leaves_no_file);

  return g_test_run ();
}
