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

G_END_DECLS
