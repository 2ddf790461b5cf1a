/* tract-statement-ledger.h — revisions, signatures and translations of statements
 *
 * The rules that hold a statement, its immutable revisions and the
 * signatures of organizations together. Every function that writes runs in
 * one transaction: it happens completely or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-statement-revision.h"
#include "tract-store.h"

G_BEGIN_DECLS

/* Text and fields */

TractStatement         *tract_statement_ledger_create            (TractStore      *store,
                                                                  gint64           campaign_id,
                                                                  const char      *title,
                                                                  const char      *language,
                                                                  const char      *signatories_heading,
                                                                  GError         **error);
gboolean                tract_statement_ledger_save              (TractStore      *store,
                                                                  TractStatement  *statement,
                                                                  TractStatementRevision **revision,
                                                                  GError         **error);

GPtrArray              *tract_statement_ledger_delete            (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  GError         **error);
gboolean                tract_statement_ledger_undelete          (TractStore      *store,
                                                                  GPtrArray       *deleted,
                                                                  GError         **error);

/* Revisions */

TractStatementRevision *tract_statement_ledger_save_revision     (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  const char      *note,
                                                                  GError         **error);
TractStatementRevision *tract_statement_ledger_restore_revision  (TractStore      *store,
                                                                  gint64           revision_id,
                                                                  GError         **error);
TractStatementRevision *tract_statement_ledger_get_latest_revision (TractStore    *store,
                                                                  gint64           statement_id);

/* Signatures */

typedef enum
{
  TRACT_SIGNATURE_NOT_SIGNED,     /* invited, considering, declined or withdrawn */
  TRACT_SIGNATURE_SIGNED_CURRENT, /* signed the text as it stands */
  TRACT_SIGNATURE_SIGNED_OLDER,   /* signed a text that has changed since: ask again */
} TractSignatureState;

gboolean                tract_statement_ledger_invite            (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  const gint64    *organization_ids,
                                                                  guint            n_organizations,
                                                                  guint           *n_added,
                                                                  GError         **error);
gboolean                tract_statement_ledger_invite_members    (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  guint           *n_added,
                                                                  GError         **error);
gboolean                tract_statement_ledger_sign              (TractStore      *store,
                                                                  gint64           signature_id,
                                                                  const char      *signed_by,
                                                                  const char      *signed_date,
                                                                  GError         **error);
gboolean                tract_statement_ledger_set_status        (TractStore      *store,
                                                                  gint64           signature_id,
                                                                  const char      *status,
                                                                  GError         **error);
gboolean                tract_statement_ledger_set_signer        (TractStore      *store,
                                                                  gint64           signature_id,
                                                                  const char      *signed_by,
                                                                  const char      *signed_date,
                                                                  GError         **error);
gboolean                tract_statement_ledger_move_signature    (TractStore      *store,
                                                                  gint64           signature_id,
                                                                  guint            position,
                                                                  GError         **error);
gboolean                tract_statement_ledger_remove_signature  (TractStore      *store,
                                                                  gint64           signature_id,
                                                                  GError         **error);
TractSignatureState     tract_statement_ledger_get_signature_state (TractStore    *store,
                                                                  TractSignature  *signature,
                                                                  gint64          *revision_number);
gint64                  tract_statement_ledger_get_signing_statement (TractStore  *store,
                                                                  gint64           statement_id);
guint                   tract_statement_ledger_count_older       (TractStore      *store,
                                                                  gint64           statement_id);

/* The signatories block */

char                   *tract_statement_ledger_dup_signatories   (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  GError         **error);
GPtrArray              *tract_statement_ledger_list_signatories  (TractStore      *store,
                                                                  gint64           statement_id,
                                                                  GError         **error);
char                   *tract_statement_ledger_format_signatories (const char     *heading,
                                                                  const char      *language,
                                                                  const char * const *names);

/* Translations */

typedef enum
{
  TRACT_TRANSLATION_NONE,       /* not a translation */
  TRACT_TRANSLATION_UP_TO_DATE, /* saved after the original's latest revision */
  TRACT_TRANSLATION_BEHIND,     /* the original has a newer revision */
} TractTranslationState;

TractTranslationState   tract_statement_ledger_get_translation_state (TractStore  *store,
                                                                  gint64           statement_id,
                                                                  gint64          *translated_number,
                                                                  gint64          *original_number);

G_END_DECLS
