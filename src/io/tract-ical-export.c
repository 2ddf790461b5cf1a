/* tract-ical-export.c — a campaign, a date range or a selection as one VCALENDAR
 *
 * The calendar is written event by event to a stream, never held whole in
 * memory, following every export rule of ICALENDAR.md; the comments name
 * the rule each choice answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-event-query.h"
#include "tract-ical-export.h"
#include "tract-ical-private.h"
#include "tract-time.h"
#include "tract-validate.h"

typedef struct
{
  gint64  campaign_id;
  char   *from;
  char   *to;
  GArray *ids;            /* gint64, NULL for no selection */
  char   *calendar_name;
  char   *database_path;  /* for a job in a thread */
} Settings;

static void
settings_free (Settings *settings)
{
  g_free (settings->from);
  g_free (settings->to);
  g_clear_pointer (&settings->ids, g_array_unref);
  g_free (settings->calendar_name);
  g_free (settings->database_path);
  g_free (settings);
}

static Settings *
settings_copy (const Settings *settings)
{
  Settings *copy = g_new0 (Settings, 1);

  copy->campaign_id = settings->campaign_id;
  copy->from = g_strdup (settings->from);
  copy->to = g_strdup (settings->to);
  copy->ids = settings->ids != NULL ? g_array_ref (settings->ids) : NULL;
  copy->calendar_name = g_strdup (settings->calendar_name);
  copy->database_path = g_strdup (settings->database_path);
  return copy;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Settings, settings_free)

struct _TractIcalExporter
{
  GObject     parent_instance;

  TractStore *store;
  Settings    settings;
  double      progress;
  guint       n_events;
};

G_DEFINE_FINAL_TYPE (TractIcalExporter, tract_ical_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tract_ical_exporter_finalize (GObject *object)
{
  TractIcalExporter *self = TRACT_ICAL_EXPORTER (object);

  g_clear_object (&self->store);
  g_free (self->settings.from);
  g_free (self->settings.to);
  g_clear_pointer (&self->settings.ids, g_array_unref);
  g_free (self->settings.calendar_name);
  g_free (self->settings.database_path);

  G_OBJECT_CLASS (tract_ical_exporter_parent_class)->finalize (object);
}

static void
tract_ical_exporter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TractIcalExporter *self = TRACT_ICAL_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_ical_exporter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TractIcalExporter *self = TRACT_ICAL_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_ical_exporter_class_init (TractIcalExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tract_ical_exporter_finalize;
  object_class->get_property = tract_ical_exporter_get_property;
  object_class->set_property = tract_ical_exporter_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_ical_exporter_init (TractIcalExporter *self)
{
}

TractIcalExporter *
tract_ical_exporter_new (TractStore *store)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  return g_object_new (TRACT_TYPE_ICAL_EXPORTER, "store", store, NULL);
}

void
tract_ical_exporter_set_campaign (TractIcalExporter *self,
                                  gint64             campaign_id)
{
  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (self));
  self->settings.campaign_id = campaign_id;
}

void
tract_ical_exporter_set_range (TractIcalExporter *self,
                               const char        *from,
                               const char        *to)
{
  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (self));
  g_free (self->settings.from);
  g_free (self->settings.to);
  self->settings.from = g_strdup (from);
  self->settings.to = g_strdup (to);
}

void
tract_ical_exporter_set_events (TractIcalExporter *self,
                                const gint64      *ids,
                                guint              n_ids)
{
  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (self));
  g_clear_pointer (&self->settings.ids, g_array_unref);
  if (ids != NULL)
    {
      self->settings.ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (self->settings.ids, ids, n_ids);
    }
}

void
tract_ical_exporter_set_calendar_name (TractIcalExporter *self,
                                       const char        *name)
{
  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (self));
  g_free (self->settings.calendar_name);
  self->settings.calendar_name = g_strdup (name);
}

double
tract_ical_exporter_get_progress (TractIcalExporter *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_EXPORTER (self), 0.0);
  return self->progress;
}

guint
tract_ical_exporter_get_n_events (TractIcalExporter *self)
{
  g_return_val_if_fail (TRACT_IS_ICAL_EXPORTER (self), 0);
  return self->n_events;
}

/* Values */

/* "2021-03-20T14:00[:SS]" or "2021-03-20 14:00" → "20210320T140000". */
static gboolean
local_to_basic (const char *local,
                char        out[16])
{
  gsize length = strlen (local);

  if ((length != 16 && length != 19) || local[4] != '-' || local[7] != '-'
      || (local[10] != 'T' && local[10] != ' ') || local[13] != ':')
    return FALSE;
  memcpy (out, local, 4);
  memcpy (out + 4, local + 5, 2);
  memcpy (out + 6, local + 8, 2);
  out[8] = 'T';
  memcpy (out + 9, local + 11, 2);
  memcpy (out + 11, local + 14, 2);
  if (length == 19)
    memcpy (out + 13, local + 17, 2);
  else
    memcpy (out + 13, "00", 2);
  out[15] = '\0';
  for (int i = 0; i < 15; i++)
    if (i != 8 && !g_ascii_isdigit (out[i]))
      return FALSE;
  return TRUE;
}

/* "2021-05-30" → "20210530", or the day after it. */
static gboolean
date_to_basic (const char *date,
               int         add_days,
               char        out[9])
{
  if (strlen (date) < 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  if (add_days == 0)
    {
      memcpy (out, date, 4);
      memcpy (out + 4, date + 5, 2);
      memcpy (out + 6, date + 8, 2);
      out[8] = '\0';
      return TRUE;
    }
  else
    {
      char day[11];
      g_autoptr(GDate) parsed = NULL;

      memcpy (day, date, 10);
      day[10] = '\0';
      parsed = tract_parse_date (day);
      if (parsed == NULL)
        return FALSE;
      g_date_add_days (parsed, (guint) add_days);
      g_snprintf (out, 9, "%04d%02d%02d", g_date_get_year (parsed), g_date_get_month (parsed),
                  g_date_get_day (parsed));
      return TRUE;
    }
}

static void
utc_to_basic (gint64 utc,
              char   out[17])
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (utc);

  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  g_snprintf (out, 17, "%04d%02d%02dT%02d%02d%02dZ",
              g_date_time_get_year (time), g_date_time_get_month (time),
              g_date_time_get_day_of_month (time), g_date_time_get_hour (time),
              g_date_time_get_minute (time), g_date_time_get_second (time));
}

/* "YYYYMMDDTHHMMSS" in @zone → the instant. */
static gint64
basic_local_to_utc (GTimeZone  *zone,
                    const char *basic)
{
  int year, month, day, hour = 0, minute = 0, second = 0;
  gint64 utc = 0;

  if (sscanf (basic, "%4d%2d%2dT%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) < 3)
    return 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return 0;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  /* A time in a gap or an overlap takes the offset before the change,
   * as RFC 5545 §3.3.5 says. */
  tract_time_local_to_utc (zone, year, month, day, hour, minute, MIN (second, 59), &utc);
  return utc;
}

/* "2021-03-20T14:00:00Z" → "20210320T140000Z" */
static void
write_stamp (TractIcalWriter *writer,
             const char      *name,
             const char      *stamp)
{
  char basic[32];
  gsize n = 0;

  for (const char *p = stamp; *p != '\0' && n < sizeof basic - 1; p++)
    if (*p != '-' && *p != ':')
      basic[n++] = *p;
  basic[n] = '\0';
  if (n != 16 || basic[8] != 'T' || basic[15] != 'Z')
    return;
  tract_ical_writer_line (writer, name, basic);
}

typedef struct
{
  TractIcalWriter  writer;
  char             dtstamp[17];
  GHashTable      *zones;      /* name → GTimeZone, for the zones given a VTIMEZONE */
} Export;

static GTimeZone *
event_zone (Export     *export,
            const char *name)
{
  return g_hash_table_lookup (export->zones, name);
}

/* RFC 5545 §3.3.10: UNTIL is a DATE when DTSTART is, and in UTC when
 * DTSTART has a TZID (ICALENDAR.md, export rule 13). The rule is then
 * written as libical writes it (its order of parts), so that a rule read
 * back and written again is the same text. NULL for a rule libical cannot
 * read, which would only come back as an X-LIC-ERROR. */
char *
tract_ical_export_rrule (const char *rrule,
                         gboolean    all_day,
                         GTimeZone  *zone)
{
  g_auto(GStrv) parts = g_strsplit (g_str_has_prefix (rrule, "RRULE:") ? rrule + 6 : rrule, ";", 0);
  g_autoptr(GString) value = g_string_new (NULL);
  struct icalrecurrencetype recur;
  char *normalized;
  char *result;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (*part == '\0')
        continue;
      if (value->len > 0)
        g_string_append_c (value, ';');

      if (g_ascii_strncasecmp (part, "UNTIL=", 6) == 0)
        {
          const char *until = part + 6;
          gsize length = strlen (until);
          gboolean is_utc = length > 0 && (until[length - 1] == 'Z' || until[length - 1] == 'z');
          gboolean has_time = strchr (until, 'T') != NULL || strchr (until, 't') != NULL;
          char out[17];

          if (all_day)
            {
              int year, month, day, hour, minute, second;
              g_autoptr(GDateTime) utc = NULL;

              if (has_time && is_utc && zone != NULL
                  && sscanf (until, "%4d%2d%2dT%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) == 6
                  && (utc = g_date_time_new_utc (year, month, day, hour, minute, second)) != NULL)
                {
                  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

                  g_snprintf (out, 9, "%04d%02d%02d", g_date_time_get_year (local),
                              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
                }
              else
                g_strlcpy (out, until, 9);
            }
          else if (is_utc || zone == NULL)
            g_strlcpy (out, until, sizeof out);
          else
            {
              char local[16];

              if (has_time)
                g_strlcpy (local, until, sizeof local);
              else
                g_snprintf (local, sizeof local, "%.8sT235959", until);
              utc_to_basic (basic_local_to_utc (zone, local), out);
            }
          g_string_append (value, "UNTIL=");
          g_string_append (value, out);
        }
      else
        g_string_append (value, part);
    }

  recur = icalrecurrencetype_from_string (value->str);
  icalerror_clear_errno ();
  if (recur.freq == ICAL_NO_RECURRENCE)
    {
      free (recur.rscale);
      return NULL;
    }
  normalized = icalrecurrencetype_as_string_r (&recur);
  /* libical 3.0 gives the caller RSCALE's string, and no function to free it. */
  free (recur.rscale);
  result = g_strdup (normalized);
  free (normalized);
  return result;
}

static void
write_rrule (Export     *export,
             const char *rrule,
             gboolean    all_day,
             GTimeZone  *zone)
{
  g_autofree char *value = tract_ical_export_rrule (rrule, all_day, zone);

  if (value != NULL)
    tract_ical_writer_line (&export->writer, "RRULE", value);
}

/* EXDATE takes the value type and the zone of DTSTART (export rule 13). */
static void
write_exdates (Export     *export,
               const char *exdates,
               gboolean    all_day,
               const char *zone_name,
               GTimeZone  *zone,
               const char *start_basic)
{
  TractIcalWriter *writer = &export->writer;
  g_auto(GStrv) items = g_strsplit (exdates, ",", 0);
  gboolean first = TRUE;

  tract_ical_writer_begin (writer, "EXDATE");
  if (all_day)
    tract_ical_writer_raw (writer, ";VALUE=DATE", -1);
  else if (zone != NULL)
    tract_ical_writer_param (writer, "TZID", zone_name);
  tract_ical_writer_raw (writer, ":", 1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      char out[17];

      if (all_day)
        {
          if (!date_to_basic (item, 0, out))
            continue;
        }
      else
        {
          char local[16];

          if (strlen (item) == 10)
            {
              /* A day alone: the occurrence that starts on it. */
              if (!date_to_basic (item, 0, local))
                continue;
              g_strlcpy (local + 8, start_basic + 8, sizeof local - 8);
            }
          else if (!local_to_basic (item, local))
            continue;

          if (zone != NULL)
            g_strlcpy (out, local, sizeof out);
          else
            {
              g_autoptr(GTimeZone) own = g_time_zone_new_identifier (zone_name);

              if (own == NULL)
                own = g_time_zone_new_utc ();
              utc_to_basic (basic_local_to_utc (own, local), out);
            }
        }
      if (!first)
        tract_ical_writer_raw (writer, ",", 1);
      tract_ical_writer_raw (writer, out, -1);
      first = FALSE;
    }
  if (first)
    {
      /* Nothing valid: drop the half-written line. */
      g_string_truncate (writer->buffer, writer->line_start);
      return;
    }
  tract_ical_writer_end (writer);
}

static void
write_geo (TractIcalWriter *writer,
           double           latitude,
           double           longitude)
{
  char lat[G_ASCII_DTOSTR_BUF_SIZE];
  char lon[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (latitude) || isnan (longitude))
    return;
  g_ascii_formatd (lat, sizeof lat, "%.6f", latitude);
  g_ascii_formatd (lon, sizeof lon, "%.6f", longitude);
  /* Trailing zeros say nothing. */
  for (char *number = lat; number != NULL; number = number == lat ? lon : NULL)
    {
      gsize length = strlen (number);

      while (length > 0 && number[length - 1] == '0')
        number[--length] = '\0';
      if (length > 0 && number[length - 1] == '.')
        number[--length] = '\0';
    }
  /* GEO is "latitude;longitude", a semicolon between (export rule 15). */
  tract_ical_writer_begin (writer, "GEO:");
  tract_ical_writer_raw (writer, lat, -1);
  tract_ical_writer_raw (writer, ";", 1);
  tract_ical_writer_raw (writer, lon, -1);
  tract_ical_writer_end (writer);
}

static void
write_event (Export          *export,
             TractEventQuery *query)
{
  TractIcalWriter *writer = &export->writer;
  gboolean all_day = tract_event_query_get_integer (query, TRACT_EVENT_FIELD_ALL_DAY) != 0;
  const char *zone_name = tract_event_query_get_text (query, TRACT_EVENT_FIELD_TIME_ZONE);
  const char *start_local = tract_event_query_get_text (query, TRACT_EVENT_FIELD_START_LOCAL);
  const char *end_local = tract_event_query_get_text (query, TRACT_EVENT_FIELD_END_LOCAL);
  const char *status = tract_event_query_get_text (query, TRACT_EVENT_FIELD_STATUS);
  const char *category = tract_ical_kind_to_category (tract_event_query_get_text (query, TRACT_EVENT_FIELD_KIND));
  const char *rrule = tract_event_query_get_text (query, TRACT_EVENT_FIELD_RRULE);
  const char *exdates = tract_event_query_get_text (query, TRACT_EVENT_FIELD_EXDATES);
  const char *name = tract_event_query_get_text (query, TRACT_EVENT_FIELD_LOCATION_NAME);
  const char *address = tract_event_query_get_text (query, TRACT_EVENT_FIELD_ADDRESS);
  const char *url = tract_event_query_get_text (query, TRACT_EVENT_FIELD_URL);
  const char *description = tract_event_query_get_text (query, TRACT_EVENT_FIELD_DESCRIPTION);
  const char *organizations = tract_event_query_get_text (query, TRACT_EVENT_FIELD_ORGANIZATIONS);
  GTimeZone *zone = all_day ? NULL : event_zone (export, zone_name);
  char start_basic[17] = "";
  char end_basic[17] = "";
  char number[32];

  tract_ical_writer_line (writer, "BEGIN", "VEVENT");
  tract_ical_writer_text_line (writer, "UID", tract_event_query_get_text (query, TRACT_EVENT_FIELD_UID));
  tract_ical_writer_line (writer, "DTSTAMP", export->dtstamp);

  /* Export rule 9: all-day events are DATEs, DTEND the day after the last
   * one; rule 10: other times carry their IANA zone, never floating. Times
   * whose zone libical cannot describe are written in UTC. */
  if (all_day)
    {
      if (!date_to_basic (start_local, 0, start_basic) || !date_to_basic (end_local, 1, end_basic))
        {
          g_strlcpy (start_basic, "19700101", sizeof start_basic);
          g_strlcpy (end_basic, "19700102", sizeof end_basic);
        }
      tract_ical_writer_line (writer, "DTSTART;VALUE=DATE", start_basic);
      tract_ical_writer_line (writer, "DTEND;VALUE=DATE", end_basic);
    }
  else if (zone != NULL && local_to_basic (start_local, start_basic) && local_to_basic (end_local, end_basic))
    {
      tract_ical_writer_begin (writer, "DTSTART");
      tract_ical_writer_param (writer, "TZID", zone_name);
      tract_ical_writer_raw (writer, ":", 1);
      tract_ical_writer_raw (writer, start_basic, 15);
      tract_ical_writer_end (writer);
      tract_ical_writer_begin (writer, "DTEND");
      tract_ical_writer_param (writer, "TZID", zone_name);
      tract_ical_writer_raw (writer, ":", 1);
      tract_ical_writer_raw (writer, end_basic, 15);
      tract_ical_writer_end (writer);
    }
  else
    {
      zone = NULL;
      utc_to_basic (tract_event_query_get_integer (query, TRACT_EVENT_FIELD_START_UTC), start_basic);
      utc_to_basic (tract_event_query_get_integer (query, TRACT_EVENT_FIELD_END_UTC), end_basic);
      tract_ical_writer_line (writer, "DTSTART", start_basic);
      tract_ical_writer_line (writer, "DTEND", end_basic);
    }

  tract_ical_writer_text_line (writer, "SUMMARY", tract_event_query_get_text (query, TRACT_EVENT_FIELD_TITLE));
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT,
              MAX (tract_event_query_get_integer (query, TRACT_EVENT_FIELD_SEQUENCE), 0));
  tract_ical_writer_line (writer, "SEQUENCE", number);
  write_stamp (writer, "CREATED", tract_event_query_get_text (query, TRACT_EVENT_FIELD_CREATED_UTC));
  write_stamp (writer, "LAST-MODIFIED", tract_event_query_get_text (query, TRACT_EVENT_FIELD_MODIFIED_UTC));
  if (g_str_equal (status, "tentative"))
    tract_ical_writer_line (writer, "STATUS", "TENTATIVE");
  else if (g_str_equal (status, "cancelled"))
    tract_ical_writer_line (writer, "STATUS", "CANCELLED");
  else
    tract_ical_writer_line (writer, "STATUS", "CONFIRMED");

  /* Export rule 7: one CATEGORIES per tag, and no comma inside a tag, which
   * libical 3.0.16 would split when reading it back. */
  if (category != NULL)
    {
      g_autofree char *tag = g_strdup (category);

      g_strdelimit (tag, ",", ' ');
      tract_ical_writer_text_line (writer, "CATEGORIES", tag);
    }

  if (*rrule != '\0')
    {
      write_rrule (export, rrule, all_day, zone);
      if (*exdates != '\0')
        write_exdates (export, exdates, all_day, zone_name, zone, start_basic);
    }

  if (*name != '\0' || *address != '\0')
    {
      g_autofree char *location = tract_ical_combine_location (name, address);

      tract_ical_writer_text_line (writer, "LOCATION", location);
      /* Enough for Tract to read the place and the address apart again.
       * libical drops an X- property with an empty value: an address
       * without a place name says so in a parameter instead. */
      if (*name != '\0' && !g_str_equal (location, name))
        tract_ical_writer_text_line (writer, TRACT_ICAL_X_LOCATION_NAME, name);
      if (*address != '\0')
        {
          tract_ical_writer_begin (writer, TRACT_ICAL_X_ADDRESS);
          if (*name == '\0')
            tract_ical_writer_raw (writer, ";" TRACT_ICAL_X_ADDRESS_ONLY "=TRUE", -1);
          tract_ical_writer_raw (writer, ":", 1);
          tract_ical_writer_text (writer, address, -1);
          tract_ical_writer_end (writer);
        }
    }
  write_geo (writer, tract_event_query_get_real (query, TRACT_EVENT_FIELD_LATITUDE),
             tract_event_query_get_real (query, TRACT_EVENT_FIELD_LONGITUDE));
  if (*url != '\0')
    {
      g_autoptr(GString) clean = g_string_new (NULL);

      tract_ical_append_clean (clean, url, -1);
      g_strdelimit (clean->str, "\n\t ", '+');
      tract_ical_writer_line (writer, "URL", clean->str);
    }

  /* Export rule 14: the organizations are named here, not as ORGANIZER. */
  {
    g_autofree char *named = tract_ical_format_organizations (organizations);

    if (named != NULL && *description != '\0')
      {
        g_autofree char *both = g_strconcat (description, "\n\n", named, NULL);

        tract_ical_writer_text_line (writer, "DESCRIPTION", both);
      }
    else if (named != NULL)
      tract_ical_writer_text_line (writer, "DESCRIPTION", named);
    else if (*description != '\0')
      {
        tract_ical_writer_begin (writer, "DESCRIPTION:");
        tract_ical_writer_text (writer, description,
                                (gssize) tract_event_query_get_length (query, TRACT_EVENT_FIELD_DESCRIPTION));
        tract_ical_writer_end (writer);
      }
  }

  /* Export rules 16 and 17: no VALARM, no private notes (the query does not
   * even read them). */
  tract_ical_writer_line (writer, "END", "VEVENT");
}

/* Export rule 6: libical 3.0.16 writes X- values without escaping. */
static char *
plain_calendar_name (const char *name)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  tract_ical_append_clean (clean, name, -1);
  g_strdelimit (clean->str, ",;\\\n\t", ' ');
  words = g_strsplit (clean->str, " ", 0);
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", words[i]);
    return g_string_free (g_steal_pointer (&joined), FALSE);
  }
}

static gboolean
check_day (const char  *day,
           const char  *option,
           GError     **error)
{
  if (day == NULL || (strlen (day) == 10 && tract_validate_date (day)))
    return TRUE;
  g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID,
               _("The %s day “%s” is not a date; write it as YYYY-MM-DD, for example 2021-05-29."),
               option, day);
  return FALSE;
}

static gboolean
write_calendar (Settings           *settings,
                TractStore         *store,
                GOutputStream      *stream,
                TractIcalProgress  *progress,
                guint              *n_events,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(TractEventQuery) query = NULL;
  g_autoptr(GPtrArray) zones = NULL;
  g_autofree char *name = NULL;
  g_autofree char *plain_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Export export = { 0 };
  gint64 total;
  guint count = 0;
  gboolean ok = FALSE;

  *n_events = 0;
  if (!check_day (settings->from, "--from", error) || !check_day (settings->to, "--to", error))
    return FALSE;
  if (settings->from != NULL && settings->to != NULL && strcmp (settings->from, settings->to) > 0)
    {
      g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_INVALID,
                   _("The range from %s to %s ends before it starts; swap the two days."),
                   settings->from, settings->to);
      return FALSE;
    }

  if (settings->calendar_name != NULL)
    name = g_strdup (settings->calendar_name);
  else if (settings->campaign_id != 0)
    {
      g_autoptr(TractCampaign) campaign = tract_store_load (store, TRACT_TYPE_CAMPAIGN,
                                                            settings->campaign_id, error);

      if (campaign == NULL)
        return FALSE;
      name = g_strdup (tract_record_get_text (TRACT_RECORD (campaign), "name"));
    }
  else
    name = g_strdup ("Tract");

  query = tract_event_query_new (store, settings->campaign_id, settings->from, settings->to,
                                 settings->ids != NULL ? (const gint64 *) (void *) settings->ids->data : NULL,
                                 settings->ids != NULL ? settings->ids->len : 0, error);
  if (query == NULL)
    return FALSE;
  total = tract_event_query_count (query, error);
  if (total < 0)
    return FALSE;
  zones = tract_event_query_list_zones (query, error);
  if (zones == NULL)
    return FALSE;

  tract_ical_writer_init (&export.writer, stream, cancellable);
  export.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  g_snprintf (export.dtstamp, sizeof export.dtstamp, "%04d%02d%02dT%02d%02d%02dZ",
              g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now),
              g_date_time_get_hour (now), g_date_time_get_minute (now), g_date_time_get_second (now));

  /* Export rules 1 and 3 */
  tract_ical_writer_line (&export.writer, "BEGIN", "VCALENDAR");
  tract_ical_writer_line (&export.writer, "VERSION", "2.0");
  tract_ical_writer_line (&export.writer, "PRODID", "-//Tract//Tract " PACKAGE_VERSION "//EN");
  tract_ical_writer_line (&export.writer, "CALSCALE", "GREGORIAN");
  /* Export rule 14: a published agenda, so no ATTENDEE and no ORGANIZER. */
  tract_ical_writer_line (&export.writer, "METHOD", "PUBLISH");
  tract_ical_writer_text_line (&export.writer, "NAME", name);
  plain_name = plain_calendar_name (name);
  if (*plain_name != '\0')
    tract_ical_writer_line (&export.writer, "X-WR-CALNAME", plain_name);

  /* Export rules 10 and 11: one small VTIMEZONE per zone used, first. */
  for (guint i = 0; i < zones->len; i++)
    {
      TractEventZoneUse *use = zones->pdata[i];
      GTimeZone *zone = g_time_zone_new_identifier (use->time_zone);

      if (zone == NULL)
        continue;
      if (tract_ical_write_vtimezone (&export.writer, use->time_zone, use->first_year))
        g_hash_table_insert (export.zones, g_strdup (use->time_zone), zone);
      else
        g_time_zone_unref (zone);
    }

  while (tract_event_query_next (query, error))
    {
      write_event (&export, query);
      count++;
      if (count % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          tract_ical_writer_maybe_flush (&export.writer);
          if (export.writer.error != NULL)
            break;
          if (progress != NULL && total > 0)
            tract_ical_progress_set (progress, (double) count / (double) total);
        }
    }
  if (error != NULL && *error != NULL)
    goto out;

  tract_ical_writer_line (&export.writer, "END", "VCALENDAR");
  if (!tract_ical_writer_flush (&export.writer, error))
    goto out;
  if (progress != NULL)
    tract_ical_progress_set (progress, 1.0);
  *n_events = count;
  ok = TRUE;

out:
  tract_ical_writer_clear (&export.writer);
  g_hash_table_unref (export.zones);
  return ok;
}

gboolean
tract_ical_exporter_write (TractIcalExporter  *self,
                           GOutputStream      *stream,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(TractIcalProgress) progress = NULL;

  g_return_val_if_fail (TRACT_IS_ICAL_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  progress = tract_ical_progress_new (G_OBJECT (self), properties[PROP_PROGRESS], &self->progress, NULL);
  return write_calendar (&self->settings, self->store, stream, progress, &self->n_events,
                         cancellable, error);
}

static void
set_write_error (GFile   *file,
                 GError  *cause,
                 GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, TRACT_ICAL_ERROR, TRACT_ICAL_ERROR_WRITE,
               _("Cannot write “%s”: %s."), name, cause->message);
}

/* g_file_replace() writes beside an existing file and renames on close,
 * but writes a new file in place, where a failed export would leave it
 * half written. A new file is therefore created here (O_EXCL: it is ours)
 * and deleted if the export fails; an existing one goes through
 * g_file_replace() and stays as it was. */
static GFileOutputStream *
open_output (GFile         *file,
             gboolean      *created,
             GCancellable  *cancellable,
             GError       **error)
{
  GFileOutputStream *stream;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
  *created = stream != NULL;
  if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (&local_error);
      stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
    }
  if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (stream == NULL)
    set_write_error (file, local_error, error);
  return stream;
}

static gboolean
write_to_file (Settings           *settings,
               TractStore         *store,
               GFile              *file,
               TractIcalProgress  *progress,
               guint              *n_events,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean created;

  stream = open_output (file, &created, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (write_calendar (settings, store, G_OUTPUT_STREAM (stream), progress, n_events, cancellable, error))
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
        return TRUE;
      set_write_error (file, local_error, error);
    }

  /* Closing with a cancelled cancellable drops g_file_replace()'s
   * temporary file and leaves the old one alone. */
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
    }
  if (created)
    {
      g_autoptr(GError) delete_error = NULL;

      if (!g_file_delete (file, NULL, &delete_error))
        g_debug ("The unfinished export could not be removed: %s", delete_error->message);
    }
  return FALSE;
}

gboolean
tract_ical_exporter_write_file (TractIcalExporter  *self,
                                GFile              *file,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autoptr(TractIcalProgress) progress = NULL;

  g_return_val_if_fail (TRACT_IS_ICAL_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  progress = tract_ical_progress_new (G_OBJECT (self), properties[PROP_PROGRESS], &self->progress, NULL);
  return write_to_file (&self->settings, self->store, file, progress, &self->n_events,
                        cancellable, error);
}

typedef struct
{
  Settings          *settings;
  GFile             *file;
  TractIcalProgress *progress;
  guint              n_events;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  settings_free (job->settings);
  g_object_unref (job->file);
  tract_ical_progress_free (job->progress);
  g_free (job);
}

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(TractStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own: SQLite connections are not shared across threads. */
  store = tract_store_open (job->settings->database_path, &error);
  if (store == NULL
      || !write_to_file (job->settings, store, job->file, job->progress, &job->n_events,
                         cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tract_ical_exporter_write_file_async (TractIcalExporter  *self,
                                      GFile              *file,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  WriteJob *job;

  g_return_if_fail (TRACT_IS_ICAL_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (WriteJob, 1);
  job->settings = settings_copy (&self->settings);
  g_free (job->settings->database_path);
  job->settings->database_path = g_strdup (tract_store_get_path (self->store));
  job->file = g_object_ref (file);
  job->progress = tract_ical_progress_new (G_OBJECT (self), properties[PROP_PROGRESS], &self->progress,
                                           context);

  self->progress = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tract_ical_exporter_write_file_async);
  /* The thread says whether the file was written: a Cancel that comes
   * after its end must not report a written file as not written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_file_thread);
}

gboolean
tract_ical_exporter_write_file_finish (TractIcalExporter  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  WriteJob *job;

  g_return_val_if_fail (TRACT_IS_ICAL_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tract_ical_exporter_write_file_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  self->n_events = job->n_events;
  return g_task_propagate_boolean (G_TASK (result), error);
}
