/* tract-ical-import-private.h — what the import's passes and its reading of events share
 *
 * tract-ical-import.c runs the import (the two passes, the storing);
 * tract-ical-import-event.c reads one VEVENT into an Incoming event:
 * its times in their zones (import rules 3 to 6), its text, its
 * recurrence. Both work on the one Import of the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "tract-event-bulk.h"
#include "tract-ical-private.h"
#include "tract-ical-report.h"
#include "tract-ical-scanner.h"
#include "tract-record.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define MAX_EXDATES       1000

/* The job */
typedef struct
{
  TractStore       *store;
  gint64            campaign_id;
  TractIcalSource   source;
  char             *name;          /* for messages */
  TractIcalReport  *report;
  TractIcalProgress *progress;
  GCancellable     *cancellable;

  /* From the first pass */
  GHashTable       *vtimezones;    /* TZID → VTIMEZONE text */
  char             *default_zone;  /* campaign's, or the file's X-WR-TIMEZONE */
  GHashTable       *overridden;    /* UID → GPtrArray of its changed occurrences' RECURRENCE-ID lines */
  GHashTable       *series;        /* UIDs of the repeating events of the file */
  guint             n_overrides;
  gboolean          latin1;
  guint64           total_bytes;

  /* The second pass runs in two threads (see second_pass() in tract-ical-import.c). */
  GAsyncQueue      *parsed_batches;
  GAsyncQueue      *free_batches;
  gint              stop_parsing;  /* atomic: the storing thread gave up */

  /* The parsing thread's, during the second pass */
  TractIcalReport  *notes;         /* merged into the report at the end */
  GHashTable       *zones;         /* TZID → Zone */
  GHashTable       *gzones;        /* IANA name → GTimeZone */
  GHashTable       *uids;          /* UID → line of its first event in the file */
  gboolean          noted_floating;
  GError           *parse_error;   /* why it stopped early */

  /* The storing thread's */
  GHashTable       *stored_gzones; /* IANA name → GTimeZone */
  TractEventBulk   *bulk;          /* during the second pass */
  TractRecord      *fresh;         /* reused for every new event */
  guint             n_added;
  guint             n_updated;
  guint             n_unchanged;
} Import;

/* Times */

typedef struct
{
  gboolean all_day;
  /* Timed: wall clock in @zone, and the instant. */
  char    *zone;
  int      year, month, day, hour, minute, second;
  gint64   instant;
} When;

void        tract_ical_when_clear               (When          *when);
/* @when as Tract stores it: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]". */
char       *tract_ical_import_format_local      (const When    *when);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (When, tract_ical_when_clear)

/* Events */

typedef struct
{
  char    *uid;
  char    *title;
  char    *kind;
  char    *status;
  When     start;
  When     end;
  char    *rrule;
  char    *exdates;
  char    *location_name;
  char    *address;
  double   latitude;
  double   longitude;
  char    *description;
  char    *url;
  gint64   sequence;
  char    *created;
  char    *modified;
  /* A changed occurrence (RECURRENCE-ID) of a series that is not in the
   * file: the storing thread gives the campaign's series the exception. */
  char    *series_uid;
  When     occurrence;
  gboolean cancels_only;     /* the event only cancels that occurrence */
} Incoming;

void        tract_ical_incoming_clear           (Incoming      *incoming);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Incoming, tract_ical_incoming_clear)

/* Fills @incoming from @event, found at @line of the file; FALSE with the
 * reason in @reason to skip it. Called by the parsing thread: it uses
 * that thread's part of @import. */
gboolean    tract_ical_read_event               (Import        *import,
                                                 icalcomponent *event,
                                                 guint          line,
                                                 Incoming      *incoming,
                                                 char         **reason);

/* The value of a zone of Import.zones. */
void        tract_ical_import_zone_free         (gpointer       data);

/* The zone named @name, from @cache (IANA name → GTimeZone) or added to
 * it. Each thread has its own @cache: GTimeZone is safe across threads,
 * the hash table is not. */
GTimeZone  *tract_ical_import_get_gzone         (GHashTable    *cache,
                                                 const char    *name);

/* @text without the control characters Tract never stores. */
char       *tract_ical_import_clean_text        (const char    *text);

G_END_DECLS
