/* tract-ical-scanner.h — an .ics file read line by line, cut into components
 *
 * The importer's reading of a file without parsing it whole: physical
 * lines decoded (UTF-8 validated, Latin-1 converted, BOM and NUL bytes
 * dropped), unfolded into logical lines, and followed through BEGIN and END
 * so that each top-level VEVENT or VTIMEZONE comes out as a text of its
 * own for libical. Private to the io layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Longer lines or components are not calendars people send each other. */
#define TRACT_ICAL_MAX_LINE      (16 * 1024 * 1024)
#define TRACT_ICAL_MAX_COMPONENT (16 * 1024 * 1024)

typedef struct
{
  GBytes *bytes; /* either */
  GFile  *file;  /* or */
} TractIcalSource;

typedef struct
{
  GInputStream *stream;
  char         *chunk;
  gsize         chunk_start;
  gsize         chunk_end;
  gboolean      eof;
  guint64       offset;        /* bytes consumed */
  guint         line_number;   /* of the last physical line read */
  gboolean      latin1;        /* convert every line from Windows-1252 */
  gboolean      invalid_utf8;  /* seen a line that is not UTF-8 */
  guint         first_invalid_line;
  GString      *physical;
  gboolean      has_pending;
  GString      *pending;       /* the logical line being unfolded */
  guint         pending_line;
  GError       *error;
} TractIcalReader;

gboolean tract_ical_reader_open         (TractIcalReader  *reader,
                                         TractIcalSource  *source,
                                         gboolean          latin1,
                                         GCancellable     *cancellable,
                                         GError          **error);
void     tract_ical_reader_clear        (TractIcalReader  *reader);
/* One logical (unfolded) line: @line points to the reader's own buffer,
 * valid until the next call. FALSE at the end, or on reader->error. */
gboolean tract_ical_reader_next_logical (TractIcalReader  *reader,
                                         GCancellable     *cancellable,
                                         GString         **line,
                                         guint            *line_number);

typedef enum
{
  TRACT_ICAL_CAPTURE_NONE,
  TRACT_ICAL_CAPTURE_VEVENT,
  TRACT_ICAL_CAPTURE_VTIMEZONE,
} TractIcalCapture;

typedef struct
{
  GPtrArray  *stack;           /* upper-case component names */
  TractIcalCapture capture_kind;
  guint       capture_depth;   /* stack length when the captured component began */
  guint       capture_line;
  gboolean    capture_too_big;
  GString    *capture;
  gboolean    seen_calendar;
  gboolean    seen_event;
  char       *first_other;     /* a top-level component that is no VCALENDAR */
} TractIcalScanner;

typedef enum
{
  TRACT_ICAL_SCAN_NOTHING,
  TRACT_ICAL_SCAN_COMPLETE,     /* a captured component is complete in scanner->capture */
  TRACT_ICAL_SCAN_UNFINISHED,   /* a captured component was cut short by an END of its parent */
  TRACT_ICAL_SCAN_OTHER_BEGINS, /* a component Tract does not import begins (name in *other) */
} TractIcalScan;

void          tract_ical_scanner_init  (TractIcalScanner  *scanner);
void          tract_ical_scanner_clear (TractIcalScanner  *scanner);
/* Follows @line; with @want_events, captures top-level VEVENTs (and tells
 * of other components beginning, in @other), without it VTIMEZONEs. */
TractIcalScan tract_ical_scanner_feed  (TractIcalScanner  *scanner,
                                        const char        *line,
                                        gsize              length,
                                        guint              line_number,
                                        gboolean           want_events,
                                        char             **other);

G_END_DECLS
