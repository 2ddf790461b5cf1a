/* tract-store-private.h — what the model's own classes share with the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tract-store.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and unbound, ready to bind. Finish
 * stepping it before preparing the same SQL again. */
sqlite3_stmt *tract_store_prepare        (TractStore    *self,
                                          const char    *sql,
                                          GError       **error);
sqlite3      *tract_store_get_connection (TractStore    *self);
gboolean      tract_store_set_sqlite_error (TractStore  *self,
                                            int          status,
                                            TractRecord *record,
                                            GError     **error);
/* What this connection has seen of the database: its own writes,
 * committed or not, and other connections' commits. Equal stamps mean
 * nothing changed in between. */
typedef struct
{
  sqlite3_int64 total_changes;
  sqlite3_int64 data_version;
} TractChangeStamp;

gboolean      tract_store_read_change_stamp (TractStore       *self,
                                             TractChangeStamp *stamp,
                                             GError          **error);

/* Steps a bound statement to its end, collecting its first column as
 * integers; resets it. */
GArray       *tract_store_step_integers   (TractStore    *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);

/* "id, col1, col2, …" for a record type. */
const char   *tract_store_get_column_list (TractStore   *self,
                                           GType         type);
void          tract_store_read_row        (TractRecord  *record,
                                           sqlite3_stmt *stmt,
                                           int           first_column);
void          tract_store_bind_value      (sqlite3_stmt      *stmt,
                                           int                index,
                                           const TractColumn *column,
                                           const GValue      *value);

char         *tract_store_now_utc         (void);

G_END_DECLS
