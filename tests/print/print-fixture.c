/* print-fixture.c — a database of events that test what a flyer survives
 *
 *   print-fixture DATABASE [N_EXTRA_EVENTS]
 *
 * The sample campaign, plus events with fixed UIDs: a 200-character title,
 * a 5,000-character description with a URL and a PNG picture, a JPEG
 * picture, Arabic and Turkish text, a cancelled and a tentative event, one
 * in another time zone, one over two days. With N_EXTRA_EVENTS, that many
 * more events in the sample campaign, for the benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <stdlib.h>

#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-image.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-store.h"

#define URL "https://vivelacommune.example.org/agenda/2021-05-29-week-end"

static const char long_title[] =
  "Grande assemblée populaire, ouverte à toutes et à tous, pour préparer ensemble le week-end "
  "de célébration de la Commune de Paris avec les délégations de l’ICOR, et pour décider des suites";

static TractOrganization *
find_organization (TractStore *store,
                   const char *acronym)
{
  TractOrganization *organization = tract_store_find (store, TRACT_TYPE_ORGANIZATION, "acronym", acronym);

  g_assert (organization != NULL);
  return organization;
}

static TractEvent *
add_event (TractStore *store,
           gint64      campaign_id,
           const char *uid,
           const char *title,
           const char *kind,
           const char *start,
           const char *end,
           const char *first_key,
           ...)
{
  g_autoptr(GError) error = NULL;
  TractEvent *event;
  const char *key;
  va_list args;

  if (strlen (start) == 10)
    event = tract_event_new_all_day (campaign_id, title, start, end, "Europe/Paris");
  else
    event = tract_event_new_timed (campaign_id, title, start, end, "Europe/Paris");
  tract_record_set_text (TRACT_RECORD (event), "uid", uid);
  tract_record_set_text (TRACT_RECORD (event), "kind", kind);

  va_start (args, first_key);
  for (key = first_key; key != NULL; key = va_arg (args, const char *))
    tract_record_set_text (TRACT_RECORD (event), key, va_arg (args, const char *));
  va_end (args);

  if (!tract_store_insert (store, TRACT_RECORD (event), &error))
    g_error ("%s: %s", uid, error->message);
  return event;
}

static void
link_organizations (TractStore *store,
                    TractEvent *event,
                    const char *role,
                    const char *acronyms)
{
  g_auto(GStrv) list = g_strsplit (acronyms, " ", 0);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TractOrganization) organization = find_organization (store, list[i]);
      g_autoptr(TractEventOrganization) link =
        tract_event_organization_new (tract_record_get_id (TRACT_RECORD (event)),
                                      tract_record_get_id (TRACT_RECORD (organization)), role);

      tract_record_set_integer (TRACT_RECORD (link), "position", i);
      if (!tract_store_insert (store, TRACT_RECORD (link), &error))
        g_error ("%s", error->message);
    }
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A wide banner in the Commune's colours: its shape shows any distortion. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.74, 0.11, 0.13);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0.85, 0.2);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) * 0.35, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x1c4a8cff);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "85", NULL))
    g_error ("%s", error->message);
  return g_bytes_new_take (buffer, length);
}

static void
set_image (TractStore *store,
           TractEvent *event,
           GBytes     *data)
{
  g_autoptr(GError) error = NULL;

  if (!tract_event_image_set (store, tract_record_get_id (TRACT_RECORD (event)), data, &error))
    g_error ("%s", error->message);
}

/* Benchmark events: spread over a year, some days with several. */
static gboolean
add_bench_events (TractStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  static const char * const kinds[] = { "rally", "demonstration", "panel", "commemoration",
                                        "celebration", "meeting", "other" };
  guint n_extra = *(guint *) user_data;
  g_autoptr(TractCampaign) campaign = tract_store_find (store, TRACT_TYPE_CAMPAIGN, "name",
                                                        TRACT_DEMO_CAMPAIGN_NAME);
  g_autoptr(GDateTime) first_day = g_date_time_new_utc (2022, 1, 1, 0, 0, 0);
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (campaign));

  for (guint i = 0; i < n_extra; i++)
    {
      g_autofree char *uid = g_strdup_printf ("bench-%05u", i);
      g_autofree char *title = g_strdup_printf ("Réunion publique n° %u sur les leçons de la Commune", i + 1);
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, (int) (i * 365 / n_extra));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *start = g_strdup_printf ("%sT%02u:00", date, 9 + i % 10);
      g_autofree char *end = g_strdup_printf ("%sT%02u:30", date, 10 + i % 10);
      g_autoptr(TractEvent) event = add_event (store, campaign_id, uid, title, kinds[i % G_N_ELEMENTS (kinds)],
                                               start, end, "location_name", "Maison des syndicats",
                                               "address", "12 rue de la Commune, 75020 Paris",
                                               "description", "Débat ouvert, suivi d’un verre de l’amitié. "
                                               "Entrée libre, venez nombreuses et nombreux.",
                                               NULL);

      link_organizations (store, event, "organizer", i % 2 ? "UPML UC" : "ACTIT BIR-KAR SKB");
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  gint64 campaign_id;
  guint n_extra = argc > 2 ? (guint) atoi (argv[2]) : 0;

  if (argc < 2)
    {
      g_printerr ("usage: print-fixture DATABASE [N_EXTRA_EVENTS]\n");
      return 2;
    }

  store = tract_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  campaign = tract_demo_add (store, &error);
  if (campaign == NULL)
    g_error ("%s", error->message);
  campaign_id = tract_record_get_id (TRACT_RECORD (campaign));

  /* Already there: the fixture is idempotent like the sample campaign. */
  {
    g_autoptr(TractEvent) existing = tract_store_find (store, TRACT_TYPE_EVENT, "uid", "print-long");

    if (existing != NULL)
      return 0;
  }

  while (description->len < 5000)
    g_string_append (description, "La Commune de Paris proclame la séparation de l’Église et de l’État, "
                                  "l’école gratuite et laïque, le moratoire des loyers et l’égalité des "
                                  "salaires des institutrices et des instituteurs. ");
  g_string_truncate (description, 5000);
  while ((description->str[description->len - 1] & 0xc0) == 0x80)
    g_string_truncate (description, description->len - 1);
  g_string_append (description, "FIN");

  {
    g_autoptr(TractEvent) event = add_event (store, campaign_id, "print-long", long_title, "meeting",
                                             "2021-05-15T18:30", "2021-05-15T21:00",
                                             "location_name", "Bourse du travail, grande salle Ambroise-Croizat",
                                             "address", "3 rue du Château-d’Eau, 75010 Paris",
                                             "description", description->str,
                                             "url", URL,
                                             "private_notes", "SECRET-NOTE-NEVER-PRINTED",
                                             NULL);
    g_autoptr(GBytes) png = make_png (1200, 400);

    link_organizations (store, event, "organizer", "ACTIT BIR-KAR CSP NPCH UPC-Manidem UPML SKB UC");
    set_image (store, event, png);
  }
  {
    g_autoptr(TractEvent) event = add_event (store, campaign_id, "print-image", "Fête de la Commune",
                                             "celebration", "2021-05-22T16:00", "2021-05-22T23:00",
                                             "location_name", "Parc de Belleville",
                                             "description", "Musique, banquet populaire et prises de parole.",
                                             "url", "https://vivelacommune.example.org/fete",
                                             NULL);
    g_autoptr(GBytes) jpeg = make_jpeg (600, 800);

    link_organizations (store, event, "organizer", "UC UPML");
    link_organizations (store, event, "partner", "CSP");
    set_image (store, event, jpeg);
  }
  {
    g_autoptr(TractEvent) event = add_event (store, campaign_id, "print-arabic",
                                             "تجمع تضامني مع العمال المهاجرين", "rally",
                                             "2021-05-16T15:00", "2021-05-16T17:00",
                                             "location_name", "ساحة الجمهورية",
                                             "address", "Place de la République, 75011 Paris",
                                             "description", "كومونة باريس حية! ندعو جميع المنظمات إلى المشاركة.",
                                             NULL);

    link_organizations (store, event, "organizer", "ACTIT");
  }
  {
    g_autoptr(TractEvent) event = add_event (store, campaign_id, "print-turkish",
                                             "İşçi göçmenlerle dayanışma mitingi: Paris Komünü yaşıyor!",
                                             "rally", "2021-05-18T19:00", "2021-05-18T21:00",
                                             "location_name", "Kültür Merkezi, Strasbourg-Saint-Denis",
                                             "description", "Çağrı: Türkiye’den gelen işçilerin derneği ACTIT; "
                                             "ığdır, şişli, güneşli — ğüşıöç ĞÜŞİÖÇ.",
                                             NULL);

    link_organizations (store, event, "organizer", "ACTIT BIR-KAR");
  }
  {
    g_autoptr(TractEvent) event = add_event (store, campaign_id, "print-cancelled", "Projection-débat annulée",
                                             "panel", "2021-05-12T19:00", "2021-05-12T22:00",
                                             "status", "cancelled", "location_name", "Cinéma La Clef", NULL);
    g_autoptr(TractEvent) tentative = add_event (store, campaign_id, "print-tentative", "Réunion des délégations",
                                                 "meeting", "2021-05-28T10:00", "2021-05-28T12:00",
                                                 "status", "tentative", NULL);
    g_autoptr(TractEvent) zoned = add_event (store, campaign_id, "print-zone", "Rassemblement à Istanbul",
                                             "rally", "2021-05-23T12:00", "2021-05-23T14:00",
                                             "time_zone", "Europe/Istanbul", "location_name", "Kadıköy", NULL);
    g_autoptr(TractEvent) overnight = add_event (store, campaign_id, "print-overnight", "Nuit des barricades",
                                                 "commemoration", "2021-05-21T20:00", "2021-05-22T06:00",
                                                 "location_name", "Butte-aux-Cailles", NULL);
  }

  /* One transaction: a thousand fsyncs would time the disk, not Tract. */
  if (n_extra > 0 && !tract_store_run (store, add_bench_events, &n_extra, &error))
    g_error ("%s", error->message);
  return 0;
}
