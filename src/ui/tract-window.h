/* tract-window.h — the main window: three pages over one campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-agenda-page.h"
#include "tract-campaign.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_WINDOW (tract_window_get_type ())

G_DECLARE_FINAL_TYPE (TractWindow, tract_window, TRACT, WINDOW, AdwApplicationWindow)

TractWindow     *tract_window_new             (GtkApplication *application,
                                               TractStore     *store);
TractStore      *tract_window_get_store       (TractWindow    *self);
TractCampaign   *tract_window_get_campaign    (TractWindow    *self);
TractAgendaPage *tract_window_get_agenda_page (TractWindow    *self);
void             tract_window_add_toast       (TractWindow    *self,
                                               AdwToast       *toast);
void             tract_window_show_record     (TractWindow    *self,
                                               TractRecord    *record);

G_END_DECLS
