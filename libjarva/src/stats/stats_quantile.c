/* stats_quantile.c: quantiles of the normal, t, beta and gamma distributions
 * with every argument checked, so that no GSL call can abort or hang.
 *
 * GSL's own inverses are not safe enough here: gsl_cdf_beta_Pinv starts with a
 * bisection that loops forever when gsl_cdf_beta_P returns NaN, which it does
 * for a = 0 or NaN and also near the mean when a + b exceeds about 2e6 (its
 * continued fraction stops after 512 terms): an effective sample size of a
 * million respondents reaches that. gsl_cdf_gamma_Pinv returns NaN for shapes
 * from about 1e6 on. So beta and gamma quantiles are solved here from GSL's
 * distribution functions, which return (NaN at worst) in bounded time.
 * GSL 2.7's gsl_cdf_gamma_P is itself wrong above the mean for large shapes
 * (its continued fraction: 0.975199 instead of 0.975 at shape 1e7), so from
 * shape 1e5 on the gamma quantile is Wilson and Hilferty's, whose relative
 * error there is below 3e-9 for p in [0.005, 0.995] (measured against R's
 * qgamma) and falls as shape^-3/2. */
#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>

#include "stats.h"

double jarva__normal_quantile(double p)
{
    if (!(p > 0 && p < 1))
        return NAN;
    return gsl_cdf_ugaussian_Pinv(p);
}

double jarva__t_quantile(double p, double df)
{
    if (!(p > 0 && p < 1) || !(df > 0))
        return NAN;
    if (isinf(df))
        return gsl_cdf_ugaussian_Pinv(p);
    /* gsl_cdf_tdist_Pinv polishes with at most 33 Newton steps: it returns. */
    double q = gsl_cdf_tdist_Pinv(p, df);
    return isfinite(q) ? q : NAN;
}

double jarva__two_sided_p(double statistic, double df)
{
    if (isnan(statistic) || !(df > 0))
        return NAN;
    double s = fabs(statistic);
    double p = isinf(df) ? 2 * gsl_cdf_ugaussian_Q(s) : 2 * gsl_cdf_tdist_Q(s, df);
    return p > 1 ? 1 : p;
}

typedef enum { DIST_BETA, DIST_GAMMA } dist_kind;

typedef struct dist {
    dist_kind kind;
    double a, b;       /* beta(a, b), or gamma(shape a, scale 1) */
    double log_normal; /* log of the density's normalising constant */
} dist;

static double dist_cdf(const dist *d, double x)
{
    return d->kind == DIST_BETA ? gsl_cdf_beta_P(x, d->a, d->b) : gsl_cdf_gamma_P(x, d->a, 1.0);
}

static double dist_log_pdf(const dist *d, double x)
{
    if (d->kind == DIST_BETA)
        return (d->a - 1) * log(x) + (d->b - 1) * log1p(-x) - d->log_normal;
    return (d->a - 1) * log(x) - x - d->log_normal;
}

/* Solves F(x) = p for x > 0 by Newton's method on g(t) = log F(e^t) - log p,
 * safeguarded by bisection inside a bracket [t_low, t_high] with
 * F(e^t_low) < p <= F(e^t_high). Working in log x and log F makes a lower
 * tail F ~ C x^a nearly linear, so tiny quantiles (1e-13 and below) converge
 * in a few steps and keep their relative precision. Returns NaN if F fails. */
static double solve_quantile(const dist *d, double p, double t, double t_high)
{
    double t_low = log(DBL_MIN);
    double f_low = dist_cdf(d, DBL_MIN);
    if (!isfinite(f_low))
        return NAN;
    if (f_low >= p)
        return 0; /* below the smallest normal double: R's qbeta says 0 too */
    if (d->kind == DIST_GAMMA) {
        /* No upper end: double an upper bound until it holds p. */
        t_high = t > 0 ? t : 0;
        for (int i = 0; i < 64; i++) {
            double f = dist_cdf(d, exp(t_high));
            if (!isfinite(f))
                return NAN;
            if (f >= p)
                break;
            t_high = t_high < 1 ? t_high + 1 : 2 * t_high;
            if (t_high > 700)
                return NAN;
        }
    }
    if (!(t > t_low && t < t_high))
        t = 0.5 * (t_low + t_high);
    double log_p = log(p);
    for (int iter = 0; iter < 400; iter++) {
        double x = exp(t);
        double f = dist_cdf(d, x);
        if (!isfinite(f))
            return NAN;
        if (f < p)
            t_low = t;
        else
            t_high = t;
        double next = NAN;
        if (f > 0) {
            double slope = exp(t + dist_log_pdf(d, x) - log(f)); /* d log F / dt */
            next = t - (log(f) - log_p) / slope;
        }
        if (!isfinite(next) || next <= t_low || next >= t_high)
            next = 0.5 * (t_low + t_high);
        double tol = 4 * DBL_EPSILON * (fabs(t) > 1 ? fabs(t) : 1);
        if (fabs(next - t) <= tol || t_high - t_low <= tol)
            return exp(next);
        t = next;
    }
    return exp(t);
}

/* The Cornish-Fisher expansion of a beta quantile from its mean, variance,
 * skewness and excess kurtosis (Johnson, Kotz and Balakrishnan, Continuous
 * Univariate Distributions 2, ch. 25; Abramowitz and Stegun 26.2.49-style
 * terms): the start of the solver, and the answer where a + b is so large
 * that GSL's incomplete beta fails, where its error is far below 1e-9. */
static double beta_cornish_fisher(double p, double a, double b)
{
    double s = a + b;
    double mean = a / s;
    double sd = sqrt(a * b / (s * s * (s + 1)));
    double skew = 2 * (b - a) * sqrt(s + 1) / ((s + 2) * sqrt(a * b));
    double kurt = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3));
    double z = gsl_cdf_ugaussian_Pinv(p);
    double w = z + (z * z - 1) * skew / 6 + (z * z * z - 3 * z) * kurt / 24 -
               (2 * z * z * z - 5 * z) * skew * skew / 36;
    double x = mean + sd * w;
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

double jarva__beta_quantile(double p, double a, double b)
{
    if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0) || !isfinite(a) || !isfinite(b))
        return NAN;
    if (p == 0)
        return 0;
    if (p == 1)
        return 1;
    dist d = { DIST_BETA, a, b, gsl_sf_lnbeta(a, b) };
    double start = beta_cornish_fisher(p, a, b);
    if (!(start > 0 && start < 1))
        start = a / (a + b);
    double x = solve_quantile(&d, p, log(start), 0);
    if (isfinite(x))
        return x;
    return beta_cornish_fisher(p, a, b);
}

double jarva__gamma_quantile(double p, double shape)
{
    if (!(p >= 0 && p < 1) || !(shape > 0) || !isfinite(shape))
        return NAN;
    if (p == 0)
        return 0;
    /* Wilson and Hilferty (1931): Gamma(a) / a is close to
     * (1 - 1/(9a) + z / (3 sqrt(a)))^3; the answer for large shapes, the
     * start of the solver below. */
    double z = gsl_cdf_ugaussian_Pinv(p), c = 1 / (9 * shape);
    double cube = 1 - c + z * sqrt(c);
    double start = cube > 0 ? shape * cube * cube * cube : shape;
    if (shape >= 1e5)
        return start;
    dist d = { DIST_GAMMA, shape, 1, gsl_sf_lngamma(shape) };
    return solve_quantile(&d, p, log(start > DBL_MIN ? start : shape), 0);
}
