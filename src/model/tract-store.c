/* tract-store.c — one SQLite file, one collective
 *
 * The store owns the connection. Every change runs in a transaction (a
 * savepoint when nested) that rolls back on failure, and the signals that
 * tell lists and editors what changed are emitted only once the outermost
 * transaction has committed: a rolled-back change is never announced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tract-schema.h"
#include "tract-search-matches.h"
#include "tract-store-private.h"

/* Error domain, extended with the column the error is about. */

typedef struct
{
  char *field;
} TractStoreErrorPrivate;

static void
tract_store_error_private_init (TractStoreErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
tract_store_error_private_copy (const TractStoreErrorPrivate *src,
                                TractStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
tract_store_error_private_clear (TractStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (TractStoreError, tract_store_error)

const char *
tract_store_error_get_field (const GError *error)
{
  TractStoreErrorPrivate *priv = tract_store_error_get_private (error);

  return priv != NULL ? priv->field : NULL;
}

void
tract_store_set_field_error (GError     **error,
                             int          code,
                             const char  *field,
                             const char  *format,
                             ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (TRACT_STORE_ERROR, code, message);
  if (field != NULL)
    tract_store_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

/* The store */

/* What a transaction changed in one table. A single row is announced as
 * such; more rows are announced as a reset, so the rows are not kept: an
 * import of 100,000 events holds no copies of them until it commits. */
typedef struct
{
  char        *table;
  guint        n_changes;
  gboolean     deleted;  /* rows of tables that reference this one may be gone too */
  TractRecord *before;   /* of the only change; NULL when inserted */
  TractRecord *after;    /* of the only change; NULL when deleted */
} PendingChange;

static void
pending_change_free (gpointer data)
{
  PendingChange *change = data;

  g_free (change->table);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

typedef struct
{
  char *columns;    /* "id, a, b" */
  char *select;     /* SELECT id, a, b FROM t */
  char *insert;
  char *update;
} TableSql;

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->columns);
  g_free (sql->select);
  g_free (sql->insert);
  g_free (sql->update);
  g_free (sql);
}

struct _TractStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL → sqlite3_stmt */
  GHashTable *table_sql;   /* GType → TableSql */
  GHashTable *children;    /* table → GPtrArray of tables whose rows cascade from it */
  GPtrArray  *pending;     /* PendingChange, announced after commit */
  guint       depth;       /* transaction nesting */
};

G_DEFINE_FINAL_TYPE (TractStore, tract_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  TABLE_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tract_store_finalize (GObject *object)
{
  TractStore *self = TRACT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->table_sql, g_hash_table_unref);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->db != NULL)
    {
      /* Keeps the query planner's statistics fresh, as SQLite recommends at close. */
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tract_store_parent_class)->finalize (object);
}

static void
tract_store_class_init (TractStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tract_store_finalize;

  /**
   * TractStore::record-changed:
   * @before: (nullable): the row before the change, %NULL when it was inserted
   * @after: (nullable): the row after the change, %NULL when it was deleted
   *
   * One row of the table named in the detail changed, and the transaction
   * has committed. When one transaction changes several rows of a table,
   * #TractStore::table-reset is emitted for that table instead.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TRACT_TYPE_RECORD, TRACT_TYPE_RECORD);

  /**
   * TractStore::table-reset:
   *
   * Any number of rows of the table named in the detail may have changed.
   */
  signals[TABLE_RESET] =
    g_signal_new ("table-reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tract_store_init (TractStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->table_sql = g_hash_table_new_full (NULL, NULL, NULL, table_sql_free);
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_ptr_array_new_with_free_func (pending_change_free);
}

char *
tract_store_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Errors */

static const char *
column_label (TractRecord *record,
              const char  *name)
{
  int column;

  if (record == NULL)
    return name;
  column = tract_record_find_column (record, name);
  if (column < 0)
    return name;
  return g_dgettext (GETTEXT_PACKAGE, tract_record_get_columns (record, NULL)[column].label);
}

gboolean
tract_store_set_sqlite_error (TractStore  *self,
                              int          status,
                              TractRecord *record,
                              GError     **error)
{
  const char *message = sqlite3_errmsg (self->db);
  int extended = sqlite3_extended_errcode (self->db);

  switch (status & 0xff)
    {
    case SQLITE_CONSTRAINT:
      if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          /* "UNIQUE constraint failed: organization.name[, …]" */
          const char *dot = strrchr (message, '.');
          g_autofree char *field = g_strdup (dot != NULL ? dot + 1 : "");
          const char *value = "";

          g_strdelimit (field, ", ", '\0');
          if (record != NULL && tract_record_find_column (record, field) >= 0
              && tract_record_get_columns (record, NULL)[tract_record_find_column (record, field)].type
                 == TRACT_COLUMN_TEXT)
            value = tract_record_get_text (record, field);
          tract_store_set_field_error (error, TRACT_STORE_ERROR_DUPLICATE, field,
                                       _("%s: “%s” is already taken; choose another one."),
                                       column_label (record, field), value);
        }
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
        tract_store_set_field_error (error, TRACT_STORE_ERROR_NOT_FOUND, NULL,
                                     _("This refers to an entry that no longer exists, or is still "
                                       "used by another one."));
      else
        tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, NULL,
                                     _("The database refused the change: %s."), message);
      return FALSE;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program; close it and try again."),
                   self->path);
      return FALSE;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s); restore it from a backup."),
                   self->path, message);
      return FALSE;

    case SQLITE_FULL:
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_FAILED,
                   _("The disk holding “%s” is full; free some space and try again."),
                   self->path);
      return FALSE;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be written (%s); check its permissions."),
                   self->path, message);
      return FALSE;

    default:
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s."), self->path, message);
      return FALSE;
    }
}

gboolean
tract_store_read_change_stamp (TractStore       *self,
                               TractChangeStamp *stamp,
                               GError          **error)
{
  sqlite3_stmt *stmt = tract_store_prepare (self, "PRAGMA data_version", error);
  int status;

  if (stmt == NULL)
    return FALSE;
  status = sqlite3_step (stmt);
  stamp->data_version = status == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (status != SQLITE_ROW)
    return tract_store_set_sqlite_error (self, status, NULL, error);
  stamp->total_changes = sqlite3_total_changes64 (self->db);
  return TRUE;
}

/* Returns: (transfer full) (nullable): the first column of every row */
GArray *
tract_store_step_integers (TractStore    *self,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 64);
  int status;

  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (values, value);
    }
  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

/* Statements */

sqlite3 *
tract_store_get_connection (TractStore *self)
{
  return self->db;
}

sqlite3_stmt *
tract_store_prepare (TractStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int status;

  if (stmt != NULL)
    {
      g_assert (!sqlite3_stmt_busy (stmt));
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  status = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (status != SQLITE_OK)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (TractStore  *self,
      const char  *sql,
      GError     **error)
{
  int status = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (status != SQLITE_OK)
    return tract_store_set_sqlite_error (self, status, NULL, error);
  return TRUE;
}

static gint64
query_integer (TractStore *self,
               const char *sql,
               int        *status)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *status = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (*status == SQLITE_OK)
    {
      *status = sqlite3_step (stmt);
      if (*status == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          *status = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

/* Opening */

char *
tract_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tract", "tract.db", NULL);
}

const char *
tract_store_get_path (TractStore *self)
{
  g_return_val_if_fail (TRACT_IS_STORE (self), NULL);
  return self->path;
}

int
tract_store_get_schema_version (TractStore *self)
{
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (self), -1);
  return (int) query_integer (self, "PRAGMA user_version", &status);
}

/* SQLite creates files 0644 minus the umask; a collective's contacts are
 * nobody else's business, so the file is created 0600 before SQLite sees it. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s."), directory, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot create the database “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* Refuses a file that is not SQLite before SQLite gets a chance to treat it
 * as an empty database and write over it.
 *
 * The header is read through SQLite's own file layer, not open()/close():
 * closing any descriptor of a file drops every POSIX lock the process
 * holds on it, so a second store on a file this process already has open
 * (an export running in a thread) would strip the first one of its locks,
 * and SQLite would then take the WAL for abandoned. SQLite's unix layer
 * keeps such descriptors open until the file is no longer locked. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 ((gsize) vfs->szOsFile);
  char header[16] = { 0 };
  sqlite3_int64 size = 0;
  int out_flags = 0;
  int status;

  status = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (status != SQLITE_OK)
    {
      /* A layer that set its methods must be closed even after a failure. */
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s."), path, sqlite3_errstr (status));
      return FALSE;
    }
  status = file->pMethods->xFileSize (file, &size);
  if (status == SQLITE_OK && size > 0)
    status = file->pMethods->xRead (file, header, sizeof header, 0);
  file->pMethods->xClose (file);

  if (status != SQLITE_OK && status != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s."), path, sqlite3_errstr (status));
      return FALSE;
    }
  if (size == 0)
    return TRUE; /* a new, empty file */
  if (status == SQLITE_IOERR_SHORT_READ || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Tract database: it is not a SQLite file."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
back_up (TractStore  *self,
         int          version,
         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = g_strdup_printf ("%s.v%d-%s.bak", self->path, version, stamp);
  sqlite3_stmt *stmt = NULL;
  int status;

  /* VACUUM INTO takes a consistent copy, WAL content included. */
  status = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (status == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
      status = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (status != SQLITE_DONE)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot back up “%s” to “%s” before upgrading it: %s."),
                   self->path, backup, sqlite3_errmsg (self->db));
      return FALSE;
    }
  g_chmod (backup, 0600);
  g_debug ("backed up %s to %s", self->path, backup);
  return TRUE;
}

static gboolean
migrate (TractStore  *self,
         int          version,
         GError     **error)
{
  guint n_migrations;
  const char * const *migrations = tract_schema_get_migrations (&n_migrations);
  g_autofree char *set_version = NULL;

  g_assert (n_migrations == TRACT_STORE_SCHEMA_VERSION);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = (guint) version; i < n_migrations; i++)
    if (!exec (self, migrations[i], error))
      goto fail;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", TRACT_STORE_SCHEMA_VERSION);
  if (!exec (self, set_version, error) || !exec (self, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_prefix_error (error, _("Cannot upgrade the database “%s”: "), self->path);
  return FALSE;
}

/* Which tables lose rows when a row of another is deleted (ON DELETE CASCADE
 * or SET NULL): their lists must reload after such a delete. */
static void
map_children (TractStore *self)
{
  sqlite3_stmt *tables = NULL;

  sqlite3_prepare_v2 (self->db,
                      "SELECT m.name, f.\"table\" FROM sqlite_schema AS m,"
                      " pragma_foreign_key_list (m.name) AS f"
                      " WHERE m.type = 'table' AND f.on_delete IN ('CASCADE', 'SET NULL')",
                      -1, &tables, NULL);
  while (tables != NULL && sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *child = (const char *) sqlite3_column_text (tables, 0);
      const char *parent = (const char *) sqlite3_column_text (tables, 1);
      GPtrArray *list = g_hash_table_lookup (self->children, parent);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->children, g_strdup (parent), list);
        }
      if (!g_ptr_array_find_with_equal_func (list, child, g_str_equal, NULL))
        g_ptr_array_add (list, g_strdup (child));
    }
  sqlite3_finalize (tables);
}

/**
 * tract_store_keep_freed_memory:
 *
 * For a process that searches: call once, first thing in main(). FTS5
 * builds the matches of a word's prefix in buffers of megabytes, freed at
 * the end of each query; glibc hands blocks that large back to the kernel
 * (mmap, or trimming the heap), and the next keystroke faults every page
 * of them in again: half of a keystroke's time with 100,000 events on a
 * virtual machine. Blocks up to 16 MiB stay in the heap instead, and up to
 * 32 MiB of free heap is kept for the next query.
 */
void
tract_store_keep_freed_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 16 << 20);
  mallopt (M_TRIM_THRESHOLD, 32 << 20);
#endif
}

/* Before SQLite's first use in the process, which sqlite3_config() must
 * precede. Memory statistics put one global mutex around every allocation
 * SQLite makes, in every thread; nothing here reads them. */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

TractStore *
tract_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(TractStore) self = NULL;
  int status;
  int version;
  gint64 n_tables;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  configure_sqlite ();
  if (!create_private_file (path, error) || !check_header (path, error))
    return NULL;

  self = g_object_new (TRACT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  status = sqlite3_open_v2 (path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                            NULL);
  if (status != SQLITE_OK)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s."), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (status));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* Read before anything writes: a newer or damaged file is left untouched. */
  version = (int) query_integer (self, "PRAGMA user_version", &status);
  if (status != SQLITE_OK)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }
  if (version > TRACT_STORE_SCHEMA_VERSION || version < 0)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Tract (format %d; "
                     "this version reads up to %d). Update Tract to open it."),
                   path, version, TRACT_STORE_SCHEMA_VERSION);
      return NULL;
    }
  n_tables = query_integer (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &status);
  if (status != SQLITE_OK)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }
  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, TRACT_STORE_ERROR, TRACT_STORE_ERROR_CORRUPT,
                   _("“%s” is a SQLite database of another program, not a Tract database."), path);
      return NULL;
    }

  /* A new file gets pages of 16 kB rather than 4: a quarter as many pages
   * to write, journal and copy back for the same rows (an import of
   * 100,000 events commits in 0.4 s instead of 0.6), and no slower to
   * read a screenful (tests/bench/agenda). Only a file not yet written
   * can choose; older files keep theirs. */
  if (version == 0 && !exec (self, "PRAGMA page_size = 16384", error))
    return NULL;
  if (!exec (self, "PRAGMA journal_mode = WAL", error)
      || !exec (self, "PRAGMA synchronous = FULL", error)
      || !exec (self, "PRAGMA foreign_keys = ON", error)
      /* Every write is a savepoint inside a transaction: keep their
       * journals in memory rather than in temporary files. */
      || !exec (self, "PRAGMA temp_store = MEMORY", error)
      || !exec (self, "PRAGMA cache_size = -16384", error))
    return NULL;

  if (version < TRACT_STORE_SCHEMA_VERSION)
    {
      if (version > 0 && !back_up (self, version, error))
        return NULL;
      if (!migrate (self, version, error))
        return NULL;
    }

  map_children (self);
  if (!tract_search_matches_install (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Transactions */

static void
announce (TractStore *self,
          GPtrArray  *changes)
{
  g_autoptr(GPtrArray) reset = g_ptr_array_new ();

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = g_ptr_array_index (changes, i);
      GPtrArray *children = change->deleted ? g_hash_table_lookup (self->children, change->table) : NULL;

      for (guint j = 0; children != NULL && j < children->len; j++)
        if (!g_ptr_array_find_with_equal_func (reset, children->pdata[j], g_str_equal, NULL))
          g_ptr_array_add (reset, children->pdata[j]);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = g_ptr_array_index (changes, i);

      if (change->n_changes == 1)
        g_signal_emit (self, signals[RECORD_CHANGED], g_quark_from_string (change->table),
                       change->before, change->after);
      else if (!g_ptr_array_find_with_equal_func (reset, change->table, g_str_equal, NULL))
        g_ptr_array_add (reset, change->table);
    }

  for (guint i = 0; i < reset->len; i++)
    g_signal_emit (self, signals[TABLE_RESET], g_quark_from_string (reset->pdata[i]));
}

/**
 * tract_store_run:
 *
 * Runs @func in a transaction: everything it writes is committed together,
 * or, when it fails, rolled back together. Calls nest.
 */
gboolean
tract_store_run (TractStore      *self,
                 TractStoreFunc   func,
                 gpointer         user_data,
                 GError         **error)
{
  g_autofree char *savepoint = NULL;
  guint pending_before;
  gboolean ok;

  g_return_val_if_fail (TRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pending_before = self->pending->len;

  if (self->depth == 0)
    {
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      savepoint = g_strdup_printf ("SAVEPOINT tract_%u", self->depth);
      if (!exec (self, savepoint, error))
        return FALSE;
    }

  self->depth++;
  ok = func (self, user_data, error);
  self->depth--;

  if (self->depth == 0)
    {
      if (ok && exec (self, "COMMIT", error))
        {
          g_autoptr(GPtrArray) changes = g_steal_pointer (&self->pending);

          self->pending = g_ptr_array_new_with_free_func (pending_change_free);
          announce (self, changes);
          return TRUE;
        }
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_ptr_array_set_size (self->pending, 0);
      return FALSE;
    }
  else
    {
      g_autofree char *release = g_strdup_printf ("RELEASE tract_%u", self->depth);

      if (!ok)
        {
          g_autofree char *rollback = g_strdup_printf ("ROLLBACK TO tract_%u", self->depth);

          sqlite3_exec (self->db, rollback, NULL, NULL, NULL);
          /* Tables first changed inside the savepoint were not changed after
           * all; those changed before it may have been changed again inside,
           * and are announced as reset: never wrong, at worst more work. */
          g_ptr_array_set_size (self->pending, pending_before);
          for (guint i = 0; i < self->pending->len; i++)
            {
              PendingChange *change = g_ptr_array_index (self->pending, i);

              change->n_changes = MAX (change->n_changes, 2);
              g_clear_object (&change->before);
              g_clear_object (&change->after);
            }
        }
      sqlite3_exec (self->db, release, NULL, NULL, NULL);
      return ok;
    }
}

static void
queue_change (TractStore  *self,
              const char  *table,
              TractRecord *before,
              TractRecord *after)
{
  PendingChange *change = NULL;

  for (guint i = 0; i < self->pending->len && change == NULL; i++)
    if (g_str_equal (((PendingChange *) g_ptr_array_index (self->pending, i))->table, table))
      change = g_ptr_array_index (self->pending, i);

  if (change == NULL)
    {
      change = g_new0 (PendingChange, 1);
      change->table = g_strdup (table);
      change->before = before != NULL ? g_object_ref (before) : NULL;
      change->after = after != NULL ? tract_record_copy (after) : NULL;
      g_ptr_array_add (self->pending, change);
    }
  else
    {
      g_clear_object (&change->before);
      g_clear_object (&change->after);
    }
  change->n_changes++;
  change->deleted |= after == NULL;
}

void
tract_store_notify_table_reset (TractStore *self,
                                const char *table)
{
  g_return_if_fail (TRACT_IS_STORE (self));

  /* Cached statements may hold stale schema or data pages: nothing to do,
   * SQLite re-reads; only the listeners need telling. */
  g_signal_emit (self, signals[TABLE_RESET], g_quark_from_string (table));
}

/* Rows ↔ records */

static TableSql *
get_table_sql (TractStore *self,
               GType       type)
{
  TableSql *sql = g_hash_table_lookup (self->table_sql, GSIZE_TO_POINTER (type));
  TractRecordClass *klass;
  g_autoptr(GString) columns = NULL;
  g_autoptr(GString) placeholders = NULL;
  g_autoptr(GString) assignments = NULL;

  if (sql != NULL)
    return sql;

  klass = g_type_class_ref (type);
  columns = g_string_new ("id");
  placeholders = g_string_new ("?");
  assignments = g_string_new (NULL);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_string_append_printf (columns, ", %s", klass->columns[i].name);
      g_string_append_printf (placeholders, ", ?%u", i + 2);
      g_string_append_printf (assignments, "%s%s = ?%u", i > 0 ? ", " : "",
                              klass->columns[i].name, i + 2);
    }

  sql = g_new0 (TableSql, 1);
  sql->columns = g_strdup (columns->str);
  sql->select = g_strdup_printf ("SELECT %s FROM %s", columns->str, klass->table);
  sql->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                 klass->table, columns->str, placeholders->str);
  sql->update = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", klass->table, assignments->str);
  g_hash_table_insert (self->table_sql, GSIZE_TO_POINTER (type), sql);
  g_type_class_unref (klass);
  return sql;
}

const char *
tract_store_get_column_list (TractStore *self,
                             GType       type)
{
  return get_table_sql (self, type)->columns;
}

void
tract_store_read_row (TractRecord  *record,
                      sqlite3_stmt *stmt,
                      int           first_column)
{
  guint n_columns;
  const TractColumn *columns = tract_record_get_columns (record, &n_columns);

  tract_record_set_id (record, sqlite3_column_int64 (stmt, first_column));
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < n_columns; i++)
    {
      int index = first_column + 1 + (int) i;
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean is_null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

      switch (columns[i].type)
        {
        case TRACT_COLUMN_TEXT:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, is_null ? "" : (const char *) sqlite3_column_text (stmt, index));
          break;
        case TRACT_COLUMN_INTEGER:
        case TRACT_COLUMN_REFERENCE:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, index));
          break;
        case TRACT_COLUMN_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, index) != 0);
          break;
        case TRACT_COLUMN_REAL:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, is_null ? NAN : sqlite3_column_double (stmt, index));
          break;
        default:
          g_assert_not_reached ();
        }
      tract_record_set_value (record, i, &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
}

void
tract_store_bind_value (sqlite3_stmt      *stmt,
                        int                index,
                        const TractColumn *column,
                        const GValue      *value)
{
  gboolean null_when_empty = (column->flags & TRACT_COLUMN_NULL_WHEN_EMPTY) != 0;

  switch (column->type)
    {
    case TRACT_COLUMN_TEXT:
      {
        const char *text = g_value_get_string (value);

        if (text == NULL || (null_when_empty && *text == '\0'))
          sqlite3_bind_null (stmt, index);
        else
          sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      }
      break;
    case TRACT_COLUMN_INTEGER:
    case TRACT_COLUMN_REFERENCE:
      if (g_value_get_int64 (value) == 0
          && (null_when_empty || column->type == TRACT_COLUMN_REFERENCE))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case TRACT_COLUMN_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case TRACT_COLUMN_REAL:
      if (isnan (g_value_get_double (value)))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_record (sqlite3_stmt *stmt,
             TractRecord  *record)
{
  guint n_columns;
  const TractColumn *columns = tract_record_get_columns (record, &n_columns);

  for (guint i = 0; i < n_columns; i++)
    tract_store_bind_value (stmt, (int) i + 2, &columns[i], tract_record_get_value (record, i));
}

static gboolean
step_done (TractStore   *self,
           sqlite3_stmt *stmt,
           TractRecord  *record,
           GError      **error)
{
  int status = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (status != SQLITE_DONE)
    return tract_store_set_sqlite_error (self, status, record, error);
  return TRUE;
}

static gpointer
load_row (TractStore  *self,
          GType        type,
          gint64       id,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE id = ?", get_table_sql (self, type)->select);
  sqlite3_stmt *stmt = tract_store_prepare (self, sql, error);
  g_autoptr(TractRecord) record = NULL;
  int status;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  status = sqlite3_step (stmt);
  if (status == SQLITE_ROW)
    {
      record = g_object_new (type, NULL);
      tract_store_read_row (record, stmt, 0);
    }
  sqlite3_reset (stmt);

  if (status == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      tract_store_set_field_error (error, TRACT_STORE_ERROR_NOT_FOUND, NULL,
                                   _("There is no entry number %s any more; it may have been deleted."),
                                   number);
      return NULL;
    }
  if (status != SQLITE_ROW)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&record);
}

gpointer
tract_store_load (TractStore  *self,
                  GType        type,
                  gint64       id,
                  GError     **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, TRACT_TYPE_RECORD), NULL);

  return load_row (self, type, id, error);
}

gpointer
tract_store_find (TractStore *self,
                  GType       type,
                  const char *column,
                  const char *value)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  TractRecord *record = NULL;

  g_return_val_if_fail (TRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, TRACT_TYPE_RECORD), NULL);

  sql = g_strdup_printf ("%s WHERE %s = ? ORDER BY id LIMIT 1",
                         get_table_sql (self, type)->select, column);
  stmt = tract_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      record = g_object_new (type, NULL);
      tract_store_read_row (record, stmt, 0);
    }
  sqlite3_reset (stmt);
  return record;
}

/**
 * tract_store_select:
 * @column: (nullable): a column to filter on, or %NULL for every row
 * @order_by: (nullable): an ORDER BY clause written by the program, never by a user
 *
 * Returns: (transfer full): the matching rows. For short lists only (the
 * contacts of one organization, the signatures of one statement); long ones
 * go through #TractRecordList.
 */
GPtrArray *
tract_store_select (TractStore  *self,
                    GType        type,
                    const char  *column,
                    gint64       value,
                    const char  *order_by,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int status;

  g_return_val_if_fail (TRACT_IS_STORE (self), NULL);

  sql = g_strdup_printf ("%s%s%s%s ORDER BY %s",
                         get_table_sql (self, type)->select,
                         column != NULL ? " WHERE " : "",
                         column != NULL ? column : "",
                         column != NULL ? " = ?" : "",
                         order_by != NULL ? order_by : "id");
  stmt = tract_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);
  while ((status = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractRecord *record = g_object_new (type, NULL);

      tract_store_read_row (record, stmt, 0);
      g_ptr_array_add (rows, record);
    }
  sqlite3_reset (stmt);

  if (status != SQLITE_DONE)
    {
      tract_store_set_sqlite_error (self, status, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
tract_store_count (TractStore *self,
                   GType       type,
                   const char *column,
                   gint64      value)
{
  g_autofree char *sql = NULL;
  TractRecordClass *klass;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (TRACT_IS_STORE (self), 0);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s%s%s%s", klass->table,
                         column != NULL ? " WHERE " : "",
                         column != NULL ? column : "",
                         column != NULL ? " = ?" : "");
  g_type_class_unref (klass);

  stmt = tract_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Writing */

/* Columns the store keeps itself: stamps, the event UID, SEQUENCE. */
static void
set_managed_columns (TractRecord *record,
                     TractRecord *before)
{
  g_autofree char *now = tract_store_now_utc ();
  guint n_columns;
  const TractColumn *columns = tract_record_get_columns (record, &n_columns);
  gboolean visible_change = FALSE;

  if (before != NULL)
    for (guint i = 0; i < n_columns; i++)
      if ((columns[i].flags & TRACT_COLUMN_CALENDAR_VISIBLE)
          && !tract_record_column_equal (record, before, i))
        visible_change = TRUE;

  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = columns[i].name;

      if (!(columns[i].flags & TRACT_COLUMN_MANAGED))
        continue;

      if (g_str_equal (name, "modified_utc"))
        tract_record_set_text (record, name, now);
      else if (before != NULL && g_str_equal (name, "sequence"))
        tract_record_set_integer (record, name,
                                  tract_record_get_integer (before, name) + (visible_change ? 1 : 0));
      else if (before != NULL)
        tract_record_set_value (record, i, tract_record_get_value (before, i));
      else if (g_str_equal (name, "created_utc"))
        tract_record_set_text (record, name, now);
      else if (g_str_equal (name, "uid") && *tract_record_get_text (record, name) == '\0')
        {
          g_autofree char *uuid = g_uuid_string_random ();
          tract_record_set_text (record, name, uuid);
        }
    }
}

static gboolean
insert_in_transaction (TractStore  *self,
                       gpointer     user_data,
                       GError     **error)
{
  TractRecord *record = user_data;
  sqlite3_stmt *stmt;

  if (!tract_record_check (record, error))
    return FALSE;
  set_managed_columns (record, NULL);

  stmt = tract_store_prepare (self, get_table_sql (self, G_OBJECT_TYPE (record))->insert, error);
  if (stmt == NULL)
    return FALSE;

  if (tract_record_get_id (record) > 0)
    sqlite3_bind_int64 (stmt, 1, tract_record_get_id (record));
  else
    sqlite3_bind_null (stmt, 1);
  bind_record (stmt, record);
  if (!step_done (self, stmt, record, error))
    return FALSE;

  tract_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  queue_change (self, tract_record_get_table (record), NULL, record);
  return TRUE;
}

/**
 * tract_store_insert:
 *
 * Validates @record and adds it; on success its id (and, for an event, its
 * UID) is set. On failure nothing is written and @error names the field.
 */
gboolean
tract_store_insert (TractStore   *self,
                    TractRecord  *record,
                    GError      **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRACT_IS_RECORD (record), FALSE);

  return tract_store_run (self, insert_in_transaction, record, error);
}

static gboolean
update_in_transaction (TractStore  *self,
                       gpointer     user_data,
                       GError     **error)
{
  TractRecord *record = user_data;
  g_autoptr(TractRecord) before = NULL;
  g_autoptr(TractRecord) candidate = NULL;
  sqlite3_stmt *stmt;
  guint n_columns;
  gboolean changed = FALSE;

  before = load_row (self, G_OBJECT_TYPE (record), tract_record_get_id (record), error);
  if (before == NULL)
    return FALSE;
  if (!tract_record_check (record, error))
    return FALSE;

  /* Compare on a copy so that a refused write leaves the caller's managed
   * columns as they were. */
  candidate = tract_record_copy (record);
  tract_record_get_columns (record, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (!(tract_record_get_columns (record, NULL)[i].flags & TRACT_COLUMN_MANAGED)
        && !tract_record_column_equal (candidate, before, i))
      changed = TRUE;
  if (!changed)
    {
      /* Nothing to write; the caller still sees the stored stamps. */
      for (guint i = 0; i < n_columns; i++)
        tract_record_set_value (record, i, tract_record_get_value (before, i));
      return TRUE;
    }

  set_managed_columns (candidate, before);

  stmt = tract_store_prepare (self, get_table_sql (self, G_OBJECT_TYPE (record))->update, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tract_record_get_id (record));
  bind_record (stmt, candidate);
  if (!step_done (self, stmt, record, error))
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    tract_record_set_value (record, i, tract_record_get_value (candidate, i));
  queue_change (self, tract_record_get_table (record), before, candidate);
  return TRUE;
}

/**
 * tract_store_update:
 *
 * Validates @record and writes all its fields over the stored row. SEQUENCE
 * increments when a calendar-visible field changed; stamps follow.
 */
gboolean
tract_store_update (TractStore   *self,
                    TractRecord  *record,
                    GError      **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRACT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (tract_record_get_id (record) > 0, FALSE);

  return tract_store_run (self, update_in_transaction, record, error);
}

static gboolean
delete_in_transaction (TractStore  *self,
                       gpointer     user_data,
                       GError     **error)
{
  TractRecord *record = user_data;
  g_autoptr(TractRecord) before = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  before = load_row (self, G_OBJECT_TYPE (record), tract_record_get_id (record), error);
  if (before == NULL)
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", tract_record_get_table (record));
  stmt = tract_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tract_record_get_id (record));
  if (!step_done (self, stmt, record, error))
    return FALSE;

  queue_change (self, tract_record_get_table (record), before, NULL);
  return TRUE;
}

gboolean
tract_store_delete (TractStore   *self,
                    TractRecord  *record,
                    GError      **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRACT_IS_RECORD (record), FALSE);

  return tract_store_run (self, delete_in_transaction, record, error);
}
