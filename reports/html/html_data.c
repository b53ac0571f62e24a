/* html_data.c: the open data of the web edition, in DIR/data/: every
 * estimate up to the report's year (breakdowns included; a suppressed one as
 * suppressed, never its value or n) as CSV (UTF-8, ',' and '.'), as CSV for
 * Swedish Excel (BOM, ';', decimal comma, CRLF), as JSON, and the data
 * dictionary that describes their columns; and data.html, which lists them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* The columns, in file order, with what the dictionary says of each. One
 * table feeds the files' headers, dataordlista.csv and data.html. */
static const struct column {
    const char *name, *type, *sv, *en;
} columns[] = {
    { "indikator", "text", "Indikatorns id i planens katalog",
      "The indicator's id in the plan's catalogue" },
    { "indikator_namn", "text", "Indikatorns namn", "The indicator's name" },
    { "mal", "text", "Id för målet som indikatorn följer upp",
      "The id of the goal the indicator follows up" },
    { "ar", "heltal", "Året som värdet gäller", "The year the value is for" },
    { "omrade_id", "text", "Områdets id", "The area's id" },
    { "omrade", "text", "Områdets namn", "The area's name" },
    { "grupp", "text", "Redovisningsgrupp, t.ex. sex=K; tomt för hela området",
      "Breakdown, e.g. sex=K; empty for the whole area" },
    { "enhet", "text", "andel (0–1), medelvarde eller antal",
      "andel (a share, 0–1), medelvarde (a mean) or antal (a count)" },
    { "varde", "decimaltal", "Skattningen; tom om den inte redovisas",
      "The estimate; empty if it is not shown" },
    { "ki_lagre", "decimaltal", "Nedre gräns för konfidensintervallet; tom om det saknas",
      "Lower limit of the confidence interval; empty if there is none" },
    { "ki_ovre", "decimaltal", "Övre gräns för konfidensintervallet; tom om det saknas",
      "Upper limit of the confidence interval; empty if there is none" },
    { "konfidensniva", "decimaltal", "Konfidensintervallets nivå (0,95)",
      "The confidence interval's level (0.95)" },
    { "antal_svar", "heltal",
      "Antal svar som värdet bygger på; tomt om det inte redovisas eller saknas",
      "Answers the value is based on; empty if withheld or unknown" },
    { "metod", "text", "Hur intervallet är beräknat (logit, wilson, garwood, t …)",
      "How the interval is computed (logit, wilson, garwood, t …)" },
    { "redovisas", "ja/nej", "nej: för få svar, värdet och antalet svar redovisas inte",
      "nej (no): too few answers, the value and n are withheld" },
    { "kalla", "text", "Källan: enkät, tabell eller logg", "The source: survey, table or log" },
};
#define NCOL (sizeof columns / sizeof columns[0])

/* A text cell, quoted as RFC 4180 needs and with a leading apostrophe if a
 * spreadsheet would run it as a formula: jarva/output.h has the rule. */
static void csv_text(FILE *f, const char *text, bool excel)
{
    jarva_csv_write_cell(f, text ? text : "", excel ? ';' : ',', 0);
}

/* A number with '.' (or ',' for Swedish Excel) whatever LC_NUMERIC says;
 * empty if not finite. */
static void csv_number(FILE *f, double v, bool excel)
{
    if (!isfinite(v))
        return;
    char num[64];
    snprintf(num, sizeof num, "%.10g", v);
    for (char *p = num; *p; p++)
        if (*p == ',' || *p == '.')
            *p = excel ? ',' : '.';
    fputs(num, f);
}

static void json_string(jarva__html_buf *b, const char *text)
{
    html_add(b, "\"");
    for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            html_add(b, "\\%c", *p);
        else if (*p < 0x20)
            html_add(b, "\\u%04x", *p);
        else
            html_add(b, "%c", *p);
    }
    html_add(b, "\"");
}

static void json_number(jarva__html_buf *b, double v)
{
    if (!isfinite(v)) {
        html_add(b, "null");
        return;
    }
    char num[64];
    snprintf(num, sizeof num, "%.10g", v);
    for (char *p = num; *p; p++)
        if (*p == ',')
            *p = '.';
    html_add(b, "%s", num);
}

static const char *unit_word(const jarva_indicator *ind)
{
    if (ind->percent)
        return "andel";
    return ind->measure == JARVA_MEASURE_MEAN ? "medelvarde" : "antal";
}

/* The fields of one estimate as text, for all three files. */
typedef struct row {
    const jarva_result *res;
    const jarva__report_item *it;
    bool shown;
    bool has_ci;
} row;

/* The number of answers of a survey value that is shown; a count's n is
 * not a number of answers. */
static bool has_n(const row *w)
{
    const jarva_estimate *e = &w->res->estimate;
    return w->shown && w->it->ind->measure != JARVA_MEASURE_COUNT && !(e->flags & JARVA_EST_NO_N) &&
           e->n > 0;
}

static void csv_row(const jarva__html *h, FILE *f, const row *w, bool excel)
{
    const jarva__report *r = &h->r;
    const char sep = excel ? ';' : ',';
    const jarva_estimate *e = &w->res->estimate;
    csv_text(f, w->res->indicator_id, excel);
    fputc(sep, f);
    csv_text(f, jarva__report_ind_name(r->lang, w->it->ind), excel);
    fputc(sep, f);
    csv_text(f, w->it->ind->goal_id, excel);
    fprintf(f, "%c%d%c", sep, w->res->year, sep);
    csv_text(f, w->res->area_id, excel);
    fputc(sep, f);
    csv_text(f, w->res->area_name, excel);
    fputc(sep, f);
    csv_text(f, w->res->domain, excel);
    fputc(sep, f);
    csv_text(f, unit_word(w->it->ind), excel);
    fputc(sep, f);
    if (w->shown)
        csv_number(f, e->estimate, excel);
    fputc(sep, f);
    if (w->has_ci)
        csv_number(f, e->ci_low, excel);
    fputc(sep, f);
    if (w->has_ci)
        csv_number(f, e->ci_high, excel);
    fputc(sep, f);
    if (w->has_ci)
        csv_number(f, w->res->level, excel);
    fputc(sep, f);
    if (has_n(w))
        fprintf(f, "%zu", e->n);
    fputc(sep, f);
    csv_text(f, w->res->method, excel);
    fprintf(f, "%c%s%c", sep, w->shown ? "ja" : "nej", sep);
    csv_text(f, jarva__report_source_name(r, w->it->ind->source), excel);
    fputs(excel ? "\r\n" : "\n", f);
}

static void json_row(const jarva__html *h, jarva__html_buf *b, const row *w, bool first)
{
    const jarva__report *r = &h->r;
    const jarva_estimate *e = &w->res->estimate;
    html_add(b, "%s\n    {\"indikator\": ", first ? "" : ",");
    json_string(b, w->res->indicator_id);
    html_add(b, ", \"indikator_namn\": ");
    json_string(b, jarva__report_ind_name(r->lang, w->it->ind));
    html_add(b, ", \"mal\": ");
    json_string(b, w->it->ind->goal_id);
    html_add(b, ", \"ar\": %d, \"omrade_id\": ", w->res->year);
    json_string(b, w->res->area_id);
    html_add(b, ", \"omrade\": ");
    json_string(b, w->res->area_name);
    html_add(b, ", \"grupp\": ");
    json_string(b, w->res->domain);
    html_add(b, ", \"enhet\": ");
    json_string(b, unit_word(w->it->ind));
    html_add(b, ", \"varde\": ");
    json_number(b, w->shown ? e->estimate : NAN);
    html_add(b, ", \"ki_lagre\": ");
    json_number(b, w->has_ci ? e->ci_low : NAN);
    html_add(b, ", \"ki_ovre\": ");
    json_number(b, w->has_ci ? e->ci_high : NAN);
    html_add(b, ", \"konfidensniva\": ");
    json_number(b, w->has_ci ? w->res->level : NAN);
    if (has_n(w))
        html_add(b, ", \"antal_svar\": %zu", e->n);
    else
        html_add(b, ", \"antal_svar\": null");
    html_add(b, ", \"metod\": ");
    json_string(b, w->res->method);
    html_add(b, ", \"redovisas\": %s, \"kalla\": ", w->shown ? "true" : "false");
    json_string(b, jarva__report_source_name(r, w->it->ind->source));
    html_add(b, "}");
}

static const jarva__report_item *item_of(const jarva__report *r, const char *id)
{
    for (size_t i = 0; i < r->n_items; i++)
        if (!strcmp(r->items[i].ind->id, id))
            return &r->items[i];
    return NULL;
}

static void header(FILE *f, bool excel)
{
    if (excel)
        fputs("\xEF\xBB\xBF", f);
    for (size_t c = 0; c < NCOL; c++)
        fprintf(f, "%s%s", c ? (excel ? ";" : ",") : "", columns[c].name);
    fputs(excel ? "\r\n" : "\n", f);
}

/* A CSV file built in memory (open_memstream) and saved whole. */
typedef struct memfile {
    FILE *f;
    char *data;
    size_t size;
} memfile;

static int mem_open(jarva__html *h, memfile *m)
{
    m->data = NULL;
    m->size = 0;
    m->f = open_memstream(&m->data, &m->size);
    return m->f ? JARVA_OK : jarva_error_set(h->r.db, JARVA_ENOMEM, "out of memory");
}

/* Closes m and saves its bytes at name, unless rc already failed. */
static int mem_save(jarva__html *h, memfile *m, const char *name, int rc)
{
    if (m->f && fclose(m->f) != 0 && !rc)
        rc = jarva_error_set(h->r.db, JARVA_ENOMEM, "out of memory");
    m->f = NULL;
    if (!rc)
        rc = jarva__html_save_bytes(h, name, m->data, m->size);
    free(m->data);
    m->data = NULL;
    return rc;
}

static int dictionary(jarva__html *h)
{
    memfile m;
    int rc = mem_open(h, &m);
    if (rc)
        return rc;
    fputs("kolumn,typ,beskrivning\n", m.f);
    for (size_t c = 0; c < NCOL; c++) {
        fprintf(m.f, "%s,%s,", columns[c].name, columns[c].type);
        csv_text(m.f, jarva__report_tr(h->r.lang, columns[c].sv, columns[c].en), false);
        fputc('\n', m.f);
    }
    return mem_save(h, &m, "data/dataordlista.csv", rc);
}

static int files(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva_result_filter filter = { NULL, 0, NULL, 1 };
    jarva_result_list *list = NULL;
    int rc = jarva_result_list_open(&list, r->db, &filter);
    if (rc)
        return rc;
    memfile csv = { 0 }, excel = { 0 };
    jarva__html_buf json = { 0 };
    if ((rc = mem_open(h, &csv)) != JARVA_OK || (rc = mem_open(h, &excel)) != JARVA_OK) {
        mem_save(h, &csv, NULL, rc);
        jarva_result_list_free(list);
        return rc;
    }
    header(csv.f, false);
    header(excel.f, true);
    html_add(&json, "{\n  \"titel\": ");
    char title[128];
    snprintf(title, sizeof title, "%s %d", TR(r, "Effektrapport", "Effect report"), r->year);
    json_string(&json, title);
    html_add(&json, ",\n  \"rapportar\": %d,\n  \"planversion\": %d,\n  \"anmarkning\": ", r->year,
             r->plan.year);
    if (r->notice)
        json_string(&json, r->notice);
    else
        html_add(&json, "null");
    html_add(&json, ",\n  \"skattningar\": [");
    bool first = true;
    for (size_t i = 0; i < jarva_result_list_count(list); i++) {
        const jarva_result *res = jarva_result_list_get(list, i);
        row w = { res, item_of(r, res->indicator_id), false, false };
        if (!w.it || res->year > r->year)
            continue;
        w.shown = jarva__report_shown(&res->estimate);
        w.has_ci = w.shown && !(res->estimate.flags & (JARVA_EST_NO_CI | JARVA_EST_NO_N)) &&
                   isfinite(res->estimate.ci_low) && isfinite(res->estimate.ci_high);
        csv_row(h, csv.f, &w, false);
        csv_row(h, excel.f, &w, true);
        json_row(h, &json, &w, first);
        first = false;
    }
    html_add(&json, "\n  ]\n}\n");
    jarva_result_list_free(list);
    rc = mem_save(h, &csv, "data/skattningar.csv", rc);
    rc = mem_save(h, &excel, "data/skattningar-excel.csv", rc);
    if (!rc)
        rc = jarva__html_save(h, &json, "data/skattningar.json");
    free(json.text);
    return rc;
}

static int page(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "data.html", TR(r, "Öppna data", "Open data"));
    html_add(&b, "<p>%s</p>\n",
             TR(r,
                "Alla skattningar i rapporten, med redovisningsgrupper, går att ladda ner. Ett "
                "värde som bygger på för få svar finns med som en rad där värdet och antalet "
                "svar är tomma och kolumnen redovisas är nej.",
                "Every estimate of the report, breakdowns included, can be downloaded. A value "
                "based on too few answers is a row whose value and number of answers are empty "
                "and whose column redovisas is nej (no)."));
    html_add(&b, "<ul>\n<li><a href=\"data/skattningar.csv\">skattningar.csv</a>: %s</li>\n",
             TR(r, "CSV, UTF-8, kommatecken mellan fälten och punkt som decimaltecken",
                "CSV, UTF-8, commas between fields and a point as decimal mark"));
    html_add(&b, "<li><a href=\"data/skattningar-excel.csv\">skattningar-excel.csv</a>: %s</li>\n",
             TR(r, "för svenska Excel: semikolon, decimalkomma",
                "for Swedish Excel: semicolons, decimal commas"));
    html_add(&b, "<li><a href=\"data/skattningar.json\">skattningar.json</a>: JSON</li>\n");
    html_add(&b, "<li><a href=\"data/dataordlista.csv\">dataordlista.csv</a>: %s</li>\n</ul>\n",
             TR(r, "vad varje kolumn betyder", "what each column means"));
    html_add(&b,
             "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-dict\" "
             "tabindex=\"0\">\n<table>\n<caption id=\"cap-dict\">%s</caption>\n"
             "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
             TR(r, "Dataordlista", "Data dictionary"), TR(r, "Kolumn", "Column"),
             TR(r, "Typ", "Type"), TR(r, "Beskrivning", "Description"));
    for (size_t c = 0; c < NCOL; c++) {
        html_add(&b, "<tr><th scope=\"row\"><code>%s</code></th><td>%s</td><td>", columns[c].name,
                 columns[c].type);
        jarva__html_text(&b, jarva__report_tr(r->lang, columns[c].sv, columns[c].en));
        html_add(&b, "</td></tr>\n");
    }
    html_add(&b, "</tbody>\n</table>\n</div>\n<p>%s</p>\n",
             TR(r,
                "Andelar står på skalan 0–1 (0,63 är 63 procent). Intervallen är 95\xC2\xA0% "
                "konfidensintervall; hur de beräknas står under Metod och kvalitet.",
                "Shares are on the 0–1 scale (0.63 is 63 percent). The intervals are 95% "
                "confidence intervals; how they are computed is under Method and quality."));
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "data.html");
}

int jarva__html_data(jarva__html *h)
{
    int rc = files(h);
    if (!rc)
        rc = dictionary(h);
    if (!rc)
        rc = page(h);
    return rc;
}
