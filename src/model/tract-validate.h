/* tract-validate.h — checks on what people type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   tract_validate_is_blank    (const char *text);
gboolean   tract_validate_email       (const char *text);
gboolean   tract_validate_url         (const char *text);
gboolean   tract_validate_date        (const char *text);
gboolean   tract_validate_time_zone   (const char *text);
gboolean   tract_validate_language    (const char *text);

GDate     *tract_parse_date           (const char *text);
gboolean   tract_parse_local_time     (const char *text,
                                       int        *year,
                                       int        *month,
                                       int        *day,
                                       int        *hour,
                                       int        *minute,
                                       int        *second);

G_END_DECLS
