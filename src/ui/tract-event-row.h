/* tract-event-row.h — one event in the agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-event.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT_ROW (tract_event_row_get_type ())

G_DECLARE_FINAL_TYPE (TractEventRow, tract_event_row, TRACT, EVENT_ROW, GtkWidget)

GtkWidget  *tract_event_row_new       (void);
TractEvent *tract_event_row_get_event (TractEventRow *self);
void        tract_event_row_set_event (TractEventRow *self,
                                       TractEvent    *event,
                                       const char    *campaign_time_zone);
void        tract_event_row_set_day   (TractEventRow *self,
                                       const char    *day);

G_END_DECLS
