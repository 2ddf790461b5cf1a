/* tract-ical-occurrences.h — the dates a repeating event happens on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-event.h"
#include "tract-ical.h"

G_BEGIN_DECLS

typedef struct
{
  /* Timed events: instants. All-day events: midnight UTC of the first day
   * and of the day after the last, as keys for the dates. */
  gint64 start_utc;
  gint64 end_utc;
} TractIcalOccurrence;

/* The occurrences of @event (one for an event that does not repeat) that
 * overlap [@from_utc, @to_utc), at most @max_occurrences of them, in order;
 * exceptions left out. Each lasts as long as the event itself. */
GArray *tract_ical_event_occurrences (TractEvent  *event,
                                      gint64       from_utc,
                                      gint64       to_utc,
                                      guint        max_occurrences,
                                      GError     **error);

G_END_DECLS
