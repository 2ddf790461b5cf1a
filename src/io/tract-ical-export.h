/* tract-ical-export.h — a campaign, a date range or a selection as one VCALENDAR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-ical.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ICAL_EXPORTER (tract_ical_exporter_get_type ())

G_DECLARE_FINAL_TYPE (TractIcalExporter, tract_ical_exporter, TRACT, ICAL_EXPORTER, GObject)

TractIcalExporter *tract_ical_exporter_new               (TractStore         *store);
/* 0 (the default) exports every campaign. */
void               tract_ical_exporter_set_campaign      (TractIcalExporter  *self,
                                                          gint64              campaign_id);
/* Days "YYYY-MM-DD", each optional; checked when writing. */
void               tract_ical_exporter_set_range         (TractIcalExporter  *self,
                                                          const char         *from,
                                                          const char         *to);
/* Only these events (an editor's "Export this event", a selection). */
void               tract_ical_exporter_set_events        (TractIcalExporter  *self,
                                                          const gint64       *ids,
                                                          guint               n_ids);
/* The calendar's NAME; by default the campaign's name. */
void               tract_ical_exporter_set_calendar_name (TractIcalExporter  *self,
                                                          const char         *name);
/* From 0 to 1 while writing; notified on the thread default main context
 * of the caller of the _async function. */
double             tract_ical_exporter_get_progress      (TractIcalExporter  *self);
/* How many events the last write wrote. */
guint              tract_ical_exporter_get_n_events      (TractIcalExporter  *self);

/* Writes the calendar, event by event, through the exporter's store. */
gboolean           tract_ical_exporter_write             (TractIcalExporter  *self,
                                                          GOutputStream      *stream,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
/* Writes to @file from a thread with its own connection to the database;
 * the file is replaced only once complete (a cancelled export leaves the old
 * file as it was). */
void               tract_ical_exporter_write_file_async  (TractIcalExporter  *self,
                                                          GFile              *file,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
gboolean           tract_ical_exporter_write_file_finish (TractIcalExporter  *self,
                                                          GAsyncResult       *result,
                                                          GError            **error);
/* Synchronous version for the command line. */
gboolean           tract_ical_exporter_write_file        (TractIcalExporter  *self,
                                                          GFile              *file,
                                                          GCancellable       *cancellable,
                                                          GError            **error);

G_END_DECLS
