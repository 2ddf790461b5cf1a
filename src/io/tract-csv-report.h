/* tract-csv-report.h — what an import of organizations did, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_CSV_MESSAGE_SKIPPED, /* the row was not imported */
  TRACT_CSV_MESSAGE_NOTE,    /* imported, but something was left out */
} TractCsvMessageKind;

#define TRACT_TYPE_CSV_REPORT (tract_csv_report_get_type ())

G_DECLARE_FINAL_TYPE (TractCsvReport, tract_csv_report, TRACT, CSV_REPORT, GObject)

TractCsvReport     *tract_csv_report_new                   (const char          *file_name);
const char         *tract_csv_report_get_file_name         (TractCsvReport      *self);

guint               tract_csv_report_get_n_added           (TractCsvReport      *self);
guint               tract_csv_report_get_n_updated         (TractCsvReport      *self);
guint               tract_csv_report_get_n_unchanged       (TractCsvReport      *self);
guint               tract_csv_report_get_n_skipped         (TractCsvReport      *self);
guint               tract_csv_report_get_n_contacts_added  (TractCsvReport      *self);
guint               tract_csv_report_get_n_contacts_updated (TractCsvReport     *self);

/* Skipped rows and notes, in file order. */
guint               tract_csv_report_get_n_messages        (TractCsvReport      *self);
TractCsvMessageKind tract_csv_report_get_message_kind      (TractCsvReport      *self,
                                                            guint                index);
/* The line of the file where the row starts; 1 is the header. */
guint               tract_csv_report_get_message_line      (TractCsvReport      *self,
                                                            guint                index);
const char         *tract_csv_report_get_message_text      (TractCsvReport      *self,
                                                            guint                index);

/* One sentence with the counts ("2 organizations added, 1 updated…"). */
char               *tract_csv_report_dup_summary           (TractCsvReport      *self);
/* The summary, then one line per message. */
char               *tract_csv_report_to_text               (TractCsvReport      *self);

/* For the importer */
typedef enum
{
  TRACT_CSV_COUNT_ADDED,
  TRACT_CSV_COUNT_UPDATED,
  TRACT_CSV_COUNT_UNCHANGED,
  TRACT_CSV_COUNT_SKIPPED,
  TRACT_CSV_COUNT_CONTACT_ADDED,
  TRACT_CSV_COUNT_CONTACT_UPDATED,
} TractCsvCount;

void                tract_csv_report_count                 (TractCsvReport      *self,
                                                            TractCsvCount        what);
void                tract_csv_report_add                   (TractCsvReport      *self,
                                                            TractCsvMessageKind  kind,
                                                            guint                line,
                                                            const char          *format,
                                                            ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
