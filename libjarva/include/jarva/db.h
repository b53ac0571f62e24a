/* jarva/db.h: the project database, one SQLite file that holds the plan's
 * catalogue, imported batches, observations and computed estimates. */
#ifndef JARVA_DB_H
#define JARVA_DB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An open project database. Not thread-safe: use a handle, and the lists
 * opened from it, from one thread at a time. Separate handles may be used
 * from separate threads at once, on separate files or on the same file: SQLite
 * serialises writers (each write is one transaction, waiting up to 30 s for
 * another writer before JARVA_EBUSY), and readers see only committed data. */
typedef struct jarva_db jarva_db;

typedef enum jarva_db_flags {
    JARVA_DB_CREATE = 1 << 0,   /* create the file (mode 0600) if it does not exist */
    JARVA_DB_READONLY = 1 << 1, /* open for reading only; the schema must be current */
    JARVA_DB_MEMORY = 1 << 2    /* a private in-memory database; path is ignored */
} jarva_db_flags;

/* Opens (and with JARVA_DB_CREATE creates) the database at path, creating or
 * migrating its schema to the current version. The file is created with mode
 * 0600 because it holds survey answers, which are personal data; an existing
 * file (or -wal, -shm) that others may read is made 0600, and a writable open
 * refuses one it cannot make private (JARVA_EIO). Only JARVA_DB_CREATE
 * adopts an empty file (made by `touch`); other opens refuse it
 * (JARVA_ENOTFOUND) without writing a byte, and a file of another program
 * (SQLite tables, no jarva schema) is refused (JARVA_EDB) unchanged.
 * JARVA_DB_READONLY never writes the database; it needs the current schema
 * and works in a folder it cannot write to (without -wal there, the file is
 * read as immutable).
 *
 * *out is set to a new handle even on failure (unless memory ran out, when it
 * is NULL), so that jarva_errmsg(*out) can say why; close it with
 * jarva_db_close() in both cases (out NULL: JARVA_EINVAL, no handle).
 * Returns JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM, JARVA_EIO (cannot create),
 * JARVA_ENOTFOUND (no file and no JARVA_DB_CREATE), JARVA_EDB (not a
 * database, corrupt), JARVA_EBUSY or JARVA_EVERSION (written by a newer
 * libjarva). */
JARVA_API int jarva_db_open(jarva_db **out, const char *path, unsigned flags);

/* Closes the database and frees the handle. Every call has committed or
 * rolled back its transaction before it returns, so nothing is lost. Lists
 * opened from the handle hold copies and are freed separately, before or
 * after. NULL is allowed. */
JARVA_API void jarva_db_close(jarva_db *db);

/* The message of the last call on this handle that took it, in English, with
 * file, line and column where they apply: "" after a call that succeeded.
 * Valid until the next call on the handle; never NULL ("out of memory" for a
 * NULL handle). */
JARVA_API const char *jarva_errmsg(const jarva_db *db);

/* The status code of that last failure (JARVA_OK if none); JARVA_ENOMEM for
 * a NULL handle. */
JARVA_API int jarva_errcode(const jarva_db *db);

/* Leaves a failure on the handle as the library's own calls do: afterwards
 * jarva_errcode(db) is status and jarva_errmsg(db) the formatted message
 * (printf-style, UTF-8). For modules built over the public API, such as the
 * report, whose failures are read from the same handle. Returns status, so
 * that a failure is one line: `return jarva_error_set(db, JARVA_EINVAL, ...);`.
 * db NULL: returns status and keeps nothing. */
JARVA_API int jarva_error_set(jarva_db *db, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Clears the handle's failure: jarva_errmsg(db) is "" and jarva_errcode(db)
 * JARVA_OK afterwards. NULL is allowed. */
JARVA_API void jarva_error_clear(jarva_db *db);

/* The schema version this library writes (and migrates older databases to
 * when it opens them writable). Thread-safe. */
JARVA_API int jarva_db_schema_version(void);

/* The path the handle was opened with; ":memory:" for an in-memory one.
 * Valid until jarva_db_close(). */
JARVA_API const char *jarva_db_path(const jarva_db *db);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_DB_H */
