#!/usr/bin/env python3
"""Checks a LoopLab window screenshot for the panels a class must see.

usage: check_screenshots.py PNG WIDTH HEIGHT [--theme light|dark] [--lanes N]

- a valid 8-bit RGBA PNG of the requested size, not blank;
- the toolbar band at the top holds the Play button (the palette's "running" colour);
- the timeline (centre column) shows at least N lanes: horizontal bands holding
  segments in the palette's state colours (read from engine/export/palette.hpp, so a
  retuned colour does not break the test);
- the left column (source, parameters), the right column (tasks, event loop, warnings)
  and the console/narration row hold text, not an empty panel.
Only the standard library: the PNG is inflated with zlib and unfiltered here.
"""
import argparse
import os
import re
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PALETTE = os.path.join(HERE, "..", "..", "engine", "export", "palette.hpp")


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def unfilter(kind, line, prev):
    if kind == 0:
        return line
    out = bytearray(line)
    for i in range(len(out)):
        a = out[i - 4] if i >= 4 else 0
        b = prev[i]
        c = prev[i - 4] if i >= 4 else 0
        if kind == 1:
            out[i] = (out[i] + a) & 255
        elif kind == 2:
            out[i] = (out[i] + b) & 255
        elif kind == 3:
            out[i] = (out[i] + (a + b) // 2) & 255
        elif kind == 4:
            out[i] = (out[i] + paeth(a, b, c)) & 255
    return bytes(out)


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, width, height, idat = 8, 0, 0, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour != 6:
                raise ValueError("expected 8-bit RGBA")
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * 4
    rows, prev = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        prev = unfilter(raw[start], raw[start + 1:start + 1 + stride], prev)
        rows.append(prev)
    return width, height, rows


def palette_states(theme):
    """The seven state fills of kLightPalette / kDarkPalette, in LaneState order."""
    text = open(PALETTE).read()
    name = "kDarkPalette" if theme == "dark" else "kLightPalette"
    body = text[text.index(name):]
    colours = re.findall(r"rgb\(0x([0-9A-Fa-f]{6})\)", body)
    # background, panel, text, text_muted, grid, outline, flow, cursor, then 7 states
    states = colours[8:15]
    return [bytes.fromhex(c) for c in states], bytes.fromhex(colours[0])


def pixel(rows, x, y):
    return rows[y][x * 4:x * 4 + 3]


def lane_bands(rows, x0, x1, y0, y1, state_colours):
    """Runs of rows in [y0, y1) that hold at least 12 pixels of some state colour."""
    wanted = set(state_colours)
    bands, inside = 0, False
    for y in range(y0, y1):
        row = rows[y]
        hits = sum(1 for x in range(x0, x1, 2) if row[x * 4:x * 4 + 3] in wanted)
        if hits >= 6 and not inside:
            bands += 1
        inside = hits >= 6
    return bands


def ink(rows, x0, x1, y0, y1, background):
    """Pixels clearly different from the background (text, boxes)."""
    count = 0
    for y in range(y0, y1, 2):
        row = rows[y]
        for x in range(x0, x1, 2):
            p = row[x * 4:x * 4 + 3]
            if abs(p[0] - background[0]) + abs(p[1] - background[1]) + abs(p[2] - background[2]) > 180:
                count += 1
    return count


def check(path, want_w, want_h, theme, lanes):
    w, h, rows = read_png(path)
    problems = []
    if (w, h) != (want_w, want_h):
        return [f"size {w}x{h}, expected {want_w}x{want_h}"]
    colours = {pixel(rows, x, y) for y in range(0, h, 9) for x in range(0, w, 9)}
    if len(colours) < 8:
        return [f"blank image ({len(colours)} colours)"]
    states, background = palette_states(theme)
    running = states[1]
    band = int(h * 0.12)
    if not any(pixel(rows, x, y) == running for y in range(0, band) for x in range(0, w, 2)):
        problems.append("no toolbar: the Play button's colour is missing from the top band")
    cx0, cx1 = int(w * 0.33), int(w * 0.69)
    found = lane_bands(rows, cx0, cx1, band, int(h * 0.66), states)
    if found < lanes:
        problems.append(f"timeline shows {found} lanes with state colours, expected at least {lanes}")
    regions = {
        "left column (source)": (int(w * 0.01), int(w * 0.27), band, int(h * 0.6)),
        "right column (tasks, event loop)": (int(w * 0.75), int(w * 0.99), band, int(h * 0.9)),
        "console / narration": (cx0, cx1, int(h * 0.72), int(h * 0.98)),
    }
    for name, (x0, x1, y0, y1) in regions.items():
        if ink(rows, x0, x1, y0, y1, background) < 150:
            problems.append(f"{name} looks empty")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("png")
    parser.add_argument("width", type=int)
    parser.add_argument("height", type=int)
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--lanes", type=int, default=2)
    args = parser.parse_args()
    try:
        problems = check(args.png, args.width, args.height, args.theme, args.lanes)
    except (OSError, ValueError, zlib.error) as e:
        problems = [str(e)]
    if problems:
        for p in problems:
            print(f"{args.png}: {p}", file=sys.stderr)
        return 1
    print(f"{args.png}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
