#!/usr/bin/python3
# make-xls-edge.py — XLS edge-case inputs written record by record, and what
# xlrd reads from them, for tests/core/test-xls.c.
#
# Written for RegionLab, GPL-3.0-or-later.
#
# Command (from the source root; Debian's python3 with python3-xlrd; the
# chart workbook is LibreOffice's, see make-xls-libreoffice.py):
#
#   /usr/bin/python3 tests/data/readers-edge/make-xls-edge.py tests/data/readers-edge
#
# Writes:
#   xls-biff5-cp1251.xls  a BIFF5 workbook ("Book" stream) with CODEPAGE 1251:
#                         Cyrillic in both sheet names (BOUNDSHEET), LABEL and
#                         RSTRING cells, a formula's STRING result and a FORMAT
#                         code, all as 8-bit Windows-1251 text.
#   xls-biff5-cp10029.xls the same with CODEPAGE 10029 (Mac Central European)
#                         and Czech and Polish text.
#   xls-chart-cache.xls   LibreOffice's xls-chart.xls with, inside the chart
#                         substream nested in the worksheet, the series data
#                         cache Excel writes there (SIINDEX, then NUMBER and
#                         LABEL records whose row and column are the point and
#                         the series, not sheet cells), and a cell after the
#                         chart's EOF, before the worksheet's own EOF.
# and next to each <file>.tsv, every non-empty cell as xlrd reads it (the same
# layout as make-xls-libreoffice.py writes). The OLE2 container is written
# here: version 3, 512-byte sectors, one stream padded to 4096 bytes so that
# it lives in big sectors.
import struct
import sys

import xlrd.compdoc

sys.path.insert(0, __file__.rsplit('/', 1)[0])
from importlib import import_module  # noqa: E402

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def rec(rid, body=b''):
    return struct.pack('<HH', rid, len(body)) + body


def ole2(stream_name, stream):
    stream = stream + b'\0' * max(0, 4096 - len(stream))
    n_stream = (len(stream) + 511) // 512
    stream += b'\0' * (n_stream * 512 - len(stream))
    n_fat = 1
    while n_fat * 128 < n_fat + 1 + n_stream:
        n_fat += 1
    fat = [FATSECT] * n_fat + [ENDOFCHAIN]
    first = n_fat + 1
    fat += [first + i + 1 for i in range(n_stream - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (n_fat * 128 - len(fat))
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header = (b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 16
              + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
              + struct.pack('<IIIIIIIII', 0, n_fat, n_fat, 0, 4096, ENDOFCHAIN, 0,
                            ENDOFCHAIN, 0)
              + struct.pack('<109I', *difat))

    def dirent(name, kind, left, right, child, start, size):
        u = name.encode('utf-16-le') + b'\0\0' if name else b''
        return (u.ljust(64, b'\0') + struct.pack('<HBB', len(u), kind, 1)
                + struct.pack('<III', left, right, child) + b'\0' * 36
                + struct.pack('<III', start, size, 0))
    none = 0xFFFFFFFF
    directory = (dirent('Root Entry', 5, none, none, 1, ENDOFCHAIN, 0)
                 + dirent(stream_name, 2, none, none, none, first, len(stream))
                 + dirent('', 0, none, none, none, 0, 0) * 2)
    return header + struct.pack('<%dI' % len(fat), *fat) + directory + stream


CYRILLIC = {'codepage': 1251, 'encoding': 'cp1251',
            'sheets': ['Регионы', 'Итоги'],
            'text': ['Регион', 'Доход', 'Примечание', 'Москва', 'столица',
                     'Ярославская область', 'Москва — столица', 'ёЁ №', 'Всего'],
            'format': '0.0" руб."'}
CENTRAL = {'codepage': 10029, 'encoding': 'mac_latin2',
           'sheets': ['Łódź', 'Žluť'],
           'text': ['Region', 'Příjem', 'Poznámka', 'Kraków', 'Gdańsk', 'Ústí nad Labem',
                    'Příliš žluťoučký kůň', 'ąćęłńóśźż', 'Celkem'],
           'format': '0.0" zł"'}


def biff5_book(lang):
    def cp(text):
        return text.encode(lang['encoding'])
    t = lang['text']

    bof = lambda kind: rec(0x0809, struct.pack('<HHHH', 0x0500, kind, 0x0DBB, 0x07CC))
    g = bof(0x0005) + rec(0x0042, struct.pack('<H', lang['codepage']))
    g += rec(0x0031, struct.pack('<HHHHHBBBB', 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0)
             + bytes([5]) + b'Arial')
    fmt = cp(lang['format'])
    g += rec(0x041E, struct.pack('<HB', 164, len(fmt)) + fmt)
    for i in range(17):
        g += rec(0x00E0, struct.pack('<HHHHHHHH', 0, 164 if i == 16 else 0,
                                     0xFFF5 if i < 15 else 1, 0x20, 0, 0, 0, 0))
    names = lang['sheets']
    bs_pos = []
    for n in names:
        bs_pos.append(len(g) + 4)
        g += rec(0x0085, struct.pack('<IBB', 0, 0, 0) + bytes([len(cp(n))]) + cp(n))
    g += rec(0x000A)

    def label(r, c, text, xf=15):
        return rec(0x0204, struct.pack('<HHHH', r, c, xf, len(cp(text))) + cp(text))

    def rstring(r, c, text):
        return rec(0x00D6, struct.pack('<HHHH', r, c, 15, len(cp(text))) + cp(text)
                   + bytes([1]) + struct.pack('<BB', 0, 0))

    def number(r, c, v, xf=15):
        return rec(0x0203, struct.pack('<HHHd', r, c, xf, v))

    def formula_string(r, c, text):
        tok = bytes([0x17, len(cp(text))]) + cp(text)
        body = struct.pack('<HHH', r, c, 15) + b'\0' * 6 + b'\xFF\xFF'
        body += struct.pack('<HIH', 0, 0, len(tok)) + tok
        return rec(0x0006, body) + rec(0x0207, struct.pack('<H', len(cp(text))) + cp(text))

    s1 = bof(0x0010)
    s1 += label(0, 0, t[0]) + label(0, 1, t[1]) + label(0, 2, t[2])
    s1 += rstring(1, 0, t[3]) + number(1, 1, 1234.5) + label(1, 2, t[4])
    s1 += label(2, 0, t[5]) + number(2, 1, 87.25, 16)
    s1 += formula_string(3, 0, t[6]) + label(3, 1, t[7])
    s1 += rec(0x000A)
    s2 = bof(0x0010) + label(0, 0, t[8]) + number(0, 1, 2) + rec(0x000A)
    data = bytearray(g)
    struct.pack_into('<I', data, bs_pos[0], len(g))
    struct.pack_into('<I', data, bs_pos[1], len(g) + len(s1))
    return ole2('Book', bytes(data) + s1 + s2)


def records(stream):
    pos = 0
    while pos + 4 <= len(stream):
        rid, n = struct.unpack_from('<HH', stream, pos)
        yield pos, rid, stream[pos + 4:pos + 4 + n]
        pos += 4 + n


def chart_cache_book(src):
    data = open(src, 'rb').read()
    cd = xlrd.compdoc.CompDoc(data, logfile=open('/dev/null', 'w'))
    stream = bytes(cd.get_named_stream('Workbook'))
    depth, chart_eof, sheet_eof = 0, None, None
    for pos, rid, body in records(stream):
        if rid == 0x0809:
            depth += 1
        elif rid == 0x000A:
            if depth == 2:
                chart_eof = pos
            if depth == 1 and chart_eof is not None:
                sheet_eof = pos
            depth -= 1
    assert chart_eof is not None and sheet_eof is not None
    cache = rec(0x1065, struct.pack('<H', 1))  # SIINDEX: values
    for point in range(3):
        for series in range(3):
            cache += rec(0x0203, struct.pack('<HHHd', point, series, 0, 1000.0 + point))
    cache += rec(0x1065, struct.pack('<H', 2))  # categories
    for point in range(3):
        cache += rec(0x0204, struct.pack('<HHHHB', point, 0, 0, 4, 0) + b'cat%d' % point)
    after = rec(0x0203, struct.pack('<HHHd', 27, 0, 0, 99.5))
    out = (stream[:chart_eof] + cache + stream[chart_eof:sheet_eof] + after
           + stream[sheet_eof:])
    return ole2('Workbook', out)


def main():
    outdir = sys.argv[1]
    dump = import_module('make-xls-libreoffice').dump
    for name, data in (('xls-biff5-cp1251', biff5_book(CYRILLIC)),
                       ('xls-biff5-cp10029', biff5_book(CENTRAL)),
                       ('xls-chart-cache', chart_cache_book(outdir + '/xls-chart.xls'))):
        path = '%s/%s.xls' % (outdir, name)
        with open(path, 'wb') as f:
            f.write(data)
        dump(path, path + '.tsv')


if __name__ == '__main__':
    main()
