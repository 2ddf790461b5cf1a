/* tract-record-form.h — fields of one record that save themselves as they are typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_RECORD_FORM (tract_record_form_get_type ())

G_DECLARE_FINAL_TYPE (TractRecordForm, tract_record_form, TRACT, RECORD_FORM, GObject)

TractRecordForm *tract_record_form_new            (void);

void             tract_record_form_add_entry      (TractRecordForm    *self,
                                                   const char         *column,
                                                   AdwEntryRow        *row,
                                                   GtkLabel           *error_label);
void             tract_record_form_add_choice     (TractRecordForm    *self,
                                                   const char         *column,
                                                   AdwComboRow        *row,
                                                   const char * const *values,
                                                   GtkLabel           *error_label);
void             tract_record_form_add_text_view  (TractRecordForm    *self,
                                                   const char         *column,
                                                   GtkTextView        *view,
                                                   GtkLabel           *error_label);

TractStore      *tract_record_form_get_store      (TractRecordForm    *self);
void             tract_record_form_set_store      (TractRecordForm    *self,
                                                   TractStore         *store);
TractRecord     *tract_record_form_get_record     (TractRecordForm    *self);
void             tract_record_form_set_record     (TractRecordForm    *self,
                                                   TractRecord        *record);

gboolean         tract_record_form_flush          (TractRecordForm    *self);
gboolean         tract_record_form_has_errors     (TractRecordForm    *self);
char            *tract_record_form_dup_errors     (TractRecordForm    *self);
void             tract_record_form_discard        (TractRecordForm    *self);
void             tract_record_form_focus          (TractRecordForm    *self,
                                                   const char         *column);

G_END_DECLS
