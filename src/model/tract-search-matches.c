/* tract-search-matches.c — the rows a full-text search matches, probed in C
 *
 * A list filtered by a search used "id IN (SELECT rowid … MATCH ?)", and
 * SQLite built a temporary index of every match for each count and each
 * page: tens of milliseconds a keystroke when a word is in nearly every
 * row of a large table. Here the matches are read from the FTS5 index once
 * per word and per state of the database (this connection's total_changes,
 * the file's data_version), intersected in C, and probed by the SQL
 * function tract_search_match (?, id), which receives the set through
 * sqlite3_bind_pointer, while the list's query walks its own index in
 * order. Typing more letters re-reads only the last word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tract-search-matches.h"
#include "tract-store-private.h"

#define MATCH_POINTER_TYPE "tract-search-matches"

struct _TractSearchMatches
{
  char          *table;        /* the FTS5 table, such as "event_search" */
  char          *query;        /* the FTS5 query the set was read for */
  TractChangeStamp stamp;       /* of the database the set was read from */
  /* Row ids are dense: a bit per id from first_id, or, should they be
   * scattered, the sorted ids. */
  gint64         first_id;
  guint8        *bits;
  gsize          n_bits;
  GArray        *sorted;
  /* The ids each word of the query matches, kept while the database does
   * not change: typing adds letters to the last word, and the words before
   * it are not read again. */
  GHashTable    *terms;        /* "\"word\" *" → GArray of ids, ascending */
};

static void
match_set_clear (TractSearchMatches *matches)
{
  g_clear_pointer (&matches->query, g_free);
  g_clear_pointer (&matches->bits, g_free);
  g_clear_pointer (&matches->sorted, g_array_unref);
  matches->n_bits = 0;
}

static void
match_set_forget_terms (TractSearchMatches *matches)
{
  g_clear_pointer (&matches->terms, g_hash_table_unref);
}

static void
match_set_free (gpointer data)
{
  TractSearchMatches *matches = data;

  match_set_clear (matches);
  match_set_forget_terms (matches);
  g_free (matches->table);
  g_free (matches);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
match_set_contains (const TractSearchMatches *matches,
                    gint64                    id)
{
  if (matches->bits != NULL)
    {
      guint64 offset;

      if (id < matches->first_id)
        return FALSE;
      offset = (guint64) (id - matches->first_id);
      return offset < matches->n_bits && (matches->bits[offset / 8] & (1u << (offset % 8))) != 0;
    }
  return matches->sorted != NULL
         && bsearch (&id, matches->sorted->data, matches->sorted->len, sizeof (gint64), compare_ids) != NULL;
}

static void
match_function (sqlite3_context *context,
                int              n_values,
                sqlite3_value  **values)
{
  const TractSearchMatches *matches = sqlite3_value_pointer (values[0], MATCH_POINTER_TYPE);

  sqlite3_result_int (context, matches != NULL && match_set_contains (matches, sqlite3_value_int64 (values[1])));
}

/* Returns: (transfer full) (nullable): the ids @term matches, ascending. */
static GArray *
read_term (TractStore  *store,
           const char  *table,
           const char  *term,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?", table, table);
  sqlite3_stmt *stmt;

  /* FTS5 gives the rowids in ascending order. */
  stmt = tract_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, term, -1, SQLITE_TRANSIENT);
  return tract_store_step_integers (store, stmt, error);
}

/* Keeps in @ids those also in @other; both ascending. */
static void
intersect_ids (GArray       *ids,
               const GArray *other)
{
  guint kept = 0;

  for (guint i = 0, j = 0; i < ids->len && j < other->len;)
    {
      gint64 a = g_array_index (ids, gint64, i), b = g_array_index (other, gint64, j);

      if (a < b)
        i++;
      else if (b < a)
        j++;
      else
        {
          g_array_index (ids, gint64, kept++) = a;
          i++;
          j++;
        }
    }
  g_array_set_size (ids, kept);
}

/* The words of a query of tract_search_query_from_text(): "\"word\" *"
 * each, separated by spaces; the words hold no double quote. */
static GPtrArray *
split_query (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *p = query;

  while ((p = strchr (p, '"')) != NULL)
    {
      const char *close = strchr (p + 1, '"');

      if (close == NULL)
        break;
      g_ptr_array_add (terms, g_strdup_printf ("%.*s *", (int) (close - p + 1), p));
      p = close + 1;
    }
  return terms;
}

static gboolean
match_set_read (TractSearchMatches    *matches,
                TractStore  *store,
                const char  *query,
                GError     **error)
{
  g_autoptr(GPtrArray) words = split_query (query);
  g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) ids = NULL;

  match_set_clear (matches);
  for (guint i = 0; i < words->len; i++)
    {
      const char *term = words->pdata[i];
      GArray *term_ids = matches->terms != NULL ? g_hash_table_lookup (matches->terms, term) : NULL;

      if (term_ids != NULL)
        g_array_ref (term_ids);
      else if ((term_ids = read_term (store, matches->table, term, error)) == NULL)
        return FALSE;
      if (ids == NULL)
        {
          ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), term_ids->len);
          g_array_append_vals (ids, term_ids->data, term_ids->len);
        }
      else
        intersect_ids (ids, term_ids);
      /* A word typed twice is read once. */
      g_hash_table_replace (terms, g_strdup (term), term_ids);
    }
  /* The words of this query only: the next keystroke reuses them. */
  match_set_forget_terms (matches);
  matches->terms = g_steal_pointer (&terms);

  if (ids != NULL && ids->len > 0)
    {
      gint64 first = g_array_index (ids, gint64, 0);
      guint64 span = (guint64) (g_array_index (ids, gint64, ids->len - 1) - first) + 1;

      if (span <= MAX ((guint64) ids->len * 64, (guint64) 1 << 20))
        {
          matches->first_id = first;
          matches->n_bits = (gsize) span;
          matches->bits = g_malloc0 ((gsize) (span + 7) / 8);
          for (guint i = 0; i < ids->len; i++)
            {
              guint64 offset = (guint64) (g_array_index (ids, gint64, i) - first);

              matches->bits[offset / 8] |= (guint8) (1u << (offset % 8));
            }
        }
      else
        matches->sorted = g_steal_pointer (&ids);
    }
  matches->query = g_strdup (query);
  return TRUE;
}

/**
 * tract_search_matches_install:
 *
 * Defines tract_search_match() on the store's connection: once, when the
 * store opens, since a statement naming it cannot be prepared before.
 */
gboolean
tract_search_matches_install (TractStore  *store,
                              GError     **error)
{
  int status;

  /* Direct only: the function has no business in the schema. */
  status = sqlite3_create_function_v2 (tract_store_get_connection (store), "tract_search_match", 2,
                                       SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, match_function,
                                       NULL, NULL, NULL);
  if (status != SQLITE_OK)
    return tract_store_set_sqlite_error (store, status, NULL, error);
  return TRUE;
}

/**
 * tract_search_matches_get:
 * @search_table: an FTS5 table whose rowids are the searched rows' ids
 * @query: a query of tract_search_query_from_text()
 *
 * Returns: (transfer none) (nullable): the rows @query matches now, kept
 *   by @store until its next search of @search_table
 */
const TractSearchMatches *
tract_search_matches_get (TractStore  *store,
                          const char  *search_table,
                          const char  *query,
                          GError     **error)
{
  g_autofree char *key = g_strdup_printf ("tract-search-matches-%s", search_table);
  TractSearchMatches *matches = g_object_get_data (G_OBJECT (store), key);
  TractChangeStamp stamp = { 0, 0 };

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (matches == NULL)
    {
      matches = g_new0 (TractSearchMatches, 1);
      matches->table = g_strdup (search_table);
      g_object_set_data_full (G_OBJECT (store), key, matches, match_set_free);
    }

  if (!tract_store_read_change_stamp (store, &stamp, error))
    return NULL;
  if (memcmp (&matches->stamp, &stamp, sizeof stamp) != 0)
    match_set_forget_terms (matches);
  else if (g_strcmp0 (matches->query, query) == 0)
    return matches;

  if (!match_set_read (matches, store, query, error))
    return NULL;
  matches->stamp = stamp;
  return matches;
}

void
tract_search_matches_bind (const TractSearchMatches *matches,
                           sqlite3_stmt             *stmt,
                           int                       index)
{
  sqlite3_bind_pointer (stmt, index, (void *) matches, MATCH_POINTER_TYPE, NULL);
}
