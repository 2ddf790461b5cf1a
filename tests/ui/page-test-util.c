/* page-test-util.c — for the tests that run a page in-process, in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "page-test-util.h"

void
page_test_iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_visible_child (GtkStack   *stack,
                  GParamSpec *pspec,
                  GPtrArray  *pages)
{
  g_ptr_array_add (pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
}

void
page_test_record_pages (GtkStack  *stack,
                        GPtrArray *pages)
{
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_visible_child), pages);
}

void
page_test_stop_recording_pages (GtkStack  *stack,
                                GPtrArray *pages)
{
  g_signal_handlers_disconnect_by_func (stack, on_visible_child, pages);
}
