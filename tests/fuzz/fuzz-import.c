/* fuzz-import.c — the importer, and the exporter on what it imported, under a fuzzer
 *
 * Each input is imported into a campaign inside a transaction that is then
 * rolled back, so every run starts from the same database. Whatever the
 * importer accepted is exported again, and that export must read back in
 * libical without a single X-LIC-ERROR: a file Tract imports must never make
 * Tract write a broken calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tract-campaign.h"
#include "tract-ical-export.h"
#include "tract-ical-import.h"
#include "tract-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static TractStore *store;
static gint64 campaign_id;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;

  directory = g_dir_make_tmp ("tract-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (directory, "fuzz.db", NULL);
  store = tract_store_open (path, &error);
  g_assert_no_error (error);
  campaign = tract_campaign_new ("Fuzz");
  g_object_set (campaign, "time_zone", "Europe/Paris", NULL);
  if (!tract_store_insert (store, TRACT_RECORD (campaign), &error))
    g_error ("%s", error->message);
  campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  /* The database lives as long as the process; removing the folder now is
   * fine on Linux, where the open file stays usable. */
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (directory);
}

typedef struct
{
  GBytes *bytes;
} Input;

static gboolean
import_then_roll_back (TractStore  *self,
                       gpointer     user_data,
                       GError     **error)
{
  Input *input = user_data;
  g_autoptr(TractIcalImporter) importer = tract_ical_importer_new (self, campaign_id);
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(GError) import_error = NULL;

  report = tract_ical_importer_import_bytes (importer, input->bytes, "fuzz.ics", NULL, &import_error);
  if (report != NULL)
    {
      g_autofree char *text = tract_ical_report_to_text (report);
      g_autoptr(TractIcalExporter) exporter = tract_ical_exporter_new (self);
      g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) export_error = NULL;
      g_autoptr(GBytes) exported = NULL;

      g_assert_nonnull (text);
      tract_ical_exporter_set_campaign (exporter, campaign_id);
      if (!tract_ical_exporter_write (exporter, output, NULL, &export_error))
        {
          /* abort(), not g_error(): libFuzzer saves the input on SIGABRT only. */
          fprintf (stderr, "The export of an import failed: %s\n", export_error->message);
          abort ();
        }
      g_output_stream_close (output, NULL, NULL);
      exported = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
      {
        g_autofree char *text_copy = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
        icalcomponent *calendar = icalparser_parse_string (text_copy);
        int n_errors = calendar != NULL ? icalcomponent_count_errors (calendar) : -1;

        if (n_errors != 0)
          {
            fprintf (stderr, "%s\nThe export of an import has %d X-LIC-ERROR\n", text_copy, n_errors);
            abort ();
          }
        icalcomponent_free (calendar);
      }
    }
  else
    g_assert_nonnull (import_error);

  /* Roll back: every input starts from the same empty campaign. */
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input input;

  if (store == NULL)
    set_up ();

  input.bytes = g_bytes_new (data, size);
  tract_store_run (store, import_then_roll_back, &input, NULL);
  g_bytes_unref (input.bytes);
  return 0;
}
