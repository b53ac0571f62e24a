/* store_compute.h: part of the store's door (included by store_internal.h): compute's reads
 * per source: the waves of a survey and their variables, published values, activity counts,
 * the estimates of a breakdown for disclosure control. The SQL behind each call lives in
 * store/ (docs/architecture.md, "A second store engine").
 *
 * Rows are handed to a callback, each(ctx, row), one at a time in the order given; the
 * row's strings are valid during the call only. A nonzero return of each stops the
 * reading and is returned as it is (each leaves its own message on the handle), so that
 * compute's loops read as loops over rows. An engine that cannot run statements while
 * reading another may read the whole result first: the callbacks write estimates. The
 * survey answers themselves are read in blocks by answer_store.h's reader. */
#ifndef JARVA_STORE_COMPUTE_H
#define JARVA_STORE_COMPUTE_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

/* ---- surveys (store/compute_reads.c) ---- */

/* A wave: a batch of survey microdata (kind "survey" or "staff"). */
typedef struct jarva__store_wave {
    int64_t batch_id;
    const char *kind;
    const char *source;
    int year;
} jarva__store_wave;

/* Every wave of every survey source, by year then batch. JARVA_OK, JARVA_EDB, or what
 * each returned. */
int jarva__store_survey_waves(jarva_db *db, int (*each)(void *ctx, const jarva__store_wave *w),
                              void *ctx);

/* A survey indicator as the catalogue gives it; positive_codes and valid_codes may be
 * NULL, disaggregations is NULL when none is asked for. */
typedef struct jarva__store_survey_indicator {
    const char *id;
    int mean; /* measure 'mean' (else 'proportion') */
    const char *variable;
    const char *positive_codes;
    const char *valid_codes;
    int min_n;
    const char *disaggregations;
} jarva__store_survey_indicator;

/* The indicators of a source of kind ("survey", "staff") that estimate a proportion or a
 * mean of a variable, in catalogue order. JARVA_OK, JARVA_EDB, or what each returned. */
int jarva__store_survey_indicators(jarva_db *db, const char *kind, const char *source,
                                   int (*each)(void *ctx, const jarva__store_survey_indicator *i),
                                   void *ctx);

/* In positions[i] the stored column (batch_variable.position) of the variable names[i] of
 * a batch, -1 where the wave does not have it. JARVA_OK or JARVA_EDB. */
int jarva__store_wave_variables(jarva_db *db, int64_t batch_id, const char *const *names, size_t n,
                                int *positions);

/* An area of the catalogue: parent_id NULL for the top. */
typedef struct jarva__store_area {
    const char *id;
    const char *parent_id;
    const char *kind;
    int in_jarva;
} jarva__store_area;

/* Every area of the catalogue, in the order stored. JARVA_OK, JARVA_EDB, or what each
 * returned. The one reading of the areas: compute and a survey import both
 * take the areas outside Järva from its in_jarva. */
int jarva__store_areas(jarva_db *db, int (*each)(void *ctx, const jarva__store_area *a), void *ctx);

/* ---- published tables and activity logs (store/compute_reads.c) ---- */

/* A value of a published table, with its indicator's min_n and measure. */
typedef struct jarva__store_published_value {
    const char *indicator_id;
    int year;
    const char *area_id;
    const char *value_kind; /* "share", "count", ... as imported */
    double value;
    int has_n; /* 0: the table gives no n */
    double n;
    int suppressed; /* at the source */
    int64_t batch_id;
    int min_n;
    const char *measure;
} jarva__store_published_value;

/* Every published value, in the order imported. JARVA_OK, JARVA_EDB, or what each
 * returned. */
int jarva__store_published_values(jarva_db *db,
                                  int (*each)(void *ctx, const jarva__store_published_value *v),
                                  void *ctx);

/* An indicator counted from an activity log; counting_rule is "count" when the catalogue
 * leaves it empty. */
typedef struct jarva__store_activity_indicator {
    const char *id;
    const char *source;
    const char *event_type;
    const char *counting_rule;
    int min_n;
} jarva__store_activity_indicator;

/* Every activity indicator with an event type, in catalogue order. JARVA_OK, JARVA_EDB,
 * or what each returned. */
int jarva__store_activity_indicators(
    jarva_db *db, int (*each)(void *ctx, const jarva__store_activity_indicator *i), void *ctx);

/* One year of an activity indicator: x events (for a share, those on time or answered)
 * out of n (0 for a count), from the batches listed. */
typedef struct jarva__store_activity_year {
    int year;
    double x;
    double n;
    const int64_t *batches;
    size_t nbatches;
} jarva__store_activity_year;

/* The counts of indicator ind by its counting rule ("count", "reach", "share_on_time",
 * "share_delivered"), per year that its source's log covers (a covered year without the
 * event counts 0), by year. JARVA_OK, JARVA_EINVAL (an unknown rule), JARVA_ENOMEM,
 * JARVA_EDB, or what each returned. */
int jarva__store_activity_counts(jarva_db *db, const jarva__store_activity_indicator *ind,
                                 int (*each)(void *ctx, const jarva__store_activity_year *y),
                                 void *ctx);

/* ---- disclosure control (store/compute_reads.c, store/suppression_writer.c) ---- */

/* An indicator and year whose estimates come from respondents: survey and staff
 * microdata, or a published table (source_kind), of a proportion or a mean. */
typedef struct jarva__store_breakdown {
    const char *indicator_id;
    const char *source_kind;
    int year;
    int min_n; /* the indicator's, 0 when the catalogue gives none */
} jarva__store_breakdown;

/* Every breakdown with estimates stored, by indicator then year. JARVA_OK, JARVA_EDB, or
 * what each returned. */
int jarva__store_breakdowns(jarva_db *db, int (*each)(void *ctx, const jarva__store_breakdown *b),
                            void *ctx);

/* A stored estimate of a breakdown. */
typedef struct jarva__store_cell {
    int64_t id;
    const char *area_id;
    const char *domain; /* "" for the area as a whole, else "name=value" */
    long long n;        /* 0 when not known (suppressed at the source) */
    int suppressed;
} jarva__store_cell;

/* The estimates of an indicator and year with an interval (not method 'exact': counts read
 * off a list are no respondent's answers), by area in catalogue order, then domain.
 * JARVA_OK, JARVA_EDB, or what each returned. */
int jarva__store_breakdown_cells(jarva_db *db, const char *indicator_id, int year,
                                 int (*each)(void *ctx, const jarva__store_cell *cell), void *ctx);

/* Stores secondary suppressions inside compute's transaction: _put makes estimate id
 * suppressed (flag JARVA_EST_SUPPRESSED_SECONDARY) with no value, SE, interval, df, n_eff
 * or n_positive. _open and _put return JARVA_OK, JARVA_ENOMEM or JARVA_EDB. */
typedef struct jarva__suppression_writer jarva__suppression_writer;
int jarva__suppression_writer_open(jarva__suppression_writer **out, jarva_db *db);
int jarva__suppression_writer_put(jarva__suppression_writer *w, int64_t estimate_id);
void jarva__suppression_writer_free(jarva__suppression_writer *w);

/* Removes n and n_positive from every suppressed estimate: n would give a hidden cell away
 * by subtraction as surely as its value. JARVA_OK or JARVA_EDB. */
int jarva__store_hide_suppressed_n(jarva_db *db);

#endif /* JARVA_STORE_COMPUTE_H */
