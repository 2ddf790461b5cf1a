/* tract-record-list.c — a lazy, ordered list of rows of one table
 *
 * A GListModel over "SELECT … WHERE filter = ? ORDER BY key, id" that never
 * loads the whole table: it counts the rows, and fetches the rows a view
 * asks for a page at a time (keyset-free OFFSET pages are fine here: the
 * ordering is covered by an index, so SQLite skips through the index alone).
 *
 * When the store announces a change to one row, the list finds where that
 * row was and where it now is by counting the rows before it in each
 * ordering, and emits exactly that change. A bulk change resets the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-record-list"

#include "config.h"

#include "tract-record-list.h"
#include "tract-search-matches.h"
#include "tract-store-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 64

struct _TractRecordList
{
  GObject     parent_instance;

  TractStore *store;
  GType       record_type;
  char       *table;
  char       *filter_column; /* NULL: every row */
  gint64      filter_value;
  char       *order_column;

  char       *condition_column;  /* an extra text equality ("membership" = 'member') */
  char       *condition_value;
  char       *search_table;      /* "<table>_search", FTS5 */
  char       *search_query;      /* NULL: no search */
  char       *related_sql;       /* "id IN (SELECT … WHERE … = ?)" */
  gint64      related_value;

  char       *count_sql;
  char       *page_sql;
  char       *before_sql;    /* rows that sort before a given key */

  guint       n_items;
  GHashTable *pages;         /* page number → GPtrArray of records */
  gulong      changed_handler;
  gulong      reset_handler;
  gulong      other_changed_handler; /* while a filter reads other tables */
  gulong      other_reset_handler;
};

static void tract_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TractRecordList, tract_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tract_record_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Binds the WHERE clause's values, in the order build_sql wrote them. */
static int
bind_where (TractRecordList *self,
            sqlite3_stmt    *stmt)
{
  int index = 1;

  if (self->filter_column != NULL)
    sqlite3_bind_int64 (stmt, index++, self->filter_value);
  if (self->condition_column != NULL)
    sqlite3_bind_text (stmt, index++, self->condition_value, -1, SQLITE_TRANSIENT);
  if (self->search_query != NULL)
    {
      g_autoptr(GError) error = NULL;
      const TractSearchMatches *matches = tract_search_matches_get (self->store, self->search_table,
                                                                    self->search_query, &error);

      /* Without its matches, the list shows no row rather than all. */
      if (matches == NULL)
        g_warning ("Cannot search %s: %s", self->search_table, error->message);
      tract_search_matches_bind (matches, stmt, index++);
    }
  if (self->related_sql != NULL)
    sqlite3_bind_int64 (stmt, index++, self->related_value);
  return index;
}

static guint
count_rows (TractRecordList *self)
{
  sqlite3_stmt *stmt = tract_store_prepare (self->store, self->count_sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  bind_where (self, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static GPtrArray *
load_page (TractRecordList *self,
           guint            page)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = tract_store_prepare (self->store, self->page_sql, NULL);
  int index;

  if (stmt == NULL)
    return rows;
  index = bind_where (self, stmt);
  sqlite3_bind_int64 (stmt, index++, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, index++, (gint64) page * PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TractRecord *record = g_object_new (self->record_type, NULL);

      tract_store_read_row (record, stmt, 0);
      g_ptr_array_add (rows, record);
    }
  sqlite3_reset (stmt);
  return rows;
}

static GType
tract_record_list_get_item_type (GListModel *model)
{
  return TRACT_RECORD_LIST (model)->record_type;
}

static guint
tract_record_list_get_n_items (GListModel *model)
{
  return TRACT_RECORD_LIST (model)->n_items;
}

static gpointer
tract_record_list_get_item (GListModel *model,
                            guint       position)
{
  TractRecordList *self = TRACT_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      /* A plain bound on memory: views only look at a screenful. */
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
tract_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tract_record_list_get_item_type;
  iface->get_n_items = tract_record_list_get_n_items;
  iface->get_item = tract_record_list_get_item;
}

static gboolean
matches (TractRecordList *self,
         TractRecord     *record)
{
  if (record == NULL)
    return FALSE;
  if (self->filter_column != NULL
      && tract_record_get_integer (record, self->filter_column) != self->filter_value)
    return FALSE;
  if (self->condition_column != NULL
      && g_strcmp0 (tract_record_get_text (record, self->condition_column), self->condition_value) != 0)
    return FALSE;
  return TRUE;
}

/* Search and related filters are answered by SQLite only: a change then
 * reloads the list rather than guess where the row stands. */
static gboolean
can_place_changes (TractRecordList *self)
{
  return self->search_query == NULL && self->related_sql == NULL;
}

/* How many rows of the list sort before @record's key, not counting @record's own row. */
static guint
count_before (TractRecordList *self,
              TractRecord     *record)
{
  sqlite3_stmt *stmt = tract_store_prepare (self->store, self->before_sql, NULL);
  int column = tract_record_find_column (record, self->order_column);
  const TractColumn *order = &tract_record_get_columns (record, NULL)[column];
  int index;
  guint count = 0;

  if (stmt == NULL)
    return 0;
  index = bind_where (self, stmt);
  /* Text keys compare as coalesce (column, ''): see build_sql. */
  if (order->type == TRACT_COLUMN_TEXT)
    sqlite3_bind_text (stmt, index++, tract_record_get_text (record, self->order_column), -1, SQLITE_TRANSIENT);
  else
    tract_store_bind_value (stmt, index++, order, tract_record_get_value (record, (guint) column));
  sqlite3_bind_int64 (stmt, index++, tract_record_get_id (record));
  sqlite3_bind_int64 (stmt, index++, tract_record_get_id (record));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static void reload (TractRecordList *self);

static void
set_n_items (TractRecordList *self,
             guint            n_items)
{
  if (self->n_items == n_items)
    return;
  self->n_items = n_items;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_record_changed (TractStore      *store,
                   TractRecord     *before,
                   TractRecord     *after,
                   TractRecordList *self)
{
  gboolean was_here = matches (self, before);
  gboolean is_here = matches (self, after);
  guint old_position = 0, new_position = 0;

  if (!can_place_changes (self))
    {
      reload (self);
      return;
    }

  if (!was_here && !is_here)
    return;

  g_hash_table_remove_all (self->pages);

  if (was_here)
    old_position = count_before (self, before);
  if (is_here)
    new_position = count_before (self, after);

  if (was_here && is_here && old_position == new_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
      return;
    }

  if (was_here)
    {
      set_n_items (self, self->n_items - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
    }
  if (is_here)
    {
      set_n_items (self, self->n_items + 1);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

/**
 * tract_list_model_replace_all:
 * @n_items: the list's count of items, which its get_n_items() returns
 * @n_items_pspec: its "n-items" property
 *
 * Announces that every item of @model gave way to @new_n_items others:
 * every row goes, then the new ones come, in two announcements. Told of
 * one change replacing them, GTK 4.8's list views look for the rows they
 * track (the focus, the scroll anchor) among the added items, reading each
 * of them: every page of the list, at each keystroke of a search (a
 * second, for an agenda of 50,000 rows).
 */
void
tract_list_model_replace_all (GListModel *model,
                              guint      *n_items,
                              guint       new_n_items,
                              GParamSpec *n_items_pspec)
{
  guint old_n_items = *n_items;

  if (old_n_items > 0)
    {
      *n_items = 0;
      g_object_notify_by_pspec (G_OBJECT (model), n_items_pspec);
      g_list_model_items_changed (model, 0, old_n_items, 0);
    }
  if (new_n_items > 0)
    {
      *n_items = new_n_items;
      g_object_notify_by_pspec (G_OBJECT (model), n_items_pspec);
      g_list_model_items_changed (model, 0, 0, new_n_items);
    }
}

static void
reload (TractRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  tract_list_model_replace_all (G_LIST_MODEL (self), &self->n_items, count_rows (self), properties[PROP_N_ITEMS]);
}

static void
on_table_reset (TractStore      *store,
                TractRecordList *self)
{
  reload (self);
}

/* A search reads contacts as well as organizations, a related filter reads
 * a link table: a change to another table may change which rows match. */
static void
on_other_record_changed (TractStore      *store,
                         TractRecord     *before,
                         TractRecord     *after,
                         TractRecordList *self)
{
  TractRecord *record = before != NULL ? before : after;

  if (!g_str_equal (tract_record_get_table (record), self->table))
    reload (self);
}

static void
on_other_table_reset (TractStore      *store,
                      TractRecordList *self)
{
  reload (self);
}

static void
watch_other_tables (TractRecordList *self)
{
  gboolean needed = !can_place_changes (self);

  if (needed && self->other_changed_handler == 0)
    {
      self->other_changed_handler = g_signal_connect (self->store, "record-changed",
                                                      G_CALLBACK (on_other_record_changed), self);
      self->other_reset_handler = g_signal_connect (self->store, "table-reset",
                                                    G_CALLBACK (on_other_table_reset), self);
    }
  else if (!needed && self->other_changed_handler != 0)
    {
      g_clear_signal_handler (&self->other_changed_handler, self->store);
      g_clear_signal_handler (&self->other_reset_handler, self->store);
    }
}

static void
tract_record_list_dispose (GObject *object)
{
  TractRecordList *self = TRACT_RECORD_LIST (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
      g_clear_signal_handler (&self->other_changed_handler, self->store);
      g_clear_signal_handler (&self->other_reset_handler, self->store);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (tract_record_list_parent_class)->dispose (object);
}

static void
tract_record_list_finalize (GObject *object)
{
  TractRecordList *self = TRACT_RECORD_LIST (object);

  g_free (self->table);
  g_free (self->filter_column);
  g_free (self->order_column);
  g_free (self->condition_column);
  g_free (self->condition_value);
  g_free (self->search_table);
  g_free (self->search_query);
  g_free (self->related_sql);
  g_free (self->count_sql);
  g_free (self->page_sql);
  g_free (self->before_sql);

  G_OBJECT_CLASS (tract_record_list_parent_class)->finalize (object);
}

static void
tract_record_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractRecordList *self = TRACT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_record_list_class_init (TractRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tract_record_list_dispose;
  object_class->finalize = tract_record_list_finalize;
  object_class->get_property = tract_record_list_get_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, TRACT_TYPE_RECORD,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_record_list_init (TractRecordList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static void
build_sql (TractRecordList *self)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *key = NULL;
  TractRecordClass *klass = g_type_class_ref (self->record_type);
  gboolean text_key = FALSE;

  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i].name, self->order_column))
      text_key = klass->columns[i].type == TRACT_COLUMN_TEXT
                 && (klass->columns[i].flags & TRACT_COLUMN_NULL_WHEN_EMPTY);
  g_type_class_unref (klass);

  if (self->filter_column != NULL)
    g_string_append_printf (where, " AND %s = ?", self->filter_column);
  if (self->condition_column != NULL)
    g_string_append_printf (where, " AND %s = ?", self->condition_column);
  /* The rows the words match, probed while walking the order's index
   * (see tract-search-matches.c). */
  if (self->search_query != NULL)
    g_string_append (where, " AND " TRACT_SEARCH_MATCHES_SQL ("id"));
  if (self->related_sql != NULL)
    g_string_append_printf (where, " AND %s", self->related_sql);
  if (where->len == 0)
    g_string_append (where, " AND 1");

  /* Optional text keys (a join date) sort their blanks first, as ''. Other
   * keys stay bare columns, keeping their collation (names sort NOCASE). */
  key = text_key ? g_strdup_printf ("coalesce (%s, '')", self->order_column) : g_strdup (self->order_column);

  g_free (self->count_sql);
  g_free (self->page_sql);
  g_free (self->before_sql);
  self->count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE%s", self->table, where->str + 4);
  self->page_sql = g_strdup_printf ("SELECT %s FROM %s WHERE%s ORDER BY %s, id LIMIT ? OFFSET ?",
                                    tract_store_get_column_list (self->store, self->record_type),
                                    self->table, where->str + 4, key);
  self->before_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE%s AND (%s, id) < (?, ?) AND id <> ?",
                                      self->table, where->str + 4, key);
}

/**
 * tract_record_list_new:
 * @filter_column: (nullable): a reference column the rows must equal
 *   @filter_value in, such as "campaign_id", or %NULL for every row
 * @order_column: the column that orders the list (ties by id); it must be
 *   NOT NULL in the schema and covered by an index with the filter column
 */
TractRecordList *
tract_record_list_new (TractStore *store,
                       GType       record_type,
                       const char *filter_column,
                       gint64      filter_value,
                       const char *order_column)
{
  TractRecordList *self;
  TractRecordClass *klass;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, TRACT_TYPE_RECORD), NULL);
  g_return_val_if_fail (order_column != NULL, NULL);

  self = g_object_new (TRACT_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->record_type = record_type;
  self->filter_column = g_strdup (filter_column);
  self->filter_value = filter_value;
  self->order_column = g_strdup (order_column);

  klass = g_type_class_ref (record_type);
  self->table = g_strdup (klass->table);
  g_type_class_unref (klass);

  self->search_table = g_strdup_printf ("%s_search", self->table);
  build_sql (self);

  detail = g_strdup_printf ("record-changed::%s", self->table);
  self->changed_handler = g_signal_connect (store, detail, G_CALLBACK (on_record_changed), self);
  g_clear_pointer (&detail, g_free);
  detail = g_strdup_printf ("table-reset::%s", self->table);
  self->reset_handler = g_signal_connect (store, detail, G_CALLBACK (on_table_reset), self);

  self->n_items = count_rows (self);
  return self;
}

void
tract_record_list_set_filter (TractRecordList *self,
                              gint64           filter_value)
{
  g_return_if_fail (TRACT_IS_RECORD_LIST (self));
  g_return_if_fail (self->filter_column != NULL);

  if (self->filter_value == filter_value)
    return;
  self->filter_value = filter_value;
  reload (self);
}

gint64
tract_record_list_get_filter (TractRecordList *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_LIST (self), 0);
  return self->filter_value;
}

/* Where @record stands (or would stand) in the list. */
guint
tract_record_list_get_position (TractRecordList *self,
                                TractRecord     *record)
{
  g_return_val_if_fail (TRACT_IS_RECORD_LIST (self), 0);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), 0);

  return count_before (self, record);
}

/* How many rows the list holds in memory: for tests of laziness. */
guint
tract_record_list_get_n_loaded (TractRecordList *self)
{
  GHashTableIter iter;
  gpointer rows;
  guint n = 0;

  g_return_val_if_fail (TRACT_IS_RECORD_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    n += ((GPtrArray *) rows)->len;
  return n;
}

void
tract_record_list_set_text_condition (TractRecordList *self,
                                      const char      *column,
                                      const char      *value)
{
  g_return_if_fail (TRACT_IS_RECORD_LIST (self));

  if (value == NULL || *value == '\0')
    column = NULL;
  if (g_strcmp0 (self->condition_column, column) == 0 && g_strcmp0 (self->condition_value, value) == 0)
    return;
  g_free (self->condition_column);
  g_free (self->condition_value);
  self->condition_column = g_strdup (column);
  self->condition_value = column != NULL ? g_strdup (value) : NULL;
  build_sql (self);
  reload (self);
}

/**
 * tract_record_list_set_search:
 * @text: (nullable): what the person typed; blank shows every row
 *
 * Keeps the rows whose indexed text holds every word of @text as a word
 * prefix, ignoring case and accents. The table needs a "<table>_search"
 * FTS5 index (organizations and events have one).
 */
void
tract_record_list_set_search (TractRecordList *self,
                              const char      *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (TRACT_IS_RECORD_LIST (self));

  query = text != NULL ? tract_search_query_from_text (text) : NULL;
  if (g_strcmp0 (query, self->search_query) == 0)
    return;
  g_free (self->search_query);
  self->search_query = g_steal_pointer (&query);
  build_sql (self);
  watch_other_tables (self);
  reload (self);
}

/**
 * tract_record_list_set_related:
 * @table: (nullable): a link table, such as "event_organization"; %NULL removes the filter
 *
 * Keeps the rows whose id appears as @row_column in a row of @table whose
 * @match_column equals @value: the events an organization takes part in.
 */
void
tract_record_list_set_related (TractRecordList *self,
                               const char      *table,
                               const char      *row_column,
                               const char      *match_column,
                               gint64           value)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TRACT_IS_RECORD_LIST (self));

  if (table != NULL)
    sql = g_strdup_printf ("id IN (SELECT %s FROM %s WHERE %s = ?)", row_column, table, match_column);
  if (g_strcmp0 (sql, self->related_sql) == 0 && self->related_value == value)
    return;
  g_free (self->related_sql);
  self->related_sql = g_steal_pointer (&sql);
  self->related_value = value;
  build_sql (self);
  watch_other_tables (self);
  reload (self);
}

void
tract_record_list_set_order (TractRecordList *self,
                             const char      *order_column)
{
  g_return_if_fail (TRACT_IS_RECORD_LIST (self));
  g_return_if_fail (order_column != NULL);

  if (g_str_equal (order_column, self->order_column))
    return;
  g_free (self->order_column);
  self->order_column = g_strdup (order_column);
  build_sql (self);
  reload (self);
}

const char *
tract_record_list_get_order (TractRecordList *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD_LIST (self), NULL);
  return self->order_column;
}

char *
tract_search_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;

  normalized = g_utf8_make_valid (text, -1);
  g_strdelimit (normalized, "\t\r\n\"", ' ');
  words = g_strsplit (normalized, " ", 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_letter = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_letter = TRUE;
      if (!has_letter)
        continue;
      /* A quoted string is never FTS5 syntax, whatever the person typed. */
      g_string_append_printf (query, "%s\"%s\" *", query->len > 0 ? " " : "", words[i]);
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}
