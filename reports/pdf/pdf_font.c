/* pdf_font.c: finding Liberation Sans and checking a font file before
 * libHaru loads it. The check reads the TrueType table directory (Apple's
 * TrueType Reference Manual, "The font directory"; OpenType's "Table
 * Directory"): a version tag, the number of tables, then 16-byte records of
 * tag, checksum, offset and length. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdf_doc_internal.h"

/* Where distributions install Liberation Sans: Debian and Ubuntu
 * (fonts-liberation, fonts-liberation2), Fedora, Arch, openSUSE, local
 * installs and Homebrew. */
static const char *const font_dirs[] = {
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/liberation-sans-fonts",
    "/usr/share/fonts/liberation",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype",
    "/usr/local/share/fonts/liberation",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
};

/* The tables libHaru 2.3.0 reads when it loads and embeds a TrueType font. */
static const char *const required_tables[] = { "head", "hhea", "hmtx", "maxp", "cmap",
                                               "loca", "glyf", "name", "OS/2", "post" };

char *jarva__pdf_font_find(const char *font_dir, const char *file)
{
    size_t n = font_dir ? 1 : sizeof font_dirs / sizeof font_dirs[0];
    for (size_t i = 0; i < n; i++) {
        char *path = jarva__pdf_aprintf("%s/%s", font_dir ? font_dir : font_dirs[i], file);
        if (!path || access(path, R_OK) == 0)
            return path;
        free(path);
    }
    return NULL;
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

int jarva__pdf_font_check(jarva__pdf *doc, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return jarva__pdf_fail(doc, JARVA_EIO, "%s: cannot open: %s", path, strerror(errno));
    unsigned char head[12];
    unsigned char *records = NULL;
    const char *problem = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    rewind(f);
    if (size < 12 || fread(head, 1, 12, f) != 12) {
        problem = "too short";
    } else if (be32(head) != 0x00010000UL && memcmp(head, "true", 4) != 0) {
        problem = "no TrueType signature (OpenType CFF and collections are not supported)";
    } else {
        unsigned tables = (unsigned)head[4] << 8 | head[5];
        records = malloc((size_t)tables * 16 + 1);
        if (!records || tables == 0 || fread(records, 16, tables, f) != tables) {
            problem = records ? "truncated table directory" : "out of memory";
        } else {
            for (size_t r = 0; r < sizeof required_tables / sizeof required_tables[0] && !problem;
                 r++) {
                bool found = false;
                for (unsigned t = 0; t < tables && !found; t++) {
                    const unsigned char *rec = records + 16 * (size_t)t;
                    if (memcmp(rec, required_tables[r], 4) != 0)
                        continue;
                    found = true;
                    if (be32(rec + 8) + be32(rec + 12) > (unsigned long)size)
                        problem = "a table lies beyond the end of the file";
                }
                if (!found)
                    problem = "a required table (head, hhea, hmtx, maxp, cmap, loca, glyf, "
                              "name, OS/2 or post) is missing";
            }
        }
    }
    free(records);
    fclose(f);
    if (problem)
        return jarva__pdf_fail(doc, JARVA_EFORMAT, "%s: not a usable TrueType font: %s", path,
                               problem);
    return JARVA_OK;
}
