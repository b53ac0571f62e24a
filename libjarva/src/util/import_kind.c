/* import_kind.c: the names of the kinds of data, one table for the batches
 * an import records, the indicators of the catalogue (their source_kind) and
 * every front end: "survey", "table", "staff", "activity". */
#include <string.h>

#include "jarva_internal.h"

static const char *const kind_names[] = { "survey", "table", "staff", "activity" };

const char *jarva_import_kind_name(jarva_import_kind kind)
{
    if ((unsigned)kind < sizeof kind_names / sizeof kind_names[0])
        return kind_names[kind];
    return "unknown";
}

int jarva__import_kind_parse(const char *name, jarva_import_kind *out)
{
    for (unsigned k = 0; name && k < sizeof kind_names / sizeof kind_names[0]; k++)
        if (!strcmp(name, kind_names[k])) {
            *out = (jarva_import_kind)k;
            return JARVA_OK;
        }
    return JARVA_EINVAL;
}
