/* tract-event-editor-parts.c — the editor's organizations and tasks
 *
 * The organizations taking part and the checklist are rows of their own
 * tables: each change is saved at once, in its own transaction, and the
 * rows follow the store's announcements, so that a change made elsewhere
 * (another window, an undo) shows here too. Rows are kept and updated in
 * place rather than rebuilt, so that a row being used keeps the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-event-editor-private.h"
#include "tract-event-organization-row.h"
#include "tract-event-organization.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-task-row.h"

static gint64 *
new_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GHashTable          *rows,
             GHashTable          *keep)
{
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    if (keep == NULL || !g_hash_table_contains (keep, key))
      {
        adw_preferences_group_remove (group, row);
        g_hash_table_iter_remove (&iter);
      }
}

static void
refresh_organizations (TractEventEditor *self)
{
  gint64 event_id = tract_event_editor_get_event_id (self);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (event_id != 0)
    links = tract_store_select (self->store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", event_id,
                                "position, id", NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      TractEventOrganization *link = links->pdata[i];
      gint64 id = tract_record_get_id (TRACT_RECORD (link));
      GtkWidget *row = g_hash_table_lookup (self->organization_rows, &id);

      g_hash_table_add (keep, new_key (id));
      if (row != NULL)
        tract_event_organization_row_set_link (TRACT_EVENT_ORGANIZATION_ROW (row), link);
      else
        {
          g_autoptr(TractOrganization) organization =
            tract_store_load (self->store, TRACT_TYPE_ORGANIZATION,
                              tract_record_get_integer (TRACT_RECORD (link), "organization_id"), NULL);
          g_autofree char *label = organization != NULL ? tract_organization_dup_label (organization)
                                                        : g_strdup ("");

          row = tract_event_organization_row_new (self->store, link, label);
          adw_preferences_group_add (self->organizations_group, row);
          g_hash_table_insert (self->organization_rows, new_key (id), row);
        }
    }
  remove_rows (self->organizations_group, self->organization_rows, keep);
  gtk_widget_set_visible (self->no_organizations_row, links == NULL || links->len == 0);
}

static void
refresh_tasks (TractEventEditor *self)
{
  gint64 event_id = tract_event_editor_get_event_id (self);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (event_id != 0)
    tasks = tract_store_select (self->store, TRACT_TYPE_EVENT_TASK, "event_id", event_id, "position, id", NULL);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      TractEventTask *task = tasks->pdata[i];
      gint64 id = tract_record_get_id (TRACT_RECORD (task));
      GtkWidget *row = g_hash_table_lookup (self->task_rows, &id);

      g_hash_table_add (keep, new_key (id));
      if (row != NULL)
        tract_task_row_set_task (TRACT_TASK_ROW (row), task);
      else
        {
          row = tract_task_row_new (self->store, task, self->organizations);
          adw_preferences_group_add (self->tasks_group, row);
          g_hash_table_insert (self->task_rows, new_key (id), row);
        }
    }
  remove_rows (self->tasks_group, self->task_rows, keep);
}

static gboolean
concerns_event (TractEventEditor *self,
                TractRecord      *before,
                TractRecord      *after)
{
  gint64 event_id = tract_event_editor_get_event_id (self);

  return event_id != 0
         && ((before != NULL && tract_record_get_integer (before, "event_id") == event_id)
             || (after != NULL && tract_record_get_integer (after, "event_id") == event_id));
}

static void
on_link_changed (TractStore       *store,
                 TractRecord      *before,
                 TractRecord      *after,
                 TractEventEditor *self)
{
  if (concerns_event (self, before, after))
    refresh_organizations (self);
}

static void
on_links_reset (TractStore       *store,
                TractEventEditor *self)
{
  refresh_organizations (self);
}

static void
on_task_changed (TractStore       *store,
                 TractRecord      *before,
                 TractRecord      *after,
                 TractEventEditor *self)
{
  if (concerns_event (self, before, after))
    refresh_tasks (self);
}

static void
on_tasks_reset (TractStore       *store,
                TractEventEditor *self)
{
  refresh_tasks (self);
}

/* Adding an organization */

static void
show_organization_error (TractEventEditor *self,
                         const char       *message)
{
  gtk_label_set_label (self->organization_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organization_error), message != NULL);
}

void
tract_event_editor_on_organization_popover_show (TractEventEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->organization_search_entry), "");
  show_organization_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->organization_search_entry));
}

void
tract_event_editor_on_organization_search_changed (TractEventEditor *self)
{
  if (self->organization_search != NULL)
    tract_record_list_set_search (self->organization_search,
                                  gtk_editable_get_text (GTK_EDITABLE (self->organization_search_entry)));
}

static void
on_organization_clicked (GtkButton        *button,
                         TractEventEditor *self)
{
  gint64 organization_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "tract-organization-id"));
  gint64 event_id = tract_event_editor_get_event_id (self);
  g_autoptr(TractEventOrganization) link = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer row;

  if (event_id == 0 || organization_id == 0)
    return;

  g_hash_table_iter_init (&iter, self->organization_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      TractEventOrganization *existing = tract_event_organization_row_get_link (row);

      if (tract_record_get_integer (TRACT_RECORD (existing), "organization_id") == organization_id)
        {
          /* Translators: %s is an organization. */
          g_autofree char *message = g_strdup_printf (_("%s already takes part in this event."),
                                                      gtk_button_get_label (button));

          show_organization_error (self, message);
          return;
        }
    }

  link = tract_event_organization_new (event_id, organization_id, "organizer");
  tract_record_set_integer (TRACT_RECORD (link), "position",
                            tract_store_count (self->store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", event_id));
  if (!tract_store_insert (self->store, TRACT_RECORD (link), &error))
    {
      show_organization_error (self, error->message);
      return;
    }
  gtk_popover_popdown (self->organization_popover);
}

void
tract_event_editor_on_organization_setup (GtkSignalListItemFactory *factory,
                                          GtkListItem              *item,
                                          TractEventEditor         *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_organization_clicked), self);
  gtk_list_item_set_child (item, button);
  gtk_list_item_set_activatable (item, FALSE);
}

void
tract_event_editor_on_organization_bind (GtkSignalListItemFactory *factory,
                                         GtkListItem              *item,
                                         TractEventEditor         *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  TractOrganization *organization = gtk_list_item_get_item (item);
  g_autofree char *label = tract_organization_dup_label (organization);

  /* A label, not markup, whatever the name holds. */
  gtk_label_set_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "tract-organization-id",
                     GSIZE_TO_POINTER ((gsize) tract_record_get_id (TRACT_RECORD (organization))));
}

/* Adding a task */

void
tract_event_editor_on_add_task (TractEventEditor *self)
{
  gint64 event_id = tract_event_editor_get_event_id (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_task_entry))));
  g_autoptr(TractEventTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (event_id == 0)
    return;
  task = tract_event_task_new (event_id, title);
  tract_record_set_integer (TRACT_RECORD (task), "position",
                            tract_store_count (self->store, TRACT_TYPE_EVENT_TASK, "event_id", event_id));
  if (!tract_store_insert (self->store, TRACT_RECORD (task), &error))
    {
      gtk_label_set_label (self->task_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->task_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_task_entry), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->task_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_task_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_task_entry), "");
}

/* The editor's calls */

void
tract_event_editor_parts_init (TractEventEditor *self)
{
  g_hash_table_unref (self->organization_rows);
  g_hash_table_unref (self->task_rows);
  self->organization_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->task_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
tract_event_editor_parts_clear (TractEventEditor *self)
{
  if (self->organization_rows != NULL && self->organizations_group != NULL)
    remove_rows (self->organizations_group, self->organization_rows, NULL);
  if (self->task_rows != NULL && self->tasks_group != NULL)
    remove_rows (self->tasks_group, self->task_rows, NULL);
}

void
tract_event_editor_parts_refresh (TractEventEditor *self)
{
  if (self->store != NULL && self->handlers[2] == 0)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      self->handlers[2] = g_signal_connect (self->store, "record-changed::event_organization",
                                            G_CALLBACK (on_link_changed), self);
      self->handlers[3] = g_signal_connect (self->store, "table-reset::event_organization",
                                            G_CALLBACK (on_links_reset), self);
      self->handlers[4] = g_signal_connect (self->store, "record-changed::event_task",
                                            G_CALLBACK (on_task_changed), self);
      self->handlers[5] = g_signal_connect (self->store, "table-reset::event_task",
                                            G_CALLBACK (on_tasks_reset), self);
      g_clear_object (&self->organization_search);
      self->organization_search = tract_record_list_new (self->store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->organization_search)));
      gtk_list_view_set_model (self->organization_list, GTK_SELECTION_MODEL (selection));
    }
  if (self->store == NULL)
    {
      tract_event_editor_parts_clear (self);
      return;
    }
  refresh_organizations (self);
  refresh_tasks (self);
  gtk_editable_set_text (GTK_EDITABLE (self->new_task_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->task_error), FALSE);
}

void
tract_event_editor_parts_flush (TractEventEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->task_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    tract_task_row_flush (row);
}
