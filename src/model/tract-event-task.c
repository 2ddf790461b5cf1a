/* tract-event-task.c — one item of an event's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-event-task.h"

static const TractColumn event_task_columns[] = {
  { "event_id", N_("Event"), TRACT_COLUMN_REFERENCE },
  { "title", N_("Task"), TRACT_COLUMN_TEXT, TRACT_CHECK_REQUIRED },
  { "done", N_("Done"), TRACT_COLUMN_BOOLEAN },
  { "due_date", N_("Due date"), TRACT_COLUMN_TEXT, TRACT_CHECK_DATE, TRACT_COLUMN_NULL_WHEN_EMPTY },
  { "organization_id", N_("Responsible organization"), TRACT_COLUMN_REFERENCE },
  { "position", N_("Position"), TRACT_COLUMN_INTEGER },
};

TRACT_DEFINE_RECORD (TractEventTask, tract_event_task, "event_task", event_task_columns, NULL)

TractEventTask *
tract_event_task_new (gint64      event_id,
                      const char *title)
{
  return g_object_new (TRACT_TYPE_EVENT_TASK, "event_id", event_id, "title", title, NULL);
}
