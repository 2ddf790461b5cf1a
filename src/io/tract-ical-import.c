/* tract-ical-import.c — any .ics merged by UID into a campaign, all or nothing
 *
 * A 50 MB file must import in bounded memory, so the file is never parsed
 * whole: a line scanner cuts it into components and libical parses one
 * VEVENT at a time. The file is read twice: first for its VTIMEZONEs (an
 * event may name a zone defined further down) and its encoding, then for
 * the events, all inside one transaction of the store, so that a file that
 * fails or is cancelled leaves the database exactly as it was. During the
 * second reading, a thread of its own parses while the caller's thread
 * stores (see second_pass()).
 *
 * tract-ical-scanner.c reads the file and cuts it into components, and
 * tract-ical-import-event.c reads each event. The comments name the
 * import rules of ICALENDAR.md each choice answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-bulk.h"
#include "tract-event-query.h"
#include "tract-ical-import.h"
#include "tract-ical-import-private.h"
#include "tract-ical-private.h"
#include "tract-ical-scanner.h"
#include "tract-time.h"
#include "tract-validate.h"

#define MAX_VTIMEZONES    1000
#define MAX_OVERRIDES     100000  /* series, and changed occurrences, remembered by the first pass */

struct _TractIcalImporter
{
  GObject     parent_instance;

  TractStore *store;
  gint64      campaign_id;
  double      progress;
};

G_DEFINE_FINAL_TYPE (TractIcalImporter, tract_ical_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN_ID,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
import_clear (Import *import)
{
  g_clear_object (&import->store);
  g_clear_object (&import->source.file);
  g_clear_pointer (&import->source.bytes, g_bytes_unref);
  g_free (import->name);
  g_clear_object (&import->report);
  g_clear_pointer (&import->progress, tract_ical_progress_free);
  g_clear_object (&import->cancellable);
  g_clear_pointer (&import->vtimezones, g_hash_table_unref);
  g_clear_pointer (&import->overridden, g_hash_table_unref);
  g_clear_pointer (&import->series, g_hash_table_unref);
  g_free (import->default_zone);
  g_clear_pointer (&import->zones, g_hash_table_unref);
  g_clear_pointer (&import->gzones, g_hash_table_unref);
  g_clear_pointer (&import->stored_gzones, g_hash_table_unref);
  g_clear_pointer (&import->uids, g_hash_table_unref);
  g_clear_object (&import->notes);
  g_clear_error (&import->parse_error);
  g_clear_object (&import->fresh);
}

static void
apply (TractRecord *record,
       Incoming    *incoming,
       const char  *description)
{
  g_autofree char *start = tract_ical_import_format_local (&incoming->start);
  g_autofree char *end = tract_ical_import_format_local (&incoming->end);

  g_object_freeze_notify (G_OBJECT (record));
  tract_record_set_text (record, "title", incoming->title);
  tract_record_set_text (record, "kind", incoming->kind);
  tract_record_set_text (record, "status", incoming->status);
  tract_record_set_boolean (record, "all_day", incoming->start.all_day);
  tract_record_set_text (record, "start_local", start);
  tract_record_set_text (record, "end_local", end);
  tract_record_set_text (record, "time_zone", incoming->start.zone);
  tract_record_set_text (record, "rrule", incoming->rrule != NULL ? incoming->rrule : "");
  tract_record_set_text (record, "exdates", incoming->exdates != NULL ? incoming->exdates : "");
  tract_record_set_text (record, "location_name", incoming->location_name);
  tract_record_set_text (record, "address", incoming->address);
  tract_record_set_real (record, "latitude", incoming->latitude);
  tract_record_set_real (record, "longitude", incoming->longitude);
  tract_record_set_text (record, "description", description);
  tract_record_set_text (record, "url", incoming->url);
  g_object_thaw_notify (G_OBJECT (record));
}

/* An export appends the organizations to the description; when the file
 * comes back, that text is the event's own organizations, not new prose. */
static char *
description_without_organizations (TractStore  *store,
                                   gint64       event_id,
                                   const char  *description)
{
  g_autofree char *encoded = tract_event_dup_organizations (store, event_id);
  g_autofree char *named = tract_ical_format_organizations (encoded);
  gsize length, named_length;

  if (named == NULL)
    return g_strdup (description);
  if (g_str_equal (description, named))
    return g_strdup ("");
  length = strlen (description);
  named_length = strlen (named);
  if (length >= named_length + 2 && g_str_has_suffix (description, named)
      && strncmp (description + length - named_length - 2, "\n\n", 2) == 0)
    return g_strndup (description, length - named_length - 2);
  return g_strdup (description);
}

static gboolean
records_equal (TractRecord *a,
               TractRecord *b)
{
  guint n_columns;
  const TractColumn *columns = tract_record_get_columns (a, &n_columns);

  for (guint i = 0; i < n_columns; i++)
    if (!(columns[i].flags & TRACT_COLUMN_MANAGED) && !tract_record_column_equal (a, b, i))
      return FALSE;
  return TRUE;
}

/* @old as an export writes it: text without control characters, the
 * recurrence rule in libical's form. A file that only says the same thing
 * in that form is no change, and must not raise SEQUENCE. */
static TractRecord *
as_exported (Import      *import,
             TractRecord *old)
{
  static const char * const texts[] = { "title", "description", "location_name", "address" };
  TractRecord *copy = tract_record_copy (old);
  const char *rrule = tract_record_get_text (old, "rrule");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *clean = tract_ical_import_clean_text (tract_record_get_text (old, texts[i]));

      if (i == 0)
        g_strstrip (clean);
      tract_record_set_text (copy, texts[i], clean);
    }
  if (*rrule != '\0')
    {
      gboolean all_day = tract_record_get_boolean (old, "all_day");
      GTimeZone *zone = all_day ? NULL : tract_ical_import_get_gzone (import->stored_gzones,
                                                                      tract_record_get_text (old, "time_zone"));
      g_autofree char *written = tract_ical_export_rrule (rrule, all_day, zone);

      tract_record_set_text (copy, "rrule", written != NULL ? written : "");
    }
  return copy;
}

/* A write the store refused (the event is invalid, or its UID taken):
 * the report says why, and the import goes on (TRUE). Any other failure
 * is the database's: it is passed on, and the whole file aborts. */
static gboolean
skip_refused (Import    *import,
              Incoming  *incoming,
              guint      line,
              GError   **refusal,
              GError   **error)
{
  if ((*refusal)->domain == TRACT_STORE_ERROR
      && ((*refusal)->code == TRACT_STORE_ERROR_INVALID || (*refusal)->code == TRACT_STORE_ERROR_DUPLICATE))
    {
      tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_SKIPPED, line, incoming->uid,
                             _("“%s” was refused: %s"), incoming->title, (*refusal)->message);
      g_clear_error (refusal);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (refusal));
  return FALSE;
}

/* Import rule 7: a known UID updates that event. Returns FALSE only for a
 * failure that must abort the whole file (the database itself failing). */
static gboolean
store_incoming (Import    *import,
                Incoming  *incoming,
                guint      line,
                GError   **error)
{
  gint64 existing_id = tract_event_bulk_find_uid (import->bulk, incoming->uid, error);
  g_autoptr(TractEvent) existing = NULL;
  g_autoptr(TractRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  if (existing_id < 0)
    return FALSE;
  if (existing_id > 0)
    {
      existing = tract_store_load (import->store, TRACT_TYPE_EVENT, existing_id, error);
      if (existing == NULL)
        return FALSE;
    }

  if (existing != NULL)
    {
      TractRecord *old = TRACT_RECORD (existing);
      g_autofree char *description = NULL;

      if (tract_record_get_integer (old, "campaign_id") != import->campaign_id)
        {
          tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_SKIPPED, line, incoming->uid,
                                 _("“%s” is already in another campaign, as “%s”; move it there or "
                                   "import the file into that campaign."),
                                 incoming->title, tract_event_get_title (existing));
          return TRUE;
        }
      if (incoming->sequence < tract_event_get_sequence (existing))
        {
          tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_SKIPPED, line, incoming->uid,
                                 _("“%s” is older than the event in the database (SEQUENCE %lld in "
                                   "the file, %lld here)."),
                                 incoming->title, (long long) incoming->sequence,
                                 (long long) tract_event_get_sequence (existing));
          return TRUE;
        }
      record = tract_record_copy (old);
      description = description_without_organizations (import->store, tract_record_get_id (old),
                                                        incoming->description);
      apply (record, incoming, description);
      if (records_equal (record, old))
        {
          import->n_unchanged++;
          return TRUE;
        }
      {
        g_autoptr(TractRecord) exported = as_exported (import, old);

        if (records_equal (record, exported))
          {
            import->n_unchanged++;
            return TRUE;
          }
      }
      if (!tract_store_update (import->store, record, &local_error))
        goto refused;
      import->n_updated++;
    }
  else
    {
      /* One record for every new event: apply() sets each column the
       * file decides, and the insertion the others. */
      if (import->fresh == NULL)
        import->fresh = g_object_new (TRACT_TYPE_EVENT, "campaign_id", import->campaign_id, NULL);
      tract_record_set_text (import->fresh, "uid", incoming->uid);
      tract_record_set_integer (import->fresh, "sequence", incoming->sequence);
      apply (import->fresh, incoming, incoming->description);
      /* The calendar object's own stamps (RFC 5545 §3.8.7) travel with it. */
      if (!tract_event_bulk_insert (import->bulk, import->fresh, incoming->created, incoming->modified,
                                    &local_error))
        goto refused;
      import->n_added++;
      return TRUE;
    }

  return tract_event_restore_stamps (import->store, tract_record_get_id (record), incoming->sequence,
                                     NULL, incoming->modified, error);

refused:
  return skip_refused (import, incoming, line, &local_error, error);
}

/* @occurrence as @series writes its exceptions: its day for an all-day
 * series, its wall-clock time in the series' zone otherwise. */
static char *
exception_of_series (Import      *import,
                     TractRecord *series,
                     const When  *occurrence)
{
  const char *zone = tract_record_get_text (series, "time_zone");
  const char *start_local = tract_record_get_text (series, "start_local");
  gboolean all_day = tract_record_get_boolean (series, "all_day");
  When when = { 0 };

  if (occurrence->all_day)
    {
      when.year = occurrence->year;
      when.month = occurrence->month;
      when.day = occurrence->day;
      /* A day alone, for a timed series: its occurrence on that day. */
      if (!all_day)
        {
          int year, month, day, second;

          if (!tract_parse_local_time (start_local, &year, &month, &day, &when.hour, &when.minute, &second))
            when.hour = when.minute = 0;
        }
    }
  else
    {
      GTimeZone *series_zone = tract_ical_import_get_gzone (import->stored_gzones, zone);
      g_autoptr(GDateTime) local =
        g_date_time_new_from_unix_utc (occurrence->instant + tract_time_zone_offset (series_zone, occurrence->instant));

      if (local == NULL)
        return NULL;
      when.year = g_date_time_get_year (local);
      when.month = g_date_time_get_month (local);
      when.day = g_date_time_get_day_of_month (local);
      when.hour = g_date_time_get_hour (local);
      when.minute = g_date_time_get_minute (local);
      when.second = g_date_time_get_second (local);
    }
  when.all_day = all_day;
  return tract_ical_import_format_local (&when);
}

/* A changed or cancelled occurrence whose series is not in the file: the
 * campaign's series, if it has one, leaves that occurrence out. */
static gboolean
exclude_from_stored_series (Import    *import,
                            Incoming  *incoming,
                            guint      line,
                            GError   **error)
{
  gint64 id = tract_event_bulk_find_uid (import->bulk, incoming->series_uid, error);
  g_autoptr(TractEvent) series = NULL;
  g_autoptr(TractRecord) changed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *exception = NULL;
  g_auto(GStrv) exdates = NULL;

  if (id < 0)
    return FALSE;
  if (id > 0 && (series = tract_store_load (import->store, TRACT_TYPE_EVENT, id, error)) == NULL)
    return FALSE;
  if (series == NULL
      || tract_record_get_integer (TRACT_RECORD (series), "campaign_id") != import->campaign_id
      || *tract_record_get_text (TRACT_RECORD (series), "rrule") == '\0')
    {
      tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                             incoming->cancels_only
                               ? _("“%s” cancels one occurrence of a repeating event that is neither in this "
                                   "file nor in the campaign: nothing was changed.")
                               : _("“%s” changes one occurrence of a repeating event that is neither in this "
                                   "file nor in the campaign: it was imported as an event of its own."),
                             incoming->title);
      return TRUE;
    }

  exception = exception_of_series (import, TRACT_RECORD (series), &incoming->occurrence);
  exdates = g_strsplit (tract_record_get_text (TRACT_RECORD (series), "exdates"), ",", 0);
  if (exception == NULL || g_strv_contains ((const char * const *) exdates, exception)
      || g_strv_length (exdates) >= MAX_EXDATES)
    {
      if (incoming->cancels_only)
        import->n_unchanged++;
      return TRUE;
    }

  changed = tract_record_copy (TRACT_RECORD (series));
  {
    const char *old = tract_record_get_text (changed, "exdates");
    g_autofree char *joined = *old != '\0' ? g_strconcat (old, ",", exception, NULL) : g_strdup (exception);

    tract_record_set_text (changed, "exdates", joined);
  }
  if (!tract_store_update (import->store, changed, &local_error))
    return skip_refused (import, incoming, line, &local_error, error);
  tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_NOTE, line, incoming->uid,
                         incoming->cancels_only
                           ? _("“%s” cancels one occurrence of “%s”, a repeating event of the campaign: it was "
                               "left out of the series.")
                           : _("“%s” changes one occurrence of “%s”, a repeating event of the campaign: it was "
                               "imported as an event of its own, and left out of the series."),
                         incoming->title, tract_event_get_title (series));
  if (incoming->cancels_only)
    import->n_updated++;
  return TRUE;
}

static gboolean
store_event (Import    *import,
             Incoming  *incoming,
             guint      line,
             GError   **error)
{
  if (!incoming->cancels_only && !store_incoming (import, incoming, line, error))
    return FALSE;
  if (incoming->series_uid != NULL)
    return exclude_from_stored_series (import, incoming, line, error);
  return TRUE;
}

/* An event parsed, waiting to be stored. */
typedef struct
{
  guint    line;
  Incoming incoming;
} Parsed;

static void
parsed_clear (gpointer data)
{
  Parsed *parsed = data;

  tract_ical_incoming_clear (&parsed->incoming);
}

/* Parses the VEVENT @text into a new entry of @parsed (an array of
 * Parsed), or tells why it is skipped. */
static void
parse_event (Import     *import,
             const char *text,
             guint       line,
             GArray     *parsed)
{
  icalcomponent *root = icalparser_parse_string (text);
  icalcomponent *event = root;
  Parsed *entry;
  g_autofree char *reason = NULL;

  if (root != NULL && icalcomponent_isa (root) != ICAL_VEVENT_COMPONENT)
    event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
  if (event == NULL)
    {
      tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, line, NULL,
                             _("This event cannot be read at all."));
      goto out;
    }

  g_array_set_size (parsed, parsed->len + 1);
  entry = &g_array_index (parsed, Parsed, parsed->len - 1);
  entry->line = line;
  if (!tract_ical_read_event (import, event, line, &entry->incoming, &reason))
    {
      tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, line, entry->incoming.uid, "%s", reason);
      g_array_set_size (parsed, parsed->len - 1);
      goto out;
    }
  /* A cancelled occurrence is no event: its series' UID is not its own. */
  if (entry->incoming.cancels_only)
    {
      if (entry->incoming.series_uid == NULL && !g_hash_table_contains (import->series, entry->incoming.uid))
        tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, line, entry->incoming.uid,
                               _("“%s” cancels an occurrence whose time cannot be read (RECURRENCE-ID)."),
                               entry->incoming.title);
      if (entry->incoming.series_uid == NULL)
        g_array_set_size (parsed, parsed->len - 1);
      goto out;
    }

  {
    gpointer first_line = g_hash_table_lookup (import->uids, entry->incoming.uid);

    if (first_line != NULL)
      {
        tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, line, entry->incoming.uid,
                               _("“%s” has the same UID as the event at line %u; only the first "
                                 "was imported."), entry->incoming.title, GPOINTER_TO_UINT (first_line));
        g_array_set_size (parsed, parsed->len - 1);
        goto out;
      }
    g_hash_table_insert (import->uids, g_strdup (entry->incoming.uid), GUINT_TO_POINTER (line));
  }

out:
  /* GNOME Calendar leaks every parsed calendar; free what libical gave. */
  if (root != NULL)
    icalcomponent_free (root);
}

/* The passes */

static void
set_read_error (Import  *import,
                GError  *cause,
                GError **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_READ, _("Cannot read “%s”: %s."),
                 import->name, cause->message);
}

/* An event of the file's top level, as the first pass sees it go by:
 * its UID and RECURRENCE-ID lines, if it changes one occurrence of a
 * series. */
typedef struct
{
  guint     depth;          /* the scanner's depth inside it; 0 outside any event */
  char     *uid_line;
  char     *recurrence_id_line;
  gboolean  repeats;        /* it has an RRULE */
} EventLines;

static void
event_lines_clear (EventLines *lines)
{
  lines->depth = 0;
  lines->repeats = FALSE;
  g_clear_pointer (&lines->uid_line, g_free);
  g_clear_pointer (&lines->recurrence_id_line, g_free);
}

static gboolean
is_property_line (const char *line,
                  const char *name)
{
  gsize length = strlen (name);

  return g_ascii_strncasecmp (line, name, length) == 0 && (line[length] == ':' || line[length] == ';');
}

/* Remembers, of the event just read, what the other events of the file
 * need to know wherever they are: a series is in the file (its changed
 * occurrences need not look for it in the campaign), and which occurrence
 * of its series a changed occurrence replaces (read_recurrence() leaves it
 * out of the series). */
static void
remember_event (Import     *import,
                EventLines *lines)
{
  icalproperty *uid;
  GPtrArray *overrides;

  if (lines->uid_line == NULL || (lines->recurrence_id_line == NULL && !lines->repeats))
    return;
  if ((lines->recurrence_id_line != NULL ? import->n_overrides : g_hash_table_size (import->series)) >= MAX_OVERRIDES)
    return;
  uid = icalproperty_new_from_string (lines->uid_line);
  if (uid == NULL)
    return;
  if (icalproperty_isa (uid) == ICAL_UID_PROPERTY && icalproperty_get_uid (uid) != NULL)
    {
      g_autofree char *key = tract_ical_import_clean_text (icalproperty_get_uid (uid));

      if (lines->recurrence_id_line == NULL)
        g_hash_table_add (import->series, g_steal_pointer (&key));
      else
        {
          overrides = g_hash_table_lookup (import->overridden, key);
          if (overrides == NULL)
            {
              overrides = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (import->overridden, g_steal_pointer (&key), overrides);
            }
          g_ptr_array_add (overrides, g_steal_pointer (&lines->recurrence_id_line));
          import->n_overrides++;
        }
    }
  icalproperty_free (uid);
}

/* Follows @scanner's top-level events through @line, which it has just read. */
static void
follow_event (Import           *import,
              TractIcalScanner *scanner,
              EventLines       *lines,
              const char       *line)
{
  GPtrArray *stack = scanner->stack;

  if (lines->depth == 0)
    {
      if (stack->len > 0 && stack->len <= 2 && g_str_equal (stack->pdata[stack->len - 1], "VEVENT")
          && (stack->len == 1 || g_str_equal (stack->pdata[0], "VCALENDAR")))
        lines->depth = stack->len;
      return;
    }
  if (stack->len < lines->depth)
    {
      remember_event (import, lines);
      event_lines_clear (lines);
      return;
    }
  /* The event's own properties, not those of its alarms. */
  if (stack->len == lines->depth)
    {
      if (lines->uid_line == NULL && is_property_line (line, "UID"))
        lines->uid_line = g_strdup (line);
      else if (lines->recurrence_id_line == NULL && is_property_line (line, "RECURRENCE-ID"))
        lines->recurrence_id_line = g_strdup (line);
      else if (is_property_line (line, "RRULE"))
        lines->repeats = TRUE;
    }
}

static gboolean
first_pass (Import   *import,
            GError  **error)
{
  TractIcalReader reader;
  TractIcalScanner scanner;
  EventLines event_lines = { 0 };
  GString *line;
  guint line_number;
  gboolean ok = TRUE;

  if (!tract_ical_reader_open (&reader, &import->source, FALSE, import->cancellable, error))
    {
      g_autoptr(GError) cause = error != NULL ? g_steal_pointer (error) : NULL;

      if (cause != NULL)
        set_read_error (import, cause, error);
      return FALSE;
    }
  tract_ical_scanner_init (&scanner);

  while (tract_ical_reader_next_logical (&reader, import->cancellable, &line, &line_number))
    {
      TractIcalScan result = tract_ical_scanner_feed (&scanner, line->str, line->len, line_number, FALSE, NULL);

      follow_event (import, &scanner, &event_lines, line->str);
      if (result == TRACT_ICAL_SCAN_COMPLETE && scanner.capture_kind == TRACT_ICAL_CAPTURE_VTIMEZONE)
        {
          const char *text = scanner.capture->str;
          const char *tzid_line = NULL;

          /* Only the TZID is needed now; the zone is parsed if an event needs it. */
          for (const char *p = text; p != NULL && *p != '\0'; p = strstr (p, "\r\n"), p = p != NULL ? p + 2 : NULL)
            if (g_ascii_strncasecmp (p, "TZID", 4) == 0 && (p[4] == ':' || p[4] == ';'))
              {
                tzid_line = p;
                break;
              }
          if (tzid_line != NULL && g_hash_table_size (import->vtimezones) < MAX_VTIMEZONES)
            {
              const char *colon = strchr (tzid_line, ':');
              const char *eol = strstr (tzid_line, "\r\n");

              if (colon != NULL && eol != NULL && colon < eol)
                {
                  g_autofree char *tzid = g_strndup (colon + 1, eol - colon - 1);

                  g_strstrip (tzid);
                  if (*tzid != '\0' && !g_hash_table_contains (import->vtimezones, tzid))
                    g_hash_table_insert (import->vtimezones, g_steal_pointer (&tzid), g_strdup (text));
                }
            }
        }
      if (result == TRACT_ICAL_SCAN_COMPLETE || result == TRACT_ICAL_SCAN_UNFINISHED)
        scanner.capture_kind = TRACT_ICAL_CAPTURE_NONE;

      /* A calendar's X-WR-TIMEZONE (Google) is the zone of its floating times. */
      if (scanner.stack->len == 1 && g_ascii_strncasecmp (line->str, "X-WR-TIMEZONE:", 14) == 0)
        {
          g_autofree char *zone = g_strstrip (g_strdup (line->str + 14));

          if (tract_validate_time_zone (zone))
            {
              g_free (import->default_zone);
              import->default_zone = g_steal_pointer (&zone);
            }
        }
      if (reader.offset % (1 << 20) < line->len + 2 && import->progress != NULL && import->total_bytes > 0)
        tract_ical_progress_set (import->progress, 0.1 * (double) reader.offset / (double) import->total_bytes);
      if (g_cancellable_is_cancelled (import->cancellable))
        break;
    }

  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    ok = FALSE;
  else if (reader.error != NULL)
    {
      set_read_error (import, reader.error, error);
      ok = FALSE;
    }
  else if (!scanner.seen_calendar && !scanner.seen_event && scanner.first_other != NULL)
    {
      g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_NOT_ICALENDAR,
                   _("“%s” holds a %s and no calendar or event (VCALENDAR, VEVENT); nothing was "
                     "imported."), import->name, scanner.first_other);
      ok = FALSE;
    }
  else if (!scanner.seen_calendar && !scanner.seen_event)
    {
      g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_NOT_ICALENDAR,
                   _("“%s” is not an iCalendar file: it has no BEGIN:VCALENDAR or BEGIN:VEVENT line. "
                     "Choose an .ics file exported by a calendar."), import->name);
      ok = FALSE;
    }
  else
    {
      import->latin1 = reader.invalid_utf8;
      import->total_bytes = MAX (import->total_bytes, reader.offset);
      /* Import rule 1: libical would take Latin-1 silently; say what was done. */
      if (import->latin1)
        tract_ical_report_add (import->report, TRACT_ICAL_MESSAGE_NOTE, reader.first_invalid_line, NULL,
                               _("“%s” is not in UTF-8 (line %u); it was read as Latin-1 "
                                 "(Windows-1252): check accented letters."),
                               import->name, reader.first_invalid_line);
    }

  tract_ical_reader_clear (&reader);
  tract_ical_scanner_clear (&scanner);
  event_lines_clear (&event_lines);
  return ok;
}

/* The second pass is two threads: one reads the file and parses its
 * events with libical, the import's own thread stores them, and each
 * waits only when the other is a whole queue behind. The parsing thread
 * writes its messages to a report of its own, merged in the file's order
 * at the end; the two share only the queues and what the first pass read.
 *
 * Storing costs less than parsing, and the storing thread would wait for
 * events about a third of the time, then index them all alone at the
 * end while the parser's core idles (100,000 events: 0.7 s for the
 * search index, 0.3 s for the agenda). Whenever it finds the queue empty,
 * it indexes what it has written instead (tract_event_bulk_index_written),
 * INDEX_CHUNK events at least, so that the end has little left to do. */

/* Events handed over at a time, and batches under way: enough for the
 * parser to go on while a chunk is indexed (a few dozen milliseconds),
 * few enough to keep memory flat on a 50 MB file. */
#define PARSED_BATCH 64
#define N_BATCHES    64

/* The fewest events indexed at a time. Each chunk ends as a segment of its
 * own in the search index, which FTS5 merges as it goes: chunks much
 * smaller than this make the merging cost more than the time they save. */
#define INDEX_CHUNK  4096

typedef struct
{
  GArray  *events;  /* of Parsed */
  guint64  offset;  /* bytes of the file read when it was handed over */
  gboolean last;    /* the parsing thread's final batch */
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->events = g_array_sized_new (FALSE, TRUE, sizeof (Parsed), PARSED_BATCH);
  g_array_set_clear_func (batch->events, parsed_clear);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_array_unref (batch->events);
  g_free (batch);
}

/* A batch to fill. The events of a batch that comes back are freed here:
 * they were allocated in this thread, and glibc's malloc frees another
 * thread's memory under that thread's lock, which both threads would then
 * fight over (a third more CPU time for the import). */
static Batch *
next_batch (Import *import)
{
  Batch *batch = g_async_queue_pop (import->free_batches);

  g_array_set_size (batch->events, 0);
  return batch;
}

static gpointer
parse_file (gpointer data)
{
  Import *import = data;
  Batch *batch = next_batch (import);
  TractIcalReader reader;
  TractIcalScanner scanner;
  GString *line;
  guint line_number;
  gboolean stopped = FALSE;
  g_autoptr(GError) cause = NULL;

  if (!tract_ical_reader_open (&reader, &import->source, import->latin1, import->cancellable, &cause))
    {
      /* g_file_read() always says why. */
      set_read_error (import, cause, &import->parse_error);
      batch->last = TRUE;
      g_async_queue_push (import->parsed_batches, batch);
      return NULL;
    }
  tract_ical_scanner_init (&scanner);

  while (!stopped && tract_ical_reader_next_logical (&reader, import->cancellable, &line, &line_number))
    {
      g_autofree char *other = NULL;
      TractIcalScan result = tract_ical_scanner_feed (&scanner, line->str, line->len, line_number, TRUE, &other);

      switch (result)
        {
        case TRACT_ICAL_SCAN_COMPLETE:
          if (scanner.capture_too_big)
            tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, scanner.capture_line, NULL,
                                   _("This event is larger than 16 MB; it was not imported."));
          else
            parse_event (import, scanner.capture->str, scanner.capture_line, batch->events);
          scanner.capture_kind = TRACT_ICAL_CAPTURE_NONE;
          if (batch->events->len == PARSED_BATCH)
            {
              batch->offset = reader.offset;
              g_async_queue_push (import->parsed_batches, batch);
              batch = next_batch (import);
            }
          stopped = g_atomic_int_get (&import->stop_parsing) || g_cancellable_is_cancelled (import->cancellable);
          break;
        case TRACT_ICAL_SCAN_UNFINISHED:
          tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, scanner.capture_line, NULL,
                                 _("This event is not closed (END:VEVENT is missing)."));
          scanner.capture_kind = TRACT_ICAL_CAPTURE_NONE;
          break;
        case TRACT_ICAL_SCAN_OTHER_BEGINS:
          if (g_str_equal (other, "VTODO") || g_str_equal (other, "VJOURNAL")
              || g_str_equal (other, "VFREEBUSY") || g_str_equal (other, "VAVAILABILITY"))
            tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, line_number, NULL,
                                   _("A %s is not an event; Tract imports events (VEVENT) only."), other);
          break;
        case TRACT_ICAL_SCAN_NOTHING:
        default:
          break;
        }
    }

  if (!stopped && scanner.capture_kind == TRACT_ICAL_CAPTURE_VEVENT)
    tract_ical_report_add (import->notes, TRACT_ICAL_MESSAGE_SKIPPED, scanner.capture_line, NULL,
                           _("The file ends inside this event (END:VEVENT is missing)."));
  if (!g_cancellable_set_error_if_cancelled (import->cancellable, &import->parse_error)
      && !stopped && reader.error != NULL)
    set_read_error (import, reader.error, &import->parse_error);

  batch->offset = reader.offset;
  tract_ical_reader_clear (&reader);
  tract_ical_scanner_clear (&scanner);
  batch->last = TRUE;
  g_async_queue_push (import->parsed_batches, batch);
  return NULL;
}

/* The events are indexed in a few steps that take seconds for a large
 * file: the bar goes on moving through them. */
static void
indexing_step_done (guint    n_done,
                    guint    n_steps,
                    gpointer user_data)
{
  Import *import = user_data;

  if (import->progress != NULL)
    tract_ical_progress_set (import->progress, 0.9 + 0.05 * (double) n_done / (double) n_steps);
}

static gboolean
second_pass (TractStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Import *import = user_data;
  guint n_messages_before = tract_ical_report_get_n_messages (import->report);
  GThread *parser;
  gboolean ok = TRUE;
  gboolean last = FALSE;

  /* The search index and the agenda are brought up to date once, at the end. */
  import->bulk = tract_event_bulk_begin (store, error);
  if (import->bulk == NULL)
    return FALSE;

  import->notes = tract_ical_report_new (import->name);
  import->parsed_batches = g_async_queue_new_full (batch_free);
  import->free_batches = g_async_queue_new_full (batch_free);
  import->stop_parsing = FALSE;
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (import->free_batches, batch_new ());
  parser = g_thread_new ("tract-ical-parse", parse_file, import);

  /* After a failure, batches are still taken, and dropped, until the
   * last: the parsing thread may be waiting for one to fill. */
  while (!last)
    {
      Batch *batch = g_async_queue_pop (import->parsed_batches);

      for (guint i = 0; ok && i < batch->events->len; i++)
        {
          Parsed *parsed = &g_array_index (batch->events, Parsed, i);

          ok = store_event (import, &parsed->incoming, parsed->line, error)
               && !g_cancellable_is_cancelled (import->cancellable);
        }
      /* The parser is behind: index what is written meanwhile. */
      if (ok && !batch->last && g_async_queue_length (import->parsed_batches) <= 0)
        ok = tract_event_bulk_index_written (import->bulk, INDEX_CHUNK, error) >= 0;
      if (!ok)
        g_atomic_int_set (&import->stop_parsing, TRUE);
      /* Told from this thread, the caller's: a synchronous import's
       * progress is notified where it was called. */
      else if (import->progress != NULL && import->total_bytes > 0)
        tract_ical_progress_set (import->progress,
                                 0.1 + 0.8 * (double) batch->offset / (double) import->total_bytes);
      last = batch->last;
      if (last)
        batch_free (batch);
      else
        g_async_queue_push (import->free_batches, batch);
    }
  g_thread_join (parser);
  g_clear_pointer (&import->parsed_batches, g_async_queue_unref);
  g_clear_pointer (&import->free_batches, g_async_queue_unref);
  tract_ical_report_merge (import->report, n_messages_before, import->notes);

  if (g_cancellable_is_cancelled (import->cancellable))
    {
      if (error != NULL && *error == NULL)
        g_cancellable_set_error_if_cancelled (import->cancellable, error);
      ok = FALSE;
    }
  else if (ok && import->parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&import->parse_error));
      ok = FALSE;
    }

  if (ok)
    ok = tract_event_bulk_end (g_steal_pointer (&import->bulk), import->cancellable,
                               indexing_step_done, import, error);
  else
    g_clear_pointer (&import->bulk, tract_event_bulk_abandon);
  if (ok && import->progress != NULL)
    tract_ical_progress_set (import->progress, 0.95);
  return ok;
}

static TractIcalReport *
run_import (Import   *import,
            GError  **error)
{
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(GError) local_error = NULL;

  campaign = tract_store_load (import->store, TRACT_TYPE_CAMPAIGN, import->campaign_id, &local_error);
  if (campaign == NULL)
    {
      g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID,
                   _("Cannot import “%s”: choose the campaign to import into first (%s)."),
                   import->name, local_error->message);
      return NULL;
    }
  import->default_zone = g_strdup (tract_record_get_text (TRACT_RECORD (campaign), "time_zone"));
  if (!tract_validate_time_zone (import->default_zone))
    {
      g_free (import->default_zone);
      import->default_zone = g_strdup ("UTC");
    }

  import->report = tract_ical_report_new (import->name);
  import->vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  import->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tract_ical_import_zone_free);
  import->gzones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  import->stored_gzones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_time_zone_unref);
  import->uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (import->source.bytes != NULL)
    import->total_bytes = g_bytes_get_size (import->source.bytes);
  else
    {
      g_autoptr(GFileInfo) info = g_file_query_info (import->source.file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, import->cancellable, NULL);

      import->total_bytes = info != NULL ? (guint64) g_file_info_get_size (info) : 0;
    }

  if (!first_pass (import, error))
    return NULL;

  /* Import rule 7: one transaction for the whole file. */
  if (!tract_store_run (import->store, second_pass, import, error))
    return NULL;
  /* New rows were written without announcing each one. */
  if (import->n_added > 0)
    tract_store_notify_table_reset (import->store, "event");

  tract_ical_report_count (import->report, import->n_added, import->n_updated, import->n_unchanged);
  if (import->progress != NULL)
    tract_ical_progress_set (import->progress, 1.0);
  return g_steal_pointer (&import->report);
}

/* The object */

static void
tract_ical_importer_finalize (GObject *object)
{
  TractIcalImporter *self = TRACT_ICAL_IMPORTER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tract_ical_importer_parent_class)->finalize (object);
}

static void
tract_ical_importer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TractIcalImporter *self = TRACT_ICAL_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->campaign_id);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_ical_importer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TractIcalImporter *self = TRACT_ICAL_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CAMPAIGN_ID:
      self->campaign_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_ical_importer_class_init (TractIcalImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tract_ical_importer_finalize;
  object_class->get_property = tract_ical_importer_get_property;
  object_class->set_property = tract_ical_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_ical_importer_init (TractIcalImporter *self)
{
}

TractIcalImporter *
tract_ical_importer_new (TractStore *store,
                         gint64      campaign_id)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  return g_object_new (TRACT_TYPE_ICAL_IMPORTER, "store", store, "campaign-id", campaign_id, NULL);
}

double
tract_ical_importer_get_progress (TractIcalImporter *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_IMPORTER (self), 0.0);
  return self->progress;
}

static void
import_init (Import            *import,
             TractIcalImporter *self,
             TractStore        *store,
             GMainContext      *context,
             GCancellable      *cancellable)
{
  memset (import, 0, sizeof *import);
  import->store = g_object_ref (store);
  import->campaign_id = self->campaign_id;
  import->progress = tract_ical_progress_new (G_OBJECT (self), properties[PROP_PROGRESS], &self->progress,
                                              context);
  import->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
}

TractIcalReport *
tract_ical_importer_import_file (TractIcalImporter  *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  Import import;
  TractIcalReport *report;

  g_return_val_if_fail (TRACT_IS_ICAL_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import_init (&import, self, self->store, NULL, cancellable);
  import.source.file = g_object_ref (file);
  import.name = g_file_get_parse_name (file);
  report = run_import (&import, error);
  import_clear (&import);
  return report;
}

TractIcalReport *
tract_ical_importer_import_bytes (TractIcalImporter  *self,
                                  GBytes             *bytes,
                                  const char         *name,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  Import import;
  TractIcalReport *report;

  g_return_val_if_fail (TRACT_IS_ICAL_IMPORTER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  import_init (&import, self, self->store, NULL, cancellable);
  import.source.bytes = g_bytes_ref (bytes);
  import.name = g_strdup (name != NULL ? name : _("the calendar"));
  report = run_import (&import, error);
  import_clear (&import);
  return report;
}

typedef struct
{
  char              *database_path;
  gint64             campaign_id;
  GFile             *file;
  GMainContext      *context;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database_path);
  g_object_unref (job->file);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TractIcalImporter *self = source_object;
  ImportJob *job = task_data;
  g_autoptr(TractStore) store = NULL;
  GError *error = NULL;
  TractIcalReport *report = NULL;
  Import import;

  /* A connection of its own: SQLite connections are not shared across
   * threads, and WAL lets the window keep reading meanwhile. */
  store = tract_store_open (job->database_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  import_init (&import, self, store, job->context, cancellable);
  import.campaign_id = job->campaign_id;
  import.source.file = g_object_ref (job->file);
  import.name = g_file_get_parse_name (job->file);
  report = run_import (&import, &error);
  import_clear (&import);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static void
import_file_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TractIcalImporter *self = TRACT_ICAL_IMPORTER (source_object);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  TractIcalReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* The thread's connection changed the tables behind the main one's back. */
  tract_store_notify_table_reset (self->store, "event");
  g_task_return_pointer (outer, report, g_object_unref);
}

void
tract_ical_importer_import_file_async (TractIcalImporter  *self,
                                       GFile              *file,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportJob *job;

  g_return_if_fail (TRACT_IS_ICAL_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->database_path = g_strdup (tract_store_get_path (self->store));
  job->campaign_id = self->campaign_id;
  job->file = g_object_ref (file);
  job->context = g_main_context_ref_thread_default ();

  self->progress = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);

  /* The thread says what happened: a Cancel that comes after the commit
   * must not report the imported events as not imported. */
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tract_ical_importer_import_file_async);
  g_task_set_check_cancellable (outer, FALSE);

  inner = g_task_new (self, cancellable, import_file_done, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, import_file_thread);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (inner, import_file_thread);
}

TractIcalReport *
tract_ical_importer_import_file_finish (TractIcalImporter  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (TRACT_IS_ICAL_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tract_ical_importer_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
