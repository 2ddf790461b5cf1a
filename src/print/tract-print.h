/* tract-print.h — what flyers and agendas share: errors, paper, output files
 *
 * The print layer draws with cairo and pango onto any cairo_t: the print
 * dialog's, a PDF or PNG file's, a thumbnail's. It knows the model, never
 * GTK. Include this header for the whole layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define TRACT_PRINT_ERROR (tract_print_error_quark ())

typedef enum
{
  TRACT_PRINT_ERROR_LANGUAGE, /* no translation of the flyer's language is installed */
  TRACT_PRINT_ERROR_OPTION,   /* an unknown paper, template or output format */
  TRACT_PRINT_ERROR_IMAGE,    /* the event's picture cannot be read */
  TRACT_PRINT_ERROR_WRITE,    /* the output file cannot be written */
} TractPrintError;

GQuark tract_print_error_quark (void);

typedef enum
{
  TRACT_PAPER_A4,
  TRACT_PAPER_A5,
  TRACT_PAPER_LETTER,
} TractPaper;

/* "a4", "a5" or "letter", in any case. */
gboolean    tract_paper_from_name (const char  *name,
                                   TractPaper  *paper,
                                   GError     **error);
const char *tract_paper_get_name  (TractPaper   paper);
/* The sheet upright, in points (1/72 inch). */
void        tract_paper_get_size  (TractPaper   paper,
                                   double      *width,
                                   double      *height);

/* The blank band a page keeps around everything it draws, in points, for
 * a page (or a handout's half) of @width × @height points. */
double      tract_print_get_margin (double width,
                                    double height);

/* Progress of a long job, from 0 to 1, called in the thread-default main
 * context of whoever started the job. */
typedef void (*TractPrintProgressFunc) (double   fraction,
                                        gpointer user_data);

/* Draws page @page (from 0) of a document whose pages measure @width ×
 * @height points onto @cr, whose user space is in points. */
typedef gboolean (*TractPrintDrawFunc) (cairo_t      *cr,
                                        guint         page,
                                        double        width,
                                        double        height,
                                        gpointer      user_data,
                                        GCancellable *cancellable,
                                        GError      **error);

/* Writes @n_pages pages to @path as a PDF, all or nothing: the file appears
 * only once complete, and an existing one is replaced only then. */
gboolean tract_print_write_pdf (const char             *path,
                                const char             *title,
                                double                  width,
                                double                  height,
                                guint                   n_pages,
                                TractPrintDrawFunc      draw,
                                gpointer                user_data,
                                GCancellable           *cancellable,
                                TractPrintProgressFunc  progress,
                                gpointer                progress_data,
                                GError                **error);
/* Writes page 0 to @path as an opaque PNG at @dpi dots per inch. */
gboolean tract_print_write_png (const char             *path,
                                double                  width,
                                double                  height,
                                double                  dpi,
                                TractPrintDrawFunc      draw,
                                gpointer                user_data,
                                GError                **error);

G_END_DECLS

#include "tract-print-language.h"
#include "tract-flyer.h"
#include "tract-agenda.h"
