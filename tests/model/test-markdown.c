/* test-markdown.c — how the exports and the PDF read a statement's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "test-util.h"
#include "tract-markdown.h"

static const TractMarkdownBlock *
block_at (GArray *blocks,
          guint   i)
{
  g_assert_cmpuint (i, <, blocks->len);
  return &g_array_index (blocks, TractMarkdownBlock, i);
}

static void
test_blocks (void)
{
  g_autoptr(GArray) blocks = tract_markdown_parse_blocks (
    "# Appel au week-end #\n"
    "\n"
    "Il y a 150 ans,\n"
    "la Commune.\n"
    "\n"
    "- **Samedi 29 mai** : manifestation ;\n"
    "- **Dimanche 30 mai** : table ronde.\n"
    "  suite de l’item\n"
    "\n"
    "1. premier\n"
    "2) second\n"
    "\n"
    "> une citation\n"
    "> sur deux lignes\n"
    "\n"
    "* * *\n"
    "Sous-titre\n"
    "---\n"
    "```\n"
    "code *littéral*\n"
    "\n"
    "```\n"
    "-1 degré n’est pas une liste\n");

  g_assert_cmpuint (blocks->len, ==, 11);
  g_assert_cmpint (block_at (blocks, 0)->type, ==, TRACT_MARKDOWN_HEADING);
  g_assert_cmpuint (block_at (blocks, 0)->level, ==, 1);
  g_assert_cmpstr (block_at (blocks, 0)->text, ==, "Appel au week-end");
  g_assert_cmpint (block_at (blocks, 1)->type, ==, TRACT_MARKDOWN_PARAGRAPH);
  g_assert_cmpstr (block_at (blocks, 1)->text, ==, "Il y a 150 ans,\nla Commune.");
  g_assert_cmpint (block_at (blocks, 2)->type, ==, TRACT_MARKDOWN_BULLET);
  g_assert_true (block_at (blocks, 2)->follows_blank);
  g_assert_cmpint (block_at (blocks, 3)->type, ==, TRACT_MARKDOWN_BULLET);
  g_assert_false (block_at (blocks, 3)->follows_blank);
  g_assert_cmpstr (block_at (blocks, 3)->text, ==, "**Dimanche 30 mai** : table ronde.\nsuite de l’item");
  g_assert_cmpint (block_at (blocks, 4)->type, ==, TRACT_MARKDOWN_NUMBERED);
  g_assert_cmpstr (block_at (blocks, 4)->marker, ==, "1.");
  g_assert_cmpstr (block_at (blocks, 5)->marker, ==, "2.");
  g_assert_cmpint (block_at (blocks, 6)->type, ==, TRACT_MARKDOWN_QUOTE);
  g_assert_cmpstr (block_at (blocks, 6)->text, ==, "une citation\nsur deux lignes");
  g_assert_cmpint (block_at (blocks, 7)->type, ==, TRACT_MARKDOWN_RULE);
  g_assert_cmpint (block_at (blocks, 8)->type, ==, TRACT_MARKDOWN_HEADING);
  g_assert_cmpuint (block_at (blocks, 8)->level, ==, 2);
  g_assert_cmpint (block_at (blocks, 9)->type, ==, TRACT_MARKDOWN_CODE);
  g_assert_cmpstr (block_at (blocks, 9)->text, ==, "code *littéral*\n");
  g_assert_cmpint (block_at (blocks, 10)->type, ==, TRACT_MARKDOWN_PARAGRAPH);
}

static char *
styled (const char *text)
{
  g_autoptr(GArray) spans = tract_markdown_parse_inline (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const TractMarkdownSpan *span = &g_array_index (spans, TractMarkdownSpan, i);

      g_string_append_printf (out, "%s%s%s%s%s%s{%s}", i > 0 ? "|" : "",
                              span->style & TRACT_MARKDOWN_STRONG ? "B" : "",
                              span->style & TRACT_MARKDOWN_EMPHASIS ? "I" : "",
                              span->style & TRACT_MARKDOWN_CODE_SPAN ? "C" : "",
                              span->style & TRACT_MARKDOWN_BREAK ? "N" : "",
                              span->url != NULL ? span->url : "", span->text);
    }
  return g_string_free (out, FALSE);
}

static void
test_inline (void)
{
  static const struct
  {
    const char *markdown;
    const char *spans;
  } cases[] = {
    { "plain", "{plain}" },
    { "**Samedi 29 mai** : manifestation", "B{Samedi 29 mai}|{ : manifestation}" },
    { "*Brouillon* et _aussi_", "I{Brouillon}|{ et }|I{aussi}" },
    { "***tout***", "BI{tout}" },
    { "snake_case_name et 2 * 3 = 6", "{snake_case_name et 2 * 3 = 6}" },
    { "une * seule étoile*", "{une * seule étoile*}" },
    { "\\*pas\\* d’italique", "{*pas* d’italique}" },
    { "du `code *brut*` ici", "{du }|C{code *brut*}|{ ici}" },
    { "[le site](https://example.org) ici", "https://example.org{le site}|{ ici}" },
    { "voir <https://example.org>", "{voir }|https://example.org{https://example.org}" },
    { "![image](x.png)", "{image}" },
    { "ligne  \nforcée", "{ligne}|N{\n}|{forcée}" },
    { "ligne\nsouple", "{ligne\nsouple}" },
    { "**gras *et italique* ensemble**", "B{gras }|BI{et italique}|B{ ensemble}" },
    { "[non fermé](", "{[non fermé](}" },
    { "✊🏽 **مرحبا** 🚩", "{✊🏽 }|B{مرحبا}|{ 🚩}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = styled (cases[i].markdown);

      g_assert_cmpstr (result, ==, cases[i].spans);
    }
}

static void
test_plain (void)
{
  g_autofree char *plain = tract_markdown_to_plain (
    "# Appel\n"
    "\n"
    "Il y a *150 ans*, la **Commune**.\n"
    "Deuxième ligne.\n"
    "\n"
    "- **Samedi** : manifestation ;\n"
    "- **Dimanche** : [table ronde](https://example.org).\n"
    "\n"
    "- loose item\n"
    "\n"
    "> citation\n"
    "\n"
    "---\n"
    "\n"
    "Fin\\*.");

  g_assert_cmpstr (plain, ==,
                   "Appel\n"
                   "\n"
                   "Il y a 150 ans, la Commune.\n"
                   "Deuxième ligne.\n"
                   "\n"
                   "- Samedi : manifestation ;\n"
                   "- Dimanche : table ronde (https://example.org).\n"
                   "\n"
                   "- loose item\n"
                   "\n"
                   "> citation\n"
                   "\n"
                   "* * *\n"
                   "\n"
                   "Fin*.");
}

static void
test_escape (void)
{
  static const struct
  {
    const char *text;
    const char *escaped;
  } cases[] = {
    { "Union des Femmes Socialistes (SKB)", "Union des Femmes Socialistes (SKB)" },
    { "UPC-Manidem", "UPC-Manidem" },
    { "# not a heading", "\\# not a heading" },
    { "- not a list", "\\- not a list" },
    { "1871. Commune", "1871\\. Commune" },
    { "*bold* _em_ [link](x) <b>", "\\*bold\\* \\_em\\_ \\[link\\](x) \\<b\\>" },
    { "two\nlines\r\n", "two lines" },
    { "back\\slash", "back\\\\slash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = tract_markdown_escape (cases[i].text);
      g_autoptr(GArray) spans = tract_markdown_parse_inline (escaped);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      /* And read back, it is the text again, in one plain span. */
      if (!g_str_has_prefix (cases[i].text, "two"))
        {
          g_assert_cmpuint (spans->len, ==, 1);
          g_assert_cmpint (g_array_index (spans, TractMarkdownSpan, 0).style, ==, TRACT_MARKDOWN_PLAIN);
        }
    }
}

/* Whatever the text, parsing ends and loses no visible character. */
static void
test_hostile (void)
{
  for (guint i = 0; i < test_n_hostile_texts (); i++)
    {
      g_autofree char *text = test_hostile_text (i);
      g_autofree char *plain = tract_markdown_to_plain (text);
      g_autoptr(GArray) blocks = tract_markdown_parse_blocks (text);

      g_assert_nonnull (plain);
      g_assert_nonnull (blocks);
    }

  {
    g_autofree char *nested = g_strnfill (10000, '*');
    g_autofree char *brackets = g_strnfill (10000, '[');
    g_autofree char *plain = tract_markdown_to_plain (nested);
    g_autofree char *plain_brackets = tract_markdown_to_plain (brackets);

    g_assert_nonnull (plain);
    g_assert_cmpstr (plain_brackets, ==, brackets);
  }

  /* A megabyte of unmatched marks stays fast: searches are bounded. */
  {
    GString *marks = g_string_new (NULL);
    g_autoptr(GTimer) timer = g_timer_new ();
    g_autofree char *plain = NULL;

    while (marks->len < (1 << 20))
      g_string_append (marks, "*a [b _e ``c ");
    plain = tract_markdown_to_plain (marks->str);
    g_test_message ("1 MiB of unmatched marks: %.3f s", g_timer_elapsed (timer, NULL));
    g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
    /* Nothing closes: the stars, brackets and underscores stay; "``c ``c"
     * pairs are code spans, whose padding blanks go. */
    g_assert_nonnull (strstr (plain, "*a [b _e "));
    g_assert_cmpuint (strlen (plain), >, (1 << 20) / 2);
    g_string_free (marks, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/blocks", test_blocks);
  g_test_add_func ("/markdown/inline", test_inline);
  g_test_add_func ("/markdown/plain", test_plain);
  g_test_add_func ("/markdown/escape", test_escape);
  g_test_add_func ("/markdown/hostile", test_hostile);

  return g_test_run ();
}
