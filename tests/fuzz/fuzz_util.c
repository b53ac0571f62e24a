/* fuzz_util.c: the harnesses' scratch directory (private, removed at exit)
 * and writing inputs to files. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "jarva_internal.h"
#include "store_db.h"

static char scratch[4096];

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    remove(path);
    return 0;
}

static void remove_scratch(void)
{
    if (scratch[0])
        nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_scratch_dir(void)
{
    if (scratch[0])
        return scratch;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    snprintf(scratch, sizeof scratch, "%s/jarva-fuzz.XXXXXX", tmp);
    if (!mkdtemp(scratch)) {
        fprintf(stderr, "fuzz: cannot create %s: %s\n", scratch, strerror(errno));
        abort();
    }
    atexit(remove_scratch);
    return scratch;
}

char *fuzz_scratch_path(const char *name)
{
    const char *dir = fuzz_scratch_dir();
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        abort();
    snprintf(path, len, "%s/%s", dir, name);
    return path;
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "fuzz: cannot write %s: %s\n", path, strerror(errno));
        abort();
    }
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fprintf(stderr, "fuzz: writing %s: %s\n", path, strerror(errno));
            abort();
        }
        p += n;
        size -= (size_t)n;
    }
    close(fd);
}

/* Batches and respondents, and with labels the batches' value labels. */
static long long stored_rows(jarva_db *db, int labels)
{
    sqlite3_stmt *stmt = NULL;
    long long n = -1;
    const char *sql = labels
                          ? "SELECT (SELECT count(*) FROM batch) + (SELECT count(*) FROM response)"
                            " + (SELECT count(*) FROM batch_value_label)"
                          : "SELECT (SELECT count(*) FROM batch) + (SELECT count(*) FROM response)";
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

void fuzz_check_staff_import(jarva_db *db, const char *path)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = JARVA_IMPORT_STAFF;
    opts.year = 2025;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    int rc = jarva_import_file(&res, db, path, &opts);
    if (rc != JARVA_OK) {
        FUZZ_ASSERT(rc < 0 && jarva_errcode(db) == rc && jarva_errmsg(db)[0] != '\0');
        FUZZ_ASSERT(stored_rows(db, 1) == 0);
        return;
    }
    FUZZ_ASSERT(res.outcome == JARVA_IMPORTED && res.rows > 0);
    FUZZ_ASSERT(stored_rows(db, 0) == (long long)res.rows + 1);
    FUZZ_ASSERT(jarva_batch_remove(db, res.batch_id) == JARVA_OK);
    FUZZ_ASSERT(stored_rows(db, 1) == 0);
}
