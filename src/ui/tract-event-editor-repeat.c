/* tract-event-editor-repeat.c — the editor's repetition: controls ↔ RRULE
 *
 * The controls offer what people say: never, every N days, weeks on chosen
 * weekdays, months (on the same date, or the same weekday of the month),
 * years; until a date or a number of times; and days left out. A rule
 * written by another program that says more (BYSETPOS, several months…)
 * is shown as it is and kept untouched until the person chooses another.
 * A rule is only written again when a control changes: opening an event
 * never rewrites it, nor raises its SEQUENCE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-event-editor-private.h"
#include "tract-format.h"
#include "tract-time.h"
#include "tract-validate.h"

typedef enum
{
  MONTHLY_DAY,          /* the 20th */
  MONTHLY_NTH_WEEKDAY,  /* the third Saturday */
  MONTHLY_LAST_WEEKDAY, /* the last Saturday */
} MonthlyChoice;

static RepeatChoice
current_choice (TractEventEditor *self)
{
  return (RepeatChoice) adw_combo_row_get_selected (self->repeat_row);
}

/* The start as typed if it is a date, else as stored. */
static GDate *
start_date (TractEventEditor *self)
{
  GDate *date = tract_parse_date (tract_date_button_get_text (self->start_date));
  char day[11];

  if (date != NULL || self->event == NULL)
    return date;
  g_strlcpy (day, tract_record_get_text (TRACT_RECORD (self->event), "start_local"), sizeof day);
  return tract_parse_date (day);
}

static char *
weekday_name (GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (time, "%A");
}

/* The monthly choices that the start date allows, in order. */
static void
fill_monthly_choices (TractEventEditor *self)
{
  g_autoptr(GDate) start = start_date (self);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->monthly_row);

  if (start != NULL)
    {
      int day = g_date_get_day (start);
      int nth = (day - 1) / 7 + 1;
      gboolean last = day + 7 > g_date_get_days_in_month (g_date_get_month (start), g_date_get_year (start));
      g_autofree char *weekday = weekday_name (start);
      g_autofree char *on_day = NULL;
      g_autofree char *on_weekday = NULL;

      /* Translators: a monthly repetition on one date of the month; %d is the day. */
      on_day = g_strdup_printf (_("Day %d of the Month"), day);
      switch (nth)
        {
        /* Translators: a monthly repetition; %s is a weekday ("Saturday"). */
        case 1: on_weekday = g_strdup_printf (_("The First %s"), weekday); break;
        case 2: on_weekday = g_strdup_printf (_("The Second %s"), weekday); break;
        case 3: on_weekday = g_strdup_printf (_("The Third %s"), weekday); break;
        case 4: on_weekday = g_strdup_printf (_("The Fourth %s"), weekday); break;
        default: on_weekday = g_strdup_printf (_("The Fifth %s"), weekday); break;
        }
      gtk_string_list_append (choices, on_day);
      gtk_string_list_append (choices, on_weekday);
      if (last)
        {
          /* Translators: a monthly repetition; %s is a weekday ("Saturday"). */
          g_autofree char *on_last = g_strdup_printf (_("The Last %s"), weekday);

          gtk_string_list_append (choices, on_last);
        }
    }
  adw_combo_row_set_model (self->monthly_row, G_LIST_MODEL (choices));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (choices)))
    adw_combo_row_set_selected (self->monthly_row, selected);
  else
    adw_combo_row_set_selected (self->monthly_row, MONTHLY_DAY);
}

static void
update_interval_unit (TractEventEditor *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (self->interval_spin);
  const char *unit;

  switch (current_choice (self))
    {
    case REPEAT_DAILY:
      unit = g_dngettext (GETTEXT_PACKAGE, "day", "days", n);
      break;
    case REPEAT_WEEKLY:
      unit = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n);
      break;
    case REPEAT_MONTHLY:
      unit = g_dngettext (GETTEXT_PACKAGE, "month", "months", n);
      break;
    case REPEAT_YEARLY:
      unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", n);
      break;
    case REPEAT_NEVER:
    case REPEAT_CUSTOM:
    default:
      unit = "";
      break;
    }
  gtk_label_set_label (self->interval_unit, unit);
}

static void
update_visibility (TractEventEditor *self)
{
  RepeatChoice choice = current_choice (self);
  gboolean simple = choice != REPEAT_NEVER && choice != REPEAT_CUSTOM;
  EndsChoice ends = (EndsChoice) adw_combo_row_get_selected (self->ends_row);

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), simple);
  gtk_widget_set_visible (self->weekdays_row, choice == REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->monthly_row), choice == REPEAT_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), simple);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), simple && ends == ENDS_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), simple && ends == ENDS_AFTER);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), choice == REPEAT_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->exceptions_group), choice != REPEAT_NEVER);
  update_interval_unit (self);
}

/* Whether the controls can say @rule exactly, for an event starting @start. */
static gboolean
controls_can_say (const TractRecurrenceRule *rule,
                  GDate                     *start)
{
  int day = start != NULL ? g_date_get_day (start) : 0;
  GDateWeekday weekday = start != NULL ? g_date_get_weekday (start) : G_DATE_BAD_WEEKDAY;

  if (!rule->supported || rule->by_month != 0 || rule->n_by_set_pos > 0
      || (rule->week_start != G_DATE_MONDAY && rule->interval > 1))
    return FALSE;

  switch (rule->frequency)
    {
    case TRACT_FREQUENCY_DAILY:
      return rule->n_by_day == 0 && rule->n_by_month_day == 0;
    case TRACT_FREQUENCY_WEEKLY:
      for (guint i = 0; i < rule->n_by_day; i++)
        if (rule->by_day[i].ordinal != 0)
          return FALSE;
      return rule->n_by_month_day == 0;
    case TRACT_FREQUENCY_MONTHLY:
      if (rule->n_by_day == 0 && rule->n_by_month_day == 0)
        return TRUE;
      if (rule->n_by_day == 0 && rule->n_by_month_day == 1)
        return rule->by_month_day[0] == day;
      if (rule->n_by_day == 1 && rule->n_by_month_day == 0 && start != NULL)
        {
          int ordinal = rule->by_day[0].ordinal;
          gboolean last = day + 7 > g_date_get_days_in_month (g_date_get_month (start), g_date_get_year (start));

          return rule->by_day[0].weekday == weekday
                 && (ordinal == (day - 1) / 7 + 1 || (ordinal == -1 && last));
        }
      return FALSE;
    case TRACT_FREQUENCY_YEARLY:
      return rule->n_by_day == 0 && rule->n_by_month_day == 0;
    case TRACT_FREQUENCY_NONE:
    default:
      return FALSE;
    }
}

/* UNTIL as a date where the event is. */
static char *
until_day (TractEventEditor *self,
           const char       *until)
{
  const char *zone_name = tract_time_zone_chooser_get_zone (self->zone_chooser);
  int y, m, d, hour, minute, second;

  if (strlen (until) == 16 && zone_name != NULL
      && sscanf (until, "%4d%2d%2dT%2d%2d%2d", &y, &m, &d, &hour, &minute, &second) == 6)
    {
      g_autoptr(GTimeZone) zone = tract_time_zone_lookup (zone_name);
      g_autoptr(GDateTime) utc = g_date_time_new_utc (y, m, d, hour, minute, MIN (second, 59));
      g_autoptr(GDateTime) local = zone != NULL && utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;

      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%d");
    }
  return g_strdup_printf ("%.4s-%.2s-%.2s", until, until + 4, until + 6);
}

static void on_remove_exception (GtkButton        *button,
                                 TractEventEditor *self);

static void
show_exceptions (TractEventEditor *self)
{
  for (guint i = 0; i < self->exception_rows->len; i++)
    adw_preferences_group_remove (self->exceptions_group, self->exception_rows->pdata[i]);
  g_ptr_array_set_size (self->exception_rows, 0);

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      const char *exception = self->exceptions->pdata[i];
      char day[11];
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      g_strlcpy (day, exception, sizeof day);
      date = tract_format_date (day);
      /* A time means one occurrence of that day: say which. */
      title = strlen (exception) > 10 ? g_strdup_printf ("%s, %s", date, exception + 11) : g_strdup (date);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Translators: the accessible name of a button; %s is a date. */
      remove_name = g_strdup_printf (_("Remove the Exception of %s"), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (button), "tract-exception", g_strdup (exception), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_exception), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->exceptions_group, row);
      g_ptr_array_add (self->exception_rows, row);
    }
}

static gboolean
show_exceptions_later (gpointer user_data)
{
  show_exceptions (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_remove_exception (GtkButton        *button,
                     TractEventEditor *self)
{
  const char *exception = g_object_get_data (G_OBJECT (button), "tract-exception");

  for (guint i = 0; i < self->exceptions->len; i++)
    if (g_strcmp0 (self->exceptions->pdata[i], exception) == 0)
      {
        g_ptr_array_remove_index (self->exceptions, i);
        break;
      }
  self->exceptions_dirty = TRUE;
  /* The button goes with its row: show the list once this click is done. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_exceptions_later, g_object_ref (self), g_object_unref);
  tract_event_editor_changed (self);
}

/* @day: "YYYY-MM-DD", checked */
void
tract_event_editor_repeat_add_exception (TractEventEditor *self,
                                         const char       *day)
{
  for (guint i = 0; i < self->exceptions->len; i++)
    if (strncmp (self->exceptions->pdata[i], day, 10) == 0)
      return;
  g_ptr_array_add (self->exceptions, g_strdup (day));
  self->exceptions_dirty = TRUE;
  show_exceptions (self);
  tract_event_editor_changed (self);
}

static void
set_custom_item (TractEventEditor *self,
                 gboolean          present)
{
  GtkStringList *choices = GTK_STRING_LIST (adw_combo_row_get_model (self->repeat_row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (choices));

  if (present && n == REPEAT_CUSTOM)
    gtk_string_list_append (choices, C_("repeat", "Custom Rule"));
  else if (!present && n > REPEAT_CUSTOM)
    gtk_string_list_remove (choices, REPEAT_CUSTOM);
}

void
tract_event_editor_repeat_show (TractEventEditor *self)
{
  TractRecurrenceRule rule;
  g_autoptr(GDate) start = start_date (self);
  gboolean was_loading = self->loading;
  RepeatChoice choice = REPEAT_NEVER;

  self->loading = TRUE;
  fill_monthly_choices (self);

  if (self->rrule != NULL && *self->rrule != '\0')
    {
      if (!tract_recurrence_rule_parse (self->rrule, &rule, NULL) || !controls_can_say (&rule, start))
        choice = REPEAT_CUSTOM;
      else
        choice = (RepeatChoice) rule.frequency; /* DAILY…YEARLY line up */
    }
  set_custom_item (self, choice == REPEAT_CUSTOM);
  adw_combo_row_set_selected (self->repeat_row, choice);
  adw_action_row_set_subtitle (self->custom_row, choice == REPEAT_CUSTOM ? self->rrule : "");

  if (choice != REPEAT_NEVER && choice != REPEAT_CUSTOM)
    {
      gtk_spin_button_set_value (self->interval_spin, rule.interval);
      for (guint i = 0; i < 7; i++)
        {
          gboolean active = FALSE;

          for (guint j = 0; j < rule.n_by_day; j++)
            active |= rule.by_day[j].weekday == (GDateWeekday) (i + 1);
          if (rule.n_by_day == 0 && start != NULL)
            active = g_date_get_weekday (start) == (GDateWeekday) (i + 1);
          gtk_toggle_button_set_active (self->weekday_buttons[i], active);
        }
      adw_combo_row_set_selected (self->monthly_row,
                                  rule.n_by_day == 0 ? MONTHLY_DAY
                                  : rule.by_day[0].ordinal == -1 ? MONTHLY_LAST_WEEKDAY : MONTHLY_NTH_WEEKDAY);
      if (rule.count > 0)
        {
          adw_combo_row_set_selected (self->ends_row, ENDS_AFTER);
          gtk_spin_button_set_value (self->count_spin, rule.count);
        }
      else if (rule.until[0] != '\0')
        {
          g_autofree char *day = until_day (self, rule.until);

          adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
          tract_date_button_set_text (self->until_date, day);
        }
      else
        adw_combo_row_set_selected (self->ends_row, ENDS_NEVER);
    }

  show_exceptions (self);
  update_visibility (self);
  self->rrule_dirty = FALSE;
  self->exceptions_dirty = FALSE;
  self->loading = was_loading;
}

void
tract_event_editor_on_repeat_changed (TractEventEditor *self)
{
  gboolean any_day = FALSE;

  if (self->loading)
    return;

  self->loading = TRUE;
  if (current_choice (self) != REPEAT_CUSTOM)
    set_custom_item (self, FALSE);
  /* Weekly starts with the weekday of the start. */
  for (guint i = 0; i < 7; i++)
    any_day |= gtk_toggle_button_get_active (self->weekday_buttons[i]);
  if (!any_day && current_choice (self) == REPEAT_WEEKLY)
    {
      g_autoptr(GDate) start = start_date (self);

      if (start != NULL)
        gtk_toggle_button_set_active (self->weekday_buttons[g_date_get_weekday (start) - 1], TRUE);
    }
  self->loading = FALSE;

  self->rrule_dirty = TRUE;
  update_visibility (self);
  tract_event_editor_changed (self);
}

/* Ending on a date starts from the event's, a sensible guess to edit; only
 * when the choice changes, never while the date itself is being typed. */
void
tract_event_editor_on_ends_changed (TractEventEditor *self)
{
  if (!self->loading && adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE
      && *tract_date_button_get_text (self->until_date) == '\0')
    {
      self->loading = TRUE;
      tract_date_button_set_text (self->until_date, tract_date_button_get_text (self->start_date));
      self->loading = FALSE;
    }
  tract_event_editor_on_repeat_changed (self);
}

void
tract_event_editor_repeat_start_moved (TractEventEditor *self,
                                       const char       *old_day)
{
  g_autoptr(GDate) old_start = tract_parse_date (old_day);
  g_autoptr(GDate) new_start = start_date (self);
  guint n_active = 0;

  if (old_start == NULL || new_start == NULL)
    return;

  self->loading = TRUE;
  /* A weekly event on its start's weekday stays so. */
  for (guint i = 0; i < 7; i++)
    n_active += gtk_toggle_button_get_active (self->weekday_buttons[i]);
  if (current_choice (self) == REPEAT_WEEKLY && n_active == 1
      && gtk_toggle_button_get_active (self->weekday_buttons[g_date_get_weekday (old_start) - 1]))
    {
      gtk_toggle_button_set_active (self->weekday_buttons[g_date_get_weekday (old_start) - 1], FALSE);
      gtk_toggle_button_set_active (self->weekday_buttons[g_date_get_weekday (new_start) - 1], TRUE);
      self->rrule_dirty = TRUE;
    }
  fill_monthly_choices (self);
  if (current_choice (self) == REPEAT_MONTHLY && adw_combo_row_get_selected (self->monthly_row) != MONTHLY_DAY)
    self->rrule_dirty = TRUE;
  self->loading = FALSE;
}

void
tract_event_editor_repeat_init (TractEventEditor *self)
{
  fill_monthly_choices (self);
  update_visibility (self);
}

gboolean
tract_event_editor_repeat_read (TractEventEditor  *self,
                                char             **rrule,
                                char             **exdates,
                                GError           **error)
{
  TractRecurrenceRule rule = { 0 };
  g_autoptr(GDate) start = start_date (self);
  RepeatChoice choice = current_choice (self);

  if (self->exceptions_dirty || self->event == NULL)
    {
      g_ptr_array_add (self->exceptions, NULL);
      *exdates = g_strjoinv (",", (char **) self->exceptions->pdata);
      g_ptr_array_remove_index (self->exceptions, self->exceptions->len - 1);
    }
  else
    *exdates = g_strdup (tract_record_get_text (TRACT_RECORD (self->event), "exdates"));

  if (!self->rrule_dirty || choice == REPEAT_CUSTOM)
    {
      *rrule = g_strdup (self->rrule != NULL ? self->rrule : "");
      return TRUE;
    }
  if (choice == REPEAT_NEVER)
    {
      *rrule = g_strdup ("");
      return TRUE;
    }

  rule.frequency = (TractFrequency) choice;
  rule.interval = (guint) gtk_spin_button_get_value_as_int (self->interval_spin);
  rule.week_start = G_DATE_MONDAY;
  rule.supported = TRUE;

  if (choice == REPEAT_WEEKLY)
    {
      for (guint i = 0; i < 7; i++)
        if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
          rule.by_day[rule.n_by_day++].weekday = (GDateWeekday) (i + 1);
      if (rule.n_by_day == 0)
        {
          g_clear_pointer (exdates, g_free);
          tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                       _("Recurrence: choose at least one day of the week."));
          return FALSE;
        }
    }
  else if (choice == REPEAT_MONTHLY && start != NULL
           && adw_combo_row_get_selected (self->monthly_row) != MONTHLY_DAY)
    {
      gboolean last = adw_combo_row_get_selected (self->monthly_row) == MONTHLY_LAST_WEEKDAY;

      rule.by_day[0].weekday = g_date_get_weekday (start);
      rule.by_day[0].ordinal = last ? -1 : (g_date_get_day (start) - 1) / 7 + 1;
      rule.n_by_day = 1;
    }

  switch ((EndsChoice) adw_combo_row_get_selected (self->ends_row))
    {
    case ENDS_ON_DATE:
      {
        g_autofree char *day = g_strstrip (g_strdup (tract_date_button_get_text (self->until_date)));

        if (!tract_validate_date (day))
          {
            g_clear_pointer (exdates, g_free);
            tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "rrule",
                                         _("Recurrence: the last date “%s” is not a date (expected YYYY-MM-DD)."),
                                         day);
            return FALSE;
          }
        g_snprintf (rule.until, sizeof rule.until, "%.4s%.2s%.2s", day, day + 5, day + 8);
      }
      break;
    case ENDS_AFTER:
      rule.count = (guint) gtk_spin_button_get_value_as_int (self->count_spin);
      break;
    case ENDS_NEVER:
    default:
      break;
    }

  *rrule = tract_recurrence_rule_to_string (&rule);
  return TRUE;
}
