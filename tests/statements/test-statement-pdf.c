/* test-statement-pdf.c — a statement on A4 pages
 *
 * The text of the pages is read back by test_statement_cli.py with
 * pdftotext; here, the renderer's promises: a file or no file, as many
 * pages as the text takes, any script, and a bounded time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-statement-ledger.h"
#include "tract-statement-pdf.h"

typedef struct
{
  char       *directory;
  TractStore *store;
  gint64      published;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(TractStatement) published = NULL;

  fixture->directory = g_dir_make_tmp ("tract-statement-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "test.db", NULL);
  fixture->store = tract_store_open (path, &error);
  g_assert_no_error (error);
  campaign = tract_demo_add (fixture->store, &error);
  g_assert_no_error (error);
  published = tract_store_find (fixture->store, TRACT_TYPE_STATEMENT, "status", "published");
  fixture->published = tract_record_get_id (TRACT_RECORD (published));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;

  g_assert_finalize_object (fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
}

/* Pages of a PDF as cairo writes them: one "/Type /Page" dictionary each. */
static guint
count_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The file holds binary streams: compare bytes, not strings. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;
  return pages;
}

static void
write_ok (Fixture    *fixture,
          gint64      id,
          const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_statement_write_pdf (fixture->store, id, path, NULL, &error));
  g_assert_no_error (error);
}

static void
test_published (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "published.pdf", NULL);

  write_ok (fixture, fixture->published, path);
  g_assert_cmpuint (count_pages (path), ==, 1);
}

static void
set_body (Fixture    *fixture,
          const char *title,
          const char *body)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  statement = tract_store_load (fixture->store, TRACT_TYPE_STATEMENT, fixture->published, &error);
  if (title != NULL)
    tract_record_set_text (TRACT_RECORD (statement), "title", title);
  tract_record_set_text (TRACT_RECORD (statement), "body", body);
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);
}

/* A long text continues page after page; a word longer than the line breaks. */
static void
test_long (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "long.pdf", NULL);
  g_autoptr(GString) body = g_string_new ("# Heading\n\n");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *word = g_strnfill (3000, 'x');
  guint pages;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (body, "%s Paragraph %u of a long statement, with **strong** and *emphasized* "
                            "words, long enough to wrap on the page.\n\n",
                            i % 50 == 0 ? "## Section\n\n-" : "", i);
  g_string_append (body, word);
  set_body (fixture, NULL, body->str);

  g_timer_start (timer);
  write_ok (fixture, fixture->published, path);
  g_test_message ("400 paragraphs: %.3f s", g_timer_elapsed (timer, NULL));
  pages = count_pages (path);
  g_test_message ("%u pages", pages);
  g_assert_cmpuint (pages, >=, 8);
  g_assert_cmpuint (pages, <=, 30);
}

static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "scripts.pdf", NULL);

  set_body (fixture, "مرحبا بالعالم ✊🏽 Commune",
            "# עברית\n\n"
            "- مرحبا بالعالم — نداء إلى التضامن\n"
            "- שלום עולם 🚩🇫🇷 👩‍👩‍👧\n\n"
            "> \u202Eevil\u202C RTL override\n\n"
            "```\ncode <b>&amp;</b>\n```\n\n"
            "Robert'); DROP TABLE organization;-- %s%s%n <i>not markup</i> & [a](https://example.org)\n");
  write_ok (fixture, fixture->published, path);
  g_assert_cmpuint (count_pages (path), ==, 1);
}

/* 1 MiB of text: hundreds of pages, in a bounded time. */
static void
test_megabyte (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "big.pdf", NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint pages;

  for (guint i = 0; body->len < (1 << 20); i++)
    g_string_append_printf (body, "Paragraph %u: la Commune n’est pas morte ! ✊ مرحبا שלום\n\n", i);
  set_body (fixture, NULL, body->str);

  g_timer_start (timer);
  write_ok (fixture, fixture->published, path);
  g_test_message ("1 MiB: %.3f s", g_timer_elapsed (timer, NULL));
  pages = count_pages (path);
  g_test_message ("%u pages", pages);
  g_assert_cmpuint (pages, >, 200);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 120.0);
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "cancelled.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->directory, "no", "folder.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (tract_statement_write_pdf (fixture->store, fixture->published, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tract_statement_write_pdf (fixture->store, fixture->published, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tract_statement_write_pdf (fixture->store, 4242, path, NULL, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statement-pdf/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("published", test_published);
  ADD ("long", test_long);
  ADD ("scripts", test_scripts);
  ADD ("megabyte", test_megabyte);
  ADD ("failures", test_failures);

#undef ADD

  return g_test_run ();
}
