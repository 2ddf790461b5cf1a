/* tract-event-bulk.h — many events inserted in one transaction, indexed a chunk at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-record.h"
#include "tract-store.h"

G_BEGIN_DECLS

/* A bulk insertion of events inside the caller's tract_store_run(), for
 * imports. Between begin and end, the events inserted (by this object or
 * by the store) get their full-text search entries and agenda occurrences
 * from tract_event_bulk_index_written() and at the end, in one set-based
 * statement each, instead of from the triggers row by row (migration 5:
 * the triggers test the table event_bulk, whose one row begin writes and
 * end deletes). Everything
 * happens in the caller's transaction: a failed or cancelled import rolls
 * the row back with the rest, and a crash never commits it.
 *
 * The events of tract_event_bulk_insert() are written a few dozen at a
 * time: until then, or tract_event_bulk_flush(), only the bulk itself
 * knows them (tract_event_bulk_find_uid() finds them). */
typedef struct _TractEventBulk TractEventBulk;

TractEventBulk *tract_event_bulk_begin    (TractStore      *store,
                                           GError         **error);

/* The id of the event with @uid, 0 when there is none, -1 on a database
 * failure (with @error set). Cheaper than loading the event. */
gint64          tract_event_bulk_find_uid (TractEventBulk  *bulk,
                                           const char      *uid,
                                           GError         **error);

/* Validates @event (a TractEvent) and queues it, without a savepoint of
 * its own and without announcing the row: the caller calls
 * tract_store_notify_table_reset() once the transaction has committed.
 * The UID is kept when set, generated otherwise; NULL stamps mean the time
 * the bulk began. @event gets no id and may be reused at once.
 *
 * An event the store would refuse (TRACT_STORE_ERROR_INVALID, or
 * TRACT_STORE_ERROR_DUPLICATE for a UID already taken) is refused alone,
 * and the bulk goes on. Any other error comes from writing the queued
 * rows: the bulk has failed, and the transaction must be rolled back. */
gboolean        tract_event_bulk_insert   (TractEventBulk  *bulk,
                                           TractRecord     *event,
                                           const char      *created_utc,
                                           const char      *modified_utc,
                                           GError         **error);

/* Writes the queued events, so that the store sees them (not yet in the
 * search index or the agenda: the end adds them there). */
gboolean        tract_event_bulk_flush    (TractEventBulk  *bulk,
                                           GError         **error);

/* Indexes the events written so far (not those still queued) when at
 * least @min_rows of them wait: their search entries and agenda rows, as
 * the end would. An importer whose next events are not parsed yet calls
 * it meanwhile, and the end has less left to do. Returns the number of
 * events indexed, -1 on a failure (the bulk has failed). */
gint64          tract_event_bulk_index_written (TractEventBulk  *bulk,
                                                guint            min_rows,
                                                GError         **error);

/* Told after each of the indexing steps of tract_event_bulk_end(). */
typedef void  (*TractEventBulkStepFunc)   (guint            n_done,
                                           guint            n_steps,
                                           gpointer         user_data);

/* Writes the queued events and indexes those inserted since begin; frees
 * @bulk either way. The indexing can be stopped through @cancellable
 * (G_IO_ERROR_CANCELLED): the caller then rolls back its transaction. */
gboolean        tract_event_bulk_end      (TractEventBulk          *bulk,
                                           GCancellable            *cancellable,
                                           TractEventBulkStepFunc   step_done,
                                           gpointer                 user_data,
                                           GError                 **error);

/* Frees @bulk without writing or indexing, for a transaction being rolled
 * back. The row that defers the triggers is deleted all the same, so that
 * even a caller that commits after all leaves the triggers working. */
void            tract_event_bulk_abandon  (TractEventBulk  *bulk);

G_END_DECLS
