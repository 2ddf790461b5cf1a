/* tract-contact.c — a person of a member organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-contact.h"

static const TractColumn contact_columns[] = {
  { "organization_id", N_("Organization"), TRACT_COLUMN_REFERENCE },
  { "name", N_("Name"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED },
  { "role", N_("Role"), TRACT_COLUMN_TEXT },
  { "email", N_("E-mail"), TRACT_COLUMN_TEXT, TRACT_CHECK_EMAIL },
  { "phone", N_("Phone"), TRACT_COLUMN_TEXT },
  { "private_notes", N_("Private notes"), TRACT_COLUMN_TEXT },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

TRACT_DEFINE_RECORD (TractContact, tract_contact, "contact", contact_columns, NULL)

TractContact *
tract_contact_new (gint64      organization_id,
                   const char *name)
{
  return g_object_new (TRACT_TYPE_CONTACT, "organization_id", organization_id, "name", name, NULL);
}
