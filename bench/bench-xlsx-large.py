#!/usr/bin/python3
# bench-xlsx-large.py — time and peak memory of the XLSX reader on a large generated workbook
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 bench/bench-xlsx-large.py [BUILD_DIR [ROWS [REPEAT]]]
# Writes ROWS (default 200000) × 10 columns with xlsxwriter into
# $TMPDIR/rl-bench-large-ROWS.xlsx (kept between runs, never committed): a
# text column, eight numbers and a shared label, as a statistics table. Then
# runs BUILD_DIR/src/cli/regionlab-cli inspect FILE >/dev/null REPEAT times
# (default 3) under /usr/bin/time -v and prints the best wall time and the
# largest peak RSS, and the same for the largest shipped Rosstat XLSX.
import os
import re
import subprocess
import sys
import tempfile

import xlsxwriter


def make_large(path, rows):
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet("data")
    ws.write_row(0, 0, ["region"] + ["y%d" % (2000 + j) for j in range(8)] + ["group"])
    for i in range(1, rows + 1):
        ws.write_string(i, 0, "Region %d" % i)
        for j in range(8):
            ws.write_number(i, 1 + j, (i * 7919 + j * 104729) % 1000003 / 100.0)
        ws.write_string(i, 9, "group %d" % (i % 17))
    wb.close()


def measure(cli, path, repeat):
    best, rss = None, 0
    for _ in range(repeat):
        with open(os.devnull, "w") as null:
            p = subprocess.run(["/usr/bin/time", "-v", cli, "inspect", path],
                               stdout=null, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.exit("%s failed: %s" % (cli, p.stderr))
        m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
        t = (int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3)))
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
        best = t if best is None else min(best, t)
        rss = max(rss, kb)
    return best, rss


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    cli = os.path.join(build, "src", "cli", "regionlab-cli")
    large = os.path.join(tempfile.gettempdir(), "rl-bench-large-%d.xlsx" % rows)
    if not os.path.exists(large):
        make_large(large, rows)
    here = os.path.dirname(os.path.abspath(__file__))
    shipped = os.path.join(here, "..", "..", "shared", "data", "rosstat", "population.xlsx")
    for path in (shipped, large):
        if os.path.exists(path):
            t, kb = measure(cli, path, repeat)
            print("%8.3f s %8d kB peak RSS  %s (%d bytes)"
                  % (t, kb, os.path.basename(path), os.path.getsize(path)))


main()
