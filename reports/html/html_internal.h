/* html_internal.h: what the files of the web edition share. The web edition
 * is a second rendering of the PDF report's content model (report_internal.h:
 * the same items, sentences, cells and status words); only the markup is its
 * own. Every page is built in memory and written at the end. */
#ifndef JARVA_HTML_INTERNAL_H
#define JARVA_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "report_internal.h"

/* The site being written. */
typedef struct jarva__html {
    jarva__report r;         /* the content model, as the PDF reads it */
    const char *dir;         /* the output directory */
    const char *font_dir;    /* for the press sheet's PDF, as the options say */
    long long creation_time; /* the options' */
} jarva__html;

/* One page of the site, for the navigation and the tests. */
typedef struct jarva__html_page {
    const char *file;  /* "index.html" */
    const char *title; /* in the page's language */
} jarva__html_page;

/* ---- html_write.c: markup primitives ---- */

typedef jarva__report_buf jarva__html_buf;
#define html_add jarva__report_buf_add
/* Text with & < > " escaped; NULL writes nothing. */
void jarva__html_text(jarva__html_buf *b, const char *text);
/* Text whose '\n' become <br>, escaped. */
void jarva__html_lines(jarva__html_buf *b, const char *text);
/* The page's start: doctype, head, skip link, header with the site's
 * navigation (current marked), the notice, and <main> with its h1. */
void jarva__html_begin(jarva__html *h, jarva__html_buf *b, const char *file, const char *title);
/* </main>, the footer, </html>. */
void jarva__html_end(jarva__html *h, jarva__html_buf *b);
/* A status as symbol and word, never colour alone: an inline SVG shape
 * (aria-hidden) and the word of pdf_symbol.c, with data-status for tests. */
void jarva__html_status(jarva__html_buf *b, jarva__lang lang, jarva_target_state state);
/* Writes the buffer to DIR/name (name may hold one '/'), taking the buffer.
 * Returns a status with the message in the database. */
int jarva__html_save(jarva__html *h, jarva__html_buf *b, const char *name);
/* The same for bytes the caller keeps. */
int jarva__html_save_bytes(jarva__html *h, const char *name, const void *data, size_t len);
/* The stylesheet (html_style.c). */
extern const char jarva__html_css[];

/* The site's pages in navigation order, and how many. */
size_t jarva__html_pages(const jarva__html *h, jarva__html_page *pages, size_t cap);
/* An area profile's file name, "omrade-husby.html". */
void jarva__html_area_file(const jarva_area *a, char *buf, size_t cap);
/* An audience page's file name, "malgrupp-1.html". */
void jarva__html_audience_file(const jarva_audience *a, char *buf, size_t cap);

/* ---- html_indicator.c ---- */

/* One indicator: heading (level), what is measured, the sentence, the chart
 * (inline SVG whose text alternative is the sentence) and its data table in
 * a disclosure. */
void jarva__html_indicator(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it,
                           int level);
/* The summary table's row cells for one indicator (th scope=row + tds). */
void jarva__html_summary_row(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it);
/* The summary table's header row. */
void jarva__html_summary_head(jarva__html *h, jarva__html_buf *b);

/* ---- the pages, one file each ---- */
int jarva__html_index(jarva__html *h);     /* html_index.c */
int jarva__html_data(jarva__html *h);      /* html_data.c: data/ and data.html */
int jarva__html_audiences(jarva__html *h); /* html_pages.c */
int jarva__html_areas(jarva__html *h);     /* html_pages.c */
int jarva__html_examples(jarva__html *h);  /* html_examples.c */
int jarva__html_press(jarva__html *h);     /* html_press.c: press.html, pressunderlag.pdf */
int jarva__html_method(jarva__html *h);    /* html_about.c */
int jarva__html_a11y(jarva__html *h);      /* html_about.c */

#endif /* JARVA_HTML_INTERNAL_H */
