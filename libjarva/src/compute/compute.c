/* compute.c: `jarva compute`: every indicator's estimates recomputed from the
 * imported batches in one transaction, so that readers see either the old
 * set or the new one, never a mix. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "compute_internal.h"

const char *jarva__ci_method_name(jarva_ci_method method, int table)
{
    return jarva_ci_method_name(jarva_ci_method_applied(method, table));
}

int jarva__compute_write(jarva__compute *c, const char *indicator_id, int year, const char *area_id,
                         const char *domain, const jarva_estimate *e, const char *method,
                         const int64_t *batches, size_t nbatches)
{
    int rc = jarva__estimate_writer_put(c->writer, indicator_id, year, area_id, domain, e, method,
                                        batches, nbatches);
    if (rc)
        return rc;
    c->summary->estimates++;
    if (e->suppressed)
        c->summary->suppressed++;
    return JARVA_OK;
}

int jarva_compute(jarva_compute_summary *out, jarva_db *db, const jarva_compute_options *opts)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(jarva__db_err(db));
    if (out && out->version != JARVA_COMPUTE_SUMMARY_VERSION)
        return jarva__seterr(
            jarva__db_err(db), JARVA_EINVAL,
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
            return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                                 "jarva_compute: options version %u", opts->version);
        c.opts = *opts;
    } else {
        jarva_compute_options defaults = JARVA_COMPUTE_OPTIONS_INIT;
        c.opts = defaults;
    }
    if (!(c.opts.estimate.level > 0 && c.opts.estimate.level < 1))
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                             "confidence level %g is not in (0, 1)", c.opts.estimate.level);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(c.now, sizeof c.now, "%Y-%m-%dT%H:%M:%SZ", &tm);

    int rc = jarva__begin_write(db);
    if (rc)
        return rc;
    rc = jarva__estimate_writer_open(&c.writer, db, c.now, c.opts.estimate.level);
    if (!rc)
        rc = jarva__compute_surveys(&c);
    if (!rc)
        rc = jarva__compute_tables(&c);
    if (!rc)
        rc = jarva__compute_activities(&c);
    if (!rc)
        rc = jarva__compute_protect(&c);
    if (!rc)
        rc = jarva__store_indicator_counts(db, &c.summary->indicators_with_data,
                                           &c.summary->indicators_without_data);
    jarva__estimate_writer_free(c.writer);
    if (rc) {
        jarva__rollback(db);
        return rc;
    }
    return jarva__commit(db);
}
