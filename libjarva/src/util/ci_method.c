/* ci_method.c: the names of the interval methods, one table for every
 * front end and for the method stored with each estimate, so that what
 * `jarva compute --method` accepts, what an estimate records and what an
 * output prints are spelled alike. */
#include <string.h>

#include "jarva_internal.h"

static const struct {
    jarva_ci_method method;
    const char *name;
} names[] = {
    { JARVA_CI_DEFAULT, "default" }, { JARVA_CI_LOGIT, "logit" },
    { JARVA_CI_BETA, "beta" },       { JARVA_CI_MEAN, "mean" },
    { JARVA_CI_WILSON, "wilson" },   { JARVA_CI_CLOPPER_PEARSON, "clopper-pearson" },
};

const char *jarva_ci_method_name(jarva_ci_method method)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].method == method)
            return names[i].name;
    return "";
}

/* What the estimators do with each method (stats_estimate.c). */
jarva_ci_method jarva_ci_method_applied(jarva_ci_method method, int published)
{
    if (method == JARVA_CI_DEFAULT)
        return published ? JARVA_CI_WILSON : JARVA_CI_LOGIT;
    if (published && method == JARVA_CI_BETA)
        return JARVA_CI_CLOPPER_PEARSON;
    return method;
}

int jarva_ci_method_parse(jarva_ci_method *out, const char *name)
{
    if (!out || !name)
        return JARVA_EINVAL;
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == len && jarva__ascii_nocase_equal(names[i].name, name, len)) {
            *out = names[i].method;
            return JARVA_OK;
        }
    return JARVA_EINVAL;
}
