/* tract-cli-statement.c — tract statement
 *
 *   tract statement STATEMENT [--output=FILE.md|FILE.txt|FILE.pdf]
 *
 * STATEMENT is the number "tract list statements" shows. The format
 * follows the file's extension; without --output (or with "-"), the
 * Markdown goes to the standard output. Reads the database only; the file
 * appears complete or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tract-cli-private.h"
#include "tract-statement-export.h"
#include "tract-statement-pdf.h"
#include "tract-statement.h"

typedef enum
{
  OUTPUT_MARKDOWN,
  OUTPUT_TEXT,
  OUTPUT_PDF,
} OutputFormat;

static gboolean
output_format (const char    *path,
               OutputFormat  *format,
               GError       **error)
{
  g_autofree char *lower = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    {
      *format = OUTPUT_MARKDOWN;
      return TRUE;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *format = OUTPUT_MARKDOWN;
  else if (g_str_has_suffix (lower, ".txt"))
    *format = OUTPUT_TEXT;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = OUTPUT_PDF;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--output: “%s” must end with .md, .txt or .pdf."), path);
      return FALSE;
    }
  return TRUE;
}

static TractStatement *
find_statement (TractStore  *store,
                const char  *text,
                GError     **error)
{
  gboolean numeric = *text != '\0' && strspn (text, "0123456789") == strlen (text) && strlen (text) < 19;
  TractStatement *statement = NULL;

  if (numeric)
    statement = tract_store_load (store, TRACT_TYPE_STATEMENT, g_ascii_strtoll (text, NULL, 10), NULL);
  if (statement == NULL)
    g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND,
                 _("There is no statement “%s”; “tract list statements” shows each statement’s "
                   "number first."),
                 text);
  return statement;
}

int
tract_cli_statement (TractCliOptions *options)
{
  static const char * const allowed[] = { "output", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractStatement) statement = NULL;
  OutputFormat format;
  gint64 id;

  if (!tract_cli_check_options (options, allowed, 1, &error)
      || !output_format (options->output, &format, &error))
    return tract_cli_fail ("%s", error->message);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  statement = find_statement (store, options->arguments[1], &error);
  if (statement == NULL)
    return tract_cli_fail ("%s", error->message);
  id = tract_record_get_id (TRACT_RECORD (statement));

  if (format == OUTPUT_PDF)
    {
      if (!tract_statement_write_pdf (store, id, options->output, NULL, &error))
        return tract_cli_fail ("%s", error->message);
    }
  else if (options->output == NULL || g_str_equal (options->output, "-"))
    {
      g_autofree char *text = tract_statement_export (store, id, TRACT_STATEMENT_MARKDOWN, &error);

      if (text == NULL)
        return tract_cli_fail ("%s", error->message);
      /* Bytes as they are: g_print() would convert them to the locale's charset. */
      if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
        return tract_cli_fail (_("Cannot write to the standard output."));
    }
  else if (!tract_statement_export_write (store, id,
                                          format == OUTPUT_TEXT ? TRACT_STATEMENT_TEXT
                                                                : TRACT_STATEMENT_MARKDOWN,
                                          options->output, &error))
    return tract_cli_fail ("%s", error->message);

  return EXIT_SUCCESS;
}
