/* tract-organization-picker.h — choosing organizations to invite to sign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATION_PICKER (tract_organization_picker_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganizationPicker, tract_organization_picker, TRACT, ORGANIZATION_PICKER,
                      AdwWindow)

/* A dialog over @parent that invites the organizations chosen to sign
 * @statement_id (its original, for a translation), then emits "invited"
 * with how many were added. */
TractOrganizationPicker *tract_organization_picker_new (GtkWindow  *parent,
                                                        TractStore *store,
                                                        gint64      statement_id);

G_END_DECLS
