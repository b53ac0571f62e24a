/* stats_sums.c: the Taylor-linearised variance of a domain's weighted mean
 * from grouped sufficient statistics, so that `jarva compute` and `jarva
 * estimate` make one pass over the respondents and keep no per-respondent
 * array. The model and the formula are those of stats_survey.c (R's survey
 * package: svymean on subset(design, domain & !is.na(y)) of
 * svydesign(ids = ~1, strata = ~stratum, weights = ~weight)).
 *
 * An answer takes one of few values y_k (an answer code, or 0/1 for a share).
 * Per stratum h and value k of a domain the pass keeps the count n_hk, the
 * weight sum B_hk = sum w_i and the sum of squared weights A_hk = sum w_i^2.
 * With W = sum_hk B_hk and m = sum_hk y_k B_hk / W, the linearised values
 * z_i = w_i (y_i - m) / W give per stratum
 *     S1_h = sum_i z_i   = sum_k (y_k - m) B_hk / W,
 *     S2_h = sum_i z_i^2 = sum_k (y_k - m)^2 A_hk / W^2,
 * exactly the S1, S2 that stats_survey.c's second pass sums respondent by
 * respondent. S2 is a sum of non-negative terms and each (y_k - m) is formed
 * once, so nothing cancels as in the textbook one-pass sum of squares
 * (sum w^2 y^2 - (sum w^2 y)^2 / ...; see Chan, Golub and LeVeque 1983,
 * "Algorithms for computing the sample variance", Am. Stat. 37(3)): grouping
 * by value is the centred, two-pass formula with the sums over each value
 * taken first. The numbers agree with the two-pass ones to rounding (about
 * 1e-15 relative). Memory: domains x strata x values cells. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

static const char *stratum_label(const char *const *names, size_t h, char *buf, size_t len)
{
    if (names && names[h])
        return names[h];
    snprintf(buf, len, "%zu", h);
    return buf;
}

/* Sums the strata's contributions of one domain, with R's lonely-PSU rules
 * (onestrat() for a stratum with nPSU = 1 that the subset contains):
 * "adjust" leaves z uncentred (centred at the grand mean, z's mean being 0),
 * "remove" and "certainty" centre it at itself (0), "average" drops the
 * stratum and scales the rest by strata / (strata - lonely) as onestage()
 * does, "fail" is an error. */
int jarva__moments_combine(size_t strata, const size_t *stratum_size,
                           const jarva__stratum_cell *cells, jarva_lonely_psu lonely,
                           const char *const *stratum_names, jarva__domain_moments *o, char *errbuf,
                           size_t errlen)
{
    double variance = 0;
    for (size_t h = 0; h < strata; h++) {
        const jarva__stratum_cell *c = &cells[h];
        if (!c->valid)
            continue;
        o->strata++;
        double n_h = (double)stratum_size[h];
        if (stratum_size[h] > 1) {
            /* S2 - S1^2 / n_h is 0 when the stratum's z are all alike, but
             * S1 and S2 carry rounding of up to about n_h ulps of S2 (their
             * sums, and the order a split read adds them in), so what is
             * left below that is rounding, not variance: without this the
             * same data read in one pass or in two parts could give se 0
             * (JARVA_EST_ZERO_VARIANCE, a zero-width interval) or se 7e-10
             * (found by tests/fuzz/fuzz_adhoc_split.c). */
            double within = c->z_sq - c->z_sum * c->z_sum / n_h;
            double rounding = 4.0 * (n_h + 4.0) * DBL_EPSILON * c->z_sq;
            variance += n_h / (n_h - 1) * (within > rounding ? within : 0);
            continue;
        }
        o->lonely_strata++;
        if (lonely == JARVA_LONELY_PSU_FAIL) {
            char buf[32];
            return jarva__errbuf_set(errbuf, errlen, JARVA_ENUMERIC,
                                     "stratum %s has a single respondent (a lonely PSU), so its "
                                     "variance cannot be estimated; choose a lonely-PSU rule",
                                     stratum_label(stratum_names, h, buf, sizeof buf));
        }
        if (lonely == JARVA_LONELY_PSU_ADJUST)
            variance += c->z_sq;
    }
    o->variance_defined = 1;
    if (lonely == JARVA_LONELY_PSU_AVERAGE && o->lonely_strata) {
        if (o->lonely_strata == o->strata) {
            o->variance_defined = 0;
            variance = 0;
        } else {
            variance *= (double)o->strata / (double)(o->strata - o->lonely_strata);
        }
    }
    o->variance = variance;
    return JARVA_OK;
}

int jarva__moments_from_sums(size_t strata, const size_t *stratum_size, size_t value_count,
                             const double *values, const jarva__value_sums *sums,
                             jarva_lonely_psu lonely, const char *const *stratum_names,
                             jarva__domain_moments *out, char *errbuf, size_t errlen)
{
    memset(out, 0, sizeof *out);
    double weighted = 0;
    for (size_t h = 0; h < strata; h++)
        for (size_t k = 0; k < value_count; k++) {
            const jarva__value_sums *s = &sums[h * value_count + k];
            if (!s->n || isnan(values[k]))
                continue;
            out->n += s->n;
            out->n_positive += values[k] > 0 ? s->n : 0;
            out->weight_sum += s->weight_sum;
            weighted += values[k] * s->weight_sum;
        }
    if (!out->n)
        return JARVA_OK;
    double total = out->weight_sum;
    double m = weighted / total;
    out->mean = m;
    jarva__stratum_cell *cells = calloc(strata ? strata : 1, sizeof *cells);
    if (!cells)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory for %zu strata",
                                 strata);
    for (size_t h = 0; h < strata; h++) {
        jarva__stratum_cell *c = &cells[h];
        for (size_t k = 0; k < value_count; k++) {
            const jarva__value_sums *s = &sums[h * value_count + k];
            if (!s->n || isnan(values[k]))
                continue;
            double deviation = values[k] - m;
            c->valid += s->n;
            c->z_sum += deviation * s->weight_sum;
            c->z_sq += deviation * deviation * s->weight_sq_sum;
        }
        c->z_sum /= total;
        c->z_sq /= total * total;
    }
    int rc = jarva__moments_combine(strata, stratum_size, cells, lonely, stratum_names, out, errbuf,
                                    errlen);
    free(cells);
    return rc;
}

/* ---- the grid of sums, growing as new ids appear ---- */

static int grid_resize(jarva__sum_grid *g, size_t domains, size_t strata, size_t values)
{
    if (domains && strata && values && domains > SIZE_MAX / strata / values / sizeof *g->cells)
        return -1;
    size_t count = domains * strata * values;
    jarva__value_sums *cells = calloc(count ? count : 1, sizeof *cells);
    if (!cells)
        return -1;
    for (size_t d = 0; d < g->domains; d++)
        for (size_t h = 0; h < g->strata; h++)
            memcpy(&cells[(d * strata + h) * values], &g->cells[(d * g->strata + h) * g->values],
                   g->values * sizeof *cells);
    free(g->cells);
    g->cells = cells;
    g->domains = domains;
    g->strata = strata;
    g->values = values;
    return 0;
}

/* The next size for an index that does not fit: doubled, at least index + 1. */
static size_t grown(size_t have, size_t index, size_t least)
{
    size_t n = have > least ? have : least;
    while (n <= index)
        n *= 2;
    return n;
}

int jarva__sum_grid_fit(jarva__sum_grid *g, size_t domain, size_t stratum, size_t value)
{
    if (domain < g->domains && stratum < g->strata && value < g->values)
        return 0;
    size_t domains = domain < g->domains ? g->domains : grown(g->domains, domain, 4);
    size_t strata = stratum < g->strata ? g->strata : grown(g->strata, stratum, 16);
    size_t values = value < g->values ? g->values : grown(g->values, value, 2);
    return grid_resize(g, domains, strata, values);
}

void jarva__sum_grid_free(jarva__sum_grid *g)
{
    free(g->cells);
    memset(g, 0, sizeof *g);
}
