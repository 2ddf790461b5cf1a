/* tract-flyer-thumbnail.h — an event's flyer, live and small, in its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-event.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_FLYER_THUMBNAIL (tract_flyer_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (TractFlyerThumbnail, tract_flyer_thumbnail, TRACT, FLYER_THUMBNAIL, GtkDrawingArea)

GtkWidget *tract_flyer_thumbnail_new       (void);
/* Takes a new snapshot of @event (which may hold unsaved edits) and
 * redraws; %NULL @event shows nothing. */
void       tract_flyer_thumbnail_set_event (TractFlyerThumbnail *self,
                                            TractStore          *store,
                                            TractEvent          *event);

G_END_DECLS
