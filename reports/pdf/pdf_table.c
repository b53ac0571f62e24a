/* pdf_table.c: tables with wrapped cells, repeated headers and status
 * cells. Layout follows the plain style of SCB's and Brå's tables:
 * horizontal rules only (a heavier one above the header and at the end), no
 * vertical lines, padding instead of borders. Rows are kept until the table
 * ends, so that the columns can be sized from what they hold: a figure such
 * as "+0,5 sedan 2021" never wraps inside its cell while the text columns
 * have room to give. */
#include "pdf_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_symbol.h"
#include "pdf_text.h"

#define CELL_PAD_X 4.0
#define CELL_PAD_Y (t->pad_y)
#define RULE_HEAVY 0.9
#define RULE_LIGHT 0.4
/* Group rows: a pale tint of the accent blue, apart from the grey stripes. */
#define GROUP_TINT JARVA__RGB(226, 234, 244)

typedef struct table_column {
    double x, width;
    double share; /* the width its weight gives */
    double need;  /* its widest line of text, padding included */
    double least; /* its widest word (of cells and header), padding included */
    jarva__align align;
    char *header_text; /* UTF-8 */
    jarva__pdf_lines header;
} table_column;

/* A row kept until the table ends: cells (texts copied), or a group row. */
typedef struct table_row {
    jarva__pdf_cell *cells; /* NULL for a group row */
    char *group;            /* the group row's text */
    double keep_next;
} table_row;

struct jarva__pdf_table {
    jarva__pdf *doc;
    table_column *columns;
    size_t n_columns;
    jarva__pdf_lines caption;
    char *note; /* UTF-8 */
    bool shade;
    double header_height;
    size_t rows;       /* rows drawn so far */
    size_t stripe;     /* rows since the last group row, for the alternate shading */
    bool header_drawn; /* on the current page */
    jarva__pdf_style cell_style, head_style, caption_style;
    double pad_y; /* above and below the text of a row: 3 pt, less with a smaller font */
    table_row *kept;
    size_t n_kept, cap_kept;
};

static void table_free(jarva__pdf_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_columns; i++) {
        jarva__pdf_lines_free(&t->columns[i].header);
        free(t->columns[i].header_text);
    }
    free(t->columns);
    for (size_t r = 0; r < t->n_kept; r++) {
        for (size_t i = 0; t->kept[r].cells && i < t->n_columns; i++)
            free((char *)t->kept[r].cells[i].text);
        free(t->kept[r].cells);
        free(t->kept[r].group);
    }
    free(t->kept);
    jarva__pdf_lines_free(&t->caption);
    free(t->note);
    free(t);
}

/* The widest line (between '\n's) and the widest word (between spaces;
 * a no-break space binds) of a text in a style. */
static void measure(jarva__pdf *doc, const jarva__pdf_style *st, const char *utf8, double *line,
                    double *word)
{
    *line = *word = 0.0;
    char *text = jarva__pdf_encode(doc, utf8 ? utf8 : "");
    if (!text)
        return;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        *line = fmax(*line, jarva__pdf_width(doc, st->font, st->size, p, len));
        for (size_t k = 0; k < len;) {
            size_t w = strcspn(p + k, " \n");
            if (w > len - k)
                w = len - k;
            *word = fmax(*word, jarva__pdf_width(doc, st->font, st->size, p + k, w));
            k += w + 1;
        }
        p += len + (p[len] == '\n');
    }
    free(text);
}

/* The columns' widths from what they hold. A column of figures (right-
 * aligned: a value, its year and its test), or one whose widest line is at
 * most 10 % over its share, gets the room to keep its lines whole: first
 * what other columns do not need, then from the columns of running text,
 * down to 75 % of their share or their widest word. Without such needs the
 * weights decide, as the caller asked. */
static void size_columns(jarva__pdf_table *t, double frame_width)
{
    double deficit = 0.0, spare = 0.0, stretch = 0.0;
    bool *whole = calloc(t->n_columns, sizeof *whole);
    if (!whole) {
        jarva__pdf_fail(t->doc, JARVA_ENOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < t->n_columns; i++) {
        table_column *c = &t->columns[i];
        c->need = fmax(c->need, c->least) + 0.5; /* wrapping compares widths exactly */
        whole[i] =
            c->need > c->width && (c->align == JARVA__ALIGN_RIGHT || c->need <= 1.1 * c->share);
        if (whole[i])
            deficit += c->need - c->width;
        else if (c->need < c->width)
            spare += c->width - c->need;
        else
            stretch += fmax(0.0, c->width - fmax(c->least, 0.75 * c->share));
    }
    if (deficit > 0.0) {
        double from_spare = fmin(deficit, spare),
               from_stretch = fmin(deficit - from_spare, stretch);
        double given = from_spare + from_stretch;
        for (size_t i = 0; i < t->n_columns; i++) {
            table_column *c = &t->columns[i];
            if (whole[i])
                c->width += (c->need - c->width) * given / deficit;
            else if (c->need < c->width)
                c->width -= (c->width - c->need) * from_spare / (spare > 0 ? spare : 1.0);
            else if (stretch > 0)
                c->width -=
                    fmax(0.0, c->width - fmax(c->least, 0.75 * c->share)) * from_stretch / stretch;
        }
    }
    free(whole);
    double x = jarva__pdf_get_frame(t->doc).left, sum = 0.0;
    for (size_t i = 0; i < t->n_columns; i++)
        sum += t->columns[i].width;
    for (size_t i = 0; i < t->n_columns; i++) {
        t->columns[i].width *= frame_width / sum; /* exactly the frame, after rounding */
        t->columns[i].x = x;
        x += t->columns[i].width;
    }
}

/* Wraps the headers into the columns' widths and measures the header row. */
static void wrap_headers(jarva__pdf_table *t)
{
    size_t most_lines = 1;
    for (size_t i = 0; i < t->n_columns; i++) {
        table_column *c = &t->columns[i];
        if (jarva__pdf_wrap(t->doc, &t->head_style, c->header_text, c->width - 2 * CELL_PAD_X,
                            &c->header) != JARVA_OK)
            break;
        if (c->header.n > most_lines)
            most_lines = c->header.n;
    }
    t->header_height = jarva__pdf_lines_height(&t->head_style, most_lines) + 2 * CELL_PAD_Y;
}

int jarva__pdf_table_begin(jarva__pdf *doc, const jarva__pdf_table_spec *spec,
                           jarva__pdf_table **out)
{
    *out = NULL;
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
    if (!spec || spec->n_columns == 0 || !spec->columns)
        return jarva__pdf_fail(doc, JARVA_EINVAL, "a table needs at least one column");
    jarva__pdf_table *t = calloc(1, sizeof *t);
    if (!t || !(t->columns = calloc(spec->n_columns, sizeof *t->columns))) {
        free(t);
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    }
    t->doc = doc;
    t->n_columns = spec->n_columns;
    t->shade = spec->shade;
    t->cell_style = jarva__pdf_style_get(JARVA__STYLE_SMALL);
    t->pad_y = 3.0;
    if (spec->font_size > 0) {
        /* A table set at 7 pt or less is set small to fit a page (the
         * summary at a glance): its shaded rows part without much air. */
        t->pad_y *= spec->font_size <= 7.0 ? 0.4 : spec->font_size < t->cell_style.size ? 0.6 : 1.0;
        /* The same proportion of leading to size as the small style. */
        t->cell_style.leading *= spec->font_size / t->cell_style.size;
        t->cell_style.size = spec->font_size;
    }
    t->head_style = t->cell_style;
    t->head_style.font = JARVA__FONT_BOLD;
    t->caption_style = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    double total = 0.0;
    for (size_t i = 0; i < spec->n_columns; i++)
        total += spec->columns[i].weight > 0 ? spec->columns[i].weight : 1.0;
    for (size_t i = 0; i < spec->n_columns; i++) {
        table_column *c = &t->columns[i];
        double weight = spec->columns[i].weight > 0 ? spec->columns[i].weight : 1.0;
        c->share = c->width = frame.width * weight / total;
        c->align = spec->columns[i].align;
        c->header_text = jarva__pdf_strdup(spec->columns[i].header ? spec->columns[i].header : "");
        if (!c->header_text) {
            jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
            break;
        }
        double widest_line;
        measure(doc, &t->head_style, c->header_text, &widest_line, &c->least);
        c->least += 2 * CELL_PAD_X;
    }
    if (spec->caption)
        jarva__pdf_wrap(doc, &t->caption_style, spec->caption, frame.width, &t->caption);
    if (spec->note && !(t->note = jarva__pdf_strdup(spec->note)))
        jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    if (jarva__pdf_status(doc) != JARVA_OK) {
        table_free(t);
        return jarva__pdf_status(doc);
    }
    *out = t;
    return JARVA_OK;
}

static void draw_header(jarva__pdf_table *t)
{
    jarva__pdf *doc = t->doc;
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    double top = jarva__pdf_cursor(doc);
    jarva__pdf_line(doc, frame.left, top, frame.right, top, RULE_HEAVY, JARVA__COLOR_TEXT,
                    JARVA__LINE_SOLID);
    for (size_t i = 0; i < t->n_columns; i++) {
        table_column *c = &t->columns[i];
        jarva__pdf_style st = t->head_style;
        st.align = c->align;
        /* Headers sit on the rule below them, as the numbers do in their cells. */
        double lines_h = jarva__pdf_lines_height(&st, c->header.n);
        double y = top - t->header_height + CELL_PAD_Y + lines_h;
        jarva__pdf_draw_lines(doc, &st, &c->header, 0, c->header.n, c->x + CELL_PAD_X, y,
                              c->width - 2 * CELL_PAD_X);
    }
    double bottom = top - t->header_height;
    jarva__pdf_line(doc, frame.left, bottom, frame.right, bottom, RULE_LIGHT, JARVA__COLOR_TEXT,
                    JARVA__LINE_SOLID);
    jarva__pdf_advance(doc, t->header_height);
    t->header_drawn = true;
}

static void close_rule(jarva__pdf_table *t)
{
    jarva__pdf_frame frame = jarva__pdf_get_frame(t->doc);
    double y = jarva__pdf_cursor(t->doc);
    jarva__pdf_line(t->doc, frame.left, y, frame.right, y, RULE_HEAVY, JARVA__COLOR_TEXT,
                    JARVA__LINE_SOLID);
}

/* Makes room for a row of row_h points, with keep_next more below it: on a
 * new page under a repeated header if this one is full; before the first
 * row, the caption and the header, kept together with it. */
static void start_row(jarva__pdf_table *t, double row_h, double keep_next)
{
    jarva__pdf *doc = t->doc;
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    double caption_h = t->rows == 0 && t->caption.n
                           ? jarva__pdf_lines_height(&t->caption_style, t->caption.n) + 4.0
                           : 0.0;
    if (row_h + t->header_height > frame.top - frame.bottom)
        jarva__pdf_fail(doc, JARVA_EINVAL, "a table row is taller than a page");
    if (keep_next > frame.top - frame.bottom - t->header_height - row_h)
        keep_next = 0.0;
    if (t->header_drawn && jarva__pdf_space_left(doc) < row_h + keep_next) {
        close_rule(t);
        t->header_drawn = false;
        jarva__pdf_new_page(doc, JARVA__PAGE_FLOW);
    }
    if (!t->header_drawn && jarva__pdf_status(doc) == JARVA_OK) {
        jarva__pdf_need(doc, caption_h + t->header_height + row_h + keep_next);
        if (caption_h > 0) {
            jarva__pdf_draw_lines(doc, &t->caption_style, &t->caption, 0, t->caption.n, frame.left,
                                  jarva__pdf_cursor(doc), frame.width);
            jarva__pdf_advance(doc, caption_h);
        }
        draw_header(t);
    }
}

/* The text area of a cell: narrower by the status symbol if there is one. */
static double cell_text_width(const jarva__pdf_table *t, const table_column *c,
                              const jarva__pdf_cell *cell)
{
    double w = c->width - 2 * CELL_PAD_X;
    if (cell->has_status)
        w -= jarva__pdf_status_symbol_size(t->cell_style.size) +
             jarva__pdf_status_gap(t->cell_style.size);
    return w > 1.0 ? w : 1.0;
}

static const char *cell_text(const jarva__pdf_table *t, const jarva__pdf_cell *cell)
{
    if (cell->text)
        return cell->text;
    (void)t;
    return "";
}

static int draw_row(jarva__pdf_table *t, const jarva__pdf_cell *cells)
{
    jarva__pdf *doc = t->doc;
    jarva__pdf_lines *lines = calloc(t->n_columns, sizeof *lines);
    if (!lines)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    size_t most = 1;
    for (size_t i = 0; i < t->n_columns; i++) {
        jarva__pdf_style st = t->cell_style;
        st.font = cells[i].bold ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
        if (jarva__pdf_wrap(doc, &st, cell_text(t, &cells[i]),
                            cell_text_width(t, &t->columns[i], &cells[i]), &lines[i]) != JARVA_OK)
            break;
        if (lines[i].n > most)
            most = lines[i].n;
    }
    double row_h = jarva__pdf_lines_height(&t->cell_style, most) + 2 * CELL_PAD_Y;
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    start_row(t, row_h, 0.0);
    double top = jarva__pdf_cursor(doc);
    if (t->shade && t->stripe % 2 == 1)
        jarva__pdf_fill_rect(doc, frame.left, top - row_h, frame.width, row_h, JARVA__COLOR_SHADE);
    for (size_t i = 0; i < t->n_columns && jarva__pdf_status(doc) == JARVA_OK; i++) {
        const table_column *c = &t->columns[i];
        jarva__pdf_style st = t->cell_style;
        st.font = cells[i].bold ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
        st.align = c->align;
        double x = c->x + CELL_PAD_X;
        if (cells[i].has_status) {
            double d = jarva__pdf_status_symbol_size(st.size);
            double baseline = jarva__pdf_baseline(doc, &st, top - CELL_PAD_Y, 0);
            double cap = jarva__pdf_cap_height(doc, st.font, st.size);
            jarva__pdf_status_symbol(doc, x + d / 2, baseline + cap / 2, d, cells[i].state);
            x += d + jarva__pdf_status_gap(st.size);
        }
        jarva__pdf_draw_lines(doc, &st, &lines[i], 0, lines[i].n, x, top - CELL_PAD_Y,
                              cell_text_width(t, c, &cells[i]));
    }
    for (size_t i = 0; i < t->n_columns; i++)
        jarva__pdf_lines_free(&lines[i]);
    free(lines);
    jarva__pdf_advance(doc, row_h);
    t->rows++;
    t->stripe++;
    return jarva__pdf_check(doc, "drawing a table row");
}

static int draw_group(jarva__pdf_table *t, const char *utf8, double keep_next)
{
    jarva__pdf *doc = t->doc;
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    jarva__pdf_lines lines;
    if (jarva__pdf_wrap(doc, &t->head_style, utf8, frame.width - 2 * CELL_PAD_X, &lines) !=
        JARVA_OK)
        return jarva__pdf_status(doc);
    double row_h = jarva__pdf_lines_height(&t->head_style, lines.n ? lines.n : 1) + 2 * CELL_PAD_Y;
    start_row(t, row_h, keep_next);
    double top = jarva__pdf_cursor(doc);
    jarva__pdf_fill_rect(doc, frame.left, top - row_h, frame.width, row_h, GROUP_TINT);
    jarva__pdf_draw_lines(doc, &t->head_style, &lines, 0, lines.n, frame.left + CELL_PAD_X,
                          top - CELL_PAD_Y, frame.width - 2 * CELL_PAD_X);
    jarva__pdf_lines_free(&lines);
    jarva__pdf_advance(doc, row_h);
    t->rows++;
    t->stripe = 0;
    return jarva__pdf_check(doc, "drawing a table row");
}

/* A new kept row, or NULL with the document failed. */
static table_row *keep_row(jarva__pdf_table *t)
{
    if (jarva__pdf_grow(t->doc, (void **)&t->kept, &t->cap_kept, t->n_kept, sizeof *t->kept) !=
        JARVA_OK)
        return NULL;
    table_row *row = &t->kept[t->n_kept++];
    memset(row, 0, sizeof *row);
    return row;
}

int jarva__pdf_table_row(jarva__pdf_table *t, const jarva__pdf_cell *cells)
{
    if (!t)
        return JARVA_EINVAL;
    jarva__pdf *doc = t->doc;
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
    table_row *row = keep_row(t);
    if (!row || !(row->cells = calloc(t->n_columns, sizeof *row->cells)))
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->n_columns; i++) {
        row->cells[i] = cells[i];
        row->cells[i].text = jarva__pdf_strdup(cells[i].text ? cells[i].text : "");
        if (!row->cells[i].text)
            return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
        table_column *c = &t->columns[i];
        jarva__pdf_style st = t->cell_style;
        st.font = cells[i].bold ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
        double line, word, extra = 2 * CELL_PAD_X;
        measure(doc, &st, row->cells[i].text, &line, &word);
        if (cells[i].has_status)
            extra += jarva__pdf_status_symbol_size(st.size) + jarva__pdf_status_gap(st.size);
        c->need = fmax(c->need, line + extra);
        c->least = fmax(c->least, word + extra);
    }
    return jarva__pdf_status(doc);
}

int jarva__pdf_table_group(jarva__pdf_table *t, const char *utf8, double keep_next)
{
    if (!t)
        return JARVA_EINVAL;
    if (jarva__pdf_status(t->doc) != JARVA_OK)
        return jarva__pdf_status(t->doc);
    table_row *row = keep_row(t);
    if (!row || !(row->group = jarva__pdf_strdup(utf8 ? utf8 : "")))
        return jarva__pdf_fail(t->doc, JARVA_ENOMEM, "out of memory");
    row->keep_next = keep_next;
    return JARVA_OK;
}

int jarva__pdf_table_row_text(jarva__pdf_table *t, const char *const *texts)
{
    if (!t)
        return JARVA_EINVAL;
    jarva__pdf_cell *cells = calloc(t->n_columns, sizeof *cells);
    if (!cells)
        return jarva__pdf_fail(t->doc, JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->n_columns; i++)
        cells[i].text = texts[i];
    int rc = jarva__pdf_table_row(t, cells);
    free(cells);
    return rc;
}

int jarva__pdf_table_end(jarva__pdf_table *t)
{
    if (!t)
        return JARVA_OK;
    jarva__pdf *doc = t->doc;
    if (jarva__pdf_status(doc) == JARVA_OK) {
        size_columns(t, jarva__pdf_get_frame(doc).width);
        wrap_headers(t);
    }
    for (size_t r = 0; r < t->n_kept && jarva__pdf_status(doc) == JARVA_OK; r++) {
        if (t->kept[r].cells)
            draw_row(t, t->kept[r].cells);
        else
            draw_group(t, t->kept[r].group, t->kept[r].keep_next);
    }
    if (t->header_drawn)
        close_rule(t);
    jarva__pdf_advance(doc, 4.0);
    if (t->note && jarva__pdf_status(doc) == JARVA_OK) {
        jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
        jarva__pdf_paragraph(doc, &note, t->note, 0.0);
    }
    jarva__pdf_advance(doc, 10.0);
    table_free(t);
    return jarva__pdf_check(doc, "drawing a table");
}
