/* test-event-bulk.c — events inserted in bulk are found and listed like any other
 *
 * A bulk (tract-event-bulk.c) has the triggers of migration 5 leave the
 * search index and the agenda's occurrences of its events to its end. The
 * tests hold what it writes equal to what the triggers write row by row,
 * through edits made before the end, check that it refuses an event as the
 * store would, and that a rollback leaves the triggers working.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "test-util.h"
#include "tract-agenda-query.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-bulk.h"
#include "tract-store-private.h"

/* 2022-01-01T00:00:00Z: where endless series stop being expanded. */
#define HORIZON 1640995200

typedef struct
{
  TestDatabase rows;  /* written row by row: the triggers' work */
  TestDatabase bulk;  /* the same, through a bulk */
} Fixture;

static gint64
add_campaign (TractStore *store)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Vie chère");
  g_autoptr(TractEvent) existing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_insert (store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  /* Numbered below every event of a bulk. */
  existing = tract_event_new_timed (tract_record_get_id (TRACT_RECORD (campaign)), "Réunion existante",
                                    "2021-03-10T18:00", "2021-03-10T20:00", "Europe/Paris");
  tract_record_set_text (TRACT_RECORD (existing), "uid", "existing");
  g_assert_true (tract_store_insert (store, TRACT_RECORD (existing), &error));
  g_assert_no_error (error);
  return tract_record_get_id (TRACT_RECORD (campaign));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_database_setup (&fixture->rows, data);
  test_database_setup (&fixture->bulk, data);
  /* make_events() writes into campaign 1. */
  g_assert_cmpint (add_campaign (fixture->rows.store), ==, 1);
  g_assert_cmpint (add_campaign (fixture->bulk.store), ==, 1);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_database_teardown (&fixture->rows, data);
  test_database_teardown (&fixture->bulk, data);
}

static TractEvent *
timed (const char *uid,
       const char *title,
       const char *start,
       const char *end,
       const char *zone,
       const char *rrule,
       const char *exdates)
{
  TractEvent *event = tract_event_new_timed (1, title, start, end, zone);

  tract_record_set_text (TRACT_RECORD (event), "uid", uid);
  tract_record_set_text (TRACT_RECORD (event), "rrule", rrule);
  tract_record_set_text (TRACT_RECORD (event), "exdates", exdates);
  return event;
}

/* One of each kind of row the triggers write. */
static GPtrArray *
make_events (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  TractEvent *weekend = tract_event_new_all_day (1, "Week-end de célébration", "2021-05-29", "2021-05-30",
                                                 "Europe/Paris");

  g_ptr_array_add (events, timed ("rally", "Rassemblement contre la vie chère", "2021-03-20T14:00",
                                  "2021-03-20T16:00", "Europe/Paris", "", ""));
  tract_record_set_text (g_ptr_array_index (events, 0), "location_name", "Place de la République");
  tract_record_set_text (g_ptr_array_index (events, 0), "description", "Banderoles et sono");
  tract_record_set_text (TRACT_RECORD (weekend), "uid", "weekend");
  tract_record_set_text (TRACT_RECORD (weekend), "kind", "celebration");
  g_ptr_array_add (events, weekend);
  g_ptr_array_add (events, timed ("weekly", "Permanence hebdomadaire", "2021-04-01T18:00", "2021-04-01T20:00",
                                  "Europe/Paris", "FREQ=WEEKLY;COUNT=4", "2021-04-15T18:00"));
  /* Ends at midnight: its last day is the day before. */
  g_ptr_array_add (events, timed ("evening", "Soirée de soutien", "2021-06-05T20:00", "2021-06-06T00:00",
                                  "Europe/Paris", "", ""));
  g_ptr_array_add (events, timed ("brooklyn", "Meeting in Brooklyn", "2021-07-04T10:00", "2021-07-04T12:00",
                                  "America/New_York", "", ""));
  /* Endless: expanded up to the horizon. */
  g_ptr_array_add (events, timed ("monthly", "Assemblée mensuelle", "2021-09-04T10:00", "2021-09-04T12:00",
                                  "Europe/Paris", "FREQ=MONTHLY;BYDAY=1SA", ""));
  tract_record_set_text (g_ptr_array_index (events, 5), "status", "tentative");
  /* Enough to fill batches and leave a partial one. */
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *uid = g_strdup_printf ("meeting-%u", i);
      g_autofree char *title = g_strdup_printf ("Réunion de quartier n°%u", i);
      g_autofree char *start = g_strdup_printf ("2021-10-%02uT18:00", 1 + i % 28);
      g_autofree char *end = g_strdup_printf ("2021-10-%02uT19:30", 1 + i % 28);

      g_ptr_array_add (events, timed (uid, title, start, end, "Europe/Paris", i % 10 == 0 ? "FREQ=DAILY;COUNT=2" : "",
                                      ""));
    }
  return events;
}

static void
append_rows (GString    *out,
             TractStore *store,
             const char *sql,
             const char *word)
{
  sqlite3_stmt *stmt = NULL;
  int status;

  g_assert_cmpint (sqlite3_prepare_v2 (tract_store_get_connection (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (word != NULL)
    sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  g_string_append_printf (out, "%s:", word != NULL ? word : "");
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : " ", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (status, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static const char * const words[] = {
  "quartier", "n°69", "rassemblement", "republique", "sono", "celebration", "hebdomadaire", "deplacee", "soutien", "brooklyn",
  "mensuelle", "existante", "renommee", "vie", "r",
};

/* What the search index and the agenda hold, by UID (ids may differ). */
static char *
index_state (TractStore *store)
{
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_exec (tract_store_get_connection (store),
                                 "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  append_rows (out, store,
               "SELECT e.uid, o.campaign_id, o.kind, o.status, o.day, o.last_day, o.span_days, o.start_utc,"
               " o.end_utc, o.start_local, o.end_local FROM event_occurrence AS o JOIN event AS e ON e.id = o.event_id"
               " ORDER BY e.uid, o.start_utc", NULL);
  append_rows (out, store,
               "SELECT e.uid FROM event_occurrence_stale AS s JOIN event AS e ON e.id = s.event_id ORDER BY e.uid",
               NULL);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    append_rows (out, store,
                 "SELECT e.uid FROM event_search JOIN event AS e ON e.id = event_search.rowid"
                 " WHERE event_search MATCH ?1 || '*' ORDER BY e.uid", words[i]);
  append_rows (out, store, "SELECT count(*) FROM event_bulk", NULL);
  return g_string_free (out, FALSE);
}

static gint64
count (TractStore *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (tract_store_get_connection (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
sync_agenda (TractStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_assert_true (tract_agenda_query_sync_until (store, HORIZON, &changed, &error));
  g_assert_no_error (error);
}

/* The edits an editor could make while an import runs: of an event the
 * bulk inserted, and of one that was there before. */
static void
edit (TractStore *store)
{
  g_autoptr(TractEvent) weekly = tract_store_find (store, TRACT_TYPE_EVENT, "uid", "weekly");
  g_autoptr(TractEvent) evening = tract_store_find (store, TRACT_TYPE_EVENT, "uid", "evening");
  g_autoptr(TractEvent) existing = tract_store_find (store, TRACT_TYPE_EVENT, "uid", "existing");
  g_autoptr(GError) error = NULL;

  tract_record_set_text (TRACT_RECORD (weekly), "title", "Permanence déplacée");
  tract_record_set_text (TRACT_RECORD (weekly), "start_local", "2021-04-02T18:00");
  tract_record_set_text (TRACT_RECORD (weekly), "end_local", "2021-04-02T19:00");
  g_assert_true (tract_store_update (store, TRACT_RECORD (weekly), &error));
  g_assert_no_error (error);
  g_assert_true (tract_store_delete (store, TRACT_RECORD (evening), &error));
  g_assert_no_error (error);
  tract_record_set_text (TRACT_RECORD (existing), "title", "Réunion renommée");
  tract_record_set_text (TRACT_RECORD (existing), "start_local", "2021-03-11T18:00");
  tract_record_set_text (TRACT_RECORD (existing), "end_local", "2021-03-11T20:00");
  g_assert_true (tract_store_update (store, TRACT_RECORD (existing), &error));
  g_assert_no_error (error);
}

static gboolean
insert_rows (TractStore  *store,
             gpointer     user_data,
             GError     **error)
{
  g_autoptr(GPtrArray) events = make_events ();

  for (guint i = 0; i < events->len; i++)
    if (!tract_store_insert (store, events->pdata[i], error))
      return FALSE;
  if (user_data != NULL)
    edit (store);
  return TRUE;
}

/* A bulk holding make_events(), not yet ended. */
static TractEventBulk *
begin_with_events (TractStore *store)
{
  g_autoptr(GPtrArray) events = make_events ();
  g_autoptr(GError) error = NULL;
  TractEventBulk *bulk = tract_event_bulk_begin (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      g_assert_true (tract_event_bulk_insert (bulk, events->pdata[i], NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return bulk;
}

static gboolean
insert_bulk (TractStore  *store,
             gpointer     user_data,
             GError     **error)
{
  TractEventBulk *bulk = begin_with_events (store);

  g_assert_cmpint (count (store, "SELECT count(*) FROM event_bulk"), ==, 1);
  /* Deferred: not in the index yet, not in the agenda yet. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_occurrence"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH 'rassemblement'"),
                   ==, 0);
  if (user_data != NULL)
    {
      /* The store sees queued events once they are written. */
      g_assert_true (tract_event_bulk_flush (bulk, error));
      edit (store);
    }
  return tract_event_bulk_end (bulk, NULL, NULL, NULL, error);
}

static void
compare_with (Fixture        *fixture,
              TractStoreFunc  bulk_func,
              gpointer        edits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *bulk = NULL;

  g_assert_true (tract_store_run (fixture->rows.store, insert_rows, edits, &error));
  g_assert_no_error (error);
  g_assert_true (tract_store_run (fixture->bulk.store, bulk_func, edits, &error));
  g_assert_no_error (error);

  rows = index_state (fixture->rows.store);
  bulk = index_state (fixture->bulk.store);
  g_assert_cmpstr (bulk, ==, rows);

  sync_agenda (fixture->rows.store);
  sync_agenda (fixture->bulk.store);
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&bulk, g_free);
  rows = index_state (fixture->rows.store);
  bulk = index_state (fixture->bulk.store);
  g_assert_cmpstr (bulk, ==, rows);
}

static void
compare (Fixture  *fixture,
         gpointer  edits)
{
  compare_with (fixture, insert_bulk, edits);
}

static void
test_same_as_triggers (Fixture       *fixture,
                       gconstpointer  data)
{
  compare (fixture, NULL);

  /* Not equal by being empty: three weeks of four (one excluded), four
   * first Saturdays up to the horizon, two days for seven meetings, one
   * row for each other event. */
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_occurrence"), ==, 3 + 4 + 7 * 2 + 5 + 63);
  g_assert_cmpint (count (fixture->bulk.store,
                          "SELECT count(*) FROM event_occurrence WHERE span_days = 1 AND kind = 'celebration'"),
                   ==, 1);
  g_assert_cmpint (count (fixture->bulk.store,
                          "SELECT count(*) FROM event_occurrence WHERE day = '2021-06-05' AND last_day = day"),
                   ==, 1);
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                               " 'republique OR brooklyn OR celebration'"), ==, 3);
}

static void
test_edits_before_end (Fixture       *fixture,
                       gconstpointer  data)
{
  compare (fixture, GINT_TO_POINTER (TRUE));

  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                               " 'deplacee OR renommee'"), ==, 2);
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                               " 'hebdomadaire OR soutien OR existante'"), ==, 0);
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_occurrence"
                                               " WHERE day IN ('2021-04-02', '2021-03-11')"), ==, 2);
}

/* Indexed along the way, as an import does while its parser is behind:
 * the first half indexed, then edited and given an event of its own,
 * which is deleted and its id taken again (the rows indexed are the
 * triggers' again, whatever their id), then the rest queued and indexed
 * at the end. */
static gboolean
insert_bulk_indexing (TractStore  *store,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(GPtrArray) events = make_events ();
  TractEventBulk *bulk = tract_event_bulk_begin (store, error);
  guint half = events->len / 2;

  g_assert_nonnull (bulk);
  for (guint i = 0; i < events->len; i++)
    {
      g_assert_true (tract_event_bulk_insert (bulk, events->pdata[i], NULL, NULL, error));
      if (i + 1 == half)
        {
          g_autoptr(TractEvent) passing = timed ("passing", "Réunion annulée", "2021-10-05T10:00",
                                                 "2021-10-05T11:00", "Europe/Paris", "", "");
          g_autoptr(TractEvent) reusing = timed ("reusing", "Assemblée générale", "2021-10-05T10:00",
                                                 "2021-10-05T11:00", "Europe/Paris", "", "");
          gint64 passing_id;

          gint64 n_indexed = tract_event_bulk_index_written (bulk, 1, error);

          /* The rows written so far; those still queued wait for their
           * batch, and fewer rows than asked for are left waiting. */
          g_assert_cmpint (n_indexed, >, 0);
          g_assert_cmpint (n_indexed, <, half);
          g_assert_true (tract_event_bulk_flush (bulk, error));
          g_assert_cmpint (tract_event_bulk_index_written (bulk, 1000, error), ==, 0);
          g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                         " 'rassemblement OR n°30'"), ==, 1);
          g_assert_cmpint (tract_event_bulk_index_written (bulk, 1, error), ==, half - n_indexed);
          g_assert_cmpint (tract_event_bulk_index_written (bulk, 1, error), ==, 0);
          g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                         " 'rassemblement OR n°30'"), ==, 2);
          g_assert_cmpint (count (store, "SELECT count(*) FROM event_occurrence WHERE day = '2021-05-29'"), ==, 1);
          if (user_data != NULL)
            edit (store);

          g_assert_true (tract_store_insert (store, TRACT_RECORD (passing), error));
          passing_id = tract_record_get_id (TRACT_RECORD (passing));
          g_assert_cmpint (tract_event_bulk_index_written (bulk, 1, error), ==, 1);
          g_assert_true (tract_store_delete (store, TRACT_RECORD (passing), error));
          g_assert_true (tract_store_insert (store, TRACT_RECORD (reusing), error));
          g_assert_cmpint (tract_record_get_id (TRACT_RECORD (reusing)), ==, passing_id);
          g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                         " 'annulee OR generale'"), ==, 1);
          g_assert_true (tract_store_delete (store, TRACT_RECORD (reusing), error));
        }
    }
  return tract_event_bulk_end (bulk, NULL, NULL, NULL, error);
}

static void
test_indexed_along_the_way (Fixture       *fixture,
                            gconstpointer  data)
{
  compare_with (fixture, insert_bulk_indexing, NULL);
}

static void
test_indexed_along_the_way_and_edited (Fixture       *fixture,
                                       gconstpointer  data)
{
  compare_with (fixture, insert_bulk_indexing, GINT_TO_POINTER (TRUE));
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_search WHERE event_search MATCH"
                                               " 'deplacee OR renommee'"), ==, 2);
}

static gboolean
insert_duplicates (TractStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  TractEventBulk *bulk = begin_with_events (store);
  g_autoptr(TractEvent) again = timed ("meeting-69", "Doublon", "2021-10-05T10:00", "2021-10-05T11:00",
                                       "Europe/Paris", "", "");
  g_autoptr(TractEvent) taken = timed ("existing", "Doublon", "2021-10-05T10:00", "2021-10-05T11:00",
                                       "Europe/Paris", "", "");
  g_autoptr(TractEvent) invalid = timed ("invalid", "Mauvaise récurrence", "2021-10-05T10:00",
                                         "2021-10-05T11:00", "Europe/Paris", "FREQ=SOMETIMES", "");
  g_autoptr(TractEvent) fine = timed ("fine", "Dernier arrivé", "2021-10-06T10:00", "2021-10-06T11:00",
                                      "Europe/Paris", "", "");
  g_autoptr(GError) refusal = NULL;

  /* Queued, written, or there before: refused alone, and the bulk goes on. */
  g_assert_false (tract_event_bulk_insert (bulk, TRACT_RECORD (again), NULL, NULL, &refusal));
  g_assert_error (refusal, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (tract_store_error_get_field (refusal), ==, "uid");
  g_clear_error (&refusal);
  g_assert_false (tract_event_bulk_insert (bulk, TRACT_RECORD (again), NULL, NULL, &refusal));
  g_assert_error (refusal, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  g_clear_error (&refusal);
  g_assert_false (tract_event_bulk_insert (bulk, TRACT_RECORD (taken), NULL, NULL, &refusal));
  g_assert_error (refusal, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  g_clear_error (&refusal);
  g_assert_false (tract_event_bulk_insert (bulk, TRACT_RECORD (invalid), NULL, NULL, &refusal));
  g_assert_error (refusal, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpint (tract_event_bulk_find_uid (bulk, "fine", error), ==, 0);
  g_assert_true (tract_event_bulk_insert (bulk, TRACT_RECORD (fine), NULL, NULL, error));
  g_assert_cmpint (tract_event_bulk_find_uid (bulk, "fine", error), >, 0);
  return tract_event_bulk_end (bulk, NULL, NULL, NULL, error);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  TractStore *store = fixture->bulk.store;
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_run (store, insert_duplicates, NULL, &error));
  g_assert_no_error (error);
  /* make_events(), "existing" and "fine", each once, each indexed. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM event"), ==, 76 + 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event WHERE title = 'Doublon'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH 'dernier OR n°69'"),
                   ==, 2);
  g_assert_cmpint (sqlite3_exec (tract_store_get_connection (store),
                                 "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
insert_and_fail (TractStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  TractEventBulk *bulk = begin_with_events (store);

  if (user_data != NULL)
    {
      /* Abandoned, yet committed: the triggers must not stay deferred. */
      tract_event_bulk_abandon (bulk);
      return TRUE;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  tract_event_bulk_abandon (bulk);
  return FALSE;
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  TractStore *store = fixture->bulk.store;
  g_autofree char *before = test_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(TractEvent) later = timed ("later", "Assemblée générale", "2021-10-02T10:00", "2021-10-02T12:00",
                                       "Europe/Paris", "", "");
  g_autoptr(GError) error = NULL;

  g_assert_false (tract_store_run (store, insert_and_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = test_dump (store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (tract_store_run (store, insert_and_fail, GINT_TO_POINTER (TRUE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_bulk"), ==, 0);

  g_assert_true (tract_store_insert (store, TRACT_RECORD (later), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_search WHERE event_search MATCH 'generale'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_occurrence WHERE day = '2021-10-02'"), ==, 1);
}

static gboolean
begin_twice (TractStore  *store,
             gpointer     user_data,
             GError     **error)
{
  TractEventBulk *bulk = tract_event_bulk_begin (store, error);
  TractEventBulk *nested;
  g_autoptr(GError) nested_error = NULL;

  g_assert_nonnull (bulk);
  nested = tract_event_bulk_begin (store, &nested_error);
  g_assert_null (nested);
  g_assert_error (nested_error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
  return tract_event_bulk_end (bulk, NULL, NULL, NULL, error);
}

static void
test_not_nested (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_run (fixture->bulk.store, begin_twice, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->bulk.store, "SELECT count(*) FROM event_bulk"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/event-bulk/same-as-triggers", Fixture, NULL, fixture_setup, test_same_as_triggers,
              fixture_teardown);
  g_test_add ("/event-bulk/edits-before-end", Fixture, NULL, fixture_setup, test_edits_before_end,
              fixture_teardown);
  g_test_add ("/event-bulk/indexed-along-the-way", Fixture, NULL, fixture_setup, test_indexed_along_the_way,
              fixture_teardown);
  g_test_add ("/event-bulk/indexed-along-the-way-and-edited", Fixture, NULL, fixture_setup,
              test_indexed_along_the_way_and_edited, fixture_teardown);
  g_test_add ("/event-bulk/duplicates", Fixture, NULL, fixture_setup, test_duplicates, fixture_teardown);
  g_test_add ("/event-bulk/rollback", Fixture, NULL, fixture_setup, test_rollback, fixture_teardown);
  g_test_add ("/event-bulk/not-nested", Fixture, NULL, fixture_setup, test_not_nested, fixture_teardown);

  return g_test_run ();
}
