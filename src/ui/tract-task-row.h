/* tract-task-row.h — one item of an event's checklist, in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-event-task.h"
#include "tract-record-list.h"

G_BEGIN_DECLS

#define TRACT_TYPE_TASK_ROW (tract_task_row_get_type ())

G_DECLARE_FINAL_TYPE (TractTaskRow, tract_task_row, TRACT, TASK_ROW, AdwPreferencesRow)

/* @organizations: every organization, by name, for the responsible one */
GtkWidget      *tract_task_row_new      (TractStore      *store,
                                         TractEventTask  *task,
                                         TractRecordList *organizations);
TractEventTask *tract_task_row_get_task (TractTaskRow    *self);
/* Shows @task as stored elsewhere meanwhile; a field being typed in is kept. */
void            tract_task_row_set_task (TractTaskRow    *self,
                                         TractEventTask  *task);
/* Saves what is still being typed. */
void            tract_task_row_flush    (TractTaskRow    *self);

G_END_DECLS
