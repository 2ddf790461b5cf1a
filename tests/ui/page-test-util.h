/* page-test-util.h — for the tests that run a page in-process, in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until it has nothing left to do now. */
void page_test_iterate_until_idle (void);
/* Adds to @pages the name of each page @stack shows from now on, until
 * page_test_stop_recording_pages(). */
void page_test_record_pages       (GtkStack  *stack,
                                   GPtrArray *pages);
void page_test_stop_recording_pages (GtkStack  *stack,
                                     GPtrArray *pages);

/* Under AddressSanitizer, keeps LeakSanitizer from reporting the block of
 * GLib's quark table that GLib abandons by design when the table grows.
 * Call first thing in main(), before the 2048th quark. */
void page_test_ignore_glib_quark_block (void);

G_END_DECLS
