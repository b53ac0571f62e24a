/* compute_other.c: estimates from published tables (a share and its n, or a
 * count) and from activity logs (counts per year, and shares of reports on
 * time or of proposals answered). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compute_internal.h"

int jarva__compute_tables(jarva__compute *c)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT p.indicator_id, p.year, p.area_id, p.value_kind, p.value, p.n, "
                           "p.suppressed, p.batch_id, i.min_n, i.measure FROM published_value p "
                           "JOIN indicator i ON i.id = p.indicator_id ORDER BY p.id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading published values");
    int rc = JARVA_OK, step = SQLITE_DONE;
    jarva_estimate_options opts = c->opts.estimate;
    /* Published shares default to Wilson whatever the survey method is. */
    if (opts.method == JARVA_CI_LOGIT || opts.method == JARVA_CI_MEAN)
        opts.method = JARVA_CI_DEFAULT;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *indicator = (const char *)sqlite3_column_text(st, 0);
        int year = sqlite3_column_int(st, 1);
        const char *area = (const char *)sqlite3_column_text(st, 2);
        const char *kind = (const char *)sqlite3_column_text(st, 3);
        int64_t batch = sqlite3_column_int64(st, 7);
        const char *measure = (const char *)sqlite3_column_text(st, 9);
        jarva_estimate e = JARVA_ESTIMATE_INIT;
        const char *method = jarva__ci_method_name(opts.method, 1);
        if (sqlite3_column_int(st, 6)) {
            /* Suppressed at the source: stored as suppressed, never as 0. */
            e.suppressed = 1;
            e.flags = JARVA_EST_SUPPRESSED_N;
        } else if (!strcmp(kind, "count") || !strcmp(measure, "count")) {
            /* A count read off a published list is exact: no interval. */
            rc = jarva_estimate_exact(&e, sqlite3_column_double(st, 4), 0, c->errbuf,
                                      sizeof c->errbuf);
            if (rc) {
                rc = jarva__seterr(&c->db->err, rc, "%s, %d, %s: %s", indicator, year, area,
                                   c->errbuf);
                break;
            }
            method = "exact";
        } else {
            opts.min_n = (unsigned)sqlite3_column_int(st, 8);
            double n = sqlite3_column_type(st, 5) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 5);
            rc = jarva_estimate_table_share(&e, sqlite3_column_double(st, 4), n, &opts, c->errbuf,
                                            sizeof c->errbuf);
            if (rc) {
                rc = jarva__seterr(&c->db->err, rc, "%s, %d, %s: %s", indicator, year, area,
                                   c->errbuf);
                break;
            }
            if (e.flags & JARVA_EST_NO_N)
                method = "none";
        }
        rc = jarva__compute_write(c, indicator, year, area, "", &e, method, &batch, 1);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(c->db, "reading what to compute");
    sqlite3_finalize(st);
    return rc;
}

/* Batch ids as "1,4,7" from group_concat into an array (at most max). */
static size_t parse_batches(const char *list, int64_t *out, size_t max)
{
    size_t n = 0;
    for (const char *p = list; p && *p && n < max;) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p)
            break;
        out[n++] = v;
        p = *end == ',' ? end + 1 : end;
    }
    return n;
}

/* The SQL of each counting rule: per year, events (or x) and n, over the
 * years the indicator's log covers (a year in the log without the event
 * counts 0, a year outside it has no estimate). */
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

static int compute_activity_indicator(jarva__compute *c, const char *id, const char *source,
                                      const char *type, const char *rule, int min_n)
{
    const char *sql = rule_sql(rule);
    if (!sql)
        return jarva__seterr(&c->db->err, JARVA_EINVAL, "%s: unknown counting rule '%s'", id, rule);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "counting activities");
    sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
    int share = !strncmp(rule, "share", 5);
    (void)min_n; /* the disclosure rules protect respondents, not documents */
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int year = sqlite3_column_int(st, 0);
        double x = sqlite3_column_double(st, 1);
        double n = sqlite3_column_double(st, 2);
        int64_t batches[16];
        size_t nb = parse_batches((const char *)sqlite3_column_text(st, 3), batches, 16);
        jarva_estimate e = JARVA_ESTIMATE_INIT;
        if (share && n <= 0)
            continue;
        /* The activity log records every report, meeting and proposal: the
         * counts and shares are complete, not samples, so they are exact (no
         * interval, never suppressed), and a year without the event is a
         * count of 0 that the trend keeps (stats_change.c). */
        rc = jarva_estimate_exact(&e, share ? x / n : x, share ? (size_t)n : 0, c->errbuf,
                                  sizeof c->errbuf);
        if (rc) {
            rc = jarva__seterr(&c->db->err, rc, "%s, %d: %s", id, year, c->errbuf);
            break;
        }
        rc = jarva__compute_write(c, id, year, "jarva", "", &e, "exact", batches, nb);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(c->db, "reading what to compute");
    sqlite3_finalize(st);
    return rc;
}

int jarva__compute_activities(jarva__compute *c)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT id, source, event_type, counting_rule, min_n FROM indicator "
                           "WHERE source_kind = 'activity' AND event_type IS NOT NULL "
                           "ORDER BY position, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading activity indicators");
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        char *id = jarva__strdup((const char *)sqlite3_column_text(st, 0));
        char *source = jarva__strdup((const char *)sqlite3_column_text(st, 1));
        char *type = jarva__strdup((const char *)sqlite3_column_text(st, 2));
        const char *rule_text = (const char *)sqlite3_column_text(st, 3);
        char *rule = jarva__strdup(rule_text ? rule_text : "count");
        if (!id || !source || !type || !rule)
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
        else
            rc = compute_activity_indicator(c, id, source, type, rule, sqlite3_column_int(st, 4));
        free(id);
        free(source);
        free(type);
        free(rule);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(c->db, "reading what to compute");
    sqlite3_finalize(st);
    return rc;
}
