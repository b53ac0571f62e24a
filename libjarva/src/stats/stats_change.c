/* stats_change.c: comparisons over the years of one indicator and area: the
 * change between two waves and a weighted linear trend, both refusing to
 * reach across a series break (a changed question or method). */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_fit.h>

#include "stats.h"

int jarva__estimate_usable(const jarva_estimate *e)
{
    /* An exact value (a complete count) is known without error: usable as it
     * is, zeros included. */
    if (e->flags & JARVA_EST_EXACT)
        return !e->suppressed && !(e->flags & JARVA_EST_EMPTY) && isfinite(e->estimate);
    return !e->suppressed && !(e->flags & (JARVA_EST_EMPTY | JARVA_EST_NO_CI)) && e->se > 0 &&
           isfinite(e->se) && isfinite(e->estimate);
}

int jarva__series_check(const jarva_series *series, char *errbuf, size_t errlen)
{
    if (!series)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "series is NULL");
    if (series->count && (!series->years || !series->estimates))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "series without years or estimates");
    if (series->break_count && !series->breaks)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "series without its break years");
    for (size_t i = 0; i < series->count; i++)
        if (series->estimates[i].version != JARVA_ESTIMATE_VERSION)
            return jarva__version_check(series->estimates[i].version, JARVA_ESTIMATE_VERSION,
                                        "the series' jarva_estimate", errbuf, errlen);
    for (size_t i = 1; i < series->count; i++)
        if (series->years[i] <= series->years[i - 1])
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "series years not ascending: %d after %d", series->years[i],
                                     series->years[i - 1]);
    return JARVA_OK;
}

/* The first break year in (year_from, year_to], or 0 if none. */
static int break_between(const jarva_series *series, int year_from, int year_to)
{
    for (size_t i = 0; i < series->break_count; i++)
        if (series->breaks[i] > year_from && series->breaks[i] <= year_to)
            return series->breaks[i];
    return 0;
}

int jarva_series_comparable(const jarva_series *series, int year_from, int year_to)
{
    if (!series || (series->break_count && !series->breaks))
        return 0;
    return break_between(series, year_from, year_to) == 0;
}

/* The checks jarva_change_between and jarva_trend_fit share, in the order
 * their messages promise: the series, then the level and result, then the
 * result's version. */
static int check_call(const jarva_series *series, unsigned out_version, int out_missing,
                      unsigned known, const char *what, double level, char *errbuf, size_t errlen)
{
    int rc = jarva__series_check(series, errbuf, errlen);
    if (rc)
        return rc;
    if (out_missing || !(level > 0 && level < 1))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "bad level %g or NULL result",
                                 level);
    return jarva__version_check(out_version, known, what, errbuf, errlen);
}

static const jarva_estimate *find_year(const jarva_series *series, int year)
{
    for (size_t i = 0; i < series->count; i++)
        if (series->years[i] == year)
            return &series->estimates[i];
    return NULL;
}

/* Change between independent waves (separate samples each year):
 *   d = e_to - e_from,  se(d) = sqrt(se_from^2 + se_to^2),
 * referred to a t distribution with the Welch-Satterthwaite degrees of
 * freedom (Satterthwaite 1946, Biometrics Bulletin 2:110; Welch 1947,
 * Biometrika 34:28)
 *   df = (v_from + v_to)^2 / (v_from^2 / df_from + v_to^2 / df_to),
 * which keeps the design's small df of a small area (a t on df of each
 * year's interval) instead of a normal that would be too narrow, and is the
 * normal when both df are infinite (published shares, counts). The interval
 * is d -+ t_{1 - alpha/2, df} se(d); the p-value is two-sided. */
int jarva_change_between(jarva_change *out, const jarva_series *series, int year_from, int year_to,
                         double level, char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = check_call(series, out ? out->version : 0, !out, JARVA_CHANGE_VERSION, "jarva_change",
                        level, errbuf, errlen);
    if (rc)
        return rc;
    if (year_from >= year_to)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "change from %d to %d: the first year must come first", year_from,
                                 year_to);
    const jarva_estimate *from = find_year(series, year_from), *to = find_year(series, year_to);
    if (!from || !to)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOTFOUND, "no estimate for %d",
                                 from ? year_to : year_from);
    int brk = break_between(series, year_from, year_to);
    if (brk)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "series break in %d: estimates of %d and %d are not comparable",
                                 brk, year_from, year_to);
    jarva__change_of(from, from->estimate, to, level, out);
    out->year_from = year_from;
    out->year_to = year_to;
    return JARVA_OK;
}

void jarva__change_of(const jarva_estimate *from, double from_value, const jarva_estimate *to,
                      double level, jarva_change *out)
{
    *out = (jarva_change)JARVA_CHANGE_INIT;
    out->difference = to->estimate - from_value;
    double v_from = from->se * from->se, v_to = to->se * to->se;
    out->se = sqrt(v_from + v_to);
    if (from->suppressed || to->suppressed)
        out->flags |= JARVA_CHANGE_SUPPRESSED;
    if ((from->flags & JARVA_EST_EXACT) && (to->flags & JARVA_EST_EXACT))
        out->flags |= JARVA_CHANGE_EXACT;
    unsigned undefined = JARVA_EST_EMPTY | JARVA_EST_NO_CI;
    if ((from->flags & undefined) || (to->flags & undefined) || !(out->se > 0) || !(from->df > 0) ||
        !(to->df > 0)) {
        out->flags |= JARVA_CHANGE_NO_TEST;
        out->ci_low = out->ci_high = out->difference;
        out->p_value = 1;
        return;
    }
    /* x / INFINITY is 0, so an infinite df drops its term. */
    double denominator = v_from * v_from / from->df + v_to * v_to / to->df;
    out->df = denominator > 0 ? (v_from + v_to) * (v_from + v_to) / denominator : INFINITY;
    double t = jarva__t_quantile(1 - (1 - level) / 2, out->df);
    out->ci_low = out->difference - t * out->se;
    out->ci_high = out->difference + t * out->se;
    out->p_value = jarva__two_sided_p(out->difference / out->se, out->df);
    out->significant = out->p_value < 1 - level;
}

/* The line through n centred points (x, y): sampled points by weighted least
 * squares on w = 1/se^2 with multiplicative dispersion, exact points by
 * ordinary least squares. Fills the fit's fields of out; 0 or -1 when the
 * fit is degenerate. */
static int fit_line(const double *x, const double *y, const double *w, size_t n, int exact,
                    double level, jarva_trend *out)
{
    double c0, c1, cov00, cov01, cov11, chisq;
    int gsl = exact
                  ? gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chisq)
                  : gsl_fit_wlinear(x, 1, w, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chisq);
    /* OLS through points on a straight line has no residual: se 0 is right. */
    if (gsl != 0 || !isfinite(c1) || !isfinite(cov11) || !(exact ? cov11 >= 0 : cov11 > 0))
        return -1;
    double residual_df = (double)n - 2;
    out->method = exact ? JARVA_TREND_OLS : JARVA_TREND_WLS;
    out->chisq = chisq;
    out->dispersion = 1;
    out->df = residual_df;
    if (!exact) {
        /* gsl_fit_wlinear returns (X'WX)^-1, right when the points vary by
         * sampling error only. When they vary more (chisq above its df),
         * scale it by phi = chisq / (k - 2) and use t on k - 2 df: the
         * multiplicative-dispersion model of meta-regression (Thompson &
         * Sharp 1999, Stat Med 18:2693), which is also what R's
         * lm(y ~ x, weights = 1/se^2) reports. phi is never below 1: a good
         * fit does not make the sampling error smaller than it is. */
        double phi = chisq / residual_df;
        if (phi > 1) {
            out->dispersion = phi;
            cov00 *= phi;
            cov01 *= phi;
            cov11 *= phi;
        } else
            out->df = INFINITY;
    }
    /* OLS: gsl_fit_linear's covariance is already s^2 (X'X)^-1 with
     * s^2 = RSS / (k - 2), R's lm(y ~ x); t on k - 2 df. */
    out->intercept = c0;
    out->se_intercept = sqrt(cov00);
    out->slope = c1;
    out->se_slope = sqrt(cov11);
    out->cov = cov01;
    if (out->se_slope > 0) {
        double t = jarva__t_quantile(1 - (1 - level) / 2, out->df);
        out->ci_low = c1 - t * out->se_slope;
        out->ci_high = c1 + t * out->se_slope;
        out->p_value = jarva__two_sided_p(c1 / out->se_slope, out->df);
    } else {
        /* Exact points on a line: the slope is known. */
        out->ci_low = out->ci_high = c1;
        out->p_value = c1 != 0 ? 0 : 1;
    }
    out->significant = out->p_value < 1 - level;
    return 0;
}

/* Fits a straight line to the usable points with years centred at their mean
 * (so the fit is well conditioned). Sampled estimates: weighted least squares
 * with weights 1/se^2, the inverse known sampling variances (a fixed-effect
 * meta-regression, Borenstein et al. 2009, Introduction to Meta-Analysis,
 * ch. 20), widened by the dispersion factor when the years vary around the
 * line more than sampling error explains (fit_line). R:
 * lm(est ~ I(year - mean(year)), weights = 1 / se^2) with
 * summary(fit)$cov.unscaled * max(1, summary(fit)$sigma^2). Exact values
 * (complete counts from the activity log, zeros included; a zero count has
 * no finite Poisson weight 1/se^2, which is why they are not weighted):
 * ordinary least squares, R lm(count ~ I(year - mean(year))), t on k - 2 df.
 * OLS rather than a quasi-Poisson GLM because the target is on the counts'
 * own scale and a straight line is what the projection extends; the residual
 * variance carries the year-to-year variation either way. */
int jarva_trend_fit(jarva_trend *out, const jarva_series *series, double level, char *errbuf,
                    size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = check_call(series, out ? out->version : 0, !out, JARVA_TREND_VERSION, "jarva_trend",
                        level, errbuf, errlen);
    if (rc)
        return rc;
    *out = (jarva_trend)JARVA_TREND_INIT;
    out->p_value = 1; /* until a slope is fitted */
    out->dispersion = 1;
    out->df = INFINITY;
    double *buf = malloc(3 * (series->count ? series->count : 1) * sizeof *buf);
    if (!buf)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory");
    double *x = buf, *y = buf + series->count, *w = buf + 2 * series->count;
    size_t n = 0, exact = 0;
    double year_sum = 0;
    for (size_t i = 0; i < series->count; i++) {
        const jarva_estimate *e = &series->estimates[i];
        if (!jarva__estimate_usable(e))
            continue;
        if (!n)
            out->first_year = series->years[i];
        out->last_year = series->years[i];
        x[n] = series->years[i];
        y[n] = e->estimate;
        exact += (e->flags & JARVA_EST_EXACT) != 0;
        w[n] = (e->flags & JARVA_EST_EXACT) ? 1 : 1 / (e->se * e->se);
        year_sum += x[n];
        n++;
    }
    out->n_points = n;
    int brk = n ? break_between(series, out->first_year, out->last_year) : 0;
    if (brk) {
        rc = jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                               "series break in %d lies inside the trend's years %d-%d: fit one "
                               "segment",
                               brk, out->first_year, out->last_year);
        goto done;
    }
    if (exact && exact < n)
        out->flags |= JARVA_TREND_MIXED;
    if (n < 3 || (out->flags & JARVA_TREND_MIXED)) {
        out->flags |= JARVA_TREND_INSUFFICIENT;
        goto done;
    }
    out->centre_year = year_sum / (double)n;
    double spread = 0;
    for (size_t i = 0; i < n; i++) {
        x[i] -= out->centre_year;
        spread += x[i] * x[i];
    }
    if (!(spread > 0) || fit_line(x, y, w, n, exact == n, level, out) != 0) {
        jarva_trend empty = JARVA_TREND_INIT;
        empty.n_points = n;
        empty.first_year = out->first_year;
        empty.last_year = out->last_year;
        empty.p_value = 1;
        empty.dispersion = 1;
        empty.df = INFINITY;
        empty.flags = JARVA_TREND_INSUFFICIENT;
        *out = empty;
    }
done:
    free(buf);
    return rc;
}

double jarva_trend_predict(const jarva_trend *trend, double year, double *se)
{
    double dx = year - trend->centre_year;
    if (se) {
        double v = trend->se_intercept * trend->se_intercept + 2 * dx * trend->cov +
                   dx * dx * trend->se_slope * trend->se_slope;
        *se = v > 0 ? sqrt(v) : 0;
    }
    return trend->intercept + trend->slope * dx;
}
