/* tract-schema.h — the numbered migrations of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* migrations[i] brings a database from version i to version i + 1. */
const char * const *tract_schema_get_migrations (guint *n_migrations);

G_END_DECLS
