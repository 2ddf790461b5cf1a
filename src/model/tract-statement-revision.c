/* tract-statement-revision.c — an immutable snapshot of a statement
 *
 * The database refuses any UPDATE of a revision (a trigger): what an
 * organization signed stays exactly what it signed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-statement-revision.h"

static const TractColumn statement_revision_columns[] = {
  { "statement_id", N_("Statement"), TRACT_COLUMN_REFERENCE },
  { "number", N_("Number"), TRACT_COLUMN_INTEGER },
  { "title", N_("Title"), TRACT_COLUMN_TEXT },
  { "body", N_("Text"), TRACT_COLUMN_TEXT },
  { "note", N_("Note"), TRACT_COLUMN_TEXT },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

TRACT_DEFINE_RECORD (TractStatementRevision, tract_statement_revision, "statement_revision",
                     statement_revision_columns, NULL)

TractStatementRevision *
tract_statement_revision_new (gint64      statement_id,
                              gint64      number,
                              const char *title,
                              const char *body,
                              const char *note)
{
  return g_object_new (TRACT_TYPE_STATEMENT_REVISION,
                       "statement_id", statement_id,
                       "number", number,
                       "title", title,
                       "body", body,
                       "note", note,
                       NULL);
}
