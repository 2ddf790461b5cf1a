/* tract-ical-writer.h — content lines of RFC 5545, written to a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GString       *scratch;
  gsize          line_start;
  guint64        bytes_written;
  GError        *error;        /* the first write error; later writes are skipped */
} TractIcalWriter;

void     tract_ical_writer_init           (TractIcalWriter *self,
                                           GOutputStream   *stream,
                                           GCancellable    *cancellable);
void     tract_ical_writer_clear          (TractIcalWriter *self);
/* Writes what is buffered; FALSE with @error set once a write failed. */
gboolean tract_ical_writer_flush          (TractIcalWriter *self,
                                           GError         **error);
/* Flushes only when enough has piled up. */
void     tract_ical_writer_maybe_flush    (TractIcalWriter *self);

void     tract_ical_writer_begin          (TractIcalWriter *self,
                                           const char      *name);
/* A parameter; its value loses what RFC 5545 cannot carry there (control
 * characters, '"', and '^', which libical 3.0.16 does not write as RFC 6868's
 * "^^"), and is quoted when it holds ',', ';' or ':'. */
void     tract_ical_writer_param          (TractIcalWriter *self,
                                           const char      *name,
                                           const char      *value);
/* Raw value text, written as it is (dates, numbers, RRULE). */
void     tract_ical_writer_raw            (TractIcalWriter *self,
                                           const char      *text,
                                           gssize           length);
/* A TEXT value: '\', ';', ',' and newlines escaped, control characters dropped. */
void     tract_ical_writer_text           (TractIcalWriter *self,
                                           const char      *text,
                                           gssize           length);
/* Ends the content line: folds it at 75 octets between UTF-8 characters and adds CRLF. */
void     tract_ical_writer_end            (TractIcalWriter *self);

/* Whole lines */
void     tract_ical_writer_line           (TractIcalWriter *self,
                                           const char      *name,
                                           const char      *raw_value);
void     tract_ical_writer_text_line      (TractIcalWriter *self,
                                           const char      *name,
                                           const char      *text);

/* Appends @text to @out with control characters (all of C0 but TAB and LF,
 * and DEL) removed, CRLF and CR turned into LF, and invalid UTF-8 replaced. */
void     tract_ical_append_clean          (GString         *out,
                                           const char      *text,
                                           gssize           length);

G_END_DECLS
