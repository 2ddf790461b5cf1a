/* test-util.c — fresh databases and dumps for the model tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "test-util.h"
#include "tract-store-private.h"

void
test_database_setup (TestDatabase  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("tract-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "test.db", NULL);
  fixture->store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_remove (path);
    }
  g_rmdir (directory);
}

void
test_database_teardown (TestDatabase  *fixture,
                        gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

char *
test_dump (TractStore *store)
{
  sqlite3 *db = tract_store_get_connection (store);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema ORDER BY name", -1, &tables, NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      const char *sql = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *select = NULL;
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "## %s\n%s\n", table, sql != NULL ? sql : "");
      /* FTS5 shadow tables are dumped through their virtual table. */
      if (sql == NULL || strstr (table, "_search_") != NULL
          || !(g_str_has_prefix (sql, "CREATE TABLE") || g_str_has_prefix (sql, "CREATE VIRTUAL TABLE")))
        continue;

      select = g_strdup_printf ("SELECT rowid, * FROM \"%s\" ORDER BY rowid", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              g_autofree char *quoted = NULL;

              switch (sqlite3_column_type (rows, i))
                {
                case SQLITE_NULL:
                  g_string_append (dump, "NULL");
                  break;
                case SQLITE_TEXT:
                  quoted = g_strescape ((const char *) sqlite3_column_text (rows, i), NULL);
                  g_string_append_printf (dump, "'%s'", quoted);
                  break;
                default:
                  g_string_append (dump, (const char *) sqlite3_column_text (rows, i));
                  break;
                }
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (dump, FALSE);
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static const char * const hostile[] = {
  "Robert'); DROP TABLE organization;--",
  "\" OR 1=1 --",
  "%s%s%n%x",
  "\x01\x02\x1b[31mred\x7f",
  "line one\r\nline two\ttab",
  "مرحبا بالعالم — עברית",
  "\u202Eevil\u202C RTL override",
  "✊🏽 Commune 🚩🇫🇷 👩‍👩‍👧",
  "back\\slash; comma, quote\"",
  "  leading and trailing blanks  ",
};

/* index == n_hostile: 1 MiB of text. */
char *
test_hostile_text (guint index)
{
  if (index < G_N_ELEMENTS (hostile))
    return g_strdup (hostile[index]);

  {
    GString *big = g_string_sized_new (1 << 20);

    while (big->len < (1 << 20))
      g_string_append (big, "La Commune n’est pas morte ! ✊ ");
    return g_string_free (big, FALSE);
  }
}

guint
test_n_hostile_texts (void)
{
  return G_N_ELEMENTS (hostile) + 1;
}
