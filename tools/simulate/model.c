/* model.c: the response models behind the simulated data. A share in a cell
 * (area x age group x sex, or organisation x role) is logistic(a + offset);
 * a 1-5 scale follows a cumulative logit (McCullagh 1980). The intercept a of
 * each year is solved by bisection so that the population value equals the
 * documented true value exactly: the truth is the parameter, not a by-product. */
#include <math.h>

#include "simulate.h"

double sim_logistic(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

static double population_share(const sim_cell *cells, size_t n, double a)
{
    double sum = 0, size = 0;
    for (size_t i = 0; i < n; i++) {
        sum += cells[i].size * sim_logistic(a + cells[i].offset);
        size += cells[i].size;
    }
    return sum / size;
}

/* The intercept a at which value(cells, n, a) reaches target. Both
 * population values rise with a (a shifts every cell's logit the same way):
 * bisect on [-20, 20], 200 halvings, far below double precision. */
static double solve_intercept(double (*value)(const sim_cell *, size_t, double),
                              const sim_cell *cells, size_t n, double target)
{
    double lo = -20, hi = 20;
    for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (lo + hi);
        if (value(cells, n, mid) < target)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

double sim_solve_share(const sim_cell *cells, size_t n, double share)
{
    return solve_intercept(population_share, cells, n, share);
}

/* Cut points of the 1-5 scale: with theta = 0 the answers are 10, 19, 36, 25
 * and 10 %, a mean of about 3.1. */
static const double cut[4] = { -2.2, -0.9, 0.6, 2.2 };

void sim_ordinal_probs(double theta, double p[5])
{
    double below = 0;
    for (int k = 0; k < 4; k++) {
        double le = sim_logistic(cut[k] - theta);
        p[k] = le - below;
        below = le;
    }
    p[4] = 1 - below;
}

static double population_mean(const sim_cell *cells, size_t n, double a)
{
    double sum = 0, size = 0;
    for (size_t i = 0; i < n; i++) {
        double p[5], mean = 0;
        sim_ordinal_probs(a + cells[i].offset, p);
        for (int k = 0; k < 5; k++)
            mean += (k + 1) * p[k];
        sum += cells[i].size * mean;
        size += cells[i].size;
    }
    return sum / size;
}

double sim_solve_mean(const sim_cell *cells, size_t n, double mean)
{
    return solve_intercept(population_mean, cells, n, mean);
}
