/* tract-markdown.h — the Markdown of a statement's body, read simply
 *
 * Enough of CommonMark for what collectives write in an appeal: headings,
 * paragraphs, bullet and numbered lists, quotes, rules, code, strong and
 * emphasized text, links. The exports and the PDF read the body through
 * this, so that they agree on what the text says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_MARKDOWN_PARAGRAPH,
  TRACT_MARKDOWN_HEADING,   /* level 1 to 6 */
  TRACT_MARKDOWN_BULLET,    /* level: nesting, from 0 */
  TRACT_MARKDOWN_NUMBERED,  /* level: nesting, from 0; marker: "1." */
  TRACT_MARKDOWN_QUOTE,
  TRACT_MARKDOWN_RULE,
  TRACT_MARKDOWN_CODE,      /* text taken literally */
} TractMarkdownBlockType;

typedef struct
{
  TractMarkdownBlockType  type;
  guint                   level;
  char                   *marker;
  /* Inline Markdown (literal text for code), its lines joined by "\n". */
  char                   *text;
  /* A blank line separates it from the block before (a loose list). */
  gboolean                follows_blank;
} TractMarkdownBlock;

typedef enum
{
  TRACT_MARKDOWN_PLAIN    = 0,
  TRACT_MARKDOWN_STRONG   = 1 << 0,
  TRACT_MARKDOWN_EMPHASIS = 1 << 1,
  TRACT_MARKDOWN_CODE_SPAN = 1 << 2,
  /* A line break the writer asked for (two blanks or "\" at the end). */
  TRACT_MARKDOWN_BREAK    = 1 << 3,
} TractMarkdownStyle;

typedef struct
{
  char               *text;
  TractMarkdownStyle  style;
  char               *url;   /* NULL unless a link */
} TractMarkdownSpan;

/* Returns: (transfer full) (element-type TractMarkdownBlock) */
GArray *tract_markdown_parse_blocks (const char *markdown);
/* Returns: (transfer full) (element-type TractMarkdownSpan): the spans of a
 * block's text. A soft line break stays "\n" in a span's text (a reflowing
 * reader shows it as a space); a hard one is a span of its own, "\n" with
 * TRACT_MARKDOWN_BREAK. */
GArray *tract_markdown_parse_inline (const char *text);

/* The text without its Markdown: for a plain-text export. Lines, lists
 * and paragraphs stay where they were. */
char   *tract_markdown_to_plain     (const char *markdown);
/* Whether @markdown opens with a heading that reads @title: an export
 * then does not print the title twice. */
gboolean tract_markdown_opens_with  (const char *markdown,
                                     const char *title);
/* @text with what Markdown would read as formatting escaped, on one line:
 * a title or a name is printed as typed. */
char   *tract_markdown_escape       (const char *text);

G_END_DECLS
