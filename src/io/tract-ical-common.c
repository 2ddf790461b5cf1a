/* tract-ical-common.c — what the exporter and the importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-event-query.h"
#include "tract-ical-private.h"

G_DEFINE_QUARK (tract-ical-error-quark, tract_ical_error)

static const struct
{
  const char *kind;
  const char *category;
} kinds[] = {
  { "rally", N_("Rally") },
  { "demonstration", N_("Demonstration") },
  { "panel", N_("Panel") },
  { "commemoration", N_("Commemoration") },
  { "celebration", N_("Celebration") },
  { "meeting", N_("Meeting") },
};

const char *
tract_ical_kind_to_category (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      return g_dgettext (GETTEXT_PACKAGE, kinds[i].category);
  return NULL;
}

const char *
tract_ical_kind_from_category (const char *category)
{
  g_autofree char *folded = g_utf8_casefold (category, -1);

  /* The English names (ASCII: casefolding them is lowering them) and
   * Tract's own first, so that an import of a file written in English
   * looks up no translation per event. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (folded, kinds[i].category) == 0 || g_str_equal (folded, kinds[i].kind))
      return kinds[i].kind;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *translated = g_utf8_casefold (g_dgettext (GETTEXT_PACKAGE, kinds[i].category), -1);

      if (g_str_equal (folded, translated))
        return kinds[i].kind;
    }
  return NULL;
}

static const char *
role_heading (const char *role)
{
  if (g_str_equal (role, "organizer"))
    return _("Organizers");
  if (g_str_equal (role, "partner"))
    return _("Partners");
  if (g_str_equal (role, "speaker"))
    return _("Speakers");
  if (g_str_equal (role, "delegation"))
    return _("Delegations");
  return role;
}

/* RFC 5545 ORGANIZER would make Outlook ask published-agenda readers to
 * accept or decline (ICALENDAR.md, export rule 14): the organizations are
 * named in the description instead, one line per role. */
char *
tract_ical_format_organizations (const char *encoded)
{
  static const char * const roles[] = { "organizer", "partner", "speaker", "delegation" };
  g_auto(GStrv) items = NULL;
  g_autoptr(GString) text = NULL;

  if (encoded == NULL || *encoded == '\0')
    return NULL;

  items = g_strsplit (encoded, (const char[]) { TRACT_EVENT_ORGANIZATION_SEPARATOR, '\0' }, 0);
  text = g_string_new (NULL);
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      gboolean first = TRUE;

      for (guint i = 0; items[i] != NULL; i++)
        {
          const char *separator = strchr (items[i], TRACT_EVENT_ROLE_SEPARATOR);

          if (separator == NULL || strncmp (items[i], roles[r], separator - items[i]) != 0
              || roles[r][separator - items[i]] != '\0')
            continue;
          if (first)
            {
              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* TRANSLATORS: "Organizers: ACTIT, CSP" in a published event's description */
              g_string_append_printf (text, _("%s: "), role_heading (roles[r]));
            }
          else
            g_string_append (text, ", ");
          g_string_append (text, separator + 1);
          first = FALSE;
        }
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
tract_ical_combine_location (const char *name,
                             const char *address)
{
  if (*address == '\0')
    return g_strdup (name);
  if (*name == '\0' || g_str_has_prefix (address, name))
    return g_strdup (address);
  return g_strconcat (name, ", ", address, NULL);
}

/* Progress */

struct _TractIcalProgress
{
  GObject      *object;
  GParamSpec   *pspec;
  double       *field;
  GMainContext *context;
  double        last;
};

TractIcalProgress *
tract_ical_progress_new (GObject      *object,
                         GParamSpec   *pspec,
                         double       *field,
                         GMainContext *context)
{
  TractIcalProgress *self = g_new0 (TractIcalProgress, 1);

  self->object = g_object_ref (object);
  self->pspec = pspec;
  self->field = field;
  self->context = context != NULL ? g_main_context_ref (context) : NULL;
  self->last = -1;
  return self;
}

typedef struct
{
  GObject    *object;
  GParamSpec *pspec;
  double     *field;
  double      value;
} ProgressUpdate;

static gboolean
apply_update (gpointer data)
{
  ProgressUpdate *update = data;

  if (*update->field != update->value)
    {
      *update->field = update->value;
      g_object_notify_by_pspec (update->object, update->pspec);
    }
  return G_SOURCE_REMOVE;
}

static void
free_update (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->object);
  g_free (update);
}

void
tract_ical_progress_set (TractIcalProgress *self,
                         double             fraction)
{
  ProgressUpdate *update;

  fraction = CLAMP (fraction, 0.0, 1.0);
  /* A progress bar needs no more than a hundred steps; each one crosses threads. */
  if (fraction < 1.0 && self->last >= 0 && fraction - self->last < 0.01)
    return;
  if (fraction == self->last)
    return;
  self->last = fraction;

  update = g_new0 (ProgressUpdate, 1);
  update->object = g_object_ref (self->object);
  update->pspec = self->pspec;
  update->field = self->field;
  update->value = fraction;
  if (self->context == NULL)
    {
      apply_update (update);
      free_update (update);
    }
  else
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, apply_update, update, free_update);
}

void
tract_ical_progress_free (TractIcalProgress *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->object);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self);
}
