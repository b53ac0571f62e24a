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

/* A list of the years of a series, "2021, 2023 och 2025". */
static void add_years(jarva__report_buf *b, jarva__lang lang, const jarva_series *s)
{
    for (size_t i = 0; i < s->count; i++) {
        const char *sep = i == 0              ? ""
                          : i + 1 == s->count ? jarva__report_tr(lang, " och ", " and ")
                                              : ", ";
        jarva__report_buf_add(b, "%s%d", sep, s->years[i]);
    }
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
    int year = it->series.years[it->latest_shown];
    char value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
    jarva__report_value(lang, it->ind, e->estimate, value, sizeof value);
    jarva__report_buf_add(b, lang == JARVA__LANG_SV ? "%s var %s år %d" : "%s was %s in %d",
                          subject, value, year);
    if (!(e->flags & JARVA_EST_NO_CI)) {
        char level[32];
        jarva__report_level_text(lang, jarva__report_level(it), level, sizeof level);
        jarva__report_interval(lang, it->ind, e->ci_low, e->ci_high, ci, sizeof ci);
        jarva__report_buf_add(b,
                              lang == JARVA__LANG_SV ? " (%s\xC2\xA0"
                                                       "KI %s)."
                                                     : " (%s\xC2\xA0"
                                                       "CI %s).",
                              level, ci);
    } else if (lacks_n(e)) {
        jarva__report_buf_add(b, "%s",
                              jarva__report_tr(lang,
                                               ". Osäkerheten kan inte anges eftersom antalet "
                                               "svarande inte har publicerats.",
                                               ". Its uncertainty cannot be given because the "
                                               "number of respondents was not published."));
    } else {
        jarva__report_buf_add(b, ".");
    }
}

/* Why a change could not be tested. */
static const char *untested_reason(jarva__lang lang, const jarva_estimate *from,
                                   const jarva_estimate *to)
{
    if (lacks_n(from) || lacks_n(to))
        return jarva__report_tr(lang,
                                " Förändringen kan inte prövas statistiskt eftersom antalet "
                                "svarande inte har publicerats.",
                                " The change cannot be tested statistically because the number "
                                "of respondents was not published.");
    if ((from->flags & JARVA_EST_NO_CI) && (to->flags & JARVA_EST_NO_CI))
        return jarva__report_tr(lang,
                                " Uppgifterna är totalräknade och har ingen urvalsosäkerhet, så "
                                "förändringen prövas inte statistiskt.",
                                " The figures are complete counts without sampling error, so the "
                                "change is not tested statistically.");
    return jarva__report_tr(lang,
                            " Förändringen kan inte prövas statistiskt eftersom osäkerheten inte "
                            "är känd.",
                            " The change cannot be tested statistically because its uncertainty "
                            "is not known.");
}

/* The words for "as many as" by what the indicator measures: counts are
 * "lika många", a share "lika stor", a mean "lika högt". */
static const char *same_as(jarva__lang lang, const jarva_indicator *ind)
{
    if (lang == JARVA__LANG_EN)
        return "the same as in";
    if (ind->measure == JARVA_MEASURE_COUNT)
        return "lika många som år";
    if (ind->percent || ind->measure == JARVA_MEASURE_PROPORTION)
        return "lika stor som år";
    return "lika högt som år";
}

/* "... ökade från 50 % (2019, planens utgångsvärde) till 63 % (2025).
 * Ökningen, 12 procentenheter (95 % KI 9–16), är statistiskt säkerställd."
 * The baseline is the status's (one rule, docs/status.md), with its year and
 * where it comes from; the word "säkerställd" is the family's. */
static void add_change(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it,
                       const char *subject)
{
    bool sv = lang == JARVA__LANG_SV;
    const jarva_series *s = &it->series;
    const jarva_estimate *from = &s->estimates[it->base], *to = &s->estimates[it->latest_shown];
    int y0 = s->years[it->base], y1 = s->years[it->latest_shown];
    double base_value = isfinite(it->base_value) ? it->base_value : from->estimate;
    const char *source = jarva__report_baseline_source(lang, it);
    char v0[JARVA__FMT_SIZE], v1[JARVA__FMT_SIZE];
    jarva__report_value(lang, it->ind, base_value, v0, sizeof v0);
    jarva__report_value(lang, it->ind, to->estimate, v1, sizeof v1);
    double diff = to->estimate - base_value;
    if (!strcmp(v0, v1))
        jarva__report_buf_add(b,
                              sv ? "%s var %s år %d, %s %d (%s)." : "%s was %s in %d, %s %d (%s).",
                              subject, v1, y1, same_as(lang, it->ind), y0, source);
    else
        jarva__report_buf_add(
            b, sv ? "%s %s från %s (%d, %s) till %s (%d)." : "%s %s from %s (%d, %s) to %s (%d).",
            subject, diff > 0 ? (sv ? "ökade" : "rose") : (sv ? "minskade" : "fell"), v0, y0,
            source, v1, y1);
    if (!it->has_change || (it->change.flags & JARVA_CHANGE_NO_TEST)) {
        jarva__report_buf_add(b, "%s", untested_reason(lang, from, to));
        return;
    }
    /* The size of the change and its interval, the interval flipped with the
     * sign for a decrease so that both speak of the same quantity, at the
     * decimals that keep an interval excluding 0 printed excluding 0. */
    int decimals = jarva__report_change_decimals(it->ind, &it->change);
    char size[JARVA__FMT_SIZE], nothing[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
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
    const char *noun = zero ? (sv ? "Skillnaden" : "The difference")
                       : up ? (sv ? "Ökningen" : "The increase")
                            : (sv ? "Minskningen" : "The decrease");
    bool significant = it->change.significant;
    char level[32];
    jarva__report_level_text(lang, jarva__report_level(it), level, sizeof level);
    if (sv)
        jarva__report_buf_add(b,
                              " %s, %s (%s\xC2\xA0"
                              "KI %s), är %sstatistiskt säkerställd",
                              noun, size, level, ci, significant ? "" : "inte ");
    else
        jarva__report_buf_add(b,
                              " %s, %s (%s\xC2\xA0"
                              "CI %s), is %sstatistically significant",
                              noun, size, level, ci, significant ? "" : "not ");
    /* The interval alone excludes 0, the family's adjusted test does not:
     * say so, or the reader sees a contradiction. */
    if (!significant && excludes_zero && isfinite(it->change_p_adjusted)) {
        char p[JARVA__FMT_SIZE];
        if (jarva__fmt_number(p, sizeof p, it->change_p_adjusted, 2, lang) < 0)
            snprintf(p, sizeof p, "%s", jarva__fmt_suppressed());
        jarva__report_buf_add(b,
                              sv ? " när hänsyn tas till rapportens många jämförelser "
                                   "(justerat p = %s)"
                                 : " once the report's many comparisons are taken into account "
                                   "(adjusted p = %s)",
                              p);
    }
    jarva__report_buf_add(b, ".");
}

/* "Trenden 2019–2025 är ökande, i genomsnitt 1,2 procentenheter per år." */
static void add_trend(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it)
{
    if (!it->has_trend)
        return;
    const jarva_trend *t = &it->trend;
    bool sv = lang == JARVA__LANG_SV;
    if (!t->significant) {
        jarva__report_buf_add(b,
                              sv ? " Över %d–%d (%zu mätningar) syns ingen statistiskt "
                                   "säkerställd trend."
                                 : " Over %d–%d (%zu points) there is no statistically "
                                   "significant trend.",
                              t->first_year, t->last_year, t->n_points);
        return;
    }
    char slope[JARVA__FMT_SIZE];
    /* A slope reads with one more decimal than the values: 1,2 pp per year. */
    jarva__unit unit = it->ind->percent ? JARVA__UNIT_PP : JARVA__UNIT_NONE;
    if (jarva__fmt_value(slope, sizeof slope, fabs(t->slope), jarva__report_decimals(it->ind) + 1,
                         unit, 0, lang) < 0)
        return;
    jarva__report_buf_add(
        b,
        sv ? " Trenden %d–%d är %s, i genomsnitt %s per år (statistiskt "
             "säkerställd)."
           : " The trend over %d–%d is %s, on average %s a year (statistically "
             "significant).",
        t->first_year, t->last_year,
        t->slope > 0 ? (sv ? "ökande" : "rising") : (sv ? "minskande" : "falling"), slope);
}

static void add_target(jarva__report_buf *b, jarva__lang lang, const jarva__report_item *it)
{
    if (!it->has_target || !it->ind->has_target) {
        jarva__report_buf_add(b, "%s",
                              jarva__report_tr(lang, " Indikatorn har inget målvärde.",
                                               " The indicator has no target."));
        return;
    }
    char target[JARVA__FMT_SIZE];
    jarva__report_value(lang, it->ind, it->ind->target_value, target, sizeof target);
    /* A proposal is said to be one (issue 12: «förslag till målvärde»). */
    bool decided = it->ind->target_kind == JARVA_TARGET_DECIDED;
    if (lang == JARVA__LANG_SV)
        jarva__report_buf_add(b, " %s är %s år %d. Status: %s.",
                              decided ? "Det beslutade målvärdet" : "Förslaget till målvärde",
                              target, it->ind->target_year,
                              jarva__report_status_word(lang, it->status.state));
    else
        jarva__report_buf_add(b, " The %s target is %s by %d. Status: %s.",
                              decided ? "decided" : "proposed", target, it->ind->target_year,
                              jarva__report_status_word(lang, it->status.state));
}

char *jarva__report_sentence(jarva__lang lang, int year, const jarva__report_item *it)
{
    bool sv = lang == JARVA__LANG_SV;
    jarva__report_buf b = { 0 };
    if (it->latest < 0) {
        jarva__report_buf_add(&b,
                              sv ? "Det finns inga data för indikatorn till och med %d."
                                 : "There are no data for this indicator up to %d.",
                              year);
        add_target(&b, lang, it);
        return jarva__report_buf_take(&b);
    }
    char rule[160];
    jarva__report_rule(lang, it->ind, rule, sizeof rule);
    /* Activities are not answers: their basis is too small, not their response. */
    bool activity = it->ind->source_kind == JARVA_IMPORT_ACTIVITIES;
    const char *too_few = activity ? (sv ? "underlaget är för litet" : "the basis is too small")
                                   : (sv ? "för få svarade" : "too few responded");
    if (it->latest_shown < 0) {
        jarva__report_buf_add(&b, "%s",
                              sv ? "Inget värde kan redovisas för "
                                 : "No value can "
                                   "be shown for ");
        add_years(&b, lang, &it->series);
        jarva__report_buf_add(&b, sv ? " eftersom %s (%s)." : " because %s (%s).", too_few, rule);
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
    if (it->base < 0 && it->latest_shown > 0 && it->break_year)
        jarva__report_buf_add(&b,
                              sv ? " Tidigare värden jämförs inte eftersom serien bröts %d."
                                 : " Earlier values are not compared because the series "
                                   "broke in %d.",
                              it->break_year);
    else if (it->base < 0 && it->status.baseline_source == JARVA_BASELINE_CATALOGUE &&
             it->status.baseline_year == it->series.years[it->latest_shown])
        /* The plan's baseline is the latest value (docs/status.md): an older
         * value is not the baseline, so nothing is compared with it. */
        jarva__report_buf_add(&b,
                              sv ? " Planens utgångsvärde gäller %d, samma år som det senaste "
                                   "värdet, så ingen förändring sedan utgångsvärdet kan redovisas "
                                   "ännu."
                                 : " The plan's baseline is for %d, the year of the latest value, "
                                   "so no change since the baseline can be shown yet.",
                              it->status.baseline_year);
    else if (it->base < 0)
        jarva__report_buf_add(&b, "%s",
                              sv ? " Det finns ingen tidigare jämförbar mätning."
                                 : " There is no earlier comparable measurement.");
    else if (it->ind->has_baseline && !it->base_is_baseline && it->break_year &&
             it->ind->baseline_year < it->break_year)
        jarva__report_buf_add(&b,
                              sv ? " Jämförelsen görs inte med utgångsåret %d eftersom serien "
                                   "bröts %d."
                                 : " The comparison does not start from the baseline year %d "
                                   "because the series broke in %d.",
                              it->ind->baseline_year, it->break_year);
    if (it->latest != it->latest_shown)
        jarva__report_buf_add(&b,
                              sv ? " Värdet för %d redovisas inte eftersom %s (%s)."
                                 : " The value for %d is not shown because %s (%s).",
                              it->series.years[it->latest], too_few, rule);
    add_trend(&b, lang, it);
    add_target(&b, lang, it);
    return jarva__report_buf_take(&b);
}
