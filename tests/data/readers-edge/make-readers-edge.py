#!/usr/bin/python3
# make-readers-edge.py — the small XLSX, ODS and ZIP packages of the reader tests
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from the top of the source tree:
#   /usr/bin/python3 tests/data/readers-edge/make-readers-edge.py
# Writes tests/data/readers-edge/{xlsx,ods,zip}-*.{xlsx,ods} with Python's
# zipfile module: valid files that use what the formats allow (a byte-order
# mark, other namespace prefixes, CDATA, rich text, cells and rows without
# positions, absolute and relative targets, part names in another case or
# with backslashes, ODS repeats, spaces and covered cells), files past a cap
# and damaged packages. tests/core/test-xlsx.c, test-ods.c and test-zip.c
# say what each must give; make-readers-edge-reference.py reads the valid
# ones with openpyxl and LibreOffice for the reference dumps.
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BOM = "\ufeff"


def q(p, tag):
    """tag with prefix p (None: the default namespace)."""
    return tag if not p else p + ":" + tag


def xmlns(p, uri):
    return ' xmlns%s="%s"' % (":" + p if p else "", uri)


def write_zip(name, parts, compression=zipfile.ZIP_DEFLATED):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", compression) as z:
        for member, data in parts:
            info = zipfile.ZipInfo(member, date_time=(2026, 1, 2, 3, 4, 6))
            info.compress_type = zipfile.ZIP_STORED if member == "mimetype" else compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def xlsx_parts(sheets, strings=None, p=None, rp="r", bom=False, targets=None, names=None,
               workbook="xl/workbook.xml", kinds=None):
    """sheets: [(name, sheetData XML written with prefix p)]; kinds: sheet index →
    (relationship type, root element, part folder) for sheets that are not worksheets."""
    pre = (BOM if bom else "") + DECL
    names = names or {}
    targets = targets or {}
    kinds = kinds or {}
    kind = [kinds.get(i, (REL_T + "worksheet", "worksheet", "worksheets"))
            for i in range(len(sheets))]
    n = len(sheets)
    ct = pre + '<Types xmlns="%s">' % CT
    ct += ('<Default Extension="rels" ContentType="application/'
           'vnd.openxmlformats-package.relationships+xml"/>')
    ct += '<Default Extension="xml" ContentType="application/xml"/>'
    ct += ('<Override PartName="/%s" ContentType="application/vnd.openxmlformats-'
           'officedocument.spreadsheetml.sheet.main+xml"/>' % workbook)
    for i in range(n):
        ct += ('<Override PartName="/xl/%s/sheet%d.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.%s+xml"/>'
               % (kind[i][2], i + 1, kind[i][1]))
    if strings is not None:
        ct += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    ct += "</Types>"
    rels = pre + '<%s%s>' % (q(p, "Relationships"), xmlns(p, PKG_REL))
    rels += '<%s Id="rId1" Type="%sofficeDocument" Target="%s"/>' % (
        q(p, "Relationship"), REL_T, targets.get("workbook", workbook))
    rels += "</%s>" % q(p, "Relationships")
    wb = pre + "<%s%s%s><%s>" % (q(p, "workbook"), xmlns(p, MAIN), xmlns(rp, DOC_REL),
                                 q(p, "sheets"))
    for i, (sname, _) in enumerate(sheets):
        wb += '<%s name="%s" sheetId="%d" %s:id="rId%d"/>' % (q(p, "sheet"), sname, i + 1, rp,
                                                              i + 1)
    wb += "</%s></%s>" % (q(p, "sheets"), q(p, "workbook"))
    wrels = pre + '<%s%s>' % (q(p, "Relationships"), xmlns(p, PKG_REL))
    for i in range(n):
        wrels += '<%s Id="rId%d" Type="%s" Target="%s"/>' % (
            q(p, "Relationship"), i + 1, kind[i][0],
            targets.get(i, "%s/sheet%d.xml" % (kind[i][2], i + 1)))
    if strings is not None:
        wrels += '<%s Id="rId%d" Type="%ssharedStrings" Target="%s"/>' % (
            q(p, "Relationship"), n + 1, REL_T, targets.get("sst", "sharedStrings.xml"))
    wrels += "</%s>" % q(p, "Relationships")
    wdir, wbase = workbook.rsplit("/", 1)
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), (workbook, wb),
             ("%s/_rels/%s.rels" % (wdir, wbase), wrels)]
    for i, (_, data) in enumerate(sheets):
        root = q(p, kind[i][1])
        body = "<%s>%s</%s>" % (q(p, "sheetData"), data, q(p, "sheetData")) \
            if kind[i][1] != "chartsheet" else data
        parts.append(("xl/%s/sheet%d.xml" % (kind[i][2], i + 1),
                      pre + "<%s%s>%s</%s>" % (root, xmlns(p, MAIN), body, root)))
    if strings is not None:
        sst = pre + '<%s%s count="%d" uniqueCount="%d">' % (q(p, "sst"), xmlns(p, MAIN),
                                                           len(strings), len(strings))
        sst += "".join(strings) + "</%s>" % q(p, "sst")
        parts.append(("xl/sharedStrings.xml", sst))
    return [(names.get(m, m), d) for m, d in parts]


def c(ref, inner="", t=None, p=None):
    r = ' r="%s"' % ref if ref else ""
    tt = ' t="%s"' % t if t else ""
    return "<%s%s%s>%s</%s>" % (q(p, "c"), r, tt, inner, q(p, "c")) if inner else \
        "<%s%s%s/>" % (q(p, "c"), r, tt)


def v(text, p=None):
    return "<%s>%s</%s>" % (q(p, "v"), text, q(p, "v"))


def row(r, cells, p=None):
    rr = ' r="%d"' % r if r is not None else ""
    return "<%s%s>%s</%s>" % (q(p, "row"), rr, "".join(cells), q(p, "row"))


def make_xlsx():
    # A byte-order mark before every XML part.
    write_zip("xlsx-bom.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("0"), "s"), c("B1", v("42"))]))],
        strings=["<si><t>Регион</t></si>"], bom=True))
    # Another prefix for the main namespace, none default, and for r:.
    P = "x"
    write_zip("xlsx-prefix.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("0", P), "s", P), c("B1", v("1.5", P), None, P)], P)
          + row(2, [c("A2", v("1", P), "s", P)], P)
          # the same local names in another namespace are not cells
          + '<row xmlns="urn:example:other" r="9"><c r="Z9"><v>9</v></c></row>')],
        strings=["<x:si><x:t>alpha</x:t></x:si>",
                 "<x:si><x:r><x:t>be</x:t></x:r><x:r><x:t>ta</x:t></x:r></x:si>"],
        p=P, rp="rel"))
    # Inline strings: CDATA, rich-text runs, a phonetic run that is not shown.
    write_zip("xlsx-inline.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", "<is><t><![CDATA[a < b & c]]></t></is>", "inlineStr"),
                       c("B1", "<is><r><t>Hello </t></r><r><rPr><b/></rPr><t>world</t></r>"
                               "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></is>", "inlineStr"),
                       c("C1", '<is><t xml:space="preserve">  two  </t></is>', "inlineStr")]))]))
    # Shared strings with runs, a phonetic run and CDATA; cells t="s" without
    # a value or with an empty one.
    write_zip("xlsx-shared.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("0"), "s"), c("B1", "", "s"), c("C1", "<v></v>", "s"),
                       c("D1", v("1"), "s"), c("E1", v("2"), "s")]))],
        strings=["<si><r><t>Bel</t></r><r><rPr><i/></rPr><t>gorod</t></r></si>",
                 "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>",
                 "<si><t><![CDATA[x<y]]></t></si>"]))
    # Relationship targets: absolute, and relative through "." and "..".
    targets = {0: "/xl/worksheets/sheet1.xml", 1: "./worksheets/../worksheets/sheet2.xml",
               "sst": "/xl/sharedStrings.xml"}
    sheets = [("One", row(1, [c("A1", v("0"), "s")])), ("Two", row(1, [c("A1", v("7"))]))]
    write_zip("xlsx-targets.xlsx", xlsx_parts(sheets, strings=["<si><t>first</t></si>"],
                                              targets=targets))
    # Part names in another case than the targets, and with backslashes.
    upper = {"xl/workbook.xml": "XL/Workbook.xml",
             "xl/_rels/workbook.xml.rels": "XL/_rels/Workbook.xml.rels",
             "xl/worksheets/sheet1.xml": "xl/Worksheets/Sheet1.XML",
             "xl/worksheets/sheet2.xml": "XL/WORKSHEETS/SHEET2.XML",
             "xl/sharedStrings.xml": "xl/SharedStrings.xml"}
    write_zip("xlsx-case.xlsx", xlsx_parts(sheets, strings=["<si><t>first</t></si>"],
                                           names=upper))
    back = {m: m.replace("/", "\\") for m in upper}
    back["[Content_Types].xml"] = "[Content_Types].xml"
    write_zip("xlsx-backslash.xlsx", xlsx_parts(sheets, strings=["<si><t>first</t></si>"],
                                                names=back))
    # Rows and cells without r: each follows the one before.
    write_zip("xlsx-no-r.xlsx", xlsx_parts(
        [("S", row(None, [c(None, v("1")), c(None, v("2"))])
          + row(4, [c("C4", v("3")), c(None, v("4"))])
          + row(None, [c(None, v("5")), c("E5", v("6")), c(None, v("7"))]))]))
    # t="str", "b", "e" and "d" cells.
    write_zip("xlsx-types.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", "<f>CONCAT(\"a\",\"b\")</f>" + v("ab"), "str"),
                       c("B1", v("1"), "b"), c("C1", v("0"), "b"),
                       c("D1", "<f>1/0</f>" + v("#DIV/0!"), "e"),
                       c("E1", v("2020-01-15T00:00:00"), "d"),
                       c("F1", v("2021-03-04T12:30:00"), "d")]))]))
    # The _xHHHH_ escapes of ST_Xstring in shared and inline strings, in a
    # run, in a t="str" value and in the sheet name: decoded once, from the
    # left; a pair of surrogates is one character; U+0000, a lone surrogate
    # and what is not an escape stay as written.
    write_zip("xlsx-escapes.xlsx", xlsx_parts(
        [("Sheet_x0031_", row(1, [
            c("A1", v("0"), "s"), c("B1", v("1"), "s"),
            c("C1", "<is><r><t>_x005f_x0041_</t></r><r><t>_x0042_</t></r></is>", "inlineStr"),
            c("D1", "<f>CHAR(7)</f>" + v("bell_x0007_"), "str"),
            c("E1", "<is><t>_xD83D__xDE00_ _xD83D_ _x0000_ _x00G1_ _x0041 x0041_</t></is>",
              "inlineStr")]))],
        strings=["<si><t>CR_x000D_\nLF</t></si>",
                 "<si><t>_x005F_x005F_</t><rPh sb=\"0\" eb=\"1\"><t>_x0041_</t></rPh></si>"]))
    # A chart sheet, a dialog sheet and an Excel 4 macro sheet between the
    # worksheets: only the worksheets are sheets.
    chart = '<sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing%s r:id="rId1"/>' % xmlns("r", DOC_REL)
    write_zip("xlsx-sheet-kinds.xlsx", xlsx_parts(
        [("Chart", chart), ("Data", row(1, [c("A1", v("1"))])),
         ("Dialog", row(1, [c("A1", v("2"))])), ("Macro", row(1, [c("A1", v("3"))])),
         ("Macro2", row(1, [c("A1", v("4"))])), ("More", row(1, [c("B2", v("5"))]))],
        kinds={0: (REL_T + "chartsheet", "chartsheet", "chartsheets"),
               2: (REL_T + "dialogsheet", "dialogsheet", "dialogsheets"),
               3: (MS_REL + "xlMacrosheet", "macrosheet", "macrosheets"),
               4: (MS_REL + "xlIntlMacrosheet", "macrosheet", "macrosheets")}))
    # Past the limits: a column after XFD, a row after 1048576, row 0.
    write_zip("xlsx-col-xfe.xlsx", xlsx_parts([("S", row(1, [c("XFE1", v("1"))]))]))
    write_zip("xlsx-cell-big.xlsx", xlsx_parts([("S", row(None, [c("A1048577", v("1"))]))]))
    write_zip("xlsx-row-zero.xlsx", xlsx_parts([("S", row(0, [c(None, v("1"))]))]))
    # Numbers written in their general form or not.
    numbers = ["0.1", "0.0001", "0.00001", "1.10", "-0", "123456789012345", "1234567890123456",
               "12345678901234567890", "1E3", "1e-7", "0.30000000000000004", "-12.5", "007",
               "+5", ".5", "5.", "1.5e300", "-0.25", "100", "0"]
    write_zip("xlsx-numbers.xlsx", xlsx_parts(
        [("S", "".join(row(i + 1, [c("A%d" % (i + 1), v(n))]) for i, n in enumerate(numbers)))]))
    # Elements nested 300 deep.
    write_zip("xlsx-deep.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("1"))]) + "<row r=\"2\">" + "<x>" * 300 + "</x>" * 300
          + "</row>")]))
    # Not well-formed XML; entities declared in the part's own DTD, one of
    # them external: neither substituted nor loaded.
    write_zip("xlsx-bad-xml.xlsx", xlsx_parts([("S", '<row r="1"><c r="A1"><v>1</v></c></rowx>')]))
    parts = xlsx_parts([("S", row(1, [c("A1", v("&e;"), "str"), c("B1", v("&x;"), "str")]))])
    dtd = ('<!DOCTYPE worksheet [<!ENTITY e "boom"><!ENTITY x SYSTEM "file:///etc/hostname">]>')
    parts = [(m, d.replace(DECL, DECL + dtd) if m.endswith("sheet1.xml") else d)
             for m, d in parts]
    write_zip("xlsx-entity.xlsx", parts)
    # A shared string longer than RL_LIMIT_CELL_BYTES.
    write_zip("xlsx-long-string.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("0"), "s")]))], strings=["<si><t>" + "a" * 140000 + "</t></si>"]))


def ods_content(body, o="office", t="table", x="text", bom=False):
    ns = {o: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          t: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          x: "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    decl = "".join(' xmlns:%s="%s"' % kv for kv in ns.items())
    body = body.replace("office:", o + ":").replace("table:", t + ":").replace("text:", x + ":")
    return ((BOM if bom else "") + DECL
            + '<%s:document-content%s %s:version="1.2"><%s:body><%s:spreadsheet>%s'
            '</%s:spreadsheet></%s:body></%s:document-content>'
            % (o, decl, o, o, o, body, o, o, o))


def write_ods(name, content):
    manifest = (DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return write_zip(name, [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                            ("META-INF/manifest.xml", manifest), ("content.xml", content)])


def p(text):
    return "<text:p>%s</text:p>" % text


def cell(text, attrs=""):
    return '<table:table-cell office:value-type="string"%s>%s</table:table-cell>' % (attrs,
                                                                                    p(text))


def make_ods():
    # Other prefixes for office:, table: and text:, and a byte-order mark.
    body = ('<table:table table:name="Лист">'
            '<table:table-row>%s<table:table-cell office:value-type="float" office:value="3">'
            '%s</table:table-cell></table:table-row></table:table>' % (cell("один"), p("3")))
    write_ods("ods-prefix.ods", ods_content(body, o="o", t="t", x="x", bom=True))
    # Spaces, tabs and line breaks as elements, several paragraphs, spans,
    # a merge with its covered cell, office:value against the shown text.
    body = ('<table:table table:name="T"><table:table-row>'
            + cell('a<text:s/>b<text:s text:c="3"/>c<text:tab/>d<text:line-break/>e')
            + '<table:table-cell office:value-type="string">%s%s%s</table:table-cell>'
            % (p("first"), p('<text:span text:style-name="b">second</text:span>'), p(""))
            + '<table:table-cell office:value-type="percentage" office:value="0.25">%s'
            '</table:table-cell>' % p("25%")
            + '</table:table-row><table:table-row>'
            + cell("merged", ' table:number-columns-spanned="2" table:number-rows-spanned="1"')
            + '<table:covered-table-cell/>'
            + '<table:table-cell office:value-type="float" office:value="1234.5">%s'
            '</table:table-cell>' % p("1 234,50")
            + '</table:table-row></table:table>')
    write_ods("ods-text.ods", ods_content(body))
    # Raw white space in text:p, collapsed; the elements kept: a run inside
    # and across a span, tabs and line breaks of an indented source, leading
    # raw white space (dropped) and text:s (kept, as Rosstat indents names),
    # one trailing space as LibreOffice writes it, a paragraph of white space.
    body = ('<table:table table:name="T"><table:table-row>'
            + cell('a \t\r\n b<text:span>  c </text:span> d')
            + cell('\n   <text:s text:c="4"/>Город')
            + cell('x<text:tab/> <text:line-break/>\n  y')
            + cell('Київ ')
            + cell(' \n\t ')
            + '<table:table-cell office:value-type="string">%s\n  %s</table:table-cell>'
            % (p("\n    one\n  "), p("two"))
            + '</table:table-row></table:table>')
    write_ods("ods-whitespace.ods", ods_content(body))
    # Trailing repeated empty rows and columns, as spreadsheets write them.
    body = ('<table:table table:name="T"><table:table-row>' + cell("x")
            + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row></table:table>')
    write_ods("ods-trailing.ods", ods_content(body))
    # A few hundred bytes asking for 16384 × 1048576 cells of text.
    body = ('<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576">'
            '<table:table-cell office:value-type="string" table:number-columns-repeated="16384">'
            '<text:p>boom</text:p></table:table-cell></table:table-row></table:table>')
    write_ods("ods-repeat-bomb.ods", ods_content(body))
    # One cell repeated past the last column.
    body = ('<table:table table:name="T"><table:table-row>'
            '<table:table-cell office:value-type="string" table:number-columns-repeated='
            '"4294967295"><text:p>wide</text:p></table:table-cell></table:table-row>'
            '</table:table>')
    write_ods("ods-repeat-cols.ods", ods_content(body))


def patch_member(data, member, fn):
    """Calls fn(buf, offset, central) on the local and central header of member."""
    buf = bytearray(data)
    name = member.encode()
    eocd = buf.rfind(b"PK\x05\x06")
    n, cd = struct.unpack_from("<H", buf, eocd + 10)[0], struct.unpack_from("<I", buf, eocd + 16)[0]
    for _ in range(n):
        nl, el, cl = struct.unpack_from("<HHH", buf, cd + 28)
        local = struct.unpack_from("<I", buf, cd + 42)[0]
        if bytes(buf[cd + 46:cd + 46 + nl]) == name:
            fn(buf, local, False)
            fn(buf, cd, True)
        cd += 46 + nl + el + cl
    return bytes(buf)


def make_zip():
    base = xlsx_parts([("S", row(1, [c("A1", v("0"), "s"), c("B1", v("5"))]))],
                      strings=["<si><t>ok</t></si>"])
    good = open(write_zip("zip-good.xlsx", base), "rb").read()
    sheet = "xl/worksheets/sheet1.xml"

    def write(name, data):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)

    def bad_date(buf, off, central):
        # month 15, day 31, hour 31, minute 63, second 62 on every member
        struct.pack_into("<HH", buf, off + (12 if central else 10), 0xFFFF, 0xFFFF)

    data = good
    for member, _ in base:
        data = patch_member(data, member, bad_date)
    write("zip-bad-date.xlsx", data)
    write("zip-truncated.xlsx", good[:len(good) * 2 // 3])

    def bad_crc(buf, off, central):
        at = off + (16 if central else 14)
        struct.pack_into("<I", buf, at, struct.unpack_from("<I", buf, at)[0] ^ 0x5A5A5A5A)
    write("zip-bad-crc.xlsx", patch_member(good, sheet, bad_crc))

    def bzip2(buf, off, central):
        struct.pack_into("<H", buf, off + (10 if central else 8), 12)
    write("zip-method.xlsx", patch_member(good, sheet, bzip2))

    def crypt(buf, off, central):
        at = off + (8 if central else 6)
        struct.pack_into("<H", buf, at, struct.unpack_from("<H", buf, at)[0] | 1)
    write("zip-encrypted.xlsx", patch_member(good, sheet, crypt))

    def small_size(buf, off, central):
        struct.pack_into("<I", buf, off + (24 if central else 22), 100)
    write("zip-size-lie.xlsx", patch_member(good, sheet, small_size))
    # 5 MB of white space between rows: deflate packs it about a thousand times.
    write_zip("zip-ratio.xlsx", xlsx_parts(
        [("S", row(1, [c("A1", v("1"))]) + " " * (5 * 1024 * 1024) + row(2, [c("A2", v("2"))]))]))


make_xlsx()
make_ods()
make_zip()
