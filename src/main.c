/* main.c — entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tract-application.h"
#include "tract-cli.h"
#include "tract-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TractApplication) app = NULL;
  g_autofree char *database = NULL;
  int status;

  tract_store_keep_freed_memory ();
  setlocale (LC_ALL, "");
  /* Run from a build tree, the catalogs are there rather than installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRACT_LOCALEDIR") != NULL ? g_getenv ("TRACT_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands such as "tract list events" run headless, without a display
   * or a D-Bus session: they never create the GTK application. */
  if (tract_cli_wants (argc, argv))
    return tract_cli_run (argc, argv);

  if (!tract_cli_parse_window_options (argc, argv, &database, &status))
    return status;

  app = tract_application_new (database);
  /* The options were handled above; GApplication must not see them again. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
