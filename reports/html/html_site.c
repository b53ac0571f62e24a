/* html_site.c: jarva_report_write_html(): the web edition of the effect
 * report as a static site in a folder. It reads the same content model as
 * the PDF (jarva__report_open), so both show the same numbers, statuses and
 * sentences, and writes every page, the stylesheet and the open data. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "html_internal.h"
#include "pdf_util.h"
#include "jarva/report.h"

/* Creates dir if it is missing (readable by all: it is to be published). */
static int make_dir(jarva_db *db, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return jarva_error_set(db, JARVA_EIO, "%s: not a directory", dir);
        return JARVA_OK;
    }
    if (mkdir(dir, 0755) != 0)
        return jarva_error_set(db, JARVA_EIO, "%s: cannot create: %s", dir, strerror(errno));
    return JARVA_OK;
}

static int write_site(jarva__html *h)
{
    jarva__html_buf css = { 0 };
    html_add(&css, "%s", jarva__html_css);
    int rc = jarva__html_save(h, &css, "style.css");
    if (!rc)
        rc = jarva__html_index(h);
    if (!rc)
        rc = jarva__html_audiences(h);
    if (!rc)
        rc = jarva__html_areas(h);
    if (!rc)
        rc = jarva__html_examples(h);
    if (!rc)
        rc = jarva__html_press(h);
    if (!rc)
        rc = jarva__html_data(h);
    if (!rc)
        rc = jarva__html_method(h);
    if (!rc)
        rc = jarva__html_a11y(h);
    return rc;
}

int jarva_report_write_html(jarva_db *db, const jarva_report_options *opts, const char *dir)
{
    if (!db)
        return JARVA_EINVAL;
    jarva_error_clear(db);
    if (!dir || !*dir)
        return jarva_error_set(db, JARVA_EINVAL, "report: no output directory");
    /* The folders first, so that a folder that cannot be written fails before
     * anything is computed. */
    char *data = jarva__pdf_aprintf("%s/data", dir);
    if (!data)
        return jarva_error_set(db, JARVA_ENOMEM, "out of memory");
    int rc = make_dir(db, dir);
    if (!rc)
        rc = make_dir(db, data);
    free(data);
    if (rc)
        return rc;
    jarva__html h;
    memset(&h, 0, sizeof h);
    h.dir = dir;
    h.font_dir = opts ? opts->font_dir : NULL;
    h.creation_time = opts ? opts->creation_time : JARVA_REPORT_TIME_FROM_ENV;
    rc = jarva__report_open(&h.r, db, opts);
    if (!rc)
        rc = write_site(&h);
    jarva__report_unload(&h.r);
    return rc;
}
