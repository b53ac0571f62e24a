/* pdf_doc.c: the document wrapper around libHaru: creation with embedded fonts
 * and reproducible document information, sticky error handling, pages and the
 * flowing cursor, Windows-1252 text, simple drawing and saving. */
#include "pdf_doc_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jarva/output.h>

#include "text_cp1252.h"

/* libHaru's codes that a report can meet, for messages that say something. */
static const char *hpdf_error_name(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file input/output error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open file";
    case HPDF_FONT_EXISTS: return "font already loaded";
    case HPDF_INVALID_DATE_TIME: return "invalid date";
    case HPDF_INVALID_DOCUMENT: return "invalid document";
    case HPDF_INVALID_DOCUMENT_STATE: return "invalid document state";
    case HPDF_INVALID_ENCODER: return "invalid encoder";
    case HPDF_INVALID_FONT_NAME: return "invalid font name";
    case HPDF_INVALID_OUTLINE: return "invalid outline";
    case HPDF_INVALID_PAGE: return "invalid page";
    case HPDF_INVALID_PARAMETER: return "invalid parameter";
    case HPDF_PAGE_CANNOT_RESTORE_GSTATE: return "unbalanced graphics state";
    case HPDF_PAGE_FONT_NOT_FOUND: return "no font set";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_PAGE_INVALID_GMODE: return "operator not allowed in this graphics mode";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
    case HPDF_REAL_OUT_OF_RANGE: return "number out of range";
    case HPDF_STRING_OUT_OF_RANGE: return "string too long";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font forbids embedding";
    case HPDF_TTF_INVALID_CMAP: return "invalid TrueType cmap";
    case HPDF_TTF_INVALID_FOMAT: return "invalid TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "TrueType table missing";
    case HPDF_ZLIB_ERROR: return "compression error";
    case HPDF_EXCEED_GSTATE_LIMIT: return "too many nested graphics states";
    default: return "error";
    }
}

/* Given to HPDF_New: records the first error and returns, so that the failing
 * call returns its error code (libHaru's own examples longjmp here instead). */
static void HPDF_STDCALL on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    jarva__pdf *doc = user_data;
    if (doc->hpdf_error == 0) {
        doc->hpdf_error = error_no;
        doc->hpdf_detail = detail_no;
    }
}

int jarva__pdf_fail(jarva__pdf *doc, int code, const char *fmt, ...)
{
    if (doc->err.code != JARVA_OK)
        return doc->err.code;
    va_list ap;
    va_start(ap, fmt);
    doc->err.code = code;
    free(doc->err.message);
    doc->err.message = jarva__pdf_vaprintf(fmt, ap);
    va_end(ap);
    return code;
}

int jarva__pdf_check(jarva__pdf *doc, const char *what)
{
    if (doc->hpdf_error != 0 && doc->err.code == JARVA_OK) {
        HPDF_STATUS code = doc->hpdf_error;
        int status = JARVA_EPDF;
        if (code == HPDF_FAILD_TO_ALLOC_MEM)
            status = JARVA_ENOMEM;
        else if (code == HPDF_FILE_IO_ERROR || code == HPDF_FILE_OPEN_ERROR)
            status = JARVA_EIO;
        jarva__pdf_fail(doc, status, "%s: libHaru error 0x%04X (%s, detail %u)", what,
                        (unsigned)code, hpdf_error_name(code), (unsigned)doc->hpdf_detail);
    }
    return doc->err.code;
}

int jarva__pdf_status(const jarva__pdf *doc)
{
    return doc ? doc->err.code : JARVA_ENOMEM;
}

const char *jarva__pdf_errmsg(const jarva__pdf *doc)
{
    if (!doc)
        return "out of memory";
    return doc->err.message ? doc->err.message : "";
}

int jarva__pdf_grow(jarva__pdf *doc, void **array, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return JARVA_OK;
    size_t grown = *cap ? *cap * 2 : 16;
    void *bigger = realloc(*array, grown * size);
    if (!bigger)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    *array = bigger;
    *cap = grown;
    return JARVA_OK;
}

char *jarva__pdf_encode(jarva__pdf *doc, const char *utf8)
{
    if (doc->err.code != JARVA_OK)
        return NULL;
    if (!utf8)
        utf8 = "";
    size_t len = strlen(utf8), bad = 0;
    char *out = malloc(len + 1);
    if (!out) {
        jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
        return NULL;
    }
    if (jarva__utf8_to_cp1252(utf8, len, out, NULL, NULL, &bad) != JARVA_OK) {
        /* Quote the text before the bad byte (at most 60 bytes, cut at a
         * character boundary), so that the message itself is valid UTF-8. */
        size_t shown = bad < 60 ? bad : 60;
        while (shown > 0 && ((unsigned char)utf8[shown] & 0xC0) == 0x80)
            shown--;
        jarva__pdf_fail(doc, JARVA_EINVAL, "invalid UTF-8 at byte %zu of the text \"%.*s\"", bad,
                        (int)shown, utf8);
        free(out);
        return NULL;
    }
    return out;
}

static const char *const font_files[2] = { "LiberationSans-Regular.ttf",
                                           "LiberationSans-Bold.ttf" };

char *jarva__pdf_font_path(const char *font_dir, int bold)
{
    return jarva__pdf_font_find(font_dir, font_files[bold ? 1 : 0]);
}

static int load_fonts(jarva__pdf *doc, const char *font_dir)
{
    for (int i = 0; i < 2; i++) {
        char *path = jarva__pdf_font_find(font_dir, font_files[i]);
        if (!path)
            return jarva__pdf_fail(doc, JARVA_ENOTFOUND,
                                   "font %s not found in %s (install the package "
                                   "fonts-liberation, or give the directory that holds it)",
                                   font_files[i],
                                   font_dir ? font_dir : "the usual font directories");
        if (jarva__pdf_font_check(doc, path) != JARVA_OK) {
            free(path);
            return jarva__pdf_status(doc);
        }
        const char *name = HPDF_LoadTTFontFromFile(doc->hpdf, path, HPDF_TRUE);
        if (name)
            doc->fonts[i] = HPDF_GetFont(doc->hpdf, name, "WinAnsiEncoding");
        if (!doc->fonts[i]) {
            char *what = jarva__pdf_aprintf("loading the font %s", path);
            jarva__pdf_check(doc, what ? what : "loading a font");
            free(what);
            free(path);
            return jarva__pdf_fail(doc, JARVA_EPDF, "cannot load the font %s", font_files[i]);
        }
        free(path);
        doc->font_ascent[i] = HPDF_Font_GetAscent(doc->fonts[i]);
        doc->font_descent[i] = -(double)HPDF_Font_GetDescent(doc->fonts[i]);
        doc->font_cap[i] = HPDF_Font_GetCapHeight(doc->fonts[i]);
    }
    return JARVA_OK;
}

/* The creation date: opts' time, else SOURCE_DATE_EPOCH (the reproducible-
 * builds convention, https://reproducible-builds.org/specs/source-date-epoch/),
 * else none. A malformed variable is an error, as that specification asks. */
static int set_date(jarva__pdf *doc, long long when)
{
    if (when == JARVA__PDF_DATE_FROM_ENV) {
        const char *env = getenv("SOURCE_DATE_EPOCH");
        if (!env || !*env)
            return JARVA_OK;
        char *end = NULL;
        errno = 0;
        when = strtoll(env, &end, 10);
        if (errno || *end || when < 0 || env[0] < '0' || env[0] > '9')
            return jarva__pdf_fail(doc, JARVA_EINVAL,
                                   "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds", env);
    }
    time_t seconds = (time_t)when;
    struct tm utc;
    if (when < 0 || !gmtime_r(&seconds, &utc) || utc.tm_year + 1900 > 9999)
        return jarva__pdf_fail(doc, JARVA_EINVAL, "creation time %lld is out of range", when);
    HPDF_Date date = { utc.tm_year + 1900,
                       utc.tm_mon + 1,
                       utc.tm_mday,
                       utc.tm_hour,
                       utc.tm_min,
                       utc.tm_sec,
                       'Z',
                       0,
                       0 };
    HPDF_SetInfoDateAttr(doc->hpdf, HPDF_INFO_CREATION_DATE, date);
    return jarva__pdf_check(doc, "setting the creation date");
}

/* Sets one information string; the current encoder (WinAnsi) makes libHaru
 * write it as UTF-16, so Swedish letters survive. */
static int set_info(jarva__pdf *doc, HPDF_InfoType type, const char *utf8)
{
    if (!utf8)
        return JARVA_OK;
    char *text = jarva__pdf_encode(doc, utf8);
    if (!text)
        return doc->err.code;
    HPDF_SetInfoAttr(doc->hpdf, type, text);
    free(text);
    return jarva__pdf_check(doc, "setting the document information");
}

static int setup(jarva__pdf *doc, const jarva__pdf_options *opts)
{
    doc->hpdf = HPDF_New(on_hpdf_error, doc);
    if (!doc->hpdf)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory creating the PDF document");
    HPDF_SetCompressionMode(doc->hpdf, HPDF_COMP_ALL);
    HPDF_SetCurrentEncoder(doc->hpdf, "WinAnsiEncoding");
    doc->encoder = HPDF_GetEncoder(doc->hpdf, "WinAnsiEncoding");
    if (jarva__pdf_check(doc, "setting up the PDF document") != JARVA_OK)
        return doc->err.code;
    if (load_fonts(doc, opts->font_dir) != JARVA_OK)
        return doc->err.code;
    if (set_info(doc, HPDF_INFO_TITLE, opts->title) ||
        set_info(doc, HPDF_INFO_SUBJECT, opts->subject) ||
        set_info(doc, HPDF_INFO_AUTHOR, opts->author) ||
        set_info(doc, HPDF_INFO_KEYWORDS, opts->keywords) ||
        set_info(doc, HPDF_INFO_CREATOR, "libjarva") ||
        set_info(doc, HPDF_INFO_PRODUCER, "libjarva " JARVA_VERSION_STRING))
        return doc->err.code;
    if (set_date(doc, opts->creation_time) != JARVA_OK)
        return doc->err.code;
    const char *head = opts->running_head ? opts->running_head : opts->title;
    doc->running_head = jarva__pdf_encode(doc, head ? head : "");
    if (opts->notice && *opts->notice)
        doc->notice = jarva__pdf_encode(doc, opts->notice);
    return doc->err.code;
}

int jarva__pdf_create(jarva__pdf **out, const jarva__pdf_options *opts)
{
    static const jarva__pdf_options defaults = JARVA__PDF_OPTIONS_INIT;
    jarva__pdf *doc = calloc(1, sizeof *doc);
    *out = doc;
    if (!doc)
        return JARVA_ENOMEM;
    if (!opts)
        opts = &defaults;
    doc->lang = opts->lang == JARVA__LANG_EN ? JARVA__LANG_EN : JARVA__LANG_SV;
    doc->toc_page = -1;
    doc->frame.left = PDF_MARGIN_SIDE;
    doc->frame.right = PDF_PAGE_WIDTH - PDF_MARGIN_SIDE;
    doc->frame.top = PDF_PAGE_HEIGHT - PDF_MARGIN_TOP;
    doc->frame.bottom = PDF_MARGIN_BOTTOM;
    doc->frame.width = doc->frame.right - doc->frame.left;
    doc->cursor = doc->frame.top;
    return setup(doc, opts);
}

void jarva__pdf_free(jarva__pdf *doc)
{
    if (!doc)
        return;
    if (doc->hpdf)
        HPDF_Free(doc->hpdf);
    for (size_t i = 0; i < doc->n_marks; i++)
        free(doc->marks[i].title);
    free(doc->marks);
    free(doc->pages);
    free(doc->boxes);
    free(doc->running_head);
    free(doc->notice);
    free(doc->err.message);
    free(doc);
}

jarva__lang jarva__pdf_lang(const jarva__pdf *doc)
{
    return doc->lang;
}

jarva__pdf_frame jarva__pdf_get_frame(const jarva__pdf *doc)
{
    return doc->frame;
}

HPDF_Page jarva__pdf_page(const jarva__pdf *doc)
{
    if (doc->err.code != JARVA_OK || doc->n_pages == 0)
        return NULL;
    return doc->target ? doc->target : doc->pages[doc->n_pages - 1].page;
}

HPDF_Font jarva__pdf_hfont(const jarva__pdf *doc, jarva__pdf_font font)
{
    return doc->fonts[font == JARVA__FONT_BOLD ? 1 : 0];
}

int jarva__pdf_page_count(const jarva__pdf *doc)
{
    return (int)doc->n_pages;
}

int jarva__pdf_new_page(jarva__pdf *doc, unsigned flags)
{
    if (doc->err.code != JARVA_OK)
        return doc->err.code;
    if (doc->finished)
        return jarva__pdf_fail(doc, JARVA_EINVAL,
                               "a page was added after the document was finished");
    if (jarva__pdf_grow(doc, (void **)&doc->pages, &doc->cap_pages, doc->n_pages,
                        sizeof *doc->pages) != JARVA_OK)
        return doc->err.code;
    HPDF_Page page = HPDF_AddPage(doc->hpdf);
    if (!page) {
        jarva__pdf_check(doc, "adding a page");
        return jarva__pdf_fail(doc, JARVA_EPDF, "adding a page failed");
    }
    HPDF_Page_SetWidth(page, (HPDF_REAL)PDF_PAGE_WIDTH);
    HPDF_Page_SetHeight(page, (HPDF_REAL)PDF_PAGE_HEIGHT);
    doc->pages[doc->n_pages].page = page;
    doc->pages[doc->n_pages].flags = flags;
    doc->n_pages++;
    doc->cursor = doc->frame.top;
    return jarva__pdf_check(doc, "adding a page");
}

int jarva__pdf_need(jarva__pdf *doc, double height)
{
    if (doc->err.code != JARVA_OK)
        return doc->err.code;
    if (doc->n_pages == 0 || doc->cursor - height < doc->frame.bottom - 0.01)
        return jarva__pdf_new_page(doc, doc->n_pages ? JARVA__PAGE_FLOW : 0);
    return JARVA_OK;
}

double jarva__pdf_cursor(const jarva__pdf *doc)
{
    return doc->cursor;
}

void jarva__pdf_advance(jarva__pdf *doc, double height)
{
    doc->cursor -= height;
    if (doc->cursor < doc->frame.bottom)
        doc->cursor = doc->frame.bottom;
}

double jarva__pdf_space_left(const jarva__pdf *doc)
{
    return doc->n_pages ? doc->cursor - doc->frame.bottom : 0.0;
}

double jarva__pdf_width(const jarva__pdf *doc, jarva__pdf_font font, double size,
                        const char *cp1252, size_t len)
{
    if (len == 0)
        return 0.0;
    HPDF_TextWidth tw =
        HPDF_Font_TextWidth(jarva__pdf_hfont(doc, font), (const HPDF_BYTE *)cp1252, (HPDF_UINT)len);
    return tw.width * size / 1000.0;
}

double jarva__pdf_width_utf8(jarva__pdf *doc, jarva__pdf_font font, double size, const char *utf8)
{
    char *text = jarva__pdf_encode(doc, utf8);
    if (!text)
        return 0.0;
    double width = jarva__pdf_width(doc, font, size, text, strlen(text));
    free(text);
    return width;
}

double jarva__pdf_ascent(const jarva__pdf *doc, jarva__pdf_font font, double size)
{
    return doc->font_ascent[font == JARVA__FONT_BOLD] * size / 1000.0;
}

double jarva__pdf_descent(const jarva__pdf *doc, jarva__pdf_font font, double size)
{
    return doc->font_descent[font == JARVA__FONT_BOLD] * size / 1000.0;
}

double jarva__pdf_cap_height(const jarva__pdf *doc, jarva__pdf_font font, double size)
{
    return doc->font_cap[font == JARVA__FONT_BOLD] * size / 1000.0;
}

void jarva__pdf_show(jarva__pdf *doc, double x, double y, jarva__pdf_font font, double size,
                     jarva__rgb color, jarva__align align, const char *cp1252, size_t len)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page || len == 0)
        return;
    /* libHaru wants a NUL-terminated string; lines of a wrapped paragraph are not. */
    char small[256];
    char *text = len < sizeof small ? small : malloc(len + 1);
    if (!text) {
        jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
        return;
    }
    memcpy(text, cp1252, len);
    text[len] = '\0';
    double width = jarva__pdf_width(doc, font, size, text, len);
    if (align == JARVA__ALIGN_RIGHT)
        x -= width;
    else if (align == JARVA__ALIGN_CENTER)
        x -= width / 2;
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, jarva__pdf_hfont(doc, font), (HPDF_REAL)size);
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
    HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, text);
    HPDF_Page_EndText(page);
    jarva__pdf_record_text(doc, x, y, font, size, width, text, len);
    if (text != small)
        free(text);
}

int jarva__pdf_show_utf8(jarva__pdf *doc, double x, double y, jarva__pdf_font font, double size,
                         jarva__rgb color, jarva__align align, const char *utf8)
{
    char *text = jarva__pdf_encode(doc, utf8);
    if (!text)
        return doc->err.code;
    jarva__pdf_show(doc, x, y, font, size, color, align, text, strlen(text));
    free(text);
    return jarva__pdf_check(doc, "drawing text");
}

void jarva__pdf_fill_color(jarva__pdf *doc, jarva__rgb color)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (page)
        HPDF_Page_SetRGBFill(page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
}

void jarva__pdf_stroke_color(jarva__pdf *doc, jarva__rgb color)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (page)
        HPDF_Page_SetRGBStroke(page, (HPDF_REAL)color.r, (HPDF_REAL)color.g, (HPDF_REAL)color.b);
}

void jarva__pdf_fill_rect(jarva__pdf *doc, double x, double y, double w, double h, jarva__rgb color)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page || w <= 0 || h <= 0)
        return;
    jarva__pdf_fill_color(doc, color);
    HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(page);
    jarva__pdf_record(doc, JARVA__INK_FILL, x, y, x + w, y + h, 0.0);
}

static void stroke_line(jarva__pdf *doc, double x1, double y1, double x2, double y2, double width,
                        jarva__rgb color, jarva__line_style style)
{
    static const HPDF_UINT16 dashed[] = { 4, 3 }, dotted[] = { 1, 2 };
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page)
        return;
    jarva__pdf_stroke_color(doc, color);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
    if (style == JARVA__LINE_DASHED)
        HPDF_Page_SetDash(page, dashed, 2, 0);
    else if (style == JARVA__LINE_DOTTED)
        HPDF_Page_SetDash(page, dotted, 2, 0);
    HPDF_Page_MoveTo(page, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_LineTo(page, (HPDF_REAL)x2, (HPDF_REAL)y2);
    HPDF_Page_Stroke(page);
    if (style != JARVA__LINE_SOLID)
        HPDF_Page_SetDash(page, NULL, 0, 0);
}

void jarva__pdf_line(jarva__pdf *doc, double x1, double y1, double x2, double y2, double width,
                     jarva__rgb color, jarva__line_style style)
{
    stroke_line(doc, x1, y1, x2, y2, width, color, style);
    /* A dotted leader (contents) is a guide for the eye, like a grid line. */
    jarva__pdf_record(doc, style == JARVA__LINE_DOTTED ? JARVA__INK_GRID : JARVA__INK_LINE, x1, y1,
                      x2, y2, width);
}

void jarva__pdf_grid_line(jarva__pdf *doc, double x1, double y1, double x2, double y2, double width,
                          jarva__rgb color)
{
    stroke_line(doc, x1, y1, x2, y2, width, color, JARVA__LINE_SOLID);
    jarva__pdf_record(doc, JARVA__INK_GRID, x1, y1, x2, y2, width);
}

/* Writes the finished document to memory. */
int jarva__pdf_save_to_memory(jarva__pdf *doc, unsigned char **data, size_t *size)
{
    *data = NULL;
    *size = 0;
    if (jarva__pdf_finish(doc) != JARVA_OK)
        return doc->err.code;
    HPDF_SaveToStream(doc->hpdf);
    if (jarva__pdf_check(doc, "writing the PDF") != JARVA_OK)
        return doc->err.code;
    HPDF_UINT32 total = HPDF_GetStreamSize(doc->hpdf);
    unsigned char *bytes = malloc(total ? total : 1);
    if (!bytes)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    HPDF_UINT32 got = total;
    HPDF_ReadFromStream(doc->hpdf, bytes, &got);
    if (jarva__pdf_check(doc, "writing the PDF") != JARVA_OK || got != total) {
        free(bytes);
        return jarva__pdf_fail(doc, JARVA_EPDF, "writing the PDF: short read from libHaru");
    }
    *data = bytes;
    *size = total;
    return JARVA_OK;
}

/* Rendering to memory first and writing it atomically (a temporary file
 * renamed on success, jarva_output_write_file) gives the reason of an I/O
 * failure (libHaru's own file writer only says "file open error") and never
 * leaves half a PDF, or no PDF, where the earlier one was. */
int jarva__pdf_save(jarva__pdf *doc, const char *path)
{
    unsigned char *data;
    size_t size;
    if (jarva__pdf_save_to_memory(doc, &data, &size) != JARVA_OK)
        return doc->err.code;
    char why[512];
    int rc = jarva_output_write_file(path, data, size, why, sizeof why);
    free(data);
    if (rc)
        return jarva__pdf_fail(doc, rc, "%s", why);
    return JARVA_OK;
}
