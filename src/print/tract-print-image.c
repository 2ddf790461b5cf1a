/* tract-print-image.c — the event's picture, and the QR code of its page
 *
 * PNG goes through cairo's own reader; JPEG, which cairo cannot read,
 * through gdk-pixbuf (a GLib image library, not GTK), turned upright by
 * its EXIF orientation as phones save photos sideways. A JPEG keeps its
 * original bytes attached, so a PDF embeds the file itself rather than a
 * bigger re-encoding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <qrencode.h>
#include <string.h>

#include "tract-print-private.h"

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} ReadState;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *buffer,
            unsigned int   length)
{
  ReadState *state = closure;

  if (state->length - state->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, state->data + state->offset, length);
  state->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int source_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *source = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                         width, height);
  guchar *target = cairo_image_surface_get_data (surface);
  int target_stride = cairo_image_surface_get_stride (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  /* cairo wants native-endian, premultiplied 32-bit pixels. */
  for (int y = 0; y < height; y++)
    {
      const guchar *in = source + (gsize) y * source_stride;
      guint32 *out = (guint32 *) (gpointer) (target + (gsize) y * target_stride);

      for (int x = 0; x < width; x++, in += channels)
        {
          guint a = alpha ? in[3] : 255;
          guint r = (in[0] * a + 127) / 255;
          guint g = (in[1] * a + 127) / 255;
          guint b = (in[2] * a + 127) / 255;

          out[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A flyer's picture is a few inches wide: 2,400 pixels is 300 dpi over
 * 8 inches. Larger photos cost memory and PDF size and add nothing. */
#define MAX_SIDE 2400

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  gboolean *scaled = user_data;

  if (width > MAX_SIDE || height > MAX_SIDE)
    {
      double scale = (double) MAX_SIDE / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
      *scaled = TRUE;
    }
}

static cairo_surface_t *
shrink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double scale;
  cairo_surface_t *smaller;
  cairo_t *cr;

  if (width <= MAX_SIDE && height <= MAX_SIDE)
    return surface;

  scale = (double) MAX_SIDE / MAX (width, height);
  smaller = cairo_image_surface_create (cairo_image_surface_get_format (surface),
                                        MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
  cr = cairo_create (smaller);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return smaller;
}

cairo_surface_t *
tract_print_image_decode (GBytes      *data,
                          const char  *mime_type,
                          GError     **error)
{
  gsize length = 0;
  const guchar *bytes = g_bytes_get_data (data, &length);
  cairo_surface_t *surface = NULL;

  if (g_strcmp0 (mime_type, "image/png") == 0)
    {
      ReadState state = { bytes, length, 0 };

      surface = cairo_image_surface_create_from_png_stream (read_bytes, &state);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        surface = shrink (surface);
    }
  else if (g_strcmp0 (mime_type, "image/jpeg") == 0)
    {
      g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", NULL);
      g_autoptr(GdkPixbuf) upright = NULL;
      gboolean scaled = FALSE;

      if (loader != NULL)
        g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &scaled);
      if (loader != NULL && gdk_pixbuf_loader_write (loader, bytes, length, NULL)
          && gdk_pixbuf_loader_close (loader, NULL) && gdk_pixbuf_loader_get_pixbuf (loader) != NULL)
        {
          GdkPixbuf *pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
          const char *orientation = gdk_pixbuf_get_option (pixbuf, "orientation");

          upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
          surface = surface_from_pixbuf (upright);
          /* Only an unrotated, unscaled picture may stand for its original bytes. */
          if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS && !scaled
              && (orientation == NULL || g_str_equal (orientation, "1")))
            cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (data, NULL),
                                         length, (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (data));
        }
      else if (loader != NULL)
        gdk_pixbuf_loader_close (loader, NULL);
    }

  if (surface == NULL || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_IMAGE,
                   _("The event’s picture cannot be read; it may be damaged. Choose the picture again."));
      return NULL;
    }
  return surface;
}

void
tract_print_image_draw (cairo_t         *cr,
                        cairo_surface_t *image,
                        double           x,
                        double           y,
                        double           width,
                        double           height)
{
  double image_width = cairo_image_surface_get_width (image);
  double image_height = cairo_image_surface_get_height (image);
  double scale;

  if (image_width <= 0 || image_height <= 0 || width <= 0 || height <= 0)
    return;

  scale = MIN (width / image_width, height / image_height);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x + (width - image_width * scale) / 2, y + (height - image_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  /* Smooth when shrinking a photo; the PDF keeps the full picture anyway. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

gboolean
tract_print_qr_draw (cairo_t    *cr,
                     const char *text,
                     double      x,
                     double      y,
                     double      size)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;
  int quiet = 4; /* modules of blank border, as scanners expect */

  if (code == NULL)
    return FALSE;

  module = size / (code->width + 2 * quiet);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_translate (cr, x + quiet * module, y + quiet * module);
  for (int row = 0; row < code->width; row++)
    {
      int column = 0;

      /* One rectangle per run of dark modules: fewer, cleaner paths. */
      while (column < code->width)
        {
          int start;

          while (column < code->width && !(code->data[row * code->width + column] & 1))
            column++;
          start = column;
          while (column < code->width && (code->data[row * code->width + column] & 1))
            column++;
          if (column > start)
            cairo_rectangle (cr, start * module, row * module, (column - start) * module, module);
        }
    }
  /* Runs of adjacent rows overlap by nothing, so the winding rule cannot
   * punch holes; antialiasing off keeps module edges sharp when rasterized. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
