/* io-test-util.h — databases, events and exports for the iCalendar tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical/ical.h>

#include "tract-event.h"
#include "tract-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *directory;
  char       *path;
  TractStore *store;
  gint64      campaign_id;
} IoFixture;

void        io_fixture_setup        (IoFixture     *fixture,
                                     gconstpointer  data);
void        io_fixture_teardown     (IoFixture     *fixture,
                                     gconstpointer  data);
/* A second, empty database in the same folder, with a campaign named like the first. */
TractStore *io_open_other_store     (IoFixture     *fixture,
                                     const char    *name,
                                     gint64        *campaign_id);

/* Adds @event to the campaign; fails the test if the store refuses it. */
TractEvent *io_add_event            (IoFixture     *fixture,
                                     TractEvent    *event);
TractEvent *io_add_timed            (IoFixture     *fixture,
                                     const char    *title,
                                     const char    *start,
                                     const char    *end,
                                     const char    *zone);
TractEvent *io_add_all_day          (IoFixture     *fixture,
                                     const char    *title,
                                     const char    *first,
                                     const char    *last);
/* The edge cases of issue 5: all-day, multi-day, several zones, DST
 * boundaries, recurrence with exceptions, hostile and long text. */
void        io_add_edge_cases       (TractStore    *store,
                                     gint64         campaign_id);

/* The campaign's calendar as text. */
char       *io_export               (TractStore    *store,
                                     gint64         campaign_id);
/* Imports @text; returns the report, or NULL with @error set. */
gpointer    io_import               (TractStore    *store,
                                     gint64         campaign_id,
                                     const char    *text,
                                     GError       **error);
/* The text with every DTSTAMP line removed. */
char       *io_without_dtstamp      (const char    *text);
/* Unfolded content lines. */
GStrv       io_unfold               (const char    *text);
guint       io_count_lines          (const char    *text,
                                     const char    *prefix);
/* The first VEVENT of @text parsed by libical, or the event with @uid. */
icalcomponent *io_parse             (const char    *text);
icalcomponent *io_find_event        (icalcomponent *calendar,
                                     const char    *uid);

G_END_DECLS
