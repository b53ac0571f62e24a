/* pdf_text.h: text in the PDF: styles, word wrapping measured with the
 * embedded font's widths, boxes of wrapped text, and flowing paragraphs and
 * headings that break pages. All text arguments are UTF-8. */
#ifndef JARVA_PDF_TEXT_H
#define JARVA_PDF_TEXT_H

#include "pdf_doc.h"

typedef struct jarva__pdf_style {
    jarva__pdf_font font;
    double size;    /* points */
    double leading; /* baseline to baseline, points */
    jarva__rgb color;
    jarva__align align;
} jarva__pdf_style;

typedef enum jarva__pdf_style_id {
    JARVA__STYLE_BODY = 0, /* 10 pt text */
    JARVA__STYLE_SMALL,    /* 8.5 pt: table cells, chart notes */
    JARVA__STYLE_NOTE,     /* 8 pt grey: sources and footnotes */
    JARVA__STYLE_CAPTION,  /* 10 pt bold: table and figure titles */
    JARVA__STYLE_H1,       /* 16 pt bold section heading */
    JARVA__STYLE_H2,       /* 12 pt bold subsection heading */
    JARVA__STYLE_TITLE     /* 26 pt bold: the cover */
} jarva__pdf_style_id;

jarva__pdf_style jarva__pdf_style_get(jarva__pdf_style_id id);

/* Wrapped text: Windows-1252 bytes and the lines they break into. */
typedef struct jarva__pdf_text_line {
    size_t start, len; /* bytes of text */
    double width;      /* points */
} jarva__pdf_text_line;

typedef struct jarva__pdf_lines {
    char *text; /* Windows-1252, owned */
    jarva__pdf_text_line *line;
    size_t n;
} jarva__pdf_lines;

/* Breaks text into lines no wider than width: at spaces (never at a no-break
 * space), at '\n', and inside a word only when the word alone is wider than
 * the line. Spaces at a break are dropped. Empty text gives no lines.
 * Returns the status; free the lines with jarva__pdf_lines_free. */
int jarva__pdf_wrap(jarva__pdf *doc, const jarva__pdf_style *style, const char *utf8, double width,
                    jarva__pdf_lines *out);
/* The same for text already in Windows-1252 (copied). */
int jarva__pdf_wrap_cp1252(jarva__pdf *doc, const jarva__pdf_style *style, const char *cp1252,
                           double width, jarva__pdf_lines *out);
void jarva__pdf_lines_free(jarva__pdf_lines *lines);

/* Height of n lines in a style: n leadings. */
double jarva__pdf_lines_height(const jarva__pdf_style *style, size_t n);

/* The baseline of line i of a block whose first line's top is at y_top:
 * glyphs are centred in each line's leading. */
double jarva__pdf_baseline(const jarva__pdf *doc, const jarva__pdf_style *style, double y_top,
                           size_t i);

/* Draws lines [from, to) with the top of the first line at y_top, aligned in
 * [x, x + width]. The baseline sits so that the glyphs are centred in each
 * line's leading. */
void jarva__pdf_draw_lines(jarva__pdf *doc, const jarva__pdf_style *style,
                           const jarva__pdf_lines *lines, size_t from, size_t to, double x,
                           double y_top, double width);

/* Wraps and draws text in a box at a fixed place (no page break); *height
 * receives the height used (may be NULL). With draw false it only measures. */
int jarva__pdf_text_box(jarva__pdf *doc, const jarva__pdf_style *style, double x, double y_top,
                        double width, const char *utf8, bool draw, double *height);

/* A paragraph across the frame at the cursor, breaking pages between lines
 * (never leaving a single first line at the foot of a page), followed by
 * `space_after` points. */
int jarva__pdf_paragraph(jarva__pdf *doc, const jarva__pdf_style *style, const char *utf8,
                         double space_after);
/* A body paragraph with the usual spacing. */
int jarva__pdf_body(jarva__pdf *doc, const char *utf8);

/* A heading (level 1 or 2) at the cursor, kept on a page with at least the
 * next few lines of text, with a bookmark of the same level. */
int jarva__pdf_heading(jarva__pdf *doc, int level, const char *utf8);

/* Shortens Windows-1252 text to fit width by ending it with "…"; returns the
 * new length (text is modified, and needs room for nothing more). */
size_t jarva__pdf_ellipsize(const jarva__pdf *doc, jarva__pdf_font font, double size, char *text,
                            double width);

#endif /* JARVA_PDF_TEXT_H */
