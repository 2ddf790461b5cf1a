/* tract-organizations-page.c — the register of organizations
 *
 * Organizations belong to the collective, not to one campaign: the page
 * lists them all, by name. The list is lazy: the view only asks for the
 * rows it shows, and the model fetches them a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tract-organization-row.h"
#include "tract-organization.h"
#include "tract-organizations-page.h"
#include "tract-record-list.h"

struct _TractOrganizationsPage
{
  GtkWidget        parent_instance;

  TractStore      *store;
  TractRecordList *organizations;

  GtkStack        *stack;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (TractOrganizationsPage, tract_organizations_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_visible_child (TractOrganizationsPage *self)
{
  gboolean empty = self->organizations == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->organizations)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_n_items_changed (TractOrganizationsPage *self)
{
  update_visible_child (self);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractOrganizationsPage   *self)
{
  gtk_list_item_set_child (item, tract_organization_row_new ());
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractOrganizationsPage   *self)
{
  tract_organization_row_set_organization (TRACT_ORGANIZATION_ROW (gtk_list_item_get_child (item)),
                                           gtk_list_item_get_item (item));
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractOrganizationsPage   *self)
{
  tract_organization_row_set_organization (TRACT_ORGANIZATION_ROW (gtk_list_item_get_child (item)),
                                           NULL);
}

static void
tract_organizations_page_dispose (GObject *object)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->organizations != NULL)
    g_signal_handlers_disconnect_by_data (self->organizations, self);
  g_clear_object (&self->organizations);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_ORGANIZATIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_organizations_page_parent_class)->dispose (object);
}

static void
tract_organizations_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_organizations_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_organizations_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_organizations_page_class_init (TractOrganizationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_organizations_page_dispose;
  object_class->get_property = tract_organizations_page_get_property;
  object_class->set_property = tract_organizations_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-organizations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_organizations_page_init (TractOrganizationsPage *self)
{
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

TractStore *
tract_organizations_page_get_store (TractOrganizationsPage *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the organizations of */
void
tract_organizations_page_set_store (TractOrganizationsPage *self,
                                    TractStore             *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->organizations != NULL)
    g_signal_handlers_disconnect_by_data (self->organizations, self);
  g_clear_object (&self->organizations);

  if (store != NULL)
    {
      self->organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
      g_signal_connect_swapped (self->organizations, "notify::n-items",
                                G_CALLBACK (on_n_items_changed), self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->organizations)));
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_visible_child (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Returns: (transfer none) (nullable): the organizations shown, for tests */
GListModel *
tract_organizations_page_get_model (TractOrganizationsPage *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self), NULL);

  return self->organizations != NULL ? G_LIST_MODEL (self->organizations) : NULL;
}
