/* tract-event-snapshot.c — an event with all it holds, to undo its deletion or copy it
 *
 * Deleting an event cascades to its organizations' roles, its tasks and
 * its picture. Undo must bring all of it back, under the same id (links
 * from elsewhere, such as a flyer's history, keep working) and the same
 * UID (calendars that imported it still recognize it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-campaign.h"
#include "tract-event-image.h"
#include "tract-event-organization.h"
#include "tract-event-snapshot.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-store-private.h"

struct _TractEventSnapshot
{
  TractEvent *event;
  GPtrArray  *organizations; /* TractEventOrganization */
  GPtrArray  *tasks;         /* TractEventTask */
  GBytes     *image;         /* NULL: none */
};

void
tract_event_snapshot_free (TractEventSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->event);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_free (self);
}

TractEventSnapshot *
tract_event_snapshot_take (TractStore  *store,
                           gint64       event_id,
                           GError     **error)
{
  g_autoptr(TractEventSnapshot) self = g_new0 (TractEventSnapshot, 1);

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  self->event = tract_store_load (store, TRACT_TYPE_EVENT, event_id, error);
  if (self->event == NULL)
    return NULL;
  self->organizations = tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", event_id,
                                            "position, id", error);
  if (self->organizations == NULL)
    return NULL;
  self->tasks = tract_store_select (store, TRACT_TYPE_EVENT_TASK, "event_id", event_id, "position, id", error);
  if (self->tasks == NULL)
    return NULL;
  self->image = tract_event_image_get (store, event_id, NULL, NULL, NULL, error);
  if (self->image == NULL && error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  TractEventSnapshot *snapshot;
  gint64              event_id;
  TractEvent         *copy; /* duplicate: the new event */
} Job;

static gboolean
delete_in_transaction (TractStore  *store,
                       gpointer     user_data,
                       GError     **error)
{
  Job *job = user_data;

  job->snapshot = tract_event_snapshot_take (store, job->event_id, error);
  if (job->snapshot == NULL)
    return FALSE;
  return tract_store_delete (store, TRACT_RECORD (job->snapshot->event), error);
}

TractEventSnapshot *
tract_event_snapshot_delete (TractStore  *store,
                             gint64       event_id,
                             GError     **error)
{
  Job job = { NULL, event_id, NULL };

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, delete_in_transaction, &job, error))
    {
      g_clear_pointer (&job.snapshot, tract_event_snapshot_free);
      return NULL;
    }
  return job.snapshot;
}

TractEvent *
tract_event_snapshot_get_event (TractEventSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->event;
}

static gboolean
exists (TractStore *store,
        GType       type,
        gint64      id)
{
  return id != 0 && tract_store_count (store, type, "id", id) > 0;
}

/* The links and tasks of @event_id, as in the snapshot; with @as_new, as
 * new rows (new ids, tasks to do again). */
static gboolean
insert_parts (TractStore          *store,
              TractEventSnapshot  *self,
              gint64               event_id,
              gboolean             as_new,
              GError             **error)
{
  for (guint i = 0; i < self->organizations->len; i++)
    {
      g_autoptr(TractRecord) link = tract_record_copy (self->organizations->pdata[i]);

      if (!exists (store, TRACT_TYPE_ORGANIZATION, tract_record_get_integer (link, "organization_id")))
        continue;
      tract_record_set_integer (link, "event_id", event_id);
      if (as_new)
        tract_record_set_id (link, 0);
      if (!tract_store_insert (store, link, error))
        return FALSE;
    }

  for (guint i = 0; i < self->tasks->len; i++)
    {
      g_autoptr(TractRecord) task = tract_record_copy (self->tasks->pdata[i]);

      if (!exists (store, TRACT_TYPE_ORGANIZATION, tract_record_get_integer (task, "organization_id")))
        tract_record_set_integer (task, "organization_id", 0);
      tract_record_set_integer (task, "event_id", event_id);
      if (as_new)
        {
          tract_record_set_id (task, 0);
          tract_record_set_boolean (task, "done", FALSE);
        }
      if (!tract_store_insert (store, task, error))
        return FALSE;
    }

  if (self->image != NULL && !tract_event_image_set (store, event_id, self->image, error))
    return FALSE;
  return TRUE;
}

static gboolean
check_campaign (TractStore  *store,
                TractEvent  *event,
                GError     **error)
{
  if (exists (store, TRACT_TYPE_CAMPAIGN, tract_record_get_integer (TRACT_RECORD (event), "campaign_id")))
    return TRUE;
  tract_store_set_field_error (error, TRACT_STORE_ERROR_NOT_FOUND, "campaign_id",
                               _("The campaign of the event “%s” no longer exists."),
                               tract_event_get_title (event));
  return FALSE;
}

static gboolean
restore_in_transaction (TractStore  *store,
                        gpointer     user_data,
                        GError     **error)
{
  Job *job = user_data;
  TractEventSnapshot *self = job->snapshot;
  TractRecord *event = TRACT_RECORD (self->event);
  g_autoptr(TractRecord) copy = tract_record_copy (event);
  sqlite3_stmt *stmt;
  int status;

  if (!check_campaign (store, self->event, error))
    return FALSE;
  if (exists (store, TRACT_TYPE_EVENT, tract_record_get_id (event)))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_DUPLICATE, NULL,
                                   _("The event “%s” is already there; it cannot be restored twice."),
                                   tract_event_get_title (self->event));
      return FALSE;
    }
  /* Same id, same UID: the store keeps a UID it is given. */
  if (!tract_store_insert (store, copy, error))
    return FALSE;

  /* The store stamps an insert as new: this one is not. */
  stmt = tract_store_prepare (store,
                              "UPDATE event SET sequence = ?, created_utc = ?, modified_utc = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tract_record_get_integer (event, "sequence"));
  sqlite3_bind_text (stmt, 2, tract_record_get_text (event, "created_utc"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, tract_record_get_text (event, "modified_utc"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, tract_record_get_id (event));
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);

  return insert_parts (store, self, tract_record_get_id (event), FALSE, error);
}

gboolean
tract_event_snapshot_restore (TractEventSnapshot  *self,
                              TractStore          *store,
                              GError             **error)
{
  Job job = { self, 0, NULL };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  return tract_store_run (store, restore_in_transaction, &job, error);
}

static gboolean
duplicate_in_transaction (TractStore  *store,
                          gpointer     user_data,
                          GError     **error)
{
  Job *job = user_data;
  TractRecord *copy;

  if (!check_campaign (store, job->snapshot->event, error))
    return FALSE;
  job->copy = TRACT_EVENT (tract_record_copy (TRACT_RECORD (job->snapshot->event)));
  copy = TRACT_RECORD (job->copy);
  tract_record_set_id (copy, 0);
  /* A new event for calendars: a new UID, a first version. */
  tract_record_set_text (copy, "uid", "");
  tract_record_set_integer (copy, "sequence", 0);
  if (!tract_store_insert (store, copy, error))
    return FALSE;
  return insert_parts (store, job->snapshot, tract_record_get_id (copy), TRUE, error);
}

TractEvent *
tract_event_snapshot_duplicate (TractEventSnapshot  *self,
                                TractStore          *store,
                                GError             **error)
{
  Job job = { self, 0, NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, duplicate_in_transaction, &job, error))
    {
      g_clear_object (&job.copy);
      return NULL;
    }
  return job.copy;
}
