/* import_design.c: weights checked against the file's median and for a sum
 * that overflows; respondents counted per stratum (see import_design.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_design.h"

/* ---- weights ---- */

/* Positive doubles order as their bit patterns do (IEEE 754: exponent above
 * fraction), so the median is found digit by digit of the pattern: a
 * histogram of the top 16 bits (kept while the rows are read) tells which
 * bucket holds the middle rank, a pass over the stored weights counts the
 * next 16 bits of those in that bucket, and so on: at most three passes more
 * for 63 bits, with 256 KiB of counts, whatever the number of weights (radix
 * selection; D. E. Knuth, TAOCP vol. 3, 5.2.5 and 5.3.3). */
#define DIGIT_BITS 16
#define DIGITS (1u << DIGIT_BITS)

static uint64_t bits_of(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits; /* sign 0: the value is positive */
}

/* Digit d (0: the top one) of a positive double's 63 bits below the sign. */
static unsigned digit(uint64_t bits, int d)
{
    int shift = 63 - DIGIT_BITS * (d + 1);
    return shift >= 0 ? (unsigned)(bits >> shift) & (DIGITS - 1)
                      : (unsigned)(bits << -shift) & (DIGITS - 1);
}

static size_t capacity(const jarva__weights *w)
{
    return w->capacity ? w->capacity : JARVA__WEIGHTS_IN_MEMORY;
}

/* The buffer appended to the temporary file: 0, or -1/-2. */
static int spill(jarva__weights *w)
{
    if (!w->spill && !(w->spill = tmpfile()))
        return -2;
    if (fwrite(w->buffer, sizeof *w->buffer, w->buffered, w->spill) != w->buffered)
        return -2;
    w->buffered = 0;
    return 0;
}

int jarva__weights_add(jarva__weights *w, double value, long line)
{
    if (!w->buffer) {
        w->buffer = malloc(capacity(w) * sizeof *w->buffer);
        w->histogram = calloc(DIGITS, sizeof *w->histogram);
        if (!w->buffer || !w->histogram)
            return -1;
    }
    if (w->buffered == capacity(w)) {
        int rc = spill(w);
        if (rc)
            return rc;
    }
    if (w->n == 0 || value < w->min)
        w->min = value;
    if (w->n == 0 || value > w->max)
        w->max = value;
    /* Lines fit: a file is at most a few GiB (input_file.h). */
    w->buffer[w->buffered].value = value;
    w->buffer[w->buffered++].line = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
    w->histogram[digit(bits_of(value), 0)]++;
    w->n++;
    w->sum += value;
    if (!isfinite(w->sum) && !w->overflow_line)
        w->overflow_line = line;
    return 0;
}

/* Calls each for every weight in file order, the spilled ones read back in
 * chunks into scratch (capacity entries). 0, or -2. */
static int each_weight(jarva__weights *w, jarva__weight_entry *scratch,
                       void (*each)(void *ctx, const jarva__weight_entry *e), void *ctx)
{
    if (w->spill) {
        FILE *f = w->spill;
        if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
            return -2;
        size_t got;
        while ((got = fread(scratch, sizeof *scratch, capacity(w), f)) > 0)
            for (size_t i = 0; i < got; i++)
                each(ctx, &scratch[i]);
        if (ferror(f) || fseek(f, 0, SEEK_END) != 0)
            return -2;
    }
    for (size_t i = 0; i < w->buffered; i++)
        each(ctx, &w->buffer[i]);
    return 0;
}

typedef struct selection {
    uint64_t prefix; /* the digits chosen so far, as bits from the top */
    int digits;      /* how many */
    uint32_t *counts;
} selection;

static void count_digit(void *ctx, const jarva__weight_entry *e)
{
    selection *s = ctx;
    uint64_t bits = bits_of(e->value);
    int known = DIGIT_BITS * s->digits;
    if (known == 0 || bits >> (63 - known) == s->prefix)
        s->counts[digit(bits, s->digits)]++;
}

/* The weight of rank k (0-based, in ascending order). 0, or -1/-2. */
static int select_rank(jarva__weights *w, size_t k, jarva__weight_entry *scratch, double *out)
{
    uint32_t *counts = malloc(DIGITS * sizeof *counts);
    if (!counts)
        return -1;
    memcpy(counts, w->histogram, DIGITS * sizeof *counts);
    selection s = { 0, 0, counts };
    uint64_t rank = k; /* within the weights that have the prefix */
    for (int d = 0;; d++) {
        if (d > 0) {
            memset(counts, 0, DIGITS * sizeof *counts);
            int rc = each_weight(w, scratch, count_digit, &s);
            if (rc) {
                free(counts);
                return rc;
            }
        }
        unsigned b = 0;
        while (rank >= counts[b])
            rank -= counts[b++];
        int bits = 63 - DIGIT_BITS * (d + 1) >= 0 ? DIGIT_BITS : 63 - DIGIT_BITS * d;
        s.prefix = s.prefix << bits | (b >> (DIGIT_BITS - bits));
        s.digits = d + 1;
        if (DIGIT_BITS * s.digits >= 63)
            break;
    }
    free(counts);
    uint64_t bits = s.prefix; /* all 63 bits below the sign */
    memcpy(out, &bits, sizeof *out);
    return 0;
}

int jarva__weights_median(jarva__weights *w, double *out)
{
    *out = NAN;
    if (w->n == 0)
        return 0;
    jarva__weight_entry *scratch = w->spill ? malloc(capacity(w) * sizeof *scratch) : NULL;
    if (w->spill && !scratch)
        return -1;
    double low, high;
    size_t mid = w->n / 2;
    int rc = select_rank(w, w->n % 2 ? mid : mid - 1, scratch, &low);
    high = low;
    if (!rc && w->n % 2 == 0)
        rc = select_rank(w, mid, scratch, &high);
    free(scratch);
    /* Halves first: the mean of two huge weights must not overflow. */
    if (!rc)
        *out = w->n % 2 ? low : low / 2 + high / 2;
    return rc;
}

typedef struct extremes {
    jarva__import *imp;
    int col, accept;
    double factor, mid;
    int64_t count;
} extremes;

static void check_extreme(void *ctx, const jarva__weight_entry *e)
{
    extremes *x = ctx;
    double v = e->value, mid = x->mid;
    /* Compared by division, never multiplication: factor * median may
     * overflow where v / median does not. */
    double times = v >= mid ? v / mid : mid / v;
    if (!(times > x->factor))
        return;
    x->count++;
    if (x->accept || x->imp->errors.count >= JARVA__IMPORT_ERROR_LIMIT)
        return;
    char how[64];
    if (times < 1e9)
        snprintf(how, sizeof how, v >= mid ? "%.0f times" : "1/%.0f of", times);
    else
        snprintf(how, sizeof how, v >= mid ? "%.3g times" : "1/%.3g of", times);
    jarva__import_error(&x->imp->errors, x->imp->reader, (long)e->line, x->col,
                        "weight %g is %s the file's median weight %g (beyond a factor of "
                        "%g it is taken for an error); if it is right, import with "
                        "--accept-extreme-weights",
                        v, how, mid, x->factor);
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
    extremes x = { imp, col, accept, factor > 1 ? factor : JARVA__WEIGHT_FACTOR_DEFAULT, 0, 0 };
    int rc = jarva__weights_median(w, &x.mid);
    if (rc)
        return rc;
    jarva__weight_entry *scratch = w->spill ? malloc(capacity(w) * sizeof *scratch) : NULL;
    if (w->spill && !scratch)
        return -1;
    rc = each_weight(w, scratch, check_extreme, &x);
    free(scratch);
    *extreme = x.count;
    return rc;
}

void jarva__weights_free(jarva__weights *w)
{
    if (w->spill)
        fclose(w->spill);
    free(w->buffer);
    free(w->histogram);
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
