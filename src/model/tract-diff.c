/* tract-diff.c — what changed between two texts, word by word
 *
 * Myers' O(ND) difference algorithm, in its linear-space form (the middle
 * snake splits the problem in two), run twice: first on lines, so that a
 * long text with a few edited paragraphs only compares those paragraphs
 * word by word; then on the words of each changed block of lines.
 *
 * Tokens are interned in a GStringChunk: two tokens are equal exactly when
 * their pointers are, so the inner loops compare pointers, not strings.
 *
 * The search for the middle snake gives up after a fixed number of steps
 * and reports that part as replaced: a minimal diff of two unrelated texts
 * is worth nothing to a reader and would cost O(N²) to find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tract-diff.h"

/* Steps of the middle-snake search before a range counts as replaced. */
#define SEARCH_LIMIT 1500
/* Recursion is about log(D) deep; this only guards against the unforeseen. */
#define MAX_DEPTH 256

/* Tokens */

typedef enum
{
  CLASS_WORD,
  CLASS_SPACE,
  CLASS_OTHER,
} CharClass;

/* Characters that never start a unit of their own: combining marks, the
 * zero-width joiner, variation selectors, skin tones and emoji tags, so
 * that "é" written with a combining accent, or a family emoji, stays one. */
static gboolean
joins_previous (gunichar c)
{
  return g_unichar_ismark (c)
         || c == 0x200D
         || (c >= 0xFE00 && c <= 0xFE0F)
         || (c >= 0x1F3FB && c <= 0x1F3FF)
         || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Scripts written without spaces between words: each character counts as
 * a word, or a whole sentence would be one. */
static gboolean
is_unspaced_script (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN
         || script == G_UNICODE_SCRIPT_HIRAGANA
         || script == G_UNICODE_SCRIPT_KATAKANA
         || script == G_UNICODE_SCRIPT_THAI
         || script == G_UNICODE_SCRIPT_LAO
         || script == G_UNICODE_SCRIPT_KHMER
         || script == G_UNICODE_SCRIPT_MYANMAR;
}

static CharClass
char_class (gunichar c)
{
  if (g_unichar_isspace (c))
    return CLASS_SPACE;
  if ((g_unichar_isalnum (c) || c == '_') && !is_unspaced_script (c))
    return CLASS_WORD;
  return CLASS_OTHER;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Calls @func for each token of @text (valid UTF-8): a word (an apostrophe
 * between letters belongs to it: "aujourd’hui"), a run of blanks, or one
 * other character with what joins it. */
typedef void (*TokenFunc) (const char *start,
                           gsize       length,
                           CharClass   klass,
                           gpointer    user_data);

static void
tokenize (const char *text,
          TokenFunc   func,
          gpointer    user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);
      CharClass klass = char_class (c);
      gboolean after_joiner = c == 0x200D;

      p = g_utf8_next_char (p);
      while (*p != '\0')
        {
          gunichar next = g_utf8_get_char (p);

          if (joins_previous (next) || after_joiner)
            after_joiner = next == 0x200D;
          else if (klass == CLASS_OTHER && is_regional_indicator (c) && is_regional_indicator (next)
                   && p - start == 4)
            ; /* a flag is two regional indicators */
          else if (klass == CLASS_WORD && is_apostrophe (next))
            {
              const char *after = g_utf8_next_char (p);

              if (*after == '\0' || char_class (g_utf8_get_char (after)) != CLASS_WORD)
                break;
            }
          else if (klass == CLASS_OTHER || char_class (next) != klass)
            break;
          p = g_utf8_next_char (p);
        }
      func (start, (gsize) (p - start), klass, user_data);
    }
}

typedef struct
{
  GStringChunk *chunk;
  GString      *scratch;
  GPtrArray    *tokens;
} Interner;

static void
intern_token (const char *start,
              gsize       length,
              CharClass   klass,
              gpointer    user_data)
{
  Interner *interner = user_data;

  g_string_truncate (interner->scratch, 0);
  g_string_append_len (interner->scratch, start, (gssize) length);
  g_ptr_array_add (interner->tokens, g_string_chunk_insert_const (interner->chunk,
                                                                  interner->scratch->str));
}

static GPtrArray *
intern_words (GStringChunk *chunk,
              GString      *scratch,
              const char   *text)
{
  Interner interner = { chunk, scratch, g_ptr_array_new () };

  tokenize (text, intern_token, &interner);
  return interner.tokens;
}

/* Lines with their line feed, so that they concatenate back to the text. */
static GPtrArray *
intern_lines (GStringChunk *chunk,
              GString      *scratch,
              const char   *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize length = end != NULL ? (gsize) (end - p) + 1 : strlen (p);

      g_string_truncate (scratch, 0);
      g_string_append_len (scratch, p, (gssize) length);
      g_ptr_array_add (lines, g_string_chunk_insert_const (chunk, scratch->str));
      p += length;
    }
  return lines;
}

/* The edit script */

typedef struct
{
  TractDiffOp op;
  gsize       count;
} Edit;

static void
push_edit (GArray      *edits,
           TractDiffOp  op,
           gsize        count)
{
  if (count == 0)
    return;
  if (edits->len > 0 && g_array_index (edits, Edit, edits->len - 1).op == op)
    g_array_index (edits, Edit, edits->len - 1).count += count;
  else
    {
      Edit edit = { op, count };
      g_array_append_val (edits, edit);
    }
}

static void diff_range (GArray       *edits,
                        const char  **a,
                        gsize         n,
                        const char  **b,
                        gsize         m,
                        guint         depth);

/* Finds where a shortest edit path crosses the middle (Myers 1986, §4b),
 * walking from both ends at once; returns FALSE when the search limit is
 * reached first. @n and @m are at least 1. */
static gboolean
find_middle_snake (const char **a,
                   gssize       n,
                   const char **b,
                   gssize       m,
                   gssize      *split_x,
                   gssize      *split_y)
{
  gssize max_d = (n + m + 1) / 2;
  gssize limit = MIN (max_d, SEARCH_LIMIT);
  gssize offset = limit + 1;
  gssize length = 2 * limit + 3;
  gssize delta = n - m;
  gboolean front = (delta % 2) != 0;
  gssize k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
  g_autofree gssize *v1 = g_new (gssize, length);
  g_autofree gssize *v2 = g_new (gssize, length);
  gboolean found = FALSE;

  for (gssize i = 0; i < length; i++)
    v1[i] = v2[i] = -1;
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;

  for (gssize d = 0; d < limit && !found; d++)
    {
      /* Forward. */
      for (gssize k1 = -d + k1_start; k1 <= d - k1_end && !found; k1 += 2)
        {
          gssize k1_offset = offset + k1;
          gssize x1, y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          while (x1 < n && y1 < m && a[x1] == b[y1])
            {
              x1++;
              y1++;
            }
          v1[k1_offset] = x1;

          if (x1 > n)
            k1_end += 2;
          else if (y1 > m)
            k1_start += 2;
          else if (front)
            {
              gssize k2 = delta - k1;

              if (k2 >= -limit - 1 && k2 <= limit + 1 && v2[offset + k2] != -1
                  && x1 >= n - v2[offset + k2])
                {
                  *split_x = x1;
                  *split_y = y1;
                  found = TRUE;
                }
            }
        }

      /* Backward, from the ends of both texts. */
      for (gssize k2 = -d + k2_start; k2 <= d - k2_end && !found; k2 += 2)
        {
          gssize k2_offset = offset + k2;
          gssize x2, y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
            {
              x2++;
              y2++;
            }
          v2[k2_offset] = x2;

          if (x2 > n)
            k2_end += 2;
          else if (y2 > m)
            k2_start += 2;
          else if (!front)
            {
              gssize k1 = delta - k2;

              if (k1 >= -limit - 1 && k1 <= limit + 1 && v1[offset + k1] != -1)
                {
                  gssize x1 = v1[offset + k1];
                  gssize y1 = x1 - k1;

                  if (x1 >= n - x2)
                    {
                      *split_x = x1;
                      *split_y = y1;
                      found = TRUE;
                    }
                }
            }
        }
    }
  return found;
}

static void
diff_range (GArray      *edits,
            const char **a,
            gsize        n,
            const char **b,
            gsize        m,
            guint        depth)
{
  gsize prefix = 0, suffix = 0;
  gssize x = 0, y = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - suffix - 1] == b[m - suffix - 1])
    suffix++;

  push_edit (edits, TRACT_DIFF_EQUAL, prefix);
  a += prefix;
  b += prefix;
  n -= prefix + suffix;
  m -= prefix + suffix;

  if (n == 0 || m == 0)
    {
      push_edit (edits, TRACT_DIFF_DELETE, n);
      push_edit (edits, TRACT_DIFF_INSERT, m);
    }
  else if (depth < MAX_DEPTH
           && find_middle_snake (a, (gssize) n, b, (gssize) m, &x, &y)
           && (x > 0 || y > 0) && ((gsize) x < n || (gsize) y < m))
    {
      diff_range (edits, a, (gsize) x, b, (gsize) y, depth + 1);
      diff_range (edits, a + x, n - (gsize) x, b + y, m - (gsize) y, depth + 1);
    }
  else
    {
      push_edit (edits, TRACT_DIFF_DELETE, n);
      push_edit (edits, TRACT_DIFF_INSERT, m);
    }

  push_edit (edits, TRACT_DIFF_EQUAL, suffix);
}

static GArray *
diff_tokens (GPtrArray *a,
             GPtrArray *b)
{
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));

  diff_range (edits, (const char **) a->pdata, a->len, (const char **) b->pdata, b->len, 0);
  return edits;
}

/* Output: runs grouped as "equal text" or "this replaced by that". */

typedef struct
{
  GString *equal;
  GString *deleted;
  GString *inserted;
  GArray  *groups;  /* Group */
} Emitter;

typedef struct
{
  char *equal;     /* NULL for a change */
  char *deleted;
  char *inserted;
} Group;

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->equal);
  g_free (group->deleted);
  g_free (group->inserted);
}

static void
emitter_flush (Emitter *emitter)
{
  Group group = { NULL, NULL, NULL };

  if (emitter->equal->len > 0)
    {
      group.equal = g_strndup (emitter->equal->str, emitter->equal->len);
      g_string_truncate (emitter->equal, 0);
      g_array_append_val (emitter->groups, group);
    }
  else if (emitter->deleted->len > 0 || emitter->inserted->len > 0)
    {
      group.deleted = g_strndup (emitter->deleted->str, emitter->deleted->len);
      group.inserted = g_strndup (emitter->inserted->str, emitter->inserted->len);
      g_string_truncate (emitter->deleted, 0);
      g_string_truncate (emitter->inserted, 0);
      g_array_append_val (emitter->groups, group);
    }
}

static void
emit (Emitter     *emitter,
      TractDiffOp  op,
      const char  *text)
{
  switch (op)
    {
    case TRACT_DIFF_EQUAL:
      if (emitter->deleted->len > 0 || emitter->inserted->len > 0)
        emitter_flush (emitter);
      g_string_append (emitter->equal, text);
      break;
    case TRACT_DIFF_DELETE:
    case TRACT_DIFF_INSERT:
      if (emitter->equal->len > 0)
        emitter_flush (emitter);
      g_string_append (op == TRACT_DIFF_DELETE ? emitter->deleted : emitter->inserted, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
emit_word_diff (Emitter      *emitter,
                GStringChunk *chunk,
                GString      *scratch,
                const char   *old_text,
                const char   *new_text)
{
  g_autoptr(GPtrArray) a = intern_words (chunk, scratch, old_text);
  g_autoptr(GPtrArray) b = intern_words (chunk, scratch, new_text);
  g_autoptr(GArray) edits = diff_tokens (a, b);
  guint i = 0, j = 0;

  for (guint e = 0; e < edits->len; e++)
    {
      const Edit *edit = &g_array_index (edits, Edit, e);

      for (gsize t = 0; t < edit->count; t++)
        switch (edit->op)
          {
          case TRACT_DIFF_EQUAL:
            emit (emitter, TRACT_DIFF_EQUAL, b->pdata[j++]);
            i++;
            break;
          case TRACT_DIFF_DELETE:
            emit (emitter, TRACT_DIFF_DELETE, a->pdata[i++]);
            break;
          case TRACT_DIFF_INSERT:
            emit (emitter, TRACT_DIFF_INSERT, b->pdata[j++]);
            break;
          default:
            g_assert_not_reached ();
          }
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) || *p == '\n')
      return FALSE;
  return *text != '\0';
}

/* "[-old-] [-words-]" reads worse than "[-old words-]": a blank between two
 * replacements is folded into them. Paragraph breaks are kept. */
static void
fold_blanks (GArray *groups)
{
  for (guint i = 1; i + 1 < groups->len; i++)
    {
      Group *left = &g_array_index (groups, Group, i - 1);
      Group *middle = &g_array_index (groups, Group, i);
      Group *right = &g_array_index (groups, Group, i + 1);
      char *deleted, *inserted;

      if (left->equal != NULL || right->equal != NULL || middle->equal == NULL
          || !is_blank (middle->equal))
        continue;
      if ((*left->deleted == '\0' && *right->deleted == '\0')
          || (*left->inserted == '\0' && *right->inserted == '\0'))
        continue;

      deleted = g_strconcat (left->deleted, middle->equal, right->deleted, NULL);
      inserted = g_strconcat (left->inserted, middle->equal, right->inserted, NULL);
      g_free (left->deleted);
      g_free (left->inserted);
      left->deleted = deleted;
      left->inserted = inserted;
      g_array_remove_range (groups, i, 2);
      i--;
    }
}

static void
segment_clear (gpointer data)
{
  g_free (((TractDiffSegment *) data)->text);
}

static void
append_segment (GArray      *segments,
                TractDiffOp  op,
                const char  *text)
{
  TractDiffSegment segment = { op, NULL };

  if (*text == '\0')
    return;
  segment.text = g_strdup (text);
  g_array_append_val (segments, segment);
}

GArray *
tract_diff_words (const char *old_text,
                  const char *new_text)
{
  g_autofree char *a_text = g_utf8_make_valid (old_text != NULL ? old_text : "", -1);
  g_autofree char *b_text = g_utf8_make_valid (new_text != NULL ? new_text : "", -1);
  GStringChunk *chunk = g_string_chunk_new (4096);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GPtrArray) a_lines = intern_lines (chunk, scratch, a_text);
  g_autoptr(GPtrArray) b_lines = intern_lines (chunk, scratch, b_text);
  g_autoptr(GArray) edits = diff_tokens (a_lines, b_lines);
  g_autoptr(GString) old_block = g_string_new (NULL);
  g_autoptr(GString) new_block = g_string_new (NULL);
  Emitter emitter = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL),
                      g_array_new (FALSE, TRUE, sizeof (Group)) };
  GArray *segments = g_array_new (FALSE, TRUE, sizeof (TractDiffSegment));
  guint i = 0, j = 0;

  g_array_set_clear_func (emitter.groups, group_clear);
  g_array_set_clear_func (segments, segment_clear);

  for (guint e = 0; e < edits->len; e++)
    {
      const Edit *edit = &g_array_index (edits, Edit, e);

      if (edit->op == TRACT_DIFF_EQUAL)
        {
          for (gsize t = 0; t < edit->count; t++)
            emit (&emitter, TRACT_DIFF_EQUAL, b_lines->pdata[j++]);
          i += edit->count;
          continue;
        }

      /* A block of changed lines: compare its words. */
      g_string_truncate (old_block, 0);
      g_string_truncate (new_block, 0);
      for (; e < edits->len && g_array_index (edits, Edit, e).op != TRACT_DIFF_EQUAL; e++)
        {
          edit = &g_array_index (edits, Edit, e);
          for (gsize t = 0; t < edit->count; t++)
            {
              if (edit->op == TRACT_DIFF_DELETE)
                g_string_append (old_block, a_lines->pdata[i++]);
              else
                g_string_append (new_block, b_lines->pdata[j++]);
            }
        }
      e--;
      emit_word_diff (&emitter, chunk, scratch, old_block->str, new_block->str);
    }
  emitter_flush (&emitter);
  fold_blanks (emitter.groups);

  for (guint g = 0; g < emitter.groups->len; g++)
    {
      const Group *group = &g_array_index (emitter.groups, Group, g);

      if (group->equal != NULL)
        append_segment (segments, TRACT_DIFF_EQUAL, group->equal);
      else
        {
          append_segment (segments, TRACT_DIFF_DELETE, group->deleted);
          append_segment (segments, TRACT_DIFF_INSERT, group->inserted);
        }
    }

  g_string_free (emitter.equal, TRUE);
  g_string_free (emitter.deleted, TRUE);
  g_string_free (emitter.inserted, TRUE);
  g_array_unref (emitter.groups);
  g_string_chunk_free (chunk);
  return segments;
}

char *
tract_diff_format (const GArray *segments)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (segments != NULL, NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const TractDiffSegment *segment = &g_array_index (segments, TractDiffSegment, i);

      switch (segment->op)
        {
        case TRACT_DIFF_EQUAL:
          g_string_append (text, segment->text);
          break;
        case TRACT_DIFF_DELETE:
          g_string_append_printf (text, "[-%s-]", segment->text);
          break;
        case TRACT_DIFF_INSERT:
          g_string_append_printf (text, "[+%s+]", segment->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}

static void
count_word (const char *start,
            gsize       length,
            CharClass   klass,
            gpointer    user_data)
{
  guint *count = user_data;

  if (klass == CLASS_WORD || (klass == CLASS_OTHER && g_unichar_isalnum (g_utf8_get_char (start))))
    (*count)++;
}

guint
tract_diff_count_words (const char *text)
{
  g_autofree char *valid = NULL;
  guint count = 0;

  if (text == NULL)
    return 0;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  tokenize (text, count_word, &count);
  return count;
}

void
tract_diff_count (const GArray *segments,
                  guint        *n_deleted,
                  guint        *n_inserted)
{
  guint deleted = 0, inserted = 0;

  g_return_if_fail (segments != NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const TractDiffSegment *segment = &g_array_index (segments, TractDiffSegment, i);

      if (segment->op == TRACT_DIFF_DELETE)
        deleted += tract_diff_count_words (segment->text);
      else if (segment->op == TRACT_DIFF_INSERT)
        inserted += tract_diff_count_words (segment->text);
    }
  if (n_deleted != NULL)
    *n_deleted = deleted;
  if (n_inserted != NULL)
    *n_inserted = inserted;
}
