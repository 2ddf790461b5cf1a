/* test-migration.c — upgrading a database written by an older Tract
 *
 * A version-1 file with data is upgraded to the current schema: a
 * timestamped backup appears beside it first, nothing is lost, and a
 * migration that fails leaves the file at its old version. A version-4
 * file gets the bulk insertion of events (migration 5) with its search
 * index and agenda intact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "test-util.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-bulk.h"
#include "tract-event-image.h"
#include "tract-schema.h"
#include "tract-store-private.h"

typedef struct
{
  char *directory;
  char *path;
} OldDatabase;

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Writes a database as Tract 0.1 (schema version 1) left it, with data. */
static void
old_database_setup (OldDatabase   *fixture,
                    gconstpointer  data)
{
  const char *extra_sql = data;
  guint n_migrations;
  const char * const *migrations = tract_schema_get_migrations (&n_migrations);
  sqlite3 *db = NULL;

  fixture->directory = g_dir_make_tmp ("tract-test-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->directory, "old.db", NULL);

  g_assert_cmpuint (n_migrations, ==, TRACT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA journal_mode = WAL");
  exec_ok (db, "BEGIN");
  exec_ok (db, migrations[0]);
  exec_ok (db, "PRAGMA user_version = 1");
  exec_ok (db,
           "INSERT INTO campaign (id, name, time_zone, created_utc, modified_utc)"
           " VALUES (1, 'Vive la Commune de 1871', 'Europe/Paris', '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z');"
           "INSERT INTO organization (id, name, acronym, created_utc, modified_utc)"
           " VALUES (1, 'Union des Femmes Socialistes', 'SKB', '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z');"
           "INSERT INTO event (id, uid, campaign_id, title, kind, all_day, start_local, end_local, time_zone,"
           "  start_utc, end_utc, location_name, description, private_notes, created_utc, modified_utc)"
           " VALUES (1, 'weekend-2021', 1, 'Week-end de célébration', 'celebration', 1, '2021-05-29',"
           "  '2021-05-30', 'Europe/Paris', 1622239200, 1622412000, 'Paris', 'Avec l’ICOR', 'secret',"
           "  '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z');"
           "INSERT INTO event_organization (event_id, organization_id, role, position) VALUES (1, 1, 'organizer', 0);");
  if (extra_sql != NULL)
    exec_ok (db, extra_sql);
  exec_ok (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
old_database_teardown (OldDatabase   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->directory, name, NULL);
      g_remove (file);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

static GPtrArray *
find_backups (OldDatabase *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      g_ptr_array_add (backups, g_build_filename (fixture->directory, name, NULL));
  return backups;
}

static gint64
query_integer (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The start of a 3 × 2 PNG: the model reads no further than its header. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
  0x4d, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x44, 0x0c, 0x50, 0x00, 0x00, 0x30, 0x20, 0x05, 0xfb, 0x9f, 0x2b, 0x14, 0xbb, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
test_upgrade_keeps_data_and_backs_up (OldDatabase   *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *basename = NULL;
  sqlite3 *backup_db = NULL;

  store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_get_schema_version (store), ==, TRACT_STORE_SCHEMA_VERSION);

  /* The data survived, private notes and all. */
  event = tract_store_find (store, TRACT_TYPE_EVENT, "uid", "weekend-2021");
  g_assert_nonnull (event);
  g_assert_cmpstr (tract_event_get_title (event), ==, "Week-end de célébration");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (event), "private_notes"), ==, "secret");
  g_assert_true (tract_event_get_all_day (event));
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_EVENT, NULL, 0), ==, 1);

  /* The new table is there and usable. */
  g_assert_true (tract_event_image_set (store, 1, png, &error));
  g_assert_no_error (error);
  stored = tract_event_image_get (store, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, png));

  /* One backup, named after the old version and the time, at the old version. */
  backups = find_backups (fixture);
  g_assert_cmpuint (backups->len, ==, 1);
  basename = g_path_get_basename (backups->pdata[0]);
  g_assert_true (g_str_has_prefix (basename, "old.db.v1-"));
  g_assert_true (g_regex_match_simple ("^old\\.db\\.v1-[0-9]{8}-[0-9]{6}\\.bak$", basename, 0, 0));

  g_assert_cmpint (sqlite3_open_v2 (backups->pdata[0], &backup_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_integer (backup_db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_integer (backup_db, "SELECT count(*) FROM event WHERE uid = 'weekend-2021'"), ==, 1);
  g_assert_cmpint (query_integer (backup_db, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_image'"),
                   ==, 0);
  sqlite3_close (backup_db);

  /* Opening again migrates nothing and backs up nothing more. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = find_backups (fixture);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* A table the new schema wants to create already exists (a user's own
 * experiment): the upgrade fails as a whole and the file stays at version 1. */
static void
test_failed_upgrade_rolls_back (OldDatabase   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  sqlite3 *db = NULL;

  store = tract_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Cannot upgrade the database"));

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_integer (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_integer (db, "SELECT count(*) FROM event"), ==, 1);
  g_assert_cmpint (query_integer (db, "SELECT count(*) FROM organization_note"), ==, 1);
  sqlite3_close (db);
}

/* Writes a database as Tract left it at schema version 4, with data: the
 * search index and the occurrences written by that version's triggers. */
static void
version_4_setup (OldDatabase   *fixture,
                 gconstpointer  data)
{
  guint n_migrations;
  const char * const *migrations = tract_schema_get_migrations (&n_migrations);
  sqlite3 *db = NULL;

  fixture->directory = g_dir_make_tmp ("tract-test-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->directory, "old.db", NULL);

  g_assert_cmpuint (n_migrations, >=, 5);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA journal_mode = WAL");
  exec_ok (db, "BEGIN");
  for (guint i = 0; i < 4; i++)
    exec_ok (db, migrations[i]);
  exec_ok (db, "PRAGMA user_version = 4");
  exec_ok (db,
           "INSERT INTO campaign (id, name, time_zone, created_utc, modified_utc)"
           " VALUES (1, 'Vive la Commune de 1871', 'Europe/Paris', '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z');"
           "INSERT INTO event (id, uid, campaign_id, title, kind, all_day, start_local, end_local, time_zone,"
           "  start_utc, end_utc, rrule, location_name, created_utc, modified_utc)"
           " VALUES (1, 'weekend-2021', 1, 'Week-end de célébration', 'celebration', 1, '2021-05-29',"
           "  '2021-05-30', 'Europe/Paris', 1622239200, 1622412000, '', 'Paris',"
           "  '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z'),"
           " (2, 'weekly-2021', 1, 'Permanence hebdomadaire', 'meeting', 0, '2021-04-01T18:00',"
           "  '2021-04-01T20:00', 'Europe/Paris', 1617292800, 1617300000, 'FREQ=WEEKLY;COUNT=4', 'Bourse du travail',"
           "  '2021-01-18T10:00:00Z', '2021-01-18T10:00:00Z');");
  exec_ok (db, "COMMIT");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
store_integer (TractStore *store,
               const char *sql)
{
  return query_integer (tract_store_get_connection (store), sql);
}

static gboolean
insert_in_bulk (TractStore  *store,
                gpointer     user_data,
                GError     **error)
{
  TractEventBulk *bulk = tract_event_bulk_begin (store, error);

  if (bulk == NULL)
    return FALSE;
  if (!tract_event_bulk_insert (bulk, user_data, NULL, NULL, error))
    {
      tract_event_bulk_abandon (bulk);
      return FALSE;
    }
  return tract_event_bulk_end (bulk, NULL, NULL, NULL, error);
}

static void
test_upgrade_from_4_adds_bulk (OldDatabase   *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(TractEvent) later = tract_event_new_timed (1, "Assemblée générale", "2021-06-05T10:00",
                                                       "2021-06-05T12:00", "Europe/Paris");
  g_autoptr(TractEvent) imported = tract_event_new_timed (1, "Banquet fraternel", "2021-06-12T19:00",
                                                          "2021-06-12T23:00", "Europe/Paris");
  g_autofree char *basename = NULL;

  store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_get_schema_version (store), ==, TRACT_STORE_SCHEMA_VERSION);
  backups = find_backups (fixture);
  g_assert_cmpuint (backups->len, ==, 1);
  basename = g_path_get_basename (backups->pdata[0]);
  g_assert_true (g_str_has_prefix (basename, "old.db.v4-"));

  /* The new table, empty; the triggers test it; the index keeps more terms in memory. */
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_bulk"), ==, 0);
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                         " AND tbl_name = 'event' AND sql LIKE '%event_bulk%'"), ==, 4);
  g_assert_cmpint (store_integer (store, "SELECT v FROM event_search_config WHERE k = 'hashsize'"), ==, 16777216);

  /* What version 4 indexed is still found and listed. */
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                         " 'celebration OR bourse'"), ==, 2);
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_occurrence"), ==, 2);
  g_assert_cmpint (store_integer (store, "SELECT event_id FROM event_occurrence_stale"), ==, 2);
  g_assert_cmpint (sqlite3_exec (tract_store_get_connection (store),
                                 "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Row by row and in bulk, new events are indexed and listed. */
  g_assert_true (tract_store_insert (store, TRACT_RECORD (later), &error));
  g_assert_no_error (error);
  g_assert_true (tract_store_run (store, insert_in_bulk, imported, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                         " 'generale OR banquet'"), ==, 2);
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_occurrence"
                                         " WHERE day IN ('2021-06-05', '2021-06-12')"), ==, 2);
  g_assert_cmpint (store_integer (store, "SELECT count(*) FROM event_bulk"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/migration/from-1/keeps-data-and-backs-up", OldDatabase, NULL,
              old_database_setup, test_upgrade_keeps_data_and_backs_up, old_database_teardown);
  g_test_add ("/migration/from-1/failure-rolls-back", OldDatabase,
              "CREATE TABLE organization_note (id INTEGER PRIMARY KEY, note TEXT);"
              "INSERT INTO organization_note (note) VALUES ('mine');"
              "CREATE TABLE event_image (id INTEGER PRIMARY KEY);",
              old_database_setup, test_failed_upgrade_rolls_back, old_database_teardown);
  g_test_add ("/migration/from-4/adds-bulk-insertion", OldDatabase, NULL,
              version_4_setup, test_upgrade_from_4_adds_bulk, old_database_teardown);

  return g_test_run ();
}
