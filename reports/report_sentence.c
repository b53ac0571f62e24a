/* report_sentence.c: the sentences under each indicator that state its
 * result with its uncertainty, in plain Swedish or English:
 *   «Andelen som känner sig trygga ute sent en kväll ökade från 56 % (2020)
 *   till 64 % (2022). Ökningen, 8 procentenheter (95 % KI 3–13), är
 *   statistiskt säkerställd.»
 * "Statistiskt säkerställd" is said only when jarva_change_between() found
 * the change significant and could test it; a change that cannot be tested
 * (published shares without n, exact counts) is said to be so, and why. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_symbol.h"
#include "report_internal.h"

/* The name without a trailing parenthesis such as "(Polisens
 * trygghetsmätning)" or "(medelvärde 1–5)": the source and scale are said
 * beside the sentence, and a sentence reads better without them. */
static size_t name_core_length(const char *name)
{
    size_t len = strlen(name);
    while (len > 0 && name[len - 1] == ' ')
        len--;
    if (len > 0 && name[len - 1] == ')') {
        size_t open = len;
        while (open > 0 && name[open - 1] != '(')
            open--;
        if (open > 1) {
            len = open - 1;
            while (len > 0 && name[len - 1] == ' ')
                len--;
        }
    }
    /* "... per år" / "..., per year": the sentence names the year itself. */
    static const char *const per_year[] = { ", per year", " per year", " per år" };
    for (size_t i = 0; i < sizeof per_year / sizeof per_year[0]; i++) {
        size_t n = strlen(per_year[i]);
        if (len > n && !strncmp(name + len - n, per_year[i], n))
            return len - n;
    }
    return len;
}

/* Lower-cases the first letter of a name unless it starts an abbreviation
 * ("LPO"). Names begin with ASCII letters; other bytes are left alone. */
static void lower_first(char *s)
{
    if (isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
        s[0] = (char)tolower((unsigned char)s[0]);
}

static bool starts_with_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    return !strncmp(s, word, n) && s[n] == ' ';
}

char *jarva__report_subject(jarva__lang lang, const jarva_indicator *ind)
{
    const char *name = jarva__report_ind_name(lang, ind);
    char *core = jarva__pdf_strndup(name, name_core_length(name));
    if (!core)
        return NULL;
    char *out = NULL;
    if (lang == JARVA__LANG_SV) {
        /* Swedish takes the definite form: "Andel som ..." -> "Andelen som ...". */
        if (starts_with_word(core, "Andel"))
            out = jarva__pdf_aprintf("Andelen%s", core + 5);
        else if (starts_with_word(core, "Antal"))
            out = jarva__pdf_aprintf("Antalet%s", core + 5);
        else if (ind->measure == JARVA_MEASURE_MEAN) {
            lower_first(core);
            out = jarva__pdf_aprintf("Medelvärdet för %s", core);
        } else if (ind->measure == JARVA_MEASURE_COUNT) {
            lower_first(core);
            out = jarva__pdf_aprintf("Antalet %s", core);
        } else
            out = jarva__pdf_strdup(core);
    } else {
        lower_first(core);
        if (ind->measure == JARVA_MEASURE_COUNT)
            out = jarva__pdf_aprintf("The number of %s", core);
        else if (ind->measure == JARVA_MEASURE_MEAN)
            out = jarva__pdf_aprintf("The mean of %s", core);
        else if (starts_with_word(core, "share") || starts_with_word(core, "proportion"))
            out = jarva__pdf_aprintf("The %s", core);
        else
            out = jarva__pdf_aprintf("The value of %s", core);
    }
    free(core);
    return out;
}

/* A phrase without values. */
static void say(jarva__report_buf *b, jarva__lang lang, jarva__phrase id)
{
    jarva__report_phrase(b, lang, id, NULL, 0);
}

/* A list of the years of a series, "2021, 2023 och 2025". */
static void add_years(jarva__report_buf *b, jarva__lang lang, const jarva_series *s)
{
    for (size_t i = 0; i < s->count; i++) {
        if (i > 0 && i + 1 == s->count)
            say(b, lang, PH_LIST_AND);
        else if (i > 0)
            jarva__report_buf_add(b, ", ");
        jarva__report_buf_add(b, "%d", s->years[i]);
    }
}

static char *years_text(jarva__lang lang, const jarva_series *s)
{
    jarva__report_buf b = { 0 };
    add_years(&b, lang, s);
    return jarva__report_buf_take(&b);
}

static bool lacks_n(const jarva_estimate *e)
{
    return (e->flags & JARVA_EST_NO_N) != 0;
}

/* One value with its year and interval: "40 % år 2023 (95 % KI 24–58 %)". */
static void add_single(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it,
                       const char *subject)
{
    const jarva_estimate *e = &it->series.estimates[it->latest_shown];
    char value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE], year[16], level[32];
    jarva__report_value(lang, it->ind, e->estimate, value, sizeof value);
    snprintf(year, sizeof year, "%d", it->series.years[it->latest_shown]);
    PHRASE(b, lang, PH_VALUE, { "subject", subject }, { "value", value }, { "year", year });
    if (!(e->flags & JARVA_EST_NO_CI)) {
        jarva__report_level_text(lang, jarva__report_level(it), level, sizeof level);
        jarva__report_interval(lang, it->ind, e->ci_low, e->ci_high, ci, sizeof ci);
        PHRASE(b, lang, PH_VALUE_CI, { "level", level }, { "ci", ci });
    } else if (lacks_n(e)) {
        say(b, lang, PH_VALUE_NO_N);
    } else {
        say(b, lang, PH_END);
    }
}

/* Why a change could not be tested. */
static jarva__phrase untested_reason(const jarva_estimate *from, const jarva_estimate *to)
{
    if (lacks_n(from) || lacks_n(to))
        return PH_UNTESTED_NO_N;
    if ((from->flags & JARVA_EST_NO_CI) && (to->flags & JARVA_EST_NO_CI))
        return PH_UNTESTED_EXACT;
    return PH_UNTESTED_UNKNOWN;
}

/* "as many as": counts are "lika många", a share "lika stor", a mean "lika
 * högt" (the English is the same for all three). */
static jarva__phrase same_phrase(const jarva_indicator *ind)
{
    if (ind->measure == JARVA_MEASURE_COUNT)
        return PH_SAME_COUNT;
    if (ind->percent || ind->measure == JARVA_MEASURE_PROPORTION)
        return PH_SAME_SHARE;
    return PH_SAME_MEAN;
}

/* The size of a tested change and its interval, the interval flipped with
 * the sign for a decrease so that both speak of the same quantity, at the
 * decimals that keep an interval excluding 0 printed excluding 0; the word
 * "säkerställd" is the family's (report_data.c). */
static void add_test(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it)
{
    int decimals = jarva__report_change_decimals(it->ind, &it->change);
    char size[JARVA__FMT_SIZE], nothing[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE], level[32];
    double lo = it->change.ci_low, hi = it->change.ci_high;
    jarva__report_diff_at(lang, it->ind, fabs(it->change.difference), decimals, 0, size,
                          sizeof size);
    jarva__report_diff_at(lang, it->ind, 0.0, decimals, 0, nothing, sizeof nothing);
    bool up = it->change.difference > 0;
    bool zero = !strcmp(size, nothing); /* rounds to no change at the precision shown */
    bool excludes_zero = lo > 0 || hi < 0;
    if (!up && !zero) {
        double t = lo;
        lo = -hi;
        hi = -t;
    }
    jarva__report_diff_interval_at(lang, it->ind, lo, hi, decimals, ci, sizeof ci);
    const char *noun = jarva__report_phrase_text(lang, zero ? PH_DIFFERENCE
                                                       : up ? PH_INCREASE
                                                            : PH_DECREASE);
    jarva__report_level_text(lang, jarva__report_level(it), level, sizeof level);
    bool significant = it->change.significant;
    PHRASE(b, lang, significant ? PH_SIGNIFICANT : PH_NOT_SIGNIFICANT, { "noun", noun },
           { "size", size }, { "level", level }, { "ci", ci });
    /* The interval alone excludes 0, the family's adjusted test does not:
     * say so, or the reader sees a contradiction. */
    if (!significant && excludes_zero && isfinite(it->change_p_adjusted)) {
        char p[JARVA__FMT_SIZE];
        if (jarva__fmt_number(p, sizeof p, it->change_p_adjusted, 2, lang) < 0)
            snprintf(p, sizeof p, "%s", jarva__fmt_suppressed());
        PHRASE(b, lang, PH_NOT_AFTER_ADJUSTMENT, { "p", p });
    }
    say(b, lang, PH_END);
}

/* "... ökade från 50 % (2019, planens utgångsvärde) till 63 % (2025).
 * Ökningen, 12 procentenheter (95 % KI 9–16), är statistiskt säkerställd."
 * The baseline is the status's (one rule, docs/status.md), with its year and
 * where it comes from. */
static void add_change(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it,
                       const char *subject)
{
    const jarva_series *s = &it->series;
    const jarva_estimate *from = &s->estimates[it->base], *to = &s->estimates[it->latest_shown];
    double base_value = isfinite(it->base_value) ? it->base_value : from->estimate;
    char v0[JARVA__FMT_SIZE], v1[JARVA__FMT_SIZE], y0[16], y1[16];
    jarva__report_value(lang, it->ind, base_value, v0, sizeof v0);
    jarva__report_value(lang, it->ind, to->estimate, v1, sizeof v1);
    snprintf(y0, sizeof y0, "%d", s->years[it->base]);
    snprintf(y1, sizeof y1, "%d", s->years[it->latest_shown]);
    jarva__phrase id = !strcmp(v0, v1)                 ? same_phrase(it->ind)
                       : to->estimate - base_value > 0 ? PH_ROSE
                                                       : PH_FELL;
    PHRASE(b, lang, id, { "subject", subject }, { "from", v0 }, { "from_year", y0 }, { "to", v1 },
           { "to_year", y1 }, { "source", jarva__report_baseline_source(lang, it) });
    if (!it->has_change || (it->change.flags & JARVA_CHANGE_NO_TEST))
        say(b, lang, untested_reason(from, to));
    else
        add_test(b, lang, it);
}

/* "Trenden 2019–2025 är ökande, i genomsnitt 1,2 procentenheter per år." */
static void add_trend(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it)
{
    if (!it->has_trend)
        return;
    const jarva_trend *t = &it->trend;
    char first[16], last[16], points[24], slope[JARVA__FMT_SIZE];
    snprintf(first, sizeof first, "%d", t->first_year);
    snprintf(last, sizeof last, "%d", t->last_year);
    snprintf(points, sizeof points, "%zu", t->n_points);
    if (!t->significant) {
        PHRASE(b, lang, PH_NO_TREND, { "first", first }, { "last", last }, { "points", points });
        return;
    }
    /* A slope reads with one more decimal than the values: 1,2 pp per year. */
    jarva__unit unit = it->ind->percent ? JARVA__UNIT_PP : JARVA__UNIT_NONE;
    if (jarva__fmt_value(slope, sizeof slope, fabs(t->slope), jarva__report_decimals(it->ind) + 1,
                         unit, 0, lang) < 0)
        return;
    PHRASE(b, lang, PH_TREND, { "first", first }, { "last", last },
           { "direction", jarva__report_phrase_text(lang, t->slope > 0 ? PH_RISING : PH_FALLING) },
           { "slope", slope });
}

static void add_target(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it)
{
    if (!it->has_target || !it->ind->has_target) {
        say(b, lang, PH_NO_TARGET);
        return;
    }
    char target[JARVA__FMT_SIZE], year[16];
    jarva__report_value(lang, it->ind, it->ind->target_value, target, sizeof target);
    snprintf(year, sizeof year, "%d", it->ind->target_year);
    PHRASE(b, lang,
           it->ind->target_kind == JARVA_TARGET_DECIDED ? PH_TARGET_DECIDED : PH_TARGET_PROPOSED,
           { "target", target }, { "year", year },
           { "status", jarva__report_status_word(lang, it->status.state) });
    if (it->status.rule == JARVA_RULE_RECENT_TURN)
        PHRASE(b, lang, PH_RECENT_TURN, { "year", year });
}

/* Why the latest segment is compared as it is: a break, no earlier value, or
 * the plan's baseline being the latest value. */
static void add_comparison_note(jarva__report_buf *b, jarva__lang lang,
                                const jarva__report_item *it)
{
    char year[16], baseline_year[16];
    snprintf(year, sizeof year, "%d", it->break_year);
    snprintf(baseline_year, sizeof baseline_year, "%d", it->ind->baseline_year);
    if (it->base < 0 && it->latest_shown > 0 && it->break_year)
        PHRASE(b, lang, PH_BREAK, { "year", year });
    else if (it->base < 0 && it->status.baseline_source == JARVA_BASELINE_CATALOGUE &&
             it->status.baseline_year == it->series.years[it->latest_shown]) {
        /* The plan's baseline is the latest value (docs/status.md): an older
         * value is not the baseline, so nothing is compared with it. */
        snprintf(year, sizeof year, "%d", it->status.baseline_year);
        PHRASE(b, lang, PH_BASELINE_IS_LATEST, { "year", year });
    } else if (it->base < 0)
        say(b, lang, PH_NO_EARLIER);
    else if (it->ind->has_baseline && !it->base_is_baseline && it->break_year &&
             it->ind->baseline_year < it->break_year)
        PHRASE(b, lang, PH_BASELINE_BEFORE_BREAK, { "baseline_year", baseline_year },
               { "year", year });
}

char *jarva__report_sentence(jarva__lang lang, int year, const jarva__report_item *it)
{
    jarva__report_buf b = { 0 };
    char text[16];
    if (it->latest < 0) {
        snprintf(text, sizeof text, "%d", year);
        PHRASE(&b, lang, PH_NO_DATA, { "year", text });
        add_target(&b, lang, it);
        return jarva__report_buf_take(&b);
    }
    char rule[160];
    jarva__report_rule(lang, it->ind, rule, sizeof rule);
    /* Activities are not answers: their basis is too small, not their response. */
    const char *too_few = jarva__report_phrase_text(
        lang,
        it->ind->source_kind == JARVA_IMPORT_ACTIVITIES ? PH_TOO_SMALL_BASIS : PH_TOO_FEW_ANSWERS);
    if (it->latest_shown < 0) {
        char *years = years_text(lang, &it->series);
        if (!years)
            return NULL;
        PHRASE(&b, lang, PH_NONE_SHOWN, { "years", years }, { "too_few", too_few },
               { "rule", rule });
        free(years);
        add_target(&b, lang, it);
        return jarva__report_buf_take(&b);
    }
    char *subject = jarva__report_subject(lang, it->ind);
    if (!subject)
        return NULL;
    if (it->base >= 0)
        add_change(&b, lang, it, subject);
    else
        add_single(&b, lang, it, subject);
    free(subject);
    add_comparison_note(&b, lang, it);
    if (it->latest != it->latest_shown) {
        snprintf(text, sizeof text, "%d", it->series.years[it->latest]);
        PHRASE(&b, lang, PH_LATEST_WITHHELD, { "year", text }, { "too_few", too_few },
               { "rule", rule });
    }
    add_trend(&b, lang, it);
    add_target(&b, lang, it);
    return jarva__report_buf_take(&b);
}
