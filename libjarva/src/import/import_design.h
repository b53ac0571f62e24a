/* import_design.h: the checks of a survey file's design as a whole, which no
 * single row can tell: weights far from the file's median or adding up to
 * infinity, and strata of a single respondent (a lonely PSU: its variance is
 * undefined, so compute needs a rule for it). import_survey.c feeds every row
 * and asks after the last. */
#ifndef JARVA_IMPORT_DESIGN_H
#define JARVA_IMPORT_DESIGN_H

#include <stddef.h>
#include <stdint.h>

#include "import_internal.h"

/* The default factor: a weight more than 1000 times the median, or less than
 * a thousandth of it, is taken for an error. Calibrated weights of real
 * surveys stay within a factor of about 10-50 of each other (trimming at 5 or
 * so times the median is common); 1000 leaves room for any honest design and
 * catches a misplaced decimal mark, a population total in the weight column
 * or an overflow like 1e308. */
#define JARVA__WEIGHT_FACTOR_DEFAULT 1000.0

typedef struct jarva__weights {
    double *values;  /* in file order */
    uint32_t *lines; /* the line of each */
    size_t n, cap;
    double sum, min, max;
    long overflow_line; /* where the sum first became infinite; 0: never */
} jarva__weights;

/* Adds a valid (finite, positive) weight: 0, or -1 out of memory. */
int jarva__weights_add(jarva__weights *w, double value, long line);
/* After the last row: an error (column col of imp's reader) for the line
 * where the sum overflows and, unless accept, for every weight more than
 * factor (<= 1: the default) from the median; *ratio = max / min (0 without
 * weights), *extreme the number of weights beyond the factor. 0, or -1 out
 * of memory. */
int jarva__weights_check(jarva__weights *w, jarva__import *imp, int col, double factor, int accept,
                         double *ratio, int64_t *extreme);
void jarva__weights_free(jarva__weights *w);

/* Respondents per stratum. */
typedef struct jarva__strata jarva__strata;
int jarva__strata_open(jarva__strata **out);
/* Counts a respondent of stratum s[0..len) (not NUL-terminated): 0 or -1. */
int jarva__strata_add(jarva__strata *st, const char *s, size_t len);
/* The strata with a single respondent: their number, and the first in file
 * order written to first (size bytes, cut with "..." when longer). */
int64_t jarva__strata_lonely(const jarva__strata *st, char *first, size_t size);
void jarva__strata_free(jarva__strata *st);

#endif /* JARVA_IMPORT_DESIGN_H */
