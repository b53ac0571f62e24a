/* compute_reads.c: what `jarva compute` reads per source (store_compute.h): the
 * waves of the surveys, their indicators and variables, the areas, published
 * values, activity indicators and their counts per year, and for disclosure
 * control the breakdowns and their stored estimates. One statement per
 * call, stepped to its end: a failed step is an error, not the last row. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "store_internal.h"

/* A caller's callback, of whichever row type: C allows a function pointer
 * to be cast to another function pointer type and back. */
typedef void (*any_fn)(void);

/* Steps st to its end, handing each row to row(st, each, ctx); the status of
 * the first row that fails, JARVA_EDB (what: the message's subject) if a step
 * does, else JARVA_OK. Finalizes st. */

static int each_row(jarva_db *db, sqlite3_stmt *st, const char *what,
                    int (*row)(sqlite3_stmt *st, any_fn each, void *ctx), any_fn each, void *ctx)
{
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = row(st, each, ctx);
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, what);
    sqlite3_finalize(st);
    return rc;
}

static const char *text(sqlite3_stmt *st, int k)
{
    return (const char *)sqlite3_column_text(st, k);
}

typedef int (*wave_fn)(void *ctx, const jarva__store_wave *w);

static int wave_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    jarva__store_wave w = { sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
                            sqlite3_column_int(st, 3) };
    return ((wave_fn)each)(ctx, &w);
}

int jarva__store_survey_waves(jarva_db *db, int (*each)(void *ctx, const jarva__store_wave *w),
                              void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, kind, source, year FROM batch "
                           "WHERE kind IN ('survey', 'staff') ORDER BY year, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "listing survey waves");
    return each_row(db, st, "listing survey waves", wave_row, (any_fn)each, ctx);
}

typedef int (*survey_indicator_fn)(void *ctx, const jarva__store_survey_indicator *i);

static int survey_indicator_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    jarva__store_survey_indicator i = { text(st, 0), !strcmp(text(st, 1), "mean"),
                                        text(st, 2), text(st, 3),
                                        text(st, 4), sqlite3_column_int(st, 5),
                                        text(st, 6) };
    return ((survey_indicator_fn)each)(ctx, &i);
}

int jarva__store_survey_indicators(jarva_db *db, const char *kind, const char *source,
                                   int (*each)(void *ctx, const jarva__store_survey_indicator *i),
                                   void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, measure, variable, positive_codes, valid_codes, min_n, "
                           "disaggregations FROM indicator WHERE source_kind = ? AND source = ? "
                           "AND measure IN ('proportion', 'mean') AND variable IS NOT NULL "
                           "ORDER BY position, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading survey indicators");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
    return each_row(db, st, "reading survey indicators", survey_indicator_row, (any_fn)each, ctx);
}

int jarva__store_wave_variables(jarva_db *db, int64_t batch_id, const char *const *names, size_t n,
                                int *positions)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT position FROM batch_variable WHERE batch_id = ? AND name = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the wave's variables");
    int rc = JARVA_OK;
    sqlite3_bind_int64(st, 1, batch_id);
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_bind_text(st, 2, names[i], -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE) /* not "the wave lacks it" */
            rc = jarva__sqlerr(db, "reading the wave's variables");
        positions[i] = step == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

typedef int (*area_fn)(void *ctx, const jarva__store_area *a);

static int area_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    jarva__store_area a = { text(st, 0), text(st, 1), text(st, 2), sqlite3_column_int(st, 3) };
    return ((area_fn)each)(ctx, &a);
}

int jarva__store_areas(jarva_db *db, int (*each)(void *ctx, const jarva__store_area *a), void *ctx)
{
    sqlite3_stmt *st = NULL;
    /* No ORDER BY: disclosure control takes the parts of an area in the order
     * they were stored (compute_disclosure.c), as it always has. */
    if (sqlite3_prepare_v2(db->sql, "SELECT id, parent_id, kind, in_jarva FROM area", -1, &st,
                           NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the areas");
    return each_row(db, st, "reading the areas", area_row, (any_fn)each, ctx);
}

typedef int (*published_fn)(void *ctx, const jarva__store_published_value *v);

static int published_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    int has_n = sqlite3_column_type(st, 5) != SQLITE_NULL;
    jarva__store_published_value v = { text(st, 0),
                                       sqlite3_column_int(st, 1),
                                       text(st, 2),
                                       text(st, 3),
                                       sqlite3_column_double(st, 4),
                                       has_n,
                                       has_n ? sqlite3_column_double(st, 5) : 0,
                                       sqlite3_column_int(st, 6),
                                       sqlite3_column_int64(st, 7),
                                       sqlite3_column_int(st, 8),
                                       text(st, 9) };
    return ((published_fn)each)(ctx, &v);
}

int jarva__store_published_values(jarva_db *db,
                                  int (*each)(void *ctx, const jarva__store_published_value *v),
                                  void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT p.indicator_id, p.year, p.area_id, p.value_kind, p.value, p.n, "
                           "p.suppressed, p.batch_id, i.min_n, i.measure FROM published_value p "
                           "JOIN indicator i ON i.id = p.indicator_id ORDER BY p.id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading published values");
    return each_row(db, st, "reading published values", published_row, (any_fn)each, ctx);
}

typedef int (*activity_indicator_fn)(void *ctx, const jarva__store_activity_indicator *i);

static int activity_indicator_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    const char *rule = text(st, 3);
    jarva__store_activity_indicator i = { text(st, 0), text(st, 1), text(st, 2),
                                          rule ? rule : "count", sqlite3_column_int(st, 4) };
    return ((activity_indicator_fn)each)(ctx, &i);
}

int jarva__store_activity_indicators(
    jarva_db *db, int (*each)(void *ctx, const jarva__store_activity_indicator *i), void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, source, event_type, counting_rule, min_n FROM indicator "
                           "WHERE source_kind = 'activity' AND event_type IS NOT NULL "
                           "ORDER BY position, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading activity indicators");
    return each_row(db, st, "reading activity indicators", activity_indicator_row, (any_fn)each,
                    ctx);
}

/* The SQL of each counting rule: per year, events (or x), n and the batches
 * as "1,4,7" (group_concat), over the years the indicator's log covers (a
 * year in the log without the event counts 0, a year outside it has no
 * estimate). */
static const char *rule_sql(const char *rule)
{
    if (!strcmp(rule, "count"))
        return "SELECT y.year, coalesce(sum(a.count), 0), 0, group_concat(DISTINCT y.batch_id) "
               "FROM (SELECT DISTINCT x.year, x.batch_id FROM activity x JOIN batch b ON b.id = "
               "x.batch_id WHERE b.source = ?2) y LEFT JOIN activity a ON a.year = y.year AND "
               "a.batch_id = y.batch_id AND a.type = ?1 GROUP BY y.year ORDER BY y.year";
    if (!strcmp(rule, "reach"))
        return "SELECT y.year, coalesce(sum(a.reach), 0), 0, group_concat(DISTINCT y.batch_id) "
               "FROM (SELECT DISTINCT x.year, x.batch_id FROM activity x JOIN batch b ON b.id = "
               "x.batch_id WHERE b.source = ?2) y LEFT JOIN activity a ON a.year = y.year AND "
               "a.batch_id = y.batch_id AND a.type = ?1 GROUP BY y.year ORDER BY y.year";
    if (!strcmp(rule, "share_on_time"))
        return "SELECT a.year, sum(CASE WHEN a.delivered_date <= a.planned_date THEN a.count "
               "ELSE 0 END), sum(a.count), group_concat(DISTINCT a.batch_id) FROM activity a "
               "JOIN batch b ON b.id = a.batch_id WHERE b.source = ?2 AND a.type = ?1 AND "
               "a.planned_date IS NOT NULL GROUP BY a.year ORDER BY a.year";
    if (!strcmp(rule, "share_delivered"))
        return "SELECT a.year, sum(CASE WHEN a.delivered_date IS NOT NULL THEN a.count ELSE 0 "
               "END), sum(a.count), group_concat(DISTINCT a.batch_id) FROM activity a "
               "JOIN batch b ON b.id = a.batch_id WHERE b.source = ?2 AND a.type = ?1 "
               "GROUP BY a.year ORDER BY a.year";
    return NULL;
}

/* Batch ids "1,4,7" into *ids (grown as needed, *cap its size): how many,
 * or -1 out of memory. */
static long parse_batches(const char *list, int64_t **ids, size_t *cap)
{
    size_t need = 1;
    for (const char *p = list; p && *p; p++)
        need += *p == ',';
    if (need > *cap) {
        int64_t *grown = realloc(*ids, need * sizeof *grown);
        if (!grown)
            return -1;
        *ids = grown;
        *cap = need;
    }
    size_t n = 0;
    for (const char *p = list; p && *p && n < need;) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p)
            break;
        (*ids)[n++] = v;
        p = *end == ',' ? end + 1 : end;
    }
    return (long)n;
}

int jarva__store_activity_counts(jarva_db *db, const jarva__store_activity_indicator *ind,
                                 int (*each)(void *ctx, const jarva__store_activity_year *y),
                                 void *ctx)
{
    const char *sql = rule_sql(ind->counting_rule);
    if (!sql)
        return jarva__seterr(&db->err, JARVA_EINVAL, "%s: unknown counting rule '%s'", ind->id,
                             ind->counting_rule);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "counting activities");
    sqlite3_bind_text(st, 1, ind->event_type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, ind->source, -1, SQLITE_STATIC);
    int64_t *batches = NULL;
    size_t cap = 0;
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        long nb = parse_batches(text(st, 3), &batches, &cap);
        if (nb < 0) {
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
            break;
        }
        jarva__store_activity_year y = { sqlite3_column_int(st, 0), sqlite3_column_double(st, 1),
                                         sqlite3_column_double(st, 2), batches, (size_t)nb };
        rc = each(ctx, &y);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "counting activities");
    sqlite3_finalize(st);
    free(batches);
    return rc;
}

typedef int (*breakdown_fn)(void *ctx, const jarva__store_breakdown *b);

static int breakdown_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    jarva__store_breakdown b = { text(st, 0), text(st, 1), sqlite3_column_int(st, 2),
                                 sqlite3_column_int(st, 3) };
    return ((breakdown_fn)each)(ctx, &b);
}

int jarva__store_breakdowns(jarva_db *db, int (*each)(void *ctx, const jarva__store_breakdown *b),
                            void *ctx)
{
    sqlite3_stmt *st = NULL;
    /* Respondent data only: activity counts are complete counts. */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT DISTINCT e.indicator_id, i.source_kind, e.year, i.min_n "
                           "FROM estimate e JOIN indicator i ON i.id = e.indicator_id "
                           "WHERE i.source_kind IN ('survey', 'staff', 'table') "
                           "AND i.measure IN ('proportion', 'mean') "
                           "ORDER BY e.indicator_id, e.year",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "listing estimates to protect");
    return each_row(db, st, "listing estimates to protect", breakdown_row, (any_fn)each, ctx);
}

typedef int (*cell_fn)(void *ctx, const jarva__store_cell *cell);

static int cell_row(sqlite3_stmt *st, any_fn each, void *ctx)
{
    jarva__store_cell cell = { sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
                               sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4) };
    return ((cell_fn)each)(ctx, &cell);
}

int jarva__store_breakdown_cells(jarva_db *db, const char *indicator_id, int year,
                                 int (*each)(void *ctx, const jarva__store_cell *cell), void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT e.id, e.area_id, e.domain, coalesce(e.n, 0), e.suppressed "
                           "FROM estimate e JOIN area a ON a.id = e.area_id "
                           "WHERE e.indicator_id = ? AND e.year = ? AND e.method <> 'exact' "
                           "ORDER BY a.position, e.domain",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading estimates to protect");
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    return each_row(db, st, "reading estimates to protect", cell_row, (any_fn)each, ctx);
}
