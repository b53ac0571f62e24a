/* html_index.c: the web edition's first page: the year at a glance (how
 * many targets have each status), the PDF's summary paragraph, what each
 * status means, the summary table of every goal and indicator, and the way
 * to the pages for each audience, area, the press and the data. */
#include <stdio.h>
#include <string.h>

#include "html_internal.h"

static const jarva_target_state order[] = { JARVA_TARGET_ACHIEVED, JARVA_TARGET_ON_TRACK,
                                            JARVA_TARGET_UNCERTAIN, JARVA_TARGET_OFF_TRACK,
                                            JARVA_TARGET_INSUFFICIENT_DATA };

static void at_a_glance(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    size_t count[5] = { 0 };
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].has_target && (unsigned)r->items[i].status.state < 5)
            count[r->items[i].status.state]++;
    html_add(b, "<h2>%s</h2>\n<ul class=\"cards\">\n", TR(r, "I korthet", "At a glance"));
    for (size_t k = 0; k < 5; k++) {
        html_add(b, "<li data-count=\"%zu\"><strong>%zu</strong> %s<br>", count[order[k]],
                 count[order[k]],
                 count[order[k]] == 1 ? TR(r, "indikator", "indicator")
                                      : TR(r, "indikatorer", "indicators"));
        jarva__html_status(b, r->lang, order[k]);
        html_add(b, "</li>\n");
    }
    html_add(b, "</ul>\n");
    char text[1024];
    jarva__report_summary_text(r, text, sizeof text);
    html_add(b, "<p>");
    jarva__html_text(b, text);
    html_add(b, "</p>\n");
}

/* «Läget i korthet»'s table of the PDF: the targets that need action, off
 * track then uncertain, furthest from the target first (jarva_summary_open). */
static void needs_action(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    size_t n = 0;
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++)
        n += jarva_summary_get(r->summary, i)->group == JARVA_SUMMARY_NEEDS_ACTION;
    html_add(b, "<h2>");
    jarva__html_text(b, jarva__report_glance_group_title(r, JARVA_SUMMARY_NEEDS_ACTION));
    html_add(b, "</h2>\n");
    if (!n) {
        html_add(b, "<p>%s</p>\n", TR(r, "Inget mål behöver åtgärd.", "No target needs action."));
        return;
    }
    html_add(b,
             "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-action\" "
             "tabindex=\"0\">\n<table>\n<caption id=\"cap-action\">%s</caption>\n"
             "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">Status</th>"
             "<th scope=\"col\">%s %d</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
             TR(r, "Behöver åtgärd, det mål som ligger längst från sitt målvärde först",
                "Needs action, the goal furthest from its target first"),
             TR(r, "Indikator", "Indicator"), TR(r, "Senaste", "Latest"), r->year,
             TR(r, "Målvärde (år)", "Target (year)"), TR(r, "Kvar till målet", "Gap"),
             TR(r, "Takt per år: krävs | hittills", "Pace a year: needed | so far"),
             TR(r, "Sannolikhet att nå målet", "Probability of reaching it"));
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++) {
        const jarva_summary_item *it = jarva_summary_get(r->summary, i);
        if (it->group != JARVA_SUMMARY_NEEDS_ACTION)
            continue;
        jarva__glance_cells c;
        jarva__report_glance_cells(r, it, &c);
        html_add(b, "<tr><th scope=\"row\">");
        jarva__html_text(b, jarva__report_ind_name(r->lang, it->indicator));
        if (c.owner[0]) {
            html_add(b, "<br><span class=\"owner\">");
            jarva__html_text(b, c.owner);
            html_add(b, "</span>");
        }
        html_add(b, "</th><td data-ind=\"%s\">", it->indicator->id);
        jarva__html_status(b, r->lang, it->status.state);
        html_add(b, "</td><td class=\"num\">");
        jarva__html_text(b, c.latest);
        html_add(b, "</td><td class=\"num\">");
        jarva__html_text(b, c.target);
        html_add(b, "</td><td class=\"num\">");
        jarva__html_text(b, c.gap);
        html_add(b, "</td><td class=\"num\">");
        jarva__html_text(b, c.paces);
        html_add(b, "</td><td class=\"num\">");
        jarva__html_text(b, c.prob);
        html_add(b, "</td></tr>\n");
    }
    html_add(b, "</tbody>\n</table>\n</div>\n<p class=\"meta\">");
    char note[1024];
    jarva__report_glance_note(r, note, sizeof note);
    jarva__html_text(b, note);
    html_add(b, "</p>\n");
}

static void legend(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b, "<h2>%s</h2>\n<dl class=\"facts\">\n",
             TR(r, "Så läses statusen", "How to read the status"));
    for (size_t k = 0; k < 5; k++) {
        html_add(b, "<dt>");
        jarva__html_status(b, r->lang, order[k]);
        html_add(b, "</dt><dd>");
        jarva__html_text(b, jarva__report_status_meaning(r->lang, order[k]));
        html_add(b, "</dd>\n");
    }
    html_add(b, "</dl>\n<p>%s</p>\n",
             TR(r,
                "Statusen visas alltid med både symbol och ord. Ett värde som bygger på för få "
                "svar redovisas aldrig, bara markeras med \xE2\x80\x93.",
                "The status is always shown by symbol and word. A value based on too few "
                "answers is never shown, only marked with \xE2\x80\x93."));
}

static void goals_table(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b, "<h2 id=\"malen\">%s</h2>\n",
             TR(r, "Målen och indikatorerna", "The goals and indicators"));
    html_add(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-summary\" "
                "tabindex=\"0\">\n<table>\n<caption id=\"cap-summary\">");
    html_add(
        b, "%s %d",
        TR(r, "Målen och deras indikatorer till och med", "The goals and their indicators up to"),
        r->year);
    html_add(b, "</caption>\n");
    jarva__html_summary_head(h, b);
    char label[1200];
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        jarva__report_goal_label(r, goal, label, sizeof label);
        html_add(b, "<tbody>\n<tr class=\"group\"><th colspan=\"6\" scope=\"rowgroup\">");
        jarva__html_text(b, label);
        html_add(b, "</th></tr>\n");
        for (size_t i = 0; i < r->n_items; i++)
            if (r->items[i].goal == goal)
                jarva__html_summary_row(h, b, &r->items[i]);
        html_add(b, "</tbody>\n");
    }
    char note[2048];
    jarva__report_summary_note(r, note, sizeof note);
    html_add(b, "</table>\n</div>\n<p class=\"meta\">");
    jarva__html_text(b, note);
    html_add(b, "</p>\n");
}

static void more(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b, "<h2>%s</h2>\n<ul>\n", TR(r, "Läs mer", "Read more"));
    char file[64];
    for (size_t i = 0; i < jarva_audience_list_count(r->audiences); i++) {
        const jarva_audience *a = jarva_audience_list_get(r->audiences, i);
        jarva__html_audience_file(a, file, sizeof file);
        html_add(b, "<li><a href=\"%s\">%s %d: ", file, TR(r, "Målgrupp", "Audience"), a->position);
        jarva__html_text(b, jarva__report_audience_name(r->lang, a));
        html_add(b, "</a></li>\n");
    }
    html_add(b, "<li><a href=\"omraden.html\">%s</a></li>\n",
             TR(r, "Områdena i Järva, ett i taget", "The areas of Järva, one by one"));
    html_add(
        b, "<li><a href=\"press.html\">%s</a></li>\n",
        TR(r, "Pressunderlag: årets viktigaste resultat", "Press sheet: the year's main results"));
    html_add(b, "<li><a href=\"data.html\">%s</a></li>\n",
             TR(r, "Öppna data: alla siffror som CSV och JSON",
                "Open data: every figure as CSV and JSON"));
    html_add(b, "<li><a href=\"metod.html\">%s</a></li>\n</ul>\n",
             TR(r, "Metod och kvalitet", "Method and quality"));
}

int jarva__html_index(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(r, "Effektrapport", "Effect report"), r->year);
    jarva__html_begin(h, &b, "index.html", title);
    const char *plan = r->lang == JARVA__LANG_EN && r->plan.title_en && *r->plan.title_en
                           ? r->plan.title_en
                           : r->plan.title_sv;
    html_add(&b, "<p class=\"lead\">%s ",
             TR(r, "Uppföljning av målen i", "Follow-up of the goals of the"));
    jarva__html_text(&b, plan);
    html_add(&b, ". %s</p>\n",
             TR(r,
                "Organisationerna i Järvasamverkan arbetar tillsammans för ett tryggare Järva; "
                "här följer de upp om det syns, med siffror och deras osäkerhet.",
                "The organisations of the Järva collaboration work together for a safer Järva; "
                "here they follow up whether it shows, with figures and their uncertainty."));
    html_add(&b, "<p><a href=\"exempel.html\">%s</a></p>\n",
             TR(r, "Konkreta exempel på vad organisationerna gör tillsammans",
                "Concrete examples of what the organisations do together"));
    at_a_glance(h, &b);
    needs_action(h, &b);
    legend(h, &b);
    goals_table(h, &b);
    more(h, &b);
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "index.html");
}
