/* tract-statements-page.c — the statements of a campaign
 *
 * A searchable list of the campaign's statements beside the editor of the
 * one open, in a leaflet: side by side when the window is wide, one at a
 * time when it is narrow (down to 360 pixels), with a back button.
 *
 * The list is lazy: the view only asks for the rows it shows, and the
 * model fetches them a page at a time. A row opens its statement when
 * activated; the open statement stays open when the list changes under it
 * (a renamed statement moves in the list, and stays in the editor).
 *
 * New Statement is Ctrl+N and Search Ctrl+F while the page is shown. Deleting a statement
 * offers Undo in a toast: its revisions and signatures come back with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-record-list.h"
#include "tract-statement-editor.h"
#include "tract-statement-ledger.h"
#include "tract-statement-row.h"
#include "tract-statement.h"
#include "tract-statements-page.h"
#include "tract-window.h"
#include "tract-toast.h"

struct _TractStatementsPage
{
  GtkWidget             parent_instance;

  TractStore           *store;
  TractCampaign        *campaign;
  TractRecordList      *statements;
  GtkFilterListModel   *filtered;
  GtkStringFilter      *filter;
  GtkSingleSelection   *selection;
  GPtrArray            *deleted;      /* what the last delete removed, for Undo */
  gboolean              selecting;    /* the page itself moves the selection */
  guint                 visible_child_source;

  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  GtkListView          *list_view;
  GtkStack             *editor_stack;
  TractStatementEditor *editor;
};

G_DEFINE_FINAL_TYPE (TractStatementsPage, tract_statements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
campaign_id (TractStatementsPage *self)
{
  return self->campaign != NULL ? tract_record_get_id (TRACT_RECORD (self->campaign)) : 0;
}

static void
show_error (TractStatementsPage *self,
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
update_visible_child (TractStatementsPage *self)
{
  guint n_all = self->statements != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->statements)) : 0;
  guint n_shown = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n_all == 0 ? "empty" : n_shown == 0 ? "no-results" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statements.new",
                                 self->store != NULL && self->campaign != NULL);
}

/* The open statement's row is the selected one, wherever it moved. */
static void
select_open_statement (TractStatementsPage *self)
{
  gint64 open = tract_statement_editor_get_statement_id (self->editor);
  guint n;

  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n && open != 0 && selected == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(TractRecord) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item != NULL && tract_record_get_id (item) == open)
        selected = i;
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, selected);
  self->selecting = FALSE;
}

static gboolean
on_visible_child_idle (gpointer user_data)
{
  TractStatementsPage *self = user_data;

  self->visible_child_source = 0;
  update_visible_child (self);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed (TractStatementsPage *self)
{
  /* A reload announces every row gone, then the new ones: the page is
   * chosen once both are told, before the next frame, or the empty page
   * would fade in and out over the list (tract-agenda-page.c does the same). */
  if (self->visible_child_source == 0)
    self->visible_child_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_visible_child_idle, self, NULL);
  select_open_statement (self);
}

static void
open_statement (TractStatementsPage *self,
                gint64               statement_id)
{
  tract_statement_editor_set_statement (self->editor, self->store, statement_id);
  statement_id = tract_statement_editor_get_statement_id (self->editor);
  gtk_stack_set_visible_child_name (self->editor_stack, statement_id != 0 ? "editor" : "none");
  select_open_statement (self);
  if (statement_id != 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statements.delete", statement_id != 0);
}

static void
set_list_model (TractStatementsPage *self)
{
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_visible_child (self);
}

/* Rows */

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractStatementsPage      *self)
{
  gtk_list_item_set_child (item, tract_statement_row_new ());
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractStatementsPage      *self)
{
  tract_statement_row_set_statement (TRACT_STATEMENT_ROW (gtk_list_item_get_child (item)),
                                     self->store, gtk_list_item_get_item (item));
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractStatementsPage      *self)
{
  tract_statement_row_set_statement (TRACT_STATEMENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
on_activate (GtkListView         *list_view,
             guint                position,
             TractStatementsPage *self)
{
  g_autoptr(TractRecord) statement = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (statement != NULL)
    open_statement (self, tract_record_get_id (statement));
}

/* Choosing a row, with the pointer, the keyboard or a screen reader,
 * opens its statement. */
static void
on_selected_changed (TractStatementsPage *self)
{
  TractRecord *statement;

  if (self->selecting)
    return;
  statement = gtk_single_selection_get_selected_item (self->selection);
  if (statement != NULL && tract_record_get_id (statement) != tract_statement_editor_get_statement_id (self->editor))
    open_statement (self, tract_record_get_id (statement));
  else
    /* A row that moved (a renamed statement) leaves the selection: put it back. */
    select_open_statement (self);
}

static void
on_search_changed (TractStatementsPage *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_folded_changed (TractStatementsPage *self)
{
  tract_statement_editor_set_show_back (self->editor, adw_leaflet_get_folded (self->leaflet));
}

/* Actions */

/* The language people write in, from the environment: "fr" for fr_FR.UTF-8. */
static char *
dup_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = g_strndup (names[i], strcspn (names[i], "_.@"));

      if (strlen (code) >= 2 && strlen (code) <= 3 && !g_str_equal (code, "C"))
        return g_steal_pointer (&code);
    }
  return g_strdup ("en");
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (widget);
  g_autoptr(TractStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = dup_default_language ();
  g_autofree char *heading = NULL;

  if (self->store == NULL || self->campaign == NULL)
    return;

  /* Translators: the default heading of a statement's signatories block. */
  heading = g_strdup_printf (_("Members and signatories of %s"),
                             tract_record_get_text (TRACT_RECORD (self->campaign), "name"));
  statement = tract_statement_ledger_create (self->store, campaign_id (self), _("New Statement"), language,
                                             heading, &error);
  if (statement == NULL)
    {
      show_error (self, _("Could Not Create the Statement"), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  open_statement (self, tract_record_get_id (TRACT_RECORD (statement)));
  tract_statement_editor_focus_title (self->editor);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_statement (TRACT_STATEMENTS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
on_undo_delete (AdwToast            *toast,
                TractStatementsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->deleted == NULL || self->store == NULL)
    return;
  id = tract_record_get_id (self->deleted->pdata[0]);
  if (!tract_statement_ledger_undelete (self->store, self->deleted, &error))
    {
      show_error (self, _("Could Not Bring the Statement Back"), error->message);
      return;
    }
  g_clear_pointer (&self->deleted, g_ptr_array_unref);
  open_statement (self, id);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (widget);
  gint64 id = tract_statement_editor_get_statement_id (self->editor);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  AdwToast *toast;

  if (self->store == NULL || id == 0)
    return;

  /* What was typed last goes with it, so that Undo brings it back too. */
  tract_statement_editor_flush (self->editor);
  open_statement (self, 0);
  deleted = tract_statement_ledger_delete (self->store, id, &error);
  if (deleted == NULL)
    {
      show_error (self, _("Could Not Delete the Statement"), error->message);
      open_statement (self, id);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), tract_record_get_text (deleted->pdata[0], "title"));
  g_clear_pointer (&self->deleted, g_ptr_array_unref);
  self->deleted = g_steal_pointer (&deleted);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");

  root = gtk_widget_get_root (widget);
  if (!TRACT_IS_WINDOW (root))
    return;
  toast = tract_toast_new_literal (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Time enough to read the title and reach the button. */
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  tract_window_add_toast (TRACT_WINDOW (root), toast);
}

/* GObject */

static void
tract_statements_page_dispose (GObject *object)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->visible_child_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->statements);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->deleted, g_ptr_array_unref);
  g_clear_object (&self->campaign);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_STATEMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tract_statements_page_parent_class)->dispose (object);
}

static void
tract_statements_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_statements_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TractStatementsPage *self = TRACT_STATEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tract_statements_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      tract_statements_page_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_statements_page_class_init (TractStatementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_statements_page_dispose;
  object_class->get_property = tract_statements_page_get_property;
  object_class->set_property = tract_statements_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRACT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL, TRACT_TYPE_CAMPAIGN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRACT_TYPE_STATEMENT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-statements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TractStatementsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "statements.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "statements.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "statements.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "statements.open", "x", open_activated);
  gtk_widget_class_install_action (widget_class, "statements.delete", NULL, delete_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_statements_page_init (TractStatementsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_string_filter_new (gtk_property_expression_new (TRACT_TYPE_STATEMENT, NULL, "title"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  on_folded_changed (self);

  /* Ctrl+N and Ctrl+F wherever the focus is, while this page is the one
   * shown: a managed shortcut only fires while its widget is mapped. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_named_action_new ("statements.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("statements.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statements.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statements.delete", FALSE);
}

TractStore *
tract_statements_page_get_store (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->store;
}

/* @store: (nullable): the database to show the statements of */
void
tract_statements_page_set_store (TractStatementsPage *self,
                                 TractStore          *store)
{
  g_return_if_fail (TRACT_IS_STATEMENTS_PAGE (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));

  if (self->store == store)
    return;

  open_statement (self, 0);
  g_set_object (&self->store, store);

  gtk_list_view_set_model (self->list_view, NULL);
  if (self->statements != NULL)
    g_signal_handlers_disconnect_by_data (self->statements, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->statements);

  if (store != NULL)
    {
      self->statements = tract_record_list_new (store, TRACT_TYPE_STATEMENT, "campaign_id",
                                                campaign_id (self), "title");
      self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->statements)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self);
      g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect_swapped (self->statements, "items-changed", G_CALLBACK (on_items_changed), self);
    }
  set_list_model (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TractCampaign *
tract_statements_page_get_campaign (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->campaign;
}

/* @campaign: (nullable): the campaign whose statements to show, %NULL for none */
void
tract_statements_page_set_campaign (TractStatementsPage *self,
                                    TractCampaign       *campaign)
{
  g_autoptr(TractStatement) open = NULL;
  gint64 open_id;

  g_return_if_fail (TRACT_IS_STATEMENTS_PAGE (self));
  g_return_if_fail (campaign == NULL || TRACT_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  /* A statement of another campaign does not stay open. */
  open_id = tract_statement_editor_get_statement_id (self->editor);
  if (open_id != 0 && self->store != NULL)
    open = tract_store_load (self->store, TRACT_TYPE_STATEMENT, open_id, NULL);
  if (open_id != 0 && (open == NULL || tract_record_get_integer (TRACT_RECORD (open), "campaign_id")
                                         != campaign_id (self)))
    open_statement (self, 0);

  if (self->statements != NULL)
    tract_record_list_set_filter (self->statements, campaign_id (self));
  update_visible_child (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/* Returns: (transfer none) (nullable): the statements of the campaign, for tests */
GListModel *
tract_statements_page_get_model (TractStatementsPage *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), NULL);

  return self->statements != NULL ? G_LIST_MODEL (self->statements) : NULL;
}

/**
 * tract_statements_page_select_statement:
 *
 * Opens the statement and selects its row; the window switches to the
 * statement's campaign first. Used by the links of the Organizations page
 * (issue 3).
 *
 * Returns: %FALSE if the page does not list that statement
 */
gboolean
tract_statements_page_select_statement (TractStatementsPage *self,
                                        gint64               statement_id)
{
  g_autoptr(TractStatement) statement = NULL;
  guint position;

  g_return_val_if_fail (TRACT_IS_STATEMENTS_PAGE (self), FALSE);

  if (self->store == NULL || self->statements == NULL)
    return FALSE;
  statement = tract_store_load (self->store, TRACT_TYPE_STATEMENT, statement_id, NULL);
  if (statement == NULL || tract_record_get_integer (TRACT_RECORD (statement), "campaign_id") != campaign_id (self))
    return FALSE;

  /* A search that hides it is cleared. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  open_statement (self, statement_id);
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}
