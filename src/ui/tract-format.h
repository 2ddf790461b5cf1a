/* tract-format.h — how records read in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

char       *tract_format_event_when        (TractRecord *event,
                                            const char  *campaign_time_zone);
char       *tract_format_event_day         (TractRecord *event);
char       *tract_format_event_month       (TractRecord *event);
char       *tract_format_event_time        (TractRecord *event,
                                            const char  *campaign_time_zone);
char       *tract_format_day_heading       (const char  *day);
char       *tract_format_date              (const char  *day);
const char *tract_format_event_role        (const char  *role);
const char *tract_format_event_kind        (const char  *kind);
const char *tract_format_event_status      (const char  *status);
const char *tract_format_membership        (const char  *membership);
const char *tract_format_statement_status  (const char  *status);
char       *tract_format_join              (guint        n_parts,
                                            ...);

G_END_DECLS
