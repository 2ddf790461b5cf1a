/* tract-demo.c — the sample campaign of "Vive la Commune de 1871"
 *
 * Built from the collective's own statement (Paris, 26 March 2021): its nine
 * member organizations, the events it announced and the statement with its
 * signatories. Adding it is idempotent: every piece is looked up by a stable
 * key (campaign and organization names, event UIDs, statement titles) and
 * only what is missing is added, all in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tract-contact.h"
#include "tract-demo.h"
#include "tract-event.h"
#include "tract-event-organization.h"
#include "tract-event-task.h"
#include "tract-organization.h"
#include "tract-signature.h"
#include "tract-statement.h"
#include "tract-statement-revision.h"

typedef struct
{
  const char *acronym;
  const char *name;
  const char *kind;
} DemoOrganization;

/* In the order of the published signatories block, names as published. */
static const DemoOrganization demo_organizations[] = {
  { "Amis de l’ICOR", "Amis de l’ICOR (Coordination internationale des organisations révolutionnaires)", "network" },
  { "ACTIT", "Association Culturelle des Travailleurs Immigrés de Turquie", "association" },
  { "CSP", "Comite Solidarité Pérou", "committee" },
  { "NPCH", "Nouveau Parti Communiste Haïtien", "party" },
  { "UPC-Manidem", "Union des Populations du Cameroun -Manifeste National pour l’Instauration de la Démocratie", "party" },
  { "BIR-KAR", "Union des travailleurs et de la fraternité des Peuples", "association" },
  { "UPML", "Union Prolétarienne Marxiste-Léniniste", "party" },
  { "SKB", "Union des Femmes Socialistes", "association" },
  { "UC", "Unité Communiste", "party" },
};

typedef struct
{
  const char *uid;
  const char *title;
  const char *kind;
  gboolean    all_day;
  const char *start;
  const char *end;
  const char *location_name;
  const char *address;
  double      latitude;
  double      longitude;
  const char *description;
  const char *organizers;  /* acronyms, space-separated */
  const char *speakers;
  const char *tasks;       /* "title|done;…" */
} DemoEvent;

/* Dates are the collective's; the hours and the places of the May events
 * are the sample's own choice, as the statement does not give them. */
static const DemoEvent demo_events[] = {
  { "b3c1a0e2-5f0d-4c4e-9a52-3f1d2e7c1871",
    "Rassemblement pour les 150 ans de la Commune de Paris", "rally", FALSE,
    "2021-03-20T14:00", "2021-03-20T17:00",
    "Place du Châtelet", "Place du Châtelet, 75001 Paris", 48.8576, 2.3470,
    "Prises de parole, micro ouvert, chants et poèmes pour célébrer le 150e anniversaire "
    "de la Commune de Paris. Ouverture de la campagne du collectif.",
    "ACTIT BIR-KAR CSP NPCH UPC-Manidem UPML SKB UC", "BIR-KAR ACTIT SKB UPML CSP",
    "Déclaration en préfecture|1;Banderoles et drapeaux|1;Sonorisation|1;Gerbe pour l’Hôtel de Ville|1" },
  { "0f6a2d4b-8e3c-4b1a-b7d9-2c5e8a1f0501",
    "Intervention à la manifestation parisienne du 1er Mai", "demonstration", FALSE,
    "2021-05-01T14:00", "2021-05-01T18:00",
    "Manifestation du 1er Mai", "Place de la République, 75011 Paris", 48.8674, 2.3636,
    "Le collectif intervient dans la manifestation parisienne du 1er Mai.",
    "ACTIT BIR-KAR UPML UC", "",
    "Tracts du 1er Mai|0;Banderole du collectif|0" },
  { "5c9e7b1d-2a4f-4e8b-9c3d-6f1a0b2e0508",
    "Les femmes de la Commune et la lutte des femmes aujourd’hui", "commemoration", FALSE,
    "2021-05-08T15:00", "2021-05-08T18:00",
    "Salle du collectif", "Paris", NAN, NAN,
    "Événement pour les femmes de la Commune et la lutte des femmes aujourd’hui.",
    "SKB BIR-KAR", "SKB",
    "Réserver la salle|0;Affiches|0" },
  { "9d2f4c6a-1b3e-4f5a-8c7d-0e9b1a2c2930",
    "Week-end de célébration avec les délégations de l’ICOR", "celebration", TRUE,
    "2021-05-29", "2021-05-30",
    "Paris", "Paris", NAN, NAN,
    "Week-end de célébration révolutionnaire de la Commune de 1871 avec les délégations de "
    "l’ICOR : manifestation le samedi, table ronde le dimanche.",
    "Amis de l’ICOR ACTIT BIR-KAR CSP NPCH UPC-Manidem UPML SKB UC", "",
    "Accueil des délégations|0;Hébergement|0;Sonorisation|0" },
  { "4e8a1c3f-7d2b-4a6e-b5f9-1c0d2e3f0529",
    "Manifestation de la Commune", "demonstration", FALSE,
    "2021-05-29T14:00", "2021-05-29T17:00",
    "Paris", "Paris", NAN, NAN,
    "Manifestation du week-end de célébration, avec les délégations de l’ICOR.",
    "Amis de l’ICOR", "", "" },
  { "6b0c2e4d-9f1a-4c3b-a8e7-2d1f0a9b0530",
    "Table ronde : les leçons de la Commune", "panel", FALSE,
    "2021-05-30T14:00", "2021-05-30T17:30",
    "Paris", "Paris", NAN, NAN,
    "Table ronde avec les délégations de l’ICOR sur les leçons de la Commune pour aujourd’hui.",
    "Amis de l’ICOR", "ACTIT UPML", "" },
};

static const char statement_title[] =
  "Long live the Commune of 1871 - let's prepare for the socialist revolution!";

static const char statement_body[] =
  "Under this slogan, the collective \"Vive la Commune de 1871\" called on Saturday March 20 in Paris for a rally to celebrate the 150th anniversary of the Paris Commune through speeches, open mic contributions, songs and poems to the heart from Paris.\n"
  "\n"
  "After the city refused to meet in front of the Town Hall, we gathered nearby on Place du Chatelet. This gathering was organized and maintained against all odds in very difficult conditions. Government restrictions related to the Corona epidemic, further tightened the same day, March 20, did not prevent us from meeting. The right to demonstrate even under a state of health emergency, legally confirmed, has been defended!\n"
  "\n"
  "The uncertainties among activists about the health situation, the multiple demonstrations organized on the same date against a policy of crisis on multiple fronts as well as the weather were not favorable to us. We are all the more happy with the success of this gathering in honor of the Paris Commune.\n"
  "\n"
  "Unity of Action launched a common appeal, the main lesson of which is that we must build a strong Communist Party in France as in all countries. Words of solidarity have reached us from comrades in Switzerland, from ICOR Europe and the MLPD has done us the honor of sending a delegation. Various participants took the floor to recall the conquests of the Communards, but also the weaknesses of this first workers' government in history, to draw lessons for today. A representative of BIR-KAR * described the considerable achievements, established for and with the women of the Municipality, in particular on equality, the system of nurseries and schools, etc. ACTIT * and SKB * discussed the teachings for the liberation and construction of Rojava. The UPML * comrades spoke of the crucial role of the working class yesterday and today. A member of the Peru Solidarity Committee and Friend of ICOR * recalled the lessons learned during the revolutions that followed the Commune and the internationalism of the Paris Commune. On several occasions the crucial role of the organization, in particular the building of the Communist Party for the victory of the revolution has been stressed. To top it off, a number of participants and the German delegation laid a wreath at the Paris City Hall where the Commune was declared 150 years ago. We moved, the red flags fluttering in the sun and attracting attention. The song of the International closed the gathering.\n"
  "\n"
  "The rally was the opening of our campaign and we invite other organizations and individuals to join our collective and our initiatives for a revolutionary celebration of the Commune of 1871:\n"
  "\n"
  "- May 1 - intervention at the Parisian demonstration\n"
  "\n"
  "- May 8 - event for the women of the Commune and the struggle of women today\n"
  "\n"
  "- May 29 and 30 - weekend of celebration with ICOR delegations (demonstration, panel discussion)\n"
  "\n"
  "The collective \"Vive la Commune de 1871\" Paris, March/26/2021";

static const char draft_title[] = "Appel au week-end des 29 et 30 mai";

static const char draft_body[] =
  "# Appel au week-end des 29 et 30 mai\n"
  "\n"
  "Il y a 150 ans, la Commune de Paris montrait qu’un autre pouvoir était possible. "
  "Le collectif « Vive la Commune de 1871 » invite toutes les organisations et toutes "
  "les personnes qui partagent cet héritage à le célébrer avec nous les 29 et 30 mai, "
  "avec les délégations de l’ICOR.\n"
  "\n"
  "- **Samedi 29 mai** : manifestation ;\n"
  "- **Dimanche 30 mai** : table ronde sur les leçons de la Commune.\n"
  "\n"
  "*Brouillon à faire circuler parmi les membres avant signature.*";

typedef struct
{
  TractCampaign *campaign;
  GHashTable    *organizations; /* acronym → TractOrganization */
} DemoBuild;

static TractCampaign *
ensure_campaign (TractStore  *store,
                 GError     **error)
{
  g_autoptr(TractCampaign) campaign = tract_store_find (store, TRACT_TYPE_CAMPAIGN, "name",
                                                        TRACT_DEMO_CAMPAIGN_NAME);

  if (campaign != NULL)
    return g_steal_pointer (&campaign);

  campaign = g_object_new (TRACT_TYPE_CAMPAIGN,
                           "name", TRACT_DEMO_CAMPAIGN_NAME,
                           "description",
                           "Célébration révolutionnaire des 150 ans de la Commune de Paris : "
                           "rassemblement du 20 mars, 1er Mai, 8 Mai et week-end des 29 et 30 mai "
                           "2021. Exemple fourni avec Tract, tiré de la déclaration du collectif ; "
                           "les horaires et les lieux non publiés sont des choix de l’exemple.",
                           "start_date", "2021-03-20",
                           "end_date", "2021-05-30",
                           "time_zone", "Europe/Paris",
                           "contact", "Facebook : Vive la Commune 1871",
                           NULL);
  if (!tract_store_insert (store, TRACT_RECORD (campaign), error))
    return NULL;
  return g_steal_pointer (&campaign);
}

static gboolean
ensure_organizations (TractStore  *store,
                      DemoBuild   *build,
                      GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_organizations); i++)
    {
      const DemoOrganization *demo = &demo_organizations[i];
      g_autoptr(TractOrganization) organization =
        tract_store_find (store, TRACT_TYPE_ORGANIZATION, "name", demo->name);

      if (organization == NULL)
        {
          organization = g_object_new (TRACT_TYPE_ORGANIZATION,
                                       "name", demo->name,
                                       "acronym", demo->acronym,
                                       "kind", demo->kind,
                                       "country", "France",
                                       "city", "Paris",
                                       "membership", "member",
                                       "joined_date", "2021-01-18",
                                       NULL);
          if (!tract_store_insert (store, TRACT_RECORD (organization), error))
            return FALSE;
        }
      g_hash_table_insert (build->organizations, (gpointer) demo->acronym,
                           g_steal_pointer (&organization));
    }
  return TRUE;
}

/* Acronyms are separated by spaces, but "Amis de l’ICOR" has spaces of its own. */
static GPtrArray *
lookup_acronyms (DemoBuild  *build,
                 const char *acronyms)
{
  GPtrArray *found = g_ptr_array_new ();
  const char *rest = acronyms;

  while (rest != NULL && *rest != '\0')
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (demo_organizations) && !matched; i++)
        {
          const char *acronym = demo_organizations[i].acronym;
          size_t length = strlen (acronym);

          if (strncmp (rest, acronym, length) == 0 && (rest[length] == ' ' || rest[length] == '\0'))
            {
              g_ptr_array_add (found, g_hash_table_lookup (build->organizations, acronym));
              rest += length;
              matched = TRUE;
            }
        }
      g_assert (matched);
      while (*rest == ' ')
        rest++;
    }
  return found;
}

static gboolean
add_event_roles (TractStore  *store,
                 DemoBuild   *build,
                 TractEvent  *event,
                 const char  *acronyms,
                 const char  *role,
                 guint       *position,
                 GError     **error)
{
  g_autoptr(GPtrArray) organizations = lookup_acronyms (build, acronyms);

  for (guint i = 0; i < organizations->len; i++)
    {
      TractRecord *organization = organizations->pdata[i];
      g_autoptr(TractEventOrganization) link =
        tract_event_organization_new (tract_record_get_id (TRACT_RECORD (event)),
                                      tract_record_get_id (organization), role);

      /* An organizer who also speaks keeps the organizer role. */
      if (g_str_equal (role, "speaker")
          && tract_store_count (store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                tract_record_get_id (TRACT_RECORD (event))) > 0)
        {
          g_autoptr(GPtrArray) existing =
            tract_store_select (store, TRACT_TYPE_EVENT_ORGANIZATION, "event_id",
                                tract_record_get_id (TRACT_RECORD (event)), NULL, error);
          gboolean already = FALSE;

          if (existing == NULL)
            return FALSE;
          for (guint j = 0; j < existing->len; j++)
            if (tract_record_get_integer (existing->pdata[j], "organization_id")
                == tract_record_get_id (organization))
              already = TRUE;
          if (already)
            continue;
        }

      tract_record_set_integer (TRACT_RECORD (link), "position", (*position)++);
      if (!tract_store_insert (store, TRACT_RECORD (link), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_tasks (TractStore  *store,
           TractEvent  *event,
           const char  *tasks,
           GError     **error)
{
  g_auto(GStrv) items = g_strsplit (tasks, ";", 0);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "|", 2);
      g_autoptr(TractEventTask) task = NULL;

      if (parts[0] == NULL || *parts[0] == '\0')
        continue;
      task = tract_event_task_new (tract_record_get_id (TRACT_RECORD (event)), parts[0]);
      tract_record_set_boolean (TRACT_RECORD (task), "done", g_strcmp0 (parts[1], "1") == 0);
      tract_record_set_integer (TRACT_RECORD (task), "position", i);
      if (!tract_store_insert (store, TRACT_RECORD (task), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_events (TractStore  *store,
               DemoBuild   *build,
               GError     **error)
{
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (build->campaign));

  for (guint i = 0; i < G_N_ELEMENTS (demo_events); i++)
    {
      const DemoEvent *demo = &demo_events[i];
      g_autoptr(TractEvent) event = tract_store_find (store, TRACT_TYPE_EVENT, "uid", demo->uid);
      guint position = 0;

      if (event != NULL)
        continue;

      event = g_object_new (TRACT_TYPE_EVENT,
                            "uid", demo->uid,
                            "campaign_id", campaign_id,
                            "title", demo->title,
                            "kind", demo->kind,
                            "status", "confirmed",
                            "all_day", demo->all_day,
                            "start_local", demo->start,
                            "end_local", demo->end,
                            "time_zone", "Europe/Paris",
                            "location_name", demo->location_name,
                            "address", demo->address,
                            "description", demo->description,
                            "private_notes", "Note interne de l’exemple : ne doit jamais apparaître dans un export.",
                            NULL);
      /* NaN, "no coordinates", only goes through the typed setter: GParamSpec refuses it. */
      tract_record_set_real (TRACT_RECORD (event), "latitude", demo->latitude);
      tract_record_set_real (TRACT_RECORD (event), "longitude", demo->longitude);
      if (!tract_store_insert (store, TRACT_RECORD (event), error)
          || !add_event_roles (store, build, event, demo->organizers, "organizer", &position, error)
          || !add_event_roles (store, build, event, demo->speakers, "speaker", &position, error)
          || !add_tasks (store, event, demo->tasks, error))
        return FALSE;
    }
  return TRUE;
}

static TractStatement *
find_statement (TractStore *store,
                gint64      campaign_id,
                const char *title)
{
  g_autoptr(GPtrArray) statements = tract_store_select (store, TRACT_TYPE_STATEMENT, "campaign_id",
                                                        campaign_id, NULL, NULL);

  for (guint i = 0; statements != NULL && i < statements->len; i++)
    if (g_str_equal (tract_record_get_text (statements->pdata[i], "title"), title))
      return g_object_ref (statements->pdata[i]);
  return NULL;
}

static gboolean
ensure_statements (TractStore  *store,
                   DemoBuild   *build,
                   GError     **error)
{
  gint64 campaign_id = tract_record_get_id (TRACT_RECORD (build->campaign));
  g_autoptr(TractStatement) published = find_statement (store, campaign_id, statement_title);
  g_autoptr(TractStatement) draft = find_statement (store, campaign_id, draft_title);

  if (published == NULL)
    {
      g_autoptr(TractStatementRevision) revision = NULL;
      gint64 statement_id;

      published = tract_statement_new (campaign_id, statement_title, "en");
      g_object_set (published,
                    "status", "published",
                    "body", statement_body,
                    "signatories_heading", "Members and signatories of the Collectif Vive la Commune de 1871",
                    NULL);
      if (!tract_store_insert (store, TRACT_RECORD (published), error))
        return FALSE;
      statement_id = tract_record_get_id (TRACT_RECORD (published));

      revision = tract_statement_revision_new (statement_id, 1, statement_title, statement_body,
                                               "Published, Paris, 26 March 2021");
      if (!tract_store_insert (store, TRACT_RECORD (revision), error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (demo_organizations); i++)
        {
          TractRecord *organization = g_hash_table_lookup (build->organizations,
                                                           demo_organizations[i].acronym);
          g_autoptr(TractSignature) signature =
            tract_signature_new (statement_id, tract_record_get_id (organization), "signed");

          g_object_set (signature,
                        "revision_id", tract_record_get_id (TRACT_RECORD (revision)),
                        "signed_date", "2021-03-26",
                        "position", (gint64) i,
                        NULL);
          if (!tract_store_insert (store, TRACT_RECORD (signature), error))
            return FALSE;
        }
    }

  if (draft == NULL)
    {
      static const char * const invited[] = { "BIR-KAR", "SKB", "UPML", "ACTIT" };
      gint64 statement_id;

      draft = tract_statement_new (campaign_id, draft_title, "fr");
      g_object_set (draft,
                    "status", "draft",
                    "body", draft_body,
                    "signatories_heading", "Membres et signataires du Collectif Vive la Commune de 1871",
                    NULL);
      if (!tract_store_insert (store, TRACT_RECORD (draft), error))
        return FALSE;
      statement_id = tract_record_get_id (TRACT_RECORD (draft));

      for (guint i = 0; i < G_N_ELEMENTS (invited); i++)
        {
          TractRecord *organization = g_hash_table_lookup (build->organizations, invited[i]);
          g_autoptr(TractSignature) signature =
            tract_signature_new (statement_id, tract_record_get_id (organization),
                                 i == 0 ? "considering" : "invited");

          tract_record_set_integer (TRACT_RECORD (signature), "position", i);
          if (!tract_store_insert (store, TRACT_RECORD (signature), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_in_transaction (TractStore  *store,
                    gpointer     user_data,
                    GError     **error)
{
  DemoBuild *build = user_data;

  build->campaign = ensure_campaign (store, error);
  return build->campaign != NULL
         && ensure_organizations (store, build, error)
         && ensure_events (store, build, error)
         && ensure_statements (store, build, error);
}

/**
 * tract_demo_add:
 *
 * Adds what is missing of the sample campaign, in one transaction.
 *
 * Returns: (transfer full): the campaign, or %NULL with @error set and the
 *   database unchanged
 */
TractCampaign *
tract_demo_add (TractStore  *store,
                GError     **error)
{
  DemoBuild build = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (TRACT_IS_STORE (store), NULL);

  build.organizations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  ok = tract_store_run (store, add_in_transaction, &build, error);
  g_hash_table_unref (build.organizations);

  if (!ok)
    {
      g_clear_object (&build.campaign);
      return NULL;
    }
  return build.campaign;
}
