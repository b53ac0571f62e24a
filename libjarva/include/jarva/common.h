/* jarva/common.h: version, status codes and process-wide initialisation.
 * Every other libjarva header includes this one. Every function here is
 * thread-safe and returns static data. */
#ifndef JARVA_COMMON_H
#define JARVA_COMMON_H

#include "jarva/version.h" /* generated from project(VERSION) in CMakeLists.txt */

#ifdef __cplusplus
extern "C" {
#endif

/* Symbols marked JARVA_API are the only ones the shared library exports. */
#if defined(JARVA_BUILDING) && defined(__GNUC__)
#define JARVA_API __attribute__((visibility("default")))
#else
#define JARVA_API
#endif

/* Status codes. 0 is success; every failure is negative, and the function that
 * returned it has left a message in jarva_errmsg() of the handle it was given. */
typedef enum jarva_status {
    JARVA_OK = 0,
    JARVA_ERROR = -1,     /* an error that fits no other class */
    JARVA_ENOMEM = -2,    /* out of memory */
    JARVA_EINVAL = -3,    /* invalid argument from the caller */
    JARVA_EIO = -4,       /* a file could not be opened, read or written */
    JARVA_EDB = -5,       /* the database reported an error */
    JARVA_EFORMAT = -6,   /* malformed input: CSV, catalogue, codes; message has file:line:col */
    JARVA_ENOTFOUND = -7, /* no such goal, indicator, area, batch or file */
    JARVA_EEXISTS = -8,   /* already there: a wave imported from another file */
    JARVA_ENUMERIC = -9,  /* a computation had no defined result */
    JARVA_EBUSY = -10,    /* the database stayed locked past the busy timeout */
    JARVA_EVERSION = -11, /* the database was written by a newer libjarva */
    JARVA_EPDF = -12,     /* the PDF library reported an error */
    JARVA_ESTALE = -13,   /* estimates older than the latest import (compute first) */
    JARVA_EREADONLY = -14 /* a write through a handle opened with JARVA_DB_READONLY */
} jarva_status;

/* A short English description of a status code ("unknown status" for a value
 * that is none of them); never NULL, static storage. For what went wrong in
 * a particular call, see jarva_errmsg() or the call's errbuf. */
JARVA_API const char *jarva_strerror(int status);

/* The runtime library's version ("0.1.0", static) and its number (as
 * JARVA_VERSION_NUMBER); compare them with the JARVA_VERSION_* macros of
 * jarva/version.h to
 * detect a program built against other headers than the library it loaded:
 * while the major version is 0, struct layouts may change between minor
 * versions. */
JARVA_API const char *jarva_version_string(void);
JARVA_API int jarva_version_number(void);

/* Frees memory the library returned for the caller to own: the strings of
 * jarva_headline_area(), jarva_plan_contact() and jarva_mapping_draft(), the
 * bytes of jarva_report_render(). Opaque handles and lists have their own
 * _free or _close instead. NULL is allowed. Thread-safe. */
JARVA_API void jarva_free(void *ptr);

/* Process-wide set-up that libjarva needs from its dependencies: it turns GSL's
 * default error handler, which calls abort(), off, so that numerical failures
 * come back as status codes. Idempotent and thread-safe; jarva_db_open() calls
 * it too, so most programs need not. Note that it changes GSL's handler for the
 * whole process, which matters to programs that use GSL themselves.
 * Returns JARVA_OK. */
JARVA_API int jarva_global_init(void);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_COMMON_H */
