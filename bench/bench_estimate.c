/* bench_estimate.c: times jarva_estimate_proportions() and
 * jarva_estimate_means() on a large synthetic survey (run by hand, not by
 * ctest): 40 strata, 6 areas, unequal weights, 5 % missing answers, one call
 * computing every area's estimate. The engine's load is 20 indicators x 4
 * years of such calls. R's svyby(~y, ~area, design, svyciprop, method =
 * "logit") on the same shape of data is the yardstick (bench/speed.R).
 * Usage: bench_estimate [respondents [repetitions]]. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gsl/gsl_rng.h>

#include <jarva.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    int reps = argc > 2 ? atoi(argv[2]) : 20;
    if (n < 1 || reps < 1 || reps > 1000)
        return 2;
    double *pos = malloc(n * sizeof *pos), *scale = malloc(n * sizeof *scale);
    double *weight = malloc(n * sizeof *weight), *times = malloc((size_t)reps * sizeof *times);
    unsigned *stratum = malloc(n * sizeof *stratum);
    int *area = malloc(n * sizeof *area);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!pos || !scale || !weight || !times || !stratum || !area || !rng)
        return 1;
    for (size_t i = 0; i < n; i++) {
        stratum[i] = (unsigned)gsl_rng_uniform_int(rng, 40);
        area[i] = (int)gsl_rng_uniform_int(rng, 6);
        weight[i] = 20 + 180 * gsl_rng_uniform(rng);
        int missing = gsl_rng_uniform(rng) < 0.05;
        pos[i] = missing ? NAN : gsl_rng_uniform(rng) < 0.4;
        scale[i] = missing ? NAN : (double)(1 + gsl_rng_uniform_int(rng, 5));
    }
    jarva_survey_data data = { n, pos, weight, stratum, 40, NULL };
    jarva_estimate out[6] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                              JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
    char err[256];
    for (int kind = 0; kind < 2; kind++) {
        data.value = kind ? scale : pos;
        for (int r = 0; r < reps; r++) {
            double start = now();
            int rc = kind ? jarva_estimate_means(out, &data, area, 6, NULL, err, sizeof err)
                          : jarva_estimate_proportions(out, &data, area, 6, NULL, err, sizeof err);
            times[r] = now() - start;
            if (rc) {
                fprintf(stderr, "bench_estimate: %s\n", err);
                return 1;
            }
        }
        qsort(times, (size_t)reps, sizeof *times, compare);
        printf("%-11s %zu respondents, 6 areas in one call: median %.2f ms, min %.2f ms "
               "(area 1: %.4f [%.4f, %.4f])\n",
               kind ? "means" : "proportions", n, 1e3 * times[reps / 2], 1e3 * times[0],
               out[0].estimate, out[0].ci_low, out[0].ci_high);
    }
    gsl_rng_free(rng);
    free(pos);
    free(scale);
    free(weight);
    free(times);
    free(stratum);
    free(area);
    return 0;
}
