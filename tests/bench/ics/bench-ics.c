/* bench-ics.c — the Tract side of the iCalendar benchmark (run.py drives it)
 *
 *   bench-ics generate DB N JSON   a campaign of N events, and the same events as JSON
 *                                  for the other libraries to build
 *   bench-ics export DB OUT        Tract's export of that campaign
 *   bench-ics import FILE DB       Tract's import of FILE into a new database
 *   bench-ics libical FILE         a bare icalparser_parse_string() of FILE
 *
 * Each prints the seconds its work took, on the last line of stdout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-ical-export.h"
#include "tract-ical-import.h"
#include "tract-store.h"

typedef struct
{
  guint  n_events;
  gint64 campaign_id;
  FILE  *json;
} Plan;

static void
json_string (FILE       *out,
             const char *text)
{
  fputc ('"', out);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        fputc ('\\', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static gboolean
generate (TractStore  *store,
          gpointer     user_data,
          GError     **error)
{
  Plan *plan = user_data;
  g_autoptr(GDateTime) origin = g_date_time_new_utc (2021, 1, 1, 0, 0, 0);

  fputs ("[\n", plan->json);
  for (guint i = 0; i < plan->n_events; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (origin, (int) (i % 1500));
      gboolean all_day = i % 10 == 9;
      const char *zone = i % 10 == 8 ? "America/New_York" : "Europe/Paris";
      int hour = 8 + (int) (i % 12);
      g_autofree char *uid = g_strdup_printf ("bench-%u@tract", i);
      g_autofree char *title = g_strdup_printf ("Réunion publique n°%u — Commune de Paris", i);
      g_autofree char *description =
        g_strdup_printf ("Prises de parole, micro ouvert, chants et poèmes; rendez-vous %u à l’entrée, "
                         "banderoles bienvenues.", i);
      g_autofree char *place = g_strdup_printf ("Salle %u, Paris", i % 50);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *start = all_day ? g_strdup (date) : g_strdup_printf ("%sT%02d:00", date, hour);
      g_autofree char *end = all_day ? g_strdup (date) : g_strdup_printf ("%sT%02d:30", date, hour + 1);
      g_autoptr(TractEvent) event = g_object_new (TRACT_TYPE_EVENT,
                                                  "campaign_id", plan->campaign_id,
                                                  "title", title,
                                                  "all_day", all_day,
                                                  "start_local", start,
                                                  "end_local", end,
                                                  "time_zone", zone,
                                                  "description", description,
                                                  "location_name", place,
                                                  "kind", "rally",
                                                  NULL);

      tract_record_set_text (TRACT_RECORD (event), "uid", uid);
      if (i % 20 == 0)
        tract_record_set_text (TRACT_RECORD (event), "rrule", "FREQ=WEEKLY;COUNT=10");
      if (!tract_store_insert (store, TRACT_RECORD (event), error))
        return FALSE;

      fprintf (plan->json, "%s{\"uid\":", i > 0 ? ",\n" : "");
      json_string (plan->json, uid);
      fputs (",\"summary\":", plan->json);
      json_string (plan->json, title);
      fputs (",\"description\":", plan->json);
      json_string (plan->json, description);
      fputs (",\"location\":", plan->json);
      json_string (plan->json, place);
      fprintf (plan->json, ",\"all_day\":%s,\"start\":%" G_GINT64_FORMAT ",\"end\":%" G_GINT64_FORMAT
               ",\"date\":\"%s\",\"recurring\":%s}",
               all_day ? "true" : "false", tract_event_get_start_utc (event), tract_event_get_end_utc (event),
               date, i % 20 == 0 ? "true" : "false");
    }
  fputs ("\n]\n", plan->json);
  return TRUE;
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static TractStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TractStore *store = tract_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static gint64
campaign (TractStore *store,
          const char *name)
{
  g_autoptr(TractCampaign) found = tract_store_find (store, TRACT_TYPE_CAMPAIGN, "name", name);
  g_autoptr(GError) error = NULL;

  if (found != NULL)
    return tract_record_get_id (TRACT_RECORD (found));
  found = tract_campaign_new (name);
  if (!tract_store_insert (store, TRACT_RECORD (found), &error))
    g_error ("%s", error->message);
  return tract_record_get_id (TRACT_RECORD (found));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (argc >= 5 && g_str_equal (argv[1], "generate"))
    {
      g_autoptr(TractStore) store = open_store (argv[2]);
      Plan plan = { (guint) g_ascii_strtoull (argv[3], NULL, 10), campaign (store, "Bench"), NULL };

      plan.json = fopen (argv[4], "w");
      start = g_get_monotonic_time ();
      if (plan.json == NULL || !tract_store_run (store, generate, &plan, &error))
        g_error ("%s", error != NULL ? error->message : "cannot write the JSON file");
      fclose (plan.json);
      g_print ("%.3f\n", seconds_since (start));
      return 0;
    }
  if (argc >= 4 && g_str_equal (argv[1], "export"))
    {
      g_autoptr(TractStore) store = open_store (argv[2]);
      g_autoptr(TractIcalExporter) exporter = tract_ical_exporter_new (store);
      g_autoptr(GFile) file = g_file_new_for_path (argv[3]);

      tract_ical_exporter_set_campaign (exporter, campaign (store, "Bench"));
      start = g_get_monotonic_time ();
      if (!tract_ical_exporter_write_file (exporter, file, NULL, &error))
        g_error ("%s", error->message);
      g_print ("%u events\n%.3f\n", tract_ical_exporter_get_n_events (exporter), seconds_since (start));
      return 0;
    }
  if (argc >= 4 && g_str_equal (argv[1], "import"))
    {
      g_autoptr(TractStore) store = open_store (argv[3]);
      g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (store, campaign (store, "Imported"));
      g_autoptr(GFile) file = g_file_new_for_path (argv[2]);
      g_autoptr(TractIcalReport) report = NULL;

      start = g_get_monotonic_time ();
      report = tract_ical_importer_import_file (importer, file, NULL, &error);
      if (report == NULL)
        g_error ("%s", error->message);
      g_print ("%u added, %u skipped\n%.3f\n", tract_ical_report_get_n_added (report),
               tract_ical_report_get_n_skipped (report), seconds_since (start));
      return 0;
    }
  if (argc >= 3 && g_str_equal (argv[1], "libical"))
    {
      g_autofree char *text = NULL;
      icalcomponent *calendar;

      if (!g_file_get_contents (argv[2], &text, NULL, &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      calendar = icalparser_parse_string (text);
      g_print ("%d events\n%.3f\n", icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT),
               seconds_since (start));
      icalcomponent_free (calendar);
      return 0;
    }
  g_printerr ("usage: %s generate DB N JSON | export DB OUT | import FILE DB | libical FILE\n", argv[0]);
  return 2;
}
