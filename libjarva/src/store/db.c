/* db.c: opening the project database: a private file, WAL, foreign keys, a busy
 * timeout and a schema at the current version. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jarva_internal.h"

/* Long enough for another import's commit to finish; a lock held longer than
 * this is reported as JARVA_EBUSY rather than waited on forever. */
#define BUSY_TIMEOUT_MS 30000

int jarva__sqlerr(jarva_db *db, const char *what)
{
    int sqlcode = sqlite3_errcode(db->sql);
    int code = (sqlcode == SQLITE_BUSY || sqlcode == SQLITE_LOCKED) ? JARVA_EBUSY : JARVA_EDB;
    return jarva__seterr(&db->err, code, "%s: %s: %s", db->path, what, sqlite3_errmsg(db->sql));
}

int jarva__exec(jarva_db *db, const char *sql)
{
    if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "executing SQL");
    return JARVA_OK;
}

int jarva__begin_write(jarva_db *db)
{
    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "starting a write transaction");
    return JARVA_OK;
}

int jarva__commit(jarva_db *db)
{
    if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "committing");
        jarva__rollback(db);
        return rc;
    }
    return JARVA_OK;
}

void jarva__rollback(jarva_db *db)
{
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* SQLite creates a new file with 0644 less the umask, and its -wal and -shm
 * files with the mode of the database file. Creating the file ourselves with
 * 0600 first makes all three private: they will hold survey answers. */
static int create_private_file(jarva_db *db, const char *path, unsigned flags)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return JARVA_OK;
    if (errno != ENOENT)
        return jarva__seterr(&db->err, JARVA_EIO, "%s: %s", path, strerror(errno));
    if (!(flags & JARVA_DB_CREATE))
        return jarva__seterr(&db->err, JARVA_ENOTFOUND,
                             "%s: no such database (run `jarva init` to create it)", path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno != EEXIST)
        return jarva__seterr(&db->err, JARVA_EIO, "%s: cannot create: %s", path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return JARVA_OK;
}

static int configure_connection(jarva_db *db, unsigned flags)
{
    sqlite3_extended_result_codes(db->sql, 1);
    if (sqlite3_busy_timeout(db->sql, BUSY_TIMEOUT_MS) != SQLITE_OK)
        return jarva__sqlerr(db, "setting the busy timeout");
    /* foreign_keys and synchronous are per connection; journal_mode=WAL persists
     * in the file. synchronous=FULL because a batch must survive power loss once
     * its import has said it is done. */
    int rc = jarva__exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    if (rc)
        return rc;
    if (!(flags & (JARVA_DB_READONLY | JARVA_DB_MEMORY))) {
        rc = jarva__exec(db, "PRAGMA journal_mode = WAL;");
        if (rc)
            return rc;
    }
    return JARVA_OK;
}

int jarva_db_open(jarva_db **out, const char *path, unsigned flags)
{
    if (!out)
        return JARVA_EINVAL;
    jarva_global_init();
    jarva_db *db = calloc(1, sizeof *db);
    *out = db;
    if (!db)
        return JARVA_ENOMEM;
    int memory = (flags & JARVA_DB_MEMORY) != 0;
    if (!memory && (!path || !*path))
        return jarva__seterr(&db->err, JARVA_EINVAL, "no database path given");
    db->path = jarva__strdup(memory ? ":memory:" : path);
    if (!db->path)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");

    int rc = JARVA_OK;
    if (!memory) {
        /* Read-only never creates: create_private_file() only reports. */
        rc = create_private_file(db, path, (flags & JARVA_DB_READONLY) ? 0 : flags);
        if (rc)
            return rc;
    }
    int open_flags = SQLITE_OPEN_NOMUTEX |
                     ((flags & JARVA_DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
    if (sqlite3_open_v2(db->path, &db->sql, open_flags, NULL) != SQLITE_OK) {
        if (!db->sql)
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        return jarva__sqlerr(db, "opening");
    }
    /* SQLite opens a write-protected file read-only even when asked for
     * read-write; treat it as a read-only open, so that reading works and a
     * write fails with SQLite's "readonly database" message. */
    if (!memory && sqlite3_db_readonly(db->sql, "main") == 1)
        flags |= JARVA_DB_READONLY;
    rc = configure_connection(db, flags);
    if (rc)
        return rc;
    if (flags & JARVA_DB_READONLY) {
        int version = 0;
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
            return jarva__sqlerr(db, "reading the schema version");
        if (sqlite3_step(stmt) == SQLITE_ROW)
            version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        if (version != jarva_db_schema_version())
            return jarva__seterr(
                &db->err, version > jarva_db_schema_version() ? JARVA_EVERSION : JARVA_EDB,
                "%s: schema version %d, this libjarva needs %d (open it writable once to migrate)",
                db->path, version, jarva_db_schema_version());
        return JARVA_OK;
    }
    return jarva__schema_migrate(db);
}

void jarva_db_close(jarva_db *db)
{
    if (!db)
        return;
    if (db->sql) {
        jarva__rollback(db);
        sqlite3_close_v2(db->sql);
    }
    free(db->path);
    free(db->plan_title_sv);
    free(db->plan_title_en);
    jarva__freeerr(&db->err);
    free(db);
}

const char *jarva_db_path(const jarva_db *db)
{
    return db && db->path ? db->path : "";
}
