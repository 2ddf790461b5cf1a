/* tract-organization-picker.c — choosing organizations to invite to sign
 *
 * Every organization of the register, searchable, each with a check box;
 * those already asked are shown checked and cannot be chosen again.
 * "Select All Members" checks every member organization. Inviting is one
 * transaction: all the chosen organizations are added, or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-organization.h"
#include "tract-organization-picker.h"
#include "tract-record-list.h"
#include "tract-statement-ledger.h"

struct _TractOrganizationPicker
{
  AdwWindow        parent_instance;

  TractStore      *store;
  gint64           statement_id;
  TractRecordList *organizations;
  GHashTable      *chosen;    /* organization id (gint64 *) */
  GHashTable      *asked;     /* organization id (gint64 *) already on the list */
  GHashTable      *checks;    /* organization id (gint64 *) → its check box, while shown */

  GtkSearchEntry  *search_entry;
  GtkLabel        *error_label;
  GtkListView     *list_view;
  GtkLabel        *count_label;
  GtkWidget       *invite_button;
};

G_DEFINE_FINAL_TYPE (TractOrganizationPicker, tract_organization_picker, ADW_TYPE_WINDOW)

enum {
  INVITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
update_count (TractOrganizationPicker *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.invite", n > 0);
}

/* Rows: a check box and the organization's name, which may wrap. */

static void
on_toggled (GtkCheckButton          *check,
            TractOrganizationPicker *self)
{
  TractRecord *organization = g_object_get_data (G_OBJECT (check), "organization");
  gint64 id;

  if (organization == NULL)
    return;
  id = tract_record_get_id (organization);
  if (g_hash_table_contains (self->asked, &id))
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, id_key (id));
  else
    g_hash_table_remove (self->chosen, &id);
  update_count (self);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TractOrganizationPicker  *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), label);
  g_signal_connect (check, "toggled", G_CALLBACK (on_toggled), self);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TractOrganizationPicker  *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  TractRecord *organization = gtk_list_item_get_item (item);
  gint64 id = tract_record_get_id (organization);
  gboolean asked = g_hash_table_contains (self->asked, &id);
  g_autofree char *name = tract_organization_dup_label (TRACT_ORGANIZATION (organization));
  g_autofree char *text = NULL;

  text = asked ? g_strdup_printf (_("%s (already asked)"), name) : g_strdup (name);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  g_object_set_data (G_OBJECT (check), "organization", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), asked || g_hash_table_contains (self->chosen, &id));
  gtk_widget_set_sensitive (check, !asked);
  g_object_set_data_full (G_OBJECT (check), "organization", g_object_ref (organization), g_object_unref);
  g_hash_table_insert (self->checks, id_key (id), check);
}

static void
on_unbind_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TractOrganizationPicker  *self)
{
  GtkWidget *check = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  TractRecord *organization = g_object_get_data (G_OBJECT (check), "organization");

  if (organization != NULL)
    {
      gint64 id = tract_record_get_id (organization);

      if (g_hash_table_lookup (self->checks, &id) == check)
        g_hash_table_remove (self->checks, &id);
    }
  g_object_set_data (G_OBJECT (check), "organization", NULL);
}

/* The check boxes on screen follow the choice. */
static void
sync_checks (TractOrganizationPicker *self)
{
  GHashTableIter iter;
  gpointer key, check;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &check))
    if (!g_hash_table_contains (self->asked, key))
      gtk_check_button_set_active (check, g_hash_table_contains (self->chosen, key));
}

static void
on_activate (GtkListView             *list_view,
             guint                    position,
             TractOrganizationPicker *self)
{
  g_autoptr(TractRecord) organization = g_list_model_get_item (G_LIST_MODEL (self->organizations), position);
  gint64 id;

  if (organization == NULL)
    return;
  id = tract_record_get_id (organization);
  if (g_hash_table_contains (self->asked, &id))
    return;
  if (!g_hash_table_remove (self->chosen, &id))
    g_hash_table_add (self->chosen, id_key (id));
  update_count (self);
  sync_checks (self);
}

static void
on_search_changed (TractOrganizationPicker *self)
{
  tract_record_list_set_search (self->organizations, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Actions */

static void
select_members_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TractOrganizationPicker *self = TRACT_ORGANIZATION_PICKER (widget);
  g_autoptr(GPtrArray) organizations = tract_store_select (self->store, TRACT_TYPE_ORGANIZATION, NULL, 0,
                                                           "name", NULL);

  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      gint64 id = tract_record_get_id (organizations->pdata[i]);

      if (g_str_equal (tract_record_get_text (organizations->pdata[i], "membership"), "member")
          && !g_hash_table_contains (self->asked, &id))
        g_hash_table_add (self->chosen, id_key (id));
    }
  update_count (self);
  sync_checks (self);
}

static void
invite_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TractOrganizationPicker *self = TRACT_ORGANIZATION_PICKER (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  /* In the order of the register, by name. */
  organizations = tract_store_select (self->store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name", NULL);
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      gint64 id = tract_record_get_id (organizations->pdata[i]);

      if (g_hash_table_contains (self->chosen, &id))
        g_array_append_val (ids, id);
    }

  if (!tract_statement_ledger_invite (self->store, self->statement_id, (const gint64 *) ids->data,
                                      ids->len, &n_added, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[INVITED], 0, n_added);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
tract_organization_picker_dispose (GObject *object)
{
  TractOrganizationPicker *self = TRACT_ORGANIZATION_PICKER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->organizations);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_ORGANIZATION_PICKER);

  G_OBJECT_CLASS (tract_organization_picker_parent_class)->dispose (object);
}

static void
tract_organization_picker_class_init (TractOrganizationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_organization_picker_dispose;

  /**
   * TractOrganizationPicker::invited:
   * @n_added: how many organizations were added to the list
   */
  signals[INVITED] = g_signal_new ("invited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-organization-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationPicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationPicker, invite_button);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_item);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "picker.invite", NULL, invite_activated);
  gtk_widget_class_install_action (widget_class, "picker.select-members", NULL, select_members_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tract_organization_picker_init (TractOrganizationPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
}

TractOrganizationPicker *
tract_organization_picker_new (GtkWindow  *parent,
                               TractStore *store,
                               gint64      statement_id)
{
  TractOrganizationPicker *self;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  self = g_object_new (TRACT_TYPE_ORGANIZATION_PICKER, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->statement_id = statement_id;

  signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "statement_id",
                                   tract_statement_ledger_get_signing_statement (store, statement_id),
                                   NULL, NULL);
  for (guint i = 0; signatures != NULL && i < signatures->len; i++)
    g_hash_table_add (self->asked, id_key (tract_record_get_integer (signatures->pdata[i], "organization_id")));

  self->organizations = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->organizations)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_count (self);
  return self;
}
