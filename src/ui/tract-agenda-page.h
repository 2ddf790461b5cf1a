/* tract-agenda-page.h — the events of a campaign, in date order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tract-campaign.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_AGENDA_PAGE (tract_agenda_page_get_type ())

G_DECLARE_FINAL_TYPE (TractAgendaPage, tract_agenda_page, TRACT, AGENDA_PAGE, GtkWidget)

TractStore    *tract_agenda_page_get_store    (TractAgendaPage *self);
void           tract_agenda_page_set_store    (TractAgendaPage *self,
                                               TractStore      *store);
TractCampaign *tract_agenda_page_get_campaign (TractAgendaPage *self);
void           tract_agenda_page_set_campaign (TractAgendaPage *self,
                                               TractCampaign   *campaign);
GListModel    *tract_agenda_page_get_model    (TractAgendaPage *self);

/* Selection mode: a click on a row toggles it; the rows are exported
 * together (issue 5). */
gboolean           tract_agenda_page_get_selection_mode    (TractAgendaPage *self);
void               tract_agenda_page_set_selection_mode    (TractAgendaPage *self,
                                                            gboolean         selection_mode);
/* The events selected, each once however many of its occurrences are,
 * in the order of their ids (empty outside selection mode).
 * Returns: (transfer full) (element-type gint64) */
GArray            *tract_agenda_page_dup_selected_events   (TractAgendaPage *self);
guint              tract_agenda_page_get_n_selected_events (TractAgendaPage *self);
/* Returns: (transfer none) (nullable): the list's selection of positions */
GtkSelectionModel *tract_agenda_page_get_selection         (TractAgendaPage *self);

/* Added for the Organizations page's links (issue 3). */
gboolean       tract_agenda_page_select_event (TractAgendaPage *self,
                                               gint64           event_id);

G_END_DECLS
