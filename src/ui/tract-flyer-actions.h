/* tract-flyer-actions.h — what an event's editor offers for one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-event.h"
#include "tract-store.h"

G_BEGIN_DECLS

/* Print Flyer…: the print dialog with its preview, the page set up from
 * the flyer's paper and orientation. Test hook: TRACT_TEST_PRINT_PATH
 * exports to that PDF instead. */
void tract_flyer_actions_print      (GtkWindow  *parent,
                                     TractStore *store,
                                     TractEvent *event);
/* Export Flyer…: layout, paper and language, then a PDF or PNG file
 * (by the name's extension). Test hook: TRACT_TEST_SAVE_PATH. */
void tract_flyer_actions_export     (GtkWindow  *parent,
                                     TractStore *store,
                                     TractEvent *event);
/* Export Event as iCalendar…: this event alone, as saved. */
void tract_flyer_actions_export_ics (GtkWindow  *parent,
                                     TractStore *store,
                                     TractEvent *event);

G_END_DECLS
