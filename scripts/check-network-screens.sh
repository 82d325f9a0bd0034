#!/bin/sh
# Runs networked play under Xvfb with Mesa's software Vulkan and checks its screenshots exist and are not blank:
#   - the teacher's console (`host --autoplay`): laptops of the computer join some tables of a class of four and play,
#     the computer takes a missing seat, a table is paused, an inject fired; the class is ended and debriefed;
#   - a team's laptop (`play --join … --autoplay`) at a table of a headless host whose other seat is the computer:
#     waiting, on its turn, the results, and a join with a wrong code.
# Uses the dev profile, like `cargo test`. Needs the Debian packages xvfb and mesa-vulkan-drivers.
#
#   scripts/check-network-screens.sh [DIR]     (default DIR: target/network-screenshots)
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
DIR=${1:-$TARGET/network-screenshots}
rm -rf "$DIR"
mkdir -p "$DIR"
cargo build --bin tradetable
BIN="$TARGET/debug/tradetable"
# Saves and settings go to a scratch folder, not the user's.
export TRADETABLE_DATA_DIR="$DIR/data"
# Ports for this run: away from the default, and different for each run of the script.
PORT=$((20000 + $$ % 20000))
xvfb() {
    timeout 300 xvfb-run -a -s "-screen 0 1280x720x24" "$BIN" "$@"
}

xvfb host --tables 4 --port "$PORT" --results "$DIR/console-results" --autoplay --screenshot-dir "$DIR/console"

"$BIN" class new --tables 1 --us normal --partner people --out "$DIR/class" >"$DIR/class.txt"
HOST_PORT=$((PORT + 1))
"$BIN" host --headless --port "$HOST_PORT" --class "$DIR/class/class.json" --results "$DIR/class-results" \
    >"$DIR/host.log" 2>&1 &
HOST=$!
trap 'kill "$HOST" 2>/dev/null || true' EXIT
# A hosted class seats teams with the join codes the host draws and prints (not the class sheet's codes).
CODE=""
for _ in $(seq 1 50); do
    CODE=$(sed -n 's/^ *table *1: *//p' "$DIR/host.log" | head -n 1)
    [ -n "$CODE" ] && break
    sleep 0.2
done
[ -n "$CODE" ] || { echo "no join code in $DIR/host.log" >&2; exit 1; }
xvfb play --join "127.0.0.1:$HOST_PORT" --code "$CODE" --side partner --autoplay --screenshot-dir "$DIR/joined"
kill "$HOST" 2>/dev/null || true
wait "$HOST" 2>/dev/null || true
trap - EXIT

TRADETABLE_NETWORK_SCREENSHOTS="$DIR" cargo test --test game_screenshots network_screenshots -- --ignored --nocapture
echo "screenshots in $DIR/console and $DIR/joined"
