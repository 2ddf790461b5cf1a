/* tract-print-agenda.c — Print Agenda…: the campaign's programme through the print dialog
 *
 * The agenda is a snapshot loaded from its own connection in a worker
 * thread, so a campaign of thousands of events does not freeze the
 * window; the print operation then only lays out and draws it. The page
 * setup starts on the agenda's paper, and the agenda keeps its own
 * margins, so the operation draws on the full page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-calendar-transfer.h"
#include "tract-print.h"
#include "tract-print-agenda.h"

typedef struct
{
  TractWindow  *window;
  TractAgenda  *agenda;
  GCancellable *cancellable;
  char         *title;
  gboolean      exporting; /* to a PDF, through the test hook */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->agenda);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->window);
  g_free (job->title);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = tract_agenda_paginate (job->agenda,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  tract_agenda_draw_page (job->agenda, gtk_print_context_get_cairo_context (context), (guint) page,
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      tract_transfer_show_error (GTK_WINDOW (job->window), _("Could Not Print the Agenda"),
                                 error != NULL ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->exporting)
    {
      tract_window_add_toast (job->window, adw_toast_new (_("Agenda exported")));
    }
}

static GtkPageSetup *
page_setup_for (TractAgenda *agenda)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  tract_agenda_get_page_size (agenda, &width, &height);
  switch (tract_agenda_get_paper (agenda))
    {
    case TRACT_PAPER_A4:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      break;
    case TRACT_PAPER_A5:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A5);
      break;
    case TRACT_PAPER_LETTER:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
      break;
    default:
      paper = gtk_paper_size_new_custom ("tract", _("Agenda"), width, height, GTK_UNIT_POINTS);
    }
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
run_print (PrintJob *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (job->agenda);
  g_autoptr(GError) error = NULL;
  const char *test_path = g_getenv ("TRACT_TEST_PRINT_PATH");
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkPrintOperationResult result;

  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  /* Test hook: the same pagination and drawing, into a PDF, no dialog. */
  if (test_path != NULL && *test_path != '\0')
    {
      gtk_print_operation_set_export_filename (operation, test_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
      job->exporting = TRUE;
    }

  /* The operation holds the job until it is finalized. */
  g_object_set_data_full (G_OBJECT (operation), "tract-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), job);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (job->window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    tract_transfer_show_error (GTK_WINDOW (job->window), _("Could Not Print the Agenda"),
                               error != NULL ? error->message : NULL);
}

static void
on_agenda_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PrintJob) job = user_data;
  g_autoptr(GError) error = NULL;

  job->agenda = tract_agenda_load_finish (result, &error);
  if (job->agenda == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tract_transfer_show_error (GTK_WINDOW (job->window), _("Could Not Print the Agenda"),
                                   error->message);
      return;
    }

  run_print (g_steal_pointer (&job));
}

void
tract_print_agenda (TractWindow *window)
{
  TractCampaign *campaign;
  PrintJob *job;

  g_return_if_fail (TRACT_IS_WINDOW (window));

  campaign = tract_window_get_campaign (window);
  if (campaign == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->window = g_object_ref (window);
  job->cancellable = g_cancellable_new ();
  job->title = g_strdup (tract_record_get_text (TRACT_RECORD (campaign), "name"));
  tract_agenda_load_async (tract_window_get_store (window),
                           tract_record_get_id (TRACT_RECORD (campaign)), NULL, NULL,
                           job->cancellable, NULL, NULL, on_agenda_loaded, job);
}
