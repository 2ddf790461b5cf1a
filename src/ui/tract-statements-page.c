/* tract-statements-page.c — the statements of a campaign
 *
 * A list view over the campaign's statements, by title. The list is lazy:
 * the view only asks for the rows it shows, and the model fetches them a
 * page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tract-record-list.h"
#include "tract-statement-row.h"
#include "tract-statement.h"
#include "tract-statements-page.h"

struct _TractStatementsPage
{
  GtkWidget        parent_instance;

  TractStore      *store;
  TractCampaign   *campaign;
  TractRecordList *statements;

  GtkStack        *stack;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (TractStatementsPage, tract_statements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
campaign_id (TractStatementsPage *self)
{
  return self->campaign != NULL ? tract_record_get_id (TRACT_RECORD (self->campaign)) : 0;
}

static void
update_visible_child (TractStatementsPage *self)
{
  gboolean empty = self->statements == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->statements)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_n_items_changed (TractStatementsPage *self)
{
  update_visible_child (self);
}

static void
set_list_model (TractStatementsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->statements != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->statements)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_visible_child (self);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractStatementsPage          *self)
{
  gtk_list_item_set_child (item, tract_statement_row_new ());
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractStatementsPage          *self)
{
  tract_statement_row_set_statement (TRACT_STATEMENT_ROW (gtk_list_item_get_child (item)),
                                     self->store, gtk_list_item_get_item (item));
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractStatementsPage          *self)
{
  tract_statement_row_set_statement (TRACT_STATEMENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
tract_statements_page_dispose (GObject *object)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  g_clear_object (&self->statements);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_STATEMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_statements_page_parent_class)->dispose (object);
}

static void
tract_statements_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_statements_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_statements_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      tract_statements_page_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_statements_page_class_init (TractStatementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_statements_page_dispose;
  object_class->get_property = tract_statements_page_get_property;
  object_class->set_property = tract_statements_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, TRACT_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-statements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_statements_page_init (TractStatementsPage *self)
{
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

TractStore *
tract_statements_page_get_store (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the statements of */
void
tract_statements_page_set_store (TractStatementsPage *self,
                             TractStore      *store)
{
  g_return_if_fail (TRACT_IS_STATEMENTS_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  g_clear_object (&self->statements);

  if (store != NULL)
    {
      self->statements = tract_record_list_new (store, TRACT_TYPE_STATEMENT, "campaign_id",
                                                campaign_id (self), "title");
      g_signal_connect_swapped (self->statements, "notify::n-items",
                                G_CALLBACK (on_n_items_changed), self);
    }
  set_list_model (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TractCampaign *
tract_statements_page_get_campaign (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->campaign;
}

/* @campaign: (nullable): the campaign whose statements to show, %NULL for none */
void
tract_statements_page_set_campaign (TractStatementsPage *self,
                                    TractCampaign       *campaign)
{
  g_return_if_fail (TRACT_IS_STATEMENTS_PAGE (self));
  g_return_if_fail (campaign == NULL || TRACT_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  if (self->statements != NULL)
    {
      tract_record_list_set_filter (self->statements, campaign_id (self));
      update_visible_child (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/* Returns: (transfer none) (nullable): the statements shown, for tests */
GListModel *
tract_statements_page_get_model (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->statements != NULL ? G_LIST_MODEL (self->statements) : NULL;
}
