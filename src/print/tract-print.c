/* tract-print.c — what flyers and agendas share: errors, paper, output files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "tract-print.h"

G_DEFINE_QUARK (tract-print-error-quark, tract_print_error)

static const struct
{
  const char *name;
  double      width;  /* points */
  double      height;
} papers[] = {
  [TRACT_PAPER_A4] = { "a4", 595.276, 841.890 },
  [TRACT_PAPER_A5] = { "a5", 419.528, 595.276 },
  [TRACT_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

gboolean
tract_paper_from_name (const char  *name,
                       TractPaper  *paper,
                       GError     **error)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = (TractPaper) i;
        return TRUE;
      }

  g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION,
               _("Unknown paper size “%s”; choose a4, a5 or letter."), name != NULL ? name : "");
  return FALSE;
}

const char *
tract_paper_get_name (TractPaper paper)
{
  g_return_val_if_fail (paper < G_N_ELEMENTS (papers), NULL);
  return papers[paper].name;
}

void
tract_paper_get_size (TractPaper  paper,
                      double     *width,
                      double     *height)
{
  g_return_if_fail (paper < G_N_ELEMENTS (papers));

  if (width != NULL)
    *width = papers[paper].width;
  if (height != NULL)
    *height = papers[paper].height;
}

double
tract_print_get_margin (double width,
                        double height)
{
  /* 8 % of the short side (17 mm on A4), but never under 10 mm: home
   * printers cannot reach the last 5 mm of a sheet, and a guillotine's cut
   * wanders by a millimetre or two. */
  return MAX (MIN (width, height) * 0.08, 28.0);
}

/* Output files */

/* A sibling of @path that becomes @path only once complete. */
static char *
make_temporary (const char  *path,
                int         *fd,
                GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", basename);
  char *temporary = g_build_filename (directory, template, NULL);

  *fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0644);
  if (*fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_WRITE,
                   _("Cannot write “%s”: %s; choose another folder."), path, g_strerror (saved_errno));
      g_free (temporary);
      return NULL;
    }
  return temporary;
}

static gboolean
finish_temporary (const char  *temporary,
                  const char  *path,
                  gboolean     ok,
                  GError     **error)
{
  if (ok && g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_WRITE,
                   _("Cannot write “%s”: %s; choose another folder."), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temporary);
  return ok;
}

static gboolean
check_cairo (cairo_status_t  status,
             const char     *path,
             GError        **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  if (status == CAIRO_STATUS_WRITE_ERROR)
    g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_WRITE,
                 _("Cannot write “%s”: the disk may be full or the file read-only."), path);
  else
    g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_WRITE,
                 _("Cannot write “%s”: %s."), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
tract_print_write_pdf (const char             *path,
                       const char             *title,
                       double                  width,
                       double                  height,
                       guint                   n_pages,
                       TractPrintDrawFunc      draw,
                       gpointer                user_data,
                       GCancellable           *cancellable,
                       TractPrintProgressFunc  progress,
                       gpointer                progress_data,
                       GError                **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temporary = make_temporary (path, &fd, error);
  if (temporary == NULL)
    return FALSE;
  close (fd);

  surface = cairo_pdf_surface_create (temporary, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tract " PACKAGE_VERSION);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  for (guint page = 0; ok && page < n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          cairo_save (cr);
          ok = draw (cr, page, width, height, user_data, cancellable, error);
          cairo_restore (cr);
          cairo_show_page (cr);
          if (progress != NULL)
            progress ((double) (page + 1) / n_pages, progress_data);
        }
    }

  if (ok)
    ok = check_cairo (cairo_status (cr), path, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);

  return finish_temporary (temporary, path, ok, error);
}

gboolean
tract_print_write_png (const char          *path,
                       double               width,
                       double               height,
                       double               dpi,
                       TractPrintDrawFunc   draw,
                       gpointer             user_data,
                       GError             **error)
{
  g_autofree char *temporary = NULL;
  double scale = dpi / 72.0;
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (dpi > 0 && dpi <= 1200, FALSE);

  temporary = make_temporary (path, &fd, error);
  if (temporary == NULL)
    return FALSE;
  close (fd);

  /* Opaque: a flyer is printed on white paper, and a transparent PNG shows
   * black text on a dark background in some viewers. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ok = draw (cr, 0, width, height, user_data, NULL, error);
  if (ok)
    ok = check_cairo (cairo_status (cr), path, error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (ok)
    ok = check_cairo (cairo_surface_write_to_png (surface, temporary), path, error);
  cairo_surface_destroy (surface);

  return finish_temporary (temporary, path, ok, error);
}
