/* tract-agenda-query.c — the agenda's occurrences: expansion and indexed queries
 *
 * The agenda reads the table event_occurrence (migration 4): one row per
 * occurrence, ordered by the local day of its start then its instant, so
 * that counting, paging and jumping to a day are index range queries
 * however many events there are and however many of them repeat.
 *
 * Triggers keep the rows of events that do not repeat. A repeating event
 * gets its first row from the triggers and a mark in event_occurrence_stale;
 * tract_agenda_query_sync() expands the marked series here, in C, since
 * SQL cannot read a recurrence rule. Series without an end are expanded up
 * to a horizon three new years ahead, stored with the rows: when the
 * calendar passes a new year, every series is expanded again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-agenda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tract-agenda-query-private.h"
#include "tract-event.h"
#include "tract-record-list.h"
#include "tract-search-matches.h"
#include "tract-store-private.h"
#include "tract-validate.h"

/* Series are expanded this many at a time, to bound the memory of a
 * first synchronization after an import of thousands of them. */
#define SYNC_BATCH 256

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Filters */

gboolean
tract_agenda_filter_needs_sql (const TractAgendaFilter *filter)
{
  g_autofree char *query = NULL;

  if (filter->organization_id != 0)
    return TRUE;
  query = filter->search != NULL ? tract_search_query_from_text (filter->search) : NULL;
  return query != NULL;
}

gboolean
tract_agenda_filter_matches (const TractAgendaFilter *filter,
                             TractRecord             *event)
{
  if (event == NULL)
    return FALSE;
  if (tract_record_get_integer (event, "campaign_id") != filter->campaign_id)
    return FALSE;
  if (has_text (filter->kind) && g_strcmp0 (tract_record_get_text (event, "kind"), filter->kind) != 0)
    return FALSE;
  if (has_text (filter->status) && g_strcmp0 (tract_record_get_text (event, "status"), filter->status) != 0)
    return FALSE;
  return TRUE;
}

sqlite3_stmt *
tract_agenda_query_prepare (TractStore               *store,
                            const TractAgendaFilter  *filter,
                            const char               *head,
                            const char               *tail,
                            int                      *next_index,
                            GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (head);
  g_autofree char *search = filter->search != NULL ? tract_search_query_from_text (filter->search) : NULL;
  const TractSearchMatches *matches = NULL;
  sqlite3_stmt *stmt;
  int index = 1;

  /* Read before the statement is prepared: the store's cached statements
   * are one per text, and reading the matches uses another. */
  if (search != NULL)
    {
      matches = tract_search_matches_get (store, "event_search", search, error);
      if (matches == NULL)
        return NULL;
    }

  g_string_append (sql, " WHERE o.campaign_id = ?");
  if (has_text (filter->kind))
    g_string_append (sql, " AND o.kind = ?");
  if (has_text (filter->status))
    g_string_append (sql, " AND o.status = ?");
  /* The campaign's own index, in order, probing the words' matches (see
   * tract-search-matches.c). */
  if (search != NULL)
    g_string_append (sql, " AND " TRACT_SEARCH_MATCHES_SQL ("o.event_id"));
  if (filter->organization_id != 0)
    g_string_append (sql, " AND o.event_id IN (SELECT event_id FROM event_organization"
                          " WHERE organization_id = ?)");
  g_string_append (sql, tail);

  stmt = tract_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, index++, filter->campaign_id);
  if (has_text (filter->kind))
    sqlite3_bind_text (stmt, index++, filter->kind, -1, SQLITE_TRANSIENT);
  if (has_text (filter->status))
    sqlite3_bind_text (stmt, index++, filter->status, -1, SQLITE_TRANSIENT);
  if (search != NULL)
    tract_search_matches_bind (matches, stmt, index++);
  if (filter->organization_id != 0)
    sqlite3_bind_int64 (stmt, index++, filter->organization_id);

  if (next_index != NULL)
    *next_index = index;
  return stmt;
}

/* Expansion */

void
tract_agenda_occurrence_last_day (const TractOccurrence *occurrence,
                                  gboolean               all_day,
                                  char                   last_day[11])
{
  const char *end = occurrence->end_local;

  g_strlcpy (last_day, end, 11);
  /* A timed event that ends at midnight ends with the day before. */
  if (!all_day && strlen (end) >= 16 && strncmp (end + 11, "00:00", 5) == 0
      && strncmp (end, occurrence->start_local, 10) > 0)
    {
      g_autoptr(GDate) date = tract_parse_date (last_day);

      if (date != NULL)
        {
          g_date_subtract_days (date, 1);
          g_snprintf (last_day, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                      g_date_get_day (date));
        }
    }
}

GArray *
tract_agenda_query_expand (TractRecord *event,
                           gint64       horizon_utc)
{
  GArray *occurrences = g_array_new (FALSE, FALSE, sizeof (TractOccurrence));
  g_autoptr(TractRecurrence) recurrence = NULL;
  g_autoptr(GError) error = NULL;
  TractOccurrence occurrence;
  gboolean finite;

  g_return_val_if_fail (TRACT_IS_RECORD (event), occurrences);

  recurrence = tract_recurrence_new_for_event (event, &error);
  if (recurrence == NULL)
    {
      /* A rule saved before it was checked, or written by another program:
       * the event still shows, on its first date. */
      g_debug ("Event %" G_GINT64_FORMAT ": %s", tract_record_get_id (event), error->message);
      recurrence = tract_recurrence_new ("", "", tract_record_get_boolean (event, "all_day"),
                                         tract_record_get_text (event, "start_local"),
                                         tract_record_get_text (event, "end_local"),
                                         tract_record_get_text (event, "time_zone"), NULL);
      if (recurrence == NULL)
        return occurrences;
    }

  finite = tract_recurrence_is_finite (recurrence);
  while (occurrences->len < TRACT_AGENDA_MAX_OCCURRENCES && tract_recurrence_next (recurrence, &occurrence))
    {
      if (!finite && occurrences->len > 0 && occurrence.start_utc > horizon_utc)
        break;
      g_array_append_val (occurrences, occurrence);
    }
  return occurrences;
}

/* Synchronization */

static gint64
desired_horizon (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) horizon = g_date_time_new_utc (g_date_time_get_year (now) + 3, 1, 1, 0, 0, 0);

  return g_date_time_to_unix (horizon);
}

gint64
tract_agenda_query_get_horizon (TractStore *store)
{
  sqlite3_stmt *stmt;
  gint64 horizon = 0;

  g_return_val_if_fail (TRACT_IS_STORE (store), 0);

  stmt = tract_store_prepare (store, "SELECT until_utc FROM event_occurrence_horizon WHERE id = 1", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    horizon = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return horizon;
}

static gboolean
exec_statement (TractStore   *store,
                sqlite3_stmt *stmt,
                GError      **error)
{
  int status = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);
  return TRUE;
}

static gboolean
write_occurrences (TractStore   *store,
                   TractRecord  *event,
                   gint64        horizon,
                   GError      **error)
{
  g_autoptr(GArray) occurrences = tract_agenda_query_expand (event, horizon);
  gboolean all_day = tract_record_get_boolean (event, "all_day");
  gint64 id = tract_record_get_id (event);
  sqlite3_stmt *stmt;

  stmt = tract_store_prepare (store, "DELETE FROM event_occurrence WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!exec_statement (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      TractOccurrence *occurrence = &g_array_index (occurrences, TractOccurrence, i);
      g_autoptr(GDate) first = NULL;
      g_autoptr(GDate) last = NULL;
      char day[11], last_day[11];

      g_strlcpy (day, occurrence->start_local, sizeof day);
      tract_agenda_occurrence_last_day (occurrence, all_day, last_day);
      first = tract_parse_date (day);
      last = tract_parse_date (last_day);

      stmt = tract_store_prepare (store,
                                  "INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind,"
                                  " status, day, last_day, span_days, start_utc, end_utc, start_local,"
                                  " end_local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, tract_record_get_integer (event, "campaign_id"));
      sqlite3_bind_text (stmt, 3, tract_record_get_text (event, "kind"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, tract_record_get_text (event, "status"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, last_day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, first != NULL && last != NULL ? g_date_days_between (first, last) : 0);
      sqlite3_bind_int64 (stmt, 8, occurrence->start_utc);
      sqlite3_bind_int64 (stmt, 9, occurrence->end_utc);
      sqlite3_bind_text (stmt, 10, occurrence->start_local, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, occurrence->end_local, -1, SQLITE_TRANSIENT);
      if (!exec_statement (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64   horizon;
  guint    max_series; /* 0: all */
  guint    n_series;
  gboolean changed;
} Sync;

static gboolean
sync_in_transaction (TractStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  Sync *sync = user_data;
  g_autofree char *select = NULL;
  sqlite3_stmt *stmt;

  if (tract_agenda_query_get_horizon (store) != sync->horizon)
    {
      stmt = tract_store_prepare (store,
                                  "INSERT OR IGNORE INTO event_occurrence_stale (event_id)"
                                  " SELECT id FROM event WHERE rrule <> ''",
                                  error);
      if (stmt == NULL || !exec_statement (store, stmt, error))
        return FALSE;
      stmt = tract_store_prepare (store,
                                  "INSERT OR REPLACE INTO event_occurrence_horizon (id, until_utc) VALUES (1, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sync->horizon);
      if (!exec_statement (store, stmt, error))
        return FALSE;
    }

  select = g_strdup_printf ("SELECT %s FROM event WHERE id IN (SELECT event_id FROM event_occurrence_stale"
                            " ORDER BY event_id LIMIT %d)",
                            tract_store_get_column_list (store, TRACT_TYPE_EVENT), SYNC_BATCH);
  for (;;)
    {
      g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
      int status;

      stmt = tract_store_prepare (store, select, error);
      if (stmt == NULL)
        return FALSE;
      while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          TractRecord *event = g_object_new (TRACT_TYPE_EVENT, NULL);

          tract_store_read_row (event, stmt, 0);
          g_ptr_array_add (events, event);
        }
      sqlite3_reset (stmt);
      if (status != SQLITE_DONE)
        return tract_store_set_sqlite_error (store, status, NULL, error);

      /* Marks of events that are gone go too: DELETE removes them. */
      stmt = tract_store_prepare (store,
                                  "DELETE FROM event_occurrence_stale WHERE event_id IN"
                                  " (SELECT event_id FROM event_occurrence_stale ORDER BY event_id LIMIT ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, SYNC_BATCH);
      if (!exec_statement (store, stmt, error))
        return FALSE;
      if (sqlite3_changes (tract_store_get_connection (store)) == 0)
        break;

      for (guint i = 0; i < events->len; i++)
        if (!write_occurrences (store, events->pdata[i], sync->horizon, error))
          return FALSE;
      sync->changed |= events->len > 0;
      sync->n_series += SYNC_BATCH;
      if (sync->max_series > 0 && sync->n_series >= sync->max_series)
        break;
    }
  return TRUE;
}

static gboolean
sync_series (TractStore  *store,
             gint64       horizon_utc,
             guint        max_series,
             gboolean    *changed,
             gboolean    *done,
             GError     **error)
{
  Sync sync = { horizon_utc, max_series, 0, FALSE };
  sqlite3_stmt *stmt;
  gboolean pending = TRUE;

  if (changed != NULL)
    *changed = FALSE;
  if (done != NULL)
    *done = TRUE;

  /* Most calls find nothing to do: answer them without a transaction. */
  stmt = tract_store_prepare (store,
                              "SELECT EXISTS (SELECT 1 FROM event_occurrence_stale),"
                              " (SELECT until_utc FROM event_occurrence_horizon WHERE id = 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pending = sqlite3_column_int (stmt, 0) != 0 || sqlite3_column_int64 (stmt, 1) != horizon_utc;
  sqlite3_reset (stmt);
  if (!pending)
    return TRUE;

  if (!tract_store_run (store, sync_in_transaction, &sync, error))
    return FALSE;
  if (changed != NULL)
    *changed = sync.changed;
  if (done != NULL && max_series > 0)
    {
      stmt = tract_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM event_occurrence_stale)", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *done = sqlite3_column_int (stmt, 0) == 0;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
tract_agenda_query_sync_until (TractStore  *store,
                               gint64       horizon_utc,
                               gboolean    *changed,
                               GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  return sync_series (store, horizon_utc, 0, changed, NULL, error);
}

/**
 * tract_agenda_query_sync_some:
 * @max_series: how many series to expand at most, in one transaction
 * @done: (out): whether every series is expanded now
 *
 * A step of tract_agenda_query_sync(), for an idle callback: after an
 * import of thousands of repeating events, the window stays responsive.
 */
gboolean
tract_agenda_query_sync_some (TractStore  *store,
                              guint        max_series,
                              gboolean    *changed,
                              gboolean    *done,
                              GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (max_series > 0, FALSE);

  return sync_series (store, desired_horizon (), max_series, changed, done, error);
}

gboolean
tract_agenda_query_sync (TractStore  *store,
                         gboolean    *changed,
                         GError     **error)
{
  return tract_agenda_query_sync_until (store, desired_horizon (), changed, error);
}

/* Queries */

static int
mark_days (sqlite3_stmt *stmt,
           const char   *first,
           const char   *last,
           guint32      *days)
{
  int status;

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *last_day = (const char *) sqlite3_column_text (stmt, 1);
      int from, to;

      if (day == NULL || last_day == NULL || strlen (day) != 10 || strlen (last_day) != 10)
        continue;
      from = strcmp (day, first) < 0 ? 1 : atoi (day + 8);
      to = strcmp (last_day, last) > 0 ? atoi (last + 8) : atoi (last_day + 8);
      for (int d = MAX (from, 1); d <= MIN (to, 31); d++)
        *days |= 1u << d;
    }
  sqlite3_reset (stmt);
  return status;
}

guint32
tract_agenda_query_days_with_events (TractStore               *store,
                                     const TractAgendaFilter  *filter,
                                     int                       year,
                                     int                       month,
                                     GError                  **error)
{
  /* Events of the month; those that began up to a month before and last
   * into it; and the rare longer ones, through their own small index.
   * Each tail's parameters are the month's first day, then its last. */
  static const struct
  {
    const char *tail;
    const char *parameters; /* 'f' first day, 'l' last day */
  } queries[] = {
    { " AND o.day BETWEEN ? AND ? GROUP BY o.day, o.last_day", "fl" },
    { " AND o.day >= date (?, '-31 days') AND o.day < ? AND o.last_day >= ?", "fff" },
    { " AND o.span_days > 31 AND o.day < date (?, '-31 days') AND o.last_day >= ?", "ff" },
  };
  char first[11], last[11];
  guint32 days = 0;

  g_return_val_if_fail (TRACT_IS_STORE (store), 0);
  g_return_val_if_fail (filter != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999, 0);

  g_snprintf (first, sizeof first, "%04d-%02d-01", year, month);
  g_snprintf (last, sizeof last, "%04d-%02d-%02d", year, month,
              g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      int index, status;

      stmt = tract_agenda_query_prepare (store, filter, "SELECT o.day, o.last_day FROM event_occurrence AS o",
                                         queries[i].tail, &index, error);
      if (stmt == NULL)
        return 0;
      for (const char *p = queries[i].parameters; *p != '\0'; p++)
        sqlite3_bind_text (stmt, index++, *p == 'f' ? first : last, -1, SQLITE_STATIC);
      status = mark_days (stmt, first, last, &days);
      if (status != SQLITE_DONE)
        {
          tract_store_set_sqlite_error (store, status, NULL, error);
          return 0;
        }
    }
  return days;
}

static guint
count_with_tail (TractStore              *store,
                 const TractAgendaFilter *filter,
                 const char              *tail,
                 const char              *day)
{
  sqlite3_stmt *stmt;
  guint count = 0;
  int index;

  stmt = tract_agenda_query_prepare (store, filter, "SELECT count(*) FROM event_occurrence AS o", tail,
                                     &index, NULL);
  if (stmt == NULL)
    return 0;
  if (day != NULL)
    sqlite3_bind_text (stmt, index, day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

guint
tract_agenda_query_count (TractStore              *store,
                          const TractAgendaFilter *filter)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), 0);
  g_return_val_if_fail (filter != NULL, 0);

  return count_with_tail (store, filter, "", NULL);
}

guint
tract_agenda_query_count_before_day (TractStore              *store,
                                     const TractAgendaFilter *filter,
                                     const char              *day)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), 0);
  g_return_val_if_fail (filter != NULL, 0);
  g_return_val_if_fail (day != NULL, 0);

  return count_with_tail (store, filter, " AND o.day < ?", day);
}
