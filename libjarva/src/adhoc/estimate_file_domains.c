/* estimate_file_domains.c: the domains of an ad-hoc estimate: the documented
 * sort order of the domains (numeric columns by number, others by bytes) and
 * the accessors of jarva_adhoc_result. */
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "estimate_file_internal.h"
#include "keytab.h"

/* ---- the order of the domains ---- */

typedef struct value_key {
    int numeric; /* the whole column is numbers */
    double number;
    const char *text;
    size_t length;
    uint32_t id;
} value_key;

static int compare_text(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return (alen > blen) - (alen < blen);
}

static int compare_values(const void *pa, const void *pb)
{
    const value_key *a = pa, *b = pb;
    if (a->numeric && a->number != b->number)
        return a->number < b->number ? -1 : 1;
    return compare_text(a->text, a->length, b->text, b->length);
}

/* rank[id] = the position of value id of one column in its sorted order. */
static int rank_column(const jarva__keytab *values, char decimal, uint32_t *rank)
{
    size_t n = values->count;
    value_key *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return -1;
    int numeric = 1;
    for (size_t i = 0; i < n; i++) {
        keys[i].text = values->keys[i];
        keys[i].length = values->lengths[i];
        keys[i].id = (uint32_t)i;
        keys[i].number = 0;
        if (numeric && jarva__parse_double(values->keys[i], decimal, &keys[i].number) != 0)
            numeric = 0;
    }
    for (size_t i = 0; i < n; i++)
        keys[i].numeric = numeric;
    qsort(keys, n, sizeof *keys, compare_values);
    for (size_t i = 0; i < n; i++)
        rank[keys[i].id] = (uint32_t)i;
    free(keys);
    return 0;
}

typedef struct domain_key {
    const uint32_t *ranks; /* by_count ranks */
    size_t by_count;
    size_t domain;
} domain_key;

static int compare_domains(const void *pa, const void *pb)
{
    const domain_key *a = pa, *b = pb;
    for (size_t c = 0; c < a->by_count; c++)
        if (a->ranks[c] != b->ranks[c])
            return a->ranks[c] < b->ranks[c] ? -1 : 1;
    return 0;
}

int jarva__adhoc_sort(jarva_adhoc_result *r, const jarva__keytab *by_values,
                      const jarva__keytab *domains, const jarva_estimate *estimates, char decimal)
{
    size_t nby = r->by_count;
    size_t n = nby ? domains->count : 1;
    size_t cells = n * nby > 0 ? n * nby : 1;
    uint32_t **rank = calloc(nby ? nby : 1, sizeof *rank);
    uint32_t *domain_ranks = malloc(cells * sizeof *domain_ranks);
    domain_key *order = malloc((n ? n : 1) * sizeof *order);
    r->rows = malloc((n ? n : 1) * sizeof *r->rows);
    r->values = calloc(cells, sizeof *r->values);
    int rc = rank && domain_ranks && order && r->rows && r->values ? JARVA_OK : JARVA_ENOMEM;
    for (size_t c = 0; c < nby && !rc; c++) {
        rank[c] = malloc((by_values[c].count ? by_values[c].count : 1) * sizeof **rank);
        if (!rank[c] || rank_column(&by_values[c], decimal, rank[c]))
            rc = JARVA_ENOMEM;
    }
    for (size_t d = 0; d < n && !rc; d++) {
        for (size_t c = 0; c < nby; c++) {
            uint32_t id;
            memcpy(&id, domains->keys[d] + c * sizeof id, sizeof id);
            domain_ranks[d * nby + c] = rank[c][id];
        }
        order[d] = (domain_key){ domain_ranks + d * nby, nby, d };
    }
    if (!rc)
        qsort(order, n, sizeof *order, compare_domains);
    for (size_t row = 0; row < n && !rc; row++) {
        size_t d = order[row].domain;
        r->rows[row] = estimates[d];
        for (size_t c = 0; c < nby && !rc; c++) {
            uint32_t id;
            memcpy(&id, domains->keys[d] + c * sizeof id, sizeof id);
            r->values[row * nby + c] = jarva__strdup(by_values[c].keys[id]);
            if (!r->values[row * nby + c])
                rc = JARVA_ENOMEM;
        }
    }
    r->count = n;
    for (size_t c = 0; rank && c < nby; c++)
        free(rank[c]);
    free(rank);
    free(domain_ranks);
    free(order);
    return rc;
}

/* ---- accessors ---- */

size_t jarva_adhoc_result_count(const jarva_adhoc_result *r)
{
    return r ? r->count : 0;
}

size_t jarva_adhoc_result_by_count(const jarva_adhoc_result *r)
{
    return r ? r->by_count : 0;
}

const char *jarva_adhoc_result_by_name(const jarva_adhoc_result *r, size_t column)
{
    return r && column < r->by_count ? r->by_names[column] : NULL;
}

const char *jarva_adhoc_result_value(const jarva_adhoc_result *r, size_t row, size_t column)
{
    if (!r || row >= r->count || column >= r->by_count)
        return NULL;
    return r->values[row * r->by_count + column];
}

const jarva_estimate *jarva_adhoc_result_get(const jarva_adhoc_result *r, size_t row)
{
    return r && row < r->count ? &r->rows[row] : NULL;
}

size_t jarva_adhoc_result_respondents(const jarva_adhoc_result *r)
{
    return r ? r->respondents : 0;
}

size_t jarva_adhoc_result_valid(const jarva_adhoc_result *r)
{
    return r ? r->valid : 0;
}

void jarva_adhoc_result_free(jarva_adhoc_result *r)
{
    if (!r)
        return;
    for (size_t c = 0; r->by_names && c < r->by_count; c++)
        free(r->by_names[c]);
    for (size_t i = 0; r->values && i < r->count * r->by_count; i++)
        free(r->values[i]);
    free(r->by_names);
    free(r->values);
    free(r->rows);
    free(r);
}
