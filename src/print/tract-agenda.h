/* tract-agenda.h — a campaign's printable programme, page by page
 *
 * Like a flyer, an agenda is a snapshot of what it prints, so it can be
 * paginated and drawn in any thread once loaded. For GtkPrintOperation:
 * ::begin-print calls tract_agenda_paginate() with the page size and sets
 * the number of pages, ::draw-page calls tract_agenda_draw_page(). A long
 * agenda loads with tract_agenda_load_async() (its own database
 * connection, in a worker thread) and is written with
 * tract_agenda_write_pdf_async(), both with progress and cancellation.
 *
 * One thread at a time may paginate or draw a given agenda; a lock makes
 * any other wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tract-print.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_AGENDA (tract_agenda_get_type ())

G_DECLARE_FINAL_TYPE (TractAgenda, tract_agenda, TRACT, AGENDA, GObject)

/* The events of campaign @campaign_id whose first day (in their own wall
 * clock) falls between @from and @to ("YYYY-MM-DD", inclusive, either
 * %NULL for no bound), in the user's language, on A4. */
TractAgenda *tract_agenda_new              (TractStore              *store,
                                            gint64                   campaign_id,
                                            const char              *from,
                                            const char              *to,
                                            GCancellable            *cancellable,
                                            GError                 **error);
/* The same in a worker thread, on a connection of its own to @store's
 * file, so the window stays responsive for 100,000 events. */
void         tract_agenda_load_async       (TractStore              *store,
                                            gint64                   campaign_id,
                                            const char              *from,
                                            const char              *to,
                                            GCancellable            *cancellable,
                                            TractPrintProgressFunc   progress,
                                            gpointer                 progress_data,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
TractAgenda *tract_agenda_load_finish      (GAsyncResult            *result,
                                            GError                 **error);

gboolean     tract_agenda_set_language     (TractAgenda             *self,
                                            const char              *language,
                                            GError                 **error);
const char  *tract_agenda_get_language     (TractAgenda             *self);
void         tract_agenda_set_paper        (TractAgenda             *self,
                                            TractPaper               paper);
TractPaper   tract_agenda_get_paper        (TractAgenda             *self);
/* The paper upright, in points. */
void         tract_agenda_get_page_size    (TractAgenda             *self,
                                            double                  *width,
                                            double                  *height);
guint        tract_agenda_get_n_events     (TractAgenda             *self);
/* The title of event @index, in the order printed (for tests and previews). */
const char  *tract_agenda_get_event_title  (TractAgenda             *self,
                                            guint                    index);

/* Lays the agenda out on pages of @width × @height points and returns how
 * many there are (at least one: an empty agenda says so). Cheap when the
 * size has not changed. */
guint        tract_agenda_paginate         (TractAgenda             *self,
                                            double                   width,
                                            double                   height);
/* Draws page @page (from 0) of the pagination for @width × @height,
 * paginating first if needed, onto @cr in points. */
void         tract_agenda_draw_page        (TractAgenda             *self,
                                            cairo_t                 *cr,
                                            guint                    page,
                                            double                   width,
                                            double                   height);

gboolean     tract_agenda_write_pdf        (TractAgenda             *self,
                                            const char              *path,
                                            GCancellable            *cancellable,
                                            TractPrintProgressFunc   progress,
                                            gpointer                 progress_data,
                                            GError                 **error);
/* Writes in a worker thread; @progress runs in the caller's thread-default
 * main context. A cancelled or failed job leaves no file behind. */
void         tract_agenda_write_pdf_async  (TractAgenda             *self,
                                            const char              *path,
                                            GCancellable            *cancellable,
                                            TractPrintProgressFunc   progress,
                                            gpointer                 progress_data,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean     tract_agenda_write_pdf_finish (TractAgenda             *self,
                                            GAsyncResult            *result,
                                            GError                 **error);

G_END_DECLS
