/* tract-agenda-page-private.h — what the Agenda page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-agenda-list.h"
#include "tract-agenda-page.h"
#include "tract-event-editor.h"
#include "tract-position-selection.h"
#include "tract-record-list.h"

G_BEGIN_DECLS

struct _TractAgendaPage
{
  GtkWidget        parent_instance;

  TractStore      *store;
  TractCampaign   *campaign;
  TractAgendaList *events;
  TractRecordList *organizations; /* for the filter, by name */
  char            *time_zone;     /* the campaign's */
  GHashTable      *bound_items;   /* GtkListItem → TRUE: rows whose heading may need a check */
  guint            headings_source;
  guint            visible_child_source;
  guint            marks_source;
  guint            scroll_tick;
  guint            scroll_target;
  guint            scroll_ticks;
  gboolean         scroll_first_done;
  gboolean         scrolled_once; /* to today, when the list first shows */
  gboolean         selecting_day; /* the page moves the calendar itself */
  char            *followed_start; /* when the event in the editor starts: to follow it when it moves */
  TractPositionSelection *selection; /* the list's model; selects only in selection mode */
  gboolean         selection_mode;
  guint            count_source;    /* counting the events selected, at idle */
  guint            n_selected;      /* events selected, each once */

  AdwLeaflet      *leaflet;
  GtkSearchEntry  *search_entry;
  GtkToggleButton *calendar_toggle;
  GtkToggleButton *select_toggle;
  GtkLabel        *count_label;
  GtkMenuButton   *filter_button;
  GtkDropDown     *kind_dropdown;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *organization_dropdown;
  GtkCalendar     *calendar;
  GtkStack        *stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView     *list_view;
  GtkActionBar    *selection_bar;
  GtkLabel        *selected_label;
  GtkWidget       *editor_pane;
  GtkButton       *back_button;
  GtkLabel        *editor_title;
  GtkStack        *editor_stack;
  TractEventEditor *editor;
};

/* tract-agenda-page.c */
gint64    tract_agenda_page_campaign_id          (TractAgendaPage *self);
char     *tract_agenda_page_today                (void);
void      tract_agenda_page_add_toast            (TractAgendaPage *self,
                                                  AdwToast        *toast);
void      tract_agenda_page_toast                (TractAgendaPage *self,
                                                  const char      *message);
void      tract_agenda_page_offer_discard        (TractAgendaPage *self);
void      tract_agenda_page_update_editor_title  (TractAgendaPage *self);
void      tract_agenda_page_show_editor          (TractAgendaPage *self);
gboolean  tract_agenda_page_open_event           (TractAgendaPage *self,
                                                  gint64           event_id,
                                                  gboolean         scroll);
char     *tract_agenda_page_calendar_day         (TractAgendaPage *self);
void      tract_agenda_page_select_calendar_day  (TractAgendaPage *self,
                                                  const char      *day);
void      tract_agenda_page_scroll_to_day        (TractAgendaPage *self,
                                                  const char      *day);
void      tract_agenda_page_scroll_to_position   (TractAgendaPage *self,
                                                  guint            position);

/* tract-agenda-page-actions.c */
void      tract_agenda_page_install_actions      (GtkWidgetClass  *widget_class);
void      tract_agenda_page_add_shortcuts        (TractAgendaPage *self);
void      tract_agenda_page_new_event_on         (TractAgendaPage *self,
                                                  const char      *day);
void      tract_agenda_page_on_calendar_pressed  (GtkGestureClick *gesture,
                                                  int              n_press,
                                                  double           x,
                                                  double           y,
                                                  TractAgendaPage *self);

/* tract-agenda-page-selection.c */
void      tract_agenda_page_install_selection    (GtkWidgetClass  *widget_class);
void      tract_agenda_page_set_selection_model  (TractAgendaPage *self);
void      tract_agenda_page_apply_selection_mode (TractAgendaPage *self);
void      tract_agenda_page_setup_selectable_row (TractAgendaPage *self,
                                                  GtkListItem     *item);
void      tract_agenda_page_toggle_selected      (TractAgendaPage *self,
                                                  guint            position);
void      tract_agenda_page_clear_selection      (TractAgendaPage *self);

G_END_DECLS
