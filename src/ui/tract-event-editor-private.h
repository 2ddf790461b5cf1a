/* tract-event-editor-private.h — what the editor's files share
 *
 * The editor is one class in three files, by concern: the form and its
 * saving (tract-event-editor.c), the repetition (…-repeat.c), and the
 * organizations and tasks, which are rows of their own tables
 * (…-parts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-date-button.h"
#include "tract-event-editor.h"
#include "tract-record-list.h"
#include "tract-recurrence.h"
#include "tract-time-zone-chooser.h"

G_BEGIN_DECLS

typedef enum
{
  REPEAT_NEVER,
  REPEAT_DAILY,
  REPEAT_WEEKLY,
  REPEAT_MONTHLY,
  REPEAT_YEARLY,
  REPEAT_CUSTOM, /* a rule written elsewhere, kept as it is */
} RepeatChoice;

typedef enum
{
  ENDS_NEVER,
  ENDS_ON_DATE,
  ENDS_AFTER,
} EndsChoice;

struct _TractEventEditor
{
  GtkWidget             parent_instance;

  TractStore           *store;
  TractEvent           *event;        /* as stored */
  TractRecordList      *organizations;       /* every organization, by name */
  TractRecordList      *organization_search; /* the picker's */
  GHashTable           *organization_rows;   /* link id → row */
  GHashTable           *task_rows;           /* task id → row */
  GPtrArray            *exceptions;          /* "YYYY-MM-DD"… as shown */
  GPtrArray            *exception_rows;
  char                 *rrule;        /* the rule as stored, kept until the controls change */
  gboolean              rrule_dirty;      /* the repeat controls were changed */
  gboolean              exceptions_dirty; /* an exception was added or removed */
  guint                 save_source;
  gboolean              loading;      /* filling the form: no saving */
  /* The times and the coordinates as the form showed them from the store:
   * while they read the same, the stored values are kept as they are
   * (seconds, decimals the form does not show). */
  char                 *shown_when;
  char                 *shown_coordinates;
  gboolean              has_errors;
  gulong                handlers[6];

  /* General */
  GtkLabel             *general_error;
  AdwEntryRow          *title_row;
  GtkLabel             *title_error;
  AdwComboRow          *kind_row;
  AdwComboRow          *status_row;
  /* When */
  GtkSwitch            *all_day_switch;
  TractDateButton      *start_date;
  GtkEntry             *start_time;
  GtkLabel             *start_error;
  TractDateButton      *end_date;
  GtkEntry             *end_time;
  GtkLabel             *end_error;
  AdwActionRow         *zone_row;
  TractTimeZoneChooser *zone_chooser;
  GtkLabel             *zone_error;
  /* Repeat */
  AdwComboRow          *repeat_row;
  AdwActionRow         *interval_row;
  GtkSpinButton        *interval_spin;
  GtkLabel             *interval_unit;
  GtkWidget            *weekdays_row;
  GtkToggleButton      *weekday_buttons[7]; /* Monday first */
  AdwComboRow          *monthly_row;
  AdwComboRow          *ends_row;
  AdwActionRow         *until_row;
  TractDateButton      *until_date;
  AdwActionRow         *count_row;
  GtkSpinButton        *count_spin;
  AdwActionRow         *custom_row;
  GtkLabel             *rrule_error;
  AdwPreferencesGroup  *exceptions_group;
  TractDateButton      *exception_date;
  GtkLabel             *exdates_error;
  /* Place */
  AdwEntryRow          *location_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *latitude_row;
  AdwEntryRow          *longitude_row;
  GtkLabel             *coordinates_error;
  /* Description */
  GtkTextView          *description_view;
  AdwEntryRow          *url_row;
  GtkLabel             *url_error;
  GtkTextView          *notes_view;
  /* Organizations and tasks */
  AdwPreferencesGroup  *organizations_group;
  GtkWidget            *no_organizations_row;
  GtkMenuButton        *add_organization_button;
  GtkPopover           *organization_popover;
  GtkSearchEntry       *organization_search_entry;
  GtkListView          *organization_list;
  GtkLabel             *organization_error;
  AdwPreferencesGroup  *tasks_group;
  GtkEntry             *new_task_entry;
  GtkLabel             *task_error;
};

/* tract-event-editor.c */
void     tract_event_editor_changed          (TractEventEditor *self);
void     tract_event_editor_set_event        (TractEventEditor *self,
                                              TractEvent       *event);

/* tract-event-editor-save.c */
gboolean tract_event_editor_save             (TractEventEditor  *self);
/* Notes the times and coordinates the form shows as the stored ones. */
void     tract_event_editor_note_shown       (TractEventEditor  *self);
/* @errors: (array fixed-size=N_UNITS) (nullable): the error of each unit */
void     tract_event_editor_show_errors      (TractEventEditor  *self,
                                              GError           **errors,
                                              const GError      *general);

/* tract-event-editor-repeat.c */
void     tract_event_editor_repeat_init      (TractEventEditor *self);
void     tract_event_editor_repeat_show      (TractEventEditor *self);
/* The rule and exceptions the controls stand for, or FALSE with @error
 * (about "rrule" or "exdates") when what is typed cannot be one. */
gboolean tract_event_editor_repeat_read      (TractEventEditor  *self,
                                              char             **rrule,
                                              char             **exdates,
                                              GError           **error);
void     tract_event_editor_repeat_add_exception (TractEventEditor *self,
                                                  const char       *day);
/* The start date moved: weekly and monthly choices follow it. */
void     tract_event_editor_repeat_start_moved (TractEventEditor *self,
                                                const char       *old_day);

/* Template callbacks of the repetition: */
void     tract_event_editor_on_repeat_changed (TractEventEditor *self);
void     tract_event_editor_on_ends_changed   (TractEventEditor *self);

/* tract-event-editor-parts.c */
void     tract_event_editor_on_organization_popover_show   (TractEventEditor         *self);
void     tract_event_editor_on_organization_search_changed (TractEventEditor         *self);
void     tract_event_editor_on_organization_setup          (GtkSignalListItemFactory *factory,
                                                            GtkListItem              *item,
                                                            TractEventEditor         *self);
void     tract_event_editor_on_organization_bind           (GtkSignalListItemFactory *factory,
                                                            GtkListItem              *item,
                                                            TractEventEditor         *self);
void     tract_event_editor_on_add_task                    (TractEventEditor         *self);
void     tract_event_editor_parts_init       (TractEventEditor *self);
void     tract_event_editor_parts_clear      (TractEventEditor *self);
void     tract_event_editor_parts_refresh    (TractEventEditor *self);
void     tract_event_editor_parts_flush      (TractEventEditor *self);

G_END_DECLS
