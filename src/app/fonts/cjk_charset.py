#!/usr/bin/env python3
"""Writes the characters the CJK font subset keeps (the build runs it; see CMakeLists.txt):
every character of the given files (the UI translations, the reply drafts and lexicons: .json
values or whole .txt files), plus what buyers commonly write: GB2312 level-1 hanzi (3,755 common
simplified), Big5 level-1 (5,401 common traditional), JIS X 0208 level-1 kanji (2,965 common
Japanese, with forms such as 訳 応 様 伝 the Chinese sets lack) and CP932's extension kanji (髙 﨑),
kana, CJK punctuation, enclosed and full-width forms. (The circled digits ① ② are not in Droid
Sans Fallback; the Latin UI font has them.)

usage: cjk_charset.py OUT.txt FILE.json|FILE.txt...
"""
import json
import sys


def gb2312_level1():
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                yield bytes([hi, lo]).decode('gb2312')
            except UnicodeDecodeError:
                pass


def big5_level1():
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                yield bytes([hi, lo]).decode('big5')
            except UnicodeDecodeError:
                pass


def jis_level1():
    for hi in range(0xB0, 0xD0):  # EUC-JP rows 16-47
        for lo in range(0xA1, 0xFF):
            try:
                yield bytes([hi, lo]).decode('euc_jp')
            except UnicodeDecodeError:
                pass


def cp932_extensions():
    # NEC row 13 (roman numerals, ㈱) and the NEC/IBM extended kanji (髙 﨑 德).
    for hi, lows in ((0x87, range(0x40, 0x9D)), (0xED, range(0x40, 0xFD)), (0xEE, range(0x40, 0xFD)),
                     (0xFA, range(0x40, 0xFD)), (0xFB, range(0x40, 0xFD)), (0xFC, range(0x40, 0x4C))):
        for lo in lows:
            try:
                yield bytes([hi, lo]).decode('cp932')
            except UnicodeDecodeError:
                pass


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    chars = set()
    for path in files:
        with open(path, encoding='utf-8') as f:
            if path.endswith('.json'):
                for value in strings(json.load(f)):
                    chars.update(value)
            else:
                chars.update(f.read())
    chars.update(gb2312_level1())
    chars.update(big5_level1())
    chars.update(jis_level1())
    chars.update(cp932_extensions())
    chars.update(chr(c) for c in range(0x3000, 0x3100))   # CJK punctuation, hiragana, katakana
    chars.update(chr(c) for c in range(0x3200, 0x3400))   # enclosed CJK (㈱) and compatibility (㎝)
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
    chars = sorted(c for c in chars if ord(c) >= 0x2E80)  # the Latin UI font covers the rest
    with open(out, 'w', encoding='utf-8') as f:
        f.write(''.join(chars))


if __name__ == '__main__':
    main()
