/* tract-print-text.c — text that fits its box, on any surface
 *
 * Layouts are measured once and drawn on whatever surface asks — the print
 * dialog's, a PDF, a 200-pixel thumbnail — so metrics must not depend on
 * the surface: no hinting, no rounding of glyph positions, and points as
 * the unit throughout. A page paginated for the preview is then the page
 * printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tract-print-private.h"

const TractColor tract_print_ink = { 0.09, 0.09, 0.11 };
const TractColor tract_print_ink_muted = { 0.36, 0.36, 0.40 };
const TractColor tract_print_rule = { 0.78, 0.78, 0.80 };

void
tract_print_set_color (cairo_t          *cr,
                       const TractColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

const TractColor *
tract_print_kind_color (const char *kind)
{
  /* Deep enough to hold white text and to stay dark on a black-and-white
   * photocopier; the red is the Commune's. */
  static const struct { const char *kind; TractColor color; } colors[] = {
    { "rally", { 0.74, 0.11, 0.13 } },
    { "demonstration", { 0.74, 0.11, 0.13 } },
    { "panel", { 0.11, 0.29, 0.55 } },
    { "commemoration", { 0.36, 0.17, 0.44 } },
    { "celebration", { 0.80, 0.27, 0.05 } },
    { "meeting", { 0.05, 0.42, 0.38 } },
  };
  static const TractColor other = { 0.74, 0.11, 0.13 };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (kind, colors[i].kind) == 0)
      return &colors[i].color;
  return &other;
}

PangoContext *
tract_print_context_new (const TractPrintLanguage *language)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default (); /* per thread */
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLanguage *pango_language = NULL;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  /* Shaping and line breaking follow the flyer's language (hyphenation,
   * the Turkish dotted İ); the paragraphs' own script decides direction. */
  if (language != NULL)
    {
      g_autofree char *tag = g_strdup (tract_print_language_get_code (language));

      g_strdelimit (tag, "_", '-');
      pango_language = pango_language_from_string (tag);
      pango_context_set_language (context, pango_language);
    }
  pango_context_set_base_dir (context, PANGO_DIRECTION_WEAK_LTR);
  return context;
}

static void
apply_style (PangoLayout          *layout,
             const TractTextStyle *style,
             double                size)
{
  PangoFontDescription *font = pango_font_description_new ();
  PangoAttrList *attributes = pango_layout_get_attributes (layout);

  pango_font_description_set_family (font, style->family);
  pango_font_description_set_weight (font, style->weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (attributes == NULL)
    {
      attributes = pango_attr_list_new ();
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  if (style->letter_spacing != 0)
    pango_attr_list_change (attributes,
                            pango_attr_letter_spacing_new ((int) (style->letter_spacing * size * PANGO_SCALE)));
  if (style->uppercase)
    /* Language-aware, unlike g_utf8_strup(): "i" becomes "İ" in Turkish. */
    pango_attr_list_change (attributes, pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE));
  if (style->line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  pango_layout_context_changed (layout);
}

PangoLayout *
tract_print_layout_new (PangoContext         *context,
                        const TractTextStyle *style,
                        const char           *text,
                        gboolean              markup,
                        double                width)
{
  PangoLayout *layout = pango_layout_new (context);

  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->alignment);
  apply_style (layout, style, style->size);
  return layout;
}

double
tract_print_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
tract_print_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The widest word at @size, from one layout holding every word on a line
 * of its own. */
static double
widest_word (PangoContext         *context,
             const TractTextStyle *style,
             const char           *text,
             gboolean              markup,
             double                size)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autofree char *plain = NULL;
  GString *words;

  if (markup)
    pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL);
  else
    plain = g_strdup (text);
  if (plain == NULL)
    return 0;

  words = g_string_sized_new (strlen (plain));
  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (words->len > 0 && words->str[words->len - 1] != '\n')
            g_string_append_c (words, '\n');
        }
      else
        g_string_append_unichar (words, c);
    }
  pango_layout_set_text (layout, words->str, (int) words->len);
  g_string_free (words, TRUE);
  apply_style (layout, style, size);
  return tract_print_layout_width (layout);
}

void
tract_print_clamp (PangoLayout *layout,
                   int          max_lines,
                   double       max_height)
{
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_height > 0)
    pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
  else
    pango_layout_set_height (layout, -MAX (max_lines, 1));
}

PangoLayout *
tract_print_fit (PangoContext         *context,
                 const TractTextStyle *style,
                 const char           *text,
                 gboolean              markup,
                 double                width,
                 double                max_height,
                 double                min_size)
{
  PangoLayout *layout = tract_print_layout_new (context, style, text, markup, width);
  double high = style->size;
  double low = MIN (min_size, style->size);
  double word;

  /* Widths scale with the size (no hinting), so the size at which the
   * widest word fits follows from one measurement. Body text may break a
   * freak word rather than shrink a page of it. */
  word = strlen (text) < 1000 ? widest_word (context, style, text, markup, high) : 0;
  if (word > width)
    high = MAX (low, floor (high * width / word * 0.995 * 2) / 2);
  if (high != style->size)
    apply_style (layout, style, high);

  if (tract_print_layout_height (layout) > max_height)
    {
      apply_style (layout, style, low);
      if (tract_print_layout_height (layout) > max_height)
        {
          tract_print_clamp (layout, 0, max_height);
          return layout;
        }
      /* Bisect on a half-point grid: the height grows with the size, near
       * enough, and every distinct size costs a font lookup. */
      while (high - low > 0.5)
        {
          double middle = floor ((high + low)) / 2;

          if (middle <= low)
            break;
          apply_style (layout, style, middle);
          if (tract_print_layout_height (layout) <= max_height)
            low = middle;
          else
            high = middle;
        }
      apply_style (layout, style, low);
    }
  return layout;
}

void
tract_print_show (cairo_t     *cr,
                  PangoLayout *layout,
                  double       x,
                  double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}
