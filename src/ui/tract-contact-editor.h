/* tract-contact-editor.h — one person of an organization, in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tract-contact.h"
#include "tract-store.h"

G_BEGIN_DECLS

#define TRACT_TYPE_CONTACT_EDITOR (tract_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (TractContactEditor, tract_contact_editor, TRACT, CONTACT_EDITOR, AdwWindow)

TractContactEditor *tract_contact_editor_new         (GtkWindow          *parent,
                                                      TractStore         *store,
                                                      TractContact       *contact,
                                                      const char         *organization_name);
TractContact       *tract_contact_editor_get_contact (TractContactEditor *self);

G_END_DECLS
