/* tract-event-row.c — one event in the agenda
 *
 * The title, when it happens under the heading of its day, and what and
 * where it is. The first event of a day carries the day's heading (the page
 * decides which, comparing with the row before). A cancelled event stays in
 * the agenda, struck through, and says so in words for those who do not see
 * the line. In the page's selection mode, a check box at the start shows
 * whether the row is selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-event-row.h"
#include "tract-format.h"

struct _TractEventRow
{
  GtkWidget       parent_instance;

  TractEvent     *event;

  GtkCheckButton *select_check;
  GtkLabel       *day_label;
  GtkLabel       *title_label;
  GtkImage       *repeat_icon;
  GtkLabel       *when_label;
  GtkLabel       *details_label;
};

G_DEFINE_FINAL_TYPE (TractEventRow, tract_event_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_SELECTION_MODE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tract_event_row_dispose (GObject *object)
{
  TractEventRow *self = TRACT_EVENT_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->event);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_EVENT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_event_row_parent_class)->dispose (object);
}

static void
tract_event_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TractEventRow *self = TRACT_EVENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->select_check)));
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, gtk_check_button_get_active (self->select_check));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_event_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TractEventRow *self = TRACT_EVENT_ROW (object);
  gboolean on = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_SELECTION_MODE:
      if (gtk_widget_get_visible (GTK_WIDGET (self->select_check)) == on)
        return;
      gtk_widget_set_visible (GTK_WIDGET (self->select_check), on);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SELECTED:
      if (gtk_check_button_get_active (self->select_check) == on)
        return;
      gtk_check_button_set_active (self->select_check, on);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_event_row_class_init (TractEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_event_row_dispose;
  object_class->get_property = tract_event_row_get_property;
  object_class->set_property = tract_event_row_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, TRACT_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the row shows its check box, and whether that is ticked. */
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, select_check);
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, repeat_icon);
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, TractEventRow, details_label);
}

static void
tract_event_row_init (TractEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tract_event_row_new (void)
{
  return g_object_new (TRACT_TYPE_EVENT_ROW, NULL);
}

TractEvent *
tract_event_row_get_event (TractEventRow *self)
{
  g_return_val_if_fail (TRACT_IS_EVENT_ROW (self), NULL);

  return self->event;
}

/**
 * tract_event_row_set_event:
 * @event: (nullable): the event (an occurrence of it) to show, %NULL for none
 * @campaign_time_zone: (nullable): the zone of the campaign; an event in
 *   another zone names its own
 */
void
tract_event_row_set_event (TractEventRow *self,
                           TractEvent    *event,
                           const char    *campaign_time_zone)
{
  TractRecord *record = TRACT_RECORD (event);
  g_autofree char *when = NULL;
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;
  const char *status;
  gboolean cancelled;

  g_return_if_fail (TRACT_IS_EVENT_ROW (self));
  g_return_if_fail (event == NULL || TRACT_IS_EVENT (event));

  if (g_set_object (&self->event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);

  if (event == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->when_label, "");
      gtk_label_set_label (self->details_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->repeat_icon), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "cancelled");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->select_check), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  status = tract_record_get_text (record, "status");
  cancelled = g_strcmp0 (status, "cancelled") == 0;

  when = tract_format_event_time (record, campaign_time_zone);
  /* A confirmed event is the rule and goes without saying. */
  details = tract_format_join (3,
                               tract_format_event_kind (tract_record_get_text (record, "kind")),
                               g_strcmp0 (status, "confirmed") != 0 ? tract_format_event_status (status) : NULL,
                               tract_record_get_text (record, "location_name"));

  /* Titles are shown as typed: never as markup. */
  gtk_label_set_label (self->title_label, tract_event_get_title (event));
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_icon), *tract_record_get_text (record, "rrule") != '\0');

  if (cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cancelled");

  /* Read out as one sentence: what, when, and the rest. */
  {
    g_autofree char *full_when = tract_format_event_when (record, campaign_time_zone);

    g_autofree char *check_label = NULL;

    description = tract_format_join (3, tract_event_get_title (event), full_when, details);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    /* Translators: the check box of an event in the agenda's selection mode; %s is its title. */
    check_label = g_strdup_printf (_("Selected: %s"), tract_event_get_title (event));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->select_check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    check_label, -1);
  }
}

/**
 * tract_event_row_set_day:
 * @day: (nullable): the day ("YYYY-MM-DD") whose heading the row carries,
 *   %NULL when it is not the first of its day
 */
void
tract_event_row_set_day (TractEventRow *self,
                         const char    *day)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (TRACT_IS_EVENT_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->day_label), day != NULL);
  if (day == NULL)
    return;
  heading = tract_format_day_heading (day);
  gtk_label_set_label (self->day_label, heading);
}
