#!/usr/bin/env python3
"""Writes the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

Run once from this folder: python3 make_icons.py. The PNGs are committed; rerun only to change the design.
Design: a territory map of four tiles around a pin. The colour icon is a full-bleed accent square; the outline
icon is white on transparent, as Teams requires.
"""
import struct
import zlib

ACCENT = (0x2B, 0x57, 0x9A)
TILES = [(0x4F, 0x9D, 0xDE), (0x6C, 0xC0, 0x8A), (0xF2, 0xB1, 0x34), (0xE8, 0x6A, 0x5C)]
WHITE = (255, 255, 255)


def png(width, height, rows):
    """rows: list of bytes objects, RGBA, one per scanline."""
    raw = b"".join(b"\x00" + row for row in rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def in_pin(x, y, cx, cy, r):
    """A map pin: a circle with a point below it, and a hole in the circle."""
    dx, dy = x - cx, y - cy
    circle = dx * dx + dy * dy <= r * r
    hole = dx * dx + dy * dy <= (r * 0.42) ** 2
    tip = dy >= 0 and dy <= r * 1.9 and abs(dx) <= r * (1 - dy / (r * 1.9))
    return (circle or tip) and not hole


def color_icon(size=192):
    rows = []
    margin, gap = size * 0.16, size * 0.04
    half = (size - 2 * margin - gap) / 2
    for y in range(size):
        row = bytearray()
        for x in range(size):
            rgb = ACCENT
            inside = margin <= x < size - margin and margin <= y < size - margin
            if inside:
                col = 0 if x < margin + half else (1 if x >= margin + half + gap else None)
                line = 0 if y < margin + half else (1 if y >= margin + half + gap else None)
                if col is not None and line is not None:
                    rgb = TILES[line * 2 + col]
            if in_pin(x, y, size / 2, size * 0.42, size * 0.13):
                rgb = WHITE
            row += bytes(rgb) + b"\xff"
        rows.append(bytes(row))
    return png(size, size, rows)


def outline_icon(size=32):
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            border = (2 <= x <= 29 and 2 <= y <= 29) and (x in (2, 3, 28, 29) or y in (2, 3, 28, 29) or x in (15, 16) or y in (15, 16))
            pin = in_pin(x + 0.5, y + 0.5, 16, 12.5, 5.5)
            on = border or pin
            row += bytes(WHITE) + (b"\xff" if on else b"\x00")
        rows.append(bytes(row))
    return png(size, size, rows)


if __name__ == "__main__":
    with open("color.png", "wb") as f:
        f.write(color_icon())
    with open("outline.png", "wb") as f:
        f.write(outline_icon())
    print("wrote color.png (192x192) and outline.png (32x32)")
