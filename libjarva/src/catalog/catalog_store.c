/* catalog_store.c: the catalogue's source mappings (sources/<id>.csv) kept in
 * the database by `jarva init`, so that later imports use what was loaded
 * rather than whatever the folder holds by then (issue 14). The content is
 * stored, not a path and a hash: a path and a hash would make every import
 * fail once the folder moved or was edited, and an import would still
 * depend on a folder the user may have deleted; the content is small
 * (a few KiB a source). Parsed entries are stored with their lines, so that
 * messages still name the file and line the analyst edits. The tables they
 * go to are the store's (store/mapping_store.c). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "source_mapping.h"
#include "sha256.h"
#include "store_internal.h"

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

/* One source: its file, then its entries in order. The setting
 * `covers,comparison` is no column: it is kept as a row of its own (line 0)
 * and read back into the flag by add_stored_row(). */
static int write_source(jarva_db *db, jarva__mapping_writer *w, const cat_source *src)
{
    const jarva__mapping *m = src->mapping;
    int rc = jarva__mapping_writer_source(w, src->id, m->path, src->sha256, src->content);
    for (size_t i = 0; i < m->count && !rc; i++) {
        const jarva__mapping_entry *e = &m->entries[i];
        char *codes = jarva__mapping_codes_text(e);
        if (!codes)
            return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
        const jarva__mapping_row row = { .source_id = src->id,
                                         .position = (long)i + 1,
                                         .line = e->line,
                                         .field = e->field,
                                         .column = e->column,
                                         .year_from = e->year_from,
                                         .year_to = e->year_to,
                                         .codes = codes };
        rc = jarva__mapping_writer_entry(w, &row);
        free(codes);
    }
    if (!rc && m->covers_comparison) {
        const jarva__mapping_row row = { .source_id = src->id,
                                         .position = (long)m->count + 1,
                                         .field = "covers",
                                         .column = "comparison" };
        rc = jarva__mapping_writer_entry(w, &row);
    }
    return rc;
}

int jarva__catalog_sources_write(jarva_db *db, const jarva__catalog *cat)
{
    const jarva__cat_sources *s = cat->sources;
    if (!s)
        return JARVA_OK;
    jarva__mapping_writer *w = NULL;
    int rc = jarva__mapping_writer_open(&w, db);
    for (size_t i = 0; i < s->count && !rc; i++)
        rc = write_source(db, w, &s->items[i]);
    if (!rc)
        rc = jarva__mapping_writer_finish(w, s->dir);
    jarva__mapping_writer_free(w);
    return rc;
}

typedef struct stored_read {
    jarva_db *db;
    jarva__mapping *mapping;
} stored_read;

/* One stored row back into the mapping (write_source's setting row into its
 * flag). */
static int add_stored_row(void *ctx, const jarva__mapping_row *row)
{
    stored_read *r = ctx;
    if (!strcmp(row->field, "covers")) {
        r->mapping->covers_comparison = !strcmp(row->column, "comparison");
        return JARVA_OK;
    }
    if (jarva__mapping_add(r->mapping, row->field, row->column, row->year_from, row->year_to,
                           row->codes, row->line))
        return jarva__seterr(jarva__db_err(r->db), JARVA_ENOMEM, "out of memory");
    return JARVA_OK;
}

/* The mapping init stored for source: JARVA_OK, JARVA_ENOTFOUND with
 * *origin_dir as jarva__store_source_mapping gives it, JARVA_ENOMEM or
 * JARVA_EDB. */
static int stored_mapping(jarva_db *db, const char *source, jarva__mapping **out, char **origin_dir)
{
    stored_read r = { db, calloc(1, sizeof *r.mapping) };
    *out = NULL;
    *origin_dir = NULL;
    if (!r.mapping)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    char *path = NULL;
    int rc = jarva__store_source_mapping(db, source, add_stored_row, &r, &path, origin_dir);
    if (rc) {
        jarva__mapping_free(r.mapping);
        return rc;
    }
    r.mapping->path = path;
    *out = r.mapping;
    return JARVA_OK;
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
    char *dir = NULL;
    rc = stored_mapping(db, source, out, &dir);
    if (rc != JARVA_ENOTFOUND)
        return rc;
    /* No catalogue stored: a database loaded before schema version 4 reads
     * the default folder, as it did then. */
    if (!dir)
        return jarva__mapping_load(jarva_catalog_default_dir(), source, out, err);
    rc = jarva__seterr(err, JARVA_ENOTFOUND,
                       "%s/sources/%s.csv: no column mapping for source '%s' in the catalogue "
                       "this database was loaded from: write one (a mapping draft of the file "
                       "starts it) and load the catalogue %s again",
                       dir, source, source, dir);
    free(dir);
    return rc;
}
