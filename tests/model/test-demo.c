/* test-demo.c — the sample campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-organization.h"
#include "tract-signature.h"
#include "tract-statement.h"

static void
test_contents (TestDatabase  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, &error);
  g_autoptr(TractOrganization) skb = NULL;
  g_autoptr(TractEvent) weekend = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  gint64 campaign_id;
  guint n_signed = 0;
  const char *acronyms[] = { "ACTIT", "BIR-KAR", "CSP", "NPCH", "UPC-Manidem", "UPML", "SKB", "UC",
                             "Amis de l’ICOR" };

  g_assert_no_error (error);
  campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (campaign), "time_zone"), ==, "Europe/Paris");

  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_ORGANIZATION, NULL, 0), ==, 9);
  for (guint i = 0; i < G_N_ELEMENTS (acronyms); i++)
    {
      g_autoptr(TractOrganization) organization = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION,
                                                                    "acronym", acronyms[i]);
      g_assert_nonnull (organization);
    }
  skb = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "SKB");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (skb), "name"), ==, "Union des Femmes Socialistes");

  /* The rally: Saturday 20 March 2021 at Place du Châtelet. */
  {
    g_autoptr(GPtrArray) events = tract_store_select (fixture->store, TRACT_TYPE_EVENT, "campaign_id",
                                                      campaign_id, "start_utc, id", &error);
    TractRecord *rally = events->pdata[0];

    g_assert_cmpuint (events->len, >=, 4);
    g_assert_cmpstr (tract_record_get_text (rally, "kind"), ==, "rally");
    g_assert_true (g_str_has_prefix (tract_record_get_text (rally, "start_local"), "2021-03-20"));
    g_assert_nonnull (strstr (tract_record_get_text (rally, "location_name"), "Châtelet"));
    for (guint i = 0; i < events->len; i++)
      {
        g_assert_cmpstr (tract_record_get_text (events->pdata[i], "time_zone"), ==, "Europe/Paris");
        if (tract_record_get_boolean (events->pdata[i], "all_day"))
          weekend = g_object_ref (events->pdata[i]);
      }
  }
  g_assert_nonnull (weekend);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (weekend), "start_local"), ==, "2021-05-29");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (weekend), "end_local"), ==, "2021-05-30");

  statements = tract_store_select (fixture->store, TRACT_TYPE_STATEMENT, "campaign_id", campaign_id, "id",
                                   &error);
  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_cmpstr (tract_record_get_text (statements->pdata[0], "status"), ==, "published");
  g_assert_nonnull (strstr (tract_record_get_text (statements->pdata[0], "body"), "Place du Chatelet"));
  g_assert_cmpstr (tract_record_get_text (statements->pdata[1], "status"), ==, "draft");
  {
    g_autoptr(GPtrArray) signatures =
      tract_store_select (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                          tract_record_get_id (statements->pdata[0]), "position", &error);

    for (guint i = 0; i < signatures->len; i++)
      if (g_str_equal (tract_record_get_text (signatures->pdata[i], "status"), "signed"))
        n_signed++;
    g_assert_cmpuint (n_signed, ==, 9);
  }
}

static void
test_idempotent (TestDatabase  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) first = tract_demo_add (fixture->store, &error);
  g_autoptr(TractCampaign) second = NULL;
  g_autofree char *once = test_dump (fixture->store);
  g_autofree char *twice = NULL;

  second = tract_demo_add (fixture->store, &error);
  g_assert_no_error (error);
  twice = test_dump (fixture->store);
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (first)), ==, tract_record_get_id (TRACT_RECORD (second)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/contents", TestDatabase, NULL, test_database_setup, test_contents, test_database_teardown);
  g_test_add ("/demo/idempotent", TestDatabase, NULL, test_database_setup, test_idempotent,
              test_database_teardown);

  return g_test_run ();
}
