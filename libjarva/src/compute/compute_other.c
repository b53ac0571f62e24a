/* compute_other.c: estimates from published tables (a share and its n, or a
 * count) and from activity logs (counts per year, and shares of reports on
 * time or of proposals answered). */
#include <string.h>

#include "compute_internal.h"

/* The options every published share is estimated with: Wilson by default
 * whatever the survey method is. */
static jarva_estimate_options table_options(const jarva__compute *c)
{
    jarva_estimate_options opts = c->opts.estimate;
    if (opts.method == JARVA_CI_LOGIT || opts.method == JARVA_CI_MEAN)
        opts.method = JARVA_CI_DEFAULT;
    return opts;
}

static int compute_published_value(void *ctx, const jarva__store_published_value *v)
{
    jarva__compute *c = ctx;
    jarva_estimate_options opts = table_options(c);
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    const char *method = jarva__ci_method_name(opts.method, 1);
    int rc = JARVA_OK;
    if (v->suppressed) {
        /* Suppressed at the source: stored as suppressed, never as 0. */
        e.suppressed = 1;
        e.flags = JARVA_EST_SUPPRESSED_N;
    } else if (!strcmp(v->value_kind, "count") || !strcmp(v->measure, "count")) {
        /* A count read off a published list is exact: no interval. */
        rc = jarva_estimate_exact(&e, v->value, 0, c->errbuf, sizeof c->errbuf);
        method = "exact";
    } else {
        opts.min_n = (unsigned)v->min_n;
        rc = jarva_estimate_table_share(&e, v->value, v->has_n ? v->n : 0, &opts, c->errbuf,
                                        sizeof c->errbuf);
        if (e.flags & JARVA_EST_NO_N)
            method = "none";
    }
    if (rc)
        return jarva__seterr(jarva__db_err(c->db), rc, "%s, %d, %s: %s", v->indicator_id, v->year,
                             v->area_id, c->errbuf);
    return jarva__compute_write(c, v->indicator_id, v->year, v->area_id, "", &e, method,
                                &v->batch_id, 1);
}

int jarva__compute_tables(jarva__compute *c)
{
    return jarva__store_published_values(c->db, compute_published_value, c);
}

/* What an activity year's callback needs besides the year. */
typedef struct activity_ctx {
    jarva__compute *c;
    const jarva__store_activity_indicator *ind;
    int share;
} activity_ctx;

static int compute_activity_year(void *ctx, const jarva__store_activity_year *y)
{
    activity_ctx *a = ctx;
    jarva__compute *c = a->c;
    if (a->share && y->n <= 0)
        return JARVA_OK;
    /* The activity log records every report, meeting and proposal: the
     * counts and shares are complete, not samples, so they are exact (no
     * interval, never suppressed), and a year without the event is a
     * count of 0 that the trend keeps (stats_change.c). */
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    int rc = jarva_estimate_exact(&e, a->share ? y->x / y->n : y->x, a->share ? (size_t)y->n : 0,
                                  c->errbuf, sizeof c->errbuf);
    if (rc)
        return jarva__seterr(jarva__db_err(c->db), rc, "%s, %d: %s", a->ind->id, y->year,
                             c->errbuf);
    return jarva__compute_write(c, a->ind->id, y->year, "jarva", "", &e, "exact", y->batches,
                                y->nbatches);
}

/* The disclosure rules protect respondents, not documents: an activity
 * indicator's min_n is not used. */
static int compute_activity_indicator(void *ctx, const jarva__store_activity_indicator *ind)
{
    activity_ctx a = { ctx, ind, !strncmp(ind->counting_rule, "share", 5) };
    return jarva__store_activity_counts(a.c->db, ind, compute_activity_year, &a);
}

int jarva__compute_activities(jarva__compute *c)
{
    return jarva__store_activity_indicators(c->db, compute_activity_indicator, c);
}
