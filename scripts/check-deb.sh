#!/bin/sh
# Builds the Linux package from the binary CI already compiled (no second build: `cargo deb --no-build` on the dev
# profile's binary, which cargo-deb strips), installs it with apt from a fresh temporary folder outside the source tree,
# and tries the installed copy as a teacher would: --version, validate of a built-in scenario, `check`, and the game
# under Xvfb for screenshots, checked not blank. It then checks the game wrote only to the user's data folder (and
# the screenshot folder it was given), and removes the package. Needs cargo-deb, apt, xvfb and Mesa's Vulkan.
#
#   scripts/check-deb.sh [BINARY]     (default: $CARGO_TARGET_DIR/debug/tradetable, built with the default features)
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${1:-$TARGET/debug/tradetable}
if [ ! -x "$BIN" ]; then
    echo "check-deb: no binary at $BIN (build it with: cargo build)" >&2
    exit 1
fi
PROFILE=dev
case "$BIN" in */release/*) PROFILE=release ;; esac

WORK=$(mktemp -d /tmp/tradetable-deb-check.XXXXXX)
cleanup() {
    if dpkg -s tradetable >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tradetable >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "check-deb: packaging $BIN"
START=$(date +%s)
# cargo-deb takes the binary from the target folder; a scratch one holding a copy of BINARY packages exactly that
# binary. It warns that a dev-profile package is not a release: here it is a test of the packaging, not a download.
PROFILE_DIR=debug
[ "$PROFILE" = release ] && PROFILE_DIR=release
mkdir -p "$WORK/target/$PROFILE_DIR"
cp "$BIN" "$WORK/target/$PROFILE_DIR/tradetable"
CARGO_TARGET_DIR="$WORK/target" cargo deb --no-build --profile "$PROFILE" --output "$WORK/" 2>&1 |
    grep -v "dev profile\|debug symbols\|custom profiles\|^/" || true
rm -rf "$WORK/target"
DEB=$(ls "$WORK"/tradetable_*.deb)
echo "check-deb: $(basename "$DEB"), $(du -k "$DEB" | cut -f1) KiB, packaged in $(($(date +%s) - START)) s"

# From here on, nothing of the source tree: a clean folder, a fresh home, the installed program on PATH.
cd "$WORK"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$(basename "$DEB")" >/dev/null
INSTALLED=$(command -v tradetable)
[ "$INSTALLED" = /usr/bin/tradetable ] || { echo "check-deb: tradetable is $INSTALLED, not /usr/bin/tradetable" >&2; exit 1; }
for FILE in /usr/share/applications/tradetable.desktop /usr/share/icons/hicolor/256x256/apps/tradetable.png \
    /usr/share/doc/tradetable/LICENSE-MIT /usr/share/doc/tradetable/LICENSE-APACHE /usr/share/doc/tradetable/copyright; do
    [ -s "$FILE" ] || { echo "check-deb: the package did not install $FILE" >&2; exit 1; }
done

mkdir -p "$WORK/home"
export HOME="$WORK/home"
unset TRADETABLE_DATA_DIR XDG_DATA_HOME
touch "$WORK/before"

tradetable --version | tee "$WORK/version.txt"
grep -q "^tradetable [0-9]" "$WORK/version.txt"
grep -q "scenario format [0-9a-f]\{8\}" "$WORK/version.txt"

tradetable validate tutorial spring-2025
tradetable check | tee "$WORK/check.txt"
grep -q "ok       data folder: $HOME/.local/share/tradetable (writable)" "$WORK/check.txt"
grep -q "graphics: " "$WORK/check.txt"

# A software renderer on 2 cores is slow; the tutorial's autoplay takes about a minute.
SHOTS="$WORK/shots"
timeout 300 xvfb-run -a -s "-screen 0 1280x720x24" tradetable play --autoplay --side us --scenario tutorial \
    --screenshot-dir "$SHOTS" >"$WORK/game.log" 2>&1 || { tail -n 20 "$WORK/game.log" >&2; exit 1; }
grep -o "launch-to-title [0-9]* ms" "$WORK/game.log" | head -n 1 || true
FIRST=$(find "$SHOTS" -name "*.png" | sort | head -n 1)
python3 - "$FIRST" <<'PY'
"""Fails unless the PNG has real content: decoded with zlib, the commonest colour must cover under 95% of the
pixels and there must be more than 20 colours."""
import struct
import sys
import zlib
from collections import Counter

path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"check-deb: {path} is not a PNG")
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
if depth != 8 or colour_type not in (2, 6):
    sys.exit(f"check-deb: unexpected PNG format (depth {depth}, colour type {colour_type})")
raw = zlib.decompress(idat)
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
    if row % 4 == 0:
        for x in range(0, stride, channels * 2):
            colours[bytes(line[x : x + 3])] += 1
total = sum(colours.values())
_, most = colours.most_common(1)[0]
print(f"check-deb: {path}: {width}x{height}, {len(colours)} colours, the commonest covers {most / total:.0%}")
if most / total > 0.95 or len(colours) <= 20:
    sys.exit("check-deb: the installed game's screenshot is nearly blank")
PY

# Everything the installed copy wrote since it was installed: only the user's data folder and the screenshots.
WRITTEN=$(find "$WORK" -newer "$WORK/before" -type f \
    ! -path "$HOME/.local/share/tradetable/*" ! -path "$SHOTS/*" \
    ! -name version.txt ! -name check.txt ! -name game.log)
if [ -n "$WRITTEN" ]; then
    echo "check-deb: the installed game wrote outside the user's data folder:" >&2
    echo "$WRITTEN" >&2
    exit 1
fi

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tradetable >/dev/null
if [ -e /usr/bin/tradetable ]; then
    echo "check-deb: tradetable is still installed after apt-get remove" >&2
    exit 1
fi
echo "check-deb: ok — installed, run from $WORK, removed ($(($(date +%s) - START)) s in all)"
