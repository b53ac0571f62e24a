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

/* The weights of a file with their lines, for the median and the check
 * after the last row. Memory is bounded: JARVA__WEIGHTS_IN_MEMORY at most,
 * the rest in a temporary file (removed when closed), read back in passes
 * for an exact median by radix selection (see import_design.c). */
#define JARVA__WEIGHTS_IN_MEMORY 65536

typedef struct jarva__weight_entry {
    double value;
    uint32_t line;
} jarva__weight_entry;

typedef struct jarva__weights {
    jarva__weight_entry *buffer; /* the latest, after those in spill */
    size_t buffered, capacity;   /* capacity 0: JARVA__WEIGHTS_IN_MEMORY */
    void *spill;                 /* FILE *: the earlier ones, in file order */
    uint32_t *histogram;         /* counts by the value's top 16 bits */
    size_t n;
    double sum, min, max;
    long overflow_line; /* where the sum first became infinite; 0: never */
} jarva__weights;

/* Adds a valid (finite, positive) weight: 0, -1 out of memory, -2 the
 * temporary file cannot be written (errno tells why). */
int jarva__weights_add(jarva__weights *w, double value, long line);
/* The median (the mean of the two middle values for an even count), exact:
 * 0, or -1/-2 as above; NaN without weights. */
int jarva__weights_median(jarva__weights *w, double *out);
/* After the last row: an error (column col of imp's reader) for the line
 * where the sum overflows and, unless accept, for every weight more than
 * factor (<= 1: the default) from the median, in file order; *ratio = max /
 * min (0 without weights), *extreme the number of weights beyond the factor.
 * 0, or -1/-2 as above. */
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
