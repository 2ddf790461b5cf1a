/* tract-contact.h — a person of a member organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_CONTACT (tract_contact_get_type ())

G_DECLARE_FINAL_TYPE (TractContact, tract_contact, TRACT, CONTACT, TractRecord)

TractContact *tract_contact_new (gint64      organization_id,
                                const char *name);
G_END_DECLS
