/* tract-bench-generate.c — fill a database with N events for benchmarks
 *
 * N events (timed in several zones, all-day, multi-day, recurring) spread
 * over campaigns of about 1,000 events, N/50 organizations, N/200
 * statements with signatures; through the store, so every row is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-statement-revision.h"
#include "tract-store.h"

typedef struct
{
  guint   n_events;
  gint64 *campaigns;
  guint   n_campaigns;
  gint64 *organizations;
  guint   n_organizations;
} Plan;

static const char * const zones[] = {
  "Europe/Paris", "Europe/Istanbul", "America/Port-au-Prince", "Africa/Douala", "America/Lima",
  "Europe/Berlin", "UTC",
};

static const char * const kinds[] = {
  "rally", "demonstration", "panel", "commemoration", "celebration", "meeting", "other",
};

static gboolean
generate (TractStore  *store,
          gpointer     user_data,
          GError     **error)
{
  Plan *plan = user_data;
  GRand *rand = g_rand_new_with_seed (1871);

  for (guint i = 0; i < plan->n_organizations; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %u de la Commune", i);
      g_autofree char *acronym = g_strdup_printf ("ORG%u", i);
      g_autoptr(TractOrganization) organization = tract_organization_new (name, acronym);

      g_object_set (organization, "city", i % 3 ? "Paris" : "Lyon", "country", "France", NULL);
      if (!tract_store_insert (store, TRACT_RECORD (organization), error))
        return FALSE;
      plan->organizations[i] = tract_record_get_id (TRACT_RECORD (organization));
    }

  for (guint c = 0; c < plan->n_campaigns; c++)
    {
      g_autofree char *name = g_strdup_printf ("Campagne %u", c);
      g_autoptr(TractCampaign) campaign = tract_campaign_new (name);

      if (!tract_store_insert (store, TRACT_RECORD (campaign), error))
        return FALSE;
      plan->campaigns[c] = tract_record_get_id (TRACT_RECORD (campaign));
    }

  for (guint i = 0; i < plan->n_events; i++)
    {
      /* Campaign 0 is the big one the window opens on: half of all events. */
      gint64 campaign_id = plan->campaigns[i % 2 == 0 ? 0 : (1 + i % MAX (plan->n_campaigns - 1, 1)) % plan->n_campaigns];
      int year = 2015 + (int) g_rand_int_range (rand, 0, 12);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 28); /* the next day exists too */
      /* 10:00–19:00 never meets a DST change (those happen at night). */
      int hour = g_rand_int_range (rand, 10, 19);
      g_autofree char *title = g_strdup_printf ("Événement %u : %s", i, kinds[i % G_N_ELEMENTS (kinds)]);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autoptr(TractEvent) event = NULL;
      guint shape = i % 10;

      if (shape == 0 || shape == 1)
        {
          /* All-day, one day or a weekend. */
          start = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          end = g_strdup_printf ("%04d-%02d-%02d", year, month, day + (shape == 1 ? 1 : 0));
          event = tract_event_new_all_day (campaign_id, title, start, end, zones[i % G_N_ELEMENTS (zones)]);
        }
      else
        {
          start = g_strdup_printf ("%04d-%02d-%02dT%02d:00", year, month, day, hour);
          end = g_strdup_printf ("%04d-%02d-%02dT%02d:30", year, month, day + (shape == 2 ? 1 : 0), hour + 1);
          event = tract_event_new_timed (campaign_id, title, start, end, zones[i % G_N_ELEMENTS (zones)]);
        }
      g_object_set (event,
                    "kind", kinds[i % G_N_ELEMENTS (kinds)],
                    "status", i % 17 == 0 ? "cancelled" : (i % 5 == 0 ? "tentative" : "confirmed"),
                    "location_name", "Place de la République",
                    "address", "Place de la République, 75011 Paris",
                    "description", "Prises de parole, chants, stands des organisations membres.",
                    NULL);
      if (shape == 3)
        tract_record_set_text (TRACT_RECORD (event), "rrule", "FREQ=WEEKLY;COUNT=10;BYDAY=SA");
      if (!tract_store_insert (store, TRACT_RECORD (event), error))
        return FALSE;

      if (plan->n_organizations > 0)
        {
          g_autoptr(TractEventOrganization) link =
            tract_event_organization_new (tract_record_get_id (TRACT_RECORD (event)),
                                          plan->organizations[i % plan->n_organizations], "organizer");
          if (!tract_store_insert (store, TRACT_RECORD (link), error))
            return FALSE;
        }
    }

  for (guint i = 0; i < plan->n_events / 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Déclaration %u", i);
      g_autoptr(TractStatement) statement =
        tract_statement_new (plan->campaigns[i % plan->n_campaigns], title, i % 2 ? "fr" : "en");
      g_autoptr(TractStatementRevision) revision = NULL;

      tract_record_set_text (TRACT_RECORD (statement), "body", "Vive la Commune !");
      if (!tract_store_insert (store, TRACT_RECORD (statement), error))
        return FALSE;
      revision = tract_statement_revision_new (tract_record_get_id (TRACT_RECORD (statement)), 1, title,
                                               "Vive la Commune !", "");
      if (!tract_store_insert (store, TRACT_RECORD (revision), error))
        return FALSE;
      for (guint s = 0; s < 5 && s < plan->n_organizations; s++)
        {
          g_autoptr(TractSignature) signature =
            tract_signature_new (tract_record_get_id (TRACT_RECORD (statement)),
                                 plan->organizations[(i * 5 + s) % plan->n_organizations], "signed");

          tract_record_set_integer (TRACT_RECORD (signature), "revision_id",
                                    tract_record_get_id (TRACT_RECORD (revision)));
          tract_record_set_integer (TRACT_RECORD (signature), "position", s);
          if (!tract_store_insert (store, TRACT_RECORD (signature), error))
            return FALSE;
        }
    }

  g_rand_free (rand);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  Plan plan = { 0 };
  gint64 started = g_get_monotonic_time ();

  if (argc != 3)
    {
      g_printerr ("usage: %s DATABASE N_EVENTS\n", argv[0]);
      return 2;
    }

  plan.n_events = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  plan.n_campaigns = MAX (1, plan.n_events / 1000);
  plan.n_organizations = plan.n_events / 50;
  plan.campaigns = g_new0 (gint64, plan.n_campaigns);
  plan.organizations = g_new0 (gint64, MAX (1, plan.n_organizations));

  store = tract_store_open (argv[1], &error);
  if (store == NULL || !tract_store_run (store, generate, &plan, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("generated %u events, %u organizations, %u statements in %.1f s\n", plan.n_events,
           plan.n_organizations, plan.n_events / 200, (g_get_monotonic_time () - started) / 1e6);
  g_free (plan.campaigns);
  g_free (plan.organizations);
  return 0;
}
