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

#include "csv_reader.h"
#include "estimate_file_internal.h"
#include "stats.h"

typedef struct adhoc {
    const jarva_adhoc_options *opts;
    jarva_estimate_options estimate;
    jarva__csv_reader *csv;
    jarva__error err;
    char decimal;
    int var_col, weight_col, stratum_col;
    int *by_col;
    jarva__code_list positive, valid;
    size_t n; /* respondents */
    size_t valid_count;
    /* Sums per (domain, stratum, answer 0 or 1). */
    jarva__sum_grid sums;
    /* Strata, with per stratum its respondents, the line of its first one (for
     * messages) and whether that one has a valid answer in a domain (what
     * makes a lonely stratum matter). Without a strata column, one stratum. */
    jarva__keytab strata;
    size_t *stratum_size;
    long *stratum_line;
    unsigned char *stratum_first_counts;
    size_t stratum_cap;
    jarva__keytab *by_values; /* one per by column */
    jarva__keytab domains;    /* tuples of by value ids */
    uint32_t *tuple;
    uint32_t *domain_of; /* DOMAIN_SLOTS: 1 + a domain's id, 0 unknown (domain_slot) */
} adhoc;

#define DOMAIN_SIDE 64
#define DOMAIN_SLOTS (DOMAIN_SIDE * DOMAIN_SIDE)

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && (**s == ' ' || **s == '\t'))
        (*s)++, (*len)--;
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* ---- options and columns ---- */

static jarva__encoding reader_encoding(jarva_encoding e)
{
    switch (e) {
    case JARVA_ENCODING_UTF8: return JARVA__ENC_UTF8;
    case JARVA_ENCODING_CP1252: return JARVA__ENC_CP1252;
    case JARVA_ENCODING_UTF16LE: return JARVA__ENC_UTF16LE;
    case JARVA_ENCODING_UTF16BE: return JARVA__ENC_UTF16BE;
    default: return JARVA__ENC_AUTO;
    }
}

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
    *col = jarva__csv_column(a->csv, name);
    if (*col >= 0)
        return JARVA_OK;
    const jarva__csv_row *h = jarva__csv_header(a->csv);
    char list[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < h->nfields && used + 8 < sizeof list; i++) {
        int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                         h->fields[i] ? h->fields[i] : "");
        used += k > 0 ? (size_t)k : 0;
    }
    if (used >= sizeof list)
        memcpy(list + sizeof list - 4, "...", 4);
    return jarva__csv_error_at(a->csv, h->line, 0, &a->err, JARVA_EINVAL,
                               "no column '%s' (%s) in the header; it has: %s", name, what, list);
}

/* Only the columns read are split (jarva__csv_select). */
static int select_columns(adhoc *a)
{
    size_t nby = a->opts->by_count, n = 0;
    size_t *columns = malloc((nby + 3) * sizeof *columns);
    if (!columns)
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    int used[3] = { a->var_col, a->weight_col, a->stratum_col };
    for (size_t k = 0; k < 3; k++)
        if (used[k] >= 0)
            columns[n++] = (size_t)used[k];
    for (size_t c = 0; c < nby; c++)
        columns[n++] = (size_t)a->by_col[c];
    int rc = jarva__csv_select(a->csv, columns, n);
    free(columns);
    return rc ? jarva__seterr(&a->err, rc, "out of memory") : JARVA_OK;
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
                rc = jarva__csv_error_at(a->csv, jarva__csv_header(a->csv)->line, 0, &a->err,
                                         JARVA_EINVAL, "column '%s' is given twice as a domain",
                                         o->by[c]);
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
static const char *field(const jarva__csv_row *row, int col, size_t *len)
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
static double answer_value(const adhoc *a, const jarva__csv_row *row)
{
    size_t len;
    const char *code = field(row, a->var_col, &len);
    if (!code)
        return NAN;
    if (jarva__code_list_has(&a->positive, code, len))
        return 1;
    if (a->valid.count == 0 || jarva__code_list_has(&a->valid, code, len))
        return 0;
    return NAN;
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

static int read_weight(adhoc *a, const jarva__csv_row *row, double *out)
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
    jarva__csv_decimal_hint(a->csv, shown, hint, sizeof hint);
    return jarva__csv_field_error(a->csv, row, (size_t)a->weight_col, &a->err, JARVA_EFORMAT,
                                  "weight '%s' is not a positive number%s", shown,
                                  *hint               ? hint
                                  : a->decimal == ',' ? " (decimal comma)"
                                                      : "");
}

/* Room for stratum h's entries (grown as strata appear); 0, or -1. */
static int fit_stratum(adhoc *a, size_t h)
{
    if (h < a->stratum_cap)
        return 0;
    size_t cap = a->stratum_cap ? 2 * a->stratum_cap : 64;
    size_t *size = realloc(a->stratum_size, cap * sizeof *size);
    if (size)
        a->stratum_size = size;
    long *lines = realloc(a->stratum_line, cap * sizeof *lines);
    if (lines)
        a->stratum_line = lines;
    unsigned char *counts = realloc(a->stratum_first_counts, cap);
    if (counts)
        a->stratum_first_counts = counts;
    if (!size || !lines || !counts)
        return -1;
    memset(size + a->stratum_cap, 0, (cap - a->stratum_cap) * sizeof *size);
    a->stratum_cap = cap;
    return 0;
}

static int read_stratum(adhoc *a, const jarva__csv_row *row, unsigned *out)
{
    size_t len;
    const char *text = field(row, a->stratum_col, &len);
    if (!text)
        return jarva__csv_field_error(a->csv, row, (size_t)a->stratum_col, &a->err, JARVA_EFORMAT,
                                      "empty stratum");
    long id = jarva__keytab_add(&a->strata, text, len);
    if (id < 0 || fit_stratum(a, (size_t)id))
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    if (a->stratum_size[id] == 0)
        a->stratum_line[id] = jarva__csv_field_line(a->csv, row, (size_t)a->stratum_col);
    *out = (unsigned)id;
    return JARVA_OK;
}

/* Where a tuple of one or two by values with ids below 2^(DOMAIN_BITS / 2)
 * each (nearly every ad-hoc domain: an area by an age group) finds its
 * domain in a->domain_of, without hashing the tuple; -1 for other tuples. */
static long domain_slot(const adhoc *a, size_t nby)
{
    if (nby == 1)
        return a->tuple[0] < DOMAIN_SLOTS ? (long)a->tuple[0] : -1;
    if (nby == 2 && a->tuple[0] < DOMAIN_SIDE && a->tuple[1] < DOMAIN_SIDE)
        return (long)(a->tuple[0] * DOMAIN_SIDE + a->tuple[1]);
    return -1;
}

/* The domain of a row: the id of its tuple of by values, -1 if one is empty. */
static int read_domain(adhoc *a, const jarva__csv_row *row, int *out)
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
        long id = jarva__keytab_add(&a->by_values[c], text, len);
        if (id < 0)
            return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
        a->tuple[c] = (uint32_t)id;
    }
    long slot = domain_slot(a, nby);
    if (slot >= 0 && a->domain_of[slot]) {
        *out = (int)a->domain_of[slot] - 1;
        return JARVA_OK;
    }
    long id = jarva__keytab_add(&a->domains, a->tuple, nby * sizeof *a->tuple);
    if (id < 0)
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    if (slot >= 0)
        a->domain_of[slot] = (uint32_t)id + 1;
    *out = (int)id;
    return JARVA_OK;
}

/* One respondent into the sums: stratum sizes count everyone (R's subset
 * keeps every stratum's n_h), the sums only valid answers in a domain. */
static int add_respondent(adhoc *a, double value, double weight, unsigned h, int domain)
{
    if (fit_stratum(a, h))
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    int counts = !isnan(value) && domain >= 0;
    if (a->stratum_size[h]++ == 0)
        a->stratum_first_counts[h] = (unsigned char)counts;
    if (counts) {
        a->valid_count++;
        if (jarva__sum_grid_add(&a->sums, (size_t)domain, h, value > 0, weight))
            return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory after %zu respondents",
                                 a->n);
    }
    a->n++;
    return JARVA_OK;
}

static int read_rows(adhoc *a)
{
    jarva__csv_row row;
    int got;
    while ((got = jarva__csv_next(a->csv, &row, &a->err)) == 1) {
        double value = answer_value(a, &row), weight = 1;
        unsigned stratum = 0;
        int domain = 0;
        int rc = JARVA_OK;
        if (a->weight_col >= 0)
            rc = read_weight(a, &row, &weight);
        if (!rc && a->stratum_col >= 0)
            rc = read_stratum(a, &row, &stratum);
        if (!rc)
            rc = read_domain(a, &row, &domain);
        if (!rc)
            rc = add_respondent(a, value, weight, stratum, domain);
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
    if (a->estimate.lonely_psu != JARVA_LONELY_PSU_FAIL || a->n == 0)
        return JARVA_OK;
    if (a->stratum_col < 0) {
        if (a->n == 1 && a->stratum_first_counts[0])
            return jarva__csv_error_at(a->csv, 0, 0, &a->err, JARVA_ENUMERIC,
                                       "the file has a single respondent, so no variance can be "
                                       "estimated (a lonely PSU); choose a lonely-PSU rule");
        return JARVA_OK;
    }
    for (size_t h = 0; h < a->strata.count; h++)
        if (a->stratum_size[h] == 1 && a->stratum_first_counts[h])
            return jarva__csv_error_at(a->csv, a->stratum_line[h], (size_t)a->stratum_col + 1,
                                       &a->err, JARVA_ENUMERIC,
                                       "stratum '%s' has a single respondent (a lonely PSU), who "
                                       "has a valid answer, so the variance of their domain "
                                       "cannot be estimated; choose a lonely-PSU rule (adjust, "
                                       "remove, certainty or average)",
                                       a->strata.keys[h]);
    return JARVA_OK;
}

/* No respondent, or none in any domain: an error rather than a table of
 * nothing (issue 17: "every command that reads respondents says «no
 * respondents»"). */
static int check_respondents(adhoc *a)
{
    if (a->n == 0)
        return jarva__csv_error_at(a->csv, 0, 0, &a->err, JARVA_EFORMAT,
                                   "no respondents in the file (a header and no rows)");
    if (a->opts->by_count && a->domains.count == 0)
        return jarva__csv_error_at(a->csv, 0, 0, &a->err, JARVA_EFORMAT,
                                   "no respondents in any domain: every one of the %zu rows has "
                                   "an empty value in a --by column",
                                   a->n);
    return JARVA_OK;
}

/* ---- the whole ---- */

static int estimate_all(adhoc *a, jarva_adhoc_result *r)
{
    size_t nby = a->opts->by_count;
    size_t ndomains = nby ? a->domains.count : 1;
    jarva_estimate *estimates = calloc(ndomains ? ndomains : 1, sizeof *estimates);
    double *values = malloc((a->sums.values ? a->sums.values : 1) * sizeof *values);
    if (!estimates || !values) {
        free(estimates);
        free(values);
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    }
    /* Answer 0: valid, not positive; 1: positive; the grid may have more. */
    for (size_t k = 0; k < a->sums.values; k++)
        values[k] = k < 2 ? (double)k : NAN;
    size_t strata = a->stratum_col >= 0 ? a->strata.count : (a->n ? 1 : 0);
    if (strata > a->sums.strata)
        strata = a->sums.strata; /* strata beyond hold no valid answer */
    const char *const *names = a->stratum_col >= 0 ? (const char *const *)a->strata.keys : NULL;
    char message[512];
    int rc = JARVA_OK;
    for (size_t d = 0; d < ndomains && !rc; d++) {
        jarva__domain_moments m = { 0 };
        if (d < a->sums.domains)
            rc = jarva__moments_from_sums(strata, a->stratum_size, a->sums.values, values,
                                          a->sums.cells + d * a->sums.strata * a->sums.values,
                                          a->estimate.lonely_psu, names, &m, message,
                                          sizeof message);
        if (rc)
            jarva__csv_error_at(a->csv, 0, 0, &a->err, rc, "%s", message);
        else
            jarva__estimate_from_moments(&m, &a->estimate, 1, &estimates[d]);
    }
    if (!rc)
        rc = jarva__adhoc_sort(r, a->by_values, &a->domains, estimates,
                               jarva__csv_dialect_used(a->csv)->decimal);
    if (rc == JARVA_ENOMEM)
        jarva__seterr(&a->err, rc, "out of memory");
    free(estimates);
    free(values);
    return rc;
}

static int by_names(adhoc *a, jarva_adhoc_result *r)
{
    size_t nby = a->opts->by_count;
    const jarva__csv_row *h = jarva__csv_header(a->csv);
    r->by_count = nby;
    r->by_names = calloc(nby ? nby : 1, sizeof *r->by_names);
    if (!r->by_names)
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    for (size_t c = 0; c < nby; c++) {
        const char *name = h->fields[a->by_col[c]] ? h->fields[a->by_col[c]] : "";
        size_t len = strlen(name);
        trim(&name, &len);
        r->by_names[c] = jarva__strndup(name, len);
        if (!r->by_names[c])
            return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    }
    return JARVA_OK;
}

static int run(adhoc *a, const char *path, jarva_adhoc_result *r)
{
    const jarva_adhoc_options *o = a->opts;
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    dialect.delimiter = o->delimiter;
    dialect.decimal = o->decimal;
    dialect.encoding = reader_encoding(o->encoding);
    dialect.no_hash = 1; /* a tenth of the time, for a checksum no one reads */
    int rc = jarva__csv_open(&a->csv, path, &dialect, &a->err);
    if (rc)
        return rc;
    a->decimal = jarva__csv_dialect_used(a->csv)->decimal;
    size_t nby = o->by_count;
    a->by_col = calloc(nby ? nby : 1, sizeof *a->by_col);
    a->by_values = calloc(nby ? nby : 1, sizeof *a->by_values);
    a->tuple = calloc(nby ? nby : 1, sizeof *a->tuple);
    a->domain_of = calloc(DOMAIN_SLOTS, sizeof *a->domain_of);
    if (!a->by_col || !a->by_values || !a->tuple || !a->domain_of)
        return jarva__seterr(&a->err, JARVA_ENOMEM, "out of memory");
    rc = resolve_columns(a);
    if (!rc)
        rc = by_names(a, r);
    if (!rc)
        rc = read_rows(a);
    if (!rc)
        rc = check_respondents(a);
    if (!rc)
        rc = check_lonely(a);
    if (!rc)
        rc = estimate_all(a, r);
    r->respondents = a->n;
    r->valid = a->valid_count;
    return rc;
}

static void adhoc_free(adhoc *a)
{
    jarva__csv_close(a->csv);
    jarva__code_list_free(&a->positive);
    jarva__code_list_free(&a->valid);
    jarva__sum_grid_free(&a->sums);
    free(a->stratum_size);
    free(a->stratum_line);
    free(a->stratum_first_counts);
    jarva__keytab_free(&a->strata);
    for (size_t c = 0; a->by_values && c < a->opts->by_count; c++)
        jarva__keytab_free(&a->by_values[c]);
    free(a->by_values);
    jarva__keytab_free(&a->domains);
    free(a->by_col);
    free(a->tuple);
    free(a->domain_of);
    jarva__freeerr(&a->err);
}

int jarva_adhoc_estimate(jarva_adhoc_result **out, const char *path,
                         const jarva_adhoc_options *opts, char *errbuf, size_t errlen)
{
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    if (!out)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "result pointer is NULL");
    *out = NULL;
    if (!path)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "no file name given");
    adhoc a;
    memset(&a, 0, sizeof a);
    a.opts = opts;
    int rc = check_options(&a, errbuf, errlen);
    if (rc) {
        jarva__code_list_free(&a.positive);
        jarva__code_list_free(&a.valid);
        return rc;
    }
    jarva_adhoc_result *r = calloc(1, sizeof *r);
    if (!r)
        rc = jarva__seterr(&a.err, JARVA_ENOMEM, "out of memory");
    else
        rc = run(&a, path, r);
    if (rc) {
        jarva__errbuf_set(errbuf, errlen, rc, "%s",
                          a.err.message ? a.err.message : jarva_strerror(rc));
        jarva_adhoc_result_free(r);
    } else {
        *out = r;
    }
    adhoc_free(&a);
    return rc;
}
