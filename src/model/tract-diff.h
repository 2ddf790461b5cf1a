/* tract-diff.h — what changed between two texts, word by word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_DIFF_EQUAL,
  TRACT_DIFF_DELETE,
  TRACT_DIFF_INSERT,
} TractDiffOp;

typedef struct
{
  TractDiffOp  op;
  char        *text;
} TractDiffSegment;

/* The runs that turn @old_text into @new_text: equal text, deleted text and
 * inserted text, in reading order; where text was replaced, the deletion
 * comes before the insertion. Concatenating the equal and deleted runs
 * gives @old_text back, the equal and inserted runs @new_text.
 *
 * Words, runs of blanks and single punctuation marks are the units. The
 * search is bounded: two unrelated megabyte texts come back in well under
 * a second as one replacement rather than a minimal list.
 *
 * Returns: (transfer full) (element-type TractDiffSegment): the runs; free
 * with g_array_unref(). */
GArray *tract_diff_words       (const char   *old_text,
                                const char   *new_text);

/* The runs as text that reads without colour: "[-removed-]" and "[+added+]". */
char   *tract_diff_format      (const GArray *segments);

/* How many words the runs delete and insert. */
void    tract_diff_count       (const GArray *segments,
                                guint        *n_deleted,
                                guint        *n_inserted);

/* How many words @text holds, as the diff counts them. */
guint   tract_diff_count_words (const char   *text);

G_END_DECLS
