/* tract-cli-csv.c — tract export-csv and tract import-csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <unistd.h>

#include "tract-cli-private.h"
#include "tract-csv.h"

int
tract_cli_export_csv (TractCliOptions *options)
{
  static const char * const allowed[] = { "include-private", "output", NULL };
  TractCsvExportFlags flags = TRACT_CSV_EXPORT_DEFAULT;
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;

  if (!tract_cli_check_options (options, allowed, 0, &error))
    return tract_cli_fail ("%s", error->message);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  if (options->include_private)
    flags |= TRACT_CSV_EXPORT_PRIVATE_NOTES;

  if (options->output != NULL && !g_str_equal (options->output, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GFileOutputStream) stream = NULL;

      /* Written beside and renamed over: a failed export leaves no half file. */
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
      if (stream == NULL)
        return tract_cli_fail (_("Cannot write “%s”: %s"), name, error->message);
      if (!tract_csv_export_organizations (store, G_OUTPUT_STREAM (stream), flags, NULL, &error)
          || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
        {
          g_autoptr(GCancellable) abort = g_cancellable_new ();

          /* Closing a cancelled replace keeps the file as it was. */
          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
          return tract_cli_fail (_("Cannot write “%s”: %s"), name, error->message);
        }
    }
  else
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!tract_csv_export_organizations (store, stdout_stream, flags, NULL, &error))
        return tract_cli_fail (_("Cannot write the organizations: %s"), error->message);
    }
  return EXIT_SUCCESS;
}

int
tract_cli_import_csv (TractCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractCsvReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;

  if (!tract_cli_check_options (options, NULL, 1, &error))
    return tract_cli_fail ("%s", error->message);

  file = g_file_new_for_commandline_arg (options->arguments[1]);
  if (!g_file_query_exists (file, NULL))
    return tract_cli_fail (_("There is no file “%s” to import."), options->arguments[1]);

  store = tract_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  report = tract_csv_import_file (store, file, NULL, &error);
  if (report == NULL)
    return tract_cli_fail ("%s", error->message);

  text = tract_csv_report_to_text (report);
  g_print ("%s", text);
  return EXIT_SUCCESS;
}
