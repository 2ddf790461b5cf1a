/* tract-organization-editor.c — every field of one organization, its people and its part in the campaign
 *
 * The fields save themselves as they are typed (TractRecordForm). Below
 * them: the people of the organization, each opening in a window of its
 * own, then the events it takes part in and the statements it signed,
 * each a link to that event or statement on its page. Those two lists show
 * the first few dozen rows of lazy models: an organization of a large
 * coalition may take part in thousands of events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-contact.h"
#include "tract-contact-editor.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-format.h"
#include "tract-organization-editor.h"
#include "tract-record-form.h"
#include "tract-record-list.h"
#include "tract-record-row.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-window.h"

/* How many events and statements the editor lists before "and N more". */
#define LINK_LIMIT 50

static const char * const kinds[] = {
  "association", "party", "union", "collective", "committee", "network", "media", "other", NULL
};

static const char * const memberships[] = {
  "member", "signatory", "friend", "former", NULL
};

struct _TractOrganizationEditor
{
  GtkWidget        parent_instance;

  TractStore      *store;
  TractRecordForm *form;
  TractRecordList *contacts;
  TractRecordList *events;
  TractRecordList *statements;

  AdwPreferencesPage *page;
  AdwEntryRow     *name_row;
  AdwEntryRow     *acronym_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *membership_row;
  AdwEntryRow     *joined_row;
  GtkLabel        *identity_error_label;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *website_row;
  AdwEntryRow     *city_row;
  AdwEntryRow     *country_row;
  GtkLabel        *reach_error_label;
  GtkListBox      *contacts_list;
  GtkListBox      *events_list;
  GtkLabel        *events_more_label;
  GtkListBox      *statements_list;
  GtkLabel        *statements_more_label;
  GtkTextView     *notes_view;
  GtkLabel        *notes_error_label;
};

G_DEFINE_FINAL_TYPE (TractOrganizationEditor, tract_organization_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  REMOVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
organization_id (TractOrganizationEditor *self)
{
  TractRecord *organization = tract_record_form_get_record (self->form);

  return organization != NULL ? tract_record_get_id (organization) : 0;
}

static const char *
format_role (const char *role)
{
  if (g_strcmp0 (role, "organizer") == 0)
    return C_("event role", "Organizer");
  if (g_strcmp0 (role, "partner") == 0)
    return C_("event role", "Partner");
  if (g_strcmp0 (role, "speaker") == 0)
    return C_("event role", "Speaker");
  if (g_strcmp0 (role, "delegation") == 0)
    return C_("event role", "Delegation");
  return role != NULL ? role : "";
}

static const char *
format_signature (const char *status)
{
  if (g_strcmp0 (status, "invited") == 0)
    return C_("signature status", "Invited");
  if (g_strcmp0 (status, "considering") == 0)
    return C_("signature status", "Considering");
  if (g_strcmp0 (status, "signed") == 0)
    return C_("signature status", "Signed");
  if (g_strcmp0 (status, "declined") == 0)
    return C_("signature status", "Declined");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return C_("signature status", "Withdrawn");
  return status != NULL ? status : "";
}

/* The row of @type linking @column (an event, a statement) to this organization. */
static TractRecord *
find_link (TractOrganizationEditor *self,
           GType                    type,
           const char              *column,
           gint64                   id)
{
  g_autoptr(GPtrArray) links = tract_store_select (self->store, type, column, id, "id", NULL);
  gint64 organization = organization_id (self);

  for (guint i = 0; links != NULL && i < links->len; i++)
    if (tract_record_get_integer (links->pdata[i], "organization_id") == organization)
      return g_object_ref (links->pdata[i]);
  return NULL;
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  TractRecord *contact = item;
  g_autofree char *details = tract_format_join (3, tract_record_get_text (contact, "role"),
                                                tract_record_get_text (contact, "email"),
                                                tract_record_get_text (contact, "phone"));

  return tract_record_row_new (contact, tract_record_get_text (contact, "name"), details);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  TractOrganizationEditor *self = user_data;
  TractRecord *event = item;
  g_autoptr(TractRecord) link = find_link (self, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                           tract_record_get_id (event));
  g_autofree char *when = tract_format_event_when (event, NULL);
  g_autofree char *details = tract_format_join (2, link != NULL ? format_role (tract_record_get_text (link, "role"))
                                                                : NULL,
                                                when);

  return tract_record_row_new (event, tract_record_get_text (event, "title"), details);
}

static GtkWidget *
create_statement_row (gpointer item,
                      gpointer user_data)
{
  TractOrganizationEditor *self = user_data;
  TractRecord *statement = item;
  g_autoptr(TractRecord) link = find_link (self, TRACT_TYPE_SIGNATURE, "statement_id",
                                           tract_record_get_id (statement));
  g_autofree char *details =
    tract_format_join (2, link != NULL ? format_signature (tract_record_get_text (link, "status")) : NULL,
                       tract_format_statement_status (tract_record_get_text (statement, "status")));

  return tract_record_row_new (statement, tract_record_get_text (statement, "title"), details);
}

static void
update_more_label (GtkLabel        *label,
                   TractRecordList *list)
{
  guint n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  g_autofree char *text = NULL;

  if (n > LINK_LIMIT)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", n - LINK_LIMIT),
                            n - LINK_LIMIT);
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
on_events_count_changed (TractOrganizationEditor *self)
{
  update_more_label (self->events_more_label, self->events);
}

static void
on_statements_count_changed (TractOrganizationEditor *self)
{
  update_more_label (self->statements_more_label, self->statements);
}

static void
follow_organization (TractOrganizationEditor *self)
{
  gint64 id = organization_id (self);

  if (self->contacts == NULL)
    return;
  tract_record_list_set_filter (self->contacts, id);
  tract_record_list_set_related (self->events, "event_organization", "event_id", "organization_id", id);
  tract_record_list_set_related (self->statements, "signature", "statement_id", "organization_id", id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-contact", id > 0);
}

/* Rows */

static void
on_contact_activated (TractOrganizationEditor *self,
                      GtkListBoxRow           *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TractRecord *organization = tract_record_form_get_record (self->form);
  TractContactEditor *editor;

  if (!TRACT_IS_RECORD_ROW (row) || organization == NULL)
    return;
  editor = tract_contact_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                     TRACT_CONTACT (tract_record_row_get_record (TRACT_RECORD_ROW (row))),
                                     tract_record_get_text (organization, "name"));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_link_activated (TractOrganizationEditor *self,
                   GtkListBoxRow           *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TRACT_IS_RECORD_ROW (row) && TRACT_IS_WINDOW (root))
    tract_window_show_record (TRACT_WINDOW (root), tract_record_row_get_record (TRACT_RECORD_ROW (row)));
}

static void
add_contact_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TractOrganizationEditor *self = TRACT_ORGANIZATION_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TractRecord *organization = tract_record_form_get_record (self->form);
  g_autoptr(TractContact) contact = NULL;
  TractContactEditor *editor;

  if (organization == NULL || tract_record_get_id (organization) == 0)
    return;
  contact = tract_contact_new (tract_record_get_id (organization), "");
  editor = tract_contact_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, contact,
                                     tract_record_get_text (organization, "name"));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Form */

static void
on_saved (TractOrganizationEditor *self,
          TractRecord             *record)
{
  g_signal_emit (self, signals[SAVED], 0, record);
}

static void
on_removed (TractOrganizationEditor *self)
{
  g_signal_emit (self, signals[REMOVED], 0);
}

static void
on_failed (TractOrganizationEditor *self,
           const char              *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

/* GObject */

static void
tract_organization_editor_dispose (GObject *object)
{
  TractOrganizationEditor *self = TRACT_ORGANIZATION_EDITOR (object);

  /* Whatever was typed in the last half second is saved, not lost. */
  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      tract_record_form_flush (self->form);
    }
  g_clear_object (&self->form);

  if (self->contacts_list != NULL)
    {
      gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->statements_list, NULL, NULL, NULL, NULL);
    }
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  g_clear_object (&self->contacts);
  g_clear_object (&self->events);
  g_clear_object (&self->statements);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_ORGANIZATION_EDITOR);

  G_OBJECT_CLASS (tract_organization_editor_parent_class)->dispose (object);
}

static void
tract_organization_editor_class_init (TractOrganizationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_organization_editor_dispose;

  /**
   * TractOrganizationEditor::saved:
   * @organization: the organization as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, TRACT_TYPE_RECORD);
  /**
   * TractOrganizationEditor::removed:
   *
   * The organization was deleted, from elsewhere.
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TractOrganizationEditor::failed:
   * @message: why the database refused a save, for the person
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-organization-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, page);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, membership_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, identity_error_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, reach_error_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, events_list);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, events_more_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, statements_list);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, statements_more_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationEditor, notes_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activated);

  gtk_widget_class_install_action (widget_class, "editor.add-contact", NULL, add_contact_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_organization_editor_init (TractOrganizationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = tract_record_form_new ();
  tract_record_form_add_entry (self->form, "name", self->name_row, self->identity_error_label);
  tract_record_form_add_entry (self->form, "acronym", self->acronym_row, self->identity_error_label);
  tract_record_form_add_choice (self->form, "kind", self->kind_row, kinds, self->identity_error_label);
  tract_record_form_add_choice (self->form, "membership", self->membership_row, memberships,
                                self->identity_error_label);
  tract_record_form_add_entry (self->form, "joined_date", self->joined_row, self->identity_error_label);
  tract_record_form_add_entry (self->form, "email", self->email_row, self->reach_error_label);
  tract_record_form_add_entry (self->form, "phone", self->phone_row, self->reach_error_label);
  tract_record_form_add_entry (self->form, "website", self->website_row, self->reach_error_label);
  tract_record_form_add_entry (self->form, "city", self->city_row, self->reach_error_label);
  tract_record_form_add_entry (self->form, "country", self->country_row, self->reach_error_label);
  tract_record_form_add_text_view (self->form, "private_notes", self->notes_view, self->notes_error_label);
  g_signal_connect_swapped (self->form, "saved", G_CALLBACK (on_saved), self);
  g_signal_connect_swapped (self->form, "removed", G_CALLBACK (on_removed), self);
  g_signal_connect_swapped (self->form, "failed", G_CALLBACK (on_failed), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-contact", FALSE);
}

GtkWidget *
tract_organization_editor_new (void)
{
  return g_object_new (TRACT_TYPE_ORGANIZATION_EDITOR, NULL);
}

void
tract_organization_editor_set_store (TractOrganizationEditor *self,
                                     TractStore              *store)
{
  g_autoptr(GtkSliceListModel) events = NULL;
  g_autoptr(GtkSliceListModel) statements = NULL;

  g_return_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (self->store == store)
    return;

  tract_record_form_set_store (self->form, store);
  gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->statements_list, NULL, NULL, NULL, NULL);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  g_clear_object (&self->contacts);
  g_clear_object (&self->events);
  g_clear_object (&self->statements);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  self->contacts = tract_record_list_new (store, TRACT_TYPE_CONTACT, "organization_id", 0, "name");
  self->events = tract_record_list_new (store, TRACT_TYPE_EVENT, NULL, 0, "start_utc");
  self->statements = tract_record_list_new (store, TRACT_TYPE_STATEMENT, NULL, 0, "title");
  follow_organization (self);

  events = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->events)), 0, LINK_LIMIT);
  statements = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->statements)), 0, LINK_LIMIT);
  gtk_list_box_bind_model (self->contacts_list, G_LIST_MODEL (self->contacts), create_contact_row, self, NULL);
  gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (events), create_event_row, self, NULL);
  gtk_list_box_bind_model (self->statements_list, G_LIST_MODEL (statements), create_statement_row, self, NULL);
  g_signal_connect_swapped (self->events, "notify::n-items", G_CALLBACK (on_events_count_changed), self);
  g_signal_connect_swapped (self->statements, "notify::n-items", G_CALLBACK (on_statements_count_changed), self);
  on_events_count_changed (self);
  on_statements_count_changed (self);
}

/* Returns: (transfer none) (nullable): the organization as last saved */
TractOrganization *
tract_organization_editor_get_organization (TractOrganizationEditor *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self), NULL);
  return TRACT_ORGANIZATION (tract_record_form_get_record (self->form));
}

/* Another organization starts at the top of the form. AdwPreferencesPage
 * 1.2 has no call for it; its first child is its scrolled window. */
static void
scroll_to_top (TractOrganizationEditor *self)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (self->page));

  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

/**
 * tract_organization_editor_set_organization:
 * @organization: (nullable): the organization to edit
 *
 * What was typed for the previous organization is saved first, except the
 * fields in error: check tract_organization_editor_flush() before.
 */
void
tract_organization_editor_set_organization (TractOrganizationEditor *self,
                                            TractOrganization       *organization)
{
  g_return_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self));
  g_return_if_fail (organization == NULL || TRACT_IS_ORGANIZATION (organization));

  tract_record_form_set_record (self->form, TRACT_RECORD (organization));
  follow_organization (self);

  scroll_to_top (self);
}

/* Saves now what is pending. Returns: %FALSE when fields in error were left unsaved */
gboolean
tract_organization_editor_flush (TractOrganizationEditor *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self), FALSE);
  return tract_record_form_flush (self->form);
}

/* Returns: (transfer full): why the fields in error were not saved, one a line */
char *
tract_organization_editor_dup_errors (TractOrganizationEditor *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self), NULL);
  return tract_record_form_dup_errors (self->form);
}

void
tract_organization_editor_focus_name (TractOrganizationEditor *self)
{
  g_return_if_fail (TRACT_IS_ORGANIZATION_EDITOR (self));
  tract_record_form_focus (self->form, "name");
}
