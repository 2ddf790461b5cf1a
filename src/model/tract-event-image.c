/* tract-event-image.c — the optional picture of an event's flyer
 *
 * The model knows nothing of pixels: it checks the file's signature and
 * reads the size from the header (PNG's IHDR, JPEG's start-of-frame), so
 * that a file that is not a picture never enters the database; decoding is
 * the print layer's business.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-event-image"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tract-event-image.h"
#include "tract-store-private.h"

static guint
read_be16 (const guchar *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
sniff_png (const guchar *p,
           gsize         size,
           int          *width,
           int          *height)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  /* Signature, then the IHDR chunk: length, "IHDR", width, height. */
  if (size < 24 || memcmp (p, signature, sizeof signature) != 0 || memcmp (p + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = (int) MIN (read_be32 (p + 16), (guint32) G_MAXINT);
  *height = (int) MIN (read_be32 (p + 20), (guint32) G_MAXINT);
  return TRUE;
}

static gboolean
sniff_jpeg (const guchar *p,
            gsize         size,
            int          *width,
            int          *height)
{
  gsize i = 2;

  if (size < 4 || p[0] != 0xff || p[1] != 0xd8)
    return FALSE;

  while (i + 4 <= size)
    {
      guint marker;
      guint length;

      if (p[i] != 0xff)
        return FALSE;
      marker = p[i + 1];
      if (marker == 0xff)
        {
          i++; /* fill byte */
          continue;
        }
      /* Markers without a length. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        {
          i += 2;
          continue;
        }
      length = read_be16 (p + i + 2);
      if (length < 2 || i + 2 + length > size)
        return FALSE;
      /* Start of frame: every SOFn except DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 7)
            return FALSE;
          *height = (int) read_be16 (p + i + 5);
          *width = (int) read_be16 (p + i + 7);
          return TRUE;
        }
      if (marker == 0xda || marker == 0xd9)
        return FALSE; /* scan data or the end before any frame header */
      i += 2 + length;
    }
  return FALSE;
}

gboolean
tract_event_image_sniff (GBytes      *data,
                         const char **mime_type,
                         int         *width,
                         int         *height,
                         GError     **error)
{
  gsize size = 0;
  const guchar *p;
  const char *type = NULL;
  int w = 0, h = 0;

  g_return_val_if_fail (data != NULL, FALSE);

  p = g_bytes_get_data (data, &size);
  if (size > TRACT_EVENT_IMAGE_MAX_BYTES)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID,
                   _("The picture is too large (%.1f MB); choose one under %d MB."),
                   size / 1e6, TRACT_EVENT_IMAGE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (sniff_png (p, size, &w, &h))
    type = "image/png";
  else if (sniff_jpeg (p, size, &w, &h))
    type = "image/jpeg";
  else
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID,
                   _("The picture is not a PNG or JPEG file; save it in one of those formats and "
                     "try again."));
      return FALSE;
    }

  if (w <= 0 || h <= 0 || w > TRACT_EVENT_IMAGE_MAX_PIXELS || h > TRACT_EVENT_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID,
                   _("The picture measures %d × %d pixels; choose one of at most %d pixels a side."),
                   w, h, TRACT_EVENT_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  if (mime_type != NULL)
    *mime_type = type;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return TRUE;
}

typedef struct
{
  gint64      event_id;
  GBytes     *data;
  const char *mime_type;
  int         width;
  int         height;
} SetImage;

static gboolean
event_exists (TractStore  *store,
              gint64       event_id,
              GError     **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (store, "SELECT 1 FROM event WHERE id = ?", error);
  int status;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status == SQLITE_ROW)
    return TRUE;
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);

  g_set_error_literal (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND,
                       _("This event no longer exists; it may have been deleted. Its picture was not saved."));
  return FALSE;
}

static gboolean
set_in_transaction (TractStore  *store,
                    gpointer     user_data,
                    GError     **error)
{
  SetImage *image = user_data;
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (image->data, &size);
  int status;

  if (!event_exists (store, image->event_id, error))
    return FALSE;

  stmt = tract_store_prepare (store,
                              "INSERT INTO event_image (event_id, mime_type, data, width, height)"
                              " VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (event_id) DO UPDATE SET mime_type = excluded.mime_type,"
                              " data = excluded.data, width = excluded.width, height = excluded.height",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, image->event_id);
  sqlite3_bind_text (stmt, 2, image->mime_type, -1, SQLITE_STATIC);
  /* A zero-length blob would bind as NULL; sniffing has already refused it. */
  sqlite3_bind_blob64 (stmt, 3, bytes, size, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, image->width);
  sqlite3_bind_int (stmt, 5, image->height);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt); /* the blob belongs to the caller */
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);
  return TRUE;
}

gboolean
tract_event_image_set (TractStore  *store,
                       gint64       event_id,
                       GBytes      *data,
                       GError     **error)
{
  SetImage image = { event_id, data, NULL, 0, 0 };

  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tract_event_image_sniff (data, &image.mime_type, &image.width, &image.height, error))
    return FALSE;
  if (!tract_store_run (store, set_in_transaction, &image, error))
    return FALSE;

  /* Told after the commit, like every other change the store announces. */
  tract_store_notify_table_reset (store, "event_image");
  return TRUE;
}

GBytes *
tract_event_image_get (TractStore  *store,
                       gint64       event_id,
                       char       **mime_type,
                       int         *width,
                       int         *height,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  GBytes *data = NULL;
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tract_store_prepare (store,
                              "SELECT mime_type, data, width, height FROM event_image WHERE event_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      data = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      if (mime_type != NULL)
        *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (width != NULL)
        *width = sqlite3_column_int (stmt, 2);
      if (height != NULL)
        *height = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (status != SQLITE_ROW && status != SQLITE_DONE)
    tract_store_set_sqlite_error (store, status, NULL, error);
  return data;
}

static gboolean
remove_in_transaction (TractStore  *store,
                       gpointer     user_data,
                       GError     **error)
{
  gint64 event_id = *(gint64 *) user_data;
  sqlite3_stmt *stmt = tract_store_prepare (store, "DELETE FROM event_image WHERE event_id = ?", error);
  int status;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  status = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (store, status, NULL, error);
  return TRUE;
}

gboolean
tract_event_image_remove (TractStore  *store,
                          gint64       event_id,
                          GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tract_store_run (store, remove_in_transaction, &event_id, error))
    return FALSE;
  tract_store_notify_table_reset (store, "event_image");
  return TRUE;
}
