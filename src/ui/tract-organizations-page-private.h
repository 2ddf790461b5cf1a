/* tract-organizations-page-private.h — what the page's CSV file shares with the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-organizations-page.h"

G_BEGIN_DECLS

/* @toast: (transfer full) */
void tract_organizations_page_add_toast    (TractOrganizationsPage *self,
                                            AdwToast               *toast);
void tract_organizations_page_show_message (TractOrganizationsPage *self,
                                            const char             *heading,
                                            const char             *body,
                                            const char             *details);
/* Saves what the editor holds before a job reads or writes the database. */
void tract_organizations_page_flush        (TractOrganizationsPage *self);
/* Cancelled when the page goes away: a job's callback checks it before
 * touching a widget. */
GCancellable *tract_organizations_page_get_cancellable (TractOrganizationsPage *self);

G_END_DECLS
