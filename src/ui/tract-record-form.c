/* tract-record-form.c — fields of one record that save themselves as they are typed
 *
 * An editor hands its rows to a form, one per column. What the person
 * types is saved a moment after they stop typing, each save one
 * transaction, and there is no Save button to forget.
 *
 * A field whose text does not validate (a malformed e-mail, an empty or
 * taken name) is marked in error with the reason beside it and is left out
 * of the save, while the other fields are saved: the stored row is always
 * valid and only ever holds what was valid. The field stays as typed, in
 * error, until it is fixed; an editor asks has_errors() before it lets go.
 *
 * A record without an id is a draft: it is inserted at the first save at
 * which all its fields validate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-record-form"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-record-form.h"

/* Long enough not to save each keystroke, short enough that closing the
 * window right after typing never races it (dispose flushes anyway). */
#define SAVE_DELAY_MS 500

typedef enum
{
  FIELD_ENTRY,
  FIELD_CHOICE,
  FIELD_TEXT_VIEW,
} FieldKind;

typedef struct
{
  FieldKind           kind;
  char               *column;
  GtkWidget          *widget;  /* the row, or the text view (a reference is held) */
  GtkLabel           *error_label;
  GtkWidget          *error_icon;  /* beside an entry: the reason, where the eye is */
  const char * const *values;  /* of a choice, in the order of its rows */
  gboolean            dirty;   /* typed, not yet saved */
  char               *error;   /* why it was not saved, or NULL */
} Field;

struct _TractRecordForm
{
  GObject      parent_instance;

  TractStore  *store;
  TractRecord *record;   /* as last saved (or the draft), a copy of our own */
  GPtrArray   *fields;
  guint        save_source;
  gboolean     loading;
  gboolean     saving;
  gulong       changed_handler;
  gulong       reset_handler;
};

G_DEFINE_FINAL_TYPE (TractRecordForm, tract_record_form, G_TYPE_OBJECT)

enum {
  SAVED,
  REMOVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->column);
  g_free (field->error);
  g_clear_object (&field->widget);
  g_clear_object (&field->error_label);
  g_clear_object (&field->error_icon);
  g_free (field);
}

static Field *
find_field (TractRecordForm *self,
            const char      *column)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->column, column))
        return field;
    }
  return NULL;
}

static Field *
find_widget_field (TractRecordForm *self,
                   gpointer         widget)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->widget == widget)
        return field;
    }
  return NULL;
}

static GtkTextBuffer *
field_buffer (Field *field)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
}

/* Returns: (transfer full): what the field's widget holds now */
static char *
read_field (Field *field)
{
  switch (field->kind)
    {
    case FIELD_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    case FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((GStrv) field->values))
          return NULL;
        return g_strdup (field->values[selected]);
      }
    case FIELD_TEXT_VIEW:
      {
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (field_buffer (field), &start, &end);
        return gtk_text_buffer_get_text (field_buffer (field), &start, &end, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
write_field (Field      *field,
             const char *value)
{
  g_autofree char *current = read_field (field);

  if (g_strcmp0 (current, value) == 0)
    return;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), value);
      break;
    case FIELD_CHOICE:
      for (guint i = 0; field->values[i] != NULL; i++)
        if (g_str_equal (field->values[i], value))
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), i);
      break;
    case FIELD_TEXT_VIEW:
      gtk_text_buffer_set_text (field_buffer (field), value, -1);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
show_errors (TractRecordForm *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      GString *text;

      if (field->error_icon != NULL)
        {
          gtk_widget_set_visible (field->error_icon, field->error != NULL);
          gtk_widget_set_tooltip_text (field->error_icon, field->error);
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->error_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          field->error != NULL ? field->error : "", -1);
        }

      if (field->error != NULL)
        {
          gtk_widget_add_css_class (field->widget, "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field->error, -1);
        }
      else
        {
          gtk_widget_remove_css_class (field->widget, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }

      if (field->error_label == NULL)
        continue;
      text = g_hash_table_lookup (texts, field->error_label);
      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (texts, field->error_label, text);
          g_ptr_array_add (labels, field->error_label);
        }
      if (field->error != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", field->error);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];
      GString *text = g_hash_table_lookup (texts, label);

      gtk_label_set_text (label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
    }
}

static void
load (TractRecordForm *self,
      gboolean         all)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      /* What the person is typing is never overwritten under their fingers. */
      if (field->dirty && !all)
        continue;
      if (all)
        {
          field->dirty = FALSE;
          g_clear_pointer (&field->error, g_free);
        }
      write_field (field, self->record != NULL ? tract_record_get_text (self->record, field->column) : "");
      gtk_widget_set_sensitive (field->widget, self->record != NULL);
    }
  self->loading = FALSE;
  show_errors (self);
}

static gboolean
is_field_error (const GError *error)
{
  return g_error_matches (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID)
         || g_error_matches (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_DUPLICATE);
}

/* Saves the valid typed fields in one transaction; returns FALSE when
 * something typed could not be saved. */
static gboolean
save (TractRecordForm *self)
{
  g_autoptr(TractRecord) candidate = NULL;
  gboolean any_dirty = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->record == NULL || self->store == NULL)
    return TRUE;

  candidate = tract_record_copy (self->record);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *value = NULL;

      if (!field->dirty)
        continue;
      value = read_field (field);
      if (value != NULL)
        tract_record_set_text (candidate, field->column, value);
      g_clear_pointer (&field->error, g_free);
      any_dirty = TRUE;
    }
  if (!any_dirty)
    return TRUE;

  /* Each round leaves out one more field in error; there are only so many. */
  for (guint round = 0; round <= self->fields->len; round++)
    {
      g_autoptr(GError) error = NULL;
      const char *column;
      Field *field;
      int index;
      gboolean ok;

      ok = tract_record_check (candidate, &error);
      if (ok)
        {
          self->saving = TRUE;
          if (tract_record_get_id (candidate) > 0)
            ok = tract_store_update (self->store, candidate, &error);
          else
            ok = tract_store_insert (self->store, candidate, &error);
          self->saving = FALSE;
        }
      if (ok)
        break;

      column = tract_store_error_get_field (error);
      field = column != NULL ? find_field (self, column) : NULL;
      if (field == NULL || !is_field_error (error))
        {
          /* Nothing the person typed explains it: the row is gone, or the
           * database refused. Keep what was typed, and say why. */
          if (g_error_matches (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND) && field == NULL)
            {
              g_signal_emit (self, signals[REMOVED], 0);
              return FALSE;
            }
          g_signal_emit (self, signals[FAILED], 0, error->message);
          show_errors (self);
          return FALSE;
        }

      g_free (field->error);
      field->error = g_strdup (error->message);
      if (!field->dirty)
        {
          /* The stored value itself does not validate (written by another
           * program): the person has to fix it before anything can be saved. */
          field->dirty = TRUE;
          show_errors (self);
          return FALSE;
        }
      index = tract_record_find_column (candidate, column);
      tract_record_set_value (candidate, (guint) index, tract_record_get_value (self->record, (guint) index));
    }

  g_set_object (&self->record, candidate);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->error == NULL)
        field->dirty = FALSE;
    }
  show_errors (self);
  g_signal_emit (self, signals[SAVED], 0, self->record);

  for (guint i = 0; i < self->fields->len; i++)
    if (((Field *) g_ptr_array_index (self->fields, i))->error != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  TractRecordForm *self = TRACT_RECORD_FORM (user_data);

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed (TractRecordForm *self,
               Field           *field,
               guint            delay)
{
  if (self->loading || field == NULL || self->record == NULL)
    return;

  field->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (delay == 0)
    save (self);
  else
    self->save_source = g_timeout_add (delay, on_save_timeout, self);
}

static void
on_entry_changed (GtkEditable     *editable,
                  TractRecordForm *self)
{
  field_changed (self, find_widget_field (self, editable), SAVE_DELAY_MS);
}

static void
on_choice_changed (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   TractRecordForm *self)
{
  /* A choice is one deliberate click: no need to wait. */
  field_changed (self, find_widget_field (self, row), 0);
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   TractRecordForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->kind == FIELD_TEXT_VIEW && field_buffer (field) == buffer)
        field_changed (self, field, SAVE_DELAY_MS);
    }
}

/* Someone else (an import, an undo, another editor) changed the row. */
static void
on_record_changed (TractStore      *store,
                   TractRecord     *before,
                   TractRecord     *after,
                   TractRecordForm *self)
{
  TractRecord *any = after != NULL ? after : before;

  if (self->saving || self->record == NULL || tract_record_get_id (self->record) == 0
      || tract_record_get_id (any) != tract_record_get_id (self->record))
    return;

  if (after == NULL)
    {
      g_signal_emit (self, signals[REMOVED], 0);
      return;
    }

  g_clear_object (&self->record);
  self->record = tract_record_copy (after);
  load (self, FALSE);
}

static void
on_table_reset (TractStore      *store,
                TractRecordForm *self)
{
  g_autoptr(TractRecord) stored = NULL;

  if (self->saving || self->record == NULL || tract_record_get_id (self->record) == 0)
    return;

  stored = tract_store_load (store, G_OBJECT_TYPE (self->record), tract_record_get_id (self->record), NULL);
  if (stored == NULL)
    {
      g_signal_emit (self, signals[REMOVED], 0);
      return;
    }
  g_set_object (&self->record, stored);
  load (self, FALSE);
}

static void
watch_table (TractRecordForm *self)
{
  g_autofree char *changed = NULL;
  g_autofree char *reset = NULL;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  if (self->store == NULL || self->record == NULL)
    return;

  changed = g_strdup_printf ("record-changed::%s", tract_record_get_table (self->record));
  reset = g_strdup_printf ("table-reset::%s", tract_record_get_table (self->record));
  self->changed_handler = g_signal_connect (self->store, changed, G_CALLBACK (on_record_changed), self);
  self->reset_handler = g_signal_connect (self->store, reset, G_CALLBACK (on_table_reset), self);
}

static void
tract_record_form_dispose (GObject *object)
{
  TractRecordForm *self = TRACT_RECORD_FORM (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      gpointer instance = field->kind == FIELD_TEXT_VIEW ? (gpointer) field_buffer (field) : field->widget;

      g_signal_handlers_disconnect_by_data (instance, self);
    }
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tract_record_form_parent_class)->dispose (object);
}

static void
tract_record_form_class_init (TractRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tract_record_form_dispose;

  /**
   * TractRecordForm::saved:
   * @record: the record as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, TRACT_TYPE_RECORD);
  /**
   * TractRecordForm::removed:
   *
   * The record was deleted, by someone else.
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TractRecordForm::failed:
   * @message: a sentence for the person
   *
   * The database refused a save for a reason no field explains.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tract_record_form_init (TractRecordForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

TractRecordForm *
tract_record_form_new (void)
{
  return g_object_new (TRACT_TYPE_RECORD_FORM, NULL);
}

static Field *
add_field (TractRecordForm *self,
           FieldKind        kind,
           const char      *column,
           GtkWidget       *widget,
           GtkLabel        *error_label)
{
  Field *field = g_new0 (Field, 1);

  field->kind = kind;
  field->column = g_strdup (column);
  field->widget = g_object_ref (widget);
  field->error_label = error_label != NULL ? g_object_ref (error_label) : NULL;
  g_ptr_array_add (self->fields, field);
  return field;
}

/* @error_label: (nullable): where the reason shows when the field is in error */
void
tract_record_form_add_entry (TractRecordForm *self,
                             const char      *column,
                             AdwEntryRow     *row,
                             GtkLabel        *error_label)
{
  GtkWidget *icon;
  Field *field;

  g_return_if_fail (TRACT_IS_RECORD_FORM (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  field = add_field (self, FIELD_ENTRY, column, GTK_WIDGET (row), error_label);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  adw_entry_row_add_suffix (row, icon);
  field->error_icon = g_object_ref (icon);
  g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
}

/* @values: (array zero-terminated=1): the stored value of each row of the
 *   combo's model, in order; a static array */
void
tract_record_form_add_choice (TractRecordForm    *self,
                              const char         *column,
                              AdwComboRow        *row,
                              const char * const *values,
                              GtkLabel           *error_label)
{
  Field *field;

  g_return_if_fail (TRACT_IS_RECORD_FORM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  field = add_field (self, FIELD_CHOICE, column, GTK_WIDGET (row), error_label);
  field->values = values;
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_changed), self);
}

void
tract_record_form_add_text_view (TractRecordForm *self,
                                 const char      *column,
                                 GtkTextView     *view,
                                 GtkLabel        *error_label)
{
  g_return_if_fail (TRACT_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  add_field (self, FIELD_TEXT_VIEW, column, GTK_WIDGET (view), error_label);
  g_signal_connect (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (on_buffer_changed), self);
}

TractStore *
tract_record_form_get_store (TractRecordForm *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_FORM (self), NULL);
  return self->store;
}

void
tract_record_form_set_store (TractRecordForm *self,
                             TractStore      *store)
{
  g_return_if_fail (TRACT_IS_RECORD_FORM (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (self->store == store)
    return;
  tract_record_form_set_record (self, NULL);
  g_set_object (&self->store, store);
}

/* Returns: (transfer none) (nullable): the record as last saved, or the draft */
TractRecord *
tract_record_form_get_record (TractRecordForm *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_FORM (self), NULL);
  return self->record;
}

/**
 * tract_record_form_set_record:
 * @record: (nullable): the record to edit; a record without an id is a
 *   draft, inserted once its fields validate
 *
 * Saves what is pending for the previous record first. The form edits a
 * copy: @record itself never changes.
 */
void
tract_record_form_set_record (TractRecordForm *self,
                              TractRecord     *record)
{
  g_return_if_fail (TRACT_IS_RECORD_FORM (self));
  g_return_if_fail (record == NULL || TRACT_IS_RECORD (record));

  save (self);

  g_clear_object (&self->record);
  if (record != NULL)
    self->record = tract_record_copy (record);
  watch_table (self);
  load (self, TRUE);
}

/* Saves what was typed now rather than in a moment. Returns: %FALSE when a
 * field in error could not be saved */
gboolean
tract_record_form_flush (TractRecordForm *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_FORM (self), FALSE);

  return save (self) && !tract_record_form_has_errors (self);
}

gboolean
tract_record_form_has_errors (TractRecordForm *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (((Field *) g_ptr_array_index (self->fields, i))->error != NULL)
      return TRUE;
  return FALSE;
}

/* Returns: (transfer full): the reasons of the fields in error, one a line */
char *
tract_record_form_dup_errors (TractRecordForm *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (TRACT_IS_RECORD_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->error != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", field->error);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Forgets what was typed and not saved; the fields show the stored record again. */
void
tract_record_form_discard (TractRecordForm *self)
{
  g_return_if_fail (TRACT_IS_RECORD_FORM (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  load (self, TRUE);
}

void
tract_record_form_focus (TractRecordForm *self,
                         const char      *column)
{
  Field *field;

  g_return_if_fail (TRACT_IS_RECORD_FORM (self));

  field = find_field (self, column);
  if (field == NULL)
    return;
  gtk_widget_grab_focus (field->widget);
  if (field->kind == FIELD_ENTRY)
    gtk_editable_select_region (GTK_EDITABLE (field->widget), 0, -1);
}
