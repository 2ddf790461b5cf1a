/* tract-statement-row.h — one statement of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-statement.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_STATEMENT_ROW (tract_statement_row_get_type ())

G_DECLARE_FINAL_TYPE (TractStatementRow, tract_statement_row, TRACT, STATEMENT_ROW, GtkWidget)

GtkWidget      *tract_statement_row_new           (void);
TractStatement *tract_statement_row_get_statement (TractStatementRow *self);
void            tract_statement_row_set_statement (TractStatementRow *self,
                                                   TractStore        *store,
                                                   TractStatement    *statement);

G_END_DECLS
