/* poppler.h: what the PDF tests share to look into a PDF with poppler-utils
 * (pdftotext, pdffonts, pdfinfo, pdftoppm): whether the tools are there (the
 * checks are skipped, with a message, where they are not), running one and
 * keeping its output, and folding white space so a phrase is found whatever
 * line it was wrapped over. */
#ifndef JARVA_TEST_POPPLER_H
#define JARVA_TEST_POPPLER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static inline bool have_tool(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

static inline bool have_poppler(void)
{
    static int known = -1;
    if (known < 0) {
        known = have_tool("pdftotext") && have_tool("pdffonts") && have_tool("pdfinfo") &&
                have_tool("pdftoppm");
        if (!known)
            fprintf(stderr, "poppler-utils not found: skipping the poppler checks\n");
    }
    return known;
}

/* Runs cmd and returns its standard output (malloc'd, NUL-terminated), or
 * NULL if it could not be run or memory ran out. */
static inline char *capture(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t len = 0, cap = 65536;
    char *out = malloc(cap);
    size_t got;
    while (out && (got = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (cap - len < 2) {
            char *bigger = realloc(out, cap *= 2);
            if (!bigger)
                free(out);
            out = bigger;
        }
    }
    pclose(p);
    if (out)
        out[len] = '\0';
    return out;
}

/* Runs of white space (newlines of wrapped lines, form feeds between pages,
 * no-break spaces) become one space, in place. */
static inline void squeeze(char *s)
{
    char *w = s;
    bool space = false;
    for (char *r = s; *r;) {
        bool ws = *r == ' ' || *r == '\n' || *r == '\r' || *r == '\t' || *r == '\f';
        size_t len = 1;
        if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0)
            ws = true, len = 2;
        if (!ws || !space)
            *w++ = ws ? ' ' : *r;
        space = ws;
        r += len;
    }
    *w = '\0';
}

#endif /* JARVA_TEST_POPPLER_H */
