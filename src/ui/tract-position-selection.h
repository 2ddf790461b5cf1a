/* tract-position-selection.h — a multiple selection that holds positions only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRACT_TYPE_POSITION_SELECTION (tract_position_selection_get_type ())

G_DECLARE_FINAL_TYPE (TractPositionSelection, tract_position_selection, TRACT, POSITION_SELECTION, GObject)

TractPositionSelection *tract_position_selection_new         (GListModel             *model);
GListModel             *tract_position_selection_get_model   (TractPositionSelection *self);
/* Disabled (the default), it selects nothing, as a GtkNoSelection;
 * disabling it unselects everything. */
gboolean                tract_position_selection_get_enabled (TractPositionSelection *self);
void                    tract_position_selection_set_enabled (TractPositionSelection *self,
                                                              gboolean                enabled);

G_END_DECLS
