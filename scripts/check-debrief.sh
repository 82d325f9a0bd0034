#!/bin/sh
# Makes a class of 60 tables played by the computer, adds a second copy of table 1 and a file cut short (as a real
# results folder may hold), writes its debrief (HTML and CSV) with the built binary, renders the page with headless
# Chromium to PNGs 1280 and 800 pixels wide, and fails if a PNG is missing, tiny or nearly one colour, or if the
# browser's console reports anything (the page has no scripts, so any console message is a fault). Needs the Debian
# package chromium, and python3 for the PNG check (standard library only).
#
#   scripts/check-debrief.sh [BINARY [DIR]]
#       BINARY  default: $CARGO_TARGET_DIR/debug/tradetable (CARGO_TARGET_DIR defaults to target)
#       DIR     default: the binary's folder/../debrief-check; the page, CSV, PNG and browser log are left there
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${1:-$TARGET/debug/tradetable}
if [ ! -x "$BIN" ]; then
    echo "check-debrief: no binary at $BIN (build it with: cargo build --no-default-features)" >&2
    exit 1
fi
DIR=${2:-$(dirname "$BIN")/../debrief-check}
rm -rf "$DIR"
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

"$BIN" class new --tables 60 --seed 2025 --out "$DIR/class" >/dev/null
"$BIN" class simulate --class "$DIR/class/class.json" --out "$DIR/class/results" >/dev/null
FIRST=$(ls "$DIR/class/results" | head -n 1)
cp "$DIR/class/results/$FIRST" "$DIR/class/results/copy-of-table-1.json"
head -c 2000 "$DIR/class/results/$FIRST" >"$DIR/class/results/cut-short.json"
"$BIN" debrief "$DIR/class/results" --out "$DIR/debrief.html" --csv "$DIR/scores.csv"

for WIDTH in 1280 800; do
PNG="$DIR/debrief-$WIDTH.png"
LOG="$DIR/chromium-$WIDTH.log"
# --enable-logging=stderr --v=0 copies the page's console (INFO:CONSOLE lines) to stderr.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
    --screenshot="$PNG" --window-size=$WIDTH,2400 "file://$DIR/debrief.html" >"$LOG" 2>&1 || {
    cat "$LOG" >&2
    echo "check-debrief: chromium failed" >&2
    exit 1
}
if grep -E ':CONSOLE|Uncaught|Failed to load resource' "$LOG" >&2; then
    echo "check-debrief: the browser console reported the lines above" >&2
    exit 1
fi

python3 - "$PNG" "$WIDTH" <<'PY'
"""Fails unless the PNG is a WIDTHx2400 picture with real content: decoded with zlib, the most common colour must
cover less than 95% of the pixels and there must be more than 50 colours."""
import struct
import sys
import zlib
from collections import Counter

path = sys.argv[1]
expected_width = int(sys.argv[2])
try:
    data = open(path, "rb").read()
except OSError as error:
    sys.exit(f"check-debrief: no PNG: {error}")
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"check-debrief: {path} is not a PNG")
if len(data) < 20_000:
    sys.exit(f"check-debrief: {path} is tiny ({len(data)} bytes): the page rendered blank")
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
    sys.exit(f"check-debrief: {path} is a damaged PNG ({error})")
if depth != 8 or colour_type not in (2, 6):
    sys.exit(f"check-debrief: unexpected PNG format (depth {depth}, colour type {colour_type})")
channels = 3 if colour_type == 2 else 4
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
    if row % 4 == 0:  # every fourth row is plenty to judge the colours
        for x in range(0, stride, channels * 2):
            colours[bytes(line[x : x + 3])] += 1
total = sum(colours.values())
_, most = colours.most_common(1)[0]
print(f"check-debrief: {width}x{height}, {len(colours)} colours, the commonest covers {most / total:.0%}")
if (width, height) != (expected_width, 2400):
    sys.exit(f"check-debrief: the screenshot is {width}x{height}, not {expected_width}x2400")
if most / total > 0.95 or len(colours) <= 50:
    sys.exit("check-debrief: the page rendered nearly blank")
PY
echo "check-debrief: ok — $PNG"
done
