/* pdf_doc.h: the PDF document that the effect report is drawn into: A4 pages
 * with margins and a cursor that flows downwards, embedded Liberation Sans,
 * UTF-8 text converted to Windows-1252, running heads, "Sida N av M", a
 * bookmark outline, a table of contents and document information.
 *
 * Errors are sticky, as in a stream: the first failure (from libHaru, from
 * invalid text, from memory) is recorded with its message, every later call
 * returns the same status without drawing, and jarva__pdf_save reports it.
 * So a renderer may check only where it needs to stop early. libHaru's errors
 * arrive through the handler given to HPDF_New, which only records them;
 * nothing longjmps and nothing is printed. */
#ifndef JARVA_PDF_DOC_H
#define JARVA_PDF_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include <jarva/common.h>

#include "pdf_util.h"
#include "number_format.h"

typedef struct jarva__pdf jarva__pdf;

/* Creation time meaning "take SOURCE_DATE_EPOCH if it is set, else write no
 * date at all", so that output never depends on the clock. */
#define JARVA__PDF_DATE_FROM_ENV (-1LL)

typedef struct jarva__pdf_options {
    jarva__lang lang;         /* language of the fixed words (page numbers, legends) */
    const char *title;        /* UTF-8; document information and running head */
    const char *subject;      /* UTF-8 or NULL */
    const char *author;       /* UTF-8 or NULL */
    const char *keywords;     /* UTF-8 or NULL */
    const char *running_head; /* UTF-8 shown at the top of pages; NULL: the title */
    const char *font_dir;     /* directory with LiberationSans-*.ttf; NULL: search */
    long long creation_time;  /* seconds since 1970 UTC, or JARVA__PDF_DATE_FROM_ENV */
    const char *notice;       /* UTF-8 shown in bold at the foot of every page (e.g.
                                 "Simulerade exempeldata"); NULL for none */
} jarva__pdf_options;
#define JARVA__PDF_OPTIONS_INIT                                                                    \
    {                                                                                              \
        JARVA__LANG_SV, NULL, NULL, NULL, NULL, NULL, NULL, JARVA__PDF_DATE_FROM_ENV, NULL         \
    }

typedef enum jarva__pdf_font { JARVA__FONT_REGULAR = 0, JARVA__FONT_BOLD = 1 } jarva__pdf_font;
typedef enum jarva__align {
    JARVA__ALIGN_LEFT = 0,
    JARVA__ALIGN_RIGHT,
    JARVA__ALIGN_CENTER
} jarva__align;

typedef struct jarva__rgb {
    double r, g, b;
} jarva__rgb;

/* The report's palette: dark text, a blue that stays distinct in greyscale
 * from the orange (Okabe & Ito's colour-blind-safe pair), light fills. */
#define JARVA__RGB(r, g, b) ((jarva__rgb){ (r) / 255.0, (g) / 255.0, (b) / 255.0 })
#define JARVA__COLOR_TEXT JARVA__RGB(26, 26, 26)
#define JARVA__COLOR_MUTED JARVA__RGB(90, 90, 90)
#define JARVA__COLOR_RULE JARVA__RGB(120, 120, 120)
#define JARVA__COLOR_GRID JARVA__RGB(222, 222, 222)
#define JARVA__COLOR_SHADE JARVA__RGB(242, 244, 247)
#define JARVA__COLOR_ACCENT JARVA__RGB(0, 84, 147)
#define JARVA__COLOR_ACCENT_LIGHT JARVA__RGB(200, 220, 238)
#define JARVA__COLOR_SECOND JARVA__RGB(213, 94, 0)
#define JARVA__COLOR_WHITE JARVA__RGB(255, 255, 255)

/* The text frame on every page, in points (A4 is 595.28 x 841.89). */
typedef struct jarva__pdf_frame {
    double left, right, top, bottom; /* PDF coordinates: y grows upwards */
    double width;                    /* right - left */
} jarva__pdf_frame;

/* Page flags for jarva__pdf_new_page. */
#define JARVA__PAGE_NO_HEAD 1u /* no running head (a cover) */
/* Set by the document on a page that jarva__pdf_need started because the
 * text ran on: a continuation of the part before, not the start of a part. */
#define JARVA__PAGE_FLOW 2u

/* Creates a document. *out is set whenever memory allowed, also on failure,
 * so that jarva__pdf_errmsg can tell why; free it with jarva__pdf_free.
 * Returns 0, JARVA_ENOTFOUND (no font), JARVA_EINVAL (a malformed
 * SOURCE_DATE_EPOCH or non-UTF-8 text), JARVA_EPDF or JARVA_ENOMEM. */
int jarva__pdf_create(jarva__pdf **out, const jarva__pdf_options *opts);
void jarva__pdf_free(jarva__pdf *doc);

/* The sticky status (0 while all went well) and its message ("" if none). */
int jarva__pdf_status(const jarva__pdf *doc);
const char *jarva__pdf_errmsg(const jarva__pdf *doc);
/* Records a failure unless one is recorded already; returns the status now
 * in force (the first one). */
int jarva__pdf_fail(jarva__pdf *doc, int code, const char *fmt, ...) JARVA__PDF_PRINTF(3, 4);
/* Turns an error that libHaru reported since the last check into the sticky
 * status, naming what was being done; returns the status in force. */
int jarva__pdf_check(jarva__pdf *doc, const char *what);

/* Grows *array (elements of `size` bytes, capacity *cap) to hold n + 1;
 * fails the document with JARVA_ENOMEM if it cannot. */
int jarva__pdf_grow(jarva__pdf *doc, void **array, size_t *cap, size_t n, size_t size);

jarva__lang jarva__pdf_lang(const jarva__pdf *doc);
jarva__pdf_frame jarva__pdf_get_frame(const jarva__pdf *doc);
/* The libHaru handles, for drawing: the current page (NULL before the first
 * page or after a failure) and a font. */
HPDF_Page jarva__pdf_page(const jarva__pdf *doc);
HPDF_Font jarva__pdf_hfont(const jarva__pdf *doc, jarva__pdf_font font);

/* Starts a new page; the cursor goes to the top of the frame. */
int jarva__pdf_new_page(jarva__pdf *doc, unsigned flags);
/* Starts a new page unless `height` points are left above the bottom margin
 * (or no page exists yet). */
int jarva__pdf_need(jarva__pdf *doc, double height);
/* The cursor: the y of the top of the free space on the current page. */
double jarva__pdf_cursor(const jarva__pdf *doc);
/* Moves the cursor down by `height` (not past the bottom margin). */
void jarva__pdf_advance(jarva__pdf *doc, double height);
/* Points left between the cursor and the bottom margin. */
double jarva__pdf_space_left(const jarva__pdf *doc);
int jarva__pdf_page_count(const jarva__pdf *doc);

/* Text: UTF-8 in, Windows-1252 for libHaru. Returns a malloc'd string, or
 * NULL with the document failed (JARVA_EINVAL naming the byte offset of
 * invalid UTF-8, or JARVA_ENOMEM). */
char *jarva__pdf_encode(jarva__pdf *doc, const char *utf8);
/* The width in points of Windows-1252 text (len bytes) in a font and size. */
double jarva__pdf_width(const jarva__pdf *doc, jarva__pdf_font font, double size,
                        const char *cp1252, size_t len);
/* The width of UTF-8 text; 0 with the document failed if it is invalid. */
double jarva__pdf_width_utf8(jarva__pdf *doc, jarva__pdf_font font, double size, const char *utf8);
/* Draws one line of Windows-1252 text with its baseline at y; x is the left
 * edge, the right edge or the centre according to align. */
void jarva__pdf_show(jarva__pdf *doc, double x, double y, jarva__pdf_font font, double size,
                     jarva__rgb color, jarva__align align, const char *cp1252, size_t len);
/* The same for UTF-8 text; returns the status. */
int jarva__pdf_show_utf8(jarva__pdf *doc, double x, double y, jarva__pdf_font font, double size,
                         jarva__rgb color, jarva__align align, const char *utf8);
/* Font metrics in points at a size: ascent above and descent below the
 * baseline (both positive), and the height of capitals. */
double jarva__pdf_ascent(const jarva__pdf *doc, jarva__pdf_font font, double size);
double jarva__pdf_descent(const jarva__pdf *doc, jarva__pdf_font font, double size);
double jarva__pdf_cap_height(const jarva__pdf *doc, jarva__pdf_font font, double size);

/* Colours and lines, on the current page. */
void jarva__pdf_fill_color(jarva__pdf *doc, jarva__rgb color);
void jarva__pdf_stroke_color(jarva__pdf *doc, jarva__rgb color);
/* A filled rectangle (x, y is the lower left corner). */
void jarva__pdf_fill_rect(jarva__pdf *doc, double x, double y, double w, double h,
                          jarva__rgb color);
typedef enum jarva__line_style {
    JARVA__LINE_SOLID = 0,
    JARVA__LINE_DASHED, /* 4 on, 3 off: targets */
    JARVA__LINE_DOTTED  /* 1 on, 2 off: series breaks, leaders */
} jarva__line_style;
/* A straight line. */
void jarva__pdf_line(jarva__pdf *doc, double x1, double y1, double x2, double y2, double width,
                     jarva__rgb color, jarva__line_style style);

/* A grid line or tick mark: drawn as jarva__pdf_line (solid), but
 * recorded as background ink that text may cross (the layout tests). */
void jarva__pdf_grid_line(jarva__pdf *doc, double x1, double y1, double x2, double y2, double width,
                          jarva__rgb color);

/* ---- what was drawn where, for the layout tests ---- */

/* Kinds of ink: text, a line (data, target, whisker, table rule), a grid
 * line or tick, a filled area, a marker or symbol. */
typedef enum jarva__pdf_ink {
    JARVA__INK_TEXT = 0,
    JARVA__INK_LINE,
    JARVA__INK_GRID,
    JARVA__INK_FILL,
    JARVA__INK_MARK
} jarva__pdf_ink;

/* One thing drawn: text and marks as their box (x0 < x1, y0 < y1; text from
 * the descent below the baseline to the capitals' height above it), fills as
 * their rectangle (a polygon as its bounding box), lines from (x0, y0) to
 * (x1, y1) with their width. chrome: the running head or the foot. */
typedef struct jarva__pdf_box {
    jarva__pdf_ink ink;
    size_t page; /* 0-based */
    double x0, y0, x1, y1, width;
    bool chrome;
    char text[48]; /* the start of a text, Windows-1252 */
    double size;   /* a text's font size, and whether bold */
    bool bold;
} jarva__pdf_box;

/* Starts recording every later drawing call (off by default: a report
 * records nothing). */
void jarva__pdf_record_boxes(jarva__pdf *doc);
/* What was recorded; valid until the document is freed. */
const jarva__pdf_box *jarva__pdf_boxes(const jarva__pdf *doc, size_t *n);
/* Records one thing drawn directly through libHaru (series lines, markers,
 * symbols), when recording. */
void jarva__pdf_record(jarva__pdf *doc, jarva__pdf_ink ink, double x0, double y0, double x1,
                       double y1, double width);
/* A page's flags (JARVA__PAGE_*), 0 if there is no such page. */
unsigned jarva__pdf_page_flags(const jarva__pdf *doc, size_t page);

/* A bookmark (level 1: a section, 2: inside the last section) pointing at the
 * cursor on the current page; it is also an entry of the table of contents
 * and sets the section named in the running head from this page on. */
int jarva__pdf_bookmark(jarva__pdf *doc, int level, const char *utf8);

/* Reserves the rest of the current page for a table of contents, filled in
 * with the bookmarks and their pages when the document is finished; if it
 * needs more room, pages are inserted after this one (and counted in the
 * page numbers). */
int jarva__pdf_toc_here(jarva__pdf *doc);
/* Reserves `height` points at the cursor for the contents' section entries
 * (level 1) only, so that the text can go on below them on the same page;
 * the height is what jarva__pdf_toc_height() measured on an earlier
 * rendering of the same document. */
int jarva__pdf_toc_reserve(jarva__pdf *doc, double height);
/* The height the level-1 entries of the contents take, as the bookmarks
 * made so far stand. */
double jarva__pdf_toc_height(jarva__pdf *doc);

/* Draws what needs the page count (running heads, "Sida N av M", the table
 * of contents) on every page. Called by the save functions; after it no page
 * may be added. Returns the status. */
int jarva__pdf_finish(jarva__pdf *doc);

/* Finishes the document and writes it to path. Returns 0 or the status:
 * the sticky one, JARVA_EIO naming path and the reason, or JARVA_EPDF. */
int jarva__pdf_save(jarva__pdf *doc, const char *path);
/* Where the regular (bold 0) or bold face would be loaded from; NULL if it is
 * not found. The caller frees it. The report refuses to write over it. */
char *jarva__pdf_font_path(const char *font_dir, int bold);
/* Finishes the document and returns its bytes in *data (malloc'd, the caller
 * frees) and *size. */
int jarva__pdf_save_to_memory(jarva__pdf *doc, unsigned char **data, size_t *size);

#endif /* JARVA_PDF_DOC_H */
