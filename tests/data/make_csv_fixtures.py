#!/usr/bin/env python3
"""make_csv_fixtures.py: writes the CSV fixtures of tests/unit/test_csv_reader.c.

One small table is written in every dialect (delimiter ',', ';' or tab; line
ends LF, CRLF or CR; Excel's "sep=;" line) and encoding (UTF-8 with and
without BOM, Windows-1252, UTF-16LE/BE with BOM). What the reader must return
is written beside them from the table itself, so the test's expectations do
not come from the reader:

  csv/matrix.txt        file, encoding and delimiter to detect, decimal mark,
                        expected-rows file, line offset, SHA-256 (hashlib)
  csv/expected_*.txt    header and rows per decimal mark, with start lines
  csv/errors.txt        files with one error each, and the message expected

Python's own codecs encode the text (its cp1252 leaves 0x81, 0x8D, 0x8F,
0x90 and 0x9D undefined, as the reader must). Deterministic: run it again and
the files are the same. Usage: python3 tests/data/make_csv_fixtures.py
"""

import hashlib
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "csv")

# Every character Windows-1252 has in 0x80-0x9F (where it is not Latin-1).
CP1252_80_9F = bytes(b for b in range(0x80, 0xA0)
                     if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)).decode("cp1252")

HEADER = ["id", "Område", "Kommentar “fri”", "Belopp, €", "Andel – %"]
NUMERIC = (3, 4)  # columns whose numbers use the dialect's decimal mark

# None is an unquoted empty field (NULL), "" a quoted empty one. Numbers are
# written with '.' here and with the dialect's decimal mark in the files.
BLANK = "blank"          # an empty line
DELIMITERS = "delims"    # a line of delimiters only, as Excel writes it
TABLE = [
    ["1", "Husby – centrum", "Sa ”hej” och ‘då’", "1234.5", "0.25"],
    ["2", "Rinkeby", "Två rader:\nrad två; semikolon, komma och\ttabb", "-0.25", "1e3"],
    ["3", "Tensta", 'Han sa "ja" – 100 €', "12\u00a0345.75", None],
    ["4", "Akalla", "", "1 234.5", "3"],
    BLANK,
    ["5", "Kista åäö ÅÄÖ é ü", CP1252_80_9F, "0", "-1.5e-3"],
    DELIMITERS,
    ["6", "Hjulsta", "«citat» ±5 °C", "-7", "0.5"],
]
# The numeric columns' values, for checking jarva__parse_double.
NUMBERS = {
    "1234.5": 1234.5, "0.25": 0.25, "-0.25": -0.25, "1e3": 1000.0,
    "12\u00a0345.75": 12345.75, "1 234.5": 1234.5, "3": 3.0, "0": 0.0,
    "-1.5e-3": -0.0015, "-7": -7.0, "0.5": 0.5,
}

DELIMS = {"comma": ",", "semicolon": ";", "tab": "\t"}
EOLS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
ENCODINGS = {  # name: (encode, what the reader reports)
    "utf8": (lambda t: t.encode("utf-8"), "UTF-8"),
    "utf8bom": (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "UTF-8"),
    "cp1252": (lambda t: t.encode("cp1252"), "Windows-1252"),
    "utf16le": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "UTF-16LE"),
    "utf16be": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "UTF-16BE"),
}


def decimal_for(delim):
    return "," if delim == ";" else "."


def field_text(value, col, decimal):
    if value is not None and col in NUMERIC:
        return value.replace(".", decimal)
    return value


def render_field(value, delim):
    """As Excel writes a field: quoted only when it must be."""
    if value is None:
        return ""
    if value == "" or any(c in value for c in (delim, '"', "\r", "\n")) \
            or value != value.strip(" \t"):
        return '"' + value.replace('"', '""') + '"'
    return value


def render(delim, eol, sep_line):
    decimal = decimal_for(delim)
    lines = []
    if sep_line:
        lines.append("sep=" + delim)
    lines.append(delim.join(render_field(h, delim) for h in HEADER))
    for row in TABLE:
        if row == BLANK:
            lines.append("")
        elif row == DELIMITERS:
            lines.append(delim * (len(HEADER) - 1))
        else:
            lines.append(delim.join(render_field(field_text(v, i, decimal), delim)
                                    for i, v in enumerate(row)))
    # Line breaks inside quoted fields stay "\n", as Excel writes them.
    return eol.join(lines) + eol


def escape(value):
    if value is None:
        return "\\N"
    return (value.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def expected_rows(decimal):
    """Header and rows with the line each starts on (no sep= line)."""
    out = ["# H line fields... / R line fields... / N row column value",
           "# fields are tab-separated; \\N is NULL, \\t \\n \\r \\\\ escapes",
           "H\t1\t" + "\t".join(escape(h) for h in HEADER)]
    line, index = 2, 0
    for row in TABLE:
        if row in (BLANK, DELIMITERS):
            line += 1
            continue
        fields = [field_text(v, i, decimal) for i, v in enumerate(row)]
        out.append("R\t%d\t" % line + "\t".join(escape(f) for f in fields))
        for col in NUMERIC:
            if row[col] is not None:
                out.append("N\t%d\t%d\t%r" % (index, col, NUMBERS[row[col]]))
        line += 1 + sum(v.count("\n") for v in row if v)
        index += 1
    return "\n".join(out) + "\n"


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def matrix():
    rows = ["# file\tencoding\tdelimiter(hex)\tdecimal\texpected\tline offset\tsha256"]
    combos = [(d, e, enc, False) for d in DELIMS for e in EOLS
              for enc in ("utf8", "utf8bom", "cp1252", "utf16le")]
    combos += [("tab", "crlf", "utf16be", False),   # Excel's "Unicode text"
               ("semicolon", "crlf", "cp1252", True),
               ("semicolon", "lf", "utf8bom", True),
               ("comma", "cr", "utf16le", True)]
    for dname, ename, enc, sep_line in combos:
        delim, eol = DELIMS[dname], EOLS[ename]
        encode, reported = ENCODINGS[enc]
        data = encode(render(delim, eol, sep_line))
        name = "%s%s_%s_%s.csv" % ("sep_" if sep_line else "", dname, ename, enc)
        write(name, data)
        decimal = decimal_for(delim)
        rows.append("\t".join([name, reported, "%02x" % ord(delim), decimal,
                               "expected_%s.txt" % ("comma" if decimal == "," else "point"),
                               "1" if sep_line else "0", sha256(data)]))
    write("matrix.txt", ("\n".join(rows) + "\n").encode("utf-8"))
    write("expected_point.txt", expected_rows(".").encode("utf-8"))
    write("expected_comma.txt", expected_rows(",").encode("utf-8"))


def u16(text):
    return text.encode("utf-16-le")


def errors():
    """Files with one error each: (name, bytes, rows before it, position, text)."""
    cases = []

    def add(name, data, rows_before, where, text):
        write(name, data)
        cases.append((name, rows_before, where, text))

    add("bad_unterminated.csv",
        "id;namn;kommentar\n1;Anna;bra\n2;Björn;\"börjar här\noch fortsätter\n3;Cecilia;slut\n"
        .encode("utf-8"), 1, "3:3 (kommentar)", "unterminated quote")
    add("bad_quote_in_unquoted.csv",
        b'id;namn;kommentar\n1;Anna;bra\n2;Bo;ok\n3;Ce"cilia;x\n',
        2, "4:2 (namn)", "a quote inside an unquoted field")
    add("bad_text_after_quote.csv",
        b'id,namn,kommentar\n1,Anna,bra\n2,Bo,"tv\xc3\xa5\nrader" och mer\n3,Ce,x\n',
        1, "3:3 (kommentar)", "ends at line 4 and is followed by text")
    add("bad_text_after_quote_same_line.csv",
        b'id,namn,kommentar\n1,"Bo"x,y\n', 0, "2:2 (namn)",
        "text after the closing quote")
    add("bad_ragged_short.csv",
        b"\xef\xbb\xbfid;namn;kommentar\r\n1;Anna;bra\r\n2;Bo\r\n",
        1, "3:3 (kommentar)", "ragged row: expected 3 fields (as in the header), got 2")
    add("bad_ragged_long.csv",
        b'id,namn,vikt\n1,Anna,1.5\n2,Bo,2.5\n3,"Ce,\ncilia",3,extra\n',
        2, "5:4", "ragged row: expected 3 fields (as in the header), got 4")
    add("bad_value_in_unnamed_column.csv",
        b"id;namn;vikt;;\n1;Anna;1,5;;x\n", 0, "2:5",
        "a value in a column without a name")
    data = b"\xef\xbb\xbfid;namn;kommentar\n1;Anna;ok\n2;Bj\xf6rn;x\n"
    add("bad_utf8_bom.csv", data, 1, "3:2 (namn)",
        "invalid UTF-8 (byte 0xF6 at byte offset %d) in a file with a UTF-8 byte-order mark"
        % data.index(b"\xf6"))
    data = b"id,namn,vikt\n1,Anna,1\n2,Bo,\x002\n"
    add("bad_nul.csv", data, 1, "3:3 (vikt)",
        "NUL byte at byte offset %d" % data.index(b"\x00"))
    data = b"\xff\xfe" + u16("id\tnamn\n1\tAnna\n2\tBo") + b"x"
    add("bad_utf16_odd.csv", data, 1, "3:2 (namn)",
        "invalid UTF-16: the file has an odd number of bytes (%d)" % len(data))
    head = b"\xff\xfe" + u16("id\tnamn\n1\tAnna\n2\t")
    add("bad_utf16_surrogate.csv", head + b"\x3d\xd8" + u16("x\n"), 1, "3:2 (namn)",
        "invalid UTF-16: unpaired surrogate 0xD83D at byte offset %d" % len(head))
    data = "id;namn\n1;Åsa\n2;K".encode("cp1252") + b"\x81rt\n"
    add("bad_cp1252_undefined.csv", data, 1, "3:2 (namn)",
        "byte 0x81 (byte offset %d) is not a character in Windows-1252; the file was read "
        "as Windows-1252 because it is not valid UTF-8" % data.index(b"\x81"))

    # Windows-1252 after UTF-8 in the same first chunk: a mixed or damaged
    # file, not one to read as Windows-1252 (which would garble the UTF-8).
    data = "id;namn\n1;Järva\n".encode("utf-8") + "2;Göran\n".encode("cp1252")
    add("bad_mixed_encoding.csv", data, 1, "3:2 (namn)",
        "invalid UTF-8 (byte 0xF6 at byte offset %d); the file was read as UTF-8 because it "
        "holds UTF-8 text (line 2); if it is Windows-1252, give its encoding: "
        "--encoding cp1252" % data.index(b"\xf6"))

    lines = ["# file\trows before the error\tposition\ttext in the message"]
    lines += ["\t".join(str(x) for x in case) for case in cases]
    write("errors.txt", ("\n".join(lines) + "\n").encode("utf-8"))


def specials():
    """Edge cases whose expectations live in the test itself."""
    write("empty.csv", b"")
    write("bom_only.csv", b"\xef\xbb\xbf")
    write("blank_only.csv", b"\n\r\n  \n")
    write("header_only.csv", b"id;namn;vikt\r\n")
    write("header_only_no_newline.csv", b"id,namn")
    write("trailing_delimiter.csv", b"id;namn;vikt;\n1;Anna;1,5;\n2;Bo;2\n")
    # Excel's trailing empty columns (a cell once used far right) and rows.
    write("trailing_empty_columns.csv",
          b"id;namn;vikt;;;\r\n1;Anna;1,5;;;\r\n2;Bo;2;;;;\r\n;;;;;\r\n;;;;;\r\n")
    # A title and a note above the header, as exports write them.
    write("title_rows.csv",
          "Trygghetsmätning Järva 2023;;;\r\nKälla: enkäten;;;\r\n;;;\r\n"
          "id;namn;vikt;andel\r\n1;Anna;\"1,5\";0,25\r\n".encode("cp1252"))
    write("no_final_newline.csv", b'a,b\n1,2\n3,"x\ny"')
    write("sep_comma_overrides.csv", b"sep=,\nid;x,y\n1;2,3\n")
    write("columns.csv", "  Id ;Namn;VIKT;\"Område \";vikt\n1;a;2;b;3\n".encode("utf-8"))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith((".csv", ".txt")):
            os.remove(os.path.join(OUT, name))
    matrix()
    errors()
    specials()
    return 0


if __name__ == "__main__":
    sys.exit(main())
