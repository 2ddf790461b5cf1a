/* tract-agenda-list.c — a campaign's occurrences, day by day, lazily
 *
 * A GListModel over the table event_occurrence (see tract-agenda-query.c):
 * it counts the rows its filter keeps and pages them in as a view asks,
 * never loading the whole agenda. Repeating events appear once per
 * occurrence, expanded by the model; the list itself stays a query.
 *
 * When one event changes, the list expands it as it was and as it is, in
 * memory, finds where each occurrence was and is by counting the other
 * rows before it, and emits exactly those changes: removals from the last
 * up, then insertions from the first down, so that whatever a view reads
 * while they are announced is already right. A change too wide to place
 * (a search or an organization filter, a long series, a bulk change)
 * reloads the list.
 *
 * A search is answered in memory: the rows the other filters keep are read
 * once, in order, per state of the database (the search order), and each
 * keystroke probes their events in the words' matches (see
 * tract-search-matches.c), counting and paging without a query over the
 * whole campaign. A keystroke then costs what FTS5 takes to list a word's
 * matches, and a screenful.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-agenda"

#include "config.h"

#include <string.h>

#include "tract-agenda-list.h"
#include "tract-agenda-query-private.h"
#include "tract-record-list.h"
#include "tract-search-matches.h"
#include "tract-store-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 64
/* Beyond this many occurrences moved by one change, reload instead. */
#define MAX_PLACED 64

struct _TractAgendaList
{
  GObject            parent_instance;

  TractStore        *store;
  TractAgendaFilter  filter;  /* its strings are owned */
  char              *event_columns; /* "e.id, e.uid, …" */

  guint              n_items;
  GHashTable        *pages;   /* page number → GPtrArray of TractEvent */
  guint              sync_source; /* expanding many series, a step at a time */

  /* While searching: every row the other filters keep, in order, as of
   * order_stamp, and the positions in it of those the search finds, which
   * are the list's items. NULL when the list pages through SQL. */
  GArray            *order;   /* OrderEntry */
  TractChangeStamp   order_stamp;
  GArray            *found;   /* guint, indexes into order */
  gulong             handlers[4];
};

static void tract_agenda_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TractAgendaList, tract_agenda_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tract_agenda_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64 occurrence; /* rowid in event_occurrence */
  gint64 event_id;
  guint  day;        /* its local day, YYYYMMDD */
} OrderEntry;

/* "YYYY-MM-DD…" as YYYYMMDD, which orders as the text does. */
static guint
pack_day (const char *day)
{
  guint packed = 0;

  for (guint i = 0; i < 10 && day[i] != '\0'; i++)
    if (g_ascii_isdigit (day[i]))
      packed = packed * 10 + (guint) (day[i] - '0');
  return packed;
}

static void reload (TractAgendaList *self);

/* Series expanded per step: about 30 ms of work. */
#define SYNC_STEP 200

static gboolean
sync_step (TractAgendaList  *self,
           GError          **error)
{
  gboolean done = TRUE;

  if (!tract_agenda_query_sync_some (self->store, SYNC_STEP, NULL, &done, error))
    return TRUE; /* try again at the next change */
  return done;
}

static gboolean
on_sync_idle (gpointer user_data)
{
  TractAgendaList *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sync_step (self, &error))
    return G_SOURCE_CONTINUE;
  if (error != NULL)
    g_debug ("Occurrences not expanded yet: %s", error->message);
  self->sync_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Returns: whether the occurrences are all written; if not, the rest
 * follows from an idle callback, and the list reloads then. */
static gboolean
sync_occurrences (TractAgendaList *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sync_source != 0)
    return FALSE;
  if (sync_step (self, &error))
    {
      /* Another program writing (an import) keeps the file busy for a
       * while: the series are expanded at the next change instead. */
      if (error != NULL)
        g_debug ("Occurrences not expanded yet: %s", error->message);
      return TRUE;
    }
  self->sync_source = g_idle_add_full (G_PRIORITY_LOW, on_sync_idle, self, NULL);
  return FALSE;
}

/* Pages */

static TractRecord *
read_page_row (sqlite3_stmt *stmt)
{
  TractRecord *event = g_object_new (TRACT_TYPE_EVENT, NULL);

  tract_store_read_row (event, stmt, 4);
  g_object_freeze_notify (G_OBJECT (event));
  tract_record_set_text (event, "start_local", (const char *) sqlite3_column_text (stmt, 0));
  tract_record_set_text (event, "end_local", (const char *) sqlite3_column_text (stmt, 1));
  tract_record_set_integer (event, "start_utc", sqlite3_column_int64 (stmt, 2));
  tract_record_set_integer (event, "end_utc", sqlite3_column_int64 (stmt, 3));
  g_object_thaw_notify (G_OBJECT (event));
  return event;
}

/* A page of a search's results: the rows are known, read with one
 * statement naming them all (a place left empty names no row). */
static GPtrArray *
load_found_page (TractAgendaList *self,
                 guint            page)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint first = page * PAGE_SIZE;
  guint end = MIN (first + PAGE_SIZE, self->found->len);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "SELECT o.start_local, o.end_local, o.start_utc, o.end_utc, %s"
                        " FROM event_occurrence AS o JOIN event AS e ON e.id = o.event_id"
                        " WHERE o.rowid IN (?",
                   self->event_columns);
  for (guint i = 1; i < PAGE_SIZE; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ") ORDER BY o.day, o.start_utc, o.event_id");
  stmt = tract_store_prepare (self->store, sql->str, NULL);
  if (stmt == NULL)
    return rows;
  for (guint i = first; i < first + PAGE_SIZE; i++)
    {
      if (i < end)
        sqlite3_bind_int64 (stmt, (int) (i - first + 1),
                            g_array_index (self->order, OrderEntry, g_array_index (self->found, guint, i)).occurrence);
      else
        sqlite3_bind_null (stmt, (int) (i - first + 1));
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, read_page_row (stmt));
  sqlite3_reset (stmt);
  return rows;
}

static GPtrArray *
load_page (TractAgendaList *self,
           guint            page)
{
  GPtrArray *rows;
  /* The page's rows are found in the index alone, skipping OFFSET rows
   * without reading them; only then are the rows and events read. */
  g_autofree char *head = NULL;
  sqlite3_stmt *stmt;
  int index;

  if (self->found != NULL)
    return load_found_page (self, page);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  head = g_strdup_printf ("SELECT o.start_local, o.end_local, o.start_utc, o.end_utc, %s"
                          " FROM (SELECT o.rowid AS r FROM event_occurrence AS o",
                          self->event_columns);
  stmt = tract_agenda_query_prepare (self->store, &self->filter, head,
                                     " ORDER BY o.day, o.start_utc, o.event_id LIMIT ? OFFSET ?) AS p"
                                     " JOIN event_occurrence AS o ON o.rowid = p.r"
                                     " JOIN event AS e ON e.id = o.event_id"
                                     " ORDER BY o.day, o.start_utc, o.event_id",
                                     &index, NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_int64 (stmt, index++, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, index++, (gint64) page * PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, read_page_row (stmt));
  sqlite3_reset (stmt);
  return rows;
}

/* Keeps the pages nearest to the one a view reads: what it shows. */
static void
evict_far_page (TractAgendaList *self,
                guint            page)
{
  GHashTableIter iter;
  gpointer key;
  guint farthest = page;
  guint distance = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint other = GPOINTER_TO_UINT (key);
      guint d = other > page ? other - page : page - other;

      if (d >= distance)
        {
          distance = d;
          farthest = other;
        }
    }
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
}

static GType
tract_agenda_list_get_item_type (GListModel *model)
{
  return TRACT_TYPE_EVENT;
}

static guint
tract_agenda_list_get_n_items (GListModel *model)
{
  return TRACT_AGENDA_LIST (model)->n_items;
}

static gpointer
tract_agenda_list_get_item (GListModel *model,
                            guint       position)
{
  TractAgendaList *self = TRACT_AGENDA_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        evict_far_page (self, page);
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
tract_agenda_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tract_agenda_list_get_item_type;
  iface->get_n_items = tract_agenda_list_get_n_items;
  iface->get_item = tract_agenda_list_get_item;
}

/* Changes */

static void
set_n_items (TractAgendaList *self,
             guint            n_items)
{
  if (self->n_items == n_items)
    return;
  self->n_items = n_items;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Reads the search order again if the database changed since. */
static gboolean
read_search_order (TractAgendaList  *self,
                   GError          **error)
{
  TractAgendaFilter others = self->filter;
  TractChangeStamp stamp;
  sqlite3_stmt *stmt;
  int status;

  if (!tract_store_read_change_stamp (self->store, &stamp, error))
    return FALSE;
  if (self->order != NULL && memcmp (&stamp, &self->order_stamp, sizeof stamp) == 0)
    return TRUE;

  g_clear_pointer (&self->order, g_array_unref);
  others.search = NULL;
  stmt = tract_agenda_query_prepare (self->store, &others,
                                     "SELECT o.rowid, o.event_id, o.day FROM event_occurrence AS o",
                                     " ORDER BY o.day, o.start_utc, o.event_id", NULL, error);
  if (stmt == NULL)
    return FALSE;
  self->order = g_array_new (FALSE, FALSE, sizeof (OrderEntry));
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OrderEntry entry = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                           pack_day ((const char *) sqlite3_column_text (stmt, 2)) };

      g_array_append_val (self->order, entry);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      g_clear_pointer (&self->order, g_array_unref);
      return tract_store_set_sqlite_error (self->store, status, NULL, error);
    }
  self->order_stamp = stamp;
  return TRUE;
}

/* Finds the search's rows in the search order. */
static gboolean
find_in_search_order (TractAgendaList  *self,
                      GError          **error)
{
  g_autofree char *query = tract_search_query_from_text (self->filter.search);
  const TractSearchMatches *matches;

  g_clear_pointer (&self->found, g_array_unref);
  if (!read_search_order (self, error))
    return FALSE;
  matches = tract_search_matches_get (self->store, "event_search", query, error);
  if (matches == NULL)
    return FALSE;
  self->found = g_array_new (FALSE, FALSE, sizeof (guint));
  if (self->order->len > 0)
    tract_search_matches_select (matches, &g_array_index (self->order, OrderEntry, 0).event_id, self->order->len,
                                 sizeof (OrderEntry), self->found);
  return TRUE;
}

static void
forget_search_order (TractAgendaList *self)
{
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->found, g_array_unref);
}

static guint
count_items (TractAgendaList *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->found, g_array_unref);
  if (self->filter.search == NULL)
    return tract_agenda_query_count (self->store, &self->filter);
  if (find_in_search_order (self, &error))
    return self->found->len;
  /* The list still answers, through SQL. */
  g_debug ("Search not answered in memory: %s", error->message);
  return tract_agenda_query_count (self->store, &self->filter);
}

static void
reload (TractAgendaList *self)
{
  g_hash_table_remove_all (self->pages);
  tract_list_model_replace_all (G_LIST_MODEL (self), &self->n_items, count_items (self), properties[PROP_N_ITEMS]);
}

/* The search's rows after a change of one event, announced exactly: the
 * rows of other events keep their order and their match (the words are
 * in each event's own text), so the lists before and after differ only
 * by the event's rows. Checked, not assumed: otherwise FALSE, and the
 * caller reloads. */
static gboolean
place_found_changes (TractAgendaList *self,
                     gint64           event_id)
{
  g_autoptr(GArray) old_order = g_steal_pointer (&self->order);
  g_autoptr(GArray) old_found = g_steal_pointer (&self->found);
  g_autoptr(GError) error = NULL;
  guint i, j, n_old = 0, n_new = 0;

#define FOUND_EVENT(order, found, k) \
  (g_array_index ((order), OrderEntry, g_array_index ((found), guint, (k))).event_id)

  if (!find_in_search_order (self, &error))
    {
      g_debug ("Search not answered in memory: %s", error->message);
      return FALSE;
    }
  /* Both lists without the event's rows: the same events, in order. */
  for (i = 0, j = 0;; i++, j++)
    {
      while (i < old_found->len && FOUND_EVENT (old_order, old_found, i) == event_id)
        i++, n_old++;
      while (j < self->found->len && FOUND_EVENT (self->order, self->found, j) == event_id)
        j++, n_new++;
      if (i >= old_found->len || j >= self->found->len)
        break;
      if (FOUND_EVENT (old_order, old_found, i) != FOUND_EVENT (self->order, self->found, j))
        return FALSE;
    }
  if (i < old_found->len || j < self->found->len || n_old + n_new > MAX_PLACED)
    return FALSE;

  g_hash_table_remove_all (self->pages);
  /* Removals from the last, so that earlier positions hold; insertions
   * from the first, each where the final list has it. */
  for (i = old_found->len; i-- > 0;)
    if (FOUND_EVENT (old_order, old_found, i) == event_id)
      {
        set_n_items (self, self->n_items - 1);
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
      }
  for (j = 0; j < self->found->len; j++)
    if (FOUND_EVENT (self->order, self->found, j) == event_id)
      {
        set_n_items (self, self->n_items + 1);
        g_list_model_items_changed (G_LIST_MODEL (self), j, 0, 1);
      }
#undef FOUND_EVENT
  return TRUE;
}

/* How many rows of other events come before an occurrence of @event_id. */
static guint
count_others_before (TractAgendaList       *self,
                     gint64                 event_id,
                     const TractOccurrence *occurrence)
{
  char day[11];
  sqlite3_stmt *stmt;
  guint count = 0;
  int index;

  stmt = tract_agenda_query_prepare (self->store, &self->filter, "SELECT count(*) FROM event_occurrence AS o",
                                     " AND (o.day, o.start_utc, o.event_id) < (?, ?, ?) AND o.event_id <> ?",
                                     &index, NULL);
  if (stmt == NULL)
    return 0;
  g_strlcpy (day, occurrence->start_local, sizeof day);
  sqlite3_bind_text (stmt, index++, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, index++, occurrence->start_utc);
  sqlite3_bind_int64 (stmt, index++, event_id);
  sqlite3_bind_int64 (stmt, index++, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
same_occurrences (GArray *a,
                  GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      TractOccurrence *x = &g_array_index (a, TractOccurrence, i);
      TractOccurrence *y = &g_array_index (b, TractOccurrence, i);

      if (x->start_utc != y->start_utc || strncmp (x->start_local, y->start_local, 10) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
on_event_changed (TractStore      *store,
                  TractRecord     *before,
                  TractRecord     *after,
                  TractAgendaList *self)
{
  gint64 horizon_before = tract_agenda_query_get_horizon (self->store);
  gint64 horizon;
  gboolean was_here, is_here;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) new = NULL;
  gint64 event_id;
  gboolean synced;

  synced = sync_occurrences (self);
  horizon = tract_agenda_query_get_horizon (self->store);

  was_here = tract_agenda_filter_matches (&self->filter, before);
  is_here = tract_agenda_filter_matches (&self->filter, after);
  if (!was_here && !is_here && horizon == horizon_before)
    return;
  if (horizon != horizon_before || !synced)
    {
      reload (self);
      return;
    }
  if (tract_agenda_filter_needs_sql (&self->filter))
    {
      event_id = tract_record_get_id (before != NULL ? before : after);
      if (self->found == NULL || !place_found_changes (self, event_id))
        reload (self);
      return;
    }

  old = was_here ? tract_agenda_query_expand (before, horizon) : g_array_new (FALSE, FALSE, sizeof (TractOccurrence));
  new = is_here ? tract_agenda_query_expand (after, horizon) : g_array_new (FALSE, FALSE, sizeof (TractOccurrence));
  if (old->len + new->len > MAX_PLACED)
    {
      reload (self);
      return;
    }

  event_id = tract_record_get_id (before != NULL ? before : after);
  g_hash_table_remove_all (self->pages);

  if (same_occurrences (old, new))
    {
      /* The same places: the rows show new content. */
      for (guint i = 0; i < new->len; i++)
        {
          guint position = count_others_before (self, event_id, &g_array_index (new, TractOccurrence, i)) + i;

          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      return;
    }

  /* Removals from the last, so that earlier positions hold. */
  for (guint i = old->len; i-- > 0;)
    {
      guint position = count_others_before (self, event_id, &g_array_index (old, TractOccurrence, i)) + i;

      set_n_items (self, self->n_items - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  /* Insertions from the first: each lands where the final list has it. */
  for (guint i = 0; i < new->len; i++)
    {
      guint position = count_others_before (self, event_id, &g_array_index (new, TractOccurrence, i)) + i;

      set_n_items (self, self->n_items + 1);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

static void
on_events_reset (TractStore      *store,
                 TractAgendaList *self)
{
  sync_occurrences (self);
  reload (self);
}

/* Which events an organization takes part in. */
static void
on_links_changed (TractStore      *store,
                  TractRecord     *before,
                  TractRecord     *after,
                  TractAgendaList *self)
{
  TractRecord *link = before != NULL ? before : after;

  if (self->filter.organization_id == 0)
    return;
  if ((before != NULL && tract_record_get_integer (before, "organization_id") == self->filter.organization_id)
      || (after != NULL && tract_record_get_integer (after, "organization_id") == self->filter.organization_id)
      || link == NULL)
    reload (self);
}

static void
on_links_reset (TractStore      *store,
                TractAgendaList *self)
{
  if (self->filter.organization_id != 0)
    reload (self);
}

/* GObject */

static void
tract_agenda_list_dispose (GObject *object)
{
  TractAgendaList *self = TRACT_AGENDA_LIST (object);

  if (self->store != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
      g_clear_signal_handler (&self->handlers[i], self->store);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  forget_search_order (self);

  G_OBJECT_CLASS (tract_agenda_list_parent_class)->dispose (object);
}

static void
tract_agenda_list_finalize (GObject *object)
{
  TractAgendaList *self = TRACT_AGENDA_LIST (object);

  g_free ((char *) self->filter.kind);
  g_free ((char *) self->filter.status);
  g_free ((char *) self->filter.search);
  g_free (self->event_columns);

  G_OBJECT_CLASS (tract_agenda_list_parent_class)->finalize (object);
}

static void
tract_agenda_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TractAgendaList *self = TRACT_AGENDA_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_agenda_list_class_init (TractAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tract_agenda_list_dispose;
  object_class->finalize = tract_agenda_list_finalize;
  object_class->get_property = tract_agenda_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_agenda_list_init (TractAgendaList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tract_agenda_list_new:
 * @campaign_id: the campaign whose events to list, 0 for none
 */
TractAgendaList *
tract_agenda_list_new (TractStore *store,
                       gint64      campaign_id)
{
  TractAgendaList *self;
  g_auto(GStrv) columns = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  self = g_object_new (TRACT_TYPE_AGENDA_LIST, NULL);
  self->store = g_object_ref (store);
  self->filter.campaign_id = campaign_id;

  /* The event's columns, named through the join's alias. */
  columns = g_strsplit (tract_store_get_column_list (store, TRACT_TYPE_EVENT), ", ", 0);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      char *prefixed = g_strconcat ("e.", columns[i], NULL);

      g_free (columns[i]);
      columns[i] = prefixed;
    }
  self->event_columns = g_strjoinv (", ", columns);

  self->handlers[0] = g_signal_connect (store, "record-changed::event", G_CALLBACK (on_event_changed), self);
  self->handlers[1] = g_signal_connect (store, "table-reset::event", G_CALLBACK (on_events_reset), self);
  self->handlers[2] = g_signal_connect (store, "record-changed::event_organization",
                                        G_CALLBACK (on_links_changed), self);
  self->handlers[3] = g_signal_connect (store, "table-reset::event_organization",
                                        G_CALLBACK (on_links_reset), self);

  sync_occurrences (self);
  self->n_items = count_items (self);
  return self;
}

static void
set_text (TractAgendaList  *self,
          const char      **field,
          const char       *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free ((char *) *field);
  *field = g_strdup (value);
  forget_search_order (self);
  reload (self);
}

void
tract_agenda_list_set_campaign (TractAgendaList *self,
                                gint64           campaign_id)
{
  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));

  if (self->filter.campaign_id == campaign_id)
    return;
  self->filter.campaign_id = campaign_id;
  forget_search_order (self);
  reload (self);
}

/* @kind: (nullable): "rally"…, %NULL or "" for every kind */
void
tract_agenda_list_set_kind (TractAgendaList *self,
                            const char      *kind)
{
  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));
  set_text (self, &self->filter.kind, kind);
}

/* @status: (nullable): "tentative"…, %NULL or "" for every status */
void
tract_agenda_list_set_status (TractAgendaList *self,
                              const char      *status)
{
  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));
  set_text (self, &self->filter.status, status);
}

/* @organization_id: keep the events it takes part in, 0 for every event */
void
tract_agenda_list_set_organization (TractAgendaList *self,
                                    gint64           organization_id)
{
  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));

  if (self->filter.organization_id == organization_id)
    return;
  self->filter.organization_id = organization_id;
  forget_search_order (self);
  reload (self);
}

/* @text: (nullable): what the person typed: every word, as a prefix, in
 * the title, the place, the address or the description */
void
tract_agenda_list_set_search (TractAgendaList *self,
                              const char      *text)
{
  g_autofree char *old_query = NULL;
  g_autofree char *new_query = NULL;

  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));

  /* Typing a space or a quote changes the text, not the search. */
  old_query = self->filter.search != NULL ? tract_search_query_from_text (self->filter.search) : NULL;
  new_query = text != NULL ? tract_search_query_from_text (text) : NULL;
  g_free ((char *) self->filter.search);
  self->filter.search = new_query != NULL ? g_strdup (text) : NULL;
  if (g_strcmp0 (old_query, new_query) != 0)
    reload (self);
}

/**
 * tract_agenda_list_prepare_search:
 *
 * Reads now what a search needs, so that the first keystroke costs no
 * more than the next: for when the search entry takes the focus.
 */
void
tract_agenda_list_prepare_search (TractAgendaList *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRACT_IS_AGENDA_LIST (self));

  if (!read_search_order (self, &error))
    g_debug ("Search order not read: %s", error->message);
}

const TractAgendaFilter *
tract_agenda_list_get_filter (TractAgendaList *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), NULL);
  return &self->filter;
}

guint
tract_agenda_list_get_day_position (TractAgendaList *self,
                                    const char      *day)
{
  guint key, low = 0, high;

  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), 0);
  g_return_val_if_fail (day != NULL, 0);

  if (self->found == NULL)
    return tract_agenda_query_count_before_day (self->store, &self->filter, day);

  /* A search's rows are in memory, in order of their days: the first on
   * or after @day, found by halves. */
  key = pack_day (day);
  high = self->found->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->order, OrderEntry, g_array_index (self->found, guint, middle)).day < key)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

guint32
tract_agenda_list_get_days_with_events (TractAgendaList *self,
                                        int              year,
                                        int              month)
{
  g_autoptr(GError) error = NULL;
  guint32 days;

  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), 0);

  days = tract_agenda_query_days_with_events (self->store, &self->filter, year, month, &error);
  if (error != NULL)
    g_debug ("No marks for %04d-%02d: %s", year, month, error->message);
  return days;
}

gboolean
tract_agenda_list_find_event (TractAgendaList *self,
                              gint64           event_id,
                              const char      *day,
                              guint           *position)
{
  static const char * const queries[] = {
    "SELECT day, start_utc FROM event_occurrence WHERE event_id = ? AND day >= ?"
    " ORDER BY day, start_utc LIMIT 1",
    "SELECT day, start_utc FROM event_occurrence WHERE event_id = ? AND day < ?"
    " ORDER BY day DESC, start_utc DESC LIMIT 1",
  };

  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = tract_store_prepare (self->store, queries[i], NULL);
      g_autofree char *found_day = NULL;
      gint64 start_utc = 0;
      guint before = 0, shown = 0;
      int index;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found_day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          start_utc = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (found_day == NULL)
        continue;

      /* Shown at all, with the filters? And where. */
      stmt = tract_agenda_query_prepare (self->store, &self->filter, "SELECT count(*) FROM event_occurrence AS o",
                                         " AND o.event_id = ? AND o.start_utc = ?", &index, NULL);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, index++, event_id);
      sqlite3_bind_int64 (stmt, index++, start_utc);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        shown = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      stmt = tract_agenda_query_prepare (self->store, &self->filter, "SELECT count(*) FROM event_occurrence AS o",
                                         " AND (o.day, o.start_utc, o.event_id) < (?, ?, ?)", &index, NULL);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, index++, found_day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, index++, start_utc);
      sqlite3_bind_int64 (stmt, index++, event_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        before = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (shown == 0)
        return FALSE;
      if (position != NULL)
        *position = before;
      return TRUE;
    }
  return FALSE;
}

guint
tract_agenda_list_get_event_ids (TractAgendaList *self,
                                 guint            first,
                                 guint            n_items,
                                 gint64          *ids)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int index;

  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), 0);
  g_return_val_if_fail (ids != NULL || n_items == 0, 0);

  if (n_items == 0 || first >= self->n_items)
    return 0;
  if (self->found != NULL)
    {
      for (guint i = first; i < self->found->len && n < n_items; i++)
        ids[n++] = g_array_index (self->order, OrderEntry, g_array_index (self->found, guint, i)).event_id;
      return n;
    }
  stmt = tract_agenda_query_prepare (self->store, &self->filter, "SELECT o.event_id FROM event_occurrence AS o",
                                     " ORDER BY o.day, o.start_utc, o.event_id LIMIT ? OFFSET ?", &index, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, index++, n_items);
  sqlite3_bind_int64 (stmt, index++, first);
  while (n < n_items && sqlite3_step (stmt) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

guint
tract_agenda_list_get_n_loaded (TractAgendaList *self)
{
  GHashTableIter iter;
  gpointer rows;
  guint n = 0;

  g_return_val_if_fail (TRACT_IS_AGENDA_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    n += ((GPtrArray *) rows)->len;
  return n;
}
