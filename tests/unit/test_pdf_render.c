/* test_pdf_render.c: the PDF layer end to end. Renders the demo report and a
 * document of awkward cases (long titles, many years, long names, no data),
 * then checks them with poppler's tools where installed: the Swedish text is
 * extractable, poppler reports no error, every font is embedded, the page
 * count matches, and no two words overlap or leave the text frame. Also:
 * byte-identical output under SOURCE_DATE_EPOCH, and failures as statuses. */
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "poppler.h"
#include "jarva_internal.h"
#include "pdf_chart.h"
#include "pdf_demo.h"
#include "pdf_doc.h"
#include "pdf_table.h"
#include "pdf_text.h"

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    *size = 0;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc(n > 0 ? (size_t)n : 1);
    if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    if (data)
        *size = (size_t)n;
    return data;
}

static bool mem_contains(const unsigned char *data, size_t size, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(data + i, needle, n) == 0)
            return true;
    return false;
}

/* A PDF starts with %PDF- and ends with %%EOF (and perhaps a newline). */
static void check_pdf_frame(const char *path)
{
    size_t size;
    unsigned char *data = slurp(path, &size);
    CHECK(data != NULL && size > 1000);
    if (!data)
        return;
    CHECK(memcmp(data, "%PDF-", 5) == 0);
    size_t end = size;
    while (end > 0 && (data[end - 1] == '\n' || data[end - 1] == '\r'))
        end--;
    CHECK(end >= 5 && memcmp(data + end - 5, "%%EOF", 5) == 0);
    free(data);
}

static jarva__pdf_options demo_options(void)
{
    jarva__pdf_options opts = JARVA__PDF_OPTIONS_INIT;
    opts.title = "Effektrapport 2024 – Järvasamverkan";
    opts.subject = "Test";
    opts.author = "Järvasamverkan";
    return opts;
}

typedef struct word_box {
    double x0, y0, x1, y1;
    char text[48];
} word_box;

/* Checks the layout through pdftotext -bbox: on each page no two words
 * overlap (boxes shrunk by a hair, since neighbours may touch), and every
 * word lies within the page and horizontally within the text frame.
 * Returns the number of problems, printing the first few. */
static int check_layout(const char *path, double frame_left, double frame_right)
{
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' - 2>/dev/null", path);
    char *html = capture(cmd);
    if (!html)
        return 1;
    int problems = 0, page = 0;
    size_t n = 0, cap = 0;
    word_box *words = NULL;
    double page_w = 0, page_h = 0;
    char *line = html;
    while (line && *line) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        bool page_end = strstr(line, "</page>") != NULL;
        char *w = strstr(line, "<word ");
        if (strstr(line, "<page ")) {
            sscanf(strstr(line, "<page "), "<page width=\"%lf\" height=\"%lf\"", &page_w, &page_h);
            page++;
            n = 0;
        } else if (w) {
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                word_box *bigger = realloc(words, cap * sizeof *words);
                if (!bigger)
                    break;
                words = bigger;
            }
            word_box *b = &words[n];
            int used = 0;
            if (sscanf(w, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%n", &b->x0,
                       &b->y0, &b->x1, &b->y1, &used) == 4) {
                const char *t = w + used, *e = strstr(t, "</word>");
                size_t len = e ? (size_t)(e - t) : 0;
                snprintf(b->text, sizeof b->text, "%.*s", (int)(len < 47 ? len : 47), t);
                if (b->x0 < frame_left - 0.5 || b->x1 > frame_right + 0.5 || b->y0 < 0 ||
                    b->y1 > page_h) {
                    if (problems++ < 10)
                        fprintf(stderr, "%s p%d: \"%s\" outside the frame (%.1f..%.1f)\n", path,
                                page, b->text, b->x0, b->x1);
                }
                n++;
            }
        }
        if (page_end) {
            for (size_t i = 0; i < n; i++)
                for (size_t j = i + 1; j < n; j++) {
                    const word_box *a = &words[i], *c = &words[j];
                    double shrink_a = 0.12 * (a->y1 - a->y0), shrink_c = 0.12 * (c->y1 - c->y0);
                    bool overlap = a->x0 + 0.3 < c->x1 - 0.3 && c->x0 + 0.3 < a->x1 - 0.3 &&
                                   a->y0 + shrink_a < c->y1 - shrink_c &&
                                   c->y0 + shrink_c < a->y1 - shrink_a;
                    if (overlap && problems++ < 10)
                        fprintf(stderr, "%s p%d: \"%s\" overlaps \"%s\"\n", path, page, a->text,
                                c->text);
                }
            n = 0;
        }
        line = next;
    }
    (void)page_w;
    free(words);
    free(html);
    return problems;
}

/* Poppler's verdict on a file: no errors, every font embedded, the pages. */
static void check_with_poppler(const char *path, int pages)
{
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>&1 >/dev/null", path);
    char *errors = capture(cmd);
    CHECK(errors != NULL);
    if (errors) {
        CHECK(strstr(errors, "Syntax Warning") == NULL);
        CHECK(strstr(errors, "Error") == NULL);
        if (*errors)
            fprintf(stderr, "pdftotext said: %s\n", errors);
    }
    free(errors);

    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>&1", path);
    char *fonts = capture(cmd);
    int listed = 0, embedded = 0;
    for (char *line = fonts; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, "name ", 5) != 0 && strncmp(line, "----", 4) != 0 && *line) {
            /* The columns from the end: object, generation, uni, sub, emb. */
            char *tok[32];
            int nt = 0;
            for (char *t = strtok(line, " "); t && nt < 32; t = strtok(NULL, " "))
                tok[nt++] = t;
            listed++;
            if (nt >= 5 && strcmp(tok[nt - 5], "yes") == 0)
                embedded++;
        }
        line = next;
    }
    CHECK(listed >= 2);
    CHECK_INT(embedded, listed);
    free(fonts);

    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", path);
    char *info = capture(cmd);
    const char *at = info ? strstr(info, "Pages:") : NULL;
    CHECK(at != NULL);
    if (at)
        CHECK_INT(atoi(at + 6), pages);
    CHECK_CONTAINS(info, "Producer:        libjarva 0.1.0");
    free(info);
}

static void test_demo(void)
{
    unsetenv("SOURCE_DATE_EPOCH");
    const char *path = test_tmp_path("pdf_demo.pdf");
    char saved_path[4096];
    snprintf(saved_path, sizeof saved_path, "%s", path);
    jarva__pdf_options opts = demo_options();
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_OK);
    CHECK_INT(jarva__pdf_demo_render(doc, 0), JARVA_OK);
    int pages = jarva__pdf_page_count(doc);
    CHECK(pages >= 6);
    CHECK_INT(jarva__pdf_save(doc, saved_path), JARVA_OK);
    CHECK_STR(jarva__pdf_errmsg(doc), "");
    jarva__pdf_free(doc);
    check_pdf_frame(saved_path);
    if (!have_poppler())
        return;
    check_with_poppler(saved_path, pages);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", saved_path);
    char *text = capture(cmd);
    CHECK_CONTAINS(text, "Trygghet");
    CHECK_CONTAINS(text, "Sida 1 av");
    char last_page[64];
    snprintf(last_page, sizeof last_page, "Sida %d av %d", pages, pages);
    CHECK_CONTAINS(text, last_page);
    CHECK_CONTAINS(text, "känner");
    CHECK_CONTAINS(text, "64 %"); /* the no-break space comes out as a space */
    CHECK_CONTAINS(text, "procentenheter");
    CHECK_CONTAINS(text, "\xE2\x80\x93");          /* en dash */
    CHECK_CONTAINS(text, "«vi");                   /* guillemets */
    CHECK_CONTAINS(text, "“–”");                   /* curly quotes */
    CHECK_CONTAINS(text, "Bostadsbolaget’s");      /* right single quote */
    CHECK_CONTAINS(text, "42 000 €");              /* euro sign */
    CHECK_CONTAINS(text, "långsamt» …");           /* ellipsis */
    CHECK_CONTAINS(text, "Mål: 70 %");             /* the target's direct label */
    CHECK_CONTAINS(text, "Seriebrott");            /* the break's legend */
    CHECK_CONTAINS(text, "Uppgift saknas: 2020."); /* the missing year, said */
    CHECK_CONTAINS(text, "Inte på väg");           /* a status word */
    CHECK_CONTAINS(text, "1 Sammanfattning");      /* the contents */
    free(text);
    CHECK_INT(check_layout(saved_path, 64.0, 595.276 - 64.0), 0);
    /* The outline's titles are written as UTF-16 with the WinAnsi encoder. */
    size_t size;
    unsigned char *data = slurp(saved_path, &size);
    /* "Förtroende" in UTF-16BE hex, as libHaru writes outline titles. */
    CHECK(data && mem_contains(data, size, "004600F6007200740072006F"));
    CHECK(data && mem_contains(data, size, "/PageMode /UseOutlines"));
    free(data);
}

/* Two renders are byte-identical; SOURCE_DATE_EPOCH sets the creation date
 * and nothing else depends on time. */
static void test_reproducible(void)
{
    unsigned char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    for (int i = 0; i < 2; i++) {
        jarva__pdf_options opts = demo_options();
        jarva__pdf *doc = NULL;
        CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_OK);
        CHECK_INT(jarva__pdf_demo_render(doc, 1), JARVA_OK);
        CHECK_INT(jarva__pdf_save_to_memory(doc, i ? &b : &a, i ? &nb : &na), JARVA_OK);
        jarva__pdf_free(doc);
    }
    CHECK(na > 0 && na == nb && memcmp(a, b, na) == 0);
    /* 1700000000 s is 2023-11-14 22:13:20 UTC. */
    CHECK(mem_contains(a, na, "/CreationDate (D:20231114221320Z"));
    free(a);
    free(b);

    /* Through files too, with the demo writer. */
    char first[4096], second[4096], err[256];
    snprintf(first, sizeof first, "%s", test_tmp_path("pdf_repro_1.pdf"));
    snprintf(second, sizeof second, "%s", test_tmp_path("pdf_repro_2.pdf"));
    CHECK_INT(jarva__pdf_demo_write(first, 0, NULL, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__pdf_demo_write(second, 0, NULL, err, sizeof err), JARVA_OK);
    a = slurp(first, &na);
    b = slurp(second, &nb);
    CHECK(a && b && na == nb && memcmp(a, b, na) == 0);
    free(a);
    free(b);
    if (have_poppler()) {
        char cmd[4400];
        snprintf(cmd, sizeof cmd, "pdfinfo -isodates '%s' 2>&1", first);
        char *info = capture(cmd);
        CHECK_CONTAINS(info, "2023-11-14T22:13:20");
        free(info);
    }

    /* Without the variable: no date at all, and still the same bytes. */
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK_INT(jarva__pdf_demo_write(first, 0, NULL, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__pdf_demo_write(second, 0, NULL, err, sizeof err), JARVA_OK);
    a = slurp(first, &na);
    b = slurp(second, &nb);
    CHECK(a && b && na == nb && memcmp(a, b, na) == 0);
    CHECK(a && !mem_contains(a, na, "/CreationDate"));
    free(a);
    free(b);

    setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_EINVAL);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "SOURCE_DATE_EPOCH");
    jarva__pdf_free(doc);
    unsetenv("SOURCE_DATE_EPOCH");
}

static void test_errors(void)
{
    /* An unwritable path: JARVA_EIO naming it. */
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    CHECK_INT(jarva__pdf_body(doc, "Hej"), JARVA_OK);
    CHECK_INT(jarva__pdf_save(doc, "/nonexistent/dir/x.pdf"), JARVA_EIO);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "/nonexistent/dir/x.pdf");
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "No such file");
    jarva__pdf_free(doc);

    /* No font: JARVA_ENOTFOUND with what to install. */
    jarva__pdf_options opts = JARVA__PDF_OPTIONS_INIT;
    opts.font_dir = "/nonexistent/fonts";
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "LiberationSans-Regular.ttf");
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "fonts-liberation");
    jarva__pdf_free(doc);

    /* A file that is not a font is refused before libHaru sees it (libHaru
     * 2.3.0 crashes on it). */
    const char *fake_dir = test_tmp_path("fakefonts");
    char dir[4096], cmd[16384];
    snprintf(dir, sizeof dir, "%s", fake_dir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && echo notafont > '%s/LiberationSans-Regular.ttf' && "
             "head -c 12 /dev/zero > '%s/LiberationSans-Bold.ttf'",
             dir, dir, dir);
    CHECK_INT(system(cmd), 0);
    opts.font_dir = dir;
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "LiberationSans-Regular.ttf: not a usable TrueType");
    jarva__pdf_free(doc);
    /* The real regular face with a truncated copy as the bold one. */
    snprintf(cmd, sizeof cmd,
             "cp /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf '%s/' 2>/dev/null"
             " && head -c 4000 '%s/LiberationSans-Regular.ttf' > '%s/LiberationSans-Bold.ttf'",
             dir, dir, dir);
    if (system(cmd) == 0) {
        doc = NULL;
        CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_EFORMAT);
        CHECK_CONTAINS(jarva__pdf_errmsg(doc), "beyond the end of the file");
        jarva__pdf_free(doc);
    }

    /* Invalid UTF-8: JARVA_EINVAL with the byte offset; the status sticks,
     * and nothing is written. */
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    CHECK_INT(jarva__pdf_body(doc, "Bra \xC3("), JARVA_EINVAL);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "invalid UTF-8 at byte 4");
    CHECK_INT(jarva__pdf_body(doc, "Giltig text"), JARVA_EINVAL);
    const char *path = test_tmp_path("pdf_invalid.pdf");
    char saved[4096];
    snprintf(saved, sizeof saved, "%s", path);
    CHECK_INT(jarva__pdf_save(doc, saved), JARVA_EINVAL);
    CHECK(access(saved, F_OK) != 0);
    jarva__pdf_free(doc);

    /* A libHaru failure while drawing (a font size of 0) is caught by the
     * handler and comes back as JARVA_EPDF with libHaru's code. */
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    CHECK_INT(jarva__pdf_new_page(doc, 0), JARVA_OK);
    CHECK_INT(jarva__pdf_show_utf8(doc, 100, 100, JARVA__FONT_REGULAR, 0.0, JARVA__COLOR_TEXT,
                                   JARVA__ALIGN_LEFT, "x"),
              JARVA_EPDF);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "libHaru error 0x1050");
    jarva__pdf_free(doc);

    /* Years that do not ascend. */
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    jarva__chart_point pts[2] = { { 2020, 0.5, NAN, NAN, false }, { 2019, 0.6, NAN, NAN, false } };
    jarva__line_series s = { NULL, pts, 2 };
    jarva__line_chart c = jarva__line_chart_init();
    c.title = "Fel";
    c.series = &s;
    c.n_series = 1;
    CHECK_INT(jarva__pdf_line_chart(doc, &c), JARVA_EINVAL);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "2019 after 2020");
    jarva__pdf_free(doc);

    /* A bar chart taller than a page is refused, not drawn over the margin. */
    doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    jarva__bar many[60];
    for (int i = 0; i < 60; i++)
        many[i] = (jarva__bar){ "Område", 0.5, 0.4, 0.6, false };
    jarva__bar_chart b = jarva__bar_chart_init();
    b.title = "För många områden";
    b.bars = many;
    b.n_bars = 60;
    CHECK_INT(jarva__pdf_bar_chart(doc, &b), JARVA_EINVAL);
    CHECK_CONTAINS(jarva__pdf_errmsg(doc), "För många områden");
    jarva__pdf_free(doc);
}

/* Wrapping never exceeds its width, breaks only at spaces when it can, and
 * keeps no-break spaces. */
static void test_wrap(void)
{
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, NULL), JARVA_OK);
    jarva__pdf_style st = jarva__pdf_style_get(JARVA__STYLE_BODY);
    jarva__pdf_lines lines;
    const char *text = "Andelen som känner sig trygga har ökat med 8\xC2\xA0procentenheter "
                       "sedan 2019.\nNy rad. Ettmycketlångtordsomintefårplatspåenradalls";
    CHECK_INT(jarva__pdf_wrap(doc, &st, text, 120.0, &lines), JARVA_OK);
    CHECK(lines.n >= 5);
    bool nbsp_kept = false, newline_kept = false;
    for (size_t i = 0; i < lines.n; i++) {
        const jarva__pdf_text_line *l = &lines.line[i];
        CHECK(l->width <= 120.0 + 1e-9);
        CHECK_REL(l->width, jarva__pdf_width(doc, st.font, st.size, lines.text + l->start, l->len),
                  1e-12);
        if (l->len >= 17 && memcmp(lines.text + l->start, "8\xA0procentenheter", 16) == 0)
            nbsp_kept = true;
        if (l->len == 7 && memcmp(lines.text + l->start, "Ny rad.", 7) == 0)
            newline_kept = true;
        CHECK(l->len == 0 || lines.text[l->start] != ' ');
    }
    CHECK(nbsp_kept);
    CHECK(newline_kept);
    jarva__pdf_lines_free(&lines);
    /* Liberation Sans: "Trygghet" at 10 pt is measured from the font's widths
     * (T 611, r 333, y 500, g 556, g 556, h 556, e 556, t 278 = 3946/1000 em;
     * libHaru truncates each width to whole thousandths, hence the tolerance). */
    CHECK_REL(jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, 10.0, "Trygghet"), 39.46, 2e-3);
    jarva__pdf_free(doc);
}

/* A document of hard cases, checked for overlaps and clipping. */
static void edge_charts(jarva__pdf *doc)
{
    enum { FROM = 1980, YEARS = 45 };
    jarva__chart_point s[4][YEARS];
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < YEARS; i++) {
            double v = 0.2 + 0.15 * k + 0.004 * i + 0.02 * ((i * (k + 3)) % 5) / 5.0;
            bool gap = (i + k) % 11 == 7;
            s[k][i] = (jarva__chart_point){ FROM + i, gap ? NAN : v, v - 0.03, v + 0.03,
                                            FROM + i == 1995 || FROM + i == 2010 };
        }
    jarva__line_series series[4] = {
        { "Akalla, Husby och Kista (norra Järva, samtliga boende 16–84 år)", s[0], YEARS },
        { "Rinkeby och Tensta", s[1], YEARS },
        { "Hjulsta", s[2], YEARS },
        { "Stockholms stad som helhet, för jämförelse med Järva", s[3], YEARS },
    };
    jarva__line_chart c = jarva__line_chart_init();
    c.title = "Figur E1. En mycket lång rubrik som måste brytas över flera rader eftersom den "
              "beskriver indikatorn, populationen, perioden och metoden i detalj: andel boende "
              "16–84 år som känner sig trygga när de går ut ensamma sent en kväll i sitt eget "
              "bostadsområde, per del av Järva, 1980–2024, med 95\xC2\xA0% konfidensintervall "
              "som felstaplar";
    c.subtitle = "Procent. Seriebrott 1995 och 2010 (ändrad metod och nytt urval).";
    c.note = "Källa: påhittade testdata. Tecken utanför Windows-1252 blir ett frågetecken: "
             "→ ✓.";
    c.series = series;
    c.n_series = 4;
    c.target = 0.75;
    c.target_label = "Mål enligt överenskommelsen 2022–2026: minst 75\xC2\xA0% i varje område";
    c.height = 300;
    jarva__pdf_line_chart(doc, &c);

    jarva__chart_point counts[12];
    for (int i = 0; i < 12; i++) {
        double v = 8000 + 420.0 * i + 300 * (i % 3);
        counts[i] = (jarva__chart_point){ 2013 + i, v, v - 600, v + 600, false };
    }
    jarva__line_series cs = { "Anmälda brott", counts, 12 };
    jarva__line_chart cc = jarva__line_chart_init();
    cc.title = "Figur E2. Antal anmälda brott (y-axeln avskuren vid 12\xC2\xA0"
               "000)";
    cc.unit = JARVA__UNIT_NONE;
    cc.unit_label = "Antal";
    cc.series = &cs;
    cc.n_series = 1;
    cc.ci = JARVA__CI_BARS;
    cc.y_min = 0;
    cc.y_max = 12000;
    cc.target = 9000;
    jarva__pdf_line_chart(doc, &cc);

    jarva__chart_point none[3] = { { 2022, NAN, NAN, NAN, false },
                                   { 2023, NAN, NAN, NAN, false },
                                   { 2024, NAN, NAN, NAN, false } };
    jarva__line_series ns = { NULL, none, 3 };
    jarva__line_chart nc = jarva__line_chart_init();
    nc.title = "Figur E3. Inga data alls";
    nc.series = &ns;
    nc.n_series = 1;
    nc.height = 150;
    jarva__pdf_line_chart(doc, &nc);

    jarva__chart_point one = { 2024, 0.42, 0.35, 0.49, false };
    jarva__line_series os = { NULL, &one, 1 };
    jarva__line_chart oc = jarva__line_chart_init();
    oc.title = "Figur E4. Ett enda år";
    oc.series = &os;
    oc.n_series = 1;
    oc.height = 150;
    jarva__pdf_line_chart(doc, &oc);
}

static void edge_bars_and_tables(jarva__pdf *doc)
{
    jarva__bar bars[14];
    for (int i = 0; i < 14; i++) {
        double v = 0.86 + 0.01 * i;
        bars[i] = (jarva__bar){ i % 3 == 0 ? "Rinkeby-Kista stadsdelsområde, norra delen "
                                             "inklusive Kista gård och Husby centrum"
                                           : "Tensta",
                                i % 5 == 4 ? NAN : v, v - 0.05, fmin(v + 0.05, 1.0), i == 13 };
    }
    jarva__bar_chart b = jarva__bar_chart_init();
    b.title = "Figur E5. Andelar nära 100\xC2\xA0% med långa namn";
    b.bars = bars;
    b.n_bars = 14;
    b.target = 0.95;
    b.decimals = 1;
    jarva__pdf_bar_chart(doc, &b);

    jarva__bar hidden[2] = { { "Akalla", NAN, NAN, NAN, false },
                             { "Husby", NAN, NAN, NAN, false } };
    jarva__bar_chart h = jarva__bar_chart_init();
    h.title = "Figur E6. Allt undertryckt";
    h.bars = hidden;
    h.n_bars = 2;
    jarva__pdf_bar_chart(doc, &h);

    jarva__pdf_heading(doc, 1,
                       "En rubrik som är så lång att den bryts över två rader också i "
                       "innehållsförteckningen, där sidnumret ska stå kvar till höger");
    static const jarva__pdf_column cols[] = { { "Text", 3, JARVA__ALIGN_LEFT },
                                              { "Tal", 1, JARVA__ALIGN_RIGHT },
                                              { "Status", 1.4, JARVA__ALIGN_LEFT } };
    jarva__pdf_table_spec spec = { cols, 3, "Tabell E1. Långa celler", "Not.", true, 0 };
    jarva__pdf_table *t;
    if (jarva__pdf_table_begin(doc, &spec, &t) != JARVA_OK)
        return;
    for (int i = 0; i < 30; i++) {
        jarva__pdf_cell cells[3] = {
            { i % 4 == 0 ? "https://start.stockholm/om-stockholms-stad/utredningar-statistik-"
                           "och-fakta/statistik/jarva-trygghetsmatning-2024"
                         : "Kort text",
              false, 0, false },
            { "1\xC2\xA0"
              "234,5",
              false, 0, false },
            { "Status", true, (jarva__pdf_mark)(i % 5), false },
        };
        jarva__pdf_table_row(t, cells);
    }
    jarva__pdf_table_end(t);
}

/* The page number that the contents give for a heading is the page on which
 * pdftotext finds it (after the contents pages). */
static void check_toc_page(const char *path, const char *heading, int pages)
{
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -layout -f 1 -l 2 '%s' - 2>/dev/null", path);
    char *toc = capture(cmd);
    int listed = -1;
    size_t len = strlen(heading);
    for (char *at = toc; at && (at = strstr(at, heading)) != NULL; at += len) {
        if (at[len] != ' ' || (at > toc && at[-1] != ' ' && at[-1] != '\n'))
            continue; /* "Avsnitt 7" must not match "Avsnitt 70" */
        char *eol = strchr(at, '\n');
        char *num = eol ? eol : at + strlen(at);
        while (num > at && num[-1] == ' ')
            num--;
        while (num > at && num[-1] >= '0' && num[-1] <= '9')
            num--;
        listed = atoi(num);
        break;
    }
    free(toc);
    int found = -1;
    for (int p = 3; p <= pages && found < 0; p++) {
        snprintf(cmd, sizeof cmd, "pdftotext -layout -f %d -l %d '%s' - 2>/dev/null", p, p, path);
        char *page = capture(cmd);
        for (char *at = page; at && (at = strstr(at, heading)) != NULL; at += len)
            if ((at[len] == '\n' || at[len] == ' ') &&
                (at == page || at[-1] == ' ' || at[-1] == '\n'))
                found = p;
        free(page);
    }
    CHECK(listed > 0);
    CHECK_INT(listed, found);
}

static void test_edge_document(void)
{
    const char *tmp = test_tmp_path("pdf_edge.pdf");
    char path[4096];
    snprintf(path, sizeof path, "%s", tmp);
    jarva__pdf_options opts = demo_options();
    opts.running_head = "En löpande rubrik som är alldeles för lång för att få plats bredvid "
                        "avsnittets namn och därför förkortas med en ellips";
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_OK);
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_toc_here(doc);
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_heading(doc, 1, "Svåra diagram");
    edge_charts(doc);
    edge_bars_and_tables(doc);
    /* Enough sections for a table of contents of two pages (subsections
     * alone would be left out of it rather than spill: pdf_finish.c). */
    for (int i = 1; i <= 40; i++) {
        char heading[32];
        snprintf(heading, sizeof heading, "Avsnitt %d", i);
        jarva__pdf_heading(doc, 1, heading);
        jarva__pdf_body(doc, "Text.");
    }
    CHECK_INT(jarva__pdf_status(doc), JARVA_OK);
    CHECK_STR(jarva__pdf_errmsg(doc), "");
    int before = jarva__pdf_page_count(doc);
    CHECK_INT(jarva__pdf_save(doc, path), JARVA_OK);
    int pages = jarva__pdf_page_count(doc);
    CHECK_INT(pages, before + 1); /* the contents took a second page */
    jarva__pdf_free(doc);
    check_pdf_frame(path);
    if (!have_poppler())
        return;
    check_with_poppler(path, pages);
    CHECK_INT(check_layout(path, 64.0, 595.276 - 64.0), 0);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
    char *text = capture(cmd);
    CHECK_CONTAINS(text, "Uppgift saknas");              /* the empty chart says so */
    CHECK_CONTAINS(text, "Utanför skalan: 2023, 2024."); /* the cut years are named */
    CHECK_CONTAINS(text, "12 000");                      /* grouped tick labels */
    CHECK_CONTAINS(text, "ett frågetecken: ? ?");        /* replaced characters stay visible */
    CHECK_CONTAINS(text, "\xE2\x80\xA6");                /* the shortened running head */
    free(text);
    check_toc_page(path, "Avsnitt 40", pages);
    check_toc_page(path, "Svåra diagram", pages);
}

static void test_english(void)
{
    jarva__pdf_options opts = JARVA__PDF_OPTIONS_INIT;
    opts.lang = JARVA__LANG_EN;
    opts.title = "Effect report";
    const char *tmp = test_tmp_path("pdf_english.pdf");
    char path[4096];
    snprintf(path, sizeof path, "%s", tmp);
    jarva__pdf *doc = NULL;
    CHECK_INT(jarva__pdf_create(&doc, &opts), JARVA_OK);
    jarva__chart_point pts[3] = { { 2022, 0.60, 0.55, 0.65, false },
                                  { 2023, 0.62, 0.57, 0.67, false },
                                  { 2024, 0.64, 0.59, 0.69, false } };
    jarva__line_series s = { NULL, pts, 3 };
    jarva__line_chart c = jarva__line_chart_init();
    c.title = "Feeling safe";
    c.series = &s;
    c.n_series = 1;
    c.target = 0.7;
    jarva__pdf_line_chart(doc, &c);
    CHECK_INT(jarva__pdf_save(doc, path), JARVA_OK);
    jarva__pdf_free(doc);
    if (!have_poppler())
        return;
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
    char *text = capture(cmd);
    CHECK_CONTAINS(text, "Page 1 of 1");
    CHECK_CONTAINS(text, "Target: 70%");
    CHECK_CONTAINS(text, "95% confidence interval");
    free(text);
}

int main(void)
{
    test_wrap();
    test_demo();
    test_reproducible();
    test_errors();
    test_edge_document();
    test_english();
    return test_report();
}
