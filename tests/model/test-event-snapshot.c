/* test-event-snapshot.c — undoing a deletion, and duplicating, whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-demo.h"
#include "tract-event-image.h"
#include "tract-event-organization.h"
#include "tract-event-snapshot.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-store-private.h"

/* The start of a 3 × 2 PNG: the model reads no further than its header. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
  0x4d, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x44, 0x0c, 0x50, 0x00, 0x00, 0x30, 0x20, 0x05, 0xfb, 0x9f, 0x2b, 0x14, 0xbb, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  TestDatabase db;
  gint64       event_id; /* the demo's rally, with organizers and tasks */
} Fixture;

static gint64
query_integer (TractStore *store,
               const char *sql,
               gint64      id)
{
  sqlite3_stmt *stmt = tract_store_prepare (store, sql, NULL);
  gint64 value = -1;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Every row of every table, but the agenda's occurrences: derived rows,
 * whose rowids are new when they are written again. */
static char *
dump (TractStore *store)
{
  g_autofree char *all = test_dump (store);
  g_auto(GStrv) sections = g_strsplit (all, "## ", 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; sections[i] != NULL; i++)
    if (!g_str_has_prefix (sections[i], "event_occurrence\n"))
      g_string_append_printf (out, "## %s", sections[i]);
  return g_string_free (out, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);

  test_database_setup (&fixture->db, data);
  campaign = tract_demo_add (fixture->db.store, &error);
  g_assert_no_error (error);
  /* The event with the most organizations and tasks. */
  fixture->event_id = query_integer (fixture->db.store,
                                     "SELECT e.id FROM event AS e WHERE ? > 0 ORDER BY"
                                     " (SELECT count(*) FROM event_organization WHERE event_id = e.id)"
                                     " + (SELECT count(*) FROM event_task WHERE event_id = e.id) DESC, e.id LIMIT 1",
                                     1);
  g_assert_cmpint (query_integer (fixture->db.store, "SELECT count(*) FROM event_organization WHERE event_id = ?",
                                  fixture->event_id), >, 0);
  g_assert_cmpint (query_integer (fixture->db.store, "SELECT count(*) FROM event_task WHERE event_id = ?",
                                  fixture->event_id), >, 0);
  g_assert_true (tract_event_image_set (fixture->db.store, fixture->event_id, png, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_database_teardown (&fixture->db, data);
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TractEventSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(TractEvent) event = NULL;

  /* A task done, a change made: SEQUENCE is above 0. */
  event = tract_store_load (fixture->db.store, TRACT_TYPE_EVENT, fixture->event_id, &error);
  tract_record_set_text (TRACT_RECORD (event), "description", "Prises de parole des organisations membres.");
  g_assert_true (tract_store_update (fixture->db.store, TRACT_RECORD (event), &error));
  g_assert_cmpint (tract_event_get_sequence (event), ==, 1);

  before = dump (fixture->db.store);
  snapshot = tract_event_snapshot_delete (fixture->db.store, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (tract_event_snapshot_get_event (snapshot))), ==,
                   fixture->event_id);

  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT, "id", fixture->event_id), ==, 0);
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                      fixture->event_id), ==, 0);
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_TASK, "event_id", fixture->event_id), ==, 0);
  after = dump (fixture->db.store);
  g_assert_cmpstr (after, !=, before);

  /* Undo: everything as it was, to the byte, same id and UID. */
  g_assert_true (tract_event_snapshot_restore (snapshot, fixture->db.store, &error));
  g_assert_no_error (error);
  restored = dump (fixture->db.store);
  g_assert_cmpstr (restored, ==, before);

  /* Twice is refused, and changes nothing. */
  g_assert_false (tract_event_snapshot_restore (snapshot, fixture->db.store, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump (fixture->db.store);
  g_assert_cmpstr (after, ==, before);
}

/* An organization deleted between the deletion and the undo. */
static void
test_restore_without_organization (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TractEventSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = tract_store_select (fixture->db.store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                                   fixture->event_id, "position, id", &error);
  g_autoptr(GPtrArray) tasks = tract_store_select (fixture->db.store, TRACT_TYPE_EVENT_TASK, "event_id",
                                                   fixture->event_id, "position, id", &error);
  g_autoptr(TractOrganization) gone = NULL;
  gint64 gone_id = tract_record_get_integer (links->pdata[0], "organization_id");
  TractRecord *task = tasks->pdata[0];

  tract_record_set_integer (task, "organization_id", gone_id);
  g_assert_true (tract_store_update (fixture->db.store, task, &error));

  snapshot = tract_event_snapshot_delete (fixture->db.store, fixture->event_id, &error);
  g_assert_no_error (error);
  gone = tract_store_load (fixture->db.store, TRACT_TYPE_ORGANIZATION, gone_id, &error);
  g_assert_true (tract_store_delete (fixture->db.store, TRACT_RECORD (gone), &error));

  g_assert_true (tract_event_snapshot_restore (snapshot, fixture->db.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                      fixture->event_id), ==, links->len - 1);
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_TASK, "event_id", fixture->event_id),
                   ==, tasks->len);
  g_assert_cmpint (query_integer (fixture->db.store, "SELECT count(*) FROM event_task WHERE id = ?"
                                  " AND organization_id IS NULL", tract_record_get_id (task)), ==, 1);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TractEventSnapshot) snapshot = NULL;
  g_autoptr(TractEvent) copy = NULL;
  g_autoptr(TractEvent) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  gint64 copy_id;

  /* A task done in the original stays done there only. */
  g_assert_cmpint (query_integer (fixture->db.store, "UPDATE event_task SET done = 1 WHERE event_id = ?"
                                  " RETURNING id", fixture->event_id), >, 0);
  snapshot = tract_event_snapshot_take (fixture->db.store, fixture->event_id, &error);
  g_assert_no_error (error);
  original = g_object_ref (tract_event_snapshot_get_event (snapshot));
  copy = tract_event_snapshot_duplicate (snapshot, fixture->db.store, &error);
  g_assert_no_error (error);
  copy_id = tract_record_get_id (TRACT_RECORD (copy));

  g_assert_cmpint (copy_id, !=, fixture->event_id);
  g_assert_cmpstr (tract_event_get_uid (copy), !=, tract_event_get_uid (original));
  g_assert_true (g_uuid_string_is_valid (tract_event_get_uid (copy)));
  g_assert_cmpint (tract_event_get_sequence (copy), ==, 0);
  g_assert_cmpstr (tract_event_get_title (copy), ==, tract_event_get_title (original));
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (copy), "start_local"), ==,
                   tract_record_get_text (TRACT_RECORD (original), "start_local"));

  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", copy_id), ==,
                   tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", fixture->event_id));
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_TASK, "event_id", copy_id), ==,
                   tract_store_count (fixture->db.store, TRACT_TYPE_EVENT_TASK, "event_id", fixture->event_id));
  g_assert_cmpint (query_integer (fixture->db.store, "SELECT count(*) FROM event_task WHERE event_id = ? AND done",
                                  copy_id), ==, 0);
  g_assert_cmpint (query_integer (fixture->db.store, "SELECT count(*) FROM event_task WHERE event_id = ? AND NOT done",
                                  fixture->event_id), ==, 0);
  image = tract_event_image_get (fixture->db.store, copy_id, NULL, NULL, NULL, &error);
  g_assert_nonnull (image);
  g_assert_cmpint (g_bytes_get_size (image), ==, sizeof tiny_png);

  /* Deleting an event that is gone already says so. */
  g_assert_true (tract_store_delete (fixture->db.store, TRACT_RECORD (copy), &error));
  g_assert_null (tract_event_snapshot_delete (fixture->db.store, copy_id, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/event-snapshot/delete-and-restore", test_delete_and_restore);
  ADD ("/event-snapshot/restore-without-organization", test_restore_without_organization);
  ADD ("/event-snapshot/duplicate", test_duplicate);
#undef ADD

  return g_test_run ();
}
