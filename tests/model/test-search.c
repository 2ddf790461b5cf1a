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
#include "tract-search-matches.h"
#include "tract-store-private.h"

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

/* The matches read from FTS5 into sets of bits (or of ids, when ids are
 * scattered) and intersected word by word say exactly what FTS5 says,
 * whatever the ids: dense, with gaps, or (@data non-NULL) billions apart. */
static void
test_matches_agree_with_fts5 (TestDatabase  *fixture,
                              gconstpointer  data)
{
  static const char * const words[] = { "commune", "comite", "collectif", "union", "unite", "paris", "lima" };
  static const char * const queries[] = {
    "c", "co", "com", "commune", "u", "union", "uni", "p", "lima", "zzz",
    "c u", "com uni", "commune paris", "u l p", "union union", "co co c",
    /* A word of every row: sets starting at the same id. */
    "tract", "tract u", "paris tract", "tract commune lima",
  };
  sqlite3 *db = tract_store_get_connection (fixture->store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1871);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean scattered = data != NULL;
  gint64 id = 0;

  /* Runs of neighbours, then gaps of a few ids, or up to billions. */
  for (guint i = 0; i < 600; i++)
    {
      guint gap = g_rand_int_range (rand, 0, scattered ? 100 : 95);

      if (gap < 80)
        id += 1;
      else if (gap < 95)
        id += g_rand_int_range (rand, 2, 40);
      else if (gap < 99)
        id += g_rand_int_range (rand, 1000, 3000000);
      else
        id += (gint64) g_rand_int_range (rand, 1, 4) << 32;
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("tract %s %s n%u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      const char *city = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO organization (id, name, city, created_utc, modified_utc)"
                                           " VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, city, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *query = tract_search_query_from_text (queries[q]);
      g_autoptr(GError) error = NULL;
      const TractSearchMatches *matches = tract_search_matches_get (fixture->store, "organization_search", query,
                                                                   &error);
      g_autoptr(GHashTable) expected = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt = NULL;
      guint n_found = 0;

      g_assert_no_error (error);
      g_assert_nonnull (matches);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM organization_search WHERE organization_search"
                                               " MATCH ?", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 row = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (found, row);
        }
      sqlite3_finalize (stmt);
      for (guint i = 0; i < found->len; i++)
        g_hash_table_add (expected, &g_array_index (found, gint64, i));

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 row = g_array_index (ids, gint64, i);
          gboolean in_set = tract_search_matches_contains (matches, row);

          if (in_set != g_hash_table_contains (expected, &row))
            g_error ("“%s”: id %" G_GINT64_FORMAT " %s", queries[q], row,
                     in_set ? "found, FTS5 says not" : "missed");
          n_found += in_set;
          /* Neighbours of a row are never taken for it. */
          g_assert_false (tract_search_matches_contains (matches, row + 1) && i + 1 < ids->len
                          && g_array_index (ids, gint64, i + 1) != row + 1);
        }
      g_assert_cmpuint (n_found, ==, found->len);
      g_assert_false (tract_search_matches_contains (matches, 0));
      g_assert_false (tract_search_matches_contains (matches, G_MAXINT64));
    }
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
  g_test_add ("/search/matches-agree-with-fts5/dense", TestDatabase, NULL, test_database_setup,
              test_matches_agree_with_fts5, test_database_teardown);
  g_test_add ("/search/matches-agree-with-fts5/scattered", TestDatabase, "scattered", test_database_setup,
              test_matches_agree_with_fts5, test_database_teardown);
  g_test_add_func ("/search/query-from-text", test_query_from_text);

  return g_test_run ();
}
