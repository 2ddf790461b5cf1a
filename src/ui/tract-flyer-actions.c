/* tract-flyer-actions.c — what an event's editor offers for one event
 *
 * Each action snapshots the event when it is called (a flyer copies what
 * it prints), so the edits on screen at that moment are what is printed,
 * saved or not. The iCalendar export reads the database, so it needs the
 * event saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "tract-calendar-transfer.h"
#include "tract-flyer-actions.h"
#include "tract-ical-export.h"
#include "tract-print.h"

static char *
suggest_file_name (TractEvent *event,
                   const char *extension)
{
  const char *title = tract_record_get_text (TRACT_RECORD (event), "title");
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Event"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  /* File systems limit names to 255 bytes; titles may be 200 characters. */
  if (strlen (base) > 120)
    *g_utf8_find_prev_char (base, base + 120) = '\0';
  return g_strconcat (g_strstrip (base), extension, NULL);
}

/* Print */

static void
on_flyer_draw_page (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    TractFlyer        *flyer)
{
  tract_flyer_draw (flyer, gtk_print_context_get_cairo_context (context),
                    gtk_print_context_get_width (context),
                    gtk_print_context_get_height (context));
}

static void
on_flyer_print_done (GtkPrintOperation       *operation,
                     GtkPrintOperationResult  result,
                     GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      tract_transfer_show_error (parent, _("Could Not Print the Flyer"),
                                 error != NULL ? error->message : NULL);
    }
}

static GtkPaperSize *
paper_size_new (TractPaper paper)
{
  switch (paper)
    {
    case TRACT_PAPER_A5:
      return gtk_paper_size_new (GTK_PAPER_NAME_A5);
    case TRACT_PAPER_LETTER:
      return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
    case TRACT_PAPER_A4:
    default:
      return gtk_paper_size_new (GTK_PAPER_NAME_A4);
    }
}

void
tract_flyer_actions_print (GtkWindow  *parent,
                           TractStore *store,
                           TractEvent *event)
{
  g_autoptr(TractFlyer) flyer = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  const char *test_path = g_getenv ("TRACT_TEST_PRINT_PATH");
  double width, height;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TRACT_IS_STORE (store));
  g_return_if_fail (TRACT_IS_EVENT (event));

  flyer = tract_flyer_new (store, event, &error);
  if (flyer == NULL)
    {
      tract_transfer_show_error (parent, _("Could Not Print the Flyer"), error->message);
      return;
    }

  /* The sheet is upright for a poster, sideways for a handout. */
  tract_flyer_get_page_size (flyer, &width, &height);
  paper = paper_size_new (tract_flyer_get_paper (flyer));
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, tract_record_get_text (TRACT_RECORD (event), "title"));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The flyer keeps its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_allow_async (operation, TRUE);

  /* Test hook: the same drawing into a PDF, without a dialog. */
  if (test_path != NULL && *test_path != '\0')
    {
      gtk_print_operation_set_export_filename (operation, test_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_flyer_draw_page),
                         g_object_ref (flyer), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_flyer_print_done),
                         g_object_ref (parent), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  if (gtk_print_operation_run (operation, action, parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tract_transfer_show_error (parent, _("Could Not Print the Flyer"),
                               error != NULL ? error->message : NULL);
}

/* Export as PDF or PNG */

typedef struct
{
  GtkWindow  *parent;
  TractFlyer *flyer;
  GStrv       languages;
  AdwComboRow *template_row;
  AdwComboRow *paper_row;
  AdwComboRow *language_row;
} FlyerExport;

static void
flyer_export_free (FlyerExport *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->flyer);
  g_clear_pointer (&export->languages, g_strfreev);
  g_free (export);
}

static const char *
language_name (const char *code)
{
  if (g_str_has_prefix (code, "fr"))
    return _("French");
  if (g_str_has_prefix (code, "en"))
    return _("English");
  return code;
}

static void
on_flyer_file_chosen (GFile    *file,
                      gpointer  user_data)
{
  FlyerExport *export = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    {
      flyer_export_free (export);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      tract_transfer_show_error (export->parent, _("Could Not Export the Flyer"),
                                 _("Choose a folder on this computer."));
    }
  else
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);

      /* A name without a known extension gets a PDF. */
      if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".png"))
        {
          char *with_extension = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_extension;
        }

      if (!tract_flyer_write (export->flyer, path, &error))
        {
          tract_transfer_show_error (export->parent, _("Could Not Export the Flyer"), error->message);
        }
      else
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Flyer exported to “%s”"), basename);

          tract_transfer_notify (export->parent, message);
        }
    }

  flyer_export_free (export);
}

static void
on_flyer_options_response (AdwMessageDialog *dialog,
                           const char       *response,
                           FlyerExport      *export)
{
  static const TractPaper papers[] = { TRACT_PAPER_A4, TRACT_PAPER_A5, TRACT_PAPER_LETTER };
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  guint paper, language;

  if (!g_str_equal (response, "export"))
    {
      flyer_export_free (export);
      return;
    }

  tract_flyer_set_template (export->flyer,
                            adw_combo_row_get_selected (export->template_row) == 1 ? TRACT_FLYER_HANDOUT
                                                                                   : TRACT_FLYER_POSTER);
  paper = adw_combo_row_get_selected (export->paper_row);
  tract_flyer_set_paper (export->flyer, papers[paper < G_N_ELEMENTS (papers) ? paper : 0]);
  language = adw_combo_row_get_selected (export->language_row);
  if (export->languages != NULL && language < g_strv_length (export->languages)
      && !tract_flyer_set_language (export->flyer, export->languages[language], &error))
    g_warning ("Flyer language: %s", error->message);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents and PNG images"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "png");

  tract_transfer_choose_file (export->parent, TRUE, _("Export Flyer"), _("_Export"), filter,
                              g_object_get_data (G_OBJECT (dialog), "tract-file-name"),
                              on_flyer_file_chosen, export);
}

void
tract_flyer_actions_export (GtkWindow  *parent,
                            TractStore *store,
                            TractEvent *event)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkStringList) languages = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;
  FlyerExport *export;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TRACT_IS_STORE (store));
  g_return_if_fail (TRACT_IS_EVENT (event));

  export = g_new0 (FlyerExport, 1);
  export->flyer = tract_flyer_new (store, event, &error);
  if (export->flyer == NULL)
    {
      tract_transfer_show_error (parent, _("Could Not Export the Flyer"), error->message);
      flyer_export_free (export);
      return;
    }
  export->parent = g_object_ref (parent);

  builder = gtk_builder_new_from_resource ("/io/github/tractapp/Tract/tract-flyer-options.ui");
  export->template_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "template_row"));
  export->paper_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "paper_row"));
  export->language_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "language_row"));

  export->languages = tract_print_list_languages ();
  current = tract_flyer_get_language (export->flyer);
  languages = gtk_string_list_new (NULL);
  for (guint i = 0; export->languages[i] != NULL; i++)
    gtk_string_list_append (languages, language_name (export->languages[i]));
  adw_combo_row_set_model (export->language_row, G_LIST_MODEL (languages));
  for (guint i = 0; export->languages[i] != NULL; i++)
    if (current != NULL && g_str_equal (export->languages[i], current))
      adw_combo_row_set_selected (export->language_row, i);
  gtk_widget_set_visible (GTK_WIDGET (export->language_row), export->languages[0] != NULL);

  dialog = adw_message_dialog_new (parent, _("Export Flyer"),
                                   _("A PDF to print or send, or a PNG image to share: "
                                     "name the file with .pdf or .png."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      GTK_WIDGET (gtk_builder_get_object (builder, "options")));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tract-file-name", suggest_file_name (event, ".pdf"), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_flyer_options_response), export);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export as iCalendar */

void
tract_flyer_actions_export_ics (GtkWindow  *parent,
                                TractStore *store,
                                TractEvent *event)
{
  g_autoptr(TractIcalExporter) exporter = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TRACT_IS_STORE (store));
  g_return_if_fail (TRACT_IS_EVENT (event));

  id = tract_record_get_id (TRACT_RECORD (event));
  if (id == 0)
    {
      tract_transfer_show_error (parent, _("Could Not Export the Event"),
                                 _("Save the event first: the calendar file is written from what is saved."));
      return;
    }

  exporter = tract_ical_exporter_new (store);
  tract_ical_exporter_set_events (exporter, &id, 1);
  name = suggest_file_name (event, ".ics");
  tract_calendar_transfer_export_with (parent, exporter, name);
}
