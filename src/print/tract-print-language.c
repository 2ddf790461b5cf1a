/* tract-print-language.c — the language of printed matter, whatever the UI's
 *
 * glibc's gettext picks a catalogue from the process (or thread) locale and
 * lets $LANGUAGE override it, and it needs the locale to be generated on the
 * machine; GLib's g_dgettext() moreover decides once per process whether to
 * translate at all. None of that suits a flyer whose language is chosen per
 * flyer, in a worker thread, on a desktop set to a third language. So the
 * print layer reads the compiled catalogues (GNU .mo files, the same ones
 * gettext reads) itself: a small, immutable table per language, shared by
 * every thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-print.h"

struct _TractPrintLanguage
{
  char       *code;
  GHashTable *messages; /* "context\004msgid" or "msgid" → translation; NULL for English */
  GPtrArray  *catalogs; /* the files' contents, which the table points into */
};

G_LOCK_DEFINE_STATIC (languages);
static GHashTable *languages; /* code asked for → TractPrintLanguage */

static const TractPrintLanguage english = { (char *) "en", NULL, NULL };

/* Catalogues */

static guint32
read_u32 (const guchar *p,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, p, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Adds the messages of one GNU .mo file that @messages does not hold yet. */
static gboolean
load_catalog (const char *path,
              GHashTable *messages,
              GPtrArray  *catalogs)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const guchar *p;
  guint32 n_strings, originals, translations;
  gboolean swap;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 28)
    return FALSE;
  p = (const guchar *) contents;

  if (read_u32 (p, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (p, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return FALSE;

  n_strings = read_u32 (p + 8, swap);
  originals = read_u32 (p + 12, swap);
  translations = read_u32 (p + 16, swap);
  if (n_strings > length / 16 || originals > length - 8 * (gsize) n_strings
      || translations > length - 8 * (gsize) n_strings)
    return FALSE;

  for (guint32 i = 0; i < n_strings; i++)
    {
      guint32 key_length = read_u32 (p + originals + 8 * i, swap);
      guint32 key_offset = read_u32 (p + originals + 8 * i + 4, swap);
      guint32 value_length = read_u32 (p + translations + 8 * i, swap);
      guint32 value_offset = read_u32 (p + translations + 8 * i + 4, swap);

      /* Every string is followed by a NUL that the length leaves out. */
      if (key_offset >= length || key_length >= length - key_offset
          || value_offset >= length || value_length >= length - value_offset
          || contents[key_offset + key_length] != '\0' || contents[value_offset + value_length] != '\0')
        return FALSE;

      /* The header (empty msgid) and untranslated entries add nothing. */
      if (key_length == 0 || value_length == 0)
        continue;
      /* A plural entry's key is "singular\0plural": the lookup is by singular. */
      if (!g_hash_table_contains (messages, contents + key_offset)
          && g_utf8_validate (contents + value_offset, -1, NULL))
        g_hash_table_insert (messages, contents + key_offset, contents + value_offset);
    }

  g_ptr_array_add (catalogs, g_steal_pointer (&contents));
  return TRUE;
}

static GPtrArray *
get_locale_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *override = g_getenv ("TRACT_LOCALEDIR");

  if (override != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (override, G_SEARCHPATH_SEPARATOR_S, 0);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }
  g_ptr_array_add (dirs, g_strdup (LOCALEDIR));
  return dirs;
}

static gboolean
is_english (const char *code)
{
  return g_str_equal (code, "en") || g_str_has_prefix (code, "en_") || g_str_has_prefix (code, "en.")
         || g_str_equal (code, "C") || g_str_has_prefix (code, "C.") || g_str_equal (code, "POSIX");
}

static gboolean
is_valid_code (const char *code)
{
  if (*code == '\0' || strlen (code) > 32 || !g_ascii_isalpha (*code))
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-.@", *p) == NULL)
      return FALSE;
  return strstr (code, "..") == NULL;
}

/* "fr_FR.UTF-8@euro" → "fr_FR@euro", "fr_FR", "fr". */
static GPtrArray *
code_variants (const char *code)
{
  GPtrArray *variants = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bare = g_strdup (code);
  char *dot = strchr (bare, '.');
  char *at;

  if (dot != NULL)
    {
      char *modifier = strchr (dot, '@');

      memmove (dot, modifier != NULL ? modifier : "", strlen (modifier != NULL ? modifier : "") + 1);
    }
  g_ptr_array_add (variants, g_strdup (bare));
  at = strchr (bare, '@');
  if (at != NULL)
    {
      *at = '\0';
      g_ptr_array_add (variants, g_strdup (bare));
    }
  if (strchr (bare, '_') != NULL)
    {
      *strchr (bare, '_') = '\0';
      g_ptr_array_add (variants, g_strdup (bare));
    }
  return variants;
}

static void
language_free (gpointer data)
{
  TractPrintLanguage *language = data;

  if (language == &english)
    return;
  g_free (language->code);
  g_clear_pointer (&language->messages, g_hash_table_unref);
  g_clear_pointer (&language->catalogs, g_ptr_array_unref);
  g_free (language);
}

static TractPrintLanguage *
load_language (const char *code)
{
  g_autoptr(GPtrArray) dirs = get_locale_dirs ();
  g_autoptr(GPtrArray) variants = code_variants (code);
  TractPrintLanguage *language = g_new0 (TractPrintLanguage, 1);

  language->messages = g_hash_table_new (g_str_hash, g_str_equal);
  language->catalogs = g_ptr_array_new_with_free_func (g_free);

  /* The most specific variant first; each folder in order. */
  for (guint v = 0; v < variants->len; v++)
    for (guint d = 0; d < dirs->len; d++)
      {
        g_autofree char *path = g_build_filename (dirs->pdata[d], variants->pdata[v], "LC_MESSAGES",
                                                  GETTEXT_PACKAGE ".mo", NULL);

        if (load_catalog (path, language->messages, language->catalogs) && language->code == NULL)
          language->code = g_strdup (variants->pdata[v]);
      }

  if (language->code == NULL)
    {
      language_free (language);
      return NULL;
    }
  return language;
}

const TractPrintLanguage *
tract_print_language_get (const char  *code,
                          GError     **error)
{
  TractPrintLanguage *language;

  g_return_val_if_fail (code != NULL, NULL);

  if (is_english (code))
    return &english;

  if (!is_valid_code (code))
    {
      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_LANGUAGE,
                   _("“%s” is not a language code; use one such as fr or en."), code);
      return NULL;
    }

  G_LOCK (languages);
  if (languages == NULL)
    languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, language_free);
  language = g_hash_table_lookup (languages, code);
  if (language == NULL)
    {
      language = load_language (code);
      if (language != NULL)
        g_hash_table_insert (languages, g_strdup (code), language);
    }
  G_UNLOCK (languages);

  if (language == NULL && error != NULL)
    {
      g_auto(GStrv) available = tract_print_list_languages ();
      g_autofree char *list = g_strjoinv (", ", available);

      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_LANGUAGE,
                   _("Tract cannot print in “%s”: no translation into it is installed. Choose one of: %s."),
                   code, list);
    }
  return language;
}

const TractPrintLanguage *
tract_print_language_get_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const TractPrintLanguage *language = tract_print_language_get (names[i], NULL);

      if (language != NULL)
        return language;
    }
  return &english;
}

const char *
tract_print_language_get_code (const TractPrintLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
tract_print_list_languages (void)
{
  g_autoptr(GPtrArray) dirs = get_locale_dirs ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < dirs->len; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs->pdata[d], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs->pdata[d], name, "LC_MESSAGES",
                                                    GETTEXT_PACKAGE ".mo", NULL);

          if (!is_english (name) && is_valid_code (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR)
              && !g_ptr_array_find_with_equal_func (codes, name, g_str_equal, NULL))
            g_ptr_array_add (codes, g_strdup (name));
        }
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

const char *
tract_print_language_translate (const TractPrintLanguage *self,
                                const char               *context,
                                const char               *msgid)
{
  const char *translation;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self->messages == NULL)
    return msgid;

  if (context != NULL)
    {
      char key[512];

      /* Every key is a literal of this layer, far shorter than this. */
      if (g_snprintf (key, sizeof key, "%s\004%s", context, msgid) >= (int) sizeof key)
        return msgid;
      translation = g_hash_table_lookup (self->messages, key);
    }
  else
    translation = g_hash_table_lookup (self->messages, msgid);

  return translation != NULL ? translation : msgid;
}
