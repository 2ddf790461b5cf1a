/* tract-cli-ics.c — tract export-ics and tract import-ics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <unistd.h>

#include "tract-cli-private.h"
#include "tract-ical-export.h"
#include "tract-ical-import.h"

int
tract_cli_export_ics (TractCliOptions *options)
{
  static const char * const allowed[] = { "campaign", "from", "to", "output", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractIcalExporter) exporter = NULL;
  gint64 campaign_id;

  if (!tract_cli_check_options (options, allowed, 0, &error))
    return tract_cli_fail ("%s", error->message);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);
  campaign_id = tract_cli_find_campaign (store, options, TRUE, &error);
  if (campaign_id == 0)
    return tract_cli_fail ("%s", error->message);

  exporter = tract_ical_exporter_new (store);
  tract_ical_exporter_set_campaign (exporter, campaign_id);
  tract_ical_exporter_set_range (exporter, options->from, options->to);

  if (options->output != NULL && !g_str_equal (options->output, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->output);

      if (!tract_ical_exporter_write_file (exporter, file, NULL, &error))
        return tract_cli_fail ("%s", error->message);
    }
  else
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      if (!tract_ical_exporter_write (exporter, stdout_stream, NULL, &error))
        return tract_cli_fail (_("Cannot write the calendar: %s"), error->message);
    }
  return EXIT_SUCCESS;
}

int
tract_cli_import_ics (TractCliOptions *options)
{
  static const char * const allowed[] = { "campaign", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractIcalImporter) importer = NULL;
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  gint64 campaign_id;

  if (!tract_cli_check_options (options, allowed, 1, &error))
    return tract_cli_fail ("%s", error->message);

  file = g_file_new_for_commandline_arg (options->arguments[1]);
  if (!g_file_query_exists (file, NULL))
    return tract_cli_fail (_("There is no file “%s” to import."), options->arguments[1]);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);
  campaign_id = tract_cli_find_campaign (store, options, TRUE, &error);
  if (campaign_id == 0)
    return tract_cli_fail ("%s", error->message);

  importer = tract_ical_importer_new (store, campaign_id);
  report = tract_ical_importer_import_file (importer, file, NULL, &error);
  if (report == NULL)
    return tract_cli_fail ("%s", error->message);

  text = tract_ical_report_to_text (report);
  g_print ("%s", text);
  return EXIT_SUCCESS;
}
