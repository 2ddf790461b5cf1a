/* tract-print-private.h — what the print layer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tract-print.h"

G_BEGIN_DECLS

/* Printed words are looked up in the flyer's language, not the UI's, so
 * they carry their context into the catalogue key ("context\004msgid", as
 * gettext stores it). xgettext's 'glib' preset knows NC_(context, string):
 * marking stays standard, only the lookup differs. */
#undef NC_
#define NC_(Context, String) (Context "\004" String)

/* Translates a key made by NC_() (or a bare msgid). */
const char *tract_print_tr (const TractPrintLanguage *language,
                            const char               *key);

/* "{name}" placeholders replaced by the values given as NULL-terminated
 * name, value pairs. A translation cannot crash this, unlike a printf
 * format with the wrong conversions. */
char       *tract_print_expand (const char *template,
                                ...) G_GNUC_NULL_TERMINATED;

/* Dates and times */

typedef struct
{
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  gboolean has_time;
} TractPrintTime;

gboolean    tract_print_parse_local        (const char               *text,
                                            TractPrintTime           *time);
/* "samedi 29 mai 2021", or without the year. */
char       *tract_print_format_date        (const TractPrintLanguage *language,
                                            const TractPrintTime     *date,
                                            gboolean                  with_year);
/* "14 h 30", "2:30 PM". */
char       *tract_print_format_time        (const TractPrintLanguage *language,
                                            int                       hour,
                                            int                       minute);
/* The date line and the time line (NULL for an all-day event) of a flyer:
 * "samedi 29 et dimanche 30 mai 2021", "de 14 h à 17 h". */
void        tract_print_format_when        (const TractPrintLanguage *language,
                                            gboolean                  all_day,
                                            const char               *start_local,
                                            const char               *end_local,
                                            char                    **date_line,
                                            char                    **time_line);
/* "Mai 2021" */
char       *tract_print_format_month       (const TractPrintLanguage *language,
                                            int                       year,
                                            int                       month);
/* "samedi" */
const char *tract_print_weekday_name       (const TractPrintLanguage *language,
                                            const TractPrintTime     *date);
/* What the agenda prints beside an event: "14 h – 17 h", "Toute la journée",
 * "Jusqu’au dimanche 30 mai". */
char       *tract_print_format_agenda_time (const TractPrintLanguage *language,
                                            gboolean                  all_day,
                                            const char               *start_local,
                                            const char               *end_local);
const char *tract_print_kind_label         (const TractPrintLanguage *language,
                                            const char               *kind);
const char *tract_print_role_label         (const TractPrintLanguage *language,
                                            const char               *role);
/* NULL for a confirmed event. */
const char *tract_print_status_label       (const TractPrintLanguage *language,
                                            const char               *status);

/* Text */

/* The families, best first; fontconfig falls back per character for
 * scripts the first ones lack (Arabic, say). */
#define TRACT_PRINT_FONT_DISPLAY "Cantarell, Noto Sans, DejaVu Sans, sans-serif"
#define TRACT_PRINT_FONT_TEXT    "Cantarell, Noto Sans, DejaVu Sans, sans-serif"

typedef struct
{
  const char     *family;
  PangoWeight     weight;
  double          size;            /* points */
  double          line_spacing;    /* factor, 0 for the font's own */
  double          letter_spacing;  /* em */
  gboolean        uppercase;
  PangoAlignment  alignment;
} TractTextStyle;

/* A context whose layouts measure the same on every surface: points at 72
 * per inch, no hinting, unrounded glyph positions. One per thread. */
PangoContext *tract_print_context_new   (const TractPrintLanguage *language);
PangoLayout  *tract_print_layout_new    (PangoContext             *context,
                                         const TractTextStyle     *style,
                                         const char               *text,
                                         gboolean                  markup,
                                         double                   width);
double        tract_print_layout_height (PangoLayout              *layout);
double        tract_print_layout_width  (PangoLayout              *layout);
/* The largest size from @style->size down to @min_size at which @text fits
 * @width × @max_height without breaking a word; at @min_size, words break
 * and, as a last resort, the end is ellipsized to fit. */
PangoLayout  *tract_print_fit           (PangoContext             *context,
                                         const TractTextStyle     *style,
                                         const char               *text,
                                         gboolean                  markup,
                                         double                   width,
                                         double                   max_height,
                                         double                   min_size);
/* At most @max_lines lines (or @max_height points when > 0), the rest ellipsized. */
void          tract_print_clamp         (PangoLayout              *layout,
                                         int                       max_lines,
                                         double                   max_height);
void          tract_print_show          (cairo_t                  *cr,
                                         PangoLayout              *layout,
                                         double                   x,
                                         double                   y);

/* Pictures and codes */

cairo_surface_t *tract_print_image_decode (GBytes           *data,
                                           const char       *mime_type,
                                           GError          **error);
/* Scaled to fit @width × @height without distortion, centred. */
void             tract_print_image_draw   (cairo_t          *cr,
                                           cairo_surface_t  *image,
                                           double            x,
                                           double            y,
                                           double            width,
                                           double            height);
/* A QR code of @text, quiet zone included, in a @size square; FALSE when
 * @text is too long for one. */
gboolean         tract_print_qr_draw      (cairo_t          *cr,
                                           const char       *text,
                                           double            x,
                                           double            y,
                                           double            size);

/* Colours */

typedef struct
{
  double red, green, blue;
} TractColor;

void tract_print_set_color (cairo_t          *cr,
                            const TractColor *color);
/* The accent of an event's kind. */
const TractColor *tract_print_kind_color (const char *kind);

extern const TractColor tract_print_ink;       /* text */
extern const TractColor tract_print_ink_muted; /* secondary text */
extern const TractColor tract_print_rule;      /* hairlines */

G_END_DECLS
