/* tract-toast.c — toasts that show their text as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tract-toast.h"

AdwToast *
tract_toast_new_literal (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}

AdwToast *
tract_toast_new_printf (const char *format,
                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return tract_toast_new_literal (text);
}
