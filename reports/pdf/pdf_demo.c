/* pdf_demo.c: the sample effect report. The numbers are invented but shaped
 * like the real ones: shares from a yearly survey with 95 % intervals, a
 * method change in 2019 (a series break), no survey in 2020, one area with
 * too few respondents to publish, and targets of every status. */
#include "pdf_demo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number_format.h"
#include "pdf_chart.h"
#include "pdf_symbol.h"
#include "pdf_table.h"
#include "pdf_text.h"

#define FIRST_YEAR 2014
#define LAST_YEAR 2024
#define N_YEARS (LAST_YEAR - FIRST_YEAR + 1)
#define N_AREAS 7
#define MIN_N 30 /* the disclosure threshold: fewer respondents are not shown */
#define SAFETY_BASE 0.52

static const char *const areas[N_AREAS] = { "Akalla", "Husby",   "Kista",           "Rinkeby",
                                            "Tensta", "Hjulsta", "Järva som helhet" };

/* A synthetic survey share for an area and year: a slow rise with a step
 * at the 2019 method change, and a wobble so that the lines are not straight. */
static double share(int area, int year, double base)
{
    double trend = 0.011 * (year - FIRST_YEAR);
    double step = year >= 2019 ? 0.02 : 0.0;
    double wobble = 0.012 * sin(1.7 * year + area);
    return base + 0.03 * (area % 3) - 0.02 * (area == 3) + trend + step + wobble;
}

/* Respondents: Hjulsta is small, and there was no survey in 2020. */
static int respondents(int area, int year)
{
    if (year == 2020)
        return 0;
    if (area == 5)
        return 14 + (year * 7) % 20;
    if (area == N_AREAS - 1)
        return 1400 + (year * 13) % 300;
    return 140 + (area * 37 + year * 11) % 150;
}

/* A normal-approximation 95 % interval with a design effect of 1.5: enough
 * for a picture; the real report takes its intervals from the estimates. */
static jarva__chart_point point(int area, int year, double base)
{
    jarva__chart_point p = { year, NAN, NAN, NAN, year == 2019 };
    int n = respondents(area, year);
    if (n < MIN_N)
        return p;
    p.value = share(area, year, base);
    double half = 1.96 * sqrt(1.5 * p.value * (1 - p.value) / n);
    p.lower = p.value - half;
    p.upper = p.value + half;
    return p;
}

static void cover(jarva__pdf *doc)
{
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    jarva__pdf_new_page(doc, JARVA__PAGE_NO_HEAD);
    jarva__pdf_fill_rect(doc, 0, f.top + 20, 595.276, 841.89 - f.top - 20, JARVA__COLOR_ACCENT);
    jarva__pdf_show_utf8(doc, f.left, f.top + 40, JARVA__FONT_BOLD, 11, JARVA__COLOR_WHITE,
                         JARVA__ALIGN_LEFT, "Järvasamverkan · Stockholm");
    jarva__pdf_advance(doc, 120);
    jarva__pdf_style title = jarva__pdf_style_get(JARVA__STYLE_TITLE);
    jarva__pdf_paragraph(doc, &title, "Effektrapport 2024", 8);
    jarva__pdf_style sub = jarva__pdf_style_get(JARVA__STYLE_H2);
    sub.size = 14, sub.leading = 18, sub.font = JARVA__FONT_REGULAR;
    jarva__pdf_paragraph(doc, &sub,
                         "Trygghet, förtroende och delaktighet i Järva – uppföljning av "
                         "kommunikationsplanens mätbara mål",
                         24);
    jarva__pdf_body(doc, "Rapporten följer upp de mål som parterna i Järvasamverkan – "
                         "stadsdelsförvaltningen, lokalpolisområde Järva, skolorna och "
                         "bostadsbolaget – har satt för kommunikationsplanen. Den visar hur "
                         "många som känner sig trygga, som har förtroende för polisen och som "
                         "känner till samverkan, år för år och område för område.");
    jarva__pdf_body(doc, "Alla andelar är skattningar från urvalsundersökningar. De redovisas "
                         "med 95\xC2\xA0% konfidensintervall, och ett område med färre än 30 svar "
                         "redovisas inte (visas som “–”). Boende i Husby sammanfattade det som "
                         "«vi märker skillnad, men det går långsamt» … ");
    jarva__pdf_advance(doc, jarva__pdf_space_left(doc) - 40);
    jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    jarva__pdf_paragraph(doc, &note,
                         "Järva stadsdelsförvaltning · Lokalpolisområde Järva · "
                         "Grundskolorna i Järva · Bostadsbolaget’s lokala kontor. "
                         "Framtagen med libjarva; kostnad för enkäten 42\xC2\xA0"
                         "000 € (exempel).",
                         0);
}

static void contents(jarva__pdf *doc)
{
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_style h1 = jarva__pdf_style_get(JARVA__STYLE_H1);
    jarva__pdf_paragraph(doc, &h1, "Innehåll", 10);
    jarva__pdf_toc_here(doc);
}

typedef struct goal_row {
    const char *goal, *indicator;
    double latest, change, target;
    jarva__pdf_mark state;
} goal_row;

/* The demo's own words for its marks (the report's are in report_words.c). */
static const char *const demo_words[] = { "Otillräckliga data", "Uppnått", "På väg", "Osäkert",
                                          "Inte på väg" };

static void status_legend(jarva__pdf *doc)
{
    static const char *const meaning[] = {
        "Det finns för få skattningar för att bedöma målet.",
        "Den senaste skattningen når målvärdet.",
        "Trenden, framskriven till målåret, når målvärdet.",
        "Den senaste skattningen ligger högst 10\xC2\xA0% från målvärdet.",
        "Målvärdet nås inte och trenden pekar inte mot det.",
    };
    static const jarva__pdf_column cols[] = { { "Status", 1.2, JARVA__ALIGN_LEFT },
                                              { "Betydelse", 3.8, JARVA__ALIGN_LEFT } };
    jarva__pdf_table_spec spec = { cols, 2, "Så läses statusen", NULL, false, 0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(doc, &spec, &t) != JARVA_OK)
        return;
    static const jarva__pdf_mark order[] = { JARVA__MARK_CHECK, JARVA__MARK_ARROW, JARVA__MARK_HALF,
                                             JARVA__MARK_CROSS, JARVA__MARK_QUESTION };
    for (size_t i = 0; i < 5; i++) {
        jarva__pdf_cell cells[2] = { { demo_words[order[i]], true, order[i], false },
                                     { meaning[order[i]], false, order[i], false } };
        jarva__pdf_table_row(t, cells);
    }
    jarva__pdf_table_end(t);
}

static void summary(jarva__pdf *doc)
{
    goal_row goals[] = {
        { "Fler känner sig trygga", "Andel som känner sig trygga i sitt bostadsområde på kvällen",
          NAN, NAN, 0.70, JARVA__MARK_ARROW },
        { "Högre förtroende för polisen", "Andel med stort förtroende för polisens arbete", 0.58,
          0.03, 0.60, JARVA__MARK_HALF },
        { "Samverkan är känd", "Andel som känner till Järvasamverkan", 0.41, -0.02, 0.50,
          JARVA__MARK_CROSS },
        { "Eleverna trivs", "Andel elever i årskurs 9 som trivs i skolan", 0.83, 0.05, 0.80,
          JARVA__MARK_CHECK },
        { "Fler deltar i dialog", "Andel som deltagit i ett dialogmöte det senaste året", NAN, NAN,
          0.15, JARVA__MARK_QUESTION },
    };
    static const jarva__pdf_column cols[] = {
        { "Mål", 2.0, JARVA__ALIGN_LEFT },
        { "Indikator", 3.0, JARVA__ALIGN_LEFT },
        { "2024", 0.9, JARVA__ALIGN_RIGHT },
        { "Förändring sedan 2019, procentenheter", 1.6, JARVA__ALIGN_RIGHT },
        { "Målvärde 2026", 1.1, JARVA__ALIGN_RIGHT },
        { "Status", 1.6, JARVA__ALIGN_LEFT },
    };
    /* The first goal's numbers come from the same data as its charts. */
    goals[0].latest = point(N_AREAS - 1, LAST_YEAR, SAFETY_BASE).value;
    goals[0].change = goals[0].latest - point(N_AREAS - 1, 2019, SAFETY_BASE).value;
    char change[JARVA__FMT_SIZE], text[768];
    jarva__fmt_value(change, sizeof change, goals[0].change, 0, JARVA__UNIT_PP, 0, JARVA__LANG_SV);
    jarva__pdf_heading(doc, 1, "1 Sammanfattning");
    snprintf(text, sizeof text,
             "Ett av fem mål är uppnått: eleverna i årskurs 9 trivs i skolan i den utsträckning "
             "som parterna har satt som mål. Tryggheten har ökat med %s sedan 2019 och är på väg "
             "mot målet 70\xC2\xA0%%, medan kännedomen om samverkan har minskat något. För "
             "delaktigheten i dialogmöten finns ännu för få mätningar.",
             change);
    jarva__pdf_body(doc, text);
    jarva__pdf_table_spec spec = { cols,
                                   6,
                                   "Tabell 1. Målen och deras status 2024",
                                   "Källa: Trygghetsundersökningen och skolenkäten (syntetiska "
                                   "exempeldata). "
                                   "– = för få svar för att redovisas.",
                                   true,
                                   0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(doc, &spec, &t) != JARVA_OK)
        return;
    for (size_t i = 0; i < sizeof goals / sizeof goals[0]; i++) {
        char latest[JARVA__FMT_SIZE], target[JARVA__FMT_SIZE];
        jarva__fmt_percent(latest, sizeof latest, goals[i].latest, 0, JARVA__LANG_SV);
        jarva__fmt_value(change, sizeof change, goals[i].change, 0, JARVA__UNIT_PP,
                         JARVA__FMT_SIGN | JARVA__FMT_NO_UNIT, JARVA__LANG_SV);
        jarva__fmt_percent(target, sizeof target, goals[i].target, 0, JARVA__LANG_SV);
        jarva__pdf_cell cells[6] = { { goals[i].goal, false, 0, true },
                                     { goals[i].indicator, false, 0, false },
                                     { latest, false, 0, false },
                                     { change, false, 0, false },
                                     { target, false, 0, false },
                                     { demo_words[goals[i].state], true, goals[i].state, false } };
        jarva__pdf_table_row(t, cells);
    }
    jarva__pdf_table_end(t);
    status_legend(doc);
}

static void area_bars(jarva__pdf *doc, const char *title, double base, double target)
{
    jarva__bar bars[N_AREAS];
    for (int a = 0; a < N_AREAS; a++) {
        jarva__chart_point p = point(a, LAST_YEAR, base);
        bars[a] = (jarva__bar){ areas[a], p.value, p.lower, p.upper, a == N_AREAS - 1 };
    }
    jarva__bar_chart c = jarva__bar_chart_init();
    c.title = title;
    c.subtitle = "Andel (%) per område 2024, med 95\xC2\xA0% konfidensintervall";
    c.note = "Källa: Trygghetsundersökningen 2024 (syntetiska exempeldata).";
    c.bars = bars;
    c.n_bars = N_AREAS;
    c.target = target;
    jarva__pdf_bar_chart(doc, &c);
}

static void safety(jarva__pdf *doc)
{
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_heading(doc, 1, "2 Trygghet");
    jarva__chart_point pts[N_YEARS];
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
        pts[y - FIRST_YEAR] = point(N_AREAS - 1, y, SAFETY_BASE);
    /* The text quotes the data through the same formatting as the tables. */
    char first[JARVA__FMT_SIZE], last[JARVA__FMT_SIZE], text[768];
    jarva__fmt_percent(first, sizeof first, pts[0].value, 0, JARVA__LANG_SV);
    jarva__fmt_percent(last, sizeof last, pts[N_YEARS - 1].value, 0, JARVA__LANG_SV);
    snprintf(text, sizeof text,
             "Andelen som känner sig trygga i sitt bostadsområde på kvällen har ökat från %s "
             "%d till %s %d. Undersökningen bytte 2019 från telefonintervjuer till webbenkät; "
             "värden före och efter bytet jämförs därför inte. År 2020 genomfördes ingen "
             "undersökning.",
             first, FIRST_YEAR, last, LAST_YEAR);
    jarva__pdf_body(doc, text);
    jarva__line_series series = { NULL, pts, N_YEARS };
    jarva__line_chart c = jarva__line_chart_init();
    c.title = "Figur 1. Andel som känner sig trygga i sitt bostadsområde på kvällen, Järva "
              "2014–2024";
    c.subtitle = "Procent av de boende 16–84 år, med 95\xC2\xA0% konfidensintervall";
    c.note = "Källa: Trygghetsundersökningen (syntetiska exempeldata). Målet är 70\xC2\xA0% "
             "till 2026.";
    c.series = &series;
    c.n_series = 1;
    c.target = 0.70;
    c.height = 250;
    jarva__pdf_line_chart(doc, &c);
    area_bars(doc, "Figur 2. Andel som känner sig trygga, per område 2024", SAFETY_BASE, 0.70);
}

static void trust(jarva__pdf *doc)
{
    enum { FROM = 1999, YEARS = 2024 - 1999 + 1 };
    jarva__chart_point jarva[YEARS], city[YEARS];
    for (int i = 0; i < YEARS; i++) {
        int year = FROM + i;
        double p = 0.40 + 0.006 * i + 0.01 * sin(0.9 * i);
        jarva[i] = (jarva__chart_point){ year, p, p - 0.035, p + 0.035, year == 2019 };
        double q = 0.63 + 0.003 * i + 0.008 * cos(0.7 * i);
        city[i] = (jarva__chart_point){ year, q, q - 0.015, q + 0.015, year == 2019 };
    }
    jarva[2020 - FROM].value = NAN;
    city[2020 - FROM].value = NAN;
    jarva__line_series series[2] = { { "Järva", jarva, YEARS },
                                     { "Stockholms stad (jämförelse)", city, YEARS } };
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_heading(doc, 1, "3 Förtroende för polisen");
    jarva__pdf_body(doc, "Förtroendet för polisens arbete i området har ökat i Järva sedan "
                         "slutet av 1990-talet men ligger fortfarande under staden som helhet. "
                         "Skillnaden mot staden har minskat med några procentenheter.");
    jarva__line_chart c = jarva__line_chart_init();
    c.title = "Figur 3. Andel med stort eller mycket stort förtroende för polisens arbete i det "
              "egna bostadsområdet, Järva jämfört med Stockholms stad som helhet, 1999–2024, "
              "med felstaplar för 95\xC2\xA0% konfidensintervall";
    c.subtitle = "Procent av de boende 16–84 år";
    c.note = "Källa: Polisens trygghetsmätning (syntetiska exempeldata). Serien bröts 2019 "
             "när frågans svarsalternativ ändrades.";
    c.series = series;
    c.n_series = 2;
    c.target = 0.60;
    c.target_label = "Mål 2026: 60\xC2\xA0% i Järva";
    c.height = 270;
    jarva__pdf_line_chart(doc, &c);
}

static void extra_section(jarva__pdf *doc, unsigned k)
{
    char heading[64], title[160];
    snprintf(heading, sizeof heading, "%u Indikator %u", 3 + k, k);
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_heading(doc, 1, heading);
    jarva__chart_point pts[N_YEARS];
    double base = 0.30 + 0.03 * (k % 7);
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
        pts[y - FIRST_YEAR] = point((int)(k % 5), y, base);
    jarva__line_series series = { NULL, pts, N_YEARS };
    jarva__line_chart c = jarva__line_chart_init();
    snprintf(title, sizeof title, "Indikator %u över tid, Järva 2014–2024", k);
    c.title = title;
    c.subtitle = "Procent, med 95\xC2\xA0% konfidensintervall";
    c.series = &series;
    c.n_series = 1;
    c.target = base + 0.2;
    jarva__pdf_line_chart(doc, &c);
    snprintf(title, sizeof title, "Indikator %u per område 2024", k);
    area_bars(doc, title, base, base + 0.2);
}

static void appendix(jarva__pdf *doc)
{
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_heading(doc, 1, "Bilaga A. Metod och definitioner");
    jarva__pdf_heading(doc, 2, "Skattningar och osäkerhet");
    jarva__pdf_body(doc, "Andelarna är viktade skattningar från stratifierade urval. Varje "
                         "skattning anges med ett 95-procentigt konfidensintervall: om "
                         "undersökningen upprepades många gånger skulle 95 av 100 sådana "
                         "intervall innehålla den sanna andelen. Överlappande intervall betyder "
                         "inte att skillnaden saknas, och en skillnad som inte är statistiskt "
                         "säkerställd behöver inte vara noll.");
    jarva__pdf_heading(doc, 2, "Avrundning och tecken");
    jarva__pdf_body(doc, "Procent avrundas till hela tal, och en femma avrundas bort från noll "
                         "på de visade siffrorna: 64,5\xC2\xA0% visas som 65\xC2\xA0%. "
                         "Förändringar anges i procentenheter, med tecken (+8 procentenheter). "
                         "Ett streck (–) betyder att uppgiften inte redovisas, eftersom färre "
                         "än 30 personer svarade.");
    static const jarva__pdf_column cols[] = {
        { "Område", 2.2, JARVA__ALIGN_LEFT },
        { "År", 0.8, JARVA__ALIGN_RIGHT },
        { "Andel trygga", 1.2, JARVA__ALIGN_RIGHT },
        { "Konfidensintervall (95\xC2\xA0%)", 1.6, JARVA__ALIGN_RIGHT },
        { "Antal svar", 1.0, JARVA__ALIGN_RIGHT },
    };
    jarva__pdf_table_spec spec = { cols,
                                   5,
                                   "Tabell A1. Andel som känner sig trygga, per område "
                                   "och år",
                                   "Källa: Trygghetsundersökningen (syntetiska exempeldata). "
                                   "– = för få svar för att redovisas; 2020 gjordes ingen "
                                   "undersökning.",
                                   true,
                                   0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(doc, &spec, &t) != JARVA_OK)
        return;
    for (int a = 0; a < N_AREAS; a++)
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            jarva__chart_point p = point(a, y, SAFETY_BASE);
            char year[8], value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE], n[JARVA__FMT_SIZE];
            snprintf(year, sizeof year, "%d", y);
            jarva__fmt_percent(value, sizeof value, p.value, 0, JARVA__LANG_SV);
            jarva__fmt_interval(ci, sizeof ci, p.lower, p.upper, 0, JARVA__UNIT_PERCENT,
                                JARVA__LANG_SV);
            jarva__fmt_number(n, sizeof n, respondents(a, y) ? respondents(a, y) : NAN, 0,
                              JARVA__LANG_SV);
            const char *texts[5] = { areas[a], year, value, ci, n };
            jarva__pdf_table_row_text(t, texts);
        }
    jarva__pdf_table_end(t);
}

int jarva__pdf_demo_render(jarva__pdf *doc, unsigned extra_sections)
{
    cover(doc);
    contents(doc);
    jarva__pdf_new_page(doc, 0);
    summary(doc);
    safety(doc);
    trust(doc);
    for (unsigned k = 1; k <= extra_sections && jarva__pdf_status(doc) == JARVA_OK; k++)
        extra_section(doc, k);
    appendix(doc);
    return jarva__pdf_status(doc);
}

int jarva__pdf_demo_write(const char *path, unsigned extra_sections, const char *font_dir,
                          char *errbuf, size_t errlen)
{
    jarva__pdf_options opts = JARVA__PDF_OPTIONS_INIT;
    opts.title = "Effektrapport 2024 – Järvasamverkan";
    opts.subject = "Uppföljning av kommunikationsplanens mål: trygghet, förtroende, delaktighet";
    opts.author = "Järvasamverkan";
    opts.keywords = "Järva, trygghet, förtroende, effektrapport";
    opts.running_head = "Effektrapport 2024 · Järvasamverkan";
    opts.font_dir = font_dir;
    jarva__pdf *doc = NULL;
    int rc = jarva__pdf_create(&doc, &opts);
    if (rc == JARVA_OK)
        rc = jarva__pdf_demo_render(doc, extra_sections);
    if (rc == JARVA_OK)
        rc = jarva__pdf_save(doc, path);
    if (errbuf && errlen > 0)
        snprintf(errbuf, errlen, "%s", rc == JARVA_OK ? "" : jarva__pdf_errmsg(doc));
    jarva__pdf_free(doc);
    return rc;
}
