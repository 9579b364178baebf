#!/usr/bin/env python3
"""Renders the app icon (web/icon.svg's design) to PNG for the web app manifest.

Usage: make_icons.py OUT_DIR [SIZE...]   (default sizes 192 and 512)
Pure Python (zlib only) and deterministic: the same sizes always give the same bytes, so the
PNGs are committed under web/icons/ and this script re-makes them when the design changes.
"""
import math
import struct
import sys
import zlib

BG = (0x17, 0x19, 0x1E)
TRACK = (0x2D, 0x30, 0x38)
GREEN = (0x2E, 0xAA, 0x60)
CHECK = (0xE8, 0xEC, 0xF2)

# Geometry in the SVG's 64×64 units.
RING_C, RING_R, RING_W = (32.0, 32.0), 20.0, 8.0
ARC_START = -90.0                                                   # 12 o'clock
ARC_END = math.degrees(math.atan2(39.3 - 32.0, 13.4 - 32.0))        # the path's end point
CHECK_POINTS = [(24.0, 33.0), (30.0, 39.0), (41.0, 26.0)]
CHECK_W = 4.0


def rounded_rect(x, y):
    # Signed distance to the 64×64 square with 14-unit corners.
    qx, qy = abs(x - 32.0) - 32.0 + 14.0, abs(y - 32.0) - 32.0 + 14.0
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - 14.0


def ring(x, y):
    return abs(math.hypot(x - RING_C[0], y - RING_C[1]) - RING_R) - RING_W / 2


def arc(x, y):
    a = math.degrees(math.atan2(y - RING_C[1], x - RING_C[0]))
    sweep = (ARC_END - ARC_START) % 360.0
    if (a - ARC_START) % 360.0 <= sweep:
        return ring(x, y)
    ends = [(RING_C[0] + RING_R * math.cos(math.radians(t)), RING_C[1] + RING_R * math.sin(math.radians(t)))
            for t in (ARC_START, ARC_END)]
    return min(math.hypot(x - ex, y - ey) for ex, ey in ends) - RING_W / 2


def segment(x, y, a, b):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - ax - t * dx, y - ay - t * dy)


def check(x, y):
    return min(segment(x, y, CHECK_POINTS[i], CHECK_POINTS[i + 1]) for i in range(2)) - CHECK_W / 2


def coverage(d, unit):
    # Distance in icon units → pixel coverage, one pixel of anti-aliasing.
    return max(0.0, min(1.0, 0.5 - d / unit))


def render(size):
    unit = 64.0 / size
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        y = (py + 0.5) * unit
        for px in range(size):
            x = (px + 0.5) * unit
            alpha = coverage(rounded_rect(x, y), unit)
            color = list(BG)
            for sdf, c in ((ring, TRACK), (arc, GREEN), (check, CHECK)):
                a = coverage(sdf(x, y), unit)
                if a > 0:
                    color = [color[i] * (1 - a) + c[i] * a for i in range(3)]
            row += bytes(int(round(v)) for v in color) + bytes([int(round(alpha * 255))])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out_dir = sys.argv[1]
    sizes = [int(s) for s in sys.argv[2:]] or [192, 512]
    for size in sizes:
        with open(f"{out_dir}/icon-{size}.png", "wb") as f:
            f.write(render(size))


if __name__ == "__main__":
    main()
