/* estimate_file.c: jarva_adhoc_estimate(), the library half of `jarva
 * estimate`: one streaming pass over a survey CSV file turns each respondent
 * into an answer (1, 0 or missing), a weight, a stratum and a domain and adds
 * them to the sums per domain, stratum and answer (stats_sums.c); no array
 * per respondent is kept, so memory does not grow with the file. Domains are
 * the combinations of the by columns' values; see jarva/adhoc.h for the
 * rules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "estimate_file_parts.h"

typedef jarva__adhoc adhoc;
typedef jarva__adhoc_tally tally;

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t'))
        (*s)++, (*len)--;
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* ---- options and columns ---- */

static int check_options(adhoc *a, char *errbuf, size_t errlen)
{
    const jarva_adhoc_options *o = a->opts;
    if (!o)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no options given");
    if (o->version != JARVA_ADHOC_OPTIONS_VERSION)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "ad-hoc options version %u not supported (expected %d)",
                                 o->version, JARVA_ADHOC_OPTIONS_VERSION);
    int rc = jarva__estimate_options_check(&o->estimate, &a->estimate, errbuf, errlen);
    if (rc)
        return rc;
    if (!o->variable || !*o->variable)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no answer column given");
    if (o->by_count && !o->by)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "by_count %zu but no by columns",
                                 o->by_count);
    if (o->by_count > 64)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "%zu by columns (at most 64)",
                                 o->by_count);
    if ((unsigned)o->encoding > JARVA_ENCODING_UTF16BE)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "unknown encoding %d",
                                 (int)o->encoding);
    if (!o->positive || jarva__code_list_parse(&a->positive, o->positive))
        return jarva__errbuf_set(errbuf, errlen, o->positive ? JARVA_ENOMEM : JARVA_EINVAL,
                                 o->positive ? "out of memory" : "no positive codes given");
    if (a->positive.count == 0)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no positive codes in '%s'",
                                 o->positive);
    if (o->valid && jarva__code_list_parse(&a->valid, o->valid))
        return jarva__errbuf_set(errbuf, errlen, JARVA_ENOMEM, "out of memory");
    if (o->valid && *o->valid && a->valid.count == 0)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no valid codes in '%s'", o->valid);
    for (size_t i = 0; i < a->positive.count && a->valid.count; i++)
        if (!jarva__code_list_has(&a->valid, a->positive.codes[i], a->positive.lengths[i]))
            return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                     "positive code '%s' is not among the valid codes '%s'",
                                     a->positive.codes[i], o->valid);
    return JARVA_OK;
}

/* The header's index of a named column; an error naming the header if none. */
static int find_column(adhoc *a, const char *what, const char *name, int *col)
{
    *col = jarva__csv_column(a->all.csv, name);
    if (*col >= 0)
        return JARVA_OK;
    const jarva__csv_row *h = jarva__csv_header(a->all.csv);
    char list[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < h->nfields && used + 8 < sizeof list; i++) {
        int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                         h->fields[i] ? h->fields[i] : "");
        used += k > 0 ? (size_t)k : 0;
    }
    if (used >= sizeof list)
        memcpy(list + sizeof list - 4, "...", 4);
    return jarva__csv_error_at(a->all.csv, h->line, 0, &a->all.err, JARVA_EINVAL,
                               "no column '%s' (%s) in the header; it has: %s", name, what, list);
}

/* Only the columns read are split (jarva__csv_select). */
static int select_columns(adhoc *a)
{
    size_t nby = a->opts->by_count, n = 0;
    size_t *columns = malloc((nby + 3) * sizeof *columns);
    if (!columns)
        return jarva__seterr(&a->all.err, JARVA_ENOMEM, "out of memory");
    int used[3] = { a->var_col, a->weight_col, a->stratum_col };
    for (size_t k = 0; k < 3; k++)
        if (used[k] >= 0)
            columns[n++] = (size_t)used[k];
    for (size_t c = 0; c < nby; c++)
        columns[n++] = (size_t)a->by_col[c];
    int rc = jarva__csv_select(a->all.csv, columns, n);
    free(columns);
    return rc ? jarva__seterr(&a->all.err, rc, "out of memory") : JARVA_OK;
}

static int resolve_columns(adhoc *a)
{
    const jarva_adhoc_options *o = a->opts;
    int rc = find_column(a, "the answer", o->variable, &a->var_col);
    a->weight_col = a->stratum_col = -1;
    if (!rc && o->weight)
        rc = find_column(a, "the weight", o->weight, &a->weight_col);
    if (!rc && o->stratum)
        rc = find_column(a, "the strata", o->stratum, &a->stratum_col);
    for (size_t c = 0; c < o->by_count && !rc; c++) {
        rc = find_column(a, "a domain", o->by[c], &a->by_col[c]);
        for (size_t k = 0; k < c && !rc; k++)
            if (a->by_col[k] == a->by_col[c])
                rc = jarva__csv_error_at(a->all.csv, jarva__csv_header(a->all.csv)->line, 0,
                                         &a->all.err, JARVA_EINVAL,
                                         "column '%s' is given twice as a domain", o->by[c]);
    }
    return rc ? rc : select_columns(a);
}

/* ---- rows ---- */

static int is_blank_at(const char *s, size_t i)
{
    return s[i] == ' ' || s[i] == '\t';
}

/* A field's trimmed text, or NULL when it is missing or blank. The reader
 * has trimmed unquoted fields already; a quoted one may keep blanks. */
static inline const char *field(const jarva__csv_row *row, int col, size_t *len)
{
    if (col < 0 || (size_t)col >= row->nfields || !row->fields[col])
        return NULL;
    const char *s = row->fields[col];
    *len = row->lengths[col];
    if (*len && (is_blank_at(s, 0) || is_blank_at(s, *len - 1)))
        trim(&s, len);
    return *len ? s : NULL;
}

/* 1 positive, 0 valid, NaN missing (see jarva/adhoc.h). */
static double code_value(const adhoc *a, const char *code, size_t len)
{
    if (jarva__code_list_has(&a->positive, code, len))
        return 1;
    if (a->valid.count == 0 || jarva__code_list_has(&a->valid, code, len))
        return 0;
    return NAN;
}

/* The value of every one-byte code (nearly every survey answer: 1-5, 9),
 * looked up instead of searching both lists for each respondent. */
static void one_byte_values(adhoc *a)
{
    for (int b = 0; b < 256; b++) {
        char code = (char)b;
        a->one_byte[b] = code_value(a, &code, 1);
    }
}

static double answer_value(const adhoc *a, const jarva__csv_row *row)
{
    size_t len;
    const char *code = field(row, a->var_col, &len);
    if (!code)
        return NAN;
    return len == 1 ? a->one_byte[(unsigned char)code[0]] : code_value(a, code, len);
}

/* Powers of ten that a double holds exactly (5^22 < 2^53). */
static const double exact_powers[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

/* The weights of nearly every file: digits, optionally the decimal mark and
 * digits ("213,94"), 15 significant digits at most. Read here without the
 * general parser's copy and checks, to the same double it gives: Clinger's
 * fast path (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990), as jarva__parse_double takes for such a number:
 * the mantissa below 10^15 and 10^k (k <= 22) are exact doubles, so the one
 * division is correctly rounded. 0, or -1 for anything else (a sign,
 * spaces, grouping, an exponent: the general parser decides). */
static int simple_weight(const char *s, size_t len, char decimal, double *out)
{
    uint64_t mantissa = 0;
    size_t i = 0, significant = 0, digits = 0, frac = 0;
    int mark = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9) {
            if (s[i] != decimal || mark)
                return -1;
            mark = 1;
            continue;
        }
        digits++;
        frac += mark;
        if (significant == 0 && d == 0)
            continue;
        if (++significant > 15)
            return -1;
        mantissa = mantissa * 10 + d;
    }
    if (digits == 0 || frac > 22)
        return -1;
    *out = (double)mantissa / exact_powers[frac];
    return 0;
}

static int read_weight(const adhoc *a, tally *t, const jarva__csv_row *row, double *out)
{
    size_t len;
    const char *text = field(row, a->weight_col, &len);
    if (text && simple_weight(text, len, a->decimal, out) == 0 && *out > 0)
        return JARVA_OK;
    char copy[64];
    if (text && len < sizeof copy) {
        memcpy(copy, text, len);
        copy[len] = '\0';
        if (jarva__parse_double(copy, a->decimal, out) == 0 && *out > 0 && isfinite(*out))
            return JARVA_OK;
    }
    const char *shown = row->fields[a->weight_col] ? row->fields[a->weight_col] : "";
    char hint[160];
    jarva__csv_decimal_hint(t->csv, shown, hint, sizeof hint);
    return jarva__csv_field_error(t->csv, row, (size_t)a->weight_col, &t->err, JARVA_EFORMAT,
                                  "weight '%s' is not a positive number%s", shown,
                                  *hint               ? hint
                                  : a->decimal == ',' ? " (decimal comma)"
                                                      : "");
}

int jarva__adhoc_fit_stratum(tally *t, size_t h)
{
    if (h < t->stratum_cap)
        return 0;
    size_t cap = t->stratum_cap ? 2 * t->stratum_cap : 64;
    size_t *size = realloc(t->stratum_size, cap * sizeof *size);
    if (size)
        t->stratum_size = size;
    long *lines = realloc(t->stratum_line, cap * sizeof *lines);
    if (lines)
        t->stratum_line = lines;
    unsigned char *counts = realloc(t->stratum_first_counts, cap);
    if (counts)
        t->stratum_first_counts = counts;
    if (!size || !lines || !counts)
        return -1;
    memset(size + t->stratum_cap, 0, (cap - t->stratum_cap) * sizeof *size);
    t->stratum_cap = cap;
    return 0;
}

static int read_stratum(const adhoc *a, tally *t, const jarva__csv_row *row, unsigned *out)
{
    size_t len;
    const char *text = field(row, a->stratum_col, &len);
    if (!text)
        return jarva__csv_field_error(t->csv, row, (size_t)a->stratum_col, &t->err, JARVA_EFORMAT,
                                      "empty stratum");
    long id = jarva__adhoc_memo_add(&t->memos[0], &t->strata, text, len);
    if (id < 0 || jarva__adhoc_fit_stratum(t, (size_t)id))
        return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory");
    if (t->stratum_size[id] == 0)
        t->stratum_line[id] = jarva__csv_field_line(t->csv, row, (size_t)a->stratum_col);
    *out = (unsigned)id;
    return JARVA_OK;
}

/* Where a tuple of one or two by values with ids below 2^(DOMAIN_BITS / 2)
 * each (nearly every ad-hoc domain: an area by an age group) finds its
 * domain in t->domain_of, without hashing the tuple; -1 for other tuples. */
static long domain_slot(const tally *t, size_t nby)
{
    if (nby == 1)
        return t->tuple[0] < JARVA__ADHOC_DOMAIN_SLOTS ? (long)t->tuple[0] : -1;
    if (nby == 2 && t->tuple[0] < JARVA__ADHOC_DOMAIN_SIDE &&
        t->tuple[1] < JARVA__ADHOC_DOMAIN_SIDE)
        return (long)(t->tuple[0] * JARVA__ADHOC_DOMAIN_SIDE + t->tuple[1]);
    return -1;
}

/* The domain of a row: the id of its tuple of by values, -1 if one is empty. */
static int read_domain(const adhoc *a, tally *t, const jarva__csv_row *row, int *out)
{
    size_t nby = a->opts->by_count;
    *out = 0;
    if (nby == 0)
        return JARVA_OK;
    for (size_t c = 0; c < nby; c++) {
        size_t len;
        const char *text = field(row, a->by_col[c], &len);
        if (!text) {
            *out = -1;
            return JARVA_OK;
        }
        long id = jarva__adhoc_memo_add(&t->memos[1 + c], &t->by_values[c], text, len);
        if (id < 0)
            return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory");
        t->tuple[c] = (uint32_t)id;
    }
    long slot = domain_slot(t, nby);
    if (slot >= 0 && t->domain_of[slot]) {
        *out = (int)t->domain_of[slot] - 1;
        return JARVA_OK;
    }
    long id = jarva__keytab_add(&t->domains, t->tuple, nby * sizeof *t->tuple);
    if (id < 0)
        return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory");
    if (slot >= 0)
        t->domain_of[slot] = (uint32_t)id + 1;
    *out = (int)id;
    return JARVA_OK;
}

/* One respondent into the sums: stratum sizes count everyone (R's subset
 * keeps every stratum's n_h), the sums only valid answers in a domain. */
static int add_respondent(tally *t, double value, double weight, unsigned h, int domain)
{
    if (jarva__adhoc_fit_stratum(t, h))
        return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory");
    int counts = !isnan(value) && domain >= 0;
    if (t->stratum_size[h]++ == 0)
        t->stratum_first_counts[h] = (unsigned char)counts;
    if (counts) {
        t->valid_count++;
        if (jarva__sum_grid_add(&t->sums, (size_t)domain, h, value > 0, weight))
            return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory after %zu respondents",
                                 t->n);
    }
    t->n++;
    return JARVA_OK;
}

/* Every JARVA__ADHOC_POLL rows (see estimate_file_parts.h): 1 to stop. */
static int poll_part(tally *t, atomic_int *cancel, int first)
{
    if (first) {
        if (jarva__csv_split_lost(t->csv))
            atomic_store_explicit(cancel, 1, memory_order_relaxed);
        return 0;
    }
    return atomic_load_explicit(cancel, memory_order_relaxed);
}

int jarva__adhoc_read_rows(const adhoc *a, tally *t, atomic_int *cancel, int first)
{
    jarva__csv_row row;
    int got;
    while ((got = jarva__csv_next(t->csv, &row, &t->err)) == 1) {
        if (cancel && t->n % JARVA__ADHOC_POLL == 0 && poll_part(t, cancel, first))
            return JARVA__ADHOC_CANCELLED;
        double value = answer_value(a, &row), weight = 1;
        unsigned stratum = 0;
        int domain = 0;
        int rc = JARVA_OK;
        if (a->weight_col >= 0)
            rc = read_weight(a, t, &row, &weight);
        if (!rc && a->stratum_col >= 0)
            rc = read_stratum(a, t, &row, &stratum);
        if (!rc)
            rc = read_domain(a, t, &row, &domain);
        if (!rc)
            rc = add_respondent(t, value, weight, stratum, domain);
        if (rc)
            return rc;
    }
    return got < 0 ? got : JARVA_OK;
}

/* With JARVA_LONELY_PSU_FAIL: a stratum of one respondent who is in a domain
 * with a valid answer makes that domain's variance undefined (R's
 * survey.lonely.psu = "fail"). Reported here, where the respondent's line is
 * known, rather than by the estimator, which only knows the stratum. */
static int check_lonely(adhoc *a)
{
    tally *t = &a->all;
    if (a->estimate.lonely_psu != JARVA_LONELY_PSU_FAIL || t->n == 0)
        return JARVA_OK;
    if (a->stratum_col < 0) {
        if (t->n == 1 && t->stratum_first_counts[0])
            return jarva__csv_error_at(t->csv, 0, 0, &t->err, JARVA_ENUMERIC,
                                       "the file has a single respondent, so no variance can be "
                                       "estimated (a lonely PSU); choose a lonely-PSU rule");
        return JARVA_OK;
    }
    for (size_t h = 0; h < t->strata.count; h++)
        if (t->stratum_size[h] == 1 && t->stratum_first_counts[h])
            return jarva__csv_error_at(t->csv, t->stratum_line[h], (size_t)a->stratum_col + 1,
                                       &t->err, JARVA_ENUMERIC,
                                       "stratum '%s' has a single respondent (a lonely PSU), who "
                                       "has a valid answer, so the variance of their domain "
                                       "cannot be estimated; choose a lonely-PSU rule (adjust, "
                                       "remove, certainty or average)",
                                       t->strata.keys[h]);
    return JARVA_OK;
}

/* No respondent, or none in any domain: an error rather than a table of
 * nothing (issue 17: "every command that reads respondents says «no
 * respondents»"). */
static int check_respondents(adhoc *a)
{
    tally *t = &a->all;
    if (t->n == 0)
        return jarva__csv_error_at(t->csv, 0, 0, &t->err, JARVA_EFORMAT,
                                   "no respondents in the file (a header and no rows)");
    if (a->opts->by_count && t->domains.count == 0)
        return jarva__csv_error_at(t->csv, 0, 0, &t->err, JARVA_EFORMAT,
                                   "no respondents in any domain: every one of the %zu rows has "
                                   "an empty value in a --by column",
                                   t->n);
    return JARVA_OK;
}

/* ---- the whole ---- */

static int estimate_all(adhoc *a, jarva_adhoc_result *r)
{
    tally *t = &a->all;
    size_t nby = a->opts->by_count;
    size_t ndomains = nby ? t->domains.count : 1;
    jarva_estimate *estimates = calloc(ndomains ? ndomains : 1, sizeof *estimates);
    double *values = malloc((t->sums.values ? t->sums.values : 1) * sizeof *values);
    if (!estimates || !values) {
        free(estimates);
        free(values);
        return jarva__seterr(&t->err, JARVA_ENOMEM, "out of memory");
    }
    /* Answer 0: valid, not positive; 1: positive; the grid may have more. */
    for (size_t k = 0; k < t->sums.values; k++)
        values[k] = k < 2 ? (double)k : NAN;
    size_t strata = a->stratum_col >= 0 ? t->strata.count : (t->n ? 1 : 0);
    if (strata > t->sums.strata)
        strata = t->sums.strata; /* strata beyond hold no valid answer */
    const char *const *names = a->stratum_col >= 0 ? (const char *const *)t->strata.keys : NULL;
    char message[512];
    int rc = JARVA_OK;
    for (size_t d = 0; d < ndomains && !rc; d++) {
        jarva__domain_moments m = { 0 };
        if (d < t->sums.domains)
            rc = jarva__moments_from_sums(strata, t->stratum_size, t->sums.values, values,
                                          t->sums.cells + d * t->sums.strata * t->sums.values,
                                          a->estimate.lonely_psu, names, &m, message,
                                          sizeof message);
        if (rc)
            jarva__csv_error_at(t->csv, 0, 0, &t->err, rc, "%s", message);
        else
            jarva__estimate_from_moments(&m, &a->estimate, 1, &estimates[d]);
    }
    if (!rc)
        rc = jarva__adhoc_sort(r, t->by_values, &t->domains, estimates,
                               jarva__csv_dialect_used(t->csv)->decimal);
    if (rc == JARVA_ENOMEM)
        jarva__seterr(&t->err, rc, "out of memory");
    free(estimates);
    free(values);
    return rc;
}

static int by_names(adhoc *a, jarva_adhoc_result *r)
{
    size_t nby = a->opts->by_count;
    const jarva__csv_row *h = jarva__csv_header(a->all.csv);
    r->by_count = nby;
    r->by_names = calloc(nby ? nby : 1, sizeof *r->by_names);
    if (!r->by_names)
        return jarva__seterr(&a->all.err, JARVA_ENOMEM, "out of memory");
    for (size_t c = 0; c < nby; c++) {
        const char *name = h->fields[a->by_col[c]] ? h->fields[a->by_col[c]] : "";
        size_t len = strlen(name);
        trim(&name, &len);
        r->by_names[c] = jarva__strndup(name, len);
        if (!r->by_names[c])
            return jarva__seterr(&a->all.err, JARVA_ENOMEM, "out of memory");
    }
    return JARVA_OK;
}

int jarva__adhoc_tally_init(tally *t, size_t by_count)
{
    size_t n = by_count ? by_count : 1;
    t->by_values = calloc(n, sizeof *t->by_values);
    t->tuple = calloc(n, sizeof *t->tuple);
    t->domain_of = calloc(JARVA__ADHOC_DOMAIN_SLOTS, sizeof *t->domain_of);
    t->memos = calloc(1 + by_count, sizeof *t->memos);
    return t->by_values && t->tuple && t->domain_of && t->memos ? JARVA_OK : JARVA_ENOMEM;
}

void jarva__adhoc_tally_free(tally *t, size_t by_count)
{
    jarva__csv_close(t->csv);
    jarva__sum_grid_free(&t->sums);
    free(t->stratum_size);
    free(t->stratum_line);
    free(t->stratum_first_counts);
    jarva__keytab_free(&t->strata);
    for (size_t c = 0; t->by_values && c < by_count; c++)
        jarva__keytab_free(&t->by_values[c]);
    free(t->by_values);
    jarva__keytab_free(&t->domains);
    free(t->tuple);
    free(t->domain_of);
    free(t->memos);
    jarva__freeerr(&t->err);
    memset(t, 0, sizeof *t);
}

static int run(adhoc *a, const char *path, uint64_t split_hint, int *parts, jarva_adhoc_result *r)
{
    const jarva_adhoc_options *o = a->opts;
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    dialect.delimiter = o->delimiter;
    dialect.decimal = o->decimal;
    dialect.encoding = jarva__encoding_from_public(o->encoding);
    dialect.no_hash = 1; /* a tenth of the time, for a checksum no one reads */
    int rc = jarva__csv_open(&a->all.csv, path, &dialect, &a->all.err);
    if (rc)
        return rc;
    a->decimal = jarva__csv_dialect_used(a->all.csv)->decimal;
    a->by_col = calloc(o->by_count ? o->by_count : 1, sizeof *a->by_col);
    if (!a->by_col || jarva__adhoc_tally_init(&a->all, o->by_count))
        return jarva__seterr(&a->all.err, JARVA_ENOMEM, "out of memory");
    rc = resolve_columns(a);
    if (!rc)
        rc = by_names(a, r);
    if (!rc)
        rc = jarva__adhoc_read_file(a, split_hint, parts);
    if (!rc)
        rc = check_respondents(a);
    if (!rc)
        rc = check_lonely(a);
    if (!rc)
        rc = estimate_all(a, r);
    r->respondents = a->all.n;
    r->valid = a->all.valid_count;
    return rc;
}

int jarva__adhoc_estimate_parts(jarva_adhoc_result **out, const char *path,
                                const jarva_adhoc_options *opts, uint64_t split_hint, int *parts,
                                char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    if (parts)
        *parts = 1;
    if (!out)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "result pointer is NULL");
    *out = NULL;
    if (!path)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no file name given");
    adhoc a;
    memset(&a, 0, sizeof a);
    a.opts = opts;
    int rc = check_options(&a, errbuf, errlen);
    jarva_adhoc_result *r = NULL;
    if (!rc) {
        one_byte_values(&a);
        r = calloc(1, sizeof *r);
        int ignored;
        rc = r ? run(&a, path, split_hint, parts ? parts : &ignored, r)
               : jarva__seterr(&a.all.err, JARVA_ENOMEM, "out of memory");
        if (rc)
            jarva__errbuf_set(errbuf, errlen, rc, "%s",
                              a.all.err.message ? a.all.err.message : jarva_strerror(rc));
    }
    if (rc)
        jarva_adhoc_result_free(r);
    else
        *out = r;
    jarva__code_list_free(&a.positive);
    jarva__code_list_free(&a.valid);
    free(a.by_col);
    jarva__adhoc_tally_free(&a.all, opts ? opts->by_count : 0);
    return rc;
}

int jarva_adhoc_estimate(jarva_adhoc_result **out, const char *path,
                         const jarva_adhoc_options *opts, char *errbuf, size_t errlen)
{
    return jarva__adhoc_estimate_parts(out, path, opts, 0, NULL, errbuf, errlen);
}
