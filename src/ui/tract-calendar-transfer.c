/* tract-calendar-transfer.c — importing and exporting calendars from the window
 *
 * The work runs in the io layer's worker threads, each with its own
 * connection to the database; this file only asks for files, shows
 * progress with a Cancel button, and says what happened. The progress
 * dialog appears only when a job lasts long enough to need it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tract-calendar-transfer.h"
#include "tract-export-dialog.h"
#include "tract-ical-import.h"
#include "tract-toast.h"

/* A job quicker than this never shows its progress dialog. */
#define PROGRESS_DELAY_MS 300

/* Choosing files */

typedef struct
{
  TractFileChosenFunc  callback;
  gpointer             user_data;
} ChooseData;

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  data->callback (file, data->user_data);

  g_free (data);
  g_object_unref (dialog);
}

void
tract_transfer_choose_file (GtkWindow           *parent,
                            gboolean             save,
                            const char          *title,
                            const char          *accept_label,
                            GtkFileFilter       *filter,
                            const char          *suggested_name,
                            TractFileChosenFunc  callback,
                            gpointer             user_data)
{
  GtkFileChooserNative *native;
  ChooseData *data;
  const char *test_path;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  /* Test hook: the UI tests cannot drive a file chooser through AT-SPI. */
  test_path = g_getenv (save ? "TRACT_TEST_SAVE_PATH" : "TRACT_TEST_OPEN_PATH");
  if (test_path != NULL && *test_path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_path);

      callback (file, user_data);
      return;
    }

  native = gtk_file_chooser_native_new (title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (save && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  data = g_new0 (ChooseData, 1);
  data->callback = callback;
  data->user_data = user_data;
  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkFileFilter *
calendar_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_suffix (filter, "ical");
  return filter;
}

/* Telling */

static TractWindow *
find_main_window (GtkWindow *window)
{
  while (window != NULL && !TRACT_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? TRACT_WINDOW (window) : NULL;
}

void
tract_transfer_show_error (GtkWindow  *parent,
                           const char *heading,
                           const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tract_transfer_notify (GtkWindow  *parent,
                       const char *message)
{
  TractWindow *window = find_main_window (parent);

  if (window != NULL)
    {
      tract_window_add_toast (window, tract_toast_new_literal (message));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, message, NULL);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Progress */

typedef struct
{
  GtkWindow         *parent;
  GCancellable      *cancellable;
  char              *heading;
  GtkWindow         *dialog;   /* made only after PROGRESS_DELAY_MS */
  GtkProgressBar    *bar;
  double             fraction;
  guint              show_id;
  GFile             *file;
  TractIcalExporter *exporter;
  TractIcalImporter *importer;
  GPtrArray         *next_files; /* (element-type GFile): to import after this one */
} TransferJob;

static void
on_progress_response (TransferJob *job,
                      const char  *response)
{
  g_cancellable_cancel (job->cancellable);
}

/* Made only when needed: a quick job leaves no window behind. */
static gboolean
show_progress (gpointer user_data)
{
  TransferJob *job = user_data;
  g_autofree char *basename = g_file_get_basename (job->file);
  GtkWidget *dialog;

  job->show_id = 0;

  dialog = adw_message_dialog_new (job->parent, job->heading, basename);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_fraction (job->bar, job->fraction);
  gtk_widget_set_valign (GTK_WIDGET (job->bar), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  job->heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (job->bar));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_progress_response), job);
  job->dialog = g_object_ref (GTK_WINDOW (dialog));
  gtk_window_present (job->dialog);
  return G_SOURCE_REMOVE;
}

static void
on_progress_notify (GObject     *object,
                    GParamSpec  *pspec,
                    TransferJob *job)
{
  double fraction;

  g_object_get (object, "progress", &fraction, NULL);
  job->fraction = fraction;
  if (job->bar != NULL)
    gtk_progress_bar_set_fraction (job->bar, fraction);
}

/* Takes a reference to @worker, whose "progress" the bar follows. */
static TransferJob *
transfer_job_new (GtkWindow  *parent,
                  GFile      *file,
                  const char *heading,
                  GObject    *worker)
{
  TransferJob *job = g_new0 (TransferJob, 1);

  job->parent = g_object_ref (parent);
  job->cancellable = g_cancellable_new ();
  job->file = g_object_ref (file);
  job->heading = g_strdup (heading);

  g_signal_connect (worker, "notify::progress", G_CALLBACK (on_progress_notify), job);
  job->show_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress, job);
  return job;
}

static void
transfer_job_free (TransferJob *job)
{
  g_clear_handle_id (&job->show_id, g_source_remove);
  if (job->exporter != NULL)
    g_signal_handlers_disconnect_by_data (job->exporter, job);
  if (job->importer != NULL)
    g_signal_handlers_disconnect_by_data (job->importer, job);
  if (job->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (job->dialog, job);
      gtk_window_destroy (job->dialog);
      g_object_unref (job->dialog);
    }
  g_free (job->heading);
  g_clear_pointer (&job->next_files, g_ptr_array_unref);
  g_clear_object (&job->exporter);
  g_clear_object (&job->importer);
  g_object_unref (job->file);
  g_object_unref (job->cancellable);
  g_object_unref (job->parent);
  g_free (job);
}

/* Export */

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TransferJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (job->file);

  if (!tract_ical_exporter_write_file_finish (TRACT_ICAL_EXPORTER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tract_transfer_notify (job->parent, _("Export cancelled: no file was written"));
      else
        tract_transfer_show_error (job->parent, _("Could Not Export the Calendar"), error->message);
    }
  else
    {
      guint n = tract_ical_exporter_get_n_events (job->exporter);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event exported to “%s”",
                                      "%'u events exported to “%s”", n), n, basename);

      tract_transfer_notify (job->parent, message);
    }

  transfer_job_free (job);
}

typedef struct
{
  GtkWindow         *parent;
  TractIcalExporter *exporter;
} ExportRequest;

static void
on_export_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  ExportRequest *request = user_data;

  if (file != NULL)
    {
      TransferJob *job = transfer_job_new (request->parent, file, _("Exporting the Calendar"),
                                           G_OBJECT (request->exporter));

      job->exporter = g_object_ref (request->exporter);
      tract_ical_exporter_write_file_async (job->exporter, file, job->cancellable,
                                            on_export_written, job);
    }

  g_object_unref (request->exporter);
  g_object_unref (request->parent);
  g_free (request);
}

void
tract_calendar_transfer_export_with (GtkWindow         *parent,
                                     TractIcalExporter *exporter,
                                     const char        *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = calendar_filter_new ();
  ExportRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (exporter));

  request = g_new0 (ExportRequest, 1);
  request->parent = g_object_ref (parent);
  request->exporter = g_object_ref (exporter);
  tract_transfer_choose_file (parent, TRUE, _("Export Calendar"), _("_Export"), filter,
                              suggested_name, on_export_file_chosen, request);
}

/* A name for a file: the campaign's name without what file systems refuse. */
static char *
suggest_file_name (const char *name,
                   const char *extension)
{
  g_autofree char *base = g_strdup (name != NULL && *name != '\0' ? name : _("Agenda"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (g_strstrip (base), extension, NULL);
}

/* @ids: (nullable) (element-type gint64): only these events */
static void
export_campaign (TractWindow *window,
                 const char  *from,
                 const char  *to,
                 GArray      *ids)
{
  TractCampaign *campaign = tract_window_get_campaign (window);
  g_autoptr(TractIcalExporter) exporter = NULL;
  g_autofree char *name = NULL;

  if (campaign == NULL)
    return;

  exporter = tract_ical_exporter_new (tract_window_get_store (window));
  tract_ical_exporter_set_campaign (exporter, tract_record_get_id (TRACT_RECORD (campaign)));
  tract_ical_exporter_set_range (exporter, from, to);
  if (ids != NULL)
    tract_ical_exporter_set_events (exporter, (const gint64 *) (void *) ids->data, ids->len);
  name = suggest_file_name (tract_record_get_text (TRACT_RECORD (campaign), "name"), ".ics");
  tract_calendar_transfer_export_with (GTK_WINDOW (window), exporter, name);
}

static void
on_export_dialog_export (TractExportDialog *dialog,
                         const char        *from,
                         const char        *to,
                         TractWindow       *window)
{
  export_campaign (window, from, to, NULL);
}

/* The events counted when the dialog opened: what it offered. */
static void
on_export_dialog_export_selection (TractExportDialog *dialog,
                                   TractWindow       *window)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "tract-event-ids");

  if (ids != NULL && ids->len > 0)
    export_campaign (window, NULL, NULL, ids);
}

static void
open_export_dialog (TractWindow *window,
                    gboolean     selection_chosen)
{
  TractCampaign *campaign;
  TractExportDialog *dialog;
  GArray *ids;

  g_return_if_fail (TRACT_IS_WINDOW (window));

  campaign = tract_window_get_campaign (window);
  if (campaign == NULL)
    return;

  dialog = tract_export_dialog_new (GTK_WINDOW (window),
                                    tract_record_get_text (TRACT_RECORD (campaign), "name"));
  ids = tract_agenda_page_dup_selected_events (tract_window_get_agenda_page (window));
  tract_export_dialog_offer_selection (dialog, ids->len, selection_chosen);
  g_object_set_data_full (G_OBJECT (dialog), "tract-event-ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_export_dialog_export), window, 0);
  g_signal_connect_object (dialog, "export-selection", G_CALLBACK (on_export_dialog_export_selection), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tract_calendar_transfer_export (TractWindow *window)
{
  open_export_dialog (window, FALSE);
}

void
tract_calendar_transfer_export_selected (TractWindow *window)
{
  open_export_dialog (window, TRUE);
}

/* Import */

static void
show_report (GtkWindow       *parent,
             GFile           *file,
             TractIcalReport *report)
{
  g_autofree char *text = tract_ical_report_to_text (report);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *summary = NULL;
  char *details = strchr (text, '\n');
  gboolean nothing = tract_ical_report_get_n_added (report) == 0
                     && tract_ical_report_get_n_updated (report) == 0
                     && tract_ical_report_get_n_unchanged (report) == 0;
  GtkWidget *dialog;

  if (details != NULL)
    details++;

  /* The report names the file by its path; the dialog by its name. */
  summary = g_strdup_printf (_("“%s”: %'u added, %'u updated, %'u unchanged, %'u skipped."), basename,
                             tract_ical_report_get_n_added (report),
                             tract_ical_report_get_n_updated (report),
                             tract_ical_report_get_n_unchanged (report),
                             tract_ical_report_get_n_skipped (report));
  dialog = adw_message_dialog_new (parent,
                                   nothing ? _("Nothing Imported") : _("Calendar Imported"),
                                   summary);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (details != NULL && *g_strstrip (details) != '\0')
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), details, -1);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("What was skipped or changed"), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_widget_set_size_request (scrolled, 420, -1);
      gtk_widget_add_css_class (scrolled, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void import_next (TractWindow *window,
                         GPtrArray   *files);

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TransferJob *job = user_data;
  g_autoptr(TractIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) next_files = g_steal_pointer (&job->next_files);
  g_autoptr(GtkWindow) parent = g_object_ref (job->parent);
  gboolean cancelled = FALSE;

  report = tract_ical_importer_import_file_finish (TRACT_ICAL_IMPORTER (source), result, &error);
  if (report == NULL)
    {
      cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      if (cancelled)
        tract_transfer_notify (job->parent, _("Import cancelled: nothing was changed"));
      else
        tract_transfer_show_error (job->parent, _("Could Not Import the Calendar"), error->message);
    }
  else
    {
      show_report (job->parent, job->file, report);
    }

  transfer_job_free (job);
  /* Cancel stops the files that were still to come too. */
  if (!cancelled && next_files != NULL && next_files->len > 0)
    import_next (TRACT_WINDOW (parent), next_files);
}

/* Imports the first of @files, then the others, one at a time: two
 * imports at once would wait for each other's transaction. */
static void
import_next (TractWindow *window,
             GPtrArray   *files)
{
  TractCampaign *campaign;
  TransferJob *job;
  g_autoptr(TractIcalImporter) importer = NULL;
  GFile *file = g_ptr_array_index (files, 0);

  campaign = tract_window_get_campaign (window);
  if (campaign == NULL)
    {
      tract_transfer_show_error (GTK_WINDOW (window), _("Could Not Import the Calendar"),
                                 _("Events are imported into a campaign: add one first."));
      return;
    }

  importer = tract_ical_importer_new (tract_window_get_store (window),
                                      tract_record_get_id (TRACT_RECORD (campaign)));
  job = transfer_job_new (GTK_WINDOW (window), file, _("Importing the Calendar"), G_OBJECT (importer));
  job->importer = g_steal_pointer (&importer);
  if (files->len > 1)
    {
      job->next_files = g_ptr_array_new_full (files->len - 1, g_object_unref);
      for (guint i = 1; i < files->len; i++)
        g_ptr_array_add (job->next_files, g_object_ref (g_ptr_array_index (files, i)));
    }
  tract_ical_importer_import_file_async (job->importer, file, job->cancellable, on_import_done, job);
}

void
tract_calendar_transfer_import_files (TractWindow  *window,
                                      GFile       **files,
                                      guint         n_files)
{
  g_autoptr(GPtrArray) queue = NULL;

  g_return_if_fail (TRACT_IS_WINDOW (window));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;
  queue = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    {
      g_return_if_fail (G_IS_FILE (files[i]));
      g_ptr_array_add (queue, g_object_ref (files[i]));
    }
  import_next (window, queue);
}

static void
on_import_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(TractWindow) window = user_data;

  if (file != NULL)
    tract_calendar_transfer_import_files (window, &file, 1);
}

void
tract_calendar_transfer_import (TractWindow *window)
{
  g_autoptr(GtkFileFilter) filter = calendar_filter_new ();

  g_return_if_fail (TRACT_IS_WINDOW (window));

  tract_transfer_choose_file (GTK_WINDOW (window), FALSE, _("Import Calendar"), _("_Import"),
                              filter, NULL, on_import_file_chosen, g_object_ref (window));
}
