/* tract-ical.h — iCalendar export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRACT_ICAL_ERROR (tract_ical_error_quark ())

typedef enum
{
  TRACT_ICAL_ERROR_NOT_ICALENDAR, /* no VCALENDAR or VEVENT in the file */
  TRACT_ICAL_ERROR_READ,          /* the file cannot be read */
  TRACT_ICAL_ERROR_WRITE,         /* the output cannot be written */
  TRACT_ICAL_ERROR_INVALID,       /* a bad argument: date range, campaign */
  TRACT_ICAL_ERROR_FAILED,
} TractIcalError;

GQuark tract_ical_error_quark (void);

/* Progress of a long job, from 0 to 1; called in the thread doing the work. */
typedef void (*TractIcalProgressFunc) (double   fraction,
                                       gpointer user_data);

G_END_DECLS
