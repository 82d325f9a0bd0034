#!/usr/bin/env python3
"""Checks that a PNG screenshot has real content, with the standard library only (CI machines start bare).

Usage: png-has-content.py LABEL PATH MIN_COLOURS [WIDTHxHEIGHT]

Decoded with zlib, the commonest colour must cover under 95% of the pixels and there must be more than MIN_COLOURS
colours; with WIDTHxHEIGHT the picture must be that size. Exits non-zero with a message naming LABEL otherwise.
"""
import struct
import sys
import zlib
from collections import Counter


def main() -> None:
    label, path, min_colours = sys.argv[1], sys.argv[2], int(sys.argv[3])
    expected_size = sys.argv[4] if len(sys.argv) > 4 else None
    try:
        data = open(path, "rb").read()
    except OSError as error:
        sys.exit(f"{label}: no PNG: {error}")
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{label}: {path} is not a PNG")
    try:
        pos, idat, header = 8, b"", None
        while pos + 8 <= len(data):
            length, kind = struct.unpack(">I4s", data[pos : pos + 8])
            chunk = data[pos + 8 : pos + 8 + length]
            if kind == b"IHDR":
                header = struct.unpack(">IIBBBBB", chunk)
            elif kind == b"IDAT":
                idat += chunk
            pos += 12 + length
        width, height, depth, colour_type = header[:4]
        raw = zlib.decompress(idat)
    except (struct.error, TypeError, zlib.error) as error:
        sys.exit(f"{label}: {path} is a damaged PNG ({error})")
    if depth != 8 or colour_type not in (2, 6):
        sys.exit(f"{label}: unexpected PNG format (depth {depth}, colour type {colour_type})")
    colours = sampled_colours(raw, width, height, 3 if colour_type == 2 else 4)
    total = sum(colours.values())
    _, most = colours.most_common(1)[0]
    print(f"{label}: {path}: {width}x{height}, {len(colours)} colours, the commonest covers {most / total:.0%}")
    if expected_size and f"{width}x{height}" != expected_size:
        sys.exit(f"{label}: the screenshot is {width}x{height}, not {expected_size}")
    if most / total > 0.95 or len(colours) <= min_colours:
        sys.exit(f"{label}: {path} is nearly blank")


def sampled_colours(raw: bytes, width: int, height: int, channels: int) -> Counter:
    """The colours of every other pixel of every fourth row (plenty to judge), undoing PNG's row filters."""
    stride = width * channels
    previous = bytearray(stride)
    colours = Counter()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        previous = line
        if row % 4 == 0:
            for x in range(0, stride, channels * 2):
                colours[bytes(line[x : x + 3])] += 1
    return colours


if __name__ == "__main__":
    main()
