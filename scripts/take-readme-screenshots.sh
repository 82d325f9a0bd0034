#!/bin/sh
# Takes the screenshots that README.md and docs/ show, into docs/images: the table in the middle of a game as the US,
# at 1280x720 and 1920x1080, at 100% and 175% UI scale (a laptop, and a classroom projector), "About the model", and
# the title, table, results and replay in Japanese.
# Runs the real game under Xvfb with Mesa's software Vulkan (autoplay), like scripts/check-screenshots.sh, and makes
# the PNGs small with pngquant and optipng when they are installed (Debian packages pngquant and optipng; without
# them the PNGs are kept as taken, several times larger). Needs the Debian packages xvfb and mesa-vulkan-drivers.
#
#   scripts/take-readme-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
WORK=$TARGET/readme-screenshots
OUT=docs/images
rm -rf "$WORK"
mkdir -p "$WORK" "$OUT"
cargo build --bin tradetable
# A copy of the game just built, which another build into the same target folder cannot replace mid-run.
BIN="$WORK/tradetable"
cp "$TARGET/debug/tradetable" "$BIN"
# Autoplay's saves go to a scratch folder, not the user's.
export TRADETABLE_DATA_DIR="$WORK/data"
# Copies a screenshot into docs/images, made small.
keep() {
    if command -v pngquant >/dev/null 2>&1; then
        pngquant --quality 70-95 --strip --force --output "$2" "$1"
    else
        cp "$1" "$2"
    fi
    if command -v optipng >/dev/null 2>&1; then
        optipng -quiet -o2 "$2"
    fi
}
for size in 1280x720 1920x1080; do
    for scale in 1 1.75; do
        dir="$WORK/$size-$scale"
        # The screen is as large as the largest window, so every window fits whole.
        if ! timeout 300 xvfb-run -a -s "-screen 0 1920x1080x24" "$BIN" play --autoplay --side us \
            --window-size "$size" --ui-scale "$scale" --screenshot-dir "$dir" >"$dir.log" 2>&1; then
            cat "$dir.log"
            exit 1
        fi
        percent=$(echo "$scale" | awk '{ printf "%d", $1 * 100 }')
        keep "$dir/04-table-mid.png" "$OUT/table-$size-$percent.png"
    done
done
keep "$WORK/1280x720-1/10-about.png" "$OUT/about-the-model.png"
# The game in Japanese, as the partner's players see it: the title, the table, the results and the replay.
dir="$WORK/ja"
if ! timeout 300 xvfb-run -a -s "-screen 0 1280x720x24" "$BIN" play --autoplay --side us --lang ja \
    --screenshot-dir "$dir" >"$dir.log" 2>&1; then
    cat "$dir.log"
    exit 1
fi
keep "$dir/01-title.png" "$OUT/ja-title.png"
keep "$dir/04-table-mid.png" "$OUT/ja-table.png"
keep "$dir/08-results.png" "$OUT/ja-results.png"
keep "$dir/11-replay.png" "$OUT/ja-replay.png"
ls -l "$OUT"
