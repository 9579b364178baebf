#!/usr/bin/env python3
"""Checks the CJK font subset the web build makes (CMakeLists.txt, src/app/fonts/cjk_charset.py)
has a glyph for every CJK character the app can draw from its own texts: the translations, the
reply drafts (a Japanese draft is 申し訳ございません, whose 訳 no Chinese set has) and the lexicons,
plus characters common in Japanese comments (様 伝 髙 﨑 ㈱). A character the charset lists but
Droid Sans Fallback lacks is dropped silently by the subsetter, so the font itself is read back.

usage: check_cjk_font.py REPO_ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTFont


def is_cjk_point(c):  # as src/app/text.h's is_cjk_point
    c = ord(c)
    return (0x3000 <= c <= 0x30FF or 0x3200 <= c <= 0x33FF or 0x3400 <= c <= 0x4DBF
            or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0xFF00 <= c <= 0xFFEF)


def main():
    root = sys.argv[1]
    i18n = sorted(glob.glob(os.path.join(root, 'src/app/i18n/*.json')))
    texts = sorted(glob.glob(os.path.join(root, 'src/core/data/drafts/*.txt')) +
                   glob.glob(os.path.join(root, 'src/core/data/lexicons/*.txt')))
    headers = os.path.join(root, 'src/core/data/ingest/feedback_headers.json')
    wanted = set('訳応様伝髙遅﨑㈱')
    for path in i18n:
        with open(path, encoding='utf-8') as f:
            for value in json.load(f).values():
                wanted.update(value)
    for path in texts:
        with open(path, encoding='utf-8') as f:
            wanted.update(f.read())
    wanted = {c for c in wanted if is_cjk_point(c)}
    with tempfile.TemporaryDirectory() as tmp:
        chars, font = os.path.join(tmp, 'chars.txt'), os.path.join(tmp, 'cjk.ttf')
        subprocess.run([sys.executable, os.path.join(root, 'src/app/fonts/cjk_charset.py'), chars, *i18n, *texts, headers],
                       check=True)
        subprocess.run([sys.executable, '-m', 'fontTools.subset', '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
                        '--text-file=' + chars, '--output-file=' + font, '--no-hinting', '--desubroutinize'], check=True)
        cmap = TTFont(font).getBestCmap()
        size = os.path.getsize(font)
    missing = sorted(c for c in wanted if ord(c) not in cmap)
    print(f'cjk font: {len(cmap)} glyphs, {size // 1024} KB; {len(wanted)} characters of the app\'s texts checked')
    if missing:
        print('missing: ' + ''.join(missing[:200]) + (f' and {len(missing) - 200} more' if len(missing) > 200 else ''))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
