/* px_parse.c: reading a PC-Axis PX file (PX file format 2013, Statistics
 * Sweden) into memory: decode by CODEPAGE, then read keyword statements,
 * KEYWORD[lang]("subkey")=value(s); up to DATA, whose cells must be exactly
 * as many as the variables' values multiply to. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "input_file.h"
#include "px_internal.h"
#include "text_encoding.h"

typedef struct strlist {
    char **items;
    size_t n, cap;
} strlist;

typedef struct keyed {
    char *key;
    strlist list;
    long line;
} keyed;

typedef struct keyed_set {
    keyed *items;
    size_t n, cap;
} keyed_set;

typedef struct parser {
    const char *path;
    const char *s; /* UTF-8, NUL-terminated */
    size_t pos, len;
    long line;
    jarva__error *err;
    jarva__px *px;
    strlist stub, heading;
    int have_stub, have_heading;
    keyed_set values, codes;
} parser;

static void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int strlist_push(strlist *l, char *item)
{
    if (!item)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        char **grown = realloc(l->items, cap * sizeof *grown);
        if (!grown) {
            free(item);
            return -1;
        }
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n++] = item;
    return 0;
}

static void keyed_free(keyed_set *k)
{
    for (size_t i = 0; i < k->n; i++) {
        free(k->items[i].key);
        strlist_free(&k->items[i].list);
    }
    free(k->items);
}

static keyed *keyed_find(keyed_set *k, const char *key)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->items[i].key, key))
            return &k->items[i];
    return NULL;
}

static int fail(parser *p, long line, const char *fmt, ...) JARVA__PRINTF(3, 4);
static int fail(parser *p, long line, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return jarva__seterr(p->err, JARVA_EFORMAT, "%s:%ld: %s", p->path, line, message);
}

static int nomem(parser *p)
{
    return jarva__seterr(p->err, JARVA_ENOMEM, "out of memory");
}

/* ---- decoding ----------------------------------------------------------- */

static long line_at(const unsigned char *data, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        line += data[i] == '\n';
    return line;
}

/* The value of the CODEPAGE keyword, looked for in the raw bytes (keywords
 * are ASCII in every code page PX allows), or NULL; *line where it is. */
static char *find_codepage(const unsigned char *data, size_t len, long *line)
{
    static const char key[] = "CODEPAGE";
    size_t klen = sizeof key - 1;
    for (size_t i = 0; i + klen < len; i++) {
        if ((i > 0 && data[i - 1] != '\n' && data[i - 1] != '\r' && data[i - 1] != ';' &&
             data[i - 1] != ' ' && data[i - 1] != '\t' && data[i - 1] != 0xBF) ||
            memcmp(data + i, key, klen) != 0)
            continue;
        size_t j = i + klen;
        while (j < len && (data[j] == ' ' || data[j] == '\t'))
            j++;
        if (j >= len || data[j] != '=')
            continue;
        j++;
        while (j < len && (data[j] == ' ' || data[j] == '"'))
            j++;
        size_t start = j;
        while (j < len && data[j] != '"' && data[j] != ';' && data[j] != '\n' && j - start < 40)
            j++;
        *line = line_at(data, i);
        return jarva__strndup((const char *)data + start, j - start);
    }
    return NULL;
}

enum { CP_AUTO, CP_UTF8, CP_8BIT };

static int codepage_kind(const char *name)
{
    char folded[48];
    size_t k = 0;
    for (const char *c = name; *c && k + 1 < sizeof folded; c++)
        if (*c != '-' && *c != '_' && *c != ' ')
            folded[k++] = (char)tolower((unsigned char)*c);
    folded[k] = '\0';
    if (!strcmp(folded, "utf8"))
        return CP_UTF8;
    static const char *const eight_bit[] = { "iso88591", "latin1", "windows1252",
                                             "cp1252",   "ansi",   NULL };
    for (int i = 0; eight_bit[i]; i++)
        if (!strcmp(folded, eight_bit[i]))
            return CP_8BIT;
    return -1;
}

/* data decoded to NUL-terminated UTF-8 in *text. */
static int decode(parser *p, const unsigned char *data, size_t len, char **text)
{
    *text = NULL;
    int bom = len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
    long cp_line = 0;
    char *cp = find_codepage(data, len, &cp_line);
    int kind = cp ? codepage_kind(cp) : CP_AUTO;
    if (cp && kind < 0) {
        int rc = fail(p, cp_line,
                      "CODEPAGE '%s' is not one this reader knows (utf-8, iso-8859-1, "
                      "windows-1252): save the table from PxWeb as UTF-8",
                      cp);
        free(cp);
        return rc;
    }
    p->px->codepage = cp ? cp : jarva__strdup(bom ? "utf-8 (BOM)" : "iso-8859-1 (default)");
    if (!p->px->codepage)
        return nomem(p);
    if (bom) {
        data += 3;
        len -= 3;
    }
    jarva__text_error terr;
    size_t first_non_ascii;
    size_t valid = jarva__utf8_check(data, len, &terr, &first_non_ascii);
    int is_utf8 = valid == len && terr == JARVA__TEXT_OK;
    if (kind == CP_AUTO)
        kind = bom || (is_utf8 && first_non_ascii != SIZE_MAX) ? CP_UTF8 : CP_8BIT;
    if (kind == CP_8BIT && (bom || (is_utf8 && first_non_ascii != SIZE_MAX)))
        return fail(p, line_at(data, first_non_ascii == SIZE_MAX ? 0 : first_non_ascii),
                    "CODEPAGE says %s, but the file is UTF-8 (its letters would be read as "
                    "'Ã¥' for 'å'): correct the CODEPAGE line to \"utf-8\"",
                    p->px->codepage);
    if (kind == CP_UTF8) {
        if (!is_utf8)
            return fail(p, line_at(data, valid), "%s (CODEPAGE %s); %s",
                        terr == JARVA__TEXT_NUL ? "a NUL byte" : "invalid UTF-8", p->px->codepage,
                        terr == JARVA__TEXT_NUL ? "not a PX file"
                                                : "if the file is iso-8859-1, say so in CODEPAGE");
        *text = jarva__strndup((const char *)data, len);
        return *text ? JARVA_OK : nomem(p);
    }
    char *out = malloc(3 * len + 1);
    if (!out)
        return nomem(p);
    size_t consumed = 0;
    size_t n = jarva__cp1252_to_utf8(data, len, out, &consumed, &terr);
    if (consumed != len) {
        free(out);
        return fail(p, line_at(data, consumed), "byte 0x%02X is %s in %s", data[consumed],
                    terr == JARVA__TEXT_NUL ? "a NUL byte, not text" : "not a character",
                    p->px->codepage);
    }
    out[n] = '\0';
    *text = out;
    return JARVA_OK;
}

/* ---- tokens ------------------------------------------------------------- */

static int at_end(const parser *p)
{
    return p->pos >= p->len;
}

static char peek(const parser *p)
{
    return at_end(p) ? '\0' : p->s[p->pos];
}

static void skip_space(parser *p)
{
    while (!at_end(p)) {
        char c = p->s[p->pos];
        if (c == '\n')
            p->line++;
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
        p->pos++;
    }
}

/* A quoted string; p->pos at its opening quote. Quotes close on their line:
 * PX has no escape, and a value cannot hold a quote or a line break. */
static int read_quoted(parser *p, char **out)
{
    size_t start = ++p->pos;
    while (!at_end(p) && p->s[p->pos] != '"' && p->s[p->pos] != '\n')
        p->pos++;
    if (at_end(p))
        return fail(p, p->line, "the file ends inside a quoted value (truncated?)");
    if (peek(p) != '"')
        return fail(p, p->line, "a quoted value does not end on its line (missing '\"')");
    *out = jarva__strndup(p->s + start, p->pos - start);
    p->pos++;
    return *out ? JARVA_OK : nomem(p);
}

/* One value: quoted strings, adjacent ones joined (long texts are written
 * over several lines), or an unquoted token such as 2, YES or TLIST(A1). */
static int read_value(parser *p, char **out)
{
    *out = NULL;
    skip_space(p);
    if (at_end(p))
        return fail(p, p->line, "the file ends before the keyword's ';' (truncated?)");
    if (peek(p) == '"') {
        int rc = read_quoted(p, out);
        for (;;) {
            if (rc)
                return rc;
            skip_space(p);
            if (peek(p) != '"')
                return JARVA_OK;
            char *more = NULL;
            rc = read_quoted(p, &more);
            if (rc)
                return rc;
            char *joined = jarva__aprintf("%s%s", *out, more);
            free(more);
            free(*out);
            *out = joined;
            if (!joined)
                return nomem(p);
        }
    }
    size_t start = p->pos;
    int depth = 0, quoted = 0;
    while (!at_end(p)) {
        char c = p->s[p->pos];
        if (c == '\n')
            p->line++;
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '(')
            depth++;
        else if (!quoted && c == ')' && depth > 0)
            depth--;
        else if (!quoted && depth == 0 && (c == ',' || c == ';'))
            break;
        p->pos++;
    }
    size_t end = p->pos;
    while (end > start && isspace((unsigned char)p->s[end - 1]))
        end--;
    if (end == start)
        return fail(p, p->line, "a keyword without a value");
    *out = jarva__strndup(p->s + start, end - start);
    return *out ? JARVA_OK : nomem(p);
}

/* value, value, ... ; */
static int read_values(parser *p, strlist *list, const char *keyword)
{
    for (;;) {
        char *v = NULL;
        int rc = read_value(p, &v);
        if (rc) {
            free(v); /* the part read before the error */
            return rc;
        }
        if (strlist_push(list, v))
            return nomem(p);
        skip_space(p);
        char c = peek(p);
        p->pos += c != '\0';
        if (c == ';')
            return JARVA_OK;
        if (c != ',')
            return fail(p, p->line,
                        c ? "%s: expected ',' or ';' after a value, found '%c'"
                          : "%s: the file ends before the keyword's ';' (truncated?)%c",
                        keyword, c ? c : ' ');
    }
}

/* ---- DATA --------------------------------------------------------------- */

static int classify_cell(parser *p, const char *tok, jarva__px_cell *cell)
{
    size_t n = strlen(tok);
    cell->line = p->line;
    if (n >= 1 && n <= 6 && strspn(tok, ".") == n) {
        cell->kind = JARVA__PX_MISSING;
        cell->dots = (int)n;
        cell->value = NAN;
        return JARVA_OK;
    }
    if (!strcmp(tok, "-")) {
        cell->kind = JARVA__PX_NIL;
        cell->value = 0;
        return JARVA_OK;
    }
    cell->kind = JARVA__PX_NUMBER;
    if (jarva__parse_double(tok, '.', &cell->value))
        return fail(p, p->line, "DATA: cell '%s' is not a number, '-' (zero) or dots (no value)",
                    tok);
    return JARVA_OK;
}

static int read_data(parser *p)
{
    jarva__px *px = p->px;
    size_t expected = 1;
    for (size_t v = 0; v < px->nvars; v++) {
        if (px->vars[v].nvalues > JARVA__PX_MAX_CELLS / expected)
            return fail(p, p->line, "DATA: the variables give more than %d cells",
                        JARVA__PX_MAX_CELLS);
        expected *= px->vars[v].nvalues;
    }
    px->cells = calloc(expected ? expected : 1, sizeof *px->cells);
    if (!px->cells)
        return nomem(p);
    long data_line = p->line;
    for (;;) {
        while (!at_end(p) && strchr(" \t\r\n,", p->s[p->pos])) {
            p->line += p->s[p->pos] == '\n';
            p->pos++;
        }
        if (at_end(p))
            return fail(p, p->line,
                        "the file ends inside DATA after %zu of its %zu cells (truncated?)",
                        px->ncells, expected);
        char tok[72];
        size_t n = 0;
        if (peek(p) == ';') {
            p->pos++;
            break;
        }
        if (peek(p) == '"') {
            char *q = NULL;
            int rc = read_quoted(p, &q);
            if (rc)
                return rc;
            n = strlen(q);
            if (n >= sizeof tok) {
                free(q);
                return fail(p, p->line, "DATA: a cell of %zu characters", n);
            }
            memcpy(tok, q, n + 1);
            free(q);
        } else {
            while (!at_end(p) && !strchr(" \t\r\n,;\"", p->s[p->pos])) {
                if (n + 1 >= sizeof tok)
                    return fail(p, p->line, "DATA: a cell longer than %zu characters",
                                sizeof tok - 1);
                tok[n++] = p->s[p->pos++];
            }
            tok[n] = '\0';
        }
        if (px->ncells == expected)
            return fail(p, p->line,
                        "DATA has more cells than the %zu its variables' values give (from "
                        "line %ld)",
                        expected, data_line);
        int rc = classify_cell(p, tok, &px->cells[px->ncells]);
        if (rc)
            return rc;
        px->ncells++;
    }
    if (px->ncells != expected) {
        char dims[256] = "";
        for (size_t v = 0; v < px->nvars; v++) {
            size_t used = strlen(dims);
            snprintf(dims + used, sizeof dims - used, "%s%zu %s", v ? " × " : "",
                     px->vars[v].nvalues, px->vars[v].name);
        }
        return fail(p, data_line, "DATA has %zu cells, but the variables give %zu (%s)", px->ncells,
                    expected, dims);
    }
    skip_space(p);
    if (!at_end(p))
        return fail(p, p->line, "text after DATA's closing ';' (DATA must be the last keyword)");
    return JARVA_OK;
}

/* STUB and HEADING resolved against VALUES and CODES, before DATA. */
static int build_variables(parser *p)
{
    jarva__px *px = p->px;
    if (!p->have_stub && !p->have_heading)
        return fail(p, p->line, "DATA before STUB or HEADING: which variables the table has");
    size_t n = p->stub.n + p->heading.n;
    px->vars = calloc(n, sizeof *px->vars);
    if (!px->vars)
        return nomem(p);
    px->nstub = p->stub.n;
    for (size_t v = 0; v < n; v++) {
        const char *name = v < p->stub.n ? p->stub.items[v] : p->heading.items[v - p->stub.n];
        for (size_t w = 0; w < v; w++)
            if (!strcmp(px->vars[w].name, name))
                return fail(p, p->line, "variable '%s' is twice in STUB and HEADING", name);
        keyed *values = keyed_find(&p->values, name);
        if (!values)
            return fail(p, p->line, "variable '%s' of %s has no VALUES(\"%s\")", name,
                        v < p->stub.n ? "STUB" : "HEADING", name);
        keyed *codes = keyed_find(&p->codes, name);
        if (codes && codes->list.n != values->list.n)
            return fail(p, codes->line, "CODES(\"%s\") has %zu codes for %zu values", name,
                        codes->list.n, values->list.n);
        jarva__px_variable *var = &px->vars[px->nvars++];
        var->name = jarva__strdup(name);
        if (!var->name)
            return nomem(p);
        /* The lists move into the variable. */
        var->values = values->list.items;
        var->nvalues = values->list.n;
        var->line = values->line;
        memset(&values->list, 0, sizeof values->list);
        if (codes) {
            var->codes = codes->list.items;
            memset(&codes->list, 0, sizeof codes->list);
        }
    }
    for (size_t i = 0; i < p->values.n; i++)
        if (p->values.items[i].list.items) /* not moved: not a variable of the table */
            return fail(p, p->values.items[i].line,
                        "VALUES(\"%s\") for a variable that is not in STUB or HEADING",
                        p->values.items[i].key);
    return JARVA_OK;
}

/* ---- keywords ----------------------------------------------------------- */

static char *joined(const strlist *l)
{
    size_t len = 1;
    for (size_t i = 0; i < l->n; i++)
        len += strlen(l->items[i]) + 2;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strcat(s, ", ");
        strcat(s, l->items[i]);
    }
    return s;
}

static int keep_text(parser *p, char **slot, strlist *l)
{
    free(*slot);
    *slot = joined(l);
    return *slot ? JARVA_OK : nomem(p);
}

static int keep_keyed(parser *p, keyed_set *set, const char *keyword, char *key, strlist *l,
                      long line)
{
    if (keyed_find(set, key)) {
        int rc = fail(p, line, "%s(\"%s\") is given twice", keyword, key);
        free(key);
        return rc;
    }
    if (set->n == set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 8;
        keyed *grown = realloc(set->items, cap * sizeof *grown);
        if (!grown) {
            free(key);
            return nomem(p);
        }
        set->items = grown;
        set->cap = cap;
    }
    keyed *k = &set->items[set->n++];
    k->key = key;
    k->list = *l;
    k->line = line;
    memset(l, 0, sizeof *l);
    return JARVA_OK;
}

/* One statement; *done once DATA has been read. */
static int read_statement(parser *p, int *done)
{
    skip_space(p);
    if (at_end(p))
        return fail(p, p->line, "the file ends without DATA (truncated, or not a PX file)");
    long line = p->line;
    char keyword[64];
    size_t n = 0;
    while (!at_end(p) && (isalnum((unsigned char)peek(p)) || peek(p) == '-' || peek(p) == '_')) {
        if (n + 1 >= sizeof keyword)
            return fail(p, line, "a keyword longer than %zu characters", sizeof keyword - 1);
        keyword[n++] = (char)toupper((unsigned char)p->s[p->pos++]);
    }
    keyword[n] = '\0';
    if (!n)
        return fail(p, line, "expected a keyword (KEYWORD=value;), found '%c'", peek(p));
    skip_space(p);
    if (at_end(p))
        return fail(p, line, "the file ends inside keyword %s (truncated?)", keyword);
    int has_language = 0;
    if (peek(p) == '[') {
        while (!at_end(p) && peek(p) != ']' && peek(p) != '\n')
            p->pos++;
        if (peek(p) != ']')
            return fail(p, line, "%s: the language in '[' has no ']'", keyword);
        p->pos++;
        has_language = 1;
    }
    char *subkey = NULL;
    if (peek(p) == '(') {
        p->pos++;
        skip_space(p);
        if (peek(p) != '"')
            return fail(p, line, "%s: expected a quoted name in '(...)'", keyword);
        int rc = read_quoted(p, &subkey);
        if (rc)
            return rc;
        /* Some keywords take two names ("var","value"): keep the first. */
        while (!at_end(p) && peek(p) != ')' && peek(p) != '\n')
            p->pos++;
        if (peek(p) != ')') {
            free(subkey);
            return fail(p, line, "%s: '(' without ')'", keyword);
        }
        p->pos++;
    }
    skip_space(p);
    if (peek(p) != '=') {
        free(subkey);
        return fail(p, line, "%s: expected '=' after the keyword", keyword);
    }
    p->pos++;
    int rc = JARVA_OK;
    if (!strcmp(keyword, "DATA")) {
        free(subkey);
        if (has_language)
            return fail(p, line, "DATA cannot have a language");
        rc = build_variables(p);
        if (!rc)
            rc = read_data(p);
        *done = 1;
        return rc;
    }
    strlist l = { 0 };
    rc = read_values(p, &l, keyword);
    jarva__px *px = p->px;
    if (rc || has_language) {
        /* other languages' texts: the default language is read */
    } else if (!strcmp(keyword, "KEYS")) {
        rc = fail(p, line,
                  "KEYS (a table with only its non-zero rows) is not read: save the table "
                  "from PxWeb without keys");
    } else if (!strcmp(keyword, "STUB") || !strcmp(keyword, "HEADING")) {
        int is_stub = keyword[0] == 'S';
        if (is_stub ? p->have_stub : p->have_heading)
            rc = fail(p, line, "%s is given twice", keyword);
        else if (is_stub) {
            p->stub = l, p->have_stub = 1;
            memset(&l, 0, sizeof l);
        } else {
            p->heading = l, p->have_heading = 1;
            memset(&l, 0, sizeof l);
        }
    } else if (!strcmp(keyword, "VALUES") || !strcmp(keyword, "CODES")) {
        if (!subkey)
            rc = fail(p, line, "%s needs its variable: %s(\"name\")=...", keyword, keyword);
        else {
            rc = keep_keyed(p, keyword[0] == 'V' ? &p->values : &p->codes, keyword, subkey, &l,
                            line);
            subkey = NULL;
        }
    } else if (!strcmp(keyword, "DECIMALS")) {
        long d;
        if (l.n != 1 || jarva__parse_long(l.items[0], 0, 15, &d))
            rc = fail(p, line, "DECIMALS must be a number from 0 to 15");
        else
            px->decimals = (int)d;
    } else if (!subkey && !strcmp(keyword, "SOURCE")) {
        rc = keep_text(p, &px->source, &l);
    } else if (!subkey && !strcmp(keyword, "CONTENTS")) {
        rc = keep_text(p, &px->contents, &l);
    } else if (!subkey && !strcmp(keyword, "UNITS")) {
        rc = keep_text(p, &px->units, &l);
    } else if (!subkey && !strcmp(keyword, "MATRIX")) {
        rc = keep_text(p, &px->matrix, &l);
    } else if (!subkey && !strcmp(keyword, "CONTVARIABLE")) {
        rc = keep_text(p, &px->contvariable, &l);
    }
    /* Any other keyword (TITLE, NOTE, TIMEVAL, ELIMINATION, ...) is read for
     * its syntax and not needed by an import. */
    free(subkey);
    strlist_free(&l);
    return rc;
}

void jarva__px_free(jarva__px *px)
{
    if (!px)
        return;
    for (size_t v = 0; v < px->nvars; v++) {
        jarva__px_variable *var = &px->vars[v];
        for (size_t i = 0; i < var->nvalues; i++) {
            free(var->values[i]);
            if (var->codes)
                free(var->codes[i]);
        }
        free(var->values);
        free(var->codes);
        free(var->name);
    }
    free(px->vars);
    free(px->cells);
    free(px->codepage);
    free(px->source);
    free(px->contents);
    free(px->units);
    free(px->matrix);
    free(px->contvariable);
    free(px);
}

int jarva__px_parse(jarva__px **out, const char *path, const unsigned char *data, size_t len,
                    jarva__error *err)
{
    *out = NULL;
    parser p;
    memset(&p, 0, sizeof p);
    p.path = path;
    p.err = err;
    p.line = 1;
    p.px = calloc(1, sizeof *p.px);
    if (!p.px)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    p.px->decimals = -1;
    if (len > JARVA__PX_MAX_BYTES) {
        jarva__px_free(p.px);
        return jarva__seterr(err, JARVA_EFORMAT, "%s: bigger than %d MiB: not read", path,
                             JARVA__PX_MAX_BYTES >> 20);
    }
    char *text = NULL;
    int rc = decode(&p, data, len, &text);
    if (!rc) {
        p.s = text;
        p.len = strlen(text);
        int done = 0;
        while (!rc && !done)
            rc = read_statement(&p, &done);
    }
    free(text);
    strlist_free(&p.stub);
    strlist_free(&p.heading);
    keyed_free(&p.values);
    keyed_free(&p.codes);
    if (rc) {
        jarva__px_free(p.px);
        return rc;
    }
    *out = p.px;
    return JARVA_OK;
}

void jarva__px_cell_indices(const jarva__px *px, size_t cell, size_t *idx)
{
    for (size_t v = px->nvars; v-- > 0;) {
        size_t n = px->vars[v].nvalues;
        idx[v] = n ? cell % n : 0;
        cell = n ? cell / n : 0;
    }
}

int jarva__px_sniff(const char *path, const unsigned char *head, size_t len)
{
    if (jarva__path_has_ending(path, ".px"))
        return 1;
    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
        head += 3;
        len -= 3;
    }
    static const char *const first[] = { "CHARSET=",  "AXIS-VERSION=",  "CODEPAGE=",
                                         "LANGUAGE=", "CREATION-DATE=", NULL };
    for (int i = 0; first[i]; i++) {
        size_t n = strlen(first[i]);
        if (len >= n && !memcmp(head, first[i], n))
            return 1;
    }
    return 0;
}
