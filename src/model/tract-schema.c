/* tract-schema.c — the numbered migrations of the database
 *
 * A migration, once released, never changes: a new need is a new entry.
 * Enumerated columns carry CHECK constraints with the same values as the
 * choices of their TractColumn; tests/model/test-schema.c holds them equal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tract-schema.h"

static const char migration_1[] =
  "CREATE TABLE campaign ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  start_date TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),"
  "  end_date TEXT CHECK (end_date IS NULL OR date(end_date) = end_date),"
  "  time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL,"
  "  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)"
  ");"

  "CREATE TABLE organization ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),"
  "  acronym TEXT NOT NULL DEFAULT '' COLLATE NOCASE,"
  "  kind TEXT NOT NULL DEFAULT 'association'"
  "    CHECK (kind IN ('association', 'party', 'union', 'collective', 'committee', 'network', 'media', 'other')),"
  "  country TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  membership TEXT NOT NULL DEFAULT 'member'"
  "    CHECK (membership IN ('member', 'signatory', 'friend', 'former')),"
  "  joined_date TEXT CHECK (joined_date IS NULL OR date(joined_date) = joined_date),"
  "  private_notes TEXT NOT NULL DEFAULT '',"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL"
  ");"
  "CREATE INDEX organization_by_acronym ON organization (acronym, id);"
  "CREATE INDEX organization_by_membership ON organization (membership, name, id);"
  "CREATE INDEX organization_by_joined ON organization (joined_date, id);"

  "CREATE TABLE contact ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  private_notes TEXT NOT NULL DEFAULT '',"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL"
  ");"
  "CREATE INDEX contact_by_organization ON contact (organization_id, name, id);"

  "CREATE TABLE event ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'rally'"
  "    CHECK (kind IN ('rally', 'demonstration', 'panel', 'commemoration', 'celebration', 'meeting', 'other')),"
  "  status TEXT NOT NULL DEFAULT 'confirmed'"
  "    CHECK (status IN ('tentative', 'confirmed', 'cancelled')),"
  "  all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),"
  "  start_local TEXT NOT NULL,"
  "  end_local TEXT NOT NULL,"
  "  time_zone TEXT NOT NULL,"
  "  start_utc INTEGER NOT NULL,"
  "  end_utc INTEGER NOT NULL CHECK (end_utc >= start_utc),"
  "  rrule TEXT NOT NULL DEFAULT '',"
  "  exdates TEXT NOT NULL DEFAULT '',"
  "  location_name TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),"
  "  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  private_notes TEXT NOT NULL DEFAULT '',"
  "  sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL"
  ");"
  "CREATE INDEX event_by_campaign_start ON event (campaign_id, start_utc, id);"
  "CREATE INDEX event_by_start ON event (start_utc, id);"

  "CREATE TABLE event_organization ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'organizer'"
  "    CHECK (role IN ('organizer', 'partner', 'speaker', 'delegation')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (event_id, organization_id)"
  ");"
  "CREATE INDEX event_organization_by_event ON event_organization (event_id, position, id);"
  "CREATE INDEX event_organization_by_organization ON event_organization (organization_id, position, id);"

  "CREATE TABLE event_task ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX event_task_by_event ON event_task (event_id, position, id);"
  "CREATE INDEX event_task_by_organization ON event_task (organization_id);"

  "CREATE TABLE statement ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  language TEXT NOT NULL DEFAULT 'fr',"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'circulating', 'final', 'published', 'withdrawn')),"
  "  body TEXT NOT NULL DEFAULT '',"
  "  translation_of INTEGER REFERENCES statement (id) ON DELETE SET NULL"
  "    CHECK (translation_of IS NULL OR translation_of <> id),"
  "  signatories_heading TEXT NOT NULL DEFAULT '',"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL"
  ");"
  "CREATE INDEX statement_by_campaign ON statement (campaign_id, title, id);"
  "CREATE INDEX statement_by_translation ON statement (translation_of);"

  "CREATE TABLE statement_revision ("
  "  id INTEGER PRIMARY KEY,"
  "  statement_id INTEGER NOT NULL REFERENCES statement (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_utc TEXT NOT NULL,"
  "  UNIQUE (statement_id, number)"
  ");"
  /* A revision is what an organization signed: it never changes. */
  "CREATE TRIGGER statement_revision_is_immutable BEFORE UPDATE ON statement_revision"
  "  BEGIN SELECT RAISE (ABORT, 'statement revisions are immutable'); END;"

  "CREATE TABLE signature ("
  "  id INTEGER PRIMARY KEY,"
  "  statement_id INTEGER NOT NULL REFERENCES statement (id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'invited'"
  "    CHECK (status IN ('invited', 'considering', 'signed', 'declined', 'withdrawn')),"
  "  revision_id INTEGER REFERENCES statement_revision (id),"
  "  signed_by TEXT NOT NULL DEFAULT '',"
  "  signed_date TEXT CHECK (signed_date IS NULL OR date(signed_date) = signed_date),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_utc TEXT NOT NULL,"
  "  modified_utc TEXT NOT NULL,"
  "  UNIQUE (statement_id, organization_id),"
  "  CHECK (status <> 'signed' OR revision_id IS NOT NULL)"
  ");"
  "CREATE INDEX signature_by_statement ON signature (statement_id, position, id);"
  "CREATE INDEX signature_by_organization ON signature (organization_id, position, id);"
  "CREATE INDEX signature_by_revision ON signature (revision_id);";

/* Search as you type: FTS5 indexes kept by triggers, so the store never
 * scans a table in C. Diacritics are folded ("Comite" finds "Comité"). */
static const char migration_2[] =
  /* An organization is found by its own fields and by its people. */
  "CREATE VIRTUAL TABLE organization_search USING fts5 ("
  "  name, acronym, city, country, people,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  "INSERT INTO organization_search (rowid, name, acronym, city, country, people)"
  "  SELECT o.id, o.name, o.acronym, o.city, o.country,"
  "    (SELECT group_concat (c.name || ' ' || c.email, ' ') FROM contact AS c WHERE c.organization_id = o.id)"
  "  FROM organization AS o;"
  "CREATE TRIGGER organization_search_insert AFTER INSERT ON organization BEGIN"
  "  INSERT INTO organization_search (rowid, name, acronym, city, country, people)"
  "    VALUES (new.id, new.name, new.acronym, new.city, new.country, '');"
  "END;"
  "CREATE TRIGGER organization_search_update AFTER UPDATE ON organization BEGIN"
  "  UPDATE organization_search SET name = new.name, acronym = new.acronym, city = new.city,"
  "    country = new.country WHERE rowid = new.id;"
  "END;"
  "CREATE TRIGGER organization_search_delete AFTER DELETE ON organization BEGIN"
  "  DELETE FROM organization_search WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER organization_search_contact_insert AFTER INSERT ON contact BEGIN"
  "  UPDATE organization_search SET people = (SELECT group_concat (c.name || ' ' || c.email, ' ')"
  "    FROM contact AS c WHERE c.organization_id = new.organization_id) WHERE rowid = new.organization_id;"
  "END;"
  "CREATE TRIGGER organization_search_contact_update AFTER UPDATE ON contact BEGIN"
  "  UPDATE organization_search SET people = (SELECT group_concat (c.name || ' ' || c.email, ' ')"
  "    FROM contact AS c WHERE c.organization_id = old.organization_id) WHERE rowid = old.organization_id;"
  "  UPDATE organization_search SET people = (SELECT group_concat (c.name || ' ' || c.email, ' ')"
  "    FROM contact AS c WHERE c.organization_id = new.organization_id) WHERE rowid = new.organization_id;"
  "END;"
  "CREATE TRIGGER organization_search_contact_delete AFTER DELETE ON contact BEGIN"
  "  UPDATE organization_search SET people = (SELECT group_concat (c.name || ' ' || c.email, ' ')"
  "    FROM contact AS c WHERE c.organization_id = old.organization_id) WHERE rowid = old.organization_id;"
  "END;"

  /* Events by what people remember of them. External content: no copy. */
  "CREATE VIRTUAL TABLE event_search USING fts5 ("
  "  title, location_name, address, description, content = 'event', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
  "INSERT INTO event_search (event_search) VALUES ('rebuild');"
  "CREATE TRIGGER event_search_insert AFTER INSERT ON event BEGIN"
  "  INSERT INTO event_search (rowid, title, location_name, address, description)"
  "    VALUES (new.id, new.title, new.location_name, new.address, new.description);"
  "END;"
  "CREATE TRIGGER event_search_delete AFTER DELETE ON event BEGIN"
  "  INSERT INTO event_search (event_search, rowid, title, location_name, address, description)"
  "    VALUES ('delete', old.id, old.title, old.location_name, old.address, old.description);"
  "END;"
  "CREATE TRIGGER event_search_update AFTER UPDATE ON event BEGIN"
  "  INSERT INTO event_search (event_search, rowid, title, location_name, address, description)"
  "    VALUES ('delete', old.id, old.title, old.location_name, old.address, old.description);"
  "  INSERT INTO event_search (rowid, title, location_name, address, description)"
  "    VALUES (new.id, new.title, new.location_name, new.address, new.description);"
  "END;"

  /* Filters the pages offer. */
  "CREATE INDEX event_by_campaign_kind ON event (campaign_id, kind, start_utc, id);"
  "CREATE INDEX event_by_campaign_status ON event (campaign_id, status, start_utc, id);"
  "CREATE INDEX event_organization_by_organization_event ON event_organization (organization_id, event_id);";

/* An optional picture per event for its flyer. The bytes are kept as the
 * user picked them; width and height are read from the file's header when
 * it is stored, so that a layout can be planned without decoding it. */
static const char migration_3[] =
  "CREATE TABLE event_image ("
  "  event_id INTEGER PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,"
  "  mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg')),"
  "  data BLOB NOT NULL,"
  "  width INTEGER NOT NULL CHECK (width > 0),"
  "  height INTEGER NOT NULL CHECK (height > 0)"
  ");";

/* The agenda's rows: one per occurrence of an event, so that the agenda
 * is a plain indexed query however many events repeat (ordered by the
 * local day of the start, in the event's own zone, then by instant).
 * Triggers keep the single occurrence of an event that does not repeat,
 * and the first one of a series; SQL cannot expand a recurrence rule, so
 * they mark the series stale and the model (tract-agenda-query.c) expands
 * it, up to a horizon for endless ones. Kind and status are copied for
 * indexed filters. No foreign keys: the triggers clean up, and deleting
 * an event does not make the store announce changes to these tables. */
static const char migration_4[] =
  "CREATE TABLE event_occurrence ("
  "  event_id INTEGER NOT NULL,"
  "  campaign_id INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  day TEXT NOT NULL,"
  "  last_day TEXT NOT NULL,"
  "  span_days INTEGER NOT NULL,"
  "  start_utc INTEGER NOT NULL,"
  "  end_utc INTEGER NOT NULL,"
  "  start_local TEXT NOT NULL,"
  "  end_local TEXT NOT NULL,"
  "  UNIQUE (event_id, start_utc)"
  ");"
  "CREATE INDEX event_occurrence_by_day ON event_occurrence (campaign_id, day, start_utc, event_id);"
  "CREATE INDEX event_occurrence_by_kind ON event_occurrence (campaign_id, kind, day, start_utc, event_id);"
  "CREATE INDEX event_occurrence_by_status ON event_occurrence (campaign_id, status, day, start_utc, event_id);"
  /* The calendar looks back this far for events that last into a month. */
  "CREATE INDEX event_occurrence_long ON event_occurrence (campaign_id, day) WHERE span_days > 31;"

  "CREATE TABLE event_occurrence_stale (event_id INTEGER PRIMARY KEY);"
  "CREATE TABLE event_occurrence_horizon ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  until_utc INTEGER NOT NULL"
  ");"
  "CREATE INDEX event_recurring ON event (id) WHERE rrule <> '';"

  /* The last day of a timed event that ends at midnight is the day before. */
  "CREATE VIEW event_occurrence_source AS"
  "  SELECT id AS event_id, campaign_id, kind, status, day, last_day,"
  "    CAST (julianday (last_day) - julianday (day) AS INTEGER) AS span_days,"
  "    start_utc, end_utc, start_local, end_local, rrule"
  "  FROM (SELECT *, substr (start_local, 1, 10) AS day,"
  "    CASE WHEN all_day = 0 AND substr (end_local, 12, 5) = '00:00'"
  "           AND substr (end_local, 1, 10) > substr (start_local, 1, 10)"
  "         THEN date (substr (end_local, 1, 10), '-1 day')"
  "         ELSE substr (end_local, 1, 10) END AS last_day"
  "  FROM event);"

  "INSERT INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day, span_days,"
  "    start_utc, end_utc, start_local, end_local)"
  "  SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "    start_local, end_local FROM event_occurrence_source;"
  "INSERT INTO event_occurrence_stale (event_id) SELECT id FROM event WHERE rrule <> '';"

  "CREATE TRIGGER event_occurrence_insert AFTER INSERT ON event BEGIN"
  "  INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day,"
  "      span_days, start_utc, end_utc, start_local, end_local)"
  "    SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "      start_local, end_local FROM event_occurrence_source WHERE event_id = new.id;"
  "  INSERT OR IGNORE INTO event_occurrence_stale (event_id) SELECT new.id WHERE new.rrule <> '';"
  "END;"
  "CREATE TRIGGER event_occurrence_update AFTER UPDATE ON event"
  "  WHEN old.start_local IS NOT new.start_local OR old.end_local IS NOT new.end_local"
  "    OR old.start_utc IS NOT new.start_utc OR old.end_utc IS NOT new.end_utc"
  "    OR old.time_zone IS NOT new.time_zone OR old.all_day IS NOT new.all_day"
  "    OR old.rrule IS NOT new.rrule OR old.exdates IS NOT new.exdates"
  "    OR old.campaign_id IS NOT new.campaign_id OR old.id IS NOT new.id BEGIN"
  "  DELETE FROM event_occurrence WHERE event_id = old.id;"
  "  DELETE FROM event_occurrence_stale WHERE event_id = old.id;"
  "  INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day,"
  "      span_days, start_utc, end_utc, start_local, end_local)"
  "    SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "      start_local, end_local FROM event_occurrence_source WHERE event_id = new.id;"
  "  INSERT OR IGNORE INTO event_occurrence_stale (event_id) SELECT new.id WHERE new.rrule <> '';"
  "END;"
  "CREATE TRIGGER event_occurrence_labels AFTER UPDATE OF kind, status ON event"
  "  WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status BEGIN"
  "  UPDATE event_occurrence SET kind = new.kind, status = new.status WHERE event_id = new.id;"
  "END;"
  "CREATE TRIGGER event_occurrence_delete AFTER DELETE ON event BEGIN"
  "  DELETE FROM event_occurrence WHERE event_id = old.id;"
  "  DELETE FROM event_occurrence_stale WHERE event_id = old.id;"
  "END;";

/* Bulk insertion of events (tract-event-bulk.c). An import of 100,000
 * events must not pay for the search index and the agenda's rows row by
 * row: one INSERT … SELECT per table for many rows costs a fraction of
 * what the triggers cost, each feeding FTS5 or reading a view per row.
 * While the one row of event_bulk exists, the insert triggers leave the
 * events numbered first_id and above to the bulk, which writes their
 * search entries and occurrences a chunk at a time, moving first_id past
 * each chunk, and at its end deletes the row. The row is only
 * ever written inside the import's transaction, so a failure, a cancel
 * or a crash rolls it back with everything else, and no other connection
 * ever sees it. The search index's update and delete triggers skip those
 * events too: FTS5 must never be told to delete what it was not given.
 * The occurrence triggers need not: the bulk replaces what they wrote. */
static const char migration_5[] =
  "CREATE TABLE event_bulk ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  first_id INTEGER NOT NULL"
  ");"

  "DROP TRIGGER event_search_insert;"
  "DROP TRIGGER event_search_delete;"
  "DROP TRIGGER event_search_update;"
  "CREATE TRIGGER event_search_insert AFTER INSERT ON event"
  "  WHEN NOT EXISTS (SELECT 1 FROM event_bulk WHERE first_id <= new.id) BEGIN"
  "  INSERT INTO event_search (rowid, title, location_name, address, description)"
  "    VALUES (new.id, new.title, new.location_name, new.address, new.description);"
  "END;"
  "CREATE TRIGGER event_search_delete AFTER DELETE ON event"
  "  WHEN NOT EXISTS (SELECT 1 FROM event_bulk WHERE first_id <= old.id) BEGIN"
  "  INSERT INTO event_search (event_search, rowid, title, location_name, address, description)"
  "    VALUES ('delete', old.id, old.title, old.location_name, old.address, old.description);"
  "END;"
  "CREATE TRIGGER event_search_update AFTER UPDATE ON event"
  "  WHEN NOT EXISTS (SELECT 1 FROM event_bulk WHERE first_id <= old.id) BEGIN"
  "  INSERT INTO event_search (event_search, rowid, title, location_name, address, description)"
  "    VALUES ('delete', old.id, old.title, old.location_name, old.address, old.description);"
  "  INSERT INTO event_search (rowid, title, location_name, address, description)"
  "    VALUES (new.id, new.title, new.location_name, new.address, new.description);"
  "END;"

  "DROP TRIGGER event_occurrence_insert;"
  "CREATE TRIGGER event_occurrence_insert AFTER INSERT ON event"
  "  WHEN NOT EXISTS (SELECT 1 FROM event_bulk WHERE first_id <= new.id) BEGIN"
  "  INSERT OR REPLACE INTO event_occurrence (event_id, campaign_id, kind, status, day, last_day,"
  "      span_days, start_utc, end_utc, start_local, end_local)"
  "    SELECT event_id, campaign_id, kind, status, day, last_day, span_days, start_utc, end_utc,"
  "      start_local, end_local FROM event_occurrence_source WHERE event_id = new.id;"
  "  INSERT OR IGNORE INTO event_occurrence_stale (event_id) SELECT new.id WHERE new.rrule <> '';"
  "END;"

  /* The terms of a large transaction are kept in memory up to this size
   * before FTS5 writes a segment: with the default (1 MB), writing and
   * merging the many small segments of an import of 100,000 events makes
   * its indexing half as slow again (1.1 s instead of 0.7 s here). Single
   * edits never come near it. */
  "INSERT INTO event_search (event_search, rank) VALUES ('hashsize', 16777216);";

/* The agenda filters by kind and status on its occurrences (migration
 * 4); nothing reads events in these orders any more, and an import paid
 * for keeping them. */
static const char migration_6[] =
  "DROP INDEX event_by_campaign_kind;"
  "DROP INDEX event_by_campaign_status;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

const char * const *
tract_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
