/* tract-csv-report.c — what an import of organizations did, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-csv-report.h"

/* A file of a million bad rows must not take a million strings with it:
 * past this many, messages are counted but not kept. */
#define MAX_MESSAGES 2000

typedef struct
{
  TractCsvMessageKind kind;
  guint               line;
  char               *text;
} Message;

struct _TractCsvReport
{
  GObject  parent_instance;

  char    *file_name;
  guint    counts[TRACT_CSV_COUNT_CONTACT_UPDATED + 1];
  GArray  *messages;
  guint    n_dropped;
};

G_DEFINE_FINAL_TYPE (TractCsvReport, tract_csv_report, G_TYPE_OBJECT)

static void
message_clear (gpointer data)
{
  Message *message = data;

  g_free (message->text);
}

static void
tract_csv_report_finalize (GObject *object)
{
  TractCsvReport *self = TRACT_CSV_REPORT (object);

  g_free (self->file_name);
  g_array_unref (self->messages);

  G_OBJECT_CLASS (tract_csv_report_parent_class)->finalize (object);
}

static void
tract_csv_report_class_init (TractCsvReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tract_csv_report_finalize;
}

static void
tract_csv_report_init (TractCsvReport *self)
{
  self->messages = g_array_new (FALSE, TRUE, sizeof (Message));
  g_array_set_clear_func (self->messages, message_clear);
}

/* @file_name: (nullable): the file's name for people, or %NULL */
TractCsvReport *
tract_csv_report_new (const char *file_name)
{
  TractCsvReport *self = g_object_new (TRACT_TYPE_CSV_REPORT, NULL);

  self->file_name = g_strdup (file_name);
  return self;
}

const char *
tract_csv_report_get_file_name (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), NULL);
  return self->file_name;
}

guint
tract_csv_report_get_n_added (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_ADDED];
}

guint
tract_csv_report_get_n_updated (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_UPDATED];
}

guint
tract_csv_report_get_n_unchanged (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_UNCHANGED];
}

guint
tract_csv_report_get_n_skipped (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_SKIPPED];
}

guint
tract_csv_report_get_n_contacts_added (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_CONTACT_ADDED];
}

guint
tract_csv_report_get_n_contacts_updated (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->counts[TRACT_CSV_COUNT_CONTACT_UPDATED];
}

guint
tract_csv_report_get_n_messages (TractCsvReport *self)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  return self->messages->len;
}

TractCsvMessageKind
tract_csv_report_get_message_kind (TractCsvReport *self,
                                   guint           index)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), TRACT_CSV_MESSAGE_NOTE);
  g_return_val_if_fail (index < self->messages->len, TRACT_CSV_MESSAGE_NOTE);
  return g_array_index (self->messages, Message, index).kind;
}

guint
tract_csv_report_get_message_line (TractCsvReport *self,
                                   guint           index)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), 0);
  g_return_val_if_fail (index < self->messages->len, 0);
  return g_array_index (self->messages, Message, index).line;
}

const char *
tract_csv_report_get_message_text (TractCsvReport *self,
                                   guint           index)
{
  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), NULL);
  g_return_val_if_fail (index < self->messages->len, NULL);
  return g_array_index (self->messages, Message, index).text;
}

void
tract_csv_report_count (TractCsvReport *self,
                        TractCsvCount   what)
{
  g_return_if_fail (TRACT_IS_CSV_REPORT (self));
  g_return_if_fail (what <= TRACT_CSV_COUNT_CONTACT_UPDATED);

  self->counts[what]++;
}

void
tract_csv_report_add (TractCsvReport      *self,
                      TractCsvMessageKind  kind,
                      guint                line,
                      const char          *format,
                      ...)
{
  Message message;
  va_list args;

  g_return_if_fail (TRACT_IS_CSV_REPORT (self));

  if (self->messages->len >= MAX_MESSAGES)
    {
      self->n_dropped++;
      return;
    }

  message.kind = kind;
  message.line = line;
  va_start (args, format);
  message.text = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->messages, message);
}

char *
tract_csv_report_dup_summary (TractCsvReport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), NULL);

  n = self->counts[TRACT_CSV_COUNT_ADDED];
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u organization added",
                                             "%'u organizations added", n), n);
  n = self->counts[TRACT_CSV_COUNT_UPDATED];
  g_string_append (text, C_("list separator", ", "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u updated", "%'u updated", n), n);
  n = self->counts[TRACT_CSV_COUNT_UNCHANGED];
  g_string_append (text, C_("list separator", ", "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u unchanged", "%'u unchanged", n), n);
  n = self->counts[TRACT_CSV_COUNT_SKIPPED];
  g_string_append (text, C_("list separator", ", "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u row skipped", "%'u rows skipped", n), n);
  n = self->counts[TRACT_CSV_COUNT_CONTACT_ADDED];
  /* Translators: between the organizations' counts and the contacts' ones. */
  g_string_append (text, _("; "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u contact added", "%'u contacts added", n), n);
  n = self->counts[TRACT_CSV_COUNT_CONTACT_UPDATED];
  g_string_append (text, C_("list separator", ", "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u updated", "%'u updated", n), n);
  g_string_append (text, _("."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
tract_csv_report_to_text (TractCsvReport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (TRACT_IS_CSV_REPORT (self), NULL);

  summary = tract_csv_report_dup_summary (self);
  g_string_append_printf (text, "%s\n", summary);

  for (guint i = 0; i < self->messages->len; i++)
    {
      const Message *message = &g_array_index (self->messages, Message, i);

      if (message->kind == TRACT_CSV_MESSAGE_SKIPPED)
        /* Translators: a row of a CSV file that was not imported, and why. */
        g_string_append_printf (text, _("Line %u, skipped: %s\n"), message->line, message->text);
      else
        /* Translators: a remark about a row (or the header) of an imported CSV file. */
        g_string_append_printf (text, _("Line %u, note: %s\n"), message->line, message->text);
    }

  if (self->n_dropped > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more message.\n",
                                               "… and %u more messages.\n", self->n_dropped),
                            self->n_dropped);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
