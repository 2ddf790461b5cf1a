/* tract-event-bulk.c — many events inserted in one transaction, indexed once
 *
 * An import of 100,000 events spends its time where each row does work
 * that could be done for all rows at once: the full-text index (FTS5
 * flushes at every statement that writes it through a trigger), the
 * agenda's occurrences (a trigger reading a view per row), and the SQL
 * text, statement lookup and clock read of each insertion. A bulk keeps
 * its statements prepared, reads the clock once, and has the triggers of
 * migration 5 defer the new rows to its end, where one INSERT … SELECT
 * per table indexes them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-bulk"

#include "config.h"

#include "tract-event.h"
#include "tract-event-bulk.h"
#include "tract-store-private.h"

/* What the triggers of migration 5 would have written for each event
 * numbered ?1 and above, in the order they would have written it. */
static const char * const index_sql[] = {
  "INSERT INTO event_search (rowid, title, location_name, address, description)"
  " SELECT id, title, location_name, address, description FROM event WHERE id >= ?1 ORDER BY id",
  "INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day,"
  "  span_days, start_utc, end_utc, start_local, end_local)"
  " SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "  start_local, end_local FROM event_occurrence_source WHERE event_id >= ?1 ORDER BY event_id",
  "INSERT OR IGNORE INTO event_occurrence_stale (event_id)"
  " SELECT id FROM event WHERE id >= ?1 AND rrule <> '' ORDER BY id",
};

struct _TractEventBulk
{
  TractStore   *store;
  /* From the store's cache, reset after each use. */
  sqlite3_stmt *insert;
  sqlite3_stmt *find_uid;
  gint64        first_id;
  char         *now;
};

static void
bulk_free (TractEventBulk *bulk)
{
  g_clear_object (&bulk->store);
  g_free (bulk->now);
  g_free (bulk);
}

/* Runs @sql, with first_id as ?1 where it has a parameter. */
static gboolean
run_sql (TractEventBulk  *bulk,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (bulk->store, sql, error);
  int status;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bulk->first_id);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (bulk->store, status, NULL, error);
  return TRUE;
}

TractEventBulk *
tract_event_bulk_begin (TractStore  *store,
                        GError     **error)
{
  TractEventBulk *bulk;
  sqlite3_stmt *stmt;
  g_autofree char *insert = NULL;
  g_autoptr(GString) placeholders = g_string_new ("?1");
  g_autoptr(TractRecord) sample = NULL;
  guint n_columns;
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (!sqlite3_get_autocommit (tract_store_get_connection (store)), NULL);

  /* Rowids grow from the largest one: every row inserted from now on is
   * numbered first_id or above. A second bulk fails here, on the key. */
  stmt = tract_store_prepare (store, "INSERT INTO event_bulk (id, first_id)"
                                     " SELECT 1, coalesce (max (id), 0) + 1 FROM event RETURNING first_id", error);
  if (stmt == NULL)
    return NULL;
  bulk = g_new0 (TractEventBulk, 1);
  bulk->store = g_object_ref (store);
  bulk->now = tract_store_now_utc ();
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      bulk->first_id = sqlite3_column_int64 (stmt, 0);
      status = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      tract_store_set_sqlite_error (store, status, NULL, error);
      bulk_free (bulk);
      return NULL;
    }

  sample = g_object_new (TRACT_TYPE_EVENT, NULL);
  tract_record_get_columns (sample, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (placeholders, ", ?%u", i + 2);
  insert = g_strdup_printf ("INSERT INTO event (%s) VALUES (%s)",
                            tract_store_get_column_list (store, TRACT_TYPE_EVENT), placeholders->str);
  bulk->insert = tract_store_prepare (store, insert, error);
  bulk->find_uid = bulk->insert != NULL ? tract_store_prepare (store, "SELECT id FROM event WHERE uid = ?1", error)
                                        : NULL;
  if (bulk->find_uid == NULL)
    {
      tract_event_bulk_abandon (bulk);
      return NULL;
    }
  return bulk;
}

gint64
tract_event_bulk_find_uid (TractEventBulk  *bulk,
                           const char      *uid,
                           GError         **error)
{
  gint64 id = 0;
  int status;

  g_return_val_if_fail (bulk != NULL, -1);
  g_return_val_if_fail (uid != NULL, -1);

  sqlite3_bind_text (bulk->find_uid, 1, uid, -1, SQLITE_STATIC);
  status = sqlite3_step (bulk->find_uid);
  if (status == SQLITE_ROW)
    id = sqlite3_column_int64 (bulk->find_uid, 0);
  else if (status != SQLITE_DONE)
    id = -1;
  sqlite3_reset (bulk->find_uid);
  if (id < 0)
    tract_store_set_sqlite_error (bulk->store, status, NULL, error);
  return id;
}

gboolean
tract_event_bulk_insert (TractEventBulk  *bulk,
                         TractRecord     *event,
                         const char      *created_utc,
                         const char      *modified_utc,
                         GError         **error)
{
  const TractColumn *columns;
  guint n_columns;
  int status;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (TRACT_IS_EVENT (event), FALSE);

  if (!tract_record_check (event, error))
    return FALSE;

  /* The managed columns, as tract_store_insert() sets them. */
  if (*tract_record_get_text (event, "uid") == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();

      tract_record_set_text (event, "uid", uuid);
    }
  tract_record_set_text (event, "created_utc", created_utc != NULL ? created_utc : bulk->now);
  tract_record_set_text (event, "modified_utc", modified_utc != NULL ? modified_utc : bulk->now);
  if (tract_record_get_integer (event, "sequence") < 0)
    tract_record_set_integer (event, "sequence", 0);

  columns = tract_record_get_columns (event, &n_columns);
  sqlite3_bind_null (bulk->insert, 1);
  for (guint i = 0; i < n_columns; i++)
    tract_store_bind_value (bulk->insert, (int) i + 2, &columns[i], tract_record_get_value (event, i));
  status = sqlite3_step (bulk->insert);
  sqlite3_reset (bulk->insert);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (bulk->store, status, event, error);
  tract_record_set_id (event, sqlite3_last_insert_rowid (tract_store_get_connection (bulk->store)));
  return TRUE;
}

gboolean
tract_event_bulk_end (TractEventBulk  *bulk,
                      GError         **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (bulk != NULL, FALSE);

  for (guint i = 0; ok && i < G_N_ELEMENTS (index_sql); i++)
    ok = run_sql (bulk, index_sql[i], error);
  if (ok)
    ok = run_sql (bulk, "DELETE FROM event_bulk", error);
  bulk_free (bulk);
  return ok;
}

void
tract_event_bulk_abandon (TractEventBulk *bulk)
{
  if (bulk == NULL)
    return;
  run_sql (bulk, "DELETE FROM event_bulk", NULL);
  bulk_free (bulk);
}
