/* tract-statement-row.c — one statement of a campaign
 *
 * The title, the status, the language and how many organizations signed
 * (those of its original, for a translation, which says whether it is
 * behind the original). The count follows the signatures while the row is
 * on screen: a row only exists for the statements in view, so this costs a
 * few listeners at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-format.h"
#include "tract-signature.h"
#include "tract-statement-ledger.h"
#include "tract-statement-row.h"

struct _TractStatementRow
{
  GtkWidget       parent_instance;

  TractStore     *store;
  TractStatement *statement;
  gulong          changed_handler;
  gulong          reset_handler;
  gulong          revision_handler;
  gulong          revision_reset_handler;

  GtkLabel       *title_label;
  GtkLabel       *status_label;
  GtkLabel       *details_label;
};

G_DEFINE_FINAL_TYPE (TractStatementRow, tract_statement_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many organizations signed, and how many were asked and have not
 * answered yet. */
static void
count_signatures (TractStatementRow *self,
                  guint             *n_signed,
                  guint             *n_pending)
{
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;

  *n_signed = *n_pending = 0;

  /* The signatures of one statement are a short list. */
  signatures = tract_store_select (self->store, TRACT_TYPE_SIGNATURE, "statement_id",
                                   tract_statement_ledger_get_signing_statement (self->store,
                                                                                tract_record_get_id (TRACT_RECORD (self->statement))),
                                   "position", &error);
  if (signatures == NULL)
    {
      g_debug ("Cannot count the signatures of a statement: %s", error->message);
      return;
    }

  for (guint i = 0; i < signatures->len; i++)
    {
      const char *status = tract_record_get_text (g_ptr_array_index (signatures, i), "status");

      if (g_strcmp0 (status, "signed") == 0)
        (*n_signed)++;
      else if (g_strcmp0 (status, "invited") == 0 || g_strcmp0 (status, "considering") == 0)
        (*n_pending)++;
    }
}

static void
update_details (TractStatementRow *self)
{
  g_autofree char *language = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *pending_text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *translation = NULL;
  guint n_signed, n_pending;

  if (self->statement == NULL)
    {
      gtk_label_set_label (self->details_label, "");
      return;
    }

  count_signatures (self, &n_signed, &n_pending);
  language = g_ascii_strup (tract_record_get_text (TRACT_RECORD (self->statement), "language"), -1);
  signed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signature", "%u signatures",
                                              n_signed),
                                 n_signed);
  if (n_pending > 0)
    /* Translators: organizations invited to sign a statement that have not answered yet. */
    pending_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u awaiting an answer",
                                                 "%u awaiting an answer", n_pending),
                                    n_pending);
  switch (tract_statement_ledger_get_translation_state (self->store,
                                                        tract_record_get_id (TRACT_RECORD (self->statement)),
                                                        NULL, NULL))
    {
    case TRACT_TRANSLATION_UP_TO_DATE:
      translation = _("translation");
      break;
    case TRACT_TRANSLATION_BEHIND:
      translation = _("translation, behind the original");
      break;
    case TRACT_TRANSLATION_NONE:
    default:
      break;
    }
  details = tract_format_join (4, language, translation, signed_text, pending_text);
  gtk_label_set_label (self->details_label, details);

  /* One sentence for a screen reader, as the eye reads the row. */
  accessible = tract_format_join (3, tract_record_get_text (TRACT_RECORD (self->statement), "title"),
                                  gtk_label_get_label (self->status_label), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_signature_changed (TractStore        *store,
                      TractRecord       *before,
                      TractRecord       *after,
                      TractStatementRow *self)
{
  gint64 id = tract_statement_ledger_get_signing_statement (store,
                                                            tract_record_get_id (TRACT_RECORD (self->statement)));

  if ((before != NULL && tract_record_get_integer (before, "statement_id") == id)
      || (after != NULL && tract_record_get_integer (after, "statement_id") == id))
    update_details (self);
}

static void
on_signatures_reset (TractStore        *store,
                     TractStatementRow *self)
{
  update_details (self);
}

static void
disconnect_store (TractStatementRow *self)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
      g_clear_signal_handler (&self->revision_handler, self->store);
      g_clear_signal_handler (&self->revision_reset_handler, self->store);
    }
  g_clear_object (&self->store);
}

static void
tract_statement_row_dispose (GObject *object)
{
  TractStatementRow *self = TRACT_STATEMENT_ROW (object);
  GtkWidget *child;

  disconnect_store (self);
  g_clear_object (&self->statement);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_STATEMENT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_statement_row_parent_class)->dispose (object);
}

static void
tract_statement_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TractStatementRow *self = TRACT_STATEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_STATEMENT:
      g_value_set_object (value, self->statement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_statement_row_class_init (TractStatementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_statement_row_dispose;
  object_class->get_property = tract_statement_row_get_property;

  properties[PROP_STATEMENT] =
    g_param_spec_object ("statement", NULL, NULL, TRACT_TYPE_STATEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-statement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractStatementRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TractStatementRow, details_label);
}

static void
tract_statement_row_init (TractStatementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tract_statement_row_new (void)
{
  return g_object_new (TRACT_TYPE_STATEMENT_ROW, NULL);
}

TractStatement *
tract_statement_row_get_statement (TractStatementRow *self)
{
  g_return_val_if_fail (TRACT_IS_STATEMENT_ROW (self), NULL);

  return self->statement;
}

/**
 * tract_statement_row_set_statement:
 * @store: (nullable): where the statement's signatures are, %NULL with no statement
 * @statement: (nullable): the statement to show, %NULL for none
 */
void
tract_statement_row_set_statement (TractStatementRow *self,
                                   TractStore        *store,
                                   TractStatement    *statement)
{
  g_return_if_fail (TRACT_IS_STATEMENT_ROW (self));
  g_return_if_fail (store == NULL || TRACT_IS_STORE (store));
  g_return_if_fail (statement == NULL || TRACT_IS_STATEMENT (statement));
  g_return_if_fail (statement == NULL || store != NULL);

  disconnect_store (self);
  if (g_set_object (&self->statement, statement))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT]);

  if (statement == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->status_label, "");
      update_details (self);
      return;
    }

  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "record-changed::signature",
                                            G_CALLBACK (on_signature_changed), self);
  self->reset_handler = g_signal_connect (store, "table-reset::signature",
                                          G_CALLBACK (on_signatures_reset), self);
  /* A new revision of the original puts a translation behind. */
  self->revision_handler = g_signal_connect_swapped (store, "record-changed::statement_revision",
                                                     G_CALLBACK (update_details), self);
  self->revision_reset_handler = g_signal_connect_swapped (store, "table-reset::statement_revision",
                                                           G_CALLBACK (update_details), self);

  gtk_label_set_label (self->title_label,
                       tract_record_get_text (TRACT_RECORD (statement), "title"));
  gtk_label_set_label (self->status_label,
                       tract_format_statement_status (tract_record_get_text (TRACT_RECORD (statement),
                                                                             "status")));
  update_details (self);
}
