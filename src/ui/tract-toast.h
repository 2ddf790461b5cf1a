/* tract-toast.h — toasts that show their text as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2 reads every toast title as Pango markup (use-markup came
 * in 1.4): a name with "&" or "<" in it would be refused, or shown as
 * markup. These escape the whole title; a format has no markup of its own. */
AdwToast *tract_toast_new_literal (const char *text);
AdwToast *tract_toast_new_printf  (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
