/* tract-signature.c — an organization's signature of a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-signature.h"
#include "tract-store.h"

static const char * const signature_statuses[] = {
  "invited", "considering", "signed", "declined", "withdrawn", NULL
};

static const TractColumn signature_columns[] = {
  { "statement_id", N_("Statement"), TRACT_COLUMN_REFERENCE },
  { "organization_id", N_("Organization"), TRACT_COLUMN_REFERENCE },
  { "status", N_("Status"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, 0, signature_statuses, "invited" },
  { "revision_id", N_("Signed revision"), TRACT_COLUMN_REFERENCE },
  { "signed_by", N_("Signed by"), TRACT_COLUMN_TEXT },
  { "signed_date", N_("Signed on"), TRACT_COLUMN_TEXT, TRACT_CHECK_DATE, TRACT_COLUMN_NULL_WHEN_EMPTY },
  { "position", N_("Position"), TRACT_COLUMN_INTEGER },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

static gboolean
tract_signature_validate (TractRecord  *record,
                          GError      **error)
{
  if (g_str_equal (tract_record_get_text (record, "status"), "signed")
      && tract_record_get_integer (record, "revision_id") == 0)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "revision_id",
                                   _("Signed revision: a signature must say which revision "
                                     "of the text was signed."));
      return FALSE;
    }
  return TRUE;
}

TRACT_DEFINE_RECORD (TractSignature, tract_signature, "signature", signature_columns,
                     tract_signature_validate)

TractSignature *
tract_signature_new (gint64      statement_id,
                     gint64      organization_id,
                     const char *status)
{
  return g_object_new (TRACT_TYPE_SIGNATURE,
                       "statement_id", statement_id,
                       "organization_id", organization_id,
                       "status", status,
                       NULL);
}
