/* tract-markdown.c — the Markdown of a statement's body, read simply
 *
 * Two passes, as in CommonMark: lines into blocks, then each block's text
 * into styled spans. Whatever does not parse as Markdown stays literal
 * text: an unmatched "*" is a star, never lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-markdown.h"

/* How far a closing mark or bracket is looked for, in bytes. */
#define SEARCH_SPAN 4096

/* Blocks */

typedef struct
{
  GArray                 *blocks;
  GString                *text;
  gboolean                open;
  TractMarkdownBlockType  type;
  guint                   level;
  char                   *marker;
  gboolean                follows_blank;
  gboolean                blank_before;   /* the last line read was blank */
  char                    fence_char;     /* inside a fenced code block */
  gsize                   fence_length;
  guint                   code_lines;
} BlockParser;

static void
block_clear (gpointer data)
{
  TractMarkdownBlock *block = data;

  g_free (block->marker);
  g_free (block->text);
}

static void
close_block (BlockParser *parser)
{
  TractMarkdownBlock block = { 0, };

  if (!parser->open)
    return;
  block.type = parser->type;
  block.level = parser->level;
  block.marker = g_steal_pointer (&parser->marker);
  block.text = g_strdup (parser->text->str);
  block.follows_blank = parser->follows_blank;
  g_array_append_val (parser->blocks, block);
  g_string_truncate (parser->text, 0);
  parser->open = FALSE;
}

static void
open_block (BlockParser            *parser,
            TractMarkdownBlockType  type,
            guint                   level,
            const char             *marker,
            const char             *text,
            gsize                   length)
{
  close_block (parser);
  parser->open = TRUE;
  parser->type = type;
  parser->level = level;
  parser->marker = g_strdup (marker);
  parser->follows_blank = parser->blank_before || parser->blocks->len == 0;
  g_string_append_len (parser->text, text, (gssize) length);
}

static void
continue_block (BlockParser *parser,
                const char  *text)
{
  g_string_append_c (parser->text, '\n');
  g_string_append (parser->text, text);
}

static gboolean
is_blank_line (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

/* Columns of leading indentation (a tab counts 4), and where the text starts. */
static guint
indentation (const char  *line,
             const char **content)
{
  guint columns = 0;

  for (; *line == ' ' || *line == '\t'; line++)
    columns += *line == '\t' ? 4 - columns % 4 : 1;
  *content = line;
  return columns;
}

/* "---", "* * *", "___" */
static gboolean
is_rule (const char *content)
{
  char mark = *content;
  guint count = 0;

  if (mark != '-' && mark != '*' && mark != '_')
    return FALSE;
  for (; *content != '\0'; content++)
    {
      if (*content == mark)
        count++;
      else if (*content != ' ' && *content != '\t')
        return FALSE;
    }
  return count >= 3;
}

/* A line of only "=" or "-" under a paragraph makes it a heading. */
static guint
setext_level (const char *content)
{
  char mark = *content;

  if (mark != '=' && mark != '-')
    return 0;
  while (*content == mark)
    content++;
  while (*content == ' ' || *content == '\t')
    content++;
  return *content == '\0' ? (mark == '=' ? 1 : 2) : 0;
}

static gboolean
parse_heading (BlockParser *parser,
               const char  *content)
{
  guint level = 0;
  const char *start, *end;

  while (content[level] == '#')
    level++;
  if (level == 0 || level > 6 || (content[level] != '\0' && content[level] != ' '
                                  && content[level] != '\t'))
    return FALSE;

  start = content + level;
  while (*start == ' ' || *start == '\t')
    start++;
  end = start + strlen (start);
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  /* A closing sequence of "#" after a blank goes. */
  {
    const char *hashes = end;

    while (hashes > start && hashes[-1] == '#')
      hashes--;
    if (hashes < end && (hashes == start || hashes[-1] == ' ' || hashes[-1] == '\t'))
      {
        end = hashes;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
          end--;
      }
  }

  open_block (parser, TRACT_MARKDOWN_HEADING, level, NULL, start, (gsize) (end - start));
  close_block (parser);
  return TRUE;
}

static gboolean
parse_list_item (BlockParser *parser,
                 guint        indent,
                 const char  *content)
{
  guint level = MIN (indent / 2, 6);
  const char *text;

  if ((*content == '-' || *content == '*' || *content == '+')
      && (content[1] == ' ' || content[1] == '\t' || content[1] == '\0'))
    {
      for (text = content + 1; *text == ' ' || *text == '\t'; text++)
        ;
      open_block (parser, TRACT_MARKDOWN_BULLET, level, NULL, text, strlen (text));
      return TRUE;
    }

  if (g_ascii_isdigit (*content))
    {
      gsize digits = strspn (content, "0123456789");
      g_autofree char *marker = NULL;

      if (digits > 9 || (content[digits] != '.' && content[digits] != ')')
          || (content[digits + 1] != ' ' && content[digits + 1] != '\t' && content[digits + 1] != '\0'))
        return FALSE;
      marker = g_strndup (content, digits + 1);
      marker[digits] = '.';
      for (text = content + digits + 1; *text == ' ' || *text == '\t'; text++)
        ;
      open_block (parser, TRACT_MARKDOWN_NUMBERED, level, marker, text, strlen (text));
      return TRUE;
    }
  return FALSE;
}

static void
parse_line (BlockParser *parser,
            const char  *line)
{
  const char *content;
  guint indent;
  guint level;

  if (parser->fence_char != '\0')
    {
      char fence[2] = { parser->fence_char, '\0' };
      gsize run;

      indent = indentation (line, &content);
      run = strspn (content, fence);
      if (indent < 4 && run >= parser->fence_length && is_blank_line (content + run))
        {
          close_block (parser);
          parser->fence_char = '\0';
        }
      else
        {
          if (parser->code_lines++ > 0)
            g_string_append_c (parser->text, '\n');
          g_string_append (parser->text, line);
        }
      return;
    }

  if (is_blank_line (line))
    {
      if (parser->open && parser->type != TRACT_MARKDOWN_CODE)
        close_block (parser);
      parser->blank_before = TRUE;
      return;
    }

  indent = indentation (line, &content);

  if (indent < 4)
    {
      gsize fence = strspn (content, "`");

      if (fence < 3)
        fence = strspn (content, "~");
      if (fence >= 3)
        {
          open_block (parser, TRACT_MARKDOWN_CODE, 0, NULL, "", 0);
          parser->fence_char = content[0];
          parser->fence_length = fence;
          parser->code_lines = 0;
          parser->blank_before = FALSE;
          return;
        }

      if (*content == '#' && parse_heading (parser, content))
        goto done;

      level = setext_level (content);
      if (level > 0 && parser->open && parser->type == TRACT_MARKDOWN_PARAGRAPH)
        {
          parser->type = TRACT_MARKDOWN_HEADING;
          parser->level = level;
          close_block (parser);
          goto done;
        }

      if (is_rule (content))
        {
          open_block (parser, TRACT_MARKDOWN_RULE, 0, NULL, "", 0);
          close_block (parser);
          goto done;
        }

      if (*content == '>')
        {
          const char *text = content + 1;

          if (*text == ' ')
            text++;
          if (parser->open && parser->type == TRACT_MARKDOWN_QUOTE)
            continue_block (parser, text);
          else
            open_block (parser, TRACT_MARKDOWN_QUOTE, 0, NULL, text, strlen (text));
          goto done;
        }
    }

  if (parse_list_item (parser, indent, content))
    goto done;

  /* Lazy continuation: a line that starts nothing new belongs to the
   * paragraph, item or quote being read. */
  if (parser->open && !parser->blank_before
      && (parser->type == TRACT_MARKDOWN_PARAGRAPH || parser->type == TRACT_MARKDOWN_BULLET
          || parser->type == TRACT_MARKDOWN_NUMBERED || parser->type == TRACT_MARKDOWN_QUOTE))
    continue_block (parser, content);
  else if (parser->open && parser->blank_before && indent >= 2
           && (parser->type == TRACT_MARKDOWN_BULLET || parser->type == TRACT_MARKDOWN_NUMBERED))
    continue_block (parser, content);
  else
    open_block (parser, TRACT_MARKDOWN_PARAGRAPH, 0, NULL, content, strlen (content));

done:
  parser->blank_before = FALSE;
}

GArray *
tract_markdown_parse_blocks (const char *markdown)
{
  BlockParser parser = { 0, };
  g_autofree char *valid = g_utf8_make_valid (markdown != NULL ? markdown : "", -1);
  char *line = valid;

  parser.blocks = g_array_new (FALSE, TRUE, sizeof (TractMarkdownBlock));
  g_array_set_clear_func (parser.blocks, block_clear);
  parser.text = g_string_new (NULL);

  while (line != NULL)
    {
      char *end = strchr (line, '\n');
      char *next = NULL;

      if (end != NULL)
        {
          *end = '\0';
          next = end + 1;
          if (end > line && end[-1] == '\r')
            end[-1] = '\0';
        }
      else if (*line == '\0')
        break;

      parse_line (&parser, line);
      line = next;
    }
  close_block (&parser);

  g_string_free (parser.text, TRUE);
  g_free (parser.marker);
  return parser.blocks;
}

/* Inline */

static void
span_clear (gpointer data)
{
  TractMarkdownSpan *span = data;

  g_free (span->text);
  g_free (span->url);
}

typedef struct
{
  GArray  *spans;
  GString *buffer;
} InlineParser;

static void
flush (InlineParser       *parser,
       TractMarkdownStyle  style,
       const char         *url)
{
  TractMarkdownSpan span;

  if (parser->buffer->len == 0)
    return;
  span.text = g_strdup (parser->buffer->str);
  span.style = style;
  span.url = g_strdup (url);
  g_array_append_val (parser->spans, span);
  g_string_truncate (parser->buffer, 0);
}

static gboolean
is_ascii_punctuation (char c)
{
  return c != '\0' && strchr ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

static gunichar
char_before (const char *text,
             const char *p)
{
  if (p <= text)
    return ' ';
  return g_utf8_get_char (g_utf8_prev_char (p));
}

static gunichar
char_at (const char *p)
{
  return *p == '\0' ? ' ' : g_utf8_get_char (p);
}

static gboolean
is_punctuation (gunichar c)
{
  return g_unichar_ispunct (c) || (c < 128 && is_ascii_punctuation ((char) c));
}

/* CommonMark's flanking rules, simplified: a run opens when a word
 * follows it, and closes when a word precedes it. */
static gboolean
left_flanking (gunichar before,
               gunichar after)
{
  return !g_unichar_isspace (after)
         && (!is_punctuation (after) || g_unichar_isspace (before) || is_punctuation (before));
}

static gboolean
right_flanking (gunichar before,
                gunichar after)
{
  return !g_unichar_isspace (before)
         && (!is_punctuation (before) || g_unichar_isspace (after) || is_punctuation (after));
}

static gboolean
can_open (char     mark,
          gunichar before,
          gunichar after)
{
  if (!left_flanking (before, after))
    return FALSE;
  /* "snake_case" is not emphasis. */
  return mark == '*' || !right_flanking (before, after) || is_punctuation (before);
}

static gboolean
can_close (char     mark,
           gunichar before,
           gunichar after)
{
  if (!right_flanking (before, after))
    return FALSE;
  return mark == '*' || !left_flanking (before, after) || is_punctuation (after);
}

static void parse_spans (InlineParser       *parser,
                         const char         *text,
                         gsize               length,
                         TractMarkdownStyle  style,
                         const char         *url,
                         guint               depth);

/* The closing run for an opening run of @count @mark at @start, searched in
 * [@from, @end): returns its position, or NULL. */
static const char *
find_closer (const char *text,
             const char *from,
             const char *end,
             char        mark,
             gsize       count)
{
  /* Emphasis that runs for pages is a stray mark: bounding the search
   * keeps a megabyte of unmatched stars linear. */
  if (end - from > SEARCH_SPAN)
    end = from + SEARCH_SPAN;

  for (const char *p = from; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          continue;
        }
      if (*p == '`')
        {
          /* Code spans hide what they hold. */
          gsize ticks = strspn (p, "`");
          const char *q = p + ticks;

          while (q < end)
            {
              const char *close = strchr (q, '`');

              if (close == NULL || close >= end)
                break;
              if (strspn (close, "`") == ticks)
                {
                  p = close + ticks - 1;
                  break;
                }
              q = close + strspn (close, "`");
            }
          continue;
        }
      if (*p == mark)
        {
          gsize run = 0;

          while (p + run < end && p[run] == mark)
            run++;
          if (run >= count && can_close (mark, char_before (text, p), char_at (p + run)))
            return p + run - count;
          p += run - 1;
        }
    }
  return NULL;
}

/* "[text](url)" at @p: the text and url ranges, and where it ends. */
static gboolean
parse_link (const char  *p,
            const char  *end,
            const char **label_start,
            const char **label_end,
            const char **url_start,
            const char **url_end,
            const char **after)
{
  int depth = 0;
  const char *q;

  g_assert (*p == '[');
  if (end - p > SEARCH_SPAN)
    end = p + SEARCH_SPAN;
  for (q = p; q < end; q++)
    {
      if (*q == '\\' && q + 1 < end)
        q++;
      else if (*q == '[')
        depth++;
      else if (*q == ']' && --depth == 0)
        break;
    }
  if (q >= end || q + 1 >= end || q[1] != '(')
    return FALSE;
  *label_start = p + 1;
  *label_end = q;
  *url_start = q + 2;
  for (q = *url_start; q < end && *q != ')' && *q != ' ' && *q != '\n'; q++)
    ;
  *url_end = q;
  /* An optional title: [text](url "title") */
  if (q < end && *q == ' ')
    {
      const char *close = memchr (q, ')', (gsize) (end - q));

      if (close == NULL)
        return FALSE;
      q = close;
    }
  if (q >= end || *q != ')')
    return FALSE;
  *after = q + 1;
  return TRUE;
}

static void
parse_spans (InlineParser       *parser,
             const char         *text,
             gsize               length,
             TractMarkdownStyle  style,
             const char         *url,
             guint               depth)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      char c = *p;

      if (c == '\\' && p + 1 < end && is_ascii_punctuation (p[1]))
        {
          g_string_append_c (parser->buffer, p[1]);
          p += 2;
          continue;
        }

      if (c == '\n' || (c == '\\' && p + 1 < end && p[1] == '\n'))
        {
          gboolean hard = c == '\\';

          /* Blanks before a line break are not text; two of them make it a hard break. */
          if (!hard)
            {
              gsize blanks = 0;

              while (blanks < parser->buffer->len
                     && parser->buffer->str[parser->buffer->len - 1 - blanks] == ' ')
                blanks++;
              hard = blanks >= 2;
              g_string_truncate (parser->buffer, parser->buffer->len - blanks);
            }
          if (hard)
            {
              flush (parser, style, url);
              g_string_append_c (parser->buffer, '\n');
              flush (parser, TRACT_MARKDOWN_BREAK, NULL);
              p += c == '\\' ? 2 : 1;
            }
          else
            {
              g_string_append_c (parser->buffer, '\n');
              p++;
            }
          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
          continue;
        }

      if (c == '`')
        {
          gsize ticks = strspn (p, "`");
          const char *q = p + ticks;
          const char *close = NULL;
          const char *limit = end - p > SEARCH_SPAN ? p + SEARCH_SPAN : end;

          while (q < limit && (close = memchr (q, '`', (gsize) (limit - q))) != NULL)
            {
              gsize run = strspn (close, "`");

              if (run == ticks)
                break;
              q = close + run;
              close = NULL;
            }
          if (close != NULL)
            {
              const char *start = p + ticks;
              const char *stop = close;

              /* One blank on each side is padding. */
              if (stop - start >= 2 && *start == ' ' && stop[-1] == ' ')
                {
                  start++;
                  stop--;
                }
              flush (parser, style, url);
              g_string_append_len (parser->buffer, start, stop - start);
              g_strdelimit (parser->buffer->str, "\n", ' ');
              flush (parser, style | TRACT_MARKDOWN_CODE_SPAN, url);
              p = close + ticks;
              continue;
            }
          g_string_append_len (parser->buffer, p, (gssize) ticks);
          p += ticks;
          continue;
        }

      if ((c == '[' || (c == '!' && p + 1 < end && p[1] == '[')) && url == NULL && depth < 8)
        {
          const char *label_start, *label_end, *url_start, *url_end, *after;
          gboolean image = c == '!';

          if (parse_link (image ? p + 1 : p, end, &label_start, &label_end, &url_start, &url_end, &after))
            {
              g_autofree char *target = g_strndup (url_start, (gsize) (url_end - url_start));

              flush (parser, style, url);
              parse_spans (parser, label_start, (gsize) (label_end - label_start), style,
                           image ? NULL : target, depth + 1);
              flush (parser, style, image ? NULL : target);
              p = after;
              continue;
            }
        }

      if (c == '<' && url == NULL)
        {
          const char *close = memchr (p, '>', (gsize) (end - p));

          if (close != NULL
              && (g_str_has_prefix (p + 1, "http://") || g_str_has_prefix (p + 1, "https://")
                  || g_str_has_prefix (p + 1, "mailto:"))
              && memchr (p, ' ', (gsize) (close - p)) == NULL)
            {
              g_autofree char *target = g_strndup (p + 1, (gsize) (close - p - 1));

              flush (parser, style, url);
              g_string_append (parser->buffer, target);
              flush (parser, style, target);
              p = close + 1;
              continue;
            }
        }

      if ((c == '*' || c == '_') && depth < 8)
        {
          gsize run = 0;
          gunichar before = char_before (text, p);

          while (p + run < end && p[run] == c)
            run++;
          if (can_open (c, before, char_at (p + run)))
            {
              gsize use = MIN (run, 3);
              const char *closer = NULL;

              /* The longest match first: *** then ** then *. */
              for (; use > 0 && closer == NULL; use--)
                {
                  closer = find_closer (text, p + run, end, c, use);
                  if (closer != NULL)
                    break;
                }
              if (closer != NULL && use > 0)
                {
                  TractMarkdownStyle inner = style;

                  if (use >= 2)
                    inner |= TRACT_MARKDOWN_STRONG;
                  if (use != 2)
                    inner |= TRACT_MARKDOWN_EMPHASIS;
                  /* Extra marks of the opening run stay literal. */
                  g_string_append_len (parser->buffer, p, (gssize) (run - use));
                  flush (parser, style, url);
                  parse_spans (parser, p + run, (gsize) (closer - (p + run)), inner, url, depth + 1);
                  flush (parser, inner, url);
                  p = closer + use;
                  continue;
                }
            }
          g_string_append_len (parser->buffer, p, (gssize) run);
          p += run;
          continue;
        }

      g_string_append_c (parser->buffer, c);
      p++;
    }
}

GArray *
tract_markdown_parse_inline (const char *text)
{
  InlineParser parser;
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  parser.spans = g_array_new (FALSE, TRUE, sizeof (TractMarkdownSpan));
  g_array_set_clear_func (parser.spans, span_clear);
  parser.buffer = g_string_new (NULL);

  parse_spans (&parser, valid, strlen (valid), TRACT_MARKDOWN_PLAIN, NULL, 0);
  flush (&parser, TRACT_MARKDOWN_PLAIN, NULL);

  g_string_free (parser.buffer, TRUE);
  return parser.spans;
}

/* Plain text */

static void
append_plain_inline (GString    *out,
                     const char *text,
                     const char *indent)
{
  g_autoptr(GArray) spans = tract_markdown_parse_inline (text);

  for (guint i = 0; i < spans->len; i++)
    {
      const TractMarkdownSpan *span = &g_array_index (spans, TractMarkdownSpan, i);

      for (const char *p = span->text; *p != '\0'; p++)
        {
          g_string_append_c (out, *p);
          if (*p == '\n')
            g_string_append (out, indent);
        }
      /* A link keeps its address, which paper cannot follow. */
      if (span->url != NULL && !g_str_equal (span->url, span->text)
          && (i + 1 == spans->len || g_strcmp0 (g_array_index (spans, TractMarkdownSpan, i + 1).url,
                                                span->url) != 0))
        g_string_append_printf (out, " (%s)", span->url);
    }
}

char *
tract_markdown_to_plain (const char *markdown)
{
  g_autoptr(GArray) blocks = tract_markdown_parse_blocks (markdown);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const TractMarkdownBlock *block = &g_array_index (blocks, TractMarkdownBlock, i);
      gboolean item = block->type == TRACT_MARKDOWN_BULLET || block->type == TRACT_MARKDOWN_NUMBERED;
      const TractMarkdownBlock *previous = i > 0 ? &g_array_index (blocks, TractMarkdownBlock, i - 1) : NULL;
      gboolean previous_item = previous != NULL && (previous->type == TRACT_MARKDOWN_BULLET
                                                    || previous->type == TRACT_MARKDOWN_NUMBERED);
      g_autofree char *indent = g_strnfill (block->level * 2, ' ');

      if (i > 0)
        g_string_append (out, item && previous_item && !block->follows_blank ? "\n" : "\n\n");

      switch (block->type)
        {
        case TRACT_MARKDOWN_PARAGRAPH:
        case TRACT_MARKDOWN_HEADING:
          append_plain_inline (out, block->text, "");
          break;
        case TRACT_MARKDOWN_BULLET:
          {
            g_autofree char *hanging = g_strconcat (indent, "  ", NULL);

            g_string_append_printf (out, "%s- ", indent);
            append_plain_inline (out, block->text, hanging);
          }
          break;
        case TRACT_MARKDOWN_NUMBERED:
          {
            g_autofree char *hanging = g_strnfill (strlen (indent) + strlen (block->marker) + 1, ' ');

            g_string_append_printf (out, "%s%s ", indent, block->marker);
            append_plain_inline (out, block->text, hanging);
          }
          break;
        case TRACT_MARKDOWN_QUOTE:
          g_string_append (out, "> ");
          append_plain_inline (out, block->text, "> ");
          break;
        case TRACT_MARKDOWN_RULE:
          g_string_append (out, "* * *");
          break;
        case TRACT_MARKDOWN_CODE:
          g_string_append (out, block->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
tract_markdown_opens_with (const char *markdown,
                           const char *title)
{
  g_autoptr(GArray) blocks = tract_markdown_parse_blocks (markdown);
  g_autofree char *plain = NULL;
  g_autofree char *trimmed = NULL;

  if (blocks->len == 0 || g_array_index (blocks, TractMarkdownBlock, 0).type != TRACT_MARKDOWN_HEADING)
    return FALSE;
  plain = tract_markdown_to_plain (g_array_index (blocks, TractMarkdownBlock, 0).text);
  trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));
  return *trimmed != '\0' && g_str_equal (g_strstrip (plain), trimmed);
}

char *
tract_markdown_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;
  gsize digits;

  while (*p == ' ' || *p == '\t')
    p++;

  /* What would start a block: "# ", "> ", "- ", "+ ", "1. ", "===". */
  digits = strspn (p, "0123456789");
  if (digits > 0 && (p[digits] == '.' || p[digits] == ')'))
    {
      g_string_append_len (out, p, (gssize) digits);
      g_string_append_c (out, '\\');
      p += digits;
    }
  else if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=' || *p == '~')
    g_string_append_c (out, '\\');

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\`*_[]<>&|!", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  /* Trailing blanks would make a hard line break. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
