/* test-statements-page.c — the Statements page's list and its empty pages
 *
 * Runs under Xvfb: a real page in a real window. A reload of the list (a
 * campaign chosen, a table reset) announces every row gone, then the new
 * ones: the page must not show its empty page in between, or that page
 * fades in and out over the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "page-test-util.h"
#include "test-util.h"
#include "tract-campaign.h"
#include "tract-statement.h"
#include "tract-statements-page.h"
#include "tract-store.h"

typedef struct
{
  TestDatabase         database;
  TractCampaign       *campaigns[3]; /* two with statements, one without */
  GtkWindow           *window;
  TractStatementsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const names[] = { "Vive la Commune", "Printemps des luttes", "Sans déclaration" };
  TractStore *store;
  g_autoptr(GError) error = NULL;

  test_database_setup (&fixture->database, data);
  store = fixture->database.store;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      fixture->campaigns[i] = tract_campaign_new (names[i]);
      g_assert_true (tract_store_insert (store, TRACT_RECORD (fixture->campaigns[i]), &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 3; j++)
      {
        g_autofree char *title = g_strdup_printf ("Appel n° %u", j + 1);
        g_autoptr(TractStatement) statement =
          tract_statement_new (tract_record_get_id (TRACT_RECORD (fixture->campaigns[i])), title, "fr");

        g_assert_true (tract_store_insert (store, TRACT_RECORD (statement), &error));
        g_assert_no_error (error);
      }

  fixture->page = g_object_new (TRACT_TYPE_STATEMENTS_PAGE, NULL);
  tract_statements_page_set_store (fixture->page, store);
  tract_statements_page_set_campaign (fixture->page, fixture->campaigns[0]);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  page_test_iterate_until_idle ();
  for (guint i = 0; i < G_N_ELEMENTS (fixture->campaigns); i++)
    g_clear_object (&fixture->campaigns[i]);
  test_database_teardown (&fixture->database, data);
}

static void
test_reload_keeps_the_list (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                              TRACT_TYPE_STATEMENTS_PAGE, "stack"));
  GListModel *statements = tract_statements_page_get_model (fixture->page);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  page_test_iterate_until_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  page_test_record_pages (stack, pages);

  /* Another campaign with statements, the table reset: the list stays. */
  tract_statements_page_set_campaign (fixture->page, fixture->campaigns[1]);
  page_test_iterate_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (statements), ==, 3);
  tract_store_notify_table_reset (fixture->database.store, "statement");
  page_test_iterate_until_idle ();
  g_assert_cmpuint (pages->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* A campaign without statements shows the page that says so, once;
   * and back. */
  tract_statements_page_set_campaign (fixture->page, fixture->campaigns[2]);
  page_test_iterate_until_idle ();
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pages, 0), ==, "empty");
  tract_statements_page_set_campaign (fixture->page, fixture->campaigns[0]);
  page_test_iterate_until_idle ();
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (pages, 1), ==, "list");
  page_test_stop_recording_pages (stack, pages);
}

int
main (int   argc,
      char *argv[])
{
  page_test_ignore_glib_quark_block ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/statements-page/reload-keeps-the-list", Fixture, NULL, fixture_set_up, test_reload_keeps_the_list,
              fixture_tear_down);

  return g_test_run ();
}
