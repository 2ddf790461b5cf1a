/* test-organization-snapshot.c — deleting an organization, and undoing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-contact.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-organization-snapshot.h"
#include "tract-record-list.h"
#include "tract-signature.h"
#include "tract-statement.h"

static gint64
count (TractStore *store,
       GType       type,
       gint64      organization_id)
{
  return tract_store_count (store, type, "organization_id", organization_id);
}

/* SKB with two contacts of hostile text and a task of the first event. */
static TractOrganization *
prepare (TractStore *store)
{
  g_autoptr(TractCampaign) campaign = tract_demo_add (store, NULL);
  g_autoptr(TractOrganization) skb = tract_store_find (store, TRACT_TYPE_ORGANIZATION, "acronym", "SKB");
  gint64 skb_id = tract_record_get_id (TRACT_RECORD (skb));
  g_autoptr(TractRecordList) events = tract_record_list_new (store, TRACT_TYPE_EVENT, NULL, 0, "start_utc");
  g_autoptr(TractEvent) first = g_list_model_get_item (G_LIST_MODEL (events), 0);
  g_autoptr(TractEventTask) task = tract_event_task_new (tract_record_get_id (TRACT_RECORD (first)),
                                                         "Banderoles");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (campaign);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = test_hostile_text (i);
      g_autofree char *notes = test_hostile_text (test_n_hostile_texts () - 1);
      g_autoptr(TractContact) contact = tract_contact_new (skb_id, name);

      tract_record_set_text (TRACT_RECORD (contact), "private_notes", notes);
      tract_record_set_text (TRACT_RECORD (contact), "email", i == 0 ? "ayse@example.org" : "");
      g_assert_true (tract_store_insert (store, TRACT_RECORD (contact), &error));
      g_assert_no_error (error);
    }

  tract_record_set_integer (TRACT_RECORD (task), "organization_id", skb_id);
  g_assert_true (tract_store_insert (store, TRACT_RECORD (task), &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (store, TRACT_TYPE_CONTACT, skb_id), ==, 2);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_ORGANIZATION, skb_id), >, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_SIGNATURE, skb_id), >, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_TASK, skb_id), ==, 1);
  return g_steal_pointer (&skb);
}

typedef struct
{
  guint n_changed;
  guint n_reset;
} Signals;

static void
on_changed (TractStore  *store,
            TractRecord *before,
            TractRecord *after,
            Signals     *signals)
{
  signals->n_changed++;
}

static void
on_reset (TractStore *store,
          Signals    *signals)
{
  signals->n_reset++;
}

static void
test_delete_and_restore (TestDatabase  *fixture,
                         gconstpointer  data)
{
  TractStore *store = fixture->store;
  g_autoptr(TractOrganization) skb = prepare (store);
  gint64 skb_id = tract_record_get_id (TRACT_RECORD (skb));
  g_autoptr(TractRecordList) list = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autoptr(TractOrganization) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump (store);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  Signals signals = { 0 };
  guint n_lost = 99;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);

  snapshot = tract_organization_snapshot_delete (store, skb_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (tract_organization_snapshot_get_n_contacts (snapshot), ==, 2);
  g_assert_cmpuint (tract_organization_snapshot_get_n_event_roles (snapshot), ==, 3);
  g_assert_cmpuint (tract_organization_snapshot_get_n_signatures (snapshot), >, 0);
  g_assert_cmpuint (tract_organization_snapshot_get_n_tasks (snapshot), ==, 1);

  /* The cascade went through, and the list heard of it. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_ORGANIZATION, "id", skb_id), ==, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_CONTACT, skb_id), ==, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_ORGANIZATION, skb_id), ==, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_SIGNATURE, skb_id), ==, 0);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_TASK, skb_id), ==, 0);
  deleted = test_dump (store);

  g_signal_connect (store, "record-changed", G_CALLBACK (on_changed), &signals);
  g_signal_connect (store, "table-reset", G_CALLBACK (on_reset), &signals);
  restored = tract_organization_snapshot_restore (snapshot, store, &n_lost, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_signal_handlers_disconnect_by_data (store, &signals);

  /* Every row is back, same ids, same stamps, same search index. */
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (restored)), ==, skb_id);
  g_assert_cmpuint (n_lost, ==, 0);
  after = test_dump (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, !=, deleted);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  g_assert_cmpuint (signals.n_changed + signals.n_reset, >, 0);

  /* Search still finds it by its people. */
  tract_record_list_set_search (list, "ayse@example");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_restore_after_id_taken (TestDatabase  *fixture,
                             gconstpointer  data)
{
  TractStore *store = fixture->store;
  g_autoptr(TractOrganization) skb = prepare (store);
  gint64 skb_id = tract_record_get_id (TRACT_RECORD (skb));
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autoptr(TractOrganization) restored = NULL;
  g_autoptr(TractOrganization) newcomer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 restored_id;

  snapshot = tract_organization_snapshot_delete (store, skb_id, &error);
  g_assert_no_error (error);

  /* A new organization takes the freed id. */
  newcomer = tract_organization_new ("Nouvelle venue", "NV");
  tract_record_set_id (TRACT_RECORD (newcomer), skb_id);
  g_assert_true (tract_store_insert (store, TRACT_RECORD (newcomer), &error));
  g_assert_no_error (error);

  restored = tract_organization_snapshot_restore (snapshot, store, NULL, &error);
  g_assert_no_error (error);
  restored_id = tract_record_get_id (TRACT_RECORD (restored));
  g_assert_cmpint (restored_id, !=, skb_id);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (restored), "acronym"), ==, "SKB");
  g_assert_cmpint (count (store, TRACT_TYPE_CONTACT, restored_id), ==, 2);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_ORGANIZATION, restored_id), ==, 3);
  g_assert_cmpint (count (store, TRACT_TYPE_SIGNATURE, restored_id), ==,
                   tract_organization_snapshot_get_n_signatures (snapshot));
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_TASK, restored_id), ==, 1);
  g_assert_cmpint (count (store, TRACT_TYPE_CONTACT, skb_id), ==, 0);
}

static void
test_restore_refused_changes_nothing (TestDatabase  *fixture,
                                      gconstpointer  data)
{
  TractStore *store = fixture->store;
  g_autoptr(TractOrganization) skb = prepare (store);
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autoptr(TractOrganization) restored = NULL;
  g_autoptr(TractOrganization) usurper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  snapshot = tract_organization_snapshot_delete (store, tract_record_get_id (TRACT_RECORD (skb)), &error);
  g_assert_no_error (error);

  /* Same name, other case: names are unique regardless of case. */
  usurper = tract_organization_new (tract_record_get_text (TRACT_RECORD (skb), "name"), "X");
  g_assert_true (tract_store_insert (store, TRACT_RECORD (usurper), &error));
  g_assert_no_error (error);

  before = test_dump (store);
  restored = tract_organization_snapshot_restore (snapshot, store, NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "name");
  g_assert_nonnull (strstr (error->message, "Rename"));
  after = test_dump (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_restore_when_event_gone (TestDatabase  *fixture,
                              gconstpointer  data)
{
  TractStore *store = fixture->store;
  g_autoptr(TractOrganization) skb = prepare (store);
  gint64 skb_id = tract_record_get_id (TRACT_RECORD (skb));
  g_autoptr(GPtrArray) roles = tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION, "organization_id",
                                                   skb_id, "id", NULL);
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autoptr(TractOrganization) restored = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lost = 0;

  snapshot = tract_organization_snapshot_delete (store, skb_id, &error);
  g_assert_no_error (error);

  event = tract_store_load (store, TRACT_TYPE_EVENT, tract_record_get_integer (roles->pdata[1], "event_id"),
                            &error);
  g_assert_no_error (error);
  g_assert_true (tract_store_delete (store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);

  restored = tract_organization_snapshot_restore (snapshot, store, &n_lost, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_lost, ==, 1);
  g_assert_cmpint (count (store, TRACT_TYPE_EVENT_ORGANIZATION, skb_id), ==, 2);
  g_assert_cmpint (count (store, TRACT_TYPE_CONTACT, skb_id), ==, 2);
}

static void
test_snapshot_without_delete (TestDatabase  *fixture,
                              gconstpointer  data)
{
  g_autoptr(TractOrganization) skb = prepare (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autofree char *before = test_dump (fixture->store);
  g_autofree char *after = NULL;

  snapshot = tract_organization_snapshot_new (fixture->store, tract_record_get_id (TRACT_RECORD (skb)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (tract_organization_snapshot_get_organization (snapshot)),
                                          "acronym"), ==, "SKB");
  after = test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* A missing organization is an error a person can read. */
  g_clear_object (&snapshot);
  snapshot = tract_organization_snapshot_delete (fixture->store, 424242, &error);
  g_assert_null (snapshot);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/organization-snapshot/delete-and-restore", TestDatabase, NULL, test_database_setup,
              test_delete_and_restore, test_database_teardown);
  g_test_add ("/organization-snapshot/id-taken", TestDatabase, NULL, test_database_setup,
              test_restore_after_id_taken, test_database_teardown);
  g_test_add ("/organization-snapshot/name-taken", TestDatabase, NULL, test_database_setup,
              test_restore_refused_changes_nothing, test_database_teardown);
  g_test_add ("/organization-snapshot/event-gone", TestDatabase, NULL, test_database_setup,
              test_restore_when_event_gone, test_database_teardown);
  g_test_add ("/organization-snapshot/snapshot-only", TestDatabase, NULL, test_database_setup,
              test_snapshot_without_delete, test_database_teardown);

  return g_test_run ();
}
