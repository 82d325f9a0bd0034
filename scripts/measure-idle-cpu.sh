#!/bin/sh
# Measures the CPU the game's process uses while its window sits still: starts `tradetable play ARGS…` under Xvfb
# with Mesa's software Vulkan (as scripts/check-screenshots.sh does), waits SETTLE seconds for it to reach the table,
# then reads the process's user + system time from /proc over SECONDS_MEASURED seconds and prints it as a share of
# one core. Nothing touches the window meanwhile, so this is the cost of an idle table (or, with `--side watch`, of
# a game playing itself). Needs the Debian packages xvfb and mesa-vulkan-drivers.
#
#   scripts/measure-idle-cpu.sh [ARGS…]     e.g. scripts/measure-idle-cpu.sh --side watch
#   TRADETABLE=PATH for another binary (default: the dev build); SETTLE (default 15), SECONDS_MEASURED (default 30).
set -eu
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${TRADETABLE:-$TARGET/debug/tradetable}
SETTLE=${SETTLE:-15}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
SCRATCH=$(mktemp -d)
# Saves go to a scratch folder, not the user's.
export TRADETABLE_DATA_DIR="$SCRATCH/data"
xvfb-run -a -s "-screen 0 1280x720x24" "$BIN" play "$@" >"$SCRATCH/game.log" 2>&1 &
RUNNER=$!
sleep "$SETTLE"
# xvfb-run starts Xvfb and the game as its children: the game is the process running the binary.
GAME=$(pgrep -P "$RUNNER" -f "$(basename "$BIN") play" || pgrep -f "^$BIN play" | head -n 1)
ticks() {
    # Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (the name, field 2, has no spaces).
    awk '{ print $14 + $15 }' "/proc/$GAME/stat"
}
HZ=$(getconf CLK_TCK)
BEFORE=$(ticks)
sleep "$SECONDS_MEASURED"
AFTER=$(ticks)
THREADS=$(ls "/proc/$GAME/task" | wc -l)
kill "$GAME" 2>/dev/null || true
wait "$RUNNER" 2>/dev/null || true
rm -rf "$SCRATCH"
awk -v b="$BEFORE" -v a="$AFTER" -v hz="$HZ" -v s="$SECONDS_MEASURED" -v t="$THREADS" 'BEGIN {
    printf "CPU over %d s: %.2f s, %.1f%% of one core (%d threads)\n", s, (a - b) / hz, 100 * (a - b) / hz / s, t
}'
