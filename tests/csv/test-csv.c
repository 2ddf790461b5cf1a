/* test-csv.c — reading, writing, exporting and importing CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-contact.h"
#include "tract-csv.h"
#include "tract-demo.h"
#include "tract-organization.h"
#include "tract-record-list.h"

static GPtrArray *
parse_ok (const char *text,
          char       *delimiter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = tract_csv_parse (text, strlen (text), delimiter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  TractCsvRow *r = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, r->n_fields);
  return r->fields[column];
}

static void
test_parse_rfc4180 (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  char delimiter = 0;

  rows = parse_ok ("\xEF\xBB\xBFname,notes\r\n"
                   "\"Comma, Inc.\",\"She said \"\"no\"\"\"\r\n"
                   "\"Two\r\nlines\",\"LF\nonly\"\n"
                   "\n"
                   "plain,\r"
                   "last,no newline", &delimiter);
  g_assert_cmpint (delimiter, ==, ',');
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "name");
  g_assert_cmpstr (cell (rows, 1, 0), ==, "Comma, Inc.");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "She said \"no\"");
  g_assert_cmpstr (cell (rows, 2, 0), ==, "Two\r\nlines");
  g_assert_cmpstr (cell (rows, 2, 1), ==, "LF\nonly");
  g_assert_cmpstr (cell (rows, 3, 0), ==, "plain");
  g_assert_cmpstr (cell (rows, 3, 1), ==, "");
  g_assert_cmpstr (cell (rows, 4, 1), ==, "no newline");

  /* Lines are counted as a text editor counts them: the row that starts
   * after a quoted line break starts two lines later. */
  g_assert_cmpuint (((TractCsvRow *) rows->pdata[0])->line, ==, 1);
  g_assert_cmpuint (((TractCsvRow *) rows->pdata[1])->line, ==, 2);
  g_assert_cmpuint (((TractCsvRow *) rows->pdata[2])->line, ==, 3);
  g_assert_cmpuint (((TractCsvRow *) rows->pdata[3])->line, ==, 7);
  g_assert_cmpuint (((TractCsvRow *) rows->pdata[4])->line, ==, 8);
}

static void
test_parse_delimiters (void)
{
  g_autoptr(GPtrArray) semicolons = NULL;
  g_autoptr(GPtrArray) tabs = NULL;
  char delimiter = 0;

  semicolons = parse_ok ("Nom;Ville\n\"A;B\";Paris, France\n", &delimiter);
  g_assert_cmpint (delimiter, ==, ';');
  g_assert_cmpstr (cell (semicolons, 1, 0), ==, "A;B");
  g_assert_cmpstr (cell (semicolons, 1, 1), ==, "Paris, France");

  tabs = parse_ok ("name\tcity\nA, B\tLyon\n", &delimiter);
  g_assert_cmpint (delimiter, ==, '\t');
  g_assert_cmpstr (cell (tabs, 1, 0), ==, "A, B");
}

static void
assert_parse_error (const char   *text,
                    gsize         length,
                    TractCsvError code,
                    guint         line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = tract_csv_parse (text, length, NULL, &error);
  g_autofree char *line_text = g_strdup_printf ("%u", line);

  g_assert_null (rows);
  g_assert_error (error, TRACT_CSV_ERROR, code);
  g_assert_cmpuint (tract_csv_error_get_line (error), ==, line);
  /* The message names the line for people too. */
  g_assert_nonnull (strstr (error->message, line_text));
}

/* The length of a literal, NUL bytes inside included. */
#define ASSERT_PARSE_ERROR(text, code, line) assert_parse_error (text, sizeof text - 1, code, line)

static void
test_parse_errors (void)
{
  ASSERT_PARSE_ERROR ("a,b\n1,2\n\"open,3\n4,5\n", TRACT_CSV_ERROR_MALFORMED, 3);
  ASSERT_PARSE_ERROR ("a,b\n1,2\nst\"ray,3\n", TRACT_CSV_ERROR_MALFORMED, 3);
  ASSERT_PARSE_ERROR ("a,b\n\"x\"y,2\n", TRACT_CSV_ERROR_MALFORMED, 2);
  ASSERT_PARSE_ERROR ("a,b\n1,2\n\"multi\nline\",2,3\n", TRACT_CSV_ERROR_MALFORMED, 3);
  ASSERT_PARSE_ERROR ("a,b\n1\n", TRACT_CSV_ERROR_MALFORMED, 2);
  ASSERT_PARSE_ERROR ("a,b\n1,2\n\xC3\x28,2\n", TRACT_CSV_ERROR_ENCODING, 3);
  ASSERT_PARSE_ERROR ("a,b\n1,2\n3,\0\n", TRACT_CSV_ERROR_ENCODING, 3);
}

static void
test_write_read_hostile (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n = test_n_hostile_texts ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, test_hostile_text (i));
  g_ptr_array_add (texts, g_strdup (""));
  g_ptr_array_add (texts, g_strdup ("\""));
  g_ptr_array_add (texts, g_strdup ("=HYPERLINK(\"http://evil\")"));

  /* Each text alone on a row, then all of them on one row. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *row[2] = { texts->pdata[i], "end" };
      tract_csv_append_row (out, row, 2);
    }

  rows = tract_csv_parse (out->str, out->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, texts->len);
  for (guint i = 0; i < texts->len; i++)
    {
      g_assert_cmpstr (cell (rows, i, 0), ==, texts->pdata[i]);
      g_assert_cmpstr (cell (rows, i, 1), ==, "end");
    }
}

/* Export and import */

static void
add_hostile_organizations (TractStore *store)
{
  guint n = test_n_hostile_texts ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = test_hostile_text (i);
      g_autofree char *name = g_strdup_printf ("%u %s", i, text);
      g_autoptr(TractOrganization) organization = tract_organization_new (name, text);
      g_autoptr(TractContact) contact = NULL;
      gint64 id;

      g_object_set (organization,
                    "city", text, "country", text, "phone", text, "private-notes", text,
                    "membership", i % 2 ? "friend" : "signatory", "kind", "union",
                    "email", "contact@example.org", "website", "https://example.org/a,b?c=\"d\"",
                    "joined-date", i % 3 ? "2021-03-18" : "",
                    NULL);
      g_assert_true (tract_store_insert (store, TRACT_RECORD (organization), &error));
      g_assert_no_error (error);
      id = tract_record_get_id (TRACT_RECORD (organization));

      /* Every other organization has two people, the others none. */
      if (i % 2 == 0)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *person = g_strdup_printf ("%s %u", text, k);

          contact = tract_contact_new (id, person);
          g_object_set (contact, "role", text, "phone", text, "private-notes", text,
                        "email", k ? "p@example.org" : "", NULL);
          g_assert_true (tract_store_insert (store, TRACT_RECORD (contact), &error));
          g_assert_no_error (error);
          g_clear_object (&contact);
        }
    }
}

static char *
export (TractStore          *store,
        TractCsvExportFlags  flags)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_csv_export_organizations (store, stream, flags, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static TractCsvReport *
import (TractStore *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  TractCsvReport *report = tract_csv_import_organizations (store, text, strlen (text), "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_round_trip (TestDatabase  *fixture,
                 gconstpointer  data)
{
  TestDatabase other = { NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_autoptr(TractCsvReport) report = NULL;
  g_autoptr(TractCsvReport) repeat = NULL;
  guint n = test_n_hostile_texts ();

  add_hostile_organizations (fixture->store);
  first = export (fixture->store, TRACT_CSV_EXPORT_PRIVATE_NOTES);

  test_database_setup (&other, NULL);
  report = import (other.store, first);
  g_assert_cmpuint (tract_csv_report_get_n_added (report), ==, n);
  g_assert_cmpuint (tract_csv_report_get_n_updated (report), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_skipped (report), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (report), ==, (n / 2) * 2);
  g_assert_cmpuint (tract_csv_report_get_n_messages (report), ==, 0);

  /* Byte for byte: every blank, quote, control character and the 1 MiB text. */
  second = export (other.store, TRACT_CSV_EXPORT_PRIVATE_NOTES);
  g_assert_cmpstr (second, ==, first);

  /* Importing the same file again changes nothing. */
  repeat = import (other.store, first);
  g_assert_cmpuint (tract_csv_report_get_n_added (repeat), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_updated (repeat), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_unchanged (repeat), ==, n);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (repeat), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_updated (repeat), ==, 0);
  again = export (other.store, TRACT_CSV_EXPORT_PRIVATE_NOTES);
  g_assert_cmpstr (again, ==, first);

  test_database_teardown (&other, NULL);
}

static void
test_export_leaves_private_notes_out (TestDatabase  *fixture,
                                      gconstpointer  data)
{
  g_autoptr(TractOrganization) organization = tract_organization_new ("Comité", "CPC");
  g_autoptr(TractContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *public = NULL;
  g_autofree char *private = NULL;

  tract_record_set_text (TRACT_RECORD (organization), "private_notes", "SECRET-ORGANIZATION");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (organization), &error));
  contact = tract_contact_new (tract_record_get_id (TRACT_RECORD (organization)), "Louise");
  tract_record_set_text (TRACT_RECORD (contact), "private_notes", "SECRET-PERSON");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (contact), &error));
  g_assert_no_error (error);

  public = export (fixture->store, TRACT_CSV_EXPORT_DEFAULT);
  g_assert_null (strstr (public, "SECRET"));
  g_assert_null (strstr (public, "private"));
  g_assert_true (g_str_has_prefix (public, "name,acronym,kind,membership,country,city,website,email,phone,"
                                           "joined_date,contact_name,contact_role,contact_email,contact_phone\r\n"));

  private = export (fixture->store, TRACT_CSV_EXPORT_PRIVATE_NOTES);
  g_assert_nonnull (strstr (private, "SECRET-ORGANIZATION"));
  g_assert_nonnull (strstr (private, "SECRET-PERSON"));
}

static const char french[] =
  "Nom;Sigle;Ville;Pays;Courriel;Téléphone;Site;Adhésion;Type;Date d’adhésion;Contact;Rôle;Couleur\r\n"
  /* 2: an update of a demo organization, named in another case */
  "COMITE solidarité pérou;CSP;Lima;Pérou;csp@example.org;;;Signataire;Collectif;2021-03-01;;;bleu\r\n"
  /* 3: a new one with a person */
  "Les Amies de Louise Michel;ALM;Paris;France;;+33 1 23 45 67 89;https://alm.example.org;Amie;;;"
  "Louise Michel;Porte-parole;rouge\r\n"
  /* 4: a second person of the same new organization */
  "Les Amies de Louise Michel;ALM;Paris;France;;+33 1 23 45 67 89;https://alm.example.org;Amie;;;"
  "Nathalie Le Mel;Trésorière;\r\n"
  /* 5: a malformed e-mail */
  "Mauvais courriel;MC;;;pas-une-adresse;;;;;;;;\r\n"
  /* 6: no name */
  ";XX;Lyon;;;;;;;;;;\r\n"
  /* 7: an unknown membership */
  "Inconnu;INC;;;;;;Président;;;;;\r\n"
  /* 8: an impossible date */
  "Date fausse;DF;;;;;;;;2021-02-30;;;\r\n"
  /* 9: a person without a name */
  "Sans nom;SN;;;;;;;;;;Secrétaire;\r\n"
  /* 10: a blank row, ignored */
  ";;;;;;;;;;;;\r\n";

static void
test_import_french_headers_and_report (TestDatabase  *fixture,
                                       gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, NULL);
  g_autoptr(TractCsvReport) report = NULL;
  g_autoptr(TractOrganization) csp = NULL;
  g_autoptr(TractOrganization) alm = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *text = NULL;
  guint skipped_lines[5] = { 0 };
  guint n_skipped = 0;

  report = import (fixture->store, french);
  text = tract_csv_report_to_text (report);
  g_test_message ("%s", text);

  g_assert_cmpuint (tract_csv_report_get_n_added (report), ==, 1);
  g_assert_cmpuint (tract_csv_report_get_n_updated (report), ==, 1);
  g_assert_cmpuint (tract_csv_report_get_n_unchanged (report), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_skipped (report), ==, 5);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (report), ==, 2);

  for (guint i = 0; i < tract_csv_report_get_n_messages (report); i++)
    if (tract_csv_report_get_message_kind (report, i) == TRACT_CSV_MESSAGE_SKIPPED)
      skipped_lines[n_skipped++] = tract_csv_report_get_message_line (report, i);
    else
      {
        g_assert_cmpuint (tract_csv_report_get_message_line (report, i), ==, 1);
        g_assert_nonnull (strstr (tract_csv_report_get_message_text (report, i), "Couleur"));
      }
  g_assert_cmpuint (n_skipped, ==, 5);
  g_assert_cmpuint (skipped_lines[0], ==, 5);
  g_assert_cmpuint (skipped_lines[1], ==, 6);
  g_assert_cmpuint (skipped_lines[2], ==, 7);
  g_assert_cmpuint (skipped_lines[3], ==, 8);
  g_assert_cmpuint (skipped_lines[4], ==, 9);
  g_assert_nonnull (strstr (text, "Line 5, skipped: E-mail"));
  g_assert_nonnull (strstr (text, "Line 7, skipped: Membership: “Président” is not one of"));

  csp = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "CSP");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (csp), "city"), ==, "Lima");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (csp), "membership"), ==, "signatory");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (csp), "kind"), ==, "collective");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (csp), "joined_date"), ==, "2021-03-01");
  /* The name is the file's: same organization, its spelling updated. */
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (csp), "name"), ==, "COMITE solidarité pérou");

  alm = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "ALM");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (alm), "membership"), ==, "friend");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (alm), "kind"), ==, "association");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (alm), "phone"), ==, "+33 1 23 45 67 89");
  people = tract_store_select (fixture->store, TRACT_TYPE_CONTACT, "organization_id",
                               tract_record_get_id (TRACT_RECORD (alm)), "name", NULL);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (tract_record_get_text (people->pdata[0], "name"), ==, "Louise Michel");
  g_assert_cmpstr (tract_record_get_text (people->pdata[0], "role"), ==, "Porte-parole");
  g_assert_cmpstr (tract_record_get_text (people->pdata[1], "role"), ==, "Trésorière");

  g_assert_null (tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "MC"));
  g_assert_null (tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "INC"));
  g_assert_null (tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "acronym", "SN"));
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_ORGANIZATION, NULL, 0), ==, 10);
}

static void
test_import_updates_contacts (TestDatabase  *fixture,
                              gconstpointer  data)
{
  g_autoptr(TractCsvReport) first = NULL;
  g_autoptr(TractCsvReport) second = NULL;
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(GPtrArray) people = NULL;

  first = import (fixture->store, "name,contact_name,contact_email\nUPML,Eugène Varlin,ev@example.org\n");
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (first), ==, 1);

  /* Same person, other case: an update of that person, and the columns the
   * file leaves out are kept. */
  second = import (fixture->store, "Name,Contact Name,Contact Phone\nupml,EUGÈNE VARLIN,01 02\n");
  g_assert_cmpuint (tract_csv_report_get_n_unchanged (second), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_updated (second), ==, 1);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (second), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_updated (second), ==, 1);

  organization = tract_store_find (fixture->store, TRACT_TYPE_ORGANIZATION, "name", "UPML");
  people = tract_store_select (fixture->store, TRACT_TYPE_CONTACT, "organization_id",
                               tract_record_get_id (TRACT_RECORD (organization)), "id", NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (tract_record_get_text (people->pdata[0], "name"), ==, "EUGÈNE VARLIN");
  g_assert_cmpstr (tract_record_get_text (people->pdata[0], "email"), ==, "ev@example.org");
  g_assert_cmpstr (tract_record_get_text (people->pdata[0], "phone"), ==, "01 02");
}

/* Two people of the same name in one organization stay two people. */
static void
test_namesakes (TestDatabase  *fixture,
                gconstpointer  data)
{
  g_autoptr(TractOrganization) organization = tract_organization_new ("Syndicat des typographes", "ST");
  TestDatabase other = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(TractCsvReport) report = NULL;
  g_autoptr(TractCsvReport) again = NULL;
  const char * const emails[] = { "", "", "marie@example.org", "m.martin@example.org" };

  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (organization), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      g_autoptr(TractContact) contact = tract_contact_new (tract_record_get_id (TRACT_RECORD (organization)),
                                                           "Marie Martin");

      tract_record_set_text (TRACT_RECORD (contact), "email", emails[i]);
      g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (contact), &error));
      g_assert_no_error (error);
    }
  first = export (fixture->store, TRACT_CSV_EXPORT_DEFAULT);

  test_database_setup (&other, NULL);
  report = import (other.store, first);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (report), ==, 4);
  again = import (other.store, first);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_added (again), ==, 0);
  g_assert_cmpuint (tract_csv_report_get_n_contacts_updated (again), ==, 0);
  g_assert_cmpint (tract_store_count (other.store, TRACT_TYPE_CONTACT, NULL, 0), ==, 4);
  second = export (other.store, TRACT_CSV_EXPORT_DEFAULT);
  g_assert_cmpstr (second, ==, first);
  test_database_teardown (&other, NULL);
}

static void
assert_imports_nothing (TractStore   *store,
                        const char   *text,
                        gsize         length,
                        int           code,
                        guint         line)
{
  g_autofree char *before = test_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCsvReport) report = tract_csv_import_organizations (store, text, length, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, TRACT_CSV_ERROR, code);
  g_assert_cmpuint (tract_csv_error_get_line (error), ==, line);
  after = test_dump (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_malformed_imports_nothing (TestDatabase  *fixture,
                                gconstpointer  data)
{
  static const char unclosed[] = "name,city\nGood One,Paris\nGood Two,Lyon\n\"Bad,Marseille\n";
  static const char ragged[] = "name,city\nGood One,Paris\nGood Two,Lyon,extra\n";
  static const char no_name[] = "acronym,city\nA,Paris\n";
  static const char twice[] = "name,nom\nA,B\n";
  static const char latin1[] = "name,city\nGood One,Paris\nComit\xe9,Lyon\n";

  g_autoptr(TractCampaign) campaign = tract_demo_add (fixture->store, NULL);

  assert_imports_nothing (fixture->store, unclosed, strlen (unclosed), TRACT_CSV_ERROR_MALFORMED, 4);
  assert_imports_nothing (fixture->store, ragged, strlen (ragged), TRACT_CSV_ERROR_MALFORMED, 3);
  assert_imports_nothing (fixture->store, no_name, strlen (no_name), TRACT_CSV_ERROR_HEADER, 1);
  assert_imports_nothing (fixture->store, twice, strlen (twice), TRACT_CSV_ERROR_HEADER, 1);
  assert_imports_nothing (fixture->store, latin1, strlen (latin1), TRACT_CSV_ERROR_ENCODING, 3);
  assert_imports_nothing (fixture->store, "", 0, TRACT_CSV_ERROR_HEADER, 1);
}

static void
test_import_file_names_the_file (TestDatabase  *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/tract.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCsvReport) report = NULL;

  g_assert_true (g_file_set_contents (path, "name\n\"x\n", -1, NULL));
  report = tract_csv_import_file (fixture->store, file, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, TRACT_CSV_ERROR, TRACT_CSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  report = tract_csv_import_file (fixture->store, missing, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/tract.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse/rfc4180", test_parse_rfc4180);
  g_test_add_func ("/csv/parse/delimiters", test_parse_delimiters);
  g_test_add_func ("/csv/parse/errors", test_parse_errors);
  g_test_add_func ("/csv/write-read-hostile", test_write_read_hostile);
  g_test_add ("/csv/round-trip", TestDatabase, NULL, test_database_setup, test_round_trip,
              test_database_teardown);
  g_test_add ("/csv/private-notes", TestDatabase, NULL, test_database_setup,
              test_export_leaves_private_notes_out, test_database_teardown);
  g_test_add ("/csv/import/french-and-report", TestDatabase, NULL, test_database_setup,
              test_import_french_headers_and_report, test_database_teardown);
  g_test_add ("/csv/import/contacts", TestDatabase, NULL, test_database_setup,
              test_import_updates_contacts, test_database_teardown);
  g_test_add ("/csv/import/namesakes", TestDatabase, NULL, test_database_setup, test_namesakes,
              test_database_teardown);
  g_test_add ("/csv/import/malformed", TestDatabase, NULL, test_database_setup,
              test_malformed_imports_nothing, test_database_teardown);
  g_test_add ("/csv/import/file", TestDatabase, NULL, test_database_setup,
              test_import_file_names_the_file, test_database_teardown);

  return g_test_run ();
}
