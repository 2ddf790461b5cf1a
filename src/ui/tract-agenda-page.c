/* tract-agenda-page.c — the events of a campaign, in date order
 *
 * A list view over the campaign's events. The list is lazy: the view only
 * asks for the rows it shows, and the model fetches them a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tract-agenda-page.h"
#include "tract-event-row.h"
#include "tract-event.h"
#include "tract-record-list.h"

struct _TractAgendaPage
{
  GtkWidget        parent_instance;

  TractStore      *store;
  TractCampaign   *campaign;
  TractRecordList *events;
  char            *time_zone; /* the campaign's */

  GtkStack        *stack;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (TractAgendaPage, tract_agenda_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
campaign_id (TractAgendaPage *self)
{
  return self->campaign != NULL ? tract_record_get_id (TRACT_RECORD (self->campaign)) : 0;
}

static void
update_visible_child (TractAgendaPage *self)
{
  gboolean empty = self->events == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->events)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_n_items_changed (TractAgendaPage *self)
{
  update_visible_child (self);
}

/* Rows are bound again with the campaign's zone, which they show against. */
static void
set_list_model (TractAgendaPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->events != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_visible_child (self);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractAgendaPage          *self)
{
  gtk_list_item_set_child (item, tract_event_row_new ());
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractAgendaPage          *self)
{
  tract_event_row_set_event (TRACT_EVENT_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item), self->time_zone);
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractAgendaPage          *self)
{
  tract_event_row_set_event (TRACT_EVENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
tract_agenda_page_dispose (GObject *object)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_object (&self->campaign);
  g_clear_object (&self->store);
  g_clear_pointer (&self->time_zone, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_AGENDA_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_agenda_page_parent_class)->dispose (object);
}

static void
tract_agenda_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);

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
tract_agenda_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TractAgendaPage *self = TRACT_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_agenda_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      tract_agenda_page_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_agenda_page_class_init (TractAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_agenda_page_dispose;
  object_class->get_property = tract_agenda_page_get_property;
  object_class->set_property = tract_agenda_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, TRACT_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractAgendaPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_agenda_page_init (TractAgendaPage *self)
{
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

TractStore *
tract_agenda_page_get_store (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the events of */
void
tract_agenda_page_set_store (TractAgendaPage *self,
                             TractStore      *store)
{
  g_return_if_fail (TRACT_IS_AGENDA_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);

  if (store != NULL)
    {
      self->events = tract_record_list_new (store, TRACT_TYPE_EVENT, "campaign_id",
                                            campaign_id (self), "start_utc");
      g_signal_connect_swapped (self->events, "notify::n-items",
                                G_CALLBACK (on_n_items_changed), self);
    }
  set_list_model (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TractCampaign *
tract_agenda_page_get_campaign (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->campaign;
}

/* @campaign: (nullable): the campaign whose events to show, %NULL for none */
void
tract_agenda_page_set_campaign (TractAgendaPage *self,
                                TractCampaign   *campaign)
{
  const char *time_zone;
  gboolean same_zone;

  g_return_if_fail (TRACT_IS_AGENDA_PAGE (self));
  g_return_if_fail (campaign == NULL || TRACT_IS_CAMPAIGN (campaign));

  /* The list hands out a new object for a row it reloads: compare rows, not pointers. */
  if (!g_set_object (&self->campaign, campaign))
    return;

  time_zone = campaign != NULL ? tract_record_get_text (TRACT_RECORD (campaign), "time_zone") : NULL;
  same_zone = g_strcmp0 (time_zone, self->time_zone) == 0;
  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);

  if (self->events != NULL)
    {
      if (tract_record_list_get_filter (self->events) != campaign_id (self))
        tract_record_list_set_filter (self->events, campaign_id (self));
      else if (!same_zone)
        set_list_model (self);
      update_visible_child (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/* Returns: (transfer none) (nullable): the events shown, for tests */
GListModel *
tract_agenda_page_get_model (TractAgendaPage *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_PAGE (self), NULL);

  return self->events != NULL ? G_LIST_MODEL (self->events) : NULL;
}
