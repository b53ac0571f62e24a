/* fuzz_xlsx.c: the .xlsx reader and a staff import of the workbook, on
 * workbooks built from the input. Deflated zip entries would hide the XML
 * from the fuzzer, so the input is the XML: the sheet part, then after a NUL
 * byte the shared strings part, then after another the styles part (each
 * optional), stored uncompressed with a fixed workbook and relationships by
 * libzip. An input that starts as a zip archive ("PK\3\4") is written as it
 * is instead, to fuzz the archive layer too.
 *
 * Invariants checked: opening either fails with a message or reads rows
 * whose numbers grow, with at most Excel's columns, each cell NULL or
 * non-empty valid UTF-8 of the length given; a failing row read leaves a
 * message and stays failed; an import that fails leaves a message and no
 * rows, one that succeeds is taken out again by jarva_batch_remove(). */
#include <string.h>

#include <zip.h>

#include "fuzz.h"
#include "jarva_internal.h"
#include "text_encoding.h"
#include "xlsx_internal.h"

static jarva_db *db;
static char *path;

static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    path = fuzz_scratch_path("input.xlsx");
    if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK) {
        fprintf(stderr, "fuzz_xlsx: setup: %s\n", jarva_errmsg(db));
        abort();
    }
    return 0;
}

static void add(zip_t *z, const char *name, const void *data, size_t size)
{
    zip_source_t *src = zip_source_buffer(z, data, size, 0);
    FUZZ_ASSERT(src != NULL);
    zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
    FUZZ_ASSERT(i >= 0);
    zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* Writes the workbook the input describes to path. */
static void build(const uint8_t *data, size_t size)
{
    if (size >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
        fuzz_write_file(path, data, size);
        return;
    }
    const uint8_t *part[3] = { data, NULL, NULL };
    size_t len[3] = { size, 0, 0 };
    for (int p = 0; p < 2; p++) {
        const uint8_t *nul = len[p] ? memchr(part[p], 0, len[p]) : NULL;
        if (!nul)
            break;
        part[p + 1] = nul + 1;
        len[p + 1] = len[p] - (size_t)(nul + 1 - part[p]);
        len[p] = (size_t)(nul - part[p]);
    }
    int error = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
    FUZZ_ASSERT(z != NULL);
    add(z, "xl/workbook.xml", workbook, sizeof workbook - 1);
    add(z, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
    add(z, "xl/worksheets/sheet1.xml", part[0], len[0]);
    if (part[1])
        add(z, "xl/sharedStrings.xml", part[1], len[1]);
    if (part[2])
        add(z, "xl/styles.xml", part[2], len[2]);
    FUZZ_ASSERT(zip_close(z) == 0);
}

static int valid_text(const char *s, size_t n)
{
    jarva__text_error e;
    size_t first;
    return strlen(s) == n && jarva__utf8_check((const unsigned char *)s, n, &e, &first) == n &&
           e == JARVA__TEXT_OK;
}

static void check_read(void)
{
    jarva__xlsx *x = NULL;
    jarva__error err = { 0 };
    int rc = jarva__xlsx_open(&x, path, NULL, &err);
    if (rc) {
        FUZZ_ASSERT(rc < 0 && x == NULL && err.message && *err.message);
        jarva__freeerr(&err);
        return;
    }
    jarva__xlsx_row row;
    long last = 0;
    int got;
    while ((got = jarva__xlsx_next(x, &row, &err)) == 1) {
        FUZZ_ASSERT(row.row > last && row.row <= JARVA__XLSX_MAX_ROWS);
        last = row.row;
        FUZZ_ASSERT(row.ncells > 0 && row.ncells <= JARVA__XLSX_MAX_COLUMNS);
        int any = 0;
        for (size_t c = 0; c < row.ncells; c++) {
            if (!row.cells[c])
                continue;
            any = 1;
            FUZZ_ASSERT(row.lengths[c] > 0 && valid_text(row.cells[c], row.lengths[c]));
        }
        FUZZ_ASSERT(any);
    }
    if (got < 0) {
        FUZZ_ASSERT(err.message && *err.message);
        FUZZ_ASSERT(jarva__xlsx_next(x, &row, &err) == got);
    }
    jarva__xlsx_close(x);
    jarva__freeerr(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    build(data, size);
    check_read();
    fuzz_check_staff_import(db, path);
    return 0;
}
