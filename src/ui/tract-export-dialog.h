/* tract-export-dialog.h — what Export Agenda… writes: the campaign or a date range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRACT_TYPE_EXPORT_DIALOG (tract_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TractExportDialog, tract_export_dialog, TRACT, EXPORT_DIALOG, AdwWindow)

/* Emits ::export (from, to) — each a "YYYY-MM-DD" or %NULL — and closes
 * when the user confirms. */
TractExportDialog *tract_export_dialog_new (GtkWindow  *parent,
                                            const char *campaign_name);

G_END_DECLS
