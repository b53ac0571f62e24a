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
#include <limits.h>
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
    const jarva_organisation *o =
        !strcmp(dimension, "organisation") ? jarva__report_organisation(r, value) : NULL;
    snprintf(buf, cap, "%s", o ? jarva__report_organisation_name(r, o) : value);
}

/* The dimension's rank in known[] and the group's code of a result whose
 * domain is "dimension=code"; -1 for the whole or a breakdown the report
 * does not know. */
static int dimension_of(const jarva_result *res, const char **code)
{
    for (size_t k = 0; res->domain && k < N_KNOWN; k++) {
        size_t len = strlen(known[k].id);
        if (!strncmp(res->domain, known[k].id, len) && res->domain[len] == '=') {
            *code = res->domain + len + 1;
            return (int)k;
        }
    }
    return -1;
}

/* The table's order: the breakdowns as known[] lists them; within one,
 * organisations in the catalogue's order (the signatories first; one it
 * lacks after them), every other as the results sort it (K before M, age
 * groups upwards). */
static int row_order(const void *pa, const void *pb)
{
    const jarva__breakdown_row *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->position != b->position)
        return a->position < b->position ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

int jarva__report_breakdown_load(const jarva__report *r, jarva__report_item *it)
{
    /* Of respondents only: the tables count "Antal svar", which an
     * activity log or a published table does not have. */
    if (it->latest_shown < 0 ||
        (it->ind->source_kind != JARVA_IMPORT_SURVEY && it->ind->source_kind != JARVA_IMPORT_STAFF))
        return JARVA_OK;
    it->breakdown_year = it->series.years[it->latest_shown];
    jarva_result_filter by = { it->ind->id, it->breakdown_year, it->area_id, 1 };
    int rc = jarva_result_list_open(&it->breakdowns, r->db, &by);
    size_t n = jarva_result_list_count(it->breakdowns);
    if (rc || !n)
        return rc;
    it->breakdown_rows = calloc(n, sizeof *it->breakdown_rows);
    if (!it->breakdown_rows)
        return jarva_error_set(r->db, JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        jarva__breakdown_row row = { jarva_result_list_get(it->breakdowns, i), NULL, 0, LONG_MAX,
                                     i };
        int rank = dimension_of(row.result, &row.code);
        if (rank < 0)
            continue;
        row.rank = rank;
        const jarva_organisation *o = !strcmp(known[rank].id, "organisation")
                                          ? jarva__report_organisation(r, row.code)
                                          : NULL;
        if (o)
            row.position = o->position;
        it->breakdown_rows[it->n_breakdown_rows++] = row;
    }
    qsort(it->breakdown_rows, it->n_breakdown_rows, sizeof *it->breakdown_rows, row_order);
    return JARVA_OK;
}

const char *jarva__report_breakdown_dimension(const jarva__breakdown_row *row)
{
    return known[row->rank].id;
}

bool jarva__report_breakdown_shown(const jarva__report_item *it, int rank)
{
    for (size_t i = 0; i < it->n_breakdown_rows; i++)
        if (it->breakdown_rows[i].rank == rank &&
            jarva__report_shown(&it->breakdown_rows[i].result->estimate))
            return true;
    return false;
}

/* "kön och åldersgrupp": the breakdowns with (shown) or without a group to
 * show, in the table's order; their number. */
static size_t dimension_words(const jarva__report *r, const jarva__report_item *it, bool shown,
                              char *buf, size_t cap)
{
    size_t n = 0, used = 0;
    int ranks[N_KNOWN];
    for (size_t i = 0; i < it->n_breakdown_rows; i++) {
        int rank = it->breakdown_rows[i].rank;
        if ((!n || ranks[n - 1] != rank) && jarva__report_breakdown_shown(it, rank) == shown)
            ranks[n++] = rank;
    }
    buf[0] = '\0';
    for (size_t k = 0; k < n && used < cap; k++) {
        int w = snprintf(buf + used, cap - used, "%s%s",
                         !k           ? ""
                         : k + 1 == n ? TR(r, " och ", " and ")
                                      : ", ",
                         dimension_text(r->lang, known[ranks[k]].id, true));
        used += w > 0 ? (size_t)w : 0;
    }
    return n;
}

bool jarva__report_breakdown_withheld(const jarva__report *r, const jarva__report_item *it,
                                      char *buf, size_t cap)
{
    char names[256];
    if (!dimension_words(r, it, false, names, sizeof names))
        return false;
    if (r->lang == JARVA__LANG_EN)
        snprintf(buf, cap,
                 "By %s, no value can be shown for %d: too few respondents in the groups.", names,
                 it->breakdown_year);
    else
        snprintf(buf, cap, "Efter %s kan inget värde redovisas för %d: för få svar i grupperna.",
                 names, it->breakdown_year);
    return true;
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

/* The PDF table: a group row per breakdown with a group to show, a row
 * per group with its value, interval and respondents; the breakdowns
 * without one are a sentence, not a table of dots. */
int jarva__report_breakdown(jarva__report *r, const jarva__report_item *it)
{
    char text[512], names[256];
    if (jarva__report_breakdown_withheld(r, it, text, sizeof text)) {
        jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
        jarva__pdf_paragraph(r->doc, &note, text, 6.0);
    }
    size_t n_dims = dimension_words(r, it, true, names, sizeof names);
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
    char caption[512];
    snprintf(caption, sizeof caption, "%s %d. %s %s, %s %d", TR(r, "Tabell", "Table"), ++r->table,
             TR(r, "Efter", "By"), names, it->area_name, it->breakdown_year);
    /* A table of a dozen rows on one page, not its last rows alone on the
     * next: the room it takes (caption, header, group and group rows,
     * note), roughly. */
    jarva__pdf_need(r->doc, 60.0 + 15.0 * (double)(n_dims + it->n_breakdown_rows));
    jarva__pdf_table_spec spec = {
        cols, 4, caption, jarva__report_breakdown_note(r->lang), true, 0
    };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    for (size_t i = 0; i < it->n_breakdown_rows; i++) {
        const jarva__breakdown_row *row = &it->breakdown_rows[i];
        if (!jarva__report_breakdown_shown(it, row->rank))
            continue;
        const char *dimension = jarva__report_breakdown_dimension(row);
        if (!i || it->breakdown_rows[i - 1].rank != row->rank)
            jarva__pdf_table_group(t, jarva__report_dimension_name(r->lang, dimension), 24);
        char label[256], v[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE], n[32];
        jarva__report_domain_label(r, dimension, row->code, label, sizeof label);
        const jarva_estimate *e = &row->result->estimate;
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
    return jarva__pdf_table_end(t);
}
