/* jarva/catalog.h: the communication plan as data: plan version, audiences,
 * goals, priority areas, principles, areas and indicators, loaded from the
 * editable CSV files in indicators/ and read back from the database.
 * Functions taking a jarva_db follow its rule (one thread at a time per
 * handle); a list, once opened, is a copy that may be read from any thread. */
#ifndef JARVA_CATALOG_H
#define JARVA_CATALOG_H

#include <stddef.h>

#include "common.h"
#include "db.h"
#include "import.h" /* jarva_import_kind: the kind of data an indicator is computed from */

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jarva_goal_kind {
    JARVA_GOAL_OVERALL = 0,      /* one of the plan's overall goals (övergripande mål) */
    JARVA_GOAL_COMMUNICATION = 1 /* a communication goal of one audience */
} jarva_goal_kind;

typedef enum jarva_measure {
    JARVA_MEASURE_PROPORTION = 0, /* share of positive among valid answers, 0–1 */
    JARVA_MEASURE_MEAN = 1,       /* mean of a scale answer */
    JARVA_MEASURE_COUNT = 2,      /* number of events per year */
    JARVA_MEASURE_RATE = 3 /* events per unit of exposure, or share of events meeting a rule */
} jarva_measure;

typedef enum jarva_direction {
    JARVA_HIGHER_IS_BETTER = 1,
    JARVA_LOWER_IS_BETTER = -1
} jarva_direction;

/* The directory of the plan's catalogue that a program should load by default:
 * the installed DATADIR/jarva/indicators when running an installed libjarva
 * (the shared library, or the program it is linked into, lies under the
 * install prefix libjarva was configured with), else the source tree's
 * indicators/; whichever exists if only one does. Both paths are fixed when
 * libjarva is configured: a copy installed to another prefix (`cmake --install
 * --prefix`) does not find its catalogue here and should be given the
 * directory instead (docs/api.md, "Installing"). Static storage; thread-safe. */
JARVA_API const char *jarva_catalog_default_dir(void);

/* Validates every file of the catalogue in dir (plan.csv, organisations.csv,
 * priority_areas.csv, audiences.csv, goals.csv, principles.csv, areas.csv,
 * area_aliases.csv, indicators.csv; see indicators/README.md) and, if all is
 * well, replaces the catalogue in the database in one transaction. Rows are
 * updated in place, so loading the same files again changes nothing and
 * imported data keeps its references; items gone from the files are deleted
 * (estimates of indicators that are gone go with them, their published values
 * stay with no indicator), but an area, organisation or audience that imported
 * data still refers to is an error. On errors nothing is written and
 * jarva_errmsg(db) lists them, one "file:line: message" per line, the first 20
 * and then "and N more errors".
 * The source mappings dir/sources/<id>.csv are stored in the database too
 * (their text and rows, replacing those stored before), and imports use
 * those, not the folder; a mapping that cannot be read is an error.
 * Returns JARVA_OK, JARVA_EINVAL, JARVA_EIO (a file or dir cannot be read),
 * JARVA_EFORMAT, JARVA_ENOMEM, JARVA_EDB or JARVA_EBUSY. */
JARVA_API int jarva_catalog_load(jarva_db *db, const char *dir);

#define JARVA_PLAN_VERSION 1

/* The plan version in the database: its year and title, or JARVA_ENOTFOUND.
 * The caller sets version (JARVA_PLAN_INIT), so that a later libjarva whose
 * plan has more fields knows how much the caller's struct holds. */
typedef struct jarva_plan {
    unsigned version; /* JARVA_PLAN_VERSION */
    int year;
    const char *title_sv;
    const char *title_en;
    double on_track_probability;  /* on track at a probability of at least this (0.75) */
    double off_track_probability; /* off track at a probability of at most this (0.25) */
} jarva_plan;

#define JARVA_PLAN_INIT                                                                            \
    {                                                                                              \
        JARVA_PLAN_VERSION, 0, NULL, NULL, 0, 0                                                    \
    }

/* Whether a target was decided (with a reference to the decision) or is a
 * proposal that nobody has adopted yet. */
typedef enum jarva_target_kind {
    JARVA_TARGET_PROPOSED = 0, /* also a target whose kind the catalogue does not say */
    JARVA_TARGET_DECIDED = 1
} jarva_target_kind;

/* "proposed" or "decided" (static); "" when unknown. */
JARVA_API const char *jarva_target_kind_name(jarva_target_kind kind);

typedef struct jarva_goal {
    const char *id;
    jarva_goal_kind kind;
    int position;            /* order within the plan (per audience for communication goals) */
    const char *audience_id; /* NULL for overall goals */
    const char *audience_sv;
    const char *audience_en;
    const char *text_sv;
    const char *text_en;
    int indicator_count;
    const char *owner_id; /* the organisation that owns the goal (goals.csv's owner); NULL if
                             none is named */
} jarva_goal;

typedef struct jarva_indicator {
    const char *id;
    const char *goal_id;
    const char *audience_id; /* the goal's audience; NULL for an overall goal's indicator */
    const char *name_sv;
    const char *name_en;
    jarva_import_kind source_kind; /* the kind of import its data comes from */
    jarva_measure measure;
    const char *source;         /* which survey or log, e.g. "jarva-trygghet" */
    const char *variable;       /* survey column, or published measure label */
    const char *positive_codes; /* comma-separated answer codes counted as positive */
    const char *valid_codes;    /* comma-separated valid codes (others are missing) */
    const char *event_type;     /* activity type counted */
    const char *counting_rule;  /* how activities become the measure */
    jarva_direction direction;
    int has_baseline;
    int baseline_year;
    double baseline_value; /* proportions on the 0–1 scale */
    int has_target;
    int target_year;
    double target_value;
    jarva_target_kind target_kind; /* decided or proposed (when has_target) */
    const char *target_decision;   /* the decision a decided target refers to, else NULL */
    int percent; /* 1: values are shares on the 0–1 scale that people read in percent
                    (proportions, and rates whose unit is "%"); 0: shown as they are */
    const char *unit;
    const char *disaggregations; /* comma-separated: area, sex, age_group */
    int min_n;                   /* disclosure threshold */
    const int *series_breaks;    /* years that start a new series, ascending */
    size_t series_break_count;
    const char *description_sv;
    const char *description_en;
    /* The question as the respondents read it and its answer scale
     * (indicators.csv's question_sv ... scale_en), NULL when not given. */
    const char *question_sv, *question_en;
    const char *scale_sv, *scale_en;
} jarva_indicator;

typedef struct jarva_goal_list jarva_goal_list;
typedef struct jarva_indicator_list jarva_indicator_list;

/* The plan's version and title. Strings valid until jarva_db_close() or the next
 * jarva_plan_get() on db. JARVA_OK, JARVA_ENOTFOUND (no catalogue loaded), JARVA_EDB. */
JARVA_API int jarva_plan_get(jarva_plan *out, jarva_db *db);
/* Whom to contact about the plan's follow-up, as plan.csv's contact_sv or
 * contact_en says (lang "sv", the default for NULL, or "en"; English falls
 * back on Swedish), in *contact, a new string the caller frees with jarva_free();
 * NULL when the catalogue names no contact. JARVA_OK, JARVA_EINVAL,
 * JARVA_ENOTFOUND (no catalogue loaded), JARVA_ENOMEM, JARVA_EDB. */
JARVA_API int jarva_plan_contact(char **contact, jarva_db *db, const char *lang);

/* All goals, overall goals first, then per audience in plan order, in a new
 * list in *out. Free with jarva_goal_list_free() (NULL allowed).
 * JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_goal_list_open(jarva_goal_list **out, jarva_db *db);
/* The number of goals; 0 for NULL. */
JARVA_API size_t jarva_goal_list_count(const jarva_goal_list *list);
/* The i-th goal, valid (strings too) until the list is freed; NULL if
 * i >= count. */
JARVA_API const jarva_goal *jarva_goal_list_get(const jarva_goal_list *list, size_t i);
JARVA_API void jarva_goal_list_free(jarva_goal_list *list);

/* Indicators in plan order; goal_id NULL for all, or those of one goal.
 * Free with jarva_indicator_list_free() (NULL allowed). JARVA_OK,
 * JARVA_EINVAL, JARVA_ENOTFOUND (no such goal), JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_indicator_list_open(jarva_indicator_list **out, jarva_db *db,
                                        const char *goal_id);
/* A list holding the one indicator with this id (free it as above).
 * JARVA_OK, JARVA_EINVAL, JARVA_ENOTFOUND, JARVA_ENOMEM or JARVA_EDB.
 * _count and _get as for goals: 0 for NULL, NULL for i >= count, items valid
 * until the list is freed. */
JARVA_API int jarva_indicator_find(jarva_indicator_list **out, jarva_db *db, const char *id);
JARVA_API size_t jarva_indicator_list_count(const jarva_indicator_list *list);
JARVA_API const jarva_indicator *jarva_indicator_list_get(const jarva_indicator_list *list,
                                                          size_t i);
JARVA_API void jarva_indicator_list_free(jarva_indicator_list *list);

/* What a survey, table or log is (sources.csv, optional), for a quality
 * declaration: the one name it goes by, who publishes it, whether its data
 * are simulated, its population, sampling, fieldwork period and response
 * rate in both languages, and its primary publication. Strings may be NULL
 * when the catalogue leaves them out. */
typedef struct jarva_source_info {
    const char *id; /* as indicators.csv's source names it */
    const char *name_sv;
    const char *name_en;
    const char *publisher;
    int simulated; /* nonzero: example data made by tools/simulate, not real results */
    const char *population_sv, *population_en;
    const char *sampling_sv, *sampling_en;
    const char *fieldwork_sv, *fieldwork_en;
    const char *response_rate_sv, *response_rate_en;
    const char *reference; /* title of the primary publication */
    int reference_year;    /* 0 if none */
    const char *url;
} jarva_source_info;

typedef struct jarva_source_info_list jarva_source_info_list;

/* Every source the catalogue describes, in file order, in a new list in *out
 * (empty when the catalogue has no sources.csv). Items and strings valid
 * until the list is freed. JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_source_info_list_open(jarva_source_info_list **out, jarva_db *db);
JARVA_API size_t jarva_source_info_list_count(const jarva_source_info_list *list);
JARVA_API const jarva_source_info *jarva_source_info_list_get(const jarva_source_info_list *list,
                                                              size_t i);
/* The source with that id, or NULL. */
JARVA_API const jarva_source_info *jarva_source_info_find(const jarva_source_info_list *list,
                                                          const char *id);
JARVA_API void jarva_source_info_list_free(jarva_source_info_list *list);

/* ---- the rest of the plan: organisations, priority areas, audiences,
 * principles and areas, each a list in plan order like the goals. ---- */

typedef enum jarva_org_role {
    JARVA_ORG_SIGNATORY = 0,  /* signed the agreement */
    JARVA_ORG_PARTICIPANT = 1 /* takes part in the work */
} jarva_org_role;

typedef struct jarva_organisation {
    const char *id;
    int position;
    const char *name_sv;
    const char *name_en;
    jarva_org_role role;
} jarva_organisation;

typedef struct jarva_priority_area {
    const char *id;
    int position;
    const char *name_sv;
    const char *name_en;
} jarva_priority_area;

typedef struct jarva_audience {
    const char *id;
    int position;
    const char *name_sv;
    const char *name_en;
    const char *description_sv; /* NULL if none */
    const char *description_en;
    int goal_count; /* its communication goals */
} jarva_audience;

typedef struct jarva_principle {
    const char *id;
    int position;
    const char *text_sv;
    const char *text_en;
} jarva_principle;

typedef enum jarva_area_kind {
    JARVA_AREA_WHOLE = 0,       /* the whole of Järva */
    JARVA_AREA_AREA = 1,        /* an area within Järva (Husby, Rinkeby/Tensta, ...) */
    JARVA_AREA_DISTRICT = 2,    /* a district (the former Rinkeby-Kista, Spånga-Tensta) */
    JARVA_AREA_POLICE_AREA = 3, /* a local police area (LPO Järva) */
    JARVA_AREA_CITY = 4,        /* the City of Stockholm, for comparison */
    JARVA_AREA_REGION = 5       /* a police region, for comparison */
} jarva_area_kind;

typedef struct jarva_area {
    const char *id;
    int position;
    const char *name;
    jarva_area_kind kind;
    const char *parent_id; /* NULL at the top */
    int in_jarva;          /* 0 for comparison areas */
    const char *name_en;   /* the English name where it differs ("Local police area Järva"),
                              else NULL */
} jarva_area;

typedef struct jarva_organisation_list jarva_organisation_list;
typedef struct jarva_priority_area_list jarva_priority_area_list;
typedef struct jarva_audience_list jarva_audience_list;
typedef struct jarva_principle_list jarva_principle_list;
typedef struct jarva_area_list jarva_area_list;

/* Each _open fills *out with a new list in plan order (free it with the
 * matching _free, which accepts NULL); items and their strings are valid until
 * the list is freed. JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or JARVA_EDB.
 * _count returns 0 for NULL; _get returns NULL for i >= count. */
JARVA_API int jarva_organisation_list_open(jarva_organisation_list **out, jarva_db *db);
JARVA_API size_t jarva_organisation_list_count(const jarva_organisation_list *list);
JARVA_API const jarva_organisation *jarva_organisation_list_get(const jarva_organisation_list *list,
                                                                size_t i);
JARVA_API void jarva_organisation_list_free(jarva_organisation_list *list);

JARVA_API int jarva_priority_area_list_open(jarva_priority_area_list **out, jarva_db *db);
JARVA_API size_t jarva_priority_area_list_count(const jarva_priority_area_list *list);
JARVA_API const jarva_priority_area *
jarva_priority_area_list_get(const jarva_priority_area_list *list, size_t i);
JARVA_API void jarva_priority_area_list_free(jarva_priority_area_list *list);

JARVA_API int jarva_audience_list_open(jarva_audience_list **out, jarva_db *db);
JARVA_API size_t jarva_audience_list_count(const jarva_audience_list *list);
JARVA_API const jarva_audience *jarva_audience_list_get(const jarva_audience_list *list, size_t i);
JARVA_API void jarva_audience_list_free(jarva_audience_list *list);

JARVA_API int jarva_principle_list_open(jarva_principle_list **out, jarva_db *db);
JARVA_API size_t jarva_principle_list_count(const jarva_principle_list *list);
JARVA_API const jarva_principle *jarva_principle_list_get(const jarva_principle_list *list,
                                                          size_t i);
JARVA_API void jarva_principle_list_free(jarva_principle_list *list);

/* All areas, Järva's and the comparison areas, in catalogue order. */
JARVA_API int jarva_area_list_open(jarva_area_list **out, jarva_db *db);
/* A list holding the one area that name designates: its id, its name or an
 * alias (area_aliases.csv), as written, ignoring ASCII case, or ignoring case,
 * Swedish diacritics and the separators ' ', '-', '/' ("spanga tensta" finds
 * Spånga-Tensta). JARVA_OK, JARVA_EINVAL, JARVA_ENOTFOUND (none),
 * JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_area_find(jarva_area_list **out, jarva_db *db, const char *name);
JARVA_API size_t jarva_area_list_count(const jarva_area_list *list);
JARVA_API const jarva_area *jarva_area_list_get(const jarva_area_list *list, size_t i);
JARVA_API void jarva_area_list_free(jarva_area_list *list);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_CATALOG_H */
