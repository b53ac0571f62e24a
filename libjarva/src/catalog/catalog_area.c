/* catalog_area.c: finding an area by what files call it: its id, its name or
 * an alias, as written or with case, Swedish diacritics and separators folded
 * ("Spanga tensta" finds Spånga-Tensta). The catalogue guarantees that folded
 * names never lead to two areas (catalog_check.c). */
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "store_internal.h"

/* Latin-1 letters (the second byte of a UTF-8 sequence starting 0xC3, lower
 * case) folded to ASCII; 0 keeps the letter. Indexed by byte - 0xA0. */
static const char latin1_fold[32] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
    0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y',
};

static int is_separator(const unsigned char *p, size_t *len)
{
    if (*p == ' ' || *p == '-' || *p == '/' || *p == '_' || *p == '.' || *p == '\t') {
        *len = 1;
        return 1;
    }
    if (p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
        *len = 2;
        return 1;
    }
    if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) { /* en and em dash */
        *len = 3;
        return 1;
    }
    return 0;
}

char *jarva__area_fold(const char *name)
{
    size_t n = strlen(name);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t used = 0;
    int pending_separator = 0;
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        size_t len;
        if (is_separator(p, &len)) {
            pending_separator = used > 0;
            p += len;
            continue;
        }
        if (pending_separator)
            out[used++] = '-';
        pending_separator = 0;
        if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
            /* Upper-case Latin-1 letters are 0x20 below their lower case;
             * × (0x97) and ß (0x9F) have none. */
            int upper = p[1] < 0xA0 && p[1] != 0x97 && p[1] != 0x9F;
            unsigned char lower = upper ? (unsigned char)(p[1] + 0x20) : p[1];
            char ascii = lower >= 0xA0 ? latin1_fold[lower - 0xA0] : 0;
            if (ascii) {
                out[used++] = ascii;
            } else {
                out[used++] = (char)p[0];
                out[used++] = (char)lower;
            }
            p += 2;
            continue;
        }
        out[used++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        p++;
    }
    out[used] = '\0';
    return out;
}

/* Folded names compared one by one: the catalogue has a few hundred names
 * and aliases, and a lookup runs once per file or command, not per row. */
typedef struct folded_search {
    char *want;
    char **id_out;
    jarva_db *db;
    int rc;
} folded_search;

static int compare_folded(void *ctx, const char *id, const char *name)
{
    folded_search *s = ctx;
    char *have = jarva__area_fold(name);
    if (!have) {
        s->rc = jarva__seterr(jarva__db_err(s->db), JARVA_ENOMEM, "out of memory");
        return 1;
    }
    int same = strcmp(have, s->want) == 0;
    free(have);
    if (!same)
        return 0;
    *s->id_out = jarva__strdup(id);
    s->rc =
        *s->id_out ? JARVA_OK : jarva__seterr(jarva__db_err(s->db), JARVA_ENOMEM, "out of memory");
    return 1;
}

static int folded_match(jarva_db *db, const char *name, char **id_out)
{
    folded_search s = { jarva__area_fold(name), id_out, db, JARVA_ENOTFOUND };
    if (!s.want)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    int rc = jarva__store_area_names(db, compare_folded, &s);
    free(s.want);
    return rc ? rc : s.rc;
}

int jarva__area_resolve(jarva_db *db, const char *name, char **id_out)
{
    *id_out = NULL;
    if (!name || !*name)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "no area name given");
    int rc = jarva__store_area_exact(db, name, id_out);
    if (rc == JARVA_ENOTFOUND)
        rc = folded_match(db, name, id_out);
    if (rc == JARVA_ENOTFOUND)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOTFOUND, "no area '%s'", name);
    return rc;
}
