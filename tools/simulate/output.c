/* output.c: CSV files as the tools that make them write them: Swedish Excel
 * (semicolons, decimal commas, Windows-1252, CRLF) or a web survey tool
 * (commas, UTF-8, LF). Numbers are formatted here, never through the locale. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

int sim_csv_open(sim_csv *c, const char *dir, const char *name, char sep, const char *eol,
                 int cp1252, char decimal)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    memset(c, 0, sizeof *c);
    c->f = fopen(path, "wb");
    if (!c->f) {
        fprintf(stderr, "jarva-simulate: %s: %s\n", path, strerror(errno));
        return -1;
    }
    c->sep = sep;
    c->eol = eol;
    c->cp1252 = cp1252;
    c->decimal = decimal;
    return 0;
}

/* The Windows-1252 byte of a code point, or -1. */
static int cp1252_byte(unsigned long cp)
{
    static const struct {
        unsigned long cp;
        int byte;
    } extra[] = { { 0x20AC, 0x80 }, { 0x2013, 0x96 }, { 0x2014, 0x97 }, { 0x2018, 0x91 },
                  { 0x2019, 0x92 }, { 0x201C, 0x93 }, { 0x201D, 0x94 }, { 0x2026, 0x85 } };
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (extra[i].cp == cp)
            return extra[i].byte;
    return -1;
}

/* Writes UTF-8 text, converted to Windows-1252 if the file is. */
static void put_text(sim_csv *c, const char *s)
{
    if (!c->cp1252) {
        fputs(s, c->f);
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long cp = *p;
        int len = 1;
        if (cp >= 0xF0) {
            cp &= 0x07;
            len = 4;
        } else if (cp >= 0xE0) {
            cp &= 0x0F;
            len = 3;
        } else if (cp >= 0xC0) {
            cp &= 0x1F;
            len = 2;
        }
        for (int k = 1; k < len && p[k]; k++)
            cp = (cp << 6) | (p[k] & 0x3F);
        int byte = cp1252_byte(cp);
        if (byte < 0) {
            fprintf(stderr, "jarva-simulate: U+%04lX is not in Windows-1252\n", cp);
            c->failed = 1;
            byte = '?';
        }
        fputc(byte, c->f);
        for (int k = 0; k < len && *p; k++)
            p++;
    }
}

static void begin_field(sim_csv *c)
{
    if (c->field++)
        fputc(c->sep, c->f);
}

void sim_csv_text(sim_csv *c, const char *s)
{
    begin_field(c);
    if (!strchr(s, c->sep) && !strchr(s, '"') && !strchr(s, '\n') && !strchr(s, '\r')) {
        put_text(c, s);
        return;
    }
    /* Quoted, with quotes doubled (RFC 4180). */
    fputc('"', c->f);
    for (const char *p = s; *p; p++)
        if (*p == '"')
            fputs("\"\"", c->f);
        else {
            /* One character, with its UTF-8 continuation bytes. */
            char seq[5] = { 0 };
            int k = 0;
            seq[k++] = *p;
            while (k < 4 && ((unsigned char)p[1] & 0xC0) == 0x80)
                seq[k++] = *++p;
            put_text(c, seq);
        }
    fputc('"', c->f);
}

void sim_csv_int(sim_csv *c, long v)
{
    begin_field(c);
    fprintf(c->f, "%ld", v);
}

void sim_csv_number(sim_csv *c, double v, int decimals)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = c->decimal;
    begin_field(c);
    fputs(buf, c->f);
}

void sim_csv_end_row(sim_csv *c)
{
    fputs(c->eol, c->f);
    c->field = 0;
}

int sim_csv_close(sim_csv *c, const char *name)
{
    int failed = c->failed || ferror(c->f);
    if (fclose(c->f) != 0)
        failed = 1;
    if (failed)
        fprintf(stderr, "jarva-simulate: %s: not written correctly\n", name);
    return failed ? -1 : 0;
}
