/* tract-agenda-list.h — a campaign's occurrences, day by day, lazily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-agenda-query.h"
#include "tract-event.h"

G_BEGIN_DECLS

#define TRACT_TYPE_AGENDA_LIST (tract_agenda_list_get_type ())

G_DECLARE_FINAL_TYPE (TractAgendaList, tract_agenda_list, TRACT, AGENDA_LIST, GObject)

/* Items are TractEvents, one per occurrence: the event's record with the
 * times of that occurrence (start_local, end_local, start_utc, end_utc).
 * Its local day is the first ten characters of start_local. Open an item
 * in an editor by loading its id from the store. */
TractAgendaList         *tract_agenda_list_new                  (TractStore      *store,
                                                                 gint64           campaign_id);
void                     tract_agenda_list_set_campaign         (TractAgendaList *self,
                                                                 gint64           campaign_id);
void                     tract_agenda_list_set_kind             (TractAgendaList *self,
                                                                 const char      *kind);
void                     tract_agenda_list_set_status           (TractAgendaList *self,
                                                                 const char      *status);
void                     tract_agenda_list_set_organization     (TractAgendaList *self,
                                                                 gint64           organization_id);
void                     tract_agenda_list_set_search           (TractAgendaList *self,
                                                                 const char      *text);
void                     tract_agenda_list_prepare_search       (TractAgendaList *self);
const TractAgendaFilter *tract_agenda_list_get_filter           (TractAgendaList *self);

/* The position of the first occurrence on or after @day ("YYYY-MM-DD"). */
guint                    tract_agenda_list_get_day_position     (TractAgendaList *self,
                                                                 const char      *day);
guint32                  tract_agenda_list_get_days_with_events (TractAgendaList *self,
                                                                 int              year,
                                                                 int              month);
/* Where the list shows @event_id: its first occurrence on or after @day,
 * or its last one before. FALSE when the list does not show it. */
gboolean                 tract_agenda_list_find_event           (TractAgendaList *self,
                                                                 gint64           event_id,
                                                                 const char      *day,
                                                                 guint           *position);
/* The events of the occurrences at positions @first to @first + @n_items - 1,
 * in order, into @ids, read with one query from the index alone (no row is
 * loaded): what a selection of positions resolves to. Returns how many
 * were written, fewer than @n_items past the end of the list. */
guint                    tract_agenda_list_get_event_ids        (TractAgendaList *self,
                                                                 guint            first,
                                                                 guint            n_items,
                                                                 gint64          *ids);
/* How many items the list holds in memory: for tests of laziness. */
guint                    tract_agenda_list_get_n_loaded         (TractAgendaList *self);

G_END_DECLS
