/* tract-record-list.h — a lazy, ordered list of rows of one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_RECORD_LIST (tract_record_list_get_type ())

G_DECLARE_FINAL_TYPE (TractRecordList, tract_record_list, TRACT, RECORD_LIST, GObject)

TractRecordList *tract_record_list_new          (TractStore      *store,
                                                 GType            record_type,
                                                 const char      *filter_column,
                                                 gint64           filter_value,
                                                 const char      *order_column);
void             tract_record_list_set_filter   (TractRecordList *self,
                                                 gint64           filter_value);
gint64           tract_record_list_get_filter   (TractRecordList *self);
guint            tract_record_list_get_position (TractRecordList *self,
                                                 TractRecord     *record);
guint            tract_record_list_get_n_loaded (TractRecordList *self);

/* Narrowing the list. Each call reloads it (one items-changed). */
void             tract_record_list_set_text_condition (TractRecordList *self,
                                                       const char      *column,
                                                       const char      *value);
void             tract_record_list_set_search   (TractRecordList *self,
                                                 const char      *text);
void             tract_record_list_set_related  (TractRecordList *self,
                                                 const char      *table,
                                                 const char      *row_column,
                                                 const char      *match_column,
                                                 gint64           value);
void             tract_record_list_set_order    (TractRecordList *self,
                                                 const char      *order_column);
const char      *tract_record_list_get_order    (TractRecordList *self);

/* The FTS5 query for what a person typed: every word, as a prefix. */
char            *tract_search_query_from_text   (const char      *text);
void             tract_list_model_replace_all   (GListModel      *model,
                                                 guint           *n_items,
                                                 guint            new_n_items,
                                                 GParamSpec      *n_items_pspec);

G_END_DECLS
