/* tract-export-dialog.h — what Export Agenda… writes: the campaign, a selection or a date range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRACT_TYPE_EXPORT_DIALOG (tract_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TractExportDialog, tract_export_dialog, TRACT, EXPORT_DIALOG, AdwWindow)

/* Emits ::export (from, to) — each a "YYYY-MM-DD" or %NULL — or
 * ::export-selection, and closes, when the user confirms. */
TractExportDialog *tract_export_dialog_new             (GtkWindow         *parent,
                                                        const char        *campaign_name);
/* Offers the @n_events selected in the agenda (none: the choice shows,
 * insensitive), chosen already when @chosen. */
void               tract_export_dialog_offer_selection (TractExportDialog *self,
                                                        guint              n_events,
                                                        gboolean           chosen);

G_END_DECLS
