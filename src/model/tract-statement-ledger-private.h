/* tract-statement-ledger-private.h — what the ledger's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-statement-ledger.h"
#include "tract-store-private.h"

G_BEGIN_DECLS

/* One integer from a query with up to two integer parameters; @fallback
 * when it returns no row. */
gint64                  tract_statement_ledger_query_integer          (TractStore  *store,
                                                                       const char  *sql,
                                                                       gint64       first,
                                                                       gint64       second,
                                                                       gint64       fallback,
                                                                       GError     **error);
/* "Full name (ACRONYM)", or "?" for an organization gone. */
char                   *tract_statement_ledger_dup_organization_label (TractStore  *store,
                                                                       gint64       organization_id);
/* The statement's text as its next revision, inside the caller's transaction. */
TractStatementRevision *tract_statement_ledger_save_revision_in       (TractStore  *store,
                                                                       gint64       statement_id,
                                                                       const char  *note,
                                                                       GError     **error);

G_END_DECLS
