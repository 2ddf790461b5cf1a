/* tract-date-button.h — a date, typed or picked in a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRACT_TYPE_DATE_BUTTON (tract_date_button_get_type ())

G_DECLARE_FINAL_TYPE (TractDateButton, tract_date_button, TRACT, DATE_BUTTON, GtkWidget)

GtkWidget  *tract_date_button_new      (void);
/* What is typed, valid or not: "YYYY-MM-DD" once valid. */
const char *tract_date_button_get_text (TractDateButton *self);
void        tract_date_button_set_text (TractDateButton *self,
                                        const char      *text);
/* The field's name for people ("Start date"): its accessible name. */
void        tract_date_button_set_title (TractDateButton *self,
                                         const char      *title);
void        tract_date_button_set_error (TractDateButton *self,
                                         const char      *message);

G_END_DECLS
