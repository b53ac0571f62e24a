/* error.c: status descriptions and the per-handle error messages. The library
 * never prints: every failure ends up here, for the caller to show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jarva_internal.h"

const char *jarva_strerror(int status)
{
    switch (status) {
    case JARVA_OK: return "success";
    case JARVA_ERROR: return "error";
    case JARVA_ENOMEM: return "out of memory";
    case JARVA_EINVAL: return "invalid argument";
    case JARVA_EIO: return "input/output error";
    case JARVA_EDB: return "database error";
    case JARVA_EFORMAT: return "malformed input";
    case JARVA_ENOTFOUND: return "not found";
    case JARVA_EEXISTS: return "already exists";
    case JARVA_ENUMERIC: return "no defined numerical result";
    case JARVA_EBUSY: return "database busy";
    case JARVA_EVERSION: return "database written by a newer libjarva";
    case JARVA_EPDF: return "PDF error";
    case JARVA_ESTALE: return "estimates older than the latest import";
    case JARVA_EREADONLY: return "the database was opened read-only";
    default: return "unknown status";
    }
}

int jarva__vseterr(jarva__error *err, int code, const char *fmt, va_list ap)
{
    /* Formatted before the old message is freed, so that it may be one of
     * the arguments; NULL (no message, the code stands) if memory ran out. */
    char *message = jarva__vaprintf(fmt, ap);
    err->code = code;
    free(err->message);
    err->message = message;
    return code;
}

int jarva__seterr(jarva__error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jarva__vseterr(err, code, fmt, ap);
    va_end(ap);
    return code;
}

void jarva__adderr(jarva__error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    size_t old = err->message ? strlen(err->message) : 0;
    size_t sep = old ? 1 : 0;
    char *grown = realloc(err->message, old + sep + (size_t)len + 1);
    if (!grown)
        return;
    if (sep)
        grown[old] = '\n';
    va_start(ap, fmt);
    vsnprintf(grown + old + sep, (size_t)len + 1, fmt, ap);
    va_end(ap);
    err->message = grown;
}

void jarva__clearerr(jarva__error *err)
{
    err->code = JARVA_OK;
    free(err->message);
    err->message = NULL;
}

void jarva__freeerr(jarva__error *err)
{
    jarva__clearerr(err);
}

const char *jarva_errmsg(const jarva_db *db)
{
    if (!db)
        return "out of memory";
    return jarva__db_err(db)->message ? jarva__db_err(db)->message : "";
}

int jarva_errcode(const jarva_db *db)
{
    return db ? jarva__db_err(db)->code : JARVA_ENOMEM;
}

int jarva_error_set(jarva_db *db, int status, const char *fmt, ...)
{
    if (!db || !fmt)
        return status;
    va_list ap;
    va_start(ap, fmt);
    jarva__vseterr(jarva__db_err(db), status, fmt, ap);
    va_end(ap);
    return status;
}

void jarva_error_clear(jarva_db *db)
{
    if (db)
        jarva__clearerr(jarva__db_err(db));
}
