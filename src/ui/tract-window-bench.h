/* tract-window-bench.h — start-up figures for tests/bench/run-window-bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tract_window_bench_start (GtkWindow *window);

G_END_DECLS
