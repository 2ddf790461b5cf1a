/* fuzz-replay.c — runs the fuzz target over files, without libFuzzer
 *
 * The test suite feeds it every input that once crashed the importer
 * (tests/fuzz/regressions/) and the corpus of real calendars, so that a
 * fixed crash stays fixed in builds without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        count += replay (names->pdata[i]);
      return count;
    }
  {
    g_autofree char *base = g_path_get_basename (path);

    /* .ics files, and what libFuzzer writes when it finds something. */
    if (!g_str_has_suffix (base, ".ics") && !g_str_has_prefix (base, "crash-")
        && !g_str_has_prefix (base, "timeout-") && !g_str_has_prefix (base, "leak-")
        && !g_str_has_prefix (base, "oom-") && !g_str_has_prefix (base, "slow-unit-"))
      return 0;
  }
  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("Cannot read %s", path);
  g_print ("# %s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);
  g_print ("%u inputs replayed without a crash\n", count);
  return 0;
}
