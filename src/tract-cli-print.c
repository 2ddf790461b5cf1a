/* tract-cli-print.c — tract flyer and tract agenda
 *
 *   tract flyer EVENT --output=FILE.pdf|FILE.png [--paper=a4|a5|letter]
 *               [--template=poster|handout] [--language=fr|en]
 *   tract agenda [--campaign=NAME] [--from=DATE] [--to=DATE] --output=FILE.pdf
 *               [--paper=…] [--language=…]
 *
 * Both read the database only. The file appears complete or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tract-cli-private.h"
#include "tract-event.h"
#include "tract-print.h"
#include "tract-validate.h"

/* EVENT is a UID, or the numeric id that "tract list events --json" shows. */
static TractEvent *
find_event (TractStore  *store,
            const char  *text,
            GError     **error)
{
  TractEvent *event = tract_store_find (store, TRACT_TYPE_EVENT, "uid", text);
  gboolean numeric = *text != '\0' && strspn (text, "0123456789") == strlen (text);

  if (event == NULL && numeric && strlen (text) < 19)
    event = tract_store_load (store, TRACT_TYPE_EVENT, g_ascii_strtoll (text, NULL, 10), NULL);
  if (event == NULL)
    g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND,
                 _("There is no event “%s”; “tract list events” shows each event’s UID in brackets."),
                 text);
  return event;
}

static gboolean
check_output (TractCliOptions *options,
              gboolean         png_allowed,
              GError         **error)
{
  g_autofree char *lower = NULL;

  if (options->output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   png_allowed ? _("“%s” needs --output=FILE.pdf or --output=FILE.png.")
                               : _("“%s” needs --output=FILE.pdf."),
                   options->arguments[0]);
      return FALSE;
    }
  lower = g_ascii_strdown (options->output, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !(png_allowed && g_str_has_suffix (lower, ".png")))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   png_allowed ? _("--output: “%s” must end with .pdf or .png.")
                               : _("--output: “%s” must end with .pdf."),
                   options->output);
      return FALSE;
    }
  return TRUE;
}

int
tract_cli_flyer (TractCliOptions *options)
{
  static const char * const allowed[] = { "output", "paper", "template", "language", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractEvent) event = NULL;
  g_autoptr(TractFlyer) flyer = NULL;
  TractFlyerTemplate template_ = TRACT_FLYER_POSTER;
  TractPaper paper = TRACT_PAPER_A4;

  if (!tract_cli_check_options (options, allowed, 1, &error)
      || !check_output (options, TRUE, &error)
      || (options->paper != NULL && !tract_paper_from_name (options->paper, &paper, &error))
      || (options->template_name != NULL
          && !tract_flyer_template_from_name (options->template_name, &template_, &error))
      || (options->language != NULL && tract_print_language_get (options->language, &error) == NULL))
    return tract_cli_fail ("%s", error->message);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  event = find_event (store, options->arguments[1], &error);
  if (event == NULL)
    return tract_cli_fail ("%s", error->message);

  flyer = tract_flyer_new (store, event, &error);
  if (flyer == NULL)
    return tract_cli_fail (_("Cannot make the flyer of “%s”: %s"), tract_event_get_title (event), error->message);

  tract_flyer_set_template (flyer, template_);
  tract_flyer_set_paper (flyer, paper);
  if (options->language != NULL && !tract_flyer_set_language (flyer, options->language, &error))
    return tract_cli_fail ("%s", error->message);

  if (!tract_flyer_write (flyer, options->output, &error))
    return tract_cli_fail ("%s", error->message);
  return EXIT_SUCCESS;
}

int
tract_cli_agenda (TractCliOptions *options)
{
  static const char * const allowed[] = { "campaign", "from", "to", "output", "paper", "language", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractAgenda) agenda = NULL;
  TractPaper paper = TRACT_PAPER_A4;
  gint64 campaign_id;

  if (!tract_cli_check_options (options, allowed, 0, &error)
      || !check_output (options, FALSE, &error)
      || (options->paper != NULL && !tract_paper_from_name (options->paper, &paper, &error))
      || (options->language != NULL && tract_print_language_get (options->language, &error) == NULL))
    return tract_cli_fail ("%s", error->message);

  if (options->from != NULL && !tract_validate_date (options->from))
    return tract_cli_fail (_("--from: “%s” is not a date; write it as YYYY-MM-DD."), options->from);
  if (options->to != NULL && !tract_validate_date (options->to))
    return tract_cli_fail (_("--to: “%s” is not a date; write it as YYYY-MM-DD."), options->to);
  if (options->from != NULL && options->to != NULL && strcmp (options->from, options->to) > 0)
    return tract_cli_fail (_("--to (%s) comes before --from (%s); swap them."), options->to, options->from);

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  campaign_id = tract_cli_find_campaign (store, options, TRUE, &error);
  if (campaign_id == 0)
    return tract_cli_fail ("%s", error->message);

  agenda = tract_agenda_new (store, campaign_id, options->from, options->to, NULL, &error);
  if (agenda == NULL)
    return tract_cli_fail ("%s", error->message);
  tract_agenda_set_paper (agenda, paper);
  if (options->language != NULL && !tract_agenda_set_language (agenda, options->language, &error))
    return tract_cli_fail ("%s", error->message);

  if (!tract_agenda_write_pdf (agenda, options->output, NULL, NULL, NULL, &error))
    return tract_cli_fail ("%s", error->message);
  return EXIT_SUCCESS;
}
