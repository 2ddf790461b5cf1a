/* tract-revisions-panel.c — the revisions of a statement, and what changed between them
 *
 * The newest revision first, each with a Restore button; below, two
 * choosers (any revision, or the text as it stands) and the words that
 * changed between them. The comparison follows the text as it is saved.
 *
 * Before anything reads or writes the statement's text, the panel emits
 * "flush", so that its editor saves what was typed a moment ago first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "tract-diff-view.h"
#include "tract-record-list.h"
#include "tract-revision-row.h"
#include "tract-revisions-panel.h"
#include "tract-statement-ledger.h"
#include "tract-window.h"
#include "tract-toast.h"

/* A saved text is compared again at most this often while typing goes on. */
#define COMPARE_DELAY_MS 400

struct _TractRevisionsPanel
{
  GtkWidget           parent_instance;

  TractStore         *store;
  gint64              statement_id;
  TractRecordList    *revisions;
  GtkSortListModel   *sorted;
  GArray             *choices;      /* revision id per chooser row; 0 is the current text */
  guint               compare_source;
  gboolean            updating_choices;
  gulong              statement_handler;
  gulong              signature_handler;
  gulong              signature_reset_handler;

  GtkLabel           *empty_label;
  GtkListBox         *revisions_list;
  GtkListBox         *compare_list;
  AdwComboRow        *from_row;
  AdwComboRow        *to_row;
  GtkStringList      *from_labels;
  GtkStringList      *to_labels;
  TractDiffView      *diff_view;
};

G_DEFINE_FINAL_TYPE (TractRevisionsPanel, tract_revisions_panel, GTK_TYPE_WIDGET)

enum {
  FLUSH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TractRevisionsPanel *self,
            const char          *heading,
            const char          *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (TractRevisionsPanel *self,
       const char          *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TRACT_IS_WINDOW (root))
    tract_window_add_toast (TRACT_WINDOW (root), tract_toast_new_literal (title));
}

/* Comparing */

/* "Title\n\nBody": a change of title shows too. */
static char *
dup_text_of (TractRevisionsPanel *self,
             gint64               revision_id)
{
  g_autoptr(TractRecord) record = NULL;

  if (revision_id == 0)
    record = tract_store_load (self->store, TRACT_TYPE_STATEMENT, self->statement_id, NULL);
  else
    record = tract_store_load (self->store, TRACT_TYPE_STATEMENT_REVISION, revision_id, NULL);
  if (record == NULL)
    return NULL;
  return g_strconcat (tract_record_get_text (record, "title"), "\n\n",
                      tract_record_get_text (record, "body"), NULL);
}

static gint64
chosen (TractRevisionsPanel *self,
        AdwComboRow         *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->choices == NULL || position >= self->choices->len)
    return -1;
  return g_array_index (self->choices, gint64, position);
}

static gboolean
compare_now (gpointer user_data)
{
  TractRevisionsPanel *self = user_data;
  gint64 from = chosen (self, self->from_row);
  gint64 to = chosen (self, self->to_row);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  self->compare_source = 0;

  if (self->store == NULL || self->statement_id == 0 || from < 0 || to < 0)
    {
      tract_diff_view_clear (self->diff_view, NULL);
      return G_SOURCE_REMOVE;
    }
  if (self->choices->len < 2)
    {
      tract_diff_view_clear (self->diff_view, _("Save a revision to compare the text with it."));
      return G_SOURCE_REMOVE;
    }
  if (from == to)
    {
      tract_diff_view_clear (self->diff_view, _("Choose two different texts to compare."));
      return G_SOURCE_REMOVE;
    }

  if (from == 0 || to == 0)
    g_signal_emit (self, signals[FLUSH], 0);
  old_text = dup_text_of (self, from);
  new_text = dup_text_of (self, to);
  if (old_text == NULL || new_text == NULL)
    tract_diff_view_clear (self->diff_view, NULL);
  else
    tract_diff_view_set_texts (self->diff_view, old_text, new_text);
  return G_SOURCE_REMOVE;
}

static void
schedule_compare (TractRevisionsPanel *self)
{
  if (self->compare_source == 0)
    self->compare_source = g_timeout_add (COMPARE_DELAY_MS, compare_now, self);
}

static guint
position_of (GArray *choices,
             gint64  id)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The choosers list "Current text" and every revision, newest first; what
 * was chosen stays chosen. By default, the newest revision against the
 * text as it stands. */
static void
update_choices (TractRevisionsPanel *self)
{
  gint64 from = chosen (self, self->from_row);
  gint64 to = chosen (self, self->to_row);
  guint n = self->sorted != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint from_position, to_position;
  gint64 current_text = 0;

  self->updating_choices = TRUE;

  g_array_set_size (self->choices, 0);
  g_array_append_val (self->choices, current_text);
  g_ptr_array_add (labels, g_strdup (_("The current text")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TractRecord) revision = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      gint64 id = tract_record_get_id (revision);
      const char *note = tract_record_get_text (revision, "note");

      g_array_append_val (self->choices, id);
      if (*note != '\0')
        g_ptr_array_add (labels, g_strdup_printf (_("Revision %d (%s)"),
                                                  (int) tract_record_get_integer (revision, "number"), note));
      else
        g_ptr_array_add (labels, g_strdup_printf (_("Revision %d"),
                                                  (int) tract_record_get_integer (revision, "number")));
    }
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->from_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->from_labels)),
                          (const char * const *) labels->pdata);
  gtk_string_list_splice (self->to_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->to_labels)),
                          (const char * const *) labels->pdata);

  from_position = from > 0 ? position_of (self->choices, from) : GTK_INVALID_LIST_POSITION;
  to_position = to >= 0 ? position_of (self->choices, to) : GTK_INVALID_LIST_POSITION;
  if (from_position == GTK_INVALID_LIST_POSITION)
    from_position = self->choices->len > 1 ? 1 : 0;
  if (to_position == GTK_INVALID_LIST_POSITION)
    to_position = 0;
  adw_combo_row_set_selected (self->from_row, from_position);
  adw_combo_row_set_selected (self->to_row, to_position);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->revisions_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_list), n > 0);

  self->updating_choices = FALSE;
  schedule_compare (self);
}

static void
on_choice_changed (TractRevisionsPanel *self)
{
  if (!self->updating_choices)
    schedule_compare (self);
}

/* The list */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TractRevisionsPanel *self = user_data;

  return tract_revision_row_new (self->store, item);
}

static void
bind_rows (TractRevisionsPanel *self)
{
  gtk_list_box_bind_model (self->revisions_list, G_LIST_MODEL (self->sorted), create_row, self, NULL);
}

static void
on_revisions_changed (TractRevisionsPanel *self)
{
  update_choices (self);
}

static void
on_statement_changed (TractStore          *store,
                      TractRecord         *before,
                      TractRecord         *after,
                      TractRevisionsPanel *self)
{
  if (after != NULL && tract_record_get_id (after) == self->statement_id
      && (chosen (self, self->from_row) == 0 || chosen (self, self->to_row) == 0))
    schedule_compare (self);
}

/* How many organizations signed each revision. */
static void
on_signature_changed (TractStore          *store,
                      TractRecord         *before,
                      TractRecord         *after,
                      TractRevisionsPanel *self)
{
  TractRecord *record = after != NULL ? after : before;

  if (tract_record_get_integer (record, "statement_id") == self->statement_id)
    bind_rows (self);
}

static void
on_signatures_reset (TractStore          *store,
                     TractRevisionsPanel *self)
{
  if (self->sorted != NULL)
    bind_rows (self);
}

static void
disconnect (TractRevisionsPanel *self)
{
  g_clear_handle_id (&self->compare_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->statement_handler, self->store);
      g_clear_signal_handler (&self->signature_handler, self->store);
      g_clear_signal_handler (&self->signature_reset_handler, self->store);
    }
  if (self->revisions_list != NULL)
    gtk_list_box_bind_model (self->revisions_list, NULL, NULL, NULL, NULL);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  g_clear_object (&self->sorted);
  g_clear_object (&self->revisions);
  g_clear_object (&self->store);
}

/**
 * tract_revisions_panel_set_statement:
 * @store: (nullable): the database, %NULL with no statement
 * @statement_id: the statement whose revisions to show, 0 for none
 */
void
tract_revisions_panel_set_statement (TractRevisionsPanel *self,
                                     TractStore          *store,
                                     gint64               statement_id)
{
  GtkSorter *sorter;

  g_return_if_fail (TRACT_IS_REVISIONS_PANEL (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  disconnect (self);
  self->statement_id = statement_id;

  if (store != NULL && statement_id != 0)
    {
      self->store = g_object_ref (store);
      self->revisions = tract_record_list_new (store, TRACT_TYPE_STATEMENT_REVISION, "statement_id",
                                               statement_id, "number");
      sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (TRACT_TYPE_STATEMENT_REVISION,
                                                                                NULL, "number")));
      gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
      self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->revisions)), sorter);
      g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_revisions_changed), self);
      bind_rows (self);

      self->statement_handler = g_signal_connect (store, "record-changed::statement",
                                                  G_CALLBACK (on_statement_changed), self);
      self->signature_handler = g_signal_connect (store, "record-changed::signature",
                                                  G_CALLBACK (on_signature_changed), self);
      self->signature_reset_handler = g_signal_connect (store, "table-reset::signature",
                                                        G_CALLBACK (on_signatures_reset), self);
    }

  /* Choose afresh: the newest revision against the current text. */
  adw_combo_row_set_selected (self->from_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->to_row, GTK_INVALID_LIST_POSITION);
  g_array_set_size (self->choices, 0);
  update_choices (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.save", self->store != NULL);
}

GListModel *
tract_revisions_panel_get_model (TractRevisionsPanel *self)
{
  g_return_val_if_fail (TRACT_IS_REVISIONS_PANEL (self), NULL);

  return self->sorted != NULL ? G_LIST_MODEL (self->sorted) : NULL;
}

/* Saving a revision */

static void
on_save_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  TractRevisionsPanel *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  g_signal_emit (self, signals[FLUSH], 0);
  note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  revision = tract_statement_ledger_save_revision (self->store, self->statement_id, note, &error);
  if (revision == NULL)
    {
      show_error (self, _("Could Not Save the Revision"), error->message);
      return;
    }
  message = g_strdup_printf (_("Revision %d saved"),
                             (int) tract_record_get_integer (TRACT_RECORD (revision), "number"));
  toast (self, message);
}

void
tract_revisions_panel_save_revision (TractRevisionsPanel *self)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (TRACT_IS_REVISIONS_PANEL (self));

  if (self->store == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Revision"),
                                   _("The text as it stands is kept as the next revision, exactly "
                                     "as it is. A note says why, for those who read the history."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note, such as “Sent to the members”"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Revision Note"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Revision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tract_revisions_panel_save_revision (TRACT_REVISIONS_PANEL (widget));
}

/* Restoring */

static void
on_restore_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     TractRevisionsPanel *self)
{
  gint64 revision_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "revision-id"));
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "restore") || self->store == NULL)
    return;

  g_signal_emit (self, signals[FLUSH], 0);
  revision = tract_statement_ledger_restore_revision (self->store, revision_id, &error);
  if (revision == NULL)
    {
      show_error (self, _("Could Not Restore the Revision"), error->message);
      return;
    }
  message = g_strdup_printf (_("Restored as revision %d"),
                             (int) tract_record_get_integer (TRACT_RECORD (revision), "number"));
  toast (self, message);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TractRevisionsPanel *self = TRACT_REVISIONS_PANEL (widget);
  gint64 revision_id = g_variant_get_int64 (parameter);
  g_autoptr(TractStatementRevision) revision = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;
  gint64 number;

  if (self->store == NULL)
    return;
  revision = tract_store_load (self->store, TRACT_TYPE_STATEMENT_REVISION, revision_id, NULL);
  if (revision == NULL)
    return;
  number = tract_record_get_integer (TRACT_RECORD (revision), "number");

  heading = g_strdup_printf (_("Restore Revision %d?"), (int) number);
  body = g_strdup_printf (_("The title and text become those of revision %d again, saved as the "
                            "newest revision. No revision is deleted: the text as it stands stays "
                            "in the history if it was saved."),
                          (int) number);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "revision-id", GSIZE_TO_POINTER ((gsize) revision_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
tract_revisions_panel_dispose (GObject *object)
{
  TractRevisionsPanel *self = TRACT_REVISIONS_PANEL (object);
  GtkWidget *child;

  disconnect (self);
  g_clear_pointer (&self->choices, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_REVISIONS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_revisions_panel_parent_class)->dispose (object);
}

static void
tract_revisions_panel_class_init (TractRevisionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_revisions_panel_dispose;

  /**
   * TractRevisionsPanel::flush:
   *
   * The panel is about to read or change the statement's text: what was
   * typed must be saved first.
   */
  signals[FLUSH] = g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRACT_TYPE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-revisions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, revisions_list);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, compare_list);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, from_row);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, to_row);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, from_labels);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, to_labels);
  gtk_widget_class_bind_template_child (widget_class, TractRevisionsPanel, diff_view);

  gtk_widget_class_install_action (widget_class, "revisions.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "revisions.restore", "x", restore_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_revisions_panel_init (TractRevisionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->from_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->to_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.save", FALSE);
}
