/* tract-export-dialog.c — what Export Agenda… writes: the campaign, a selection or a date range
 *
 * The dialog only asks; the caller chooses the file and writes. Empty date
 * fields leave that end of the range open. The events selected in the
 * agenda are the caller's: the dialog only says how many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tract-date-button.h"
#include "tract-export-dialog.h"
#include "tract-validate.h"

struct _TractExportDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *events_group;
  GtkCheckButton       *whole_check;
  AdwActionRow         *selection_row;
  GtkCheckButton       *selection_check;
  GtkCheckButton       *range_check;
  TractDateButton      *from_button;
  TractDateButton      *to_button;
};

G_DEFINE_FINAL_TYPE (TractExportDialog, tract_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORT,
  SIGNAL_EXPORT_SELECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Returns: (transfer full) (nullable): the day typed, %NULL when empty;
 * marks the field and returns %FALSE when it is not a date. */
static gboolean
read_day (TractDateButton  *button,
          char            **day)
{
  const char *text = tract_date_button_get_text (button);
  g_autoptr(GDate) date = NULL;

  *day = NULL;
  if (text == NULL || *text == '\0')
    {
      tract_date_button_set_error (button, NULL);
      return TRUE;
    }

  date = tract_parse_date (text);
  if (date == NULL)
    {
      tract_date_button_set_error (button, _("Type a date such as 2021-05-29, or leave the field empty."));
      return FALSE;
    }

  tract_date_button_set_error (button, NULL);
  *day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
  return TRUE;
}

static void
destroy_window (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  g_object_unref (data);
}

/* Typing a day means a range. */
static void
on_date_changed (TractExportDialog *self)
{
  gtk_check_button_set_active (self->range_check, TRUE);
}

static void
on_export_clicked (TractExportDialog *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean selection = gtk_check_button_get_active (self->selection_check);

  if (gtk_check_button_get_active (self->range_check))
    {
      gboolean from_ok = read_day (self->from_button, &from);
      gboolean to_ok = read_day (self->to_button, &to);

      if (!from_ok || !to_ok)
        return;
      if (from != NULL && to != NULL && strcmp (from, to) > 0)
        {
          tract_date_button_set_error (self->to_button,
                                       _("The last day comes before the first: swap them."));
          return;
        }
    }

  /* Closed first, so that the file chooser that follows has the main
   * window as its parent; destroyed later, as GTK 4.8's accessibility
   * layer may still be answering about the button that was clicked. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (selection)
    g_signal_emit (self, signals[SIGNAL_EXPORT_SELECTION], 0);
  else
    g_signal_emit (self, signals[SIGNAL_EXPORT], 0, from, to);
  g_idle_add_once (destroy_window, g_object_ref (self));
}

static void
tract_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRACT_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (tract_export_dialog_parent_class)->dispose (object);
}

static void
tract_export_dialog_class_init (TractExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_export_dialog_dispose;

  /**
   * TractExportDialog::export:
   * @from: (nullable): the first day, "YYYY-MM-DD"
   * @to: (nullable): the last day
   */
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * TractExportDialog::export-selection:
   *
   * The events selected in the agenda, which the caller knows.
   */
  signals[SIGNAL_EXPORT_SELECTION] =
    g_signal_new ("export-selection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (TRACT_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, events_group);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, whole_check);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, selection_row);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, selection_check);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, range_check);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, TractExportDialog, to_button);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tract_export_dialog_init (TractExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TractExportDialog *
tract_export_dialog_new (GtkWindow  *parent,
                         const char *campaign_name)
{
  TractExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (TRACT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  if (campaign_name != NULL)
    adw_preferences_group_set_description (self->events_group, campaign_name);
  return self;
}

void
tract_export_dialog_offer_selection (TractExportDialog *self,
                                     guint              n_events,
                                     gboolean           chosen)
{
  g_autofree char *title = NULL;

  g_return_if_fail (TRACT_IS_EXPORT_DIALOG (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->selection_row), n_events > 0);
  if (n_events == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->selection_row), _("_Selected Events"));
      adw_action_row_set_subtitle (self->selection_row, _("Select events in the agenda first"));
      if (gtk_check_button_get_active (self->selection_check))
        gtk_check_button_set_active (self->whole_check, TRUE);
      return;
    }

  /* Translators: a choice of Export Agenda…; %u is how many events the agenda has selected. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Selected Event (%'u)", "_Selected Events (%'u)",
                                        n_events),
                           n_events);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->selection_row), title);
  adw_action_row_set_subtitle (self->selection_row, _("Each repeating event once, with its rule"));
  if (chosen)
    gtk_check_button_set_active (self->selection_check, TRUE);
}
