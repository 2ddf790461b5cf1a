/* tract-statement.h — an appeal or statement of the collective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_STATEMENT (tract_statement_get_type ())

G_DECLARE_FINAL_TYPE (TractStatement, tract_statement, TRACT, STATEMENT, TractRecord)

TractStatement *tract_statement_new (gint64      campaign_id,
                                     const char *title,
                                     const char *language);
G_END_DECLS
