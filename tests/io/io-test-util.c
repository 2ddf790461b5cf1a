/* io-test-util.c — databases, events and exports for the iCalendar tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "tract-campaign.h"
#include "tract-ical-export.h"
#include "tract-ical-import.h"

void
io_fixture_setup (IoFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = NULL;

  fixture->directory = g_dir_make_tmp ("tract-io-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "test.db", NULL);
  fixture->store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);

  campaign = tract_campaign_new ("Commune, 150; ans");
  g_object_set (campaign, "time_zone", "Europe/Paris", NULL);
  tract_store_insert (fixture->store, TRACT_RECORD (campaign), &error);
  g_assert_no_error (error);
  fixture->campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
}

static void
remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_remove (path);
    }
  g_rmdir (directory);
}

void
io_fixture_teardown (IoFixture     *fixture,
                     gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

TractStore *
io_open_other_store (IoFixture  *fixture,
                     const char *name,
                     gint64     *campaign_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->directory, "other.db", NULL);
  g_autoptr(TractCampaign) original = tract_store_load (fixture->store, TRACT_TYPE_CAMPAIGN,
                                                        fixture->campaign_id, &error);
  g_autoptr(TractCampaign) campaign = NULL;
  TractStore *store;

  g_assert_no_error (error);
  store = tract_store_open (path, &error);
  g_assert_no_error (error);
  campaign = tract_campaign_new (name != NULL ? name : tract_record_get_text (TRACT_RECORD (original), "name"));
  g_object_set (campaign, "time_zone", tract_record_get_text (TRACT_RECORD (original), "time_zone"), NULL);
  tract_store_insert (store, TRACT_RECORD (campaign), &error);
  g_assert_no_error (error);
  *campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  return store;
}

TractEvent *
io_add_event (IoFixture  *fixture,
              TractEvent *event)
{
  g_autoptr(GError) error = NULL;

  tract_store_insert (fixture->store, TRACT_RECORD (event), &error);
  g_assert_no_error (error);
  return event;
}

TractEvent *
io_add_timed (IoFixture  *fixture,
              const char *title,
              const char *start,
              const char *end,
              const char *zone)
{
  return io_add_event (fixture, tract_event_new_timed (fixture->campaign_id, title, start, end, zone));
}

TractEvent *
io_add_all_day (IoFixture  *fixture,
                const char *title,
                const char *first,
                const char *last)
{
  return io_add_event (fixture, tract_event_new_all_day (fixture->campaign_id, title, first, last,
                                                         "Europe/Paris"));
}

typedef struct
{
  const char *uid;
  const char *title;
  gboolean    all_day;
  const char *start;
  const char *end;
  const char *zone;
  const char *rrule;
  const char *exdates;
  const char *kind;
  const char *status;
  const char *location_name;
  const char *address;
  double      latitude;
  double      longitude;
  const char *description;
  const char *url;
} Edge;

static const Edge edges[] = {
  { "edge-all-day@tract", "Journée entière, un jour; seul", TRUE, "2021-05-08", "2021-05-08", "Europe/Paris",
    NULL, NULL, "commemoration", "confirmed", "Mur des Fédérés", "", NAN, NAN, "", "" },
  { "edge-multi-day@tract", "Week-end des 29 et 30 mai", TRUE, "2021-05-29", "2021-05-30", "Europe/Paris",
    NULL, NULL, "celebration", "tentative", "", "Paris", NAN, NAN, "", "" },
  { "edge-multi-day-timed@tract", "Trois jours de débats", FALSE, "2021-06-01T18:00", "2021-06-03T12:00",
    "Europe/Paris", NULL, NULL, "panel", "confirmed", "Bourse du travail", "3 rue du Château-d’Eau, Paris",
    48.8703, 2.3592, "", "https://example.org/agenda?a=1&b=2" },
  { "edge-new-york-gap@tract", "Across the New York spring gap", FALSE, "2021-03-14T01:00",
    "2021-03-14T04:00", "America/New_York", NULL, NULL, "meeting", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-paris-fall-back@tract", "Across the Paris autumn overlap", FALSE, "2021-10-31T01:30",
    "2021-10-31T04:00", "Europe/Paris", NULL, NULL, "meeting", "cancelled", "", "", NAN, NAN, "", "" },
  { "edge-paris-spring@tract", "Across the Paris spring gap", FALSE, "2021-03-28T01:30",
    "2021-03-28T03:30", "Europe/Paris", NULL, NULL, "rally", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-kolkata@tract", "Half-hour zone", FALSE, "2021-04-10T09:30", "2021-04-10T11:00", "Asia/Kolkata",
    NULL, NULL, "panel", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-lord-howe@tract", "Half-hour summer time", FALSE, "2021-04-04T01:00", "2021-04-04T03:00",
    "Australia/Lord_Howe", NULL, NULL, "meeting", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-chatham@tract", "Chatham +12:45", FALSE, "2021-09-26T12:00", "2021-09-26T13:00", "Pacific/Chatham",
    NULL, NULL, "meeting", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-utc@tract", "In UTC", FALSE, "2021-07-01T12:00", "2021-07-01T13:00", "UTC", NULL, NULL, "other",
    "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-sydney@tract", "Southern coordinates", FALSE, "2021-08-07T10:00", "2021-08-07T12:00:30",
    "Australia/Sydney", NULL, NULL, "demonstration", "confirmed", "Sydney Town Hall", "", -33.8688, 151.2093,
    "", "" },
  { "edge-weekly@tract", "Permanence du samedi", FALSE, "2021-05-01T14:00", "2021-05-01T17:00", "Europe/Paris",
    "FREQ=WEEKLY;BYDAY=SA;UNTIL=20210626T220000Z", "2021-05-08T14:00,2021-05-15T14:00", "meeting",
    "confirmed", "Local du collectif", "", NAN, NAN, "", "" },
  { "edge-daily-local-until@tract", "Daily across the DST change", FALSE, "2021-03-08T09:00",
    "2021-03-08T10:00", "America/New_York", "FREQ=DAILY;UNTIL=20210316T090000", "2021-03-12T09:00",
    "meeting", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-monthly-all-day@tract", "Monthly all-day", TRUE, "2021-01-18", "2021-01-18", "Europe/Paris",
    "FREQ=MONTHLY;COUNT=5", "2021-03-18", "commemoration", "confirmed", "", "", NAN, NAN, "", "" },
  { "edge-yearly-all-day-until@tract", "Yearly with a time UNTIL", TRUE, "2021-03-18", "2021-03-19",
    "Europe/Paris", "FREQ=YEARLY;UNTIL=20250318T000000Z", NULL, "commemoration", "confirmed", "", "", NAN, NAN,
    "", "" },
  { "edge-punctuation@tract", "Commas, semicolons; backslash \\ and\nnewline", FALSE, "2021-05-12T19:00",
    "2021-05-12T21:00", "Europe/Paris", NULL, NULL, "panel", "confirmed", "Salle \"A\", 2e étage; fond",
    "12, rue de la Paix; Paris", NAN, NAN, "Line 1\nLine 2; with, punctuation \\ end\r\nCRLF line\n\n\nTabs\tkept",
    "" },
  { "edge-emoji@tract", "✊🏽 Commune 🚩🇫🇷 👩‍👩‍👧", FALSE, "2021-05-18T18:00", "2021-05-18T19:00", "Europe/Paris",
    NULL, NULL, "celebration", "confirmed", "", "", NAN, NAN, "🎉 Fête ! 🎶", "" },
  { "edge-control@tract", "Bell\a and \x1b[31mred\x7f text", FALSE, "2021-05-19T18:00", "2021-05-19T19:00",
    "Europe/Paris", NULL, NULL, "other", "confirmed", "", "", NAN, NAN, "Null\x01 byte\x02s", "" },
  { "edge-midnight@tract", "Midnight to midnight is not all-day", FALSE, "2021-05-20T00:00",
    "2021-05-21T00:00", "Europe/Paris", NULL, NULL, "other", "confirmed", "", "", NAN, NAN, "", "" },
};

void
io_add_edge_cases (TractStore *store,
                   gint64      campaign_id)
{
  g_autoptr(GString) long_title = g_string_new (NULL);
  static const char * const pieces[] = { "é", "à", "ç", "✊", "🚩", "Ω", "ß", "a", " " };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      const Edge *edge = &edges[i];
      g_autoptr(TractEvent) event = g_object_new (TRACT_TYPE_EVENT,
                                                  "campaign_id", campaign_id,
                                                  "title", edge->title,
                                                  "all_day", edge->all_day,
                                                  "start_local", edge->start,
                                                  "end_local", edge->end,
                                                  "time_zone", edge->zone,
                                                  "kind", edge->kind,
                                                  "status", edge->status,
                                                  "location_name", edge->location_name,
                                                  "address", edge->address,
                                                  "description", edge->description,
                                                  "url", edge->url,
                                                  "private_notes", "PRIVATE-NOTE-NEVER-EXPORTED",
                                                  NULL);
      g_autoptr(GError) error = NULL;

      tract_record_set_text (TRACT_RECORD (event), "uid", edge->uid);
      if (edge->rrule != NULL)
        tract_record_set_text (TRACT_RECORD (event), "rrule", edge->rrule);
      if (edge->exdates != NULL)
        tract_record_set_text (TRACT_RECORD (event), "exdates", edge->exdates);
      tract_record_set_real (TRACT_RECORD (event), "latitude", edge->latitude);
      tract_record_set_real (TRACT_RECORD (event), "longitude", edge->longitude);
      tract_store_insert (store, TRACT_RECORD (event), &error);
      g_assert_no_error (error);
    }

  /* 200 characters of UTF-8, two to four bytes each. */
  for (guint i = 0; g_utf8_strlen (long_title->str, -1) < 200; i++)
    g_string_append (long_title, pieces[i % G_N_ELEMENTS (pieces)]);
  {
    g_autoptr(TractEvent) event = tract_event_new_timed (campaign_id, long_title->str, "2021-05-21T18:00",
                                                         "2021-05-21T20:00", "Europe/Paris");
    g_autoptr(GError) error = NULL;

    tract_record_set_text (TRACT_RECORD (event), "uid", "edge-long-title@tract");
    tract_record_set_text (TRACT_RECORD (event), "description", long_title->str);
    tract_store_insert (store, TRACT_RECORD (event), &error);
    g_assert_no_error (error);
  }
}

char *
io_export (TractStore *store,
           gint64      campaign_id)
{
  g_autoptr(TractIcalExporter) exporter = tract_ical_exporter_new (store);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  tract_ical_exporter_set_campaign (exporter, campaign_id);
  tract_ical_exporter_write (exporter, output, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (output, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

gpointer
io_import (TractStore  *store,
           gint64       campaign_id,
           const char  *text,
           GError     **error)
{
  g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (store, campaign_id);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return tract_ical_importer_import_bytes (importer, bytes, "test.ics", NULL, error);
}

GStrv
io_unfold (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) physical = g_strsplit (text, "\r\n", -1);
  g_autoptr(GString) current = NULL;

  for (guint i = 0; physical[i] != NULL; i++)
    {
      if (physical[i][0] == ' ' && current != NULL)
        g_string_append (current, physical[i] + 1);
      else
        {
          if (current != NULL)
            {
              g_strv_builder_add (builder, current->str);
              g_string_free (g_steal_pointer (&current), TRUE);
            }
          current = g_string_new (physical[i]);
        }
    }
  if (current != NULL && current->len > 0)
    g_strv_builder_add (builder, current->str);
  if (current != NULL)
    g_string_free (g_steal_pointer (&current), TRUE);
  return g_strv_builder_end (builder);
}

char *
io_without_dtstamp (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (out, "%s\r\n", lines[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
io_count_lines (const char *text,
                const char *prefix)
{
  g_auto(GStrv) lines = io_unfold (text);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      count++;
  return count;
}

icalcomponent *
io_parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  return calendar;
}

icalcomponent *
io_find_event (icalcomponent *calendar,
               const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (uid == NULL || g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;
  return NULL;
}
