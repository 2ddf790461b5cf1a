/* tract-organization-editor.h — every field of one organization, its people and its part in the campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-organization.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATION_EDITOR (tract_organization_editor_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganizationEditor, tract_organization_editor, TRACT, ORGANIZATION_EDITOR, GtkWidget)

GtkWidget         *tract_organization_editor_new              (void);
void               tract_organization_editor_set_store        (TractOrganizationEditor *self,
                                                               TractStore              *store);
TractOrganization *tract_organization_editor_get_organization (TractOrganizationEditor *self);
void               tract_organization_editor_set_organization (TractOrganizationEditor *self,
                                                               TractOrganization       *organization);
gboolean           tract_organization_editor_flush            (TractOrganizationEditor *self);
char              *tract_organization_editor_dup_errors       (TractOrganizationEditor *self);
void               tract_organization_editor_focus_name       (TractOrganizationEditor *self);

G_END_DECLS
