/* tract-organizations-page.c — the register of organizations
 *
 * Organizations belong to the collective, not to one campaign: the page
 * lists them all, searchable, filtered by membership, sorted by name,
 * acronym or join date, beside the editor of the one selected. An
 * AdwLeaflet puts the two side by side in a wide window and one after the
 * other in a narrow one.
 *
 * The list is lazy: the view asks only for the rows it shows, and the
 * model fetches them a page at a time; search and filters are answered by
 * SQLite. The editor is not tied to the list's selection: a renamed
 * organization moves in the list (its row is removed and added again),
 * and the page selects it again where it landed without the editor ever
 * noticing, so that typing is never interrupted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-organization.h"
#include "tract-organization-editor.h"
#include "tract-organization-row.h"
#include "tract-organization-snapshot.h"
#include "tract-organizations-page-private.h"
#include "tract-record-list.h"
#include "tract-window.h"
#include "tract-toast.h"

/* The values behind the membership filter's rows; NULL shows everyone. */
static const char * const membership_filters[] = { NULL, "member", "signatory", "friend", "former" };
static const char * const orders[] = { "name", "acronym", "joined_date" };

struct _TractOrganizationsPage
{
  GtkWidget                parent_instance;

  TractStore              *store;
  TractRecordList         *organizations;
  GtkSingleSelection      *selection;
  GCancellable            *cancellable;
  gboolean                 syncing;  /* the page, not the person, moves the selection */
  gulong                   changed_handler;
  gulong                   reset_handler;

  GtkStack                *stack;
  AdwLeaflet              *leaflet;
  GtkWidget               *list_pane;
  GtkWidget               *editor_pane;
  GtkSearchEntry          *search_entry;
  GtkDropDown             *membership_dropdown;
  GtkDropDown             *order_dropdown;
  GtkStack                *list_stack;
  GtkListView             *list_view;
  GtkLabel                *title_label;
  GtkStack                *editor_stack;
  TractOrganizationEditor *editor;
};

G_DEFINE_FINAL_TYPE (TractOrganizationsPage, tract_organizations_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Messages */

void
tract_organizations_page_add_toast (TractOrganizationsPage *self,
                                    AdwToast               *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TRACT_IS_WINDOW (root))
    tract_window_add_toast (TRACT_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* @details: (nullable): longer text, shown scrollable under the body */
void
tract_organizations_page_show_message (TractOrganizationsPage *self,
                                       const char             *heading,
                                       const char             *body,
                                       const char             *details)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (details != NULL && *details != '\0')
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  /* A dialog lets go of its parent only when it is finalized, which may be
   * after the parent is closed: it keeps the parent until then. */
  if (GTK_IS_WINDOW (root))
    g_object_set_data_full (G_OBJECT (dialog), "tract-parent", g_object_ref (root), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

GCancellable *
tract_organizations_page_get_cancellable (TractOrganizationsPage *self)
{
  return self->cancellable;
}

void
tract_organizations_page_flush (TractOrganizationsPage *self)
{
  tract_organization_editor_flush (self->editor);
}

/* What shows */

static void
update_visible_child (TractOrganizationsPage *self)
{
  gboolean any = self->store != NULL && tract_store_count (self->store, TRACT_TYPE_ORGANIZATION, NULL, 0) > 0;
  gboolean matches = self->organizations != NULL
                     && g_list_model_get_n_items (G_LIST_MODEL (self->organizations)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "register" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, matches ? "list" : "no-results");
}

/* "Name (ACRONYM)", each part isolated: a right-to-left override in a name
 * must not turn the acronym after it around. */
static char *
dup_title (TractOrganization *organization)
{
  const char *name = tract_record_get_text (TRACT_RECORD (organization), "name");
  const char *acronym = tract_record_get_text (TRACT_RECORD (organization), "acronym");
  g_autofree char *isolated_name = g_strdup_printf ("\u2068%s\u2069", name);
  g_autofree char *isolated_acronym = g_strdup_printf ("\u2068%s\u2069", acronym);

  if (*acronym == '\0' || g_str_has_prefix (name, acronym))
    return g_steal_pointer (&isolated_name);
  /* Translators: an organization's name and acronym, in the editor's title. */
  return g_strdup_printf (C_("organization title", "%s (%s)"), isolated_name, isolated_acronym);
}

static void
update_title (TractOrganizationsPage *self)
{
  TractOrganization *organization = tract_organization_editor_get_organization (self->editor);
  g_autofree char *label = organization != NULL ? dup_title (organization) : NULL;

  gtk_label_set_text (self->title_label, label != NULL ? label : "");
  gtk_stack_set_visible_child_name (self->editor_stack, organization != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organizations.delete", organization != NULL);
}

/* Selects the row of the organization in the editor, if the list shows it. */
static void
sync_selection (TractOrganizationsPage *self)
{
  TractOrganization *organization = tract_organization_editor_get_organization (self->editor);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL)
    return;

  if (organization != NULL && tract_record_get_id (TRACT_RECORD (organization)) > 0)
    {
      guint candidate = tract_record_list_get_position (self->organizations, TRACT_RECORD (organization));
      g_autoptr(TractRecord) row = g_list_model_get_item (G_LIST_MODEL (self->organizations), candidate);

      /* "Where it would be" is not "where it is" when a filter hides it. */
      if (row != NULL && tract_record_get_id (row) == tract_record_get_id (TRACT_RECORD (organization)))
        position = candidate;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
show_organization (TractOrganizationsPage *self,
                   TractOrganization      *organization,
                   gboolean                navigate)
{
  TractOrganization *previous = tract_organization_editor_get_organization (self->editor);

  if (previous != NULL && organization != NULL
      && tract_record_get_id (TRACT_RECORD (previous)) == tract_record_get_id (TRACT_RECORD (organization)))
    {
      if (navigate)
        adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
      return;
    }

  /* A field in error cannot be saved: say so rather than drop it silently. */
  if (previous != NULL && !tract_organization_editor_flush (self->editor))
    {
      g_autofree char *errors = tract_organization_editor_dup_errors (self->editor);
      AdwToast *toast = tract_toast_new_printf (_("Not saved for “%s”: %s"),
                                              tract_record_get_text (TRACT_RECORD (previous), "name"), errors);

      adw_toast_set_timeout (toast, 10);
      tract_organizations_page_add_toast (self, toast);
    }

  tract_organization_editor_set_organization (self->editor, organization);
  update_title (self);
  if (navigate && organization != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

/* Signals */

static void
on_search_changed (TractOrganizationsPage *self)
{
  if (self->organizations == NULL)
    return;
  tract_record_list_set_search (self->organizations, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  sync_selection (self);
}

static void
on_membership_changed (TractOrganizationsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->membership_dropdown);

  if (self->organizations == NULL || selected >= G_N_ELEMENTS (membership_filters))
    return;
  tract_record_list_set_text_condition (self->organizations, "membership", membership_filters[selected]);
  sync_selection (self);
}

static void
on_order_changed (TractOrganizationsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->order_dropdown);

  if (self->organizations == NULL || selected >= G_N_ELEMENTS (orders))
    return;
  tract_record_list_set_order (self->organizations, orders[selected]);
  sync_selection (self);
}

static void
on_selected_item_changed (TractOrganizationsPage *self)
{
  TractOrganization *organization = gtk_single_selection_get_selected_item (self->selection);

  /* Unselecting is never the person's wish to close the editor. */
  if (self->syncing || organization == NULL)
    return;
  show_organization (self, organization, TRUE);
}

static void
on_list_activate (TractOrganizationsPage *self,
                  guint                   position)
{
  g_autoptr(TractOrganization) organization = g_list_model_get_item (G_LIST_MODEL (self->organizations), position);

  if (organization == NULL)
    return;
  show_organization (self, organization, TRUE);
  sync_selection (self);
  tract_organization_editor_focus_name (self->editor);
}

static void
on_items_changed (TractOrganizationsPage *self)
{
  sync_selection (self);
}

static void
on_n_items_changed (TractOrganizationsPage *self)
{
  update_visible_child (self);
}

static void
on_store_changed (TractOrganizationsPage *self)
{
  update_visible_child (self);
}

static void
on_folded_changed (TractOrganizationsPage *self)
{
  sync_selection (self);
}

static void
on_editor_saved (TractOrganizationsPage *self)
{
  update_title (self);
}

static void
on_editor_removed (TractOrganizationsPage *self)
{
  tract_organization_editor_set_organization (self->editor, NULL);
  update_title (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
on_editor_failed (TractOrganizationsPage *self,
                  const char             *message)
{
  tract_organizations_page_show_message (self, _("Could Not Save the Organization"), message, NULL);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractOrganizationsPage   *self)
{
  gtk_list_item_set_child (item, tract_organization_row_new ());
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractOrganizationsPage   *self)
{
  tract_organization_row_set_organization (TRACT_ORGANIZATION_ROW (gtk_list_item_get_child (item)),
                                           gtk_list_item_get_item (item));
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractOrganizationsPage   *self)
{
  tract_organization_row_set_organization (TRACT_ORGANIZATION_ROW (gtk_list_item_get_child (item)),
                                           NULL);
}

/* Actions */

static void
reset_filters (TractOrganizationsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->membership_dropdown, 0);
  /* The entry may announce its change later: do not wait for it. */
  if (self->organizations != NULL)
    tract_record_list_set_search (self->organizations, NULL);
}

static char *
dup_free_name (TractStore *store)
{
  /* Translators: the name a new organization gets until the person types its own. */
  const char *base = _("New Organization");
  char *name = g_strdup (base);

  for (guint i = 2; ; i++)
    {
      g_autoptr(TractOrganization) taken = tract_store_find (store, TRACT_TYPE_ORGANIZATION, "name", name);

      if (taken == NULL)
        return name;
      g_free (name);
      /* Translators: a new organization's name when "New Organization" is taken ("New Organization 2"). */
      name = g_strdup_printf (C_("new organization", "%s %u"), base, i);
    }
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  name = dup_free_name (self->store);
  organization = tract_organization_new (name, "");
  if (!tract_store_insert (self->store, TRACT_RECORD (organization), &error))
    {
      tract_organizations_page_show_message (self, _("Could Not Add an Organization"), error->message, NULL);
      return;
    }

  tract_organizations_page_select_organization (self, tract_record_get_id (TRACT_RECORD (organization)));
  tract_organization_editor_focus_name (self->editor);
}

static void
on_undo_delete (AdwToast               *toast,
                TractOrganizationsPage *self)
{
  TractOrganizationSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "tract-snapshot");
  g_autoptr(TractOrganization) restored = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lost = 0;

  if (self->store == NULL)
    return;

  restored = tract_organization_snapshot_restore (snapshot, self->store, &n_lost, &error);
  if (restored == NULL)
    {
      tract_organizations_page_show_message (self, _("Could Not Undo"), error->message, NULL);
      return;
    }

  tract_organizations_page_select_organization (self, tract_record_get_id (TRACT_RECORD (restored)));
  if (n_lost > 0)
    tract_organizations_page_add_toast (self, tract_toast_new_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u link could not come back: its event or statement was deleted meanwhile",
                   "%u links could not come back: their events or statements were deleted meanwhile",
                   n_lost),
      n_lost));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (widget);
  TractOrganization *organization = tract_organization_editor_get_organization (self->editor);
  g_autoptr(TractOrganizationSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  AdwToast *toast;

  if (organization == NULL || self->store == NULL)
    return;

  /* What was typed is part of what Undo brings back. */
  tract_organization_editor_flush (self->editor);
  label = tract_organization_dup_label (organization);

  snapshot = tract_organization_snapshot_delete (self->store, tract_record_get_id (TRACT_RECORD (organization)),
                                                 &error);
  if (snapshot == NULL)
    {
      tract_organizations_page_show_message (self, _("Could Not Delete the Organization"), error->message, NULL);
      return;
    }
  /* The editor heard of the delete and emptied itself. */

  toast = tract_toast_new_printf (_("“%s” deleted"), label);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* A whole organization with its people goes: time enough to notice. */
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "tract-snapshot", g_steal_pointer (&snapshot), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  tract_organizations_page_add_toast (self, toast);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  /* So that choosing the same organization again opens it again. */
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
import_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tract_organizations_page_import_csv (TRACT_ORGANIZATIONS_PAGE (widget));
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  tract_organizations_page_export_csv (TRACT_ORGANIZATIONS_PAGE (widget));
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         TractOrganizationsPage *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  if (file == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (lower == NULL || !g_str_has_suffix (lower, ".csv"))
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      tract_organizations_page_add_toast (self, tract_toast_new_printf (
        _("“%s” is not a CSV file; organizations are imported from .csv files"), shown));
      return FALSE;
    }
  tract_organizations_page_import_file (self, file);
  return TRUE;
}

/* GObject */

static void
tract_organizations_page_dispose (GObject *object)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->organizations != NULL)
    g_signal_handlers_disconnect_by_data (self->organizations, self);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->organizations);

  /* The editor saves what is pending as it goes: it needs the store until then. */
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_ORGANIZATIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tract_organizations_page_parent_class)->dispose (object);
}

static void
tract_organizations_page_finalize (GObject *object)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tract_organizations_page_parent_class)->finalize (object);
}

static void
tract_organizations_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_organizations_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TractOrganizationsPage *self = TRACT_ORGANIZATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_organizations_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_organizations_page_class_init (TractOrganizationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_organizations_page_dispose;
  object_class->finalize = tract_organizations_page_finalize;
  object_class->get_property = tract_organizations_page_get_property;
  object_class->set_property = tract_organizations_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRACT_TYPE_ORGANIZATION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-organizations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, membership_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_membership_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_order_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_removed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_failed);

  gtk_widget_class_install_action (widget_class, "organizations.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "organizations.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "organizations.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "organizations.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "organizations.import-csv", NULL, import_csv_activated);
  gtk_widget_class_install_action (widget_class, "organizations.export-csv", NULL, export_csv_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_organizations_page_init (TractOrganizationsPage *self)
{
  GtkEventController *shortcuts;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Ctrl+N and Ctrl+F wherever the focus is, but only while the page is
   * showing: a shortcut controller skips widgets that are not mapped, so
   * the other pages can give the same keys their own meaning. Listed in
   * gtk/help-overlay.ui. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_named_action_new ("organizations.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("organizations.find")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_pane));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_title (self);
}

TractStore *
tract_organizations_page_get_store (TractOrganizationsPage *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the organizations of */
void
tract_organizations_page_set_store (TractOrganizationsPage *self,
                                    TractStore             *store)
{
  g_return_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (self->store == store)
    return;

  tract_organization_editor_set_organization (self->editor, NULL);
  tract_organization_editor_set_store (self->editor, store);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->organizations != NULL)
    g_signal_handlers_disconnect_by_data (self->organizations, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->organizations);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->organizations)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      /* After the selection model has heard of the change. */
      g_signal_connect_swapped (self->organizations, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect_swapped (self->organizations, "notify::n-items", G_CALLBACK (on_n_items_changed), self);
      g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed),
                                self);
      self->changed_handler = g_signal_connect_swapped (store, "record-changed::organization",
                                                        G_CALLBACK (on_store_changed), self);
      self->reset_handler = g_signal_connect_swapped (store, "table-reset::organization",
                                                      G_CALLBACK (on_store_changed), self);

      /* The filters the person chose stay chosen. */
      on_search_changed (self);
      on_membership_changed (self);
      on_order_changed (self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_visible_child (self);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Returns: (transfer none) (nullable): the organizations shown, for tests */
GListModel *
tract_organizations_page_get_model (TractOrganizationsPage *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self), NULL);

  return self->organizations != NULL ? G_LIST_MODEL (self->organizations) : NULL;
}

/**
 * tract_organizations_page_select_organization:
 *
 * Shows the organization in the editor and selects its row, clearing the
 * search and the filter if they hide it.
 *
 * Returns: %FALSE if there is no such organization
 */
gboolean
tract_organizations_page_select_organization (TractOrganizationsPage *self,
                                              gint64                  organization_id)
{
  g_autoptr(TractOrganization) organization = NULL;
  g_autoptr(TractRecord) row = NULL;
  guint position;

  g_return_val_if_fail (TRACT_IS_ORGANIZATIONS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  organization = tract_store_load (self->store, TRACT_TYPE_ORGANIZATION, organization_id, NULL);
  if (organization == NULL)
    return FALSE;

  position = tract_record_list_get_position (self->organizations, TRACT_RECORD (organization));
  row = g_list_model_get_item (G_LIST_MODEL (self->organizations), position);
  if (row == NULL || tract_record_get_id (row) != organization_id)
    reset_filters (self);

  update_visible_child (self);
  show_organization (self, organization, TRUE);
  sync_selection (self);
  return TRUE;
}
