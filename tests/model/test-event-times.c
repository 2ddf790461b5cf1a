/* test-event-times.c — when events take place, as stored and refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-agenda-query.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-recurrence.h"
#include "tract-store-private.h"
#include "tract-time.h"

typedef struct
{
  TestDatabase db;
  gint64       campaign_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Vive la Commune de 1871");
  g_autoptr(GError) error = NULL;

  test_database_setup (&fixture->db, data);
  tract_record_set_text (TRACT_RECORD (campaign), "time_zone", "Europe/Paris");
  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  fixture->campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_database_teardown (&fixture->db, data);
}

static char *
query_text (TractStore *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = tract_store_prepare (store, sql, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (out, "%s%s", out->len > 0 ? "|" : "",
                              sqlite3_column_type (stmt, i) == SQLITE_NULL ? "NULL"
                                : (const char *) sqlite3_column_text (stmt, i));
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

#define assert_row(store, sql, id, expected) \
  G_STMT_START { g_autofree char *got_ = query_text (store, sql, id); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
insert_ok (Fixture *fixture,
           gpointer event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
}

static void
assert_refused (Fixture    *fixture,
                TractEvent *event,
                const char *field,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  gint64 before = tract_store_count (fixture->db.store, TRACT_TYPE_EVENT, NULL, 0);

  g_assert_false (tract_store_insert (fixture->db.store, TRACT_RECORD (event), &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, field);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpint (tract_store_count (fixture->db.store, TRACT_TYPE_EVENT, NULL, 0), ==, before);
}

/* The week-end of 29–30 May: two days, the last one included. */
static void
test_all_day_and_multi_day (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TractEvent) weekend = tract_event_new_all_day (fixture->campaign_id, "Week-end de l’ICOR",
                                                           "2021-05-29", "2021-05-30", "Europe/Paris");
  g_autoptr(TractEvent) night = tract_event_new_timed (fixture->campaign_id, "Nuit de la Commune",
                                                       "2021-05-29T22:00", "2021-05-30T02:00", "Europe/Paris");
  g_autoptr(TractEvent) one_day = tract_event_new_all_day (fixture->campaign_id, "8 mai", "2021-05-08",
                                                           "2021-05-08", "Europe/Paris");
  gint64 id;

  insert_ok (fixture, weekend);
  id = tract_record_get_id (TRACT_RECORD (weekend));
  /* Stored as the person said it, with the instants for sorting: from
   * midnight on the 29th to midnight after the 30th, in Paris (UTC+2). */
  assert_row (fixture->db.store, "SELECT all_day, start_local, end_local, start_utc, end_utc FROM event WHERE id = ?",
              id, "1|2021-05-29|2021-05-30|1622239200|1622412000");
  g_assert_cmpint (tract_event_get_end_utc (weekend) - tract_event_get_start_utc (weekend), ==, 2 * 86400);
  /* In the agenda: one row, on the 29th, marking both days. */
  assert_row (fixture->db.store, "SELECT day, last_day, span_days FROM event_occurrence WHERE event_id = ?",
              id, "2021-05-29|2021-05-30|1");

  insert_ok (fixture, night);
  id = tract_record_get_id (TRACT_RECORD (night));
  assert_row (fixture->db.store, "SELECT start_utc, end_utc FROM event WHERE id = ?", id, "1622318400|1622332800");
  assert_row (fixture->db.store, "SELECT day, last_day FROM event_occurrence WHERE event_id = ?",
              id, "2021-05-29|2021-05-30");

  insert_ok (fixture, one_day);
  assert_row (fixture->db.store, "SELECT start_utc, end_utc FROM event WHERE id = ?",
              tract_record_get_id (TRACT_RECORD (one_day)), "1620424800|1620511200");

  /* The last day before the first, and an end before the start. */
  {
    g_autoptr(TractEvent) backwards = tract_event_new_all_day (fixture->campaign_id, "À l’envers", "2021-05-30",
                                                               "2021-05-29", "Europe/Paris");
    g_autoptr(TractEvent) early = tract_event_new_timed (fixture->campaign_id, "Trop tôt", "2021-05-29T14:00",
                                                         "2021-05-29T13:59", "Europe/Paris");
    g_autoptr(TractEvent) not_a_day = tract_event_new_all_day (fixture->campaign_id, "30 février", "2021-02-30",
                                                               "2021-02-30", "Europe/Paris");

    assert_refused (fixture, backwards, "end_local", "before it starts");
    assert_refused (fixture, early, "end_local", "before it starts");
    assert_refused (fixture, not_a_day, "start_local", "not a date");
  }
}

/* Paris, 2021: 02:00–03:00 on 28 March does not exist, 02:00–03:00 on
 * 31 October happens twice. Both are refused, on the field concerned. */
static void
test_daylight_saving_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TractEvent) gap = tract_event_new_timed (fixture->campaign_id, "Veillée", "2021-03-28T02:30",
                                                     "2021-03-28T04:00", "Europe/Paris");
  g_autoptr(TractEvent) gap_end = tract_event_new_timed (fixture->campaign_id, "Veillée", "2021-03-28T01:00",
                                                         "2021-03-28T02:00", "Europe/Paris");
  g_autoptr(TractEvent) twice = tract_event_new_timed (fixture->campaign_id, "Veillée", "2021-10-31T02:30",
                                                       "2021-10-31T04:00", "Europe/Paris");
  g_autoptr(TractEvent) around = tract_event_new_timed (fixture->campaign_id, "Veillée", "2021-03-28T01:30",
                                                        "2021-03-28T03:30", "Europe/Paris");

  assert_refused (fixture, gap, "start_local", "does not exist in Europe/Paris");
  assert_refused (fixture, gap_end, "end_local", "does not exist");
  assert_refused (fixture, twice, "start_local", "happens twice in Europe/Paris");

  /* Around the gap is fine, and an hour shorter than the clock says. */
  insert_ok (fixture, around);
  g_assert_cmpint (tract_event_get_end_utc (around) - tract_event_get_start_utc (around), ==, 3600);

  /* The same wall-clock time is fine where there is no change that day. */
  {
    g_autoptr(TractEvent) lima = tract_event_new_timed (fixture->campaign_id, "Veillée", "2021-03-28T02:30",
                                                        "2021-03-28T04:00", "America/Lima");
    insert_ok (fixture, lima);
  }
}

/* The campaign is in Paris; its events may be anywhere. */
static void
test_other_zones (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractEvent) lima = tract_event_new_timed (fixture->campaign_id, "Solidarité Pérou",
                                                      "2021-03-20T19:00", "2021-03-20T21:00", "America/Lima");
  g_autoptr(TractEvent) istanbul = tract_event_new_all_day (fixture->campaign_id, "1er Mai à Istanbul",
                                                            "2021-05-01", "2021-05-01", "Europe/Istanbul");
  g_autoptr(TractEvent) nowhere = tract_event_new_timed (fixture->campaign_id, "Nulle part", "2021-03-20T19:00",
                                                         "2021-03-20T21:00", "Europe/Atlantis");
  g_autoptr(TractEvent) offset = tract_event_new_timed (fixture->campaign_id, "Décalage", "2021-03-20T19:00",
                                                        "2021-03-20T21:00", "+02:00");

  insert_ok (fixture, lima);
  /* 19:00 in Lima (UTC−5) is midnight UTC, the 21st in Paris. */
  assert_row (fixture->db.store, "SELECT start_utc, time_zone FROM event WHERE id = ?",
              tract_record_get_id (TRACT_RECORD (lima)), "1616284800|America/Lima");
  /* Its day in the agenda is its own: the 20th. */
  assert_row (fixture->db.store, "SELECT day FROM event_occurrence WHERE event_id = ?",
              tract_record_get_id (TRACT_RECORD (lima)), "2021-03-20");

  insert_ok (fixture, istanbul);
  /* Midnight in Istanbul (UTC+3). */
  g_assert_cmpint (tract_event_get_start_utc (istanbul), ==, 1619816400);

  assert_refused (fixture, nowhere, "time_zone", "not a known time zone");
  assert_refused (fixture, offset, "time_zone", "not a known time zone");
}

static char *
occurrences (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_agenda_query_sync (fixture->db.store, NULL, &error));
  g_assert_no_error (error);
  return query_text (fixture->db.store,
                     "SELECT start_local FROM event_occurrence WHERE event_id = ? ORDER BY day, start_utc", id);
}

static void
test_recurrence_with_exceptions (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TractEvent) permanence = tract_event_new_timed (fixture->campaign_id, "Permanence", "2021-03-20T14:00",
                                                            "2021-03-20T16:00", "Europe/Paris");
  TractRecord *record = TRACT_RECORD (permanence);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  tract_record_set_text (record, "rrule", "FREQ=WEEKLY;COUNT=5");
  tract_record_set_text (record, "exdates", "2021-03-27,2021-04-10T14:00");
  insert_ok (fixture, permanence);
  id = tract_record_get_id (record);
  text = occurrences (fixture, id);
  /* Across the change to summer time, still at 14:00 in Paris. */
  g_assert_cmpstr (text, ==, "2021-03-20T14:00|2021-04-03T14:00|2021-04-17T14:00");
  assert_row (fixture->db.store,
              "SELECT group_concat (start_utc - 1616245200, ',') FROM event_occurrence WHERE event_id = ?",
              id, "0,1206000,2415600");

  /* An exception less: it comes back. */
  tract_record_set_text (record, "exdates", "2021-03-27");
  g_assert_true (tract_store_update (fixture->db.store, record, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = occurrences (fixture, id);
  g_assert_cmpstr (text, ==, "2021-03-20T14:00|2021-04-03T14:00|2021-04-10T14:00|2021-04-17T14:00");

  /* A repetition that never happens is refused before saving. */
  tract_record_set_text (record, "exdates", "2021-03-20,2021-03-27,2021-04-03,2021-04-10,2021-04-17");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "exdates");
  g_clear_error (&error);
  tract_record_set_text (record, "exdates", "");
  tract_record_set_text (record, "rrule", "FREQ=WEEKLY;UNTIL=20210319");
  g_assert_false (tract_recurrence_check_event (record, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "rrule");
  g_clear_error (&error);

  /* No longer repeating: one row. */
  tract_record_set_text (record, "rrule", "");
  g_assert_true (tract_store_update (fixture->db.store, record, &error));
  g_clear_pointer (&text, g_free);
  text = occurrences (fixture, id);
  g_assert_cmpstr (text, ==, "2021-03-20T14:00");

  /* Deleted: none. */
  g_assert_true (tract_store_delete (fixture->db.store, record, &error));
  g_clear_pointer (&text, g_free);
  text = occurrences (fixture, id);
  g_assert_cmpstr (text, ==, "");
}

static void
test_sequence_and_uid (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TractEvent) rally = tract_event_new_timed (fixture->campaign_id, "Rassemblement", "2021-03-20T14:00",
                                                       "2021-03-20T17:00", "Europe/Paris");
  TractRecord *record = TRACT_RECORD (rally);
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  static const struct
  {
    const char *column;
    const char *value;
    gboolean    visible;
  } edits[] = {
    { "private_notes", "Demander l’autorisation à la préfecture", FALSE },
    { "title", "Rassemblement place du Châtelet", TRUE },
    { "private_notes", "Autorisation obtenue", FALSE },
    { "location_name", "Place du Châtelet", TRUE },
    { "start_local", "2021-03-20T14:30", TRUE },
    { "time_zone", "Europe/Berlin", TRUE },
    { "rrule", "FREQ=YEARLY", TRUE },
    { "exdates", "2022-03-20", TRUE },
    { "status", "cancelled", TRUE },
    { "description", "Prises de parole", TRUE },
  };
  gint64 sequence = 0;

  insert_ok (fixture, rally);
  uid = g_strdup (tract_event_get_uid (rally));
  g_assert_true (g_uuid_string_is_valid (uid));
  g_assert_cmpint (tract_event_get_sequence (rally), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      tract_record_set_text (record, edits[i].column, edits[i].value);
      g_assert_true (tract_store_update (fixture->db.store, record, &error));
      g_assert_no_error (error);
      sequence += edits[i].visible ? 1 : 0;
      g_assert_cmpint (tract_event_get_sequence (rally), ==, sequence);
      g_assert_cmpstr (tract_event_get_uid (rally), ==, uid);
    }

  /* Saving again without a change changes nothing. */
  g_assert_true (tract_store_update (fixture->db.store, record, &error));
  g_assert_cmpint (tract_event_get_sequence (rally), ==, sequence);

  /* A refused change leaves the stored row as it was. */
  tract_record_set_text (record, "end_local", "2021-03-19T10:00");
  g_assert_false (tract_store_update (fixture->db.store, record, &error));
  g_clear_error (&error);
  {
    g_autoptr(TractEvent) stored = tract_store_load (fixture->db.store, TRACT_TYPE_EVENT,
                                                     tract_record_get_id (record), &error);

    g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (stored), "end_local"), ==, "2021-03-20T17:00");
    g_assert_cmpint (tract_event_get_sequence (stored), ==, sequence);
    g_assert_cmpstr (tract_event_get_uid (stored), ==, uid);
  }

  /* The UID cannot be changed, not even on purpose. */
  tract_record_set_text (record, "end_local", "2021-03-20T17:00");
  tract_record_set_text (record, "uid", "autre-uid@example.org");
  g_assert_true (tract_store_update (fixture->db.store, record, &error));
  g_assert_cmpstr (tract_event_get_uid (rally), ==, uid);
  assert_row (fixture->db.store, "SELECT uid FROM event WHERE id = ?", tract_record_get_id (record), uid);
}

/* The store itself refuses a repetition that would never take place, on
 * insert and on update, whoever writes (the editor, an import, the CLI). */
static void
test_never_occurring_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TractEvent) ended = tract_event_new_timed (fixture->campaign_id, "Permanence", "2021-03-20T14:00",
                                                       "2021-03-20T17:00", "Europe/Paris");
  g_autoptr(TractEvent) excluded = tract_event_new_timed (fixture->campaign_id, "Permanence", "2021-03-20T14:00",
                                                          "2021-03-20T17:00", "Europe/Paris");
  g_autoptr(TractEvent) weekly = tract_event_new_timed (fixture->campaign_id, "Permanence", "2021-03-20T14:00",
                                                        "2021-03-20T17:00", "Europe/Paris");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  tract_record_set_text (TRACT_RECORD (ended), "rrule", "FREQ=WEEKLY;UNTIL=20210301");
  assert_refused (fixture, ended, "rrule", "never");
  tract_record_set_text (TRACT_RECORD (excluded), "rrule", "FREQ=WEEKLY;COUNT=2");
  tract_record_set_text (TRACT_RECORD (excluded), "exdates", "2021-03-20,2021-03-27");
  assert_refused (fixture, excluded, "exdates", "never");

  tract_record_set_text (TRACT_RECORD (weekly), "rrule", "FREQ=WEEKLY;COUNT=2");
  insert_ok (fixture, weekly);
  before = test_dump (fixture->db.store);
  tract_record_set_text (TRACT_RECORD (weekly), "exdates", "2021-03-20,2021-03-27");
  g_assert_false (tract_store_update (fixture->db.store, TRACT_RECORD (weekly), &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "exdates");
  after = test_dump (fixture->db.store);
  g_assert_cmpstr (after, ==, before);
}

/* tract_time_local_to_utc() as it was written before its offsets were
 * looked up by halves: GLib's own walk over the zone's transitions. */
static TractLocalTimeKind
reference_local_to_utc (GTimeZone *zone,
                        gint64     wall,
                        gint64    *utc)
{
  gint64 candidates[2];
  guint n_valid = 0;

#define OFFSET_AT(t) g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, (t)))
  candidates[0] = wall - OFFSET_AT (wall - 86400);
  candidates[1] = wall - OFFSET_AT (wall + 86400);
  *utc = candidates[0];
  for (guint i = 0; i < 2; i++)
    {
      if (i == 1 && candidates[1] == candidates[0])
        break;
      if (candidates[i] + OFFSET_AT (candidates[i]) == wall)
        {
          if (n_valid++ == 0)
            *utc = candidates[i];
        }
    }
#undef OFFSET_AT
  return n_valid == 0 ? TRACT_LOCAL_TIME_IN_GAP : n_valid == 1 ? TRACT_LOCAL_TIME_VALID : TRACT_LOCAL_TIME_AMBIGUOUS;
}

/* Zones with many transitions, half-hour and negative daylight saving, a
 * skipped day, and none at all: every wall-clock time of the years tried,
 * every 37 minutes, and each hour around every change of offset, converts
 * as GLib's walk converts it. */
static void
test_zone_offsets_as_glib (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const names[] = {
    "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia",
    "Africa/Casablanca", "Europe/Dublin", "America/Sao_Paulo", "Antarctica/Troll", "UTC",
  };
  static const int years[] = { 1850, 1911, 1940, 1977, 2011, 2021, 2026, 2037, 2090 };
  guint n_checked = 0, n_gaps = 0, n_ambiguous = 0;

  for (guint z = 0; z < G_N_ELEMENTS (names); z++)
    {
      g_autoptr(GTimeZone) zone = tract_time_zone_lookup (names[z]);

      g_assert_nonnull (zone);
      for (guint y = 0; y < G_N_ELEMENTS (years); y++)
        {
          g_autoptr(GDateTime) first = g_date_time_new_utc (years[y], 1, 1, 0, 0, 0);
          gint64 from = g_date_time_to_unix (first);
          int previous_offset = -1;

          for (gint64 wall = from; wall < from + 366 * 86400; wall += 37 * 60)
            {
              int offset = g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                                                                     wall));
              /* Near a change, every minute of the hours around it too. */
              gint64 step_from = wall, step_to = wall;

              if (previous_offset >= 0 && offset != previous_offset)
                {
                  step_from = wall - 3 * 3600;
                  step_to = wall + 3 * 3600;
                }
              previous_offset = offset;
              for (gint64 t = step_from; t <= step_to; t += 60)
                {
                  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (t);
                  gint64 expected_utc = 0, utc = 0;
                  TractLocalTimeKind expected = reference_local_to_utc (zone, t, &expected_utc);
                  TractLocalTimeKind kind =
                    tract_time_local_to_utc (zone, g_date_time_get_year (at), g_date_time_get_month (at),
                                             g_date_time_get_day_of_month (at), g_date_time_get_hour (at),
                                             g_date_time_get_minute (at), g_date_time_get_second (at), &utc);

                  if (kind != expected || utc != expected_utc)
                    g_error ("%s, %s: %d at %" G_GINT64_FORMAT ", expected %d at %" G_GINT64_FORMAT, names[z],
                             g_date_time_format_iso8601 (at), kind, utc, expected, expected_utc);
                  n_checked++;
                  n_gaps += kind == TRACT_LOCAL_TIME_IN_GAP;
                  n_ambiguous += kind == TRACT_LOCAL_TIME_AMBIGUOUS;
                }
            }
        }
    }
  /* Not equal by being all plain: gaps and doubled hours were met. */
  g_assert_cmpuint (n_checked, >, 100000);
  g_assert_cmpuint (n_gaps, >, 100);
  g_assert_cmpuint (n_ambiguous, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/event-times/all-day-and-multi-day", test_all_day_and_multi_day);
  ADD ("/event-times/daylight-saving-refused", test_daylight_saving_refused);
  ADD ("/event-times/other-zones", test_other_zones);
  ADD ("/event-times/recurrence-with-exceptions", test_recurrence_with_exceptions);
  ADD ("/event-times/sequence-and-uid", test_sequence_and_uid);
  ADD ("/event-times/never-occurring-refused", test_never_occurring_refused);
  ADD ("/event-times/zone-offsets-as-glib", test_zone_offsets_as_glib);
#undef ADD

  return g_test_run ();
}
