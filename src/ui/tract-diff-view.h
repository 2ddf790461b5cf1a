/* tract-diff-view.h — the words two texts differ by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRACT_TYPE_DIFF_VIEW (tract_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (TractDiffView, tract_diff_view, TRACT, DIFF_VIEW, GtkWidget)

GtkWidget *tract_diff_view_new       (void);
void       tract_diff_view_set_texts (TractDiffView *self,
                                      const char    *old_text,
                                      const char    *new_text);
void       tract_diff_view_clear     (TractDiffView *self,
                                      const char    *message);
/* The differences as the view shows them, markers included: for tests. */
char      *tract_diff_view_dup_text  (TractDiffView *self);

G_END_DECLS
