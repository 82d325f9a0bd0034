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
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
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

# A tiny file means the page rendered blank; then the picture must have real content at the expected size.
if [ "$(stat -c %s "$PNG" 2>/dev/null || echo 0)" -lt 20000 ]; then
    echo "check-debrief: $PNG is missing or tiny: the page rendered blank" >&2
    exit 1
fi
python3 "$SCRIPTS/png-has-content.py" check-debrief "$PNG" 50 "${WIDTH}x2400"
echo "check-debrief: ok — $PNG"
done
