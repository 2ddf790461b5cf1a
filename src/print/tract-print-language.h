/* tract-print-language.h — the language of printed matter, whatever the UI's
 *
 * A French collective prints an English flyer for its guests from a French
 * desktop, and the other way round: printed words come from Tract's
 * translation catalogues, read directly for the chosen language, so that
 * neither the process locale nor $LANGUAGE decides them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TractPrintLanguage TractPrintLanguage;

/* @code: "fr", "en", "fr_FR", "fr_FR.UTF-8"… English needs no catalogue;
 * another language needs Tract's, installed or in $TRACT_LOCALEDIR (a
 * list of folders, searched first). The result lives as long as the
 * process and may be used from any thread. */
const TractPrintLanguage *tract_print_language_get         (const char               *code,
                                                            GError                  **error);
/* The first language of the user's environment that Tract can print in,
 * else English. */
const TractPrintLanguage *tract_print_language_get_default (void);
/* The code asked for, shortened to what was found: "fr" for "fr_FR.UTF-8"
 * when only the French catalogue exists. */
const char               *tract_print_language_get_code    (const TractPrintLanguage *self);
/* Codes of every language Tract can print in, "en" first, for a menu. */
GStrv                     tract_print_list_languages       (void);

/* Translates @msgid, in @context when not NULL, into @self's language.
 * Strings are marked with NC_() or N_() where they are written, so that
 * xgettext finds them. */
const char               *tract_print_language_translate   (const TractPrintLanguage *self,
                                                            const char               *context,
                                                            const char               *msgid) G_GNUC_FORMAT (3);

G_END_DECLS
