/* tract-event.h — a rally, demonstration, panel… of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT (tract_event_get_type ())

G_DECLARE_FINAL_TYPE (TractEvent, tract_event, TRACT, EVENT, TractRecord)

TractEvent *tract_event_new_timed   (gint64      campaign_id,
                                  const char *title,
                                  const char *start_local,
                                  const char *end_local,
                                  const char *time_zone);
TractEvent *tract_event_new_all_day (gint64      campaign_id,
                                  const char *title,
                                  const char *first_day,
                                  const char *last_day,
                                  const char *time_zone);
const char *tract_event_get_uid     (TractEvent *self);
const char *tract_event_get_title   (TractEvent *self);
gboolean    tract_event_get_all_day (TractEvent *self);
gint64      tract_event_get_start_utc (TractEvent *self);
gint64      tract_event_get_end_utc   (TractEvent *self);
gint64      tract_event_get_sequence  (TractEvent *self);
G_END_DECLS
