/* tract-organizations-page-csv.c — the page's CSV import and export
 *
 * Both run in a thread, on a connection of their own (WAL lets a reader
 * and a writer share the file), so that the window stays responsive on a
 * register of thousands; the page's lists hear of an import once it has
 * committed. A job holds the page for its whole run and, when it ends,
 * touches no widget if the page went away meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-csv.h"
#include "tract-organizations-page-private.h"
#include "tract-toast.h"

typedef struct
{
  char    *database;
  GFile   *file;
  gboolean include_private;
} CsvJob;

static void
csv_job_free (gpointer data)
{
  CsvJob *job = data;

  g_free (job->database);
  g_clear_object (&job->file);
  g_free (job);
}

static GTask *
start_job (TractOrganizationsPage *self,
           GFile                  *file,
           gboolean                include_private,
           GAsyncReadyCallback     callback,
           gpointer                source_tag)
{
  TractStore *store = tract_organizations_page_get_store (self);
  GTask *task = g_task_new (self, tract_organizations_page_get_cancellable (self), callback, NULL);
  CsvJob *job = g_new0 (CsvJob, 1);

  job->database = g_strdup (tract_store_get_path (store));
  job->file = g_object_ref (file);
  job->include_private = include_private;
  g_task_set_task_data (task, job, csv_job_free);
  g_task_set_source_tag (task, source_tag);
  /* The thread says what happened: an import committed before a late
   * Cancel is reported as imported. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static GtkWindow *
parent_window (TractOrganizationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_csv_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, csv);
}

/* Export */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  store = tract_store_open (job->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Private notes make the file as private as the database. */
  stream = g_file_replace (job->file, NULL, FALSE,
                           job->include_private ? G_FILE_CREATE_PRIVATE : G_FILE_CREATE_NONE,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!tract_csv_export_organizations (store, G_OUTPUT_STREAM (stream),
                                       job->include_private ? TRACT_CSV_EXPORT_PRIVATE_NOTES
                                                            : TRACT_CSV_EXPORT_DEFAULT,
                                       cancellable, &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close leaves the file as it was: no half export. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_clear_object (&store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Closed before the page hears of it, as after an import. */
  g_clear_object (&store);
  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (source);
  CsvJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_parse_name (job->file);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *body = g_strdup_printf (_("Cannot write “%s”: %s"), name, error->message);

          tract_organizations_page_show_message (self, _("Could Not Export the Organizations"), body, NULL);
        }
      return;
    }

  tract_organizations_page_add_toast (self, tract_toast_new_printf (_("Organizations exported to “%s”"), name));
}

static void
on_export_response (GtkNativeDialog        *native,
                    int                     response,
                    TractOrganizationsPage *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  gboolean include_private;

  if (response != GTK_RESPONSE_ACCEPT || tract_organizations_page_get_store (self) == NULL
      || g_cancellable_is_cancelled (tract_organizations_page_get_cancellable (self)))
    goto out;
  file = gtk_file_chooser_get_file (chooser);
  if (file == NULL)
    goto out;
  include_private = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "private-notes"), "true") == 0;

  tract_organizations_page_flush (self);
  task = start_job (self, file, include_private, on_exported, tract_organizations_page_export_csv);
  g_task_run_in_thread (task, export_thread);

out:
  g_object_unref (native);
}

/**
 * tract_organizations_page_export_csv:
 *
 * Asks where to save the organizations and their contacts as CSV, and
 * whether to include the private notes (no, unless ticked).
 */
void
tract_organizations_page_export_csv (TractOrganizationsPage *self)
{
  GtkFileChooserNative *native;

  g_return_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self));

  if (tract_organizations_page_get_store (self) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Organizations as CSV"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the file name an export of organizations suggests. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("organizations.csv"));
  add_csv_filter (GTK_FILE_CHOOSER (native));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "private-notes",
                               _("Include private notes"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "private-notes", "false");
  /* The chooser answers once; it holds the page until then. */
  g_signal_connect_data (native, "response", G_CALLBACK (on_export_response), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Import */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TractCsvReport *report;

  store = tract_store_open (job->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = tract_csv_import_file (store, job->file, cancellable, &error);

  /* Closed before the page hears of it: closing writes the planner's
   * statistics, which the page's connection must not meet half done. */
  g_clear_object (&store);

  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (source);
  TractStore *store = tract_organizations_page_get_store (self);
  g_autoptr(TractCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *summary = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tract_organizations_page_show_message (self, _("Nothing Imported"), error->message, NULL);
      return;
    }

  /* Written on another connection: the lists and the editor read again. */
  if (store != NULL)
    {
      tract_store_notify_table_reset (store, "organization");
      tract_store_notify_table_reset (store, "contact");
    }

  summary = tract_csv_report_dup_summary (report);
  details = g_string_new (NULL);
  for (guint i = 0; i < tract_csv_report_get_n_messages (report); i++)
    {
      guint line = tract_csv_report_get_message_line (report, i);
      const char *text = tract_csv_report_get_message_text (report, i);

      if (details->len > 0)
        g_string_append_c (details, '\n');
      if (tract_csv_report_get_message_kind (report, i) == TRACT_CSV_MESSAGE_SKIPPED)
        g_string_append_printf (details, _("Line %u, skipped: %s"), line, text);
      else
        g_string_append_printf (details, _("Line %u, note: %s"), line, text);
    }
  tract_organizations_page_show_message (self, _("Organizations Imported"), summary, details->str);
}

/**
 * tract_organizations_page_import_file:
 *
 * Imports the organizations of a CSV file, all in one transaction, then
 * says what was added, updated and skipped, line by line.
 */
void
tract_organizations_page_import_file (TractOrganizationsPage *self,
                                      GFile                  *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (tract_organizations_page_get_store (self) == NULL)
    return;

  /* Typed edits first, so that the file's values win over older ones. */
  tract_organizations_page_flush (self);
  task = start_job (self, file, FALSE, on_imported, tract_organizations_page_import_file);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_response (GtkNativeDialog        *native,
                    int                     response,
                    TractOrganizationsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && !g_cancellable_is_cancelled (tract_organizations_page_get_cancellable (self)))
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    tract_organizations_page_import_file (self, file);
  g_object_unref (native);
}

void
tract_organizations_page_import_csv (TractOrganizationsPage *self)
{
  GtkFileChooserNative *native;

  g_return_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self));

  if (tract_organizations_page_get_store (self) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Organizations from CSV"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_csv_filter (GTK_FILE_CHOOSER (native));
  g_signal_connect_data (native, "response", G_CALLBACK (on_import_response), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
