/* stats_estimate.c: the public estimators of jarva/estimate.h: shares and
 * means from survey microdata (on the moments of stats_survey.c), published
 * shares and counts. Every result is filled with finite numbers: undefined
 * parts are flagged, never NaN. */
#include <math.h>
#include <stdlib.h>

#include "stats.h"

void jarva_estimate_init(jarva_estimate *e, size_t count)
{
    for (size_t i = 0; e && i < count; i++)
        e[i] = (jarva_estimate)JARVA_ESTIMATE_INIT;
}

/* A count a published table or an activity log may hold: a whole number
 * from 0 to 10^15, below 2^53, so that it and its sums are exact doubles. */
static int is_count(double x)
{
    return x >= 0 && isfinite(x) && x == floor(x) && x <= 1e15;
}

/* No interval: both bounds hold the estimate so that nothing undefined can
 * reach an output; the flag says the interval is not one. */
static void no_interval(jarva_estimate *e)
{
    e->ci_low = e->ci_high = e->estimate;
    e->flags |= JARVA_EST_NO_CI;
}

/* The fields every survey estimate shares; returns 0 if the domain is empty
 * or its variance undefined (then the estimate is complete). */
static int survey_common(const jarva__domain_moments *m, const jarva_estimate_options *opts,
                         jarva_estimate *e)
{
    *e = (jarva_estimate)JARVA_ESTIMATE_INIT;
    e->n = m->n;
    e->n_positive = m->n_positive;
    e->estimate = m->mean;
    e->df = (double)m->n - (double)m->strata; /* R's degf() of the subset design */
    e->se = sqrt(m->variance);
    if (m->lonely_strata && opts->lonely_psu != JARVA_LONELY_PSU_FAIL)
        e->flags |= JARVA_EST_LONELY_PSU;
    if (m->n == 0) {
        e->flags |= JARVA_EST_EMPTY;
        e->df = 0;
        no_interval(e);
        return 0;
    }
    if (!m->variance_defined) { /* "average" with only lonely strata */
        e->se = 0;
        no_interval(e);
        return 0;
    }
    if (e->df <= 0) {
        no_interval(e);
        return 0;
    }
    return 1;
}

/* The interval of a share p with variance v from n respondents (see
 * stats_ci.c for each method's formula):
 * - p = 0 or 1: the linearised variance is 0 and every method degenerates
 *   (R's svyciprop gives NaN); we give the Clopper-Pearson interval on the n
 *   valid respondents, i.e. the effective sample size taken as n at the
 *   boundary, as the NCHS data presentation standards for proportions
 *   (Parker et al. 2017, Vital Health Stat 2(175)) do.
 * - v = 0 inside (0, 1) (constant linearised values): a zero-width interval.
 * - else the method's formula on e->n_eff = p (1 - p) / v, Kish's effective
 *   sample size of a share, not truncated at n (R's svyciprop does not
 *   truncate either); n_eff is n at p = 0 or 1 and at v = 0. */
static void share_interval(const jarva__domain_moments *m, const jarva_estimate_options *opts,
                           jarva_estimate *e)
{
    double p = e->estimate, v = m->variance, n = (double)m->n;
    int rc = JARVA_OK;
    if (p == 0 || p == 1) {
        e->flags |= JARVA_EST_BOUNDARY;
        rc = jarva__ci_clopper_pearson(p, n, opts->level, &e->ci_low, &e->ci_high);
    } else if (v == 0) {
        e->flags |= JARVA_EST_ZERO_VARIANCE;
        e->ci_low = e->ci_high = p;
    } else {
        switch (opts->method) {
        case JARVA_CI_DEFAULT:
        case JARVA_CI_LOGIT:
            rc = jarva__ci_logit(p, e->se, e->df, opts->level, &e->ci_low, &e->ci_high);
            break;
        case JARVA_CI_BETA:
            rc = jarva__ci_korn_graubard(p, e->n_eff, n, e->df, opts->level, &e->ci_low,
                                         &e->ci_high);
            break;
        case JARVA_CI_MEAN:
            rc = jarva__ci_t(p, e->se, e->df, opts->level, &e->ci_low, &e->ci_high);
            break;
        case JARVA_CI_WILSON:
            rc = jarva__ci_wilson(p, e->n_eff, opts->level, &e->ci_low, &e->ci_high);
            break;
        case JARVA_CI_CLOPPER_PEARSON:
            rc = jarva__ci_clopper_pearson(p, e->n_eff, opts->level, &e->ci_low, &e->ci_high);
            break;
        }
    }
    if (rc != JARVA_OK)
        no_interval(e);
}

/* What every estimator does first: GSL's abort off, errbuf cleared, the
 * options checked (NULL: the defaults) and a place for the result. */
static int begin_estimate(const jarva_estimate_options *in, jarva_estimate_options *opts,
                          const jarva_estimate *out, char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = jarva__estimate_options_check(in, opts, errbuf, errlen);
    if (rc)
        return rc;
    if (!out)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "result is NULL");
    return jarva__version_check(out->version, JARVA_ESTIMATE_VERSION, "jarva_estimate", errbuf,
                                errlen);
}

void jarva__estimate_from_moments(const jarva__domain_moments *m,
                                  const jarva_estimate_options *opts, int binary, jarva_estimate *e)
{
    int has_interval = survey_common(m, opts, e);
    if (binary) {
        double p = e->estimate, v = m->variance;
        e->n_eff = (p > 0 && p < 1 && v > 0) ? p * (1 - p) / v : (double)e->n;
    }
    if (has_interval) {
        if (binary) {
            share_interval(m, opts, e);
        } else if (m->variance == 0) {
            e->flags |= JARVA_EST_ZERO_VARIANCE;
            e->ci_low = e->ci_high = e->estimate;
        } else if (jarva__ci_t(e->estimate, e->se, e->df, opts->level, &e->ci_low, &e->ci_high) !=
                   JARVA_OK) {
            no_interval(e);
        }
    }
    jarva__apply_disclosure(e, opts, binary);
}

static int survey_estimates(const jarva_survey_data *data, const int *domain, size_t domain_count,
                            const jarva_estimate_options *opts_in, jarva_estimate *out, int binary,
                            char *errbuf, size_t errlen)
{
    jarva_estimate_options opts;
    int rc = begin_estimate(opts_in, &opts, out, errbuf, errlen);
    if (rc)
        return rc;
    if (domain_count == 0)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no domain");
    for (size_t d = 1; d < domain_count && rc == JARVA_OK; d++)
        rc = jarva__version_check(out[d].version, JARVA_ESTIMATE_VERSION, "jarva_estimate", errbuf,
                                  errlen);
    if (rc)
        return rc;
    jarva__domain_moments *moments = calloc(domain_count, sizeof *moments);
    if (!moments)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory");
    rc = jarva__survey_moments(data, domain, domain_count, opts.lonely_psu, binary, moments, errbuf,
                               errlen);
    for (size_t d = 0; d < domain_count && rc == JARVA_OK; d++)
        jarva__estimate_from_moments(&moments[d], &opts, binary, &out[d]);
    free(moments);
    return rc;
}

int jarva_estimate_proportions(jarva_estimate *out, const jarva_survey_data *data,
                               const int *domain, size_t domain_count,
                               const jarva_estimate_options *opts, char *errbuf, size_t errlen)
{
    return survey_estimates(data, domain, domain_count, opts, out, 1, errbuf, errlen);
}

/* Means of a numeric answer: svymean on the subset and confint(..., df =
 * degf(subset)), i.e. m -+ t_{1 - alpha/2, df} se. The method option does not
 * apply (there is one interval for a mean); n_eff is 0. */
int jarva_estimate_means(jarva_estimate *out, const jarva_survey_data *data, const int *domain,
                         size_t domain_count, const jarva_estimate_options *opts, char *errbuf,
                         size_t errlen)
{
    return survey_estimates(data, domain, domain_count, opts, out, 0, errbuf, errlen);
}

/* A published share p of n respondents. The table gives a (usually weighted)
 * share and the unweighted n, so x = p n is in general no count: we keep it
 * real instead of rounding, which keeps the interval around the published
 * share; both formulas are continuous in x and equal prop.test(x, n,
 * correct = FALSE) and binom.test(x, n) when x is an integer. se is the
 * binomial sqrt(p (1 - p) / n). For the disclosure rule the positive count
 * is x rounded to the nearest integer. */
int jarva_estimate_table_share(jarva_estimate *out, double share, double n,
                               const jarva_estimate_options *opts_in, char *errbuf, size_t errlen)
{
    jarva_estimate_options opts;
    int rc = begin_estimate(opts_in, &opts, out, errbuf, errlen);
    if (rc)
        return rc;
    if (!(share >= 0 && share <= 1))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "published share %g is not between 0 and 1", share);
    if (!is_count(n))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "number of respondents %g is not a whole number >= 0", n);
    int wilson = opts.method == JARVA_CI_DEFAULT || opts.method == JARVA_CI_WILSON;
    int exact = opts.method == JARVA_CI_CLOPPER_PEARSON || opts.method == JARVA_CI_BETA;
    if (!wilson && !exact)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "a published share takes the wilson or clopper-pearson method");
    *out = (jarva_estimate)JARVA_ESTIMATE_INIT;
    out->estimate = share;
    out->df = INFINITY;
    if (n == 0) {
        out->flags |= JARVA_EST_NO_N;
        no_interval(out);
        return JARVA_OK;
    }
    out->n = (size_t)n;
    out->n_eff = n;
    out->n_positive = (size_t)floor(share * n + 0.5);
    out->se = sqrt(share * (1 - share) / n);
    rc = wilson ? jarva__ci_wilson(share, n, opts.level, &out->ci_low, &out->ci_high)
                : jarva__ci_clopper_pearson(share, n, opts.level, &out->ci_low, &out->ci_high);
    if (rc != JARVA_OK)
        no_interval(out);
    jarva__apply_disclosure(out, &opts, 1);
    return JARVA_OK;
}

/* A count x of events, or a rate x / exposure: Garwood's exact Poisson
 * interval divided by the exposure, se = sqrt(x) / exposure, as
 * poisson.test(x, T). Activity logs hold no respondents: no suppression. */
int jarva_estimate_count(jarva_estimate *out, double events, double exposure,
                         const jarva_estimate_options *opts_in, char *errbuf, size_t errlen)
{
    jarva_estimate_options opts;
    int rc = begin_estimate(opts_in, &opts, out, errbuf, errlen);
    if (rc)
        return rc;
    if (!is_count(events))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "event count %g is not a whole number >= 0", events);
    if (!(exposure > 0) || !isfinite(exposure))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "exposure %g is not a positive number", exposure);
    *out = (jarva_estimate)JARVA_ESTIMATE_INIT;
    out->n = (size_t)events;
    out->estimate = events / exposure;
    out->se = sqrt(events) / exposure;
    out->df = INFINITY;
    double low, high;
    if (jarva__ci_garwood(events, opts.level, &low, &high) == JARVA_OK) {
        out->ci_low = low / exposure;
        out->ci_high = high / exposure;
    } else {
        no_interval(out);
    }
    return JARVA_OK;
}

/* A complete count or a share of one: the activity log records every report
 * and proposal, so there is no sampling and hence no sampling error. The
 * value is stored as it is and flagged exact; the disclosure rules (which
 * protect respondents) do not apply to documents and meetings. */
int jarva_estimate_exact(jarva_estimate *out, double value, size_t n, char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    if (!out)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "result is NULL");
    int rc = jarva__version_check(out->version, JARVA_ESTIMATE_VERSION, "jarva_estimate", errbuf,
                                  errlen);
    if (rc)
        return rc;
    if (!isfinite(value) || (n > 0 && !(value >= 0 && value <= 1)))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "exact value %g is not a number (or a share outside 0-1)", value);
    *out = (jarva_estimate)JARVA_ESTIMATE_INIT;
    out->estimate = out->ci_low = out->ci_high = value;
    out->df = INFINITY;
    out->n = n ? n : (value >= 0 && value < 1e15 ? (size_t)value : 0);
    if (n)
        out->n_positive = (size_t)floor(value * (double)n + 0.5);
    out->flags = JARVA_EST_EXACT | JARVA_EST_NO_CI;
    return JARVA_OK;
}
