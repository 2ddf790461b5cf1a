/* tract-csv.h — organizations and their contacts as CSV (RFC 4180, UTF-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-csv-report.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_CSV_ERROR (tract_csv_error_quark ())

typedef enum
{
  TRACT_CSV_ERROR_MALFORMED, /* not CSV: an open quote, a stray quote, a ragged row */
  TRACT_CSV_ERROR_ENCODING,  /* not UTF-8 text */
  TRACT_CSV_ERROR_HEADER,    /* no header, or no column for the organization's name */
} TractCsvError;

GQuark      tract_csv_error_quark (void);
/* The line an error is about (1 is the first line of the file), or 0. */
guint       tract_csv_error_get_line (const GError *error);

/* Reading and writing rows */

typedef struct
{
  guint  line;   /* where the row starts in the file, from 1 */
  GStrv  fields;
  guint  n_fields;
} TractCsvRow;

void        tract_csv_row_free          (TractCsvRow        *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractCsvRow, tract_csv_row_free)

/* Returns: (transfer full) (element-type TractCsvRow): every row but blank
 * lines; the delimiter (comma, semicolon or tab) is that of the header. */
GPtrArray  *tract_csv_parse             (const char         *data,
                                         gsize               length,
                                         char               *delimiter,
                                         GError            **error);
void        tract_csv_append_row        (GString            *out,
                                         const char * const *fields,
                                         guint               n_fields);

/* Organizations */

typedef enum
{
  TRACT_CSV_EXPORT_DEFAULT         = 0,
  TRACT_CSV_EXPORT_PRIVATE_NOTES   = 1 << 0, /* the organization's and the contacts' private notes */
} TractCsvExportFlags;

gboolean        tract_csv_export_organizations (TractStore          *store,
                                                GOutputStream       *stream,
                                                TractCsvExportFlags  flags,
                                                GCancellable        *cancellable,
                                                GError             **error);
TractCsvReport *tract_csv_import_organizations (TractStore          *store,
                                                const char          *data,
                                                gsize                length,
                                                const char          *file_name,
                                                GError             **error);
TractCsvReport *tract_csv_import_file          (TractStore          *store,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);

G_END_DECLS
