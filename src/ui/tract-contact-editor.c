/* tract-contact-editor.c — one person of an organization, in a window of its own
 *
 * A window rather than a row that unfolds: the list of contacts reorders
 * itself as names are saved, and a row being typed in must not move away
 * under the cursor. Fields save as they are typed; a new contact is added
 * once it has a name. Closing with a field in error asks first, so that
 * nothing typed is thrown away unseen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-contact-editor.h"
#include "tract-record-form.h"
#include "tract-window.h"
#include "tract-toast.h"

struct _TractContactEditor
{
  AdwWindow        parent_instance;

  TractStore      *store;
  TractRecordForm *form;
  gboolean         closing;   /* the person chose to discard what is in error */

  AdwWindowTitle  *window_title;
  GtkButton       *remove_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  GtkLabel        *error_label;
  GtkTextView     *notes_view;
  GtkLabel        *notes_error_label;
};

G_DEFINE_FINAL_TYPE (TractContactEditor, tract_contact_editor, ADW_TYPE_WINDOW)

static void
update_state (TractContactEditor *self)
{
  TractRecord *contact = tract_record_form_get_record (self->form);
  gboolean stored = contact != NULL && tract_record_get_id (contact) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.remove", stored);
  gtk_window_set_title (GTK_WINDOW (self), stored ? _("Contact") : _("New Contact"));
  adw_window_title_set_title (self->window_title, stored ? _("Contact") : _("New Contact"));
}

static void
on_saved (TractContactEditor *self)
{
  update_state (self);
}

static void
on_removed (TractContactEditor *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A dialog lets go of its parent only when it is finalized, which may be
 * after the parent is closed: it keeps the parent until then. */
static void
keep_parent (GtkWidget *dialog,
             GtkWindow *parent)
{
  g_object_set_data_full (G_OBJECT (dialog), "tract-parent", g_object_ref (parent), g_object_unref);
}

static void
on_failed (TractContactEditor *self,
           const char         *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Contact"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  keep_parent (dialog, GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo */

static void
on_undo_remove (AdwToast    *toast,
                TractWindow *window)
{
  TractStore *store = g_object_get_data (G_OBJECT (toast), "tract-store");
  TractRecord *removed = g_object_get_data (G_OBJECT (toast), "tract-contact");
  g_autoptr(TractRecord) contact = tract_record_copy (removed);
  g_autoptr(GError) error = NULL;

  /* Same id, unless a new contact took it meanwhile. */
  if (tract_store_count (store, TRACT_TYPE_CONTACT, "id", tract_record_get_id (contact)) > 0)
    tract_record_set_id (contact, 0);
  if (!tract_store_insert (store, contact, &error))
    tract_window_add_toast (window, tract_toast_new_literal (error->message));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractContactEditor *self = TRACT_CONTACT_EDITOR (widget);
  /* The form hears of the delete and closes the window under our feet. */
  g_autoptr(TractContactEditor) hold = g_object_ref (self);
  g_autoptr(TractStore) store = g_object_ref (self->store);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(TractRecord) contact = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  /* What was typed is part of what Undo brings back. */
  tract_record_form_flush (self->form);
  contact = tract_record_copy (tract_record_form_get_record (self->form));

  if (!tract_store_delete (store, contact, &error))
    {
      on_failed (self, error->message);
      return;
    }

  if (!TRACT_IS_WINDOW (parent))
    return;
  toast = tract_toast_new_printf (_("“%s” removed"), tract_record_get_text (contact, "name"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "tract-store", g_steal_pointer (&store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "tract-contact", g_steal_pointer (&contact), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove), parent, 0);
  tract_window_add_toast (TRACT_WINDOW (parent), toast);
}

/* Closing */

static void
on_discard_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     TractContactEditor *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  tract_record_form_discard (self->form);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
tract_contact_editor_close_request (GtkWindow *window)
{
  TractContactEditor *self = TRACT_CONTACT_EDITOR (window);
  TractRecord *contact;
  g_autofree char *errors = NULL;
  GtkWidget *dialog;

  if (self->closing || tract_record_form_flush (self->form))
    return GTK_WINDOW_CLASS (tract_contact_editor_parent_class)->close_request (window);

  /* After the flush, which may have saved a new copy. */
  contact = tract_record_form_get_record (self->form);

  errors = tract_record_form_dup_errors (self->form);
  dialog = adw_message_dialog_new (window,
                                   contact != NULL && tract_record_get_id (contact) > 0
                                     ? _("Discard the Invalid Changes?")
                                     : _("Discard the New Contact?"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("These fields were not saved because they are not valid:\n%s"), errors);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "edit", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  keep_parent (dialog, window);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
tract_contact_editor_dispose (GObject *object)
{
  TractContactEditor *self = TRACT_CONTACT_EDITOR (object);

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      if (!self->closing)
        tract_record_form_flush (self->form);
    }
  g_clear_object (&self->form);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_CONTACT_EDITOR);

  G_OBJECT_CLASS (tract_contact_editor_parent_class)->dispose (object);
}

static void
tract_contact_editor_class_init (TractContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tract_contact_editor_dispose;
  window_class->close_request = tract_contact_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TractContactEditor, notes_error_label);

  gtk_widget_class_install_action (widget_class, "contact.remove", NULL, remove_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tract_contact_editor_init (TractContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = tract_record_form_new ();
  tract_record_form_add_entry (self->form, "name", self->name_row, self->error_label);
  tract_record_form_add_entry (self->form, "role", self->role_row, self->error_label);
  tract_record_form_add_entry (self->form, "email", self->email_row, self->error_label);
  tract_record_form_add_entry (self->form, "phone", self->phone_row, self->error_label);
  tract_record_form_add_text_view (self->form, "private_notes", self->notes_view, self->notes_error_label);
  g_signal_connect_swapped (self->form, "saved", G_CALLBACK (on_saved), self);
  g_signal_connect_swapped (self->form, "removed", G_CALLBACK (on_removed), self);
  g_signal_connect_swapped (self->form, "failed", G_CALLBACK (on_failed), self);
}

/**
 * tract_contact_editor_new:
 * @contact: the contact to edit; one without an id is added once it has a name
 * @organization_name: (nullable): shown under the title
 *
 * Returns: (transfer none): a new window, owned by GTK until it is destroyed
 */
TractContactEditor *
tract_contact_editor_new (GtkWindow    *parent,
                          TractStore   *store,
                          TractContact *contact,
                          const char   *organization_name)
{
  TractContactEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_CONTACT (contact), NULL);

  self = g_object_new (TRACT_TYPE_CONTACT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  tract_record_form_set_store (self->form, store);
  tract_record_form_set_record (self->form, TRACT_RECORD (contact));
  adw_window_title_set_subtitle (self->window_title, organization_name != NULL ? organization_name : "");
  update_state (self);
  tract_record_form_focus (self->form, "name");
  return self;
}

/* Returns: (transfer none) (nullable): the contact as last saved */
TractContact *
tract_contact_editor_get_contact (TractContactEditor *self)
{
  g_return_val_if_fail (TRACT_IS_CONTACT_EDITOR (self), NULL);
  return TRACT_CONTACT (tract_record_form_get_record (self->form));
}
