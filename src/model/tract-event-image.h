/* tract-event-image.h — the optional picture of an event's flyer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-store.h"

G_BEGIN_DECLS

/* Pictures larger than this are refused: a flyer never needs more, and the
 * whole blob is read into memory to print it. */
#define TRACT_EVENT_IMAGE_MAX_BYTES (16 * 1024 * 1024)
/* Width or height beyond this is refused, whatever the file's size: a
 * decoder would otherwise allocate gigabytes for a tiny malicious file. */
#define TRACT_EVENT_IMAGE_MAX_PIXELS 12000

/* Reads the type and the size of a PNG or JPEG from its header, without
 * decoding it. Anything else, or a picture too large, sets @error. */
gboolean  tract_event_image_sniff  (GBytes      *data,
                                    const char **mime_type,
                                    int         *width,
                                    int         *height,
                                    GError     **error);

/* Stores @data (PNG or JPEG) as the picture of event @event_id, replacing
 * any earlier one, in one transaction. Emits TractStore::table-reset with
 * the detail "event_image" once committed. */
gboolean  tract_event_image_set    (TractStore  *store,
                                    gint64       event_id,
                                    GBytes      *data,
                                    GError     **error);

/* The picture of event @event_id, or NULL without an error when it has none.
 * @mime_type, @width and @height may be NULL. */
GBytes   *tract_event_image_get    (TractStore  *store,
                                    gint64       event_id,
                                    char       **mime_type,
                                    int         *width,
                                    int         *height,
                                    GError     **error);

/* Removes the picture of event @event_id; not having one is not an error. */
gboolean  tract_event_image_remove (TractStore  *store,
                                    gint64       event_id,
                                    GError     **error);

G_END_DECLS
