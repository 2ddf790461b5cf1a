/* tract-cli-private.h — what each command's file shares with the dispatcher
 *
 * Every command of DESIGN.md's contract is one function taking the parsed
 * options; each area keeps its commands in its own file (tract-cli-ics.c,
 * tract-cli-print.c, …) and the table in tract-cli.c lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *database;         /* --database=FILE, NULL for the default */
  char      *campaign;         /* --campaign=NAME */
  char      *from;             /* --from=DATE (YYYY-MM-DD) */
  char      *to;               /* --to=DATE */
  char      *output;           /* --output=FILE, NULL for stdout */
  char      *paper;            /* --paper=a4|a5|letter */
  char      *template_name;    /* --template=poster|handout */
  char      *language;         /* --language=fr|en */
  gboolean   json;             /* --json */
  gboolean   include_private;  /* --include-private */
  gboolean   version;
  char     **arguments;        /* the command and its positional arguments */
} TractCliOptions;

typedef int (*TractCliCommand) (TractCliOptions *options);

/* Prints "tract: MESSAGE" as one line on stderr and returns EXIT_FAILURE. */
int         tract_cli_fail          (const char  *format,
                                     ...) G_GNUC_PRINTF (1, 2);
/* Opens --database (or the default). With @create FALSE a missing file is
 * an error, so that reading never leaves an empty database behind. */
TractStore *tract_cli_open_store    (TractCliOptions *options,
                                     gboolean         create,
                                     GError         **error);
/* The campaign named by --campaign, or the only campaign when there is one;
 * 0 with @error set otherwise. */
gint64      tract_cli_find_campaign (TractStore      *store,
                                     TractCliOptions *options,
                                     gboolean         required,
                                     GError         **error);
/* Checks that only @allowed options ("campaign", "json", "output", …) were given. */
gboolean    tract_cli_check_options (TractCliOptions   *options,
                                     const char * const *allowed,
                                     guint               n_arguments,
                                     GError            **error);

/* tract-cli-ics.c */
int         tract_cli_export_ics    (TractCliOptions *options);
int         tract_cli_import_ics    (TractCliOptions *options);

/* tract-cli-print.c */
int         tract_cli_flyer         (TractCliOptions *options);
int         tract_cli_agenda        (TractCliOptions *options);

/* tract-cli-csv.c */
int         tract_cli_export_csv    (TractCliOptions *options);
int         tract_cli_import_csv    (TractCliOptions *options);

/* tract-cli-statement.c */
int         tract_cli_statement     (TractCliOptions *options);

G_END_DECLS
