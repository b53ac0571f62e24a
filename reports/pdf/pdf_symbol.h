/* pdf_symbol.h: the status of a target as a symbol and a word, so that it
 * never depends on colour alone: each state has its own shape (a check mark,
 * an arrow, a half-filled circle, a cross, a question mark in an empty
 * circle) drawn as vector paths, since ✓ ↗ ◐ ✗ are neither in Windows-1252
 * nor in Liberation Sans. */
#ifndef JARVA_PDF_SYMBOL_H
#define JARVA_PDF_SYMBOL_H

#include "jarva/estimate.h"
#include "pdf_doc.h"

/* The word for a state: "Uppnått", "På väg", "Osäkert", "Inte på väg",
 * "Otillräckliga data" / "Achieved", "On track", "Uncertain", "Off track",
 * "Insufficient data". UTF-8, static. */
const char *jarva__pdf_status_word(jarva_target_state state, jarva__lang lang);

/* Draws the symbol alone, a circle of the given diameter centred at (cx, cy). */
void jarva__pdf_status_symbol(jarva__pdf *doc, double cx, double cy, double diameter,
                              jarva_target_state state);

/* The symbol's diameter and the gap after it for text of a font size. */
double jarva__pdf_status_symbol_size(double font_size);
double jarva__pdf_status_gap(double font_size);

/* Symbol and word on one line: x is the left edge, baseline the text's
 * baseline. Returns the status. */
int jarva__pdf_status_draw(jarva__pdf *doc, double x, double baseline, double font_size,
                           jarva_target_state state);
/* The width that jarva__pdf_status_draw uses. */
double jarva__pdf_status_width(jarva__pdf *doc, double font_size, jarva_target_state state);

#endif /* JARVA_PDF_SYMBOL_H */
