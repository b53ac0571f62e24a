/* report_glance.c: «Läget i korthet» (Summary at a glance), the page after
 * the cover that tells the steering group what needs action: the targets off
 * track and uncertain first, each with the gap to its target, the pace
 * needed per year against the pace so far and the probability of reaching
 * it; then those on track and achieved; then what cannot be judged and why.
 * The statuses are libjarva's (jarva_summary_open(), the same as `jarva
 * status`); this file only words and lays them out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

/* A pace per year with its sign, in percentage points for shares ("+2,4"),
 * or "." where it cannot occur (no trend, target year reached). */
static void pace_text(const jarva__report *r, const jarva_indicator *ind, double pace, char *buf,
                      size_t cap)
{
    if (!isfinite(pace)) {
        snprintf(buf, cap, ".");
        return;
    }
    jarva__report_diff(r->lang, ind, pace, JARVA__FMT_SIGN | JARVA__FMT_NO_UNIT, buf, cap);
}

/* "70 % (2027) förslag" or "100 % (2026) beslutat": every target says
 * whether it was decided (issue 11); the table's note spells out "förslag
 * till målvärde". */
static void target_text(const jarva__report *r, const jarva_indicator *ind, char *buf, size_t cap)
{
    char value[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, ind, ind->target_value, value, sizeof value);
    snprintf(buf, cap, "%s (%d) %s", value, ind->target_year,
             ind->target_kind == JARVA_TARGET_DECIDED ? TR(r, "beslutat", "decided")
                                                      : TR(r, "förslag", "proposed"));
}

/* The latest value, with its year when it is not the report's ("41 %",
 * "63 % (2023)"). */
static void latest_text(const jarva__report *r, const jarva_summary_item *it, char *buf, size_t cap)
{
    const jarva_target_status *st = &it->status;
    if (!st->latest_year) {
        snprintf(buf, cap, "..");
        return;
    }
    char value[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, it->indicator, st->latest_value, value, sizeof value);
    if (st->latest_year == r->year)
        snprintf(buf, cap, "%s", value);
    else
        snprintf(buf, cap, "%s (%d)", value, st->latest_year);
}

/* What is left to the target in its direction ("7,1 p.e."; "0" when met). */
static void gap_text(const jarva__report *r, const jarva_summary_item *it, char *buf, size_t cap)
{
    const jarva_target_status *st = &it->status;
    if (!st->latest_year || !isfinite(st->gap)) {
        snprintf(buf, cap, "..");
        return;
    }
    jarva__report_diff(r->lang, it->indicator, st->gap > 0 ? st->gap : 0, JARVA__FMT_NO_UNIT, buf,
                       cap);
}

static void probability_text(const jarva__report *r, const jarva_summary_item *it, char *buf,
                             size_t cap)
{
    if (!it->status.has_projection || !isfinite(it->status.probability)) {
        snprintf(buf, cap, ".");
        return;
    }
    /* A probability is never printed as certain: "< 1 %", "> 99 %". */
    double p = it->status.probability;
    char one[32];
    jarva__fmt_percent(one, sizeof one, p < 0.005 ? 0.01 : p > 0.995 ? 0.99 : p, 0, r->lang);
    /* A high probability beside «Osäkert» needs its reason at hand: the
     * series has turned away (rule recent_turn; the note explains). On a
     * line of its own, so that the column stays as narrow as its figures. */
    snprintf(buf, cap, "%s%s%s",
             p < 0.005   ? "< "
             : p > 0.995 ? "> "
                         : "",
             one, it->status.rule == JARVA_RULE_RECENT_TURN ? TR(r, "\n(vänt)", "\n(turned)") : "");
}

const char *jarva__report_glance_group_title(const jarva__report *r, jarva_summary_group g)
{
    switch (g) {
    case JARVA_SUMMARY_NEEDS_ACTION:
        return TR(r, "Behöver åtgärd: inte på väg eller osäkert",
                  "Needs action: off track or uncertain");
    case JARVA_SUMMARY_ON_TRACK:
        return TR(r, "På väg mot målet, med sannolikheten att nå det",
                  "On track, with the "
                  "probability of reaching it");
    case JARVA_SUMMARY_ACHIEVED: return TR(r, "Uppnått", "Achieved");
    case JARVA_SUMMARY_NOT_JUDGED:
        return TR(r, "Kan inte bedömas ännu: en trend behöver minst tre mätningar",
                  "Cannot be judged yet: a trend needs at least three measurements");
    case JARVA_SUMMARY_NO_TARGET: return TR(r, "Utan målvärde", "Without a target");
    }
    return "";
}

void jarva__report_glance_cells(const jarva__report *r, const jarva_summary_item *it,
                                jarva__glance_cells *c)
{
    char needed[64], pace[64];
    latest_text(r, it, c->latest, sizeof c->latest);
    target_text(r, it->indicator, c->target, sizeof c->target);
    gap_text(r, it, c->gap, sizeof c->gap);
    pace_text(r, it->indicator, it->status.required_pace, needed, sizeof needed);
    pace_text(r, it->indicator, it->status.pace, pace, sizeof pace);
    snprintf(c->paces, sizeof c->paces, "%s | %s", needed, pace);
    probability_text(r, it, c->prob, sizeof c->prob);
    /* Who acts: the organisation that owns the goal (issue 12). */
    const char *owner = jarva__report_goal_owner(r, it->indicator);
    snprintf(c->owner_name, sizeof c->owner_name, "%s", owner ? owner : "..");
    if (owner)
        snprintf(c->owner, sizeof c->owner, "%s: %s", TR(r, "Ansvarig", "Owner"), owner);
    else
        c->owner[0] = '\0';
}

/* The note under the table; it explains "(vänt)" only when a row shows it,
 * as a table's legend lists only the symbols it uses. */
void jarva__report_glance_note(const jarva__report *r, char *buf, size_t cap)
{
    bool turned = false;
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++) {
        const jarva_summary_item *it = jarva_summary_get(r->summary, i);
        turned |=
            it->group == JARVA_SUMMARY_NEEDS_ACTION && it->status.rule == JARVA_RULE_RECENT_TURN;
    }
    snprintf(buf, cap, "%s%s%s",
             TR(r,
                "Kvar och takt i procentenheter för andelar. Takt som krävs: per år till målåret; "
                "hittills: trendens lutning. Sannolikhet: att målet nås om trenden håller i sig",
                "Gap and pace in percentage points for shares. Pace needed: from the latest value "
                "to the target by the target year; so far: the trend's slope. Probability: that "
                "the target is met if the trend continues"),
             !turned ? ""
                     : TR(r, "; (vänt): de två senaste mätningarna gick bort från målet",
                          "; (turned): but the two latest measurements moved away from the target"),
             TR(r, ". Förslag: ej beslutat. . = kan inte förekomma; .. = saknas.",
                ". Proposed: a proposed target, not decided. . = cannot occur (no trend); .. = not "
                "available."));
}

/* The table of the targets that need action, furthest from their target
 * first. */
static int action_table(jarva__report *r)
{
    char latest_head[64];
    snprintf(latest_head, sizeof latest_head, "%s %d", TR(r, "Senaste", "Latest"), r->year);
    const jarva__pdf_column cols[] = {
        { TR(r, "Indikator", "Indicator"), 4.85, JARVA__ALIGN_LEFT },
        { latest_head, 0.75, JARVA__ALIGN_RIGHT },
        { TR(r, "Målvärde (år)", "Target (year)"), 1.2, JARVA__ALIGN_RIGHT },
        { TR(r, "Kvar till målet", "Gap"), 0.55, JARVA__ALIGN_RIGHT },
        { TR(r, "Takt per år: krävs | hittills", "Pace a year: needed | so far"), 0.9,
          JARVA__ALIGN_RIGHT },
        { TR(r, "Sannolikhet att nå målet", "Probability of reaching it"), 1.0,
          JARVA__ALIGN_RIGHT },
    };
    char note[1024];
    jarva__report_glance_note(r, note, sizeof note);
    char caption[200];
    snprintf(caption, sizeof caption, "%s",
             TR(r, "Behöver åtgärd, det mål som ligger längst från sitt målvärde först",
                "Needs action, the goal furthest from its target first"));
    /* 7 pt so that the page holds the whole table (with each goal's owner) and
     * the lists under it. */
    jarva__pdf_table_spec spec = { cols, 6, caption, note, true, 7.0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    /* Off track, then uncertain (the summary's order), each under a group row
     * with the status's word; every row starts with the status's mark. */
    jarva_target_state current = JARVA_TARGET_NO_TARGET;
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++) {
        const jarva_summary_item *it = jarva_summary_get(r->summary, i);
        if (it->group != JARVA_SUMMARY_NEEDS_ACTION)
            continue;
        if (it->status.state != current) {
            current = it->status.state;
            size_t n = 0;
            for (size_t k = 0; k < jarva_summary_count(r->summary); k++)
                n += jarva_summary_get(r->summary, k)->status.state == current;
            char group[128];
            snprintf(group, sizeof group, "%s (%zu)", jarva__report_status_word(r->lang, current),
                     n);
            jarva__pdf_table_group(t, group, 24);
        }
        jarva__glance_cells c;
        jarva__report_glance_cells(r, it, &c);
        /* The owner after the name, on its last line where it fits. */
        char name[1400];
        snprintf(name, sizeof name, "%s%s%s", jarva__report_ind_name(r->lang, it->indicator),
                 c.owner[0] ? " \xC2\xB7 " : "", c.owner);
        jarva__pdf_cell cells[6] = {
            { name, true, jarva__report_mark(it->status.state), false },
            { c.latest, false, JARVA__MARK_QUESTION, false },
            { c.target, false, JARVA__MARK_QUESTION, false },
            { c.gap, false, JARVA__MARK_QUESTION, false },
            { c.paces, false, JARVA__MARK_QUESTION, false },
            { c.prob, false, JARVA__MARK_QUESTION, false },
        };
        jarva__pdf_table_row(t, cells);
    }
    return jarva__pdf_table_end(t);
}

/* Why a target cannot be judged, in a few words; the group's title says
 * that a trend needs three measurements. */
static void reason_text(const jarva__report *r, const jarva_summary_item *it, char *buf, size_t cap)
{
    const jarva_target_status *st = &it->status;
    size_t k = st->trend.n_points;
    if (st->rule == JARVA_RULE_TARGET_YEAR_UNMEASURED) {
        if (r->lang == JARVA__LANG_SV)
            snprintf(buf, cap, "målåret %d utan mätning", it->indicator->target_year);
        else
            snprintf(buf, cap, "target year %d not measured", it->indicator->target_year);
    } else if (st->rule == JARVA_RULE_TOO_FEW_POINTS && k == 0 && st->latest_year) {
        /* Published shares without n: values, but none a trend can weigh. */
        snprintf(buf, cap, "%s",
                 TR(r, "värden utan känd osäkerhet", "values without a known uncertainty"));
    } else if (st->rule == JARVA_RULE_TOO_FEW_POINTS && k > 0) {
        if (r->lang == JARVA__LANG_SV)
            snprintf(buf, cap, "%zu %s", k, k == 1 ? "mätning" : "mätningar");
        else
            snprintf(buf, cap, "%zu %s", k, k == 1 ? "measurement" : "measurements");
    } else
        snprintf(buf, cap, "%s", TR(r, "inget redovisat värde", "no published value"));
}

/* "Reason: A; B. Other reason: C." for the targets that cannot be judged,
 * each reason once, in the order the summary first meets it. */
static void not_judged_by_reason(const jarva__report *r, jarva__report_buf *b)
{
    size_t n = jarva_summary_count(r->summary);
    bool *done = calloc(n ? n : 1, sizeof *done);
    if (!done) {
        b->failed = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const jarva_summary_item *it = jarva_summary_get(r->summary, i);
        if (it->group != JARVA_SUMMARY_NOT_JUDGED || done[i])
            continue;
        char why[160], other[160];
        reason_text(r, it, why, sizeof why);
        jarva__report_buf_add(b, "%s%c%s: ", b->len ? " " : "", why[0] - 32 * (why[0] >= 'a'),
                              why + 1);
        size_t k = 0;
        for (size_t j = i; j < n; j++) {
            const jarva_summary_item *o = jarva_summary_get(r->summary, j);
            if (o->group != JARVA_SUMMARY_NOT_JUDGED || done[j])
                continue;
            reason_text(r, o, other, sizeof other);
            if (strcmp(other, why) != 0)
                continue;
            done[j] = true;
            jarva__report_buf_add(b, "%s%s", k++ ? "; " : "",
                                  jarva__report_ind_name(r->lang, o->indicator));
        }
        jarva__report_buf_add(b, ".");
    }
    free(done);
}

/* The rest as short lists, "Name (why); Name (why).": on track (with the
 * probability), achieved (with the latest value), cannot be judged (with
 * the reason), without a target. */
static int other_groups(jarva__report *r, const size_t *count)
{
    jarva__pdf_style caption = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    jarva__pdf_style small = jarva__pdf_style_get(JARVA__STYLE_SMALL);
    /* The table's size, so that the page holds all of it. */
    caption.leading *= 8.0 / caption.size;
    caption.size = 8.0;
    small.leading *= 7.0 / small.size;
    small.size = 7.0;
    /* Indicators without a target are not goals to judge: Table 1 lists them. */
    for (int g = JARVA_SUMMARY_ON_TRACK; g <= JARVA_SUMMARY_NOT_JUDGED; g++) {
        if (!count[g])
            continue;
        jarva__report_buf b = { 0 };
        size_t k = 0;
        if (g == JARVA_SUMMARY_NOT_JUDGED)
            not_judged_by_reason(r, &b);
        for (size_t i = 0; g != JARVA_SUMMARY_NOT_JUDGED && i < jarva_summary_count(r->summary);
             i++) {
            const jarva_summary_item *it = jarva_summary_get(r->summary, i);
            if ((int)it->group != g)
                continue;
            char why[640] = "", a[160], b2[200], p[64];
            if (g == JARVA_SUMMARY_ON_TRACK) {
                probability_text(r, it, p, sizeof p);
                snprintf(why, sizeof why, "%s", p);
            } else if (g == JARVA_SUMMARY_ACHIEVED) {
                /* «förslag till målvärde» for a proposal (issue 12). */
                const jarva_indicator *ind = it->indicator;
                latest_text(r, it, a, sizeof a);
                jarva__report_value(r->lang, ind, ind->target_value, b2, sizeof b2);
                snprintf(why, sizeof why, "%s, %s %s %s %d", a,
                         ind->target_kind == JARVA_TARGET_DECIDED
                             ? TR(r, "beslutat målvärde", "decided target")
                             : TR(r, "förslag till målvärde", "proposed target"),
                         b2, TR(r, "år", "by"), ind->target_year);
            }
            jarva__report_buf_add(&b, "%s%s%s%s%s", k++ ? "; " : "",
                                  jarva__report_ind_name(r->lang, it->indicator),
                                  why[0] ? " (" : "", why, why[0] ? ")" : "");
        }
        if (g != JARVA_SUMMARY_NOT_JUDGED)
            jarva__report_buf_add(&b, ".");
        char *text = jarva__report_buf_take(&b);
        if (!text)
            return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
        char title[200];
        snprintf(title, sizeof title, "%s (%zu)",
                 jarva__report_glance_group_title(r, (jarva_summary_group)g), count[g]);
        jarva__pdf_need(r->doc, caption.leading + 2 * small.leading);
        jarva__pdf_paragraph(r->doc, &caption, title, 1);
        jarva__pdf_paragraph(r->doc, &small, text, 4);
        free(text);
    }
    return jarva__pdf_status(r->doc);
}

int jarva__report_glance(jarva__report *r)
{
    jarva__pdf *doc = r->doc;
    if (jarva__pdf_new_page(doc, 0) != JARVA_OK)
        return jarva__pdf_status(doc);
    const char *title = TR(r, "Läget i korthet", "Summary at a glance");
    jarva__pdf_bookmark(doc, 1, title);
    jarva__pdf_style h1 = jarva__pdf_style_get(JARVA__STYLE_H1);
    jarva__pdf_paragraph(doc, &h1, title, 4);
    size_t count[5] = { 0 }, targets = 0;
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++) {
        const jarva_summary_item *it = jarva_summary_get(r->summary, i);
        count[it->group]++;
        targets += it->has_target != 0;
    }
    size_t off = 0;
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++)
        off += jarva_summary_get(r->summary, i)->status.state == JARVA_TARGET_OFF_TRACK;
    bool sv = r->lang == JARVA__LANG_SV;
    size_t need = count[JARVA_SUMMARY_NEEDS_ACTION];
    jarva__report_buf b = { 0 };
    /* Counts of zero are left out: "0 är osäkra" says nothing. */
    if (!need)
        jarva__report_buf_add(&b,
                              sv ? "Inget av planens %zu målvärden behöver åtgärder enligt "
                                   "uppgifterna till och med %d."
                                 : "None of the plan's %zu targets needs action on the figures up "
                                   "to %d.",
                              targets, r->year);
    else
        jarva__report_buf_add(&b,
                              sv ? "%zu av planens %zu målvärden behöver åtgärder enligt "
                                   "uppgifterna till och med %d: "
                                 : "%zu of the plan's %zu targets need action on the figures up "
                                   "to %d: ",
                              need, targets, r->year);
    if (need && off)
        jarva__report_buf_add(&b, sv ? "%zu är inte på väg" : "%zu off track", off);
    if (need && off && need > off)
        jarva__report_buf_add(&b, sv ? " och " : " and ");
    if (need > off)
        jarva__report_buf_add(&b, sv ? "%zu är osäkra" : "%zu uncertain", need - off);
    if (need)
        jarva__report_buf_add(&b, ".");
    const size_t rest[3] = { count[JARVA_SUMMARY_ON_TRACK], count[JARVA_SUMMARY_ACHIEVED],
                             count[JARVA_SUMMARY_NOT_JUDGED] };
    const char *const rest_sv[3] = { "är på väg", "är uppnådda", "kan inte bedömas ännu" };
    const char *const rest_en[3] = { "on track", "achieved", "cannot be judged yet" };
    size_t shown = 0, nonzero = (rest[0] > 0) + (rest[1] > 0) + (rest[2] > 0);
    for (int k = 0; k < 3; k++) {
        if (!rest[k])
            continue;
        const char *sep = !shown ? " " : shown + 1 == nonzero ? (sv ? " och " : " and ") : ", ";
        jarva__report_buf_add(&b, "%s%zu %s", sep, rest[k], sv ? rest_sv[k] : rest_en[k]);
        shown++;
    }
    if (shown)
        jarva__report_buf_add(&b, ".");
    char *text = jarva__report_buf_take(&b);
    if (!text)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    jarva__pdf_body(doc, text);
    free(text);
    if (count[JARVA_SUMMARY_NEEDS_ACTION])
        action_table(r);
    return other_groups(r, count);
}
