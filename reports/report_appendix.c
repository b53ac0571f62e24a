/* report_appendix.c: the back of the effect report: the activity
 * indicators as counts and shares per year, the method appendix (design,
 * intervals, tests, trend and status, disclosure control, series breaks) and
 * the provenance of the data (every import batch with its file, SHA-256,
 * rows and date). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_table.h"
#include "pdf_text.h"
#include "report_internal.h"

#define ACTIVITY_YEARS 5 /* the last years shown in the activity table */
/* and at most this many columns with the years the text compares with */
#define ACTIVITY_COLUMNS 8

static bool is_activity(const jarva__report_item *it)
{
    return it->ind->source_kind == JARVA_IMPORT_ACTIVITIES;
}

static bool has_year(const int *years, size_t n, int year)
{
    for (size_t i = 0; i < n; i++)
        if (years[i] == year)
            return true;
    return false;
}

/* The last ACTIVITY_YEARS years up to the report's with an activity
 * estimate, and the base years the sentences compare the latest value with
 * ("ökade från 68 % (2019)"), so that the table holds both (issue 12);
 * ascending. */
static bool activity_in(const jarva__report *r, int y)
{
    for (size_t i = 0; i < r->n_items; i++)
        for (size_t k = 0; is_activity(&r->items[i]) && k < r->items[i].series.count; k++)
            if (r->items[i].series.years[k] == y)
                return true;
    return false;
}

static size_t activity_years(const jarva__report *r, int *years)
{
    size_t n = 0;
    int earliest = r->year;
    for (int y = r->year; y > 0 && n < ACTIVITY_YEARS && y > r->year - 100; y--)
        if (activity_in(r, y))
            years[n++] = earliest = y;
    for (size_t i = 0; i < r->n_items && n < ACTIVITY_COLUMNS; i++) {
        const jarva__report_item *it = &r->items[i];
        if (is_activity(it) && it->base >= 0 && (size_t)it->base < it->series.count &&
            !has_year(years, n, it->series.years[it->base])) {
            years[n++] = it->series.years[it->base];
            earliest = years[n - 1] < earliest ? years[n - 1] : earliest;
        }
    }
    /* The years between, while there is room: no column missing in the run. */
    for (int y = r->year; y > earliest && n < ACTIVITY_COLUMNS; y--)
        if (!has_year(years, n, y) && activity_in(r, y))
            years[n++] = y;
    for (size_t i = 1; i < n; i++) /* insertion sort: a handful of years */
        for (size_t k = i; k > 0 && years[k - 1] > years[k]; k--) {
            int t = years[k];
            years[k] = years[k - 1];
            years[k - 1] = t;
        }
    return n;
}

/* A count ("12"), a share with what it is of ("83 %\n5 av 6"), "–" when
 * withheld, ".." when the log has no such year. */
static void activity_cell(const jarva__report *r, const jarva__report_item *it, int year, char *buf,
                          size_t cap)
{
    const jarva_series *s = &it->series;
    for (size_t k = 0; k < s->count; k++) {
        if (s->years[k] != year)
            continue;
        const jarva_estimate *e = &s->estimates[k];
        if (!jarva__report_shown(e)) {
            snprintf(buf, cap, "%s", jarva__fmt_suppressed());
            return;
        }
        char value[JARVA__FMT_SIZE];
        jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
        if (it->ind->percent && e->n > 0)
            snprintf(buf, cap, "%s\n%lld %s %zu", value, llround(e->estimate * (double)e->n),
                     TR(r, "av", "of"), e->n);
        else
            snprintf(buf, cap, "%s", value);
        return;
    }
    snprintf(buf, cap, "%s", "..");
}

int jarva__report_activity(jarva__report *r)
{
    size_t n_activity = 0;
    for (size_t i = 0; i < r->n_items; i++)
        n_activity += is_activity(&r->items[i]);
    if (!n_activity)
        return jarva__pdf_status(r->doc);
    /* The section goes on below the last where it fits whole: its heading,
     * introduction and table (about 36 points a row). */
    if (jarva__report_flow_section(r, 130.0 + 36.0 * (double)n_activity) != JARVA_OK ||
        jarva__report_section(r, TR(r, "Aktiviteter", "Activities")) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    jarva__pdf_body(r->doc,
                    TR(r,
                       "Aktivitetsindikatorerna räknar det som organisationerna har gjort enligt "
                       "aktivitetsloggen: rapporter som lämnats i tid, återkoppling på invånarnas "
                       "förslag, pressmaterial, forum med samarbetspartner med mera. Antal "
                       "redovisas per år, och andelar med sin täljare och nämnare, till exempel 20 "
                       "av 25 rapporter. Uppgifterna är totalräknade och har ingen "
                       "urvalsosäkerhet.",
                       "The activity indicators count what the organisations did according to the "
                       "activity log: reports delivered on time, feedback on residents' "
                       "proposals, press material, forums with partners and more. Counts are "
                       "given per year, and shares with their numerator and denominator, for "
                       "example 20 of 25 reports. The figures are complete counts without "
                       "sampling error."));
    int years[ACTIVITY_COLUMNS];
    size_t n_years = activity_years(r, years);
    if (n_years == 0) {
        char text[256];
        if (r->lang == JARVA__LANG_SV)
            snprintf(text, sizeof text, "Det finns inga aktivitetsdata till och med %d.", r->year);
        else
            snprintf(text, sizeof text, "There are no activity data up to %d.", r->year);
        jarva__pdf_body(r->doc, text);
        years[n_years++] = r->year;
    }
    jarva__pdf_column cols[1 + ACTIVITY_COLUMNS];
    char headers[ACTIVITY_COLUMNS][16];
    cols[0] = (jarva__pdf_column){ TR(r, "Indikator", "Indicator"), 3.4, JARVA__ALIGN_LEFT };
    for (size_t k = 0; k < n_years; k++) {
        snprintf(headers[k], sizeof headers[k], "%d", years[k]);
        cols[1 + k] = (jarva__pdf_column){ headers[k], 1.0, JARVA__ALIGN_RIGHT };
    }
    char caption[200];
    snprintf(caption, sizeof caption, "%s %d. %s", TR(r, "Tabell", "Table"), ++r->table,
             TR(r, "Aktiviteter per år", "Activities per year"));
    jarva__pdf_table_spec spec = {
        cols,
        1 + n_years,
        caption,
        TR(r,
           "Källa: Aktivitetsloggen. .. = uppgift saknas för året. Inga data: indikatorn har "
           "ingen uppgift alls.",
           "Source: activity log. .. = no figure for the year. No data: the indicator has no "
           "figure at all."),
        true,
        0
    };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(r->doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    char cells_text[ACTIVITY_COLUMNS][JARVA__FMT_SIZE + 64];
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva__report_item *it = &r->items[i];
        if (!is_activity(it))
            continue;
        const char *texts[1 + ACTIVITY_COLUMNS];
        texts[0] = jarva__report_ind_name(r->lang, it->ind);
        for (size_t k = 0; k < n_years; k++) {
            if (it->latest < 0)
                snprintf(cells_text[k], sizeof cells_text[k], "%s", TR(r, "inga data", "no data"));
            else
                activity_cell(r, it, years[k], cells_text[k], sizeof cells_text[k]);
            texts[1 + k] = cells_text[k];
        }
        jarva__pdf_table_row_text(t, texts);
    }
    return jarva__pdf_table_end(t);
}

/* ---- the method appendix ---- */

static void series_breaks(jarva__report *r)
{
    jarva__report_buf b = { 0 };
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva_series *s = jarva_series_data_series(r->items[i].data);
        if (!s || s->break_count == 0)
            continue;
        jarva__report_buf_add(&b, "%s%s: ", b.len ? "; " : "",
                              jarva__report_ind_name(r->lang, r->items[i].ind));
        for (size_t k = 0; k < s->break_count; k++)
            jarva__report_buf_add(&b, "%s%d", k ? ", " : "", s->breaks[k]);
    }
    char *list = jarva__report_buf_take(&b);
    if (!list) {
        jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
        return;
    }
    char *text = jarva__pdf_aprintf("%s %s.", TR(r, "Seriebrott:", "Series breaks:"),
                                    *list ? list : TR(r, "inga", "none"));
    if (text)
        jarva__pdf_body(r->doc, text);
    else
        jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    free(text);
    free(list);
}

/* How survey shares' intervals were computed, from the method compute
 * stored (`jarva compute --method`), as R's svyciprop() names it. */
static const char *survey_method_text(const jarva__report *r)
{
    const char *m = r->survey_method;
    if (!strcmp(m, "beta"))
        return TR(r, "Korn–Graubards intervall (svyciprop med method = \"beta\")",
                  "Korn–Graubard intervals (svyciprop with method = \"beta\")");
    if (!strcmp(m, "mean"))
        return TR(r, "symmetriska t-intervall (svyciprop med method = \"mean\")",
                  "symmetric t intervals (svyciprop with method = \"mean\")");
    if (!strcmp(m, "wilson"))
        return TR(r, "Wilsons intervall på den effektiva urvalsstorleken",
                  "Wilson intervals on the effective sample size");
    if (!strcmp(m, "clopper-pearson"))
        return TR(r, "Clopper–Pearsons intervall på den effektiva urvalsstorleken",
                  "Clopper–Pearson intervals on the effective sample size");
    return TR(r, "logit-intervall (svyciprop med method = \"logit\")",
              "logit intervals (svyciprop with method = \"logit\")");
}

/* The intervals and tests as they were computed: the stored level and
 * method, never a fixed "95 %". */
static void ci_paragraph(jarva__report *r)
{
    char level[32], alpha[32], significance[32], text[4000];
    jarva__report_level_text(r->lang, r->level, level, sizeof level);
    jarva__fmt_number(alpha, sizeof alpha, 1 - r->level, 1 - r->level < 0.01 ? 3 : 2, r->lang);
    jarva__report_level_text(r->lang, 1 - r->level, significance, sizeof significance);
    char one_in[32];
    jarva__fmt_number(one_in, sizeof one_in, 1 / (1 - r->level), 0, r->lang);
    size_t family = 0; /* the summary's Benjamini-Hochberg family (report_data.c) */
    for (size_t i = 0; i < jarva_summary_count(r->summary); i++)
        family += !isnan(jarva_summary_get(r->summary, i)->change_p_adjusted);
    if (r->lang == JARVA__LANG_SV)
        snprintf(text, sizeof text,
                 "Alla intervall är %s konfidensintervall. Andelar från enkäterna har %s, "
                 "publicerade andelar med känt antal svarande Wilsons intervall och medelvärden "
                 "t-intervall. Aktivitetsloggens antal och andelar är totalräknade och har inget "
                 "intervall; publicerade andelar utan antal svarande har inget heller. En "
                 "förändring mellan två år prövas som skillnaden mellan två oberoende skattningar "
                 "med Welch–Satterthwaites frihetsgrader. Rapporten prövar många förändringar "
                 "samtidigt, och på %s nivå blir i genomsnitt var %s:e prövning säkerställd av en "
                 "slump även när inget har förändrats. Därför kallas en förändring statistiskt "
                 "säkerställd när dess "
                 "p-värde, justerat med Benjamini–Hochbergs metod, är mindre än %s. Familjen "
                 "som justeras är förändringarna sedan utgångsvärdet för alla indikatorer i "
                 "deras huvudområde, %zu prövade förändringar i denna rapport; metoden håller den "
                 "förväntade andelen falska upptäckter bland "
                 "de säkerställda förändringarna under %s. Intervallen som visas är de "
                 "ojusterade %s konfidensintervallen för varje förändring för sig. En "
                 "förändring som inte är säkerställd behöver inte vara noll, och överlappande "
                 "intervall betyder inte att skillnaden saknas. Förändringar beräknas på de "
                 "oavrundade värdena och kan därför skilja sig med en enhet från skillnaden "
                 "mellan de avrundade värden som visas.",
                 level, survey_method_text(r), significance, one_in, alpha, family, significance,
                 level);
    else
        snprintf(
            text, sizeof text,
            "Every interval is a %s confidence interval. Survey shares have %s, published "
            "shares with a known number of respondents Wilson intervals and means t "
            "intervals. The activity log's counts and shares are complete counts and have "
            "no interval; nor do published shares without the number of respondents. A "
            "change between two years is tested as the difference of two independent "
            "estimates with Welch-Satterthwaite degrees of freedom. The report tests many "
            "changes at once, and at the %s level one test in %s on average comes out "
            "significant by chance even when nothing has changed. A change is therefore called "
            "statistically significant when its p-value, adjusted by the Benjamini-Hochberg "
            "method, is below %s. The family adjusted over is the changes since baseline of "
            "every indicator in its headline area, %zu tested changes in this report; the "
            "method keeps the expected share of false discoveries "
            "among the significant changes below %s. The intervals shown are the unadjusted "
            "%s confidence intervals of each change alone. A change that is not "
            "significant need not be zero, and "
            "overlapping intervals do not mean there is no difference. Changes are computed "
            "from the unrounded values and may therefore differ by one unit from the "
            "difference of the rounded values shown.",
            level, survey_method_text(r), significance, one_in, alpha, family, significance, level);
    jarva__pdf_body(r->doc, text);
}

int jarva__report_method(jarva__report *r)
{
    jarva__pdf *doc = r->doc;
    if (jarva__pdf_new_page(doc, 0) != JARVA_OK ||
        jarva__pdf_heading(doc, 1,
                           TR(r, "Bilaga A. Om statistiken", "Appendix A. About the statistics")) !=
            JARVA_OK)
        return jarva__pdf_status(doc);
    int rc = jarva__report_quality(r);
    if (rc != JARVA_OK)
        return rc;
    jarva__pdf_heading(doc, 2, TR(r, "Urval och skattningar", "Sampling and estimation"));
    jarva__pdf_body(
        doc, TR(r,
                "Enkätsvaren skattas som stratifierade urval i ett steg, med de strata och vikter "
                "som källan anger (se Källorna ovan). Andelar och medelvärden skattas med "
                "urvalsvikterna, och deras standardfel med Taylorlinjärisering, på samma sätt "
                "som R-paketet survey gör med svydesign(ids = ~1, strata = ~stratum, weights = "
                "~vikt). Frihetsgraderna är antalet svarande minus antalet strata. Områden "
                "skattas som delpopulationer, så att hela urvalets strata behålls.",
                "Survey answers are estimated as stratified single-stage samples, with the "
                "strata and weights the source gives (see The sources above). Shares and means "
                "are estimated with the design weights, and their standard errors by Taylor "
                "linearisation, as R's survey package does with svydesign(ids = ~1, strata = "
                "~stratum, weights = ~weight). The degrees of freedom are the number of "
                "respondents minus the number of strata. Areas are estimated as domains, "
                "keeping the strata of the whole sample."));
    jarva__pdf_heading(
        doc, 2, TR(r, "Konfidensintervall och förändringar", "Confidence intervals and changes"));
    ci_paragraph(r);
    jarva__report_area_method(r); /* the family of area comparisons (report_area.c) */
    jarva__pdf_heading(doc, 2, TR(r, "Trend och status", "Trend and status"));
    jarva__pdf_body(
        doc, TR(r,
                "Trenden är en rät linje genom den senaste obrutna delen av serien, minst tre "
                "mätningar: för urvalsundersökningar viktade minsta kvadrater (vikter 1/se²), "
                "breddad med en spridningsfaktor när åren varierar mer än urvalsfelet förklarar; "
                "för fullständiga räkningar vanliga minsta kvadrater. Trenden skrivs fram till "
                "målåret med sitt standardfel, och statusen följer av sannolikheten att målvärdet "
                "nås då: uppnått om det senaste värdet når målet; på väg vid minst 75\xC2\xA0%; "
                "osäkert mellan 25 och 75\xC2\xA0%; inte på väg vid högst 25\xC2\xA0%; "
                "annars otillräckliga data. En linje som når målet ger ändå bara osäkert om de "
                "två senaste förändringarna båda gått bort från målvärdet (vänt): linjen följer "
                "hela serien och hinner inte visa en ny riktning.",
                "The trend is a straight line through the latest unbroken part of the series, at "
                "least three points: for sample surveys weighted least squares (weights 1/se²), "
                "widened by a dispersion factor when the years vary more than sampling error "
                "explains; for complete counts ordinary least squares. The trend is projected to "
                "the target year with its standard error, and the status follows from the "
                "probability that the target is met then: achieved if the latest value meets "
                "it; on track at 75% or more; uncertain between 25% and 75%; off track at 25% or "
                "less; otherwise insufficient data. A line that reaches the target still gives "
                "only uncertain when the two latest changes both moved away from it (turned): "
                "the line follows the whole series and cannot show a new direction yet."));
    jarva__pdf_heading(doc, 2, TR(r, "Röjandekontroll", "Disclosure control"));
    jarva__pdf_body(
        doc, TR(r,
                "Ett värde redovisas inte, och visas som .., om färre har svarat än "
                "indikatorns gräns (30 svar för enkätfrågorna) eller om färre än 3 svarande "
                "finns på endera sidan (med respektive utan det efterfrågade svaret), så att "
                "ingen enskild persons svar kan räknas fram. Värden som källan själv har "
                "undertryckt markeras också med två punkter (..). Döljs ett värde i en jämförelse "
                "(områden, kön, åldersgrupper, organisationer, roller) döljs också det med "
                "minst antal svar bland de andra, så att det inte kan räknas fram som helheten "
                "minus de visade värdena; antalet svar visas aldrig för ett dolt värde.",
                "A value is not shown, and appears as .., if fewer responded than the "
                "indicator's threshold (30 for survey questions) or if fewer than 3 respondents "
                "are on either side (with or without the answer asked about), so that no "
                "individual's answer can be worked out. Values the source itself withheld are "
                "shown as .. too. When a value in a comparison (areas, sexes, age "
                "groups, organisations, roles) is withheld, the one with the fewest answers "
                "among the others is withheld too, so that it cannot be worked out as the whole "
                "minus the values shown; the number of answers is never shown for a withheld "
                "value."));
    jarva__pdf_heading(doc, 2, TR(r, "Seriebrott", "Series breaks"));
    jarva__pdf_body(
        doc, TR(r,
                "Ett seriebrott betyder att mätningen ändrades, till exempel frågan, metoden "
                "eller indelningen, så att värden före och efter inte är jämförbara. Diagrammen "
                "visar brottet som en prickad lodrät linje och drar ingen linje över det. "
                "Förändringar och trender beräknas aldrig över ett seriebrott.",
                "A series break means the measurement changed, for example the question, the "
                "method or the classification, so that values before and after are not "
                "comparable. The charts show the break as a dotted vertical line and draw no "
                "line across it. Changes and trends are never computed across a break."));
    series_breaks(r);
    return jarva__pdf_status(doc);
}

/* ---- data provenance ---- */

static const char *kind_word(const jarva__report *r, jarva_import_kind kind)
{
    switch (kind) {
    case JARVA_IMPORT_SURVEY: return TR(r, "Enkätsvar", "Survey answers");
    case JARVA_IMPORT_TABLE: return TR(r, "Publicerad tabell", "Published table");
    case JARVA_IMPORT_STAFF: return TR(r, "Enkätsvar", "Survey answers");
    case JARVA_IMPORT_ACTIVITIES: return TR(r, "Aktivitetslogg", "Activity log");
    }
    return "";
}

/* The hash in groups of eight, so that it wraps in a narrow column and can
 * be read out: "ba1a223e d5e0c1cb ...". */
static void group_hash(const char *hash, char *buf, size_t cap)
{
    size_t len = 0, n = strlen(hash);
    for (size_t i = 0; i < n && len + 2 < cap; i++) {
        if (i && i % 8 == 0)
            buf[len++] = ' ';
        buf[len++] = hash[i];
    }
    buf[len] = '\0';
}

int jarva__report_sources(jarva__report *r)
{
    jarva__pdf *doc = r->doc;
    jarva__pdf_need(doc, 200);
    if (jarva__pdf_heading(
            doc, 1, TR(r, "Bilaga B. Dataunderlag", "Appendix B. Data provenance")) != JARVA_OK)
        return jarva__pdf_status(doc);
    jarva__pdf_body(doc, TR(r,
                            "Tabellen visar varje fil som rapportens siffror bygger på. SHA-256 "
                            "är filens kontrollsumma: samma fil ger alltid samma summa, så varje "
                            "siffra i rapporten kan spåras till exakt den fil den bygger på.",
                            "The table lists every file the report's figures rest on. SHA-256 is "
                            "the file's checksum: the same file always gives the same sum, so "
                            "every figure in the report can be traced to exactly the file it "
                            "rests on."));
    size_t n = jarva_batch_list_count(r->batches);
    if (n == 0)
        return jarva__pdf_body(
            doc, TR(r, "Inga filer har importerats.", "No files have been imported."));
    const jarva__pdf_column cols[] = {
        { TR(r, "Nr", "No."), 0.45, JARVA__ALIGN_RIGHT },
        { TR(r, "Fil", "File"), 1.95, JARVA__ALIGN_LEFT },
        { TR(r, "Typ och källa", "Kind and source"), 1.5, JARVA__ALIGN_LEFT },
        { TR(r, "År", "Year"), 0.65, JARVA__ALIGN_RIGHT },
        { TR(r, "Rader", "Rows"), 0.6, JARVA__ALIGN_RIGHT },
        { TR(r, "Importerad", "Imported"), 1.05, JARVA__ALIGN_LEFT },
        { "SHA-256", 2.25, JARVA__ALIGN_LEFT },
    };
    char caption[200];
    snprintf(caption, sizeof caption, "%s %d. %s", TR(r, "Tabell", "Table"), ++r->table,
             TR(r, "Importerade filer", "Imported files"));
    jarva__pdf_table_spec spec = { cols, 7, caption, NULL, true, 0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(doc, &spec, &t) != JARVA_OK)
        return jarva__pdf_status(doc);
    for (size_t i = 0; i < n; i++) {
        const jarva_batch *b = jarva_batch_list_get(r->batches, i);
        char id[24], kind[256], year[24], rows[JARVA__FMT_SIZE], date[16], hash[80];
        snprintf(id, sizeof id, "%lld", (long long)b->id);
        /* The source, unless it is only the kind's default. */
        bool plain =
            (b->kind == JARVA_IMPORT_TABLE && !strcmp(b->source, "published")) ||
            (b->kind == JARVA_IMPORT_ACTIVITIES && !strcmp(b->source, "jarva-aktivitetslogg"));
        if (plain)
            snprintf(kind, sizeof kind, "%s", kind_word(r, b->kind));
        else
            snprintf(kind, sizeof kind, "%s\n%s", kind_word(r, b->kind),
                     jarva__report_source_name(r, b->source));
        if (b->year)
            snprintf(year, sizeof year, "%d", b->year);
        else
            snprintf(year, sizeof year, "%s", TR(r, "flera", "several"));
        jarva__fmt_number(rows, sizeof rows, (double)b->rows, 0, r->lang);
        snprintf(date, sizeof date, "%.10s", b->imported_at ? b->imported_at : "");
        group_hash(b->sha256 ? b->sha256 : "", hash, sizeof hash);
        const char *texts[7] = { id, b->file_name, kind, year, rows, date, hash };
        jarva__pdf_table_row_text(t, texts);
    }
    return jarva__pdf_table_end(t);
}
