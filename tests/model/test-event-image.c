/* test-event-image.c — the optional picture of an event's flyer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-image.h"

/* The start of a 3 × 2 PNG: the model reads no further than its header. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
  0x4d, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x44, 0x0c, 0x50, 0x00, 0x00, 0x30, 0x20, 0x05, 0xfb, 0x9f, 0x2b, 0x14, 0xbb, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The header of a 640 × 480 JPEG: SOI, an APP0 (JFIF) segment, then SOF0. */
static const guchar jpeg_header[] = {
  0xff, 0xd8,
  0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03,
  0x11, 0x01,
  0xff, 0xd9,
};

static gint64
add_event (TractStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TractCampaign) campaign = tract_campaign_new ("Campagne");
  g_autoptr(TractEvent) event = NULL;

  g_assert_true (tract_store_insert (store, TRACT_RECORD (campaign), &error));
  event = tract_event_new_timed (tract_record_get_id (TRACT_RECORD (campaign)), "Rassemblement",
                                 "2021-03-20T14:00", "2021-03-20T17:00", "Europe/Paris");
  g_assert_true (tract_store_insert (store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
  return tract_record_get_id (TRACT_RECORD (event));
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
  g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a, or so it says", 21);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;
  int width = 0, height = 0;

  g_assert_true (tract_event_image_sniff (png, &mime_type, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_cmpint (width, ==, 3);
  g_assert_cmpint (height, ==, 2);

  g_assert_true (tract_event_image_sniff (jpeg, &mime_type, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);

  g_assert_false (tract_event_image_sniff (text, NULL, NULL, NULL, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tract_event_image_sniff (empty, NULL, NULL, NULL, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A header that claims 100,000 pixels a side is refused before decoding. */
  {
    guchar huge[sizeof tiny_png];
    g_autoptr(GBytes) huge_bytes = NULL;

    memcpy (huge, tiny_png, sizeof tiny_png);
    huge[17] = 0x01, huge[18] = 0x86, huge[19] = 0xa0;
    huge_bytes = g_bytes_new_static (huge, sizeof huge);
    g_assert_false (tract_event_image_sniff (huge_bytes, NULL, NULL, NULL, &error));
    g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  }
}

static void
count_reset (TractStore *store,
             gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_set_get_remove (TestDatabase  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *mime_type = NULL;
  gint64 event_id = add_event (fixture->store);
  int width = 0, height = 0;
  guint n_resets = 0;

  g_signal_connect (fixture->store, "table-reset::event_image", G_CALLBACK (count_reset), &n_resets);

  stored = tract_event_image_get (fixture->store, event_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  g_assert_true (tract_event_image_set (fixture->store, event_id, png, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_resets, ==, 1);

  /* Replacing keeps one row. */
  g_assert_true (tract_event_image_set (fixture->store, event_id, jpeg, &error));
  g_assert_no_error (error);
  stored = tract_event_image_get (fixture->store, event_id, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, jpeg));
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  g_clear_pointer (&stored, g_bytes_unref);

  g_assert_true (tract_event_image_remove (fixture->store, event_id, &error));
  g_assert_no_error (error);
  stored = tract_event_image_get (fixture->store, event_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
  /* Removing what is not there is fine. */
  g_assert_true (tract_event_image_remove (fixture->store, event_id, &error));
  g_assert_no_error (error);
}

static void
test_refusals_change_nothing (TestDatabase  *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 event_id = add_event (fixture->store);

  before = test_dump (fixture->store);
  g_assert_false (tract_event_image_set (fixture->store, event_id + 100, png, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tract_event_image_set (fixture->store, event_id, text, &error));
  g_assert_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_INVALID);
  after = test_dump (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_deleted_with_event (TestDatabase  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) stored = NULL;
  gint64 event_id = add_event (fixture->store);
  g_autoptr(TractEvent) event = tract_store_load (fixture->store, TRACT_TYPE_EVENT, event_id, &error);

  g_assert_true (tract_event_image_set (fixture->store, event_id, png, &error));
  g_assert_true (tract_store_delete (fixture->store, TRACT_RECORD (event), &error));
  g_assert_no_error (error);
  stored = tract_event_image_get (fixture->store, event_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-image/sniff", test_sniff);
  g_test_add ("/event-image/set-get-remove", TestDatabase, NULL,
              test_database_setup, test_set_get_remove, test_database_teardown);
  g_test_add ("/event-image/refusals-change-nothing", TestDatabase, NULL,
              test_database_setup, test_refusals_change_nothing, test_database_teardown);
  g_test_add ("/event-image/deleted-with-event", TestDatabase, NULL,
              test_database_setup, test_deleted_with_event, test_database_teardown);

  return g_test_run ();
}
