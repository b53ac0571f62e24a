/* pdf_table.c: streaming tables with wrapped cells, repeated headers and
 * status cells. Layout follows the plain style of SCB's and Brå's tables:
 * horizontal rules only (a heavier one above the header and at the end), no
 * vertical lines, padding instead of borders. */
#include "pdf_table.h"

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
    jarva__align align;
    jarva__pdf_lines header;
} table_column;

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
    double pad_y; /* above and below the text of a row: 3 pt, scaled with a smaller font */
};

static void table_free(jarva__pdf_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_columns; i++)
        jarva__pdf_lines_free(&t->columns[i].header);
    free(t->columns);
    jarva__pdf_lines_free(&t->caption);
    free(t->note);
    free(t);
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
        t->pad_y *= spec->font_size < t->cell_style.size ? 0.6 : 1.0;
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
    double x = frame.left;
    size_t most_lines = 1;
    for (size_t i = 0; i < spec->n_columns; i++) {
        table_column *c = &t->columns[i];
        double weight = spec->columns[i].weight > 0 ? spec->columns[i].weight : 1.0;
        c->x = x;
        c->width = frame.width * weight / total;
        c->align = spec->columns[i].align;
        x += c->width;
        jarva__pdf_style head = t->head_style;
        if (jarva__pdf_wrap(doc, &head, spec->columns[i].header, c->width - 2 * CELL_PAD_X,
                            &c->header) != JARVA_OK)
            break;
        if (c->header.n > most_lines)
            most_lines = c->header.n;
    }
    t->header_height = jarva__pdf_lines_height(&t->head_style, most_lines) + 2 * CELL_PAD_Y;
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

int jarva__pdf_table_row(jarva__pdf_table *t, const jarva__pdf_cell *cells)
{
    if (!t)
        return JARVA_EINVAL;
    jarva__pdf *doc = t->doc;
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
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

int jarva__pdf_table_group(jarva__pdf_table *t, const char *utf8, double keep_next)
{
    if (!t)
        return JARVA_EINVAL;
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
