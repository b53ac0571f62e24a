/* estimate_file_domains.c: the domains of an ad-hoc estimate: a hash table of
 * distinct values, the documented sort order of the domains (numeric columns
 * by number, others by bytes) and the accessors of jarva_adhoc_result. */
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "estimate_file_internal.h"

/* ---- distinct keys ---- */

/* A key of at most 8 bytes as one number (byte i in bits 8i..8i+7), which
 * is all that hashing and comparing it need: the keys of an ad-hoc estimate
 * (codes, area names, a tuple of two ids) nearly all fit, and a million rows
 * look up a few each. */
static uint64_t pack_short(const unsigned char *p, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++)
        x |= (uint64_t)p[i] << (8 * i);
    return x;
}

/* Short keys: a multiplicative hash (Knuth, TAOCP vol. 3, 6.4) of the packed
 * key and its length, folded so that the low bits used depend on all;
 * longer ones: FNV-1a, 64 bit. */
static uint64_t hash_key(const unsigned char *p, size_t n, uint64_t packed)
{
    uint64_t h;
    if (n <= 8) {
        h = (packed ^ (uint64_t)n << 59) * UINT64_C(0x9E3779B97F4A7C15);
        return h ^ h >> 29;
    }
    h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static int rehash(jarva__keytab *t, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t id = 0; id < t->count; id++) {
        size_t s =
            (size_t)hash_key((const unsigned char *)t->keys[id], t->lengths[id], t->packed[id]) &
            (nslots - 1);
        while (slots[s])
            s = (s + 1) & (nslots - 1);
        slots[s] = (uint32_t)id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return 0;
}

static int same_key(const jarva__keytab *t, size_t id, const void *key, size_t len, uint64_t packed)
{
    if (t->lengths[id] != len)
        return 0;
    return len <= 8 ? t->packed[id] == packed : memcmp(t->keys[id], key, len) == 0;
}

/* Room for one key more; 0, or -1 out of memory. */
static int grow_keys(jarva__keytab *t)
{
    size_t cap = t->cap ? 2 * t->cap : 16;
    char **keys = realloc(t->keys, cap * sizeof *keys);
    if (keys)
        t->keys = keys;
    size_t *lengths = realloc(t->lengths, cap * sizeof *lengths);
    if (lengths)
        t->lengths = lengths;
    uint64_t *packed = realloc(t->packed, cap * sizeof *packed);
    if (packed)
        t->packed = packed;
    if (!keys || !lengths || !packed)
        return -1;
    t->cap = cap;
    return 0;
}

long jarva__keytab_add(jarva__keytab *t, const void *key, size_t len)
{
    if (t->nslots == 0 && rehash(t, 64))
        return -1;
    uint64_t packed = len <= 8 ? pack_short(key, len) : 0;
    uint64_t h = hash_key(key, len, packed);
    size_t s = (size_t)h & (t->nslots - 1);
    for (; t->slots[s]; s = (s + 1) & (t->nslots - 1)) {
        size_t id = t->slots[s] - 1;
        if (same_key(t, id, key, len, packed))
            return (long)id;
    }
    if (t->count >= (size_t)INT32_MAX)
        return -1;
    /* At most half full, so that probes stay short; s is found anew after. */
    if (2 * (t->count + 1) > t->nslots) {
        if (rehash(t, 2 * t->nslots))
            return -1;
        s = (size_t)h & (t->nslots - 1);
        while (t->slots[s])
            s = (s + 1) & (t->nslots - 1);
    }
    if (t->count == t->cap && grow_keys(t))
        return -1;
    char *copy = jarva__strndup(key, len);
    if (!copy)
        return -1;
    size_t id = t->count++;
    t->keys[id] = copy;
    t->lengths[id] = len;
    t->packed[id] = packed;
    t->slots[s] = (uint32_t)id + 1;
    return (long)id;
}

void jarva__keytab_free(jarva__keytab *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->keys[i]);
    free(t->keys);
    free(t->lengths);
    free(t->packed);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

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
