/* tract-statement-revision.h — an immutable snapshot of a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_STATEMENT_REVISION (tract_statement_revision_get_type ())

G_DECLARE_FINAL_TYPE (TractStatementRevision, tract_statement_revision, TRACT, STATEMENT_REVISION, TractRecord)

TractStatementRevision *tract_statement_revision_new (gint64      statement_id,
                                                     gint64      number,
                                                     const char *title,
                                                     const char *body,
                                                     const char *note);


G_END_DECLS
