/* stats_common.c: what every estimator of the statistics core shares: the
 * caller's error buffer, option checks, the disclosure rule and flag texts. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "stats.h"

int jarva__errbuf_set(char *errbuf, size_t errlen, int code, const char *fmt, ...)
{
    if (errbuf && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(errbuf, errlen, fmt, ap);
        va_end(ap);
    }
    return code;
}

void jarva__errbuf_clear(char *errbuf, size_t errlen)
{
    if (errbuf && errlen)
        errbuf[0] = '\0';
}

int jarva__version_check(unsigned version, unsigned known, const char *what, char *errbuf,
                         size_t errlen)
{
    if (version == known)
        return JARVA_OK;
    return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                             "%s version %u: this libjarva knows %u (initialise it from its _INIT "
                             "macro)",
                             what, version, known);
}

int jarva__estimate_options_check(const jarva_estimate_options *opts, jarva_estimate_options *out,
                                  char *errbuf, size_t errlen)
{
    static const jarva_estimate_options defaults = JARVA_ESTIMATE_OPTIONS_INIT;
    if (!opts) {
        *out = defaults;
        return JARVA_OK;
    }
    /* Version 1 is the only layout so far; a later version will copy the
     * fields an older caller knows and default the rest. */
    if (opts->version != JARVA_ESTIMATE_OPTIONS_VERSION)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "estimate options version %u not supported (expected %u)",
                                 opts->version, JARVA_ESTIMATE_OPTIONS_VERSION);
    if ((unsigned)opts->method > (unsigned)JARVA_CI_CLOPPER_PEARSON)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "unknown interval method %d",
                                 (int)opts->method);
    if (!(opts->level > 0 && opts->level < 1))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "confidence level %g is not between 0 and 1", opts->level);
    if ((unsigned)opts->lonely_psu > (unsigned)JARVA_LONELY_PSU_AVERAGE)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "unknown lonely_psu option %d",
                                 (int)opts->lonely_psu);
    *out = *opts;
    return JARVA_OK;
}

/* The disclosure rule of the plan: an estimate from fewer than min_n valid
 * respondents, or a share with fewer than min_cell respondents on either side
 * (positive / not positive), is not published. The values stay in the struct
 * for internal use (trends skip them too); outputs go by `suppressed`. */
void jarva__apply_disclosure(jarva_estimate *e, const jarva_estimate_options *opts, int check_cells)
{
    if (e->n < opts->min_n)
        e->flags |= JARVA_EST_SUPPRESSED_N;
    if (check_cells && (e->n_positive < opts->min_cell || e->n - e->n_positive < opts->min_cell))
        e->flags |= JARVA_EST_SUPPRESSED_CELL;
    if (e->flags & JARVA_EST_EMPTY)
        e->flags |= JARVA_EST_SUPPRESSED_N;
    e->suppressed = (e->flags & (JARVA_EST_SUPPRESSED_N | JARVA_EST_SUPPRESSED_CELL)) != 0;
}

const char *jarva_estimate_flag_text(unsigned flag)
{
    switch (flag) {
    case JARVA_EST_SUPPRESSED_N: return "too few respondents";
    case JARVA_EST_SUPPRESSED_CELL: return "too few respondents on one side of the answer";
    case JARVA_EST_EMPTY: return "no valid respondent";
    case JARVA_EST_NO_CI: return "no confidence interval (too few degrees of freedom, or no n)";
    case JARVA_EST_BOUNDARY: return "share 0 or 1: exact binomial interval";
    case JARVA_EST_ZERO_VARIANCE: return "estimated variance 0";
    case JARVA_EST_LONELY_PSU: return "a stratum with a single respondent";
    case JARVA_EST_NO_N: return "published share without number of respondents";
    case JARVA_EST_SUPPRESSED_SECONDARY:
        return "withheld so that a suppressed value cannot be derived by subtraction";
    case JARVA_EST_EXACT: return "exact: a complete count, nothing sampled";
    default: return "";
    }
}
