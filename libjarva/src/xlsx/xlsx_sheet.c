/* xlsx_sheet.c: a worksheet part streamed row by row. Expat pushes, the
 * import pulls: the end of each row with a value suspends the parser
 * (XML_StopParser, resumable), next() hands the row out and resumes it on
 * the following call. Chunks are read into Expat's own buffer
 * (XML_GetBuffer), so a suspended parser never points into ours. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil_date.h"
#include "csv_reader.h"
#include "xlsx_priv.h"

#define CHUNK (64 * 1024)

/* Stops the parser for good after a failure; returns -1 for the caller. */
static int stop(jarva__xlsx *x)
{
    XML_StopParser(x->parser, XML_FALSE);
    return -1;
}

static int grow(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    char *g = realloc(*buf, c);
    if (!g)
        return -1;
    *buf = g;
    *cap = c;
    return 0;
}

/* "C12" -> column index 2; -1 if not a cell reference. */
static long column_of(const char *ref)
{
    long col = 0;
    const char *c = ref;
    for (; *c >= 'A' && *c <= 'Z'; c++) {
        col = col * 26 + (*c - 'A' + 1);
        if (col > JARVA__XLSX_MAX_COLUMNS)
            return -1;
    }
    if (c == ref || *c < '1' || *c > '9')
        return -1;
    return col - 1;
}

/* An Excel date serial as "YYYY-MM-DD", with " HH:MM:SS" when it has a time
 * of day. 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February
 * 1900 that never was (serial 60), so serials from 61 on are days since
 * 1899-12-30 and earlier ones since 1899-12-31 (ECMA-376 Part 1, 18.17.4.1).
 * 1904 system: days since 1904-01-01. -1 for serial 60 and what lies outside
 * 1900-9999. */
static int serial_to_iso(double serial, int date1904, char *out, size_t size)
{
    if (!(serial >= 0) || serial >= 2958466.0)
        return -1;
    double whole = floor(serial);
    long days = (long)whole;
    long seconds = lround((serial - whole) * 86400.0);
    if (seconds == 86400) {
        days++;
        seconds = 0;
    }
    long epoch; /* days from 1970-01-01 to serial 0 */
    if (date1904)
        epoch = -24107; /* 1904-01-01 */
    else if (days >= 61)
        epoch = -25569; /* 1899-12-30 */
    else if (days == 60)
        return -1;
    else
        epoch = -25568; /* 1899-12-31 */
    if (!date1904 && days == 0 && seconds == 0)
        return -1; /* serial 0 is "1900-01-00" */
    long long y;
    unsigned m, d;
    jarva__civil_from_days(days + epoch, &y, &m, &d);
    if (seconds)
        snprintf(out, size, "%04lld-%02u-%02u %02ld:%02ld:%02ld", y, m, d, seconds / 3600,
                 seconds / 60 % 60, seconds % 60);
    else
        snprintf(out, size, "%04lld-%02u-%02u", y, m, d);
    return 0;
}

/* The text of a number cell, as Excel's XML writes it ('.' decimal, maybe
 * an exponent), read independently of the C locale. -1 if not a finite
 * number. */
static int parse_number(const char *s, double *out)
{
    for (const char *c = s; *c; c++)
        if (!((*c >= '0' && *c <= '9') || *c == '.' || *c == '-' || *c == '+' || *c == 'E' ||
              *c == 'e'))
            return -1;
    return *s ? jarva__parse_double(s, '.', out) : -1;
}

/* The cell's value into the row, by its type. */
static int finish_cell(jarva__xlsx *x)
{
    if (x->cell_col < 0)
        return 0;
    char number[64];
    const char *value = NULL;
    size_t len = 0;
    x->text[x->text_len] = '\0';
    if (x->has_formula) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                         "the cell holds a formula (=%.*s); an import takes values only: copy "
                         "the column and paste it as values, then save",
                         (int)(x->formula_len > 60 ? 60 : x->formula_len),
                         x->formula ? x->formula : "");
        return stop(x);
    }
    switch (x->cell_type) {
    case 's': {
        char *end;
        long i = strtol(x->text, &end, 10);
        if (end == x->text || *end || i < 0 || (size_t)i >= x->nshared) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                             "shared string %s does not exist (the workbook has %zu)", x->text,
                             x->nshared);
            return stop(x);
        }
        value = x->shared + x->shared_offset[i];
        len = strlen(value);
        break;
    }
    case 'i':
    case 'd':
        value = x->text;
        len = x->text_len;
        break;
    case 'b':
        value = strcmp(x->text, "0") ? "1" : "0";
        len = 1;
        break;
    case 'e':
        jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                         "the cell holds the error value %s", x->text);
        return stop(x);
    default: {
        if (x->text_len == 0)
            break;
        double v;
        if (parse_number(x->text, &v)) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                             "'%s' is not a number, though the cell says it is", x->text);
            return stop(x);
        }
        int is_date =
            x->cell_style >= 0 && (size_t)x->cell_style < x->nxf && x->xf_is_date[x->cell_style];
        if (is_date) {
            if (serial_to_iso(v, x->date1904, number, sizeof number)) {
                jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                                 "%s is not a date Excel can show", x->text);
                return stop(x);
            }
            value = number;
        } else if (v == floor(v) && fabs(v) < 1e15) {
            /* A whole number as a whole number: "1", never "1.0" or "1E0". */
            snprintf(number, sizeof number, "%.0f", v);
            value = number;
        } else {
            value = x->text; /* as stored: shortest text that reads back exactly */
        }
        len = strlen(value);
    }
    }
    if (!value || len == 0)
        return 0;
    if ((size_t)x->cell_col >= x->row_cap) {
        size_t cap = x->row_cap ? x->row_cap : 64;
        while (cap <= (size_t)x->cell_col)
            cap *= 2;
        size_t *off = realloc(x->cell_off, cap * sizeof *off);
        if (off)
            x->cell_off = off;
        size_t *lens = off ? realloc(x->cell_len, cap * sizeof *lens) : NULL;
        if (!lens) {
            jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
            return stop(x);
        }
        x->cell_len = lens;
        x->row_cap = cap;
    }
    while (x->row_width <= (size_t)x->cell_col)
        x->cell_off[x->row_width++] = (size_t)-1;
    if (grow(&x->rowbuf, &x->rowbuf_cap, x->rowbuf_len + len + 1)) {
        jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
        return stop(x);
    }
    x->cell_off[x->cell_col] = x->rowbuf_len;
    x->cell_len[x->cell_col] = len;
    memcpy(x->rowbuf + x->rowbuf_len, value, len);
    x->rowbuf_len += len;
    x->rowbuf[x->rowbuf_len++] = '\0';
    x->row_nonempty = 1;
    return 0;
}

static int start_cell(jarva__xlsx *x, const char **atts)
{
    const char *ref = jarva__xlsx_attr(atts, "r");
    const char *type = jarva__xlsx_attr(atts, "t");
    const char *style = jarva__xlsx_attr(atts, "s");
    long col = ref ? column_of(ref) : x->last_col + 1;
    if (col < 0 || col >= JARVA__XLSX_MAX_COLUMNS) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, -1, "cell reference '%s' is not a cell",
                         ref ? ref : "");
        return stop(x);
    }
    if (col <= x->last_col) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, col, "the cell comes twice or out of order");
        return stop(x);
    }
    x->last_col = col;
    x->cell_col = col;
    x->in_cell = 1;
    x->has_formula = 0;
    x->text_len = 0;
    x->formula_len = 0;
    x->cell_style = style ? strtol(style, NULL, 10) : -1;
    x->cell_type = 'n';
    if (type) {
        if (!strcmp(type, "s"))
            x->cell_type = 's';
        else if (!strcmp(type, "inlineStr"))
            x->cell_type = 'i';
        else if (!strcmp(type, "str"))
            x->cell_type = 'i'; /* a formula's text result; the formula is refused */
        else if (!strcmp(type, "b"))
            x->cell_type = 'b';
        else if (!strcmp(type, "e"))
            x->cell_type = 'e';
        else if (!strcmp(type, "d"))
            x->cell_type = 'd';
        else if (strcmp(type, "n") != 0) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, col, "unknown cell type '%s'", type);
            return stop(x);
        }
    }
    return 0;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    jarva__xlsx *x = ud;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "sheetData")) {
        x->in_sheet_data = 1;
    } else if (x->in_sheet_data && !strcmp(local, "row")) {
        const char *r = jarva__xlsx_attr(atts, "r");
        long no = r ? strtol(r, NULL, 10) : x->row_no + 1;
        if (no <= x->row_no || no > JARVA__XLSX_MAX_ROWS) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "row %s comes out of order or past row %ld",
                             r ? r : "?", JARVA__XLSX_MAX_ROWS);
            stop(x);
            return;
        }
        x->row_no = no;
        x->in_row = 1;
        x->row_width = 0;
        x->rowbuf_len = 0;
        x->row_nonempty = 0;
        x->last_col = -1;
    } else if (x->in_row && !strcmp(local, "c")) {
        start_cell(x, atts);
    } else if (x->in_cell && !strcmp(local, "v")) {
        x->in_value = 1;
    } else if (x->in_cell && !strcmp(local, "f")) {
        x->has_formula = 1;
        x->in_formula = 1;
    } else if (x->in_cell && !strcmp(local, "is")) {
        x->in_inline = 1;
    } else if (x->in_inline && !strcmp(local, "rPh")) {
        x->in_phonetic = 1;
    } else if (x->in_inline && !x->in_phonetic && !strcmp(local, "t")) {
        x->in_value = 1;
    }
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
    jarva__xlsx *x = ud;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "sheetData")) {
        x->in_sheet_data = 0;
    } else if (x->in_row && !strcmp(local, "row")) {
        x->in_row = 0;
        if (x->row_nonempty && !x->fail.code) {
            x->row_ready = 1;
            XML_StopParser(x->parser, XML_TRUE);
        }
    } else if (x->in_cell && !strcmp(local, "c")) {
        x->in_cell = 0;
        finish_cell(x);
    } else if (!strcmp(local, "v") || (x->in_inline && !strcmp(local, "t"))) {
        x->in_value = 0;
    } else if (!strcmp(local, "f")) {
        x->in_formula = 0;
    } else if (!strcmp(local, "is")) {
        x->in_inline = 0;
    } else if (!strcmp(local, "rPh")) {
        x->in_phonetic = 0;
    }
}

static void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
    jarva__xlsx *x = ud;
    char **buf = NULL;
    size_t *used = NULL, *cap = NULL;
    if (x->in_value) {
        buf = &x->text, used = &x->text_len, cap = &x->text_cap;
    } else if (x->in_formula) {
        buf = &x->formula, used = &x->formula_len, cap = &x->formula_cap;
    } else {
        return;
    }
    if (*used + (size_t)len > JARVA__XLSX_MAX_CELL_BYTES) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, x->row_no, x->cell_col,
                         "the cell holds more text than Excel allows");
        stop(x);
        return;
    }
    if (grow(buf, cap, *used + (size_t)len + 1)) {
        jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
        stop(x);
        return;
    }
    memcpy(*buf + *used, s, (size_t)len);
    *used += (size_t)len;
    (*buf)[*used] = '\0';
}

static void XMLCALL sheet_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                                  const XML_Char *pubid, int has_internal)
{
    jarva__xlsx *x = ud;
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "a DOCTYPE is not allowed in a worksheet");
    stop(x);
}

int jarva__xlsx_open_sheet(jarva__xlsx *x, const char *part)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(x->zip, part, ZIP_FL_NOCASE, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
        x->sheet_size = st.size;
    x->sheet = zip_fopen(x->zip, part, ZIP_FL_NOCASE);
    if (!x->sheet) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "the sheet's part %s is missing", part);
        return x->fail.code;
    }
    x->parser = XML_ParserCreateNS(NULL, XLSX_NS_SEP);
    x->text = malloc(256);
    x->text_cap = x->text ? 256 : 0;
    if (!x->parser || !x->text) {
        jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
        return x->fail.code;
    }
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->parser, sheet_text);
    XML_SetStartDoctypeDeclHandler(x->parser, sheet_doctype);
    x->cell_col = -1;
    x->last_col = -1;
    return JARVA_OK;
}

/* Parses on until a row is ready, the sheet ends or it fails. */
static void advance(jarva__xlsx *x)
{
    while (!x->row_ready && !x->fail.code && !x->done) {
        XML_ParsingStatus status;
        XML_GetParsingStatus(x->parser, &status);
        enum XML_Status got;
        if (status.parsing == XML_SUSPENDED) {
            got = XML_ResumeParser(x->parser);
        } else if (x->fed_final) {
            x->done = 1;
            break;
        } else {
            void *buf = XML_GetBuffer(x->parser, CHUNK);
            if (!buf) {
                jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
                break;
            }
            zip_int64_t n = zip_fread(x->sheet, buf, CHUNK);
            if (n < 0) {
                jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "the sheet cannot be read: %s",
                                 zip_file_strerror(x->sheet));
                break;
            }
            x->sheet_read += (uint64_t)n;
            x->fed_final = n == 0;
            got = XML_ParseBuffer(x->parser, (int)n, n == 0);
        }
        if (got == XML_STATUS_ERROR && !x->fail.code)
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1,
                             "the sheet is not well-formed XML (line %lu: %s)",
                             (unsigned long)XML_GetCurrentLineNumber(x->parser),
                             XML_ErrorString(XML_GetErrorCode(x->parser)));
    }
}

int jarva__xlsx_next(jarva__xlsx *x, jarva__xlsx_row *row, jarva__error *err)
{
    x->row_ready = 0;
    advance(x);
    if (x->fail.code)
        return jarva__seterr(err, x->fail.code, "%s", x->fail.message ? x->fail.message : "?");
    if (!x->row_ready)
        return 0;
    if (x->out_cap < x->row_width) {
        const char **grown = realloc(x->out_cells, x->row_width * sizeof *grown);
        if (!grown)
            return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
        x->out_cells = grown;
        x->out_cap = x->row_width;
    }
    for (size_t c = 0; c < x->row_width; c++) {
        if (x->cell_off[c] == (size_t)-1) {
            x->out_cells[c] = NULL;
            x->cell_len[c] = 0;
        } else {
            x->out_cells[c] = x->rowbuf + x->cell_off[c];
        }
    }
    row->ncells = x->row_width;
    row->cells = x->out_cells;
    row->lengths = x->cell_len;
    row->row = x->row_no;
    return 1;
}
