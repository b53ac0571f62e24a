/* test_report_layout.c: the effect report's layout checked geometrically
 * (issue 12), from the boxes the PDF layer records of what it draws: no text
 * runs over other text or a line (data, target, whisker, rule), or partly
 * over a bar, a filled area, a marker or a symbol (text wholly on a fill,
 * such as a shaded table row, is on its ground; a symbol's "?" is its own); and no page except a part's
 * last is less than half filled (a part: the pages from one page the report
 * starts on purpose to the next). Reports in Swedish and English, for the
 * latest year and for 2023, on several years of data, on one year and on an
 * empty database. Any collision or half-empty page fails, and is printed with
 * its page and text. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jarva_internal.h"
#include "jarva/report.h"
#include "pdf_table.h"
#include "report_internal.h"
#include "report_sample.h"

#define FIXED_TIME 1767225600LL /* 2026-01-01T00:00:00Z */
/* Below this overlap (points) two things only touch, as neighbouring
 * letters of adjacent lines or a rule under a descender-less line do. */
#define TOUCH 0.4

static jarva_db *new_db(const char *name)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path(name);
    char side[4200];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    return db;
}

/* The simulated sample, whole or only the files whose name has `only`. */
static jarva_db *sample_db(const char *name, const char *only)
{
    jarva_db *db = new_db(name);
    char dir[4096], err[512], cmd[4200];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("layout_sample_data"));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK(system(cmd) == 0);
    CHECK_INT(jarva__sample_write(dir, 80, 7, err, sizeof err), JARVA_OK);
    size_t n;
    const jarva__sample_file *files = jarva__sample_files(&n);
    for (size_t i = 0; i < n; i++) {
        if (only && !strstr(files[i].name, only))
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
        opts.kind = files[i].kind;
        jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
        CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    }
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    return db;
}

static bool overlap(double a0, double a1, double b0, double b1)
{
    return fmin(a1, b1) - fmax(a0, b0) > TOUCH;
}

static bool boxes_overlap(const jarva__pdf_box *a, const jarva__pdf_box *b)
{
    return overlap(a->x0, a->x1, b->x0, b->x1) && overlap(a->y0, a->y1, b->y0, b->y1);
}

/* Whether text t lies wholly on the fill f (its ground). */
static bool on_ground(const jarva__pdf_box *t, const jarva__pdf_box *f)
{
    return t->x0 >= f->x0 - TOUCH && t->x1 <= f->x1 + TOUCH && t->y0 >= f->y0 - TOUCH &&
           t->y1 <= f->y1 + TOUCH;
}

/* Whether the segment of line l, widened by half its width, crosses the
 * inside of box t (shrunk by TOUCH): Liang–Barsky clipping of the segment
 * against the box grown by the half width. */
static bool line_crosses(const jarva__pdf_box *l, const jarva__pdf_box *t)
{
    double grow = l->width / 2 - TOUCH;
    double xmin = t->x0 - grow, xmax = t->x1 + grow, ymin = t->y0 - grow, ymax = t->y1 + grow;
    if (xmin >= xmax || ymin >= ymax)
        return false;
    double dx = l->x1 - l->x0, dy = l->y1 - l->y0, lo = 0.0, hi = 1.0;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { l->x0 - xmin, xmax - l->x0, l->y0 - ymin, ymax - l->y0 };
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] <= 0.0)
                return false;
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0)
            lo = fmax(lo, r);
        else
            hi = fmin(hi, r);
        if (lo >= hi)
            return false;
    }
    return true;
}

static const char *ink_name(jarva__pdf_ink ink)
{
    switch (ink) {
    case JARVA__INK_TEXT: return "text";
    case JARVA__INK_LINE: return "line";
    case JARVA__INK_GRID: return "grid";
    case JARVA__INK_FILL: return "fill";
    case JARVA__INK_MARK: return "mark";
    }
    return "?";
}

/* Counts the text boxes that collide with anything they do not belong to. */
static size_t collisions(const char *what, const jarva__report_layout *lay)
{
    size_t found = 0;
    for (size_t i = 0; i < lay->n_boxes; i++) {
        const jarva__pdf_box *t = &lay->boxes[i];
        if (t->ink != JARVA__INK_TEXT || t->x1 - t->x0 < TOUCH)
            continue;
        for (size_t j = 0; j < lay->n_boxes; j++) {
            const jarva__pdf_box *o = &lay->boxes[j];
            if (j == i || o->page != t->page)
                continue;
            bool hit = false;
            switch (o->ink) {
            case JARVA__INK_TEXT: hit = j > i && boxes_overlap(t, o); break;
            case JARVA__INK_LINE: hit = line_crosses(o, t); break;
            /* a symbol's own glyph ("?") lies wholly inside it */
            case JARVA__INK_MARK:
            case JARVA__INK_FILL: hit = boxes_overlap(t, o) && !on_ground(t, o); break;
            case JARVA__INK_GRID: break; /* background: text may cross a grid line */
            }
            if (!hit)
                continue;
            if (found < 12)
                fprintf(stderr,
                        "%s: page %zu: text \"%s\" (%.1f,%.1f)-(%.1f,%.1f) collides with %s "
                        "\"%s\" (%.1f,%.1f)-(%.1f,%.1f)\n",
                        what, t->page + 1, t->text, t->x0, t->y0, t->x1, t->y1, ink_name(o->ink),
                        o->text, o->x0, o->y0, o->x1, o->y1);
            found++;
        }
    }
    return found;
}

/* Counts the pages, other than a part's last, filled less than half: the
 * lowest thing drawn in the frame lies above the frame's middle. */
static size_t half_empty_pages(const char *what, const jarva__report_layout *lay)
{
    size_t found = 0;
    double frame_h = lay->frame.top - lay->frame.bottom;
    for (size_t p = 0; p + 1 < lay->n_pages; p++) {
        if (!(lay->page_flags[p + 1] & JARVA__PAGE_FLOW))
            continue; /* the next page starts a part: this one ends one */
        double lowest = lay->frame.top;
        for (size_t i = 0; i < lay->n_boxes; i++) {
            const jarva__pdf_box *b = &lay->boxes[i];
            if (b->page == p && !b->chrome)
                lowest = fmin(lowest, fmin(b->y0, b->y1));
        }
        double filled = (lay->frame.top - lowest) / frame_h;
        if (filled < 0.5) {
            fprintf(stderr, "%s: page %zu is %.0f %% filled and the text runs on\n", what, p + 1,
                    100 * filled);
            found++;
        }
    }
    return found;
}

/* Counts the headings left at the foot of a page the text runs on from:
 * the lowest text on such a page is bold and at least 10 points (a
 * heading, an indicator's name, a table's caption) with nothing below. */
static size_t stranded_headings(const char *what, const jarva__report_layout *lay)
{
    size_t found = 0;
    for (size_t p = 0; p + 1 < lay->n_pages; p++) {
        if (!(lay->page_flags[p + 1] & JARVA__PAGE_FLOW))
            continue;
        const jarva__pdf_box *lowest = NULL;
        for (size_t i = 0; i < lay->n_boxes; i++) {
            const jarva__pdf_box *b = &lay->boxes[i];
            if (b->page == p && !b->chrome && (!lowest || fmin(b->y0, b->y1) < lowest->y0))
                lowest = b;
        }
        if (lowest && lowest->ink == JARVA__INK_TEXT && lowest->bold && lowest->size >= 10.0) {
            fprintf(stderr, "%s: page %zu ends with the heading \"%s\"\n", what, p + 1,
                    lowest->text);
            found++;
        }
    }
    return found;
}

static void check_report(jarva_db *db, const char *what, const char *lang, int year)
{
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = year;
    opts.lang = lang;
    opts.creation_time = FIXED_TIME;
    jarva__report_layout lay;
    int rc = jarva__report_render_layout(db, &opts, &lay);
    CHECK_INT(rc, JARVA_OK);
    if (rc) {
        fprintf(stderr, "%s: %s\n", what, jarva_errmsg(db));
        return;
    }
    CHECK(lay.n_pages > 1);
    size_t texts = 0;
    for (size_t i = 0; i < lay.n_boxes; i++)
        texts += lay.boxes[i].ink == JARVA__INK_TEXT;
    CHECK(texts > 20 * lay.n_pages / 4); /* the recorder saw the text */
    size_t hits = collisions(what, &lay), empty = half_empty_pages(what, &lay),
           stranded = stranded_headings(what, &lay);
    fprintf(stderr,
            "%s: %zu pages, %zu boxes, %zu collisions, %zu half-empty pages, %zu stranded "
            "headings\n",
            what, lay.n_pages, lay.n_boxes, hits, empty, stranded);
    CHECK_INT((int)hits, 0);
    CHECK_INT((int)empty, 0);
    CHECK_INT((int)stranded, 0);
    jarva__report_layout_free(&lay);
}

/* The checks themselves must be able to fail: a label on a dashed line, two
 * overlapping words, a word half on a bar, and a page that runs on from a
 * quarter-filled one are caught; a word on its shaded row is not. */
static void test_checks_can_fail(void)
{
    jarva__pdf_box boxes[] = {
        { JARVA__INK_TEXT, 0, 100, 100, 140, 108, 0, false, "label", 0, false },
        { JARVA__INK_LINE, 0, 80, 104, 300, 104, 1.1, false, "", 0, false },     /* through it */
        { JARVA__INK_TEXT, 0, 130, 102, 170, 110, 0, false, "other", 0, false }, /* over it */
        { JARVA__INK_FILL, 0, 60, 98, 120, 112, 0, false, "", 0, false },        /* half under it */
        { JARVA__INK_TEXT, 1, 100, 500, 140, 508, 0, false, "row", 0, false },
        { JARVA__INK_FILL, 1, 60, 496, 400, 512, 0, false, "", 0, false },     /* its ground */
        { JARVA__INK_GRID, 1, 120, 450, 120, 600, 0.5, false, "", 0, false },  /* a grid line */
        { JARVA__INK_TEXT, 1, 400, 80, 440, 88, 0, true, "Sida 2", 0, false }, /* the foot */
    };
    /* Page 2 runs on to page 3. */
    unsigned flags[] = { 0, 0, JARVA__PAGE_FLOW };
    jarva__report_layout lay = {
        boxes, sizeof boxes / sizeof boxes[0], flags, 3, { 64, 531, 770, 64, 467 }
    };
    /* label × line, label × other, label × fill, other × line: four (other
     * lies beside the fill); the row on its ground and across the grid
     * line: none. */
    CHECK_INT((int)collisions("constructed", &lay), 4);
    /* Page 2 reaches down to 450 of 770-64 (45 %; the foot does not count). */
    CHECK_INT((int)half_empty_pages("constructed", &lay), 1);
    boxes[4].y0 = 300, boxes[4].y1 = 308; /* now to 300: 67 % */
    CHECK_INT((int)half_empty_pages("constructed", &lay), 0);
    /* A 12-point bold line as the lowest text of page 2 is a stranded
     * heading; as plain text it is not. */
    boxes[4].bold = true, boxes[4].size = 12.0;
    CHECK_INT((int)stranded_headings("constructed", &lay), 1);
    boxes[4].bold = false;
    CHECK_INT((int)stranded_headings("constructed", &lay), 0);
    boxes[4].y0 = 500, boxes[4].y1 = 508;
    flags[2] = 0; /* page 2 ends its part */
    CHECK_INT((int)half_empty_pages("constructed", &lay), 0);
}

/* A table's column of figures gets the width to keep "+0,5 sedan 2021"
 * on one line although its weight alone would wrap it, taken from the
 * column of running text; the running text still wraps. */
static void test_table_widths(void)
{
    jarva__pdf *doc = NULL;
    jarva__pdf_options po = JARVA__PDF_OPTIONS_INIT;
    CHECK_INT(jarva__pdf_create(&doc, &po), JARVA_OK);
    jarva__pdf_record_boxes(doc);
    jarva__pdf_new_page(doc, 0);
    const jarva__pdf_column cols[] = { { "Indikator", 6.0, JARVA__ALIGN_LEFT },
                                       { "Förändring", 0.6, JARVA__ALIGN_RIGHT } };
    jarva__pdf_table_spec spec = { cols, 2, NULL, NULL, false, 0 };
    jarva__pdf_table *t = NULL;
    CHECK_INT(jarva__pdf_table_begin(doc, &spec, &t), JARVA_OK);
    const char *row[] = { "Andel medarbetare som ser hur det egna arbetet bidrar till det "
                          "gemensamma trygghetsarbetet i Järva, med en lång text som måste "
                          "brytas över flera rader i sin kolumn",
                          "+0,5 sedan 2021\nsäkerställd" };
    jarva__pdf_table_row_text(t, row);
    CHECK_INT(jarva__pdf_table_end(t), JARVA_OK);
    size_t n, whole = 0, name_lines = 0;
    const jarva__pdf_box *boxes = jarva__pdf_boxes(doc, &n);
    for (size_t i = 0; i < n; i++) {
        whole += boxes[i].ink == JARVA__INK_TEXT && !strcmp(boxes[i].text, "+0,5 sedan 2021");
        name_lines += boxes[i].ink == JARVA__INK_TEXT && !strncmp(boxes[i].text, "Andel", 5);
    }
    CHECK_INT((int)whole, 1);
    CHECK_INT((int)name_lines, 1);
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += boxes[i].ink == JARVA__INK_TEXT;
    CHECK(lines >= 4); /* the header, two or more lines of the name, the figure and its test */
    jarva__pdf_free(doc);
}

int main(void)
{
    test_table_widths();
    test_checks_can_fail();
    /* Another database to look at, such as the example's (examples/run.sh). */
    const char *other = getenv("JARVA_LAYOUT_DB");
    if (other && *other) {
        jarva_db *db = NULL;
        CHECK_INT(jarva_db_open(&db, other, JARVA_DB_READONLY), JARVA_OK);
        check_report(db, "JARVA_LAYOUT_DB sv", "sv", 0);
        check_report(db, "JARVA_LAYOUT_DB en", "en", 0);
        jarva_db_close(db);
    }
    jarva_db *db = sample_db("layout_full.db", NULL);
    check_report(db, "sv 2025", "sv", 2025);
    check_report(db, "en 2025", "en", 2025);
    check_report(db, "sv 2023", "sv", 2023);
    jarva_db_close(db);
    db = sample_db("layout_one_year.db", "2025");
    check_report(db, "one year", "sv", 2025);
    jarva_db_close(db);
    db = new_db("layout_empty.db");
    check_report(db, "empty", "sv", 2025);
    jarva_db_close(db);
    return test_report();
}
