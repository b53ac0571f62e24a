/* pdf_symbol.h: status marks drawn beside a word, so that a status never
 * depends on colour alone: each mark has its own shape (a check mark, an
 * arrow, a half-filled circle, a cross, a question mark in an empty circle)
 * drawn as vector paths, since ✓ ↗ ◐ ✗ are neither in Windows-1252 nor in
 * Liberation Sans. Drawing only: which status gets which mark and word is
 * the report's business (report_words.c). */
#ifndef JARVA_PDF_SYMBOL_H
#define JARVA_PDF_SYMBOL_H

#include "pdf_doc.h"

typedef enum jarva__pdf_mark {
    JARVA__MARK_QUESTION = 0, /* grey ring with a question mark */
    JARVA__MARK_CHECK = 1,    /* green disc, check mark */
    JARVA__MARK_ARROW = 2,    /* blue disc, arrow up and to the right */
    JARVA__MARK_HALF = 3,     /* amber ring, left half filled */
    JARVA__MARK_CROSS = 4     /* red disc, cross */
} jarva__pdf_mark;

/* Draws the mark alone, a circle of the given diameter centred at (cx, cy). */
void jarva__pdf_status_symbol(jarva__pdf *doc, double cx, double cy, double diameter,
                              jarva__pdf_mark mark);

/* The symbol's diameter and the gap after it for text of a font size. */
double jarva__pdf_status_symbol_size(double font_size);
double jarva__pdf_status_gap(double font_size);

/* Mark and word (UTF-8) on one line: x is the left edge, baseline the
 * text's baseline. Returns the document's status. */
int jarva__pdf_status_draw(jarva__pdf *doc, double x, double baseline, double font_size,
                           jarva__pdf_mark mark, const char *word);
/* The width that jarva__pdf_status_draw uses. */
double jarva__pdf_status_width(jarva__pdf *doc, double font_size, jarva__pdf_mark mark,
                               const char *word);

#endif /* JARVA_PDF_SYMBOL_H */
