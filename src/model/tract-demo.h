/* tract-demo.h — the sample campaign of "Vive la Commune de 1871"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-campaign.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_DEMO_CAMPAIGN_NAME "Vive la Commune de 1871"

TractCampaign *tract_demo_add (TractStore  *store,
                               GError     **error);

G_END_DECLS
