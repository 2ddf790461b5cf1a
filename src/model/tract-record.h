/* tract-record.h — the base of every row Tract keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TRACT_COLUMN_TEXT,
  TRACT_COLUMN_INTEGER,
  TRACT_COLUMN_BOOLEAN,
  TRACT_COLUMN_REAL,
  TRACT_COLUMN_REFERENCE,
} TractColumnType;

/* What saving checks, column by column, before anything is written. */
typedef enum
{
  TRACT_CHECK_NONE      = 0,
  TRACT_CHECK_REQUIRED  = 1 << 0, /* not empty once blanks are trimmed */
  TRACT_CHECK_EMAIL     = 1 << 1, /* empty, or a plausible address */
  TRACT_CHECK_URL       = 1 << 2, /* empty, or an http(s) URL */
  TRACT_CHECK_DATE      = 1 << 3, /* empty, or a real YYYY-MM-DD day */
  TRACT_CHECK_TIME_ZONE = 1 << 4, /* an IANA zone name this system knows */
  TRACT_CHECK_LANGUAGE  = 1 << 5, /* a BCP 47 language tag such as "fr" or "pt-BR" */
} TractCheck;

typedef enum
{
  TRACT_COLUMN_PLAIN            = 0,
  /* "", 0 and NaN are stored as SQL NULL (optional dates, references, coordinates). */
  TRACT_COLUMN_NULL_WHEN_EMPTY  = 1 << 0,
  /* A change a calendar user would see: it increments the event's SEQUENCE. */
  TRACT_COLUMN_CALENDAR_VISIBLE = 1 << 1,
  /* Kept by the store (stamps, UID, SEQUENCE); the caller's value is ignored on update. */
  TRACT_COLUMN_MANAGED          = 1 << 2,
} TractColumnFlags;

typedef struct
{
  const char         *name;    /* SQL column; the property is its name with '-' for '_' */
  const char         *label;   /* the field's name for people, marked with N_() */
  TractColumnType     type;
  TractCheck          checks;
  TractColumnFlags    flags;
  const char * const *choices; /* NULL-terminated allowed values of an enumerated column */
  const char         *default_text;
} TractColumn;

#define TRACT_TYPE_RECORD (tract_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (TractRecord, tract_record, TRACT, RECORD, GObject)

struct _TractRecordClass
{
  GObjectClass parent_class;

  const char        *table;
  const TractColumn *columns;
  guint              n_columns;

  /* Checks across fields and computes derived columns; the store calls it
   * after the column checks and before every write. */
  gboolean (*validate) (TractRecord  *self,
                        GError      **error);

  /* Set by tract_record_class_install_columns(): a column's property,
   * notified without looking its name up. */
  GParamSpec       **column_pspecs;
  /* Column name → index + 1: records are read and written by name, a
   * dozen times per event in an import of 100,000. */
  GHashTable        *column_index;

  gpointer padding[2];
};

void               tract_record_class_install_columns (TractRecordClass  *klass,
                                                       const char        *table,
                                                       const TractColumn *columns,
                                                       guint              n_columns);

const char        *tract_record_get_table             (TractRecord       *self);
const TractColumn *tract_record_get_columns           (TractRecord       *self,
                                                       guint             *n_columns);
int                tract_record_find_column           (TractRecord       *self,
                                                       const char        *name);

gint64             tract_record_get_id                (TractRecord       *self);
void               tract_record_set_id                (TractRecord       *self,
                                                       gint64             id);

const GValue      *tract_record_get_value             (TractRecord       *self,
                                                       guint              column);
void               tract_record_set_value             (TractRecord       *self,
                                                       guint              column,
                                                       const GValue      *value);

const char        *tract_record_get_text              (TractRecord       *self,
                                                       const char        *column);
gint64             tract_record_get_integer           (TractRecord       *self,
                                                       const char        *column);
gboolean           tract_record_get_boolean           (TractRecord       *self,
                                                       const char        *column);
double             tract_record_get_real              (TractRecord       *self,
                                                       const char        *column);
void               tract_record_set_text              (TractRecord       *self,
                                                       const char        *column,
                                                       const char        *value);
void               tract_record_set_integer           (TractRecord       *self,
                                                       const char        *column,
                                                       gint64             value);
void               tract_record_set_boolean           (TractRecord       *self,
                                                       const char        *column,
                                                       gboolean           value);
void               tract_record_set_real              (TractRecord       *self,
                                                       const char        *column,
                                                       double             value);

gboolean           tract_record_check                 (TractRecord       *self,
                                                       GError           **error);
gboolean           tract_record_column_equal          (TractRecord       *self,
                                                       TractRecord       *other,
                                                       guint              column);
TractRecord       *tract_record_copy                  (TractRecord       *self);
const char        *tract_record_get_display_name      (TractRecord       *self);

/* Defines a final record type from its columns: the boilerplate of every
 * table's class in one place. */
#define TRACT_DEFINE_RECORD(TypeName, type_name, table, columns, validate_func) \
  struct _##TypeName                                                         \
  {                                                                          \
    TractRecord parent_instance;                                             \
  };                                                                         \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, TRACT_TYPE_RECORD)               \
  static void                                                                \
  type_name##_class_init (TypeName##Class *klass)                            \
  {                                                                          \
    TractRecordClass *record_class = TRACT_RECORD_CLASS (klass);             \
    record_class->validate = validate_func;                                  \
    tract_record_class_install_columns (record_class, table, columns,        \
                                        G_N_ELEMENTS (columns));             \
  }                                                                          \
  static void                                                                \
  type_name##_init (TypeName *self)                                          \
  {                                                                          \
  }

G_END_DECLS
