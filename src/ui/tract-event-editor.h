/* tract-event-editor.h — every field of an event, saved as it is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-event.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT_EDITOR (tract_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (TractEventEditor, tract_event_editor, TRACT, EVENT_EDITOR, GtkWidget)

GtkWidget  *tract_event_editor_new          (void);
void        tract_event_editor_set_store    (TractEventEditor  *self,
                                             TractStore        *store);
/* Shows event @event_id, 0 for none. Pending changes to the event shown
 * are saved first. */
gboolean    tract_event_editor_load         (TractEventEditor  *self,
                                             gint64             event_id,
                                             GError           **error);
gint64      tract_event_editor_get_event_id (TractEventEditor  *self);
/* Returns: (transfer none) (nullable): the event as stored */
TractEvent *tract_event_editor_get_event    (TractEventEditor  *self);
/* Saves what is still waiting for a pause in typing. FALSE when a field is
 * in error: that field is not saved, and shows why. */
gboolean    tract_event_editor_flush        (TractEventEditor  *self);
/* Forgets what was typed and not saved (fields in error): shows the event
 * as stored again. */
void        tract_event_editor_discard      (TractEventEditor  *self);
/* Puts the cursor in the title, its text selected (a new event's). */
void        tract_event_editor_focus_title  (TractEventEditor  *self);

G_END_DECLS
