/* catalog_store.c: the catalogue's source mappings (sources/<id>.csv) kept in
 * the database by `jarva init`, so that later imports use what was loaded
 * rather than whatever the folder holds by then (issue 14). The content is
 * stored, not a path and a hash: a path and a hash would make every import
 * fail once the folder moved or was edited, and an import would still
 * depend on a folder the user may have deleted; the content is small
 * (a few KiB a source). Parsed entries are stored with their lines, so that
 * messages still name the file and line the analyst edits. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog_internal.h"
#include "import_mapping.h"
#include "sha256.h"

/* A mapping file is a few KiB; anything this big is not one. */
#define SOURCE_MAX_BYTES (4 * 1024 * 1024)

typedef struct cat_source {
    char *id;
    char *content;
    char sha256[65];
    jarva__mapping *mapping; /* path as messages show it */
} cat_source;

struct jarva__cat_sources {
    char *dir;
    cat_source *items;
    size_t count, cap;
};

static int by_id(const void *a, const void *b)
{
    return strcmp(((const cat_source *)a)->id, ((const cat_source *)b)->id);
}

static char *read_small_file(const char *path, size_t *len, jarva__cat_errors *errors)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        jarva__cat_error(errors, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    char *buf = malloc(SOURCE_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, SOURCE_MAX_BYTES + 1, f) : 0;
    int failed = ferror(f);
    fclose(f);
    if (!buf) {
        jarva__cat_nomem(errors);
        return NULL;
    }
    if (failed || n > SOURCE_MAX_BYTES || memchr(buf, '\0', n)) {
        jarva__cat_error(errors, path, 0, "%s",
                         failed ? "read error" : "not a column mapping (too big or binary)");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* One sources/<id>.csv: its bytes and its rows. */
static void read_source(jarva__cat_sources *s, const char *name, jarva__cat_errors *errors)
{
    size_t name_len = strlen(name);
    char *id = jarva__strndup(name, name_len - 4);
    char *path = jarva__aprintf("%s/sources/%s", s->dir, name);
    if (!id || !path) {
        free(id);
        free(path);
        jarva__cat_nomem(errors);
        return;
    }
    jarva__error err = { 0 };
    size_t len = 0;
    char *content = NULL;
    jarva__mapping *mapping = NULL;
    if (jarva__mapping_check_source_id(id, &err))
        jarva__cat_error(errors, path, 0, "%s (the file name is the source's id)", err.message);
    else if ((content = read_small_file(path, &len, errors)) != NULL &&
             jarva__mapping_parse_file(path, &mapping, &err))
        jarva__cat_error(errors, NULL, 0, "%s", err.message ? err.message : "read error");
    jarva__freeerr(&err);
    if (!mapping) {
        free(id);
        free(path);
        free(content);
        return;
    }
    if (s->count == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        cat_source *grown = realloc(s->items, cap * sizeof *grown);
        if (!grown) {
            free(id);
            free(path);
            free(content);
            jarva__mapping_free(mapping);
            jarva__cat_nomem(errors);
            return;
        }
        s->items = grown;
        s->cap = cap;
    }
    cat_source *item = &s->items[s->count++];
    item->id = id;
    item->content = content;
    item->mapping = mapping;
    jarva__sha256 ctx;
    unsigned char digest[32];
    jarva__sha256_init(&ctx);
    jarva__sha256_update(&ctx, content, len);
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, item->sha256);
    free(path);
}

void jarva__catalog_sources_read(jarva__catalog *cat, const char *dir)
{
    jarva__cat_sources *s = calloc(1, sizeof *s);
    if (!s || !(s->dir = jarva__strdup(dir))) {
        free(s);
        jarva__cat_nomem(&cat->errors);
        return;
    }
    cat->sources = s;
    char *sources_dir = jarva__aprintf("%s/sources", dir);
    if (!sources_dir) {
        jarva__cat_nomem(&cat->errors);
        return;
    }
    DIR *d = opendir(sources_dir);
    free(sources_dir);
    if (!d) /* a catalogue without survey sources has no folder */
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && e->d_name[0] != '.' && !strcmp(e->d_name + n - 4, ".csv"))
            read_source(s, e->d_name, &cat->errors);
    }
    closedir(d);
    if (s->count)
        qsort(s->items, s->count, sizeof *s->items, by_id);
}

void jarva__catalog_sources_free(jarva__catalog *cat)
{
    jarva__cat_sources *s = cat->sources;
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++) {
        free(s->items[i].id);
        free(s->items[i].content);
        jarva__mapping_free(s->items[i].mapping);
    }
    free(s->items);
    free(s->dir);
    free(s);
    cat->sources = NULL;
}

static int write_entries(jarva_db *db, const cat_source *src, sqlite3_stmt *entry)
{
    const jarva__mapping *m = src->mapping;
    for (size_t i = 0; i < m->count; i++) {
        const jarva__mapping_entry *e = &m->entries[i];
        char *codes = jarva__mapping_codes_text(e);
        if (!codes)
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        sqlite3_bind_text(entry, 1, src->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(entry, 2, (sqlite3_int64)i + 1);
        sqlite3_bind_int64(entry, 3, e->line);
        sqlite3_bind_text(entry, 4, e->field, -1, SQLITE_STATIC);
        sqlite3_bind_text(entry, 5, e->column, -1, SQLITE_STATIC);
        if (e->year_from)
            sqlite3_bind_int(entry, 6, e->year_from);
        else
            sqlite3_bind_null(entry, 6);
        if (e->year_to)
            sqlite3_bind_int(entry, 7, e->year_to);
        else
            sqlite3_bind_null(entry, 7);
        if (*codes)
            sqlite3_bind_text(entry, 8, codes, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(entry, 8);
        int step = sqlite3_step(entry);
        sqlite3_reset(entry);
        free(codes);
        if (step != SQLITE_DONE)
            return jarva__sqlerr(db, "storing the catalogue's source mappings");
    }
    /* The setting `covers,comparison` is no column: kept as a row of its
     * own (line 0) and read back into the flag by stored_mapping(). */
    if (m->covers_comparison) {
        sqlite3_bind_text(entry, 1, src->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(entry, 2, (sqlite3_int64)m->count + 1);
        sqlite3_bind_int64(entry, 3, 0);
        sqlite3_bind_text(entry, 4, "covers", -1, SQLITE_STATIC);
        sqlite3_bind_text(entry, 5, "comparison", -1, SQLITE_STATIC);
        for (int i = 6; i <= 8; i++)
            sqlite3_bind_null(entry, i);
        int step = sqlite3_step(entry);
        sqlite3_reset(entry);
        if (step != SQLITE_DONE)
            return jarva__sqlerr(db, "storing the catalogue's source mappings");
    }
    return JARVA_OK;
}

int jarva__catalog_sources_write(jarva_db *db, const jarva__catalog *cat)
{
    const jarva__cat_sources *s = cat->sources;
    if (!s)
        return JARVA_OK;
    int rc = jarva__exec(db, "DELETE FROM catalog_source; DELETE FROM catalog_origin");
    if (rc)
        return rc;
    sqlite3_stmt *source = NULL, *entry = NULL, *origin = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO catalog_source(id, path, sha256, content) "
                           "VALUES (?, ?, ?, ?)",
                           -1, &source, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(
            db->sql,
            "INSERT INTO catalog_source_entry(source_id, position, line, field, "
            "column_name, year_from, year_to, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            -1, &entry, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql,
                           "INSERT INTO catalog_origin(id, dir, loaded_at) VALUES (1, ?, ?)", -1,
                           &origin, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "storing the catalogue's source mappings");
        goto done;
    }
    for (size_t i = 0; i < s->count && !rc; i++) {
        const cat_source *src = &s->items[i];
        sqlite3_bind_text(source, 1, src->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(source, 2, src->mapping->path, -1, SQLITE_STATIC);
        sqlite3_bind_text(source, 3, src->sha256, -1, SQLITE_STATIC);
        sqlite3_bind_text(source, 4, src->content, -1, SQLITE_STATIC);
        int step = sqlite3_step(source);
        sqlite3_reset(source);
        rc = step == SQLITE_DONE ? write_entries(db, src, entry)
                                 : jarva__sqlerr(db, "storing the catalogue's source mappings");
    }
    if (!rc) {
        char now[32];
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
        sqlite3_bind_text(origin, 1, s->dir, -1, SQLITE_STATIC);
        sqlite3_bind_text(origin, 2, now, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(origin) != SQLITE_DONE)
            rc = jarva__sqlerr(db, "storing the catalogue's source mappings");
    }
done:
    sqlite3_finalize(source);
    sqlite3_finalize(entry);
    sqlite3_finalize(origin);
    return rc;
}

/* The stored mapping of source: JARVA_OK, JARVA_ENOTFOUND with *stored 1
 * (the catalogue is stored, the source is not in it) or 0 (no catalogue was
 * stored: a database loaded before schema version 4). */
static int stored_mapping(jarva_db *db, const char *source, jarva__mapping **out, int *stored)
{
    *out = NULL;
    *stored = 0;
    sqlite3_stmt *stmt = NULL;
    jarva__mapping *m = NULL;
    int rc = JARVA_OK;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT dir FROM catalog_origin), s.path, e.field, "
                           "e.column_name, e.year_from, e.year_to, e.codes, e.line "
                           "FROM (SELECT 1) LEFT JOIN catalog_source s ON s.id = ?1 "
                           "LEFT JOIN catalog_source_entry e ON e.source_id = s.id "
                           "ORDER BY e.position",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the stored source mapping");
    sqlite3_bind_text(stmt, 1, source, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW && !rc) {
        *stored = sqlite3_column_type(stmt, 0) != SQLITE_NULL;
        if (sqlite3_column_type(stmt, 1) == SQLITE_NULL)
            break;
        if (!m) {
            m = calloc(1, sizeof *m);
            if (!m || !(m->path = jarva__strdup((const char *)sqlite3_column_text(stmt, 1)))) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
        }
        if (sqlite3_column_type(stmt, 2) == SQLITE_NULL)
            continue; /* a mapping file with a header only */
        if (!strcmp((const char *)sqlite3_column_text(stmt, 2), "covers")) {
            m->covers_comparison =
                !strcmp((const char *)sqlite3_column_text(stmt, 3), "comparison");
            continue;
        }
        if (jarva__mapping_add(m, (const char *)sqlite3_column_text(stmt, 2),
                               (const char *)sqlite3_column_text(stmt, 3),
                               sqlite3_column_int(stmt, 4), sqlite3_column_int(stmt, 5),
                               (const char *)sqlite3_column_text(stmt, 6),
                               (long)sqlite3_column_int64(stmt, 7)))
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading the stored source mapping");
    sqlite3_finalize(stmt);
    if (rc) {
        jarva__mapping_free(m);
        return rc;
    }
    *out = m;
    return m ? JARVA_OK : JARVA_ENOTFOUND;
}

int jarva__mapping_for_source(jarva_db *db, const char *catalog_dir, const char *source,
                              jarva__mapping **out, jarva__error *err)
{
    *out = NULL;
    int rc = jarva__mapping_check_source_id(source, err);
    if (rc)
        return rc;
    /* A folder given for this import is read: trying an edited mapping
     * before loading it with init. */
    if (catalog_dir)
        return jarva__mapping_load(catalog_dir, source, out, err);
    int stored = 0;
    rc = stored_mapping(db, source, out, &stored);
    if (rc != JARVA_ENOTFOUND)
        return rc;
    if (!stored)
        return jarva__mapping_load(jarva_catalog_default_dir(), source, out, err);
    char *dir = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT dir FROM catalog_origin", -1, &stmt, NULL) ==
            SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        dir = jarva__strdup((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    const char *d = dir ? dir : "DIR";
    rc = jarva__seterr(err, JARVA_ENOTFOUND,
                       "%s/sources/%s.csv: no column mapping for source '%s' in the catalogue "
                       "this database was loaded from: write one (a mapping draft of the file "
                       "starts it) and load the catalogue %s again",
                       d, source, source, d);
    free(dir);
    return rc;
}
