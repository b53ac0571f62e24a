/* stats.h: the statistics core's internal API, shared by libjarva/src/stats_*.c
 * and tested directly by tests/unit/test_stats*.c. Pure functions over plain
 * numbers and arrays; the public entry points are in jarva/estimate.h. */
#ifndef JARVA_STATS_H
#define JARVA_STATS_H

#include <stddef.h>

#include "jarva.h"
#include "jarva_internal.h"

/* --- Error buffers and options (stats_common.c) --------------------------- */

/* Formats a message into errbuf (if errbuf && errlen) and returns code. */
int jarva__errbuf_set(char *errbuf, size_t errlen, int code, const char *fmt, ...)
    JARVA__PRINTF(4, 5);
/* Makes errbuf "" (if errbuf && errlen). */
void jarva__errbuf_clear(char *errbuf, size_t errlen);

/* Copies *opts (or the defaults for NULL) to *out after checking version,
 * method, level and lonely_psu; JARVA_OK or JARVA_EINVAL. */
int jarva__estimate_options_check(const jarva_estimate_options *opts, jarva_estimate_options *out,
                                  char *errbuf, size_t errlen);

/* Sets suppressed and the JARVA_EST_SUPPRESSED_* flags of e from n and, if
 * check_cells, from n_positive and n - n_positive (the disclosure rule). */
void jarva__apply_disclosure(jarva_estimate *e, const jarva_estimate_options *opts,
                             int check_cells);

/* --- Quantiles with every argument guarded (stats_quantile.c) ------------- */
/* Each returns NaN for arguments outside its domain instead of calling GSL
 * with them (GSL's gsl_cdf_beta_Pinv never returns for a = 0 or NaN). */

double jarva__normal_quantile(double p);
/* Student t quantile; df == INFINITY gives the normal quantile. df > 0. */
double jarva__t_quantile(double p, double df);
/* Beta(a, b) quantile, a > 0, b > 0, p in [0, 1]. Falls back to bisection on
 * the distribution function where gsl_cdf_beta_Pinv gives up (a tiny shape,
 * huge shapes). */
double jarva__beta_quantile(double p, double a, double b);
/* Gamma(shape, scale 1) quantile, shape > 0. */
double jarva__gamma_quantile(double p, double shape);
/* Two-sided p-value of a t (or, df == INFINITY, normal) statistic. */
double jarva__two_sided_p(double statistic, double df);

/* --- Confidence intervals (stats_ci.c) ------------------------------------ */
/* Each writes [*lo, *hi] and returns JARVA_OK, or JARVA_ENUMERIC when the
 * arguments leave the interval undefined (they are not written then). */

/* expit(logit(p) -+ t(df) * se / (p(1-p))): R svyciprop(method = "logit"). */
int jarva__ci_logit(double p, double se, double df, double level, double *lo, double *hi);
/* est -+ t(df) * se (df INFINITY: normal): R confint(svymean, df = degf). */
int jarva__ci_t(double est, double se, double df, double level, double *lo, double *hi);
/* Korn-Graubard: Clopper-Pearson on n_eff * (t(n-1) / t(df))^2, R
 * svyciprop(method = "beta"); n = valid respondents. */
int jarva__ci_korn_graubard(double p, double n_eff, double n, double df, double level, double *lo,
                            double *hi);
/* Wilson's score interval for a share p of n (real n allowed), as
 * prop.test(correct = FALSE). */
int jarva__ci_wilson(double p, double n, double level, double *lo, double *hi);
/* Clopper-Pearson for x = p * n (real allowed) from beta quantiles, as
 * binom.test for integer x. */
int jarva__ci_clopper_pearson(double p, double n, double level, double *lo, double *hi);
/* Garwood's exact interval for a Poisson count x (integer >= 0), as
 * poisson.test with T = 1. */
int jarva__ci_garwood(double x, double level, double *lo, double *hi);

/* --- Design-based moments (stats_survey.c) -------------------------------- */

typedef struct jarva__domain_moments {
    size_t n;             /* valid respondents in the domain */
    size_t n_positive;    /* of which value > 0 */
    size_t strata;        /* strata with a valid respondent in the domain */
    size_t lonely_strata; /* of which lonely (one respondent in the whole data) */
    double weight_sum;
    double mean;          /* weighted mean; 0 for an empty domain */
    double variance;      /* Taylor-linearised variance of the mean */
    int variance_defined; /* 0 when every stratum was lonely and dropped ("average") */
} jarva__domain_moments;

/* Weighted means and their variances for domain_count domains in two passes
 * (see stats_survey.c for the formula). binary: values must be 0, 1 or NaN.
 * out has domain_count elements. JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or
 * JARVA_ENUMERIC (lonely stratum with JARVA_LONELY_PSU_FAIL). */
int jarva__survey_moments(const jarva_survey_data *data, const int *domain, size_t domain_count,
                          jarva_lonely_psu lonely, int binary, jarva__domain_moments *out,
                          char *errbuf, size_t errlen);

/* --- Series (stats_change.c) ---------------------------------------------- */

/* Whether an estimate can enter a trend or a target assessment: exact
 * (JARVA_EST_EXACT) with a finite value, or not suppressed, not empty, with an
 * interval and a positive finite se. */
int jarva__estimate_usable(const jarva_estimate *e);

/* The change from a baseline (from_value, with from's se and df) to an
 * estimate, as jarva_change_between() (the years are left 0). */
void jarva__change_of(const jarva_estimate *from, double from_value, const jarva_estimate *to,
                      double level, jarva_change *out);

/* Checks that years are strictly ascending and pointers are set; JARVA_OK or
 * JARVA_EINVAL. */
int jarva__series_check(const jarva_series *series, char *errbuf, size_t errlen);

#endif /* JARVA_STATS_H */
