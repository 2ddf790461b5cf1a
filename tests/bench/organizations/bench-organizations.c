/* bench-organizations.c — the register of a large coalition (issue 3)
 *
 *   build/tests/bench/organizations/bench-organizations [--organizations=N] [--contacts=N] [--runs=N]
 *   xvfb-run -a build/tests/bench/organizations/bench-organizations   (adds the page's figures)
 *
 * Fills a fresh database with N organizations (20,000) and N contacts
 * (60,000) through the store, then measures, at the model level, what one
 * keystroke in the search field costs: the list's new query, its count,
 * and the first screenful of rows a view asks for (target: under 10 ms),
 * for searches by name, city, person and e-mail, typed letter by letter;
 * then the membership filter and each sort order; then, with a display,
 * the time from creating the Organizations page to its first painted
 * frame. Ends with the peak RSS. Figures are medians of --runs runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tract-contact.h"
#include "tract-csv.h"
#include "tract-organization.h"
#include "tract-organizations-page.h"
#include "tract-record-list.h"

/* What a list view asks for at once: one screen of rows. */
#define SCREENFUL 40

static const char * const adjectives[] = {
  "Comité", "Collectif", "Union", "Association", "Coordination", "Front", "Réseau", "Fédération",
  "Syndicat", "Cercle", "Maison", "Amicale", "Ligue", "Mouvement", "Groupe", "Alliance",
};
static const char * const subjects[] = {
  "des travailleurs", "de solidarité", "des femmes", "des locataires", "antifasciste", "des sans-papiers",
  "pour la paix", "des étudiants", "internationaliste", "des cheminots", "populaire", "des jeunes",
  "de quartier", "écologiste", "des retraités", "des enseignants", "de défense", "ouvrier",
};
static const char * const cities[] = {
  "Paris", "Lyon", "Marseille", "Lille", "Toulouse", "Bordeaux", "Nantes", "Rennes", "Grenoble", "Brest",
  "Istanbul", "Ankara", "Douala", "Yaoundé", "Lima", "Port-au-Prince", "Berlin", "Hambourg", "Bruxelles",
  "Liège", "Genève", "Montréal", "Dakar", "Bamako", "Tunis", "Alger", "Madrid", "Barcelone", "Lisbonne",
  "Naples",
};
static const char * const countries[] = {
  "France", "Turquie", "Cameroun", "Pérou", "Haïti", "Allemagne", "Belgique", "Suisse", "Canada",
  "Sénégal", "Mali", "Tunisie", "Algérie", "Espagne", "Portugal", "Italie",
};
static const char * const first_names[] = {
  "Louise", "Eugène", "Nathalie", "Élisabeth", "Jules", "Paule", "André", "Victorine", "Benoît", "Marie",
  "Léo", "Augustin", "Anna", "Jean-Baptiste", "Zéphyrin", "Blanche", "Théophile", "Béatrix", "Gustave",
  "Adèle", "Ayşe", "Mehmet", "Aminata", "Moussa", "Rosa", "Pedro", "Nadia", "Karim", "Sofia", "Hugo",
};
static const char * const last_names[] = {
  "Michel", "Varlin", "Le Mel", "Dmitrieff", "Vallès", "Mink", "Léo", "Barbier", "Malon", "Lefebvre",
  "Frankel", "Rigault", "Dombrowski", "Courbet", "Ferré", "Clément", "Pottier", "Rossel", "Allix",
  "Yılmaz", "Diallo", "Traoré", "Luxemburg", "Quispe", "Benali", "Moreau", "Garnier", "Roux", "Fontaine",
  "Chevalier",
};
static const char * const memberships[] = { "member", "signatory", "friend", "former" };
static const char * const domains[] = {
  "commune.example.org", "solidarite.example.org", "syndicat.example.net", "collectif.example.fr",
  "riseup.example.net", "posteo.example.de", "mailo.example.com", "laposte.example.net", "gmx.example.fr",
  "protonmail.example.com", "free.example.fr", "orange.example.fr", "yandex.example.com", "gmail.example.com",
};

#define PICK(array, rand) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  guint n_organizations;
  guint n_contacts;
} Plan;

static gboolean
generate (TractStore  *store,
          gpointer     user_data,
          GError     **error)
{
  Plan *plan = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1871);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), plan->n_organizations);

  for (guint i = 0; i < plan->n_organizations; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s de %s %u", PICK (adjectives, rand), PICK (subjects, rand),
                                               PICK (cities, rand), i);
      g_autofree char *acronym = g_strdup_printf ("%c%c%c%u", 'A' + g_rand_int_range (rand, 0, 26),
                                                  'A' + g_rand_int_range (rand, 0, 26),
                                                  'A' + g_rand_int_range (rand, 0, 26), i % 100);
      g_autofree char *joined = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2022),
                                                 g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autoptr(TractOrganization) organization = tract_organization_new (name, acronym);
      gint64 id;

      g_object_set (organization,
                    "city", PICK (cities, rand),
                    "country", PICK (countries, rand),
                    "membership", PICK (memberships, rand),
                    "joined-date", g_rand_boolean (rand) ? joined : "",
                    NULL);
      if (!tract_store_insert (store, TRACT_RECORD (organization), error))
        return FALSE;
      id = tract_record_get_id (TRACT_RECORD (organization));
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < plan->n_contacts; i++)
    {
      const char *first = PICK (first_names, rand);
      const char *last = PICK (last_names, rand);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *ascii = g_str_to_ascii (name, "C");
      g_autofree char *local = g_ascii_strdown (g_strdelimit (ascii, " '", '.'), -1);
      g_autofree char *email = g_strdup_printf ("%s@%s", local, PICK (domains, rand));
      g_autoptr(TractContact) contact = tract_contact_new (g_array_index (ids, gint64, i % ids->len), name);

      g_object_set (contact, "email", email, "role", i % 3 ? "" : "Porte-parole", NULL);
      if (!tract_store_insert (store, TRACT_RECORD (contact), error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* What one change of the list costs a view: count, then a screenful. */
static double
screenful_ms (TractRecordList *list,
              guint           *n_items)
{
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < MIN (n, SCREENFUL); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  if (n_items != NULL)
    *n_items = n;
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  GArray *all;      /* every keystroke */
  double  worst;
  char   *worst_what;
} Keystrokes;

static void
type_search (TractRecordList *list,
             const char      *text,
             guint            runs,
             Keystrokes      *keystrokes)
{
  glong length = g_utf8_strlen (text, -1);

  g_print ("  typing “%s”:", text);
  for (glong k = 1; k <= length; k++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, k);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      guint n = 0;
      double ms;

      for (guint r = 0; r < runs; r++)
        {
          gint64 start;
          double elapsed;

          /* From the empty list, so that each run does the full work. */
          tract_record_list_set_search (list, NULL);
          start = g_get_monotonic_time ();
          tract_record_list_set_search (list, prefix);
          elapsed = (g_get_monotonic_time () - start) / 1000.0 + screenful_ms (list, &n);
          g_array_append_val (times, elapsed);
        }
      ms = median (times);
      g_array_append_val (keystrokes->all, ms);
      if (ms > keystrokes->worst)
        {
          keystrokes->worst = ms;
          g_free (keystrokes->worst_what);
          keystrokes->worst_what = g_strdup (prefix);
        }
      g_print (" %s=%.2fms(%u)", prefix, ms, n);
    }
  g_print ("\n");
}

static double
timed_change (TractRecordList *list,
              guint            runs,
              void           (*change) (TractRecordList *list, gboolean on))
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      gint64 start;
      double elapsed;

      change (list, FALSE);
      start = g_get_monotonic_time ();
      change (list, TRUE);
      elapsed = (g_get_monotonic_time () - start) / 1000.0 + screenful_ms (list, NULL);
      g_array_append_val (times, elapsed);
    }
  return median (times);
}

static void
filter_members (TractRecordList *list,
                gboolean         on)
{
  tract_record_list_set_text_condition (list, "membership", on ? "signatory" : NULL);
}

static void
order_acronym (TractRecordList *list,
               gboolean         on)
{
  tract_record_list_set_order (list, on ? "acronym" : "name");
}

static void
order_joined (TractRecordList *list,
              gboolean         on)
{
  tract_record_list_set_order (list, on ? "joined_date" : "name");
}

static void
search_and_filter (TractRecordList *list,
                   gboolean         on)
{
  tract_record_list_set_search (list, on ? "paris" : NULL);
  tract_record_list_set_text_condition (list, "membership", on ? "friend" : NULL);
}

/* The page, in a window: from its creation to its first painted frame. */

typedef struct
{
  GMainLoop *loop;
  gint64     start;
  double     ms;
} Paint;

static void
on_after_paint (GdkFrameClock *clock,
                Paint         *paint)
{
  if (paint->ms > 0)
    return;
  paint->ms = (g_get_monotonic_time () - paint->start) / 1000.0;
  g_main_loop_quit (paint->loop);
}

static void
on_map (GtkWidget *window,
        Paint     *paint)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), paint);
}

/* @store: (nullable): %NULL for an empty window, the baseline */
static double
open_page_ms (TractStore *store)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Paint paint = { loop, 0, 0 };
  GtkWidget *window;
  GtkWidget *page = NULL;

  paint.start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  if (store != NULL)
    {
      page = g_object_new (TRACT_TYPE_ORGANIZATIONS_PAGE, NULL);
      tract_organizations_page_set_store (TRACT_ORGANIZATIONS_PAGE (page), store);
      gtk_window_set_child (GTK_WINDOW (window), page);
    }
  g_signal_connect (window, "map", G_CALLBACK (on_map), &paint);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), &paint);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return paint.ms;
}

static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmHWM:")) != NULL)
    return g_ascii_strtoll (line + 6, NULL, 10);
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  int n_organizations = 20000, n_contacts = 60000, runs = 5;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "organizations", 0, 0, G_OPTION_ARG_INT, &n_organizations, "Organizations to create", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &n_contacts, "Contacts to create", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (median)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the database here and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— benchmark of the Organizations page");
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractRecordList) list = NULL;
  Keystrokes keystrokes = { g_array_new (FALSE, FALSE, sizeof (double)), 0, NULL };
  Plan plan;
  gint64 start;
  double open_ms;
  guint n;

  /* As the application does (see main.c). */
  tract_store_keep_freed_memory ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  plan.n_organizations = (guint) MAX (n_organizations, 1);
  plan.n_contacts = (guint) MAX (n_contacts, 0);
  runs = MAX (runs, 1);

  directory = g_dir_make_tmp ("tract-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = keep != NULL ? g_strdup (keep) : g_build_filename (directory, "bench.db", NULL);
  g_remove (path);
  store = tract_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!tract_store_run (store, generate, &plan, &error))
    g_error ("%s", error->message);
  g_print ("generated %u organizations and %u contacts in %.1f s\n", plan.n_organizations, plan.n_contacts,
           (g_get_monotonic_time () - start) / 1e6);

  /* Opening the list as the page does: a count and the first screenful. */
  start = g_get_monotonic_time ();
  list = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  open_ms = (g_get_monotonic_time () - start) / 1000.0 + screenful_ms (list, &n);
  g_print ("model: open the list (%u rows, first %d): %.2f ms, %u rows in memory\n", n, SCREENFUL, open_ms,
           tract_record_list_get_n_loaded (list));

  g_print ("model: search, per keystroke (count + first %d rows, median of %d):\n", SCREENFUL, runs);
  type_search (list, "solidarité", runs, &keystrokes);
  type_search (list, "paris", runs, &keystrokes);
  type_search (list, "cameroun", runs, &keystrokes);
  type_search (list, "louise michel", runs, &keystrokes);
  type_search (list, "eugene.varlin@", runs, &keystrokes);
  type_search (list, "comité lyon", runs, &keystrokes);
  type_search (list, "zzz", runs, &keystrokes);
  g_print ("model: keystrokes: median %.2f ms, worst %.2f ms (“%s”), %u keystrokes, target < 10 ms: %s\n",
           median (keystrokes.all), keystrokes.worst, keystrokes.worst_what, keystrokes.all->len,
           keystrokes.worst < 10 ? "met" : "NOT MET");

  tract_record_list_set_search (list, NULL);
  g_print ("model: membership filter (signatories): %.2f ms\n", timed_change (list, (guint) runs, filter_members));
  g_print ("model: sort by acronym: %.2f ms\n", timed_change (list, (guint) runs, order_acronym));
  g_print ("model: sort by join date: %.2f ms\n", timed_change (list, (guint) runs, order_joined));
  g_print ("model: search “paris” + filter friends: %.2f ms\n",
           timed_change (list, (guint) runs, search_and_filter));

  /* CSV of the whole register: export, then import into an empty database. */
  {
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *other_path = g_build_filename (directory, "import.db", NULL);
    g_autoptr(TractStore) other = NULL;
    g_autoptr(TractCsvReport) report = NULL;
    double export_ms, import_ms;

    start = g_get_monotonic_time ();
    if (!tract_csv_export_organizations (store, memory, TRACT_CSV_EXPORT_PRIVATE_NOTES, NULL, &error)
        || !g_output_stream_close (memory, NULL, &error))
      g_error ("%s", error->message);
    export_ms = (g_get_monotonic_time () - start) / 1000.0;
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

    other = tract_store_open (other_path, &error);
    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    report = tract_csv_import_organizations (other, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             "bench.csv", &error);
    if (report == NULL)
      g_error ("%s", error->message);
    import_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("csv: export %.0f ms (%.1f MB), import into an empty database %.0f ms (%u added, %u contacts)\n",
             export_ms, g_bytes_get_size (bytes) / 1e6, import_ms, tract_csv_report_get_n_added (report),
             tract_csv_report_get_n_contacts_added (report));
    g_clear_object (&other);
    {
      g_autofree char *wal = g_strdup_printf ("%s-wal", other_path);
      g_autofree char *shm = g_strdup_printf ("%s-shm", other_path);

      g_remove (wal);
      g_remove (shm);
      g_remove (other_path);
    }
  }

  /* The page needs a display; without one, the model figures stand alone. */
  if (gtk_init_check ())
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));

      adw_init ();
      /* The first window pays for fonts, themes and icons: not counted. */
      open_page_ms (store);
      for (int r = 0; r < runs; r++)
        {
          double ms = open_page_ms (NULL);
          g_array_append_val (bare, ms);
          ms = open_page_ms (store);
          g_array_append_val (times, ms);
        }
      g_print ("page: create the Organizations page, first frame painted: %.1f ms "
               "(an empty window of the same size: %.1f ms; median of %d)\n",
               median (times), median (bare), runs);
    }
  else
    g_print ("page: no display, page figures skipped (run under xvfb-run)\n");

  g_print ("peak RSS: %" G_GINT64_FORMAT " kB\n", peak_rss_kb ());

  g_clear_object (&list);
  g_clear_object (&store);
  g_array_unref (keystrokes.all);
  g_free (keystrokes.worst_what);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strdup_printf ("%s-wal", path);
      g_autofree char *shm = g_strdup_printf ("%s-shm", path);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
    }
  g_rmdir (directory);
  return 0;
}
