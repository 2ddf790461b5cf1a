/* tract-record-row.c — a row that names a record and opens it
 *
 * The contacts of an organization, the events it takes part in and the
 * statements it signed are each a list of these: a title, a line of
 * details, and an arrow that says the row leads somewhere. What the row
 * opens is the list's business, through GtkListBox::row-activated.
 *
 * Titles are user text, never markup: "<b>" and "&" read as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tract-record-row.h"

struct _TractRecordRow
{
  AdwActionRow  parent_instance;

  TractRecord  *record;

  GtkButton    *open_button;
};

G_DEFINE_FINAL_TYPE (TractRecordRow, tract_record_row, ADW_TYPE_ACTION_ROW)

/* The arrow is a button so that a screen reader has something to press
 * (GTK 4.8 gives list rows no action); it activates the row, as a click
 * on the row does, and the list decides what opening means. */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

static void
tract_record_row_dispose (GObject *object)
{
  TractRecordRow *self = TRACT_RECORD_ROW (object);

  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_RECORD_ROW);

  G_OBJECT_CLASS (tract_record_row_parent_class)->dispose (object);
}

static void
tract_record_row_class_init (TractRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tractapp/Tract/tract-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractRecordRow, open_button);
  gtk_widget_class_install_action (widget_class, "record-row.open", NULL, open_activated);
}

static void
tract_record_row_init (TractRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tract_record_row_new:
 * @subtitle: (nullable): a line of details
 *
 * Returns: (transfer floating): a row for @record
 */
GtkWidget *
tract_record_row_new (TractRecord *record,
                      const char  *title,
                      const char  *subtitle)
{
  TractRecordRow *self;

  g_return_val_if_fail (TRACT_IS_RECORD (record), NULL);

  self = g_object_new (TRACT_TYPE_RECORD_ROW, NULL);
  self->record = g_object_ref (record);
  /* An empty title would leave the row without an accessible name. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title != NULL && *title != '\0' ? title : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the record the row stands for */
TractRecord *
tract_record_row_get_record (TractRecordRow *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_ROW (self), NULL);
  return self->record;
}
