/* tract-event-task.h — one item of an event's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_EVENT_TASK (tract_event_task_get_type ())

G_DECLARE_FINAL_TYPE (TractEventTask, tract_event_task, TRACT, EVENT_TASK, TractRecord)

TractEventTask *tract_event_task_new (gint64      event_id,
                                     const char *title);
G_END_DECLS
