/* tract-cli.h — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tract_cli_wants                (int     argc,
                                         char  **argv);
int      tract_cli_run                  (int     argc,
                                         char  **argv);
gboolean tract_cli_parse_window_options (int     argc,
                                         char  **argv,
                                         char  **database,
                                         int    *exit_status);

G_END_DECLS
