/* tract-window-bench.c — start-up figures for tests/bench/run-window-bench
 *
 * With TRACT_BENCH set, the window prints the wall-clock time of its first
 * painted frame, then shows each page in turn and prints how long each took
 * to paint, then its peak RSS; then it types a search on the Agenda page,
 * a character at a time, and prints how long each took from the keystroke
 * to the list painted with its results; then it closes. Nothing of this
 * runs otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-agenda-page.h"
#include "tract-window.h"
#include "tract-window-bench.h"

static const char * const pages[] = { "organizations", "statements", "agenda" };
/* Every word of it is in every generated event: the most rows to find. */
static const char typed[] = "Place de la République";

typedef struct
{
  GtkWindow   *window;
  guint        next_page;
  gint64       switched_at;
  GtkEditable *search;      /* while typing */
  const char  *typed_end;   /* in typed[] */
  guint        n_typed;
  gint64       typed_at;
  gboolean     searched;
} Bench;

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_searched (GtkSearchEntry *entry,
             Bench          *bench)
{
  bench->searched = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

/* Returns: whether there was a character left to type. */
static gboolean
type_next (Bench *bench)
{
  g_autofree char *text = NULL;

  if (*bench->typed_end == '\0')
    return FALSE;
  bench->typed_end = g_utf8_next_char (bench->typed_end);
  text = g_strndup (typed, (gsize) (bench->typed_end - typed));
  bench->searched = FALSE;
  bench->typed_at = g_get_real_time ();
  gtk_editable_set_text (bench->search, text);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return TRUE;
}

static gboolean
start_typing (Bench *bench)
{
  TractAgendaPage *page = tract_window_get_agenda_page (TRACT_WINDOW (bench->window));
  GtkWidget *entry = find_search_entry (GTK_WIDGET (page));

  if (entry == NULL)
    return FALSE;
  bench->search = GTK_EDITABLE (entry);
  bench->typed_end = typed;
  /* The keystroke's own cost, not the entry's wait for the next one. */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_searched), bench);
  gtk_widget_grab_focus (entry);
  return type_next (bench);
}

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

  if (bench->search != NULL)
    {
      /* A frame painted before the search ran does not count. */
      if (!bench->searched)
        return;
      g_print ("search-%u %" G_GINT64_FORMAT "\n", bench->n_typed++, now - bench->typed_at);
      if (type_next (bench))
        return;
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);
      g_signal_handlers_disconnect_by_func (bench->search, on_searched, bench);
      gtk_window_close (bench->window);
      g_free (bench);
      return;
    }

  if (bench->switched_at == 0)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", now);
  else
    g_print ("page-%s %" G_GINT64_FORMAT "\n", pages[bench->next_page - 1], now - bench->switched_at);

  if (bench->next_page == G_N_ELEMENTS (pages))
    {
      print_peak_rss ();
      if (start_typing (bench))
        return;
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);
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
