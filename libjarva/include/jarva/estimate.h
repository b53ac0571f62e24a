/* jarva/estimate.h: the statistics core. Design-based estimates of shares and
 * means from survey microdata (as R's survey package computes them), intervals
 * for published shares and for counts, change between two years, trends and
 * the status of a target.
 *
 * Every function here is pure: it reads the caller's arrays, writes the
 * caller's result structs, keeps no state and touches no database, so all are
 * thread-safe and reentrant. Each calls jarva_global_init() (GSL must never
 * abort). Failures return a negative jarva_status and, if errbuf is not NULL
 * and errlen > 0, a NUL-terminated English message in errbuf (truncated to
 * errlen); on success errbuf holds "". On failure the result structs are
 * unspecified. The formulas, their references and the R functions they match
 * are in the comments of libjarva/src/stats*.c; tests/reference/ holds the R
 * script and outputs they are tested against. */
#ifndef JARVA_ESTIMATE_H
#define JARVA_ESTIMATE_H

#include <stddef.h>

#include "common.h"
#include "catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a confidence interval for a share is computed. */
typedef enum jarva_ci_method {
    JARVA_CI_DEFAULT = 0, /* the estimator's own default: logit for survey shares, Wilson for
                             published shares (means always use t, counts Garwood) */
    JARVA_CI_LOGIT =
        1, /* R svyciprop(method = "logit"): t interval for logit(p), back-transformed */
    JARVA_CI_BETA = 2,   /* R svyciprop(method = "beta"): Korn-Graubard, Clopper-Pearson on the
                             df-adjusted effective sample size */
    JARVA_CI_MEAN = 3,   /* R svyciprop(method = "mean"): p +- t * se, not clipped to [0, 1] */
    JARVA_CI_WILSON = 4, /* Wilson score interval on the effective sample size */
    JARVA_CI_CLOPPER_PEARSON =
        5 /* Clopper-Pearson on the effective sample size (no df adjustment) */
} jarva_ci_method;

/* The method's name as options, stored estimates (jarva_result.method) and
 * outputs spell it: "logit", "beta", "mean", "wilson", "clopper-pearson",
 * and "default" for JARVA_CI_DEFAULT; "" for a value that is none of them.
 * Static storage. */
JARVA_API const char *jarva_ci_method_name(jarva_ci_method method);

/* The method name designates (those of jarva_ci_method_name(), ASCII case
 * ignored) in *out. JARVA_OK, or JARVA_EINVAL for NULL or an unknown name
 * (*out unchanged). */
JARVA_API int jarva_ci_method_parse(jarva_ci_method *out, const char *name);

/* The method an estimator of shares applies when asked for method, so that
 * an output can name the interval it prints: JARVA_CI_DEFAULT is logit for
 * shares from microdata (published 0) and Wilson for published shares
 * (published 1), which have no design, so beta is Clopper-Pearson there;
 * any other method as given. */
JARVA_API jarva_ci_method jarva_ci_method_applied(jarva_ci_method method, int published);

/* What to do with a stratum of a single respondent (a "lonely PSU"), as R's
 * options(survey.lonely.psu = ...) with survey.adjust.domain.lonely = FALSE.
 * A stratum is lonely when it has one respondent in the whole data; it matters
 * only for a domain that respondent belongs to with a valid answer (else R's
 * subset() drops the stratum). A stratum with several respondents of which one
 * is in the domain is not lonely. */
typedef enum jarva_lonely_psu {
    JARVA_LONELY_PSU_FAIL = 0,  /* JARVA_ENUMERIC naming the stratum (R "fail") */
    JARVA_LONELY_PSU_ADJUST,    /* centre it at the domain mean instead (R "adjust") */
    JARVA_LONELY_PSU_REMOVE,    /* it contributes no variance (R "remove") */
    JARVA_LONELY_PSU_CERTAINTY, /* it contributes no variance (R "certainty"; the same as
                                   remove for a single-stage design) */
    JARVA_LONELY_PSU_AVERAGE    /* the variance of the other strata of the domain, scaled up by
                                   strata / (strata - lonely strata) (R "average") */
} jarva_lonely_psu;

#define JARVA_ESTIMATE_OPTIONS_VERSION 1

/* Options of every estimate. Start from JARVA_ESTIMATE_OPTIONS_INIT; a NULL
 * options pointer means the defaults. */
typedef struct jarva_estimate_options {
    unsigned version;            /* JARVA_ESTIMATE_OPTIONS_VERSION */
    jarva_ci_method method;      /* JARVA_CI_DEFAULT */
    double level;                /* confidence level, in (0, 1): 0.95 */
    unsigned min_n;              /* suppress below this many valid respondents: 30 */
    unsigned min_cell;           /* suppress a share with fewer positive or non-positive
                                    respondents than this: 3 */
    jarva_lonely_psu lonely_psu; /* JARVA_LONELY_PSU_FAIL */
} jarva_estimate_options;

#define JARVA_ESTIMATE_OPTIONS_INIT                                                                \
    {                                                                                              \
        JARVA_ESTIMATE_OPTIONS_VERSION, JARVA_CI_DEFAULT, 0.95, 30, 3, JARVA_LONELY_PSU_FAIL       \
    }

/* Why an estimate is special: bits of jarva_estimate.flags. */
typedef enum jarva_estimate_flag {
    JARVA_EST_SUPPRESSED_N = 1 << 0,    /* fewer valid respondents than min_n */
    JARVA_EST_SUPPRESSED_CELL = 1 << 1, /* fewer than min_cell positive or non-positive */
    JARVA_EST_EMPTY = 1 << 2,           /* no valid respondent: nothing is estimated */
    JARVA_EST_NO_CI = 1 << 3,    /* no interval: df <= 0, no variance, or no n; ci_low = ci_high =
                                    estimate and se may be 0 */
    JARVA_EST_BOUNDARY = 1 << 4, /* share 0 or 1: the exact binomial interval on n */
    JARVA_EST_ZERO_VARIANCE = 1 << 5, /* variance 0 inside (0, 1): ci_low = ci_high = estimate */
    JARVA_EST_LONELY_PSU = 1 << 6,    /* a lonely stratum was handled by the lonely_psu option */
    JARVA_EST_NO_N = 1 << 7,          /* a published share without n */
    /* suppressed by complementary suppression, so that another suppressed
       cell of the same breakdown cannot be derived by subtraction
       (docs/disclosure.md) */
    JARVA_EST_SUPPRESSED_SECONDARY = 1 << 8,
    JARVA_EST_EXACT = 1 << 9 /* a complete count, or a share of one (the activity log, a
                                published list): nothing was sampled, so no sampling error (se 0,
                                no interval: JARVA_EST_NO_CI is set too) and never suppressed */
} jarva_estimate_flag;

#define JARVA_ESTIMATE_VERSION 1

/* One estimate. Fields are always finite numbers (df may be INFINITY); read
 * flags before using se and the interval. Outputs must honour `suppressed`.
 * A caller that has the library fill one, or hands it one in a series, sets
 * version first (JARVA_ESTIMATE_INIT): it tells a later libjarva, whose
 * estimates may have more fields, which layout the caller's memory has. A
 * version the library does not know (0 from `{ 0 }`) is refused with
 * JARVA_EINVAL. */
typedef struct jarva_estimate {
    unsigned version; /* JARVA_ESTIMATE_VERSION */
    double estimate;  /* share (0-1), mean, count or rate */
    double se;        /* standard error (Taylor linearisation for survey data) */
    double ci_low;
    double ci_high;
    double df;         /* degrees of freedom of the t quantile; INFINITY for normal-based and
                           exact intervals */
    double n_eff;      /* survey shares: p(1-p)/se^2 (n at p = 0 or 1); published shares: n;
                           means and counts: 0 */
    size_t n;          /* valid respondents in the domain; published shares: n; counts: events */
    size_t n_positive; /* shares from microdata: respondents with a positive answer */
    int suppressed;    /* nonzero: too few respondents to publish (flags say why) */
    unsigned flags;    /* jarva_estimate_flag bits */
} jarva_estimate;

#define JARVA_ESTIMATE_INIT                                                                        \
    {                                                                                              \
        JARVA_ESTIMATE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0                                       \
    }

/* Sets each of the count estimates at e to JARVA_ESTIMATE_INIT: for an array
 * (from calloc, say) that an estimator is to fill. NULL or 0: nothing. */
JARVA_API void jarva_estimate_init(jarva_estimate *e, size_t count);

/* A short English description of one flag bit; "" for an unknown bit. Static. */
JARVA_API const char *jarva_estimate_flag_text(unsigned flag);

/* Survey microdata of one variable and one wave, as parallel arrays of
 * `count` respondents, borrowed for the duration of a call. The design is
 * stratified single-stage with replacement: R's
 * svydesign(ids = ~1, strata = ~stratum, weights = ~weight). */
typedef struct jarva_survey_data {
    size_t count;            /* respondents */
    const double *value;     /* the answer; NaN = missing or invalid. For shares 1 (positive) or
                              0 (valid, not positive) */
    const double *weight;    /* design weights, finite and > 0; NULL: all 1 */
    const unsigned *stratum; /* stratum of each respondent, 0 .. stratum_count-1; NULL: one */
    size_t stratum_count;
    const char *const *stratum_names; /* NULL, or stratum_count names used in messages */
} jarva_survey_data;

/* Shares of positive answers among valid answers in domain_count domains at
 * once, in two passes over the data (O(count + domain_count * strata)).
 * domain[i] is respondent i's domain, 0 .. domain_count-1, or -1 for none;
 * domain NULL puts everyone in domain 0. out has domain_count elements, each
 * with its version set (JARVA_ESTIMATE_INIT).
 * Domains are R's subset(design, domain & !is.na(value)): respondents outside
 * keep their strata's sizes. Returns JARVA_OK (including empty domains, which
 * are flagged), JARVA_EINVAL (bad options, stratum or domain index, weight,
 * or a value not 0, 1 or NaN; the message names the respondent), JARVA_ENOMEM,
 * or JARVA_ENUMERIC (with JARVA_LONELY_PSU_FAIL, a lonely stratum whose
 * respondent is in any of the domains: the message names the stratum). */
JARVA_API int jarva_estimate_proportions(jarva_estimate *out, const jarva_survey_data *data,
                                         const int *domain, size_t domain_count,
                                         const jarva_estimate_options *opts, char *errbuf,
                                         size_t errlen);

/* Means of a numeric answer (e.g. a scale 1-5) in domains, as R's svymean on
 * the subset; interval p +- t(df) * se whatever opts->method says. Same
 * arguments and statuses as jarva_estimate_proportions(), any finite value. */
JARVA_API int jarva_estimate_means(jarva_estimate *out, const jarva_survey_data *data,
                                   const int *domain, size_t domain_count,
                                   const jarva_estimate_options *opts, char *errbuf, size_t errlen);

/* A published share (0-1) of n respondents: Wilson (JARVA_CI_DEFAULT or
 * JARVA_CI_WILSON; R prop.test(x, n, correct = FALSE)) or Clopper-Pearson
 * (JARVA_CI_CLOPPER_PEARSON or JARVA_CI_BETA; R binom.test) with x = share * n
 * not rounded. n = 0 means unknown: the share is returned without interval,
 * flagged JARVA_EST_NO_N | JARVA_EST_NO_CI. Suppression applies when n is
 * known. JARVA_OK or JARVA_EINVAL (share outside [0, 1], n negative or not
 * finite, n in (0, 1), another method). */
JARVA_API int jarva_estimate_table_share(jarva_estimate *out, double share, double n,
                                         const jarva_estimate_options *opts, char *errbuf,
                                         size_t errlen);

/* A count of events (exposure 1) or a rate events / exposure, with Garwood's
 * exact Poisson interval (R poisson.test). se is sqrt(events) / exposure.
 * Counts are never suppressed. JARVA_OK or JARVA_EINVAL (events not a
 * non-negative integer, exposure not finite and > 0). */
JARVA_API int jarva_estimate_count(jarva_estimate *out, double events, double exposure,
                                   const jarva_estimate_options *opts, char *errbuf, size_t errlen);

/* A complete count (n 0) or a share value = x / n of a complete count (n > 0),
 * as jarva_estimate_exact() gives it: estimate = value, se 0, ci_low = ci_high
 * = value, df INFINITY, flags JARVA_EST_EXACT | JARVA_EST_NO_CI, n = n (the
 * count for a count), never suppressed (the disclosure rules protect
 * respondents, not documents). JARVA_OK or JARVA_EINVAL (value not finite, or
 * a share outside [0, 1]). */
JARVA_API int jarva_estimate_exact(jarva_estimate *out, double value, size_t n, char *errbuf,
                                   size_t errlen);

/* The estimates of one indicator and area over the years, borrowed for a call;
 * each estimate has its version set (those of jarva_series_open() have). */
typedef struct jarva_series {
    size_t count;
    const int *years;                /* strictly ascending */
    const jarva_estimate *estimates; /* one per year */
    const int *breaks;               /* years that start a new, incomparable series */
    size_t break_count;
} jarva_series;

/* 1 if no series break lies in (year_from, year_to], else 0. */
JARVA_API int jarva_series_comparable(const jarva_series *series, int year_from, int year_to);

enum {
    JARVA_CHANGE_SUPPRESSED = 1 << 0, /* an estimate compared is suppressed */
    JARVA_CHANGE_NO_TEST = 1 << 1,    /* an estimate has no interval, or both SEs are 0:
                                         p_value = 1, not significant */
    JARVA_CHANGE_EXACT = 1 << 2       /* both estimates are exact (JARVA_EST_EXACT): the
                                         difference is the change itself, nothing to test
                                         (also JARVA_CHANGE_NO_TEST) */
};

#define JARVA_CHANGE_VERSION 1

/* Change between two independent waves: difference = to - from,
 * se = sqrt(se_from^2 + se_to^2), Welch-Satterthwaite df, t interval and
 * two-sided p-value (normal when both df are infinite). The caller sets
 * version (JARVA_CHANGE_INIT) as for jarva_estimate. */
typedef struct jarva_change {
    unsigned version; /* JARVA_CHANGE_VERSION */
    int year_from;
    int year_to;
    double difference;
    double se;
    double df; /* INFINITY: normal */
    double ci_low;
    double ci_high;
    double p_value;
    int significant; /* p_value < 1 - level */
    unsigned flags;  /* JARVA_CHANGE_* */
} jarva_change;

#define JARVA_CHANGE_INIT                                                                          \
    {                                                                                              \
        JARVA_CHANGE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0                                         \
    }

/* The change from year_from to year_to (both in the series, year_from <
 * year_to). JARVA_OK, JARVA_ENOTFOUND (a year is not in the series),
 * JARVA_EINVAL (bad level or years, or a series break in (year_from, year_to]:
 * the two estimates are not comparable). */
JARVA_API int jarva_change_between(jarva_change *out, const jarva_series *series, int year_from,
                                   int year_to, double level, char *errbuf, size_t errlen);

enum {
    JARVA_TREND_INSUFFICIENT = 1 << 0, /* fewer than 3 usable points: nothing fitted */
    JARVA_TREND_MIXED = 1 << 1         /* exact and sampled points mixed: nothing fitted (also
                                  JARVA_TREND_INSUFFICIENT) */
};

/* How a trend was fitted. */
typedef enum jarva_trend_method {
    JARVA_TREND_WLS = 0, /* sampled estimates: weights 1/se^2, multiplicative dispersion */
    JARVA_TREND_OLS = 1  /* exact values (complete counts): ordinary least squares */
} jarva_trend_method;

/* A straight line through the usable points of a series, years centred at
 * their mean. A point is usable when it is exact (JARVA_EST_EXACT: zeros
 * included), or else not suppressed, not empty, with an interval and a
 * positive se.
 * - Sampled points (JARVA_TREND_WLS): weighted least squares with weights
 *   1/se^2. chisq = sum w r^2 is about chi-square on k - 2 df when the points
 *   vary around the line by sampling error only; the dispersion factor
 *   phi = max(1, chisq / (k - 2)) multiplies the covariance (multiplicative
 *   dispersion, as in meta-regression), and when phi > 1 the interval and p
 *   use a t on k - 2 df (df), else the normal (df INFINITY).
 * - Exact points (JARVA_TREND_OLS): ordinary least squares, the residual
 *   variance as the error, t on k - 2 df; dispersion is 1 and chisq is the
 *   residual sum of squares. */
#define JARVA_TREND_VERSION 1

typedef struct jarva_trend {
    unsigned version; /* JARVA_TREND_VERSION, set by the caller (JARVA_TREND_INIT) */
    size_t n_points;  /* usable points fitted, k */
    int first_year;
    int last_year;
    double centre_year; /* mean of the years fitted */
    double intercept;   /* fitted value at centre_year */
    double se_intercept;
    double slope; /* change per year */
    double se_slope;
    double cov;    /* covariance of intercept and slope (for predictions; 0 with centred years) */
    double ci_low; /* interval of the slope */
    double ci_high;
    double p_value;  /* two-sided, slope = 0; 1 when nothing is fitted */
    int significant; /* p_value < 1 - level */
    double chisq;    /* WLS: sum of w * residual^2; OLS: residual sum of squares */
    unsigned flags;  /* JARVA_TREND_* */
    jarva_trend_method method;
    double dispersion; /* WLS: max(1, chisq / (k - 2)), already applied to the SEs; OLS: 1 */
    double df;         /* of the slope's t: k - 2, or INFINITY (normal) */
} jarva_trend;

#define JARVA_TREND_INIT                                                                           \
    {                                                                                              \
        JARVA_TREND_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, JARVA_TREND_WLS, 0, 0    \
    }

/* Fits the trend. JARVA_OK (possibly JARVA_TREND_INSUFFICIENT) or
 * JARVA_EINVAL (bad level, years not ascending, or a series break inside the
 * span of the usable points: fit one segment). */
JARVA_API int jarva_trend_fit(jarva_trend *out, const jarva_series *series, double level,
                              char *errbuf, size_t errlen);

/* The fitted line at a year and, if se is not NULL, its standard error. */
JARVA_API double jarva_trend_predict(const jarva_trend *trend, double year, double *se);

/* The status of a target (docs/status.md says what each means). */
typedef enum jarva_target_state {
    JARVA_TARGET_INSUFFICIENT_DATA = 0, /* no data, fewer than 3 points, or the target year passed
                                           without a measurement (the rule says which) */
    JARVA_TARGET_ACHIEVED = 1,          /* the latest estimate meets the target */
    JARVA_TARGET_ON_TRACK = 2,          /* probability >= on_track (0.75) */
    JARVA_TARGET_UNCERTAIN = 3,         /* off_track < probability < on_track, or a high
                                           probability with a recent turn away (the rule says) */
    JARVA_TARGET_OFF_TRACK = 4,         /* probability <= off_track (0.25) */
    JARVA_TARGET_NO_TARGET = 5          /* the indicator has no target */
} jarva_target_state;

/* Which rule decided the state, in the order they are tried. */
typedef enum jarva_target_rule {
    JARVA_RULE_NO_ESTIMATE = 0,        /* no usable estimate: insufficient data */
    JARVA_RULE_LATEST_MEETS_TARGET,    /* achieved */
    JARVA_RULE_PROBABILITY_HIGH,       /* on track */
    JARVA_RULE_PROBABILITY_MIDDLE,     /* uncertain */
    JARVA_RULE_PROBABILITY_LOW,        /* off track */
    JARVA_RULE_TOO_FEW_POINTS,         /* insufficient data: fewer than min_points in the segment */
    JARVA_RULE_TARGET_YEAR_UNMEASURED, /* insufficient data: the target year has passed and
                                          has no estimate */
    JARVA_RULE_NO_TARGET,              /* no target */
    JARVA_RULE_RECENT_TURN             /* uncertain: the probability is high, but the two latest
                                          changes of the segment move away from the target */
} jarva_target_rule;

typedef enum jarva_baseline_comparison {
    JARVA_BASELINE_UNKNOWN = 0, /* no baseline before the latest estimate, or no test */
    JARVA_BASELINE_BETTER,      /* significantly better in the indicator's direction */
    JARVA_BASELINE_WORSE,       /* significantly worse */
    JARVA_BASELINE_NO_CHANGE    /* no significant change */
} jarva_baseline_comparison;

/* Where the baseline came from (see jarva_target_assess()). */
typedef enum jarva_baseline_source {
    JARVA_BASELINE_NONE = 0,      /* no published estimate */
    JARVA_BASELINE_CATALOGUE,     /* the catalogue's baseline: same series */
    JARVA_BASELINE_FIRST_ESTIMATE /* the first estimate of the latest series segment */
} jarva_baseline_source;

typedef struct jarva_target {
    jarva_direction direction;
    double value;          /* the target, on the estimates' scale */
    int year;              /* the year it should be met */
    int baseline_year;     /* the catalogue's baseline year, 0: none (or not this series) */
    double baseline_value; /* the catalogue's baseline value (when baseline_year is set) */
} jarva_target;

#define JARVA_TARGET_OPTIONS_VERSION 2

typedef struct jarva_target_options {
    unsigned version;    /* JARVA_TARGET_OPTIONS_VERSION */
    double level;        /* for the trend and the baseline test: 0.95 */
    double on_track;     /* on track at a probability of at least this: 0.75 */
    double off_track;    /* off track at a probability of at most this: 0.25 */
    unsigned min_points; /* usable points needed for a trend, at least 3: 3 */
} jarva_target_options;

#define JARVA_TARGET_OPTIONS_INIT                                                                  \
    {                                                                                              \
        JARVA_TARGET_OPTIONS_VERSION, 0.95, 0.75, 0.25, 3                                          \
    }

#define JARVA_TARGET_STATUS_VERSION 1

/* The judgement of one target. Values not available are NaN (check with
 * isnan()). Shares are on the 0-1 scale. The caller sets version
 * (JARVA_TARGET_STATUS_INIT); it covers the estimate, trend and change
 * inside, whose versions the library sets. */
typedef struct jarva_target_status {
    unsigned version; /* JARVA_TARGET_STATUS_VERSION */
    jarva_target_state state;
    jarva_target_rule rule;
    int latest_year; /* the latest published estimate (0 if none) */
    double latest_value;
    jarva_estimate latest; /* that estimate (interval, flags: JARVA_EST_EXACT) */
    double gap;            /* how far the latest misses the target in its direction (<= 0: met) */
    int has_projection;    /* nonzero: projected_value and probability are set */
    int measured_at_target_year; /* nonzero: the target year has come; "projected" is its
                                    estimate and se, not the trend's */
    double projected_value;      /* the trend's line at the target year */
    double projected_se;         /* its standard error (full intercept-slope covariance) */
    double probability;          /* P(the value at the target year meets the target), normal on the
                           projection; NaN when not computed */
    jarva_trend trend;           /* the trend of the latest segment (may be INSUFFICIENT) */
    jarva_baseline_source baseline_source;
    int baseline_year; /* 0: none */
    double baseline_value;
    jarva_baseline_comparison baseline;
    int has_change;       /* nonzero: change holds the baseline -> latest change */
    jarva_change change;  /* latest - baseline_value, tested with both years' se */
    double pace;          /* the trend's slope per year (NaN without a trend) */
    double required_pace; /* (target - latest) / (target year - latest year); NaN when the
                             target year has come */
    double mdc; /* minimum detectable change to the next wave (sampled estimates): (z_0.975 +
                   z_0.80) sqrt(2) se_latest; NaN for exact estimates */
} jarva_target_status;

#define JARVA_TARGET_STATUS_INIT                                                                   \
    {                                                                                              \
        JARVA_TARGET_STATUS_VERSION, JARVA_TARGET_INSUFFICIENT_DATA, JARVA_RULE_NO_ESTIMATE, 0, 0, \
            JARVA_ESTIMATE_INIT, 0, 0, 0, 0, 0, 0, JARVA_TREND_INIT, JARVA_BASELINE_NONE, 0, 0,    \
            JARVA_BASELINE_UNKNOWN, 0, JARVA_CHANGE_INIT, 0, 0, 0                                  \
    }

/* Assesses a target from a series (a NULL opts means the defaults): the
 * rules, the projection and the baseline rule are in stats_target.c and
 * docs/status.md. Only the usable points (see jarva_trend) count; the trend
 * uses the latest series segment. JARVA_OK or JARVA_EINVAL (bad options,
 * direction or series). */
JARVA_API int jarva_target_assess(jarva_target_status *out, const jarva_series *series,
                                  const jarva_target *target, const jarva_target_options *opts,
                                  char *errbuf, size_t errlen);

/* Short English texts for a rule ("the latest estimate meets the target") and
 * a state ("achieved", "on track", "uncertain", "off track", "insufficient
 * data", "no target"); machine names for both ("latest_meets_target",
 * "on_track", ...); Swedish words for a state (Uppnått, På väg, Osäkert, Inte
 * på väg, Otillräckliga data, Inget mål) and the word for a baseline source
 * ("catalogue", "first_estimate", "none"). Static; "" when unknown. */
JARVA_API const char *jarva_target_rule_text(jarva_target_rule rule);
JARVA_API const char *jarva_target_rule_name(jarva_target_rule rule);
JARVA_API const char *jarva_target_state_name(jarva_target_state state);
JARVA_API const char *jarva_target_state_id(jarva_target_state state);
JARVA_API const char *jarva_target_state_sv(jarva_target_state state);
JARVA_API const char *jarva_baseline_source_name(jarva_baseline_source source);

/* Benjamini-Hochberg adjusted p-values (R p.adjust(p, "BH")) of the family of
 * the finite values of p[0..n-1]; NaN entries are not in the family and stay
 * NaN in adjusted (which may be p itself). JARVA_OK, JARVA_EINVAL (a p outside
 * [0, 1]) or JARVA_ENOMEM. */
JARVA_API int jarva_p_adjust_bh(double *adjusted, const double *p, size_t n);

/* The minimum detectable change between two independent waves with the same
 * standard error se, two-sided at alpha with the given power:
 * (z_{1-alpha/2} + z_{power}) * sqrt(2) * se (NaN for bad arguments). */
JARVA_API double jarva_minimum_detectable_change(double se, double alpha, double power);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_ESTIMATE_H */
