/* report_area.c: the area profiles (issue 12): a page for each area of Järva
 * that has a measurement (Akalla, Husby, Kista, Rinkeby, Tensta, Hjulsta in
 * the plan), with its indicators, their number of respondents and where the
 * area stands against Järva as a whole, stating only the differences that
 * are statistically significant after the Benjamini–Hochberg adjustment over
 * the family of every area comparison in the report. Everything comes from
 * the stored estimates through the public API. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

#define WHOLE_AREA "jarva"

/* One indicator in one area, against Järva in the same year. */
typedef struct area_row {
    size_t item;               /* index into r->items */
    const jarva_result *area;  /* the area's latest estimate up to the report's year */
    const jarva_result *whole; /* Järva's of the same year, or NULL */
    bool tested;               /* both have an interval: the difference was tested */
    jarva_change change;       /* area minus Järva */
    double p_adjusted;         /* BH over the family; NaN if not tested */
    bool significant;          /* p_adjusted < 1 - level */
} area_row;

typedef struct area_profiles {
    const jarva_area **areas; /* the areas with a page, in the catalogue's order */
    size_t n_areas;
    const jarva_area **withheld; /* areas whose every value is withheld: named only */
    size_t n_withheld;
    area_row *rows; /* the rows of every area, area by area */
    size_t *first;  /* rows of area a: [first[a], first[a + 1]) */
    size_t n_rows, tested, significant;
} area_profiles;

static void profiles_free(area_profiles *p)
{
    free(p->areas);
    free(p->withheld);
    free(p->rows);
    free(p->first);
    memset(p, 0, sizeof *p);
}

static bool sampled(const jarva_result *res)
{
    return jarva__report_shown(&res->estimate) && !(res->estimate.flags & JARVA_EST_EXACT);
}

/* The latest estimate of the area up to the report's year (results are by
 * year, then area), and Järva's of that year. */
static const jarva_result *latest_in(const jarva__report *r, const jarva__report_item *it,
                                     const char *area_id, const jarva_result **whole)
{
    const jarva_result *found = NULL;
    size_t n = jarva_result_list_count(it->results);
    for (size_t i = 0; i < n; i++) {
        const jarva_result *res = jarva_result_list_get(it->results, i);
        if (res->year <= r->year && !strcmp(res->area_id, area_id))
            found = res;
    }
    *whole = NULL;
    for (size_t i = 0; found && i < n; i++) {
        const jarva_result *res = jarva_result_list_get(it->results, i);
        if (res->year == found->year && !strcmp(res->area_id, WHOLE_AREA))
            *whole = res;
    }
    return found;
}

/* The area's difference from Järva, tested as two independent estimates
 * (jarva_change_between on a series of the two: difference, se =
 * sqrt(se_area² + se_järva²), Welch–Satterthwaite df). The area is part of
 * Järva, so the two are positively correlated (Cov = w·Var(area) for an
 * area sampled as its own strata, w its share of Järva) and the true
 * variance of the difference, Var(area)(1 − 2w) + Var(Järva), is smaller:
 * the test is conservative, never too eager. */
bool jarva__report_area_test(const jarva_estimate *area, const jarva_estimate *whole, double level,
                             jarva_change *out)
{
    const int years[2] = { 0, 1 };
    const jarva_estimate estimates[2] = { *whole, *area };
    *out = (jarva_change)JARVA_CHANGE_INIT; /* the version tells the library what out holds */
    const jarva_series pair = { 2, years, estimates, NULL, 0 };
    char err[256];
    *out = (jarva_change)JARVA_CHANGE_INIT; /* the caller sets the version (jarva/estimate.h) */
    return jarva_change_between(out, &pair, 0, 1, level, err, sizeof err) == JARVA_OK &&
           !(out->flags & JARVA_CHANGE_NO_TEST);
}

static void test_row(const jarva__report *r, area_row *row)
{
    row->p_adjusted = NAN;
    if (!row->whole || !sampled(row->area) || !sampled(row->whole) ||
        (row->area->estimate.flags & JARVA_EST_NO_CI) ||
        (row->whole->estimate.flags & JARVA_EST_NO_CI))
        return;
    double level = row->area->level > 0 && row->area->level < 1 ? row->area->level : r->level;
    row->tested = jarva__report_area_test(&row->area->estimate, &row->whole->estimate,
                                          level > 0 ? level : REPORT_LEVEL, &row->change);
}

/* Whether an area gets a page: an area within Järva with a sampled
 * estimate up to the report's year that may be shown (PROFILE_SHOWN); one
 * whose sampled estimates are all withheld is only named (PROFILE_WITHHELD). */
enum { PROFILE_NONE = 0, PROFILE_WITHHELD = 1, PROFILE_SHOWN = 2 };

static int has_profile(const jarva__report *r, const jarva_area *a)
{
    if (a->kind != JARVA_AREA_AREA || !a->in_jarva)
        return PROFILE_NONE;
    int found = PROFILE_NONE;
    for (size_t i = 0; i < r->n_items; i++)
        for (size_t k = 0; k < jarva_result_list_count(r->items[i].results); k++) {
            const jarva_result *res = jarva_result_list_get(r->items[i].results, k);
            if (res->year > r->year || strcmp(res->area_id, a->id) != 0 ||
                (res->estimate.flags & (JARVA_EST_EXACT | JARVA_EST_EMPTY)))
                continue;
            if (jarva__report_shown(&res->estimate))
                return PROFILE_SHOWN;
            found = PROFILE_WITHHELD;
        }
    return found;
}

/* The family: every tested area comparison of the report; BH-adjusted
 * (jarva_p_adjust_bh, R's p.adjust(p, "BH")). */
static int adjust(area_profiles *p, double level)
{
    double *pv = malloc((p->n_rows ? p->n_rows : 1) * sizeof *pv);
    if (!pv)
        return JARVA_ENOMEM;
    for (size_t i = 0; i < p->n_rows; i++)
        pv[i] = p->rows[i].tested ? p->rows[i].change.p_value : NAN;
    int rc = jarva_p_adjust_bh(pv, pv, p->n_rows);
    for (size_t i = 0; !rc && i < p->n_rows; i++) {
        area_row *row = &p->rows[i];
        row->p_adjusted = pv[i];
        row->significant = row->tested && pv[i] < 1 - level;
        p->tested += row->tested;
        p->significant += row->significant;
    }
    free(pv);
    return rc;
}

static int profiles_build(const jarva__report *r, area_profiles *p)
{
    memset(p, 0, sizeof *p);
    size_t n_areas = jarva_area_list_count(r->areas);
    p->areas = calloc(n_areas ? n_areas : 1, sizeof *p->areas);
    p->withheld = calloc(n_areas ? n_areas : 1, sizeof *p->withheld);
    p->first = calloc(n_areas + 1, sizeof *p->first);
    p->rows = calloc(n_areas * r->n_items + 1, sizeof *p->rows);
    if (!p->areas || !p->withheld || !p->first || !p->rows)
        return JARVA_ENOMEM;
    for (size_t a = 0; a < n_areas; a++) {
        const jarva_area *area = jarva_area_list_get(r->areas, a);
        int profile = has_profile(r, area);
        if (profile == PROFILE_WITHHELD)
            p->withheld[p->n_withheld++] = area;
        if (profile != PROFILE_SHOWN)
            continue;
        p->first[p->n_areas] = p->n_rows;
        p->areas[p->n_areas++] = area;
        for (size_t i = 0; i < r->n_items; i++) {
            area_row *row = &p->rows[p->n_rows];
            memset(row, 0, sizeof *row);
            row->item = i;
            row->area = latest_in(r, &r->items[i], area->id, &row->whole);
            if (!row->area || (row->area->estimate.flags & JARVA_EST_EXACT))
                continue;
            test_row(r, row);
            p->n_rows++;
        }
    }
    p->first[p->n_areas] = p->n_rows;
    return adjust(p, r->level > 0 ? r->level : REPORT_LEVEL);
}

/* "+8 bättre" / "–6 sämre" by the indicator's direction, for a
 * significant difference; "" otherwise. */
static void difference_cell(const jarva__report *r, const area_row *row, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!row->significant)
        return;
    const jarva_indicator *ind = r->items[row->item].ind;
    char diff[JARVA__FMT_SIZE];
    jarva__report_diff(r->lang, ind, row->change.difference, JARVA__FMT_SIGN | JARVA__FMT_NO_UNIT,
                       diff, sizeof diff);
    bool better = (row->change.difference > 0) == (ind->direction == JARVA_HIGHER_IS_BETTER);
    snprintf(buf, cap, "%s %s", diff, better ? TR(r, "bättre", "better") : TR(r, "sämre", "worse"));
}

/* A value with its year and interval ("63 % (2025)\n58–67 %"), ".." if
 * withheld. */
static void value_cell(const jarva__report *r, const jarva_indicator *ind, const jarva_result *res,
                       bool year, char *buf, size_t cap)
{
    if (!res || !jarva__report_shown(&res->estimate)) {
        snprintf(buf, cap, "%s", res ? jarva__fmt_suppressed() : "..");
        return;
    }
    const jarva_estimate *e = &res->estimate;
    char value[JARVA__FMT_SIZE], interval[2 * JARVA__FMT_SIZE] = "";
    jarva__report_value(r->lang, ind, e->estimate, value, sizeof value);
    if (!(e->flags & JARVA_EST_NO_CI))
        jarva__report_interval(r->lang, ind, e->ci_low, e->ci_high, interval, sizeof interval);
    if (year)
        snprintf(buf, cap, "%s (%d)%s%s", value, res->year, interval[0] ? "\n" : "", interval);
    else
        snprintf(buf, cap, "%s%s%s", value, interval[0] ? "\n" : "", interval);
}

/* The sentence above an area's table: how many comparisons show a
 * significant difference, and which way. */
static void lead_text(const jarva__report *r, const area_profiles *p, size_t a, char *buf,
                      size_t cap)
{
    size_t tested = 0, better = 0, worse = 0;
    for (size_t i = p->first[a]; i < p->first[a + 1]; i++) {
        const area_row *row = &p->rows[i];
        tested += row->tested;
        if (row->significant) {
            const jarva_indicator *ind = r->items[row->item].ind;
            bool up = row->change.difference > 0;
            if (up == (ind->direction == JARVA_HIGHER_IS_BETTER))
                better++;
            else
                worse++;
        }
    }
    jarva__phrase id = tested == 0                    ? PH_AREA_UNTESTABLE
                       : better + worse == 0          ? PH_AREA_NO_DIFFERENCE
                       : better && worse              ? PH_AREA_MIXED
                       : better + worse == 1 && worse ? PH_AREA_ONE_WORSE
                       : better + worse == 1          ? PH_AREA_ONE_BETTER
                       : worse                        ? PH_AREA_ALL_WORSE
                                                      : PH_AREA_ALL_BETTER;
    char n_tested[24], n_differ[24], n_better[24], n_worse[24];
    snprintf(n_tested, sizeof n_tested, "%zu", tested);
    snprintf(n_differ, sizeof n_differ, "%zu", better + worse);
    snprintf(n_better, sizeof n_better, "%zu", better);
    snprintf(n_worse, sizeof n_worse, "%zu", worse);
    jarva__report_buf b = { 0 };
    PHRASE(&b, r->lang, id, { "area", p->areas[a]->name }, { "tested", n_tested },
           { "differ", n_differ }, { "better", n_better }, { "worse", n_worse });
    char *text = jarva__report_buf_take(&b);
    snprintf(buf, cap, "%s", text ? text : ""); /* NULL: out of memory, the caller's draw fails */
    free(text);
}

static int area_table(jarva__report *r, const area_profiles *p, size_t a)
{
    const jarva_area *area = p->areas[a];
    char area_head[200], caption[300];
    snprintf(area_head, sizeof area_head, "%s", area->name);
    const jarva__pdf_column cols[] = {
        { TR(r, "Indikator", "Indicator"), 3.2, JARVA__ALIGN_LEFT },
        { area_head, 1.3, JARVA__ALIGN_RIGHT },
        { TR(r, "Antal svar", "Responses"), 0.7, JARVA__ALIGN_RIGHT },
        { TR(r, "Järva", "Järva"), 1.1, JARVA__ALIGN_RIGHT },
        { TR(r, "Skillnad mot Järva", "Difference from Järva"), 1.2, JARVA__ALIGN_RIGHT },
    };
    snprintf(caption, sizeof caption, "%s %d. %s %s", TR(r, "Tabell", "Table"), ++r->table,
             area->name, TR(r, "jämfört med Järva som helhet", "compared with Järva as a whole"));
    jarva__pdf_table_spec spec = {
        cols,
        5,
        caption,
        TR(r,
           "Senaste mätningen till och med rapportåret, med konfidensintervall. Skillnaden "
           "visas bara där den är statistiskt säkerställd efter justering för att många "
           "områden och indikatorer jämförs (Benjamini–Hochberg), i procentenheter för "
           "andelar; en tom ruta betyder ingen säkerställd skillnad. .. = för få svar för att "
           "redovisas eller uppgift saknas.",
           "The latest measurement up to the report's year, with confidence interval. The "
           "difference is shown only where it is statistically significant after adjusting "
           "for the many areas and indicators compared (Benjamini–Hochberg), in percentage "
           "points for shares; an empty cell means no significant difference. .. = too few "
           "responses to be shown, or no data."),
        true,
        0
    };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    for (size_t i = p->first[a]; i < p->first[a + 1]; i++) {
        const area_row *row = &p->rows[i];
        const jarva_indicator *ind = r->items[row->item].ind;
        char here[160], whole[160], n[32] = "..", diff[JARVA__FMT_SIZE + 64];
        value_cell(r, ind, row->area, true, here, sizeof here);
        value_cell(r, ind, row->whole, false, whole, sizeof whole);
        if (jarva__report_shown(&row->area->estimate) && row->area->estimate.n > 0)
            jarva__fmt_number(n, sizeof n, (double)row->area->estimate.n, 0, r->lang);
        difference_cell(r, row, diff, sizeof diff);
        const char *texts[5] = { jarva__report_ind_name(r->lang, ind), here, n, whole, diff };
        jarva__pdf_table_row_text(t, texts);
    }
    return jarva__pdf_table_end(t);
}

int jarva__report_area_family(const jarva__report *r, double **p_values, double **p_adjusted,
                              size_t *n)
{
    area_profiles p;
    *p_values = *p_adjusted = NULL;
    *n = 0;
    int rc = profiles_build(r, &p);
    if (!rc) {
        *p_values = malloc((p.tested ? p.tested : 1) * sizeof **p_values);
        *p_adjusted = malloc((p.tested ? p.tested : 1) * sizeof **p_adjusted);
        if (!*p_values || !*p_adjusted)
            rc = JARVA_ENOMEM;
    }
    for (size_t i = 0; !rc && i < p.n_rows; i++)
        if (p.rows[i].tested) {
            (*p_values)[*n] = p.rows[i].change.p_value;
            (*p_adjusted)[(*n)++] = p.rows[i].p_adjusted;
        }
    profiles_free(&p);
    return rc;
}

/* What the method appendix says about the area comparisons and their
 * family (the words are the words helper's to change). */
void jarva__report_area_method_text(const jarva__report *r, size_t tested, size_t significant,
                                    char *buf, size_t cap)
{
    double level = r->level > 0 ? r->level : REPORT_LEVEL;
    char alpha[32], lvl[32];
    jarva__fmt_percent(alpha, sizeof alpha, 1 - level, 0, r->lang);
    jarva__report_level_text(r->lang, level, lvl, sizeof lvl);
    if (r->lang == JARVA__LANG_SV)
        snprintf(buf, cap,
                 "Områdesprofilerna jämför varje område med Järva som helhet samma år. "
                 "Skillnaden prövas som mellan två oberoende skattningar; eftersom området "
                 "ingår i Järva är prövningen försiktig. Alla jämförelser av områden med Järva i "
                 "rapporten, %zu stycken (alla områden och indikatorer), är en familj: deras "
                 "p-värden justeras med Benjamini–Hochbergs metod, och en skillnad kallas "
                 "säkerställd bara om det justerade p-värdet är under %s (%s konfidensnivå). "
                 "Det håller andelen felaktiga fynd bland de säkerställda skillnaderna nere. "
                 "%zu skillnader är säkerställda.",
                 tested, alpha, lvl, significant);
    else
        snprintf(buf, cap,
                 "The area profiles compare each area with Järva as a whole in the same year. "
                 "The difference is tested as between two independent estimates; since the "
                 "area is part of Järva, the test is conservative. All comparisons of areas "
                 "with Järva in the report, %zu of them (every area and indicator), are one "
                 "family: their p-values are adjusted by the Benjamini–Hochberg method, and a "
                 "difference is called significant only if the adjusted p-value is below %s "
                 "(%s confidence level). This keeps the share of false findings among the "
                 "significant differences down. %zu differences are significant.",
                 tested, alpha, lvl, significant);
}

int jarva__report_area_method(jarva__report *r)
{
    area_profiles p;
    int rc = profiles_build(r, &p);
    if (rc) {
        profiles_free(&p);
        return jarva__pdf_fail(r->doc, rc, "out of memory");
    }
    if (p.tested > 0) {
        char text[1600];
        jarva__report_area_method_text(r, p.tested, p.significant, text, sizeof text);
        jarva__pdf_heading(r->doc, 2,
                           TR(r, "Jämförelser mellan områden", "Comparisons between areas"));
        jarva__pdf_body(r->doc, text);
    }
    profiles_free(&p);
    return jarva__pdf_status(r->doc);
}

/* The areas whose every value is withheld, in one sentence instead of a
 * page of "..": "För Akalla och Husby är underlaget för litet ...". */
static void withheld_text(jarva__report *r, const area_profiles *p)
{
    jarva__report_buf b = { 0 };
    jarva__report_buf_add(&b, "%s ", TR(r, "För", "For"));
    for (size_t i = 0; i < p->n_withheld; i++)
        jarva__report_buf_add(&b, "%s%s",
                              i == 0                  ? ""
                              : i + 1 < p->n_withheld ? ", "
                                                      : TR(r, " och ", " and "),
                              p->withheld[i]->name);
    jarva__report_buf_add(&b, "%s",
                          TR(r,
                             " är underlaget för litet för att något värde ska kunna redovisas "
                             "(för få svar), så de har ingen egen sida.",
                             " the basis is too small for any value to be shown (too few "
                             "responses), so they have no page of their own."));
    char *text = jarva__report_buf_take(&b);
    if (!text) {
        jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
        return;
    }
    jarva__pdf_body(r->doc, text);
    free(text);
}

int jarva__report_areas(jarva__report *r)
{
    area_profiles p;
    int rc = profiles_build(r, &p);
    if (rc) {
        profiles_free(&p);
        return jarva__pdf_fail(r->doc, rc, "out of memory");
    }
    if (p.n_areas == 0 && p.n_withheld == 0) {
        profiles_free(&p);
        return jarva__pdf_status(r->doc);
    }
    if (jarva__report_new_part(r) == JARVA_OK &&
        jarva__report_section(r, TR(r, "Områdesprofiler", "Area profiles")) == JARVA_OK &&
        p.n_areas > 0)
        jarva__pdf_body(
            r->doc,
            TR(r,
               "En sida för varje område: indikatorerna med den senaste mätningen, antalet "
               "svarande och var området står jämfört med Järva som helhet. Bara skillnader som "
               "är statistiskt säkerställda efter justering för de många jämförelserna anges "
               "(se Bilaga A).",
               "A page for each area: the indicators with the latest measurement, the number of "
               "respondents and where the area stands against Järva as a whole. Only differences "
               "that are statistically significant after adjusting for the many comparisons are "
               "given (see Appendix A)."));
    if (p.n_withheld > 0)
        withheld_text(r, &p);
    for (size_t a = 0; a < p.n_areas && jarva__pdf_status(r->doc) == JARVA_OK; a++) {
        if (a > 0)
            jarva__pdf_new_page(r->doc, 0);
        char lead[600];
        lead_text(r, &p, a, lead, sizeof lead);
        jarva__pdf_heading(r->doc, 2, p.areas[a]->name);
        jarva__pdf_body(r->doc, lead);
        area_table(r, &p, a);
    }
    profiles_free(&p);
    return jarva__pdf_status(r->doc);
}
