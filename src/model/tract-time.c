/* tract-time.c — wall-clock times in named zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tract-time.h"

/* A zone's offsets by instant, as g_time_zone_find_interval() gives
 * them. GLib walks a zone's transitions from the first each time: for
 * Europe/Paris, 161 of them before 2026 (and 2,106 in all, its rule
 * spelled out to the year 2999), for each of the three instants that
 * tract_time_local_to_utc() checks, for each of an import's 200,000
 * times. Each thread remembers the last few intervals it met, with their
 * bounds, and answers from them without asking GLib; the bounds of an
 * interval are searched for by halves the first time any thread meets it,
 * and kept for the life of the process with the zone (the zone's address
 * cannot be reused meanwhile). */
typedef struct
{
  GTimeZone  *zone;
  GHashTable *bounds;  /* interval → Bounds */
} ZoneIntervals;

typedef struct
{
  gint64 first;  /* the interval's first instant */
  gint64 last;   /* and its last */
  int    offset;
} Bounds;

typedef struct
{
  GTimeZone *zone;
  Bounds     bounds;
} RememberedInterval;

#define N_REMEMBERED 4

typedef struct
{
  RememberedInterval intervals[N_REMEMBERED];
  guint              next;  /* the one to replace */
} ThreadIntervals;

/* Far beyond any transition: ±35,000 years. */
#define HORIZON (G_GINT64_CONSTANT (1) << 40)

static int
interval_at (GTimeZone *zone,
             gint64     utc)
{
  return MAX (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc), 0);
}

/* The first instant in [@low, @high] that GLib places in interval @interval
 * or a later one; @high must be one. */
static gint64
first_instant_from (GTimeZone *zone,
                    int        interval,
                    gint64     low,
                    gint64     high)
{
  while (low < high)
    {
      gint64 middle = low + (high - low) / 2;

      if (interval_at (zone, middle) >= interval)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

static Bounds
find_bounds (GTimeZone *zone,
             gint64     utc)
{
  static GHashTable *zones;  /* GTimeZone → ZoneIntervals */
  G_LOCK_DEFINE_STATIC (zones);
  int interval = interval_at (zone, utc);
  ZoneIntervals *known;
  Bounds *bounds;
  Bounds found;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new (NULL, NULL);
  known = g_hash_table_lookup (zones, zone);
  if (known == NULL)
    {
      known = g_new0 (ZoneIntervals, 1);
      known->zone = g_time_zone_ref (zone);
      known->bounds = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_hash_table_insert (zones, zone, known);
    }
  bounds = g_hash_table_lookup (known->bounds, GINT_TO_POINTER (interval));
  if (bounds == NULL)
    {
      bounds = g_new0 (Bounds, 1);
      bounds->offset = g_time_zone_get_offset (zone, interval);
      bounds->first = utc <= -HORIZON ? G_MININT64 : first_instant_from (zone, interval, -HORIZON, utc);
      bounds->last = utc >= HORIZON || interval_at (zone, HORIZON) == interval
                     ? G_MAXINT64 : first_instant_from (zone, interval + 1, utc, HORIZON) - 1;
      g_hash_table_insert (known->bounds, GINT_TO_POINTER (interval), bounds);
    }
  found = *bounds;
  G_UNLOCK (zones);
  return found;
}

static gint64
offset_at (GTimeZone *zone,
           gint64     utc)
{
  static GPrivate remembered = G_PRIVATE_INIT (g_free);
  ThreadIntervals *thread = g_private_get (&remembered);
  RememberedInterval *slot;

  if (thread == NULL)
    {
      thread = g_new0 (ThreadIntervals, 1);
      g_private_set (&remembered, thread);
    }
  for (guint i = 0; i < N_REMEMBERED; i++)
    {
      RememberedInterval *interval = &thread->intervals[i];

      if (interval->zone == zone && interval->bounds.first <= utc && utc <= interval->bounds.last)
        return interval->bounds.offset;
    }
  slot = &thread->intervals[thread->next];
  thread->next = (thread->next + 1) % N_REMEMBERED;
  slot->zone = zone;
  slot->bounds = find_bounds (zone, utc);
  return slot->bounds.offset;
}

int
tract_time_zone_offset (GTimeZone *zone,
                        gint64     utc)
{
  g_return_val_if_fail (zone != NULL, 0);
  return (int) offset_at (zone, utc);
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
