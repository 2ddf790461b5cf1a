/* tract-statement-ledger.c — revisions, signatures and translations of statements
 *
 * A statement's title and body are its working text, saved as they are
 * typed. Revisions are immutable snapshots of that text, numbered from 1.
 * A signature records which revision an organization signed.
 *
 * The rules:
 *
 * - A revision is saved on request (with a note), when the status changes,
 *   and when the first organization signs. Restoring an old revision copies
 *   it as the newest one: history only grows.
 * - Freezing: when the text as it stands is a text some organization signed,
 *   the first edit of it is saved as a new revision at once; the signed
 *   revision is never touched (the database refuses to update revisions).
 * - A signature is on an older text when its revision's title and body are
 *   no longer those of the statement: the organization must be asked again.
 *   A revision saved only because the status changed leaves the text, and so
 *   the signatures, as they were.
 * - A translation (translation_of set) has no signatures of its own: it
 *   shares those of its original, which is never itself a translation. It is
 *   behind when the original gained a revision after the translation's own
 *   latest revision was saved.
 *
 * Signatures and the signatories block: tract-statement-ledger-signatures.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-organization.h"
#include "tract-statement-ledger-private.h"

/* Helpers */

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("statement status", "Draft");
  if (g_strcmp0 (status, "circulating") == 0)
    return C_("statement status", "Circulating");
  if (g_strcmp0 (status, "final") == 0)
    return C_("statement status", "Final");
  if (g_strcmp0 (status, "published") == 0)
    return C_("statement status", "Published");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return C_("statement status", "Withdrawn");
  return status;
}

/* One integer from a query with up to two integer parameters; @fallback
 * when it returns no row. */
gint64
tract_statement_ledger_query_integer (TractStore  *store,
                                      const char  *sql,
                                      gint64       first,
                                      gint64       second,
                                      gint64       fallback,
                                      GError     **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (store, sql, error);
  gint64 value = fallback;
  int status;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    tract_store_set_sqlite_error (store, status, NULL, error);
  return value;
}

static TractStatementRevision *
select_revision (TractStore  *store,
                 const char  *where,
                 gint64       value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM statement_revision WHERE %s",
                                          tract_store_get_column_list (store,
                                                                       TRACT_TYPE_STATEMENT_REVISION),
                                          where);
  sqlite3_stmt *stmt = tract_store_prepare (store, sql, NULL);
  TractStatementRevision *revision = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      revision = g_object_new (TRACT_TYPE_STATEMENT_REVISION, NULL);
      tract_store_read_row (TRACT_RECORD (revision), stmt, 0);
    }
  sqlite3_reset (stmt);
  return revision;
}

/**
 * tract_statement_ledger_get_latest_revision:
 *
 * Returns: (transfer full) (nullable): the statement's newest revision
 */
TractStatementRevision *
tract_statement_ledger_get_latest_revision (TractStore *store,
                                            gint64      statement_id)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  return select_revision (store, "statement_id = ? ORDER BY number DESC LIMIT 1", statement_id);
}

char *
tract_statement_ledger_dup_organization_label (TractStore *store,
                                               gint64      organization_id)
{
  g_autoptr(TractOrganization) organization =
    tract_store_load (store, TRACT_TYPE_ORGANIZATION, organization_id, NULL);

  if (organization == NULL)
    return g_strdup ("?");
  return tract_organization_dup_label (organization);
}

/* Whose signatures a statement shows: its own, or its original's. */
gint64
tract_statement_ledger_get_signing_statement (TractStore *store,
                                              gint64      statement_id)
{
  gint64 original;

  g_return_val_if_fail (TRACT_IS_STORE (store), 0);

  original = tract_statement_ledger_query_integer (store, "SELECT translation_of FROM statement WHERE id = ?",
                            statement_id, 0, 0, NULL);
  return original != 0 ? original : statement_id;
}

/* Creating and saving */

/**
 * tract_statement_ledger_create:
 * @signatories_heading: (nullable): what introduces the signatories
 *
 * Returns: (transfer full) (nullable): the new draft, or %NULL with @error
 * naming the field at fault
 */
TractStatement *
tract_statement_ledger_create (TractStore  *store,
                               gint64       campaign_id,
                               const char  *title,
                               const char  *language,
                               const char  *signatories_heading,
                               GError     **error)
{
  g_autoptr(TractStatement) statement = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  statement = tract_statement_new (campaign_id, title, language);
  if (signatories_heading != NULL)
    tract_record_set_text (TRACT_RECORD (statement), "signatories_heading", signatories_heading);
  if (!tract_store_insert (store, TRACT_RECORD (statement), error))
    return NULL;
  return g_steal_pointer (&statement);
}

TractStatementRevision *
tract_statement_ledger_save_revision_in (TractStore  *store,
                                         gint64       statement_id,
                                         const char  *note,
                                         GError     **error)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(TractStatementRevision) revision = NULL;
  gint64 number;

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id, error);
  if (statement == NULL)
    return NULL;

  number = tract_statement_ledger_query_integer (store, "SELECT max(number) FROM statement_revision WHERE statement_id = ?",
                          statement_id, 0, 0, error);
  revision = tract_statement_revision_new (statement_id, number + 1,
                                           tract_record_get_text (TRACT_RECORD (statement), "title"),
                                           tract_record_get_text (TRACT_RECORD (statement), "body"),
                                           note != NULL ? note : "");
  if (!tract_store_insert (store, TRACT_RECORD (revision), error))
    return NULL;
  return g_steal_pointer (&revision);
}

/* The number of the signed revision whose text is exactly the stored text of
 * the statement, or 0 when no organization signed that text. */
static gint64
signed_number_of_stored_text (TractStore  *store,
                              gint64       statement_id,
                              GError     **error)
{
  return tract_statement_ledger_query_integer (store,
                        "SELECT max(r.number) FROM signature AS s"
                        " JOIN statement_revision AS r ON r.id = s.revision_id"
                        " JOIN statement AS st ON st.id = s.statement_id"
                        " WHERE s.statement_id = ?1 AND s.status = 'signed'"
                        "   AND r.title = st.title AND r.body = st.body",
                        statement_id, 0, 0, error);
}

static gboolean
check_translation_link (TractStore      *store,
                        TractStatement  *statement,
                        GError         **error)
{
  gint64 id = tract_record_get_id (TRACT_RECORD (statement));
  gint64 original_id = tract_record_get_integer (TRACT_RECORD (statement), "translation_of");
  g_autoptr(TractStatement) original = NULL;
  g_autoptr(GError) local_error = NULL;

  if (original_id == 0)
    return TRUE;

  original = tract_store_load (store, TRACT_TYPE_STATEMENT, original_id, &local_error);
  if (original == NULL)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "translation_of",
                                   _("Translation of: the original statement no longer exists; "
                                     "choose another one."));
      return FALSE;
    }
  if (tract_record_get_integer (TRACT_RECORD (original), "translation_of") != 0)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "translation_of",
                                   _("Translation of: “%s” is itself a translation; choose the "
                                     "statement it translates."),
                                   tract_record_get_text (TRACT_RECORD (original), "title"));
      return FALSE;
    }
  if (tract_statement_ledger_query_integer (store, "SELECT count(*) FROM statement WHERE translation_of = ?",
                     id, 0, 0, NULL) > 0)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "translation_of",
                                   _("Translation of: other statements are translations of this "
                                     "one, so it stays an original."));
      return FALSE;
    }
  if (tract_statement_ledger_query_integer (store, "SELECT count(*) FROM signature WHERE statement_id = ?",
                     id, 0, 0, NULL) > 0)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "translation_of",
                                   _("Translation of: this statement has signatures of its own, "
                                     "and a translation shares those of its original; remove "
                                     "them first."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  TractStatement         *statement;
  TractStatementRevision *revision;
} SaveData;

static gboolean
save_in_transaction (TractStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  SaveData *data = user_data;
  TractRecord *record = TRACT_RECORD (data->statement);
  gint64 id = tract_record_get_id (record);
  g_autoptr(TractStatement) before = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  gboolean text_changed;
  const char *old_status, *new_status;
  gint64 frozen_number = 0;

  before = tract_store_load (store, TRACT_TYPE_STATEMENT, id, error);
  if (before == NULL)
    return FALSE;

  if (tract_record_get_integer (record, "translation_of")
        != tract_record_get_integer (TRACT_RECORD (before), "translation_of")
      && !check_translation_link (store, data->statement, error))
    return FALSE;

  text_changed = !g_str_equal (tract_record_get_text (record, "title"),
                               tract_record_get_text (TRACT_RECORD (before), "title"))
                 || !g_str_equal (tract_record_get_text (record, "body"),
                                  tract_record_get_text (TRACT_RECORD (before), "body"));
  if (text_changed)
    {
      g_autoptr(GError) local_error = NULL;

      frozen_number = signed_number_of_stored_text (store, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!tract_store_update (store, record, error))
    return FALSE;

  if (frozen_number > 0)
    g_ptr_array_add (notes, g_strdup_printf (_("Edited after signing; revision %d stays as it "
                                               "was signed"), (int) frozen_number));

  old_status = tract_record_get_text (TRACT_RECORD (before), "status");
  new_status = tract_record_get_text (record, "status");
  if (!g_str_equal (old_status, new_status))
    g_ptr_array_add (notes, g_strdup_printf (_("Status changed from %s to %s"),
                                             status_label (old_status), status_label (new_status)));

  if (notes->len > 0)
    {
      g_autofree char *note = NULL;

      g_ptr_array_add (notes, NULL);
      note = g_strjoinv ("; ", (char **) notes->pdata);
      data->revision = tract_statement_ledger_save_revision_in (store, id, note, error);
      if (data->revision == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * tract_statement_ledger_save:
 * @statement: the statement with the fields as they should be
 * @revision: (out) (optional) (transfer full) (nullable): the revision the
 *   save created, if any
 *
 * Saves every field of @statement, in one transaction with the revision
 * the rules ask for: when the status changes, and when the stored text had
 * been signed and the title or body now differ (the signed revision stays
 * as it was; the edited text becomes the newest revision).
 */
gboolean
tract_statement_ledger_save (TractStore              *store,
                             TractStatement          *statement,
                             TractStatementRevision **revision,
                             GError                 **error)
{
  SaveData data = { statement, NULL };
  gboolean ok;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (TRACT_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (tract_record_get_id (TRACT_RECORD (statement)) > 0, FALSE);

  ok = tract_store_run (store, save_in_transaction, &data, error);
  if (ok && revision != NULL)
    *revision = g_steal_pointer (&data.revision);
  g_clear_object (&data.revision);
  return ok;
}

/* Deleting, with a way back */

typedef struct
{
  gint64     id;
  GPtrArray *records;
} DeleteData;

static gboolean
delete_in_transaction (TractStore  *store,
                       gpointer     user_data,
                       GError     **error)
{
  DeleteData *data = user_data;
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GPtrArray) translations = NULL;

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, data->id, error);
  if (statement == NULL)
    return FALSE;
  revisions = tract_store_select (store, TRACT_TYPE_STATEMENT_REVISION, "statement_id", data->id,
                                  "number", error);
  if (revisions == NULL)
    return FALSE;
  signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "statement_id", data->id,
                                   "position, id", error);
  if (signatures == NULL)
    return FALSE;
  translations = tract_store_select (store, TRACT_TYPE_STATEMENT, "translation_of", data->id, "id", error);
  if (translations == NULL)
    return FALSE;

  if (!tract_store_delete (store, TRACT_RECORD (statement), error))
    return FALSE;

  g_ptr_array_add (data->records, g_steal_pointer (&statement));
  g_ptr_array_extend_and_steal (data->records, g_steal_pointer (&revisions));
  g_ptr_array_extend_and_steal (data->records, g_steal_pointer (&signatures));
  g_ptr_array_extend_and_steal (data->records, g_steal_pointer (&translations));
  return TRUE;
}

/**
 * tract_statement_ledger_delete:
 *
 * Deletes a statement with its revisions and signatures; its translations
 * become originals.
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 * tract_statement_ledger_undelete()
 */
GPtrArray *
tract_statement_ledger_delete (TractStore  *store,
                               gint64       statement_id,
                               GError     **error)
{
  DeleteData data = { statement_id, g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, delete_in_transaction, &data, error))
    {
      g_ptr_array_unref (data.records);
      return NULL;
    }
  return data.records;
}

/* Revisions are immutable, stamps included: they come back as they were. */
static gboolean
insert_revision_as_it_was (TractStore  *store,
                           TractRecord *revision,
                           GError     **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (store,
                                            "INSERT INTO statement_revision"
                                            " (id, statement_id, number, title, body, note, created_utc)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  int status;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tract_record_get_id (revision));
  sqlite3_bind_int64 (stmt, 2, tract_record_get_integer (revision, "statement_id"));
  sqlite3_bind_int64 (stmt, 3, tract_record_get_integer (revision, "number"));
  sqlite3_bind_text (stmt, 4, tract_record_get_text (revision, "title"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, tract_record_get_text (revision, "body"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, tract_record_get_text (revision, "note"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, tract_record_get_text (revision, "created_utc"), -1, SQLITE_TRANSIENT);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, revision, error);
  return TRUE;
}

static gboolean
undelete_in_transaction (TractStore  *store,
                         gpointer     user_data,
                         GError     **error)
{
  GPtrArray *records = user_data;
  gint64 statement_id;

  g_return_val_if_fail (records->len > 0 && TRACT_IS_STATEMENT (records->pdata[0]), FALSE);
  statement_id = tract_record_get_id (records->pdata[0]);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(TractRecord) record = tract_record_copy (records->pdata[i]);

      if (TRACT_IS_STATEMENT_REVISION (record))
        {
          if (!insert_revision_as_it_was (store, record, error))
            return FALSE;
        }
      else if (i > 0 && TRACT_IS_STATEMENT (record))
        {
          /* A translation of the deleted statement: linked again. */
          g_autoptr(TractStatement) translation =
            tract_store_load (store, TRACT_TYPE_STATEMENT, tract_record_get_id (record), NULL);

          if (translation == NULL)
            continue;
          tract_record_set_integer (TRACT_RECORD (translation), "translation_of", statement_id);
          if (!tract_store_update (store, TRACT_RECORD (translation), error))
            return FALSE;
        }
      else if (!tract_store_insert (store, record, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * tract_statement_ledger_undelete:
 * @deleted: what tract_statement_ledger_delete() returned
 *
 * Brings a deleted statement back with its revisions, signatures and
 * translations, under the same numbers.
 */
gboolean
tract_statement_ledger_undelete (TractStore  *store,
                                 GPtrArray   *deleted,
                                 GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (deleted != NULL, FALSE);

  if (!tract_store_run (store, undelete_in_transaction, deleted, error))
    return FALSE;
  /* Revisions were written past the store's own inserts: say so. */
  tract_store_notify_table_reset (store, "statement_revision");
  return TRUE;
}

/* Revisions */

typedef struct
{
  gint64                  id;
  const char             *note;
  TractStatementRevision *revision;
} RevisionData;

static gboolean
save_revision_in_transaction (TractStore  *store,
                              gpointer     user_data,
                              GError     **error)
{
  RevisionData *data = user_data;

  data->revision = tract_statement_ledger_save_revision_in (store, data->id, data->note, error);
  return data->revision != NULL;
}

/**
 * tract_statement_ledger_save_revision:
 * @note: (nullable): why this revision was saved
 *
 * Saves the statement's title and body as its next revision.
 *
 * Returns: (transfer full) (nullable): the new revision
 */
TractStatementRevision *
tract_statement_ledger_save_revision (TractStore  *store,
                                      gint64       statement_id,
                                      const char  *note,
                                      GError     **error)
{
  RevisionData data = { statement_id, note, NULL };

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, save_revision_in_transaction, &data, error))
    {
      g_clear_object (&data.revision);
      return NULL;
    }
  return data.revision;
}

static gboolean
restore_in_transaction (TractStore  *store,
                        gpointer     user_data,
                        GError     **error)
{
  RevisionData *data = user_data;
  g_autoptr(TractStatementRevision) old = NULL;
  g_autoptr(TractStatement) statement = NULL;
  g_autofree char *note = NULL;

  old = tract_store_load (store, TRACT_TYPE_STATEMENT_REVISION, data->id, error);
  if (old == NULL)
    return FALSE;
  statement = tract_store_load (store, TRACT_TYPE_STATEMENT,
                                tract_record_get_integer (TRACT_RECORD (old), "statement_id"), error);
  if (statement == NULL)
    return FALSE;

  tract_record_set_text (TRACT_RECORD (statement), "title",
                         tract_record_get_text (TRACT_RECORD (old), "title"));
  tract_record_set_text (TRACT_RECORD (statement), "body",
                         tract_record_get_text (TRACT_RECORD (old), "body"));
  if (!tract_store_update (store, TRACT_RECORD (statement), error))
    return FALSE;

  note = g_strdup_printf (_("Restored from revision %d"),
                          (int) tract_record_get_integer (TRACT_RECORD (old), "number"));
  data->revision = tract_statement_ledger_save_revision_in (store, tract_record_get_id (TRACT_RECORD (statement)), note, error);
  return data->revision != NULL;
}

/**
 * tract_statement_ledger_restore_revision:
 *
 * Makes the text of an old revision the statement's text again, and saves
 * it as the newest revision. Nothing is deleted.
 *
 * Returns: (transfer full) (nullable): the new revision
 */
TractStatementRevision *
tract_statement_ledger_restore_revision (TractStore  *store,
                                         gint64       revision_id,
                                         GError     **error)
{
  RevisionData data = { revision_id, NULL, NULL };

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  if (!tract_store_run (store, restore_in_transaction, &data, error))
    {
      g_clear_object (&data.revision);
      return NULL;
    }
  return data.revision;
}

/* Translations */

/**
 * tract_statement_ledger_get_translation_state:
 * @translated_number: (out) (optional): the original's revision that was the
 *   newest when the translation's latest revision was saved, 0 if none
 * @original_number: (out) (optional): the original's newest revision, 0 if none
 *
 * Revision ids grow with time, so "saved after" compares ids, which stays
 * exact within one second, unlike the stamps.
 */
TractTranslationState
tract_statement_ledger_get_translation_state (TractStore *store,
                                              gint64      statement_id,
                                              gint64     *translated_number,
                                              gint64     *original_number)
{
  gint64 original_id, latest_own, translated = 0, newest;

  g_return_val_if_fail (TRACT_IS_STORE (store), TRACT_TRANSLATION_NONE);

  if (translated_number != NULL)
    *translated_number = 0;
  if (original_number != NULL)
    *original_number = 0;

  original_id = tract_statement_ledger_query_integer (store, "SELECT translation_of FROM statement WHERE id = ?",
                               statement_id, 0, 0, NULL);
  if (original_id == 0)
    return TRACT_TRANSLATION_NONE;

  newest = tract_statement_ledger_query_integer (store, "SELECT max(number) FROM statement_revision WHERE statement_id = ?",
                          original_id, 0, 0, NULL);
  latest_own = tract_statement_ledger_query_integer (store, "SELECT max(id) FROM statement_revision WHERE statement_id = ?",
                              statement_id, 0, 0, NULL);
  if (latest_own != 0)
    translated = tract_statement_ledger_query_integer (store, "SELECT max(number) FROM statement_revision"
                                       " WHERE statement_id = ? AND id < ?",
                                original_id, latest_own, 0, NULL);

  if (translated_number != NULL)
    *translated_number = translated;
  if (original_number != NULL)
    *original_number = newest;
  return translated < newest ? TRACT_TRANSLATION_BEHIND : TRACT_TRANSLATION_UP_TO_DATE;
}
