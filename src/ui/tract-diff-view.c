/* tract-diff-view.c — the words two texts differ by
 *
 * Removed words are struck through on red, added words underlined on
 * green, and both are bracketed, "[-removed-]" and "[+added+]", so that
 * the difference reads without colour, in print and in a screen reader.
 * Long unchanged stretches are shortened to their ends around the changes.
 *
 * The comparison of two long texts takes a moment: it runs in a thread,
 * and a newer request cancels an older one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tract-diff.h"
#include "tract-diff-view.h"

/* Characters of unchanged text kept on each side of a change. */
#define CONTEXT_CHARS 240

struct _TractDiffView
{
  GtkWidget     parent_instance;

  GCancellable *cancellable;

  GtkLabel     *summary_label;
  GtkWidget    *frame;
  GtkTextView  *text_view;
};

G_DEFINE_FINAL_TYPE (TractDiffView, tract_diff_view, GTK_TYPE_WIDGET)

typedef struct
{
  char *old_text;
  char *new_text;
} DiffInput;

static void
diff_input_free (gpointer data)
{
  DiffInput *input = data;

  g_free (input->old_text);
  g_free (input->new_text);
  g_free (input);
}

static void
compare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DiffInput *input = task_data;

  g_task_return_pointer (task, tract_diff_words (input->old_text, input->new_text),
                         (GDestroyNotify) g_array_unref);
}

static void
insert_tagged (GtkTextBuffer *buffer,
               const char    *text,
               gssize         length,
               const char    *tag,
               const char    *marker_tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag == NULL)
    gtk_text_buffer_insert (buffer, &end, text, (int) length);
  else
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, (int) length, tag, marker_tag, NULL);
}

/* An unchanged stretch: whole when short, else its ends beside the changes. */
static void
insert_equal (GtkTextBuffer *buffer,
              const char    *text,
              gboolean       first,
              gboolean       last)
{
  glong length = g_utf8_strlen (text, -1);
  glong head = first ? 0 : CONTEXT_CHARS;
  glong tail = last ? 0 : CONTEXT_CHARS;
  const char *head_end, *tail_start;

  if (length <= head + tail + 40)
    {
      insert_tagged (buffer, text, -1, NULL, NULL);
      return;
    }

  head_end = g_utf8_offset_to_pointer (text, head);
  tail_start = g_utf8_offset_to_pointer (head_end, length - head - tail);
  insert_tagged (buffer, text, head_end - text, NULL, NULL);
  /* Translators: stands for unchanged text left out of a comparison. */
  insert_tagged (buffer, first ? _("[…] ") : last ? _(" […]") : _(" […] "), -1, "elided", NULL);
  insert_tagged (buffer, tail_start, -1, NULL, NULL);
}

static void
show_segments (TractDiffView *self,
               GArray        *segments)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *summary = NULL;
  guint n_deleted, n_inserted;
  gboolean changed = FALSE;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < segments->len; i++)
    {
      const TractDiffSegment *segment = &g_array_index (segments, TractDiffSegment, i);

      switch (segment->op)
        {
        case TRACT_DIFF_EQUAL:
          insert_equal (buffer, segment->text, i == 0, i + 1 == segments->len);
          break;
        case TRACT_DIFF_DELETE:
          insert_tagged (buffer, "[-", -1, "deleted", "marker");
          insert_tagged (buffer, segment->text, -1, "deleted", NULL);
          insert_tagged (buffer, "-]", -1, "deleted", "marker");
          changed = TRUE;
          break;
        case TRACT_DIFF_INSERT:
          insert_tagged (buffer, "[+", -1, "inserted", "marker");
          insert_tagged (buffer, segment->text, -1, "inserted", NULL);
          insert_tagged (buffer, "+]", -1, "inserted", "marker");
          changed = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  tract_diff_count (segments, &n_deleted, &n_inserted);
  if (!changed)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_label_set_label (self->summary_label, _("The two texts are the same."));
      gtk_widget_set_visible (self->frame, FALSE);
      return;
    }
  else
    {
      g_autofree char *removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word removed",
                                                               "%u words removed", n_deleted),
                                                  n_deleted);
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word added",
                                                             "%u words added", n_inserted),
                                                n_inserted);

      /* Translators: "3 words removed, 12 words added" */
      summary = g_strdup_printf (_("%s, %s"), removed, added);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (self->frame, TRUE);
}

static void
on_compared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TractDiffView) self = user_data;
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GError) error = NULL;

  segments = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer comparison, or the view is gone: nothing to show. */
  if (segments == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable
      || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  show_segments (self, segments);
}

static void
tract_diff_view_dispose (GObject *object)
{
  TractDiffView *self = TRACT_DIFF_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRACT_TYPE_DIFF_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tract_diff_view_parent_class)->dispose (object);
}

static void
tract_diff_view_class_init (TractDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tract_diff_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tractapp/Tract/tract-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TractDiffView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TractDiffView, frame);
  gtk_widget_class_bind_template_child (widget_class, TractDiffView, text_view);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tract_diff_view_init (TractDiffView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Translucent backgrounds read on light and dark styles alike. */
  gtk_text_buffer_create_tag (buffer, "inserted",
                              "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.28 },
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "deleted",
                              "background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.22 },
                              "strikethrough", TRUE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "marker",
                              "weight", PANGO_WEIGHT_BOLD,
                              "strikethrough", FALSE,
                              "underline", PANGO_UNDERLINE_NONE,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "elided",
                              "style", PANGO_STYLE_ITALIC,
                              "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 },
                              NULL);
}

GtkWidget *
tract_diff_view_new (void)
{
  return g_object_new (TRACT_TYPE_DIFF_VIEW, NULL);
}

/**
 * tract_diff_view_set_texts:
 *
 * Shows what turned @old_text into @new_text, once compared.
 */
void
tract_diff_view_set_texts (TractDiffView *self,
                           const char    *old_text,
                           const char    *new_text)
{
  g_autoptr(GTask) task = NULL;
  DiffInput *input;

  g_return_if_fail (TRACT_IS_DIFF_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_label_set_label (self->summary_label, _("Comparing…"));

  input = g_new0 (DiffInput, 1);
  input->old_text = g_strdup (old_text != NULL ? old_text : "");
  input->new_text = g_strdup (new_text != NULL ? new_text : "");

  task = g_task_new (NULL, self->cancellable, on_compared, g_object_ref (self));
  g_task_set_source_tag (task, tract_diff_view_set_texts);
  g_task_set_task_data (task, input, diff_input_free);
  g_task_run_in_thread (task, compare_in_thread);
}

/* @message: what to say instead of differences, such as why there are none */
void
tract_diff_view_clear (TractDiffView *self,
                       const char    *message)
{
  g_return_if_fail (TRACT_IS_DIFF_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->summary_label, message != NULL ? message : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_widget_set_visible (self->frame, FALSE);
}

char *
tract_diff_view_dup_text (TractDiffView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TRACT_IS_DIFF_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
