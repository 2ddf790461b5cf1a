/* bench-print.c — how fast the print layer renders, in the process
 *
 *   bench-print DATABASE OUTPUT_DIRECTORY
 *
 * DATABASE holds the sample campaign with about 1,000 more events (made
 * by tests/print/print-fixture DATABASE 1000). Prints, one per line:
 * the first flyer PDF (fonts and catalogue loaded cold), the median of
 * twenty more, the agenda of the whole campaign (loading, paginating and
 * writing), and the peak resident memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <sys/resource.h>

#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-print.h"

#define N_RUNS 20

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
render_flyer (TractStore *store,
              const char *uid,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(TractEvent) event = tract_store_find (store, TRACT_TYPE_EVENT, "uid", uid);
  g_autoptr(TractFlyer) flyer = NULL;

  g_assert (event != NULL);
  flyer = tract_flyer_new (store, event, &error);
  if (flyer == NULL || !tract_flyer_set_language (flyer, "fr", &error) || !tract_flyer_write_pdf (flyer, path, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(TractAgenda) agenda = NULL;
  g_autofree char *flyer_path = NULL;
  g_autofree char *agenda_path = NULL;
  double runs[N_RUNS];
  double cold, load_ms, write_ms;
  struct rusage usage;
  gint64 start;
  guint n_pages;

  if (argc != 3)
    {
      g_printerr ("usage: bench-print DATABASE OUTPUT_DIRECTORY\n");
      return 2;
    }
  flyer_path = g_build_filename (argv[2], "bench-flyer.pdf", NULL);
  agenda_path = g_build_filename (argv[2], "bench-agenda.pdf", NULL);

  store = tract_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  campaign = tract_store_find (store, TRACT_TYPE_CAMPAIGN, "name", TRACT_DEMO_CAMPAIGN_NAME);
  g_assert (campaign != NULL);

  /* The long fixture event: picture, QR code, nine organizers, 5,000 characters. */
  cold = render_flyer (store, "print-long", flyer_path);
  for (guint i = 0; i < N_RUNS; i++)
    runs[i] = render_flyer (store, i % 2 ? "print-long" : "9d2f4c6a-1b3e-4f5a-8c7d-0e9b1a2c2930", flyer_path);
  qsort (runs, N_RUNS, sizeof runs[0], compare_doubles);

  start = g_get_monotonic_time ();
  agenda = tract_agenda_new (store, tract_record_get_id (TRACT_RECORD (campaign)), NULL, NULL, NULL, &error);
  if (agenda == NULL || !tract_agenda_set_language (agenda, "fr", &error))
    g_error ("%s", error->message);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  if (!tract_agenda_write_pdf (agenda, agenda_path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  write_ms = (g_get_monotonic_time () - start) / 1000.0;
  n_pages = tract_agenda_paginate (agenda, 595.276, 841.89);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("flyer PDF, first (cold fonts and catalogue): %.1f ms\n", cold);
  g_print ("flyer PDF, median of %d warm: %.1f ms (max %.1f ms)\n", N_RUNS, runs[N_RUNS / 2], runs[N_RUNS - 1]);
  g_print ("agenda of %u events, %u pages: load %.0f ms + paginate and write %.0f ms = %.0f ms\n",
           tract_agenda_get_n_events (agenda), n_pages, load_ms, write_ms, load_ms + write_ms);
  g_print ("peak RSS: %ld MiB\n", usage.ru_maxrss / 1024);
  return 0;
}
