/* tract-statement-editor.c — one statement: its text, signatures and revisions
 *
 * The title, language, status and translation link; the body in a source
 * view with Markdown highlighting, undo and redo, and a word count; the
 * signatures; the signatories block with its heading; the revisions.
 *
 * What is typed is saved as it is typed: the first change starts a short
 * timer, and further typing does not push it back, so the stored text is
 * never more than SAVE_DELAY_MS behind, however long the typing goes on.
 * Each save is one transaction through the ledger, which also saves the
 * revisions the rules ask for (a status change, an edit of a signed text).
 *
 * A field that does not validate (an empty title, a language that is not
 * one) is marked in error with the reason and kept out of the save, while
 * the rest, the body above all, is saved: nothing typed is lost, nothing
 * invalid is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-statement-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtksourceview/gtksource.h>

#include "tract-diff.h"
#include "tract-format.h"
#include "tract-revisions-panel.h"
#include "tract-signatures-panel.h"
#include "tract-statement-editor-private.h"
#include "tract-statement-ledger.h"
#include "tract-validate.h"

/* At most this far behind the typing; the issue allows a second. */
#define SAVE_DELAY_MS  500
#define COUNT_DELAY_MS 250

static const char * const statuses[] = {
  "draft", "circulating", "final", "published", "withdrawn", NULL
};

struct _TractStatementEditor
{
  GtkWidget             parent_instance;

  TractStore           *store;
  TractStatement       *saved;         /* as stored */
  GArray               *originals;     /* statement id per translation row; 0 is none */
  guint                 save_source;
  guint                 count_source;
  gboolean              dirty;
  gboolean              loading;
  gboolean              saving;
  gulong                statement_handler;
  gulong                statement_reset_handler;
  gulong                signature_handler;
  gulong                signature_reset_handler;
  gulong                revision_handler;
  gulong                revision_reset_handler;
  gulong                organization_handler;

  GtkWidget            *back_button;
  GtkLabel             *heading_label;
  GtkLabel             *save_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *language_row;
  AdwComboRow          *status_row;
  GtkStringList        *status_labels;
  AdwComboRow          *translation_row;
  GtkStringList        *translation_labels;
  GtkLabel             *fields_error;
  GtkWidget            *translation_box;
  GtkImage             *translation_icon;
  GtkLabel             *translation_label;
  GtkSourceView        *body_view;
  GtkLabel             *count_label;
  TractSignaturesPanel *signatures_panel;
  AdwEntryRow          *heading_row;
  GtkLabel             *block_label;
  TractRevisionsPanel  *revisions_panel;
};

G_DEFINE_FINAL_TYPE (TractStatementEditor, tract_statement_editor, GTK_TYPE_WIDGET)

static gint64
statement_id (TractStatementEditor *self)
{
  return self->saved != NULL ? tract_record_get_id (TRACT_RECORD (self->saved)) : 0;
}

static GtkTextBuffer *
body_buffer (TractStatementEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body_view));
}

static char *
dup_body (TractStatementEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (self), &start, &end, FALSE);
}

/* Field errors */

static void
mark_field (GtkWidget *row,
            gboolean   in_error)
{
  if (in_error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_field_errors (TractStatementEditor *self,
                   GPtrArray            *messages)
{
  g_autofree char *text = NULL;

  if (messages->len > 0)
    {
      g_ptr_array_add (messages, NULL);
      text = g_strjoinv ("\n", (char **) messages->pdata);
      g_ptr_array_remove_index (messages, messages->len - 1);
    }
  gtk_label_set_label (self->fields_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fields_error), text != NULL);
}

/* The signatories block */

static void
update_block (TractStatementEditor *self)
{
  g_autofree char *block = NULL;

  if (self->saved == NULL)
    return;
  block = tract_statement_ledger_dup_signatories (self->store, statement_id (self), NULL);
  if (block == NULL || *block == '\0')
    {
      gtk_label_set_label (self->block_label, _("No organization has signed yet: the block appears "
                                                "here, as exports print it, once one has."));
      gtk_widget_add_css_class (GTK_WIDGET (self->block_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->block_label, block);
      gtk_widget_remove_css_class (GTK_WIDGET (self->block_label), "dim-label");
    }
}

/* Translations */

static void
update_translation_state (TractStatementEditor *self)
{
  gint64 translated = 0, newest = 0;
  g_autofree char *text = NULL;
  TractTranslationState state;

  if (self->saved == NULL)
    return;
  state = tract_statement_ledger_get_translation_state (self->store, statement_id (self), &translated, &newest);
  gtk_widget_set_visible (self->translation_box, state != TRACT_TRANSLATION_NONE);

  switch (state)
    {
    case TRACT_TRANSLATION_NONE:
      return;
    case TRACT_TRANSLATION_UP_TO_DATE:
      if (newest == 0)
        text = g_strdup (_("The original has no revision yet; save one there, then here, to follow "
                           "its changes."));
      else
        text = g_strdup_printf (_("Up to date: this translation’s latest revision follows revision %d "
                                  "of the original."), (int) newest);
      gtk_image_set_from_icon_name (self->translation_icon, "object-select-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->translation_label), "warning");
      break;
    case TRACT_TRANSLATION_BEHIND:
      if (translated == 0)
        text = g_strdup_printf (_("Behind the original: it has revision %d, and this "
                                  "translation has no revision since. Bring it up to date, then save "
                                  "a revision."), (int) newest);
      else
        text = g_strdup_printf (_("Behind the original: it has revision %d, and this "
                                  "translation follows revision %d. Bring it up to "
                                  "date, then save a revision."), (int) newest, (int) translated);
      gtk_image_set_from_icon_name (self->translation_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->translation_label), "warning");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (self->translation_label, text);
}

/* The statements this one can translate: the campaign's originals. */
static void
update_originals (TractStatementEditor *self)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 current, none = 0;
  guint selected = 0;

  if (self->saved == NULL)
    return;
  current = tract_record_get_integer (TRACT_RECORD (self->saved), "translation_of");
  statements = tract_store_select (self->store, TRACT_TYPE_STATEMENT, "campaign_id",
                                   tract_record_get_integer (TRACT_RECORD (self->saved), "campaign_id"),
                                   "title, id", NULL);

  g_array_set_size (self->originals, 0);
  g_array_append_val (self->originals, none);
  g_ptr_array_add (labels, g_strdup (_("Not a translation")));
  for (guint i = 0; statements != NULL && i < statements->len; i++)
    {
      TractRecord *other = statements->pdata[i];
      gint64 id = tract_record_get_id (other);

      if (id == statement_id (self)
          || (tract_record_get_integer (other, "translation_of") != 0 && id != current))
        continue;
      if (id == current)
        selected = self->originals->len;
      g_array_append_val (self->originals, id);
      g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", tract_record_get_text (other, "title"),
                                                tract_record_get_text (other, "language")));
    }
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->translation_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->translation_labels)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->translation_row, selected);
  self->loading = FALSE;
}

/* Counting */

static gboolean
count_now (gpointer user_data)
{
  TractStatementEditor *self = user_data;
  g_autofree char *body = dup_body (self);
  guint words = tract_diff_count_words (body);
  glong characters = g_utf8_strlen (body, -1);
  g_autofree char *words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words),
                                                 words);
  g_autofree char *characters_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character",
                                                                   "%ld characters", characters),
                                                      characters);
  g_autofree char *text = tract_format_join (2, words_text, characters_text);

  self->count_source = 0;
  gtk_label_set_label (self->count_label, text);
  return G_SOURCE_REMOVE;
}

/* Saving */

static void
set_save_state (TractStatementEditor *self,
                const char           *text)
{
  gtk_label_set_label (self->save_label, text);
}

/* Saves the fields as they stand; those that do not validate keep their
 * stored value and are marked in error. */
static gboolean
save_now (TractStatementEditor *self)
{
  g_autoptr(TractStatement) candidate = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *language = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  guint status = adw_combo_row_get_selected (self->status_row);
  guint original = adw_combo_row_get_selected (self->translation_row);
  gboolean title_ok, language_ok, ok = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->saved == NULL)
    return TRUE;

  candidate = TRACT_STATEMENT (tract_record_copy (TRACT_RECORD (self->saved)));
  body = dup_body (self);
  tract_record_set_text (TRACT_RECORD (candidate), "body", body);
  tract_record_set_text (TRACT_RECORD (candidate), "signatories_heading",
                         gtk_editable_get_text (GTK_EDITABLE (self->heading_row)));
  if (status < G_N_ELEMENTS (statuses) - 1)
    tract_record_set_text (TRACT_RECORD (candidate), "status", statuses[status]);
  if (original < self->originals->len)
    tract_record_set_integer (TRACT_RECORD (candidate), "translation_of",
                              g_array_index (self->originals, gint64, original));

  title_ok = !tract_validate_is_blank (title);
  if (title_ok)
    tract_record_set_text (TRACT_RECORD (candidate), "title", title);
  else
    g_ptr_array_add (errors, g_strdup (_("Title cannot be empty: the last title is kept until you "
                                         "write one.")));

  language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));
  language_ok = tract_validate_language (language);
  if (language_ok)
    tract_record_set_text (TRACT_RECORD (candidate), "language", language);
  else
    g_ptr_array_add (errors, g_strdup_printf (_("Language: “%s” is not a language tag; write one such "
                                                "as fr, en, tr or pt-BR."), language));

  /* A field the ledger refuses is left as stored, and the rest saved. */
  for (guint attempt = 0; attempt < 4 && !ok; attempt++)
    {
      const char *field;

      g_clear_error (&error);
      self->saving = TRUE;
      ok = tract_statement_ledger_save (self->store, candidate, NULL, &error);
      self->saving = FALSE;
      if (ok)
        break;

      field = tract_store_error_get_field (error);
      if (field == NULL || g_str_equal (field, "body"))
        break;
      g_ptr_array_add (errors, g_strdup (error->message));
      if (g_str_equal (field, "title"))
        title_ok = FALSE;
      else if (g_str_equal (field, "language"))
        language_ok = FALSE;
      tract_record_set_value (TRACT_RECORD (candidate),
                              (guint) tract_record_find_column (TRACT_RECORD (candidate), field),
                              tract_record_get_value (TRACT_RECORD (self->saved),
                                                      (guint) tract_record_find_column (TRACT_RECORD (self->saved),
                                                                                        field)));
    }

  mark_field (GTK_WIDGET (self->title_row), !title_ok);
  mark_field (GTK_WIDGET (self->language_row), !language_ok);

  if (!ok)
    {
      g_autofree char *state = g_strdup_printf (_("Not saved: %s"), error->message);

      g_ptr_array_add (errors, g_strdup (error->message));
      show_field_errors (self, errors);
      set_save_state (self, _("Not saved"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), state);
      return FALSE;
    }

  g_set_object (&self->saved, candidate);
  self->dirty = FALSE;
  show_field_errors (self, errors);
  set_save_state (self, _("Saved"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), NULL);
  gtk_label_set_label (self->heading_label, tract_record_get_text (TRACT_RECORD (self->saved), "title"));

  /* The choice that was refused shows what is stored again. */
  self->loading = TRUE;
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], tract_record_get_text (TRACT_RECORD (self->saved), "status")))
      adw_combo_row_set_selected (self->status_row, i);
  self->loading = FALSE;
  update_originals (self);
  update_translation_state (self);
  update_block (self);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  TractStatementEditor *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* Not pushed back by further typing: the save happens SAVE_DELAY_MS after
 * the first unsaved change, at the latest. */
static void
schedule_save (TractStatementEditor *self)
{
  if (self->loading || self->saved == NULL)
    return;
  self->dirty = TRUE;
  if (self->save_source == 0)
    {
      self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
      set_save_state (self, _("Saving…"));
    }
}

gboolean
tract_statement_editor_flush (TractStatementEditor *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENT_EDITOR (self), FALSE);

  if (!self->dirty && self->save_source == 0)
    return TRUE;
  return save_now (self);
}

static void
on_body_changed (TractStatementEditor *self)
{
  schedule_save (self);
  if (self->count_source == 0)
    self->count_source = g_timeout_add (COUNT_DELAY_MS, count_now, self);
}

/* A choice is saved at once, with what was typed before it. */
static void
on_choice_changed (TractStatementEditor *self)
{
  if (self->loading || self->saved == NULL)
    return;
  self->dirty = TRUE;
  save_now (self);
  tract_signatures_panel_set_statement (self->signatures_panel, self->store, statement_id (self));
}

/* Loading */

static void
load_fields (TractStatementEditor *self,
             gboolean              with_body)
{
  TractRecord *record = TRACT_RECORD (self->saved);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tract_record_get_text (record, "title"));
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), tract_record_get_text (record, "language"));
  gtk_editable_set_text (GTK_EDITABLE (self->heading_row),
                         tract_record_get_text (record, "signatories_heading"));
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], tract_record_get_text (record, "status")))
      adw_combo_row_set_selected (self->status_row, i);
  if (with_body)
    {
      GtkTextBuffer *buffer = body_buffer (self);
      GtkTextIter iter;
      int offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&iter);

      /* Another text is not an edit: there is nothing to undo to. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, tract_record_get_text (record, "body"), -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  self->loading = FALSE;

  mark_field (GTK_WIDGET (self->title_row), FALSE);
  mark_field (GTK_WIDGET (self->language_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->fields_error), FALSE);
  gtk_label_set_label (self->heading_label, tract_record_get_text (record, "title"));
  set_save_state (self, "");
  count_now (self);
  update_originals (self);
  update_translation_state (self);
  update_block (self);
}

/* Someone else changed the statement: a restored revision, another window. */
static void
on_statement_changed (TractStore           *store,
                      TractRecord          *before,
                      TractRecord          *after,
                      TractStatementEditor *self)
{
  gboolean body_changed;

  if (self->saved == NULL)
    return;
  if (after == NULL || tract_record_get_id (after) != statement_id (self))
    {
      /* Another statement: the list of originals may have changed. */
      update_originals (self);
      update_translation_state (self);
      if (after == NULL && before != NULL && tract_record_get_id (before) == statement_id (self))
        tract_statement_editor_set_statement (self, NULL, 0);
      return;
    }
  if (self->saving)
    return;

  body_changed = !g_str_equal (tract_record_get_text (after, "body"),
                               tract_record_get_text (TRACT_RECORD (self->saved), "body"));
  g_clear_object (&self->saved);
  self->saved = TRACT_STATEMENT (tract_record_copy (after));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  load_fields (self, body_changed);
}

static void
on_statements_reset (TractStore           *store,
                     TractStatementEditor *self)
{
  g_autoptr(TractStatement) stored = NULL;

  if (self->saved == NULL || self->saving)
    return;
  stored = tract_store_load (store, TRACT_TYPE_STATEMENT, statement_id (self), NULL);
  if (stored == NULL)
    tract_statement_editor_set_statement (self, NULL, 0);
  else
    on_statement_changed (store, TRACT_RECORD (self->saved), TRACT_RECORD (stored), self);
}

static void
on_block_source_changed (TractStatementEditor *self)
{
  update_block (self);
}

static void
on_revisions_changed (TractStatementEditor *self)
{
  update_translation_state (self);
}

static void
disconnect_store (TractStatementEditor *self)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->statement_handler, self->store);
      g_clear_signal_handler (&self->statement_reset_handler, self->store);
      g_clear_signal_handler (&self->signature_handler, self->store);
      g_clear_signal_handler (&self->signature_reset_handler, self->store);
      g_clear_signal_handler (&self->revision_handler, self->store);
      g_clear_signal_handler (&self->revision_reset_handler, self->store);
      g_clear_signal_handler (&self->organization_handler, self->store);
    }
  g_clear_object (&self->store);
}

/**
 * tract_statement_editor_set_statement:
 * @store: (nullable): the database, %NULL with no statement
 * @statement_id: the statement to edit, 0 for none
 *
 * Saves what was typed in the statement shown before, then shows this one.
 */
void
tract_statement_editor_set_statement (TractStatementEditor *self,
                                      TractStore           *store,
                                      gint64                id)
{
  g_autoptr(TractStatement) statement = NULL;

  g_return_if_fail (TRACT_IS_STATEMENT_EDITOR (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (self->store != NULL)
    tract_statement_editor_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;

  if (store != NULL && id != 0)
    statement = tract_store_load (store, TRACT_TYPE_STATEMENT, id, NULL);

  disconnect_store (self);
  g_set_object (&self->saved, statement);

  if (statement != NULL)
    {
      self->store = g_object_ref (store);
      self->statement_handler = g_signal_connect (store, "record-changed::statement",
                                                  G_CALLBACK (on_statement_changed), self);
      self->statement_reset_handler = g_signal_connect (store, "table-reset::statement",
                                                        G_CALLBACK (on_statements_reset), self);
      self->signature_handler = g_signal_connect_swapped (store, "record-changed::signature",
                                                          G_CALLBACK (on_block_source_changed), self);
      self->signature_reset_handler = g_signal_connect_swapped (store, "table-reset::signature",
                                                                G_CALLBACK (on_block_source_changed), self);
      self->organization_handler = g_signal_connect_swapped (store, "record-changed::organization",
                                                             G_CALLBACK (on_block_source_changed), self);
      self->revision_handler = g_signal_connect_swapped (store, "record-changed::statement_revision",
                                                         G_CALLBACK (on_revisions_changed), self);
      self->revision_reset_handler = g_signal_connect_swapped (store, "table-reset::statement_revision",
                                                               G_CALLBACK (on_revisions_changed), self);
      load_fields (self, TRUE);
      /* Undo starts from the statement as it was opened. */
      gtk_text_buffer_set_enable_undo (body_buffer (self), FALSE);
      gtk_text_buffer_set_enable_undo (body_buffer (self), TRUE);
    }

  tract_signatures_panel_set_statement (self->signatures_panel, self->store, statement_id (self));
  tract_revisions_panel_set_statement (self->revisions_panel, self->store, statement_id (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export", statement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-revision", statement != NULL);
}

gint64
tract_statement_editor_get_statement_id (TractStatementEditor *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENT_EDITOR (self), 0);

  return statement_id (self);
}

void
tract_statement_editor_set_show_back (TractStatementEditor *self,
                                      gboolean              show_back)
{
  g_return_if_fail (TRACT_IS_STATEMENT_EDITOR (self));

  gtk_widget_set_visible (self->back_button, show_back);
}

void
tract_statement_editor_focus_title (TractStatementEditor *self)
{
  g_return_if_fail (TRACT_IS_STATEMENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

/* Actions */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (widget);

  if (gtk_text_buffer_get_can_undo (body_buffer (self)))
    gtk_text_buffer_undo (body_buffer (self));
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (widget);

  if (gtk_text_buffer_get_can_redo (body_buffer (self)))
    gtk_text_buffer_redo (body_buffer (self));
}

static void
update_undo_actions (TractStatementEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 gtk_text_buffer_get_can_undo (body_buffer (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 gtk_text_buffer_get_can_redo (body_buffer (self)));
}

static void
save_revision_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (widget);

  tract_statement_editor_flush (self);
  tract_revisions_panel_save_revision (self->revisions_panel);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (widget);

  if (self->saved == NULL)
    return;
  tract_statement_editor_flush (self);
  tract_statement_editor_export (self, self->store, statement_id (self), g_variant_get_string (parameter, NULL));
}

static void
open_original_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (widget);
  gint64 original;

  if (self->saved == NULL)
    return;
  original = tract_record_get_integer (TRACT_RECORD (self->saved), "translation_of");
  if (original != 0)
    gtk_widget_activate_action (widget, "statements.open", "x", original);
}

/* Markdown colours that follow the light or dark style. */
static void
update_scheme (TractStatementEditor *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark"
                                                                                          : "Adwaita");

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (body_buffer (self)), scheme);
}

/* GObject */

static void
tract_statement_editor_dispose (GObject *object)
{
  TractStatementEditor *self = TRACT_STATEMENT_EDITOR (object);
  GtkWidget *child;

  /* Closing the window right after typing keeps what was typed. */
  if (self->store != NULL && self->body_view != NULL)
    tract_statement_editor_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  disconnect_store (self);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->originals, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_STATEMENT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_statement_editor_parent_class)->dispose (object);
}

static void
tract_statement_editor_class_init (TractStatementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_statement_editor_dispose;

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (TRACT_TYPE_SIGNATURES_PANEL);
  g_type_ensure (TRACT_TYPE_REVISIONS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-statement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, status_labels);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, translation_row);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, translation_labels);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, fields_error);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, translation_box);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, translation_icon);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, translation_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, signatures_panel);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, heading_row);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, block_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementEditor, revisions_panel);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-revision", NULL, save_revision_activated);
  gtk_widget_class_install_action (widget_class, "editor.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "editor.open-original", NULL, open_original_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save-revision", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_statement_editor_init (TractStatementEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (languages, "markdown");
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->originals = g_array_new (FALSE, FALSE, sizeof (gint64));

  buffer = body_buffer (self);
  if (markdown != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), markdown);
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (buffer), TRUE);
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (self->status_labels, tract_format_statement_status (statuses[i]));

  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_body_changed), self);
  g_signal_connect_swapped (buffer, "notify::can-undo", G_CALLBACK (update_undo_actions), self);
  g_signal_connect_swapped (buffer, "notify::can-redo", G_CALLBACK (update_undo_actions), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->heading_row, "changed", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->translation_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->signatures_panel, "flush", G_CALLBACK (tract_statement_editor_flush), self);
  g_signal_connect_swapped (self->revisions_panel, "flush", G_CALLBACK (tract_statement_editor_flush), self);

  update_undo_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-revision", FALSE);
}

GtkWidget *
tract_statement_editor_new (void)
{
  return g_object_new (TRACT_TYPE_STATEMENT_EDITOR, NULL);
}
