/* compute_lonely.c: which lonely-stratum rule a survey source's waves are
 * computed with: the caller's, or the default its column mapping names in a
 * row `lonely_psu,RULE` (import ignores that row: it is a setting, not a
 * column). */
#include <string.h>

#include "compute_internal.h"
#include "catalog_internal.h"

int jarva__compute_lonely_psu(jarva__compute *c, const char *source, jarva_lonely_psu *rule)
{
    *rule = c->opts.estimate.lonely_psu;
    if (!c->opts.lonely_psu_from_source)
        return JARVA_OK;
    static const char *const names[] = { "fail", "adjust", "remove", "certainty", "average" };
    static const jarva_lonely_psu rules[] = { JARVA_LONELY_PSU_FAIL, JARVA_LONELY_PSU_ADJUST,
                                              JARVA_LONELY_PSU_REMOVE, JARVA_LONELY_PSU_CERTAINTY,
                                              JARVA_LONELY_PSU_AVERAGE };
    const char *dir = c->opts.catalog_dir ? c->opts.catalog_dir : jarva_catalog_default_dir();
    jarva__mapping *m = NULL;
    jarva__error ignored;
    memset(&ignored, 0, sizeof ignored);
    /* No mapping (a source imported from elsewhere) or an unreadable one:
     * the caller's rule. Import has already checked the mapping. */
    if (jarva__mapping_load(dir, source, &m, &ignored) != JARVA_OK) {
        jarva__freeerr(&ignored);
        return JARVA_OK;
    }
    int rc = JARVA_OK;
    for (size_t i = 0; i < m->count; i++) {
        if (strcmp(m->entries[i].field, "lonely_psu"))
            continue;
        size_t k = 0;
        while (k < 5 && strcmp(m->entries[i].column, names[k]))
            k++;
        if (k == 5)
            rc = jarva__seterr(jarva__db_err(c->db), JARVA_EFORMAT,
                               "%s:%ld: lonely_psu '%s' is not fail, adjust, remove, certainty or "
                               "average",
                               m->path, m->entries[i].line, m->entries[i].column);
        else
            *rule = rules[k];
    }
    jarva__mapping_free(m);
    jarva__freeerr(&ignored);
    return rc;
}
