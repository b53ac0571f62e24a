/* pdf_symbol.c: status marks as vector shapes. Shapes are told apart
 * without colour: filled with a check mark, filled with an arrow, half
 * filled, filled with a cross, and an outline with a question mark; the
 * colours (green, blue, amber, red, grey) only add to that. */
#include "pdf_symbol.h"

static int mark_index(jarva__pdf_mark mark)
{
    return mark >= JARVA__MARK_QUESTION && mark <= JARVA__MARK_CROSS ? (int)mark : 0;
}

static jarva__rgb mark_color(jarva__pdf_mark mark)
{
    switch (mark_index(mark)) {
    case JARVA__MARK_CHECK: return JARVA__RGB(26, 127, 55);
    case JARVA__MARK_ARROW: return JARVA__COLOR_ACCENT;
    case JARVA__MARK_HALF: return JARVA__RGB(176, 112, 0);
    case JARVA__MARK_CROSS: return JARVA__RGB(190, 30, 45);
    default: return JARVA__COLOR_RULE;
    }
}

static void set_fill(HPDF_Page page, jarva__rgb c)
{
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void set_stroke(HPDF_Page page, jarva__rgb c)
{
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

static void move_to(HPDF_Page page, double x, double y)
{
    HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
}

static void line_to(HPDF_Page page, double x, double y)
{
    HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
}

void jarva__pdf_status_symbol(jarva__pdf *doc, double cx, double cy, double diameter,
                              jarva__pdf_mark mark)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page)
        return;
    double r = diameter / 2;
    jarva__rgb color = mark_color(mark);
    jarva__rgb white = JARVA__COLOR_WHITE;
    jarva__pdf_record(doc, JARVA__INK_MARK, cx - r, cy - r, cx + r, cy + r, 0.0);
    HPDF_Page_GSave(page);
    HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    set_fill(page, color);
    set_stroke(page, color);
    switch (mark_index(mark)) {
    case JARVA__MARK_CHECK: /* filled disc, white check mark */
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
        HPDF_Page_Fill(page);
        set_stroke(page, white);
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)(0.2 * r));
        move_to(page, cx - 0.48 * r, cy + 0.02 * r);
        line_to(page, cx - 0.12 * r, cy - 0.36 * r);
        line_to(page, cx + 0.50 * r, cy + 0.38 * r);
        HPDF_Page_Stroke(page);
        break;
    case JARVA__MARK_ARROW: /* filled disc, white arrow up and to the right */
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
        HPDF_Page_Fill(page);
        set_stroke(page, white);
        set_fill(page, white);
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)(0.18 * r));
        move_to(page, cx - 0.42 * r, cy - 0.42 * r);
        line_to(page, cx + 0.22 * r, cy + 0.22 * r);
        HPDF_Page_Stroke(page);
        move_to(page, cx + 0.48 * r, cy + 0.48 * r);
        line_to(page, cx + 0.48 * r - 0.58 * r, cy + 0.48 * r);
        line_to(page, cx + 0.48 * r, cy + 0.48 * r - 0.58 * r);
        HPDF_Page_ClosePath(page);
        HPDF_Page_Fill(page);
        break;
    case JARVA__MARK_HALF: /* ring with its left half filled: could go either way */
        /* libHaru's angles run clockwise from 12 o'clock: 180..360 is the left half. */
        HPDF_Page_Arc(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r, 180, 360);
        HPDF_Page_ClosePath(page);
        HPDF_Page_Fill(page);
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)(0.16 * r));
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)(r - 0.08 * r));
        HPDF_Page_Stroke(page);
        break;
    case JARVA__MARK_CROSS: /* filled disc, white cross */
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
        HPDF_Page_Fill(page);
        set_stroke(page, white);
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)(0.2 * r));
        move_to(page, cx - 0.38 * r, cy - 0.38 * r);
        line_to(page, cx + 0.38 * r, cy + 0.38 * r);
        move_to(page, cx - 0.38 * r, cy + 0.38 * r);
        line_to(page, cx + 0.38 * r, cy - 0.38 * r);
        HPDF_Page_Stroke(page);
        break;
    default: { /* ring with a question mark */
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)(0.12 * r));
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)(r - 0.06 * r));
        HPDF_Page_Stroke(page);
        double size = 1.45 * r;
        double cap = jarva__pdf_cap_height(doc, JARVA__FONT_BOLD, size);
        HPDF_Page_GRestore(page);
        jarva__pdf_show(doc, cx, cy - cap / 2, JARVA__FONT_BOLD, size, color, JARVA__ALIGN_CENTER,
                        "?", 1);
        return;
    }
    }
    HPDF_Page_GRestore(page);
}

double jarva__pdf_status_symbol_size(double font_size)
{
    return 1.1 * font_size;
}

double jarva__pdf_status_gap(double font_size)
{
    return 0.4 * font_size;
}

int jarva__pdf_status_draw(jarva__pdf *doc, double x, double baseline, double font_size,
                           jarva__pdf_mark mark, const char *word)
{
    double d = jarva__pdf_status_symbol_size(font_size);
    double cap = jarva__pdf_cap_height(doc, JARVA__FONT_REGULAR, font_size);
    jarva__pdf_status_symbol(doc, x + d / 2, baseline + cap / 2, d, mark);
    return jarva__pdf_show_utf8(doc, x + d + jarva__pdf_status_gap(font_size), baseline,
                                JARVA__FONT_REGULAR, font_size, JARVA__COLOR_TEXT,
                                JARVA__ALIGN_LEFT, word ? word : "");
}

double jarva__pdf_status_width(jarva__pdf *doc, double font_size, jarva__pdf_mark mark,
                               const char *word)
{
    (void)mark; /* every mark is as wide as its circle */
    return jarva__pdf_status_symbol_size(font_size) + jarva__pdf_status_gap(font_size) +
           jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, font_size, word ? word : "");
}
