/* tract-recurrence.h — the occurrences of a repeating event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tract-record.h"

G_BEGIN_DECLS

typedef enum
{
  TRACT_FREQUENCY_NONE,
  TRACT_FREQUENCY_DAILY,
  TRACT_FREQUENCY_WEEKLY,
  TRACT_FREQUENCY_MONTHLY,
  TRACT_FREQUENCY_YEARLY,
} TractFrequency;

#define TRACT_RECURRENCE_MAX_PARTS 64

typedef struct
{
  int          ordinal; /* 0: every such weekday of the period; 1 the first, -1 the last… */
  GDateWeekday weekday;
} TractWeekdayNumber;

/* An RFC 5545 RRULE value, the parts Tract expands. */
typedef struct
{
  TractFrequency     frequency;
  guint              interval;   /* 1 or more */
  guint              count;      /* 0: no COUNT */
  char               until[17];  /* "" or as written: YYYYMMDD, YYYYMMDDTHHMMSS, YYYYMMDDTHHMMSSZ */
  GDateWeekday       week_start;
  TractWeekdayNumber by_day[TRACT_RECURRENCE_MAX_PARTS];
  guint              n_by_day;
  int                by_month_day[TRACT_RECURRENCE_MAX_PARTS]; /* ±1…±31 */
  guint              n_by_month_day;
  guint16            by_month;   /* bit m for month m (1–12); 0: no BYMONTH */
  int                by_set_pos[TRACT_RECURRENCE_MAX_PARTS];   /* ±1…±366 */
  guint              n_by_set_pos;
  /* FALSE for a valid rule with parts Tract does not expand (BYHOUR,
   * BYWEEKNO, FREQ=HOURLY…): the event then shows its first date only,
   * and the rule is kept as it was written. */
  gboolean           supported;
} TractRecurrenceRule;

gboolean  tract_recurrence_rule_parse     (const char                *text,
                                           TractRecurrenceRule       *rule,
                                           GError                   **error);
char     *tract_recurrence_rule_to_string (const TractRecurrenceRule *rule);

/* One occurrence of an event: its own start, and its end at the same
 * distance from the start as the event's. */
typedef struct
{
  gint64 start_utc;
  gint64 end_utc;
  char   start_local[20]; /* "YYYY-MM-DD" (all day) or "YYYY-MM-DDTHH:MM[:SS]", in the event's zone */
  char   end_local[20];   /* the last day, inclusive, of an all-day occurrence */
} TractOccurrence;

typedef struct _TractRecurrence TractRecurrence;

TractRecurrence *tract_recurrence_new           (const char       *rrule,
                                                 const char       *exdates,
                                                 gboolean          all_day,
                                                 const char       *start_local,
                                                 const char       *end_local,
                                                 const char       *time_zone,
                                                 GError          **error);
TractRecurrence *tract_recurrence_new_for_event (TractRecord      *event,
                                                 GError          **error);
gboolean         tract_recurrence_next          (TractRecurrence  *self,
                                                 TractOccurrence  *occurrence);
gboolean         tract_recurrence_is_recurring  (TractRecurrence  *self);
gboolean         tract_recurrence_is_finite     (TractRecurrence  *self);
void             tract_recurrence_free          (TractRecurrence  *self);

/* The exceptions of an event ("exdates": dates and local times separated
 * by commas), each checked; NULL and @error set on a malformed one. */
GStrv            tract_recurrence_split_exdates (const char       *exdates,
                                                 GError          **error);

/* What saving an event must refuse beyond the syntax of its rule: a rule
 * Tract cannot read, exceptions that are not dates, and a recurrence that
 * never occurs (UNTIL before the start, every occurrence excluded). The
 * error is a TRACT_STORE_ERROR_INVALID naming "rrule" or "exdates". */
gboolean         tract_recurrence_check_event   (TractRecord      *event,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractRecurrence, tract_recurrence_free)

G_END_DECLS
