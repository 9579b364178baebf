#!/usr/bin/env python3
"""Writes the characters the CJK font subset keeps (the build runs it; see CMakeLists.txt):
every character of the UI translations, plus what buyers commonly write: GB2312 level-1 hanzi
(3,755 common simplified), Big5 level-1 (5,401 common traditional), kana, CJK punctuation and
full-width forms.

usage: cjk_charset.py OUT.txt I18N.json...
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


def main():
    out, files = sys.argv[1], sys.argv[2:]
    chars = set()
    for path in files:
        with open(path, encoding='utf-8') as f:
            for value in json.load(f).values():
                chars.update(value)
    chars.update(gb2312_level1())
    chars.update(big5_level1())
    chars.update(chr(c) for c in range(0x3000, 0x3100))   # CJK punctuation, hiragana, katakana
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
    chars = sorted(c for c in chars if ord(c) >= 0x2E80)  # the Latin UI font covers the rest
    with open(out, 'w', encoding='utf-8') as f:
        f.write(''.join(chars))


if __name__ == '__main__':
    main()
