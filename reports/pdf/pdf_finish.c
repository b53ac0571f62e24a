/* pdf_finish.c: what is drawn once all pages exist: bookmarks (the PDF
 * outline), the table of contents with page numbers and links, the running
 * head with the current section, and "Sida N av M". libHaru keeps every
 * page's content stream open until the document is saved, so earlier pages
 * can still be drawn on through their handles. */
#include "pdf_doc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_text.h"

#define HEAD_SIZE 8.0
#define TOC_NUMBER_WIDTH 28.0

int jarva__pdf_bookmark(jarva__pdf *doc, int level, const char *utf8)
{
    if (doc->err.code != JARVA_OK)
        return doc->err.code;
    if (doc->n_pages == 0 && jarva__pdf_new_page(doc, 0) != JARVA_OK)
        return doc->err.code;
    if (jarva__pdf_grow(doc, (void **)&doc->marks, &doc->cap_marks, doc->n_marks,
                        sizeof *doc->marks) != JARVA_OK)
        return doc->err.code;
    char *title = jarva__pdf_encode(doc, utf8);
    if (!title)
        return doc->err.code;
    level = level <= 1 || !doc->last_section ? 1 : 2;
    HPDF_Outline parent = level == 1 ? NULL : doc->last_section;
    HPDF_Outline outline = HPDF_CreateOutline(doc->hpdf, parent, title, doc->encoder);
    HPDF_Destination dest = HPDF_Page_CreateDestination(doc->pages[doc->n_pages - 1].page);
    if (!outline || !dest) {
        free(title);
        jarva__pdf_check(doc, "creating a bookmark");
        return jarva__pdf_fail(doc, JARVA_EPDF, "creating a bookmark failed");
    }
    double top = doc->cursor + 6.0 < PDF_PAGE_HEIGHT ? doc->cursor + 6.0 : PDF_PAGE_HEIGHT;
    HPDF_Destination_SetFitH(dest, (HPDF_REAL)top);
    HPDF_Outline_SetDestination(outline, dest);
    if (level == 1) {
        HPDF_Outline_SetOpened(outline, HPDF_TRUE);
        doc->last_section = outline;
    }
    pdf_mark *mark = &doc->marks[doc->n_marks++];
    mark->title = title;
    mark->level = level;
    mark->page_index = doc->n_pages - 1;
    mark->y = top;
    return jarva__pdf_check(doc, "creating a bookmark");
}

int jarva__pdf_toc_here(jarva__pdf *doc)
{
    if (doc->err.code != JARVA_OK)
        return doc->err.code;
    if (doc->toc_page >= 0)
        return jarva__pdf_fail(doc, JARVA_EINVAL, "the table of contents was placed twice");
    if (doc->n_pages == 0 && jarva__pdf_new_page(doc, 0) != JARVA_OK)
        return doc->err.code;
    doc->toc_page = (long)doc->n_pages - 1;
    doc->toc_top = doc->cursor;
    doc->cursor = doc->frame.bottom;
    return JARVA_OK;
}

int jarva__pdf_toc_reserve(jarva__pdf *doc, double height)
{
    if (jarva__pdf_toc_here(doc) != JARVA_OK)
        return doc->err.code;
    doc->cursor = doc->toc_top - height;
    if (doc->cursor < doc->frame.bottom)
        doc->cursor = doc->frame.bottom;
    doc->toc_sections_only = true;
    return JARVA_OK;
}

static double toc_entry(jarva__pdf *doc, HPDF_Page page, const pdf_mark *mark, double y, bool draw);

double jarva__pdf_toc_height(jarva__pdf *doc)
{
    double height = 0.0;
    for (size_t i = 0; i < doc->n_marks && doc->err.code == JARVA_OK; i++)
        if (doc->marks[i].level == 1)
            height += toc_entry(doc, NULL, &doc->marks[i], 0.0, false);
    return height;
}

/* One entry: the title wrapped beside the page number, a dotted leader from
 * the end of its last line to the number, and a link over the whole entry. */
static double toc_entry(jarva__pdf *doc, HPDF_Page page, const pdf_mark *mark, double y, bool draw)
{
    jarva__pdf_style style = jarva__pdf_style_get(JARVA__STYLE_BODY);
    if (mark->level == 1)
        style.font = JARVA__FONT_BOLD;
    double indent = mark->level == 1 ? 0.0 : 14.0;
    double before = mark->level == 1 ? 6.0 : 0.0;
    double x = doc->frame.left + indent;
    double width = doc->frame.width - indent - TOC_NUMBER_WIDTH - 8.0;
    jarva__pdf_lines lines;
    if (jarva__pdf_wrap_cp1252(doc, &style, mark->title, width, &lines) != JARVA_OK)
        return 0.0;
    double height = before + jarva__pdf_lines_height(&style, lines.n ? lines.n : 1);
    if (draw && lines.n > 0) {
        double top = y - before;
        jarva__pdf_draw_lines(doc, &style, &lines, 0, lines.n, x, top, width);
        double last_base = jarva__pdf_baseline(doc, &style, top, lines.n - 1);
        char number[24];
        snprintf(number, sizeof number, "%zu", mark->page_index + 1);
        jarva__pdf_show(doc, doc->frame.right, last_base, style.font, style.size, style.color,
                        JARVA__ALIGN_RIGHT, number, strlen(number));
        double lead_from = x + lines.line[lines.n - 1].width + 4.0;
        double lead_to = doc->frame.right -
                         jarva__pdf_width(doc, style.font, style.size, number, strlen(number)) -
                         4.0;
        if (lead_to > lead_from)
            jarva__pdf_line(doc, lead_from, last_base, lead_to, last_base, 0.6, JARVA__COLOR_RULE,
                            JARVA__LINE_DOTTED);
        HPDF_Destination dest = HPDF_Page_CreateDestination(doc->pages[mark->page_index].page);
        if (dest) {
            HPDF_Destination_SetFitH(dest, (HPDF_REAL)mark->y);
            HPDF_Rect rect = { (HPDF_REAL)x, (HPDF_REAL)(y - height), (HPDF_REAL)doc->frame.right,
                               (HPDF_REAL)(y - before) };
            HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(page, rect, dest);
            if (link)
                HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
        }
    }
    jarva__pdf_lines_free(&lines);
    return height;
}

/* Inserts `count` pages after the contents page, for contents longer than
 * the room reserved, and moves the bookmarks that follow by as many pages. */
static int insert_toc_pages(jarva__pdf *doc, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        if (jarva__pdf_grow(doc, (void **)&doc->pages, &doc->cap_pages, doc->n_pages,
                            sizeof *doc->pages) != JARVA_OK)
            return doc->err.code;
        size_t at = (size_t)doc->toc_page + 1 + k;
        HPDF_Page page = at < doc->n_pages ? HPDF_InsertPage(doc->hpdf, doc->pages[at].page)
                                           : HPDF_AddPage(doc->hpdf);
        if (!page) {
            jarva__pdf_check(doc, "adding a page to the table of contents");
            return jarva__pdf_fail(doc, JARVA_EPDF, "adding a page to the table of contents");
        }
        HPDF_Page_SetWidth(page, (HPDF_REAL)PDF_PAGE_WIDTH);
        HPDF_Page_SetHeight(page, (HPDF_REAL)PDF_PAGE_HEIGHT);
        memmove(&doc->pages[at + 1], &doc->pages[at], (doc->n_pages - at) * sizeof *doc->pages);
        doc->pages[at].page = page;
        doc->pages[at].flags = JARVA__PAGE_FLOW;
        doc->n_pages++;
    }
    for (size_t i = 0; i < doc->n_boxes; i++)
        if (doc->boxes[i].page > (size_t)doc->toc_page)
            doc->boxes[i].page += count;
    for (size_t i = 0; i < doc->n_marks; i++)
        if (doc->marks[i].page_index > (size_t)doc->toc_page)
            doc->marks[i].page_index += count;
    return jarva__pdf_check(doc, "adding pages to the table of contents");
}

/* Lays the entries out from the reserved room on, onto further pages as
 * needed (an entry is never split); draws them if draw. Returns the number
 * of pages needed beyond the reserved one. */
static size_t layout_toc(jarva__pdf *doc, bool draw, int max_level)
{
    double y = doc->toc_top;
    size_t page = (size_t)doc->toc_page, extra = 0;
    bool empty = true;
    for (size_t i = 0; i < doc->n_marks && doc->err.code == JARVA_OK; i++) {
        if (doc->marks[i].level > max_level)
            continue;
        double h = toc_entry(doc, NULL, &doc->marks[i], 0.0, false);
        bool fresh = empty && y >= doc->frame.top - 0.01;
        if (h > y - doc->frame.bottom && !fresh) {
            extra++;
            page++;
            y = doc->frame.top;
        }
        if (draw) {
            doc->target = doc->pages[page].page; /* the helpers draw on that page */
            toc_entry(doc, doc->pages[page].page, &doc->marks[i], y, true);
            doc->target = NULL;
        }
        y -= h;
        empty = false;
    }
    return extra;
}

static int draw_toc(jarva__pdf *doc)
{
    if (doc->toc_page < 0)
        return JARVA_OK;
    /* Subsections are listed only if the whole contents then fit on its page:
     * a second page with a few lines is worse than a shorter contents (the
     * outline still holds every subsection). */
    int max_level = doc->toc_sections_only ? 1 : 2;
    size_t extra = layout_toc(doc, false, max_level);
    if (extra > 0 && max_level > 1) {
        max_level = 1;
        extra = layout_toc(doc, false, max_level);
    }
    if (extra > 0 && insert_toc_pages(doc, extra) != JARVA_OK)
        return doc->err.code;
    layout_toc(doc, true, max_level);
    return jarva__pdf_check(doc, "drawing the table of contents");
}

/* The running head (title at the left, section at the right, a hairline
 * below) and the page number at the foot. */
static void draw_page_furniture(jarva__pdf *doc, size_t index)
{
    pdf_page_rec rec = doc->pages[index];
    doc->target = rec.page;
    doc->chrome = true;
    const jarva__pdf_frame *f = &doc->frame;
    if (!(rec.flags & JARVA__PAGE_NO_HEAD)) {
        double base = PDF_PAGE_HEIGHT - 40.0, half = (f->width - 16.0) / 2;
        /* The first section that starts on the page, else the one in force
         * when the page began. */
        const char *section = "";
        for (size_t i = 0; i < doc->n_marks && doc->marks[i].page_index <= index; i++) {
            if (doc->marks[i].level != 1)
                continue;
            section = doc->marks[i].title;
            if (doc->marks[i].page_index == index)
                break;
        }
        char *left = jarva__pdf_strdup(doc->running_head), *right = jarva__pdf_strdup(section);
        if (left && right) {
            double right_w =
                jarva__pdf_width(doc, JARVA__FONT_REGULAR, HEAD_SIZE, right, strlen(right));
            double left_room = f->width - (right_w < half ? right_w : half) - 16.0;
            jarva__pdf_ellipsize(doc, JARVA__FONT_REGULAR, HEAD_SIZE, left, left_room);
            double left_w =
                jarva__pdf_width(doc, JARVA__FONT_REGULAR, HEAD_SIZE, left, strlen(left));
            /* A section title too long for the head is shortened by rule, never
             * cut with an ellipsis: to the part before its colon ("4
             * Målgrupp 2: Internt till ..." becomes "4 Målgrupp 2"); only a
             * title without a colon that still does not fit is ellipsized. */
            double room = f->width - left_w - 16.0;
            char *colon = strchr(right, ':');
            if (colon &&
                jarva__pdf_width(doc, JARVA__FONT_REGULAR, HEAD_SIZE, right, strlen(right)) > room)
                *colon = '\0';
            jarva__pdf_ellipsize(doc, JARVA__FONT_REGULAR, HEAD_SIZE, right, room);
            jarva__pdf_show(doc, f->left, base, JARVA__FONT_REGULAR, HEAD_SIZE, JARVA__COLOR_MUTED,
                            JARVA__ALIGN_LEFT, left, strlen(left));
            jarva__pdf_show(doc, f->right, base, JARVA__FONT_REGULAR, HEAD_SIZE, JARVA__COLOR_MUTED,
                            JARVA__ALIGN_RIGHT, right, strlen(right));
            jarva__pdf_line(doc, f->left, base - 6.0, f->right, base - 6.0, 0.4, JARVA__COLOR_RULE,
                            JARVA__LINE_SOLID);
        } else {
            jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
        }
        free(left);
        free(right);
    }
    char number[64];
    snprintf(number, sizeof number,
             doc->lang == JARVA__LANG_SV ? "Sida %zu av %zu" : "Page %zu of %zu", index + 1,
             doc->n_pages);
    jarva__pdf_show(doc, f->right, 36.0, JARVA__FONT_REGULAR, HEAD_SIZE, JARVA__COLOR_MUTED,
                    JARVA__ALIGN_RIGHT, number, strlen(number));
    if (doc->notice) {
        /* The notice (such as "simulated example data") on every page, in the
         * second colour and bold so that no page can be taken out of context. */
        char *notice = jarva__pdf_strdup(doc->notice);
        if (notice) {
            double room =
                f->width -
                jarva__pdf_width(doc, JARVA__FONT_REGULAR, HEAD_SIZE, number, strlen(number)) -
                16.0;
            jarva__pdf_ellipsize(doc, JARVA__FONT_BOLD, HEAD_SIZE, notice, room);
            jarva__pdf_show(doc, f->left, 36.0, JARVA__FONT_BOLD, HEAD_SIZE, JARVA__COLOR_SECOND,
                            JARVA__ALIGN_LEFT, notice, strlen(notice));
            free(notice);
        } else {
            jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
        }
    }
    doc->target = NULL;
    doc->chrome = false;
}

int jarva__pdf_finish(jarva__pdf *doc)
{
    if (doc->err.code != JARVA_OK || doc->finished)
        return doc->err.code;
    if (doc->n_pages == 0 && jarva__pdf_new_page(doc, 0) != JARVA_OK)
        return doc->err.code;
    /* The contents first: they may add pages, which the numbering counts. */
    if (draw_toc(doc) != JARVA_OK)
        return doc->err.code;
    for (size_t i = 0; i < doc->n_pages && doc->err.code == JARVA_OK; i++)
        draw_page_furniture(doc, i);
    if (doc->n_marks > 0)
        HPDF_SetPageMode(doc->hpdf, HPDF_PAGE_MODE_USE_OUTLINE);
    doc->finished = true;
    return jarva__pdf_check(doc, "finishing the document");
}
