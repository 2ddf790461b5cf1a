/* tract-statement-pdf.c — a statement on A4 pages
 *
 * The text is laid out once, paragraph by paragraph, and its lines are
 * placed on pages: a paragraph that does not fit continues on the next
 * page, a heading never stays alone at the foot of a page. Each page then
 * draws the lines placed on it. Lines wrap at words, and inside a word too
 * long for the line, so nothing runs off the sheet.
 *
 * Each paragraph finds its own direction: an Arabic or Hebrew paragraph
 * reads from the right, with its list marker on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <string.h>

#include "tract-markdown.h"
#include "tract-print-private.h"
#include "tract-statement-ledger.h"
#include "tract-statement-pdf.h"

#define FONT_MONOSPACE "DejaVu Sans Mono, Noto Sans Mono, monospace"

#define BODY_SIZE     11.0
#define LINE_SPACING  1.3
#define LIST_INDENT   16.0
#define QUOTE_INDENT  18.0

typedef enum
{
  ITEM_LINE,  /* a line of a layout */
  ITEM_RULE,  /* a hairline across the text */
  ITEM_BAR,   /* the bar beside a quote */
} ItemKind;

typedef struct
{
  ItemKind     kind;
  guint        page;
  PangoLayout *layout;  /* ITEM_LINE: not owned */
  int          line;
  double       x;
  double       y;       /* the baseline for a line, the top for a bar or rule */
  double       x2;
  double       y2;
} Item;

typedef struct
{
  PangoContext *context;
  GPtrArray    *layouts;  /* owns every layout the items point to */
  GArray       *items;
  double        width;
  double        height;
  double        margin;
  double        bottom;   /* where text stops, above the page number */
  double        y;        /* where the next line goes */
  guint         page;
} Document;

static void
document_clear (Document *document)
{
  g_clear_pointer (&document->items, g_array_unref);
  g_clear_pointer (&document->layouts, g_ptr_array_unref);
  g_clear_object (&document->context);
}

static void
new_page (Document *document)
{
  document->page++;
  document->y = document->margin;
}

static gboolean
at_page_top (Document *document)
{
  return document->y <= document->margin + 0.01;
}

static void
add_space (Document *document,
           double    space)
{
  if (!at_page_top (document))
    document->y += space;
}

/* Markup of a block's inline Markdown. */
static char *
spans_to_markup (const char *text,
                 gboolean    monospace_code)
{
  g_autoptr(GArray) spans = tract_markdown_parse_inline (text);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const TractMarkdownSpan *span = &g_array_index (spans, TractMarkdownSpan, i);
      g_autofree char *flat = g_strdup (span->text);
      g_autofree char *escaped = NULL;

      if (span->style & TRACT_MARKDOWN_BREAK)
        {
          /* A line separator: a new line, not a new paragraph. */
          g_string_append (markup, "\u2028");
          continue;
        }

      g_strdelimit (flat, "\n\r\t", ' ');
      escaped = g_markup_escape_text (flat, -1);

      if (span->style & TRACT_MARKDOWN_STRONG)
        g_string_append (markup, "<b>");
      if (span->style & TRACT_MARKDOWN_EMPHASIS)
        g_string_append (markup, "<i>");
      if ((span->style & TRACT_MARKDOWN_CODE_SPAN) && monospace_code)
        g_string_append (markup, "<span font_family=\"" FONT_MONOSPACE "\" size=\"92%\">");
      if (span->url != NULL)
        g_string_append (markup, "<u>");
      g_string_append (markup, escaped);
      if (span->url != NULL)
        g_string_append (markup, "</u>");
      if ((span->style & TRACT_MARKDOWN_CODE_SPAN) && monospace_code)
        g_string_append (markup, "</span>");
      if (span->style & TRACT_MARKDOWN_EMPHASIS)
        g_string_append (markup, "</i>");
      if (span->style & TRACT_MARKDOWN_STRONG)
        g_string_append (markup, "</b>");

      /* Paper cannot follow a link: its address is printed after it. */
      if (span->url != NULL && !g_str_equal (span->url, span->text)
          && (i + 1 == spans->len
              || g_strcmp0 (g_array_index (spans, TractMarkdownSpan, i + 1).url, span->url) != 0))
        {
          g_autofree char *url = g_markup_escape_text (span->url, -1);

          g_string_append_printf (markup, " <span size=\"85%%\">(%s)</span>", url);
        }
    }
  return g_string_free (markup, FALSE);
}

static PangoLayout *
make_layout (Document   *document,
             const char *family,
             PangoWeight weight,
             double      size,
             const char *markup,
             double      width,
             gboolean    italic)
{
  TractTextStyle style = { family, weight, size, LINE_SPACING, 0, FALSE, PANGO_ALIGN_LEFT };
  PangoLayout *layout = tract_print_layout_new (document->context, &style, markup, TRUE, width);

  if (italic)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  g_ptr_array_add (document->layouts, layout);
  return layout;
}

/* The direction the paragraph's first strong character gave it. */
static gboolean
layout_is_rtl (PangoLayout *layout)
{
  return pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL;
}

/* Places the lines of @layout at @indent from the text's start edge, and
 * @marker (a bullet or number, may be NULL) beside its first line. */
static void
place_layout (Document    *document,
              PangoLayout *layout,
              double       indent,
              PangoLayout *marker,
              double       marker_indent,
              gboolean     quote_bar)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean rtl = layout_is_rtl (layout);
  double text_width = document->width - 2 * document->margin;
  int index = 0;

  do
    {
      PangoRectangle logical;
      double top, height, baseline, x;
      Item item = { ITEM_LINE, };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;

      if (document->y + height > document->bottom && !at_page_top (document))
        new_page (document);

      /* Lines sit in a box @indent in from the start edge, on either side. */
      x = rtl ? document->margin : document->margin + indent;
      item.page = document->page;
      item.layout = layout;
      item.line = index;
      item.x = x + (double) logical.x / PANGO_SCALE;
      item.y = document->y + baseline;
      g_array_append_val (document->items, item);

      if (index == 0 && marker != NULL)
        {
          Item mark = { ITEM_LINE, };
          double marker_width = tract_print_layout_width (marker);

          mark.page = document->page;
          mark.layout = marker;
          mark.line = 0;
          mark.x = rtl ? document->margin + text_width - marker_indent - marker_width
                       : document->margin + marker_indent;
          mark.y = item.y;
          g_array_append_val (document->items, mark);
        }

      if (quote_bar)
        {
          Item bar = { ITEM_BAR, };

          bar.page = document->page;
          bar.x = rtl ? document->margin + text_width - indent + 8 : document->margin + indent - 8;
          bar.y = document->y;
          bar.y2 = document->y + height;
          g_array_append_val (document->items, bar);
        }

      document->y += height;
      index++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
place_heading (Document   *document,
               const char *markup,
               double      size,
               double      space_before,
               double      space_after)
{
  double text_width = document->width - 2 * document->margin;
  PangoLayout *layout = make_layout (document, TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, size,
                                     markup, text_width, FALSE);

  add_space (document, space_before);
  /* A heading stays with at least two lines of what follows. */
  if (document->y + tract_print_layout_height (layout) + 2 * BODY_SIZE * LINE_SPACING > document->bottom
      && !at_page_top (document))
    new_page (document);
  place_layout (document, layout, 0, NULL, 0, FALSE);
  document->y += space_after;
}

static void
place_block (Document                 *document,
             const TractMarkdownBlock *block,
             const TractMarkdownBlock *previous)
{
  double text_width = document->width - 2 * document->margin;
  gboolean item = block->type == TRACT_MARKDOWN_BULLET || block->type == TRACT_MARKDOWN_NUMBERED;
  gboolean previous_item = previous != NULL && (previous->type == TRACT_MARKDOWN_BULLET
                                                || previous->type == TRACT_MARKDOWN_NUMBERED);
  double paragraph_space = BODY_SIZE * 0.7;

  switch (block->type)
    {
    case TRACT_MARKDOWN_HEADING:
      {
        static const double sizes[] = { 16.0, 14.0, 12.5, 11.5, 11.0, 11.0 };
        g_autofree char *markup = spans_to_markup (block->text, TRUE);

        place_heading (document, markup, sizes[MIN (block->level, 6) - 1], BODY_SIZE * 1.1, BODY_SIZE * 0.35);
      }
      break;

    case TRACT_MARKDOWN_PARAGRAPH:
      {
        g_autofree char *markup = spans_to_markup (block->text, TRUE);
        PangoLayout *layout = make_layout (document, TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL,
                                           BODY_SIZE, markup, text_width, FALSE);

        if (previous != NULL)
          add_space (document, paragraph_space);
        place_layout (document, layout, 0, NULL, 0, FALSE);
      }
      break;

    case TRACT_MARKDOWN_BULLET:
    case TRACT_MARKDOWN_NUMBERED:
      {
        g_autofree char *markup = spans_to_markup (block->text, TRUE);
        double indent = LIST_INDENT * (block->level + 1);
        const char *bullet = block->level % 2 == 0 ? "•" : "◦";
        g_autofree char *marker_text = g_markup_escape_text (block->type == TRACT_MARKDOWN_BULLET
                                                               ? bullet : block->marker, -1);
        PangoLayout *layout = make_layout (document, TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL,
                                           BODY_SIZE, markup, text_width - indent, FALSE);
        PangoLayout *marker = make_layout (document, TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL,
                                           BODY_SIZE, marker_text, -1, FALSE);

        if (previous != NULL)
          add_space (document, item && previous_item && !block->follows_blank ? BODY_SIZE * 0.2
                                                                               : paragraph_space);
        place_layout (document, layout, indent, marker, indent - LIST_INDENT + 2, FALSE);
      }
      break;

    case TRACT_MARKDOWN_QUOTE:
      {
        g_autofree char *markup = spans_to_markup (block->text, TRUE);
        PangoLayout *layout = make_layout (document, TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL,
                                           BODY_SIZE, markup, text_width - QUOTE_INDENT, TRUE);

        if (previous != NULL)
          add_space (document, paragraph_space);
        place_layout (document, layout, QUOTE_INDENT, NULL, 0, TRUE);
      }
      break;

    case TRACT_MARKDOWN_CODE:
      {
        g_autofree char *markup = g_markup_escape_text (block->text, -1);
        PangoLayout *layout = make_layout (document, FONT_MONOSPACE, PANGO_WEIGHT_NORMAL,
                                           BODY_SIZE * 0.85, markup, text_width - QUOTE_INDENT, FALSE);

        if (previous != NULL)
          add_space (document, paragraph_space);
        place_layout (document, layout, QUOTE_INDENT, NULL, 0, FALSE);
      }
      break;

    case TRACT_MARKDOWN_RULE:
      {
        Item rule = { ITEM_RULE, };

        add_space (document, paragraph_space);
        if (document->y + BODY_SIZE > document->bottom)
          new_page (document);
        rule.page = document->page;
        rule.x = document->margin + text_width * 0.3;
        rule.x2 = document->margin + text_width * 0.7;
        rule.y = document->y + BODY_SIZE / 2;
        g_array_append_val (document->items, rule);
        document->y += BODY_SIZE;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* "<b>Heading:</b> A; B": the heading in bold, up to its colon. */
static char *
signatories_markup (const char *block,
                    const char *heading)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (heading != NULL ? heading : ""));
  const char *colon;
  g_autofree char *head = NULL;
  g_autofree char *escaped_head = NULL;
  g_autofree char *escaped_rest = NULL;

  if (g_str_has_suffix (trimmed, ":"))
    trimmed[strlen (trimmed) - 1] = '\0';
  g_strchomp (trimmed);
  if (*trimmed == '\0' || !g_str_has_prefix (block, trimmed)
      || (colon = strchr (block + strlen (trimmed), ':')) == NULL)
    return g_markup_escape_text (block, -1);

  head = g_strndup (block, (gsize) (colon + 1 - block));
  escaped_head = g_markup_escape_text (head, -1);
  escaped_rest = g_markup_escape_text (colon + 1, -1);
  return g_strdup_printf ("<b>%s</b>%s", escaped_head, escaped_rest);
}

static gboolean
draw_page (cairo_t       *cr,
           guint          page,
           double         width,
           double         height,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  Document *document = user_data;
  TractTextStyle footer_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, 9.0, 0, 0, FALSE,
                                  PANGO_ALIGN_CENTER };
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, document->page + 1);
  g_autoptr(PangoLayout) footer = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  for (guint i = 0; i < document->items->len; i++)
    {
      const Item *item = &g_array_index (document->items, Item, i);

      if (item->page != page)
        continue;
      switch (item->kind)
        {
        case ITEM_LINE:
          tract_print_set_color (cr, &tract_print_ink);
          cairo_move_to (cr, item->x, item->y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout, item->line));
          break;
        case ITEM_RULE:
          tract_print_set_color (cr, &tract_print_rule);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, item->x, item->y);
          cairo_line_to (cr, item->x2, item->y);
          cairo_stroke (cr);
          break;
        case ITEM_BAR:
          tract_print_set_color (cr, &tract_print_rule);
          cairo_rectangle (cr, item->x, item->y, 2.0, item->y2 - item->y);
          cairo_fill (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Pages are numbered "2 / 5": readable in any language. */
  footer = tract_print_layout_new (document->context, &footer_style, number, FALSE,
                                   width - 2 * document->margin);
  tract_print_set_color (cr, &tract_print_ink_muted);
  tract_print_show (cr, footer, document->margin,
                    height - document->margin / 2 - tract_print_layout_height (footer));
  return TRUE;
}

gboolean
tract_statement_write_pdf (TractStore    *store,
                           gint64         statement_id,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  Document document = { 0, };
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autofree char *block_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *tag = NULL;
  const char *body;
  gboolean ok;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id, error);
  if (statement == NULL)
    return FALSE;
  block_text = tract_statement_ledger_dup_signatories (store, statement_id, error);
  if (block_text == NULL)
    return FALSE;

  tract_paper_get_size (TRACT_PAPER_A4, &document.width, &document.height);
  document.margin = tract_print_get_margin (document.width, document.height);
  document.bottom = document.height - document.margin - 12.0;
  document.y = document.margin;
  document.layouts = g_ptr_array_new_with_free_func (g_object_unref);
  document.items = g_array_new (FALSE, TRUE, sizeof (Item));

  /* Shaping and line breaking follow the statement's language. */
  document.context = tract_print_context_new (NULL);
  tag = g_strdup (tract_record_get_text (TRACT_RECORD (statement), "language"));
  pango_context_set_language (document.context, pango_language_from_string (tag));

  title = g_strdup (tract_record_get_text (TRACT_RECORD (statement), "title"));
  g_strdelimit (title, "\r\n\t", ' ');
  body = tract_record_get_text (TRACT_RECORD (statement), "body");

  if (!tract_markdown_opens_with (body, title))
    {
      g_autofree char *markup = g_markup_escape_text (title, -1);

      place_heading (&document, markup, 20.0, 0, BODY_SIZE * 0.9);
    }

  blocks = tract_markdown_parse_blocks (body);
  for (guint i = 0; i < blocks->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          document_clear (&document);
          return FALSE;
        }
      place_block (&document, &g_array_index (blocks, TractMarkdownBlock, i),
                   i > 0 ? &g_array_index (blocks, TractMarkdownBlock, i - 1) : NULL);
    }

  if (*block_text != '\0')
    {
      g_autofree char *markup = signatories_markup (block_text,
                                                    tract_record_get_text (TRACT_RECORD (statement),
                                                                           "signatories_heading"));
      PangoLayout *layout = make_layout (&document, TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, BODY_SIZE,
                                         markup, document.width - 2 * document.margin, FALSE);

      add_space (&document, BODY_SIZE * 1.6);
      place_layout (&document, layout, 0, NULL, 0, FALSE);
    }

  ok = tract_print_write_pdf (path, title, document.width, document.height, document.page + 1,
                              draw_page, &document, cancellable, NULL, NULL, error);
  document_clear (&document);
  return ok;
}
