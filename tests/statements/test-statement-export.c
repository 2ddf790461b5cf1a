/* test-statement-export.c — a statement as Markdown and plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-organization.h"
#include "tract-statement-export.h"
#include "tract-statement-ledger.h"

typedef struct
{
  char           *directory;
  TractStore     *store;
  TractCampaign  *campaign;
  gint64          published;
  gint64          draft;
} Fixture;

#define BLOCK "Members and signatories of the Collectif Vive la Commune de 1871: " \
  "Amis de l’ICOR (Coordination internationale des organisations révolutionnaires); " \
  "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT); " \
  "Comite Solidarité Pérou (CSP); " \
  "Nouveau Parti Communiste Haïtien (NPCH); " \
  "Union des Populations du Cameroun -Manifeste National pour l’Instauration de la Démocratie (UPC-Manidem); " \
  "Union des travailleurs et de la fraternité des Peuples (BIR-KAR); " \
  "Union Prolétarienne Marxiste-Léniniste (UPML); " \
  "Union des Femmes Socialistes (SKB); " \
  "Unité Communiste (UC)"

static gint64
find (TractStore *store,
      const char *status)
{
  g_autoptr(TractStatement) statement = tract_store_find (store, TRACT_TYPE_STATEMENT, "status", status);

  g_assert_nonnull (statement);
  return tract_record_get_id (TRACT_RECORD (statement));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->directory = g_dir_make_tmp ("tract-statement-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "test.db", NULL);
  fixture->store = tract_store_open (path, &error);
  g_assert_no_error (error);
  fixture->campaign = tract_demo_add (fixture->store, &error);
  g_assert_no_error (error);
  fixture->published = find (fixture->store, "published");
  fixture->draft = find (fixture->store, "draft");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;

  g_clear_object (&fixture->campaign);
  g_assert_finalize_object (fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
}

static char *
export (Fixture              *fixture,
        gint64                id,
        TractStatementFormat  format)
{
  g_autoptr(GError) error = NULL;
  char *text = tract_statement_export (fixture->store, id, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *published = export (fixture, fixture->published, TRACT_STATEMENT_MARKDOWN);
  g_autofree char *draft = export (fixture, fixture->draft, TRACT_STATEMENT_MARKDOWN);

  g_assert_true (g_str_has_prefix (published,
                                   "# Long live the Commune of 1871 - let's prepare for the socialist "
                                   "revolution\\!\n\nUnder this slogan, the collective"));
  g_assert_nonnull (strstr (published, "- May 8 - event for the women of the Commune"));
  /* The seed's text ends with the block, the last paragraph. */
  g_assert_true (g_str_has_suffix (published, "Paris, March/26/2021\n\n" BLOCK "\n"));

  /* The draft opens with its title as a heading: not twice. Nobody signed: no block. */
  g_assert_true (g_str_has_prefix (draft, "# Appel au week-end des 29 et 30 mai\n\nIl y a 150 ans"));
  g_assert_null (strstr (draft + 1, "# Appel au week-end"));
  g_assert_true (g_str_has_suffix (draft, "*Brouillon à faire circuler parmi les membres avant signature.*\n"));
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *published = export (fixture, fixture->published, TRACT_STATEMENT_TEXT);
  g_autofree char *draft = export (fixture, fixture->draft, TRACT_STATEMENT_TEXT);

  g_assert_true (g_str_has_prefix (published, "Long live the Commune of 1871 - let's prepare for the socialist "
                                              "revolution!\n\nUnder this slogan"));
  g_assert_true (g_str_has_suffix (published, "\n\n" BLOCK "\n"));
  g_assert_true (g_str_has_prefix (draft, "Appel au week-end des 29 et 30 mai\n\nIl y a 150 ans"));
  g_assert_nonnull (strstr (draft, "\n- Samedi 29 mai : manifestation ;\n- Dimanche 30 mai : table ronde"));
  g_assert_null (strstr (draft, "**"));
  g_assert_true (g_str_has_suffix (draft, "\n\nBrouillon à faire circuler parmi les membres avant signature.\n"));
}

/* Names and titles print as typed: no Markdown read into them, nothing lost. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  gint64 ids[1];

  statement = tract_statement_ledger_create (fixture->store, tract_record_get_id (TRACT_RECORD (fixture->campaign)),
                                             "*Not bold* [not](a link) <b>", "ar", "الموقعون", &error);
  g_assert_no_error (error);
  tract_record_set_text (TRACT_RECORD (statement), "body", "مرحبا ✊🏽 **بالعالم**\n\nשלום 🚩");
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  organization = tract_organization_new ("Front_of *stars* & [brackets]", "F*S");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (organization), &error));
  ids[0] = tract_record_get_id (TRACT_RECORD (organization));
  g_assert_true (tract_statement_ledger_invite (fixture->store, tract_record_get_id (TRACT_RECORD (statement)),
                                                ids, 1, NULL, &error));
  signatures = tract_store_select (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                   tract_record_get_id (TRACT_RECORD (statement)), NULL, &error);
  g_assert_true (tract_statement_ledger_sign (fixture->store, tract_record_get_id (signatures->pdata[0]), NULL,
                                              "2021-03-26", &error));
  g_assert_no_error (error);

  markdown = export (fixture, tract_record_get_id (TRACT_RECORD (statement)), TRACT_STATEMENT_MARKDOWN);
  g_assert_cmpstr (markdown, ==,
                   "# \\*Not bold\\* \\[not\\](a link) \\<b\\>\n"
                   "\n"
                   "مرحبا ✊🏽 **بالعالم**\n"
                   "\n"
                   "שלום 🚩\n"
                   "\n"
                   "الموقعون: Front\\_of \\*stars\\* \\& \\[brackets\\] (F\\*S)\n");

  text = export (fixture, tract_record_get_id (TRACT_RECORD (statement)), TRACT_STATEMENT_TEXT);
  g_assert_cmpstr (text, ==,
                   "*Not bold* [not](a link) <b>\n"
                   "\n"
                   "مرحبا ✊🏽 بالعالم\n"
                   "\n"
                   "שלום 🚩\n"
                   "\n"
                   "الموقعون: Front_of *stars* & [brackets] (F*S)\n");
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "statement.md", NULL);
  g_autofree char *missing = g_build_filename (fixture->directory, "no", "such", "folder.md", NULL);
  g_autofree char *expected = export (fixture, fixture->published, TRACT_STATEMENT_MARKDOWN);
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "older file", -1, NULL));
  g_assert_true (tract_statement_export_write (fixture->store, fixture->published, TRACT_STATEMENT_MARKDOWN,
                                               path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  /* A folder that does not exist: an error that names the file, and no file. */
  g_assert_false (tract_statement_export_write (fixture->store, fixture->published, TRACT_STATEMENT_TEXT,
                                                missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An unknown statement leaves the file as it was. */
  g_assert_false (tract_statement_export_write (fixture->store, 4242, TRACT_STATEMENT_MARKDOWN, path, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, expected);
}

/* A translation closes with its original's signatories, in its own words. */
static void
test_translation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TractStatement) translation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  translation = tract_statement_ledger_create (fixture->store, tract_record_get_id (TRACT_RECORD (fixture->campaign)),
                                               "Vive la Commune de 1871", "fr",
                                               "Membres et signataires du Collectif Vive la Commune de 1871",
                                               &error);
  g_assert_no_error (error);
  tract_record_set_integer (TRACT_RECORD (translation), "translation_of", fixture->published);
  tract_record_set_text (TRACT_RECORD (translation), "body", "Sous ce mot d’ordre…");
  g_assert_true (tract_statement_ledger_save (fixture->store, translation, NULL, &error));
  g_assert_no_error (error);

  markdown = export (fixture, tract_record_get_id (TRACT_RECORD (translation)), TRACT_STATEMENT_MARKDOWN);
  g_assert_nonnull (strstr (markdown,
                                   "Sous ce mot d’ordre…\n\n"
                                   "Membres et signataires du Collectif Vive la Commune de 1871\u00a0: "
                                   "Amis de l’ICOR (Coordination internationale des organisations "
                                   "révolutionnaires)\u00a0; Association Culturelle"));
  g_assert_true (g_str_has_suffix (markdown, "\u00a0; Unité Communiste (UC)\n"));
}

/* A megabyte-long body exports whole, and quickly. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; body->len < (1 << 20); i++)
    g_string_append_printf (body, "Paragraph %u: la *Commune* n’est pas morte ! ✊\n\n", i);
  statement = tract_store_load (fixture->store, TRACT_TYPE_STATEMENT, fixture->published, &error);
  tract_record_set_text (TRACT_RECORD (statement), "body", body->str);
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);

  g_timer_start (timer);
  markdown = export (fixture, fixture->published, TRACT_STATEMENT_MARKDOWN);
  text = export (fixture, fixture->published, TRACT_STATEMENT_TEXT);
  g_test_message ("two exports of 1 MiB: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  g_assert_cmpuint (strlen (markdown), >, strlen (body->str));
  g_assert_true (g_str_has_suffix (markdown, BLOCK "\n"));
  g_assert_true (g_str_has_suffix (text, BLOCK "\n"));
  g_assert_nonnull (strstr (text, "Paragraph 7: la Commune n’est pas morte ! ✊\n\nParagraph 8"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statement-export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("markdown", test_markdown);
  ADD ("text", test_text);
  ADD ("hostile", test_hostile);
  ADD ("write", test_write);
  ADD ("translation", test_translation);
  ADD ("large", test_large);

#undef ADD

  return g_test_run ();
}
