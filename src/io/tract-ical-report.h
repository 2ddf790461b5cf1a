/* tract-ical-report.h — what an import did, event by event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_ICAL_MESSAGE_SKIPPED, /* the event was not imported */
  TRACT_ICAL_MESSAGE_NOTE,    /* imported, but something was guessed, converted or left out */
} TractIcalMessageKind;

#define TRACT_TYPE_ICAL_REPORT (tract_ical_report_get_type ())

G_DECLARE_FINAL_TYPE (TractIcalReport, tract_ical_report, TRACT, ICAL_REPORT, GObject)

TractIcalReport     *tract_ical_report_new              (const char          *file_name);
const char          *tract_ical_report_get_file_name    (TractIcalReport     *self);
guint                tract_ical_report_get_n_added      (TractIcalReport     *self);
guint                tract_ical_report_get_n_updated    (TractIcalReport     *self);
guint                tract_ical_report_get_n_unchanged  (TractIcalReport     *self);
guint                tract_ical_report_get_n_skipped    (TractIcalReport     *self);
/* Properties libical could not read (X-LIC-ERROR), in all events. */
guint                tract_ical_report_get_n_parse_errors (TractIcalReport   *self);

/* Skips and notes in file order; at most a few thousand are kept, the
 * counts above stay exact. */
guint                tract_ical_report_get_n_messages   (TractIcalReport     *self);
TractIcalMessageKind tract_ical_report_get_message_kind (TractIcalReport     *self,
                                                         guint                index);
/* The line of the file the message is about, 0 for the whole file. */
guint                tract_ical_report_get_message_line (TractIcalReport     *self,
                                                         guint                index);
const char          *tract_ical_report_get_message_uid  (TractIcalReport     *self,
                                                         guint                index);
const char          *tract_ical_report_get_message_text (TractIcalReport     *self,
                                                         guint                index);
/* A summary for people: the counts, then one line per message. */
char                *tract_ical_report_to_text          (TractIcalReport     *self);

/* For the importer */
void                 tract_ical_report_count            (TractIcalReport     *self,
                                                         guint                n_added,
                                                         guint                n_updated,
                                                         guint                n_unchanged);
void                 tract_ical_report_add_parse_errors (TractIcalReport     *self,
                                                         guint                n_errors);
void                 tract_ical_report_add              (TractIcalReport     *self,
                                                         TractIcalMessageKind kind,
                                                         guint                line,
                                                         const char          *uid,
                                                         const char          *format,
                                                         ...) G_GNUC_PRINTF (5, 6);
void                 tract_ical_report_merge            (TractIcalReport     *self,
                                                         guint                since,
                                                         TractIcalReport     *other);

G_END_DECLS
