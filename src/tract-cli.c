/* tract-cli.c — the headless command line
 *
 * The commands of DESIGN.md's contract that need no window: they open the
 * store, do one thing, and exit 0, or print one line on stderr that names
 * the problem and exit non-zero, with the database as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-cli.h"
#include "tract-cli-private.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-record-list.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-store.h"
#include "tract-time.h"

#define EXIT_USAGE 2

typedef TractCliOptions CliOptions;

static void
cli_options_clear (CliOptions *options)
{
  g_free (options->database);
  g_free (options->campaign);
  g_free (options->from);
  g_free (options->to);
  g_free (options->output);
  g_free (options->paper);
  g_free (options->template_name);
  g_free (options->language);
  g_strfreev (options->arguments);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

static int run_demo (CliOptions *options);
static int run_list (CliOptions *options);

typedef struct
{
  const char     *name;
  TractCliCommand run;
} Command;

/* The contract of DESIGN.md; each area's commands live in its own file. */
static const Command commands[] = {
  { "demo", run_demo },
  { "list", run_list },
  { "export-ics", tract_cli_export_ics },
  { "import-ics", tract_cli_import_ics },
  { "flyer", tract_cli_flyer },
  { "agenda", tract_cli_agenda },
  { "export-csv", tract_cli_export_csv },
  { "import-csv", tract_cli_import_csv },
  { "statement", tract_cli_statement },
};

int
tract_cli_fail (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("tract: %s\n", message);
  return EXIT_FAILURE;
}

static GOptionContext *
make_context (CliOptions *options,
              gboolean    window_only)
{
  const GOptionEntry window_entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("The database to use (default: ~/.local/share/tract/tract.db)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  const GOptionEntry command_entries[] = {
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &options->campaign,
      N_("The campaign to work on"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, N_("From this day on"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("Up to this day"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Write to this file instead of the standard output"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options->paper, N_("Paper size: a4, a5 or letter"), N_("SIZE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &options->template_name,
      N_("Flyer template: poster or handout"), N_("NAME") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options->language,
      N_("Language of the flyer or the agenda: fr or en"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON (list)"), NULL },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &options->include_private,
      N_("Include private notes (export-csv)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->arguments, NULL, NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("[COMMAND [ARGUMENTS…]]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, window_entries, GETTEXT_PACKAGE);
  if (!window_only)
    g_option_context_add_main_entries (context, command_entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Without a command, opens the window. Commands:\n"
                                  "  demo                                   add the sample campaign\n"
                                  "  list organizations|events|statements   list, as text or --json\n"
                                  "  export-ics                             write the agenda as iCalendar\n"
                                  "  import-ics FILE                        add or update events from a .ics file\n"
                                  "  flyer EVENT --output=FILE.pdf|.png     draw an event's flyer\n"
                                  "  agenda --output=FILE.pdf               print the campaign's programme\n"
                                  "  export-csv                             write the organizations as CSV\n"
                                  "  import-csv FILE                        add or update organizations from CSV\n"
                                  "  statement ID [--output=FILE]           a statement as Markdown, text or PDF\n"
                                  "\n"
                                  "Options of the commands: --campaign, --from, --to, --output, --paper,\n"
                                  "--template, --language, --json, --include-private (see README.md)."));
  return context;
}

/* A command is any word that is not an option (or an option's value). */
gboolean
tract_cli_wants (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-' || g_str_equal (argv[i], "--version"))
        return TRUE;
    }
  return FALSE;
}

gboolean
tract_cli_parse_window_options (int    argc,
                                char **argv,
                                char **database,
                                int   *exit_status)
{
  g_auto(CliOptions) options = { NULL };
  g_autoptr(GOptionContext) context = make_context (&options, TRUE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *exit_status = tract_cli_fail ("%s", error->message);
      return FALSE;
    }
  *database = g_steal_pointer (&options.database);
  return TRUE;
}

TractStore *
tract_cli_open_store (TractCliOptions  *options,
                      gboolean          create,
                      GError          **error)
{
  g_autofree char *default_path = NULL;
  const char *path = options->database;

  if (path == NULL)
    path = default_path = tract_store_get_default_path ();

  /* Reading must not leave a new empty file behind. */
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("There is no database at “%s”; run “tract demo” to create one with the "
                     "sample campaign, or give --database=FILE."),
                   path);
      return NULL;
    }
  return tract_store_open (path, error);
}

gboolean
tract_cli_check_options (TractCliOptions    *options,
                         const char * const *allowed,
                         guint               n_arguments,
                         GError            **error)
{
  const struct { const char *name; gboolean given; } given[] = {
    { "campaign", options->campaign != NULL },
    { "from", options->from != NULL },
    { "to", options->to != NULL },
    { "output", options->output != NULL },
    { "paper", options->paper != NULL },
    { "template", options->template_name != NULL },
    { "language", options->language != NULL },
    { "json", options->json },
    { "include-private", options->include_private },
  };
  const char *command = options->arguments[0];

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    if (given[i].given && (allowed == NULL || !g_strv_contains (allowed, given[i].name)))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("“%s” does not take --%s; see “tract --help”."), command, given[i].name);
        return FALSE;
      }

  if (g_strv_length (options->arguments) != n_arguments + 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” takes %u argument; see “tract --help”.",
                                "“%s” takes %u arguments; see “tract --help”.", n_arguments),
                   command, n_arguments);
      return FALSE;
    }
  return TRUE;
}

gint64
tract_cli_find_campaign (TractStore       *store,
                         TractCliOptions  *options,
                         gboolean          required,
                         GError          **error)
{
  g_autoptr(TractCampaign) campaign = NULL;

  if (options->campaign != NULL)
    {
      campaign = tract_store_find (store, TRACT_TYPE_CAMPAIGN, "name", options->campaign);
      if (campaign == NULL)
        {
          g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND,
                       _("There is no campaign named “%s”; “tract list events” shows them all."),
                       options->campaign);
          return 0;
        }
      return tract_record_get_id (TRACT_RECORD (campaign));
    }

  if (!required)
    return 0;

  if (tract_store_count (store, TRACT_TYPE_CAMPAIGN, NULL, 0) == 1)
    {
      g_autoptr(GPtrArray) all = tract_store_select (store, TRACT_TYPE_CAMPAIGN, NULL, 0, NULL, error);

      return all != NULL ? tract_record_get_id (all->pdata[0]) : 0;
    }

  g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND,
               tract_store_count (store, TRACT_TYPE_CAMPAIGN, NULL, 0) == 0
                 ? _("There is no campaign yet; run “tract demo” or create one in the window.")
                 : _("There are several campaigns; choose one with --campaign=NAME."));
  return 0;
}

static int
run_demo (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractCampaign) campaign = NULL;

  if (!tract_cli_check_options (options, NULL, 0, &error))
    return tract_cli_fail ("%s", error->message);

  store = tract_cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  campaign = tract_demo_add (store, &error);
  if (campaign == NULL)
    return tract_cli_fail (_("Cannot add the sample campaign: %s"), error->message);

  g_print (_("The sample campaign “%s” is in %s.\n"),
           tract_record_get_text (TRACT_RECORD (campaign), "name"), tract_store_get_path (store));
  return EXIT_SUCCESS;
}

/* JSON */

static void
add_record_members (JsonBuilder *builder,
                    TractRecord *record)
{
  guint n_columns;
  const TractColumn *columns = tract_record_get_columns (record, &n_columns);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tract_record_get_id (record));

  for (guint i = 0; i < n_columns; i++)
    {
      const GValue *value = tract_record_get_value (record, i);

      /* Private notes never leave the database through a listing. */
      if (g_str_equal (columns[i].name, "private_notes"))
        continue;

      json_builder_set_member_name (builder, columns[i].name);
      switch (columns[i].type)
        {
        case TRACT_COLUMN_TEXT:
          if (*g_value_get_string (value) == '\0' && (columns[i].flags & TRACT_COLUMN_NULL_WHEN_EMPTY))
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, g_value_get_string (value));
          break;
        case TRACT_COLUMN_INTEGER:
          json_builder_add_int_value (builder, g_value_get_int64 (value));
          break;
        case TRACT_COLUMN_REFERENCE:
          if (g_value_get_int64 (value) == 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, g_value_get_int64 (value));
          break;
        case TRACT_COLUMN_BOOLEAN:
          json_builder_add_boolean_value (builder, g_value_get_boolean (value));
          break;
        case TRACT_COLUMN_REAL:
          if (isnan (g_value_get_double (value)))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, g_value_get_double (value));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Timed events carry their instants in UTC; all-day ones carry dates, the
 * last day inclusive, and no instant (a day is not an instant). */
static void
add_event_times (JsonBuilder *builder,
                 TractEvent  *event)
{
  TractRecord *record = TRACT_RECORD (event);

  if (tract_event_get_all_day (event))
    {
      json_builder_set_member_name (builder, "start_utc");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "end_utc");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "start_date");
      json_builder_add_string_value (builder, tract_record_get_text (record, "start_local"));
      json_builder_set_member_name (builder, "end_date");
      json_builder_add_string_value (builder, tract_record_get_text (record, "end_local"));
    }
  else
    {
      g_autofree char *start = tract_time_format_utc (tract_event_get_start_utc (event));
      g_autofree char *end = tract_time_format_utc (tract_event_get_end_utc (event));

      json_builder_set_member_name (builder, "start_utc");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "end_utc");
      json_builder_add_string_value (builder, end);
    }
}

static gboolean
add_signatures (JsonBuilder    *builder,
                TractStore     *store,
                TractStatement *statement,
                GError        **error)
{
  g_autoptr(GPtrArray) signatures =
    tract_store_select (store, TRACT_TYPE_SIGNATURE, "statement_id",
                        tract_record_get_id (TRACT_RECORD (statement)), "position, id", error);

  if (signatures == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < signatures->len; i++)
    {
      TractRecord *signature = signatures->pdata[i];
      g_autoptr(TractOrganization) organization =
        tract_store_load (store, TRACT_TYPE_ORGANIZATION,
                          tract_record_get_integer (signature, "organization_id"), error);

      if (organization == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "organization");
      json_builder_add_string_value (builder, tract_record_get_text (TRACT_RECORD (organization), "name"));
      json_builder_set_member_name (builder, "acronym");
      json_builder_add_string_value (builder, tract_record_get_text (TRACT_RECORD (organization), "acronym"));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, tract_record_get_text (signature, "status"));
      json_builder_set_member_name (builder, "signed_date");
      if (*tract_record_get_text (signature, "signed_date") == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, tract_record_get_text (signature, "signed_date"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* Text */

static char *
describe_event (TractEvent *event)
{
  TractRecord *record = TRACT_RECORD (event);
  const char *start = tract_record_get_text (record, "start_local");
  const char *end = tract_record_get_text (record, "end_local");
  const char *place = tract_record_get_text (record, "location_name");
  g_autofree char *when = NULL;

  if (tract_event_get_all_day (event))
    when = g_str_equal (start, end) ? g_strdup_printf ("%s", start)
                                    : g_strdup_printf ("%s – %s", start, end);
  else if (strncmp (start, end, 10) == 0)
    when = g_strdup_printf ("%.10s %.5s–%.5s", start, start + 11, end + 11);
  else
    when = g_strdup_printf ("%.10s %.5s – %.10s %.5s", start, start + 11, end, end + 11);

  return g_strdup_printf ("%-36s  %-13s  %-10s  %s%s%s  [%s]", when,
                          tract_record_get_text (record, "kind"),
                          tract_record_get_text (record, "status"),
                          tract_event_get_title (event),
                          *place != '\0' ? " — " : "", place,
                          tract_event_get_uid (event));
}

static char *
describe_organization (TractOrganization *organization)
{
  TractRecord *record = TRACT_RECORD (organization);

  return g_strdup_printf ("%-14s  %-10s  %-12s  %s",
                          tract_record_get_text (record, "acronym"),
                          tract_record_get_text (record, "membership"),
                          tract_record_get_text (record, "city"),
                          tract_record_get_text (record, "name"));
}

static char *
describe_statement (TractStore     *store,
                    TractStatement *statement)
{
  TractRecord *record = TRACT_RECORD (statement);
  g_autoptr(GPtrArray) signatures =
    tract_store_select (store, TRACT_TYPE_SIGNATURE, "statement_id", tract_record_get_id (record),
                        "position, id", NULL);
  guint n_signed = 0;

  for (guint i = 0; signatures != NULL && i < signatures->len; i++)
    if (g_str_equal (tract_record_get_text (signatures->pdata[i], "status"), "signed"))
      n_signed++;

  return g_strdup_printf ("%4" G_GINT64_FORMAT "  %-5s  %-11s  %2u/%-2u signed  %s",
                          tract_record_get_id (record),
                          tract_record_get_text (record, "language"),
                          tract_record_get_text (record, "status"),
                          n_signed, signatures != NULL ? signatures->len : 0,
                          tract_record_get_text (record, "title"));
}

/* Organizations that organize an event of the campaign or signed one of its statements. */
static gboolean
organization_in_campaign (TractStore        *store,
                          TractOrganization *organization,
                          gint64             campaign_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  gint64 organization_id = tract_record_get_id (TRACT_RECORD (organization));
  g_autoptr(GPtrArray) roles = tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION,
                                                   "organization_id", organization_id, NULL, NULL);
  g_autoptr(GPtrArray) signatures = tract_store_select (store, TRACT_TYPE_SIGNATURE, "organization_id",
                                                        organization_id, NULL, NULL);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      g_autoptr(TractEvent) event =
        tract_store_load (store, TRACT_TYPE_EVENT, tract_record_get_integer (roles->pdata[i], "event_id"), NULL);

      if (event != NULL && tract_record_get_integer (TRACT_RECORD (event), "campaign_id") == campaign_id)
        return TRUE;
    }
  for (guint i = 0; signatures != NULL && i < signatures->len; i++)
    {
      g_autoptr(TractStatement) statement =
        tract_store_load (store, TRACT_TYPE_STATEMENT,
                          tract_record_get_integer (signatures->pdata[i], "statement_id"), NULL);

      if (statement != NULL && tract_record_get_integer (TRACT_RECORD (statement), "campaign_id") == campaign_id)
        return TRUE;
    }
  return FALSE;
}

static int
run_list (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  g_autoptr(TractRecordList) list = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *what;
  gint64 campaign_id = 0;
  guint n_items;

  static const char * const allowed[] = { "campaign", "json", NULL };

  if (!tract_cli_check_options (options, allowed, 1, &error))
    return tract_cli_fail ("%s", error->message);
  what = options->arguments[1];

  store = tract_cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return tract_cli_fail ("%s", error->message);

  campaign_id = tract_cli_find_campaign (store, options, FALSE, &error);
  if (error != NULL)
    return tract_cli_fail ("%s", error->message);

  if (g_str_equal (what, "organizations"))
    list = tract_record_list_new (store, TRACT_TYPE_ORGANIZATION, NULL, 0, "name");
  else if (g_str_equal (what, "events"))
    list = tract_record_list_new (store, TRACT_TYPE_EVENT,
                                  campaign_id != 0 ? "campaign_id" : NULL, campaign_id, "start_utc");
  else if (g_str_equal (what, "statements"))
    list = tract_record_list_new (store, TRACT_TYPE_STATEMENT,
                                  campaign_id != 0 ? "campaign_id" : NULL, campaign_id, "title");
  else
    return tract_cli_fail (_("Cannot list “%s”: choose organizations, events or statements."), what);

  if (options->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TractRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (TRACT_IS_ORGANIZATION (record) && campaign_id != 0
          && !organization_in_campaign (store, TRACT_ORGANIZATION (record), campaign_id))
        continue;

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          add_record_members (builder, record);
          if (TRACT_IS_EVENT (record))
            add_event_times (builder, TRACT_EVENT (record));
          if (TRACT_IS_STATEMENT (record) && !add_signatures (builder, store, TRACT_STATEMENT (record), &error))
            return tract_cli_fail ("%s", error->message);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *line = NULL;

          if (TRACT_IS_EVENT (record))
            line = describe_event (TRACT_EVENT (record));
          else if (TRACT_IS_ORGANIZATION (record))
            line = describe_organization (TRACT_ORGANIZATION (record));
          else
            line = describe_statement (store, TRACT_STATEMENT (record));
          g_print ("%s\n", line);
        }
    }

  if (builder != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  return EXIT_SUCCESS;
}

int
tract_cli_run (int    argc,
               char **argv)
{
  g_auto(CliOptions) options = { NULL };
  g_autoptr(GOptionContext) context = make_context (&options, FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  const char *command;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      tract_cli_fail ("%s", error->message);
      return EXIT_USAGE;
    }

  if (options.version)
    {
      g_print ("tract %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (options.arguments == NULL || options.arguments[0] == NULL)
    {
      tract_cli_fail (_("No command given; see “tract --help”."));
      return EXIT_USAGE;
    }

  command = options.arguments[0];
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (command, commands[i].name))
      return commands[i].run (&options);

  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", commands[i].name);
    tract_cli_fail (_("Unknown command “%s”; the commands are: %s."), command, names->str);
  }
  return EXIT_USAGE;
}
