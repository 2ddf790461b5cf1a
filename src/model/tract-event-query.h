/* tract-event-query.h — events of a campaign, a date range or a selection, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-store.h"

G_BEGIN_DECLS

/* The columns an export reads. Private notes are deliberately absent: an
 * exporter cannot leak what it never reads. */
typedef enum
{
  TRACT_EVENT_FIELD_ID,
  TRACT_EVENT_FIELD_UID,
  TRACT_EVENT_FIELD_CAMPAIGN_ID,
  TRACT_EVENT_FIELD_TITLE,
  TRACT_EVENT_FIELD_KIND,
  TRACT_EVENT_FIELD_STATUS,
  TRACT_EVENT_FIELD_ALL_DAY,
  TRACT_EVENT_FIELD_START_LOCAL,
  TRACT_EVENT_FIELD_END_LOCAL,
  TRACT_EVENT_FIELD_TIME_ZONE,
  TRACT_EVENT_FIELD_START_UTC,
  TRACT_EVENT_FIELD_END_UTC,
  TRACT_EVENT_FIELD_RRULE,
  TRACT_EVENT_FIELD_EXDATES,
  TRACT_EVENT_FIELD_LOCATION_NAME,
  TRACT_EVENT_FIELD_ADDRESS,
  TRACT_EVENT_FIELD_LATITUDE,
  TRACT_EVENT_FIELD_LONGITUDE,
  TRACT_EVENT_FIELD_DESCRIPTION,
  TRACT_EVENT_FIELD_URL,
  TRACT_EVENT_FIELD_SEQUENCE,
  TRACT_EVENT_FIELD_CREATED_UTC,
  TRACT_EVENT_FIELD_MODIFIED_UTC,
  /* The event's organizations in order: "role\x1Flabel" items joined by
   * "\x1E"; the label is tract_organization_dup_label()'s. */
  TRACT_EVENT_FIELD_ORGANIZATIONS,
  TRACT_EVENT_N_FIELDS
} TractEventField;

#define TRACT_EVENT_ORGANIZATION_SEPARATOR '\x1E'
#define TRACT_EVENT_ROLE_SEPARATOR         '\x1F'

typedef struct _TractEventQuery TractEventQuery;

typedef struct
{
  char *time_zone;
  int   first_year; /* of the earliest start written in that zone */
} TractEventZoneUse;

/* Every filter is optional: @campaign_id 0 for all campaigns, @from and @to
 * ("YYYY-MM-DD", compared with the events' own wall-clock dates, a series
 * kept whole when it starts before @to), @ids for a selection. */
TractEventQuery *tract_event_query_new        (TractStore       *store,
                                               gint64            campaign_id,
                                               const char       *from,
                                               const char       *to,
                                               const gint64     *ids,
                                               guint             n_ids,
                                               GError          **error);
void             tract_event_query_free       (TractEventQuery  *self);
/* How many events the query will give, for progress. */
gint64           tract_event_query_count      (TractEventQuery  *self,
                                               GError          **error);
/* The zones the timed events use, and the first year each is used in. */
GPtrArray       *tract_event_query_list_zones (TractEventQuery  *self,
                                               GError          **error);
void             tract_event_zone_use_free    (TractEventZoneUse *use);
/* Steps to the next event, by start then id; FALSE at the end or on error. */
gboolean         tract_event_query_next       (TractEventQuery  *self,
                                               GError          **error);
/* Valid until the next call to tract_event_query_next(); "" for NULL. */
const char      *tract_event_query_get_text   (TractEventQuery  *self,
                                               TractEventField   field);
gsize            tract_event_query_get_length (TractEventQuery  *self,
                                               TractEventField   field);
gint64           tract_event_query_get_integer (TractEventQuery *self,
                                                TractEventField  field);
/* NaN for a missing coordinate. */
double           tract_event_query_get_real   (TractEventQuery  *self,
                                               TractEventField   field);

/* The organizations of one event, encoded as TRACT_EVENT_FIELD_ORGANIZATIONS. */
char            *tract_event_dup_organizations (TractStore      *store,
                                                gint64           event_id);

/* An import keeps the calendar object's own stamps (RFC 5545 CREATED,
 * LAST-MODIFIED) and never lowers SEQUENCE; the store manages those columns
 * on insert and update, so this sets them afterwards, in the same
 * transaction. NULL stamps are left as they are. */
gboolean         tract_event_restore_stamps   (TractStore       *store,
                                               gint64            event_id,
                                               gint64            sequence,
                                               const char       *created_utc,
                                               const char       *modified_utc,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractEventQuery, tract_event_query_free)

G_END_DECLS
