/* tract-statement-editor.h — one statement: its text, signatures and revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_STATEMENT_EDITOR (tract_statement_editor_get_type ())

G_DECLARE_FINAL_TYPE (TractStatementEditor, tract_statement_editor, TRACT, STATEMENT_EDITOR, GtkWidget)

GtkWidget *tract_statement_editor_new              (void);
void       tract_statement_editor_set_statement    (TractStatementEditor *self,
                                                    TractStore           *store,
                                                    gint64                statement_id);
gint64     tract_statement_editor_get_statement_id (TractStatementEditor *self);
/* Saves what was typed and not saved yet; FALSE if a field could not be. */
gboolean   tract_statement_editor_flush            (TractStatementEditor *self);
void       tract_statement_editor_set_show_back    (TractStatementEditor *self,
                                                    gboolean              show_back);
void       tract_statement_editor_focus_title      (TractStatementEditor *self);

G_END_DECLS
