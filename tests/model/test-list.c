/* test-list.c — lazy lists and exact items-changed
 *
 * A mirror of the list is kept up to date from items-changed alone; after
 * every change it must equal a fresh list read from the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-organization.h"
#include "tract-record-list.h"

typedef struct
{
  TestDatabase     db;
  gint64           campaign_id;
  gint64           other_campaign_id;
  TractRecordList *list;
  GArray          *mirror; /* gint64 ids */
  guint            n_signals;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(TractRecord) record = g_list_model_get_item (model, position + i);
      gint64 id = tract_record_get_id (record);

      g_array_insert_val (fixture->mirror, position + i, id);
    }
  fixture->n_signals++;
}

static gint64
insert_campaign (TractStore *store,
                 const char *name)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_insert (store, TRACT_RECORD (campaign), &error));
  return tract_record_get_id (TRACT_RECORD (campaign));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_database_setup (&fixture->db, data);
  fixture->campaign_id = insert_campaign (fixture->db.store, "Commune");
  fixture->other_campaign_id = insert_campaign (fixture->db.store, "Autre");
  fixture->list = tract_record_list_new (fixture->db.store, TRACT_TYPE_EVENT, "campaign_id",
                                         fixture->campaign_id, "start_utc");
  fixture->mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->list);
  g_array_unref (fixture->mirror);
  test_database_teardown (&fixture->db, data);
}

static void
assert_mirror_exact (Fixture *fixture)
{
  g_autoptr(TractRecordList) fresh = tract_record_list_new (fixture->db.store, TRACT_TYPE_EVENT, "campaign_id",
                                                            fixture->campaign_id, "start_utc");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TractRecord) record = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_assert_cmpint (g_array_index (fixture->mirror, gint64, i), ==, tract_record_get_id (record));
    }
}

static TractEvent *
add_event (Fixture    *fixture,
           gint64      campaign_id,
           const char *title,
           const char *start,
           const char *end)
{
  g_autoptr(TractEvent) event = tract_event_new_timed (campaign_id, title, start, end, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static void
test_exact_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  TractStore *store = fixture->db.store;
  g_autoptr(TractEvent) may1 = add_event (fixture, fixture->campaign_id, "1er Mai", "2021-05-01T14:00",
                                          "2021-05-01T18:00");
  g_autoptr(TractEvent) march = NULL;
  g_autoptr(TractEvent) may8 = NULL;
  g_autoptr(TractEvent) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  assert_mirror_exact (fixture);
  march = add_event (fixture, fixture->campaign_id, "Rassemblement", "2021-03-20T14:00", "2021-03-20T17:00");
  assert_mirror_exact (fixture);
  may8 = add_event (fixture, fixture->campaign_id, "8 Mai", "2021-05-08T15:00", "2021-05-08T18:00");
  assert_mirror_exact (fixture);
  g_assert_cmpuint (fixture->n_signals, ==, 3);

  /* Same-time ties order by id. */
  g_autoptr(TractEvent) tie = add_event (fixture, fixture->campaign_id, "Même heure", "2021-05-01T14:00",
                                         "2021-05-01T15:00");
  assert_mirror_exact (fixture);

  /* An edit that keeps the position: one row changed in place. */
  before = fixture->n_signals;
  tract_record_set_text (TRACT_RECORD (may1), "title", "Manifestation du 1er Mai");
  g_assert_true (tract_store_update (store, TRACT_RECORD (may1), &error));
  g_assert_cmpuint (fixture->n_signals, ==, before + 1);
  assert_mirror_exact (fixture);

  /* An edit that moves it: from first of May to June. */
  g_object_set (may1, "start_local", "2021-06-01T14:00", "end_local", "2021-06-01T18:00", NULL);
  g_assert_true (tract_store_update (store, TRACT_RECORD (may1), &error));
  assert_mirror_exact (fixture);
  g_object_set (may1, "start_local", "2021-01-01T14:00", "end_local", "2021-01-01T18:00", NULL);
  g_assert_true (tract_store_update (store, TRACT_RECORD (may1), &error));
  assert_mirror_exact (fixture);

  /* Events of another campaign do not touch this list. */
  before = fixture->n_signals;
  elsewhere = add_event (fixture, fixture->other_campaign_id, "Ailleurs", "2021-04-01T10:00",
                         "2021-04-01T11:00");
  g_assert_cmpuint (fixture->n_signals, ==, before);

  /* Moving an event into and out of this campaign. */
  tract_record_set_integer (TRACT_RECORD (elsewhere), "campaign_id", fixture->campaign_id);
  g_assert_true (tract_store_update (store, TRACT_RECORD (elsewhere), &error));
  assert_mirror_exact (fixture);
  tract_record_set_integer (TRACT_RECORD (march), "campaign_id", fixture->other_campaign_id);
  g_assert_true (tract_store_update (store, TRACT_RECORD (march), &error));
  assert_mirror_exact (fixture);

  g_assert_true (tract_store_delete (store, TRACT_RECORD (may8), &error));
  assert_mirror_exact (fixture);
  g_assert_true (tract_store_delete (store, TRACT_RECORD (tie), &error));
  assert_mirror_exact (fixture);
  g_assert_no_error (error);
}

static gboolean
insert_many (TractStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Fixture *fixture = user_data;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Réunion %u", i);
      g_autofree char *start = g_strdup_printf ("2022-%02u-%02uT%02u:00", 1 + i % 12, 1 + i % 28, 8 + i % 12);
      g_autofree char *end = g_strdup_printf ("2022-%02u-%02uT%02u:30", 1 + i % 12, 1 + i % 28, 8 + i % 12);
      g_autoptr(TractEvent) event = tract_event_new_timed (fixture->campaign_id, title, start, end,
                                                           "Europe/Paris");

      if (!tract_store_insert (store, TRACT_RECORD (event), error))
        return FALSE;
    }
  return TRUE;
}

static void
test_bulk_and_lazy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractRecordList) fresh = NULL;
  g_autoptr(TractRecord) middle = NULL;
  guint before = fixture->n_signals;

  /* One transaction of many rows: one reset, not 5,000 signals. */
  g_assert_true (tract_store_run (fixture->db.store, insert_many, fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_signals, ==, before + 1);
  assert_mirror_exact (fixture);

  fresh = tract_record_list_new (fixture->db.store, TRACT_TYPE_EVENT, "campaign_id", fixture->campaign_id,
                                 "start_utc");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 5000);
  g_assert_cmpuint (tract_record_list_get_n_loaded (fresh), ==, 0);
  middle = g_list_model_get_item (G_LIST_MODEL (fresh), 2500);
  g_assert_nonnull (middle);
  g_assert_cmpuint (tract_record_list_get_n_loaded (fresh), <=, 128);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fresh), 5000));
  g_assert_cmpuint (tract_record_list_get_position (fresh, middle), ==, 2500);
}

static void
test_switch_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TractEvent) here = add_event (fixture, fixture->campaign_id, "Ici", "2021-05-01T14:00",
                                          "2021-05-01T18:00");
  g_autoptr(TractEvent) there1 = add_event (fixture, fixture->other_campaign_id, "Là 1", "2021-05-01T14:00",
                                            "2021-05-01T18:00");
  g_autoptr(TractEvent) there2 = add_event (fixture, fixture->other_campaign_id, "Là 2", "2021-05-02T14:00",
                                            "2021-05-02T18:00");

  tract_record_list_set_filter (fixture->list, fixture->other_campaign_id);
  fixture->campaign_id = fixture->other_campaign_id;
  assert_mirror_exact (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 2);
}

static void
test_cascade_resets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TractEvent) one = add_event (fixture, fixture->campaign_id, "Un", "2021-05-01T14:00",
                                         "2021-05-01T18:00");
  g_autoptr(TractCampaign) campaign = tract_store_load (fixture->db.store, TRACT_TYPE_CAMPAIGN,
                                                        fixture->campaign_id, NULL);
  g_autoptr(GError) error = NULL;

  assert_mirror_exact (fixture);
  g_assert_true (tract_store_delete (fixture->db.store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  assert_mirror_exact (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 0);
}

static void
test_collated_order (void)
{
  TestDatabase db;
  g_autoptr(TractRecordList) list = NULL;
  const char *names[] = { "unité communiste", "ACTIT", "bir-kar", "Comite Solidarité Pérou" };
  const char *sorted[] = { "ACTIT", "bir-kar", "Comite Solidarité Pérou", "unité communiste" };

  test_database_setup (&db, NULL);
  list = tract_record_list_new (db.store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TractOrganization) organization = tract_organization_new (names[i], "");
      g_assert_true (tract_store_insert (db.store, TRACT_RECORD (organization), NULL));
      g_assert_cmpuint (tract_record_list_get_position (list, TRACT_RECORD (organization)), <,
                        g_list_model_get_n_items (G_LIST_MODEL (list)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(TractRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (tract_record_get_text (record, "name"), ==, sorted[i]);
    }
  g_clear_object (&list);
  test_database_teardown (&db, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/list/exact-changes", Fixture, NULL, fixture_setup, test_exact_changes, fixture_teardown);
  g_test_add ("/list/bulk-and-lazy", Fixture, NULL, fixture_setup, test_bulk_and_lazy, fixture_teardown);
  g_test_add ("/list/switch-filter", Fixture, NULL, fixture_setup, test_switch_filter, fixture_teardown);
  g_test_add ("/list/cascade-resets", Fixture, NULL, fixture_setup, test_cascade_resets, fixture_teardown);
  g_test_add_func ("/list/collated-order", test_collated_order);

  return g_test_run ();
}
