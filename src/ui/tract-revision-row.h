/* tract-revision-row.h — one saved revision of a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-statement-revision.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_REVISION_ROW (tract_revision_row_get_type ())

G_DECLARE_FINAL_TYPE (TractRevisionRow, tract_revision_row, TRACT, REVISION_ROW, AdwActionRow)

GtkWidget              *tract_revision_row_new          (TractStore             *store,
                                                         TractStatementRevision *revision);
TractStatementRevision *tract_revision_row_get_revision (TractRevisionRow       *self);
/* "24 November 2026 at 22:10", in local time. */
char                   *tract_revision_format_time      (const char             *created_utc);

G_END_DECLS
