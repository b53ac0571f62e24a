/* import.c: one file in, one batch out, all in one transaction: recognise a
 * file seen before by its SHA-256, read and validate every row, and either
 * commit the batch with its provenance or leave the database as it was. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "import_internal.h"
#include "px_internal.h"
#include "sha256.h"

static const char *default_source(jarva_import_kind kind)
{
    switch (kind) {
    case JARVA_IMPORT_SURVEY: return "jarva-trygghet";
    case JARVA_IMPORT_STAFF: return "jarva-personalenkat";
    case JARVA_IMPORT_ACTIVITIES: return "jarva-aktivitetslogg";
    case JARVA_IMPORT_TABLE: return NULL; /* tables name their survey per row */
    }
    return NULL;
}

void jarva__import_error(jarva__import_errors *e, const jarva__row_source *r, long line, int col,
                         const char *fmt, ...)
{
    e->count++;
    if ((unsigned long)e->count > e->max)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (!r) { /* a file read whole, not by a row source (PX): e->path */
        jarva__adderr(e->err, "%s:%ld: %s", e->path ? e->path : "?", line, message);
        return;
    }
    char where[512];
    jarva__source_where(r, line, col, where, sizeof where);
    jarva__adderr(e->err, "%s: %s", where, message);
}

void jarva__import_reader_error(jarva__import *imp, const jarva__error *read_error)
{
    imp->errors.count++;
    if ((unsigned long)imp->errors.count <= imp->errors.max)
        jarva__adderr(imp->errors.err, "%s",
                      read_error->message ? read_error->message : "read error");
}

void jarva__import_decimal_hint(const jarva__import *imp, const char *text, char *out)
{
    jarva__csv_reader *csv = imp->reader ? jarva__source_csv(imp->reader) : NULL;
    out[0] = '\0';
    if (csv)
        jarva__csv_decimal_hint(csv, text, out, JARVA__DECIMAL_HINT_SIZE);
}

int jarva__find_column(const jarva__row_source *r, const char *const *names)
{
    for (; *names; names++) {
        int col = jarva__source_column(r, *names);
        if (col >= 0)
            return col;
    }
    return -1;
}

void jarva__import_progress(jarva__import *imp, int final)
{
    if (!imp->opts->progress || (!final && imp->rows % 65536 != 0) || !imp->reader)
        return;
    imp->opts->progress(imp->opts->progress_ctx, jarva__source_bytes_read(imp->reader),
                        jarva__source_bytes_total(imp->reader), (uint64_t)imp->rows);
}

int jarva__import_each_row(jarva__import *imp, int (*row)(void *ctx, const jarva__csv_row *r),
                           void *ctx)
{
    jarva__csv_row r;
    jarva__error read_error = { 0 };
    int rc = JARVA_OK, got = 0;
    while (!rc && imp->errors.count < JARVA__IMPORT_ERROR_LIMIT &&
           (got = jarva__source_next(imp->reader, &r, &read_error)) == 1) {
        rc = row(ctx, &r);
        jarva__import_progress(imp, 0);
    }
    if (!rc && got < 0)
        jarva__import_reader_error(imp, &read_error);
    jarva__freeerr(&read_error);
    return rc;
}

/* A workbook is one batch (the batch is its bytes' SHA-256): asking for
 * another sheet of one imported before is not "the same file again". */
static int check_same_sheet(jarva_db *db, const char *path, int64_t batch_id, const char *sheet)
{
    if (!sheet)
        return JARVA_OK;
    char *options = NULL;
    int rc = jarva__store_batch_options(db, batch_id, &options);
    const char *had = options ? strstr(options, "sheet=") : NULL;
    if (rc == JARVA_OK && had && strcasecmp(had + 6, sheet) != 0)
        rc = jarva__seterr(jarva__db_err(db), JARVA_EEXISTS,
                           "%s: this workbook was imported before as batch %lld, from sheet "
                           "'%s'; one workbook is one batch: save sheet '%s' as a workbook "
                           "of its own to import it",
                           path, (long long)batch_id, had + 6, sheet);
    free(options);
    return rc;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The batch row, written last, once the rows are in (see
 * jarva__store_batch_insert). */
static int insert_batch(jarva__import *imp, const char *source, const char *hex, int year)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char options[sizeof imp->format_options];
    if (imp->reader) {
        jarva__source_options_text(imp->reader, options, sizeof options);
    } else {
        snprintf(options, sizeof options, "%s", imp->format_options);
    }
    jarva__batch_record b = { 0 };
    b.id = imp->batch_id;
    b.kind = jarva_import_kind_name(imp->opts->kind);
    b.source = source;
    b.year = year;
    b.file_name = base_name(imp->path);
    b.sha256 = hex;
    b.rows = imp->rows;
    b.imported_at = now;
    b.tool_version = "libjarva " JARVA_VERSION_STRING;
    b.options = options;
    if (imp->result->weight_ratio > 0) {
        b.weight_ratio = imp->result->weight_ratio;
        b.extreme_weights = imp->result->extreme_weights;
    }
    return jarva__store_batch_insert(imp->db, &b);
}

/* Survey and staff waves are one file per source and year: a second, different
 * file for the same wave replaces the first only when asked to. */
static int settle_wave(jarva__import *imp, const char *source, jarva_import_result *res)
{
    jarva_db *db = imp->db;
    int is_wave = imp->opts->kind == JARVA_IMPORT_SURVEY || imp->opts->kind == JARVA_IMPORT_STAFF;
    if (is_wave) {
        int64_t old;
        char *file_name, *imported_at;
        int rc = jarva__store_wave_batch(db, jarva_import_kind_name(imp->opts->kind), source,
                                         imp->year, imp->batch_id, &old, &file_name, &imported_at);
        if (rc == JARVA_OK && old && !imp->opts->replace)
            rc = jarva__seterr(jarva__db_err(db), JARVA_EEXISTS,
                               "%s: %s %s %d was already imported from another file "
                               "(batch %lld, %s, %s); use --replace to swap this one in",
                               imp->path, jarva_import_kind_name(imp->opts->kind), source,
                               imp->year, (long long)old, file_name, imported_at);
        free(file_name);
        free(imported_at);
        if (rc)
            return rc;
        res->replaced_id = old;
        if (res->replaced_id && (rc = jarva__store_batch_delete(db, res->replaced_id)) != JARVA_OK)
            return rc;
    }
    return insert_batch(imp, source, res->sha256, is_wave ? imp->year : 0);
}

/* After the rows: the SHA-256 of the whole file, and the file as it was
 * when opened. */
static int final_hash(jarva__import *imp, char hex[65])
{
    if (imp->reader)
        return jarva__source_final_hash(imp->reader, hex, jarva__db_err(imp->db));
    int rc = jarva__input_drain(imp->fd, imp->path, &imp->sha, &imp->bytes, jarva__db_err(imp->db));
    if (rc)
        return rc;
    unsigned char digest[32];
    jarva__sha256 copy = imp->sha;
    jarva__sha256_final(&copy, digest);
    jarva__sha256_hex(digest, hex);
    return jarva__input_unchanged(imp->fd, imp->path, &imp->input, imp->bytes,
                                  jarva__db_err(imp->db));
}

/* Failures after which the file's hash still tells something: the data or
 * the mapping is wrong, yet it may be a file imported before. */
static int hash_still_meaningful(int rc)
{
    return rc == JARVA_OK || rc == JARVA_EFORMAT || rc == JARVA_ENOTFOUND || rc == JARVA_EINVAL;
}

static int import_file(jarva_db *db, const char *path, const jarva_import_options *opts,
                       jarva_import_result *out)
{
    const char *source = opts->source ? opts->source : default_source(opts->kind);
    jarva__import imp = { 0 };
    imp.db = db;
    imp.opts = opts;
    imp.result = out;
    imp.path = path;
    imp.fd = -1;
    imp.year = opts->year;
    imp.errors.err = jarva__db_err(db);
    imp.errors.max = opts->max_errors ? opts->max_errors : 20;
    imp.errors.path = path;
    jarva__sha256_init(&imp.sha);

    /* Opened once, checked by fstat on the descriptor (a regular file, not
     * too large) before a byte is read: /dev/zero or a FIFO is refused at
     * once, not hashed forever. */
    int fd;
    int rc = jarva__input_open(path, opts->max_bytes, &fd, &imp.input, jarva__db_err(db));
    if (rc)
        return rc;
    unsigned char head[32];
    ssize_t head_len = pread(fd, head, sizeof head, 0);
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    dialect.delimiter = opts->delimiter;
    dialect.decimal = opts->decimal;
    dialect.encoding = jarva__encoding_from_public(opts->encoding);
    dialect.header_line = opts->header_row;
    /* A PX table is read whole by the table import (import_table_px.c), not
     * by a row source. */
    if (opts->kind == JARVA_IMPORT_TABLE &&
        jarva__px_sniff(path, head, head_len > 0 ? (size_t)head_len : 0)) {
        imp.fd = fd;
    } else {
        rc = jarva__source_open(&imp.reader, fd, &imp.input, path, &dialect, opts->sheet,
                                jarva__db_err(db));
        if (rc)
            return rc;
    }

    rc = jarva__store_batch_begin(db, &imp.batch_id);
    if (rc)
        goto done;
    switch (opts->kind) {
    case JARVA_IMPORT_SURVEY:
    case JARVA_IMPORT_STAFF: rc = jarva__import_survey(&imp); break;
    case JARVA_IMPORT_TABLE: rc = jarva__import_table(&imp); break;
    case JARVA_IMPORT_ACTIVITIES: rc = jarva__import_activities(&imp); break;
    }
    if (rc == JARVA_OK && imp.errors.count) {
        if ((unsigned long)imp.errors.count > imp.errors.max)
            jarva__adderr(jarva__db_err(db), "... and %ld more errors",
                          imp.errors.count - (long)imp.errors.max);
        jarva__db_err(db)->code = rc = JARVA_EFORMAT;
    }
    /* Hashed in the same pass as the rows were read: the hash is of the
     * bytes the rows came from, unless the file changed meanwhile (an
     * export still being written, or saved again), which rolls back. A file
     * imported before is then skipped, whatever its rows said. */
    if (hash_still_meaningful(rc)) {
        int hashed = final_hash(&imp, out->sha256);
        if (hashed == JARVA_OK)
            hashed = jarva__store_batch_by_hash(db, out->sha256, &out->batch_id);
        if (hashed) {
            rc = hashed;
        } else if (out->batch_id &&
                   (hashed = check_same_sheet(db, path, out->batch_id, opts->sheet)) != JARVA_OK) {
            rc = hashed;
        } else if (out->batch_id) {
            jarva__clearerr(jarva__db_err(db));
            jarva__source_close(imp.reader);
            if (imp.fd >= 0)
                close(imp.fd);
            jarva__store_batch_finish(db, 0);
            jarva_import_result seen = JARVA_IMPORT_RESULT_INIT;
            seen.outcome = JARVA_UNCHANGED;
            seen.batch_id = out->batch_id;
            memcpy(seen.sha256, out->sha256, sizeof seen.sha256);
            *out = seen;
            return JARVA_OK;
        }
    }
    if (rc == JARVA_OK && imp.reader)
        rc = jarva__import_value_labels(&imp);
    if (rc == JARVA_OK)
        rc = settle_wave(&imp, source ? source : "published", out);
    jarva__import_progress(&imp, 1);
done:
    jarva__source_close(imp.reader);
    if (imp.fd >= 0)
        close(imp.fd);
    out->rows = imp.rows;
    out->unlinked = imp.unlinked;
    out->year = imp.year;
    if (rc || opts->dry_run) {
        jarva__store_batch_finish(db, 0);
        if (rc == JARVA_OK)
            out->outcome = JARVA_VALIDATED;
        return rc;
    }
    rc = jarva__store_batch_finish(db, 1);
    if (rc)
        return rc;
    out->batch_id = imp.batch_id;
    out->outcome = out->replaced_id ? JARVA_REPLACED : JARVA_IMPORTED;
    return JARVA_OK;
}

int jarva_import_file(jarva_import_result *out, jarva_db *db, const char *path,
                      const jarva_import_options *given)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(jarva__db_err(db));
    if (!path || !given || !out)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "jarva_import_file: NULL argument");
    if (out->version != JARVA_IMPORT_RESULT_VERSION)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                             "jarva_import_file: result version %u, this libjarva knows %d "
                             "(initialise it from JARVA_IMPORT_RESULT_INIT)",
                             out->version, JARVA_IMPORT_RESULT_VERSION);
    /* A version 1 struct ends before max_bytes: read no further, and give
     * the rest its defaults. */
    jarva_import_options opts;
    static const jarva_import_options defaults = JARVA_IMPORT_OPTIONS_INIT;
    if (given->version >= 1 && given->version <= 3) {
        /* Each version's fields end where the next version's first begins. */
        static const size_t ends[] = { 0, offsetof(jarva_import_options, max_bytes),
                                       offsetof(jarva_import_options, sheet),
                                       offsetof(jarva_import_options, header_row) };
        opts = defaults;
        memcpy(&opts, given, ends[given->version]);
        opts.version = JARVA_IMPORT_OPTIONS_VERSION;
    } else if (given->version == JARVA_IMPORT_OPTIONS_VERSION) {
        opts = *given;
    } else {
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                             "jarva_import_file: options version %u, this libjarva knows 1 to %d",
                             given->version, JARVA_IMPORT_OPTIONS_VERSION);
    }
    if ((unsigned)opts.kind > JARVA_IMPORT_ACTIVITIES)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "jarva_import_file: unknown kind %d",
                             (int)opts.kind);
    if (opts.year && (opts.year < 1990 || opts.year > 2199))
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "year %d is out of range (1990-2199)",
                             opts.year);
    if (opts.header_row < 0 || opts.header_row > 1000000)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "header row %ld is out of range",
                             opts.header_row);
    if (opts.weight_factor != 0 && !(opts.weight_factor > 1 && isfinite(opts.weight_factor)))
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                             "the weight factor must be a number above 1 (%g)", opts.weight_factor);
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    int rc = import_file(db, path, &opts, &res);
    *out = res;
    return rc;
}
