/* tract-csv.c — organizations and their contacts as CSV (RFC 4180, UTF-8)
 *
 * One row per contact, the organization's fields repeated on each of its
 * contacts' rows, and one row with empty contact fields for an
 * organization without contacts: the shape a spreadsheet sorts and filters
 * best, and the one people write by hand.
 *
 * Reading is strict about the format, because a file that is not what it
 * seems must import nothing: an unclosed quote, a stray quote, a row with
 * more or fewer fields than the header, or text that is not UTF-8 each
 * stop the import before anything is written, naming the line. Rows that
 * are CSV but not valid organizations (a malformed e-mail) are skipped one
 * by one, each with its line and reason, and the rest is imported, all in
 * one transaction.
 *
 * Values are kept literally, blanks, quotes and control characters
 * included: what is exported comes back byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-contact.h"
#include "tract-csv.h"
#include "tract-organization.h"
#include "tract-record-list.h"
#include "tract-validate.h"

/* Errors, with the line they are about */

typedef struct
{
  guint line;
} TractCsvErrorPrivate;

static void
tract_csv_error_private_init (TractCsvErrorPrivate *priv)
{
  priv->line = 0;
}

static void
tract_csv_error_private_copy (const TractCsvErrorPrivate *src,
                              TractCsvErrorPrivate       *dest)
{
  dest->line = src->line;
}

static void
tract_csv_error_private_clear (TractCsvErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (TractCsvError, tract_csv_error)

guint
tract_csv_error_get_line (const GError *error)
{
  TractCsvErrorPrivate *priv = tract_csv_error_get_private (error);

  return priv != NULL ? priv->line : 0;
}

static void set_line_error (GError     **error,
                            TractCsvError code,
                            guint         line,
                            const char   *format,
                            ...) G_GNUC_PRINTF (4, 5);

static void
set_line_error (GError        **error,
                TractCsvError   code,
                guint           line,
                const char     *format,
                ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (TRACT_CSV_ERROR, code, message);
  tract_csv_error_get_private (new_error)->line = line;
  g_propagate_error (error, new_error);
}

/* Rows */

void
tract_csv_row_free (TractCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

static char
detect_delimiter (const char *data,
                  gsize       length)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0, tabs = 0;

  /* The header row decides: a French spreadsheet writes semicolons. */
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *fields;   /* of the row being read */
  GString   *field;
  guint      row_line;
  gboolean   field_was_quoted;
  gboolean   row_has_quotes;
} Parser;

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->rows, g_ptr_array_unref);
  g_clear_pointer (&parser->fields, g_ptr_array_unref);
  if (parser->field != NULL)
    g_string_free (g_steal_pointer (&parser->field), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

static void
end_field (Parser *parser)
{
  g_ptr_array_add (parser->fields, g_strndup (parser->field->str, parser->field->len));
  g_string_truncate (parser->field, 0);
  parser->row_has_quotes |= parser->field_was_quoted;
  parser->field_was_quoted = FALSE;
}

static gboolean
end_row (Parser  *parser,
         GError **error)
{
  TractCsvRow *row;
  guint n_fields;

  end_field (parser);
  n_fields = parser->fields->len;

  /* A blank line is no row. */
  if (n_fields == 1 && !parser->row_has_quotes && *(char *) parser->fields->pdata[0] == '\0')
    {
      g_ptr_array_set_size (parser->fields, 0);
      return TRUE;
    }

  if (parser->rows->len > 0)
    {
      TractCsvRow *header = g_ptr_array_index (parser->rows, 0);

      if (n_fields != header->n_fields)
        {
          set_line_error (error, TRACT_CSV_ERROR_MALFORMED, parser->row_line,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Line %u has %u field, but the header on line %u has %u. "
                                       "Check the quotes and separators of that line.",
                                       "Line %u has %u fields, but the header on line %u has %u. "
                                       "Check the quotes and separators of that line.",
                                       n_fields),
                          parser->row_line, n_fields, header->line, header->n_fields);
          return FALSE;
        }
    }

  g_ptr_array_add (parser->fields, NULL);
  row = g_new0 (TractCsvRow, 1);
  row->line = parser->row_line;
  row->n_fields = n_fields;
  row->fields = (GStrv) g_ptr_array_free (g_steal_pointer (&parser->fields), FALSE);
  g_ptr_array_add (parser->rows, row);

  parser->fields = g_ptr_array_new_with_free_func (g_free);
  parser->row_has_quotes = FALSE;
  return TRUE;
}

/**
 * tract_csv_parse:
 * @delimiter: (out) (optional): the delimiter found
 *
 * Reads RFC 4180 CSV: fields may be quoted, a quoted field may hold the
 * delimiter, line breaks and doubled quotes. Lines end in CRLF, LF or CR.
 * A UTF-8 byte order mark is skipped.
 */
GPtrArray *
tract_csv_parse (const char  *data,
                 gsize        length,
                 char        *delimiter,
                 GError     **error)
{
  enum { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE } state = FIELD_START;
  g_auto(Parser) parser = { NULL };
  const char *invalid = NULL;
  guint line = 1;
  guint quote_line = 0;
  char separator;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint bad_line = 1;

      for (const char *p = data; p < invalid; p++)
        bad_line += *p == '\n';
      set_line_error (error, TRACT_CSV_ERROR_ENCODING, bad_line,
                      _("Line %u is not UTF-8 text. Save the file as CSV with the UTF-8 "
                        "character set, then import it again."),
                      bad_line);
      return NULL;
    }

  parser.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tract_csv_row_free);
  parser.fields = g_ptr_array_new_with_free_func (g_free);
  parser.field = g_string_new (NULL);
  parser.row_line = 1;

  separator = detect_delimiter (data, length);
  if (delimiter != NULL)
    *delimiter = separator;

  while (i < length)
    {
      char c = data[i];
      gboolean line_break = c == '\n' || c == '\r';
      gsize break_length = (c == '\r' && i + 1 < length && data[i + 1] == '\n') ? 2 : 1;

      switch (state)
        {
        case FIELD_START:
          if (c == '"')
            {
              state = QUOTED;
              parser.field_was_quoted = TRUE;
              quote_line = line;
              i++;
              break;
            }
          state = UNQUOTED;
          continue;

        case UNQUOTED:
          if (c == separator)
            {
              end_field (&parser);
              state = FIELD_START;
              i++;
            }
          else if (line_break)
            {
              if (!end_row (&parser, error))
                return NULL;
              line++;
              i += break_length;
              parser.row_line = line;
              state = FIELD_START;
            }
          else if (c == '"')
            {
              set_line_error (error, TRACT_CSV_ERROR_MALFORMED, line,
                              _("Line %u has a double quote inside a field that does not start with "
                                "one. Put that whole field in double quotes, and double the quote "
                                "inside it."),
                              line);
              return NULL;
            }
          else
            {
              g_string_append_c (parser.field, c);
              i++;
            }
          break;

        case QUOTED:
          if (c == '"')
            {
              state = AFTER_QUOTE;
              i++;
            }
          else if (line_break)
            {
              /* Kept as written: CRLF stays CRLF inside a field. */
              g_string_append_len (parser.field, data + i, break_length);
              line++;
              i += break_length;
            }
          else
            {
              g_string_append_c (parser.field, c);
              i++;
            }
          break;

        case AFTER_QUOTE:
          if (c == '"')
            {
              /* A doubled quote is a quote. */
              g_string_append_c (parser.field, '"');
              state = QUOTED;
              i++;
            }
          else if (c == separator)
            {
              end_field (&parser);
              state = FIELD_START;
              i++;
            }
          else if (line_break)
            {
              if (!end_row (&parser, error))
                return NULL;
              line++;
              i += break_length;
              parser.row_line = line;
              state = FIELD_START;
            }
          else
            {
              set_line_error (error, TRACT_CSV_ERROR_MALFORMED, line,
                              _("Line %u has text after the closing double quote of a field. "
                                "A quoted field must end at its closing quote; double the quotes "
                                "inside it."),
                              line);
              return NULL;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (state == QUOTED)
    {
      set_line_error (error, TRACT_CSV_ERROR_MALFORMED, quote_line,
                      _("The double quote that opens a field on line %u is never closed. "
                        "Close it, or double it if it is part of the text."),
                      quote_line);
      return NULL;
    }

  /* The last row, when the file does not end with a line break. */
  if (state != FIELD_START || parser.fields->len > 0)
    if (!end_row (&parser, error))
      return NULL;

  return g_steal_pointer (&parser.rows);
}

static gboolean
needs_quotes (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return FALSE;
  /* Spreadsheets may trim what is not quoted. */
  if (text[0] == ' ' || text[length - 1] == ' ')
    return TRUE;
  /* Semicolons and tabs too: so that a spreadsheet that guesses another
   * delimiter still reads the field whole. */
  return strpbrk (text, ",\";\t\r\n") != NULL;
}

void
tract_csv_append_row (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (text))
        {
          g_string_append (out, text);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

/* Columns */

typedef enum
{
  COLUMN_NAME,
  COLUMN_ACRONYM,
  COLUMN_KIND,
  COLUMN_MEMBERSHIP,
  COLUMN_COUNTRY,
  COLUMN_CITY,
  COLUMN_WEBSITE,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_JOINED,
  COLUMN_NOTES,
  COLUMN_CONTACT_NAME,
  COLUMN_CONTACT_ROLE,
  COLUMN_CONTACT_EMAIL,
  COLUMN_CONTACT_PHONE,
  COLUMN_CONTACT_NOTES,
  N_COLUMNS
} Column;

/* Headers are compared folded: lower case, accents, blanks and
 * punctuation dropped ("Téléphone du contact" is "telephoneducontact"). */
static const struct
{
  const char *header;      /* as exported */
  const char *db_column;
  gboolean    contact;
  gboolean    private;
  const char *aliases[10];
} columns[N_COLUMNS] = {
  [COLUMN_NAME] = { "name", "name", FALSE, FALSE,
    { "name", "nom", "organization", "organisation", "organizationname", "nomdelorganisation",
      "raisonsociale", NULL } },
  [COLUMN_ACRONYM] = { "acronym", "acronym", FALSE, FALSE,
    { "acronym", "sigle", "acronyme", "shortname", "abbreviation", NULL } },
  [COLUMN_KIND] = { "kind", "kind", FALSE, FALSE,
    { "kind", "type", "nature", "organizationtype", "typedorganisation", NULL } },
  [COLUMN_MEMBERSHIP] = { "membership", "membership", FALSE, FALSE,
    { "membership", "adhesion", "statut", "status", NULL } },
  [COLUMN_COUNTRY] = { "country", "country", FALSE, FALSE, { "country", "pays", NULL } },
  [COLUMN_CITY] = { "city", "city", FALSE, FALSE, { "city", "ville", "town", "commune", NULL } },
  [COLUMN_WEBSITE] = { "website", "website", FALSE, FALSE,
    { "website", "site", "siteweb", "siteinternet", "web", "url", NULL } },
  [COLUMN_EMAIL] = { "email", "email", FALSE, FALSE,
    { "email", "courriel", "mail", "emailaddress", "adressecourriel", "adresseelectronique", NULL } },
  [COLUMN_PHONE] = { "phone", "phone", FALSE, FALSE,
    { "phone", "telephone", "tel", "phonenumber", NULL } },
  [COLUMN_JOINED] = { "joined_date", "joined_date", FALSE, FALSE,
    { "joineddate", "joined", "joinedon", "membersince", "dateadhesion", "datedadhesion",
      "adhesiondate", "depuis", NULL } },
  [COLUMN_NOTES] = { "private_notes", "private_notes", FALSE, TRUE,
    { "privatenotes", "notes", "notesprivees", "note", "remarques", NULL } },
  [COLUMN_CONTACT_NAME] = { "contact_name", "name", TRUE, FALSE,
    { "contactname", "contact", "nomducontact", "contactnom", "personne", "person", NULL } },
  [COLUMN_CONTACT_ROLE] = { "contact_role", "role", TRUE, FALSE,
    { "contactrole", "role", "fonction", "roleducontact", "contactfonction", NULL } },
  [COLUMN_CONTACT_EMAIL] = { "contact_email", "email", TRUE, FALSE,
    { "contactemail", "courrielducontact", "contactcourriel", "contactmail", "emailducontact", NULL } },
  [COLUMN_CONTACT_PHONE] = { "contact_phone", "phone", TRUE, FALSE,
    { "contactphone", "telephoneducontact", "contacttelephone", "contacttel", NULL } },
  [COLUMN_CONTACT_NOTES] = { "contact_private_notes", "private_notes", TRUE, TRUE,
    { "contactprivatenotes", "contactnotes", "notesducontact", "notespriveesducontact", NULL } },
};

static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autofree char *folded = NULL;

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && !g_unichar_ismark (c))
        g_string_append_unichar (kept, c);
    }
  folded = g_utf8_casefold (kept->str, kept->len);
  return g_steal_pointer (&folded);
}

/* Enumerated values, by their folded spellings in English and French. */
typedef struct
{
  const char *value;
  const char *spellings[8];
} Choice;

static const Choice kinds[] = {
  { "association", { "association", "asso", NULL } },
  { "party", { "party", "parti", "partipolitique", "politicalparty", NULL } },
  { "union", { "union", "tradeunion", "syndicat", NULL } },
  { "collective", { "collective", "collectif", NULL } },
  { "committee", { "committee", "comite", NULL } },
  { "network", { "network", "reseau", NULL } },
  { "media", { "media", "medias", NULL } },
  { "other", { "other", "autre", NULL } },
};

static const Choice memberships[] = {
  { "member", { "member", "membre", "adherent", "adherente", NULL } },
  { "signatory", { "signatory", "signataire", NULL } },
  { "friend", { "friend", "ami", "amie", "amis", "sympathisant", "sympathisante", NULL } },
  { "former", { "former", "formermember", "ancien", "ancienne", "ancienmembre", "exmembre", NULL } },
};

static const char *
find_choice (const Choice *choices,
             guint         n_choices,
             const char   *text)
{
  g_autofree char *folded = fold (text);

  for (guint i = 0; i < n_choices; i++)
    for (guint j = 0; choices[i].spellings[j] != NULL; j++)
      if (g_str_equal (folded, choices[i].spellings[j]))
        return choices[i].value;
  return NULL;
}

/* Export */

static gboolean
flush (GOutputStream  *stream,
       GString        *buffer,
       GCancellable   *cancellable,
       GError        **error)
{
  if (buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

/**
 * tract_csv_export_organizations:
 *
 * Writes every organization, by name, with its contacts. Private notes are
 * left out unless @flags has %TRACT_CSV_EXPORT_PRIVATE_NOTES.
 */
gboolean
tract_csv_export_organizations (TractStore           *store,
                                GOutputStream        *stream,
                                TractCsvExportFlags   flags,
                                GCancellable         *cancellable,
                                GError              **error)
{
  gboolean include_private = (flags & TRACT_CSV_EXPORT_PRIVATE_NOTES) != 0;
  g_autoptr(TractRecordList) organizations = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (1 << 16);
  const char *row[N_COLUMNS];
  guint n_fields = 0;
  guint n_items;

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (include_private || !columns[c].private)
      row[n_fields++] = columns[c].header;
  tract_csv_append_row (buffer, row, n_fields);

  /* A lazy list: a page of organizations at a time, never the whole table. */
  organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  n_items = g_list_model_get_n_items (G_LIST_MODEL (organizations));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TractRecord) organization = g_list_model_get_item (G_LIST_MODEL (organizations), i);
      g_autoptr(GPtrArray) contacts = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (organization == NULL)
        continue;

      contacts = tract_store_select (store, TRACT_TYPE_CONTACT, "organization_id",
                                     tract_record_get_id (organization), "name, id", error);
      if (contacts == NULL)
        return FALSE;

      for (guint k = 0; k < MAX (contacts->len, 1); k++)
        {
          TractRecord *contact = k < contacts->len ? contacts->pdata[k] : NULL;

          n_fields = 0;
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              TractRecord *source = columns[c].contact ? contact : organization;

              if (!include_private && columns[c].private)
                continue;
              row[n_fields++] = source != NULL ? tract_record_get_text (source, columns[c].db_column) : "";
            }
          tract_csv_append_row (buffer, row, n_fields);
        }

      if (buffer->len >= (1 << 16) && !flush (stream, buffer, cancellable, error))
        return FALSE;
    }

  return flush (stream, buffer, cancellable, error);
}

/* Import */

typedef enum
{
  OUTCOME_NONE,
  OUTCOME_UNCHANGED,
  OUTCOME_UPDATED,
  OUTCOME_ADDED,
} Outcome;

typedef struct
{
  TractCsvReport *report;
  GPtrArray      *rows;
  int             map[N_COLUMNS];   /* field index of each column, or -1 */
  GHashTable     *outcomes;         /* organization id → Outcome, over the whole file */
  GHashTable     *claimed;          /* ids of the contacts rows of this file stand for */
} Import;

typedef struct
{
  Import      *import;
  TractCsvRow *row;
  gint64       organization_id;
  Outcome      organization;
  Outcome      contact;
  gint64       contact_id;
} RowImport;

static const char *
field (Import      *import,
       TractCsvRow *row,
       Column       column)
{
  int index = import->map[column];

  return index >= 0 ? row->fields[index] : NULL;
}

static gboolean
records_differ (TractRecord *a,
                TractRecord *b)
{
  guint n_columns;
  const TractColumn *record_columns = tract_record_get_columns (a, &n_columns);

  for (guint i = 0; i < n_columns; i++)
    if (!(record_columns[i].flags & TRACT_COLUMN_MANAGED) && !tract_record_column_equal (a, b, i))
      return TRUE;
  return FALSE;
}

static gboolean
set_choice (TractRecord   *record,
            const char    *column,
            const Choice  *choices,
            guint          n_choices,
            const char    *text,
            GError       **error)
{
  const char *value;
  g_autoptr(GString) allowed = NULL;

  /* Blank keeps what is there (or the default for a new organization). */
  if (text == NULL || tract_validate_is_blank (text))
    return TRUE;

  value = find_choice (choices, n_choices, text);
  if (value != NULL)
    {
      tract_record_set_text (record, column, value);
      return TRUE;
    }

  allowed = g_string_new (NULL);
  for (guint i = 0; i < n_choices; i++)
    g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", choices[i].value);
  tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column,
                               /* Translators: the column, the value found, and the values allowed. */
                               _("%s: “%s” is not one of %s."),
                               g_str_equal (column, "kind") ? _("Kind") : _("Membership"),
                               text, allowed->str);
  return FALSE;
}

static gboolean
fill_organization (Import       *import,
                   TractCsvRow  *row,
                   TractRecord  *organization,
                   GError      **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *text = field (import, row, c);

      if (text == NULL || columns[c].contact)
        continue;
      if (c == COLUMN_KIND)
        {
          if (!set_choice (organization, "kind", kinds, G_N_ELEMENTS (kinds), text, error))
            return FALSE;
        }
      else if (c == COLUMN_MEMBERSHIP)
        {
          if (!set_choice (organization, "membership", memberships, G_N_ELEMENTS (memberships), text, error))
            return FALSE;
        }
      else
        tract_record_set_text (organization, columns[c].db_column, text);
    }
  return TRUE;
}

static gboolean
has_contact (Import      *import,
             TractCsvRow *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (columns[c].contact && field (import, row, c) != NULL
        && !tract_validate_is_blank (field (import, row, c)))
      return TRUE;
  return FALSE;
}

/* Inserts @record when it is new (@before is %NULL), updates it when the
 * file changed it, and says which it did. */
static gboolean
save_record (TractStore   *store,
             TractRecord  *record,
             TractRecord  *before,
             Outcome      *outcome,
             GError      **error)
{
  if (before == NULL)
    {
      *outcome = OUTCOME_ADDED;
      return tract_store_insert (store, record, error);
    }
  if (!records_differ (record, before))
    {
      *outcome = OUTCOME_UNCHANGED;
      return TRUE;
    }
  *outcome = OUTCOME_UPDATED;
  return tract_store_update (store, record, error);
}

static gboolean
import_contact (RowImport  *data,
                TractStore *store,
                GError    **error)
{
  const char *name = field (data->import, data->row, COLUMN_CONTACT_NAME);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(TractRecord) contact = NULL;
  g_autoptr(TractRecord) before = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_email = NULL;
  const char *email;

  if (name == NULL || tract_validate_is_blank (name))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, "name",
                                   _("The contact on this row has no name; give one in the "
                                     "contact name column, or empty its other contact fields."));
      return FALSE;
    }

  /* People are matched by name within their organization, regardless of
   * case; two of the same name are told apart by their e-mails, and each
   * stored person stands for one row of the file at most, so that
   * namesakes come back as two people, not one. */
  contacts = tract_store_select (store, TRACT_TYPE_CONTACT, "organization_id", data->organization_id,
                                 "id", error);
  if (contacts == NULL)
    return FALSE;
  folded_name = g_utf8_casefold (name, -1);
  email = field (data->import, data->row, COLUMN_CONTACT_EMAIL);
  folded_email = email != NULL ? g_utf8_casefold (email, -1) : NULL;
  for (guint i = 0; i < contacts->len && contact == NULL; i++)
    {
      TractRecord *candidate = contacts->pdata[i];
      gint64 id = tract_record_get_id (candidate);
      g_autofree char *other = g_utf8_casefold (tract_record_get_text (candidate, "name"), -1);
      g_autofree char *other_email = g_utf8_casefold (tract_record_get_text (candidate, "email"), -1);

      if (g_hash_table_contains (data->import->claimed, &id) || !g_str_equal (folded_name, other))
        continue;
      if (folded_email != NULL && *folded_email != '\0' && *other_email != '\0'
          && !g_str_equal (folded_email, other_email))
        continue;
      contact = g_object_ref (candidate);
    }

  if (contact != NULL)
    before = tract_record_copy (contact);
  else
    contact = TRACT_RECORD (tract_contact_new (data->organization_id, name));

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *text = field (data->import, data->row, c);

      if (text != NULL && columns[c].contact)
        tract_record_set_text (contact, columns[c].db_column, text);
    }

  if (!save_record (store, contact, before, &data->contact, error))
    return FALSE;
  data->contact_id = tract_record_get_id (contact);
  return TRUE;
}

static gboolean
import_row (TractStore  *store,
            gpointer     user_data,
            GError     **error)
{
  RowImport *data = user_data;
  const char *name = field (data->import, data->row, COLUMN_NAME);
  g_autoptr(TractRecord) organization = NULL;
  g_autoptr(TractRecord) before = NULL;

  organization = tract_store_find (store, TRACT_TYPE_ORGANIZATION, "name", name);
  if (organization != NULL)
    before = tract_record_copy (organization);
  else
    organization = g_object_new (TRACT_TYPE_ORGANIZATION, NULL);

  if (!fill_organization (data->import, data->row, organization, error))
    return FALSE;

  if (!save_record (store, organization, before, &data->organization, error))
    return FALSE;
  data->organization_id = tract_record_get_id (organization);

  if (has_contact (data->import, data->row) && !import_contact (data, store, error))
    return FALSE;
  return TRUE;
}

static gboolean
is_blank_row (TractCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    if (!tract_validate_is_blank (row->fields[i]))
      return FALSE;
  return TRUE;
}

static gboolean
import_in_transaction (TractStore  *store,
                       gpointer     user_data,
                       GError     **error)
{
  Import *import = user_data;

  for (guint r = 1; r < import->rows->len; r++)
    {
      TractCsvRow *row = g_ptr_array_index (import->rows, r);
      RowImport data = { import, row, 0, OUTCOME_NONE, OUTCOME_NONE, 0 };
      g_autoptr(GError) row_error = NULL;
      Outcome previous;

      if (is_blank_row (row))
        continue;

      if (tract_validate_is_blank (field (import, row, COLUMN_NAME)))
        {
          tract_csv_report_count (import->report, TRACT_CSV_COUNT_SKIPPED);
          tract_csv_report_add (import->report, TRACT_CSV_MESSAGE_SKIPPED, row->line, "%s",
                                _("The organization’s name is empty."));
          continue;
        }

      /* Each row in a savepoint: a row that fails leaves nothing behind. */
      if (!tract_store_run (store, import_row, &data, &row_error))
        {
          /* The database itself failing is no reason to skip: stop. */
          if (!g_error_matches (row_error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID)
              && !g_error_matches (row_error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE)
              && !g_error_matches (row_error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              return FALSE;
            }
          tract_csv_report_count (import->report, TRACT_CSV_COUNT_SKIPPED);
          tract_csv_report_add (import->report, TRACT_CSV_MESSAGE_SKIPPED, row->line, "%s",
                                row_error->message);
          continue;
        }

      /* An organization counts once, by what the file did to it overall. */
      previous = GPOINTER_TO_INT (g_hash_table_lookup (import->outcomes, &data.organization_id));
      if (data.organization > previous)
        {
          gint64 *key = g_memdup2 (&data.organization_id, sizeof data.organization_id);

          g_hash_table_insert (import->outcomes, key, GINT_TO_POINTER (data.organization));
        }

      /* Only now that the row's savepoint holds: a rolled-back id may be reused. */
      if (data.contact_id > 0)
        g_hash_table_add (import->claimed, g_memdup2 (&data.contact_id, sizeof data.contact_id));
      if (data.contact == OUTCOME_ADDED)
        tract_csv_report_count (import->report, TRACT_CSV_COUNT_CONTACT_ADDED);
      else if (data.contact == OUTCOME_UPDATED)
        tract_csv_report_count (import->report, TRACT_CSV_COUNT_CONTACT_UPDATED);
    }

  return TRUE;
}

static gboolean
map_header (Import       *import,
            TractCsvRow  *header,
            GError      **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    import->map[c] = -1;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *folded = fold (header->fields[i]);
      int found = -1;

      for (guint c = 0; c < N_COLUMNS && found < 0; c++)
        for (guint a = 0; columns[c].aliases[a] != NULL; a++)
          if (g_str_equal (folded, columns[c].aliases[a]))
            {
              found = (int) c;
              break;
            }

      if (found < 0)
        {
          if (*folded != '\0')
            tract_csv_report_add (import->report, TRACT_CSV_MESSAGE_NOTE, header->line,
                                  _("The column “%s” is not one Tract knows; it was left out."),
                                  header->fields[i]);
          continue;
        }

      if (import->map[found] >= 0)
        {
          set_line_error (error, TRACT_CSV_ERROR_HEADER, header->line,
                          _("The columns “%s” and “%s” of the header (line %u) hold the same field. "
                            "Remove or rename one of them."),
                          header->fields[import->map[found]], header->fields[i], header->line);
          return FALSE;
        }
      import->map[found] = (int) i;
    }

  if (import->map[COLUMN_NAME] < 0)
    {
      set_line_error (error, TRACT_CSV_ERROR_HEADER, header->line,
                      _("The first line must name the columns, and one of them must hold the "
                        "organizations’ names: call it “name” or “nom”."));
      return FALSE;
    }
  return TRUE;
}

/**
 * tract_csv_import_organizations:
 * @file_name: (nullable): the file's name, for the report
 *
 * Imports organizations and contacts, in one transaction. An organization
 * whose name (regardless of case) is already stored is updated, with the
 * columns the file has; a contact is matched by name within its
 * organization (see import_contact()). A file that is not well-formed CSV
 * imports nothing.
 *
 * Returns: (transfer full) (nullable): what was done, row by row
 */
TractCsvReport *
tract_csv_import_organizations (TractStore  *store,
                                const char  *data,
                                gsize        length,
                                const char  *file_name,
                                GError     **error)
{
  g_autoptr(TractCsvReport) report = tract_csv_report_new (file_name);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) outcomes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Import import = { report, NULL, { 0 }, outcomes, claimed };
  GHashTableIter iter;
  gpointer outcome;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  rows = tract_csv_parse (data, length, NULL, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      set_line_error (error, TRACT_CSV_ERROR_HEADER, 1,
                      _("The file is empty. Its first line must name the columns, such as "
                        "“name,acronym,city”."));
      return NULL;
    }

  import.rows = rows;
  if (!map_header (&import, g_ptr_array_index (rows, 0), error))
    return NULL;

  if (!tract_store_run (store, import_in_transaction, &import, error))
    return NULL;

  g_hash_table_iter_init (&iter, outcomes);
  while (g_hash_table_iter_next (&iter, NULL, &outcome))
    switch (GPOINTER_TO_INT (outcome))
      {
      case OUTCOME_ADDED:
        tract_csv_report_count (report, TRACT_CSV_COUNT_ADDED);
        break;
      case OUTCOME_UPDATED:
        tract_csv_report_count (report, TRACT_CSV_COUNT_UPDATED);
        break;
      case OUTCOME_UNCHANGED:
        tract_csv_report_count (report, TRACT_CSV_COUNT_UNCHANGED);
        break;
      default:
        break;
      }

  return g_steal_pointer (&report);
}

/**
 * tract_csv_import_file:
 *
 * Reads @file and imports it with tract_csv_import_organizations(); an
 * error names the file.
 */
TractCsvReport *
tract_csv_import_file (TractStore    *store,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  TractCsvReport *report;
  gsize length = 0;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  report = tract_csv_import_organizations (store, contents, length, display_name, &local_error);
  if (report == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Nothing was imported from “%s”. "), display_name);
      return NULL;
    }
  return report;
}
