/* results.c: reading stored estimates back: lists for the CLI and exports,
 * series for change and trend, and target status from the catalogue's
 * baseline and target. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "catalog_internal.h"
#include "jarva_internal.h"
#include "store_internal.h"

struct jarva_result_list {
    jarva_result *items;
    size_t count;
    jarva__owned strings; /* every string the items point to */
};

void jarva_result_list_free(jarva_result_list *list)
{
    if (!list)
        return;
    jarva__owned_free(&list->strings);
    free(list->items);
    free(list);
}

size_t jarva_result_list_count(const jarva_result_list *list)
{
    return list ? list->count : 0;
}

const jarva_result *jarva_result_list_get(const jarva_result_list *list, size_t i)
{
    return list && i < list->count ? &list->items[i] : NULL;
}

static int indicator_exists(jarva_db *db, const char *id)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM indicator WHERE id = ?", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        /* An error is not "no such indicator": -1 makes the caller say so. */
        found = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
    } else {
        found = -1;
    }
    sqlite3_finalize(st);
    return found;
}

static void read_estimate(sqlite3_stmt *st, int first, jarva_estimate *e)
{
    *e = (jarva_estimate)JARVA_ESTIMATE_INIT;
    e->n = (size_t)sqlite3_column_int64(st, first);
    e->n_positive = (size_t)sqlite3_column_int64(st, first + 1);
    double *fields[] = { &e->estimate, &e->se, &e->ci_low, &e->ci_high, &e->df, &e->n_eff };
    for (int k = 0; k < 6; k++)
        *fields[k] = sqlite3_column_type(st, first + 2 + k) == SQLITE_NULL
                         ? 0
                         : sqlite3_column_double(st, first + 2 + k);
    e->suppressed = sqlite3_column_int(st, first + 8);
    e->flags = (unsigned)sqlite3_column_int(st, first + 9);
}

#define ESTIMATE_COLUMNS                                                                           \
    "e.n, e.n_positive, e.value, e.se, e.ci_low, e.ci_high, e.df, e.n_eff, "                       \
    "e.suppressed, e.flags"

int jarva_result_list_open(jarva_result_list **out, jarva_db *db, const jarva_result_filter *filter)
{
    if (!db || !out)
        return JARVA_EINVAL;
    jarva__clearerr(&db->err);
    *out = NULL;
    jarva_result_filter none = { NULL, 0, NULL, 0 };
    if (!filter)
        filter = &none;
    char *area = NULL;
    int rc = JARVA_OK;
    if (filter->area_id && (rc = jarva__area_resolve(db, filter->area_id, &area)))
        return rc;
    int exists = filter->indicator_id ? indicator_exists(db, filter->indicator_id) : 1;
    if (exists <= 0) {
        free(area);
        return exists < 0 ? jarva__sqlerr(db, "looking up the indicator")
                          : jarva__seterr(&db->err, JARVA_ENOTFOUND, "no indicator '%s'",
                                          filter->indicator_id);
    }
    jarva_result_list *l = calloc(1, sizeof *l);
    sqlite3_stmt *st = NULL;
    if (!l) {
        free(area);
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT e.indicator_id, e.year, e.area_id, a.name, e.domain, e.method, "
                           "e.level, " ESTIMATE_COLUMNS " FROM estimate e "
                           "JOIN indicator i ON i.id = e.indicator_id "
                           "JOIN goal g ON g.id = i.goal_id "
                           "LEFT JOIN audience au ON au.id = g.audience_id "
                           "JOIN area a ON a.id = e.area_id "
                           "WHERE (?1 IS NULL OR e.indicator_id = ?1) AND (?2 = 0 OR e.year = ?2) "
                           "AND (?3 IS NULL OR e.area_id = ?3) AND (?4 OR e.domain = '') "
                           "ORDER BY g.kind DESC, coalesce(au.position, 0), g.position, "
                           "i.position, i.id, e.year, a.position, e.domain",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "reading estimates");
        goto done;
    }
    if (filter->indicator_id)
        sqlite3_bind_text(st, 1, filter->indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, filter->year);
    if (area)
        sqlite3_bind_text(st, 3, area, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, filter->with_domains ? 1 : 0);
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (l->count == cap) {
            cap = cap ? cap * 2 : 64;
            jarva_result *grown = realloc(l->items, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                goto done;
            }
            l->items = grown;
        }
        jarva_result *r = &l->items[l->count++];
        r->indicator_id = jarva__owned_text(&l->strings, st, 0);
        r->year = sqlite3_column_int(st, 1);
        r->area_id = jarva__owned_text(&l->strings, st, 2);
        r->area_name = jarva__owned_text(&l->strings, st, 3);
        r->domain = jarva__owned_text(&l->strings, st, 4);
        r->method = jarva__owned_text(&l->strings, st, 5);
        r->level = sqlite3_column_double(st, 6);
        read_estimate(st, 7, &r->estimate);
        if (!r->indicator_id || !r->area_id || !r->area_name || !r->domain || !r->method) {
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading estimates");
done:
    sqlite3_finalize(st);
    free(area);
    if (rc)
        jarva_result_list_free(l);
    else
        *out = l;
    return rc;
}

struct jarva_series_data {
    jarva_series series;
    int *years;
    jarva_estimate *estimates;
    int *breaks;
};

void jarva_series_data_free(jarva_series_data *data)
{
    if (!data)
        return;
    free(data->years);
    free(data->estimates);
    free(data->breaks);
    free(data);
}

const jarva_series *jarva_series_data_series(const jarva_series_data *data)
{
    return data ? &data->series : NULL;
}

int jarva_headline_area(char **area_id, jarva_db *db, const char *indicator_id)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !indicator_id || !area_id)
        return JARVA_EINVAL;
    *area_id = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT e.area_id FROM estimate e JOIN area a ON a.id = e.area_id "
                           "WHERE e.indicator_id = ? AND e.domain = '' AND a.in_jarva = 1 "
                           "GROUP BY e.area_id ORDER BY a.kind = 'whole' DESC, "
                           "a.kind = 'police_area' DESC, count(*) DESC, a.position LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "choosing the headline area");
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        int rc = jarva__sqlerr(db, "choosing the headline area");
        sqlite3_finalize(st);
        return rc;
    }
    const char *found = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "jarva";
    *area_id = jarva__strdup(found);
    sqlite3_finalize(st);
    if (!*area_id)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    return JARVA_OK;
}

int jarva_series_open(jarva_series_data **out, jarva_db *db, const char *indicator_id,
                      const char *area_id)
{
    if (!db || !indicator_id || !out)
        return JARVA_EINVAL;
    jarva__clearerr(&db->err);
    *out = NULL;
    int exists = indicator_exists(db, indicator_id);
    if (exists <= 0)
        return exists < 0
                   ? jarva__sqlerr(db, "looking up the indicator")
                   : jarva__seterr(&db->err, JARVA_ENOTFOUND, "no indicator '%s'", indicator_id);
    char *area = NULL;
    int rc = area_id ? jarva__area_resolve(db, area_id, &area)
                     : jarva_headline_area(&area, db, indicator_id);
    if (rc)
        return rc;
    jarva_series_data *d = calloc(1, sizeof *d);
    sqlite3_stmt *st = NULL;
    if (!d) {
        free(area);
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    size_t cap = 0;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT e.year, " ESTIMATE_COLUMNS " FROM estimate e WHERE "
                           "e.indicator_id = ? AND e.area_id = ? AND e.domain = '' ORDER BY e.year",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "reading a series");
        goto done;
    }
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, area, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (d->series.count == cap) {
            cap = cap ? cap * 2 : 16;
            int *years = realloc(d->years, cap * sizeof *years);
            if (years)
                d->years = years;
            jarva_estimate *est = realloc(d->estimates, cap * sizeof *est);
            if (est)
                d->estimates = est;
            if (!years || !est) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                goto done;
            }
        }
        d->years[d->series.count] = sqlite3_column_int(st, 0);
        read_estimate(st, 1, &d->estimates[d->series.count]);
        d->series.count++;
    }
    if (step != SQLITE_DONE) {
        rc = jarva__sqlerr(db, "reading a series");
        goto done;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT year FROM indicator_series_break WHERE indicator_id = ? "
                           "ORDER BY year",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "reading series breaks");
        goto done;
    }
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    cap = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (d->series.break_count == cap) {
            cap = cap ? cap * 2 : 4;
            int *grown = realloc(d->breaks, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                goto done;
            }
            d->breaks = grown;
        }
        d->breaks[d->series.break_count++] = sqlite3_column_int(st, 0);
    }
    if (step != SQLITE_DONE) {
        rc = jarva__sqlerr(db, "reading series breaks");
        goto done;
    }
    d->series.years = d->years;
    d->series.estimates = d->estimates;
    d->series.breaks = d->breaks;
done:
    sqlite3_finalize(st);
    free(area);
    if (rc)
        jarva_series_data_free(d);
    else
        *out = d;
    return rc;
}

/* The plan's status thresholds (plan.csv) into opts; opts unchanged when no
 * plan is loaded. */
int jarva__store_plan_thresholds(jarva_db *db, jarva_target_options *opts)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT coalesce(on_track_probability, 0.75), "
                           "coalesce(off_track_probability, 0.25) FROM plan_version "
                           "ORDER BY year DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the plan's thresholds");
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        opts->on_track = sqlite3_column_double(st, 0);
        opts->off_track = sqlite3_column_double(st, 1);
    }
    int rc = step == SQLITE_ROW || step == SQLITE_DONE
                 ? JARVA_OK
                 : jarva__sqlerr(db, "reading the plan's thresholds");
    sqlite3_finalize(st);
    return rc;
}

int jarva__store_indicator_target(jarva_db *db, const char *indicator_id, jarva_target *target,
                                  int *targeted)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT direction, target_value, target_year, baseline_year, "
                           "baseline_value FROM indicator WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the target");
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step != SQLITE_ROW) {
        int rc = step == SQLITE_DONE
                     ? jarva__seterr(&db->err, JARVA_ENOTFOUND, "no indicator '%s'", indicator_id)
                     : jarva__sqlerr(db, "reading the target");
        sqlite3_finalize(st);
        return rc;
    }
    const char *direction = (const char *)sqlite3_column_text(st, 0);
    target->direction =
        direction && !strcmp(direction, "lower") ? JARVA_LOWER_IS_BETTER : JARVA_HIGHER_IS_BETTER;
    *targeted =
        sqlite3_column_type(st, 1) != SQLITE_NULL && sqlite3_column_type(st, 2) != SQLITE_NULL;
    target->value = sqlite3_column_double(st, 1);
    target->year = sqlite3_column_int(st, 2);
    int catalogue_baseline = sqlite3_column_type(st, 4) != SQLITE_NULL;
    target->baseline_year = catalogue_baseline ? sqlite3_column_int(st, 3) : 0;
    target->baseline_value = sqlite3_column_double(st, 4);
    sqlite3_finalize(st);
    return JARVA_OK;
}
