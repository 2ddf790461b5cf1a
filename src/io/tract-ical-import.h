/* tract-ical-import.h — any .ics merged by UID into a campaign, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-ical.h"
#include "tract-ical-report.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ICAL_IMPORTER (tract_ical_importer_get_type ())

G_DECLARE_FINAL_TYPE (TractIcalImporter, tract_ical_importer, TRACT, ICAL_IMPORTER, GObject)

TractIcalImporter *tract_ical_importer_new               (TractStore         *store,
                                                          gint64              campaign_id);
/* From 0 to 1 while importing; notified on the thread default main context
 * of the caller of the _async function. */
double             tract_ical_importer_get_progress      (TractIcalImporter  *self);

/* Imports through the importer's store, in one transaction: on error the
 * database is as it was. Events that cannot be imported are skipped and
 * listed in the report, with their line and the reason. */
TractIcalReport   *tract_ical_importer_import_file       (TractIcalImporter  *self,
                                                          GFile              *file,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
/* The same from memory; @name is the file name used in messages. */
TractIcalReport   *tract_ical_importer_import_bytes      (TractIcalImporter  *self,
                                                          GBytes             *bytes,
                                                          const char         *name,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
/* Imports from a thread with its own connection to the database; when it
 * has committed, the importer's store announces a reset of the event table
 * on the caller's main context, so that every list reloads. */
void               tract_ical_importer_import_file_async (TractIcalImporter  *self,
                                                          GFile              *file,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
TractIcalReport   *tract_ical_importer_import_file_finish (TractIcalImporter *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

G_END_DECLS
