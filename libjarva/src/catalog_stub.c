/* TEMPORARY placeholder so the tree links while the catalogue module is written;
 * replaced by catalog.c. */
#include "jarva_internal.h"
const char *jarva_catalog_default_dir(void)
{
    return JARVA_SOURCE_CATALOG_DIR;
}
int jarva_catalog_load(jarva_db *db, const char *dir)
{
    (void)dir;
    return jarva__seterr(&db->err, JARVA_ERROR, "catalogue loading not written yet");
}
int jarva_plan_get(jarva_db *db, jarva_plan *out)
{
    (void)out;
    return jarva__seterr(&db->err, JARVA_ENOTFOUND, "no plan");
}
