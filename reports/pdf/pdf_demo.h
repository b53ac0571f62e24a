/* pdf_demo.h: a sample effect report drawn from synthetic data held in
 * memory: a cover, contents, a summary table with target statuses, chart
 * pages, and an appendix with a table long enough to continue over pages.
 * It exercises every primitive of the PDF layer and is what the tests and
 * the timing measure render. */
#ifndef JARVA_PDF_DEMO_H
#define JARVA_PDF_DEMO_H

#include <stddef.h>

#include "pdf_doc.h"

/* Draws the sample into a new document. extra_sections adds that many chart
 * sections (a line chart and a bar chart each, on about one page) after the
 * two fixed ones, to make large documents. Returns the document's status. */
int jarva__pdf_demo_render(jarva__pdf *doc, unsigned extra_sections);

/* Creates a document with the demo's information (Swedish, fonts from
 * font_dir or the usual places, creation date from SOURCE_DATE_EPOCH if set),
 * renders it and saves it to path. On failure the message is copied to
 * errbuf (if errlen > 0). Returns 0 or the status. */
int jarva__pdf_demo_write(const char *path, unsigned extra_sections, const char *font_dir,
                          char *errbuf, size_t errlen);

#endif /* JARVA_PDF_DEMO_H */
