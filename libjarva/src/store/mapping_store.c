/* mapping_store.c: the catalogue's source mappings in the database, row by
 * row as catalog/catalog_store.c reads and parses them: written by `jarva
 * init`, read back by every import that has no folder of its own, and asked
 * by a mapping draft which field a column of a new export was given before.
 * What a row means is the catalogue's business, not the store's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__mapping_writer {
    jarva_db *db;
    sqlite3_stmt *source, *entry, *origin;
};

void jarva__mapping_writer_free(jarva__mapping_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->source);
    sqlite3_finalize(w->entry);
    sqlite3_finalize(w->origin);
    free(w);
}

int jarva__mapping_writer_open(jarva__mapping_writer **out, jarva_db *db)
{
    *out = NULL;
    jarva__mapping_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    int rc = jarva__exec(db, "DELETE FROM catalog_source; DELETE FROM catalog_origin");
    if (!rc && (sqlite3_prepare_v2(db->sql,
                                   "INSERT INTO catalog_source(id, path, sha256, content) "
                                   "VALUES (?, ?, ?, ?)",
                                   -1, &w->source, NULL) != SQLITE_OK ||
                sqlite3_prepare_v2(
                    db->sql,
                    "INSERT INTO catalog_source_entry(source_id, position, line, field, "
                    "column_name, year_from, year_to, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    -1, &w->entry, NULL) != SQLITE_OK ||
                sqlite3_prepare_v2(
                    db->sql, "INSERT INTO catalog_origin(id, dir, loaded_at) VALUES (1, ?, ?)", -1,
                    &w->origin, NULL) != SQLITE_OK))
        rc = jarva__sqlerr(db, "storing the catalogue's source mappings");
    if (rc) {
        jarva__mapping_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__mapping_writer_source(jarva__mapping_writer *w, const char *source_id, const char *path,
                                 const char *sha256, const char *content)
{
    sqlite3_stmt *source = w->source;
    sqlite3_bind_text(source, 1, source_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(source, 2, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(source, 3, sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(source, 4, content, -1, SQLITE_STATIC);
    int step = sqlite3_step(source);
    sqlite3_reset(source);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "storing the catalogue's source mappings");
    return JARVA_OK;
}

static void bind_year(sqlite3_stmt *st, int i, int year)
{
    if (year)
        sqlite3_bind_int(st, i, year);
    else
        sqlite3_bind_null(st, i);
}

int jarva__mapping_writer_entry(jarva__mapping_writer *w, const jarva__mapping_row *row)
{
    sqlite3_stmt *entry = w->entry;
    sqlite3_bind_text(entry, 1, row->source_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(entry, 2, row->position);
    sqlite3_bind_int64(entry, 3, row->line);
    sqlite3_bind_text(entry, 4, row->field, -1, SQLITE_STATIC);
    sqlite3_bind_text(entry, 5, row->column, -1, SQLITE_STATIC);
    bind_year(entry, 6, row->year_from);
    bind_year(entry, 7, row->year_to);
    if (row->codes && *row->codes)
        sqlite3_bind_text(entry, 8, row->codes, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(entry, 8);
    int step = sqlite3_step(entry);
    sqlite3_reset(entry);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "storing the catalogue's source mappings");
    return JARVA_OK;
}

int jarva__mapping_writer_finish(jarva__mapping_writer *w, const char *dir)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_bind_text(w->origin, 1, dir, -1, SQLITE_STATIC);
    sqlite3_bind_text(w->origin, 2, now, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(w->origin);
    sqlite3_reset(w->origin);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "storing the catalogue's source mappings");
    return JARVA_OK;
}

/* A copy of column col of st's row into *out (NULL stays NULL): JARVA_OK or
 * JARVA_ENOMEM. */
static int copy_column(jarva_db *db, sqlite3_stmt *st, int col, char **out)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return JARVA_OK;
    *out = jarva__strdup((const char *)sqlite3_column_text(st, col));
    return *out ? JARVA_OK : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
}

int jarva__store_source_mapping(jarva_db *db, const char *source, jarva__mapping_row_fn each,
                                void *ctx, char **path, char **origin_dir)
{
    *path = NULL;
    *origin_dir = NULL;
    sqlite3_stmt *stmt = NULL;
    /* One row even when the source is not stored, so that the folder is
     * known for the message that says where to write its mapping. */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT dir FROM catalog_origin), s.path, e.field, "
                           "e.column_name, e.year_from, e.year_to, e.codes, e.line, e.position "
                           "FROM (SELECT 1) LEFT JOIN catalog_source s ON s.id = ?1 "
                           "LEFT JOIN catalog_source_entry e ON e.source_id = s.id "
                           "ORDER BY e.position",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the stored source mapping");
    sqlite3_bind_text(stmt, 1, source, -1, SQLITE_STATIC);
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (sqlite3_column_type(stmt, 1) == SQLITE_NULL) {
            rc = copy_column(db, stmt, 0, origin_dir);
            break;
        }
        if (!*path && (rc = copy_column(db, stmt, 1, path)) != JARVA_OK)
            break;
        if (sqlite3_column_type(stmt, 2) == SQLITE_NULL)
            continue; /* a mapping file with a header only */
        const jarva__mapping_row row = {
            .source_id = source,
            .position = (long)sqlite3_column_int64(stmt, 8),
            .line = (long)sqlite3_column_int64(stmt, 7),
            .field = (const char *)sqlite3_column_text(stmt, 2),
            .column = (const char *)sqlite3_column_text(stmt, 3),
            .year_from = sqlite3_column_int(stmt, 4),
            .year_to = sqlite3_column_int(stmt, 5),
            .codes = (const char *)sqlite3_column_text(stmt, 6),
        };
        rc = each(ctx, &row);
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading the stored source mapping");
    sqlite3_finalize(stmt);
    if (rc) {
        free(*path);
        free(*origin_dir);
        *path = *origin_dir = NULL;
        return rc;
    }
    return *path ? JARVA_OK : JARVA_ENOTFOUND;
}

struct jarva__column_hints {
    jarva_db *db;
    const char *source;
    sqlite3_stmt *mapped, *variable;
};

int jarva__column_hints_open(jarva__column_hints **out, jarva_db *db, const char *source)
{
    *out = NULL;
    jarva__column_hints *h = calloc(1, sizeof *h);
    if (!h)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    h->db = db;
    h->source = source ? source : "";
    /* A database from before schema version 4 has no stored mappings: a
     * statement that does not prepare gives no hints rather than an error. */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT field, source_id FROM catalog_source_entry "
                           "WHERE column_name = ?1 ORDER BY source_id = ?2 DESC, position LIMIT 1",
                           -1, &h->mapped, NULL) != SQLITE_OK) {
        sqlite3_finalize(h->mapped);
        h->mapped = NULL;
    }
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT variable, id FROM indicator WHERE variable = ?1 COLLATE "
                           "NOCASE AND source_kind IN ('survey', 'staff') LIMIT 1",
                           -1, &h->variable, NULL) != SQLITE_OK) {
        sqlite3_finalize(h->variable);
        h->variable = NULL;
    }
    *out = h;
    return JARVA_OK;
}

/* The two texts of st's row as new strings; JARVA_OK or JARVA_ENOMEM. */
static int copy_pair(jarva_db *db, sqlite3_stmt *st, char **a, char **b)
{
    *a = jarva__strdup((const char *)sqlite3_column_text(st, 0));
    *b = jarva__strdup((const char *)sqlite3_column_text(st, 1));
    if (*a && *b)
        return JARVA_OK;
    free(*a);
    free(*b);
    *a = *b = NULL;
    return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
}

/* The first row of st (its parameters bound) into a and b: JARVA_OK,
 * JARVA_ENOTFOUND, JARVA_ENOMEM or JARVA_EDB. */
static int first_pair(jarva_db *db, sqlite3_stmt *st, char **a, char **b)
{
    int step = sqlite3_step(st);
    int rc = step == SQLITE_ROW    ? copy_pair(db, st, a, b)
             : step == SQLITE_DONE ? JARVA_ENOTFOUND
                                   : jarva__sqlerr(db, "reading the catalogue's mappings");
    sqlite3_reset(st);
    return rc;
}

int jarva__column_hints_find(jarva__column_hints *h, const char *column, jarva__column_hint *hint)
{
    memset(hint, 0, sizeof *hint);
    int rc = JARVA_ENOTFOUND;
    if (h->mapped) {
        sqlite3_bind_text(h->mapped, 1, column, -1, SQLITE_STATIC);
        sqlite3_bind_text(h->mapped, 2, h->source, -1, SQLITE_STATIC);
        rc = first_pair(h->db, h->mapped, &hint->field, &hint->source_id);
    }
    if (rc == JARVA_ENOTFOUND && h->variable) {
        sqlite3_bind_text(h->variable, 1, column, -1, SQLITE_STATIC);
        rc = first_pair(h->db, h->variable, &hint->field, &hint->indicator_id);
    }
    return rc;
}

void jarva__column_hints_free(jarva__column_hints *h)
{
    if (!h)
        return;
    sqlite3_finalize(h->mapped);
    sqlite3_finalize(h->variable);
    free(h);
}

/* columns as a JSON array of strings, for json_each; NULL out of memory. */
static char *json_names(const char *const *columns, size_t n)
{
    size_t cap = 3;
    for (size_t c = 0; c < n; c++)
        cap += 3 + 6 * strlen(columns[c]);
    char *json = malloc(cap), *p = json;
    if (!json)
        return NULL;
    *p++ = '[';
    for (size_t c = 0; c < n; c++) {
        if (c)
            *p++ = ',';
        *p++ = '"';
        for (const unsigned char *s = (const unsigned char *)columns[c]; *s; s++) {
            if (*s == '"' || *s == '\\' || *s < 0x20)
                p += sprintf(p, "\\u%04x", *s);
            else
                *p++ = (char)*s;
        }
        *p++ = '"';
    }
    *p++ = ']';
    *p = '\0';
    return json;
}

int jarva__store_likeliest_source(jarva_db *db, const char *const *columns, size_t ncolumns,
                                  char **source)
{
    *source = NULL;
    char *names = json_names(columns, ncolumns);
    if (!names)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sqlite3_stmt *stmt = NULL;
    int rc = JARVA_ENOTFOUND;
    /* As for the hints: no stored mappings (schema before version 4), no guess. */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT source_id, count(DISTINCT column_name) FROM "
                           "catalog_source_entry, json_each(?1) j WHERE column_name = j.value "
                           "GROUP BY source_id ORDER BY 2 DESC, 1 LIMIT 1",
                           -1, &stmt, NULL) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, names, -1, SQLITE_STATIC);
        int step = sqlite3_step(stmt);
        if (step == SQLITE_ROW)
            rc = (*source = jarva__strdup((const char *)sqlite3_column_text(stmt, 0)))
                     ? JARVA_OK
                     : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        else if (step != SQLITE_DONE)
            rc = jarva__sqlerr(db, "reading the catalogue's mappings");
    }
    sqlite3_finalize(stmt);
    free(names);
    return rc;
}
