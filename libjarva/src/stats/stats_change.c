/* stats_change.c: comparisons over the years of one indicator and area: the
 * change between two waves and a weighted linear trend, both refusing to
 * reach across a series break (a changed question or method). */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_fit.h>

#include "stats.h"

int jarva__estimate_usable(const jarva_estimate *e)
{
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
int jarva_change_between(const jarva_series *series, int year_from, int year_to, double level,
                         jarva_change *out, char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = jarva__series_check(series, errbuf, errlen);
    if (rc)
        return rc;
    if (!out || !(level > 0 && level < 1))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "bad level %g or NULL result",
                                 level);
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
    *out = (jarva_change){ 0 };
    out->year_from = year_from;
    out->year_to = year_to;
    out->difference = to->estimate - from->estimate;
    double v_from = from->se * from->se, v_to = to->se * to->se;
    out->se = sqrt(v_from + v_to);
    if (from->suppressed || to->suppressed)
        out->flags |= JARVA_CHANGE_SUPPRESSED;
    unsigned undefined = JARVA_EST_EMPTY | JARVA_EST_NO_CI;
    if ((from->flags & undefined) || (to->flags & undefined) || !(out->se > 0) || !(from->df > 0) ||
        !(to->df > 0)) {
        out->flags |= JARVA_CHANGE_NO_TEST;
        out->ci_low = out->ci_high = out->difference;
        out->p_value = 1;
        return JARVA_OK;
    }
    /* x / INFINITY is 0, so an infinite df drops its term. */
    double denominator = v_from * v_from / from->df + v_to * v_to / to->df;
    out->df = denominator > 0 ? (v_from + v_to) * (v_from + v_to) / denominator : INFINITY;
    double t = jarva__t_quantile(1 - (1 - level) / 2, out->df);
    out->ci_low = out->difference - t * out->se;
    out->ci_high = out->difference + t * out->se;
    out->p_value = jarva__two_sided_p(out->difference / out->se, out->df);
    out->significant = out->p_value < 1 - level;
    return JARVA_OK;
}

/* Weighted least squares of estimate on year with weights 1/se^2
 * (gsl_fit_wlinear), years centred at their mean so that intercept and slope
 * are uncorrelated and the fit is well conditioned. The weights are inverse
 * known sampling variances, so the covariance GSL returns, (X'WX)^{-1}, is
 * not rescaled by the residual variance and the slope is referred to the
 * normal distribution: a fixed-effect meta-regression (Borenstein et al.
 * 2009, Introduction to Meta-Analysis, ch. 20). This assumes the points vary
 * around the line by sampling error only; chisq = sum w r^2 (about
 * chi-square on n - 2 df if so) shows when they do not, and then the slope's
 * se is too small. R: lm(est ~ I(year - mean(year)), weights = 1 / se^2) and
 * summary(fit)$cov.unscaled. */
int jarva_trend_fit(const jarva_series *series, double level, jarva_trend *out, char *errbuf,
                    size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = jarva__series_check(series, errbuf, errlen);
    if (rc)
        return rc;
    if (!out || !(level > 0 && level < 1))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "bad level %g or NULL result",
                                 level);
    *out = (jarva_trend){ 0 };
    out->p_value = 1; /* until a slope is fitted */
    double *buf = malloc(3 * (series->count ? series->count : 1) * sizeof *buf);
    if (!buf)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory");
    double *x = buf, *y = buf + series->count, *w = buf + 2 * series->count;
    size_t n = 0;
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
        w[n] = 1 / (e->se * e->se);
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
    if (n < 3) {
        out->flags |= JARVA_TREND_INSUFFICIENT;
        goto done;
    }
    out->centre_year = year_sum / (double)n;
    double spread = 0;
    for (size_t i = 0; i < n; i++) {
        x[i] -= out->centre_year;
        spread += x[i] * x[i];
    }
    double c0, c1, cov00, cov01, cov11, chisq;
    if (!(spread > 0) ||
        gsl_fit_wlinear(x, 1, w, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chisq) != 0 ||
        !isfinite(c1) || !(cov11 > 0) || !isfinite(cov11)) {
        out->flags |= JARVA_TREND_INSUFFICIENT;
        goto done;
    }
    out->intercept = c0;
    out->se_intercept = sqrt(cov00);
    out->slope = c1;
    out->se_slope = sqrt(cov11);
    out->cov = cov01;
    out->chisq = chisq;
    double z = jarva__normal_quantile(1 - (1 - level) / 2);
    out->ci_low = c1 - z * out->se_slope;
    out->ci_high = c1 + z * out->se_slope;
    out->p_value = jarva__two_sided_p(c1 / out->se_slope, INFINITY);
    out->significant = out->p_value < 1 - level;
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
