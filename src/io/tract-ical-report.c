/* tract-ical-report.c — what an import did, event by event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-ical-report.h"

/* A hostile file can hold millions of broken events: the counts stay exact,
 * the list of messages does not grow past this. */
#define MAX_MESSAGES 5000

typedef struct
{
  TractIcalMessageKind kind;
  guint                line;
  char                *uid;
  char                *text;
} Message;

static void
message_clear (gpointer data)
{
  Message *message = data;

  g_free (message->uid);
  g_free (message->text);
}

struct _TractIcalReport
{
  GObject  parent_instance;

  char    *file_name;
  guint    n_added;
  guint    n_updated;
  guint    n_unchanged;
  guint    n_skipped;
  guint    n_parse_errors;
  guint    n_dropped_messages;
  GArray  *messages;
};

G_DEFINE_FINAL_TYPE (TractIcalReport, tract_ical_report, G_TYPE_OBJECT)

static void
tract_ical_report_finalize (GObject *object)
{
  TractIcalReport *self = TRACT_ICAL_REPORT (object);

  g_free (self->file_name);
  g_array_unref (self->messages);

  G_OBJECT_CLASS (tract_ical_report_parent_class)->finalize (object);
}

static void
tract_ical_report_class_init (TractIcalReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tract_ical_report_finalize;
}

static void
tract_ical_report_init (TractIcalReport *self)
{
  self->messages = g_array_new (FALSE, TRUE, sizeof (Message));
  g_array_set_clear_func (self->messages, message_clear);
}

TractIcalReport *
tract_ical_report_new (const char *file_name)
{
  TractIcalReport *self = g_object_new (TRACT_TYPE_ICAL_REPORT, NULL);

  self->file_name = g_strdup (file_name);
  return self;
}

const char *
tract_ical_report_get_file_name (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), NULL);
  return self->file_name;
}

guint
tract_ical_report_get_n_added (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->n_added;
}

guint
tract_ical_report_get_n_updated (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->n_updated;
}

guint
tract_ical_report_get_n_unchanged (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->n_unchanged;
}

guint
tract_ical_report_get_n_skipped (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->n_skipped;
}

guint
tract_ical_report_get_n_parse_errors (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->n_parse_errors;
}

guint
tract_ical_report_get_n_messages (TractIcalReport *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), 0);
  return self->messages->len;
}

static Message *
get_message (TractIcalReport *self,
             guint            index)
{
  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), NULL);
  g_return_val_if_fail (index < self->messages->len, NULL);
  return &g_array_index (self->messages, Message, index);
}

TractIcalMessageKind
tract_ical_report_get_message_kind (TractIcalReport *self,
                                    guint            index)
{
  Message *message = get_message (self, index);

  return message != NULL ? message->kind : TRACT_ICAL_MESSAGE_NOTE;
}

guint
tract_ical_report_get_message_line (TractIcalReport *self,
                                    guint            index)
{
  Message *message = get_message (self, index);

  return message != NULL ? message->line : 0;
}

const char *
tract_ical_report_get_message_uid (TractIcalReport *self,
                                   guint            index)
{
  Message *message = get_message (self, index);

  return message != NULL ? message->uid : NULL;
}

const char *
tract_ical_report_get_message_text (TractIcalReport *self,
                                    guint            index)
{
  Message *message = get_message (self, index);

  return message != NULL ? message->text : NULL;
}

void
tract_ical_report_count (TractIcalReport *self,
                         guint            n_added,
                         guint            n_updated,
                         guint            n_unchanged)
{
  g_return_if_fail (TRACT_IS_ICAL_REPORT (self));
  self->n_added += n_added;
  self->n_updated += n_updated;
  self->n_unchanged += n_unchanged;
}

void
tract_ical_report_add_parse_errors (TractIcalReport *self,
                                    guint            n_errors)
{
  g_return_if_fail (TRACT_IS_ICAL_REPORT (self));
  self->n_parse_errors += n_errors;
}

void
tract_ical_report_add (TractIcalReport     *self,
                       TractIcalMessageKind kind,
                       guint                line,
                       const char          *uid,
                       const char          *format,
                       ...)
{
  Message message = { 0 };
  va_list args;

  g_return_if_fail (TRACT_IS_ICAL_REPORT (self));

  if (kind == TRACT_ICAL_MESSAGE_SKIPPED)
    self->n_skipped++;
  if (self->messages->len >= MAX_MESSAGES)
    {
      self->n_dropped_messages++;
      return;
    }

  message.kind = kind;
  message.line = line;
  message.uid = uid != NULL && *uid != '\0' ? g_utf8_make_valid (uid, -1) : NULL;
  va_start (args, format);
  message.text = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->messages, message);
}

/* Moves the counts and messages of @other, a report written alongside
 * @self about the same file, into @self. @self's messages from index
 * @since on and @other's are each in line order; they are merged in line
 * order, @other's first on the same line (the importer's parsing thread
 * writes @other, and is done with an event before it is stored). The
 * result is what one report written in the file's order would hold, the
 * limit on messages included. */
void
tract_ical_report_merge (TractIcalReport *self,
                         guint            since,
                         TractIcalReport *other)
{
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) theirs = NULL;
  guint i = 0, j = 0;

  g_return_if_fail (TRACT_IS_ICAL_REPORT (self));
  g_return_if_fail (TRACT_IS_ICAL_REPORT (other));
  g_return_if_fail (since <= self->messages->len);

  self->n_added += other->n_added;
  self->n_updated += other->n_updated;
  self->n_unchanged += other->n_unchanged;
  self->n_skipped += other->n_skipped;
  self->n_parse_errors += other->n_parse_errors;
  self->n_dropped_messages += other->n_dropped_messages;

  /* Taken out whole, then put back one by one: each message's strings
   * change hands once and are freed by whichever array holds them last. */
  mine = g_array_new (FALSE, FALSE, sizeof (Message));
  g_array_set_clear_func (mine, message_clear);
  if (self->messages->len > since)
    g_array_append_vals (mine, &g_array_index (self->messages, Message, since), self->messages->len - since);
  g_array_set_clear_func (self->messages, NULL);
  g_array_set_size (self->messages, since);
  g_array_set_clear_func (self->messages, message_clear);
  theirs = g_steal_pointer (&other->messages);
  other->messages = g_array_new (FALSE, TRUE, sizeof (Message));
  g_array_set_clear_func (other->messages, message_clear);

  while (i < mine->len || j < theirs->len)
    {
      gboolean take_theirs = j < theirs->len
        && (i == mine->len
            || g_array_index (theirs, Message, j).line <= g_array_index (mine, Message, i).line);
      Message *message = take_theirs ? &g_array_index (theirs, Message, j++) : &g_array_index (mine, Message, i++);

      if (self->messages->len < MAX_MESSAGES)
        {
          g_array_append_vals (self->messages, message, 1);
          memset (message, 0, sizeof *message);
        }
      else
        self->n_dropped_messages++;
    }
}

char *
tract_ical_report_to_text (TractIcalReport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (TRACT_IS_ICAL_REPORT (self), NULL);

  g_string_append_printf (text, _("%s: %'u added, %'u updated, %'u unchanged, %'u skipped."),
                          self->file_name != NULL ? self->file_name : _("Calendar"),
                          self->n_added, self->n_updated, self->n_unchanged, self->n_skipped);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->messages->len; i++)
    {
      Message *message = &g_array_index (self->messages, Message, i);
      const char *kind = message->kind == TRACT_ICAL_MESSAGE_SKIPPED ? _("skipped") : _("note");

      if (message->line > 0)
        /* TRANSLATORS: "line 12: skipped: The event has no start (DTSTART)." */
        g_string_append_printf (text, _("line %u: %s: %s"), message->line, kind, message->text);
      else
        g_string_append_printf (text, "%s: %s", kind, message->text);
      g_string_append_c (text, '\n');
    }
  if (self->n_dropped_messages > 0)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more message.",
                                                 "… and %u more messages.", self->n_dropped_messages),
                              self->n_dropped_messages);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
