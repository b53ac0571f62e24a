/* jarva/results.h: computing every indicator's estimates from what was
 * imported, and reading them back: by indicator, year and area, as a series
 * over years, and as the status against the indicator's target. Functions
 * taking a jarva_db follow its rule (one thread at a time per handle); a list
 * or series, once opened, is a copy that may be read from any thread. */
#ifndef JARVA_RESULTS_H
#define JARVA_RESULTS_H

#include <stddef.h>

#include "common.h"
#include "db.h"
#include "estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JARVA_COMPUTE_OPTIONS_VERSION 1

typedef struct jarva_compute_options {
    unsigned version; /* JARVA_COMPUTE_OPTIONS_VERSION */
    /* Method, level, min_cell and lonely-stratum rule for every estimate; min_n
     * is each indicator's own (the catalogue's min_n), never lower than this. */
    jarva_estimate_options estimate;
    /* Nonzero (the default): a survey source's mapping file
     * (catalog_dir/sources/SOURCE.csv) may set the lonely-stratum rule for
     * its waves with a row `lonely_psu,RULE` (fail, adjust, remove,
     * certainty, average); zero: estimate.lonely_psu for every source. */
    int lonely_psu_from_source;
    const char *catalog_dir; /* NULL: jarva_catalog_default_dir() */
} jarva_compute_options;

#define JARVA_COMPUTE_OPTIONS_INIT                                                                 \
    {                                                                                              \
        JARVA_COMPUTE_OPTIONS_VERSION, JARVA_ESTIMATE_OPTIONS_INIT, 1, NULL                        \
    }

#define JARVA_COMPUTE_SUMMARY_VERSION 1

/* What jarva_compute() did; the caller sets version (JARVA_COMPUTE_SUMMARY_INIT). */
typedef struct jarva_compute_summary {
    unsigned version;            /* JARVA_COMPUTE_SUMMARY_VERSION */
    size_t indicators_with_data; /* indicators that got at least one estimate */
    size_t indicators_without_data;
    size_t estimates;  /* rows written */
    size_t suppressed; /* of which suppressed */
} jarva_compute_summary;

#define JARVA_COMPUTE_SUMMARY_INIT                                                                 \
    {                                                                                              \
        JARVA_COMPUTE_SUMMARY_VERSION, 0, 0, 0, 0                                                  \
    }

/* Recomputes the estimates of every indicator × year × area (the whole of
 * Järva as area "jarva", and the breakdowns the indicator names: sex and age
 * group for residents, organisation and role for staff) from the imported
 * batches, replacing the old ones in one transaction. Survey shares and means
 * use the design in the data (strata, weights); published shares their n;
 * activity-log counts and shares, and counts read off a published list, are
 * exact (JARVA_EST_EXACT: complete, nothing sampled, so no interval and never
 * suppressed). Suppressed estimates are stored without value or interval. opts NULL means
 * JARVA_COMPUTE_OPTIONS_INIT; out may be NULL.
 * Returns JARVA_OK, JARVA_EINVAL, JARVA_ENUMERIC (a lonely stratum with the
 * default rule: the message names indicator, year and stratum), JARVA_ENOMEM,
 * JARVA_EDB or JARVA_EBUSY. */
JARVA_API int jarva_compute(jarva_compute_summary *out, jarva_db *db,
                            const jarva_compute_options *opts);

/* One stored estimate. Strings and the struct are valid until the list is
 * freed. When estimate.suppressed is set, estimate, se, the interval, n and
 * n_positive are 0 and must not be shown (a suppressed cell's n would give it
 * away by subtraction; see docs/disclosure.md). */
typedef struct jarva_result {
    const char *indicator_id;
    int year;
    const char *area_id;
    const char *area_name;
    const char *domain; /* "" for the area as a whole, else e.g. "sex=K" */
    const char *method; /* "logit", "wilson", "garwood", "t" ... */
    double level;
    jarva_estimate estimate;
} jarva_result;

typedef struct jarva_result_filter {
    const char *indicator_id; /* NULL: all */
    int year;                 /* 0: all */
    const char *area_id;      /* NULL: all; an id, name or alias */
    int with_domains;         /* nonzero: include breakdowns (domain <> "") */
} jarva_result_filter;

typedef struct jarva_result_list jarva_result_list;

/* Stored estimates in catalogue order, then year, area and domain. filter may
 * be NULL (all, without breakdowns). A new list in *out: free it with
 * jarva_result_list_free() (NULL allowed). JARVA_OK, JARVA_EINVAL,
 * JARVA_ENOTFOUND (unknown area or indicator), JARVA_ENOMEM, JARVA_EDB. */
JARVA_API int jarva_result_list_open(jarva_result_list **out, jarva_db *db,
                                     const jarva_result_filter *filter);
/* The number of estimates; 0 for NULL. jarva_result_list_get() returns the
 * i-th, valid (strings too) until the list is freed, or NULL if i >= count. */
JARVA_API size_t jarva_result_list_count(const jarva_result_list *list);
JARVA_API const jarva_result *jarva_result_list_get(const jarva_result_list *list, size_t i);
JARVA_API void jarva_result_list_free(jarva_result_list *list);

/* The estimates of one indicator and area over the years (area NULL: the
 * indicator's headline area, the whole of Järva where it has estimates, else
 * the area in Järva it is published for, such as LPO Järva), with the indicator's series breaks, ready for jarva_change_between(),
 * jarva_trend_fit() and jarva_target_assess(), in *out. Free it with
 * jarva_series_data_free() (NULL allowed). A series without estimates has
 * count 0. JARVA_OK, JARVA_EINVAL, JARVA_ENOTFOUND (no such indicator or
 * area), JARVA_ENOMEM or JARVA_EDB. */
typedef struct jarva_series_data jarva_series_data;
JARVA_API int jarva_series_open(jarva_series_data **out, jarva_db *db, const char *indicator_id,
                                const char *area_id);
/* The series; valid until the data is freed. NULL for NULL. */
JARVA_API const jarva_series *jarva_series_data_series(const jarva_series_data *data);
JARVA_API void jarva_series_data_free(jarva_series_data *data);

/* The status of one indicator's target in one area (NULL: its headline area,
 * as for jarva_series_open()) as of a year (0: the latest estimate; else only
 * estimates up to that year count), from its stored estimates and the
 * catalogue's target and baseline. The catalogue's baseline counts only for
 * the headline area (the series it describes); elsewhere the baseline is the
 * first estimate of the latest series segment. opts NULL: the plan's
 * thresholds (plan.csv: on_track_probability, off_track_probability) and
 * the other defaults. An indicator without a target gives
 * JARVA_TARGET_NO_TARGET, rule JARVA_RULE_NO_TARGET and *has_target 0, with
 * its latest estimate, trend, baseline and change filled all the same.
 * JARVA_OK, JARVA_EINVAL (also bad options), JARVA_ENOTFOUND, JARVA_ENOMEM,
 * JARVA_EDB. */
JARVA_API int jarva_status_assess(jarva_target_status *out, int *has_target, jarva_db *db,
                                  const char *indicator_id, const char *area_id, int year,
                                  const jarva_target_options *opts);

/* The area a series is read for when none is named (see jarva_series_open()),
 * as a new string the caller frees with jarva_free(), in *area_id. JARVA_OK,
 * JARVA_EINVAL, JARVA_ENOTFOUND, JARVA_ENOMEM, JARVA_EDB. */
JARVA_API int jarva_headline_area(char **area_id, jarva_db *db, const char *indicator_id);

/* The latest year of any stored estimate in *year, 0 if there is none.
 * JARVA_OK, JARVA_EINVAL or JARVA_EDB. */
JARVA_API int jarva_estimates_latest_year(int *year, jarva_db *db);

/* Whether batches were imported that the stored estimates were not computed
 * from (none computed yet, or a batch imported after the last
 * jarva_compute()): *stale 1, else 0 (also with no batches). A front end that
 * only reads says so, or asks for jarva_compute() first. JARVA_OK,
 * JARVA_EINVAL or JARVA_EDB. */
JARVA_API int jarva_estimates_stale(int *stale, jarva_db *db);

/* Where the published figures came from: one item per survey and source
 * (the `source` column of `jarva import table`, usually the address of the
 * publication), with the years it gives and how many values, for a quality
 * declaration that names the primary source of every published figure. */
typedef struct jarva_published_source {
    const char *survey; /* the survey id, as indicators.csv's source names it */
    const char *source; /* as imported; "" when the row gave none */
    int year_first;
    int year_last;
    size_t values;
} jarva_published_source;

typedef struct jarva_published_source_list jarva_published_source_list;

/* Every survey and source of the stored published values, ordered by survey
 * and first year, in a new list in *out; free it with
 * jarva_published_source_list_free() (NULL allowed). Items valid until then.
 * JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_published_source_list_open(jarva_published_source_list **out, jarva_db *db);
JARVA_API size_t jarva_published_source_list_count(const jarva_published_source_list *list);
JARVA_API const jarva_published_source *
jarva_published_source_list_get(const jarva_published_source_list *list, size_t i);
JARVA_API void jarva_published_source_list_free(jarva_published_source_list *list);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_RESULTS_H */
