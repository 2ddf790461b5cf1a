/* tract-campaign.c — a campaign: a set of events and statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-store.h"

static const TractColumn campaign_columns[] = {
  { "name", N_("Name"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED },
  { "description", N_("Description"), TRACT_COLUMN_TEXT },
  { "start_date", N_("Start date"), TRACT_COLUMN_TEXT, TRACT_CHECK_DATE, TRACT_COLUMN_NULL_WHEN_EMPTY },
  { "end_date", N_("End date"), TRACT_COLUMN_TEXT, TRACT_CHECK_DATE, TRACT_COLUMN_NULL_WHEN_EMPTY },
  { "time_zone", N_("Time zone"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED | TRACT_CHECK_TIME_ZONE,
    .default_text = "Europe/Paris" },
  { "contact", N_("Contact"), TRACT_COLUMN_TEXT },
  { "created_utc", N_("Created"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
  { "modified_utc", N_("Modified"), TRACT_COLUMN_TEXT, .flags = TRACT_COLUMN_MANAGED },
};

static gboolean
tract_campaign_validate (TractRecord  *record,
                         GError      **error)
{
  const char *start = tract_record_get_text (record, "start_date");
  const char *end = tract_record_get_text (record, "end_date");

  /* ISO dates compare as strings. */
  if (*start != '\0' && *end != '\0' && strcmp (end, start) < 0)
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "end_date",
                                   _("End date: the campaign cannot end (%s) before it starts (%s)."),
                                   end, start);
      return FALSE;
    }
  return TRUE;
}

TRACT_DEFINE_RECORD (TractCampaign, tract_campaign, "campaign", campaign_columns,
                     tract_campaign_validate)

TractCampaign *
tract_campaign_new (const char *name)
{
  return g_object_new (TRACT_TYPE_CAMPAIGN, "name", name, NULL);
}
