/* coverage.c: a coverage simulation of libjarva's survey intervals (run by
 * bench/coverage.sh, not by ctest). It draws many stratified samples from a
 * population whose share is known, computes each interval with
 * jarva_estimate_proportions(), and counts how often the interval covers the
 * true share: a 95 % interval should do so in about 95 % of the samples.
 *
 * Population: 8 strata with population shares W_h and true shares p_h; a
 * domain (an "area") holds a stratum-dependent fraction pi_h of each stratum
 * with its own shares q_h. Each sample draws n_h respondents per stratum with
 * replacement (unequal allocation, so unequal weights W_h N / n_h), matching
 * the with-replacement design the variance assumes. True shares:
 *   whole population: P = sum_h W_h p_h,
 *   domain:           Q = sum_h W_h pi_h q_h / sum_h W_h pi_h.
 * Usage: coverage [replicates [seed]]. Prints one line per method and
 * population part: coverage in %, mean width, share of samples with no
 * interval. */
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include <jarva.h>

#define STRATA 8

static const double pop_share[STRATA] = { 0.20, 0.15, 0.15, 0.10, 0.10, 0.10, 0.10, 0.10 };
static const double true_p[STRATA] = { 0.25, 0.30, 0.35, 0.40, 0.20, 0.50, 0.30, 0.45 };
static const unsigned sample_n[STRATA] = { 60, 150, 90, 200, 80, 120, 160, 140 };
static const double domain_frac[STRATA] = { 0.30, 0.10, 0.25, 0.15, 0.40, 0.05, 0.20, 0.30 };
static const double domain_q[STRATA] = { 0.35, 0.40, 0.30, 0.50, 0.25, 0.60, 0.40, 0.55 };

static const jarva_ci_method methods[] = { JARVA_CI_LOGIT, JARVA_CI_BETA, JARVA_CI_MEAN,
                                           JARVA_CI_WILSON, JARVA_CI_CLOPPER_PEARSON };
static const char *const method_names[] = { "logit", "beta", "mean", "wilson", "clopper-pearson" };

int main(int argc, char **argv)
{
    long replicates = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
    unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 10) : 20240501UL;
    if (replicates < 1)
        return 2;
    jarva_global_init();
    size_t n = 0;
    for (int h = 0; h < STRATA; h++)
        n += sample_n[h];
    double truth_all = 0, domain_pop = 0, domain_pos = 0, domain_n = 0;
    for (int h = 0; h < STRATA; h++) {
        domain_n += sample_n[h] * domain_frac[h];
        truth_all += pop_share[h] * true_p[h];
        domain_pop += pop_share[h] * domain_frac[h];
        domain_pos += pop_share[h] * domain_frac[h] * domain_q[h];
    }
    double truth[2] = { truth_all, domain_pos / domain_pop };

    double *value = malloc(n * sizeof *value), *weight = malloc(n * sizeof *weight);
    unsigned *stratum = malloc(n * sizeof *stratum);
    int *domain = malloc(n * sizeof *domain);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!value || !weight || !stratum || !domain || !rng)
        return 1;
    gsl_rng_set(rng, seed);
    /* covered[method][part], width sums, samples without interval */
    long covered[5][2] = { { 0 } }, no_ci[5][2] = { { 0 } };
    double width[5][2] = { { 0 } };
    for (long r = 0; r < replicates; r++) {
        size_t i = 0;
        for (int h = 0; h < STRATA; h++)
            for (unsigned k = 0; k < sample_n[h]; k++, i++) {
                int in_domain = gsl_rng_uniform(rng) < domain_frac[h];
                double p = in_domain
                               ? domain_q[h]
                               : (true_p[h] - domain_frac[h] * domain_q[h]) / (1 - domain_frac[h]);
                value[i] = gsl_rng_uniform(rng) < p ? 1 : 0;
                weight[i] = pop_share[h] * 1e6 / sample_n[h];
                stratum[i] = (unsigned)h;
                domain[i] = in_domain;
            }
        /* Domain 0 is "not in the area", 1 the area; the whole population is
         * a separate call with every respondent in domain 0. */
        jarva_survey_data data = { n, value, weight, stratum, STRATA, NULL };
        for (int m = 0; m < 5; m++) {
            jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
            opts.method = methods[m];
            jarva_estimate all = JARVA_ESTIMATE_INIT,
                           parts[2] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
            char err[256];
            if (jarva_estimate_proportions(&all, &data, NULL, 1, &opts, err, sizeof err) ||
                jarva_estimate_proportions(parts, &data, domain, 2, &opts, err, sizeof err)) {
                fprintf(stderr, "coverage: %s\n", err);
                return 1;
            }
            const jarva_estimate *e[2] = { &all, &parts[1] };
            for (int part = 0; part < 2; part++) {
                if (e[part]->flags & JARVA_EST_NO_CI) {
                    no_ci[m][part]++;
                    continue;
                }
                covered[m][part] +=
                    e[part]->ci_low <= truth[part] && truth[part] <= e[part]->ci_high;
                width[m][part] += e[part]->ci_high - e[part]->ci_low;
            }
        }
    }
    /* The within-stratum shares outside the domain must be valid shares. */
    for (int h = 0; h < STRATA; h++) {
        double rest = (true_p[h] - domain_frac[h] * domain_q[h]) / (1 - domain_frac[h]);
        if (rest < 0 || rest > 1)
            return 2;
    }
    printf("replicates %ld, n %zu, true share %.4f (all), %.4f (domain, about %.0f respondents)\n",
           replicates, n, truth[0], truth[1], domain_n);
    printf("%-16s %-6s %9s %9s %7s\n", "method", "part", "coverage", "width", "no-ci");
    for (int m = 0; m < 5; m++)
        for (int part = 0; part < 2; part++) {
            long with_ci = replicates - no_ci[m][part];
            printf("%-16s %-6s %8.2f%% %9.4f %7ld\n", method_names[m], part ? "domain" : "all",
                   with_ci ? 100.0 * (double)covered[m][part] / (double)with_ci : 0,
                   with_ci ? width[m][part] / (double)with_ci : 0, no_ci[m][part]);
        }
    gsl_rng_free(rng);
    free(value);
    free(weight);
    free(stratum);
    free(domain);
    return 0;
}
