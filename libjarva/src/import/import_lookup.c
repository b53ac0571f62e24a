/* import_lookup.c: resolving the names analysts write (area, organisation,
 * audience) to catalogue ids, with "did you mean" for typos. The catalogue is
 * small (tens of names), so a sorted array beats anything cleverer. */
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "import_internal.h"

typedef struct lookup_entry {
    char *key;  /* folded name */
    char *name; /* as written in the catalogue, for suggestions */
    char *id;
} lookup_entry;

/* A survey names a handful of areas a million times: the names last asked
 * for, as written, are remembered with their answers. */
#define RECENT_COUNT 16
#define RECENT_NAME_MAX 47

typedef struct recent_name {
    char name[RECENT_NAME_MAX + 1];
    size_t len;
    const char *id; /* NULL: not a known name */
} recent_name;

struct jarva__lookup {
    lookup_entry *entries;
    size_t count, cap;
    recent_name recent[RECENT_COUNT];
    size_t nrecent, next_recent; /* next_recent: the one to replace next */
};

/* Names meet as the catalogue matches area names (jarva__area_fold in
 * catalog_area.c: case, å ä ö é and separators folded), so an import finds
 * "spånga tensta" exactly where `jarva results --area` does. */
static char *fold(const char *s)
{
    return jarva__area_fold(s);
}

int jarva__lookup_add(jarva__lookup *l, const char *key, const char *name, const char *id)
{
    if (!key || !*key)
        return JARVA_OK;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        lookup_entry *grown = realloc(l->entries, cap * sizeof *grown);
        if (!grown)
            return JARVA_ENOMEM;
        l->entries = grown;
        l->cap = cap;
    }
    lookup_entry *e = &l->entries[l->count];
    e->key = fold(key);
    e->name = jarva__strdup(name);
    e->id = jarva__strdup(id);
    if (!e->key || !e->name || !e->id) {
        free(e->key);
        free(e->name);
        free(e->id);
        return JARVA_ENOMEM;
    }
    l->count++;
    return JARVA_OK;
}

/* A name read from the store into the lookup being filled. */
static int add_name(void *ctx, const char *key, const char *name, const char *id)
{
    return jarva__lookup_add(ctx, key, name, id) ? JARVA_ENOMEM : JARVA_OK;
}

/* A lookup of the store's names of kind (store_import.h) in *out. */
static int load(jarva_db *db, jarva__names kind, const char *survey, jarva__lookup **out)
{
    *out = NULL;
    jarva__lookup *l = calloc(1, sizeof *l);
    if (!l)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    int rc = jarva__store_names(db, kind, survey, add_name, l);
    if (rc == JARVA_ENOMEM)
        jarva__seterr(jarva__db_err(db), rc, "out of memory");
    if (rc)
        jarva__lookup_free(l);
    else
        *out = l;
    return rc;
}

int jarva__lookup_areas(jarva_db *db, jarva__lookup **out)
{
    return load(db, JARVA__NAMES_AREAS, NULL, out);
}

int jarva__lookup_organisations(jarva_db *db, jarva__lookup **out)
{
    return load(db, JARVA__NAMES_ORGANISATIONS, NULL, out);
}

int jarva__lookup_audiences(jarva_db *db, jarva__lookup **out)
{
    return load(db, JARVA__NAMES_AUDIENCES, NULL, out);
}

int jarva__lookup_activity_types(jarva_db *db, jarva__lookup **out)
{
    return load(db, JARVA__NAMES_ACTIVITY_TYPES, NULL, out);
}

int jarva__lookup_table_measures(jarva_db *db, const char *survey, jarva__lookup **out)
{
    return load(db, JARVA__NAMES_TABLE_MEASURES, survey, out);
}

const char *jarva__lookup_find(jarva__lookup *l, const char *name)
{
    if (!l || !name)
        return NULL;
    size_t len = strlen(name);
    for (size_t i = 0; i < l->nrecent; i++)
        if (l->recent[i].len == len && !memcmp(l->recent[i].name, name, len))
            return l->recent[i].id;
    char *key = fold(name);
    if (!key)
        return NULL;
    const char *id = NULL;
    for (size_t i = 0; i < l->count && !id; i++)
        if (!strcmp(l->entries[i].key, key))
            id = l->entries[i].id;
    free(key);
    if (len <= RECENT_NAME_MAX) {
        recent_name *r = &l->recent[l->next_recent];
        memcpy(r->name, name, len + 1);
        r->len = len;
        r->id = id;
        l->next_recent = (l->next_recent + 1) % RECENT_COUNT;
        if (l->nrecent < RECENT_COUNT)
            l->nrecent++;
    }
    return id;
}

/* Levenshtein distance over bytes; names are short, so O(n·m) is nothing. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 200 || m > 200)
        return (size_t)-1;
    size_t row[201];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

static const char *suggest(const jarva__lookup *l, const char *name, size_t max_distance);

const char *jarva__lookup_suggest(const jarva__lookup *l, const char *name)
{
    return suggest(l, name, (size_t)-1);
}

const char *jarva__lookup_suggest_within(const jarva__lookup *l, const char *name,
                                         size_t max_distance)
{
    return suggest(l, name, max_distance);
}

static const char *suggest(const jarva__lookup *l, const char *name, size_t max_distance)
{
    if (!l || !name)
        return NULL;
    char *key = fold(name);
    if (!key)
        return NULL;
    const char *best = NULL;
    size_t best_distance = (size_t)-1;
    for (size_t i = 0; i < l->count; i++) {
        size_t d = edit_distance(key, l->entries[i].key);
        if (d < best_distance) {
            best_distance = d;
            best = l->entries[i].name;
        }
    }
    /* A suggestion further away than a third of the name is noise. */
    size_t limit = strlen(key) / 3 + 1;
    if (max_distance < limit)
        limit = max_distance;
    free(key);
    return best_distance <= limit ? best : NULL;
}

void jarva__lookup_free(jarva__lookup *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++) {
        free(l->entries[i].key);
        free(l->entries[i].name);
        free(l->entries[i].id);
    }
    free(l->entries);
    free(l);
}
