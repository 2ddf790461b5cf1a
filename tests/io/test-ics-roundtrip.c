/* test-ics-roundtrip.c — export, import into an empty database, export again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "io-test-util.h"
#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-ical-import.h"

typedef IoFixture Fixture;

static void
round_trip (Fixture *fixture,
            gint64   campaign_id,
            guint    n_events)
{
  g_autofree char *first = io_export (fixture->store, campaign_id);
  g_autofree char *second = NULL;
  g_autofree char *first_stable = NULL;
  g_autofree char *second_stable = NULL;
  g_autoptr(TractCampaign) campaign = tract_store_load (fixture->store, TRACT_TYPE_CAMPAIGN, campaign_id, NULL);
  g_autoptr(TractStore) other = NULL;
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(TractIcalReport) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id;

  other = io_open_other_store (fixture, tract_record_get_text (TRACT_RECORD (campaign), "name"), &other_id);
  report = io_import (other, other_id, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_added (report), ==, n_events);
  g_assert_cmpuint (tract_ical_report_get_n_skipped (report), ==, 0);
  /* Tract's own files need no guessing. */
  g_assert_cmpuint (tract_ical_report_get_n_messages (report), ==, 0);

  second = io_export (other, other_id);
  first_stable = io_without_dtstamp (first);
  second_stable = io_without_dtstamp (second);
  g_assert_cmpstr (first_stable, ==, second_stable);

  /* Back into the database it came from: nothing to change. */
  again = io_import (fixture->store, campaign_id, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_ical_report_get_n_unchanged (again), ==, n_events);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) demo = tract_demo_add (fixture->store, &error);

  g_assert_no_error (error);
  round_trip (fixture, tract_record_get_id (TRACT_RECORD (demo)), 6);
}

static void
test_edge_cases (Fixture       *fixture,
                 gconstpointer  data)
{
  io_add_edge_cases (fixture->store, fixture->campaign_id);
  round_trip (fixture, fixture->campaign_id, 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics/roundtrip/demo", Fixture, NULL, io_fixture_setup, test_demo, io_fixture_teardown);
  g_test_add ("/ics/roundtrip/edge-cases", Fixture, NULL, io_fixture_setup, test_edge_cases, io_fixture_teardown);

  return g_test_run ();
}
