/* tract-organization-row.h — one organization in the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-organization.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATION_ROW (tract_organization_row_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganizationRow, tract_organization_row, TRACT, ORGANIZATION_ROW, GtkWidget)

GtkWidget         *tract_organization_row_new              (void);
TractOrganization *tract_organization_row_get_organization (TractOrganizationRow *self);
void               tract_organization_row_set_organization (TractOrganizationRow *self,
                                                            TractOrganization    *organization);

G_END_DECLS
