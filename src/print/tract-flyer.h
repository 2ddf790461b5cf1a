/* tract-flyer.h — an event's flyer, drawn onto any cairo_t
 *
 * A flyer is a snapshot: it copies what it prints from the store when it is
 * made (the event as given, which may hold unsaved edits, its campaign, its
 * organizations, its picture), so it can then be drawn from any thread, as
 * often as a live thumbnail needs, without touching the database. Private
 * notes are never read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tract-event.h"
#include "tract-print.h"
#include "tract-store.h"

G_BEGIN_DECLS

typedef enum
{
  TRACT_FLYER_POSTER,  /* one flyer on the sheet, upright */
  TRACT_FLYER_HANDOUT, /* two half-size flyers on the sheet turned sideways, with cut marks */
} TractFlyerTemplate;

#define TRACT_TYPE_PAPER          (tract_paper_get_type ())
#define TRACT_TYPE_FLYER_TEMPLATE (tract_flyer_template_get_type ())
GType tract_paper_get_type          (void) G_GNUC_CONST;
GType tract_flyer_template_get_type (void) G_GNUC_CONST;

/* "poster" or "handout", in any case. */
gboolean    tract_flyer_template_from_name (const char          *name,
                                            TractFlyerTemplate  *template_,
                                            GError             **error);

#define TRACT_TYPE_FLYER (tract_flyer_get_type ())

G_DECLARE_FINAL_TYPE (TractFlyer, tract_flyer, TRACT, FLYER, GObject)

/* Reads @event's campaign, organizations and picture from @store. @event
 * may be unsaved (id 0: no organizations or picture yet). Fails when the
 * stored picture cannot be decoded. Poster, A4, in the user's language. */
TractFlyer         *tract_flyer_new           (TractStore          *store,
                                               TractEvent          *event,
                                               GError             **error);

void                tract_flyer_set_template  (TractFlyer          *self,
                                               TractFlyerTemplate   template_);
TractFlyerTemplate  tract_flyer_get_template  (TractFlyer          *self);
void                tract_flyer_set_paper     (TractFlyer          *self,
                                               TractPaper           paper);
TractPaper          tract_flyer_get_paper     (TractFlyer          *self);
/* See tract_print_language_get(): fails, changing nothing, when Tract has
 * no translation into @language. */
gboolean            tract_flyer_set_language  (TractFlyer          *self,
                                               const char          *language,
                                               GError             **error);
const char         *tract_flyer_get_language  (TractFlyer          *self);
/* Replaces the picture for this flyer only (an editor's preview before
 * saving); %NULL prints none. PNG or JPEG bytes. */
gboolean            tract_flyer_set_image     (TractFlyer          *self,
                                               GBytes              *data,
                                               GError             **error);

/* The sheet, in points: the paper upright for a poster, sideways for a
 * handout (set the print operation's orientation to match). */
void                tract_flyer_get_page_size (TractFlyer          *self,
                                               double              *width,
                                               double              *height);
/* Draws the sheet onto @cr, scaled without distortion to fit @width ×
 * @height user units and centred: pass the page size for print and PDF,
 * any box for a thumbnail. Paints no background: paper is white. */
void                tract_flyer_draw          (TractFlyer          *self,
                                               cairo_t             *cr,
                                               double               width,
                                               double               height);

gboolean            tract_flyer_write_pdf     (TractFlyer          *self,
                                               const char          *path,
                                               GError             **error);
/* An opaque, white PNG at @dpi (150 gives a sharp A4 on screen). */
gboolean            tract_flyer_write_png     (TractFlyer          *self,
                                               const char          *path,
                                               double               dpi,
                                               GError             **error);
/* PDF or PNG (150 dpi), by the name's extension. */
gboolean            tract_flyer_write         (TractFlyer          *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
