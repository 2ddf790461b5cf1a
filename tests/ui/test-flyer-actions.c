/* test-flyer-actions.c — the event editor's flyer actions and thumbnail
 *
 * Runs under Xvfb. The test hooks TRACT_TEST_PRINT_PATH and
 * TRACT_TEST_SAVE_PATH stand in for the print dialog and the file chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tract-demo.h"
#include "tract-event.h"
#include "tract-flyer-actions.h"
#include "tract-flyer-thumbnail.h"

#define DEMO_UID "b3c1a0e2-5f0d-4c4e-9a52-3f1d2e7c1871"

typedef struct
{
  char       *dir;
  TractStore *store;
  TractEvent *event;
  GtkWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tract-flyer-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tract.db", NULL);
  fixture->store = tract_store_open (path, &error);
  g_assert_no_error (error);
  campaign = tract_demo_add (fixture->store, &error);
  g_assert_no_error (error);
  fixture->event = tract_store_find (fixture->store, TRACT_TYPE_EVENT, "uid", DEMO_UID);
  g_assert_nonnull (fixture->event);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->window);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->event);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("TRACT_TEST_PRINT_PATH");
  g_unsetenv ("TRACT_TEST_SAVE_PATH");
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* For looking at the dialogs: TRACT_TEST_PAUSE=seconds keeps them on
 * screen that long before the test answers them. */
static void
pause_to_look (void)
{
  const char *pause = g_getenv ("TRACT_TEST_PAUSE");
  gint64 deadline;

  if (pause == NULL)
    return;
  deadline = g_get_monotonic_time () + g_ascii_strtoll (pause, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "print.pdf", NULL);
  g_autofree char *contents = NULL;

  g_setenv ("TRACT_TEST_PRINT_PATH", path, TRUE);
  tract_flyer_actions_print (fixture->window, fixture->store, fixture->event);
  wait_for_file (path);
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The options dialog and the reports are AdwMessageDialogs over the
 * parent: find the one with @heading. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window)
              && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_not_reached ();
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "flyer.png", NULL);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  g_setenv ("TRACT_TEST_SAVE_PATH", path, TRUE);
  tract_flyer_actions_export (fixture->window, fixture->store, fixture->event);
  dialog = find_message_dialog ("Export Flyer");
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  pause_to_look ();
  adw_message_dialog_response (dialog, "export");
  wait_for_file (path);
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  dialog = find_message_dialog ("Flyer exported to “flyer.png”");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "event.ics", NULL);
  g_autofree char *contents = NULL;
  const char *first, *second;
  AdwMessageDialog *dialog;
  gint64 deadline;

  g_setenv ("TRACT_TEST_SAVE_PATH", path, TRUE);
  tract_flyer_actions_export_ics (fixture->window, fixture->store, fixture->event);
  /* A new file shows while it is written: wait for the job to report. */
  wait_for_file (path);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_str_has_suffix (contents = read_file (path), "END:VCALENDAR\r\n")
         && g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&contents, g_free);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (contents);
  /* Without a main window to toast in, the job reports in a dialog; then
   * it has let go of the store. */
  dialog = find_message_dialog ("1 event exported to “event.ics”");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  first = strstr (contents, "BEGIN:VEVENT");
  g_assert_nonnull (first);
  second = strstr (first + 1, "BEGIN:VEVENT");
  g_assert_null (second);
  g_assert_nonnull (strstr (contents, "UID:" DEMO_UID));
}

static void
test_thumbnail (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *thumbnail = tract_flyer_thumbnail_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_object_ref_sink (thumbnail);
  gtk_window_set_child (fixture->window, thumbnail);
  tract_flyer_thumbnail_set_event (TRACT_FLYER_THUMBNAIL (thumbnail), fixture->store, fixture->event);
  gtk_test_widget_wait_for_draw (thumbnail);
  pause_to_look ();

  /* It draws something: a sheet, not an empty node. */
  paintable = gtk_widget_paintable_new (thumbnail);
  gdk_paintable_snapshot (paintable, snapshot, 150, 212);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  tract_flyer_thumbnail_set_event (TRACT_FLYER_THUMBNAIL (thumbnail), NULL, NULL);
  gtk_test_widget_wait_for_draw (thumbnail);

  gtk_window_set_child (fixture->window, NULL);
  g_clear_object (&paintable);
  g_assert_finalize_object (thumbnail);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/flyer-actions/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/flyer-actions/export-png", Fixture, NULL, fixture_set_up, test_export_png, fixture_tear_down);
  g_test_add ("/flyer-actions/export-ics", Fixture, NULL, fixture_set_up, test_export_ics, fixture_tear_down);
  g_test_add ("/flyer-actions/thumbnail", Fixture, NULL, fixture_set_up, test_thumbnail, fixture_tear_down);

  return g_test_run ();
}
