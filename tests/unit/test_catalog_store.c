/* test_catalog_store.c: `jarva init` keeps the source mappings in the
 * database (issue 14): the stored text is the file's, byte for byte, with
 * its SHA-256 (compared with the library's own, checked elsewhere against
 * FIPS 180-4 vectors); imports read the stored rows, not the folder, even
 * once the folder is gone; loading another folder replaces them; a mapping
 * that does not parse stops init with its file and line and writes nothing;
 * a database without a stored catalogue reads the folder as before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "source_mapping.h"
#include "jarva_internal.h"
#include "sha256.h"
#include "store_db.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static void copy_dir(const char *from, const char *to)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -R '%s' '%s'", to, from, to);
    CHECK_INT(system(cmd), 0);
}

static char *text(jarva_db *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = strdup((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return out;
}

int main(void)
{
    char dir[1024], sources[1100], mapping_path[1200];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("store_catalogue"));
    snprintf(sources, sizeof sources, "%s/sources", dir);
    snprintf(mapping_path, sizeof mapping_path, "%s/jarva-trygghet.csv", sources);
    copy_dir(JARVA_SOURCE_DIR "/indicators", dir);
    remove(test_tmp_path("store.db"));
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, test_tmp_path("store.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, dir), JARVA_OK);

    /* The text as it is in the file, and its hash. */
    size_t len = 0;
    char *file = slurp(mapping_path, &len);
    CHECK(file != NULL);
    char *stored = text(db, "SELECT content FROM catalog_source WHERE id = 'jarva-trygghet'");
    CHECK_STR(stored, file);
    unsigned char digest[32];
    char hex[65];
    jarva__sha256 ctx;
    jarva__sha256_init(&ctx);
    jarva__sha256_update(&ctx, file, len);
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, hex);
    char *stored_hash = text(db, "SELECT sha256 FROM catalog_source WHERE id = 'jarva-trygghet'");
    CHECK_STR(stored_hash, hex);
    char *origin = text(db, "SELECT dir FROM catalog_origin");
    CHECK_STR(origin, dir);
    free(stored);
    free(stored_hash);
    free(origin);
    free(file);

    /* Line 10 of the file maps F12a for 2022 on (indicators/sources/jarva-trygghet.csv). */
    jarva__mapping *m = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__mapping_for_source(db, NULL, "jarva-trygghet", &m, &err), JARVA_OK);
    int found = 0;
    for (size_t i = 0; m && i < m->count; i++)
        if (!strcmp(m->entries[i].column, "F12a")) {
            found = 1;
            CHECK_STR(m->entries[i].field, "q_trygg_kvall");
            CHECK_INT(m->entries[i].line, 10);
            CHECK_INT(m->entries[i].year_from, 2022);
            CHECK_INT(m->entries[i].year_to, 0);
            CHECK_STR(m->entries[i].codes[4], "9");
        }
    CHECK(found);
    CHECK(m && !strcmp(m->path, mapping_path));
    jarva__mapping_free(m);

    /* The folder changed after init: imports still see what init stored. */
    FILE *f = fopen(mapping_path, "w");
    fputs("field,column\nrespondent_id,changed\n", f);
    fclose(f);
    CHECK_INT(jarva__mapping_for_source(db, NULL, "jarva-trygghet", &m, &err), JARVA_OK);
    CHECK(m && m->count > 10 && !strcmp(m->entries[0].column, "lopnr"));
    jarva__mapping_free(m);
    /* A folder given for one import is read instead. */
    CHECK_INT(jarva__mapping_for_source(db, dir, "jarva-trygghet", &m, &err), JARVA_OK);
    CHECK(m && m->count == 1 && !strcmp(m->entries[0].column, "changed"));
    jarva__mapping_free(m);
    /* ... until init loads it again. */
    CHECK_INT(jarva_catalog_load(db, dir), JARVA_OK);
    CHECK_INT(jarva__mapping_for_source(db, NULL, "jarva-trygghet", &m, &err), JARVA_OK);
    CHECK(m && m->count == 1 && !strcmp(m->entries[0].column, "changed"));
    CHECK(m && !m->covers_comparison);
    jarva__mapping_free(m);

    /* The setting covers,comparison is no column, and is kept too. */
    f = fopen(mapping_path, "a");
    fputs("covers,comparison\n", f);
    fclose(f);
    CHECK_INT(jarva_catalog_load(db, dir), JARVA_OK);
    CHECK_INT(jarva__mapping_for_source(db, NULL, "jarva-trygghet", &m, &err), JARVA_OK);
    CHECK(m && m->covers_comparison && m->count == 1);
    jarva__mapping_free(m);
    m = NULL;

    /* A source the stored catalogue lacks: named with where to add it. */
    CHECK_INT(jarva__mapping_for_source(db, NULL, "no-such", &m, &err), JARVA_ENOTFOUND);
    CHECK_CONTAINS(err.message, "/sources/no-such.csv: no column mapping for source 'no-such'");

    /* A mapping that does not parse: init fails with its line, nothing changes. */
    f = fopen(mapping_path, "w");
    fputs("field,column,years\nq_x,F1,20x1\n", f);
    fclose(f);
    char *before = text(db, "SELECT group_concat(content) FROM catalog_source");
    CHECK_INT(jarva_catalog_load(db, dir), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "sources/jarva-trygghet.csv:2: years '20x1' is not a range");
    char *after = text(db, "SELECT group_concat(content) FROM catalog_source");
    CHECK_STR(after, before);
    free(before);
    free(after);

    /* No stored catalogue (a database initialised before schema 4): the folder. */
    CHECK_INT(jarva__exec(db, "DELETE FROM catalog_source; DELETE FROM catalog_origin"), JARVA_OK);
    CHECK_INT(jarva__mapping_for_source(db, NULL, "jarva-trygghet", &m, &err), JARVA_OK);
    CHECK(m && strstr(m->path, "/indicators/sources/jarva-trygghet.csv") != NULL);
    jarva__mapping_free(m);
    jarva__freeerr(&err);
    jarva_db_close(db);
    return test_report();
}
