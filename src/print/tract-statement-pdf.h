/* tract-statement-pdf.h — a statement on A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-store.h"

G_BEGIN_DECLS

/* The statement's title, its body (its Markdown set as headings, lists,
 * strong and emphasized text) and its signatories block, on as many A4
 * pages as it takes, numbered. The file appears complete or not at all. */
gboolean tract_statement_write_pdf (TractStore    *store,
                                    gint64         statement_id,
                                    const char    *path,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
