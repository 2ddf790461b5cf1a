/* tract-statements-page.h — the statements of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-campaign.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_STATEMENTS_PAGE (tract_statements_page_get_type ())

G_DECLARE_FINAL_TYPE (TractStatementsPage, tract_statements_page, TRACT, STATEMENTS_PAGE, GtkWidget)

TractStore    *tract_statements_page_get_store    (TractStatementsPage *self);
void           tract_statements_page_set_store    (TractStatementsPage *self,
                                               TractStore      *store);
TractCampaign *tract_statements_page_get_campaign (TractStatementsPage *self);
void           tract_statements_page_set_campaign (TractStatementsPage *self,
                                               TractCampaign   *campaign);
GListModel    *tract_statements_page_get_model    (TractStatementsPage *self);

/* Added for the Organizations page's links (issue 3). */
gboolean       tract_statements_page_select_statement (TractStatementsPage *self,
                                                       gint64               statement_id);

G_END_DECLS
