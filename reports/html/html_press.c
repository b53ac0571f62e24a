/* html_press.c: the press sheet (pressunderlag) for journalists, as a page
 * (press.html) and a one-page PDF (pressunderlag.pdf) with the same content:
 * the year's three to five main messages in plain words, each with its
 * figure, interval, change and source; what changed since the previous
 * measurement; who the parties are; where the data is. The messages are
 * chosen from the report's content model, never written by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "pdf_text.h"
#include "pdf_util.h"

#define MAX_MESSAGES 5
#define MIN_MESSAGES 3

/* How newsworthy an item is: a statistically significant change matters
 * most, then a target achieved or off track; overall goals before the
 * audiences' goals. Items without a value that may be shown have none. */
static double weight(const jarva__report_item *it)
{
    if (it->latest_shown < 0)
        return 0;
    double w = 0;
    if (it->has_change && !(it->change.flags & JARVA_CHANGE_NO_TEST) && it->change.significant)
        w += 4;
    if (it->has_target &&
        (it->status.state == JARVA_TARGET_ACHIEVED || it->status.state == JARVA_TARGET_OFF_TRACK))
        w += 2;
    if (it->goal && it->goal->kind == JARVA_GOAL_OVERALL)
        w += 1;
    return w;
}

/* The indices of the messages in *out, the most newsworthy first. */
static size_t choose(const jarva__report *r, size_t *out)
{
    size_t n = 0;
    bool *taken = calloc(r->n_items ? r->n_items : 1, sizeof *taken);
    if (!taken)
        return 0;
    while (n < MAX_MESSAGES) {
        size_t best = r->n_items;
        double best_w = 0;
        for (size_t i = 0; i < r->n_items; i++) {
            const jarva__report_item *it = &r->items[i];
            double w = weight(it);
            if (it->latest_shown >= 0 && it->series.years[it->latest_shown] == r->year)
                w += 0.5;
            /* One message per goal while there are others. */
            for (size_t k = 0; k < n; k++)
                if (r->items[out[k]].goal == it->goal)
                    w -= 3;
            if (!taken[i] && w > best_w)
                best = i, best_w = w;
        }
        /* Beyond three, only significant changes. */
        if (best == r->n_items || (n >= MIN_MESSAGES && best_w < 4))
            break;
        taken[best] = true;
        out[n++] = best;
    }
    free(taken);
    return n;
}

/* "Andelen som känner sig trygga ... har ökat." from the change's sign and
 * test; malloc'd. */
static char *headline(const jarva__report *r, const jarva__report_item *it)
{
    char *subject = jarva__report_subject(r->lang, it->ind);
    if (!subject)
        return NULL;
    const char *verb;
    bool tested = it->has_change && !(it->change.flags & JARVA_CHANGE_NO_TEST);
    double diff =
        it->base >= 0 ? it->series.estimates[it->latest_shown].estimate - it->base_value : 0;
    if (tested && it->change.significant)
        verb = diff > 0 ? TR(r, "har ökat", "has risen") : TR(r, "har minskat", "has fallen");
    else if (it->status.state == JARVA_TARGET_ACHIEVED && it->has_target)
        verb = TR(r, "når målet", "meets its target");
    else if (tested)
        verb = TR(r, "har inte förändrats säkert", "has not changed significantly");
    else
        verb = TR(r, "mäts nu", "is now measured");
    char *text = jarva__pdf_aprintf("%s %s.", subject, verb);
    free(subject);
    return text;
}

/* "63 % år 2025 (95 % KI 60–65 %); +12 procentenheter sedan 2019,
 * säkerställd." in the report's words and numbers. */
static void figure_line(const jarva__report *r, const jarva__report_item *it, char *buf, size_t cap)
{
    const jarva_series *s = &it->series;
    const jarva_estimate *e = &s->estimates[it->latest_shown];
    char value[JARVA__FMT_SIZE], ci[2 * JARVA__FMT_SIZE], diff[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
    if (e->flags & JARVA_EST_NO_N)
        snprintf(ci, sizeof ci, "%s", TR(r, "KI saknas", "no CI"));
    else if (e->flags & JARVA_EST_NO_CI)
        snprintf(ci, sizeof ci, "%s", TR(r, "exakt räkning", "exact count"));
    else {
        char interval[JARVA__FMT_SIZE];
        jarva__report_interval(r->lang, it->ind, e->ci_low, e->ci_high, interval, sizeof interval);
        char level[32];
        jarva__report_level_text(r->lang, jarva__report_level(it), level, sizeof level);
        snprintf(ci, sizeof ci, "%s\xC2\xA0%s %s", level, TR(r, "KI", "CI"), interval);
    }
    int len = snprintf(buf, cap, "%s %s %d (%s)", value, TR(r, "år", "in"),
                       s->years[it->latest_shown], ci);
    if (it->base < 0 || len < 0 || (size_t)len >= cap) {
        if (len >= 0 && (size_t)len + 1 < cap)
            snprintf(buf + len, cap - (size_t)len, ".");
        return;
    }
    jarva__report_diff_at(
        r->lang, it->ind, e->estimate - it->base_value,
        jarva__report_change_decimals(it->ind, it->has_change ? &it->change : NULL),
        JARVA__FMT_SIGN, diff, sizeof diff);
    snprintf(buf + len, cap - (size_t)len, "; %s %s %d (%s), %s.", diff, TR(r, "sedan", "since"),
             s->years[it->base], jarva__report_baseline_source(r->lang, it),
             jarva__report_test_word(r->lang, it->has_change ? &it->change : NULL));
}

static void press_page_messages(jarva__html *h, jarva__html_buf *b, const size_t *idx, size_t n)
{
    const jarva__report *r = &h->r;
    html_add(b, "<h2>%s</h2>\n", TR(r, "Årets viktigaste resultat", "The year's main results"));
    char line[1200];
    for (size_t k = 0; k < n; k++) {
        const jarva__report_item *it = &r->items[idx[k]];
        char *head = headline(r, it);
        html_add(b,
                 "<section class=\"indicator\" id=\"ind-%s\" aria-labelledby=\"h-%s\">\n<h3 "
                 "id=\"h-%s\">",
                 it->ind->id, it->ind->id, it->ind->id);
        jarva__html_text(b, head ? head : jarva__report_ind_name(r->lang, it->ind));
        free(head);
        html_add(b, "</h3>\n<p class=\"figure\" ");
        /* The figure's raw values, for the consistency test. */
        const jarva_estimate *e = &it->series.estimates[it->latest_shown];
        html_add(b, "data-ind=\"%s\" data-area=\"%s\" data-year=\"%d\" data-est=\"%.17g\"",
                 it->ind->id, it->area_id, it->series.years[it->latest_shown], e->estimate);
        if (!(e->flags & (JARVA_EST_NO_CI | JARVA_EST_NO_N)))
            html_add(b, " data-lo=\"%.17g\" data-hi=\"%.17g\"", e->ci_low, e->ci_high);
        html_add(b, "><strong>");
        figure_line(r, it, line, sizeof line);
        jarva__html_text(b, line);
        html_add(b, "</strong></p>\n<p>Status: ");
        jarva__html_status(b, r->lang, it->has_target ? it->status.state : JARVA_TARGET_NO_TARGET);
        html_add(b, "</p>\n<p class=\"meta\">%s: ", TR(r, "Källa", "Source"));
        jarva__html_text(b, jarva__report_source_name(r, it->ind->source));
        html_add(b, ", ");
        jarva__html_text(b, it->area_name);
        html_add(b, ".</p>\n</section>\n");
    }
}

/* The indicators measured in the report's year and before in the same
 * series: their change since the previous measurement, with its test. */
static void since_last(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b, "<h2>%s</h2>\n",
             TR(r, "Förändring sedan förra mätningen", "Change since the previous measurement"));
    html_add(b,
             "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-last\" "
             "tabindex=\"0\">\n<table>\n<caption id=\"cap-last\">%s %d</caption>\n<thead><tr>"
             "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
             TR(r, "Indikatorer som mättes", "Indicators measured in"), r->year,
             TR(r, "Indikator", "Indicator"), TR(r, "Förra mätningen", "Previous measurement"),
             TR(r, "Nu", "Now"), TR(r, "Förändring", "Change"));
    /* The changes since the previous measurement are a family of their own:
     * tested together, Benjamini-Hochberg adjusted (docs/status.md), so the
     * word "säkerställd" here means what it means in the report. */
    size_t rows = 0;
    long *prev = malloc((r->n_items ? r->n_items : 1) * sizeof *prev);
    jarva_change *ch = malloc((r->n_items ? r->n_items : 1) * sizeof *ch);
    double *p = malloc((r->n_items ? r->n_items : 1) * 2 * sizeof *p);
    if (!prev || !ch || !p) {
        free(prev);
        free(ch);
        free(p);
        b->failed = true;
        return;
    }
    char value[JARVA__FMT_SIZE], diff[JARVA__FMT_SIZE], err[256];
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        const jarva_series *s = &it->series;
        prev[i] = -1;
        p[i] = NAN;
        ch[i] = (jarva_change)JARVA_CHANGE_INIT;
        if (it->latest_shown < 0 || s->years[it->latest_shown] != r->year)
            continue;
        for (long k = it->latest_shown - 1; k >= 0 && prev[i] < 0; k--)
            if (jarva__report_shown(&s->estimates[k]) && s->years[k] >= it->break_year)
                prev[i] = k;
        if (prev[i] >= 0 &&
            jarva_change_between(&ch[i], s, s->years[prev[i]], r->year, jarva__report_level(it),
                                 err, sizeof err) != JARVA_OK)
            prev[i] = -1;
        if (prev[i] >= 0 && !(ch[i].flags & JARVA_CHANGE_NO_TEST))
            p[i] = ch[i].p_value;
    }
    if (jarva_p_adjust_bh(p + r->n_items, p, r->n_items) != JARVA_OK)
        for (size_t i = 0; i < r->n_items; i++)
            p[r->n_items + i] = NAN;
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        const jarva_series *s = &it->series;
        if (prev[i] < 0)
            continue;
        ch[i].significant =
            isfinite(p[r->n_items + i]) && p[r->n_items + i] < 1 - jarva__report_level(it);
        rows++;
        html_add(b, "<tr><th scope=\"row\">");
        jarva__html_text(b, jarva__report_ind_name(r->lang, it->ind));
        html_add(b, "</th><td class=\"num\">");
        jarva__report_value(r->lang, it->ind, s->estimates[prev[i]].estimate, value, sizeof value);
        html_add(b, "%s (%d)</td><td class=\"num\">", value, s->years[prev[i]]);
        jarva__report_value(r->lang, it->ind, s->estimates[it->latest_shown].estimate, value,
                            sizeof value);
        jarva__report_diff_at(
            r->lang, it->ind,
            s->estimates[it->latest_shown].estimate - s->estimates[prev[i]].estimate,
            jarva__report_change_decimals(it->ind, &ch[i]), JARVA__FMT_SIGN, diff, sizeof diff);
        html_add(b, "%s (%d)</td><td>%s, %s</td></tr>\n", value, r->year, diff,
                 jarva__report_test_word(r->lang, &ch[i]));
    }
    free(prev);
    free(ch);
    free(p);
    if (!rows)
        html_add(b, "<tr><td colspan=\"4\">%s</td></tr>\n",
                 TR(r, "Inga indikatorer mättes både i år och tidigare.",
                    "No indicator was measured both this year and before."));
    html_add(b, "</tbody>\n</table>\n</div>\n");
}

/* The contact the catalogue names (plan.csv), then the signatories. */
static int contact(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    char *who = NULL;
    int rc = jarva_plan_contact(&who, r->db, r->lang == JARVA__LANG_EN ? "en" : "sv");
    if (rc && rc != JARVA_ENOTFOUND)
        return rc;
    html_add(b, "<h2>%s</h2>\n", TR(r, "Kontakt", "Contact"));
    if (who) {
        html_add(b, "<p class=\"lead\">");
        jarva__html_text(b, who);
        html_add(b, "</p>\n");
        jarva_free(who);
    }
    html_add(b, "<p>%s</p>\n<ul>\n",
             TR(r, "Överenskommelsen är undertecknad av:", "The agreement is signed by:"));
    for (size_t i = 0; i < jarva_organisation_list_count(r->organisations); i++) {
        const jarva_organisation *o = jarva_organisation_list_get(r->organisations, i);
        if (o->role != JARVA_ORG_SIGNATORY)
            continue;
        html_add(b, "<li>");
        jarva__html_text(b, r->lang == JARVA__LANG_EN && o->name_en ? o->name_en : o->name_sv);
        html_add(b, "</li>\n");
    }
    html_add(b, "</ul>\n");
    return JARVA_OK;
}

/* ---- the one-page PDF ---- */

static int press_pdf(jarva__html *h, const size_t *idx, size_t n)
{
    const jarva__report *r = &h->r;
    char title[160];
    snprintf(title, sizeof title, "%s %d \xE2\x80\x93 %s", TR(r, "Pressunderlag", "Press sheet"),
             r->year, TR(r, "Järvasamverkan", "Järva collaboration"));
    jarva__pdf_options po = JARVA__PDF_OPTIONS_INIT;
    po.lang = r->lang;
    po.title = title;
    po.author = TR(r, "Järvasamverkan", "Järva collaboration");
    po.running_head = title;
    po.notice = r->notice;
    po.font_dir = h->font_dir;
    po.creation_time = h->creation_time >= 0 ? h->creation_time : JARVA__PDF_DATE_FROM_ENV;
    jarva__pdf *doc = NULL;
    int rc = jarva__pdf_create(&doc, &po);
    if (rc) {
        jarva_error_set(r->db, rc, "press sheet: %s", doc ? jarva__pdf_errmsg(doc) : "no memory");
        jarva__pdf_free(doc);
        return rc;
    }
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_style h1 = jarva__pdf_style_get(JARVA__STYLE_H1);
    jarva__pdf_paragraph(doc, &h1, title, 6);
    jarva__pdf_body(doc,
                    TR(r,
                       "Årets viktigaste resultat ur effektrapporten. Alla värden med 95\xC2\xA0% "
                       "konfidensintervall (KI).",
                       "The year's main results from the effect report. Every value with its "
                       "95% confidence interval (CI)."));
    jarva__pdf_style bold = jarva__pdf_style_get(JARVA__STYLE_BODY);
    bold.font = JARVA__FONT_BOLD;
    jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    char line[1400];
    for (size_t k = 0; k < n; k++) {
        const jarva__report_item *it = &r->items[idx[k]];
        char *head = headline(r, it);
        jarva__pdf_paragraph(doc, &bold, head ? head : jarva__report_ind_name(r->lang, it->ind), 2);
        free(head);
        figure_line(r, it, line, sizeof line);
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, " Status: %s. %s: %s.",
                 it->has_target ? jarva__report_status_word(r->lang, it->status.state)
                                : TR(r, "inget mål", "no target"),
                 TR(r, "Källa", "Source"), jarva__report_source_name(r, it->ind->source));
        jarva__pdf_paragraph(doc, &note, line, 8);
    }
    jarva__pdf_body(doc, TR(r,
                            "Mer i webbupplagan: press.html (förändring sedan förra mätningen), "
                            "data.html (alla siffror som CSV och JSON) och metod.html.",
                            "More in the web edition: press.html (change since the previous "
                            "measurement), data.html (every figure as CSV and JSON) and "
                            "metod.html."));
    char *who = NULL;
    if (jarva_plan_contact(&who, r->db, r->lang == JARVA__LANG_EN ? "en" : "sv") == JARVA_OK &&
        who) {
        char *text = jarva__pdf_aprintf("%s: %s.", TR(r, "Kontakt", "Contact"), who);
        if (text)
            jarva__pdf_body(doc, text);
        free(text);
        jarva_free(who);
    }
    char *path = jarva__pdf_aprintf("%s/pressunderlag.pdf", h->dir);
    rc = path ? jarva__pdf_save(doc, path) : JARVA_ENOMEM;
    if (!rc && jarva__pdf_page_count(doc) != 1)
        rc = jarva__pdf_fail(doc, JARVA_ERROR, "the press sheet takes %d pages, not one",
                             jarva__pdf_page_count(doc));
    if (rc)
        jarva_error_set(r->db, rc, "press sheet: %s", jarva__pdf_errmsg(doc));
    free(path);
    jarva__pdf_free(doc);
    return rc;
}

int jarva__html_press(jarva__html *h)
{
    const jarva__report *r = &h->r;
    size_t idx[MAX_MESSAGES];
    size_t n = choose(r, idx);
    jarva__html_buf b = { 0 };
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(r, "Pressunderlag", "Press sheet"), r->year);
    jarva__html_begin(h, &b, "press.html", title);
    html_add(&b, "<p class=\"lead\">%s</p>\n",
             TR(r,
                "Det viktigaste i årets effektrapport för Järvasamverkan, med siffror, "
                "osäkerhet och källa. Fritt att citera med källan angiven.",
                "The most important points of this year's effect report of the Järva "
                "collaboration, with figures, uncertainty and source. Free to quote, citing "
                "the source."));
    html_add(&b, "<p><a href=\"pressunderlag.pdf\">%s</a></p>\n",
             TR(r, "Pressunderlaget som PDF (en sida)", "The press sheet as a PDF (one page)"));
    if (n)
        press_page_messages(h, &b, idx, n);
    since_last(h, &b);
    int rc = contact(h, &b);
    if (rc) {
        free(b.text);
        return rc;
    }
    html_add(
        &b,
        "<h2>%s</h2>\n<p>%s <a href=\"data.html\">%s</a>. %s <a href=\"metod.html\">%s</a>.</p>\n",
        TR(r, "Data och metod", "Data and method"),
        TR(r, "Alla siffror finns som", "Every figure is available as"),
        TR(r, "öppna data (CSV och JSON)", "open data (CSV and JSON)"),
        TR(r, "Hur de tas fram står under", "How they are made is described under"),
        TR(r, "Metod och kvalitet", "Method and quality"));
    jarva__html_end(h, &b);
    rc = jarva__html_save(h, &b, "press.html");
    if (!rc)
        rc = press_pdf(h, idx, n);
    return rc;
}
