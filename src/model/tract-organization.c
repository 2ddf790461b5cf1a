/* tract-organization.c — a member organization of the collective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-organization.h"

static const char * const organization_kinds[] = {
  "association", "party", "union", "collective", "committee", "network", "media", "other", NULL
};

static const char * const memberships[] = {
  "member", "signatory", "friend", "former", NULL
};

static const TractColumn organization_columns[] = {
  { "name", N_("Name"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED },
  { "acronym", N_("Acronym"), TRACT_COLUMN_TEXT },
  { "kind", N_("Kind"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, 0, organization_kinds, "association" },
  { "country", N_("Country"), TRACT_COLUMN_TEXT },
  { "city", N_("City"), TRACT_COLUMN_TEXT },
  { "website", N_("Website"), TRACT_COLUMN_TEXT, TRACT_CHECK_URL },
  { "email", N_("E-mail"), TRACT_COLUMN_TEXT, TRACT_CHECK_EMAIL },
  { "phone", N_("Phone"), TRACT_COLUMN_TEXT },
  { "membership", N_("Membership"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, 0, memberships, "member" },
  { "joined_date", N_("Joined"), TRACT_COLUMN_TEXT, TRACT_CHECK_DATE, TRACT_COLUMN_NULL_WHEN_EMPTY },
  { "private_notes", N_("Private notes"), TRACT_COLUMN_TEXT },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

TRACT_DEFINE_RECORD (TractOrganization, tract_organization, "organization", organization_columns, NULL)

TractOrganization *
tract_organization_new (const char *name,
                        const char *acronym)
{
  return g_object_new (TRACT_TYPE_ORGANIZATION, "name", name, "acronym", acronym, NULL);
}

char *
tract_organization_dup_label (TractOrganization *self)
{
  const char *name = tract_record_get_text (TRACT_RECORD (self), "name");
  const char *acronym = tract_record_get_text (TRACT_RECORD (self), "acronym");

  /* "Amis de l’ICOR (Coordination …)" already says its short name. */
  if (*acronym == '\0' || g_str_has_prefix (name, acronym))
    return g_strdup (name);
  return g_strdup_printf ("%s (%s)", name, acronym);
}
