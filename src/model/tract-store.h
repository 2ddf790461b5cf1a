/* tract-store.h — one SQLite file, one collective
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tract-record.h"

G_BEGIN_DECLS

#define TRACT_STORE_ERROR (tract_store_error_quark ())

typedef enum
{
  TRACT_STORE_ERROR_OPEN,      /* the file cannot be opened or created */
  TRACT_STORE_ERROR_CORRUPT,   /* not a SQLite database, or a damaged one */
  TRACT_STORE_ERROR_TOO_NEW,   /* written by a newer Tract */
  TRACT_STORE_ERROR_INVALID,   /* a field does not pass validation */
  TRACT_STORE_ERROR_DUPLICATE, /* a unique field is already taken */
  TRACT_STORE_ERROR_NOT_FOUND, /* the row does not exist (any more) */
  TRACT_STORE_ERROR_BUSY,      /* another program holds the file */
  TRACT_STORE_ERROR_FAILED,    /* anything else SQLite reported */
} TractStoreError;

GQuark      tract_store_error_quark     (void);
/* The column an INVALID or DUPLICATE error is about, or NULL. */
const char *tract_store_error_get_field (const GError *error);
void        tract_store_set_field_error (GError     **error,
                                         int          code,
                                         const char  *field,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (4, 5);

/* The schema version this program writes. */
#define TRACT_STORE_SCHEMA_VERSION 6

#define TRACT_TYPE_STORE (tract_store_get_type ())

G_DECLARE_FINAL_TYPE (TractStore, tract_store, TRACT, STORE, GObject)

typedef gboolean (*TractStoreFunc) (TractStore  *store,
                                    gpointer     user_data,
                                    GError     **error);

void         tract_store_keep_freed_memory  (void);
TractStore  *tract_store_open               (const char      *path,
                                             GError         **error);
const char  *tract_store_get_path           (TractStore      *self);
char        *tract_store_get_default_path   (void);
int          tract_store_get_schema_version (TractStore      *self);

gboolean     tract_store_run                (TractStore      *self,
                                             TractStoreFunc   func,
                                             gpointer         user_data,
                                             GError         **error);

gboolean     tract_store_insert             (TractStore      *self,
                                             TractRecord     *record,
                                             GError         **error);
gboolean     tract_store_update             (TractStore      *self,
                                             TractRecord     *record,
                                             GError         **error);
gboolean     tract_store_delete             (TractStore      *self,
                                             TractRecord     *record,
                                             GError         **error);

gpointer     tract_store_load               (TractStore      *self,
                                             GType            type,
                                             gint64           id,
                                             GError         **error);
gpointer     tract_store_find               (TractStore      *self,
                                             GType            type,
                                             const char      *column,
                                             const char      *value);
GPtrArray   *tract_store_select             (TractStore      *self,
                                             GType            type,
                                             const char      *column,
                                             gint64           value,
                                             const char      *order_by,
                                             GError         **error);
gint64       tract_store_count              (TractStore      *self,
                                             GType            type,
                                             const char      *column,
                                             gint64           value);

void         tract_store_notify_table_reset (TractStore      *self,
                                             const char      *table);

G_END_DECLS
