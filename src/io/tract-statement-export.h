/* tract-statement-export.h — a statement as Markdown or plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-store.h"

G_BEGIN_DECLS

typedef enum
{
  TRACT_STATEMENT_MARKDOWN,
  TRACT_STATEMENT_TEXT,
} TractStatementFormat;

/* The title, the body and the signatories block of the statement, as it
 * stands now. */
char     *tract_statement_export       (TractStore            *store,
                                        gint64                 statement_id,
                                        TractStatementFormat   format,
                                        GError               **error);
/* The same, written to @path: the file appears complete or not at all. */
gboolean  tract_statement_export_write (TractStore            *store,
                                        gint64                 statement_id,
                                        TractStatementFormat   format,
                                        const char            *path,
                                        GError               **error);

G_END_DECLS
