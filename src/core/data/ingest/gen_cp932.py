#!/usr/bin/env python3
"""Writes cp932.bin: the CP932 (Shift_JIS, Windows) double-byte grid as little-endian UTF-16 units.

Layout: lead bytes 0x81-0x9F then 0xE0-0xFC (60 rows) x trail bytes 0x40-0xFC (189 columns),
2 bytes per cell; 0 = no character. 60 * 189 * 2 = 22,680 bytes. Single bytes (ASCII, the
half-width katakana 0xA1-0xDF) are decoded in code. Run: python3 gen_cp932.py > cp932.bin
"""
import struct
import sys

leads = list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD))
out = bytearray()
for lead in leads:
    for trail in range(0x40, 0xFD):
        try:
            ch = bytes([lead, trail]).decode("cp932")
        except UnicodeDecodeError:
            ch = ""
        code = ord(ch) if len(ch) == 1 and ord(ch) < 0x10000 else 0
        out += struct.pack("<H", code)
sys.stdout.buffer.write(out)
