/* jarva/catalog.h: the communication plan as data: plan version, audiences,
 * goals, priority areas, principles, areas and indicators, loaded from the
 * editable CSV files in indicators/ and read back from the database. */
#ifndef JARVA_CATALOG_H
#define JARVA_CATALOG_H

#include <stddef.h>

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jarva_goal_kind {
    JARVA_GOAL_OVERALL = 0,      /* one of the plan's overall goals (övergripande mål) */
    JARVA_GOAL_COMMUNICATION = 1 /* a communication goal of one audience */
} jarva_goal_kind;

typedef enum jarva_source_kind {
    JARVA_SOURCE_SURVEY = 0,  /* residents' survey microdata (trygghetsmätning) */
    JARVA_SOURCE_TABLE = 1,   /* published survey tables (share and n) */
    JARVA_SOURCE_STAFF = 2,   /* staff survey microdata */
    JARVA_SOURCE_ACTIVITY = 3 /* activity logs */
} jarva_source_kind;

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
 * the installed DATADIR/jarva/indicators when running an installed libjarva,
 * else the source tree's indicators/. Static storage. */
JARVA_API const char *jarva_catalog_default_dir(void);

/* Validates every file of the catalogue in dir and, if all is well, replaces
 * the catalogue in the database in one transaction (estimates of indicators
 * that are gone go with them). On validation errors nothing is written and
 * jarva_errmsg(db) lists them, one "file:line: message" per line.
 * Returns JARVA_OK, JARVA_EIO, JARVA_EFORMAT, JARVA_EDB or JARVA_EBUSY. */
JARVA_API int jarva_catalog_load(jarva_db *db, const char *dir);

/* The plan version in the database: its year and title, or JARVA_ENOTFOUND. */
typedef struct jarva_plan {
    int year;
    const char *title_sv;
    const char *title_en;
} jarva_plan;

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
} jarva_goal;

typedef struct jarva_indicator {
    const char *id;
    const char *goal_id;
    const char *name_sv;
    const char *name_en;
    jarva_source_kind source_kind;
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
    const char *unit;
    const char *disaggregations; /* comma-separated: area, sex, age_group */
    int min_n;                   /* disclosure threshold */
    const int *series_breaks;    /* years that start a new series, ascending */
    size_t series_break_count;
    const char *description_sv;
    const char *description_en;
} jarva_indicator;

typedef struct jarva_goal_list jarva_goal_list;
typedef struct jarva_indicator_list jarva_indicator_list;

/* The plan's version and title. Strings valid until jarva_db_close() or the next
 * jarva_plan_get() on db. JARVA_OK, JARVA_ENOTFOUND (no catalogue loaded), JARVA_EDB. */
JARVA_API int jarva_plan_get(jarva_db *db, jarva_plan *out);

/* All goals, overall goals first, then per audience in plan order.
 * Free with jarva_goal_list_free(). JARVA_OK, JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_goal_list_open(jarva_db *db, jarva_goal_list **out);
JARVA_API size_t jarva_goal_list_count(const jarva_goal_list *list);
/* The i-th goal (i < count), valid until the list is freed. */
JARVA_API const jarva_goal *jarva_goal_list_get(const jarva_goal_list *list, size_t i);
JARVA_API void jarva_goal_list_free(jarva_goal_list *list);

/* Indicators in plan order; goal_id NULL for all, or those of one goal
 * (JARVA_ENOTFOUND if the goal does not exist). Free with
 * jarva_indicator_list_free(). */
JARVA_API int jarva_indicator_list_open(jarva_db *db, const char *goal_id,
                                        jarva_indicator_list **out);
/* A list holding the one indicator with this id, or JARVA_ENOTFOUND. */
JARVA_API int jarva_indicator_find(jarva_db *db, const char *id, jarva_indicator_list **out);
JARVA_API size_t jarva_indicator_list_count(const jarva_indicator_list *list);
JARVA_API const jarva_indicator *jarva_indicator_list_get(const jarva_indicator_list *list,
                                                          size_t i);
JARVA_API void jarva_indicator_list_free(jarva_indicator_list *list);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_CATALOG_H */
