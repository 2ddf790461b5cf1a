/* tract-event-bulk.c — many events inserted in one transaction, indexed a chunk at a time
 *
 * An import of 100,000 events spends its time where each row does work
 * that could be done for many rows at once: the full-text index and the
 * agenda's occurrences (triggers, row by row), the statement journal that
 * any insertion firing a trigger opens, and the SQL text, statement
 * lookup and clock read of each insertion. A bulk keeps its statements
 * prepared, reads the clock once, writes its rows BATCH at a time, and
 * has the triggers of migration 5 defer them to its caller's requests and
 * to its end, where one INSERT … SELECT per table indexes all the rows
 * written since the last.
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
  " SELECT id, title, location_name, address, description FROM event WHERE id >= ?1 AND id < ?2 ORDER BY id",
  "INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day,"
  "  span_days, start_utc, end_utc, start_local, end_local)"
  " SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "  start_local, end_local FROM event_occurrence_source WHERE event_id >= ?1 AND event_id < ?2"
  " ORDER BY event_id",
  "INSERT OR IGNORE INTO event_occurrence_stale (event_id)"
  " SELECT id FROM event WHERE id >= ?1 AND id < ?2 AND rrule <> '' ORDER BY id",
};

/* Rows written by one statement. One statement per row makes the
 * insertion half as slow again: each one opens a statement journal (a
 * trigger could fail after the row is written) and copies every page it
 * touches into it. */
#define BATCH 32

struct _TractEventBulk
{
  TractStore   *store;
  /* From the store's cache, reset after each use. */
  sqlite3_stmt *insert;      /* BATCH rows; those whose UID is NULL are left out */
  sqlite3_stmt *find_uid;
  guint         n_columns;   /* bound per row, the id included */
  guint         n_pending;   /* rows bound to @insert, not yet written */
  GHashTable   *pending;     /* their UIDs */
  char         *absent_uid;  /* the last UID find_uid() did not find */
  gint64        first_id;
  char         *now;
};

static void
bulk_free (TractEventBulk *bulk)
{
  g_clear_object (&bulk->store);
  g_clear_pointer (&bulk->pending, g_hash_table_unref);
  g_free (bulk->absent_uid);
  g_free (bulk->now);
  g_free (bulk);
}

/* Runs @sql, with the ids from first_id up to @end as ?1 and ?2 where
 * it has parameters. */
static gboolean
run_sql (TractEventBulk  *bulk,
         const char      *sql,
         gint64           end,
         GError         **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (bulk->store, sql, error);
  int status;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bulk->first_id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, end);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (bulk->store, status, NULL, error);
  return TRUE;
}

/* Writes the pending rows. Validation refused beforehand what the table's
 * constraints would, and the rows are no longer at hand to say which one
 * failed: a failure here is the bulk's, unless @only is the one row, whose
 * refusal is told as the store tells it. */
static gboolean
flush (TractEventBulk  *bulk,
       TractRecord     *only,
       GError         **error)
{
  int status;

  if (bulk->n_pending == 0)
    return TRUE;
  g_assert (only == NULL || bulk->n_pending == 1);
  for (guint row = bulk->n_pending; row < BATCH; row++)
    sqlite3_bind_null (bulk->insert, (int) (row * bulk->n_columns + 2));
  status = sqlite3_step (bulk->insert);
  sqlite3_reset (bulk->insert);
  bulk->n_pending = 0;
  g_hash_table_remove_all (bulk->pending);
  if (status == SQLITE_DONE)
    return TRUE;
  if (only != NULL)
    return tract_store_set_sqlite_error (bulk->store, status, only, error);
  {
    g_autoptr(GError) cause = NULL;

    tract_store_set_sqlite_error (bulk->store, status, NULL, &cause);
    g_set_error_literal (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_FAILED, cause->message);
    return FALSE;
  }
}

TractEventBulk *
tract_event_bulk_begin (TractStore  *store,
                        GError     **error)
{
  TractEventBulk *bulk;
  sqlite3_stmt *stmt;
  g_autofree char *insert = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
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
  bulk->n_columns = n_columns + 1;
  bulk->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* INSERT … SELECT * FROM (VALUES (?1, …), …) WHERE column2 IS NOT NULL:
   * the rows of a last, partial batch are given no UID. */
  for (guint row = 0; row < BATCH; row++)
    for (guint i = 0; i < bulk->n_columns; i++)
      g_string_append_printf (values, "%s?%u%s", i > 0 ? ", " : row > 0 ? ", (" : "(",
                              row * bulk->n_columns + i + 1, i + 1 == bulk->n_columns ? ")" : "");
  insert = g_strdup_printf ("INSERT INTO event (%s) SELECT * FROM (VALUES %s) WHERE column2 IS NOT NULL",
                            tract_store_get_column_list (store, TRACT_TYPE_EVENT), values->str);
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

  if (g_hash_table_contains (bulk->pending, uid) && !flush (bulk, NULL, error))
    return -1;
  sqlite3_bind_text (bulk->find_uid, 1, uid, -1, SQLITE_STATIC);
  status = sqlite3_step (bulk->find_uid);
  if (status == SQLITE_ROW)
    id = sqlite3_column_int64 (bulk->find_uid, 0);
  else if (status != SQLITE_DONE)
    id = -1;
  sqlite3_reset (bulk->find_uid);
  if (id < 0)
    tract_store_set_sqlite_error (bulk->store, status, NULL, error);
  if (id == 0 && g_strcmp0 (uid, bulk->absent_uid) != 0)
    {
      g_free (bulk->absent_uid);
      bulk->absent_uid = g_strdup (uid);
    }
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
  const char *uid;
  gboolean alone;
  guint n_columns;
  int first;

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

  /* A UID already taken, even by a row not yet written: that row is
   * written, and this one alone, so that the table refuses it as it
   * refuses any duplicate. The caller has often just checked. */
  uid = tract_record_get_text (event, "uid");
  if (g_strcmp0 (uid, bulk->absent_uid) == 0)
    alone = FALSE;
  else
    {
      gint64 id = tract_event_bulk_find_uid (bulk, uid, error);

      if (id < 0)
        return FALSE;
      alone = id > 0;
    }
  g_clear_pointer (&bulk->absent_uid, g_free);
  if (alone && !flush (bulk, NULL, error))
    return FALSE;

  columns = tract_record_get_columns (event, &n_columns);
  first = (int) (bulk->n_pending * bulk->n_columns) + 1;
  sqlite3_bind_null (bulk->insert, first);
  for (guint i = 0; i < n_columns; i++)
    tract_store_bind_value (bulk->insert, first + 1 + (int) i, &columns[i], tract_record_get_value (event, i));
  g_hash_table_add (bulk->pending, g_strdup (uid));
  if (alone)
    {
      bulk->n_pending = 1;
      return flush (bulk, event, error);
    }
  if (++bulk->n_pending == BATCH)
    return flush (bulk, NULL, error);
  return TRUE;
}

gboolean
tract_event_bulk_flush (TractEventBulk  *bulk,
                        GError         **error)
{
  g_return_val_if_fail (bulk != NULL, FALSE);
  return flush (bulk, NULL, error);
}

/* SQLite's progress handler: a non-zero answer interrupts the statement. */
static int
is_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* How many virtual machine instructions SQLite runs between two looks at
 * the cancellable: a few microseconds' work. */
#define CANCEL_CHECK_INTERVAL 4096

/* The id after the last row written: the end of what can be indexed, 0
 * on a failure. */
static gint64
end_of_written (TractEventBulk  *bulk,
                GError         **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (bulk->store, "SELECT coalesce (max (id), 0) + 1 FROM event", error);
  gint64 end = 0;
  int status;

  if (stmt == NULL)
    return 0;
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    end = sqlite3_column_int64 (stmt, 0);
  else
    tract_store_set_sqlite_error (bulk->store, status, NULL, error);
  sqlite3_reset (stmt);
  return end;
}

/* Indexes the rows from first_id up to @end, then moves first_id there:
 * from now on the triggers keep those rows indexed, as any others. */
static gboolean
index_up_to (TractEventBulk          *bulk,
             gint64                   end,
             TractEventBulkStepFunc   step_done,
             gpointer                 user_data,
             GError                 **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (index_sql); i++)
    {
      if (!run_sql (bulk, index_sql[i], end, error))
        return FALSE;
      if (step_done != NULL)
        step_done (i + 1, G_N_ELEMENTS (index_sql), user_data);
    }
  if (!run_sql (bulk, "UPDATE event_bulk SET first_id = ?2 WHERE first_id = ?1", end, error))
    return FALSE;
  bulk->first_id = end;
  return TRUE;
}

gint64
tract_event_bulk_index_written (TractEventBulk  *bulk,
                                guint            min_rows,
                                GError         **error)
{
  gint64 end;

  g_return_val_if_fail (bulk != NULL, -1);

  end = end_of_written (bulk, error);
  if (end == 0)
    return -1;
  if (end - bulk->first_id < (gint64) MAX (min_rows, 1))
    return 0;
  {
    gint64 start = bulk->first_id;

    if (!index_up_to (bulk, end, NULL, NULL, error))
      return -1;
    return end - start;
  }
}

gboolean
tract_event_bulk_end (TractEventBulk          *bulk,
                      GCancellable            *cancellable,
                      TractEventBulkStepFunc   step_done,
                      gpointer                 user_data,
                      GError                 **error)
{
  sqlite3 *db;
  gint64 end = 0;
  gboolean ok;

  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  db = tract_store_get_connection (bulk->store);
  ok = flush (bulk, NULL, error) && (end = end_of_written (bulk, error)) > 0;
  /* The indexing of a large import takes seconds: a Cancel pressed
   * meanwhile stops it, and the caller rolls the whole import back. */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, CANCEL_CHECK_INTERVAL, is_cancelled, cancellable);
  ok = ok && index_up_to (bulk, end, step_done, user_data, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (ok)
    ok = run_sql (bulk, "DELETE FROM event_bulk", 0, error);
  bulk_free (bulk);
  return ok;
}

void
tract_event_bulk_abandon (TractEventBulk *bulk)
{
  if (bulk == NULL)
    return;
  run_sql (bulk, "DELETE FROM event_bulk", 0, NULL);
  bulk_free (bulk);
}
