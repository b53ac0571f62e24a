/* db.c: opening the project database: a private file, WAL, foreign keys, a busy
 * timeout and a schema at the current version. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_db.h"
#include "jarva_internal.h"

/* Long enough for another import's commit to finish; a lock held longer than
 * this is reported as JARVA_EBUSY rather than waited on forever. */
#define BUSY_TIMEOUT_MS 30000

/* A sentence for a write through a read-only handle, instead of SQLite's
 * "attempt to write a readonly database". */
static int refuse_write(jarva_db *db, const char *what)
{
    return jarva__seterr(&db->err, JARVA_EREADONLY,
                         "%s: %s: the database was opened read-only (JARVA_DB_READONLY, or a file "
                         "this process may not write); writing, and an import's dry run, which "
                         "checks the rows in a transaction it rolls back, need a writable handle",
                         db->path, what);
}

/* const in, not out, as strchr: jarva_errmsg() reads the error of a const
 * handle, and the others write it. */
jarva__error *jarva__db_err(const jarva_db *db)
{
    return (jarva__error *)&db->err;
}

const char *jarva__db_path(const jarva_db *db)
{
    return db->path;
}

int jarva__sqlerr(jarva_db *db, const char *what)
{
    int sqlcode = sqlite3_errcode(db->sql);
    if ((sqlcode & 0xff) == SQLITE_READONLY)
        return refuse_write(db, what);
    int code = ((sqlcode & 0xff) == SQLITE_BUSY || (sqlcode & 0xff) == SQLITE_LOCKED) ? JARVA_EBUSY
                                                                                      : JARVA_EDB;
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
    if (db->readonly)
        return refuse_write(db, "starting a write transaction");
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

void jarva__bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

void jarva__rollback(jarva_db *db)
{
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* Refuses what is not a plain file, and makes a file that others may read
 * private (0600): the database and its -wal and -shm hold survey answers,
 * and a file made by `touch` or an earlier tool follows the umask (0644).
 * fchmod on the descriptor just checked, so the check and the change concern
 * the same file. Writable opens refuse a file that cannot be made private;
 * read-only ones read it as it is (a read-only file system, another owner):
 * reading changes nothing about who else can. */
static int make_private(jarva_db *db, const char *path, int fd, const struct stat *st,
                        unsigned flags)
{
    if (!S_ISREG(st->st_mode))
        return jarva__seterr(&db->err, JARVA_EIO, "%s: not a regular file", path);
    if (!(st->st_mode & 077))
        return JARVA_OK;
    if (fchmod(fd, st->st_mode & 0700) == 0 || (flags & JARVA_DB_READONLY))
        return JARVA_OK;
    return jarva__seterr(&db->err, JARVA_EIO,
                         "%s: readable by others (mode %03o) and cannot be made private: %s; "
                         "it holds survey answers: run `chmod 600 %s` as its owner",
                         path, (unsigned)(st->st_mode & 0777), strerror(errno), path);
}

/* The -wal and -shm beside the database, if they are there. */
static int make_side_files_private(jarva_db *db, const char *path, unsigned flags)
{
    static const char *const suffixes[] = { "-wal", "-shm" };
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char *side = jarva__aprintf("%s%s", path, suffixes[i]);
        if (!side)
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        int fd = open(side, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        int rc = JARVA_OK;
        struct stat st;
        if (fd >= 0) {
            if (fstat(fd, &st) == 0)
                rc = make_private(db, side, fd, &st, flags);
            close(fd);
        }
        free(side);
        if (rc)
            return rc;
    }
    return JARVA_OK;
}

/* Before SQLite sees the file: a missing file is created 0600 with
 * JARVA_DB_CREATE (SQLite would create it 0644 less the umask, and its -wal
 * and -shm take the database's mode), refused otherwise; an empty file is
 * adopted only by a create (`touch jarva.db && jarva init`): any other open
 * would write a whole schema into a file that is not a database yet. */
static int prepare_file(jarva_db *db, const char *path, unsigned flags)
{
    int create = (flags & JARVA_DB_CREATE) && !(flags & JARVA_DB_READONLY);
    /* O_NONBLOCK: a FIFO in the database's place must not hang the open. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        if (!create)
            return jarva__seterr(&db->err, JARVA_ENOTFOUND,
                                 "%s: no such database (open it with JARVA_DB_CREATE to create it)",
                                 path);
        fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0600);
        if (fd < 0 && errno == EEXIST) /* created meanwhile by another init */
            fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    }
    if (fd < 0)
        return jarva__seterr(&db->err, errno == ENOENT ? JARVA_ENOTFOUND : JARVA_EIO,
                             "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    int rc = fstat(fd, &st) == 0
                 ? make_private(db, path, fd, &st, flags)
                 : jarva__seterr(&db->err, JARVA_EIO, "%s: %s", path, strerror(errno));
    if (!rc && st.st_size == 0 && !create)
        rc = jarva__seterr(&db->err, JARVA_ENOTFOUND,
                           "%s: an empty file, not a jarva database (open it with "
                           "JARVA_DB_CREATE to make it one)",
                           path);
    close(fd);
    if (!rc)
        rc = make_side_files_private(db, path, flags);
    return rc;
}

/* A reader in a folder it cannot write to cannot create the -shm file SQLite
 * wants for a WAL database, and fails with "attempt to write a readonly
 * database". When there is no -wal either, no writer can be at work (a
 * writer needs one), so the file is opened `immutable`: read without
 * locks or side files. */
static int readonly_folder_without_wal(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? jarva__strndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : jarva__strdup(".");
    char *wal = jarva__aprintf("%s-wal", path);
    int result = 0;
    if (dir && wal) {
        struct stat st;
        int writable = access(dir, W_OK) == 0;
        int has_wal = stat(wal, &st) == 0 && st.st_size > 0;
        result = !writable && !has_wal;
    }
    free(dir);
    free(wal);
    return result;
}

/* "file:" URI for path, with the characters a URI reserves escaped. */
static char *file_uri(const char *path, const char *query)
{
    size_t len = strlen(path);
    char *uri = malloc(5 + 3 * len + strlen(query) + 2);
    if (!uri)
        return NULL;
    char *p = uri;
    memcpy(p, "file:", 5);
    p += 5;
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if (*c == '%' || *c == '?' || *c == '#' || *c < 0x21 || *c >= 0x7F) {
            static const char hex[] = "0123456789ABCDEF";
            *p++ = '%';
            *p++ = hex[*c >> 4];
            *p++ = hex[*c & 15];
        } else {
            *p++ = (char)*c;
        }
    }
    *p++ = '?';
    strcpy(p, query);
    return uri;
}

/* First thing after opening: every statement after it, the foreign-database
 * check included, may meet another process's write lock and must wait for it
 * rather than fail with "database is locked". */
static int wait_for_locks(jarva_db *db)
{
    sqlite3_extended_result_codes(db->sql, 1);
    if (sqlite3_busy_timeout(db->sql, BUSY_TIMEOUT_MS) != SQLITE_OK)
        return jarva__sqlerr(db, "setting the busy timeout");
    return JARVA_OK;
}

static int configure_connection(jarva_db *db, unsigned flags)
{
    /* foreign_keys and synchronous are per connection; journal_mode=WAL persists
     * in the file. synchronous=FULL because a batch must survive power loss once
     * its import has said it is done. */
    /* secure_delete: a removed batch's answers are overwritten in the file,
     * not left in free pages (Debian's SQLite defaults to it, others do not). */
    int rc = jarva__exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; "
                             "PRAGMA secure_delete = ON;");
    if (rc)
        return rc;
    if (!(flags & (JARVA_DB_READONLY | JARVA_DB_MEMORY))) {
        rc = jarva__exec(db, "PRAGMA journal_mode = WAL;");
        if (rc)
            return rc;
    }
    return JARVA_OK;
}

/* A database of another program (schema version 0 but tables of its own)
 * must not get jarva's tables added to it. */
static int refuse_foreign(jarva_db *db)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT user_version FROM pragma_user_version), "
                           "(SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the schema version");
    int step = sqlite3_step(stmt);
    int foreign =
        step == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 0 && sqlite3_column_int(stmt, 1) > 0;
    sqlite3_finalize(stmt);
    if (step != SQLITE_ROW)
        return jarva__sqlerr(db, "reading the schema version");
    if (foreign)
        return jarva__seterr(&db->err, JARVA_EDB,
                             "%s: an SQLite database of another program (it has tables but no "
                             "jarva schema version); not changed",
                             db->path);
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
    if (!memory && (rc = prepare_file(db, path, flags)) != JARVA_OK)
        return rc;
    int readonly = (flags & JARVA_DB_READONLY) != 0;
    int open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI |
                     (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
    char *uri = NULL;
    if (!memory) {
        uri = file_uri(path, readonly && readonly_folder_without_wal(path) ? "immutable=1" : "");
        if (!uri)
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    int opened = sqlite3_open_v2(memory ? ":memory:" : uri, &db->sql, open_flags, NULL);
    free(uri);
    if (opened != SQLITE_OK) {
        if (!db->sql)
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        return jarva__sqlerr(db, "opening");
    }
    /* SQLite opens a write-protected file read-only even when asked for
     * read-write; treat it as a read-only open, so that reading works and a
     * write fails with JARVA_EREADONLY. */
    if (!memory && sqlite3_db_readonly(db->sql, "main") == 1)
        flags |= JARVA_DB_READONLY;
    if ((rc = wait_for_locks(db)) != JARVA_OK)
        return rc;
    /* Before configure_connection() turns WAL on, which writes the file. */
    if (!memory && !(flags & JARVA_DB_READONLY) && (rc = refuse_foreign(db)) != JARVA_OK)
        return rc;
    rc = configure_connection(db, flags);
    if (rc)
        return rc;
    db->readonly = (flags & JARVA_DB_READONLY) != 0;
    if (db->readonly) {
        int version = 0;
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
            return jarva__sqlerr(db, "reading the schema version");
        int step = sqlite3_step(stmt);
        if (step == SQLITE_ROW)
            version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
        /* A step that failed (a lock held past the timeout, an I/O error) is
         * that error, not "not a jarva database". */
        if (step != SQLITE_ROW)
            return jarva__sqlerr(db, "reading the schema version");
        if (version > jarva_db_schema_version())
            return jarva__seterr(&db->err, JARVA_EVERSION,
                                 "%s: schema version %d is newer than this libjarva (%s) knows "
                                 "(%d)",
                                 db->path, version, JARVA_VERSION_STRING,
                                 jarva_db_schema_version());
        if (version == 0)
            return jarva__seterr(&db->err, JARVA_EDB, "%s: not a jarva database", db->path);
        if (version < jarva_db_schema_version())
            return jarva__seterr(&db->err, JARVA_EDB,
                                 "%s: schema version %d, this libjarva needs %d (open it "
                                 "writable once to migrate it)",
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
