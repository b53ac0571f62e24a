/* stats_adjust.c: figures for planning and for many comparisons at once:
 * Benjamini-Hochberg adjusted p-values over a family of changes, and the
 * minimum detectable change of the next survey wave. */
#include <math.h>
#include <stdlib.h>

#include "stats.h"

typedef struct ranked {
    double p;
    size_t index;
} ranked;

static int by_p(const void *a, const void *b)
{
    double x = ((const ranked *)a)->p, y = ((const ranked *)b)->p;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* Benjamini & Hochberg (1995, JRSS B 57:289): with the m p-values sorted,
 * p_(1) <= ... <= p_(m), the adjusted value of p_(i) is
 * min_{j >= i} min(1, m p_(j) / j), R p.adjust(p, method = "BH"). It controls
 * the expected share of false discoveries among the changes called
 * significant, which is what a table of 30 indicators x 7 areas needs. */
int jarva_p_adjust_bh(double *adjusted, const double *p, size_t n)
{
    if (n && (!p || !adjusted))
        return JARVA_EINVAL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(p[i]))
            continue;
        if (!(p[i] >= 0 && p[i] <= 1))
            return JARVA_EINVAL;
        m++;
    }
    ranked *r = malloc((m ? m : 1) * sizeof *r);
    if (!r)
        return JARVA_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i]))
            r[k++] = (ranked){ p[i], i };
    qsort(r, m, sizeof *r, by_p);
    double running = 1;
    for (size_t j = m; j-- > 0;) {
        double v = (double)m * r[j].p / (double)(j + 1);
        if (v < running)
            running = v;
        r[j].p = running;
    }
    for (size_t i = 0; i < n; i++)
        if (isnan(p[i]))
            adjusted[i] = NAN;
    for (size_t j = 0; j < m; j++)
        adjusted[r[j].index] = r[j].p;
    free(r);
    return JARVA_OK;
}

/* Two independent waves with the same se: the difference has se sqrt(2) se,
 * and a two-sided test at alpha detects a true change delta with the given
 * power when delta >= (z_{1-alpha/2} + z_{power}) sqrt(2) se (the normal
 * approximation; e.g. Cohen 1988, ch. 12; 2.80 sqrt(2) = 3.96 se at 5 % and
 * 80 %). */
double jarva_minimum_detectable_change(double se, double alpha, double power)
{
    jarva_global_init();
    if (!(se >= 0) || !isfinite(se) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1))
        return NAN;
    return (jarva__normal_quantile(1 - alpha / 2) + jarva__normal_quantile(power)) *
           1.41421356237309504880 * se;
}
