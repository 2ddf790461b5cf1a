/* tract-position-selection.c — a multiple selection that holds positions only
 *
 * GTK 4.8's GtkMultiSelection reads every item whose selection changes, to
 * keep it through a reordering, and holds a reference to each selected
 * one: selecting all of a lazy list of 100,000 occurrences would page in,
 * and keep, every row. This selection is a GtkBitset of positions and
 * nothing else; it never asks the model for an item. When the model
 * changes, the positions follow the exact changes it announces (the rows
 * removed are no longer selected, the rows after them shift), so a list
 * reloaded whole, after a search or a filter, comes back with nothing
 * selected. Switched off, it selects nothing, like a GtkNoSelection: the
 * list view keeps its model (and its place) when selection mode comes
 * and goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tract-position-selection.h"

struct _TractPositionSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
  gboolean    enabled;
};

static void tract_position_selection_list_model_init      (GListModelInterface        *iface);
static void tract_position_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TractPositionSelection, tract_position_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tract_position_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      tract_position_selection_selection_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel: the model's items, as they are */

static GType
tract_position_selection_get_item_type (GListModel *list)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (list);

  return g_list_model_get_item_type (self->model);
}

static guint
tract_position_selection_get_n_items (GListModel *list)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (list);

  return g_list_model_get_n_items (self->model);
}

static gpointer
tract_position_selection_get_item (GListModel *list,
                                   guint       position)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (list);

  return g_list_model_get_item (self->model, position);
}

static void
tract_position_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tract_position_selection_get_item_type;
  iface->get_n_items = tract_position_selection_get_n_items;
  iface->get_item = tract_position_selection_get_item;
}

/* GtkSelectionModel: every other call of the interface (select an item, a
 * range, all, none) comes down to set_selection(). */

static gboolean
tract_position_selection_is_selected (GtkSelectionModel *model,
                                      guint              position)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (model);

  return gtk_bitset_contains (self->selected, position);
}

static GtkBitset *
tract_position_selection_get_selection_in_range (GtkSelectionModel *model,
                                                 guint              position,
                                                 guint              n_items)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (model);

  /* More than the range is allowed: the whole set, without a copy. */
  return gtk_bitset_ref (self->selected);
}

static gboolean
tract_position_selection_set_selection (GtkSelectionModel *model,
                                        GtkBitset         *selected,
                                        GtkBitset         *mask)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (model);
  guint n_items = g_list_model_get_n_items (self->model);
  g_autoptr(GtkBitset) changes = NULL;
  guint first, last;

  if (!self->enabled)
    return FALSE;
  /* changes = (selected XOR self->selected) AND mask, within the list */
  changes = gtk_bitset_copy (selected);
  gtk_bitset_difference (changes, self->selected);
  gtk_bitset_intersect (changes, mask);
  if (!gtk_bitset_is_empty (changes) && gtk_bitset_get_maximum (changes) >= n_items)
    gtk_bitset_remove_range_closed (changes, n_items, gtk_bitset_get_maximum (changes));
  if (gtk_bitset_is_empty (changes))
    return TRUE;

  gtk_bitset_difference (self->selected, changes);
  first = gtk_bitset_get_minimum (changes);
  last = gtk_bitset_get_maximum (changes);
  gtk_selection_model_selection_changed (model, first, last - first + 1);
  return TRUE;
}

static void
tract_position_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = tract_position_selection_is_selected;
  iface->get_selection_in_range = tract_position_selection_get_selection_in_range;
  iface->set_selection = tract_position_selection_set_selection;
}

/* The model's changes */

static void
on_items_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  TractPositionSelection *self)
{
  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* GObject */

static void
tract_position_selection_dispose (GObject *object)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tract_position_selection_parent_class)->dispose (object);
}

static void
tract_position_selection_finalize (GObject *object)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (object);

  gtk_bitset_unref (self->selected);

  G_OBJECT_CLASS (tract_position_selection_parent_class)->finalize (object);
}

static void
tract_position_selection_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_position_selection_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TractPositionSelection *self = TRACT_POSITION_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
      break;
    case PROP_ENABLED:
      tract_position_selection_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_position_selection_class_init (TractPositionSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tract_position_selection_dispose;
  object_class->finalize = tract_position_selection_finalize;
  object_class->get_property = tract_position_selection_get_property;
  object_class->set_property = tract_position_selection_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_position_selection_init (TractPositionSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/**
 * tract_position_selection_new:
 * @model: (transfer none): the list whose positions are selected
 */
TractPositionSelection *
tract_position_selection_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (TRACT_TYPE_POSITION_SELECTION, "model", model, NULL);
}

GListModel *
tract_position_selection_get_model (TractPositionSelection *self)
{
  g_return_val_if_fail (TRACT_IS_POSITION_SELECTION (self), NULL);

  return self->model;
}

gboolean
tract_position_selection_get_enabled (TractPositionSelection *self)
{
  g_return_val_if_fail (TRACT_IS_POSITION_SELECTION (self), FALSE);

  return self->enabled;
}

void
tract_position_selection_set_enabled (TractPositionSelection *self,
                                      gboolean                enabled)
{
  g_return_if_fail (TRACT_IS_POSITION_SELECTION (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  if (!enabled)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self));
  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}
