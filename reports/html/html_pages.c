/* html_pages.c: the web edition's pages for the goals: the overall goals
 * and the list of audiences (malgrupper.html), one page per audience with
 * its communication goals and every indicator in full (malgrupp-N.html),
 * and the area profiles: the list of Järva's areas (omraden.html) and one
 * page per area with its latest value of every indicator measured there
 * beside Järva's (omrade-ID.html). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* A goal as a heading and each of its indicators under it. */
static void goal_block(jarva__html *h, jarva__html_buf *b, const jarva_goal *goal)
{
    const jarva__report *r = &h->r;
    char label[1200];
    jarva__report_goal_label(r, goal, label, sizeof label);
    html_add(b, "<h2 id=\"goal-%s\">", goal->id);
    jarva__html_text(b, label);
    html_add(b, "</h2>\n");
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].goal == goal) {
            jarva__html_indicator(h, b, &r->items[i], 3);
            n++;
        }
    if (!n)
        html_add(b, "<p>%s</p>\n",
                 TR(r, "Målet har ännu ingen indikator.", "The goal has no indicator yet."));
}

static int goals_page(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "malgrupper.html", TR(r, "Mål och målgrupper", "Goals and audiences"));
    html_add(&b, "<p>%s</p>\n<ul>\n",
             TR(r,
                "Planen har övergripande mål för hela samverkan och kommunikationsmål för fyra "
                "målgrupper. Varje målgrupp har en egen sida:",
                "The plan has overall goals for the whole collaboration and communication goals "
                "for four audiences. Each audience has a page of its own:"));
    char file[64];
    for (size_t i = 0; i < jarva_audience_list_count(r->audiences); i++) {
        const jarva_audience *a = jarva_audience_list_get(r->audiences, i);
        jarva__html_audience_file(a, file, sizeof file);
        html_add(&b, "<li><a href=\"%s\">%s %d: ", file, TR(r, "Målgrupp", "Audience"),
                 a->position);
        jarva__html_text(&b, jarva__report_audience_name(r->lang, a));
        html_add(&b, "</a></li>\n");
    }
    html_add(&b, "</ul>\n<p>%s</p>\n",
             TR(r, "Här nedan följer de övergripande målen och deras indikatorer.",
                "Below are the overall goals and their indicators."));
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        if (goal->kind == JARVA_GOAL_OVERALL)
            goal_block(h, &b, goal);
    }
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "malgrupper.html");
}

static int audience_page(jarva__html *h, const jarva_audience *a)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    char file[64], title[512];
    jarva__html_audience_file(a, file, sizeof file);
    snprintf(title, sizeof title, "%s %d: %s", TR(r, "Målgrupp", "Audience"), a->position,
             jarva__report_audience_name(r->lang, a));
    jarva__html_begin(h, &b, file, title);
    const char *desc =
        r->lang == JARVA__LANG_EN && a->description_en ? a->description_en : a->description_sv;
    if (desc && *desc) {
        html_add(&b, "<p class=\"lead\">");
        jarva__html_text(&b, desc);
        html_add(&b, "</p>\n");
    }
    if (!strcmp(a->id, "residents"))
        html_add(&b, "<p><a href=\"exempel.html\">%s</a></p>\n",
                 TR(r, "Konkreta exempel på vad organisationerna gör tillsammans",
                    "Concrete examples of what the organisations do together"));
    size_t goals = 0;
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        if (goal->kind != JARVA_GOAL_OVERALL && goal->audience_id &&
            !strcmp(goal->audience_id, a->id)) {
            goal_block(h, &b, goal);
            goals++;
        }
    }
    if (!goals)
        html_add(&b, "<p>%s</p>\n",
                 TR(r, "Målgruppen har inga kommunikationsmål i planen.",
                    "The audience has no communication goals in the plan."));
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, file);
}

int jarva__html_audiences(jarva__html *h)
{
    int rc = goals_page(h);
    for (size_t i = 0; !rc && i < jarva_audience_list_count(h->r.audiences); i++)
        rc = audience_page(h, jarva_audience_list_get(h->r.audiences, i));
    return rc;
}

/* ---- area profiles ---- */

/* The latest result of an item for an area up to the report's year, NULL if
 * none; results are sorted by year. */
static const jarva_result *latest_for(const jarva__report *r, const jarva__report_item *it,
                                      const char *area, int year)
{
    const jarva_result *found = NULL;
    for (size_t i = 0; i < jarva_result_list_count(it->results); i++) {
        const jarva_result *res = jarva_result_list_get(it->results, i);
        if (res->year > r->year || strcmp(res->area_id, area) != 0 || (res->domain && *res->domain))
            continue;
        if (year ? res->year == year : (!found || res->year >= found->year))
            found = res;
    }
    return found;
}

static void value_cell(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it,
                       const jarva_result *res)
{
    const jarva__report *r = &h->r;
    html_add(b, "<td class=\"num\"");
    if (!res) {
        html_add(b, ">%s</td>", TR(r, "inga data", "no data"));
        return;
    }
    const jarva_estimate *e = &res->estimate;
    html_add(b, " data-ind=\"%s\" data-area=\"%s\" data-year=\"%d\"", it->ind->id, res->area_id,
             res->year);
    if (!jarva__report_shown(e)) {
        html_add(b, " data-suppressed=\"1\">%s (%d)<br>%s</td>", jarva__fmt_suppressed(), res->year,
                 TR(r, "för få svar", "too few answers"));
        return;
    }
    char value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
    html_add(b, " data-est=\"%.17g\"", e->estimate);
    jarva__report_estimate_ci(r->lang, it->ind, e, ci, sizeof ci);
    if (!(e->flags & (JARVA_EST_NO_N | JARVA_EST_NO_CI)))
        html_add(b, " data-lo=\"%.17g\" data-hi=\"%.17g\"", e->ci_low, e->ci_high);
    html_add(b, ">%s (%d)<br><span class=\"nw\">%s</span></td>", value, res->year, ci);
}

static int area_page(jarva__html *h, const jarva_area *a)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    char file[300];
    jarva__html_area_file(a, file, sizeof file);
    jarva__html_begin(h, &b, file, a->name);
    html_add(&b, "<p>%s</p>\n",
             TR(r,
                "Det senaste värdet för varje indikator som mäts i området, bredvid Järva som "
                "helhet samma år. Värden från små områden är osäkrare: se intervallen.",
                "The latest value of every indicator measured in the area, beside Järva as a "
                "whole the same year. Values of small areas are less certain: see the "
                "intervals."));
    html_add(&b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-area\" "
                 "tabindex=\"0\">\n<table>\n<caption id=\"cap-area\">");
    jarva__html_text(&b, a->name);
    html_add(&b, ": %s</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">",
             TR(r, "senaste värde och 95\xC2\xA0% konfidensintervall",
                "latest value and 95% confidence interval"),
             TR(r, "Indikator", "Indicator"));
    jarva__html_text(&b, a->name);
    html_add(&b, "</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
             TR(r, "Järva samma år", "Järva the same year"));
    size_t rows = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        const jarva_result *res = latest_for(r, it, a->id, 0);
        if (!res)
            continue;
        rows++;
        html_add(&b, "<tr><th scope=\"row\">");
        jarva__html_text(&b, jarva__report_ind_name(r->lang, it->ind));
        html_add(&b, "</th>");
        value_cell(h, &b, it, res);
        value_cell(h, &b, it, latest_for(r, it, "jarva", res->year));
        html_add(&b, "</tr>\n");
    }
    if (!rows)
        html_add(
            &b, "<tr><td colspan=\"3\">%s</td></tr>\n",
            TR(r, "Inga indikatorer mäts för området.", "No indicator is measured for the area."));
    html_add(&b, "</tbody>\n</table>\n</div>\n");
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, file);
}

static bool profiled(const jarva_area *a)
{
    return a->in_jarva && strcmp(a->id, "jarva") != 0;
}

int jarva__html_areas(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "omraden.html", TR(r, "Områdena i Järva", "The areas of Järva"));
    html_add(
        &b, "<p>%s</p>\n<ul class=\"cards\">\n",
        TR(r, "Välj ett område för att se dess siffror.", "Choose an area to see its figures."));
    char file[300];
    int rc = JARVA_OK;
    for (size_t i = 0; i < jarva_area_list_count(r->areas); i++) {
        const jarva_area *a = jarva_area_list_get(r->areas, i);
        if (!profiled(a))
            continue;
        jarva__html_area_file(a, file, sizeof file);
        html_add(&b, "<li><a href=\"%s\">", file);
        jarva__html_text(&b, a->name);
        html_add(&b, "</a></li>\n");
    }
    html_add(&b, "</ul>\n");
    jarva__html_end(h, &b);
    rc = jarva__html_save(h, &b, "omraden.html");
    for (size_t i = 0; !rc && i < jarva_area_list_count(r->areas); i++) {
        const jarva_area *a = jarva_area_list_get(r->areas, i);
        if (profiled(a))
            rc = area_page(h, a);
    }
    return rc;
}
