/* report_front.c: the front of the effect report: the cover (plan and its
 * version, year, parties, data sources, date and any notice such as
 * "simulated example data") and the summary, one table of every goal with
 * its indicators and their latest value, change, trend, target and status. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_symbol.h"
#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

/* Years as "2019, 2021, 2023" with runs of three or more as "2015–2025". */
static void add_year_list(jarva__report_buf *b, const int *years, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && years[j + 1] == years[j] + 1)
            j++;
        jarva__report_buf_add(b, "%s%d", i ? ", " : "", years[i]);
        if (j - i >= 2)
            jarva__report_buf_add(b, "\xE2\x80\x93%d", years[j]);
        else if (j == i + 1)
            jarva__report_buf_add(b, ", %d", years[j]);
        i = j + 1;
    }
}

/* Whether year is already in years[0..n). */
static bool has_year(const int *years, size_t n, int year)
{
    for (size_t i = 0; i < n; i++)
        if (years[i] == year)
            return true;
    return false;
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The sources the report's figures use, with the years they are shown for
 * up to the report's year: "Järvas trygghetsenkät (2019, 2021, 2023);
 * Aktivitetsloggen (2023–2025)". Read from the indicators' series, not from
 * what was imported, so that a source no figure uses is not listed and
 * `--year 2023` lists nothing after 2023. */
char *jarva__report_data_sources(jarva__report *r)
{
    jarva__report_buf b = { 0 };
    const char **done = calloc(r->n_items ? r->n_items : 1, sizeof *done);
    int *years = malloc((r->n_items + 1) * 64 * sizeof *years);
    size_t n_done = 0;
    if (!done || !years)
        b.failed = true;
    for (size_t i = 0; !b.failed && i < r->n_items; i++) {
        const char *source = r->items[i].ind->source;
        bool seen = !source;
        for (size_t k = 0; !seen && k < n_done; k++)
            seen = !strcmp(done[k], source);
        if (seen)
            continue;
        done[n_done++] = source;
        size_t n = 0;
        for (size_t j = i; j < r->n_items; j++) {
            const jarva__report_item *it = &r->items[j];
            if (!it->ind->source || strcmp(it->ind->source, source) != 0)
                continue;
            for (size_t y = 0; y < it->series.count && n < (r->n_items + 1) * 64; y++)
                if (!(it->series.estimates[y].flags & JARVA_EST_EMPTY) &&
                    !has_year(years, n, it->series.years[y]))
                    years[n++] = it->series.years[y];
        }
        if (!n)
            continue;
        qsort(years, n, sizeof *years, compare_int);
        jarva__report_buf_add(&b, "%s%s (", b.len ? "; " : "",
                              jarva__report_source_name(r, source));
        add_year_list(&b, years, n);
        jarva__report_buf_add(&b, ")");
    }
    free(done);
    free(years);
    if (b.len == 0)
        jarva__report_buf_add(&b, "%s",
                              TR(r, "Inga uppgifter finns ännu för rapportåret.",
                                 "There are no figures for the report year yet."));
    else
        jarva__report_buf_add(&b, ".");
    char *text = jarva__report_buf_take(&b);
    if (!text)
        jarva_error_set(r->db, JARVA_ENOMEM, "out of memory");
    return text;
}

/* "Undertecknare: A och B. Medverkande: C, D och E." */
static char *parties(const jarva__report *r)
{
    jarva__report_buf b = { 0 };
    size_t n = jarva_organisation_list_count(r->organisations);
    for (int role = JARVA_ORG_SIGNATORY; role <= JARVA_ORG_PARTICIPANT; role++) {
        size_t total = 0, k = 0;
        for (size_t i = 0; i < n; i++)
            total += jarva_organisation_list_get(r->organisations, i)->role == (jarva_org_role)role;
        if (!total)
            continue;
        jarva__report_buf_add(&b, "%s%s: ", b.len ? " " : "",
                              role == JARVA_ORG_SIGNATORY ? TR(r, "Undertecknare", "Signatories")
                                                          : TR(r, "Medverkande", "Participants"));
        for (size_t i = 0; i < n; i++) {
            const jarva_organisation *o = jarva_organisation_list_get(r->organisations, i);
            if (o->role != (jarva_org_role)role)
                continue;
            const char *name = r->lang == JARVA__LANG_EN && o->name_en ? o->name_en : o->name_sv;
            k++;
            jarva__report_buf_add(&b, "%s%s",
                                  k == 1       ? ""
                                  : k == total ? TR(r, " och ", " and ")
                                               : ", ",
                                  name);
        }
        jarva__report_buf_add(&b, ".");
    }
    return jarva__report_buf_take(&b);
}

static void cover_block(jarva__report *r, const char *label, const char *text)
{
    jarva__pdf_style caption = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    jarva__pdf_paragraph(r->doc, &caption, label, 2.0);
    jarva__pdf_paragraph(r->doc, &body, text, 10.0);
}

int jarva__report_cover(jarva__report *r)
{
    jarva__pdf *doc = r->doc;
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    if (jarva__pdf_new_page(doc, JARVA__PAGE_NO_HEAD) != JARVA_OK)
        return jarva__pdf_status(doc);
    jarva__pdf_fill_rect(doc, 0, f.top + 20, 595.276, 841.89 - f.top - 20, JARVA__COLOR_ACCENT);
    jarva__pdf_show_utf8(doc, f.left, f.top + 40, JARVA__FONT_BOLD, 11, JARVA__COLOR_WHITE,
                         JARVA__ALIGN_LEFT,
                         TR(r, "Järvasamverkan · Lokal samverkansöverenskommelse",
                            "Järva collaboration · Local collaboration agreement"));
    jarva__pdf_advance(doc, 90);
    char text[512];
    snprintf(text, sizeof text, "%s %d", TR(r, "Effektrapport", "Effect report"), r->year);
    jarva__pdf_style title = jarva__pdf_style_get(JARVA__STYLE_TITLE);
    jarva__pdf_paragraph(doc, &title, text, 10);
    jarva__pdf_style sub = jarva__pdf_style_get(JARVA__STYLE_H2);
    sub.size = 14, sub.leading = 18, sub.font = JARVA__FONT_REGULAR;
    const char *plan_title = r->lang == JARVA__LANG_EN && r->plan.title_en && *r->plan.title_en
                                 ? r->plan.title_en
                                 : r->plan.title_sv;
    snprintf(text, sizeof text, "%s, %s %d", plan_title ? plan_title : "",
             TR(r, "planversion", "plan version"), r->plan.year);
    jarva__pdf_paragraph(doc, &sub, text, 20);
    if (r->notice) {
        jarva__pdf_style notice = sub;
        notice.font = JARVA__FONT_BOLD;
        notice.color = JARVA__COLOR_SECOND;
        jarva__pdf_paragraph(doc, &notice, r->notice, 16);
    }
    char level[32];
    jarva__report_level_text(r->lang, r->level, level, sizeof level);
    if (r->lang == JARVA__LANG_SV)
        snprintf(text, sizeof text,
                 "Rapporten följer upp kommunikationsplanens mätbara mål för styrgruppen. För "
                 "varje mål och indikator visas det senaste värdet med %s konfidensintervall, "
                 "förändringen sedan utgångsåret och om den är statistiskt säkerställd, trenden "
                 "och status mot målvärdet.",
                 level);
    else
        snprintf(text, sizeof text,
                 "This report follows up the measurable goals of the communication plan for the "
                 "steering group. For every goal and indicator it shows the latest value with its "
                 "%s confidence interval, the change since the baseline and whether it is "
                 "statistically significant, the trend and the status against the target.",
                 level);
    jarva__pdf_body(doc, text);
    jarva__pdf_advance(doc, 8);
    char *who = parties(r);
    char *sources = jarva__report_data_sources(r);
    if (!who || !sources) {
        free(who);
        free(sources);
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    }
    cover_block(r, TR(r, "Parter", "Parties"), who);
    cover_block(r, TR(r, "Datakällor", "Data sources"), sources);
    free(who);
    free(sources);
    if (r->date[0])
        cover_block(r, TR(r, "Datum", "Date"), r->date);
    if (r->stale)
        cover_block(r, TR(r, "Observera", "Note"),
                    TR(r,
                       "Uppgifter har importerats efter att skattningarna beräknades senast. "
                       "Rapporten visar skattningarna från den beräkningen; de nya uppgifterna "
                       "ingår inte.",
                       "Data was imported after the estimates were last computed. The report "
                       "shows the estimates of that computation; the new data is not included."));
    jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    if (jarva__pdf_space_left(doc) > 40)
        jarva__pdf_advance(doc, jarva__pdf_space_left(doc) - 24);
    snprintf(text, sizeof text, "%s libjarva %s.", TR(r, "Framtagen med", "Produced with"),
             jarva_version_string());
    jarva__pdf_paragraph(doc, &note, text, 0);
    return jarva__pdf_status(doc);
}

/* ---- the summary ---- */

static void count_items(const jarva__report *r, size_t *shown, size_t *suppressed, size_t *none,
                        size_t *targets, size_t states[5])
{
    *shown = *suppressed = *none = *targets = 0;
    memset(states, 0, 5 * sizeof *states);
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        if (it->latest < 0)
            (*none)++;
        else if (it->latest_shown < 0)
            (*suppressed)++;
        else
            (*shown)++;
        if (it->has_target) {
            (*targets)++;
            if ((unsigned)it->status.state < 5)
                states[it->status.state]++;
        }
    }
}

void jarva__report_summary_text(const jarva__report *r, char *text, size_t cap)
{
    size_t shown, suppressed, none, targets, st[5];
    count_items(r, &shown, &suppressed, &none, &targets, st);
    bool sv = r->lang == JARVA__LANG_SV;
    /* A count of zero is left out rather than written as «0 har …», which
     * reads as a misprint; the clause list ends with «och» / "and". */
    char withheld[160] = "", missing[96] = "";
    if (suppressed)
        snprintf(withheld, sizeof withheld,
                 sv ? ", %zu har bara värden som inte redovisas eftersom för få svarade"
                    : ", %zu have only values withheld because too few responded",
                 suppressed);
    if (none)
        snprintf(missing, sizeof missing, sv ? " och %zu saknar data" : " and %zu have no data",
                 none);
    if (sv)
        snprintf(text, cap,
                 "Rapporten följer upp %zu indikatorer för planens %zu mål till och med %d. "
                 "%zu av dem har ett värde som kan redovisas%s%s%s. Av de %zu indikatorer "
                 "som har ett målvärde är %zu uppnådda, %zu på väg mot målet, %zu osäkra "
                 "och %zu inte på väg; för %zu räcker underlaget inte för en bedömning.",
                 r->n_items, jarva_goal_list_count(r->goals), r->year, shown, withheld,
                 suppressed && none ? "," : "", missing, targets, st[JARVA_TARGET_ACHIEVED],
                 st[JARVA_TARGET_ON_TRACK], st[JARVA_TARGET_UNCERTAIN], st[JARVA_TARGET_OFF_TRACK],
                 st[JARVA_TARGET_INSUFFICIENT_DATA]);
    else
        snprintf(text, cap,
                 "This report follows up %zu indicators of the plan's %zu goals up to %d. %zu of "
                 "them have a value that can be shown%s%s%s. Of the %zu indicators with a target, "
                 "%zu are achieved, %zu on track, %zu uncertain and %zu off track; for %zu the "
                 "data do not suffice for an assessment.",
                 r->n_items, jarva_goal_list_count(r->goals), r->year, shown, withheld,
                 suppressed && none ? "," : "", missing, targets, st[JARVA_TARGET_ACHIEVED],
                 st[JARVA_TARGET_ON_TRACK], st[JARVA_TARGET_UNCERTAIN], st[JARVA_TARGET_OFF_TRACK],
                 st[JARVA_TARGET_INSUFFICIENT_DATA]);
}

static int summary_text(jarva__report *r)
{
    char text[1024];
    jarva__report_summary_text(r, text, sizeof text);
    jarva__pdf_body(r->doc, text);
    size_t shown, suppressed, none, targets, st[5];
    count_items(r, &shown, &suppressed, &none, &targets, st);
    if (shown + suppressed == 0)
        jarva__pdf_body(r->doc, TR(r,
                                   "Databasen innehåller ännu inga skattningar. Rapporten visar "
                                   "därför planens mål och indikatorer utan värden.",
                                   "The database holds no estimates yet, so the report shows the "
                                   "plan's goals and indicators without values."));
    return jarva__pdf_status(r->doc);
}

/* The cells of one indicator's row. */
typedef struct summary_row {
    char name[1024], latest[3 * JARVA__FMT_SIZE], change[2 * JARVA__FMT_SIZE],
        target[JARVA__FMT_SIZE + 32];
} summary_row;

void jarva__report_latest_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap)
{
    if (it->latest < 0) {
        snprintf(buf, cap, "%s", TR(r, "inga data", "no data"));
        return;
    }
    char value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
    int len = 0;
    if (it->latest_shown >= 0) {
        const jarva_estimate *e = &it->series.estimates[it->latest_shown];
        jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
        jarva__report_estimate_ci(r->lang, it->ind, e, ci, sizeof ci);
        len = snprintf(buf, cap, "%s (%d)\n%s", value, it->series.years[it->latest_shown], ci);
    }
    if (it->latest != it->latest_shown && len >= 0 && (size_t)len < cap)
        snprintf(buf + len, cap - (size_t)len, "%s%s (%d)", len ? "\n" : "",
                 jarva__fmt_suppressed(), it->series.years[it->latest]);
}

const char *jarva__report_test_word(jarva__lang lang, const jarva_change *change)
{
    if (!change || (change->flags & JARVA_CHANGE_NO_TEST))
        return jarva__report_tr(lang, "ej prövbar", "not testable");
    return change->significant ? jarva__report_tr(lang, "säkerställd", "significant")
                               : jarva__report_tr(lang, "ej säkerställd", "not significant");
}

void jarva__report_change_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap)
{
    if (it->latest_shown < 0) {
        snprintf(buf, cap, "%s", jarva__fmt_suppressed());
        return;
    }
    if (it->base < 0 && it->status.baseline_source == JARVA_BASELINE_CATALOGUE &&
        it->status.baseline_year == it->series.years[it->latest_shown]) {
        /* The plan's baseline is the latest value: no change yet. */
        snprintf(buf, cap, "%s %d\n%s", TR(r, "utgångsår", "baseline"), it->status.baseline_year,
                 TR(r, "enligt planen", "plan's baseline"));
        return;
    }
    if (it->base < 0) {
        snprintf(buf, cap, "%s", TR(r, "ingen jämförbar mätning", "no comparable value"));
        return;
    }
    const jarva_series *s = &it->series;
    double base = isfinite(it->base_value) ? it->base_value : s->estimates[it->base].estimate;
    double diff = s->estimates[it->latest_shown].estimate - base;
    char value[JARVA__FMT_SIZE];
    jarva__report_diff_at(
        r->lang, it->ind, diff,
        jarva__report_change_decimals(it->ind, it->has_change ? &it->change : NULL),
        JARVA__FMT_SIGN | JARVA__FMT_NO_UNIT, value, sizeof value);
    /* The baseline's year and where it comes from beside every change. */
    /* A no-break space keeps "sedan 2019" together when the cell wraps. */
    snprintf(buf, cap, "%s %s\xC2\xA0%d\n%s\n%s", value, TR(r, "sedan", "since"),
             s->years[it->base],
             it->base_is_baseline ? TR(r, "enligt planen", "plan's baseline")
                                  : TR(r, "första mätning", "first value"),
             jarva__report_test_word(r->lang, it->has_change ? &it->change : NULL));
}

static void fill_row(const jarva__report *r, const jarva__report_item *it, summary_row *row)
{
    const char *name = jarva__report_ind_name(r->lang, it->ind);
    if (it->latest >= 0 && it->area_id && strcmp(it->area_id, "jarva") != 0)
        snprintf(row->name, sizeof row->name, "%s\n%s", name, it->area_name);
    else
        snprintf(row->name, sizeof row->name, "%s", name);
    jarva__report_latest_cell(r, it, row->latest, sizeof row->latest);
    jarva__report_change_cell(r, it, row->change, sizeof row->change);
    jarva__report_target_cell(r, it, row->target, sizeof row->target);
}

void jarva__report_target_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap)
{
    if (!it->ind->has_target) {
        snprintf(buf, cap, "%s", TR(r, "inget mål", "no target"));
        return;
    }
    char value[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, it->ind, it->ind->target_value, value, sizeof value);
    /* A proposal is said to be one (issue 12); the note explains the word. */
    snprintf(buf, cap, "%s (%d)%s", value, it->ind->target_year,
             it->ind->target_kind == JARVA_TARGET_DECIDED ? TR(r, "\nbeslutat", "\ndecided")
                                                          : TR(r, "\nförslag", "\nproposed"));
}

/* "Mål 2" or "Kommunikationsmål 3.1" and the goal's text. */
void jarva__report_goal_label(const jarva__report *r, const jarva_goal *g, char *buf, size_t cap)
{
    int audience = 0;
    for (size_t i = 0; g->audience_id && i < jarva_audience_list_count(r->audiences); i++) {
        const jarva_audience *a = jarva_audience_list_get(r->audiences, i);
        if (!strcmp(a->id, g->audience_id))
            audience = a->position;
    }
    if (g->kind == JARVA_GOAL_OVERALL)
        snprintf(buf, cap, "%s %d: %s", TR(r, "Mål", "Goal"), g->position,
                 jarva__report_goal_text(r->lang, g));
    else
        snprintf(buf, cap, "%s %d.%d: %s", TR(r, "Kommunikationsmål", "Communication goal"),
                 audience, g->position, jarva__report_goal_text(r->lang, g));
}

void jarva__report_summary_note(const jarva__report *r, char *note, size_t cap)
{
    char level[32];
    jarva__report_level_text(r->lang, r->level, level, sizeof level);
    if (r->lang == JARVA__LANG_SV)
        snprintf(note, cap,
                 "Förändringar av andelar anges i procentenheter. Förslag: förslag till målvärde, "
                 "inte beslutat; beslutat: målvärdet är beslutat. Utgångsår: året för planens "
                 "utgångsvärde (enligt planen) när det hör till samma serie, annars seriens första "
                 "jämförbara mätning (första mätning). Säkerställd: statistiskt säkerställd efter "
                 "justering för rapportens många jämförelser (Benjamini–Hochberg), se bilagan om "
                 "metod; %s konfidensintervallet gäller förändringen för sig. Ej prövbar: "
                 "publicerade andelar utan antal svarande, eller "
                 "totalräknade uppgifter. Trend: lutningen för den senaste obrutna delen "
                 "av serien, med minst tre mätningar. .. = redovisas inte eftersom för "
                 "få svarade (färre än indikatorns gräns, oftast 30 svar, eller färre än 3 på "
                 "endera sidan). Inga data: ingen skattning till och med rapportåret.",
                 level);
    else
        snprintf(note, cap,
                 "Changes of shares are in percentage points. Proposed: a proposed target, not "
                 "decided; decided: the target has been decided. Baseline: the year of the plan's "
                 "baseline (plan's baseline) when it belongs to the same series, else the series' "
                 "first comparable value (first value). Significant: statistically significant "
                 "after adjusting for the report's many comparisons (Benjamini–Hochberg), see "
                 "the method appendix; the %s confidence interval is that of the change alone. "
                 "Not testable: published shares without the number of respondents, or complete "
                 "counts. Trend: the slope of the latest unbroken part of the "
                 "series, with at least three points. .. = not shown because too few "
                 "responded (fewer than the indicator's threshold, usually 30, or fewer than 3 on "
                 "either side). No data: no estimate up to the report's year.",
                 level);
}

static int summary_table(jarva__report *r)
{
    char level[32], latest_head[96];
    jarva__report_level_text(r->lang, r->level, level, sizeof level);
    snprintf(latest_head, sizeof latest_head, "%s, %s %s",
             TR(r, "Senaste värde (år)", "Latest value (year)"), level, TR(r, "KI", "CI"));
    const jarva__pdf_column cols[] = {
        { TR(r, "Indikator", "Indicator"), 3.1, JARVA__ALIGN_LEFT },
        { latest_head, 1.45, JARVA__ALIGN_RIGHT },
        { TR(r, "Förändring sedan utgångsår", "Change since baseline"), 1.45, JARVA__ALIGN_RIGHT },
        { "Trend", 1.05, JARVA__ALIGN_LEFT },
        { TR(r, "Målvärde (år)", "Target (year)"), 1.0, JARVA__ALIGN_RIGHT },
        { "Status", 1.45, JARVA__ALIGN_LEFT },
    };
    char caption[160], note[2048];
    snprintf(
        caption, sizeof caption, "%s %d. %s %d", TR(r, "Tabell", "Table"), ++r->table,
        TR(r, "Målen och deras indikatorer till och med", "The goals and their indicators up to"),
        r->year);
    jarva__report_summary_note(r, note, sizeof note);
    jarva__pdf_table_spec spec = { cols, 6, caption, note, true, 0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    summary_row *row = malloc(sizeof *row);
    if (!row) {
        jarva__pdf_table_end(t);
        return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    }
    char label[1200];
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        jarva__report_goal_label(r, goal, label, sizeof label);
        jarva__pdf_table_group(t, label, 40.0);
        for (size_t i = 0; i < r->n_items; i++) {
            const jarva__report_item *it = &r->items[i];
            if (it->goal != goal)
                continue;
            fill_row(r, it, row);
            jarva__pdf_cell cells[6] = {
                { row->name, false, 0, false },
                { row->latest, false, 0, false },
                { row->change, false, 0, false },
                { jarva__report_trend_word(r->lang, it), false, 0, false },
                { row->target, false, 0, false },
                { it->has_target ? jarva__report_status_word(r->lang, it->status.state)
                                 : TR(r, "Inget mål att bedöma", "No target to assess"),
                  it->has_target != 0, jarva__report_mark(it->status.state), false },
            };
            jarva__pdf_table_row(t, cells);
        }
    }
    free(row);
    return jarva__pdf_table_end(t);
}

/* What each status means (the rules of jarva_target_assess), as the legend
 * of the PDF and the web edition states it. Static UTF-8. */
const char *jarva__report_status_meaning(jarva__lang lang, jarva_target_state state)
{
    const char *meaning[5] = { "" };
    meaning[JARVA_TARGET_ACHIEVED] = jarva__report_tr(lang, "Det senaste värdet når målvärdet.",
                                                      "The latest value meets the target.");
    meaning[JARVA_TARGET_ON_TRACK] = jarva__report_tr(
        lang,
        "Minst 75\xC2\xA0% sannolikhet att målvärdet nås målåret, enligt trenden och dess "
        "osäkerhet.",
        "At least a 75% probability that the target is met in the target year, from the trend "
        "and its uncertainty.");
    meaning[JARVA_TARGET_UNCERTAIN] = jarva__report_tr(
        lang,
        "Mellan 25 och 75\xC2\xA0% sannolikhet att målvärdet nås, eller en trend som når det medan "
        "de två senaste mätningarna båda gått bort från det: det kan gå åt båda hållen.",
        "Between 25% and 75% probability that the target is met, or a trend that reaches it "
        "while the two latest measurements both moved away from it: it could go either way.");
    meaning[JARVA_TARGET_OFF_TRACK] =
        jarva__report_tr(lang, "Högst 25\xC2\xA0% sannolikhet att målvärdet nås målåret.",
                         "At most a 25% probability that the target is met in the target year.");
    meaning[JARVA_TARGET_INSUFFICIENT_DATA] = jarva__report_tr(
        lang,
        "Inget värde, för få mätningar (minst tre) för en trend, eller målåret har passerat "
        "utan mätning.",
        "No value, too few points (at least three) for a trend, or the target year passed "
        "without a measurement.");
    return (unsigned)state < 5 ? meaning[state] : "";
}

static int status_legend(jarva__report *r)
{
    static const jarva_target_state order[] = { JARVA_TARGET_ACHIEVED, JARVA_TARGET_ON_TRACK,
                                                JARVA_TARGET_UNCERTAIN, JARVA_TARGET_OFF_TRACK,
                                                JARVA_TARGET_INSUFFICIENT_DATA };
    const jarva__pdf_column cols[] = { { "Status", 1.3, JARVA__ALIGN_LEFT },
                                       { TR(r, "Betydelse", "Meaning"), 4.0, JARVA__ALIGN_LEFT } };
    jarva__pdf_table_spec spec = {
        cols, 2, TR(r, "Så läses statusen", "How to read the status"), NULL, false, 0
    };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    for (size_t i = 0; i < 5; i++) {
        jarva__pdf_cell cells[2] = { { jarva__report_status_word(r->lang, order[i]), true,
                                       jarva__report_mark(order[i]), false },
                                     { jarva__report_status_meaning(r->lang, order[i]), false,
                                       JARVA__MARK_QUESTION, false } };
        jarva__pdf_table_row(t, cells);
    }
    return jarva__pdf_table_end(t);
}

int jarva__report_summary(jarva__report *r)
{
    if (jarva__report_new_part(r) != JARVA_OK ||
        jarva__report_section(r, TR(r, "Sammanfattning", "Summary")) != JARVA_OK ||
        summary_text(r) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    status_legend(r);
    return summary_table(r);
}
