/* tract-revisions-panel.h — the revisions of a statement, and what changed between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_REVISIONS_PANEL (tract_revisions_panel_get_type ())

G_DECLARE_FINAL_TYPE (TractRevisionsPanel, tract_revisions_panel, TRACT, REVISIONS_PANEL, GtkWidget)

void        tract_revisions_panel_set_statement  (TractRevisionsPanel *self,
                                                  TractStore          *store,
                                                  gint64               statement_id);
/* Asks for a note and saves the text as it stands as the next revision. */
void        tract_revisions_panel_save_revision  (TractRevisionsPanel *self);
GListModel *tract_revisions_panel_get_model      (TractRevisionsPanel *self);

G_END_DECLS
