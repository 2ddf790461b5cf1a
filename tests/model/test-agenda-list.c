/* test-agenda-list.c — the agenda's lazy list of occurrences and its queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-util.h"
#include "tract-agenda-list.h"
#include "tract-agenda-query.h"
#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-record-list.h"
#include "tract-store-private.h"

typedef struct
{
  TestDatabase     db;
  gint64           campaign_id;
  TractAgendaList *list;
  GPtrArray       *shadow; /* what a view that follows items-changed holds */
} Fixture;

static char *
describe (TractRecord *event)
{
  return g_strdup_printf ("%s %s", tract_record_get_text (event, "start_local"),
                          tract_record_get_text (event, "title"));
}

/* As GtkListView does: removed rows go, added rows are read at once. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->shadow->len);
  g_ptr_array_remove_range (fixture->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(TractRecord) event = g_list_model_get_item (model, position + i);

      g_assert_nonnull (event);
      g_ptr_array_insert (fixture->shadow, (int) (position + i), describe (event));
    }
}

static char *
contents (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TractRecord) event = g_list_model_get_item (model, i);
      g_autofree char *text = describe (event);

      g_string_append_printf (out, "%s\n", text);
    }
  return g_string_free (out, FALSE);
}

/* The view following the signals holds what a fresh list shows. */
static void
assert_shadow (Fixture *fixture)
{
  g_autoptr(TractAgendaList) fresh = tract_agenda_list_new (fixture->db.store, 0);
  GString *shadow = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *shadowed = NULL;
  const TractAgendaFilter *filter = tract_agenda_list_get_filter (fixture->list);

  tract_agenda_list_set_campaign (fresh, filter->campaign_id);
  tract_agenda_list_set_kind (fresh, filter->kind);
  tract_agenda_list_set_status (fresh, filter->status);
  tract_agenda_list_set_organization (fresh, filter->organization_id);
  tract_agenda_list_set_search (fresh, filter->search);
  expected = contents (G_LIST_MODEL (fresh));
  for (guint i = 0; i < fixture->shadow->len; i++)
    g_string_append_printf (shadow, "%s\n", (char *) fixture->shadow->pdata[i]);
  shadowed = g_string_free (shadow, FALSE);
  g_assert_cmpstr (shadowed, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, fixture->shadow->len);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Vive la Commune");
  g_autoptr(GError) error = NULL;

  test_database_setup (&fixture->db, data);
  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  fixture->campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  fixture->list = tract_agenda_list_new (fixture->db.store, fixture->campaign_id);
  fixture->shadow = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->list);
  g_ptr_array_unref (fixture->shadow);
  test_database_teardown (&fixture->db, data);
}

static TractEvent *
add_event (Fixture    *fixture,
           const char *title,
           const char *start,
           const char *end,
           const char *rrule)
{
  TractEvent *event;
  g_autoptr(GError) error = NULL;

  if (strlen (start) == 10)
    event = tract_event_new_all_day (fixture->campaign_id, title, start, end, "Europe/Paris");
  else
    event = tract_event_new_timed (fixture->campaign_id, title, start, end, "Europe/Paris");
  tract_record_set_text (TRACT_RECORD (event), "rrule", rrule);
  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
  return event;
}

static void
update_ok (Fixture *fixture,
           gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_update (fixture->db.store, TRACT_RECORD (record), &error));
  g_assert_no_error (error);
}

static void
test_occurrences_in_order (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TractEvent) rally = add_event (fixture, "Rassemblement", "2021-03-20T14:00", "2021-03-20T17:00", "");
  g_autoptr(TractEvent) weekend = add_event (fixture, "Week-end", "2021-05-29", "2021-05-30", "");
  g_autoptr(TractEvent) permanence = add_event (fixture, "Permanence", "2021-03-18T18:30", "2021-03-18T20:00",
                                                "FREQ=WEEKLY;COUNT=4");
  g_autofree char *text = NULL;

  text = contents (G_LIST_MODEL (fixture->list));
  g_assert_cmpstr (text, ==,
                   "2021-03-18T18:30 Permanence\n"
                   "2021-03-20T14:00 Rassemblement\n"
                   "2021-03-25T18:30 Permanence\n"
                   "2021-04-01T18:30 Permanence\n"
                   "2021-04-08T18:30 Permanence\n"
                   "2021-05-29 Week-end\n");
  assert_shadow (fixture);

  /* Each item is the event with the times of its occurrence. */
  {
    g_autoptr(TractEvent) third = g_list_model_get_item (G_LIST_MODEL (fixture->list), 3);

    g_assert_cmpint (tract_record_get_id (TRACT_RECORD (third)), ==, tract_record_get_id (TRACT_RECORD (permanence)));
    g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (third), "end_local"), ==, "2021-04-01T20:00");
    /* After the change to summer time: 16:30Z. */
    g_assert_cmpint (tract_event_get_start_utc (third), ==, 1617294600);
    g_assert_cmpstr (tract_event_get_uid (third), ==, tract_event_get_uid (permanence));
  }

  /* Where days begin, for the calendar and the Today button. */
  g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, "2021-03-20"), ==, 1);
  g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, "2021-03-21"), ==, 2);
  g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, "2021-05-29"), ==, 5);
  g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, "2022-01-01"), ==, 6);
  g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, "2000-01-01"), ==, 0);

  /* The two days of the week-end are both marked. */
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 3), ==,
                   (1u << 18) | (1u << 20) | (1u << 25));
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 5), ==, (1u << 29) | (1u << 30));
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 6), ==, 0);
}

static void
test_exact_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TractEvent) rally = add_event (fixture, "Rassemblement", "2021-03-20T14:00", "2021-03-20T17:00", "");
  g_autoptr(TractEvent) weekend = add_event (fixture, "Week-end", "2021-05-29", "2021-05-30", "");
  g_autoptr(TractEvent) permanence = add_event (fixture, "Permanence", "2021-03-18T18:30", "2021-03-18T20:00",
                                                "FREQ=WEEKLY;COUNT=4");

  assert_shadow (fixture);

  /* A new title: the same places, new content. */
  tract_record_set_text (TRACT_RECORD (permanence), "title", "Permanence du collectif");
  update_ok (fixture, permanence);
  assert_shadow (fixture);

  /* Fewer times, then more, then another weekday. */
  tract_record_set_text (TRACT_RECORD (permanence), "rrule", "FREQ=WEEKLY;COUNT=2");
  update_ok (fixture, permanence);
  assert_shadow (fixture);
  tract_record_set_text (TRACT_RECORD (permanence), "rrule", "FREQ=WEEKLY;BYDAY=TH,SA;COUNT=7");
  update_ok (fixture, permanence);
  assert_shadow (fixture);
  tract_record_set_text (TRACT_RECORD (permanence), "exdates", "2021-03-20,2021-03-27");
  update_ok (fixture, permanence);
  assert_shadow (fixture);

  /* A move across the others, and back. */
  tract_record_set_text (TRACT_RECORD (rally), "start_local", "2021-06-20T14:00");
  tract_record_set_text (TRACT_RECORD (rally), "end_local", "2021-06-20T17:00");
  update_ok (fixture, rally);
  assert_shadow (fixture);
  tract_record_set_text (TRACT_RECORD (rally), "start_local", "2021-03-01T14:00");
  tract_record_set_text (TRACT_RECORD (rally), "end_local", "2021-03-01T17:00");
  update_ok (fixture, rally);
  assert_shadow (fixture);

  /* No longer repeating; deleted; added. */
  tract_record_set_text (TRACT_RECORD (permanence), "rrule", "");
  update_ok (fixture, permanence);
  assert_shadow (fixture);
  g_assert_true (tract_store_delete (fixture->db.store, TRACT_RECORD (weekend), NULL));
  assert_shadow (fixture);
  {
    g_autoptr(TractEvent) meeting = add_event (fixture, "Réunion", "2021-03-19T19:00", "2021-03-19T21:00",
                                               "FREQ=DAILY;COUNT=3");
    assert_shadow (fixture);
  }

  /* Many occurrences at once: a reload, still right. */
  tract_record_set_text (TRACT_RECORD (permanence), "rrule", "FREQ=DAILY;COUNT=200");
  update_ok (fixture, permanence);
  assert_shadow (fixture);
  /* 200 days but the two excluded ones, the rally, the three meetings. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 198 + 1 + 3);

  /* Moved to another campaign: gone from this one. */
  {
    g_autoptr(TractCampaign) other = tract_campaign_new ("Autre campagne");

    g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (other), NULL));
    tract_record_set_text (TRACT_RECORD (permanence), "rrule", "FREQ=WEEKLY;COUNT=3");
    update_ok (fixture, permanence);
    assert_shadow (fixture);
    tract_record_set_integer (TRACT_RECORD (permanence), "campaign_id", tract_record_get_id (TRACT_RECORD (other)));
    update_ok (fixture, permanence);
    assert_shadow (fixture);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 4);
  }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TractEvent) rally = add_event (fixture, "Rassemblement place du Châtelet", "2021-03-20T14:00",
                                           "2021-03-20T17:00", "");
  g_autoptr(TractEvent) permanence = add_event (fixture, "Permanence", "2021-03-18T18:30", "2021-03-18T20:00",
                                                "FREQ=WEEKLY;COUNT=4");
  g_autoptr(TractOrganization) skb = tract_organization_new ("Union des Femmes Socialistes", "SKB");
  g_autoptr(TractEventOrganization) link = NULL;
  GListModel *model = G_LIST_MODEL (fixture->list);

  tract_record_set_text (TRACT_RECORD (permanence), "kind", "meeting");
  tract_record_set_text (TRACT_RECORD (permanence), "status", "tentative");
  update_ok (fixture, permanence);

  tract_agenda_list_set_kind (fixture->list, "meeting");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_shadow (fixture);
  tract_agenda_list_set_kind (fixture->list, "rally");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* A change of kind takes the event out of the filtered list, exactly. */
  tract_record_set_text (TRACT_RECORD (permanence), "kind", "rally");
  update_ok (fixture, permanence);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_shadow (fixture);
  tract_agenda_list_set_kind (fixture->list, NULL);

  tract_agenda_list_set_status (fixture->list, "tentative");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  tract_agenda_list_set_status (fixture->list, "cancelled");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 3), ==, 0);
  tract_agenda_list_set_status (fixture->list, "");

  /* Search as you type: prefixes, accents folded. */
  tract_agenda_list_set_search (fixture->list, "chate");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 3), ==, 1u << 20);
  tract_agenda_list_set_search (fixture->list, "perm");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  /* Editing a found event reloads the searched list. */
  tract_record_set_text (TRACT_RECORD (permanence), "title", "Réunion");
  update_ok (fixture, permanence);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  assert_shadow (fixture);
  tract_agenda_list_set_search (fixture->list, " \"");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  /* The events an organization takes part in follow its links. */
  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (skb), NULL));
  tract_agenda_list_set_organization (fixture->list, tract_record_get_id (TRACT_RECORD (skb)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  link = tract_event_organization_new (tract_record_get_id (TRACT_RECORD (permanence)),
                                       tract_record_get_id (TRACT_RECORD (skb)), "organizer");
  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (link), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_shadow (fixture);
  {
    guint position = 99;

    g_assert_true (tract_agenda_list_find_event (fixture->list, tract_record_get_id (TRACT_RECORD (permanence)),
                                                 "2021-03-26", &position));
    g_assert_cmpuint (position, ==, 2);
    g_assert_true (tract_agenda_list_find_event (fixture->list, tract_record_get_id (TRACT_RECORD (permanence)),
                                                 "2030-01-01", &position));
    g_assert_cmpuint (position, ==, 3);
    g_assert_false (tract_agenda_list_find_event (fixture->list, tract_record_get_id (TRACT_RECORD (rally)),
                                                  "2021-01-01", &position));
  }
  g_assert_true (tract_store_delete (fixture->db.store, TRACT_RECORD (link), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  assert_shadow (fixture);
}

/* An evening in Lima is on its own date, whatever the time in Paris. */
static void
test_other_zone (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TractEvent) lima = tract_event_new_timed (fixture->campaign_id, "Solidarité Pérou", "2021-03-20T20:00",
                                                      "2021-03-20T22:00", "America/Lima");
  g_autoptr(TractEvent) paris = add_event (fixture, "Nuit", "2021-03-21T01:00", "2021-03-21T02:00", "");
  g_autofree char *text = NULL;

  g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (lima), NULL));
  text = contents (G_LIST_MODEL (fixture->list));
  g_assert_cmpstr (text, ==, "2021-03-20T20:00 Solidarité Pérou\n2021-03-21T01:00 Nuit\n");
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 3), ==, (1u << 20) | (1u << 21));
}

static void
test_horizon_and_long_spans (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TractEvent) endless = add_event (fixture, "Permanence", "2021-01-02T10:00", "2021-01-02T12:00",
                                             "FREQ=WEEKLY");
  g_autoptr(TractEvent) occupation = add_event (fixture, "Occupation", "2021-01-10", "2021-04-10", "");
  g_autoptr(TractEvent) night = add_event (fixture, "Nuit", "2021-02-27T22:00", "2021-02-28T00:00", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end_2021 = g_date_time_new_utc (2022, 1, 1, 0, 0, 0);
  gboolean changed = FALSE;

  /* Endless series stop at the horizon, which moves with time. */
  g_assert_cmpint (tract_agenda_query_get_horizon (fixture->db.store), >, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_true (tract_agenda_query_sync_until (fixture->db.store, g_date_time_to_unix (end_2021), &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_true (tract_agenda_query_sync_until (fixture->db.store, g_date_time_to_unix (end_2021), &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (tract_agenda_query_count (fixture->db.store, tract_agenda_list_get_filter (fixture->list)),
                    ==, 52 + 2);

  /* Three months of occupation mark every day of February, and a party
   * that ends at midnight does not mark the next day. */
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 2), ==, 0x1ffffffe);
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 4) & 0x7fe, ==, 0x7fe);
  tract_record_set_text (TRACT_RECORD (occupation), "end_local", "2021-01-10");
  update_ok (fixture, occupation);
  g_assert_cmphex (tract_agenda_list_get_days_with_events (fixture->list, 2021, 2), ==,
                   (1u << 6) | (1u << 13) | (1u << 20) | (1u << 27));
}

static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractAgendaList) list = NULL;
  GListModel *model;

  g_signal_handlers_disconnect_by_data (fixture->list, fixture);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *start = g_strdup_printf ("2021-%02u-%02uT%02u:00", 1 + i % 12, 1 + i % 28, 8 + i % 10);
      g_autofree char *title = g_strdup_printf ("Événement %u", i);
      g_autoptr(TractEvent) event = tract_event_new_timed (fixture->campaign_id, title, start, start,
                                                           "Europe/Paris");

      g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (event), &error));
    }
  list = tract_agenda_list_new (fixture->db.store, fixture->campaign_id);
  model = G_LIST_MODEL (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 3000);
  g_assert_cmpuint (tract_agenda_list_get_n_loaded (list), ==, 0);
  {
    g_autoptr(GObject) item = g_list_model_get_item (model, 2500);

    g_assert_nonnull (item);
  }
  g_assert_cmpuint (tract_agenda_list_get_n_loaded (list), <=, 128);
}

/* A selection of positions resolves to the events shown there, in the
 * list's order and under its filters, without loading any row. */
static void
test_event_ids (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TractEvent) rally = add_event (fixture, "Rassemblement", "2021-03-20T14:00", "2021-03-20T17:00", "");
  g_autoptr(TractEvent) permanence = add_event (fixture, "Permanence", "2021-03-18T18:30", "2021-03-18T20:00",
                                                "FREQ=WEEKLY;COUNT=3");
  g_autoptr(TractEvent) may = add_event (fixture, "Manifestation", "2021-05-01", "2021-05-01", "");
  gint64 rally_id = tract_record_get_id (TRACT_RECORD (rally));
  gint64 permanence_id = tract_record_get_id (TRACT_RECORD (permanence));
  gint64 may_id = tract_record_get_id (TRACT_RECORD (may));
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(TractAgendaList) fresh = tract_agenda_list_new (fixture->db.store, fixture->campaign_id);
  gint64 ids[8] = { 0 };

  /* 18 March, 20 March, 25 March, 1 April, 1 May */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (tract_agenda_list_get_event_ids (fresh, 0, 8, ids), ==, 5);
  g_assert_cmpint (ids[0], ==, permanence_id);
  g_assert_cmpint (ids[1], ==, rally_id);
  g_assert_cmpint (ids[2], ==, permanence_id);
  g_assert_cmpint (ids[3], ==, permanence_id);
  g_assert_cmpint (ids[4], ==, may_id);
  g_assert_cmpuint (tract_agenda_list_get_n_loaded (fresh), ==, 0);
  /* Every position agrees with the row a view reads there. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TractRecord) event = g_list_model_get_item (model, i);

      g_assert_cmpint (tract_record_get_id (event), ==, ids[i]);
    }

  memset (ids, 0, sizeof ids);
  g_assert_cmpuint (tract_agenda_list_get_event_ids (fixture->list, 3, 2, ids), ==, 2);
  g_assert_cmpint (ids[0], ==, permanence_id);
  g_assert_cmpint (ids[1], ==, may_id);
  g_assert_cmpint (ids[2], ==, 0);
  g_assert_cmpuint (tract_agenda_list_get_event_ids (fixture->list, 5, 2, ids), ==, 0);
  g_assert_cmpuint (tract_agenda_list_get_event_ids (fixture->list, 0, 0, NULL), ==, 0);

  /* Under a filter, the positions are those of the filtered list. */
  tract_agenda_list_set_search (fixture->list, "perm");
  memset (ids, 0, sizeof ids);
  g_assert_cmpuint (tract_agenda_list_get_event_ids (fixture->list, 1, 8, ids), ==, 2);
  g_assert_cmpint (ids[0], ==, permanence_id);
  g_assert_cmpint (ids[1], ==, permanence_id);
}

static gboolean
add_series (TractStore  *store,
            gpointer     user_data,
            GError     **error)
{
  Fixture *fixture = user_data;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *start = g_strdup_printf ("2021-%02u-%02uT18:00", 1 + i % 12, 1 + i % 28);
      g_autoptr(TractEvent) event = tract_event_new_timed (fixture->campaign_id, "Permanence", start, start,
                                                           "Europe/Paris");

      tract_record_set_text (TRACT_RECORD (event), "rrule", "FREQ=WEEKLY;COUNT=3");
      if (!tract_store_insert (store, TRACT_RECORD (event), error))
        return FALSE;
    }
  return TRUE;
}

/* After an import of many series, they are expanded a step at a time from
 * the main loop, and the list follows. */
static void
test_expanded_in_steps (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (fixture->list);
  gint64 deadline;

  g_assert_true (tract_store_run (fixture->db.store, add_series, fixture, &error));
  g_assert_no_error (error);
  /* The first step is done at once; the rest follows. */
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 1500);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 500);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (model) < 1500 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1500);
  assert_shadow (fixture);
}

/* The count of all rows and the count before a day after them agree. */
static void
assert_counts_agree (Fixture *fixture)
{
  const TractAgendaFilter *filter = tract_agenda_list_get_filter (fixture->list);

  g_assert_cmpuint (tract_agenda_query_count (fixture->db.store, filter), ==,
                    tract_agenda_query_count_before_day (fixture->db.store, filter, "9999-12-31"));
}

/* A search reads its matches once, then sees every later change: this
 * connection's writes and another connection's. */
static void
test_search_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TractEvent) first = add_event (fixture, "Banquet de la Commune", "2021-03-18T19:00",
                                           "2021-03-18T23:00", "");
  g_autoptr(TractEvent) other = add_event (fixture, "Réunion", "2021-03-19T19:00", "2021-03-19T21:00", "");
  g_autoptr(TractStore) second = NULL;
  g_autoptr(TractEvent) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (fixture->list);

  tract_agenda_list_set_search (fixture->list, "banquet");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assert_counts_agree (fixture);

  /* This connection: an edit brings the other event in. */
  tract_record_set_text (TRACT_RECORD (other), "title", "Banquet des fédérés");
  update_ok (fixture, other);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  assert_shadow (fixture);
  assert_counts_agree (fixture);

  /* Another connection's commit: the list hears nothing, a count sees it. */
  second = tract_store_open (fixture->db.path, &error);
  g_assert_no_error (error);
  elsewhere = tract_event_new_timed (fixture->campaign_id, "Banquet du 18 mars", "2022-03-18T19:00",
                                     "2022-03-18T23:00", "Europe/Paris");
  g_assert_true (tract_store_insert (second, TRACT_RECORD (elsewhere), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tract_agenda_query_count (fixture->db.store, tract_agenda_list_get_filter (fixture->list)),
                    ==, 3);
  g_assert_cmpuint (tract_agenda_query_count_before_day (fixture->db.store,
                                                         tract_agenda_list_get_filter (fixture->list),
                                                         "2021-03-19"), ==, 1);
  assert_counts_agree (fixture);
  g_clear_object (&second);

  /* Words found nowhere, then everywhere again. */
  tract_agenda_list_set_search (fixture->list, "zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  tract_agenda_list_set_search (fixture->list, "banq");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  assert_shadow (fixture);
  assert_counts_agree (fixture);

  /* A repeating event counts each of its occurrences; another campaign's
   * events do not count. */
  {
    g_autoptr(TractEvent) weekly = add_event (fixture, "Banquet hebdomadaire", "2021-04-01T19:00",
                                              "2021-04-01T21:00", "FREQ=WEEKLY;COUNT=4");
    g_autoptr(TractCampaign) other_campaign = tract_campaign_new ("Autre campagne");
    g_autoptr(TractEvent) outside = NULL;

    g_assert_true (tract_agenda_query_sync_until (fixture->db.store, 2208988800 /* 2040 */, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (other_campaign), &error));
    outside = tract_event_new_timed (tract_record_get_id (TRACT_RECORD (other_campaign)), "Banquet ailleurs",
                                     "2021-03-18T19:00", "2021-03-18T23:00", "Europe/Paris");
    g_assert_true (tract_store_insert (fixture->db.store, TRACT_RECORD (outside), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (tract_agenda_query_count (fixture->db.store, tract_agenda_list_get_filter (fixture->list)),
                      ==, 7);
    assert_counts_agree (fixture);
  }
}

/* A search answered in memory (the search order, pages read by rowid)
 * lists exactly what SQL and FTS5 list, in the same order, across pages
 * and filters, before and after edits. */
static void
assert_search_as_sql (Fixture *fixture)
{
  const TractAgendaFilter *filter = tract_agenda_list_get_filter (fixture->list);
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autofree char *query = tract_search_query_from_text (filter->search);
  g_autoptr(GString) sql = g_string_new ("SELECT o.event_id, o.start_utc FROM event_occurrence AS o"
                                         " WHERE o.campaign_id = ?1"
                                         " AND o.event_id IN (SELECT rowid FROM event_search"
                                         " WHERE event_search MATCH ?2)");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = tract_store_get_connection (fixture->db.store);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (filter->kind != NULL)
    g_string_append (sql, " AND o.kind = ?3");
  g_string_append (sql, " ORDER BY o.day, o.start_utc, o.event_id");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, filter->campaign_id);
  sqlite3_bind_text (stmt, 2, query, -1, SQLITE_TRANSIENT);
  if (filter->kind != NULL)
    sqlite3_bind_text (stmt, 3, filter->kind, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(TractRecord) item = g_list_model_get_item (model, n);
      gint64 event_id = sqlite3_column_int64 (stmt, 0);

      g_assert_nonnull (item);
      g_assert_cmpint (tract_record_get_id (item), ==, event_id);
      g_assert_cmpint (tract_record_get_integer (item, "start_utc"), ==, sqlite3_column_int64 (stmt, 1));
      g_array_append_val (ids, event_id);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_null (g_list_model_get_item (model, n));

  /* Where a day starts, as SQL counts it. */
  {
    static const char * const days[] = { "2000-01-01", "2021-03-01", "2021-03-02", "2021-06-15", "2021-07-04",
                                          "2021-12-25", "2099-01-01" };

    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      g_assert_cmpuint (tract_agenda_list_get_day_position (fixture->list, days[d]), ==,
                        tract_agenda_query_count_before_day (fixture->db.store, filter, days[d]));
  }

  /* What a selection resolves to, from anywhere in the list. */
  if (n > 0)
    {
      g_autofree gint64 *got = g_new0 (gint64, n);
      guint first = n / 3;

      g_assert_cmpuint (tract_agenda_list_get_event_ids (fixture->list, first, n, got), ==, n - first);
      g_assert_cmpmem (got, (n - first) * sizeof (gint64), &g_array_index (ids, gint64, first),
                       (n - first) * sizeof (gint64));
    }
}

static void
on_widest_change (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *widest)
{
  *widest = MAX (*widest, MAX (removed, added));
}

/* GTK 4.8's list views read every added item of a change that also
 * removes the row they track: a list replaced is announced in two. */
static void
on_change_not_a_swap (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  g_assert_true (removed <= 1 || added == 0);
}

static void
test_search_as_sql (Fixture       *fixture,
                    gconstpointer  data)
{
  guint widest;
  gulong handler;
  static const char * const searches[] = { "b", "banquet", "banquet commune", "réu", "commune", "zz", "a" };
  g_autoptr(TractEvent) daily = add_event (fixture, "Banquet quotidien", "2021-03-01T12:00", "2021-03-01T13:00",
                                           "FREQ=DAILY;COUNT=300");
  g_autoptr(TractEvent) moved = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", i % 3 == 0 ? "Banquet de la Commune"
                                                         : i % 3 == 1 ? "Réunion de la Commune" : "Assemblée", i);
      g_autofree char *start = g_strdup_printf ("2021-%02u-%02uT%02u:00", 3 + i % 9, 1 + i % 27, 8 + i % 12);
      g_autofree char *end = g_strdup_printf ("2021-%02u-%02uT%02u:30", 3 + i % 9, 1 + i % 27, 8 + i % 12);
      g_autoptr(TractEvent) event = add_event (fixture, title, start, end, i % 10 == 0 ? "FREQ=WEEKLY;COUNT=5" : "");

      if (i % 4 == 0)
        {
          tract_record_set_text (TRACT_RECORD (event), "kind", "rally");
          update_ok (fixture, event);
        }
      if (i == 7)
        moved = g_object_ref (event);
    }
  g_assert_true (tract_agenda_query_sync_until (fixture->db.store, 2208988800 /* 2040 */, NULL, &error));
  g_assert_no_error (error);

  handler = g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_change_not_a_swap), NULL);
  for (guint kind = 0; kind < 2; kind++)
    {
      tract_agenda_list_set_kind (fixture->list, kind ? "rally" : NULL);
      tract_agenda_list_prepare_search (fixture->list);
      for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
        {
          tract_agenda_list_set_search (fixture->list, searches[i]);
          assert_search_as_sql (fixture);
          assert_shadow (fixture);
        }
    }
  g_signal_handler_disconnect (fixture->list, handler);

  /* Edits while searching are announced row by row, not as a reload:
   * found or not, moved, a series shortened. */
  tract_agenda_list_set_search (fixture->list, "banquet");
  widest = 0;
  handler = g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_widest_change), &widest);
  tract_record_set_text (TRACT_RECORD (moved), "title", "Banquet déplacé");
  tract_record_set_text (TRACT_RECORD (moved), "start_local", "2021-06-15T10:00");
  tract_record_set_text (TRACT_RECORD (moved), "end_local", "2021-06-15T11:00");
  update_ok (fixture, moved);
  assert_search_as_sql (fixture);
  assert_shadow (fixture);
  tract_record_set_text (TRACT_RECORD (moved), "title", "Assemblée déplacée");
  update_ok (fixture, moved);
  assert_search_as_sql (fixture);
  assert_shadow (fixture);
  tract_record_set_text (TRACT_RECORD (moved), "title", "Banquet retrouvé");
  update_ok (fixture, moved);
  assert_search_as_sql (fixture);
  assert_shadow (fixture);
  g_assert_cmpuint (widest, ==, 1);
  tract_record_set_text (TRACT_RECORD (daily), "rrule", "FREQ=DAILY;COUNT=3");
  update_ok (fixture, daily);
  assert_search_as_sql (fixture);
  assert_shadow (fixture);
  g_signal_handler_disconnect (fixture->list, handler);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/agenda-list/occurrences-in-order", test_occurrences_in_order);
  ADD ("/agenda-list/exact-changes", test_exact_changes);
  ADD ("/agenda-list/filters", test_filters);
  ADD ("/agenda-list/other-zone", test_other_zone);
  ADD ("/agenda-list/horizon-and-long-spans", test_horizon_and_long_spans);
  ADD ("/agenda-list/lazy", test_lazy);
  ADD ("/agenda-list/search-follows-changes", test_search_follows_changes);
  ADD ("/agenda-list/event-ids", test_event_ids);
  ADD ("/agenda-list/search-as-sql", test_search_as_sql);
  ADD ("/agenda-list/expanded-in-steps", test_expanded_in_steps);
#undef ADD

  return g_test_run ();
}
