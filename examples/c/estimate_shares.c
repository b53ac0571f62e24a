/* estimate_shares.c: the statistics core without a database: the share of
 * positive answers in two domains of a small stratified, weighted sample,
 * with its design-based 95 % confidence interval (as R's svyciprop).
 * Build: cc estimate_shares.c $(pkg-config --cflags --libs jarva) */
#include <math.h>
#include <stdio.h>

#include <jarva.h>

int main(void)
{
    /* Ten respondents in two strata: 1 = positive, 0 = not, NaN = no valid answer. */
    const double value[] = { 1, 0, 1, 1, NAN, 0, 1, 0, 0, 1 };
    const double weight[] = { 1.5, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 2 };
    const unsigned stratum[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };
    const int domain[] = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 }; /* e.g. women and men */

    jarva_survey_data data = { 0 };
    data.count = sizeof value / sizeof value[0];
    data.value = value;
    data.weight = weight;
    data.stratum = stratum;
    data.stratum_count = 2;

    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.min_n = 1; /* a toy sample: publish everything */
    opts.min_cell = 0;

    jarva_estimate est[2] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
    char err[256];
    int rc = jarva_estimate_proportions(est, &data, domain, 2, &opts, err, sizeof err);
    if (rc != JARVA_OK) {
        fprintf(stderr, "%s: %s\n", jarva_strerror(rc), err);
        return 1;
    }
    for (int d = 0; d < 2; d++)
        printf("domain %d: n=%zu share=%.6f se=%.6f ci=[%.6f, %.6f]\n", d, est[d].n,
               est[d].estimate, est[d].se, est[d].ci_low, est[d].ci_high);
    return 0;
}
