/* tract-signatures-panel.h — the organizations asked to sign a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_SIGNATURES_PANEL (tract_signatures_panel_get_type ())

G_DECLARE_FINAL_TYPE (TractSignaturesPanel, tract_signatures_panel, TRACT, SIGNATURES_PANEL, GtkWidget)

void        tract_signatures_panel_set_statement (TractSignaturesPanel *self,
                                                  TractStore           *store,
                                                  gint64                statement_id);
GListModel *tract_signatures_panel_get_model     (TractSignaturesPanel *self);

G_END_DECLS
