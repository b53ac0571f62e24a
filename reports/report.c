/* report.c: jarva_report_write() and jarva_report_render(): the effect
 * report from options to bytes. Checks the options and that the estimates
 * are current (the report only reads: it never computes), reads everything (report_data.c), draws the cover,
 * contents, summary, goal sections, activities and appendices, and saves.
 * The date printed is the caller's, SOURCE_DATE_EPOCH's or today's; the
 * date written into the PDF only the first two. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <strings.h>

#include "jarva/report.h"
#include "pdf_text.h"
#include "report_internal.h"

int jarva__report_section(jarva__report *r, const char *title)
{
    char *heading = jarva__pdf_aprintf("%d %s", ++r->section, title);
    if (!heading)
        return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    int rc = jarva__pdf_heading(r->doc, 1, heading);
    free(heading);
    return rc;
}

static int check_options(jarva_db *db, const jarva_report_options *opts, jarva__lang *lang)
{
    if (opts->version != JARVA_REPORT_OPTIONS_VERSION && opts->version != 1)
        return jarva_error_set(db, JARVA_EINVAL,
                               "report options version %u not supported (expected %u)",
                               opts->version, JARVA_REPORT_OPTIONS_VERSION);
    if (opts->year != 0 && (opts->year < 1900 || opts->year > 2200))
        return jarva_error_set(db, JARVA_EINVAL, "report year %d is not between 1900 and 2200",
                               opts->year);
    if (!opts->lang || !strcmp(opts->lang, "sv"))
        *lang = JARVA__LANG_SV;
    else if (!strcmp(opts->lang, "en"))
        *lang = JARVA__LANG_EN;
    else
        return jarva_error_set(db, JARVA_EINVAL, "report language \"%s\" is not sv or en",
                               opts->lang);
    if (opts->creation_time < JARVA_REPORT_TIME_FROM_ENV)
        return jarva_error_set(db, JARVA_EINVAL, "creation time %lld is negative",
                               opts->creation_time);
    return JARVA_OK;
}

/* SOURCE_DATE_EPOCH as seconds, or -1 if unset or malformed (the PDF layer
 * reports a malformed one as an error). */
static long long source_date_epoch(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (!env || *env < '0' || *env > '9')
        return -1;
    char *end = NULL;
    errno = 0;
    long long t = strtoll(env, &end, 10);
    return errno || *end ? -1 : t;
}

/* The cover's date is the publication date (issue 12): the creation time
 * if the caller gave one, else SOURCE_DATE_EPOCH, else today; never the day
 * of the latest import. Only the cover shows today: the PDF's own creation
 * date is written only from the first two, so that runs on one day give the
 * same bytes and SOURCE_DATE_EPOCH makes them reproducible on any day. */
static void cover_date(jarva__report *r, long long creation_time)
{
    long long t = creation_time >= 0 ? creation_time : source_date_epoch();
    if (t < 0)
        t = (long long)time(NULL);
    r->date[0] = '\0';
    jarva__report_date_from_time(r->lang, t, r->date, sizeof r->date);
}

/* Whether a batch's file or source says it is simulated ("simulerade-
 * trygghetsenkat-2025.csv", as examples/ names its files): then every page
 * says so even if the caller gave no notice. */
static bool simulated(const jarva_batch_list *batches)
{
    static const char *const words[] = { "simulerad", "simulated" };
    for (size_t i = 0; i < jarva_batch_list_count(batches); i++) {
        const jarva_batch *b = jarva_batch_list_get(batches, i);
        const char *texts[] = { b->file_name, b->source };
        for (size_t t = 0; t < 2; t++)
            for (const char *p = texts[t]; p && *p; p++)
                for (size_t w = 0; w < 2; w++)
                    if (!strncasecmp(p, words[w], strlen(words[w])))
                        return true;
    }
    return false;
}

static int create_document(jarva__report *r, const jarva_report_options *opts)
{
    char title[160], subject[300], head[160];
    if (r->lang == JARVA__LANG_SV) {
        snprintf(title, sizeof title, "Effektrapport %d – Järvasamverkan", r->year);
        snprintf(subject, sizeof subject,
                 "Uppföljning av kommunikationsplanens mätbara mål till och med %d (planversion "
                 "%d)",
                 r->year, r->plan.year);
        snprintf(head, sizeof head, "Effektrapport %d · Järvasamverkan", r->year);
    } else {
        snprintf(title, sizeof title, "Effect report %d – Järva collaboration", r->year);
        snprintf(subject, sizeof subject,
                 "Follow-up of the communication plan's measurable goals up to %d (plan version "
                 "%d)",
                 r->year, r->plan.year);
        snprintf(head, sizeof head, "Effect report %d · Järva collaboration", r->year);
    }
    jarva__pdf_options po = JARVA__PDF_OPTIONS_INIT;
    po.lang = r->lang;
    po.title = title;
    po.subject = subject;
    po.author = TR(r, "Järvasamverkan", "Järva collaboration");
    po.keywords = TR(r, "Järva, trygghet, kommunikationsplan, effektrapport",
                     "Järva, safety, communication plan, effect report");
    po.running_head = head;
    po.font_dir = opts->font_dir;
    po.creation_time = opts->creation_time >= 0 ? opts->creation_time : JARVA__PDF_DATE_FROM_ENV;
    po.notice = r->notice;
    return jarva__pdf_create(&r->doc, &po);
}

int jarva__report_flow_section(jarva__report *r, double height)
{
    if (jarva__pdf_cursor(r->doc) < jarva__pdf_get_frame(r->doc).top - 0.01)
        return jarva__pdf_need(r->doc, height);
    return jarva__pdf_status(r->doc);
}

int jarva__report_new_part(jarva__report *r)
{
    if (r->continue_page) {
        r->continue_page = false;
        return jarva__pdf_status(r->doc);
    }
    return jarva__pdf_new_page(r->doc, 0);
}

/* toc_height: the room for the contents, measured on a first rendering, or
 * 0 to reserve the rest of its page. */
static int draw(jarva__report *r, double toc_height)
{
    jarva__pdf *doc = r->doc;
    jarva__report_cover(r);
    jarva__report_glance(r);
    jarva__pdf_new_page(doc, 0);
    jarva__pdf_style h1 = jarva__pdf_style_get(JARVA__STYLE_H1);
    jarva__pdf_paragraph(doc, &h1, TR(r, "Innehåll", "Contents"), 10);
    if (toc_height > 0) {
        /* The contents are a dozen lines: the summary follows on their page
         * instead of leaving it mostly empty (issue 12). */
        jarva__pdf_toc_reserve(doc, toc_height);
        jarva__pdf_advance(doc, 8.0);
        r->continue_page = true;
    } else {
        jarva__pdf_toc_here(doc);
    }
    jarva__report_summary(r);
    jarva__report_goals(r);
    jarva__report_activity(r);
    jarva__report_areas(r);
    jarva__report_method(r);
    jarva__report_sources(r);
    return jarva__pdf_status(doc);
}

int jarva__report_open(jarva__report *r, jarva_db *db, const jarva_report_options *opts_in)
{
    static const jarva_report_options defaults = JARVA_REPORT_OPTIONS_INIT;
    const jarva_report_options *opts = opts_in ? opts_in : &defaults;
    jarva_error_clear(db);
    memset(r, 0, sizeof *r);
    r->db = db;
    int rc = check_options(db, opts, &r->lang);
    if (rc)
        return rc;
    r->notice = opts->notice && *opts->notice ? opts->notice : NULL;
    /* The report only reads (issue 12): estimates older than the latest
     * import are refused, or shown as they are when the caller says so. */
    int stale = 0;
    rc = jarva_estimates_stale(&stale, db);
    if (rc)
        return rc;
    r->stale = stale != 0;
    if (r->stale && !(opts->version >= 2 && opts->allow_stale))
        return jarva_error_set(db, JARVA_ESTALE,
                               "%s: batches were imported after the estimates were computed; "
                               "compute the estimates first, or allow stale estimates",
                               jarva_db_path(db));
    r->year = opts->year;
    if (!r->year && (rc = jarva_estimates_latest_year(&r->year, db)) != JARVA_OK)
        return rc;
    if (!r->year) {
        /* No estimate at all: report on the plan's own year. */
        jarva_plan plan = JARVA_PLAN_INIT;
        rc = jarva_plan_get(&plan, db);
        r->year = rc ? 0 : plan.year;
        if (rc && rc != JARVA_ENOTFOUND)
            return rc;
    }
    rc = jarva__report_load(r);
    if (!rc && !r->notice && simulated(r->batches))
        r->notice = TR(r, "Simulerade exempeldata \xE2\x80\x93 inte verkliga resultat",
                       "Simulated example data \xE2\x80\x93 not real results");
    if (!rc)
        cover_date(r, opts->creation_time);
    return rc;
}

/* Copies what the document recorded into *out (the layout tests). */
static int copy_layout(jarva__pdf *doc, jarva__report_layout *out)
{
    size_t n;
    const jarva__pdf_box *boxes = jarva__pdf_boxes(doc, &n);
    out->n_pages = (size_t)jarva__pdf_page_count(doc);
    out->boxes = malloc((n ? n : 1) * sizeof *out->boxes);
    out->page_flags = malloc((out->n_pages ? out->n_pages : 1) * sizeof *out->page_flags);
    if (!out->boxes || !out->page_flags)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    if (n)
        memcpy(out->boxes, boxes, n * sizeof *boxes);
    out->n_boxes = n;
    for (size_t i = 0; i < out->n_pages; i++)
        out->page_flags[i] = jarva__pdf_page_flags(doc, i);
    out->frame = jarva__pdf_get_frame(doc);
    return JARVA_OK;
}

void jarva__report_layout_free(jarva__report_layout *layout)
{
    if (!layout)
        return;
    free(layout->boxes);
    free(layout->page_flags);
    memset(layout, 0, sizeof *layout);
}

/* Renders into path, or into *data and *size when path is NULL; records
 * what it drew into *layout if that is not NULL. */
static int render(jarva_db *db, const jarva_report_options *opts_in, const char *path,
                  unsigned char **data, size_t *size, jarva__report_layout *layout)
{
    static const jarva_report_options defaults = JARVA_REPORT_OPTIONS_INIT;
    const jarva_report_options *opts = opts_in ? opts_in : &defaults;
    jarva__report r;
    int rc = jarva__report_open(&r, db, opts);
    if (!rc) {
        /* A first rendering measures the contents, so that the second can
         * reserve just their room (a report renders in well under 0.1 s). */
        double toc_height = 0.0;
        rc = create_document(&r, opts);
        if (!rc)
            rc = draw(&r, 0.0);
        if (!rc) {
            toc_height = jarva__pdf_toc_height(r.doc);
            rc = jarva__pdf_status(r.doc);
        }
        if (!rc) { /* on failure the document keeps its message for below */
            jarva__pdf_free(r.doc);
            r.doc = NULL;
            r.figure = r.table = r.section = 0;
            rc = create_document(&r, opts);
        }
        if (!rc && layout)
            jarva__pdf_record_boxes(r.doc);
        if (!rc)
            rc = draw(&r, toc_height);
        if (!rc)
            rc = path ? jarva__pdf_save(r.doc, path) : jarva__pdf_save_to_memory(r.doc, data, size);
        if (!rc && layout)
            rc = copy_layout(r.doc, layout);
        if (rc)
            jarva_error_set(db, rc, "report: %s", jarva__pdf_errmsg(r.doc));
    }
    jarva__pdf_free(r.doc);
    jarva__report_unload(&r);
    return rc;
}

/* A report that cannot be saved must fail before it computes anything: the
 * database is left as it was. The folder must take a new file, or the file
 * must be writable. */
static int check_writable(jarva_db *db, const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? jarva__pdf_strndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : jarva__pdf_strdup(".");
    if (!dir)
        return jarva_error_set(db, JARVA_ENOMEM, "out of memory");
    int exists = access(path, F_OK) == 0;
    int ok = exists ? access(path, W_OK) == 0 : access(dir, W_OK | X_OK) == 0;
    int saved = errno;
    free(dir);
    if (!ok)
        return jarva_error_set(db, JARVA_EIO, "%s: cannot create: %s", path, strerror(saved));
    return JARVA_OK;
}

int jarva_report_write(jarva_db *db, const jarva_report_options *opts, const char *path)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva_error_clear(db);
    if (!db)
        return JARVA_EINVAL;
    if (!path || !*path)
        return jarva_error_set(db, JARVA_EINVAL, "report: no output path");
    /* Never over what the report reads: the database (and its -wal, -shm),
     * the fonts. */
    char *fonts[2] = { NULL, NULL };
    const char *font_dir = opts ? opts->font_dir : NULL;
    for (int bold = 0; bold < 2; bold++)
        fonts[bold] = jarva__pdf_font_path(font_dir, bold);
    int rc = jarva_output_check_db(db, path, (const char *const *)fonts, 2);
    free(fonts[0]);
    free(fonts[1]);
    if (!rc)
        rc = check_writable(db, path);
    if (rc)
        return rc;
    return render(db, opts, path, NULL, NULL, NULL);
}

int jarva_report_render(unsigned char **data, size_t *size, jarva_db *db,
                        const jarva_report_options *opts)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva_error_clear(db);
    if (!db)
        return JARVA_EINVAL;
    if (!data || !size)
        return jarva_error_set(db, JARVA_EINVAL, "report: nowhere to put the bytes");
    *data = NULL;
    *size = 0;
    return render(db, opts, NULL, data, size, NULL);
}

int jarva__report_render_layout(jarva_db *db, const jarva_report_options *opts,
                                jarva__report_layout *layout)
{
    memset(layout, 0, sizeof *layout);
    if (!db)
        return JARVA_EINVAL;
    jarva_error_clear(db);
    unsigned char *data = NULL;
    size_t size = 0;
    int rc = render(db, opts, NULL, &data, &size, layout);
    free(data);
    if (rc)
        jarva__report_layout_free(layout);
    return rc;
}
