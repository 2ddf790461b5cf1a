/* tract-agenda-query.h — the agenda's occurrences: expansion and indexed queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-recurrence.h"
#include "tract-store.h"

G_BEGIN_DECLS

/* A series never shows more than this many occurrences in the agenda. */
#define TRACT_AGENDA_MAX_OCCURRENCES 10000

/* What the agenda shows. Every field but the campaign is optional. */
typedef struct
{
  gint64      campaign_id;
  const char *kind;            /* NULL or "" for every kind */
  const char *status;          /* NULL or "" for every status */
  gint64      organization_id; /* 0 for any: else the events it takes part in */
  const char *search;          /* what the person typed, NULL or blank for none */
} TractAgendaFilter;

/* Expands the series that changed since the last call (in one
 * transaction), and every series again when time has moved the horizon of
 * endless ones. Cheap when there is nothing to do. @changed tells whether
 * any occurrence was written. */
gboolean  tract_agenda_query_sync             (TractStore              *store,
                                               gboolean                *changed,
                                               GError                 **error);
/* The same, to an explicit horizon: for tests. */
gboolean  tract_agenda_query_sync_until       (TractStore              *store,
                                               gint64                   horizon_utc,
                                               gboolean                *changed,
                                               GError                 **error);
/* At most @max_series series, in one transaction; @done tells whether
 * any is left. */
gboolean  tract_agenda_query_sync_some        (TractStore              *store,
                                               guint                    max_series,
                                               gboolean                *changed,
                                               gboolean                *done,
                                               GError                 **error);
/* The horizon of the occurrences written, 0 before the first sync. */
gint64    tract_agenda_query_get_horizon      (TractStore              *store);

/* The occurrences the agenda keeps for @event, in order: those starting up
 * to @horizon_utc (endless rules) and at most TRACT_AGENDA_MAX_OCCURRENCES.
 * Returns: (transfer full) (element-type TractOccurrence) */
GArray   *tract_agenda_query_expand           (TractRecord             *event,
                                               gint64                   horizon_utc);

/* Bit d (1–31) is set when an occurrence shown by @filter takes place on
 * day d of @month (1–12) of @year, first to last day included. */
guint32   tract_agenda_query_days_with_events (TractStore              *store,
                                               const TractAgendaFilter *filter,
                                               int                      year,
                                               int                      month,
                                               GError                 **error);
/* How many occurrences @filter shows, in all, and before @day ("YYYY-MM-DD"):
 * the position of the first one on or after that day. */
guint     tract_agenda_query_count            (TractStore              *store,
                                               const TractAgendaFilter *filter);
guint     tract_agenda_query_count_before_day (TractStore              *store,
                                               const TractAgendaFilter *filter,
                                               const char              *day);

G_END_DECLS
