/* catalog.c: loading the plan's catalogue (the CSV files of indicators/): read every file,
 * check everything, and only if all is well replace the catalogue in the
 * database; plus where the catalogue is found by default. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_internal.h"

/* At most this many errors are listed; the rest are counted. */
#define MAX_LISTED_ERRORS 20

/* ---- where the catalogue is -------------------------------------------- */

static const char location_anchor = 0;

static int starts_with_dir(const char *path, const char *prefix, const char *sub)
{
    size_t plen = strlen(prefix);
    while (plen > 0 && prefix[plen - 1] == '/')
        plen--;
    size_t slen = strlen(sub);
    return strncmp(path, prefix, plen) == 0 && strncmp(path + plen, sub, slen) == 0 &&
           (path[plen + slen] == '/' || path[plen + slen] == '\0');
}

/* Whether the code running is an installed copy: the file holding this
 * library (the shared library, or a program it is linked into) lies under
 * the install prefix's bin/ or lib*\/. */
static int running_installed(void)
{
    Dl_info info;
    char *real = NULL;
    if (dladdr(&location_anchor, &info) && info.dli_fname && info.dli_fname[0] == '/')
        real = realpath(info.dli_fname, NULL);
    if (!real) /* the main program reports its name as it was started */
        real = realpath("/proc/self/exe", NULL);
    if (!real)
        return 0;
    int installed = starts_with_dir(real, JARVA_INSTALL_PREFIX, "/bin") ||
                    starts_with_dir(real, JARVA_INSTALL_PREFIX, "/lib") ||
                    starts_with_dir(real, JARVA_INSTALL_PREFIX, "/lib64");
    free(real);
    return installed;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *jarva_catalog_default_dir(void)
{
    const char *first = JARVA_SOURCE_CATALOG_DIR, *second = JARVA_INSTALL_CATALOG_DIR;
    if (running_installed()) {
        first = JARVA_INSTALL_CATALOG_DIR;
        second = JARVA_SOURCE_CATALOG_DIR;
    }
    return is_dir(first) || !is_dir(second) ? first : second;
}

/* ---- collecting errors -------------------------------------------------- */

void jarva__cat_error(jarva__cat_errors *errors, const char *path, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = jarva__vaprintf(fmt, ap);
    va_end(ap);
    char *full = NULL;
    if (message) {
        if (!path)
            full = jarva__strdup(message);
        else if (line > 0)
            full = jarva__aprintf("%s:%ld: %s", path, line, message);
        else
            full = jarva__aprintf("%s: %s", path, message);
        free(message);
    }
    if (!errors->code)
        errors->code = JARVA_EFORMAT;
    errors->count++;
    if (full && errors->stored == errors->cap) {
        size_t cap = errors->cap ? 2 * errors->cap : 16;
        char **grown = realloc(errors->lines, cap * sizeof *grown);
        if (grown) {
            errors->lines = grown;
            errors->cap = cap;
        }
    }
    if (!full || errors->stored == errors->cap) {
        free(full);
        errors->code = JARVA_ENOMEM;
        return;
    }
    errors->lines[errors->stored++] = full;
}

void jarva__cat_nomem(jarva__cat_errors *errors)
{
    jarva__cat_error(errors, NULL, 0, "out of memory");
    errors->code = JARVA_ENOMEM;
}

/* Puts the errors into db's message: the first MAX_LISTED_ERRORS, one per
 * line, then how many more. An I/O error or lack of memory decides the code. */
static int report_errors(jarva_db *db, const jarva__cat_errors *errors)
{
    if (errors->code == JARVA_ENOMEM)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    int code = errors->code ? errors->code : JARVA_EFORMAT;
    size_t listed = errors->stored < MAX_LISTED_ERRORS ? errors->stored : MAX_LISTED_ERRORS;
    jarva__clearerr(jarva__db_err(db));
    for (size_t i = 0; i < listed; i++)
        jarva__adderr(jarva__db_err(db), "%s", errors->lines[i]);
    if (errors->count > listed)
        jarva__adderr(jarva__db_err(db), "and %zu more errors", errors->count - listed);
    jarva__db_err(db)->code = code;
    return code;
}

void jarva__catalog_free(jarva__catalog *cat)
{
    for (int f = 0; f < CAT_NFILES; f++) {
        jarva__cat_table *t = &cat->tables[f];
        for (size_t r = 0; r < t->nrows; r++) {
            for (int c = 0; c < t->ncolumns; c++)
                free(t->rows[r].cells[c].text);
            free(t->rows[r].cells);
        }
        free(t->rows);
        free(t->path);
    }
    jarva__catalog_sources_free(cat);
    for (size_t i = 0; i < cat->errors.stored; i++)
        free(cat->errors.lines[i]);
    free(cat->errors.lines);
    memset(cat, 0, sizeof *cat);
}

int jarva_catalog_load(jarva_db *db, const char *dir)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(jarva__db_err(db));
    if (!dir || !*dir)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "no catalogue directory given");
    if (!is_dir(dir))
        return jarva__seterr(jarva__db_err(db), JARVA_EIO, "%s: not a catalogue directory", dir);

    jarva__catalog cat;
    memset(&cat, 0, sizeof cat);
    jarva__catalog_parse(&cat, dir);
    jarva__catalog_sources_read(&cat, dir);
    jarva__catalog_check(&cat);
    int rc;
    if (cat.errors.count) {
        rc = report_errors(db, &cat.errors);
    } else {
        rc = jarva__catalog_write(db, &cat);
        if (rc == JARVA_EFORMAT)
            rc = report_errors(db, &cat.errors);
    }
    jarva__catalog_free(&cat);
    return rc;
}
