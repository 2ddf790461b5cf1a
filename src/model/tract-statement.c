/* tract-statement.c — an appeal or statement of the collective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-statement.h"
#include "tract-store.h"

static const char * const statement_statuses[] = {
  "draft", "circulating", "final", "published", "withdrawn", NULL
};

static const TractColumn statement_columns[] = {
  { "campaign_id", N_("Campaign"), TRACT_COLUMN_REFERENCE },
  { "title", N_("Title"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED },
  { "language", N_("Language"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED | TRACT_CHECK_LANGUAGE,
    .default_text = "fr" },
  { "status", N_("Status"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, 0, statement_statuses, "draft" },
  { "body", N_("Text"), TRACT_COLUMN_TEXT },
  { "translation_of", N_("Translation of"), TRACT_COLUMN_REFERENCE },
  { "signatories_heading", N_("Signatories heading"), TRACT_COLUMN_TEXT },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

static gboolean
tract_statement_validate (TractRecord  *record,
                          GError      **error)
{
  gint64 original = tract_record_get_integer (record, "translation_of");

  if (original != 0 && original == tract_record_get_id (record))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "translation_of",
                                   _("Translation of: a statement cannot be a translation of itself."));
      return FALSE;
    }
  return TRUE;
}

TRACT_DEFINE_RECORD (TractStatement, tract_statement, "statement", statement_columns,
                     tract_statement_validate)

TractStatement *
tract_statement_new (gint64      campaign_id,
                     const char *title,
                     const char *language)
{
  return g_object_new (TRACT_TYPE_STATEMENT,
                       "campaign_id", campaign_id,
                       "title", title,
                       "language", language,
                       NULL);
}
