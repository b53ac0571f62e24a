/* compute.c: `jarva compute`: every indicator's estimates recomputed from the
 * imported batches in one transaction, so that readers see either the old
 * set or the new one, never a mix. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "compute_internal.h"

const char *jarva__ci_method_name(jarva_ci_method method, int table)
{
    /* What the estimators do with each method (stats_estimate.c): a
     * published share has no design, so beta is Clopper-Pearson there, and
     * the default is Wilson for tables, logit for microdata. */
    if (method == JARVA_CI_DEFAULT)
        method = table ? JARVA_CI_WILSON : JARVA_CI_LOGIT;
    else if (table && method == JARVA_CI_BETA)
        method = JARVA_CI_CLOPPER_PEARSON;
    return jarva_ci_method_name(method);
}

int jarva__compute_write(jarva__compute *c, const char *indicator_id, int year, const char *area_id,
                         const char *domain, const jarva_estimate *e, const char *method,
                         const int64_t *batches, size_t nbatches)
{
    sqlite3_stmt *st = c->insert;
    int shown = !e->suppressed && !(e->flags & JARVA_EST_EMPTY);
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_text(st, 3, area_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, domain, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)e->n);
    if (shown)
        sqlite3_bind_int64(st, 6, (sqlite3_int64)e->n_positive);
    else
        sqlite3_bind_null(st, 6);
    const double values[] = { e->estimate, e->se, e->ci_low, e->ci_high, e->df, e->n_eff };
    for (int k = 0; k < 6; k++) {
        /* Suppressed estimates are not stored at all: no export or report can
         * then show one by mistake. */
        if (shown)
            sqlite3_bind_double(st, 7 + k, values[k]);
        else
            sqlite3_bind_null(st, 7 + k);
    }
    sqlite3_bind_text(st, 13, method, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 14, c->opts.estimate.level);
    sqlite3_bind_int(st, 15, e->suppressed ? 1 : 0);
    sqlite3_bind_int(st, 16, (int)e->flags);
    sqlite3_bind_text(st, 17, c->now, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(c->db, "storing an estimate");
    int64_t id = sqlite3_last_insert_rowid(c->db->sql);
    for (size_t b = 0; b < nbatches; b++) {
        sqlite3_bind_int64(c->link, 1, id);
        sqlite3_bind_int64(c->link, 2, batches[b]);
        step = sqlite3_step(c->link);
        sqlite3_reset(c->link);
        if (step != SQLITE_DONE && sqlite3_errcode(c->db->sql) != SQLITE_CONSTRAINT)
            return jarva__sqlerr(c->db, "linking an estimate to its batch");
    }
    c->summary->estimates++;
    if (e->suppressed)
        c->summary->suppressed++;
    return JARVA_OK;
}

static int count_indicators(jarva__compute *c)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT (SELECT count(DISTINCT indicator_id) FROM estimate), "
                           "(SELECT count(*) FROM indicator)",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "counting indicators");
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        c->summary->indicators_with_data = (size_t)sqlite3_column_int64(st, 0);
        c->summary->indicators_without_data =
            (size_t)(sqlite3_column_int64(st, 1) - sqlite3_column_int64(st, 0));
    }
    int rc = step == SQLITE_ROW ? JARVA_OK : jarva__sqlerr(c->db, "counting indicators");
    sqlite3_finalize(st);
    return rc;
}

int jarva_compute(jarva_compute_summary *out, jarva_db *db, const jarva_compute_options *opts)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(&db->err);
    if (out && out->version != JARVA_COMPUTE_SUMMARY_VERSION)
        return jarva__seterr(
            &db->err, JARVA_EINVAL,
            "jarva_compute: summary version %u, this libjarva knows %d (initialise "
            "it from JARVA_COMPUTE_SUMMARY_INIT)",
            out->version, JARVA_COMPUTE_SUMMARY_VERSION);
    jarva_compute_summary ignored = JARVA_COMPUTE_SUMMARY_INIT;
    jarva__compute c;
    memset(&c, 0, sizeof c);
    c.db = db;
    c.summary = out ? out : &ignored;
    *c.summary = (jarva_compute_summary)JARVA_COMPUTE_SUMMARY_INIT;
    if (opts) {
        if (opts->version != JARVA_COMPUTE_OPTIONS_VERSION)
            return jarva__seterr(&db->err, JARVA_EINVAL, "jarva_compute: options version %u",
                                 opts->version);
        c.opts = *opts;
    } else {
        jarva_compute_options defaults = JARVA_COMPUTE_OPTIONS_INIT;
        c.opts = defaults;
    }
    if (!(c.opts.estimate.level > 0 && c.opts.estimate.level < 1))
        return jarva__seterr(&db->err, JARVA_EINVAL, "confidence level %g is not in (0, 1)",
                             c.opts.estimate.level);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(c.now, sizeof c.now, "%Y-%m-%dT%H:%M:%SZ", &tm);

    int rc = jarva__begin_write(db);
    if (rc)
        return rc;
    rc = jarva__exec(db, "DELETE FROM estimate");
    if (!rc && (sqlite3_prepare_v2(db->sql,
                                   "INSERT INTO estimate(indicator_id, year, area_id, domain, n, "
                                   "n_positive, value, se, ci_low, ci_high, df, n_eff, method, "
                                   "level, suppressed, flags, computed_at) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   -1, &c.insert, NULL) != SQLITE_OK ||
                sqlite3_prepare_v2(db->sql,
                                   "INSERT OR IGNORE INTO estimate_batch(estimate_id, batch_id) "
                                   "VALUES (?, ?)",
                                   -1, &c.link, NULL) != SQLITE_OK))
        rc = jarva__sqlerr(db, "preparing the estimates");
    if (!rc)
        rc = jarva__compute_surveys(&c);
    if (!rc)
        rc = jarva__compute_tables(&c);
    if (!rc)
        rc = jarva__compute_activities(&c);
    if (!rc)
        rc = jarva__compute_protect(&c);
    if (!rc)
        rc = count_indicators(&c);
    sqlite3_finalize(c.insert);
    sqlite3_finalize(c.link);
    if (rc) {
        jarva__rollback(db);
        return rc;
    }
    return jarva__commit(db);
}
