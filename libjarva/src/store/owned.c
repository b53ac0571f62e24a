/* owned.c: the allocations a list read from the store owns (store_db.h):
 * the strings of results, activities and catalogue items, one rule for
 * keeping them and freeing them with the list. */
#include <stdlib.h>

#include "store_db.h"

void *jarva__owned_keep(jarva__owned *o, void *p)
{
    if (!p)
        return NULL;
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 64;
        void **grown = realloc(o->v, cap * sizeof *grown);
        if (!grown) {
            free(p);
            return NULL;
        }
        o->v = grown;
        o->cap = cap;
    }
    o->v[o->n++] = p;
    return p;
}

const char *jarva__owned_text(jarva__owned *o, sqlite3_stmt *st, int col)
{
    const char *text = (const char *)sqlite3_column_text(st, col);
    return jarva__owned_keep(o, jarva__strdup(text ? text : ""));
}

void jarva__owned_free(jarva__owned *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->v[i]);
    free(o->v);
    o->v = NULL;
    o->n = o->cap = 0;
}
