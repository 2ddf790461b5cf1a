/* tract-ical-scanner.c — an .ics file read line by line, cut into components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-ical-scanner.h"

#define READ_CHUNK (64 * 1024)
#define MAX_DEPTH  32

/* Reading lines */



gboolean
tract_ical_reader_open (TractIcalReader  *reader,
                        TractIcalSource  *source,
                        gboolean          latin1,
                        GCancellable     *cancellable,
                        GError          **error)
{
  memset (reader, 0, sizeof *reader);
  if (source->bytes != NULL)
    reader->stream = g_memory_input_stream_new_from_bytes (source->bytes);
  else
    {
      reader->stream = G_INPUT_STREAM (g_file_read (source->file, cancellable, error));
      if (reader->stream == NULL)
        return FALSE;
    }
  reader->chunk = g_malloc (READ_CHUNK);
  reader->physical = g_string_sized_new (256);
  reader->pending = g_string_sized_new (256);
  reader->latin1 = latin1;
  return TRUE;
}

void
tract_ical_reader_clear (TractIcalReader *reader)
{
  g_clear_object (&reader->stream);
  g_clear_pointer (&reader->chunk, g_free);
  if (reader->physical != NULL)
    g_string_free (reader->physical, TRUE);
  if (reader->pending != NULL)
    g_string_free (reader->pending, TRUE);
  reader->physical = reader->pending = NULL;
  g_clear_error (&reader->error);
}

static void
convert_latin1 (GString *line)
{
  g_autofree char *converted = NULL;

  /* Windows-1252 is what "Latin-1" files from Outlook really are; five of
   * its bytes are undefined, for which ISO 8859-1 takes over. */
  converted = g_convert (line->str, line->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_convert (line->str, line->len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  if (converted != NULL)
    {
      g_string_truncate (line, 0);
      g_string_append (line, converted);
    }
}

/* One physical line into reader->physical, without its line ending. */
static gboolean
reader_next_physical (TractIcalReader *reader,
                      GCancellable    *cancellable)
{
  GString *line = reader->physical;
  gboolean got_any = FALSE;

  g_string_truncate (line, 0);
  for (;;)
    {
      const char *start;
      const char *newline;
      gsize available;

      if (reader->chunk_start == reader->chunk_end)
        {
          gssize n;

          if (reader->eof)
            break;
          n = g_input_stream_read (reader->stream, reader->chunk, READ_CHUNK, cancellable, &reader->error);
          if (n <= 0)
            {
              reader->eof = TRUE;
              break;
            }
          reader->chunk_start = 0;
          reader->chunk_end = (gsize) n;
        }

      got_any = TRUE;
      start = reader->chunk + reader->chunk_start;
      available = reader->chunk_end - reader->chunk_start;
      newline = memchr (start, '\n', available);
      if (newline != NULL)
        {
          gsize length = (gsize) (newline - start);

          if (line->len + length <= TRACT_ICAL_MAX_LINE)
            g_string_append_len (line, start, length);
          reader->chunk_start += length + 1;
          reader->offset += length + 1;
          break;
        }
      if (line->len + available <= TRACT_ICAL_MAX_LINE)
        g_string_append_len (line, start, available);
      reader->chunk_start = reader->chunk_end;
      reader->offset += available;
    }

  if (!got_any)
    return FALSE;

  reader->line_number++;
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  /* Import rule 1: a byte-order mark says nothing in UTF-8. */
  if (reader->line_number == 1 && line->len >= 3 && memcmp (line->str, "\xEF\xBB\xBF", 3) == 0)
    g_string_erase (line, 0, 3);
  /* NUL bytes cut C strings short, and libical with them. */
  if (memchr (line->str, '\0', line->len) != NULL)
    {
      gsize kept = 0;

      for (gsize i = 0; i < line->len; i++)
        if (line->str[i] != '\0')
          line->str[kept++] = line->str[i];
      g_string_truncate (line, kept);
    }

  if (reader->latin1)
    convert_latin1 (line);
  else if (!g_utf8_validate (line->str, line->len, NULL))
    {
      if (!reader->invalid_utf8)
        reader->first_invalid_line = reader->line_number;
      reader->invalid_utf8 = TRUE;
      /* Keep what follows parseable; the second pass converts properly. */
      {
        g_autofree char *valid = g_utf8_make_valid (line->str, line->len);

        g_string_truncate (line, 0);
        g_string_append (line, valid);
      }
    }
  return TRUE;
}

/* One logical (unfolded) line: @line points to the reader's own buffer. */
gboolean
tract_ical_reader_next_logical (TractIcalReader  *reader,
                                GCancellable     *cancellable,
                                GString         **line,
                                guint            *line_number)
{
  for (;;)
    {
      gboolean got = reader_next_physical (reader, cancellable);

      if (got && reader->has_pending
          && reader->physical->len > 0
          && (reader->physical->str[0] == ' ' || reader->physical->str[0] == '\t'))
        {
          /* RFC 5545 §3.1: a line starting with a blank continues the one before. */
          if (reader->pending->len + reader->physical->len <= TRACT_ICAL_MAX_LINE)
            g_string_append_len (reader->pending, reader->physical->str + 1, reader->physical->len - 1);
          continue;
        }

      if (reader->has_pending)
        {
          GString *tmp;

          /* Hand out the finished line; keep the new one pending. */
          tmp = reader->pending;
          reader->pending = reader->physical;
          reader->physical = tmp;
          *line = reader->physical;
          *line_number = reader->pending_line;
          reader->has_pending = got;
          reader->pending_line = reader->line_number;
          return TRUE;
        }
      if (!got)
        return FALSE;
      {
        GString *tmp = reader->pending;

        reader->pending = reader->physical;
        reader->physical = tmp;
        reader->has_pending = TRUE;
        reader->pending_line = reader->line_number;
      }
    }
}

/* Components */



void
tract_ical_scanner_init (TractIcalScanner *scanner)
{
  memset (scanner, 0, sizeof *scanner);
  scanner->stack = g_ptr_array_new_with_free_func (g_free);
  scanner->capture = g_string_sized_new (4096);
}

void
tract_ical_scanner_clear (TractIcalScanner *scanner)
{
  g_clear_pointer (&scanner->stack, g_ptr_array_unref);
  if (scanner->capture != NULL)
    g_string_free (scanner->capture, TRUE);
  scanner->capture = NULL;
  g_clear_pointer (&scanner->first_other, g_free);
}

/* "BEGIN:VEVENT" → "VEVENT" (upper case), for BEGIN and END lines. */
static char *
component_name (const char *line,
                const char *keyword)
{
  gsize keyword_length = strlen (keyword);
  g_autofree char *name = NULL;

  if (g_ascii_strncasecmp (line, keyword, keyword_length) != 0 || line[keyword_length] != ':')
    return NULL;
  name = g_strstrip (g_strdup (line + keyword_length + 1));
  if (*name == '\0')
    return NULL;
  return g_ascii_strup (name, -1);
}

static void
capture_line (TractIcalScanner *scanner,
              const char       *line,
              gsize             length)
{
  if (scanner->capture_too_big)
    return;
  if (scanner->capture->len + length + 2 > TRACT_ICAL_MAX_COMPONENT)
    {
      scanner->capture_too_big = TRUE;
      return;
    }
  g_string_append_len (scanner->capture, line, length);
  g_string_append_len (scanner->capture, "\r\n", 2);
}


TractIcalScan
tract_ical_scanner_feed (TractIcalScanner  *scanner,
                         const char        *line,
                         gsize              length,
                         guint              line_number,
                         gboolean           want_events,
                         char             **other)
{
  g_autofree char *begin = NULL;
  g_autofree char *end = NULL;

  begin = component_name (line, "BEGIN");
  if (begin == NULL)
    end = component_name (line, "END");

  if (begin != NULL)
    {
      const char *parent = scanner->stack->len > 0 ? scanner->stack->pdata[scanner->stack->len - 1] : NULL;
      gboolean at_top = parent == NULL || (scanner->stack->len == 1 && g_str_equal (parent, "VCALENDAR"));

      if (scanner->stack->len >= MAX_DEPTH)
        return TRACT_ICAL_SCAN_NOTHING;
      if (g_str_equal (begin, "VCALENDAR") && parent == NULL)
        scanner->seen_calendar = TRUE;
      else if (parent == NULL && scanner->first_other == NULL && !g_str_equal (begin, "VEVENT"))
        {
          /* For a message: a name as it can be shown. */
          scanner->first_other = g_strdup (begin);
          g_strcanon (scanner->first_other, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '?');
        }

      if (scanner->capture_kind == TRACT_ICAL_CAPTURE_NONE && at_top && !g_str_equal (begin, "VCALENDAR"))
        {
          TractIcalCapture kind = TRACT_ICAL_CAPTURE_NONE;

          /* Import rule 2: a VEVENT alone, outside any VCALENDAR, is welcome too. */
          if (g_str_equal (begin, "VEVENT"))
            {
              scanner->seen_event = TRUE;
              kind = want_events ? TRACT_ICAL_CAPTURE_VEVENT : TRACT_ICAL_CAPTURE_NONE;
            }
          else if (g_str_equal (begin, "VTIMEZONE"))
            kind = want_events ? TRACT_ICAL_CAPTURE_NONE : TRACT_ICAL_CAPTURE_VTIMEZONE;
          else if (want_events && other != NULL)
            {
              g_ptr_array_add (scanner->stack, g_steal_pointer (&begin));
              *other = g_strdup (scanner->stack->pdata[scanner->stack->len - 1]);
              return TRACT_ICAL_SCAN_OTHER_BEGINS;
            }

          if (kind != TRACT_ICAL_CAPTURE_NONE)
            {
              scanner->capture_kind = kind;
              scanner->capture_depth = scanner->stack->len;
              scanner->capture_line = line_number;
              scanner->capture_too_big = FALSE;
              g_string_truncate (scanner->capture, 0);
            }
        }
      g_ptr_array_add (scanner->stack, g_steal_pointer (&begin));
      if (scanner->capture_kind != TRACT_ICAL_CAPTURE_NONE)
        capture_line (scanner, line, length);
      return TRACT_ICAL_SCAN_NOTHING;
    }
  else if (end != NULL)
    {
      gboolean found = FALSE;
      guint index = 0;

      /* A stray END closes what it names; an END naming nothing open is ignored. */
      for (guint i = scanner->stack->len; i > 0; i--)
        if (g_str_equal (scanner->stack->pdata[i - 1], end))
          {
            found = TRUE;
            index = i - 1;
            break;
          }
      if (!found)
        return TRACT_ICAL_SCAN_NOTHING;

      if (scanner->capture_kind != TRACT_ICAL_CAPTURE_NONE && index <= scanner->capture_depth)
        {
          gboolean complete = index == scanner->capture_depth;

          if (complete)
            capture_line (scanner, line, length);
          g_ptr_array_set_size (scanner->stack, index);
          return complete ? TRACT_ICAL_SCAN_COMPLETE : TRACT_ICAL_SCAN_UNFINISHED;
        }
      if (scanner->capture_kind != TRACT_ICAL_CAPTURE_NONE)
        capture_line (scanner, line, length);
      g_ptr_array_set_size (scanner->stack, index);
      return TRACT_ICAL_SCAN_NOTHING;
    }

  if (scanner->capture_kind != TRACT_ICAL_CAPTURE_NONE)
    capture_line (scanner, line, length);
  return TRACT_ICAL_SCAN_NOTHING;
}
