/* test_fault.c: fault injection like SQLite's (its "malloc failure" and "I/O
 * error" tests): for an import (a survey, a table, an activity log, a Stata
 * file with value labels, the survey again, a revised survey replacing its
 * wave), a mapping draft, a compute and a report, first count the calls of
 * each kind the operation makes (malloc, open, read, write, SQLite step;
 * fault.h), then run it again once per n, with the n-th call failing.
 * Every run must end in an error with a message (or, if jarva got over the
 * failure, in exactly the result of a run without one); an import or compute
 * that failed must leave the database exactly as it was, a report must leave
 * no file and the database untouched; nothing may crash, and under
 * AddressSanitizer nothing may leak (LeakSanitizer checks at exit).
 *
 * ctest runs every n up to SAMPLE_ALL calls of a kind and an even sample of
 * the rest (the first and last ones always), about two minutes under ASan.
 * The full loop over every n of every kind:
 *     JARVA_FAULT_ALL=1 build/tests/fault/test_fault
 * One case, to debug it: JARVA_FAULT_ONLY=import:malloc:123 (op:kind:n). */
#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fault.h"
#include "harness.h"
#include "jarva.h"
#ifdef JARVA_HAVE_REPORT
#include <jarva/report.h>
#endif

/* Every n up to this, then an even sample of SAMPLE_REST more. */
#define SAMPLE_ALL 150
#define SAMPLE_REST 100

static char dir[4096];
static int run_all;
static const char *only;

static const char *in_dir(const char *name)
{
    static char path[2][4200];
    static int which;
    which ^= 1;
    snprintf(path[which], sizeof path[which], "%s/%s", dir, name);
    return path[which];
}

/* ---- the database's content, independent of jarva ---------------------- */

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* A hash of every table's rows (sorted on all columns, so that the order of
 * the pages does not matter) and of the schema. Columns named *_at (import
 * and compute times) are left out: a successful run at another second is the
 * same result. Returns 0 if the file cannot be read. */
static uint64_t content_hash(const char *path)
{
    sqlite3 *sql = NULL;
    uint64_t h = 14695981039346656037ULL;
    if (sqlite3_open_v2(path, &sql, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(sql);
        return 0;
    }
    sqlite3_stmt *tables = NULL;
    sqlite3_prepare_v2(sql,
                       "SELECT name, coalesce(sql, '') FROM sqlite_schema "
                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
                       -1, &tables, NULL);
    while (tables && sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        const char *ddl = (const char *)sqlite3_column_text(tables, 1);
        h = fnv(h, ddl, strlen(ddl) + 1);
        if (strncmp(ddl, "CREATE TABLE", 12) != 0)
            continue;
        char query[512];
        snprintf(query, sizeof query, "SELECT * FROM \"%s\"", name);
        sqlite3_stmt *rows = NULL;
        if (sqlite3_prepare_v2(sql, query, -1, &rows, NULL) != SQLITE_OK)
            return 0;
        int ncols = sqlite3_column_count(rows);
        sqlite3_finalize(rows);
        size_t len = (size_t)snprintf(query, sizeof query, "SELECT * FROM \"%s\" ORDER BY 1", name);
        for (int c = 2; c <= ncols && len < sizeof query - 8; c++)
            len += (size_t)snprintf(query + len, sizeof query - len, ",%d", c);
        sqlite3_prepare_v2(sql, query, -1, &rows, NULL);
        while (rows && sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < ncols; c++) {
                const char *col = sqlite3_column_name(rows, c);
                size_t cl = strlen(col);
                if (cl > 3 && !strcmp(col + cl - 3, "_at"))
                    continue;
                const unsigned char *v = sqlite3_column_text(rows, c);
                h = fnv(h, v ? (const void *)v : "\x01NULL", v ? strlen((const char *)v) + 1 : 6);
            }
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_stmt *version = NULL;
    sqlite3_prepare_v2(sql, "PRAGMA user_version", -1, &version, NULL);
    if (version && sqlite3_step(version) == SQLITE_ROW) {
        int v = sqlite3_column_int(version, 0);
        h = fnv(h, &v, sizeof v);
    }
    sqlite3_finalize(version);
    sqlite3_close(sql);
    return h;
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[65536];
    size_t n;
    int ok = in && out;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* A fresh copy of a template database, with no side files left. */
static void fresh_copy(const char *template_path, const char *path)
{
    char side[4300];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    CHECK_INT(copy_file(template_path, path), 0);
    chmod(path, 0600);
}

/* ---- the operations ------------------------------------------------------ */

typedef struct operation {
    const char *name;
    const char *template_db; /* the database it starts from */
    /* Runs on the database at path; fills msg with jarva_errmsg on failure. */
    int (*run)(const char *db_path, char *msg, size_t msglen);
    int writes; /* 1: a failure must leave the database as it was */
    const char *output;
} operation;

static int open_db(const char *db_path, unsigned flags, jarva_db **db, char *msg, size_t msglen)
{
    int rc = jarva_db_open(db, db_path, flags);
    if (rc)
        snprintf(msg, msglen, "%s", jarva_errmsg(*db));
    return rc;
}

/* Imports file (under tests/data) as kind into the database at path, as a
 * replacement of its wave with replace. */
static int import_one(const char *db_path, const char *file, jarva_import_kind kind, int replace,
                      char *msg, size_t msglen)
{
    jarva_db *db = NULL;
    int rc = open_db(db_path, 0, &db, msg, msglen);
    if (!rc) {
        jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
        opts.kind = kind;
        opts.replace = replace;
        jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", JARVA_TEST_DATA_DIR, file);
        rc = jarva_import_file(&res, db, path, &opts);
        if (rc)
            snprintf(msg, msglen, "%s", jarva_errmsg(db));
    }
    jarva_db_close(db);
    return rc;
}

static int run_import(const char *db_path, char *msg, size_t msglen)
{
    return import_one(db_path, "import/survey_2023_utf8.csv", JARVA_IMPORT_SURVEY, 0, msg, msglen);
}

/* The same file again: recognised by its hash, nothing written. */
static int run_import_again(const char *db_path, char *msg, size_t msglen)
{
    return run_import(db_path, msg, msglen);
}

/* Another file for the same wave, swapped in: the old batch deleted. */
static int run_import_replace(const char *db_path, char *msg, size_t msglen)
{
    return import_one(db_path, "import/survey_2023_revised.csv", JARVA_IMPORT_SURVEY, 1, msg,
                      msglen);
}

/* A Stata file: its value labels stored after the rows
 * (store/label_writer.c). */
static int run_import_labels(const char *db_path, char *msg, size_t msglen)
{
    return import_one(db_path, "formats/trygghetsenkat-2025.dta", JARVA_IMPORT_SURVEY, 0, msg,
                      msglen);
}

/* The table and activity writers (store/table_writer.c, activity_writer.c)
 * have error paths of their own. */
static int run_import_table(const char *db_path, char *msg, size_t msglen)
{
    return import_one(db_path, "import/table.csv", JARVA_IMPORT_TABLE, 0, msg, msglen);
}

static int run_import_activities(const char *db_path, char *msg, size_t msglen)
{
    return import_one(db_path, "import/activities.csv", JARVA_IMPORT_ACTIVITIES, 0, msg, msglen);
}

FILE *__real_fopen(const char *path, const char *mode);

/* A mapping draft reads the stored mappings (store/mapping_store.c), writes
 * nothing to the database, and its text goes to draft.csv (the operation's
 * output), so that a hint lost to a failure shows as another draft. */
static int run_draft(const char *db_path, char *msg, size_t msglen)
{
    jarva_db *db = NULL;
    int rc = open_db(db_path, JARVA_DB_READONLY, &db, msg, msglen);
    if (!rc) {
        char *csv = NULL;
        rc =
            jarva_mapping_draft(&csv, db, JARVA_TEST_DATA_DIR "/import/survey_2023_utf8.csv", NULL);
        if (rc)
            snprintf(msg, msglen, "%s", jarva_errmsg(db));
        /* Past the counters (fault.c's __real_fopen is the C library's): the
         * file is the test's, not the operation's. */
        FILE *f = rc ? NULL : __real_fopen(in_dir("draft.csv"), "wb");
        if (f) {
            fputs(csv, f);
            fclose(f);
        }
        jarva_free(csv);
    }
    jarva_db_close(db);
    return rc;
}

static int run_compute(const char *db_path, char *msg, size_t msglen)
{
    jarva_db *db = NULL;
    int rc = open_db(db_path, 0, &db, msg, msglen);
    if (!rc) {
        jarva_compute_summary sum = JARVA_COMPUTE_SUMMARY_INIT;
        rc = jarva_compute(&sum, db, NULL);
        if (rc)
            snprintf(msg, msglen, "%s", jarva_errmsg(db));
    }
    jarva_db_close(db);
    return rc;
}

#ifdef JARVA_HAVE_REPORT
static int run_report(const char *db_path, char *msg, size_t msglen)
{
    jarva_db *db = NULL;
    int rc = open_db(db_path, JARVA_DB_READONLY, &db, msg, msglen);
    if (!rc) {
        jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
        opts.year = 2024;
        opts.creation_time = 1767225600LL; /* reproducible bytes */
        rc = jarva_report_write(db, &opts, in_dir("report.pdf"));
        if (rc)
            snprintf(msg, msglen, "%s", jarva_errmsg(db));
    }
    jarva_db_close(db);
    return rc;
}
#endif

/* ---- the loop ------------------------------------------------------------- */

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static uint64_t file_hash(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    uint64_t h = 14695981039346656037ULL;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = fnv(h, buf, n);
    fclose(f);
    return h;
}

typedef struct reference {
    uint64_t before, after; /* database content before and after a clean run */
    uint64_t output;        /* the output file's bytes after a clean run */
} reference;

/* One run with the n-th call of kind failing (n = 0: none). Returns 0 if
 * it behaved, else 1 (already reported). */
static int one_run(const operation *op, const reference *ref, fault_kind kind, long n)
{
    const char *db_path = in_dir("work.db");
    fresh_copy(op->template_db, db_path);
    if (op->output)
        unlink(op->output);
    char msg[2048] = "";
    fault_arm(kind, n, 0);
    int rc = op->run(db_path, msg, sizeof msg);
    int fired = fault_fired();
    fault_reset();
    uint64_t now = content_hash(db_path);
    int bad = 0;
    char what[64];
    snprintf(what, sizeof what, "%s, %s #%ld", op->name, fault_name(kind), n);
    if (rc != JARVA_OK) {
        if (!fired) {
            fprintf(stderr, "%s: failed without a fault: %s\n", what, msg);
            bad = 1;
        }
        if (!msg[0]) {
            fprintf(stderr, "%s: error %d without a message\n", what, rc);
            bad = 1;
        }
        if (now != ref->before) {
            fprintf(stderr, "%s: failed (%s) but changed the database\n", what, msg);
            bad = 1;
        }
        if (op->output && file_exists(op->output)) {
            fprintf(stderr, "%s: failed (%s) but left %s\n", what, msg, op->output);
            bad = 1;
        }
    } else {
        /* Got over the failure: then the result must be the clean one. */
        if (now != ref->after) {
            fprintf(stderr, "%s: succeeded with a different database than a clean run\n", what);
            bad = 1;
        }
        if (op->output && file_hash(op->output) != ref->output) {
            fprintf(stderr, "%s: succeeded with a different %s than a clean run\n", what,
                    op->output);
            bad = 1;
        }
    }
    return bad;
}

/* The n to try for a kind with total calls: all of 1..SAMPLE_ALL and an even
 * sample of the rest ending at total (every n with JARVA_FAULT_ALL). */
static long next_n(long n, long total)
{
    if (run_all || n < SAMPLE_ALL || total <= SAMPLE_ALL + SAMPLE_REST)
        return n + 1;
    long step = (total - SAMPLE_ALL) / SAMPLE_REST;
    if (step < 1)
        step = 1;
    long next = n + step;
    return next > total && n < total ? total : next;
}

static void loop(const operation *op)
{
    /* The clean run: its result and how many calls of each kind it makes. */
    reference ref = { content_hash(op->template_db), 0, 0 };
    long total[FAULT_KINDS];
    const char *db_path = in_dir("work.db");
    fresh_copy(op->template_db, db_path);
    if (op->output)
        unlink(op->output);
    char msg[2048] = "";
    fault_reset();
    int rc = op->run(db_path, msg, sizeof msg);
    for (int k = 0; k < FAULT_KINDS; k++)
        total[k] = fault_count((fault_kind)k);
    CHECK_INT(rc, JARVA_OK);
    if (rc) {
        fprintf(stderr, "%s: the clean run failed: %s\n", op->name, msg);
        return;
    }
    ref.after = content_hash(db_path);
    ref.output = op->output ? file_hash(op->output) : 0;
    CHECK(op->writes ? ref.after != ref.before : ref.after == ref.before);
    for (int k = 0; k < FAULT_KINDS; k++) {
        long runs = 0, failures = 0;
        for (long n = 1; n <= total[k]; n = next_n(n, total[k])) {
            if (only) {
                char key[128];
                snprintf(key, sizeof key, "%s:%s:%ld", op->name, fault_name((fault_kind)k), n);
                if (strcmp(key, only) != 0)
                    continue;
            }
            runs++;
            failures += one_run(op, &ref, (fault_kind)k, n);
        }
        test_checks++;
        test_failures += failures ? 1 : 0;
        fprintf(stderr, "%-8s %-7s %6ld calls, %5ld runs, %ld misbehaved\n", op->name,
                fault_name((fault_kind)k), total[k], runs, failures);
    }
    /* The counts are not idle: every operation reads, allocates and steps. */
    CHECK(total[FAULT_MALLOC] > 0 && total[FAULT_STEP] > 0 && total[FAULT_OPEN] > 0);
}

/* ---- set-up: the template databases --------------------------------------- */

static void import_into(jarva_db *db, const char *file, jarva_import_kind kind)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = kind;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    char path[4096];
    snprintf(path, sizeof path, "%s/import/%s", JARVA_TEST_DATA_DIR, file);
    int rc = jarva_import_file(&res, db, path, &opts);
    CHECK_INT(rc, JARVA_OK);
    if (rc)
        fprintf(stderr, "%s\n", jarva_errmsg(db));
}

static void make_templates(void)
{
    jarva_db *db = NULL;
    /* catalogue only: what the import starts from */
    CHECK_INT(jarva_db_open(&db, in_dir("catalogue.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    jarva_db_close(db);
    /* imported, not computed: what compute starts from */
    CHECK_INT(copy_file(in_dir("catalogue.db"), in_dir("imported.db")), 0);
    CHECK_INT(jarva_db_open(&db, in_dir("imported.db"), 0), JARVA_OK);
    import_into(db, "survey_2023_utf8.csv", JARVA_IMPORT_SURVEY);
    import_into(db, "table.csv", JARVA_IMPORT_TABLE);
    import_into(db, "activities.csv", JARVA_IMPORT_ACTIVITIES);
    import_into(db, "staff_2024.csv", JARVA_IMPORT_STAFF);
    jarva_db_close(db);
    /* computed: what the report reads */
    CHECK_INT(copy_file(in_dir("imported.db"), in_dir("computed.db")), 0);
    CHECK_INT(jarva_db_open(&db, in_dir("computed.db"), 0), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    jarva_db_close(db);
}

int main(void)
{
    /* Thousands of runs sync the database (synchronous = FULL) and the
     * report: on tmpfs that costs nothing, on a disk most of the minute. */
    if (access("/dev/shm", W_OK) == 0)
        snprintf(dir, sizeof dir, "/dev/shm/jarva-fault-%ld", (long)getpid());
    else
        snprintf(dir, sizeof dir, "%s", test_tmp_path("fault"));
    char cmd[8300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);
    run_all = getenv("JARVA_FAULT_ALL") && *getenv("JARVA_FAULT_ALL") == '1';
    only = getenv("JARVA_FAULT_ONLY");
    if (only && !*only)
        only = NULL;
    make_templates();
    char catalogue[4200], imported[4200], computed[4200], report[4200], draft[4200];
    snprintf(catalogue, sizeof catalogue, "%s", in_dir("catalogue.db"));
    snprintf(imported, sizeof imported, "%s", in_dir("imported.db"));
    snprintf(computed, sizeof computed, "%s", in_dir("computed.db"));
    snprintf(report, sizeof report, "%s", in_dir("report.pdf"));
    snprintf(draft, sizeof draft, "%s", in_dir("draft.csv"));
    const operation ops[] = {
        { "import", catalogue, run_import, 1, NULL },
        { "table", catalogue, run_import_table, 1, NULL },
        { "activity", catalogue, run_import_activities, 1, NULL },
        { "labels", catalogue, run_import_labels, 1, NULL },
        { "again", imported, run_import_again, 0, NULL },
        { "replace", imported, run_import_replace, 1, NULL },
        { "draft", catalogue, run_draft, 0, draft },
        { "compute", imported, run_compute, 1, NULL },
#ifdef JARVA_HAVE_REPORT
        { "report", computed, run_report, 0, report },
#endif
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        loop(&ops[i]);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (test_failures == 0 && system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return test_report();
}
