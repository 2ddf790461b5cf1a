/* tract-flyer-thumbnail.c — an event's flyer, live and small, in its editor
 *
 * The flyer is rendered once into a surface of the widget's size and
 * scale, and that surface is painted on every frame; a new event or a new
 * size renders again, lazily, at the next draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tract-flyer-thumbnail.h"
#include "tract-print.h"

#define PADDING 4 /* room for the sheet's outline */

struct _TractFlyerThumbnail
{
  GtkDrawingArea   parent_instance;

  TractFlyer      *flyer;
  cairo_surface_t *cache;
  int              cache_width;
  int              cache_height;
  int              cache_scale;
};

G_DEFINE_FINAL_TYPE (TractFlyerThumbnail, tract_flyer_thumbnail, GTK_TYPE_DRAWING_AREA)

/* The sheet's box in the widget: the page size scaled to fit, centred. */
static void
sheet_box (TractFlyerThumbnail *self,
           int                  width,
           int                  height,
           double              *x,
           double              *y,
           double              *sheet_width,
           double              *sheet_height)
{
  double page_width, page_height, scale;
  double room_width = MAX (1, width - 2 * PADDING);
  double room_height = MAX (1, height - 2 * PADDING);

  tract_flyer_get_page_size (self->flyer, &page_width, &page_height);
  scale = MIN (room_width / page_width, room_height / page_height);
  *sheet_width = floor (page_width * scale);
  *sheet_height = floor (page_height * scale);
  *x = floor ((width - *sheet_width) / 2);
  *y = floor ((height - *sheet_height) / 2);
}

static void
render_cache (TractFlyerThumbnail *self,
              cairo_t             *target,
              int                  sheet_width,
              int                  sheet_height,
              int                  scale)
{
  cairo_t *cr;

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  self->cache = cairo_surface_create_similar_image (cairo_get_target (target), CAIRO_FORMAT_RGB24,
                                                    sheet_width * scale, sheet_height * scale);
  cairo_surface_set_device_scale (self->cache, scale, scale);
  self->cache_width = sheet_width;
  self->cache_height = sheet_height;
  self->cache_scale = scale;

  cr = cairo_create (self->cache);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tract_flyer_draw (self->flyer, cr, sheet_width, sheet_height);
  cairo_destroy (cr);
}

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  TractFlyerThumbnail *self = TRACT_FLYER_THUMBNAIL (area);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double x, y, sheet_width, sheet_height;

  if (self->flyer == NULL || width <= 2 * PADDING || height <= 2 * PADDING)
    return;

  sheet_box (self, width, height, &x, &y, &sheet_width, &sheet_height);
  if (sheet_width < 1 || sheet_height < 1)
    return;

  if (self->cache == NULL
      || self->cache_width != (int) sheet_width
      || self->cache_height != (int) sheet_height
      || self->cache_scale != scale)
    render_cache (self, cr, (int) sheet_width, (int) sheet_height, scale);

  /* A faint outline, so that a white sheet shows on a light window. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x - 1, y - 1, sheet_width + 2, sheet_height + 2);
  cairo_fill (cr);
  cairo_set_source_surface (cr, self->cache, x, y);
  cairo_paint (cr);
}

static void
tract_flyer_thumbnail_dispose (GObject *object)
{
  TractFlyerThumbnail *self = TRACT_FLYER_THUMBNAIL (object);

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_object (&self->flyer);

  G_OBJECT_CLASS (tract_flyer_thumbnail_parent_class)->dispose (object);
}

static void
tract_flyer_thumbnail_class_init (TractFlyerThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_flyer_thumbnail_dispose;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tract_flyer_thumbnail_init (TractFlyerThumbnail *self)
{
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 150);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 212);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_thumbnail, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Flyer preview"), -1);
}

GtkWidget *
tract_flyer_thumbnail_new (void)
{
  return g_object_new (TRACT_TYPE_FLYER_THUMBNAIL, NULL);
}

void
tract_flyer_thumbnail_set_event (TractFlyerThumbnail *self,
                                 TractStore          *store,
                                 TractEvent          *event)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRACT_IS_FLYER_THUMBNAIL (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));
  g_return_if_fail (event == NULL || TRACT_IS_EVENT (event));

  g_clear_object (&self->flyer);
  g_clear_pointer (&self->cache, cairo_surface_destroy);

  if (store != NULL && event != NULL)
    {
      self->flyer = tract_flyer_new (store, event, &error);
      /* A picture that cannot be decoded: the editor says so where the
       * picture is chosen; the preview just stays blank. */
      if (self->flyer == NULL)
        g_debug ("No flyer preview: %s", error->message);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
