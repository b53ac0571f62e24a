/* stats_survey.c: weighted means of survey answers and their Taylor-linearised
 * variances for many domains at once, as R's survey package computes them for
 * svydesign(ids = ~1, strata = ~stratum, weights = ~weight) and
 * svymean(~y, subset(design, domain & !is.na(y))).
 *
 * For a domain d with valid respondents i (weight w_i, value y_i) the estimate
 * is the ratio mean  m = sum w_i y_i / W,  W = sum w_i, and its linearised
 * values ("influence", svymean.survey.design2) are
 *     z_i = w_i (y_i - m) / W     for i in the domain with a valid answer,
 *     z_i = 0                     for every other respondent.
 * R's subset() keeps every respondent's stratum size: n_h (fpc$sampsize) is
 * fixed at svydesign() time, and onestrat() pads a stratum's rows back to n_h
 * with zeros. The with-replacement variance of a stratified single-stage
 * design (onestage/onestrat, Wolter 2007 ch. 1; Lumley 2010 sec. 2.2) is
 *     V = sum_h n_h / (n_h - 1) sum_{i in h} (z_i - zbar_h)^2,
 *     zbar_h = sum_{i in h} z_i / n_h,
 * and sum_{i in h} (z_i - zbar_h)^2 = S2_dh - S1_dh^2 / n_h with S1, S2 the
 * sums of z and z^2 over the domain's respondents in h (the zeros add
 * nothing). Strata that hold none of the domain's valid respondents vanish
 * from R's subset, so they count neither as strata of the domain (degf) nor
 * in R's "average" rule. Degrees of freedom (degf of the subset design) are
 * respondents minus strata represented.
 *
 * Two passes over the data: the first sums W, sum w y and the counts for all
 * domains, the second sums z and z^2 per (domain, stratum) once the means are
 * known, which keeps the variance exact where a one-pass sum of squares
 * would cancel. Memory: domain_count * strata cells. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

typedef jarva__stratum_cell cell;

/* Checks the arrays and options before anything is summed. */
static int check_input(const jarva_survey_data *data, size_t domain_count,
                       const jarva__domain_moments *out, char *errbuf, size_t errlen)
{
    if (!data || !out)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "survey data or result is NULL");
    if (data->count && !data->value)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "survey data has no values");
    if (domain_count == 0 || domain_count > (size_t)INT32_MAX)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "domain count %zu out of range",
                                 domain_count);
    if (data->stratum && data->stratum_count == 0)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "strata given but stratum_count 0");
    size_t strata = data->stratum ? data->stratum_count : 1;
    if (strata > SIZE_MAX / sizeof(cell) / domain_count)
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "%zu domains x %zu strata",
                                 domain_count, strata);
    return JARVA_OK;
}

/* Pass 1: validation, counts, weight sums and weighted value sums. */
static int first_pass(const jarva_survey_data *data, const int *domain, size_t domain_count,
                      int binary, size_t strata, size_t *stratum_size, cell *cells,
                      jarva__domain_moments *out, char *errbuf, size_t errlen)
{
    for (size_t i = 0; i < data->count; i++) {
        size_t h = data->stratum ? data->stratum[i] : 0;
        if (h >= strata)
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "respondent %zu: stratum %zu is not below stratum_count %zu",
                                     i, h, strata);
        stratum_size[h]++;
        double w = data->weight ? data->weight[i] : 1.0;
        if (!(w > 0) || !isfinite(w))
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "respondent %zu: weight %g is not a positive number", i, w);
        int d = domain ? domain[i] : 0;
        if (d < -1 || (d >= 0 && (size_t)d >= domain_count))
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "respondent %zu: domain %d is neither -1 nor below %zu", i, d,
                                     domain_count);
        double y = data->value[i];
        if (d < 0 || isnan(y))
            continue;
        if (isinf(y) || (binary && y != 0 && y != 1))
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "respondent %zu: value %g is not %s", i, y,
                                     binary ? "0, 1 or missing (NaN)" : "a finite number or NaN");
        jarva__domain_moments *o = &out[d];
        o->n++;
        o->n_positive += y > 0;
        o->weight_sum += w;
        o->mean += w * y; /* the weighted sum until the pass ends */
        cells[(size_t)d * strata + h].valid++;
    }
    for (size_t d = 0; d < domain_count; d++)
        out[d].mean = out[d].n ? out[d].mean / out[d].weight_sum : 0;
    return JARVA_OK;
}

/* Pass 2: S1 and S2 of the linearised values per (domain, stratum). */
static void second_pass(const jarva_survey_data *data, const int *domain, size_t strata,
                        cell *cells, const jarva__domain_moments *out)
{
    for (size_t i = 0; i < data->count; i++) {
        int d = domain ? domain[i] : 0;
        double y = data->value[i];
        if (d < 0 || isnan(y))
            continue;
        size_t h = data->stratum ? data->stratum[i] : 0;
        double w = data->weight ? data->weight[i] : 1.0;
        double z = w * (y - out[d].mean) / out[d].weight_sum;
        cell *c = &cells[(size_t)d * strata + h];
        c->z_sum += z;
        c->z_sq += z * z;
    }
}

int jarva__survey_moments(const jarva_survey_data *data, const int *domain, size_t domain_count,
                          jarva_lonely_psu lonely, int binary, jarva__domain_moments *out,
                          char *errbuf, size_t errlen)
{
    int rc = check_input(data, domain_count, out, errbuf, errlen);
    if (rc)
        return rc;
    size_t strata = data->stratum ? data->stratum_count : 1;
    memset(out, 0, domain_count * sizeof *out);
    size_t *stratum_size = calloc(strata, sizeof *stratum_size);
    cell *cells = calloc(domain_count * strata, sizeof *cells);
    if (!stratum_size || !cells) {
        rc = jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory for %zu x %zu cells",
                               domain_count, strata);
        goto done;
    }
    rc = first_pass(data, domain, domain_count, binary, strata, stratum_size, cells, out, errbuf,
                    errlen);
    if (rc)
        goto done;
    second_pass(data, domain, strata, cells, out);
    for (size_t d = 0; d < domain_count && !rc; d++)
        rc = jarva__moments_combine(strata, stratum_size, cells + d * strata, lonely,
                                    data->stratum_names, &out[d], errbuf, errlen);
done:
    free(stratum_size);
    free(cells);
    return rc;
}
