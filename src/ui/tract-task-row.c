/* tract-task-row.c — one item of an event's checklist, in the editor
 *
 * Done, what to do, by when and who sees to it. Ticking and choosing save
 * at once; the title and the due date save when typing pauses. A value the
 * model refuses (an empty title, a date that is no date) stays as typed,
 * marked in error with the reason below it, until it is corrected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-date-button.h"
#include "tract-organization.h"
#include "tract-task-row.h"

#define SAVE_DELAY_MS 500

struct _TractTaskRow
{
  AdwPreferencesRow parent_instance;

  TractStore      *store;
  TractEventTask  *task;   /* as stored */
  TractRecordList *organizations;
  guint            save_source;

  GtkCheckButton  *done_check;
  GtkEntry        *title_entry;
  GtkButton       *remove_button;
  TractDateButton *due_button;
  GtkDropDown     *responsible_dropdown;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (TractTaskRow, tract_task_row, ADW_TYPE_PREFERENCES_ROW)

static void show_task (TractTaskRow *self);

static void
show_error (TractTaskRow *self,
            const GError *error)
{
  const char *field = error != NULL ? tract_store_error_get_field (error) : NULL;

  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (g_strcmp0 (field, "title") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
  tract_date_button_set_error (self->due_button, g_strcmp0 (field, "due_date") == 0 ? error->message : NULL);
}

static gint64
selected_organization (TractTaskRow *self)
{
  g_autoptr(TractRecord) organization = NULL;
  guint selected = gtk_drop_down_get_selected (self->responsible_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  organization = g_list_model_get_item (G_LIST_MODEL (self->organizations), selected - 1);
  return organization != NULL ? tract_record_get_id (organization) : 0;
}

/* Everything the row shows, saved in one transaction. */
static void
save (TractTaskRow *self)
{
  g_autoptr(TractRecord) candidate = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->task == NULL)
    return;

  candidate = tract_record_copy (TRACT_RECORD (self->task));
  tract_record_set_text (candidate, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  tract_record_set_boolean (candidate, "done", gtk_check_button_get_active (self->done_check));
  tract_record_set_text (candidate, "due_date", tract_date_button_get_text (self->due_button));
  tract_record_set_integer (candidate, "organization_id", selected_organization (self));

  if (!tract_store_update (self->store, candidate, &error))
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->task, TRACT_EVENT_TASK (candidate));
  show_error (self, NULL);
}

static gboolean
on_save_timeout (gpointer user_data)
{
  TractTaskRow *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (TractTaskRow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, self);
}

static void
update_names (TractTaskRow *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  /* Translators: the accessible name of a task's check box; %s is the task. */
  g_autofree char *done = g_strdup_printf (_("Done: %s"), title);
  /* Translators: the accessible name of a button; %s is a task. */
  g_autofree char *remove = g_strdup_printf (_("Remove the Task “%s”"), title);
  /* Translators: the accessible name of a task's due date; %s is the task. */
  g_autofree char *due = g_strdup_printf (_("Due date of “%s”"), title);
  /* Translators: the accessible name of who sees to a task; %s is the task. */
  g_autofree char *responsible = g_strdup_printf (_("Responsible for “%s”"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_check), GTK_ACCESSIBLE_PROPERTY_LABEL, done, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->responsible_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  responsible, -1);
  tract_date_button_set_title (self->due_button, due);
}

static void
on_title_changed (TractTaskRow *self)
{
  update_names (self);
  schedule_save (self);
}

static void
on_done_toggled (TractTaskRow *self)
{
  save (self);
}

static void
on_due_changed (TractTaskRow *self)
{
  schedule_save (self);
}

static void
on_responsible_selected (TractTaskRow *self)
{
  save (self);
}

static void
on_remove_clicked (TractTaskRow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* The editor removes the row when the store announces the change. */
  if (!tract_store_delete (self->store, TRACT_RECORD (self->task), &error))
    show_error (self, error);
}

static void
block_handlers (TractTaskRow *self,
                gboolean      block)
{
  if (block)
    {
      g_signal_handlers_block_by_func (self->title_entry, on_title_changed, self);
      g_signal_handlers_block_by_func (self->done_check, on_done_toggled, self);
      g_signal_handlers_block_by_func (self->due_button, on_due_changed, self);
      g_signal_handlers_block_by_func (self->responsible_dropdown, on_responsible_selected, self);
    }
  else
    {
      g_signal_handlers_unblock_by_func (self->title_entry, on_title_changed, self);
      g_signal_handlers_unblock_by_func (self->done_check, on_done_toggled, self);
      g_signal_handlers_unblock_by_func (self->due_button, on_due_changed, self);
      g_signal_handlers_unblock_by_func (self->responsible_dropdown, on_responsible_selected, self);
    }
}

static void
show_task (TractTaskRow *self)
{
  TractRecord *task = TRACT_RECORD (self->task);
  gint64 organization_id = tract_record_get_integer (task, "organization_id");
  guint selected = 0;

  block_handlers (self, TRUE);
  /* What is being typed wins over what is stored: it is saved next. */
  if (self->save_source == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), tract_record_get_text (task, "title"));
      tract_date_button_set_text (self->due_button, tract_record_get_text (task, "due_date"));
    }
  gtk_check_button_set_active (self->done_check, tract_record_get_boolean (task, "done"));
  if (organization_id != 0)
    {
      g_autoptr(TractRecord) organization = tract_store_load (self->store, TRACT_TYPE_ORGANIZATION,
                                                              organization_id, NULL);

      if (organization != NULL)
        selected = tract_record_list_get_position (self->organizations, organization) + 1;
    }
  gtk_drop_down_set_selected (self->responsible_dropdown, selected);
  block_handlers (self, FALSE);
  update_names (self);
}

static void
tract_task_row_dispose (GObject *object)
{
  TractTaskRow *self = TRACT_TASK_ROW (object);

  /* Typing then leaving at once still saves. */
  if (self->save_source != 0)
    save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->responsible_dropdown != NULL)
    gtk_drop_down_set_model (self->responsible_dropdown, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->task);
  g_clear_object (&self->organizations);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_TASK_ROW);

  G_OBJECT_CLASS (tract_task_row_parent_class)->dispose (object);
}

static void
tract_task_row_class_init (TractTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_task_row_dispose;

  g_type_ensure (TRACT_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tractapp/Tract/tract-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, responsible_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractTaskRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_done_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_due_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_responsible_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, save);
}

static void
tract_task_row_init (TractTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tract_task_row_new (TractStore      *store,
                    TractEventTask  *task,
                    TractRecordList *organizations)
{
  TractTaskRow *self;
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) nobody = g_list_store_new (TRACT_TYPE_ORGANIZATION);
  g_autoptr(TractOrganization) placeholder = NULL;
  g_autoptr(GtkFlattenListModel) choices = NULL;
  GtkExpression *expression;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_EVENT_TASK (task), NULL);

  self = g_object_new (TRACT_TYPE_TASK_ROW, NULL);
  self->store = g_object_ref (store);
  self->organizations = g_object_ref (organizations);

  /* "No one" first, then every organization: the list stays lazy. */
  placeholder = tract_organization_new (C_("task responsible", "No one"), "");
  g_list_store_append (nobody, placeholder);
  g_list_store_append (parts, nobody);
  g_list_store_append (parts, organizations);
  choices = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  expression = gtk_property_expression_new (TRACT_TYPE_RECORD, NULL, "display-name");
  gtk_drop_down_set_expression (self->responsible_dropdown, expression);
  gtk_expression_unref (expression);
  g_signal_handlers_block_by_func (self->responsible_dropdown, on_responsible_selected, self);
  gtk_drop_down_set_model (self->responsible_dropdown, G_LIST_MODEL (choices));
  g_signal_handlers_unblock_by_func (self->responsible_dropdown, on_responsible_selected, self);

  tract_task_row_set_task (self, task);
  return GTK_WIDGET (self);
}

TractEventTask *
tract_task_row_get_task (TractTaskRow *self)
{
  g_return_val_if_fail (TRACT_IS_TASK_ROW (self), NULL);
  return self->task;
}

void
tract_task_row_set_task (TractTaskRow   *self,
                         TractEventTask *task)
{
  g_return_if_fail (TRACT_IS_TASK_ROW (self));
  g_return_if_fail (TRACT_IS_EVENT_TASK (task));

  g_set_object (&self->task, task);
  show_task (self);
}

void
tract_task_row_flush (TractTaskRow *self)
{
  g_return_if_fail (TRACT_IS_TASK_ROW (self));

  if (self->save_source != 0)
    save (self);
}
