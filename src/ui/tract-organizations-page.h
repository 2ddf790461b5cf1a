/* tract-organizations-page.h — the register of organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATIONS_PAGE (tract_organizations_page_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganizationsPage, tract_organizations_page, TRACT, ORGANIZATIONS_PAGE, GtkWidget)

TractStore *tract_organizations_page_get_store           (TractOrganizationsPage *self);
void        tract_organizations_page_set_store           (TractOrganizationsPage *self,
                                                          TractStore             *store);
GListModel *tract_organizations_page_get_model           (TractOrganizationsPage *self);
gboolean    tract_organizations_page_select_organization (TractOrganizationsPage *self,
                                                          gint64                  organization_id);

/* tract-organizations-page-csv.c */
void        tract_organizations_page_import_csv          (TractOrganizationsPage *self);
void        tract_organizations_page_import_file         (TractOrganizationsPage *self,
                                                          GFile                  *file);
void        tract_organizations_page_export_csv          (TractOrganizationsPage *self);

G_END_DECLS
