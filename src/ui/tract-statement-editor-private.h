/* tract-statement-editor-private.h — what the editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-statement-editor.h"

G_BEGIN_DECLS

/* tract-statement-editor-export.c: the editor.export action. */
void tract_statement_editor_export (TractStatementEditor *self,
                                    TractStore           *store,
                                    gint64                statement_id,
                                    const char           *format);

G_END_DECLS
