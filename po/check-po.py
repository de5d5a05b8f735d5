#!/usr/bin/env python3
# check-po.py — fail when a translation is broken, fuzzy, incomplete or stale.
#
#   check-po.py SOURCE_ROOT BUILD_DIR [MERGED_FILE…]
#
# Every language in po/LINGUAS must compile with msgfmt --check and translate
# every message of a template regenerated from po/POTFILES.in; every merged
# file (the desktop entry, the metainfo) must carry each language.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']


def unquote(parts):
    out = []
    for p in parts:
        s = p[1:-1]
        out.append(re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s))
    return ''.join(out)


def read_catalogue(path):
    """Messages of a .po or .pot file: {(context, msgid, plural): [msgstr…]}, fuzzy flags."""
    entries, fuzzy = {}, set()
    with open(path, encoding='utf-8') as f:
        blocks = f.read().split('\n\n')
    for block in blocks:
        fields, cur, flags = {}, None, ''
        for line in block.splitlines():
            if line.startswith('#,'):
                flags += line
            if line.startswith('#'):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                cur = m.group(1)
                fields[cur] = [m.group(2)]
            elif line.startswith('"') and cur is not None:
                fields[cur].append(line)
        if 'msgid' not in fields:
            continue
        key = (unquote(fields.get('msgctxt', [])) if 'msgctxt' in fields else None,
               unquote(fields['msgid']),
               unquote(fields['msgid_plural']) if 'msgid_plural' in fields else None)
        if key[1] == '':
            continue
        entries[key] = [unquote(v) for k, v in sorted(fields.items()) if k.startswith('msgstr')]
        if 'fuzzy' in flags:
            fuzzy.add(key)
    return entries, fuzzy


def main():
    src, build = sys.argv[1], sys.argv[2]
    merged = sys.argv[3:]
    po = os.path.join(src, 'po')
    errors = []
    with open(os.path.join(po, 'LINGUAS')) as f:
        langs = [w for line in f for w in line.split('#')[0].split()]
    if not langs:
        errors.append('po/LINGUAS lists no language')

    pot = os.path.join(build, 'check-po.pot')
    cmd = ['xgettext', '--from-code=UTF-8', '--directory=' + src,
           '--files-from=' + os.path.join(po, 'POTFILES.in'), '--output=' + pot,
           '--package-name=regionlab']
    cmd += ['--keyword=' + k for k in KEYWORDS]
    subprocess.run(cmd, check=True)
    template, _ = read_catalogue(pot)
    if not template:
        errors.append('the template regenerated from po/POTFILES.in is empty')

    for lang in langs:
        path = os.path.join(po, lang + '.po')
        run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        report = run.stderr.strip()
        print('%s: %s' % (lang, report))
        if run.returncode != 0:
            errors.append('%s.po does not compile: %s' % (lang, report))
        if 'fuzzy' in report or 'untranslated' in report:
            errors.append('%s.po has fuzzy or untranslated messages: %s' % (lang, report))
        catalogue, fuzzy = read_catalogue(path)
        for key in template:
            if key not in catalogue:
                errors.append('%s.po lacks %r' % (lang, key[1]))
            elif key in fuzzy or any(s == '' for s in catalogue[key]):
                errors.append('%s.po does not translate %r' % (lang, key[1]))
        for key in catalogue:
            if key not in template:
                errors.append('%s.po has %r, which no source file uses any more' % (lang, key[1]))

    for path in merged:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for lang in langs:
            if ('Name[%s]=' % lang) not in text and ('xml:lang="%s"' % lang) not in text:
                errors.append('%s has no %s translation' % (os.path.basename(path), lang))

    for e in errors:
        print('error: ' + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
