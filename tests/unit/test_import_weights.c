/* test_import_weights.c: the weights of an import kept in bounded memory
 * (import_design.c): the exact median by radix selection over weights read
 * back from the temporary file, with few kept in memory so that most are
 * spilled, against medians known by construction: a permutation of 1..n
 * (median (n + 1) / 2), all alike, and values one unit in the last place
 * apart, which only the last digit of the selection tells apart. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "import_design.h"

static double median_of(const double *values, size_t n, size_t in_memory)
{
    jarva__weights w;
    memset(&w, 0, sizeof w);
    w.capacity = in_memory;
    for (size_t i = 0; i < n; i++)
        CHECK_INT(jarva__weights_add(&w, values[i], (long)i + 2), 0);
    CHECK_INT((int)w.n, (int)n);
    CHECK(n <= in_memory || w.spill != NULL);
    double m = NAN;
    CHECK_INT(jarva__weights_median(&w, &m), 0);
    jarva__weights_free(&w);
    return m;
}

static double values[100001];

int main(void)
{
    /* 1..n in the order i * 7919 mod n (7919 is prime, n not a multiple). */
    for (size_t n = 100000; n <= 100001; n++) {
        for (size_t i = 0; i < n; i++)
            values[i] = (double)((i * 7919) % n + 1);
        double want = n % 2 ? (double)(n + 1) / 2 : (double)n / 2 + 0.5;
        CHECK(median_of(values, n, 1000) == want);
        CHECK(median_of(values, n, 200000) == want); /* all in memory */
    }
    /* All alike: every digit of the selection falls in one bucket. */
    for (size_t i = 0; i < 5000; i++)
        values[i] = 0.37;
    CHECK(median_of(values, 5000, 100) == 0.37);
    /* 1 + k ulp for k = 0..6, each 101 times, shuffled: the median is
     * 1 + 3 ulp, equal to its neighbours in every bit but the last two. */
    double ulp = ldexp(1, -52);
    for (size_t i = 0; i < 707; i++)
        values[i] = 1 + (double)((i * 13) % 7) * ulp;
    CHECK(median_of(values, 707, 50) == 1 + 3 * ulp);
    /* Even count, the two middle values far apart: their mean. */
    values[0] = 1e-300;
    values[1] = 1e300;
    CHECK(median_of(values, 2, 1) == 1e300 / 2 + 1e-300 / 2);
    /* Huge weights: halves first, no overflow. */
    values[0] = 1.5e308;
    values[1] = 1.7e308;
    CHECK(median_of(values, 2, 1) == 1.5e308 / 2 + 1.7e308 / 2);
    return test_report();
}
