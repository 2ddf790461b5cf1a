/* test-store.c — opening, creating, migrating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "test-util.h"
#include "tract-campaign.h"
#include "tract-store-private.h"

static void
test_new_file_is_private (TestDatabase  *fixture,
                          gconstpointer  data)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (tract_store_get_schema_version (fixture->store), ==, TRACT_STORE_SCHEMA_VERSION);
}

static void
test_pragmas (TestDatabase  *fixture,
              gconstpointer  data)
{
  sqlite3 *db = tract_store_get_connection (fixture->store);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT * FROM pragma_journal_mode, pragma_foreign_keys, pragma_synchronous",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 2); /* FULL */
  sqlite3_finalize (stmt);
}

static void
test_reopen_keeps_data (TestDatabase  *fixture,
                        gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Campagne");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) again = NULL;

  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  fixture->store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  again = tract_store_find (fixture->store, TRACT_TYPE_CAMPAIGN, "name", "Campagne");
  g_assert_nonnull (again);
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (again)), ==,
                   tract_record_get_id (TRACT_RECORD (campaign)));
}

/* A second store on the same file, as a job in a thread opens, must not
 * take the first one's locks away: closing it would otherwise make SQLite
 * take the first one's WAL for abandoned and delete it. */
static void
test_second_store_keeps_first_intact (TestDatabase  *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strdup_printf ("%s-wal", fixture->path);
  static const char other_process[] =
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1])\n"
    "db.execute('SELECT count(*) FROM campaign').fetchall()\n"
    "db.close()\n";
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) other_process, fixture->path, NULL };
  int status;

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("Campagne %u", round);
      g_autoptr(TractCampaign) campaign = tract_campaign_new (name);
      g_autoptr(TractStore) second = NULL;
      g_autoptr(TractCampaign) seen = NULL;

      g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (campaign), &error));
      g_assert_no_error (error);

      second = tract_store_open (fixture->path, &error);
      g_assert_no_error (error);
      seen = tract_store_find (second, TRACT_TYPE_CAMPAIGN, "name", name);
      g_assert_nonnull (seen);
      g_clear_object (&second);

      /* Another process comes and goes, as `tract list` does beside the
       * window: it must still see the first store's locks, or its close
       * checkpoints and deletes the WAL the first store is writing to. */
      g_assert_true (g_spawn_sync (NULL, argv,
                                   NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  /* Everything the first store wrote is still there for a third one. */
  g_clear_object (&fixture->store);
  fixture->store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_CAMPAIGN, NULL, 0), ==, 3);
}

static void
test_newer_version_refused_untouched (TestDatabase  *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TRACT_STORE_SCHEMA_VERSION + 1);
  g_autoptr(TractStore) store = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->store);

  /* Leave the file as a newer Tract would: not in WAL mode, nothing pending. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = test_file_checksum (fixture->path);
  store = tract_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Tract"));
  after = test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_sqlite_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("tract-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TractStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "These are my notes, not a database.\n", -1, NULL));
  before = test_file_checksum (path);
  store = tract_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not a SQLite file"));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_remove (path);
  g_rmdir (directory);
}

static void
test_damaged_file_refused (TestDatabase  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  /* Keep the magic, scribble over the header's page size and the schema page. */
  memset (contents + 16, 0xff, 4000);
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, NULL));

  store = tract_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT));
}

static void
test_foreign_sqlite_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("tract-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "other.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TractStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)", NULL, NULL, NULL);
  sqlite3_close (db);

  before = test_file_checksum (path);
  store = tract_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_remove (path);
  g_rmdir (directory);
}

static void
test_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;

  /* Under a regular file: no folder can be made there, even by root. */
  store = tract_store_open ("/etc/hostname/tract/test.db", &error);
  g_assert_null (store);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN);
}

static void
test_migration_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("tract-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "empty.db", NULL);
  g_autoptr(TractStore) store = NULL;
  const char *tables[] = { "campaign", "organization", "contact", "event", "event_organization",
                           "event_task", "statement", "statement_revision", "signature" };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* An empty file, as a file manager's "New document" makes. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = tract_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_get_schema_version (store), ==, TRACT_STORE_SCHEMA_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (tract_store_get_connection (store), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      sqlite3_finalize (stmt);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  dir = g_dir_open (directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (directory, name, NULL);
      /* Nothing to back up in a new database: no .bak beside it. */
      g_assert_false (g_str_has_suffix (name, ".bak"));
      g_remove (file);
    }
  g_rmdir (directory);
}

static gboolean
fail_after_insert (TractStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Inside");

  if (!tract_store_insert (store, TRACT_RECORD (campaign), error))
    return FALSE;
  g_set_error_literal (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_FAILED, "stop");
  return FALSE;
}

static void
count_signal (gpointer a,
              gpointer b,
              gpointer c,
              gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_rollback_announces_nothing (TestDatabase  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump (fixture->store);
  g_autofree char *after = NULL;
  guint n_signals = 0;

  g_signal_connect (fixture->store, "record-changed", G_CALLBACK (count_signal), &n_signals);
  g_assert_false (tract_store_run (fixture->store, fail_after_insert, NULL, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_FAILED);
  after = test_dump (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_signals, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/new-file-is-private", TestDatabase, NULL, test_database_setup,
              test_new_file_is_private, test_database_teardown);
  g_test_add ("/store/pragmas", TestDatabase, NULL, test_database_setup, test_pragmas,
              test_database_teardown);
  g_test_add ("/store/reopen", TestDatabase, NULL, test_database_setup, test_reopen_keeps_data,
              test_database_teardown);
  g_test_add ("/store/second-store-keeps-first-intact", TestDatabase, NULL, test_database_setup,
              test_second_store_keeps_first_intact, test_database_teardown);
  g_test_add ("/store/newer-version-refused", TestDatabase, NULL, test_database_setup,
              test_newer_version_refused_untouched, test_database_teardown);
  g_test_add ("/store/damaged-file-refused", TestDatabase, NULL, test_database_setup,
              test_damaged_file_refused, test_database_teardown);
  g_test_add ("/store/rollback-announces-nothing", TestDatabase, NULL, test_database_setup,
              test_rollback_announces_nothing, test_database_teardown);
  g_test_add_func ("/store/not-sqlite-refused", test_not_sqlite_refused);
  g_test_add_func ("/store/foreign-sqlite-refused", test_foreign_sqlite_refused);
  g_test_add_func ("/store/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/store/migration-from-empty", test_migration_from_empty);

  return g_test_run ();
}
