/* test-print.c — the print layer: languages, dates, fitting, flyers, agendas
 *
 * Needs the French catalogue: meson points TRACT_LOCALEDIR at one built
 * for the tests. The files themselves (page sizes, text, pixels, QR codes)
 * are checked from the outside by test_print.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-print.h"
#include "tract-print-private.h"

typedef struct
{
  char       *directory;
  char       *path;
  TractStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  const char *fixture_program = g_getenv ("PRINT_FIXTURE");
  const char *argv[] = { fixture_program, NULL, NULL };
  int status = 0;

  fixture->directory = g_dir_make_tmp ("tract-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "print.db", NULL);

  g_assert_nonnull (fixture_program);
  argv[1] = fixture->path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  fixture->store = tract_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->store);
  dir = g_dir_open (fixture->directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->directory, name, NULL);
      g_remove (file);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->path);
  g_free (fixture->directory);
}

static const TractPrintLanguage *
french (void)
{
  g_autoptr(GError) error = NULL;
  const TractPrintLanguage *language = tract_print_language_get ("fr", &error);

  g_assert_no_error (error);
  g_assert_nonnull (language);
  return language;
}

static const TractPrintLanguage *
english (void)
{
  return tract_print_language_get ("en", NULL);
}

/* Languages */

static void
test_languages (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = tract_print_list_languages ();

  g_assert_cmpstr (tract_print_language_translate (english (), "print month", "May"), ==, "May");
  g_assert_cmpstr (tract_print_language_translate (french (), "print month", "May"), ==, "mai");
  g_assert_cmpstr (tract_print_language_translate (french (), NULL, "not in any catalogue"), ==,
                   "not in any catalogue");

  /* A locale name finds the language's catalogue. */
  g_assert_true (tract_print_language_get ("fr_FR.UTF-8", &error) != NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (tract_print_language_get_code (tract_print_language_get ("fr_FR.UTF-8", NULL)), ==, "fr");
  g_assert_cmpstr (tract_print_language_get_code (tract_print_language_get ("en_GB", NULL)), ==, "en");

  g_assert_null (tract_print_language_get ("xx", &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_LANGUAGE);
  g_clear_error (&error);
  g_assert_null (tract_print_language_get ("../../etc", &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_LANGUAGE);

  g_assert_cmpstr (codes[0], ==, "en");
  g_assert_true (g_strv_contains ((const char * const *) codes, "fr"));

  /* The test runs with LC_ALL=C.UTF-8: English, whatever is installed. */
  g_assert_cmpstr (tract_print_language_get_code (tract_print_language_get_default ()), ==, "en");
}

static void
test_expand (void)
{
  g_autofree char *a = tract_print_expand ("{b} {a} {a}", "a", "1", "b", "2", NULL);
  g_autofree char *b = tract_print_expand ("{unknown} {a", "a", "1", NULL);
  g_autofree char *c = tract_print_expand ("%s%n{a}", "a", "%s", NULL);

  g_assert_cmpstr (a, ==, "2 1 1");
  g_assert_cmpstr (b, ==, "{unknown} {a");
  g_assert_cmpstr (c, ==, "%s%n%s");
}

/* Dates */

typedef struct
{
  gboolean    all_day;
  const char *start;
  const char *end;
  const char *french_date;
  const char *french_time;
  const char *english_date;
  const char *english_time;
} WhenCase;

static const WhenCase when_cases[] = {
  { TRUE, "2021-05-29", "2021-05-30",
    "samedi 29 et dimanche 30 mai 2021", NULL, "Saturday 29 and Sunday 30 May 2021", NULL },
  { FALSE, "2021-03-20T14:00", "2021-03-20T17:00",
    "samedi 20 mars 2021", "de 14 h à 17 h", "Saturday 20 March 2021", "2 PM – 5 PM" },
  { FALSE, "2021-05-01T14:30", "2021-05-01T18:05",
    "samedi 1er mai 2021", "de 14 h 30 à 18 h 05", "Saturday 1 May 2021", "2:30 PM – 6:05 PM" },
  { TRUE, "2021-05-08", "2021-05-08", "samedi 8 mai 2021", NULL, "Saturday 8 May 2021", NULL },
  { TRUE, "2021-05-31", "2021-06-01",
    "lundi 31 mai et mardi 1er juin 2021", NULL, "Monday 31 May and Tuesday 1 June 2021", NULL },
  { TRUE, "2021-05-24", "2021-05-28",
    "du lundi 24 au vendredi 28 mai 2021", NULL, "from Monday 24 to Friday 28 May 2021", NULL },
  { TRUE, "2021-12-31", "2022-01-01",
    "vendredi 31 décembre 2021 et samedi 1er janvier 2022", NULL,
    "Friday 31 December 2021 and Saturday 1 January 2022", NULL },
  { FALSE, "2021-05-21T20:00", "2021-05-22T06:00",
    "vendredi 21 et samedi 22 mai 2021", "de 20 h le vendredi à 6 h le samedi",
    "Friday 21 and Saturday 22 May 2021", "from 8 PM Friday to 6 AM Saturday" },
  { FALSE, "2021-05-21T20:00", "2021-05-22T00:00",
    "vendredi 21 mai 2021", "de 20 h à 0 h", "Friday 21 May 2021", "8 PM – 12 AM" },
  { FALSE, "2021-05-21T12:00", "2021-05-21T12:00",
    "vendredi 21 mai 2021", "à 12 h", "Friday 21 May 2021", "at 12 PM" },
};

static void
test_when (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (when_cases); i++)
    {
      const WhenCase *when = &when_cases[i];
      g_autofree char *date = NULL;
      g_autofree char *time = NULL;
      g_autofree char *english_date = NULL;
      g_autofree char *english_time = NULL;

      tract_print_format_when (french (), when->all_day, when->start, when->end, &date, &time);
      g_assert_cmpstr (date, ==, when->french_date);
      g_assert_cmpstr (time, ==, when->french_time);
      tract_print_format_when (english (), when->all_day, when->start, when->end, &english_date, &english_time);
      g_assert_cmpstr (english_date, ==, when->english_date);
      g_assert_cmpstr (english_time, ==, when->english_time);
    }
}

static void
test_agenda_times (void)
{
  g_autofree char *a = tract_print_format_agenda_time (french (), FALSE, "2021-05-29T14:00", "2021-05-29T17:00");
  g_autofree char *b = tract_print_format_agenda_time (french (), TRUE, "2021-05-29", "2021-05-30");
  g_autofree char *c = tract_print_format_agenda_time (french (), TRUE, "2021-05-29", "2021-05-29");
  g_autofree char *d = tract_print_format_agenda_time (english (), FALSE, "2021-05-29T14:00", "2021-05-29T17:30");
  g_autofree char *e = tract_print_format_month (french (), 2021, 5);
  g_autofree char *f = tract_print_format_month (english (), 2021, 5);

  g_assert_cmpstr (a, ==, "14 h – 17 h");
  g_assert_cmpstr (b, ==, "Jusqu’au dimanche 30 mai");
  g_assert_cmpstr (c, ==, "Toute la journée");
  g_assert_cmpstr (d, ==, "2 PM – 5:30 PM");
  g_assert_cmpstr (e, ==, "Mai 2021");
  g_assert_cmpstr (f, ==, "May 2021");
  g_assert_cmpstr (tract_print_kind_label (french (), "panel"), ==, "Table ronde");
  g_assert_cmpstr (tract_print_role_label (french (), "organizer"), ==, "À l’appel de");
}

/* Fitting */

static void
test_fit (void)
{
  PangoContext *context = tract_print_context_new (french ());
  TractTextStyle style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_ULTRABOLD, 72, 0.92, 0, FALSE, PANGO_ALIGN_LEFT };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(PangoLayout) short_layout = NULL;
  g_autoptr(PangoLayout) long_layout = NULL;
  g_autoptr(PangoLayout) word_layout = NULL;

  /* Short: full size. */
  short_layout = tract_print_fit (context, &style, "Commune", FALSE, 500, 300, 12);
  g_assert_cmpfloat (pango_font_description_get_size (pango_layout_get_font_description (short_layout))
                     / (double) PANGO_SCALE, ==, 72);

  /* Long: shrinks until it fits, then ellipsizes, never taller than the box. */
  while (long_text->len < 5000)
    g_string_append (long_text, "La Commune n’est pas morte. ");
  long_layout = tract_print_fit (context, &style, long_text->str, FALSE, 300, 200, 12);
  g_assert_cmpfloat (tract_print_layout_height (long_layout), <=, 200);
  g_assert_cmpfloat (tract_print_layout_width (long_layout), <=, 300);
  g_assert_true (pango_layout_is_ellipsized (long_layout));

  /* One long word: smaller rather than broken. */
  word_layout = tract_print_fit (context, &style, "Anticonstitutionnellement", FALSE, 300, 300, 8);
  g_assert_cmpint (pango_layout_get_line_count (word_layout), ==, 1);
  g_assert_cmpfloat (tract_print_layout_width (word_layout), <=, 300);

  g_clear_object (&short_layout);
  g_clear_object (&long_layout);
  g_clear_object (&word_layout);
  g_object_unref (context);
}

/* Flyers */

static TractFlyer *
make_flyer (Fixture    *fixture,
            const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractEvent) event = tract_store_find (fixture->store, TRACT_TYPE_EVENT, "uid", uid);
  TractFlyer *flyer;

  g_assert_nonnull (event);
  flyer = tract_flyer_new (fixture->store, event, &error);
  g_assert_no_error (error);
  return flyer;
}

/* Everything drawn lies inside the margins (a handout's cut marks aside). */
static void
assert_inside (TractFlyer *flyer)
{
  double width, height, margin;
  double x, y, ink_width, ink_height;
  cairo_surface_t *surface;
  cairo_t *cr;

  tract_flyer_get_page_size (flyer, &width, &height);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  tract_flyer_draw (flyer, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &ink_width, &ink_height);
  cairo_surface_destroy (surface);

  if (tract_flyer_get_template (flyer) == TRACT_FLYER_HANDOUT)
    {
      margin = tract_print_get_margin (width / 2, height);
      /* The cut marks start 3 mm from the edge; ink extents round outwards. */
      g_assert_cmpfloat (y, >=, 7);
      g_assert_cmpfloat (y + ink_height, <=, height - 7);
    }
  else
    {
      margin = tract_print_get_margin (width, height);
      /* Recorded ink extents are glyph boxes rounded outwards to whole
       * units: two points of slack (test_print.py checks real pixels). */
      g_assert_cmpfloat (y, >=, margin - 2);
      g_assert_cmpfloat (y + ink_height, <=, height - margin + 2);
    }
  g_assert_cmpfloat (x, >=, margin - 2);
  g_assert_cmpfloat (x + ink_width, <=, width - margin + 2);
  g_assert_cmpfloat (ink_width, >, 0);
}

static void
test_flyer_inside (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const uids[] = {
    "print-long", "print-image", "print-arabic", "print-turkish", "print-cancelled", "print-tentative",
    "print-zone", "print-overnight", "9d2f4c6a-1b3e-4f5a-8c7d-0e9b1a2c2930",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uids); i++)
    {
      g_autoptr(TractFlyer) flyer = make_flyer (fixture, uids[i]);

      for (int template_ = TRACT_FLYER_POSTER; template_ <= TRACT_FLYER_HANDOUT; template_++)
        for (int paper = TRACT_PAPER_A4; paper <= TRACT_PAPER_LETTER; paper++)
          for (guint language = 0; language < 2; language++)
            {
              tract_flyer_set_template (flyer, template_);
              tract_flyer_set_paper (flyer, paper);
              g_assert_true (tract_flyer_set_language (flyer, language == 0 ? "fr" : "en", NULL));
              assert_inside (flyer);
            }
      g_assert_finalize_object (g_steal_pointer (&flyer));
    }
}

static void
test_flyer_settings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TractFlyer) flyer = make_flyer (fixture, "print-long");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a picture", 13);
  double width, height;
  TractFlyerTemplate template_;
  TractPaper paper;

  tract_flyer_get_page_size (flyer, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.276), <, 0.01);
  g_assert_cmpfloat (fabs (height - 841.89), <, 0.01);
  g_object_set (flyer, "template", TRACT_FLYER_HANDOUT, "paper", TRACT_PAPER_LETTER, "language", "fr", NULL);
  tract_flyer_get_page_size (flyer, &width, &height);
  g_assert_cmpfloat (width, ==, 792);
  g_assert_cmpfloat (height, ==, 612);
  g_assert_cmpstr (tract_flyer_get_language (flyer), ==, "fr");

  g_assert_false (tract_flyer_set_language (flyer, "xx", &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_LANGUAGE);
  g_assert_cmpstr (tract_flyer_get_language (flyer), ==, "fr");
  g_clear_error (&error);

  g_assert_false (tract_flyer_set_image (flyer, garbage, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_IMAGE);
  g_clear_error (&error);
  g_assert_true (tract_flyer_set_image (flyer, NULL, &error));

  g_assert_true (tract_paper_from_name ("LETTER", &paper, NULL));
  g_assert_cmpint (paper, ==, TRACT_PAPER_LETTER);
  g_assert_false (tract_paper_from_name ("a3", &paper, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION);
  g_clear_error (&error);
  g_assert_true (tract_flyer_template_from_name ("Handout", &template_, NULL));
  g_assert_cmpint (template_, ==, TRACT_FLYER_HANDOUT);
  g_assert_false (tract_flyer_template_from_name ("leaflet", &template_, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION);
}

/* An unsaved event from the editor: no organizations, no picture, no store row. */
static void
test_flyer_unsaved (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = tract_store_find (fixture->store, TRACT_TYPE_CAMPAIGN, "name",
                                                        TRACT_DEMO_CAMPAIGN_NAME);
  g_autoptr(TractEvent) event = tract_event_new_timed (tract_record_get_id (TRACT_RECORD (campaign)),
                                                       "Brouillon", "2021-06-01T18:00", "2021-06-01T20:00",
                                                       "Europe/Paris");
  g_autoptr(TractFlyer) flyer = tract_flyer_new (fixture->store, event, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 283);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  /* A thumbnail: any box, scaled to fit. */
  tract_flyer_draw (flyer, cr, 200, 283);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_flyer_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractFlyer) flyer = make_flyer (fixture, "print-image");
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->directory, "flyer.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->directory, "flyer.png", NULL);
  g_autofree char *jpg = g_build_filename (fixture->directory, "flyer.jpg", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->directory, "missing", "flyer.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (tract_flyer_write (flyer, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (tract_flyer_write (flyer, png, &error));
  g_assert_no_error (error);
  g_assert_false (tract_flyer_write (flyer, jpg, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION);
  g_clear_error (&error);
  g_assert_false (tract_flyer_write_pdf (flyer, unwritable, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_WRITE);

  /* No temporary file left behind. */
  dir = g_dir_open (fixture->directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

/* Agendas */

static void
test_agenda_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = tract_store_find (fixture->store, TRACT_TYPE_CAMPAIGN, "name",
                                                        TRACT_DEMO_CAMPAIGN_NAME);
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  g_autoptr(TractAgenda) all = tract_agenda_new (fixture->store, campaign_id, NULL, NULL, NULL, &error);
  g_autoptr(TractAgenda) weekend = NULL;
  g_autoptr(TractAgenda) empty = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_assert_no_error (error);
  /* The six sample events and the fixture's eight, by day then hour. */
  g_assert_cmpuint (tract_agenda_get_n_events (all), ==, 14);
  g_assert_cmpstr (tract_agenda_get_event_title (all, 0), ==, "Rassemblement pour les 150 ans de la Commune de Paris");
  g_assert_cmpstr (tract_agenda_get_event_title (all, 13), ==, "Table ronde : les leçons de la Commune");

  weekend = tract_agenda_new (fixture->store, campaign_id, "2021-05-29", "2021-05-30", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_agenda_get_n_events (weekend), ==, 3);
  g_assert_cmpstr (tract_agenda_get_event_title (weekend, 0), ==, "Week-end de célébration avec les délégations de l’ICOR");
  g_assert_cmpstr (tract_agenda_get_event_title (weekend, 1), ==, "Manifestation de la Commune");
  g_assert_cmpstr (tract_agenda_get_event_title (weekend, 2), ==, "Table ronde : les leçons de la Commune");

  empty = tract_agenda_new (fixture->store, campaign_id, "2030-01-01", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tract_agenda_get_n_events (empty), ==, 0);
  g_assert_cmpuint (tract_agenda_paginate (empty, 595, 842), ==, 1);

  g_assert_null (tract_agenda_new (fixture->store, campaign_id, "29/05/2021", NULL, NULL, &error));
  g_assert_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION);

  /* Every page draws, the same count each time, in both languages. */
  g_assert_true (tract_agenda_set_language (all, "fr", NULL));
  n_pages = tract_agenda_paginate (all, 595.276, 841.89);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (tract_agenda_paginate (all, 595.276, 841.89), ==, n_pages);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    tract_agenda_draw_page (all, cr, page, 595.276, 841.89);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gpointer   result;
  double     last_fraction;
  guint      n_progress;
} Wait;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Wait *wait = user_data;

  g_assert_cmpfloat (fraction, >=, wait->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  wait->last_fraction = fraction;
  wait->n_progress++;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = tract_agenda_load_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = GINT_TO_POINTER (tract_agenda_write_pdf_finish (TRACT_AGENDA (source), result, &wait->error));
  g_main_loop_quit (wait->loop);
}

static void
test_agenda_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_store_find (fixture->store, TRACT_TYPE_CAMPAIGN, "name",
                                                        TRACT_DEMO_CAMPAIGN_NAME);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(TractAgenda) agenda = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (fixture->directory, "agenda.pdf", NULL);
  Wait wait = { loop, NULL, NULL, 0, 0 };

  tract_agenda_load_async (fixture->store, tract_record_get_id (TRACT_RECORD (campaign)), NULL, NULL, NULL,
                           on_progress, &wait, on_loaded, &wait);
  g_main_loop_run (loop);
  g_assert_no_error (wait.error);
  agenda = wait.result;
  g_assert_cmpuint (tract_agenda_get_n_events (agenda), ==, 14);
  g_assert_cmpuint (wait.n_progress, >, 0);
  g_assert_cmpfloat (wait.last_fraction, ==, 1.0);

  wait.last_fraction = 0;
  wait.n_progress = 0;
  tract_agenda_write_pdf_async (agenda, pdf, NULL, on_progress, &wait, on_written, &wait);
  g_main_loop_run (loop);
  g_assert_no_error (wait.error);
  g_assert_true (GPOINTER_TO_INT (wait.result));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (wait.last_fraction, ==, 1.0);
  g_remove (pdf);

  /* Cancelled: an error, and no file. */
  g_cancellable_cancel (cancellable);
  tract_agenda_write_pdf_async (agenda, pdf, cancellable, NULL, NULL, on_written, &wait);
  g_main_loop_run (loop);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/languages", test_languages);
  g_test_add_func ("/print/expand", test_expand);
  g_test_add_func ("/print/dates/when", test_when);
  g_test_add_func ("/print/dates/agenda", test_agenda_times);
  g_test_add_func ("/print/text/fit", test_fit);
  g_test_add ("/print/flyer/inside-margins", Fixture, NULL, fixture_setup, test_flyer_inside, fixture_teardown);
  g_test_add ("/print/flyer/settings", Fixture, NULL, fixture_setup, test_flyer_settings, fixture_teardown);
  g_test_add ("/print/flyer/unsaved", Fixture, NULL, fixture_setup, test_flyer_unsaved, fixture_teardown);
  g_test_add ("/print/flyer/files", Fixture, NULL, fixture_setup, test_flyer_files, fixture_teardown);
  g_test_add ("/print/agenda/demo", Fixture, NULL, fixture_setup, test_agenda_demo, fixture_teardown);
  g_test_add ("/print/agenda/async", Fixture, NULL, fixture_setup, test_agenda_async, fixture_teardown);

  return g_test_run ();
}
