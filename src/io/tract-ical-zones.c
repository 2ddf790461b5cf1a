/* tract-ical-zones.c — time zones in and out of iCalendar
 *
 * Tract keeps IANA zone names. Files come with Windows names ("Romance
 * Standard Time"), libical's and Mozilla's prefixed names, or zones of their
 * own ("Customized Time Zone"); this maps each to an IANA zone where one
 * fits (ICALENDAR.md, import rule 5), and writes the small VTIMEZONEs an
 * export needs (export rules 10 and 11).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tract-ical-private.h"
#include "tract-validate.h"

/* Unicode CLDR's windowsZones.xml, territory "001" (the zone Windows means
 * when no country is known), plus names older Outlook versions wrote. */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "UTC-11", "Etc/GMT+11" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "UTC-09", "Etc/GMT+9" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "UTC-08", "Etc/GMT+8" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Mexico Standard Time 2", "America/Chihuahua" },
  { "Mountain Standard Time", "America/Denver" },
  { "Yukon Standard Time", "America/Whitehorse" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Mexico Standard Time", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Eastern Standard Time", "America/New_York" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Cuba Standard Time", "America/Havana" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Bahia Standard Time", "America/Bahia" },
  { "UTC-02", "Etc/GMT+2" },
  { "Mid-Atlantic Standard Time", "Etc/GMT+2" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Sao Tome Standard Time", "Africa/Sao_Tome" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "West Bank Standard Time", "Asia/Hebron" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Jerusalem Standard Time", "Asia/Jerusalem" },
  { "South Sudan Standard Time", "Africa/Juba" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Armenian Standard Time", "Asia/Yerevan" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Qyzylorda Standard Time", "Asia/Qyzylorda" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Omsk Standard Time", "Asia/Omsk" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Altai Standard Time", "Asia/Barnaul" },
  { "W. Mongolia Standard Time", "Asia/Hovd" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "Tomsk Standard Time", "Asia/Tomsk" },
  { "China Standard Time", "Asia/Shanghai" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "Aus Central W. Standard Time", "Australia/Eucla" },
  { "Transbaikal Standard Time", "Asia/Chita" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "North Korea Standard Time", "Asia/Pyongyang" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Lord Howe Standard Time", "Australia/Lord_Howe" },
  { "Bougainville Standard Time", "Pacific/Bougainville" },
  { "Russia Time Zone 10", "Asia/Srednekolymsk" },
  { "Magadan Standard Time", "Asia/Magadan" },
  { "Norfolk Standard Time", "Pacific/Norfolk" },
  { "Sakhalin Standard Time", "Asia/Sakhalin" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "Russia Time Zone 11", "Asia/Kamchatka" },
  { "Kamchatka Standard Time", "Asia/Kamchatka" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "UTC+12", "Etc/GMT-12" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "Chatham Islands Standard Time", "Pacific/Chatham" },
  { "UTC+13", "Etc/GMT-13" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
};

const char *
tract_ical_zone_from_windows (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (name, windows_zones[i].windows) == 0)
      return windows_zones[i].iana;
  return NULL;
}

char *
tract_ical_zone_strip_prefix (const char *tzid)
{
  /* "/freeassociation.sourceforge.net/Tzfile/Europe/Paris",
   * "/mozilla.org/20050126_1/America/New_York": the longest tail that is a zone. */
  for (const char *p = tzid; *p != '\0'; p++)
    if (*p == '/' && tract_validate_time_zone (p + 1))
      return g_strdup (p + 1);
  return NULL;
}

/* Export */

static void
write_component_lines (TractIcalWriter *writer,
                       const char      *text)
{
  /* libical ends lines with CRLF and folds them already; re-fold anyway, so
   * that every line of the file goes through the same writer. */
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      gsize content = length;

      if (content > 0 && line[content - 1] == '\r')
        content--;
      if (content > 0 && (line[0] == ' ' || line[0] == '\t') && writer->buffer->len >= 2)
        {
          /* A folded continuation: join it to the line before, then fold again. */
          g_string_truncate (writer->buffer, writer->buffer->len - 2);
          g_string_append_len (writer->buffer, line + 1, content - 1);
          tract_ical_writer_end (writer);
        }
      else if (content > 0)
        {
          tract_ical_writer_begin (writer, "");
          g_string_append_len (writer->buffer, line, content);
          tract_ical_writer_end (writer);
        }
      line += length + (end != NULL ? 1 : 0);
    }
}

static void
write_utc_vtimezone (TractIcalWriter *writer)
{
  tract_ical_writer_line (writer, "BEGIN", "VTIMEZONE");
  tract_ical_writer_line (writer, "TZID", "UTC");
  tract_ical_writer_line (writer, "BEGIN", "STANDARD");
  tract_ical_writer_line (writer, "DTSTART", "19700101T000000");
  tract_ical_writer_line (writer, "TZOFFSETFROM", "+0000");
  tract_ical_writer_line (writer, "TZOFFSETTO", "+0000");
  tract_ical_writer_line (writer, "TZNAME", "UTC");
  tract_ical_writer_line (writer, "END", "STANDARD");
  tract_ical_writer_line (writer, "END", "VTIMEZONE");
}

gboolean
tract_ical_write_vtimezone (TractIcalWriter *writer,
                            const char      *zone_name,
                            int              first_year)
{
  icaltimezone *zone;
  icalcomponent *component;
  icalproperty *property;
  struct icaltimetype start;
  char *text;

  if (g_str_equal (zone_name, "UTC"))
    {
      write_utc_vtimezone (writer);
      return TRUE;
    }

  zone = icaltimezone_get_builtin_timezone (zone_name);
  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    return FALSE;

  /* The component of a built-in zone is shared by every thread: work on a
   * copy. Debian's libical builds it from /usr/share/zoneinfo with every
   * observance since 1891; Google and Exchange choke on those (ICALENDAR.md,
   * export rule 11), so keep what the events need. */
  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  start = icaltime_null_time ();
  /* libical expands built-in zones up to 2037 and writes a null DTSTART
   * past that: a zone used only later keeps its rules from 2037 on. */
  start.year = CLAMP (first_year, 1900, 2037);
  start.month = 1;
  start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (component, start, icaltime_null_time (), 0);

  /* libical names its zones "/freeassociation.sourceforge.net/Europe/Paris"
   * and 3.0.16 ignores icaltimezone_set_tzid_prefix(""): python3-icalendar
   * crashes on that, node-ical falls back to UTC (export rule 10). */
  property = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (property != NULL)
    icalproperty_set_tzid (property, zone_name);
  else
    icalcomponent_add_property (component, icalproperty_new_tzid (zone_name));
  while ((property = icalcomponent_get_first_property (component, ICAL_X_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (component, property);
      icalproperty_free (property);
    }
  property = icalcomponent_get_first_property (component, ICAL_TZUNTIL_PROPERTY);
  if (property != NULL)
    {
      icalcomponent_remove_property (component, property);
      icalproperty_free (property);
    }

  text = icalcomponent_as_ical_string_r (component);
  write_component_lines (writer, text);
  free (text);
  icalcomponent_free (component);
  return TRUE;
}

/* Import */

gboolean
tract_ical_vtimezone_is_sane (icalcomponent  *vtimezone,
                              const char    **reason)
{
  guint n_observances = 0;

  for (icalcomponent *observance = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
       observance != NULL;
       observance = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (observance);
      icalproperty *dtstart;
      guint n_dates = 0;

      if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
        continue;
      if (++n_observances > 1000)
        {
          *reason = "too many observances";
          return FALSE;
        }
      dtstart = icalcomponent_get_first_property (observance, ICAL_DTSTART_PROPERTY);
      if (dtstart == NULL || icaltime_is_null_time (icalproperty_get_dtstart (dtstart)))
        {
          *reason = "an observance without DTSTART";
          return FALSE;
        }
      if (icalcomponent_get_first_property (observance, ICAL_TZOFFSETTO_PROPERTY) == NULL)
        {
          *reason = "an observance without TZOFFSETTO";
          return FALSE;
        }
      for (icalproperty *rrule = icalcomponent_get_first_property (observance, ICAL_RRULE_PROPERTY);
           rrule != NULL;
           rrule = icalcomponent_get_next_property (observance, ICAL_RRULE_PROPERTY))
        {
          struct icalrecurrencetype recur = icalproperty_get_rrule (rrule);

          /* Zones change at most a few times a year; anything faster is a
           * broken or hostile file that libical would expand for hours. */
          if (recur.freq != ICAL_YEARLY_RECURRENCE || recur.interval < 1)
            {
              *reason = "an observance that does not recur yearly";
              return FALSE;
            }
          if (++n_dates > 10)
            {
              *reason = "too many recurrence rules";
              return FALSE;
            }
        }
      for (icalproperty *rdate = icalcomponent_get_first_property (observance, ICAL_RDATE_PROPERTY);
           rdate != NULL;
           rdate = icalcomponent_get_next_property (observance, ICAL_RDATE_PROPERTY))
        if (++n_dates > 1000)
          {
            *reason = "too many dates";
            return FALSE;
          }
    }
  if (n_observances == 0)
    {
      *reason = "no STANDARD or DAYLIGHT observance";
      return FALSE;
    }
  return TRUE;
}

static gboolean
offsets_match (icaltimezone *zone,
               GTimeZone    *candidate,
               const gint64 *probes,
               guint         n_probes)
{
  for (guint i = 0; i < n_probes; i++)
    {
      struct icaltimetype when = icaltime_from_timet_with_zone ((time_t) probes[i], 0,
                                                                icaltimezone_get_utc_timezone ());
      int is_daylight = 0;
      int offset = icaltimezone_get_utc_offset_of_utc_time (zone, &when, &is_daylight);
      int interval = g_time_zone_find_interval (candidate, G_TIME_TYPE_UNIVERSAL, probes[i]);

      if (interval < 0 || g_time_zone_get_offset (candidate, interval) != offset)
        return FALSE;
    }
  return TRUE;
}

const char *
tract_ical_zone_match (icaltimezone *zone,
                       int           year,
                       const char   *preferred)
{
  gint64 probes[48];
  guint n_probes = 0;

  year = CLAMP (year, 1970, 2100);
  /* Twice a month over the year of the event and the next: both changes of
   * a zone with summer time fall between two probes at most two weeks apart. */
  for (int y = year; y <= year + 1; y++)
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= 15; day += 14)
        {
          g_autoptr(GDateTime) when = g_date_time_new_utc (y, month, day, 12, 0, 0);

          probes[n_probes++] = g_date_time_to_unix (when);
        }

  if (preferred != NULL)
    {
      g_autoptr(GTimeZone) candidate = g_time_zone_new_identifier (preferred);

      if (candidate != NULL && offsets_match (zone, candidate, probes, n_probes))
        return g_intern_string (preferred);
    }
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      g_autoptr(GTimeZone) candidate = g_time_zone_new_identifier (windows_zones[i].iana);

      if (candidate != NULL && offsets_match (zone, candidate, probes, n_probes))
        return windows_zones[i].iana;
    }
  return NULL;
}
