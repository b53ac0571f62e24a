#!/usr/bin/env python3
"""make_seeds.py: (re)writes the seed inputs of the fuzz corpora from the test
fixtures: corpus/<harness>/seed-*. Other files are left alone: inputs that
bench/fuzz.sh --merge added (named by their SHA-1), crashes it found
(crash-*, each a regression test once fixed) and inputs kept by hand
(regress-*). Run after changing a fixture or the input format of a harness
(fuzz_*.c says what its input is); the seeds of a changed format need the
old merged inputs removed too."""
import csv
import glob
import hashlib
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(SRC, "tests", "data")


def corpus(name):
    d = os.path.join(HERE, "corpus", name)
    os.makedirs(d, exist_ok=True)
    for f in glob.glob(os.path.join(d, "seed-*")):
        os.remove(f)
    return d


def write(d, name, data):
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# fuzz_csv: option byte + file. Every CSV fixture read with everything
# detected; the UTF-16 ones also with their encoding given; some without a
# header, with a given delimiter, or repeated across the 64 KiB chunk.
d = corpus("fuzz_csv")
for path in sorted(glob.glob(os.path.join(DATA, "csv", "*.csv"))):
    base = os.path.basename(path)[:-4]
    data = read(path)
    write(d, base, b"\x00" + data)
    if "utf16le" in base:
        write(d, base + "-given", bytes([3 << 2]) + data)
    if "utf16be" in base:
        write(d, base + "-given", bytes([4 << 2]) + data)
    if "cp1252" in base:
        write(d, base + "-given", bytes([2 << 2]) + data)
    if base.startswith("semicolon_crlf"):
        write(d, base + "-noheader-decimal", bytes([0x02 | 0x20 | 0x40]) + data)
    if base in ("comma_crlf_utf8", "semicolon_lf_cp1252", "tab_cr_utf16le", "bad_unterminated",
                "comma_lf_utf8bom"):
        write(d, base + "-repeated", bytes([0x80]) + data)
for path in sorted(glob.glob(os.path.join(DATA, "import", "*.csv"))):
    write(d, "import-" + os.path.basename(path)[:-4], b"\x00" + read(path))

# fuzz_import_<kind>: the file itself.
kinds = {
    "survey": ["survey_2023_excel.csv", "survey_2023_utf8.csv", "survey_2023_revised.csv"],
    "table": ["table.csv"],
    "staff": ["staff_2024.csv"],
    "activities": ["activities.csv"],
}
header = b"lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32\n"
bad = {
    "survey": {
        "ragged": header + b"1,2023,Husby,a,1,K,x,1,2,1,1,1,1,1,1,1\n2,2023,Husby,a,1,K\n",
        "unknown-area": header + b"1,2023,Husbyy,a,1,K,x,1,2,1,1,1,1,1,1,1\n",
        "duplicate-id": header + b"7,2023,Husby,a,1,K,x,1,2,1,1,1,1,1,1,1\n"
        b"7,2023,Kista,a,1,K,x,1,2,1,1,1,1,1,1,1\n",
        "weight": header + b"1,2023,Husby,a,-1,K,x,1,2,1,1,1,1,1,1,1\n",
        "answer-code": header + b"1,2023,Husby,a,1,K,x,7,2,1,1,1,1,1,1,1\n",
    },
    "table": {
        "share": b"survey,year,area,measure,share\ns,2020,Husby,m,150\n",
        "proportion": b"survey;year;area;measure;proportion;n\ns;2021;Kista;m;0,5;120\n",
    },
    "staff": {},
    "activities": {
        "date": b"date,type\n2025-02-30,press_material\n",
        "type": b"date,type\n2025-02-03,press_materal\n",
    },
}
for kind, files in kinds.items():
    d = corpus("fuzz_import_" + kind)
    for name in files:
        write(d, name[:-4], read(os.path.join(DATA, "import", name)))
    for name, data in bad[kind].items():
        write(d, "bad-" + name, data)

# fuzz_catalog: selector byte (index in FILES of fuzz_catalog.c) + content:
# the real catalogue's files, the test catalogue's, and each bad test
# catalogue's defective file.
FILES = ["plan.csv", "organisations.csv", "priority_areas.csv", "audiences.csv", "goals.csv",
         "principles.csv", "areas.csv", "area_aliases.csv", "indicators.csv"]
d = corpus("fuzz_catalog")
valid = os.path.join(DATA, "catalog", "valid")
for i, name in enumerate(FILES):
    write(d, "indicators-" + name[:-4], bytes([i]) + read(os.path.join(SRC, "indicators", name)))
    write(d, "valid-" + name[:-4], bytes([i]) + read(os.path.join(valid, name)))
write(d, "missing-plan", b"\xf0")
for case in sorted(glob.glob(os.path.join(DATA, "catalog", "*", ""))):
    case_name = os.path.basename(os.path.dirname(case))
    if case_name == "valid":
        continue
    for i, name in enumerate(FILES):
        path = os.path.join(case, name)
        if not os.path.exists(path):
            write(d, case_name + "-missing-" + name[:-4], bytes([0xF0 + i]))
        elif read(path) != read(os.path.join(valid, name)):
            write(d, case_name + "-" + name[:-4], bytes([i]) + read(path))

# fuzz_estimate: 8 option bytes + 4 bytes per respondent (value, weight,
# stratum, domain) from the reference survey designs that the R outputs in
# tests/reference/ were computed on, with each method and lonely-PSU rule.
d = corpus("fuzz_estimate")


def respondents(path, limit):
    out = bytearray()
    with open(path, newline="") as f:
        for row in list(csv.DictReader(f))[:limit]:
            answer = int(row["answer"]) if row["answer"] not in ("", "NA") else None
            value = 2 if answer is None else (1 if answer >= 4 else 0)
            weight = max(0, min(247, round((float(row["weight"]) - 1) / 3.7)))
            out += struct.pack("BBBB", value, weight, int(row["stratum"]) - 1, int(row["area"]))
    return bytes(out)


survey = respondents(os.path.join(SRC, "tests", "reference", "survey.csv"), 600)
lonely = respondents(os.path.join(SRC, "tests", "reference", "survey_lonely.csv"), 300)
for method in range(6):
    # method, lonely rule, level 0.95, min_n 30, min_cell 3, 8 strata, 5 domains, flags
    write(d, "survey-method%d" % method,
          bytes([method, 0, 221, 30, 3, 8, 4, 0x09]) + survey)
for rule in range(5):
    write(d, "lonely-rule%d" % rule, bytes([0, rule, 221, 30, 3, 8, 4, 0x30]) + lonely)
write(d, "tiny-unweighted", bytes([0, 1, 100, 0, 0, 0, 0xF0, 0x04]) + survey[:40])
write(d, "boundary", bytes([1, 2, 230, 1, 1, 2, 1, 0x41]) + bytes([1, 10, 0, 1] * 20))

# fuzz_xlsx: sheet XML, NUL, shared strings XML, NUL, styles XML, from the
# hand-made workbooks and the first 40 rows of an openpyxl one; one whole
# workbook as a zip.
d = corpus("fuzz_xlsx")
FORMATS = os.path.join(DATA, "formats")
for name in ["inline", "formula", "error-value", "dates-1904"]:
    with zipfile.ZipFile(os.path.join(FORMATS, name + ".xlsx")) as z:
        names = z.namelist()
        parts = [z.read(p) if p in names else b""
                 for p in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]]
    write(d, name, b"\0".join(parts))
with zipfile.ZipFile(os.path.join(FORMATS, "personalenkat-2025.xlsx")) as z:
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    styles = z.read("xl/styles.xml")
cut, end = sheet.index('<row r="41"'), sheet.index("</sheetData>")
write(d, "personalenkat-40", (sheet[:cut] + sheet[end:]).encode() + b"\0\0" + styles)
write(d, "zip-dates-1904", read(os.path.join(FORMATS, "dates-1904.xlsx")))

# fuzz_statfile: the small staff files whole, the survey and the activity
# log (dates) in every format cut to their first 4 KiB (header, dictionary,
# the first cases; SAS's pages are 4 KiB from the header on, so 8 KiB there).
d = corpus("fuzz_statfile")
for name in ["personalenkat-missing.sav", "personalenkat-text.sav", "personalenkat-code7.sav"]:
    write(d, name, read(os.path.join(FORMATS, name)))
for name in ["trygghetsenkat-2025.sav", "trygghetsenkat-2025.dta", "trygghetsenkat-2025.por",
             "trygghetsenkat-2025.xpt", "aktivitetslogg.sav", "aktivitetslogg.dta"]:
    write(d, name + "-4k", read(os.path.join(FORMATS, name))[:4096])
for name in ["trygghetsenkat-2025.sas7bdat", "aktivitetslogg.sas7bdat"]:
    write(d, name + "-8k", read(os.path.join(FORMATS, name))[:8192])

# fuzz_adhoc_split: split byte, flag byte, the body after the header
# id,area,age,stratum,w,q (fuzz_adhoc_split.c): 60 respondents as the unit
# test's generator writes them, split early, in the middle and late; with
# quoted fields that hold the delimiter, a quote and a line break where a
# split point lands; a bad weight and a ragged row in the second half.
d = corpus("fuzz_adhoc_split")
AREAS = ["Akalla", "Hjulsta", "Husby", "Kista", "Rinkeby", "Tensta"]
AGES = ["16-29", "30-49", "50-64", "65-84"]


def body(rows, delim, eol, decimal_comma, quoted=False):
    out = []
    for i in range(rows):
        x = (i * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        area, age = AREAS[(x >> 11) % 6], AGES[(x >> 23) % 4]
        if quoted and i % 7 == 3:
            area = '"%s%s ""x""\n%s"' % (area, delim, eol.strip() or "y")
        w = "%d%s%02d" % (50 + (x >> 41) % 300, "," if decimal_comma else ".", (x >> 7) % 100)
        if decimal_comma and delim == ",":
            w = '"%s"' % w
        k = (x >> 51) % 8
        q = str(k + 1) if k < 5 else ("9" if k == 5 else "")
        out.append(delim.join([str(i + 1), area, age, str(1 + (x >> 31) % 5), w, q]))
    return (eol.join(out) + eol).encode()


for flags in [0, 1 | 2, 4 | 8, 1 | 2 | 4 | 8 | 16]:
    delim, eol = (";" if flags & 1 else ","), ("\r\n" if flags & 8 else "\n")
    b = body(60, delim, eol, bool(flags & 1))
    for where in [1, 128, 250]:
        write(d, "rows-f%d-s%d" % (flags, where), bytes([where, flags]) + b)
    q = body(60, delim, eol, bool(flags & 1), quoted=True)
    for where in [40, 90, 200]:
        write(d, "quoted-f%d-s%d" % (flags, where), bytes([where, flags]) + q)
b = body(60, ",", "\n", False)
lines = b.split(b"\n")
lines[45] = lines[45].rsplit(b",", 2)[0] + b",-3,1"
write(d, "bad-weight", bytes([128, 4]) + b"\n".join(lines))
lines = b.split(b"\n")
lines[50] = lines[50] + b",extra"
write(d, "ragged", bytes([100, 6]) + b"\n".join(lines))

for h in sorted(os.listdir(os.path.join(HERE, "corpus"))):
    files = glob.glob(os.path.join(HERE, "corpus", h, "*"))
    print("%-24s %3d inputs, %7d bytes" % (h, len(files), sum(os.path.getsize(f) for f in files)))
