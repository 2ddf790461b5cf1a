/* test-diff.c — the word-by-word difference between two texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-diff.h"

/* Both texts come back from the runs: equal + deleted is the old one,
 * equal + inserted the new one. Checked on every diff these tests make. */
static void
assert_rebuilds (const GArray *segments,
                 const char   *old_text,
                 const char   *new_text)
{
  g_autoptr(GString) old_again = g_string_new (NULL);
  g_autoptr(GString) new_again = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const TractDiffSegment *segment = &g_array_index (segments, TractDiffSegment, i);

      g_assert_cmpstr (segment->text, !=, "");
      if (segment->op != TRACT_DIFF_INSERT)
        g_string_append (old_again, segment->text);
      if (segment->op != TRACT_DIFF_DELETE)
        g_string_append (new_again, segment->text);
      /* Runs are maximal: never two equal runs in a row. */
      if (i > 0)
        g_assert_false (segment->op == TRACT_DIFF_EQUAL
                        && g_array_index (segments, TractDiffSegment, i - 1).op == TRACT_DIFF_EQUAL);
    }
  g_assert_true (g_str_equal (old_again->str, old_text));
  g_assert_true (g_str_equal (new_again->str, new_text));
}

static char *
diff_marked (const char *old_text,
             const char *new_text)
{
  g_autoptr(GArray) segments = tract_diff_words (old_text, new_text);

  assert_rebuilds (segments, old_text, new_text);
  return tract_diff_format (segments);
}

static void
test_equal_and_empty (void)
{
  g_autoptr(GArray) same = tract_diff_words ("Vive la Commune", "Vive la Commune");
  g_autoptr(GArray) nothing = tract_diff_words ("", "");
  g_autoptr(GArray) from_nothing = tract_diff_words ("", "Vive la Commune");
  g_autoptr(GArray) to_nothing = tract_diff_words ("Vive la Commune", NULL);

  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpint (g_array_index (same, TractDiffSegment, 0).op, ==, TRACT_DIFF_EQUAL);
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (from_nothing->len, ==, 1);
  g_assert_cmpint (g_array_index (from_nothing, TractDiffSegment, 0).op, ==, TRACT_DIFF_INSERT);
  g_assert_cmpuint (to_nothing->len, ==, 1);
  g_assert_cmpint (g_array_index (to_nothing, TractDiffSegment, 0).op, ==, TRACT_DIFF_DELETE);
}

static void
test_words (void)
{
  g_autofree char *replaced = diff_marked ("We gathered on Place du Chatelet.",
                                           "We gathered on Place du Châtelet.");
  g_autofree char *inserted = diff_marked ("a rally in Paris", "a rally and a march in Paris");
  g_autofree char *deleted = diff_marked ("the weather were not favorable to us",
                                          "the weather were not favorable");
  g_autofree char *folded = diff_marked ("one two three four five", "one 2 3 four five");
  g_autofree char *paragraphs = diff_marked ("First paragraph.\n\nSecond one.\n\nThird.",
                                             "First paragraph.\n\nSecond, edited.\n\nThird.");
  g_autofree char *moved = diff_marked ("May 1, May 8, May 29", "May 8, May 29, May 1");

  g_assert_cmpstr (replaced, ==, "We gathered on Place du [-Chatelet-][+Châtelet+].");
  g_assert_cmpstr (inserted, ==, "a rally [+and a march +]in Paris");
  g_assert_cmpstr (deleted, ==, "the weather were not favorable[- to us-]");
  /* The blank between two replaced words belongs to the replacement. */
  g_assert_cmpstr (folded, ==, "one [-two three-][+2 3+] four five");
  g_assert_cmpstr (paragraphs, ==, "First paragraph.\n\nSecond[- one-][+, edited+].\n\nThird.");
  g_assert_nonnull (moved);
}

static void
test_apostrophes_and_punctuation (void)
{
  g_autofree char *elision = diff_marked ("aujourd’hui l’ICOR", "aujourd’hui l’Europe");
  g_autofree char *punctuation = diff_marked ("Vive la Commune !", "Vive la Commune ?");

  /* "l’ICOR" is one word: the apostrophe between letters belongs to it. */
  g_assert_cmpstr (elision, ==, "aujourd’hui [-l’ICOR-][+l’Europe+]");
  g_assert_cmpstr (punctuation, ==, "Vive la Commune [-!-][+?+]");
}

static void
test_rtl (void)
{
  const char *old_text = "مرحبا بالعالم — עברית שלום";
  const char *new_text = "مرحبا بالجميع — עברית שלום";
  g_autofree char *marked = diff_marked (old_text, new_text);
  g_autofree char *override = diff_marked ("\u202Eevil\u202C RTL override", "\u202Egood\u202C RTL override");

  g_assert_cmpstr (marked, ==, "مرحبا [-بالعالم-][+بالجميع+] — עברית שלום");
  g_assert_nonnull (override);
}

static void
test_emoji (void)
{
  /* A family, a flag and a raised fist with its skin tone are one unit each:
   * a change never cuts a sequence in half. */
  g_autofree char *family = diff_marked ("Commune 👩‍👩‍👧 !", "Commune 👩‍👩‍👦 !");
  g_autofree char *flag = diff_marked ("🚩🇫🇷 Paris", "🚩🇩🇪 Paris");
  g_autofree char *tone = diff_marked ("✊🏽 Commune", "✊🏿 Commune");
  g_autofree char *accent = diff_marked ("Comite Pe\u0301rou", "Comité Pe\u0301rou");

  g_assert_cmpstr (family, ==, "Commune [-👩‍👩‍👧-][+👩‍👩‍👦+] !");
  g_assert_cmpstr (flag, ==, "🚩[-🇫🇷-][+🇩🇪+] Paris");
  g_assert_cmpstr (tone, ==, "[-✊🏽-][+✊🏿+] Commune");
  g_assert_cmpstr (accent, ==, "[-Comite-][+Comité+] Pe\u0301rou");
}

static void
test_hostile (void)
{
  for (guint i = 0; i + 1 < test_n_hostile_texts (); i++)
    {
      g_autofree char *text = test_hostile_text (i);
      g_autofree char *other = g_strconcat (text, " ", text, NULL);
      g_autofree char *forward = diff_marked (text, other);
      g_autofree char *backward = diff_marked (other, text);

      g_assert_nonnull (forward);
      g_assert_nonnull (backward);
    }

  /* Invalid UTF-8 is repaired, never read past. */
  {
    g_autoptr(GArray) segments = tract_diff_words ("abc \xff\xfe def", "abc def");

    g_assert_cmpuint (segments->len, >, 0);
  }
}

static void
test_count (void)
{
  g_autoptr(GArray) segments = tract_diff_words ("one two three four", "one 2 3 four five");
  guint n_deleted, n_inserted;

  g_assert_cmpuint (tract_diff_count_words ("La Commune n’est pas morte ! ✊"), ==, 5);
  g_assert_cmpuint (tract_diff_count_words (""), ==, 0);
  g_assert_cmpuint (tract_diff_count_words ("  \n "), ==, 0);
  g_assert_cmpuint (tract_diff_count_words ("مرحبا بالعالم"), ==, 2);
  /* Chinese has no spaces: each character counts. */
  g_assert_cmpuint (tract_diff_count_words ("巴黎公社"), ==, 4);

  tract_diff_count (segments, &n_deleted, &n_inserted);
  g_assert_cmpuint (n_deleted, ==, 2);
  g_assert_cmpuint (n_inserted, ==, 3);
}

/* Random edits of random texts: the runs always rebuild both. */
static void
test_random (void)
{
  static const char * const words[] = { "la", "Commune", "vive", " ", "\n", "!", "✊🏽", "שלום", ",", "  " };

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      guint n = (guint) g_test_rand_int_range (0, 60);

      for (guint i = 0; i < n; i++)
        {
          const char *word = words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];
          int choice = g_test_rand_int_range (0, 10);

          if (choice != 0)
            g_string_append (a, word);
          if (choice != 1)
            g_string_append (b, choice == 2 ? words[g_test_rand_int_range (0, G_N_ELEMENTS (words))] : word);
        }

      {
        g_autoptr(GArray) segments = tract_diff_words (a->str, b->str);
        assert_rebuilds (segments, a->str, b->str);
      }
    }
}

/* A megabyte-long body with a few edits spread through it. */
static void
test_large (void)
{
  g_autofree char *old_text = test_hostile_text (test_n_hostile_texts () - 1);
  g_autofree char *new_text = NULL;
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gsize length = strlen (old_text);
  guint n_deleted, n_inserted;

  g_assert_cmpuint (length, >=, 1 << 20);

  /* Paragraphs, so that the text has lines, and three edits. */
  new_text = g_strdup (old_text);
  for (gsize i = 4000; i < length; i += 4000)
    {
      char *space = strchr (new_text + i, ' ');

      if (space != NULL)
        *space = '\n';
    }
  g_free (old_text);
  old_text = g_strdup (new_text);
  memcpy (new_text + 1000, "XX", 2);
  memcpy (new_text + length / 2, "YY", 2);
  memcpy (new_text + length - 1000, "ZZ", 2);

  g_timer_start (timer);
  segments = tract_diff_words (old_text, new_text);
  g_test_message ("1 MiB, three edits: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  assert_rebuilds (segments, old_text, new_text);
  tract_diff_count (segments, &n_deleted, &n_inserted);
  g_assert_cmpuint (n_deleted, <=, 6);
  g_assert_cmpuint (n_inserted, <=, 6);
  g_assert_cmpuint (n_inserted, >=, 3);
  g_clear_pointer (&segments, g_array_unref);

  /* One long line, edited near both ends and in the middle. */
  g_free (old_text);
  old_text = test_hostile_text (test_n_hostile_texts () - 1);
  g_free (new_text);
  new_text = g_strdup (old_text);
  new_text[10] = 'Q';
  new_text[length / 2] = 'Q';
  new_text[length - 10] = 'Q';
  g_timer_start (timer);
  segments = tract_diff_words (old_text, new_text);
  g_test_message ("1 MiB on one line, three edits: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  assert_rebuilds (segments, old_text, new_text);
  g_clear_pointer (&segments, g_array_unref);

  /* Two unrelated megabytes: bounded, and still correct. */
  g_free (new_text);
  {
    GString *other = g_string_sized_new (1 << 20);

    for (guint i = 0; other->len < (1 << 20); i++)
      g_string_append_printf (other, "%u%s", i * 7919u % 100003u, i % 13 == 0 ? "\n" : " ");
    new_text = g_string_free (other, FALSE);
  }
  g_timer_start (timer);
  segments = tract_diff_words (old_text, new_text);
  g_test_message ("two unrelated MiB: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
  assert_rebuilds (segments, old_text, new_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/equal-and-empty", test_equal_and_empty);
  g_test_add_func ("/diff/words", test_words);
  g_test_add_func ("/diff/apostrophes-and-punctuation", test_apostrophes_and_punctuation);
  g_test_add_func ("/diff/rtl", test_rtl);
  g_test_add_func ("/diff/emoji", test_emoji);
  g_test_add_func ("/diff/hostile", test_hostile);
  g_test_add_func ("/diff/count", test_count);
  g_test_add_func ("/diff/random", test_random);
  g_test_add_func ("/diff/large", test_large);

  return g_test_run ();
}
