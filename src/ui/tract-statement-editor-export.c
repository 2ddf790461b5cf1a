/* tract-statement-editor-export.c — exporting the statement the editor shows
 *
 * The file is chosen with the platform's dialog (a portal in a sandbox),
 * then written in a thread with a connection of its own, so that a long
 * statement's PDF never freezes the window. The file appears complete or
 * not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-statement-editor-private.h"
#include "tract-statement-export.h"
#include "tract-statement-pdf.h"
#include "tract-statement.h"
#include "tract-window.h"
#include "tract-toast.h"

typedef struct
{
  TractStatementEditor *editor;  /* until the file is chosen */
  char   *database;
  gint64  statement_id;
  char   *format;
  char   *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->editor);
  g_free (job->database);
  g_free (job->format);
  g_free (job->path);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* SQLite connections are not shared between threads: this one is the job's. */
  store = tract_store_open (job->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_str_equal (job->format, "pdf"))
    ok = tract_statement_write_pdf (store, job->statement_id, job->path, cancellable, &error);
  else
    ok = tract_statement_export_write (store, job->statement_id,
                                       g_str_equal (job->format, "text") ? TRACT_STATEMENT_TEXT
                                                                          : TRACT_STATEMENT_MARKDOWN,
                                       job->path, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Statement"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (TRACT_IS_WINDOW (root))
    {
      g_autofree char *name = g_path_get_basename (job->path);

      tract_window_add_toast (TRACT_WINDOW (root), tract_toast_new_printf (_("Exported “%s”"), name));
    }
}

static void
on_file_chosen (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL || (job->path = g_file_get_path (file)) == NULL)
    {
      export_job_free (job);
      return;
    }

  task = g_task_new (job->editor, NULL, on_exported, NULL);
  g_task_set_source_tag (task, tract_statement_editor_export);
  g_clear_object (&job->editor);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/* A file name from a title: no folder separators, no control characters. */
static char *
suggest_name (const char *title,
              const char *extension)
{
  g_autofree char *name = g_utf8_make_valid (title, -1);

  g_strdelimit (name, "/\\:*?\"<>|\r\n\t", ' ');
  g_strstrip (name);
  if (g_utf8_strlen (name, -1) > 80)
    *g_utf8_offset_to_pointer (name, 80) = '\0';
  if (*name == '\0' || *name == '.')
    {
      g_free (name);
      name = g_strdup (_("Statement"));
    }
  return g_strconcat (name, extension, NULL);
}

void
tract_statement_editor_export (TractStatementEditor *self,
                               TractStore           *store,
                               gint64                statement_id,
                               const char           *format)
{
  g_autoptr(TractRecord) statement = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *title, *extension;
  ExportJob *job;

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id, NULL);
  if (statement == NULL)
    return;

  if (g_str_equal (format, "pdf"))
    {
      title = _("Export as PDF");
      extension = ".pdf";
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else if (g_str_equal (format, "text"))
    {
      title = _("Export as Plain Text");
      extension = ".txt";
      gtk_file_filter_set_name (filter, _("Plain text"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
    }
  else
    {
      title = _("Export as Markdown");
      extension = ".md";
      gtk_file_filter_set_name (filter, _("Markdown documents"));
      gtk_file_filter_add_pattern (filter, "*.md");
    }

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = suggest_name (tract_record_get_text (statement, "title"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  job = g_new0 (ExportJob, 1);
  job->editor = g_object_ref (self);
  job->database = g_strdup (tract_store_get_path (store));
  job->statement_id = statement_id;
  job->format = g_strdup (format);

  /* The dialog and the job live until the answer. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
