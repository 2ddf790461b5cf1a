/* tract-agenda.c — a campaign's printable programme, page by page
 *
 * The page: on the first, the campaign's name as a title; on the others, a
 * running header; on all, "Page N of M" at the foot. The body lists the
 * events grouped by month (a heading in the accent colour) and by day (the
 * date large in a left column), each with its hours and kind, title, place,
 * organizers and the start of its description.
 *
 * Pagination and drawing run the same code — one measures, the other also
 * draws — so a page drawn is exactly the page counted. An entry never
 * splits across pages; a page that begins inside a month or a day repeats
 * its heading, so every page reads on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tract-agenda.h"
#include "tract-campaign.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-organization.h"
#include "tract-print-private.h"
#include "tract-record-list.h"
#include "tract-validate.h"

/* The agenda keeps the start of a description: three lines at most are
 * printed, and pango need not shape 5,000 characters to print 300. */
#define DESCRIPTION_KEEP 600

typedef struct
{
  char           *title;
  char           *kind;
  char           *status;
  char           *start_local;
  char           *end_local;
  char           *place;       /* "Place — address" */
  char           *organizers;  /* acronyms of the organizers */
  char           *description;
  gint64          start_utc;
  gint64          id;
  gboolean        all_day;
  TractPrintTime  date;        /* first day, wall clock */
} AgendaEvent;

static void
agenda_event_free (gpointer data)
{
  AgendaEvent *event = data;

  g_free (event->title);
  g_free (event->kind);
  g_free (event->status);
  g_free (event->start_local);
  g_free (event->end_local);
  g_free (event->place);
  g_free (event->organizers);
  g_free (event->description);
  g_free (event);
}

struct _TractAgenda
{
  GObject                   parent_instance;

  const TractPrintLanguage *language;
  TractPaper                paper;

  char                     *campaign_name;
  char                     *campaign_description;
  char                     *campaign_contact;
  char                     *from;
  char                     *to;
  GPtrArray                *events;       /* AgendaEvent, in print order */

  GMutex                    lock;         /* guards what follows */
  double                    paginated_width;
  double                    paginated_height;
  GArray                   *page_starts;  /* guint: index of each page's first event */
};

G_DEFINE_FINAL_TYPE (TractAgenda, tract_agenda, G_TYPE_OBJECT)

static void
tract_agenda_finalize (GObject *object)
{
  TractAgenda *self = TRACT_AGENDA (object);

  g_free (self->campaign_name);
  g_free (self->campaign_description);
  g_free (self->campaign_contact);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tract_agenda_parent_class)->finalize (object);
}

static void
tract_agenda_class_init (TractAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tract_agenda_finalize;
}

static void
tract_agenda_init (TractAgenda *self)
{
  self->language = tract_print_language_get_default ();
  self->paper = TRACT_PAPER_A4;
  self->events = g_ptr_array_new_with_free_func (agenda_event_free);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_init (&self->lock);
}

/* Loading */

typedef struct
{
  TractStore *store;
  GHashTable *acronyms; /* organization id → acronym (or name) */
} Loader;

static const char *
organization_acronym (Loader *loader,
                      gint64  id)
{
  char *acronym = g_hash_table_lookup (loader->acronyms, &id);

  if (acronym == NULL)
    {
      g_autoptr(TractOrganization) organization = tract_store_load (loader->store, TRACT_TYPE_ORGANIZATION, id,
                                                                    NULL);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      if (organization == NULL)
        acronym = g_strdup ("");
      else if (*tract_record_get_text (TRACT_RECORD (organization), "acronym") != '\0')
        acronym = g_strdup (tract_record_get_text (TRACT_RECORD (organization), "acronym"));
      else
        acronym = g_strdup (tract_record_get_text (TRACT_RECORD (organization), "name"));
      g_hash_table_insert (loader->acronyms, key, acronym);
    }
  return acronym;
}

static char *
event_organizers (Loader *loader,
                  gint64  event_id)
{
  g_autoptr(GPtrArray) links = tract_store_select (loader->store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                                   event_id, "position, id", NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const char *acronym;

      if (g_strcmp0 (tract_record_get_text (links->pdata[i], "role"), "organizer") != 0)
        continue;
      acronym = organization_acronym (loader, tract_record_get_integer (links->pdata[i], "organization_id"));
      if (*acronym == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, acronym);
    }
  return g_string_free (text, FALSE);
}

static AgendaEvent *
snapshot_event (Loader     *loader,
                TractEvent *event)
{
  TractRecord *record = TRACT_RECORD (event);
  AgendaEvent *item = g_new0 (AgendaEvent, 1);
  const char *place = tract_record_get_text (record, "location_name");
  const char *address = tract_record_get_text (record, "address");
  const char *description = tract_record_get_text (record, "description");

  item->id = tract_record_get_id (record);
  item->title = g_strstrip (g_strdup (tract_event_get_title (event)));
  item->kind = g_strdup (tract_record_get_text (record, "kind"));
  item->status = g_strdup (tract_record_get_text (record, "status"));
  item->start_local = g_strdup (tract_record_get_text (record, "start_local"));
  item->end_local = g_strdup (tract_record_get_text (record, "end_local"));
  item->all_day = tract_event_get_all_day (event);
  item->start_utc = tract_event_get_start_utc (event);
  tract_print_parse_local (item->start_local, &item->date);

  /* "Place du Châtelet, 75001 Paris" already names the place. */
  if (*place != '\0' && *address != '\0' && !g_str_has_prefix (address, place))
    item->place = g_strdup_printf ("%s — %s", place, address);
  else
    item->place = g_strdup (*address != '\0' ? address : place);

  if (g_utf8_strlen (description, DESCRIPTION_KEEP + 1) > DESCRIPTION_KEEP)
    item->description = g_utf8_substring (description, 0, DESCRIPTION_KEEP);
  else
    item->description = g_strdup (description);
  g_strstrip (item->description);

  item->organizers = event_organizers (loader, item->id);
  return item;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const AgendaEvent *first = *(AgendaEvent * const *) a;
  const AgendaEvent *second = *(AgendaEvent * const *) b;
  int by_day = strncmp (first->start_local, second->start_local, 10);

  /* By the day people read, then by the instant, then as stored. */
  if (by_day != 0)
    return by_day;
  if (first->start_utc != second->start_utc)
    return first->start_utc < second->start_utc ? -1 : 1;
  return first->id < second->id ? -1 : first->id > second->id;
}

static gboolean
check_date (const char  *text,
            GError     **error)
{
  if (text == NULL || tract_validate_date (text))
    return TRUE;
  g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION,
               _("“%s” is not a date; write it as YYYY-MM-DD, for example 2021-05-29."), text);
  return FALSE;
}

/* The instant a date's wall clock midnight can be in any zone, widened by
 * a day each way: a bound for the index, refined by the wall-clock date. */
static gint64
date_to_utc_bound (const char *date,
                   int         days)
{
  g_autoptr(GDateTime) midnight = NULL;
  int year = 0, month = 0, day = 0;

  sscanf (date, "%d-%d-%d", &year, &month, &day);
  midnight = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return g_date_time_to_unix (midnight) + (gint64) days * 86400;
}

static gboolean
load (TractAgenda             *self,
      TractStore              *store,
      gint64                   campaign_id,
      GCancellable            *cancellable,
      TractPrintProgressFunc   progress,
      gpointer                 progress_data,
      GError                 **error)
{
  g_autoptr(TractCampaign) campaign = NULL;
  g_autoptr(TractRecordList) list = NULL;
  g_autoptr(GHashTable) acronyms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Loader loader = { store, acronyms };
  GListModel *model;
  guint n_items, first = 0, last;

  campaign = tract_store_load (store, TRACT_TYPE_CAMPAIGN, campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  self->campaign_name = g_strstrip (g_strdup (tract_record_get_text (TRACT_RECORD (campaign), "name")));
  self->campaign_description = g_strstrip (g_strdup (tract_record_get_text (TRACT_RECORD (campaign),
                                                                            "description")));
  self->campaign_contact = g_strstrip (g_strdup (tract_record_get_text (TRACT_RECORD (campaign), "contact")));

  /* The list pages through the campaign's events by start; a date range
   * starts with a binary search over it, so a month of a 100,000-event
   * campaign reads a few pages, not the table. */
  list = tract_record_list_new (store, TRACT_TYPE_EVENT, "campaign_id", campaign_id, "start_utc");
  model = G_LIST_MODEL (list);
  n_items = g_list_model_get_n_items (model);
  last = n_items;

  if (self->from != NULL)
    {
      gint64 bound = date_to_utc_bound (self->from, -1);
      guint low = 0, high = n_items;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          g_autoptr(TractEvent) event = g_list_model_get_item (model, middle);

          if (tract_event_get_start_utc (event) < bound)
            low = middle + 1;
          else
            high = middle;
        }
      first = low;
    }

  for (guint i = first; i < last; i++)
    {
      g_autoptr(TractEvent) event = g_list_model_get_item (model, i);
      const char *start = tract_record_get_text (TRACT_RECORD (event), "start_local");

      if (self->to != NULL && tract_event_get_start_utc (event) >= date_to_utc_bound (self->to, 2))
        break;
      if ((self->from == NULL || strncmp (start, self->from, 10) >= 0)
          && (self->to == NULL || strncmp (start, self->to, 10) <= 0))
        g_ptr_array_add (self->events, snapshot_event (&loader, event));

      if (i % 64 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) (i - first + 1) / (last - first), progress_data);
        }
    }

  g_ptr_array_sort (self->events, compare_events);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

static TractAgenda *
agenda_new (TractStore              *store,
            gint64                   campaign_id,
            const char              *from,
            const char              *to,
            GCancellable            *cancellable,
            TractPrintProgressFunc   progress,
            gpointer                 progress_data,
            GError                 **error)
{
  g_autoptr(TractAgenda) self = NULL;

  if (!check_date (from, error) || !check_date (to, error))
    return NULL;

  self = g_object_new (TRACT_TYPE_AGENDA, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  if (!load (self, store, campaign_id, cancellable, progress, progress_data, error))
    return NULL;
  return g_steal_pointer (&self);
}

TractAgenda *
tract_agenda_new (TractStore    *store,
                  gint64         campaign_id,
                  const char    *from,
                  const char    *to,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return agenda_new (store, campaign_id, from, to, cancellable, NULL, NULL, error);
}

/* Progress from a worker thread, delivered in the caller's main context;
 * at most a hundred updates, so a fast job does not flood it. */
typedef struct
{
  GMainContext           *context;
  TractPrintProgressFunc  func;
  gpointer                data;
  double                  last;
} Progress;

typedef struct
{
  TractPrintProgressFunc func;
  gpointer               data;
  double                 fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->func (update->fraction, update->data);
  return G_SOURCE_REMOVE;
}

static void
post_progress (double   fraction,
               gpointer user_data)
{
  Progress *progress = user_data;
  ProgressUpdate *update;

  if (progress->func == NULL || (fraction - progress->last < 0.01 && fraction < 1.0))
    return;
  progress->last = fraction;

  update = g_new (ProgressUpdate, 1);
  update->func = progress->func;
  update->data = progress->data;
  update->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, deliver_progress, update, g_free);
}

static Progress *
progress_new (TractPrintProgressFunc func,
              gpointer               data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->context = g_main_context_ref_thread_default ();
  progress->func = func;
  progress->data = data;
  progress->last = -1;
  return progress;
}

static void
progress_free (Progress *progress)
{
  g_main_context_unref (progress->context);
  g_free (progress);
}

typedef struct
{
  char     *path;
  gint64    campaign_id;
  char     *from;
  char     *to;
  Progress *progress;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->progress, progress_free);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TractStore) store = NULL;
  TractAgenda *agenda;

  /* SQLite connections are not shared between threads: this one is ours. */
  store = tract_store_open (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  agenda = agenda_new (store, job->campaign_id, job->from, job->to, cancellable, post_progress, job->progress,
                       &error);
  if (agenda == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, agenda, g_object_unref);
}

void
tract_agenda_load_async (TractStore             *store,
                         gint64                  campaign_id,
                         const char             *from,
                         const char             *to,
                         GCancellable           *cancellable,
                         TractPrintProgressFunc  progress,
                         gpointer                progress_data,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (TRACT_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tract_agenda_load_async);
  job = g_new0 (Job, 1);
  job->path = g_strdup (tract_store_get_path (store));
  job->campaign_id = campaign_id;
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->progress = progress_new (progress, progress_data);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, load_in_thread);
}

TractAgenda *
tract_agenda_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tract_agenda_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Settings */

static void
forget_pagination (TractAgenda *self)
{
  g_mutex_lock (&self->lock);
  self->paginated_width = 0;
  self->paginated_height = 0;
  g_array_set_size (self->page_starts, 0);
  g_mutex_unlock (&self->lock);
}

gboolean
tract_agenda_set_language (TractAgenda  *self,
                           const char   *language,
                           GError      **error)
{
  const TractPrintLanguage *found;

  g_return_val_if_fail (TRACT_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  found = tract_print_language_get (language, error);
  if (found == NULL)
    return FALSE;
  if (found != self->language)
    {
      self->language = found;
      forget_pagination (self);
    }
  return TRUE;
}

const char *
tract_agenda_get_language (TractAgenda *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA (self), NULL);
  return tract_print_language_get_code (self->language);
}

void
tract_agenda_set_paper (TractAgenda *self,
                        TractPaper   paper)
{
  g_return_if_fail (TRACT_IS_AGENDA (self));
  g_return_if_fail (paper <= TRACT_PAPER_LETTER);
  self->paper = paper;
}

TractPaper
tract_agenda_get_paper (TractAgenda *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA (self), TRACT_PAPER_A4);
  return self->paper;
}

void
tract_agenda_get_page_size (TractAgenda *self,
                            double      *width,
                            double      *height)
{
  g_return_if_fail (TRACT_IS_AGENDA (self));
  tract_paper_get_size (self->paper, width, height);
}

guint
tract_agenda_get_n_events (TractAgenda *self)
{
  g_return_val_if_fail (TRACT_IS_AGENDA (self), 0);
  return self->events->len;
}

const char *
tract_agenda_get_event_title (TractAgenda *self,
                              guint        index)
{
  g_return_val_if_fail (TRACT_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return ((AgendaEvent *) self->events->pdata[index])->title;
}

/* Layout */

typedef struct
{
  TractAgenda      *self;
  PangoContext     *context;
  const TractColor *accent;
  double            unit;
  double            page_width, page_height;
  double            x, width;         /* the content column */
  double            body_top, body_bottom;
  double            day_column;       /* the dates' column, left of the events */
  double            gap;
} Sheet;

static void
sheet_init (Sheet       *sheet,
            TractAgenda *self,
            double       width,
            double       height)
{
  double margin = tract_print_get_margin (width, height);

  sheet->self = self;
  sheet->context = tract_print_context_new (self->language);
  sheet->accent = tract_print_kind_color ("rally");
  sheet->unit = MIN (width, height) / 595.276;
  sheet->page_width = width;
  sheet->page_height = height;
  sheet->x = margin;
  sheet->width = width - 2 * margin;
  sheet->gap = MAX (10 * sheet->unit, 6);
  sheet->day_column = MAX (64 * sheet->unit, 44);
  sheet->body_bottom = height - margin - MAX (24 * sheet->unit, 18);
}

static void
sheet_clear (Sheet *sheet)
{
  g_clear_object (&sheet->context);
}

static double
size (Sheet  *sheet,
      double  points,
      double  floor_size)
{
  return MAX (points * sheet->unit, floor_size);
}

static char *
date_span (TractAgenda *self)
{
  TractPrintTime first, last;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  const char *from = self->from;
  const char *to = self->to;

  if (from == NULL && self->events->len > 0)
    from = ((AgendaEvent *) self->events->pdata[0])->start_local;
  if (to == NULL && self->events->len > 0)
    to = ((AgendaEvent *) self->events->pdata[self->events->len - 1])->start_local;
  if (from == NULL || to == NULL || !tract_print_parse_local (from, &first) || !tract_print_parse_local (to, &last))
    return g_strdup ("");

  {
    g_autofree char *date_line = NULL;
    g_autofree char *time_line = NULL;
    g_autofree char *start = g_strdup_printf ("%04d-%02d-%02d", first.year, first.month, first.day);
    g_autofree char *end = g_strdup_printf ("%04d-%02d-%02d", last.year, last.month, last.day);

    tract_print_format_when (self->language, TRUE, start, end, &date_line, &time_line);
    return g_steal_pointer (&date_line);
  }
}

/* The top of page @page, drawn when @cr is not NULL; returns where the
 * body starts. */
static double
header (Sheet   *sheet,
        cairo_t *cr,
        guint    page)
{
  TractAgenda *self = sheet->self;
  double margin = tract_print_get_margin (sheet->page_width, sheet->page_height);
  double y = margin;
  g_autofree char *span = date_span (self);

  if (page == 0)
    {
      TractTextStyle kicker_style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, size (sheet, 11, 7.5), 0, 0.16,
                                      TRUE, PANGO_ALIGN_LEFT };
      TractTextStyle title_style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_ULTRABOLD, size (sheet, 34, 18), 0.95,
                                     -0.01, FALSE, PANGO_ALIGN_LEFT };
      TractTextStyle span_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, size (sheet, 14, 9.5), 0, 0,
                                    FALSE, PANGO_ALIGN_LEFT };
      TractTextStyle description_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 10, 7.5), 1.2, 0,
                                           FALSE, PANGO_ALIGN_LEFT };
      g_autoptr(PangoLayout) kicker = NULL;
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) dates = NULL;
      g_autoptr(PangoLayout) description = NULL;

      /* Translators: the kicker above a campaign's name on its printed programme. */
      kicker = tract_print_layout_new (sheet->context, &kicker_style,
                                       tract_print_tr (self->language, NC_("print agenda", "Agenda")),
                                       FALSE, sheet->width);
      tract_print_clamp (kicker, 1, 0);
      title = tract_print_fit (sheet->context, &title_style, self->campaign_name, FALSE, sheet->width,
                               sheet->page_height * 0.16, size (sheet, 16, 12));
      dates = tract_print_layout_new (sheet->context, &span_style, span, FALSE, sheet->width);
      tract_print_clamp (dates, 2, 0);
      if (*self->campaign_description != '\0')
        {
          description = tract_print_layout_new (sheet->context, &description_style, self->campaign_description,
                                                FALSE, sheet->width * 0.8);
          tract_print_clamp (description, 4, 0);
        }

      if (cr != NULL)
        {
          tract_print_set_color (cr, sheet->accent);
          tract_print_show (cr, kicker, sheet->x, y);
        }
      y += tract_print_layout_height (kicker) + sheet->gap * 0.4;
      if (cr != NULL)
        {
          tract_print_set_color (cr, &tract_print_ink);
          tract_print_show (cr, title, sheet->x, y);
        }
      y += tract_print_layout_height (title) + sheet->gap * 0.8;
      if (cr != NULL)
        {
          tract_print_set_color (cr, sheet->accent);
          cairo_rectangle (cr, sheet->x, y, size (sheet, 48, 28), size (sheet, 4, 2.5));
          cairo_fill (cr);
        }
      y += size (sheet, 4, 2.5) + sheet->gap * 0.8;
      if (cr != NULL)
        {
          tract_print_set_color (cr, &tract_print_ink);
          tract_print_show (cr, dates, sheet->x, y);
        }
      y += tract_print_layout_height (dates);
      if (description != NULL)
        {
          y += sheet->gap * 0.5;
          if (cr != NULL)
            {
              tract_print_set_color (cr, &tract_print_ink_muted);
              tract_print_show (cr, description, sheet->x, y);
            }
          y += tract_print_layout_height (description);
        }
      return y + sheet->gap * 2;
    }
  else
    {
      TractTextStyle name_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, size (sheet, 9, 7), 0, 0,
                                    FALSE, PANGO_ALIGN_LEFT };
      TractTextStyle span_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 9, 7), 0, 0,
                                    FALSE, PANGO_ALIGN_RIGHT };
      g_autoptr(PangoLayout) name = tract_print_layout_new (sheet->context, &name_style, self->campaign_name,
                                                            FALSE, sheet->width * 0.5);
      g_autoptr(PangoLayout) dates = tract_print_layout_new (sheet->context, &span_style, span, FALSE,
                                                             sheet->width * 0.5 - sheet->gap);
      double height;

      tract_print_clamp (name, 1, 0);
      tract_print_clamp (dates, 1, 0);
      height = MAX (tract_print_layout_height (name), tract_print_layout_height (dates));
      if (cr != NULL)
        {
          tract_print_set_color (cr, &tract_print_ink);
          tract_print_show (cr, name, sheet->x, y);
          tract_print_set_color (cr, &tract_print_ink_muted);
          tract_print_show (cr, dates, sheet->x + sheet->width * 0.5 + sheet->gap, y);
          tract_print_set_color (cr, &tract_print_rule);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, sheet->x, y + height + sheet->gap * 0.5);
          cairo_rel_line_to (cr, sheet->width, 0);
          cairo_stroke (cr);
        }
      return y + height + sheet->gap * 2;
    }
}

static void
footer (Sheet   *sheet,
        cairo_t *cr,
        guint    page,
        guint    n_pages)
{
  TractAgenda *self = sheet->self;
  TractTextStyle style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 8.5, 7), 0, 0,
                           FALSE, PANGO_ALIGN_RIGHT };
  TractTextStyle contact_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 8.5, 7), 0, 0,
                                   FALSE, PANGO_ALIGN_LEFT };
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *total = g_strdup_printf ("%u", n_pages);
  /* Translators: at the foot of every page of a printed agenda. */
  g_autofree char *text = tract_print_expand (tract_print_tr (self->language, NC_("print agenda", "Page {page} of {pages}")),
                                              "page", number, "pages", total, NULL);
  g_autoptr(PangoLayout) numbers = tract_print_layout_new (sheet->context, &style, text, FALSE, sheet->width * 0.3);
  double margin = tract_print_get_margin (sheet->page_width, sheet->page_height);
  double baseline_y;

  tract_print_clamp (numbers, 1, 0);
  baseline_y = sheet->page_height - margin - tract_print_layout_height (numbers);
  tract_print_set_color (cr, &tract_print_rule);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, sheet->x, baseline_y - sheet->gap * 0.5);
  cairo_rel_line_to (cr, sheet->width, 0);
  cairo_stroke (cr);
  tract_print_set_color (cr, &tract_print_ink_muted);
  tract_print_show (cr, numbers, sheet->x + sheet->width * 0.7, baseline_y);

  if (*self->campaign_contact != '\0')
    {
      g_autoptr(PangoLayout) contact = tract_print_layout_new (sheet->context, &contact_style,
                                                               self->campaign_contact, FALSE,
                                                               sheet->width * 0.7 - sheet->gap);

      tract_print_clamp (contact, 1, 0);
      tract_print_show (cr, contact, sheet->x, baseline_y);
    }
}

static gboolean
same_month (const AgendaEvent *a,
            const AgendaEvent *b)
{
  return a != NULL && b != NULL && a->date.year == b->date.year && a->date.month == b->date.month;
}

static gboolean
same_day (const AgendaEvent *a,
          const AgendaEvent *b)
{
  return same_month (a, b) && a->date.day == b->date.day;
}

/* One event, with the month and day headings it opens, at @y; drawn when
 * @cr is not NULL. Returns its height. */
static double
entry (Sheet   *sheet,
       cairo_t *cr,
       guint    index,
       gboolean first_on_page,
       double   y)
{
  TractAgenda *self = sheet->self;
  const TractPrintLanguage *language = self->language;
  AgendaEvent *event = self->events->pdata[index];
  AgendaEvent *previous = index > 0 ? self->events->pdata[index - 1] : NULL;
  gboolean month_heading = first_on_page || !same_month (previous, event);
  gboolean day_heading = first_on_page || !same_day (previous, event);
  const TractColor *kind_color = tract_print_kind_color (event->kind);
  gboolean cancelled = g_strcmp0 (event->status, "cancelled") == 0;
  double top = y;
  double details_x = sheet->x + sheet->day_column;
  double details_width = sheet->width - sheet->day_column;
  double details_y, day_bottom;

  if (month_heading)
    {
      TractTextStyle style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_ULTRABOLD, size (sheet, 17, 11), 0, 0,
                               FALSE, PANGO_ALIGN_LEFT };
      g_autofree char *month = tract_print_format_month (language, event->date.year, event->date.month);
      g_autoptr(PangoLayout) layout = tract_print_layout_new (sheet->context, &style, month, FALSE, sheet->width);

      tract_print_clamp (layout, 1, 0);
      if (!first_on_page)
        y += sheet->gap * 1.2;
      if (cr != NULL)
        {
          tract_print_set_color (cr, sheet->accent);
          tract_print_show (cr, layout, sheet->x, y);
        }
      y += tract_print_layout_height (layout) + sheet->gap * 0.3;
      if (cr != NULL)
        {
          cairo_rectangle (cr, sheet->x, y, sheet->width, size (sheet, 1.5, 1));
          cairo_fill (cr);
        }
      y += size (sheet, 1.5, 1) + sheet->gap * 0.8;
    }
  else if (day_heading)
    {
      y += sheet->gap * 0.6;
      if (cr != NULL)
        {
          tract_print_set_color (cr, &tract_print_rule);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, sheet->x, y);
          cairo_rel_line_to (cr, sheet->width, 0);
          cairo_stroke (cr);
        }
      y += sheet->gap * 0.8;
    }
  else
    y += sheet->gap * 0.9;

  details_y = y;
  day_bottom = y;
  if (day_heading)
    {
      TractTextStyle number_style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_ULTRABOLD, size (sheet, 24, 14), 0.9, 0,
                                      FALSE, PANGO_ALIGN_LEFT };
      TractTextStyle weekday_style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, size (sheet, 7.5, 6), 0, 0.12,
                                       TRUE, PANGO_ALIGN_LEFT };
      g_autofree char *number = g_strdup_printf ("%d", event->date.day);
      g_autoptr(PangoLayout) day = tract_print_layout_new (sheet->context, &number_style, number, FALSE,
                                                           sheet->day_column - sheet->gap);
      g_autoptr(PangoLayout) weekday = tract_print_layout_new (sheet->context, &weekday_style,
                                                               tract_print_weekday_name (language, &event->date),
                                                               FALSE, sheet->day_column - sheet->gap * 0.5);

      tract_print_clamp (weekday, 1, 0);
      if (cr != NULL)
        {
          tract_print_set_color (cr, &tract_print_ink);
          tract_print_show (cr, day, sheet->x, y);
          tract_print_set_color (cr, &tract_print_ink_muted);
          tract_print_show (cr, weekday, sheet->x, y + tract_print_layout_height (day));
        }
      day_bottom = y + tract_print_layout_height (day) + tract_print_layout_height (weekday);
    }

  /* Hours and kind; title; place; organizers; description. */
  {
    TractTextStyle meta_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, size (sheet, 9.5, 7), 0, 0,
                                  FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle title_style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, size (sheet, 13, 9), 1.0, 0,
                                   FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle place_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 9, 7), 0, 0,
                                   FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle text_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (sheet, 9, 7), 1.15, 0,
                                  FALSE, PANGO_ALIGN_LEFT };
    g_autofree char *when = tract_print_format_agenda_time (language, event->all_day, event->start_local,
                                                            event->end_local);
    g_autofree char *when_escaped = g_markup_escape_text (when, -1);
    g_autofree char *kind_escaped = g_markup_escape_text (tract_print_kind_label (language, event->kind), -1);
    g_autofree char *kind_color_text = g_strdup_printf ("#%02x%02x%02x", (int) (kind_color->red * 255),
                                                        (int) (kind_color->green * 255),
                                                        (int) (kind_color->blue * 255));
    const char *status = tract_print_status_label (language, event->status);
    g_autofree char *status_escaped = status != NULL ? g_markup_escape_text (status, -1) : NULL;
    g_autofree char *meta = g_strdup_printf ("%s   <span foreground=\"%s\" size=\"smaller\" "
                                             "text_transform=\"uppercase\" letter_spacing=\"300\">%s%s%s</span>",
                                             when_escaped, kind_color_text, kind_escaped,
                                             status != NULL ? "  ·  " : "",
                                             status != NULL ? status_escaped : "");
    g_autofree char *title_markup = NULL;
    g_autoptr(PangoLayout) meta_layout = tract_print_layout_new (sheet->context, &meta_style, meta, TRUE,
                                                                 details_width);
    g_autoptr(PangoLayout) title = NULL;
    g_autoptr(PangoLayout) place = NULL;
    g_autoptr(PangoLayout) organizers = NULL;
    g_autoptr(PangoLayout) description = NULL;

    {
      g_autofree char *escaped = g_markup_escape_text (event->title, -1);

      title_markup = cancelled ? g_strdup_printf ("<s>%s</s>", escaped) : g_steal_pointer (&escaped);
    }
    title = tract_print_layout_new (sheet->context, &title_style, title_markup, TRUE, details_width);
    tract_print_clamp (meta_layout, 2, 0);
    tract_print_clamp (title, 3, 0);
    if (*event->place != '\0')
      {
        place = tract_print_layout_new (sheet->context, &place_style, event->place, FALSE, details_width);
        tract_print_clamp (place, 2, 0);
      }
    if (*event->organizers != '\0')
      {
        /* Translators: in the agenda, before the organizers' acronyms, e.g.
         * "Called by ACTIT, BIR-KAR"; French: "À l’appel de {organizers}". */
        g_autofree char *text = tract_print_expand (tract_print_tr (language, NC_("print agenda",
                                                                                "Called by {organizers}")),
                                                    "organizers", event->organizers, NULL);

        organizers = tract_print_layout_new (sheet->context, &place_style, text, FALSE, details_width);
        tract_print_clamp (organizers, 2, 0);
      }
    if (*event->description != '\0')
      {
        description = tract_print_layout_new (sheet->context, &text_style, event->description, FALSE,
                                              details_width * 0.92);
        tract_print_clamp (description, 3, 0);
      }

    if (cr != NULL)
      {
        tract_print_set_color (cr, &tract_print_ink);
        tract_print_show (cr, meta_layout, details_x, details_y);
      }
    details_y += tract_print_layout_height (meta_layout) + sheet->gap * 0.15;
    if (cr != NULL)
      {
        tract_print_set_color (cr, cancelled ? &tract_print_ink_muted : &tract_print_ink);
        tract_print_show (cr, title, details_x, details_y);
      }
    details_y += tract_print_layout_height (title);
    if (place != NULL)
      {
        if (cr != NULL)
          {
            tract_print_set_color (cr, &tract_print_ink_muted);
            tract_print_show (cr, place, details_x, details_y + sheet->gap * 0.2);
          }
        details_y += tract_print_layout_height (place) + sheet->gap * 0.2;
      }
    if (organizers != NULL)
      {
        if (cr != NULL)
          {
            tract_print_set_color (cr, &tract_print_ink_muted);
            tract_print_show (cr, organizers, details_x, details_y);
          }
        details_y += tract_print_layout_height (organizers);
      }
    if (description != NULL)
      {
        if (cr != NULL)
          {
            tract_print_set_color (cr, &tract_print_ink);
            tract_print_show (cr, description, details_x, details_y + sheet->gap * 0.3);
          }
        details_y += tract_print_layout_height (description) + sheet->gap * 0.3;
      }
  }

  return MAX (details_y, day_bottom) - top;
}

/* Call with the lock held. */
static void
paginate_locked (TractAgenda *self,
                 double       width,
                 double       height)
{
  Sheet sheet;
  double y;
  guint zero = 0;
  gboolean first_on_page = TRUE;

  if (self->page_starts->len > 0 && self->paginated_width == width && self->paginated_height == height)
    return;

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, zero);
  sheet_init (&sheet, self, width, height);
  y = header (&sheet, NULL, 0);

  for (guint i = 0; i < self->events->len; i++)
    {
      double entry_height = entry (&sheet, NULL, i, first_on_page, y);

      if (!first_on_page && y + entry_height > sheet.body_bottom)
        {
          g_array_append_val (self->page_starts, i);
          y = header (&sheet, NULL, self->page_starts->len - 1);
          first_on_page = TRUE;
          entry_height = entry (&sheet, NULL, i, first_on_page, y);
        }
      /* An entry taller than a page (it cannot be: every part is clamped)
       * would still get a page of its own rather than loop. */
      y += entry_height;
      first_on_page = FALSE;
    }

  self->paginated_width = width;
  self->paginated_height = height;
  sheet_clear (&sheet);
}

guint
tract_agenda_paginate (TractAgenda *self,
                       double       width,
                       double       height)
{
  guint n_pages;

  g_return_val_if_fail (TRACT_IS_AGENDA (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  g_mutex_lock (&self->lock);
  paginate_locked (self, width, height);
  n_pages = self->page_starts->len;
  g_mutex_unlock (&self->lock);
  return n_pages;
}

void
tract_agenda_draw_page (TractAgenda *self,
                        cairo_t     *cr,
                        guint        page,
                        double       width,
                        double       height)
{
  Sheet sheet;
  guint first, last, n_pages;
  double y;

  g_return_if_fail (TRACT_IS_AGENDA (self));
  g_return_if_fail (cr != NULL);

  g_mutex_lock (&self->lock);
  paginate_locked (self, width, height);
  n_pages = self->page_starts->len;
  if (page >= n_pages)
    {
      g_mutex_unlock (&self->lock);
      g_return_if_reached ();
    }
  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < n_pages ? g_array_index (self->page_starts, guint, page + 1) : self->events->len;

  sheet_init (&sheet, self, width, height);
  cairo_save (cr);
  y = header (&sheet, cr, page);
  for (guint i = first; i < last; i++)
    y += entry (&sheet, cr, i, i == first, y);

  if (self->events->len == 0)
    {
      TractTextStyle style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, size (&sheet, 12, 9), 0, 0,
                               FALSE, PANGO_ALIGN_LEFT };
      /* Translators: the whole body of an agenda without events. */
      g_autoptr(PangoLayout) empty = tract_print_layout_new (sheet.context, &style,
                                                             tract_print_tr (self->language,
                                                                             NC_("print agenda", "No events in this period.")),
                                                             FALSE, sheet.width);

      tract_print_set_color (cr, &tract_print_ink_muted);
      tract_print_show (cr, empty, sheet.x, y);
    }
  footer (&sheet, cr, page, n_pages);
  cairo_restore (cr);
  sheet_clear (&sheet);
  g_mutex_unlock (&self->lock);
}

/* Files */

static gboolean
draw_pdf_page (cairo_t       *cr,
               guint          page,
               double         width,
               double         height,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  tract_agenda_draw_page (user_data, cr, page, width, height);
  return TRUE;
}

gboolean
tract_agenda_write_pdf (TractAgenda             *self,
                        const char              *path,
                        GCancellable            *cancellable,
                        TractPrintProgressFunc   progress,
                        gpointer                 progress_data,
                        GError                 **error)
{
  double width, height;
  guint n_pages;

  g_return_val_if_fail (TRACT_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tract_agenda_get_page_size (self, &width, &height);
  n_pages = tract_agenda_paginate (self, width, height);
  return tract_print_write_pdf (path, self->campaign_name, width, height, n_pages, draw_pdf_page, self,
                                cancellable, progress, progress_data, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (tract_agenda_write_pdf (source_object, job->path, cancellable, post_progress, job->progress, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
tract_agenda_write_pdf_async (TractAgenda            *self,
                              const char             *path,
                              GCancellable           *cancellable,
                              TractPrintProgressFunc  progress,
                              gpointer                progress_data,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (TRACT_IS_AGENDA (self));
  g_return_if_fail (path != NULL);

  /* The task holds a reference to the agenda for the whole job. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tract_agenda_write_pdf_async);
  /* The thread says whether the file was written, even when cancelled late. */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  job->progress = progress_new (progress, progress_data);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
tract_agenda_write_pdf_finish (TractAgenda   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tract_agenda_write_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
