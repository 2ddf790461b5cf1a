/* tract-revision-row.c — one saved revision of a statement
 *
 * Its number, when it was saved, why (its note) and how many organizations
 * signed it, with a button that restores it (the panel's action, with the
 * revision's id as target).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-revision-row.h"
#include "tract-signature.h"

struct _TractRevisionRow
{
  AdwActionRow            parent_instance;

  TractStatementRevision *revision;

  GtkButton              *restore_button;
};

G_DEFINE_FINAL_TYPE (TractRevisionRow, tract_revision_row, ADW_TYPE_ACTION_ROW)

char *
tract_revision_format_time (const char *created_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (created_utc, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (created_utc);
  local = g_date_time_to_local (utc);
  /* Translators: when a revision was saved, a g_date_time_format() format. */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static guint
count_signed (TractStore *store,
              gint64      revision_id)
{
  g_autoptr(GPtrArray) signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "revision_id",
                                                        revision_id, NULL, NULL);
  guint n = 0;

  for (guint i = 0; signatures != NULL && i < signatures->len; i++)
    if (g_str_equal (tract_record_get_text (signatures->pdata[i], "status"), "signed"))
      n++;
  return n;
}

static void
tract_revision_row_dispose (GObject *object)
{
  TractRevisionRow *self = TRACT_REVISION_ROW (object);

  g_clear_object (&self->revision);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_REVISION_ROW);

  G_OBJECT_CLASS (tract_revision_row_parent_class)->dispose (object);
}

static void
tract_revision_row_class_init (TractRevisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_revision_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-revision-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractRevisionRow, restore_button);
}

static void
tract_revision_row_init (TractRevisionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tract_revision_row_new (TractStore             *store,
                        TractStatementRevision *revision)
{
  TractRevisionRow *self;
  TractRecord *record = TRACT_RECORD (revision);
  gint64 number = tract_record_get_integer (record, "number");
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *restore_label = NULL;
  const char *note;
  guint n_signed;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_STATEMENT_REVISION (revision), NULL);

  self = g_object_new (TRACT_TYPE_REVISION_ROW, NULL);
  self->revision = g_object_ref (revision);

  title = g_strdup_printf (_("Revision %d"), (int) number);
  when = tract_revision_format_time (tract_record_get_text (record, "created_utc"));
  note = tract_record_get_text (record, "note");
  n_signed = count_signed (store, tract_record_get_id (record));
  if (n_signed > 0)
    signed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "signed by %u organization",
                                                "signed by %u organizations", n_signed),
                                   n_signed);

  subtitle = g_strjoin (" · ", when, *note != '\0' ? note : signed_text,
                        *note != '\0' ? signed_text : NULL, NULL);
  /* The subtitle is markup: a note is shown as typed, never interpreted. */
  escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);

  restore_label = g_strdup_printf (_("Restore Revision %d"), (int) number);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->restore_button), restore_label);
  /* The button says "Restore"; which revision it restores is its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->restore_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, restore_label, -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->restore_button),
                                          g_variant_new_int64 (tract_record_get_id (record)));
  return GTK_WIDGET (self);
}

TractStatementRevision *
tract_revision_row_get_revision (TractRevisionRow *self)
{
  g_return_val_if_fail (TRACT_IS_REVISION_ROW (self), NULL);

  return self->revision;
}
