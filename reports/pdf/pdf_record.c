/* pdf_record.c: what was drawn where, recorded on request so that a test can
 * check the layout geometrically (no label on a line, bar or other label, no
 * page left half empty) instead of by eye alone. A report records nothing. */
#include "pdf_doc_internal.h"

#include <math.h>
#include <string.h>

void jarva__pdf_record_boxes(jarva__pdf *doc)
{
    doc->recording = true;
}

const jarva__pdf_box *jarva__pdf_boxes(const jarva__pdf *doc, size_t *n)
{
    *n = doc->n_boxes;
    return doc->boxes;
}

unsigned jarva__pdf_page_flags(const jarva__pdf *doc, size_t page)
{
    return page < doc->n_pages ? doc->pages[page].flags : 0u;
}

size_t jarva__pdf_page_index(const jarva__pdf *doc)
{
    if (doc->target)
        for (size_t i = 0; i < doc->n_pages; i++)
            if (doc->pages[i].page == doc->target)
                return i;
    return doc->n_pages ? doc->n_pages - 1 : 0;
}

static jarva__pdf_box *add(jarva__pdf *doc, jarva__pdf_ink ink)
{
    if (!doc->recording || doc->err.code != JARVA_OK || doc->n_pages == 0)
        return NULL;
    if (jarva__pdf_grow(doc, (void **)&doc->boxes, &doc->cap_boxes, doc->n_boxes,
                        sizeof *doc->boxes) != JARVA_OK)
        return NULL;
    jarva__pdf_box *b = &doc->boxes[doc->n_boxes++];
    memset(b, 0, sizeof *b);
    b->ink = ink;
    b->page = jarva__pdf_page_index(doc);
    b->chrome = doc->chrome;
    return b;
}

void jarva__pdf_record(jarva__pdf *doc, jarva__pdf_ink ink, double x0, double y0, double x1,
                       double y1, double width)
{
    jarva__pdf_box *b = add(doc, ink);
    if (!b)
        return;
    if (ink != JARVA__INK_LINE && ink != JARVA__INK_GRID) { /* boxes are kept ordered */
        b->x0 = fmin(x0, x1), b->x1 = fmax(x0, x1);
        b->y0 = fmin(y0, y1), b->y1 = fmax(y0, y1);
    } else {
        b->x0 = x0, b->y0 = y0, b->x1 = x1, b->y1 = y1;
    }
    b->width = width;
}

/* Called by jarva__pdf_show for every line of text it draws. */
void jarva__pdf_record_text(jarva__pdf *doc, double left, double baseline, jarva__pdf_font font,
                            double size, double width, const char *cp1252, size_t len)
{
    jarva__pdf_box *b = add(doc, JARVA__INK_TEXT);
    if (!b)
        return;
    b->x0 = left;
    b->x1 = left + width;
    b->y0 = baseline - jarva__pdf_descent(doc, font, size);
    b->y1 = baseline + jarva__pdf_cap_height(doc, font, size);
    b->size = size;
    b->bold = font == JARVA__FONT_BOLD;
    size_t n = len < sizeof b->text - 1 ? len : sizeof b->text - 1;
    memcpy(b->text, cp1252, n);
    b->text[n] = '\0';
}
