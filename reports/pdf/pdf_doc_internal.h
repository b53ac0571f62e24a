/* pdf_doc_internal.h: the layout of jarva__pdf, shared by pdf_doc.c (pages,
 * text, drawing, saving) and pdf_finish.c (bookmarks, contents, page heads). */
#ifndef JARVA_PDF_DOC_INTERNAL_H
#define JARVA_PDF_DOC_INTERNAL_H

#include "pdf_doc.h"

/* A4 in points, and the margins (about 22 mm at the sides, 25 mm top). */
#define PDF_PAGE_WIDTH 595.276
#define PDF_PAGE_HEIGHT 841.89
#define PDF_MARGIN_SIDE 64.0
#define PDF_MARGIN_TOP 72.0
#define PDF_MARGIN_BOTTOM 64.0

typedef struct pdf_page_rec {
    HPDF_Page page;
    unsigned flags; /* JARVA__PAGE_*; JARVA__PAGE_FLOW if the text ran onto it */
} pdf_page_rec;

/* A bookmark: an outline entry and a line of the table of contents. */
typedef struct pdf_mark {
    char *title; /* Windows-1252 */
    int level;   /* 1 or 2 */
    size_t page_index;
    double y; /* top of the heading on its page */
} pdf_mark;

/* The document's sticky error: the first failure's status and message. */
typedef struct pdf_error {
    int code;
    char *message; /* NULL means "" */
} pdf_error;

struct jarva__pdf {
    HPDF_Doc hpdf;
    pdf_error err;
    /* The first error libHaru reported since the last jarva__pdf_check. */
    HPDF_STATUS hpdf_error, hpdf_detail;
    jarva__lang lang;
    HPDF_Font fonts[2];
    HPDF_Encoder encoder;
    double font_ascent[2], font_descent[2], font_cap[2]; /* per 1000 units of size */
    jarva__pdf_frame frame;
    double cursor;
    pdf_page_rec *pages;
    size_t n_pages, cap_pages;
    pdf_mark *marks;
    size_t n_marks, cap_marks;
    HPDF_Outline last_section; /* parent for level-2 bookmarks */
    long toc_page;             /* page index reserved for the contents, or -1 */
    double toc_top;
    bool toc_sections_only; /* room was reserved for the sections' entries only */
    char *running_head;     /* Windows-1252 */
    char *notice;           /* Windows-1252, or NULL: shown at the foot of every page */
    HPDF_Page target;       /* drawn on instead of the last page while finishing */
    bool finished;
    /* What was drawn where, when recording (jarva__pdf_record_boxes): for
     * the layout tests; nothing is recorded otherwise. */
    bool recording, chrome;
    jarva__pdf_box *boxes;
    size_t n_boxes, cap_boxes;
};

/* The index of the page being drawn on (the target while finishing). */
size_t jarva__pdf_page_index(const jarva__pdf *doc);
/* Records a line of text drawn with its left edge and baseline (pdf_record.c). */
void jarva__pdf_record_text(jarva__pdf *doc, double left, double baseline, jarva__pdf_font font,
                            double size, double width, const char *cp1252, size_t len);

/* The path of a font file in font_dir, or else in the directories where
 * distributions install Liberation; malloc'd, or NULL if not found. */
char *jarva__pdf_font_find(const char *font_dir, const char *file);
/* Checks that path is a TrueType font with the tables libHaru reads, before
 * libHaru sees it: libHaru 2.3.0 dereferences NULL on some malformed files
 * instead of reporting an error. JARVA_OK, or the document fails with
 * JARVA_EIO or JARVA_EFORMAT naming the file. */
int jarva__pdf_font_check(jarva__pdf *doc, const char *path);

#endif /* JARVA_PDF_DOC_INTERNAL_H */
