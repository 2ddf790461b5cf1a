/* tract-window-bench.c — start-up figures for tests/bench/run-window-bench
 *
 * With TRACT_BENCH set, the window prints the wall-clock time of its first
 * painted frame, then shows each page in turn and prints how long each took
 * to paint, then its peak RSS, and closes. Nothing of this runs otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-window-bench.h"

static const char * const pages[] = { "organizations", "statements", "agenda" };

typedef struct
{
  GtkWindow *window;
  guint      next_page;
  gint64     switched_at;
} Bench;

static void
print_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmHWM:")) != NULL)
    g_print ("peak-rss-kb %" G_GINT64_FORMAT "\n", g_ascii_strtoll (line + 6, NULL, 10));
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_real_time ();

  if (bench->switched_at == 0)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", now);
  else
    g_print ("page-%s %" G_GINT64_FORMAT "\n", pages[bench->next_page - 1], now - bench->switched_at);

  if (bench->next_page == G_N_ELEMENTS (pages))
    {
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);
      print_peak_rss ();
      gtk_window_close (bench->window);
      g_free (bench);
      return;
    }

  bench->switched_at = g_get_real_time ();
  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-page", "s", pages[bench->next_page++]);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static void
on_map (GtkWidget *widget,
        Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), bench);
  g_signal_handlers_disconnect_by_func (widget, on_map, bench);
}

void
tract_window_bench_start (GtkWindow *window)
{
  Bench *bench = g_new0 (Bench, 1);

  bench->window = window;
  g_signal_connect (window, "map", G_CALLBACK (on_map), bench);
}
