/* tract-signatures-panel.c — the organizations asked to sign a statement
 *
 * The list of signatures in the order of the signatories block, with the
 * ways to ask organizations (every member at once, or a choice), and a
 * warning when some signed an earlier text. A translation shows, and
 * changes, the signatures of its original: they are the same.
 *
 * The rows' buttons activate this panel's actions. Signing records the
 * statement's text as it is stored, so the panel emits "flush" first: its
 * editor then saves what was typed a moment ago.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "tract-organization-picker.h"
#include "tract-record-list.h"
#include "tract-signature-row.h"
#include "tract-signatures-panel.h"
#include "tract-statement-ledger.h"
#include "tract-window.h"
#include "tract-toast.h"

struct _TractSignaturesPanel
{
  GtkWidget        parent_instance;

  TractStore      *store;
  gint64           statement_id;  /* the statement shown */
  gint64           signing_id;    /* whose signatures: its own, or its original's */
  TractRecordList *signatures;
  GHashTable      *expanded;      /* ids (gint64 *) of the rows open */
  guint            rebuild_source;
  gulong           statement_handler;
  gulong           statement_reset_handler;
  gulong           organization_handler;
  gulong           organization_reset_handler;

  GtkLabel        *shared_label;
  GtkWidget       *older_box;
  GtkLabel        *older_label;
  GtkLabel        *empty_label;
  GtkListBox      *signatures_list;
};

G_DEFINE_FINAL_TYPE (TractSignaturesPanel, tract_signatures_panel, GTK_TYPE_WIDGET)

enum {
  FLUSH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TractSignaturesPanel *self,
            const char           *heading,
            const char           *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (TractSignaturesPanel *self,
       const char           *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TRACT_IS_WINDOW (root))
    tract_window_add_toast (TRACT_WINDOW (root), tract_toast_new_literal (title));
}

static void
toast_invited (TractSignaturesPanel *self,
               guint                 n_added)
{
  g_autofree char *message = NULL;

  if (n_added == 0)
    message = g_strdup (_("Every organization chosen was already asked"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organization invited to sign",
                                            "%u organizations invited to sign", n_added),
                               n_added);
  toast (self, message);
}

/* Rows */

static void
update_older (TractSignaturesPanel *self)
{
  guint n = self->store != NULL ? tract_statement_ledger_count_older (self->store, self->statement_id) : 0;
  g_autofree char *text = NULL;

  if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u organization signed an earlier text: ask it to sign again.",
                                         "%u organizations signed an earlier text: ask them to sign again.",
                                         n),
                            n);
  gtk_label_set_label (self->older_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->older_box, n > 0);
}

static void
on_row_expanded (TractSignatureRow    *row,
                 GParamSpec           *pspec,
                 TractSignaturesPanel *self)
{
  gint64 id = tract_record_get_id (TRACT_RECORD (tract_signature_row_get_signature (row)));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TractSignaturesPanel *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->signatures));
  guint position = tract_record_list_get_position (self->signatures, item);
  GtkWidget *row = tract_signature_row_new (self->store, item, position, n);
  gint64 id = tract_record_get_id (item);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, &id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded), self, 0);
  return row;
}

/* Every row again: a row's move buttons depend on its neighbours. */
static void
rebuild_rows (TractSignaturesPanel *self)
{
  guint n = self->signatures != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->signatures)) : 0;

  gtk_list_box_bind_model (self->signatures_list, self->signatures != NULL ? G_LIST_MODEL (self->signatures)
                                                                          : NULL,
                           self->signatures != NULL ? create_row : NULL, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->store != NULL && n == 0);
  update_older (self);
}

static gboolean
rebuild_in_idle (gpointer user_data)
{
  TractSignaturesPanel *self = user_data;

  self->rebuild_source = 0;
  rebuild_rows (self);
  return G_SOURCE_REMOVE;
}

/* The list box has placed the changed rows; the others' move buttons are
 * brought up to date once the change is over, not while it is announced. */
static void
on_signatures_changed (TractSignaturesPanel *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_in_idle, self);
}

static void
refresh_rows (TractSignaturesPanel *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->signatures_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRACT_IS_SIGNATURE_ROW (child))
      tract_signature_row_refresh (TRACT_SIGNATURE_ROW (child));
  update_older (self);
}

static void update_statement (TractSignaturesPanel *self);

/* The signed text changed: signatures may now be on an earlier one. */
static void
on_statement_changed (TractStore           *store,
                      TractRecord          *before,
                      TractRecord          *after,
                      TractSignaturesPanel *self)
{
  TractRecord *record = after != NULL ? after : before;
  gint64 id = tract_record_get_id (record);

  if (id == self->statement_id
      && (before == NULL || after == NULL
          || tract_record_get_integer (before, "translation_of")
             != tract_record_get_integer (after, "translation_of")))
    update_statement (self);
  else if (id == self->signing_id || id == self->statement_id)
    refresh_rows (self);
}

static void
on_statements_reset (TractStore           *store,
                     TractSignaturesPanel *self)
{
  update_statement (self);
}

static void
on_organization_changed (TractSignaturesPanel *self)
{
  rebuild_rows (self);
}

/* Which statement's signatures, and what to say about sharing them. */
static void
update_statement (TractSignaturesPanel *self)
{
  gint64 signing_id = self->store != NULL
                        ? tract_statement_ledger_get_signing_statement (self->store, self->statement_id)
                        : 0;

  if (self->store != NULL && signing_id != self->statement_id)
    {
      g_autoptr(TractRecord) original = tract_store_load (self->store, TRACT_TYPE_STATEMENT, signing_id, NULL);
      g_autofree char *text = g_strdup_printf (_("This translation shares the signatures of its "
                                                 "original, “%s”: a change here is a change there."),
                                               original != NULL ? tract_record_get_text (original, "title") : "");

      gtk_label_set_label (self->shared_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->shared_label),
                          self->store != NULL && signing_id != self->statement_id);

  if (signing_id != self->signing_id || self->signatures == NULL)
    {
      self->signing_id = signing_id;
      if (self->signatures != NULL)
        g_signal_handlers_disconnect_by_data (self->signatures, self);
      g_clear_object (&self->signatures);
      if (self->store != NULL && signing_id != 0)
        {
          self->signatures = tract_record_list_new (self->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                                    signing_id, "position");
          g_signal_connect_swapped (self->signatures, "items-changed",
                                    G_CALLBACK (on_signatures_changed), self);
        }
    }
  rebuild_rows (self);
}

static void
disconnect_store (TractSignaturesPanel *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->statement_handler, self->store);
      g_clear_signal_handler (&self->statement_reset_handler, self->store);
      g_clear_signal_handler (&self->organization_handler, self->store);
      g_clear_signal_handler (&self->organization_reset_handler, self->store);
    }
  if (self->signatures_list != NULL)
    gtk_list_box_bind_model (self->signatures_list, NULL, NULL, NULL, NULL);
  if (self->signatures != NULL)
    g_signal_handlers_disconnect_by_data (self->signatures, self);
  g_clear_object (&self->signatures);
  g_clear_object (&self->store);
}

/**
 * tract_signatures_panel_set_statement:
 * @store: (nullable): the database, %NULL with no statement
 * @statement_id: the statement whose signatures to show, 0 for none
 */
void
tract_signatures_panel_set_statement (TractSignaturesPanel *self,
                                      TractStore           *store,
                                      gint64                statement_id)
{
  g_return_if_fail (TRACT_IS_SIGNATURES_PANEL (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  disconnect_store (self);
  self->statement_id = statement_id;
  self->signing_id = 0;
  g_hash_table_remove_all (self->expanded);

  if (store != NULL && statement_id != 0)
    {
      self->store = g_object_ref (store);
      self->statement_handler = g_signal_connect (store, "record-changed::statement",
                                                  G_CALLBACK (on_statement_changed), self);
      self->statement_reset_handler = g_signal_connect (store, "table-reset::statement",
                                                        G_CALLBACK (on_statements_reset), self);
      self->organization_handler = g_signal_connect_swapped (store, "record-changed::organization",
                                                             G_CALLBACK (on_organization_changed), self);
      self->organization_reset_handler = g_signal_connect_swapped (store, "table-reset::organization",
                                                                   G_CALLBACK (on_organization_changed), self);
    }
  update_statement (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatures.invite-members", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatures.choose", self->store != NULL);
}

/* Returns: (transfer none) (nullable): the signatures shown, for tests */
GListModel *
tract_signatures_panel_get_model (TractSignaturesPanel *self)
{
  g_return_val_if_fail (TRACT_IS_SIGNATURES_PANEL (self), NULL);

  return self->signatures != NULL ? G_LIST_MODEL (self->signatures) : NULL;
}

/* Actions */

static void
invite_members_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (widget);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (self->store == NULL)
    return;
  if (!tract_statement_ledger_invite_members (self->store, self->statement_id, &n_added, &error))
    {
      show_error (self, _("Could Not Invite the Members"), error->message);
      return;
    }
  toast_invited (self, n_added);
}

static void
on_picker_invited (TractOrganizationPicker *picker,
                   guint                    n_added,
                   TractSignaturesPanel    *self)
{
  toast_invited (self, n_added);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TractOrganizationPicker *picker;

  if (self->store == NULL)
    return;
  picker = tract_organization_picker_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          self->store, self->statement_id);
  g_signal_connect_object (picker, "invited", G_CALLBACK (on_picker_invited), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
sign_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  /* What is signed is the stored text: it must be what was typed. */
  g_signal_emit (self, signals[FLUSH], 0);
  if (!tract_statement_ledger_sign (self->store, g_variant_get_int64 (parameter), NULL, NULL, &error))
    show_error (self, _("Could Not Record the Signature"), error->message);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (widget);
  g_autoptr(GError) error = NULL;
  const char *status;
  gint64 id;

  if (self->store == NULL)
    return;
  g_variant_get (parameter, "(x&s)", &id, &status);
  if (g_str_equal (status, "signed"))
    g_signal_emit (self, signals[FLUSH], 0);
  if (!tract_statement_ledger_set_status (self->store, id, status, &error))
    {
      show_error (self, _("Could Not Change the Status"), error->message);
      rebuild_rows (self);
    }
}

static void
move (TractSignaturesPanel *self,
      gint64                signature_id,
      int                   delta)
{
  g_autoptr(TractSignature) signature = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (self->store == NULL)
    return;
  signature = tract_store_load (self->store, TRACT_TYPE_SIGNATURE, signature_id, &error);
  if (signature != NULL)
    {
      position = tract_record_list_get_position (self->signatures, TRACT_RECORD (signature));
      if ((delta < 0 && position == 0) || (int) position + delta < 0)
        return;
      if (tract_statement_ledger_move_signature (self->store, signature_id, (guint) ((int) position + delta),
                                                 &error))
        return;
    }
  show_error (self, _("Could Not Reorder the Signatories"), error->message);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (TRACT_SIGNATURES_PANEL (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (TRACT_SIGNATURES_PANEL (widget), g_variant_get_int64 (parameter), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!tract_statement_ledger_remove_signature (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, _("Could Not Remove the Organization"), error->message);
}

/* GObject */

static void
tract_signatures_panel_dispose (GObject *object)
{
  TractSignaturesPanel *self = TRACT_SIGNATURES_PANEL (object);
  GtkWidget *child;

  disconnect_store (self);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_SIGNATURES_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_signatures_panel_parent_class)->dispose (object);
}

static void
tract_signatures_panel_class_init (TractSignaturesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_signatures_panel_dispose;

  /**
   * TractSignaturesPanel::flush:
   *
   * A signature is about to record the statement's text: what was typed
   * must be saved first.
   */
  signals[FLUSH] = g_signal_new ("flush", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-signatures-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TractSignaturesPanel, shared_label);
  gtk_widget_class_bind_template_child (widget_class, TractSignaturesPanel, older_box);
  gtk_widget_class_bind_template_child (widget_class, TractSignaturesPanel, older_label);
  gtk_widget_class_bind_template_child (widget_class, TractSignaturesPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TractSignaturesPanel, signatures_list);

  gtk_widget_class_install_action (widget_class, "signatures.invite-members", NULL, invite_members_activated);
  gtk_widget_class_install_action (widget_class, "signatures.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "signatures.sign", "x", sign_activated);
  gtk_widget_class_install_action (widget_class, "signatures.set-status", "(xs)", set_status_activated);
  gtk_widget_class_install_action (widget_class, "signatures.move-up", "x", move_up_activated);
  gtk_widget_class_install_action (widget_class, "signatures.move-down", "x", move_down_activated);
  gtk_widget_class_install_action (widget_class, "signatures.remove", "x", remove_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_signatures_panel_init (TractSignaturesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatures.invite-members", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatures.choose", FALSE);
}
