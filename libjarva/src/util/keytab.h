/* keytab.h: distinct byte strings numbered 0, 1, ... (util/keytab.c). */
#ifndef JARVA_KEYTAB_H
#define JARVA_KEYTAB_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

/* Distinct byte strings numbered 0, 1, ... in order of first appearance, in
 * an open-addressing hash table (a million rows look up a few keys each). */
typedef struct jarva__keytab {
    char **keys;      /* NUL-terminated copies */
    size_t *lengths;  /* without the NUL */
    uint64_t *packed; /* a key of up to 8 bytes as a number (pack_short) */
    size_t count, cap;
    uint32_t *slots; /* id + 1; 0 = empty */
    size_t nslots;   /* a power of two, at least twice count */
} jarva__keytab;

/* The id of key[0..len), added if new; -1 out of memory (or over 2^31 keys). */
long jarva__keytab_add(jarva__keytab *t, const void *key, size_t len);
void jarva__keytab_free(jarva__keytab *t);

#endif /* JARVA_KEYTAB_H */
