/* tract-event-organization-row.h — an organization's part in an event, in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-event-organization.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT_ORGANIZATION_ROW (tract_event_organization_row_get_type ())

G_DECLARE_FINAL_TYPE (TractEventOrganizationRow, tract_event_organization_row, TRACT, EVENT_ORGANIZATION_ROW,
                      AdwActionRow)

GtkWidget              *tract_event_organization_row_new      (TractStore                *store,
                                                               TractEventOrganization    *link,
                                                               const char                *label);
TractEventOrganization *tract_event_organization_row_get_link (TractEventOrganizationRow *self);
/* Shows @link's role, as stored elsewhere meanwhile, without saving it again. */
void                    tract_event_organization_row_set_link (TractEventOrganizationRow *self,
                                                               TractEventOrganization    *link);

G_END_DECLS
