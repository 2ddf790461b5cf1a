/* tract-record-row.h — a row that names a record and opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_RECORD_ROW (tract_record_row_get_type ())

G_DECLARE_FINAL_TYPE (TractRecordRow, tract_record_row, TRACT, RECORD_ROW, AdwActionRow)

GtkWidget   *tract_record_row_new        (TractRecord    *record,
                                          const char     *title,
                                          const char     *subtitle);
TractRecord *tract_record_row_get_record (TractRecordRow *self);

G_END_DECLS
