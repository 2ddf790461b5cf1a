/* tract-date-button.c — a date, typed or picked in a calendar
 *
 * An entry for the date, in the ISO form the whole program stores
 * (YYYY-MM-DD: unambiguous in every language), beside a button that
 * opens a month calendar. Typing serves the keyboard and screen readers,
 * the calendar the mouse. The entry keeps whatever is typed: the editor
 * that owns it checks the text and marks it in error with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-date-button.h"
#include "tract-validate.h"

struct _TractDateButton
{
  GtkWidget      parent_instance;

  GtkEntry      *entry;
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  gboolean       syncing;
  gboolean       pressing_day; /* a click on a day, not on the month's arrows */
};

G_DEFINE_FINAL_TYPE (TractDateButton, tract_date_button, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TEXT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_in_calendar (TractDateButton *self)
{
  g_autoptr(GDate) date = tract_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL)
    return;
  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  if (day == NULL)
    return;
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing = FALSE;
}

static void
on_entry_changed (TractDateButton *self)
{
  show_in_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The calendar selects a day when a month is browsed too: only a click
 * on a day is a choice that closes it. */
static void
on_calendar_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     TractDateButton *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  self->pressing_day = picked != NULL && gtk_widget_has_css_class (picked, "day-number");
}

static void
on_day_selected (TractDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  day = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  if (self->pressing_day)
    gtk_popover_popdown (self->popover);
  self->pressing_day = FALSE;
}

static void
on_popover_show (TractDateButton *self)
{
  show_in_calendar (self);
}

static void
tract_date_button_dispose (GObject *object)
{
  TractDateButton *self = TRACT_DATE_BUTTON (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_DATE_BUTTON);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_date_button_parent_class)->dispose (object);
}

static void
tract_date_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractDateButton *self = TRACT_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, tract_date_button_get_text (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_date_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TractDateButton *self = TRACT_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      tract_date_button_set_text (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      tract_date_button_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
tract_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRACT_DATE_BUTTON (widget)->entry));
}

static void
tract_date_button_class_init (TractDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_date_button_dispose;
  object_class->get_property = tract_date_button_get_property;
  object_class->set_property = tract_date_button_set_property;
  widget_class->grab_focus = tract_date_button_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TractDateButton::changed:
   *
   * The text changed, typed or picked.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tractapp/Tract/tract-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, TractDateButton, entry);
  gtk_widget_class_bind_template_child (widget_class, TractDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, TractDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, TractDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_date_button_init (TractDateButton *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the calendar's own handling of the click, which selects the day. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_calendar_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tract_date_button_new (void)
{
  return g_object_new (TRACT_TYPE_DATE_BUTTON, NULL);
}

const char *
tract_date_button_get_text (TractDateButton *self)
{
  g_return_val_if_fail (TRACT_IS_DATE_BUTTON (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* Sets the text without a "changed" signal: for showing a stored value. */
void
tract_date_button_set_text (TractDateButton *self,
                            const char      *text)
{
  g_return_if_fail (TRACT_IS_DATE_BUTTON (self));

  if (g_strcmp0 (text, tract_date_button_get_text (self)) == 0)
    return;
  g_signal_handlers_block_by_func (self->entry, on_entry_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->entry, on_entry_changed, self);
  show_in_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
tract_date_button_set_title (TractDateButton *self,
                             const char      *title)
{
  g_autofree char *calendar = NULL;

  g_return_if_fail (TRACT_IS_DATE_BUTTON (self));

  /* Translators: the accessible name of the button that opens a calendar
   * beside a date field; %s is the field's name ("Start date"). */
  calendar = g_strdup_printf (_("Pick the %s in a Calendar"), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, calendar, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), calendar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* @message: (nullable): why the date is refused, %NULL when it is not */
void
tract_date_button_set_error (TractDateButton *self,
                             const char      *message)
{
  g_return_if_fail (TRACT_IS_DATE_BUTTON (self));

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}
