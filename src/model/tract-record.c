/* tract-record.c — the base of every row Tract keeps
 *
 * Each record type describes its table once, as an array of TractColumn;
 * properties, validation, loading and saving all follow from that array, so
 * a new field is one line and never drifts between the object and the SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tract-record.h"
#include "tract-store.h"
#include "tract-validate.h"

typedef struct
{
  gint64  id;
  GValue *values;
} TractRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TractRecord, tract_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  N_BASE_PROPS
};

static GParamSpec *base_properties[N_BASE_PROPS];

static void tract_record_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec);
static void tract_record_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec);

static GType
column_gtype (const TractColumn *column)
{
  switch (column->type)
    {
    case TRACT_COLUMN_TEXT:
      return G_TYPE_STRING;
    case TRACT_COLUMN_INTEGER:
    case TRACT_COLUMN_REFERENCE:
      return G_TYPE_INT64;
    case TRACT_COLUMN_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case TRACT_COLUMN_REAL:
      return G_TYPE_DOUBLE;
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
column_pspec (const TractColumn *column)
{
  /* Column names have underscores; GObject stores the canonical form with
   * dashes ("start-local") and accepts both when looking a property up. */
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB
                      | G_PARAM_EXPLICIT_NOTIFY;

  switch (column->type)
    {
    case TRACT_COLUMN_TEXT:
      return g_param_spec_string (column->name, NULL, NULL,
                                  column->default_text ? column->default_text : "", flags);
    case TRACT_COLUMN_INTEGER:
    case TRACT_COLUMN_REFERENCE:
      return g_param_spec_int64 (column->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case TRACT_COLUMN_BOOLEAN:
      return g_param_spec_boolean (column->name, NULL, NULL, FALSE, flags);
    case TRACT_COLUMN_REAL:
      /* NaN, "no value", is the real initial value; a pspec cannot default to it. */
      return g_param_spec_double (column->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    default:
      g_assert_not_reached ();
    }
}

void
tract_record_class_install_columns (TractRecordClass  *klass,
                                    const char        *table,
                                    const TractColumn *columns,
                                    guint              n_columns)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->columns = columns;
  klass->n_columns = n_columns;

  /* GObject does not inherit these: each class answers for its own properties. */
  object_class->get_property = tract_record_get_property;
  object_class->set_property = tract_record_set_property;

  /* Property ids after the base ones are column index + N_BASE_PROPS. */
  klass->column_pspecs = g_new0 (GParamSpec *, n_columns);
  klass->column_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_columns; i++)
    {
      g_hash_table_insert (klass->column_index, (gpointer) columns[i].name, GUINT_TO_POINTER (i + 1));
      klass->column_pspecs[i] = column_pspec (&columns[i]);
      g_object_class_install_property (object_class, N_BASE_PROPS + i, klass->column_pspecs[i]);
    }
}

static void
tract_record_init_values (TractRecord *self)
{
  TractRecordPrivate *priv = tract_record_get_instance_private (self);
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    return;

  priv->values = g_new0 (GValue, klass->n_columns);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      const TractColumn *column = &klass->columns[i];

      g_value_init (&priv->values[i], column_gtype (column));
      if (column->type == TRACT_COLUMN_TEXT)
        g_value_set_static_string (&priv->values[i],
                                   column->default_text ? column->default_text : "");
      else if (column->type == TRACT_COLUMN_REAL)
        g_value_set_double (&priv->values[i], NAN);
    }
}

static void
tract_record_constructed (GObject *object)
{
  tract_record_init_values (TRACT_RECORD (object));
  G_OBJECT_CLASS (tract_record_parent_class)->constructed (object);
}

static void
tract_record_finalize (GObject *object)
{
  TractRecord *self = TRACT_RECORD (object);
  TractRecordPrivate *priv = tract_record_get_instance_private (self);
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_columns; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (tract_record_parent_class)->finalize (object);
}

static void
tract_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TractRecord *self = TRACT_RECORD (object);
  TractRecordPrivate *priv = tract_record_get_instance_private (self);
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, priv->id);
  else if (prop_id == PROP_DISPLAY_NAME)
    g_value_set_string (value, tract_record_get_display_name (self));
  else if (prop_id >= N_BASE_PROPS && prop_id - N_BASE_PROPS < klass->n_columns)
    {
      tract_record_init_values (self);
      g_value_copy (&priv->values[prop_id - N_BASE_PROPS], value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tract_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TractRecord *self = TRACT_RECORD (object);
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);

  if (prop_id == PROP_ID)
    tract_record_set_id (self, g_value_get_int64 (value));
  else if (prop_id >= N_BASE_PROPS && prop_id - N_BASE_PROPS < klass->n_columns)
    tract_record_set_value (self, prop_id - N_BASE_PROPS, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tract_record_class_init (TractRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tract_record_constructed;
  object_class->finalize = tract_record_finalize;
  object_class->get_property = tract_record_get_property;
  object_class->set_property = tract_record_set_property;

  base_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  base_properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_BASE_PROPS, base_properties);
}

static void
tract_record_init (TractRecord *self)
{
}

const char *
tract_record_get_table (TractRecord *self)
{
  g_return_val_if_fail (TRACT_IS_RECORD (self), NULL);

  return TRACT_RECORD_GET_CLASS (self)->table;
}

const TractColumn *
tract_record_get_columns (TractRecord *self,
                          guint       *n_columns)
{
  TractRecordClass *klass;

  g_return_val_if_fail (TRACT_IS_RECORD (self), NULL);

  klass = TRACT_RECORD_GET_CLASS (self);
  if (n_columns != NULL)
    *n_columns = klass->n_columns;
  return klass->columns;
}

int
tract_record_find_column (TractRecord *self,
                          const char  *name)
{
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (klass->column_index, name)) - 1;
}

static guint
require_column (TractRecord     *self,
                const char      *name,
                TractColumnType  type)
{
  int column = tract_record_find_column (self, name);

  if (column < 0)
    g_error ("%s has no column %s", G_OBJECT_TYPE_NAME (self), name);

  /* References and integers share a representation. */
  g_assert (TRACT_RECORD_GET_CLASS (self)->columns[column].type == type
            || (type == TRACT_COLUMN_INTEGER
                && TRACT_RECORD_GET_CLASS (self)->columns[column].type == TRACT_COLUMN_REFERENCE));
  return (guint) column;
}

gint64
tract_record_get_id (TractRecord *self)
{
  TractRecordPrivate *priv;

  g_return_val_if_fail (TRACT_IS_RECORD (self), 0);

  priv = tract_record_get_instance_private (self);
  return priv->id;
}

void
tract_record_set_id (TractRecord *self,
                     gint64       id)
{
  TractRecordPrivate *priv;

  g_return_if_fail (TRACT_IS_RECORD (self));

  priv = tract_record_get_instance_private (self);
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), base_properties[PROP_ID]);
    }
}

const GValue *
tract_record_get_value (TractRecord *self,
                        guint        column)
{
  TractRecordPrivate *priv = tract_record_get_instance_private (self);

  g_return_val_if_fail (column < TRACT_RECORD_GET_CLASS (self)->n_columns, NULL);

  tract_record_init_values (self);
  return &priv->values[column];
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return (isnan (x) && isnan (y)) || x == y;
      }
    default:
      g_assert_not_reached ();
    }
}

void
tract_record_set_value (TractRecord  *self,
                        guint         column,
                        const GValue *value)
{
  TractRecordPrivate *priv = tract_record_get_instance_private (self);
  TractRecordClass *klass = TRACT_RECORD_GET_CLASS (self);
  GValue *slot;

  g_return_if_fail (column < klass->n_columns);

  tract_record_init_values (self);
  slot = &priv->values[column];
  g_return_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (slot));

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL)
    {
      /* Text columns never hold NULL: empty is empty. */
      if (g_strcmp0 (g_value_get_string (slot), "") == 0)
        return;
      g_value_set_static_string (slot, "");
    }
  else
    {
      if (values_equal (slot, value))
        return;
      g_value_copy (value, slot);
    }

  g_object_notify_by_pspec (G_OBJECT (self), klass->column_pspecs[column]);
  if (g_str_equal (klass->columns[column].name, "name")
      || g_str_equal (klass->columns[column].name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), base_properties[PROP_DISPLAY_NAME]);
}

const char *
tract_record_get_text (TractRecord *self,
                       const char  *column)
{
  g_return_val_if_fail (TRACT_IS_RECORD (self), NULL);
  return g_value_get_string (tract_record_get_value (self,
                                                     require_column (self, column, TRACT_COLUMN_TEXT)));
}

gint64
tract_record_get_integer (TractRecord *self,
                          const char  *column)
{
  g_return_val_if_fail (TRACT_IS_RECORD (self), 0);
  return g_value_get_int64 (tract_record_get_value (self,
                                                    require_column (self, column, TRACT_COLUMN_INTEGER)));
}

gboolean
tract_record_get_boolean (TractRecord *self,
                          const char  *column)
{
  g_return_val_if_fail (TRACT_IS_RECORD (self), FALSE);
  return g_value_get_boolean (tract_record_get_value (self,
                                                      require_column (self, column, TRACT_COLUMN_BOOLEAN)));
}

double
tract_record_get_real (TractRecord *self,
                       const char  *column)
{
  g_return_val_if_fail (TRACT_IS_RECORD (self), NAN);
  return g_value_get_double (tract_record_get_value (self,
                                                     require_column (self, column, TRACT_COLUMN_REAL)));
}

void
tract_record_set_text (TractRecord *self,
                       const char  *column,
                       const char  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (TRACT_IS_RECORD (self));
  g_value_init (&v, G_TYPE_STRING);
  /* Copied into the record only if it changes it. */
  g_value_set_static_string (&v, value);
  tract_record_set_value (self, require_column (self, column, TRACT_COLUMN_TEXT), &v);
}

void
tract_record_set_integer (TractRecord *self,
                          const char  *column,
                          gint64       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (TRACT_IS_RECORD (self));
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  tract_record_set_value (self, require_column (self, column, TRACT_COLUMN_INTEGER), &v);
}

void
tract_record_set_boolean (TractRecord *self,
                          const char  *column,
                          gboolean     value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (TRACT_IS_RECORD (self));
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, !!value);
  tract_record_set_value (self, require_column (self, column, TRACT_COLUMN_BOOLEAN), &v);
}

void
tract_record_set_real (TractRecord *self,
                       const char  *column,
                       double       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (TRACT_IS_RECORD (self));
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  tract_record_set_value (self, require_column (self, column, TRACT_COLUMN_REAL), &v);
}

gboolean
tract_record_column_equal (TractRecord *self,
                           TractRecord *other,
                           guint        column)
{
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  return values_equal (tract_record_get_value (self, column),
                       tract_record_get_value (other, column));
}

/* Translated only for a message: a save checks every column, and an
 * import saves 100,000 events. */
static const char *
label_of (const TractColumn *column)
{
  return g_dgettext (GETTEXT_PACKAGE, column->label);
}

static gboolean
check_column (TractRecord        *self,
              const TractColumn  *column,
              const GValue       *value,
              GError            **error)
{
  const char *text;

  if (column->type != TRACT_COLUMN_TEXT)
    return TRUE;

  text = g_value_get_string (value);

  if (!g_utf8_validate (text, -1, NULL))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s is not valid UTF-8 text."), label_of (column));
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_REQUIRED) && tract_validate_is_blank (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s cannot be empty."), label_of (column));
      return FALSE;
    }

  if (*text == '\0')
    return TRUE;

  if (column->choices != NULL && !g_strv_contains (column->choices, text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not one of the allowed values."), label_of (column), text);
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_EMAIL) && !tract_validate_email (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not an e-mail address (expected name@example.org)."),
                                   label_of (column), text);
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_URL) && !tract_validate_url (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not a web address (expected https://example.org/…)."),
                                   label_of (column), text);
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_DATE) && !tract_validate_date (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not a date (expected YYYY-MM-DD)."),
                                   label_of (column), text);
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_TIME_ZONE) && !tract_validate_time_zone (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not a known time zone (expected a name such as Europe/Paris)."),
                                   label_of (column), text);
      return FALSE;
    }

  if ((column->checks & TRACT_CHECK_LANGUAGE) && !tract_validate_language (text))
    {
      tract_store_set_field_error (error, TRACT_STORE_ERROR_INVALID, column->name,
                                   _("%s: “%s” is not a language code (expected fr, en, tr or pt-BR)."),
                                   label_of (column), text);
      return FALSE;
    }

  return TRUE;
}

gboolean
tract_record_check (TractRecord  *self,
                    GError      **error)
{
  TractRecordClass *klass;

  g_return_val_if_fail (TRACT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = TRACT_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (klass->columns[i].flags & TRACT_COLUMN_MANAGED)
        continue;
      if (!check_column (self, &klass->columns[i], tract_record_get_value (self, i), error))
        return FALSE;
    }

  if (klass->validate != NULL)
    return klass->validate (self, error);

  return TRUE;
}

TractRecord *
tract_record_copy (TractRecord *self)
{
  TractRecordClass *klass;
  TractRecord *copy;

  g_return_val_if_fail (TRACT_IS_RECORD (self), NULL);

  klass = TRACT_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  for (guint i = 0; i < klass->n_columns; i++)
    tract_record_set_value (copy, i, tract_record_get_value (self, i));
  tract_record_set_id (copy, tract_record_get_id (self));
  return copy;
}

/* The text a list row or a link shows for this record. */
const char *
tract_record_get_display_name (TractRecord *self)
{
  int column;

  g_return_val_if_fail (TRACT_IS_RECORD (self), NULL);

  column = tract_record_find_column (self, "name");
  if (column < 0)
    column = tract_record_find_column (self, "title");
  if (column < 0)
    return "";
  return g_value_get_string (tract_record_get_value (self, (guint) column));
}
