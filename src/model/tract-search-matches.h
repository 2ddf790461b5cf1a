/* tract-search-matches.h — the rows a full-text search matches, probed in C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tract-store.h"

G_BEGIN_DECLS

typedef struct _TractSearchMatches TractSearchMatches;

/* The condition to put in a WHERE clause, then bind its parameter with
 * tract_search_matches_bind(): TRACT_SEARCH_MATCHES_SQL ("o.event_id"). */
#define TRACT_SEARCH_MATCHES_SQL(id_column) "tract_search_match (?, " id_column ")"

gboolean                  tract_search_matches_install (TractStore            *store,
                                                        GError               **error);
const TractSearchMatches *tract_search_matches_get  (TractStore               *store,
                                                     const char               *search_table,
                                                     const char               *query,
                                                     GError                  **error);
gboolean                  tract_search_matches_contains (const TractSearchMatches *matches,
                                                         gint64                    id);
void                      tract_search_matches_select (const TractSearchMatches *matches,
                                                       const gint64             *ids,
                                                       guint                     n_ids,
                                                       gsize                     stride,
                                                       GArray                   *positions);
void                      tract_search_matches_bind (const TractSearchMatches *matches,
                                                     sqlite3_stmt             *stmt,
                                                     int                       index);

G_END_DECLS
