/* pdf_text.c: styles, word wrapping, text boxes, paragraphs and headings.
 * Widths come from the embedded font (HPDF_Font_TextWidth on the Windows-1252
 * bytes); libHaru applies no kerning, so the width of a string is the sum of
 * its glyphs' widths and lines can be built by adding words. */
#include "pdf_text.h"

#include <stdlib.h>
#include <string.h>

#define NBSP_CP1252 '\xA0'
#define ELLIPSIS_CP1252 '\x85'

jarva__pdf_style jarva__pdf_style_get(jarva__pdf_style_id id)
{
    jarva__pdf_style s = { JARVA__FONT_REGULAR, 10.0, 14.0, JARVA__COLOR_TEXT, JARVA__ALIGN_LEFT };
    switch (id) {
    case JARVA__STYLE_SMALL: s.size = 8.5, s.leading = 11.0; break;
    case JARVA__STYLE_NOTE:
        s.size = 8.0, s.leading = 10.5;
        s.color = JARVA__COLOR_MUTED;
        break;
    case JARVA__STYLE_CAPTION:
        s.font = JARVA__FONT_BOLD;
        s.leading = 13.0;
        break;
    case JARVA__STYLE_H1:
        s.font = JARVA__FONT_BOLD;
        s.size = 16.0, s.leading = 20.0;
        s.color = JARVA__COLOR_ACCENT;
        break;
    case JARVA__STYLE_H2:
        s.font = JARVA__FONT_BOLD;
        s.size = 12.0, s.leading = 15.5;
        break;
    case JARVA__STYLE_TITLE:
        s.font = JARVA__FONT_BOLD;
        s.size = 26.0, s.leading = 31.0;
        s.color = JARVA__COLOR_ACCENT;
        break;
    case JARVA__STYLE_BODY:
    default: break;
    }
    return s;
}

static int add_line(jarva__pdf *doc, jarva__pdf_lines *out, size_t *cap, size_t start, size_t len,
                    double width)
{
    if (jarva__pdf_grow(doc, (void **)&out->line, cap, out->n, sizeof *out->line) != JARVA_OK)
        return jarva__pdf_status(doc);
    out->line[out->n].start = start;
    out->line[out->n].len = len;
    out->line[out->n].width = width;
    out->n++;
    return JARVA_OK;
}

/* Emits a word wider than the line in pieces that fit (at least one byte),
 * breaking at a no-break space if one fits ("+8 | procentenheter" rather
 * than "+8 procentenhet | er"): a no-break space binds, but less than letters;
 * else after a hyphen, underscore or slash. */
static int break_word(jarva__pdf *doc, const jarva__pdf_style *st, jarva__pdf_lines *out,
                      size_t *cap, size_t *start, size_t end, double width)
{
    const char *text = out->text;
    while (*start < end) {
        size_t take = 1;
        while (*start + take < end &&
               jarva__pdf_width(doc, st->font, st->size, text + *start, take + 1) <= width)
            take++;
        if (*start + take == end)
            return JARVA_OK; /* the rest fits: it starts the next line */
        size_t skip = 0;
        bool at_space = false;
        for (size_t k = take; k > 1; k--)
            if (text[*start + k - 1] == NBSP_CP1252) {
                take = k - 1;
                skip = 1;
                at_space = true;
                break;
            }
        /* Else after a hyphen, underscore or slash, which file names and
         * compound names have ("simulerade-|trygghetsenkat-|2019.csv"). */
        for (size_t k = take; !at_space && k > 1; k--)
            if (text[*start + k - 1] == '-' || text[*start + k - 1] == '_' ||
                text[*start + k - 1] == '/') {
                take = k;
                break;
            }
        if (add_line(doc, out, cap, *start, take,
                     jarva__pdf_width(doc, st->font, st->size, text + *start, take)) != JARVA_OK)
            return jarva__pdf_status(doc);
        *start += take + skip;
    }
    return JARVA_OK;
}

/* Wraps one hard line text[from, to) (no '\n' inside). */
static int wrap_hard_line(jarva__pdf *doc, const jarva__pdf_style *st, jarva__pdf_lines *out,
                          size_t *cap, size_t from, size_t to, double width)
{
    const char *text = out->text;
    size_t line_start = from, line_end = from; /* line_end: end of its last word */
    bool empty = true;
    size_t pos = from;
    while (pos < to) {
        while (pos < to && text[pos] == ' ')
            pos++;
        if (pos == to)
            break;
        size_t word_start = pos;
        while (pos < to && text[pos] != ' ')
            pos++;
        if (!empty && jarva__pdf_width(doc, st->font, st->size, text + line_start,
                                       pos - line_start) <= width) {
            line_end = pos;
            continue;
        }
        if (!empty && add_line(doc, out, cap, line_start, line_end - line_start,
                               jarva__pdf_width(doc, st->font, st->size, text + line_start,
                                                line_end - line_start)) != JARVA_OK)
            return jarva__pdf_status(doc);
        line_start = word_start;
        if (jarva__pdf_width(doc, st->font, st->size, text + word_start, pos - word_start) >
                width &&
            break_word(doc, st, out, cap, &line_start, pos, width) != JARVA_OK)
            return jarva__pdf_status(doc);
        line_end = pos;
        empty = false;
    }
    if (empty)
        return add_line(doc, out, cap, from, 0, 0.0); /* a blank line keeps its height */
    return add_line(
        doc, out, cap, line_start, line_end - line_start,
        jarva__pdf_width(doc, st->font, st->size, text + line_start, line_end - line_start));
}

/* Wraps out->text, which the caller has set. */
static int wrap_text(jarva__pdf *doc, const jarva__pdf_style *style, double width,
                     jarva__pdf_lines *out)
{
    size_t len = strlen(out->text), cap = 0, from = 0;
    if (len == 0)
        return JARVA_OK;
    while (from <= len) {
        const char *nl = memchr(out->text + from, '\n', len - from);
        size_t to = nl ? (size_t)(nl - out->text) : len;
        if (wrap_hard_line(doc, style, out, &cap, from, to, width) != JARVA_OK) {
            jarva__pdf_lines_free(out);
            return jarva__pdf_status(doc);
        }
        if (!nl)
            break;
        from = to + 1;
    }
    return JARVA_OK;
}

int jarva__pdf_wrap(jarva__pdf *doc, const jarva__pdf_style *style, const char *utf8, double width,
                    jarva__pdf_lines *out)
{
    memset(out, 0, sizeof *out);
    out->text = jarva__pdf_encode(doc, utf8);
    if (!out->text)
        return jarva__pdf_status(doc);
    return wrap_text(doc, style, width, out);
}

int jarva__pdf_wrap_cp1252(jarva__pdf *doc, const jarva__pdf_style *style, const char *cp1252,
                           double width, jarva__pdf_lines *out)
{
    memset(out, 0, sizeof *out);
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
    out->text = jarva__pdf_strdup(cp1252 ? cp1252 : "");
    if (!out->text)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    return wrap_text(doc, style, width, out);
}

void jarva__pdf_lines_free(jarva__pdf_lines *lines)
{
    free(lines->text);
    free(lines->line);
    memset(lines, 0, sizeof *lines);
}

double jarva__pdf_lines_height(const jarva__pdf_style *style, size_t n)
{
    return style->leading * (double)n;
}

double jarva__pdf_baseline(const jarva__pdf *doc, const jarva__pdf_style *style, double y_top,
                           size_t i)
{
    double ascent = jarva__pdf_ascent(doc, style->font, style->size);
    double descent = jarva__pdf_descent(doc, style->font, style->size);
    double half_leading = (style->leading - ascent - descent) / 2;
    return y_top - (double)i * style->leading - half_leading - ascent;
}

void jarva__pdf_draw_lines(jarva__pdf *doc, const jarva__pdf_style *style,
                           const jarva__pdf_lines *lines, size_t from, size_t to, double x,
                           double y_top, double width)
{
    for (size_t i = from; i < to && i < lines->n; i++) {
        const jarva__pdf_text_line *line = &lines->line[i];
        double baseline = jarva__pdf_baseline(doc, style, y_top, i - from);
        double at = x;
        if (style->align == JARVA__ALIGN_RIGHT)
            at = x + width;
        else if (style->align == JARVA__ALIGN_CENTER)
            at = x + width / 2;
        jarva__pdf_show(doc, at, baseline, style->font, style->size, style->color, style->align,
                        lines->text + line->start, line->len);
    }
}

int jarva__pdf_text_box(jarva__pdf *doc, const jarva__pdf_style *style, double x, double y_top,
                        double width, const char *utf8, bool draw, double *height)
{
    jarva__pdf_lines lines;
    if (height)
        *height = 0.0;
    if (jarva__pdf_wrap(doc, style, utf8, width, &lines) != JARVA_OK)
        return jarva__pdf_status(doc);
    if (draw)
        jarva__pdf_draw_lines(doc, style, &lines, 0, lines.n, x, y_top, width);
    if (height)
        *height = jarva__pdf_lines_height(style, lines.n);
    jarva__pdf_lines_free(&lines);
    return jarva__pdf_check(doc, "drawing text");
}

int jarva__pdf_paragraph(jarva__pdf *doc, const jarva__pdf_style *style, const char *utf8,
                         double space_after)
{
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    jarva__pdf_lines lines;
    if (jarva__pdf_wrap(doc, style, utf8, frame.width, &lines) != JARVA_OK)
        return jarva__pdf_status(doc);
    /* No orphan: the first line does not stay alone at the foot of a page. */
    size_t keep = lines.n < 2 ? lines.n : 2;
    jarva__pdf_need(doc, jarva__pdf_lines_height(style, keep));
    for (size_t i = 0; i < lines.n; i++) {
        if (jarva__pdf_need(doc, style->leading) != JARVA_OK)
            break;
        jarva__pdf_draw_lines(doc, style, &lines, i, i + 1, frame.left, jarva__pdf_cursor(doc),
                              frame.width);
        jarva__pdf_advance(doc, style->leading);
    }
    jarva__pdf_lines_free(&lines);
    jarva__pdf_advance(doc, space_after);
    return jarva__pdf_check(doc, "drawing a paragraph");
}

int jarva__pdf_body(jarva__pdf *doc, const char *utf8)
{
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    return jarva__pdf_paragraph(doc, &body, utf8, 6.0);
}

int jarva__pdf_heading(jarva__pdf *doc, int level, const char *utf8)
{
    jarva__pdf_style style = jarva__pdf_style_get(level <= 1 ? JARVA__STYLE_H1 : JARVA__STYLE_H2);
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    double before = level <= 1 ? 14.0 : 10.0, after = level <= 1 ? 6.0 : 4.0;
    jarva__pdf_lines lines;
    if (jarva__pdf_wrap(doc, &style, utf8, frame.width, &lines) != JARVA_OK)
        return jarva__pdf_status(doc);
    double height = jarva__pdf_lines_height(&style, lines.n);
    /* Keep the heading with three lines of what follows it; a section heading
     * also with a subsection heading that may come first. */
    double keep = 3 * body.leading + (level <= 1 ? 30.0 : 0.0);
    jarva__pdf_need(doc, before + height + after + keep);
    if (jarva__pdf_cursor(doc) < frame.top - 0.01)
        jarva__pdf_advance(doc, before);
    jarva__pdf_bookmark(doc, level, utf8);
    jarva__pdf_draw_lines(doc, &style, &lines, 0, lines.n, frame.left, jarva__pdf_cursor(doc),
                          frame.width);
    jarva__pdf_lines_free(&lines);
    jarva__pdf_advance(doc, height + after);
    return jarva__pdf_check(doc, "drawing a heading");
}

size_t jarva__pdf_ellipsize(const jarva__pdf *doc, jarva__pdf_font font, double size, char *text,
                            double width)
{
    size_t len = strlen(text);
    if (jarva__pdf_width(doc, font, size, text, len) <= width)
        return len;
    static const char ellipsis[] = { ELLIPSIS_CP1252, '\0' };
    double room = width - jarva__pdf_width(doc, font, size, ellipsis, 1);
    size_t keep = 0;
    while (keep < len && jarva__pdf_width(doc, font, size, text, keep + 1) <= room)
        keep++;
    while (keep > 0 && (text[keep - 1] == ' ' || text[keep - 1] == NBSP_CP1252))
        keep--;
    text[keep] = ELLIPSIS_CP1252;
    text[keep + 1] = '\0';
    return keep + 1;
}
