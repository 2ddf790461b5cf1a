/* make-calendars.c — the calendars the interoperability test gives to other parsers
 *
 * Writes OUTDIR/demo.ics and OUTDIR/edge.ics (the sample campaign and the
 * edge cases of issue 5), and beside each a JSON file with what Tract means
 * by every event: UID, summary, all-day flag, start and end (UTC seconds,
 * or dates for all-day events, the end exclusive as in iCalendar). It also
 * reads each file back with libical and fails on any X-LIC-ERROR, and on an
 * event without UID or DTSTAMP, which libical's own checks let through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io-test-util.h"
#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-ical-writer.h"
#include "tract-validate.h"

static char *
exclusive_end (const char *last_day)
{
  g_autoptr(GDate) date = tract_parse_date (last_day);

  g_date_add_days (date, 1);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
write_expected (TractStore *store,
                gint64      campaign_id,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tract_store_select (store, TRACT_TYPE_EVENT, "campaign_id", campaign_id,
                                                    "id", &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_assert_no_error (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      TractEvent *event = events->pdata[i];
      TractRecord *record = TRACT_RECORD (event);
      g_autoptr(GString) summary = g_string_new (NULL);

      /* What the export promises: the title without control characters. */
      tract_ical_append_clean (summary, tract_event_get_title (event), -1);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, tract_event_get_uid (event));
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, summary->str);
      json_builder_set_member_name (builder, "all_day");
      json_builder_add_boolean_value (builder, tract_event_get_all_day (event));
      if (tract_event_get_all_day (event))
        {
          g_autofree char *end = exclusive_end (tract_record_get_text (record, "end_local"));

          json_builder_set_member_name (builder, "start");
          json_builder_add_string_value (builder, tract_record_get_text (record, "start_local"));
          json_builder_set_member_name (builder, "end");
          json_builder_add_string_value (builder, end);
        }
      else
        {
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, tract_event_get_start_utc (event));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, tract_event_get_end_utc (event));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("%s", error->message);
}

static gboolean
write_calendar (TractStore *store,
                gint64      campaign_id,
                const char *directory,
                const char *name)
{
  g_autofree char *text = io_export (store, campaign_id);
  g_autofree char *ics = g_strdup_printf ("%s/%s.ics", directory, name);
  g_autofree char *json = g_strdup_printf ("%s/%s.json", directory, name);
  icalcomponent *calendar = icalparser_parse_string (text);
  gboolean ok = TRUE;
  int n_errors;

  if (!g_file_set_contents (ics, text, -1, NULL))
    g_error ("Cannot write %s", ics);
  write_expected (store, campaign_id, json);

  n_errors = calendar != NULL ? icalcomponent_count_errors (calendar) : -1;
  if (n_errors != 0)
    {
      g_printerr ("%s: libical finds %d X-LIC-ERROR\n", ics, n_errors);
      ok = FALSE;
    }
  for (icalcomponent *event = calendar != NULL ? icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT) : NULL;
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_uid (event) == NULL
        || icalcomponent_count_properties (event, ICAL_DTSTAMP_PROPERTY) != 1)
      {
        g_printerr ("%s: an event without UID or DTSTAMP\n", ics);
        ok = FALSE;
      }
  if (calendar != NULL)
    icalcomponent_free (calendar);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  IoFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) demo = NULL;
  gboolean ok;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  io_fixture_setup (&fixture, NULL);
  io_add_edge_cases (fixture.store, fixture.campaign_id);
  demo = tract_demo_add (fixture.store, &error);
  g_assert_no_error (error);

  ok = write_calendar (fixture.store, tract_record_get_id (TRACT_RECORD (demo)), argv[1], "demo");
  ok = write_calendar (fixture.store, fixture.campaign_id, argv[1], "edge") && ok;
  g_clear_object (&demo);
  io_fixture_teardown (&fixture, NULL);
  return ok ? 0 : 1;
}
