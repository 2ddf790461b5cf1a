/* test-agenda-selection.c — the Agenda page's selection mode over 100,000 events
 *
 * Runs under Xvfb: a real page in a real window, its list scrolled from
 * one end to the other. What is checked is what the AT-SPI test cannot
 * reach at this size: the selection survives scrolling, selecting
 * everything reads no row, a series counts once, and positions become
 * events a window of positions at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "page-test-util.h"

#include "tract-agenda-list.h"
#include "tract-agenda-page-private.h"
#include "tract-campaign.h"
#include "tract-event-row.h"
#include "tract-store-private.h"

#define N_SINGLE 100000
/* The list keeps at most this many rows in memory (tract-agenda-list.c). */
#define MAX_LOADED (64 * 128)

typedef struct
{
  char            *dir;
  TractStore      *store;
  TractCampaign   *campaign;
  GtkWindow       *window;
  TractAgendaPage *page;
} Fixture;

static double
ms_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

/* 100,000 half-hour events an hour apart, from 2021, and one weekly series
 * of five, the first Saturday of 2021: in SQL, as an import would. */
static void
add_events (Fixture *fixture)
{
  static const char sql[] =
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?2 - 1)"
    " INSERT INTO event (uid, campaign_id, title, start_local, end_local, time_zone, start_utc, end_utc,"
    "   created_utc, modified_utc)"
    " SELECT 'bulk-' || i || '@example.org', ?1, 'Réunion ' || i,"
    "   strftime('%Y-%m-%dT%H:%M', 1609459200 + i * 3600, 'unixepoch'),"
    "   strftime('%Y-%m-%dT%H:%M', 1609459200 + i * 3600 + 1800, 'unixepoch'),"
    "   'UTC', 1609459200 + i * 3600, 1609459200 + i * 3600 + 1800, '2021', '2021' FROM n;"
    "INSERT INTO event (uid, campaign_id, title, start_local, end_local, time_zone, start_utc, end_utc,"
    "   rrule, created_utc, modified_utc)"
    " VALUES ('permanence@example.org', ?1, 'Permanence', '2021-01-02T09:15', '2021-01-02T09:45', 'UTC',"
    "   1609578900, 1609580700, 'FREQ=WEEKLY;COUNT=5', '2021', '2021');";
  sqlite3 *db = tract_store_get_connection (fixture->store);
  const char *tail = sql;
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (fixture->campaign));

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  while (*tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail), ==, SQLITE_OK);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, N_SINGLE);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tract-selection-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tract.db", NULL);
  fixture->store = tract_store_open (path, &error);
  g_assert_no_error (error);
  fixture->campaign = tract_campaign_new ("Vive la Commune");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (fixture->campaign), &error));
  g_assert_no_error (error);
  add_events (fixture);

  fixture->page = g_object_new (TRACT_TYPE_AGENDA_PAGE, NULL);
  tract_agenda_page_set_store (fixture->page, fixture->store);
  tract_agenda_page_set_campaign (fixture->page, fixture->campaign);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 420, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) listing = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The row the list shows at @position, once it is bound. */
static GtkListItem *
bound_item (TractAgendaPage *page,
            guint            position)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, page->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_position (item) == position)
      return item;
  return NULL;
}

static GtkListItem *
scroll_to (TractAgendaPage *page,
           guint            position)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkListItem *item = NULL;

  tract_agenda_page_scroll_to_position (page, position);
  while ((item = bound_item (page, position)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  /* The rows around it settle too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (item);
  return item;
}

static gboolean
row_shows_selected (GtkListItem *item)
{
  gboolean selected = FALSE;

  g_object_get (gtk_list_item_get_child (item), "selected", &selected, NULL);
  g_assert_true (selected == gtk_list_item_get_selected (item));
  return selected;
}

static void
test_hundred_thousand (Fixture       *fixture,
                       gconstpointer  data)
{
  TractAgendaPage *page = fixture->page;
  TractAgendaList *list = TRACT_AGENDA_LIST (tract_agenda_page_get_model (page));
  GtkSelectionModel *selection;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GArray) ids = NULL;
  gint64 started;
  guint last = n_rows - 1;
  guint permanence_first = 0;
  guint n_loaded;
  gint64 series[170];

  /* 100,000 events and five occurrences of the series. */
  g_assert_cmpuint (n_rows, ==, N_SINGLE + 5);
  g_assert_true (tract_agenda_list_find_event (list, N_SINGLE + 1, "2021-01-01", &permanence_first));
  /* A week of hourly events between two occurrences. */
  g_assert_cmpuint (tract_agenda_list_get_event_ids (list, permanence_first, 170, series), ==, 170);
  g_assert_cmpint (series[0], ==, N_SINGLE + 1);
  g_assert_cmpint (series[169], ==, N_SINGLE + 1);
  scroll_to (page, 0);

  tract_agenda_page_set_selection_mode (page, TRUE);
  selection = tract_agenda_page_get_selection (page);
  g_assert_nonnull (selection);
  g_assert_false (gtk_list_view_get_single_click_activate (page->list_view));

  /* As clicks do: a row near the top, one at the bottom, and two
   * occurrences of the series. */
  g_assert_true (gtk_selection_model_select_item (selection, 3, FALSE));
  g_assert_true (gtk_selection_model_select_item (selection, last, FALSE));
  g_assert_true (gtk_selection_model_select_item (selection, permanence_first, FALSE));
  g_assert_true (gtk_selection_model_select_item (selection, permanence_first + 169, FALSE));
  g_assert_cmpuint (tract_agenda_page_get_n_selected_events (page), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (page->selected_label), ==, "3 events selected");
  g_assert_true (row_shows_selected (bound_item (page, 3)));
  g_assert_false (row_shows_selected (bound_item (page, 2)));

  /* Down to the end and back: the rows are paged out and in again, the
   * selection stays. */
  started = g_get_monotonic_time ();
  g_assert_true (row_shows_selected (scroll_to (page, last)));
  g_assert_false (row_shows_selected (scroll_to (page, last - 40)));
  g_assert_true (row_shows_selected (scroll_to (page, 3)));
  g_test_message ("scrolled to the end and back in %.0f ms", ms_since (started));
  g_assert_cmpuint (tract_agenda_list_get_n_loaded (list), <=, MAX_LOADED);
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 4);

  /* Ctrl+A: every row, none read (GTK's own GtkMultiSelection would page
   * in all 100,005, and the list would then hold the most it keeps). */
  n_loaded = tract_agenda_list_get_n_loaded (list);
  g_assert_cmpuint (n_loaded, <, MAX_LOADED / 4);
  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.select-all", NULL));
  g_test_message ("selected %u rows in %.2f ms", n_rows, ms_since (started));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, n_rows);
  started = g_get_monotonic_time ();
  g_assert_cmpuint (tract_agenda_page_get_n_selected_events (page), ==, N_SINGLE + 1);
  g_test_message ("counted %u events in %.1f ms", N_SINGLE + 1, ms_since (started));
  started = g_get_monotonic_time ();
  ids = tract_agenda_page_dup_selected_events (page);
  g_test_message ("resolved to %u ids in %.1f ms", ids->len, ms_since (started));
  g_assert_cmpuint (ids->len, ==, N_SINGLE + 1);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, i + 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (tract_agenda_list_get_n_loaded (list), ==, n_loaded);

  /* A search reloads the list: nothing stays selected, the count says so. */
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "permanence");
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) != 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (selection)));
  g_assert_cmpuint (tract_agenda_page_get_n_selected_events (page), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (page->selected_label), ==, "0 events selected");

  /* Leaving: nothing selected, and a click opens an event again. */
  gtk_selection_model_select_all (selection);
  g_assert_cmpuint (tract_agenda_page_get_n_selected_events (page), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.leave-selection", NULL));
  g_assert_false (tract_agenda_page_get_selection_mode (page));
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (selection)));
  g_assert_false (gtk_selection_model_select_item (selection, 0, FALSE));
  g_assert_true (gtk_list_view_get_single_click_activate (page->list_view));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->selection_bar)));
  g_clear_pointer (&ids, g_array_unref);
  ids = tract_agenda_page_dup_selected_events (page);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* Types @text in the search entry, and waits for the search to run. */
static void
search_for (TractAgendaPage *page,
            const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), text);
  while (g_strcmp0 (tract_agenda_list_get_filter (page->events)->search, text) != 0)
    g_main_context_iteration (NULL, TRUE);
  page_test_iterate_until_idle ();
}

/* A reload (after an import, at each keystroke of a search) announces every
 * row gone, then the new ones: the page showing the list must not switch to
 * its empty page in between, or that page fades in and out over the list. */
static void
test_reload_keeps_the_list (Fixture       *fixture,
                            gconstpointer  data)
{
  TractAgendaPage *page = fixture->page;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  page_test_iterate_until_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");
  page_test_record_pages (page->stack, pages);

  tract_store_notify_table_reset (fixture->store, "event");
  page_test_iterate_until_idle ();
  search_for (page, "Réunion 4");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page->events)), >, 0);
  search_for (page, "Réunion 42");
  g_assert_cmpuint (pages->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "list");

  /* And a list that does become empty shows the page that says so. */
  search_for (page, "introuvable");
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pages, 0), ==, "no-results");
  page_test_stop_recording_pages (page->stack, pages);
}

int
main (int   argc,
      char *argv[])
{
  page_test_ignore_glib_quark_block ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agenda-selection/hundred-thousand", Fixture, NULL, fixture_set_up, test_hundred_thousand,
              fixture_tear_down);
  g_test_add ("/agenda-selection/reload-keeps-the-list", Fixture, NULL, fixture_set_up, test_reload_keeps_the_list,
              fixture_tear_down);

  return g_test_run ();
}
