/* tract-flyer.c — an event's flyer, drawn onto any cairo_t
 *
 * The page is a column in a generous margin: the kind as a tracked kicker,
 * the title as large as its length allows, an accent rule, when and where,
 * the picture, the description, then — anchored to the foot — who calls
 * for it, the QR code of its page, and the campaign. Everything is
 * measured before anything is drawn: the parts that must be read (date,
 * place, organizers, campaign) are placed first, the title gets what its
 * share allows, and the description takes the rest, shrinking and, as a
 * last resort, ending in an ellipsis. Nothing overflows its box, whatever
 * the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tract-print"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tract-campaign.h"
#include "tract-event-image.h"
#include "tract-event-organization.h"
#include "tract-flyer.h"
#include "tract-organization.h"
#include "tract-print-private.h"

typedef struct
{
  char *role;
  char *acronym;
  char *name;
} FlyerOrganization;

static void
flyer_organization_free (gpointer data)
{
  FlyerOrganization *organization = data;

  g_free (organization->role);
  g_free (organization->acronym);
  g_free (organization->name);
  g_free (organization);
}

struct _TractFlyer
{
  GObject                   parent_instance;

  TractFlyerTemplate        template_;
  TractPaper                paper;
  const TractPrintLanguage *language;

  char                     *title;
  char                     *kind;
  char                     *status;
  gboolean                  all_day;
  char                     *start_local;
  char                     *end_local;
  char                     *time_zone;
  char                     *location_name;
  char                     *address;
  char                     *description;
  char                     *url;
  char                     *campaign_name;
  char                     *campaign_contact;
  char                     *campaign_time_zone;
  GPtrArray                *organizations; /* FlyerOrganization, by role then position */
  cairo_surface_t          *image;
};

G_DEFINE_FINAL_TYPE (TractFlyer, tract_flyer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TractPaper, tract_paper,
                    G_DEFINE_ENUM_VALUE (TRACT_PAPER_A4, "a4"),
                    G_DEFINE_ENUM_VALUE (TRACT_PAPER_A5, "a5"),
                    G_DEFINE_ENUM_VALUE (TRACT_PAPER_LETTER, "letter"))

G_DEFINE_ENUM_TYPE (TractFlyerTemplate, tract_flyer_template,
                    G_DEFINE_ENUM_VALUE (TRACT_FLYER_POSTER, "poster"),
                    G_DEFINE_ENUM_VALUE (TRACT_FLYER_HANDOUT, "handout"))

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_PAPER,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
tract_flyer_template_from_name (const char          *name,
                                TractFlyerTemplate  *template_,
                                GError             **error)
{
  if (name != NULL && g_ascii_strcasecmp (name, "poster") == 0)
    *template_ = TRACT_FLYER_POSTER;
  else if (name != NULL && g_ascii_strcasecmp (name, "handout") == 0)
    *template_ = TRACT_FLYER_HANDOUT;
  else
    {
      g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION,
                   _("Unknown flyer template “%s”; choose poster or handout."), name != NULL ? name : "");
      return FALSE;
    }
  return TRUE;
}

static void
tract_flyer_finalize (GObject *object)
{
  TractFlyer *self = TRACT_FLYER (object);

  g_free (self->title);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->start_local);
  g_free (self->end_local);
  g_free (self->time_zone);
  g_free (self->location_name);
  g_free (self->address);
  g_free (self->description);
  g_free (self->url);
  g_free (self->campaign_name);
  g_free (self->campaign_contact);
  g_free (self->campaign_time_zone);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->image, cairo_surface_destroy);

  G_OBJECT_CLASS (tract_flyer_parent_class)->finalize (object);
}

static void
tract_flyer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TractFlyer *self = TRACT_FLYER (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_enum (value, self->template_);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, tract_print_language_get_code (self->language));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_flyer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TractFlyer *self = TRACT_FLYER (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      tract_flyer_set_template (self, g_value_get_enum (value));
      break;
    case PROP_PAPER:
      tract_flyer_set_paper (self, g_value_get_enum (value));
      break;
    case PROP_LANGUAGE:
      /* A binding cannot report an error: an unknown language keeps the current one. */
      tract_flyer_set_language (self, g_value_get_string (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tract_flyer_class_init (TractFlyerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tract_flyer_finalize;
  object_class->get_property = tract_flyer_get_property;
  object_class->set_property = tract_flyer_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_enum ("template", NULL, NULL, TRACT_TYPE_FLYER_TEMPLATE, TRACT_FLYER_POSTER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAPER] =
    g_param_spec_enum ("paper", NULL, NULL, TRACT_TYPE_PAPER, TRACT_PAPER_A4,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tract_flyer_init (TractFlyer *self)
{
  self->template_ = TRACT_FLYER_POSTER;
  self->paper = TRACT_PAPER_A4;
  self->language = tract_print_language_get_default ();
  self->organizations = g_ptr_array_new_with_free_func (flyer_organization_free);
}

/* Reading the store */

static char *
dup_text (gpointer    record,
          const char *column)
{
  return g_strdup (tract_record_get_text (TRACT_RECORD (record), column));
}

static gboolean
load_organizations (TractFlyer  *self,
                    TractStore  *store,
                    gint64       event_id,
                    GError     **error)
{
  static const char * const roles[] = { "organizer", "partner", "speaker", "delegation" };
  g_autoptr(GPtrArray) links = NULL;

  links = tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id", event_id, "position, id", error);
  if (links == NULL)
    return FALSE;

  /* Grouped by role in a fixed order, each group in the event's own order. */
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < links->len; i++)
      {
        TractRecord *link = links->pdata[i];
        g_autoptr(TractOrganization) organization = NULL;
        FlyerOrganization *item;

        if (g_strcmp0 (tract_record_get_text (link, "role"), roles[r]) != 0)
          continue;
        organization = tract_store_load (store, TRACT_TYPE_ORGANIZATION,
                                         tract_record_get_integer (link, "organization_id"), error);
        if (organization == NULL)
          return FALSE;

        item = g_new0 (FlyerOrganization, 1);
        item->role = g_strdup (roles[r]);
        item->acronym = g_strstrip (dup_text (organization, "acronym"));
        item->name = g_strstrip (dup_text (organization, "name"));
        g_ptr_array_add (self->organizations, item);
      }
  return TRUE;
}

TractFlyer *
tract_flyer_new (TractStore  *store,
                 TractEvent  *event,
                 GError     **error)
{
  g_autoptr(TractFlyer) self = NULL;
  g_autoptr(TractCampaign) campaign = NULL;
  gint64 event_id;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (TRACT_IS_EVENT (event), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TRACT_TYPE_FLYER, NULL);
  /* Only what a flyer shows is copied; private notes stay in the database. */
  self->title = g_strstrip (dup_text (event, "title"));
  self->kind = dup_text (event, "kind");
  self->status = dup_text (event, "status");
  self->all_day = tract_event_get_all_day (event);
  self->start_local = dup_text (event, "start_local");
  self->end_local = dup_text (event, "end_local");
  self->time_zone = dup_text (event, "time_zone");
  self->location_name = g_strstrip (dup_text (event, "location_name"));
  self->address = g_strstrip (dup_text (event, "address"));
  self->description = g_strstrip (dup_text (event, "description"));
  self->url = g_strstrip (dup_text (event, "url"));

  campaign = tract_store_load (store, TRACT_TYPE_CAMPAIGN,
                               tract_record_get_integer (TRACT_RECORD (event), "campaign_id"), error);
  if (campaign == NULL)
    return NULL;
  self->campaign_name = g_strstrip (dup_text (campaign, "name"));
  self->campaign_contact = g_strstrip (dup_text (campaign, "contact"));
  self->campaign_time_zone = dup_text (campaign, "time_zone");

  event_id = tract_record_get_id (TRACT_RECORD (event));
  if (event_id > 0)
    {
      g_autoptr(GBytes) data = NULL;
      g_autofree char *mime_type = NULL;

      if (!load_organizations (self, store, event_id, error))
        return NULL;

      data = tract_event_image_get (store, event_id, &mime_type, NULL, NULL, error);
      if (data == NULL && error != NULL && *error != NULL)
        return NULL;
      if (data != NULL)
        {
          self->image = tract_print_image_decode (data, mime_type, error);
          if (self->image == NULL)
            return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/* Settings */

void
tract_flyer_set_template (TractFlyer         *self,
                          TractFlyerTemplate  template_)
{
  g_return_if_fail (TRACT_IS_FLYER (self));
  g_return_if_fail (template_ == TRACT_FLYER_POSTER || template_ == TRACT_FLYER_HANDOUT);

  if (self->template_ == template_)
    return;
  self->template_ = template_;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

TractFlyerTemplate
tract_flyer_get_template (TractFlyer *self)
{
  g_return_val_if_fail (TRACT_IS_FLYER (self), TRACT_FLYER_POSTER);
  return self->template_;
}

void
tract_flyer_set_paper (TractFlyer *self,
                       TractPaper  paper)
{
  g_return_if_fail (TRACT_IS_FLYER (self));
  g_return_if_fail (paper <= TRACT_PAPER_LETTER);

  if (self->paper == paper)
    return;
  self->paper = paper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

TractPaper
tract_flyer_get_paper (TractFlyer *self)
{
  g_return_val_if_fail (TRACT_IS_FLYER (self), TRACT_PAPER_A4);
  return self->paper;
}

gboolean
tract_flyer_set_language (TractFlyer  *self,
                          const char  *language,
                          GError     **error)
{
  const TractPrintLanguage *found;

  g_return_val_if_fail (TRACT_IS_FLYER (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  found = tract_print_language_get (language, error);
  if (found == NULL)
    return FALSE;
  if (found != self->language)
    {
      self->language = found;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
  return TRUE;
}

const char *
tract_flyer_get_language (TractFlyer *self)
{
  g_return_val_if_fail (TRACT_IS_FLYER (self), NULL);
  return tract_print_language_get_code (self->language);
}

gboolean
tract_flyer_set_image (TractFlyer  *self,
                       GBytes      *data,
                       GError     **error)
{
  cairo_surface_t *image = NULL;
  const char *mime_type = NULL;

  g_return_val_if_fail (TRACT_IS_FLYER (self), FALSE);

  if (data != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!tract_event_image_sniff (data, &mime_type, NULL, NULL, &local_error))
        {
          g_set_error_literal (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_IMAGE, local_error->message);
          return FALSE;
        }
      image = tract_print_image_decode (data, mime_type, error);
      if (image == NULL)
        return FALSE;
    }
  g_clear_pointer (&self->image, cairo_surface_destroy);
  self->image = image;
  return TRUE;
}

void
tract_flyer_get_page_size (TractFlyer *self,
                           double     *width,
                           double     *height)
{
  double paper_width, paper_height;

  g_return_if_fail (TRACT_IS_FLYER (self));

  tract_paper_get_size (self->paper, &paper_width, &paper_height);
  if (self->template_ == TRACT_FLYER_HANDOUT)
    {
      /* Two upright halves side by side: A5 + A5 on A4 turned sideways. */
      if (width != NULL)
        *width = paper_height;
      if (height != NULL)
        *height = paper_width;
    }
  else
    {
      if (width != NULL)
        *width = paper_width;
      if (height != NULL)
        *height = paper_height;
    }
}

/* Layout */

/* Sizes are those of an A4 poster, scaled by the page's short side, with
 * floors where the text would stop being readable. */
#define A4_SHORT_SIDE 595.276

typedef struct
{
  TractFlyer   *self;
  PangoContext *context;
  const TractColor *accent;
  double        unit;   /* 1 on A4 */
  double        x, y;   /* the content box */
  double        width, height;
} Page;

static double
scaled (Page   *page,
        double  size,
        double  floor_size)
{
  return MAX (size * page->unit, floor_size);
}

static char *
color_markup (const TractColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (color->red * 255), (int) (color->green * 255),
                          (int) (color->blue * 255));
}

/* "<b>ACTIT</b> Association Culturelle … · <b>BIR-KAR</b> …", each role's
 * group after its heading. @names FALSE gives acronyms only. */
static char *
organizations_markup (Page     *page,
                      gboolean  names)
{
  TractFlyer *self = page->self;
  g_autofree char *accent = color_markup (page->accent);
  g_autofree char *muted = color_markup (&tract_print_ink_muted);
  GString *markup = g_string_new (NULL);
  const char *role = NULL;

  for (guint i = 0; i < self->organizations->len; i++)
    {
      FlyerOrganization *organization = self->organizations->pdata[i];
      const char *acronym = *organization->acronym != '\0' ? organization->acronym : organization->name;

      if (g_strcmp0 (role, organization->role) != 0)
        {
          g_autofree char *heading = g_markup_escape_text (tract_print_role_label (self->language,
                                                                                   organization->role), -1);

          role = organization->role;
          g_string_append_printf (markup, "%s<span foreground=\"%s\" weight=\"bold\" "
                                  "text_transform=\"uppercase\" letter_spacing=\"600\">%s</span>  ",
                                  markup->len > 0 ? "\n" : "", accent, heading);
        }
      else
        g_string_append_printf (markup, "<span foreground=\"%s\">  ·  </span>", muted);

      {
        g_autofree char *bold = g_markup_escape_text (acronym, -1);

        g_string_append_printf (markup, "<b>%s</b>", bold);
      }
      if (names && *organization->acronym != '\0' && g_strcmp0 (organization->acronym, organization->name) != 0)
        {
          /* "Amis de l’ICOR (Coordination …)": the acronym begins the name. */
          const char *rest = g_str_has_prefix (organization->name, organization->acronym)
                               ? organization->name + strlen (organization->acronym)
                               : NULL;
          g_autofree char *escaped = g_markup_escape_text (rest != NULL ? rest : organization->name, -1);

          g_string_append_printf (markup, "%s%s", rest != NULL ? "" : " ", escaped);
        }
    }
  return g_string_free (markup, FALSE);
}

/* A short form of the URL under its QR code. */
static char *
display_url (const char *url)
{
  const char *start = url;
  g_autofree char *copy = NULL;

  if (g_str_has_prefix (start, "https://"))
    start += 8;
  else if (g_str_has_prefix (start, "http://"))
    start += 7;
  if (g_str_has_prefix (start, "www."))
    start += 4;
  copy = g_strdup (start);
  if (g_str_has_suffix (copy, "/"))
    copy[strlen (copy) - 1] = '\0';
  return g_steal_pointer (&copy);
}

static char *
when_time_line (TractFlyer *self,
                char       *time_line)
{
  g_autofree char *zone = NULL;
  const char *slash;

  /* Only worth saying when the event is not in the campaign's own zone. */
  if (time_line == NULL || g_strcmp0 (self->time_zone, self->campaign_time_zone) == 0)
    return time_line;

  slash = strrchr (self->time_zone, '/');
  zone = g_strdup (slash != NULL ? slash + 1 : self->time_zone);
  g_strdelimit (zone, "_", ' ');
  {
    /* Translators: the hours of an event held in another time zone than
     * its campaign's, e.g. "2 PM – 5 PM (Istanbul)". */
    char *with_zone = tract_print_expand (tract_print_tr (self->language,
                                                          NC_("print time zone", "{times} ({zone})")),
                                          "times", time_line, "zone", zone, NULL);
    g_free (time_line);
    return with_zone;
  }
}

/* The layouts of one flyer, measured before anything is drawn. */
typedef struct
{
  PangoLayout *kicker;
  PangoLayout *badge;
  PangoLayout *title;
  PangoLayout *date;
  PangoLayout *time;
  PangoLayout *place;
  PangoLayout *address;
  PangoLayout *description;
  PangoLayout *organizations;
  PangoLayout *campaign;
  PangoLayout *contact;
  PangoLayout *url_caption;
} Parts;

static void
parts_clear (Parts *parts)
{
  PangoLayout **layouts = (PangoLayout **) parts;

  for (guint i = 0; i < sizeof (Parts) / sizeof (PangoLayout *); i++)
    g_clear_object (&layouts[i]);
}

static double
height_of (PangoLayout *layout)
{
  return layout != NULL ? tract_print_layout_height (layout) : 0;
}

static void
draw_strike_through (Page        *page,
                     cairo_t     *cr,
                     PangoLayout *title,
                     double       top)
{
  PangoLayoutIter *iter = pango_layout_get_iter (title);
  double size = pango_font_description_get_size (pango_layout_get_font_description (title)) / (double) PANGO_SCALE;

  cairo_save (cr);
  tract_print_set_color (cr, page->accent);
  cairo_set_line_width (cr, MAX (size * 0.06, 1));
  do
    {
      PangoRectangle line;
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      if (line.width > 0)
        {
          /* Through the middle of the lowercase letters. */
          cairo_move_to (cr, page->x + line.x / (double) PANGO_SCALE, top + baseline - size * 0.27);
          cairo_rel_line_to (cr, line.width / (double) PANGO_SCALE, 0);
        }
    }
  while (pango_layout_iter_next_line (iter));
  cairo_stroke (cr);
  cairo_restore (cr);
  pango_layout_iter_free (iter);
}

static void
draw_flyer (TractFlyer *self,
            cairo_t    *cr,
            double      x,
            double      y,
            double      width,
            double      height)
{
  Page page = { self, NULL, tract_print_kind_color (self->kind), MIN (width, height) / A4_SHORT_SIDE };
  double margin = tract_print_get_margin (width, height);
  PangoContext *context = tract_print_context_new (self->language);
  Parts parts = { NULL };
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  const char *status = tract_print_status_label (self->language, self->status);
  gboolean cancelled = g_strcmp0 (self->status, "cancelled") == 0;
  double gap, panel_padding, panel_height, qr_size = 0, qr_block = 0, badge_width = 0, badge_padding;
  double kicker_height, footer_height, organizations_height, block_height, bottom_height;
  double title_budget, middle_top, middle_bottom, cursor;
  double W, H;

  page.context = context;
  page.x = x + margin;
  page.y = y + margin;
  page.width = W = width - 2 * margin;
  page.height = H = height - 2 * margin;
  gap = scaled (&page, 12, 6);
  panel_padding = scaled (&page, 16, 9);
  badge_padding = scaled (&page, 6, 3);

  /* Measure. The kicker row: the kind, and a stamp when the event is not
   * confirmed. */
  if (status != NULL)
    {
      TractTextStyle style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, scaled (&page, 14, 8), 0, 0.12,
                               TRUE, PANGO_ALIGN_LEFT };

      parts.badge = tract_print_layout_new (context, &style, status, FALSE, W / 2);
      tract_print_clamp (parts.badge, 1, 0);
      badge_width = tract_print_layout_width (parts.badge) + 2 * badge_padding;
    }
  {
    TractTextStyle style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_BOLD, scaled (&page, 12, 7.5), 0, 0.16,
                             TRUE, PANGO_ALIGN_LEFT };

    parts.kicker = tract_print_layout_new (context, &style, tract_print_kind_label (self->language, self->kind),
                                           FALSE, W - badge_width - gap);
    tract_print_clamp (parts.kicker, 1, 0);
    kicker_height = height_of (parts.kicker);
    if (parts.badge != NULL)
      kicker_height = MAX (kicker_height, height_of (parts.badge) + badge_padding);
  }

  /* When and where, on a panel of the accent colour. */
  tract_print_format_when (self->language, self->all_day, self->start_local, self->end_local,
                           &date_text, &time_text);
  time_text = when_time_line (self, time_text);
  {
    TractTextStyle date_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, scaled (&page, 24, 11), 1.05, 0,
                                  FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle time_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 18, 9.5), 0, 0,
                                  FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle place_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, scaled (&page, 16, 9), 0, 0,
                                   FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle address_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 12.5, 8), 0, 0,
                                     FALSE, PANGO_ALIGN_LEFT };
    double inner = W - 2 * panel_padding;

    parts.date = tract_print_layout_new (context, &date_style, date_text, FALSE, inner);
    tract_print_clamp (parts.date, 3, 0);
    if (time_text != NULL)
      {
        parts.time = tract_print_layout_new (context, &time_style, time_text, FALSE, inner);
        tract_print_clamp (parts.time, 2, 0);
      }
    if (*self->location_name != '\0')
      {
        parts.place = tract_print_layout_new (context, &place_style, self->location_name, FALSE, inner);
        tract_print_clamp (parts.place, 2, 0);
      }
    /* The address often repeats the place ("Paris", "Paris"): say it once. */
    if (*self->address != '\0' && g_strcmp0 (self->address, self->location_name) != 0)
      {
        parts.address = tract_print_layout_new (context, &address_style, self->address, FALSE, inner);
        tract_print_clamp (parts.address, 3, 0);
      }
    panel_height = 2 * panel_padding + height_of (parts.date) + height_of (parts.time)
                   + height_of (parts.place) + height_of (parts.address);
    if (parts.place != NULL || parts.address != NULL)
      panel_height += gap * 0.6;
  }

  /* The foot: campaign and contact. */
  {
    TractTextStyle name_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_BOLD, scaled (&page, 10, 7), 0, 0,
                                  FALSE, PANGO_ALIGN_LEFT };
    TractTextStyle contact_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 10, 7), 0, 0,
                                     FALSE, PANGO_ALIGN_RIGHT };

    parts.campaign = tract_print_layout_new (context, &name_style, self->campaign_name, FALSE, W * 0.55);
    tract_print_clamp (parts.campaign, 2, 0);
    if (*self->campaign_contact != '\0')
      {
        parts.contact = tract_print_layout_new (context, &contact_style, self->campaign_contact, FALSE,
                                                W * 0.45 - gap);
        tract_print_clamp (parts.contact, 2, 0);
      }
    footer_height = MAX (height_of (parts.campaign), height_of (parts.contact)) + gap * 0.75;
  }

  /* Who calls for it, beside the QR code of the event's page. */
  if (*self->url != '\0')
    {
      TractTextStyle caption_style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 8, 6), 0, 0,
                                       FALSE, PANGO_ALIGN_CENTER };
      g_autofree char *shown = display_url (self->url);

      qr_size = scaled (&page, 86, 64);
      parts.url_caption = tract_print_layout_new (context, &caption_style, shown, FALSE, qr_size);
      pango_layout_set_ellipsize (parts.url_caption, PANGO_ELLIPSIZE_MIDDLE);
      qr_block = qr_size + height_of (parts.url_caption);
    }
  if (self->organizations->len > 0)
    {
      TractTextStyle style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 11, 7), 1.15, 0,
                               FALSE, PANGO_ALIGN_LEFT };
      double organizations_width = W - (qr_size > 0 ? qr_size + 2 * gap : 0);
      double budget = MAX (H * 0.22, qr_block);
      g_autofree char *markup = organizations_markup (&page, TRUE);

      parts.organizations = tract_print_fit (context, &style, markup, TRUE, organizations_width, budget, 7);
      if (pango_layout_is_ellipsized (parts.organizations))
        {
          /* Too many to name in full: acronyms alone. */
          g_autofree char *short_markup = organizations_markup (&page, FALSE);

          g_clear_object (&parts.organizations);
          parts.organizations = tract_print_fit (context, &style, short_markup, TRUE, organizations_width,
                                                 budget, 6.5);
        }
    }
  organizations_height = height_of (parts.organizations);
  block_height = MAX (organizations_height, qr_block);

  /* The bottom stack, from the foot up: campaign, organizers and code, the
   * panel. What must be read is placed first; the title and the
   * description share the rest. */
  bottom_height = footer_height + panel_height;
  if (block_height > 0)
    bottom_height += block_height + gap * 1.5;

  {
    TractTextStyle style = { TRACT_PRINT_FONT_DISPLAY, PANGO_WEIGHT_ULTRABOLD, scaled (&page, 80, 20), 0.92,
                             -0.01, FALSE, PANGO_ALIGN_LEFT };
    double reserve = *self->description != '\0' || self->image != NULL ? scaled (&page, 60, 30) : 0;

    title_budget = MIN (H * 0.42, H - kicker_height - gap * 0.5 - bottom_height - gap * 2.5 - reserve);
    title_budget = MAX (title_budget, scaled (&page, 14, 12) * 1.3);
    parts.title = tract_print_fit (context, &style, self->title, FALSE, W, title_budget, scaled (&page, 16, 11));
  }

  middle_top = page.y + kicker_height + gap * 0.5 + height_of (parts.title) + gap * 1.25;
  middle_bottom = page.y + H - bottom_height - gap * 1.25;

  /* The description first, as large as fits (the picture takes what it
   * leaves, but leaves it at least half). */
  if (*self->description != '\0' && middle_bottom - middle_top > scaled (&page, 10, 7))
    {
      TractTextStyle style = { TRACT_PRINT_FONT_TEXT, PANGO_WEIGHT_NORMAL, scaled (&page, 17, 8.5), 1.25, 0,
                               FALSE, PANGO_ALIGN_LEFT };
      double budget = middle_bottom - middle_top;

      if (self->image != NULL)
        budget *= 0.5;
      parts.description = tract_print_fit (context, &style, self->description, FALSE, W, budget,
                                           scaled (&page, 9, 7));
    }

  /* Draw, top down. */
  cursor = page.y;
  tract_print_set_color (cr, page.accent);
  tract_print_show (cr, parts.kicker, page.x, cursor);
  if (parts.badge != NULL)
    {
      double badge_x = page.x + W - badge_width;
      double badge_height = height_of (parts.badge) + badge_padding;

      if (cancelled)
        {
          cairo_rectangle (cr, badge_x, cursor, badge_width, badge_height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
        }
      else
        {
          double line = scaled (&page, 1.5, 0.8);

          cairo_set_line_width (cr, line);
          cairo_rectangle (cr, badge_x + line / 2, cursor + line / 2, badge_width - line, badge_height - line);
          cairo_stroke (cr);
        }
      tract_print_show (cr, parts.badge, badge_x + badge_padding, cursor + badge_padding / 2);
    }
  cursor += kicker_height + gap * 0.5;

  tract_print_set_color (cr, cancelled ? &tract_print_ink_muted : &tract_print_ink);
  tract_print_show (cr, parts.title, page.x, cursor);
  if (cancelled)
    /* Struck through, still legible: people must see what is off. */
    draw_strike_through (&page, cr, parts.title, cursor);

  cursor = middle_top;
  if (parts.description != NULL)
    {
      tract_print_set_color (cr, &tract_print_ink);
      tract_print_show (cr, parts.description, page.x, cursor);
      cursor += height_of (parts.description) + gap * 1.25;
    }
  if (self->image != NULL && middle_bottom - cursor > scaled (&page, 48, 30))
    {
      double image_width = cairo_image_surface_get_width (self->image);
      double image_height = cairo_image_surface_get_height (self->image);
      double box_height = MIN (middle_bottom - cursor, W * image_height / image_width);
      double box_width = MIN (W, box_height * image_width / image_height);

      /* Centred in the space left, without distortion. */
      tract_print_image_draw (cr, self->image, page.x, cursor + (middle_bottom - cursor - box_height) / 2,
                              box_width, box_height);
    }

  /* The bottom stack. */
  cursor = page.y + H - bottom_height;
  tract_print_set_color (cr, page.accent);
  cairo_rectangle (cr, page.x, cursor, W, panel_height);
  cairo_fill (cr);
  {
    double text_x = page.x + panel_padding;
    double text_y = cursor + panel_padding;

    cairo_set_source_rgb (cr, 1, 1, 1);
    tract_print_show (cr, parts.date, text_x, text_y);
    text_y += height_of (parts.date);
    if (parts.time != NULL)
      {
        tract_print_show (cr, parts.time, text_x, text_y);
        text_y += height_of (parts.time);
      }
    if (parts.place != NULL || parts.address != NULL)
      text_y += gap * 0.6;
    if (parts.place != NULL)
      {
        tract_print_show (cr, parts.place, text_x, text_y);
        text_y += height_of (parts.place);
      }
    if (parts.address != NULL)
      {
        cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
        tract_print_show (cr, parts.address, text_x, text_y);
      }
  }
  cursor += panel_height;

  if (block_height > 0)
    {
      double block_top = cursor + gap * 1.5;

      if (parts.organizations != NULL)
        {
          tract_print_set_color (cr, &tract_print_ink);
          tract_print_show (cr, parts.organizations, page.x, block_top + block_height - organizations_height);
        }
      if (parts.url_caption != NULL)
        {
          double qr_x = page.x + W - qr_size;
          double qr_y = block_top + block_height - qr_block;

          tract_print_qr_draw (cr, self->url, qr_x, qr_y, qr_size);
          tract_print_set_color (cr, &tract_print_ink_muted);
          tract_print_show (cr, parts.url_caption, qr_x, qr_y + qr_size);
        }
    }

  cursor = page.y + H - footer_height;
  cairo_set_line_width (cr, 0.6);
  tract_print_set_color (cr, &tract_print_rule);
  cairo_move_to (cr, page.x, cursor + 0.3);
  cairo_rel_line_to (cr, W, 0);
  cairo_stroke (cr);
  cursor += gap * 0.75;
  tract_print_set_color (cr, &tract_print_ink);
  tract_print_show (cr, parts.campaign, page.x, cursor);
  if (parts.contact != NULL)
    {
      tract_print_set_color (cr, &tract_print_ink_muted);
      tract_print_show (cr, parts.contact, page.x + W * 0.55 + gap, cursor);
    }

  parts_clear (&parts);
  g_object_unref (context);
}

/* Cut marks on the line between a handout's halves, in its margins. */
static void
draw_cut_marks (cairo_t *cr,
                double   width,
                double   height)
{
  double margin = tract_print_get_margin (width / 2, height);
  double inset = 8.5; /* 3 mm: within what any printer reaches */
  double length = margin - inset - 6;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, width / 2, inset);
  cairo_rel_line_to (cr, 0, length);
  cairo_move_to (cr, width / 2, height - inset);
  cairo_rel_line_to (cr, 0, -length);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_sheet (TractFlyer *self,
            cairo_t    *cr,
            double      width,
            double      height)
{
  if (self->template_ == TRACT_FLYER_HANDOUT)
    {
      draw_flyer (self, cr, 0, 0, width / 2, height);
      draw_flyer (self, cr, width / 2, 0, width / 2, height);
      draw_cut_marks (cr, width, height);
    }
  else
    draw_flyer (self, cr, 0, 0, width, height);
}

void
tract_flyer_draw (TractFlyer *self,
                  cairo_t    *cr,
                  double      width,
                  double      height)
{
  double page_width, page_height, scale;

  g_return_if_fail (TRACT_IS_FLYER (self));
  g_return_if_fail (cr != NULL);

  tract_flyer_get_page_size (self, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  if (scale <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  draw_sheet (self, cr, page_width, page_height);
  cairo_restore (cr);
}

/* Files */

static gboolean
draw_page (cairo_t       *cr,
           guint          page,
           double         width,
           double         height,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  tract_flyer_draw (user_data, cr, width, height);
  return TRUE;
}

gboolean
tract_flyer_write_pdf (TractFlyer  *self,
                       const char  *path,
                       GError     **error)
{
  double width, height;

  g_return_val_if_fail (TRACT_IS_FLYER (self), FALSE);

  tract_flyer_get_page_size (self, &width, &height);
  return tract_print_write_pdf (path, self->title, width, height, 1, draw_page, self, NULL, NULL, NULL, error);
}

gboolean
tract_flyer_write_png (TractFlyer  *self,
                       const char  *path,
                       double       dpi,
                       GError     **error)
{
  double width, height;

  g_return_val_if_fail (TRACT_IS_FLYER (self), FALSE);

  tract_flyer_get_page_size (self, &width, &height);
  return tract_print_write_png (path, width, height, dpi, draw_page, self, error);
}

gboolean
tract_flyer_write (TractFlyer  *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (TRACT_IS_FLYER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return tract_flyer_write_pdf (self, path, error);
  if (g_str_has_suffix (lower, ".png"))
    return tract_flyer_write_png (self, path, 150, error);

  g_set_error (error, TRACT_PRINT_ERROR, TRACT_PRINT_ERROR_OPTION,
               _("Cannot tell which format to write “%s” in; end its name with .pdf or .png."), path);
  return FALSE;
}
