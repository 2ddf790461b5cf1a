/* bench-agenda.c — the agenda's model with many events (issue 4)
 *
 *   build/tests/bench/tract-bench-generate /tmp/agenda.db 100000
 *   build/tests/bench/agenda/bench-agenda /tmp/agenda.db
 *
 * Measures, on the campaign with the most events, at the model level
 * (what the agenda page asks of it): the first expansion of the repeating
 * events after the generator wrote them, opening the agenda on today,
 * jumping to a month (position of its first day, the calendar's marks, a
 * screenful of rows), each keystroke of a search, the filters, an edit of
 * one event, and the peak RSS. Not run by `meson test`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tract-agenda-list.h"
#include "tract-store-private.h"

#define SCREENFUL 30

static double
ms_since (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

static void
read_screenful (GListModel *model,
                guint       position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = position; i < MIN (n, position + SCREENFUL); i++)
    {
      g_autoptr(TractRecord) event = g_list_model_get_item (model, i);

      g_assert (event != NULL);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_series (const char *label,
              GArray     *times)
{
  double sum = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("%-44s median %7.2f ms   max %7.2f ms   mean %7.2f ms  (%u runs)\n", label,
           g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
           sum / times->len, times->len);
}

static gint64
biggest_campaign (TractStore *store,
                  gint64     *n_events)
{
  sqlite3_stmt *stmt = tract_store_prepare (store,
                                            "SELECT campaign_id, count(*) AS n FROM event GROUP BY campaign_id"
                                            " ORDER BY n DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *n_events = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const typed[] = { "Place de la République", "Événement 4242", "commune chants" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractAgendaList) list = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *status = NULL;
  GListModel *model;
  gint64 started, campaign_id, n_events = 0;
  gboolean changed = FALSE;
  double ms;

  /* As the application does (see main.c). */
  tract_store_keep_freed_memory ();
  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE (made by tract-bench-generate)\n", argv[0]);
      return 2;
    }

  started = g_get_monotonic_time ();
  store = tract_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("open the store                               %7.2f ms\n", ms_since (started));
  campaign_id = biggest_campaign (store, &n_events);
  g_print ("campaign %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " events of %" G_GINT64_FORMAT " in the file\n",
           campaign_id, n_events, tract_store_count (store, TRACT_TYPE_EVENT, NULL, 0));

  started = g_get_monotonic_time ();
  if (!tract_agenda_query_sync (store, &changed, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("expand the repeating events (once per file) %7.2f ms%s\n", ms_since (started),
           changed ? "" : "  (already done)");

  /* Opening: the list, the position of today, a screenful there, the marks of this month. */
  for (int run = 0; run < 10; run++)
    {
      g_clear_object (&list);
      started = g_get_monotonic_time ();
      list = tract_agenda_list_new (store, campaign_id);
      model = G_LIST_MODEL (list);
      read_screenful (model, tract_agenda_list_get_day_position (list, today));
      tract_agenda_list_get_days_with_events (list, g_date_time_get_year (now), g_date_time_get_month (now));
      ms = ms_since (started);
      g_array_append_val (times, ms);
    }
  model = G_LIST_MODEL (list);
  g_print ("%u occurrences in the agenda\n", g_list_model_get_n_items (model));
  print_series ("open the agenda on today", times);

  /* The generator puts its repeating events in the other campaigns. */
  {
    sqlite3_stmt *stmt = tract_store_prepare (store, "SELECT campaign_id FROM event WHERE rrule <> '' LIMIT 1", NULL);
    gint64 repeating = 0;

    if (sqlite3_step (stmt) == SQLITE_ROW)
      repeating = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
    if (repeating != 0)
      {
        g_autoptr(TractAgendaList) other = NULL;

        g_array_set_size (times, 0);
        for (int run = 0; run < 10; run++)
          {
            g_clear_object (&other);
            started = g_get_monotonic_time ();
            other = tract_agenda_list_new (store, repeating);
            read_screenful (G_LIST_MODEL (other), tract_agenda_list_get_day_position (other, today));
            ms = ms_since (started);
            g_array_append_val (times, ms);
          }
        g_print ("campaign %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " events, %u occurrences\n", repeating,
                 tract_store_count (store, TRACT_TYPE_EVENT, "campaign_id", repeating),
                 g_list_model_get_n_items (G_LIST_MODEL (other)));
        print_series ("open an agenda with repeating events", times);
      }
  }

  /* Jumping to each month of six years. */
  g_array_set_size (times, 0);
  for (int year = 2016; year < 2022; year++)
    for (int month = 1; month <= 12; month++)
      {
        g_autofree char *day = g_strdup_printf ("%04d-%02d-01", year, month);

        started = g_get_monotonic_time ();
        tract_agenda_list_get_days_with_events (list, year, month);
        read_screenful (model, tract_agenda_list_get_day_position (list, day));
        ms = ms_since (started);
        g_array_append_val (times, ms);
      }
  print_series ("jump to a month (marks, position, rows)", times);

  /* The search entry takes the focus: the list reads what a search
   * needs (what the first keystroke would otherwise pay). */
  g_array_set_size (times, 0);
  started = g_get_monotonic_time ();
  tract_agenda_list_prepare_search (list);
  ms = ms_since (started);
  g_array_append_val (times, ms);
  print_series ("prepare the search (the entry's focus)", times);

  /* Search as you type, one keystroke at a time. */
  for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
    {
      g_autofree char *label = g_strdup_printf ("search keystroke, “%s”", typed[t]);
      const char *end = typed[t];

      g_array_set_size (times, 0);
      while (*end != '\0')
        {
          g_autofree char *prefix = NULL;

          end = g_utf8_next_char (end);
          prefix = g_strndup (typed[t], (gsize) (end - typed[t]));
          started = g_get_monotonic_time ();
          tract_agenda_list_set_search (list, prefix);
          read_screenful (model, 0);
          ms = ms_since (started);
          g_array_append_val (times, ms);
        }
      print_series (label, times);
      g_print ("    → %u occurrences found\n", g_list_model_get_n_items (model));
    }
  tract_agenda_list_set_search (list, NULL);

  /* Filters. */
  g_array_set_size (times, 0);
  for (int run = 0; run < 5; run++)
    {
      started = g_get_monotonic_time ();
      tract_agenda_list_set_kind (list, run % 2 ? "panel" : "rally");
      read_screenful (model, tract_agenda_list_get_day_position (list, today));
      ms = ms_since (started);
      g_array_append_val (times, ms);
      started = g_get_monotonic_time ();
      tract_agenda_list_set_status (list, run % 2 ? "cancelled" : "tentative");
      read_screenful (model, tract_agenda_list_get_day_position (list, today));
      ms = ms_since (started);
      g_array_append_val (times, ms);
      started = g_get_monotonic_time ();
      tract_agenda_list_set_kind (list, NULL);
      tract_agenda_list_set_status (list, NULL);
      tract_agenda_list_set_organization (list, 1 + run);
      read_screenful (model, 0);
      ms = ms_since (started);
      g_array_append_val (times, ms);
      tract_agenda_list_set_organization (list, 0);
    }
  print_series ("a filter (kind, status or organization)", times);

  /* An edit, as the editor saves it: one update, the list follows. */
  g_array_set_size (times, 0);
  for (int run = 0; run < 10; run++)
    {
      guint position = tract_agenda_list_get_day_position (list, "2019-06-01") + (guint) run;
      g_autoptr(TractRecord) item = g_list_model_get_item (model, position);
      g_autoptr(TractRecord) event = tract_store_load (store, TRACT_TYPE_EVENT, tract_record_get_id (item), NULL);
      g_autofree char *title = g_strdup_printf ("%s !", tract_record_get_text (event, "title"));

      read_screenful (model, position);
      started = g_get_monotonic_time ();
      tract_record_set_text (event, "title", title);
      if (!tract_store_update (store, event, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      read_screenful (model, position);
      ms = ms_since (started);
      g_array_append_val (times, ms);
    }
  print_series ("save an edited event, the list follows", times);

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && strstr (status, "VmHWM:") != NULL)
    g_print ("peak RSS                                     %7.1f MB\n",
             g_ascii_strtoll (strstr (status, "VmHWM:") + 6, NULL, 10) / 1024.0);
  return 0;
}
