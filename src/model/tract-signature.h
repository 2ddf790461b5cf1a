/* tract-signature.h — an organization's signature of a statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_SIGNATURE (tract_signature_get_type ())

G_DECLARE_FINAL_TYPE (TractSignature, tract_signature, TRACT, SIGNATURE, TractRecord)

TractSignature *tract_signature_new (gint64      statement_id,
                                     gint64      organization_id,
                                     const char *status);
G_END_DECLS
