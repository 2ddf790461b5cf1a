/* test-statement-ledger.c — revisions, freezing, signatures, the signatories
 * block and translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-campaign.h"
#include "tract-demo.h"
#include "tract-organization.h"
#include "tract-statement-ledger.h"

typedef struct
{
  TestDatabase db;
  TractStore  *store;
  gint64       campaign_id;
  gint64       organizations[4]; /* three members, then a friend */
  gint64       statement_id;
} Fixture;

static const char * const names[][2] = {
  { "Association Culturelle des Travailleurs Immigrés de Turquie", "ACTIT" },
  { "Union des Femmes Socialistes", "SKB" },
  { "Comite Solidarité Pérou", "CSP" },
  { "Friends of the Commune", "" },
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Vive la Commune de 1871");
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  test_database_setup (&fixture->db, data);
  fixture->store = fixture->db.store;

  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (campaign), &error));
  g_assert_no_error (error);
  fixture->campaign_id = tract_record_get_id (TRACT_RECORD (campaign));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TractOrganization) organization = tract_organization_new (names[i][0], names[i][1]);

      if (i == 3)
        tract_record_set_text (TRACT_RECORD (organization), "membership", "friend");
      g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (organization), &error));
      g_assert_no_error (error);
      fixture->organizations[i] = tract_record_get_id (TRACT_RECORD (organization));
    }

  statement = tract_statement_ledger_create (fixture->store, fixture->campaign_id, "Appel", "en",
                                             "Members and signatories", &error);
  g_assert_no_error (error);
  g_assert_nonnull (statement);
  fixture->statement_id = tract_record_get_id (TRACT_RECORD (statement));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_database_teardown (&fixture->db, data);
}

static TractStatement *
load_statement (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  TractStatement *statement = tract_store_load (fixture->store, TRACT_TYPE_STATEMENT, id, &error);

  g_assert_no_error (error);
  return statement;
}

static gint64
count_revisions (Fixture *fixture,
                 gint64   statement_id)
{
  return tract_store_count (fixture->store, TRACT_TYPE_STATEMENT_REVISION, "statement_id", statement_id);
}

/* Saves the statement with new text through the ledger; returns the
 * revision the save created, if any. */
static TractStatementRevision *
edit (Fixture    *fixture,
      gint64      statement_id,
      const char *title,
      const char *body)
{
  g_autoptr(TractStatement) statement = load_statement (fixture, statement_id);
  g_autoptr(GError) error = NULL;
  TractStatementRevision *revision = NULL;

  if (title != NULL)
    tract_record_set_text (TRACT_RECORD (statement), "title", title);
  if (body != NULL)
    tract_record_set_text (TRACT_RECORD (statement), "body", body);
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, &revision, &error));
  g_assert_no_error (error);
  return revision;
}

static TractSignature *
find_signature (Fixture *fixture,
                gint64   statement_id,
                gint64   organization_id)
{
  g_autoptr(GPtrArray) signatures = tract_store_select (fixture->store, TRACT_TYPE_SIGNATURE,
                                                        "statement_id", statement_id, "position, id",
                                                        NULL);

  for (guint i = 0; i < signatures->len; i++)
    if (tract_record_get_integer (signatures->pdata[i], "organization_id") == organization_id)
      return g_object_ref (signatures->pdata[i]);
  return NULL;
}

static gint64
signature_id (Fixture *fixture,
              gint64   statement_id,
              gint64   organization_id)
{
  g_autoptr(TractSignature) signature = find_signature (fixture, statement_id, organization_id);

  g_assert_nonnull (signature);
  return tract_record_get_id (TRACT_RECORD (signature));
}

static TractSignatureState
signature_state (Fixture *fixture,
                 gint64   statement_id,
                 gint64   organization_id,
                 gint64  *number)
{
  g_autoptr(TractSignature) signature = find_signature (fixture, statement_id, organization_id);

  g_assert_nonnull (signature);
  return tract_statement_ledger_get_signature_state (fixture->store, signature, number);
}

static void
sign (Fixture    *fixture,
      gint64      statement_id,
      gint64      organization_id,
      const char *signed_by)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_statement_ledger_sign (fixture->store,
                                              signature_id (fixture, statement_id, organization_id),
                                              signed_by, "2021-03-26", &error));
  g_assert_no_error (error);
}

static void
invite_members (Fixture *fixture,
                gint64   statement_id,
                guint    expected)
{
  g_autoptr(GError) error = NULL;
  guint n_added = G_MAXUINT;

  g_assert_true (tract_statement_ledger_invite_members (fixture->store, statement_id, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, expected);
}

/* Revisions */

static void
test_revisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TractStatementRevision) first = NULL;
  g_autoptr(TractStatementRevision) second = NULL;
  g_autoptr(TractStatementRevision) restored = NULL;
  g_autoptr(TractStatementRevision) latest = NULL;
  g_autoptr(TractStatementRevision) none = NULL;
  g_autoptr(TractStatementRevision) unchanged = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;

  none = edit (fixture, fixture->statement_id, NULL, "First draft.");
  g_assert_null (none);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 0);
  g_assert_null (tract_statement_ledger_get_latest_revision (fixture->store, fixture->statement_id));

  first = tract_statement_ledger_save_revision (fixture->store, fixture->statement_id,
                                                "Sent to the members", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (first), "number"), ==, 1);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (first), "body"), ==, "First draft.");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (first), "note"), ==, "Sent to the members");

  unchanged = edit (fixture, fixture->statement_id, "Appel du 26 mars", "Second draft.");
  g_assert_null (unchanged);
  second = tract_statement_ledger_save_revision (fixture->store, fixture->statement_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (second), "number"), ==, 2);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (second), "title"), ==, "Appel du 26 mars");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (second), "note"), ==, "");

  /* Revisions never change: the database itself refuses. */
  tract_record_set_text (TRACT_RECORD (first), "body", "Rewritten history");
  g_assert_false (tract_store_update (fixture->store, TRACT_RECORD (first), &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Restoring copies the old text as the newest revision. */
  g_clear_object (&none);
  none = edit (fixture, fixture->statement_id, NULL, "Third draft, not kept.");
  restored = tract_statement_ledger_restore_revision (fixture->store,
                                                      tract_record_get_id (TRACT_RECORD (first)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (restored), "number"), ==, 3);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (restored), "body"), ==, "First draft.");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (restored), "title"), ==, "Appel");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (restored), "note"), ==, "Restored from revision 1");
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 3);

  statement = load_statement (fixture, fixture->statement_id);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (statement), "body"), ==, "First draft.");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (statement), "title"), ==, "Appel");

  latest = tract_statement_ledger_get_latest_revision (fixture->store, fixture->statement_id);
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (latest)), ==, tract_record_get_id (TRACT_RECORD (restored)));

  /* An unknown revision is an error, and changes nothing. */
  g_assert_null (tract_statement_ledger_restore_revision (fixture->store, 9999, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 3);
}

static void
test_status_revision (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractStatement) statement = load_statement (fixture, fixture->statement_id);
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  tract_record_set_text (TRACT_RECORD (statement), "body", "Le texte.");
  tract_record_set_text (TRACT_RECORD (statement), "status", "circulating");
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, &revision, &error));
  g_assert_no_error (error);
  g_assert_nonnull (revision);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (revision), "number"), ==, 1);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (revision), "body"), ==, "Le texte.");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (revision), "note"), ==,
                   "Status changed from Draft to Circulating");

  /* A refused save changes nothing: no field, no revision. */
  before = test_dump (fixture->store);
  tract_record_set_text (TRACT_RECORD (statement), "status", "final");
  tract_record_set_text (TRACT_RECORD (statement), "title", "   ");
  g_clear_object (&revision);
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, &revision, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "title");
  g_assert_null (revision);
  g_clear_error (&error);

  tract_record_set_text (TRACT_RECORD (statement), "title", "Appel");
  tract_record_set_text (TRACT_RECORD (statement), "status", "archived");
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "status");
  g_clear_error (&error);

  tract_record_set_text (TRACT_RECORD (statement), "status", "final");
  tract_record_set_text (TRACT_RECORD (statement), "language", "not a language!");
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "language");
  g_clear_error (&error);

  after = test_dump (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* Signatures */

static void
test_invite (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 one[] = { fixture->organizations[2] };
  gint64 several[] = { fixture->organizations[1], fixture->organizations[2], fixture->organizations[3] };
  gint64 bogus[] = { fixture->organizations[0], 424242 };
  guint n_added = 0;

  g_assert_true (tract_statement_ledger_invite (fixture->store, fixture->statement_id, one, 1, &n_added,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);

  /* An organization already asked keeps its place. */
  g_assert_true (tract_statement_ledger_invite (fixture->store, fixture->statement_id, several, 3,
                                                &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);

  /* All or nothing: an unknown organization rolls back the others. */
  before = test_dump (fixture->store);
  g_assert_false (tract_statement_ledger_invite (fixture->store, fixture->statement_id, bogus, 2,
                                                 &n_added, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = test_dump (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* Members only: the friend was invited by hand above, ACTIT is new. */
  invite_members (fixture, fixture->statement_id, 1);
  invite_members (fixture, fixture->statement_id, 0);

  signatures = tract_store_select (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                   fixture->statement_id, "position, id", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 4);
  for (guint i = 0; i < signatures->len; i++)
    {
      g_assert_cmpstr (tract_record_get_text (signatures->pdata[i], "status"), ==, "invited");
      g_assert_cmpint (tract_record_get_integer (signatures->pdata[i], "position"), ==, i);
    }
  g_assert_cmpint (tract_record_get_integer (signatures->pdata[0], "organization_id"), ==,
                   fixture->organizations[2]);
  g_assert_cmpint (tract_record_get_integer (signatures->pdata[3], "organization_id"), ==,
                   fixture->organizations[0]);
}

static void
test_sign_and_freeze (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractStatementRevision) frozen = NULL;
  g_autoptr(TractStatementRevision) later = NULL;
  g_autoptr(TractStatementRevision) back = NULL;
  g_autoptr(TractStatementRevision) first = NULL;
  g_autoptr(TractSignature) signature = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number = -1;

  g_clear_object (&later);
  later = edit (fixture, fixture->statement_id, NULL, "The text as circulated.");
  g_assert_null (later);
  invite_members (fixture, fixture->statement_id, 3);

  /* The first signature saves the text it signs. */
  sign (fixture, fixture->statement_id, fixture->organizations[0], "Ayşe Yılmaz");
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 1);
  first = tract_statement_ledger_get_latest_revision (fixture->store, fixture->statement_id);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (first), "note"), ==,
                   "First signature: Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT)");
  signature = find_signature (fixture, fixture->statement_id, fixture->organizations[0]);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (signature), "status"), ==, "signed");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (signature), "signed_by"), ==, "Ayşe Yılmaz");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (signature), "signed_date"), ==, "2021-03-26");
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (signature), "revision_id"), ==,
                   tract_record_get_id (TRACT_RECORD (first)));

  /* The second signs the same revision: the text did not change. */
  sign (fixture, fixture->statement_id, fixture->organizations[1], NULL);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 1);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[1], &number),
                   ==, TRACT_SIGNATURE_SIGNED_CURRENT);
  g_assert_cmpint (number, ==, 1);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[2], &number),
                   ==, TRACT_SIGNATURE_NOT_SIGNED);
  g_assert_cmpint (number, ==, 0);

  /* Editing a signed text makes a new revision; the signed one stays. */
  frozen = edit (fixture, fixture->statement_id, NULL, "The text as circulated, amended.");
  g_assert_nonnull (frozen);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (frozen), "number"), ==, 2);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (frozen), "body"), ==,
                   "The text as circulated, amended.");
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (frozen), "note"), ==,
                   "Edited after signing; revision 1 stays as it was signed");
  g_clear_object (&first);
  first = tract_store_load (fixture->store, TRACT_TYPE_STATEMENT_REVISION,
                            tract_record_get_integer (TRACT_RECORD (signature), "revision_id"), &error);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (first), "body"), ==, "The text as circulated.");

  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[0], &number),
                   ==, TRACT_SIGNATURE_SIGNED_OLDER);
  g_assert_cmpint (number, ==, 1);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[1], NULL),
                   ==, TRACT_SIGNATURE_SIGNED_OLDER);
  g_assert_cmpuint (tract_statement_ledger_count_older (fixture->store, fixture->statement_id), ==, 2);

  /* Typing on: the newest revision was nobody's, so no more revisions. */
  later = edit (fixture, fixture->statement_id, NULL, "The text as circulated, amended twice.");
  g_assert_null (later);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 2);

  /* Asked again, SKB signs the text as it stands now: it is saved first. */
  sign (fixture, fixture->statement_id, fixture->organizations[1], "Zeynep");
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 3);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[1], &number),
                   ==, TRACT_SIGNATURE_SIGNED_CURRENT);
  g_assert_cmpint (number, ==, 3);
  g_assert_cmpuint (tract_statement_ledger_count_older (fixture->store, fixture->statement_id), ==, 1);

  /* A status change saves a revision of the same text: nobody is behind because of it. */
  statement = load_statement (fixture, fixture->statement_id);
  tract_record_set_text (TRACT_RECORD (statement), "status", "final");
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 4);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[1], NULL),
                   ==, TRACT_SIGNATURE_SIGNED_CURRENT);

  /* Back to the first text: ACTIT's signature holds again. */
  back = tract_statement_ledger_restore_revision (fixture->store, tract_record_get_id (TRACT_RECORD (first)),
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[0], NULL),
                   ==, TRACT_SIGNATURE_SIGNED_CURRENT);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[1], NULL),
                   ==, TRACT_SIGNATURE_SIGNED_OLDER);
}

static void
test_statuses (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TractSignature) signature = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  invite_members (fixture, fixture->statement_id, 3);
  id = signature_id (fixture, fixture->statement_id, fixture->organizations[2]);

  g_assert_true (tract_statement_ledger_set_status (fixture->store, id, "considering", &error));
  g_assert_no_error (error);

  before = test_dump (fixture->store);
  g_assert_false (tract_statement_ledger_set_status (fixture->store, id, "maybe", &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "status");
  g_clear_error (&error);
  g_assert_false (tract_statement_ledger_sign (fixture->store, id, "Pedro", "26/03/2021", &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "signed_date");
  g_clear_error (&error);
  after = test_dump (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* "signed" through the status: today, and the text as it stands. */
  g_assert_true (tract_statement_ledger_set_status (fixture->store, id, "signed", &error));
  g_assert_no_error (error);
  signature = tract_store_load (fixture->store, TRACT_TYPE_SIGNATURE, id, &error);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (signature), "status"), ==, "signed");
  g_assert_cmpint (strlen (tract_record_get_text (TRACT_RECORD (signature), "signed_date")), ==, 10);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (signature), "revision_id"), >, 0);

  g_assert_true (tract_statement_ledger_set_signer (fixture->store, id, "Pedro Castillo", "2021-03-27",
                                                    &error));
  g_assert_no_error (error);

  /* A signature is history: it cannot be removed, only withdrawn. */
  g_assert_false (tract_statement_ledger_remove_signature (fixture->store, id, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_assert_true (strstr (error->message, "withdrawn") != NULL);
  g_clear_error (&error);

  g_assert_true (tract_statement_ledger_set_status (fixture->store, id, "withdrawn", &error));
  g_assert_no_error (error);
  g_clear_object (&signature);
  signature = tract_store_load (fixture->store, TRACT_TYPE_SIGNATURE, id, &error);
  /* What was signed stays on record. */
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (signature), "revision_id"), >, 0);
  g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (signature), "signed_by"), ==, "Pedro Castillo");
  g_assert_true (tract_statement_ledger_remove_signature (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                      fixture->statement_id), ==, 2);
}

static void
test_order_and_block (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = NULL;
  g_autofree char *english = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *french = NULL;
  gint64 csp;

  invite_members (fixture, fixture->statement_id, 3);
  nobody = tract_statement_ledger_dup_signatories (fixture->store, fixture->statement_id, &error);
  g_assert_cmpstr (nobody, ==, "");

  /* Members are invited by name: ACTIT, CSP, SKB. */
  for (guint i = 0; i < 3; i++)
    sign (fixture, fixture->statement_id, fixture->organizations[i], NULL);
  english = tract_statement_ledger_dup_signatories (fixture->store, fixture->statement_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (english, ==, "Members and signatories: "
                                "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT); "
                                "Comite Solidarité Pérou (CSP); "
                                "Union des Femmes Socialistes (SKB)");

  csp = signature_id (fixture, fixture->statement_id, fixture->organizations[2]);
  g_assert_true (tract_statement_ledger_move_signature (fixture->store, csp, 0, &error));
  g_assert_no_error (error);
  g_assert_true (tract_statement_ledger_move_signature (fixture->store,
                                                        signature_id (fixture, fixture->statement_id,
                                                                      fixture->organizations[0]),
                                                        99, &error));
  g_assert_no_error (error);
  moved = tract_statement_ledger_dup_signatories (fixture->store, fixture->statement_id, &error);
  g_assert_cmpstr (moved, ==, "Members and signatories: "
                              "Comite Solidarité Pérou (CSP); "
                              "Union des Femmes Socialistes (SKB); "
                              "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT)");

  /* A withdrawn or declined organization leaves the block. */
  g_assert_true (tract_statement_ledger_set_status (fixture->store, csp, "withdrawn", &error));
  statement = load_statement (fixture, fixture->statement_id);
  tract_record_set_text (TRACT_RECORD (statement), "language", "fr-BE");
  tract_record_set_text (TRACT_RECORD (statement), "signatories_heading", "Membres et signataires :");
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);
  french = tract_statement_ledger_dup_signatories (fixture->store, fixture->statement_id, &error);
  g_assert_cmpstr (french, ==, "Membres et signataires\u00a0: "
                               "Union des Femmes Socialistes (SKB)\u00a0; "
                               "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT)");
}

static void
test_format (void)
{
  const char * const two[] = { "A (X)", "B", NULL };
  const char * const none[] = { NULL };
  g_autofree char *english = tract_statement_ledger_format_signatories ("Signed", "en-GB", two);
  g_autofree char *french = tract_statement_ledger_format_signatories ("Signé", "fr", two);
  g_autofree char *frisian = tract_statement_ledger_format_signatories ("Tekene", "fy", two);
  g_autofree char *arabic = tract_statement_ledger_format_signatories ("الموقعون", "ar", two);
  g_autofree char *bare = tract_statement_ledger_format_signatories ("  ", "en", two);
  g_autofree char *empty = tract_statement_ledger_format_signatories ("Signed", "en", none);

  g_assert_cmpstr (english, ==, "Signed: A (X); B");
  g_assert_cmpstr (french, ==, "Signé\u00a0: A (X)\u00a0; B");
  g_assert_cmpstr (frisian, ==, "Tekene: A (X); B");
  g_assert_cmpstr (arabic, ==, "الموقعون: A (X)\u061b B");
  g_assert_cmpstr (bare, ==, "A (X); B");
  g_assert_cmpstr (empty, ==, "");
}

/* The published statement of the sample closes as the collective's did. */
static void
test_demo_block (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(TractStatement) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *block = NULL;
  g_autofree char *french = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *seed_like = NULL;

  campaign = tract_demo_add (fixture->store, &error);
  g_assert_no_error (error);
  published = tract_store_find (fixture->store, TRACT_TYPE_STATEMENT, "status", "published");
  g_assert_nonnull (published);

  block = tract_statement_ledger_dup_signatories (fixture->store,
                                                  tract_record_get_id (TRACT_RECORD (published)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (block, ==,
                   "Members and signatories of the Collectif Vive la Commune de 1871: "
                   "Amis de l’ICOR (Coordination internationale des organisations révolutionnaires); "
                   "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT); "
                   "Comite Solidarité Pérou (CSP); "
                   "Nouveau Parti Communiste Haïtien (NPCH); "
                   "Union des Populations du Cameroun -Manifeste National pour l’Instauration de la "
                   "Démocratie (UPC-Manidem); "
                   "Union des travailleurs et de la fraternité des Peuples (BIR-KAR); "
                   "Union Prolétarienne Marxiste-Léniniste (UPML); "
                   "Union des Femmes Socialistes (SKB); "
                   "Unité Communiste (UC)");

  /* In French typography it is the seed's own line, no-break spaces aside. */
  tract_record_set_text (TRACT_RECORD (published), "language", "fr");
  g_assert_true (tract_statement_ledger_save (fixture->store, published, NULL, &error));
  g_assert_no_error (error);
  french = tract_statement_ledger_dup_signatories (fixture->store,
                                                   tract_record_get_id (TRACT_RECORD (published)), &error);
  parts = g_strsplit (french, "\u00a0", -1);
  seed_like = g_strjoinv (" ", parts);
  g_assert_true (g_str_has_prefix (seed_like, "Members and signatories of the Collectif Vive la Commune "
                                              "de 1871 : Amis de l’ICOR (Coordination internationale des "
                                              "organisations révolutionnaires) ; Association Culturelle"));
  g_assert_true (g_str_has_suffix (seed_like, " ; Union des Femmes Socialistes (SKB) ; Unité Communiste (UC)"));
}

/* Translations */

static gint64
create_translation (Fixture    *fixture,
                    const char *language,
                    const char *heading)
{
  g_autoptr(TractStatement) translation = NULL;
  g_autoptr(GError) error = NULL;

  translation = tract_statement_ledger_create (fixture->store, fixture->campaign_id, "Call", language,
                                               heading, &error);
  g_assert_no_error (error);
  tract_record_set_integer (TRACT_RECORD (translation), "translation_of", fixture->statement_id);
  g_assert_true (tract_statement_ledger_save (fixture->store, translation, NULL, &error));
  g_assert_no_error (error);
  return tract_record_get_id (TRACT_RECORD (translation));
}

static void
test_translations (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(TractStatement) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *block = NULL;
  gint64 translated = -1, original = -1;
  gint64 english, turkish;
  gint64 friend_only[1];

  g_clear_object (&revision);
  revision = edit (fixture, fixture->statement_id, "Appel", "Le texte original.");
  english = create_translation (fixture, "en", "Signed by");
  turkish = create_translation (fixture, "tr", "İmzacılar");

  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, fixture->statement_id,
                                                                 NULL, NULL),
                   ==, TRACT_TRANSLATION_NONE);
  /* The original has no revision yet: nothing to be behind. */
  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, english, &translated,
                                                                 &original),
                   ==, TRACT_TRANSLATION_UP_TO_DATE);
  g_assert_cmpint (original, ==, 0);

  /* Organizations invited from the translation sign the original. */
  friend_only[0] = fixture->organizations[1];
  g_assert_true (tract_statement_ledger_invite (fixture->store, english, friend_only, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id", english), ==, 0);
  invite_members (fixture, turkish, 2);
  g_assert_cmpint (tract_statement_ledger_get_signing_statement (fixture->store, turkish), ==,
                   fixture->statement_id);
  sign (fixture, fixture->statement_id, fixture->organizations[1], NULL);
  sign (fixture, fixture->statement_id, fixture->organizations[0], NULL);

  /* The block of a translation: its heading and language, the original's signatories. */
  block = tract_statement_ledger_dup_signatories (fixture->store, english, &error);
  g_assert_cmpstr (block, ==, "Signed by: Union des Femmes Socialistes (SKB); "
                              "Association Culturelle des Travailleurs Immigrés de Turquie (ACTIT)");

  /* The first signature saved revision 1 of the original: behind. */
  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, english, &translated,
                                                                 &original),
                   ==, TRACT_TRANSLATION_BEHIND);
  g_assert_cmpint (translated, ==, 0);
  g_assert_cmpint (original, ==, 1);

  g_clear_object (&revision);
  revision = tract_statement_ledger_save_revision (fixture->store, english, "Translated", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, english, &translated,
                                                                 &original),
                   ==, TRACT_TRANSLATION_UP_TO_DATE);
  g_assert_cmpint (translated, ==, 1);

  /* The original changes; its translation is behind until saved again. */
  g_clear_object (&revision);
  revision = edit (fixture, fixture->statement_id, NULL, "Le texte original, amendé.");
  g_assert_nonnull (revision);
  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, english, &translated,
                                                                 &original),
                   ==, TRACT_TRANSLATION_BEHIND);
  g_assert_cmpint (translated, ==, 1);
  g_assert_cmpint (original, ==, 2);
  /* And the translation's page shows the original's signatures as older. */
  g_assert_cmpuint (tract_statement_ledger_count_older (fixture->store, english), ==, 2);

  /* Links that would make the signatures ambiguous are refused. */
  statement = load_statement (fixture, english);
  tract_record_set_integer (TRACT_RECORD (statement), "translation_of", english);
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "translation_of");
  g_clear_error (&error);

  tract_record_set_integer (TRACT_RECORD (statement), "translation_of", turkish);
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "translation_of");
  g_assert_true (strstr (error->message, "itself a translation") != NULL);
  g_clear_error (&error);

  other = tract_statement_ledger_create (fixture->store, fixture->campaign_id, "Another", "fr", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&statement);
  statement = load_statement (fixture, fixture->statement_id);
  tract_record_set_integer (TRACT_RECORD (statement), "translation_of",
                            tract_record_get_id (TRACT_RECORD (other)));
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "translation_of");
  g_clear_error (&error);

  /* A statement with signatures of its own stays an original. */
  invite_members (fixture, tract_record_get_id (TRACT_RECORD (other)), 3);
  g_clear_object (&statement);
  statement = load_statement (fixture, tract_record_get_id (TRACT_RECORD (other)));
  tract_record_set_integer (TRACT_RECORD (statement), "translation_of", fixture->statement_id);
  g_assert_false (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_cmpstr (tract_store_error_get_field (error), ==, "translation_of");
  g_clear_error (&error);

  /* Unlinking makes it an original again, with no signatures. */
  g_clear_object (&statement);
  statement = load_statement (fixture, english);
  tract_record_set_integer (TRACT_RECORD (statement), "translation_of", 0);
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_statement_ledger_get_translation_state (fixture->store, english, NULL, NULL),
                   ==, TRACT_TRANSLATION_NONE);
  g_clear_pointer (&block, g_free);
  block = tract_statement_ledger_dup_signatories (fixture->store, english, &error);
  g_assert_cmpstr (block, ==, "");
}

/* Text as people write it: a megabyte, right-to-left scripts, emoji. */
static void
test_large_and_hostile (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *big = test_hostile_text (test_n_hostile_texts () - 1);
  g_autofree char *edited = NULL;
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(TractStatementRevision) signed_revision = NULL;
  g_autoptr(TractSignature) signature = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *block = NULL;
  gint64 ids[1];

  /* Every hostile text as title and body, stored and read back literally. */
  for (guint i = 0; i + 1 < test_n_hostile_texts (); i++)
    {
      g_autofree char *text = test_hostile_text (i);
      g_autoptr(TractStatementRevision) saved = NULL;
      g_autoptr(TractStatement) reloaded = NULL;
      g_autofree char *title = g_strdup_printf ("%u %s", i, text);

      g_clear_object (&revision);
      revision = edit (fixture, fixture->statement_id, title, text);
      saved = tract_statement_ledger_save_revision (fixture->store, fixture->statement_id, text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (saved), "body"), ==, text);
      g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (saved), "note"), ==, text);
      reloaded = load_statement (fixture, fixture->statement_id);
      g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (reloaded), "title"), ==, title);
    }

  /* An organization named in Arabic with an emoji signs. */
  organization = tract_organization_new ("اتحاد العمال ✊🏽", "إع");
  g_assert_true (tract_store_insert (fixture->store, TRACT_RECORD (organization), &error));
  ids[0] = tract_record_get_id (TRACT_RECORD (organization));
  g_assert_true (tract_statement_ledger_invite (fixture->store, fixture->statement_id, ids, 1, NULL, &error));
  g_assert_no_error (error);

  g_timer_start (timer);
  g_clear_object (&revision);
  revision = edit (fixture, fixture->statement_id, "مرحبا 🚩", big);
  sign (fixture, fixture->statement_id, ids[0], "עברית");
  g_test_message ("save and sign 1 MiB: %.3f s", g_timer_elapsed (timer, NULL));

  statement = load_statement (fixture, fixture->statement_id);
  tract_record_set_text (TRACT_RECORD (statement), "language", "ar");
  tract_record_set_text (TRACT_RECORD (statement), "signatories_heading", "الموقعون");
  g_assert_true (tract_statement_ledger_save (fixture->store, statement, NULL, &error));
  g_assert_no_error (error);
  block = tract_statement_ledger_dup_signatories (fixture->store, fixture->statement_id, &error);
  g_assert_cmpstr (block, ==, "الموقعون: اتحاد العمال ✊🏽 (إع)");

  /* One character changed in a megabyte: a new revision, the signed one intact. */
  edited = g_strdup (big);
  edited[strlen (edited) / 2] = '!';
  g_timer_start (timer);
  g_clear_object (&revision);
  revision = edit (fixture, fixture->statement_id, NULL, edited);
  g_test_message ("freeze 1 MiB: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_assert_nonnull (revision);
  g_assert_true (g_str_equal (tract_record_get_text (TRACT_RECORD (revision), "body"), edited));

  signature = find_signature (fixture, fixture->statement_id, ids[0]);
  signed_revision = tract_store_load (fixture->store, TRACT_TYPE_STATEMENT_REVISION,
                                      tract_record_get_integer (TRACT_RECORD (signature), "revision_id"),
                                      &error);
  g_assert_true (g_str_equal (tract_record_get_text (TRACT_RECORD (signed_revision), "body"), big));
  g_assert_cmpint (tract_statement_ledger_get_signature_state (fixture->store, signature, NULL), ==,
                   TRACT_SIGNATURE_SIGNED_OLDER);
}

/* Deleting takes the revisions and signatures along; Undo brings back all
 * of it, revisions with their stamps, translations linked again. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(TractStatement) translation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 english;

  g_clear_object (&revision);
  revision = edit (fixture, fixture->statement_id, NULL, "Le texte.");
  invite_members (fixture, fixture->statement_id, 3);
  sign (fixture, fixture->statement_id, fixture->organizations[0], "Ayşe");
  english = create_translation (fixture, "en", "Signed by");
  before = test_dump (fixture->store);

  deleted = tract_statement_ledger_delete (fixture->store, fixture->statement_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 0);
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                      fixture->statement_id), ==, 0);
  translation = load_statement (fixture, english);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (translation), "translation_of"), ==, 0);

  g_assert_true (tract_statement_ledger_undelete (fixture->store, deleted, &error));
  g_assert_no_error (error);
  after = test_dump (fixture->store);
  /* All is back; only the stamps of the statement and signatures are new. */
  g_assert_cmpint (count_revisions (fixture, fixture->statement_id), ==, 1);
  g_assert_cmpint (tract_store_count (fixture->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                      fixture->statement_id), ==, 3);
  g_assert_cmpint (signature_state (fixture, fixture->statement_id, fixture->organizations[0], NULL), ==,
                   TRACT_SIGNATURE_SIGNED_CURRENT);
  g_clear_object (&translation);
  translation = load_statement (fixture, english);
  g_assert_cmpint (tract_record_get_integer (TRACT_RECORD (translation), "translation_of"), ==,
                   fixture->statement_id);
  {
    g_autoptr(TractStatementRevision) back = tract_statement_ledger_get_latest_revision (fixture->store,
                                                                                        fixture->statement_id);
    g_assert_cmpstr (tract_record_get_text (TRACT_RECORD (back), "created_utc"), ==,
                     tract_record_get_text (deleted->pdata[1], "created_utc"));
  }
  g_assert_cmpuint (strlen (before), ==, strlen (after));

  /* Undo twice is refused: the rows exist again. */
  g_assert_false (tract_statement_ledger_undelete (fixture->store, deleted, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statement-ledger/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("revisions", test_revisions);
  ADD ("status-revision", test_status_revision);
  ADD ("invite", test_invite);
  ADD ("sign-and-freeze", test_sign_and_freeze);
  ADD ("statuses", test_statuses);
  ADD ("order-and-block", test_order_and_block);
  ADD ("demo-block", test_demo_block);
  ADD ("translations", test_translations);
  ADD ("large-and-hostile", test_large_and_hostile);
  ADD ("delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/statement-ledger/format", test_format);

#undef ADD

  return g_test_run ();
}
