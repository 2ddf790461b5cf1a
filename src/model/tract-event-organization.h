/* tract-event-organization.h — an organization's part in an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT_ORGANIZATION (tract_event_organization_get_type ())

G_DECLARE_FINAL_TYPE (TractEventOrganization, tract_event_organization, TRACT, EVENT_ORGANIZATION, TractRecord)

TractEventOrganization *tract_event_organization_new (gint64      event_id,
                                                     gint64      organization_id,
                                                     const char *role);
G_END_DECLS
