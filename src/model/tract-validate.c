/* tract-validate.c — checks on what people type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tract-validate.h"
#include "tract-time.h"

#include <stdio.h>
#include <string.h>

gboolean
tract_validate_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Deliberately permissive: one @, a non-empty local part, a dotted domain,
 * no blanks or control characters. Real validation is a mail to the address. */
gboolean
tract_validate_email (const char *text)
{
  const char *at;
  const char *domain;

  if (text == NULL || strlen (text) > 254)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == ',' || *p == ';')
      return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  if (*domain == '.' || strchr (domain, '.') == NULL || g_str_has_suffix (domain, ".")
      || strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

gboolean
tract_validate_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  return g_uri_get_host (uri) != NULL && strchr (g_uri_get_host (uri), '.') != NULL;
}

/* The valid day that the ten characters "YYYY-MM-DD" at @text name.
 * Read digit by digit: an import validates two of these per event. */
static gboolean
parse_day (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  *month = (text[5] - '0') * 10 + (text[6] - '0');
  *day = (text[8] - '0') * 10 + (text[9] - '0');
  return *year >= 1 && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

GDate *
tract_parse_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || !parse_day (text, &year, &month, &day))
    return NULL;
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
tract_validate_date (const char *text)
{
  g_autoptr(GDate) date = tract_parse_date (text);

  return date != NULL;
}

/* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", wall-clock time. */
gboolean
tract_parse_local_time (const char *text,
                        int        *year,
                        int        *month,
                        int        *day,
                        int        *hour,
                        int        *minute,
                        int        *second)
{
  size_t length;
  unsigned h, m, s = 0;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  if ((length != 16 && length != 19) || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  if (!parse_day (text, year, month, day))
    return FALSE;

  for (size_t i = 11; i < length; i++)
    if ((i == 13 || i == 16) ? text[i] != ':' : !g_ascii_isdigit (text[i]))
      return FALSE;

  h = (unsigned) g_ascii_digit_value (text[11]) * 10 + (unsigned) g_ascii_digit_value (text[12]);
  m = (unsigned) g_ascii_digit_value (text[14]) * 10 + (unsigned) g_ascii_digit_value (text[15]);
  if (length == 19)
    s = (unsigned) g_ascii_digit_value (text[17]) * 10 + (unsigned) g_ascii_digit_value (text[18]);
  if (h > 23 || m > 59 || s > 59)
    return FALSE;

  *hour = (int) h;
  *minute = (int) m;
  *second = (int) s;
  return TRUE;
}

/* An IANA name that this system's zoneinfo knows. GLib also accepts offsets
 * such as "+02:00" and POSIX TZ strings; a calendar needs a named zone. */
gboolean
tract_validate_time_zone (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (text == NULL || *text == '\0' || text[0] == '/' || strstr (text, "..") != NULL)
    return FALSE;

  if (!g_str_equal (text, "UTC"))
    {
      if (strchr (text, '/') == NULL)
        return FALSE;
      for (const char *p = text; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("/_-+", *p) == NULL)
          return FALSE;
    }

  zone = tract_time_zone_lookup (text);
  return zone != NULL;
}

/* BCP 47, the part people use: a 2–3 letter language, optionally a script
 * and a region ("fr", "tr", "pt-BR", "zh-Hant-TW"). */
gboolean
tract_validate_language (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (text == NULL || *text == '\0')
    return FALSE;

  parts = g_strsplit (text, "-", 0);
  n = g_strv_length (parts);
  if (n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      size_t length = strlen (parts[i]);

      if (length < 2 || length > 8)
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          return FALSE;
      if (i == 0 && (length > 3 || !g_ascii_islower (parts[i][0])))
        return FALSE;
    }
  return TRUE;
}
