/* keytab.c: distinct byte strings numbered in order of first appearance, for
 * the domains of an ad-hoc estimate and the answer codes of a stored
 * question. */
#include <stdlib.h>
#include <string.h>

#include "keytab.h"

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
