/* tract-time-zone-chooser.c — an IANA time zone, found by typing part of its name
 *
 * The zones are read from the system's tz database (tzdata.zi, which lists
 * the zones and the names that link to them, such as Europe/Amsterdam), so
 * that what can be chosen is what the model accepts. Typing "port au"
 * finds America/Port-au-Prince: spaces, dashes and underscores are one.
 * Each zone is a button, which keyboards and screen readers can use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-time-zone-chooser.h"

#define ZONEINFO "/usr/share/zoneinfo"

struct _TractTimeZoneChooser
{
  GtkWidget       parent_instance;

  char           *zone;
  char           *needle; /* the search, folded */

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkCustomFilter *filter;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (TractTimeZoneChooser, tract_time_zone_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_place_zone (const char *name)
{
  static const char * const regions[] = {
    "Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/",
    "Indian/", "Pacific/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_has_prefix (name, regions[i]))
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * tract_time_zone_chooser_list_zones:
 *
 * Returns: (transfer full): the zone names, read once per process
 */
GStrv
tract_time_zone_chooser_list_zones (void)
{
  static GStrv zones;

  if (g_once_init_enter (&zones))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (g_file_get_contents (ZONEINFO "/tzdata.zi", &contents, NULL, NULL))
        lines = g_strsplit (contents, "\n", 0);
      for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit_set (lines[i], " \t", 0);
          const char *name = NULL;
          g_autofree char *path = NULL;

          /* "Z Europe/Paris …" a zone; "L Europe/Brussels Europe/Amsterdam" a link. */
          if (fields[0] != NULL && fields[1] != NULL && g_str_equal (fields[0], "Z"))
            name = fields[1];
          else if (fields[0] != NULL && fields[1] != NULL && fields[2] != NULL && g_str_equal (fields[0], "L"))
            name = fields[2];
          if (name == NULL || !is_place_zone (name) || g_hash_table_contains (seen, name))
            continue;
          path = g_build_filename (ZONEINFO, name, NULL);
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          g_hash_table_add (seen, g_strdup (name));
        }
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, seen);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_ptr_array_add (names, key);
        g_ptr_array_sort (names, compare_strings);
      }
      {
        GStrvBuilder *builder = g_strv_builder_new ();

        g_strv_builder_add (builder, "UTC");
        for (guint i = 0; i < names->len; i++)
          g_strv_builder_add (builder, names->pdata[i]);
        g_once_init_leave (&zones, g_strv_builder_end (builder));
        g_strv_builder_unref (builder);
      }
    }
  return g_strdupv (zones);
}

/* Lower case, with "_", "-" and "/" read as spaces. */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strdelimit (lower, "_-/", ' ');
  return g_strstrip (g_steal_pointer (&lower));
}

static gboolean
filter_zone (gpointer item,
             gpointer user_data)
{
  TractTimeZoneChooser *self = user_data;
  g_autofree char *folded = NULL;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  folded = fold (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return strstr (folded, self->needle) != NULL;
}

static void
on_search_changed (TractTimeZoneChooser *self)
{
  g_free (self->needle);
  self->needle = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_zone_clicked (GtkButton            *button,
                 TractTimeZoneChooser *self)
{
  tract_time_zone_chooser_set_zone (self, gtk_button_get_label (button));
  gtk_popover_popdown (self->popover);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractTimeZoneChooser     *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_zone_clicked), self);
  gtk_list_item_set_child (item, button);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractTimeZoneChooser     *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  const char *zone = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *label;

  gtk_button_set_label (GTK_BUTTON (button), zone);
  label = gtk_button_get_child (GTK_BUTTON (button));
  if (GTK_IS_LABEL (label))
    gtk_label_set_xalign (GTK_LABEL (label), 0);
}

static void
on_items_changed (GListModel           *model,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  TractTimeZoneChooser *self)
{
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0 ? "zones" : "none");
}

static void
on_popover_show (TractTimeZoneChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tract_time_zone_chooser_dispose (GObject *object)
{
  TractTimeZoneChooser *self = TRACT_TIME_ZONE_CHOOSER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_TIME_ZONE_CHOOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_time_zone_chooser_parent_class)->dispose (object);
}

static void
tract_time_zone_chooser_finalize (GObject *object)
{
  TractTimeZoneChooser *self = TRACT_TIME_ZONE_CHOOSER (object);

  g_free (self->zone);
  g_free (self->needle);

  G_OBJECT_CLASS (tract_time_zone_chooser_parent_class)->finalize (object);
}

static void
tract_time_zone_chooser_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TractTimeZoneChooser *self = TRACT_TIME_ZONE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_time_zone_chooser_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TractTimeZoneChooser *self = TRACT_TIME_ZONE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      tract_time_zone_chooser_set_zone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_time_zone_chooser_class_init (TractTimeZoneChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_time_zone_chooser_dispose;
  object_class->finalize = tract_time_zone_chooser_finalize;
  object_class->get_property = tract_time_zone_chooser_get_property;
  object_class->set_property = tract_time_zone_chooser_set_property;

  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-time-zone-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, TractTimeZoneChooser, button);
  gtk_widget_class_bind_template_child (widget_class, TractTimeZoneChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, TractTimeZoneChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractTimeZoneChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, TractTimeZoneChooser, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tract_time_zone_chooser_init (TractTimeZoneChooser *self)
{
  g_auto(GStrv) zones = tract_time_zone_chooser_list_zones ();
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) zones);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_zone, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&names)), GTK_FILTER (self->filter));
  g_signal_connect_object (filtered, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
tract_time_zone_chooser_new (void)
{
  return g_object_new (TRACT_TYPE_TIME_ZONE_CHOOSER, NULL);
}

const char *
tract_time_zone_chooser_get_zone (TractTimeZoneChooser *self)
{
  g_return_val_if_fail (TRACT_IS_TIME_ZONE_CHOOSER (self), NULL);
  return self->zone;
}

void
tract_time_zone_chooser_set_zone (TractTimeZoneChooser *self,
                                  const char           *zone)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TRACT_IS_TIME_ZONE_CHOOSER (self));

  if (g_strcmp0 (self->zone, zone) == 0)
    return;
  g_free (self->zone);
  self->zone = g_strdup (zone);
  gtk_menu_button_set_label (self->button, zone != NULL ? zone : "");
  /* Translators: how a screen reader describes the time zone button; %s is the zone. */
  description = g_strdup_printf (_("Currently %s"), zone != NULL ? zone : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

/* @message: (nullable): why the zone is refused, %NULL when it is not */
void
tract_time_zone_chooser_set_error (TractTimeZoneChooser *self,
                                   const char           *message)
{
  g_return_if_fail (TRACT_IS_TIME_ZONE_CHOOSER (self));

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "error");
}
