/* tract-organization-snapshot.h — an organization and all that hangs on it, kept for undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-organization.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATION_SNAPSHOT (tract_organization_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganizationSnapshot, tract_organization_snapshot, TRACT, ORGANIZATION_SNAPSHOT, GObject)

TractOrganizationSnapshot *tract_organization_snapshot_new              (TractStore                *store,
                                                                         gint64                     organization_id,
                                                                         GError                   **error);
TractOrganizationSnapshot *tract_organization_snapshot_delete           (TractStore                *store,
                                                                         gint64                     organization_id,
                                                                         GError                   **error);
TractOrganization         *tract_organization_snapshot_restore          (TractOrganizationSnapshot *self,
                                                                         TractStore                *store,
                                                                         guint                     *n_lost,
                                                                         GError                   **error);

TractOrganization         *tract_organization_snapshot_get_organization (TractOrganizationSnapshot *self);
guint                      tract_organization_snapshot_get_n_contacts   (TractOrganizationSnapshot *self);
guint                      tract_organization_snapshot_get_n_event_roles (TractOrganizationSnapshot *self);
guint                      tract_organization_snapshot_get_n_signatures (TractOrganizationSnapshot *self);
guint                      tract_organization_snapshot_get_n_tasks      (TractOrganizationSnapshot *self);

G_END_DECLS
