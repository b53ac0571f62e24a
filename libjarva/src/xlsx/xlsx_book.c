/* xlsx_book.c: the parts of a workbook read before its sheet (ECMA-376 Part 1,
 * SpreadsheetML): xl/workbook.xml for the sheets and the date system, its
 * relationships for where the sheet, shared strings and styles are, the
 * styles for which cell formats are dates, and the shared strings, held in
 * one arena because cells refer to them by index. Every part is streamed
 * through Expat from the zip entry; none is read whole. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "input_file.h"
#include "xlsx_priv.h"

#define CHUNK (64 * 1024)

const char *jarva__xlsx_local(const char *name)
{
    const char *sep = strrchr(name, XLSX_NS_SEP);
    return sep ? sep + 1 : name;
}

const char *jarva__xlsx_attr(const char **atts, const char *local)
{
    for (; atts && atts[0]; atts += 2)
        if (!strcmp(jarva__xlsx_local(atts[0]), local))
            return atts[1];
    return NULL;
}

void jarva__xlsx_fail(jarva__xlsx *x, int code, long row, long col, const char *fmt, ...)
{
    if (x->fail.code)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (row > 0 && col >= 0) {
        char cell[32];
        jarva__xlsx_cell_name(cell, sizeof cell, row, (size_t)col);
        jarva__seterr(&x->fail, code, "%s:%s!%s: %s", x->path, x->sheet_name, cell, message);
    } else if (row > 0) {
        jarva__seterr(&x->fail, code, "%s:%s!%ld: %s", x->path, x->sheet_name, row, message);
    } else if (x->sheet_name) {
        jarva__seterr(&x->fail, code, "%s:%s: %s", x->path, x->sheet_name, message);
    } else {
        jarva__seterr(&x->fail, code, "%s: %s", x->path, message);
    }
}

void jarva__xlsx_cell_name(char *buf, size_t size, long row, size_t col)
{
    if (size == 0)
        return;
    char letters[8];
    size_t n = 0;
    size_t c = col + 1;
    while (c > 0 && n < sizeof letters) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    size_t o = 0;
    while (n > 0 && o + 1 < size)
        buf[o++] = letters[--n];
    snprintf(buf + o, size - o, "%ld", row);
}

int jarva__xlsx_sniff(const char *path, const unsigned char *head, size_t len)
{
    return (len >= 4 && !memcmp(head, "PK\x03\x04", 4)) || jarva__path_has_ending(path, ".xlsx") ||
           jarva__path_has_ending(path, ".xlsm");
}

/* ---- streaming a part through Expat ---- */

typedef struct part_parse {
    jarva__xlsx *x;
    const char *part;
    XML_Parser parser;
    void *ud;
} part_parse;

static void XMLCALL reject_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                                   const XML_Char *pubid, int has_internal)
{
    part_parse *p = ud;
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    /* OOXML parts have no DTD; one could only declare entities to expand. */
    jarva__xlsx_fail(p->x, JARVA_EFORMAT, 0, -1, "%s: a DOCTYPE is not allowed in a workbook",
                     p->part);
    XML_StopParser(p->parser, XML_FALSE);
}

/* Streams part through a parser with the given handlers (user data: a
 * part_parse whose ud is the handlers' state). required: a missing part is an
 * error, else it reads as empty. */
static int parse_part(jarva__xlsx *x, const char *part, int required, XML_StartElementHandler start,
                      XML_EndElementHandler end, XML_CharacterDataHandler text, void *ud)
{
    zip_file_t *zf = zip_fopen(x->zip, part, ZIP_FL_NOCASE);
    if (!zf) {
        if (!required)
            return JARVA_OK;
        jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "no %s in the archive: not an Excel workbook",
                         part);
        return x->fail.code;
    }
    part_parse p = { x, part, XML_ParserCreateNS(NULL, XLSX_NS_SEP), ud };
    if (!p.parser) {
        zip_fclose(zf);
        jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
        return x->fail.code;
    }
    XML_SetUserData(p.parser, &p);
    XML_SetElementHandler(p.parser, start, end);
    XML_SetCharacterDataHandler(p.parser, text);
    XML_SetStartDoctypeDeclHandler(p.parser, reject_doctype);
    for (;;) {
        void *buf = XML_GetBuffer(p.parser, CHUNK);
        if (!buf) {
            jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
            break;
        }
        zip_int64_t n = zip_fread(zf, buf, CHUNK);
        if (n < 0) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "%s: %s", part, zip_file_strerror(zf));
            break;
        }
        if (XML_ParseBuffer(p.parser, (int)n, n == 0) != XML_STATUS_OK) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "%s:%lu: malformed XML: %s", part,
                             (unsigned long)XML_GetCurrentLineNumber(p.parser),
                             XML_ErrorString(XML_GetErrorCode(p.parser)));
            break;
        }
        if (x->fail.code || n == 0)
            break;
    }
    XML_ParserFree(p.parser);
    zip_fclose(zf);
    return x->fail.code;
}

static void stop_on_failure(part_parse *p)
{
    if (p->x->fail.code)
        XML_StopParser(p->parser, XML_FALSE);
}

/* ---- workbook.xml and its relationships ---- */

typedef struct sheet_ref {
    char *name;
    char *rid;
} sheet_ref;

typedef struct workbook_state {
    sheet_ref *sheets;
    size_t nsheets, cap;
} workbook_state;

static void XMLCALL workbook_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    part_parse *p = ud;
    workbook_state *w = p->ud;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "workbookPr")) {
        const char *v = jarva__xlsx_attr(atts, "date1904");
        p->x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
    } else if (!strcmp(local, "sheet")) {
        const char *sheet = jarva__xlsx_attr(atts, "name");
        const char *rid = jarva__xlsx_attr(atts, "id");
        if (!sheet || !rid)
            return;
        if (w->nsheets == w->cap) {
            size_t cap = w->cap ? 2 * w->cap : 8;
            sheet_ref *grown = w->cap < 65536 ? realloc(w->sheets, cap * sizeof *grown) : NULL;
            if (!grown) {
                jarva__xlsx_fail(p->x, JARVA_ENOMEM, 0, -1, "out of memory");
                stop_on_failure(p);
                return;
            }
            w->sheets = grown;
            w->cap = cap;
        }
        sheet_ref *s = &w->sheets[w->nsheets];
        s->name = jarva__strdup(sheet);
        s->rid = jarva__strdup(rid);
        w->nsheets++;
        if (!s->name || !s->rid) {
            jarva__xlsx_fail(p->x, JARVA_ENOMEM, 0, -1, "out of memory");
            stop_on_failure(p);
        }
    }
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
    (void)ud, (void)name;
}

static void XMLCALL no_text(void *ud, const XML_Char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

typedef struct rels_state {
    const char *want_id;
    char *sheet_target, *strings_target, *styles_target;
} rels_state;

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

/* A relationship target as an archive entry name: relative to xl/, or
 * absolute from the archive's root. */
static char *resolve_target(const char *target)
{
    if (target[0] == '/')
        return jarva__strdup(target + 1);
    return jarva__aprintf("xl/%s", target);
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    part_parse *p = ud;
    rels_state *r = p->ud;
    if (strcmp(jarva__xlsx_local(name), "Relationship") != 0)
        return;
    const char *id = jarva__xlsx_attr(atts, "Id");
    const char *target = jarva__xlsx_attr(atts, "Target");
    const char *type = jarva__xlsx_attr(atts, "Type");
    if (!id || !target || !type)
        return;
    char **slot = NULL;
    if (!strcmp(id, r->want_id))
        slot = &r->sheet_target;
    else if (ends_with(type, "/sharedStrings"))
        slot = &r->strings_target;
    else if (ends_with(type, "/styles"))
        slot = &r->styles_target;
    if (!slot || *slot)
        return;
    *slot = resolve_target(target);
    if (!*slot) {
        jarva__xlsx_fail(p->x, JARVA_ENOMEM, 0, -1, "out of memory");
        stop_on_failure(p);
    }
}

/* ---- styles.xml: which cell formats show dates ---- */

/* Whether an Excel number format code shows a date or time: a y, m, d, h or
 * s outside quoted text, escapes and [..] sections (colours, locales; but
 * [h], [m], [s] are elapsed time). "General", "0.00", "#,##0" are not. */
static int format_is_date(const char *code)
{
    for (const char *c = code; *c; c++) {
        if (*c == '"') {
            c = strchr(c + 1, '"');
            if (!c)
                return 0;
        } else if (*c == '\\' || *c == '_' || *c == '*') {
            if (!c[1])
                return 0;
            c++;
        } else if (*c == '[') {
            const char *close = strchr(c, ']');
            if (!close)
                return 0;
            char first = (char)tolower((unsigned char)c[1]);
            if (first == 'h' || first == 'm' || first == 's')
                return 1;
            c = close;
        } else {
            char l = (char)tolower((unsigned char)*c);
            if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's')
                return 1;
        }
    }
    return 0;
}

/* The built-in formats that are dates or times (ECMA-376 Part 1, 18.8.30,
 * and the East Asian ones Excel writes as 27-36 and 50-58). */
static int builtin_is_date(long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

typedef struct styles_state {
    int in_num_fmts, in_cell_xfs;
    long *date_ids; /* custom formats that are dates */
    size_t ndate, date_cap;
    size_t xf_cap;
} styles_state;

static int custom_is_date(const styles_state *s, long id)
{
    for (size_t i = 0; i < s->ndate; i++)
        if (s->date_ids[i] == id)
            return 1;
    return 0;
}

static void XMLCALL styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    part_parse *p = ud;
    styles_state *s = p->ud;
    jarva__xlsx *x = p->x;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "numFmts"))
        s->in_num_fmts = 1;
    else if (!strcmp(local, "cellXfs"))
        s->in_cell_xfs = 1;
    else if (s->in_num_fmts && !strcmp(local, "numFmt")) {
        const char *id = jarva__xlsx_attr(atts, "numFmtId");
        const char *code = jarva__xlsx_attr(atts, "formatCode");
        if (!id || !code || !format_is_date(code))
            return;
        if (s->ndate == s->date_cap) {
            size_t cap = s->date_cap ? 2 * s->date_cap : 16;
            long *grown = cap <= 65536 ? realloc(s->date_ids, cap * sizeof *grown) : NULL;
            if (!grown) {
                jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "styles: too many number formats");
                stop_on_failure(p);
                return;
            }
            s->date_ids = grown;
            s->date_cap = cap;
        }
        s->date_ids[s->ndate++] = strtol(id, NULL, 10);
    } else if (s->in_cell_xfs && !strcmp(local, "xf")) {
        const char *id = jarva__xlsx_attr(atts, "numFmtId");
        long fmt = id ? strtol(id, NULL, 10) : 0;
        if (x->nxf == s->xf_cap) {
            size_t cap = s->xf_cap ? 2 * s->xf_cap : 64;
            unsigned char *grown = cap <= 1u << 20 ? realloc(x->xf_is_date, cap) : NULL;
            if (!grown) {
                jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "styles: too many cell formats");
                stop_on_failure(p);
                return;
            }
            x->xf_is_date = grown;
            s->xf_cap = cap;
        }
        x->xf_is_date[x->nxf++] = (unsigned char)(builtin_is_date(fmt) || custom_is_date(s, fmt));
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
    part_parse *p = ud;
    styles_state *s = p->ud;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "numFmts"))
        s->in_num_fmts = 0;
    else if (!strcmp(local, "cellXfs"))
        s->in_cell_xfs = 0;
}

/* ---- sharedStrings.xml ---- */

typedef struct strings_state {
    int in_si, in_t, in_phonetic;
    size_t start; /* offset of the string being read */
} strings_state;

static int shared_append(jarva__xlsx *x, const char *s, size_t len)
{
    if (x->shared_len + len + 1 > x->shared_cap) {
        size_t cap = x->shared_cap ? x->shared_cap : 4096;
        while (cap < x->shared_len + len + 1)
            cap *= 2;
        if (cap > JARVA__XLSX_MAX_SHARED_BYTES) {
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1,
                             "the shared strings exceed %u MiB: not a survey export",
                             JARVA__XLSX_MAX_SHARED_BYTES >> 20);
            return -1;
        }
        char *grown = realloc(x->shared, cap);
        if (!grown) {
            jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
            return -1;
        }
        x->shared = grown;
        x->shared_cap = cap;
    }
    memcpy(x->shared + x->shared_len, s, len);
    x->shared_len += len;
    return 0;
}

static void XMLCALL strings_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    part_parse *p = ud;
    strings_state *s = p->ud;
    const char *local = jarva__xlsx_local(name);
    (void)atts;
    if (!strcmp(local, "si")) {
        s->in_si = 1;
        s->start = p->x->shared_len;
    } else if (!strcmp(local, "rPh")) {
        s->in_phonetic = 1; /* a reading aid for East Asian text, not the text */
    } else if (s->in_si && !s->in_phonetic && !strcmp(local, "t")) {
        s->in_t = 1;
    }
}

static void XMLCALL strings_end(void *ud, const XML_Char *name)
{
    part_parse *p = ud;
    strings_state *s = p->ud;
    jarva__xlsx *x = p->x;
    const char *local = jarva__xlsx_local(name);
    if (!strcmp(local, "t")) {
        s->in_t = 0;
    } else if (!strcmp(local, "rPh")) {
        s->in_phonetic = 0;
    } else if (!strcmp(local, "si") && s->in_si) {
        s->in_si = 0;
        if (shared_append(x, "", 1) == 0 && x->nshared == x->shared_slots) {
            size_t cap = x->shared_slots ? 2 * x->shared_slots : 256;
            size_t *grown = realloc(x->shared_offset, cap * sizeof *grown);
            if (!grown)
                jarva__xlsx_fail(x, JARVA_ENOMEM, 0, -1, "out of memory");
            else {
                x->shared_offset = grown;
                x->shared_slots = cap;
            }
        }
        if (!x->fail.code)
            x->shared_offset[x->nshared++] = s->start;
        stop_on_failure(p);
    }
}

static void XMLCALL strings_text(void *ud, const XML_Char *text, int len)
{
    part_parse *p = ud;
    strings_state *s = p->ud;
    if (s->in_t && shared_append(p->x, text, (size_t)len) != 0)
        stop_on_failure(p);
}

/* ---- opening ---- */

static int load_book(jarva__xlsx *x, const char *wanted)
{
    workbook_state w = { 0 };
    rels_state r = { 0 };
    int rc = parse_part(x, "xl/workbook.xml", 1, workbook_start, no_end, no_text, &w);
    const sheet_ref *chosen = NULL;
    for (size_t i = 0; !rc && i < w.nsheets && !chosen; i++)
        if (!wanted || !strcmp(w.sheets[i].name, wanted))
            chosen = &w.sheets[i];
    for (size_t i = 0; !rc && wanted && i < w.nsheets && !chosen; i++)
        if (!strcasecmp(w.sheets[i].name, wanted))
            chosen = &w.sheets[i];
    if (!rc && !chosen) {
        char names[512] = "";
        size_t used = 0;
        for (size_t i = 0; i < w.nsheets && used + 1 < sizeof names; i++) {
            int n = snprintf(names + used, sizeof names - used, "%s'%s'", i ? ", " : "",
                             w.sheets[i].name);
            used += n > 0 ? (size_t)n : 0;
        }
        if (wanted)
            jarva__xlsx_fail(x, JARVA_ENOTFOUND, 0, -1, "no sheet '%s' (the sheets: %s)", wanted,
                             names);
        else
            jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "the workbook has no sheet");
        rc = x->fail.code;
    }
    if (!rc) {
        x->sheet_name = jarva__strdup(chosen->name);
        r.want_id = chosen->rid;
        rc = x->sheet_name
                 ? parse_part(x, "xl/_rels/workbook.xml.rels", 1, rels_start, no_end, no_text, &r)
                 : JARVA_ENOMEM;
    }
    if (!rc && !r.sheet_target) {
        jarva__xlsx_fail(x, JARVA_EFORMAT, 0, -1, "the workbook names no part for its sheet");
        rc = x->fail.code;
    }
    if (!rc) {
        styles_state st = { 0 };
        rc = parse_part(x, r.styles_target ? r.styles_target : "xl/styles.xml", 0, styles_start,
                        styles_end, no_text, &st);
        free(st.date_ids);
    }
    if (!rc) {
        strings_state ss = { 0 };
        rc = parse_part(x, r.strings_target ? r.strings_target : "xl/sharedStrings.xml", 0,
                        strings_start, strings_end, strings_text, &ss);
    }
    if (!rc)
        rc = jarva__xlsx_open_sheet(x, r.sheet_target);
    for (size_t i = 0; i < w.nsheets; i++) {
        free(w.sheets[i].name);
        free(w.sheets[i].rid);
    }
    free(w.sheets);
    free(r.sheet_target);
    free(r.strings_target);
    free(r.styles_target);
    return rc;
}

int jarva__xlsx_open_fd(jarva__xlsx **out, int fd, const char *path, const char *sheet,
                        jarva__error *err)
{
    *out = NULL;
    jarva__xlsx *x = calloc(1, sizeof *x);
    if (!x || !(x->path = jarva__strdup(path))) {
        free(x);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    x->fd = fd;
    unsigned char magic[4];
    if (pread(fd, magic, 4, 0) != 4 || memcmp(magic, "PK\x03\x04", 4) != 0) {
        jarva__xlsx_close(x);
        return jarva__seterr(err, JARVA_EFORMAT,
                             "%s: not an Excel workbook (an .xlsx file is a zip archive, "
                             "starting \"PK\"); save it from Excel as .xlsx, or as CSV",
                             path);
    }
    /* libzip closes what it is given, and moves its offset: a copy. */
    int dup_fd = dup(fd);
    int zip_error = 0;
    x->zip = dup_fd >= 0 ? zip_fdopen(dup_fd, ZIP_RDONLY, &zip_error) : NULL;
    if (!x->zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zip_error);
        jarva__seterr(err, JARVA_EFORMAT, "%s: not a readable zip archive: %s", path,
                      zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (dup_fd >= 0)
            close(dup_fd);
        jarva__xlsx_close(x);
        return JARVA_EFORMAT;
    }
    int rc = load_book(x, sheet);
    if (rc) {
        jarva__seterr(err, rc, "%s", x->fail.message ? x->fail.message : "cannot read");
        jarva__xlsx_close(x);
        return rc;
    }
    *out = x;
    return JARVA_OK;
}

int jarva__xlsx_open(jarva__xlsx **out, const char *path, const char *sheet, jarva__error *err)
{
    int fd;
    jarva__input_stat st;
    *out = NULL;
    int rc = jarva__input_open(path, 0, &fd, &st, err);
    if (rc)
        return rc;
    rc = jarva__xlsx_open_fd(out, fd, path, sheet, err);
    if (rc) {
        close(fd);
        return rc;
    }
    (*out)->own_fd = 1;
    return JARVA_OK;
}

const char *jarva__xlsx_sheet(const jarva__xlsx *x)
{
    return x->sheet_name;
}

uint64_t jarva__xlsx_bytes_read(const jarva__xlsx *x)
{
    return x->sheet_read;
}

uint64_t jarva__xlsx_bytes_total(const jarva__xlsx *x)
{
    return x->sheet_size;
}

void jarva__xlsx_close(jarva__xlsx *x)
{
    if (!x)
        return;
    if (x->parser)
        XML_ParserFree(x->parser);
    if (x->sheet)
        zip_fclose(x->sheet);
    if (x->zip)
        zip_discard(x->zip);
    if (x->own_fd)
        close(x->fd);
    jarva__freeerr(&x->fail);
    free(x->path);
    free(x->sheet_name);
    free(x->shared);
    free(x->shared_offset);
    free(x->xf_is_date);
    free(x->text);
    free(x->formula);
    free(x->rowbuf);
    free(x->cell_off);
    free(x->cell_len);
    free(x->out_cells);
    free(x);
}
