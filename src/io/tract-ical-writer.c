/* tract-ical-writer.c — content lines of RFC 5545, written to a stream
 *
 * Events are written by hand rather than through libical's component tree:
 * building and serializing a tree costs more than ten times as much, and an
 * agenda of 100,000 events must export in well under a second. What libical
 * gets right (escaping, folding between UTF-8 characters) is done here the
 * same way, and the tests read every export back with libical and four
 * other parsers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-ical-writer.h"

#define FOLD_OCTETS 75
#define FLUSH_THRESHOLD (64 * 1024)

void
tract_ical_writer_init (TractIcalWriter *self,
                        GOutputStream   *stream,
                        GCancellable    *cancellable)
{
  memset (self, 0, sizeof *self);
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buffer = g_string_sized_new (FLUSH_THRESHOLD * 2);
  self->scratch = g_string_sized_new (1024);
}

void
tract_ical_writer_clear (TractIcalWriter *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  if (self->scratch != NULL)
    g_string_free (self->scratch, TRUE);
  self->buffer = self->scratch = NULL;
  g_clear_error (&self->error);
}

gboolean
tract_ical_writer_flush (TractIcalWriter  *self,
                         GError          **error)
{
  if (self->error == NULL && self->buffer->len > 0)
    {
      gsize written = 0;

      if (g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                     &written, self->cancellable, &self->error))
        self->bytes_written += written;
    }
  g_string_truncate (self->buffer, 0);
  if (self->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

void
tract_ical_writer_maybe_flush (TractIcalWriter *self)
{
  if (self->buffer->len >= FLUSH_THRESHOLD)
    tract_ical_writer_flush (self, NULL);
}

void
tract_ical_writer_begin (TractIcalWriter *self,
                         const char      *name)
{
  self->line_start = self->buffer->len;
  g_string_append (self->buffer, name);
}

void
tract_ical_writer_param (TractIcalWriter *self,
                         const char      *name,
                         const char      *value)
{
  GString *clean = self->scratch;
  gboolean quote = FALSE;

  g_string_truncate (clean, 0);
  tract_ical_append_clean (clean, value, -1);

  g_string_append_c (self->buffer, ';');
  g_string_append (self->buffer, name);
  g_string_append_c (self->buffer, '=');

  for (gsize i = 0; i < clean->len; i++)
    if (clean->str[i] == ',' || clean->str[i] == ';' || clean->str[i] == ':')
      quote = TRUE;
  if (quote)
    g_string_append_c (self->buffer, '"');
  for (gsize i = 0; i < clean->len; i++)
    {
      char c = clean->str[i];

      if (c == '"' || c == '^')
        continue;
      g_string_append_c (self->buffer, c == '\n' || c == '\t' ? ' ' : c);
    }
  if (quote)
    g_string_append_c (self->buffer, '"');
}

void
tract_ical_writer_raw (TractIcalWriter *self,
                       const char      *text,
                       gssize           length)
{
  g_string_append_len (self->buffer, text, length < 0 ? (gssize) strlen (text) : length);
}

static inline gboolean
is_dropped_control (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
}

void
tract_ical_append_clean (GString    *out,
                         const char *text,
                         gssize      length)
{
  const char *end;
  const char *p;

  if (length < 0)
    length = (gssize) strlen (text);
  end = text + length;

  if (!g_utf8_validate (text, length, NULL))
    {
      /* Only text that went around the model's checks can get here. */
      g_autofree char *valid = g_utf8_make_valid (text, length);

      tract_ical_append_clean (out, valid, -1);
      return;
    }

  for (p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          if (p + 1 < end && p[1] == '\n')
            continue;
          g_string_append_c (out, '\n');
        }
      else if (!is_dropped_control (c))
        g_string_append_c (out, (char) c);
    }
}

void
tract_ical_writer_text (TractIcalWriter *self,
                        const char      *text,
                        gssize          length)
{
  GString *out = self->buffer;
  const char *end;
  const char *run;
  const char *p;

  if (length < 0)
    length = (gssize) strlen (text);
  end = text + length;

  if (!g_utf8_validate (text, length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      tract_ical_writer_text (self, valid, -1);
      return;
    }

  /* Copies runs of plain characters at once: most text has nothing to escape. */
  for (run = p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '\\' && c != ';' && c != ',' && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          if (p + 1 < end && p[1] == '\n')
            break;
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, '\t');
          break;
        default:
          /* Other control characters are not allowed in TEXT (RFC 5545 §3.3.11). */
          break;
        }
    }
  g_string_append_len (out, run, p - run);
}

void
tract_ical_writer_end (TractIcalWriter *self)
{
  GString *out = self->buffer;
  gsize length = out->len - self->line_start;
  GString *line = self->scratch;
  gsize position = 0;
  gboolean first = TRUE;

  if (length <= FOLD_OCTETS)
    {
      g_string_append_len (out, "\r\n", 2);
      return;
    }

  g_string_truncate (line, 0);
  g_string_append_len (line, out->str + self->line_start, length);
  g_string_truncate (out, self->line_start);

  while (position < length)
    {
      /* A continuation line starts with a space, which counts in its 75 octets. */
      gsize room = first ? FOLD_OCTETS : FOLD_OCTETS - 1;
      gsize cut = MIN (position + room, length);

      /* Never split a UTF-8 sequence: back up to the start of a character. */
      while (cut < length && cut > position && ((guchar) line->str[cut] & 0xC0) == 0x80)
        cut--;
      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line->str + position, cut - position);
      g_string_append_len (out, "\r\n", 2);
      position = cut;
      first = FALSE;
    }
}

void
tract_ical_writer_line (TractIcalWriter *self,
                        const char      *name,
                        const char      *raw_value)
{
  tract_ical_writer_begin (self, name);
  g_string_append_c (self->buffer, ':');
  tract_ical_writer_raw (self, raw_value, -1);
  tract_ical_writer_end (self);
}

void
tract_ical_writer_text_line (TractIcalWriter *self,
                             const char      *name,
                             const char      *text)
{
  tract_ical_writer_begin (self, name);
  g_string_append_c (self->buffer, ':');
  tract_ical_writer_text (self, text, -1);
  tract_ical_writer_end (self);
}
