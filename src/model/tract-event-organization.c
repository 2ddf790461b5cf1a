/* tract-event-organization.c — an organization's part in an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-event-organization.h"

static const char * const roles[] = {
  "organizer", "partner", "speaker", "delegation", NULL
};

static const TractColumn event_organization_columns[] = {
  { "event_id", N_("Event"), TRACT_COLUMN_REFERENCE },
  { "organization_id", N_("Organization"), TRACT_COLUMN_REFERENCE },
  { "role", N_("Role"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED, 0, roles, "organizer" },
  { "position", N_("Position"), TRACT_COLUMN_INTEGER },
};

TRACT_DEFINE_RECORD (TractEventOrganization, tract_event_organization, "event_organization",
                     event_organization_columns, NULL)

TractEventOrganization *
tract_event_organization_new (gint64      event_id,
                              gint64      organization_id,
                              const char *role)
{
  return g_object_new (TRACT_TYPE_EVENT_ORGANIZATION,
                       "event_id", event_id,
                       "organization_id", organization_id,
                       "role", role,
                       NULL);
}
