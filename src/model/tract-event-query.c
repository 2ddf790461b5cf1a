/* tract-event-query.c — events of a campaign, a date range or a selection, streamed
 *
 * An export of 100,000 events must not build 100,000 records: this steps one
 * prepared statement and hands out its columns as they are, with each
 * event's organizations joined in by the same query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-query"

#include "config.h"

#include <math.h>

#include "tract-event.h"
#include "tract-event-query.h"
#include "tract-store-private.h"

/* The label is tract_organization_dup_label()'s, written in SQL. */
#define ORGANIZATIONS_SQL(event_id)                                                         \
  "(SELECT group_concat(role || char(31) || label, char(30)) FROM"                          \
  " (SELECT eo.role AS role,"                                                               \
  "   CASE WHEN o.acronym = '' OR substr(o.name, 1, length(o.acronym)) = o.acronym COLLATE BINARY" \
  "        THEN o.name ELSE o.name || ' (' || o.acronym || ')' END AS label"                \
  "  FROM event_organization AS eo JOIN organization AS o ON o.id = eo.organization_id"     \
  "  WHERE eo.event_id = " event_id " ORDER BY eo.position, eo.id))"

#define EVENT_COLUMNS \
  "e.id, e.uid, e.campaign_id, e.title, e.kind, e.status, e.all_day, e.start_local," \
  " e.end_local, e.time_zone, e.start_utc, e.end_utc, e.rrule, e.exdates, e.location_name," \
  " e.address, e.latitude, e.longitude, e.description, e.url, e.sequence, e.created_utc," \
  " e.modified_utc, "

static const char select_columns[] = EVENT_COLUMNS ORGANIZATIONS_SQL ("e.id");
/* Without any organization linked to any event, the subquery per row is
 * a fifth of an export's time for nothing. */
static const char select_columns_alone[] = EVENT_COLUMNS "NULL";

struct _TractEventQuery
{
  TractStore   *store;
  char         *where;     /* " WHERE …" with ?1…?4 */
  gint64        campaign_id;
  char         *from;
  char         *to;
  char         *ids_json;
  sqlite3_stmt *rows;
  gboolean      done;
};

static void
bind_filters (TractEventQuery *self,
              sqlite3_stmt    *stmt)
{
  if (self->campaign_id != 0)
    sqlite3_bind_int64 (stmt, 1, self->campaign_id);
  if (self->from != NULL)
    sqlite3_bind_text (stmt, 2, self->from, -1, SQLITE_STATIC);
  if (self->to != NULL)
    sqlite3_bind_text (stmt, 3, self->to, -1, SQLITE_STATIC);
  if (self->ids_json != NULL)
    sqlite3_bind_text (stmt, 4, self->ids_json, -1, SQLITE_STATIC);
}

static sqlite3_stmt *
prepare (TractEventQuery  *self,
         const char       *sql,
         GError          **error)
{
  sqlite3 *db = tract_store_get_connection (self->store);
  sqlite3_stmt *stmt = NULL;
  int status = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (status != SQLITE_OK)
    {
      tract_store_set_sqlite_error (self->store, status, NULL, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  bind_filters (self, stmt);
  return stmt;
}

TractEventQuery *
tract_event_query_new (TractStore    *store,
                       gint64         campaign_id,
                       const char    *from,
                       const char    *to,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_autoptr(TractEventQuery) self = NULL;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self = g_new0 (TractEventQuery, 1);
  self->store = g_object_ref (store);
  self->campaign_id = campaign_id;
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  /* Separate statements per filter set keep the campaign index usable. */
  if (campaign_id != 0)
    g_string_append (where, " AND e.campaign_id = ?1");
  if (from != NULL)
    g_string_append (where, " AND (substr(e.end_local, 1, 10) >= ?2 OR e.rrule <> '')");
  if (to != NULL)
    g_string_append (where, " AND substr(e.start_local, 1, 10) <= ?3");
  if (ids != NULL)
    {
      GString *json = g_string_new ("[");

      for (guint i = 0; i < n_ids; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
      g_string_append_c (json, ']');
      self->ids_json = g_string_free (json, FALSE);
      g_string_append (where, " AND e.id IN (SELECT value FROM json_each(?4))");
    }
  if (where->len > 0)
    {
      /* " AND x AND y" → " WHERE x AND y" */
      g_string_erase (where, 0, 4);
      g_string_prepend (where, " WHERE");
    }
  self->where = g_string_free (g_steal_pointer (&where), FALSE);

  {
    sqlite3_stmt *any = NULL;
    gboolean linked = TRUE;

    if (sqlite3_prepare_v2 (tract_store_get_connection (store),
                            "SELECT EXISTS (SELECT 1 FROM event_organization)", -1, &any, NULL) == SQLITE_OK
        && sqlite3_step (any) == SQLITE_ROW)
      linked = sqlite3_column_int (any, 0) != 0;
    sqlite3_finalize (any);
    sql = g_strdup_printf ("SELECT %s FROM event AS e%s ORDER BY e.start_utc, e.id",
                           linked ? select_columns : select_columns_alone, self->where);
  }
  self->rows = prepare (self, sql, error);
  if (self->rows == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
tract_event_query_free (TractEventQuery *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->rows);
  g_clear_object (&self->store);
  g_free (self->where);
  g_free (self->from);
  g_free (self->to);
  g_free (self->ids_json);
  g_free (self);
}

gint64
tract_event_query_count (TractEventQuery  *self,
                         GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM event AS e%s", self->where);
  sqlite3_stmt *stmt = prepare (self, sql, error);
  gint64 count = -1;
  int status;

  if (stmt == NULL)
    return -1;
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    tract_store_set_sqlite_error (self->store, status, NULL, error);
  sqlite3_finalize (stmt);
  return count;
}

void
tract_event_zone_use_free (TractEventZoneUse *use)
{
  g_free (use->time_zone);
  g_free (use);
}

GPtrArray *
tract_event_query_list_zones (TractEventQuery  *self,
                              GError          **error)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func ((GDestroyNotify) tract_event_zone_use_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  sql = g_strdup_printf ("SELECT e.time_zone, min(substr(e.start_local, 1, 4)) FROM event AS e%s%s"
                         " e.all_day = 0 GROUP BY e.time_zone ORDER BY e.time_zone",
                         self->where, *self->where != '\0' ? " AND" : " WHERE");
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractEventZoneUse *use = g_new0 (TractEventZoneUse, 1);

      use->time_zone = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      use->first_year = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (zones, use);
    }
  if (status != SQLITE_DONE)
    {
      tract_store_set_sqlite_error (self->store, status, NULL, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&zones);
}

gboolean
tract_event_query_next (TractEventQuery  *self,
                        GError          **error)
{
  int status;

  if (self->done)
    return FALSE;
  status = sqlite3_step (self->rows);
  if (status == SQLITE_ROW)
    return TRUE;
  self->done = TRUE;
  if (status != SQLITE_DONE)
    tract_store_set_sqlite_error (self->store, status, NULL, error);
  return FALSE;
}

const char *
tract_event_query_get_text (TractEventQuery *self,
                            TractEventField  field)
{
  const char *text;

  g_return_val_if_fail (field < TRACT_EVENT_N_FIELDS, "");
  text = (const char *) sqlite3_column_text (self->rows, field);
  return text != NULL ? text : "";
}

gsize
tract_event_query_get_length (TractEventQuery *self,
                              TractEventField  field)
{
  /* sqlite3_column_bytes after sqlite3_column_text: the UTF-8 length. */
  tract_event_query_get_text (self, field);
  return (gsize) sqlite3_column_bytes (self->rows, field);
}

gint64
tract_event_query_get_integer (TractEventQuery *self,
                               TractEventField  field)
{
  g_return_val_if_fail (field < TRACT_EVENT_N_FIELDS, 0);
  return sqlite3_column_int64 (self->rows, field);
}

double
tract_event_query_get_real (TractEventQuery *self,
                            TractEventField  field)
{
  g_return_val_if_fail (field < TRACT_EVENT_N_FIELDS, NAN);
  if (sqlite3_column_type (self->rows, field) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (self->rows, field);
}

char *
tract_event_dup_organizations (TractStore *store,
                               gint64      event_id)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  stmt = tract_store_prepare (store, "SELECT " ORGANIZATIONS_SQL ("?1"), NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

gboolean
tract_event_restore_stamps (TractStore  *store,
                            gint64       event_id,
                            gint64       sequence,
                            const char  *created_utc,
                            const char  *modified_utc,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  stmt = tract_store_prepare (store,
                              "UPDATE event SET sequence = max(sequence, ?2),"
                              " created_utc = coalesce(?3, created_utc),"
                              " modified_utc = coalesce(?4, modified_utc) WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, MAX (sequence, 0));
  if (created_utc != NULL)
    sqlite3_bind_text (stmt, 3, created_utc, -1, SQLITE_TRANSIENT);
  if (modified_utc != NULL)
    sqlite3_bind_text (stmt, 4, modified_utc, -1, SQLITE_TRANSIENT);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);
  return TRUE;
}
