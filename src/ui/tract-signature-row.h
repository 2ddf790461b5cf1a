/* tract-signature-row.h — one organization asked to sign a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-signature.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_SIGNATURE_ROW (tract_signature_row_get_type ())

G_DECLARE_FINAL_TYPE (TractSignatureRow, tract_signature_row, TRACT, SIGNATURE_ROW, AdwExpanderRow)

GtkWidget      *tract_signature_row_new           (TractStore        *store,
                                                   TractSignature    *signature,
                                                   guint              position,
                                                   guint              n_signatures);
TractSignature *tract_signature_row_get_signature (TractSignatureRow *self);
/* Reads again whether the signature is on the text as it stands. */
void            tract_signature_row_refresh       (TractSignatureRow *self);
/* "Invited", "Signed"…: a signature status for people. */
const char     *tract_signature_status_label      (const char        *status);

G_END_DECLS
