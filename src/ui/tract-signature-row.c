/* tract-signature-row.c — one organization asked to sign a statement
 *
 * Collapsed: the organization, where its signature stands (which revision
 * it signed, when and by whom, or that it signed an earlier text and must
 * be asked again), and buttons to mark it signed and to move it in the
 * order of signatories. Expanded: its status, who signed and when, and a
 * way to take it off the list.
 *
 * The buttons activate the signatures panel's actions with the
 * signature's id, so that the panel saves the text before anything is
 * signed. Who signed and when are saved here, on Enter or the apply
 * button, and a date that is not one is shown in error, unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-organization.h"
#include "tract-signature-row.h"
#include "tract-statement-ledger.h"
#include "tract-validate.h"

static const char * const statuses[] = {
  "invited", "considering", "signed", "declined", "withdrawn", NULL
};

struct _TractSignatureRow
{
  AdwExpanderRow  parent_instance;

  TractStore     *store;
  TractSignature *signature;
  char           *label;     /* "Full name (ACRONYM)" */
  gboolean        loading;

  GtkImage       *older_icon;
  GtkButton      *sign_button;
  GtkButton      *up_button;
  GtkButton      *down_button;
  AdwComboRow    *status_row;
  GtkStringList  *status_labels;
  AdwEntryRow    *signed_by_row;
  AdwEntryRow    *date_row;
  GtkLabel       *error_label;
  AdwActionRow   *remove_row;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (TractSignatureRow, tract_signature_row, ADW_TYPE_EXPANDER_ROW)

const char *
tract_signature_status_label (const char *status)
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

static gint64
signature_id (TractSignatureRow *self)
{
  return tract_record_get_id (TRACT_RECORD (self->signature));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show_error (TractSignatureRow *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
tract_signature_row_refresh (TractSignatureRow *self)
{
  TractRecord *record;
  const char *status, *signed_by, *signed_date;
  TractSignatureState state;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *sign_label = NULL;
  gint64 number = 0;

  g_return_if_fail (TRACT_IS_SIGNATURE_ROW (self));

  record = TRACT_RECORD (self->signature);
  status = tract_record_get_text (record, "status");
  signed_by = tract_record_get_text (record, "signed_by");
  signed_date = tract_record_get_text (record, "signed_date");
  state = tract_statement_ledger_get_signature_state (self->store, self->signature, &number);

  switch (state)
    {
    case TRACT_SIGNATURE_SIGNED_CURRENT:
      {
        if (*signed_date != '\0' && *signed_by != '\0')
          /* Translators: "Signed revision 2 on 2021-03-26 by Ayşe Yılmaz" */
          subtitle = g_strdup_printf (_("Signed revision %d on %s by %s"), (int) number, signed_date, signed_by);
        else if (*signed_date != '\0')
          subtitle = g_strdup_printf (_("Signed revision %d on %s"), (int) number, signed_date);
        else if (*signed_by != '\0')
          subtitle = g_strdup_printf (_("Signed revision %d by %s"), (int) number, signed_by);
        else
          subtitle = g_strdup_printf (_("Signed revision %d"), (int) number);
      }
      break;
    case TRACT_SIGNATURE_SIGNED_OLDER:
      subtitle = g_strdup_printf (_("Signed an earlier text (revision %d): ask again"), (int) number);
      break;
    case TRACT_SIGNATURE_NOT_SIGNED:
      if (number > 0)
        /* Translators: "Withdrawn, after signing revision 2" */
        subtitle = g_strdup_printf (_("%s, after signing revision %d"),
                                    tract_signature_status_label (status), (int) number);
      else
        subtitle = g_strdup (tract_signature_status_label (status));
      break;
    default:
      g_assert_not_reached ();
    }

  escaped = g_markup_escape_text (subtitle, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->older_icon), state == TRACT_SIGNATURE_SIGNED_OLDER);

  /* One click to record a signature, or to record it again on the new text. */
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), state != TRACT_SIGNATURE_SIGNED_CURRENT);
  sign_label = state == TRACT_SIGNATURE_SIGNED_OLDER
                 ? g_strdup_printf (_("Mark %s as Signed Again, on the Current Text"), self->label)
                 : g_strdup_printf (_("Mark %s as Signed"), self->label);
  set_accessible_label (GTK_WIDGET (self->sign_button), sign_label);

  self->loading = TRUE;
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], status))
      adw_combo_row_set_selected (self->status_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->signed_by_row), signed_by);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), signed_date);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), !g_str_equal (status, "signed"));
  adw_action_row_set_subtitle (self->remove_row,
                               g_str_equal (status, "signed")
                                 ? _("A signature stays on record: set its status to Withdrawn instead.")
                                 : "");
}

static void
on_status_selected (TractSignatureRow *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->loading || selected >= G_N_ELEMENTS (statuses) - 1
      || g_str_equal (statuses[selected], tract_record_get_text (TRACT_RECORD (self->signature), "status")))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "signatures.set-status", "(xs)",
                              signature_id (self), statuses[selected]);
}

static void
save_signer (TractSignatureRow *self)
{
  g_autofree char *signed_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signed_by_row))));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autoptr(GError) error = NULL;

  if (*date != '\0' && !tract_validate_date (date))
    {
      g_autofree char *message = g_strdup_printf (_("Signed on: “%s” is not a date; write it as "
                                                    "YYYY-MM-DD, such as 2021-03-26."), date);

      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (!tract_statement_ledger_set_signer (self->store, signature_id (self), signed_by, date, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

static void
tract_signature_row_dispose (GObject *object)
{
  TractSignatureRow *self = TRACT_SIGNATURE_ROW (object);

  g_clear_object (&self->signature);
  g_clear_object (&self->store);
  g_clear_pointer (&self->label, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_SIGNATURE_ROW);

  G_OBJECT_CLASS (tract_signature_row_parent_class)->dispose (object);
}

static void
tract_signature_row_class_init (TractSignatureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_signature_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-signature-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, older_icon);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, sign_button);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, status_labels);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, signed_by_row);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, date_row);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, TractSignatureRow, remove_button);
}

static void
tract_signature_row_init (TractSignatureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (self->status_labels, tract_signature_status_label (statuses[i]));

  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->signed_by_row, "apply", G_CALLBACK (save_signer), self);
  g_signal_connect_swapped (self->date_row, "apply", G_CALLBACK (save_signer), self);
  g_signal_connect_swapped (self->signed_by_row, "entry-activated", G_CALLBACK (save_signer), self);
  g_signal_connect_swapped (self->date_row, "entry-activated", G_CALLBACK (save_signer), self);
}

/**
 * tract_signature_row_new:
 * @position: where the signature stands in the list, from 0
 * @n_signatures: how many the list holds, for the move buttons
 */
GtkWidget *
tract_signature_row_new (TractStore     *store,
                         TractSignature *signature,
                         guint           position,
                         guint           n_signatures)
{
  TractSignatureRow *self;
  g_autoptr(TractOrganization) organization = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *remove = NULL;
  GVariant *target;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_SIGNATURE (signature), NULL);

  self = g_object_new (TRACT_TYPE_SIGNATURE_ROW, NULL);
  self->store = g_object_ref (store);
  self->signature = g_object_ref (signature);

  organization = tract_store_load (store, TRACT_TYPE_ORGANIZATION,
                                   tract_record_get_integer (TRACT_RECORD (signature), "organization_id"),
                                   NULL);
  self->label = organization != NULL ? tract_organization_dup_label (organization) : g_strdup ("?");
  escaped = g_markup_escape_text (self->label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);

  target = g_variant_ref_sink (g_variant_new_int64 (signature_id (self)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->sign_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->up_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->down_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  g_variant_unref (target);

  up = g_strdup_printf (_("Move %s Up"), self->label);
  down = g_strdup_printf (_("Move %s Down"), self->label);
  remove = g_strdup_printf (_("Remove %s From the List"), self->label);
  set_accessible_label (GTK_WIDGET (self->up_button), up);
  set_accessible_label (GTK_WIDGET (self->down_button), down);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  remove, -1);
  /* An action's button is as sensitive as its action: the first row's Up
   * button has none, so that it can be insensitive. */
  if (position == 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->up_button), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), FALSE);
    }
  if (position + 1 >= n_signatures)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->down_button), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), FALSE);
    }

  tract_signature_row_refresh (self);
  return GTK_WIDGET (self);
}

TractSignature *
tract_signature_row_get_signature (TractSignatureRow *self)
{
  g_return_val_if_fail (TRACT_IS_SIGNATURE_ROW (self), NULL);

  return self->signature;
}
