#!/bin/sh
# Runs the real game under Xvfb with Mesa's software Vulkan: autoplay in watch mode (in English and in Japanese) and in
# hotseat, saving a PNG of every screen, then checks that each exists and is not blank. Uses the dev profile, like `cargo test`, so Bevy is
# compiled once. Needs the Debian packages xvfb and mesa-vulkan-drivers.
#
#   scripts/check-screenshots.sh [DIR]     (default DIR: target/screenshots)
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
DIR=${1:-$TARGET/screenshots}
rm -rf "$DIR"
mkdir -p "$DIR/hotseat"
cargo build --bin tradetable
BIN="$TARGET/debug/tradetable"
# Saves made by autoplay ("Save as" for the load dialog's screenshot) go to a scratch folder, not the user's.
export TRADETABLE_DATA_DIR="$DIR/data"
run() {
    # A software renderer on 2 cores is slow; 5 minutes is plenty for a whole game.
    timeout 300 xvfb-run -a -s "-screen 0 1280x720x24" "$BIN" play --autoplay "$@"
}
run --screenshot-dir "$DIR"
run --side hotseat --screenshot-dir "$DIR/hotseat"
run --side us --scenario tutorial --screenshot-dir "$DIR/tutorial"
# The same game in Japanese: every screen of watch mode, with the Japanese font and messages.
run --lang ja --screenshot-dir "$DIR/ja"
# A copy of the tutorial inside the screenshot folder, which autoplay breaks and puts back: the table's hot-reload error.
mkdir -p "$DIR/edit"
"$BIN" new-scenario edited-tutorial --from tutorial --out "$DIR/edit" >/dev/null
run --side us --scenario "$DIR/edit/edited-tutorial.ron" --screenshot-dir "$DIR/edit"
TRADETABLE_SCREENSHOTS="$DIR" cargo test --test game_screenshots autoplay_screenshots -- --ignored --nocapture
echo "screenshots in $DIR"
