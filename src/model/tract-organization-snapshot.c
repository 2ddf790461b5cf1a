/* tract-organization-snapshot.c — an organization and all that hangs on it, kept for undo
 *
 * Deleting an organization cascades: its contacts, its parts in events and
 * its signatures go with it, and the tasks it was responsible for lose
 * their owner. A snapshot copies all of these in the transaction that
 * deletes them, so that Undo can put every row back as it was, under the
 * same ids and with the same stamps, again in one transaction.
 *
 * The world may have moved while the toast was showing: a row whose event
 * or statement has since been deleted cannot come back and is counted as
 * lost; an id that a new row has taken in the meantime is replaced by a
 * fresh one rather than refusing the whole undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-organization-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-contact.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-event-task.h"
#include "tract-organization-snapshot.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-store-private.h"

struct _TractOrganizationSnapshot
{
  GObject            parent_instance;

  TractOrganization *organization;
  GPtrArray         *contacts;     /* TractContact */
  GPtrArray         *event_roles;  /* TractEventOrganization */
  GPtrArray         *signatures;   /* TractSignature */
  GArray            *task_ids;     /* gint64: tasks the organization was responsible for */
};

G_DEFINE_FINAL_TYPE (TractOrganizationSnapshot, tract_organization_snapshot, G_TYPE_OBJECT)

static void
tract_organization_snapshot_finalize (GObject *object)
{
  TractOrganizationSnapshot *self = TRACT_ORGANIZATION_SNAPSHOT (object);

  g_clear_object (&self->organization);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->event_roles, g_ptr_array_unref);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  g_clear_pointer (&self->task_ids, g_array_unref);

  G_OBJECT_CLASS (tract_organization_snapshot_parent_class)->finalize (object);
}

static void
tract_organization_snapshot_class_init (TractOrganizationSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tract_organization_snapshot_finalize;
}

static void
tract_organization_snapshot_init (TractOrganizationSnapshot *self)
{
}

typedef struct
{
  gint64                     organization_id;
  gboolean                   delete;
  TractOrganizationSnapshot *snapshot;
} TakeData;

static gboolean
take_in_transaction (TractStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  TakeData *data = user_data;
  g_autoptr(TractOrganizationSnapshot) self = g_object_new (TRACT_TYPE_ORGANIZATION_SNAPSHOT, NULL);
  g_autoptr(GPtrArray) tasks = NULL;

  self->organization = tract_store_load (store, TRACT_TYPE_ORGANIZATION, data->organization_id, error);
  if (self->organization == NULL)
    return FALSE;

  self->contacts = tract_store_select (store, TRACT_TYPE_CONTACT, "organization_id",
                                       data->organization_id, "id", error);
  if (self->contacts == NULL)
    return FALSE;
  self->event_roles = tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION, "organization_id",
                                          data->organization_id, "id", error);
  if (self->event_roles == NULL)
    return FALSE;
  self->signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "organization_id",
                                         data->organization_id, "id", error);
  if (self->signatures == NULL)
    return FALSE;
  tasks = tract_store_select (store, TRACT_TYPE_EVENT_TASK, "organization_id",
                              data->organization_id, "id", error);
  if (tasks == NULL)
    return FALSE;

  self->task_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), tasks->len);
  for (guint i = 0; i < tasks->len; i++)
    {
      gint64 id = tract_record_get_id (tasks->pdata[i]);
      g_array_append_val (self->task_ids, id);
    }

  if (data->delete && !tract_store_delete (store, TRACT_RECORD (self->organization), error))
    return FALSE;

  data->snapshot = g_steal_pointer (&self);
  return TRUE;
}

static TractOrganizationSnapshot *
take (TractStore  *store,
      gint64       organization_id,
      gboolean     delete,
      GError     **error)
{
  TakeData data = { organization_id, delete, NULL };

  if (!tract_store_run (store, take_in_transaction, &data, error))
    {
      g_clear_object (&data.snapshot);
      return NULL;
    }
  return data.snapshot;
}

/**
 * tract_organization_snapshot_new:
 *
 * Returns: (transfer full) (nullable): a copy of the organization, its
 *   contacts, event roles and signatures, read in one transaction
 */
TractOrganizationSnapshot *
tract_organization_snapshot_new (TractStore  *store,
                                 gint64       organization_id,
                                 GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  return take (store, organization_id, FALSE, error);
}

/**
 * tract_organization_snapshot_delete:
 *
 * Deletes the organization with everything that cascades from it, and
 * returns what was deleted, in one transaction.
 *
 * Returns: (transfer full) (nullable): what tract_organization_snapshot_restore() puts back
 */
TractOrganizationSnapshot *
tract_organization_snapshot_delete (TractStore  *store,
                                    gint64       organization_id,
                                    GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  return take (store, organization_id, TRUE, error);
}

/* Restoring */

typedef struct
{
  TractOrganizationSnapshot *self;
  TractOrganization         *restored;
  guint                      n_lost;
} RestoreData;

static gboolean
exists (TractStore *store,
        GType       type,
        gint64      id)
{
  return id > 0 && tract_store_count (store, type, "id", id) > 0;
}

/* The store stamps an insert with the time of the insert; an undone
 * deletion gets its own stamps back. */
static gboolean
restore_stamps (TractStore   *store,
                TractRecord  *record,
                TractRecord  *original,
                GError      **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  if (tract_record_find_column (record, "created_utc") < 0)
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET created_utc = ?, modified_utc = ? WHERE id = ?",
                         tract_record_get_table (record));
  stmt = tract_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tract_record_get_text (original, "created_utc"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tract_record_get_text (original, "modified_utc"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, tract_record_get_id (record));
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, record, error);

  tract_record_set_text (record, "created_utc", tract_record_get_text (original, "created_utc"));
  tract_record_set_text (record, "modified_utc", tract_record_get_text (original, "modified_utc"));
  return TRUE;
}

/* Inserts a copy of @original under its own id when that id is still free. */
static gboolean
reinsert (TractStore   *store,
          TractRecord  *original,
          gint64        organization_id,
          TractRecord **inserted,
          GError      **error)
{
  g_autoptr(TractRecord) copy = tract_record_copy (original);

  if (exists (store, G_OBJECT_TYPE (original), tract_record_get_id (original)))
    tract_record_set_id (copy, 0);
  if (tract_record_find_column (copy, "organization_id") >= 0)
    tract_record_set_integer (copy, "organization_id", organization_id);

  if (!tract_store_insert (store, copy, error) || !restore_stamps (store, copy, original, error))
    return FALSE;

  if (inserted != NULL)
    *inserted = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
restore_in_transaction (TractStore  *store,
                        gpointer     user_data,
                        GError     **error)
{
  RestoreData *data = user_data;
  TractOrganizationSnapshot *self = data->self;
  g_autoptr(TractRecord) organization = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 organization_id;

  if (!reinsert (store, TRACT_RECORD (self->organization), 0, &organization, &local_error))
    {
      if (g_error_matches (local_error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE))
        {
          tract_store_set_field_error (error, TRACT_STORE_ERROR_DUPLICATE, "name",
                                       _("Cannot bring back “%s”: another organization now has "
                                         "that name. Rename it, then undo again."),
                                       tract_record_get_text (TRACT_RECORD (self->organization), "name"));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  organization_id = tract_record_get_id (organization);

  for (guint i = 0; i < self->contacts->len; i++)
    if (!reinsert (store, self->contacts->pdata[i], organization_id, NULL, error))
      return FALSE;

  for (guint i = 0; i < self->event_roles->len; i++)
    {
      TractRecord *role = self->event_roles->pdata[i];

      if (!exists (store, TRACT_TYPE_EVENT, tract_record_get_integer (role, "event_id")))
        data->n_lost++;
      else if (!reinsert (store, role, organization_id, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < self->signatures->len; i++)
    {
      TractRecord *signature = self->signatures->pdata[i];

      if (!exists (store, TRACT_TYPE_STATEMENT, tract_record_get_integer (signature, "statement_id")))
        data->n_lost++;
      else if (!reinsert (store, signature, organization_id, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < self->task_ids->len; i++)
    {
      gint64 task_id = g_array_index (self->task_ids, gint64, i);
      g_autoptr(TractRecord) task = NULL;

      if (exists (store, TRACT_TYPE_EVENT_TASK, task_id))
        {
          task = tract_store_load (store, TRACT_TYPE_EVENT_TASK, task_id, error);
          if (task == NULL)
            return FALSE;
        }
      /* Gone, or given to another organization since: leave it be. */
      if (task == NULL || tract_record_get_integer (task, "organization_id") != 0)
        {
          data->n_lost++;
          continue;
        }
      tract_record_set_integer (task, "organization_id", organization_id);
      if (!tract_store_update (store, task, error))
        return FALSE;
    }

  data->restored = TRACT_ORGANIZATION (g_steal_pointer (&organization));
  return TRUE;
}

/**
 * tract_organization_snapshot_restore:
 * @n_lost: (out) (optional): how many event roles, signatures and task
 *   assignments could not come back, their event or statement being gone
 *
 * Puts the organization back with its contacts, event roles, signatures
 * and tasks, in one transaction: all of it, or nothing when @error is set.
 *
 * Returns: (transfer full) (nullable): the organization as it now is stored
 */
TractOrganization *
tract_organization_snapshot_restore (TractOrganizationSnapshot  *self,
                                     TractStore                 *store,
                                     guint                      *n_lost,
                                     GError                    **error)
{
  RestoreData data = { self, NULL, 0 };

  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), NULL);
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, restore_in_transaction, &data, error))
    {
      g_clear_object (&data.restored);
      return NULL;
    }
  if (n_lost != NULL)
    *n_lost = data.n_lost;
  return data.restored;
}

/* Returns: (transfer none): the organization as it was when the snapshot was taken */
TractOrganization *
tract_organization_snapshot_get_organization (TractOrganizationSnapshot *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), NULL);
  return self->organization;
}

guint
tract_organization_snapshot_get_n_contacts (TractOrganizationSnapshot *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), 0);
  return self->contacts->len;
}

guint
tract_organization_snapshot_get_n_event_roles (TractOrganizationSnapshot *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), 0);
  return self->event_roles->len;
}

guint
tract_organization_snapshot_get_n_signatures (TractOrganizationSnapshot *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), 0);
  return self->signatures->len;
}

guint
tract_organization_snapshot_get_n_tasks (TractOrganizationSnapshot *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_SNAPSHOT (self), 0);
  return self->task_ids->len;
}
