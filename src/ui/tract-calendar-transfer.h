/* tract-calendar-transfer.h — importing and exporting calendars from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-ical-export.h"
#include "tract-window.h"

G_BEGIN_DECLS

/* Called with the chosen file, or %NULL when the user cancelled. */
typedef void (*TractFileChosenFunc) (GFile    *file,
                                     gpointer  user_data);

/* A GtkFileChooserNative to open (@save FALSE) or save a file. Test hook:
 * the environment variables TRACT_TEST_OPEN_PATH and TRACT_TEST_SAVE_PATH,
 * when set, bypass the chooser with that path, as file choosers cannot be
 * driven through the accessibility tree. */
void tract_transfer_choose_file   (GtkWindow           *parent,
                                   gboolean             save,
                                   const char          *title,
                                   const char          *accept_label,
                                   GtkFileFilter       *filter,
                                   const char          *suggested_name,
                                   TractFileChosenFunc  callback,
                                   gpointer             user_data);

/* Shows "@message" as a toast in @parent's main window, if it has one,
 * in a message dialog otherwise. */
void tract_transfer_notify        (GtkWindow           *parent,
                                   const char          *message);
void tract_transfer_show_error    (GtkWindow           *parent,
                                   const char          *heading,
                                   const char          *body);

/* Asks where to save, then writes @exporter's calendar with a progress
 * dialog and Cancel; a toast says how many events were written. */
void tract_calendar_transfer_export_with (GtkWindow          *parent,
                                          TractIcalExporter  *exporter,
                                          const char         *suggested_name);

/* Import Calendar…: the file chooser, then the import into the window's
 * campaign, with progress, Cancel and a report. */
void tract_calendar_transfer_import      (TractWindow        *window);
/* The same for files already chosen (dropped onto the window), one
 * after the other, each with its report. */
void tract_calendar_transfer_import_files (TractWindow       *window,
                                           GFile            **files,
                                           guint              n_files);
/* Export Agenda…: the whole campaign, the events selected in the Agenda
 * page, or a date range; _selected() has the selection chosen already. */
void tract_calendar_transfer_export          (TractWindow        *window);
void tract_calendar_transfer_export_selected (TractWindow        *window);

G_END_DECLS
