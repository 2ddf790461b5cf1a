/* tract-application.h — the application: actions, windows, the open store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRACT_TYPE_APPLICATION (tract_application_get_type ())

G_DECLARE_FINAL_TYPE (TractApplication, tract_application, TRACT, APPLICATION, AdwApplication)

/* @database_path: (nullable): the database to open, %NULL for the default one */
TractApplication *tract_application_new (const char *database_path);

G_END_DECLS
