#!/usr/bin/python3
# make-ods-sample.py — writes sample.ods, a small hand-made OpenDocument
# spreadsheet for tests/core/test-ods.c (no office suite is needed).
#
# Command (from the source root):
#
#   /usr/bin/python3 tests/data/make-ods-sample.py tests/data/sample.ods
#
# What it holds, as a spreadsheet shows it (test-ods.c checks exactly this):
#   sheet "Регионы"
#     row 1: A "Регион", B 2019 (float), C 2020 (float)
#     row 2: A "  Белгородская область" (two leading spaces as text:s),
#            B 1234.5 shown as "1 234,5", C "x" (a string)
#     row 3: A..C the float 7 repeated over three columns
#     rows 4-5: empty (one row repeated twice)
#     row 6: A "Итого" spanning A6:B6 (a merge; B6 is a covered cell),
#            C "две\nстроки" (two paragraphs), with a comment that is not shown
#     row 7: A "a  b\tc" (text:s c=2 and text:tab), B 0.25 as a percentage "25%"
#     then 1048569 empty rows repeated, as office suites write them
#   sheet "Second"
#     rows 1-3: A "same" (one row repeated three times)

import sys
import zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')

CONTENT = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content %s office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Регионы">
<table:table-column table:number-columns-repeated="3"/>
<table:table-row>
<table:table-cell office:value-type="string"><text:p>Регион</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="2019"><text:p>2019</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="2020"><text:p>2020</text:p></table:table-cell>
</table:table-row>
<table:table-row>
<table:table-cell office:value-type="string"><text:p><text:s text:c="2"/>Белгородская область</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="1234.5"><text:p>1 234,5</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>
</table:table-row>
<table:table-row>
<table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
</table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>
<table:table-row>
<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" office:value-type="string"><text:p>Итого</text:p></table:table-cell>
<table:covered-table-cell/>
<table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>comment</text:p></office:annotation><text:p>две</text:p><text:p>строки</text:p></table:table-cell>
</table:table-row>
<table:table-row>
<table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b<text:tab/>c</text:p></table:table-cell>
<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%%</text:p></table:table-cell>
</table:table-row>
<table:table-row table:number-rows-repeated="1048569"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Second">
<table:table-row table:number-rows-repeated="3">
<table:table-cell office:value-type="string"><text:p>same</text:p></table:table-cell>
</table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document-content>
''' % NS

MANIFEST = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
'''

with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype', (2026, 1, 1, 0, 0, 0)),
               'application/vnd.oasis.opendocument.spreadsheet', compress_type=zipfile.ZIP_STORED)
    for name, text in (('content.xml', CONTENT), ('META-INF/manifest.xml', MANIFEST)):
        z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text,
                   compress_type=zipfile.ZIP_DEFLATED)
