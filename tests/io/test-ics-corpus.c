/* test-ics-corpus.c — real calendars from other implementations' test suites
 *
 * Every file of tests/data/ics must import, or be refused with a message
 * that names it; none may crash, hang or half-import (ICALENDAR.md, import
 * rule 8). With TRACT_ICS_CORPUS=DIR the same check runs over another
 * folder, for the whole shared corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "io-test-util.h"
#include "tract-ical-import.h"

typedef IoFixture Fixture;

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  const char *path = data;
  g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (fixture->store, fixture->campaign_id);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TractIcalReport) report = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gint64 before = tract_store_count (fixture->store, TRACT_TYPE_EVENT, NULL, 0);
  gint64 start = g_get_monotonic_time ();

  report = tract_ical_importer_import_file (importer, file, NULL, &error);
  /* No hang: even the largest file takes seconds at most. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  if (report == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, name));
      /* Refused: nothing written. */
      g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_EVENT, NULL, 0), ==, before);
      g_test_message ("refused: %s", error->message);
    }
  else
    {
      g_autofree char *text = tract_ical_report_to_text (report);
      g_autofree char *exported = io_export (fixture->store, fixture->campaign_id);
      icalcomponent *calendar = io_parse (exported);

      g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_EVENT, NULL, 0), ==,
                       before + tract_ical_report_get_n_added (report));
      /* What Tract accepted, it writes back correctly. */
      g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
      icalcomponent_free (calendar);
      g_test_message ("%s", text);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *directory = g_getenv ("TRACT_ICS_CORPUS");
  g_autofree char *default_directory = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  if (directory == NULL)
    directory = default_directory = g_test_build_filename (G_TEST_DIST, "data", "ics", NULL);
  dir = g_dir_open (directory, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".ics"))
      g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *test_name = g_strdup_printf ("/ics/corpus/%s", base);

      g_test_add (test_name, Fixture, paths->pdata[i], io_fixture_setup, test_file, io_fixture_teardown);
    }
  return g_test_run ();
}
