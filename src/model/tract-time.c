/* tract-time.c — wall-clock times in named zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tract-time.h"

static gint64
offset_at (GTimeZone *zone,
           gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  return interval < 0 ? 0 : g_time_zone_get_offset (zone, interval);
}

/* A wall-clock time maps to zero, one or two instants. GDateTime silently
 * picks one in the last two cases; a calendar must not, since parsers then
 * disagree (ICALENDAR.md, export rule 12). The candidates are the instants
 * given by the offsets in force a day before and a day after: real zones
 * never change offset twice within two days. */
TractLocalTimeKind
tract_time_local_to_utc (GTimeZone *zone,
                         int        year,
                         int        month,
                         int        day,
                         int        hour,
                         int        minute,
                         int        second,
                         gint64    *utc)
{
  g_autoptr(GDateTime) as_utc = g_date_time_new_utc (year, month, day, hour, minute, second);
  gint64 wall, candidates[2];
  guint n_valid = 0;
  gint64 first_valid = 0;

  g_return_val_if_fail (as_utc != NULL, TRACT_LOCAL_TIME_IN_GAP);

  wall = g_date_time_to_unix (as_utc);
  candidates[0] = wall - offset_at (zone, wall - 86400);
  candidates[1] = wall - offset_at (zone, wall + 86400);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (i == 1 && candidates[1] == candidates[0])
        break;
      if (candidates[i] + offset_at (zone, candidates[i]) == wall)
        {
          if (n_valid == 0)
            first_valid = candidates[i];
          n_valid++;
        }
    }

  if (n_valid == 0)
    {
      /* Report where the clock lands, for a helpful message. */
      *utc = candidates[0];
      return TRACT_LOCAL_TIME_IN_GAP;
    }
  *utc = first_valid;
  return n_valid == 1 ? TRACT_LOCAL_TIME_VALID : TRACT_LOCAL_TIME_AMBIGUOUS;
}

char *
tract_time_format_utc (gint64 utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (utc);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/**
 * tract_time_zone_lookup:
 * @identifier: an IANA name such as "Europe/Paris"
 *
 * GLib reads and parses the zoneinfo file on every
 * g_time_zone_new_identifier(); a list of 100,000 events in a handful of
 * zones must not. Zones are kept for the life of the process (there are
 * a few hundred at most), shared between threads.
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL when unknown
 */
GTimeZone *
tract_time_zone_lookup (const char *identifier)
{
  static GHashTable *zones;
  G_LOCK_DEFINE_STATIC (zones);
  GTimeZone *zone;

  g_return_val_if_fail (identifier != NULL, NULL);

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, identifier);
  if (zone == NULL && !g_hash_table_contains (zones, identifier))
    {
      zone = g_time_zone_new_identifier (identifier);
      /* Unknown names are remembered too, as NULL. */
      g_hash_table_insert (zones, g_strdup (identifier), zone);
    }
  if (zone != NULL)
    g_time_zone_ref (zone);
  G_UNLOCK (zones);

  return zone;
}
