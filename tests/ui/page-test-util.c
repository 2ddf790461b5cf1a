/* page-test-util.c — for the tests that run a page in-process, in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* dl_iterate_phdr() */
#define _GNU_SOURCE

#include "page-test-util.h"

void
page_test_iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_visible_child (GtkStack   *stack,
                  GParamSpec *pspec,
                  GPtrArray  *pages)
{
  g_ptr_array_add (pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
}

void
page_test_record_pages (GtkStack  *stack,
                        GPtrArray *pages)
{
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_visible_child), pages);
}

void
page_test_stop_recording_pages (GtkStack  *stack,
                                GPtrArray *pages)
{
  g_signal_handlers_disconnect_by_func (stack, on_visible_child, pages);
}

/* GLib abandons its table of quarks each time it grows (gquark.c: "This
 * leaks the old quarks array", so that lookups need no lock), first at
 * the 2049th quark, which a page holding GtkSourceView reaches. With
 * Debian's GLib built without frame pointers, LeakSanitizer sees that
 * block's allocation as g_malloc() alone, so no suppression could name it
 * without hiding every leak through g_malloc(). The block is found instead
 * while GLib still points to it: a heap block of the first table's size
 * among GLib's own variables, holding a quark just made at its index. */
#ifdef __SANITIZE_ADDRESS__
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>

/* Not in GCC 12's installed headers, but part of its ASan runtime. */
extern int    __sanitizer_get_ownership      (const volatile void *pointer);
extern size_t __sanitizer_get_allocated_size (const volatile void *pointer);

/* GLib 2.74's gquark.c: the table grows by blocks of 2048 quarks. */
#define GLIB_QUARK_BLOCK_SIZE 2048

typedef struct
{
  GQuark       quark;
  const char  *string;
  gpointer     block;
} QuarkBlockSearch;

static gboolean
is_quark_block (gpointer          candidate,
                QuarkBlockSearch *search)
{
  const char *const *strings = candidate;

  return __sanitizer_get_ownership (candidate)
         && __sanitizer_get_allocated_size (candidate) == GLIB_QUARK_BLOCK_SIZE * sizeof (char *)
         && strings[0] == NULL
         && strings[search->quark] == search->string;
}

static int
find_quark_block (struct dl_phdr_info *info,
                  size_t               size,
                  void                *data)
{
  QuarkBlockSearch *search = data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "/libglib-2.0.so") == NULL)
    return 0;
  for (guint i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      gpointer const *words;
      gsize start, n_words;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;
      start = GPOINTER_TO_SIZE (info->dlpi_addr + segment->p_vaddr);
      start = (start + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
      words = GSIZE_TO_POINTER (start);
      n_words = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz - start) / sizeof (gpointer);
      for (gsize j = 0; j < n_words; j++)
        if (words[j] != NULL && is_quark_block (words[j], search))
          {
            search->block = words[j];
            return 1;
          }
    }
  return 1;
}
#endif

void
page_test_ignore_glib_quark_block (void)
{
#ifdef __SANITIZE_ADDRESS__
  QuarkBlockSearch search = { 0 };

  search.string = g_intern_static_string ("page-test-quark-block");
  search.quark = g_quark_try_string (search.string);
  if (search.quark >= GLIB_QUARK_BLOCK_SIZE)
    return;
  dl_iterate_phdr (find_quark_block, &search);
  if (search.block != NULL)
    __lsan_ignore_object (search.block);
#endif
}
