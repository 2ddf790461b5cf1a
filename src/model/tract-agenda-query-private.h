/* tract-agenda-query-private.h — what the agenda list shares with its queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tract-agenda-query.h"

G_BEGIN_DECLS

/* Prepares "@head WHERE <the filter's conditions on o, the occurrence>@tail"
 * and binds the filter's values; @next_index is then the index of the
 * first parameter of @tail. The statement is the store's cached one. */
sqlite3_stmt *tract_agenda_query_prepare      (TractStore              *store,
                                               const TractAgendaFilter *filter,
                                               const char              *head,
                                               const char              *tail,
                                               int                     *next_index,
                                               GError                 **error);
/* Whether @event passes the filter's conditions on its own columns
 * (campaign, kind, status); search and organization need SQLite. */
gboolean      tract_agenda_filter_matches     (const TractAgendaFilter *filter,
                                               TractRecord             *event);
gboolean      tract_agenda_filter_needs_sql   (const TractAgendaFilter *filter);
/* The last day an occurrence covers, as the schema computes it. */
void          tract_agenda_occurrence_last_day (const TractOccurrence  *occurrence,
                                                gboolean                all_day,
                                                char                    last_day[11]);

G_END_DECLS
