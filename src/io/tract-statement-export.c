/* tract-statement-export.c — a statement as Markdown or plain text
 *
 * The title as a heading, the body, and the signatories block as the last
 * paragraph, as the collective publishes it. In Markdown, the body is the
 * writer's own Markdown and stays as typed; the title and the organization
 * names are escaped, so that a name with a star or a bracket prints as
 * typed. In plain text, the Markdown of the body is read and left out.
 * A body that opens with the title as a heading (the sample draft does)
 * does not get it twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tract-markdown.h"
#include "tract-statement-export.h"
#include "tract-statement-ledger.h"

static char *
one_line (const char *text)
{
  char *line = g_strstrip (g_strdup (text));

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

char *
tract_statement_export (TractStore            *store,
                        gint64                 statement_id,
                        TractStatementFormat   format,
                        GError               **error)
{
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *block = NULL;
  const char *heading;
  GString *out;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  statement = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id, error);
  if (statement == NULL)
    return NULL;
  names = tract_statement_ledger_list_signatories (store, statement_id, error);
  if (names == NULL)
    return NULL;

  title = one_line (tract_record_get_text (TRACT_RECORD (statement), "title"));
  body = g_strdup (tract_record_get_text (TRACT_RECORD (statement), "body"));
  g_strchomp (body);
  heading = tract_record_get_text (TRACT_RECORD (statement), "signatories_heading");

  if (format == TRACT_STATEMENT_MARKDOWN)
    {
      g_autofree char *escaped_heading = tract_markdown_escape (heading);

      for (guint i = 0; i < names->len; i++)
        {
          char *escaped = tract_markdown_escape (names->pdata[i]);

          g_free (names->pdata[i]);
          names->pdata[i] = escaped;
        }
      g_ptr_array_add (names, NULL);
      block = tract_statement_ledger_format_signatories (escaped_heading,
                                                         tract_record_get_text (TRACT_RECORD (statement), "language"),
                                                         (const char * const *) names->pdata);
    }
  else
    {
      g_autofree char *clean_heading = one_line (heading);

      for (guint i = 0; i < names->len; i++)
        g_strdelimit (names->pdata[i], "\r\n\t", ' ');
      g_ptr_array_add (names, NULL);
      block = tract_statement_ledger_format_signatories (clean_heading,
                                                         tract_record_get_text (TRACT_RECORD (statement), "language"),
                                                         (const char * const *) names->pdata);
    }

  out = g_string_new (NULL);
  if (format == TRACT_STATEMENT_MARKDOWN)
    {
      if (!tract_markdown_opens_with (body, title))
        {
          g_autofree char *escaped_title = tract_markdown_escape (title);

          g_string_append_printf (out, "# %s\n\n", escaped_title);
        }
      if (*body != '\0')
        g_string_append_printf (out, "%s\n\n", body);
    }
  else
    {
      g_autofree char *plain = tract_markdown_to_plain (body);

      if (!tract_markdown_opens_with (body, title))
        g_string_append_printf (out, "%s\n\n", title);
      if (*plain != '\0')
        g_string_append_printf (out, "%s\n\n", plain);
    }
  if (*block != '\0')
    g_string_append_printf (out, "%s\n", block);

  /* One line feed at the end, never blank lines. */
  while (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gboolean
tract_statement_export_write (TractStore            *store,
                              gint64                 statement_id,
                              TractStatementFormat   format,
                              const char            *path,
                              GError               **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = tract_statement_export (store, statement_id, format, error);
  if (text == NULL)
    return FALSE;

  /* Written to a temporary file and renamed over @path. */
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0666, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot write “%s”: %s. Choose another folder or free some space."),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
