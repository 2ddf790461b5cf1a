/* tract-ical-private.h — what the exporter and the importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "tract-ical.h"
#include "tract-ical-writer.h"

G_BEGIN_DECLS

/* Tract's own properties, for what standard ones cannot carry exactly. */
#define TRACT_ICAL_X_LOCATION_NAME "X-TRACT-LOCATION-NAME"
#define TRACT_ICAL_X_ADDRESS       "X-TRACT-ADDRESS"
#define TRACT_ICAL_X_ADDRESS_ONLY  "X-TRACT-NO-PLACE-NAME"

/* The CATEGORIES value of an event kind ("rally" → "Rally"), NULL for "other". */
const char *tract_ical_kind_to_category     (const char  *kind);
/* The kind a CATEGORIES value names, in English or in the user's language; NULL if none. */
const char *tract_ical_kind_from_category   (const char  *category);
/* "Organizers: A, B\nSpeakers: C" from TRACT_EVENT_FIELD_ORGANIZATIONS; NULL when empty. */
char       *tract_ical_format_organizations (const char  *encoded);
/* What LOCATION shows for a place name and an address. */
char       *tract_ical_combine_location     (const char  *name,
                                             const char  *address);

/* The RRULE an export writes for a rule stored in Tract; NULL if none. */
char       *tract_ical_export_rrule         (const char  *rrule,
                                             gboolean     all_day,
                                             GTimeZone   *zone);

/* Zones */
/* The IANA zone a Windows zone name ("Romance Standard Time") stands for. */
const char *tract_ical_zone_from_windows    (const char  *name);
/* The IANA zone at the end of a prefixed TZID ("/mozilla.org/…/Europe/Paris"). */
char       *tract_ical_zone_strip_prefix    (const char  *tzid);
/* Writes one VTIMEZONE for @zone_name, truncated to start in @first_year.
 * FALSE when libical does not know the zone. */
gboolean    tract_ical_write_vtimezone      (TractIcalWriter *writer,
                                             const char      *zone_name,
                                             int              first_year);
/* An IANA zone whose offsets equal those of @zone around @year, preferring
 * @preferred; NULL when none does. */
const char *tract_ical_zone_match           (icaltimezone    *zone,
                                             int              year,
                                             const char      *preferred);
/* Whether a VTIMEZONE is safe to expand (libical would loop for hours on
 * an observance that recurs every second); FALSE with a reason otherwise. */
gboolean    tract_ical_vtimezone_is_sane    (icalcomponent   *vtimezone,
                                             const char     **reason);

/* Progress of a job run in a GTask thread, handed to the main context. */
typedef struct _TractIcalProgress TractIcalProgress;

TractIcalProgress *tract_ical_progress_new   (GObject           *object,
                                              GParamSpec        *pspec,
                                              double            *field,
                                              GMainContext      *context);
/* Sets the value at most a hundred times over a job. */
void               tract_ical_progress_set   (TractIcalProgress *self,
                                              double             fraction);
void               tract_ical_progress_free  (TractIcalProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractIcalProgress, tract_ical_progress_free)

G_END_DECLS
