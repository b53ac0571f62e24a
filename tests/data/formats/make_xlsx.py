#!/usr/bin/python3
"""make_xlsx.py: the .xlsx fixtures of tests/cli/test_formats.sh, committed so
that CI needs no Python packages. Run from the repository root:

    /usr/bin/python3 tests/data/formats/make_xlsx.py   # Debian's python3, with python3-openpyxl

Workbooks written by openpyxl (python3-openpyxl 3.0.9) from the example CSV
files, each cell typed as a person typing it into Excel would get it: whole
numbers and decimals as numbers, dates as dates (a serial number with a date
format), everything else as (shared) strings. Then a few workbooks written
by hand, XML part by XML part, for what openpyxl never writes: inline
strings, a formula, an error value, the 1904 date system, cells skipped
within a row.
"""
import csv
import datetime
import os
import re
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(ROOT, "..", "..", "..", "examples", "data")

WHOLE = re.compile(r"^-?[0-9]+$")
DECIMAL = re.compile(r"^-?[0-9]+[.,][0-9]+$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def typed(text):
    """A CSV field as Excel would hold it once typed in."""
    if text == "":
        return None
    if WHOLE.match(text) and not (len(text) > 1 and text[0] == "0"):
        return int(text)
    if DECIMAL.match(text):
        return float(text.replace(",", "."))
    m = DATE.match(text)
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return text


def read_csv(name, encoding, delimiter):
    with open(os.path.join(EXAMPLES, name), encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def write_book(path, sheets):
    """sheets: [(title, rows)] in order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append([typed(v) for v in row])
        for cells in ws.iter_rows():
            for c in cells:
                if isinstance(c.value, datetime.date):
                    c.number_format = "yyyy-mm-dd"
    wb.save(path)


def by_hand(path, sheet_xml, shared=None, date1904=False, styles=None):
    """A minimal workbook of one sheet "Blad1" from its XML."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel}>'
        + ('<workbookPr date1904="1"/>' if date1904 else "")
        + '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
        f'<Relationship Id="rId1" Type="{office}/worksheet" Target="worksheets/sheet1.xml"/>'
        + (f'<Relationship Id="rId2" Type="{office}/sharedStrings" Target="sharedStrings.xml"/>' if shared else "")
        + (f'<Relationship Id="rId3" Type="{office}/styles" Target="styles.xml"/>' if styles else "")
        + "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'
        + sheet_xml
        + "</sheetData></worksheet>",
    }
    if shared:
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(shared)}" uniqueCount="{len(shared)}">'
            + "".join(f"<si><t>{s}</t></si>" for s in shared)
            + "</sst>"
        )
    if styles:
        parts["xl/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}>{styles}</styleSheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            # A fixed date: the same bytes on every run.
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def main():
    out = ROOT
    survey = read_csv("simulerade-trygghetsenkat-2025.csv", "cp1252", ";")
    write_book(os.path.join(out, "trygghetsenkat-2025.xlsx"), [("Blad1", survey)])
    staff = read_csv("simulerade-personalenkat-2025.csv", "utf-8", ",")
    write_book(os.path.join(out, "personalenkat-2025.xlsx"), [("Blad1", staff)])
    log = read_csv("simulerade-aktivitetslogg-2019-2025.csv", "utf-8", ",")
    write_book(
        os.path.join(out, "aktivitetslogg.xlsx"),
        [("Om filen", [["Aktivitetslogg 2019-2025, simulerade exempeldata"]]), ("Aktiviteter", log)],
    )
    tables = read_csv("publicerade-trygghetsmatningar.csv", "utf-8", ",")
    write_book(os.path.join(out, "publicerade.xlsx"), [("Tabell", tables)])

    # Staff rows by hand: inline strings, a skipped cell (C2 absent), shared
    # strings, a row number jump (row 4 then 6), and a date-formatted cell
    # read as its date in the 1904 system (style 1 = numFmt 14).
    head = "".join(inline(f"{c}1", n) for c, n in zip("ABCDEFGHIJKL", ["id", "ar", "organisation", "roll", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"]))
    def staff_row(r, ident, org_cell, role, codes):
        cells = f'<c r="A{r}"><v>{ident}</v></c><c r="B{r}"><v>2025</v></c>{org_cell}{inline(f"D{r}", role)}'
        cells += "".join(f'<c r="{c}{r}"><v>{v}</v></c>' for c, v in zip("EFGHIJKL", codes) if v is not None)
        return f'<row r="{r}">{cells}</row>'
    rows = [f'<row r="1">{head}</row>']
    rows.append(staff_row(2, 1, f'<c r="C2" t="s"><v>0</v></c>', "medarbetare", [2, None, 2, 1, 5, 2, 3, 1]))
    rows.append(staff_row(3, 2, f'<c r="C3" t="s"><v>1</v></c>', "chef", [1, 1, 2, 2, 4, 1, 1, 2]))
    rows.append(staff_row(4, 3, inline("C4", "Utbildningsförvaltningen"), "medarbetare", [3, 2, 2, 1, 3, 2, 2, 2]))
    rows.append(staff_row(6, 4, f'<c r="C6" t="s"><v>0</v></c>', "medarbetare", [3, 3, 1, 2, 2, 3, 4, 1]))
    by_hand(os.path.join(out, "inline.xlsx"), "".join(rows),
            shared=["Utbildningsförvaltningen", "Järva stadsdelsförvaltning"])
    # The same rows with one formula cell (F3 = E3) and its cached value.
    formula = "".join(rows).replace('<c r="F3"><v>1</v></c>', '<c r="F3"><f>E3</f><v>1</v></c>')
    by_hand(os.path.join(out, "formula.xlsx"), formula,
            shared=["Utbildningsförvaltningen", "Järva stadsdelsförvaltning"])
    # An error value (#N/A) in G2.
    error = "".join(rows).replace('<c r="G2"><v>2</v></c>', '<c r="G2" t="e"><v>#N/A</v></c>')
    by_hand(os.path.join(out, "error-value.xlsx"), error,
            shared=["Utbildningsförvaltningen", "Järva stadsdelsförvaltning"])
    # Dates: 1904 system, serial 44927 = 2027-01-02 (1904) and a time of day.
    styles = ('<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>')
    dates = (f'<row r="1">{inline("A1", "d")}</row>'
             '<row r="2"><c r="A2" s="1"><v>44927</v></c></row>'
             '<row r="3"><c r="A3" s="1"><v>44927.5</v></c></row>')
    by_hand(os.path.join(out, "dates-1904.xlsx"), dates, date1904=True, styles=styles)


if __name__ == "__main__":
    main()
