/* tract-organization-row.c — one organization in the register
 *
 * The full name, as the register is ordered by it, then the acronym that
 * members call each other by, the city and the membership.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tract-format.h"
#include "tract-organization-row.h"

struct _TractOrganizationRow
{
  GtkWidget          parent_instance;

  TractOrganization *organization;

  GtkLabel          *title_label;
  GtkLabel          *membership_label;
  GtkLabel          *details_label;
};

G_DEFINE_FINAL_TYPE (TractOrganizationRow, tract_organization_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANIZATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tract_organization_row_dispose (GObject *object)
{
  TractOrganizationRow *self = TRACT_ORGANIZATION_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->organization);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_ORGANIZATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_organization_row_parent_class)->dispose (object);
}

static void
tract_organization_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TractOrganizationRow *self = TRACT_ORGANIZATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION:
      g_value_set_object (value, self->organization);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_organization_row_class_init (TractOrganizationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_organization_row_dispose;
  object_class->get_property = tract_organization_row_get_property;

  properties[PROP_ORGANIZATION] =
    g_param_spec_object ("organization", NULL, NULL, TRACT_TYPE_ORGANIZATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-organization-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationRow, membership_label);
  gtk_widget_class_bind_template_child (widget_class, TractOrganizationRow, details_label);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_organization_row_init (TractOrganizationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tract_organization_row_new (void)
{
  return g_object_new (TRACT_TYPE_ORGANIZATION_ROW, NULL);
}

TractOrganization *
tract_organization_row_get_organization (TractOrganizationRow *self)
{
  g_return_val_if_fail (TRACT_IS_ORGANIZATION_ROW (self), NULL);

  return self->organization;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Returns: (transfer full) (nullable): @text, between Unicode isolates when
 * it holds bidirectional controls; %NULL for blank */
static char *
isolate (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        return g_strdup_printf ("\u2068%s\u2069", text);
    }
  return g_strdup (text);
}

/* @organization: (nullable): the organization to show, %NULL for none */
void
tract_organization_row_set_organization (TractOrganizationRow *self,
                                         TractOrganization    *organization)
{
  TractRecord *record = TRACT_RECORD (organization);
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *acronym_part = NULL;
  g_autofree char *city_part = NULL;
  g_autofree char *country_part = NULL;
  const char *name;
  const char *acronym;

  g_return_if_fail (TRACT_IS_ORGANIZATION_ROW (self));
  g_return_if_fail (organization == NULL || TRACT_IS_ORGANIZATION (organization));

  if (g_set_object (&self->organization, organization))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION]);

  if (organization == NULL)
    {
      set_label (self->title_label, NULL);
      set_label (self->membership_label, NULL);
      set_label (self->details_label, NULL);
      return;
    }

  name = tract_record_get_text (record, "name");
  acronym = tract_record_get_text (record, "acronym");
  /* "Amis de l’ICOR (Coordination …)" already says its short name. */
  if (acronym != NULL && g_str_has_prefix (name, acronym))
    acronym = NULL;
  /* Each part isolated, so that a right-to-left override in one does not
   * turn the next one around. */
  acronym_part = isolate (acronym);
  city_part = isolate (tract_record_get_text (record, "city"));
  country_part = isolate (tract_record_get_text (record, "country"));
  details = tract_format_join (3, acronym_part, city_part, country_part);

  set_label (self->title_label, name);
  set_label (self->membership_label,
             tract_format_membership (tract_record_get_text (record, "membership")));
  set_label (self->details_label, details);

  /* GTK 4.8 names no list item after its content: name it, and the row,
   * as a screen reader should read them. */
  accessible = tract_format_join (3, name, tract_format_membership (tract_record_get_text (record, "membership")),
                                  details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (GTK_IS_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
