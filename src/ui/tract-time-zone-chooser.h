/* tract-time-zone-chooser.h — an IANA time zone, found by typing part of its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRACT_TYPE_TIME_ZONE_CHOOSER (tract_time_zone_chooser_get_type ())

G_DECLARE_FINAL_TYPE (TractTimeZoneChooser, tract_time_zone_chooser, TRACT, TIME_ZONE_CHOOSER, GtkWidget)

GtkWidget  *tract_time_zone_chooser_new       (void);
const char *tract_time_zone_chooser_get_zone  (TractTimeZoneChooser *self);
void        tract_time_zone_chooser_set_zone  (TractTimeZoneChooser *self,
                                               const char           *zone);
void        tract_time_zone_chooser_set_error (TractTimeZoneChooser *self,
                                               const char           *message);
/* The zones of this system's tz database, sorted: continents and oceans, and UTC. */
GStrv       tract_time_zone_chooser_list_zones (void);

G_END_DECLS
