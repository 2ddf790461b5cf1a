/* test-position-selection.c — the Agenda page's selection of positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "tract-position-selection.h"

/* A list of any length whose items are counted as they are asked for. */
#define TEST_TYPE_COUNTED_LIST (test_counted_list_get_type ())
G_DECLARE_FINAL_TYPE (TestCountedList, test_counted_list, TEST, COUNTED_LIST, GObject)

struct _TestCountedList
{
  GObject parent_instance;
  guint   n_items;
  guint   n_reads;
};

static GType
counted_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
counted_get_n_items (GListModel *list)
{
  return TEST_COUNTED_LIST (list)->n_items;
}

static gpointer
counted_get_item (GListModel *list,
                  guint       position)
{
  TestCountedList *self = TEST_COUNTED_LIST (list);

  self->n_reads++;
  return position < self->n_items ? g_object_new (G_TYPE_OBJECT, NULL) : NULL;
}

static void
counted_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = counted_get_item_type;
  iface->get_n_items = counted_get_n_items;
  iface->get_item = counted_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestCountedList, test_counted_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, counted_list_model_init))

static void
test_counted_list_class_init (TestCountedListClass *klass)
{
}

static void
test_counted_list_init (TestCountedList *self)
{
}

static void
resize (TestCountedList *list,
        guint            position,
        guint            removed,
        guint            added)
{
  list->n_items = list->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (list), position, removed, added);
}

typedef struct
{
  guint position;
  guint n_items;
  guint n_signals;
} Changed;

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      Changed           *changed)
{
  changed->position = position;
  changed->n_items = n_items;
  changed->n_signals++;
}

static char *
selected_text (GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  GString *text = g_string_new (NULL);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_string_append_printf (text, "%s%u", text->len > 0 ? " " : "", position);
  return g_string_free (text, FALSE);
}

#define assert_selected(model, expected)                  \
  G_STMT_START {                                          \
    g_autofree char *text_ = selected_text (model);       \
    g_assert_cmpstr (text_, ==, expected);                \
  } G_STMT_END

/* What a GtkListView asks of it: clicks, Ctrl+clicks, Shift+clicks, Ctrl+A. */
static void
test_selecting (void)
{
  g_autoptr(TestCountedList) list = g_object_new (TEST_TYPE_COUNTED_LIST, NULL);
  g_autoptr(TractPositionSelection) selection = NULL;
  GtkSelectionModel *model;
  Changed changed = { 0 };

  list->n_items = 20;
  selection = tract_position_selection_new (G_LIST_MODEL (list));
  model = GTK_SELECTION_MODEL (selection);
  g_signal_connect (model, "selection-changed", G_CALLBACK (on_selection_changed), &changed);

  /* Off, as it starts: like a GtkNoSelection. */
  g_assert_false (tract_position_selection_get_enabled (selection));
  g_assert_false (gtk_selection_model_select_item (model, 3, FALSE));
  g_assert_false (gtk_selection_model_select_all (model));
  g_assert_false (gtk_selection_model_is_selected (model, 3));
  g_assert_cmpuint (changed.n_signals, ==, 0);
  tract_position_selection_set_enabled (selection, TRUE);
  g_assert_true (tract_position_selection_get_model (selection) == G_LIST_MODEL (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 20);

  /* A toggle adds; an exclusive click replaces. */
  g_assert_true (gtk_selection_model_select_item (model, 3, FALSE));
  g_assert_true (gtk_selection_model_select_item (model, 7, FALSE));
  assert_selected (model, "3 7");
  g_assert_cmpuint (changed.position, ==, 7);
  g_assert_cmpuint (changed.n_items, ==, 1);
  g_assert_true (gtk_selection_model_unselect_item (model, 3));
  assert_selected (model, "7");
  g_assert_true (gtk_selection_model_select_item (model, 12, TRUE));
  assert_selected (model, "12");
  /* From the old one to the new one: the whole span changed. */
  g_assert_cmpuint (changed.position, ==, 7);
  g_assert_cmpuint (changed.n_items, ==, 6);
  g_assert_true (gtk_selection_model_is_selected (model, 12));
  g_assert_false (gtk_selection_model_is_selected (model, 7));

  /* Selecting what is selected changes nothing, and says nothing. */
  changed.n_signals = 0;
  g_assert_true (gtk_selection_model_select_item (model, 12, FALSE));
  g_assert_cmpuint (changed.n_signals, ==, 0);

  g_assert_true (gtk_selection_model_select_range (model, 14, 3, FALSE));
  assert_selected (model, "12 14 15 16");
  g_assert_true (gtk_selection_model_unselect_range (model, 15, 10));
  assert_selected (model, "12 14");

  /* Past the end: only what exists. */
  {
    g_autoptr(GtkBitset) wanted = gtk_bitset_new_range (18, 10);

    g_assert_true (gtk_selection_model_set_selection (model, wanted, wanted));
    assert_selected (model, "12 14 18 19");
  }

  g_assert_true (gtk_selection_model_select_all (model));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (model)), ==, 20);
  g_assert_true (gtk_selection_model_unselect_all (model));
  assert_selected (model, "");
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.n_items, ==, 20);

  /* Switched off, it lets go of what it held, and says so. */
  gtk_selection_model_select_item (model, 4, FALSE);
  gtk_selection_model_select_item (model, 9, FALSE);
  tract_position_selection_set_enabled (selection, FALSE);
  assert_selected (model, "");
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.n_items, ==, 6);

  /* Not once was an item read. */
  g_assert_cmpuint (list->n_reads, ==, 0);
  g_signal_handlers_disconnect_by_data (model, &changed);
  g_assert_finalize_object (g_steal_pointer (&selection));
}

/* A lazy list of 100,000 rows stays unread whatever is selected. */
static void
test_lazy (void)
{
  g_autoptr(TestCountedList) list = g_object_new (TEST_TYPE_COUNTED_LIST, NULL);
  g_autoptr(TractPositionSelection) selection = NULL;
  GtkSelectionModel *model;
  g_autoptr(GtkMultiSelection) multi = NULL;
  gint64 started;

  list->n_items = 100000;
  selection = tract_position_selection_new (G_LIST_MODEL (list));
  model = GTK_SELECTION_MODEL (selection);
  tract_position_selection_set_enabled (selection, TRUE);
  started = g_get_monotonic_time ();
  g_assert_true (gtk_selection_model_select_all (model));
  g_assert_true (gtk_selection_model_unselect_item (model, 50000));
  g_assert_true (gtk_selection_model_select_item (model, 50000, FALSE));
  g_test_message ("select all, toggle one: %.2f ms", (g_get_monotonic_time () - started) / 1000.0);
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (model)), ==, 100000);
  g_assert_cmpuint (list->n_reads, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&selection));

  /* Why this class exists: GTK 4.8's own reads every row it selects. */
  multi = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (multi));
  g_test_message ("GtkMultiSelection read %u rows to select all", list->n_reads);
}

/* The positions follow the list's exact changes; a reload clears them. */
static void
test_changes (void)
{
  g_autoptr(TestCountedList) list = g_object_new (TEST_TYPE_COUNTED_LIST, NULL);
  g_autoptr(TractPositionSelection) selection = NULL;
  GtkSelectionModel *model;

  list->n_items = 10;
  selection = tract_position_selection_new (G_LIST_MODEL (list));
  model = GTK_SELECTION_MODEL (selection);
  tract_position_selection_set_enabled (selection, TRUE);
  gtk_selection_model_select_item (model, 2, FALSE);
  gtk_selection_model_select_item (model, 5, FALSE);
  gtk_selection_model_select_item (model, 8, FALSE);

  /* A row before them goes: they move up one. */
  resize (list, 0, 1, 0);
  assert_selected (model, "1 4 7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
  /* Two rows come in between: the later ones move down. */
  resize (list, 3, 0, 2);
  assert_selected (model, "1 6 9");
  /* A selected row changes: it is no longer selected. */
  resize (list, 6, 1, 1);
  assert_selected (model, "1 9");
  /* The list reloaded (a search): nothing selected. */
  resize (list, 0, list->n_items, 7);
  assert_selected (model, "");
  g_assert_cmpuint (list->n_reads, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&selection));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/position-selection/selecting", test_selecting);
  g_test_add_func ("/position-selection/lazy", test_lazy);
  g_test_add_func ("/position-selection/changes", test_changes);

  return g_test_run ();
}
