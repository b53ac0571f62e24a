/* html_write.c: the markup every page shares: escaping, the page frame
 * (language, title, skip link, landmarks, the site's navigation, the notice
 * and the footer), the status symbol and word, and saving a page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "pdf_util.h"
#include "pdf_symbol.h"

void jarva__html_text(jarva__html_buf *b, const char *text)
{
    for (const char *p = text; p && *p;) {
        size_t run = strcspn(p, "&<>\"");
        if (run)
            html_add(b, "%.*s", (int)run, p);
        p += run;
        switch (*p) {
        case '&': html_add(b, "&amp;"); break;
        case '<': html_add(b, "&lt;"); break;
        case '>': html_add(b, "&gt;"); break;
        case '"': html_add(b, "&quot;"); break;
        default: continue;
        }
        p++;
    }
}

void jarva__html_lines(jarva__html_buf *b, const char *text)
{
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = jarva__pdf_strndup(p, len);
        if (!line) {
            b->failed = true;
            return;
        }
        jarva__html_text(b, line);
        free(line);
        if (!nl)
            break;
        html_add(b, "<br>");
        p = nl + 1;
    }
}

void jarva__html_area_file(const jarva_area *a, char *buf, size_t cap)
{
    snprintf(buf, cap, "omrade-%s.html", a->id);
}

void jarva__html_audience_file(const jarva_audience *a, char *buf, size_t cap)
{
    snprintf(buf, cap, "malgrupp-%d.html", a->position);
}

size_t jarva__html_pages(const jarva__html *h, jarva__html_page *pages, size_t cap)
{
    const jarva__report *r = &h->r;
    const jarva__html_page all[] = {
        { "index.html", TR(r, "Översikt", "Overview") },
        { "malgrupper.html", TR(r, "Målgrupper", "Audiences") },
        { "omraden.html", TR(r, "Områden", "Areas") },
        { "exempel.html", TR(r, "Exempel", "Examples") },
        { "press.html", TR(r, "Press", "Press") },
        { "data.html", TR(r, "Öppna data", "Open data") },
        { "metod.html", TR(r, "Metod och kvalitet", "Method and quality") },
        { "tillganglighet.html", TR(r, "Tillgänglighet", "Accessibility") },
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && n < cap; i++)
        pages[n++] = all[i];
    return n;
}

void jarva__html_begin(jarva__html *h, jarva__html_buf *b, const char *file, const char *title)
{
    const jarva__report *r = &h->r;
    char site[160];
    snprintf(site, sizeof site, "%s %d \xC2\xB7 %s", TR(r, "Effektrapport", "Effect report"),
             r->year, TR(r, "Järvasamverkan", "Järva collaboration"));
    html_add(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
             r->lang == JARVA__LANG_EN ? "en" : "sv");
    html_add(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>");
    jarva__html_text(b, title);
    html_add(b, " \xE2\x80\x93 ");
    jarva__html_text(b, site);
    html_add(b, "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n");
    html_add(b, "<a class=\"skip\" href=\"#main\">%s</a>\n",
             TR(r, "Hoppa till innehållet", "Skip to content"));
    html_add(b, "<header class=\"site\">\n<p class=\"site-name\"><a href=\"index.html\">");
    jarva__html_text(b, site);
    html_add(b, "</a></p>\n<nav aria-label=\"%s\">\n<ul>\n",
             TR(r, "Webbplatsens sidor", "The site's pages"));
    jarva__html_page pages[16];
    size_t n = jarva__html_pages(h, pages, 16);
    for (size_t i = 0; i < n; i++) {
        bool current = !strcmp(pages[i].file, file);
        html_add(b, "<li><a href=\"%s\"%s>", pages[i].file,
                 current ? " aria-current=\"page\"" : "");
        jarva__html_text(b, pages[i].title);
        html_add(b, "</a></li>\n");
    }
    html_add(b, "</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    if (r->notice) {
        html_add(b, "<p class=\"notice\"><strong>");
        jarva__html_text(b, r->notice);
        html_add(b, "</strong></p>\n");
    }
    html_add(b, "<h1>");
    jarva__html_text(b, title);
    html_add(b, "</h1>\n");
}

void jarva__html_end(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b, "</main>\n<footer class=\"site\">\n<p>");
    const char *plan = r->lang == JARVA__LANG_EN && r->plan.title_en && *r->plan.title_en
                           ? r->plan.title_en
                           : r->plan.title_sv;
    jarva__html_text(b, plan);
    html_add(b, ", %s %d.", TR(r, "planversion", "plan version"), r->plan.year);
    if (r->date[0]) {
        html_add(b, " %s ", TR(r, "Uppdaterad", "Updated"));
        jarva__html_text(b, r->date);
        html_add(b, ".");
    }
    html_add(b,
             "</p>\n<p><a href=\"data.html\">%s</a> \xC2\xB7 <a href=\"tillganglighet.html\">%s</a>"
             " \xC2\xB7 %s libjarva %s.</p>\n</footer>\n</body>\n</html>\n",
             TR(r, "Öppna data", "Open data"),
             TR(r, "Tillgänglighetsredogörelse", "Accessibility statement"),
             TR(r, "Framtagen med", "Produced with"), jarva_version_string());
}

/* Shapes in a 16 by 16 box, one per state, so that a state is told apart by
 * its form as in the PDF (pdf_symbol.c): a tick, an arrow, a half-filled
 * circle, a cross, a question mark. */
void jarva__html_status(jarva__html_buf *b, jarva__lang lang, jarva_target_state state)
{
    const char *shape;
    switch (state) {
    case JARVA_TARGET_ACHIEVED:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"7.5\"/><path d=\"M4 8.5l2.6 2.6L12 5.6\" "
                "fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>";
        break;
    case JARVA_TARGET_ON_TRACK:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"7.5\"/><path d=\"M5 11L11 5M6.5 5H11V9.5\" "
                "fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>";
        break;
    case JARVA_TARGET_UNCERTAIN:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"#fff\" stroke=\"currentColor\" "
                "stroke-width=\"2\"/><path d=\"M8 1.5a6.5 6.5 0 0 1 0 13z\"/>";
        break;
    case JARVA_TARGET_OFF_TRACK:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"7.5\"/><path d=\"M5 5l6 6M11 5l-6 6\" "
                "fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>";
        break;
    case JARVA_TARGET_NO_TARGET:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" "
                "stroke-width=\"1.5\"/><path d=\"M4.5 8h7\" stroke=\"currentColor\" "
                "stroke-width=\"2\"/>";
        break;
    default:
        shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" "
                "stroke-width=\"1.5\"/><text x=\"8\" y=\"12\" text-anchor=\"middle\" "
                "font-size=\"10\" font-weight=\"bold\">?</text>";
        break;
    }
    const char *id = jarva_target_state_id(state);
    html_add(b,
             "<span class=\"status s-%s\" data-status=\"%s\"><svg class=\"sym\" viewBox=\"0 0 16 "
             "16\" width=\"16\" height=\"16\" aria-hidden=\"true\">%s</svg> ",
             id, id, shape);
    /* The PDF writes no symbol for an indicator without a target, only
     * these words (report_front.c). */
    jarva__html_text(b, state == JARVA_TARGET_NO_TARGET
                            ? jarva__report_tr(lang, "Inget mål att bedöma", "No target to assess")
                            : jarva__report_status_word(lang, state));
    html_add(b, "</span>");
}

int jarva__html_save_bytes(jarva__html *h, const char *name, const void *data, size_t len)
{
    char *path = jarva__pdf_aprintf("%s/%s", h->dir, name);
    if (!path)
        return jarva_error_set(h->r.db, JARVA_ENOMEM, "out of memory");
    /* Whole or not at all, 0644 less the umask: the site is to be published
     * (jarva/output.h). */
    char why[512];
    int rc = jarva_output_write_file(path, data, len, why, sizeof why);
    if (rc)
        jarva_error_set(h->r.db, rc, "%s", why);
    free(path);
    return rc;
}

int jarva__html_save(jarva__html *h, jarva__html_buf *b, const char *name)
{
    size_t len = b->len;
    char *text = jarva__report_buf_take(b);
    if (!text)
        return jarva_error_set(h->r.db, JARVA_ENOMEM, "out of memory");
    int rc = jarva__html_save_bytes(h, name, text, len);
    free(text);
    return rc;
}
