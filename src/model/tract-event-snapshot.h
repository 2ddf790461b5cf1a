/* tract-event-snapshot.h — an event with all it holds, to undo its deletion or copy it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-event.h"
#include "tract-store.h"

G_BEGIN_DECLS

typedef struct _TractEventSnapshot TractEventSnapshot;

/* The event @event_id as stored: its row, its organizations and their
 * roles, its tasks and its picture. */
TractEventSnapshot *tract_event_snapshot_take      (TractStore          *store,
                                                    gint64               event_id,
                                                    GError             **error);
/* Takes the snapshot and deletes the event, in one transaction. */
TractEventSnapshot *tract_event_snapshot_delete    (TractStore          *store,
                                                    gint64               event_id,
                                                    GError             **error);
void                tract_event_snapshot_free      (TractEventSnapshot  *self);
/* Returns: (transfer none): the event as it was taken */
TractEvent         *tract_event_snapshot_get_event (TractEventSnapshot  *self);

/* Puts a deleted event back exactly as it was taken (same id, UID,
 * SEQUENCE and stamps), with its organizations, tasks and picture, in one
 * transaction. Organizations deleted meanwhile are left out. */
gboolean            tract_event_snapshot_restore   (TractEventSnapshot  *self,
                                                    TractStore          *store,
                                                    GError             **error);
/* A new event like the snapshot's, with a new id and UID, the same
 * organizations and picture, and its tasks to do again, in one transaction.
 * Returns: (transfer full): the new event */
TractEvent         *tract_event_snapshot_duplicate (TractEventSnapshot  *self,
                                                    TractStore          *store,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractEventSnapshot, tract_event_snapshot_free)

G_END_DECLS
