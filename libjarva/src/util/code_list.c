/* code_list.c: lists of answer codes ("4,5", "1, 2, 3, 4"), the one rule
 * for the catalogue's positive and valid codes, a mapping's codes, compute
 * and `jarva estimate`: codes are separated by commas, each trimmed of
 * spaces and tabs, and empty items are skipped; a code is compared byte for
 * byte. Two readers of one list can then never disagree on an indicator. */
#include <stdlib.h>
#include <string.h>

#include "jarva_internal.h"

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

int jarva__code_list_next(const char **cursor, const char **code, size_t *len)
{
    const char *p = *cursor;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *start = p;
        p = end ? end + 1 : start + n;
        while (n > 0 && blank(*start))
            start++, n--;
        while (n > 0 && blank(start[n - 1]))
            n--;
        if (n) {
            *cursor = p;
            *code = start;
            *len = n;
            return 1;
        }
    }
    *cursor = p;
    return 0;
}

int jarva__code_in(const char *list, const char *code, size_t len)
{
    const char *item;
    size_t n;
    for (const char *p = list; jarva__code_list_next(&p, &item, &n);)
        if (n == len && memcmp(item, code, len) == 0)
            return 1;
    return 0;
}

int jarva__code_list_parse(jarva__code_list *out, const char *text)
{
    memset(out, 0, sizeof *out);
    size_t items = 1;
    for (const char *p = text; p && *p; p++)
        items += *p == ',';
    out->codes = calloc(items + 1, sizeof *out->codes);
    out->lengths = calloc(items, sizeof *out->lengths);
    if (!out->codes || !out->lengths) {
        jarva__code_list_free(out);
        return JARVA_ENOMEM;
    }
    const char *item;
    size_t n;
    for (const char *p = text; jarva__code_list_next(&p, &item, &n);) {
        out->codes[out->count] = jarva__strndup(item, n);
        if (!out->codes[out->count]) {
            jarva__code_list_free(out);
            return JARVA_ENOMEM;
        }
        out->lengths[out->count++] = n;
    }
    return JARVA_OK;
}

/* Called for every respondent by `jarva estimate`: codes are mostly one
 * character, compared without a call to memcmp. */
int jarva__code_list_has(const jarva__code_list *list, const char *code, size_t len)
{
    for (size_t i = 0; i < list->count; i++)
        if (list->lengths[i] == len && len && list->codes[i][0] == code[0] &&
            (len == 1 || memcmp(list->codes[i], code, len) == 0))
            return 1;
    return 0;
}

void jarva__code_list_free(jarva__code_list *list)
{
    for (size_t i = 0; list->codes && i < list->count; i++)
        free(list->codes[i]);
    free(list->codes);
    free(list->lengths);
    memset(list, 0, sizeof *list);
}
