/* tract-print-agenda.h — Print Agenda…: the campaign's programme through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-window.h"

G_BEGIN_DECLS

/* Loads the window's campaign's agenda in a worker thread, then runs the
 * print dialog with its preview. Test hook: with TRACT_TEST_PRINT_PATH set,
 * the agenda is exported through the same print operation to that PDF,
 * without a dialog. */
void tract_print_agenda (TractWindow *window);

G_END_DECLS
