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
#define COLLECT_POINTER_TYPE "tract-search-collect"

/* A set of row ids, read in ascending order. Ids are dense in practice:
 * a bit per id from first_id (12.5 kB for 100,000 rows, no large
 * allocation to fault in at each keystroke); should they be scattered,
 * the ids themselves, in order. */
typedef struct
{
  gint64      first_id;
  gint64      last_id;
  GByteArray *bits;
  GArray     *sparse;
  guint       n_ids;
} IdSet;

static IdSet *
id_set_new (void)
{
  IdSet *set = g_rc_box_new0 (IdSet);

  set->bits = g_byte_array_new ();
  return set;
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_byte_array_unref);
  g_clear_pointer (&set->sparse, g_array_unref);
}

static IdSet *
id_set_ref (IdSet *set)
{
  return g_rc_box_acquire (set);
}

static void
id_set_unref (IdSet *set)
{
  g_rc_box_release_full (set, (GDestroyNotify) id_set_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdSet, id_set_unref)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  if (set->bits != NULL)
    {
      guint64 offset;

      if (id < set->first_id)
        return FALSE;
      offset = (guint64) (id - set->first_id);
      return offset / 8 < set->bits->len && (set->bits->data[offset / 8] & (1u << (offset % 8))) != 0;
    }
  return bsearch (&id, set->sparse->data, set->sparse->len, sizeof (gint64), compare_ids) != NULL;
}

/* Calls @func on each id of @set, in ascending order. */
static void
id_set_foreach (const IdSet *set,
                void       (*func) (gint64 id, gpointer user_data),
                gpointer     user_data)
{
  if (set->bits == NULL)
    {
      for (guint i = 0; i < set->sparse->len; i++)
        func (g_array_index (set->sparse, gint64, i), user_data);
      return;
    }
  for (guint byte = 0; byte < set->bits->len; byte++)
    if (set->bits->data[byte] != 0)
      for (guint bit = 0; bit < 8; bit++)
        if ((set->bits->data[byte] & (1u << bit)) != 0)
          func (set->first_id + (gint64) byte * 8 + bit, user_data);
}

static void
append_sparse (gint64   id,
               gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, id);
}

/* Adds @id, greater than every id of @set. */
static void
id_set_add (IdSet  *set,
            gint64  id)
{
  guint64 offset;

  set->last_id = id;
  if (set->bits == NULL)
    {
      g_array_append_val (set->sparse, id);
      set->n_ids++;
      return;
    }
  if (set->n_ids == 0)
    set->first_id = id;
  offset = (guint64) (id - set->first_id);
  if (offset / 8 >= set->bits->len)
    {
      guint old_len = set->bits->len;

      /* Ids far apart: a bit each would waste more than the ids take. */
      if (offset > MAX ((guint64) set->n_ids * 64, (guint64) 1 << 20))
        {
          set->sparse = g_array_sized_new (FALSE, FALSE, sizeof (gint64), set->n_ids + 1);
          id_set_foreach (set, append_sparse, set->sparse);
          g_clear_pointer (&set->bits, g_byte_array_unref);
          g_array_append_val (set->sparse, id);
          set->n_ids++;
          return;
        }
      g_byte_array_set_size (set->bits, (guint) MAX (offset / 8 + 1, (guint64) old_len * 2));
      memset (set->bits->data + old_len, 0, set->bits->len - old_len);
    }
  set->bits->data[offset / 8] |= (guint8) (1u << (offset % 8));
  set->n_ids++;
}

typedef struct
{
  const IdSet *other;
  IdSet       *both;
} Intersection;

static void
add_if_in_other (gint64   id,
                 gpointer user_data)
{
  Intersection *intersection = user_data;

  if (id_set_contains (intersection->other, id))
    id_set_add (intersection->both, id);
}

static IdSet *
id_set_intersect (const IdSet *a,
                  const IdSet *b)
{
  Intersection intersection = { b, id_set_new () };

  /* Two sets of bits that line up byte for byte, as those of one table
   * do: a byte at a time. */
  if (a->bits != NULL && b->bits != NULL && a->n_ids > 0 && b->n_ids > 0
      && (a->first_id - b->first_id) % 8 == 0)
    {
      const IdSet *low = a->first_id <= b->first_id ? a : b;
      const IdSet *high = low == a ? b : a;
      guint skip = (guint) ((high->first_id - low->first_id) / 8);
      IdSet *both = intersection.both;

      if (skip < low->bits->len)
        {
          guint len = MIN (low->bits->len - skip, high->bits->len);

          both->first_id = high->first_id;
          g_byte_array_set_size (both->bits, len);
          for (guint i = 0; i < len; i++)
            {
              both->bits->data[i] = low->bits->data[skip + i] & high->bits->data[i];
              both->n_ids += (guint) __builtin_popcount (both->bits->data[i]);
            }
          both->last_id = MIN (low->last_id, high->last_id);
        }
      return both;
    }

  /* Walk the smaller, probe the larger. */
  if (b->n_ids < a->n_ids)
    {
      id_set_unref (intersection.both);
      return id_set_intersect (b, a);
    }
  id_set_foreach (a, add_if_in_other, &intersection);
  return intersection.both;
}

struct _TractSearchMatches
{
  char          *table;        /* the FTS5 table, such as "event_search" */
  char          *query;        /* the FTS5 query the set was read for */
  TractChangeStamp stamp;       /* of the database the set was read from */
  IdSet         *ids;          /* what the query matches */
  /* The ids each word of the query matches, kept while the database does
   * not change: typing adds letters to the last word, and the words before
   * it are not read again. */
  GHashTable    *terms;        /* "\"word\" *" → IdSet */
};

static void
match_set_clear (TractSearchMatches *matches)
{
  g_clear_pointer (&matches->query, g_free);
  g_clear_pointer (&matches->ids, id_set_unref);
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

gboolean
tract_search_matches_contains (const TractSearchMatches *matches,
                               gint64                    id)
{
  return matches->ids != NULL && id_set_contains (matches->ids, id);
}

/**
 * tract_search_matches_select:
 * @ids: the first of @n_ids ids, each @stride bytes after the one before
 * @positions: (element-type guint): where to append the index of each of
 *   @ids that @matches holds
 *
 * tract_search_matches_contains() for many ids at once, without a call
 * per id: a list's rows, probed at each keystroke.
 */
void
tract_search_matches_select (const TractSearchMatches *matches,
                             const gint64             *ids,
                             guint                     n_ids,
                             gsize                     stride,
                             GArray                   *positions)
{
  const IdSet *set = matches->ids;
  const guint8 *id = (const guint8 *) ids;

  if (set == NULL || set->n_ids == 0)
    return;
  for (guint i = 0; i < n_ids; i++, id += stride)
    {
      gint64 value = *(const gint64 *) id;
      gboolean found;

      if (set->bits != NULL)
        {
          guint64 offset = (guint64) (value - set->first_id);

          found = value >= set->first_id && offset / 8 < set->bits->len
                  && (set->bits->data[offset / 8] & (1u << (offset % 8))) != 0;
        }
      else
        found = id_set_contains (set, value);
      if (found)
        g_array_append_val (positions, i);
    }
}

static void
match_function (sqlite3_context *context,
                int              n_values,
                sqlite3_value  **values)
{
  const TractSearchMatches *matches = sqlite3_value_pointer (values[0], MATCH_POINTER_TYPE);

  sqlite3_result_int (context, matches != NULL && tract_search_matches_contains (matches, sqlite3_value_int64 (values[1])));
}

static int
collect_row (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             void                   *user_data)
{
  IdSet *set = user_data;
  gint64 id = api->xRowid (fts);

  /* FTS5 walks its rows in ascending order; should a later SQLite not,
   * the set would be wrong: fail rather than mislead. */
  if (set->n_ids > 0 && id <= set->last_id)
    return SQLITE_CORRUPT_VTAB;
  id_set_add (set, id);
  return SQLITE_OK;
}
/* tract_search_collect (table, ids): called on the first row a one-word
 * query matches, adds to @ids the rowids of every row it matches. FTS5
 * walks its index for the phrase directly, without a step of the SQL
 * statement per row: two to three times as fast for a word found in
 * 100,000 rows. */
static void
collect_function (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  sqlite3_context        *context,
                  int                     n_values,
                  sqlite3_value         **values)
{
  IdSet *set = n_values == 1 ? sqlite3_value_pointer (values[0], COLLECT_POINTER_TYPE) : NULL;
  int status;

  if (set == NULL || set->n_ids > 0)
    {
      sqlite3_result_error (context, "tract_search_collect() needs an empty set of ids", -1);
      return;
    }
  status = api->xQueryPhrase (fts, 0, set, collect_row);
  if (status != SQLITE_OK)
    sqlite3_result_error_code (context, status);
  else
    sqlite3_result_int64 (context, set->n_ids);
}

/* Returns: (transfer full) (nullable): the ids @term matches. */
static IdSet *
read_term (TractStore  *store,
           const char  *table,
           const char  *term,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT tract_search_collect (%s, ?) FROM %s WHERE %s MATCH ? LIMIT 1",
                                          table, table, table);
  g_autoptr(IdSet) set = id_set_new ();
  sqlite3_stmt *stmt;
  int status;

  stmt = tract_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, set, COLLECT_POINTER_TYPE, NULL);
  sqlite3_bind_text (stmt, 2, term, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      tract_store_set_sqlite_error (store, status, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&set);
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
match_set_read (TractSearchMatches  *matches,
                TractStore          *store,
                const char          *query,
                GError             **error)
{
  g_autoptr(GPtrArray) words = split_query (query);
  g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) id_set_unref);
  g_autoptr(IdSet) ids = NULL;

  match_set_clear (matches);
  for (guint i = 0; i < words->len; i++)
    {
      const char *term = words->pdata[i];
      IdSet *term_ids = matches->terms != NULL ? g_hash_table_lookup (matches->terms, term) : NULL;

      if (term_ids != NULL)
        id_set_ref (term_ids);
      else if ((term_ids = read_term (store, matches->table, term, error)) == NULL)
        return FALSE;
      if (ids == NULL)
        ids = id_set_ref (term_ids);
      else
        {
          IdSet *both = id_set_intersect (ids, term_ids);

          id_set_unref (ids);
          ids = both;
        }
      /* A word typed twice is read once. */
      g_hash_table_replace (terms, g_strdup (term), term_ids);
    }
  /* The words of this query only: the next keystroke reuses them. */
  match_set_forget_terms (matches);
  matches->terms = g_steal_pointer (&terms);
  matches->ids = g_steal_pointer (&ids);
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
  sqlite3 *db = tract_store_get_connection (store);
  fts5_api *fts = NULL;
  sqlite3_stmt *stmt = NULL;
  int status;

  /* Direct only: the function has no business in the schema. */
  status = sqlite3_create_function_v2 (db, "tract_search_match", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                       match_function, NULL, NULL, NULL);
  if (status != SQLITE_OK)
    return tract_store_set_sqlite_error (store, status, NULL, error);

  /* FTS5's own functions are defined through its API, which a query
   * hands over as a pointer. */
  status = sqlite3_prepare_v2 (db, "SELECT fts5 (?)", -1, &stmt, NULL);
  if (status == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &fts, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      status = sqlite3_finalize (stmt);
    }
  if (status == SQLITE_OK && fts == NULL)
    status = SQLITE_ERROR;
  if (status == SQLITE_OK)
    status = fts->xCreateFunction (fts, "tract_search_collect", NULL, collect_function, NULL);
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
