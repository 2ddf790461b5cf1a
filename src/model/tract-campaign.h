/* tract-campaign.h — a campaign: a set of events and statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_CAMPAIGN (tract_campaign_get_type ())

G_DECLARE_FINAL_TYPE (TractCampaign, tract_campaign, TRACT, CAMPAIGN, TractRecord)

TractCampaign *tract_campaign_new (const char *name);
G_END_DECLS
