/* test-records.c — every table: create, read, update, delete, and refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "test-util.h"
#include "tract-campaign.h"
#include "tract-contact.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-statement-revision.h"

typedef struct
{
  TestDatabase db;
  gint64       campaign_id;
  gint64       organization_id;
  gint64       event_id;
  gint64       statement_id;
  gint64       revision_id;
} Fixture;

static void
insert_ok (TractStore *store,
           gpointer    record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tract_store_insert (store, TRACT_RECORD (record), &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_record_get_id (TRACT_RECORD (record)), >, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  TractStore *store;
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Vive la Commune");
  g_autoptr(TractOrganization) organization = tract_organization_new ("Union des Femmes Socialistes", "SKB");
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(TractStatementRevision) revision = NULL;

  test_database_setup (&fixture->db, data);
  store = fixture->db.store;

  insert_ok (store, campaign);
  fixture->campaign_id = tract_record_get_id (TRACT_RECORD (campaign));
  insert_ok (store, organization);
  fixture->organization_id = tract_record_get_id (TRACT_RECORD (organization));
  event = tract_event_new_timed (fixture->campaign_id, "Rassemblement", "2021-03-20T14:00",
                                 "2021-03-20T17:00", "Europe/Paris");
  insert_ok (store, event);
  fixture->event_id = tract_record_get_id (TRACT_RECORD (event));
  statement = tract_statement_new (fixture->campaign_id, "Appel", "fr");
  insert_ok (store, statement);
  fixture->statement_id = tract_record_get_id (TRACT_RECORD (statement));
  revision = tract_statement_revision_new (fixture->statement_id, 1, "Appel", "Texte", "");
  insert_ok (store, revision);
  fixture->revision_id = tract_record_get_id (TRACT_RECORD (revision));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_database_teardown (&fixture->db, data);
}

/* One new record of each table, valid, and the text column to edit. */
typedef struct
{
  const char *name;
  TractRecord *(*make) (Fixture *fixture);
  const char *text_column;
} TableCase;

static TractRecord *
make_campaign (Fixture *fixture)
{
  return TRACT_RECORD (tract_campaign_new ("Autre campagne"));
}

static TractRecord *
make_organization (Fixture *fixture)
{
  return TRACT_RECORD (tract_organization_new ("Unité Communiste", "UC"));
}

static TractRecord *
make_contact (Fixture *fixture)
{
  return TRACT_RECORD (tract_contact_new (fixture->organization_id, "Louise Michel"));
}

static TractRecord *
make_event (Fixture *fixture)
{
  return TRACT_RECORD (tract_event_new_all_day (fixture->campaign_id, "Week-end", "2021-05-29",
                                                "2021-05-30", "Europe/Paris"));
}

static TractRecord *
make_event_organization (Fixture *fixture)
{
  return TRACT_RECORD (tract_event_organization_new (fixture->event_id, fixture->organization_id,
                                                     "organizer"));
}

static TractRecord *
make_event_task (Fixture *fixture)
{
  return TRACT_RECORD (tract_event_task_new (fixture->event_id, "Déclaration en préfecture"));
}

static TractRecord *
make_statement (Fixture *fixture)
{
  return TRACT_RECORD (tract_statement_new (fixture->campaign_id, "Déclaration", "fr"));
}

static TractRecord *
make_statement_revision (Fixture *fixture)
{
  return TRACT_RECORD (tract_statement_revision_new (fixture->statement_id, 2, "Appel", "Texte 2", "note"));
}

static TractRecord *
make_signature (Fixture *fixture)
{
  TractSignature *signature = tract_signature_new (fixture->statement_id, fixture->organization_id, "signed");

  g_object_set (signature, "revision_id", fixture->revision_id, "signed_by", "Nathalie", NULL);
  return TRACT_RECORD (signature);
}

static const TableCase table_cases[] = {
  { "campaign", make_campaign, "description" },
  { "organization", make_organization, "city" },
  { "contact", make_contact, "role" },
  { "event", make_event, "description" },
  { "event_organization", make_event_organization, NULL },
  { "event_task", make_event_task, "title" },
  { "statement", make_statement, "body" },
  { "statement_revision", make_statement_revision, NULL },
  { "signature", make_signature, "signed_by" },
};

static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  const TableCase *table = data;
  TractStore *store = fixture->db.store;
  g_autoptr(TractRecord) record = table->make (fixture);
  g_autoptr(TractRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n_columns;

  insert_ok (store, record);
  id = tract_record_get_id (record);

  loaded = tract_store_load (store, G_OBJECT_TYPE (record), id, &error);
  g_assert_no_error (error);
  tract_record_get_columns (record, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_assert_true (tract_record_column_equal (record, loaded, i));
  g_clear_object (&loaded);

  if (table->text_column != NULL)
    {
      tract_record_set_text (record, table->text_column, "Changé ✊");
      g_assert_true (tract_store_update (store, record, &error));
      g_assert_no_error (error);
      loaded = tract_store_load (store, G_OBJECT_TYPE (record), id, &error);
      g_assert_cmpstr (tract_record_get_text (loaded, table->text_column), ==, "Changé ✊");
      g_clear_object (&loaded);
    }
  else
    {
      /* A revision is immutable: the database itself refuses. */
      if (TRACT_IS_STATEMENT_REVISION (record))
        {
          g_autofree char *before = test_dump (store);
          g_autofree char *after = NULL;

          tract_record_set_text (record, "body", "rewritten history");
          g_assert_false (tract_store_update (store, record, &error));
          g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
          g_clear_error (&error);
          after = test_dump (store);
          g_assert_cmpstr (before, ==, after);
        }
    }

  g_assert_true (tract_store_delete (store, record, &error));
  g_assert_no_error (error);
  loaded = tract_store_load (store, G_OBJECT_TYPE (record), id, &error);
  g_assert_null (loaded);
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
}

/* A refused write changes nothing, and says which field is wrong. */
static void
assert_refused (TractStore  *store,
                TractRecord *record,
                gboolean     update,
                int          code,
                const char  *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_dump (store);
  g_autofree char *after = NULL;
  gboolean ok;

  ok = update ? tract_store_update (store, record, &error) : tract_store_insert (store, record, &error);
  g_assert_false (ok);
  g_assert_error (error, TRACT_STORE_ERROR, code);
  g_assert_cmpstr (tract_store_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 10);
  after = test_dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  TractStore *store = fixture->db.store;
  g_autoptr(TractOrganization) organization = tract_organization_new ("Comite Solidarité Pérou", "CSP");
  g_autoptr(TractOrganization) stored = NULL;
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("   ");
  g_autoptr(TractContact) contact = tract_contact_new (fixture->organization_id, "");
  g_autoptr(TractStatement) statement = tract_statement_new (fixture->campaign_id, "Appel", "français");
  g_autoptr(TractSignature) signature =
    tract_signature_new (fixture->statement_id, fixture->organization_id, "signed");

  /* Empty names, on insert. */
  assert_refused (store, TRACT_RECORD (campaign), FALSE, TRACT_STORE_ERROR_INVALID, "name");
  assert_refused (store, TRACT_RECORD (contact), FALSE, TRACT_STORE_ERROR_INVALID, "name");

  /* Malformed e-mail and URL. */
  tract_record_set_text (TRACT_RECORD (organization), "email", "csp at example dot org");
  assert_refused (store, TRACT_RECORD (organization), FALSE, TRACT_STORE_ERROR_INVALID, "email");
  tract_record_set_text (TRACT_RECORD (organization), "email", "csp@example.org");
  tract_record_set_text (TRACT_RECORD (organization), "website", "javascript:alert(1)");
  assert_refused (store, TRACT_RECORD (organization), FALSE, TRACT_STORE_ERROR_INVALID, "website");
  tract_record_set_text (TRACT_RECORD (organization), "website", "https://example.org/csp");
  tract_record_set_text (TRACT_RECORD (organization), "membership", "VIP");
  assert_refused (store, TRACT_RECORD (organization), FALSE, TRACT_STORE_ERROR_INVALID, "membership");
  tract_record_set_text (TRACT_RECORD (organization), "membership", "friend");
  tract_record_set_text (TRACT_RECORD (organization), "joined_date", "2021-02-30");
  assert_refused (store, TRACT_RECORD (organization), FALSE, TRACT_STORE_ERROR_INVALID, "joined_date");
  tract_record_set_text (TRACT_RECORD (organization), "joined_date", "2021-02-28");
  insert_ok (store, organization);

  /* Duplicate name, whatever the case, on update. */
  stored = tract_store_load (store, TRACT_TYPE_ORGANIZATION, tract_record_get_id (TRACT_RECORD (organization)), NULL);
  tract_record_set_text (TRACT_RECORD (stored), "name", "union des femmes socialistes");
  assert_refused (store, TRACT_RECORD (stored), TRUE, TRACT_STORE_ERROR_DUPLICATE, "name");

  /* End before start; unknown zone; DST gap and overlap in Paris. */
  event = tract_event_new_timed (fixture->campaign_id, "Panel", "2021-05-08T18:00", "2021-05-08T15:00",
                                 "Europe/Paris");
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "end_local");
  g_object_set (event, "start_local", "2021-05-08T15:00", "end_local", "2021-05-08T18:00",
                "time_zone", "Europe/Atlantis", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "time_zone");
  g_object_set (event, "time_zone", "+02:00", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "time_zone");
  g_object_set (event, "time_zone", "Europe/Paris", "start_local", "2021-03-28T02:30", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "start_local");
  g_object_set (event, "start_local", "2021-10-31T02:30", "end_local", "2021-10-31T04:00", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "start_local");
  g_object_set (event, "all_day", TRUE, "start_local", "2021-05-30", "end_local", "2021-05-29", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "end_local");
  g_object_set (event, "end_local", "2021-05-30", "rrule", "EVERY SATURDAY", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "rrule");
  g_object_set (event, "rrule", "", "latitude", 48.85, NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "longitude");
  g_object_set (event, "longitude", 2.35, "title", "", NULL);
  assert_refused (store, TRACT_RECORD (event), FALSE, TRACT_STORE_ERROR_INVALID, "title");
  g_object_set (event, "title", "Panel", NULL);
  insert_ok (store, event);

  assert_refused (store, TRACT_RECORD (statement), FALSE, TRACT_STORE_ERROR_INVALID, "language");
  assert_refused (store, TRACT_RECORD (signature), FALSE, TRACT_STORE_ERROR_INVALID, "revision_id");

  /* A reference to nothing. */
  g_object_set (signature, "revision_id", fixture->revision_id, "organization_id", (gint64) 9999, NULL);
  assert_refused (store, TRACT_RECORD (signature), FALSE, TRACT_STORE_ERROR_NOT_FOUND, NULL);
}

static void
test_hostile_strings (Fixture       *fixture,
                   gconstpointer  data)
{
  TractStore *store = fixture->db.store;

  for (guint i = 0; i < test_n_hostile_texts (); i++)
    {
      g_autofree char *text = test_hostile_text (i);
      g_autofree char *name = g_strdup_printf ("%u %s", i, text);
      g_autoptr(TractOrganization) organization = tract_organization_new (name, text);
      g_autoptr(TractEvent) event = tract_event_new_timed (fixture->campaign_id, text, "2021-05-01T14:00",
                                                           "2021-05-01T18:00", "Europe/Paris");
      g_autoptr(TractRecord) loaded = NULL;
      g_autoptr(GError) error = NULL;

      tract_record_set_text (TRACT_RECORD (organization), "private_notes", text);
      insert_ok (store, organization);
      g_object_set (event, "description", text, "location_name", text, NULL);
      insert_ok (store, event);

      loaded = tract_store_load (store, TRACT_TYPE_ORGANIZATION,
                                 tract_record_get_id (TRACT_RECORD (organization)), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tract_record_get_text (loaded, "name"), ==, name);
      g_assert_cmpstr (tract_record_get_text (loaded, "acronym"), ==, text);
      g_assert_cmpstr (tract_record_get_text (loaded, "private_notes"), ==, text);
      g_clear_object (&loaded);

      loaded = tract_store_load (store, TRACT_TYPE_EVENT, tract_record_get_id (TRACT_RECORD (event)), &error);
      g_assert_cmpstr (tract_record_get_text (loaded, "title"), ==, text);
      g_assert_cmpstr (tract_record_get_text (loaded, "description"), ==, text);
    }

  /* The SQL fragment did not drop anything. */
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_ORGANIZATION, NULL, 0), ==,
                   1 + test_n_hostile_texts ());
}

static void
test_invalid_utf8_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TractOrganization) organization = tract_organization_new ("Latin-1 \xe9t\xe9", "");

  assert_refused (fixture->db.store, TRACT_RECORD (organization), FALSE, TRACT_STORE_ERROR_INVALID, "name");
}

static void
test_uid_and_sequence (Fixture       *fixture,
                       gconstpointer  data)
{
  TractStore *store = fixture->db.store;
  g_autoptr(TractEvent) event = tract_store_load (store, TRACT_TYPE_EVENT, fixture->event_id, NULL);
  g_autoptr(TractEvent) other = tract_event_new_timed (fixture->campaign_id, "Autre", "2021-05-01T14:00",
                                                       "2021-05-01T15:00", "Europe/Paris");
  g_autofree char *uid = g_strdup (tract_event_get_uid (event));
  g_autoptr(GError) error = NULL;

  /* RFC 4122 version 4. */
  g_assert_true (g_uuid_string_is_valid (uid));
  g_assert_cmpint (uid[14], ==, '4');
  g_assert_cmpint (tract_event_get_sequence (event), ==, 0);
  insert_ok (store, other);
  g_assert_cmpstr (tract_event_get_uid (other), !=, uid);

  /* Private notes: no calendar user sees them. */
  tract_record_set_text (TRACT_RECORD (event), "private_notes", "ne pas diffuser");
  g_assert_true (tract_store_update (store, TRACT_RECORD (event), &error));
  g_assert_cmpint (tract_event_get_sequence (event), ==, 0);

  tract_record_set_text (TRACT_RECORD (event), "location_name", "Place du Châtelet");
  g_assert_true (tract_store_update (store, TRACT_RECORD (event), &error));
  g_assert_cmpint (tract_event_get_sequence (event), ==, 1);

  g_object_set (event, "start_local", "2021-03-20T15:00", "end_local", "2021-03-20T18:00", NULL);
  g_assert_true (tract_store_update (store, TRACT_RECORD (event), &error));
  g_assert_cmpint (tract_event_get_sequence (event), ==, 2);

  /* Saving unchanged is not a change. */
  g_assert_true (tract_store_update (store, TRACT_RECORD (event), &error));
  g_assert_cmpint (tract_event_get_sequence (event), ==, 2);

  /* The caller cannot rewrite the UID or the sequence. */
  tract_record_set_text (TRACT_RECORD (event), "uid", "forged");
  tract_record_set_integer (TRACT_RECORD (event), "sequence", 0);
  tract_record_set_text (TRACT_RECORD (event), "title", "Rassemblement du 20 mars");
  g_assert_true (tract_store_update (store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tract_event_get_uid (event), ==, uid);
  g_assert_cmpint (tract_event_get_sequence (event), ==, 3);

  g_clear_object (&event);
  event = tract_store_load (store, TRACT_TYPE_EVENT, fixture->event_id, NULL);
  g_assert_cmpstr (tract_event_get_uid (event), ==, uid);
  g_assert_cmpint (tract_event_get_sequence (event), ==, 3);
}

static void
test_times (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TractEvent) weekend = tract_event_new_all_day (fixture->campaign_id, "Week-end", "2021-05-29",
                                                           "2021-05-30", "Europe/Paris");
  g_autoptr(TractEvent) rally = tract_store_load (fixture->db.store, TRACT_TYPE_EVENT, fixture->event_id, NULL);
  g_autoptr(TractEvent) montreal = tract_event_new_timed (fixture->campaign_id, "Solidarité", "2021-03-20T09:00",
                                                          "2021-03-20T10:00", "America/Montreal");

  insert_ok (fixture->db.store, weekend);
  insert_ok (fixture->db.store, montreal);
  /* 14:00 in Paris in March (CET, +01:00) is 13:00 UTC. */
  g_assert_cmpint (tract_event_get_start_utc (rally), ==, 1616245200);
  g_assert_cmpint (tract_event_get_end_utc (rally), ==, 1616245200 + 3 * 3600);
  /* Two days, 29 May 00:00 to 31 May 00:00 in CEST (+02:00). */
  g_assert_cmpint (tract_event_get_start_utc (weekend), ==, 1622239200);
  g_assert_cmpint (tract_event_get_end_utc (weekend) - tract_event_get_start_utc (weekend), ==, 2 * 86400);
  /* Montreal switched to EDT (−04:00) on 14 March 2021. */
  g_assert_cmpint (tract_event_get_start_utc (montreal), ==, 1616245200);
}

static void
test_delete_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  TractStore *store = fixture->db.store;
  g_autoptr(TractContact) contact = tract_contact_new (fixture->organization_id, "Nathalie Lemel");
  g_autoptr(TractEventOrganization) role =
    tract_event_organization_new (fixture->event_id, fixture->organization_id, "speaker");
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  insert_ok (store, contact);
  insert_ok (store, role);
  organization = tract_store_load (store, TRACT_TYPE_ORGANIZATION, fixture->organization_id, NULL);
  g_assert_true (tract_store_delete (store, TRACT_RECORD (organization), &error));
  g_assert_no_error (error);
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_CONTACT, NULL, 0), ==, 0);
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_EVENT_ORGANIZATION, NULL, 0), ==, 0);
  g_assert_cmpint (tract_store_count (store, TRACT_TYPE_EVENT, NULL, 0), ==, 1);
}

static void
test_schema_matches_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Every choice a column offers is one the schema's CHECK accepts, and
   * every value outside them is refused before SQLite sees it. */
  for (guint t = 0; t < G_N_ELEMENTS (table_cases); t++)
    {
      g_autoptr(TractRecord) probe = table_cases[t].make (fixture);
      guint n_columns;
      const TractColumn *columns = tract_record_get_columns (probe, &n_columns);

      for (guint i = 0; i < n_columns; i++)
        for (guint c = 0; columns[i].choices != NULL && columns[i].choices[c] != NULL; c++)
          {
            g_autoptr(TractRecord) record = table_cases[t].make (fixture);
            g_autoptr(GError) error = NULL;

            if (TRACT_IS_CAMPAIGN (record) || TRACT_IS_ORGANIZATION (record))
              {
                g_autofree char *name = g_strdup_printf ("%s %s %u", columns[i].name, columns[i].choices[c], c);
                tract_record_set_text (record, "name", name);
              }
            if (TRACT_IS_SIGNATURE (record) || TRACT_IS_EVENT_ORGANIZATION (record))
              {
                g_autoptr(TractOrganization) organization = NULL;
                g_autofree char *name = g_strdup_printf ("Org %s %u", columns[i].choices[c], c);

                organization = tract_organization_new (name, "");
                insert_ok (fixture->db.store, organization);
                tract_record_set_integer (record, "organization_id",
                                          tract_record_get_id (TRACT_RECORD (organization)));
              }
            tract_record_set_text (record, columns[i].name, columns[i].choices[c]);
            g_assert_true (tract_store_insert (fixture->db.store, record, &error));
            g_assert_no_error (error);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/crud/%s", table_cases[i].name);
      g_test_add (path, Fixture, &table_cases[i], fixture_setup, test_crud, fixture_teardown);
    }
  g_test_add ("/records/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/records/hostile-text", Fixture, NULL, fixture_setup, test_hostile_strings, fixture_teardown);
  g_test_add ("/records/invalid-utf8", Fixture, NULL, fixture_setup, test_invalid_utf8_refused,
              fixture_teardown);
  g_test_add ("/records/uid-and-sequence", Fixture, NULL, fixture_setup, test_uid_and_sequence,
              fixture_teardown);
  g_test_add ("/records/times", Fixture, NULL, fixture_setup, test_times, fixture_teardown);
  g_test_add ("/records/delete-cascades", Fixture, NULL, fixture_setup, test_delete_cascades,
              fixture_teardown);
  g_test_add ("/records/schema-matches-columns", Fixture, NULL, fixture_setup, test_schema_matches_columns,
              fixture_teardown);

  return g_test_run ();
}
