#!/usr/bin/env python3
"""Re-encodes a LoopLab screenshot (unfiltered 8-bit RGBA, as looplab writes it for the
test checker) as a small RGB PNG for the README: the opaque alpha channel dropped, each
row given the PNG filter (none, sub or up) that leaves the least to compress, zlib at 9.

usage: shrink_png.py IN.png OUT.png
Only the standard library (no Pillow on the build machines).
"""
import os
import struct
import sys
import zlib

from check_screenshots import read_png


def chunk(kind, body):
    return (struct.pack(">I", len(body)) + kind + body +
            struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def cost(line):
    # The usual heuristic: bytes read as signed, smaller magnitudes compress better.
    return sum(b if b < 128 else 256 - b for b in line)


def filtered_rows(rows):
    prev = bytes(len(rows[0]))
    for row in rows:
        sub = bytes([row[0], row[1], row[2]]) + bytes(
            (row[i] - row[i - 3]) & 255 for i in range(3, len(row)))
        up = bytes((a - b) & 255 for a, b in zip(row, prev))
        kind, best = min(enumerate((row, sub, up)), key=lambda choice: cost(choice[1]))
        yield bytes([kind]) + best
        prev = row


def main():
    source, target = sys.argv[1], sys.argv[2]
    width, height, rgba = read_png(source)
    rgb = [bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in rgba]
    raw = b"".join(filtered_rows(rgb))
    png = (b"\x89PNG\r\n\x1a\n" +
           chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
           chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(target + ".tmp", "wb") as out:
        out.write(png)
    os.replace(target + ".tmp", target)


if __name__ == "__main__":
    main()
