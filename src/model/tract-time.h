/* tract-time.h — wall-clock times in named zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_LOCAL_TIME_VALID,
  TRACT_LOCAL_TIME_IN_GAP,    /* skipped when clocks go forward */
  TRACT_LOCAL_TIME_AMBIGUOUS, /* happens twice when clocks go back */
} TractLocalTimeKind;

TractLocalTimeKind tract_time_local_to_utc (GTimeZone *zone,
                                            int        year,
                                            int        month,
                                            int        day,
                                            int        hour,
                                            int        minute,
                                            int        second,
                                            gint64    *utc);
/* The offset from UTC of @zone at the instant @utc, in seconds: what
 * g_date_time_to_timezone() applies, found by halves. */
int                tract_time_zone_offset  (GTimeZone *zone,
                                            gint64     utc);
char              *tract_time_format_utc   (gint64     utc);
GTimeZone         *tract_time_zone_lookup  (const char *identifier);

G_END_DECLS
