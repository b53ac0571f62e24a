/* report_quality.c: the quality declaration of the report's appendix («Om
 * statistiken»), one table per source in the spirit of SCB's
 * kvalitetsdeklaration: what the source is and who publishes it, whether its
 * data are real or simulated, population, sampling, fieldwork, response rate,
 * each question as asked with its answer scale and the codes counted, the
 * intervals as they were actually computed, the disclosure rule, series
 * breaks, and the primary source and the addresses the published figures
 * were taken from. Everything comes from the catalogue (sources.csv,
 * indicators.csv) and the database (batches, estimates, value labels). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

/* A formatted addition in the report's language, both formats literal so
 * that the compiler checks them. */
#define ADD_TR(r, b, sv, en, ...)                                                                  \
    ((r)->lang == JARVA__LANG_EN ? jarva__report_buf_add((b), en, __VA_ARGS__)                     \
                                 : jarva__report_buf_add((b), sv, __VA_ARGS__))

/* The language's text of a pair, the other when it is missing, or NULL. */
static const char *pick(const jarva__report *r, const char *sv, const char *en)
{
    const char *first = r->lang == JARVA__LANG_EN ? en : sv;
    const char *second = r->lang == JARVA__LANG_EN ? sv : en;
    return first && *first ? first : second && *second ? second : NULL;
}

/* Whether the report shows data of the source: an indicator of it has an
 * estimate up to the report's year. */
static bool source_used(const jarva__report *r, const char *source)
{
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].ind->source && !strcmp(r->items[i].ind->source, source) &&
            r->items[i].series.count > 0)
            return true;
    return false;
}

/* An interval method as the stored estimates name it, in words. */
static const char *method_words(const jarva__report *r, const char *method)
{
    static const struct {
        const char *id, *sv, *en;
    } words[] = {
        { "logit", "logit-intervall med designbaserat standardfel",
          "logit intervals with a design-based standard error" },
        { "beta", "Korn–Graubards intervall", "Korn–Graubard intervals" },
        { "mean", "symmetriska t-intervall", "symmetric t intervals" },
        { "wilson", "Wilsons intervall på publicerat antal svarande",
          "Wilson intervals on the published number of respondents" },
        { "clopper-pearson", "Clopper–Pearsons intervall", "Clopper–Pearson intervals" },
        { "t", "t-intervall för medelvärden", "t intervals for means" },
        { "garwood", "Garwoods intervall för antal", "Garwood intervals for counts" },
        { "exact", "inget intervall: totalräknade uppgifter", "no interval: complete counts" },
        { "none", "inget intervall: antalet svarande är inte publicerat",
          "no interval: the number of respondents is not published" },
    };
    for (size_t i = 0; method && i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(method, words[i].id))
            return TR(r, words[i].sv, words[i].en);
    return method ? method : "";
}

/* "logit-intervall …, 95 %" for every method the source's stored estimates
 * used, each once. */
static void methods_text(const jarva__report *r, const char *source, jarva__report_buf *b)
{
    const char *seen[16];
    size_t n = 0;
    double level = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        if (!it->ind->source || strcmp(it->ind->source, source))
            continue;
        for (size_t k = 0; k < jarva_result_list_count(it->results); k++) {
            const jarva_result *res = jarva_result_list_get(it->results, k);
            if (res->year > r->year || !res->method)
                continue;
            bool known = false;
            for (size_t s = 0; s < n; s++)
                known = known || !strcmp(seen[s], res->method);
            if (!known && n < sizeof seen / sizeof seen[0])
                seen[n++] = res->method;
            if (!level && res->level > 0 && res->level < 1 && strcmp(res->method, "exact") &&
                strcmp(res->method, "none"))
                level = res->level;
        }
    }
    for (size_t s = 0; s < n; s++)
        jarva__report_buf_add(b, "%s%s", s ? "; " : "", method_words(r, seen[s]));
    if (level) {
        char text[32];
        jarva__report_level_text(r->lang, level, text, sizeof text);
        ADD_TR(r, b, ". Konfidensnivå %s.", ". Confidence level %s.", text);
    } else if (n)
        jarva__report_buf_add(b, ".");
}

/* The answer scale: the value labels the imported file stored (issue 14),
 * "1 mycket trygg; 2 ganska trygg", else the catalogue's scale. */
static void scale_text(const jarva__report *r, const jarva_indicator *ind,
                       const jarva_code_label_list *labels, jarva__report_buf *b)
{
    size_t n = jarva_code_label_list_count(labels);
    for (size_t i = 0; i < n; i++) {
        const jarva_code_label *l = jarva_code_label_list_get(labels, i);
        jarva__report_buf_add(b, "%s%s %s", i ? "; " : "", l->code, l->label);
    }
    const char *scale = pick(r, ind->scale_sv, ind->scale_en);
    if (!n && scale)
        jarva__report_buf_add(b, "%s", scale);
}

/* "1, 2" as "1 eller 2" / "1 or 2", "1, 2, 3, 4" as "1–4" when the codes run
 * on without a gap. */
static void codes_text(const jarva__report *r, const char *codes, jarva__report_buf *b)
{
    int first = 0, last = 0, count = 0, run = 1;
    for (const char *p = codes; p && *p; count++) {
        char *end = NULL;
        long v = strtol(p, &end, 10);
        if (end == p)
            run = 0;
        if (count == 0)
            first = (int)v;
        else if (v != last + 1)
            run = 0;
        last = (int)v;
        p = end && *end == ',' ? end + 1 : NULL;
    }
    if (run && count > 2)
        jarva__report_buf_add(b, "%d\xE2\x80\x93%d", first, last);
    else if (run && count == 2)
        ADD_TR(r, b, "%d eller %d", "%d or %d", first, last);
    else
        jarva__report_buf_add(b, "%s", codes ? codes : "");
}

/* One line per indicator of the source: the question as asked, its answer
 * scale, and which answers count (what "svarade 1–2" means). */
static int questions_text(const jarva__report *r, const char *source, jarva__report_buf *b)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva_indicator *ind = r->items[i].ind;
        if (!ind->source || strcmp(ind->source, source))
            continue;
        if (k++)
            jarva__report_buf_add(b, "\n");
        const char *question = pick(r, ind->question_sv, ind->question_en);
        if (ind->source_kind == JARVA_IMPORT_TABLE) {
            ADD_TR(r, b, "%s: publicerat mått «%s».", "%s: published measure “%s”.",
                   jarva__report_ind_name(r->lang, ind), ind->variable ? ind->variable : "");
            continue;
        }
        if (ind->source_kind == JARVA_IMPORT_ACTIVITIES) {
            ADD_TR(r, b, "%s: aktiviteter av typen «%s».", "%s: activities of the type “%s”.",
                   jarva__report_ind_name(r->lang, ind), ind->event_type ? ind->event_type : "");
            continue;
        }
        if (question)
            ADD_TR(r, b, "«%s»", "“%s”", question);
        else
            jarva__report_buf_add(b, "%s.", jarva__report_ind_name(r->lang, ind));
        jarva_code_label_list *labels = NULL;
        int rc = jarva_code_labels_open(&labels, r->db, ind->id);
        if (rc) /* a database failure stops the report, never a shorter text */
            return jarva__pdf_fail(r->doc, rc, "%s", jarva_errmsg(r->db));
        jarva__report_buf scale = { 0 };
        scale_text(r, ind, labels, &scale);
        char *text = jarva__report_buf_take(&scale);
        if (!text) { /* out of memory: stop, never print a shorter declaration */
            jarva_code_label_list_free(labels);
            return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
        }
        if (*text)
            ADD_TR(r, b, " (%s)", " (%s)", text);
        free(text);
        if (ind->measure == JARVA_MEASURE_PROPORTION && ind->positive_codes) {
            jarva__report_buf_add(b, "%s", TR(r, " Andel som svarat ", " Share answering "));
            codes_text(r, ind->positive_codes, b);
            jarva__report_buf_add(b, "%s", TR(r, " av dem som svarat ", " of those answering "));
            codes_text(r, ind->valid_codes, b);
            jarva__report_buf_add(b, ".");
        } else if (ind->measure == JARVA_MEASURE_MEAN && ind->valid_codes) {
            jarva__report_buf_add(b, "%s",
                                  TR(r, " Medelvärde av svaren ", " Mean of the answers "));
            codes_text(r, ind->valid_codes, b);
            jarva__report_buf_add(b, ".");
        }
        if (jarva_code_label_list_count(labels))
            jarva__report_buf_add(b, "%s",
                                  TR(r, " Svarsetiketterna är den importerade filens.",
                                     " The answer labels are the imported file's."));
        jarva_code_label_list_free(labels);
    }
    return JARVA_OK;
}

/* The primary publication and the addresses the published figures of the
 * source were read from, with their years. */
static void sources_text(const jarva__report *r, const jarva_source_info *info,
                         jarva__report_buf *b)
{
    if (info && info->reference) {
        jarva__report_buf_add(b, "%s%s", info->publisher ? info->publisher : "",
                              info->publisher ? ": " : "");
        jarva__report_buf_add(b, "%s", info->reference);
        if (info->reference_year)
            jarva__report_buf_add(b, " (%d)", info->reference_year);
        if (info->url)
            jarva__report_buf_add(b, ", %s", info->url);
        jarva__report_buf_add(b, ".");
    }
    size_t k = 0;
    for (size_t i = 0; info && i < jarva_published_source_list_count(r->published); i++) {
        const jarva_published_source *p = jarva_published_source_list_get(r->published, i);
        if (strcmp(p->survey, info->id) || !*p->source)
            continue;
        if (!k++)
            jarva__report_buf_add(b, "%s%s", b->len ? "\n" : "",
                                  TR(r, "De publicerade siffrorna är hämtade från:",
                                     "The published figures were taken from:"));
        if (p->year_first == p->year_last)
            jarva__report_buf_add(b, "\n%d: %s", p->year_first, p->source);
        else
            jarva__report_buf_add(b, "\n%d–%d: %s", p->year_first, p->year_last, p->source);
    }
}

/* The disclosure rule and the series breaks of the source's indicators. */
static void rule_and_breaks(const jarva__report *r, const char *source, jarva__report_buf *rule,
                            jarva__report_buf *breaks)
{
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        if (!it->ind->source || strcmp(it->ind->source, source))
            continue;
        if (!rule->len && it->ind->source_kind != JARVA_IMPORT_ACTIVITIES) {
            char text[160];
            jarva__report_rule(r->lang, it->ind, text, sizeof text);
            ADD_TR(r, rule, "Värden redovisas inte vid %s.", "Values are not shown with %s.", text);
        }
        const jarva_series *s = jarva_series_data_series(it->data);
        for (size_t k = 0; s && k < s->break_count; k++)
            jarva__report_buf_add(breaks, "%s%s: %d", breaks->len ? "; " : "",
                                  jarva__report_ind_name(r->lang, it->ind), s->breaks[k]);
    }
    if (!rule->len)
        jarva__report_buf_add(rule, "%s",
                              TR(r, "Ingen: uppgifterna gäller aktiviteter, inte personer.",
                                 "None: the figures are about activities, not people."));
    if (!breaks->len)
        jarva__report_buf_add(breaks, "%s", TR(r, "Inga.", "None."));
}

/* One source's declaration as a two-column table. */
static int declare(jarva__report *r, const char *source, const jarva_source_info *info)
{
    jarva__report_buf questions = { 0 }, methods = { 0 }, primary = { 0 }, rule = { 0 },
                      breaks = { 0 };
    int rc = questions_text(r, source, &questions);
    methods_text(r, source, &methods);
    sources_text(r, info, &primary);
    rule_and_breaks(r, source, &rule, &breaks);
    char *texts[5] = { jarva__report_buf_take(&questions), jarva__report_buf_take(&methods),
                       jarva__report_buf_take(&primary), jarva__report_buf_take(&rule),
                       jarva__report_buf_take(&breaks) };
    for (int k = 0; k < 5 && !rc; k++)
        if (!texts[k])
            rc = jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    if (rc) {
        for (int k = 0; k < 5; k++)
            free(texts[k]);
        return rc ? rc : jarva__pdf_status(r->doc);
    }
    const char *missing = TR(r, "Uppgift saknas.", "Not available.");
    const char *no_source = info && info->simulated
                                ? TR(r, "Ingen: uppgifterna är simulerade exempeldata.",
                                     "None: the data are simulated example data.")
                                : missing;
    const char *rows[][2] = {
        { TR(r, "Utgivare", "Publisher"), info && info->publisher ? info->publisher : missing },
        { TR(r, "Uppgifterna", "The data"),
          info && info->simulated
              ? TR(r, "Simulerade exempeldata: påhittade svar, inte verkliga resultat.",
                   "Simulated example data: invented answers, not real results.")
              : TR(r, "Verkliga uppgifter.", "Real data.") },
        { "Population", info ? pick(r, info->population_sv, info->population_en) : NULL },
        { TR(r, "Urval", "Sampling"), info ? pick(r, info->sampling_sv, info->sampling_en) : NULL },
        { TR(r, "Insamling", "Fieldwork"),
          info ? pick(r, info->fieldwork_sv, info->fieldwork_en) : NULL },
        { TR(r, "Svarsfrekvens", "Response rate"),
          info ? pick(r, info->response_rate_sv, info->response_rate_en) : NULL },
        { TR(r, "Frågor och mått", "Questions and measures"), texts[0] },
        { TR(r, "Konfidensintervall", "Confidence intervals"), texts[1] },
        { TR(r, "Röjandekontroll", "Disclosure control"), texts[3] },
        { TR(r, "Seriebrott", "Series breaks"), texts[4] },
        { TR(r, "Källa", "Source"), *texts[2] ? texts[2] : no_source },
    };
    const jarva__pdf_column cols[] = {
        { TR(r, "Uppgift", "Item"), 1.5, JARVA__ALIGN_LEFT },
        { TR(r, "Beskrivning", "Description"), 6.5, JARVA__ALIGN_LEFT },
    };
    jarva__pdf_heading(r->doc, 2, jarva__report_source_name(r, source));
    jarva__pdf_table_spec spec = { cols, 2, NULL, NULL, false, 8.0 };
    jarva__pdf_table *t;
    rc = jarva__pdf_table_begin(r->doc, &spec, &t);
    for (size_t k = 0; !rc && k < sizeof rows / sizeof rows[0]; k++) {
        const char *const cells[2] = { rows[k][0],
                                       rows[k][1] && *rows[k][1] ? rows[k][1] : missing };
        jarva__pdf_table_row_text(t, cells);
    }
    if (!rc)
        rc = jarva__pdf_table_end(t);
    for (int k = 0; k < 5; k++)
        free(texts[k]);
    return rc ? rc : jarva__pdf_status(r->doc);
}

int jarva__report_quality(jarva__report *r)
{
    jarva__pdf_heading(r->doc, 2, TR(r, "Källorna", "The sources"));
    jarva__pdf_body(r->doc,
                    TR(r,
                       "För varje källa som rapporten bygger på: vad den är, hur uppgifterna "
                       "samlades in och hur de har bearbetats, i samma uppställning som SCB:s "
                       "kvalitetsdeklarationer.",
                       "For every source the report rests on: what it is, how the data were "
                       "collected and how they were processed, set out as in Statistics "
                       "Sweden's quality declarations."));
    int rc = jarva__pdf_status(r->doc);
    /* The catalogue's sources first, in its order, then any other source an
     * indicator names. */
    for (size_t i = 0; !rc && i < jarva_source_info_list_count(r->sources); i++) {
        const jarva_source_info *info = jarva_source_info_list_get(r->sources, i);
        if (source_used(r, info->id))
            rc = declare(r, info->id, info);
    }
    for (size_t i = 0; !rc && i < r->n_items; i++) {
        const char *source = r->items[i].ind->source;
        bool first = true;
        for (size_t k = 0; k < i && first; k++)
            first = strcmp(r->items[k].ind->source, source) != 0;
        if (first && !jarva_source_info_find(r->sources, source) && source_used(r, source))
            rc = declare(r, source, NULL);
    }
    return rc;
}
