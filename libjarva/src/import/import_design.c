/* import_design.c: weights checked against the file's median and for a sum
 * that overflows; respondents counted per stratum (see import_design.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_design.h"

/* ---- weights ---- */

int jarva__weights_add(jarva__weights *w, double value, long line)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 1024;
        double *values = realloc(w->values, cap * sizeof *values);
        if (values)
            w->values = values;
        uint32_t *lines = realloc(w->lines, cap * sizeof *lines);
        if (lines)
            w->lines = lines;
        if (!values || !lines)
            return -1;
        w->cap = cap;
    }
    if (w->n == 0 || value < w->min)
        w->min = value;
    if (w->n == 0 || value > w->max)
        w->max = value;
    w->values[w->n] = value;
    /* Lines fit: a file is at most a few GiB (input_file.h). */
    w->lines[w->n] = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
    w->n++;
    w->sum += value;
    if (!isfinite(w->sum) && !w->overflow_line)
        w->overflow_line = line;
    return 0;
}

static int by_value(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* The median (the mean of the two middle values for an even count). A
 * sorted copy: O(n log n), some 0.1 s for a million weights, small beside
 * the import of a million rows. */
static int median(const jarva__weights *w, double *out)
{
    double *sorted = malloc(w->n * sizeof *sorted);
    if (!sorted)
        return -1;
    memcpy(sorted, w->values, w->n * sizeof *sorted);
    qsort(sorted, w->n, sizeof *sorted, by_value);
    size_t mid = w->n / 2;
    /* Halves first: the mean of two huge weights must not overflow. */
    *out = w->n % 2 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
    free(sorted);
    return 0;
}

int jarva__weights_check(jarva__weights *w, jarva__import *imp, int col, double factor, int accept,
                         double *ratio, int64_t *extreme)
{
    *ratio = 0;
    *extreme = 0;
    if (w->n == 0)
        return 0;
    *ratio = w->max / w->min; /* both finite and positive */
    if (w->overflow_line)
        jarva__import_error(&imp->errors, imp->reader, w->overflow_line, col,
                            "the weights add up to more than the largest number there is "
                            "(%g) from this row on: they cannot be real weights",
                            1.7976931348623157e308);
    if (!(factor > 1))
        factor = JARVA__WEIGHT_FACTOR_DEFAULT;
    double mid;
    if (median(w, &mid))
        return -1;
    for (size_t i = 0; i < w->n; i++) {
        double v = w->values[i];
        /* Compared by division, never multiplication: factor * median may
         * overflow where v / median does not. */
        double times = v >= mid ? v / mid : mid / v;
        if (!(times > factor))
            continue;
        (*extreme)++;
        if (accept || imp->errors.count >= JARVA__IMPORT_ERROR_LIMIT)
            continue;
        char how[64];
        if (times < 1e9)
            snprintf(how, sizeof how, v >= mid ? "%.0f times" : "1/%.0f of", times);
        else
            snprintf(how, sizeof how, v >= mid ? "%.3g times" : "1/%.3g of", times);
        jarva__import_error(&imp->errors, imp->reader, (long)w->lines[i], col,
                            "weight %g is %s the file's median weight %g (beyond a factor of "
                            "%g it is taken for an error); if it is right, import with "
                            "--accept-extreme-weights",
                            v, how, mid, factor);
    }
    return 0;
}

void jarva__weights_free(jarva__weights *w)
{
    free(w->values);
    free(w->lines);
    memset(w, 0, sizeof *w);
}

/* ---- strata ---- */

typedef struct stratum {
    char *name;
    size_t len;
    int64_t count;
    size_t order; /* first seen: the n-th stratum */
    struct stratum *next;
} stratum;

struct jarva__strata {
    stratum **buckets;
    size_t nbuckets, count;
    /* The last stratum looked up: files are often sorted by stratum. */
    stratum *last;
};

int jarva__strata_open(jarva__strata **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return -1;
    (*out)->nbuckets = 256;
    (*out)->buckets = calloc(256, sizeof *(*out)->buckets);
    if (!(*out)->buckets) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* FNV-1a, 64 bits. */
static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
    return h;
}

static int grow(jarva__strata *st)
{
    size_t n = st->nbuckets * 2;
    stratum **buckets = calloc(n, sizeof *buckets);
    if (!buckets)
        return -1;
    for (size_t b = 0; b < st->nbuckets; b++)
        for (stratum *s = st->buckets[b], *next; s; s = next) {
            next = s->next;
            size_t k = hash(s->name, s->len) & (n - 1);
            s->next = buckets[k];
            buckets[k] = s;
        }
    free(st->buckets);
    st->buckets = buckets;
    st->nbuckets = n;
    return 0;
}

int jarva__strata_add(jarva__strata *st, const char *s, size_t len)
{
    if (st->last && st->last->len == len && !memcmp(st->last->name, s, len)) {
        st->last->count++;
        return 0;
    }
    size_t k = hash(s, len) & (st->nbuckets - 1);
    for (stratum *e = st->buckets[k]; e; e = e->next)
        if (e->len == len && !memcmp(e->name, s, len)) {
            e->count++;
            st->last = e;
            return 0;
        }
    stratum *e = malloc(sizeof *e);
    char *name = malloc(len + 1);
    if (!e || !name) {
        free(e);
        free(name);
        return -1;
    }
    memcpy(name, s, len);
    name[len] = '\0';
    e->name = name;
    e->len = len;
    e->count = 1;
    e->order = st->count++;
    e->next = st->buckets[k];
    st->buckets[k] = e;
    st->last = e;
    if (st->count > 2 * st->nbuckets && grow(st) != 0)
        return -1;
    return 0;
}

int64_t jarva__strata_lonely(const jarva__strata *st, char *first, size_t size)
{
    int64_t lonely = 0;
    const stratum *earliest = NULL;
    for (size_t b = 0; b < st->nbuckets; b++)
        for (const stratum *e = st->buckets[b]; e; e = e->next)
            if (e->count == 1) {
                lonely++;
                if (!earliest || e->order < earliest->order)
                    earliest = e;
            }
    if (size > 0) {
        first[0] = '\0';
        if (earliest && earliest->len < size)
            memcpy(first, earliest->name, earliest->len + 1);
        else if (earliest && size > 4) {
            size_t cut = size - 4; /* not inside a UTF-8 character */
            while (cut > 0 && ((unsigned char)earliest->name[cut] & 0xC0) == 0x80)
                cut--;
            snprintf(first, size, "%.*s...", (int)cut, earliest->name);
        }
    }
    return lonely;
}

void jarva__strata_free(jarva__strata *st)
{
    if (!st)
        return;
    for (size_t b = 0; b < st->nbuckets; b++)
        for (stratum *e = st->buckets[b], *next; e; e = next) {
            next = e->next;
            free(e->name);
            free(e);
        }
    free(st->buckets);
    free(st);
}
