/* tract-event-organization-row.c — an organization's part in an event, in the editor
 *
 * The organization's name, its role (organizer, partner, speaker,
 * delegation) and a button to take it off the event. A change is saved at
 * once, in its own transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-event-organization-row.h"

static const char * const roles[] = { "organizer", "partner", "speaker", "delegation", NULL };

struct _TractEventOrganizationRow
{
  AdwActionRow            parent_instance;

  TractStore             *store;
  TractEventOrganization *link;

  GtkDropDown            *role_dropdown;
  GtkButton              *remove_button;
};

G_DEFINE_FINAL_TYPE (TractEventOrganizationRow, tract_event_organization_row, ADW_TYPE_ACTION_ROW)

static void
show_error (TractEventOrganizationRow *self,
            const GError              *error)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), error != NULL ? error->message : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
show_role (TractEventOrganizationRow *self)
{
  const char *role = tract_record_get_text (TRACT_RECORD (self->link), "role");

  for (guint i = 0; roles[i] != NULL; i++)
    if (g_str_equal (roles[i], role))
      gtk_drop_down_set_selected (self->role_dropdown, i);
}

static void
on_role_selected (TractEventOrganizationRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  g_autoptr(TractRecord) candidate = NULL;
  g_autoptr(GError) error = NULL;

  if (self->link == NULL || selected >= G_N_ELEMENTS (roles) - 1)
    return;
  if (g_str_equal (roles[selected], tract_record_get_text (TRACT_RECORD (self->link), "role")))
    return;

  candidate = tract_record_copy (TRACT_RECORD (self->link));
  tract_record_set_text (candidate, "role", roles[selected]);
  if (!tract_store_update (self->store, candidate, &error))
    {
      show_error (self, error);
      g_signal_handlers_block_by_func (self->role_dropdown, on_role_selected, self);
      show_role (self);
      g_signal_handlers_unblock_by_func (self->role_dropdown, on_role_selected, self);
      return;
    }
  g_set_object (&self->link, TRACT_EVENT_ORGANIZATION (candidate));
  show_error (self, NULL);
}

static void
on_remove_clicked (TractEventOrganizationRow *self)
{
  g_autoptr(GError) error = NULL;

  /* The editor removes the row when the store announces the change. */
  if (!tract_store_delete (self->store, TRACT_RECORD (self->link), &error))
    show_error (self, error);
}

static void
tract_event_organization_row_dispose (GObject *object)
{
  TractEventOrganizationRow *self = TRACT_EVENT_ORGANIZATION_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->link);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_EVENT_ORGANIZATION_ROW);

  G_OBJECT_CLASS (tract_event_organization_row_parent_class)->dispose (object);
}

static void
tract_event_organization_row_class_init (TractEventOrganizationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_event_organization_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-event-organization-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractEventOrganizationRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractEventOrganizationRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
tract_event_organization_row_init (TractEventOrganizationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tract_event_organization_row_new:
 * @label: the organization's name for people ("Name (ACRONYM)")
 */
GtkWidget *
tract_event_organization_row_new (TractStore             *store,
                                  TractEventOrganization *link,
                                  const char             *label)
{
  TractEventOrganizationRow *self;
  g_autofree char *role_name = NULL;
  g_autofree char *remove_name = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_EVENT_ORGANIZATION (link), NULL);

  self = g_object_new (TRACT_TYPE_EVENT_ORGANIZATION_ROW, NULL);
  self->store = g_object_ref (store);
  /* Names are shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  /* Translators: the accessible name of an organization's role in an event; %s is the organization. */
  role_name = g_strdup_printf (_("Role of %s"), label);
  /* Translators: the accessible name of a button; %s is an organization. */
  remove_name = g_strdup_printf (_("Remove %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  role_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_name);
  tract_event_organization_row_set_link (self, link);
  return GTK_WIDGET (self);
}

TractEventOrganization *
tract_event_organization_row_get_link (TractEventOrganizationRow *self)
{
  g_return_val_if_fail (TRACT_IS_EVENT_ORGANIZATION_ROW (self), NULL);
  return self->link;
}

void
tract_event_organization_row_set_link (TractEventOrganizationRow *self,
                                       TractEventOrganization    *link)
{
  g_return_if_fail (TRACT_IS_EVENT_ORGANIZATION_ROW (self));
  g_return_if_fail (TRACT_IS_EVENT_ORGANIZATION (link));

  g_set_object (&self->link, link);
  g_signal_handlers_block_by_func (self->role_dropdown, on_role_selected, self);
  show_role (self);
  g_signal_handlers_unblock_by_func (self->role_dropdown, on_role_selected, self);
}
