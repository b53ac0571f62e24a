/* stats.h: the statistics core's internal API, shared by libjarva/src/stats_*.c
 * and tested directly by tests/unit/test_stats*.c. Pure functions over plain
 * numbers and arrays; the public entry points are in jarva/estimate.h. */
#ifndef JARVA_STATS_H
#define JARVA_STATS_H

#include <stddef.h>

#include "jarva.h"

/* The same definition as jarva_internal.h's (an identical redefinition is
 * allowed): stats/ is pure computation and does not see the store's handle
 * or SQLite (docs/architecture.md). */
#if defined(__GNUC__)
#define JARVA__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define JARVA__PRINTF(fmt, args)
#endif

/* --- Error buffers and options (stats_common.c) --------------------------- */

/* Formats a message into errbuf (if errbuf && errlen) and returns code. */
int jarva__errbuf_set(char *errbuf, size_t errlen, int code, const char *fmt, ...)
    JARVA__PRINTF(4, 5);
/* Makes errbuf "" (if errbuf && errlen). */
void jarva__errbuf_clear(char *errbuf, size_t errlen);

/* JARVA_OK if a caller's struct has the version this libjarva writes, else
 * JARVA_EINVAL naming what (e.g. "jarva_trend") and the _INIT macro to use. */
int jarva__version_check(unsigned version, unsigned known, const char *what, char *errbuf,
                         size_t errlen);

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

/* --- Moments from grouped sums (stats_sums.c) ------------------------------ */

/* One (domain, stratum) cell of the linearised values: valid respondents,
 * S1 = sum z and S2 = sum z^2 (see stats_survey.c). */
typedef struct jarva__stratum_cell {
    size_t valid;
    double z_sum;
    double z_sq;
} jarva__stratum_cell;

/* Fills o's strata, lonely_strata, variance and variance_defined from one
 * domain's cells (strata of them; stratum_size[h]: respondents of the whole
 * design in h), with the lonely-PSU rule. JARVA_OK, or JARVA_ENUMERIC for a
 * lonely stratum with JARVA_LONELY_PSU_FAIL (stratum_names, if given, name it). */
int jarva__moments_combine(size_t strata, const size_t *stratum_size,
                           const jarva__stratum_cell *cells, jarva_lonely_psu lonely,
                           const char *const *stratum_names, jarva__domain_moments *o, char *errbuf,
                           size_t errlen);

/* The respondents of one domain in one stratum who gave one answer value. */
typedef struct jarva__value_sums {
    size_t n;
    double weight_sum;    /* sum w */
    double weight_sq_sum; /* sum w^2 */
} jarva__value_sums;

/* One domain's moments from its sums: sums[h * value_count + k] for stratum
 * h < strata and value values[k] (NaN: not a valid answer, left out).
 * JARVA_OK, JARVA_ENOMEM or JARVA_ENUMERIC as jarva__moments_combine(). */
int jarva__moments_from_sums(size_t strata, const size_t *stratum_size, size_t value_count,
                             const double *values, const jarva__value_sums *sums,
                             jarva_lonely_psu lonely, const char *const *stratum_names,
                             jarva__domain_moments *out, char *errbuf, size_t errlen);

/* Sums per (domain, stratum, value), dense, grown as larger ids appear: cell
 * (d, h, k) is cells[(d * strata + h) * values + k]; one domain's block,
 * cells + d * strata * values, is what jarva__moments_from_sums() reads with
 * value_count = values. */
typedef struct jarva__sum_grid {
    size_t domains, strata, values; /* capacities */
    jarva__value_sums *cells;
} jarva__sum_grid;

/* Makes room for cell (domain, stratum, value); 0, or -1 out of memory. */
int jarva__sum_grid_fit(jarva__sum_grid *g, size_t domain, size_t stratum, size_t value);
void jarva__sum_grid_free(jarva__sum_grid *g);

/* Adds a respondent of weight w; 0, or -1 out of memory. */
static inline int jarva__sum_grid_add(jarva__sum_grid *g, size_t domain, size_t stratum,
                                      size_t value, double w)
{
    if ((domain >= g->domains || stratum >= g->strata || value >= g->values) &&
        jarva__sum_grid_fit(g, domain, stratum, value))
        return -1;
    jarva__value_sums *s = &g->cells[(domain * g->strata + stratum) * g->values + value];
    s->n++;
    s->weight_sum += w;
    s->weight_sq_sum += w * w;
    return 0;
}

/* A survey estimate (share if binary, else mean) with its interval and the
 * disclosure rule, from a domain's moments; opts already checked. This is
 * what jarva_estimate_proportions() and jarva_estimate_means() do per domain. */
void jarva__estimate_from_moments(const jarva__domain_moments *m,
                                  const jarva_estimate_options *opts, int binary,
                                  jarva_estimate *e);

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
