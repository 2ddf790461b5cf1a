/* test-search.c — search as you type, filters and orders of the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-contact.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-record-list.h"

static char *
names (TractRecordList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TractRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *acronym = tract_record_get_text (record, "acronym");

      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", *acronym ? acronym : "-");
    }
  return g_string_free (out, FALSE);
}

#define assert_names(list, expected) \
  G_STMT_START { g_autofree char *got = names (list); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static void
test_organization_search (TestDatabase  *fixture,
                          gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, NULL);
  g_autoptr(TractRecordList) list = tract_record_list_new (fixture->store, TRACT_TYPE_ORGANIZATION, NULL, 0,
                                                           "acronym");
  g_autoptr(TractOrganization) csp = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "CSP");
  g_autoptr(TractContact) contact = tract_contact_new (tract_record_get_id (TRACT_RECORD (csp)), "Élisabeth Dmitrieff");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);

  /* Prefixes, any case, any accent. */
  tract_record_list_set_search (list, "femm");
  assert_names (list, "SKB");
  tract_record_list_set_search (list, "UNION des");
  assert_names (list, "BIR-KAR,SKB,UPC-Manidem");
  tract_record_list_set_search (list, "perou");
  assert_names (list, "CSP");
  tract_record_list_set_search (list, "Pérou solidar");
  assert_names (list, "CSP");
  /* A word typed twice, and the same words in another order. */
  tract_record_list_set_search (list, "union union");
  assert_names (list, "BIR-KAR,SKB,UPC-Manidem,UPML");
  tract_record_list_set_search (list, "des union");
  assert_names (list, "BIR-KAR,SKB,UPC-Manidem");

  /* People: names and e-mails of contacts. */
  tract_record_list_set_search (list, "dmitri");
  assert_names (list, "");
  tract_record_set_text (TRACT_RECORD (contact), "email", "elisabeth@commune.example.org");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (contact), &error));
  g_assert_no_error (error);
  assert_names (list, "CSP");
  tract_record_list_set_search (list, "elisabeth@commune");
  assert_names (list, "CSP");
  g_assert_true (tract_store_delete (fixture->store, TRACT_RECORD (contact), &error));
  assert_names (list, "");

  /* Hostile input is text, never syntax. */
  tract_record_list_set_search (list, "\" OR 1=1 -- NEAR( *");
  assert_names (list, "");
  tract_record_list_set_search (list, "') DROP TABLE organization; --");
  assert_names (list, "");
  tract_record_list_set_search (list, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);

  /* Edits reach a searched list. */
  tract_record_list_set_search (list, "paris");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  tract_record_set_text (TRACT_RECORD (csp), "city", "Lima");
  g_assert_true (tract_store_update (fixture->store, TRACT_RECORD (csp), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  tract_record_list_set_search (list, "lima");
  assert_names (list, "CSP");
}

static void
test_conditions_and_orders (TestDatabase  *fixture,
                            gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, NULL);
  g_autoptr(TractRecordList) list = tract_record_list_new (fixture->store, TRACT_TYPE_ORGANIZATION, NULL, 0,
                                                           "name");
  g_autoptr(TractOrganization) uc = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "UC");
  g_autoptr(TractOrganization) friend = tract_organization_new ("Amis de la Commune", "AC");
  g_autoptr(GError) error = NULL;

  g_object_set (friend, "membership", "friend", "joined_date", "2020-01-01", NULL);
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (friend), &error));

  tract_record_list_set_text_condition (list, "membership", "friend");
  assert_names (list, "AC");
  /* A change that brings a row into the filter is placed exactly. */
  tract_record_set_text (TRACT_RECORD (uc), "membership", "friend");
  g_assert_true (tract_store_update (fixture->store, TRACT_RECORD (uc), &error));
  assert_names (list, "AC,UC");
  tract_record_list_set_text_condition (list, "membership", "former");
  assert_names (list, "");
  tract_record_list_set_text_condition (list, "membership", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  tract_record_list_set_order (list, "acronym");
  assert_names (list, "AC,ACTIT,Amis de l’ICOR,BIR-KAR,CSP,NPCH,SKB,UC,UPC-Manidem,UPML");
  /* Join date: missing dates first, then oldest. */
  tract_record_list_set_order (list, "joined_date");
  {
    g_autoptr(TractRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (tract_record_get_text (first, "acronym"), ==, "AC");
    g_assert_cmpuint (tract_record_list_get_position (list, first), ==, 0);
  }
}

static void
test_event_search_and_related (TestDatabase  *fixture,
                               gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, NULL);
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  g_autoptr(TractRecordList) list = tract_record_list_new (fixture->store, TRACT_TYPE_EVENT, "campaign_id",
                                                           campaign_id, "start_utc");
  g_autoptr(TractOrganization) skb = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "SKB");
  g_autoptr(TractEvent) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
  tract_record_list_set_search (list, "chatelet");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (first), "kind"), ==, "rally");
  tract_record_list_set_search (list, NULL);

  tract_record_list_set_text_condition (list, "kind", "demonstration");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  tract_record_list_set_text_condition (list, "kind", NULL);

  /* The events SKB takes part in: the rally, May 8, the weekend. */
  tract_record_list_set_related (list, "event_organization", "event_id", "organization_id",
                                 tract_record_get_id (TRACT_RECORD (skb)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  tract_record_list_set_related (list, NULL, NULL, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
}

static void
test_query_from_text (void)
{
  g_autofree char *simple = tract_search_query_from_text ("Commune 1871");
  g_autofree char *quotes = tract_search_query_from_text ("say \"hi\" -- *");
  g_autofree char *blank = tract_search_query_from_text (" \t ");

  g_assert_cmpstr (simple, ==, "\"Commune\" * \"1871\" *");
  g_assert_cmpstr (quotes, ==, "\"say\" * \"hi\" *");
  g_assert_null (blank);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/organizations", TestDatabase, NULL, test_database_setup, test_organization_search,
              test_database_teardown);
  g_test_add ("/search/conditions-and-orders", TestDatabase, NULL, test_database_setup,
              test_conditions_and_orders, test_database_teardown);
  g_test_add ("/search/events", TestDatabase, NULL, test_database_setup, test_event_search_and_related,
              test_database_teardown);
  g_test_add_func ("/search/query-from-text", test_query_from_text);

  return g_test_run ();
}
