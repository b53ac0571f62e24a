/* stats_ci.c: confidence intervals for a share, a mean and a count, each the
 * formula of a named R function so that the reference tests can hold them to
 * 1e-7. alpha = 1 - level throughout. */
#include <math.h>

#include "stats.h"

static int level_ok(double level)
{
    return level > 0 && level < 1;
}

/* The logit interval of R's svyciprop(method = "logit") (Lumley, survey
 * package): svyglm(y ~ 1, family = quasibinomial) gives beta = logit(p) with
 * the sandwich variance, which for an intercept-only model is the delta
 * method exactly: se(beta) = se(p) / (p (1 - p)), because the influence of
 * beta is w_i (y_i - p) / (W p (1 - p)). confint(..., ddf = df) then takes
 *   expit(beta -+ t_{1 - alpha/2, df} se(beta)).
 * R fits beta iteratively (~1e-9 off the exact weighted share); we use the
 * exact share, which moves the bounds by about as much. */
int jarva__ci_logit(double p, double se, double df, double level, double *lo, double *hi)
{
    if (!(p > 0 && p < 1) || !(se >= 0) || !level_ok(level))
        return JARVA_ENUMERIC;
    double t = jarva__t_quantile(1 - (1 - level) / 2, df);
    if (!isfinite(t))
        return JARVA_ENUMERIC;
    double beta = log(p / (1 - p));
    double half = t * se / (p * (1 - p));
    *lo = 1 / (1 + exp(-(beta - half)));
    *hi = 1 / (1 + exp(-(beta + half)));
    return JARVA_OK;
}

/* est -+ t_{1 - alpha/2, df} se: R's confint(svymean(...), df = degf(design)),
 * which svyciprop(method = "mean") uses without clipping to [0, 1]. */
int jarva__ci_t(double est, double se, double df, double level, double *lo, double *hi)
{
    if (!isfinite(est) || !(se >= 0) || !isfinite(se) || !level_ok(level))
        return JARVA_ENUMERIC;
    double t = jarva__t_quantile(1 - (1 - level) / 2, df);
    if (!isfinite(t))
        return JARVA_ENUMERIC;
    *lo = est - t * se;
    *hi = est + t * se;
    return JARVA_OK;
}

/* Clopper-Pearson for a real x = p n (Clopper and Pearson 1934), from beta
 * quantiles as R's binom.test:
 *   lower = B^{-1}(alpha/2; x, n - x + 1)   (0 when x = 0)
 *   upper = B^{-1}(1 - alpha/2; x + 1, n - x)   (1 when x = n). */
int jarva__ci_clopper_pearson(double p, double n, double level, double *lo, double *hi)
{
    if (!(p >= 0 && p <= 1) || !(n > 0) || !isfinite(n) || !level_ok(level))
        return JARVA_ENUMERIC;
    double alpha = 1 - level;
    double x = p * n, rest = (1 - p) * n;
    double low = p == 0 ? 0 : jarva__beta_quantile(alpha / 2, x, rest + 1);
    double high = p == 1 ? 1 : jarva__beta_quantile(1 - alpha / 2, x + 1, rest);
    if (!isfinite(low) || !isfinite(high))
        return JARVA_ENUMERIC;
    /* The interval holds p. With a huge n (an effective sample size of
     * 1e17 from extreme weights, found by tests/fuzz/fuzz_estimate) the beta
     * quantiles lose that precision and came back crossed: no interval. */
    if (!(low <= p && p <= high))
        return JARVA_ENUMERIC;
    *lo = low;
    *hi = high;
    return JARVA_OK;
}

/* Korn and Graubard (1998, Survey Methodology 24:193-201), R's
 * svyciprop(method = "beta"): Clopper-Pearson on the effective sample size
 * adjusted for the design's degrees of freedom,
 *   n* = n_eff (t_{alpha/2, n-1} / t_{alpha/2, df})^2,
 * with n the number of respondents in the domain (nrow of R's subset
 * design). R writes the bounds as qbeta(alpha/2, n* p, n* (1 - p) + 1) and
 * qbeta(1 - alpha/2, n* p + 1, n* (1 - p)): Clopper-Pearson at x = n* p. */
int jarva__ci_korn_graubard(double p, double n_eff, double n, double df, double level, double *lo,
                            double *hi)
{
    if (!(p > 0 && p < 1) || !(n_eff > 0) || !level_ok(level))
        return JARVA_ENUMERIC;
    double alpha = 1 - level;
    double ratio = jarva__t_quantile(alpha / 2, n - 1) / jarva__t_quantile(alpha / 2, df);
    if (!isfinite(ratio))
        return JARVA_ENUMERIC;
    return jarva__ci_clopper_pearson(p, n_eff * ratio * ratio, level, lo, hi);
}

/* Wilson's score interval (Wilson 1927) exactly as R's prop.test(x, n,
 * correct = FALSE) computes it, for a real n (an effective sample size, or a
 * published n):
 *   z = qnorm(1 - alpha/2), c = z^2 / (2n),
 *   (p + c -+ z sqrt(p (1 - p) / n + c / (2n))) / (1 + 2c),
 * with prop.test's 0 at p = 0 and 1 at p = 1. */
int jarva__ci_wilson(double p, double n, double level, double *lo, double *hi)
{
    if (!(p >= 0 && p <= 1) || !(n > 0) || !isfinite(n) || !level_ok(level))
        return JARVA_ENUMERIC;
    double z = jarva__normal_quantile(1 - (1 - level) / 2);
    double c = z * z / (2 * n);
    double half = z * sqrt(p * (1 - p) / n + c / (2 * n));
    double low = p <= 0 ? 0 : (p + c - half) / (1 + 2 * c);
    double high = p >= 1 ? 1 : (p + c + half) / (1 + 2 * c);
    *lo = low < 0 ? 0 : low;
    *hi = high > 1 ? 1 : high;
    return JARVA_OK;
}

/* Garwood's exact interval for a Poisson count (Garwood 1936), as R's
 * poisson.test: lower = qgamma(alpha/2, x) (0 when x = 0), upper =
 * qgamma(1 - alpha/2, x + 1); qgamma(p, k) is qchisq(p, 2k) / 2. */
int jarva__ci_garwood(double x, double level, double *lo, double *hi)
{
    if (!(x >= 0) || !isfinite(x) || !level_ok(level))
        return JARVA_ENUMERIC;
    double alpha = 1 - level;
    double low = x == 0 ? 0 : jarva__gamma_quantile(alpha / 2, x);
    double high = jarva__gamma_quantile(1 - alpha / 2, x + 1);
    if (!isfinite(low) || !isfinite(high))
        return JARVA_ENUMERIC;
    *lo = low;
    *hi = high;
    return JARVA_OK;
}
