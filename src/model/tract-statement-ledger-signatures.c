/* tract-statement-ledger-signatures.c — signatures and the signatories block
 *
 * Organizations are invited after those already asked, sign the text as it
 * stands (saved as a revision first when no revision holds it), and are
 * listed, in the chosen order, in the block that closes the statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-organization.h"
#include "tract-statement-ledger-private.h"

/* Signatures */

typedef struct
{
  gint64        statement_id;
  const gint64 *organization_ids;
  guint         n_organizations;
  guint         n_added;
} InviteData;

static gboolean
invite_in_transaction (TractStore  *store,
                       gpointer     user_data,
                       GError     **error)
{
  InviteData *data = user_data;
  gint64 statement_id = tract_statement_ledger_get_signing_statement (store, data->statement_id);
  gint64 position;
  g_autoptr(GError) local_error = NULL;

  position = tract_statement_ledger_query_integer (store, "SELECT max(position) + 1 FROM signature WHERE statement_id = ?",
                            statement_id, 0, 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < data->n_organizations; i++)
    {
      g_autoptr(TractSignature) signature = NULL;

      if (tract_statement_ledger_query_integer (store, "SELECT count(*) FROM signature"
                                " WHERE statement_id = ? AND organization_id = ?",
                         statement_id, data->organization_ids[i], 0, NULL) > 0)
        continue;

      signature = tract_signature_new (statement_id, data->organization_ids[i], "invited");
      tract_record_set_integer (TRACT_RECORD (signature), "position", position++);
      if (!tract_store_insert (store, TRACT_RECORD (signature), error))
        return FALSE;
      data->n_added++;
    }
  return TRUE;
}

/**
 * tract_statement_ledger_invite:
 * @organization_ids: (array length=n_organizations): the organizations to invite
 * @n_added: (out) (optional): how many were not invited already
 *
 * Invites organizations to sign, after those already asked; an
 * organization already on the list keeps its place and status. For a
 * translation, the organizations are invited to sign its original.
 */
gboolean
tract_statement_ledger_invite (TractStore    *store,
                               gint64         statement_id,
                               const gint64  *organization_ids,
                               guint          n_organizations,
                               guint         *n_added,
                               GError       **error)
{
  InviteData data = { statement_id, organization_ids, n_organizations, 0 };

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (organization_ids != NULL || n_organizations == 0, FALSE);

  if (!tract_store_run (store, invite_in_transaction, &data, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = data.n_added;
  return TRUE;
}

/**
 * tract_statement_ledger_invite_members:
 * @n_added: (out) (optional): how many were not invited already
 *
 * Invites every organization whose membership is "member", by name.
 */
gboolean
tract_statement_ledger_invite_members (TractStore  *store,
                                       gint64       statement_id,
                                       guint       *n_added,
                                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  stmt = tract_store_prepare (store, "SELECT id FROM organization WHERE membership = 'member'"
                                     " ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);

  return tract_statement_ledger_invite (store, statement_id, (const gint64 *) ids->data, ids->len,
                                        n_added, error);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

typedef struct
{
  gint64      signature_id;
  const char *signed_by;
  const char *signed_date;
} SignatureChange;

/* Whether the latest revision holds the statement's text as it stands. */
static gint64
revision_of_stored_text (TractStore *store,
                         gint64      statement_id)
{
  return tract_statement_ledger_query_integer (store,
                        "SELECT r.id FROM statement_revision AS r"
                        " JOIN statement AS st ON st.id = r.statement_id"
                        " WHERE r.statement_id = ?1 AND r.title = st.title AND r.body = st.body"
                        "   AND r.number = (SELECT max(number) FROM statement_revision"
                        "                   WHERE statement_id = ?1)",
                        statement_id, 0, 0, NULL);
}

static gboolean
sign_in_transaction (TractStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  SignatureChange *change = user_data;
  g_autoptr(TractSignature) signature = NULL;
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  gint64 statement_id, revision_id;
  gboolean first;

  signature = tract_store_load (store, TRACT_TYPE_SIGNATURE, change->signature_id, error);
  if (signature == NULL)
    return FALSE;
  statement_id = tract_record_get_integer (TRACT_RECORD (signature), "statement_id");
  label = tract_statement_ledger_dup_organization_label (store,
                                  tract_record_get_integer (TRACT_RECORD (signature), "organization_id"));

  first = tract_statement_ledger_query_integer (store, "SELECT count(*) FROM signature"
                                " WHERE statement_id = ? AND status = 'signed' AND id <> ?",
                         statement_id, change->signature_id, 0, NULL) == 0;
  revision_id = first ? 0 : revision_of_stored_text (store, statement_id);
  if (revision_id == 0)
    {
      /* The text being signed must be kept as it is signed. */
      note = first ? g_strdup_printf (_("First signature: %s"), label)
                   : g_strdup_printf (_("Signed by %s"), label);
      revision = tract_statement_ledger_save_revision_in (store, statement_id, note, error);
      if (revision == NULL)
        return FALSE;
      revision_id = tract_record_get_id (TRACT_RECORD (revision));
    }

  tract_record_set_text (TRACT_RECORD (signature), "status", "signed");
  tract_record_set_integer (TRACT_RECORD (signature), "revision_id", revision_id);
  if (change->signed_by != NULL)
    tract_record_set_text (TRACT_RECORD (signature), "signed_by", change->signed_by);
  if (change->signed_date != NULL)
    tract_record_set_text (TRACT_RECORD (signature), "signed_date", change->signed_date);
  else
    {
      today = dup_today ();
      tract_record_set_text (TRACT_RECORD (signature), "signed_date", today);
    }
  return tract_store_update (store, TRACT_RECORD (signature), error);
}

/**
 * tract_statement_ledger_sign:
 * @signed_by: (nullable): who signed for the organization; %NULL keeps it
 * @signed_date: (nullable): when, as YYYY-MM-DD; %NULL for today
 *
 * Marks the signature as signed on the statement's text as it stands,
 * saving that text as a revision first when no revision holds it yet (and
 * always for the first signature). Signing again after the text changed
 * moves the signature to the current text.
 */
gboolean
tract_statement_ledger_sign (TractStore  *store,
                             gint64       signature_id,
                             const char  *signed_by,
                             const char  *signed_date,
                             GError     **error)
{
  SignatureChange change = { signature_id, signed_by, signed_date };

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  return tract_store_run (store, sign_in_transaction, &change, error);
}

/**
 * tract_statement_ledger_set_status:
 *
 * Changes a signature's status. "signed" is tract_statement_ledger_sign()
 * for today; any other status keeps the record of what was signed before,
 * if anything was.
 */
gboolean
tract_statement_ledger_set_status (TractStore  *store,
                                   gint64       signature_id,
                                   const char  *status,
                                   GError     **error)
{
  g_autoptr(TractSignature) signature = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (g_str_equal (status, "signed"))
    return tract_statement_ledger_sign (store, signature_id, NULL, NULL, error);

  signature = tract_store_load (store, TRACT_TYPE_SIGNATURE, signature_id, error);
  if (signature == NULL)
    return FALSE;
  tract_record_set_text (TRACT_RECORD (signature), "status", status);
  return tract_store_update (store, TRACT_RECORD (signature), error);
}

/**
 * tract_statement_ledger_set_signer:
 * @signed_by: (nullable): who signed for the organization; %NULL keeps it
 * @signed_date: (nullable): when, as YYYY-MM-DD, or "" for unknown; %NULL keeps it
 */
gboolean
tract_statement_ledger_set_signer (TractStore  *store,
                                   gint64       signature_id,
                                   const char  *signed_by,
                                   const char  *signed_date,
                                   GError     **error)
{
  g_autoptr(TractSignature) signature = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  signature = tract_store_load (store, TRACT_TYPE_SIGNATURE, signature_id, error);
  if (signature == NULL)
    return FALSE;
  if (signed_by != NULL)
    tract_record_set_text (TRACT_RECORD (signature), "signed_by", signed_by);
  if (signed_date != NULL)
    tract_record_set_text (TRACT_RECORD (signature), "signed_date", signed_date);
  return tract_store_update (store, TRACT_RECORD (signature), error);
}

typedef struct
{
  gint64 signature_id;
  guint  position;
} MoveData;

static gboolean
move_in_transaction (TractStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  MoveData *data = user_data;
  g_autoptr(TractSignature) moved = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  guint from = G_MAXUINT;

  moved = tract_store_load (store, TRACT_TYPE_SIGNATURE, data->signature_id, error);
  if (moved == NULL)
    return FALSE;
  signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "statement_id",
                                   tract_record_get_integer (TRACT_RECORD (moved), "statement_id"),
                                   "position, id", error);
  if (signatures == NULL)
    return FALSE;

  for (guint i = 0; i < signatures->len; i++)
    if (tract_record_get_id (signatures->pdata[i]) == data->signature_id)
      from = i;
  g_assert (from != G_MAXUINT);

  {
    gpointer item = g_ptr_array_steal_index (signatures, from);
    g_ptr_array_insert (signatures, (int) MIN (data->position, signatures->len), item);
  }

  /* Positions become 0, 1, 2…: only rows whose number changes are written. */
  for (guint i = 0; i < signatures->len; i++)
    {
      TractRecord *signature = signatures->pdata[i];

      if (tract_record_get_integer (signature, "position") == (gint64) i)
        continue;
      tract_record_set_integer (signature, "position", i);
      if (!tract_store_update (store, signature, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * tract_statement_ledger_move_signature:
 * @position: where the signature goes among its statement's signatures,
 *   from 0; past the end means last
 *
 * Reorders the signatories: the block lists them in this order.
 */
gboolean
tract_statement_ledger_move_signature (TractStore  *store,
                                       gint64       signature_id,
                                       guint        position,
                                       GError     **error)
{
  MoveData data = { signature_id, position };

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  return tract_store_run (store, move_in_transaction, &data, error);
}

/**
 * tract_statement_ledger_remove_signature:
 *
 * Takes an organization off the list. A signed signature is history and
 * stays: it can be marked withdrawn instead.
 */
gboolean
tract_statement_ledger_remove_signature (TractStore  *store,
                                         gint64       signature_id,
                                         GError     **error)
{
  g_autoptr(TractSignature) signature = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);

  signature = tract_store_load (store, TRACT_TYPE_SIGNATURE, signature_id, error);
  if (signature == NULL)
    return FALSE;
  if (g_str_equal (tract_record_get_text (TRACT_RECORD (signature), "status"), "signed"))
    {
      g_autofree char *label =
        tract_statement_ledger_dup_organization_label (store, tract_record_get_integer (TRACT_RECORD (signature),
                                                                 "organization_id"));

      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "status",
                                   _("%s signed this statement: mark the signature as withdrawn "
                                     "instead, so that the record of it stays."), label);
      return FALSE;
    }
  return tract_store_delete (store, TRACT_RECORD (signature), error);
}

/**
 * tract_statement_ledger_get_signature_state:
 * @revision_number: (out) (optional): the number of the revision signed, 0 if none
 *
 * Whether the organization signed, and whether it signed the text as it
 * stands or a text that has changed since.
 */
TractSignatureState
tract_statement_ledger_get_signature_state (TractStore     *store,
                                            TractSignature *signature,
                                            gint64         *revision_number)
{
  sqlite3_stmt *stmt;
  gint64 number = 0;
  gboolean same_text = TRUE;

  g_return_val_if_fail (TRACT_IS_STORE (store), TRACT_SIGNATURE_NOT_SIGNED);
  g_return_val_if_fail (TRACT_IS_SIGNATURE (signature), TRACT_SIGNATURE_NOT_SIGNED);

  stmt = tract_store_prepare (store,
                              "SELECT r.number, r.title = st.title AND r.body = st.body"
                              " FROM statement_revision AS r"
                              " JOIN statement AS st ON st.id = r.statement_id"
                              " WHERE r.id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, tract_record_get_integer (TRACT_RECORD (signature), "revision_id"));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          number = sqlite3_column_int64 (stmt, 0);
          same_text = sqlite3_column_int (stmt, 1) != 0;
        }
      sqlite3_reset (stmt);
    }

  if (revision_number != NULL)
    *revision_number = number;
  if (!g_str_equal (tract_record_get_text (TRACT_RECORD (signature), "status"), "signed"))
    return TRACT_SIGNATURE_NOT_SIGNED;
  return same_text ? TRACT_SIGNATURE_SIGNED_CURRENT : TRACT_SIGNATURE_SIGNED_OLDER;
}

/* How many organizations signed a text that has changed since. */
guint
tract_statement_ledger_count_older (TractStore *store,
                                    gint64      statement_id)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), 0);

  return (guint) tract_statement_ledger_query_integer (store,
                                "SELECT count(*) FROM signature AS s"
                                " JOIN statement_revision AS r ON r.id = s.revision_id"
                                " JOIN statement AS st ON st.id = s.statement_id"
                                " WHERE s.statement_id = ? AND s.status = 'signed'"
                                "   AND (r.title <> st.title OR r.body <> st.body)",
                                tract_statement_ledger_get_signing_statement (store, statement_id),
                                0, 0, NULL);
}

/* The signatories block */

/**
 * tract_statement_ledger_list_signatories:
 *
 * Returns: (transfer full) (element-type utf8): "Full name (ACRONYM)" of
 * each organization that signed, in the chosen order; a translation lists
 * its original's
 */
GPtrArray *
tract_statement_ledger_list_signatories (TractStore  *store,
                                         gint64       statement_id,
                                         GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  stmt = tract_store_prepare (store, "SELECT organization_id FROM signature"
                                     " WHERE statement_id = ? AND status = 'signed'"
                                     " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tract_statement_ledger_get_signing_statement (store, statement_id));
  ids = tract_store_step_integers (store, stmt, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (names, tract_statement_ledger_dup_organization_label (store, g_array_index (ids, gint64, i)));
  return g_steal_pointer (&names);
}

static gboolean
language_is (const char *language,
             const char *code)
{
  gsize length = strlen (code);

  return g_ascii_strncasecmp (language, code, length) == 0
         && (language[length] == '\0' || language[length] == '-' || language[length] == '_');
}

/**
 * tract_statement_ledger_format_signatories:
 * @heading: (nullable): what introduces the names, "" or %NULL for none
 * @language: the statement's BCP 47 language, which sets the punctuation
 * @names: (array zero-terminated=1): the signatories, in order
 *
 * "Heading: A; B; C" in English and most languages; French puts a
 * no-break space before the colon and the semicolons ("Heading : A ; B"),
 * Arabic, Persian and Urdu separate the names with the Arabic semicolon.
 *
 * Returns: (transfer full): the block, "" when nobody signed
 */
char *
tract_statement_ledger_format_signatories (const char         *heading,
                                           const char         *language,
                                           const char * const *names)
{
  const char *colon = ": ";
  const char *separator = "; ";
  g_autofree char *trimmed = g_strstrip (g_strdup (heading != NULL ? heading : ""));
  g_autofree char *list = NULL;

  g_return_val_if_fail (names != NULL, NULL);

  if (names[0] == NULL)
    return g_strdup ("");

  if (language != NULL && language_is (language, "fr"))
    {
      colon = "\u00a0: ";
      separator = "\u00a0; ";
    }
  else if (language != NULL
           && (language_is (language, "ar") || language_is (language, "fa")
               || language_is (language, "ur")))
    separator = "\u061b ";

  list = g_strjoinv (separator, (char **) names);
  if (*trimmed == '\0')
    return g_steal_pointer (&list);
  /* A heading that ends with its own colon keeps it. */
  if (g_str_has_suffix (trimmed, ":"))
    {
      trimmed[strlen (trimmed) - 1] = '\0';
      g_strchomp (trimmed);
    }
  return g_strconcat (trimmed, colon, list, NULL);
}

/**
 * tract_statement_ledger_dup_signatories:
 *
 * The statement's signatories block: its own heading and language, and the
 * organizations that signed it (its original, for a translation).
 *
 * Returns: (transfer full) (nullable): the block, "" when nobody signed
 */
char *
tract_statement_ledger_dup_signatories (TractStore  *store,
                                        gint64       statement_id,
                                        GError     **error)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id, error);
  if (statement == NULL)
    return NULL;
  names = tract_statement_ledger_list_signatories (store, statement_id, error);
  if (names == NULL)
    return NULL;
  g_ptr_array_add (names, NULL);
  return tract_statement_ledger_format_signatories (
    tract_record_get_text (TRACT_RECORD (statement), "signatories_heading"),
    tract_record_get_text (TRACT_RECORD (statement), "language"),
    (const char * const *) names->pdata);
}
