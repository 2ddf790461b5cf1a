/* tract-organization.h — a member organization of the collective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_TYPE_ORGANIZATION (tract_organization_get_type ())

G_DECLARE_FINAL_TYPE (TractOrganization, tract_organization, TRACT, ORGANIZATION, TractRecord)

TractOrganization *tract_organization_new (const char *name,
                                           const char *acronym);
/* "Full name (ACRONYM)", or the name alone. */
char              *tract_organization_dup_label (TractOrganization *self);
G_END_DECLS
