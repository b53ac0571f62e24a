/* report_breakdown.c: an indicator's value by sex, age group, organisation
 * and role in its headline area and latest year, as `jarva results
 * --domains` stores them. Individual-based official statistics in Sweden
 * are to be broken down by sex unless there are special reasons (SFS
 * 2001:100, 14 §), and a gap between women and men or between
 * organisations is often what a steering group should act on; the overall
 * value hides it. The stored estimates already carry disclosure control
 * (docs/disclosure.md: a suppressed group takes a second one with it), so
 * this file only words and lays them out, and never shows a suppressed
 * value or its n. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

/* The breakdowns the catalogue knows, in the order the report shows them,
 * with their names as headings and inside a sentence ("efter kön och
 * åldersgrupp", "by sex and age group"). */
static const struct {
    const char *id, *sv, *en, *sv_word, *en_word;
} known[] = {
    { "sex", "Kön", "Sex", "kön", "sex" },
    { "age_group", "Åldersgrupp", "Age group", "åldersgrupp", "age group" },
    { "organisation", "Organisation", "Organisation", "organisation", "organisation" },
    { "role", "Roll", "Role", "roll", "role" },
};
#define N_KNOWN (sizeof known / sizeof known[0])

static const char *dimension_text(jarva__lang lang, const char *dimension, bool word)
{
    for (size_t k = 0; k < N_KNOWN; k++)
        if (!strcmp(dimension, known[k].id))
            return lang == JARVA__LANG_EN ? (word ? known[k].en_word : known[k].en)
                                          : (word ? known[k].sv_word : known[k].sv);
    return dimension;
}

const char *jarva__report_dimension_name(jarva__lang lang, const char *dimension)
{
    return dimension_text(lang, dimension, false);
}

/* "16-29" as "16–29 år": two numbers and a hyphen. */
static bool age_range(const char *value, char *buf, size_t cap, jarva__lang lang)
{
    int lo, hi, used = 0;
    if (sscanf(value, "%d-%d%n", &lo, &hi, &used) != 2 || value[used] != '\0')
        return false;
    snprintf(buf, cap, "%d\xE2\x80\x93%d %s", lo, hi, lang == JARVA__LANG_EN ? "years" : "år");
    return true;
}

void jarva__report_domain_label(const jarva__report *r, const char *dimension, const char *value,
                                char *buf, size_t cap)
{
    /* The shipped mappings' codes (docs/inputs.md); a code they do not
     * list is shown as stored. */
    static const struct {
        const char *dimension, *code, *sv, *en;
    } words[] = {
        { "sex", "K", "Kvinnor", "Women" },
        { "sex", "M", "Män", "Men" },
        { "role", "chef", "Chefer", "Managers" },
        { "role", "medarbetare", "Medarbetare", "Employees" },
        { "role", "utpekat ansvar", "Med utpekat ansvar", "With a designated responsibility" },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(dimension, words[i].dimension) && !strcmp(value, words[i].code)) {
            snprintf(buf, cap, "%s", TR(r, words[i].sv, words[i].en));
            return;
        }
    if (!strcmp(dimension, "age_group") && age_range(value, buf, cap, r->lang))
        return;
    if (!strcmp(dimension, "organisation"))
        for (size_t i = 0; i < jarva_organisation_list_count(r->organisations); i++) {
            const jarva_organisation *o = jarva_organisation_list_get(r->organisations, i);
            if (!strcmp(o->id, value)) {
                const char *name = r->lang == JARVA__LANG_EN && o->name_en && *o->name_en
                                       ? o->name_en
                                       : o->name_sv;
                snprintf(buf, cap, "%s", name ? name : value);
                return;
            }
        }
    snprintf(buf, cap, "%s", value);
}

/* Whether a result is of the dimension: its domain "dimension=value". */
static const char *value_of(const jarva_result *res, const char *dimension)
{
    size_t len = strlen(dimension);
    if (!res->domain || strncmp(res->domain, dimension, len) != 0 || res->domain[len] != '=')
        return NULL;
    return res->domain + len + 1;
}

/* Whether a dimension has a group in the results, and one shown. */
static void dimension_state(const jarva__report_item *it, const char *dimension, bool *present,
                            bool *shown)
{
    *present = *shown = false;
    for (size_t i = 0; i < jarva_result_list_count(it->breakdowns); i++) {
        const jarva_result *res = jarva_result_list_get(it->breakdowns, i);
        if (value_of(res, dimension)) {
            *present = true;
            *shown = *shown || jarva__report_shown(&res->estimate);
        }
    }
}

size_t jarva__report_breakdown_dimensions(const jarva__report_item *it, bool shown,
                                          const char **out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < N_KNOWN && n < max; k++) {
        bool present, any;
        dimension_state(it, known[k].id, &present, &any);
        if (present && any == shown)
            out[n++] = known[k].id;
    }
    return n;
}

/* "kön och åldersgrupp" */
static void dimension_words(const jarva__report *r, const char *const *dims, size_t n, char *buf,
                            size_t cap)
{
    buf[0] = '\0';
    for (size_t k = 0, used = 0; k < n && used < cap; k++) {
        int w = snprintf(buf + used, cap - used, "%s%s",
                         !k           ? ""
                         : k + 1 == n ? TR(r, " och ", " and ")
                                      : ", ",
                         dimension_text(r->lang, dims[k], true));
        used += w > 0 ? (size_t)w : 0;
    }
}

/* The catalogue position of an organisation id, or -1. */
static long org_position(const jarva__report *r, const char *id)
{
    for (size_t i = 0; i < jarva_organisation_list_count(r->organisations); i++)
        if (!strcmp(jarva_organisation_list_get(r->organisations, i)->id, id))
            return (long)i;
    return -1;
}

/* Whether result a comes before b in the table: organisations in the
 * catalogue's order (the signatories first), those it lacks after them;
 * every other breakdown as the results sort it (K before M, age groups
 * upwards). */
static bool before(const jarva__report *r, const char *dimension, const jarva_result *a, long ia,
                   const jarva_result *b, long ib)
{
    if (!strcmp(dimension, "organisation")) {
        long pa = org_position(r, value_of(a, dimension)),
             pb = org_position(r, value_of(b, dimension));
        if (pa != pb)
            return pa >= 0 && (pb < 0 || pa < pb);
    }
    return ia < ib;
}

const jarva_result *jarva__report_breakdown_get(const jarva__report *r,
                                                const jarva__report_item *it, const char *dimension,
                                                size_t i, const char **value)
{
    /* The result with exactly i of the dimension's results before it. */
    size_t n = jarva_result_list_count(it->breakdowns);
    for (size_t k = 0; k < n; k++) {
        const jarva_result *res = jarva_result_list_get(it->breakdowns, k);
        if (!value_of(res, dimension))
            continue;
        size_t ahead = 0;
        for (size_t j = 0; j < n; j++) {
            const jarva_result *other = jarva_result_list_get(it->breakdowns, j);
            ahead += j != k && value_of(other, dimension) &&
                     before(r, dimension, other, (long)j, res, (long)k);
        }
        if (ahead == i) {
            *value = value_of(res, dimension);
            return res;
        }
    }
    *value = NULL;
    return NULL;
}

const char *jarva__report_breakdown_note(jarva__lang lang)
{
    return jarva__report_tr(
        lang,
        ".. = redovisas inte: för få svar i gruppen, eller dolt så att en annan grupps dolda "
        "värde inte kan räknas fram ur helheten.",
        ".. = not shown: too few respondents in the group, or withheld so that another group's "
        "withheld value cannot be derived from the whole.");
}

/* The PDF table: a group row per dimension, a row per group with its
 * value, interval and respondents. */
int jarva__report_breakdown(jarva__report *r, const jarva__report_item *it)
{
    const char *dims[N_KNOWN], *hidden[N_KNOWN];
    size_t n_dims = jarva__report_breakdown_dimensions(it, true, dims, N_KNOWN);
    size_t n_hidden = jarva__report_breakdown_dimensions(it, false, hidden, N_KNOWN);
    char names[256];
    /* A breakdown without one value to show is a sentence, not a table of
     * dots. */
    if (n_hidden) {
        dimension_words(r, hidden, n_hidden, names, sizeof names);
        char text[512];
        if (r->lang == JARVA__LANG_EN)
            snprintf(text, sizeof text,
                     "By %s, no value can be shown for %d: too few respondents in the groups.",
                     names, it->breakdown_year);
        else
            snprintf(text, sizeof text,
                     "Efter %s kan inget värde redovisas för %d: för få svar i grupperna.", names,
                     it->breakdown_year);
        jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
        jarva__pdf_paragraph(r->doc, &note, text, 6.0);
    }
    if (!n_dims)
        return jarva__pdf_status(r->doc);
    char level[32], value_head[64], ci_head[64];
    jarva__report_level_text(r->lang, jarva__report_level(it), level, sizeof level);
    snprintf(value_head, sizeof value_head, "%s %d", TR(r, "Värde", "Value"), it->breakdown_year);
    snprintf(ci_head, sizeof ci_head, "%s %s", level, TR(r, "KI", "CI"));
    const jarva__pdf_column cols[] = {
        { TR(r, "Grupp", "Group"), 3.0, JARVA__ALIGN_LEFT },
        { value_head, 1.0, JARVA__ALIGN_RIGHT },
        { ci_head, 1.3, JARVA__ALIGN_RIGHT },
        { TR(r, "Antal svar", "Respondents"), 1.0, JARVA__ALIGN_RIGHT },
    };
    dimension_words(r, dims, n_dims, names, sizeof names);
    char caption[512], note[512];
    snprintf(caption, sizeof caption, "%s %d. %s %s, %s %d", TR(r, "Tabell", "Table"), ++r->table,
             TR(r, "Efter", "By"), names, it->area_name, it->breakdown_year);
    snprintf(note, sizeof note, "%s", jarva__report_breakdown_note(r->lang));
    /* A table of a dozen rows on one page, not its last rows alone on the
     * next: the room it takes (caption, header, rows, note), roughly. */
    size_t rows = n_dims;
    for (size_t k = 0; k < n_dims; k++) {
        const char *value;
        for (size_t i = 0; jarva__report_breakdown_get(r, it, dims[k], i, &value); i++)
            rows++;
    }
    jarva__pdf_need(r->doc, 60.0 + 15.0 * (double)rows);
    jarva__pdf_table_spec spec = { cols, 4, caption, note, true, 0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    for (size_t k = 0; k < n_dims; k++) {
        jarva__pdf_table_group(t, jarva__report_dimension_name(r->lang, dims[k]), 24);
        const char *value;
        const jarva_result *res;
        for (size_t i = 0; (res = jarva__report_breakdown_get(r, it, dims[k], i, &value)); i++) {
            char label[256], v[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE], n[32];
            jarva__report_domain_label(r, dims[k], value, label, sizeof label);
            const jarva_estimate *e = &res->estimate;
            if (jarva__report_shown(e)) {
                jarva__report_value(r->lang, it->ind, e->estimate, v, sizeof v);
                jarva__report_estimate_ci(r->lang, it->ind, e, ci, sizeof ci);
                snprintf(n, sizeof n, "%zu", e->n);
            } else {
                snprintf(v, sizeof v, "%s", jarva__fmt_suppressed());
                snprintf(ci, sizeof ci, "%s", jarva__fmt_suppressed());
                snprintf(n, sizeof n, "%s", jarva__fmt_suppressed());
            }
            const char *texts[] = { label, v, ci, n };
            jarva__pdf_table_row_text(t, texts);
        }
    }
    return jarva__pdf_table_end(t);
}
